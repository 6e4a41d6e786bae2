"""Install-code-only join windows on Silicon Labs EmberZNet radios (bellows).

Rules this module keeps:

- **The guard.** bellows' plain ``permit()`` imports a wildcard transient key
  carrying the well-known key and schedules a trust-center policy restore
  ``time_s + 2`` seconds later; either would reopen an install-code-only window
  to any device. While a window is open every EZSP command goes through a guard
  that keeps the install-code-only policy and drops wildcard key imports; what
  others asked for is applied when the window closes. With
  ``guard_foreign_permits`` off, a permit someone else opens (ZHA's "Add
  device") runs as they asked for its length; then the wildcard key is cleared,
  the provisioned keys are imported again and install-code-only returns.
- **Verify, don't trust.** The guard only sees what goes through bellows. Each
  maintenance pass (the state machine runs one at least once a second) reads
  the policy back with ``getPolicy`` and re-asserts install-code-only when
  something else changed it.
- **Key lifetime.** EmberZNet drops a transient key after
  ``CONFIG_TRANSIENT_KEY_TIMEOUT_S`` (300 s by default). EmberZNet accepts
  configuration values only before the network is initialised: after that
  ``setConfigurationValue`` answers ``EZSP_ERROR_INVALID_CALL``, so the lifetime
  cannot be raised for a running window without resetting the NCP (and would
  stay raised if the host went away mid-window). The window therefore reads the
  lifetime and imports each key again, every third of it; importing a key for
  the same IEEE replaces the entry and restarts its timer. The NCP's
  configuration is never changed.
- **Resets and reconnects.** bellows replaces its protocol object (and, on a
  reconnect, its ``EZSP`` object) when the NCP resets. A maintenance pass that
  finds another protocol object than the one guarded re-installs the guard on
  it, then imports the keys, sets the policy and opens the permit again. An NCP
  comes back from a reset with its permit closed, so no device joins between.
- **bellows' internals through one module.** What this adapter needs inside
  bellows (the EZSP object and its protocol object, the protocol's
  ``command`` and its start-up ``tc_policy``) is reached only through
  ``bellows_internals``, whose test fails loudly when bellows changes.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
import logging
import math
import time
from typing import TYPE_CHECKING, Any

import bellows.types as t
from zigpy.application import ControllerApplication as ZigpyApplication
from zigpy.types import EUI64

from custom_components.provisioning.core.entry import ProvisioningEntry
from custom_components.provisioning.core.identity import DeviceId
from custom_components.provisioning.core.radio import (
    Maintenance,
    RadioLostError,
    WindowResult,
)

from .bellows_internals import (
    Command,
    ezsp_of,
    hook_command,
    protocol_of,
    startup_tc_policy,
    unhook_command,
)
from .guarded_window import MAX_PERMIT_S, GuardedWindowRadio
from .identity import ieee_of, link_key_of
from .log_redaction import redact_link_keys
from .removal import remove_device

if TYPE_CHECKING:
    from bellows.zigbee.application import ControllerApplication

_LOGGER = logging.getLogger(__name__)

WILDCARD_IEEE = EUI64.convert("FF:FF:FF:FF:FF:FF:FF:FF")
INSTALL_CODE_ONLY = (
    t.EzspDecisionBitmask.ALLOW_JOINS | t.EzspDecisionBitmask.JOINS_USE_INSTALL_CODE_KEY
)
KEY_IMPORT_COMMANDS = {"addTransientLinkKey": "partner", "importTransientKey": "eui64"}
DEFAULT_KEY_LIFETIME_S = 300.0
BELLOWS_RESTORE_DELAY_S = 2


def _argument(
    args: tuple[Any, ...], kwargs: dict[str, Any], name: str, position: int
) -> Any:
    if name in kwargs:
        return kwargs[name]
    return args[position] if len(args) > position else None


def _ok(status: Any) -> bool:
    return bool(t.sl_Status.from_ember_status(status) == t.sl_Status.OK)


class _CommandGuard:
    """Wraps one EZSP protocol object's ``command`` for the length of a window."""

    def __init__(
        self, protocol: Any, ezsp_version: int, clock: Callable[[], float]
    ) -> None:
        self.protocol = protocol
        self._ezsp_version = ezsp_version
        self._clock = clock
        self._original: Command = protocol.command
        self.requested_policy: int | None = None
        self.dropped_wildcards = 0
        self.deadline: float | None = None
        self.guard_foreign = True
        self.foreign_until: float | None = None
        self.foreign_closed_until: float | None = None
        self.on_foreign_end: Callable[[], Awaitable[None]] | None = None
        self.own_permit = False

    def install(self) -> None:
        hook_command(self.protocol, self._command)

    def uninstall(self) -> None:
        unhook_command(self.protocol, self._command)

    @property
    def foreign_active(self) -> bool:
        return self.foreign_until is not None and self._clock() < self.foreign_until

    async def send(self, name: str, *args: Any, **kwargs: Any) -> Any:
        """Send a command past the guard."""
        return await self._original(name, *args, **kwargs)

    async def set_install_code_only(self) -> None:
        await self._original(
            "setPolicy",
            policyId=t.EzspPolicyId.TRUST_CENTER_POLICY,
            decisionId=INSTALL_CODE_ONLY,
        )

    async def _command(self, name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "setPolicy":
            policy_id = _argument(args, kwargs, "policyId", 0)
            if policy_id == t.EzspPolicyId.TRUST_CENTER_POLICY:
                decision = _argument(args, kwargs, "decisionId", 1)
                if decision != INSTALL_CODE_ONLY:
                    if self.foreign_active:
                        return await self._original(name, *args, **kwargs)
                    self.requested_policy = int(decision)
                    _LOGGER.debug(
                        "Keeping the install-code-only policy; 0x%04x applies after the window",
                        int(decision),
                    )
                return await self._original(
                    name,
                    policyId=t.EzspPolicyId.TRUST_CENTER_POLICY,
                    decisionId=INSTALL_CODE_ONLY,
                )
        elif name == "permitJoining" and self.deadline is not None:
            duration = int(_argument(args, kwargs, "duration", 0))
            # Someone else's permit may not end (or shorten) the window.
            remaining = (
                MAX_PERMIT_S
                if math.isinf(self.deadline)
                else math.ceil(self.deadline - self._clock())
            )
            result = await self._original(
                name, min(MAX_PERMIT_S, max(duration, remaining))
            )
            if not self.own_permit and not self.guard_foreign:
                if duration > 0:
                    self.foreign_until = self._clock() + duration
                elif self.foreign_until is not None:
                    # A foreign permit(0) closes nothing of the window: undo
                    # what its pre-permit let through, now.
                    self.foreign_until = None
                    # its wildcard import may still be on its way
                    self.foreign_closed_until = self._clock() + 1
                    if self.on_foreign_end is not None:
                        await self.on_foreign_end()
            return result
        elif name in KEY_IMPORT_COMMANDS:
            ieee = _argument(args, kwargs, KEY_IMPORT_COMMANDS[name], 0)
            if ieee == WILDCARD_IEEE:
                closing = (
                    self.foreign_closed_until is not None
                    and self._clock() < self.foreign_closed_until
                )
                if not self.guard_foreign and not closing:
                    # the permit that follows sets how long it lasts
                    self.foreign_until = self._clock() + BELLOWS_RESTORE_DELAY_S
                    return await self._original(name, *args, **kwargs)
                self.dropped_wildcards += 1
                _LOGGER.debug(
                    "Dropped a wildcard link key during an install-code-only window"
                )
                if self._ezsp_version >= 13:
                    return [t.sl_Status.OK]
                return [t.EmberStatus.SUCCESS]
        return await self._original(name, *args, **kwargs)


class EzspRadio(GuardedWindowRadio[_CommandGuard]):
    """A bellows radio that enforces install-code-only joins for a whole window."""

    def __init__(
        self,
        application: ControllerApplication,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Initialize the adapter."""
        super().__init__(clock)
        self._application = application
        self._policy_before: int | None = None
        self._keys_due = 0.0
        self.key_lifetime_s = DEFAULT_KEY_LIFETIME_S

    @property
    def refresh_interval_s(self) -> float:
        """Return how often keys are imported again."""
        return max(0.5, self.key_lifetime_s / 3)

    def _connected_ezsp(self) -> Any:
        ezsp = ezsp_of(self._application)
        if ezsp is None or protocol_of(self._application) is None:
            raise RadioLostError("the radio is not connected")
        return ezsp

    async def async_open_window(
        self, entries: Sequence[ProvisioningEntry], duration: float | None
    ) -> WindowResult:
        """Load each entry's key and open the network to those devices only."""
        redact_link_keys(bytes(link_key_of(entry)) for entry in entries)
        if self._guard is not None:
            await self.async_close_window()
        now = self._clock()
        self._deadline = None if duration is None else now + duration
        try:
            self._policy_before = await self._establish()
            result = await self._load(entries, clear=True)
        except BaseException:
            await self.async_close_window()
            raise
        return result

    async def _establish(self) -> int:
        """Guard the current protocol object, read the NCP, hold the policy and permit."""
        ezsp = self._connected_ezsp()
        guard = _CommandGuard(
            protocol_of(self._application), ezsp.ezsp_version, self._clock
        )
        guard.deadline = math.inf if self._deadline is None else self._deadline
        guard.guard_foreign = self._guard_foreign
        guard.on_foreign_end = self._end_foreign
        if self._guard is not None:
            guard.requested_policy = self._guard.requested_policy
            self._guard.uninstall()
        guard.install()
        self._guard = guard
        policy = await self._read_policy(guard)
        self.key_lifetime_s = await self._read_key_lifetime(guard)
        await guard.send("clearTransientLinkKeys")
        await guard.set_install_code_only()
        await self._renew_permit()
        return policy

    async def _read_policy(self, guard: _CommandGuard) -> int:
        status, decision = await guard.send(
            "getPolicy", policyId=t.EzspPolicyId.TRUST_CENTER_POLICY
        )
        if _ok(status):
            return int(decision)
        return startup_tc_policy(guard.protocol)

    async def _read_key_lifetime(self, guard: _CommandGuard) -> float:
        status, value = await guard.send(
            "getConfigurationValue",
            configId=t.EzspConfigId.CONFIG_TRANSIENT_KEY_TIMEOUT_S,
        )
        if t.EzspStatus(status) == t.EzspStatus.SUCCESS and int(value) > 0:
            return float(value)
        return DEFAULT_KEY_LIFETIME_S

    async def _load(
        self, entries: Sequence[ProvisioningEntry], *, clear: bool
    ) -> WindowResult:
        ezsp = self._connected_ezsp()
        if clear:
            self._entries = {}
        loaded: list[DeviceId] = list(self._entries)
        waiting: list[DeviceId] = []
        for entry in entries:
            if entry.device in self._entries:
                continue
            if waiting:
                waiting.append(entry.device)
                continue
            status = await ezsp.add_transient_link_key(
                ieee_of(entry), link_key_of(entry)
            )
            if _ok(status):
                loaded.append(entry.device)
                self._entries[entry.device] = entry
            else:
                _LOGGER.warning(
                    "The radio refused the key of %s (%s); %d devices wait for the next window",
                    entry.device,
                    status,
                    len(entries) - len(loaded),
                )
                waiting.append(entry.device)
        if clear:
            self._keys_due = self._clock() + self.refresh_interval_s
        return WindowResult(loaded=tuple(loaded), waiting=tuple(waiting), enforced=True)

    async def _replace_keys(
        self, guard: _CommandGuard, entries: Sequence[ProvisioningEntry]
    ) -> WindowResult:
        wanted = {entry.device for entry in entries}
        if set(self._entries) - wanted:
            # No EZSP frame removes one transient key: clear, then import the rest.
            await guard.send("clearTransientLinkKeys")
            return await self._load(entries, clear=True)
        return await self._load(entries, clear=False)

    async def _send_permit(self, time_s: int) -> None:
        # zigpy's own permit: bellows' override would import the wildcard key.
        await ZigpyApplication.permit(self._application, time_s)

    async def async_maintain(self) -> Maintenance:
        """Re-establish after a reset, verify the policy, refresh keys and permit."""
        guard = self._guard
        if guard is None:
            return Maintenance()
        current = protocol_of(self._application)
        if current is None:
            raise RadioLostError("the radio is not connected")
        if current is not guard.protocol:
            _LOGGER.info("The radio was reset; opening the join window again")
            await self._establish()
            await self._load(list(self._entries.values()), clear=True)
            return Maintenance(reestablished=True)
        now = self._clock()
        foreign_ended = False
        if guard.foreign_until is not None and not guard.foreign_active:
            guard.foreign_until = None
            foreign_ended = True
            await self._end_foreign()
        found: int | None = None
        if not guard.foreign_active:
            policy = await self._read_policy(guard)
            if policy != INSTALL_CODE_ONLY:
                found = policy
                await guard.set_install_code_only()
        refreshed = 0
        if now >= self._keys_due and not foreign_ended:
            ezsp = self._connected_ezsp()
            for entry in self._entries.values():
                await ezsp.add_transient_link_key(ieee_of(entry), link_key_of(entry))
                refreshed += 1
            self._keys_due = now + self.refresh_interval_s
        if now >= self._permit_due:
            await self._renew_permit()
        return Maintenance(
            policy_found=found,
            keys_refreshed=refreshed,
            foreign_permit_ended=foreign_ended,
        )

    async def _end_foreign(self) -> None:
        """Drop what a foreign permit let through; hold install-code-only again."""
        guard = self._guard
        if guard is None:
            return
        await guard.send("clearTransientLinkKeys")
        await guard.set_install_code_only()
        await self._load(list(self._entries.values()), clear=True)

    async def async_close_window(self) -> None:
        """Close the network, restore the policy and clear the keys."""
        guard, self._guard = self._guard, None
        self._entries = {}
        self._deadline = None
        if guard is None:
            return
        guard.uninstall()
        policy = guard.requested_policy
        if policy is None:
            policy = self._policy_before
        if protocol_of(self._application) is not guard.protocol:
            return  # a reset NCP holds neither keys nor the policy
        try:
            await self._permit(0)
            if policy is not None:
                await guard.send(
                    "setPolicy",
                    policyId=t.EzspPolicyId.TRUST_CENTER_POLICY,
                    decisionId=policy,
                )
            await guard.send("clearTransientLinkKeys")
        except Exception as err:
            _LOGGER.warning("Could not close the join window cleanly: %s", err)

    async def async_clear_leftovers(self) -> None:
        """Clear transient keys, and an install-code-only policy nobody holds."""
        if self._guard is not None or protocol_of(self._application) is None:
            return
        ezsp = self._connected_ezsp()
        await ezsp.clearTransientLinkKeys()
        status, decision = await ezsp.getPolicy(t.EzspPolicyId.TRUST_CENTER_POLICY)
        if _ok(status) and int(decision) == INSTALL_CODE_ONLY:
            _LOGGER.info("Restoring the trust-center policy an earlier window left")
            await ezsp.setPolicy(
                t.EzspPolicyId.TRUST_CENTER_POLICY,
                startup_tc_policy(protocol_of(self._application)),
            )

    async def async_remove_device(self, device: DeviceId) -> None:
        """Ask a device to leave and forget it."""
        await remove_device(self._application, ieee_of(device))
