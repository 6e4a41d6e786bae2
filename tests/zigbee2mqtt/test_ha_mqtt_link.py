"""The bridge client over Home Assistant's real MQTT integration, against real
Mosquitto, the real Zigbee2MQTT and the virtual coordinator."""

# The shared fixtures are imported by name; tests take them as arguments.
# ruff: noqa: F811

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
import logging
import pathlib

from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from zigpy.types import EUI64

from custom_components.provisioning.core import InstallCode, ProvisioningEntry
from custom_components.provisioning.core.zigbee.identity import zigbee_id
from custom_components.provisioning.core.zigbee.z2m import (
    BridgeReport,
    ReportKind,
    Zigbee2MqttBridge,
    z2m_ieee,
)
from custom_components.provisioning.z2m_link import HassMqttClient, async_mqtt_ready
from tests.conftest import find_secrets
from tests.zigbee2mqtt.fixtures import (  # noqa: F401
    broker_port,
    coordinator13,
    mqtt,
    z2m,
    z2m_index,
)
from tests.zigbee2mqtt.harness import BASE, MqttRecorder, Zigbee2Mqtt
from virtual_coordinator import VirtualCoordinator, VirtualDevice

pytestmark = pytest.mark.timeout(180)

T0 = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
CODE = "83FED3407A939723A5C639B26916D505C3B5"
IEEE_A = EUI64.convert("00:11:22:33:44:55:66:77")
IEEE_X = EUI64.convert("00:11:22:33:44:55:66:88")


async def setup_mqtt(hass: HomeAssistant, port: int) -> MockConfigEntry:
    """Home Assistant's MQTT integration, connected to the test broker."""
    # The MQTT integration reads configuration.yaml for its YAML items
    config = pathlib.Path(hass.config.config_dir) / "configuration.yaml"
    if not config.exists():
        config.write_text("{}\n")
    entry = MockConfigEntry(
        domain="mqtt", data={"broker": "127.0.0.1", "port": port}, version=1
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert await async_mqtt_ready(hass)
    return entry


class Reports:
    """What the bridge client reported, to wait on."""

    def __init__(self) -> None:
        self.items: list[BridgeReport] = []
        self._changed = asyncio.Event()

    def __call__(self, report: BridgeReport) -> None:
        self.items.append(report)
        self._changed.set()

    async def wait(self, kind: ReportKind, ieee: EUI64) -> BridgeReport:
        async with asyncio.timeout(60):
            while True:
                for report in self.items:
                    if report.kind is kind and report.ieee == ieee:
                        return report
                self._changed.clear()
                await self._changed.wait()


@pytest.fixture
async def bridge_reports(
    hass: HomeAssistant, broker_port: int, z2m: Zigbee2Mqtt
) -> AsyncIterator[tuple[Zigbee2MqttBridge, Reports, dict[EUI64, ProvisioningEntry]]]:
    mqtt_entry = await setup_mqtt(hass, broker_port)
    entries: dict[EUI64, ProvisioningEntry] = {}
    reports = Reports()
    bridge = Zigbee2MqttBridge(
        HassMqttClient(hass),
        base_topic=BASE,
        lookup=entries.get,
        listener=reports,
        request_timeout=30,
    )
    await bridge.async_start()
    try:
        yield bridge, reports, entries
    finally:
        await bridge.async_stop()
        await hass.config_entries.async_unload(mqtt_entry.entry_id)
        await hass.async_block_till_done()


async def test_admits_a_provisioned_device_and_removes_an_intruder(
    hass: HomeAssistant,
    coordinator13: VirtualCoordinator,
    mqtt: MqttRecorder,
    bridge_reports: tuple[Zigbee2MqttBridge, Reports, dict[EUI64, ProvisioningEntry]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    bridge, reports, entries = bridge_reports
    entry = ProvisioningEntry(
        device=zigbee_id(IEEE_A),
        credential=InstallCode(bytes.fromhex(CODE)),
        provider_id="local",
        name="Hall light",
        created_at=T0,
        updated_at=T0,
    )
    entries[IEEE_A] = entry
    added = await bridge.async_add_codes([entry])
    assert added.added == (IEEE_A,)
    # The retained bridge/state came through Home Assistant at subscription
    assert bridge.online
    assert coordinator13.transient_keys == [IEEE_A]
    await bridge.async_permit(60)
    assert coordinator13.permit_open

    device = VirtualDevice(str(IEEE_A), install_code=CODE, model="Lamp")
    assert coordinator13.power_on(device).joined
    joined = await reports.wait(ReportKind.JOINED, IEEE_A)
    assert joined.renamed
    assert joined.friendly_name == "Hall light"
    await mqtt.wait_for(
        f"{BASE}/bridge/devices",
        lambda data: any(
            d.get("ieee_address") == z2m_ieee(IEEE_A)
            and d.get("friendly_name") == "Hall light"
            for d in data
        ),
    )

    # Not provisioned: it joins (Zigbee2MQTT cannot refuse it), then it is removed
    intruder = VirtualDevice(str(IEEE_X), model="Intruder")
    assert coordinator13.power_on(intruder).joined
    await reports.wait(ReportKind.REMOVED, IEEE_X)
    await coordinator13.wait_until(lambda: not intruder.joined)

    await bridge.async_close()
    assert not coordinator13.permit_open
    assert coordinator13.transient_keys == []
    # Home Assistant's MQTT client logs payloads at debug level: no code in them
    assert find_secrets(caplog.text, [CODE]) == []
    assert any(
        r.name.startswith("homeassistant.components.mqtt") for r in caplog.records
    )
