"""One device per Zigbee device: the network's once it has one, a placeholder until then.

Devices belong to a single config entry, so the network integration's device
and this integration's placeholder can't merge. Instead this integration's
entities move onto the network's device as soon as it exists, the
placeholder's name and area go with them, and the placeholder is removed. If
the network forgets the device, the placeholder returns.

The network's devices are:

- **ZHA**: the devices of the bound ZHA entry, by their ``zigbee`` connection;
- **Zigbee2MQTT**: the devices that Zigbee2MQTT's Home Assistant discovery
  makes in the MQTT entry, by their identifier ``zigbee2mqtt_0x<ieee>`` (the
  coordinator's is the bridge's, ``zigbee2mqtt_bridge_0x<ieee>``).

An entry's area is an area ID or an area name. A name that no area has creates
the area, within an ``AreaBudget`` (``core.limits``): the list gives its links
a new budget each time the area names it holds change, so that one import or
one synchronisation creates at most ``MAX_NEW_AREAS`` areas; a name that breaks
the text rule creates nothing.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.helpers import (
    area_registry as ar,
    device_registry as dr,
    entity_registry as er,
)

from .const import (
    CONF_HOME_ID,
    CONF_NETWORK,
    CONF_ZHA_ENTRY_ID,
    CONF_ZWAVE_ENTRY_ID,
    DOMAIN,
    MQTT_DOMAIN,
    NETWORK_ZIGBEE2MQTT,
    NETWORK_ZWAVE_JS,
    ZWAVE_JS_DOMAIN,
)
from .core import (
    DeviceId,
    ProvisioningEntry,
    Technology,
    ieee_of,
    parse_device_id,
    zigbee_id,
)
from .core.identity import technology_of
from .core.limits import AreaBudget, InvalidTextError, clean_text
from .core.zigbee.codes import parse_ieee
from .core.zigbee.z2m import z2m_ieee

Z2M_DEVICE_PREFIXES = ("zigbee2mqtt_bridge_", "zigbee2mqtt_")
"""Zigbee2MQTT's discovery identifiers: the bridge's (the coordinator), then a device's."""
_Z2M_IDENTIFIER = re.compile(r"zigbee2mqtt_(?:bridge_)?0x([0-9a-fA-F]{16})")


def zigbee_ieee(device: dr.DeviceEntry | dict[str, Any]) -> DeviceId | None:
    """Return the IEEE address in a device's zigbee connection, if it has one."""
    connections = (
        device.connections
        if isinstance(device, dr.DeviceEntry)
        else device.get("connections", ())
    )
    for kind, value in connections:
        if kind == dr.CONNECTION_ZIGBEE:
            try:
                return parse_device_id(value)
            except ValueError:
                return None
    return None


def z2m_device_ieee(device: dr.DeviceEntry | dict[str, Any]) -> DeviceId | None:
    """Return the IEEE address in a Zigbee2MQTT discovery identifier, if any."""
    identifiers = (
        device.identifiers
        if isinstance(device, dr.DeviceEntry)
        else device.get("identifiers", ())
    )
    for domain, identifier in identifiers:
        if domain == MQTT_DOMAIN and (found := _Z2M_IDENTIFIER.fullmatch(identifier)):
            return zigbee_id(parse_ieee("0x" + found.group(1)))
    return None


def find_area(hass: HomeAssistant, area: str) -> str | None:
    """Return the ID of an area given by ID or by name, None when there is none."""
    area_reg = ar.async_get(hass)
    if area_reg.async_get_area(area) is not None:
        return area
    if (found := area_reg.async_get_area_by_name(area)) is not None:
        return found.id
    return None


def resolve_area(hass: HomeAssistant, area: str, budget: AreaBudget) -> str | None:
    """Find an area by ID or name, or create it (a new name) within the budget.

    None when the name breaks the text rule or the budget is spent.
    """
    if (found := find_area(hass, area)) is not None:
        return found
    try:
        name = clean_text(area, "area")
    except InvalidTextError:
        return None
    if name is None:
        return None
    if (found := find_area(hass, name)) is not None:
        return found
    if not budget.take():
        return None
    return ar.async_get(hass).async_create(name).id


