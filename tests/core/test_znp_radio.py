"""The Z-Stack adapter against a real zigpy-znp host on the Z-Stack personality."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
import time
from typing import Any

import pytest
from zigpy.types import EUI64, KeyData
import zigpy_znp.commands as c

from custom_components.provisioning.core.radio import RadioLostError
from custom_components.provisioning.core.zigbee.identity import ieee_of, zigbee_id
from custom_components.provisioning.core.zigbee.znp_radio import ZnpRadio
from tests.core.radio_entries import entry
from virtual_coordinator import VirtualDevice
from virtual_coordinator.znp import ZnpCoordinator
from virtual_coordinator.znp.host import start_znp_app, stop_znp_app


def device(index: int, **kwargs: Any) -> VirtualDevice:
    """The virtual device of entry(index), with its key."""
    return VirtualDevice(
        f"00:11:22:33:44:55:66:{index:02x}", link_key=bytes([index]) * 16, **kwargs
    )


async def initialized(coordinator: ZnpCoordinator, app: Any, ieee: EUI64) -> None:
    """Wait until zigpy has the device and finished its interview."""
    await coordinator.wait_until(
        lambda: ieee in app.devices and app.devices[ieee].is_initialized, timeout=20
    )


class Clock:
    """A clock the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def znp(
    tmp_path: Any, socket_enabled: None
) -> AsyncGenerator[tuple[ZnpCoordinator, Any]]:
    """A Z-Stack personality (APS key table of 4) and a zigpy-znp host on it."""
    coordinator = ZnpCoordinator(state_file=tmp_path / "znp.json", key_table_capacity=4)
    await coordinator.start_tcp("127.0.0.1", 0)
    app = await start_znp_app(coordinator)
    try:
        yield coordinator, app
    finally:
        await stop_znp_app(coordinator, app)
        await coordinator.stop()


async def test_window_holds_every_key_without_blocking(znp: Any) -> None:
    """All keys load, the network opens install-code-only, and the call returns."""
    coordinator, app = znp
    radio = ZnpRadio(app)
    started = time.monotonic()
    result = await radio.async_open_window([entry(1), entry(2), entry(3)], 180)
    assert time.monotonic() - started < 30  # far from the 180 s of the window
    assert result.enforced
    assert set(result.loaded) == {entry(i).device for i in (1, 2, 3)}
    assert result.waiting == ()
    assert set(coordinator.transient_keys) == {ieee_of(d) for d in result.loaded}
    assert coordinator.install_code_only
    assert coordinator.permit_open
    assert coordinator.trust_center.permit_remaining > 170

    assert coordinator.power_on(VirtualDevice("00:11:22:33:44:55:66:99")).reason == (
        "no_transient_key"
    )
    assert coordinator.power_on(device(2)).joined
    wrong = VirtualDevice("00:11:22:33:44:55:66:03", link_key=b"\x07" * 16)
    assert coordinator.power_on(wrong).reason == "wrong_key"
    await initialized(coordinator, app, ieee_of(entry(2)))
    await radio.async_close_window()


async def test_close_removes_unused_keys_and_clears_the_flag(znp: Any) -> None:
    """Joined devices keep their key; the others' keys leave the APS table."""
    coordinator, app = znp
    radio = ZnpRadio(app)
    await radio.async_open_window([entry(1), entry(2)], 60)
    assert coordinator.power_on(device(1)).joined
    await initialized(coordinator, app, ieee_of(entry(1)))
    await radio.async_close_window()
    assert not coordinator.install_code_only
    assert not coordinator.permit_open
    assert coordinator.transient_keys == [ieee_of(entry(1))]
    assert not radio.window_open
    await radio.async_close_window()  # closing twice does nothing


async def test_full_key_table_leaves_the_rest_waiting(znp: Any) -> None:
    """APS_TABLE_FULL: the entries that do not fit wait; a dropped key frees room."""
    coordinator, app = znp
    radio = ZnpRadio(app)
    entries = [entry(i) for i in range(1, 7)]
    result = await radio.async_open_window(entries, 60)
    assert result.loaded == tuple(e.device for e in entries[:4])
    assert result.waiting == tuple(e.device for e in entries[4:])
    assert coordinator.events("key_rejected")
    # Two entries leave the list: their keys go, the waiting ones come in
    result = await radio.async_set_keys(entries[2:])
    assert set(result.loaded) == {e.device for e in entries[2:]}
    assert result.waiting == ()
    assert set(coordinator.transient_keys) == {ieee_of(e) for e in entries[2:]}
    assert coordinator.events("key_removed")
    await radio.async_close_window()
    assert coordinator.transient_keys == []


