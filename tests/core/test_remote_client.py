"""Client for central provisioning servers, against real HTTP servers."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
import json
import logging
import pathlib
import socket
import time
from typing import Any
import uuid

import aiohttp
from aiohttp import web
from hypothesis import HealthCheck, given, settings, strategies as st
import pytest

from custom_components.provisioning.core.remote_client import (
    EVENTS_PER_REQUEST,
    FetchResult,
    NotModified,
    RemoteAuthError,
    RemoteDevice,
    RemoteError,
    RemoteNotFoundError,
    RemoteProtocolError,
    RemoteProvisioningClient,
    RemoteUnavailableError,
)
from provisioning_server.store import Store
from provisioning_server.validation import DeviceRecord
from tests.provisioning_server.helpers import (
    HUB,
    OTHER_HUB,
    make_devices,
    make_ieee,
    make_install_code,
    make_link_key,
    serve_app,
    serve_store,
)

pytestmark = pytest.mark.usefixtures("socket_enabled")

TOKEN = "pvs_secret-token-value"
SECRET_CODE = make_install_code(12345)
SECRET_KEY = make_link_key(54321)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    """HTTP session for the client."""
    async with aiohttp.ClientSession() as session:
        yield session


@pytest.fixture
def store(tmp_path: pathlib.Path) -> Iterator[Store]:
    """Reference server storage with two hubs."""
    store = Store(tmp_path / "provisioning.db")
    store.add_hub(HUB)
    store.add_hub(OTHER_HUB)
    yield store
    store.close()


@pytest.fixture
def release() -> asyncio.Event:
    """Set at the end of a test to let stalled fault handlers finish."""
    return asyncio.Event()


class FaultServer:
    """A purpose-built server answering GET/POST on the hub's paths."""

    def __init__(self, url: str, requests: list[web.Request]) -> None:
        self.url = url
        self.requests = requests


@pytest.fixture
async def fault_server(
    release: asyncio.Event,
) -> AsyncIterator[Callable[..., Awaitable[FaultServer]]]:
    """Start servers whose handlers are given by the test."""
    servers: list[Any] = []
    requests: list[web.Request] = []

    async def start(
        get: Handler | None = None, post: Handler | None = None
    ) -> FaultServer:
        app = web.Application()

        async def not_found(request: web.Request) -> web.StreamResponse:
            return web.json_response({"error": "none"}, status=404)

        async def on_get(request: web.Request) -> web.StreamResponse:
            requests.append(request)
            return await (get or not_found)(request)

        async def on_post(request: web.Request) -> web.StreamResponse:
            requests.append(request)
            return await (post or not_found)(request)

        app.router.add_get("/{tail:.*}", on_get)
        app.router.add_post("/{tail:.*}", on_post)
        context = serve_app(app)
        url = await context.__aenter__()
        servers.append(context)
        return FaultServer(url, requests)

    yield start
    release.set()
    for context in servers:
        await context.__aexit__(None, None, None)


def page(
    devices: list[Any],
    *,
    next_ref: str | None = None,
    revision: int = 1,
    hub_id: str = HUB,
) -> dict[str, Any]:
    """A device list page."""
    return {
        "hub_id": hub_id,
        "revision": revision,
        "devices": devices,
        "next": next_ref,
    }


def device(n: int, **extra: Any) -> dict[str, Any]:
    """A well-formed device entry."""
    return {
        "ieee": make_ieee(n),
        "install_code": make_install_code(n),
        "state": "active",
        **extra,
    }


def client(
    session: aiohttp.ClientSession,
    url: str,
    *,
    hub_id: str = HUB,
    token: str = TOKEN,
    **kwargs: Any,
) -> RemoteProvisioningClient:
    """A client for ``url``."""
    return RemoteProvisioningClient(session, url, token, hub_id, **kwargs)


def assert_no_secrets(text: str) -> None:
    """Tokens, install codes and keys never show."""
    for secret in (TOKEN, SECRET_CODE, SECRET_KEY):
        assert secret not in text


# Against the reference server


