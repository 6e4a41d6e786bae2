"""The Z-Stack personality at the MT byte level, against TI's documented behaviour.

Each test pins one part of the Monitor and Test API that a host other than
zigpy-znp (zigbee-herdsman's zstack adapter) relies on: the ``NWKKEY`` item,
``ZDO_EXT_NWK_INFO``, the per-cluster ZDO requests and their direct
callbacks, the group table, ``AF_DATA_REQUEST``, ``AF_DATA_CONFIRM`` for a
destination that is not on the network, ``ZDO_STARTUP_FROM_APP`` and
``ZDO_END_DEVICE_ANNCE_IND``. Frames are written and read as raw MT, and every
callback must parse under zigpy-znp's definitions, so both hosts read the same
bytes.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
import pathlib
from typing import Any

import pytest
import zigpy.types as zt
from zigpy.zcl import foundation
import zigpy.zdo.types as zdo_t
import zigpy_znp.commands as c
from zigpy_znp.frames import GeneralFrame, TransportFrame
import zigpy_znp.types as t
from zigpy_znp.types.nvids import OsalNvIds

from virtual_coordinator import VirtualDevice
from virtual_coordinator.znp import ZnpCoordinator
from virtual_coordinator.znp.transport import MtFramer

IEEE = "00:11:22:33:44:55:66:77"
ZDO_AREQ = (
    t.CommandHeader(0).with_type(t.CommandType.AREQ).with_subsystem(t.Subsystem.ZDO)
)
ZDO_SRSP = (
    t.CommandHeader(0).with_type(t.CommandType.SRSP).with_subsystem(t.Subsystem.ZDO)
)


class MtHost:
    """A bare MT host: writes frames, keeps every frame it receives."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        self.reader = reader
        self.writer = writer
        self.framer = MtFramer()
        self.frames: list[GeneralFrame] = []

    async def _read_until(self, predicate: Any, timeout: float = 5) -> GeneralFrame:
        async with asyncio.timeout(timeout):
            index = 0
            while True:
                while index < len(self.frames):
                    frame = self.frames[index]
                    index += 1
                    if predicate(frame):
                        return frame
                self.frames.extend(self.framer.feed(await self.reader.read(512)))

    def send(self, frame: GeneralFrame) -> None:
        """Write a frame; forget what was received so far."""
        self.frames.clear()
        self.writer.write(bytes(TransportFrame(frame).serialize()))

    async def request(self, frame: GeneralFrame) -> GeneralFrame:
        """Send an SREQ; return its SRSP (frames before it are kept)."""
        self.send(frame)
        srsp = frame.header.with_type(t.CommandType.SRSP)
        return await self._read_until(lambda f: f.header == srsp)

    async def callback(self, header: t.CommandHeader) -> GeneralFrame:
        """The first callback with this header since the last request."""
        return await self._read_until(lambda f: f.header == header)

    def parsed(self, frame: GeneralFrame) -> Any:
        """Parse a frame the way zigpy-znp does (strictly, aligned)."""
        return c.COMMANDS_BY_ID[frame.header].from_frame(frame, align=True)

    async def ask(self, request: Any) -> Any:
        return self.parsed(await self.request(request.to_frame(align=True)))


@pytest.fixture
async def coordinator(
    tmp_path: pathlib.Path, socket_enabled: None
) -> AsyncGenerator[ZnpCoordinator]:
    coordinator = ZnpCoordinator(state_file=tmp_path / "znp.json")
    await coordinator.start_tcp("127.0.0.1", 0)
    try:
        yield coordinator
    finally:
        await coordinator.stop()


@pytest.fixture
async def host(coordinator: ZnpCoordinator) -> AsyncGenerator[MtHost]:
    reader, writer = await asyncio.open_connection(coordinator.host, coordinator.port)
    try:
        yield MtHost(reader, writer)
    finally:
        writer.close()
        await writer.wait_closed()


async def form(host: MtHost) -> None:
    """BDB formation from the commissioning items as they are."""
    rsp = await host.ask(
        c.AppConfig.BDBStartCommissioning.Req(
            Mode=c.app_config.BDBCommissioningMode.NwkFormation
        )
    )
    assert rsp.Status == t.Status.SUCCESS
    await host.callback(c.ZDO.StateChangeInd.Callback.header)


