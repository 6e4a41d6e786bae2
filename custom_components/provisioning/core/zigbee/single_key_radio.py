"""Join windows on radios that hold one link key at a time (deCONZ).

zigpy-deconz's ``permit_with_link_key`` writes the key into one network
parameter and opens the network; a second call replaces the first key. Rules:

- **One key per window.** A window loads the first pending entry's key; the
  other entries are reported as waiting (the join window says so). When the
  loaded entry leaves the window (it joined, or was revoked), the next one's
  key is written, so a continuous window admits the pending devices one after
  another.
- **Never block.** Each call returns once the radio answered; the permit is
  renewed before it ends.
- The radio cannot refuse devices without that key (``enforced`` is False):
  the guard removes any device that joins without being provisioned.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
import logging
import math
import time

from zigpy.application import ControllerApplication

from custom_components.provisioning.core.entry import ProvisioningEntry
from custom_components.provisioning.core.identity import DeviceId
from custom_components.provisioning.core.radio import (
    Maintenance,
    RadioLostError,
    WindowResult,
)

from .identity import ieee_of, link_key_of
from .log_redaction import redact_link_keys
from .removal import remove_device

_LOGGER = logging.getLogger(__name__)

MAX_PERMIT_S = 254
PERMIT_MARGIN_S = 4


class SingleKeyRadio:
    """A zigpy radio whose library keeps only the last link key it was given."""

    enforces_provisioned_only = False
    guard_foreign_permits = True
    keys_per_window = 1

    def __init__(
        self,
        application: ControllerApplication,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Initialize the adapter."""
        self._application = application
        self._clock = clock
        self._deadline: float | None = None
        self._loaded: ProvisioningEntry | None = None
        self._open = False
        self._permit_due = math.inf

    def _time_s(self) -> int:
        if self._deadline is None:
            return MAX_PERMIT_S
        return max(1, min(MAX_PERMIT_S, math.ceil(self._deadline - self._clock())))

    async def async_open_window(
        self, entries: Sequence[ProvisioningEntry], duration: float | None
    ) -> WindowResult:
        """Write the first entry's key and open the network."""
        self._deadline = None if duration is None else self._clock() + duration
        self._loaded = None
        self._open = True
        return await self.async_set_keys(entries)

    async def async_set_keys(
        self, entries: Sequence[ProvisioningEntry]
    ) -> WindowResult:
        """Keep the loaded key while its entry waits; else write the next one."""
        if not self._open:
            raise RadioLostError("no window is open")
        redact_link_keys(bytes(link_key_of(entry)) for entry in entries)
        wanted = {entry.device: entry for entry in entries}
        if self._loaded is None or self._loaded.device not in wanted:
            self._loaded = None
            if entries:
                first = entries[0]
                time_s = self._time_s()
                await self._application.permit_with_link_key(
                    ieee_of(first), link_key_of(first), time_s
                )
                self._loaded = first
                self._permit_due = self._clock() + time_s - PERMIT_MARGIN_S
        loaded = () if self._loaded is None else (self._loaded.device,)
        waiting = tuple(ieee for ieee in wanted if ieee not in loaded)
        if waiting:
            _LOGGER.info(
                "The radio holds one key per window; %d devices wait", len(waiting)
            )
        return WindowResult(loaded=loaded, waiting=waiting, enforced=False)

    async def async_maintain(self) -> Maintenance:
        """Renew the permit before it ends."""
        now = self._clock()
        if (
            self._loaded is not None
            and now >= self._permit_due
            and (self._deadline is None or self._deadline > now)
        ):
            time_s = self._time_s()
            await ControllerApplication.permit(self._application, time_s)
            self._permit_due = now + time_s - PERMIT_MARGIN_S
        return Maintenance()

    async def async_close_window(self) -> None:
        """Close the network."""
        was_open, self._open = self._open, False
        self._loaded = None
        self._permit_due = math.inf
        if was_open:
            await self._application.permit(0)

    async def async_clear_leftovers(self) -> None:
        """Nothing: the next key written replaces the last one."""

    async def async_remove_device(self, device: DeviceId) -> None:
        """Ask a device to leave and forget it."""
        await remove_device(self._application, ieee_of(device))
