"""Windows that hold, on a real Home Assistant with ZHA on the virtual coordinator.

- Continuous admission: an entry is added → its key is in the NCP (goal: median ≤ 50 ms).
- Reconnect: bellows reports the radio up again → the window is re-established
  (keys, install-code-only policy and permit; goal ≤ 1 s), for an NCP reset and
  for a dropped connection.
"""

from __future__ import annotations

from functools import partial
import statistics
import time
from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
import zigpy.types as zt

from benchmarks._common import running_hub
from custom_components.provisioning.const import DOMAIN
from custom_components.provisioning.core.zigbee.ezsp_radio import INSTALL_CODE_ONLY
from virtual_coordinator import VirtualCoordinator
from virtual_coordinator.pytest_plugin import setup_zha

ADDS = 20
FAULTS = 3


def _has_transient_key(ncp: VirtualCoordinator, ieee: zt.EUI64) -> bool:
    return ieee in ncp.transient_keys


def _ncp(hass: HomeAssistant) -> VirtualCoordinator:
    coordinator: VirtualCoordinator = hass.data["bench_ncp"]
    return coordinator


async def _continuous(lines: list[str]) -> None:
    coordinator = VirtualCoordinator(key_table_capacity=64)
    async with running_hub(coordinator, 0, setup_zha) as (hass, entry):
        ncp = _ncp(hass)
        await entry.runtime_data.admission.async_set_continuous(True)
        samples = []
        for index in range(ADDS):
            ieee = zt.EUI64(bytes([index + 1, 0, 0, 0, 0, 0, 0xAA, 0xBB]))
            start = time.perf_counter()
            await hass.services.async_call(
                DOMAIN,
                "add_device",
                {"ieee": str(ieee), "link_key": "66B6900981E1EE3CA4206B6B861C02BB"},
                blocking=True,
            )
            await ncp.wait_until(
                partial(_has_transient_key, ncp, ieee), poll_interval=0.001
            )
            samples.append(time.perf_counter() - start)
        await entry.runtime_data.admission.async_set_continuous(False)
        await ncp.wait_idle()
    lines.append(
        f"continuous admission, entry added → key in NCP: n={ADDS}"
        f" median {statistics.median(samples) * 1000:.1f} ms,"
        f" max {max(samples) * 1000:.1f} ms; goal median ≤ 50 ms"
    )


async def _reconnect(lines: list[str], fault: str) -> None:
    async with running_hub(VirtualCoordinator(), 1, setup_zha) as (hass, _entry):
        ncp = _ncp(hass)
        samples = []
        for _ in range(FAULTS):
            await hass.config_entries.async_entries(DOMAIN)[
                0
            ].runtime_data.admission.async_start(600)
            app = hass.config_entries.async_entries(DOMAIN)[0].runtime_data.application
            mark = len(ncp.record)
            getattr(ncp, fault)()

            def reestablished(mark: int = mark, app: Any = app) -> bool:
                [current] = hass.config_entries.async_entries(DOMAIN)
                return (
                    current.state is ConfigEntryState.LOADED
                    and current.runtime_data.application is not app
                    and current.runtime_data.admission.window_open
                    and ncp.policy == INSTALL_CODE_ONLY
                    and ncp.permit_open
                    and bool(ncp.transient_keys)
                )

            await ncp.wait_until(reestablished, timeout=60, poll_interval=0.001)
            done = time.time()
            up = [e.time for e in ncp.record[mark:] if e.kind == "network_up"]
            samples.append(done - up[-1])
            await ncp.wait_idle()
        [current] = hass.config_entries.async_entries(DOMAIN)
        await current.runtime_data.admission.async_stop()
    lines.append(
        f"{fault}: radio up → window re-established: n={FAULTS}"
        f" median {statistics.median(samples) * 1000:.0f} ms,"
        f" max {max(samples) * 1000:.0f} ms; goal ≤ 1000 ms"
    )


async def run() -> list[str]:
    lines: list[str] = []
    await _continuous(lines)
    for fault in ("reset_ncp", "drop_connection"):
        await _reconnect(lines, fault)
    return lines
