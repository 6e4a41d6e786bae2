"""Fixtures for the provisioning server tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
import pathlib

import aiohttp
import pytest

from provisioning_server.store import Store

from .helpers import HUB, OTHER_HUB, serve_store


@dataclass
class Deployment:
    """A running reference server with two hubs and a token for each."""

    url: str
    store: Store
    token: str
    other_token: str

    def devices_url(self, hub: str = HUB) -> str:
        """URL of a hub's device list."""
        return f"{self.url}/v1/hubs/{hub}/devices"

    def events_url(self, hub: str = HUB) -> str:
        """URL of a hub's events."""
        return f"{self.url}/v1/hubs/{hub}/events"

    def auth(self, token: str | None = None) -> dict[str, str]:
        """Authorization header."""
        return {"Authorization": f"Bearer {token or self.token}"}


@pytest.fixture(autouse=True)
def _local_sockets(socket_enabled: None) -> None:
    """Allow sockets; the test harness still restricts them to 127.0.0.1."""


@pytest.fixture
def db_path(tmp_path: pathlib.Path) -> pathlib.Path:
    """Path of a fresh database."""
    return tmp_path / "provisioning.db"


@pytest.fixture
def store(db_path: pathlib.Path) -> Iterator[Store]:
    """A store with two hubs."""
    store = Store(db_path)
    store.add_hub(HUB)
    store.add_hub(OTHER_HUB)
    yield store
    store.close()


@pytest.fixture
async def deployment(store: Store) -> AsyncIterator[Deployment]:
    """The reference server on 127.0.0.1."""
    _, token = store.add_token(HUB, "test")
    _, other = store.add_token(OTHER_HUB)
    async with serve_store(store) as url:
        yield Deployment(url, store, token, other)


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    """A plain HTTP session."""
    async with aiohttp.ClientSession() as session:
        yield session
