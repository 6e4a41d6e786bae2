"""The aiohttp application: hub endpoints, management API, health check.

Rules:

* ``create_app`` takes any :class:`~provisioning_server.store.AsyncStore`, or
  the synchronous SQLite :class:`~provisioning_server.store.Store` (wrapped).
  The application never closes a store it was given; its owner does.
* While it runs, the store's watcher feeds the long-poll broker; at shutdown
  waiting long polls are released first.
* Routing errors and refused requests answer in JSON as well.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

from aiohttp import web

from provisioning_server import __version__
from provisioning_server.store import AsyncStore, SqliteAsyncStore, Store

from . import admin, hub
from .common import (
    BODY_TIMEOUT_KEY,
    BROKER_KEY,
    DEFAULT_BODY_TIMEOUT,
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    MAX_WAIT_KEY,
    PAGE_SIZE_KEY,
    STORE_KEY,
    error,
    token_in_query,
)
from .longpoll import Broker

DEFAULT_MAX_WAIT = 60
MAX_MAX_WAIT = 3600
# Bodies are read with per-endpoint limits; this only bounds aiohttp's own reader.
CLIENT_MAX_SIZE = admin.MAX_ADMIN_BODY

__all__ = [
    "DEFAULT_BODY_TIMEOUT",
    "DEFAULT_MAX_WAIT",
    "DEFAULT_PAGE_SIZE",
    "MAX_PAGE_SIZE",
    "create_app",
]

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def json_errors_middleware(
    request: web.Request, handler: Handler
) -> web.StreamResponse:
    """Answer routing errors (unknown paths, wrong methods) in JSON too."""
    try:
        return await handler(request)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status, "error")
        return web.json_response(
            {"error": code, "message": exc.reason},
            status=exc.status,
            headers={k: v for k, v in exc.headers.items() if k == "Allow"},
        )


@web.middleware
async def no_token_in_query_middleware(
    request: web.Request, handler: Handler
) -> web.StreamResponse:
    """Refuse tokens in the query string: send them in the Authorization header."""
    if token_in_query(request):
        return error(
            400,
            "token_in_query",
            "send the token in the Authorization header, never in the URL",
        )
    return await handler(request)


async def healthz(request: web.Request) -> web.Response:
    """GET /healthz."""
    return web.json_response({"status": "ok", "version": __version__})


def create_app(
    store: AsyncStore | Store,
    *,
    page_size: int = DEFAULT_PAGE_SIZE,
    max_wait: int = DEFAULT_MAX_WAIT,
    body_timeout: float = DEFAULT_BODY_TIMEOUT,
) -> web.Application:
    """Return the application serving ``store``.

    ``body_timeout``: seconds a request body may take to arrive (408 after).
    """
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise ValueError(f"page_size must be between 1 and {MAX_PAGE_SIZE}")
    if not 1 <= max_wait <= MAX_MAX_WAIT:
        raise ValueError(f"max_wait must be between 1 and {MAX_MAX_WAIT}")
    if not body_timeout > 0:
        raise ValueError("body_timeout must be positive")
    app = web.Application(
        client_max_size=CLIENT_MAX_SIZE,
        middlewares=[
            json_errors_middleware,
            no_token_in_query_middleware,
            admin.admin_auth_middleware,
        ],
    )
    wrapper: SqliteAsyncStore | None = None
    if isinstance(store, Store):
        wrapper = SqliteAsyncStore(store, owned=False)
        store = wrapper
    app[STORE_KEY] = store
    app[PAGE_SIZE_KEY] = page_size
    app[MAX_WAIT_KEY] = max_wait
    app[BODY_TIMEOUT_KEY] = body_timeout
    broker = app[BROKER_KEY] = Broker()

    async def watch_context(app: web.Application) -> AsyncIterator[None]:
        stop = await app[STORE_KEY].watch(broker.notify, broker.active)
        yield
        await stop()
        if wrapper is not None:
            await wrapper.close()

    async def release_waiters(app: web.Application) -> None:
        broker.close()

    app.cleanup_ctx.append(watch_context)
    app.on_shutdown.append(release_waiters)
    app.router.add_get("/healthz", healthz)
    hub.add_routes(app)
    admin.add_routes(app)
    return app
