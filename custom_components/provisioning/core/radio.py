"""The interface of radio adapters that admit provisioned devices, whatever
the technology (Zigbee's are in ``core.zigbee``).

A window is opened once with the keys it starts with; the admission state
machine then calls ``async_maintain`` at least once a second while it is open.
Maintenance is where an adapter keeps its promises over time: it renews the
permit before it ends, re-imports keys before the radio drops them, checks
that the radio still admits provisioned devices only (for Zigbee, the
trust center's install-code-only policy), and re-establishes
the window when the radio was reset or reconnected underneath it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from .entry import ProvisioningEntry
from .identity import DeviceId


@dataclass(frozen=True)
class WindowResult:
    """What a radio did when opening a join window."""

    loaded: tuple[DeviceId, ...]
    """Devices whose keys the radio holds for this window."""
    waiting: tuple[DeviceId, ...]
    """Devices left out, for instance because the radio's key table is full."""
    enforced: bool
    """Whether the radio refuses devices without a provisioned key."""


@dataclass(frozen=True)
class Maintenance:
    """What one maintenance pass of an open window found and did."""

    policy_found: int | None = None
    """A policy found in place of provisioned-only admission, then re-asserted."""
    reestablished: bool = False
    """The radio was reset or reconnected; keys, policy, permit and guard are back."""
    keys_refreshed: int = 0
    """Keys imported again before the radio's lifetime for them ran out."""
    foreign_permit_ended: bool = False
    """Someone else's permit ended; provisioned-only admission holds again."""


class RadioLostError(Exception):
    """The radio's connection is gone; the window cannot be held."""


class RadioAdapter(Protocol):
    """A radio able to admit devices by their provisioned credentials."""

    enforces_provisioned_only: bool
    """The radio refuses devices without a provisioned credential."""
    guard_foreign_permits: bool
    """Keep provisioned-only admission through permits others open (True), or let them run."""

    async def async_open_window(
        self, entries: Sequence[ProvisioningEntry], duration: float | None
    ) -> WindowResult:
        """Load the keys of entries and let them join; None: until closed."""

    async def async_set_keys(
        self, entries: Sequence[ProvisioningEntry]
    ) -> WindowResult:
        """Make the open window hold exactly the keys of entries."""

    async def async_maintain(self) -> Maintenance:
        """Keep the open window as promised; raise RadioLostError if impossible."""

    async def async_close_window(self) -> None:
        """Stop joins and unload keys that are no longer needed."""

    async def async_clear_leftovers(self) -> None:
        """Remove keys and a provisioned-only policy an earlier run left behind."""

    async def async_remove_device(self, device: DeviceId) -> None:
        """Remove a device from the network."""
