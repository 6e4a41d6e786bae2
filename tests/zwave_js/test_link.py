"""The Z-Wave JS link with Home Assistant's real ``zwave_js``, a real Z-Wave
JS server and the virtual controller: SmartStart entries reconciled, nodes
reported with their identity, one device each, foreign entries untouched,
no command after a restart, and a dropped server link recovered.

No assertion names a label or a full DSK: a failing one shows masked DSKs only."""

from __future__ import annotations

import logging
import os
from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.helpers import device_registry as dr
import pytest
from zwave_js_server.model.controller.inclusion_and_provisioning import (
    ProvisioningEntry,
)

from custom_components.provisioning.core.zwave import Dsk, SecurityClass, parse_dsk
from custom_components.provisioning.core.zwave.provisioning_list import (
    OWNER_PROPERTY,
    DesiredProvision,
    owner_marker,
)
from custom_components.provisioning.zwave_js_link import (
    ZWaveJsLink,
    ZWaveJsUnavailableError,
)
from tests.virtual_zwave.conftest import Network

from .conftest import (
    OWNER,
    Commands,
    Harness,
    add_virtual,
    desired,
    listed,
    node_id_of,
    power,
    state_of,
    wait_until,
)

pytestmark = pytest.mark.timeout(300)

NOT_IN_LIST = "NWI Home ID not found in provisioning list, ignoring request"
INACTIVE = "The provisioning entry for this node is inactive, ignoring request"


def no_secret_logged(caplog: pytest.LogCaptureFixture, *dsks: str) -> bool:
    """True when no full DSK shows in a log record, the Z-Wave JS client's
    DEBUG dump of its WebSocket traffic included."""
    return not any(
        dsk in record.getMessage() for record in caplog.records for dsk in dsks
    )


async def test_active_entry_is_included_with_s2_and_reported_once(
    harness: Harness,
    observer: Network,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="zwave_js_server")
    porch = await add_virtual(observer)
    ident = porch.ident
    before = len(harness.node_devices())
    result = await harness.link.async_reconcile(
        [desired(porch, name="Porch light", location="Porch")]
    )
    assert result.provisioned == (ident,)
    held = (await listed(observer))[ident]
    assert held[OWNER_PROPERTY] == owner_marker(OWNER)
    assert held["name"] == "Porch light"
    assert held["location"] == "Porch"
    await power(observer, porch)
    added = await wait_until(harness.hass, lambda: harness.added[:1])
    report = added[0]
    assert report.id == ident
    assert report.dsk is not None
    assert report.dsk.masked == ident
    assert report.low_security is False
    assert report.device_id is not None
    assert await node_id_of(observer, porch) == report.node_id
    node = harness.entry.runtime_data.client.driver.controller.nodes[report.node_id]
    assert node.highest_security_class == SecurityClass.S2_Authenticated
    # zwave-js now ties the entry to the node.
    assert (await listed(observer))[ident]["nodeId"] == report.node_id
    # Exactly one device in Home Assistant, and it is the reported one.
    devices = harness.devices_of_node(report.node_id)
    assert [d.id for d in devices] == [report.device_id]
    assert len(harness.node_devices()) == before + 1
    assert not any(
        value.startswith("provision_")
        for d in harness.node_devices()
        for _domain, value in d.identifiers
    )
    clean = no_secret_logged(caplog, porch.label.dsk)
    assert clean, "a full DSK was logged"
    # The client's dump of the provisioning command is there, its PIN masked.
    dumped = [
        record.getMessage()
        for record in caplog.records
        if record.name == "zwave_js_server"
        and "provision_smart_start_node" in record.getMessage()
    ]
    assert dumped
    assert all(ident in message for message in dumped)
    pin_shown = porch.label.pin in repr(report)
    assert not pin_shown


async def test_inactive_entry_waits_until_made_active(
    harness: Harness, observer: Network
) -> None:
    waiting = await add_virtual(observer)
    other = await add_virtual(observer)
    ident = waiting.ident
    # Something active keeps the controller listening for SmartStart requests.
    await harness.link.async_reconcile([desired(other), desired(waiting, active=False)])
    assert (await listed(observer))[ident]["status"] == 1
    start = len(observer.logs)
    await power(observer, waiting)
    await observer.wait_for_log(INACTIVE, start)
    assert observer.event("node added") is None
    assert await state_of(observer, waiting) == "requesting"
    result = await harness.link.async_reconcile(
        [desired(other), desired(waiting, active=True)]
    )
    assert result.provisioned == (ident,)
    added = await wait_until(harness.hass, lambda: harness.added[:1])
    assert added[0].id == ident
    assert added[0].low_security is False
    assert await node_id_of(observer, waiting) == added[0].node_id


