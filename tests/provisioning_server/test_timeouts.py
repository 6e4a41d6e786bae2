"""Slow clients: request headers and bodies have deadlines, so connections that
trickle bytes (or send none) cannot be held open by the thousand."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
import contextlib
import json
import time

import pytest
from yarl import URL

from provisioning_server import cli
from provisioning_server.api import DEFAULT_BODY_TIMEOUT, create_app
from provisioning_server.api.serving import DEFAULT_HEADER_TIMEOUT, serving
from provisioning_server.store import Store

from .helpers import HUB

HEADER_TIMEOUT = 1.0
BODY_TIMEOUT = 1.0
# What a deadline may overshoot on a busy machine.
SLACK = 4.0
PARTIAL_REQUEST = f"GET /v1/hubs/{HUB}/devices HTTP/1.1\r\nHost: provisioning\r\n"


@pytest.fixture
async def base_url(sync_store: Store) -> AsyncIterator[URL]:
    app = create_app(sync_store, body_timeout=BODY_TIMEOUT)
    async with serving(app, header_timeout=HEADER_TIMEOUT) as url:
        yield URL(url)


async def connect(
    url: URL,
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    assert url.host is not None
    assert url.port is not None
    return await asyncio.open_connection(url.host, url.port)


async def trickle(writer: asyncio.StreamWriter, text: str, every: float) -> None:
    """Send ``text`` a byte at a time, ``every`` seconds apart, until refused."""
    with contextlib.suppress(ConnectionError):
        for byte in text.encode():
            writer.write(bytes([byte]))
            await writer.drain()
            await asyncio.sleep(every)  # the pace of the slow client under test


async def read_response(
    reader: asyncio.StreamReader,
) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and body of one HTTP/1.1 response."""
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines:
        if line:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
    body = await reader.readexactly(int(headers["content-length"]))
    return int(status_line.split()[1]), headers, body


async def test_trickled_headers_answer_408_and_close(base_url: URL) -> None:
    """A byte every 0.1 s does not keep a request's headers alive."""
    reader, writer = await connect(base_url)
    start = time.monotonic()
    sender = asyncio.create_task(trickle(writer, PARTIAL_REQUEST * 10, 0.1))
    try:
        async with asyncio.timeout(HEADER_TIMEOUT + SLACK):
            status, headers, body = await read_response(reader)
            assert await reader.read() == b""  # closed
        elapsed = time.monotonic() - start
    finally:
        sender.cancel()
        writer.close()
    assert status == 408
    assert headers["connection"] == "close"
    assert json.loads(body)["error"] == "request_timeout"
    assert HEADER_TIMEOUT * 0.9 <= elapsed < HEADER_TIMEOUT + SLACK


async def test_silent_connection_is_closed(base_url: URL) -> None:
    """A connection that never sends a request is answered 408 and closed."""
    reader, writer = await connect(base_url)
    try:
        async with asyncio.timeout(HEADER_TIMEOUT + SLACK):
            status, _, _ = await read_response(reader)
            assert await reader.read() == b""
    finally:
        writer.close()
    assert status == 408


async def test_many_slow_connections_are_all_closed(base_url: URL) -> None:
    """300 connections sending partial headers are all gone after the deadline."""
    connections = [await connect(base_url) for _ in range(300)]
    for _, writer in connections:
        writer.write(PARTIAL_REQUEST.encode())
    start = time.monotonic()
    try:
        async with asyncio.timeout(HEADER_TIMEOUT + SLACK):
            answers = await asyncio.gather(
                *(reader.read() for reader, _ in connections)
            )
    finally:
        for _, writer in connections:
            writer.close()
    assert all(answer.startswith(b"HTTP/1.1 408 ") for answer in answers)
    assert time.monotonic() - start < HEADER_TIMEOUT + SLACK


