"""SQLite storage of hubs, tokens, devices and reported events (the default).

Rules:

* :class:`Store` is the synchronous store over one SQLite file (WAL mode); it is
  safe to use from several threads. :class:`SqliteAsyncStore` runs it in one
  database thread for the event loop; the API and the CLI use that.
* The schema version is ``PRAGMA user_version`` (0: API 1.1's schema);
  opening a file migrates it to ``SCHEMA_VERSION`` in one transaction.
* Several processes may use the same file (the CLI next to a running server,
  or two server instances). Their changes are noticed by polling the cheap
  ``PRAGMA data_version`` of a separate connection every 250 ms, and only
  then reading the hubs' revisions.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
import functools
import hmac
import logging
import os
import secrets
import sqlite3
import threading
from typing import Any

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

_LOGGER = logging.getLogger(__name__)
POLL_INTERVAL = 0.25

SCHEMA = """
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
    technology TEXT NOT NULL DEFAULT 'zigbee',
    dsk TEXT,
    security_classes TEXT,
    zwave_protocol TEXT,
    manufacturer_id INTEGER,
    product_type INTEGER,
    product_id INTEGER,
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
    technology TEXT NOT NULL DEFAULT 'zigbee',
    node_id INTEGER,
    PRIMARY KEY (hub_id, event_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS device_status (
    hub_id TEXT NOT NULL REFERENCES hubs(hub_id) ON DELETE CASCADE,
    ieee TEXT NOT NULL,
    status TEXT NOT NULL,
    at TEXT NOT NULL,
    at_epoch REAL NOT NULL,
    node_id INTEGER,
    PRIMARY KEY (hub_id, ieee)
) WITHOUT ROWID;
"""


def _migrate(db: sqlite3.Connection) -> None:
    """Bring the schema to ``SCHEMA_VERSION``, keeping every row."""
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the database has schema version {version}; this server knows"
            f" up to {SCHEMA_VERSION}"
        )
    if version == SCHEMA_VERSION:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        for table, column, kind in ADDED_COLUMNS:
            present = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
            if column not in present:
                db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


class Store:
    """All persistent state of the server; safe to use from several threads."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        """Open (and create if needed) the database at ``path``."""
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(
            path, check_same_thread=False, isolation_level=None, timeout=30
        )
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        try:
            self._db.executescript(SCHEMA)
            _migrate(self._db)
        except BaseException:
            self._db.close()
            raise

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()

    @contextmanager
    def _transaction(self, *, write: bool = True) -> Iterator[sqlite3.Connection]:
        """One transaction; reads take a snapshot without the write lock."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # Hubs

    def add_hub(self, hub_id: str) -> HubInfo:
        """Create a hub."""
        validate_hub_id(hub_id)
        with self._transaction() as db:
            if db.execute("SELECT 1 FROM hubs WHERE hub_id = ?", (hub_id,)).fetchone():
                raise StoreError(f"hub {hub_id} already exists")
            db.execute(
                "INSERT INTO hubs (hub_id, etag_salt, created_at) VALUES (?, ?, ?)",
                (hub_id, secrets.token_hex(4), now_text()),
            )
        hub = self.get_hub(hub_id)
        assert hub is not None
        return hub

    def get_hub(self, hub_id: str) -> HubInfo | None:
        """Return a hub, or None when it does not exist."""
        with self._lock:
            row = self._db.execute(
                f"SELECT {HUB_COLUMNS} FROM hubs WHERE hub_id = ?",
                (hub_id,),
            ).fetchone()
        return hub_from_row(row) if row else None

    def list_hubs(self) -> list[HubInfo]:
        """Return all hubs."""
        with self._lock:
            rows = self._db.execute(
                f"SELECT {HUB_COLUMNS} FROM hubs ORDER BY hub_id"
            ).fetchall()
        return [hub_from_row(row) for row in rows]

    def _require_hub(self, db: sqlite3.Connection, hub_id: str) -> None:
        if not db.execute("SELECT 1 FROM hubs WHERE hub_id = ?", (hub_id,)).fetchone():
            raise UnknownHubError(f"unknown hub {hub_id}")

    @staticmethod
    def _bump(db: sqlite3.Connection, hub_id: str) -> int:
        db.execute(
            "UPDATE hubs SET revision = revision + 1 WHERE hub_id = ?", (hub_id,)
        )
        row = db.execute(
            "SELECT revision FROM hubs WHERE hub_id = ?", (hub_id,)
        ).fetchone()
        return int(row[0])

    @staticmethod
    def _revision(db: sqlite3.Connection, hub_id: str) -> int:
        row = db.execute(
            "SELECT revision FROM hubs WHERE hub_id = ?", (hub_id,)
        ).fetchone()
        return int(row[0])

    # Tokens

    def add_token(self, hub_id: str, label: str | None = None) -> tuple[TokenInfo, str]:
        """Create a token for a hub; the token is returned only here."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        hint = token_hint(token)
        created = now_text()
        with self._transaction() as db:
            self._require_hub(db, hub_id)
            cursor = db.execute(
                "INSERT INTO tokens (hub_id, token_hash, hint, label, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (hub_id, hash_token(token), hint, label, created),
            )
            token_id = int(cursor.lastrowid or 0)
        return TokenInfo(token_id, hub_id, hint, label, created), token

    def list_tokens(self, hub_id: str) -> list[TokenInfo]:
        """Return the metadata of a hub's tokens."""
        with self._transaction(write=False) as db:
            self._require_hub(db, hub_id)
            rows = db.execute(
                "SELECT token_id, hub_id, hint, label, created_at FROM tokens"
                " WHERE hub_id = ? ORDER BY token_id",
                (hub_id,),
            ).fetchall()
        return [TokenInfo(**dict(row)) for row in rows]

    def remove_token(self, hub_id: str, token_id: int) -> bool:
        """Delete a token; True when it existed."""
        with self._transaction() as db:
            cursor = db.execute(
                "DELETE FROM tokens WHERE hub_id = ? AND token_id = ?",
                (hub_id, token_id),
            )
            return cursor.rowcount > 0

    def authenticate(self, token: str) -> str | None:
        """Return the hub a token belongs to, or None."""
        digest = hash_token(token)
        with self._lock:
            row = self._db.execute(
                "SELECT hub_id, token_hash FROM tokens WHERE token_hash = ?",
                (digest,),
            ).fetchone()
        if row is None or not hmac.compare_digest(row["token_hash"], digest):
            return None
        return str(row["hub_id"])

    # Admin tokens

    def add_admin_token(self, label: str | None = None) -> tuple[AdminTokenInfo, str]:
        """Create an admin token; the token is returned only here."""
        token = ADMIN_TOKEN_PREFIX + secrets.token_urlsafe(32)
        hint = token_hint(token)
        created = now_text()
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO admin_tokens (token_hash, hint, label, created_at)"
                " VALUES (?, ?, ?, ?)",
                (hash_token(token), hint, label, created),
            )
            token_id = int(cursor.lastrowid or 0)
        return AdminTokenInfo(token_id, hint, label, created), token

    def list_admin_tokens(self) -> list[AdminTokenInfo]:
        """Return the metadata of all admin tokens."""
        with self._lock:
            rows = self._db.execute(
                "SELECT token_id, hint, label, created_at FROM admin_tokens"
                " ORDER BY token_id"
            ).fetchall()
        return [AdminTokenInfo(**dict(row)) for row in rows]

    def remove_admin_token(self, token_id: int) -> bool:
        """Delete an admin token; True when it existed."""
        with self._transaction() as db:
            cursor = db.execute(
                "DELETE FROM admin_tokens WHERE token_id = ?", (token_id,)
            )
            return cursor.rowcount > 0

    def authenticate_admin(self, token: str) -> int | None:
        """Return the id of an admin token, or None."""
        digest = hash_token(token)
        with self._lock:
            row = self._db.execute(
                "SELECT token_id, token_hash FROM admin_tokens WHERE token_hash = ?",
                (digest,),
            ).fetchone()
        if row is None or not hmac.compare_digest(row["token_hash"], digest):
            return None
        return int(row["token_id"])

    # Devices

    def import_devices(
        self, hub_id: str, devices: Iterable[DeviceRecord]
    ) -> ImportResult:
        """Add or update devices (re-activating revoked ones)."""
        added = updated = unchanged = 0
        now = now_text()
        errors: list[tuple[int, str]] = []
        assignments = ", ".join(
            f"{column.strip()} = ?" for column in VALUE_COLUMNS.split(",")
        )
        with self._transaction() as db:
            self._require_hub(db, hub_id)
            for index, device in enumerate(devices):
                values = device_values(device)
                row = db.execute(
                    f"SELECT {VALUE_COLUMNS} FROM devices"
                    " WHERE hub_id = ? AND ieee = ?",
                    (hub_id, device.ieee),
                ).fetchone()
                if row is None:
                    db.execute(
                        f"INSERT INTO devices (hub_id, ieee, {VALUE_COLUMNS},"
                        f" updated_at) VALUES (?, ?, {', '.join('?' * len(values))},"
                        " ?)",
                        (hub_id, device.ieee, *values, now),
                    )
                    added += 1
                elif dsk_differs(device, row["technology"], row["dsk"]):
                    errors.append(dsk_conflict(index, device))
                elif tuple(row) == values:
                    unchanged += 1
                else:
                    db.execute(
                        f"UPDATE devices SET {assignments},"
                        " updated_at = ? WHERE hub_id = ? AND ieee = ?",
                        (*values, now, hub_id, device.ieee),
                    )
                    updated += 1
            if errors:
                raise ItemsError(errors)
            if added or updated:
                revision = self._bump(db, hub_id)
            else:
                revision = self._revision(db, hub_id)
        return ImportResult(added, updated, unchanged, revision)

    def revoke_devices(self, hub_id: str, ieees: Sequence[str]) -> RevokeResult:
        """Revoke devices in one transaction; ItemsError when one is not listed."""
        revoked = unchanged = 0
        now = now_text()
        with self._transaction() as db:
            self._require_hub(db, hub_id)
            errors: list[tuple[int, str]] = []
            for index, ieee in enumerate(ieees):
                row = db.execute(
                    "SELECT state FROM devices WHERE hub_id = ? AND ieee = ?",
                    (hub_id, ieee),
                ).fetchone()
                if row is None:
                    errors.append(not_provisioned(index, ieee))
                elif row["state"] == "revoked":
                    unchanged += 1
                else:
                    db.execute(
                        "UPDATE devices SET state = 'revoked', updated_at = ?"
                        " WHERE hub_id = ? AND ieee = ?",
                        (now, hub_id, ieee),
                    )
                    revoked += 1
            if errors:
                raise ItemsError(errors)
            revision = self._bump(db, hub_id) if revoked else self._revision(db, hub_id)
        return RevokeResult(revoked, unchanged, revision)

    def revoke_device(self, hub_id: str, ieee: str) -> bool:
        """Revoke a device; True when its state changed."""
        try:
            return self.revoke_devices(hub_id, [ieee]).revoked == 1
        except ItemsError:
            raise StoreError(
                f"device {ieee} is not provisioned on hub {hub_id}"
            ) from None

    def get_device(self, hub_id: str, ieee: str) -> DeviceRecord | None:
        """Return one device, or None."""
        with self._lock:
            row = self._db.execute(
                f"SELECT {DEVICE_COLUMNS} FROM devices WHERE hub_id = ? AND ieee = ?",
                (hub_id, ieee),
            ).fetchone()
        return device_from_row(row) if row else None

    def list_devices(
        self,
        hub_id: str,
        *,
        after: str | None,
        limit: int,
        technologies: Sequence[str] | None = None,
    ) -> tuple[HubInfo, list[DeviceRecord], bool]:
        """Return one page of devices ordered by id and whether more follow."""
        only = ""
        if technologies is not None:
            only = f" AND technology IN ({', '.join('?' * len(technologies))})"
        with self._transaction(write=False) as db:
            hub_row = db.execute(
                f"SELECT {HUB_COLUMNS} FROM hubs WHERE hub_id = ?",
                (hub_id,),
            ).fetchone()
            if hub_row is None:
                raise UnknownHubError(f"unknown hub {hub_id}")
            rows = db.execute(
                f"SELECT {DEVICE_COLUMNS} FROM devices WHERE hub_id = ? AND ieee > ?"
                f"{only} ORDER BY ieee LIMIT ?",
                (hub_id, after or "", *(technologies or ()), limit + 1),
            ).fetchall()
        devices = [device_from_row(row) for row in rows[:limit]]
        return hub_from_row(hub_row), devices, len(rows) > limit

    # Events

    def record_events(self, hub_id: str, events: Iterable[EventRecord]) -> list[str]:
        """Store events once each; return the ids of all events given."""
        accepted: list[str] = []
        received = now_text()
        with self._transaction() as db:
            self._require_hub(db, hub_id)
            for event in events:
                accepted.append(event.event_id)
                cursor = db.execute(
                    "INSERT OR IGNORE INTO events (hub_id, event_id, ieee, status, at,"
                    " details, received_at, technology, node_id)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    event_row(hub_id, event, received),
                )
                if cursor.rowcount == 0:
                    continue  # Already applied.
                db.execute(
                    "INSERT INTO device_status (hub_id, ieee, status, at, at_epoch,"
                    " node_id) VALUES (?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (hub_id, ieee) DO UPDATE SET"
                    " status = excluded.status, at = excluded.at,"
                    " at_epoch = excluded.at_epoch,"
                    " node_id = coalesce(excluded.node_id, device_status.node_id)"
                    " WHERE excluded.at_epoch >= device_status.at_epoch",
                    status_row(hub_id, event),
                )
        return accepted

    def count_events(self, hub_id: str) -> int:
        """Return how many distinct events a hub has reported."""
        with self._lock:
            row = self._db.execute(
                "SELECT COUNT(*) FROM events WHERE hub_id = ?", (hub_id,)
            ).fetchone()
        return int(row[0])

    def device_status(self, hub_id: str) -> list[DeviceStatus]:
        """Return every provisioned device with its last reported status."""
        with self._transaction(write=False) as db:
            self._require_hub(db, hub_id)
            rows = db.execute(
                "SELECT d.ieee, d.name, d.area, d.state, s.status, s.at,"
                " d.technology, s.node_id"
                " FROM devices d LEFT JOIN device_status s"
                " ON s.hub_id = d.hub_id AND s.ieee = d.ieee"
                " WHERE d.hub_id = ? ORDER BY d.ieee",
                (hub_id,),
            ).fetchall()
        return [DeviceStatus(**dict(row)) for row in rows]


