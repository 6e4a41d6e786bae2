"""Pairing on a real Home Assistant with ZHA on the virtual coordinator.

- Button press → join window open, with N pending entries, against
  N x the raw bellows key-import round trip measured in the same run.
- Setup time of the provisioning entry with 1,000 entries.
"""

from __future__ import annotations

import logging
import statistics
import time

import custom_components  # noqa: F401
from virtual_coordinator import VirtualCoordinator
from virtual_coordinator.ezsp.bench import measure_key_import_round_trip
from virtual_coordinator.pytest_plugin import setup_zha

from ._common import press_admit, running_hub

SIZES = (1, 10, 100)
SETUP_ENTRIES = 1000
REPEATS = 5


async def _window_figures(lines: list[str]) -> None:
    for size in SIZES:
        coordinator = VirtualCoordinator(key_table_capacity=max(SIZES) + 16)
        async with running_hub(coordinator, size, setup_zha) as (hass, entry):
            app = entry.runtime_data.application
            raw = await measure_key_import_round_trip(app, 200)
            samples = [await press_admit(hass, entry, size) for _ in range(REPEATS)]
            press_ms = statistics.median(samples) * 1000
            budget = size * raw["median_ms"]
            lines.append(
                f"N={size:<3} press→open median {press_ms:7.1f} ms;"
                f" Nxkey import {budget:6.1f} ms; ratio {press_ms / budget:5.2f}x;"
                f" goal ≤ 1.3xNximport + 10 ms = {1.3 * budget + 10:6.1f} ms"
            )


async def _setup_figures(lines: list[str]) -> None:
    coordinator = VirtualCoordinator()
    async with running_hub(coordinator, SETUP_ENTRIES, setup_zha) as (hass, entry):
        await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_block_till_done()
        start = time.perf_counter()
        assert await hass.config_entries.async_setup(entry.entry_id)
        await hass.async_block_till_done()
        elapsed = time.perf_counter() - start
        lines.append(
            f"setup with {SETUP_ENTRIES} entries: {elapsed * 1000:.0f} ms"
            f" ({len(hass.states.async_entity_ids('sensor'))} sensors)"
        )


async def run() -> list[str]:
    logging.getLogger().setLevel(logging.WARNING)
    lines: list[str] = []
    await _window_figures(lines)
    await _setup_figures(lines)
    return lines
