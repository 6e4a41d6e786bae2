"""Shared fixtures for the test suite.

Rules for running in parallel (``./scripts/test`` runs pytest-xdist workers):
- Every server a test starts listens on 127.0.0.1 on a port the kernel or a
  free-port check picks, never a fixed one; files go under ``tmp_path`` (one
  base folder per worker). Session- and package-scoped fixtures are therefore
  per worker by design: a PostgreSQL server, Chromium, Zigbee2MQTT's install
  check run once in each worker that needs them.
- Caches shared by the workers (npm installs) are filled under a file lock.
- A folder or module whose tests share one expensive fixture (a Home
  Assistant process and Chromium for ``tests/browser/``, a panel build) runs
  on one worker, in one go: ``XDIST_GROUPS`` marks its tests with
  ``xdist_group`` (honoured by ``--dist loadgroup``), so the fixture starts
  once, not once per worker. ``RUN_FIRST`` tests (tens of seconds each) are
  handed out first.
- Home Assistant's executor is stopped when a test with ``hass`` ends: each
  thread is woken, and a job still running gets two minutes, not the
  harness' 10 s.
- asyncio's debug mode is off unless ``PROVISIONING_ASYNCIO_DEBUG=1``;
  Hypothesis has no deadline per example.
"""

from __future__ import annotations

import ast
import asyncio
from collections.abc import AsyncGenerator, Generator, Iterable
from concurrent.futures import ThreadPoolExecutor
import contextlib
import os
import pathlib
import re
import sys
import threading
import time
import traceback

from bellows.ash import AshProtocol, DataFrame, Reserved
from homeassistant import config_entries
from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import entity_registry as er
from hypothesis import settings
import pytest

# Import the repository's custom_components before Home Assistant's loader can
# import the (empty) one from the test harness' config folder.
import custom_components  # noqa: F401
from custom_components.provisioning.const import DOMAIN

pytest_plugins = ["virtual_coordinator.pytest_plugin"]

REPO = pathlib.Path(__file__).parent.parent

# Property tests check results, not speed: on a machine shared by parallel
# workers an example can take longer than Hypothesis' 200 ms deadline.
settings.register_profile("provisioning", deadline=None)
settings.load_profile("provisioning")

# Folder (relative to the repository) -> xdist group of every test in it.
XDIST_GROUPS = {
    "tests/browser/": "browser",
    "tests/test_frontend_bundle.py": "frontend-bundle",  # builds the panel once
    # ./scripts/develop's Home Assistant has zeroconf on, and its virtual
    # coordinator advertises itself over mDNS: run in parallel, each instance
    # would discover the others' coordinators (discovery flows of the same
    # integration in flight together, which Home Assistant 2026.10 does not
    # stop cleanly: "InvalidStateError" in loader.async_get_platforms on a stop
    # during startup). One instance at a time, as on a developer's machine.
    "tests/test_develop.py": "mdns",
    "tests/test_develop_zwave.py": "mdns",
    "tests/test_develop_z2m.py": "mdns",
    "tests/virtual_coordinator/test_mdns.py": "mdns",
}
# Tests that take tens of seconds: handed out to the workers first, so that
# none of them starts last and keeps the run going alone (node id prefixes).
RUN_FIRST = (
    "tests/test_develop.py",
    "tests/zigbee2mqtt/",
    "tests/test_admission.py",
)


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Keep each folder of ``XDIST_GROUPS`` on one worker (``--dist loadgroup``);
    on a worker, put the ``RUN_FIRST`` tests first (the same order on each)."""
    for item in items:
        path = item.path.relative_to(REPO).as_posix()
        for folder, group in XDIST_GROUPS.items():
            if path.startswith(folder):
                item.add_marker(pytest.mark.xdist_group(group))
    if os.environ.get("PYTEST_XDIST_WORKER"):
        items.sort(key=lambda item: not item.nodeid.startswith(RUN_FIRST))


@pytest.fixture
def hass_config_dir(hass_tmp_config_dir: str) -> str:
    """Keep Home Assistant's files out of site-packages."""
    return hass_tmp_config_dir


@pytest.fixture(autouse=True)
async def enable_event_loop_debug() -> None:
    """asyncio's debug mode only with ``PROVISIONING_ASYNCIO_DEBUG=1``.

    The test harness turns it on for every test. On Python 3.14 it records the
    full stack of every future and callback created, which took over 40 % of
    the suite's time. Home Assistant's own checks (thread safety of its
    ``async_`` API; the harness' lingering tasks and timers) do not depend on
    it and stay on.
    """
    if os.environ.get("PROVISIONING_ASYNCIO_DEBUG") == "1":
        asyncio.get_running_loop().set_debug(True)


# How long the jobs still running in Home Assistant's executor when a test ends
# may take to finish (the harness gives them 10 s, then fails the test).
EXECUTOR_DRAIN_SECONDS = 120


def _stacks(threads: Iterable[threading.Thread]) -> dict[str, str]:
    """Return the stack of each thread still running."""
    frames = sys._current_frames()
    return {
        thread.name: "".join(traceback.format_stack(frame))
        for thread in threads
        if (frame := frames.get(thread.ident or -1)) is not None
    }


