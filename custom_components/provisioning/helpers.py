"""Helpers shared by the services and entities of Device Provisioning."""

from __future__ import annotations

from .coordinator import ProvisioningCoordinator
from .core import WindowResult
from .errors import radio_errors


async def async_start_pairing(
    coordinator: ProvisioningCoordinator, duration: int
) -> WindowResult:
    """Open a join window."""
    with radio_errors():
        return await coordinator.admission.async_start(duration)


async def async_stop_pairing(coordinator: ProvisioningCoordinator) -> None:
    """Close the join window."""
    with radio_errors():
        await coordinator.admission.async_stop()
