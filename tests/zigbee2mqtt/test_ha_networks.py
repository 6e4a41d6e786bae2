"""One provisioning list per coordinator: ZHA's beside a Zigbee2MQTT bridge's,
and two bridges on one broker, each with its own list. Home Assistant's real
ZHA and MQTT integrations, a real Mosquitto, real Zigbee2MQTT processes and
virtual coordinators."""

# The shared fixtures are imported by name; tests take them as arguments.
# ruff: noqa: F811

from __future__ import annotations

import pathlib
from typing import Any

from homeassistant import config_entries
from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResult, FlowResultType
from homeassistant.exceptions import ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.provisioning.const import (
    CONF_BASE_TOPIC,
    CONF_NETWORK,
    DOMAIN,
    NETWORK_ZHA,
    NETWORK_ZIGBEE2MQTT,
)
from tests.test_admission import status, wait_for
from tests.zigbee2mqtt.fixtures import (  # noqa: F401
    broker_port,
    coordinator13,
    mqtt,
    z2m,
    z2m_index,
)
from tests.zigbee2mqtt.harness import BASE, MqttRecorder, Zigbee2Mqtt, mqtt_recorder
from tests.zigbee2mqtt.test_ha_mqtt_link import setup_mqtt
from virtual_coordinator import VirtualCoordinator, VirtualDevice

pytestmark = pytest.mark.timeout(240)

CODE = "83FED3407A939723A5C639B26916D505C3B5"
LAMP = "00:11:22:33:44:55:66:77"
PLUG = "00:11:22:33:44:55:66:99"
UPSTAIRS = "upstairs"


def qr(ieee: str) -> str:
    return f"Z:{ieee.replace(':', '').upper()}$I:{CODE}"


def z2m_name(ieee: str) -> str:
    return "0x" + ieee.replace(":", "")


def network_options(result: FlowResult) -> dict[str, str]:
    """The networks the user step offers: choice → label."""
    [(key, field)] = result["data_schema"].schema.items()
    assert key == CONF_NETWORK
    return {option["value"]: option["label"] for option in field.config["options"]}


async def start_user_flow(hass: HomeAssistant) -> FlowResult:
    return await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": config_entries.SOURCE_USER}
    )


async def add(hass: HomeAssistant, entry: ConfigEntry, ieee: str, name: str) -> None:
    await hass.services.async_call(
        DOMAIN,
        "add_device",
        {"qr_code": qr(ieee), "name": name, "config_entry_id": entry.entry_id},
        blocking=True,
    )


async def start_pairing(hass: HomeAssistant, entry: ConfigEntry) -> dict[str, Any]:
    response = await hass.services.async_call(
        DOMAIN,
        "start_pairing",
        {"duration": 180, "config_entry_id": entry.entry_id},
        blocking=True,
        return_response=True,
    )
    assert isinstance(response, dict)
    return response


async def renamed(recorder: MqttRecorder, ieee: str, name: str) -> None:
    """Wait until the bridge of recorder lists the device under name."""
    await recorder.wait_for(
        f"{recorder.base_topic}/bridge/devices",
        lambda data: any(
            d.get("ieee_address") == z2m_name(ieee) and d.get("friendly_name") == name
            for d in data
        ),
        timeout=60,
    )


