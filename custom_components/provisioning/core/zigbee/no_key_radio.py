"""Radios that cannot admit a device by its key at all (ZiGate).

zigpy-zigate's ``permit_with_link_key`` only logs a warning and returns, so a
window would open the network to everyone without loading any key. Rules:

- Opening a window is refused with :class:`RadioCannotAdmitByKeyError`
  (translation key ``radio_cannot_admit_by_key``, placeholder ``radio``); the
  network is never opened and nothing is lost from the list.
- Everything else is harmless: closing does nothing, removing a device asks it
  to leave.
"""

from __future__ import annotations

from collections.abc import Sequence

from zigpy.application import ControllerApplication

from custom_components.provisioning.core.entry import ProvisioningEntry
from custom_components.provisioning.core.errors import ProvisioningError
from custom_components.provisioning.core.identity import DeviceId
from custom_components.provisioning.core.radio import (
    Maintenance,
    RadioLostError,
    WindowResult,
)

from .identity import ieee_of
from .removal import remove_device


class RadioCannotAdmitByKeyError(ProvisioningError):
    """The radio library cannot admit a device by its install code or link key."""

    def __init__(self, radio: str) -> None:
        """Initialize for the radio library's name."""
        super().__init__("radio_cannot_admit_by_key", {"radio": radio})


class NoKeyRadio:
    """A zigpy radio whose library ignores link keys."""

    enforces_provisioned_only = False
    admits_by_key = False
    guard_foreign_permits = True

    def __init__(self, application: ControllerApplication) -> None:
        """Initialize the adapter."""
        self._application = application

    @property
    def radio_name(self) -> str:
        """Return the radio library's name, e.g. ``zigpy_zigate``."""
        return type(self._application).__module__.split(".")[0]

    async def async_open_window(
        self, entries: Sequence[ProvisioningEntry], duration: float | None
    ) -> WindowResult:
        """Refuse: no key can be loaded, and an open network admits anyone."""
        raise RadioCannotAdmitByKeyError(self.radio_name)

    async def async_set_keys(
        self, entries: Sequence[ProvisioningEntry]
    ) -> WindowResult:
        """No window is ever open."""
        raise RadioLostError("no window is open")

    async def async_maintain(self) -> Maintenance:
        """Nothing to keep."""
        return Maintenance()

    async def async_close_window(self) -> None:
        """Nothing to close."""

    async def async_clear_leftovers(self) -> None:
        """Nothing is ever left."""

    async def async_remove_device(self, device: DeviceId) -> None:
        """Ask a device to leave and forget it."""
        await remove_device(self._application, ieee_of(device))