async def test_fetch_from_reference_server(
    store: Store, session: aiohttp.ClientSession
) -> None:
    """The client fetches the full list and then learns it is unchanged."""
    store.import_devices(HUB, make_devices(3))
    store.revoke_device(HUB, make_ieee(2))
    _, token = store.add_token(HUB)
    async with serve_store(store) as url:
        remote = client(session, url, token=token)
        result = await remote.async_fetch_devices(None)
        assert isinstance(result, FetchResult)
        assert result.invalid == []
        assert result.etag
        assert [d.ieee for d in result.devices] == [make_ieee(n) for n in range(3)]
        first = result.devices[0]
        assert first == RemoteDevice(
            ieee=make_ieee(0),
            install_code=make_install_code(0),
            link_key=None,
            name="Meter 0",
            area="Floor 0",
            manufacturer="Acme",
            model="EM-300",
            state="active",
            key=make_ieee(0),
        )
        assert result.devices[1].link_key == make_link_key(1)
        assert result.devices[2].state == "revoked"
        assert make_install_code(0) not in repr(first)

        again = await remote.async_fetch_devices(result.etag)
        assert again == NotModified(result.etag)

        store.import_devices(HUB, [DeviceRecord(ieee=make_ieee(7), link_key="AB" * 16)])
        changed = await remote.async_fetch_devices(result.etag)
        assert isinstance(changed, FetchResult)
        assert changed.revision > result.revision
        assert changed.etag != result.etag
        assert len(changed.devices) == 4


async def test_fetch_10000_devices(
    store: Store, session: aiohttp.ClientSession
) -> None:
    """10,000 devices arrive complete over several pages."""
    store.import_devices(HUB, make_devices(10_000))
    _, token = store.add_token(HUB)
    async with serve_store(store) as url:
        remote = client(session, url, token=token)
        start = time.perf_counter()
        result = await remote.async_fetch_devices(None)
        elapsed = time.perf_counter() - start
    assert isinstance(result, FetchResult)
    assert len(result.devices) == 10_000
    assert result.invalid == []
    assert len({d.ieee for d in result.devices}) == 10_000
    logging.getLogger(__name__).info("Fetched 10,000 devices in %.3f s", elapsed)
    assert elapsed < 20


async def test_post_events_to_reference_server(
    store: Store, session: aiohttp.ClientSession
) -> None:
    """Events are accepted, and accepted again when repeated."""
    _, token = store.add_token(HUB)
    events = [
        {
            "event_id": str(uuid.uuid4()),
            "ieee": make_ieee(n),
            "status": "joined",
            "at": "2026-11-25T18:30:00Z",
        }
        for n in range(EVENTS_PER_REQUEST + 20)
    ]
    async with serve_store(store) as url:
        remote = client(session, url, token=token)
        accepted = await remote.async_post_events(events)
        assert accepted == {e["event_id"] for e in events}
        assert await remote.async_post_events(events[:3]) == {
            e["event_id"] for e in events[:3]
        }
        assert await remote.async_post_events([]) == set()
        with pytest.raises(RemoteProtocolError):
            await remote.async_post_events([{"event_id": "not-a-uuid"}])
    assert store.count_events(HUB) == len(events)


async def test_reference_server_errors(
    store: Store, session: aiohttp.ClientSession
) -> None:
    """Bad tokens, other hubs' tokens and unknown hubs are told apart."""
    _, token = store.add_token(HUB)
    async with serve_store(store) as url:
        with pytest.raises(RemoteAuthError) as err:
            await client(session, url).async_fetch_devices(None)
        assert err.value.translation_key == "remote_auth_failed"
        assert_no_secrets(str(err.value))
        with pytest.raises(RemoteAuthError):
            await client(
                session, url, token=token, hub_id=OTHER_HUB
            ).async_fetch_devices(None)
        with pytest.raises(RemoteNotFoundError) as not_found:
            await client(
                session, url, token=token, hub_id="somewhere/else?x"
            ).async_fetch_devices(None)
        assert not_found.value.translation_key == "remote_not_found"
        with pytest.raises(RemoteAuthError):
            await client(session, url).async_post_events([{"event_id": "x"}])


# Against purpose-built fault servers


