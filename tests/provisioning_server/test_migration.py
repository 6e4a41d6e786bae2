"""Databases made by API 1.1's server open, migrated, with every row kept.

The schemas below are API 1.1's, as its server created them (no schema
version recorded); a database is filled with raw SQL, then opened by the
current store.
"""

from __future__ import annotations

import pathlib
import sqlite3

import asyncpg
import pytest

from provisioning_server.store import AsyncStore, StoreError, hash_token
from provisioning_server.store.base import SCHEMA_VERSION
from provisioning_server.validation import DeviceRecord, EventRecord

from .conftest import new_database, open_backend
from .helpers import HUB

SQLITE_1_1 = """
CREATE TABLE IF NOT EXISTS hubs (
    hub_id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL DEFAULT 1,
    etag_salt TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
    token_id INTEGER PRIMARY KEY AUTOINCREMENT,
    hub_id TEXT NOT NULL REFERENCES hubs(hub_id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    hint TEXT NOT NULL,
    label TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS admin_tokens (
    token_id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash TEXT NOT NULL UNIQUE,
    hint TEXT NOT NULL,
    label TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS devices (
    hub_id TEXT NOT NULL REFERENCES hubs(hub_id) ON DELETE CASCADE,
    ieee TEXT NOT NULL,
    install_code TEXT,
    link_key TEXT,
    name TEXT,
    area TEXT,
    manufacturer TEXT,
    model TEXT,
    state TEXT NOT NULL DEFAULT 'active',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (hub_id, ieee)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (
    hub_id TEXT NOT NULL REFERENCES hubs(hub_id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    ieee TEXT NOT NULL,
    status TEXT NOT NULL,
    at TEXT NOT NULL,
    details TEXT,
    received_at TEXT NOT NULL,
    PRIMARY KEY (hub_id, event_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS device_status (
    hub_id TEXT NOT NULL REFERENCES hubs(hub_id) ON DELETE CASCADE,
    ieee TEXT NOT NULL,
    status TEXT NOT NULL,
    at TEXT NOT NULL,
    at_epoch REAL NOT NULL,
    PRIMARY KEY (hub_id, ieee)
) WITHOUT ROWID;
"""

POSTGRES_1_1 = r"""
CREATE TABLE IF NOT EXISTS hubs (
    hub_id TEXT COLLATE "C" PRIMARY KEY,
    revision BIGINT NOT NULL DEFAULT 1,
    etag_salt TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
    token_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hub_id TEXT COLLATE "C" NOT NULL REFERENCES hubs(hub_id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    hint TEXT NOT NULL,
    label TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS admin_tokens (
    token_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    hint TEXT NOT NULL,
    label TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS devices (
    hub_id TEXT COLLATE "C" NOT NULL REFERENCES hubs(hub_id) ON DELETE CASCADE,
    ieee TEXT COLLATE "C" NOT NULL,
    install_code TEXT,
    link_key TEXT,
    name TEXT,
    area TEXT,
    manufacturer TEXT,
    model TEXT,
    state TEXT NOT NULL DEFAULT 'active',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (hub_id, ieee)
);
CREATE TABLE IF NOT EXISTS events (
    hub_id TEXT COLLATE "C" NOT NULL REFERENCES hubs(hub_id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    ieee TEXT NOT NULL,
    status TEXT NOT NULL,
    at TEXT NOT NULL,
    details TEXT,
    received_at TEXT NOT NULL,
    PRIMARY KEY (hub_id, event_id)
);
CREATE TABLE IF NOT EXISTS device_status (
    hub_id TEXT COLLATE "C" NOT NULL REFERENCES hubs(hub_id) ON DELETE CASCADE,
    ieee TEXT COLLATE "C" NOT NULL,
    status TEXT NOT NULL,
    at TEXT NOT NULL,
    at_epoch DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (hub_id, ieee)
);
CREATE OR REPLACE FUNCTION provisioning_notify_revision() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('provisioning_revision', NEW.hub_id);
    RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER provisioning_revision_changed
    AFTER UPDATE OF revision ON hubs FOR EACH ROW
    WHEN (OLD.revision IS DISTINCT FROM NEW.revision)
    EXECUTE FUNCTION provisioning_notify_revision();
"""

TOKEN = "pvs_migrated-token"
IEEE = "00:0d:6f:00:00:00:00:01"
DSK = "61237-00101-00102-00103-00104-00105-00106-00107"
MASKED = "xxxxx-00101-00102-00103-00104-00105-00106-00107"
ROWS = [
    "INSERT INTO hubs (hub_id, revision, etag_salt, created_at)"
    f" VALUES ('{HUB}', 7, 'abcd0123', '2026-01-01T00:00:00Z')",
    "INSERT INTO tokens (hub_id, token_hash, hint, label, created_at)"
    f" VALUES ('{HUB}', '{hash_token(TOKEN)}', 'pvs_migr...', 'old',"
    " '2026-01-01T00:00:00Z')",
    "INSERT INTO devices (hub_id, ieee, install_code, link_key, name, area,"
    " manufacturer, model, state, updated_at) VALUES"
    f" ('{HUB}', '{IEEE}', NULL, '{'11' * 16}', 'Plug', 'Hall', 'Acme', 'P1',"
    " 'active', '2026-01-01T00:00:00Z')",
    "INSERT INTO events (hub_id, event_id, ieee, status, at, details, received_at)"
    f" VALUES ('{HUB}', '6f1c3c5e-2f51-4c1e-9d0a-3e1d2c3b4a59', '{IEEE}',"
    " 'joined', '2026-01-02T00:00:00Z', NULL, '2026-01-02T00:00:01Z')",
    "INSERT INTO device_status (hub_id, ieee, status, at, at_epoch) VALUES"
    f" ('{HUB}', '{IEEE}', 'joined', '2026-01-02T00:00:00Z', 1767312000.0)",
]


