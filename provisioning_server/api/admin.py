"""The management API (``/v1/admin/...``) for a supplier's or BMS's own systems.

Rules:

* Only admin tokens (``pva_...``, created with ``admin-token add``) authenticate
  here; a hub token never does (401).
* Device keys go in, never out: listings say ``key_type`` (``install_code``,
  ``link_key`` or ``dsk``), not the key. A Z-Wave device (``technology``
  ``zwave``, added by ``qr_code`` or ``dsk`` + ``security_classes``) shows
  and is addressed by its masked DSK (``xxxxx-...``); its PIN, the DSK's
  first group, is in no response. A path holding a full DSK is refused.
* A Z-Wave DSK whose last seven groups a device of the hub already has, with
  another PIN, is refused (409 ``dsk_conflict``); nothing is written.
* Devices are validated exactly as by the CLI import. Bulk requests (JSON
  array or ``text/csv``) are all or nothing: any bad item answers 400 with
  ``errors`` by ``index`` (JSON) or ``line`` (CSV), and nothing is written.
* Every change wakes this instance's long polls at once; other instances learn
  of it through the store's watcher.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from provisioning_server.store import (
    AdminTokenInfo,
    HubInfo,
    ImportResult,
    ItemsError,
    RevokeResult,
    StoreError,
    TokenInfo,
    UnknownHubError,
)
from provisioning_server.validation import (
    TECHNOLOGIES,
    DeviceRecord,
    ValidationError,
    decode_csv_bytes,
    device_from_json,
    normalize_device_id,
    parse_devices_csv,
    validate_hub_id,
)
from provisioning_server.zwave import is_masked_dsk

from .common import (
    BROKER_KEY,
    CSV_TYPE,
    JSON_TYPE,
    PAGE_SIZE_KEY,
    STORE_KEY,
    BodyError,
    bearer_token,
    decode_cursor,
    dumps,
    encode_cursor,
    error,
    parse_limit,
    read_body,
    read_json,
    zwave_device_json,
)

MAX_ADMIN_BODY = 16 * 1024 * 1024
MAX_BULK_ITEMS = 50_000
PREFIX = "/v1/admin"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _hub_json(hub: HubInfo) -> dict[str, Any]:
    return {
        "hub_id": hub.hub_id,
        "revision": hub.revision,
        "created_at": hub.created_at,
    }


def _token_json(info: TokenInfo | AdminTokenInfo) -> dict[str, Any]:
    return {
        "token_id": info.token_id,
        "hint": info.hint,
        "label": info.label,
        "created_at": info.created_at,
    }


def _zwave_json(device: DeviceRecord) -> dict[str, Any]:
    """A Z-Wave device as the management API shows it: its DSK masked."""
    shown = {
        key: value
        for key, value in zwave_device_json(device).items()
        if key not in ("technology", "dsk")
    }
    return {
        "technology": "zwave",
        "id": device.ieee,
        "dsk": device.ieee,
        "key_type": "dsk",
    } | shown


def _device_json(device: DeviceRecord) -> dict[str, Any]:
    if device.technology == "zwave":
        return _zwave_json(device)
    data: dict[str, Any] = {
        "ieee": device.ieee,
        "key_type": "install_code" if device.install_code else "link_key",
    }
    for key in ("name", "area", "manufacturer", "model"):
        if (value := getattr(device, key)) is not None:
            data[key] = value
    data["state"] = device.state
    return data


def _import_json(result: ImportResult) -> dict[str, Any]:
    return {
        "added": result.added,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "revision": result.revision,
    }


def _revoke_json(result: RevokeResult) -> dict[str, Any]:
    return {
        "revoked": result.revoked,
        "unchanged": result.unchanged,
        "revision": result.revision,
    }


def _unknown_hub() -> web.Response:
    return error(404, "unknown_hub", "no such hub")


def _hub_id(request: web.Request) -> str:
    return request.match_info["hub_id"]


def _ieee(request: web.Request) -> str:
    """The device id of the path: an IEEE address or a masked DSK."""
    return normalize_device_id(request.match_info["device_id"])


def _conflict(err: ItemsError, lines: list[int] | None = None) -> web.Response:
    if lines is None:
        errors = [{"index": index, "message": msg} for index, msg in err.errors]
    else:
        errors = [{"line": lines[index], "message": msg} for index, msg in err.errors]
    return error(
        409,
        "dsk_conflict",
        "a DSK differs from the one the hub lists for the device; nothing was changed",
        errors=errors,
    )


def _changed(request: web.Request, hub_id: str) -> None:
    """Wake this instance's long polls now (others learn through the store)."""
    request.app[BROKER_KEY].notify(hub_id)


