"""Transports of the virtual NCP: ASH over TCP or a pseudo-terminal, mDNS.

Rules: one host at a time (a new TCP host drops the previous one); with
``rstack_on_connect`` a TCP host is greeted with an RSTACK after a reboot,
as zigbeed does, :data:`BOOT_S` after it connected (unless it reset the NCP
itself meanwhile): bellows only expects that RSTACK once it waits for it,
which on a busy machine can be well after the connection is made, and takes
an earlier one as a failure; closing the transports keeps the state file as
it is.
Frames go up to ``_frame_received`` and resets to ``_reset_received``,
which the layers above provide.
"""

# ruff: noqa: ASYNC109

from __future__ import annotations

import asyncio
import logging

from virtual_coordinator.listener import DEFAULT_PORT, HostListener
from virtual_coordinator.network.record import RecordWaiter
from virtual_coordinator.network.trust_center import TrustCenter
from virtual_coordinator.pty import PtyEndpoint

from .ash import AshNcpProtocol

_LOGGER = logging.getLogger(__name__)

BOOT_S = 0.2
"""How long after a TCP host connects the rebooted NCP greets it with RSTACK."""


class NcpTransports(HostListener, RecordWaiter):
    """Where the host connects, and the ASH link to it."""

    frame_protocol = "EZSP"
    trust_center: TrustCenter
    rstack_on_connect: bool

    def _init_transports(self, *, rstack_on_connect: bool) -> None:
        self.rstack_on_connect = rstack_on_connect
        self._ash: AshNcpProtocol | None = None
        self._init_listener()

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

        def greet(proto: AshNcpProtocol) -> None:
            # a host that already reset the NCP got its RSTACK in answer
            if proto.connected and proto is self._ash and not proto.stats["resets"]:
                proto.send_rstack()

        def factory() -> AshNcpProtocol:
            proto = self._new_protocol()
            orig = proto.connection_made

            def connection_made(transport: asyncio.BaseTransport) -> None:
                orig(transport)
                self._attach(proto)
                self.trust_center.log("connect", transport="tcp")
                if self.rstack_on_connect:
                    self._reboot()
                    asyncio.get_running_loop().call_later(BOOT_S, greet, proto)

            proto.connection_made = connection_made  # type: ignore[method-assign]
            return proto

        return await self._listen_tcp(factory, host, port)

    async def start_pty(self) -> str:
        """Expose the NCP on a pseudo-terminal; returns the ``/dev/pts/N`` path."""
        proto = self._new_protocol()
        self._pty = PtyEndpoint(proto)
        self.pty_path = self._pty.open()
        self._attach(proto)
        self.trust_center.log("connect", transport="pty", path=self.pty_path)
        return self.pty_path

    def _close_link(self) -> None:
        if self._ash is not None:
            self._ash.close()
            self._ash = None

    def drop_connection(self) -> None:
        """Drop the host's connection (USB unplugged, TCP link lost).

        The NCP keeps running; the next host that connects resets it.
        """
        if self._ash is not None:
            self._ash.close()

    def _send(self, data: bytes) -> None:
        if self._ash is not None:
            self._ash.send_data(data)
