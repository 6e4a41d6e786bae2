"""A provider fed by a central provisioning server, with a persistent outbox.

Rules:

- The list is swapped in only once all of it has arrived and been validated.
- The ETag is kept with the last good list and stored with it, so that the
  first poll after a restart is conditional; if the stored list cannot be read
  back whole, the ETag is dropped and the next poll downloads the list again.
- Invalid entries are reported by their index in the server's list.
- The list stays within ``limits.MAX_LIST_ENTRIES`` distinct devices together
  with the devices other providers list (``listed_elsewhere``): the server's
  entries past the limit, in the server's order, are left out and counted in
  ``SyncResult.over_limit``.
- Storage that was damaged loses only what can't be read: an unreadable
  entry (and with it the ETag), a report without an ``event_id``, a bad time.
- Errors are recorded in ``state.last_error`` as translation keys by the caller
  that runs the polls; nothing here swallows an exception.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any

from .entry import EntryStatus, ProvisioningEntry
from .errors import ProvisioningError
from .identity import DeviceId
from .limits import ListFullError, ListRoom
from .provider import Provider, StatusReport
from .remote_client import (
    FetchResult,
    NotModified,
    RemoteError,
    RemoteProvisioningClient,
)
from .technologies import entry_from_storage, parse_device_code


@dataclass(frozen=True, slots=True)
class SyncResult:
    """What one poll of the server changed."""

    changed: bool
    entries: int
    invalid: tuple[tuple[int, str], ...] = ()
    over_limit: int = 0


@dataclass(slots=True)
class SyncState:
    """The last good list and where it came from, kept across restarts."""

    etag: str | None = None
    revision: int | None = None
    last_success: datetime | None = None
    last_error: str | None = None
    invalid: tuple[tuple[int, str], ...] = ()
    over_limit: int = 0
    outbox: list[dict[str, Any]] = field(default_factory=list)


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


class RemoteProvider(Provider):
    """Entries a supplier or building-management system provisions centrally."""

    title = "Provisioning server"
    precedence = 10
    reports_status = True

    def __init__(
        self,
        provider_id: str,
        title: str,
        client: RemoteProvisioningClient,
        *,
        now: Callable[[], datetime],
    ) -> None:
        """Initialize with no entries."""
        super().__init__(provider_id=provider_id, title=title)
        self.client = client
        self._now = now
        self._entries: Mapping[DeviceId, ProvisioningEntry] = MappingProxyType({})
        self.state = SyncState()
        self.on_outbox: Callable[[], None] | None = None
        self.listed_elsewhere: Callable[[], Set[DeviceId]] = frozenset
        """The devices the other providers of the list hold."""

    def entries(self) -> Mapping[DeviceId, ProvisioningEntry]:
        """Return the last good list."""
        return self._entries

    def restore(self, data: Mapping[str, Any]) -> None:
        """Restore the last good list and the outbox from storage."""
        entries: dict[DeviceId, ProvisioningEntry] = {}
        complete = True
        for item in data.get("entries", []):
            try:
                entry = entry_from_storage(item)
            except KeyError, TypeError, ValueError, AttributeError:
                complete = False
                continue
            entries[entry.device] = entry
        self._entries = MappingProxyType(entries)
        etag = data.get("etag")
        revision = data.get("revision")
        self.state = SyncState(
            etag=etag if complete and isinstance(etag, str) else None,
            revision=revision if isinstance(revision, int) else None,
            last_success=_parse_time(data.get("last_success")),
            outbox=[
                event
                for event in data.get("outbox", [])
                if isinstance(event, dict) and isinstance(event.get("event_id"), str)
            ],
        )
        self._notify_listeners()

    def to_storage(self) -> dict[str, Any]:
        """Return the list, the sync state and the outbox for storage."""
        state = self.state
        return {
            "entries": [entry.to_storage() for entry in self._entries.values()],
            "etag": state.etag,
            "revision": state.revision,
            "last_success": state.last_success.isoformat()
            if state.last_success
            else None,
            "outbox": state.outbox,
        }

    async def async_sync(self, *, wait: int | None = None) -> SyncResult:
        """Fetch the list; swap it in only once all of it is validated.

        With ``wait``, and an ETag to compare with, the request is a long poll.
        """
        etag = self.state.etag
        try:
            result = await self.client.async_fetch_devices(
                etag, wait=wait if etag is not None else None
            )
        except RemoteError as err:
            self.state.last_error = err.translation_key
            raise
        now = self._now()
        self.state.last_success = now
        self.state.last_error = None
        if isinstance(result, NotModified):
            return SyncResult(changed=False, entries=len(self._entries))
        entries, invalid, over_limit = self._validate(result, now)
        self.state.etag = result.etag
        self.state.revision = result.revision
        self.state.invalid = invalid
        self.state.over_limit = over_limit
        changed = entries != dict(self._entries)
        self._entries = MappingProxyType(entries)
        if changed:
            self._notify_listeners()
        return SyncResult(
            changed=changed,
            entries=len(entries),
            invalid=invalid,
            over_limit=over_limit,
        )

    def _validate(
        self, result: FetchResult, now: datetime
    ) -> tuple[dict[DeviceId, ProvisioningEntry], tuple[tuple[int, str], ...], int]:
        invalid = list(result.invalid)
        entries: dict[DeviceId, ProvisioningEntry] = {}
        previous = self._entries
        room = ListRoom(set(self.listed_elsewhere()))
        over_limit = 0
        for device in result.devices:
            try:
                scanned = parse_device_code(
                    ieee=device.ieee,
                    install_code=device.install_code,
                    link_key=device.link_key,
                    dsk=device.dsk,
                    security_classes=device.security_classes,
                )
            except ProvisioningError as err:
                invalid.append((device.index, err.translation_key))
                continue
            try:
                room.take(scanned.device)
            except ListFullError:
                over_limit += 1
                continue
            old = previous.get(scanned.device)
            entries[scanned.device] = ProvisioningEntry(
                device=scanned.device,
                credential=scanned.credential,
                provider_id=self.provider_id,
                name=device.name,
                area=device.area,
                manufacturer=device.manufacturer,
                model=device.model,
                status=EntryStatus.REVOKED
                if device.state == "revoked"
                else EntryStatus.PENDING,
                created_at=old.created_at if old else now,
                updated_at=old.updated_at if old else now,
            )
        return entries, tuple(sorted(invalid)), over_limit

    async def async_report_status(self, report: StatusReport) -> None:
        """Queue a status report; the outbox is sent until acknowledged."""
        self.state.outbox.append(report.as_json())
        if self.on_outbox is not None:
            self.on_outbox()

    async def async_flush_outbox(self) -> int:
        """Send queued reports; keep what the server did not acknowledge."""
        if not self.state.outbox:
            return 0
        pending = list(self.state.outbox)
        accepted = await self.client.async_post_events(pending)
        self.state.outbox = [
            event for event in self.state.outbox if event["event_id"] not in accepted
        ]
        return len(pending) - len(self.state.outbox)