@web.middleware
async def admin_auth_middleware(
    request: web.Request, handler: Handler
) -> web.StreamResponse:
    """Require an admin token on every management endpoint."""
    if not request.path.startswith(PREFIX + "/"):
        return await handler(request)
    token = bearer_token(request)
    if token is None:
        return error(401, "unauthorized", "an admin bearer token is required")
    if await request.app[STORE_KEY].authenticate_admin(token) is None:
        return error(401, "invalid_token", "the token is not a valid admin token")
    try:
        return await handler(request)
    except BodyError as err:
        return err.response
    except ValidationError as err:
        return error(400, "invalid_request", str(err))
    except UnknownHubError:
        return _unknown_hub()


async def list_hubs(request: web.Request) -> web.Response:
    """GET /v1/admin/hubs."""
    hubs = await request.app[STORE_KEY].list_hubs()
    return web.json_response({"hubs": [_hub_json(hub) for hub in hubs]})


async def create_hub(request: web.Request) -> web.Response:
    """POST /v1/admin/hubs."""
    body = await read_json(request, MAX_ADMIN_BODY)
    hub_id = body.get("hub_id") if isinstance(body, dict) else None
    if not isinstance(hub_id, str):
        return error(400, "invalid_body", 'body must be {"hub_id": "..."}')
    validate_hub_id(hub_id)
    try:
        hub = await request.app[STORE_KEY].add_hub(hub_id)
    except StoreError:
        return error(409, "conflict", "the hub already exists")
    return web.json_response(_hub_json(hub), status=201)


async def get_hub(request: web.Request) -> web.Response:
    """GET /v1/admin/hubs/{hub_id}."""
    hub = await request.app[STORE_KEY].get_hub(_hub_id(request))
    return _unknown_hub() if hub is None else web.json_response(_hub_json(hub))


async def list_tokens(request: web.Request) -> web.Response:
    """GET /v1/admin/hubs/{hub_id}/tokens."""
    tokens = await request.app[STORE_KEY].list_tokens(_hub_id(request))
    return web.json_response({"tokens": [_token_json(info) for info in tokens]})


async def create_token(request: web.Request) -> web.Response:
    """POST /v1/admin/hubs/{hub_id}/tokens: the token is in this answer only."""
    body = await read_json(request, MAX_ADMIN_BODY)
    label = body.get("label") if isinstance(body, dict) else None
    if not isinstance(body, dict) or not isinstance(label, str | None):
        return error(400, "invalid_body", 'body must be {"label": "..."} or {}')
    if label is not None and len(label) > 255:
        return error(400, "invalid_body", "label is longer than 255 characters")
    info, token = await request.app[STORE_KEY].add_token(_hub_id(request), label)
    return web.json_response({**_token_json(info), "token": token}, status=201)


async def delete_token(request: web.Request) -> web.Response:
    """DELETE /v1/admin/hubs/{hub_id}/tokens/{token_id}."""
    store = request.app[STORE_KEY]
    hub_id = _hub_id(request)
    if await store.get_hub(hub_id) is None:
        return _unknown_hub()
    text = request.match_info["token_id"]
    if not (text.isascii() and text.isdigit() and len(text) < 19) or not (
        await store.remove_token(hub_id, int(text))
    ):
        return error(404, "unknown_token", "no such token for this hub")
    return web.Response(status=204)


