"""pytest fixtures for the virtual Zigbee coordinator.

Register with ``pytest_plugins = ["virtual_coordinator.pytest_plugin"]`` in the
root ``conftest.py``.
"""

# ruff: noqa: ASYNC109

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Callable
import copy
import pathlib
from typing import Any

import pytest

from .ezsp import VirtualCoordinator

# zigpy configuration that keeps ZHA's tests fast, deterministic and quiet
TEST_ZIGPY_CONFIG: dict[str, Any] = {
    "use_thread": False,
    "backup_enabled": False,
    "topology_scan_enabled": False,
    "ota": {"enabled": False},
    "network": {"channel": 15},
    "watchdog_enabled": False,
}


@pytest.fixture
async def virtual_coordinator(
    tmp_path: pathlib.Path,
    socket_enabled: None,
) -> AsyncGenerator[VirtualCoordinator]:
    """A virtual coordinator listening on 127.0.0.1 on a random TCP port.

    Uses pytest-socket's ``socket_enabled``; connections stay limited to
    127.0.0.1 under pytest-homeassistant-custom-component.
    """
    coordinator = VirtualCoordinator(state_file=tmp_path / "virtual_ncp.json")
    await coordinator.start_tcp("127.0.0.1", 0)
    try:
        yield coordinator
    finally:
        await coordinator.stop()


@pytest.fixture
async def virtual_coordinator_pty(
    tmp_path: pathlib.Path,
) -> AsyncGenerator[VirtualCoordinator]:
    """A virtual coordinator on a pseudo-terminal (``/dev/pts/N``)."""
    coordinator = VirtualCoordinator(state_file=tmp_path / "virtual_ncp_pty.json")
    await coordinator.start_pty()
    try:
        yield coordinator
    finally:
        await coordinator.stop()


def device_path(coordinator: VirtualCoordinator) -> str:
    """The path ZHA should open: ``tcp://`` for TCP (no 2 s reset wait), else the pty."""
    if coordinator.port is not None:
        return coordinator.tcp_url
    assert coordinator.pty_path is not None
    return coordinator.pty_path


async def setup_zha(
    hass: Any,
    coordinator: VirtualCoordinator,
    *,
    path: str | None = None,
    zigpy_config: dict[str, Any] | None = None,
) -> Any:
    """Create a ZHA config entry pointing at ``coordinator`` and set it up."""
    from homeassistant.setup import async_setup_component
    from pytest_homeassistant_custom_component.common import MockConfigEntry

    config = copy.deepcopy(TEST_ZIGPY_CONFIG)
    if zigpy_config:
        config.update(zigpy_config)
    entry = MockConfigEntry(
        domain="zha",
        title="Virtual coordinator",
        data={
            "device": {
                "path": path or device_path(coordinator),
                "baudrate": 115200,
                "flow_control": None,
            },
            "radio_type": "ezsp",
        },
        version=5,
        minor_version=2,
    )
    entry.add_to_hass(hass)
    assert await async_setup_component(hass, "zha", {"zha": {"zigpy_config": config}})
    await hass.async_block_till_done()
    return entry


async def wait_for_registry_device(
    hass: Any,
    ieee: Any,
    *,
    predicate: Callable[[Any], bool] | None = None,
    timeout: float = 30,
) -> Any:
    """Wait until HA's device registry has the Zigbee device ``ieee``.

    ``predicate(device_entry)`` can require more, e.g. a manufacturer.
    Waits on registry update events, never on a fixed delay.
    """
    from homeassistant.core import callback
    from homeassistant.helpers import device_registry as dr

    registry = dr.async_get(hass)
    connection = (dr.CONNECTION_ZIGBEE, str(ieee))
    changed = asyncio.Event()

    def _check() -> Any:
        for entry in registry.async_get_devices(connections={connection}):
            if predicate is None or predicate(entry):
                return entry
        return None

    unsub = hass.bus.async_listen(
        dr.EVENT_DEVICE_REGISTRY_UPDATED, callback(lambda _event: changed.set())
    )
    try:
        async with asyncio.timeout(timeout):
            while (entry := _check()) is None:
                changed.clear()
                await changed.wait()
            return entry
    finally:
        unsub()


async def wait_for_registry_removal(
    hass: Any, ieee: Any, *, timeout: float = 30
) -> None:
    """Wait until the Zigbee device ``ieee`` is gone from HA's device registry."""
    from homeassistant.core import callback
    from homeassistant.helpers import device_registry as dr

    registry = dr.async_get(hass)
    connection = (dr.CONNECTION_ZIGBEE, str(ieee))
    changed = asyncio.Event()
    unsub = hass.bus.async_listen(
        dr.EVENT_DEVICE_REGISTRY_UPDATED, callback(lambda _event: changed.set())
    )
    try:
        async with asyncio.timeout(timeout):
            while registry.async_get_devices(connections={connection}):
                changed.clear()
                await changed.wait()
    finally:
        unsub()


@pytest.fixture
async def zha_entry(
    hass: Any, virtual_coordinator: VirtualCoordinator
) -> AsyncGenerator[Any]:
    """ZHA set up on Home Assistant against the TCP virtual coordinator."""
    entry = await setup_zha(hass, virtual_coordinator)
    try:
        yield entry
    finally:
        await virtual_coordinator.wait_idle()
        await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_block_till_done()
