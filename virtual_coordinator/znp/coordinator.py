"""A virtual TI Z-Stack 3.x coordinator (CC2652, Z-Stack 3.30) that speaks MT.

The unmodified zigpy-znp drives it over TCP or a pseudo-terminal. Rules:

- One host at a time; one SRSP per SREQ, sent before the callbacks the
  request causes. Devices act only outside a request (``power_on``,
  ``leave``), and their callbacks go straight to the host.
- The network model (trust center, record, virtual devices and the join
  simulation) is the radio-independent one in ``virtual_coordinator.network``;
  this module adds what is Z-Stack's own: NVRAM, the persistent APS key
  table, the RAM install-code flag, and the MT callbacks of joins and leaves.
- NVRAM, the APS key table and the joined devices are saved to the state
  file, so a restart resumes the same network with the same keys.
"""

# ruff: noqa: ASYNC109

from __future__ import annotations

import asyncio
from collections.abc import Callable
import dataclasses
import logging
import os
import pathlib
import random
import time
from typing import Any

import zigpy.types as zt
import zigpy.zdo.types as zdo_t
import zigpy_znp.commands as c
from zigpy_znp.frames import GeneralFrame
import zigpy_znp.types as t

from virtual_coordinator.listener import DEFAULT_PORT, HostListener
from virtual_coordinator.network.device import Endpoint, VirtualDevice
from virtual_coordinator.network.joins import COORDINATOR_NWK, DeviceNetwork
from virtual_coordinator.network.persistence import (
    check_ieee,
    new_ieee,
    read_state,
    write_state,
)
from virtual_coordinator.network.record import Record, RecordWaiter
from virtual_coordinator.network.trust_center import WrongKeyMode
from virtual_coordinator.pty import PtyEndpoint

from .handlers_af_zdo import AfZdoHandlers
from .handlers_bdb import BdbHandlers
from .handlers_sys import SysHandlers
from .handlers_zdo_ext import ZdoExtHandlers
from .mt_zdo import direct_callbacks
from .nvram import NvStore
from .registry import collect
from .surface import ZnpCoordinatorSurface
from .transport import MtProtocol
from .trust import DEFAULT_APS_KEY_TABLE_CAPACITY, ZStackTrustCenter

_LOGGER = logging.getLogger(__name__)
# From the TC device indication to the device's announcement on a join.
ANNOUNCE_AFTER_JOIN_S = 0.05


@dataclasses.dataclass(frozen=True)
class NetworkSummary:
    """What ``status`` shows of the network (the EZSP personality's field names)."""

    formed: bool
    pan_id: int
    channel: int


# TI's OUI, in the order zigpy's EUI64 holds its bytes
TI_OUI = (0x4B, 0x12, 0x00)