async def list_devices(request: web.Request) -> web.Response:
    """GET /v1/admin/hubs/{hub_id}/devices: one page, without keys."""
    default = request.app[PAGE_SIZE_KEY]
    limit = parse_limit(request.query.get("limit"), default)
    cursor = request.query.get("cursor")
    after = None if cursor is None else decode_cursor(cursor)
    technology = request.query.get("technology")
    if technology is not None and technology not in TECHNOLOGIES:
        raise ValidationError(f"technology must be one of {', '.join(TECHNOLOGIES)}")
    hub, devices, more = await request.app[STORE_KEY].list_devices(
        _hub_id(request),
        after=after,
        limit=limit,
        technologies=None if technology is None else (technology,),
    )
    next_ref = None
    if more and devices:
        query = {"cursor": encode_cursor(devices[-1].ieee)}
        if limit != default:
            query["limit"] = str(limit)
        if technology is not None:
            query["technology"] = technology
        next_ref = "devices?" + urlencode(query)
    return web.json_response(
        {
            "hub_id": hub.hub_id,
            "revision": hub.revision,
            "devices": [_device_json(device) for device in devices],
            "next": next_ref,
        },
        dumps=dumps,
    )


def _json_devices(body: list[Any]) -> tuple[list[DeviceRecord], list[dict[str, Any]]]:
    """Validate every device of a JSON body; errors by index."""
    devices: list[DeviceRecord] = []
    errors: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(body):
        try:
            device = device_from_json(item)
        except ValidationError as err:
            errors.append({"index": index, "message": str(err)})
            continue
        if device.ieee in seen:
            errors.append(
                {"index": index, "message": f"duplicate of item {seen[device.ieee]}"}
            )
            continue
        seen[device.ieee] = index
        devices.append(device)
    return devices, errors


def _too_many() -> web.Response:
    return error(400, "invalid_body", f"at most {MAX_BULK_ITEMS} devices per request")


async def _parse_bulk(
    request: web.Request,
) -> tuple[list[DeviceRecord], list[int] | None] | web.Response:
    """Read and validate a bulk body; validation runs off the event loop.

    Returns the devices and, for CSV, the line of each.
    """
    if request.content_type == CSV_TYPE:
        raw = await read_body(request, MAX_ADMIN_BODY)
        text = await asyncio.to_thread(decode_csv_bytes, raw)
        parsed = await asyncio.to_thread(parse_devices_csv, text)
        if parsed.errors:
            return error(
                400,
                "invalid_body",
                "some lines are not valid; nothing was changed",
                errors=[{"line": line, "message": msg} for line, msg in parsed.errors],
            )
        if len(parsed.devices) > MAX_BULK_ITEMS:
            return _too_many()
        return parsed.devices, parsed.lines
    if request.content_type != JSON_TYPE:
        return error(415, "unsupported_media_type", "send application/json or text/csv")
    body = await read_json(request, MAX_ADMIN_BODY)
    if not isinstance(body, list):
        return error(400, "invalid_body", "body must be an array of devices")
    if len(body) > MAX_BULK_ITEMS:
        return _too_many()
    devices, errors = await asyncio.to_thread(_json_devices, body)
    if errors:
        return error(
            400,
            "invalid_body",
            "some devices are not valid; nothing was changed",
            errors=errors,
        )
    return devices, None


async def import_devices(request: web.Request) -> web.Response:
    """POST /v1/admin/hubs/{hub_id}/devices: add or update, all or nothing."""
    hub_id = _hub_id(request)
    store = request.app[STORE_KEY]
    if await store.get_hub(hub_id) is None:
        return _unknown_hub()
    parsed = await _parse_bulk(request)
    if isinstance(parsed, web.Response):
        return parsed
    devices, lines = parsed
    try:
        result = await store.import_devices(hub_id, devices)
    except ItemsError as err:
        return _conflict(err, lines)
    _changed(request, hub_id)
    return web.json_response(_import_json(result))


async def get_device(request: web.Request) -> web.Response:
    """GET /v1/admin/hubs/{hub_id}/devices/{device_id}."""
    hub_id = _hub_id(request)
    store = request.app[STORE_KEY]
    if await store.get_hub(hub_id) is None:
        return _unknown_hub()
    device = await store.get_device(hub_id, _ieee(request))
    if device is None:
        return error(404, "unknown_device", "the device is not provisioned")
    return web.json_response(_device_json(device))


