"""Windows across radio resets, lost connections and Home Assistant restarts."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta

from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    async_fire_time_changed,
)

from custom_components.provisioning.const import DOMAIN
from tests.conftest import add_provisioning_entry
from tests.restart import restarted
from tests.test_admission import (
    CODE,
    IEEE,
    INSTALL_CODE_ONLY,
    JOIN_WINDOW,
    LINK_KEY,
    QR,
    start_pairing,
    status,
    wait_for,
)
from tests.test_windows import CONTINUOUS_SWITCH
from virtual_coordinator import VirtualCoordinator, VirtualDevice
from virtual_coordinator.pytest_plugin import (
    setup_zha,
    wait_for_registry_device,
)

OTHER = "00:11:22:33:44:55:66:78"


class Hammer:
    """Power on well-known-key devices, one every 20 ms, until stopped."""

    def __init__(self, ncp: VirtualCoordinator) -> None:
        """Start hammering."""
        self.ncp = ncp
        self.attempts = 0
        self.admitted: list[str] = []
        self.paused = False
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            if not self.paused:
                self.attempts += 1
                index = self.attempts
                device = VirtualDevice(
                    f"00:00:00:00:00:0f:{index >> 8:02x}:{index & 0xFF:02x}"
                )
                if self.ncp.power_on(device).joined:
                    self.admitted.append(str(device.ieee))
            await asyncio.sleep(0.02)

    async def quiet(self) -> None:
        """Pause until bellows has handled the refused joins so far.

        For each refused join bellows starts a task that looks up a key on the
        NCP; one caught by the connection loss fails unretrieved, which fails
        the test harness. It says nothing about the window.
        """
        self.paused = True
        await self.ncp.wait_idle()
        await self.ncp.wait_until(
            lambda: (
                not [
                    t
                    for t in asyncio.all_tasks()
                    if t.get_name() == "cleanup_tc_link_key"
                ]
            )
        )

    async def stop(self) -> None:
        """Stop hammering."""
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)


def _loaded(hass: HomeAssistant) -> ConfigEntry | None:
    [entry] = hass.config_entries.async_entries(DOMAIN)
    return entry if entry.state is ConfigEntryState.LOADED else None


@pytest.mark.parametrize("fault", ["reset_ncp", "drop_connection"])
async def test_window_survives_reset_and_reconnect(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    provisioning_entry: ConfigEntry,
    fault: str,
) -> None:
    """The NCP resets or the link drops mid-window: no stranger joins; the device does after."""
    ncp = virtual_coordinator
    await hass.services.async_call(DOMAIN, "add_device", {"qr_code": QR}, blocking=True)
    await start_pairing(hass, duration=300)
    application = provisioning_entry.runtime_data.application
    hammer = Hammer(ncp)
    try:
        await ncp.wait_until(lambda: hammer.attempts > 3)
        await hammer.quiet()
        fault_action: Callable[[], None] = getattr(ncp, fault)
        fault_action()
        hammer.paused = False

        def recovered() -> bool:
            entry = _loaded(hass)
            return (
                entry is not None
                and entry.runtime_data.application is not application
                and entry.runtime_data.admission.window_open
                and ncp.policy == INSTALL_CODE_ONLY
                and IEEE in map(str, ncp.transient_keys)
                and ncp.permit_open
            )

        await wait_for(hass, recovered, timeout=60)
        attempts = hammer.attempts
        await ncp.wait_until(lambda: hammer.attempts > attempts + 5)
    finally:
        await hammer.stop()
    assert hammer.admitted == []
    assert hammer.attempts > 10
    assert hass.states.get(JOIN_WINDOW).state == "on"
    assert ncp.power_on(VirtualDevice(IEEE, install_code=CODE)).joined
    entry = _loaded(hass)
    assert entry is not None
    await wait_for(hass, lambda: status(hass, entry, IEEE) == "joined")
    # let ZHA finish configuring the device before the test tears down
    await wait_for_registry_device(hass, IEEE, predicate=lambda d: bool(d.model))
    await wait_for(
        hass,
        lambda: not [t for t in asyncio.all_tasks() if t.get_name() == "initialize"],
    )
    await ncp.wait_idle()


async def _restarted(
    hass: HomeAssistant,
    ncp: VirtualCoordinator,
    check: Callable[[HomeAssistant], Awaitable[None]],
) -> None:
    """Start Home Assistant again from hass's storage, run check, stop it."""
    async with restarted(hass) as again:
        await wait_for(again, lambda: _loaded(again) is not None)
        await check(again)
        await ncp.wait_idle()
        await again.async_stop()


