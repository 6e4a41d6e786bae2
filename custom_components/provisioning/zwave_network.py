"""A Z-Wave JS network's provisioning list, through Home Assistant's ``zwave_js``.

Rules:

- **Our list is the source of truth for the entries it owns.** Every Z-Wave
  entry that is not revoked is provisioned in zwave-js (through
  ``ZWaveJsLink``) with its DSK, the classes to grant, its name and its area
  (as location); a removed or revoked entry is unprovisioned. Entries zwave-js
  holds that we did not create are never changed: they are shown as
  ``foreign`` and can be adopted.
- **Admission maps onto the entry's status in zwave-js.** Entries are Active
  while a window holds them (a manual window, or continuous admission, which
  holds every pending entry), and Inactive otherwise: ``ZWaveRadio`` is the
  radio adapter of the generic admission state machine.
- **A node zwave-js adds for one of our entries joins it**: the machine hears
  the join and the end of the interview (the node is included, and Home
  Assistant has its device), so the entry is joined, the event fires and the
  provider hears of it. A node included with lower security than requested
  (``lowSecurity``: S2 bootstrapping failed) is ``failed`` with the reason
  ``low_security``, and a repair says what to do. The node ID is noted on
  the service first, so the reports to the entry's provider carry it.
- **After a reconnect or a restart** the link reconciles again; an entry of
  ours that zwave-js reports with a node it did not have before is picked up
  as joined.
- Nothing here logs a full DSK.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Sequence
import logging
from typing import TYPE_CHECKING, Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers import area_registry as ar, issue_registry as ir

from .const import DOMAIN, NETWORK_ZWAVE_JS, ZWAVE_JS_DOMAIN
from .core import DeviceId, EntryStatus, ProvisioningEntry, Technology
from .core.radio import Maintenance, RadioAdapter, WindowResult
from .core.zwave.credential import SmartStartCredential
from .core.zwave.provisioning_list import DesiredProvision, ProvisionedEntry
from .zwave_js_link import (
    NodeAdded,
    ReconcileResult,
    ZWaveJsLink,
    ZWaveJsUnavailableError,
)

if TYPE_CHECKING:
    from .admission import Admission
    from .core import ProvisioningService

_LOGGER = logging.getLogger(__name__)

REASON_LOW_SECURITY = "low_security"


class ZWaveRadio:
    """The admission state machine's radio for a Z-Wave JS network."""

    enforces_provisioned_only: bool = True
    """SmartStart includes only provisioned devices, whatever else happens."""
    guard_foreign_permits: bool = True

    def __init__(self, network: ZWaveNetwork) -> None:
        """Adapter over the network's link."""
        self._network = network

    async def _async_hold(self, entries: Sequence[ProvisioningEntry]) -> WindowResult:
        wanted = {entry.device for entry in entries}
        self._network.active = wanted
        result = await self._network.async_push()
        failed = set(result.failed) if result is not None else set(map(str, wanted))
        loaded = tuple(d for d in wanted if d.text not in failed)
        waiting = tuple(d for d in wanted if d.text in failed)
        return WindowResult(loaded=loaded, waiting=waiting, enforced=True)

    async def async_open_window(
        self, entries: Sequence[ProvisioningEntry], duration: float | None
    ) -> WindowResult:
        """Make the entries Active (zwave-js includes them when powered)."""
        return await self._async_hold(entries)

    async def async_set_keys(
        self, entries: Sequence[ProvisioningEntry]
    ) -> WindowResult:
        """Make exactly these entries Active."""
        return await self._async_hold(entries)

    async def async_maintain(self) -> Maintenance:
        """Nothing to renew: zwave-js keeps its list; the link re-sends it
        after a reconnect."""
        return Maintenance()

    async def async_close_window(self) -> None:
        """Every entry Inactive again."""
        self._network.active = set()
        await self._network.async_push()

    async def async_clear_leftovers(self) -> None:
        """An earlier run's Active entries become Inactive."""
        self._network.active = set()
        await self._network.async_push()

    async def async_remove_device(self, device: DeviceId) -> None:
        """Nothing: SmartStart never includes a device that is not listed."""


