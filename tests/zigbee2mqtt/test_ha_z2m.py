"""Device Provisioning on a Zigbee2MQTT network, end to end: Home Assistant's
real MQTT integration on a real Mosquitto, the real Zigbee2MQTT (with its Home
Assistant discovery on) and the virtual coordinator's EZSP 13 personality."""

# The shared fixtures are imported by name; tests take them as arguments.
# ruff: noqa: F811

from __future__ import annotations

from collections.abc import AsyncIterator
import json
import logging
import pathlib

from homeassistant import config_entries
from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.const import MATCH_ALL
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import (
    area_registry as ar,
    device_registry as dr,
    entity_registry as er,
    issue_registry as ir,
)
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import WebSocketGenerator
from zigpy.types import EUI64

from custom_components.provisioning.const import (
    CONF_BASE_TOPIC,
    CONF_NETWORK,
    DOMAIN,
    NETWORK_ZIGBEE2MQTT,
)
from custom_components.provisioning.core.zigbee.z2m import BridgeReport, ReportKind
from custom_components.provisioning.diagnostics import (
    async_get_config_entry_diagnostics,
)
from provisioning_server.store import Store
from provisioning_server.validation import DeviceRecord
from tests.conftest import find_secrets
from tests.provisioning_server.helpers import serve_store
from tests.test_admission import start_pairing, status, wait_for
from tests.test_central import connect, register_hub, store  # noqa: F401
from tests.zigbee2mqtt.fixtures import (  # noqa: F401
    broker_port,
    coordinator13,
    mqtt,
    z2m_index,
)
from tests.zigbee2mqtt.harness import BASE, MqttRecorder, Zigbee2Mqtt
from tests.zigbee2mqtt.test_ha_mqtt_link import setup_mqtt
from virtual_coordinator import VirtualCoordinator, VirtualDevice

pytestmark = pytest.mark.timeout(240)

IEEE = "00:11:22:33:44:55:66:77"
Z2M_IEEE = "0x0011223344556677"
CODE = "83FED3407A939723A5C639B26916D505C3B5"
QR = f"Z:0011223344556677$I:{CODE}"
INTRUDER = "00:11:22:33:44:55:66:88"
METER = "00:0d:6f:00:00:00:00:01"


@pytest.fixture
async def z2m_ha(
    z2m_index: pathlib.Path,
    tmp_path: pathlib.Path,
    broker_port: int,
    coordinator13: VirtualCoordinator,
    mqtt: MqttRecorder,
) -> AsyncIterator[Zigbee2Mqtt]:
    """Zigbee2MQTT with its Home Assistant discovery on, online on the broker."""
    bridge = Zigbee2Mqtt(z2m_index, tmp_path / "z2m")
    bridge.configure(broker_port, coordinator13.tcp_url)
    config = bridge.data_dir / "configuration.yaml"
    config.write_text(
        config.read_text().replace(
            "homeassistant: {enabled: false}", "homeassistant: {enabled: true}"
        )
    )
    try:
        await bridge.start(mqtt)
        yield bridge
    finally:
        await bridge.stop()


