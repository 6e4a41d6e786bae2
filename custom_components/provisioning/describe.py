"""How events and listings describe a device: no secret, the same everywhere.

Rules:

- Events and listings carry ``technology`` and ``id`` (the public id: an IEEE
  address, or a Z-Wave DSK with its PIN masked) and, for Zigbee devices,
  ``ieee`` as they always did; a Z-Wave entry has ``ieee: null``.
- Nothing here returns a key, an install code or a DSK's PIN.
"""

from __future__ import annotations

from typing import Any

from .core import DeviceId, ProvisioningEntry, Technology


def device_event_ids(device: DeviceId) -> dict[str, str]:
    """Return the ids an event carries for a device."""
    data = {"technology": device.technology.value, "id": device.text}
    if device.technology is Technology.ZIGBEE:
        data["ieee"] = device.text
    return data


def entry_dict(entry: ProvisioningEntry) -> dict[str, Any]:
    """Return the public description of an entry (no secret), ``ieee`` included."""
    data = entry.as_public_dict()
    data["ieee"] = (
        entry.device.text if entry.device.technology is Technology.ZIGBEE else None
    )
    return data
