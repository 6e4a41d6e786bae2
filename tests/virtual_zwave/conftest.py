"""Fixtures: one virtual Z-Wave controller and Z-Wave JS server per module, and
a real zwave-js-server-python client per test that records what it hears."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
import contextlib
from typing import Any

import aiohttp
import pytest
import pytest_socket
from zwave_js_server.client import Client
from zwave_js_server.model.controller import Controller

from virtual_zwave.__main__ import label_of
from virtual_zwave.label import SmartStartLabel
from virtual_zwave.runner import VirtualZWave, async_control_request

CONTROLLER_EVENTS = (
    "inclusion started",
    "inclusion failed",
    "inclusion stopped",
    "node found",
    "node added",
)


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """No Home Assistant here: a Z-Wave JS client talks to the server."""


@pytest.fixture
def expected_lingering_timers() -> bool:
    """aiohttp re-arms a closed WebSocket's heartbeat timer when data arrived in
    the same loop tick as the close; the harness cancels it (with a warning)."""
    return True


@pytest.fixture(autouse=True)
def _sockets(socket_enabled: None) -> None:
    """The tests talk to their own servers on 127.0.0.1."""


@pytest.fixture(scope="module")
def zwave(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtualZWave]:
    pytest_socket.enable_socket()  # set up inside the module's first test
    with VirtualZWave(
        tmp_path_factory.mktemp("zwave"), retry_interval=1.0, silent_timeout=1.0
    ) as started:
        yield started


class Network:
    """A connected client, the control port, and everything the client heard."""

    def __init__(self, zwave: VirtualZWave, client: Client) -> None:
        self.zwave = zwave
        self.client = client
        self.events: list[tuple[str, dict[str, Any]]] = []
        self.logs: list[str] = []
        self._changed = asyncio.Event()

    @property
    def controller(self) -> Controller:
        assert self.client.driver is not None
        return self.client.driver.controller

    def record(self, name: str, data: dict[str, Any]) -> None:
        self.events.append((name, data))
        self._changed.set()

    def log(self, data: dict[str, Any]) -> None:
        message = data["message"]  # as logged, not wrapped for a console
        self.logs.append(message if isinstance(message, str) else "\n".join(message))
        self._changed.set()

    async def control(self, op: str, **fields: Any) -> dict[str, Any]:
        return await async_control_request(
            "127.0.0.1", self.zwave.control_port, {"op": op, **fields}
        )

    async def add_device(
        self, variant: str = "normal"
    ) -> tuple[dict[str, Any], SmartStartLabel]:
        device = (await self.control("add_device", variant=variant))["device"]
        return device, label_of(device)

    async def device(self, device_id: str) -> dict[str, Any]:
        status = await self.control("status")
        return next(d for d in status["devices"] if d["id"] == device_id)

    async def wait_for(self, condition: Callable[[], Any], timeout: float = 60) -> Any:
        """Wait until condition() returns something truthy."""
        async with asyncio.timeout(timeout):
            while True:
                self._changed.clear()
                if result := condition():
                    return result
                await self._changed.wait()

    def event(
        self, name: str, predicate: Callable[[dict[str, Any]], bool] = lambda _d: True
    ) -> dict[str, Any] | None:
        return next((d for n, d in self.events if n == name and predicate(d)), None)

    def logged(self, text: str, start: int = 0) -> bool:
        return any(text in line for line in self.logs[start:])

    async def wait_for_log(
        self, text: str, start: int = 0, timeout: float = 60
    ) -> None:
        await self.wait_for(lambda: self.logged(text, start), timeout)


@contextlib.asynccontextmanager
async def listening_network(
    zwave: VirtualZWave, *, power_off: bool = False
) -> AsyncIterator[Network]:
    """A client straight to the server that hears the controller's events and
    the driver's log. At the end it clears the provisioning list and, with
    ``power_off``, powers off every device still asking to be included."""
    async with aiohttp.ClientSession() as session:
        client = Client(zwave.url, session)
        await client.connect()
        ready = asyncio.Event()
        listening = asyncio.create_task(client.listen(ready))
        await asyncio.wait_for(ready.wait(), 30)
        network = Network(zwave, client)
        assert client.driver is not None
        removers = [
            client.driver.controller.on(
                name, lambda data, name=name: network.record(name, data)
            )
            for name in CONTROLLER_EVENTS
        ]
        removers.append(client.driver.on("logging", network.log))
        await client.async_start_listening_logs()
        try:
            yield network
        finally:
            for remove in removers:
                remove()
            if power_off:
                for device in (await network.control("status"))["devices"]:
                    if device["state"] == "requesting":
                        await network.control("power_off", id=device["id"])
            controller = client.driver.controller
            for entry in await controller.async_get_provisioning_entries():
                await controller.async_unprovision_smart_start_node(entry.dsk)
            await client.disconnect()
            listening.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await listening


@pytest.fixture
async def network(zwave: VirtualZWave) -> AsyncIterator[Network]:
    async with listening_network(zwave) as network:
        yield network
