"""Fixtures: Home Assistant's real ``zwave_js`` on the virtual Z-Wave
controller and a real Z-Wave JS server (one per module), reached through a
TCP relay a test can cut, plus an observer client that hears the driver."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
import contextlib
from datetime import timedelta
import time
from typing import Any

from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
from homeassistant.setup import async_setup_component
import homeassistant.util.dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)
from zwave_js_server.client import Client

from custom_components.provisioning.core.zwave import SecurityClass, parse_dsk
from custom_components.provisioning.core.zwave.provisioning_list import (
    DesiredProvision,
)
from custom_components.provisioning.zwave_js_link import (
    NodeAdded,
    ReconcileResult,
    ZWaveJsLink,
)
from tests.virtual_zwave.conftest import (  # the same sockets, timers and controller
    Network,
    _sockets,  # noqa: F401
    expected_lingering_timers,  # noqa: F401
    listening_network,
    zwave,  # noqa: F401
)
from virtual_zwave.label import SmartStartLabel
from virtual_zwave.runner import VirtualZWave, async_control_request

OWNER = "list-under-test"
PROVISIONING_COMMANDS = (
    "controller.provision_smart_start_node",
    "controller.unprovision_smart_start_node",
)


class Relay:
    """A TCP relay to the Z-Wave JS server; ``cut`` drops every connection
    and refuses new ones until ``restore``."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.port = 0
        self.refusing = False
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _accept(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        if self.refusing:
            writer.close()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(
                "127.0.0.1", self.target_port
            )
        except OSError:
            writer.close()
            return
        self._writers |= {writer, up_writer}
        for source, sink in ((reader, up_writer), (up_reader, writer)):
            task = asyncio.create_task(self._pump(source, sink))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _pump(
        self, source: asyncio.StreamReader, sink: asyncio.StreamWriter
    ) -> None:
        with contextlib.suppress(OSError, asyncio.CancelledError):
            while data := await source.read(65536):
                sink.write(data)
                await sink.drain()
        sink.close()
        self._writers.discard(sink)

    def cut(self) -> None:
        self.refusing = True
        for writer in list(self._writers):
            writer.close()
        self._writers.clear()

    def restore(self) -> None:
        self.refusing = False

    async def stop(self) -> None:
        self.cut()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)


@pytest.fixture
async def relay(zwave: VirtualZWave) -> AsyncIterator[Relay]:  # noqa: F811
    started = Relay(zwave.server_port)
    await started.start()
    yield started
    await started.stop()


@pytest.fixture
async def observer(zwave: VirtualZWave) -> AsyncIterator[Network]:  # noqa: F811
    """A second client straight to the server: hears events and the driver's
    log; provisions "foreign" entries; at the end clears the list and powers
    off every device still asking."""
    async with listening_network(zwave, power_off=True) as network:
        yield network


class Commands:
    """Provisioning commands sent by any zwave-js-server-python client
    (command names only, never their content)."""

    def __init__(self) -> None:
        self.sent: list[str] = []
        # Called with the count before each provisioning command is sent.
        self.before_send: Callable[[int], None] | None = None

    def count(self) -> int:
        return len(self.sent)


@pytest.fixture
def commands(monkeypatch: pytest.MonkeyPatch) -> Commands:
    recorded = Commands()
    original = Client.async_send_command

    async def send(
        self: Client, message: dict[str, Any], require_schema: int | None = None
    ) -> dict[str, Any]:
        if message.get("command") in PROVISIONING_COMMANDS:
            if recorded.before_send is not None:
                recorded.before_send(recorded.count())
            recorded.sent.append(message["command"])
        return await original(self, message, require_schema)

    monkeypatch.setattr(Client, "async_send_command", send)
    return recorded


async def wait_until(
    hass: HomeAssistant, condition: Callable[[], Any], timeout: float = 60
) -> Any:
    """Wait until condition() is truthy, letting Home Assistant run. A
    ``zwave_js`` set-up retry Home Assistant scheduled is run early (firing
    time changed runs every timer due by then, so only then)."""
    deadline = time.monotonic() + timeout
    while not (result := condition()):
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        if any(
            entry.state is ConfigEntryState.SETUP_RETRY
            for entry in hass.config_entries.async_entries("zwave_js")
        ):
            async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=90))
        await asyncio.sleep(0.05)  # polling back-off, not a wait for a result
    return result


