"""Binary sensor of Device Provisioning: whether the join window is open.

Its attributes say whether the window is manual or continuous, when a manual
one ends (a continuous one has no end), and why the last window closed when it
was not planned (the radio went away).
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.binary_sensor import BinarySensorEntity
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import ProvisioningConfigEntry, ProvisioningCoordinator
from .entity import AdmissionEntity

PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: ProvisioningConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the join window sensor."""
    async_add_entities([JoinWindowSensor(entry.runtime_data)])


class JoinWindowSensor(AdmissionEntity, BinarySensorEntity):
    """On while provisioned devices may join."""

    _attr_translation_key = "join_window"

    def __init__(self, coordinator: ProvisioningCoordinator) -> None:
        """Initialize the sensor."""
        super().__init__(coordinator, "join_window")

    @property
    def is_on(self) -> bool:
        """Return whether the window is open."""
        return self.coordinator.admission.window_open

    @property
    def extra_state_attributes(self) -> dict[str, Any]:
        """Return when the window ends and what the radio did."""
        admission = self.coordinator.admission
        window = admission.last_window
        return {
            "mode": admission.window_mode,
            "ends_at": admission.window_ends.isoformat()
            if admission.window_ends
            else None,
            "closed_reason": admission.closed_reason,
            "install_code_only": admission.radio.enforces_provisioned_only,
            "keys_loaded": len(window.loaded) if window else 0,
            "waiting": [str(ieee) for ieee in window.waiting] if window else [],
        }
