"""The zigpy configuration a real host (bellows or zigpy-znp) uses on the emulator.

Rules: no database, no backups, no OTA, no topology scan, no watchdog, no
thread and a fixed channel, so tests and benchmarks run the same every time;
a host connects over ``socket://`` when the coordinator listens on TCP, else
over its pseudo-terminal.
"""

from __future__ import annotations

from typing import Any


def zigpy_config(path: str, **overrides: Any) -> dict[str, Any]:
    """A zigpy configuration for ``path`` with ``overrides`` on top."""
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


def host_path(coordinator: Any) -> str:
    """Where a host reaches ``coordinator``: its TCP endpoint, else its pty."""
    return str(coordinator.tcp_url if coordinator.port is not None else coordinator.url)
