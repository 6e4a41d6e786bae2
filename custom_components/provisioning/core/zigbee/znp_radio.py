"""Install-code-only join windows on Texas Instruments Z-Stack radios (zigpy-znp).

Rules this module keeps:

- **Never block.** zigpy-znp's ``permit_with_link_key`` sleeps for the whole
  window and admits one key per call. This adapter sends the MT requests
  itself: every pending key with ``AppConfig.BDBAddInstallCode`` (the key
  derived from the install code), then ``BDBSetJoinUsesInstallCodeKey(True)``
  once, then zigpy's own permit. Each call returns as soon as the radio
  answered.
- **Install-code-only for the whole window.** While a window is open every MT
  request goes through a guard: a request from someone else to clear the
  install-code flag (ZHA's own ``permit_with_link_key`` does so when its sleep
  ends) keeps the flag set instead, and someone else's permit may not end or
  shorten the window. When the window closes, the flag is left as the others
  last asked for (set while ZHA's own install-code window still runs). With ``guard_foreign_permits`` off, a permit someone
  else opens runs without the flag for its length (unless it came with an
  install code of its own), then the flag is set again.
- **Verify, don't trust.** Z-Stack has no request that reads the flag back,
  and a reset clears it and the permit: each maintenance pass sets the flag
  again and renews the permit before it ends; after a reset (``SYS.ResetInd``)
  the flag is set at once and the permit as soon as the network is back
  (``ZDO.StateChangeInd``); a new connection gets the whole window again.
- **The APS key table.** Keys persist in Z-Stack's APS key table, which can
  fill up (``APS_TABLE_FULL``): the entries that do not fit wait for a later
  window. When a key leaves the window, or the window closes, the keys of
  devices that did not join are removed with ``ZDO.RemoveLinkKey``; a joined
  device keeps its key, which is now its link key.
- **One place for zigpy-znp's internals.** ``ControllerApplication._znp`` and
  ``ZNP.request`` are reached only through ``_api`` and ``_RequestGuard``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
import logging
import math
import time
from typing import Any

from zigpy.application import ControllerApplication
from zigpy.exceptions import ZigbeeException
from zigpy.types import EUI64, KeyData
import zigpy_znp.commands as c
from zigpy_znp.exceptions import CommandNotRecognized
import zigpy_znp.types as znp_t

from custom_components.provisioning.core.entry import ProvisioningEntry
from custom_components.provisioning.core.identity import DeviceId
from custom_components.provisioning.core.radio import (
    Maintenance,
    RadioLostError,
    WindowResult,
)

from .guarded_window import MAX_PERMIT_S, GuardedWindowRadio
from .identity import ieee_of, link_key_of
from .log_redaction import redact_link_keys
from .removal import remove_device

_LOGGER = logging.getLogger(__name__)

FOREIGN_INSTALL_CODE_S = 5.0
type Request = Callable[..., Awaitable[Any]]

_FLAG = c.AppConfig.BDBSetJoinUsesInstallCodeKey
_PERMIT = c.ZDO.MgmtPermitJoinReq


def _api(application: ControllerApplication) -> Any:
    """Return zigpy-znp's ``ZNP`` object, or None without a connection."""
    return getattr(application, "_znp", None)


