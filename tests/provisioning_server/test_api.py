"""HTTP API of the reference provisioning server."""

from __future__ import annotations

import time
import uuid

import aiohttp
import pytest
from yarl import URL

from provisioning_server.api import create_app
from provisioning_server.store import AsyncStore, Store
from provisioning_server.validation import DeviceRecord

from .conftest import Deployment
from .helpers import HUB, OTHER_HUB, make_devices, make_ieee, serve_store


def event(ieee: str, status: str = "joined", **extra: object) -> dict[str, object]:
    """Return a valid event."""
    return {
        "event_id": str(uuid.uuid4()),
        "ieee": ieee,
        "status": status,
        "at": "2026-11-25T18:30:00Z",
        **extra,
    }


async def test_healthz(deployment: Deployment, session: aiohttp.ClientSession) -> None:
    """The health check needs no token."""
    async with session.get(f"{deployment.url}/healthz") as response:
        assert response.status == 200
        assert (await response.json())["status"] == "ok"


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer"},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"Authorization": "Bearer not-a-token"},
    ],
)
@pytest.mark.parametrize("method", ["GET", "POST"])
async def test_unauthorized(
    deployment: Deployment,
    session: aiohttp.ClientSession,
    headers: dict[str, str],
    method: str,
) -> None:
    """Requests without a valid token get 401 and a challenge."""
    url = deployment.devices_url() if method == "GET" else deployment.events_url()
    async with session.request(method, url, headers=headers, json=[]) as response:
        assert response.status == 401
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        body = await response.json()
        assert body["error"] in ("unauthorized", "invalid_token")