async def read_item(host: MtHost, item: int) -> bytes:
    length = (await host.ask(c.SYS.OSALNVLength.Req(Id=item))).ItemLen
    value = b""
    while len(value) < length:
        rsp = await host.ask(c.SYS.OSALNVReadExt.Req(Id=item, Offset=len(value)))
        assert rsp.Status == t.Status.SUCCESS
        value += bytes(rsp.Value)
    return value


async def register_ep1(host: MtHost) -> None:
    rsp = await host.ask(
        c.AF.Register.Req(
            Endpoint=1,
            ProfileId=0x0104,
            DeviceId=0x0005,
            DeviceVersion=0,
            LatencyReq=c.af.LatencyReq.NoLatencyReqs,
            InputClusters=[0x0000],
            OutputClusters=[0x0006],
        )
    )
    assert rsp.Status == t.Status.SUCCESS


async def join(coordinator: ZnpCoordinator, host: MtHost) -> VirtualDevice:
    rsp = await host.ask(
        c.ZDO.MgmtPermitJoinReq.Req(
            AddrMode=t.AddrMode.Broadcast, Dst=0xFFFC, Duration=60, TCSignificance=1
        )
    )
    assert rsp.Status == t.Status.SUCCESS
    device = VirtualDevice(IEEE, model="Mt")
    host.frames.clear()
    assert coordinator.power_on(device).joined
    return device


async def test_nwkkey_item_is_aligned_and_holds_the_active_key(
    host: MtHost,
) -> None:
    """``ZCD_NV_NWKKEY`` (0x0082) exists from the first boot, 24 bytes on a CC2652
    (``nwkActiveKeyItems``, aligned); forming puts the active key in it."""
    blank, rest = t.NwkActiveKeyItems.deserialize(
        await read_item(host, OsalNvIds.NWKKEY), align=True
    )
    assert rest == b""
    assert blank.Active.Key == t.KeyData(bytes(16))
    await form(host)
    items, rest = t.NwkActiveKeyItems.deserialize(
        await read_item(host, OsalNvIds.NWKKEY), align=True
    )
    assert rest == b""
    active, _ = t.NwkKeyDesc.deserialize(
        await read_item(host, OsalNvIds.NWK_ACTIVE_KEY_INFO)
    )
    assert items.Active.Key == active.Key
    assert items.Active.Key != t.KeyData(bytes(16))


async def test_ext_nwk_info_reports_the_network(
    coordinator: ZnpCoordinator, host: MtHost
) -> None:
    """``ZDO_EXT_NWK_INFO``: ShortAddr, DevState, PanId, ParentAddr,
    ExtendedPanId, ParentExtAddr, Channel (24 bytes)."""
    request = GeneralFrame(c.ZDO.ExtNwkInfo.Req.header, b"")
    down = bytes((await host.request(request)).data)
    assert len(down) == 24
    assert down[:3] == b"\xfe\xff\x00"  # no address, DEV_HOLD
    await form(host)
    up = bytes((await host.request(request)).data)
    nib = coordinator.nv.nib
    assert len(up) == 24
    assert up[:3] == b"\x00\x00\x09"  # the coordinator, DEV_ZB_COORD
    assert int.from_bytes(up[3:5], "little") == nib.nwkPanId
    assert up[7:15] == bytes(nib.extendedPANID.serialize())
    assert up[23] == nib.nwkLogicalChannel != 0


