"""Entries of the provisioning list."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from zigpy.types import EUI64, KeyData

from .zigbee.codes import Credential, credential_from_storage, parse_ieee


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

    ieee: EUI64
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
    def link_key(self) -> KeyData:
        """Return the link key of the device."""
        return self.credential.link_key

    def with_status(
        self, status: EntryStatus, reason: str | None, at: datetime
    ) -> ProvisioningEntry:
        """Return a copy with another status, updated at the given time."""
        return replace(self, status=status, status_reason=reason, updated_at=at)

    def as_public_dict(self) -> dict[str, Any]:
        """Return a JSON-safe description without the key."""
        return {
            "ieee": str(self.ieee),
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
        }

    def to_storage(self) -> dict[str, Any]:
        """Return a JSON-safe dict with the key, for persistence only."""
        kind, key = self.credential.to_storage()
        data = self.as_public_dict()
        del data["provider"]
        return data | {"key_type": kind, "key": key, "provider_id": self.provider_id}

    @classmethod
    def from_storage(cls, data: dict[str, Any]) -> ProvisioningEntry:
        """Rebuild an entry from ``to_storage`` output."""
        return cls(
            ieee=parse_ieee(data["ieee"]),
            credential=credential_from_storage(data["key_type"], data["key"]),
            provider_id=data["provider_id"],
            name=data.get("name"),
            area=data.get("area"),
            manufacturer=data.get("manufacturer"),
            model=data.get("model"),
            status=EntryStatus(data.get("status", EntryStatus.PENDING)),
            status_reason=data.get("status_reason"),
            created_at=datetime.fromisoformat(data["created_at"]),
            updated_at=datetime.fromisoformat(data["updated_at"]),
        )
