"""Adding, changing and removing the local provider's devices.

Rules:

- The config flow's device subentry steps, the services, the websocket API and
  the repairs change the local list only through the functions here (or, for
  the flow, the format helpers of ``subentries``), so that they validate alike
  and answer the same translated errors (field errors carry the ``field``
  placeholder).
- Bad input raises a translated ``ServiceValidationError`` and changes nothing.
- Names follow the text rule of ``core.limits`` (trimmed, at most 255
  characters, no control or bidirectional control character); an area is
  given by the ID of an existing area; a new device needs room in the list
  (``core.limits.MAX_LIST_ENTRIES``). ``clean_name`` and ``existing_area_id``
  are the checks, for every path that adds or changes a device.
- Only local entries can be changed or removed; a provisioning server's
  entries are changed on the server, and the error names it.
- Each change is applied to the running list at once, and the entry returned
  carries no key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from homeassistant.config_entries import ConfigSubentry
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import area_registry as ar

from .const import CONF_AREA_ID, CONF_IEEE, CONF_NAME, CONF_QR_CODE, DOMAIN
from .coordinator import ProvisioningConfigEntry
from .core import (
    DeviceId,
    ProvisioningEntry,
    ProvisioningError,
    parse_device_id,
)
from .core.limits import ListRoom, clean_text
from .errors import translate_error
from .subentries import (
    UNCHANGED,
    add_device_subentry,
    already_provisioned,
    device_subentry_title,
    ieee_in_use,
    listed_on_other_network,
    other_list_with,
    parse_code_fields,
    subentry_device,
    updated_device_data,
)


def clean_name(value: Any) -> str | None:
    """Return a device name by the text rule; raise a translated error if it breaks it."""
    try:
        return clean_text(value, CONF_NAME)
    except ProvisioningError as err:
        raise translate_error(err) from None


def existing_area_id(hass: HomeAssistant, value: Any) -> str | None:
    """Return the ID of an existing area (None for none); raise a translated error."""
    try:
        area_id = clean_text(value, CONF_AREA_ID)
    except ProvisioningError as err:
        raise translate_error(err) from None
    if area_id is None:
        return None
    if ar.async_get(hass).async_get_area(area_id) is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="area_not_found",
            translation_placeholders={"area_id": area_id, "field": CONF_AREA_ID},
        )
    return area_id


@callback
def async_add_device(
    hass: HomeAssistant, entry: ProvisioningConfigEntry, data: Mapping[str, Any]
) -> ProvisioningEntry:
    """Parse the code fields of data, add the device, and return its entry.

    Raises a translated ServiceValidationError and changes nothing on bad input.
    """
    name = clean_name(data.get(CONF_NAME))
    area_id = existing_area_id(hass, data.get(CONF_AREA_ID))
    try:
        scanned = parse_code_fields(data)
    except ProvisioningError as err:
        raise translate_error(err) from None
    ieee = str(scanned.device)
    field = CONF_QR_CODE if data.get(CONF_QR_CODE) else CONF_IEEE
    if ieee_in_use(entry, ieee):
        raise already_provisioned(ieee, field)
    if (other := other_list_with(hass, entry, ieee)) is not None:
        raise listed_on_other_network(ieee, other, field)
    try:
        ListRoom(entry.runtime_data.listed_ieees()).take(scanned.device)
    except ProvisioningError as err:
        raise translate_error(err) from None
    add_device_subentry(hass, entry, scanned, name, area_id)
    # A key that conflicts with another provider's is kept; a repair issue says so.
    return _synced_entry(entry, scanned.device)


def _synced_entry(entry: ProvisioningConfigEntry, ieee: DeviceId) -> ProvisioningEntry:
    """Apply the subentries to the running list; return the IEEE's entry.

    The list's entry, or the local one when another provider's entry wins.
    """
    coordinator = entry.runtime_data
    coordinator.async_sync_subentries()
    return coordinator.entry_for(ieee) or coordinator.local.entries()[ieee]


def _local_subentry(entry: ProvisioningConfigEntry, text: str) -> ConfigSubentry:
    """Return the device subentry of an IEEE typed by the user.

    Raises a translated error when the IEEE is malformed, unknown, or listed
    by a provisioning server (whose entries can't be changed here).
    """
    try:
        ieee: DeviceId = parse_device_id(text)
    except ProvisioningError as err:
        raise translate_error(err) from None
    coordinator = entry.runtime_data
    if (subentry_id := coordinator.subentry_id_for(ieee)) is None:
        if (listed := coordinator.entry_for(ieee)) is not None:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="entry_not_editable",
                translation_placeholders={
                    "ieee": str(ieee),
                    "provider": coordinator.provider_title(listed.provider_id),
                },
            )
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="device_not_found",
            translation_placeholders={"ieee": str(ieee)},
        )
    return entry.subentries[subentry_id]


@callback
def async_update_device(
    hass: HomeAssistant,
    entry: ProvisioningConfigEntry,
    ieee: str,
    *,
    name: str | None = UNCHANGED,
    area_id: str | None = UNCHANGED,
    key_fields: Mapping[str, Any] | None = None,
) -> ProvisioningEntry:
    """Change the name, area or key of a local device; return its entry."""
    if name is not UNCHANGED:
        name = clean_name(name)
    if area_id is not UNCHANGED:
        area_id = existing_area_id(hass, area_id)
    subentry = _local_subentry(entry, ieee)
    try:
        data = updated_device_data(
            subentry, name=name, area_id=area_id, key_fields=key_fields
        )
    except ProvisioningError as err:
        raise translate_error(err) from None
    hass.config_entries.async_update_subentry(
        entry,
        subentry,
        title=device_subentry_title(subentry_device(data).text, data[CONF_NAME]),
        data=data,
    )
    return _synced_entry(entry, subentry_device(data))


@callback
def async_remove_device(
    hass: HomeAssistant, entry: ProvisioningConfigEntry, ieee: str
) -> None:
    """Remove a local device from the list."""
    subentry = _local_subentry(entry, ieee)
    hass.config_entries.async_remove_subentry(entry, subentry.subentry_id)
    entry.runtime_data.async_sync_subentries()
