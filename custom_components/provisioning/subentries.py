"""The device subentry: the one place that reads and writes its format.

A device of the local provider is stored as a config subentry of type
``device``. Its data holds the IEEE address (canonical, also the subentry's
unique ID), the credential (``{"kind", "key"}``: the only place a key is
stored), the name, the area ID, the model and the creation time; its title is
the name, or the IEEE address.

Rules:

- The config flow, the services and the websocket API add, change and remove
  devices only through the functions here, so that they validate alike and
  answer the same translated errors (field errors carry the ``field``
  placeholder).
- One subentry per IEEE address.
- Only local entries (subentries) can be changed or removed; entries of a
  provisioning server are changed on the server.
- Nothing here returns or logs a key.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import urlsplit

from homeassistant.config_entries import ConfigEntry, ConfigEntryState, ConfigSubentry
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util import dt as dt_util

from .const import (
    CONF_AREA_ID,
    CONF_CREDENTIAL,
    CONF_IEEE,
    CONF_INSTALL_CODE,
    CONF_KEY,
    CONF_KIND,
    CONF_LINK_KEY,
    CONF_MANUFACTURER,
    CONF_MODEL,
    CONF_NAME,
    CONF_QR_CODE,
    CONF_URL,
    DOMAIN,
    SUBENTRY_DEVICE,
)
from .core import (
    LocalProvider,
    ProvisioningEntry,
    ProvisioningError,
    ScannedCode,
    credential_from_storage,
    parse_device_code,
    parse_ieee,
)
from .errors import translate_error

if TYPE_CHECKING:
    from zigpy.types import EUI64

    from .coordinator import ProvisioningConfigEntry, ProvisioningCoordinator

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


def provider_title(coordinator: ProvisioningCoordinator, provider_id: str) -> str:
    """Return how a provider is shown: "This hub", or its server's title."""
    if provider_id == LocalProvider.provider_id:
        return LOCAL_TITLE
    for runner in coordinator.remotes.values():
        if runner.provider.provider_id == provider_id:
            return server_title(runner.settings.get(CONF_URL, "")) or provider_id
    return provider_id


def device_subentry_data(
    scanned: ScannedCode,
    name: str | None,
    area_id: str | None,
    created_at: str | None = None,
) -> dict[str, Any]:
    """Return the data stored in a device subentry."""
    kind, key = scanned.credential.to_storage()
    return {
        CONF_IEEE: str(scanned.ieee),
        CONF_CREDENTIAL: {CONF_KIND: kind, CONF_KEY: key},
        CONF_NAME: name or None,
        CONF_AREA_ID: area_id or None,
        CONF_MODEL: scanned.model,
        "created_at": created_at or dt_util.utcnow().isoformat(),
    }


def device_subentry_title(ieee: str, name: str | None) -> str:
    """Return the title of a device subentry."""
    return name or ieee


def subentry_to_entry(subentry: ConfigSubentry) -> ProvisioningEntry:
    """Build a local provisioning entry from a device subentry."""
    data = subentry.data
    credential = data[CONF_CREDENTIAL]
    created = dt_util.parse_datetime(data.get("created_at", "")) or dt_util.utcnow()
    return ProvisioningEntry(
        ieee=parse_ieee(data[CONF_IEEE]),
        credential=credential_from_storage(credential[CONF_KIND], credential[CONF_KEY]),
        provider_id=LocalProvider.provider_id,
        name=data.get(CONF_NAME),
        area=data.get(CONF_AREA_ID),
        manufacturer=data.get(CONF_MANUFACTURER),
        model=data.get(CONF_MODEL),
        created_at=created,
        updated_at=created,
    )


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
    eui64 = parse_ieee(ieee)
    for other in hass.config_entries.async_entries(DOMAIN):
        if other.entry_id == entry.entry_id:
            continue
        if ieee_in_use(other, ieee):
            return other
        if other.state is ConfigEntryState.LOADED and eui64 in other.runtime_data.data:
            return other
    return None


def listed_on_other_network(
    ieee: str, other: ConfigEntry, field: str
) -> ServiceValidationError:
    """Return the error for an IEEE that another network's list holds."""
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key="listed_on_other_network",
        translation_placeholders={"ieee": ieee, "title": other.title, "field": field},
    )


def parse_code_fields(data: Mapping[str, Any]) -> ScannedCode:
    """Parse the code fields of a form, a service call or a websocket command.

    Raises ProvisioningError; its ``field`` placeholder names the field at fault.
    """
    return parse_device_code(
        qr_code=data.get(CONF_QR_CODE) or None,
        ieee=data.get(CONF_IEEE) or None,
        install_code=data.get(CONF_INSTALL_CODE) or None,
        link_key=data.get(CONF_LINK_KEY) or None,
    )


