"""Property-based check of the reference server against the OpenAPI document.

One document, ``docs/provisioning-api.yaml``, describes both the hub API and the
management API. Requests are generated with Hypothesis, partly from the
document's own schemas; every response must be one the document lists for the
operation, with a body valid against the documented schema and the documented
headers. Every route of the server must be documented, every documented
operation must exist on the server and be exercised here, and every operation
must state the security scheme (and tag) of its audience.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime
import http.client
import json
import pathlib
import re
import string
import threading
from typing import Any
from urllib.parse import quote, urlencode, urljoin, urlsplit
import uuid

from aiohttp import web
from hypothesis import HealthCheck, given, settings, strategies as st
import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
import yaml

from provisioning_server.app import create_app
from provisioning_server.store import Store
from provisioning_server.validation import RFC3339_RE, device_from_row

from .helpers import HUB, OPENAPI, OTHER_HUB, make_devices, make_ieee

DOC: dict[str, Any] = yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))
DOC_URI = "urn:provisioning-api"
REGISTRY: Registry = Registry().with_resource(
    DOC_URI, Resource.from_contents(DOC, default_specification=DRAFT202012)
)
METHODS = {"get", "put", "post", "delete", "patch", "options", "head", "trace"}
FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("date-time")  # type: ignore[untyped-decorator]
def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not RFC3339_RE.fullmatch(value):
        return False
    try:
        datetime.fromisoformat(
            re.sub(r"(\.[0-9]{6})[0-9]+", r"\1", value.upper()).replace("Z", "+00:00")
        )
    except ValueError:
        return False
    return True


@FORMATS.checks("uri-reference")  # type: ignore[untyped-decorator]
def _is_uri_reference(value: object) -> bool:
    return not isinstance(value, str) or " " not in value


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local ``$ref`` of the document."""
    while "$ref" in node:
        target: Any = DOC
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def absolute_refs(node: Any) -> Any:
    """Point the document's local references at the registered document."""
    if isinstance(node, dict):
        return {
            key: DOC_URI + value
            if key == "$ref" and isinstance(value, str) and value.startswith("#")
            else absolute_refs(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [absolute_refs(item) for item in node]
    return node


def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    """A validator for a schema of the document (local refs resolve)."""
    return jsonschema.Draft202012Validator(
        absolute_refs(schema), registry=REGISTRY, format_checker=FORMATS
    )


def references(node: Any) -> Iterator[str]:
    """Every ``$ref`` in ``node``, at any depth."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from references(value)
    elif isinstance(node, list):
        for item in node:
            yield from references(item)


def operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Every documented operation: path, lower-case method, operation."""
    for route, item in DOC["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield route, method, operation


def schema_of(path: str, method: str, status: int) -> dict[str, Any] | None:
    """The documented response of an operation, or None if undocumented."""
    responses = DOC["paths"][path][method]["responses"]
    response = responses.get(str(status))
    return None if response is None else resolve(response)


def check_response(
    path: str,
    method: str,
    status: int,
    headers: http.client.HTTPMessage,
    body: bytes,
) -> Any:
    """Assert the response is documented; return its JSON body (if any)."""
    response = schema_of(path, method, status)
    assert response is not None, f"{method.upper()} {path}: undocumented {status}"
    for name, header_ref in response.get("headers", {}).items():
        header = resolve(header_ref)
        value = headers.get(name)
        if header.get("required"):
            assert value is not None, f"{status} lacks the {name} header"
        if value is not None:
            jsonschema.validate(value, header["schema"])
    content = response.get("content")
    if content is None:
        assert body == b""
        return None
    assert headers.get_content_type() == "application/json"
    data = json.loads(body)
    schema = content["application/json"]["schema"]
    validator(schema).validate(data)
    return data


class ThreadedServer:
    """The reference server in its own thread, for synchronous clients."""

    def __init__(self, store: Store, page_size: int) -> None:
        self.app = create_app(store, page_size=page_size)
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="contract-server")
        self.port = 0

    def _run(self) -> None:
        loop = self._loop
        asyncio.set_event_loop(loop)
        runner = web.AppRunner(self.app, access_log=None)
        loop.run_until_complete(runner.setup())
        site = web.TCPSite(runner, "127.0.0.1", 0)
        loop.run_until_complete(site.start())
        self.port = runner.addresses[0][1]
        self._ready.set()
        loop.run_forever()
        loop.run_until_complete(runner.cleanup())
        # The store's close runs in the default executor: wait for its thread,
        # which loop.close() would leave running past the test's end.
        loop.run_until_complete(loop.shutdown_default_executor())
        loop.close()

    def __enter__(self) -> ThreadedServer:
        self._thread.start()
        assert self._ready.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        assert not self._thread.is_alive()

    def request(
        self,
        method: str,
        target: str,
        headers: dict[str, str] | None = None,
        body: bytes | None = None,
    ) -> tuple[int, http.client.HTTPMessage, bytes]:
        """Send one request."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, target, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()


class Setup:
    """Server, tokens and data for the contract tests."""

    def __init__(
        self, server: ThreadedServer, token: str, other: str, admin: str
    ) -> None:
        self.server = server
        self.admin = admin
        self.tokens = {
            "own": f"Bearer {token}",
            "other": f"Bearer {other}",
            "bad": "Bearer pvs_not-a-valid-token",
            "basic": "Basic dXNlcjpwYXNz",
            "none": None,
        }
        self.token = token


@pytest.fixture
def setup(tmp_path: pathlib.Path) -> Iterator[Setup]:
    """A server with 25 devices in pages of 10."""
    store = Store(tmp_path / "contract.db")
    store.add_hub(HUB)
    store.add_hub(OTHER_HUB)
    store.import_devices(HUB, make_devices(25))
    store.revoke_device(HUB, make_ieee(3))
    store.import_devices(
        HUB,
        [
            device_from_row(
                {
                    "dsk": f"11111-{n:05d}" + ZWAVE_GROUPS[6:],
                    "security_classes": "S0_Legacy",
                }
            )
            for n in range(3)
        ],
    )
    _, token = store.add_token(HUB)
    _, other = store.add_token(OTHER_HUB)
    _, admin = store.add_admin_token()
    try:
        with ThreadedServer(store, page_size=10) as server:
            yield Setup(server, token, other, admin)
    finally:
        store.close()


ZWAVE_GROUPS = "-23456-34567-45678-56789-01234-12345-23456"
DSK = "12345" + ZWAVE_GROUPS
MASKED = "xxxxx" + ZWAVE_GROUPS
QR = (
    "9001067670031234523456345674567856789012341234523456001004097017920220006340000"
    "300004002580803001"
)
DEVICES = "/v1/hubs/{hub_id}/devices"
EVENTS = "/v1/hubs/{hub_id}/events"
HEADER_TEXT = st.text(
    alphabet=string.ascii_letters + string.digits + ' "/,*-=', max_size=24
)
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# Audience of each path prefix: security scheme (None: no token) and tag.
AUDIENCES = {
    "/v1/hubs/": ("bearer", "Hub"),
    "/v1/admin/": ("adminBearer", "Management"),
    "/healthz": (None, "Health"),
}


def test_document_is_openapi_31() -> None:
    """The document is OpenAPI 3.1, every reference resolves, examples are valid."""
    assert DOC["openapi"].startswith("3.1.")
    schemes = DOC["components"]["securitySchemes"]
    assert set(schemes) == {"bearer", "adminBearer"}
    for scheme in schemes.values():
        assert scheme == {**scheme, "type": "http", "scheme": "bearer"}
        assert scheme["description"]
    refs = set(references(DOC))
    assert "#/components/responses/AdminBadRequest" in refs
    for ref in refs:
        assert resolve({"$ref": ref})
    for schema in DOC["components"]["schemas"].values():
        jsonschema.Draft202012Validator.check_schema(schema)
    checked = 0
    for route, _method, operation in operations():
        for response in operation["responses"].values():
            for media in resolve(response).get("content", {}).values():
                examples = [e["value"] for e in media.get("examples", {}).values()]
                examples += [media["example"]] if "example" in media else []
                for example in examples:
                    validator(media["schema"]).validate(example)
                    checked += 1
        body = operation.get("requestBody", {}).get("content", {})
        for media in body.values():
            examples = [e["value"] for e in media.get("examples", {}).values()]
            examples += [media["example"]] if "example" in media else []
            assert examples, f"{route}: a request body without example"
            for example in examples:
                validator(media["schema"]).validate(example)
                checked += 1
        assert route.startswith("/")
    assert checked >= 20


def test_operations_keep_their_audience() -> None:
    """Each operation states the security scheme and tag of its audience."""
    declared = {tag["name"] for tag in DOC["tags"]}
    assert declared == {tag for _, tag in AUDIENCES.values()}
    assert "security" not in DOC, "every operation states its own security"
    operation_ids = [operation["operationId"] for _, _, operation in operations()]
    assert len(operation_ids) == len(set(operation_ids))
    seen: set[str] = set()
    for route, method, operation in operations():
        matches = [key for key in AUDIENCES if route.startswith(key)]
        assert len(matches) == 1, route
        scheme, tag = AUDIENCES[matches[0]]
        seen.add(matches[0])
        expected: list[dict[str, list[str]]] = [] if scheme is None else [{scheme: []}]
        assert operation.get("security") == expected, (method, route)
        assert operation["tags"] == [tag], (method, route)
    assert seen == set(AUDIENCES)


def server_operations(app: web.Application) -> set[tuple[str, str]]:
    """The routes of the server as (lower-case method, OpenAPI path template)."""
    found: set[tuple[str, str]] = set()
    for route in app.router.routes():
        if route.method == "HEAD":  # added by aiohttp to every GET
            continue
        canonical = route.resource.canonical if route.resource else ""
        found.add((route.method.lower(), canonical))
    return found


def test_every_route_is_documented(setup: Setup) -> None:
    """The server's routes and the document's operations are the same set."""
    documented = {(method, route) for route, method, _ in operations()}
    served = server_operations(setup.server.app)
    assert served - documented == set(), "routes of the server not documented"
    assert documented - served == set(), "documented operations the server lacks"
    exercised = {("get", DEVICES), ("post", EVENTS), ("get", "/healthz")} | {
        (method.lower(), path) for method, path, *_ in ADMIN_CALLS
    }
    assert exercised == documented, "documented operations these tests never call"


@SETTINGS
@given(
    auth=st.sampled_from(["own", "own", "own", "other", "bad", "basic", "none"]),
    hub=st.sampled_from([HUB, HUB, OTHER_HUB, "unknown-hub"])
    | st.text(string.printable, min_size=1, max_size=40),
    limit=st.none() | st.integers(-2, 5002).map(str) | HEADER_TEXT,
    cursor=st.none()
    | st.sampled_from(["MDA6MGQ6NmY6MDA6MDA6MDA6MDA6MDk", "x"])
    | HEADER_TEXT,
    if_none_match=st.none() | st.just("current") | HEADER_TEXT,
    # Malformed waits only: a valid one would hold each example for seconds.
    wait=st.none() | st.sampled_from(["0", "61", "x", "\uff15", "07", "-1", ""]),
    technologies=st.none()
    | st.sampled_from(["zigbee, zwave", "ZWave", "zigbee", "thread", ""])
    | HEADER_TEXT,
)
def test_list_devices_conforms(  # noqa: PLR0917
    setup: Setup,
    auth: str,
    hub: str,
    limit: str | None,
    cursor: str | None,
    if_none_match: str | None,
    wait: str | None,
    technologies: str | None,
) -> None:
    """GET devices answers only as documented, on every page."""
    server = setup.server
    headers = {}
    if technologies is not None:
        headers["Provisioning-Technologies"] = technologies
    if (authorization := setup.tokens[auth]) is not None:
        headers["Authorization"] = authorization
    if if_none_match == "current":
        _, response_headers, _ = server.request(
            "GET",
            f"/v1/hubs/{quote(HUB, safe='')}/devices",
            {"Authorization": f"Bearer {setup.token}"},
        )
        if_none_match = response_headers["ETag"]
    if if_none_match is not None:
        headers["If-None-Match"] = if_none_match
    query = {
        k: v
        for k, v in (("limit", limit), ("cursor", cursor), ("wait", wait))
        if v is not None
    }
    target = f"/v1/hubs/{quote(hub, safe='')}/devices"
    if query:
        target += "?" + urlencode(query)
    pages = 0
    while target is not None:
        status, response_headers, body = server.request("GET", target, headers)
        data = check_response(DEVICES, "get", status, response_headers, body)
        pages += 1
        if status != 200:
            break
        assert (auth, hub) in {("own", HUB), ("other", OTHER_HUB)}
        assert data["hub_id"] == hub
        if technologies is None:
            assert all("technology" not in device for device in data["devices"])
        next_ref = data["next"]
        if next_ref is None:
            break
        target_url = urljoin(f"http://127.0.0.1:{server.port}{target}", next_ref)
        parts = urlsplit(target_url)
        assert parts.netloc == f"127.0.0.1:{server.port}"
        target = f"{parts.path}?{parts.query}"
        headers.pop("If-None-Match", None)
        assert pages <= 30
    if auth not in {"own", "other"}:
        assert status == 401
    if status == 304:
        assert if_none_match is not None
    if wait is not None and auth in {"own", "other"} and status != 404:
        assert status in {400, 403}


def event_strategy() -> st.SearchStrategy[dict[str, Any]]:
    """Events valid against the document's Event schema."""
    props = resolve({"$ref": "#/components/schemas/Event"})["properties"]
    statuses = props["status"]["enum"]
    times = st.datetimes(
        min_value=datetime(2000, 1, 1),
        # Servers refuse times more than a few minutes in the future.
        max_value=datetime.now(UTC).replace(tzinfo=None),
        timezones=st.just(UTC),
    ).map(lambda moment: moment.isoformat().replace("+00:00", "Z"))
    return st.fixed_dictionaries(
        {
            "event_id": st.uuids().map(str),
            "ieee": st.integers(0, 2**64 - 1).map(
                lambda n: ":".join(f"{n:016x}"[i : i + 2] for i in range(0, 16, 2))
            ),
            "status": st.sampled_from(statuses),
            "at": times,
        },
        optional={
            "details": st.text(max_size=50)
            | st.dictionaries(st.text(max_size=5), st.integers(), max_size=3)
        },
    )


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def event_bodies(draw: st.DrawFn) -> tuple[bytes, Any]:
    """Valid batches, batches with one broken event, arbitrary JSON or bytes."""
    kind = draw(st.sampled_from(["valid", "valid", "mutated", "json", "bytes"]))
    if kind == "bytes":
        return draw(st.binary(max_size=40)), None
    if kind == "json":
        value = draw(JSON)
        return json.dumps(value).encode(), value
    events = draw(st.lists(event_strategy(), max_size=5))
    if kind == "mutated" and events:
        index = draw(st.integers(0, len(events) - 1))
        key = draw(
            st.sampled_from(["event_id", "ieee", "status", "at", "details", "extra"])
        )
        events[index] = {**events[index], key: draw(JSON)}
    return json.dumps(events).encode(), events


@SETTINGS
@given(
    auth=st.sampled_from(["own", "own", "own", "own", "other", "bad", "none"]),
    hub=st.sampled_from([HUB, HUB, HUB, OTHER_HUB, "unknown-hub"]),
    content_type=st.sampled_from(
        [
            "application/json",
            "application/json",
            "application/json; charset=utf-8",
            "text/plain",
            None,
        ]
    ),
    payload=event_bodies(),
)
def test_post_events_conforms(
    setup: Setup,
    auth: str,
    hub: str,
    content_type: str | None,
    payload: tuple[bytes, Any],
) -> None:
    """POST events accepts exactly the documented bodies, idempotently."""
    body, value = payload
    headers = {}
    if (authorization := setup.tokens[auth]) is not None:
        headers["Authorization"] = authorization
    if content_type is not None:
        headers["Content-Type"] = content_type
    target = f"/v1/hubs/{quote(hub, safe='')}/events"
    status, response_headers, raw = setup.server.request("POST", target, headers, body)
    data = check_response(EVENTS, "post", status, response_headers, raw)
    if auth in ("bad", "none"):
        assert status == 401
        return
    token_hub = HUB if auth == "own" else OTHER_HUB
    if hub != token_hub:
        assert status == (403 if hub in {HUB, OTHER_HUB} else 404)
        return
    if content_type is None or content_type == "text/plain":
        assert status == 415
        return
    request_schema = DOC["paths"][EVENTS]["post"]["requestBody"]["content"][
        "application/json"
    ]["schema"]
    valid = value is not None and validator(request_schema).is_valid(value)
    if not valid:
        assert status == 400, (status, value)
        return
    assert status == 200, (status, data, value)
    assert data["accepted"] == [event["event_id"] for event in value]
    # Idempotent: sending the batch again is accepted again.
    status, response_headers, raw = setup.server.request("POST", target, headers, body)
    assert status == 200
    assert json.loads(raw)["accepted"] == data["accepted"]


def test_health_conforms(setup: Setup) -> None:
    """The health check is documented."""
    status, headers, body = setup.server.request("GET", "/healthz")
    assert status == 200
    check_response("/healthz", "get", status, headers, body)


def test_uuid_example_is_valid() -> None:
    """The documented event ids are UUIDs."""
    for event in DOC["paths"][EVENTS]["post"]["requestBody"]["content"][
        "application/json"
    ]["example"]:
        uuid.UUID(event["event_id"])


def test_long_poll_conforms(setup: Setup) -> None:
    """A long poll that times out, and a bad ``wait``, are documented answers."""
    server = setup.server
    target = f"/v1/hubs/{quote(HUB, safe='')}/devices"
    auth = {"Authorization": f"Bearer {setup.token}"}
    status, headers, body = server.request("GET", target, auth)
    check_response(DEVICES, "get", status, headers, body)
    etag = headers["ETag"]
    status, headers, body = server.request(
        "GET", target + "?wait=1", {**auth, "If-None-Match": etag}
    )
    assert status == 304
    check_response(DEVICES, "get", status, headers, body)
    status, headers, body = server.request("GET", target + "?wait=0", auth)
    assert status == 400
    check_response(DEVICES, "get", status, headers, body)


ADMIN_CALLS: list[tuple[str, str, str, Any, int]] = [
    # method, documented path, concrete path, JSON body, expected status
    ("GET", "/v1/admin/stats", "/v1/admin/stats", None, 200),
    ("GET", "/v1/admin/hubs", "/v1/admin/hubs", None, 200),
    ("POST", "/v1/admin/hubs", "/v1/admin/hubs", {"hub_id": "b7"}, 201),
    ("POST", "/v1/admin/hubs", "/v1/admin/hubs", {"hub_id": "b7"}, 409),
    ("POST", "/v1/admin/hubs", "/v1/admin/hubs", {"hub_id": "a/b"}, 400),
    ("GET", "/v1/admin/hubs/{hub_id}", "/v1/admin/hubs/b7", None, 200),
    ("GET", "/v1/admin/hubs/{hub_id}", "/v1/admin/hubs/nope", None, 404),
    ("POST", "/v1/admin/hubs/{hub_id}/tokens", "/v1/admin/hubs/b7/tokens", {}, 201),
    ("GET", "/v1/admin/hubs/{hub_id}/tokens", "/v1/admin/hubs/b7/tokens", None, 200),
    (
        "DELETE",
        "/v1/admin/hubs/{hub_id}/tokens/{token_id}",
        "/v1/admin/hubs/b7/tokens/999",
        None,
        404,
    ),
    (
        "POST",
        "/v1/admin/hubs/{hub_id}/devices",
        "/v1/admin/hubs/b7/devices",
        [{"ieee": make_ieee(1), "link_key": "11" * 16, "name": "M"}],
        200,
    ),
    (
        "POST",
        "/v1/admin/hubs/{hub_id}/devices",
        "/v1/admin/hubs/b7/devices",
        [{"ieee": "x"}],
        400,
    ),
    ("GET", "/v1/admin/hubs/{hub_id}/devices", "/v1/admin/hubs/b7/devices", None, 200),
    (
        "PUT",
        "/v1/admin/hubs/{hub_id}/devices/{device_id}",
        f"/v1/admin/hubs/b7/devices/{make_ieee(2)}",
        {"link_key": "22" * 16},
        201,
    ),
    (
        "GET",
        "/v1/admin/hubs/{hub_id}/devices/{device_id}",
        f"/v1/admin/hubs/b7/devices/{make_ieee(2)}",
        None,
        200,
    ),
    (
        "DELETE",
        "/v1/admin/hubs/{hub_id}/devices/{device_id}",
        f"/v1/admin/hubs/b7/devices/{make_ieee(2)}",
        None,
        200,
    ),
    (
        "POST",
        "/v1/admin/hubs/{hub_id}/devices/revoke",
        "/v1/admin/hubs/b7/devices/revoke",
        {"ieee": [make_ieee(1)]},
        200,
    ),
    ("GET", "/v1/admin/hubs/{hub_id}/status", "/v1/admin/hubs/b7/status", None, 200),
    ("GET", "/v1/admin/hubs", "/v1/admin/hubs", "no-token", 401),
    # Z-Wave (1.2)
    (
        "PUT",
        "/v1/admin/hubs/{hub_id}/devices/{device_id}",
        f"/v1/admin/hubs/b7/devices/{MASKED}",
        {"qr_code": QR, "name": "Lock"},
        201,
    ),
    (
        "PUT",
        "/v1/admin/hubs/{hub_id}/devices/{device_id}",
        f"/v1/admin/hubs/b7/devices/{MASKED}",
        {"dsk": "54321" + ZWAVE_GROUPS, "security_classes": []},
        409,
    ),
    (
        "POST",
        "/v1/admin/hubs/{hub_id}/devices",
        "/v1/admin/hubs/b7/devices",
        [{"dsk": "54321" + ZWAVE_GROUPS, "security_classes": []}],
        409,
    ),
    (
        "POST",
        "/v1/admin/hubs/{hub_id}/devices",
        "/v1/admin/hubs/b7/devices",
        [
            {
                "dsk": "00001-00002-00003-00004-00005-00006-00007-00008",
                "security_classes": ["S2_AccessControl"],
            }
        ],
        200,
    ),
    (
        "GET",
        "/v1/admin/hubs/{hub_id}/devices/{device_id}",
        f"/v1/admin/hubs/b7/devices/{MASKED}",
        None,
        200,
    ),
    (
        "GET",
        "/v1/admin/hubs/{hub_id}/devices/{device_id}",
        f"/v1/admin/hubs/b7/devices/{DSK}",
        None,
        400,
    ),
    ("GET", "/v1/admin/hubs/{hub_id}/devices", "/v1/admin/hubs/b7/devices", None, 200),
    (
        "DELETE",
        "/v1/admin/hubs/{hub_id}/devices/{device_id}",
        f"/v1/admin/hubs/b7/devices/{MASKED}",
        None,
        200,
    ),
    (
        "POST",
        "/v1/admin/hubs/{hub_id}/devices/revoke",
        "/v1/admin/hubs/b7/devices/revoke",
        {"ids": [MASKED, make_ieee(1)]},
        200,
    ),
    ("GET", "/v1/admin/hubs/{hub_id}/status", "/v1/admin/hubs/b7/status", None, 200),
]


def test_admin_conforms(setup: Setup) -> None:
    """Management API answers are the documented ones."""
    for method, path, target, body, expected in ADMIN_CALLS:
        headers = {"Authorization": f"Bearer {setup.admin}"}
        data = None
        if body == "no-token":
            headers = {}
        elif body is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(body).encode()
        status, response_headers, raw = setup.server.request(
            method, quote(target, safe="/:"), headers, data
        )
        assert status == expected, (method, target, status, raw)
        check_response(path, method.lower(), status, response_headers, raw)


@st.composite
def device_bodies(draw: st.DrawFn) -> tuple[str, bytes]:
    """Bulk bodies: valid devices with one mutation, arbitrary JSON, CSV text, bytes."""
    kind = draw(st.sampled_from(["devices", "json", "csv", "bytes"]))
    if kind == "bytes":
        return "text/csv", draw(st.binary(max_size=60))
    if kind == "csv":
        rows = draw(st.lists(st.text(max_size=40), max_size=4))
        header = draw(st.sampled_from(["ieee,link_key,name", "ieee", "name", ""]))
        return "text/csv", "\n".join([header, *rows]).encode()
    if kind == "json":
        return "application/json", json.dumps(draw(JSON)).encode()
    devices: list[Any] = [
        {"ieee": make_ieee(n), "link_key": f"{n + 1:032X}"}
        for n in range(draw(st.integers(0, 4)))
    ]
    mutate: bool = draw(st.booleans())
    if devices and mutate:
        index = draw(st.integers(0, len(devices) - 1))
        key = draw(st.sampled_from(["ieee", "link_key", "install_code", "name", "x"]))
        devices[index] = {**devices[index], key: draw(JSON)}
    return "application/json", json.dumps(devices).encode()


@SETTINGS
@given(payload=device_bodies())
def test_admin_bulk_conforms(setup: Setup, payload: tuple[str, bytes]) -> None:
    """Any bulk body answers as documented; a refused one changes nothing."""
    content_type, body = payload
    server = setup.server
    auth = {"Authorization": f"Bearer {setup.admin}"}
    target = f"/v1/admin/hubs/{quote(OTHER_HUB, safe='')}"
    _, _, before = server.request("GET", target, auth)
    status, headers, raw = server.request(
        "POST", target + "/devices", {**auth, "Content-Type": content_type}, body
    )
    check_response("/v1/admin/hubs/{hub_id}/devices", "post", status, headers, raw)
    assert status in {200, 400}, (status, raw)
    _, _, after = server.request("GET", target, auth)
    if status == 400:
        assert json.loads(after)["revision"] == json.loads(before)["revision"]


def test_zwave_events_conform(setup: Setup) -> None:
    """Z-Wave events answer as documented; a full DSK is refused."""
    target = f"/v1/hubs/{quote(HUB, safe='')}/events"
    headers = {
        "Authorization": f"Bearer {setup.token}",
        "Content-Type": "application/json",
    }
    event = {
        "event_id": str(uuid.uuid4()),
        "technology": "zwave",
        "dsk": "xxxxx" + ZWAVE_GROUPS,
        "status": "joined",
        "at": "2026-11-25T18:30:00Z",
        "node_id": 7,
    }
    batch = resolve({"$ref": "#/components/schemas/EventBatch"})
    validator(batch).validate([event])
    status, response_headers, raw = setup.server.request(
        "POST", target, headers, json.dumps([event]).encode()
    )
    assert status == 200
    check_response(EVENTS, "post", status, response_headers, raw)
    full = {**event, "event_id": str(uuid.uuid4()), "dsk": "00002" + ZWAVE_GROUPS}
    assert not validator(batch).is_valid([full])
    status, response_headers, raw = setup.server.request(
        "POST", target, headers, json.dumps([full]).encode()
    )
    assert status == 400
    check_response(EVENTS, "post", status, response_headers, raw)
