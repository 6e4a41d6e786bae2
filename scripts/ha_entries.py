"""Home Assistant's stored config entries, as ``./scripts/develop`` seeds them.

Rules:
- The store is ``.storage/core.config_entries`` as Home Assistant writes it
  (version 1.5), read when it exists and started empty otherwise; it is written
  back with Home Assistant's two-space JSON.
- A new entry has every field of one a user's flow creates, so Home Assistant
  loads it as its own; the caller gives what differs (domain, title, data,
  versions, unique ID).
"""

from __future__ import annotations

from datetime import UTC, datetime
import json
import pathlib
from typing import Any
import uuid


def entries_file(config: pathlib.Path) -> pathlib.Path:
    """The store of the config entries in the configuration folder."""
    return config / ".storage" / "core.config_entries"


def load(config: pathlib.Path) -> dict[str, Any]:
    """The stored config entries, or an empty store."""
    path = entries_file(config)
    if path.exists():
        stored: dict[str, Any] = json.loads(path.read_text())
        return stored
    return {
        "version": 1,
        "minor_version": 5,
        "key": "core.config_entries",
        "data": {"entries": []},
    }


def save(config: pathlib.Path, stored: dict[str, Any]) -> None:
    """Write the config entries back."""
    path = entries_file(config)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(stored, indent=2))


def new_entry(
    domain: str,
    *,
    title: str,
    data: dict[str, Any],
    version: int,
    minor_version: int,
    unique_id: str | None = None,
) -> dict[str, Any]:
    """A config entry as a user's flow of ``domain`` stores it."""
    now = datetime.now(UTC).isoformat()
    return {
        "created_at": now,
        "data": data,
        "disabled_by": None,
        "discovery_keys": {},
        "domain": domain,
        "entry_id": uuid.uuid4().hex.upper()[:26],
        "minor_version": minor_version,
        "modified_at": now,
        "options": {},
        "pref_disable_new_entities": False,
        "pref_disable_polling": False,
        "source": "user",
        "subentries": [],
        "title": title,
        "unique_id": unique_id,
        "version": version,
    }