@pytest.fixture
async def z2m_entry(
    hass: HomeAssistant, broker_port: int, z2m_ha: Zigbee2Mqtt
) -> AsyncIterator[ConfigEntry]:
    """Device Provisioning, set up from the discovery of the bridge."""
    mqtt_entry = await setup_mqtt(hass, broker_port)
    # The retained bridge/info starts a discovery flow of this integration
    await wait_for(
        hass, lambda: hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    )
    [flow] = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert flow["context"]["source"] == config_entries.SOURCE_MQTT
    assert flow["step_id"] == "confirm_zigbee2mqtt"
    result = await hass.config_entries.flow.async_configure(flow["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    entry = result["result"]
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    assert entry.data[CONF_NETWORK] == NETWORK_ZIGBEE2MQTT
    assert entry.data[CONF_BASE_TOPIC] == BASE
    yield entry
    if entry.state is ConfigEntryState.LOADED:
        await hass.config_entries.async_unload(entry.entry_id)
    await hass.config_entries.async_unload(mqtt_entry.entry_id)
    await hass.async_block_till_done()


def z2m_device(hass: HomeAssistant, z2m_ieee: str) -> dr.DeviceEntry | None:
    """The device Zigbee2MQTT's Home Assistant discovery made."""
    devices = dr.async_get(hass).async_get_devices(
        identifiers={("mqtt", f"zigbee2mqtt_{z2m_ieee}")}
    )
    return devices[0] if devices else None


def record_events(hass: HomeAssistant) -> list[Event]:
    events: list[Event] = []
    hass.bus.async_listen(MATCH_ALL, callback(lambda event: events.append(event)))
    return events


async def test_scan_plug_press_installed_on_zigbee2mqtt(  # noqa: PLR0917
    hass: HomeAssistant,
    coordinator13: VirtualCoordinator,
    mqtt: MqttRecorder,
    z2m_entry: ConfigEntry,
    caplog: pytest.LogCaptureFixture,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """Use case 1: the code is added, the permit opens, the device joins and is
    renamed, put in its area, reported, and the window ends with permit 0."""
    caplog.set_level(logging.DEBUG)
    events = record_events(hass)
    area = ar.async_get(hass).async_create("Kitchen")
    await hass.services.async_call(
        DOMAIN,
        "add_device",
        {"qr_code": QR, "name": "Kitchen light", "area_id": area.id},
        blocking=True,
    )
    response = await start_pairing(hass)
    assert CODE.lower() not in str(response).lower()
    # Zigbee2MQTT cannot refuse a device at the trust center: the window says so
    assert response["install_code_only"] is False
    assert response["keys_loaded"] == 1
    # Zigbee2MQTT's permit adds its wildcard well-known key beside the code
    assert IEEE in [str(k) for k in coordinator13.transient_keys]
    assert coordinator13.permit_open
    assert status(hass, z2m_entry, IEEE) == "admitting"

    device = VirtualDevice(IEEE, install_code=CODE, manufacturer="Acme", model="Bulb")
    assert coordinator13.power_on(device).joined
    await wait_for(hass, lambda: status(hass, z2m_entry, IEEE) == "joined", 60)
    joined = [e.data for e in events if e.event_type == "provisioning_device_joined"]
    assert joined == [
        {
            "technology": "zigbee",
            "id": IEEE,
            "ieee": IEEE,
            "name": "Kitchen light",
            "provider": "local",
        }
    ]
    # Renamed in Zigbee2MQTT
    await mqtt.wait_for(
        f"{BASE}/bridge/devices",
        lambda data: any(
            d.get("ieee_address") == Z2M_IEEE
            and d.get("friendly_name") == "Kitchen light"
            for d in data
        ),
    )
    # Zigbee2MQTT's Home Assistant device is in the entry's area
    await wait_for(
        hass,
        lambda: (d := z2m_device(hass, Z2M_IEEE)) is not None and d.area_id == area.id,
        60,
    )
    # One device per Zigbee device, as with ZHA: the entry's entities moved onto
    # Zigbee2MQTT's device and the placeholder is gone; the list's own entities
    # are on the bridge's device
    ent_reg, dev_reg = er.async_get(hass), dr.async_get(hass)
    coordinator_ieee = str(coordinator13.ieee)

    def devices_of(prefix: str) -> set[str | None]:
        return {
            entity.device_id
            for entity in er.async_entries_for_config_entry(ent_reg, z2m_entry.entry_id)
            if entity.unique_id.startswith(prefix)
        }

    await wait_for(
        hass,
        lambda: (
            devices_of(f"{coordinator_ieee}_{IEEE}_") == {z2m_device(hass, Z2M_IEEE).id}
        ),
    )
    assert (
        dev_reg.async_get_device_by_connection(
            (dr.CONNECTION_ZIGBEE, IEEE), z2m_entry.entry_id
        )
        is None
    )
    bridge = "zigbee2mqtt_bridge_0x" + coordinator_ieee.replace(":", "")
    await wait_for(
        hass, lambda: dev_reg.async_get_devices(identifiers={("mqtt", bridge)})
    )
    [bridge_device] = dev_reg.async_get_devices(identifiers={("mqtt", bridge)})
    await wait_for(
        hass,
        lambda: (
            devices_of(f"{coordinator_ieee}_")
            - devices_of(f"{coordinator_ieee}_{IEEE}_")
            == {bridge_device.id}
        ),
    )

    # Every listed device joined: the window ends with permit_join time 0
    await wait_for(hass, lambda: not z2m_entry.runtime_data.admission.window_open)
    await coordinator13.wait_until(lambda: not coordinator13.permit_open)
    assert coordinator13.transient_keys == []
    assert mqtt.events("device_joined", Z2M_IEEE)

    # A home without ZHA never sets ZHA up (it is an after-dependency only)
    assert "zha" not in hass.config.components
    diagnostics = await async_get_config_entry_diagnostics(hass, z2m_entry)
    assert diagnostics["provisioning"]["network"] == {
        "kind": "zigbee2mqtt",
        "radio": "zigbee2mqtt",
    }
    assert find_secrets(repr(diagnostics), [CODE]) == []
    # The panel names the bridge's network
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "provisioning/coordinators"})
    answer = await client.receive_json()
    assert [c["radio"] for c in answer["result"]["coordinators"]] == ["zigbee2mqtt"]
    # The code went to the bridge only: not in logs, states or events
    assert find_secrets(caplog.text, [CODE]) == []
    # (call_service is the user's own add_device call, with the QR text)
    fired = [e.data for e in events if e.event_type != "call_service"]
    shown = str(fired) + str(hass.states.async_all())
    assert find_secrets(shown, [CODE]) == []


async def test_a_device_removed_in_zigbee2mqtt_is_admitted_again(
    hass: HomeAssistant,
    coordinator13: VirtualCoordinator,
    mqtt: MqttRecorder,
    z2m_entry: ConfigEntry,
) -> None:
    """Removed in Zigbee2MQTT (its frontend sends ``device/remove``): the entry
    is pending again and the next window loads its code, as with ZHA."""
    await hass.services.async_call(
        DOMAIN, "add_device", {"qr_code": QR, "name": "Kitchen light"}, blocking=True
    )
    await start_pairing(hass)
    device = VirtualDevice(IEEE, install_code=CODE)
    assert coordinator13.power_on(device).joined
    await wait_for(hass, lambda: status(hass, z2m_entry, IEEE) == "joined", 60)
    await wait_for(hass, lambda: not z2m_entry.runtime_data.admission.window_open)

    response = await mqtt.request("device/remove", {"id": Z2M_IEEE})
    assert response["status"] == "ok", response
    await wait_for(hass, lambda: status(hass, z2m_entry, IEEE) == "pending", 60)
    assert not device.joined
    # Zigbee2MQTT's discovery takes its device away: the entry's entities go
    # back to their placeholder, which keeps the entry's name
    await wait_for(hass, lambda: z2m_device(hass, Z2M_IEEE) is None, 60)
    placeholder = dr.async_get(hass).async_get_device_by_connection(
        (dr.CONNECTION_ZIGBEE, IEEE), z2m_entry.entry_id
    )
    assert placeholder is not None
    assert placeholder.name == "Kitchen light"
    entities = er.async_entries_for_device(er.async_get(hass), placeholder.id)
    assert {e.unique_id for e in entities} == {f"{coordinator13.ieee}_{IEEE}_status"}
    response = await start_pairing(hass)
    assert response["keys_loaded"] == 1
    assert IEEE in [str(k) for k in coordinator13.transient_keys]
    assert coordinator13.power_on(device).joined
    await wait_for(hass, lambda: status(hass, z2m_entry, IEEE) == "joined", 60)


async def test_an_unprovisioned_device_is_removed_after_it_joined(
    hass: HomeAssistant,
    coordinator13: VirtualCoordinator,
    mqtt: MqttRecorder,
    z2m_entry: ConfigEntry,
) -> None:
    """The guard: Zigbee2MQTT lets it join; it is removed, with an event and a repair."""
    events = record_events(hass)
    await hass.services.async_call(
        DOMAIN, "add_device", {"qr_code": QR, "name": "Kitchen light"}, blocking=True
    )
    await start_pairing(hass)
    intruder = VirtualDevice(INTRUDER, model="Intruder")
    assert coordinator13.power_on(intruder).joined  # no trust-center refusal
    await wait_for(
        hass,
        lambda: any(
            e.event_type == "provisioning_unprovisioned_device_removed"
            and e.data == {"ieee": INTRUDER}
            for e in events
        ),
        60,
    )
    assert ir.async_get(hass).async_get_issue(
        DOMAIN, f"unprovisioned_device_removed_{INTRUDER}"
    )
    # The repair that says removal comes after the join, on any window
    warning = ir.async_get(hass).async_get_issue(
        DOMAIN, f"radio_not_install_code_only_{z2m_entry.entry_id}"
    )
    assert warning is not None
    assert warning.translation_placeholders == {"radio": "zigbee2mqtt"}
    await coordinator13.wait_until(lambda: not intruder.joined)
    assert status(hass, z2m_entry, IEEE) == "admitting"  # the listed one waits
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)
    await coordinator13.wait_until(lambda: not coordinator13.permit_open)
    assert coordinator13.transient_keys == []