class ZnpCoordinator(
    SysHandlers,
    AfZdoHandlers,
    ZdoExtHandlers,
    BdbHandlers,
    DeviceNetwork,
    HostListener,
    RecordWaiter,
):
    """An emulated Texas Instruments Z-Stack coordinator speaking MT."""

    radio_type = "znp"
    ezsp_version = None
    frame_protocol = "MT"
    advertised_radio_type = "znp"
    trust_center: ZStackTrustCenter
    stack_up: bool

    def __init__(
        self,
        *,
        state_file: str | os.PathLike[str] | None = None,
        ieee: str | None = None,
        key_table_capacity: int = DEFAULT_APS_KEY_TABLE_CAPACITY,
        wrong_key: WrongKeyMode = "deny",
        clock: Callable[[], float] = time.monotonic,
        serial_number: str | None = None,
    ) -> None:
        self.record = Record()
        self._watch_record()
        self.trust_center = ZStackTrustCenter(
            self.record,
            key_table_capacity=key_table_capacity,
            wrong_key=wrong_key,
            clock=clock,
        )
        self.state_file = pathlib.Path(state_file) if state_file else None
        self.nv, self.joined_devices = self._load_state(ieee)
        self.serial_number = serial_number or str(self.nv.ieee).replace(":", "")
        self.stack_up = False
        self.tx_power = 0
        self.primary_channels: t.Channels | None = None
        self.endpoints: list[Endpoint] = []
        self.devices: dict[zt.EUI64, VirtualDevice] = {}
        self._silent: set[zt.EUI64] = set()
        self.frames: list[str] = []
        self._handlers = collect(self)
        self._proto: MtProtocol | None = None
        self._in_request = False
        self._init_listener()
        self._save_handle: asyncio.Handle | None = None
        self._later: set[asyncio.TimerHandle] = set()
        self._zdo_tsn = random.randint(0, 255)

    # ------------------------------------------------------------------
    # Public accessors
    # ------------------------------------------------------------------
    @property
    def ieee(self) -> zt.EUI64:
        return zt.EUI64(self.nv.ieee)

    @property
    def state(self) -> NetworkSummary:
        nib = self.nv.nib
        return NetworkSummary(
            formed=self.nv.formed,
            pan_id=int(nib.nwkPanId),
            channel=int(nib.nwkLogicalChannel),
        )

    @property
    def install_code_only(self) -> bool:
        """``BdbJoinUsesInstallCodeKey`` as the coordinator holds it now."""
        return self.trust_center.install_code_only

    @property
    def connected(self) -> bool:
        return self._proto is not None and self._proto.connected

    @property
    def idle(self) -> bool:
        """MT has no acknowledgements: the host has what was written."""
        return True

    async def wait_idle(self, *, timeout: float = 10) -> None:
        """Nothing to wait for on MT (kept for the EZSP personality's API)."""

    # ------------------------------------------------------------------
    # Persistence
    # ------------------------------------------------------------------
    def _load_state(self, ieee: str | None) -> tuple[NvStore, dict[str, int]]:
        data = read_state(self.state_file)
        if data is not None:
            if data.get("radio") != "znp":
                raise ValueError(
                    f"{self.state_file} is not the state of a Z-Stack coordinator"
                )
            nv = NvStore.from_json(data["nvram"])
            check_ieee(ieee, nv.ieee)
            for ieee_text, key in data.get("aps_keys", {}).items():
                self.trust_center.restore_key(
                    zt.EUI64.convert(ieee_text), zt.KeyData(bytes.fromhex(key))
                )
            return nv, {k: int(v) for k, v in data.get("devices", {}).items()}
        return NvStore.blank(new_ieee(TI_OUI, ieee)), {}

    def save_state(self) -> None:
        """Write the state file soon (coalesces the many writes of a formation)."""
        if self.state_file is None or self._save_handle is not None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self._write_state()
            return
        self._save_handle = loop.call_soon(self._write_state)

    def _write_state(self) -> None:
        self._save_handle = None
        if self.state_file is None:
            return
        data = {
            "radio": "znp",
            "nvram": self.nv.to_json(),
            "aps_keys": {
                str(k.ieee): k.key.serialize().hex()
                for k in self.trust_center.transient_keys()
            },
            "devices": dict(self.joined_devices),
        }
        write_state(self.state_file, data, indent=1)

    # ------------------------------------------------------------------
    # Transports
    # ------------------------------------------------------------------
    def _new_protocol(self) -> MtProtocol:
        return MtProtocol(self._frame_received, self._connected, self._connection_lost)

    def _connected(self, proto: MtProtocol) -> None:
        if self._proto is not None and self._proto is not proto:
            _LOGGER.debug("A new host connected, dropping the previous one")
            self._proto.close()
        self._proto = proto
        self.trust_center.log("connect", transport="pty" if self._pty else "tcp")

    def _connection_lost(self, proto: MtProtocol) -> None:
        if self._proto is proto:
            self._proto = None
            self.trust_center.log("disconnect")

    async def start_tcp(
        self, host: str = "127.0.0.1", port: int = DEFAULT_PORT
    ) -> tuple[str, int]:
        """Listen for one host at a time on TCP. ``port=0`` picks a free port."""
        return await self._listen_tcp(self._new_protocol, host, port)

    async def start_pty(self) -> str:
        """Expose the coordinator on a pseudo-terminal; returns ``/dev/pts/N``."""
        proto = self._new_protocol()
        self._pty = PtyEndpoint(proto)
        self.pty_path = self._pty.open()
        return self.pty_path

    def _close_link(self) -> None:
        if self._proto is not None:
            self._proto.close()
            self._proto = None

    async def stop(self) -> None:
        """Close every transport; the state file is written."""
        await super().stop()
        for handle in self._later:
            handle.cancel()
        self._later.clear()
        if self._save_handle is not None:
            self._save_handle.cancel()
            self._write_state()

    # ------------------------------------------------------------------
    # Frame handling
    # ------------------------------------------------------------------
    def send(self, *commands: Any) -> None:
        proto = self._proto
        if proto is None:
            return
        for command in commands:
            if isinstance(command, c.ZDO.MsgCbIncoming.Callback):
                # Z-Stack's direct callback comes first, then the registered one
                for direct in direct_callbacks(
                    int(command.Src), int(command.ClusterId), bytes(command.Data)
                ):
                    proto.send(direct.to_frame(align=True))
            proto.send(command.to_frame(align=True))

    def send_later(self, delay: float, *commands: Any) -> None:
        """Send callbacks after ``delay`` seconds (what the radio takes to learn
        their outcome); a stop drops them."""
        self._call_later(delay, self.send, *commands)

    def _call_later(
        self, delay: float, callback: Callable[..., Any], *args: Any
    ) -> None:
        """Run ``callback`` after ``delay`` seconds, unless the coordinator stops."""

        def fire() -> None:
            self._later.discard(handle)
            callback(*args)

        handle = asyncio.get_running_loop().call_later(delay, fire)
        self._later.add(handle)

    def _frame_received(self, proto: MtProtocol, frame: GeneralFrame) -> None:
        self._proto = proto
        header = frame.header
        entry = self._handlers.get(int(header))
        if entry is None:
            self._unknown(frame, "not implemented")
            return
        req_cls, handler = entry
        try:
            request = req_cls.from_frame(frame, align=True)
        except ValueError, KeyError:
            self._unknown(frame, "malformed")
            return
        self.frames.append(type(request).__qualname__.rsplit(".", 1)[0])
        self._in_request = True
        try:
            responses = handler(request)
        except Exception as exc:
            _LOGGER.exception("Error handling %s", type(request).__qualname__)
            self._unknown(frame, repr(exc))
            return
        finally:
            self._in_request = False
        self.send(*responses)
        self._notify()

    def _unknown(self, frame: GeneralFrame, error: str) -> None:
        header = frame.header
        self.trust_center.log(
            "unknown_frame",
            header=f"{int(header.cmd0):02X} {int(header.id):02X}",
            error=error,
        )
        if header.type == t.CommandType.SREQ:
            code = (
                c.rpc_error.ErrorCode.InvalidCommandId
                if error == "not implemented"
                else c.rpc_error.ErrorCode.InvalidParameter
            )
            self.send(
                c.RPCError.CommandNotRecognized.Rsp(
                    ErrorCode=code, RequestHeader=header
                )
            )

    def reset_ncp(self) -> None:
        """Reboot on the coordinator's own (watchdog, power glitch, firmware assert).

        RAM state is lost (the install-code flag, the permit, the registered
        endpoints); the host gets an unsolicited ``SYS.ResetInd``. A formed
        network comes back up from NVRAM by itself (``ZDO.StateChangeInd``).
        """
        self._require_idle_context()
        self.reboot(reason="ncp")
        self.send(self.reset_indication())
        if self.nv.formed:
            self.stack_up = True
            self.trust_center.log("network_up", pan_id=self.state.pan_id, resumed=True)
            self.send(
                c.ZDO.StateChangeInd.Callback(State=t.DeviceState.StartedAsCoordinator)
            )

    def drop_connection(self) -> None:
        """Drop the host's connection (USB unplugged, TCP link lost); keep running."""
        if self._proto is not None:
            self._proto.close()

    def reboot(self, *, reason: str) -> None:
        """A reset: RAM state is lost, NVRAM and the APS key table stay."""
        self.trust_center.log("reset", reason=reason)
        self.stack_up = False
        self.endpoints.clear()
        self.trust_center.reboot()
        self.apply_startup_option()
        self.save_state()

    # ------------------------------------------------------------------
    # Virtual devices
    # ------------------------------------------------------------------
    def forget_devices(self) -> None:
        self.joined_devices.clear()
        for device in self.devices.values():
            device.joined = False

    def _joined_devices(self) -> dict[str, int]:
        return self.joined_devices

    def _remember_device(self, device: VirtualDevice, nwk: int) -> None:
        self.joined_devices[str(device.ieee)] = nwk
        self.nv.remember_device(device.ieee, nwk)

    def _forget_device(self, device: VirtualDevice) -> None:
        self.joined_devices.pop(str(device.ieee), None)
        self.nv.forget_device(device.ieee)

    def next_zdo_tsn(self) -> int:
        self._zdo_tsn = (self._zdo_tsn + 1) & 0xFF
        return self._zdo_tsn

    def _announce(self, device: VirtualDevice) -> Any:
        annce = device.device_annce(self.next_zdo_tsn())
        return c.ZDO.MsgCbIncoming.Callback(
            Src=device.nwk,
            IsBroadcast=t.Bool(True),
            ClusterId=zdo_t.ZDOCmd.Device_annce,
            SecurityUse=0,
            TSN=annce[0],
            MacDst=0xFFFD,
            Data=t.Bytes(annce[1:]),
        )

    def _tc_device(self, device: VirtualDevice, nwk: int) -> Any:
        return c.ZDO.TCDevInd.Callback(
            SrcNwk=nwk, SrcIEEE=device.ieee, ParentNwk=COORDINATOR_NWK
        )

    def _require_idle_context(self) -> None:
        if self._in_request:
            raise RuntimeError("Devices cannot act from inside an MT request handler")

    def _report_rejoin(self, device: VirtualDevice) -> None:
        assert device.nwk is not None
        self.send(self._tc_device(device, int(device.nwk)), self._announce(device))

    def _report_join(self, device: VirtualDevice, nwk: int, *, announce: bool) -> None:
        self.send(self._tc_device(device, nwk))
        if not announce:
            return
        # A joining device announces itself only once the trust center's
        # network key has reached it: a radio exchange after the TC device
        # indication, never in the same burst of callbacks. zigbee-herdsman
        # drops an announcement from a device it has not yet created.
        self._call_later(ANNOUNCE_AFTER_JOIN_S, self._send_announce, device)

    def _send_announce(self, device: VirtualDevice) -> None:
        # Built when sent: the join gives the device its address after this
        # report, and a device that left meanwhile announces nothing.
        if device.joined and device.nwk is not None:
            self.send(self._announce(device))

    def _report_denied(self, device: VirtualDevice, nwk: int) -> None:
        """Z-Stack tells its host nothing of a device it turned away."""

    def _device_left(self, device: VirtualDevice, *, source: str) -> Any:
        nwk = int(device.nwk) if device.nwk is not None else 0xFFFE
        self._mark_left(device, source=source, nwk=nwk)
        return c.ZDO.LeaveInd.Callback(
            NWK=nwk,
            IEEE=device.ieee,
            Request=t.Bool(False),
            Remove=t.Bool(False),
            Rejoin=t.Bool(False),
        )

    def _left_on_its_own(self, device: VirtualDevice) -> None:
        self.send(self._device_left(device, source="device"))

    def on_network(self, nwk: int) -> bool:
        """Whether a device the host knows as joined has this short address."""
        return self._device_by_nwk(nwk) is not None

    def deliver(
        self,
        nwk: int,
        *,
        profile: int,
        cluster: int,
        src_ep: int,
        dst_ep: int,
        data: bytes,
    ) -> list[Any]:
        """Hand a frame to the device at ``nwk``; return the callbacks it causes."""
        device = self._device_by_nwk(nwk)
        if device is None or not device.responsive or device.ieee in self._silent:
            return []
        replies, leave = device.handle(profile, cluster, src_ep, dst_ep, data)
        out = [self.incoming(nwk, reply) for reply in replies]
        if leave:
            out.append(self._device_left(device, source="host"))
        return out

    def broadcast_zdo(self, cluster: int, data: bytes) -> None:
        """Devices take broadcast ZDO requests; none of them answers here."""


def handler_view(coordinator: ZnpCoordinator) -> ZnpCoordinatorSurface:
    """The coordinator as its handlers type it (mypy checks that it fits)."""
    return coordinator
