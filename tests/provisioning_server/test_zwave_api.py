"""Provisioning API 1.2: Z-Wave devices beside Zigbee, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import logging
import time
from typing import Any
import uuid

import aiohttp
import asyncpg
import pytest
from yarl import URL

from custom_components.provisioning.core import zwave as hub_zwave
from provisioning_server.api import create_app
from provisioning_server.store import AsyncStore
from provisioning_server.validation import DeviceRecord

from .conftest import Deployment
from .helpers import HUB, OTHER_HUB, make_devices, serve_app

# PINs chosen so that their digits appear nowhere else in the answers.
PIN = "61237"
OTHER_PIN = "59041"
GROUPS = "00101-00102-00103-00104-00105-00106-00107"
DSK = f"{PIN}-{GROUPS}"
MASKED = f"xxxxx-{GROUPS}"
QR_GROUPS = "00201-00202-00203-00204-00205-00206-00207"
QR_DSK = f"{OTHER_PIN}-{QR_GROUPS}"
QR_MASKED = f"xxxxx-{QR_GROUPS}"
TECHNOLOGIES = "Provisioning-Technologies"


def qr_code(dsk: str = QR_DSK) -> str:
    """A SmartStart QR code (written by the hub's encoder) for ``dsk``."""
    return hub_zwave.encode_smartstart_qr(
        hub_zwave.SmartStartQrCode(
            dsk=hub_zwave.parse_dsk(dsk),
            requested_security_classes=frozenset(
                {
                    hub_zwave.SecurityClass.S2_Authenticated,
                    hub_zwave.SecurityClass.S2_Unauthenticated,
                }
            ),
            product_type=hub_zwave.ProductType(16, 1, 1792),
            product_id=hub_zwave.ProductId(634, 3, 4, (1, 2)),
            supported_protocols=frozenset({hub_zwave.Protocol.ZWaveLongRange}),
        )
    )


def zwave_event(
    dsk: str = MASKED, status: str = "joined", **extra: Any
) -> dict[str, Any]:
    """A Z-Wave event."""
    return {
        "event_id": str(uuid.uuid4()),
        "technology": "zwave",
        "dsk": dsk,
        "status": status,
        "at": "2026-11-25T18:30:00Z",
        **extra,
    }


class Client:
    """Calls the server and checks that no answer ever shows a PIN."""

    def __init__(self, deployment: Deployment, session: aiohttp.ClientSession) -> None:
        """Keep the deployment and the session."""
        self.deployment = deployment
        self.session = session
        self.bodies: list[str] = []

    async def request(
        self, method: str, url: str | URL, **kwargs: Any
    ) -> tuple[int, Any, Any]:
        """Status, JSON body (or None) and headers; the body holds no PIN."""
        async with self.session.request(method, url, **kwargs) as response:
            text = await response.text()
            self.bodies.append(text)
            return response.status, json.loads(text) if text else None, response.headers

    async def admin(self, method: str, path: str, **kwargs: Any) -> tuple[int, Any]:
        """Call the management API; its answers never show a PIN."""
        kwargs.setdefault("headers", self.deployment.admin())
        status, body, _ = await self.request(
            method, self.deployment.admin_url(path), **kwargs
        )
        text = json.dumps(body)
        assert PIN not in text
        assert OTHER_PIN not in text
        return status, body

    async def hub(
        self, technologies: str | None = None, **kwargs: Any
    ) -> tuple[int, Any, Any]:
        """GET the hub's device list, naming technologies or not."""
        headers = dict(self.deployment.auth())
        if technologies is not None:
            headers[TECHNOLOGIES] = technologies
        headers.update(kwargs.pop("headers", {}))
        return await self.request(
            "GET", kwargs.pop("url", self.deployment.devices_url()), headers=headers
        )

    async def events(self, events: list[Any]) -> tuple[int, Any]:
        """POST events."""
        status, body, _ = await self.request(
            "POST",
            self.deployment.events_url(),
            headers=self.deployment.auth(),
            json=events,
        )
        return status, body


@pytest.fixture
def client(deployment: Deployment, session: aiohttp.ClientSession) -> Client:
    """A client of the deployment."""
    return Client(deployment, session)


async def event_log(store: AsyncStore, db_url: str) -> str:
    """Every stored event and status row as text."""
    if db_url.startswith("postgresql://"):
        conn = await asyncpg.connect(db_url)
        try:
            rows = [
                dict(row)
                for table in ("events", "device_status")
                for row in await conn.fetch(f"SELECT * FROM {table}")
            ]
        finally:
            await conn.close()
    else:
        import sqlite3

        db = sqlite3.connect(db_url)
        db.row_factory = sqlite3.Row
        rows = [
            dict(row)
            for table in ("events", "device_status")
            for row in db.execute(f"SELECT * FROM {table}")
        ]
        db.close()
    return json.dumps(rows, default=str)


async def add_zwave(client: Client) -> None:
    """Two Zigbee devices, one Z-Wave device by DSK and one by QR code."""
    status, _ = await client.admin(
        "POST",
        f"/hubs/{HUB}/devices",
        json=[
            {"ieee": "00:0d:6f:00:00:00:00:01", "link_key": "11" * 16, "name": "A"},
            {"ieee": "00:0d:6f:00:00:00:00:02", "link_key": "22" * 16},
            {
                "technology": "zwave",
                "dsk": DSK,
                "security_classes": ["S2_AccessControl"],
                "name": "Lock",
            },
            {"qr_code": qr_code(), "area": "Hall"},
        ],
    )
    assert status == 200


async def test_api_1_1_answers_are_unchanged(
    client: Client, deployment: Deployment
) -> None:
    """Without the header: Zigbee only, byte for byte API 1.1's body and ETag."""
    await add_zwave(client)
    hub = await deployment.store.get_hub(HUB)
    assert hub is not None
    status, _, headers = await client.hub()
    assert status == 200
    expected = (
        f'{{"hub_id":"{HUB}","revision":{hub.revision},"devices":['
        '{"ieee":"00:0d:6f:00:00:00:00:01","link_key":"' + "11" * 16 + '",'
        '"name":"A","state":"active"},'
        '{"ieee":"00:0d:6f:00:00:00:00:02","link_key":"' + "22" * 16 + '",'
        '"state":"active"}],"next":null}'
    )
    assert client.bodies[-1] == expected
    assert headers["ETag"] == hub.etag
    assert headers[TECHNOLOGIES] == "zigbee, zwave"
    assert headers["Vary"] == TECHNOLOGIES
    # Paging a 1.1 hub never reaches the Z-Wave devices.
    status, body, headers = await client.hub(url=deployment.devices_url() + "?limit=1")
    assert [d["ieee"] for d in body["devices"]] == ["00:0d:6f:00:00:00:00:01"]
    status, body, _ = await client.hub(
        url=URL(deployment.devices_url()).join(URL(body["next"]))
    )
    assert [d["ieee"] for d in body["devices"]] == ["00:0d:6f:00:00:00:00:02"]
    assert body["next"] is None


async def test_hub_with_technologies_gets_zwave(
    client: Client, deployment: Deployment
) -> None:
    """With the header the Z-Wave devices come, the full DSK for the hub."""
    await add_zwave(client)
    status, body, headers = await client.hub("zigbee, zwave")
    assert status == 200
    assert headers[TECHNOLOGIES] == "zigbee, zwave"
    assert headers["Vary"] == TECHNOLOGIES
    devices = body["devices"]
    assert [d["technology"] for d in devices] == ["zigbee", "zigbee", "zwave", "zwave"]
    assert devices[0] == {
        "technology": "zigbee",
        "ieee": "00:0d:6f:00:00:00:00:01",
        "link_key": "11" * 16,
        "name": "A",
        "state": "active",
    }
    assert devices[2] == {
        "technology": "zwave",
        "dsk": DSK,
        "security_classes": ["S2_AccessControl"],
        "zwave_protocol": None,
        "name": "Lock",
        "state": "active",
    }
    assert devices[3] == {
        "technology": "zwave",
        "dsk": QR_DSK,
        "security_classes": ["S2_Unauthenticated", "S2_Authenticated"],
        "zwave_protocol": "zwave_long_range",
        "product": {"manufacturer_id": 634, "product_type": 3, "product_id": 4},
        "area": "Hall",
        "state": "active",
    }
    all_etag = headers["ETag"]
    _, body, headers = await client.hub("ZWAVE, thread")
    assert [d["dsk"] for d in body["devices"]] == [DSK, QR_DSK]
    zwave_etag = headers["ETag"]
    _, body, headers = await client.hub("zigbee")
    assert [d["technology"] for d in body["devices"]] == ["zigbee", "zigbee"]
    zigbee_etag = headers["ETag"]
    _, body, headers = await client.hub("thread")
    assert body["devices"] == []
    _, _, headers_11 = await client.hub()
    etags = {all_etag, zwave_etag, zigbee_etag, headers["ETag"], headers_11["ETag"]}
    assert len(etags) == 5
    # Each tag is current for its own technology set only.
    status, _, _ = await client.hub(
        "zwave, zigbee", headers={"If-None-Match": all_etag}
    )
    assert status == 304
    status, _, _ = await client.hub("zwave", headers={"If-None-Match": all_etag})
    assert status == 200
    status, _, _ = await client.hub(headers={"If-None-Match": all_etag})
    assert status == 200
    status, _, headers = await client.hub(headers={"If-None-Match": headers_11["ETag"]})
    assert (status, headers["Vary"]) == (304, TECHNOLOGIES)


async def test_paging_across_technologies(
    store: AsyncStore, session: aiohttp.ClientSession
) -> None:
    """Pages run through the Zigbee devices, then the Z-Wave ones."""
    await store.import_devices(HUB, make_devices(3))
    await store.import_devices(
        HUB,
        [
            DeviceRecord(
                ieee=f"xxxxx-{n:05d}-00000-00000-00000-00000-00000-00000",
                technology="zwave",
                dsk=f"{PIN}-{n:05d}-00000-00000-00000-00000-00000-00000",
                security_classes="S2_Authenticated",
            )
            for n in range(3)
        ],
    )
    _, token = await store.add_token(HUB)
    headers = {"Authorization": f"Bearer {token}", TECHNOLOGIES: "zigbee,zwave"}
    seen: list[str] = []
    async with serve_app(create_app(store, page_size=2)) as url:
        target = URL(f"{url}/v1/hubs/{HUB}/devices")
        while True:
            async with session.get(target, headers=headers) as response:
                body = await response.json()
            seen += [d.get("ieee") or d["dsk"] for d in body["devices"]]
            if body["next"] is None:
                break
            target = target.join(URL(body["next"]))
    assert len(seen) == 6
    assert seen[3:] == [
        f"{PIN}-{n:05d}-00000-00000-00000-00000-00000-00000" for n in range(3)
    ]


@pytest.mark.parametrize("technologies", [None, "zigbee, zwave"])
async def test_long_poll_wakes_both_kinds_of_hub(
    client: Client, deployment: Deployment, technologies: str | None
) -> None:
    """A held request answers when a Z-Wave device is added, for either hub."""
    _, _, headers = await client.hub(technologies)
    etag = headers["ETag"]

    async def poll() -> tuple[int, Any, Any]:
        return await client.hub(
            technologies,
            url=deployment.devices_url() + "?wait=30",
            headers={"If-None-Match": etag},
        )

    started = time.monotonic()
    task = asyncio.create_task(poll())
    async with asyncio.timeout(10):
        while not _waiting(deployment):  # noqa: ASYNC110 - a counter, no event
            await asyncio.sleep(0.01)
    status, _ = await client.admin(
        "PUT",
        f"/hubs/{HUB}/devices/{MASKED}",
        json={"dsk": DSK, "security_classes": []},
    )
    assert status == 201
    status, body, headers = await task
    assert status == 200
    assert time.monotonic() - started < 20
    assert headers["ETag"] != etag
    dsks = [d.get("dsk") for d in body["devices"]]
    assert dsks == ([] if technologies is None else [DSK])


def _waiting(deployment: Deployment) -> bool:
    from provisioning_server.api.common import BROKER_KEY

    return deployment.app[BROKER_KEY].waiting > 0


async def test_zwave_events(
    client: Client, deployment: Deployment, db_url: str
) -> None:
    """Z-Wave events name the masked DSK; a full DSK is refused, never stored."""
    await add_zwave(client)
    status, body = await client.events(
        [
            zwave_event(node_id=5),
            zwave_event(dsk=QR_MASKED.upper(), status="failed", details="timeout"),
        ]
    )
    assert status == 200, body
    status, body = await client.events([zwave_event(dsk=DSK)])
    assert (status, body["error"]) == (400, "invalid_body")
    assert "PIN" in body["errors"][0]["message"]
    for bad in (
        zwave_event(node_id=0),
        zwave_event(node_id=True),
        zwave_event(node_id=4001),
        zwave_event(ieee="00:0d:6f:00:00:00:00:01"),
        zwave_event(dsk="xxxxx-1"),
        {**zwave_event(), "technology": "thread"},
        {**zwave_event(), "dsk": None},
    ):
        status, body = await client.events([bad])
        assert status == 400, bad
    assert await deployment.store.count_events(HUB) == 2
    status, body = await client.admin("GET", f"/hubs/{HUB}/status")
    rows = {row.get("dsk") or row["ieee"]: row for row in body["devices"]}
    assert rows[MASKED] == {
        "technology": "zwave",
        "dsk": MASKED,
        "name": "Lock",
        "area": None,
        "state": "active",
        "status": "joined",
        "at": "2026-11-25T18:30:00Z",
        "node_id": 5,
    }
    assert rows[QR_MASKED]["status"] == "failed"
    assert rows["00:0d:6f:00:00:00:00:01"] == {
        "ieee": "00:0d:6f:00:00:00:00:01",
        "name": "A",
        "area": None,
        "state": "active",
        "status": None,
        "at": None,
    }
    log = await event_log(deployment.store, db_url)
    assert MASKED in log
    assert PIN not in log
    assert OTHER_PIN not in log


async def test_management_of_zwave_devices(
    client: Client, deployment: Deployment, db_url: str
) -> None:
    """Add, update, list, read, revoke Z-Wave devices; no answer shows a PIN."""
    path = f"/hubs/{HUB}/devices"
    status, body = await client.admin(
        "PUT", f"{path}/{QR_MASKED}", json={"qr_code": qr_code(), "name": "Sensor"}
    )
    assert (status, body["added"]) == (201, 1)
    status, body = await client.admin(
        "PUT",
        f"{path}/{MASKED}",
        json={"technology": "zwave", "dsk": DSK, "security_classes": ["S0_Legacy"]},
    )
    assert status == 201
    # The same again changes nothing; a new name updates.
    status, body = await client.admin(
        "PUT",
        f"{path}/{MASKED}",
        json={"dsk": DSK.replace("-", " "), "security_classes": ["s0_legacy"]},
    )
    assert (status, body["unchanged"]) == (200, 1)
    status, body = await client.admin(
        "PUT",
        f"{path}/{MASKED.upper()}",
        json={"dsk": DSK, "security_classes": ["S0_Legacy"], "name": "Lock"},
    )
    assert (status, body["updated"]) == (200, 1)
    status, body = await client.admin("GET", f"{path}/{MASKED}")
    assert body == {
        "technology": "zwave",
        "id": MASKED,
        "dsk": MASKED,
        "key_type": "dsk",
        "security_classes": ["S0_Legacy"],
        "zwave_protocol": None,
        "name": "Lock",
        "state": "active",
    }
    status, body = await client.admin("GET", path)
    assert [d["id"] for d in body["devices"]] == [MASKED, QR_MASKED]
    assert body["devices"][1]["product"] == {
        "manufacturer_id": 634,
        "product_type": 3,
        "product_id": 4,
    }
    status, body = await client.admin("GET", f"{path}?technology=zigbee")
    assert body["devices"] == []
    status, body = await client.admin("GET", f"{path}?technology=zwave&limit=1")
    assert "technology=zwave" in body["next"]
    # The path's DSK and the body's must agree; a full DSK in a path is refused.
    status, body = await client.admin(
        "PUT", f"{path}/{QR_MASKED}", json={"dsk": DSK, "security_classes": []}
    )
    assert (status, body["message"]) == (400, "the DSK differs from the path")
    status, body = await client.admin("GET", f"{path}/{DSK}")
    assert status == 400
    assert "PIN" in body["message"]
    # Revoke by masked DSK, one and many.
    status, body = await client.admin("DELETE", f"{path}/{MASKED}")
    assert (status, body["revoked"]) == (200, 1)
    status, body = await client.admin(
        "POST", f"{path}/revoke", json={"ids": [QR_MASKED, MASKED]}
    )
    assert (status, body["revoked"], body["unchanged"]) == (200, 1, 1)
    status, body = await client.admin(
        "POST",
        f"{path}/revoke",
        json={"ids": ["xxxxx-00000-00000-00000-00000-00000-00000-00009"]},
    )
    assert status == 400
    _, body, _ = await client.hub("zwave")
    assert {d["state"] for d in body["devices"]} == {"revoked"}
    # A PUT re-activates.
    status, body = await client.admin(
        "PUT", f"{path}/{MASKED}", json={"dsk": DSK, "security_classes": ["S0_Legacy"]}
    )
    assert (status, body["updated"]) == (200, 1)


async def test_dsk_of_another_pin_is_refused(
    client: Client, deployment: Deployment
) -> None:
    """The same last seven groups with another PIN is a conflict; nothing changes."""
    path = f"/hubs/{HUB}/devices"
    await client.admin(
        "PUT", f"{path}/{MASKED}", json={"dsk": DSK, "security_classes": []}
    )
    revision = (await deployment.store.get_hub(HUB)).revision  # type: ignore[union-attr]
    other = f"{OTHER_PIN}-{GROUPS}"
    status, body = await client.admin(
        "PUT", f"{path}/{MASKED}", json={"dsk": other, "security_classes": []}
    )
    assert (status, body["error"]) == (409, "dsk_conflict")
    assert MASKED in body["errors"][0]["message"]
    status, body = await client.admin(
        "POST",
        path,
        json=[
            {"ieee": "00:0d:6f:00:00:00:00:07", "link_key": "33" * 16},
            {"dsk": other, "security_classes": []},
        ],
    )
    assert (status, body["errors"][0]["index"]) == (409, 1)
    status, body = await client.admin(
        "POST",
        path,
        data=f"dsk,security_classes\n{other},S2_Authenticated\n",
        headers={**deployment.admin(), "Content-Type": "text/csv"},
    )
    assert (status, body["errors"][0]["line"]) == (409, 2)
    # Twice in one request, whatever the PIN.
    status, body = await client.admin(
        "POST",
        path,
        json=[
            {"dsk": other, "security_classes": []},
            {"qr_code": qr_code(other)},
        ],
    )
    assert status == 400
    assert body["errors"] == [{"index": 1, "message": "duplicate of item 0"}]
    assert (await deployment.store.get_hub(HUB)).revision == revision  # type: ignore[union-attr]
    # Another hub may list the same device.
    status, _ = await client.admin(
        "PUT",
        f"/hubs/{OTHER_HUB}/devices/{MASKED}",
        json={"dsk": other, "security_classes": []},
    )
    assert status == 201


async def test_csv_with_zwave_columns(client: Client, deployment: Deployment) -> None:
    """CSV rows with dsk or qr_code are Z-Wave, with ieee Zigbee; errors by line."""
    rows = io.StringIO()
    writer = csv.writer(rows)
    writer.writerow(
        ["technology", "ieee", "link_key", "dsk", "security_classes", "qr_code", "name"]
    )
    writer.writerow(["", "00:0d:6f:00:00:00:00:01", "11" * 16, "", "", "", "Plug"])
    writer.writerow(
        ["zwave", "", "", DSK, "S2_Authenticated S2_Unauthenticated", "", "Lock"]
    )
    writer.writerow(["", "", "", "", "", qr_code(), "Sensor"])
    text = rows.getvalue()
    headers = {**deployment.admin(), "Content-Type": "text/csv"}
    path = f"/hubs/{HUB}/devices"
    bad = (
        text
        + f"zigbee,,,{DSK},,,\n"
        + ",,,00101-00102,S2_Authenticated,,\n"
        + f",,,{DSK[:-1]}9,,,\n"
        + ",,,,,9001,\n"
        + f",,,{QR_DSK},S3,,\n"
        + f",,,,,{qr_code()[:-1]}0,\n"
    )
    status, body = await client.admin("POST", path, data=bad, headers=headers)
    assert status == 400
    assert [error["line"] for error in body["errors"]] == [5, 6, 7, 8, 9, 10]
    status, body = await client.admin("POST", path, data=text, headers=headers)
    assert (status, body["added"]) == (200, 3)
    _, body, _ = await client.hub("zigbee, zwave")
    assert [(d["technology"], d.get("name")) for d in body["devices"]] == [
        ("zigbee", "Plug"),
        ("zwave", "Lock"),
        ("zwave", "Sensor"),
    ]
    assert body["devices"][1]["security_classes"] == [
        "S2_Unauthenticated",
        "S2_Authenticated",
    ]


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"dsk": DSK}, "security_classes is required"),
        ({"dsk": DSK, "security_classes": "S0_Legacy"}, "must be a list"),
        ({"dsk": DSK, "security_classes": [1]}, "names"),
        ({"dsk": DSK, "security_classes": [], "qr_code": qr_code()}, "not both"),
        ({"qr_code": qr_code(), "security_classes": []}, "names its own"),
        ({"dsk": DSK, "security_classes": [], "link_key": "11" * 16}, "either ieee"),
        ({"technology": "zigbee", "dsk": DSK, "security_classes": []}, "Z-Wave field"),
        ({"technology": "zwave"}, "qr_code or dsk is required"),
        ({"technology": "zwave", "ieee": "00:0d:6f:00:00:00:00:01"}, "Zigbee field"),
        (
            {
                "ieee": "00:0d:6f:00:00:00:00:01",
                "link_key": "11" * 16,
                "security_classes": [],
            },
            "Z-Wave field",
        ),
        (
            {"dsk": DSK, "security_classes": [], "zwave_protocol": "lr"},
            "zwave_protocol",
        ),
        ({"qr_code": "90" + "0" * 60}, "checksum"),
        ({"qr_code": 90}, "must be a string"),
    ],
)
async def test_bad_zwave_devices(
    client: Client, item: dict[str, Any], message: str
) -> None:
    """Bad Z-Wave items answer 400 with a clear message and no PIN."""
    status, body = await client.admin("POST", f"/hubs/{HUB}/devices", json=[item])
    assert status == 400
    assert message in body["errors"][0]["message"]


