"""EZSP round trip of one transient key import through a real bellows
ControllerApplication connected to the virtual coordinator over TCP."""

from __future__ import annotations

import os

from virtual_coordinator import VirtualCoordinator
from virtual_coordinator.ezsp.bench import measure_key_import_round_trip
from virtual_coordinator.ezsp.host import start_bellows_app

N = int(os.environ.get("BENCH_KEY_IMPORTS", "200"))


async def run() -> list[str]:
    lines = []
    for version in (8, 13):
        coordinator = VirtualCoordinator(ezsp_version=version)
        await coordinator.start_tcp("127.0.0.1", 0)
        try:
            app = await start_bellows_app(coordinator)
            try:
                figures = await measure_key_import_round_trip(app, N)
            finally:
                await app.shutdown()
        finally:
            await coordinator.stop()
        frame = "addTransientLinkKey" if version < 13 else "importTransientKey"
        lines.append(
            f"EZSP v{version} {frame}: n={figures['n']}"
            f" median={figures['median_ms']:.2f} ms p95={figures['p95_ms']:.2f} ms"
            f" mean={figures['mean_ms']:.2f} ms"
        )
    return lines
