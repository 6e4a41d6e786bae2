"""The management API, on SQLite and on PostgreSQL."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest

from provisioning_server.api import admin

from .conftest import Deployment
from .helpers import HUB, OTHER_HUB, make_ieee, make_install_code, make_link_key


def device(number: int, **extra: Any) -> dict[str, Any]:
    """A valid device for the API (link key)."""
    return {"ieee": make_ieee(number), "link_key": make_link_key(number), **extra}


async def call(
    session: aiohttp.ClientSession,
    deployment: Deployment,
    method: str,
    path: str,
    **kwargs: Any,
) -> tuple[int, Any]:
    """Call the management API with the admin token; status and JSON body."""
    kwargs.setdefault("headers", deployment.admin())
    async with session.request(method, deployment.admin_url(path), **kwargs) as resp:
        text = await resp.text()
        for secret in (deployment.token, deployment.other_token):
            assert secret not in text
        return resp.status, (await resp.json() if text else None)


async def revision(deployment: Deployment, hub: str = HUB) -> int:
    """The hub's current revision."""
    info = await deployment.store.get_hub(hub)
    assert info is not None
    return info.revision


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/stats"),
        ("GET", "/hubs"),
        ("POST", "/hubs"),
        ("GET", f"/hubs/{HUB}/devices"),
        ("POST", f"/hubs/{HUB}/devices"),
        ("PUT", f"/hubs/{HUB}/devices/{make_ieee(1)}"),
        ("DELETE", f"/hubs/{HUB}/devices/{make_ieee(1)}"),
        ("GET", f"/hubs/{HUB}/status"),
        ("POST", f"/hubs/{HUB}/tokens"),
    ],
)
async def test_hub_token_cannot_manage(
    deployment: Deployment, session: aiohttp.ClientSession, method: str, path: str
) -> None:
    """Neither a hub token nor no token opens the management API."""
    for headers in (deployment.auth(), {}, deployment.auth("pva_forged")):
        status, body = await call(
            session, deployment, method, path, headers=headers, json={}
        )
        assert status == 401
        assert body["error"] in ("unauthorized", "invalid_token")


