"""The panel's websocket API over a real websocket (docs/websocket-api.md)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
import json
import pathlib
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import area_registry as ar, device_registry as dr
import pytest
from pytest_homeassistant_custom_component.typing import WebSocketGenerator
from zigpy.util import convert_install_code

from custom_components.provisioning.const import DOMAIN
from provisioning_server.store import Store
from provisioning_server.validation import DeviceRecord
from tests.conftest import find_secrets
from tests.provisioning_server.helpers import serve_store
from tests.test_admission import wait_for, zha_device
from tests.test_central import add_provider, register_hub
from virtual_coordinator import VirtualCoordinator, VirtualDevice

IEEE = "00:11:22:33:44:55:66:77"
CODE = "83FED3407A939723A5C639B26916D505C3B5"
LINK_KEY = "66B6900981E1EE3CA4206B6B861C02BB"
QR = f"Z:{IEEE.replace(':', '')}$I:{CODE}"
LONE = "0001 0203 0405 0607 0809 0A0B 0C0D 0E0F E913"
DERIVED = bytes(convert_install_code(bytes.fromhex(CODE))).hex()
SECRETS = [CODE, LINK_KEY, DERIVED, LONE.replace(" ", "")]
SERVER_METER = "00:0d:6f:00:00:00:00:01"
ENTRY_KEYS = {
    "technology",
    "id",
    "ieee",
    "key_type",
    "name",
    "area",
    "area_id",
    "manufacturer",
    "model",
    "provider",
    "provider_title",
    "status",
    "status_reason",
    "created_at",
    "updated_at",
    "editable",
    "device_id",
    "node_id",
    "source",
    "adoptable",
}
WINDOW_KEYS = {
    "open",
    "ends_at",
    "duration",
    "keys_loaded",
    "waiting",
    "install_code_only",
    "continuous",
    "guard",
}


class Client:
    """A websocket client that keeps every message it received, as raw JSON."""

    def __init__(self, client: Any) -> None:
        """Wrap a test websocket client."""
        self.client = client
        self.raw: list[str] = []

    async def receive(self) -> dict[str, Any]:
        """Receive one message (failing, not hanging, when none comes)."""
        async with asyncio.timeout(30):
            message = await self.client.receive_json()
        self.raw.append(json.dumps(message))
        return message

    async def call(self, type_: str, **fields: Any) -> dict[str, Any]:
        """Send a command and return its answer (success or error)."""
        await self.client.send_json_auto_id({"type": type_, **fields})
        return await self.receive()

    async def ok(self, type_: str, **fields: Any) -> Any:
        """Send a command that must succeed; return its result."""
        response = await self.call(f"{DOMAIN}/{type_}", **fields)
        assert response["success"], response
        return response["result"]

    async def error(self, type_: str, **fields: Any) -> dict[str, Any]:
        """Send a command that must fail; return its error."""
        response = await self.call(f"{DOMAIN}/{type_}", **fields)
        assert not response["success"], response
        return response["error"]

    async def event(self) -> dict[str, Any]:
        """Receive the next subscription event."""
        message = await self.receive()
        assert message["type"] == "event", message
        return message["event"]

    def secrets_seen(self) -> list[str]:
        """Return the secrets found in anything received."""
        return find_secrets("\n".join(self.raw), SECRETS)


class View:
    """What a subscriber knows, built from the events alone."""

    def __init__(self, ws: Client) -> None:
        """Start empty."""
        self.ws = ws
        self.entries: dict[str, dict[str, Any]] = {}
        self.window: dict[str, Any] = {}
        self.providers: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []

    def apply(self, event: dict[str, Any]) -> None:
        """Apply one event."""
        self.events.append(event)
        if event["type"] == "snapshot":
            self.entries = {e["ieee"]: e for e in event["entries"]}
            self.window = event["window"]
            self.providers = event["providers"]
        elif event["type"] == "entries":
            self.entries.update({e["ieee"]: e for e in event["changed"]})
            for ieee in event["removed"]:
                del self.entries[ieee]
        elif event["type"] == "window":
            self.window = event["window"]
        else:
            assert event["type"] == "providers"
            self.providers = event["providers"]

    async def until(self, condition: Any) -> None:
        """Apply events until condition(self) holds."""
        while not condition(self):
            self.apply(await self.ws.event())


@pytest.fixture
async def ws(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> Iterator[Client]:
    """An admin's websocket, with a provisioning list set up."""
    client = Client(await hass_ws_client(hass))
    yield client
    assert client.secrets_seen() == []


