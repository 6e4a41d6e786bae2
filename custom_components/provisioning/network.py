"""The Zigbee network a provisioning list binds to: ZHA's radio, or a Zigbee2MQTT bridge.

Each coordinator has its own provisioning list (a config entry): ZHA's, and
each Zigbee2MQTT bridge's (one per base topic). The coordinator and the
admission facade see the network only through :class:`Network`; nothing else
asks which kind it is.

Rules:

- **ZHA**: the radio adapter is zigpy's (``radio_for``); zigpy's application
  listener events feed the admission state machine; the devices zigpy knows
  are in the baseline. This is how the integration always worked.
- **Zigbee2MQTT**: the radio adapter drives the bridge over Home Assistant's
  MQTT integration. The bridge reports joins after Zigbee2MQTT's interview;
  each report is handed to the same state machine, so status, events,
  repairs and provider reports are the same as with ZHA. Zigbee2MQTT cannot
  refuse a device at the trust center: an unprovisioned device joins first
  and is removed after (``bridge/request/device/remove``).
- The bridge removes a joiner its ``lookup`` does not know. ``lookup`` hands
  it the entry of a listed device; for a device the guard leaves alone (guard
  off, or a device of the baseline) it hands a stand-in without a name, so
  the bridge neither removes nor renames it, and the state machine, which
  knows the device is not listed, leaves it be.
- A device that leaves Zigbee2MQTT's ``bridge/devices`` (removed there) puts
  its joined entry back to pending, as ZHA's removal does.
- Zigbee2MQTT's Home Assistant discovery creates devices with the identifier
  ``zigbee2mqtt_0x<ieee>``; :mod:`.devices` treats them as ZHA's devices: the
  entry's entities, area and the placeholder's name move onto them.
- No key is logged here; the code travels only in the request payload to the
  bridge (see :mod:`.core.z2m`).
"""

from __future__ import annotations

from datetime import UTC, datetime
import logging
from typing import TYPE_CHECKING, Protocol

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from zigpy.types import EUI64

from .const import MQTT_DOMAIN, NETWORK_ZHA, NETWORK_ZIGBEE2MQTT, ZHA_DOMAIN
from .core import (
    DeviceId,
    EntryStatus,
    LinkKey,
    ProvisioningEntry,
    RadioAdapter,
    zigbee_id,
)
from .core.zigbee.z2m import BridgeReport, ReportKind, Zigbee2MqttBridge
from .core.zigbee.z2m_radio import Zigbee2MqttRadio
from .core.zigbee.zigpy_radio import radio_for
from .z2m_link import HassMqttClient

if TYPE_CHECKING:
    from zigpy.application import ControllerApplication

    from .admission import Admission

_LOGGER = logging.getLogger(__name__)

_ADMISSIBLE = (EntryStatus.PENDING, EntryStatus.ADMITTING, EntryStatus.JOINED)


class Network(Protocol):
    """What the coordinator needs from the network it provisions."""

    kind: str
    """``zha`` or ``zigbee2mqtt`` (the entry's ``network``)."""
    radio: RadioAdapter
    radio_name: str
    """The radio library or bridge, for repair texts."""

    def known_devices(self) -> set[DeviceId]:
        """Devices already in the network (the guard's baseline)."""

    def present(self) -> bool:
        """Whether the network's integration is running (else the radio is gone)."""

    async def async_attach(self, admission: Admission) -> CALLBACK_TYPE:
        """Feed joins to admission; return the undo."""


class ZhaNetwork:
    """ZHA's radio, through zigpy."""

    kind = NETWORK_ZHA

    def __init__(
        self,
        hass: HomeAssistant,
        application: ControllerApplication,
        radio: RadioAdapter | None = None,
    ) -> None:
        """Bind to ZHA's running radio application (radio: its adapter)."""
        self.hass = hass
        self.application = application
        self.radio: RadioAdapter = radio or radio_for(application)
        self.radio_name = type(application).__module__.split(".")[0]

    def known_devices(self) -> set[DeviceId]:
        """The devices zigpy knows."""
        return {zigbee_id(ieee) for ieee in self.application.devices}

    def present(self) -> bool:
        """Whether ZHA is loaded."""
        return any(
            entry.state is ConfigEntryState.LOADED
            for entry in self.hass.config_entries.async_entries(ZHA_DOMAIN)
        )

    async def async_attach(self, admission: Admission) -> CALLBACK_TYPE:
        """Listen to zigpy's join events."""
        application = self.application
        application.add_listener(admission)
        return lambda: application.remove_listener(admission)


