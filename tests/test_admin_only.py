"""Who may change the provisioning list and the network, and with what input.

Over a real websocket, with real Home Assistant users: every service that
changes the list, a provider or the network, every panel command, and every
action of the entities that open the network or change admission (Admit, the
guard, continuous admission), refuses a user who is not an administrator and
changes nothing; an administrator's same call, and an automation's, does what
it says. The reads stay open to users and carry no key. Integer fields refuse
booleans.
"""

from __future__ import annotations

from typing import Any

from homeassistant.auth.const import GROUP_ID_READ_ONLY, GROUP_ID_USER
from homeassistant.config_entries import ConfigEntry
from homeassistant.const import STATE_UNKNOWN
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import Unauthorized
from homeassistant.helpers import entity_registry as er
from homeassistant.setup import async_setup_component
import probatio as vol
import pytest
from pytest_homeassistant_custom_component.common import CLIENT_ID
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.provisioning.const import DOMAIN
from tests.test_admission import wait_for
from tests.test_websocket_api import CODE, IEEE, LINK_KEY, QR, Client
from virtual_coordinator import VirtualCoordinator

LISTED = "00:11:22:33:44:55:66:99"
OTHER = "00:11:22:33:44:55:66:78"

# Each service that changes something, with a call that would succeed
ADMIN_SERVICES: dict[str, dict[str, Any]] = {
    "add_device": {"qr_code": QR, "name": "Lamp"},
    "remove_device": {"ieee": LISTED},
    "import_devices": {"csv": f"{OTHER},,{LINK_KEY},Meter,"},
    "start_pairing": {"duration": 60},
    "stop_pairing": {},
    "sync": {},
}
RESPONDING = {"add_device", "import_devices", "start_pairing", "sync"}
READ_SERVICES = ("list_devices", "export_devices")
# Each panel command, with fields that would succeed
PANEL_COMMANDS: dict[str, dict[str, Any]] = {
    "coordinators": {},
    "entries/subscribe": {},
    "code/parse": {"qr_code": QR},
    "entries/add": {"qr_code": QR, "name": "Lamp"},
    "entries/update": {"ieee": LISTED, "name": "Renamed"},
    "entries/remove": {"ieee": LISTED},
    "entries/import": {"csv": f"{OTHER},,{LINK_KEY},Meter,"},
    "window/start": {"duration": 60},
    "window/stop": {},
    "guard/set": {"enabled": False},
}


async def user_token(hass: HomeAssistant, group: str) -> tuple[str, str]:
    """Create a real user of a group; return its id and an access token."""
    user = await hass.auth.async_create_user(f"User of {group}", group_ids=[group])
    assert not user.is_admin
    refresh = await hass.auth.async_create_refresh_token(user, CLIENT_ID)
    return user.id, hass.auth.async_create_access_token(refresh)


def network_state(
    entry: ConfigEntry, coordinator: VirtualCoordinator
) -> dict[str, Any]:
    """What a refused call must leave as it was: the list and the network."""
    admission = entry.runtime_data.admission
    return {
        "entries": sorted(
            (item.as_public_dict() for item in entry.runtime_data.data.values()),
            key=lambda item: item["id"],
        ),
        "subentries": {
            sub.subentry_id: (sub.title, dict(sub.data))
            for sub in entry.subentries.values()
        },
        "window_open": admission.window_open,
        "window_ends": admission.window_ends,
        "guard": admission.guard_enabled,
        "continuous": admission.continuous,
        "permit_open": coordinator.trust_center.permit_open,
        "radio_keys": sorted(map(str, coordinator.trust_center.transient_key_ieees)),
    }


async def call_service(
    client: Client, service: str, data: dict[str, Any], *, response: bool = False
) -> dict[str, Any]:
    """Call a service of the integration over the websocket; return the answer."""
    return await client.call(
        "call_service",
        domain=DOMAIN,
        service=service,
        service_data=data,
        return_response=response,
    )


async def list_a_device(hass: HomeAssistant) -> None:
    """Put one device on the list, as an automation (no user) would."""
    await hass.services.async_call(
        DOMAIN, "add_device", {"ieee": LISTED, "link_key": LINK_KEY}, blocking=True
    )


