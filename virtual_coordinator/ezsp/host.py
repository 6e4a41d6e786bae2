"""Helpers that run a real bellows host (zigpy ControllerApplication) against the emulator."""

from __future__ import annotations

from typing import Any

from .coordinator import VirtualCoordinator


def bellows_config(path: str, **overrides: Any) -> dict[str, Any]:
    """A zigpy/bellows configuration for tests and benchmarks (no database,
    no backups, no OTA, no topology scan, fixed channel, no thread)."""
    config: dict[str, Any] = {
        "device": {"path": path},
        "database_path": None,
        "use_thread": False,
        "backup_enabled": False,
        "topology_scan_enabled": False,
        "watchdog_enabled": False,
        "ota": {"enabled": False},
        "network": {"channel": 15},
    }
    config.update(overrides)
    return config


async def start_bellows_app(
    coordinator: VirtualCoordinator, *, path: str | None = None, **overrides: Any
) -> Any:
    """Start a bellows ``ControllerApplication`` on the emulator (forming a
    network when the NCP has none)."""
    from bellows.zigbee.application import ControllerApplication

    if path is None:
        path = coordinator.tcp_url if coordinator.port is not None else coordinator.url
    return await ControllerApplication.new(
        bellows_config(path, **overrides), auto_form=True, start_radio=True
    )


def ezsp_protocol(app: Any) -> Any:
    """The EZSP protocol handler of a bellows ControllerApplication.

    ``app._ezsp`` is the ``bellows.ezsp.EZSP`` object; ``app._ezsp._protocol``
    is the version-specific handler (``EZSPv8``, ``EZSPv13``, ...).
    """
    return app._ezsp._protocol