async def test_admin_token_cannot_fetch_keys(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """An admin token is not a hub token: no device keys through the hub API."""
    await call(session, deployment, "POST", f"/hubs/{HUB}/devices", json=[device(1)])
    async with session.get(
        deployment.devices_url(), headers=deployment.admin()
    ) as response:
        assert response.status == 401
        assert make_link_key(1) not in await response.text()
    status, body = await call(session, deployment, "GET", f"/hubs/{HUB}/devices")
    assert status == 200
    assert body["devices"] == [
        {"ieee": make_ieee(1), "key_type": "link_key", "state": "active"}
    ]
    status, body = await call(
        session, deployment, "GET", f"/hubs/{HUB}/devices/{make_ieee(1)}"
    )
    assert (status, body["key_type"]) == (200, "link_key")
    assert "link_key" not in body


async def test_hubs_and_tokens(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """Create hubs, issue a token that works, list it, revoke it."""
    status, body = await call(
        session, deployment, "POST", "/hubs", json={"hub_id": "building-7"}
    )
    assert (status, body["hub_id"], body["revision"]) == (201, "building-7", 1)
    status, body = await call(
        session, deployment, "POST", "/hubs", json={"hub_id": "building-7"}
    )
    assert (status, body["error"]) == (409, "conflict")
    bad_hubs: tuple[Any, ...] = ({"hub_id": "bad/hub"}, {"hub_id": 7}, [], {})
    for bad in bad_hubs:
        status, _ = await call(session, deployment, "POST", "/hubs", json=bad)
        assert status == 400
    status, body = await call(session, deployment, "GET", "/hubs")
    assert [hub["hub_id"] for hub in body["hubs"]] == [HUB, OTHER_HUB, "building-7"]
    status, body = await call(session, deployment, "GET", "/hubs/building-7")
    assert (status, body["hub_id"]) == (200, "building-7")
    status, body = await call(session, deployment, "GET", "/hubs/nope")
    assert (status, body["error"]) == (404, "unknown_hub")

    status, body = await call(
        session, deployment, "POST", "/hubs/building-7/tokens", json={"label": "BMS"}
    )
    assert status == 201
    token, token_id = body["token"], body["token_id"]
    assert token.startswith("pvs_")
    assert body["hint"] == token[:8] + "..."
    async with session.get(
        deployment.devices_url("building-7"), headers=deployment.auth(token)
    ) as response:
        assert response.status == 200
    status, body = await call(session, deployment, "GET", "/hubs/building-7/tokens")
    assert [t["label"] for t in body["tokens"]] == ["BMS"]
    assert token not in str(body)
    for bad in ({"label": 5}, [], {"label": "x" * 256}):
        status, _ = await call(
            session, deployment, "POST", "/hubs/building-7/tokens", json=bad
        )
        assert status == 400
    status, _ = await call(session, deployment, "POST", "/hubs/nope/tokens", json={})
    assert status == 404

    path = f"/hubs/building-7/tokens/{token_id}"
    assert (await call(session, deployment, "DELETE", path))[0] == 204
    assert (await call(session, deployment, "DELETE", path))[0] == 404
    assert (await call(session, deployment, "DELETE", "/hubs/nope/tokens/1"))[0] == 404
    assert (await call(session, deployment, "DELETE", "/hubs/building-7/tokens/x"))[
        0
    ] == 404
    async with session.get(
        deployment.devices_url("building-7"), headers=deployment.auth(token)
    ) as response:
        assert response.status == 401


async def test_single_device_lifecycle(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """PUT adds then updates, DELETE revokes, and the hub sees each change."""
    path = f"/hubs/{HUB}/devices/{make_ieee(1).upper().replace(':', '-')}"
    start = await revision(deployment)
    status, body = await call(
        session,
        deployment,
        "PUT",
        path,
        json={"install_code": make_install_code(1), "name": "Meter"},
    )
    assert (status, body["added"], body["revision"]) == (201, 1, start + 1)
    status, body = await call(
        session, deployment, "PUT", path, json={"link_key": make_link_key(1)}
    )
    assert (status, body["updated"], body["revision"]) == (200, 1, start + 2)
    status, body = await call(
        session, deployment, "PUT", path, json={"link_key": make_link_key(1)}
    )
    assert (status, body["unchanged"], body["revision"]) == (200, 1, start + 2)
    async with session.get(
        deployment.devices_url(), headers=deployment.auth()
    ) as response:
        listed = (await response.json())["devices"]
    assert listed == [
        {"ieee": make_ieee(1), "link_key": make_link_key(1), "state": "active"}
    ]
    status, body = await call(session, deployment, "DELETE", path)
    assert (status, body["revoked"], body["revision"]) == (200, 1, start + 3)
    status, body = await call(session, deployment, "DELETE", path)
    assert (status, body["revoked"], body["unchanged"]) == (200, 0, 1)
    status, body = await call(
        session, deployment, "GET", f"/hubs/{HUB}/devices/{make_ieee(1)}"
    )
    assert body["state"] == "revoked"


@pytest.mark.parametrize(
    "payload",
    [
        {"link_key": "00"},
        {"install_code": make_install_code(1)[:-2] + "00"},
        {"link_key": make_link_key(1), "install_code": make_install_code(1)},
        {"link_key": 5},
        {"link_key": make_link_key(1), "colour": "red"},
        {"ieee": make_ieee(2), "link_key": make_link_key(1)},
        [],
    ],
)
async def test_put_device_invalid(
    deployment: Deployment, session: aiohttp.ClientSession, payload: Any
) -> None:
    """Invalid devices are 400, the message holds no key, nothing changes."""
    before = await revision(deployment)
    status, body = await call(
        session,
        deployment,
        "PUT",
        f"/hubs/{HUB}/devices/{make_ieee(1)}",
        json=payload,
    )
    assert status == 400
    assert make_install_code(1)[:-2] not in body["message"]
    assert make_link_key(1) not in body["message"]
    assert await revision(deployment) == before


async def test_bulk_json_all_or_nothing(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """One bad device rejects the whole batch, with errors by index."""
    path = f"/hubs/{HUB}/devices"
    before = await revision(deployment)
    batch = [device(1), {"ieee": "nonsense", "link_key": make_link_key(2)}, device(1)]
    status, body = await call(session, deployment, "POST", path, json=batch)
    assert status == 400
    assert [e["index"] for e in body["errors"]] == [1, 2]
    assert "IEEE" in body["errors"][0]["message"]
    assert "duplicate" in body["errors"][1]["message"]
    assert await revision(deployment) == before
    assert await deployment.store.get_device(HUB, make_ieee(1)) is None

    status, body = await call(
        session, deployment, "POST", path, json=[device(n) for n in range(100)]
    )
    assert (status, body["added"], body["revision"]) == (200, 100, before + 1)
    bad_bodies: tuple[Any, ...] = ({"devices": []}, "x")
    for bad in bad_bodies:
        assert (await call(session, deployment, "POST", path, json=bad))[0] == 400
    status, body = await call(
        session, deployment, "POST", "/hubs/nope/devices", json=[]
    )
    assert status == 404


async def test_bulk_csv(deployment: Deployment, session: aiohttp.ClientSession) -> None:
    """CSV bodies use the CLI's validation; errors by line, all or nothing."""
    path = f"/hubs/{HUB}/devices"
    headers = {**deployment.admin(), "Content-Type": "text/csv"}
    good = f"ieee,link_key,name\n{make_ieee(1)},{make_link_key(1)},One\n"
    bad = good + f"{make_ieee(2)},zz,Two\n"
    before = await revision(deployment)
    status, body = await call(
        session, deployment, "POST", path, data=bad.encode(), headers=headers
    )
    assert status == 400
    assert body["errors"] == [{"line": 3, "message": "link key must be hexadecimal"}]
    assert await revision(deployment) == before
    status, body = await call(
        session,
        deployment,
        "POST",
        path,
        data=good.encode() + b"\xff\n",
        headers=headers,
    )
    assert status == 400
    assert "UTF-8" in body["message"]
    status, body = await call(
        session, deployment, "POST", path, data=good.encode(), headers=headers
    )
    assert (status, body["added"]) == (200, 1)
    status, _ = await call(
        session,
        deployment,
        "POST",
        path,
        data=b"x",
        headers={**deployment.admin(), "Content-Type": "text/plain"},
    )
    assert status == 415


async def test_bulk_revoke_all_or_nothing(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """Revoking several devices: any unknown device rejects all."""
    await call(
        session,
        deployment,
        "POST",
        f"/hubs/{HUB}/devices",
        json=[device(n) for n in range(3)],
    )
    path = f"/hubs/{HUB}/devices/revoke"
    before = await revision(deployment)
    status, body = await call(
        session,
        deployment,
        "POST",
        path,
        json={"ieee": [make_ieee(0), make_ieee(9), 7, "x"]},
    )
    assert status == 400
    assert [e["index"] for e in body["errors"]] == [2, 3]
    status, body = await call(
        session, deployment, "POST", path, json={"ieee": [make_ieee(0), make_ieee(9)]}
    )
    assert status == 400
    assert body["errors"] == [
        {"index": 1, "message": f"device {make_ieee(9)} is not provisioned"}
    ]
    assert await revision(deployment) == before
    status, body = await call(
        session, deployment, "POST", path, json={"ieee": [make_ieee(0), make_ieee(1)]}
    )
    assert (status, body["revoked"], body["revision"]) == (200, 2, before + 1)
    assert (await call(session, deployment, "POST", path, json=[]))[0] == 400
    status, body = await call(
        session, deployment, "DELETE", f"/hubs/{HUB}/devices/{make_ieee(9)}"
    )
    assert (status, body["error"]) == (404, "unknown_device")
    status, body = await call(
        session, deployment, "GET", f"/hubs/{HUB}/devices/{make_ieee(9)}"
    )
    assert (status, body["error"]) == (404, "unknown_device")
    status, _ = await call(
        session, deployment, "GET", f"/hubs/nope/devices/{make_ieee(9)}"
    )
    assert status == 404
    status, _ = await call(session, deployment, "GET", f"/hubs/{HUB}/devices/bad")
    assert status == 400


async def test_paging_and_status(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """Device listings page like the hub's; status shows the hub's reports."""
    await call(
        session,
        deployment,
        "POST",
        f"/hubs/{HUB}/devices",
        json=[device(n, name=f"M{n}") for n in range(5)],
    )
    seen: list[str] = []
    path = f"/hubs/{HUB}/devices?limit=2"
    while path:
        status, body = await call(session, deployment, "GET", path)
        assert status == 200
        seen += [d["ieee"] for d in body["devices"]]
        path = f"/hubs/{HUB}/" + body["next"] if body["next"] is not None else ""
    assert seen == [make_ieee(n) for n in range(5)]
    for query in ("limit=0", "cursor=!!"):
        status, body = await call(
            session, deployment, "GET", f"/hubs/{HUB}/devices?{query}"
        )
        assert (status, body["error"]) == (400, "invalid_request")

    async with session.post(
        deployment.events_url(),
        json=[
            {
                "event_id": "7f0c1a52-6b0e-4d43-9a4e-2b8f5b1c9d10",
                "ieee": make_ieee(2),
                "status": "joined",
                "at": "2026-11-25T18:30:00Z",
            }
        ],
        headers=deployment.auth(),
    ) as response:
        assert response.status == 200
    status, body = await call(session, deployment, "GET", f"/hubs/{HUB}/status")
    assert status == 200
    rows = {row["ieee"]: row for row in body["devices"]}
    assert rows[make_ieee(2)] == {
        "ieee": make_ieee(2),
        "name": "M2",
        "area": None,
        "state": "active",
        "status": "joined",
        "at": "2026-11-25T18:30:00Z",
    }
    assert rows[make_ieee(1)]["status"] is None
    status, body = await call(session, deployment, "GET", "/hubs/nope/status")
    assert (status, body["error"]) == (404, "unknown_hub")


async def test_unknown_admin_path(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    """Unknown paths and methods answer JSON errors."""
    status, body = await call(session, deployment, "GET", "/nothing")
    assert (status, body["error"]) == (404, "not_found")
    status, body = await call(session, deployment, "PATCH", "/hubs")
    assert (status, body["error"]) == (405, "method_not_allowed")


async def test_bulk_size_is_bounded(
    deployment: Deployment,
    session: aiohttp.ClientSession,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """More devices than a request may carry are refused, in JSON and CSV."""
    monkeypatch.setattr(admin, "MAX_BULK_ITEMS", 2)
    path = f"/hubs/{HUB}/devices"
    status, body = await call(
        session, deployment, "POST", path, json=[device(n) for n in range(3)]
    )
    assert (status, body["message"]) == (400, "at most 2 devices per request")
    csv_body = "ieee,link_key\n" + "".join(
        f"{make_ieee(n)},{make_link_key(n)}\n" for n in range(3)
    )
    status, body = await call(
        session,
        deployment,
        "POST",
        path,
        data=csv_body.encode(),
        headers={**deployment.admin(), "Content-Type": "text/csv"},
    )
    assert (status, body["message"]) == (400, "at most 2 devices per request")
    status, body = await call(
        session,
        deployment,
        "POST",
        f"/hubs/{HUB}/devices/revoke",
        json={"ieee": [make_ieee(n) for n in range(3)]},
    )
    assert status == 400
    assert await deployment.store.get_device(HUB, make_ieee(0)) is None