async def test_zha_and_a_bridge_each_keep_a_list(  # noqa: PLR0917
    hass: HomeAssistant,
    zha_entry: ConfigEntry,
    virtual_coordinator: VirtualCoordinator,
    broker_port: int,
    z2m: Zigbee2Mqtt,
    coordinator13: VirtualCoordinator,
    mqtt: MqttRecorder,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """The user step offers both networks; each gets its list, then none is left.

    A device is listed on one network only, calls name the list when there are
    several, and each list admits on its own network.
    """
    mqtt_entry = await setup_mqtt(hass, broker_port)
    await wait_for(
        hass, lambda: hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    )
    result = await start_user_flow(hass)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    assert network_options(result) == {
        f"zha:{zha_entry.entry_id}": f"Zigbee Home Automation (ZHA): {zha_entry.title}",
        f"zigbee2mqtt:{BASE}": f"Zigbee2MQTT ({BASE})",
    }
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NETWORK: f"zigbee2mqtt:{BASE}"}
    )
    assert result["step_id"] == "confirm_zigbee2mqtt"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    bridge_list = result["result"]
    assert bridge_list.title == f"Zigbee2MQTT ({BASE})"
    assert bridge_list.unique_id == str(coordinator13.ieee)
    # The bridge's discovery flow is gone with it
    await wait_for(
        hass, lambda: not hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    )

    # Only ZHA is left: the user step goes straight to its confirmation
    result = await start_user_flow(hass)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "confirm"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    zha_list = result["result"]
    await hass.async_block_till_done()
    assert zha_list.data[CONF_NETWORK] == NETWORK_ZHA
    assert bridge_list.data[CONF_NETWORK] == NETWORK_ZIGBEE2MQTT
    assert zha_list.state is ConfigEntryState.LOADED
    assert bridge_list.state is ConfigEntryState.LOADED
    # Every coordinator has its list now
    result = await start_user_flow(hass)
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "every_network_bound"

    # With two lists, a call names its list
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN, "add_device", {"qr_code": qr(LAMP)}, blocking=True
        )
    assert err.value.translation_key == "several_coordinators"
    await add(hass, zha_list, LAMP, "Lamp")
    # A device is listed on one network only: the service, the form, the CSV
    with pytest.raises(ServiceValidationError) as err:
        await add(hass, bridge_list, LAMP, "Lamp")
    assert err.value.translation_key == "listed_on_other_network"
    assert err.value.translation_placeholders == {
        "ieee": LAMP,
        "title": zha_list.title,
        "field": "qr_code",
    }
    form = await hass.config_entries.subentries.async_init(
        (bridge_list.entry_id, "device"),
        context={"source": config_entries.SOURCE_USER},
    )
    form = await hass.config_entries.subentries.async_configure(
        form["flow_id"], {"qr_code": qr(LAMP)}
    )
    assert form["errors"] == {"qr_code": "listed_on_other_network"}
    assert form["description_placeholders"] == {"title": zha_list.title}
    hass.config_entries.subentries.async_abort(form["flow_id"])
    client = await hass_ws_client(hass)
    await client.send_json_auto_id(
        {
            "type": "provisioning/entries/import",
            "config_entry_id": bridge_list.entry_id,
            "csv": f"ieee,install_code\n{LAMP},{CODE}\n",
        }
    )
    answer = await client.receive_json()
    assert answer["result"] == {
        "added": 0,
        "errors": [
            {
                "line": 2,
                "error": "listed_on_other_network",
                "ieee": LAMP,
                "title": zha_list.title,
            }
        ],
    }
    assert LAMP not in {str(ieee) for ieee in bridge_list.runtime_data.data}

    # The panel lists both coordinators
    await client.send_json_auto_id({"type": "provisioning/coordinators"})
    answer = await client.receive_json()
    assert {
        (c["config_entry_id"], c["radio"]) for c in answer["result"]["coordinators"]
    } == {(zha_list.entry_id, "bellows"), (bridge_list.entry_id, "zigbee2mqtt")}

    # Each list admits on its own network
    await add(hass, bridge_list, PLUG, "Plug")
    await start_pairing(hass, bridge_list)
    assert coordinator13.permit_open
    assert not virtual_coordinator.permit_open
    assert coordinator13.power_on(VirtualDevice(PLUG, install_code=CODE)).joined
    await wait_for(hass, lambda: status(hass, bridge_list, PLUG) == "joined", 60)
    await renamed(mqtt, PLUG, "Plug")
    assert status(hass, zha_list, LAMP) == "pending"

    for entry in (zha_list, bridge_list, mqtt_entry):
        await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()