async def test_unknown_device_is_ignored_and_unprovisioned_one_too(
    harness: Harness, observer: Network
) -> None:
    keeper = await add_virtual(observer)
    stranger = await add_virtual(observer)
    gone = await add_virtual(observer)
    keeper_id, gone_id = keeper.ident, gone.ident
    await harness.link.async_reconcile([desired(keeper), desired(gone)])
    # A device nobody provisioned asks and is ignored.
    start = len(observer.logs)
    await power(observer, stranger)
    await observer.wait_for_log(NOT_IN_LIST, start)
    await power(observer, stranger, on=False)
    assert await node_id_of(observer, stranger) is None
    # Unprovisioned: the device's next request is ignored too.
    result = await harness.link.async_reconcile([desired(keeper)])
    assert result.unprovisioned == (gone_id,)
    assert set(await listed(observer)) == {keeper_id}
    start = len(observer.logs)
    await power(observer, gone)
    await observer.wait_for_log(NOT_IN_LIST, start)
    assert observer.event("node added") is None
    assert harness.added == []
    assert await node_id_of(observer, gone) is None


async def test_device_failing_s2_is_reported_with_low_security(
    harness: Harness, observer: Network
) -> None:
    failing = await add_virtual(observer, "s2_fail")
    ident = failing.ident
    await harness.link.async_reconcile([desired(failing)])
    await power(observer, failing)
    added = await wait_until(harness.hass, lambda: harness.added[:1])
    report = added[0]
    assert report.low_security is True
    # zwave-js has no DSK for the node: the only entry waiting is it.
    assert report.id == ident
    assert report.node_id == await node_id_of(observer, failing)
    assert "nodeId" not in (await listed(observer))[ident]
    assert [d.id for d in harness.devices_of_node(report.node_id)] == [report.device_id]


async def test_foreign_entries_are_never_changed(
    harness: Harness, observer: Network
) -> None:
    foreign = await add_virtual(observer)
    ours = await add_virtual(observer)
    foreign_id, ours_id = foreign.ident, ours.ident
    # Provisioned straight through a client, as another tool would.
    await observer.controller.async_provision_smart_start_node(
        ProvisioningEntry(
            dsk=foreign.dsk.reveal(),
            security_classes=[],
            additional_properties={"name": "Theirs"},
        )
    )
    before = await listed(observer)
    # We want the same device with other classes: a conflict, not a change.
    result = await harness.link.async_reconcile(
        [desired(ours), desired(foreign, name="Ours now")]
    )
    assert result.conflicts == (foreign_id,)
    assert [e.id for e in result.foreign] == [foreign_id]
    assert result.provisioned == (ours_id,)
    # Wanting nothing removes ours only.
    result = await harness.link.async_reconcile([])
    assert result.unprovisioned == (ours_id,)
    assert await listed(observer) == before


async def test_restart_with_nothing_changed_sends_no_command(
    harness: Harness, observer: Network, commands: Commands
) -> None:
    devices = [await add_virtual(observer) for _ in range(3)]
    wanted = [
        desired(devices[0]),
        desired(devices[1], active=False, name="n", location="l"),
        desired(devices[2], name="x"),
    ]
    first = await harness.link.async_reconcile(wanted)
    assert len(first.provisioned) == 3
    assert commands.count() == 3
    # Home Assistant reloads zwave_js (what it does on a reconnect): the link
    # reconciles by itself, and sends nothing.
    reconciled = len(harness.reconciled)
    await harness.hass.config_entries.async_reload(harness.entry.entry_id)
    await wait_until(harness.hass, lambda: len(harness.reconciled) > reconciled)
    assert harness.reconciled[-1].commands == 0
    # A new link (Home Assistant restarted) with the same list: nothing either.
    await harness.link.async_stop()
    harness.link = harness.new_link()
    await harness.link.async_start()
    again = await harness.link.async_reconcile(wanted)
    assert again.commands == 0
    assert commands.count() == 3


async def test_dropped_server_link_is_reconciled_when_back(
    harness: Harness, observer: Network
) -> None:
    kept = await add_virtual(observer)
    dropped = await add_virtual(observer)
    new = await add_virtual(observer)
    kept_id, dropped_id, new_id = kept.ident, dropped.ident, new.ident
    await harness.link.async_reconcile([desired(kept), desired(dropped)])
    harness.relay.cut()
    await wait_until(
        harness.hass, lambda: harness.entry.state is not ConfigEntryState.LOADED
    )
    await wait_until(harness.hass, lambda: harness.link.client is None)
    # Changed while the link is down: refused now, kept for later.
    with pytest.raises(ZWaveJsUnavailableError):
        await harness.link.async_reconcile([desired(kept), desired(new, name="N")])
    reconciled = len(harness.reconciled)
    harness.relay.restore()
    await wait_until(
        harness.hass, lambda: harness.entry.state is ConfigEntryState.LOADED
    )
    await wait_until(harness.hass, lambda: len(harness.reconciled) > reconciled)
    result = harness.reconciled[-1]
    assert result.failed == ()
    assert result.provisioned == (new_id,)
    assert result.unprovisioned == (dropped_id,)
    held = await listed(observer)
    assert set(held) == {kept_id, new_id}
    assert held[new_id]["name"] == "N"
    again = await harness.link.async_reconcile([desired(kept), desired(new, name="N")])
    assert again.commands == 0
    # The node events are followed on the new connection too.
    await power(observer, new)
    added = await wait_until(harness.hass, lambda: harness.added[:1])
    assert added[0].id == new_id
    assert added[0].device_id is not None


