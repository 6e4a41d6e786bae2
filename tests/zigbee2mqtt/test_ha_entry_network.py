"""The config entry names its network; entries made before that read as ZHA."""

from __future__ import annotations

from homeassistant import config_entries
from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers.service_info.mqtt import MqttServiceInfo
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.provisioning.const import (
    CONF_BASE_TOPIC,
    CONF_COORDINATOR_IEEE,
    CONF_NETWORK,
    CONF_ZHA_ENTRY_ID,
    DOMAIN,
    NETWORK_ZHA,
    NETWORK_ZIGBEE2MQTT,
)
from tests.conftest import add_provisioning_entry
from virtual_coordinator import VirtualCoordinator


async def test_a_new_entry_binds_to_zha_by_name(
    hass: HomeAssistant, zha_entry: ConfigEntry
) -> None:
    entry = await add_provisioning_entry(hass)
    assert entry.data[CONF_NETWORK] == NETWORK_ZHA
    assert (entry.version, entry.minor_version) == (1, 3)
    await hass.config_entries.async_unload(entry.entry_id)


async def test_an_entry_of_version_1_1_reads_as_zha(
    hass: HomeAssistant,
    zha_entry: ConfigEntry,
    virtual_coordinator: VirtualCoordinator,
) -> None:
    old = MockConfigEntry(
        domain=DOMAIN,
        title="Old",
        unique_id=str(virtual_coordinator.ieee),
        version=1,
        minor_version=1,
        data={
            CONF_ZHA_ENTRY_ID: zha_entry.entry_id,
            CONF_COORDINATOR_IEEE: str(virtual_coordinator.ieee),
        },
    )
    old.add_to_hass(hass)
    assert await hass.config_entries.async_setup(old.entry_id)
    await hass.async_block_till_done()
    assert old.state is ConfigEntryState.LOADED
    assert old.minor_version == 3
    assert old.data == {
        CONF_NETWORK: NETWORK_ZHA,
        CONF_ZHA_ENTRY_ID: zha_entry.entry_id,
        CONF_COORDINATOR_IEEE: str(virtual_coordinator.ieee),
    }
    await hass.config_entries.async_unload(old.entry_id)


async def test_an_entry_of_a_newer_version_is_not_set_up(
    hass: HomeAssistant, zha_entry: ConfigEntry
) -> None:
    newer = MockConfigEntry(domain=DOMAIN, version=2, data={CONF_NETWORK: "other"})
    newer.add_to_hass(hass)
    assert not await hass.config_entries.async_setup(newer.entry_id)
    assert newer.state is ConfigEntryState.MIGRATION_ERROR
    assert newer.data == {CONF_NETWORK: "other"}


async def test_a_zigbee2mqtt_entry_waits_for_mqtt(hass: HomeAssistant) -> None:
    entry = MockConfigEntry(
        domain=DOMAIN,
        version=1,
        minor_version=2,
        data={
            CONF_NETWORK: NETWORK_ZIGBEE2MQTT,
            CONF_BASE_TOPIC: "zigbee2mqtt",
            CONF_COORDINATOR_IEEE: "00:11:22:33:44:55:66:77",
        },
    )
    entry.add_to_hass(hass)
    assert not await hass.config_entries.async_setup(entry.entry_id)
    assert entry.state is ConfigEntryState.SETUP_RETRY
    assert entry.reason == "Waiting for the MQTT integration to connect to its broker"


@pytest.mark.parametrize(
    "payload",
    [
        "not json",
        "[1, 2]",
        '{"version": "2.14.1"}',
        '{"coordinator": {"ieee_address": "0x12"}}',
    ],
)
async def test_mqtt_discovery_of_something_else_is_refused(
    hass: HomeAssistant, payload: str
) -> None:
    result = await hass.config_entries.flow.async_init(
        DOMAIN,
        context={"source": config_entries.SOURCE_MQTT},
        data=MqttServiceInfo(
            topic="zigbee2mqtt/bridge/info",
            payload=payload,
            qos=0,
            retain=True,
            subscribed_topic="+/bridge/info",
            timestamp=0,
        ),
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "not_zigbee2mqtt"


async def test_mqtt_discovery_of_a_bridge_asks_to_confirm(
    hass: HomeAssistant,
) -> None:
    info = MqttServiceInfo(
        topic="home/z2m/bridge/info",
        payload=bytearray(
            b'{"version": "2.14.1", "coordinator": '
            b'{"ieee_address": "0x00124b0012345678", "type": "EmberZNet"}}'
        ),
        qos=0,
        retain=True,
        subscribed_topic="+/bridge/info",
        timestamp=0,
    )
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": config_entries.SOURCE_MQTT}, data=info
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "confirm_zigbee2mqtt"
    assert result["description_placeholders"] == {
        "base_topic": "home/z2m",
        "ieee": "00:12:4b:00:12:34:56:78",
    }
    # The same bridge again while the first flow is open: one flow
    again = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": config_entries.SOURCE_MQTT}, data=info
    )
    assert again["type"] is FlowResultType.ABORT
    assert again["reason"] == "already_in_progress"