def json_handler(body: Any, status: int = 200, **headers: str) -> Handler:
    """A handler answering with fixed JSON."""

    async def handler(request: web.Request) -> web.StreamResponse:
        return web.json_response(body, status=status, headers=headers)

    return handler


def raw_handler(
    body: bytes, content_type: str = "application/json", status: int = 200
) -> Handler:
    """A handler answering with fixed bytes."""

    async def handler(request: web.Request) -> web.StreamResponse:
        return web.Response(
            body=body, status=status, headers={"Content-Type": content_type}
        )

    return handler


async def fetch_error(
    fault_server: Callable[..., Awaitable[FaultServer]],
    session: aiohttp.ClientSession,
    handler: Handler,
    expected: type[RemoteError],
    **kwargs: Any,
) -> RemoteError:
    """Fetch from a fault server; return the expected error."""
    server = await fault_server(get=handler)
    with pytest.raises(expected) as err:
        await client(session, server.url, **kwargs).async_fetch_devices(None)
    assert_no_secrets(str(err.value))
    assert_no_secrets(repr(err.value))
    return err.value


@pytest.mark.parametrize(
    ("status", "expected", "key"),
    [
        (401, RemoteAuthError, "remote_auth_failed"),
        (403, RemoteAuthError, "remote_auth_failed"),
        (404, RemoteNotFoundError, "remote_not_found"),
        (500, RemoteUnavailableError, "remote_unavailable"),
        (503, RemoteUnavailableError, "remote_unavailable"),
        (429, RemoteUnavailableError, "remote_unavailable"),
        (400, RemoteProtocolError, "remote_bad_response"),
        (302, RemoteProtocolError, "remote_bad_response"),
    ],
)
async def test_status_codes(
    fault_server: Callable[..., Awaitable[FaultServer]],
    session: aiohttp.ClientSession,
    status: int,
    expected: type[RemoteError],
    key: str,
) -> None:
    """HTTP errors map onto the client's errors; redirects are not followed."""
    headers = {"Location": "http://127.0.0.1:1/elsewhere"} if status == 302 else {}
    error = await fetch_error(
        fault_server,
        session,
        json_handler({"error": "x", "secret": TOKEN}, status, **headers),
        expected,
    )
    assert error.translation_key == key
    assert error.placeholders.get("status", str(status)) == str(status)
    assert repr(error).startswith(f"{type(error).__name__}({key!r}")
    server = await fault_server(post=json_handler({"error": "x"}, status, **headers))
    with pytest.raises(expected):
        await client(session, server.url).async_post_events([{"event_id": "x"}])


async def test_request_shape(
    fault_server: Callable[..., Awaitable[FaultServer]], session: aiohttp.ClientSession
) -> None:
    """The hub id is percent-encoded and the token sent as a bearer token."""
    server = await fault_server(get=json_handler(page([]), ETag='"e1"'))
    remote = client(session, server.url + "/prefix/", verify_ssl=False)
    assert TOKEN not in repr(remote)
    assert remote.hub_id == HUB
    assert remote.devices_url.endswith(
        "/prefix/v1/hubs/00%3A12%3A4b%3A00%3A01%3A02%3A03%3A04/devices"
    )
    result = await remote.async_fetch_devices('"e0"')
    assert result == FetchResult(1, '"e1"', [], [])
    request = server.requests[-1]
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert request.headers["If-None-Match"] == '"e0"'
    assert request.match_info["tail"] == f"prefix/v1/hubs/{HUB}/devices"


def test_constructor_checks() -> None:
    """Base URL and hub id are checked up front."""
    with pytest.raises(ValueError, match="base_url"):
        RemoteProvisioningClient(None, "ftp://example.com", TOKEN, HUB)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="base_url"):
        RemoteProvisioningClient(None, "/relative", TOKEN, HUB)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="hub_id"):
        RemoteProvisioningClient(None, "http://127.0.0.1", TOKEN, "")  # type: ignore[arg-type]