class Harness:
    """Home Assistant's ``zwave_js`` entry, our link, and what it reported."""

    def __init__(self, hass: HomeAssistant, entry: ConfigEntry, relay: Relay) -> None:
        self.hass = hass
        self.entry = entry
        self.relay = relay
        self.added: list[NodeAdded] = []
        self.reconciled: list[ReconcileResult] = []
        self.link = self.new_link()

    def new_link(self) -> ZWaveJsLink:
        return ZWaveJsLink(
            self.hass,
            OWNER,
            on_node_added=self.added.append,
            on_reconciled=self.reconciled.append,
            device_timeout=30,
        )

    @property
    def home_id(self) -> int:
        client: Client = self.entry.runtime_data.client
        assert client.driver is not None
        home_id = client.driver.controller.home_id
        assert home_id is not None
        return home_id

    def node_devices(self) -> list[dr.DeviceEntry]:
        """The devices of the entry, the controller's excepted."""
        own = f"{self.home_id}-1"
        return [
            device
            for device in dr.async_entries_for_config_entry(
                dr.async_get(self.hass), self.entry.entry_id
            )
            if not any(value == own for _d, value in device.identifiers)
        ]

    def devices_of_node(self, node_id: int) -> list[dr.DeviceEntry]:
        wanted = f"{self.home_id}-{node_id}"
        return [
            d
            for d in self.node_devices()
            if any(value == wanted for _d, value in d.identifiers)
        ]

    def added_for(self, node_id: int) -> NodeAdded | None:
        return next((a for a in self.added if a.node_id == node_id), None)


@pytest.fixture
async def harness(
    hass: HomeAssistant,
    zwave: VirtualZWave,  # noqa: F811
    relay: Relay,
) -> AsyncIterator[Harness]:
    assert await async_setup_component(hass, "repairs", {})
    status = await async_control_request(
        "127.0.0.1", zwave.control_port, {"op": "status"}
    )
    entry = MockConfigEntry(
        domain="zwave_js",
        title="Z-Wave JS",
        data={"url": relay.url, "use_addon": False, "integration_created_addon": False},
        unique_id=str(int(status["home_id"], 16)),
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    harness = Harness(hass, entry, relay)
    await harness.link.async_start()
    try:
        yield harness
    finally:
        await harness.link.async_stop()
        relay.restore()
        if entry.state is ConfigEntryState.LOADED:
            await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_block_till_done()


class Virtual:
    """A virtual SmartStart device: its control-port id and masked identity.
    ``repr`` never shows the label's DSK (nor its PIN)."""

    def __init__(self, device_id: str, label: SmartStartLabel) -> None:
        self.device_id = device_id
        self.label = label
        self.dsk = parse_dsk(label.dsk)
        self.ident = self.dsk.masked

    def __repr__(self) -> str:
        return f"Virtual({self.device_id}, {self.ident})"


async def add_virtual(observer: Network, variant: str = "normal") -> Virtual:
    device, label = await observer.add_device(variant)
    return Virtual(device["id"], label)


async def node_id_of(observer: Network, virtual: Virtual) -> int | None:
    """The node ID the controller gave the device (None: not included)."""
    node_id = (await observer.device(virtual.device_id))["node_id"]
    return None if node_id is None else int(node_id)


async def state_of(observer: Network, virtual: Virtual) -> str:
    return str((await observer.device(virtual.device_id))["state"])


async def power(observer: Network, virtual: Virtual, on: bool = True) -> None:
    await observer.control("power" if on else "power_off", id=virtual.device_id)


async def listed(observer: Network) -> dict[str, dict[str, Any]]:
    """zwave-js's provisioning list by masked DSK, the DSKs in it masked."""
    found = await observer.controller.async_get_provisioning_entries()
    result = {}
    for entry in found:
        masked = parse_dsk(entry.dsk).masked
        result[masked] = entry.to_dict() | {"dsk": masked}
    return result


def desired(virtual: Virtual, **fields: Any) -> DesiredProvision:
    """The entry we want for a virtual device's label."""
    return DesiredProvision(
        dsk=virtual.dsk,
        security_classes=frozenset(
            SecurityClass(c) for c in virtual.label.requested_security_classes
        ),
        **fields,
    )
