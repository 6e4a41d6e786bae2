"""Regressions of faults found by an attack run against the reference server."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
import io
import logging
import pathlib
import uuid

import aiohttp
import pytest
from yarl import URL

from provisioning_server import cli
from provisioning_server.api import create_app
from provisioning_server.store import HubInfo, SqliteAsyncStore, Store
from provisioning_server.validation import DeviceRecord

from .conftest import Deployment
from .helpers import HUB, make_devices, make_ieee, make_link_key, serve_app


def event(ieee: str, **extra: object) -> dict[str, object]:
    """A valid event, with ``extra`` replacing fields."""
    return {
        "event_id": str(uuid.uuid4()),
        "ieee": ieee,
        "status": "joined",
        "at": "2026-11-25T18:30:00Z",
        **extra,
    }


@pytest.mark.parametrize(
    "cursor",
    [
        "MDA6MGQ6NmY6MDA6MDA6MDA6MDA6MDE\r\nX-Injected: 1",
        "MDA6MGQ6NmY6MDA6MDA6MDA6MDA6MDE\x00",
        'MDA6MGQ6NmY6MDA6MDA6MDA6MDA6MDE"',
        "MDA6MGQ6NmY6MDA6MDA6MDA6MDA6MDE==",
        "MDA6MGQ6NmY6MDA6MDA6MDA6MDA6MDE.",
    ],
)
async def test_cursor_is_validated(
    deployment: Deployment, session: aiohttp.ClientSession, cursor: str
) -> None:
    """A cursor with CR/LF, NUL, quotes or padding is 400, not a broken ETag."""
    await deployment.store.import_devices(HUB, make_devices(3))
    url = URL(deployment.devices_url()).with_query(cursor=cursor, limit="1")
    async with session.get(url, headers=deployment.auth()) as response:
        assert response.status == 400
        assert (await response.json())["error"] == "invalid_request"
        assert "X-Injected" not in response.headers


async def test_valid_cursor_gives_a_clean_etag(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """The ETag of a later page is a well-formed quoted string."""
    await deployment.store.import_devices(HUB, make_devices(3))
    url = URL(deployment.devices_url()).with_query(limit="1")
    async with session.get(url, headers=deployment.auth()) as response:
        next_ref = (await response.json())["next"]
    async with session.get(url.join(URL(next_ref)), headers=deployment.auth()) as r:
        assert r.status == 200
        etag = r.headers["ETag"]
    assert etag.startswith('"')
    assert etag.endswith('"')
    assert etag.count('"') == 2


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 200_000 + b"]" * 200_000,
        b'[{"event_id": ' + b"9" * 5000 + b"}]",
    ],
    ids=["deep", "huge-int"],
)
async def test_events_unparsable_json_is_400(
    deployment: Deployment, session: aiohttp.ClientSession, body: bytes
) -> None:
    """Deeply nested JSON and 5,000-digit integers are 400, not 500."""
    async with session.post(
        deployment.events_url(),
        data=body,
        headers={**deployment.auth(), "Content-Type": "application/json"},
    ) as response:
        assert response.status == 400
        assert (await response.json())["error"] == "invalid_body"


async def test_deep_details_is_400(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """A ``details`` object too deep to serialise is refused and nothing stored."""
    depth = 5000
    body = (
        f'[{{"event_id": "{uuid.uuid4()}", "ieee": "{make_ieee(1)}",'
        ' "status": "joined", "at": "2026-11-25T18:30:00Z", "details": '
        + '{"a":' * depth
        + "{}"
        + "}" * depth
        + "}]"
    )
    async with session.post(
        deployment.events_url(),
        data=body.encode(),
        headers={**deployment.auth(), "Content-Type": "application/json"},
    ) as response:
        assert response.status == 400
        data = await response.json()
    assert data["errors"][0]["index"] == 0
    assert "details" in data["errors"][0]["message"]
    assert await deployment.store.count_events(HUB) == 0


@pytest.mark.parametrize(
    "at",
    [
        "9999-12-31T23:59:59Z",
        (datetime.now(UTC) + timedelta(hours=1)).isoformat(),
        "2026-11-25T24:00:00Z",
        "2026-11-25T18:60:00Z",
    ],
    # fixed ids: parallel workers must collect the same test names
    ids=["year-9999", "in-an-hour", "hour-24", "minute-60"],
)
async def test_event_time_is_checked(
    deployment: Deployment, session: aiohttp.ClientSession, at: str
) -> None:
    """Times in the future (beyond the clock skew) and 24:00:00 are refused."""
    async with session.post(
        deployment.events_url(),
        json=[event(make_ieee(1), at=at)],
        headers=deployment.auth(),
    ) as response:
        assert response.status == 400
        assert "at" in (await response.json())["errors"][0]["message"]


async def test_future_event_cannot_pin_status(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """After a refused future event, later events still change the status."""
    await deployment.store.import_devices(HUB, make_devices(2))
    ieee = make_ieee(1)
    soon = (datetime.now(UTC) + timedelta(minutes=2)).isoformat()
    for at, status, expected in (
        ("9999-01-01T00:00:00Z", "failed", 400),
        (soon, "pending", 200),
    ):
        async with session.post(
            deployment.events_url(),
            json=[event(ieee, at=at, status=status)],
            headers=deployment.auth(),
        ) as response:
            assert response.status == expected
    rows = {row.ieee: row for row in await deployment.store.device_status(HUB)}
    assert rows[ieee].status == "pending"


@pytest.mark.parametrize("limit", ["\uff15", " 5", "05", "+5", "5 ", "\u0665"])
async def test_limit_is_ascii_digits(
    deployment: Deployment, session: aiohttp.ClientSession, limit: str
) -> None:
    """``limit`` takes plain ASCII digits only."""
    url = URL(deployment.devices_url()).with_query(limit=limit)
    async with session.get(url, headers=deployment.auth()) as response:
        assert response.status == 400


@pytest.mark.parametrize(
    "query", [{"access_token": "x"}, {"token": "y"}, {"cursor": "pvs_abcdef"}]
)
async def test_token_in_query_is_refused(
    deployment: Deployment, session: aiohttp.ClientSession, query: dict[str, str]
) -> None:
    """A token in the URL is refused, even with a valid header."""
    url = URL(deployment.devices_url()).with_query(query)
    async with session.get(url, headers=deployment.auth()) as response:
        assert response.status == 400
        assert (await response.json())["error"] == "token_in_query"


async def test_access_log_has_no_query(
    sync_store: Store, session: aiohttp.ClientSession, caplog: pytest.LogCaptureFixture
) -> None:
    """The access log shows paths without their query strings."""
    _, token = sync_store.add_token(HUB)
    caplog.set_level(logging.INFO, logger="provisioning_server.access")
    async with serve_app(create_app(sync_store)) as url:
        target = URL(f"{url}/v1/hubs/{HUB}/devices").with_query(access_token=token)
        async with session.get(target) as response:
            assert response.status == 400
    lines = [r.getMessage() for r in caplog.records if r.name.endswith("access")]
    assert any(f"/v1/hubs/{HUB}/devices" in line for line in lines)
    assert not any(token in line or "access_token" in line for line in lines)


async def test_oversized_header_does_not_echo_token(
    deployment: Deployment, caplog: pytest.LogCaptureFixture
) -> None:
    """A header over the parser's limit answers 400 without quoting it."""
    caplog.set_level(logging.DEBUG)
    secret = deployment.token + "A" * 9000
    url = URL(deployment.url)
    reader, writer = await asyncio.open_connection(url.host, url.port)
    writer.write(
        f"GET /v1/hubs/{HUB}/devices HTTP/1.1\r\nHost: x\r\n"
        f"Authorization: Bearer {secret}\r\n\r\n".encode()
    )
    await writer.drain()
    async with asyncio.timeout(10):
        answer = await reader.read()
    writer.close()
    assert answer.startswith((b"HTTP/1.1 400", b"HTTP/1.0 400"))
    assert deployment.token[:12].encode() not in answer
    assert b"bad_request" in answer
    assert deployment.token[:12] not in caplog.text