async def test_connection_refused(session: aiohttp.ClientSession) -> None:
    """A server that is not there is unavailable."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    remote = client(session, f"http://127.0.0.1:{port}")
    with pytest.raises(RemoteUnavailableError) as err:
        await remote.async_fetch_devices(None)
    assert err.value.translation_key == "remote_unavailable"
    # Nothing to report: no request at all.
    assert await remote.async_post_events([]) == set()
    with pytest.raises(RemoteUnavailableError):
        await remote.async_post_events([{"event_id": "x"}])


@pytest.mark.parametrize(
    "body",
    [b"{not json", b'{"hub_id": "x",', b"\xff\xfe\xfd", b""],
)
async def test_malformed_json(
    fault_server: Callable[..., Awaitable[FaultServer]],
    session: aiohttp.ClientSession,
    body: bytes,
) -> None:
    """Bodies that are not JSON are protocol errors."""
    error = await fetch_error(
        fault_server, session, raw_handler(body), RemoteProtocolError
    )
    assert error.translation_key == "remote_bad_response"
    assert "JSON" in str(error)


@pytest.mark.parametrize(
    "content_type", ["text/html", "application/octet-stream", "text/json"]
)
async def test_wrong_content_type(
    fault_server: Callable[..., Awaitable[FaultServer]],
    session: aiohttp.ClientSession,
    content_type: str,
) -> None:
    """Only application/json is read."""
    body = json.dumps(page([device(1)])).encode()
    error = await fetch_error(
        fault_server, session, raw_handler(body, content_type), RemoteProtocolError
    )
    assert "application/json" in str(error)


async def test_charset_is_honoured(
    fault_server: Callable[..., Awaitable[FaultServer]], session: aiohttp.ClientSession
) -> None:
    """A declared charset is used to decode the body."""
    body = json.dumps(page([device(1, name="Zähler")]), ensure_ascii=False).encode(
        "latin-1"
    )
    server = await fault_server(
        get=raw_handler(body, "application/json; charset=latin-1")
    )
    result = await client(session, server.url).async_fetch_devices(None)
    assert isinstance(result, FetchResult)
    assert result.devices[0].name == "Zähler"


async def test_oversized_body(
    fault_server: Callable[..., Awaitable[FaultServer]], session: aiohttp.ClientSession
) -> None:
    """A body above the bound is refused, announced or streamed."""
    body = json.dumps(page([device(n) for n in range(100)])).encode()
    error = await fetch_error(
        fault_server,
        session,
        raw_handler(body),
        RemoteProtocolError,
        max_body_bytes=1000,
    )
    assert "larger than 1000 bytes" in str(error)

    async def streamed(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        for _ in range(64):
            await response.write(b" " * 1024)
        await response.write(b"[]")
        await response.write_eof()
        return response

    error = await fetch_error(
        fault_server, session, streamed, RemoteProtocolError, max_body_bytes=10_000
    )
    assert "larger than 10000 bytes" in str(error)


async def test_slow_body_times_out(
    fault_server: Callable[..., Awaitable[FaultServer]],
    session: aiohttp.ClientSession,
    release: asyncio.Event,
) -> None:
    """A body that never completes ends in a timeout."""

    async def slow(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        await response.write(b'{"hub_id": ')
        await release.wait()
        return response

    start = time.monotonic()
    error = await fetch_error(
        fault_server, session, slow, RemoteUnavailableError, timeout=0.3
    )
    assert time.monotonic() - start < 5
    assert "0.3 s" in str(error)

    server = await fault_server(post=slow)
    with pytest.raises(RemoteUnavailableError):
        await client(session, server.url, timeout=0.3).async_post_events(
            [{"event_id": "x"}]
        )


async def test_total_time_spans_pages(
    fault_server: Callable[..., Awaitable[FaultServer]],
    session: aiohttp.ClientSession,
    release: asyncio.Event,
) -> None:
    """The time bound covers all pages, not each request."""

    async def pages(request: web.Request) -> web.StreamResponse:
        if "cursor" in request.query:
            await release.wait()
        return web.json_response(page([device(1)], next_ref="devices?cursor=2"))

    await fetch_error(fault_server, session, pages, RemoteUnavailableError, timeout=0.3)


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ([], "not an object"),
        ({"revision": 1, "devices": [], "next": None}, "hub_id"),
        ({"hub_id": HUB, "revision": "1", "devices": [], "next": None}, "revision"),
        ({"hub_id": HUB, "revision": True, "devices": [], "next": None}, "revision"),
        ({"hub_id": HUB, "revision": 1, "devices": {}, "next": None}, "devices"),
        ({"hub_id": HUB, "revision": 1, "devices": [], "next": 5}, "next"),
        ({"hub_id": HUB, "revision": 1, "devices": [], "next": ""}, "next"),
        (
            {"hub_id": OTHER_HUB, "revision": 1, "devices": [], "next": None},
            "another hub",
        ),
    ],
)
async def test_schema_errors(
    fault_server: Callable[..., Awaitable[FaultServer]],
    session: aiohttp.ClientSession,
    body: Any,
    problem: str,
) -> None:
    """A list that does not follow the schema is refused as a whole."""
    error = await fetch_error(
        fault_server, session, json_handler(body), RemoteProtocolError
    )
    assert problem in str(error)


async def test_hub_id_compared_as_ieee(
    fault_server: Callable[..., Awaitable[FaultServer]], session: aiohttp.ClientSession
) -> None:
    """The server may spell the coordinator's IEEE address differently."""
    server = await fault_server(
        get=json_handler(page([], hub_id=HUB.replace(":", "").upper()))
    )
    result = await client(session, server.url).async_fetch_devices(None)
    assert isinstance(result, FetchResult)


