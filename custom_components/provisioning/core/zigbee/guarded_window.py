"""Window bookkeeping shared by the radios that guard their library's requests.

Rules this module keeps:

- **One permit, renewed before it ends.** A window of ``duration`` seconds (or
  without end, ``None``) is held by permits of at most ``MAX_PERMIT_S``
  seconds, each renewed ``PERMIT_MARGIN_S`` seconds before it ends; the last
  permit of a timed window ends with the window and is not renewed.
- **Our permit passes the guard.** While the adapter sends its own permit the
  guard's ``own_permit`` is set, so that the guard does not take it for
  someone else's; it is cleared again whatever the permit does.
- **Foreign permits follow one switch.** ``guard_foreign_permits`` is kept on
  the adapter and copied to the guard of the open window, if any.

An adapter subclasses ``GuardedWindowRadio`` with its guard type and says how
it sends a permit (``_send_permit``) and how it replaces the window's keys
(``_replace_keys``; ``async_set_keys`` redacts the keys from the log and
refuses without an open window first); the rest of its window is its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
import math
from typing import Protocol

from custom_components.provisioning.core.entry import ProvisioningEntry
from custom_components.provisioning.core.identity import DeviceId
from custom_components.provisioning.core.radio import RadioLostError, WindowResult

from .identity import link_key_of
from .log_redaction import redact_link_keys

MAX_PERMIT_S = 254
PERMIT_MARGIN_S = 4


class WindowGuard(Protocol):
    """What the shared bookkeeping needs of an adapter's guard."""

    guard_foreign: bool
    own_permit: bool


class GuardedWindowRadio[G: WindowGuard]:
    """The permit and switch bookkeeping of a guarded install-code-only window."""

    enforces_provisioned_only = True

    def __init__(self, clock: Callable[[], float]) -> None:
        """Initialize the bookkeeping: no window, foreign permits guarded."""
        self._clock = clock
        self._guard: G | None = None
        self._entries: dict[DeviceId, ProvisioningEntry] = {}
        self._deadline: float | None = None
        self._permit_due = 0.0
        self._guard_foreign = True

    @property
    def window_open(self) -> bool:
        """Return whether a window is open."""
        return self._guard is not None

    @property
    def guard_foreign_permits(self) -> bool:
        """Return whether other permits stay install-code-only."""
        return self._guard_foreign

    @guard_foreign_permits.setter
    def guard_foreign_permits(self, enabled: bool) -> None:
        self._guard_foreign = enabled
        if self._guard is not None:
            self._guard.guard_foreign = enabled

    async def async_set_keys(
        self, entries: Sequence[ProvisioningEntry]
    ) -> WindowResult:
        """Make the open window hold exactly the keys of entries."""
        redact_link_keys(bytes(link_key_of(entry)) for entry in entries)
        guard = self._guard
        if guard is None:
            raise RadioLostError("no window is open")
        return await self._replace_keys(guard, entries)

    async def _replace_keys(
        self, guard: G, entries: Sequence[ProvisioningEntry]
    ) -> WindowResult:
        """Remove the keys of devices not in entries, load those not loaded."""
        raise NotImplementedError

    async def _renew_permit(self) -> None:
        now = self._clock()
        deadline = self._deadline
        remaining = MAX_PERMIT_S if deadline is None else math.ceil(deadline - now)
        time_s = max(0, min(remaining, MAX_PERMIT_S))
        if time_s > 0:
            await self._permit(time_s)
        self._permit_due = now + max(1, time_s - PERMIT_MARGIN_S)
        if deadline is not None and time_s >= remaining:
            self._permit_due = math.inf

    async def _permit(self, time_s: int) -> None:
        guard = self._guard
        if guard is not None:
            guard.own_permit = True
        try:
            await self._send_permit(time_s)
        finally:
            if guard is not None:
                guard.own_permit = False

    async def _send_permit(self, time_s: int) -> None:
        """Open (or with 0, close) the network for time_s seconds."""
        raise NotImplementedError
