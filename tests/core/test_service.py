"""The merged provisioning service."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
import json
import logging

import pytest
from zigpy.types import EUI64

from custom_components.provisioning.core import (
    Conflict,
    EntryNotFoundError,
    EntryStatus,
    InstallCode,
    LinkKey,
    LocalProvider,
    Provider,
    ProvisioningEntry,
    ProvisioningService,
    StatusReport,
)
from custom_components.provisioning.core.zigbee.identity import ieee_of, zigbee_id

from .conftest import AN1089_CODE, AN1089_KEY, IEEE, T0, Clock, make_entry

OTHER = EUI64.convert("00:11:22:33:44:55:66:88")
OTHER_KEY = LinkKey(bytes(range(16)))


class RemoteProvider(Provider):
    """A provider whose entries the test sets, reporting statuses."""

    title = "Remote"

    def __init__(
        self,
        provider_id: str = "remote",
        *,
        precedence: int = 10,
        reports_status: bool = True,
        fail: bool = False,
    ) -> None:
        """Initialize empty."""
        super().__init__(
            provider_id=provider_id,
            precedence=precedence,
            reports_status=reports_status,
        )
        self._entries: dict[EUI64, ProvisioningEntry] = {}
        self.reports: list[StatusReport] = []
        self.fail = fail

    def entries(self) -> Mapping[EUI64, ProvisioningEntry]:
        """Return the entries."""
        return self._entries

    def set(self, *entries: ProvisioningEntry) -> None:
        """Replace the entries and notify."""
        self._entries = {e.device: e for e in entries}
        self._notify_listeners()

    async def async_report_status(self, report: StatusReport) -> None:
        """Record the report, or fail."""
        if self.fail:
            raise RuntimeError(f"server said no to {AN1089_KEY.hex()}")
        self.reports.append(report)


@pytest.fixture
def service(clock: Clock) -> ProvisioningService:
    """Return a service with a fake clock."""
    return ProvisioningService(now=clock)


def test_merge_by_precedence(service: ProvisioningService) -> None:
    """The same key from several providers: lowest precedence wins."""
    local = LocalProvider()
    remote = RemoteProvider()
    service.add_provider(remote)
    service.add_provider(local)
    remote.set(
        make_entry(credential=LinkKey(AN1089_KEY), name="remote"), make_entry(OTHER)
    )
    local.add(make_entry(name="local"))

    entries = service.entries()
    assert [ieee_of(e) for e in entries] == [IEEE, OTHER]
    assert entries[0].name == "local"
    assert entries[0].provider_id == "local"
    # Entries are attributed to the provider stating them.
    assert entries[1].provider_id == "remote"
    assert service.conflicts() == []
    assert service.get(zigbee_id(OTHER)) == entries[1]
    assert service.get(zigbee_id(EUI64.convert("ff:ff:ff:ff:ff:ff:ff:00"))) is None
    assert service.pending() == entries
    assert set(service.providers) == {"local", "remote"}


def test_same_precedence_is_ordered_by_id(service: ProvisioningService) -> None:
    """Ties are broken by provider id, so the result is stable."""
    first = RemoteProvider("a")
    second = RemoteProvider("b")
    service.add_provider(second)
    service.add_provider(first)
    second.set(make_entry(name="b"))
    first.set(make_entry(name="a"))
    assert service.entries()[0].name == "a"


def test_conflict_and_resolution(service: ProvisioningService) -> None:
    """Different keys are a conflict until one provider drops the device."""
    local = LocalProvider()
    remote = RemoteProvider()
    service.add_provider(local)
    service.add_provider(remote)
    local.add(make_entry())
    remote.set(make_entry(credential=OTHER_KEY), make_entry(OTHER))

    assert service.conflicts() == [Conflict(zigbee_id(IEEE), ("local", "remote"))]
    assert [ieee_of(e) for e in service.entries()] == [OTHER]
    assert service.get(zigbee_id(IEEE)) is None
    assert [ieee_of(e) for e in service.pending()] == [OTHER]

    remote.set(make_entry(OTHER))
    assert service.conflicts() == []
    assert service.get(zigbee_id(IEEE)) is not None
    assert service.get(zigbee_id(IEEE)).provider_id == "local"  # type: ignore[union-attr]


def test_revoked_wins(service: ProvisioningService) -> None:
    """A revocation by any provider wins, even over a conflict and hub status."""
    local = LocalProvider()
    remote = RemoteProvider()
    service.add_provider(local)
    service.add_provider(remote)
    local.add(make_entry())
    remote.set(
        make_entry(
            credential=OTHER_KEY, status=EntryStatus.REVOKED, status_reason="stolen"
        )
    )
    entry = service.get(zigbee_id(IEEE))
    assert entry is not None
    assert entry.status is EntryStatus.REVOKED
    assert entry.status_reason == "stolen"
    assert entry.provider_id == "remote"
    assert service.conflicts() == []
    assert service.pending() == []


async def test_hub_status_cannot_override_revocation(
    service: ProvisioningService,
) -> None:
    """Setting a hub status on a revoked device keeps it revoked."""
    remote = RemoteProvider()
    service.add_provider(remote)
    remote.set(make_entry(status=EntryStatus.REVOKED))
    entry = await service.async_set_status(zigbee_id(IEEE), EntryStatus.JOINED)
    assert entry.status is EntryStatus.REVOKED
    assert service.get(zigbee_id(IEEE)).status is EntryStatus.REVOKED  # type: ignore[union-attr]
    assert remote.reports[0].status is EntryStatus.JOINED


async def test_set_status_reports_only_to_reporting_providers(
    service: ProvisioningService, clock: Clock
) -> None:
    """Only providers that report statuses are told."""
    silent = RemoteProvider("silent", reports_status=False)
    loud = RemoteProvider("loud")
    service.add_provider(silent)
    service.add_provider(loud)
    silent.set(make_entry())
    loud.set(make_entry(OTHER))

    entry = await service.async_set_status(
        zigbee_id(IEEE), EntryStatus.ADMITTING, reason="window", details="d"
    )
    assert entry.status is EntryStatus.ADMITTING
    assert entry.status_reason == "window"
    assert entry.updated_at == clock.now
    assert entry.created_at == T0
    assert silent.reports == []

    entry = await service.async_set_status(
        zigbee_id(OTHER), EntryStatus.JOINED, details="ok"
    )
    assert service.get(zigbee_id(OTHER)) == entry
    [report] = loud.reports
    assert ieee_of(report.device) == OTHER
    assert report.status is EntryStatus.JOINED
    assert report.at == clock.now
    assert report.details == "ok"
    assert service.pending() == []


async def test_set_status_unknown_device(service: ProvisioningService) -> None:
    """Unknown and conflicted devices have no status to set."""
    with pytest.raises(EntryNotFoundError) as exc_info:
        await service.async_set_status(zigbee_id(IEEE), EntryStatus.JOINED)
    assert exc_info.value.placeholders == {"ieee": "00:11:22:33:44:55:66:77"}


async def test_provider_error_is_swallowed(
    service: ProvisioningService, caplog: pytest.LogCaptureFixture
) -> None:
    """A failing provider is logged without secrets, never raised."""
    remote = RemoteProvider(fail=True)
    service.add_provider(remote)
    remote.set(make_entry())
    with caplog.at_level(logging.DEBUG):
        entry = await service.async_set_status(zigbee_id(IEEE), EntryStatus.FAILED)
    assert entry.status is EntryStatus.FAILED
    assert "RuntimeError" in caplog.text
    assert "00:11:22:33:44:55:66:77" in caplog.text
    for secret in (AN1089_KEY.hex(), AN1089_CODE.hex()):
        assert secret not in caplog.text.lower()


async def test_listeners(service: ProvisioningService) -> None:
    """Listeners hear provider changes, provider removal and status changes."""
    calls: list[None] = []
    unsubscribe = service.add_listener(lambda: calls.append(None))
    local = LocalProvider()
    remove = service.add_provider(local)
    assert len(calls) == 1
    local.add(make_entry())
    assert len(calls) == 2
    await service.async_set_status(zigbee_id(IEEE), EntryStatus.JOINED)
    assert len(calls) == 3
    service.clear_status(zigbee_id(IEEE))
    service.clear_status(zigbee_id(IEEE))
    assert len(calls) == 4
    assert service.get(zigbee_id(IEEE)).status is EntryStatus.PENDING  # type: ignore[union-attr]

    remove()
    assert len(calls) == 5
    assert service.providers == {}
    remove()
    service.remove_provider("local")
    local.add(make_entry(OTHER))
    assert len(calls) == 5

    unsubscribe()
    service.add_provider(local)
    assert len(calls) == 5


def test_remove_returned_by_stale_add_keeps_new_provider(
    service: ProvisioningService,
) -> None:
    """Removing an old registration does not remove a newer one with its id."""
    old = LocalProvider()
    remove_old = service.add_provider(old)
    service.remove_provider("local")
    new = LocalProvider()
    service.add_provider(new)
    remove_old()
    assert service.providers["local"] is new


def test_duplicate_provider_id(service: ProvisioningService) -> None:
    """Provider ids are unique."""
    service.add_provider(LocalProvider())
    with pytest.raises(ValueError, match="already added"):
        service.add_provider(LocalProvider())


async def test_statuses_persist(service: ProvisioningService, clock: Clock) -> None:
    """Hub statuses survive a restart through JSON storage."""
    local = LocalProvider()
    service.add_provider(local)
    local.add(make_entry())
    await service.async_set_status(zigbee_id(IEEE), EntryStatus.JOINED, reason="done")
    stored = json.loads(json.dumps(service.statuses_to_storage()))
    assert stored == {
        "00:11:22:33:44:55:66:77": {
            "status": "joined",
            "reason": "done",
            "at": clock.now.isoformat(),
        }
    }

    restored = ProvisioningService(now=clock, statuses=stored)
    assert restored.statuses_to_storage() == stored
    restored.add_provider(local)
    entry = restored.get(zigbee_id(IEEE))
    assert entry is not None
    assert entry.status is EntryStatus.JOINED
    assert entry.status_reason == "done"
    assert entry.updated_at == T0 + timedelta(seconds=1)


def test_invalid_stored_statuses_are_skipped(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Broken stored statuses are dropped, the rest is kept."""
    service = ProvisioningService(
        statuses={
            "not an ieee": {"status": "joined", "at": T0.isoformat()},
            "00:11:22:33:44:55:66:01": {"status": "nope", "at": T0.isoformat()},
            "00:11:22:33:44:55:66:02": {"status": "joined"},
            "00:11:22:33:44:55:66:03": {"status": "joined", "at": "2026-01-01T00:00"},
            "00:11:22:33:44:55:66:04": None,  # type: ignore[dict-item]
            "00:11:22:33:44:55:66:77": {"status": "failed", "at": T0.isoformat()},
        }
    )
    assert list(service.statuses_to_storage()) == ["00:11:22:33:44:55:66:77"]
    assert caplog.text.count("Skipping an invalid stored status") == 5


