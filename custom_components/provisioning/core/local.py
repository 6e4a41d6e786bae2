"""Entries added by hand in Home Assistant."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from zigpy.types import EUI64

from .entry import ProvisioningEntry
from .errors import DuplicateEntryError, EntryNotFoundError
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
        self._entries: dict[EUI64, ProvisioningEntry] = {}

    def entries(self) -> Mapping[EUI64, ProvisioningEntry]:
        """Return the entries, read-only."""
        return MappingProxyType(self._entries)

    def set_entries(self, entries: Iterable[ProvisioningEntry]) -> None:
        """Replace all entries."""
        new: dict[EUI64, ProvisioningEntry] = {}
        for entry in entries:
            if entry.ieee in new:
                raise DuplicateEntryError(str(entry.ieee))
            new[entry.ieee] = entry
        if new != self._entries:
            self._entries = new
            self._notify_listeners()

    def add(self, entry: ProvisioningEntry) -> None:
        """Add an entry for a new IEEE address."""
        if entry.ieee in self._entries:
            raise DuplicateEntryError(str(entry.ieee))
        self._entries[entry.ieee] = entry
        self._notify_listeners()

    def update(self, entry: ProvisioningEntry) -> None:
        """Replace the entry with the same IEEE address."""
        if entry.ieee not in self._entries:
            raise EntryNotFoundError(str(entry.ieee))
        self._entries[entry.ieee] = entry
        self._notify_listeners()

    def remove(self, ieee: EUI64) -> None:
        """Remove the entry of an IEEE address."""
        if self._entries.pop(ieee, None) is None:
            raise EntryNotFoundError(str(ieee))
        self._notify_listeners()