@pytest.fixture
def store(tmp_path: pathlib.Path) -> Iterator[Store]:
    """The reference server's database."""
    database = Store(tmp_path / "provisioning.db")
    yield database
    database.close()


COMMANDS = [
    ("coordinators", {}),
    ("entries/subscribe", {}),
    ("code/parse", {"qr_code": QR}),
    ("entries/add", {"qr_code": QR}),
    ("entries/update", {"ieee": IEEE, "name": "x"}),
    ("entries/remove", {"ieee": IEEE}),
    ("entries/adopt", {"device": "xxxxx-23456-34567-45678-56789-01234-12345-23456"}),
    ("entries/import", {"csv": f"{IEEE},{CODE},,,"}),
    ("window/start", {}),
    ("window/stop", {}),
    ("guard/set", {"enabled": False}),
]


async def test_non_admin_is_refused_everything(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    hass_ws_client: WebSocketGenerator,
    hass_read_only_access_token: str,
) -> None:
    """Every command is admin only, and changes nothing for a user."""
    client = Client(
        await hass_ws_client(hass, access_token=hass_read_only_access_token)
    )
    for command, fields in COMMANDS:
        error = await client.error(command, **fields)
        assert error["code"] == "unauthorized", command
    assert not provisioning_entry.subentries
    assert provisioning_entry.runtime_data.admission.guard_enabled
    assert not provisioning_entry.runtime_data.admission.window_open
    assert client.secrets_seen() == []


async def test_coordinators_and_parse(
    hass: HomeAssistant, provisioning_entry: ConfigEntry, ws: Client
) -> None:
    """The coordinators are listed; a label is read without being added."""
    result = await ws.ok("coordinators")
    assert result == {
        "coordinators": [
            {
                "config_entry_id": provisioning_entry.entry_id,
                "title": provisioning_entry.title,
                "technology": "zigbee",
                "ieee": provisioning_entry.unique_id,
                "radio": "bellows",
            }
        ]
    }
    assert await ws.ok("code/parse", qr_code=QR) == {
        "technology": "zigbee",
        "id": IEEE,
        "ieee": IEEE,
        "format": "zigbee",
        "key_type": "install_code",
        "model": None,
    }
    aqara = f"G$M:lumi.plug$A:{IEEE.replace(':', '')}$I:{CODE}"
    assert (await ws.ok("code/parse", qr_code=aqara))["format"] == "aqara"
    assert (await ws.ok("code/parse", qr_code=aqara))["model"] == "lumi.plug"
    assert not provisioning_entry.subentries

    for text, key in (
        (QR[:-1] + "0", "bad_crc"),
        (LONE, "ieee_missing"),
        ("hello", "unknown_format"),
        ("  ", "unknown_format"),
    ):
        error = await ws.error("code/parse", qr_code=text)
        assert error["code"] == "home_assistant_error"
        assert error["translation_domain"] == DOMAIN
        assert error["translation_key"] == key
        assert error["translation_placeholders"]["field"] == "qr_code"
    assert (await ws.error("code/parse"))["code"] == "invalid_format"


