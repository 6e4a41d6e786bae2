"""Run a real zigpy-znp host (zigpy ControllerApplication) against the Z-Stack personality."""

from __future__ import annotations

from typing import Any

from virtual_coordinator.host import bellows_config

from .coordinator import ZnpCoordinator


def znp_config(path: str, **overrides: Any) -> dict[str, Any]:
    """zigpy configuration for tests and benchmarks (no database, backups, OTA)."""
    return bellows_config(path, **overrides)


async def start_znp_app(
    coordinator: ZnpCoordinator, *, path: str | None = None, **overrides: Any
) -> Any:
    """Start a zigpy-znp ``ControllerApplication`` (forming a network if needed)."""
    from zigpy_znp.zigbee.application import ControllerApplication

    if path is None:
        path = coordinator.tcp_url if coordinator.port is not None else coordinator.url
    return await ControllerApplication.new(
        znp_config(path, **overrides), auto_form=True, start_radio=True
    )