async def test_unknown_hub_without_valid_token_is_401(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """Whether a hub exists is not revealed without a valid token."""
    url = deployment.devices_url("no-such-hub")
    async with session.get(url, headers=deployment.auth("bad")) as response:
        assert response.status == 401


@pytest.mark.parametrize("method", ["GET", "POST"])
async def test_token_of_other_hub_is_forbidden(
    deployment: Deployment, session: aiohttp.ClientSession, method: str
) -> None:
    """A token grants access to its own hub only."""
    url = (
        deployment.devices_url(OTHER_HUB)
        if method == "GET"
        else deployment.events_url(OTHER_HUB)
    )
    async with session.request(
        method, url, headers=deployment.auth(), json=[]
    ) as response:
        assert response.status == 403
        assert (await response.json())["error"] == "forbidden"


@pytest.mark.parametrize("method", ["GET", "POST"])
async def test_unknown_hub(
    deployment: Deployment, session: aiohttp.ClientSession, method: str
) -> None:
    """An unknown hub is 404."""
    url = (
        deployment.devices_url("nope")
        if method == "GET"
        else deployment.events_url("nope")
    )
    async with session.request(
        method, url, headers=deployment.auth(), json=[]
    ) as response:
        assert response.status == 404
        assert (await response.json())["error"] == "unknown_hub"


async def test_percent_encoded_hub_id(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """Clients percent-encode the hub id; the server accepts it."""
    url = URL(
        f"{deployment.url}/v1/hubs/00%3A12%3A4b%3A00%3A01%3A02%3A03%3A04/devices",
        encoded=True,
    )
    async with session.get(url, headers=deployment.auth()) as response:
        assert response.status == 200
        assert (await response.json())["hub_id"] == HUB


async def test_device_list_and_etag(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """The list carries an ETag; 304 until the list changes."""
    await deployment.store.import_devices(HUB, make_devices(3))
    async with session.get(
        deployment.devices_url(), headers=deployment.auth()
    ) as response:
        assert response.status == 200
        assert response.content_type == "application/json"
        etag = response.headers["ETag"]
        body = await response.json()
    assert body["hub_id"] == HUB
    assert body["next"] is None
    assert [d["ieee"] for d in body["devices"]] == [make_ieee(n) for n in range(3)]
    first, second = body["devices"][:2]
    assert set(first) == {
        "ieee",
        "install_code",
        "name",
        "area",
        "manufacturer",
        "model",
        "state",
    }
    assert "link_key" in second
    assert "install_code" not in second
    assert first["state"] == "active"
    revision = body["revision"]

    for if_none_match in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        async with session.get(
            deployment.devices_url(),
            headers={**deployment.auth(), "If-None-Match": if_none_match},
        ) as response:
            assert response.status == 304
            assert response.headers["ETag"] == etag
            assert await response.read() == b""

    # Re-importing the same devices changes nothing.
    result = await deployment.store.import_devices(HUB, make_devices(3))
    assert (result.added, result.updated, result.unchanged) == (0, 0, 3)
    assert result.revision == revision

    # A change produces a new revision and ETag.
    await deployment.store.import_devices(
        HUB, [DeviceRecord(ieee=make_ieee(99), link_key="00" * 16)]
    )
    async with session.get(
        deployment.devices_url(),
        headers={**deployment.auth(), "If-None-Match": etag},
    ) as response:
        assert response.status == 200
        assert response.headers["ETag"] != etag
        body = await response.json()
    assert body["revision"] > revision
    assert len(body["devices"]) == 4


async def test_revoke_changes_revision(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """Revoking a device lists it as revoked under a new revision."""
    store = deployment.store
    await store.import_devices(HUB, make_devices(2))
    before = await store.get_hub(HUB)
    assert before is not None
    assert await store.revoke_device(HUB, make_ieee(1)) is True
    assert await store.revoke_device(HUB, make_ieee(1)) is False
    after = await store.get_hub(HUB)
    assert after is not None
    assert after.revision == before.revision + 1
    async with session.get(
        deployment.devices_url(),
        headers={**deployment.auth(), "If-None-Match": before.etag},
    ) as response:
        assert response.status == 200
        body = await response.json()
    assert [d["state"] for d in body["devices"]] == ["active", "revoked"]
    # Importing a revoked device again re-activates it.
    result = await store.import_devices(HUB, make_devices(2))
    assert result.updated == 1
    assert result.revision == after.revision + 1


async def test_pagination_of_10000_devices(
    store: AsyncStore, session: aiohttp.ClientSession
) -> None:
    """10,000 devices are served in pages linked by ``next``."""
    await store.import_devices(HUB, make_devices(10_000))
    _, token = await store.add_token(HUB)
    async with serve_store(store) as url:
        next_url: URL | None = URL(f"{url}/v1/hubs/{HUB}/devices")
        seen: list[str] = []
        pages = 0
        revisions = set()
        start = time.monotonic()
        while next_url is not None:
            async with session.get(
                next_url, headers={"Authorization": f"Bearer {token}"}
            ) as response:
                assert response.status == 200
                assert "ETag" in response.headers
                body = await response.json()
            pages += 1
            revisions.add(body["revision"])
            seen.extend(d["ieee"] for d in body["devices"])
            next_url = (
                None if body["next"] is None else next_url.join(URL(body["next"]))
            )
        elapsed = time.monotonic() - start
    assert pages == 10
    assert len(revisions) == 1
    assert seen == [make_ieee(n) for n in range(10_000)]
    assert elapsed < 30


async def test_page_size_and_limit(
    store: AsyncStore, session: aiohttp.ClientSession
) -> None:
    """``limit`` selects the page size and is kept in ``next``."""
    await store.import_devices(HUB, make_devices(5))
    _, token = await store.add_token(HUB)
    headers = {"Authorization": f"Bearer {token}"}
    async with serve_store(store, page_size=2) as url:
        base = URL(f"{url}/v1/hubs/{HUB}/devices")
        async with session.get(base, headers=headers) as response:
            body = await response.json()
        assert len(body["devices"]) == 2
        assert body["next"].startswith("devices?cursor=")
        async with session.get(base.with_query(limit=3), headers=headers) as response:
            page_etag = response.headers["ETag"]
            body = await response.json()
        assert len(body["devices"]) == 3
        assert "limit=3" in body["next"]
        second = base.join(URL(body["next"]))
        async with session.get(second, headers=headers) as response:
            second_etag = response.headers["ETag"]
            body = await response.json()
        assert [d["ieee"] for d in body["devices"]] == [make_ieee(3), make_ieee(4)]
        assert body["next"] is None
        assert page_etag != second_etag
        async with session.get(
            second, headers={**headers, "If-None-Match": second_etag}
        ) as response:
            assert response.status == 304
        # An exact multiple of the page size ends without an empty page.
        async with session.get(base.with_query(limit=5), headers=headers) as response:
            assert (await response.json())["next"] is None


@pytest.mark.parametrize(
    "query",
    [
        {"limit": "0"},
        {"limit": "5001"},
        {"limit": "x"},
        {"cursor": "!!"},
        {"cursor": "YWJj"},
    ],
)
async def test_bad_query(
    deployment: Deployment, session: aiohttp.ClientSession, query: dict[str, str]
) -> None:
    """Malformed paging parameters are 400."""
    async with session.get(
        deployment.devices_url(), params=query, headers=deployment.auth()
    ) as response:
        assert response.status == 400
        assert (await response.json())["error"] == "invalid_request"


def test_bad_page_size(sync_store: Store) -> None:
    """The server's page size is bounded."""
    with pytest.raises(ValueError, match="page_size"):
        create_app(sync_store, page_size=0)


async def test_events_are_idempotent(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """A repeated event is accepted again but applied once."""
    store = deployment.store
    await store.import_devices(HUB, make_devices(2))
    joined = event(make_ieee(0), "joined", details={"lqi": 200})
    failed = event(
        make_ieee(1), "failed", at="2026-11-25T19:00:00+01:00", details="timeout"
    )
    async with session.post(
        deployment.events_url(), json=[joined, failed], headers=deployment.auth()
    ) as response:
        assert response.status == 200
        assert (await response.json())["accepted"] == [
            joined["event_id"],
            failed["event_id"],
        ]
    assert await store.count_events(HUB) == 2

    # A later "removed" for device 0, then the original "joined" again.
    removed = event(make_ieee(0), "removed", at="2026-11-25T18:45:00Z")
    again = {**joined, "event_id": str(joined["event_id"]).upper()}
    async with session.post(
        deployment.events_url(), json=[removed, again], headers=deployment.auth()
    ) as response:
        assert response.status == 200
        assert (await response.json())["accepted"] == [
            removed["event_id"],
            again["event_id"],
        ]
    assert await store.count_events(HUB) == 3
    status = {row.ieee: row for row in await store.device_status(HUB)}
    assert status[make_ieee(0)].status == "removed"
    assert status[make_ieee(1)].status == "failed"
    assert status[make_ieee(1)].at == "2026-11-25T19:00:00+01:00"

    # An older event does not overwrite a newer status.
    stale = event(make_ieee(0), "pending", at="2026-11-25T17:00:00Z")
    async with session.post(
        deployment.events_url(), json=[stale], headers=deployment.auth()
    ) as response:
        assert response.status == 200
    assert {row.ieee: row for row in await store.device_status(HUB)}[
        make_ieee(0)
    ].status == "removed"


async def test_empty_event_batch(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """An empty batch is fine."""
    async with session.post(
        deployment.events_url(), json=[], headers=deployment.auth()
    ) as response:
        assert response.status == 200
        assert await response.json() == {"accepted": []}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe", "not valid JSON"),
        (b'{"event_id": "x"}', "array"),
        (b"[1]", "some events"),
        (
            b'[{"event_id": "x", "ieee": "00:11:22:33:44:55:66:77", "status": "joined", "at": "2026-11-25T18:30:00Z"}]',
            "some events",
        ),
    ],
)
async def test_malformed_events(
    deployment: Deployment,
    session: aiohttp.ClientSession,
    body: bytes,
    message: str,
) -> None:
    """Malformed bodies are 400 and nothing is stored."""
    async with session.post(
        deployment.events_url(),
        data=body,
        headers={**deployment.auth(), "Content-Type": "application/json"},
    ) as response:
        assert response.status == 400
        payload = await response.json()
    assert payload["error"] == "invalid_body"
    assert message in payload["message"]
    assert await deployment.store.count_events(HUB) == 0


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"event_id": "3b241101e2bb42558caf4136c566a962"}, "event_id"),
        ({"event_id": "3b241101-e2bb-4255-8caf-4136c566a962\n"}, "event_id"),
        ({"ieee": "zz"}, "IEEE"),
        ({"ieee": 5}, "ieee"),
        ({"status": "exploded"}, "status"),
        ({"at": "yesterday"}, "RFC 3339"),
        ({"at": "2026-11-25T18:30:00"}, "offset"),
        ({"at": "2026-11-25"}, "RFC 3339"),
        ({"at": 5}, "RFC 3339"),
        ({"details": 5}, "details"),
        ({"details": "x" * 5000}, "details"),
        ({"extra": 1}, "unknown fields"),
    ],
)
async def test_invalid_event_fields(
    deployment: Deployment,
    session: aiohttp.ClientSession,
    change: dict[str, object],
    problem: str,
) -> None:
    """Each invalid event is reported with its index."""
    good = event(make_ieee(0))
    bad = {**event(make_ieee(1)), **change}
    async with session.post(
        deployment.events_url(), json=[good, bad], headers=deployment.auth()
    ) as response:
        assert response.status == 400
        payload = await response.json()
    assert len(payload["errors"]) == 1
    assert payload["errors"][0]["index"] == 1
    assert problem in payload["errors"][0]["message"]
    assert await deployment.store.count_events(HUB) == 0


