"""The interface of radio adapters that admit provisioned devices."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from zigpy.types import EUI64

from .entry import ProvisioningEntry


@dataclass(frozen=True)
class WindowResult:
    """What a radio did when opening a join window."""

    loaded: tuple[EUI64, ...]
    """Devices whose keys the radio holds for this window."""
    waiting: tuple[EUI64, ...]
    """Devices left out, for instance because the radio's key table is full."""
    enforced: bool
    """Whether the radio refuses devices without a provisioned key."""


class RadioAdapter(Protocol):
    """A Zigbee radio able to admit devices by their provisioned keys."""

    enforces_install_code_only: bool

    async def async_open_window(
        self, entries: Sequence[ProvisioningEntry], duration: int
    ) -> WindowResult:
        """Load the keys of entries and let them join for duration seconds."""

    async def async_close_window(self) -> None:
        """Stop joins and unload keys that are no longer needed."""

    async def async_remove_device(self, ieee: EUI64) -> None:
        """Remove a device from the network."""
