"""Serving the application without leaking tokens through errors or logs.

Rules:

* The access log shows the path without its query string, and with the PIN
  of any full Z-Wave DSK in it masked (such a path is refused, but logged).
* A request the HTTP parser rejects (a header longer than 8 KiB, a bad request
  line) answers a fixed JSON 400. aiohttp's own answer and log quote the
  offending bytes, which may be an ``Authorization`` header.
* A request's line and headers must arrive within ``header_timeout`` seconds
  (default ``DEFAULT_HEADER_TIMEOUT``): counted from the connection's opening
  for its first request, from the first byte of each further one. Otherwise
  the server answers a fixed JSON 408 and closes the connection, so clients
  that trickle headers, or send nothing, cannot hold connections open. The
  body has a timeout of its own (``create_app(body_timeout=...)``).
* A connection kept alive between requests is closed after
  ``KEEPALIVE_TIMEOUT`` seconds of silence.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
import logging
import socket
from typing import Any, cast

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.web_protocol import RequestHandler

from provisioning_server.zwave import hide_dsks

_LOGGER = logging.getLogger("provisioning_server.access")
BAD_REQUEST_BODY = '{"error":"bad_request","message":"the HTTP request is malformed"}'
DEFAULT_HEADER_TIMEOUT = 10.0
KEEPALIVE_TIMEOUT = 75.0
_TIMEOUT_BODY = (
    b'{"error":"request_timeout","message":"the request headers took too long"}'
)
HEADER_TIMEOUT_RESPONSE = (
    b"HTTP/1.1 408 Request Timeout\r\n"
    b"Content-Type: application/json; charset=utf-8\r\n"
    b"Content-Length: " + str(len(_TIMEOUT_BODY)).encode() + b"\r\n"
    b"Connection: close\r\n\r\n" + _TIMEOUT_BODY
)


class AccessLogger(AbstractAccessLogger):
    """One line per request: peer, method, path (no query), status, size, time."""

    def log(
        self, request: web.BaseRequest, response: web.StreamResponse, time: float
    ) -> None:
        """Log the request."""
        self.logger.info(
            '%s "%s %s" %s %s %.3f',
            request.remote,
            request.method,
            hide_dsks(request.path),
            response.status,
            response.body_length,
            time,
        )


class QuietRequestHandler(RequestHandler):
    """Answers parser errors without echoing input; times out slow headers."""

    __slots__ = ("_header_deadline", "header_timeout")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.header_timeout = DEFAULT_HEADER_TIMEOUT
        self._header_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        self._start_header_timer()

    def _idle(self) -> bool:
        """Whether the connection waits for a request (none queued or running)."""
        return self._waiter is not None and not self._waiter.done()

    def data_received(self, data: bytes) -> None:
        if data and self._header_deadline is None and self._idle():
            self._start_header_timer()  # a further request on a kept-alive connection
        requests = self._request_count
        super().data_received(data)
        if self._request_count != requests:
            self._stop_header_timer()

    def connection_lost(self, exc: BaseException | None) -> None:
        self._stop_header_timer()
        super().connection_lost(exc)

    def close_without_lingering(self) -> None:
        """Close once the current response is sent, unread body or not.

        aiohttp reads an unread body for up to ``lingering_time`` (10 s) after
        the response; for a client that stalled in its body that only holds
        the connection longer.
        """
        self._lingering_time = 0.0

    def _start_header_timer(self) -> None:
        self._stop_header_timer()
        self._header_deadline = self._loop.call_later(
            self.header_timeout, self._headers_timed_out
        )

    def _stop_header_timer(self) -> None:
        if self._header_deadline is not None:
            self._header_deadline.cancel()
            self._header_deadline = None

    def _headers_timed_out(self) -> None:
        self._header_deadline = None
        transport = self.transport
        if transport is None or not self._idle():
            return
        peer = transport.get_extra_info("peername")
        self.logger.info(
            "Request headers from %s not complete within %.0f s",
            peer[0] if isinstance(peer, tuple) else peer,
            self.header_timeout,
        )
        transport.write(HEADER_TIMEOUT_RESPONSE)
        self.force_close()

    def handle_error(
        self,
        request: Any,
        status: int = 500,
        exc: BaseException | None = None,
        message: str | None = None,
    ) -> web.StreamResponse:
        if isinstance(exc, HttpProcessingError):
            self.logger.info(
                "Malformed request from %s: %s", request.remote, type(exc).__name__
            )
            response = web.Response(
                status=400, text=BAD_REQUEST_BODY, content_type="application/json"
            )
            response.force_close()
            return response
        return super().handle_error(request, status, exc, message)


class _QuietServer(web.Server):
    header_timeout = DEFAULT_HEADER_TIMEOUT

    def __call__(self) -> RequestHandler:
        handler = QuietRequestHandler(self, loop=self._loop, **self._kwargs)
        handler.header_timeout = self.header_timeout
        return handler


class Runner(web.AppRunner):
    """An :class:`aiohttp.web.AppRunner` whose parser errors do not echo input,
    and whose connections must send their headers within ``header_timeout``."""

    def __init__(
        self,
        app: web.Application,
        *,
        header_timeout: float = DEFAULT_HEADER_TIMEOUT,
        **kwargs: Any,
    ) -> None:
        """Keep the header timeout for the server made at set-up."""
        super().__init__(app, **kwargs)
        self.header_timeout = header_timeout

    async def _make_server(self) -> web.Server:
        server = await super()._make_server()
        server.__class__ = _QuietServer
        cast(_QuietServer, server).header_timeout = self.header_timeout
        return server


def _runner(app: web.Application, header_timeout: float) -> Runner:
    return Runner(
        app,
        header_timeout=header_timeout,
        access_log_class=AccessLogger,
        access_log=_LOGGER,
        shutdown_timeout=1,
        keepalive_timeout=KEEPALIVE_TIMEOUT,
    )


@asynccontextmanager
async def serving(
    app: web.Application,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    header_timeout: float = DEFAULT_HEADER_TIMEOUT,
) -> AsyncIterator[str]:
    """Serve ``app``; yield its base URL (``port=0`` picks a free port)."""
    if not header_timeout > 0:
        raise ValueError("header_timeout must be positive")
    runner = _runner(app, header_timeout)
    await runner.setup()
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    try:
        site = web.SockSite(runner, sock)
        await site.start()
        bound = sock.getsockname()
        name = f"[{bound[0]}]" if ":" in bound[0] else bound[0]
        yield f"http://{name}:{bound[1]}"
    finally:
        await runner.cleanup()
        sock.close()
