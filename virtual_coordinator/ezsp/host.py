"""Helpers that run a real bellows host (zigpy ControllerApplication) against the emulator."""

from __future__ import annotations

from typing import Any

from virtual_coordinator.zigpy_host import host_path, zigpy_config

from .coordinator import VirtualCoordinator


async def start_bellows_app(
    coordinator: VirtualCoordinator, *, path: str | None = None, **overrides: Any
) -> Any:
    """Start a bellows ``ControllerApplication`` on the emulator (forming a
    network when the NCP has none)."""
    from bellows.zigbee.application import ControllerApplication

    return await ControllerApplication.new(
        zigpy_config(path or host_path(coordinator), **overrides),
        auto_form=True,
        start_radio=True,
    )


def ezsp_protocol(app: Any) -> Any:
    """The EZSP protocol handler of a bellows ControllerApplication.

    ``app._ezsp`` is the ``bellows.ezsp.EZSP`` object; ``app._ezsp._protocol``
    is the version-specific handler (``EZSPv8``, ``EZSPv13``, ...).
    """
    return app._ezsp._protocol
