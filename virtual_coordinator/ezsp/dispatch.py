"""EZSP frame dispatch of the virtual NCP: decode, route to a handler, answer.

Rules:

- Every command gets exactly one response, sent before the callbacks the
  command causes (``emit`` defers them until the response is out).
- A command is handled by the method ``_cmd_<frame name>``, called with the
  schema's field names; a frame without a handler, or one that does not
  decode, is answered with ``invalidCommand`` and recorded as
  ``unknown_frame``; a handler that raises answers ``ERROR_INVALID_CALL``.
- Devices act only outside a command (``_require_idle_context``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import bellows.types as t
import zigpy.types as zt

from .codec import EzspCodec, Request
from .transport import NcpTransports

if TYPE_CHECKING:
    from virtual_coordinator.network.device import Endpoint, VirtualDevice

    from .persistence import NetworkState

_LOGGER = logging.getLogger(__name__)


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


class FrameDispatch(NcpTransports):
    """Routes the host's EZSP frames to the ``_cmd_*`` handlers above it."""

    codec: EzspCodec
    ezsp_version: int
    state: NetworkState
    stack_up: bool
    config: dict[int, int]
    values: dict[int, bytes]
    policies: dict[int, int]
    endpoints: list[Endpoint]
    extended_timeouts: dict[zt.EUI64, bool]
    devices: dict[zt.EUI64, VirtualDevice]
    _silent: set[zt.EUI64]
    frames: list[str]
    _last_seq: int
    _deferred: list[tuple[str, dict[str, Any]]] | None
    _aps_seq: int

    if TYPE_CHECKING:

        def save_state(self) -> None: ...

        def _device_left(self, device: VirtualDevice, *, source: str) -> Any: ...

        def _device_by_nwk(self, nwk: int) -> VirtualDevice | None: ...

    def _require_idle_context(self) -> None:
        if self._deferred is not None:
            raise RuntimeError("Devices cannot act from inside an EZSP command handler")

    def _next_aps_seq(self) -> int:
        self._aps_seq = (self._aps_seq + 1) % 256
        return self._aps_seq

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
        if (
            req.error is not None
            or req.name is None
            or handler is None
            or req.args is None
        ):
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
