"""The Device Provisioning integration."""

from __future__ import annotations

from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.const import Platform
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryNotReady
from homeassistant.helpers import config_validation as cv, device_registry as dr
from homeassistant.helpers.typing import ConfigType

from .const import (
    CONF_BASE_TOPIC,
    CONF_NETWORK,
    CONF_ZHA_ENTRY_ID,
    CONF_ZWAVE_ENTRY_ID,
    DOMAIN,
    LOGGER,
    MQTT_DOMAIN,
    NETWORK_ZHA,
    NETWORK_ZIGBEE2MQTT,
    NETWORK_ZWAVE_JS,
    SUBENTRY_DEVICE,
)
from .coordinator import (
    ProvisioningConfigEntry,
    ProvisioningCoordinator,
    zha_network,
)
from .devices import zigbee_ieee
from .network import Z2mNetwork
from .panel import async_register_panel, async_remove_panel
from .services import async_setup_services
from .subentries import migrated_device_data
from .websocket_api import async_setup as async_setup_websocket_api
from .z2m_link import async_mqtt_ready
from .zha_link import async_get_application
from .zwave_network import ZWaveNetwork, zwave_home_id

DATA_WAITING = f"{DOMAIN}_waiting_for_zha"

PLATFORMS: list[Platform] = [
    Platform.BINARY_SENSOR,
    Platform.BUTTON,
    Platform.SENSOR,
    Platform.SWITCH,
]

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the integration's services and the panel's websocket commands."""
    async_setup_services(hass)
    async_setup_websocket_api(hass)
    return True


async def async_migrate_entry(
    hass: HomeAssistant, entry: ProvisioningConfigEntry
) -> bool:
    """Bring an entry to the current version.

    1.1 → 1.2: the entry names its network; entries made before that bound
    to ZHA, so they read as ZHA.
    1.2 → 1.3: each device subentry names its technology and its id (a Zigbee
    device: ``zigbee`` and its IEEE address, which it also keeps as ``ieee``).
    """
    if entry.version > 1:
        return False  # a newer version of the integration made it
    if entry.minor_version < 2:
        hass.config_entries.async_update_entry(
            entry,
            data={CONF_NETWORK: NETWORK_ZHA, **entry.data},
            minor_version=2,
        )
        LOGGER.debug("Migrated entry %s to version 1.2", entry.entry_id)
    if entry.minor_version < 3:
        for subentry in list(entry.subentries.values()):
            if subentry.subentry_type != SUBENTRY_DEVICE:
                continue
            if (data := migrated_device_data(subentry.data)) is not None:
                hass.config_entries.async_update_subentry(entry, subentry, data=data)
        hass.config_entries.async_update_entry(entry, minor_version=3)
        LOGGER.debug("Migrated entry %s to version 1.3", entry.entry_id)
    return True


async def async_setup_entry(
    hass: HomeAssistant, entry: ProvisioningConfigEntry
) -> bool:
    """Set up the provisioning list of one Zigbee network."""
    if entry.data[CONF_NETWORK] == NETWORK_ZIGBEE2MQTT:
        return await _async_setup_zigbee2mqtt(hass, entry)
    if entry.data[CONF_NETWORK] == NETWORK_ZWAVE_JS:
        return await _async_setup_zwave_js(hass, entry)
    zha_entry = hass.config_entries.async_get_entry(entry.data[CONF_ZHA_ENTRY_ID])
    application = async_get_application(hass)
    if (
        zha_entry is None
        or zha_entry.state is not ConfigEntryState.LOADED
        or (application is None)
    ):
        if zha_entry is not None:
            _async_retry_when_zha_loads(hass, entry, zha_entry)
        raise ConfigEntryNotReady(
            translation_domain=DOMAIN, translation_key="zha_not_ready"
        )

    coordinator = ProvisioningCoordinator(hass, entry, zha_network(hass, application))
    await coordinator.async_load()
    entry.runtime_data = coordinator

    # ZHA reloaded or stopped: bind again to its new radio application.
    _async_follow(hass, entry, zha_entry)
    await _async_start(hass, entry, coordinator)
    return True


async def _async_setup_zigbee2mqtt(
    hass: HomeAssistant, entry: ProvisioningConfigEntry
) -> bool:
    """Set up on a Zigbee2MQTT bridge, through Home Assistant's MQTT."""
    if not await async_mqtt_ready(hass):
        raise ConfigEntryNotReady(
            translation_domain=DOMAIN, translation_key="mqtt_not_ready"
        )
    network = Z2mNetwork(hass, entry.data[CONF_BASE_TOPIC])
    coordinator = ProvisioningCoordinator(hass, entry, network)
    await coordinator.async_load()
    entry.runtime_data = coordinator
    [mqtt_entry] = hass.config_entries.async_entries(MQTT_DOMAIN)

    # MQTT's subscriptions went with it: subscribe again on the new client.
    _async_follow(hass, entry, mqtt_entry)
    await _async_start(hass, entry, coordinator)
    return True


