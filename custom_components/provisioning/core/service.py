"""The merged provisioning list of all providers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
import logging
from types import MappingProxyType
from typing import Any

from .entry import EntryStatus, ProvisioningEntry
from .errors import EntryNotFoundError
from .identity import DeviceId
from .listeners import Listeners
from .provider import Provider, StatusReport
from .status import HubStatus, hub_statuses_from_storage

_LOGGER = logging.getLogger(__name__)


def _utcnow() -> datetime:
    return datetime.now(UTC)


async def _async_report(provider: Provider, report: StatusReport) -> None:
    """Hand a report to its provider; a failing provider is logged, never raised."""
    try:
        await provider.async_report_status(report)
    except Exception as err:
        _LOGGER.warning(
            "Provider %s failed to take the status of %s: %s",
            provider.provider_id,
            report.device,
            type(err).__name__,
        )


@dataclass(frozen=True, slots=True)
class Conflict:
    """Providers stating different keys for the same device."""

    device: DeviceId
    provider_ids: tuple[str, ...]


type _Owned = tuple[Provider, ProvisioningEntry]


class ProvisioningService:
    """Merge the entries of all providers and keep the hub-side status.

    For each device the provider with the lowest precedence wins. A
    revocation stated by any provider wins over everything. Providers stating
    different secrets make a conflict: the device is left out, never guessed.
    """

    def __init__(
        self,
        *,
        now: Callable[[], datetime] = _utcnow,
        statuses: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        """Initialize, restoring hub statuses from ``statuses_to_storage``."""
        self._now = now
        self._providers: dict[str, Provider] = {}
        self._unsubscribers: dict[str, Callable[[], None]] = {}
        self._statuses = hub_statuses_from_storage(statuses or {})
        self._listeners = Listeners("the provisioning service")
        self._merged: tuple[dict[DeviceId, _Owned], list[Conflict]] | None = None
        self._node_ids: dict[DeviceId, int] = {}

    def _changed(self) -> None:
        """Forget the merged view and tell the listeners."""
        self._merged = None
        self._listeners.notify()

    @property
    def providers(self) -> Mapping[str, Provider]:
        """Return the providers by id, read-only."""
        return MappingProxyType(self._providers)

    def add_provider(self, provider: Provider) -> Callable[[], None]:
        """Add a provider; return the function that removes it again."""
        provider_id = provider.provider_id
        if provider_id in self._providers:
            raise ValueError(f"Provider {provider_id} is already added")
        self._providers[provider_id] = provider
        self._unsubscribers[provider_id] = provider.add_listener(self._changed)
        self._changed()

        def remove() -> None:
            if self._providers.get(provider_id) is provider:
                self.remove_provider(provider_id)

        return remove

    def remove_provider(self, provider_id: str) -> None:
        """Remove a provider, if added."""
        if self._providers.pop(provider_id, None) is None:
            return
        self._unsubscribers.pop(provider_id)()
        self._changed()

    def add_listener(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call back when the merged list changes; return the unsubscribe."""
        return self._listeners.add(callback)

    def entries(self) -> list[ProvisioningEntry]:
        """Return the merged entries, without conflicted devices."""
        merged, _ = self._merge()
        return [entry for _, entry in merged.values()]

    def get(self, device: DeviceId) -> ProvisioningEntry | None:
        """Return the merged entry of a device, None if absent or conflicted."""
        owned = self._merge()[0].get(device)
        return None if owned is None else owned[1]

    def pending(self) -> list[ProvisioningEntry]:
        """Return the entries still waiting to be admitted."""
        return [e for e in self.entries() if e.status is EntryStatus.PENDING]

    def conflicts(self) -> list[Conflict]:
        """Return the devices with conflicting keys."""
        return list(self._merge()[1])

    def set_node_id(self, device: DeviceId, node_id: int | None) -> None:
        """Note the network's address of a device (a Z-Wave node ID); the
        reports of its statuses carry it from then on. None forgets it."""
        if node_id is None:
            self._node_ids.pop(device, None)
        else:
            self._node_ids[device] = node_id

    def node_id(self, device: DeviceId) -> int | None:
        """Return the network's address noted for a device, if any."""
        return self._node_ids.get(device)

    async def async_set_status(
        self,
        device: DeviceId,
        status: EntryStatus,
        *,
        reason: str | None = None,
        details: str | None = None,
        node_id: int | None = None,
    ) -> ProvisioningEntry:
        """Set the hub-side status and report it to the owning provider.

        ``node_id`` (the network's address of the device) is noted as by
        ``set_node_id``; the report carries the address noted for the device.
        """
        if node_id is not None:
            self._node_ids[device] = node_id
        owned = self._merge()[0].get(device)
        if owned is None:
            raise EntryNotFoundError(str(device))
        provider, entry = owned
        at = self._now()
        hub = self._statuses[device] = HubStatus(EntryStatus(status), reason, at)
        if entry.status is not EntryStatus.REVOKED:
            entry = hub.apply(entry)
        self._changed()
        if provider.reports_status:
            await _async_report(
                provider,
                StatusReport.create(
                    device,
                    EntryStatus(status),
                    at,
                    details,
                    node_id=self._node_ids.get(device),
                ),
            )
        return entry

    async def async_set_statuses(
        self,
        devices: Iterable[DeviceId],
        status: EntryStatus,
        *,
        reason: str | None = None,
    ) -> None:
        """Set the same hub-side status on many entries, notifying listeners once."""
        owned = self._merge()[0]
        at = self._now()
        reports: list[tuple[Provider, StatusReport]] = []
        for device in devices:
            if (found := owned.get(device)) is None:
                raise EntryNotFoundError(str(device))
            provider = found[0]
            self._statuses[device] = HubStatus(EntryStatus(status), reason, at)
            if provider.reports_status:
                reports.append(
                    (
                        provider,
                        StatusReport.create(
                            device,
                            EntryStatus(status),
                            at,
                            None,
                            node_id=self._node_ids.get(device),
                        ),
                    )
                )
        self._changed()
        for provider, report in reports:
            await _async_report(provider, report)

    def clear_status(self, device: DeviceId) -> None:
        """Forget the hub-side status of a device."""
        if self._statuses.pop(device, None) is not None:
            self._changed()

    def statuses_to_storage(self) -> dict[str, dict[str, Any]]:
        """Return the hub statuses as JSON-safe data."""
        return {str(device): hub.to_storage() for device, hub in self._statuses.items()}

    def _merge(self) -> tuple[dict[DeviceId, _Owned], list[Conflict]]:
        """Return the merged view, merging again only after a change."""
        if self._merged is None:
            self._merged = self._merge_providers()
        return self._merged

    def _merge_providers(self) -> tuple[dict[DeviceId, _Owned], list[Conflict]]:
        """Merge all providers into owned entries and conflicts."""
        stated: defaultdict[DeviceId, list[_Owned]] = defaultdict(list)
        for provider in sorted(
            self._providers.values(), key=lambda p: (p.precedence, p.provider_id)
        ):
            for stated_entry in provider.entries().values():
                entry = stated_entry
                if entry.provider_id != provider.provider_id:
                    entry = replace(entry, provider_id=provider.provider_id)
                stated[entry.device].append((provider, entry))

        merged: dict[DeviceId, _Owned] = {}
        conflicts: list[Conflict] = []
        for device in sorted(stated, key=str):
            owners = stated[device]
            revoking = [o for o in owners if o[1].status is EntryStatus.REVOKED]
            if revoking:
                merged[device] = revoking[0]
                continue
            provider, entry = owners[0]
            if not all(entry.credential.same_key(o[1].credential) for o in owners[1:]):
                conflicts.append(
                    Conflict(device, tuple(o[0].provider_id for o in owners))
                )
                continue
            if (hub := self._statuses.get(device)) is not None:
                entry = hub.apply(entry)
            merged[device] = (provider, entry)
        return merged, conflicts
