"""MT over UART framing and the transports that carry it (TCP, pseudo-terminal).

A frame is ``0xFE``, the payload length, CMD0, CMD1, the payload and an XOR
check byte; zigpy-znp's own frame classes encode and decode it. Bytes that do
not start a valid frame are skipped up to the next ``0xFE``, as a Z-Stack NCP
does (the 0xEF bytes of zigpy-znp's bootloader skip land there).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
import logging

from zigpy_znp.exceptions import InvalidFrame
from zigpy_znp.frames import GeneralFrame, TransportFrame

_LOGGER = logging.getLogger(__name__)

SOF = 0xFE


class MtFramer:
    """Split a byte stream into MT frames."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self.skipped = 0

    def feed(self, data: bytes) -> Iterator[GeneralFrame]:
        self._buffer.extend(data)
        while True:
            start = self._buffer.find(SOF)
            if start < 0:
                self.skipped += len(self._buffer)
                self._buffer.clear()
                return
            if start:
                self.skipped += start
                del self._buffer[:start]
            if len(self._buffer) < 5:
                return
            length = self._buffer[1]
            if length > 250:
                self.skipped += 1
                del self._buffer[:1]
                continue
            if len(self._buffer) < length + 5:
                return
            try:
                frame, _ = TransportFrame.deserialize(bytes(self._buffer[: length + 5]))
            except InvalidFrame, ValueError:
                self.skipped += 1
                del self._buffer[:1]
                continue
            del self._buffer[: length + 5]
            yield frame.payload


def encode(frame: GeneralFrame) -> bytes:
    return bytes(TransportFrame(frame).serialize())


class MtProtocol(asyncio.Protocol):
    """One host connection: frames in, frames out."""

    def __init__(
        self,
        on_frame: Callable[[MtProtocol, GeneralFrame], None],
        on_connect: Callable[[MtProtocol], None],
        on_lost: Callable[[MtProtocol], None],
    ) -> None:
        self._on_frame = on_frame
        self._on_connect = on_connect
        self._on_lost = on_lost
        self._framer = MtFramer()
        self.transport: asyncio.BaseTransport | None = None

    @property
    def connected(self) -> bool:
        return self.transport is not None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport
        self._on_connect(self)

    def data_received(self, data: bytes) -> None:
        for frame in self._framer.feed(data):
            try:
                self._on_frame(self, frame)
            except Exception:
                _LOGGER.exception("Could not handle MT frame %s", frame.header)

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None
        self._on_lost(self)

    def send(self, frame: GeneralFrame) -> None:
        transport = self.transport
        if transport is not None and not transport.is_closing():
            transport.write(encode(frame))  # type: ignore[attr-defined]

    def close(self) -> None:
        if self.transport is not None:
            self.transport.close()