def entity_id(hass: HomeAssistant, entry: ConfigEntry, key: str) -> str:
    """Return the entity id of one of the coordinator's entities."""
    unique_id = f"{entry.unique_id}_{key}"
    for entity in er.async_get(hass).entities.values():
        if entity.platform == DOMAIN and entity.unique_id == unique_id:
            return entity.entity_id
    raise AssertionError(f"no entity {unique_id}")


@pytest.fixture(params=[GROUP_ID_USER, GROUP_ID_READ_ONLY])
def group(request: pytest.FixtureRequest) -> str:
    """A group of users who are not administrators."""
    return str(request.param)


async def test_services_refuse_a_user_and_change_nothing(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    virtual_coordinator: VirtualCoordinator,
    hass_ws_client: WebSocketGenerator,
    group: str,
) -> None:
    """Each changing service refuses a non-admin, with the window closed or open."""
    await list_a_device(hass)
    user_id, token = await user_token(hass, group)
    client = Client(await hass_ws_client(hass, access_token=token))
    for window_open in (False, True):
        if window_open:
            await hass.services.async_call(
                DOMAIN, "start_pairing", {"duration": 120}, blocking=True
            )
            assert virtual_coordinator.trust_center.permit_open
        before = network_state(provisioning_entry, virtual_coordinator)
        for service, data in ADMIN_SERVICES.items():
            answer = await call_service(client, service, data)
            assert not answer["success"], (service, answer)
            assert answer["error"]["code"] == "home_assistant_error", service
            assert answer["error"]["message"] == "Unauthorized", service
            # ... and in Home Assistant itself, as for zha.permit
            with pytest.raises(Unauthorized):
                await hass.services.async_call(
                    DOMAIN,
                    service,
                    data,
                    blocking=True,
                    context=Context(user_id=user_id),
                )
            await hass.async_block_till_done()
            assert network_state(provisioning_entry, virtual_coordinator) == before, (
                service
            )
    assert [str(ieee) for ieee in provisioning_entry.runtime_data.data] == [LISTED]
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)
    await virtual_coordinator.wait_idle()
    assert client.secrets_seen() == []


async def test_services_do_their_work_for_an_admin(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    virtual_coordinator: VirtualCoordinator,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """The same calls, by an administrator, change what they say they change."""
    await list_a_device(hass)
    client = Client(await hass_ws_client(hass))
    coordinator = provisioning_entry.runtime_data

    async def ok(service: str) -> Any:
        answer = await call_service(
            client, service, ADMIN_SERVICES[service], response=service in RESPONDING
        )
        assert answer["success"], (service, answer)
        return answer["result"].get("response")

    assert (await ok("add_device"))["ieee"] == IEEE
    assert (await ok("import_devices"))["added"] == 1
    assert {str(ieee) for ieee in coordinator.data} == {LISTED, IEEE, OTHER}
    assert (await ok("start_pairing"))["keys_loaded"] == 3
    assert coordinator.admission.window_open
    assert virtual_coordinator.trust_center.permit_open
    assert await ok("stop_pairing") is None
    await wait_for(hass, lambda: not virtual_coordinator.trust_center.permit_open)
    assert not coordinator.admission.window_open
    assert await ok("remove_device") is None
    assert LISTED not in {str(ieee) for ieee in coordinator.data}
    assert await ok("sync") == {"servers": []}
    await virtual_coordinator.wait_idle()
    assert client.secrets_seen() == []


async def test_reads_are_open_to_users_and_carry_no_key(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    hass_ws_client: WebSocketGenerator,
    group: str,
) -> None:
    """list_devices and export_devices answer a non-admin, without any key."""
    await list_a_device(hass)
    await hass.services.async_call(DOMAIN, "add_device", {"qr_code": QR}, blocking=True)
    _, token = await user_token(hass, group)
    client = Client(await hass_ws_client(hass, access_token=token))
    for service in READ_SERVICES:
        answer = await call_service(client, service, {}, response=True)
        assert answer["success"], (service, answer)
        devices = answer["result"]["response"]["devices"]
        assert sorted(device["ieee"] for device in devices) == sorted([IEEE, LISTED])
        assert {device["key_type"] for device in devices} == {
            "install_code",
            "link_key",
        }
    assert client.secrets_seen() == []


async def test_panel_commands_refuse_a_user_and_change_nothing(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    virtual_coordinator: VirtualCoordinator,
    hass_ws_client: WebSocketGenerator,
    group: str,
) -> None:
    """Every panel command, reads included, refuses a non-admin."""
    await list_a_device(hass)
    _, token = await user_token(hass, group)
    client = Client(await hass_ws_client(hass, access_token=token))
    for window_open in (False, True):
        if window_open:
            await hass.services.async_call(
                DOMAIN, "start_pairing", {"duration": 120}, blocking=True
            )
        before = network_state(provisioning_entry, virtual_coordinator)
        for command, fields in PANEL_COMMANDS.items():
            error = await client.error(command, **fields)
            assert error["code"] == "unauthorized", command
            await hass.async_block_till_done()
            assert network_state(provisioning_entry, virtual_coordinator) == before, (
                command
            )
    # nothing was subscribed: a change sends the user nothing
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)
    assert (await client.call("ping"))["type"] == "pong"
    await virtual_coordinator.wait_idle()
    assert client.secrets_seen() == []