def test_default_clock() -> None:
    """Without an injected clock, hub statuses use aware UTC time."""
    service = ProvisioningService()
    assert service._now().tzinfo is not None


def test_install_code_and_its_link_key_agree(service: ProvisioningService) -> None:
    """An install code and the link key derived from it are no conflict."""
    local = LocalProvider()
    remote = RemoteProvider()
    service.add_provider(local)
    service.add_provider(remote)
    local.add(make_entry(credential=InstallCode(AN1089_CODE)))
    remote.set(make_entry(credential=LinkKey(AN1089_KEY)))
    assert service.conflicts() == []
    assert service.get(zigbee_id(IEEE)).credential == InstallCode(AN1089_CODE)  # type: ignore[union-attr]


async def test_set_statuses_in_bulk(
    service: ProvisioningService, caplog: pytest.LogCaptureFixture
) -> None:
    """Many statuses change with one notification; reports still go out."""
    silent = RemoteProvider("silent", reports_status=False)
    loud = RemoteProvider("loud")
    failing = RemoteProvider("failing", fail=True)
    third = EUI64.convert("00:11:22:33:44:55:66:99")
    for provider, entry in ((silent, make_entry()), (loud, make_entry(OTHER))):
        service.add_provider(provider)
        provider.set(entry)
    service.add_provider(failing)
    failing.set(make_entry(third))
    notified: list[None] = []
    service.add_listener(lambda: notified.append(None))

    await service.async_set_statuses(
        [zigbee_id(IEEE), zigbee_id(OTHER), zigbee_id(third)], EntryStatus.ADMITTING
    )
    assert len(notified) == 1
    assert {e.status for e in service.entries()} == {EntryStatus.ADMITTING}
    assert [ieee_of(r.device) for r in loud.reports] == [OTHER]
    assert silent.reports == []
    assert "RuntimeError" in caplog.text

    with pytest.raises(EntryNotFoundError):
        await service.async_set_statuses(
            [EUI64.convert("01:02:03:04:05:06:07:08")], EntryStatus.PENDING
        )


async def test_reports_carry_the_noted_node_id(service: ProvisioningService) -> None:
    """The network's address of a device, once noted (or given with a status),
    goes with every later report of it; forgetting it leaves it out."""
    remote = RemoteProvider()
    service.add_provider(remote)
    remote.set(make_entry(), make_entry(OTHER))
    device = zigbee_id(IEEE)
    await service.async_set_status(device, EntryStatus.ADMITTING)
    service.set_node_id(device, 12)
    assert service.node_id(device) == 12
    await service.async_set_status(device, EntryStatus.JOINED)
    await service.async_set_statuses([device], EntryStatus.PENDING)
    await service.async_set_status(zigbee_id(OTHER), EntryStatus.JOINED, node_id=5)
    service.set_node_id(device, None)
    await service.async_set_status(device, EntryStatus.FAILED)
    assert [(r.status, r.node_id) for r in remote.reports] == [
        (EntryStatus.ADMITTING, None),
        (EntryStatus.JOINED, 12),
        (EntryStatus.PENDING, 12),
        (EntryStatus.JOINED, 5),
        (EntryStatus.FAILED, None),
    ]
    assert remote.reports[3].as_json()["node_id"] == 5
    assert service.node_id(zigbee_id(OTHER)) == 5
