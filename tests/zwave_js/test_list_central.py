"""Central provisioning of Z-Wave devices end to end: the reference server
(provisioning API 1.2) lists SmartStart devices for a Z-Wave JS network's
list; they are provisioned in zwave-js, included, and reported back with the
masked DSK and the node ID, never the PIN; a revocation unprovisions them.

Real Home Assistant with ``zwave_js``, the Z-Wave JS server, the virtual
controller and the reference server on 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Iterator
import contextlib
import pathlib
import sqlite3

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.helpers import area_registry as ar, device_registry as dr
import pytest

from custom_components.provisioning.const import DOMAIN
from custom_components.provisioning.core import EntryStatus
from provisioning_server.store import Store
from provisioning_server.validation import DeviceRecord, device_from_row
from tests.provisioning_server.helpers import serve_store
from tests.test_central import connect, register_hub
from tests.virtual_zwave.conftest import Network
from tests.zwave_js.conftest import (
    Harness,
    Virtual,
    add_virtual,
    node_id_of,
    power,
    wait_until,
)
from tests.zwave_js.helpers import (
    ACTIVE,
    INACTIVE,
    held,
    provisioning,
    set_continuous,
    status,
    wait_held,
)
from tests.zwave_js.test_link import NOT_IN_LIST

pytestmark = pytest.mark.timeout(300)

__all__ = ["provisioning"]

# columns of random or clock-made digits (an event id, times), not sent data
GENERATED = {"event_id", "at", "received_at", "id", "hub_id"}


@pytest.fixture
def store(tmp_path: pathlib.Path) -> Iterator[Store]:
    """The reference server's database."""
    database = Store(tmp_path / "provisioning.db")
    yield database
    database.close()


def record(virtual: Virtual, **fields: str) -> DeviceRecord:
    """The server's record of a virtual device, from its SmartStart QR."""
    return device_from_row({"qr_code": virtual.label.qr(), **fields})


def stored_events(store: Store) -> list[dict[str, object]]:
    """Every event the server stored, every column."""
    with contextlib.closing(sqlite3.connect(store.path)) as db:
        db.row_factory = sqlite3.Row
        return [dict(row) for row in db.execute("SELECT * FROM events")]


def reported(store: Store, hub: str, virtual: Virtual) -> tuple[str | None, int | None]:
    [found] = [s for s in store.device_status(hub) if s.ieee == virtual.ident]
    assert found.technology == "zwave"
    return found.status, found.node_id


async def joins_and_is_reported(
    harness: Harness,
    observer: Network,
    provisioning: ConfigEntry,
    store: Store,
    virtual: Virtual,
) -> int:
    """Power the device; it joins, and the server hears ``joined`` with its
    node ID; return the node ID."""
    hass = harness.hass
    hub = provisioning.unique_id
    await power(observer, virtual)
    await wait_until(hass, lambda: status(provisioning, virtual) is EntryStatus.JOINED)
    node_id = await node_id_of(observer, virtual)
    assert node_id is not None
    await wait_until(
        hass, lambda: reported(store, hub, virtual) == ("joined", node_id), timeout=60
    )
    events = stored_events(store)
    mine = [e for e in events if e["ieee"] == virtual.ident]
    assert {e["status"] for e in mine} >= {"joined"}
    assert all(e["technology"] == "zwave" for e in mine)
    assert [e["node_id"] for e in mine if e["status"] == "joined"] == [node_id]
    assert all(str(e["ieee"]).startswith("xxxxx-") for e in mine)
    # the PIN is in no event: neither in what the hub sent (the masked DSK,
    # status, details, node ID) nor, as the full DSK, anywhere
    pin = virtual.label.pin
    for event in events:
        assert virtual.label.dsk not in str(event)
        for column, value in event.items():
            if column not in GENERATED:
                assert pin not in str(value), column
    return node_id


async def test_use_case_2_server_listed_device_joins_on_admit(
    hass: HomeAssistant,
    harness: Harness,
    observer: Network,
    provisioning: ConfigEntry,
    store: Store,
) -> None:
    """Building manager: the device is on the server; it is provisioned in
    zwave-js (Inactive) with its name and area; Admit; powered, it joins,
    named and placed, and the server hears ``joined`` with the node ID."""
    meter = await add_virtual(observer)
    spare = await add_virtual(observer)
    flat = ar.async_get(hass).async_create("Flat 1")
    hub = provisioning.unique_id
    _, token = register_hub(
        store,
        provisioning,
        record(meter, name="Meter flat 1", area="Flat 1"),
        record(spare),
    )
    async with serve_store(store) as url:
        await connect(hass, provisioning, url, token)
        await wait_held(observer, meter, INACTIVE)
        await wait_held(observer, spare, INACTIVE)
        found = await held(observer, meter)
        assert found is not None
        assert found["name"] == "Meter flat 1"
        assert found["location"] == "Flat 1"
        assert status(provisioning, meter) is EntryStatus.PENDING
        await hass.services.async_call(
            DOMAIN, "start_pairing", {"duration": 120}, blocking=True
        )
        await wait_held(observer, meter, ACTIVE)
        node_id = await joins_and_is_reported(
            harness, observer, provisioning, store, meter
        )
        [device] = harness.devices_of_node(node_id)
        await wait_until(
            hass, lambda: dr.async_get(hass).async_get(device.id).area_id == flat.id
        )
        assert dr.async_get(hass).async_get(device.id).name_by_user == "Meter flat 1"
        assert reported(store, hub, spare)[1] is None
        await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)
        await wait_held(observer, spare, INACTIVE)


async def test_use_case_3_continuous_admission_and_revocation(
    hass: HomeAssistant,
    harness: Harness,
    observer: Network,
    provisioning: ConfigEntry,
    store: Store,
) -> None:
    """Installer: continuous admission is on; a device the server lists is
    Active at once and joins when powered, reported with its node ID. A
    device the server revokes is unprovisioned and then ignored."""
    sensor = await add_virtual(observer)
    revoked = await add_virtual(observer)
    hub = provisioning.unique_id
    await set_continuous(hass, provisioning, True)
    _, token = register_hub(store, provisioning, record(sensor), record(revoked))
    async with serve_store(store) as url:
        remote = await connect(hass, provisioning, url, token)
        await wait_held(observer, sensor, ACTIVE)
        await wait_held(observer, revoked, ACTIVE)
        assert store.revoke_device(hub, revoked.ident)
        await remote.async_sync_now()
        await wait_until(
            hass, lambda: status(provisioning, revoked) is EntryStatus.REVOKED
        )
        await wait_held(observer, revoked, None)
        # zwave-js listens (the sensor's entry is Active): the revoked
        # device's request is ignored
        start = len(observer.logs)
        await power(observer, revoked)
        await observer.wait_for_log(NOT_IN_LIST, start)
        await power(observer, revoked, on=False)
        assert await node_id_of(observer, revoked) is None
        await joins_and_is_reported(harness, observer, provisioning, store, sensor)
        await wait_held(observer, sensor, INACTIVE)
        await set_continuous(hass, provisioning, False)
