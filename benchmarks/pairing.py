"""Pairing on a real Home Assistant with ZHA on the virtual coordinator.

- Button press → join window open, with N pending entries, against
  N x the raw bellows key-import round trip measured in the same run.
- Setup time of the provisioning entry with 1,000 entries.
"""

from __future__ import annotations

from contextlib import suppress
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
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_test_home_assistant,
)
import zigpy.types as zt

import custom_components  # noqa: F401
from custom_components.provisioning.config_flow import device_subentry_data
from custom_components.provisioning.const import DOMAIN, SUBENTRY_DEVICE
from custom_components.provisioning.core import LinkKey, ScannedCode
from virtual_coordinator import VirtualCoordinator
from virtual_coordinator.bench import measure_key_import_round_trip
from virtual_coordinator.pytest_plugin import TEST_ZIGPY_CONFIG

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


async def _start(hass: HomeAssistant, coordinator: VirtualCoordinator) -> Any:
    hass.data.pop(loader.DATA_CUSTOM_COMPONENTS, None)  # load the repository's
    zha = MockConfigEntry(
        domain="zha",
        data={
            "device": {
                "path": coordinator.tcp_url,
                "baudrate": 115200,
                "flow_control": None,
            },
            "radio_type": "ezsp",
        },
        version=5,
        minor_version=2,
    )
    zha.add_to_hass(hass)
    assert await async_setup_component(
        hass, "zha", {"zha": {"zigpy_config": TEST_ZIGPY_CONFIG}}
    )
    await hass.async_block_till_done()
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": config_entries.SOURCE_USER}
    )
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    await hass.async_block_till_done()
    return result["result"]


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
        with tempfile.TemporaryDirectory() as config_dir:
            coordinator = VirtualCoordinator(key_table_capacity=max(SIZES) + 16)
            await coordinator.start_tcp("127.0.0.1", 0)
            try:
                async with async_test_home_assistant(config_dir=config_dir) as hass:
                    entry = await _start(hass, coordinator)
                    for index in range(size):
                        hass.config_entries.async_add_subentry(entry, _subentry(index))
                    await hass.async_block_till_done()
                    app = entry.runtime_data.application
                    raw = await measure_key_import_round_trip(app, 200)
                    samples = [await _press(hass, entry, size) for _ in range(REPEATS)]
                    press_ms = statistics.median(samples) * 1000
                    budget = size * raw["median_ms"]
                    lines.append(
                        f"N={size:<3} press→open median {press_ms:7.1f} ms;"
                        f" Nxkey import {budget:6.1f} ms; ratio {press_ms / budget:5.2f}x;"
                        f" goal ≤ 1.2xNximport + 50 ms = {1.2 * budget + 50:6.1f} ms"
                    )
                    await hass.config_entries.async_unload(entry.entry_id)
                    await hass.async_block_till_done()
                    await hass.async_stop(force=True)
            finally:
                with suppress(Exception):
                    await coordinator.stop()


async def _setup_figures(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as config_dir:
        coordinator = VirtualCoordinator()
        await coordinator.start_tcp("127.0.0.1", 0)
        try:
            async with async_test_home_assistant(config_dir=config_dir) as hass:
                entry = await _start(hass, coordinator)
                for index in range(SETUP_ENTRIES):
                    hass.config_entries.async_add_subentry(entry, _subentry(index))
                await hass.async_block_till_done()
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
                await hass.config_entries.async_unload(entry.entry_id)
                await hass.async_block_till_done()
                await hass.async_stop(force=True)
        finally:
            with suppress(Exception):
                await coordinator.stop()


async def run() -> list[str]:
    logging.getLogger().setLevel(logging.WARNING)
    lines: list[str] = []
    await _window_figures(lines)
    await _setup_figures(lines)
    return lines
