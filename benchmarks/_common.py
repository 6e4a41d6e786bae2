"""Helpers shared by the benchmarks (a module starting with ``_`` is not run).

Rules: every helper starts what it needs on 127.0.0.1 and stops it again,
whatever the benchmark does; none of them times anything (the figures are
the benchmarks' own).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager, suppress
import pathlib
import socket
import sys
import tempfile
import time
from types import MappingProxyType
from typing import Any

from homeassistant import config_entries, loader
from homeassistant.config_entries import ConfigSubentry
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er, frame
from pytest_homeassistant_custom_component.common import async_test_home_assistant
import zigpy.types as zt

import custom_components  # noqa: F401
from custom_components.provisioning.const import DOMAIN, SUBENTRY_DEVICE
from custom_components.provisioning.core import LinkKey, ScannedCode
from custom_components.provisioning.subentries import device_subentry_data


def device_subentry(index: int) -> ConfigSubentry:
    """The device subentry of meter ``index`` (IEEE and link key from index)."""
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
async def bench_home_assistant(config_dir: str) -> AsyncIterator[HomeAssistant]:
    """A test Home Assistant with the repository's integration, stopped at the end.

    Its frame helper is set up, as Home Assistant's bootstrap does: once loaded,
    Home Assistant's zeroconf patches zeroconf's class for the whole process,
    and that patch reports through the frame helper, so every instance of a
    run after the first needs it.
    """
    async with async_test_home_assistant(config_dir=config_dir) as hass:
        hass.data.pop(loader.DATA_CUSTOM_COMPONENTS, None)  # the repository's
        frame.async_setup(hass)
        try:
            yield hass
        finally:
            await hass.async_stop(force=True)


@asynccontextmanager
async def running_hub(
    coordinator: Any,
    entries: int,
    setup_zha: Callable[[HomeAssistant, Any], Awaitable[Any]],
) -> AsyncIterator[tuple[HomeAssistant, Any]]:
    """Home Assistant with ZHA on ``coordinator`` and a list of ``entries``."""
    with tempfile.TemporaryDirectory() as config_dir:
        await coordinator.start_tcp("127.0.0.1", 0)
        try:
            async with bench_home_assistant(config_dir) as hass:
                hass.data["bench_ncp"] = coordinator
                await setup_zha(hass, coordinator)
                result = await hass.config_entries.flow.async_init(
                    DOMAIN, context={"source": config_entries.SOURCE_USER}
                )
                result = await hass.config_entries.flow.async_configure(
                    result["flow_id"], {}
                )
                entry = result["result"]
                for index in range(entries):
                    hass.config_entries.async_add_subentry(
                        entry, device_subentry(index)
                    )
                await hass.async_block_till_done()
                yield hass, entry
                await hass.config_entries.async_unload(entry.entry_id)
                await hass.async_block_till_done()
        finally:
            with suppress(Exception):
                await coordinator.stop()


async def press_admit(hass: HomeAssistant, entry: Any, size: int) -> float:
    """Seconds from the Admit button's press to the window open with size keys."""
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


async def until(
    condition: Callable[[], Any], *, limit: float = 120, poll: float = 0.002
) -> Any:
    """Return ``condition()``'s first true value, checked every ``poll`` s."""
    deadline = time.monotonic() + limit
    while not (result := condition()):
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        await asyncio.sleep(poll)  # polling back-off, not a wait for a result
    return result


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def wait_for_port(port: int) -> None:
    """Wait (30 s at most) until something listens on 127.0.0.1:port."""
    async with asyncio.timeout(30):
        while True:
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", port)
            except OSError:
                await asyncio.sleep(0.05)
            else:
                writer.close()
                return


async def start_reference_server(
    database: pathlib.Path,
) -> tuple[asyncio.subprocess.Process, int]:
    """The reference server in its own process on ``database``, and its port."""
    port = free_port()
    server = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "provisioning_server",
        "--db",
        str(database),
        "--port",
        str(port),
        "serve",
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    return server, port
