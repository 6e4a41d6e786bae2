"""Sources of provisioning entries."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
import uuid

from .entry import EntryStatus, ProvisioningEntry
from .identity import DeviceId, Technology
from .listeners import Listeners


@dataclass(frozen=True)
class StatusReport:
    """A status change sent back to the provider of a device."""

    event_id: str
    device: DeviceId
    status: EntryStatus
    at: datetime
    details: str | None = None
    node_id: int | None = None
    """The network's address of the device (a Z-Wave node ID), when known."""

    @classmethod
    def create(
        cls,
        device: DeviceId,
        status: EntryStatus,
        at: datetime,
        details: str | None = None,
        node_id: int | None = None,
    ) -> StatusReport:
        """Create a report with a fresh event id."""
        return cls(str(uuid.uuid4()), device, status, at, details, node_id)

    def as_json(self) -> dict[str, Any]:
        """Return the report as a JSON object, time in RFC 3339."""
        data: dict[str, Any] = {"event_id": self.event_id}
        if self.device.technology is Technology.ZIGBEE:
            data["ieee"] = self.device.text
        else:
            data |= {
                "technology": self.device.technology.value,
                "dsk": self.device.text,
            }
        data |= {
            "status": str(self.status),
            "at": self.at.astimezone(UTC).isoformat(),
        }
        if self.details is not None:
            data["details"] = self.details
        if self.node_id is not None:
            data["node_id"] = self.node_id
        return data


class Provider(ABC):
    """A source of provisioning entries.

    Lower precedence wins when several providers state the same device.
    """

    provider_id: str
    title: str
    precedence: int = 100
    reports_status: bool = False

    def __init__(
        self,
        *,
        provider_id: str | None = None,
        title: str | None = None,
        precedence: int | None = None,
        reports_status: bool | None = None,
    ) -> None:
        """Initialize; arguments given override the class attributes."""
        if provider_id is not None:
            self.provider_id = provider_id
        if title is not None:
            self.title = title
        if precedence is not None:
            self.precedence = precedence
        if reports_status is not None:
            self.reports_status = reports_status
        self._listeners = Listeners(f"provider {self.provider_id}")

    @abstractmethod
    def entries(self) -> Mapping[DeviceId, ProvisioningEntry]:
        """Return the entries as stated by the provider (pending or revoked)."""

    async def async_report_status(self, report: StatusReport) -> None:  # noqa: B027
        """Send a status change back to the provider; nothing by default."""

    def add_listener(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call back when the entries change; return the unsubscribe function."""
        return self._listeners.add(callback)

    def _notify_listeners(self) -> None:
        """Tell every listener that the entries changed."""
        self._listeners.notify()
