"""Join windows on radios whose zigpy library cannot enforce install-code-only joins."""

from __future__ import annotations

from collections.abc import Sequence
import logging

from zigpy.application import ControllerApplication
from zigpy.exceptions import ZigbeeException
from zigpy.types import EUI64

from .entry import ProvisioningEntry
from .log_redaction import redact_link_keys
from .radio import RadioAdapter, WindowResult

_LOGGER = logging.getLogger(__name__)


class ZigpyRadio:
    """Any zigpy radio: keys go through ``permit_with_link_key``, one by one."""

    enforces_install_code_only = False

    def __init__(self, application: ControllerApplication) -> None:
        """Initialize the adapter."""
        self._application = application

    async def async_open_window(
        self, entries: Sequence[ProvisioningEntry], duration: int
    ) -> WindowResult:
        """Hand every key to the radio library and open the network."""
        redact_link_keys(bytes(entry.link_key) for entry in entries)
        loaded: list[EUI64] = []
        waiting: list[EUI64] = []
        time_s = min(duration, 254)
        for entry in entries:
            try:
                await self._application.permit_with_link_key(
                    entry.ieee, entry.link_key, time_s
                )
            except (ZigbeeException, NotImplementedError, AssertionError) as err:
                _LOGGER.warning(
                    "The radio refused the key of %s: %s",
                    entry.ieee,
                    type(err).__name__,
                )
                waiting.append(entry.ieee)
            else:
                loaded.append(entry.ieee)
        return WindowResult(
            loaded=tuple(loaded), waiting=tuple(waiting), enforced=False
        )

    async def async_close_window(self) -> None:
        """Close the network."""
        await self._application.permit(0)

    async def async_remove_device(self, ieee: EUI64) -> None:
        """Ask a device to leave and forget it."""
        await self._application.remove(ieee)


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
    return ZigpyRadio(application)
