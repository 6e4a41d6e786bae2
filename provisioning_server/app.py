"""aiohttp application serving the provisioning wire contract (v1)."""

from __future__ import annotations

import asyncio
import base64
import binascii
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
import functools
import json
import logging
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from provisioning_server import __version__
from provisioning_server.store import HubInfo, Store, StoreError
from provisioning_server.validation import (
    DeviceRecord,
    ValidationError,
    event_from_json,
    normalize_ieee,
)

_LOGGER = logging.getLogger(__name__)

DEFAULT_PAGE_SIZE = 1000
MAX_PAGE_SIZE = 5000
MAX_EVENTS_PER_REQUEST = 1000
MAX_EVENTS_BODY = 1024 * 1024

STORE_KEY = web.AppKey("store", Store)
EXECUTOR_KEY = web.AppKey("executor", ThreadPoolExecutor)
PAGE_SIZE_KEY = web.AppKey("page_size", int)

JSON_TYPE = "application/json"


def _error(status: int, code: str, message: str, **extra: Any) -> web.Response:
    headers = {}
    if status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="provisioning"'
        if code == "invalid_token":
            headers["WWW-Authenticate"] += ', error="invalid_token"'
    return web.json_response(
        {"error": code, "message": message, **extra}, status=status, headers=headers
    )