class CountingStore(SqliteAsyncStore):
    """The SQLite store, counting how often device pages are read."""

    pages = 0

    async def list_devices(
        self,
        hub_id: str,
        *,
        after: str | None,
        limit: int,
        technologies: Sequence[str] | None = None,
    ) -> tuple[HubInfo, list[DeviceRecord], bool]:
        """Count, then read."""
        self.pages += 1
        return await super().list_devices(
            hub_id, after=after, limit=limit, technologies=technologies
        )


async def test_304_reads_no_device(
    db_path: pathlib.Path, session: aiohttp.ClientSession
) -> None:
    """If-None-Match is answered from the revision alone."""
    store = CountingStore(Store(db_path))
    try:
        await store.add_hub(HUB)
        await store.import_devices(HUB, make_devices(50))
        _, token = await store.add_token(HUB)
        headers = {"Authorization": f"Bearer {token}"}
        async with serve_app(create_app(store, page_size=10)) as url:
            base = URL(f"{url}/v1/hubs/{HUB}/devices")
            async with session.get(base, headers=headers) as response:
                etag = response.headers["ETag"]
                next_ref = (await response.json())["next"]
            async with session.get(base.join(URL(next_ref)), headers=headers) as r:
                page_etag = r.headers["ETag"]
            assert store.pages == 2
            for target, tag in ((base, etag), (base.join(URL(next_ref)), page_etag)):
                async with session.get(
                    target, headers={**headers, "If-None-Match": tag}
                ) as response:
                    assert response.status == 304
            assert store.pages == 2
    finally:
        await store.close()


