"""Providers, status reports and the radio interface."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta, timezone
import uuid

from zigpy.types import EUI64

from custom_components.provisioning.core import (
    DeviceId,
    EntryStatus,
    Provider,
    ProvisioningEntry,
    RadioAdapter,
    StatusReport,
    Technology,
    WindowResult,
)
from custom_components.provisioning.core.zigbee.identity import zigbee_id

from .conftest import IEEE, T0, make_entry

MASKED_DSK = "xxxxx-23456-34567-45678-56789-01234-12345-23456"


class StaticProvider(Provider):
    """A provider with fixed entries."""

    provider_id = "static"
    title = "Static"

    def entries(self) -> Mapping[EUI64, ProvisioningEntry]:
        """Return one entry."""
        return {IEEE: make_entry(provider_id=self.provider_id)}


def test_provider_defaults() -> None:
    """Providers lose to the local one and report nothing by default."""
    provider = StaticProvider()
    assert provider.precedence == 100
    assert provider.reports_status is False
    other = StaticProvider(
        provider_id="x", title="X", precedence=3, reports_status=True
    )
    assert (other.provider_id, other.title, other.precedence) == ("x", "X", 3)
    assert other.reports_status is True
    assert provider.provider_id == "static"


async def test_default_report_is_a_no_op() -> None:
    """The base provider accepts status reports silently."""
    await StaticProvider().async_report_status(
        StatusReport.create(zigbee_id(IEEE), EntryStatus.JOINED, T0)
    )


def test_status_report_json() -> None:
    """Reports serialize to the documented JSON object, in UTC RFC 3339."""
    report = StatusReport.create(zigbee_id(IEEE), EntryStatus.JOINED, T0)
    assert uuid.UUID(report.event_id).version == 4
    assert report.as_json() == {
        "event_id": report.event_id,
        "ieee": "00:11:22:33:44:55:66:77",
        "status": "joined",
        "at": "2026-01-02T03:04:05+00:00",
    }
    other = StatusReport(
        "id-1",
        zigbee_id(IEEE),
        EntryStatus.FAILED,
        T0.astimezone(timezone(timedelta(hours=-5))),
        "timeout",
    )
    assert other.as_json() == {
        "event_id": "id-1",
        "ieee": "00:11:22:33:44:55:66:77",
        "status": "failed",
        "at": "2026-01-02T03:04:05+00:00",
        "details": "timeout",
    }
    assert StatusReport.create(zigbee_id(IEEE), EntryStatus.JOINED, T0).event_id != (
        report.event_id
    )


class FakeRadio:
    """A radio adapter following the protocol."""

    enforces_provisioned_only = True

    def __init__(self) -> None:
        """Start closed."""
        self.open = False

    async def async_open_window(
        self, entries: Sequence[ProvisioningEntry], duration: int
    ) -> WindowResult:
        """Load every key."""
        self.open = True
        return WindowResult(tuple(e.device for e in entries), (), enforced=True)

    async def async_close_window(self) -> None:
        """Close."""
        self.open = False

    async def async_remove_device(self, ieee: EUI64) -> None:
        """Do nothing."""


async def test_radio_protocol() -> None:
    """A structural radio adapter satisfies the protocol."""
    radio: RadioAdapter = FakeRadio()
    result = await radio.async_open_window([make_entry()], 60)
    assert result == WindowResult((zigbee_id(IEEE),), (), True)
    await radio.async_close_window()
    await radio.async_remove_device(zigbee_id(IEEE))
    assert radio.enforces_provisioned_only


def test_status_report_carries_the_node_id_when_known() -> None:
    """A report states the network's address of the device only when set."""
    device = DeviceId(Technology.ZWAVE, MASKED_DSK)
    report = StatusReport.create(device, EntryStatus.JOINED, T0, node_id=7)
    assert report.as_json() == {
        "event_id": report.event_id,
        "technology": "zwave",
        "dsk": MASKED_DSK,
        "status": "joined",
        "at": "2026-01-02T03:04:05+00:00",
        "node_id": 7,
    }
    assert (
        "node_id" not in StatusReport.create(device, EntryStatus.JOINED, T0).as_json()
    )
    zigbee = StatusReport.create(zigbee_id(IEEE), EntryStatus.JOINED, T0, node_id=None)
    assert "node_id" not in zigbee.as_json()