async def old_database(
    backend: str, tmp_path: pathlib.Path, request: pytest.FixtureRequest
) -> str:
    """A database of API 1.1's schema with a hub, token, device, event, status."""
    if backend == "sqlite":
        path = tmp_path / "old.db"
        db = sqlite3.connect(path)
        db.executescript(SQLITE_1_1)
        for statement in ROWS:
            db.execute(statement)
        db.commit()
        db.close()
        return str(path)
    dsn = await new_database(request.getfixturevalue("postgres_dsn"))
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(POSTGRES_1_1)
        for statement in ROWS:
            await conn.execute(statement)
    finally:
        await conn.close()
    return dsn


async def schema_version(db_url: str) -> int:
    """The version the database records."""
    if db_url.startswith("postgresql://"):
        conn = await asyncpg.connect(db_url)
        try:
            return int(await conn.fetchval("SELECT max(version) FROM schema_version"))
        finally:
            await conn.close()
    db = sqlite3.connect(db_url)
    try:
        return int(db.execute("PRAGMA user_version").fetchone()[0])
    finally:
        db.close()


async def check_kept(store: AsyncStore) -> None:
    """Everything the old server stored is there, unchanged."""
    hub = await store.get_hub(HUB)
    assert hub is not None
    assert (hub.revision, hub.etag) == (7, '"abcd0123-7"')
    assert await store.authenticate(TOKEN) == HUB
    _, devices, more = await store.list_devices(HUB, after=None, limit=10)
    assert devices == [
        DeviceRecord(
            ieee=IEEE,
            link_key="11" * 16,
            name="Plug",
            area="Hall",
            manufacturer="Acme",
            model="P1",
        )
    ]
    assert not more
    assert await store.count_events(HUB) == 1
    [status] = await store.device_status(HUB)
    assert (status.ieee, status.status, status.technology) == (IEEE, "joined", "zigbee")


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
async def test_api_1_1_database_is_migrated(
    backend: str, tmp_path: pathlib.Path, request: pytest.FixtureRequest
) -> None:
    """Opening migrates to the current version; rows stay; Z-Wave works."""
    db_url = await old_database(backend, tmp_path, request)
    store = await open_backend(db_url)
    try:
        assert await schema_version(db_url) == SCHEMA_VERSION
        await check_kept(store)
        device = DeviceRecord(
            ieee=MASKED,
            technology="zwave",
            dsk=DSK,
            security_classes="S2_Authenticated",
            zwave_protocol="zwave",
            manufacturer_id=1,
            product_type=2,
            product_id=3,
        )
        result = await store.import_devices(HUB, [device])
        assert (result.added, result.revision) == (1, 8)
        await store.record_events(
            HUB,
            [
                EventRecord(
                    event_id="0b7e2c1a-8d3f-4e5a-9b6c-7d8e9f0a1b2c",
                    ieee=MASKED,
                    status="joined",
                    at="2026-01-03T00:00:00Z",
                    technology="zwave",
                    node_id=12,
                )
            ],
        )
    finally:
        await store.close()
    # Opening again changes nothing.
    store = await open_backend(db_url)
    try:
        await check_kept_after_zwave(store, device)
    finally:
        await store.close()


async def check_kept_after_zwave(store: AsyncStore, device: DeviceRecord) -> None:
    """The old rows and the new Z-Wave device, after a second opening."""
    _, devices, _ = await store.list_devices(
        HUB, after=None, limit=10, technologies=["zwave"]
    )
    assert devices == [device]
    _, devices, _ = await store.list_devices(
        HUB, after=None, limit=10, technologies=["zigbee"]
    )
    assert [d.ieee for d in devices] == [IEEE]
    statuses = {row.ieee: row for row in await store.device_status(HUB)}
    assert statuses[MASKED].node_id == 12
    assert statuses[MASKED].technology == "zwave"
    assert statuses[IEEE].status == "joined"


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
async def test_newer_schema_is_refused(
    backend: str, tmp_path: pathlib.Path, request: pytest.FixtureRequest
) -> None:
    """A database of a later version is not opened (nor changed)."""
    db_url = await old_database(backend, tmp_path, request)
    store = await open_backend(db_url)
    await store.close()
    if backend == "sqlite":
        db = sqlite3.connect(db_url)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        db.commit()
        db.close()
    else:
        conn = await asyncpg.connect(db_url)
        await conn.execute("UPDATE schema_version SET version = $1", SCHEMA_VERSION + 1)
        await conn.close()
    with pytest.raises(StoreError, match="schema version"):
        await open_backend(db_url)
