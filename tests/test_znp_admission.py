"""Admission end to end on both personalities: real ZHA with bellows (``ezsp``)
or the unmodified zigpy-znp (``znp``), against the virtual coordinator."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from datetime import timedelta
import pathlib
import time
from typing import Any

from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    async_fire_time_changed,
)

from custom_components.provisioning.const import DOMAIN
from custom_components.provisioning.core.zigbee.ezsp_radio import EzspRadio
from custom_components.provisioning.core.zigbee.znp_radio import ZnpRadio
from tests.conftest import add_provisioning_entry
from tests.restart import restarted
from tests.test_admission import CODE, IEEE, QR, start_pairing, status, wait_for
from virtual_coordinator import VirtualCoordinator, VirtualDevice
from virtual_coordinator.znp import ZnpCoordinator
from virtual_coordinator.znp.host import setup_zha as setup_zha_for

STRANGER = "00:11:22:33:44:55:66:99"
OTHER_CODE_IEEE = "00:aa:bb:cc:dd:ee:ff:01"


def make_coordinator(radio: str, state: pathlib.Path, capacity: int = 16) -> Any:
    """A virtual coordinator of the given personality."""
    if radio == "znp":
        return ZnpCoordinator(state_file=state, key_table_capacity=capacity)
    return VirtualCoordinator(state_file=state, key_table_capacity=capacity)


def personality(coordinator: Any) -> str:
    """``znp`` or ``ezsp``."""
    return "znp" if isinstance(coordinator, ZnpCoordinator) else "ezsp"


def install_code_only(coordinator: Any) -> bool:
    """Whether the coordinator admits only devices with a loaded key."""
    if isinstance(coordinator, ZnpCoordinator):
        return coordinator.install_code_only
    return bool(coordinator.policy == 0x11)


def entity(hass: HomeAssistant, domain: str, key: str) -> str:
    """The entity id of one of this integration's coordinator entities."""
    for item in er.async_get(hass).entities.values():
        if (
            item.platform == DOMAIN
            and item.domain == domain
            and item.translation_key == key
        ):
            return item.entity_id
    raise AssertionError(f"no {domain} {key}")


@pytest.fixture(params=["ezsp", "znp"])
async def coordinator(
    request: pytest.FixtureRequest, tmp_path: pathlib.Path, socket_enabled: None
) -> AsyncGenerator[Any]:
    """The virtual coordinator, one personality per run."""
    coordinator = make_coordinator(request.param, tmp_path / "coordinator.json", 4)
    await coordinator.start_tcp("127.0.0.1", 0)
    try:
        yield coordinator
    finally:
        await coordinator.stop()


@pytest.fixture
async def entry(hass: HomeAssistant, coordinator: Any) -> AsyncGenerator[ConfigEntry]:
    """ZHA and Device Provisioning on the coordinator."""
    zha = await setup_zha_for(hass, coordinator)
    entry = await add_provisioning_entry(hass)
    yield entry
    await coordinator.wait_idle()
    for loaded in (entry, zha):
        if loaded.state is ConfigEntryState.LOADED:
            await hass.config_entries.async_unload(loaded.entry_id)
    await hass.async_block_till_done()


async def press(hass: HomeAssistant) -> None:
    """Press "Admit provisioned devices"."""
    await hass.services.async_call(
        "button", "press", {"entity_id": entity(hass, "button", "admit")}, blocking=True
    )


async def test_use_case_scan_plug_press_installed(
    hass: HomeAssistant, coordinator: Any, entry: ConfigEntry
) -> None:
    """Scan, plug in, press: only the provisioned device joins, and is installed."""
    radio = entry.runtime_data.admission.radio
    assert isinstance(
        radio, ZnpRadio if personality(coordinator) == "znp" else EzspRadio
    )
    await hass.services.async_call(
        DOMAIN, "add_device", {"qr_code": QR, "name": "Kitchen light"}, blocking=True
    )
    device = VirtualDevice(IEEE, install_code=CODE, manufacturer="Acme", model="Bulb")
    assert not coordinator.power_on(device).joined  # the network is closed
    started = time.monotonic()
    await press(hass)
    assert time.monotonic() - started < 30  # the window is 180 s: nothing blocks
    assert hass.states.get(entity(hass, "binary_sensor", "join_window")).state == "on"
    assert install_code_only(coordinator)
    assert [str(k) for k in coordinator.transient_keys] == [IEEE]
    assert status(hass, entry, IEEE) == "admitting"
    assert not coordinator.power_on(VirtualDevice(STRANGER)).joined
    assert coordinator.power_on(device).joined
    await wait_for(hass, lambda: status(hass, entry, IEEE) == "joined")
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)