async def _async_setup_zwave_js(
    hass: HomeAssistant, entry: ProvisioningConfigEntry
) -> bool:
    """Set up on a Z-Wave JS network, through Home Assistant's ``zwave_js``.

    The list does not reload with ``zwave_js``: its link follows the Z-Wave
    JS entry through reloads and reconciles again each time it is back.
    """
    zwave_entry_id = entry.data[CONF_ZWAVE_ENTRY_ID]
    if zwave_home_id(hass, zwave_entry_id) is None:
        zwave_entry = hass.config_entries.async_get_entry(zwave_entry_id)
        if zwave_entry is not None:
            _async_retry_when_zha_loads(hass, entry, zwave_entry)
        raise ConfigEntryNotReady(
            translation_domain=DOMAIN, translation_key="zwave_js_not_ready"
        )
    network = ZWaveNetwork(hass, zwave_entry_id, entry.entry_id)
    coordinator = ProvisioningCoordinator(hass, entry, network)
    await coordinator.async_load()
    entry.runtime_data = coordinator
    network.on_change = coordinator.async_update_listeners
    network.on_node = lambda device: coordinator.devices.async_list_changed(
        {device}, set()
    )
    entry.async_on_unload(network.async_stop)
    await _async_start(hass, entry, coordinator)
    return True


@callback
def _async_follow(
    hass: HomeAssistant, entry: ProvisioningConfigEntry, upstream: ConfigEntry
) -> None:
    """Reload the list whenever the entry it runs on stops being loaded."""

    @callback
    def _upstream_changed() -> None:
        if (
            upstream.state is not ConfigEntryState.LOADED
            and entry.state is ConfigEntryState.LOADED
        ):
            hass.config_entries.async_schedule_reload(entry.entry_id)

    entry.async_on_unload(upstream.async_on_state_change(_upstream_changed))


async def _async_start(
    hass: HomeAssistant,
    entry: ProvisioningConfigEntry,
    coordinator: ProvisioningCoordinator,
) -> None:
    """Entities, device links, providers and the panel, on any network."""
    entry.async_on_unload(entry.add_update_listener(_async_entry_updated))
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    entry.async_on_unload(coordinator.devices.async_start())
    for runner in coordinator.remotes.values():
        runner.start()
    await async_register_panel(hass)


@callback
def _async_retry_when_zha_loads(
    hass: HomeAssistant, entry: ProvisioningConfigEntry, zha_entry: ConfigEntry
) -> None:
    """Set up again as soon as ZHA is running, rather than at the next retry."""
    waiting: dict[str, CALLBACK_TYPE] = hass.data.setdefault(DATA_WAITING, {})
    if entry.entry_id in waiting:
        return

    @callback
    def _zha_changed() -> None:
        if zha_entry.state is ConfigEntryState.LOADED:
            waiting.pop(entry.entry_id)()
            if entry.state is ConfigEntryState.SETUP_RETRY:
                hass.config_entries.async_schedule_reload(entry.entry_id)

    waiting[entry.entry_id] = zha_entry.async_on_state_change(_zha_changed)


async def _async_entry_updated(
    hass: HomeAssistant, entry: ProvisioningConfigEntry
) -> None:
    """Mirror device subentries; restart when providers are added or removed.

    Called once per change of the entry, so once per device an import adds:
    both are left to one check per event-loop turn (none while an import
    holds it), since each reads every subentry.
    """
    entry.runtime_data.async_schedule_sync()


async def async_remove_config_entry_device(
    hass: HomeAssistant, entry: ProvisioningConfigEntry, device: dr.DeviceEntry
) -> bool:
    """Deleting a placeholder deletes its local entry; a provider's stay."""
    coordinator = entry.runtime_data
    if (ieee := zigbee_ieee(device)) == coordinator.ieee:
        return False
    if ieee is None or ieee not in coordinator.data:
        return True
    if (subentry_id := coordinator.subentry_id_for(ieee)) is None:
        return False
    hass.config_entries.async_remove_subentry(entry, subentry_id)
    return True


async def async_unload_entry(
    hass: HomeAssistant, entry: ProvisioningConfigEntry
) -> bool:
    """Unload a config entry."""
    unloaded = await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
    if unloaded:
        await entry.runtime_data.admission.async_shutdown()
        await entry.runtime_data.async_flush()
        if not any(
            other.entry_id != entry.entry_id
            for other in hass.config_entries.async_loaded_entries(DOMAIN)
        ):
            async_remove_panel(hass)
    return unloaded
