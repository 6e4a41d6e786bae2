"""Long polling of ``GET .../devices?wait=S``, on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
import sys
import time

import aiohttp
from aiohttp import web
from multidict import CIMultiDict
import pytest
from yarl import URL

from provisioning_server.api import create_app
from provisioning_server.api.common import BROKER_KEY
from provisioning_server.api.longpoll import MAX_WAITERS_PER_HUB, Broker
from provisioning_server.store import AsyncStore, HubInfo

from .conftest import Deployment, open_backend
from .helpers import HUB, OTHER_HUB, make_devices, make_ieee, make_link_key, serve_app

WAKE_LIMIT = 1.0


async def current_etag(deployment: Deployment, session: aiohttp.ClientSession) -> str:
    """ETag of the hub's first page; also checks the discovery header."""
    async with session.get(
        deployment.devices_url(), headers=deployment.auth()
    ) as response:
        assert response.status == 200
        assert response.headers["Provisioning-Long-Poll"] == "max-wait=60"
        return response.headers["ETag"]


def long_poll(
    deployment: Deployment,
    session: aiohttp.ClientSession,
    etag: str | None,
    wait: int = 30,
    url: str | None = None,
) -> asyncio.Task[tuple[int, float, Mapping[str, str], bytes]]:
    """Start a long poll; the task gives status, arrival time, headers, body."""

    async def poll() -> tuple[int, float, Mapping[str, str], bytes]:
        headers = deployment.auth()
        if etag is not None:
            headers["If-None-Match"] = etag
        target = URL(url or deployment.devices_url()).with_query(wait=str(wait))
        async with session.get(target, headers=headers) as response:
            body = await response.read()
            return (
                response.status,
                time.monotonic(),
                CIMultiDict(response.headers),
                body,
            )

    return asyncio.create_task(poll())


async def held(app: web.Application, count: int = 1) -> None:
    """Wait until ``count`` requests are held by the server."""
    broker = app[BROKER_KEY]
    async with asyncio.timeout(10):
        while broker.waiting < count:  # noqa: ASYNC110 - a counter, no event
            await asyncio.sleep(0.01)