async def test_panel_commands_work_for_an_admin(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    virtual_coordinator: VirtualCoordinator,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """The same commands, by an administrator, do what they say."""
    await list_a_device(hass)
    client = Client(await hass_ws_client(hass))
    coordinator = provisioning_entry.runtime_data

    async def ok(command: str) -> Any:
        return await client.ok(command, **PANEL_COMMANDS[command])

    assert len((await ok("coordinators"))["coordinators"]) == 1
    assert (await ok("code/parse"))["ieee"] == IEEE
    assert (await ok("entries/add"))["entry"]["ieee"] == IEEE
    assert (await ok("entries/update"))["entry"]["name"] == "Renamed"
    assert (await ok("entries/import"))["added"] == 1
    assert {str(ieee) for ieee in coordinator.data} == {LISTED, IEEE, OTHER}
    assert (await ok("window/start"))["window"]["open"] is True
    assert virtual_coordinator.trust_center.permit_open
    assert (await ok("window/stop"))["window"]["open"] is False
    await wait_for(hass, lambda: not virtual_coordinator.trust_center.permit_open)
    assert (await ok("guard/set"))["window"]["guard"] is False
    assert not coordinator.admission.guard_enabled
    assert await ok("entries/remove") == {}
    assert LISTED not in {str(ieee) for ieee in coordinator.data}
    assert await ok("entries/subscribe") is None
    assert (await client.event())["type"] == "snapshot"
    await virtual_coordinator.wait_idle()
    assert client.secrets_seen() == []


# Each action of an entity, by the entity's key
ENTITY_ACTIONS: list[tuple[str, str, str]] = [
    ("button", "press", "admit"),
    ("switch", "turn_off", "guard"),
    ("switch", "turn_on", "guard"),
    ("switch", "toggle", "guard"),
    ("switch", "turn_on", "continuous"),
    ("switch", "turn_off", "continuous"),
    ("switch", "toggle", "continuous"),
]


async def entity_call(
    client: Client, domain: str, service: str, entity: str
) -> dict[str, Any]:
    """Call an entity's service as this client's user; return the answer."""
    return await client.call(
        "call_service", domain=domain, service=service, target={"entity_id": entity}
    )


async def open_continuously(
    hass: HomeAssistant, entry: ConfigEntry, coordinator: VirtualCoordinator
) -> None:
    """Turn the guard off and continuous admission on, as an automation would."""
    admission = entry.runtime_data.admission
    for service, key in (("turn_off", "guard"), ("turn_on", "continuous")):
        await hass.services.async_call(
            "switch",
            service,
            {"entity_id": entity_id(hass, entry, key)},
            blocking=True,
        )
    await wait_for(
        hass,
        lambda: (
            admission.window_mode == "continuous"
            and coordinator.trust_center.permit_open
        ),
    )
    assert not admission.guard_enabled


async def test_entities_refuse_a_user_and_change_nothing(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    virtual_coordinator: VirtualCoordinator,
    hass_ws_client: WebSocketGenerator,
    group: str,
) -> None:
    """Admit and both switches refuse a non-admin, in either setting.

    Home Assistant lets a user of the Users group control every entity; these
    entities refuse such a user themselves, as the admin services do, so a
    user cannot turn the guard off and press Admit (which, on a radio that
    cannot enforce install codes, would let any device join).
    """
    await list_a_device(hass)
    user_id, token = await user_token(hass, group)
    client = Client(await hass_ws_client(hass, access_token=token))
    admission = provisioning_entry.runtime_data.admission
    admit = entity_id(hass, provisioning_entry, "admit")
    assert hass.states.get(admit).state == STATE_UNKNOWN
    for opened in (False, True):
        if opened:
            # the other setting of each switch, and an open window
            await open_continuously(hass, provisioning_entry, virtual_coordinator)
        else:
            assert admission.guard_enabled
            assert not admission.continuous
            assert not admission.window_open
        before = network_state(provisioning_entry, virtual_coordinator)
        for domain, service, key in ENTITY_ACTIONS:
            entity = entity_id(hass, provisioning_entry, key)
            answer = await entity_call(client, domain, service, entity)
            assert not answer["success"], (service, key, answer)
            assert answer["error"]["code"] == "home_assistant_error", (service, key)
            assert answer["error"]["message"] == "Unauthorized", (service, key)
            # ... and in Home Assistant itself
            with pytest.raises(Unauthorized):
                await hass.services.async_call(
                    domain,
                    service,
                    {"entity_id": entity},
                    blocking=True,
                    context=Context(user_id=user_id),
                )
            await hass.async_block_till_done()
            assert network_state(provisioning_entry, virtual_coordinator) == before, (
                service,
                key,
            )
        if not opened:
            assert not virtual_coordinator.trust_center.permit_open
    # Home Assistant records a press before the button acts: the entity's own
    # refusal leaves the time of the press as its state; a read-only user's
    # press, refused by Home Assistant, leaves nothing
    pressed = hass.states.get(admit).state != STATE_UNKNOWN
    assert pressed == (group == GROUP_ID_USER)
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)
    assert not admission.continuous
    await virtual_coordinator.wait_idle()
    assert client.secrets_seen() == []