async def test_no_answer_shows_a_pin(client: Client, deployment: Deployment) -> None:
    """Across the management API and the events, the PIN text never appears."""
    await add_zwave(client)
    await client.events([zwave_event()])
    for path in (
        "/hubs",
        f"/hubs/{HUB}",
        f"/hubs/{HUB}/devices",
        f"/hubs/{HUB}/devices/{MASKED}",
        f"/hubs/{HUB}/devices/{QR_MASKED}",
        f"/hubs/{HUB}/status",
        "/stats",
    ):
        status, _ = await client.admin("GET", path)
        assert status == 200
    # The hub's own answer is the only one with the DSK.
    await client.hub("zwave")
    hub_answers = [body for body in client.bodies if DSK in body]
    assert len(hub_answers) == 1
    assert all(PIN not in body for body in client.bodies if body not in hub_answers)


async def test_access_log_masks_a_dsk_in_the_path(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    """A full DSK sent in a path is refused, and logged with its PIN masked."""
    caplog.set_level(logging.INFO, logger="provisioning_server.access")
    status, body = await client.admin("GET", f"/hubs/{HUB}/devices/{DSK}")
    assert status == 400
    assert "PIN" in body["message"]
    access = [r.getMessage() for r in caplog.records if r.name.endswith("access")]
    assert any(f"/devices/{MASKED}" in line for line in access)
    assert PIN not in caplog.text