def parse_key_fields(ieee: str, data: Mapping[str, Any]) -> ScannedCode | None:
    """Parse a replacement key for a known IEEE; None when no key is given."""
    install_code = data.get(CONF_INSTALL_CODE) or None
    link_key = data.get(CONF_LINK_KEY) or None
    if install_code is None and link_key is None:
        return None
    return parse_device_code(ieee=ieee, install_code=install_code, link_key=link_key)


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
    scanned: ScannedCode,
    name: str | None,
    area_id: str | None,
) -> ConfigSubentry:
    """Store a device of the local provider as a subentry (IEEE not in use)."""
    ieee = str(scanned.ieee)
    subentry = ConfigSubentry(
        data=MappingProxyType(device_subentry_data(scanned, name, area_id)),
        subentry_type=SUBENTRY_DEVICE,
        title=device_subentry_title(ieee, name),
        unique_id=ieee,
    )
    hass.config_entries.async_add_subentry(entry, subentry)
    return subentry


@callback
def async_add_device(
    hass: HomeAssistant, entry: ProvisioningConfigEntry, data: Mapping[str, Any]
) -> ProvisioningEntry:
    """Parse the code fields of data, add the device, and return its entry.

    Raises a translated ServiceValidationError and changes nothing on bad input.
    """
    try:
        scanned = parse_code_fields(data)
    except ProvisioningError as err:
        raise translate_error(err) from None
    ieee = str(scanned.ieee)
    field = CONF_QR_CODE if data.get(CONF_QR_CODE) else CONF_IEEE
    if ieee_in_use(entry, ieee):
        raise already_provisioned(ieee, field)
    if (other := other_list_with(hass, entry, ieee)) is not None:
        raise listed_on_other_network(ieee, other, field)
    add_device_subentry(
        hass, entry, scanned, data.get(CONF_NAME), data.get(CONF_AREA_ID)
    )
    coordinator = entry.runtime_data
    coordinator.async_sync_subentries()
    # A key that conflicts with another provider's is kept; a repair issue says so.
    return (
        coordinator.entry_for(scanned.ieee) or coordinator.local.entries()[scanned.ieee]
    )


def local_subentry(entry: ProvisioningConfigEntry, text: str) -> ConfigSubentry:
    """Return the device subentry of an IEEE typed by the user.

    Raises a translated error when the IEEE is malformed, unknown, or listed
    by a provisioning server (whose entries can't be changed here).
    """
    try:
        ieee: EUI64 = parse_ieee(text)
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
                    "provider": provider_title(coordinator, listed.provider_id),
                },
            )
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="device_not_found",
            translation_placeholders={"ieee": str(ieee)},
        )
    return entry.subentries[subentry_id]


@callback
def updated_device_data(
    subentry: ConfigSubentry,
    *,
    name: str | None = UNCHANGED,
    area_id: str | None = UNCHANGED,
    key_fields: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Return the subentry data with a new name, area or key.

    Raises ProvisioningError for a bad key (``field`` names the key field).
    """
    data = dict(subentry.data)
    if key_fields is not None and (
        scanned := parse_key_fields(data[CONF_IEEE], key_fields)
    ):
        kind, key = scanned.credential.to_storage()
        data[CONF_CREDENTIAL] = {CONF_KIND: kind, CONF_KEY: key}
    if name is not UNCHANGED:
        data[CONF_NAME] = name or None
    if area_id is not UNCHANGED:
        data[CONF_AREA_ID] = area_id or None
    return data


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
    subentry = local_subentry(entry, ieee)
    try:
        data = updated_device_data(
            subentry, name=name, area_id=area_id, key_fields=key_fields
        )
    except ProvisioningError as err:
        raise translate_error(err) from None
    hass.config_entries.async_update_subentry(
        entry,
        subentry,
        title=device_subentry_title(data[CONF_IEEE], data[CONF_NAME]),
        data=data,
    )
    coordinator = entry.runtime_data
    coordinator.async_sync_subentries()
    scanned_ieee = parse_ieee(data[CONF_IEEE])
    return (
        coordinator.entry_for(scanned_ieee) or coordinator.local.entries()[scanned_ieee]
    )


@callback
def async_remove_device(
    hass: HomeAssistant, entry: ProvisioningConfigEntry, ieee: str
) -> None:
    """Remove a local device from the list."""
    subentry = local_subentry(entry, ieee)
    hass.config_entries.async_remove_subentry(entry, subentry.subentry_id)
    entry.runtime_data.async_sync_subentries()
