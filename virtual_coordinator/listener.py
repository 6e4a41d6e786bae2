"""Where a host reaches an emulated coordinator: TCP, a pseudo-terminal, mDNS.

Rules: one host at a time (the front-end drops the previous link); ``url``
is what a zigpy host opens (``socket://`` for TCP, else the pty path) and
``tcp_url`` what ZHA opens; ``stop`` closes the advertiser, the server, the
link (``_close_link``, the front-end's own) and the pty, and leaves the state
file to the front-end. The front-ends (``ezsp``, ``znp``) build on this
module; it imports neither of them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
import contextlib
from typing import Any, Self

from virtual_coordinator.pty import PtyEndpoint

DEFAULT_PORT = 6638


class HostListener:
    """The endpoints of one emulated coordinator (TCP server, pty, mDNS)."""

    serial_number: str
    advertised_radio_type = "ezsp"

    def _init_listener(self) -> None:
        self._server: asyncio.Server | None = None
        self._pty: PtyEndpoint | None = None
        self.host: str | None = None
        self.port: int | None = None
        self.pty_path: str | None = None
        self._advertiser: Any = None

    def _close_link(self) -> None:
        """Close the link to the current host (the front-end's protocol)."""
        raise NotImplementedError

    @property
    def url(self) -> str:
        """Device path for a zigpy host: ``socket://`` for TCP, else the pty path."""
        if self.port is not None:
            return f"socket://{self.host}:{self.port}"
        if self.pty_path is not None:
            return self.pty_path
        raise RuntimeError("Coordinator is not started")

    @property
    def tcp_url(self) -> str:
        return f"tcp://{self.host}:{self.port}"

    async def _listen_tcp(
        self, factory: Callable[[], asyncio.Protocol], host: str, port: int
    ) -> tuple[str, int]:
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(factory, host, port)
        sockname = self._server.sockets[0].getsockname()
        self.host, self.port = sockname[0], sockname[1]
        return self.host, self.port

    async def advertise(self, host: str | None = None) -> None:
        """Advertise the TCP endpoint over mDNS (``_zigbee-coordinator._tcp``)."""
        from virtual_coordinator.mdns import Advertiser

        assert self.port is not None, "start_tcp() first"
        self._advertiser = Advertiser(
            port=self.port,
            serial_number=self.serial_number,
            host=host or self.host or "127.0.0.1",
            radio_type=self.advertised_radio_type,
        )
        await self._advertiser.start()

    async def stop(self) -> None:
        """Close every transport."""
        if self._advertiser is not None:
            await self._advertiser.stop()
            self._advertiser = None
        if self._server is not None:
            self._server.close()
        self._close_link()
        if self._server is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2)
            self._server = None
        if self._pty is not None:
            self._pty.close()
            self._pty = None

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()