async def test_zdo_requests_by_cluster_get_direct_callbacks(
    coordinator: ZnpCoordinator, host: MtHost
) -> None:
    """``ZDO_ACTIVE_EP_REQ`` & co: SRSP SUCCESS, then the ``ZDO_*_RSP`` direct
    callback {SrcAddr, ZDO response} and ``ZDO_MSG_CB_INCOMING``."""
    await form(host)
    await register_ep1(host)
    srsp = await host.ask(c.ZDO.ActiveEpReq.Req(DstAddr=0x0000, NWKAddrOfInterest=0))
    assert srsp.Status == t.Status.SUCCESS
    own = host.parsed(await host.callback(c.ZDO.ActiveEpRsp.Callback.header))
    assert (own.Src, own.Status, own.NWK) == (0x0000, t.ZDOStatus.SUCCESS, 0x0000)
    assert list(own.ActiveEndpoints) == [1]
    incoming = host.parsed(await host.callback(c.ZDO.MsgCbIncoming.Callback.header))
    assert incoming.ClusterId == zdo_t.ZDOCmd.Active_EP_rsp

    device = await join(coordinator, host)
    nwk = int(device.nwk)
    await host.ask(c.ZDO.NodeDescReq.Req(DstAddr=nwk, NWKAddrOfInterest=nwk))
    node = host.parsed(await host.callback(c.ZDO.NodeDescRsp.Callback.header))
    assert (node.Src, node.NWK) == (nwk, nwk)
    assert node.NodeDescriptor.manufacturer_code == device.manufacturer_code
    await host.ask(c.ZDO.ActiveEpReq.Req(DstAddr=nwk, NWKAddrOfInterest=nwk))
    eps = host.parsed(await host.callback(c.ZDO.ActiveEpRsp.Callback.header))
    assert list(eps.ActiveEndpoints) == [1]
    await host.ask(
        c.ZDO.SimpleDescReq.Req(DstAddr=nwk, NWKAddrOfInterest=nwk, Endpoint=1)
    )
    simple = host.parsed(await host.callback(c.ZDO.SimpleDescRsp.Callback.header))
    assert simple.SimpleDescriptor.endpoint == 1

    await host.ask(
        c.ZDO.MgmtLeaveReq.Req(
            DstAddr=nwk,
            IEEE=device.ieee,
            RemoveChildren_Rejoin=c.zdo.LeaveOptions.NONE,
        )
    )
    left = host.parsed(await host.callback(c.ZDO.MgmtLeaveRsp.Callback.header))
    assert (left.Src, left.Status) == (nwk, t.ZDOStatus.SUCCESS)
    leave = host.parsed(await host.callback(c.ZDO.LeaveInd.Callback.header))
    assert device.ieee == leave.IEEE
    assert not device.joined


async def test_group_table(host: MtHost) -> None:
    """``ZDO_EXT_FIND_GROUP`` answers Status then an ``aps_Group_t`` (ID and a
    16-byte name led by its length); ``ZDO_EXT_ADD_GROUP`` takes a name of
    any length, even none, and refuses a duplicate."""
    find = GeneralFrame(c.ZDO.ExtFindGroup.Req.header, b"\xf2\x84\x0b")
    missing = bytes((await host.request(find)).data)
    assert missing[0] == t.Status.FAILURE
    assert len(missing) == 19
    add = GeneralFrame(c.ZDO.ExtAddGroup.Req.header, b"\xf2\x84\x0b\x00")
    assert bytes((await host.request(add)).data) == bytes([t.Status.SUCCESS])
    found = bytes((await host.request(find)).data)
    assert found[:4] == b"\x00\x84\x0b\x00"
    assert len(found) == 19
    again = bytes((await host.request(add)).data)
    assert again == bytes([t.Status.APS_DUPLICATE_ENTRY])
    named = GeneralFrame(c.ZDO.ExtAddGroup.Req.header, b"\x01\x01\x00\x03abc")
    assert bytes((await host.request(named)).data) == bytes([t.Status.SUCCESS])
    found = bytes(
        (
            await host.request(
                GeneralFrame(c.ZDO.ExtFindGroup.Req.header, b"\x01\x01\x00")
            )
        ).data
    )
    assert found[:7] == b"\x00\x01\x00\x03abc"


async def test_af_data_request_to_a_short_address(
    coordinator: ZnpCoordinator, host: MtHost
) -> None:
    """``AF_DATA_REQUEST`` {DstAddr, DstEp, SrcEp, Cluster, TransId, Options,
    Radius, Len, Data}: SRSP SUCCESS, ``AF_DATA_CONFIRM`` with the TransId, then
    the device's answer as ``AF_INCOMING_MSG``."""
    await form(host)
    await register_ep1(host)
    device = await join(coordinator, host)
    read = foundation.ZCLHeader.general(
        tsn=0x42, command_id=foundation.GeneralCommand.Read_Attributes
    ).serialize() + zt.serialize([[0x0005]], [zt.List[zt.uint16_t]])
    srsp = await host.ask(
        c.AF.DataRequest.Req(
            DstAddr=device.nwk,
            DstEndpoint=1,
            SrcEndpoint=1,
            ClusterId=0x0000,
            TSN=7,
            Options=c.af.TransmitOptions.NONE,
            Radius=30,
            Data=t.ShortBytes(read),
        )
    )
    assert srsp.Status == t.Status.SUCCESS
    confirm = host.parsed(await host.callback(c.AF.DataConfirm.Callback.header))
    assert (confirm.Status, confirm.TSN) == (t.Status.SUCCESS, 7)
    answer = host.parsed(await host.callback(c.AF.IncomingMsg.Callback.header))
    assert answer.SrcAddr == device.nwk
    assert answer.Data[1] == 0x42  # the read's sequence number
    assert b"Mt" in bytes(answer.Data)


