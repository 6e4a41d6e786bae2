"""Serve a coordinator's byte protocol (ASH or MT) on a pseudo-terminal.

A transport both front-ends use: it hands bytes to an ``asyncio.Protocol``
as a TCP connection would, and drops output while no process holds the
other side.
"""

from __future__ import annotations

import asyncio
import os


class PtyEndpoint:
    """Serve a protocol on the master side of a pseudo-terminal."""

    def __init__(self, protocol: asyncio.Protocol) -> None:
        self.protocol = protocol
        self.master: int | None = None
        self.slave: int | None = None
        self._closing = False
        self._out = bytearray()
        self._writer_added = False

    def open(self) -> str:
        import termios
        import tty

        master, slave = os.openpty()
        tty.setraw(slave, termios.TCSANOW)
        os.set_blocking(master, False)
        self.master, self.slave = master, slave
        loop = asyncio.get_running_loop()
        loop.add_reader(master, self._read)
        self.protocol.connection_made(self)  # type: ignore[arg-type]
        return os.ttyname(slave)

    # the transport interface the protocols use
    def write(self, data: bytes) -> None:
        if self.master is None:
            return
        self._out.extend(data)
        self._flush()

    def _flush(self) -> None:
        assert self.master is not None
        while self._out:
            try:
                n = os.write(self.master, self._out)
            except BlockingIOError:
                break
            except OSError:
                self._out.clear()
                break
            del self._out[:n]
        loop = asyncio.get_running_loop()
        if self._out and not self._writer_added:
            loop.add_writer(self.master, self._flush)
            self._writer_added = True
        elif not self._out and self._writer_added:
            loop.remove_writer(self.master)
            self._writer_added = False

    def _read(self) -> None:
        assert self.master is not None
        try:
            data = os.read(self.master, 4096)
        except BlockingIOError, InterruptedError:
            return
        except OSError:
            return  # EIO: no process has the slave side open right now
        if data:
            self.protocol.data_received(data)

    def is_closing(self) -> bool:
        return self._closing

    def close(self) -> None:
        if self._closing:
            return
        self._closing = True
        loop = asyncio.get_running_loop()
        if self.master is not None:
            loop.remove_reader(self.master)
            if self._writer_added:
                loop.remove_writer(self.master)
            os.close(self.master)
            self.master = None
        if self.slave is not None:
            os.close(self.slave)
            self.slave = None
        self.protocol.connection_lost(None)
