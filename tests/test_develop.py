"""./scripts/develop as a newcomer runs it: twice on one configuration, stopped by
SIGTERM, Ctrl-C or a failure, and nothing it started is left running.

Each test runs the real script (a real Home Assistant and virtual coordinator)
on free ports and a copy of config/configuration.yaml in a temporary folder.
"""

from __future__ import annotations

from collections.abc import Iterator
import contextlib
import json
import os
import pathlib
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

from scripts.develop import (
    activity,
    descendants,
    free_ports,
    http_port,
    port_open,
    seed_zha_entry,
    set_http,
)

REPO = pathlib.Path(__file__).parent.parent
READY = "Home Assistant is running on http://localhost:"
START_TIMEOUT = 600.0
STOP_TIMEOUT = 90.0


class Develop:
    """One run of scripts/develop.py, its output read line by line."""

    def __init__(
        self,
        config: pathlib.Path,
        port: int,
        zigbee: int,
        *,
        sigint_ignored: bool = False,
        reset: bool = False,
        extra: list[str] | None = None,
    ) -> None:
        self.config = config
        self.ports = (port, zigbee, zigbee + 1)
        command = [
            sys.executable,
            str(REPO / "scripts" / "develop.py"),
            "--config",
            str(config),
            "--port",
            str(port),
            "--coordinator-port",
            str(zigbee),
            *(["--reset"] if reset else []),
            *(extra if extra is not None else ["--no-zwave"]),
        ]
        if sigint_ignored:  # as a shell starts a command in the background
            command = ["sh", "-c", "trap '' INT; exec \"$@\"", "sh", *command]
        self.proc = subprocess.Popen(
            command,
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def wait_for(self, text: str, timeout: float = START_TIMEOUT) -> str:
        """Return the first line (from now on) that contains ``text``."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._queue.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                pytest.fail(
                    f"develop exited ({self.proc.wait()}) before {text!r}:\n"
                    + "\n".join(self.lines[-40:])
                )
            self.lines.append(line)
            if text in line:
                return line
        pytest.fail(
            f"no {text!r} within {timeout:.0f} s:\n" + "\n".join(self.lines[-40:])
        )

    def finish(self, timeout: float = STOP_TIMEOUT) -> int:
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            self._drain()
            pytest.fail(
                f"develop still running {timeout:.0f} s later:\n"
                + "\n".join(self.lines[-40:])
            )
        self._drain()
        return code

    def _drain(self) -> None:
        self._reader.join(timeout=10)
        while not self._queue.empty():
            if (line := self._queue.get_nowait()) is not None:
                self.lines.append(line)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        for pid in processes_using(self.config):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self._reader.join(timeout=10)


def processes_using(config: pathlib.Path) -> list[int]:
    """Pids whose command line names the configuration folder."""
    found = []
    for cmdline in pathlib.Path("/proc").glob("[0-9]*/cmdline"):
        with contextlib.suppress(OSError):
            if str(config).encode() in cmdline.read_bytes():
                found.append(int(cmdline.parent.name))
    return found


def hass_pid(config: pathlib.Path) -> int:
    for pid in processes_using(config):
        with contextlib.suppress(OSError):
            if b"homeassistant" in pathlib.Path(f"/proc/{pid}/cmdline").read_bytes():
                return pid
    raise AssertionError("no Home Assistant process")


def assert_all_stopped(run: Develop) -> None:
    assert [p for p in run.ports if port_open(p)] == []
    assert processes_using(run.config) == []


@pytest.fixture
def config(tmp_path: pathlib.Path, socket_enabled: None) -> pathlib.Path:
    folder = tmp_path / "config"
    folder.mkdir()
    shutil.copy(REPO / "config" / "configuration.yaml", folder)
    return folder


@pytest.fixture
def runs() -> Iterator[list[Develop]]:
    started: list[Develop] = []
    yield started
    for run in started:
        run.kill()


# Python 3.14 logs the exception of a shielded task whose caller was cancelled.
# bellows sends each frame in one (``AshProtocol.send_data``): when ZHA stops,
# zigpy cancels its watchdog, and a frame still waiting for its ACK then ends
# with the closed connection. Home Assistant's own shutdown, on any EZSP stick.
SHUTDOWN_NOISE = (
    "exception in shielded future",
    "bellows/ash.py",
    "RuntimeError: Connection has been closed",
)
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")


def _records(lines: list[str]) -> list[list[str]]:
    """Group the output into log records: a timestamped line and what follows."""
    records: list[list[str]] = []
    for line in lines:
        if LOG_LINE.match(line) or not records:
            records.append([line])
        else:
            records[-1].append(line)
    return records


def errors(lines: list[str]) -> list[str]:
    found = []
    for record in _records(lines):
        checked = record
        if all(any(part in line for line in record) for part in SHUTDOWN_NOISE):
            # only the noise itself: what follows its last line still counts
            end = next(i for i, line in enumerate(record) if SHUTDOWN_NOISE[-1] in line)
            checked = record[end + 1 :]
        found += [line for line in checked if " ERROR " in line or "Traceback" in line]
    return found


def test_bellows_shutdown_noise_alone_is_not_an_error() -> None:
    noise = [
        "2026-12-06 00:41:09.080 ERROR (bellows.thread_0) [asyncio] RuntimeError"
        " exception in shielded future",
        "future: <Task finished coro=<AshProtocol._send_data_frame() done,"
        " defined at /venv/bellows/ash.py:647>>",
        "Traceback (most recent call last):",
        '  File "/venv/bellows/ash.py", line 683, in _send_data_frame',
        "RuntimeError: Connection has been closed",
    ]
    other = [
        "2026-12-06 00:41:09.081 ERROR (MainThread) [custom_components.provisioning]"
        " Something failed",
        "Traceback (most recent call last):",
        "RuntimeError: Connection has been closed",
    ]
    assert errors(["starting", *noise]) == []
    assert errors([*noise, *other]) == [other[0], other[1]]
    # the same words in another logger's record still count
    assert errors(other) == [other[0], other[1]]
    # a traceback printed right after the noise, without a timestamp, counts
    assert errors([*noise, "Traceback (most recent call last):"]) == [
        "Traceback (most recent call last):"
    ]


def assert_no_errors(lines: list[str]) -> None:
    """Fail with every error line and what follows it (its traceback)."""
    if found := errors(lines):
        start = lines.index(found[0])
        pytest.fail("errors in the output:\n" + "\n".join(lines[start : start + 80]))


def test_runs_twice_and_stops_on_sigterm_and_failure(
    config: pathlib.Path, runs: list[Develop]
) -> None:
    port, zigbee = free_ports(), free_ports(2)
    first = Develop(config, port, zigbee)
    runs.append(first)
    first.wait_for(f"{READY}{port}")
    # The CLI reaches a coordinator on another port through --control-port.
    status = subprocess.run(
        [
            sys.executable,
            "-m",
            "virtual_coordinator",
            "status",
            "--control-port",
            str(zigbee + 1),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(status.stdout)["host_connected"] is True
    first.proc.send_signal(signal.SIGTERM)
    assert first.finish() == 128 + signal.SIGTERM
    assert_all_stopped(first)
    assert_no_errors(first.lines)

    # Already onboarded: Home Assistant answers 404 on /api/onboarding.
    second = Develop(config, port, zigbee)
    runs.append(second)
    second.wait_for(f"{READY}{port}")
    assert_no_errors(second.lines)
    # Home Assistant dies: develop fails, and stops the coordinator too.
    os.kill(hass_pid(config), signal.SIGKILL)
    assert second.finish() == 1
    assert any("error: Home Assistant exited with -9" in line for line in second.lines)
    assert_all_stopped(second)


def test_new_folder_starts_quietly_with_reset_twice(
    tmp_path: pathlib.Path, socket_enabled: None, runs: list[Develop]
) -> None:
    """A --config folder that does not exist yet is made, with config/'s settings.

    Its log stays free of errors (config/ silences the camera and ffmpeg
    probes), with --reset on the new folder and again on the used one.
    """
    config = tmp_path / "new" / "folder"
    port, zigbee = free_ports(), free_ports(2)
    for _ in range(2):
        run = Develop(config, port, zigbee, reset=True)
        runs.append(run)
        run.wait_for(f"{READY}{port}")
        assert_no_errors(run.lines)
        log = (config / "home-assistant.log").read_text().splitlines()
        assert any("custom integration provisioning" in line for line in log)
        assert_no_errors(log)
        run.proc.send_signal(signal.SIGTERM)
        assert run.finish() == 128 + signal.SIGTERM
        assert_all_stopped(run)
    source = REPO.resolve() / "config" / "configuration.yaml"
    assert (config / "configuration.yaml").read_text().splitlines()[-1] == (
        f"!include {source}"
    )


def test_config_folder_problems_are_one_line_errors(
    tmp_path: pathlib.Path, socket_enabled: None
) -> None:
    a_file = tmp_path / "a_file"
    a_file.write_text("")
    broken = tmp_path / "broken"
    (broken / ".storage").mkdir(parents=True)
    (broken / ".storage" / "http").write_text("{not json")
    cases = [
        ([a_file, "--reset"], f"error: --config {a_file} is a file, not a folder"),
        (
            [a_file / "below"],
            f"error: cannot create the configuration folder {a_file / 'below'}: "
            "Not a directory",
        ),
        ([broken], f"error: {broken / '.storage' / 'http'} is not valid ("),
    ]
    for args, expected in cases:
        result = subprocess.run(
            [sys.executable, str(REPO / "scripts" / "develop.py"), "--config"]
            + [str(arg) for arg in args],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 1
        assert result.stdout == ""
        (line,) = result.stderr.splitlines()
        assert line.startswith(expected), line
    assert processes_using(tmp_path) == []


@pytest.fixture
def wrapper(tmp_path: pathlib.Path) -> pathlib.Path:
    """scripts/develop and lib.sh in a copy of the repository whose set-up is
    done and whose develop.py prints the arguments it gets."""
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    for name in ("develop", "lib.sh"):
        shutil.copy(REPO / "scripts" / name, repo / "scripts" / name)
    (repo / "scripts" / "setup").write_text("#!/bin/sh\nexit 0\n")
    (repo / "scripts" / "setup").chmod(0o755)
    (repo / "scripts" / "develop.py").write_text(
        "import json, sys\nprint(json.dumps(sys.argv[1:]))\n"
    )
    (repo / ".venv" / "bin").mkdir(parents=True)
    (repo / ".venv" / "bin" / "python").symlink_to(sys.executable)
    (repo / ".venv" / ".mode").write_text("host\n")
    return repo / "scripts" / "develop"


def test_wrapper_takes_config_relative_to_the_caller(
    tmp_path: pathlib.Path, wrapper: pathlib.Path
) -> None:
    """./scripts/develop makes --config absolute where it is run, and creates it.

    (A folder outside the repository is also mounted into the userland; that
    runs on the host only, so it is checked by hand.)
    """
    work = tmp_path / "work"
    work.mkdir()
    new, other = work / "new" / "folder", work / "other"
    for args, expected in (
        (["--config", "new/folder", "--reset"], ["--config", str(new), "--reset"]),
        (
            ["--reset", "--config=other", "--port", "8200"],
            ["--reset", "--config", str(other), "--port", "8200"],
        ),
    ):
        result = subprocess.run(
            ["bash", str(wrapper), *args],
            cwd=work,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        assert json.loads(result.stdout) == expected
    assert new.is_dir()
    assert other.is_dir()


def test_wrapper_config_problems_are_one_line_errors(
    tmp_path: pathlib.Path, wrapper: pathlib.Path
) -> None:
    (tmp_path / "a_file").write_text("")
    blocked = tmp_path / "a_file" / "below"
    cases = [
        (["--config", "a_file"], f"error: --config {tmp_path / 'a_file'} is a file"),
        (
            [f"--config={blocked}", "--reset"],
            f"error: cannot create the configuration folder {blocked}: Not a directory",
        ),
    ]
    for args, expected in cases:
        result = subprocess.run(
            ["bash", str(wrapper), *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 1
        assert result.stdout == ""  # develop.py was not reached
        (line,) = result.stderr.splitlines()
        assert line.startswith(expected), line


def test_ctrl_c_while_starting_stops_everything(
    config: pathlib.Path, runs: list[Develop]
) -> None:
    port, zigbee = free_ports(), free_ports(2)
    run = Develop(config, port, zigbee, sigint_ignored=True)
    runs.append(run)
    run.wait_for("Starting Home Assistant")
    run.proc.send_signal(signal.SIGINT)
    assert run.finish() == 130
    assert_all_stopped(run)


def test_busy_port_is_a_clear_error(config: pathlib.Path, runs: list[Develop]) -> None:
    zigbee = free_ports(2)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", zigbee))
        busy.listen()
        run = Develop(config, free_ports(), zigbee)
        runs.append(run)
        assert run.finish() == 1
    assert f"error: port {zigbee} is in use" in "\n".join(run.lines)
    assert processes_using(config) == []


def test_port_settings_live_in_the_configuration(tmp_path: pathlib.Path) -> None:
    assert http_port(tmp_path) == 8123  # a new configuration
    set_http(tmp_path, 18200, host="127.0.0.1")
    assert http_port(tmp_path) == 18200
    stored = json.loads((tmp_path / ".storage" / "http").read_text())["data"]
    assert stored["stable"]["server_host"] == ["127.0.0.1"]
    assert stored["yaml_migration_done"] is True
    set_http(tmp_path, 18201)
    assert http_port(tmp_path) == 18201

    seed_zha_entry(tmp_path, "socket://127.0.0.1:7000", "ezsp", 115200)
    seed_zha_entry(tmp_path, "socket://127.0.0.1:7100", "ezsp", 115200)
    entries = json.loads((tmp_path / ".storage" / "core.config_entries").read_text())
    (zha,) = entries["data"]["entries"]
    assert zha["data"]["device"]["path"] == "socket://127.0.0.1:7100"
    # A real radio ZHA was set up with is never replaced.
    zha["data"]["device"]["path"] = "/dev/ttyUSB0"
    (tmp_path / ".storage" / "core.config_entries").write_text(json.dumps(entries))
    seed_zha_entry(tmp_path, "socket://127.0.0.1:7200", "ezsp", 115200)
    entries = json.loads((tmp_path / ".storage" / "core.config_entries").read_text())
    assert entries["data"]["entries"][0]["data"]["device"]["path"] == "/dev/ttyUSB0"


def test_the_wait_says_which_packages_are_installed() -> None:
    """On a first start Home Assistant installs packages; the wait says which."""
    installer = (
        "import subprocess, sys; subprocess.run([sys.executable, '-c', "
        "'import time; time.sleep(60)', 'uv', 'pip', 'install', 'hassil==3.12.1'])"
    )
    proc = subprocess.Popen([sys.executable, "-c", installer])
    try:
        assert activity(proc) in (
            "loading its integrations",  # before the child appears
            "installing Python packages (first start only): hassil==3.12.1",
        )
        deadline = time.monotonic() + 30
        while "installing" not in (said := activity(proc)):
            assert time.monotonic() < deadline, said
            time.sleep(0.1)
        assert said == "installing Python packages (first start only): hassil==3.12.1"
    finally:
        for pid in [*descendants(proc.pid), proc.pid]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        proc.wait()
