"""The virtual EmberZNet NCP: EZSP command handling, network state, devices."""

# Command handlers are named after EZSP frames and take the schema's field names.
# ruff: noqa: N802, N803, N815, ASYNC109

from __future__ import annotations

import asyncio
from collections.abc import Callable
import contextlib
import dataclasses
import json
import logging
import os
import pathlib
import random
import time
from typing import Any

import bellows.types as t
import zigpy.types as zt

from .ash import AshNcpProtocol
from .codec import EzspCodec, Request
from .constants import (
    COORDINATOR_NWK,
    MFG_BOARD_NAME,
    MFG_STRING,
    STACK_VERSIONS,
    VERSION_INFO,
    VERSION_TYPE_GA,
)
from .device import Endpoint, VirtualDevice
from .ncp_devices import DeviceActions, JoinResult
from .ncp_security import SecurityCommands
from .ncp_tables import TableCommands
from .pty import PtyEndpoint
from .trust_center import (
    DEFAULT_KEY_TABLE_CAPACITY,
    DEFAULT_KEY_TIMEOUT_S,
    Event,
    Record,
    TrustCenter,
    WrongKeyMode,
)

__all__ = ["DEFAULT_PORT", "JoinResult", "NetworkState", "VirtualCoordinator"]

_LOGGER = logging.getLogger(__name__)

DEFAULT_PORT = 6638

DEFAULT_CONFIG = {
    t.EzspConfigId.CONFIG_SECURITY_LEVEL: 5,
    t.EzspConfigId.CONFIG_KEY_TABLE_SIZE: 4,
    t.EzspConfigId.CONFIG_ADDRESS_TABLE_SIZE: 16,
    t.EzspConfigId.CONFIG_MULTICAST_TABLE_SIZE: 16,
    t.EzspConfigId.CONFIG_SOURCE_ROUTE_TABLE_SIZE: 200,
    t.EzspConfigId.CONFIG_PACKET_BUFFER_COUNT: 255,
    t.EzspConfigId.CONFIG_STACK_PROFILE: 2,
    t.EzspConfigId.CONFIG_MAX_END_DEVICE_CHILDREN: 32,
    t.EzspConfigId.CONFIG_TRANSIENT_KEY_TIMEOUT_S: DEFAULT_KEY_TIMEOUT_S,
}


