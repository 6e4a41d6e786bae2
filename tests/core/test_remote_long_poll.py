"""The hub's client: long polling, and the findings of an attack run."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
import json
import time
from typing import Any

import aiohttp
from aiohttp import web
import pytest

from custom_components.provisioning.core.remote import RemoteProvider
from custom_components.provisioning.core.remote_client import (
    MAX_LONG_POLL_WAIT,
    FetchResult,
    NotModified,
    RemoteProtocolError,
    RemoteProvisioningClient,
    parse_long_poll,
)
from tests.contract_server import TOKEN, ContractServer, serve_contract
from tests.provisioning_server.helpers import HUB, make_ieee, make_install_code

pytestmark = pytest.mark.usefixtures("socket_enabled")


def device(n: int, **extra: Any) -> dict[str, Any]:
    """A well-formed device entry."""
    return {
        "ieee": make_ieee(n),
        "install_code": make_install_code(n),
        "state": "active",
        **extra,
    }


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    """HTTP session for the client."""
    async with aiohttp.ClientSession() as session:
        yield session


@pytest.fixture
async def server() -> AsyncIterator[ContractServer]:
    """A contract server with long polling, two entries a page."""
    contract = ContractServer(HUB, max_wait=60, page_size=2)
    contract.set_devices([device(n) for n in range(3)])
    async with serve_contract(contract) as running:
        yield running


def client_for(
    session: aiohttp.ClientSession, url: str, **kwargs: Any
) -> RemoteProvisioningClient:
    """A client for the hub."""
    return RemoteProvisioningClient(session, url, TOKEN, HUB, **kwargs)


def test_parse_long_poll_header() -> None:
    """max-wait is an ASCII integer; the hub asks for at most 55 s."""
    assert parse_long_poll("max-wait=60") == MAX_LONG_POLL_WAIT == 55
    assert parse_long_poll(" max-wait=10 ") == 10
    for bad in (
        None,
        "",
        "max-wait=0",
        "max-wait=1.5",
        "max-wait=\u0661\u0660",
        "wait=10",
    ):
        assert parse_long_poll(bad) is None


async def test_support_is_discovered_and_lost(
    session: aiohttp.ClientSession, server: ContractServer
) -> None:
    """The header on the devices response turns long polling on and off."""
    client = client_for(session, server.url)
    assert client.long_poll_wait is None
    result = await client.async_fetch_devices(None)
    assert isinstance(result, FetchResult)
    assert client.long_poll_wait == 55
    server.max_wait = 5
    assert isinstance(await client.async_fetch_devices(result.etag), NotModified)
    assert client.long_poll_wait == 5
    server.max_wait = None
    assert isinstance(await client.async_fetch_devices(result.etag), NotModified)
    assert client.long_poll_wait is None


async def test_long_poll_is_held_until_the_list_changes(
    session: aiohttp.ClientSession, server: ContractServer
) -> None:
    """One held request; a change answers it with the new list, pages and all."""
    client = client_for(session, server.url)
    first = await client.async_fetch_devices(None)
    assert isinstance(first, FetchResult)
    assert first.revision == server.revision
    server.seen.clear()
    held = asyncio.ensure_future(client.async_fetch_devices(first.etag, wait=55))
    async with asyncio.timeout(5):
        await server.holding.wait()
    assert not held.done()
    changed_at = time.monotonic()
    server.set_devices([device(n) for n in range(5)])
    result = await held
    latency = time.monotonic() - changed_at
    assert isinstance(result, FetchResult)
    assert result.revision == server.revision
    assert [d.ieee for d in result.devices] == [make_ieee(n) for n in range(5)]
    assert latency < 1.0
    # the held request: wait, the ETag, no cursor; then the other pages
    held_request, *pages = server.seen
    assert held_request.query == {"wait": "55"}
    assert held_request.if_none_match == first.etag
    assert [seen.query for seen in pages] == [{"cursor": "2"}, {"cursor": "4"}]
    assert server.most_active == 1


async def test_long_poll_ends_in_not_modified_after_the_wait(
    session: aiohttp.ClientSession, server: ContractServer
) -> None:
    """The wait is not cut by the normal timeout: it gets wait + 15 s."""
    client = client_for(session, server.url, timeout=0.3)
    first = await client.async_fetch_devices(None)
    assert isinstance(first, FetchResult)
    start = time.monotonic()
    result = await client.async_fetch_devices(first.etag, wait=1)
    assert isinstance(result, NotModified)
    assert 0.9 <= time.monotonic() - start < 5
    # a stale ETag answers at once
    server.set_devices([device(9)])
    start = time.monotonic()
    result = await client.async_fetch_devices(first.etag, wait=1)
    assert isinstance(result, FetchResult)
    assert time.monotonic() - start < 0.9


async def test_wait_needs_an_etag_and_a_sane_value(
    session: aiohttp.ClientSession, server: ContractServer
) -> None:
    """A long poll without an ETag, or beyond 55 s, is a programming error."""
    client = client_for(session, server.url)
    for etag, wait in ((None, 10), ('"x"', 0), ('"x"', 56)):
        with pytest.raises(ValueError, match="wait needs an etag"):
            await client.async_fetch_devices(etag, wait=wait)
    assert server.seen == []


async def serve_json(body: bytes) -> tuple[web.AppRunner, str]:
    """Serve fixed bytes as the hub's device list."""

    async def handler(request: web.Request) -> web.Response:
        return web.Response(body=body, content_type="application/json")

    app = web.Application()
    app.router.add_get("/{tail:.*}", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, f"http://127.0.0.1:{runner.addresses[0][1]}"


@pytest.mark.parametrize("state", [[], {}, 1, None, ["revoked"]])
async def test_unhashable_or_odd_state_is_an_invalid_entry(
    session: aiohttp.ClientSession, state: Any
) -> None:
    """`"state": []` or `{}` used to raise a TypeError; it is an invalid entry."""
    body = {
        "hub_id": HUB,
        "revision": 1,
        "devices": [device(0), device(1, state=state), device(2)],
        "next": None,
    }
    runner, url = await serve_json(json.dumps(body).encode())
    try:
        result = await client_for(session, url).async_fetch_devices(None)
    finally:
        await runner.cleanup()
    assert isinstance(result, FetchResult)
    assert [d.ieee for d in result.devices] == [make_ieee(0), make_ieee(2)]
    assert [d.index for d in result.devices] == [0, 2]
    assert result.invalid == [(1, "state is not 'active' or 'revoked'")]


async def test_deeply_nested_json_is_a_protocol_error(
    session: aiohttp.ClientSession,
) -> None:
    """JSON nested 200,000 deep used to raise a RecursionError."""
    depth = 200_000
    runner, url = await serve_json(b"[" * depth + b"]" * depth)
    try:
        with pytest.raises(RemoteProtocolError, match="nested too deep"):
            await client_for(session, url).async_fetch_devices(None)
    finally:
        await runner.cleanup()


async def test_invalid_indices_are_the_servers(
    session: aiohttp.ClientSession,
) -> None:
    """An entry refused by the domain parsers is named by its place on the server."""
    bad_crc = make_install_code(3)[:-1] + (
        "0" if make_install_code(3)[-1] != "0" else "1"
    )
    body = {
        "hub_id": HUB,
        "revision": 7,
        "devices": [
            "not an object",
            device(1),
            {"ieee": make_ieee(2), "install_code": "AB", "state": "active"},
            {"ieee": make_ieee(3), "install_code": bad_crc, "state": "active"},
            device(4),
        ],
        "next": None,
    }
    runner, url = await serve_json(json.dumps(body).encode())
    try:
        provider = RemoteProvider(
            "remote:x",
            "Server",
            client_for(session, url),
            now=lambda: datetime.now(UTC),
        )
        result = await provider.async_sync()
    finally:
        await runner.cleanup()
    assert result.entries == 2
    assert [index for index, _ in result.invalid] == [0, 2, 3]
    assert dict(result.invalid)[3] == "bad_crc"


async def test_etag_is_kept_with_the_last_good_list(
    session: aiohttp.ClientSession, server: ContractServer
) -> None:
    """After a restart the first poll is conditional; a broken list drops the ETag."""
    now = lambda: datetime.now(UTC)  # noqa: E731
    provider = RemoteProvider(
        "remote:x", "Server", client_for(session, server.url), now=now
    )
    assert (await provider.async_sync()).entries == 3
    stored = json.loads(json.dumps(provider.to_storage()))
    assert stored["etag"] == server.etag

    restarted = RemoteProvider(
        "remote:x", "Server", client_for(session, server.url), now=now
    )
    restarted.restore(stored)
    assert len(restarted.entries()) == 3
    server.seen.clear()
    result = await restarted.async_sync()
    assert not result.changed
    assert [(seen.if_none_match, seen.status) for seen in server.seen] == [
        (server.etag, 304)
    ]

    broken = dict(
        stored,
        entries=[*stored["entries"][:2], {"ieee": "nonsense"}],
        last_success="yesterday",
        revision="7",
        outbox=[{"event_id": "a", "status": "joined"}, {"status": "joined"}, "x"],
    )
    damaged = RemoteProvider(
        "remote:x", "Server", client_for(session, server.url), now=now
    )
    damaged.restore(broken)
    assert damaged.state.etag is None
    assert len(damaged.entries()) == 2
    assert damaged.state.last_success is None
    assert damaged.state.revision is None
    assert damaged.state.outbox == [{"event_id": "a", "status": "joined"}]
    server.seen.clear()
    assert (await damaged.async_sync()).entries == 3
    assert server.seen[0].if_none_match is None