async def test_add_update_remove_and_their_errors(
    hass: HomeAssistant, provisioning_entry: ConfigEntry, ws: Client
) -> None:
    """Entries are added, changed and removed like through the services."""
    kitchen = ar.async_get(hass).async_create("Kitchen")
    entry = (await ws.ok("entries/add", qr_code=QR, name="Lamp", area_id=kitchen.id))[
        "entry"
    ]
    assert set(entry) == ENTRY_KEYS
    assert entry["ieee"] == IEEE
    assert entry["key_type"] == "install_code"
    assert entry["area_id"] == kitchen.id
    assert entry["provider"] == "local"
    assert entry["provider_title"] == "This hub"
    assert entry["editable"] is True
    assert entry["device_id"] is None
    assert entry["status"] == "pending"
    other = "00:11:22:33:44:55:66:78"
    entry = (
        await ws.ok(
            "entries/add",
            ieee=other,
            link_key=LINK_KEY,
            config_entry_id=provisioning_entry.entry_id,
        )
    )["entry"]
    assert entry["key_type"] == "link_key"
    assert len(provisioning_entry.subentries) == 2

    for fields, key, field in (
        ({"qr_code": QR}, "already_provisioned", "qr_code"),
        ({"ieee": other, "install_code": CODE}, "already_provisioned", "ieee"),
        ({"qr_code": QR[:-1] + "0"}, "bad_crc", "qr_code"),
        ({"qr_code": LONE}, "ieee_missing", "qr_code"),
        ({"install_code": CODE}, "ieee_missing", "ieee"),
        ({"ieee": "00:11", "install_code": CODE}, "bad_ieee", "ieee"),
        ({"ieee": "00:00:00:00:00:00:00:01", "install_code": "zz"}, "not_hex", None),
        ({"ieee": "00:00:00:00:00:00:00:01", "link_key": "12"}, None, "link_key"),
        ({"ieee": "00:00:00:00:00:00:00:01"}, "key_required", "ieee"),
        ({"qr_code": QR, "ieee": IEEE}, "key_ambiguous", None),
    ):
        error = await ws.error("entries/add", **fields)
        assert error["code"] == "home_assistant_error"
        if key is not None:
            assert error["translation_key"] == key, fields
        if field is not None:
            assert error["translation_placeholders"]["field"] == field, fields
    assert (await ws.error("entries/add", qr_code=QR, config_entry_id="nope"))[
        "translation_key"
    ] == "config_entry_not_found"
    assert (await ws.error("entries/add", qr_code=QR, colour="red"))[
        "code"
    ] == "invalid_format"
    assert len(provisioning_entry.subentries) == 2

    # Update: name, area (null clears), key
    entry = (await ws.ok("entries/update", ieee=IEEE, name="Desk lamp"))["entry"]
    assert entry["name"] == "Desk lamp"
    assert entry["area_id"] == kitchen.id
    entry = (await ws.ok("entries/update", ieee=IEEE, area_id=None))["entry"]
    assert entry["area_id"] is None
    assert entry["name"] == "Desk lamp"
    entry = (await ws.ok("entries/update", ieee=IEEE, link_key=LINK_KEY))["entry"]
    assert entry["key_type"] == "link_key"
    subentry = next(
        sub for sub in provisioning_entry.subentries.values() if sub.unique_id == IEEE
    )
    assert subentry.title == "Desk lamp"
    error = await ws.error("entries/update", ieee=IEEE, install_code=CODE[:-1] + "0")
    assert error["translation_key"] == "bad_crc"
    assert error["translation_placeholders"]["field"] == "install_code"
    error = await ws.error("entries/update", ieee="00:00:00:00:00:00:00:09", name="x")
    assert error["translation_key"] == "device_not_found"
    error = await ws.error("entries/update", ieee="nonsense")
    assert error["translation_key"] == "not_hex"

    # Remove
    assert await ws.ok("entries/remove", ieee=IEEE) == {}
    assert [sub.unique_id for sub in provisioning_entry.subentries.values()] == [other]
    error = await ws.error("entries/remove", ieee=IEEE)
    assert error["translation_key"] == "device_not_found"
    error = await ws.error("entries/remove", ieee="00:11")
    assert error["translation_key"] == "bad_ieee"


