"""Diagnostics for Device Provisioning; install codes and link keys are never included."""

from __future__ import annotations

from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.core import HomeAssistant

from .const import CONF_CREDENTIAL, CONF_KEY
from .coordinator import ProvisioningConfigEntry

TO_REDACT = {CONF_CREDENTIAL, CONF_KEY, "install_code", "link_key", "token"}


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: ProvisioningConfigEntry
) -> dict[str, Any]:
    """Return diagnostics for a config entry."""
    return {
        "entry": async_redact_data(entry.as_dict(), TO_REDACT),
        "provisioning": dict(entry.runtime_data.diagnostics()),
    }
