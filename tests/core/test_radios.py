"""Radio adapters against a real bellows host on the virtual coordinator."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from typing import Any

import bellows.types as t
import pytest
from zigpy.types import EUI64

from custom_components.provisioning.core.radio import Maintenance, RadioLostError
from custom_components.provisioning.core.zigbee.ezsp_radio import (
    INSTALL_CODE_ONLY,
    MAX_PERMIT_S,
    EzspRadio,
)
from custom_components.provisioning.core.zigbee.identity import ieee_of
from custom_components.provisioning.core.zigbee.zigpy_radio import ZigpyRadio, radio_for
from tests.core.radio_entries import entry
from virtual_coordinator import VirtualCoordinator, VirtualDevice
from virtual_coordinator.ezsp.host import start_bellows_app

WILDCARD = EUI64.convert("FF:FF:FF:FF:FF:FF:FF:FF")


@pytest.fixture(params=[8, 13])
async def ncp(
    request: pytest.FixtureRequest, socket_enabled: None
) -> AsyncGenerator[VirtualCoordinator]:
    """A virtual coordinator speaking EZSP v8 or v13."""
    coordinator = VirtualCoordinator(ezsp_version=request.param, key_table_capacity=3)
    await coordinator.start_tcp("127.0.0.1", 0)
    yield coordinator
    await coordinator.stop()


@pytest.fixture
async def app(ncp: VirtualCoordinator) -> AsyncGenerator[Any]:
    """A real bellows ControllerApplication."""
    application = await start_bellows_app(ncp)
    yield application
    await ncp.wait_idle()
    await application.shutdown()


async def test_ezsp_window_is_install_code_only_whatever_else_happens(
    ncp: VirtualCoordinator, app: Any
) -> None:
    """Plain permits during the window neither reopen it nor add the wildcard."""
    radio = radio_for(app)
    assert isinstance(radio, EzspRadio)
    before = ncp.policy
    result = await radio.async_open_window([entry(1), entry(2)], 60)
    assert result.enforced
    assert result.loaded == (entry(1).device, entry(2).device)
    assert radio.window_open
    assert ncp.policy == INSTALL_CODE_ONLY
    assert ncp.permit_open

    await app.permit(1)  # what ZHA's own "Add device" does
    assert WILDCARD not in ncp.transient_keys
    restore = len(ncp.record)
    await ncp.wait_for_event(
        "policy", lambda e: e["source"] == "host", start=restore, timeout=10
    )
    assert ncp.policy == INSTALL_CODE_ONLY
    assert not ncp.power_on(VirtualDevice("00:00:00:00:00:00:0c:01")).joined
    device = VirtualDevice(ieee_of(entry(1)), link_key=bytes([1]) * 16)
    assert ncp.power_on(device).joined

    await radio.async_close_window()
    assert not radio.window_open
    assert ncp.transient_keys == []
    assert not ncp.permit_open
    # bellows asked for its default policy while the window was open
    assert ncp.policy == app._ezsp._protocol.tc_policy
    assert before in (ncp.policy, 0x03)
    await radio.async_close_window()  # closing twice is harmless


async def test_ezsp_full_key_table_leaves_entries_waiting(
    ncp: VirtualCoordinator, app: Any
) -> None:
    """Keys beyond the table's capacity wait for the next window."""
    radio = EzspRadio(app)
    entries = [entry(index) for index in range(1, 6)]
    result = await radio.async_open_window(entries, 30)
    assert len(result.loaded) == 3
    assert result.waiting == tuple(e.device for e in entries[3:])
    # a second open replaces the first window
    result = await radio.async_open_window(entries[:1], 30)
    assert result.loaded == (entries[0].device,)
    await radio.async_close_window()
    assert ncp.transient_keys == []


async def test_ezsp_long_window_keeps_permit_open(
    ncp: VirtualCoordinator, app: Any
) -> None:
    """A window longer than the radio's 254 s maximum is renewed by maintenance."""
    now = [0.0]
    radio = EzspRadio(app, clock=lambda: now[0])
    await radio.async_open_window([entry(1)], MAX_PERMIT_S + 100)

    def permits() -> list[int]:
        return [e["duration"] for e in ncp.events("permit") if e["source"] == "host"]

    before = len(permits())
    now[0] = MAX_PERMIT_S - 3.0
    report = await radio.async_maintain()
    assert report.keys_refreshed == 1
    assert permits()[before:] == [103]
    now[0] = MAX_PERMIT_S + 101.0
    await radio.async_maintain()
    assert permits()[before:] == [103]  # nothing after the end
    await radio.async_close_window()
    assert not radio.window_open


async def test_ezsp_set_keys_adds_and_removes(
    ncp: VirtualCoordinator, app: Any
) -> None:
    """Keys follow the list: added ones are imported, removed ones cleared."""
    radio = EzspRadio(app)
    await radio.async_open_window([entry(1)], None)
    result = await radio.async_set_keys([entry(1), entry(2)])
    assert result.loaded == (entry(1).device, entry(2).device)
    assert set(ncp.transient_keys) == {ieee_of(entry(1)), ieee_of(entry(2))}
    result = await radio.async_set_keys([entry(2)])
    assert result.loaded == (entry(2).device,)
    assert ncp.transient_keys == [ieee_of(entry(2))]
    await radio.async_close_window()
    with pytest.raises(RadioLostError):
        await radio.async_set_keys([entry(1)])
    assert await radio.async_maintain() == Maintenance()