async def test_mixed_and_duplicate_entries(
    fault_server: Callable[..., Awaitable[FaultServer]],
    session: aiohttp.ClientSession,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Bad entries are reported by index; duplicates are all left out."""
    entries = [
        device(0),
        "not an object",
        {"ieee": 5, "install_code": SECRET_CODE, "state": "active"},
        {"ieee": "00:11", "install_code": SECRET_CODE, "state": "active"},
        {"ieee": make_ieee(4), "state": "active"},
        {
            "ieee": make_ieee(5),
            "install_code": SECRET_CODE,
            "link_key": SECRET_KEY,
            "state": "active",
        },
        {"ieee": make_ieee(6), "install_code": 123, "state": "active"},
        {"ieee": make_ieee(7), "link_key": "", "state": "active"},
        device(8, name=["x"]),
        device(9, area="x" * 256),
        device(10, state="deleted"),
        {**device(11), "install_code": None, "link_key": SECRET_KEY},
        device(12),
        {**device(12), "install_code": SECRET_CODE},
        device(13, future_field={"ignored": True}),
        {**device(14), "ieee": make_ieee(14).replace(":", "-").upper()},
        {**device(15), "ieee": make_ieee(0).upper()},
    ]
    caplog.set_level(logging.DEBUG)
    server = await fault_server(
        get=json_handler(page(entries[:9], next_ref="devices?page=2")),
    )

    async def two_pages(request: web.Request) -> web.StreamResponse:
        if request.query.get("page") == "2":
            return web.json_response(page(entries[9:]))
        return web.json_response(page(entries[:9], next_ref="devices?page=2"))

    server = await fault_server(get=two_pages)
    result = await client(session, server.url).async_fetch_devices(None)
    assert isinstance(result, FetchResult)
    assert [d.ieee for d in result.devices] == [
        make_ieee(11),
        make_ieee(13),
        make_ieee(14),
    ]
    assert result.devices[0].link_key == SECRET_KEY
    assert [index for index, _ in result.invalid] == [
        0,
        1,
        2,
        3,
        4,
        5,
        6,
        7,
        8,
        9,
        10,
        12,
        13,
        16,
    ]
    reasons = dict(result.invalid)
    assert "more than once" in reasons[0]
    assert "more than once" in reasons[16]
    assert "not an object" in reasons[1]
    assert "neither" in reasons[4]
    assert "both" in reasons[5]
    assert "longer than 255" in reasons[9]
    assert "state" in reasons[10]
    for reason in reasons.values():
        assert_no_secrets(reason)
    assert_no_secrets(repr(result))
    assert_no_secrets(caplog.text)


@pytest.mark.parametrize(
    "pages",
    [
        {"1": "devices?page=1"},
        {"1": "devices?page=2", "2": "devices?page=3", "3": "?page=1"},
        {
            "1": "devices?page=2#x",
            "2": "/v1/hubs/00%3A12%3A4b%3A00%3A01%3A02%3A03%3A04/devices?page=2",
        },
    ],
)
async def test_pagination_loop(
    fault_server: Callable[..., Awaitable[FaultServer]],
    session: aiohttp.ClientSession,
    pages: dict[str, str],
) -> None:
    """A page that leads back to an earlier one is a protocol error."""

    async def handler(request: web.Request) -> web.StreamResponse:
        number = request.query.get("page", "1")
        return web.json_response(page([device(int(number))], next_ref=pages[number]))

    error = await fetch_error(fault_server, session, handler, RemoteProtocolError)
    assert "loops" in str(error)


async def test_too_many_pages(
    fault_server: Callable[..., Awaitable[FaultServer]], session: aiohttp.ClientSession
) -> None:
    """An endless series of pages stops at max_pages."""

    async def handler(request: web.Request) -> web.StreamResponse:
        number = int(request.query.get("page", "1"))
        return web.json_response(
            page([device(number)], next_ref=f"devices?page={number + 1}")
        )

    error = await fetch_error(
        fault_server, session, handler, RemoteProtocolError, max_pages=5
    )
    assert "more than 5 pages" in str(error)


@pytest.mark.parametrize(
    "next_ref",
    [
        "http://127.0.0.2:1/v1/hubs/x/devices",
        "https://example.com/devices",
        "mailto:x@y",
        "http://[::1",
    ],
)
async def test_next_must_stay_on_server(
    fault_server: Callable[..., Awaitable[FaultServer]],
    session: aiohttp.ClientSession,
    next_ref: str,
) -> None:
    """The token is never sent to another server."""
    server = await fault_server(get=json_handler(page([device(1)], next_ref=next_ref)))
    with pytest.raises(RemoteProtocolError):
        await client(session, server.url).async_fetch_devices(None)
    assert len(server.requests) == 1


async def test_list_changing_between_pages(
    fault_server: Callable[..., Awaitable[FaultServer]], session: aiohttp.ClientSession
) -> None:
    """A revision change while paging discards the fetch."""

    async def handler(request: web.Request) -> web.StreamResponse:
        if "cursor" in request.query:
            return web.json_response(page([device(2)], revision=2))
        return web.json_response(page([device(1)], next_ref="devices?cursor=x"))

    error = await fetch_error(fault_server, session, handler, RemoteUnavailableError)
    assert "changed" in str(error)


async def test_unexpected_not_modified(
    fault_server: Callable[..., Awaitable[FaultServer]], session: aiohttp.ClientSession
) -> None:
    """304 is only valid for a conditional first page."""

    async def handler(request: web.Request) -> web.StreamResponse:
        if "cursor" in request.query:
            return web.Response(status=304)
        return web.json_response(page([device(1)], next_ref="devices?cursor=x"))

    server = await fault_server(get=handler)
    with pytest.raises(RemoteProtocolError):
        await client(session, server.url).async_fetch_devices('"etag"')
    server = await fault_server(get=raw_handler(b"", status=304))
    with pytest.raises(RemoteProtocolError):
        await client(session, server.url).async_fetch_devices(None)
    # Without an ETag header the client keeps the one it sent.
    assert await client(session, server.url).async_fetch_devices('"a"') == NotModified(
        '"a"'
    )


@pytest.mark.parametrize(
    "body",
    [{"accepted": "x"}, {"accepted": [1]}, [], {"other": []}],
)
async def test_bad_events_response(
    fault_server: Callable[..., Awaitable[FaultServer]],
    session: aiohttp.ClientSession,
    body: Any,
) -> None:
    """The events response must list the accepted ids."""
    server = await fault_server(post=json_handler(body))
    with pytest.raises(RemoteProtocolError):
        await client(session, server.url).async_post_events([{"event_id": "x"}])


async def test_events_request_shape(
    fault_server: Callable[..., Awaitable[FaultServer]], session: aiohttp.ClientSession
) -> None:
    """Events are posted as JSON in batches; only accepted ids are returned."""
    bodies: list[Any] = []

    async def handler(request: web.Request) -> web.StreamResponse:
        assert request.content_type == "application/json"
        body = await request.json()
        bodies.append(body)
        return web.json_response({"accepted": [e["event_id"] for e in body[:-1]]})

    server = await fault_server(post=handler)
    events = [{"event_id": str(n)} for n in range(EVENTS_PER_REQUEST * 2 + 1)]
    accepted = await client(session, server.url).async_post_events(events)
    assert [len(b) for b in bodies] == [EVENTS_PER_REQUEST, EVENTS_PER_REQUEST, 1]
    assert len(accepted) == EVENTS_PER_REQUEST * 2 - 2
    with pytest.raises(ValueError, match="JSON"):
        await client(session, server.url).async_post_events([{"event_id": object()}])


JUNK = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)
ENTRIES = st.lists(
    st.fixed_dictionaries(
        {
            "ieee": st.integers(0, 12).map(make_ieee)
            | st.sampled_from(["00:11", "zz:zz:zz:zz:zz:zz:zz:zz"]),
            "state": st.sampled_from(["active", "active", "revoked", "gone"]),
        },
        optional={
            "install_code": st.integers(0, 5).map(make_install_code) | JUNK,
            "link_key": st.integers(0, 5).map(make_link_key),
            "name": st.text(max_size=10) | JUNK,
            "area": st.text(max_size=10),
        },
    )
    | JUNK,
    max_size=25,
)


@pytest.fixture
async def paged_server(
    fault_server: Callable[..., Awaitable[FaultServer]],
) -> tuple[FaultServer, dict[str, Any]]:
    """A server serving ``state["entries"]`` in pages of ``state["size"]``."""
    state: dict[str, Any] = {"entries": [], "size": 1}

    async def handler(request: web.Request) -> web.StreamResponse:
        start = int(request.query.get("start", "0"))
        size = state["size"]
        entries = state["entries"]
        end = start + size
        next_ref = f"devices?start={end}" if end < len(entries) else None
        return web.json_response(page(entries[start:end], next_ref=next_ref))

    return await fault_server(get=handler), state


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(entries=ENTRIES, size=st.integers(1, 6))
async def test_fetch_partitions_entries(
    paged_server: tuple[FaultServer, dict[str, Any]],
    session: aiohttp.ClientSession,
    entries: list[Any],
    size: int,
) -> None:
    """Every entry is either a device or an invalid index, whatever the paging."""
    server, state = paged_server
    remote = client(session, server.url)
    state.update(entries=entries, size=size)
    paged = await remote.async_fetch_devices(None)
    state.update(size=len(entries) + 1)
    single = await remote.async_fetch_devices(None)
    assert isinstance(paged, FetchResult)
    assert paged == single
    invalid = [index for index, _ in paged.invalid]
    assert invalid == sorted(set(invalid))
    valid = [index for index in range(len(entries)) if index not in set(invalid)]
    assert len(valid) == len(paged.devices)
    assert len({d.ieee for d in paged.devices}) == len(paged.devices)
    for index, found in zip(valid, paged.devices, strict=True):
        entry = entries[index]
        assert found.ieee == entry["ieee"]
        assert found.install_code == entry.get("install_code")
        assert found.link_key == entry.get("link_key")
        assert found.state == entry["state"]


def test_module_does_not_import_home_assistant() -> None:
    """The client stays usable outside Home Assistant."""
    import ast

    from custom_components.provisioning.core import remote_client

    tree = ast.parse(pathlib.Path(remote_client.__file__).read_text(encoding="utf-8"))
    modules = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {
        "." * node.level + (node.module or "").split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
    }
    assert "homeassistant" not in modules
    assert modules <= {
        "__future__",
        "asyncio",
        "collections",
        "dataclasses",
        "json",
        "logging",
        "re",
        "typing",
        "urllib",
        "aiohttp",
        "yarl",
        ".limits",  # the text rule, free of Home Assistant too
        ".errors",
        ".zwave",  # the DSK of a Z-Wave device, free of Home Assistant too
    }
