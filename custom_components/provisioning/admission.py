"""Admission: join windows for provisioned devices, the guard, and installing joined devices."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.event import async_call_later
from homeassistant.util import dt as dt_util
from zigpy.types import EUI64

from .const import (
    DOMAIN,
    EVENT_DEVICE_JOINED,
    EVENT_UNPROVISIONED_DEVICE_REMOVED,
    LOGGER,
)
from .core import EntryStatus, RadioAdapter, WindowResult

if TYPE_CHECKING:
    from zigpy.device import Device

    from .coordinator import ProvisioningCoordinator


INTERVIEW_TIMEOUT = 120


class Admission:
    """Open join windows, watch joins, and install or remove the devices that join."""

    def __init__(
        self,
        hass: HomeAssistant,
        coordinator: ProvisioningCoordinator,
        radio: RadioAdapter,
        baseline: set[EUI64],
        guard_enabled: bool,
    ) -> None:
        """Initialize."""
        self.hass = hass
        self.coordinator = coordinator
        self.radio = radio
        self.baseline = baseline
        self.guard_enabled = guard_enabled
        self.window_ends: datetime | None = None
        self.last_window: WindowResult | None = None
        self._end_window: CALLBACK_TYPE | None = None
        self._interviews: dict[EUI64, CALLBACK_TYPE] = {}
        self._listeners: list[Callable[[], None]] = []
        self._lock = asyncio.Lock()

    @property
    def window_open(self) -> bool:
        """Return whether provisioned devices may join now."""
        return self.window_ends is not None

    @callback
    def async_add_listener(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Listen for window and guard changes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    @callback
    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()

    async def async_start(self, duration: int) -> WindowResult:
        """Load the pending keys and open the network to those devices only."""
        async with self._lock:
            return await self._async_start(duration)

    async def _async_start(self, duration: int) -> WindowResult:
        pending = self.coordinator.service.pending()
        admitting = [
            entry
            for entry in self.coordinator.service.entries()
            if entry.status is EntryStatus.ADMITTING
        ]
        result = await self.radio.async_open_window(pending + admitting, duration)
        await self.coordinator.service.async_set_statuses(
            result.loaded, EntryStatus.ADMITTING
        )
        self.last_window = result
        if self._end_window is not None:
            self._end_window()
        self.window_ends = dt_util.utcnow() + timedelta(seconds=duration)
        self._end_window = async_call_later(
            self.hass, duration, self._async_window_ended
        )
        LOGGER.info(
            "Join window open for %d s: %d keys loaded, %d waiting",
            duration,
            len(result.loaded),
            len(result.waiting),
        )
        self._notify()
        return result

    async def _async_window_ended(self, _now: datetime) -> None:
        self._end_window = None
        await self.async_stop()

    async def async_stop(self) -> None:
        """Close the network, restore the trust center, and unload the keys."""
        async with self._lock:
            await self._async_stop()

    async def _async_stop(self) -> None:
        if self._end_window is not None:
            self._end_window()
            self._end_window = None
        await self.radio.async_close_window()
        self.window_ends = None
        await self.coordinator.service.async_set_statuses(
            [
                entry.ieee
                for entry in self.coordinator.service.entries()
                if entry.status is EntryStatus.ADMITTING
                and entry.ieee not in self._interviews
            ],
            EntryStatus.PENDING,
        )
        self._notify()

    @callback
    def async_list_changed(self) -> None:
        """Reload the trust center when a loaded entry was revoked or removed."""
        if self.window_ends is None or self.last_window is None:
            return
        service = self.coordinator.service
        gone = [
            ieee
            for ieee in self.last_window.loaded
            if (entry := service.get(ieee)) is None
            or entry.status is EntryStatus.REVOKED
        ]
        if not gone:
            return
        LOGGER.info(
            "%d loaded entries were revoked; reloading the join window", len(gone)
        )
        self.hass.async_create_task(self._async_reload_window())

    async def _async_reload_window(self) -> None:
        async with self._lock:
            if self.window_ends is None:
                return
            remaining = int((self.window_ends - dt_util.utcnow()).total_seconds())
            if remaining > 0:
                await self._async_start(remaining)
            else:
                await self._async_stop()

    @callback
    def async_set_guard(self, enabled: bool) -> None:
        """Turn the guard against unprovisioned devices on or off."""
        self.guard_enabled = enabled
        self.coordinator.async_save()
        self._notify()

    async def async_shutdown(self) -> None:
        """Close any open window and stop timers."""
        for cancel in self._interviews.values():
            cancel()
        self._interviews.clear()
        if self.window_open:
            await self.async_stop()

    # zigpy application listener interface

    def device_joined(self, device: Device) -> None:
        """Handle a device joining the network."""
        self.hass.async_create_task(self._async_device_joined(device.ieee))

    def device_initialized(self, device: Device) -> None:
        """Handle a device that finished its interview."""
        self.hass.async_create_task(self._async_device_initialized(device.ieee))

    def raw_device_initialized(self, device: Device) -> None:
        """Ignore; the quirk-applied device follows."""

    def device_left(self, device: Device) -> None:
        """Ignore; a leaving device keeps its entry."""

    def device_removed(self, device: Device) -> None:
        """Put a joined entry back to pending once its device left the network."""
        entry = self.coordinator.service.get(device.ieee)
        if entry is None or entry.status is not EntryStatus.JOINED:
            return
        LOGGER.info("Provisioned device %s was removed; it may join again", device.ieee)
        self.baseline.discard(device.ieee)
        self.hass.async_create_task(self._async_pending_again(device.ieee))

    async def _async_pending_again(self, ieee: EUI64) -> None:
        """Set a removed device's entry to pending, unless it changed meanwhile."""
        entry = self.coordinator.service.get(ieee)
        if entry is not None and entry.status is EntryStatus.JOINED:
            await self.coordinator.async_set_status(ieee, EntryStatus.PENDING)

    async def _async_device_joined(self, ieee: EUI64) -> None:
        entry = self.coordinator.service.get(ieee)
        if entry is not None and entry.status in (
            EntryStatus.ADMITTING,
            EntryStatus.PENDING,
        ):
            LOGGER.debug(
                "Provisioned device %s joined; waiting for its interview", ieee
            )
            if ieee not in self._interviews:
                self._interviews[ieee] = async_call_later(
                    self.hass, INTERVIEW_TIMEOUT, self._interview_timed_out(ieee)
                )
            return
        if entry is not None and entry.status is EntryStatus.JOINED:
            return
        if ieee in self.baseline or not self.guard_enabled:
            return
        await self._async_remove_unprovisioned(ieee)

    async def _async_remove_unprovisioned(self, ieee: EUI64) -> None:
        LOGGER.warning("Removing %s: it is not on the provisioning list", ieee)
        try:
            await self.radio.async_remove_device(ieee)
        except Exception as err:
            LOGGER.warning("Could not remove unprovisioned device %s: %s", ieee, err)
        self.hass.bus.async_fire(
            EVENT_UNPROVISIONED_DEVICE_REMOVED, {"ieee": str(ieee)}
        )
        ir.async_create_issue(
            self.hass,
            DOMAIN,
            f"unprovisioned_device_removed_{ieee}",
            is_fixable=False,
            is_persistent=False,
            severity=ir.IssueSeverity.WARNING,
            translation_key="unprovisioned_device_removed",
            translation_placeholders={"ieee": str(ieee)},
        )

    def _interview_timed_out(self, ieee: EUI64) -> Callable[[datetime], Any]:
        async def _timed_out(_now: datetime) -> None:
            self._interviews.pop(ieee, None)
            entry = self.coordinator.service.get(ieee)
            if entry is None or entry.status is EntryStatus.JOINED:
                return
            LOGGER.warning(
                "Provisioned device %s joined but did not complete its interview", ieee
            )
            await self.coordinator.async_set_status(
                ieee, EntryStatus.FAILED, reason="interview_timeout"
            )

        return _timed_out

    async def _async_device_initialized(self, ieee: EUI64) -> None:
        if (cancel := self._interviews.pop(ieee, None)) is not None:
            cancel()
        entry = self.coordinator.service.get(ieee)
        if entry is None:
            if ieee not in self.baseline and self.guard_enabled:
                await self._async_remove_unprovisioned(ieee)
            return
        if entry.status is EntryStatus.JOINED:
            return
        self.baseline.add(ieee)
        self.coordinator.async_save()
        entry = await self.coordinator.async_set_status(ieee, EntryStatus.JOINED)
        self.hass.bus.async_fire(
            EVENT_DEVICE_JOINED,
            {"ieee": str(ieee), "name": entry.name, "provider": entry.provider_id},
        )
        LOGGER.info("Provisioned device %s joined and was installed", ieee)
