"""Websocket API of the Provisioning panel (contract: docs/websocket-api.md).

Rules:

- Every command is admin only, and validates exactly like the services: the
  same functions parse codes, add, change and remove device subentries
  (`subentries`), import CSV (`importing`) and open or close windows
  (`helpers`). Errors are translated Home Assistant errors; code errors name
  the field at fault in the ``field`` placeholder. Integer fields refuse
  booleans (``strict_int``).
- No answer and no event carries an install code or a link key: entries are
  built from `ProvisioningEntry.as_public_dict`, which has none.
- `provisioning/entries/subscribe` sends a snapshot, then only what changed
  since what this subscriber last got, at most once per event-loop turn, so a
  server sync of many entries is one event. It follows the config entry
  through reloads (adding a server reloads it) and stops on unsubscribe.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
import math
from typing import Any, Final
from weakref import WeakKeyDictionary

from homeassistant.components.websocket_api import async_register_command
from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.decorators import (
    async_response,
    require_admin,
    websocket_command,
)
from homeassistant.components.websocket_api.messages import event_message
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.helpers import area_registry as ar, device_registry as dr
from homeassistant.util import dt as dt_util
import probatio as vol

from .const import (
    ATTR_CONFIG_ENTRY_ID,
    ATTR_DURATION,
    CONF_AREA_ID,
    CONF_IEEE,
    CONF_INSTALL_CODE,
    CONF_LINK_KEY,
    CONF_NAME,
    CONF_QR_CODE,
    CONF_ZHA_ENTRY_ID,
    DEFAULT_PAIRING_DURATION,
    DOMAIN,
)
from .coordinator import ProvisioningConfigEntry, ProvisioningCoordinator
from .core import (
    InvalidCodeError,
    LocalProvider,
    ProvisioningEntry,
    ProvisioningError,
)
from .describe import entry_dict
from .errors import translate_error
from .helpers import async_start_pairing, async_stop_pairing, strict_int
from .importing import async_import_csv
from .local_devices import async_add_device, async_remove_device, async_update_device
from .services import async_get_loaded_entry
from .subentries import UNCHANGED, parse_code_fields

PREFIX: Final = DOMAIN
# The length of each open window, by its end (the admission keeps only the end).
_DURATIONS: WeakKeyDictionary[Any, tuple[datetime, int]] = WeakKeyDictionary()
_ENTRY_ID = vol.Optional(ATTR_CONFIG_ENTRY_ID)
_OPTIONAL_TEXT = vol.Any(str, None)


@callback
def async_setup(hass: HomeAssistant) -> None:
    """Register the commands (once, from the integration's async_setup)."""
    for command in (
        ws_coordinators,
        ws_subscribe,
        ws_parse_code,
        ws_add,
        ws_update,
        ws_remove,
        ws_import,
        ws_window_start,
        ws_window_stop,
        ws_guard_set,
    ):
        async_register_command(hass, command)


# Objects of the contract


def entry_json(
    hass: HomeAssistant, coordinator: ProvisioningCoordinator, entry: ProvisioningEntry
) -> dict[str, Any]:
    """Return an entry as the panel sees it, without its key."""
    data = entry_dict(entry)
    area_id = None
    if entry.area:
        areas = ar.async_get(hass)
        if (area := areas.async_get_area(entry.area)) is None:
            area = areas.async_get_area_by_name(entry.area)
        area_id = area.id if area is not None else None
    device = dr.async_get(hass).async_get_device_by_connection(
        (dr.CONNECTION_ZIGBEE, str(entry.device)),
        coordinator.config_entry.data[CONF_ZHA_ENTRY_ID],
    )
    return data | {
        "provider_title": coordinator.provider_title(entry.provider_id),
        "area_id": area_id,
        "editable": entry.provider_id == LocalProvider.provider_id,
        "device_id": device.id if device is not None else None,
    }


def window_json(coordinator: ProvisioningCoordinator) -> dict[str, Any]:
    """Return the join window and the guard.

    ``ends_at`` is given to the second. ``duration`` is the window's length;
    for a window opened elsewhere than through this API it is the time that
    was left when it was first read (the admission keeps only the end).
    """
    admission = coordinator.admission
    continuous = bool(getattr(admission, "continuous", False))
    result = admission.last_window if admission.window_open else None
    ends = admission.window_ends
    duration: int | None = getattr(admission, "window_duration", None)
    if ends is not None:
        ends = ends.replace(microsecond=0)
    if duration is None and ends is not None and not continuous:
        known = _DURATIONS.get(admission)
        if known is None or abs((known[0] - ends).total_seconds()) > 1:
            left = math.ceil((ends - dt_util.utcnow()).total_seconds())
            known = _DURATIONS[admission] = (ends, max(0, left))
        duration = known[1]
    return {
        "open": admission.window_open,
        "ends_at": ends.isoformat() if ends is not None and not continuous else None,
        "duration": duration if admission.window_open else None,
        "keys_loaded": len(result.loaded) if result is not None else 0,
        "waiting": len(result.waiting) if result is not None else 0,
        "install_code_only": result.enforced
        if result is not None
        else admission.radio.enforces_provisioned_only,
        "continuous": continuous,
        "guard": admission.guard_enabled,
    }


def providers_json(coordinator: ProvisioningCoordinator) -> list[dict[str, Any]]:
    """Return the providers of the list, the local one first."""
    return [
        {"id": provider_id, "title": coordinator.provider_title(provider_id)}
        for provider_id, provider in sorted(
            coordinator.service.providers.items(),
            key=lambda item: (item[1].precedence, item[0]),
        )
    ]


def _entry_for(hass: HomeAssistant, msg: dict[str, Any]) -> ProvisioningConfigEntry:
    return async_get_loaded_entry(hass, msg.get(ATTR_CONFIG_ENTRY_ID))


# Commands


@websocket_command({vol.Required("type"): f"{PREFIX}/coordinators"})
@require_admin
@async_response
async def ws_coordinators(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """List the coordinators that have a provisioning list."""
    coordinators = [
        {
            "config_entry_id": entry.entry_id,
            "title": entry.title,
            "ieee": str(entry.runtime_data.ieee),
            "radio": entry.runtime_data.network.radio_name,
        }
        for entry in hass.config_entries.async_loaded_entries(PREFIX)
    ]
    connection.send_result(msg["id"], {"coordinators": coordinators})


@websocket_command(
    {vol.Required("type"): f"{PREFIX}/code/parse", vol.Required(CONF_QR_CODE): str}
)
@require_admin
@async_response
async def ws_parse_code(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Say what a label carries, without adding it."""
    try:
        if not msg[CONF_QR_CODE].strip():
            raise InvalidCodeError("unknown_format", {"field": CONF_QR_CODE})
        scanned = parse_code_fields(msg)
    except ProvisioningError as err:
        raise translate_error(err) from None
    connection.send_result(
        msg["id"],
        {
            "ieee": str(scanned.device),
            "format": scanned.format,
            "key_type": scanned.credential.kind,
            "model": scanned.model,
        },
    )


@websocket_command(
    {
        vol.Required("type"): f"{PREFIX}/entries/add",
        vol.Optional(CONF_QR_CODE): _OPTIONAL_TEXT,
        vol.Optional(CONF_IEEE): _OPTIONAL_TEXT,
        vol.Optional(CONF_INSTALL_CODE): _OPTIONAL_TEXT,
        vol.Optional(CONF_LINK_KEY): _OPTIONAL_TEXT,
        vol.Optional(CONF_NAME): _OPTIONAL_TEXT,
        vol.Optional(CONF_AREA_ID): _OPTIONAL_TEXT,
        _ENTRY_ID: str,
    }
)
@require_admin
@async_response
async def ws_add(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Add a device from its label, or its IEEE with its code or key."""
    entry = _entry_for(hass, msg)
    added = async_add_device(hass, entry, msg)
    connection.send_result(
        msg["id"], {"entry": entry_json(hass, entry.runtime_data, added)}
    )


@websocket_command(
    {
        vol.Required("type"): f"{PREFIX}/entries/update",
        vol.Required(CONF_IEEE): str,
        vol.Optional(CONF_NAME): _OPTIONAL_TEXT,
        vol.Optional(CONF_AREA_ID): _OPTIONAL_TEXT,
        vol.Optional(CONF_INSTALL_CODE): _OPTIONAL_TEXT,
        vol.Optional(CONF_LINK_KEY): _OPTIONAL_TEXT,
        _ENTRY_ID: str,
    }
)
@require_admin
@async_response
async def ws_update(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Change the name, area or key of a local device; null clears."""
    entry = _entry_for(hass, msg)
    updated = async_update_device(
        hass,
        entry,
        msg[CONF_IEEE],
        name=msg.get(CONF_NAME, UNCHANGED),
        area_id=msg.get(CONF_AREA_ID, UNCHANGED),
        key_fields=msg,
    )
    connection.send_result(
        msg["id"], {"entry": entry_json(hass, entry.runtime_data, updated)}
    )


@websocket_command(
    {
        vol.Required("type"): f"{PREFIX}/entries/remove",
        vol.Required(CONF_IEEE): str,
        _ENTRY_ID: str,
    }
)
@require_admin
@async_response
async def ws_remove(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Remove a local device from the list."""
    async_remove_device(hass, _entry_for(hass, msg), msg[CONF_IEEE])
    connection.send_result(msg["id"], {})


@websocket_command(
    {
        vol.Required("type"): f"{PREFIX}/entries/import",
        vol.Required("csv"): str,
        _ENTRY_ID: str,
    }
)
@require_admin
@async_response
async def ws_import(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Import the devices of a CSV file's text."""
    result = await async_import_csv(hass, _entry_for(hass, msg), msg["csv"])
    connection.send_result(msg["id"], result)


@websocket_command(
    {
        vol.Required("type"): f"{PREFIX}/window/start",
        vol.Optional(ATTR_DURATION, default=DEFAULT_PAIRING_DURATION): vol.All(
            strict_int, vol.Range(min=1, max=3600)
        ),
        _ENTRY_ID: str,
    }
)
@require_admin
@async_response
async def ws_window_start(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Open a join window for the pending devices."""
    coordinator = _entry_for(hass, msg).runtime_data
    await async_start_pairing(coordinator, msg[ATTR_DURATION])
    if (ends := coordinator.admission.window_ends) is not None:
        _DURATIONS[coordinator.admission] = (
            ends.replace(microsecond=0),
            msg[ATTR_DURATION],
        )
    connection.send_result(msg["id"], {"window": window_json(coordinator)})


@websocket_command({vol.Required("type"): f"{PREFIX}/window/stop", _ENTRY_ID: str})
@require_admin
@async_response
async def ws_window_stop(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Close the join window."""
    coordinator = _entry_for(hass, msg).runtime_data
    await async_stop_pairing(coordinator)
    connection.send_result(msg["id"], {"window": window_json(coordinator)})


@websocket_command(
    {
        vol.Required("type"): f"{PREFIX}/guard/set",
        vol.Required("enabled"): bool,
        _ENTRY_ID: str,
    }
)
@require_admin
@async_response
async def ws_guard_set(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Turn "Only admit provisioned devices" on or off."""
    coordinator = _entry_for(hass, msg).runtime_data
    coordinator.admission.async_set_guard(msg["enabled"])
    connection.send_result(msg["id"], {"window": window_json(coordinator)})


@websocket_command(
    {vol.Required("type"): f"{PREFIX}/entries/subscribe", _ENTRY_ID: str}
)
@require_admin
@async_response
async def ws_subscribe(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Send the list, the window and the providers, then their changes."""
    entry = _entry_for(hass, msg)
    subscriber = _Subscriber(hass, connection, msg["id"], entry)
    connection.subscriptions[msg["id"]] = subscriber.async_stop
    connection.send_result(msg["id"])
    subscriber.async_start()


class _Subscriber:
    """One subscription: what it last sent, and the listeners that feed it."""

    def __init__(
        self,
        hass: HomeAssistant,
        connection: ActiveConnection,
        msg_id: int,
        entry: ProvisioningConfigEntry,
    ) -> None:
        self.hass = hass
        self.connection = connection
        self.msg_id = msg_id
        self.entry = entry
        self.coordinator: ProvisioningCoordinator | None = None
        self.entries: dict[str, dict[str, Any]] = {}
        self.window: dict[str, Any] = {}
        self.providers: list[dict[str, Any]] = []
        self._unsubs: list[Callable[[], None]] = []
        self._bound: list[Callable[[], None]] = []
        self._flush: CALLBACK_TYPE | None = None
        self._stopped = False

    @callback
    def async_start(self) -> None:
        """Send the snapshot and start listening."""
        self._bind()
        assert self.coordinator is not None
        self.entries = self._entries(self.coordinator)
        self.window = window_json(self.coordinator)
        self.providers = providers_json(self.coordinator)
        self._send(
            {
                "type": "snapshot",
                # The server's clock, so a panel can allow for its own.
                "now": dt_util.utcnow().isoformat(),
                "entries": list(self.entries.values()),
                "window": self.window,
                "providers": self.providers,
            }
        )
        self._unsubs.append(self.entry.async_on_state_change(self._entry_changed))
        self._unsubs.append(
            self.hass.bus.async_listen(
                dr.EVENT_DEVICE_REGISTRY_UPDATED, self._registry_changed
            )
        )

    @callback
    def async_stop(self) -> None:
        """Stop listening (unsubscribe, or the socket closed)."""
        self._stopped = True
        for unsub in self._unsubs + self._bound:
            unsub()
        self._unsubs.clear()
        self._bound.clear()
        if self._flush is not None:
            self._flush()
            self._flush = None

    def _bind(self) -> None:
        """Listen to the coordinator the config entry runs now."""
        for unsub in self._bound:
            unsub()
        coordinator = self.entry.runtime_data
        self.coordinator = coordinator
        self._bound = [
            coordinator.async_add_listener(self._schedule),
            coordinator.admission.async_add_listener(self._schedule),
        ]

    @callback
    def _entry_changed(self) -> None:
        if (
            self.entry.state is ConfigEntryState.LOADED
            and self.entry.runtime_data is not self.coordinator
        ):
            self._bind()
            self._schedule()

    @callback
    def _registry_changed(
        self, event: Event[dr.EventDeviceRegistryUpdatedData]
    ) -> None:
        self._schedule()

    @callback
    def _schedule(self) -> None:
        """Send the changes at the end of this event-loop turn, once."""
        if self._flush is None and not self._stopped:
            handle = self.hass.loop.call_soon(self._send_changes)
            self._flush = handle.cancel

    def _entries(self, coordinator: ProvisioningCoordinator) -> dict[str, Any]:
        return {
            str(ieee): entry_json(self.hass, coordinator, entry)
            for ieee, entry in coordinator.data.items()
        }

    @callback
    def _send_changes(self) -> None:
        self._flush = None
        if self._stopped or self.coordinator is None:
            return
        coordinator = self.coordinator
        entries = self._entries(coordinator)
        changed = [
            data for ieee, data in entries.items() if self.entries.get(ieee) != data
        ]
        removed = [ieee for ieee in self.entries if ieee not in entries]
        self.entries = entries
        if changed or removed:
            self._send({"type": "entries", "changed": changed, "removed": removed})
        if (window := window_json(coordinator)) != self.window:
            self.window = window
            self._send({"type": "window", "window": window})
        if (providers := providers_json(coordinator)) != self.providers:
            self.providers = providers
            self._send({"type": "providers", "providers": providers})

    def _send(self, event: dict[str, Any]) -> None:
        self.connection.send_message(event_message(self.msg_id, event))
