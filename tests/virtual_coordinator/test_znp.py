"""The Z-Stack personality driven by the unmodified zigpy-znp, and at the MT byte level."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
import json
import pathlib
from typing import Any

import pytest
from zigpy.types import EUI64, KeyData
from zigpy.util import convert_install_code
import zigpy_znp.commands as c
from zigpy_znp.frames import GeneralFrame, TransportFrame
import zigpy_znp.types as t
from zigpy_znp.types.nvids import ExNvIds, OsalNvIds

from virtual_coordinator import VirtualDevice
from virtual_coordinator.znp import ZnpCoordinator
from virtual_coordinator.znp.host import start_znp_app, stop_znp_app
from virtual_coordinator.znp.transport import MtFramer, encode

CODE = "83FED3407A939723A5C639B26916D505C3B5"
IEEE = "00:11:22:33:44:55:66:77"
AddInstallCode = c.AppConfig.BDBAddInstallCode
KeyDerived = c.app_config.InstallCodeFormat.KeyDerivedFromInstallCode


@pytest.fixture
async def coordinator(
    tmp_path: pathlib.Path, socket_enabled: None
) -> AsyncGenerator[ZnpCoordinator]:
    """The Z-Stack personality on TCP, with an APS key table of 3."""
    coordinator = ZnpCoordinator(state_file=tmp_path / "znp.json", key_table_capacity=3)
    await coordinator.start_tcp("127.0.0.1", 0)
    try:
        yield coordinator
    finally:
        await coordinator.stop()


@pytest.fixture
async def app(coordinator: ZnpCoordinator) -> AsyncGenerator[Any]:
    """zigpy-znp's ControllerApplication, started (forms the network)."""
    app = await start_znp_app(coordinator)
    try:
        yield app
    finally:
        await stop_znp_app(coordinator, app)


async def initialized(coordinator: ZnpCoordinator, app: Any, ieee: Any) -> Any:
    """Wait until zigpy finished the device's interview."""
    ieee = EUI64.convert(str(ieee))
    await coordinator.wait_until(
        lambda: (
            ieee in app.devices
            and app.devices[ieee].is_initialized
            and app.devices[ieee].model is not None
        ),
        timeout=20,
    )
    return app.devices[ieee]


def add_code(ieee: str, key: bytes) -> Any:
    return AddInstallCode.Req(
        InstallCodeFormat=KeyDerived, IEEE=EUI64.convert(ieee), InstallCode=t.Bytes(key)
    )


def flag(enabled: bool) -> Any:
    return c.AppConfig.BDBSetJoinUsesInstallCodeKey.Req(
        BdbJoinUsesInstallCodeKey=enabled
    )


def test_framer_skips_noise_and_joins_chunks() -> None:
    """Bootloader bytes and a bad check byte are skipped; split frames are joined."""
    frame = c.SYS.Ping.Req().to_frame()
    wire = encode(frame)
    bad = bytearray(encode(c.SYS.Version.Req().to_frame()))
    bad[-1] ^= 0xFF
    framer = MtFramer()
    got = list(framer.feed(b"\xef" * 5 + bytes(bad) + wire[:3]))
    assert got == []
    got = list(framer.feed(wire[3:] + b"\xfe\xff"))
    assert got == [frame]
    assert framer.skipped >= 5


async def test_forms_and_interviews(coordinator: ZnpCoordinator, app: Any) -> None:
    """Start-up forms a network zigpy-znp accepts; a device joins and is interviewed."""
    assert coordinator.events("network_formed")
    assert coordinator.state.formed
    assert coordinator.state.channel == 15
    assert app.state.network_info.channel == 15
    assert app.state.node_info.ieee == coordinator.ieee
    assert app.state.node_info.model == "CC2652"
    assert coordinator.nv.legacy[OsalNvIds.BDBNODEISONANETWORK] == b"\x01"
    assert (ExNvIds.ADDRMGR, 0) in coordinator.nv.tables
    assert {ep.endpoint_id for ep in coordinator.endpoints} >= {1, 2}
    assert not coordinator.events("unknown_frame")

    await app.permit(60)
    device = VirtualDevice(IEEE, manufacturer="Acme", model="Bulb")
    result = coordinator.power_on(device)
    assert result.joined
    zigpy_device = await initialized(coordinator, app, IEEE)
    assert zigpy_device.manufacturer == "Acme"
    assert zigpy_device.model == "Bulb"
    assert zigpy_device.nwk == result.nwk
    assert coordinator.power_on(device).reason == "rejoin"

    left = asyncio.Event()

    class Listener:
        def device_left(self, device: Any) -> None:
            left.set()

    app.add_listener(Listener())
    assert coordinator.leave(device)
    assert not coordinator.leave(device)
    async with asyncio.timeout(10):
        await left.wait()


async def test_host_removes_a_device(coordinator: ZnpCoordinator, app: Any) -> None:
    """zigpy's remove sends a ZDO leave request; the device leaves."""
    await app.permit(60)
    device = VirtualDevice(IEEE)
    coordinator.power_on(device)
    await initialized(coordinator, app, IEEE)
    await app.remove(device.ieee)
    await coordinator.wait_for_event("leave", lambda e: e["source"] == "host")
    assert not device.joined
    coordinator.unplug(device)
    assert device.ieee not in coordinator.devices


