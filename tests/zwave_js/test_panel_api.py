"""The panel's websocket API and the services on a Z-Wave JS network's list.

Real Home Assistant with its ``zwave_js`` integration, ``@zwave-js/server``,
the zwave-js driver and the virtual controller; the panel's commands go over a
real websocket. Every answer and event is searched for the DSKs' PINs.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import area_registry as ar, device_registry as dr
import pytest
from pytest_homeassistant_custom_component.typing import WebSocketGenerator
from zwave_js_server.model.controller.inclusion_and_provisioning import (
    ProvisioningEntry,
)

from custom_components.provisioning.const import DOMAIN
from custom_components.provisioning.core import DeviceId, EntryStatus, Technology
from custom_components.provisioning.core.zwave.provisioning_list import (
    OWNER_PROPERTY,
    owner_marker,
)
from tests.test_websocket_api import ENTRY_KEYS, QR as ZIGBEE_QR, Client
from tests.virtual_zwave.conftest import Network
from tests.zwave_js.conftest import (
    Harness,
    Virtual,
    add_virtual,
    listed,
    power,
    wait_until,
)
from tests.zwave_js.helpers import add_list, wait_for_async

TYPED = "40001-23456-34567-45678-56789-01234-12345-23456"
TYPED_ID = "xxxxx-23456-34567-45678-56789-01234-12345-23456"
ZWAVE_KEYS = ENTRY_KEYS | {
    "dsk",
    "security_classes",
    "zwave_protocol",
    "supported_protocols",
    "label",
}


class EventClient(Client):
    """A websocket client whose commands' answers skip the subscription's
    events, kept in order for ``event``."""

    def __init__(self, client: Any) -> None:
        super().__init__(client)
        self.pending: list[dict[str, Any]] = []

    async def call(self, type_: str, **fields: Any) -> dict[str, Any]:
        await self.client.send_json_auto_id({"type": type_, **fields})
        while (message := await self.receive())["type"] == "event":
            self.pending.append(message)
        return message

    async def event(self) -> dict[str, Any]:
        message = self.pending.pop(0) if self.pending else await self.receive()
        assert message["type"] == "event", message
        return dict(message["event"])


class View:
    """What a subscriber knows, built from the events alone, by ``id``."""

    def __init__(self, ws: Client) -> None:
        self.ws = ws
        self.entries: dict[str, dict[str, Any]] = {}
        self.removed: list[str] = []

    def apply(self, event: dict[str, Any]) -> None:
        if event["type"] == "snapshot":
            self.entries = {e["id"]: e for e in event["entries"]}
        elif event["type"] == "entries":
            self.entries.update({e["id"]: e for e in event["changed"]})
            for ident in event["removed"]:
                self.removed.append(ident)
                del self.entries[ident]

    async def until(self, condition: Any) -> None:
        while not condition(self):
            self.apply(await self.ws.event())


@pytest.fixture
async def provisioning(
    hass: HomeAssistant, harness: Harness
) -> AsyncIterator[ConfigEntry]:
    await harness.link.async_stop()  # the list has its own link
    entry = await add_list(hass)
    yield entry
    await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()


@pytest.fixture
async def ws(hass: HomeAssistant, hass_ws_client: WebSocketGenerator) -> Client:
    return EventClient(await hass_ws_client(hass))


def no_pin(ws: Client, *pins: str) -> None:
    """No PIN in anything the websocket received."""
    text = "\n".join(ws.raw)
    for pin in pins:
        assert pin not in text


async def test_list_commands_on_a_zwave_network(
    hass: HomeAssistant,
    harness: Harness,
    observer: Network,
    provisioning: ConfigEntry,
    ws: Client,
) -> None:
    """Coordinators, parse, add (QR and DSK), update and remove by id, the
    snapshot and its changes, and the join in the panel: never a PIN."""
    kitchen = ar.async_get(hass).async_create("Kitchen")
    lamp = await add_virtual(observer)
    assert await ws.ok("coordinators") == {
        "coordinators": [
            {
                "config_entry_id": provisioning.entry_id,
                "title": provisioning.title,
                "technology": "zwave",
                "ieee": None,
                "home_id": f"{harness.home_id:08x}",
                "radio": "zwave_js",
            }
        ]
    }
    view = View(ws)
    await ws.ok("entries/subscribe")
    view.apply(await ws.event())
    assert view.entries == {}

    parsed = await ws.ok("code/parse", qr_code=lamp.label.qr())
    assert parsed == {
        "technology": "zwave",
        "id": lamp.ident,
        "ieee": None,
        "dsk": lamp.ident,
        "format": "smartstart",
        "key_type": "dsk",
        "security_classes": sorted(
            parsed["security_classes"],
            key=["S2_Unauthenticated", "S2_Authenticated", "S2_AccessControl"].index,
        ),
        "zwave_protocol": parsed["zwave_protocol"],
        "model": None,
    }
    assert parsed["security_classes"]
    assert not provisioning.subentries

    added = (
        await ws.ok(
            "entries/add",
            qr_code=lamp.label.qr(),
            name="Kitchen lamp",
            area_id=kitchen.id,
        )
    )["entry"]
    assert set(added) == ZWAVE_KEYS
    assert added["technology"] == "zwave"
    assert added["id"] == added["dsk"] == lamp.ident
    assert added["ieee"] is None
    assert added["key_type"] == "dsk"
    assert added["source"] == "list"
    assert added["adoptable"] is False
    assert added["editable"] is True
    assert added["node_id"] is None
    assert added["status"] == "pending"
    assert added["area_id"] == kitchen.id
    assert added["zwave_protocol"] == parsed["zwave_protocol"]
    await view.until(lambda v: lamp.ident in v.entries)

    typed = (
        await ws.ok("entries/add", dsk=TYPED, security_classes=["S2_Authenticated"])
    )["entry"]
    assert typed["id"] == TYPED_ID
    assert typed["security_classes"] == ["S2_Authenticated"]
    assert typed["zwave_protocol"] is None

    # Errors: translated, naming the field.
    error = await ws.error("entries/add", qr_code=ZIGBEE_QR)
    assert error["translation_key"] == "wrong_technology"
    assert error["translation_placeholders"] == {
        "technology": "Zigbee",
        "network": "Z-Wave",
        "title": provisioning.title,
        "field": "qr_code",
    }
    error = await ws.error("entries/add", qr_code=lamp.label.qr())
    assert error["translation_key"] == "already_provisioned"
    # the same device with another PIN
    error = await ws.error("entries/add", dsk="40002" + TYPED[5:])
    assert error["translation_key"] == "already_provisioned"
    qr = lamp.label.qr()
    checksum = int(qr[4:9])
    bad = f"{qr[:4]}{(checksum + 1) % 65536:05d}{qr[9:]}"
    for command in ("code/parse", "entries/add"):
        error = await ws.error(command, qr_code=bad)
        assert error["translation_key"] == "zwave_bad_checksum"
        assert error["translation_placeholders"]["field"] == "qr_code"
    error = await ws.error("entries/add", dsk="40001-23456", security_classes=[])
    assert error["translation_placeholders"]["field"] == "dsk"
    error = await ws.error("entries/update", name="x")
    assert error["translation_key"] == "device_required"

    # Update and remove by id.
    renamed = (await ws.ok("entries/update", device=TYPED_ID, name="Front door"))[
        "entry"
    ]
    assert renamed["name"] == "Front door"
    changed = (
        await ws.ok(
            "entries/update",
            device=TYPED_ID,
            dsk=TYPED,
            security_classes=["S2_AccessControl", "S2_Authenticated"],
        )
    )["entry"]
    assert changed["security_classes"] == ["S2_Authenticated", "S2_AccessControl"]
    error = await ws.error(
        "entries/update",
        device=TYPED_ID,
        dsk="40001-00000-34567-45678-56789-01234-12345-23456",
        security_classes=[],
    )
    assert error["translation_key"] == "dsk_mismatch"
    # ``ieee`` takes any public id, as before
    await ws.ok("entries/update", ieee=TYPED_ID, name="Door")
    await view.until(lambda v: v.entries.get(TYPED_ID, {}).get("name") == "Door")
    assert await ws.ok("entries/remove", device=TYPED_ID) == {}
    await view.until(lambda v: TYPED_ID in v.removed)
    error = await ws.error("entries/remove", device=TYPED_ID)
    assert error["translation_key"] == "device_not_found"

    # Admitted: the row joins, with its node and Home Assistant's device.
    await ws.ok("window/start", duration=120)
    await wait_for_async(lambda: _active(observer, lamp))
    await power(observer, lamp)
    await view.until(
        lambda v: (
            v.entries[lamp.ident]["status"] == "joined"
            and v.entries[lamp.ident]["device_id"] is not None
        )
    )
    row = view.entries[lamp.ident]
    assert row["node_id"] is not None
    [device] = harness.devices_of_node(row["node_id"])
    assert row["device_id"] == device.id
    assert dr.async_get(hass).async_get(device.id) is not None
    no_pin(ws, lamp.label.pin, TYPED[:5])


async def _active(observer: Network, virtual: Virtual) -> bool:
    found = (await listed(observer)).get(virtual.ident)
    return found is not None and found["status"] == 0


async def test_entry_of_zwave_js_is_read_only_and_adopted(
    hass: HomeAssistant,
    harness: Harness,
    observer: Network,
    provisioning: ConfigEntry,
    ws: Client,
) -> None:
    """An entry zwave-js holds that the list did not create is shown
    read-only; adopting it puts it on the list with its full DSK (read from
    zwave-js), and zwave-js's entry is then marked ours."""
    garage = ar.async_get(hass).async_create("Garage")
    stranger = await add_virtual(observer)
    other = await add_virtual(observer)
    await observer.controller.async_provision_smart_start_node(stranger.label.qr())
    view = View(ws)
    await ws.ok("entries/subscribe")
    view.apply(await ws.event())
    # zwave-js tells no one: a subscription reads its list again as it starts
    await view.until(lambda v: stranger.ident in v.entries)
    await ws.ok("entries/add", qr_code=other.label.qr())
    await view.until(lambda v: other.ident in v.entries)
    foreign = view.entries[stranger.ident]
    assert set(foreign) == ZWAVE_KEYS
    assert foreign | {"security_classes": None} == {
        "technology": "zwave",
        "id": stranger.ident,
        "ieee": None,
        "key_type": "dsk",
        "dsk": stranger.ident,
        "security_classes": None,
        "zwave_protocol": foreign["zwave_protocol"],
        "supported_protocols": None,
        "label": None,
        "name": None,
        "area": None,
        "area_id": None,
        "manufacturer": None,
        "model": None,
        "provider": "zwave_js",
        "provider_title": "Z-Wave JS",
        "status": "pending",
        "status_reason": None,
        "created_at": None,
        "updated_at": None,
        "editable": False,
        "device_id": None,
        "node_id": None,
        "source": "zwave_js",
        "adoptable": True,
    }
    assert foreign["security_classes"]
    assert view.entries[other.ident]["source"] == "list"
    # read-only: not ours to change or remove
    error = await ws.error("entries/update", device=stranger.ident, name="x")
    assert error["translation_key"] == "device_not_found"
    error = await ws.error("entries/remove", device=stranger.ident)
    assert error["translation_key"] == "device_not_found"
    # nothing to adopt
    error = await ws.error("entries/adopt", device=TYPED_ID)
    assert error["translation_key"] == "not_adoptable"
    assert error["translation_placeholders"]["id"] == TYPED_ID
    error = await ws.error("entries/adopt", device="not an id")
    assert error["translation_key"] == "not_adoptable"
    assert error["translation_placeholders"]["field"] == "device"
    error = await ws.error("entries/adopt", device=other.ident)
    assert error["translation_key"] == "already_provisioned"

    # named and placed in Z-Wave JS: adopted with its name and area
    await observer.controller.async_provision_smart_start_node(
        _named(stranger, "Garage door", "Garage")
    )
    adopted = (await ws.ok("entries/adopt", device=stranger.ident))["entry"]
    assert adopted["source"] == "list"
    assert adopted["editable"] is True
    assert adopted["adoptable"] is False
    assert adopted["id"] == stranger.ident
    assert adopted["name"] == "Garage door"
    assert adopted["area_id"] == garage.id
    assert adopted["security_classes"] == foreign["security_classes"]
    subentry = next(
        sub
        for sub in provisioning.subentries.values()
        if sub.unique_id == stranger.ident
    )
    assert subentry.data["credential"]["key"] == stranger.label.dsk

    async def marked_ours() -> bool:
        found = (await listed(observer)).get(stranger.ident)
        return found is not None and found.get(OWNER_PROPERTY) == owner_marker(
            provisioning.entry_id
        )

    await wait_for_async(marked_ours)
    await view.until(lambda v: v.entries[stranger.ident]["source"] == "list")
    assert provisioning.runtime_data.network.foreign == ()
    error = await ws.error("entries/adopt", device=stranger.ident)
    assert error["translation_key"] == "already_provisioned"

    # the adopted entry is the list's: admitted, it joins
    await ws.ok("window/start", duration=120)
    await wait_for_async(lambda: _active(observer, stranger))
    await power(observer, stranger)
    await wait_until(
        hass,
        lambda: _status(provisioning, stranger) is EntryStatus.JOINED,
    )
    await ws.ok("entries/update", device=stranger.ident, name="Side door")
    await view.until(
        lambda v: (
            v.entries[stranger.ident]["name"] == "Side door"
            and v.entries[stranger.ident]["node_id"] is not None
        )
    )
    no_pin(ws, stranger.label.pin, other.label.pin)


