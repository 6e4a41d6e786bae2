"""Central provisioning: a change on the server → the hub's list updated.

The reference server runs in its own process on a SQLite file; the change is
written by this process through another connection to that file (as the CLI
would). The hub is a real Home Assistant with ZHA on the virtual coordinator
and the integration's own poll task, long polling the server. The figure is
the time from the write to the new device being on the hub's merged list.
Without long polling it would be the poll interval (300 s by default, 30 s at
least).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import suppress
from functools import partial
import pathlib
import random
import statistics
import tempfile
import time

from homeassistant import config_entries
from homeassistant.config_entries import ConfigEntry
from homeassistant.const import MATCH_ALL
from homeassistant.core import HomeAssistant, callback

import custom_components  # noqa: F401
from custom_components.provisioning.const import DOMAIN
from provisioning_server.store import Store
from provisioning_server.validation import DeviceRecord
from virtual_coordinator import VirtualCoordinator
from virtual_coordinator.pytest_plugin import setup_zha

from ._common import bench_home_assistant, start_reference_server, wait_for_port

CHANGES = 15
LINK_KEY = "66B6900981E1EE3CA4206B6B861C02BB"
GOAL_S = 1.0


def _listed(entry: ConfigEntry, ieee: str) -> bool:
    return any(str(key) == ieee for key in entry.runtime_data.data)


def _ieee(number: int) -> str:
    value = 0x000D6F0100000000 + number
    return ":".join(f"{b:02x}" for b in value.to_bytes(8, "big"))


async def _wait_until(
    hass: HomeAssistant, condition: Callable[[], object], seconds: float
) -> None:
    """Wait until condition() holds, checking on every event (and every 50 ms)."""
    changed = asyncio.Event()
    unsubscribe = hass.bus.async_listen(MATCH_ALL, callback(lambda _e: changed.set()))
    try:
        async with asyncio.timeout(seconds):
            while not condition():
                changed.clear()
                with suppress(TimeoutError):
                    await asyncio.wait_for(changed.wait(), 0.05)
    finally:
        unsubscribe()


async def _measure(hass: HomeAssistant, url: str, store: Store) -> list[float]:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": config_entries.SOURCE_USER}
    )
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    entry = result["result"]
    hub = entry.unique_id
    assert hub is not None
    store.add_hub(hub)
    _, hub_token = store.add_token(hub)
    flow = hass.config_entries.subentries
    provider = await flow.async_init(
        (entry.entry_id, "provider"), context={"source": "user"}
    )
    await flow.async_configure(
        provider["flow_id"],
        {
            "url": url,
            "token": hub_token,
            "hub_id": hub,
            "poll_interval": 300,
            "verify_ssl": True,
        },
    )
    await hass.async_block_till_done()
    await _wait_until(hass, lambda: entry.runtime_data.remotes, 30)
    [runner] = entry.runtime_data.remotes.values()
    await _wait_until(hass, lambda: runner.syncs >= 1 and runner.long_polling, 30)
    latencies: list[float] = []
    pacing = random.Random(1)
    for number in range(CHANGES):
        ieee = _ieee(number)
        # changes at irregular times, so as not to lock onto the server's timers
        await asyncio.sleep(pacing.uniform(0.2, 1.2))
        start = time.perf_counter()
        await hass.async_add_executor_job(
            store.import_devices, hub, [DeviceRecord(ieee=ieee, link_key=LINK_KEY)]
        )
        await _wait_until(
            hass,
            partial(_listed, entry, ieee),
            30,
        )
        latencies.append(time.perf_counter() - start)
    assert runner.long_polling
    await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    return latencies


async def run() -> list[str]:
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        database = pathlib.Path(folder) / "provisioning.db"
        store = Store(database)
        server, port = await start_reference_server(database)
        coordinator = VirtualCoordinator()
        await coordinator.start_tcp("127.0.0.1", 0)
        try:
            await wait_for_port(port)
            config_dir = pathlib.Path(folder) / "config"
            config_dir.mkdir()
            async with bench_home_assistant(str(config_dir)) as hass:
                await setup_zha(hass, coordinator)
                latencies = await _measure(hass, f"http://127.0.0.1:{port}", store)
        finally:
            server.terminate()
            await server.wait()
            store.close()
            with suppress(Exception):
                await coordinator.stop()
    ordered = sorted(latencies)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    lines.append(
        f"change on the server → hub's list updated, long polling, {CHANGES} changes:"
        f" median {statistics.median(latencies) * 1000:.0f} ms,"
        f" p90 {p90 * 1000:.0f} ms, max {ordered[-1] * 1000:.0f} ms"
        f" (goal: median <= {GOAL_S * 1000:.0f} ms; interval polling: 30-300 s)"
    )
    return lines