async def test_install_code_flag_decides_joins(
    coordinator: ZnpCoordinator, app: Any
) -> None:
    """Flag off: the well-known key joins; on: only a loaded key does."""
    znp = app._znp
    link_key = bytes(convert_install_code(bytes.fromhex(CODE)))
    assert not coordinator.power_on(VirtualDevice(IEEE, install_code=CODE)).joined
    rsp = await znp.request(add_code(IEEE, link_key))
    assert rsp.Status == t.Status.SUCCESS
    rsp = await znp.request(flag(True))
    assert coordinator.install_code_only
    await app.permit(60)
    assert coordinator.power_on(VirtualDevice("00:00:00:00:00:00:00:01")).reason == (
        "no_transient_key"
    )
    wrong = VirtualDevice("00:00:00:00:00:00:00:02", link_key=b"\x01" * 16)
    assert coordinator.power_on(wrong).reason == "wrong_key"
    assert coordinator.power_on(VirtualDevice(IEEE, install_code=CODE)).joined
    await initialized(coordinator, app, IEEE)
    rsp = await znp.request(c.ZDO.GetLinkKey.Req(IEEE=EUI64.convert(IEEE)))
    assert rsp.LinkKeyData == KeyData(link_key)
    await znp.request(flag(False))
    assert coordinator.power_on(VirtualDevice("00:00:00:00:00:00:00:01")).joined
    await initialized(coordinator, app, "00:00:00:00:00:00:00:01")


async def test_aps_key_table_capacity_and_removal(
    coordinator: ZnpCoordinator, app: Any
) -> None:
    """The table takes 3 keys; the 4th gets APS_TABLE_FULL until one is removed."""
    znp = app._znp
    for index in range(3):
        rsp = await znp.request(
            add_code(f"00:00:00:00:00:00:00:1{index}", b"\x11" * 16)
        )
        assert rsp.Status == t.Status.SUCCESS
    rsp = await znp.request(add_code("00:00:00:00:00:00:00:13", b"\x11" * 16))
    assert rsp.Status == t.Status.APS_TABLE_FULL
    # the same IEEE again replaces its key
    rsp = await znp.request(add_code("00:00:00:00:00:00:00:10", b"\x12" * 16))
    assert rsp.Status == t.Status.SUCCESS
    rsp = await znp.request(
        c.ZDO.RemoveLinkKey.Req(IEEE=EUI64.convert("00:00:00:00:00:00:00:11"))
    )
    assert rsp.Status == t.Status.SUCCESS
    rsp = await znp.request(
        c.ZDO.RemoveLinkKey.Req(IEEE=EUI64.convert("00:00:00:00:00:00:00:11"))
    )
    assert rsp.Status != t.Status.SUCCESS
    rsp = await znp.request(
        c.ZDO.GetLinkKey.Req(IEEE=EUI64.convert("00:00:00:00:00:00:00:11"))
    )
    assert rsp.Status != t.Status.SUCCESS
    # a raw install code is converted; a bad one is refused
    rsp = await znp.request(
        AddInstallCode.Req(
            InstallCodeFormat=c.app_config.InstallCodeFormat.InstallCodeAndCRC,
            IEEE=EUI64.convert(IEEE),
            InstallCode=t.Bytes(bytes.fromhex(CODE)),
        )
    )
    assert rsp.Status == t.Status.SUCCESS
    rsp = await znp.request(add_code("00:00:00:00:00:00:00:14", b"\x11" * 8))
    assert rsp.Status == t.Status.INVALID_PARAMETER


async def test_reset_keeps_keys_and_restart_resumes(
    coordinator: ZnpCoordinator, app: Any, tmp_path: pathlib.Path
) -> None:
    """A reset clears the flag and the permit; keys and the network survive a restart."""
    znp = app._znp
    await znp.request(add_code(IEEE, b"\x22" * 16))
    await znp.request(flag(True))
    await app.permit(60)
    await app.permit_ncp(60)
    await znp.reset()
    assert not coordinator.install_code_only
    assert not coordinator.permit_open
    assert coordinator.transient_keys == [EUI64.convert(IEEE)]
    pan_id = coordinator.state.pan_id
    await app.shutdown()
    await coordinator.stop()
    saved = json.loads((tmp_path / "znp.json").read_text())
    assert saved["radio"] == "znp"

    again = ZnpCoordinator(state_file=tmp_path / "znp.json")
    await again.start_tcp("127.0.0.1", 0)
    try:
        app2 = await start_znp_app(again)
        assert again.events("network_up")
        assert not again.events("network_formed")
        assert again.state.pan_id == pan_id
        assert again.transient_keys == [EUI64.convert(IEEE)]
        await app2.shutdown()
    finally:
        await again.stop()
    with pytest.raises(ValueError, match="another coordinator"):
        ZnpCoordinator(state_file=tmp_path / "znp.json", ieee="00:00:00:00:00:00:00:09")
    (tmp_path / "ezsp.json").write_text(json.dumps({"ieee": IEEE, "formed": True}))
    with pytest.raises(ValueError, match="not the state of a Z-Stack"):
        ZnpCoordinator(state_file=tmp_path / "ezsp.json")


