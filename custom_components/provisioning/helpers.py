"""Helpers shared by the services, entities and the panel: open and close windows.

They take any object with an ``admission`` (the coordinator, in practice) and
use nothing else of it, so they import no coordinator.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from .errors import radio_errors

if TYPE_CHECKING:
    from .admission import Admission
    from .core import WindowResult


class HasAdmission(Protocol):
    """What the helpers use of a coordinator."""

    @property
    def admission(self) -> Admission:
        """Return the coordinator's admission."""


async def async_start_pairing(coordinator: HasAdmission, duration: int) -> WindowResult:
    """Open a join window."""
    with radio_errors():
        return await coordinator.admission.async_start(duration)


async def async_stop_pairing(coordinator: HasAdmission) -> None:
    """Close the join window (and turn continuous admission off)."""
    with radio_errors():
        await coordinator.admission.async_stop()


async def async_set_continuous(coordinator: HasAdmission, enabled: bool) -> None:
    """Turn continuous admission on or off."""
    with radio_errors():
        await coordinator.admission.async_set_continuous(enabled)