async def test_ezsp_reads_but_never_changes_the_key_lifetime(
    ncp: VirtualCoordinator, app: Any
) -> None:
    """EmberZNet refuses configuration once running; the window only reads it."""
    [status] = await app._ezsp.setConfigurationValue(
        configId=t.EzspConfigId.CONFIG_TRANSIENT_KEY_TIMEOUT_S, value=3600
    )
    assert status == t.EzspStatus.ERROR_INVALID_CALL
    radio = EzspRadio(app)
    await radio.async_open_window([entry(1)], 30)
    assert radio.key_lifetime_s == 300
    assert radio.refresh_interval_s == 100
    assert ncp.trust_center.key_timeout_s == 300
    await radio.async_close_window()


async def test_ezsp_close_after_radio_loss_does_not_raise(
    ncp: VirtualCoordinator, app: Any
) -> None:
    """A radio that went away leaves nothing to restore; closing still succeeds."""
    radio = EzspRadio(app)
    await radio.async_open_window([entry(1)], 30)
    await ncp.wait_idle()
    await app.shutdown()
    await radio.async_close_window()
    assert not radio.window_open


async def test_generic_zigpy_radio(ncp: VirtualCoordinator, app: Any) -> None:
    """The generic adapter hands keys to permit_with_link_key, and says it cannot enforce."""
    radio = ZigpyRadio(app)
    assert not radio.enforces_provisioned_only
    result = await radio.async_open_window([entry(1), entry(2)], 30)
    assert not result.enforced
    assert result.loaded == (entry(1).device, entry(2).device)
    assert ncp.permit_open
    await radio.async_close_window()
    assert not ncp.permit_open
    device = VirtualDevice(ieee_of(entry(1)), link_key=bytes([1]) * 16)
    assert not ncp.power_on(device).joined


async def test_generic_zigpy_radio_follows_the_list(
    ncp: VirtualCoordinator, app: Any
) -> None:
    """Keys added later go to the library; the permit is renewed before it ends."""
    now = [0.0]
    radio = ZigpyRadio(app, clock=lambda: now[0])
    await radio.async_clear_leftovers()
    assert radio.guard_foreign_permits
    result = await radio.async_open_window([entry(1)], None)
    assert result.loaded == (entry(1).device,)
    result = await radio.async_set_keys([entry(1), entry(2)])
    assert result.loaded == (entry(1).device, entry(2).device)
    permits = len(ncp.events("permit"))
    assert await radio.async_maintain() == Maintenance()
    assert len(ncp.events("permit")) == permits  # not due yet
    now[0] = 251.0
    await radio.async_maintain()
    assert ncp.events("permit")[-1]["duration"] == MAX_PERMIT_S
    await radio.async_close_window()
    assert not ncp.permit_open


async def test_remove_device_makes_it_leave(ncp: VirtualCoordinator, app: Any) -> None:
    """Both adapters remove a device through zigpy."""
    radio = EzspRadio(app)
    await radio.async_open_window([entry(1)], 30)
    device = VirtualDevice(ieee_of(entry(1)), link_key=bytes([1]) * 16)
    assert ncp.power_on(device).joined
    await ncp.wait_until(
        lambda: (
            ieee_of(entry(1)) in app.devices
            and app.devices[ieee_of(entry(1))].model == "Light"
            and not app.devices[ieee_of(entry(1))].initializing
        )
    )
    await radio.async_close_window()
    await radio.async_remove_device(entry(1).device)
    await ncp.wait_until(lambda: not device.joined)


async def test_ezsp_foreign_permits_with_the_guard_off(
    ncp: VirtualCoordinator, app: Any
) -> None:
    """A foreign permit runs its length; one that closes the network opens no gap."""
    radio = EzspRadio(app)
    radio.guard_foreign_permits = False
    await radio.async_open_window([entry(1)], 60)

    await app.permit(0)  # someone closes the network: the window stays as it was
    # bellows' pre-permit sets its policy back time_s + 2 s later
    restore = [t for t in asyncio.all_tasks() if t.get_name() == "pre_permit"]
    assert restore
    for index in range(2):
        if index:
            await asyncio.wait(restore)  # across bellows' restore
        await ncp.wait_idle()
        await radio.async_maintain()
        assert ncp.policy == INSTALL_CODE_ONLY, index
        assert WILDCARD not in ncp.transient_keys, index
        assert not ncp.power_on(VirtualDevice(f"00:00:00:00:00:00:0c:1{index}")).joined

    await app.permit(2)  # ZHA's "Add device": behaves as its own
    await ncp.wait_until(lambda: ncp.policy != INSTALL_CODE_ONLY, timeout=2)
    assert ncp.power_on(VirtualDevice("00:00:00:00:00:00:0c:20")).joined
    await ncp.wait_until(
        lambda: radio._guard is not None and not radio._guard.foreign_active, timeout=5
    )
    report = await radio.async_maintain()
    assert report.foreign_permit_ended
    assert ncp.policy == INSTALL_CODE_ONLY
    assert ncp.transient_keys == [ieee_of(entry(1))]
    await radio.async_close_window()
    await ncp.wait_until(
        lambda: not [t for t in asyncio.all_tasks() if t.get_name() == "initialize"],
        timeout=30,
    )
