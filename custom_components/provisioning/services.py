"""Services of Device Provisioning.

Rules:

- Every service that changes the list, a provider or the network (add,
  remove and import devices, start and stop pairing, sync) is an admin
  service: a call in the name of a user who is not an administrator is
  refused with ``Unauthorized`` before anything runs, as for ``zha.permit``.
  Calls without a user (automations, scripts) run.
- ``list_devices`` and ``export_devices`` only read and answer no install code
  or link key: the IEEE, name, area, model, status and provider they give
  every user reads from the status sensors and placeholder devices anyway
  (beyond that only the kind of key and the dates). They are open to every
  user.
- Integer fields refuse booleans (``coerce_strict_int``).
- A list takes its network's technology only: a Z-Wave code on a Zigbee
  network's list (or the reverse) is refused with ``wrong_technology``
  (``check_technology``), for the services and the websocket API alike.
- A device is named by its ``id`` (an IEEE address, or a DSK with its PIN
  masked) or, as before, by ``ieee``. No answer carries a DSK's PIN.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.service import async_register_admin_service
import probatio as vol

from .const import (
    ATTR_CONFIG_ENTRY_ID,
    ATTR_DURATION,
    ATTR_SERVER,
    CONF_AREA_ID,
    CONF_DSK,
    CONF_ID,
    CONF_IEEE,
    CONF_INSTALL_CODE,
    CONF_LINK_KEY,
    CONF_NAME,
    CONF_QR_CODE,
    CONF_SECURITY_CLASSES,
    DEFAULT_PAIRING_DURATION,
    DOMAIN,
    SERVICE_ADD_DEVICE,
    SERVICE_EXPORT_DEVICES,
    SERVICE_IMPORT_DEVICES,
    SERVICE_LIST_DEVICES,
    SERVICE_REMOVE_DEVICE,
    SERVICE_START_PAIRING,
    SERVICE_STOP_PAIRING,
    SERVICE_SYNC,
)
from .coordinator import ProvisioningConfigEntry
from .core import ProvisioningEntry, ProvisioningError, Technology
from .describe import entry_dict
from .errors import translate_error
from .helpers import async_start_pairing, async_stop_pairing, coerce_strict_int
from .importing import (
    async_import_csv,
    async_import_csv_file,
    export_csv,
)
from .local_devices import async_add_device, async_remove_device
from .remote import async_sync_servers
from .subentries import parse_code_fields

TECHNOLOGY_TITLES: Final = {Technology.ZIGBEE: "Zigbee", Technology.ZWAVE: "Z-Wave"}

ADD_DEVICE_SCHEMA = vol.Schema(
    {
        vol.Optional(CONF_QR_CODE): cv.string,
        vol.Optional(CONF_IEEE): cv.string,
        vol.Optional(CONF_INSTALL_CODE): cv.string,
        vol.Optional(CONF_LINK_KEY): cv.string,
        vol.Optional(CONF_DSK): cv.string,
        vol.Optional(CONF_SECURITY_CLASSES): vol.All(cv.ensure_list, [cv.string]),
        vol.Optional(CONF_NAME): cv.string,
        vol.Optional(CONF_AREA_ID): cv.string,
        vol.Optional(ATTR_CONFIG_ENTRY_ID): cv.string,
    }
)
REMOVE_DEVICE_SCHEMA = vol.All(
    vol.Schema(
        {
            vol.Exclusive(CONF_ID, "device"): cv.string,
            vol.Exclusive(CONF_IEEE, "device"): cv.string,
            vol.Optional(ATTR_CONFIG_ENTRY_ID): cv.string,
        }
    ),
    cv.has_at_least_one_key(CONF_ID, CONF_IEEE),
)
LIST_DEVICES_SCHEMA = vol.Schema({vol.Optional(ATTR_CONFIG_ENTRY_ID): cv.string})
START_PAIRING_SCHEMA = vol.Schema(
    {
        vol.Optional(ATTR_DURATION, default=DEFAULT_PAIRING_DURATION): vol.All(
            coerce_strict_int, vol.Range(min=1, max=3600)
        ),
        vol.Optional(ATTR_CONFIG_ENTRY_ID): cv.string,
    }
)


def async_get_entry(hass: HomeAssistant, call: ServiceCall) -> ProvisioningConfigEntry:
    """Return the loaded provisioning entry a call is for."""
    return async_get_loaded_entry(hass, call.data.get(ATTR_CONFIG_ENTRY_ID))


def async_get_loaded_entry(
    hass: HomeAssistant, entry_id: str | None
) -> ProvisioningConfigEntry:
    """Return the loaded provisioning entry with this ID, or the only one."""
    if entry_id:
        entry = hass.config_entries.async_get_entry(entry_id)
        if entry is None or entry.domain != DOMAIN:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="config_entry_not_found",
                translation_placeholders={"config_entry_id": entry_id},
            )
        if entry.state is not ConfigEntryState.LOADED:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="entry_not_loaded",
                translation_placeholders={"title": entry.title},
            )
        return entry
    loaded = hass.config_entries.async_loaded_entries(DOMAIN)
    if not loaded:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="no_coordinator"
        )
    if len(loaded) > 1:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="several_coordinators"
        )
    return loaded[0]


def list_technology(entry: ProvisioningConfigEntry) -> Technology:
    """Return the technology of the devices a list holds (its network's)."""
    return entry.runtime_data.ieee.technology


def check_technology(
    entry: ProvisioningConfigEntry, technology: Technology, field: str
) -> None:
    """Refuse a device of another technology than the list's network."""
    expected = list_technology(entry)
    if technology is not expected:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="wrong_technology",
            translation_placeholders={
                "technology": TECHNOLOGY_TITLES[technology],
                "network": TECHNOLOGY_TITLES[expected],
                "title": entry.title,
                "field": field,
            },
        )


