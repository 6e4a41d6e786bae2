"""The store interface, on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio

import asyncpg
import pytest

from provisioning_server.store import (
    AsyncStore,
    ItemsError,
    StoreError,
    UnknownHubError,
    hash_token,
    open_store,
)
from provisioning_server.validation import DeviceRecord, EventRecord

from .conftest import open_backend
from .helpers import HUB, OTHER_HUB, make_devices, make_ieee


async def test_hubs(store: AsyncStore) -> None:
    """Hubs are created once, listed in order, start at revision 1."""
    with pytest.raises(StoreError, match="already exists"):
        await store.add_hub(HUB)
    with pytest.raises(ValueError, match="hub id"):
        await store.add_hub("bad/hub")
    hub = await store.add_hub("building-7")
    assert hub.revision == 1
    assert hub.etag == f'"{hub.etag_salt}-1"'
    assert [h.hub_id for h in await store.list_hubs()] == sorted(
        [HUB, OTHER_HUB, "building-7"]
    )
    assert await store.get_hub("nope") is None


async def test_tokens_are_separate(store: AsyncStore) -> None:
    """Hub tokens and admin tokens authenticate only as what they are."""
    info, token = await store.add_token(HUB, "label")
    admin_info, admin = await store.add_admin_token("ops")
    assert token.startswith("pvs_")
    assert admin.startswith("pva_")
    assert await store.authenticate(token) == HUB
    assert await store.authenticate(admin) is None
    assert await store.authenticate_admin(admin) == admin_info.token_id
    assert await store.authenticate_admin(token) is None
    assert await store.authenticate_admin(hash_token(admin)) is None
    assert [t.label for t in await store.list_tokens(HUB)] == ["label"]
    assert [t.hint for t in await store.list_admin_tokens()] == [admin[:8] + "..."]
    assert await store.remove_token(OTHER_HUB, info.token_id) is False
    assert await store.remove_token(HUB, info.token_id) is True
    assert await store.authenticate(token) is None
    assert await store.remove_admin_token(admin_info.token_id) is True
    assert await store.remove_admin_token(admin_info.token_id) is False
    assert await store.authenticate_admin(admin) is None
    with pytest.raises(UnknownHubError):
        await store.add_token("nope")
    with pytest.raises(UnknownHubError):
        await store.list_tokens("nope")


async def test_import_and_revoke(store: AsyncStore) -> None:
    """Revisions change with the list only; bulk revocation is all or nothing."""
    result = await store.import_devices(HUB, make_devices(4))
    assert (result.added, result.revision) == (4, 2)
    result = await store.import_devices(HUB, make_devices(4))
    assert (result.unchanged, result.revision) == (4, 2)
    with pytest.raises(ItemsError) as caught:
        await store.revoke_devices(HUB, [make_ieee(0), make_ieee(9), make_ieee(8)])
    assert [index for index, _ in caught.value.errors] == [1, 2]
    assert (await store.get_device(HUB, make_ieee(0))).state == "active"  # type: ignore[union-attr]
    revoked = await store.revoke_devices(HUB, [make_ieee(0), make_ieee(1)])
    assert (revoked.revoked, revoked.unchanged, revoked.revision) == (2, 0, 3)
    assert await store.revoke_device(HUB, make_ieee(0)) is False
    with pytest.raises(StoreError, match="not provisioned"):
        await store.revoke_device(HUB, make_ieee(9))
    hub, page, more = await store.list_devices(HUB, after=make_ieee(0), limit=2)
    assert hub.revision == 3
    assert [d.ieee for d in page] == [make_ieee(1), make_ieee(2)]
    assert [d.state for d in page] == ["revoked", "active"]
    assert more is True
    assert page[0].link_key is not None
    assert await store.get_device(HUB, make_ieee(9)) is None
    # Re-importing re-activates.
    result = await store.import_devices(HUB, make_devices(1))
    assert (result.updated, result.revision) == (1, 4)
    for call in (
        store.import_devices("nope", []),
        store.revoke_devices("nope", []),
        store.list_devices("nope", after=None, limit=1),
        store.record_events("nope", []),
        store.device_status("nope"),
    ):
        with pytest.raises(UnknownHubError):
            await call


async def test_events_and_status(store: AsyncStore) -> None:
    """Events apply once; the newest time wins per device."""
    await store.import_devices(HUB, make_devices(2))
    ieee = make_ieee(1)
    events = [
        EventRecord(
            "a" * 8 + "-0000-0000-0000-" + "0" * 12,
            ieee,
            "joined",
            "2026-11-25T18:30:00Z",
            {"lqi": 200},
        ),
        EventRecord(
            "b" * 8 + "-0000-0000-0000-" + "0" * 12,
            ieee,
            "failed",
            "2026-11-25T18:00:00Z",
        ),
    ]
    assert await store.record_events(HUB, events) == [e.event_id for e in events]
    assert await store.record_events(HUB, events[:1]) == [events[0].event_id]
    assert await store.count_events(HUB) == 2
    rows = {row.ieee: row for row in await store.device_status(HUB)}
    assert (rows[ieee].status, rows[ieee].at) == ("joined", "2026-11-25T18:30:00Z")
    assert rows[make_ieee(0)].status is None


async def test_concurrent_writers_never_skip_a_revision(db_url: str) -> None:
    """Two connections importing at once: every change gets its own revision."""
    first = await open_backend(db_url)
    second = await open_backend(db_url)
    try:
        await first.add_hub(HUB)
        results = await asyncio.gather(
            *(
                store.import_devices(
                    HUB, [DeviceRecord(ieee=make_ieee(n), link_key="11" * 16)]
                )
                for n, store in enumerate([first, second] * 5)
            )
        )
        assert sorted(r.revision for r in results) == list(range(2, 12))
    finally:
        await first.close()
        await second.close()


async def test_watch_reports_other_writers(db_url: str) -> None:
    """The watcher reports a change made through another connection."""
    watched = await open_backend(db_url)
    writer = await open_backend(db_url)
    changed: asyncio.Queue[str] = asyncio.Queue()
    stop = await watched.watch(changed.put_nowait, lambda: True)
    try:
        await writer.add_hub(HUB)
        await writer.import_devices(HUB, make_devices(1))
        assert await asyncio.wait_for(changed.get(), 5) == HUB
    finally:
        await stop()
        await watched.close()
        await writer.close()


async def test_open_store_errors(tmp_path: object) -> None:
    """A database that cannot be opened is a StoreError, not a traceback."""
    with pytest.raises(StoreError, match="cannot open"):
        await open_store("/nonexistent-dir/x.db")
    with pytest.raises(StoreError, match="cannot connect"):
        await open_store("postgresql://nobody@127.0.0.1:1/none")


async def test_postgres_listener_reconnects(request: pytest.FixtureRequest) -> None:
    """A lost LISTEN connection is replaced; missed changes count as changes."""
    from .conftest import new_database

    dsn = await new_database(request.getfixturevalue("postgres_dsn"))
    store = await open_backend(dsn)
    changed: asyncio.Queue[str] = asyncio.Queue()
    stop = await store.watch(changed.put_nowait, lambda: True)
    admin = await asyncpg.connect(dsn)
    try:
        await store.add_hub(HUB)
        killed = await admin.fetchval(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE query LIKE 'LISTEN%' AND datname = current_database()"
        )
        assert killed == 1
        # After reconnecting, every hub is reported once.
        assert await asyncio.wait_for(changed.get(), 10) == HUB
        await store.import_devices(HUB, make_devices(1))
        assert await asyncio.wait_for(changed.get(), 5) == HUB
    finally:
        await admin.close()
        await stop()
        await store.close()
