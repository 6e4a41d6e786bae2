"""A real bellows ControllerApplication against the virtual coordinator."""

from __future__ import annotations

import asyncio
import logging
import pathlib

from bellows.ash import RStackFrame
import bellows.types as t
import pytest
import zigpy.types as zt
from zigpy.util import convert_install_code

from virtual_coordinator import VirtualCoordinator, VirtualDevice
from virtual_coordinator.ezsp.ash import unstuff_bytes
from virtual_coordinator.ezsp.bench import measure_key_import_round_trip
from virtual_coordinator.ezsp.host import ezsp_protocol, start_bellows_app
from virtual_coordinator.ezsp.transport import BOOT_S

IEEE = "00:11:22:33:44:55:66:77"
INSTALL_CODE = "83FED3407A939723A5C639B26916D505C3B5"


@pytest.mark.parametrize("version", [8, 13])
async def test_form_shutdown_resume(
    tmp_path: pathlib.Path, socket_enabled: None, version: int
) -> None:
    state = tmp_path / "ncp.json"
    coordinator = VirtualCoordinator(state_file=state, ezsp_version=version)
    await coordinator.start_tcp("127.0.0.1", 0)
    try:
        app = await start_bellows_app(coordinator)
        assert app._ezsp.ezsp_version == version
        assert version == ezsp_protocol(app).VERSION
        formed = app.state.network_info
        node = app.state.node_info
        await app.shutdown()
        assert coordinator.events("network_formed")
        assert state.exists()
    finally:
        await coordinator.stop()

    # A new emulator process resumes the stored network
    coordinator = VirtualCoordinator(state_file=state, ezsp_version=version)
    await coordinator.start_tcp("127.0.0.1", 0)
    try:
        app = await start_bellows_app(coordinator)
        resumed = app.state.network_info
        assert not coordinator.events("network_formed")
        assert coordinator.events("network_up")
        assert app.state.node_info.ieee == node.ieee
        assert resumed.pan_id == formed.pan_id
        assert resumed.extended_pan_id == formed.extended_pan_id
        assert resumed.channel == formed.channel == 15
        assert resumed.network_key.key == formed.network_key.key
        assert resumed.tc_link_key.key == formed.tc_link_key.key
        assert resumed.stack_specific == formed.stack_specific
        await app.shutdown()
        if version == 13:
            assert coordinator.events("custom_frame")  # XNCP probe, refused
        assert coordinator.events("unknown_frame") == []
    finally:
        await coordinator.stop()


@pytest.mark.parametrize("version", [8, 13])
async def test_permit_with_link_key_records_policy_and_keys(
    virtual_coordinator: VirtualCoordinator, version: int, tmp_path: pathlib.Path
) -> None:
    coordinator = virtual_coordinator
    if version != 8:
        await coordinator.stop()
        coordinator = VirtualCoordinator(ezsp_version=version)
        await coordinator.start_tcp("127.0.0.1", 0)
    app = await start_bellows_app(coordinator)
    try:
        key = convert_install_code(bytes.fromhex(INSTALL_CODE))
        await app.permit_with_link_key(zt.EUI64.convert(IEEE), key, 60)
        assert coordinator.policy == 0x11
        assert coordinator.permit_open
        assert zt.EUI64.convert(IEEE) in coordinator.transient_keys

        added = coordinator.events("key_added")
        assert [e["ieee"] for e in added] == ["ff:ff:ff:ff:ff:ff:ff:ff", IEEE]
        policies = [e["decision"] for e in coordinator.events("policy")]
        assert policies[-1] == 0x11
        assert coordinator.events("permit")[-1]["duration"] == 60

        device = VirtualDevice(IEEE, install_code=INSTALL_CODE, model="Bulb")
        result = coordinator.power_on(device)
        assert result.joined
        zdev = await _wait_initialized(app, coordinator, device)
        assert zdev.model == "Bulb"

        # Leave and rejoin
        assert coordinator.leave(device)
        await coordinator.wait_idle()
        assert not device.joined
        assert coordinator.events("leave")[-1]["ieee"] == IEEE
        result = coordinator.power_on(device)
        assert result.joined
        assert result.nwk == zdev.nwk  # the NCP remembers the address
        await _wait_initialized(app, coordinator, device)

        await app._ezsp.clearTransientLinkKeys()
        assert coordinator.transient_keys == []
        assert coordinator.events("keys_cleared")
        assert coordinator.events("unknown_frame") == []
    finally:
        await app.shutdown()
        if coordinator is not virtual_coordinator:
            await coordinator.stop()


async def _wait_initialized(app, coordinator, device):
    def done() -> bool:
        zdev = app.devices.get(device.ieee)
        return (
            zdev is not None
            and zdev.is_initialized
            and zdev.model == device.model
            and not zdev.initializing
        )

    await coordinator.wait_until(done, timeout=15)
    await coordinator.wait_idle()
    return app.devices[device.ieee]