class _ChangePoller:
    """Finds hubs whose revision changed, on a connection of its own."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self._db = sqlite3.connect(
            path, check_same_thread=False, isolation_level=None, timeout=30
        )
        self._version: int | None = None
        self._revisions: dict[str, int] = {}

    def poll(self) -> list[str]:
        """Return the hubs whose revision changed since the last call."""
        version = int(self._db.execute("PRAGMA data_version").fetchone()[0])
        if version == self._version:
            return []
        first = self._version is None
        self._version = version
        revisions = {
            str(hub): int(revision)
            for hub, revision in self._db.execute("SELECT hub_id, revision FROM hubs")
        }
        changed = [
            hub for hub, rev in revisions.items() if self._revisions.get(hub) != rev
        ]
        self._revisions = revisions
        return [] if first else changed

    def close(self) -> None:
        self._db.close()


class SqliteAsyncStore(AsyncStore):
    """The SQLite store for the event loop: one database thread does the work."""

    def __init__(self, store: Store, *, owned: bool = True) -> None:
        """Wrap ``store``; close it on :meth:`close` when ``owned``."""
        self.store = store
        self._owned = owned
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="provisioning-db")

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> SqliteAsyncStore:
        """Open (and create if needed) the database file at ``path``."""
        try:
            return cls(Store(path))
        except sqlite3.Error as err:
            raise StoreError(f"cannot open the database {path}: {err}") from None

    async def _call[T](self, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._executor, functools.partial(func, *args, **kwargs)
        )

    async def close(self) -> None:
        """Stop the database thread (and close the file when owned)."""
        await asyncio.get_running_loop().run_in_executor(
            None, functools.partial(self._executor.shutdown, wait=True)
        )
        if self._owned:
            self.store.close()

    async def add_hub(self, hub_id: str) -> HubInfo:
        """Create a hub."""
        return await self._call(self.store.add_hub, hub_id)

    async def get_hub(self, hub_id: str) -> HubInfo | None:
        """Return a hub, or None."""
        return await self._call(self.store.get_hub, hub_id)

    async def list_hubs(self) -> list[HubInfo]:
        """Return all hubs."""
        return await self._call(self.store.list_hubs)

    async def add_token(
        self, hub_id: str, label: str | None = None
    ) -> tuple[TokenInfo, str]:
        """Create a hub token."""
        return await self._call(self.store.add_token, hub_id, label)

    async def list_tokens(self, hub_id: str) -> list[TokenInfo]:
        """Return a hub's tokens."""
        return await self._call(self.store.list_tokens, hub_id)

    async def remove_token(self, hub_id: str, token_id: int) -> bool:
        """Delete a hub token."""
        return await self._call(self.store.remove_token, hub_id, token_id)

    async def authenticate(self, token: str) -> str | None:
        """Return the hub of a hub token."""
        return await self._call(self.store.authenticate, token)

    async def add_admin_token(
        self, label: str | None = None
    ) -> tuple[AdminTokenInfo, str]:
        """Create an admin token."""
        return await self._call(self.store.add_admin_token, label)

    async def list_admin_tokens(self) -> list[AdminTokenInfo]:
        """Return all admin tokens."""
        return await self._call(self.store.list_admin_tokens)

    async def remove_admin_token(self, token_id: int) -> bool:
        """Delete an admin token."""
        return await self._call(self.store.remove_admin_token, token_id)

    async def authenticate_admin(self, token: str) -> int | None:
        """Return the id of an admin token."""
        return await self._call(self.store.authenticate_admin, token)

    async def import_devices(
        self, hub_id: str, devices: Sequence[DeviceRecord]
    ) -> ImportResult:
        """Add or update devices."""
        return await self._call(self.store.import_devices, hub_id, devices)

    async def revoke_devices(self, hub_id: str, ieees: Sequence[str]) -> RevokeResult:
        """Revoke devices."""
        return await self._call(self.store.revoke_devices, hub_id, ieees)

    async def get_device(self, hub_id: str, ieee: str) -> DeviceRecord | None:
        """Return one device."""
        return await self._call(self.store.get_device, hub_id, ieee)

    async def list_devices(
        self,
        hub_id: str,
        *,
        after: str | None,
        limit: int,
        technologies: Sequence[str] | None = None,
    ) -> tuple[HubInfo, list[DeviceRecord], bool]:
        """Return one page of devices."""
        return await self._call(
            self.store.list_devices,
            hub_id,
            after=after,
            limit=limit,
            technologies=technologies,
        )

    async def record_events(
        self, hub_id: str, events: Sequence[EventRecord]
    ) -> list[str]:
        """Store events."""
        return await self._call(self.store.record_events, hub_id, events)

    async def count_events(self, hub_id: str) -> int:
        """Count a hub's events."""
        return await self._call(self.store.count_events, hub_id)

    async def device_status(self, hub_id: str) -> list[DeviceStatus]:
        """Return the devices with their last status."""
        return await self._call(self.store.device_status, hub_id)

    async def watch(
        self, on_change: ChangeCallback, active: Callable[[], bool]
    ) -> Callable[[], Awaitable[None]]:
        """Poll ``PRAGMA data_version`` every 250 ms; report changed hubs."""
        loop = asyncio.get_running_loop()
        # A thread of its own, so that a long import does not delay wake-ups.
        executor = ThreadPoolExecutor(1, thread_name_prefix="provisioning-watch")
        poller = await loop.run_in_executor(executor, _ChangePoller, self.store.path)
        await loop.run_in_executor(executor, poller.poll)

        async def run() -> None:
            failed = False
            while True:
                await asyncio.sleep(POLL_INTERVAL)
                try:
                    changed = await loop.run_in_executor(executor, poller.poll)
                except sqlite3.Error as err:
                    if not failed:
                        _LOGGER.warning("Cannot look for changes: %s", err)
                    failed = True
                    continue
                failed = False
                for hub_id in changed:
                    on_change(hub_id)

        task = loop.create_task(run(), name="provisioning-sqlite-watch")

        async def stop() -> None:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task
            await loop.run_in_executor(executor, poller.close)
            executor.shutdown(wait=False)

        return stop
