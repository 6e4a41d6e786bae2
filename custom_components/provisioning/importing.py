"""Bulk import and export of the local provisioning list, as CSV.

The services and the panel's websocket API call these functions; their
signatures are kept stable:

- `async_import_csv(hass, entry, text)` and `async_import_csv_file(hass, entry,
  path)` add the valid records as device subentries of the local list and answer
  `{"added": n, "errors": [{"line": n, "error": key, ...}]}`. A bad record is
  reported by its line and skipped; it never stops the others, and nothing
  raises for bad content. Error keys are translation keys under `exceptions`.
- `export_csv(entry)` answers `{"devices": [...], "csv": text}` with no key, the
  CSV neutralised against formula injection (see `core.csv_io`).

Responses never carry an install code or a link key.
"""

from __future__ import annotations

import pathlib

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util.json import JsonObjectType, JsonValueType

from .const import DOMAIN
from .coordinator import ProvisioningConfigEntry
from .core import ProvisioningError, parse_device_code
from .core.csv_io import CsvLineError, decode_csv, read_csv, write_csv
from .devices import resolve_area
from .subentries import add_device_subentry, ieee_in_use, other_list_with


def _import(
    hass: HomeAssistant,
    entry: ProvisioningConfigEntry,
    text: str,
    bad_lines: frozenset[int],
) -> JsonObjectType:
    added = 0
    errors: list[JsonValueType] = []
    for record in read_csv(text, bad_lines):
        if isinstance(record, CsvLineError):
            errors.append({"line": record.line, "error": record.error})
            continue
        values = record.values
        try:
            scanned = parse_device_code(
                ieee=values.get("ieee"),
                install_code=values.get("install_code"),
                link_key=values.get("link_key"),
            )
        except ProvisioningError as err:
            errors.append({"line": record.line, "error": err.translation_key})
            continue
        ieee = str(scanned.ieee)
        if ieee_in_use(entry, ieee):
            errors.append(
                {"line": record.line, "error": "already_provisioned", "ieee": ieee}
            )
            continue
        if (other := other_list_with(hass, entry, ieee)) is not None:
            errors.append(
                {
                    "line": record.line,
                    "error": "listed_on_other_network",
                    "ieee": ieee,
                    "title": other.title,
                }
            )
            continue
        area = values.get("area")
        area_id = resolve_area(hass, area) if area else None
        add_device_subentry(hass, entry, scanned, values.get("name"), area_id)
        added += 1
    entry.runtime_data.async_sync_subentries()
    return {"added": added, "errors": errors}


async def async_import_csv(
    hass: HomeAssistant, entry: ProvisioningConfigEntry, text: str
) -> JsonObjectType:
    """Add the devices of CSV text to the entry's local list."""
    return _import(hass, entry, text, frozenset())


def _read_bytes(path: str) -> bytes:
    return pathlib.Path(path).read_bytes()


async def async_import_csv_file(
    hass: HomeAssistant, entry: ProvisioningConfigEntry, path: str
) -> JsonObjectType:
    """Add the devices of a CSV file that Home Assistant may read."""
    if not hass.config.is_allowed_path(path):
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="path_not_allowed",
            translation_placeholders={"path": path},
        )
    try:
        data = await hass.async_add_executor_job(_read_bytes, path)
    except OSError as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="file_unreadable",
            translation_placeholders={"path": path, "error": type(err).__name__},
        ) from None
    text, bad_lines = decode_csv(data)
    return _import(hass, entry, text, bad_lines)


def export_csv(entry: ProvisioningConfigEntry) -> JsonObjectType:
    """Answer the entry's list and statuses, as data and as CSV, without keys."""
    devices = [item.as_public_dict() for item in entry.runtime_data.data.values()]
    rows = [
        [
            str(device["ieee"]),
            str(device.get("name") or ""),
            str(device.get("area") or ""),
            str(device["status"]),
            str(device["provider"]),
        ]
        for device in devices
    ]
    listed: list[JsonValueType] = list(devices)
    return {"devices": listed, "csv": write_csv(rows)}
