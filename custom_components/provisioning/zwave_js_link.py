"""The provisioning list's link to Home Assistant's Z-Wave JS integration.

Rules:

- The link uses the client of a loaded ``zwave_js`` config entry
  (``entry.runtime_data.client``, Home Assistant 2026.10) and talks to
  zwave-js through it: ``controller.get_provisioning_entries``,
  ``provision_smart_start_node`` and ``unprovision_smart_start_node``. It
  never uses Home Assistant's ``zwave_js/provision_smart_start_node``
  websocket command, so Home Assistant creates no ``provision_{dsk}``
  placeholder device for our entries; only an adopted entry keeps the
  ``device_id`` Home Assistant gave it.
- ``async_reconcile`` plans with ``core.zwave.provisioning_list.plan`` (only
  entries marked as ours are changed, and foreign ones named for adoption,
  whose extra properties stay) and sends the commands one by one. It raises
  ``ZWaveJsUnavailableError`` (and nothing else) when no ``zwave_js`` entry
  is loaded or the list cannot be read; a command that fails (also one the
  client cancels as its connection closes) is reported in
  ``ReconcileResult.failed`` and the others still run. The last wanted list
  is kept: it is reconciled again whenever the ``zwave_js`` entry is loaded
  again (it reloads after its server connection dropped), so nothing is lost
  while the link is down.
- A node added to the network is matched to its DSK by zwave-js's
  provisioning entry for the node (zwave-js gives an entry a ``nodeId`` once
  S2 bootstrapping confirmed the DSK). A node whose S2 bootstrapping failed
  (``lowSecurity``) has no DSK in zwave-js: when it follows a SmartStart
  inclusion and exactly one entry of ours is active and not yet included or
  matched, it is that entry; otherwise it is reported without a DSK. Only
  nodes of our entries (or without a match after a SmartStart inclusion) are
  reported, after Home Assistant registered the node's device.
- Home Assistant merges its own ``provision_{dsk}`` placeholder into the
  node's device when the entry carries its ``device_id`` (an adopted entry
  does). If one is still left beside the node's device (the property was
  lost), its area and name go to the node's device and the placeholder is
  removed: one device per node.
- The full DSK (PIN included) is never logged here; ``NodeAdded`` and
  ``ReconcileResult`` show masked DSKs only. zwave-js-server-python logs every
  WebSocket message at DEBUG, and relays the driver's log: from the start of
  the first link, ``core.zwave.log_redaction`` masks every PIN in those logs
  (Home Assistant's own SmartStart included).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine, Iterable
from dataclasses import dataclass
import logging
from typing import TYPE_CHECKING, Any

from aiohttp import ClientError
from homeassistant.config_entries import (
    SIGNAL_CONFIG_ENTRY_CHANGED,
    ConfigEntry,
    ConfigEntryChange,
    ConfigEntryState,
)
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from zwave_js_server.const import InclusionStrategy
from zwave_js_server.exceptions import BaseZwaveJSServerError
from zwave_js_server.model.controller.inclusion_and_provisioning import (
    ProvisioningEntry,
)

from .core.zwave.dsk import Dsk
from .core.zwave.log_redaction import redact_dsk_pins
from .core.zwave.provisioning_list import (
    DesiredProvision,
    ProvisionedEntry,
    parse_reported,
    parse_reported_list,
    plan,
)

if TYPE_CHECKING:
    from zwave_js_server.client import Client

_LOGGER = logging.getLogger(__name__)

ZWAVE_JS_DOMAIN = "zwave_js"
DEVICE_TIMEOUT = 60.0


class _CommandDroppedError(Exception):
    """The client cancelled a pending command: its connection closed."""


# What a dropped or refusing server link raises through the client.
_LINK_ERRORS = (
    BaseZwaveJSServerError,
    ClientError,
    TimeoutError,
    OSError,
    _CommandDroppedError,
)


async def _command[T](awaitable: Awaitable[T]) -> T:
    """Await one client command. When the connection closes, the client
    cancels the pending commands' futures: that is ``_CommandDroppedError`` here,
    unless this task itself is being cancelled."""
    try:
        return await awaitable
    except asyncio.CancelledError:
        task = asyncio.current_task()
        if task is not None and task.cancelling():
            raise
        raise _CommandDroppedError from None


class ZWaveJsUnavailableError(Exception):
    """No loaded Z-Wave JS entry, or its server did not answer."""


@dataclass(frozen=True, slots=True)
class ReconcileResult:
    """What one reconcile did; identities are masked DSKs."""

    provisioned: tuple[str, ...] = ()
    unprovisioned: tuple[str, ...] = ()
    adopted: tuple[str, ...] = ()
    failed: tuple[str, ...] = ()
    foreign: tuple[ProvisionedEntry, ...] = ()
    conflicts: tuple[str, ...] = ()
    unreadable: int = 0
    owned: tuple[ProvisionedEntry, ...] = ()
    """Our entries as zwave-js held them before the commands (with node ids)."""

    @property
    def commands(self) -> int:
        """How many provisioning commands were sent (failed ones included)."""
        return (
            len(self.provisioned)
            + len(self.unprovisioned)
            + len(self.adopted)
            + len(self.failed)
        )


@dataclass(frozen=True, slots=True)
class NodeAdded:
    """A node zwave-js added for one of our entries. ``repr`` masks the DSK."""

    id: str | None
    dsk: Dsk | None
    node_id: int
    low_security: bool
    device_id: str | None


type NodeAddedCallback = Callable[[NodeAdded], Awaitable[None] | None]
type ReconciledCallback = Callable[[ReconcileResult], None]


class ZWaveJsLink:
    """Keep zwave-js's SmartStart list holding our entries; report our nodes."""

    def __init__(
        self,
        hass: HomeAssistant,
        owner: str,
        *,
        config_entry_id: str | None = None,
        on_node_added: NodeAddedCallback | None = None,
        on_reconciled: ReconciledCallback | None = None,
        device_timeout: float = DEVICE_TIMEOUT,
    ) -> None:
        """Link ``owner``'s entries to the ``zwave_js`` entry (the only one
        loaded when ``config_entry_id`` is None)."""
        self.hass = hass
        self.owner = owner
        self.config_entry_id = config_entry_id
        self._on_node_added = on_node_added
        self._on_reconciled = on_reconciled
        self._device_timeout = device_timeout
        self._desired: tuple[DesiredProvision, ...] | None = None
        self._adopt: frozenset[str] = frozenset()
        self._lock = asyncio.Lock()
        self._client: Client | None = None
        self._entry_id: str | None = None
        self._detach: list[CALLBACK_TYPE] = []
        self._stop_listening: CALLBACK_TYPE | None = None
        self._smart_start = False
        self._claimed: set[Dsk] = set()
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def client(self) -> Client | None:
        """The client in use, or None while no ``zwave_js`` entry is loaded."""
        return self._client

    async def async_start(self) -> None:
        """Follow the ``zwave_js`` entry: attach now if it is loaded, and again
        after each reload."""
        redact_dsk_pins()
        self._stop_listening = async_dispatcher_connect(
            self.hass, SIGNAL_CONFIG_ENTRY_CHANGED, self._entry_changed
        )
        for entry in self.hass.config_entries.async_entries(ZWAVE_JS_DOMAIN):
            self._entry_changed(ConfigEntryChange.UPDATED, entry)

    async def async_stop(self) -> None:
        """Stop following; wait for the node tasks to end."""
        if self._stop_listening is not None:
            self._stop_listening()
            self._stop_listening = None
        self._detach_client()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    @callback
    def _entry_changed(self, change: ConfigEntryChange, entry: ConfigEntry) -> None:
        if entry.domain != ZWAVE_JS_DOMAIN or (
            self.config_entry_id is not None and entry.entry_id != self.config_entry_id
        ):
            return
        if change is ConfigEntryChange.REMOVED or entry.state is not (
            ConfigEntryState.LOADED
        ):
            if self._client is not None and self._entry_id == entry.entry_id:
                self._detach_client()
            return
        client: Client = entry.runtime_data.client
        if client is self._client or (
            self._entry_id is not None and self._entry_id != entry.entry_id
        ):
            return  # the same client, or another network while one is linked
        self._detach_client()
        self._attach_client(entry.entry_id, client)

    def _attach_client(self, entry_id: str, client: Client) -> None:
        if client.driver is None:
            return
        controller = client.driver.controller
        self._client = client
        self._entry_id = entry_id
        self._smart_start = False
        self._detach = [
            controller.on("inclusion started", self._inclusion_started),
            controller.on("node added", self._node_added),
        ]
        _LOGGER.debug("Linked to the Z-Wave JS server of entry %s", entry_id)
        if self._desired is not None:
            self._spawn(self._async_reconcile_kept())

    def _detach_client(self) -> None:
        for detach in self._detach:
            detach()
        self._detach = []
        self._client = None
        self._entry_id = None

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task: asyncio.Task[None] = self.hass.async_create_background_task(
            coro, "provisioning zwave_js link"
        )
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _async_reconcile_kept(self) -> None:
        if self._desired is None:
            return
        try:
            await self.async_reconcile(self._desired, self._adopt)
        except ZWaveJsUnavailableError:
            _LOGGER.debug("Z-Wave JS went away again before the reconcile")

    # Reconcile.

    async def async_reconcile(
        self, desired: Iterable[DesiredProvision], adopt: Iterable[str] = ()
    ) -> ReconcileResult:
        """Make zwave-js hold ``desired`` (kept for the next reconnect),
        taking over the foreign entries whose identities ``adopt`` names."""
        wanted = tuple(desired)
        adopting = frozenset(adopt)
        self._desired, self._adopt = wanted, adopting
        async with self._lock:
            client = self._client
            if client is None or client.driver is None:
                raise ZWaveJsUnavailableError("no loaded Z-Wave JS entry")
            controller = client.driver.controller
            try:
                entries = await _command(controller.async_get_provisioning_entries())
            except _LINK_ERRORS as err:
                raise ZWaveJsUnavailableError(type(err).__name__) from err
            reported, unreadable = parse_reported_list(
                entry.to_dict() for entry in entries
            )
            result = plan(wanted, reported, self.owner, adopting)
            provisioned: list[str] = []
            adopted: list[str] = []
            unprovisioned: list[str] = []
            failed: list[str] = []
            for dsk in result.unprovision:
                try:
                    await _command(
                        controller.async_unprovision_smart_start_node(dsk.reveal())
                    )
                except _LINK_ERRORS as err:
                    _LOGGER.warning("Unprovisioning %s failed: %s", dsk.masked, err)
                    failed.append(dsk.masked)
                else:
                    unprovisioned.append(dsk.masked)
            for command in result.provision:
                data = command.to_zwave_js(self.owner)
                try:
                    await _command(
                        controller.async_provision_smart_start_node(
                            ProvisioningEntry.from_dict(data)
                        )
                    )
                except _LINK_ERRORS as err:
                    _LOGGER.warning(
                        "Provisioning %s failed: %s", command.desired.id, err
                    )
                    failed.append(command.desired.id)
                else:
                    (adopted if command.adopted else provisioned).append(
                        command.desired.id
                    )
            outcome = ReconcileResult(
                provisioned=tuple(provisioned),
                unprovisioned=tuple(unprovisioned),
                adopted=tuple(adopted),
                failed=tuple(failed),
                foreign=result.foreign,
                conflicts=result.conflicts,
                unreadable=unreadable,
                owned=tuple(e for e in reported if e.owned_by(self.owner)),
            )
        if self._on_reconciled is not None:
            self._on_reconciled(outcome)
        return outcome

    # Nodes.

    @callback
    def _inclusion_started(self, event: dict[str, Any]) -> None:
        self._smart_start = event.get("strategy") == InclusionStrategy.SMART_START

    @callback
    def _node_added(self, event: dict[str, Any]) -> None:
        client, entry_id = self._client, self._entry_id
        if client is None or entry_id is None:
            return
        smart_start, self._smart_start = self._smart_start, False
        result = event.get("result") or {}
        self._spawn(
            self._async_node_added(
                client,
                entry_id,
                event["node"].node_id,
                bool(result.get("lowSecurity")),
                smart_start,
            )
        )

    async def _async_entry_of(
        self, client: Client, node_id: int, low_security: bool, smart_start: bool
    ) -> tuple[ProvisionedEntry | None, bool]:
        """Our entry for the node (None if unknown) and whether to report it."""
        assert client.driver is not None
        controller = client.driver.controller
        found = await _command(controller.async_get_provisioning_entry(node_id))
        if found is not None:
            entry = parse_reported(found.to_dict())
            return (entry, True) if entry.owned_by(self.owner) else (None, False)
        if not (low_security and smart_start):
            return None, False
        entries, _ = parse_reported_list(
            e.to_dict()
            for e in await _command(controller.async_get_provisioning_entries())
        )
        candidates = [
            e
            for e in entries
            if e.owned_by(self.owner)
            and e.active
            and e.node_id is None
            and e.dsk not in self._claimed
        ]
        if len(candidates) == 1:
            self._claimed.add(candidates[0].dsk)
            return candidates[0], True
        return None, True

    async def _async_node_added(
        self,
        client: Client,
        entry_id: str,
        node_id: int,
        low_security: bool,
        smart_start: bool,
    ) -> None:
        try:
            entry, report = await self._async_entry_of(
                client, node_id, low_security, smart_start
            )
        except _LINK_ERRORS as err:
            _LOGGER.warning(
                "Node %s added; its entry could not be read: %s", node_id, err
            )
            return
        if not report:
            return
        assert client.driver is not None
        identifier = (ZWAVE_JS_DOMAIN, f"{client.driver.controller.home_id}-{node_id}")
        device = await self._async_device(entry_id, identifier)
        if device is not None and entry is not None:
            self._merge_placeholder(entry_id, device, entry.dsk)
        added = NodeAdded(
            id=entry.id if entry else None,
            dsk=entry.dsk if entry else None,
            node_id=node_id,
            low_security=low_security,
            device_id=device.id if device else None,
        )
        _LOGGER.debug("Node %s added for %s", node_id, added.id)
        if self._on_node_added is not None:
            outcome = self._on_node_added(added)
            if outcome is not None:
                await outcome

    async def _async_device(
        self, entry_id: str, identifier: tuple[str, str]
    ) -> dr.DeviceEntry | None:
        """The node's device once Home Assistant registered it (or None)."""
        registry = dr.async_get(self.hass)
        registered = asyncio.Event()

        @callback
        def changed(_event: Event[dr.EventDeviceRegistryUpdatedData]) -> None:
            if registry.async_get_device_by_identifier(identifier, entry_id):
                registered.set()

        stop = self.hass.bus.async_listen(dr.EVENT_DEVICE_REGISTRY_UPDATED, changed)
        try:
            if not registry.async_get_device_by_identifier(identifier, entry_id):
                async with asyncio.timeout(self._device_timeout):
                    await registered.wait()
        except TimeoutError:
            _LOGGER.warning("No device registered for Z-Wave node %s", identifier[1])
        finally:
            stop()
        return registry.async_get_device_by_identifier(identifier, entry_id)

    def _merge_placeholder(
        self, entry_id: str, device: dr.DeviceEntry, dsk: Dsk
    ) -> None:
        registry = dr.async_get(self.hass)
        placeholder_id = (ZWAVE_JS_DOMAIN, f"provision_{dsk.reveal()}")
        placeholder = registry.async_get_device_by_identifier(placeholder_id, entry_id)
        if (
            placeholder is None
            or placeholder.id == device.id
            or placeholder.identifiers != {placeholder_id}
        ):
            return
        registry.async_update_device(
            device.id,
            area_id=device.area_id or placeholder.area_id,
            name_by_user=device.name_by_user or placeholder.name_by_user,
        )
        registry.async_remove_device(placeholder.id)
        _LOGGER.debug("Removed the placeholder device of %s", dsk.masked)
