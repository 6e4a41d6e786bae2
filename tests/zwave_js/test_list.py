"""Use case 1 with a Z-Wave label: the provisioning list on a Z-Wave JS network.

Real Home Assistant with its ``zwave_js`` integration, zwave-js-server-python,
``@zwave-js/server``, the zwave-js driver and the virtual controller.
"""

from __future__ import annotations

import logging

from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import (
    area_registry as ar,
    device_registry as dr,
    entity_registry as er,
    issue_registry as ir,
)
import pytest

from custom_components.provisioning.const import DOMAIN
from custom_components.provisioning.core import DeviceId, EntryStatus, Technology
from custom_components.provisioning.core.zwave.provisioning_list import (
    OWNER_PROPERTY,
    owner_marker,
)
from tests.virtual_zwave.conftest import Network
from tests.zwave_js.conftest import (
    Harness,
    add_virtual,
    node_id_of,
    power,
    wait_until,
)
from tests.zwave_js.helpers import (
    ACTIVE,
    INACTIVE,
    held,
    provisioning,  # noqa: F401  # the fixture
    status,
    wait_held,
)
from tests.zwave_js.test_link import NOT_IN_LIST

INACTIVE_ENTRY = "The provisioning entry for this node is inactive, ignoring request"


async def test_scan_label_power_and_admit(
    hass: HomeAssistant,
    harness: Harness,
    observer: Network,
    provisioning: ConfigEntry,  # noqa: F811
) -> None:
    """The label is added; nothing joins until Admit; then it joins with S2,
    named and in its area; after the window its entry is Inactive again."""
    # SmartStart includes listed devices only: no guard switch to turn off
    switches = {
        entity.translation_key
        for entity in er.async_entries_for_config_entry(
            er.async_get(hass), provisioning.entry_id
        )
        if entity.domain == "switch"
    }
    assert switches == {"continuous"}
    kitchen = ar.async_get(hass).async_create("Kitchen")
    joined = []
    hass.bus.async_listen("provisioning_device_joined", joined.append)
    lamp = await add_virtual(observer)
    added = await hass.services.async_call(
        DOMAIN,
        "add_device",
        {"qr_code": lamp.label.qr(), "name": "Kitchen lamp", "area_id": kitchen.id},
        blocking=True,
        return_response=True,
    )
    assert added["technology"] == "zwave"
    assert added["id"] == lamp.ident
    assert lamp.label.pin not in str(added)

    await wait_held(observer, lamp, INACTIVE)
    found = await held(observer, lamp)
    assert found is not None
    assert found[OWNER_PROPERTY] == owner_marker(provisioning.entry_id)
    assert found["name"] == "Kitchen lamp"
    assert found["location"] == "Kitchen"
    assert status(provisioning, lamp) is EntryStatus.PENDING

    # powered while Inactive: its request is ignored, it is not included.
    # (zwave-js listens for SmartStart requests only while some entry is
    # Active: another one, provisioned by someone else, is.)
    other = await add_virtual(observer)
    await observer.controller.async_provision_smart_start_node(other.label.qr())
    start = len(observer.logs)
    await power(observer, lamp)
    await observer.wait_for_log(INACTIVE_ENTRY, start)
    assert await node_id_of(observer, lamp) is None
    assert status(provisioning, lamp) is EntryStatus.PENDING
    foreign = await held(observer, other)
    assert foreign is not None
    assert OWNER_PROPERTY not in foreign

    # Admit: the entry is Active for the window, the device includes itself
    await hass.services.async_call(
        DOMAIN, "start_pairing", {"duration": 120}, blocking=True
    )
    await wait_held(observer, lamp, ACTIVE)
    await wait_until(hass, lambda: status(provisioning, lamp) is EntryStatus.JOINED)
    node_id = await node_id_of(observer, lamp)
    assert node_id is not None
    [device] = harness.devices_of_node(node_id)
    await wait_until(hass, lambda: dr.async_get(hass).async_get(device.id).area_id)
    device = dr.async_get(hass).async_get(device.id)
    assert device.area_id == kitchen.id
    assert device.name_by_user == "Kitchen lamp"
    # the status sensor moved onto the Z-Wave device; its placeholder is gone
    [sensor] = [
        entity
        for entity in er.async_entries_for_config_entry(
            er.async_get(hass), provisioning.entry_id
        )
        if entity.domain == "sensor"
    ]
    assert sensor.device_id == device.id
    assert hass.states.get(sensor.entity_id).state == "joined"
    placeholders = [
        d
        for d in dr.async_entries_for_config_entry(
            dr.async_get(hass), provisioning.entry_id
        )
        if (DOMAIN, lamp.ident) in d.identifiers
    ]
    assert placeholders == []
    assert [e.data["id"] for e in joined] == [lamp.ident]
    # every loaded entry joined: the window closed, the entry is Inactive again
    await wait_until(
        hass, lambda: provisioning.runtime_data.admission.machine.window is None
    )
    await wait_held(observer, lamp, INACTIVE)