async def test_with_the_guard_off_an_unlisted_device_stays(
    hass: HomeAssistant,
    coordinator13: VirtualCoordinator,
    mqtt: MqttRecorder,
    z2m_entry: ConfigEntry,
) -> None:
    events = record_events(hass)
    z2m_entry.runtime_data.admission.async_set_guard(False)
    await hass.services.async_call(
        DOMAIN, "add_device", {"qr_code": QR, "name": "Kitchen light"}, blocking=True
    )
    await start_pairing(hass)
    guest = VirtualDevice(INTRUDER, model="Guest")
    assert coordinator13.power_on(guest).joined
    # Its interview ends after the moment a removal would have been sent
    await mqtt.wait_for(
        f"{BASE}/bridge/devices",
        lambda data: any(
            d.get("ieee_address") == "0x0011223344556688"
            and d.get("interview_completed")
            for d in data
        ),
        timeout=60,
    )
    await hass.async_block_till_done()
    assert guest.joined
    assert not [
        e for e in events if e.event_type == "provisioning_unprovisioned_device_removed"
    ]
    assert not mqtt.events("device_leave", "0x0011223344556688")
    assert status(hass, z2m_entry, IEEE) == "admitting"
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)


async def test_a_server_entry_joins_and_is_reported(
    hass: HomeAssistant,
    coordinator13: VirtualCoordinator,
    z2m_entry: ConfigEntry,
    store: Store,
) -> None:
    """A meter listed on the provisioning server joins and its status goes back."""
    hub = z2m_entry.unique_id
    _, token = register_hub(
        store,
        z2m_entry,
        DeviceRecord(ieee=METER, install_code=CODE, name="Meter flat 1"),
    )
    async with serve_store(store) as url:
        await connect(hass, z2m_entry, url, token)
        assert status(hass, z2m_entry, METER) == "pending"
        await start_pairing(hass)
        meter = VirtualDevice(METER, install_code=CODE, model="Meter")
        assert coordinator13.power_on(meter).joined
        await wait_for(hass, lambda: status(hass, z2m_entry, METER) == "joined", 60)
        await wait_for(
            hass,
            lambda: (
                [s.status for s in store.device_status(hub) if s.ieee == METER]
                == ["joined"]
            ),
            60,
        )


