"""The Z-Wave provisioning list through Home Assistant and the real Z-Wave JS server.

Home Assistant with its real ``zwave_js`` integration on the virtual Z-Wave
controller and a real ``@zwave-js/server``, and this integration's list on
that network (config entry made by the user flow). Figures:

- entry added (the ``add_device`` service with a SmartStart QR) → provisioned
  in zwave-js: from the call to zwave-js's answer to the provisioning command
  of that entry (median of N);
- 1,000 Z-Wave entries added to the list at once: the first reconcile (time
  and commands);
- restart (the list's config entry reloaded) with nothing changed: the
  provisioning commands sent (0 expected) and the reconcile's time;
- node added → name, area and status applied: from the driver's ``node
  added`` event to the entry joined and Home Assistant's device named and in
  its area (median of NODES; target 500 ms or less).

No DSK is printed or logged here: entries are counted, never shown.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
import os
import pathlib
import statistics
import tempfile
import time
from typing import Any

from homeassistant import config_entries
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.helpers import area_registry as ar, device_registry as dr
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry
from zwave_js_server.client import Client

import custom_components  # noqa: F401
from custom_components.provisioning.const import DOMAIN
from custom_components.provisioning.core import DeviceId, EntryStatus, Technology
from custom_components.provisioning.core.technologies import parse_device_code
from custom_components.provisioning.core.zwave import parse_dsk
from custom_components.provisioning.subentries import add_device_subentry
from custom_components.provisioning.zwave_js_link import ReconcileResult, ZWaveJsLink
from virtual_zwave.__main__ import label_of
from virtual_zwave.label import dsk_from_bytes
from virtual_zwave.runner import VirtualZWave, async_control_request

from ._common import bench_home_assistant, until

N = 20
BULK = 1000
NODES = 3
PROVISION = "controller.provision_smart_start_node"
UNPROVISION = "controller.unprovision_smart_start_node"


def _answered(recorder: Recorder, masked: str) -> float | None:
    return recorder.answered.get(masked)


def _active(network: Any, device: DeviceId) -> bool:
    return device in network.active


class Recorder:
    """Provisioning commands (by masked DSK, with the time zwave-js answered)
    and the link's reconciles (time taken and result)."""

    def __init__(self) -> None:
        self.answered: dict[str, float] = {}
        self.sent: list[str] = []
        self.reconciles: list[tuple[float, ReconcileResult]] = []
        self._undo: list[Callable[[], None]] = []

    def install(self) -> None:
        send = Client.async_send_command
        reconcile = ZWaveJsLink.async_reconcile
        recorder = self

        async def counting(
            self: Client, message: dict[str, Any], require_schema: int | None = None
        ) -> dict[str, Any]:
            command = message.get("command")
            result = await send(self, message, require_schema)
            if command == PROVISION:
                entry = message.get("entry")
                if isinstance(entry, dict) and isinstance(entry.get("dsk"), str):
                    masked = parse_dsk(entry["dsk"]).masked
                    recorder.answered[masked] = time.perf_counter()
            if command in (PROVISION, UNPROVISION):
                recorder.sent.append(str(command))
            return result

        async def timed(self: ZWaveJsLink, *args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            result = await reconcile(self, *args, **kwargs)
            recorder.reconciles.append((time.perf_counter() - start, result))
            return result

        Client.async_send_command = counting  # type: ignore[method-assign]
        ZWaveJsLink.async_reconcile = timed  # type: ignore[method-assign]

        def undo() -> None:
            Client.async_send_command = send  # type: ignore[method-assign]
            ZWaveJsLink.async_reconcile = reconcile  # type: ignore[method-assign]

        self._undo.append(undo)

    def uninstall(self) -> None:
        while self._undo:
            self._undo.pop()()


async def run() -> list[str]:
    recorder = Recorder()
    recorder.install()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            workdir = pathlib.Path(tmp)
            zwave = VirtualZWave(workdir / "zwave", retry_interval=0.5)
            await asyncio.to_thread(zwave.start)
            try:
                async with bench_home_assistant(str(workdir / "config")) as hass:
                    return await _measure(hass, zwave, recorder)
            finally:
                await asyncio.to_thread(zwave.stop)
    finally:
        recorder.uninstall()


async def _control(zwave: VirtualZWave, **request: Any) -> dict[str, Any]:
    return await async_control_request("127.0.0.1", zwave.control_port, request)


async def _setup(hass: HomeAssistant, zwave: VirtualZWave) -> tuple[Any, ConfigEntry]:
    assert await async_setup_component(hass, "repairs", {})
    status = await _control(zwave, op="status")
    zwave_entry = MockConfigEntry(
        domain="zwave_js",
        title="Z-Wave JS",
        data={"url": zwave.url, "use_addon": False},
        unique_id=str(int(status["home_id"], 16)),
    )
    zwave_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(zwave_entry.entry_id)
    await hass.async_block_till_done()
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": config_entries.SOURCE_USER}
    )
    assert result["step_id"] == "confirm_zwave_js"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    await hass.async_block_till_done()
    entry: ConfigEntry = result["result"]
    return zwave_entry, entry


async def _measure(
    hass: HomeAssistant, zwave: VirtualZWave, recorder: Recorder
) -> list[str]:
    zwave_entry, entry = await _setup(hass, zwave)
    lines: list[str] = []
    try:
        lines += await _adds(hass, zwave, recorder)
        lines += await _nodes(hass, zwave, entry, zwave_entry)
        lines += await _bulk(hass, entry, recorder)
    finally:
        await hass.config_entries.async_unload(entry.entry_id)
        await hass.config_entries.async_unload(zwave_entry.entry_id)
        await hass.async_block_till_done()
    return lines


