"""Provisioned entries the radio adapters' tests load into a window.

Rule: entry(index) has IEEE ``00:11:22:33:44:55:66:<index>`` and the link key
of 16 bytes ``index``, so that a virtual device made from the same index
carries the matching key.
"""

from __future__ import annotations

from datetime import UTC, datetime

from zigpy.types import EUI64

from custom_components.provisioning.core import LinkKey, ProvisioningEntry
from custom_components.provisioning.core.zigbee.identity import zigbee_id

NOW = datetime(2026, 11, 25, tzinfo=UTC)


def entry(index: int) -> ProvisioningEntry:
    """A provisioned entry with a link key."""
    return ProvisioningEntry(
        device=zigbee_id(EUI64.convert(f"00:11:22:33:44:55:66:{index:02x}")),
        credential=LinkKey(bytes([index]) * 16),
        provider_id="local",
        created_at=NOW,
        updated_at=NOW,
    )
