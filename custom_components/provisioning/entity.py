"""Base entities for Device Provisioning.

Rule: every action of an entity that changes the list or the network (Admit,
Sync now, the guard and continuous-admission switches) first calls
``async_require_admin``, and so refuses a user who is not an administrator
with ``Unauthorized``, exactly as the integration's admin services do. Home
Assistant has no permissions per entity; without this any user could open the
network through the entities. An action in no user's name (an automation, Home
Assistant itself) goes on; a script runs in the name of the user who runs it.
"""

from __future__ import annotations

from homeassistant.core import callback
from homeassistant.exceptions import Unauthorized, UnknownUser
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .const import DOMAIN
from .coordinator import ProvisioningCoordinator
from .core import DeviceId, ProvisioningEntry, Technology
from .devices import placeholder_info


class ProvisionedDeviceEntity(CoordinatorEntity[ProvisioningCoordinator]):
    """An entity of a provisioned device: on the network's device, or on a placeholder.

    Its state is written again only when its entry or the list's availability
    changed: a change of one entry doesn't rewrite every device's state.
    """

    _attr_has_entity_name = True
    _written: tuple[ProvisioningEntry | None, bool] | None = None

    def __init__(
        self, coordinator: ProvisioningCoordinator, ieee: DeviceId, key: str
    ) -> None:
        """Initialize the entity."""
        super().__init__(coordinator)
        self.ieee = ieee
        self._attr_unique_id = f"{coordinator.devices.unique_id_prefix(ieee)}{key}"
        if (network_device := coordinator.devices.network_device(ieee)) is not None:
            self.device_entry = network_device
        else:
            self._attr_device_info = placeholder_info(coordinator.data[ieee])

    @property
    def entry(self) -> ProvisioningEntry | None:
        """Return the provisioning entry, if still listed."""
        return self.coordinator.data.get(self.ieee)

    @property
    def available(self) -> bool:
        """Return whether the entry is still on the list."""
        return super().available and self.entry is not None

    @callback
    def _handle_coordinator_update(self) -> None:
        """Write the state if the entry or the list's availability changed."""
        written = (self.entry, self.coordinator.last_update_success)
        if written == self._written:
            return
        self._written = written
        super()._handle_coordinator_update()


class CoordinatorDeviceEntity(CoordinatorEntity[ProvisioningCoordinator]):
    """An entity of the provisioning list itself, on the network's coordinator device."""

    _attr_has_entity_name = True

    def __init__(self, coordinator: ProvisioningCoordinator, key: str) -> None:
        """Initialize the entity."""
        super().__init__(coordinator)
        ieee = coordinator.ieee
        self._attr_unique_id = f"{ieee}_{key}"
        if (network_device := coordinator.devices.network_device(ieee)) is not None:
            self.device_entry = network_device
        else:
            self._attr_device_info = DeviceInfo(
                identifiers={(DOMAIN, str(ieee))},
                connections=(
                    {(dr.CONNECTION_ZIGBEE, str(ieee))}
                    if ieee.technology is Technology.ZIGBEE
                    else set()
                ),
            )

    async def async_require_admin(self) -> None:
        """Refuse the running action unless an administrator or no user asked.

        Home Assistant sets the service call's context on the entity just
        before it runs the action. The context is read before anything is
        awaited, so a call running at the same time cannot swap it. As for an
        admin service, an unknown user raises ``UnknownUser``, one who is not
        an administrator ``Unauthorized``.
        """
        context = self._context
        if context is None or context.user_id is None:
            return
        user = await self.hass.auth.async_get_user(context.user_id)
        if user is None:
            raise UnknownUser(context=context)
        if not user.is_admin:
            raise Unauthorized(context=context)


class AdmissionEntity(CoordinatorDeviceEntity):
    """An entity that follows the join window and the guard."""

    async def async_added_to_hass(self) -> None:
        """Follow admission changes."""
        await super().async_added_to_hass()
        self.async_on_remove(
            self.coordinator.admission.async_add_listener(self.async_write_ha_state)
        )
