"""The hub endpoints: ``GET /v1/hubs/{hub_id}/devices`` and ``POST .../events``.

Rules:

* Only hub tokens authenticate here, and only for their own hub; an admin
  token is not a hub token (401), so it can never fetch device keys.
* ``If-None-Match`` is answered from the hub's revision before any device is
  read: a 304 costs one indexed row, however long the list.
* Every response of ``GET .../devices`` (200 and 304) carries
  ``Provisioning-Long-Poll: max-wait=N``. With ``wait=S`` (1..N, no
  ``cursor``) and a current ``If-None-Match``, the request is held until the
  revision changes (200, first page) or S seconds pass (304).
* Technologies (API 1.2): a hub names what it can take in the request header
  ``Provisioning-Technologies`` (comma-separated tokens, case-insensitive;
  unknown ones ignored). Without it the answer is API 1.1's, byte for byte:
  Zigbee devices only, the same objects and the same ETag. With it, the
  devices of the named technologies, each with ``technology``; the ETag
  names the technology set. Every ``GET .../devices`` answer says what the
  server supports (``Provisioning-Technologies: zigbee, zwave``) and
  ``Vary: Provisioning-Technologies``.
* A Z-Wave device goes to its hub with the full DSK (the hub provisions it);
  a Z-Wave event names the device by its masked DSK. An event carrying a full
  DSK is refused (400): the PIN never lands in the event log.
* Events whose body is malformed in any way answer 400, never 500.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from provisioning_server.store import HubInfo, UnknownHubError
from provisioning_server.validation import (
    DeviceRecord,
    ValidationError,
    event_from_json,
)

from .common import (
    BROKER_KEY,
    MAX_WAIT_KEY,
    PAGE_SIZE_KEY,
    STORE_KEY,
    BodyError,
    bearer_token,
    decode_cursor,
    dumps,
    encode_cursor,
    error,
    parse_limit,
    read_json,
    zwave_device_json,
)

MAX_EVENTS_PER_REQUEST = 1000
MAX_EVENTS_BODY = 1024 * 1024
LONG_POLL_HEADER = "Provisioning-Long-Poll"
TECHNOLOGIES_HEADER = "Provisioning-Technologies"
SUPPORTED_TECHNOLOGIES = ("zigbee", "zwave")
API_1_1_TECHNOLOGIES = ("zigbee",)


def requested_technologies(request: web.Request) -> tuple[str, ...] | None:
    """The technologies a hub asked for, in the server's order; None: API 1.1."""
    values = request.headers.getall(TECHNOLOGIES_HEADER, [])
    if not values:
        return None
    tokens = {token.strip().lower() for value in values for token in value.split(",")}
    return tuple(name for name in SUPPORTED_TECHNOLOGIES if name in tokens)


async def authorize(request: web.Request) -> str | web.Response:
    """Return the requested hub id, or the error response to send."""
    hub_id = request.match_info["hub_id"]
    token = bearer_token(request)
    if token is None:
        return error(401, "unauthorized", "a bearer token is required")
    store = request.app[STORE_KEY]
    token_hub = await store.authenticate(token)
    if token_hub is None:
        return error(401, "invalid_token", "the token is not valid")
    if token_hub != hub_id:
        if await store.get_hub(hub_id) is None:
            return error(404, "unknown_hub", "no such hub")
        return error(403, "forbidden", "the token does not belong to this hub")
    return hub_id


def device_json(device: DeviceRecord, *, technology: bool = False) -> dict[str, Any]:
    """The device as the hub receives it, keys included.

    ``technology``: the hub asked for technologies (API 1.2), so Zigbee
    devices say ``"technology": "zigbee"`` too.
    """
    if device.technology == "zwave":
        return zwave_device_json(device)
    data: dict[str, Any] = {"technology": "zigbee"} if technology else {}
    data["ieee"] = device.ieee
    if device.install_code is not None:
        data["install_code"] = device.install_code
    if device.link_key is not None:
        data["link_key"] = device.link_key
    for key in ("name", "area", "manufacturer", "model"):
        if (value := getattr(device, key)) is not None:
            data[key] = value
    data["state"] = device.state
    return data


def etag_matches(header: str, etag: str) -> bool:
    """Weak comparison of If-None-Match against an entity tag (RFC 9110)."""
    if header.strip() == "*":
        return True
    opaque = etag.removeprefix("W/")
    return any(
        candidate.strip().removeprefix("W/") == opaque
        for candidate in header.split(",")
    )