async def test_zha_install_code_permit_does_not_end_the_window(
    hass: HomeAssistant, coordinator: Any, entry: ConfigEntry
) -> None:
    """ZHA's own permit with an install code, before and during: still ours."""
    await hass.services.async_call(DOMAIN, "add_device", {"qr_code": QR}, blocking=True)
    zha_permit = {"duration": 1, "source_ieee": OTHER_CODE_IEEE, "install_code": CODE}
    await hass.services.async_call("zha", "permit", zha_permit, blocking=True)
    await start_pairing(hass)
    events = len(coordinator.record)
    await hass.services.async_call("zha", "permit", zha_permit, blocking=True)
    # whatever each library schedules after its window has run (bellows: t + 2 s)
    await coordinator.wait_for_event("permit", start=events)
    if personality(coordinator) == "ezsp":
        await coordinator.wait_for_event(
            "policy", lambda e: e["decision"] == 0x11, start=events + 1, timeout=15
        )
    await hass.async_block_till_done()
    assert install_code_only(coordinator)
    assert coordinator.permit_open
    assert not coordinator.power_on(VirtualDevice(STRANGER)).joined
    assert coordinator.power_on(VirtualDevice(IEEE, install_code=CODE)).joined
    await wait_for(hass, lambda: status(hass, entry, IEEE) == "joined")


async def test_plain_permit_does_not_end_the_window(
    hass: HomeAssistant, coordinator: Any, entry: ConfigEntry
) -> None:
    """ZHA's "Add device" before and during the window: still install-code-only."""
    await hass.services.async_call(DOMAIN, "add_device", {"qr_code": QR}, blocking=True)
    await hass.services.async_call("zha", "permit", {"duration": 1}, blocking=True)
    await start_pairing(hass)
    events = len(coordinator.record)
    await hass.services.async_call("zha", "permit", {"duration": 1}, blocking=True)
    await coordinator.wait_for_event("permit", start=events)
    if personality(coordinator) == "ezsp":
        # bellows restores its policy t + 2 s later: the guard keeps 0x11
        await coordinator.wait_for_event(
            "policy", lambda e: e["decision"] == 0x11, start=events + 1, timeout=15
        )
    assert install_code_only(coordinator)
    assert coordinator.permit_open
    assert not coordinator.power_on(VirtualDevice(STRANGER)).joined


async def test_guard_removes_an_unprovisioned_device(
    hass: HomeAssistant, coordinator: Any, entry: ConfigEntry
) -> None:
    """A device a plain permit let in is asked to leave."""
    removed: list[Event] = []
    hass.bus.async_listen(
        "provisioning_unprovisioned_device_removed",
        callback(lambda event: removed.append(event)),
    )
    await hass.services.async_call("zha", "permit", {"duration": 60}, blocking=True)
    intruder = VirtualDevice("00:00:00:00:00:00:0b:02")
    assert coordinator.power_on(intruder).joined
    await wait_for(hass, lambda: bool(removed))
    assert removed[0].data == {"ieee": str(intruder.ieee)}
    await coordinator.wait_until(lambda: not intruder.joined, timeout=30)
    # zigpy schedules the interview after telling its listeners: once zigpy
    # forgot the device, its interview is stopped (it would take over a minute
    # of retries on Z-Stack, talking to a device that is gone)
    await wait_for(
        hass,
        lambda: not [t for t in asyncio.all_tasks() if t.get_name() == "initialize"],
        timeout=30,
    )


async def test_window_end_cleans_up(
    hass: HomeAssistant, coordinator: Any, entry: ConfigEntry
) -> None:
    """At the end of a window: closed, flag cleared, unused keys removed."""
    await hass.services.async_call(DOMAIN, "add_device", {"qr_code": QR}, blocking=True)
    await start_pairing(hass, duration=60)
    assert install_code_only(coordinator)
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=61))
    await hass.async_block_till_done()
    window = entity(hass, "binary_sensor", "join_window")
    await wait_for(hass, lambda: hass.states.get(window).state == "off")
    assert not install_code_only(coordinator)
    assert coordinator.transient_keys == []
    assert not coordinator.permit_open
    assert status(hass, entry, IEEE) == "pending"


