"""Run a real zigpy-znp host (zigpy ControllerApplication) against the Z-Stack personality."""

from __future__ import annotations

import asyncio
from typing import Any

from virtual_coordinator.zigpy_host import host_path, zigpy_config

from .coordinator import ZnpCoordinator


async def start_znp_app(
    coordinator: ZnpCoordinator, *, path: str | None = None, **overrides: Any
) -> Any:
    """Start a zigpy-znp ``ControllerApplication`` (forming a network if needed)."""
    from zigpy_znp.zigbee.application import ControllerApplication

    return await ControllerApplication.new(
        zigpy_config(path or host_path(coordinator), **overrides),
        auto_form=True,
        start_radio=True,
    )


async def stop_znp_app(coordinator: ZnpCoordinator, app: Any) -> None:
    """Shut a zigpy-znp host down once zigpy has no device interview running.

    zigpy may still be reading the basic attributes of a device that joined,
    rejoined or left; shutting down under it leaves its task failing.
    """
    await coordinator.wait_until(
        lambda: not [t for t in asyncio.all_tasks() if t.get_name() == "initialize"],
        timeout=30,
    )
    await app.shutdown()


async def setup_zha(
    hass: Any, coordinator: Any, *, zigpy_config: dict[str, Any] | None = None
) -> Any:
    """Create a ZHA config entry on ``coordinator`` (either personality) and set it up.

    The radio type follows the personality: ``znp`` for the Z-Stack one,
    ``ezsp`` otherwise. ZHA connects over ``tcp://``.
    """
    import copy

    from homeassistant.setup import async_setup_component
    from pytest_homeassistant_custom_component.common import MockConfigEntry

    from virtual_coordinator.pytest_plugin import TEST_ZIGPY_CONFIG

    config = copy.deepcopy(TEST_ZIGPY_CONFIG)
    config.update(zigpy_config or {})
    entry = MockConfigEntry(
        domain="zha",
        title="Virtual coordinator",
        data={
            "device": {
                "path": coordinator.tcp_url,
                "baudrate": 115200,
                "flow_control": None,
            },
            "radio_type": "znp" if isinstance(coordinator, ZnpCoordinator) else "ezsp",
        },
        version=5,
        minor_version=2,
    )
    entry.add_to_hass(hass)
    assert await async_setup_component(hass, "zha", {"zha": {"zigpy_config": config}})
    await hass.async_block_till_done()
    return entry
