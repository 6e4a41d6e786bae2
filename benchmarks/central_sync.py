"""Central provisioning: a full sync of 10,000 entries, and an unchanged poll.

The reference server runs in its own process, so the figures are the hub's own
work: fetching, validating every entry with the domain parsers, and writing the
list as Home Assistant's storage would (JSON). The server offers 10,000
entries, twice a list's limit: the hub reads and checks them all and keeps the
first ``MAX_LIST_ENTRIES``, the rest counted as over the limit.
"""

from __future__ import annotations

from datetime import UTC, datetime
import json
import pathlib
import statistics
import tempfile
import time

import aiohttp

from custom_components.provisioning.core import crc16_x25
from custom_components.provisioning.core.limits import MAX_LIST_ENTRIES
from custom_components.provisioning.core.remote import RemoteProvider
from custom_components.provisioning.core.remote_client import RemoteProvisioningClient
from provisioning_server.store import Store
from provisioning_server.validation import DeviceRecord

from ._common import start_reference_server, wait_for_port

DEVICES = 10_000
KEPT = min(DEVICES, MAX_LIST_ENTRIES)
HUB = "00:12:4b:00:01:02:03:04"
CODE = bytes.fromhex("83FED3407A939723A5C639B26916D505")


async def run() -> list[str]:
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        database = pathlib.Path(folder) / "provisioning.db"
        store = Store(database)
        store.add_hub(HUB)
        _, token = store.add_token(HUB)
        records = []
        for number in range(DEVICES):
            code = CODE[:-4] + number.to_bytes(4, "big")
            records.append(
                DeviceRecord(
                    ieee=":".join(
                        f"{b:02x}"
                        for b in (0x000D6F0000000000 + number).to_bytes(8, "big")
                    ),
                    install_code=(code + crc16_x25(code)).hex(),
                    name=f"Meter {number}",
                    area=f"Flat {number // 4}",
                )
            )
        store.import_devices(HUB, records)
        store.close()
        server, port = await start_reference_server(database)
        try:
            await wait_for_port(port)
            async with aiohttp.ClientSession() as session:
                client = RemoteProvisioningClient(
                    session, f"http://127.0.0.1:{port}", token, HUB
                )
                full: list[float] = []
                for _ in range(3):
                    provider = RemoteProvider(
                        "remote", "bench", client, now=lambda: datetime.now(UTC)
                    )
                    start = time.perf_counter()
                    result = await provider.async_sync()
                    json.dumps(provider.to_storage())
                    full.append(time.perf_counter() - start)
                    assert result.entries == KEPT, result
                    assert result.over_limit == DEVICES - KEPT, result
                lines.append(
                    f"full sync of {DEVICES} entries (fetch, validate, serialise; "
                    f"{KEPT} kept, the list's limit): "
                    f"median {statistics.median(full) * 1000:.0f} ms (goal <= 1000 ms)"
                )
                unchanged_cpu: list[float] = []
                unchanged_wall: list[float] = []
                for _ in range(50):
                    cpu = time.process_time()
                    wall = time.perf_counter()
                    result = await provider.async_sync()
                    unchanged_cpu.append(time.process_time() - cpu)
                    unchanged_wall.append(time.perf_counter() - wall)
                    assert not result.changed
                lines.append(
                    "unchanged poll (304): event-loop CPU median "
                    f"{statistics.median(unchanged_cpu) * 1000:.2f} ms (goal <= 10 ms),"
                    f" wall median {statistics.median(unchanged_wall) * 1000:.2f} ms"
                )
        finally:
            server.terminate()
            await server.wait()
    return lines
