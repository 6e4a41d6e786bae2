"""Fixtures for the provisioning server tests.

``backend`` runs a test on SQLite and on PostgreSQL (a real server started
once per session from the distribution's package, a fresh database per test).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
import itertools
import pathlib
import threading

import aiohttp
from aiohttp import web
import asyncpg
import pytest

from provisioning_server.api import create_app
from provisioning_server.store import AsyncStore, SqliteAsyncStore, Store
from provisioning_server.store.postgres import PostgresStore

from .helpers import HUB, OTHER_HUB, serve_app
from .postgres import postgres_server

BACKENDS = ["sqlite", "postgresql"]
_DATABASES = itertools.count()


@dataclass
class Deployment:
    """A running reference server with two hubs and a token for each."""

    url: str
    store: AsyncStore
    token: str
    other_token: str
    admin_token: str
    app: web.Application

    def devices_url(self, hub: str = HUB) -> str:
        """URL of a hub's device list."""
        return f"{self.url}/v1/hubs/{hub}/devices"

    def events_url(self, hub: str = HUB) -> str:
        """URL of a hub's events."""
        return f"{self.url}/v1/hubs/{hub}/events"

    def admin_url(self, path: str = "") -> str:
        """URL of the management API."""
        return f"{self.url}/v1/admin{path}"

    def auth(self, token: str | None = None) -> dict[str, str]:
        """Authorization header."""
        return {"Authorization": f"Bearer {token or self.token}"}

    def admin(self) -> dict[str, str]:
        """Authorization header with the admin token."""
        return self.auth(self.admin_token)


@pytest.fixture(autouse=True)
def _local_sockets(socket_enabled: None) -> None:
    """Allow sockets; the test harness still restricts them to 127.0.0.1."""


@pytest.fixture(autouse=True)
def _watch_threads_end() -> Iterator[None]:
    """Wait for the thread of a stopped server's SQLite change watcher to end.

    The store shuts that thread's executor down without waiting for it; the
    harness fails a test that leaves a thread running, which a busy machine
    (parallel workers) made happen.
    """
    before = set(threading.enumerate())
    yield
    for thread in set(threading.enumerate()) - before:
        if thread.name.startswith("provisioning-watch"):
            thread.join(timeout=30)
            assert not thread.is_alive(), f"{thread.name} still runs"


@pytest.fixture(scope="session")
def postgres_dsn() -> Iterator[str]:
    """DSN of the session's PostgreSQL server (maintenance database)."""
    with postgres_server() as dsn:
        yield dsn


async def new_database(server_dsn: str) -> str:
    """Create an empty database on the server; return its DSN."""
    name = f"provisioning_{next(_DATABASES)}"
    conn = await asyncpg.connect(server_dsn)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return server_dsn.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def db_path(tmp_path: pathlib.Path) -> pathlib.Path:
    """Path of a fresh database."""
    return tmp_path / "provisioning.db"


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Name of the backend under test."""
    return str(request.param)


@pytest.fixture
async def db_url(
    backend: str, db_path: pathlib.Path, request: pytest.FixtureRequest
) -> str:
    """``--db`` value of an empty database on the backend under test."""
    if backend == "sqlite":
        return str(db_path)
    server: str = request.getfixturevalue("postgres_dsn")
    return await new_database(server)


async def open_backend(db_url: str) -> AsyncStore:
    """Open the store named by ``db_url``."""
    if db_url.startswith("postgresql://"):
        return await PostgresStore.connect(db_url)
    return SqliteAsyncStore.open(db_url)


@pytest.fixture
async def store(db_url: str) -> AsyncIterator[AsyncStore]:
    """A store with two hubs, on each backend."""
    store = await open_backend(db_url)
    await store.add_hub(HUB)
    await store.add_hub(OTHER_HUB)
    yield store
    await store.close()


@pytest.fixture
def sync_store(db_path: pathlib.Path) -> Iterator[Store]:
    """The synchronous SQLite store with two hubs."""
    store = Store(db_path)
    store.add_hub(HUB)
    store.add_hub(OTHER_HUB)
    yield store
    store.close()


@pytest.fixture
async def deployment(store: AsyncStore) -> AsyncIterator[Deployment]:
    """The reference server on 127.0.0.1."""
    _, token = await store.add_token(HUB, "test")
    _, other = await store.add_token(OTHER_HUB)
    _, admin = await store.add_admin_token("test")
    app = create_app(store)
    async with serve_app(app) as url:
        yield Deployment(url, store, token, other, admin, app)


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    """A plain HTTP session."""
    async with aiohttp.ClientSession() as session:
        yield session
