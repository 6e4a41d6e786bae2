"""CSV imports on a real Home Assistant with ZHA on the virtual coordinator.

- Growing list: 1,000 rows, then 2,000 more, then 2,000 more (the list is then
  at its limit of 5,000 devices), then 5,000 more, all refused as over the limit.
- One import of 10,000 rows into an empty list (5,000 added, 5,000 refused).

For each: the time the import call takes, the time until Home Assistant is idle
again (the status sensors and placeholders added), and the longest stall of the
event loop meanwhile, seen by a task that ticks every millisecond. The goal is
a longest stall of 100 ms or less.

A stall is given three ways: in wall-clock time; in the CPU time the loop's
thread spent in it (on a busy machine, wall-clock stalls also hold the time
the process waited for a CPU); and in CPU time less the garbage collections
that fell in it (Python's collections of the oldest objects stop the process
whatever runs, for a time that grows with Home Assistant's heap, not with the
import). The longest collection is given apart, with the number of full
(oldest-generation) collections during the import and their total, the heap
in tracked objects before and after the import, and the time of one full
collection of that heap before the import (``gc.collect()``, no import
running): what any full collection costs on this Home Assistant, the floor
of the longest stall whenever one falls during the import.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from typing import Any

from homeassistant.core import HomeAssistant

from benchmarks._common import running_hub
from custom_components.provisioning.core import limits
from custom_components.provisioning.importing import async_import_csv
from virtual_coordinator import VirtualCoordinator
from virtual_coordinator.pytest_plugin import setup_zha

LINK_KEY = "66B6900981E1EE3CA4206B6B861C02BB"
TICK = 0.001
GOAL = 0.1


def _rows(start: int, count: int) -> str:
    return "\n".join(
        f"00:cc:00:00:00:{n // 65536:02x}:{n // 256 % 256:02x}:{n % 256:02x},,"
        f"{LINK_KEY},Meter {n},Floor {n % 10}"
        for n in range(start, start + count)
    )


class _Ticker:
    """A task that wakes every millisecond and keeps the longest gap.

    Also the longest gap less the garbage collections within it, and the
    longest collection.
    """

    def __init__(self) -> None:
        self.longest = 0.0
        self.longest_cpu = 0.0
        self.longest_without_gc = 0.0
        self.longest_gc = 0.0
        self._gc_total = 0.0
        self.full_count = 0
        self.full_total = 0.0
        self._gc_start = 0.0
        self._task: asyncio.Task[None] | None = None
        self.running = asyncio.Event()
        self._last = self._last_cpu = self._last_gc = 0.0

    def _gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_start = time.thread_time()
            return
        took = time.thread_time() - self._gc_start
        self._gc_total += took
        self.longest_gc = max(self.longest_gc, took)
        if info["generation"] == 2:
            self.full_count += 1
            self.full_total += took

    def _record(self) -> None:
        """Count the gap since the last tick, and start the next."""
        now, cpu, gc_total = time.perf_counter(), time.thread_time(), self._gc_total
        if self.running.is_set():
            spent = cpu - self._last_cpu
            self.longest = max(self.longest, now - self._last - TICK)
            self.longest_cpu = max(self.longest_cpu, spent)
            self.longest_without_gc = max(
                self.longest_without_gc, spent - (gc_total - self._last_gc)
            )
        self._last, self._last_cpu, self._last_gc = now, cpu, gc_total

    async def _run(self) -> None:
        self._record()
        self.running.set()
        while True:
            await asyncio.sleep(TICK)
            self._record()

    def __enter__(self) -> _Ticker:
        gc.callbacks.append(self._gc)
        self._task = asyncio.get_running_loop().create_task(self._run())
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._task is not None
        self._record()  # the gap up to now, even if the ticker never woke again
        self._task.cancel()
        gc.callbacks.remove(self._gc)


async def _measure(hass: HomeAssistant, entry: Any, start: int, count: int) -> str:
    text = _rows(start, count)
    before = len(entry.runtime_data.data)
    began = time.thread_time()
    gc.collect()
    full_gc = time.thread_time() - began
    heap_before = len(gc.get_objects())
    with _Ticker() as ticker:
        await ticker.running.wait()
        began = time.perf_counter()
        result = await async_import_csv(hass, entry, text)
        called = time.perf_counter() - began
        await hass.async_block_till_done()
        settled = time.perf_counter() - began
    added = result["added"]
    errors = result["errors"]
    assert isinstance(added, int)
    assert isinstance(errors, list)
    assert len(entry.runtime_data.data) == before + added
    heap_after = len(gc.get_objects())
    verdict = "ok" if ticker.longest_without_gc <= GOAL else "OVER GOAL"
    return (
        f"{count:>6} rows onto {before:>5}: {added:>5} added,"
        f" {len(errors):>5} refused; call {called:6.2f} s,"
        f" idle after {settled:6.2f} s; longest stall"
        f" {ticker.longest * 1000:5.0f} ms wall, {ticker.longest_cpu * 1000:5.0f} ms"
        f" CPU, {ticker.longest_without_gc * 1000:5.0f} ms CPU without GC"
        f" ({verdict}); longest GC {ticker.longest_gc * 1000:5.0f} ms;"
        f" {ticker.full_count} full GCs, {ticker.full_total * 1000:5.0f} ms in all;"
        f" heap {heap_before:,} -> {heap_after:,} objects, one full GC of it"
        f" before: {full_gc * 1000:4.0f} ms"
    )


async def run() -> list[str]:
    """Import in steps onto a growing list, then 10,000 rows at once."""
    logging.getLogger().setLevel(logging.ERROR)
    lines = [f"list limit {limits.MAX_LIST_ENTRIES} devices"]
    async with running_hub(VirtualCoordinator(), 0, setup_zha) as (hass, entry):
        start = 0
        for count in (1000, 2000, 2000, 5000):
            lines.append(await _measure(hass, entry, start, count))
            start += count
    async with running_hub(VirtualCoordinator(), 0, setup_zha) as (hass, entry):
        lines.append(await _measure(hass, entry, 100_000, 10_000))
    return lines