def _stand_in(ieee: DeviceId) -> ProvisioningEntry:
    """An unnamed entry for a joiner the guard leaves alone (never stored)."""
    now = datetime.now(UTC)
    return ProvisioningEntry(
        device=ieee,
        credential=LinkKey(bytes(16)),
        provider_id="",
        created_at=now,
        updated_at=now,
    )


class Z2mNetwork:
    """A Zigbee2MQTT bridge, over Home Assistant's MQTT integration."""

    kind = NETWORK_ZIGBEE2MQTT
    radio_name = "zigbee2mqtt"

    def __init__(self, hass: HomeAssistant, base_topic: str) -> None:
        """Bridge client on base_topic (started by ``async_attach``)."""
        self.hass = hass
        self._admission: Admission | None = None
        self.bridge = Zigbee2MqttBridge(
            HassMqttClient(hass),
            base_topic=base_topic,
            lookup=self._lookup,
            listener=self._on_report,
        )
        self.radio: RadioAdapter = Zigbee2MqttRadio(self.bridge)

    def known_devices(self) -> set[DeviceId]:
        """Zigbee2MQTT's devices come in through the stored baseline only."""
        return set()

    def present(self) -> bool:
        """Whether Home Assistant's MQTT integration is loaded."""
        return any(
            entry.state is ConfigEntryState.LOADED
            for entry in self.hass.config_entries.async_entries(MQTT_DOMAIN)
        )

    async def async_attach(self, admission: Admission) -> CALLBACK_TYPE:
        """Subscribe to the bridge."""
        self._admission = admission
        await self.bridge.async_start()

        def _detach() -> None:
            self._admission = None
            self.hass.async_create_task(
                self.bridge.async_stop(), "provisioning zigbee2mqtt stop"
            )

        return _detach

    def _lookup(self, ieee: EUI64) -> ProvisioningEntry | None:
        admission = self._admission
        if admission is None:
            return _stand_in(zigbee_id(ieee))
        machine = admission.machine
        device = zigbee_id(ieee)
        entry = machine.service.get(device)
        if entry is not None and entry.status in _ADMISSIBLE:
            return entry
        if device in machine.baseline or not machine.guard_enabled:
            return _stand_in(device)
        return None  # the bridge removes it

    @callback
    def _on_report(self, report: BridgeReport) -> None:
        admission = self._admission
        if admission is None:
            return
        machine = admission.machine
        if report.kind is ReportKind.JOINED:
            self.hass.async_create_task(self._async_joined(zigbee_id(report.ieee)))
        elif report.kind is ReportKind.INTERVIEW_FAILED:
            # the interview timer marks it failed, as with ZHA
            self.hass.async_create_task(
                machine.async_device_joined(zigbee_id(report.ieee))
            )
        elif report.kind is ReportKind.GONE:
            # removed in Zigbee2MQTT: a joined entry is admitted again, as with ZHA
            self.hass.async_create_task(
                machine.async_device_removed(zigbee_id(report.ieee))
            )
        elif report.kind in (ReportKind.REMOVED, ReportKind.REMOVE_FAILED):
            if report.kind is ReportKind.REMOVE_FAILED:
                _LOGGER.warning("Zigbee2MQTT could not remove %s", report.ieee)
            admission.async_unprovisioned_removed(str(report.ieee))

    async def _async_joined(self, ieee: DeviceId) -> None:
        if (admission := self._admission) is None:
            return
        await admission.machine.async_device_joined(ieee)
        await admission.machine.async_device_initialized(ieee)
