"""Websocket API of the Provisioning panel (contract: docs/websocket-api.md).

Rules:

- Every command is admin only, and validates exactly like the services: the
  same functions parse codes, add, change and remove device subentries
  (`subentries`), import CSV (`importing`) and open or close windows
  (`helpers`). Errors are translated Home Assistant errors; code errors name
  the field at fault in the ``field`` placeholder. Integer fields refuse
  booleans (``strict_int``).
- No answer and no event carries an install code, a link key or a DSK's
  PIN: entries are built from `ProvisioningEntry.as_public_dict`, which has
  none, and entries Z-Wave JS holds from their masked DSK.
- Every entry names its technology and its public ``id`` (the IEEE address,
  or the DSK with its PIN masked); commands name entries by ``id`` (or
  ``ieee``, as before). On a Z-Wave JS network the entries zwave-js holds
  that the list did not create are shown read-only (``source: "zwave_js"``)
  and can be adopted: the list then holds them, and the link marks them ours
  in zwave-js without provisioning them again. zwave-js announces no change
  of its list, so a subscription's start reconciles again to read it.
- `provisioning/entries/subscribe` sends a snapshot, then only what changed
  since what this subscriber last got, at most once per event-loop turn, so a
  server sync of many entries is one event. It follows the config entry
  through reloads (adding a server reloads it) and stops on unsubscribe.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
import logging
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
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import area_registry as ar, device_registry as dr
from homeassistant.util import dt as dt_util
import probatio as vol

from .const import (
    ATTR_CONFIG_ENTRY_ID,
    ATTR_DURATION,
    CONF_AREA_ID,
    CONF_DSK,
    CONF_HOME_ID,
    CONF_IEEE,
    CONF_INSTALL_CODE,
    CONF_LINK_KEY,
    CONF_NAME,
    CONF_QR_CODE,
    CONF_SECURITY_CLASSES,
    CONF_ZHA_ENTRY_ID,
    DEFAULT_PAIRING_DURATION,
    DOMAIN,
    ZWAVE_JS_DOMAIN,
)
from .coordinator import ProvisioningConfigEntry, ProvisioningCoordinator
from .core import (
    DeviceId,
    InvalidCodeError,
    LocalProvider,
    ProvisioningEntry,
    ProvisioningError,
    Technology,
    parse_device_id,
)
from .core.identity import technology_of
from .core.limits import ListRoom
from .core.zwave.credential import (
    PROTOCOL_NAMES,
    ScannedZWaveCode,
    SmartStartCredential,
)
from .core.zwave.provisioning_list import (
    MalformedEntryError,
    ProvisionedEntry,
    parse_reported,
)
from .describe import entry_dict
from .errors import translate_error
from .helpers import async_start_pairing, async_stop_pairing, strict_int
from .importing import async_import_csv
from .local_devices import async_remove_device, async_update_device
from .services import (
    async_add_listed_device,
    async_get_loaded_entry,
    list_technology,
)
from .subentries import (
    UNCHANGED,
    add_device_subentry,
    already_provisioned,
    ieee_in_use,
    listed_on_other_network,
    other_list_with,
    parse_code_fields,
)
from .zwave_network import ZWaveNetwork

_LOGGER = logging.getLogger(__name__)

PREFIX: Final = DOMAIN
# The length of each open window, by its end (the admission keeps only the end).
_DURATIONS: WeakKeyDictionary[Any, tuple[datetime, int]] = WeakKeyDictionary()
_ENTRY_ID = vol.Optional(ATTR_CONFIG_ENTRY_ID)
_OPTIONAL_TEXT = vol.Any(str, None)
_CLASSES = vol.Any([str], None)
FIELD_DEVICE: Final = "device"
"""The field that names an entry by its public id in commands: ``id`` is the
websocket message's own number, which Home Assistant's clients set."""
SOURCE_LIST: Final = "list"
SOURCE_ZWAVE_JS: Final = "zwave_js"
ZWAVE_JS_PROVIDER: Final = "zwave_js"
ZWAVE_JS_TITLE: Final = "Z-Wave JS"


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
        ws_adopt,
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
    node_id = None
    if entry.device.technology is Technology.ZWAVE:
        network = coordinator.network
        if isinstance(network, ZWaveNetwork):
            node_id = network.node_ids.get(entry.device)
        device_id = zwave_device_id(hass, coordinator, node_id)
    else:
        device = dr.async_get(hass).async_get_device_by_connection(
            (dr.CONNECTION_ZIGBEE, str(entry.device)),
            coordinator.config_entry.data[CONF_ZHA_ENTRY_ID],
        )
        device_id = device.id if device is not None else None
    return data | {
        "provider_title": coordinator.provider_title(entry.provider_id),
        "area_id": area_id,
        "editable": entry.provider_id == LocalProvider.provider_id,
        "device_id": device_id,
        "node_id": node_id,
        "source": SOURCE_LIST,
        "adoptable": False,
    }


def zwave_device_id(
    hass: HomeAssistant, coordinator: ProvisioningCoordinator, node_id: int | None
) -> str | None:
    """Return the ID of Home Assistant's ``zwave_js`` device of a node."""
    home_id = coordinator.config_entry.data.get(CONF_HOME_ID)
    if node_id is None or not isinstance(home_id, str):
        return None
    device = dr.async_get(hass).async_get_device(
        identifiers={(ZWAVE_JS_DOMAIN, f"{int(home_id, 16)}-{node_id}")}
    )
    return device.id if device is not None else None


