"""Buttons of Device Provisioning: admit the provisioned devices, sync a server now.

Rule: both buttons are for administrators only (``async_require_admin``), as
``start_pairing`` and ``sync`` are; a refused press opens and fetches nothing.
"""

from __future__ import annotations

from homeassistant.components.button import ButtonEntity
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import DEFAULT_PAIRING_DURATION
from .coordinator import ProvisioningConfigEntry, ProvisioningCoordinator
from .entity import CoordinatorDeviceEntity
from .helpers import async_start_pairing
from .issues import async_update_warning
from .remote import RemoteProviderRunner

PARALLEL_UPDATES = 1
RADIO_CANNOT_ADMIT_BY_KEY = "radio_cannot_admit_by_key"


async def async_setup_entry(
    hass: HomeAssistant,
    entry: ProvisioningConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the pairing button, and a "Sync now" button per provisioning server."""
    coordinator = entry.runtime_data
    async_add_entities([AdmitButton(coordinator)])
    for subentry_id, runner in coordinator.remotes.items():
        async_add_entities(
            [SyncNowButton(coordinator, runner)], config_subentry_id=subentry_id
        )


class AdmitButton(CoordinatorDeviceEntity, ButtonEntity):
    """Open the network to the provisioned devices only."""

    _attr_translation_key = "admit"

    def __init__(self, coordinator: ProvisioningCoordinator) -> None:
        """Initialize the button."""
        super().__init__(coordinator, "admit")

    async def async_press(self) -> None:
        """Open a join window for the pending devices (administrators only)."""
        await self.async_require_admin()
        try:
            await async_start_pairing(self.coordinator, DEFAULT_PAIRING_DURATION)
        except ServiceValidationError as err:
            if err.translation_key == RADIO_CANNOT_ADMIT_BY_KEY:
                # the radio can't: say so where it stays, not only in a toast
                async_update_warning(
                    self.hass,
                    f"{RADIO_CANNOT_ADMIT_BY_KEY}_{self.coordinator.config_entry.entry_id}",
                    active=True,
                    translation_key=RADIO_CANNOT_ADMIT_BY_KEY,
                    placeholders=err.translation_placeholders,
                )
            raise


class SyncNowButton(CoordinatorDeviceEntity, ButtonEntity):
    """Fetch a provisioning server's list and send its reports now."""

    _attr_translation_key = "sync_now"

    def __init__(
        self, coordinator: ProvisioningCoordinator, runner: RemoteProviderRunner
    ) -> None:
        """Initialize the button."""
        super().__init__(coordinator, f"{runner.subentry.subentry_id}_sync_now")
        self.runner = runner
        self._attr_translation_placeholders = {"title": runner.subentry.title}

    async def async_press(self) -> None:
        """Sync now (administrators only); a failure is a translated error."""
        await self.async_require_admin()
        await self.runner.async_sync_now()