async def test_unlisted_device_is_never_included(
    hass: HomeAssistant,
    harness: Harness,
    observer: Network,
    provisioning: ConfigEntry,  # noqa: F811
) -> None:
    """A SmartStart device that is not on the list stays out, window or not."""
    stranger = await add_virtual(observer)
    listed_one = await add_virtual(observer)
    await hass.services.async_call(
        DOMAIN, "add_device", {"qr_code": listed_one.label.qr()}, blocking=True
    )
    await hass.services.async_call(
        DOMAIN, "start_pairing", {"duration": 60}, blocking=True
    )
    # zwave-js listens for SmartStart requests: the listed entry is Active
    await wait_held(observer, listed_one, ACTIVE)
    start = len(observer.logs)
    await power(observer, stranger)
    await observer.wait_for_log(NOT_IN_LIST, start)
    await power(observer, stranger, on=False)
    assert await node_id_of(observer, stranger) is None
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)


async def test_s2_failure_is_failed_with_a_repair(
    hass: HomeAssistant,
    harness: Harness,
    observer: Network,
    provisioning: ConfigEntry,  # noqa: F811
) -> None:
    """A device whose S2 bootstrapping fails is failed, and a repair says why."""
    broken = await add_virtual(observer, "s2_fail")
    await hass.services.async_call(
        DOMAIN, "add_device", {"qr_code": broken.label.qr()}, blocking=True
    )
    await hass.services.async_call(
        DOMAIN, "start_pairing", {"duration": 120}, blocking=True
    )
    await wait_held(observer, broken, ACTIVE)
    await power(observer, broken)
    await wait_until(hass, lambda: status(provisioning, broken) is EntryStatus.FAILED)
    entry = provisioning.runtime_data.data[DeviceId(Technology.ZWAVE, broken.ident)]
    assert entry.status_reason == "low_security"
    issues = [
        issue
        for (domain, _), issue in ir.async_get(hass).issues.items()
        if domain == DOMAIN and issue.translation_key == "zwave_low_security"
    ]
    assert len(issues) == 1
    assert broken.label.pin not in str(issues[0].translation_placeholders)
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)


async def test_a_node_without_its_keys_and_two_candidates_joins_no_entry(
    hass: HomeAssistant,
    harness: Harness,
    observer: Network,
    provisioning: ConfigEntry,  # noqa: F811
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A node included without S2 carries no DSK: with two entries waiting, it
    is no entry's, and neither is marked joined or failed by a guess. No DSK
    shows in any log, the Z-Wave JS client's DEBUG dumps included."""
    caplog.set_level(logging.DEBUG, logger="zwave_js_server")
    impostor = await add_virtual(observer, "wrong_label")
    waiting = await add_virtual(observer)
    for virtual in (impostor, waiting):
        await hass.services.async_call(
            DOMAIN, "add_device", {"qr_code": virtual.label.qr()}, blocking=True
        )
    await hass.services.async_call(
        DOMAIN, "start_pairing", {"duration": 120}, blocking=True
    )
    for virtual in (impostor, waiting):
        await wait_held(observer, virtual, ACTIVE)
    await power(observer, impostor)
    await wait_until(
        hass,
        lambda: any(
            "matches no single entry" in record.getMessage()
            for record in caplog.records
        ),
    )
    assert status(provisioning, impostor) is not EntryStatus.JOINED
    assert status(provisioning, impostor) is not EntryStatus.FAILED
    assert status(provisioning, waiting) is not EntryStatus.JOINED
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for virtual in (impostor, waiting):
        assert virtual.label.dsk not in logged
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)


async def test_the_list_waits_for_zwave_js_and_starts_with_it(
    hass: HomeAssistant,
    harness: Harness,
    provisioning: ConfigEntry,  # noqa: F811
) -> None:
    """While Z-Wave JS is not loaded the list waits (set-up retry); it starts
    as soon as Z-Wave JS is back, without waiting for the next retry."""
    await hass.config_entries.async_unload(harness.entry.entry_id)
    await hass.config_entries.async_reload(provisioning.entry_id)
    await hass.async_block_till_done()
    assert provisioning.state is ConfigEntryState.SETUP_RETRY
    assert await hass.config_entries.async_setup(harness.entry.entry_id)
    await wait_until(hass, lambda: provisioning.state is ConfigEntryState.LOADED)