async def test_kept_alive_connection_times_each_request(base_url: URL) -> None:
    """Idle time between requests is not header time; each request gets its own."""
    reader, writer = await connect(base_url)
    try:
        for _ in range(2):
            writer.write(b"GET /healthz HTTP/1.1\r\nHost: provisioning\r\n\r\n")
            status, headers, _ = await asyncio.wait_for(read_response(reader), 10)
            assert status == 200
            assert headers.get("connection") != "close"
            # Idle for longer than the header timeout: kept alive.
            await asyncio.sleep(HEADER_TIMEOUT * 1.5)
        start = time.monotonic()
        writer.write(b"GET /healthz HTTP/1.1\r\n")  # the next one stalls
        async with asyncio.timeout(HEADER_TIMEOUT + SLACK):
            status, _, _ = await read_response(reader)
            assert await reader.read() == b""
        assert status == 408
        assert time.monotonic() - start >= HEADER_TIMEOUT * 0.9
    finally:
        writer.close()


async def test_slow_body_answers_408(sync_store: Store, base_url: URL) -> None:
    """A body that stops halfway answers 408 after the body timeout."""
    _, token = sync_store.add_token(HUB)
    for complete in (True, False):
        body = b'[{"event_id": "3b241101-e2bb-4255-8caf-4136c566a962"}]'
        sent = body if complete else body[:10]
        reader, writer = await connect(base_url)
        try:
            writer.write(
                f"POST /v1/hubs/{HUB}/events HTTP/1.1\r\nHost: provisioning\r\n"
                f"Authorization: Bearer {token}\r\n"
                "Content-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\n\r\n".encode()
                + sent
            )
            start = time.monotonic()
            async with asyncio.timeout(BODY_TIMEOUT + SLACK):
                status, headers, answer = await read_response(reader)
                elapsed = time.monotonic() - start
                if not complete:  # closed at once, not after a lingering read
                    assert await reader.read() == b""
        finally:
            writer.close()
        if complete:  # in time: the body is read (and its event found invalid)
            assert status == 400
            assert json.loads(answer)["error"] == "invalid_body"
            continue
        assert status == 408
        assert headers["connection"] == "close"
        assert json.loads(answer)["error"] == "request_timeout"
        assert token not in answer.decode()
        assert elapsed >= BODY_TIMEOUT * 0.9


def test_defaults_and_options() -> None:
    assert (DEFAULT_HEADER_TIMEOUT, DEFAULT_BODY_TIMEOUT) == (10.0, 60.0)
    args = cli.build_parser().parse_args(["serve"])
    assert (args.header_timeout, args.body_timeout) == (10.0, 60.0)
    args = cli.build_parser().parse_args(
        ["--header-timeout", "2.5", "--body-timeout", "30"]
    )
    assert (args.header_timeout, args.body_timeout) == (2.5, 30.0)
    for bad in ("0", "-1", "x", "nan", "7200"):
        with pytest.raises(SystemExit) as exit_info:
            cli.build_parser().parse_args(["--header-timeout", bad])
        assert exit_info.value.code == 2


async def test_bad_timeouts_are_refused(sync_store: Store) -> None:
    with pytest.raises(ValueError, match="body_timeout"):
        create_app(sync_store, body_timeout=0)
    with pytest.raises(ValueError, match="header_timeout"):
        async with serving(create_app(sync_store), header_timeout=0):
            pass


async def test_body_read_after_the_answer_is_no_new_request(base_url: URL) -> None:
    """A body that arrives after an early answer (401) starts no header timer."""
    body = b"[]"
    reader, writer = await connect(base_url)
    try:
        writer.write(
            f"POST /v1/hubs/{HUB}/events HTTP/1.1\r\nHost: provisioning\r\n"
            "Authorization: Bearer pvs_unknown\r\n"
            "Content-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n".encode()
        )
        status, _, _ = await asyncio.wait_for(read_response(reader), 10)
        assert status == 401
        writer.write(body)  # read and dropped by the server after its answer
        # Idle for longer than the header timeout: no 408 comes, none is due.
        await asyncio.sleep(HEADER_TIMEOUT * 1.5)
        writer.write(b"GET /healthz HTTP/1.1\r\nHost: provisioning\r\n\r\n")
        status, _, _ = await asyncio.wait_for(read_response(reader), 10)
        assert status == 200
    finally:
        writer.close()