async def test_zha_install_code_permit_does_not_end_the_window(znp: Any) -> None:
    """zigpy-znp's permit_with_link_key clears the flag when it ends: kept set."""
    coordinator, app = znp
    radio = ZnpRadio(app)
    # started before the window, ends during it
    before = asyncio.create_task(
        app.permit_with_link_key(
            EUI64.convert("00:aa:00:00:00:00:00:01"), KeyData(b"\x01" * 16), 1
        )
    )
    await coordinator.wait_until(lambda: coordinator.install_code_only)
    await radio.async_open_window([entry(1)], 60)
    await before
    assert coordinator.install_code_only
    # started and ended during the window
    await app.permit_with_link_key(
        EUI64.convert("00:aa:00:00:00:00:00:02"), KeyData(b"\x02" * 16), 1
    )
    assert coordinator.install_code_only
    assert coordinator.permit_open
    assert coordinator.power_on(VirtualDevice("00:11:22:33:44:55:66:98")).reason == (
        "no_transient_key"
    )
    # ZHA's own install-code window outlives ours: the flag stays until it ends
    events = len(coordinator.record)
    outliving = asyncio.create_task(
        app.permit_with_link_key(
            EUI64.convert("00:aa:00:00:00:00:00:04"), KeyData(b"\x04" * 16), 2
        )
    )
    await coordinator.wait_for_event(
        "policy", lambda e: e["decision"] == 0x11, start=events
    )
    await radio.async_close_window()
    assert coordinator.install_code_only
    await outliving
    assert not coordinator.install_code_only


async def test_plain_permit_does_not_end_or_open_the_window(znp: Any) -> None:
    """A permit(0) or a short permit keeps the window open and install-code-only."""
    coordinator, app = znp
    radio = ZnpRadio(app)
    await app.permit(30)  # ZHA's "Add device" just before
    await radio.async_open_window([entry(1)], 120)
    await app.permit(0)
    assert coordinator.permit_open
    assert coordinator.trust_center.permit_remaining > 100
    await app.permit(10)
    assert coordinator.trust_center.permit_remaining > 100
    assert coordinator.install_code_only
    assert not coordinator.power_on(VirtualDevice("00:11:22:33:44:55:66:97")).joined
    await radio.async_close_window()


async def test_foreign_permit_runs_its_length_with_the_guard_off(znp: Any) -> None:
    """Guard off: someone else's permit admits anyone for its length, then not."""
    coordinator, app = znp
    clock = Clock()
    radio = ZnpRadio(app, clock=clock)
    radio.guard_foreign_permits = False
    await radio.async_open_window([entry(1)], None)
    await app.permit(30)
    assert not coordinator.install_code_only
    assert (await radio.async_maintain()).foreign_permit_ended is False
    clock.now += 31
    report = await radio.async_maintain()
    assert report.foreign_permit_ended
    assert coordinator.install_code_only
    # a permit that comes with its own install code stays install-code-only
    await app.permit_with_link_key(
        EUI64.convert("00:aa:00:00:00:00:00:03"), KeyData(b"\x03" * 16), 1
    )
    radio.guard_foreign_permits = True
    await radio.async_close_window()


async def test_maintenance_sets_the_flag_again_after_a_reset(znp: Any) -> None:
    """A Z-Stack reset clears the flag; the next pass sets it, and renews the permit."""
    coordinator, app = znp
    clock = Clock()
    radio = ZnpRadio(app, clock=clock)
    await radio.async_open_window([entry(1)], 600)
    await app._znp.reset()
    assert not coordinator.install_code_only
    assert not coordinator.permit_open
    assert (await radio.async_maintain()).reestablished
    assert coordinator.install_code_only
    await app._znp.start_network()  # what zigpy does after a reset
    assert not (await radio.async_maintain()).reestablished
    assert coordinator.permit_open
    assert coordinator.trust_center.permit_remaining > 250
    permits = len(coordinator.events("permit"))
    await radio.async_maintain()
    assert len(coordinator.events("permit")) == permits  # not due yet
    clock.now += 251  # due: renewed before it ends
    await radio.async_maintain()
    assert len(coordinator.events("permit")) > permits


async def test_refused_permit_loses_the_window(znp: Any) -> None:
    """A permit Z-Stack refuses (no network after a reset) is a lost radio."""
    _coordinator, app = znp
    clock = Clock()
    radio = ZnpRadio(app, clock=clock)
    await radio.async_open_window([entry(1)], None)
    await app._znp.reset()  # and no commissioning follows
    assert (await radio.async_maintain()).reestablished
    clock.now += 300
    with pytest.raises(RadioLostError):
        await radio.async_maintain()
    await app._znp.start_network()
    await radio.async_close_window()


