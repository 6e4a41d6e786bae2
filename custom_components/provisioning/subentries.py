"""The device subentry: the one place that reads and writes its format.

A device of the local provider is stored as a config subentry of type
``device``. Its data holds the IEEE address (canonical, also the subentry's
unique ID), the credential (``{"kind", "key"}``: the only place a key is
stored), the name, the area ID, the model and the creation time; its title is
the name, or the IEEE address.

Rules:

- Nothing else builds, parses or edits a device subentry's data; adding,
  changing and removing devices (``local_devices``) goes through the helpers
  here, and the list (``coordinator``) reads subentries with
  ``subentry_to_entry``.
- One subentry per IEEE address, and one list per IEEE among the networks.
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
    CONF_IEEE,
    CONF_INSTALL_CODE,
    CONF_KEY,
    CONF_KIND,
    CONF_LINK_KEY,
    CONF_MANUFACTURER,
    CONF_MODEL,
    CONF_NAME,
    CONF_QR_CODE,
    DOMAIN,
    SUBENTRY_DEVICE,
)
from .core import (
    LocalProvider,
    ProvisioningEntry,
    ScannedCode,
    credential_from_storage,
    parse_device_code,
    parse_ieee,
)
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
        CONF_NAME: (name or "").strip() or None,
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
            for eui64 in other.runtime_data.data:
                index.setdefault(str(eui64), other)
    return index


def list_is_full(entry: ConfigEntry, ieee: str) -> bool:
    """Return whether a loaded list has no room for this IEEE (``core.limits``)."""
    if entry.state is not ConfigEntryState.LOADED:
        return False
    room = ListRoom(entry.runtime_data.listed_ieees())
    try:
        room.check(parse_ieee(ieee))
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


def parse_code_fields(data: Mapping[str, Any]) -> ScannedCode:
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
        scanned := parse_key_fields(data[CONF_IEEE], key_fields)
    ):
        kind, key = scanned.credential.to_storage()
        data[CONF_CREDENTIAL] = {CONF_KIND: kind, CONF_KEY: key}
    if name is not UNCHANGED:
        data[CONF_NAME] = clean_text(name, CONF_NAME)
    if area_id is not UNCHANGED:
        data[CONF_AREA_ID] = area_id or None
    return data
