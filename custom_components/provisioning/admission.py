"""Admission on Home Assistant: the side of the core state machine that HA sees.

``core.admission.AdmissionMachine`` decides; this facade runs it on Home
Assistant's timers and tasks, forwards zigpy's join events to it, and turns
its events into Home Assistant's: the ``provisioning_device_joined`` and
``provisioning_unprovisioned_device_removed`` events, repair issues, storage
and entity updates.

When the radio's connection is lost (NCP reset, USB replug, TCP drop), ZHA
sets its radio up again and this integration's entry is set up again with it.
The window that was open is remembered in memory for that moment only, and
reopened on the new connection; a Home Assistant restart forgets it, so after
a restart the coordinator holds no key or install-code-only policy of the
previous run, unless continuous admission deliberately opens a window again.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import datetime, timedelta
import time
from typing import TYPE_CHECKING, Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import EVENT_HOMEASSISTANT_STOP
from homeassistant.core import Event, HassJob, HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.event import async_call_later
from homeassistant.util import dt as dt_util

from .const import (
    DOMAIN,
    EVENT_DEVICE_JOINED,
    EVENT_UNPROVISIONED_DEVICE_REMOVED,
    LOGGER,
)
from .core import DeviceId, ProvisioningService, RadioAdapter, WindowResult, zigbee_id
from .core.admission import (
    INTERVIEW_TIMEOUT,
    AdmissionEvent,
    AdmissionMachine,
    EventKind,
    WindowMode,
)
from .core.admission_clock import Cancel
from .describe import device_event_ids
from .issues import async_update_warning

if TYPE_CHECKING:
    from zigpy.device import Device

__all__ = ["INTERVIEW_TIMEOUT", "Admission"]

DATA_RECOVERY = f"{DOMAIN}_window_recovery"


@dataclass(frozen=True)
class _Recovery:
    """A window that a lost connection interrupted."""

    mode: WindowMode
    ends: datetime | None


class HassScheduler:
    """The core's scheduler on Home Assistant's timers and tasks."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Initialize."""
        self._hass = hass

    def monotonic(self) -> float:
        """Return the monotonic time."""
        return time.monotonic()

    def call_later(self, delay: float, action: Callable[[], None]) -> Cancel:
        """Run action after delay seconds, on Home Assistant's timers."""
        return async_call_later(
            self._hass,
            delay,
            HassJob(callback(lambda _now: action()), cancel_on_shutdown=True),
        )

    def spawn(self, job: Coroutine[Any, Any, None]) -> None:
        """Run a job as a task of Home Assistant."""
        self._hass.async_create_task(job, "provisioning admission", eager_start=True)