def write(path: pathlib.Path, data: bytes) -> pathlib.Path:
    """Write ``data`` to ``path``."""
    path.write_bytes(data)
    return path


def run_cli(db: pathlib.Path, *argv: str) -> tuple[int, str, str]:
    """Run the command line; exit status, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--db", str(db), *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_import_field_too_large(tmp_path: pathlib.Path) -> None:
    """An oversized CSV field is reported by line; other lines are imported."""
    db = tmp_path / "cli.db"
    assert run_cli(db, "hub", "add", HUB)[0] == 0
    huge = "x" * 200_000
    csv_file = write(
        tmp_path / "big.csv",
        (
            "ieee,link_key,name\n"
            f"{make_ieee(1)},{make_link_key(1)},ok\n"
            f'{make_ieee(2)},{make_link_key(2)},"{huge}"\n'
            f"{make_ieee(3)},{make_link_key(3)},ok\n"
        ).encode(),
    )
    code, out, err = run_cli(db, "import", HUB, str(csv_file))
    assert code == 3
    assert f"{csv_file}:3: a field is longer than" in err
    assert "Traceback" not in err
    assert "2 added" in out


def test_cli_import_not_utf8(tmp_path: pathlib.Path) -> None:
    """A file that is not UTF-8 is an error naming its line; nothing imported."""
    db = tmp_path / "cli.db"
    assert run_cli(db, "hub", "add", HUB)[0] == 0
    csv_file = write(
        tmp_path / "latin1.csv",
        f"ieee,link_key,name\n{make_ieee(1)},{make_link_key(1)},ok\n".encode()
        + f"{make_ieee(2)},{make_link_key(2)},Caf\xe9\n".encode("latin-1"),
    )
    code, _, err = run_cli(db, "import", HUB, str(csv_file))
    assert code == 1
    assert err.strip() == f"{csv_file}:3: file is not UTF-8 text"
    assert run_cli(db, "status", HUB)[1].splitlines() == [
        "IEEE  NAME  AREA  STATE  LAST STATUS  AT"
    ]


def test_cli_strips_control_characters(tmp_path: pathlib.Path) -> None:
    """ESC sequences, C1 controls and bidi overrides never reach the terminal."""
    db = tmp_path / "cli.db"
    store = Store(db)
    store.add_hub(HUB)
    store.import_devices(
        HUB,
        [
            DeviceRecord(
                ieee=make_ieee(1),
                link_key=make_link_key(1),
                name="\x1b]0;pwned\x07\x1b[2JMeter\x9b31m",
                area="Plant\u202eroom",
            )
        ],
    )
    store.add_token(HUB, "\x1b[31mred")
    store.close()
    for argv in (("status", HUB), ("token", "list", HUB), ("hub", "list")):
        code, out, err = run_cli(db, *argv)
        assert code == 0
        for char in ("\x1b", "\x07", "\x9b", "\u202e"):
            assert char not in out + err
    assert "]0;pwned[2JMeter31m" in run_cli(db, "status", HUB)[1]
