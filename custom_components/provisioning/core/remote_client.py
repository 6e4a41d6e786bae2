"""HTTP client for a central provisioning server (wire contract v1).

The contract is documented in ``docs/provisioning-api.yaml``.  This module only
depends on aiohttp so that it can be used and tested without Home Assistant.

Rules:

- Tokens, install codes and link keys never appear in exception messages, in
  ``repr()`` output or in log records.
- Whatever the server sends, a fetch either returns a complete, checked list or
  raises a ``RemoteError``: malformed entries (any JSON type in any field) are
  left out with a reason, JSON nested too deep is a protocol error.
- Invalid-entry indices count the server's entries across all pages, from 0.
- Text fields (name, area, manufacturer, model) follow the text rule of
  ``core.limits``: trimmed, at most 255 characters, no control or bidirectional
  control character; an entry that breaks it is left out with a reason.
- Long polling: a server that answers ``GET …/devices`` with
  ``Provisioning-Long-Poll: max-wait=<s>`` supports ``?wait=``.
  ``long_poll_wait`` is then ``min(s, 55)`` (None once the header is gone), and
  ``async_fetch_devices(etag, wait=…)`` sends one held request for the first
  page with ``If-None-Match``, allowed ``wait + 15`` seconds; the other pages
  follow within the normal timeout.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
import json
import logging
import re
from typing import Any, Final, Literal
from urllib.parse import quote

import aiohttp
from yarl import URL

from .errors import ZWaveCodeError
from .limits import MAX_TEXT_LENGTH, InvalidTextError, clean_text
from .zwave.dsk import parse_dsk

TECHNOLOGY_ZIGBEE: Final = "zigbee"
TECHNOLOGY_ZWAVE: Final = "zwave"
TECHNOLOGIES: Final = (TECHNOLOGY_ZIGBEE, TECHNOLOGY_ZWAVE)
TECHNOLOGIES_HEADER: Final = "Provisioning-Technologies"
"""Sent with every request: the technologies this hub takes (API 1.2); a server
of API 1.1 ignores it, and one of 1.2 sends Z-Wave devices only to hubs that
name ``zwave``."""
MAX_SECURITY_CLASSES: Final = 8

_LOGGER = logging.getLogger(__name__)

DEFAULT_MAX_BODY_BYTES: Final = 8 * 1024 * 1024
DEFAULT_TIMEOUT: Final = 30.0
DEFAULT_MAX_PAGES: Final = 1000
EVENTS_PER_REQUEST: Final = 500
LONG_POLL_HEADER: Final = "Provisioning-Long-Poll"
MAX_LONG_POLL_WAIT: Final = 55
LONG_POLL_GRACE: Final = 15.0
_CHUNK_SIZE: Final = 64 * 1024

_IEEE_RE: Final = re.compile(r"^[0-9a-fA-F]{2}([:-]?[0-9a-fA-F]{2}){7}$")
_DEVICE_STATES: Final = frozenset({"active", "revoked"})
_OPTIONAL_TEXT: Final = ("name", "area", "manufacturer", "model")
_LONG_POLL_RE: Final = re.compile(r"max-wait=([0-9]{1,6})")


class RemoteError(Exception):
    """Base class of provisioning server errors.

    ``translation_key`` names the user-facing message; the exception text is for
    logs and never contains the token, install codes or link keys.
    """

    translation_key = "remote_error"

    def __init__(
        self, message: str, *, placeholders: Mapping[str, str] | None = None
    ) -> None:
        """Initialize with a secret-free message and UI placeholders."""
        super().__init__(message)
        self.placeholders: dict[str, str] = dict(placeholders or {})

    def __repr__(self) -> str:
        """Return a representation without any secret."""
        return f"{type(self).__name__}({self.translation_key!r}, {str(self)!r})"


class RemoteAuthError(RemoteError):
    """The server rejected the token (HTTP 401 or 403)."""

    translation_key = "remote_auth_failed"


class RemoteNotFoundError(RemoteError):
    """The server does not know the hub (HTTP 404)."""

    translation_key = "remote_not_found"


class RemoteUnavailableError(RemoteError):
    """The server cannot be reached, timed out or failed (5xx, 429)."""

    translation_key = "remote_unavailable"


class RemoteProtocolError(RemoteError):
    """The server's response does not follow the contract."""

    translation_key = "remote_bad_response"


