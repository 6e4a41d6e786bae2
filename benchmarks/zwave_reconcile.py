"""Z-Wave SmartStart list reconcile through the real Z-Wave JS server.

Home Assistant's real ``zwave_js`` on the virtual Z-Wave controller and a
real ``@zwave-js/server``; the provisioning list's link does the work:

- entry added → provisioned in zwave-js: one ``async_reconcile`` with one new
  entry beside the ones already held (median of N), compared with one raw
  ``provision_smart_start_node`` round trip measured in the same run;
- the first reconcile of 1,000 entries, and the same list again after a
  restart (a new link): the commands sent are counted (0 expected);
- node added → callback: from the driver's ``node added`` event to the
  link's callback (the node's DSK found and Home Assistant's device
  registered), and from powering the device to the callback.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sized
from functools import partial
import os
import pathlib
import statistics
import tempfile
import time
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry
from zwave_js_server.client import Client
from zwave_js_server.model.controller.inclusion_and_provisioning import (
    ProvisioningEntry,
)

from custom_components.provisioning.core.zwave import Dsk, SecurityClass, parse_dsk
from custom_components.provisioning.core.zwave.provisioning_list import (
    DesiredProvision,
)
from custom_components.provisioning.zwave_js_link import NodeAdded, ZWaveJsLink
from virtual_zwave.runner import VirtualZWave, async_control_request

from ._common import bench_home_assistant, until

N = 20
BULK = 1000
NODES = 3
OWNER = "bench"
S2 = frozenset({SecurityClass.S2_Unauthenticated, SecurityClass.S2_Authenticated})
PROVISIONING_COMMANDS = (
    "controller.provision_smart_start_node",
    "controller.unprovision_smart_start_node",
)


def _random_entry(name: str | None = None) -> DesiredProvision:
    return DesiredProvision(Dsk(os.urandom(16)), S2, name=name)


def _longer_than(items: Sized, count: int) -> bool:
    return len(items) > count


async def run() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = pathlib.Path(tmp)
        zwave = VirtualZWave(workdir / "zwave", retry_interval=0.5)
        await asyncio.to_thread(zwave.start)
        try:
            async with bench_home_assistant(str(workdir / "config")) as hass:
                return await _measure(hass, zwave)
        finally:
            await asyncio.to_thread(zwave.stop)


async def _measure(hass: HomeAssistant, zwave: VirtualZWave) -> list[str]:
    sent: list[str] = []
    original = Client.async_send_command

    async def counting(
        self: Client, message: dict[str, Any], require_schema: int | None = None
    ) -> dict[str, Any]:
        if message.get("command") in PROVISIONING_COMMANDS:
            sent.append(message["command"])
        return await original(self, message, require_schema)

    Client.async_send_command = counting  # type: ignore[method-assign]
    try:
        return await _measure_counted(hass, zwave, sent)
    finally:
        Client.async_send_command = original  # type: ignore[method-assign]


async def _measure_counted(
    hass: HomeAssistant, zwave: VirtualZWave, sent: list[str]
) -> list[str]:
    assert await async_setup_component(hass, "repairs", {})
    status = await async_control_request(
        "127.0.0.1", zwave.control_port, {"op": "status"}
    )
    entry = MockConfigEntry(
        domain="zwave_js",
        title="Z-Wave JS",
        data={"url": zwave.url, "use_addon": False},
        unique_id=str(int(status["home_id"], 16)),
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    client: Client = entry.runtime_data.client
    assert client.driver is not None
    controller = client.driver.controller

    added: list[tuple[float, NodeAdded]] = []
    event_at: dict[int, float] = {}
    controller.on(
        "node added",
        lambda event: event_at.setdefault(event["node"].node_id, time.perf_counter()),
    )
    link = ZWaveJsLink(
        hass,
        OWNER,
        on_node_added=lambda report: added.append((time.perf_counter(), report)),
    )
    await link.async_start()
    lines: list[str] = []
    try:
        # Entry added → provisioned, beside a small list.
        wanted = [_random_entry() for _ in range(10)]
        await link.async_reconcile(wanted)
        adds: list[float] = []
        raws: list[float] = []
        for _ in range(N):
            wanted.append(_random_entry())
            start = time.perf_counter()
            result = await link.async_reconcile(wanted)
            adds.append(time.perf_counter() - start)
            assert len(result.provisioned) == 1
            assert not result.failed
            raw = _random_entry()
            start = time.perf_counter()
            await controller.async_provision_smart_start_node(
                ProvisioningEntry(dsk=raw.dsk.reveal(), security_classes=[])
            )
            raws.append(time.perf_counter() - start)
            await controller.async_unprovision_smart_start_node(raw.dsk.reveal())
        add = statistics.median(adds)
        raw_median = statistics.median(raws)
        lines += [
            f"entry added → provisioned in zwave-js: median {add * 1000:.1f} ms"
            f" (n={N}, {len(wanted) - 1} entries held)",
            f"one raw provision_smart_start_node round trip: median"
            f" {raw_median * 1000:.1f} ms; ratio {add / raw_median:.2f}",
        ]
        # Node added → callback.
        lines += await _nodes(link, zwave, wanted, added, event_at)
        # 1,000 entries, then a restart with nothing changed.
        bulk = [_random_entry(f"Device {i}") for i in range(BULK)]
        before = len(sent)
        start = time.perf_counter()
        result = await link.async_reconcile(bulk)
        first = time.perf_counter() - start
        assert len(result.provisioned) == BULK
        assert not result.failed
        lines.append(
            f"first reconcile of {BULK} entries: {first:.2f} s"
            f" ({len(sent) - before} commands, {first / BULK * 1000:.2f} ms each;"
            f" {len(result.unprovisioned)} earlier entries unprovisioned)"
        )
        await link.async_stop()
        link = ZWaveJsLink(hass, OWNER)
        await link.async_start()
        before = len(sent)
        start = time.perf_counter()
        again = await link.async_reconcile(bulk)
        restart = time.perf_counter() - start
        lines.append(
            f"restart with nothing changed ({BULK} entries): {restart * 1000:.0f} ms,"
            f" commands sent {len(sent) - before} (reported {again.commands})"
        )
        await link.async_reconcile([])
    finally:
        await link.async_stop()
        await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_block_till_done()
    return lines


async def _nodes(
    link: ZWaveJsLink,
    zwave: VirtualZWave,
    wanted: list[DesiredProvision],
    added: list[tuple[float, NodeAdded]],
    event_at: dict[int, float],
) -> list[str]:
    from_event: list[float] = []
    from_power: list[float] = []
    for _ in range(NODES):
        device = (
            await async_control_request(
                "127.0.0.1", zwave.control_port, {"op": "add_device"}
            )
        )["device"]
        wanted.append(DesiredProvision(parse_dsk(device["label_dsk"]), S2))
        await link.async_reconcile(wanted)
        count = len(added)
        start = time.perf_counter()
        await async_control_request(
            "127.0.0.1", zwave.control_port, {"op": "power", "id": device["id"]}
        )
        await until(partial(_longer_than, added, count), limit=60, poll=0.005)
        at, report = added[-1]
        assert report.device_id is not None
        assert report.dsk == wanted[-1].dsk
        from_event.append(at - event_at[report.node_id])
        from_power.append(at - start)
    return [
        f"node added event → callback (DSK and device known): median"
        f" {statistics.median(from_event) * 1000:.1f} ms (n={NODES})",
        f"device powered → callback (SmartStart inclusion with S2): median"
        f" {statistics.median(from_power):.2f} s (n={NODES})",
    ]
