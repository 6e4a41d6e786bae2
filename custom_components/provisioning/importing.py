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

Rules:

- A record is a Zigbee device (`ieee` with `install_code` or `link_key`, or a
  Zigbee label in `qr_code`) or a Z-Wave one (a SmartStart `qr_code`, or a
  typed `dsk` with `security_classes`, zwave-js names separated by spaces,
  commas or semicolons). It goes on a list of its own technology only: else
  `technology_mismatch` (placeholders `ieee`: the device's id, `technology`,
  `list`), as for a `technology` cell that contradicts the record.
- An error carries every placeholder of its translated text (a refused code
  its `field`, `group` or `block`; a refused text its `field` and `max`).
- An import costs O(rows) of its own: the IEEEs in use, the other networks'
  lists and the list's devices are indexed once, not scanned per row.
- An import never holds the event loop for long: it gives the loop a turn every
  `SLICE` seconds of work, so that the radio links and the UI keep running, and
  it applies its subentries to the running list every `SYNC_EVERY` devices (the
  list's own syncs, one per subentry added, are held meanwhile), so that the
  status sensors come in small batches. An import of up to `SMALL_IMPORT`
  devices is applied at its end only: one change of the list (one event for the
  panel), after the answer.
- A record follows the same rules as a device added by hand: names and area
  names by the text rule (`text_too_long`, `text_control_character`, with the
  `field`), no device past the list's limit (`list_full`, with the `limit`), and
  at most `core.limits.MAX_NEW_AREAS` areas created by one import (a record that
  would create more is refused with `too_many_new_areas`).

Responses never carry an install code or a link key.
"""

from __future__ import annotations

import asyncio
import pathlib
import re
import time
from typing import Final

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import AbortFlow
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util.json import JsonObjectType, JsonValueType

from .const import DOMAIN
from .coordinator import ProvisioningConfigEntry
from .core import ProvisioningError, parse_device_code
from .core.csv_io import CsvLineError, decode_csv, read_csv, write_csv
from .core.limits import (
    AreaBudget,
    InvalidTextError,
    ListFullError,
    ListRoom,
    TooManyNewAreasError,
    clean_text,
)
from .describe import entry_dict
from .devices import resolve_area
from .subentries import (
    add_device_subentry,
    list_technology,
    other_lists_index,
    subentry_unique_ids,
)

_CLASS_SEPARATORS: Final = re.compile(r"[\s,;]+")
"""Between the security classes of a CSV cell (zwave-js names)."""
SLICE: Final = 0.01
"""Seconds of import work between two turns given to the event loop."""
SYNC_EVERY: Final = 25
"""Devices added between two updates of the running list during an import."""
SMALL_IMPORT: Final = 50
"""Devices an import adds before it updates the running list on its way."""


class _Importer:
    """One import into one list, with its indexes built once."""

    def __init__(self, hass: HomeAssistant, entry: ProvisioningConfigEntry) -> None:
        self.hass = hass
        self.entry = entry
        self.in_use = subentry_unique_ids(entry)
        self.elsewhere = other_lists_index(hass, entry)
        self.room = ListRoom(entry.runtime_data.listed_ieees())
        self.areas = AreaBudget()
        self.technology = list_technology(entry)
        self.added = 0
        self.errors: list[JsonValueType] = []

    def _error(self, line: int, error: str, **placeholders: str) -> None:
        found: dict[str, JsonValueType] = {"line": line, "error": error}
        found.update(placeholders)
        self.errors.append(found)

    def add(self, line: int, values: dict[str, str | None]) -> None:
        """Add one record, or note why not."""
        try:
            scanned = parse_device_code(
                qr_code=values.get("qr_code"),
                ieee=values.get("ieee"),
                install_code=values.get("install_code"),
                link_key=values.get("link_key"),
                dsk=values.get("dsk"),
                security_classes=_CLASS_SEPARATORS.split(classes)
                if (classes := (values.get("security_classes") or "").strip())
                else None,
            )
            name = clean_text(values.get("name"), "name")
            area = clean_text(values.get("area"), "area")
        except InvalidTextError as err:
            self._error(line, err.translation_key, **err.placeholders)
            return
        except ProvisioningError as err:
            self._error(line, err.translation_key, **err.placeholders)
            return
        ieee = str(scanned.device)
        stated = (values.get("technology") or "").strip().lower()
        if (stated and stated != scanned.device.technology.value) or (
            scanned.device.technology is not self.technology
        ):
            self._error(
                line,
                "technology_mismatch",
                ieee=ieee,
                technology=scanned.device.technology.value,
                list=self.technology.value,
            )
            return
        if ieee in self.in_use:
            self.errors.append(
                {"line": line, "error": "already_provisioned", "ieee": ieee}
            )
            return
        if (other := self.elsewhere.get(ieee)) is not None:
            self.errors.append(
                {
                    "line": line,
                    "error": "listed_on_other_network",
                    "ieee": ieee,
                    "title": other.title,
                }
            )
            return
        try:
            self.room.check(scanned.device)
            area_id = None
            if area is not None:
                area_id = resolve_area(self.hass, area, self.areas)
                if area_id is None:
                    raise TooManyNewAreasError(self.areas.limit)
        except (ListFullError, TooManyNewAreasError) as err:
            self._error(line, err.translation_key, ieee=ieee, **err.placeholders)
            return
        try:
            add_device_subentry(self.hass, self.entry, scanned, name, area_id)
        except AbortFlow:
            # added meanwhile, by another change of the list
            self.errors.append(
                {"line": line, "error": "already_provisioned", "ieee": ieee}
            )
            return
        self.in_use.add(ieee)
        self.room.take(scanned.device)
        self.added += 1


async def _import(
    hass: HomeAssistant,
    entry: ProvisioningConfigEntry,
    text: str,
    bad_lines: frozenset[int],
) -> JsonObjectType:
    importer = _Importer(hass, entry)
    errors = importer.errors
    coordinator = entry.runtime_data
    synced = 0
    with coordinator.hold_scheduled_sync():
        deadline = time.perf_counter() + SLICE
        for record in read_csv(text, bad_lines):
            if importer.added >= SMALL_IMPORT and importer.added - synced >= SYNC_EVERY:
                # a turn before and after: the sync adds its sensors at once
                await asyncio.sleep(0)
                if _loaded(entry):
                    coordinator.async_sync_subentries()
                synced = importer.added
                deadline = 0.0
            if time.perf_counter() >= deadline:
                await asyncio.sleep(0)
                deadline = time.perf_counter() + SLICE
            if isinstance(record, CsvLineError):
                errors.append({"line": record.line, "error": record.error})
            elif not _loaded(entry):
                errors.append({"line": record.line, "error": "entry_not_loaded"})
            else:
                importer.add(record.line, dict(record.values))
        if _loaded(entry):
            coordinator.async_sync_subentries()
    return {"added": importer.added, "errors": errors}


def _loaded(entry: ProvisioningConfigEntry) -> bool:
    return entry.state is ConfigEntryState.LOADED


async def async_import_csv(
    hass: HomeAssistant, entry: ProvisioningConfigEntry, text: str
) -> JsonObjectType:
    """Add the devices of CSV text to the entry's local list."""
    return await _import(hass, entry, text, frozenset())


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
    return await _import(hass, entry, text, bad_lines)


def export_csv(entry: ProvisioningConfigEntry) -> JsonObjectType:
    """Answer the entry's list and statuses, as data and as CSV, without keys."""
    devices = [entry_dict(item) for item in entry.runtime_data.data.values()]
    rows = [
        [
            str(device["ieee"] or ""),
            str(device.get("name") or ""),
            str(device.get("area") or ""),
            str(device["status"]),
            str(device["provider"]),
            str(device["technology"]),
            str(device.get("dsk") or ""),
        ]
        for device in devices
    ]
    listed: list[JsonValueType] = list(devices)
    return {"devices": listed, "csv": write_csv(rows)}
