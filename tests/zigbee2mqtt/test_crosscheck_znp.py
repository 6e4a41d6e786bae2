"""A real Zigbee2MQTT (zigbee-herdsman's zstack adapter) on the virtual
coordinator's Z-Stack 3.30 personality: a second host stack, besides
zigpy-znp, that guards the emulator's fidelity through Zigbee2MQTT's own MQTT
API. zigbee-herdsman reads many more NVRAM items than zigpy-znp, starts the
stack its own way and adds install codes with its own calls."""

from __future__ import annotations

import pathlib

import pytest

from tests.zigbee2mqtt.harness import BASE, MqttRecorder, Zigbee2Mqtt
from virtual_coordinator import VirtualDevice
from virtual_coordinator.znp import ZnpCoordinator

IEEE = "00:11:22:33:44:55:66:77"
Z2M_IEEE = "0x0011223344556677"
INSTALL_CODE = "83FED3407A939723A5C639B26916D505C3B5"

pytestmark = pytest.mark.timeout(180)


async def _bridge_info(mqtt: MqttRecorder, start: int = 0) -> dict[str, object]:
    message = await mqtt.wait_for(
        f"{BASE}/bridge/info", lambda d: d.get("coordinator"), start=start
    )
    return dict(message.json())


async def test_forms_a_network_and_resumes_it_after_a_restart(
    z2m_znp: Zigbee2Mqtt, znp: ZnpCoordinator, mqtt: MqttRecorder
) -> None:
    assert znp.events("network_formed")
    assert znp.stack_up
    info = await _bridge_info(mqtt)
    coordinator = info["coordinator"]
    assert isinstance(coordinator, dict)
    assert coordinator["ieee_address"] == "0x" + str(znp.ieee).replace(":", "")
    assert coordinator["type"] == "ZStack3x0"
    network = info["network"]
    assert isinstance(network, dict)
    assert network["channel"] == 15
    assert network["pan_id"] == znp.state.pan_id
    assert znp.state.channel == 15
    endpoint = next(e for e in znp.endpoints if e.endpoint_id == 1)
    assert endpoint.profile_id == 0x0104

    formed = len(znp.events("network_formed"))
    await z2m_znp.stop()
    start = len(mqtt.messages)
    await z2m_znp.start(mqtt)
    assert len(znp.events("network_formed")) == formed  # resumed, not re-formed
    resumed = await _bridge_info(mqtt, start)
    assert resumed["network"] == network
    assert znp.events("unknown_frame") == [], z2m_znp.log()[-3000:]


async def test_resumes_after_the_coordinator_restarts(
    z2m_znp: Zigbee2Mqtt,
    znp: ZnpCoordinator,
    mqtt: MqttRecorder,
    tmp_path: pathlib.Path,
) -> None:
    """A power cycle of the coordinator: the stack is down until zigbee-herdsman
    starts it from NVRAM (``ZDO_STARTUP_FROM_APP``), with the same network."""
    info = await _bridge_info(mqtt)
    await z2m_znp.stop()
    port = znp.port
    await znp.stop()
    restarted = ZnpCoordinator(state_file=tmp_path / "znp.json")
    await restarted.start_tcp("127.0.0.1", port)
    try:
        assert not restarted.stack_up
        start = len(mqtt.messages)
        await z2m_znp.start(mqtt)
        assert "ZDO.StartupFromApp" in restarted.frames
        assert restarted.stack_up
        assert restarted.events("network_formed") == []
        assert restarted.events("network_up")
        resumed = await _bridge_info(mqtt, start)
        assert resumed["network"] == info["network"]
        assert restarted.events("unknown_frame") == [], z2m_znp.log()[-3000:]
    finally:
        await z2m_znp.stop()
        await restarted.stop()


async def test_install_code_join_interview_remove_and_close(
    z2m_znp: Zigbee2Mqtt, znp: ZnpCoordinator, mqtt: MqttRecorder
) -> None:
    response = await mqtt.request(
        "install_code/add", {"value": f"Z:{Z2M_IEEE[2:].upper()}$I:{INSTALL_CODE}"}
    )
    assert response["status"] == "ok", response
    assert znp.transient_keys == [VirtualDevice(IEEE).ieee]
    refused = await mqtt.request("install_code/add", {"value": "nonsense"})
    assert refused["status"] == "error"
    assert len(znp.transient_keys) == 1

    response = await mqtt.request("permit_join", {"time": 60})
    assert response["status"] == "ok", response
    assert znp.permit_open

    start = len(mqtt.messages)
    device = VirtualDevice(IEEE, install_code=INSTALL_CODE, model="Crosscheck")
    result = znp.power_on(device)
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
        timeout=90,
    )
    assert interview.json()["data"]["status"] == "successful", z2m_znp.log()[-3000:]
    devices = await mqtt.wait_for(
        f"{BASE}/bridge/devices",
        lambda d: any(
            x.get("ieee_address") == Z2M_IEEE and x.get("interview_completed")
            for x in d
        ),
        start=start,
    )
    # ZDO_END_DEVICE_ANNCE_IND: Zigbee2MQTT's "announced itself"
    await mqtt.wait_for(
        f"{BASE}/bridge/event",
        lambda d: (
            d["type"] == "device_announce" and d["data"]["ieee_address"] == Z2M_IEEE
        ),
        start=start,
    )
    joined = next(x for x in devices.json() if x["ieee_address"] == Z2M_IEEE)
    assert joined["model_id"] == "Crosscheck"
    assert joined["network_address"] == result.nwk

    response = await mqtt.request("device/remove", {"id": Z2M_IEEE})
    assert response["status"] == "ok", response
    await znp.wait_until(lambda: not device.joined)
    assert str(device.ieee) not in znp.joined_devices

    response = await mqtt.request("permit_join", {"time": 0})
    assert response["status"] == "ok", response
    await znp.wait_until(lambda: not znp.permit_open)
    assert not znp.power_on(device).joined  # closed
    assert znp.events("unknown_frame") == [], z2m_znp.log()[-3000:]
