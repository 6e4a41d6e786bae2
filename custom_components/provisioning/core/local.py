"""Entries added by hand in Home Assistant."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from .entry import ProvisioningEntry
from .errors import DuplicateEntryError, EntryNotFoundError
from .identity import DeviceId
from .provider import Provider

LOCAL_PROVIDER_ID = "local"


class LocalProvider(Provider):
    """An in-memory provider of hand-made entries."""

    provider_id = LOCAL_PROVIDER_ID
    title = "Local"
    precedence = 0

    def __init__(
        self,
        *,
        provider_id: str | None = None,
        title: str | None = None,
        precedence: int | None = None,
    ) -> None:
        """Initialize an empty provider."""
        super().__init__(provider_id=provider_id, title=title, precedence=precedence)
        self._entries: dict[DeviceId, ProvisioningEntry] = {}

    def entries(self) -> Mapping[DeviceId, ProvisioningEntry]:
        """Return the entries, read-only."""
        return MappingProxyType(self._entries)

    def set_entries(self, entries: Iterable[ProvisioningEntry]) -> None:
        """Replace all entries."""
        new: dict[DeviceId, ProvisioningEntry] = {}
        for entry in entries:
            if entry.device in new:
                raise DuplicateEntryError(str(entry.device))
            new[entry.device] = entry
        if new != self._entries:
            self._entries = new
            self._notify_listeners()

    def add(self, entry: ProvisioningEntry) -> None:
        """Add an entry for a new device."""
        if entry.device in self._entries:
            raise DuplicateEntryError(str(entry.device))
        self._entries[entry.device] = entry
        self._notify_listeners()

    def update(self, entry: ProvisioningEntry) -> None:
        """Replace the entry of the same device."""
        if entry.device not in self._entries:
            raise EntryNotFoundError(str(entry.device))
        self._entries[entry.device] = entry
        self._notify_listeners()

    def remove(self, device: DeviceId) -> None:
        """Remove the entry of a device."""
        if self._entries.pop(device, None) is None:
            raise EntryNotFoundError(str(device))
        self._notify_listeners()