async def _adds(
    hass: HomeAssistant, zwave: VirtualZWave, recorder: Recorder
) -> list[str]:
    """Entry added by the service → zwave-js answered its provisioning."""
    took: list[float] = []
    for index in range(N):
        label = label_of((await _control(zwave, op="add_device"))["device"])
        masked = parse_dsk(label.dsk).masked
        start = time.perf_counter()
        await hass.services.async_call(
            DOMAIN,
            "add_device",
            {"qr_code": label.qr(), "name": f"Sensor {index}"},
            blocking=True,
        )
        answered = await until(partial(_answered, recorder, masked))
        took.append(answered - start)
    return [
        f"entry added (service) → provisioned in zwave-js: median"
        f" {statistics.median(took) * 1000:.1f} ms, max {max(took) * 1000:.1f} ms"
        f" (n={N})"
    ]


async def _nodes(
    hass: HomeAssistant,
    zwave: VirtualZWave,
    entry: ConfigEntry,
    zwave_entry: ConfigEntry,
) -> list[str]:
    """Driver's node added → the entry joined, the device named and placed."""
    client: Client = zwave_entry.runtime_data.client
    assert client.driver is not None
    event_at: dict[int, float] = {}
    client.driver.controller.on(
        "node added",
        lambda event: event_at.setdefault(event["node"].node_id, time.perf_counter()),
    )
    home_id = client.driver.controller.home_id
    devices = dr.async_get(hass)
    areas = ar.async_get(hass)
    took: list[float] = []
    network = entry.runtime_data.network
    # continuous admission: every pending entry is Active, new ones at once
    await entry.runtime_data.admission.async_set_continuous(True)
    for index in range(NODES):
        area = areas.async_create(f"Room {index}")
        virtual = (await _control(zwave, op="add_device"))["device"]
        label = label_of(virtual)
        device = DeviceId(Technology.ZWAVE, parse_dsk(label.dsk).masked)
        name = f"Lamp {index}"
        await hass.services.async_call(
            DOMAIN,
            "add_device",
            {"qr_code": label.qr(), "name": name, "area_id": area.id},
            blocking=True,
        )
        # continuous admission holds every pending entry: wait until this one
        # is Active
        await until(partial(_active, network, device))
        await hass.async_block_till_done()
        await _control(zwave, op="power", id=virtual["id"])

        def applied(d: DeviceId = device, n: str = name, a: str = area.id) -> bool:
            found = entry.runtime_data.data.get(d)
            node_id = network.node_ids.get(d)
            if found is None or found.status is not EntryStatus.JOINED or not node_id:
                return False
            wanted = f"{home_id}-{node_id}"
            return any(
                ha.name_by_user == n and ha.area_id == a
                for ha in dr.async_entries_for_config_entry(
                    devices, zwave_entry.entry_id
                )
                if any(value == wanted for _domain, value in ha.identifiers)
            )

        await until(applied)
        done = time.perf_counter()
        node_id = network.node_ids[device]
        took.append(done - event_at[node_id])
    await entry.runtime_data.admission.async_set_continuous(False)
    median = statistics.median(took) * 1000
    return [
        f"node added → name, area and status applied: median {median:.0f} ms,"
        f" max {max(took) * 1000:.0f} ms (n={NODES}; target ≤ 500 ms:"
        f" {'met' if median <= 500 else 'NOT met'})"
    ]


def _random_scanned() -> Any:
    return parse_device_code(
        dsk=dsk_from_bytes(os.urandom(16)),
        security_classes=["S2_Unauthenticated", "S2_Authenticated"],
    )


async def _bulk(
    hass: HomeAssistant, entry: ConfigEntry, recorder: Recorder
) -> list[str]:
    """1,000 entries at once, then the list reloaded with nothing changed."""
    await hass.async_block_till_done()
    for index in range(BULK):
        add_device_subentry(hass, entry, _random_scanned(), f"Device {index}", None)
    count = len(recorder.reconciles)
    sent = len(recorder.sent)
    start = time.perf_counter()
    entry.runtime_data.async_sync_subentries()
    await until(
        lambda: any(len(r.provisioned) >= BULK for _, r in recorder.reconciles[count:]),
        limit=600,
    )
    first = time.perf_counter() - start
    took, result = next(
        (t, r) for t, r in recorder.reconciles[count:] if len(r.provisioned) >= BULK
    )
    lines = [
        f"{BULK} Z-Wave entries added at once: first reconcile {took:.2f} s"
        f" ({len(result.provisioned)} provisioned, {len(result.failed)} failed,"
        f" {len(recorder.sent) - sent} commands; {first:.2f} s from the list's"
        f" change to done)"
    ]
    # restart: the list's config entry reloaded, nothing changed
    await hass.async_block_till_done()
    await until(lambda: not entry.runtime_data.network._tasks)
    count = len(recorder.reconciles)
    sent = len(recorder.sent)
    start = time.perf_counter()
    assert await hass.config_entries.async_reload(entry.entry_id)
    await until(lambda: len(recorder.reconciles) > count, limit=120)
    await hass.async_block_till_done()
    await until(lambda: not entry.runtime_data.network._tasks)
    elapsed = time.perf_counter() - start
    reconciles = recorder.reconciles[count:]
    lines.append(
        f"restart with nothing changed ({BULK + N + NODES} entries):"
        f" {len(recorder.sent) - sent} commands sent in {len(reconciles)}"
        f" reconcile(s), first {reconciles[0][0] * 1000:.0f} ms;"
        f" {elapsed:.2f} s from reload to settled"
    )
    return lines