def page_etag(
    hub: HubInfo,
    cursor: str | None,
    limit: int,
    default: int,
    technologies: tuple[str, ...] | None = None,
) -> str:
    """ETag of a page; ``cursor`` must have been validated.

    API 1.1's tags are unchanged; a technology set adds ``;t=zigbee+zwave``.
    """
    if cursor is None and limit == default:
        etag = hub.etag
    else:
        etag = f'"{hub.etag_salt}-{hub.revision}-{cursor or ""}-{limit}"'
    if technologies is None:
        return etag
    return f'{etag[:-1]};t={"+".join(technologies)}"'


def _parse_wait(text: str | None, max_wait: int) -> int | None:
    if text is None:
        return None
    if not text.isascii() or not text.isdigit() or text.startswith("0"):
        raise ValidationError(f"wait must be an integer between 1 and {max_wait}")
    if not 1 <= int(text) <= max_wait:
        raise ValidationError(f"wait must be an integer between 1 and {max_wait}")
    return int(text)


async def get_devices(request: web.Request) -> web.Response:
    """GET /v1/hubs/{hub_id}/devices."""
    authorized = await authorize(request)
    if isinstance(authorized, web.Response):
        return authorized
    hub_id = authorized
    app = request.app
    default_limit = app[PAGE_SIZE_KEY]
    max_wait = app[MAX_WAIT_KEY]
    cursor = request.query.get("cursor")
    technologies = requested_technologies(request)
    try:
        limit = parse_limit(request.query.get("limit"), default_limit)
        after = None if cursor is None else decode_cursor(cursor)
        wait = _parse_wait(request.query.get("wait"), max_wait)
        if wait is not None and cursor is not None:
            raise ValidationError("wait cannot be combined with cursor")
    except ValidationError as err:
        return error(400, "invalid_request", str(err))
    store = app[STORE_KEY]
    headers = {
        "Cache-Control": "no-cache",
        LONG_POLL_HEADER: f"max-wait={max_wait}",
        TECHNOLOGIES_HEADER: ", ".join(SUPPORTED_TECHNOLOGIES),
        "Vary": TECHNOLOGIES_HEADER,
    }
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match:
        hub = await store.get_hub(hub_id)
        if hub is None:
            return error(404, "unknown_hub", "no such hub")
        etag = page_etag(hub, cursor, limit, default_limit, technologies)
        if etag_matches(if_none_match, etag):
            if wait is None:
                return web.Response(status=304, headers={**headers, "ETag": etag})
            changed = await app[BROKER_KEY].wait_for_change(
                hub_id, hub.revision, wait, lambda: store.get_hub(hub_id)
            )
            if changed is None:
                return web.Response(status=304, headers={**headers, "ETag": etag})
    try:
        hub, devices, more = await store.list_devices(
            hub_id,
            after=after,
            limit=limit,
            technologies=API_1_1_TECHNOLOGIES if technologies is None else technologies,
        )
    except UnknownHubError:
        return error(404, "unknown_hub", "no such hub")
    etag = page_etag(hub, cursor, limit, default_limit, technologies)
    headers["ETag"] = etag
    if if_none_match and etag_matches(if_none_match, etag):
        return web.Response(status=304, headers=headers)
    next_ref = None
    if more and devices:
        next_query = {"cursor": encode_cursor(devices[-1].ieee)}
        if limit != default_limit:
            next_query["limit"] = str(limit)
        # Relative to the current page's URL, so it survives reverse proxies.
        next_ref = "devices?" + urlencode(next_query)
    body = {
        "hub_id": hub.hub_id,
        "revision": hub.revision,
        "devices": [
            device_json(device, technology=technologies is not None)
            for device in devices
        ],
        "next": next_ref,
    }
    return web.json_response(body, headers=headers, dumps=dumps)


async def post_events(request: web.Request) -> web.Response:
    """POST /v1/hubs/{hub_id}/events."""
    authorized = await authorize(request)
    if isinstance(authorized, web.Response):
        return authorized
    hub_id = authorized
    try:
        body = await read_json(request, MAX_EVENTS_BODY)
    except BodyError as err:
        return err.response
    if not isinstance(body, list):
        return error(400, "invalid_body", "body must be an array of events")
    if len(body) > MAX_EVENTS_PER_REQUEST:
        return error(
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
        return error(400, "invalid_body", "some events are not valid", errors=errors)
    try:
        accepted = await request.app[STORE_KEY].record_events(hub_id, events)
    except UnknownHubError:
        return error(404, "unknown_hub", "no such hub")
    return web.json_response({"accepted": accepted})


def add_routes(app: web.Application) -> None:
    """Register the hub endpoints."""
    app.router.add_get("/v1/hubs/{hub_id:[^/]+}/devices", get_devices)
    app.router.add_post("/v1/hubs/{hub_id:[^/]+}/events", post_events)