def foreign_json(
    hass: HomeAssistant, coordinator: ProvisioningCoordinator, held: ProvisionedEntry
) -> dict[str, Any]:
    """Return an entry zwave-js holds that the list did not create: read-only,
    adoptable, its DSK masked."""
    area = ar.async_get(hass).async_get_area_by_name(held.location or "")
    return {
        "technology": Technology.ZWAVE.value,
        "id": held.id,
        "ieee": None,
        "key_type": SmartStartCredential.kind,
        "dsk": held.id,
        "security_classes": [member.name for member in sorted(held.security_classes)],
        "zwave_protocol": None
        if held.protocol is None
        else PROTOCOL_NAMES.get(held.protocol),
        "supported_protocols": None,
        "label": None,
        "name": held.name,
        "area": held.location,
        "area_id": area.id if area is not None else None,
        "manufacturer": None,
        "model": None,
        "provider": ZWAVE_JS_PROVIDER,
        "provider_title": ZWAVE_JS_TITLE,
        "status": "pending" if held.node_id is None else "joined",
        "status_reason": None,
        "created_at": None,
        "updated_at": None,
        "editable": False,
        "device_id": zwave_device_id(hass, coordinator, held.node_id),
        "node_id": held.node_id,
        "source": SOURCE_ZWAVE_JS,
        "adoptable": True,
    }


def entries_json(
    hass: HomeAssistant, coordinator: ProvisioningCoordinator
) -> dict[str, dict[str, Any]]:
    """Return every entry the panel shows by id: the list's, then the ones
    zwave-js holds that the list did not create."""
    entries = {
        device.text: entry_json(hass, coordinator, entry)
        for device, entry in coordinator.data.items()
    }
    network = coordinator.network
    if isinstance(network, ZWaveNetwork):
        for held in network.foreign:
            entries.setdefault(held.id, foreign_json(hass, coordinator, held))
    return entries


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
    coordinators = []
    for entry in hass.config_entries.async_loaded_entries(PREFIX):
        coordinator: ProvisioningCoordinator = entry.runtime_data
        if list_technology(entry) is Technology.ZWAVE:
            coordinators.append(
                {
                    "config_entry_id": entry.entry_id,
                    "title": entry.title,
                    "technology": Technology.ZWAVE.value,
                    "ieee": None,
                    "home_id": entry.data.get(CONF_HOME_ID),
                    "radio": "zwave_js",
                }
            )
            continue
        coordinators.append(
            {
                "config_entry_id": entry.entry_id,
                "title": entry.title,
                "technology": Technology.ZIGBEE.value,
                "ieee": str(coordinator.ieee),
                "radio": coordinator.network.radio_name,
            }
        )
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
    device = scanned.device
    result: dict[str, Any] = {
        "technology": device.technology.value,
        "id": device.text,
        "ieee": device.text if device.technology is Technology.ZIGBEE else None,
        "format": scanned.format,
        "key_type": scanned.credential.kind,
        "model": scanned.model,
    }
    if isinstance(scanned.credential, SmartStartCredential):
        public = scanned.credential.public()
        result |= {
            key: public[key] for key in ("dsk", "security_classes", "zwave_protocol")
        }
    connection.send_result(msg["id"], result)


