"""Switch of Device Provisioning: only admit provisioned devices."""

from __future__ import annotations

from typing import Any

from homeassistant.components.switch import SwitchEntity
from homeassistant.const import EntityCategory
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
    """Add the guard switch."""
    async_add_entities([GuardSwitch(entry.runtime_data)])


class GuardSwitch(AdmissionEntity, SwitchEntity):
    """While on, a device that joins without being provisioned is removed at once."""

    _attr_entity_category = EntityCategory.CONFIG
    _attr_translation_key = "guard"

    def __init__(self, coordinator: ProvisioningCoordinator) -> None:
        """Initialize the switch."""
        super().__init__(coordinator, "guard")

    @property
    def is_on(self) -> bool:
        """Return whether the guard is on."""
        return self.coordinator.admission.guard_enabled

    async def async_turn_on(self, **kwargs: Any) -> None:
        """Turn the guard on."""
        self.coordinator.admission.async_set_guard(True)

    async def async_turn_off(self, **kwargs: Any) -> None:
        """Turn the guard off."""
        self.coordinator.admission.async_set_guard(False)
