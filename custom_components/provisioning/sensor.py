"""Sensors of Device Provisioning: the status of each provisioned device."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from homeassistant.components.sensor import SensorDeviceClass, SensorEntity
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import ProvisioningConfigEntry, ProvisioningCoordinator
from .core import DeviceId, EntryStatus, Technology
from .entity import CoordinatorDeviceEntity, ProvisionedDeviceEntity
from .remote import RemoteProviderRunner

PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: ProvisioningConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add a status sensor for every provisioned device, as entries come and go."""
    coordinator = entry.runtime_data
    known: set[DeviceId] = set()

    @callback
    def _add_new() -> None:
        new = [ieee for ieee in coordinator.data if ieee not in known]
        by_subentry: dict[str | None, list[ProvisioningStatusSensor]] = {}
        for ieee in new:
            known.add(ieee)
            by_subentry.setdefault(
                coordinator.placeholder_subentry_id(ieee), []
            ).append(ProvisioningStatusSensor(coordinator, ieee))
        for subentry_id, entities in by_subentry.items():
            async_add_entities(entities, config_subentry_id=subentry_id)
        known.intersection_update(coordinator.data)

    _add_new()
    entry.async_on_unload(coordinator.async_add_listener(_add_new))
    for subentry_id, runner in coordinator.remotes.items():
        async_add_entities(
            [ProviderSyncSensor(coordinator, runner)], config_subentry_id=subentry_id
        )


class ProvisioningStatusSensor(ProvisionedDeviceEntity, SensorEntity):
    """Where a provisioned device is: pending, admitting, joined, failed or revoked."""

    _attr_device_class = SensorDeviceClass.ENUM
    _attr_entity_category = EntityCategory.DIAGNOSTIC
    _attr_options: list[str] = [  # noqa: RUF012 - read-only options
        status.value for status in EntryStatus
    ]
    _attr_translation_key = "provisioning_status"

    def __init__(self, coordinator: ProvisioningCoordinator, ieee: DeviceId) -> None:
        """Initialize the sensor."""
        super().__init__(coordinator, ieee, "status")

    @property
    def native_value(self) -> str | None:
        """Return the status."""
        return entry.status.value if (entry := self.entry) else None

    @property
    def extra_state_attributes(self) -> dict[str, str | None]:
        """Return why an entry failed, and where it came from."""
        if (entry := self.entry) is None:
            return {}
        attributes: dict[str, str | None] = {
            "provider": entry.provider_id,
            "reason": entry.status_reason,
            "technology": entry.technology.value,
            "id": entry.device.text,
        }
        if entry.technology is Technology.ZIGBEE:
            attributes["ieee"] = entry.device.text
        return attributes


class ProviderSyncSensor(CoordinatorDeviceEntity, SensorEntity):
    """When a provisioning server last answered, with its entry count and error.

    The sensor stays available while the server is not, so that the error shows.
    """

    _attr_device_class = SensorDeviceClass.TIMESTAMP
    _attr_entity_category = EntityCategory.DIAGNOSTIC
    _attr_translation_key = "last_sync"

    def __init__(
        self, coordinator: ProvisioningCoordinator, runner: RemoteProviderRunner
    ) -> None:
        """Initialize the sensor."""
        super().__init__(coordinator, f"{runner.subentry.subentry_id}_last_sync")
        self.runner = runner
        self._attr_translation_placeholders = {"title": runner.subentry.title}

    @property
    def native_value(self) -> datetime | None:
        """Return the time of the last successful synchronisation."""
        return self.runner.provider.state.last_success

    @property
    def extra_state_attributes(self) -> dict[str, Any]:
        """Return the entry count, the last error and the waiting reports."""
        state = self.runner.provider.state
        return {
            "entries": len(self.runner.provider.entries()),
            "last_error": state.last_error,
            "failures": self.runner.failures,
            "available": self.runner.available,
            "long_polling": self.runner.long_polling,
            "outbox": len(state.outbox),
            "revision": state.revision,
        }
