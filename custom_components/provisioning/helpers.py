"""Helpers shared by the services and entities of Device Provisioning."""

from __future__ import annotations

from homeassistant.exceptions import HomeAssistantError
from zigpy.exceptions import ZigbeeException

from .const import DOMAIN
from .coordinator import ProvisioningCoordinator
from .core import WindowResult


async def async_start_pairing(
    coordinator: ProvisioningCoordinator, duration: int
) -> WindowResult:
    """Open a join window, turning radio errors into a translated error."""
    try:
        return await coordinator.admission.async_start(duration)
    except (ZigbeeException, TimeoutError, OSError) as err:
        raise HomeAssistantError(
            translation_domain=DOMAIN,
            translation_key="radio_error",
            translation_placeholders={"error": type(err).__name__},
        ) from err


async def async_stop_pairing(coordinator: ProvisioningCoordinator) -> None:
    """Close the join window, turning radio errors into a translated error."""
    try:
        await coordinator.admission.async_stop()
    except (ZigbeeException, TimeoutError, OSError) as err:
        raise HomeAssistantError(
            translation_domain=DOMAIN,
            translation_key="radio_error",
            translation_placeholders={"error": type(err).__name__},
        ) from err