async def test_well_known_device_joins_after_startup_pessimistic(
    virtual_coordinator: VirtualCoordinator,
) -> None:
    """Documents bellows' behaviour under the pessimistic (default) model.

    Start-up ends with permit(0): bellows imports the wildcard transient key
    (FF..FF, "ZigBeeAlliance09") and restores its default policy 2 s later.
    Within the key's lifetime the wildcard entry admits a device that only has
    the well-known key, even while the install-code-only policy is set.
    """
    coordinator = virtual_coordinator
    app = await start_bellows_app(coordinator)
    try:
        key = convert_install_code(bytes.fromhex(INSTALL_CODE))
        await app.permit_with_link_key(zt.EUI64.convert(IEEE), key, 60)
        assert coordinator.policy == 0x11
        intruder = VirtualDevice("00:11:22:33:44:55:66:99")
        result = coordinator.power_on(intruder)
        assert result.joined
        assert result.reason == "transient_key_wildcard"
        await _wait_initialized(app, coordinator, intruder)
    finally:
        await app.shutdown()


async def test_policy_restore_race(virtual_coordinator: VirtualCoordinator) -> None:
    """bellows' permit() schedules a policy restore that lands inside a later
    install-code window, putting the policy back to ALLOW_JOINS."""
    coordinator = virtual_coordinator
    coordinator.trust_center.wildcard_key_counts = False
    app = await start_bellows_app(coordinator)
    try:
        await app.permit(1)
        start = len(coordinator.record)
        key = convert_install_code(bytes.fromhex(INSTALL_CODE))
        await app.permit_with_link_key(zt.EUI64.convert(IEEE), key, 60)
        assert coordinator.policy == 0x11
        assert not coordinator.power_on(VirtualDevice("00:11:22:33:44:55:66:98")).joined
        # permit(1) restores the default policy 3 s after it was called
        await coordinator.wait_for_event(
            "policy", lambda e: e["decision"] != 0x11, start=start, timeout=10
        )
        assert coordinator.policy == 0x01
        assert coordinator.permit_open
        intruder = VirtualDevice("00:11:22:33:44:55:66:99")
        result = coordinator.power_on(intruder)
        assert result.joined
        assert result.reason == "well_known_key"
        await _wait_initialized(app, coordinator, intruder)
    finally:
        await app.shutdown()


async def test_unresponsive_device_interview_fails(
    virtual_coordinator: VirtualCoordinator,
) -> None:
    coordinator = virtual_coordinator
    app = await start_bellows_app(coordinator)
    try:
        await app.permit(60)
        device = VirtualDevice(IEEE, responsive=False)
        assert coordinator.power_on(device).joined
        await coordinator.wait_until(lambda: device.ieee in app.devices)
        zdev = app.devices[device.ieee]
        # The interview's first request is never delivered
        await coordinator.wait_until(lambda: "sendUnicast" in coordinator.frames)
        await coordinator.wait_idle()
        assert not zdev.is_initialized
        task = zdev._initialize_task
        zdev.cancel_initialization()
        if task is not None:
            await asyncio.wait([task])
        await coordinator.wait_idle()
    finally:
        await app.shutdown()


async def test_key_import_round_trip(virtual_coordinator: VirtualCoordinator) -> None:
    app = await start_bellows_app(virtual_coordinator)
    try:
        figures = await measure_key_import_round_trip(app, 20)
        assert figures["n"] == 20
        assert 0 < figures["median_ms"] <= figures["p95_ms"]
        assert virtual_coordinator.transient_keys == []
    finally:
        await app.shutdown()


async def test_bellows_over_pty(virtual_coordinator_pty: VirtualCoordinator) -> None:
    coordinator = virtual_coordinator_pty
    assert coordinator.url.startswith("/dev/pts/")
    app = await start_bellows_app(coordinator)
    try:
        assert app.state.network_info.channel == 15
        assert coordinator.events("network_formed")
        await coordinator.wait_idle()
        # a frame still waiting for its ACK fails when the port closes
        await coordinator.wait_until(
            lambda: (
                not [
                    t
                    for t in asyncio.all_tasks()
                    if getattr(t.get_coro(), "__qualname__", "")
                    == "AshProtocol._send_data_frame"
                ]
            )
        )
    finally:
        await app.shutdown()


async def test_rstack_greeting_comes_after_a_boot(
    tmp_path: pathlib.Path, socket_enabled: None, caplog: pytest.LogCaptureFixture
) -> None:
    """``--rstack-on-connect`` (as ``./scripts/develop`` runs it): the greeting
    comes a boot after the connection, when bellows waits for it.

    Sent at once, it reached bellows' UART thread before bellows waited for it
    on a busy machine: "Received an unexpected reset", a failed state and a
    reconnect at every start.
    """
    coordinator = VirtualCoordinator(
        state_file=tmp_path / "ncp.json", rstack_on_connect=True
    )
    _host, port = await coordinator.start_tcp("127.0.0.1", 0)
    loop = asyncio.get_running_loop()
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        connected = loop.time()
        greeting = await asyncio.wait_for(reader.readuntil(b"\x7e"), 5)
        assert loop.time() - connected >= BOOT_S / 2
        frame = RStackFrame.from_bytes(unstuff_bytes(greeting[:-1].lstrip(b"\x1a")))
        assert frame.reset_code == t.NcpResetCode.RESET_POWER_ON
        writer.close()
        await coordinator.wait_until(lambda: not coordinator.connected)

        # bellows over socket://, with its UART thread, takes the greeting
        caplog.set_level(logging.DEBUG, logger="bellows")
        app = await start_bellows_app(coordinator, path=f"socket://127.0.0.1:{port}")
        try:
            assert "Received a reset on startup" in caplog.text
            assert "unexpected reset" not in caplog.text
        finally:
            await app.shutdown()
    finally:
        await coordinator.stop()
