"""The Device Provisioning integration."""

from __future__ import annotations

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant

type ProvisioningConfigEntry = ConfigEntry[None]


async def async_setup_entry(hass: HomeAssistant, entry: ProvisioningConfigEntry) -> bool:
    """Set up Device Provisioning from a config entry."""
    return True


async def async_unload_entry(hass: HomeAssistant, entry: ProvisioningConfigEntry) -> bool:
    """Unload a config entry."""
    return True
