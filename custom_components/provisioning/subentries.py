"""The device subentry: the one place that reads and writes its format.

A device of the local provider is stored as a config subentry of type
``device``. Its data holds the technology, the device's public id (``id``:
the canonical IEEE address, or the DSK with its PIN masked; also the
subentry's unique ID), the credential (``credential``: ``{"kind", "key", …}``,
the only place a key or a full DSK is stored), the name, the area ID, the
model and the creation time; its title is the name, or the id. A Zigbee
device's data also keeps ``ieee`` (the same text as ``id``), so that a list
stays readable by the versions before 1.3 (``async_migrate_entry``).

Rules:

- Nothing else builds, parses or edits a device subentry's data; adding,
  changing and removing devices (``local_devices``) goes through the helpers
  here, and the list (``coordinator``) reads subentries with
  ``subentry_to_entry``.
- One subentry per device id, and one list per device among the networks (a
  DSK is on one list only, as an IEEE address is).
- Nothing here depends on the running list, so that the list can use it.
- Nothing here returns or logs a key.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final
from urllib.parse import urlsplit

from homeassistant.config_entries import ConfigEntry, ConfigEntryState, ConfigSubentry
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util import dt as dt_util

from .const import (
    CONF_AREA_ID,
    CONF_CREDENTIAL,
    CONF_DSK,
    CONF_ID,
    CONF_IEEE,
    CONF_INSTALL_CODE,
    CONF_LINK_KEY,
    CONF_MANUFACTURER,
    CONF_MODEL,
    CONF_NAME,
    CONF_NETWORK,
    CONF_QR_CODE,
    CONF_SECURITY_CLASSES,
    CONF_TECHNOLOGY,
    DOMAIN,
    NETWORK_ZWAVE_JS,
    SUBENTRY_DEVICE,
)
from .core import (
    DeviceId,
    LocalProvider,
    ProvisioningEntry,
    ScannedDevice,
    Technology,
    credential_from_storage,
    parse_device_code,
    parse_device_id,
)
from .core.errors import InvalidCodeError
from .core.limits import ListFullError, ListRoom, clean_text

LOCAL_TITLE: Final = "This hub"

UNCHANGED: Final[Any] = object()
"""Marks an argument of ``async_update_device`` that keeps its value."""


def server_title(url: str) -> str:
    """Return a provider subentry's title: the server's scheme, host and port."""
    parts = urlsplit(url.strip())
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return url.strip()
    if not parts.scheme or not parts.hostname:
        return url.strip()
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return f"{parts.scheme}://{host}:{port}"


def device_subentry_data(
    scanned: ScannedDevice,
    name: str | None,
    area_id: str | None,
    created_at: str | None = None,
) -> dict[str, Any]:
    """Return the data stored in a device subentry."""
    device = scanned.device
    ids: dict[str, str] = {
        CONF_TECHNOLOGY: device.technology.value,
        CONF_ID: device.text,
    }
    if device.technology is Technology.ZIGBEE:
        ids[CONF_IEEE] = device.text
    return ids | {
        CONF_CREDENTIAL: scanned.credential.to_storage(),
        CONF_NAME: (name or "").strip() or None,
        CONF_AREA_ID: area_id or None,
        CONF_MODEL: scanned.model,
        "created_at": created_at or dt_util.utcnow().isoformat(),
    }


def device_subentry_title(ieee: str, name: str | None) -> str:
    """Return the title of a device subentry."""
    return name or ieee


def subentry_device(data: Mapping[str, Any]) -> DeviceId:
    """Return the device id of a device subentry's data (any version)."""
    return parse_device_id(data.get(CONF_ID) or data[CONF_IEEE])


def migrated_device_data(data: Mapping[str, Any]) -> dict[str, Any] | None:
    """Return the 1.3 form of a device subentry's data; None when it has it.

    Before 1.3 a device was Zigbee, known by ``ieee``; it gains
    ``technology`` and ``id`` and keeps everything else.
    """
    if CONF_TECHNOLOGY in data and CONF_ID in data:
        return None
    device = parse_device_id(data[CONF_IEEE])
    return {CONF_TECHNOLOGY: device.technology.value, CONF_ID: device.text, **data}


def subentry_to_entry(subentry: ConfigSubentry) -> ProvisioningEntry:
    """Build a local provisioning entry from a device subentry."""
    data = subentry.data
    created = dt_util.parse_datetime(data.get("created_at", "")) or dt_util.utcnow()
    return ProvisioningEntry(
        device=subentry_device(data),
        credential=credential_from_storage(data[CONF_CREDENTIAL]),
        provider_id=LocalProvider.provider_id,
        name=data.get(CONF_NAME),
        area=data.get(CONF_AREA_ID),
        manufacturer=data.get(CONF_MANUFACTURER),
        model=data.get(CONF_MODEL),
        created_at=created,
        updated_at=created,
    )


def list_technology(entry: ConfigEntry) -> Technology:
    """The technology of a list's devices: its network's."""
    if entry.data.get(CONF_NETWORK) == NETWORK_ZWAVE_JS:
        return Technology.ZWAVE
    return Technology.ZIGBEE


def ieee_in_use(
    entry: ConfigEntry, ieee: str, *, except_subentry: str | None = None
) -> bool:
    """Return whether another device subentry already holds this IEEE."""
    return any(
        sub.unique_id == ieee and sub.subentry_id != except_subentry
        for sub in entry.subentries.values()
    )


