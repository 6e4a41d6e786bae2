"""Join windows on radios whose zigpy library cannot enforce install-code-only joins.

Keys go through ``permit_with_link_key``, one by one; how long the radio keeps
them is up to its library. The permit is renewed before it ends.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
import logging
import time

from zigpy.application import ControllerApplication
from zigpy.exceptions import ZigbeeException

from custom_components.provisioning.core.entry import ProvisioningEntry
from custom_components.provisioning.core.identity import DeviceId
from custom_components.provisioning.core.radio import (
    Maintenance,
    RadioAdapter,
    WindowResult,
)

from .identity import ieee_of, link_key_of
from .log_redaction import redact_link_keys
from .removal import remove_device

MAX_PERMIT_S = 254

_LOGGER = logging.getLogger(__name__)


class ZigpyRadio:
    """Any zigpy radio: keys go through ``permit_with_link_key``, one by one."""

    enforces_provisioned_only = False
    guard_foreign_permits = True

    def __init__(
        self,
        application: ControllerApplication,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Initialize the adapter."""
        self._application = application
        self._clock = clock
        self._deadline: float | None = None
        self._permit_due = 0.0
        self._loaded: set[DeviceId] = set()

    def _time_s(self) -> int:
        if self._deadline is None:
            return MAX_PERMIT_S
        return max(1, min(MAX_PERMIT_S, int(self._deadline - self._clock())))

    async def async_open_window(
        self, entries: Sequence[ProvisioningEntry], duration: float | None
    ) -> WindowResult:
        """Hand every key to the radio library and open the network."""
        self._deadline = None if duration is None else self._clock() + duration
        self._loaded = set()
        return await self.async_set_keys(entries)

    async def async_set_keys(
        self, entries: Sequence[ProvisioningEntry]
    ) -> WindowResult:
        """Hand the keys not yet given to the radio library."""
        redact_link_keys(bytes(link_key_of(entry)) for entry in entries)
        loaded: list[DeviceId] = []
        waiting: list[DeviceId] = []
        time_s = self._time_s()
        for entry in entries:
            if entry.device in self._loaded:
                loaded.append(entry.device)
                continue
            try:
                await self._application.permit_with_link_key(
                    ieee_of(entry), link_key_of(entry), time_s
                )
            except (ZigbeeException, NotImplementedError, AssertionError) as err:
                _LOGGER.warning(
                    "The radio refused the key of %s: %s",
                    entry.device,
                    type(err).__name__,
                )
                waiting.append(entry.device)
            else:
                loaded.append(entry.device)
        self._loaded = set(loaded)
        self._permit_due = self._clock() + time_s - 4
        return WindowResult(
            loaded=tuple(loaded), waiting=tuple(waiting), enforced=False
        )

    async def async_maintain(self) -> Maintenance:
        """Renew the permit before it ends."""
        now = self._clock()
        if (
            self._loaded
            and now >= self._permit_due
            and (self._deadline is None or self._deadline > now)
        ):
            time_s = self._time_s()
            await ControllerApplication.permit(self._application, time_s)
            self._permit_due = now + time_s - 4
        return Maintenance()

    async def async_clear_leftovers(self) -> None:
        """Nothing: the library manages its own keys."""

    async def async_close_window(self) -> None:
        """Close the network."""
        self._loaded = set()
        await self._application.permit(0)

    async def async_remove_device(self, device: DeviceId) -> None:
        """Ask a device to leave and forget it."""
        await remove_device(self._application, ieee_of(device))


def radio_for(application: ControllerApplication) -> RadioAdapter:
    """Return the best adapter for a zigpy application."""
    try:
        from bellows.zigbee.application import (
            ControllerApplication as EzspApplication,
        )
    except ImportError:  # pragma: no cover - bellows ships with ZHA
        return ZigpyRadio(application)
    if isinstance(application, EzspApplication):
        from .ezsp_radio import EzspRadio

        return EzspRadio(application)
    from zigpy_znp.zigbee.application import ControllerApplication as ZnpApplication

    if isinstance(application, ZnpApplication):
        from .znp_radio import ZnpRadio

        return ZnpRadio(application)
    library = type(application).__module__.split(".")[0]
    if library == "zigpy_deconz":
        from .single_key_radio import SingleKeyRadio

        return SingleKeyRadio(application)
    if library == "zigpy_zigate":
        from .no_key_radio import NoKeyRadio

        return NoKeyRadio(application)
    return ZigpyRadio(application)
