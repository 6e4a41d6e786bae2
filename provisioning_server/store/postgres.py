"""PostgreSQL storage, so that several server instances can share one database.

Rules:

* Same tables and semantics as the SQLite store; IEEE addresses and hub ids
  use the ``C`` collation, so that pages are ordered as on SQLite.
* Changes of a hub take the hub's row lock (``SELECT ... FOR UPDATE``) first,
  so concurrent writers to one hub are serialised and revisions never skip.
* A trigger sends ``NOTIFY provisioning_revision, '<hub_id>'`` whenever a
  hub's revision changes, whoever changed it; every instance ``LISTEN``\\ s on
  a dedicated connection and wakes its long polls. When that connection is
  lost, it reconnects and reports every hub as changed (waiters re-check).
* The schema is created and migrated under an advisory lock, so instances may
  start together. ``schema_version`` holds its version (no row: API 1.1's
  schema); migrations add columns and keep every row.

Needs ``asyncpg``.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager, suppress
import hmac
import logging
import secrets
from typing import TYPE_CHECKING, Any

from provisioning_server.store.base import (
    ADDED_COLUMNS,
    ADMIN_TOKEN_PREFIX,
    DEVICE_COLUMNS,
    HUB_COLUMNS,
    SCHEMA_VERSION,
    TOKEN_PREFIX,
    VALUE_COLUMNS,
    AdminTokenInfo,
    AsyncStore,
    ChangeCallback,
    DeviceStatus,
    HubInfo,
    ImportResult,
    ItemsError,
    RevokeResult,
    StoreError,
    TokenInfo,
    UnknownHubError,
    device_from_row,
    device_values,
    dsk_conflict,
    dsk_differs,
    event_row,
    hash_token,
    hub_from_row,
    not_provisioned,
    now_text,
    status_row,
    token_hint,
)
from provisioning_server.validation import (
    DeviceRecord,
    EventRecord,
    validate_hub_id,
)

if TYPE_CHECKING:
    import asyncpg

_LOGGER = logging.getLogger(__name__)
CHANNEL = "provisioning_revision"
SCHEMA_LOCK = 0x70726F76  # "prov"
RECONNECT_DELAY = 1.0

SCHEMA = """
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
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
"""
MIGRATION = "".join(
    f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} {kind};\n"
    for table, column, kind in ADDED_COLUMNS
)


class PostgresStore(AsyncStore):
    """All persistent state in a PostgreSQL database."""

    def __init__(self, dsn: str, pool: asyncpg.Pool) -> None:
        """Use ``pool``; prefer :meth:`connect`."""
        self._dsn = dsn
        self._pool = pool

    @classmethod
    async def connect(cls, dsn: str, *, max_size: int = 10) -> PostgresStore:
        """Connect to ``dsn`` (``postgresql://...``) and create the schema."""
        import asyncpg

        try:
            pool = await asyncpg.create_pool(dsn, min_size=1, max_size=max_size)
        except (OSError, asyncpg.PostgresError) as err:
            raise StoreError(f"cannot connect to PostgreSQL: {err}") from None
        try:
            async with pool.acquire() as conn, conn.transaction():
                await conn.execute("SELECT pg_advisory_xact_lock($1)", SCHEMA_LOCK)
                await conn.execute(SCHEMA)
                await cls._migrate(conn)
        except BaseException:
            await pool.close()
            raise
        return cls(dsn, pool)

    @staticmethod
    async def _migrate(conn: asyncpg.Connection) -> None:
        """Bring the schema to ``SCHEMA_VERSION``, keeping every row."""
        version = await conn.fetchval("SELECT max(version) FROM schema_version")
        if version is not None and version > SCHEMA_VERSION:
            raise StoreError(
                f"the database has schema version {version}; this server"
                f" knows up to {SCHEMA_VERSION}"
            )
        if version != SCHEMA_VERSION:
            await conn.execute(MIGRATION)
            await conn.execute("DELETE FROM schema_version")
            await conn.execute(
                "INSERT INTO schema_version (version) VALUES ($1)", SCHEMA_VERSION
            )

    async def close(self) -> None:
        """Close the pool."""
        await self._pool.close()

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[asyncpg.Connection]:
        async with self._pool.acquire() as conn, conn.transaction():
            yield conn

    @staticmethod
    async def _lock_hub(conn: asyncpg.Connection, hub_id: str) -> int:
        revision = await conn.fetchval(
            "SELECT revision FROM hubs WHERE hub_id = $1 FOR UPDATE", hub_id
        )
        if revision is None:
            raise UnknownHubError(f"unknown hub {hub_id}")
        return int(revision)

    @staticmethod
    async def _bump(conn: asyncpg.Connection, hub_id: str) -> int:
        return int(
            await conn.fetchval(
                "UPDATE hubs SET revision = revision + 1 WHERE hub_id = $1"
                " RETURNING revision",
                hub_id,
            )
        )

    # Hubs

    async def add_hub(self, hub_id: str) -> HubInfo:
        """Create a hub."""
        validate_hub_id(hub_id)
        async with self._transaction() as conn:
            row = await conn.fetchrow(
                "INSERT INTO hubs (hub_id, etag_salt, created_at)"
                " VALUES ($1, $2, $3) ON CONFLICT (hub_id) DO NOTHING"
                f" RETURNING {HUB_COLUMNS}",
                hub_id,
                secrets.token_hex(4),
                now_text(),
            )
        if row is None:
            raise StoreError(f"hub {hub_id} already exists")
        return hub_from_row(row)

    async def get_hub(self, hub_id: str) -> HubInfo | None:
        """Return a hub, or None."""
        row = await self._pool.fetchrow(
            f"SELECT {HUB_COLUMNS} FROM hubs WHERE hub_id = $1", hub_id
        )
        return hub_from_row(row) if row else None

    async def list_hubs(self) -> list[HubInfo]:
        """Return all hubs."""
        rows = await self._pool.fetch(f"SELECT {HUB_COLUMNS} FROM hubs ORDER BY hub_id")
        return [hub_from_row(row) for row in rows]

    # Hub tokens

    async def add_token(
        self, hub_id: str, label: str | None = None
    ) -> tuple[TokenInfo, str]:
        """Create a hub token."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        hint = token_hint(token)
        created = now_text()
        async with self._transaction() as conn:
            await self._lock_hub(conn, hub_id)
            token_id = await conn.fetchval(
                "INSERT INTO tokens (hub_id, token_hash, hint, label, created_at)"
                " VALUES ($1, $2, $3, $4, $5) RETURNING token_id",
                hub_id,
                hash_token(token),
                hint,
                label,
                created,
            )
        return TokenInfo(int(token_id), hub_id, hint, label, created), token

    async def list_tokens(self, hub_id: str) -> list[TokenInfo]:
        """Return a hub's tokens."""
        async with self._transaction() as conn:
            if not await conn.fetchval("SELECT 1 FROM hubs WHERE hub_id = $1", hub_id):
                raise UnknownHubError(f"unknown hub {hub_id}")
            rows = await conn.fetch(
                "SELECT token_id, hub_id, hint, label, created_at FROM tokens"
                " WHERE hub_id = $1 ORDER BY token_id",
                hub_id,
            )
        return [
            TokenInfo(**{**dict(row), "token_id": int(row["token_id"])}) for row in rows
        ]

    async def remove_token(self, hub_id: str, token_id: int) -> bool:
        """Delete a hub token."""
        result = await self._pool.execute(
            "DELETE FROM tokens WHERE hub_id = $1 AND token_id = $2", hub_id, token_id
        )
        return str(result) != "DELETE 0"

    async def authenticate(self, token: str) -> str | None:
        """Return the hub of a hub token."""
        digest = hash_token(token)
        row = await self._pool.fetchrow(
            "SELECT hub_id, token_hash FROM tokens WHERE token_hash = $1", digest
        )
        if row is None or not hmac.compare_digest(row["token_hash"], digest):
            return None
        return str(row["hub_id"])

    # Admin tokens

    async def add_admin_token(
        self, label: str | None = None
    ) -> tuple[AdminTokenInfo, str]:
        """Create an admin token."""
        token = ADMIN_TOKEN_PREFIX + secrets.token_urlsafe(32)
        hint = token_hint(token)
        created = now_text()
        token_id = await self._pool.fetchval(
            "INSERT INTO admin_tokens (token_hash, hint, label, created_at)"
            " VALUES ($1, $2, $3, $4) RETURNING token_id",
            hash_token(token),
            hint,
            label,
            created,
        )
        return AdminTokenInfo(int(token_id), hint, label, created), token

    async def list_admin_tokens(self) -> list[AdminTokenInfo]:
        """Return all admin tokens."""
        rows = await self._pool.fetch(
            "SELECT token_id, hint, label, created_at FROM admin_tokens"
            " ORDER BY token_id"
        )
        return [
            AdminTokenInfo(**{**dict(row), "token_id": int(row["token_id"])})
            for row in rows
        ]

    async def remove_admin_token(self, token_id: int) -> bool:
        """Delete an admin token."""
        result = await self._pool.execute(
            "DELETE FROM admin_tokens WHERE token_id = $1", token_id
        )
        return str(result) != "DELETE 0"

    async def authenticate_admin(self, token: str) -> int | None:
        """Return the id of an admin token."""
        digest = hash_token(token)
        row = await self._pool.fetchrow(
            "SELECT token_id, token_hash FROM admin_tokens WHERE token_hash = $1",
            digest,
        )
        if row is None or not hmac.compare_digest(row["token_hash"], digest):
            return None
        return int(row["token_id"])

    # Devices

    async def import_devices(
        self, hub_id: str, devices: Sequence[DeviceRecord]
    ) -> ImportResult:
        """Add or update devices in one transaction."""
        added = updated = unchanged = 0
        now = now_text()
        columns = [column.strip() for column in VALUE_COLUMNS.split(",")]
        async with self._transaction() as conn:
            revision = await self._lock_hub(conn, hub_id)
            existing = {
                row["ieee"]: row
                for row in await conn.fetch(
                    f"SELECT {DEVICE_COLUMNS} FROM devices WHERE hub_id = $1"
                    " AND ieee = ANY($2::text[])",
                    hub_id,
                    [device.ieee for device in devices],
                )
            }
            changes = []
            errors: list[tuple[int, str]] = []
            for index, device in enumerate(devices):
                values = device_values(device)
                old = existing.get(device.ieee)
                if old is None:
                    added += 1
                elif dsk_differs(device, old["technology"], old["dsk"]):
                    errors.append(dsk_conflict(index, device))
                    continue
                elif tuple(old)[1:] == values:
                    unchanged += 1
                    continue
                else:
                    updated += 1
                changes.append((hub_id, device.ieee, *values, now))
            if errors:
                raise ItemsError(errors)
            if changes:
                places = ", ".join(f"${n}" for n in range(1, len(columns) + 4))
                await conn.executemany(
                    f"INSERT INTO devices (hub_id, ieee, {VALUE_COLUMNS}, updated_at)"
                    f" VALUES ({places})"
                    " ON CONFLICT (hub_id, ieee) DO UPDATE SET "
                    + ", ".join(f"{c} = excluded.{c}" for c in columns)
                    + ", updated_at = excluded.updated_at",
                    changes,
                )
                revision = await self._bump(conn, hub_id)
        return ImportResult(added, updated, unchanged, revision)

    async def revoke_devices(self, hub_id: str, ieees: Sequence[str]) -> RevokeResult:
        """Revoke devices in one transaction."""
        async with self._transaction() as conn:
            revision = await self._lock_hub(conn, hub_id)
            states = {
                row["ieee"]: row["state"]
                for row in await conn.fetch(
                    "SELECT ieee, state FROM devices WHERE hub_id = $1"
                    " AND ieee = ANY($2::text[])",
                    hub_id,
                    list(ieees),
                )
            }
            errors = [
                not_provisioned(index, ieee)
                for index, ieee in enumerate(ieees)
                if ieee not in states
            ]
            if errors:
                raise ItemsError(errors)
            to_revoke = sorted({i for i in ieees if states[i] != "revoked"})
            if to_revoke:
                await conn.execute(
                    "UPDATE devices SET state = 'revoked', updated_at = $3"
                    " WHERE hub_id = $1 AND ieee = ANY($2::text[])",
                    hub_id,
                    to_revoke,
                    now_text(),
                )
                revision = await self._bump(conn, hub_id)
        return RevokeResult(len(to_revoke), len(ieees) - len(to_revoke), revision)

    async def get_device(self, hub_id: str, ieee: str) -> DeviceRecord | None:
        """Return one device."""
        row = await self._pool.fetchrow(
            f"SELECT {DEVICE_COLUMNS} FROM devices WHERE hub_id = $1 AND ieee = $2",
            hub_id,
            ieee,
        )
        return device_from_row(row) if row else None

    async def list_devices(
        self,
        hub_id: str,
        *,
        after: str | None,
        limit: int,
        technologies: Sequence[str] | None = None,
    ) -> tuple[HubInfo, list[DeviceRecord], bool]:
        """Return one page of devices, read in one snapshot with the revision."""
        async with (
            self._pool.acquire() as conn,
            conn.transaction(isolation="repeatable_read", readonly=True),
        ):
            hub_row = await conn.fetchrow(
                f"SELECT {HUB_COLUMNS} FROM hubs WHERE hub_id = $1", hub_id
            )
            if hub_row is None:
                raise UnknownHubError(f"unknown hub {hub_id}")
            rows = await conn.fetch(
                f"SELECT {DEVICE_COLUMNS} FROM devices WHERE hub_id = $1"
                " AND ieee > $2 AND ($4::text[] IS NULL OR technology = ANY($4))"
                " ORDER BY ieee LIMIT $3",
                hub_id,
                after or "",
                limit + 1,
                None if technologies is None else list(technologies),
            )
        devices = [device_from_row(row) for row in rows[:limit]]
        return hub_from_row(hub_row), devices, len(rows) > limit

    # Events

    async def record_events(
        self, hub_id: str, events: Sequence[EventRecord]
    ) -> list[str]:
        """Store events once each."""
        accepted: list[str] = []
        received = now_text()
        async with self._transaction() as conn:
            if not await conn.fetchval("SELECT 1 FROM hubs WHERE hub_id = $1", hub_id):
                raise UnknownHubError(f"unknown hub {hub_id}")
            for event in events:
                accepted.append(event.event_id)
                inserted = await conn.fetchval(
                    "INSERT INTO events (hub_id, event_id, ieee, status, at, details,"
                    " received_at, technology, node_id)"
                    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
                    " ON CONFLICT DO NOTHING RETURNING 1",
                    *event_row(hub_id, event, received),
                )
                if inserted is None:
                    continue  # Already applied.
                await conn.execute(
                    "INSERT INTO device_status (hub_id, ieee, status, at, at_epoch,"
                    " node_id) VALUES ($1, $2, $3, $4, $5, $6)"
                    " ON CONFLICT (hub_id, ieee) DO UPDATE SET"
                    " status = excluded.status, at = excluded.at,"
                    " at_epoch = excluded.at_epoch,"
                    " node_id = coalesce(excluded.node_id, device_status.node_id)"
                    " WHERE excluded.at_epoch >= device_status.at_epoch",
                    *status_row(hub_id, event),
                )
        return accepted

    async def count_events(self, hub_id: str) -> int:
        """Count a hub's events."""
        return int(
            await self._pool.fetchval(
                "SELECT COUNT(*) FROM events WHERE hub_id = $1", hub_id
            )
        )

    async def device_status(self, hub_id: str) -> list[DeviceStatus]:
        """Return the devices with their last status."""
        async with self._transaction() as conn:
            if not await conn.fetchval("SELECT 1 FROM hubs WHERE hub_id = $1", hub_id):
                raise UnknownHubError(f"unknown hub {hub_id}")
            rows = await conn.fetch(
                "SELECT d.ieee, d.name, d.area, d.state, s.status, s.at,"
                " d.technology, s.node_id"
                " FROM devices d LEFT JOIN device_status s"
                " ON s.hub_id = d.hub_id AND s.ieee = d.ieee"
                " WHERE d.hub_id = $1 ORDER BY d.ieee",
                hub_id,
            )
        return [DeviceStatus(**dict(row)) for row in rows]

    # Change notification

    async def watch(
        self, on_change: ChangeCallback, active: Callable[[], bool]
    ) -> Callable[[], Awaitable[None]]:
        """LISTEN on a dedicated connection; reconnect when it is lost."""
        import asyncpg

        def listener(_conn: Any, _pid: int, _channel: str, payload: str) -> None:
            on_change(payload)

        async def listen() -> asyncpg.Connection:
            conn = await asyncpg.connect(self._dsn)
            await conn.add_listener(CHANNEL, listener)
            return conn

        first = await listen()

        async def run(conn: asyncpg.Connection | None) -> None:
            try:
                while True:
                    if conn is not None and not conn.is_closed():
                        await asyncio.sleep(RECONNECT_DELAY)
                        continue
                    try:
                        conn = await listen()
                    except (OSError, asyncpg.PostgresError) as err:
                        _LOGGER.warning("Cannot listen for changes: %s", err)
                        await asyncio.sleep(RECONNECT_DELAY)
                        continue
                    # Changes may have been missed while disconnected.
                    for hub in await self.list_hubs():
                        on_change(hub.hub_id)
            finally:
                if conn is not None and not conn.is_closed():
                    await conn.close()

        task = asyncio.get_running_loop().create_task(
            run(first), name="provisioning-postgres-listen"
        )

        async def stop() -> None:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task

        return stop