async def test_data_request_to_an_absent_device_is_confirmed_as_no_route(
    coordinator: ZnpCoordinator, host: MtHost
) -> None:
    """A unicast to a short address no device on the network has (here: one
    that left) is accepted (SRSP SUCCESS), then ``AF_DATA_CONFIRM`` reports
    ``NWK_NO_ROUTE`` (0xCD) with the request's TransId within a moment, for
    ``AF_DATA_REQUEST`` and ``AF_DATA_REQUEST_EXT`` alike; no answer follows."""
    await form(host)
    await register_ep1(host)
    device = await join(coordinator, host)
    nwk = device.nwk
    assert nwk is not None
    assert coordinator.leave(device)
    read = foundation.ZCLHeader.general(
        tsn=0x43, command_id=foundation.GeneralCommand.Read_Attributes
    ).serialize() + zt.serialize([[0x0005]], [zt.List[zt.uint16_t]])
    requests = [
        c.AF.DataRequest.Req(
            DstAddr=nwk,
            DstEndpoint=1,
            SrcEndpoint=1,
            ClusterId=0x0000,
            TSN=8,
            Options=c.af.TransmitOptions.ACK_REQUEST,
            Radius=30,
            Data=t.ShortBytes(read),
        ),
        c.AF.DataRequestExt.Req(
            DstAddrModeAddress=t.AddrModeAddress(mode=t.AddrMode.NWK, address=nwk),
            DstEndpoint=1,
            DstPanId=0x0000,
            SrcEndpoint=1,
            ClusterId=0x0000,
            TSN=9,
            Options=c.af.TransmitOptions.SUPPRESS_ROUTE_DISC_NETWORK,
            Radius=30,
            Data=t.LongBytes(read),
        ),
    ]
    for request in requests:
        assert (await host.ask(request)).Status == t.Status.SUCCESS
        frame = await asyncio.wait_for(
            host.callback(c.AF.DataConfirm.Callback.header), timeout=1
        )
        confirm = host.parsed(frame)
        assert (confirm.Status, confirm.Endpoint, confirm.TSN) == (
            t.Status.NWK_NO_ROUTE,
            1,
            request.TSN,
        )
        assert not [
            f for f in host.frames if f.header == c.AF.IncomingMsg.Callback.header
        ]


async def test_startup_from_app(
    coordinator: ZnpCoordinator, host: MtHost, tmp_path: pathlib.Path
) -> None:
    """``ZDO_STARTUP_FROM_APP``: a blank coordinator forms a network from its
    commissioning items (State 1, then DEV_COORD_STARTING and DEV_ZB_COORD);
    after a reset the network in NVRAM is restored (State 0, DEV_ZB_COORD);
    a started stack just answers State 0."""
    startup = c.ZDO.StartupFromApp.Req(StartDelay=100)
    rsp = await host.ask(startup)
    assert rsp.State == c.zdo.StartupState.NewNetworkState
    states = [
        host.parsed(f).State
        for f in host.frames
        if f.header == c.ZDO.StateChangeInd.Callback.header
    ]
    if len(states) < 2:
        await host.callback(c.ZDO.StateChangeInd.Callback.header)
        states = [
            host.parsed(f).State
            for f in host.frames
            if f.header == c.ZDO.StateChangeInd.Callback.header
        ]
    assert states == [
        t.DeviceState.StartingAsCoordinator,
        t.DeviceState.StartedAsCoordinator,
    ]
    assert coordinator.nv.formed
    pan = coordinator.state.pan_id

    host.send(c.SYS.ResetReq.Req(Type=t.ResetType.Soft).to_frame())
    await host.callback(c.SYS.ResetInd.Callback.header)
    assert not coordinator.stack_up
    info = await host.ask(c.UTIL.GetDeviceInfo.Req())
    assert info.DeviceState != t.DeviceState.StartedAsCoordinator
    rsp = await host.ask(startup)
    assert rsp.State == c.zdo.StartupState.RestoredNetworkState
    ind = host.parsed(await host.callback(c.ZDO.StateChangeInd.Callback.header))
    assert ind.State == t.DeviceState.StartedAsCoordinator
    assert coordinator.state.pan_id == pan
    assert len(coordinator.events("network_formed")) == 1

    rsp = await host.ask(startup)
    assert rsp.State == c.zdo.StartupState.RestoredNetworkState


