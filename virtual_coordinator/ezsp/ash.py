"""NCP side of the ASH (Asynchronous Serial Host) protocol.

Frame types, byte stuffing, CRC and data randomisation come from bellows'
own implementation (``bellows.ash``); this module adds the NCP role: it
answers RST with RSTACK, acknowledges and NAKs host DATA frames, and sends its
own DATA frames one at a time with retransmission on NAK or timeout.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
import logging
from typing import Any

from bellows.ash import (
    RESERVED_WITHOUT_ESCAPE,
    AckFrame,
    AshFrame,
    AshProtocol,
    DataFrame,
    ErrorFrame,
    NakFrame,
    ParsingError,
    Reserved,
    RStackFrame,
    RstFrame,
    parse_frame,
)
import bellows.types as t

_LOGGER = logging.getLogger(__name__)

ASH_VERSION = 0x02
ACK_TIMEOUT = 1.6
MAX_RETRANSMISSIONS = 5

stuff_bytes = AshProtocol._stuff_bytes
unstuff_bytes = AshProtocol._unstuff_bytes


def encode_frame(frame: AshFrame) -> bytes:
    """Return the wire bytes of a frame: stuffed, followed by a flag byte."""
    return bytes(stuff_bytes(frame.to_bytes())) + bytes([Reserved.FLAG])


class AshNcpProtocol(asyncio.Protocol):
    """ASH protocol, NCP role.

    ``on_frame(data)`` receives every in-sequence EZSP frame from the host.
    ``on_reset()`` is called when the host resets the NCP (RST), before the
    RSTACK is written.
    """

    def __init__(
        self,
        on_frame: Callable[[bytes], None],
        on_reset: Callable[[], None] | None = None,
        on_connection_lost: Callable[[AshNcpProtocol], None] | None = None,
        on_idle: Callable[[], None] | None = None,
        *,
        ack_timeout: float = ACK_TIMEOUT,
        max_retransmissions: int = MAX_RETRANSMISSIONS,
    ) -> None:
        self._on_frame = on_frame
        self._on_reset = on_reset
        self._on_connection_lost = on_connection_lost
        self._on_idle = on_idle
        self._ack_timeout = ack_timeout
        self._max_retransmissions = max_retransmissions
        # a TCP transport, or the PtyEndpoint (which has the same write/close)
        self.transport: Any = None
        self._buffer = bytearray()
        self._discarding = False
        self._tx_seq = 0
        self._rx_seq = 0
        self._rejecting = False
        self._queue: deque[bytes] = deque()
        self._in_flight: tuple[int, bytes] | None = None
        self._attempts = 0
        self._timer: asyncio.TimerHandle | None = None
        self._write_hook: Callable[[bytes], bytes] | None = None
        # Statistics and fault injection, used by tests
        self.stats = {
            "rx_data": 0,
            "tx_data": 0,
            "retransmissions": 0,
            "naks_sent": 0,
            "naks_received": 0,
            "resets": 0,
            "parse_errors": 0,
        }
        self.corrupt_next_data_frames = 0

    # -- asyncio.Protocol -------------------------------------------------
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_timer()
        self.transport = None
        self._queue.clear()
        self._in_flight = None
        if self._on_connection_lost is not None:
            self._on_connection_lost(self)

    def close(self) -> None:
        self._stop_timer()
        if self.transport is not None:
            self.transport.close()

    @property
    def connected(self) -> bool:
        return self.transport is not None and not self.transport.is_closing()

    def data_received(self, data: bytes) -> None:
        self._buffer.extend(data)
        while self._buffer:
            if self._discarding:
                idx = self._buffer.find(bytes([Reserved.FLAG]))
                if idx < 0:
                    self._buffer.clear()
                    return
                self._discarding = False
                del self._buffer[: idx + 1]
                continue
            found = next(
                (
                    (i, b)
                    for i, b in enumerate(self._buffer)
                    if b in RESERVED_WITHOUT_ESCAPE
                ),
                None,
            )
            if found is None:
                return
            index, byte = found
            if byte == Reserved.FLAG:
                raw = bytes(self._buffer[:index])
                del self._buffer[: index + 1]
                if raw:
                    self._raw_frame_received(raw)
            elif byte == Reserved.CANCEL:
                del self._buffer[: index + 1]
            elif byte == Reserved.SUBSTITUTE:
                self._discarding = True
                del self._buffer[: index + 1]
            else:  # XON / XOFF: flow control is not emulated
                del self._buffer[index]

    # -- receiving ---------------------------------------------------------
    def _raw_frame_received(self, raw: bytes) -> None:
        try:
            data = bytes(unstuff_bytes(raw))
            frame = parse_frame(data)
        except (ParsingError, ValueError, IndexError) as exc:
            self.stats["parse_errors"] += 1
            _LOGGER.debug("Discarding invalid ASH frame %s: %s", raw.hex(), exc)
            if raw and (raw[0] & DataFrame.MASK) == DataFrame.MASK_VALUE:
                self._reject()
            return

        if isinstance(frame, RstFrame):
            self._handle_rst()
        elif isinstance(frame, DataFrame):
            self._handle_ack_num(frame.ack_num)
            self._handle_data(frame)
        elif isinstance(frame, AckFrame):
            self._handle_ack_num(frame.ack_num)
        elif isinstance(frame, NakFrame):
            self.stats["naks_received"] += 1
            self._handle_nak(frame.ack_num)
        elif isinstance(frame, (RStackFrame, ErrorFrame)):
            _LOGGER.debug("Ignoring %r sent by the host", frame)

    def _reject(self) -> None:
        if not self._rejecting:
            self._rejecting = True
            self.stats["naks_sent"] += 1
            self._write(NakFrame(res=0, ncp_ready=0, ack_num=self._rx_seq))

    def _handle_data(self, frame: DataFrame) -> None:
        if frame.frm_num == self._rx_seq:
            self._rx_seq = (self._rx_seq + 1) % 8
            self._rejecting = False
            self.stats["rx_data"] += 1
            self._write(AckFrame(res=0, ncp_ready=0, ack_num=self._rx_seq))
            self._on_frame(frame.ezsp_frame)
        elif frame.re_tx:
            # A retransmission of a frame we already have: acknowledge again
            self._write(AckFrame(res=0, ncp_ready=0, ack_num=self._rx_seq))
        else:
            self._reject()

    def restart(self) -> None:
        """Forget the link state, as a rebooting NCP does."""
        self._stop_timer()
        self._queue.clear()
        self._in_flight = None
        self._attempts = 0
        self._tx_seq = 0
        self._rx_seq = 0
        self._rejecting = False

    def _handle_rst(self) -> None:
        self.stats["resets"] += 1
        self.restart()
        if self._on_reset is not None:
            self._on_reset()
        self._write(
            RStackFrame(version=ASH_VERSION, reset_code=t.NcpResetCode.RESET_SOFTWARE)
        )

    def send_rstack(
        self, reset_code: t.NcpResetCode = t.NcpResetCode.RESET_POWER_ON
    ) -> None:
        """Send an unsolicited RSTACK, as an NCP does after booting."""
        self._write(RStackFrame(version=ASH_VERSION, reset_code=reset_code))

    def _handle_ack_num(self, ack_num: int) -> None:
        if self._in_flight is None:
            return
        frm_num, _ = self._in_flight
        if ack_num == (frm_num + 1) % 8:
            self._stop_timer()
            self._in_flight = None
            self._attempts = 0
            self._send_next()
            if self._in_flight is None and self._on_idle is not None:
                self._on_idle()

    def _handle_nak(self, ack_num: int) -> None:
        if self._in_flight is None:
            return
        frm_num, _ = self._in_flight
        if ack_num == (frm_num + 1) % 8:  # the NAK also acknowledges it
            self._handle_ack_num(ack_num)
        elif ack_num == frm_num:
            self._retransmit()

    # -- sending -----------------------------------------------------------
    def send_data(self, ezsp_frame: bytes) -> None:
        """Queue an EZSP frame for transmission to the host."""
        if not self.connected:
            _LOGGER.debug("Not connected, dropping frame %s", ezsp_frame.hex())
            return
        self._queue.append(ezsp_frame)
        if self._in_flight is None:
            self._send_next()

    @property
    def idle(self) -> bool:
        """True when nothing is queued or waiting for acknowledgement."""
        return self._in_flight is None and not self._queue

    def _send_next(self) -> None:
        if self._in_flight is not None or not self._queue or not self.connected:
            return
        payload = self._queue.popleft()
        frm_num = self._tx_seq
        self._tx_seq = (self._tx_seq + 1) % 8
        self._in_flight = (frm_num, payload)
        self._attempts = 0
        self._transmit(re_tx=False)

    def _transmit(self, *, re_tx: bool) -> None:
        assert self._in_flight is not None
        frm_num, payload = self._in_flight
        frame = DataFrame(
            frm_num=frm_num, re_tx=re_tx, ack_num=self._rx_seq, ezsp_frame=payload
        )
        self.stats["tx_data"] += 1
        if self.corrupt_next_data_frames > 0:
            self.corrupt_next_data_frames -= 1
            raw = bytearray(frame.to_bytes())
            raw[-1] ^= 0xFF  # break the CRC
            self._write_raw(bytes(stuff_bytes(bytes(raw))) + bytes([Reserved.FLAG]))
        else:
            self._write(frame)
        self._stop_timer()
        loop = asyncio.get_running_loop()
        self._timer = loop.call_later(self._ack_timeout, self._ack_timed_out)

    def _retransmit(self) -> None:
        self._attempts += 1
        if self._attempts > self._max_retransmissions:
            _LOGGER.warning("Host did not acknowledge a frame, dropping it")
            self._stop_timer()
            self._in_flight = None
            self._attempts = 0
            self._send_next()
            return
        self.stats["retransmissions"] += 1
        self._transmit(re_tx=True)

    def _ack_timed_out(self) -> None:
        self._timer = None
        if self._in_flight is not None:
            self._retransmit()

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _write(self, frame: AshFrame) -> None:
        self._write_raw(encode_frame(frame))

    def _write_raw(self, data: bytes) -> None:
        if self.transport is None or self.transport.is_closing():
            return
        self.transport.write(data)