async def _run[T](request: web.Request, func: Callable[..., T], *args: Any) -> T:
    """Run blocking store work in the application's database thread."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(
        request.app[EXECUTOR_KEY], functools.partial(func, *args)
    )


async def _authorize(request: web.Request) -> str | web.Response:
    """Return the requested hub id, or the error response to send."""
    hub_id = request.match_info["hub_id"]
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        return _error(401, "unauthorized", "a bearer token is required")
    store = request.app[STORE_KEY]
    token_hub = await _run(request, store.authenticate, token)
    if token_hub is None:
        return _error(401, "invalid_token", "the token is not valid")
    if token_hub != hub_id:
        if await _run(request, store.get_hub, hub_id) is None:
            return _error(404, "unknown_hub", "no such hub")
        return _error(403, "forbidden", "the token does not belong to this hub")
    return hub_id


def _device_json(device: DeviceRecord) -> dict[str, Any]:
    data: dict[str, Any] = {"ieee": device.ieee}
    if device.install_code is not None:
        data["install_code"] = device.install_code
    if device.link_key is not None:
        data["link_key"] = device.link_key
    for key in ("name", "area", "manufacturer", "model"):
        if (value := getattr(device, key)) is not None:
            data[key] = value
    data["state"] = device.state
    return data


def _encode_cursor(ieee: str) -> str:
    return base64.urlsafe_b64encode(ieee.encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> str:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        return normalize_ieee(raw.decode("ascii"))
    except binascii.Error, UnicodeDecodeError, ValueError:
        raise ValidationError("cursor is not valid") from None


def _etag_matches(header: str, etag: str) -> bool:
    """Weak comparison of If-None-Match against an entity tag (RFC 9110)."""
    if header.strip() == "*":
        return True
    opaque = etag.removeprefix("W/")
    return any(
        candidate.strip().removeprefix("W/") == opaque
        for candidate in header.split(",")
    )


def _page_etag(hub: HubInfo, cursor: str | None, limit: int, default: int) -> str:
    if cursor is None and limit == default:
        return hub.etag
    return f'"{hub.etag_salt}-{hub.revision}-{cursor or ""}-{limit}"'


async def get_devices(request: web.Request) -> web.Response:
    """GET /v1/hubs/{hub_id}/devices."""
    authorized = await _authorize(request)
    if isinstance(authorized, web.Response):
        return authorized
    hub_id = authorized
    default_limit = request.app[PAGE_SIZE_KEY]
    cursor = request.query.get("cursor")
    try:
        limit_text = request.query.get("limit")
        limit = default_limit if limit_text is None else int(limit_text)
        if not 1 <= limit <= MAX_PAGE_SIZE:
            raise ValueError
    except ValueError:
        return _error(
            400, "invalid_request", f"limit must be between 1 and {MAX_PAGE_SIZE}"
        )
    try:
        after = None if cursor is None else _decode_cursor(cursor)
    except ValidationError as err:
        return _error(400, "invalid_request", str(err))
    store = request.app[STORE_KEY]
    try:
        hub, devices, more = await _run(
            request,
            functools.partial(store.list_devices, hub_id, after=after, limit=limit),
        )
    except StoreError:
        return _error(404, "unknown_hub", "no such hub")
    etag = _page_etag(hub, cursor, limit, default_limit)
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match and _etag_matches(if_none_match, etag):
        return web.Response(status=304, headers=headers)
    next_ref = None
    if more and devices:
        next_query = {"cursor": _encode_cursor(devices[-1].ieee)}
        if limit != default_limit:
            next_query["limit"] = str(limit)
        # Relative to the current page's URL, so it survives reverse proxies.
        next_ref = "devices?" + urlencode(next_query)
    body = {
        "hub_id": hub.hub_id,
        "revision": hub.revision,
        "devices": [_device_json(device) for device in devices],
        "next": next_ref,
    }
    return web.json_response(body, headers=headers, dumps=_dumps)


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


async def post_events(request: web.Request) -> web.Response:
    """POST /v1/hubs/{hub_id}/events."""
    authorized = await _authorize(request)
    if isinstance(authorized, web.Response):
        return authorized
    hub_id = authorized
    if request.content_type != JSON_TYPE:
        return _error(415, "unsupported_media_type", "send application/json")
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        return _error(413, "too_large", f"at most {MAX_EVENTS_BODY} bytes")
    try:
        body = json.loads(raw.decode(request.charset or "utf-8"))
    except UnicodeDecodeError, LookupError, json.JSONDecodeError:
        return _error(400, "invalid_body", "body is not valid JSON")
    if not isinstance(body, list):
        return _error(400, "invalid_body", "body must be an array of events")
    if len(body) > MAX_EVENTS_PER_REQUEST:
        return _error(
            400, "invalid_body", f"at most {MAX_EVENTS_PER_REQUEST} events per request"
        )
    events = []
    errors = []
    for index, item in enumerate(body):
        try:
            events.append(event_from_json(item))
        except ValidationError as err:
            errors.append({"index": index, "message": str(err)})
    if errors:
        return _error(400, "invalid_body", "some events are not valid", errors=errors)
    store = request.app[STORE_KEY]
    try:
        accepted = await _run(request, store.record_events, hub_id, events)
    except StoreError:
        return _error(404, "unknown_hub", "no such hub")
    return web.json_response({"accepted": accepted})


@web.middleware
async def json_errors_middleware(
    request: web.Request,
    handler: Callable[[web.Request], Awaitable[web.StreamResponse]],
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


async def healthz(request: web.Request) -> web.Response:
    """GET /healthz."""
    return web.json_response({"status": "ok", "version": __version__})


def create_app(store: Store, *, page_size: int = DEFAULT_PAGE_SIZE) -> web.Application:
    """Return the application serving ``store``.

    The store is not closed when the application shuts down; its owner does that.
    """
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise ValueError(f"page_size must be between 1 and {MAX_PAGE_SIZE}")
    app = web.Application(
        client_max_size=MAX_EVENTS_BODY, middlewares=[json_errors_middleware]
    )
    app[STORE_KEY] = store
    app[PAGE_SIZE_KEY] = page_size

    async def executor_context(app: web.Application) -> AsyncIterator[None]:
        executor = ThreadPoolExecutor(1, thread_name_prefix="provisioning-db")
        app[EXECUTOR_KEY] = executor
        yield
        executor.shutdown(wait=True)

    app.cleanup_ctx.append(executor_context)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/v1/hubs/{hub_id:[^/]+}/devices", get_devices)
    app.router.add_post("/v1/hubs/{hub_id:[^/]+}/events", post_events)
    return app
