"""Reference provisioning server: cheap 304s, and 1,000 hubs long-polling.

- 304s per second on a hub with 10,000 devices against a hub with 5, in the
  same run and the same server (goal: at least 0.8 x).
- 1,000 hubs long-polling one instance, on SQLite and on PostgreSQL: memory
  per waiting hub (the server's RSS), and the wake-up latency p50/p99 when one
  hub's list changes, through the instance's management API and through
  another connection to the database (as the CLI or another instance would).

The server runs in its own process on 127.0.0.1; the load comes from an
aiohttp client in this process. Everything is bounded and stops by itself.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
import pathlib
import socket
import statistics
import sys
import tempfile
import time

import aiohttp
import asyncpg

from provisioning_server.store import AsyncStore, SqliteAsyncStore
from provisioning_server.store.postgres import PostgresStore
from provisioning_server.validation import DeviceRecord
from tests.provisioning_server.helpers import make_devices, make_ieee, make_link_key
from tests.provisioning_server.postgres import postgres_server

BIG = "big-hub"
SMALL = "small-hub"
BIG_DEVICES = 10_000
SMALL_DEVICES = 5
REQUESTS = 1000
PAIRS = 10
WORKERS = 8
HUBS = 1000
WAKE_ROUNDS = 40
WAIT = 55


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _rss_kib(pid: int) -> int:
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


@asynccontextmanager
async def _server(db: str) -> AsyncIterator[tuple[str, int]]:
    """Run ``python -m provisioning_server serve``; yield its URL and pid."""
    port = _free_port()
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "provisioning_server",
        "--db",
        db,
        "serve",
        "--port",
        str(port),
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        async with aiohttp.ClientSession() as session, asyncio.timeout(60):
            while True:
                try:
                    async with session.get(f"{url}/healthz") as response:
                        if response.status == 200:
                            break
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.05)
        yield url, process.pid
    finally:
        process.terminate()
        async with asyncio.timeout(30):
            await process.wait()


async def _rate(
    session: aiohttp.ClientSession, url: str, headers: dict[str, str]
) -> float:
    """304s per second with WORKERS concurrent clients."""
    remaining = REQUESTS

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            async with session.get(url, headers=headers) as response:
                assert response.status == 304, response.status

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(WORKERS)))
    return REQUESTS / (time.perf_counter() - start)


async def bench_304(name: str, db: str, store: AsyncStore) -> list[str]:
    """304 rate of a 10,000-device hub against a 5-device hub."""
    tokens = {}
    try:
        for hub, count in ((BIG, BIG_DEVICES), (SMALL, SMALL_DEVICES)):
            await store.add_hub(hub)
            await store.import_devices(hub, make_devices(count))
            tokens[hub] = (await store.add_token(hub))[1]
    finally:
        await store.close()
    rates: dict[str, list[float]] = {BIG: [], SMALL: []}
    async with _server(db) as (url, _), aiohttp.ClientSession() as session:
        targets = {}
        for hub in (BIG, SMALL):
            target = f"{url}/v1/hubs/{hub}/devices"
            headers = {"Authorization": f"Bearer {tokens[hub]}"}
            async with session.get(target, headers=headers) as response:
                headers["If-None-Match"] = response.headers["ETag"]
            targets[hub] = (target, headers)
        # Short runs in pairs, alternating which hub goes first, so that a
        # change of the machine's load hits both hubs alike.
        ratios = []
        for pair in range(PAIRS):
            order = (SMALL, BIG) if pair % 2 == 0 else (BIG, SMALL)
            for hub in order:
                rates[hub].append(await _rate(session, *targets[hub]))
            ratios.append(rates[BIG][-1] / rates[SMALL][-1])
    big, small = statistics.median(rates[BIG]), statistics.median(rates[SMALL])
    return [
        f"{name}: 304s, {WORKERS} clients, median of {PAIRS} runs each:"
        f" {small:.0f}/s on a {SMALL_DEVICES}-device hub,"
        f" {big:.0f}/s on a {BIG_DEVICES}-device hub;"
        f" median ratio of paired runs {statistics.median(ratios):.2f} x"
        " (goal >= 0.8 x)"
    ]


async def _database(server_dsn: str, name: str) -> str:
    """Create a database on the server; return its DSN."""
    conn = await asyncpg.connect(server_dsn)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return server_dsn.rsplit("/", 1)[0] + "/" + name


async def _fill_hubs(store: AsyncStore) -> list[str]:
    tokens = []
    for number in range(HUBS):
        hub = f"hub-{number:04d}"
        await store.add_hub(hub)
        await store.import_devices(hub, make_devices(1))
        tokens.append((await store.add_token(hub))[1])
    await store.add_hub("admin-probe")
    return tokens


async def _long_polls(
    name: str,
    db: str,
    tokens: list[str],
    admin: str,
    writer: Callable[[str, int], Awaitable[None]],
) -> list[str]:
    """1,000 hubs wait on one instance; change one hub at a time."""
    connector = aiohttp.TCPConnector(limit=0)
    timeout = aiohttp.ClientTimeout(total=WAIT + 15)
    async with (
        _server(db) as (url, pid),
        aiohttp.ClientSession(connector=connector, timeout=timeout) as session,
    ):
        etags: list[str] = []
        for number, token in enumerate(tokens):
            async with session.get(
                f"{url}/v1/hubs/hub-{number:04d}/devices",
                headers={"Authorization": f"Bearer {token}"},
            ) as response:
                etags.append(response.headers["ETag"])
        idle = _rss_kib(pid)
        arrived: dict[int, asyncio.Future[float]] = {}

        def poll(number: int) -> asyncio.Task[None]:
            arrived[number] = asyncio.get_running_loop().create_future()

            async def run() -> None:
                async with session.get(
                    f"{url}/v1/hubs/hub-{number:04d}/devices?wait={WAIT}",
                    headers={
                        "Authorization": f"Bearer {tokens[number]}",
                        "If-None-Match": etags[number],
                    },
                ) as response:
                    await response.read()
                    if response.status == 200:
                        etags[number] = response.headers["ETag"]
                    if not arrived[number].done():
                        arrived[number].set_result(time.perf_counter())

            return asyncio.create_task(run())

        async def held(count: int) -> None:
            async with asyncio.timeout(60):
                while True:
                    async with session.get(
                        f"{url}/v1/admin/stats",
                        headers={"Authorization": f"Bearer {admin}"},
                    ) as response:
                        if (await response.json())["long_polls"] >= count:
                            return
                    await asyncio.sleep(0.05)

        tasks = {number: poll(number) for number in range(HUBS)}
        await held(HUBS)
        waiting = _rss_kib(pid)
        lines = [
            f"{name}: {HUBS} hubs long-polling: server RSS {idle / 1024:.1f} MiB idle,"
            f" {waiting / 1024:.1f} MiB waiting:"
            f" {(waiting - idle) / HUBS:.1f} KiB per waiting hub (with its connection)"
        ]
        for path in ("management API", "other connection"):
            latencies = []
            for round_ in range(WAKE_ROUNDS):
                number = (round_ * 37) % HUBS
                start = time.perf_counter()
                if path == "management API":
                    async with session.put(
                        f"{url}/v1/admin/hubs/hub-{number:04d}/devices/"
                        f"{make_ieee(10_000 + round_)}",
                        json={"link_key": make_link_key(round_)},
                        headers={"Authorization": f"Bearer {admin}"},
                    ) as response:
                        assert response.status == 201, response.status
                else:
                    await writer(f"hub-{number:04d}", 20_000 + round_)
                end = await asyncio.wait_for(arrived[number], 10)
                latencies.append(end - start)
                await tasks[number]
                tasks[number] = poll(number)
                await held(HUBS)
            latencies.sort()
            p99 = latencies[min(len(latencies) - 1, round(0.99 * len(latencies)))]
            lines.append(
                f"{name}: wake-up after a change via the {path}, {WAKE_ROUNDS}"
                f" changes: p50 {statistics.median(latencies) * 1000:.0f} ms,"
                f" p99 {p99 * 1000:.0f} ms (goal <= 1000 ms)"
            )
        for task in tasks.values():
            task.cancel()
        await asyncio.gather(*tasks.values(), return_exceptions=True)
    return lines


async def bench_sqlite(folder: pathlib.Path) -> list[str]:
    """1,000 long polls on SQLite."""
    db = str(folder / "hubs.db")
    store = SqliteAsyncStore.open(db)
    try:
        tokens = await _fill_hubs(store)
        _, admin = await store.add_admin_token()
    finally:
        await store.close()
    other = SqliteAsyncStore.open(db)

    async def write(hub: str, number: int) -> None:
        await other.import_devices(
            hub, [DeviceRecord(ieee=make_ieee(number), link_key=make_link_key(number))]
        )

    try:
        return await _long_polls("SQLite", db, tokens, admin, write)
    finally:
        await other.close()


async def bench_postgres() -> list[str]:
    """304s and 1,000 long polls on PostgreSQL (each in a database of its own)."""
    with postgres_server() as server:
        lines = await bench_304(
            "PostgreSQL",
            rate_dsn := await _database(server, "rate"),
            await PostgresStore.connect(rate_dsn),
        )
        dsn = await _database(server, "hubs")
        store = await PostgresStore.connect(dsn)
        try:
            tokens = await _fill_hubs(store)
            _, admin = await store.add_admin_token()
        finally:
            await store.close()
        other = await PostgresStore.connect(dsn)

        async def write(hub: str, number: int) -> None:
            await other.import_devices(
                hub,
                [DeviceRecord(ieee=make_ieee(number), link_key=make_link_key(number))],
            )

        try:
            return lines + await _long_polls("PostgreSQL", dsn, tokens, admin, write)
        finally:
            await other.close()


async def run() -> list[str]:
    """Run every measurement of this module."""
    with tempfile.TemporaryDirectory() as name:
        folder = pathlib.Path(name)
        rate_db = str(folder / "rate.db")
        lines = await bench_304("SQLite", rate_db, SqliteAsyncStore.open(rate_db))
        lines += await bench_sqlite(folder)
    lines += await bench_postgres()
    return lines


if __name__ == "__main__":
    for line in asyncio.run(run()):
        print(line)