async def test_two_bridges_keep_two_lists(  # noqa: PLR0917
    hass: HomeAssistant,
    z2m_index: pathlib.Path,
    tmp_path: pathlib.Path,
    broker_port: int,
    z2m: Zigbee2Mqtt,
    coordinator13: VirtualCoordinator,
    mqtt: MqttRecorder,
) -> None:
    """Two Zigbee2MQTT bridges on one broker: two discoveries, two lists, each
    admitting on its own coordinator; removing one list leaves the other."""
    upstairs_coordinator = VirtualCoordinator(
        ezsp_version=13, state_file=tmp_path / "ncp-upstairs.json"
    )
    await upstairs_coordinator.start_tcp("127.0.0.1", 0)
    upstairs = Zigbee2Mqtt(z2m_index, tmp_path / "z2m-upstairs", UPSTAIRS)
    upstairs.configure(broker_port, upstairs_coordinator.tcp_url)
    async with mqtt_recorder(broker_port, UPSTAIRS) as upstairs_mqtt:
        try:
            await upstairs.start(upstairs_mqtt)
            await _two_bridges(
                hass,
                broker_port,
                (coordinator13, mqtt),
                (upstairs_coordinator, upstairs_mqtt),
            )
        finally:
            await upstairs.stop()
            await upstairs_coordinator.stop()


async def _two_bridges(
    hass: HomeAssistant,
    broker_port: int,
    downstairs: tuple[VirtualCoordinator, MqttRecorder],
    upstairs: tuple[VirtualCoordinator, MqttRecorder],
) -> None:
    mqtt_entry = await setup_mqtt(hass, broker_port)
    # Each bridge's retained bridge/info starts its own discovery flow
    await wait_for(
        hass,
        lambda: len(hass.config_entries.flow.async_progress_by_handler(DOMAIN)) == 2,
    )
    lists: dict[str, ConfigEntry] = {}
    for flow in hass.config_entries.flow.async_progress_by_handler(DOMAIN):
        assert flow["context"]["source"] == config_entries.SOURCE_MQTT
        result = await hass.config_entries.flow.async_configure(flow["flow_id"], {})
        assert result["type"] is FlowResultType.CREATE_ENTRY
        lists[result["result"].data[CONF_BASE_TOPIC]] = result["result"]
    await hass.async_block_till_done()
    assert set(lists) == {BASE, UPSTAIRS}
    assert lists[UPSTAIRS].title == f"Zigbee2MQTT ({UPSTAIRS})"
    assert lists[UPSTAIRS].unique_id == str(upstairs[0].ieee)
    assert lists[BASE].unique_id == str(downstairs[0].ieee)
    assert all(e.state is ConfigEntryState.LOADED for e in lists.values())

    await add(hass, lists[BASE], LAMP, "Lamp")
    await add(hass, lists[UPSTAIRS], PLUG, "Plug")
    for entry in lists.values():
        await start_pairing(hass, entry)
    # Each bridge got its own code only
    downstairs_keys = {str(k) for k in downstairs[0].transient_keys}
    upstairs_keys = {str(k) for k in upstairs[0].transient_keys}
    assert LAMP in downstairs_keys
    assert PLUG not in downstairs_keys
    assert PLUG in upstairs_keys
    assert LAMP not in upstairs_keys

    assert downstairs[0].power_on(VirtualDevice(LAMP, install_code=CODE)).joined
    assert upstairs[0].power_on(VirtualDevice(PLUG, install_code=CODE)).joined
    await wait_for(hass, lambda: status(hass, lists[BASE], LAMP) == "joined", 60)
    await wait_for(hass, lambda: status(hass, lists[UPSTAIRS], PLUG) == "joined", 60)
    await renamed(downstairs[1], LAMP, "Lamp")
    await renamed(upstairs[1], PLUG, "Plug")

    # Removing one list leaves the other bridge's list running
    assert await hass.config_entries.async_remove(lists[BASE].entry_id)
    await hass.async_block_till_done()
    assert lists[UPSTAIRS].state is ConfigEntryState.LOADED
    await start_pairing(hass, lists[UPSTAIRS])
    await upstairs[0].wait_until(lambda: upstairs[0].permit_open)
    # ... and "Add Zigbee network" offers the bridge without a list again
    result = await start_user_flow(hass)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "confirm_zigbee2mqtt"
    assert result["description_placeholders"]["base_topic"] == BASE
    hass.config_entries.flow.async_abort(result["flow_id"])

    await hass.config_entries.async_unload(lists[UPSTAIRS].entry_id)
    await hass.config_entries.async_unload(mqtt_entry.entry_id)
    await hass.async_block_till_done()