async def test_header_on_200_and_304(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """Support is announced on every response of the device list."""
    etag = await current_etag(deployment, session)
    async with session.get(
        deployment.devices_url(),
        headers={**deployment.auth(), "If-None-Match": etag},
    ) as response:
        assert response.status == 304
        assert response.headers["Provisioning-Long-Poll"] == "max-wait=60"


async def test_wait_answers_at_once_without_current_etag(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """Without If-None-Match, or with a stale one, the page comes at once."""
    etag = await current_etag(deployment, session)
    await deployment.store.import_devices(HUB, make_devices(1))
    for tag in (None, etag):
        status, _, _, _ = await asyncio.wait_for(long_poll(deployment, session, tag), 5)
        assert status == 200


async def test_wait_times_out_with_304(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """Nothing changes: 304 after ``wait`` seconds."""
    etag = await current_etag(deployment, session)
    start = time.monotonic()
    status, end, headers, body = await asyncio.wait_for(
        long_poll(deployment, session, etag, wait=1), 10
    )
    assert status == 304
    assert body == b""
    assert headers["ETag"] == etag
    assert 0.9 <= end - start < 5


@pytest.mark.parametrize(
    "query",
    [
        {"wait": "0"},
        {"wait": "61"},
        {"wait": "x"},
        {"wait": "\uff15"},
        {"wait": "05"},
        {"wait": "-1"},
        {"wait": "5", "cursor": "MDA6MGQ6NmY6MDA6MDA6MDA6MDA6MDE"},
    ],
)
async def test_bad_wait(
    deployment: Deployment, session: aiohttp.ClientSession, query: dict[str, str]
) -> None:
    """``wait`` is an ASCII integer 1..max-wait, and not combined with a cursor."""
    url = URL(deployment.devices_url()).with_query(query)
    async with session.get(url, headers=deployment.auth()) as response:
        assert response.status == 400
        assert (await response.json())["error"] == "invalid_request"


async def test_management_api_change_wakes_poll(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """A device added through the management API ends the wait with the new list."""
    etag = await current_etag(deployment, session)
    task = long_poll(deployment, session, etag)
    await held(deployment.app)
    async with session.get(
        deployment.admin_url("/stats"), headers=deployment.admin()
    ) as response:
        assert await response.json() == {"long_polls": 1}
    changed = time.monotonic()
    async with session.put(
        deployment.admin_url(f"/hubs/{HUB}/devices/{make_ieee(5)}"),
        json={"link_key": make_link_key(5)},
        headers=deployment.admin(),
    ) as response:
        assert response.status == 201
    status, end, headers, body = await asyncio.wait_for(task, 10)
    assert status == 200
    assert headers["ETag"] != etag
    assert make_ieee(5).encode() in body
    assert end - changed < WAKE_LIMIT


async def test_other_store_instance_wakes_poll(
    deployment: Deployment, session: aiohttp.ClientSession, db_url: str
) -> None:
    """A change through another connection to the database wakes the poll."""
    etag = await current_etag(deployment, session)
    task = long_poll(deployment, session, etag)
    await held(deployment.app)
    other = await open_backend(db_url)
    try:
        changed = time.monotonic()
        await other.import_devices(HUB, make_devices(2))
    finally:
        await other.close()
    status, end, _, _ = await asyncio.wait_for(task, 10)
    assert status == 200
    assert end - changed < WAKE_LIMIT


async def test_cli_in_other_process_wakes_poll(
    deployment: Deployment, session: aiohttp.ClientSession, db_url: str
) -> None:
    """A revocation by the CLI in another process wakes the poll within 1 s."""
    await deployment.store.import_devices(HUB, make_devices(2))
    etag = await current_etag(deployment, session)
    task = long_poll(deployment, session, etag)
    await held(deployment.app)
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "provisioning_server",
        "--db",
        db_url,
        "revoke",
        HUB,
        make_ieee(1),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await process.communicate()
    exited = time.monotonic()
    assert process.returncode == 0, err
    assert out.decode().strip() == f"revoked {make_ieee(1)}"
    status, end, _, body = await asyncio.wait_for(task, 10)
    assert status == 200
    assert b'"revoked"' in body
    assert end - exited < WAKE_LIMIT


async def test_other_server_instance_wakes_poll(
    deployment: Deployment, session: aiohttp.ClientSession, db_url: str
) -> None:
    """Two instances on one database: a change on one wakes polls on the other."""
    etag = await current_etag(deployment, session)
    task = long_poll(deployment, session, etag)
    await held(deployment.app)
    second = await open_backend(db_url)
    try:
        async with serve_app(create_app(second)) as other_url:
            changed = time.monotonic()
            async with session.post(
                f"{other_url}/v1/admin/hubs/{HUB}/devices",
                json=[{"ieee": make_ieee(7), "link_key": make_link_key(7)}],
                headers=deployment.admin(),
            ) as response:
                assert response.status == 200
            status, end, _, body = await asyncio.wait_for(task, 10)
    finally:
        await second.close()
    assert status == 200
    assert make_ieee(7).encode() in body
    assert end - changed < WAKE_LIMIT


async def test_many_waiters_one_change(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """Only the changed hub's polls end; the other hub's keep waiting."""
    etag = await current_etag(deployment, session)
    own = [long_poll(deployment, session, etag) for _ in range(5)]
    other_deployment = Deployment(
        deployment.url,
        deployment.store,
        deployment.other_token,
        deployment.token,
        deployment.admin_token,
        deployment.app,
    )

    async with session.get(
        deployment.devices_url(OTHER_HUB), headers=other_deployment.auth()
    ) as response:
        other_etag = response.headers["ETag"]
    other = long_poll(
        other_deployment,
        session,
        other_etag,
        wait=2,
        url=deployment.devices_url(OTHER_HUB),
    )
    await held(deployment.app, 6)
    await deployment.store.import_devices(HUB, make_devices(1))
    results = await asyncio.wait_for(asyncio.gather(*own), 10)
    assert [status for status, *_ in results] == [200] * 5
    assert not other.done()
    status, *_ = await asyncio.wait_for(other, 10)
    assert status == 304


async def test_shutdown_releases_waiters(
    store: AsyncStore, session: aiohttp.ClientSession
) -> None:
    """Stopping the server answers held long polls at once (304)."""
    _, token = await store.add_token(HUB)
    headers = {"Authorization": f"Bearer {token}"}
    app = create_app(store)
    async with serve_app(app) as url:
        target = f"{url}/v1/hubs/{HUB}/devices"
        async with session.get(target, headers=headers) as response:
            headers["If-None-Match"] = response.headers["ETag"]

        async def poll() -> int:
            async with session.get(f"{target}?wait=60", headers=headers) as response:
                return response.status

        task = asyncio.create_task(poll())
        await held(app)
        start = time.monotonic()
    assert await asyncio.wait_for(task, 10) == 304
    assert time.monotonic() - start < 5


async def test_requests_per_hub_are_bounded(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """A hub's ninth held request releases its oldest one (304)."""
    etag = await current_etag(deployment, session)
    first = long_poll(deployment, session, etag)
    await held(deployment.app)
    rest = [long_poll(deployment, session, etag) for _ in range(MAX_WAITERS_PER_HUB)]
    status, *_ = await asyncio.wait_for(first, 10)
    assert status == 304
    await held(deployment.app, MAX_WAITERS_PER_HUB)
    assert deployment.app[BROKER_KEY].waiting == MAX_WAITERS_PER_HUB
    assert not any(task.done() for task in rest)
    await deployment.store.import_devices(HUB, make_devices(1))
    results = await asyncio.wait_for(asyncio.gather(*rest), 10)
    assert [status for status, *_ in results] == [200] * MAX_WAITERS_PER_HUB


async def answered_within[T](
    tasks: list[asyncio.Task[T]], count: int, seconds: float
) -> list[T]:
    """Results of the tasks done once ``count`` are done or ``seconds`` passed."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while (
        sum(task.done() for task in tasks) < count
        and (left := deadline - loop.time()) > 0
    ):
        await asyncio.wait(
            [task for task in tasks if not task.done()],
            timeout=left,
            return_when=asyncio.FIRST_COMPLETED,
        )
    return [task.result() for task in tasks if task.done()]


async def test_burst_of_long_polls_is_bounded(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """50 simultaneous long polls of one hub: eight are held, the rest 304 at once.

    Each newcomer must release a request that is still held, not one released
    by the newcomer before it whose request has not woken up yet.
    """
    etag = await current_etag(deployment, session)
    start = time.monotonic()
    polls = [long_poll(deployment, session, etag, wait=20) for _ in range(50)]
    try:
        answered = await answered_within(polls, 50 - MAX_WAITERS_PER_HUB, 10)
        assert len(answered) == 50 - MAX_WAITERS_PER_HUB
        assert {status for status, *_ in answered} == {304}
        assert max(at for _, at, *_ in answered) - start < 10
        async with session.get(
            deployment.admin_url("/stats"), headers=deployment.admin()
        ) as response:
            assert (await response.json())["long_polls"] == MAX_WAITERS_PER_HUB
        assert deployment.app[BROKER_KEY].waiting == MAX_WAITERS_PER_HUB
        held = [task for task in polls if not task.done()]
        assert len(held) == MAX_WAITERS_PER_HUB
        # The held ones may answer while the import is still committing.
        await deployment.store.import_devices(HUB, make_devices(1))
        held_ones = await asyncio.wait_for(asyncio.gather(*held), 10)
        assert [status for status, *_ in held_ones] == [200] * MAX_WAITERS_PER_HUB
    finally:
        for task in polls:
            task.cancel()
        await asyncio.gather(*polls, return_exceptions=True)


async def test_broker_burst_releases_held_waiters_only() -> None:
    """Waiters started in one turn of the loop: each newcomer releases a held one."""
    broker = Broker()
    hub = HubInfo(HUB, revision=1, etag_salt="salt", created_at="2026-12-05")

    async def read() -> HubInfo:
        return hub

    waits = [
        asyncio.create_task(broker.wait_for_change(HUB, 1, 20, read)) for _ in range(50)
    ]
    try:
        released = await answered_within(waits, 50 - MAX_WAITERS_PER_HUB, 5)
        assert released == [None] * (50 - MAX_WAITERS_PER_HUB)
        assert broker.waiting == MAX_WAITERS_PER_HUB
        assert all(task.done() for task in waits[: 50 - MAX_WAITERS_PER_HUB])
        broker.close()
        async with asyncio.timeout(5):
            assert await asyncio.gather(*waits) == [None] * 50
        assert broker.waiting == 0
        assert not broker.active()
    finally:
        for task in waits:
            task.cancel()
        await asyncio.gather(*waits, return_exceptions=True)