async def test_a_join_gives_end_device_annce_ind(
    coordinator: ZnpCoordinator, host: MtHost
) -> None:
    """A device's announcement reaches the host as ``ZDO_TC_DEV_IND``, then
    ``ZDO_END_DEVICE_ANNCE_IND`` {SrcAddr, NwkAddr, IEEEAddr, Capabilities} and
    ``ZDO_MSG_CB_INCOMING`` (Device_annce)."""
    await form(host)
    device = await join(coordinator, host)
    annce = host.parsed(await host.callback(c.ZDO.EndDeviceAnnceInd.Callback.header))
    assert (annce.Src, annce.NWK, annce.IEEE) == (device.nwk, device.nwk, device.ieee)
    headers = [f.header for f in host.frames]
    assert headers.index(c.ZDO.TCDevInd.Callback.header) < headers.index(
        c.ZDO.EndDeviceAnnceInd.Callback.header
    )
    incoming = host.parsed(await host.callback(c.ZDO.MsgCbIncoming.Callback.header))
    assert incoming.ClusterId == zdo_t.ZDOCmd.Device_annce


async def test_a_joining_device_announces_after_its_tc_dev_ind(
    coordinator: ZnpCoordinator, host: MtHost
) -> None:
    """A joining device announces itself only after the trust center has sent
    it the network key: ``ZDO_END_DEVICE_ANNCE_IND`` follows ``ZDO_TC_DEV_IND``
    by a radio exchange, never in the same burst of callbacks (a host creates
    the device on the indication and drops an announcement from one it does
    not know yet)."""
    await form(host)
    loop = asyncio.get_running_loop()
    device = await join(coordinator, host)
    joined_at = loop.time()
    await host.callback(c.ZDO.TCDevInd.Callback.header)
    await host.callback(c.ZDO.EndDeviceAnnceInd.Callback.header)
    assert loop.time() - joined_at >= 0.04
    assert device.joined


async def test_every_callback_parses_under_zigpy_znp(
    coordinator: ZnpCoordinator, host: MtHost
) -> None:
    """The direct callbacks of the management queries (neighbor and routing
    tables, addresses) have zigpy-znp's layouts too, as Z-Stack sends them to
    every host."""
    await form(host)
    await register_ep1(host)
    device = await join(coordinator, host)
    nwk = int(device.nwk)
    requests = [
        c.ZDO.MgmtLqiReq.Req(Dst=0x0000, StartIndex=0),
        c.ZDO.MgmtRtgReq.Req(Dst=0x0000, StartIndex=0),
        c.ZDO.NodeDescReq.Req(DstAddr=0x0000, NWKAddrOfInterest=0x0000),
        c.ZDO.SimpleDescReq.Req(DstAddr=0x0000, NWKAddrOfInterest=0, Endpoint=1),
        c.ZDO.IEEEAddrReq.Req(
            NWK=nwk, RequestType=c.zdo.AddrRequestType.SINGLE, StartIndex=0
        ),
        c.ZDO.NwkAddrReq.Req(
            IEEE=device.ieee, RequestType=c.zdo.AddrRequestType.SINGLE, StartIndex=0
        ),
    ]
    answers = {
        c.ZDO.MgmtLqiReq: c.ZDO.MgmtLqiRsp,
        c.ZDO.MgmtRtgReq: c.ZDO.MgmtRtgRsp,
        c.ZDO.NodeDescReq: c.ZDO.NodeDescRsp,
        c.ZDO.SimpleDescReq: c.ZDO.SimpleDescRsp,
        c.ZDO.IEEEAddrReq: c.ZDO.IEEEAddrRsp,
        c.ZDO.NwkAddrReq: c.ZDO.NwkAddrRsp,
    }
    for request in requests:
        command = next(cmd for cmd in answers if isinstance(request, cmd.Req))
        srsp = await host.ask(request)
        assert srsp.Status == t.Status.SUCCESS, request
        direct = host.parsed(await host.callback(answers[command].Callback.header))
        await host.callback(c.ZDO.MsgCbIncoming.Callback.header)
        for frame in host.frames:
            host.parsed(frame)  # raises if zigpy-znp cannot read it
        if command in (c.ZDO.IEEEAddrReq, c.ZDO.NwkAddrReq):
            assert (device.ieee, nwk) == (direct.IEEE, direct.NWK)
    last = host.parsed(
        next(f for f in host.frames if f.header == c.ZDO.MsgCbIncoming.Callback.header)
    )
    assert last.ClusterId == zdo_t.ZDOCmd.NWK_addr_rsp
