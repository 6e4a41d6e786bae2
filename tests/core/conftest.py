"""Fixtures of the domain tests, which run without Home Assistant."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from zigpy.types import EUI64

from custom_components.provisioning.core import (
    InstallCode,
    LinkKey,
    ProvisioningEntry,
    crc16_x25,
)
from custom_components.provisioning.core.zigbee.identity import zigbee_id

T0 = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
AN1089_CODE = bytes.fromhex("83FED3407A939723A5C639B26916D505C3B5")
AN1089_KEY = bytes.fromhex("66B6900981E1EE3CA4206B6B861C02BB")
IEEE = EUI64.convert("00:11:22:33:44:55:66:77")


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """Override the Home Assistant fixture: the domain needs no hass."""


def with_crc(data: bytes) -> bytes:
    """Return data followed by its install code CRC."""
    return data + crc16_x25(data)


class Clock:
    """A clock moving forward one second per reading."""

    def __init__(self) -> None:
        """Start at T0."""
        self.now = T0

    def __call__(self) -> datetime:
        """Return the next time."""
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def clock() -> Clock:
    """Return a fake clock."""
    return Clock()


def make_entry(
    ieee: str | EUI64 = IEEE,
    credential: InstallCode | LinkKey | None = None,
    provider_id: str = "local",
    **kwargs: object,
) -> ProvisioningEntry:
    """Build an entry with defaults."""
    if isinstance(ieee, str):
        ieee = EUI64.convert(ieee)
    return ProvisioningEntry(
        device=zigbee_id(ieee),
        credential=credential or InstallCode(AN1089_CODE),
        provider_id=provider_id,
        created_at=T0,
        updated_at=T0,
        **kwargs,  # type: ignore[arg-type]
    )


EntryFactory = Callable[..., ProvisioningEntry]
