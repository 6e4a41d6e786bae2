"""Storage backends of the provisioning server.

``open_store(DB)`` picks the backend from the ``--db`` value: a
``postgresql://`` (or ``postgres://``) URL opens PostgreSQL, anything else is
the path of a SQLite file (the default). ``Store`` is the synchronous SQLite
store, kept for embedding and for tests that fill a database directly.
"""

from __future__ import annotations

from provisioning_server.store.base import (
    ADMIN_TOKEN_PREFIX,
    TOKEN_PREFIX,
    AdminTokenInfo,
    AsyncStore,
    DeviceStatus,
    HubInfo,
    ImportResult,
    ItemsError,
    RevokeResult,
    StoreError,
    TokenInfo,
    UnknownHubError,
    hash_token,
)
from provisioning_server.store.sqlite import SqliteAsyncStore, Store

__all__ = [
    "ADMIN_TOKEN_PREFIX",
    "TOKEN_PREFIX",
    "AdminTokenInfo",
    "AsyncStore",
    "DeviceStatus",
    "HubInfo",
    "ImportResult",
    "ItemsError",
    "RevokeResult",
    "SqliteAsyncStore",
    "Store",
    "StoreError",
    "TokenInfo",
    "UnknownHubError",
    "hash_token",
    "is_postgres_url",
    "open_store",
]


def is_postgres_url(db: str) -> bool:
    """Whether ``db`` names a PostgreSQL database rather than a SQLite file."""
    return db.startswith(("postgresql://", "postgres://"))


async def open_store(db: str) -> AsyncStore:
    """Open the store named by a ``--db`` value."""
    if is_postgres_url(db):
        from provisioning_server.store.postgres import (
            PostgresStore,
        )

        return await PostgresStore.connect(db)
    return SqliteAsyncStore.open(db)