@dataclasses.dataclass
class NetworkState:
    """What the NCP keeps in non-volatile memory."""

    ieee: zt.EUI64
    formed: bool = False
    pan_id: int = 0xFFFF
    extended_pan_id: zt.EUI64 = dataclasses.field(
        default_factory=lambda: zt.EUI64.convert("00:00:00:00:00:00:00:00")
    )
    channel: int = 0
    channels: int = 0
    tx_power: int = 8
    nwk_manager_id: int = 0
    nwk_update_id: int = 0
    security_bitmask: int = 0
    network_key: zt.KeyData = dataclasses.field(
        default_factory=lambda: zt.KeyData(bytes(16))
    )
    network_key_seq: int = 0
    tc_link_key: zt.KeyData = dataclasses.field(
        default_factory=lambda: zt.KeyData(b"ZigBeeAlliance09")
    )
    nwk_frame_counter: int = 0
    aps_frame_counter: int = 0
    devices: dict[str, int] = dataclasses.field(default_factory=dict)  # ieee -> nwk

    def to_json(self) -> dict[str, Any]:
        return {
            "ieee": str(self.ieee),
            "formed": self.formed,
            "pan_id": self.pan_id,
            "extended_pan_id": str(self.extended_pan_id),
            "channel": self.channel,
            "channels": self.channels,
            "tx_power": self.tx_power,
            "nwk_manager_id": self.nwk_manager_id,
            "nwk_update_id": self.nwk_update_id,
            "security_bitmask": self.security_bitmask,
            "network_key": self.network_key.serialize().hex(),
            "network_key_seq": self.network_key_seq,
            "tc_link_key": self.tc_link_key.serialize().hex(),
            "nwk_frame_counter": self.nwk_frame_counter,
            "aps_frame_counter": self.aps_frame_counter,
            "devices": dict(self.devices),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NetworkState:
        return cls(
            ieee=zt.EUI64.convert(data["ieee"]),
            formed=data["formed"],
            pan_id=data["pan_id"],
            extended_pan_id=zt.EUI64.convert(data["extended_pan_id"]),
            channel=data["channel"],
            channels=data["channels"],
            tx_power=data["tx_power"],
            nwk_manager_id=data["nwk_manager_id"],
            nwk_update_id=data["nwk_update_id"],
            security_bitmask=data["security_bitmask"],
            network_key=zt.KeyData(bytes.fromhex(data["network_key"])),
            network_key_seq=data["network_key_seq"],
            tc_link_key=zt.KeyData(bytes.fromhex(data["tc_link_key"])),
            nwk_frame_counter=data["nwk_frame_counter"],
            aps_frame_counter=data["aps_frame_counter"],
            devices=dict(data.get("devices", {})),
        )


def _zero(tp: Any) -> Any:
    """A zero/empty value of a bellows or zigpy type (for error responses)."""
    if hasattr(tp, "fields"):
        return tp(**{f.name: _zero(f.type) for f in tp.fields})
    if isinstance(tp, type) and issubclass(tp, (bytes, list)):
        if issubclass(tp, zt.KeyData):
            return tp(bytes(16))
        if issubclass(tp, zt.EUI64):
            return tp([0] * 8)
        return tp()
    try:
        return tp(0)
    except ValueError, TypeError:
        return next(iter(tp))


class VirtualCoordinator(SecurityCommands, TableCommands, DeviceActions):
    """An emulated Silicon Labs EmberZNet NCP speaking EZSP over ASH."""

    def __init__(
        self,
        *,
        ezsp_version: int = 8,
        state_file: str | os.PathLike[str] | None = None,
        ieee: str | None = None,
        key_timeout_s: float = DEFAULT_KEY_TIMEOUT_S,
        key_table_capacity: int = DEFAULT_KEY_TABLE_CAPACITY,
        wildcard_key_counts: bool = True,
        wrong_key: WrongKeyMode = "deny",
        clock: Callable[[], float] = time.monotonic,
        rstack_on_connect: bool = False,
        serial_number: str | None = None,
    ) -> None:
        self.codec = EzspCodec(ezsp_version)
        self.ezsp_version = ezsp_version
        self.record = Record()
        self._record_changed: asyncio.Event | None = None
        self.record.listeners.append(self._on_record)
        self.trust_center = TrustCenter(
            self.record,
            key_timeout_s=key_timeout_s,
            key_table_capacity=key_table_capacity,
            wildcard_key_counts=wildcard_key_counts,
            wrong_key=wrong_key,
            clock=clock,
        )
        self.state_file = pathlib.Path(state_file) if state_file else None
        self.rstack_on_connect = rstack_on_connect
        self.state = self._load_state(ieee)
        self.serial_number = serial_number or str(self.state.ieee).replace(":", "")
        self.stack_up = False
        self.config: dict[int, int] = {int(k): v for k, v in DEFAULT_CONFIG.items()}
        self.config[int(t.EzspConfigId.CONFIG_TRANSIENT_KEY_TIMEOUT_S)] = int(
            key_timeout_s
        )
        self.values: dict[int, bytes] = {}
        self.policies: dict[int, int] = {}
        self.endpoints: list[Endpoint] = []
        self.extended_timeouts: dict[zt.EUI64, bool] = {}
        self.devices: dict[zt.EUI64, VirtualDevice] = {}
        self._silent: set[zt.EUI64] = set()
        self.frames: list[str] = []  # names of the frames received, in order
        self._ash: AshNcpProtocol | None = None
        self._last_seq = 0
        self._deferred: list[tuple[str, dict[str, Any]]] | None = None
        self._aps_seq = random.randint(0, 255)
        self._server: asyncio.base_events.Server | None = None
        self._pty: PtyEndpoint | None = None
        self.host: str | None = None
        self.port: int | None = None
        self.pty_path: str | None = None
        self._advertiser: Any = None

    # ------------------------------------------------------------------
    # Public accessors
    # ------------------------------------------------------------------
    @property
    def ieee(self) -> zt.EUI64:
        return self.state.ieee

    @property
    def policy(self) -> int:
        """Current trust-center policy decision bitmask."""
        return self.trust_center.policy

    @property
    def transient_keys(self) -> list[zt.EUI64]:
        """IEEE addresses that currently have a transient link key."""
        return self.trust_center.transient_key_ieees

    @property
    def permit_open(self) -> bool:
        return self.trust_center.permit_open

    @property
    def connected(self) -> bool:
        return self._ash is not None and self._ash.connected

    @property
    def url(self) -> str:
        """Device path for bellows: ``socket://`` for TCP, else the pty path."""
        if self.port is not None:
            return f"socket://{self.host}:{self.port}"
        if self.pty_path is not None:
            return self.pty_path
        raise RuntimeError("Coordinator is not started")

    @property
    def tcp_url(self) -> str:
        return f"tcp://{self.host}:{self.port}"

    def events(self, *kinds: str) -> list[Event]:
        return self.record.of_kind(*kinds) if kinds else list(self.record)

    def _on_record(self, event: Event) -> None:
        if event.kind in ("unknown_frame",):
            _LOGGER.warning("Unsupported EZSP frame: %s", event.details)
        if self._record_changed is not None:
            self._record_changed.set()

    async def wait_for_event(
        self,
        kind: str,
        predicate: Callable[[Event], bool] = lambda _e: True,
        *,
        timeout: float = 10,
        start: int = 0,
    ) -> Event:
        """Wait until the record holds a matching event at index >= start."""
        async with asyncio.timeout(timeout):
            while True:
                for event in self.record[start:]:
                    if event.kind == kind and predicate(event):
                        return event
                if self._record_changed is None:
                    self._record_changed = asyncio.Event()
                self._record_changed.clear()
                await self._record_changed.wait()

    async def wait_until(
        self,
        condition: Callable[[], bool],
        *,
        timeout: float = 10,
        poll_interval: float = 0.05,
    ) -> None:
        """Wait until ``condition()`` holds.

        Re-checked whenever the emulator handles a frame or the host acknowledges
        the last frame sent to it, and every ``poll_interval`` seconds for state
        that changes on the host side only.
        """
        async with asyncio.timeout(timeout):
            while not condition():
                if self._record_changed is None:
                    self._record_changed = asyncio.Event()
                self._record_changed.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._record_changed.wait(), poll_interval)

    @property
    def idle(self) -> bool:
        """True when every frame sent to the host has been acknowledged."""
        return self._ash is None or self._ash.idle

    async def wait_idle(self, *, timeout: float = 10) -> None:
        """Wait until the host has acknowledged every frame sent to it."""
        await self.wait_until(lambda: self.idle, timeout=timeout)

    def _notify(self) -> None:
        if self._record_changed is not None:
            self._record_changed.set()

    # ------------------------------------------------------------------
    # Persistence
    # ------------------------------------------------------------------
    def _load_state(self, ieee: str | None) -> NetworkState:
        if self.state_file is not None and self.state_file.exists():
            state = NetworkState.from_json(json.loads(self.state_file.read_text()))
            if ieee is not None and zt.EUI64.convert(ieee) != state.ieee:
                raise ValueError("The state file belongs to another coordinator IEEE")
            return state
        if ieee is None:
            ieee_bytes = [random.randint(0, 255) for _ in range(5)] + [0x4B, 0x68, 0x00]
            return NetworkState(ieee=zt.EUI64(ieee_bytes))
        return NetworkState(ieee=zt.EUI64.convert(ieee))

    def save_state(self) -> None:
        if self.state_file is None:
            return
        tmp = self.state_file.with_suffix(self.state_file.suffix + ".tmp")
        tmp.write_text(json.dumps(self.state.to_json(), indent=2))
        tmp.replace(self.state_file)

    # ------------------------------------------------------------------
    # Transports
    # ------------------------------------------------------------------
    def _new_protocol(self) -> AshNcpProtocol:
        return AshNcpProtocol(
            self._frame_received,
            self._reset_received,
            self._connection_lost,
            self._notify,
        )

    def _attach(self, proto: AshNcpProtocol) -> None:
        if self._ash is not None and self._ash is not proto and self._ash.connected:
            _LOGGER.debug("A new host connected, dropping the previous one")
            self._ash.close()
        self._ash = proto

    def _connection_lost(self, proto: AshNcpProtocol) -> None:
        if self._ash is proto:
            self._ash = None
            self.trust_center.log("disconnect")

    async def start_tcp(
        self, host: str = "127.0.0.1", port: int = DEFAULT_PORT
    ) -> tuple[str, int]:
        """Listen for one host at a time on TCP. ``port=0`` picks a free port."""
        loop = asyncio.get_running_loop()

        def factory() -> AshNcpProtocol:
            proto = self._new_protocol()
            orig = proto.connection_made

            def connection_made(transport: asyncio.BaseTransport) -> None:
                orig(transport)
                self._attach(proto)
                self.trust_center.log("connect", transport="tcp")
                if self.rstack_on_connect:
                    self._reboot()
                    proto.send_rstack()

            proto.connection_made = connection_made  # type: ignore[method-assign]
            return proto

        self._server = await loop.create_server(factory, host, port)
        sockname = self._server.sockets[0].getsockname()
        self.host, self.port = sockname[0], sockname[1]
        return self.host, self.port

    async def start_pty(self) -> str:
        """Expose the NCP on a pseudo-terminal; returns the ``/dev/pts/N`` path."""
        proto = self._new_protocol()
        self._pty = PtyEndpoint(proto)
        self.pty_path = self._pty.open()
        self._attach(proto)
        self.trust_center.log("connect", transport="pty", path=self.pty_path)
        return self.pty_path

    async def advertise(self, host: str | None = None) -> None:
        """Advertise the TCP endpoint over mDNS (``_zigbee-coordinator._tcp``)."""
        from .mdns import Advertiser

        assert self.port is not None, "start_tcp() first"
        self._advertiser = Advertiser(
            port=self.port,
            serial_number=self.serial_number,
            host=host or self.host or "127.0.0.1",
        )
        await self._advertiser.start()

    async def stop(self) -> None:
        """Close every transport and timer; the state file stays as it is."""
        if self._advertiser is not None:
            await self._advertiser.stop()
            self._advertiser = None
        if self._server is not None:
            self._server.close()
        if self._ash is not None:
            self._ash.close()
            self._ash = None
        if self._server is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2)
            self._server = None
        if self._pty is not None:
            self._pty.close()
            self._pty = None

    async def __aenter__(self) -> VirtualCoordinator:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # ------------------------------------------------------------------
    # Frame handling
    # ------------------------------------------------------------------
    def _reboot(self) -> None:
        self.stack_up = False
        self.trust_center.reboot()
        self.extended_timeouts.clear()

    def _reset_received(self) -> None:
        self.trust_center.log("reset")
        self._reboot()

    def reset_ncp(
        self, reset_code: t.NcpResetCode = t.NcpResetCode.RESET_SOFTWARE
    ) -> None:
        """Reboot on the NCP's own (watchdog, power glitch, firmware assert).

        RAM state is lost (transient keys, permit, policy back to the default)
        and the host gets an unsolicited RSTACK; bellows takes it as a failure
        and reports the connection lost.
        """
        self._require_idle_context()
        self.trust_center.log("reset", source="ncp")
        self._reboot()
        if self._ash is not None:
            self._ash.restart()
            self._ash.send_rstack(reset_code)

    def drop_connection(self) -> None:
        """Drop the host's connection (USB unplugged, TCP link lost).

        The NCP keeps running; the next host that connects resets it.
        """
        if self._ash is not None:
            self._ash.close()

    def set_policy_directly(self, decision: int) -> None:
        """Change the trust-center policy behind the host's back (another client)."""
        self.trust_center.set_policy(decision, source="control")

    def _send(self, data: bytes) -> None:
        if self._ash is not None:
            self._ash.send_data(data)

    def emit(self, name: str, **values: Any) -> None:
        """Send a callback to the host, after the current response if any."""
        if self._deferred is not None:
            self._deferred.append((name, values))
            return
        self._send(self.codec.encode(self._last_seq, name, values, callback=True))

    def _frame_received(self, data: bytes) -> None:
        req = self.codec.decode_request(data)
        self._last_seq = req.seq
        self.frames.append(req.name or f"0x{req.frame_id:04X}")
        self._deferred = []
        try:
            response = self._dispatch(req)
        finally:
            deferred, self._deferred = self._deferred, None
        self._send(response)
        for name, values in deferred:
            self.emit(name, **values)
        self._notify()

    def _dispatch(self, req: Request) -> bytes:
        handler = getattr(self, f"_cmd_{req.name}", None) if req.name else None
        if req.error is not None or handler is None or req.args is None:
            self.trust_center.log(
                "unknown_frame",
                frame_id=req.frame_id,
                name=req.name,
                error=req.error or "not implemented",
                data=req.raw.hex(),
            )
            status = (
                t.EzspStatus.ERROR_INVALID_FRAME_ID
                if req.name is None or handler is None
                else t.EzspStatus.ERROR_INVALID_VALUE
            )
            return self.codec.encode_invalid_command(req.seq, status, legacy=req.legacy)
        try:
            values = handler(**req.args)
        except Exception as exc:
            _LOGGER.exception("Error handling %s", req.name)
            self.trust_center.log(
                "unknown_frame", frame_id=req.frame_id, name=req.name, error=repr(exc)
            )
            return self.codec.encode_invalid_command(
                req.seq, t.EzspStatus.ERROR_INVALID_CALL, legacy=req.legacy
            )
        return self.codec.encode(req.seq, req.name, values or {}, legacy=req.legacy)

    def _error_response(self, name: str, status_value: Any = None) -> dict[str, Any]:
        """Response of ``name`` with zeroed fields and an error status."""
        schema = self.codec.commands[name][2]
        fields = (
            schema
            if isinstance(schema, dict)
            else {f.name: f.type for f in schema.fields}
        )
        out = {}
        for field, tp in fields.items():
            if field == "status" and status_value is not None:
                out[field] = status_value
            else:
                out[field] = _zero(tp)
        return out

    # ------------------------------------------------------------------
    # EZSP commands: configuration
    # ------------------------------------------------------------------
    def _cmd_version(self, desiredProtocolVersion: int) -> dict[str, Any]:
        return {
            "protocolVersion": self.ezsp_version,
            "stackType": 2,
            "stackVersion": STACK_VERSIONS[self.ezsp_version],
        }

    def _cmd_nop(self) -> dict[str, Any]:
        return {}

    def _cmd_getValue(self, valueId: t.EzspValueId) -> dict[str, Any]:
        if valueId == t.EzspValueId.VALUE_VERSION_INFO:
            major, minor, patch, special, build = VERSION_INFO[self.ezsp_version]
            # EmberVersion: build, major, minor, patch, special, then the
            # version type (0xAA: general availability); zigbee-herdsman reads all 7.
            value = build.to_bytes(2, "little") + bytes(
                [major, minor, patch, special, VERSION_TYPE_GA]
            )
            return {"status": t.EzspStatus.SUCCESS, "value": value}
        if valueId == t.EzspValueId.VALUE_FREE_BUFFERS:
            return {"status": t.EzspStatus.SUCCESS, "value": bytes([200])}
        if int(valueId) in self.values:
            return {"status": t.EzspStatus.SUCCESS, "value": self.values[int(valueId)]}
        return {"status": t.EzspStatus.ERROR_INVALID_ID, "value": b""}

    def _cmd_getExtendedValue(
        self, valueId: t.EzspExtendedValueId, characteristics: int
    ) -> dict[str, Any]:
        if valueId == t.EzspExtendedValueId.EXTENDED_VALUE_ENDPOINT_FLAGS:
            # characteristics is the endpoint; flags bit 0: endpoint enabled
            if any(ep.endpoint_id == characteristics for ep in self.endpoints):
                return {"status": t.EzspStatus.SUCCESS, "value": b"\x01\x00"}
            return {"status": t.EzspStatus.ERROR_INVALID_VALUE, "value": bytes(2)}
        if valueId == t.EzspExtendedValueId.EXTENDED_VALUE_GET_SOURCE_ROUTE_OVERHEAD:
            # characteristics is the destination's node id; no source routes here
            return {"status": t.EzspStatus.SUCCESS, "value": b"\x00"}
        return {"status": t.EzspStatus.ERROR_INVALID_ID, "value": b""}

    def _cmd_setValue(self, valueId: t.EzspValueId, value: bytes) -> dict[str, Any]:
        self.values[int(valueId)] = bytes(value)
        if valueId == t.EzspValueId.VALUE_NWK_FRAME_COUNTER:
            self.state.nwk_frame_counter = int.from_bytes(value, "little")
        elif valueId == t.EzspValueId.VALUE_APS_FRAME_COUNTER:
            self.state.aps_frame_counter = int.from_bytes(value, "little")
        return {"status": t.EzspStatus.SUCCESS}

    def _cmd_getConfigurationValue(self, configId: t.EzspConfigId) -> dict[str, Any]:
        return {
            "status": t.EzspStatus.SUCCESS,
            "value": self.config.get(int(configId), 0),
        }

    def _cmd_setConfigurationValue(
        self, configId: t.EzspConfigId, value: int
    ) -> dict[str, Any]:
        if self.stack_up:
            # EmberZNet takes configuration values only before the stack starts.
            return {"status": t.EzspStatus.ERROR_INVALID_CALL}
        self.config[int(configId)] = int(value)
        if configId == t.EzspConfigId.CONFIG_TRANSIENT_KEY_TIMEOUT_S:
            self.trust_center.key_timeout_s = int(value)
        return {"status": t.EzspStatus.SUCCESS}

    def _cmd_setPolicy(
        self, policyId: t.EzspPolicyId, decisionId: int
    ) -> dict[str, Any]:
        self.policies[int(policyId)] = int(decisionId)
        if policyId == t.EzspPolicyId.TRUST_CENTER_POLICY:
            self.trust_center.set_policy(int(decisionId))
        return {"status": t.EzspStatus.SUCCESS}

    def _cmd_getPolicy(self, policyId: t.EzspPolicyId) -> dict[str, Any]:
        if policyId == t.EzspPolicyId.TRUST_CENTER_POLICY:
            value = self.trust_center.policy
        else:
            value = self.policies.get(int(policyId), 0)
        return {"status": t.EzspStatus.SUCCESS, "decisionId": t.EzspDecisionId(value)}

    def _cmd_addEndpoint(self, **kw: Any) -> dict[str, Any]:
        # bellows' schema decodes the first cluster list greedily (it takes
        # every cluster); the counts say where the input list ends.
        clusters = [*kw["inputClusterList"], *kw["outputClusterList"]]
        n_in, n_out = int(kw["inputClusterCount"]), int(kw["outputClusterCount"])
        if len(clusters) != n_in + n_out:
            return {"status": t.EzspStatus.ERROR_INVALID_VALUE}
        self.endpoints.append(
            Endpoint(
                endpoint_id=kw["endpoint"],
                device_type=kw["deviceId"],
                input_clusters=clusters[:n_in],
                output_clusters=clusters[n_in:],
                profile_id=kw["profileId"],
                device_version=kw["deviceVersion"],
            )
        )
        return {"status": t.EzspStatus.SUCCESS}

    def _cmd_getMfgToken(self, tokenId: t.EzspMfgTokenId) -> dict[str, Any]:
        if tokenId == t.EzspMfgTokenId.MFG_STRING:
            data = MFG_STRING.ljust(16, b"\xff")
        elif tokenId == t.EzspMfgTokenId.MFG_BOARD_NAME:
            data = MFG_BOARD_NAME.ljust(16, b"\xff")
        elif tokenId == t.EzspMfgTokenId.MFG_CUSTOM_EUI_64:
            data = b"\xff" * 8
        else:
            data = b"\xff" * 2
        return {"tokenData": data}

    def _cmd_setManufacturerCode(self, code: int) -> dict[str, Any]:
        return {}

    def _cmd_setRadioPower(self, power: int) -> dict[str, Any]:
        self.state.tx_power = int(power) & 0xFF
        return {"status": t.EmberStatus.SUCCESS}

    def _cmd_readCounters(self) -> dict[str, Any]:
        return {"values": [0] * len(t.EmberCounterType)}

    _cmd_readAndClearCounters = _cmd_readCounters

    def _cmd_setConcentrator(self, **kw: Any) -> dict[str, Any]:
        return {"status": t.EmberStatus.SUCCESS}

    def _cmd_setSourceRouteDiscoveryMode(self, mode: int) -> dict[str, Any]:
        return {"remainingTime": 0}

    def _cmd_setSourceRoute(
        self, destination: int, relayList: list[int]
    ) -> dict[str, Any]:
        return {"status": t.EmberStatus.SUCCESS}

    def _cmd_customFrame(self, payload: bytes) -> dict[str, Any]:
        # No vendor extensions (XNCP): answer with an error status
        self.trust_center.log(
            "custom_frame", payload=bytes(payload).hex(), supported=False
        )
        return {"status": t.EmberStatus.INVALID_CALL, "reply": b""}

    def _cmd_getTokenData(self, token: int, index: int) -> Any:
        return {"status": t.EmberStatus.ERR_FATAL, "value": b""}

    # ------------------------------------------------------------------
    # EZSP commands: network
    # ------------------------------------------------------------------
    def _network_parameters(self) -> t.EmberNetworkParameters:
        s = self.state
        return t.EmberNetworkParameters(
            extendedPanId=t.ExtendedPanId(s.extended_pan_id),
            panId=s.pan_id,
            radioTxPower=s.tx_power,
            radioChannel=s.channel,
            joinMethod=t.EmberJoinMethod.USE_MAC_ASSOCIATION,
            nwkManagerId=s.nwk_manager_id,
            nwkUpdateId=s.nwk_update_id,
            channels=t.Channels(s.channels),
        )

    def _cmd_networkState(self) -> dict[str, Any]:
        status = (
            t.EmberNetworkStatus.JOINED_NETWORK
            if self.stack_up
            else t.EmberNetworkStatus.NO_NETWORK
        )
        return {"status": status}

    def _network_init(self) -> t.EmberStatus:
        if not self.state.formed:
            return t.EmberStatus.NOT_JOINED
        self.stack_up = True
        self.trust_center.log("network_up", pan_id=self.state.pan_id, resumed=True)
        self.emit("stackStatusHandler", status=t.EmberStatus.NETWORK_UP)
        return t.EmberStatus.SUCCESS

    def _cmd_networkInit(self, networkInitBitmask: int) -> dict[str, Any]:
        return {"status": self._network_init()}

    def _cmd_networkInitExtended(self, networkInitStruct: int) -> dict[str, Any]:
        return {"status": self._network_init()}

    def _cmd_getNetworkParameters(self) -> dict[str, Any]:
        if not self.state.formed:
            return self._error_response(
                "getNetworkParameters", t.EmberStatus.NOT_JOINED
            )
        return {
            "status": t.EmberStatus.SUCCESS,
            "nodeType": t.EmberNodeType.COORDINATOR,
            "parameters": self._network_parameters(),
        }

    def _cmd_getNodeId(self) -> dict[str, Any]:
        return {"nodeId": COORDINATOR_NWK if self.stack_up else 0xFFFE}

    def _cmd_getEui64(self) -> dict[str, Any]:
        return {"eui64": self.state.ieee}

    def _cmd_getParentChildParameters(self) -> dict[str, Any]:
        return {
            "childCount": 0,
            "parentEui64": zt.EUI64.convert("00:00:00:00:00:00:00:00"),
            "parentNodeId": 0xFFFF,
        }

    def _cmd_setInitialSecurityState(
        self, state: t.EmberInitialSecurityState
    ) -> dict[str, Any]:
        s = self.state
        s.security_bitmask = int(state.bitmask)
        s.network_key = zt.KeyData(state.networkKey)
        s.network_key_seq = int(state.networkKeySequenceNumber)
        s.tc_link_key = zt.KeyData(state.preconfiguredKey)
        return {"status": t.EmberStatus.SUCCESS}

    def _cmd_formNetwork(self, parameters: t.EmberNetworkParameters) -> dict[str, Any]:
        s = self.state
        s.formed = True
        s.pan_id = int(parameters.panId)
        s.extended_pan_id = zt.EUI64(parameters.extendedPanId)
        s.channel = int(parameters.radioChannel)
        s.channels = int(parameters.channels)
        s.tx_power = int(parameters.radioTxPower)
        s.nwk_manager_id = int(parameters.nwkManagerId)
        s.nwk_update_id = int(parameters.nwkUpdateId)
        s.devices.clear()
        self.stack_up = True
        self.save_state()
        self.trust_center.log(
            "network_formed",
            pan_id=s.pan_id,
            extended_pan_id=str(s.extended_pan_id),
            channel=s.channel,
        )
        self.emit("stackStatusHandler", status=t.EmberStatus.NETWORK_UP)
        return {"status": t.EmberStatus.SUCCESS}

    def _cmd_leaveNetwork(self) -> dict[str, Any]:
        if not self.stack_up:
            return {"status": t.EmberStatus.INVALID_CALL}
        self.state.formed = False
        self.state.devices.clear()
        for device in self.devices.values():
            device.joined = False
        self.stack_up = False
        self.save_state()
        self.trust_center.log("network_left")
        self.emit("stackStatusHandler", status=t.EmberStatus.NETWORK_DOWN)
        return {"status": t.EmberStatus.SUCCESS}

    def _cmd_startScan(
        self, scanType: int, channelMask: int, duration: int
    ) -> dict[str, Any]:
        if scanType == t.EzspNetworkScanType.ENERGY_SCAN:
            for channel in range(11, 27):
                if int(channelMask) & (1 << channel):
                    self.emit(
                        "energyScanResultHandler",
                        channel=channel,
                        maxRssiValue=-90 + (channel % 5),
                    )
        self.emit("scanCompleteHandler", channel=0, status=t.EmberStatus.SUCCESS)
        return {"status": t.EmberStatus.SUCCESS}

    def _cmd_permitJoining(self, duration: int) -> dict[str, Any]:
        if not self.stack_up:
            return {"status": t.EmberStatus.NOT_JOINED}
        self.trust_center.permit(int(duration))
        return {"status": t.EmberStatus.SUCCESS}
