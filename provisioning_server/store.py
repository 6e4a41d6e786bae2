"""SQLite storage of hubs, tokens, devices and reported events."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
import hashlib
import hmac
import json
import os
import secrets
import sqlite3
import threading

from provisioning_server.validation import (
    DeviceRecord,
    EventRecord,
    parse_rfc3339,
    validate_hub_id,
)

TOKEN_PREFIX = "pvs_"

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


class StoreError(Exception):
    """A request to the store cannot be carried out."""


def hash_token(token: str) -> str:
    """Return the stored form of a token (tokens are random, so SHA-256 suffices)."""
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class HubInfo:
    """A hub and the revision of its device list."""

    hub_id: str
    revision: int
    etag_salt: str
    created_at: str

    @property
    def etag(self) -> str:
        """Strong entity tag of the hub's device list."""
        return f'"{self.etag_salt}-{self.revision}"'


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """A token's metadata; the token itself is never stored."""

    token_id: int
    hub_id: str
    hint: str
    label: str | None
    created_at: str


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import changed."""

    added: int
    updated: int
    unchanged: int
    revision: int


@dataclass(frozen=True, slots=True)
class DeviceStatus:
    """A device with its last reported status."""

    ieee: str
    name: str | None
    area: str | None
    state: str
    status: str | None
    at: str | None


class Store:
    """All persistent state of the server; safe to use from several threads."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        """Open (and create if needed) the database at ``path``."""
        self._lock = threading.Lock()
        self._db = sqlite3.connect(
            path, check_same_thread=False, isolation_level=None, timeout=30
        )
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
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
                (hub_id, secrets.token_hex(4), _now()),
            )
        hub = self.get_hub(hub_id)
        assert hub is not None
        return hub

    def get_hub(self, hub_id: str) -> HubInfo | None:
        """Return a hub, or None when it does not exist."""
        with self._lock:
            row = self._db.execute(
                "SELECT hub_id, revision, etag_salt, created_at FROM hubs"
                " WHERE hub_id = ?",
                (hub_id,),
            ).fetchone()
        return HubInfo(**dict(row)) if row else None

    def list_hubs(self) -> list[HubInfo]:
        """Return all hubs."""
        with self._lock:
            rows = self._db.execute(
                "SELECT hub_id, revision, etag_salt, created_at FROM hubs"
                " ORDER BY hub_id"
            ).fetchall()
        return [HubInfo(**dict(row)) for row in rows]

    def _require_hub(self, db: sqlite3.Connection, hub_id: str) -> None:
        if not db.execute("SELECT 1 FROM hubs WHERE hub_id = ?", (hub_id,)).fetchone():
            raise StoreError(f"unknown hub {hub_id}")

    @staticmethod
    def _bump(db: sqlite3.Connection, hub_id: str) -> int:
        db.execute(
            "UPDATE hubs SET revision = revision + 1 WHERE hub_id = ?", (hub_id,)
        )
        row = db.execute(
            "SELECT revision FROM hubs WHERE hub_id = ?", (hub_id,)
        ).fetchone()
        return int(row[0])

    # Tokens

    def add_token(self, hub_id: str, label: str | None = None) -> tuple[TokenInfo, str]:
        """Create a token for a hub; the token is returned only here."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        hint = token[: len(TOKEN_PREFIX) + 4] + "..."
        created = _now()
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
        with self._transaction() as db:
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

    # Devices

    def import_devices(
        self, hub_id: str, devices: Iterable[DeviceRecord]
    ) -> ImportResult:
        """Add or update devices (re-activating revoked ones)."""
        added = updated = unchanged = 0
        now = _now()
        with self._transaction() as db:
            self._require_hub(db, hub_id)
            for device in devices:
                values = (
                    device.install_code,
                    device.link_key,
                    device.name,
                    device.area,
                    device.manufacturer,
                    device.model,
                    "active",
                )
                row = db.execute(
                    "SELECT install_code, link_key, name, area, manufacturer, model,"
                    " state FROM devices WHERE hub_id = ? AND ieee = ?",
                    (hub_id, device.ieee),
                ).fetchone()
                if row is None:
                    db.execute(
                        "INSERT INTO devices (hub_id, ieee, install_code, link_key,"
                        " name, area, manufacturer, model, state, updated_at)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (hub_id, device.ieee, *values, now),
                    )
                    added += 1
                elif tuple(row) == values:
                    unchanged += 1
                else:
                    db.execute(
                        "UPDATE devices SET install_code = ?, link_key = ?, name = ?,"
                        " area = ?, manufacturer = ?, model = ?, state = ?,"
                        " updated_at = ? WHERE hub_id = ? AND ieee = ?",
                        (*values, now, hub_id, device.ieee),
                    )
                    updated += 1
            if added or updated:
                revision = self._bump(db, hub_id)
            else:
                revision = int(
                    db.execute(
                        "SELECT revision FROM hubs WHERE hub_id = ?", (hub_id,)
                    ).fetchone()[0]
                )
        return ImportResult(added, updated, unchanged, revision)

    def revoke_device(self, hub_id: str, ieee: str) -> bool:
        """Revoke a device; True when its state changed."""
        with self._transaction() as db:
            self._require_hub(db, hub_id)
            row = db.execute(
                "SELECT state FROM devices WHERE hub_id = ? AND ieee = ?",
                (hub_id, ieee),
            ).fetchone()
            if row is None:
                raise StoreError(f"device {ieee} is not provisioned on hub {hub_id}")
            if row["state"] == "revoked":
                return False
            db.execute(
                "UPDATE devices SET state = 'revoked', updated_at = ?"
                " WHERE hub_id = ? AND ieee = ?",
                (_now(), hub_id, ieee),
            )
            self._bump(db, hub_id)
        return True

    def list_devices(
        self, hub_id: str, *, after: str | None, limit: int
    ) -> tuple[HubInfo, list[DeviceRecord], bool]:
        """Return one page of devices ordered by IEEE and whether more follow."""
        with self._transaction() as db:
            hub_row = db.execute(
                "SELECT hub_id, revision, etag_salt, created_at FROM hubs"
                " WHERE hub_id = ?",
                (hub_id,),
            ).fetchone()
            if hub_row is None:
                raise StoreError(f"unknown hub {hub_id}")
            rows = db.execute(
                "SELECT ieee, install_code, link_key, name, area, manufacturer,"
                " model, state FROM devices WHERE hub_id = ? AND ieee > ?"
                " ORDER BY ieee LIMIT ?",
                (hub_id, after or "", limit + 1),
            ).fetchall()
        devices = [DeviceRecord(**dict(row)) for row in rows[:limit]]
        return HubInfo(**dict(hub_row)), devices, len(rows) > limit

    # Events

    def record_events(self, hub_id: str, events: Iterable[EventRecord]) -> list[str]:
        """Store events once each; return the ids of all events given."""
        accepted: list[str] = []
        received = _now()
        with self._transaction() as db:
            self._require_hub(db, hub_id)
            for event in events:
                accepted.append(event.event_id)
                cursor = db.execute(
                    "INSERT OR IGNORE INTO events (hub_id, event_id, ieee, status, at,"
                    " details, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        hub_id,
                        event.event_id.lower(),
                        event.ieee,
                        event.status,
                        event.at,
                        None if event.details is None else json.dumps(event.details),
                        received,
                    ),
                )
                if cursor.rowcount == 0:
                    continue  # Already applied.
                epoch = parse_rfc3339(event.at).timestamp()
                db.execute(
                    "INSERT INTO device_status (hub_id, ieee, status, at, at_epoch)"
                    " VALUES (?, ?, ?, ?, ?)"
                    " ON CONFLICT (hub_id, ieee) DO UPDATE SET"
                    " status = excluded.status, at = excluded.at,"
                    " at_epoch = excluded.at_epoch"
                    " WHERE excluded.at_epoch >= device_status.at_epoch",
                    (hub_id, event.ieee, event.status, event.at, epoch),
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
        with self._transaction() as db:
            self._require_hub(db, hub_id)
            rows = db.execute(
                "SELECT d.ieee, d.name, d.area, d.state, s.status, s.at"
                " FROM devices d LEFT JOIN device_status s"
                " ON s.hub_id = d.hub_id AND s.ieee = d.ieee"
                " WHERE d.hub_id = ? ORDER BY d.ieee",
                (hub_id,),
            ).fetchall()
        return [DeviceStatus(**dict(row)) for row in rows]