async def test_restart_mid_window_leaves_nothing_behind(
    hass: HomeAssistant, virtual_coordinator: VirtualCoordinator
) -> None:
    """A manual window is not carried over a restart; continuous admission is."""
    ncp = virtual_coordinator
    await setup_zha(hass, ncp)
    await add_provisioning_entry(hass)
    for data in ({"qr_code": QR}, {"ieee": OTHER, "link_key": LINK_KEY}):
        await hass.services.async_call(DOMAIN, "add_device", data, blocking=True)
    await start_pairing(hass, duration=600)
    assert ncp.policy == INSTALL_CODE_ONLY
    await ncp.wait_idle()
    await hass.async_stop()

    async def nothing_left_then_continuous(again: HomeAssistant) -> None:
        assert ncp.transient_keys == []
        assert ncp.policy != INSTALL_CODE_ONLY
        assert not ncp.permit_open
        assert again.states.get(JOIN_WINDOW).state == "off"
        entry = _loaded(again)
        assert entry is not None
        assert status(again, entry, IEEE) == "pending"
        await again.services.async_call(
            "switch", "turn_on", {"entity_id": CONTINUOUS_SWITCH}, blocking=True
        )
        await ncp.wait_until(lambda: ncp.permit_open and len(ncp.transient_keys) == 2)
        await wait_for(again, lambda: again.states.get(JOIN_WINDOW).state == "on")
        await entry.runtime_data.async_flush()

    await _restarted(hass, ncp, nothing_left_then_continuous)

    async def continuous_reopened(again: HomeAssistant) -> None:
        entry = _loaded(again)
        assert entry is not None
        assert entry.runtime_data.admission.continuous
        await wait_for(again, lambda: again.states.get(JOIN_WINDOW).state == "on")
        assert again.states.get(JOIN_WINDOW).attributes["mode"] == "continuous"
        assert sorted(map(str, ncp.transient_keys)) == sorted([IEEE, OTHER])
        assert ncp.policy == INSTALL_CODE_ONLY
        assert ncp.permit_open

    await _restarted(hass, ncp, continuous_reopened)


async def test_window_waits_for_a_radio_that_is_away(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    provisioning_entry: ConfigEntry,
) -> None:
    """The coordinator is unplugged for a while: nothing joins; back, the window reopens."""
    ncp = virtual_coordinator
    await hass.services.async_call(DOMAIN, "add_device", {"qr_code": QR}, blocking=True)
    await start_pairing(hass, duration=300)
    assert ncp.port is not None
    port = ncp.port
    await ncp.wait_idle()
    await ncp.stop()  # unplugged: the link drops and nothing answers
    [zha] = hass.config_entries.async_entries("zha")
    await wait_for(hass, lambda: zha.state is ConfigEntryState.SETUP_RETRY, timeout=60)
    assert _loaded(hass) is None
    assert not ncp.power_on(VirtualDevice("00:00:00:00:00:0f:ff:01")).joined

    await ncp.start_tcp("127.0.0.1", port)  # plugged in again
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=60))
    await wait_for(
        hass,
        lambda: (
            _loaded(hass) is not None
            and ncp.policy == INSTALL_CODE_ONLY
            and IEEE in map(str, ncp.transient_keys)
            and ncp.permit_open
        ),
        timeout=60,
    )
    assert hass.states.get(JOIN_WINDOW).attributes["mode"] == "manual"
    assert not ncp.power_on(VirtualDevice("00:00:00:00:00:0f:ff:02")).joined
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)
    await ncp.wait_idle()
