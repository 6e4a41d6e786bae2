"""Button of Device Provisioning: admit the provisioned devices."""

from __future__ import annotations

from homeassistant.components.button import ButtonEntity
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import DEFAULT_PAIRING_DURATION
from .coordinator import ProvisioningConfigEntry, ProvisioningCoordinator
from .entity import CoordinatorDeviceEntity
from .helpers import async_start_pairing

PARALLEL_UPDATES = 1


async def async_setup_entry(
    hass: HomeAssistant,
    entry: ProvisioningConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the pairing button."""
    async_add_entities([AdmitButton(entry.runtime_data)])


class AdmitButton(CoordinatorDeviceEntity, ButtonEntity):
    """Open the network to the provisioned devices only."""

    _attr_translation_key = "admit"

    def __init__(self, coordinator: ProvisioningCoordinator) -> None:
        """Initialize the button."""
        super().__init__(coordinator, "admit")

    async def async_press(self) -> None:
        """Open a join window for the pending devices."""
        await async_start_pairing(self.coordinator, DEFAULT_PAIRING_DURATION)
