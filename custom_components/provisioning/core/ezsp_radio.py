"""Install-code-only join windows on Silicon Labs EmberZNet radios (bellows).

bellows' plain ``permit()`` imports a wildcard transient key carrying the
well-known key and schedules a trust-center policy restore ``time_s + 2``
seconds later. Either would reopen an install-code-only window to any device.
While a window is open, every EZSP command goes through a guard that keeps
the install-code-only policy and drops wildcard key imports; what others asked
for is applied when the window closes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
import logging
import math
import time
from typing import TYPE_CHECKING, Any

import bellows.types as t
from zigpy.application import ControllerApplication as ZigpyApplication
from zigpy.types import EUI64

from .entry import ProvisioningEntry
from .log_redaction import redact_link_keys
from .radio import WindowResult

if TYPE_CHECKING:
    from bellows.zigbee.application import ControllerApplication

_LOGGER = logging.getLogger(__name__)

WILDCARD_IEEE = EUI64.convert("FF:FF:FF:FF:FF:FF:FF:FF")
INSTALL_CODE_ONLY = (
    t.EzspDecisionBitmask.ALLOW_JOINS | t.EzspDecisionBitmask.JOINS_USE_INSTALL_CODE_KEY
)
KEY_IMPORT_COMMANDS = {"addTransientLinkKey": "partner", "importTransientKey": "eui64"}
MAX_PERMIT_S = 254
type Command = Callable[..., Awaitable[Any]]


def _argument(
    args: tuple[Any, ...], kwargs: dict[str, Any], name: str, position: int
) -> Any:
    if name in kwargs:
        return kwargs[name]
    return args[position] if len(args) > position else None


class _CommandGuard:
    """Wraps one EZSP protocol object's ``command`` for the length of a window."""

    def __init__(self, protocol: Any, ezsp_version: int) -> None:
        self.protocol = protocol
        self._ezsp_version = ezsp_version
        self._original: Command = protocol.command
        self.requested_policy: int | None = None
        self.dropped_wildcards = 0
        self.deadline: float | None = None

    def install(self) -> None:
        self.protocol.command = self._command

    def uninstall(self) -> None:
        if self.protocol.__dict__.get("command") == self._command:
            del self.protocol.command

    async def send(self, name: str, *args: Any, **kwargs: Any) -> Any:
        """Send a command past the guard."""
        return await self._original(name, *args, **kwargs)

    async def _command(self, name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "setPolicy":
            policy_id = _argument(args, kwargs, "policyId", 0)
            if policy_id == t.EzspPolicyId.TRUST_CENTER_POLICY:
                decision = _argument(args, kwargs, "decisionId", 1)
                if decision != INSTALL_CODE_ONLY:
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
            # Someone else's permit may not end (or shorten) the window.
            duration = _argument(args, kwargs, "duration", 0)
            remaining = math.ceil(self.deadline - time.monotonic())
            return await self._original(
                name, min(MAX_PERMIT_S, max(int(duration), remaining))
            )
        elif name in KEY_IMPORT_COMMANDS:
            ieee = _argument(args, kwargs, KEY_IMPORT_COMMANDS[name], 0)
            if ieee == WILDCARD_IEEE:
                self.dropped_wildcards += 1
                _LOGGER.debug(
                    "Dropped a wildcard link key during an install-code-only window"
                )
                if self._ezsp_version >= 13:
                    return [t.sl_Status.OK]
                return [t.EmberStatus.SUCCESS]
        return await self._original(name, *args, **kwargs)


class EzspRadio:
    """A bellows radio that enforces install-code-only joins for a whole window."""

    enforces_install_code_only = True

    def __init__(self, application: ControllerApplication) -> None:
        """Initialize the adapter."""
        self._application = application
        self._guard: _CommandGuard | None = None
        self._policy_before: int | None = None
        self._refresh: asyncio.Task[None] | None = None

    @property
    def window_open(self) -> bool:
        """Return whether a window is open."""
        return self._guard is not None

    async def async_open_window(
        self, entries: Sequence[ProvisioningEntry], duration: int
    ) -> WindowResult:
        """Load each entry's key and open the network to those devices only."""
        redact_link_keys(bytes(entry.link_key) for entry in entries)
        if self._guard is not None:
            await self.async_close_window()
        ezsp = self._application._ezsp
        assert ezsp is not None
        guard = _CommandGuard(ezsp._protocol, ezsp.ezsp_version)
        guard.deadline = time.monotonic() + duration
        guard.install()
        self._guard = guard
        try:
            self._policy_before = await self._read_policy(guard)
            await guard.send("clearTransientLinkKeys")
            loaded, waiting = await self._load_keys(ezsp, entries)
            await guard.send(
                "setPolicy",
                policyId=t.EzspPolicyId.TRUST_CENTER_POLICY,
                decisionId=INSTALL_CODE_ONLY,
            )
            await self._permit(min(duration, MAX_PERMIT_S))
        except BaseException:
            await self.async_close_window()
            raise
        if duration > MAX_PERMIT_S:
            self._refresh = asyncio.create_task(self._keep_open(duration))
        return WindowResult(loaded=loaded, waiting=waiting, enforced=True)

    async def _read_policy(self, guard: _CommandGuard) -> int:
        status, decision = await guard.send(
            "getPolicy", policyId=t.EzspPolicyId.TRUST_CENTER_POLICY
        )
        if t.sl_Status.from_ember_status(status) == t.sl_Status.OK:
            return int(decision)
        return int(guard.protocol.tc_policy)

    async def _load_keys(
        self, ezsp: Any, entries: Sequence[ProvisioningEntry]
    ) -> tuple[tuple[EUI64, ...], tuple[EUI64, ...]]:
        loaded: list[EUI64] = []
        waiting: list[EUI64] = []
        for entry in entries:
            if waiting:
                waiting.append(entry.ieee)
                continue
            status = await ezsp.add_transient_link_key(entry.ieee, entry.link_key)
            if t.sl_Status.from_ember_status(status) == t.sl_Status.OK:
                loaded.append(entry.ieee)
            else:
                _LOGGER.warning(
                    "The radio refused the key of %s (%s); %d devices wait for the next window",
                    entry.ieee,
                    status,
                    len(entries) - len(loaded),
                )
                waiting.append(entry.ieee)
        return tuple(loaded), tuple(waiting)

    async def _permit(self, time_s: int) -> None:
        # zigpy's own permit: bellows' override would import the wildcard key.
        await ZigpyApplication.permit(self._application, time_s)

    async def _keep_open(self, duration: int) -> None:
        remaining = duration - MAX_PERMIT_S
        while remaining > 0:
            await asyncio.sleep(MAX_PERMIT_S - 4)
            remaining -= MAX_PERMIT_S - 4
            await self._permit(min(remaining + 4, MAX_PERMIT_S))

    async def async_close_window(self) -> None:
        """Close the network, restore the policy and clear the keys."""
        guard, self._guard = self._guard, None
        if self._refresh is not None:
            self._refresh.cancel()
            self._refresh = None
        if guard is None:
            return
        guard.uninstall()
        policy = guard.requested_policy
        if policy is None:
            policy = self._policy_before
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

    async def async_remove_device(self, ieee: EUI64) -> None:
        """Ask a device to leave and forget it."""
        await self._application.remove(ieee)
