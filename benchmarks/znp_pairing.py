"""Pairing on a real Home Assistant with ZHA on the Z-Stack personality (zigpy-znp).

Button press → join window open, with N = 1, 10 and 100 pending entries,
against N x the raw ``AppConfig.BDBAddInstallCode`` round trip through
zigpy-znp, measured in the same run. Goal: ≤ 1.3 x N x round trip + 10 ms.
Also the Z-Stack adapter's own ``async_open_window`` for the same entries,
without Home Assistant's share (statuses, entity states).
"""

from __future__ import annotations

import statistics
import time
from typing import Any

import zigpy.types as zt
import zigpy_znp.commands as c
import zigpy_znp.types as znp_t

import custom_components  # noqa: F401
from custom_components.provisioning.core.zigbee.znp_radio import ZnpRadio
from virtual_coordinator.znp import ZnpCoordinator
from virtual_coordinator.znp.host import setup_zha

from ._common import press_admit, running_hub

SIZES = (1, 10, 100)
REPEATS = 5
ROUND_TRIPS = 200


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
        coordinator = ZnpCoordinator(key_table_capacity=max(SIZES) + 16)
        async with running_hub(coordinator, size, setup_zha) as (hass, entry):
            raw_ms = await measure_add_install_code(
                entry.runtime_data.application, ROUND_TRIPS
            )
            samples = [await press_admit(hass, entry, size) for _ in range(REPEATS)]
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
