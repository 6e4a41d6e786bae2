"""What the hub API and the management API share: errors, tokens, bodies, paging.

Rules:

* Every error is JSON ``{"error", "message"}`` (plus ``errors`` by item); a
  message never repeats a token, install code or key.
* Tokens come only in the ``Authorization: Bearer`` header. A request that
  carries one in the query string is refused (it would land in access logs).
* Bodies are read with an explicit size limit and parsed so that only
  :class:`BodyError` can come out (deep nesting, huge integers, bad encodings
  included).
* A body must arrive within the application's body timeout (``BODY_TIMEOUT_KEY``,
  counted from the first read); a slower one answers 408 and the connection
  is closed.
* ``limit`` is ASCII digits without sign, spaces or padding; ``cursor`` matches
  the documented pattern and is re-encoded before it is ever echoed (ETag).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import re
from typing import Any

from aiohttp import web

from provisioning_server.store import ADMIN_TOKEN_PREFIX, TOKEN_PREFIX, AsyncStore
from provisioning_server.validation import (
    DeviceRecord,
    ValidationError,
    normalize_device_id,
)

from .longpoll import Broker
from .serving import QuietRequestHandler

STORE_KEY = web.AppKey("store", AsyncStore)
BROKER_KEY = web.AppKey("broker", Broker)
PAGE_SIZE_KEY = web.AppKey("page_size", int)
MAX_WAIT_KEY = web.AppKey("max_wait", int)
BODY_TIMEOUT_KEY = web.AppKey("body_timeout", float)
DEFAULT_BODY_TIMEOUT = 60.0

JSON_TYPE = "application/json"
CSV_TYPE = "text/csv"
DEFAULT_PAGE_SIZE = 1000
MAX_PAGE_SIZE = 5000
CURSOR_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")
LIMIT_RE = re.compile(r"[1-9][0-9]{0,3}")
QUERY_TOKEN_NAMES = frozenset({"access_token", "token", "bearer", "auth"})


class BodyError(Exception):
    """A request body cannot be used; carries the response to send."""

    def __init__(self, response: web.Response) -> None:
        """Keep the response."""
        super().__init__(response.status)
        self.response = response


def error(status: int, code: str, message: str, **extra: Any) -> web.Response:
    """Return a JSON error response."""
    headers = {}
    if status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="provisioning"'
        if code == "invalid_token":
            headers["WWW-Authenticate"] += ', error="invalid_token"'
    return web.json_response(
        {"error": code, "message": message, **extra}, status=status, headers=headers
    )


def dumps(value: Any) -> str:
    """Compact JSON."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def bearer_token(request: web.Request) -> str | None:
    """Return the bearer token of the request, or None."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        return None
    return token


def token_in_query(request: web.Request) -> bool:
    """Whether the query string seems to carry a token."""
    return any(
        key.lower() in QUERY_TOKEN_NAMES
        or value.startswith((TOKEN_PREFIX, ADMIN_TOKEN_PREFIX))
        for key, value in request.query.items()
    )


def parse_limit(text: str | None, default: int) -> int:
    """Return the page size asked for; ValidationError when malformed."""
    if text is None:
        return default
    if not LIMIT_RE.fullmatch(text) or int(text) > MAX_PAGE_SIZE:
        raise ValidationError(f"limit must be between 1 and {MAX_PAGE_SIZE}")
    return int(text)


def encode_cursor(ieee: str) -> str:
    """Return the cursor that continues after ``ieee``."""
    return base64.urlsafe_b64encode(ieee.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> str:
    """Return the device id (IEEE address or masked DSK) a cursor continues after."""
    if not CURSOR_RE.fullmatch(cursor):
        raise ValidationError("cursor is not valid")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        ieee = normalize_device_id(raw.decode("ascii"))
    except binascii.Error, UnicodeDecodeError, ValueError:
        raise ValidationError("cursor is not valid") from None
    if encode_cursor(ieee) != cursor:
        raise ValidationError("cursor is not valid")
    return ieee


async def read_body(request: web.Request, limit: int) -> bytes:
    """Read the body, at most ``limit`` bytes (else 413), in time (else 408)."""
    too_large = BodyError(error(413, "too_large", f"at most {limit} bytes"))
    if request.content_length is not None and request.content_length > limit:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    seconds = request.app.get(BODY_TIMEOUT_KEY, DEFAULT_BODY_TIMEOUT)
    try:
        async with asyncio.timeout(seconds):
            async for chunk in request.content.iter_any():
                size += len(chunk)
                if size > limit:
                    raise too_large
                chunks.append(chunk)
    except TimeoutError:
        response = error(
            408, "request_timeout", f"the body did not arrive within {seconds:g} s"
        )
        response.force_close()
        if isinstance(request.protocol, QuietRequestHandler):
            request.protocol.close_without_lingering()
        raise BodyError(response) from None
    return b"".join(chunks)


async def read_json(request: web.Request, limit: int) -> Any:
    """Read and parse a JSON body; BodyError for anything unusable."""
    if request.content_type != JSON_TYPE:
        raise BodyError(error(415, "unsupported_media_type", "send application/json"))
    raw = await read_body(request, limit)
    try:
        return json.loads(raw.decode(request.charset or "utf-8"))
    except UnicodeDecodeError, LookupError, ValueError, RecursionError:
        # ValueError covers JSONDecodeError and integers with too many digits.
        raise BodyError(error(400, "invalid_body", "body is not valid JSON")) from None


def zwave_device_json(device: DeviceRecord) -> dict[str, Any]:
    """A Z-Wave device as its hub receives it, the full DSK included."""
    data: dict[str, Any] = {
        "technology": "zwave",
        "dsk": device.dsk,
        "security_classes": device.class_names,
        "zwave_protocol": device.zwave_protocol,
    }
    if device.manufacturer_id is not None:
        data["product"] = {
            "manufacturer_id": device.manufacturer_id,
            "product_type": device.product_type,
            "product_id": device.product_id,
        }
    for key in ("name", "area", "manufacturer", "model"):
        if (value := getattr(device, key)) is not None:
            data[key] = value
    data["state"] = device.state
    return data