def stop_executor(
    executor: ThreadPoolExecutor, seconds: float
) -> list[threading.Thread]:
    """Stop ``executor`` with a wake-up for each of its threads; return the
    threads still alive after ``seconds``."""
    deadline = time.monotonic() + seconds
    threads = list(executor._threads)
    ThreadPoolExecutor.shutdown(executor, wait=False, cancel_futures=True)
    for _thread in threads:
        executor._work_queue.put(None)  # type: ignore[arg-type]
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    return [thread for thread in threads if thread.is_alive()]


@pytest.fixture(autouse=True)
def executor_jobs_finish(request: pytest.FixtureRequest) -> Generator[None]:
    """Stop Home Assistant's executor when a test ends: every job finished,
    every thread woken and gone.

    The harness' own stop wakes the idle threads with one token that each
    passes on, and gives them 10 s in slices of a fraction of a second, after
    which it raises ``SystemExit`` in a thread still alive. On a machine shared
    by parallel workers a thread can still hold the token then: it dies with
    it, and the idle threads sleep on, failing the test for threads left
    behind (seen in CI with eight threads). Here each thread gets its own
    wake-up, and jobs still running get ``EXECUTOR_DRAIN_SECONDS``; a thread
    still alive then fails the test with its stack. Runs after ``hass`` has
    stopped, before the harness' check, for tests with ``hass`` only.
    """
    yield
    hass = request.node.funcargs.get("hass")
    executor = getattr(getattr(hass, "loop", None), "_default_executor", None)
    if not isinstance(executor, ThreadPoolExecutor):
        return
    if alive := stop_executor(executor, EXECUTOR_DRAIN_SECONDS):
        stacks = _stacks(alive)
        pytest.fail(
            f"Home Assistant's executor still has {len(alive)} thread(s) after "
            f"{EXECUTOR_DRAIN_SECONDS} s:\n"
            + "\n".join(f"{name}:\n{stack}" for name, stack in stacks.items())
        )


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations: None) -> None:
    """Let Home Assistant load this repository's integration."""


async def add_provisioning_entry(hass: HomeAssistant) -> ConfigEntry:
    """Run the user flow against the running ZHA and return the loaded entry."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": config_entries.SOURCE_USER}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "confirm"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    entry = result["result"]
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    return entry


@pytest.fixture
async def provisioning_entry(
    hass: HomeAssistant, zha_entry: ConfigEntry
) -> AsyncGenerator[ConfigEntry]:
    """Device Provisioning bound to ZHA on the virtual coordinator."""
    entry = await add_provisioning_entry(hass)
    yield entry
    if entry.state is ConfigEntryState.LOADED:
        await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_block_till_done()


def status_entity(hass: HomeAssistant, ieee: str) -> str:
    """Return the status sensor's entity id of a provisioned device."""
    for entity in er.async_get(hass).entities.values():
        if entity.platform == DOMAIN and entity.unique_id.endswith(f"{ieee}_status"):
            return entity.entity_id
    raise AssertionError(f"no status sensor for {ieee}")


_BYTES_LITERAL = re.compile(r"b'(?:[^'\\]|\\.)*'" + r'|b"(?:[^"\\]|\\.)*"')
_WIRE_DUMP = re.compile(r"(?:sending|received) data +([0-9a-f]+)", re.IGNORECASE)


def _wire_payloads(hex_data: str) -> list[bytes]:
    """Return the plain EZSP payloads of an ASH byte dump bellows logged."""
    payloads = []
    for chunk in bytes.fromhex(hex_data).split(bytes([Reserved.FLAG])):
        if chunk and not chunk[0] & DataFrame.MASK:
            with contextlib.suppress(Exception):
                unstuffed = AshProtocol._unstuff_bytes(chunk)
                payloads.append(DataFrame.from_bytes(unstuffed).ezsp_frame)
    return payloads


def find_secrets(text: str, secrets: Iterable[str]) -> list[str]:
    """Return the secrets that text shows in any spelling.

    Hex in any case, with or without separators, in either byte order; inside
    a bytes repr; or inside an ASH frame dump (randomized on the wire).
    """
    lowered = text.lower()
    squeezed = re.sub(r"[\s:,\-_.]|0x", "", lowered)
    blobs = [
        value
        for literal in _BYTES_LITERAL.findall(text)
        if isinstance(value := _literal(literal), bytes)
    ]
    blobs += [
        payload for dump in _WIRE_DUMP.findall(text) for payload in _wire_payloads(dump)
    ]
    found = []
    for secret in secrets:
        raw = bytes.fromhex(secret)
        if (
            raw.hex() in squeezed
            or raw[::-1].hex() in squeezed
            or any(raw in blob or raw[::-1] in blob for blob in blobs)
        ):
            found.append(secret)
    return found


def _literal(text: str) -> object:
    try:
        return ast.literal_eval(text)
    except SyntaxError, ValueError:
        return None