async def test_import_and_window(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    virtual_coordinator: VirtualCoordinator,
    ws: Client,
) -> None:
    """CSV import as the service does it; windows and the guard answer the Window."""
    text = "\n".join(
        [
            "ieee,install_code,link_key,name,area",
            f"{IEEE},{CODE},,Meter 1,Flat 1",
            f"00:11:22:33:44:55:66:78,{CODE[:-1]}0,,Meter 2,",
            f"00:11:22:33:44:55:66:79,,{LINK_KEY},Meter 3,",
            f"{IEEE},{CODE},,Again,",
        ]
    )
    result = await ws.ok("entries/import", csv=text)
    assert result["added"] == 2
    assert [(e["line"], e["error"]) for e in result["errors"]] == [
        (3, "bad_crc"),
        (5, "already_provisioned"),
    ]

    window = (await ws.ok("window/start", duration=60))["window"]
    assert set(window) == WINDOW_KEYS
    assert window["open"] is True
    assert window["duration"] == 60
    assert window["ends_at"] is not None
    assert window["keys_loaded"] == 2
    assert window["waiting"] == 0
    assert window["install_code_only"] is True
    assert window["continuous"] is False
    assert window["guard"] is True
    assert (await ws.error("window/start", duration=0))["code"] == "invalid_format"
    window = (await ws.ok("window/stop"))["window"]
    assert window["open"] is False
    assert window["ends_at"] is None
    assert window["duration"] is None
    assert window["keys_loaded"] == 0
    window = (await ws.ok("guard/set", enabled=False))["window"]
    assert window["guard"] is False
    assert not provisioning_entry.runtime_data.admission.guard_enabled
    assert (await ws.ok("guard/set", enabled=True))["window"]["guard"] is True
    await virtual_coordinator.wait_idle()


async def test_subscription_sends_snapshot_then_diffs(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    virtual_coordinator: VirtualCoordinator,
    ws: Client,
) -> None:
    """A snapshot, then what services, windows and joins change; unsubscribe ends it."""
    await hass.services.async_call(
        DOMAIN, "add_device", {"qr_code": QR, "name": "Lamp"}, blocking=True
    )
    await ws.client.send_json_auto_id({"type": f"{DOMAIN}/entries/subscribe"})
    response = await ws.receive()
    assert response["success"]
    assert response["result"] is None
    subscription = response["id"]
    view = View(ws)
    view.apply(snapshot := await ws.event())
    assert snapshot["type"] == "snapshot"
    assert list(view.entries) == [IEEE]
    assert set(view.entries[IEEE]) == ENTRY_KEYS
    assert set(view.window) == WINDOW_KEYS
    assert view.providers == [{"id": "local", "title": "This hub"}]

    # A change through a service is one diff
    other = "00:11:22:33:44:55:66:78"
    await hass.services.async_call(
        DOMAIN, "add_device", {"ieee": other, "link_key": LINK_KEY}, blocking=True
    )
    event = await ws.event()
    assert event["type"] == "entries"
    assert [e["ieee"] for e in event["changed"]] == [other]
    assert event["removed"] == []
    await hass.services.async_call(
        DOMAIN, "remove_device", {"ieee": other}, blocking=True
    )
    assert await ws.event() == {"type": "entries", "changed": [], "removed": [other]}

    # Many changes in one turn are one event, with only what changed
    rows = [f"00:aa:00:00:00:00:00:{n:02x},,{LINK_KEY},," for n in range(30)]
    assert (await ws.ok("entries/import", csv="\n".join(rows)))["added"] == 30
    event = await ws.event()
    assert event["type"] == "entries"
    assert len(event["changed"]) == 30
    assert IEEE not in {e["ieee"] for e in event["changed"]}
    view.apply(event)

    # The window opens; the keys that fit are loaded, the others wait
    await hass.services.async_call(
        DOMAIN, "start_pairing", {"duration": 120}, blocking=True
    )
    await view.until(
        lambda v: v.window["open"] and v.entries[IEEE]["status"] == "admitting"
    )
    loaded = virtual_coordinator.trust_center.key_table_capacity
    assert view.window["keys_loaded"] == loaded
    assert view.window["waiting"] == 31 - loaded
    assert view.window["ends_at"] is not None
    assert view.window["duration"] in (119, 120)

    # A device joins: its entry is joined and carries ZHA's device
    lamp = VirtualDevice(IEEE, install_code=CODE, manufacturer="Acme", model="Bulb")
    assert virtual_coordinator.power_on(lamp).joined
    await view.until(
        lambda v: v.entries[IEEE]["status"] == "joined" and v.entries[IEEE]["device_id"]
    )
    assert view.entries[IEEE]["device_id"] == zha_device(hass, IEEE).id
    assert view.entries[IEEE]["name"] == "Lamp"

    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)
    await view.until(lambda v: not v.window["open"])
    await hass.services.async_call(
        "switch",
        "turn_off",
        {
            "entity_id": "switch.virtual_emberznet_virtual_coordinator_only_admit_provisioned_devices"
        },
        blocking=True,
    )
    await view.until(lambda v: v.window["guard"] is False)

    # Unsubscribe: nothing more arrives
    response = await ws.call("unsubscribe_events", subscription=subscription)
    assert response["success"]
    await hass.services.async_call(
        DOMAIN, "remove_device", {"ieee": "00:aa:00:00:00:00:00:00"}, blocking=True
    )
    await hass.async_block_till_done()
    assert (await ws.call("ping"))["type"] == "pong"
    await virtual_coordinator.wait_idle()