async def test_failed_interview_and_failed_removal(
    hass: HomeAssistant,
    mqtt: MqttRecorder,
    z2m_entry: ConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A failed interview starts the interview timer, as with ZHA; a removal
    Zigbee2MQTT refused is still announced, with a warning."""
    events = record_events(hass)
    area = ar.async_get(hass).async_create("Hall")
    await hass.services.async_call(
        DOMAIN,
        "add_device",
        {"qr_code": QR, "name": "Hall light", "area_id": area.id},
        blocking=True,
    )
    await start_pairing(hass)
    machine = z2m_entry.runtime_data.admission.machine
    await mqtt.async_publish(
        f"{BASE}/bridge/event",
        json.dumps(
            {
                "type": "device_interview",
                "data": {"ieee_address": Z2M_IEEE, "status": "failed"},
            }
        ),
    )
    await wait_for(hass, lambda: any(str(i) == IEEE for i in machine.interviews))
    assert status(hass, z2m_entry, IEEE) == "admitting"

    network = z2m_entry.runtime_data.network
    network._on_report(
        BridgeReport(ReportKind.REMOVE_FAILED, EUI64.convert(INTRUDER), at=0.0)
    )
    assert any(
        e.event_type == "provisioning_unprovisioned_device_removed"
        and e.data == {"ieee": INTRUDER}
        for e in events
    )
    assert f"Zigbee2MQTT could not remove {INTRUDER}" in caplog.text

    # Devices of other integrations, or with a malformed identifier, are left be
    registry = dr.async_get(hass)
    [mqtt_entry] = hass.config_entries.async_entries("mqtt")
    other = MockConfigEntry(domain="other")
    other.add_to_hass(hass)
    odd = registry.async_get_or_create(
        config_entry_id=mqtt_entry.entry_id, identifiers={("mqtt", "zigbee2mqtt_bad")}
    )
    foreign = registry.async_get_or_create(
        config_entry_id=other.entry_id,
        identifiers={("mqtt", f"zigbee2mqtt_{Z2M_IEEE}")},
    )
    mine = registry.async_get_or_create(
        config_entry_id=mqtt_entry.entry_id,
        identifiers={("mqtt", f"zigbee2mqtt_{Z2M_IEEE}")},
    )
    await hass.async_block_till_done()
    assert registry.async_get(odd.id).area_id is None
    assert registry.async_get(foreign.id).area_id is None
    assert registry.async_get(mine.id).area_id == area.id
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)


async def test_a_reload_of_mqtt_binds_the_bridge_again(
    hass: HomeAssistant,
    coordinator13: VirtualCoordinator,
    z2m_entry: ConfigEntry,
) -> None:
    """MQTT's subscriptions go with its client: the entry sets up again on the
    new one, and the bridge answers as before."""
    first = z2m_entry.runtime_data
    [mqtt_entry] = hass.config_entries.async_entries("mqtt")
    assert await hass.config_entries.async_reload(mqtt_entry.entry_id)
    await wait_for(
        hass,
        lambda: (
            z2m_entry.state is ConfigEntryState.LOADED
            and z2m_entry.runtime_data is not first
        ),
        60,
    )
    await hass.services.async_call(
        DOMAIN, "add_device", {"qr_code": QR, "name": "Kitchen light"}, blocking=True
    )
    response = await start_pairing(hass)
    assert response["keys_loaded"] == 1
    assert coordinator13.permit_open
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)
    await coordinator13.wait_until(lambda: not coordinator13.permit_open)
