"""Pairing on a real Home Assistant with ZHA on the virtual coordinator.

- Button press → join window open, with N pending entries, against
  N x the raw bellows key-import round trip measured in the same run.
- Setup time of the provisioning entry with 1,000 entries.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
import logging
import statistics
import tempfile
import time
from types import MappingProxyType
from typing import Any

from homeassistant import config_entries, loader
from homeassistant.config_entries import ConfigSubentry
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from pytest_homeassistant_custom_component.common import async_test_home_assistant
import zigpy.types as zt

import custom_components  # noqa: F401
from custom_components.provisioning.config_flow import device_subentry_data
from custom_components.provisioning.const import DOMAIN, SUBENTRY_DEVICE
from custom_components.provisioning.core import LinkKey, ScannedCode
from virtual_coordinator import VirtualCoordinator
from virtual_coordinator.ezsp.bench import measure_key_import_round_trip
from virtual_coordinator.pytest_plugin import setup_zha

SIZES = (1, 10, 100)
SETUP_ENTRIES = 1000
REPEATS = 5


def _subentry(index: int) -> ConfigSubentry:
    ieee = zt.EUI64(index.to_bytes(8, "little"))
    scanned = ScannedCode(
        ieee=ieee, credential=LinkKey(bytes(16 - 1) + bytes([index % 256]))
    )
    return ConfigSubentry(
        data=MappingProxyType(device_subentry_data(scanned, f"Meter {index}", None)),
        subentry_type=SUBENTRY_DEVICE,
        title=f"Meter {index}",
        unique_id=str(ieee),
    )


@asynccontextmanager
async def _running(
    entries: int, **coordinator_options: Any
) -> AsyncIterator[tuple[HomeAssistant, Any]]:
    """Home Assistant with ZHA on a fresh virtual coordinator and a list of entries."""
    with tempfile.TemporaryDirectory() as config_dir:
        coordinator = VirtualCoordinator(**coordinator_options)
        await coordinator.start_tcp("127.0.0.1", 0)
        try:
            async with async_test_home_assistant(config_dir=config_dir) as hass:
                hass.data.pop(loader.DATA_CUSTOM_COMPONENTS, None)  # the repository's
                hass.data["bench_ncp"] = coordinator
                await setup_zha(hass, coordinator)
                result = await hass.config_entries.flow.async_init(
                    DOMAIN, context={"source": config_entries.SOURCE_USER}
                )
                result = await hass.config_entries.flow.async_configure(
                    result["flow_id"], {}
                )
                entry = result["result"]
                for index in range(entries):
                    hass.config_entries.async_add_subentry(entry, _subentry(index))
                await hass.async_block_till_done()
                yield hass, entry
                await hass.config_entries.async_unload(entry.entry_id)
                await hass.async_block_till_done()
                await hass.async_stop(force=True)
        finally:
            with suppress(Exception):
                await coordinator.stop()


async def _press(hass: HomeAssistant, entry: Any, size: int) -> float:
    button = er.async_get(hass).async_get_entity_id(
        "button", DOMAIN, f"{entry.unique_id}_admit"
    )
    start = time.perf_counter()
    await hass.services.async_call(
        "button", "press", {"entity_id": button}, blocking=True
    )
    elapsed = time.perf_counter() - start
    window = entry.runtime_data.admission.last_window
    assert entry.runtime_data.admission.window_open
    assert window is not None
    assert len(window.loaded) == size, "every key must be loaded"
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)
    return elapsed


async def _window_figures(lines: list[str]) -> None:
    for size in SIZES:
        async with _running(size, key_table_capacity=max(SIZES) + 16) as (hass, entry):
            app = entry.runtime_data.application
            raw = await measure_key_import_round_trip(app, 200)
            samples = [await _press(hass, entry, size) for _ in range(REPEATS)]
            press_ms = statistics.median(samples) * 1000
            budget = size * raw["median_ms"]
            lines.append(
                f"N={size:<3} press→open median {press_ms:7.1f} ms;"
                f" Nxkey import {budget:6.1f} ms; ratio {press_ms / budget:5.2f}x;"
                f" goal ≤ 1.3xNximport + 10 ms = {1.3 * budget + 10:6.1f} ms"
            )


async def _setup_figures(lines: list[str]) -> None:
    async with _running(SETUP_ENTRIES) as (hass, entry):
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