def _named(virtual: Virtual, name: str, location: str) -> Any:
    return ProvisioningEntry.from_dict(
        {
            "dsk": virtual.label.dsk,
            "securityClasses": list(virtual.label.requested_security_classes),
            "name": name,
            "location": location,
        }
    )


def _status(entry: ConfigEntry, virtual: Virtual) -> EntryStatus | None:
    found = entry.runtime_data.data.get(DeviceId(Technology.ZWAVE, virtual.ident))
    return None if found is None else found.status


async def test_services_on_a_zwave_network(
    hass: HomeAssistant,
    harness: Harness,
    observer: Network,
    provisioning: ConfigEntry,
) -> None:
    """add_device takes a DSK and its classes; list and export show the
    masked DSK only; remove_device takes the id; a Zigbee code is refused."""
    added = await hass.services.async_call(
        DOMAIN,
        "add_device",
        {
            "dsk": TYPED,
            "security_classes": ["S2_Authenticated", "S2_Unauthenticated"],
            "name": "Front door",
        },
        blocking=True,
        return_response=True,
    )
    assert added is not None
    assert added["id"] == TYPED_ID
    assert added["security_classes"] == ["S2_Unauthenticated", "S2_Authenticated"]
    listed_devices = await hass.services.async_call(
        DOMAIN, "list_devices", {}, blocking=True, return_response=True
    )
    assert listed_devices is not None
    [device] = listed_devices["devices"]
    assert device["dsk"] == TYPED_ID
    assert device["technology"] == "zwave"
    exported = await hass.services.async_call(
        DOMAIN, "export_devices", {}, blocking=True, return_response=True
    )
    assert exported is not None
    assert TYPED_ID in str(exported["csv"])
    for answer in (added, listed_devices, exported):
        assert TYPED[:5] not in str(answer)
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN, "add_device", {"qr_code": ZIGBEE_QR}, blocking=True
        )
    assert err.value.translation_key == "wrong_technology"
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN,
            "add_device",
            {"dsk": TYPED, "security_classes": ["S3_Imaginary"]},
            blocking=True,
        )
    assert err.value.translation_placeholders["field"] == "security_classes"
    await hass.services.async_call(
        DOMAIN, "remove_device", {"id": TYPED_ID}, blocking=True
    )
    assert not provisioning.subentries
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN, "remove_device", {"id": TYPED_ID}, blocking=True
        )
    assert err.value.translation_key == "device_not_found"