class ZWaveNetwork:
    """One Z-Wave JS network (a ``zwave_js`` config entry)."""

    kind = NETWORK_ZWAVE_JS
    radio_name = "zwave-js"

    def __init__(self, hass: HomeAssistant, zwave_entry_id: str, owner: str) -> None:
        """Bind to the ``zwave_js`` entry; ``owner`` marks our entries there."""
        self.hass = hass
        self.zwave_entry_id = zwave_entry_id
        self.owner = owner
        self.radio: RadioAdapter = ZWaveRadio(self)
        self.active: set[DeviceId] = set()
        self.node_ids: dict[DeviceId, int] = {}
        self.foreign: tuple[ProvisionedEntry, ...] = ()
        self.adopt: set[str] = set()
        self.on_change: Callable[[], None] | None = None
        self.on_node: Callable[[DeviceId], None] | None = None
        """Called when a listed device's node is known (its device can be linked)."""
        self._admission: Admission | None = None
        self._service: ProvisioningService | None = None
        self._picked: set[DeviceId] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._push_queued = False
        self.link = ZWaveJsLink(
            hass,
            owner,
            config_entry_id=zwave_entry_id,
            on_node_added=self._async_node_added,
            on_reconciled=self._reconciled,
        )

    def known_devices(self) -> set[DeviceId]:
        """Nothing to keep from the guard: SmartStart includes listed devices only."""
        return set()

    def present(self) -> bool:
        """Whether the Z-Wave JS entry is loaded."""
        entry = self.hass.config_entries.async_get_entry(self.zwave_entry_id)
        return entry is not None and entry.state is ConfigEntryState.LOADED

    async def async_attach(self, admission: Admission) -> CALLBACK_TYPE:
        """Follow the list and zwave-js; return the undo."""
        self._admission = admission
        self._service = admission.machine.service
        unsubscribe = self._service.add_listener(self.async_schedule_push)
        await self.link.async_start()
        self.async_schedule_push()

        @callback
        def _detach() -> None:
            unsubscribe()
            self._admission = None
            self._spawn(self.link.async_stop())

        return _detach

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        task = self.hass.async_create_background_task(coro, "provisioning zwave_js")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # -- our list → zwave-js ----------------------------------------------------

    @callback
    def async_schedule_push(self) -> None:
        """Reconcile once at the end of this event-loop turn."""
        if self._push_queued:
            return
        self._push_queued = True

        def _run() -> None:
            self._push_queued = False
            self._spawn(self.async_push())

        self.hass.loop.call_soon(_run)

    def desired(self) -> list[DesiredProvision]:
        """What zwave-js should hold for our list."""
        if self._service is None:
            return []
        areas = ar.async_get(self.hass)
        wanted: list[DesiredProvision] = []
        for entry in self._service.entries():
            credential = entry.credential
            if (
                entry.technology is not Technology.ZWAVE
                or entry.status is EntryStatus.REVOKED
                or not isinstance(credential, SmartStartCredential)
            ):
                continue
            area = None
            if entry.area:
                found = areas.async_get_area(entry.area)
                area = found.name if found is not None else entry.area
            wanted.append(
                DesiredProvision(
                    dsk=credential.dsk,
                    security_classes=credential.security_classes,
                    active=entry.device in self.active,
                    name=entry.name,
                    location=area,
                    protocol=credential.protocol,
                )
            )
        return wanted

    async def async_push(self) -> ReconcileResult | None:
        """Make zwave-js hold our list; None while Z-Wave JS is away."""
        try:
            return await self.link.async_reconcile(self.desired(), self.adopt)
        except ZWaveJsUnavailableError as err:
            _LOGGER.debug("Z-Wave JS is not available (%s); sent when it is back", err)
            return None

    @callback
    def _reconciled(self, result: ReconcileResult) -> None:
        """Note nodes and foreign entries; pick up joins made meanwhile."""
        self.foreign = result.foreign
        self.adopt -= set(result.adopted)
        if self._service is not None:
            # a device that left the list and comes back is picked up afresh
            listed = {entry.device for entry in self._service.entries()}
            self._picked &= listed
            for gone in set(self.node_ids) - listed:
                del self.node_ids[gone]
        for owned in result.owned:
            if owned.node_id is None:
                continue
            device = DeviceId(Technology.ZWAVE, owned.id)
            if self.node_ids.get(device) != owned.node_id:
                self.node_ids[device] = owned.node_id
                if self._service is not None:
                    self._service.set_node_id(device, owned.node_id)
                if self.on_node is not None:
                    self.on_node(device)
            if self._service is None or device in self._picked:
                continue
            entry = self._service.get(device)
            if entry is not None and entry.status in (
                EntryStatus.PENDING,
                EntryStatus.ADMITTING,
            ):
                self._picked.add(device)
                self._spawn(self._async_joined(device))
        if self.on_change is not None:
            self.on_change()

    # -- zwave-js → our list ----------------------------------------------------

    async def _async_node_added(self, added: NodeAdded) -> None:
        if added.id is None:
            if added.low_security:
                _LOGGER.warning(
                    "Node %s was included without its S2 keys and matches no "
                    "single entry of the list",
                    added.node_id,
                )
            return
        device = DeviceId(Technology.ZWAVE, added.id)
        self.node_ids[device] = added.node_id
        if self._service is not None:
            self._service.set_node_id(device, added.node_id)
        self._picked.add(device)
        if self.on_node is not None:
            self.on_node(device)
        if added.low_security:
            await self._async_low_security(device, added.node_id)
        else:
            await self._async_joined(device)
        if self.on_change is not None:
            self.on_change()

    async def _async_joined(self, device: DeviceId) -> None:
        if (admission := self._admission) is None:
            return
        machine = admission.machine
        await machine.async_device_joined(device)
        await machine.async_device_initialized(device)

    async def _async_low_security(self, device: DeviceId, node_id: int) -> None:
        if (admission := self._admission) is None:
            return
        machine = admission.machine
        await machine.async_device_joined(device)
        if (cancel := machine.interviews.pop(device, None)) is not None:
            cancel()
        entry = await machine.service.async_set_status(
            device, EntryStatus.FAILED, reason=REASON_LOW_SECURITY
        )
        ir.async_create_issue(
            self.hass,
            DOMAIN,
            f"low_security_{self.owner}_{device.text}",
            is_fixable=False,
            severity=ir.IssueSeverity.WARNING,
            translation_key="zwave_low_security",
            translation_placeholders={
                "name": entry.name or device.text,
                "node": str(node_id),
            },
        )
        _LOGGER.warning(
            "Z-Wave node %s (%s) was included without the security it was "
            "granted: S2 bootstrapping failed",
            node_id,
            device,
        )

    async def async_stop(self) -> None:
        """Stop the link and wait for background work."""
        await self.link.async_stop()
        for task in list(self._tasks):
            task.cancel()


def zwave_home_id(hass: HomeAssistant, zwave_entry_id: str) -> str | None:
    """Return the home ID of a loaded Z-Wave JS entry, as 8 hex digits."""
    entry = hass.config_entries.async_get_entry(zwave_entry_id)
    if entry is None or entry.state is not ConfigEntryState.LOADED:
        return None
    client = getattr(getattr(entry, "runtime_data", None), "client", None)
    driver = getattr(client, "driver", None)
    if driver is None or driver.controller.home_id is None:
        return None
    return f"{driver.controller.home_id:08x}"


__all__ = ["ZWAVE_JS_DOMAIN", "ZWaveNetwork", "ZWaveRadio", "zwave_home_id"]
