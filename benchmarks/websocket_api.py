"""The panel's websocket subscription on a real Home Assistant with 1,000 entries.

- Snapshot: building and encoding the first event of `entries/subscribe`.
- One entry renamed: the diff event for one change among 1,000.
- A CSV import of 1,000 devices through `entries/import`'s function: the time
  to the last diff event, and how many events it took (the import applies its
  devices in batches, so that the event loop never waits for all of them).

The subscriber is the integration's own, fed by the real coordinator; only the
websocket connection is a stand-in that encodes and keeps each message.
"""

from __future__ import annotations

import asyncio
import logging
import statistics
import time
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers.json import json_bytes

from benchmarks._common import running_hub
from custom_components.provisioning.importing import async_import_csv
from custom_components.provisioning.local_devices import async_update_device
from custom_components.provisioning.websocket_api import _Subscriber
from virtual_coordinator import VirtualCoordinator
from virtual_coordinator.pytest_plugin import setup_zha

ENTRIES = 1000
REPEATS = 5
LINK_KEY = "66B6900981E1EE3CA4206B6B861C02BB"


class _Connection:
    """Encode and keep what the subscriber sends."""

    def __init__(self) -> None:
        self.sizes: list[int] = []
        self.sent = asyncio.Event()

    def send_message(self, message: Any) -> None:
        self.sizes.append(len(json_bytes(message)))
        self.sent.set()


async def _next_event(
    hass: HomeAssistant, connection: _Connection, start: float
) -> float:
    await connection.sent.wait()
    connection.sent.clear()
    return time.perf_counter() - start


async def run() -> list[str]:
    """Measure the snapshot, a one-entry diff and a 1,000-entry diff."""
    logging.getLogger().setLevel(logging.WARNING)
    lines: list[str] = []
    async with running_hub(VirtualCoordinator(), ENTRIES, setup_zha) as (hass, entry):
        snapshots = []
        for _ in range(REPEATS):
            connection = _Connection()
            start = time.perf_counter()
            subscriber = _Subscriber(hass, connection, 1, entry)  # type: ignore[arg-type]
            subscriber.async_start()
            snapshots.append(time.perf_counter() - start)
            subscriber.async_stop()
        lines.append(
            f"snapshot of {ENTRIES} entries: median"
            f" {statistics.median(snapshots) * 1000:.1f} ms,"
            f" {connection.sizes[0] / 1024:.0f} KiB"
        )

        connection = _Connection()
        subscriber = _Subscriber(hass, connection, 1, entry)  # type: ignore[arg-type]
        subscriber.async_start()
        connection.sent.clear()
        ieee = str(next(iter(entry.runtime_data.data)))
        renames = []
        for index in range(REPEATS):
            start = time.perf_counter()
            async_update_device(hass, entry, ieee, name=f"Renamed {index}")
            renames.append(await _next_event(hass, connection, start))
        lines.append(
            f"one entry renamed among {ENTRIES}: median"
            f" {statistics.median(renames) * 1000:.1f} ms to its event"
            f" ({connection.sizes[-1]} bytes)"
        )

        rows = "\n".join(
            f"00:bb:00:00:00:00:{n // 256:02x}:{n % 256:02x},,{LINK_KEY},,"
            for n in range(ENTRIES)
        )
        before = len(connection.sizes)
        start = time.perf_counter()
        result = await async_import_csv(hass, entry, rows)
        await hass.async_block_till_done()
        elapsed = time.perf_counter() - start
        assert result["added"] == ENTRIES
        sizes = connection.sizes[before:]
        lines.append(
            f"import of {ENTRIES} devices: {elapsed * 1000:.0f} ms to the last diff,"
            f" {len(sizes)} event(s) (the import applies its devices in batches),"
            f" {sum(sizes) / 1024:.0f} KiB"
        )
        subscriber.async_stop()
    return lines