async def test_capacity_reports_waiting_entries(
    hass: HomeAssistant, coordinator: Any, entry: ConfigEntry
) -> None:
    """A full key table (4 entries here) loads what fits; the rest waits."""
    for index in range(6):
        await hass.services.async_call(
            DOMAIN,
            "add_device",
            {"ieee": f"00:11:22:33:44:55:66:7{index}", "link_key": "11" * 16},
            blocking=True,
        )
    response = await start_pairing(hass)
    assert response["keys_loaded"] == 4
    assert len(response["waiting"]) == 2
    state = hass.states.get(entity(hass, "binary_sensor", "join_window"))
    assert state.attributes["waiting"] == response["waiting"]
    assert len(coordinator.transient_keys) == 4
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)


async def test_restart_resumes_network_and_list(
    hass: HomeAssistant, coordinator: Any
) -> None:
    """Home Assistant and the coordinator restart: same network, same list."""
    await setup_zha_for(hass, coordinator)
    await add_provisioning_entry(hass)
    await hass.services.async_call(DOMAIN, "add_device", {"qr_code": QR}, blocking=True)
    await start_pairing(hass)
    assert coordinator.power_on(VirtualDevice(IEEE, install_code=CODE)).joined
    [entry] = hass.config_entries.async_entries(DOMAIN)
    await wait_for(hass, lambda: status(hass, entry, IEEE) == "joined")
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)
    pan_id = coordinator.state.pan_id
    await coordinator.wait_idle()
    await hass.async_stop()
    await coordinator.stop()

    again_coordinator = make_coordinator(
        personality(coordinator),
        coordinator.state_file,
    )
    await again_coordinator.start_tcp("127.0.0.1", coordinator.port)
    try:
        async with restarted(hass) as again:
            [entry] = again.config_entries.async_entries(DOMAIN)
            await wait_for(again, lambda: entry.state is ConfigEntryState.LOADED)
            assert again_coordinator.events("network_up")
            assert not again_coordinator.events("network_formed")
            assert again_coordinator.state.pan_id == pan_id
            assert status(again, entry, IEEE) == "joined"
            await again_coordinator.wait_idle()
            await again.async_stop()
    finally:
        await again_coordinator.stop()


class Hammer:
    """Power on well-known-key devices, one every 20 ms, until stopped."""

    def __init__(self, coordinator: Any) -> None:
        """Start hammering."""
        self.coordinator = coordinator
        self.attempts = 0
        self.admitted: list[str] = []
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            self.attempts += 1
            n = self.attempts
            device = VirtualDevice(
                f"00:00:00:00:00:0f:{n >> 8 & 0xFF:02x}:{n & 0xFF:02x}"
            )
            if self.coordinator.power_on(device).joined:
                self.admitted.append(str(device.ieee))
            await asyncio.sleep(0.02)

    async def stop(self) -> None:
        """Stop hammering."""
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)


@pytest.mark.parametrize("fault", ["reset_ncp", "drop_connection"])
async def test_znp_window_survives_reset_and_reconnect(
    hass: HomeAssistant, tmp_path: pathlib.Path, socket_enabled: None, fault: str
) -> None:
    """Z-Stack resets or the link drops mid-window: no stranger joins; the device does."""
    coordinator = make_coordinator("znp", tmp_path / "znp.json")
    await coordinator.start_tcp("127.0.0.1", 0)
    try:
        await setup_zha_for(hass, coordinator)
        await add_provisioning_entry(hass)
        await hass.services.async_call(
            DOMAIN, "add_device", {"qr_code": QR}, blocking=True
        )
        await start_pairing(hass, duration=300)
        hammer = Hammer(coordinator)
        try:
            await coordinator.wait_until(lambda: hammer.attempts > 3)
            events = len(coordinator.record)
            getattr(coordinator, fault)()
            await coordinator.wait_for_event("reset", start=events, timeout=60)

            def recovered() -> bool:
                [entry] = hass.config_entries.async_entries(DOMAIN)
                return (
                    entry.state is ConfigEntryState.LOADED
                    and entry.runtime_data.admission.window_open
                    and coordinator.install_code_only
                    and IEEE in map(str, coordinator.transient_keys)
                    and coordinator.permit_open
                )

            await wait_for(hass, recovered, timeout=60)
            attempts = hammer.attempts
            await coordinator.wait_until(lambda: hammer.attempts > attempts + 5)
        finally:
            await hammer.stop()
        assert hammer.admitted == []
        assert coordinator.power_on(VirtualDevice(IEEE, install_code=CODE)).joined
        [entry] = hass.config_entries.async_entries(DOMAIN)
        await wait_for(hass, lambda: status(hass, entry, IEEE) == "joined")
        for loaded in hass.config_entries.async_entries():
            if loaded.state is ConfigEntryState.LOADED:
                await hass.config_entries.async_unload(loaded.entry_id)
        await hass.async_block_till_done()
    finally:
        await coordinator.stop()
