"""The admission state machine: join windows, joins, interviews and the guard.

Rules:

- **One window at a time**, manual (opened for a duration) or continuous (no
  end, held while continuous admission is on and an entry is pending). Opening
  a window replaces the open one. Every change of the window, the guard or the
  continuous mode is announced to listeners.
- **A manual window closes on its own** once every device whose key was loaded
  has joined, when its time is up, or when it is stopped.
- **Continuous admission** keeps the radio holding exactly the keys of the
  pending entries: a new entry is loaded and a joined, revoked or removed one
  is unloaded as soon as the list changes (one reconcile runs at a time and
  covers every change since the last), and the window closes once nothing is
  pending.
- **While a window is open** the radio is maintained twice a second: it renews
  the permit and the keys, reads the radio's admission policy back and
  re-asserts provisioned-only admission (listeners hear of it), and re-establishes the window after
  a radio reset. A radio that is gone closes the window, and listeners are told
  why.
- **The guard**: a device that joins without being listed, was not in the
  network before and is not in the baseline is removed, if the guard is on.
  With the guard off, permits others open also behave as they asked.
- **Interviews**: a listed device that joins has ``interview_timeout`` seconds
  to finish its interview; then it is joined (and installed), or failed.

Time, timers and background jobs come from an injected ``Scheduler``. Nothing
here imports Home Assistant.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
import enum
import logging

from .admission_clock import Cancel, Scheduler
from .entry import EntryStatus, ProvisioningEntry
from .identity import DeviceId
from .radio import RadioAdapter, RadioLostError, WindowResult
from .service import ProvisioningService

_LOGGER = logging.getLogger(__name__)

INTERVIEW_TIMEOUT = 120
MAINTAIN_INTERVAL = 0.5
RADIO_ERRORS = (OSError, TimeoutError, RuntimeError, RadioLostError)


class WindowMode(enum.StrEnum):
    """How a window was opened."""

    MANUAL = "manual"
    CONTINUOUS = "continuous"


class EventKind(enum.StrEnum):
    """What the state machine tells its listeners."""

    CHANGED = "changed"
    """The window, the guard, the continuous mode or the baseline changed."""
    INSTALLED = "installed"
    """A listed device joined and finished its interview."""
    UNPROVISIONED_REMOVED = "unprovisioned_removed"
    """The guard removed a device that is not listed."""
    POLICY_RESTORED = "policy_restored"
    """The radio's admission policy had changed; provisioned-only admission is back."""
    WINDOW_LOST = "window_lost"
    """The radio went away or could not be set up again; the window is closed."""


@dataclass(frozen=True)
class AdmissionEvent:
    """One notification of the state machine."""

    kind: EventKind
    device: DeviceId | None = None
    entry: ProvisioningEntry | None = None
    policy: int | None = None
    reason: str | None = None
    mode: WindowMode | None = None
    """The mode of the window that was lost (WINDOW_LOST)."""
    remaining: float | None = None
    """The seconds that window had left, if manual (WINDOW_LOST)."""


@dataclass
class Window:
    """The open window."""

    mode: WindowMode
    opened_at: float
    ends_at: float | None
    result: WindowResult
    outstanding: set[DeviceId] = field(default_factory=set)
    """Loaded devices that have not joined yet."""


