"""Transports of the virtual NCP: ASH over TCP or a pseudo-terminal, mDNS.

Rules: one host at a time (a new TCP host drops the previous one); with
``rstack_on_connect`` a TCP host is greeted with an RSTACK after a reboot,
as zigbeed does; closing the transports keeps the state file as it is.
Frames go up to ``_frame_received`` and resets to ``_reset_received``,
which the layers above provide.
"""

# ruff: noqa: ASYNC109

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any, Self

from virtual_coordinator.network.record import RecordWaiter
from virtual_coordinator.network.trust_center import TrustCenter
from virtual_coordinator.pty import PtyEndpoint

from .ash import AshNcpProtocol

_LOGGER = logging.getLogger(__name__)

DEFAULT_PORT = 6638


class NcpTransports(RecordWaiter):
    """Where the host connects, and the ASH link to it."""

    frame_protocol = "EZSP"
    trust_center: TrustCenter
    rstack_on_connect: bool
    serial_number: str

    def _init_transports(self, *, rstack_on_connect: bool) -> None:
        self.rstack_on_connect = rstack_on_connect
        self._ash: AshNcpProtocol | None = None
        self._server: asyncio.Server | None = None
        self._pty: PtyEndpoint | None = None
        self.host: str | None = None
        self.port: int | None = None
        self.pty_path: str | None = None
        self._advertiser: Any = None

    # -- the layers above ----------------------------------------------------
    def _frame_received(self, data: bytes) -> None:
        raise NotImplementedError

    def _reboot(self) -> None:
        raise NotImplementedError

    def _reset_received(self) -> None:
        raise NotImplementedError

    # -- state of the link ------------------------------------------------------
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

    @property
    def idle(self) -> bool:
        """True when every frame sent to the host has been acknowledged."""
        return self._ash is None or self._ash.idle

    async def wait_idle(self, *, timeout: float = 10) -> None:
        """Wait until the host has acknowledged every frame sent to it."""
        await self.wait_until(lambda: self.idle, timeout=timeout)

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
        from virtual_coordinator.mdns import Advertiser

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

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    def drop_connection(self) -> None:
        """Drop the host's connection (USB unplugged, TCP link lost).

        The NCP keeps running; the next host that connects resets it.
        """
        if self._ash is not None:
            self._ash.close()

    def _send(self, data: bytes) -> None:
        if self._ash is not None:
            self._ash.send_data(data)
