"""Entries of the provisioning list, whatever the technology.

Rules:

- An entry names its device (``DeviceId``: technology and public id) and holds
  its ``Credential``; nothing here knows a technology's codes or radios.
- ``as_public_dict`` never holds a secret; ``to_storage`` is for persistence
  only, and is read back by ``core.technologies.entry_from_storage``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from .credential import Credential
from .identity import DeviceId, Technology


class EntryStatus(StrEnum):
    """Where a device stands in its provisioning."""

    PENDING = "pending"
    ADMITTING = "admitting"
    JOINED = "joined"
    FAILED = "failed"
    REVOKED = "revoked"


def _utc(value: datetime) -> datetime:
    """Return an aware datetime in UTC; naive ones are refused."""
    if value.tzinfo is None:
        raise ValueError("Timestamps must be timezone aware")
    return value.astimezone(UTC)


@dataclass(frozen=True, slots=True, kw_only=True)
class ProvisioningEntry:
    """A device allowed on the network, with its credential."""

    device: DeviceId
    credential: Credential
    provider_id: str
    name: str | None = None
    area: str | None = None
    manufacturer: str | None = None
    model: str | None = None
    status: EntryStatus = EntryStatus.PENDING
    status_reason: str | None = None
    created_at: datetime
    updated_at: datetime

    def __post_init__(self) -> None:
        """Normalize the status and the timestamps."""
        object.__setattr__(self, "status", EntryStatus(self.status))
        object.__setattr__(self, "created_at", _utc(self.created_at))
        object.__setattr__(self, "updated_at", _utc(self.updated_at))

    @property
    def technology(self) -> Technology:
        """Return the radio technology of the device."""
        return self.device.technology

    def with_status(
        self, status: EntryStatus, reason: str | None, at: datetime
    ) -> ProvisioningEntry:
        """Return a copy with another status, updated at the given time."""
        return replace(self, status=status, status_reason=reason, updated_at=at)

    def as_public_dict(self) -> dict[str, Any]:
        """Return a JSON-safe description without the key."""
        return {
            "technology": self.device.technology.value,
            "id": self.device.text,
            "key_type": self.credential.kind,
            "name": self.name,
            "area": self.area,
            "manufacturer": self.manufacturer,
            "model": self.model,
            "provider": self.provider_id,
            "status": self.status.value,
            "status_reason": self.status_reason,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
        } | self.credential.public()

    def to_storage(self) -> dict[str, Any]:
        """Return a JSON-safe dict with the key, for persistence only."""
        data = self.as_public_dict()
        for public in ("provider", "key_type", *self.credential.public()):
            data.pop(public, None)
        return data | {
            "credential": self.credential.to_storage(),
            "provider_id": self.provider_id,
        }