async def test_reconnect_reestablishes_the_window(znp: Any) -> None:
    """A new connection (new ZNP object) gets the guard and the keys again."""
    coordinator, app = znp
    radio = ZnpRadio(app)
    await radio.async_open_window([entry(1), entry(2)], None)
    await app.disconnect()
    with pytest.raises(RadioLostError):
        await radio.async_maintain()
    await app.connect()
    await app.initialize()
    report = await radio.async_maintain()
    assert report.reestablished
    await app._znp.request(
        c.AppConfig.BDBSetJoinUsesInstallCodeKey.Req(BdbJoinUsesInstallCodeKey=False)
    )
    assert coordinator.install_code_only
    await radio.async_close_window()


async def test_clear_leftovers_clears_the_flag(znp: Any) -> None:
    """An install-code-only flag an earlier run left set is cleared."""
    coordinator, app = znp
    await app._znp.request(
        c.AppConfig.BDBSetJoinUsesInstallCodeKey.Req(BdbJoinUsesInstallCodeKey=True)
    )
    assert coordinator.install_code_only
    radio = ZnpRadio(app)
    await radio.async_clear_leftovers()
    assert not coordinator.install_code_only
    with pytest.raises(RadioLostError):
        await radio.async_set_keys([entry(1)])
    assert (await radio.async_maintain()).reestablished is False


async def test_edges_of_the_window(znp: Any) -> None:
    """Reopening, a key already gone, closing without or after a connection."""
    coordinator, app = znp
    radio = ZnpRadio(app)
    assert radio.guard_foreign_permits
    await radio.async_open_window([entry(1), entry(2)], 60)
    await radio.async_open_window([entry(1), entry(2)], 60)  # replaces the first
    assert set(coordinator.transient_keys) == {ieee_of(entry(1)), ieee_of(entry(2))}
    # a key removed behind the window's back: dropping its entry still works
    await app._znp.request(c.ZDO.RemoveLinkKey.Req(IEEE=ieee_of(entry(2))))
    result = await radio.async_set_keys([entry(1)])
    assert result.loaded == (entry(1).device,)
    # closing after a reconnect uses the new connection; the network is not
    # back yet (zigpy has not started it), so only the permit is refused
    await app.disconnect()
    await app.connect()
    await radio.async_close_window()
    assert coordinator.transient_keys == []
    assert not coordinator.install_code_only
    # no connection: opening fails cleanly, closing and tidying do nothing
    await app.initialize()
    await radio.async_open_window([entry(3)], 60)
    await app.disconnect()
    await radio.async_close_window()
    await radio.async_clear_leftovers()
    with pytest.raises(RadioLostError):
        await radio.async_open_window([entry(1)], 60)
    assert not radio.window_open
    await app.connect()


async def test_remove_device_asks_it_to_leave(znp: Any) -> None:
    """Removing a device sends it a leave request through zigpy."""
    coordinator, app = znp
    radio = ZnpRadio(app)
    await app.permit(60)
    device = VirtualDevice("00:11:22:33:44:55:66:42")
    assert coordinator.power_on(device).joined
    await initialized(coordinator, app, device.ieee)
    await radio.async_remove_device(zigbee_id(device.ieee))
    await coordinator.wait_for_event("leave", lambda e: e["source"] == "host")
    assert not device.joined


async def test_a_device_removed_as_it_joins_is_not_interviewed_once_gone(
    znp: Any,
) -> None:
    """Removed from zigpy's join event, as the guard does: once zigpy forgot
    the device, its interview stops; the same device joining again is a new
    device, interviewed as usual."""
    coordinator, app = znp
    radio = ZnpRadio(app)
    joined: list[Any] = []
    removals: list[asyncio.Task[None]] = []

    class Guard:
        def device_joined(self, zigpy_device: Any) -> None:
            joined.append(zigpy_device)
            if len(joined) == 1:
                removals.append(
                    asyncio.Task(
                        radio.async_remove_device(zigbee_id(zigpy_device.ieee)),
                        eager_start=True,
                    )
                )

    app.add_listener(Guard())
    await app.permit(60)
    device = VirtualDevice("00:11:22:33:44:55:66:43")
    assert coordinator.power_on(device).joined
    await coordinator.wait_until(lambda: bool(removals) and removals[0].done())
    await coordinator.wait_for_event("leave", lambda e: e["source"] == "host")
    removed = joined[0]
    await coordinator.wait_until(
        lambda: app.devices.get(device.ieee) is not removed, timeout=40
    )
    await coordinator.wait_until(lambda: not removed.initializing, timeout=5)
    assert not removed.is_initialized

    await app.permit(60)
    assert coordinator.power_on(device).joined
    await initialized(coordinator, app, device.ieee)
    assert app.devices[device.ieee] is joined[1]