@dataclass(frozen=True, slots=True)
class RemoteDevice:
    """One device entry as listed by the server, checked for field types only.

    The IEEE address is normalised to ``aa:bb:cc:dd:ee:ff:00:11``; install code
    and link key are passed on as sent, for the caller's domain parsers. A
    Z-Wave device (API 1.2, ``technology: zwave``) has ``dsk`` (secret: its
    first group is the PIN) and ``security_classes`` instead.
    ``index`` is the entry's position in the server's list, across all pages.
    """

    ieee: str | None
    install_code: str | None = field(default=None, repr=False)
    link_key: str | None = field(default=None, repr=False)
    technology: str = TECHNOLOGY_ZIGBEE
    dsk: str | None = field(default=None, repr=False)
    security_classes: tuple[str, ...] = ()
    key: str = ""
    """The device's public id: its IEEE address, or its DSK with the PIN masked."""
    name: str | None = None
    area: str | None = None
    manufacturer: str | None = None
    model: str | None = None
    state: Literal["active", "revoked"] = "active"
    index: int = 0


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A complete device list.

    ``invalid`` holds ``(index, reason)`` for entries that were left out; the
    index counts entries across all pages, starting at 0.
    """

    revision: int
    etag: str | None
    devices: list[RemoteDevice]
    invalid: list[tuple[int, str]]


@dataclass(frozen=True, slots=True)
class NotModified:
    """The device list has not changed since the given entity tag."""

    etag: str


def normalize_ieee(value: str) -> str | None:
    """Return an IEEE address as ``aa:bb:...``, or None when malformed."""
    if not _IEEE_RE.fullmatch(value):
        return None
    digits = value.replace(":", "").replace("-", "").lower()
    return ":".join(digits[i : i + 2] for i in range(0, 16, 2))


def parse_long_poll(value: str | None) -> int | None:
    """Return the wait a hub asks for, from a ``Provisioning-Long-Poll`` header."""
    if value is None or (match := _LONG_POLL_RE.fullmatch(value.strip())) is None:
        return None
    max_wait = int(match[1])
    return min(max_wait, MAX_LONG_POLL_WAIT) if max_wait >= 1 else None


def _parse_zwave(entry: dict[str, Any]) -> tuple[str, str, tuple[str, ...]] | str:
    """Return the DSK, its masked form and the classes, or why not usable."""
    dsk = entry.get("dsk")
    classes = entry.get("security_classes")
    if not isinstance(dsk, str):
        return "dsk is missing or not a string"
    try:
        masked = parse_dsk(dsk).masked
    except ZWaveCodeError:
        return "dsk is not a DSK"
    if (
        not isinstance(classes, list)
        or not all(isinstance(name, str) for name in classes)
        or len(classes) > MAX_SECURITY_CLASSES
    ):
        return "security_classes is not a list of names"
    return dsk, masked, tuple(classes)


def _parse_device(entry: Any, index: int = 0) -> RemoteDevice | str:
    """Return a device, or the reason why the entry is not usable."""
    if not isinstance(entry, dict):
        return "entry is not an object"
    technology = entry.get("technology", TECHNOLOGY_ZIGBEE)
    if technology not in TECHNOLOGIES:
        return "technology is not one this hub takes"
    zwave: tuple[str, str, tuple[str, ...]] | None = None
    if technology == TECHNOLOGY_ZWAVE:
        parsed = _parse_zwave(entry)
        if isinstance(parsed, str):
            return parsed
        zwave = parsed
    ieee = entry.get("ieee")
    if zwave is not None:
        ieee = None
    elif not isinstance(ieee, str):
        return "ieee is missing or not a string"
    normalized = None if ieee is None else normalize_ieee(ieee)
    if zwave is None and normalized is None:
        return "ieee is not an IEEE address"
    install_code = entry.get("install_code")
    link_key = entry.get("link_key")
    if zwave is None:
        for key, value in (("install_code", install_code), ("link_key", link_key)):
            if value is not None and (not isinstance(value, str) or not value):
                return f"{key} is not a non-empty string"
        if install_code is None and link_key is None:
            return "neither install_code nor link_key is given"
        if install_code is not None and link_key is not None:
            return "both install_code and link_key are given"
    else:
        install_code = link_key = None
    texts: dict[str, str | None] = {}
    for key in _OPTIONAL_TEXT:
        value = entry.get(key)
        if value is not None and not isinstance(value, str):
            return f"{key} is not a string"
        try:
            texts[key] = clean_text(value, key)
        except InvalidTextError as err:
            if err.translation_key == "text_too_long":
                return f"{key} is longer than {MAX_TEXT_LENGTH} characters"
            return f"{key} contains a control character"
    state = entry.get("state")
    if not isinstance(state, str) or state not in _DEVICE_STATES:
        return "state is not 'active' or 'revoked'"
    return RemoteDevice(
        ieee=normalized,
        install_code=install_code,
        link_key=link_key,
        technology=technology,
        dsk=None if zwave is None else zwave[0],
        security_classes=() if zwave is None else zwave[2],
        key=zwave[1] if zwave is not None else (normalized or ""),
        name=texts["name"],
        area=texts["area"],
        manufacturer=texts["manufacturer"],
        model=texts["model"],
        state="revoked" if state == "revoked" else "active",
        index=index,
    )


def _same_hub(expected: str, actual: str) -> bool:
    if expected == actual:
        return True
    expected_ieee = normalize_ieee(expected)
    return expected_ieee is not None and expected_ieee == normalize_ieee(actual)


@dataclass(slots=True)
class _Page:
    hub_id: str
    revision: int
    devices: list[Any]
    next: str | None


class RemoteProvisioningClient:
    """Talk to a provisioning server on behalf of one hub."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        base_url: str,
        token: str,
        hub_id: str,
        *,
        verify_ssl: bool = True,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
        timeout: float = DEFAULT_TIMEOUT,
        max_pages: int = DEFAULT_MAX_PAGES,
    ) -> None:
        """Set up the client; ``base_url`` is the server's root, without ``/v1``."""
        base = URL(base_url)
        if base.scheme not in ("http", "https") or not base.host:
            raise ValueError("base_url must be an absolute http(s) URL")
        if not hub_id:
            raise ValueError("hub_id must not be empty")
        self._session = session
        self._token = token
        self._hub_id = hub_id
        self._ssl: bool = verify_ssl
        self._max_body_bytes = max_body_bytes
        self._timeout = timeout
        self._max_pages = max_pages
        root = str(base.with_query(None).with_fragment(None)).rstrip("/")
        hub_path = f"{root}/v1/hubs/{quote(hub_id, safe='')}"
        self._devices_url = URL(f"{hub_path}/devices", encoded=True)
        self._events_url = URL(f"{hub_path}/events", encoded=True)
        self._origin = self._devices_url.origin()
        self.long_poll_wait: int | None = None

    def __repr__(self) -> str:
        """Describe the client without its token."""
        return (
            f"RemoteProvisioningClient({str(self._origin)!r}, hub_id={self._hub_id!r})"
        )

    @property
    def hub_id(self) -> str:
        """The hub this client speaks for."""
        return self._hub_id

    @property
    def devices_url(self) -> str:
        """URL of the first page of the device list."""
        return str(self._devices_url)

    def _headers(self, extra: Mapping[str, str] | None = None) -> dict[str, str]:
        headers = {
            "Authorization": f"Bearer {self._token}",
            "Accept": "application/json",
            TECHNOLOGIES_HEADER: ", ".join(TECHNOLOGIES),
        }
        if extra:
            headers.update(extra)
        return headers

    @staticmethod
    def _check_status(response: aiohttp.ClientResponse, what: str) -> None:
        status = response.status
        if status in (401, 403):
            raise RemoteAuthError(
                f"{what}: the server rejected the token (HTTP {status})",
                placeholders={"status": str(status)},
            )
        if status == 404:
            raise RemoteNotFoundError(
                f"{what}: the server does not know this hub (HTTP 404)"
            )
        if status >= 500 or status in (408, 429):
            raise RemoteUnavailableError(
                f"{what}: server error (HTTP {status})",
                placeholders={"status": str(status)},
            )
        if status != 200:
            raise RemoteProtocolError(
                f"{what}: unexpected HTTP status {status}",
                placeholders={"status": str(status)},
            )

    async def _read_json(self, response: aiohttp.ClientResponse, what: str) -> Any:
        """Read a bounded JSON body."""
        if response.content_type != "application/json":
            raise RemoteProtocolError(
                f"{what}: expected application/json, got {response.content_type!r}"
            )
        limit = self._max_body_bytes
        length = response.content_length
        if length is not None and length > limit:
            raise RemoteProtocolError(f"{what}: response larger than {limit} bytes")
        body = bytearray()
        async for chunk in response.content.iter_chunked(_CHUNK_SIZE):
            body += chunk
            if len(body) > limit:
                raise RemoteProtocolError(f"{what}: response larger than {limit} bytes")
        charset = response.charset or "utf-8"
        try:
            return json.loads(body.decode(charset))
        except UnicodeDecodeError, LookupError, ValueError:
            raise RemoteProtocolError(f"{what}: response is not valid JSON") from None
        except RecursionError:
            raise RemoteProtocolError(f"{what}: JSON nested too deep") from None

    async def _request_json(
        self,
        method: str,
        url: URL,
        what: str,
        *,
        headers: Mapping[str, str] | None = None,
        data: bytes | None = None,
        on_headers: Callable[[Mapping[str, str]], None] | None = None,
    ) -> tuple[int, Any, str | None]:
        """Send a request; return the status, the JSON body (None for 304), ETag."""
        try:
            async with self._session.request(
                method,
                url,
                headers=self._headers(headers),
                data=data,
                ssl=self._ssl,
                allow_redirects=False,
            ) as response:
                etag = response.headers.get("ETag")
                if on_headers is not None and response.status in (200, 304):
                    on_headers(response.headers)
                if response.status == 304:
                    return 304, None, etag
                self._check_status(response, what)
                return 200, await self._read_json(response, what), etag
        except aiohttp.ClientError as err:
            raise RemoteUnavailableError(
                f"{what}: cannot reach the server ({type(err).__name__})"
            ) from None

    def _resolve_next(self, current: URL, reference: str) -> URL:
        try:
            target = current.join(URL(reference))
        except ValueError:
            raise RemoteProtocolError("device list: 'next' is not a URL") from None
        if target.scheme not in ("http", "https") or target.origin() != self._origin:
            # Never send the token to another server.
            raise RemoteProtocolError("device list: 'next' points to another server")
        return target.with_fragment(None)

    @staticmethod
    def _parse_page(body: Any) -> _Page:
        if not isinstance(body, dict):
            raise RemoteProtocolError("device list: response is not an object")
        hub_id = body.get("hub_id")
        revision = body.get("revision")
        devices = body.get("devices")
        next_ref = body.get("next")
        if not isinstance(hub_id, str):
            raise RemoteProtocolError("device list: 'hub_id' is not a string")
        if not isinstance(revision, int) or isinstance(revision, bool):
            raise RemoteProtocolError("device list: 'revision' is not an integer")
        if not isinstance(devices, list):
            raise RemoteProtocolError("device list: 'devices' is not an array")
        if next_ref is not None and (not isinstance(next_ref, str) or not next_ref):
            raise RemoteProtocolError("device list: 'next' is not a URL or null")
        return _Page(hub_id, revision, devices, next_ref)

    def _saw_headers(self, headers: Mapping[str, str]) -> None:
        self.long_poll_wait = parse_long_poll(headers.get(LONG_POLL_HEADER))

    async def async_fetch_devices(
        self, etag: str | None = None, *, wait: int | None = None
    ) -> FetchResult | NotModified:
        """Fetch the complete device list, or learn that it has not changed.

        All pages are fetched within ``timeout`` seconds; any failure raises a
        ``RemoteError`` and nothing is returned, never a partial list. With
        ``wait`` and ``etag``, the first request is a long poll (see the module
        docstring).
        """
        if wait is not None and (etag is None or not 1 <= wait <= MAX_LONG_POLL_WAIT):
            raise ValueError("wait needs an etag and must be 1..55 seconds")
        first = wait + LONG_POLL_GRACE if wait is not None else self._timeout
        try:
            async with asyncio.timeout(first) as deadline:
                return await self._fetch_all(etag, wait, deadline)
        except TimeoutError:
            limit = (
                f"{self._timeout:g} s"
                if wait is None
                else f"{wait} s + {first - wait:g} s"
            )
            raise RemoteUnavailableError(
                f"device list: no complete answer within {limit}"
            ) from None

    async def _fetch_all(
        self, etag: str | None, wait: int | None, deadline: asyncio.Timeout
    ) -> FetchResult | NotModified:
        url = self._devices_url
        if wait is not None:
            url = url.update_query(wait=str(wait))
        seen: set[str] = set()
        entries: list[Any] = []
        first_etag: str | None = None
        revision: int | None = None
        pages = 0
        while True:
            key = str(url)
            if key in seen:
                raise RemoteProtocolError("device list: pagination loops back")
            seen.add(key)
            pages += 1
            if pages > self._max_pages:
                raise RemoteProtocolError(
                    f"device list: more than {self._max_pages} pages"
                )
            headers = {"If-None-Match": etag} if etag and pages == 1 else None
            status, body, page_etag = await self._request_json(
                "GET",
                url,
                "device list",
                headers=headers,
                on_headers=self._saw_headers if pages == 1 else None,
            )
            if pages == 1 and wait is not None:
                # the held request is over: the rest gets the normal time
                loop = asyncio.get_running_loop()
                deadline.reschedule(loop.time() + self._timeout)
            if status == 304:
                if pages != 1 or etag is None:
                    raise RemoteProtocolError("device list: unexpected HTTP status 304")
                return NotModified(page_etag or etag)
            page = self._parse_page(body)
            if not _same_hub(self._hub_id, page.hub_id):
                raise RemoteProtocolError("device list: response is for another hub")
            if revision is None:
                revision = page.revision
                first_etag = page_etag
            elif page.revision != revision:
                raise RemoteUnavailableError(
                    "device list: the list changed while it was being fetched"
                )
            entries.extend(page.devices)
            if page.next is None:
                break
            url = self._resolve_next(url, page.next)
        devices, invalid = _parse_devices(entries)
        _LOGGER.debug(
            "Fetched %d devices (%d invalid) in %d pages, revision %s",
            len(devices),
            len(invalid),
            pages,
            revision,
        )
        return FetchResult(revision, first_etag, devices, invalid)

    async def async_post_events(self, events: Sequence[Mapping[str, Any]]) -> set[str]:
        """Report events; return the ids of the events the server accepted.

        Large batches are sent in several requests of at most
        ``EVENTS_PER_REQUEST`` events, all within ``timeout`` seconds.
        """
        accepted: set[str] = set()
        try:
            async with asyncio.timeout(self._timeout):
                for start in range(0, len(events), EVENTS_PER_REQUEST):
                    batch = list(events[start : start + EVENTS_PER_REQUEST])
                    accepted |= await self._post_batch(batch)
        except TimeoutError:
            raise RemoteUnavailableError(
                f"events: no answer within {self._timeout:g} s"
            ) from None
        return accepted

    async def _post_batch(self, batch: list[Mapping[str, Any]]) -> set[str]:
        try:
            data = json.dumps(batch, separators=(",", ":")).encode()
        except (TypeError, ValueError) as err:
            raise ValueError("events must be JSON serialisable") from err
        _status, body, _etag = await self._request_json(
            "POST",
            self._events_url,
            "events",
            headers={"Content-Type": "application/json"},
            data=data,
        )
        accepted = body.get("accepted") if isinstance(body, dict) else None
        if not isinstance(accepted, list) or not all(
            isinstance(item, str) for item in accepted
        ):
            raise RemoteProtocolError("events: 'accepted' is not an array of strings")
        return set(accepted)


def _parse_devices(
    entries: list[Any],
) -> tuple[list[RemoteDevice], list[tuple[int, str]]]:
    """Check each entry; entries sharing an IEEE address are all left out."""
    parsed: list[tuple[int, RemoteDevice]] = []
    invalid: list[tuple[int, str]] = []
    count: dict[str, int] = {}
    for index, entry in enumerate(entries):
        result = _parse_device(entry, index)
        if isinstance(result, str):
            invalid.append((index, result))
        else:
            parsed.append((index, result))
            count[result.key] = count.get(result.key, 0) + 1
    devices: list[RemoteDevice] = []
    for index, device in parsed:
        if count[device.key] > 1:
            invalid.append((index, f"device {device.key} is listed more than once"))
        else:
            devices.append(device)
    invalid.sort()
    return devices, invalid