def other_list_with(
    hass: HomeAssistant, entry: ConfigEntry, ieee: str
) -> ConfigEntry | None:
    """Return the list of another network that already holds this IEEE.

    A device joins one network: listing it on two would load its key in two
    coordinators and leave one entry pending for ever. Both a local entry and
    a provider's count.
    """
    device = parse_device_id(ieee)
    for other in hass.config_entries.async_entries(DOMAIN):
        if other.entry_id == entry.entry_id:
            continue
        if ieee_in_use(other, device.text):
            return other
        if other.state is ConfigEntryState.LOADED and device in other.runtime_data.data:
            return other
    return None


def subentry_unique_ids(entry: ConfigEntry) -> set[str]:
    """Return the unique IDs of an entry's subentries (its devices' IEEEs), at once."""
    return {
        sub.unique_id for sub in entry.subentries.values() if sub.unique_id is not None
    }


def other_lists_index(
    hass: HomeAssistant, entry: ConfigEntry
) -> dict[str, ConfigEntry]:
    """Map each IEEE that another network's list holds to that list, in one pass.

    The same answer as ``other_list_with`` for every IEEE, for bulk adds.
    """
    index: dict[str, ConfigEntry] = {}
    for other in hass.config_entries.async_entries(DOMAIN):
        if other.entry_id == entry.entry_id:
            continue
        for unique_id in subentry_unique_ids(other):
            index.setdefault(unique_id, other)
        if other.state is ConfigEntryState.LOADED:
            for device in other.runtime_data.data:
                index.setdefault(device.text, other)
    return index


def list_is_full(entry: ConfigEntry, ieee: str) -> bool:
    """Return whether a loaded list has no room for this IEEE (``core.limits``)."""
    if entry.state is not ConfigEntryState.LOADED:
        return False
    room = ListRoom(entry.runtime_data.listed_ieees())
    try:
        room.check(parse_device_id(ieee))
    except ListFullError:
        return True
    return False


def listed_on_other_network(
    ieee: str, other: ConfigEntry, field: str
) -> ServiceValidationError:
    """Return the error for an IEEE that another network's list holds."""
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key="listed_on_other_network",
        translation_placeholders={"ieee": ieee, "title": other.title, "field": field},
    )


def parse_code_fields(data: Mapping[str, Any]) -> ScannedDevice:
    """Parse the code fields of a form, a service call or a websocket command.

    The name, if any, must follow the text rule (``core.limits``).
    Raises ProvisioningError; its ``field`` placeholder names the field at fault.
    """
    clean_text(data.get(CONF_NAME), CONF_NAME)
    return parse_device_code(
        qr_code=data.get(CONF_QR_CODE) or None,
        ieee=data.get(CONF_IEEE) or None,
        install_code=data.get(CONF_INSTALL_CODE) or None,
        link_key=data.get(CONF_LINK_KEY) or None,
        dsk=data.get(CONF_DSK) or None,
        security_classes=data.get(CONF_SECURITY_CLASSES),
    )


def parse_key_fields(device: DeviceId, data: Mapping[str, Any]) -> ScannedDevice | None:
    """Parse a replacement key for a known device; None when no key is given.

    A Zigbee device takes a new install code or link key; a Z-Wave device its
    DSK again with other security classes (the DSK must name the same device).
    """
    if device.technology is Technology.ZWAVE:
        dsk = data.get(CONF_DSK) or None
        if dsk is None:
            return None
        scanned = parse_device_code(
            dsk=dsk, security_classes=data.get(CONF_SECURITY_CLASSES) or ()
        )
        if scanned.device != device:
            raise InvalidCodeError("dsk_mismatch", {"field": CONF_DSK})
        return scanned
    install_code = data.get(CONF_INSTALL_CODE) or None
    link_key = data.get(CONF_LINK_KEY) or None
    if install_code is None and link_key is None:
        return None
    return parse_device_code(
        ieee=device.text, install_code=install_code, link_key=link_key
    )


def already_provisioned(ieee: str, field: str) -> ServiceValidationError:
    """Return the error for an IEEE that already has an entry."""
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key="already_provisioned",
        translation_placeholders={"ieee": ieee, "field": field},
    )


@callback
def add_device_subentry(
    hass: HomeAssistant,
    entry: ConfigEntry,
    scanned: ScannedDevice,
    name: str | None,
    area_id: str | None,
) -> ConfigSubentry:
    """Store a device of the local provider as a subentry (id not in use)."""
    device_id = scanned.device.text
    subentry = ConfigSubentry(
        data=MappingProxyType(device_subentry_data(scanned, name, area_id)),
        subentry_type=SUBENTRY_DEVICE,
        title=device_subentry_title(device_id, name),
        unique_id=device_id,
    )
    hass.config_entries.async_add_subentry(entry, subentry)
    return subentry


@callback
def updated_device_data(
    subentry: ConfigSubentry,
    *,
    name: str | None = UNCHANGED,
    area_id: str | None = UNCHANGED,
    key_fields: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Return the subentry data with a new name, area or key.

    Raises ProvisioningError for a bad key or a name that breaks the text rule
    (``field`` names the field).
    """
    data = dict(subentry.data)
    if key_fields is not None and (
        scanned := parse_key_fields(subentry_device(data), key_fields)
    ):
        data[CONF_CREDENTIAL] = scanned.credential.to_storage()
    if name is not UNCHANGED:
        data[CONF_NAME] = clean_text(name, CONF_NAME)
    if area_id is not UNCHANGED:
        data[CONF_AREA_ID] = area_id or None
    return data