class AdmissionMachine:
    """Open and hold join windows; track joins and interviews; apply the guard."""

    def __init__(
        self,
        service: ProvisioningService,
        radio: RadioAdapter,
        scheduler: Scheduler,
        *,
        baseline: Iterable[DeviceId] = (),
        guard_enabled: bool = True,
        continuous: bool = False,
        interview_timeout: float = INTERVIEW_TIMEOUT,
        maintain_interval: float = MAINTAIN_INTERVAL,
    ) -> None:
        """Initialize; nothing is sent to the radio until a window opens."""
        self.service = service
        self.radio = radio
        self.scheduler = scheduler
        self.baseline: set[DeviceId] = set(baseline)
        self.guard_enabled = guard_enabled
        self.continuous = continuous
        self.interview_timeout = interview_timeout
        self.maintain_interval = maintain_interval
        self.window: Window | None = None
        self.last_window: WindowResult | None = None
        self.closed_reason: str | None = None
        self.interviews: dict[DeviceId, Cancel] = {}
        self._listeners: list[Callable[[AdmissionEvent], None]] = []
        self._lock = asyncio.Lock()
        self._end_timer: Cancel | None = None
        self._maintain_timer: Cancel | None = None
        self._reconcile_queued = False
        self._stopped = False
        radio.guard_foreign_permits = guard_enabled

    # -- listeners --------------------------------------------------------------

    def add_listener(self, listener: Callable[[AdmissionEvent], None]) -> Cancel:
        """Listen to the machine's events; return the unsubscribe."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _emit(self, kind: EventKind, **details: object) -> None:
        event = AdmissionEvent(kind, **details)  # type: ignore[arg-type]
        for listener in list(self._listeners):
            listener(event)

    # -- state ------------------------------------------------------------------

    @property
    def window_open(self) -> bool:
        """Return whether provisioned devices may join now."""
        return self.window is not None

    def remaining(self) -> float | None:
        """Return the seconds left in a manual window, None otherwise."""
        if self.window is None or self.window.ends_at is None:
            return None
        return max(0.0, self.window.ends_at - self.scheduler.monotonic())

    def _wanted(self) -> list[ProvisioningEntry]:
        """Return the entries a window should hold keys for."""
        return [
            entry
            for entry in self.service.entries()
            if entry.status in (EntryStatus.PENDING, EntryStatus.ADMITTING)
            and entry.device not in self.interviews
        ]

    # -- windows ----------------------------------------------------------------

    async def async_start(self, duration: float) -> WindowResult:
        """Open a manual window for the pending devices."""
        async with self._lock:
            return await self._open(WindowMode.MANUAL, duration)

    async def async_stop(self, reason: str | None = None) -> None:
        """Close the window; a continuous one opens again while entries wait."""
        async with self._lock:
            await self._close(reason)
        if reason is None and self.continuous:
            self.continuous = False
            self._emit(EventKind.CHANGED)

    async def _open(self, mode: WindowMode, duration: float | None) -> WindowResult:
        self._cancel_timers()
        wanted = self._wanted()
        result = await self.radio.async_open_window(wanted, duration)
        now = self.scheduler.monotonic()
        self.window = Window(
            mode=mode,
            opened_at=now,
            ends_at=None if duration is None else now + duration,
            result=result,
            outstanding=set(result.loaded),
        )
        self.last_window = result
        self.closed_reason = None
        await self.service.async_set_statuses(result.loaded, EntryStatus.ADMITTING)
        if duration is not None:
            self._end_timer = self.scheduler.call_later(duration, self._window_ended)
        self._schedule_maintenance()
        _LOGGER.info(
            "Join window open (%s%s): %d keys loaded, %d waiting",
            mode,
            "" if duration is None else f", {duration:.0f} s",
            len(result.loaded),
            len(result.waiting),
        )
        self._emit(EventKind.CHANGED)
        return result

    async def _close(self, reason: str | None) -> None:
        self._cancel_timers()
        window, self.window = self.window, None
        if window is None:
            return
        self.closed_reason = reason
        try:
            await self.radio.async_close_window()
        finally:
            await self._admitting_to_pending()
            self._emit(EventKind.CHANGED)

    async def _admitting_to_pending(self) -> None:
        back = [
            entry.device
            for entry in self.service.entries()
            if entry.status is EntryStatus.ADMITTING
            and entry.device not in self.interviews
        ]
        if back:
            await self.service.async_set_statuses(back, EntryStatus.PENDING)

    def _cancel_timers(self) -> None:
        for cancel in (self._end_timer, self._maintain_timer):
            if cancel is not None:
                cancel()
        self._end_timer = self._maintain_timer = None

    def _window_ended(self) -> None:
        self._end_timer = None
        self.scheduler.spawn(self._async_window_ended())

    async def _async_window_ended(self) -> None:
        async with self._lock:
            if self.window is not None and self.window.mode is WindowMode.MANUAL:
                await self._close_quietly(None)
        self.list_changed()

    async def _close_quietly(self, reason: str | None) -> None:
        try:
            await self._close(reason)
        except RADIO_ERRORS as err:
            _LOGGER.warning("Could not close the join window: %s", err)

    # -- continuous admission ---------------------------------------------------

    async def async_set_continuous(self, enabled: bool) -> None:
        """Turn continuous admission on or off."""
        if enabled == self.continuous:
            return
        self.continuous = enabled
        self._emit(EventKind.CHANGED)
        async with self._lock:
            if self.window is not None:
                await self._close_quietly(None)
        self.list_changed()

    def list_changed(self) -> None:
        """Follow a change of the provisioning list soon, once for many changes."""
        if self._reconcile_queued or self._stopped:
            return
        self._reconcile_queued = True
        self.scheduler.spawn(self._async_reconcile())

    async def _async_reconcile(self) -> None:
        async with self._lock:
            self._reconcile_queued = False
            if self._stopped:
                return
            try:
                await self._reconcile()
            except RADIO_ERRORS as err:
                _LOGGER.warning("Could not update the join window: %s", err)
                await self._lose(str(err) or type(err).__name__)

    async def _reconcile(self) -> None:
        window = self.window
        wanted = self._wanted()
        if window is None or window.mode is WindowMode.CONTINUOUS:
            if not self.continuous:
                return
            if window is None:
                if wanted:
                    await self._open(WindowMode.CONTINUOUS, None)
                return
            if not wanted:
                _LOGGER.info("Nothing is pending; closing the network")
                await self._close(None)
                return
            if {e.device for e in wanted} != set(window.result.loaded):
                await self._set_keys(window, wanted)
            return
        # A manual window keeps its keys, less those revoked or removed.
        listed = {e.device: e for e in wanted}
        keep = [listed[device] for device in window.result.loaded if device in listed]
        gone = [i for i in window.outstanding if i not in listed]
        if gone:
            _LOGGER.info("%d loaded entries left the list; reloading keys", len(gone))
            await self._set_keys(window, keep)

    async def _set_keys(self, window: Window, entries: list[ProvisioningEntry]) -> None:
        before = set(window.result.loaded)
        result = await self.radio.async_set_keys(entries)
        window.result = self.last_window = result
        window.outstanding = {i for i in result.loaded if i not in self.interviews}
        if added := [i for i in result.loaded if i not in before]:
            await self.service.async_set_statuses(added, EntryStatus.ADMITTING)
        self._emit(EventKind.CHANGED)

    # -- maintenance ------------------------------------------------------------

    def _schedule_maintenance(self) -> None:
        self._maintain_timer = self.scheduler.call_later(
            self.maintain_interval, self._maintain_due
        )

    def _maintain_due(self) -> None:
        self._maintain_timer = None
        self.scheduler.spawn(self.async_maintain())

    async def async_maintain(self) -> None:
        """Maintain the open window once."""
        async with self._lock:
            if self.window is None:
                return
            try:
                report = await self.radio.async_maintain()
            except RADIO_ERRORS as err:
                _LOGGER.warning("The radio cannot hold the join window: %s", err)
                await self._lose(str(err) or type(err).__name__)
                return
            if self.window is not None and self._maintain_timer is None:
                self._schedule_maintenance()
        if report.policy_found is not None:
            _LOGGER.warning(
                "The admission policy was changed behind the join window "
                "(0x%04x); provisioned-only admission is restored",
                report.policy_found,
            )
            self._emit(EventKind.POLICY_RESTORED, policy=report.policy_found)
        if report.reestablished:
            self._emit(EventKind.CHANGED)

    async def _lose(self, reason: str) -> None:
        if self.window is None:
            return
        mode, remaining = self.window.mode, self.remaining()
        await self._close_quietly("radio_lost")
        self._emit(EventKind.WINDOW_LOST, reason=reason, mode=mode, remaining=remaining)

    # -- guard ------------------------------------------------------------------

    def set_guard(self, enabled: bool) -> None:
        """Turn the guard against unprovisioned devices on or off."""
        self.guard_enabled = enabled
        self.radio.guard_foreign_permits = enabled
        self._emit(EventKind.CHANGED)

    # -- joins and interviews ---------------------------------------------------

    async def async_device_joined(self, device: DeviceId) -> None:
        """Handle a device joining the network."""
        entry = self.service.get(device)
        if entry is not None and entry.status in (
            EntryStatus.ADMITTING,
            EntryStatus.PENDING,
        ):
            _LOGGER.debug(
                "Provisioned device %s joined; waiting for its interview", device
            )
            if device not in self.interviews:
                self.interviews[device] = self.scheduler.call_later(
                    self.interview_timeout, lambda: self._interview_due(device)
                )
            self._joined(device)
            return
        if entry is not None and entry.status is EntryStatus.JOINED:
            return
        if device in self.baseline or not self.guard_enabled:
            return
        await self._remove_unprovisioned(device)

    def _joined(self, device: DeviceId) -> None:
        window = self.window
        if window is None or device not in window.outstanding:
            return
        window.outstanding.discard(device)
        if window.mode is WindowMode.MANUAL and not window.outstanding:
            _LOGGER.info("Every loaded device joined; closing the join window")
            self.scheduler.spawn(self._async_all_joined(window))
        elif window.mode is WindowMode.CONTINUOUS:
            self.list_changed()

    async def _async_all_joined(self, window: Window) -> None:
        async with self._lock:
            if self.window is window:
                await self._close_quietly(None)

    async def _remove_unprovisioned(self, device: DeviceId) -> None:
        _LOGGER.warning("Removing %s: it is not on the provisioning list", device)
        try:
            await self.radio.async_remove_device(device)
        except Exception as err:
            _LOGGER.warning("Could not remove unprovisioned device %s: %s", device, err)
        self._emit(EventKind.UNPROVISIONED_REMOVED, device=device)

    def _interview_due(self, device: DeviceId) -> None:
        self.scheduler.spawn(self._async_interview_timed_out(device))

    async def _async_interview_timed_out(self, device: DeviceId) -> None:
        self.interviews.pop(device, None)
        entry = self.service.get(device)
        if entry is None or entry.status is EntryStatus.JOINED:
            return
        _LOGGER.warning(
            "Provisioned device %s joined but did not complete its interview", device
        )
        await self.service.async_set_status(
            device, EntryStatus.FAILED, reason="interview_timeout"
        )

    async def async_device_initialized(self, device: DeviceId) -> None:
        """Handle a device that finished its interview."""
        if (cancel := self.interviews.pop(device, None)) is not None:
            cancel()
        entry = self.service.get(device)
        if entry is None:
            if device not in self.baseline and self.guard_enabled:
                await self._remove_unprovisioned(device)
            return
        if entry.status is EntryStatus.JOINED:
            return
        self.baseline.add(device)
        self._joined(device)
        entry = await self.service.async_set_status(device, EntryStatus.JOINED)
        self._emit(EventKind.CHANGED)
        self._emit(EventKind.INSTALLED, device=device, entry=entry)
        _LOGGER.info("Provisioned device %s joined and was installed", device)

    async def async_device_removed(self, device: DeviceId) -> None:
        """Put a joined entry back to pending once its device left the network."""
        entry = self.service.get(device)
        if entry is None or entry.status is not EntryStatus.JOINED:
            return
        _LOGGER.info("Provisioned device %s was removed; it may join again", device)
        self.baseline.discard(device)
        self._emit(EventKind.CHANGED)
        await self.service.async_set_status(device, EntryStatus.PENDING)

    # -- life cycle -------------------------------------------------------------

    async def async_begin(
        self, recover: WindowMode | None, remaining: float | None
    ) -> None:
        """Start on a fresh radio: reopen a window that was lost, or clear leftovers.

        ``recover`` is the mode of a window the previous connection held;
        ``remaining`` its seconds left (manual windows).
        """
        async with self._lock:
            try:
                if recover is WindowMode.MANUAL and remaining and remaining > 0:
                    await self._open(WindowMode.MANUAL, remaining)
                    return
                await self.radio.async_clear_leftovers()
                # no window is open: nothing is being admitted
                await self._admitting_to_pending()
                if recover is WindowMode.MANUAL:
                    _LOGGER.warning(
                        "The join window ended while the radio was away; it stays closed"
                    )
                    self.closed_reason = "radio_lost"
                    self._emit(EventKind.CHANGED)
            except RADIO_ERRORS as err:
                _LOGGER.warning("Could not open the join window again: %s", err)
                self.closed_reason = "radio_lost"
                self._emit(EventKind.WINDOW_LOST, reason=str(err) or type(err).__name__)
                return
        self.list_changed()

    async def async_shutdown(self, *, radio_gone: bool = False) -> None:
        """Close any open window and stop timers.

        With ``radio_gone`` nothing is sent to the radio: its connection is
        lost, and a command would only fail (or hang) on it. The adapter goes
        with the old connection; the next one starts clean.
        """
        self._stopped = True
        for cancel in self.interviews.values():
            cancel()
        self.interviews.clear()
        if radio_gone:
            self._cancel_timers()
            self.window = None
            return
        async with self._lock:
            await self._close_quietly(None)
