"""The list's life cycle on a Z-Wave JS network, end to end: continuous
admission, windows, removal, foreign entries, a dropped server link, and a
device included while the list was not loaded.

Real Home Assistant with its ``zwave_js`` integration, zwave-js-server-python,
``@zwave-js/server``, the zwave-js driver and the virtual controller. No
assertion names a label or a full DSK.
"""

from __future__ import annotations

from dataclasses import replace

from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.core import HomeAssistant
import pytest
from zwave_js_server.const import ProvisioningEntryStatus

from custom_components.provisioning.const import DOMAIN
from custom_components.provisioning.core import EntryStatus
from custom_components.provisioning.core.zwave.provisioning_list import (
    OWNER_PROPERTY,
    owner_marker,
)
from tests.virtual_zwave.conftest import Network
from tests.zwave_js.conftest import (
    Commands,
    Harness,
    Virtual,
    add_virtual,
    listed,
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
    wait_for_async,
    wait_held,
    zwave_id,
)
from tests.zwave_js.test_link import NOT_IN_LIST

pytestmark = pytest.mark.timeout(300)

__all__ = ["provisioning"]


async def add(hass: HomeAssistant, virtual: Virtual, **fields: str) -> None:
    await hass.services.async_call(
        DOMAIN, "add_device", {"qr_code": virtual.label.qr(), **fields}, blocking=True
    )


async def test_continuous_admission_includes_without_admit(
    hass: HomeAssistant,
    harness: Harness,
    observer: Network,
    provisioning: ConfigEntry,
) -> None:
    """With continuous admission on, a listed entry is Active at once and the
    powered device is included without Admit; joined, it is Inactive again."""
    joined = []
    hass.bus.async_listen("provisioning_device_joined", joined.append)
    await set_continuous(hass, provisioning, True)
    lamp = await add_virtual(observer)
    await add(hass, lamp, name="Hall lamp")
    await wait_held(observer, lamp, ACTIVE)
    await power(observer, lamp)
    await wait_until(hass, lambda: status(provisioning, lamp) is EntryStatus.JOINED)
    node_id = await node_id_of(observer, lamp)
    assert node_id is not None
    assert provisioning.runtime_data.network.node_ids[zwave_id(lamp)] == node_id
    assert [e.data["id"] for e in joined] == [lamp.ident]
    # nothing pending is held Active: the joined entry is Inactive again
    await wait_held(observer, lamp, INACTIVE)
    # a second label added while continuous admission is on: Active at once
    other = await add_virtual(observer)
    await add(hass, other)
    await wait_held(observer, other, ACTIVE)
    await set_continuous(hass, provisioning, False)
    await wait_held(observer, other, INACTIVE)
    assert status(provisioning, other) is EntryStatus.PENDING


async def test_end_of_a_manual_window_leaves_every_entry_inactive(
    hass: HomeAssistant,
    harness: Harness,
    observer: Network,
    provisioning: ConfigEntry,
) -> None:
    first, second = await add_virtual(observer), await add_virtual(observer)
    await add(hass, first)
    await add(hass, second)
    await wait_held(observer, first, INACTIVE)
    await wait_held(observer, second, INACTIVE)
    await hass.services.async_call(
        DOMAIN, "start_pairing", {"duration": 120}, blocking=True
    )
    await wait_held(observer, first, ACTIVE)
    await wait_held(observer, second, ACTIVE)
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)

    async def all_inactive() -> bool:
        held_now = await listed(observer)
        ours = [held_now.get(v.ident) for v in (first, second)]
        return all(f is not None and f["status"] == INACTIVE for f in ours)

    await wait_for_async(all_inactive)
    assert status(provisioning, first) is EntryStatus.PENDING
    assert status(provisioning, second) is EntryStatus.PENDING


async def test_removed_entry_is_unprovisioned_and_its_device_ignored(
    hass: HomeAssistant,
    harness: Harness,
    observer: Network,
    provisioning: ConfigEntry,
) -> None:
    gone, kept = await add_virtual(observer), await add_virtual(observer)
    await add(hass, gone)
    await add(hass, kept)
    await hass.services.async_call(
        DOMAIN, "start_pairing", {"duration": 120}, blocking=True
    )
    await wait_held(observer, gone, ACTIVE)
    await wait_held(observer, kept, ACTIVE)
    await hass.services.async_call(
        DOMAIN, "remove_device", {"ieee": gone.ident}, blocking=True
    )
    await wait_held(observer, gone, None)
    assert status(provisioning, gone) is None
    # zwave-js still listens (the kept entry is Active): the removed device's
    # request is ignored
    await wait_held(observer, kept, ACTIVE)
    start = len(observer.logs)
    await power(observer, gone)
    await observer.wait_for_log(NOT_IN_LIST, start)
    await power(observer, gone, on=False)
    assert await node_id_of(observer, gone) is None
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)
    await wait_held(observer, kept, INACTIVE)


async def test_foreign_entries_stay_untouched(
    hass: HomeAssistant,
    harness: Harness,
    observer: Network,
    provisioning: ConfigEntry,
) -> None:
    """Entries zwave-js holds that we did not create are listed as foreign and
    never changed by our adds, removes and windows."""
    stranger = await add_virtual(observer)
    await observer.controller.async_provision_smart_start_node(stranger.label.qr())
    before = await held(observer, stranger)
    assert before is not None
    assert OWNER_PROPERTY not in before
    network = provisioning.runtime_data.network
    ours = await add_virtual(observer)
    await add(hass, ours)
    await wait_held(observer, ours, INACTIVE)
    await wait_until(hass, lambda: [f.id for f in network.foreign] == [stranger.ident])
    assert await held(observer, stranger) == before
    await hass.services.async_call(
        DOMAIN, "start_pairing", {"duration": 60}, blocking=True
    )
    await wait_held(observer, ours, ACTIVE)
    assert await held(observer, stranger) == before
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)
    await wait_held(observer, ours, INACTIVE)
    assert await held(observer, stranger) == before
    await hass.services.async_call(
        DOMAIN, "remove_device", {"ieee": ours.ident}, blocking=True
    )
    await wait_held(observer, ours, None)
    assert await held(observer, stranger) == before
    assert [f.id for f in network.foreign] == [stranger.ident]
    assert status(provisioning, stranger) is None


