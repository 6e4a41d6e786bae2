"""Zigbee2MQTT admission: press → Zigbee2MQTT has every code, N = 10.

Real Mosquitto and a real Zigbee2MQTT 2.14.1 on the virtual coordinator, once
on its EZSP 13 personality (``adapter: ember``) and once on its Z-Stack 3.30
one (``adapter: zstack``). The bridge client sends every ``install_code/add``
at once; the figure is compared with N x one ``install_code/add`` round trip
measured in the same run (a ratio below 1 means the requests overlapped).
On Z-Stack the codes stay in the APS key table after ``permit_join`` time 0,
so each round uses new devices.
"""

from __future__ import annotations

from datetime import UTC, datetime
import pathlib
import statistics
import tempfile
import time

from zigpy.types import EUI64

from custom_components.provisioning.core import (
    InstallCode,
    ProvisioningEntry,
    crc16_x25,
)
from custom_components.provisioning.core.zigbee.identity import ieee_of, zigbee_id
from custom_components.provisioning.core.zigbee.z2m import Zigbee2MqttBridge
from tests.zigbee2mqtt.harness import (
    MqttRecorder,
    Zigbee2Mqtt,
    install_zigbee2mqtt,
    mosquitto,
    mqtt_recorder,
)
from virtual_coordinator import VirtualCoordinator
from virtual_coordinator.znp import ZnpCoordinator

type Coordinator = VirtualCoordinator | ZnpCoordinator

N = 10
ROUNDS = 5
T0 = datetime(2026, 1, 1, tzinfo=UTC)


def _entries(round_: int, count: int) -> list[ProvisioningEntry]:
    entries = []
    for index in range(count):
        body = bytes([round_, index + 1]) * 8
        entries.append(
            ProvisioningEntry(
                device=zigbee_id(
                    EUI64(bytes([index + 1, round_, 0, 0, 0, 0, 0x2B, 0x2C]))
                ),
                credential=InstallCode(body + crc16_x25(body)),
                provider_id="local",
                created_at=T0,
                updated_at=T0,
            )
        )
    return entries


async def run() -> list[str]:
    lines = ["EZSP 13, adapter ember:"]
    lines += await _run_on(VirtualCoordinator(ezsp_version=13, key_table_capacity=1024))
    lines.append("Z-Stack 3.30, adapter zstack:")
    lines += await _run_on(ZnpCoordinator(key_table_capacity=1024), adapter="zstack")
    return lines


async def _run_on(coordinator: Coordinator, *, adapter: str = "ember") -> list[str]:
    index = install_zigbee2mqtt()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = pathlib.Path(tmp)
        await coordinator.start_tcp("127.0.0.1", 0)
        try:
            with mosquitto(workdir) as port:
                async with mqtt_recorder(port) as mqtt:
                    z2m = Zigbee2Mqtt(index, workdir / "z2m", adapter=adapter)
                    z2m.configure(port, coordinator.tcp_url)
                    try:
                        await z2m.start(mqtt)
                        return [
                            f"  {line}" for line in await _measure(mqtt, coordinator)
                        ]
                    finally:
                        await z2m.stop()
        finally:
            await coordinator.stop()


async def _closed(bridge: Zigbee2MqttBridge, coordinator: Coordinator) -> None:
    """Close the permit; on EmberZNet that clears every transient key."""
    await bridge.async_close()
    await coordinator.wait_until(lambda: not coordinator.permit_open)
    if isinstance(coordinator, VirtualCoordinator):
        await coordinator.wait_until(lambda: not coordinator.transient_keys)


async def _measure(mqtt: MqttRecorder, coordinator: Coordinator) -> list[str]:
    bridge = Zigbee2MqttBridge(
        mqtt,
        lookup=lambda _ieee: None,
        listener=lambda _report: None,
    )
    await bridge.async_start()
    try:
        singles: list[float] = []
        batches: list[float] = []
        for round_ in range(1, ROUNDS + 1):
            # One round trip at a time, N of them
            for entry in _entries(round_, N):
                start = time.perf_counter()
                result = await bridge.async_add_codes([entry])
                singles.append(time.perf_counter() - start)
                assert result.added == (ieee_of(entry),)
            await _closed(bridge, coordinator)
            # The press: every code at once
            entries = _entries(100 + round_, N)
            start = time.perf_counter()
            result = await bridge.async_add_codes(entries)
            batches.append(time.perf_counter() - start)
            assert len(result.added) == N, result
            assert {ieee_of(e) for e in entries} <= set(coordinator.transient_keys)
            await _closed(bridge, coordinator)
    finally:
        await bridge.async_stop()
    single = statistics.median(singles)
    batch = statistics.median(batches)
    return [
        f"one install_code/add round trip: median {single * 1000:.1f} ms"
        f" (n={len(singles)})",
        f"press → Zigbee2MQTT has every code, N={N}: median {batch * 1000:.1f} ms,"
        f" max {max(batches) * 1000:.1f} ms (rounds={ROUNDS})",
        f"ratio to N x one round trip: {batch / (N * single):.2f}",
    ]