@callback
def async_add_listed_device(
    hass: HomeAssistant, entry: ProvisioningConfigEntry, data: Mapping[str, Any]
) -> ProvisioningEntry:
    """Add a device of the list's technology (``async_add_device`` otherwise)."""
    try:
        scanned = parse_code_fields(data)
    except ProvisioningError as err:
        raise translate_error(err) from None
    if data.get(CONF_QR_CODE):
        field = CONF_QR_CODE
    elif scanned.device.technology is Technology.ZWAVE:
        field = CONF_DSK
    else:
        field = CONF_IEEE
    check_technology(entry, scanned.device.technology, field)
    return async_add_device(hass, entry, data)


def device_ref(data: Mapping[str, Any]) -> str:
    """Return the text naming a device: its ``id``, or its ``ieee``."""
    return str(data.get(CONF_ID) or data[CONF_IEEE])


async def _async_add_device(call: ServiceCall) -> ServiceResponse:
    entry = async_get_entry(call.hass, call)
    return entry_dict(async_add_listed_device(call.hass, entry, call.data))


async def _async_remove_device(call: ServiceCall) -> None:
    entry = async_get_entry(call.hass, call)
    async_remove_device(call.hass, entry, device_ref(call.data))


async def _async_list_devices(call: ServiceCall) -> ServiceResponse:
    entry = async_get_entry(call.hass, call)
    return {
        "devices": [
            entry_dict(provisioning_entry)
            for provisioning_entry in entry.runtime_data.data.values()
        ]
    }


async def _async_start_pairing(call: ServiceCall) -> ServiceResponse:
    entry = async_get_entry(call.hass, call)
    result = await async_start_pairing(entry.runtime_data, call.data[ATTR_DURATION])
    return {
        "keys_loaded": len(result.loaded),
        "waiting": [str(ieee) for ieee in result.waiting],
        "install_code_only": result.enforced,
    }


async def _async_stop_pairing(call: ServiceCall) -> None:
    entry = async_get_entry(call.hass, call)
    await async_stop_pairing(entry.runtime_data)


IMPORT_DEVICES_SCHEMA = vol.Schema(
    {
        vol.Exclusive("csv", "source"): cv.string,
        vol.Exclusive("path", "source"): cv.string,
        vol.Optional(ATTR_CONFIG_ENTRY_ID): cv.string,
    }
)


async def _async_import_devices(call: ServiceCall) -> ServiceResponse:
    hass = call.hass
    entry = async_get_entry(hass, call)
    if (path := call.data.get("path")) is not None:
        return await async_import_csv_file(hass, entry, path)
    if "csv" in call.data:
        return await async_import_csv(hass, entry, call.data["csv"])
    raise ServiceValidationError(
        translation_domain=DOMAIN, translation_key="csv_required"
    )


async def _async_export_devices(call: ServiceCall) -> ServiceResponse:
    return export_csv(async_get_entry(call.hass, call))


SYNC_SCHEMA = vol.Schema(
    {
        vol.Optional(ATTR_CONFIG_ENTRY_ID): cv.string,
        vol.Optional(ATTR_SERVER): cv.string,
    }
)


async def _async_sync(call: ServiceCall) -> ServiceResponse:
    entry = async_get_entry(call.hass, call)
    return await async_sync_servers(
        entry.runtime_data.remotes, call.data.get(ATTR_SERVER)
    )


@callback
def async_setup_services(hass: HomeAssistant) -> None:
    """Register the services of the integration: admin only, but the reads."""
    async_register_admin_service(
        hass,
        DOMAIN,
        SERVICE_ADD_DEVICE,
        _async_add_device,
        schema=ADD_DEVICE_SCHEMA,
        supports_response=SupportsResponse.OPTIONAL,
    )
    async_register_admin_service(
        hass,
        DOMAIN,
        SERVICE_REMOVE_DEVICE,
        _async_remove_device,
        schema=REMOVE_DEVICE_SCHEMA,
    )
    async_register_admin_service(
        hass,
        DOMAIN,
        SERVICE_START_PAIRING,
        _async_start_pairing,
        schema=START_PAIRING_SCHEMA,
        supports_response=SupportsResponse.OPTIONAL,
    )
    async_register_admin_service(
        hass,
        DOMAIN,
        SERVICE_STOP_PAIRING,
        _async_stop_pairing,
        schema=LIST_DEVICES_SCHEMA,
    )
    async_register_admin_service(
        hass,
        DOMAIN,
        SERVICE_IMPORT_DEVICES,
        _async_import_devices,
        schema=IMPORT_DEVICES_SCHEMA,
        supports_response=SupportsResponse.OPTIONAL,
    )
    async_register_admin_service(
        hass,
        DOMAIN,
        SERVICE_SYNC,
        _async_sync,
        schema=SYNC_SCHEMA,
        supports_response=SupportsResponse.OPTIONAL,
    )
    # Reads: no key in their answers, nothing the status sensors don't show
    hass.services.async_register(
        DOMAIN,
        SERVICE_LIST_DEVICES,
        _async_list_devices,
        schema=LIST_DEVICES_SCHEMA,
        supports_response=SupportsResponse.ONLY,
    )
    hass.services.async_register(
        DOMAIN,
        SERVICE_EXPORT_DEVICES,
        _async_export_devices,
        schema=LIST_DEVICES_SCHEMA,
        supports_response=SupportsResponse.ONLY,
    )