async def test_dropped_server_link_loses_and_duplicates_nothing(
    hass: HomeAssistant,
    harness: Harness,
    observer: Network,
    provisioning: ConfigEntry,
    commands: Commands,
) -> None:
    """The Z-Wave JS server link drops: an entry added meanwhile is sent when
    it is back, nothing is sent twice, and joins are followed again."""
    kept, new = await add_virtual(observer), await add_virtual(observer)
    await add(hass, kept, name="Kept")
    await wait_held(observer, kept, INACTIVE)
    harness.relay.cut()
    await wait_until(hass, lambda: harness.entry.state is not ConfigEntryState.LOADED)
    await add(hass, new, name="New")
    assert status(provisioning, new) is EntryStatus.PENDING
    sent = commands.count()
    harness.relay.restore()
    await wait_until(hass, lambda: harness.entry.state is ConfigEntryState.LOADED)
    await wait_held(observer, new, INACTIVE)
    found = await listed(observer)
    assert set(found) == {kept.ident, new.ident}
    assert found[new.ident]["name"] == "New"
    assert found[kept.ident]["name"] == "Kept"
    # one provisioning command for the new entry, none again for the kept one
    await hass.async_block_till_done()
    assert commands.sent[sent:] == ["controller.provision_smart_start_node"]
    # the node events are followed on the new connection
    await hass.services.async_call(
        DOMAIN, "start_pairing", {"duration": 120}, blocking=True
    )
    await wait_held(observer, new, ACTIVE)
    await power(observer, new)
    await wait_until(hass, lambda: status(provisioning, new) is EntryStatus.JOINED)
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)


async def test_device_included_while_the_list_was_unloaded_is_joined(
    hass: HomeAssistant,
    harness: Harness,
    observer: Network,
    provisioning: ConfigEntry,
) -> None:
    """Our entry is Active in zwave-js while our list is not loaded; the device
    is included meanwhile; when the list is back the entry is joined, with
    the node zwave-js gave it."""
    joined = []
    hass.bus.async_listen("provisioning_device_joined", joined.append)
    late = await add_virtual(observer)
    await add(hass, late, name="Late")
    await wait_held(observer, late, INACTIVE)
    await hass.config_entries.async_unload(provisioning.entry_id)
    await hass.async_block_till_done()
    # made Active by zwave-js itself (ours still: the owner marker is kept)
    [entry] = [
        e
        for e in await observer.controller.async_get_provisioning_entries()
        if e.additional_properties
        and e.additional_properties.get(OWNER_PROPERTY)
        == owner_marker(provisioning.entry_id)
    ]
    await observer.controller.async_provision_smart_start_node(
        replace(entry, status=ProvisioningEntryStatus.ACTIVE)
    )
    await wait_held(observer, late, ACTIVE)
    await power(observer, late)
    node_id = await wait_for_async(lambda: node_id_of(observer, late), timeout=60)
    await wait_for_async(lambda: _has_node(observer, late), timeout=30)
    assert await hass.config_entries.async_setup(provisioning.entry_id)
    await hass.async_block_till_done()
    await wait_until(hass, lambda: status(provisioning, late) is EntryStatus.JOINED)
    assert provisioning.runtime_data.network.node_ids[zwave_id(late)] == node_id
    assert [e.data["id"] for e in joined] == [late.ident]
    # no window is open: the entry is Inactive again, and held once
    await wait_held(observer, late, INACTIVE)
    assert list(await listed(observer)).count(late.ident) == 1


async def _has_node(observer: Network, virtual: Virtual) -> bool:
    found = await held(observer, virtual)
    return found is not None and found.get("nodeId") is not None


async def test_device_included_while_the_server_link_was_down_is_joined_once(
    hass: HomeAssistant,
    harness: Harness,
    observer: Network,
    provisioning: ConfigEntry,
) -> None:
    """A window holds our entry Active; the link to the Z-Wave JS server drops;
    zwave-js includes the device meanwhile; when the link is back the entry
    is joined once, with its node."""
    joined = []
    hass.bus.async_listen("provisioning_device_joined", joined.append)
    away = await add_virtual(observer)
    await add(hass, away, name="Away")
    await hass.services.async_call(
        DOMAIN, "start_pairing", {"duration": 300}, blocking=True
    )
    await wait_held(observer, away, ACTIVE)
    harness.relay.cut()
    await wait_until(hass, lambda: harness.entry.state is not ConfigEntryState.LOADED)
    await power(observer, away)
    node_id = await wait_for_async(lambda: node_id_of(observer, away), timeout=60)
    assert status(provisioning, away) is not EntryStatus.JOINED
    harness.relay.restore()
    await wait_until(hass, lambda: harness.entry.state is ConfigEntryState.LOADED)
    await wait_until(hass, lambda: status(provisioning, away) is EntryStatus.JOINED)
    assert provisioning.runtime_data.network.node_ids[zwave_id(away)] == node_id
    await hass.async_block_till_done()
    assert [e.data["id"] for e in joined] == [away.ident]
    # every loaded entry joined: the window closed, the entry is Inactive
    await wait_held(observer, away, INACTIVE)
    assert list(await listed(observer)) == [away.ident]