async def test_server_entries_reach_subscribers_and_stay_read_only(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    store: Store,
    ws: Client,
) -> None:
    """A server's entries and the server itself arrive as diffs; they can't be edited."""
    _, token = register_hub(
        store,
        provisioning_entry,
        DeviceRecord(ieee=SERVER_METER, install_code=CODE, name="Meter", area="Flat 1"),
    )
    await ws.client.send_json_auto_id({"type": f"{DOMAIN}/entries/subscribe"})
    assert (await ws.receive())["success"]
    assert (await ws.event())["type"] == "snapshot"
    async with serve_store(store) as url:
        await add_provider(hass, provisioning_entry, url, token)
        await wait_for(
            hass,
            lambda: any(
                str(ieee) == SERVER_METER
                for ieee in provisioning_entry.runtime_data.data
            ),
        )
        port = url.rsplit(":", 1)[1].strip("/")
        title = f"http://127.0.0.1:{port}"
        providers = entry = None
        while providers is None or entry is None:
            event = await ws.event()
            if event["type"] == "providers":
                providers = event["providers"]
            for changed in event.get("changed", []):
                if changed["ieee"] == SERVER_METER:
                    entry = changed
        assert providers[0] == {"id": "local", "title": "This hub"}
        assert providers[1]["title"] == title
        assert entry["provider_title"] == title
        assert entry["editable"] is False
        assert entry["name"] == "Meter"
        [server] = [
            sub
            for sub in provisioning_entry.subentries.values()
            if sub.subentry_type == "provider"
        ]
        assert server.title == title
        # The server's area, named by the server, resolves to the area it created
        flat = ar.async_get(hass).async_get_area_by_name("Flat 1")
        assert entry["area"] == "Flat 1"
        assert entry["area_id"] == flat.id
        # Its placeholder belongs to the server's subentry
        coordinator = provisioning_entry.runtime_data
        meter = next(
            ieee
            for ieee in provisioning_entry.runtime_data.data
            if str(ieee) == SERVER_METER
        )
        assert coordinator.placeholder_subentry_id(meter) == server.subentry_id
        placeholder = dr.async_get(hass).async_get_device_by_connection(
            (dr.CONNECTION_ZIGBEE, SERVER_METER), provisioning_entry.entry_id
        )
        assert placeholder.config_subentry_id == server.subentry_id

        for command, fields in (
            ("entries/update", {"ieee": SERVER_METER, "name": "Mine"}),
            ("entries/remove", {"ieee": SERVER_METER}),
        ):
            error = await ws.error(command, **fields)
            assert error["translation_key"] == "entry_not_editable"
            assert error["translation_placeholders"]["provider"] == title
        with pytest.raises(ServiceValidationError) as err:
            await hass.services.async_call(
                DOMAIN, "remove_device", {"ieee": SERVER_METER}, blocking=True
            )
        assert err.value.translation_key == "entry_not_editable"
        await hass.config_entries.async_unload(provisioning_entry.entry_id)
        await hass.async_block_till_done()


async def test_commands_without_a_loaded_list_explain(
    hass: HomeAssistant, provisioning_entry: ConfigEntry, ws: Client
) -> None:
    """A list that is not loaded, or none at all, is explained."""
    assert await hass.config_entries.async_unload(provisioning_entry.entry_id)
    await hass.async_block_till_done()
    error = await ws.error(
        "entries/add", qr_code=QR, config_entry_id=provisioning_entry.entry_id
    )
    assert error["translation_key"] == "entry_not_loaded"
    for command, fields in COMMANDS:
        if command in ("coordinators", "code/parse"):
            continue
        error = await ws.error(command, **fields)
        assert error["translation_key"] == "no_coordinator", command
    assert await ws.ok("coordinators") == {"coordinators": []}
