"""pytest fixtures around :mod:`tests.zigbee2mqtt.harness`, shared with the
bridge client's tests in ``tests/core``."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
import pathlib

import pytest

from tests.zigbee2mqtt.harness import (
    MqttRecorder,
    Zigbee2Mqtt,
    install_zigbee2mqtt,
    mosquitto,
    mqtt_recorder,
)
from virtual_coordinator import VirtualCoordinator
from virtual_coordinator.znp import ZnpCoordinator


@pytest.fixture(scope="session")
def z2m_index() -> pathlib.Path:
    """Zigbee2MQTT's ``index.js``, installed on first use."""
    return install_zigbee2mqtt()


@pytest.fixture
async def coordinator13(
    tmp_path: pathlib.Path, socket_enabled: None
) -> AsyncIterator[VirtualCoordinator]:
    """The virtual coordinator's EZSP 13 personality on a free TCP port."""
    coordinator = VirtualCoordinator(
        ezsp_version=13, state_file=tmp_path / "ncp13.json"
    )
    await coordinator.start_tcp("127.0.0.1", 0)
    try:
        yield coordinator
    finally:
        await coordinator.stop()


@pytest.fixture
async def znp(
    tmp_path: pathlib.Path, socket_enabled: None
) -> AsyncIterator[ZnpCoordinator]:
    """The virtual coordinator's Z-Stack 3.30 personality on a free TCP port."""
    coordinator = ZnpCoordinator(state_file=tmp_path / "znp.json")
    await coordinator.start_tcp("127.0.0.1", 0)
    try:
        yield coordinator
    finally:
        await coordinator.stop()


@pytest.fixture
def broker_port(tmp_path: pathlib.Path, socket_enabled: None) -> Iterator[int]:
    with mosquitto(tmp_path) as port:
        yield port


@pytest.fixture
async def mqtt(broker_port: int) -> AsyncIterator[MqttRecorder]:
    """A recording MQTT connection to the broker."""
    async with mqtt_recorder(broker_port) as recorder:
        yield recorder


@pytest.fixture
async def z2m(
    z2m_index: pathlib.Path,
    tmp_path: pathlib.Path,
    broker_port: int,
    coordinator13: VirtualCoordinator,
    mqtt: MqttRecorder,
) -> AsyncIterator[Zigbee2Mqtt]:
    """Zigbee2MQTT started on the coordinator, online on the broker."""
    bridge = Zigbee2Mqtt(z2m_index, tmp_path / "z2m")
    bridge.configure(broker_port, coordinator13.tcp_url)
    try:
        await bridge.start(mqtt)
        yield bridge
    finally:
        await bridge.stop()


@pytest.fixture
async def z2m_znp(
    z2m_index: pathlib.Path,
    tmp_path: pathlib.Path,
    broker_port: int,
    znp: ZnpCoordinator,
    mqtt: MqttRecorder,
) -> AsyncIterator[Zigbee2Mqtt]:
    """Zigbee2MQTT with ``adapter: zstack`` on the Z-Stack personality, online."""
    bridge = Zigbee2Mqtt(z2m_index, tmp_path / "z2m", adapter="zstack")
    bridge.configure(broker_port, znp.tcp_url)
    try:
        await bridge.start(mqtt)
        yield bridge
    finally:
        await bridge.stop()
