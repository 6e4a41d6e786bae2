"""Use case 1 on Zigbee2MQTT over a Z-Stack coordinator, end to end: Home
Assistant's real MQTT integration on a real Mosquitto, the real Zigbee2MQTT
(``adapter: zstack``, its Home Assistant discovery on) and the virtual
coordinator's Z-Stack 3.30 personality.

zigbee-herdsman's zstack adapter never makes joins install-code-only, and its
codes stay in Z-Stack's APS key table after the window: both are checked here
as what the window and the README say."""

# The shared fixtures are imported by name; tests take them as arguments.
# ruff: noqa: F811

from __future__ import annotations

from collections.abc import AsyncIterator
import logging
import pathlib

from homeassistant import config_entries
from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import area_registry as ar, issue_registry as ir
import pytest

from custom_components.provisioning.const import DOMAIN
from custom_components.provisioning.core.zigbee.z2m import ZSTACK
from provisioning_server.store import Store
from provisioning_server.validation import DeviceRecord
from tests.conftest import find_secrets
from tests.provisioning_server.helpers import serve_store
from tests.test_admission import start_pairing, status, wait_for
from tests.test_central import connect, register_hub, store  # noqa: F401
from tests.test_znp_admission import entity
from tests.zigbee2mqtt.fixtures import (  # noqa: F401
    broker_port,
    mqtt,
    z2m_index,
    znp,
)
from tests.zigbee2mqtt.harness import BASE, MqttRecorder, Zigbee2Mqtt
from tests.zigbee2mqtt.test_ha_mqtt_link import setup_mqtt
from tests.zigbee2mqtt.test_ha_z2m import record_events, z2m_device
from virtual_coordinator import VirtualDevice
from virtual_coordinator.znp import ZnpCoordinator

pytestmark = pytest.mark.timeout(240)

IEEE = "00:11:22:33:44:55:66:77"
Z2M_IEEE = "0x0011223344556677"
CODE = "83FED3407A939723A5C639B26916D505C3B5"
QR = f"Z:0011223344556677$I:{CODE}"
INTRUDER = "00:11:22:33:44:55:66:88"
METER = "00:0d:6f:00:00:00:00:01"


@pytest.fixture
async def z2m_ha_znp(
    z2m_index: pathlib.Path,
    tmp_path: pathlib.Path,
    broker_port: int,
    znp: ZnpCoordinator,
    mqtt: MqttRecorder,
) -> AsyncIterator[Zigbee2Mqtt]:
    """Zigbee2MQTT on Z-Stack with its Home Assistant discovery on, online."""
    bridge = Zigbee2Mqtt(z2m_index, tmp_path / "z2m", adapter="zstack")
    bridge.configure(broker_port, znp.tcp_url)
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
    hass: HomeAssistant, broker_port: int, z2m_ha_znp: Zigbee2Mqtt
) -> AsyncIterator[ConfigEntry]:
    """Device Provisioning, set up from the discovery of the bridge."""
    mqtt_entry = await setup_mqtt(hass, broker_port)
    await wait_for(
        hass, lambda: hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    )
    [flow] = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert flow["context"]["source"] == config_entries.SOURCE_MQTT
    result = await hass.config_entries.flow.async_configure(flow["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    entry = result["result"]
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    # The bridge client knows the adapter from the retained bridge/info
    await wait_for(hass, lambda: entry.runtime_data.network.bridge.adapter is ZSTACK)
    yield entry
    if entry.state is ConfigEntryState.LOADED:
        await hass.config_entries.async_unload(entry.entry_id)
    await hass.config_entries.async_unload(mqtt_entry.entry_id)
    await hass.async_block_till_done()


async def test_scan_plug_press_installed_on_zstack(
    hass: HomeAssistant,
    znp: ZnpCoordinator,
    mqtt: MqttRecorder,
    z2m_entry: ConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Use case 1: scan, plug in; the device joins and its name, area and status
    are set. The window says it is not install-code-only."""
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
    assert response["install_code_only"] is False
    assert response["keys_loaded"] == 1
    assert [str(k) for k in znp.transient_keys] == [IEEE]
    assert znp.permit_open
    # zigbee-herdsman never asks Z-Stack for install-code-only joins
    assert not znp.install_code_only
    window = hass.states.get(entity(hass, "binary_sensor", "join_window"))
    assert window.state == "on"
    assert window.attributes["install_code_only"] is False

    device = VirtualDevice(IEEE, install_code=CODE, manufacturer="Acme", model="Bulb")
    assert znp.power_on(device).joined
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
    await mqtt.wait_for(
        f"{BASE}/bridge/devices",
        lambda data: any(
            d.get("ieee_address") == Z2M_IEEE
            and d.get("friendly_name") == "Kitchen light"
            for d in data
        ),
    )
    await wait_for(
        hass,
        lambda: (d := z2m_device(hass, Z2M_IEEE)) is not None and d.area_id == area.id,
        60,
    )
    # Every listed device joined: the window ends with permit_join time 0. The
    # code stays in Z-Stack's APS key table: no request removes it.
    await wait_for(hass, lambda: not z2m_entry.runtime_data.admission.window_open)
    await znp.wait_until(lambda: not znp.permit_open)
    assert [str(k) for k in znp.transient_keys] == [IEEE]
    assert find_secrets(caplog.text, [CODE]) == []
    assert znp.events("unknown_frame") == []


async def test_an_unprovisioned_device_is_removed_after_it_joined(
    hass: HomeAssistant,
    znp: ZnpCoordinator,
    z2m_entry: ConfigEntry,
) -> None:
    """The guard: Z-Stack lets a well-known-key device join while Zigbee2MQTT's
    permit is open; it is removed, with an event and a repair."""
    events = record_events(hass)
    await hass.services.async_call(
        DOMAIN, "add_device", {"qr_code": QR, "name": "Kitchen light"}, blocking=True
    )
    await start_pairing(hass)
    intruder = VirtualDevice(INTRUDER, model="Intruder")
    assert znp.power_on(intruder).joined  # no trust-center refusal
    await wait_for(
        hass,
        lambda: any(
            e.event_type == "provisioning_unprovisioned_device_removed"
            and e.data == {"ieee": INTRUDER}
            for e in events
        ),
        60,
    )
    warning = ir.async_get(hass).async_get_issue(
        DOMAIN, f"radio_not_install_code_only_{z2m_entry.entry_id}"
    )
    assert warning is not None
    await znp.wait_until(lambda: not intruder.joined)
    assert status(hass, z2m_entry, IEEE) == "admitting"  # the listed one waits
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)
    await znp.wait_until(lambda: not znp.permit_open)


async def test_a_server_entry_joins_and_is_reported(
    hass: HomeAssistant,
    znp: ZnpCoordinator,
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
        assert znp.power_on(meter).joined
        await wait_for(hass, lambda: status(hass, z2m_entry, METER) == "joined", 60)
        await wait_for(
            hass,
            lambda: (
                [s.status for s in store.device_status(hub) if s.ieee == METER]
                == ["joined"]
            ),
            60,
        )
