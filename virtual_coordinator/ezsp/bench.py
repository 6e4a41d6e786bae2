"""Reusable measurements against a bellows host."""

from __future__ import annotations

import statistics
import time
from typing import Any

import zigpy.types as zt


def summarize(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "n": len(ordered),
        "median_ms": statistics.median(ordered) * 1000,
        "p95_ms": p95 * 1000,
        "mean_ms": statistics.fmean(ordered) * 1000,
    }


async def measure_key_import_round_trip(app: Any, n: int = 200) -> dict[str, float]:
    """EZSP round trip of one transient key import, through a real bellows
    ``ControllerApplication`` (``addTransientLinkKey`` on v8,
    ``importTransientKey`` on v13). Returns n, median_ms, p95_ms, mean_ms."""
    ezsp = app._ezsp
    key = zt.KeyData(bytes(range(16)))
    samples = []
    ieee = zt.EUI64.convert("00:0B:57:FF:FE:00:BE:4C")
    for _ in range(n):
        start = time.perf_counter()
        await ezsp.add_transient_link_key(ieee, key)
        samples.append(time.perf_counter() - start)
    # Leave the table as it was
    await ezsp.clearTransientLinkKeys()
    return summarize(samples)
