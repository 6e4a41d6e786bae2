"""Statuses kept by the hub, on top of what providers state."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
import logging
from typing import Any

from .entry import EntryStatus, ProvisioningEntry
from .errors import InvalidCodeError
from .identity import DeviceId
from .technologies import parse_device_id

_LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class HubStatus:
    """The status of a device as seen by the hub."""

    status: EntryStatus
    reason: str | None
    at: datetime

    def apply(self, entry: ProvisioningEntry) -> ProvisioningEntry:
        """Return the entry with this status."""
        return entry.with_status(self.status, self.reason, self.at)

    def to_storage(self) -> dict[str, Any]:
        """Return a JSON-safe dict."""
        return {
            "status": self.status.value,
            "reason": self.reason,
            "at": self.at.isoformat(),
        }

    @classmethod
    def from_storage(cls, data: Mapping[str, Any]) -> HubStatus:
        """Rebuild a status from ``to_storage`` output."""
        at = datetime.fromisoformat(data["at"])
        if at.tzinfo is None:
            raise ValueError("Timestamps must be timezone aware")
        return cls(EntryStatus(data["status"]), data.get("reason"), at)


def hub_statuses_from_storage(
    data: Mapping[str, Mapping[str, Any]],
) -> dict[DeviceId, HubStatus]:
    """Rebuild stored hub statuses, skipping invalid items."""
    statuses: dict[DeviceId, HubStatus] = {}
    for text, item in data.items():
        try:
            statuses[parse_device_id(text)] = HubStatus.from_storage(item)
        except InvalidCodeError, KeyError, TypeError, ValueError, AttributeError:
            _LOGGER.warning("Skipping an invalid stored status")
    return statuses