@websocket_command(
    {
        vol.Required("type"): f"{PREFIX}/entries/add",
        vol.Optional(CONF_QR_CODE): _OPTIONAL_TEXT,
        vol.Optional(CONF_IEEE): _OPTIONAL_TEXT,
        vol.Optional(CONF_INSTALL_CODE): _OPTIONAL_TEXT,
        vol.Optional(CONF_LINK_KEY): _OPTIONAL_TEXT,
        vol.Optional(CONF_DSK): _OPTIONAL_TEXT,
        vol.Optional(CONF_SECURITY_CLASSES): _CLASSES,
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
    """Add a device from its label, its IEEE with its code or key, or its DSK
    with the security classes to grant."""
    entry = _entry_for(hass, msg)
    added = async_add_listed_device(hass, entry, msg)
    connection.send_result(
        msg["id"], {"entry": entry_json(hass, entry.runtime_data, added)}
    )


@websocket_command(
    {
        vol.Required("type"): f"{PREFIX}/entries/update",
        vol.Exclusive(FIELD_DEVICE, "device"): str,
        vol.Exclusive(CONF_IEEE, "device"): str,
        vol.Optional(CONF_NAME): _OPTIONAL_TEXT,
        vol.Optional(CONF_AREA_ID): _OPTIONAL_TEXT,
        vol.Optional(CONF_INSTALL_CODE): _OPTIONAL_TEXT,
        vol.Optional(CONF_LINK_KEY): _OPTIONAL_TEXT,
        vol.Optional(CONF_DSK): _OPTIONAL_TEXT,
        vol.Optional(CONF_SECURITY_CLASSES): _CLASSES,
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
        _device_ref(msg),
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
        vol.Exclusive(FIELD_DEVICE, "device"): str,
        vol.Exclusive(CONF_IEEE, "device"): str,
        _ENTRY_ID: str,
    }
)
@require_admin
@async_response
async def ws_remove(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Remove a local device from the list."""
    async_remove_device(hass, _entry_for(hass, msg), _device_ref(msg))
    connection.send_result(msg["id"], {})


def _device_ref(msg: dict[str, Any]) -> str:
    """The public id (``device``) or the ``ieee`` a command names its device by."""
    if FIELD_DEVICE in msg:
        return str(msg[FIELD_DEVICE])
    if CONF_IEEE not in msg:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="device_required",
        )
    return str(msg[CONF_IEEE])


@websocket_command(
    {
        vol.Required("type"): f"{PREFIX}/entries/adopt",
        vol.Required(FIELD_DEVICE): str,
        _ENTRY_ID: str,
    }
)
@require_admin
@async_response
async def ws_adopt(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Take an entry zwave-js holds, that the list did not create, into the list."""
    entry = _entry_for(hass, msg)
    adopted = await async_adopt(hass, entry, msg[FIELD_DEVICE])
    connection.send_result(
        msg["id"], {"entry": entry_json(hass, entry.runtime_data, adopted)}
    )


def _not_adoptable(text: str) -> ServiceValidationError:
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key="not_adoptable",
        translation_placeholders={"id": text, "field": FIELD_DEVICE},
    )


async def async_adopt(
    hass: HomeAssistant, entry: ProvisioningConfigEntry, text: str
) -> ProvisioningEntry:
    """Adopt the entry zwave-js holds for a masked DSK; return it as listed.

    zwave-js holds the full DSK: it is read back from zwave-js, stored in a
    local device subentry (named and placed as zwave-js has it), and the next
    reconcile marks the entry ours there without provisioning it again.
    """
    coordinator = entry.runtime_data
    network = coordinator.network
    text = text.strip()
    if not isinstance(network, ZWaveNetwork) or technology_of(text) is not (
        Technology.ZWAVE
    ):
        raise _not_adoptable(text)
    device: DeviceId = parse_device_id(text)
    if ieee_in_use(entry, device.text):
        raise already_provisioned(device.text, FIELD_DEVICE)
    held = next((item for item in network.foreign if item.id == device.text), None)
    client = network.link.client
    if held is None:
        raise _not_adoptable(device.text)
    if client is None or client.driver is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="zwave_js_not_ready"
        )
    try:
        found = await client.driver.controller.async_get_provisioning_entry(
            held.dsk.reveal()
        )
        current = None if found is None else parse_reported(found.to_dict())
    except MalformedEntryError:
        current = None
    except (HomeAssistantError, OSError, TimeoutError) as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="zwave_js_not_ready"
        ) from err
    except Exception as err:  # the client's own errors, whatever their class
        _LOGGER.debug("Reading %s from Z-Wave JS failed: %s", device, type(err))
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="zwave_js_not_ready"
        ) from None
    if current is None or current.id != device.text or current.owned_by(entry.entry_id):
        raise _not_adoptable(device.text)
    if (other := other_list_with(hass, entry, device.text)) is not None:
        raise listed_on_other_network(device.text, other, FIELD_DEVICE)
    try:
        ListRoom(coordinator.listed_ieees()).take(device)
    except ProvisioningError as err:
        raise translate_error(err) from None
    credential = SmartStartCredential(
        current.dsk,
        current.security_classes,
        None if current.protocol is None else frozenset({current.protocol}),
    )
    area = ar.async_get(hass).async_get_area_by_name(current.location or "")
    network.adopt.add(device.text)
    add_device_subentry(
        hass,
        entry,
        ScannedZWaveCode(credential, "zwave_js"),
        current.name,
        area.id if area is not None else None,
    )
    coordinator.async_sync_subentries()
    network.async_schedule_push()
    return coordinator.entry_for(device) or coordinator.local.entries()[device]


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
    if isinstance(network := entry.runtime_data.network, ZWaveNetwork):
        # zwave-js tells no one when its list changes: read it again, so
        # entries provisioned elsewhere show when the panel opens.
        network.async_schedule_push()


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
        return entries_json(self.hass, coordinator)

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