async def test_devices_act_only_outside_requests(coordinator: ZnpCoordinator) -> None:
    """A device is refused while the network is down, and never inside a handler."""
    device = VirtualDevice(IEEE)
    assert coordinator.power_on(device).reason == "network_down"
    coordinator._in_request = True
    with pytest.raises(RuntimeError):
        coordinator.power_on(device)
    coordinator._in_request = False


async def test_unknown_and_malformed_requests_get_rpc_errors(
    coordinator: ZnpCoordinator,
) -> None:
    """An SREQ without handler or with bad fields: RPCError CommandNotRecognized."""
    reader, writer = await asyncio.open_connection(coordinator.host, coordinator.port)
    framer = MtFramer()

    async def ask(frame: GeneralFrame) -> GeneralFrame:
        writer.write(bytes(TransportFrame(frame).serialize()))
        while True:
            frames = list(framer.feed(await reader.read(256)))
            if frames:
                return frames[0]

    try:
        unknown = c.MAC.ResetReq.Req(SetDefault=t.Bool(True)).to_frame()
        answer = c.RPCError.CommandNotRecognized.Rsp.from_frame(await ask(unknown))
        assert answer.ErrorCode == c.rpc_error.ErrorCode.InvalidCommandId
        assert answer.RequestHeader == unknown.header
        malformed = GeneralFrame(c.SYS.OSALNVLength.Req.header, b"\x01")
        answer = c.RPCError.CommandNotRecognized.Rsp.from_frame(await ask(malformed))
        assert answer.ErrorCode == c.rpc_error.ErrorCode.InvalidParameter
        ping = c.SYS.Ping.Rsp.from_frame(await ask(c.SYS.Ping.Req().to_frame()))
        assert ping.Capabilities & t.MTCapabilities.APP_CNF
        assert [e["error"] for e in coordinator.events("unknown_frame")] == [
            "not implemented",
            "malformed",
        ]
    finally:
        writer.close()
        await writer.wait_closed()


async def test_zigpy_znp_over_a_pty(tmp_path: pathlib.Path) -> None:
    """The same personality on a pseudo-terminal, as a USB stick would be."""
    coordinator = ZnpCoordinator(state_file=tmp_path / "pty.json")
    path = await coordinator.start_pty()
    assert path.startswith("/dev/pts/")
    try:
        app = await start_znp_app(coordinator, path=path)
        assert app.state.node_info.ieee == coordinator.ieee
        await app.shutdown()
    finally:
        await coordinator.stop()


async def test_control_interface(coordinator: ZnpCoordinator, app: Any) -> None:
    """The JSON-lines control interface drives the Z-Stack personality too."""
    from virtual_coordinator.control import ControlServer, send_request

    control = ControlServer(coordinator)  # type: ignore[arg-type]
    port = await control.start("127.0.0.1", 0)
    try:
        await app.permit(60)
        answer = await send_request(
            {"op": "plug_in", "ieee": IEEE, "model": "Plug"}, port=port
        )
        assert answer["ok"]
        assert answer["joined"]
        await initialized(coordinator, app, IEEE)
        status = await send_request({"op": "status"}, port=port)
        assert status["network_formed"] is True
        assert status["permit_open"] is True
        assert [d["ieee"] for d in status["devices"]] == [IEEE]
        answer = await send_request({"op": "unplug", "ieee": IEEE}, port=port)
        assert answer["ok"]
    finally:
        await control.stop()


async def test_energy_scan(coordinator: ZnpCoordinator, app: Any) -> None:
    """zigpy's energy scan gets one value per scanned channel."""
    from zigpy.types import Channels

    channels = Channels.from_channel_list([11, 15, 20])
    result = await app.energy_scan(channels=channels, duration_exp=2, count=1)
    assert sorted(result) == [11, 15, 20]
    assert all(0 <= value <= 255 for value in result.values())


async def test_backup_and_topology_see_joined_devices(
    coordinator: ZnpCoordinator, app: Any
) -> None:
    """A joined device is in the address manager (backups) and the neighbor table."""
    await app.permit(60)
    device = VirtualDevice(IEEE)
    assert coordinator.power_on(device).joined
    await initialized(coordinator, app, IEEE)
    backup = await app.backups.create_backup(load_devices=True)
    assert backup.network_info.nwk_addresses == {device.ieee: device.nwk}
    assert backup.network_info.children == [device.ieee]
    await app.topology.scan()
    neighbors = app.topology.neighbors[coordinator.ieee]
    assert [n.ieee for n in neighbors] == [device.ieee]
    coordinator.leave(device)
    backup = await app.backups.create_backup(load_devices=True)
    assert backup.network_info.nwk_addresses == {}