def placeholder_info(entry: ProvisioningEntry) -> dr.DeviceInfo:
    """Describe the placeholder of an entry that the network does not know yet.

    A Zigbee placeholder has the device's ``zigbee`` connection; a Z-Wave one
    the identifier ``(provisioning, <masked DSK>)``.
    """
    if entry.technology is Technology.ZWAVE:
        info = dr.DeviceInfo(
            identifiers={(DOMAIN, entry.device.text)},
            manufacturer=entry.manufacturer,
            model=entry.model,
        )
    else:
        info = dr.DeviceInfo(
            connections={(dr.CONNECTION_ZIGBEE, str(entry.device))},
            manufacturer=entry.manufacturer,
            model=entry.model,
        )
    if entry.name:
        info["name"] = entry.name
    else:
        info["translation_key"] = "unnamed_device"
        info["translation_placeholders"] = {"ieee": str(entry.device)}
    return info


class ProvisioningList(Protocol):
    """What the device links read of the list they serve (its coordinator)."""

    @property
    def config_entry(self) -> ConfigEntry:
        """The list's config entry."""

    @property
    def ieee(self) -> DeviceId:
        """The network's coordinator."""

    @property
    def data(self) -> dict[DeviceId, ProvisioningEntry]:
        """The entries, by IEEE."""

    def placeholder_subentry_id(self, ieee: DeviceId) -> str | None:
        """The config subentry an entry's placeholder belongs to."""