async def test_entities_do_their_work_for_an_admin(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    virtual_coordinator: VirtualCoordinator,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """The same calls, by an administrator, open and close what they say."""
    await list_a_device(hass)
    client = Client(await hass_ws_client(hass))
    admission = provisioning_entry.runtime_data.admission
    trust_center = virtual_coordinator.trust_center

    async def ok(domain: str, service: str, key: str) -> None:
        entity = entity_id(hass, provisioning_entry, key)
        answer = await entity_call(client, domain, service, entity)
        assert answer["success"], (service, key, answer)

    await ok("switch", "turn_off", "guard")
    assert not admission.guard_enabled
    await ok("button", "press", "admit")
    assert admission.window_open
    assert trust_center.permit_open
    assert [str(ieee) for ieee in trust_center.transient_key_ieees] == [LISTED]
    await ok("switch", "turn_on", "continuous")
    assert admission.continuous
    await wait_for(hass, lambda: admission.window_mode == "continuous")
    await ok("switch", "turn_off", "continuous")
    assert not admission.continuous
    await wait_for(hass, lambda: not trust_center.permit_open)
    assert not admission.window_open
    await ok("switch", "turn_on", "guard")
    assert admission.guard_enabled
    await virtual_coordinator.wait_idle()
    assert client.secrets_seen() == []


async def test_entity_scripts_run_as_their_user_automations_as_before(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    virtual_coordinator: VirtualCoordinator,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """A script a user runs cannot open the network; an automation (no user) can."""
    await list_a_device(hass)
    open_up = [
        {
            "action": "switch.turn_off",
            "target": {"entity_id": entity_id(hass, provisioning_entry, "guard")},
        },
        {
            "action": "button.press",
            "target": {"entity_id": entity_id(hass, provisioning_entry, "admit")},
        },
    ]
    assert await async_setup_component(
        hass, "script", {"script": {"open_up": {"sequence": open_up}}}
    )
    assert await async_setup_component(
        hass,
        "automation",
        {
            "automation": {
                "triggers": [{"trigger": "event", "event_type": "lamps_unpacked"}],
                "actions": open_up,
            }
        },
    )
    admission = provisioning_entry.runtime_data.admission
    before = network_state(provisioning_entry, virtual_coordinator)
    _, token = await user_token(hass, GROUP_ID_USER)
    client = Client(await hass_ws_client(hass, access_token=token))
    answer = await client.call(
        "call_service", domain="script", service="open_up", service_data={}
    )
    assert not answer["success"], answer
    assert answer["error"]["message"] == "Unauthorized"
    await hass.async_block_till_done()
    assert network_state(provisioning_entry, virtual_coordinator) == before
    assert admission.guard_enabled

    hass.bus.async_fire("lamps_unpacked")
    await wait_for(
        hass,
        lambda: admission.window_open and virtual_coordinator.trust_center.permit_open,
    )
    assert not admission.guard_enabled
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)
    await virtual_coordinator.wait_idle()


async def test_integer_fields_refuse_booleans(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    virtual_coordinator: VirtualCoordinator,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """A duration of true is refused (it is no 1 s window), and no window opens."""
    await list_a_device(hass)
    client = Client(await hass_ws_client(hass))
    for duration in (True, False, 60.5, "60"):
        error = await client.error("window/start", duration=duration)
        assert error["code"] == "invalid_format", duration
    for duration in (True, False, 60.5, "sixty"):
        answer = await call_service(client, "start_pairing", {"duration": duration})
        assert not answer["success"]
        assert answer["error"]["code"] == "invalid_format", duration
        with pytest.raises(vol.Invalid):
            await hass.services.async_call(
                DOMAIN, "start_pairing", {"duration": duration}, blocking=True
            )
    await hass.async_block_till_done()
    assert not provisioning_entry.runtime_data.admission.window_open
    assert not virtual_coordinator.trust_center.permit_open

    # the number's text still does for the service, as before
    answer = await call_service(
        client, "start_pairing", {"duration": "30"}, response=True
    )
    assert answer["success"], answer
    assert answer["result"]["response"]["keys_loaded"] == 1
    window = provisioning_entry.runtime_data.admission
    assert window.window_open
    assert (await client.ok("window/start", duration=45))["window"]["duration"] == 45
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)
    await virtual_coordinator.wait_idle()
    assert CODE not in "".join(client.raw)


async def test_scripts_run_as_their_user_automations_as_before(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """A script a user runs adds nothing; an automation (no user) adds the device."""
    add = {"action": f"{DOMAIN}.add_device", "data": {"qr_code": QR}}
    assert await async_setup_component(
        hass, "script", {"script": {"add_lamp": {"sequence": [add]}}}
    )
    assert await async_setup_component(
        hass,
        "automation",
        {
            "automation": {
                "triggers": [{"trigger": "event", "event_type": "lamp_unpacked"}],
                "actions": [add],
            }
        },
    )
    _, token = await user_token(hass, GROUP_ID_USER)
    client = Client(await hass_ws_client(hass, access_token=token))
    answer = await client.call(
        "call_service", domain="script", service="add_lamp", service_data={}
    )
    assert not answer["success"], answer
    assert answer["error"]["message"] == "Unauthorized"
    await hass.async_block_till_done()
    assert not provisioning_entry.runtime_data.data

    # the same script, run by an administrator, adds the device
    admin = Client(await hass_ws_client(hass))
    answer = await admin.call(
        "call_service", domain="script", service="add_lamp", service_data={}
    )
    assert answer["success"], answer
    assert [str(ieee) for ieee in provisioning_entry.runtime_data.data] == [IEEE]
    await hass.services.async_call(
        DOMAIN, "remove_device", {"ieee": IEEE}, blocking=True
    )
    assert not provisioning_entry.runtime_data.data

    hass.bus.async_fire("lamp_unpacked")
    await wait_for(hass, lambda: bool(provisioning_entry.runtime_data.data))
    assert [str(ieee) for ieee in provisioning_entry.runtime_data.data] == [IEEE]
