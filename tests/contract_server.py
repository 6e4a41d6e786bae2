"""A small provisioning server that follows the wire contract, long polling included.

The hub's tests use it where they need to change a list, count requests or
switch long polling on and off while the hub runs. It answers:

- ``GET /v1/hubs/{hub}/devices[?cursor=n][&wait=s]`` with pages of
  ``page_size`` entries, an ETag per revision, 304 for a matching
  ``If-None-Match``, and, while ``max_wait`` and ``announce`` are set, the
  header ``Provisioning-Long-Poll: max-wait=<max_wait>``. With ``wait`` and a current
  ETag the request is held until the list changes or ``wait`` seconds pass.
  ``wait`` must be an ASCII integer 1..max_wait and comes without ``cursor``,
  else 400 (and always 400 while ``reject_wait`` is set, as from a server
  that announces long polling but can't hold requests).
- ``POST /v1/hubs/{hub}/events`` by accepting every event.

It records each request and the most requests it ever had open at once (a
request ends when its client goes away: handlers are cancelled then);
``holding`` is set once it holds a long poll.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
import json
from typing import Any

from aiohttp import web

TOKEN = "pvs_contract-token"


@dataclass(frozen=True, slots=True)
class Seen:
    """One request as the server saw it."""

    method: str
    query: dict[str, str]
    if_none_match: str | None
    status: int


class ContractServer:
    """Serve one hub's list; change it with ``set_devices``."""

    def __init__(
        self, hub_id: str, *, max_wait: int | None = 60, page_size: int = 100
    ) -> None:
        """Start with an empty list at revision 1."""
        self.hub_id = hub_id
        self.max_wait = max_wait
        self.page_size = page_size
        self.revision = 1
        self.devices: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.seen: list[Seen] = []
        self.active = 0
        self.most_active = 0
        self._changed = asyncio.Event()
        self.holding = asyncio.Event()
        self.reject_wait = False
        self.announce = True
        self.url = ""

    @property
    def etag(self) -> str:
        """The entity tag of the current revision."""
        return f'"rev-{self.revision}"'

    def set_devices(self, devices: list[dict[str, Any]]) -> None:
        """Replace the list, move to the next revision and wake held requests."""
        self.devices = list(devices)
        self.revision += 1
        self._changed.set()
        self._changed = asyncio.Event()

    def app(self) -> web.Application:
        """The aiohttp application."""
        app = web.Application()
        path = f"/v1/hubs/{self.hub_id}"
        app.router.add_get(f"{path}/devices", self._get)
        app.router.add_post(f"{path}/events", self._post)
        return app

    def _headers(self) -> dict[str, str]:
        headers = {"ETag": self.etag}
        if self.max_wait is not None and self.announce:
            headers["Provisioning-Long-Poll"] = f"max-wait={self.max_wait}"
        return headers

    def _record(self, request: web.Request, status: int) -> None:
        self.seen.append(
            Seen(
                request.method,
                dict(request.query),
                request.headers.get("If-None-Match"),
                status,
            )
        )

    async def _get(self, request: web.Request) -> web.StreamResponse:
        self.active += 1
        self.most_active = max(self.most_active, self.active)
        try:
            response = await self._answer(request)
        finally:
            self.active -= 1
        self._record(request, response.status)
        return response

    async def _answer(self, request: web.Request) -> web.Response:
        if request.headers.get("Authorization") != f"Bearer {TOKEN}":
            return web.json_response({"error": "unauthorized"}, status=401)
        query = request.query
        if_none_match = request.headers.get("If-None-Match")
        if (wait := query.get("wait")) is not None:
            if (
                self.reject_wait
                or self.max_wait is None
                or "cursor" in query
                or not (wait.isascii() and wait.isdigit())
                or not 1 <= int(wait) <= self.max_wait
            ):
                return web.json_response({"error": "bad_request"}, status=400)
            if if_none_match == self.etag:
                changed = self._changed
                self.holding.set()
                try:
                    async with asyncio.timeout(int(wait)):
                        await changed.wait()
                except TimeoutError:
                    pass
        if "cursor" not in query and if_none_match == self.etag:
            return web.Response(status=304, headers=self._headers())
        start = int(query.get("cursor", "0"))
        end = start + self.page_size
        body = {
            "hub_id": self.hub_id,
            "revision": self.revision,
            "devices": self.devices[start:end],
            "next": f"devices?cursor={end}" if end < len(self.devices) else None,
        }
        return web.Response(
            body=json.dumps(body).encode(),
            content_type="application/json",
            headers=self._headers(),
        )

    async def _post(self, request: web.Request) -> web.StreamResponse:
        self.active += 1
        self.most_active = max(self.most_active, self.active)
        try:
            events = await request.json()
            self.events.extend(events)
            response = web.json_response(
                {"accepted": [event["event_id"] for event in events]}
            )
        finally:
            self.active -= 1
        self._record(request, response.status)
        return response


@asynccontextmanager
async def serve_contract(server: ContractServer) -> AsyncIterator[ContractServer]:
    """Serve ``server`` on 127.0.0.1; its ``url`` is set while it runs."""
    runner = web.AppRunner(
        server.app(), shutdown_timeout=0.1, handler_cancellation=True
    )
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        port = runner.addresses[0][1]
        server.url = f"http://127.0.0.1:{port}"
        yield server
    finally:
        await runner.cleanup()