class DeviceLinks:
    """Keep this integration's entities of each IEEE on a single device."""

    def __init__(self, hass: HomeAssistant, coordinator: ProvisioningList) -> None:
        """Initialize."""
        self.hass = hass
        self.coordinator = coordinator
        self.areas = AreaBudget()
        """The new areas the links may still create (renewed by the list)."""

    @property
    def _entry_id(self) -> str:
        return self.coordinator.config_entry.entry_id

    @property
    def _z2m(self) -> bool:
        return bool(
            self.coordinator.config_entry.data.get(CONF_NETWORK) == NETWORK_ZIGBEE2MQTT
        )

    @property
    def _zwave(self) -> bool:
        return bool(
            self.coordinator.config_entry.data.get(CONF_NETWORK) == NETWORK_ZWAVE_JS
        )

    def _node_ids(self) -> dict[DeviceId, int]:
        node_ids: dict[DeviceId, int] = getattr(
            getattr(self.coordinator, "network", None), "node_ids", {}
        )
        return node_ids

    def _zwave_identifier(self, node_id: int) -> tuple[str, str]:
        home_id = int(self.coordinator.config_entry.data[CONF_HOME_ID], 16)
        return (ZWAVE_JS_DOMAIN, f"{home_id}-{node_id}")

    @property
    def _owner_entry_id(self) -> str:
        """The config entry of the network's devices ("" when there is none)."""
        if self._zwave:
            zwave_entry_id: str = self.coordinator.config_entry.data.get(
                CONF_ZWAVE_ENTRY_ID, ""
            )
            return zwave_entry_id
        if self._z2m:
            mqtt_entries = self.hass.config_entries.async_entries(MQTT_DOMAIN)
            return mqtt_entries[0].entry_id if mqtt_entries else ""
        zha_entry_id: str = self.coordinator.config_entry.data.get(
            CONF_ZHA_ENTRY_ID, ""
        )
        return zha_entry_id

    def _device_ieee(self, device: dr.DeviceEntry | dict[str, Any]) -> DeviceId | None:
        if self._zwave:
            identifiers = (
                device.identifiers
                if isinstance(device, dr.DeviceEntry)
                else device.get("identifiers", ())
            )
            by_identifier = {
                self._zwave_identifier(node_id): listed
                for listed, node_id in self._node_ids().items()
            }
            return next(
                (
                    by_identifier[tuple(pair)]
                    for pair in identifiers
                    if tuple(pair) in by_identifier
                ),
                None,
            )
        return z2m_device_ieee(device) if self._z2m else zigbee_ieee(device)

    def _own_device_id(self, device: dr.DeviceEntry) -> DeviceId | None:
        """The listed device a placeholder of this integration stands for."""
        if not self._zwave:
            return zigbee_ieee(device)
        for domain, value in device.identifiers:
            if domain == DOMAIN and technology_of(value) is Technology.ZWAVE:
                return DeviceId(Technology.ZWAVE, value)
        return None

    @callback
    def network_device(self, ieee: DeviceId) -> dr.DeviceEntry | None:
        """Return the network integration's device for an IEEE (ZHA's, Zigbee2MQTT's)."""
        dev_reg = dr.async_get(self.hass)
        if self._zwave:
            if (node_id := self._node_ids().get(ieee)) is None:
                return None
            return dev_reg.async_get_device_by_identifier(
                self._zwave_identifier(node_id), self._owner_entry_id
            )
        if not self._z2m:
            return dev_reg.async_get_device_by_connection(
                (dr.CONNECTION_ZIGBEE, str(ieee)), self._owner_entry_id
            )
        identifiers = {
            (MQTT_DOMAIN, prefix + z2m_ieee(ieee_of(ieee)))
            for prefix in Z2M_DEVICE_PREFIXES
        }
        found = dev_reg.async_get_devices(
            identifiers=identifiers, config_entry_id=self._owner_entry_id
        )
        return found[0] if found else None

    @callback
    def async_start(self) -> CALLBACK_TYPE:
        """Tidy up now, then follow the network's devices as they come and go."""
        self.async_sync()
        unsubscribers = [
            self.hass.bus.async_listen(
                dr.EVENT_DEVICE_REGISTRY_UPDATED, self._async_registry_updated
            )
        ]
        if self._z2m:
            unsubscribers.append(
                self.hass.bus.async_listen(
                    er.EVENT_ENTITY_REGISTRY_UPDATED,
                    self._async_entity_removed,
                    event_filter=callback(lambda data: data["action"] == "remove"),
                )
            )

        @callback
        def _stop() -> None:
            for unsubscribe in unsubscribers:
                unsubscribe()

        return _stop

    @callback
    def _async_entity_removed(
        self, event: Event[er.EventEntityRegistryUpdatedData]
    ) -> None:
        """Leave a Zigbee2MQTT device that lost its own entities.

        Zigbee2MQTT removes a device by withdrawing its discovery; MQTT then
        removes the device only if no entity is left on it. This
        integration's entities would keep it: they go back to their
        placeholder as soon as the device's MQTT entities are gone (this runs
        before MQTT's check, in the same call).
        """
        ent_reg = er.async_get(self.hass)
        dev_reg = dr.async_get(self.hass)
        owner = self._owner_entry_id
        for ieee, entity in self._entities():
            if (
                entity.device_id is None
                or (device := dev_reg.async_get(entity.device_id)) is None
                or device.config_entry_id != owner
            ):
                continue
            if all(
                other.config_entry_id == self._entry_id
                for other in er.async_entries_for_device(
                    ent_reg, device.id, include_disabled_entities=True
                )
            ):
                self._async_restore_placeholder(ieee)

    @callback
    def _async_registry_updated(
        self, event: Event[dr.EventDeviceRegistryUpdatedData]
    ) -> None:
        data = event.data
        owner = self._owner_entry_id
        if data["action"] == "remove":
            device = data["device"]
            if device["config_entry_id"] == owner and (
                (ieee := self._device_ieee(device)) is not None
            ):
                self._async_restore_placeholder(ieee)
            return
        if data["action"] != "create":
            return
        device_entry = dr.async_get(self.hass).async_get(data["device_id"])
        if (
            isinstance(device_entry, dr.DeviceEntry)
            and device_entry.config_entry_id == owner
            and (ieee := self._device_ieee(device_entry)) is not None
            and (ieee in self.coordinator.data or ieee == self.coordinator.ieee)
        ):
            self._async_link(ieee, device_entry)

    @callback
    def async_sync(self) -> None:
        """Move entities to ZHA's devices and drop placeholders no entry needs."""
        listed = self.coordinator.data
        stale = {ieee for ieee, _ in self._entities() if ieee not in listed}
        dev_reg = dr.async_get(self.hass)
        for device in dr.async_entries_for_config_entry(dev_reg, self._entry_id):
            if (ieee := self._own_device_id(device)) is None:
                continue
            if (network_device := self.network_device(ieee)) is not None:
                self._async_link(ieee, network_device)
            elif ieee not in listed and ieee != self.coordinator.ieee:
                stale.add(ieee)
        if stale:
            self.async_forget(stale)

    @callback
    def async_list_changed(self, added: set[DeviceId], removed: set[DeviceId]) -> None:
        """Install new entries ZHA already has, and forget the ones that left."""
        for ieee in added:
            if (network_device := self.network_device(ieee)) is not None:
                self._async_link(ieee, network_device)
        if removed:
            self.async_forget(removed)

    @callback
    def async_forget(self, ieees: set[DeviceId]) -> None:
        """Remove the entities and the placeholders of entries that left the list."""
        ent_reg = er.async_get(self.hass)
        for ieee, entity in self._entities():
            if ieee in ieees:
                ent_reg.async_remove(entity.entity_id)
        dev_reg = dr.async_get(self.hass)
        for ieee in ieees:
            if (placeholder := self._placeholder(ieee)) is not None:
                dev_reg.async_remove_device(placeholder.id)

    def _entities(self) -> list[tuple[DeviceId, er.RegistryEntry]]:
        """Return the entities of provisioned devices, each with its IEEE."""
        prefix = f"{self.coordinator.ieee}_"
        found = []
        ent_reg = er.async_get(self.hass)
        for entity in er.async_entries_for_config_entry(ent_reg, self._entry_id):
            if not entity.unique_id.startswith(prefix):
                continue
            ieee, _, _key = entity.unique_id.removeprefix(prefix).partition("_")
            if technology_of(ieee) is not None:
                found.append((parse_device_id(ieee), entity))
        return found

    def unique_id_prefix(self, ieee: DeviceId) -> str:
        """Return the prefix of the unique IDs of an entry's entities."""
        return f"{self.coordinator.ieee}_{ieee}_"

    @callback
    def _placeholder(self, ieee: DeviceId) -> dr.DeviceEntry | None:
        if ieee.technology is Technology.ZWAVE:
            return dr.async_get(self.hass).async_get_device_by_identifier(
                (DOMAIN, ieee.text), self._entry_id
            )
        return dr.async_get(self.hass).async_get_device_by_connection(
            (dr.CONNECTION_ZIGBEE, str(ieee)), self._entry_id
        )

    @callback
    def _async_link(self, ieee: DeviceId, network_device: dr.DeviceEntry) -> None:
        """Put the entry's entities, name and area on ZHA's device."""
        dev_reg = dr.async_get(self.hass)
        ent_reg = er.async_get(self.hass)
        placeholder = self._placeholder(ieee)
        entry = self.coordinator.data.get(ieee)
        changes: dict[str, Any] = {}
        name = placeholder and placeholder.name_by_user
        if not name and entry and not self._z2m:
            # Zigbee2MQTT's device is named by the bridge's rename to the entry's name
            name = entry.name
        if name and network_device.name_by_user is None:
            changes["name_by_user"] = name
        area_id = (placeholder and placeholder.area_id) or (
            entry and entry.area and resolve_area(self.hass, entry.area, self.areas)
        )
        if area_id and network_device.area_id is None:
            changes["area_id"] = area_id
        if placeholder is not None and not placeholder.labels <= network_device.labels:
            changes["labels"] = network_device.labels | placeholder.labels
        if changes:
            dev_reg.async_update_device(network_device.id, **changes)
        if placeholder is None:
            return
        for entity in er.async_entries_for_device(
            ent_reg, placeholder.id, include_disabled_entities=True
        ):
            ent_reg.async_update_entity(entity.entity_id, device_id=network_device.id)
        dev_reg.async_remove_device(placeholder.id)

    @callback
    def _async_restore_placeholder(self, ieee: DeviceId) -> None:
        """Give an entry's entities their placeholder back once ZHA lost the device."""
        if (entry := self.coordinator.data.get(ieee)) is None:
            return
        entities = [entity for found, entity in self._entities() if found == ieee]
        if not entities:
            return
        placeholder = dr.async_get(self.hass).async_get_or_create(
            config_entry_id=self._entry_id,
            config_subentry_id=self.coordinator.placeholder_subentry_id(ieee),
            **placeholder_info(entry),
        )
        ent_reg = er.async_get(self.hass)
        for entity in entities:
            ent_reg.async_update_entity(entity.entity_id, device_id=placeholder.id)
