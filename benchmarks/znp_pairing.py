"""Pairing on a real Home Assistant with ZHA on the Z-Stack personality (zigpy-znp).

Button press → join window open, with N = 1, 10 and 100 pending entries,
against N x the raw ``AppConfig.BDBAddInstallCode`` round trip through
zigpy-znp, measured in the same run. Goal: ≤ 1.3 x N x round trip + 10 ms.
Also the Z-Stack adapter's own ``async_open_window`` for the same entries,
without Home Assistant's share (statuses, entity states).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
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
import zigpy_znp.commands as c
import zigpy_znp.types as znp_t

import custom_components  # noqa: F401
from custom_components.provisioning.config_flow import device_subentry_data
from custom_components.provisioning.const import DOMAIN, SUBENTRY_DEVICE
from custom_components.provisioning.core import LinkKey, ScannedCode
from custom_components.provisioning.core.znp_radio import ZnpRadio
from virtual_coordinator.znp import ZnpCoordinator
from virtual_coordinator.znp.host import setup_zha

SIZES = (1, 10, 100)
REPEATS = 5
ROUND_TRIPS = 200


def _subentry(index: int) -> ConfigSubentry:
    ieee = zt.EUI64(index.to_bytes(8, "little"))
    scanned = ScannedCode(
        ieee=ieee, credential=LinkKey(bytes(15) + bytes([index % 256]))
    )
    return ConfigSubentry(
        data=MappingProxyType(device_subentry_data(scanned, f"Meter {index}", None)),
        subentry_type=SUBENTRY_DEVICE,
        title=f"Meter {index}",
        unique_id=str(ieee),
    )


@asynccontextmanager
async def _running(entries: int) -> AsyncIterator[tuple[HomeAssistant, Any]]:
    """Home Assistant with ZHA (radio type znp) and a list of entries."""
    with tempfile.TemporaryDirectory() as config_dir:
        coordinator = ZnpCoordinator(key_table_capacity=max(SIZES) + 16)
        await coordinator.start_tcp("127.0.0.1", 0)
        try:
            async with async_test_home_assistant(config_dir=config_dir) as hass:
                hass.data.pop(loader.DATA_CUSTOM_COMPONENTS, None)  # the repository's
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


async def measure_add_install_code(app: Any, count: int) -> float:
    """Median ms of one ``BDBAddInstallCode`` round trip (keys removed again)."""
    znp = app._znp
    samples = []
    for index in range(count):
        ieee = zt.EUI64((0xBE00 + index).to_bytes(8, "little"))
        request = c.AppConfig.BDBAddInstallCode.Req(
            InstallCodeFormat=c.app_config.InstallCodeFormat.KeyDerivedFromInstallCode,
            IEEE=ieee,
            InstallCode=znp_t.Bytes(bytes([index % 256]) * 16),
        )
        start = time.perf_counter()
        await znp.request(request, RspStatus=znp_t.Status.SUCCESS)
        samples.append(time.perf_counter() - start)
        await znp.request(c.ZDO.RemoveLinkKey.Req(IEEE=ieee))
    return statistics.median(samples) * 1000


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


async def _adapter_open(app: Any, entry: Any) -> float:
    """Median seconds of the adapter's own open_window, without Home Assistant."""
    entries = list(entry.runtime_data.data.values())
    samples = []
    for _ in range(REPEATS):
        radio = ZnpRadio(app)
        start = time.perf_counter()
        await radio.async_open_window(entries, 180)
        samples.append(time.perf_counter() - start)
        await radio.async_close_window()
    return statistics.median(samples)


async def run() -> list[str]:
    lines: list[str] = []
    for size in SIZES:
        async with _running(size) as (hass, entry):
            raw_ms = await measure_add_install_code(
                entry.runtime_data.application, ROUND_TRIPS
            )
            samples = [await _press(hass, entry, size) for _ in range(REPEATS)]
            press_ms = statistics.median(samples) * 1000
            adapter_ms = (
                await _adapter_open(entry.runtime_data.application, entry) * 1000
            )
            budget = size * raw_ms
            goal = 1.3 * budget + 10
            lines.append(
                f"N={size:<3} press→open median {press_ms:7.1f} ms;"
                f" N x BDBAddInstallCode {budget:6.1f} ms"
                f" (one: {raw_ms:.2f} ms); ratio {press_ms / budget:5.2f}x;"
                f" goal ≤ 1.3xN + 10 ms = {goal:6.1f} ms:"
                f" {'met' if press_ms <= goal else 'NOT met'};"
                f" adapter alone {adapter_ms:6.1f} ms ({adapter_ms / budget:4.2f}x)"
            )
    return lines
