"""Serving the application without leaking tokens through errors or logs.

Rules:

* The access log shows the path without its query string.
* A request the HTTP parser rejects (a header longer than 8 KiB, a bad request
  line) answers a fixed JSON 400. aiohttp's own answer and log quote the
  offending bytes, which may be an ``Authorization`` header.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
import logging
import socket
from typing import Any

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.web_protocol import RequestHandler

_LOGGER = logging.getLogger("provisioning_server.access")
BAD_REQUEST_BODY = '{"error":"bad_request","message":"the HTTP request is malformed"}'


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
            request.path,
            response.status,
            response.body_length,
            time,
        )


class _QuietRequestHandler(RequestHandler):
    __slots__ = ()

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
    def __call__(self) -> RequestHandler:
        return _QuietRequestHandler(self, loop=self._loop, **self._kwargs)


class Runner(web.AppRunner):
    """An :class:`aiohttp.web.AppRunner` whose parser errors do not echo input."""

    async def _make_server(self) -> web.Server:
        server = await super()._make_server()
        server.__class__ = _QuietServer
        return server


def _runner(app: web.Application) -> Runner:
    return Runner(
        app, access_log_class=AccessLogger, access_log=_LOGGER, shutdown_timeout=1
    )


@asynccontextmanager
async def serving(
    app: web.Application, host: str = "127.0.0.1", port: int = 0
) -> AsyncIterator[str]:
    """Serve ``app``; yield its base URL (``port=0`` picks a free port)."""
    runner = _runner(app)
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