class _RequestGuard:
    """Wraps one ``ZNP`` object's ``request`` for the length of a window."""

    def __init__(self, znp: Any, clock: Callable[[], float]) -> None:
        self.znp = znp
        self._clock = clock
        self._original: Request = znp.request
        self.deadline = math.inf
        self.guard_foreign = True
        self.own_permit = False
        self.foreign_until: float | None = None
        self.foreign_install_code_at = -math.inf
        self.foreign_flag = False
        self.kept_flag = 0
        self.reset_seen = False
        self.restarted = False
        self._listeners: list[Any] = []

    def install(self) -> None:
        self.znp.request = self._request
        self._listeners = [
            self.znp.callback_for_response(
                c.SYS.ResetInd.Callback(partial=True), self._on_reset
            ),
            self.znp.callback_for_response(
                c.ZDO.StateChangeInd.Callback(
                    State=znp_t.DeviceState.StartedAsCoordinator
                ),
                self._on_started,
            ),
        ]

    def uninstall(self) -> None:
        if self.znp.__dict__.get("request") == self._request:
            del self.znp.request
        for listener in self._listeners:
            self.znp.remove_listener(listener)
        self._listeners = []

    def _on_reset(self, _msg: Any) -> None:
        self.reset_seen = True

    def _on_started(self, _msg: Any) -> None:
        self.restarted = True

    @property
    def foreign_active(self) -> bool:
        return self.foreign_until is not None and self._clock() < self.foreign_until

    async def send(self, request: Any, **kwargs: Any) -> Any:
        """Send a request past the guard."""
        return await self._original(request, **kwargs)

    async def set_install_code_only(self, enabled: bool) -> None:
        rsp = await self._original(_FLAG.Req(BdbJoinUsesInstallCodeKey=enabled))
        if rsp.Status != znp_t.Status.SUCCESS:
            raise RadioLostError(f"the radio refused the install-code setting: {rsp}")

    def _remaining(self) -> int:
        if math.isinf(self.deadline):
            return MAX_PERMIT_S
        return max(0, math.ceil(self.deadline - self._clock()))

    async def _request(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if self.own_permit:
            return await self._original(request, *args, **kwargs)
        if isinstance(request, _FLAG.Req):
            # what the others want once the window is over
            self.foreign_flag = bool(request.BdbJoinUsesInstallCodeKey)
            if request.BdbJoinUsesInstallCodeKey:
                self.foreign_install_code_at = self._clock()
            elif not self.foreign_active:
                self.kept_flag += 1
                _LOGGER.debug("Keeping install-code-only joins until the window ends")
                request = _FLAG.Req(BdbJoinUsesInstallCodeKey=True)
        elif isinstance(request, _PERMIT.Req):
            duration = int(request.Duration)
            if not self.guard_foreign and duration > 0:
                with_code = (
                    self._clock() - self.foreign_install_code_at
                    < FOREIGN_INSTALL_CODE_S
                )
                if not with_code:
                    self.foreign_until = self._clock() + duration
                    await self._original(_FLAG.Req(BdbJoinUsesInstallCodeKey=False))
            # Someone else's permit may not end (or shorten) the window.
            longest = min(MAX_PERMIT_S, max(duration, self._remaining()))
            request = request.replace(Duration=longest)
        return await self._original(request, *args, **kwargs)


class ZnpRadio(GuardedWindowRadio[_RequestGuard]):
    """A zigpy-znp radio that enforces install-code-only joins for a whole window."""

    def __init__(
        self,
        application: ControllerApplication,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Initialize the adapter."""
        super().__init__(clock)
        self._application = application
        self._foreign_seen = False

    def _znp(self) -> Any:
        znp = _api(self._application)
        if znp is None:
            raise RadioLostError("the radio is not connected")
        return znp

    async def async_open_window(
        self, entries: Sequence[ProvisioningEntry], duration: float | None
    ) -> WindowResult:
        """Load each entry's key and open the network to those devices only."""
        redact_link_keys(bytes(link_key_of(entry)) for entry in entries)
        if self._guard is not None:
            await self.async_close_window()
        self._deadline = None if duration is None else self._clock() + duration
        self._entries = {}
        try:
            guard = self._establish()
            result = await self._load(guard, entries)
            await guard.set_install_code_only(True)
            await self._renew_permit()
        except BaseException:
            await self.async_close_window()
            raise
        return result

    def _establish(self) -> _RequestGuard:
        """Guard the current ``ZNP`` object."""
        guard = _RequestGuard(self._znp(), self._clock)
        guard.deadline = math.inf if self._deadline is None else self._deadline
        guard.guard_foreign = self._guard_foreign
        if self._guard is not None:
            self._guard.uninstall()
        guard.install()
        self._guard = guard
        return guard

    async def _load(
        self, guard: _RequestGuard, entries: Sequence[ProvisioningEntry]
    ) -> WindowResult:
        waiting: list[DeviceId] = []
        for entry in entries:
            if entry.device in self._entries:
                continue
            if waiting:
                waiting.append(entry.device)
                continue
            rsp = await guard.send(
                c.AppConfig.BDBAddInstallCode.Req(
                    InstallCodeFormat=(
                        c.app_config.InstallCodeFormat.KeyDerivedFromInstallCode
                    ),
                    IEEE=ieee_of(entry),
                    InstallCode=znp_t.Bytes(KeyData(link_key_of(entry)).serialize()),
                )
            )
            if rsp.Status == znp_t.Status.SUCCESS:
                self._entries[entry.device] = entry
                continue
            _LOGGER.warning(
                "The radio refused the key of %s (%s); %d devices wait for a later window",
                entry.device,
                rsp.Status.name,
                len(entries) - len(self._entries),
            )
            waiting.append(entry.device)
        return WindowResult(
            loaded=tuple(self._entries), waiting=tuple(waiting), enforced=True
        )

    async def _replace_keys(
        self, guard: _RequestGuard, entries: Sequence[ProvisioningEntry]
    ) -> WindowResult:
        wanted = {entry.device for entry in entries}
        for device in [i for i in self._entries if i not in wanted]:
            del self._entries[device]
            await self._remove_key(guard, ieee_of(device))
        return await self._load(guard, entries)

    async def _remove_key(self, guard: _RequestGuard, ieee: EUI64) -> None:
        """Remove the key of a device that did not join from the APS key table."""
        if ieee in self._application.devices:
            return  # joined: the key is its link key now
        rsp = await guard.send(c.ZDO.RemoveLinkKey.Req(IEEE=ieee))
        if rsp.Status != znp_t.Status.SUCCESS:
            _LOGGER.debug("No key of %s to remove (%s)", ieee, rsp.Status.name)

    async def _send_permit(self, time_s: int) -> None:
        # zigpy's permit (through zigpy-znp's override), never permit_with_link_key
        await self._application.permit(time_s)

    async def async_maintain(self) -> Maintenance:
        """Re-establish after a reconnect, hold the flag, renew the permit.

        A request Z-Stack refuses means the window can't be held as promised.
        """
        try:
            return await self._maintain()
        except (ZigbeeException, CommandNotRecognized) as err:
            raise RadioLostError(f"the radio refused a request: {err}") from err

    async def _maintain(self) -> Maintenance:
        guard = self._guard
        if guard is None:
            return Maintenance()
        if self._znp() is not guard.znp:
            _LOGGER.info("The radio reconnected; opening the join window again")
            entries = list(self._entries.values())
            self._entries = {}
            guard = self._establish()
            await self._load(guard, entries)
            await guard.set_install_code_only(True)
            await self._renew_permit()
            return Maintenance(reestablished=True)
        if guard.reset_seen:
            # Z-Stack forgot the flag and the permit: the flag first, the
            # permit once the network is back up (maybe already)
            guard.reset_seen = False
            await guard.set_install_code_only(True)
            if guard.restarted:
                guard.restarted = False
                await self._renew_permit()
            return Maintenance(reestablished=True)
        if guard.restarted:
            guard.restarted = False
            self._permit_due = 0.0
        foreign_ended = False
        if guard.foreign_until is not None:
            if guard.foreign_active:
                self._foreign_seen = True
            else:
                guard.foreign_until = None
                foreign_ended = self._foreign_seen
                self._foreign_seen = False
        if not guard.foreign_active:
            await guard.set_install_code_only(True)
        if self._clock() >= self._permit_due:
            await self._renew_permit()
        return Maintenance(foreign_permit_ended=foreign_ended)

    async def async_close_window(self) -> None:
        """Close the network, clear the flag and remove the keys nobody used."""
        guard, self._guard = self._guard, None
        entries, self._entries = self._entries, {}
        self._deadline = None
        if guard is None:
            return
        guard.uninstall()
        znp = _api(self._application)
        if znp is None:
            return
        flag = guard.foreign_flag  # ZHA's own install-code window may still run
        if znp is not guard.znp:
            guard = _RequestGuard(znp, self._clock)
            flag = False
        # Each step on its own: a refused permit must not keep the keys loaded
        steps: list[Callable[[], Awaitable[Any]]] = [
            lambda: self._application.permit(0),
            lambda: guard.set_install_code_only(flag),
            *[
                lambda ieee=ieee: self._remove_key(guard, ieee)
                for ieee in map(ieee_of, entries)
            ],
        ]
        for step in steps:
            try:
                await step()
            except Exception as err:
                _LOGGER.warning("Could not close the join window cleanly: %s", err)

    async def async_clear_leftovers(self) -> None:
        """Clear an install-code-only flag an earlier run left set."""
        znp = _api(self._application)
        if self._guard is not None or znp is None:
            return
        await _RequestGuard(znp, self._clock).set_install_code_only(False)

    async def async_remove_device(self, device: DeviceId) -> None:
        """Ask a device to leave and forget it."""
        await remove_device(self._application, ieee_of(device))
