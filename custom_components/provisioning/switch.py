"""Switches of Device Provisioning: the guard, and continuous admission.

Continuous admission keeps the network open, to provisioned devices only (on
Zigbee, install-code-only; on Z-Wave, the entries Active), for as long as any
entry is pending; it is off by default because the network then stays open
(to provisioned devices only) with no end.

Rule: only an administrator (or an action in no user's name, such as an
automation) turns either switch on or off (``async_require_admin``), as only
an administrator opens a window or sets the guard from the panel.
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.switch import SwitchEntity
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import NETWORK_ZWAVE_JS
from .coordinator import ProvisioningConfigEntry, ProvisioningCoordinator
from .entity import AdmissionEntity
from .helpers import async_set_continuous

PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: ProvisioningConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the guard and continuous-admission switches.

    A Z-Wave JS network has no guard switch: SmartStart includes listed
    devices only, whatever the switch would say.
    """
    coordinator = entry.runtime_data
    switches: list[SwitchEntity] = [ContinuousSwitch(coordinator)]
    if coordinator.network.kind != NETWORK_ZWAVE_JS:
        switches.insert(0, GuardSwitch(coordinator))
    async_add_entities(switches)


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
        """Turn the guard on (administrators only)."""
        await self.async_require_admin()
        self.coordinator.admission.async_set_guard(True)

    async def async_turn_off(self, **kwargs: Any) -> None:
        """Turn the guard off (administrators only)."""
        await self.async_require_admin()
        self.coordinator.admission.async_set_guard(False)


class ContinuousSwitch(AdmissionEntity, SwitchEntity):
    """While on, the network stays open, install-code-only, while entries are pending."""

    _attr_entity_category = EntityCategory.CONFIG
    _attr_translation_key = "continuous"

    def __init__(self, coordinator: ProvisioningCoordinator) -> None:
        """Initialize the switch."""
        super().__init__(coordinator, "continuous")

    @property
    def is_on(self) -> bool:
        """Return whether continuous admission is on."""
        return self.coordinator.admission.continuous

    async def async_turn_on(self, **kwargs: Any) -> None:
        """Admit provisioned devices as soon as they are listed."""
        await self.async_require_admin()
        await async_set_continuous(self.coordinator, True)

    async def async_turn_off(self, **kwargs: Any) -> None:
        """Stop admitting automatically; an open continuous window closes."""
        await self.async_require_admin()
        await async_set_continuous(self.coordinator, False)