async def put_device(request: web.Request) -> web.Response:
    """PUT /v1/admin/hubs/{hub_id}/devices/{device_id}: add or update one device."""
    hub_id = _hub_id(request)
    ieee = _ieee(request)
    body = await read_json(request, MAX_ADMIN_BODY)
    zwave = is_masked_dsk(ieee)
    if isinstance(body, dict) and not zwave:
        body = {"ieee": ieee, **body}
    elif isinstance(body, dict) and "technology" not in body:
        body = {"technology": "zwave", **body}
    device = device_from_json(body)
    if device.ieee != ieee:
        what = "the DSK" if zwave else "ieee"
        return error(400, "invalid_body", f"{what} differs from the path")
    try:
        result = await request.app[STORE_KEY].import_devices(hub_id, [device])
    except ItemsError as err:
        return _conflict(err)
    _changed(request, hub_id)
    return web.json_response(_import_json(result), status=201 if result.added else 200)


async def revoke_device(request: web.Request) -> web.Response:
    """DELETE /v1/admin/hubs/{hub_id}/devices/{device_id}: revoke one device."""
    hub_id = _hub_id(request)
    try:
        result = await request.app[STORE_KEY].revoke_devices(hub_id, [_ieee(request)])
    except ItemsError:
        return error(404, "unknown_device", "the device is not provisioned")
    _changed(request, hub_id)
    return web.json_response(_revoke_json(result))


async def revoke_devices(request: web.Request) -> web.Response:
    """POST /v1/admin/hubs/{hub_id}/devices/revoke: revoke many, all or nothing."""
    hub_id = _hub_id(request)
    body = await read_json(request, MAX_ADMIN_BODY)
    items = None
    if isinstance(body, dict) and len(body) == 1:
        items = body.get("ieee", body.get("ids"))
    if not isinstance(items, list) or len(items) > MAX_BULK_ITEMS:
        return error(
            400,
            "invalid_body",
            f'body must be {{"ieee": [...]}} or {{"ids": [...]}}'
            f" (at most {MAX_BULK_ITEMS})",
        )
    ieees: list[str] = []
    errors: list[dict[str, Any]] = []
    for index, item in enumerate(items):
        try:
            if not isinstance(item, str):
                raise ValidationError("ieee must be a string")
            ieees.append(normalize_device_id(item))
        except ValidationError as err:
            errors.append({"index": index, "message": str(err)})
    if not errors:
        try:
            result = await request.app[STORE_KEY].revoke_devices(hub_id, ieees)
        except ItemsError as err:
            errors = [{"index": index, "message": msg} for index, msg in err.errors]
    if errors:
        return error(
            400,
            "invalid_body",
            "some devices cannot be revoked; nothing was changed",
            errors=errors,
        )
    _changed(request, hub_id)
    return web.json_response(_revoke_json(result))


async def server_stats(request: web.Request) -> web.Response:
    """GET /v1/admin/stats: what this instance is doing now."""
    return web.json_response({"long_polls": request.app[BROKER_KEY].waiting})


async def device_status(request: web.Request) -> web.Response:
    """GET /v1/admin/hubs/{hub_id}/status: the hub's reports per device."""
    rows = await request.app[STORE_KEY].device_status(_hub_id(request))
    return web.json_response({"devices": [row.to_json() for row in rows]})


def add_routes(app: web.Application) -> None:
    """Register the management endpoints."""
    hub = PREFIX + "/hubs/{hub_id:[^/]+}"
    router = app.router
    router.add_get(PREFIX + "/stats", server_stats)
    router.add_get(PREFIX + "/hubs", list_hubs)
    router.add_post(PREFIX + "/hubs", create_hub)
    router.add_get(hub, get_hub)
    router.add_get(hub + "/tokens", list_tokens)
    router.add_post(hub + "/tokens", create_token)
    router.add_delete(hub + "/tokens/{token_id}", delete_token)
    router.add_get(hub + "/devices", list_devices)
    router.add_post(hub + "/devices", import_devices)
    router.add_post(hub + "/devices/revoke", revoke_devices)
    router.add_get(hub + "/devices/{device_id}", get_device)
    router.add_put(hub + "/devices/{device_id}", put_device)
    router.add_delete(hub + "/devices/{device_id}", revoke_device)
    router.add_get(hub + "/status", device_status)
