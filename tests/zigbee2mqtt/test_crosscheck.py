"""A real Zigbee2MQTT (zigbee-herdsman's ember driver) on the virtual
coordinator's EZSP 13 personality: an independent host stack that guards the
emulator's fidelity, through Zigbee2MQTT's own MQTT API."""

from __future__ import annotations

import pathlib

import pytest

from tests.zigbee2mqtt.harness import BASE, MqttRecorder, Zigbee2Mqtt
from virtual_coordinator import VirtualCoordinator, VirtualDevice

IEEE = "00:11:22:33:44:55:66:77"
Z2M_IEEE = "0x0011223344556677"
INSTALL_CODE = "83FED3407A939723A5C639B26916D505C3B5"
POLICY_ALLOW_JOINS = 0x01
POLICY_INSTALL_CODES = 0x10

pytestmark = pytest.mark.timeout(180)


async def _bridge_info(mqtt: MqttRecorder, start: int = 0) -> dict[str, object]:
    message = await mqtt.wait_for(
        f"{BASE}/bridge/info", lambda d: d.get("coordinator"), start=start
    )
    return dict(message.json())


async def test_forms_a_network_and_resumes_it_after_a_restart(
    z2m: Zigbee2Mqtt, coordinator13: VirtualCoordinator, mqtt: MqttRecorder
) -> None:
    assert coordinator13.events("network_formed")
    assert coordinator13.stack_up
    info = await _bridge_info(mqtt)
    coordinator = info["coordinator"]
    assert isinstance(coordinator, dict)
    assert coordinator["ieee_address"] == "0x" + str(coordinator13.ieee).replace(
        ":", ""
    )
    network = info["network"]
    assert isinstance(network, dict)
    assert network["channel"] == 15
    assert network["pan_id"] == coordinator13.state.pan_id
    # The coordinator's endpoint 1 as zigbee-herdsman registered it
    endpoint = next(e for e in coordinator13.endpoints if e.endpoint_id == 1)
    assert endpoint.output_clusters  # input/output split by the counts

    formed = len(coordinator13.events("network_formed"))
    await z2m.stop()
    start = len(mqtt.messages)
    await z2m.start(mqtt)
    assert len(coordinator13.events("network_formed")) == formed  # resumed
    resumed = await _bridge_info(mqtt, start)
    assert resumed["network"] == network
    assert coordinator13.events("unknown_frame") == [], z2m.log()[-3000:]


async def test_install_code_join_interview_remove_and_close(
    z2m: Zigbee2Mqtt,
    coordinator13: VirtualCoordinator,
    mqtt: MqttRecorder,
    tmp_path: pathlib.Path,
) -> None:
    response = await mqtt.request(
        "install_code/add", {"value": f"Z:{Z2M_IEEE[2:].upper()}$I:{INSTALL_CODE}"}
    )
    assert response["status"] == "ok", response
    assert coordinator13.transient_keys == [VirtualDevice(IEEE).ieee]
    # A bad code gets an error, and the table is unchanged
    refused = await mqtt.request("install_code/add", {"value": "nonsense"})
    assert refused["status"] == "error"
    assert "error" in refused
    assert len(coordinator13.transient_keys) == 1

    response = await mqtt.request("permit_join", {"time": 60})
    assert response["status"] == "ok", response
    assert coordinator13.permit_open
    assert coordinator13.policy & POLICY_ALLOW_JOINS

    start = len(mqtt.messages)
    device = VirtualDevice(IEEE, install_code=INSTALL_CODE, model="Crosscheck")
    result = coordinator13.power_on(device)
    assert result.joined, result
    await mqtt.wait_for(
        f"{BASE}/bridge/event",
        lambda d: (
            d["type"] == "device_joined" and d["data"]["ieee_address"] == Z2M_IEEE
        ),
        start=start,
    )
    interview = await mqtt.wait_for(
        f"{BASE}/bridge/event",
        lambda d: (
            d["type"] == "device_interview"
            and d["data"]["ieee_address"] == Z2M_IEEE
            and d["data"]["status"] in ("successful", "failed")
        ),
        start=start,
    )
    assert interview.json()["data"]["status"] == "successful", z2m.log()[-3000:]
    devices = await mqtt.wait_for(
        f"{BASE}/bridge/devices",
        lambda d: any(
            x.get("ieee_address") == Z2M_IEEE and x.get("interview_completed")
            for x in d
        ),
        start=start,
    )
    joined = next(x for x in devices.json() if x["ieee_address"] == Z2M_IEEE)
    assert joined["model_id"] == "Crosscheck"
    assert joined["network_address"] == result.nwk

    response = await mqtt.request("device/remove", {"id": Z2M_IEEE})
    assert response["status"] == "ok", response
    await coordinator13.wait_until(lambda: not device.joined)
    assert str(device.ieee) not in coordinator13.state.devices

    response = await mqtt.request("permit_join", {"time": 0})
    assert response["status"] == "ok", response
    await coordinator13.wait_until(lambda: not coordinator13.permit_open)
    assert coordinator13.transient_keys == []
    assert not coordinator13.policy & POLICY_ALLOW_JOINS
    # Closed: the device cannot join again
    assert not coordinator13.power_on(device).joined
    assert coordinator13.events("unknown_frame") == [], z2m.log()[-3000:]