async def test_link_dropping_during_a_reconcile_loses_and_duplicates_nothing(
    harness: Harness, observer: Network, commands: Commands
) -> None:
    wanted = [
        DesiredProvision(Dsk(os.urandom(16)), frozenset(), name=f"D{i}")
        for i in range(40)
    ]

    def cut_at_tenth(count: int) -> None:
        if count == 10:
            harness.relay.cut()

    commands.before_send = cut_at_tenth
    result = await harness.link.async_reconcile(wanted)
    commands.before_send = None
    # Every command is accounted for; the ones after the drop failed.
    assert len(result.provisioned) + len(result.failed) == len(wanted)
    assert 9 <= len(result.provisioned) <= 10
    assert len(result.failed) >= 30
    await wait_until(harness.hass, lambda: harness.link.client is None)
    reconciled = len(harness.reconciled)
    harness.relay.restore()
    await wait_until(harness.hass, lambda: len(harness.reconciled) > reconciled)
    again = harness.reconciled[-1]
    assert again.failed == ()
    assert set(again.provisioned) == set(result.failed)
    found = await observer.controller.async_get_provisioning_entries()
    held = sorted(parse_dsk(e.dsk).masked for e in found)
    assert held == sorted(w.id for w in wanted)


async def test_placeholder_left_by_home_assistant_is_merged(
    harness: Harness, observer: Network
) -> None:
    """A ``provision_{dsk}`` placeholder of Home Assistant's own SmartStart
    dialog whose entry lost its ``device_id``: the node's device takes the
    placeholder's name and the placeholder goes."""
    garage = await add_virtual(observer)
    registry = dr.async_get(harness.hass)
    placeholder = registry.async_get_or_create(
        config_entry_id=harness.entry.entry_id,
        identifiers={("zwave_js", f"provision_{garage.dsk.reveal()}")},
        name="Garage sensor",
    )
    registry.async_update_device(placeholder.id, name_by_user="Garage sensor")
    await harness.link.async_reconcile([desired(garage)])
    await power(observer, garage)
    added = await wait_until(harness.hass, lambda: harness.added[:1])
    report = added[0]
    assert registry.async_get(placeholder.id) is None
    devices = harness.devices_of_node(report.node_id)
    assert [d.id for d in devices] == [report.device_id]
    assert devices[0].name_by_user == "Garage sensor"


async def test_entry_made_in_home_assistant_is_adopted_and_its_device_kept(
    harness: Harness,
    observer: Network,
    hass_ws_client: Any,
) -> None:
    """Home Assistant's own SmartStart dialog made the entry (with a named
    ``provision_{dsk}`` placeholder); adopted, the entry keeps Home Assistant's
    ``device_id``, so Home Assistant turns the placeholder into the node's
    device: one device, the one reported."""
    hall = await add_virtual(observer)
    ident = hall.ident
    client = await hass_ws_client(harness.hass)
    await client.send_json_auto_id(
        {
            "type": "zwave_js/parse_qr_code_string",
            "entry_id": harness.entry.entry_id,
            "qr_code_string": hall.label.qr(),
        }
    )
    parsed = await client.receive_json()
    assert parsed["success"]
    await client.send_json_auto_id(
        {
            "type": "zwave_js/provision_smart_start_node",
            "entry_id": harness.entry.entry_id,
            "qr_provisioning_information": parsed["result"],
            "device_name": "Hall switch",
        }
    )
    answer = await client.receive_json()
    assert answer["success"]
    placeholder_id = answer["result"]
    registry = dr.async_get(harness.hass)
    assert registry.async_get(placeholder_id) is not None
    # Foreign until adopted.
    wanted = [desired(hall, name="Hall switch")]
    refused = await harness.link.async_reconcile(wanted)
    assert refused.conflicts == (ident,)
    assert refused.commands == 0
    result = await harness.link.async_reconcile(wanted, adopt=[ident])
    assert result.adopted == (ident,)
    held = (await listed(observer))[ident]
    assert held[OWNER_PROPERTY] == owner_marker(OWNER)
    assert held["device_id"] == placeholder_id
    await power(observer, hall)
    added = await wait_until(harness.hass, lambda: harness.added[:1])
    report = added[0]
    assert report.id == ident
    devices = harness.devices_of_node(report.node_id)
    assert [d.id for d in devices] == [placeholder_id]
    assert report.device_id == placeholder_id
    assert devices[0].name_by_user == "Hall switch"
    assert not any(
        value.startswith("provision_")
        for d in harness.node_devices()
        for _domain, value in d.identifiers
    )


async def test_without_a_loaded_zwave_js_entry_the_one_error_is_raised(
    hass: Any,
) -> None:
    link = ZWaveJsLink(hass, OWNER)
    await link.async_start()
    try:
        assert link.client is None
        with pytest.raises(ZWaveJsUnavailableError):
            await link.async_reconcile([])
    finally:
        await link.async_stop()