async def test_too_many_events(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """At most 1000 events per request."""
    events = [event(make_ieee(n)) for n in range(1001)]
    async with session.post(
        deployment.events_url(), json=events, headers=deployment.auth()
    ) as response:
        assert response.status == 400


async def test_events_body_too_large(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """Bodies above 1 MiB are refused."""
    async with session.post(
        deployment.events_url(),
        data=b"[" + b" " * (1024 * 1024 + 1) + b"]",
        headers={**deployment.auth(), "Content-Type": "application/json"},
    ) as response:
        assert response.status == 413
        assert (await response.json())["error"] == "too_large"


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", None]
)
async def test_events_wrong_content_type(
    deployment: Deployment,
    session: aiohttp.ClientSession,
    content_type: str | None,
) -> None:
    """Only application/json is accepted."""
    headers = deployment.auth()
    if content_type:
        headers["Content-Type"] = content_type
    async with session.post(
        deployment.events_url(), data=b"[]", headers=headers
    ) as response:
        assert response.status == 415
        assert (await response.json())["error"] == "unsupported_media_type"


async def test_json_with_charset(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """A charset parameter is fine."""
    async with session.post(
        deployment.events_url(),
        data=b"[]",
        headers={
            **deployment.auth(),
            "Content-Type": "application/json; charset=utf-8",
        },
    ) as response:
        assert response.status == 200