class Admission:
    """Join windows, the guard and continuous admission of one coordinator."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry_id: str,
        radio: RadioAdapter,
        save: Callable[[], None],
        *,
        present: Callable[[], bool] | None = None,
    ) -> None:
        """Initialize; ``async_setup`` binds the provisioning list.

        ``present()`` says whether the network's integration still runs (ZHA's
        by default); when it does not, an open window is remembered at unload.
        """
        self.hass = hass
        self.radio = radio
        self._present = present or self._zha_loaded
        self._entry_id = entry_id
        self._save = save
        self._machine: AdmissionMachine | None = None
        self._listeners: list[Callable[[], None]] = []
        self._lost = False
        self._unsub_stop: Callable[[], None] | None = None
        self.window_ends: datetime | None = None
        # Until async_setup, these hold what storage says.
        self._baseline: set[DeviceId] = set()
        self._guard_enabled = True
        self._continuous = False

    @property
    def machine(self) -> AdmissionMachine:
        """Return the core state machine."""
        assert self._machine is not None, "async_setup first"
        return self._machine

    @callback
    def async_setup(
        self,
        service: ProvisioningService,
        *,
        baseline: set[DeviceId],
        guard_enabled: bool,
        continuous: bool,
    ) -> None:
        """Build the state machine on the provisioning list."""
        self._machine = AdmissionMachine(
            service,
            self.radio,
            HassScheduler(self.hass),
            baseline=baseline,
            guard_enabled=guard_enabled,
            continuous=continuous,
        )
        self._machine.add_listener(self._on_event)
        self._unsub_stop = self.hass.bus.async_listen_once(
            EVENT_HOMEASSISTANT_STOP, self._async_hass_stopping
        )

    async def _async_hass_stopping(self, _event: Event) -> None:
        """Stop timers: ZHA shuts the radio down; the next start clears leftovers."""
        self._unsub_stop = None
        if self._machine is not None:
            await self._machine.async_shutdown(radio_gone=True)

    async def async_begin(self) -> None:
        """Reopen a window a lost connection interrupted, or clear leftovers."""
        recovery: _Recovery | None = self.hass.data.get(DATA_RECOVERY, {}).pop(
            self._entry_id, None
        )
        remaining: float | None = None
        mode: WindowMode | None = None
        if recovery is not None:
            mode = recovery.mode
            if recovery.ends is not None:
                remaining = (recovery.ends - dt_util.utcnow()).total_seconds()
            LOGGER.info("The radio is back; opening the %s join window again", mode)
        await self.machine.async_begin(mode, remaining)

    # -- what the entities, services and the panel read ------------------------

    @property
    def baseline(self) -> set[DeviceId]:
        """Return the devices that were in the network before they were listed."""
        return self._baseline if self._machine is None else self._machine.baseline

    @property
    def guard_enabled(self) -> bool:
        """Return whether unprovisioned devices are removed."""
        if self._machine is None:
            return self._guard_enabled
        return self._machine.guard_enabled

    @property
    def continuous(self) -> bool:
        """Return whether continuous admission is on."""
        if self._machine is None:
            return self._continuous
        return self._machine.continuous

    @property
    def window_open(self) -> bool:
        """Return whether provisioned devices may join now."""
        return self._machine is not None and self._machine.window_open

    @property
    def window_mode(self) -> str | None:
        """Return "manual" or "continuous" while a window is open."""
        window = None if self._machine is None else self._machine.window
        return None if window is None else window.mode.value

    @property
    def last_window(self) -> WindowResult | None:
        """Return what the radio did for the last window."""
        return None if self._machine is None else self._machine.last_window

    @property
    def closed_reason(self) -> str | None:
        """Return why the last window closed, if not as planned."""
        return None if self._machine is None else self._machine.closed_reason

    @property
    def _interviews(self) -> dict[DeviceId, Cancel]:
        return self.machine.interviews

    @callback
    def async_add_listener(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Listen for window, guard and continuous-admission changes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    # -- commands ---------------------------------------------------------------

    async def async_start(self, duration: int) -> WindowResult:
        """Load the pending keys and open the network to those devices only."""
        return await self.machine.async_start(duration)

    async def async_stop(self) -> None:
        """Close the window (and turn continuous admission off)."""
        await self.machine.async_stop()

    @callback
    def async_set_guard(self, enabled: bool) -> None:
        """Turn the guard against unprovisioned devices on or off."""
        self.machine.set_guard(enabled)

    async def async_set_continuous(self, enabled: bool) -> None:
        """Turn continuous admission on or off."""
        await self.machine.async_set_continuous(enabled)

    @callback
    def async_list_changed(self) -> None:
        """Follow the provisioning list: continuous windows, revoked entries."""
        if self._machine is not None:
            self._machine.list_changed()

    async def async_shutdown(self) -> None:
        """Close any open window and stop timers.

        When the radio goes away under an open window (ZHA is not loaded: it
        lost its connection and sets the radio up again), the window is
        remembered so that the next set-up reopens it on the new connection.
        """
        if self._unsub_stop is not None:
            self._unsub_stop()
            self._unsub_stop = None
        gone = self._lost or not self._present()
        if not gone:
            self.hass.data.get(DATA_RECOVERY, {}).pop(self._entry_id, None)
        machine = self._machine
        if machine is None:
            return
        if gone and machine.window is not None:
            self._remember(machine.window.mode, self.window_ends)
        await machine.async_shutdown(radio_gone=gone)

    def _zha_loaded(self) -> bool:
        return any(
            entry.state is ConfigEntryState.LOADED
            for entry in self.hass.config_entries.async_entries("zha")
        )

    def _remember(self, mode: WindowMode, ends: datetime | None) -> None:
        self.hass.data.setdefault(DATA_RECOVERY, {})[self._entry_id] = _Recovery(
            mode, ends
        )
        LOGGER.warning(
            "The radio went away during a join window; it opens again with the radio"
        )

    # -- events of the state machine --------------------------------------------

    @callback
    def _on_event(self, event: AdmissionEvent) -> None:
        if event.kind is EventKind.CHANGED:
            remaining = self.machine.remaining()
            self.window_ends = (
                None
                if remaining is None
                else dt_util.utcnow() + timedelta(seconds=remaining)
            )
            self._save()
            for listener in list(self._listeners):
                listener()
        elif event.kind is EventKind.INSTALLED:
            assert event.entry is not None
            self._save()
            self.hass.bus.async_fire(
                EVENT_DEVICE_JOINED,
                {
                    **device_event_ids(event.entry.device),
                    "name": event.entry.name,
                    "provider": event.entry.provider_id,
                },
            )
        elif event.kind is EventKind.UNPROVISIONED_REMOVED:
            self._async_unprovisioned_removed(str(event.device))
        elif event.kind is EventKind.POLICY_RESTORED:
            async_update_warning(
                self.hass,
                f"policy_changed_{self._entry_id}",
                active=True,
                translation_key="policy_changed",
                placeholders={"policy": f"0x{event.policy or 0:04x}"},
            )
        elif event.kind is EventKind.WINDOW_LOST:
            LOGGER.warning(
                "The join window is closed: the radio is gone (%s)", event.reason
            )
            if event.mode is not None:
                # ZHA sets the radio up again; the window opens with it
                self._remember(
                    event.mode,
                    None
                    if event.remaining is None
                    else dt_util.utcnow() + timedelta(seconds=event.remaining),
                )
            for listener in list(self._listeners):
                listener()

    @callback
    def async_unprovisioned_removed(self, ieee: str) -> None:
        """A device that is not listed joined and was removed (by the network)."""
        self._async_unprovisioned_removed(ieee)

    @callback
    def _async_unprovisioned_removed(self, ieee: str) -> None:
        self.hass.bus.async_fire(EVENT_UNPROVISIONED_DEVICE_REMOVED, {"ieee": ieee})
        ir.async_create_issue(
            self.hass,
            DOMAIN,
            f"unprovisioned_device_removed_{ieee}",
            data={"entry_id": self._entry_id, "ieee": ieee},
            is_fixable=True,
            is_persistent=False,
            severity=ir.IssueSeverity.WARNING,
            translation_key="unprovisioned_device_removed",
            translation_placeholders={"ieee": ieee},
        )

    # -- zigpy application listener interface -----------------------------------

    def connection_lost(self, exc: Exception) -> None:
        """Remember the open window, to open it again on the new connection."""
        self._lost = True
        machine = self._machine
        if machine is not None and machine.window is not None:
            self._remember(machine.window.mode, self.window_ends)

    def device_joined(self, device: Device) -> None:
        """Handle a device joining the network."""
        self.hass.async_create_task(
            self.machine.async_device_joined(zigbee_id(device.ieee))
        )

    def device_initialized(self, device: Device) -> None:
        """Handle a device that finished its interview."""
        self.hass.async_create_task(
            self.machine.async_device_initialized(zigbee_id(device.ieee))
        )

    def raw_device_initialized(self, device: Device) -> None:
        """Ignore; the quirk-applied device follows."""

    def device_left(self, device: Device) -> None:
        """Ignore; a leaving device keeps its entry."""

    def device_removed(self, device: Device) -> None:
        """Put a joined entry back to pending once its device left the network."""
        self.hass.async_create_task(
            self.machine.async_device_removed(zigbee_id(device.ieee))
        )
