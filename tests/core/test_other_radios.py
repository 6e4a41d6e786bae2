"""deCONZ (one key per window) and ZiGate (no key at all): the adapters and the
dispatch, with the radio libraries' real application classes.

No deCONZ or ZiGate emulator exists here: ``SingleKeyRadio`` uses nothing but
zigpy's ``permit_with_link_key`` and ``permit``, so its window logic runs on a
real bellows host against the virtual coordinator, where each call's key is
visible in the trust center.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Any

import pytest
from zigpy_deconz.zigbee.application import ControllerApplication as DeconzApp
from zigpy_zigate.zigbee.application import ControllerApplication as ZigateApp

from custom_components.provisioning.core.radio import RadioLostError
from custom_components.provisioning.core.zigbee.identity import ieee_of, zigbee_id
from custom_components.provisioning.core.zigbee.no_key_radio import (
    NoKeyRadio,
    RadioCannotAdmitByKeyError,
)
from custom_components.provisioning.core.zigbee.single_key_radio import SingleKeyRadio
from custom_components.provisioning.core.zigbee.zigpy_radio import radio_for
from tests.core.radio_entries import entry
from virtual_coordinator import VirtualCoordinator, VirtualDevice
from virtual_coordinator.ezsp.host import start_bellows_app

OFFLINE = {
    "device": {"path": "/dev/null"},
    "database_path": None,
    "ota": {"enabled": False},
}


class Clock:
    """A clock the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_dispatch_by_radio_library() -> None:
    """zigpy-deconz gets the one-key adapter, zigpy-zigate the no-key one."""
    assert isinstance(radio_for(DeconzApp(OFFLINE)), SingleKeyRadio)
    zigate = radio_for(ZigateApp(OFFLINE))
    assert isinstance(zigate, NoKeyRadio)
    assert not zigate.enforces_provisioned_only


async def test_zigate_refuses_to_open_a_window() -> None:
    """No window on a radio that ignores keys: a translated error, nothing opened."""
    radio = NoKeyRadio(ZigateApp(OFFLINE))
    with pytest.raises(RadioCannotAdmitByKeyError) as caught:
        await radio.async_open_window([entry(1)], 60)
    assert caught.value.translation_key == "radio_cannot_admit_by_key"
    assert caught.value.placeholders == {"radio": "zigpy_zigate"}
    with pytest.raises(RadioLostError):
        await radio.async_set_keys([entry(1)])
    assert await radio.async_maintain() == type(await radio.async_maintain())()
    await radio.async_close_window()
    await radio.async_clear_leftovers()


@pytest.fixture
async def bellows(
    virtual_coordinator: VirtualCoordinator,
) -> AsyncGenerator[Any]:
    """A real bellows host on the virtual coordinator."""
    app = await start_bellows_app(virtual_coordinator)
    try:
        yield app
    finally:
        await virtual_coordinator.wait_idle()
        await app.shutdown()


async def test_one_key_per_window(
    virtual_coordinator: VirtualCoordinator, bellows: Any
) -> None:
    """The first entry's key only; the next one's once the first has joined."""
    ncp = virtual_coordinator
    clock = Clock()
    radio = SingleKeyRadio(bellows, clock=clock)
    result = await radio.async_open_window([entry(1), entry(2), entry(3)], None)
    assert result.loaded == (entry(1).device,)
    assert result.waiting == (entry(2).device, entry(3).device)
    assert not result.enforced
    assert ieee_of(entry(1)) in ncp.transient_keys
    assert ieee_of(entry(2)) not in ncp.transient_keys
    assert ncp.permit_open
    # the same entries again: nothing is written again
    keys = len(ncp.events("key_added"))
    assert (await radio.async_set_keys([entry(1), entry(2)])).loaded == (
        entry(1).device,
    )
    assert len(ncp.events("key_added")) == keys
    # the first one joined and left the window: the next key is written
    device = VirtualDevice(ieee_of(entry(1)), link_key=bytes([1]) * 16)
    assert ncp.power_on(device).joined
    result = await radio.async_set_keys([entry(2), entry(3)])
    assert result.loaded == (entry(2).device,)
    assert result.waiting == (entry(3).device,)
    assert ieee_of(entry(2)) in ncp.transient_keys
    # the permit is renewed before it ends
    permits = len(ncp.events("permit"))
    await radio.async_maintain()
    assert len(ncp.events("permit")) == permits
    clock.now += 251
    await radio.async_maintain()
    assert len(ncp.events("permit")) > permits
    await radio.async_close_window()
    assert not ncp.permit_open
    await radio.async_close_window()
    await radio.async_clear_leftovers()
    with pytest.raises(RadioLostError):
        await radio.async_set_keys([entry(3)])
    assert (await radio.async_open_window([], 30)).loaded == ()
    assert (await radio.async_open_window([entry(3)], 30)).loaded == (entry(3).device,)
    assert 25 < ncp.trust_center.permit_remaining <= 30
    await radio.async_close_window()
    await radio.async_remove_device(zigbee_id(device.ieee))
    await ncp.wait_for_event("leave", lambda e: e["ieee"] == str(device.ieee))
