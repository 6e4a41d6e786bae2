"""./scripts/develop's Z-Wave part: Home Assistant's own ``zwave_js`` on the
virtual Z-Wave controller, beside Zigbee, as a newcomer runs it.

The real script runs twice on one configuration (a real Home Assistant, the
virtual coordinator, the virtual Z-Wave controller and a real Z-Wave JS server)
on free ports; SIGTERM leaves nothing running, Node processes included.
"""

from __future__ import annotations

import json
import pathlib
import signal
import subprocess
import sys

import pytest

from scripts import develop_zwave
from scripts.develop import descendants, free_ports, login, request
from tests.test_develop import READY, Develop, assert_all_stopped, config, runs

__all__ = ["config", "runs"]

REPO = pathlib.Path(__file__).parent.parent

pytestmark = pytest.mark.timeout(600)


class DevelopZWave(Develop):
    """``Develop`` with the Z-Wave JS server on ``zwave`` (serial and control next)."""

    def __init__(
        self, config: pathlib.Path, port: int, zigbee: int, zwave: int
    ) -> None:
        self.zwave = zwave
        super().__init__(config, port, zigbee, extra=["--zwave-port", str(zwave)])
        self.ports = (*self.ports, *develop_zwave.ports(zwave))


def node_processes(pid: int) -> list[int]:
    found = []
    for child in descendants(pid):
        try:
            argv = pathlib.Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if argv and argv[0].endswith(b"node"):
            found.append(child)
    return found


def alive(pids: list[int]) -> list[int]:
    return [pid for pid in pids if pathlib.Path(f"/proc/{pid}").exists()]


def zwave_entry(base: str) -> dict[str, object]:
    entries = request(
        f"{base}/api/config/config_entries/entry?domain=zwave_js", token=login(base)
    )
    assert len(entries) == 1
    return dict(entries[0])


def test_zwave_js_on_the_virtual_controller_twice(
    config: pathlib.Path, runs: list[DevelopZWave]
) -> None:
    port, zigbee, zwave = free_ports(), free_ports(2), free_ports(3)
    base = f"http://127.0.0.1:{port}"
    keys: dict[str, str] = {}
    for attempt in range(2):
        run = DevelopZWave(config, port, zigbee, zwave)
        runs.append(run)
        run.wait_for(f"Z-Wave JS server on ws://127.0.0.1:{zwave}")
        run.wait_for(f"{READY}{port}")
        # Home Assistant's zwave_js connected to the server: the entry is loaded.
        # (RUNNING waits for it; a failed connection would leave setup_retry.)
        entry = zwave_entry(base)
        assert entry["state"] == "loaded", entry
        nodes = node_processes(run.proc.pid)
        assert len(nodes) == 2  # the virtual controller and the Z-Wave JS server
        server_config = json.loads(
            (config / "zwave" / "server-config.json").read_text()
        )
        assert (config / "zwave" / "server-config.json").stat().st_mode & 0o077 == 0
        if attempt == 0:
            keys = server_config["securityKeys"]
            # A labelled device through the documented command.
            label = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "virtual_zwave",
                    "device",
                    "add",
                    "--control-port",
                    str(zwave + 2),
                    "--json",
                ],
                cwd=REPO,
                capture_output=True,
                text=True,
                check=True,
            )
            assert json.loads(label.stdout)["qr"].startswith("90")
        else:
            # The same network: the keys and the home ID (the entry's unique ID).
            assert server_config["securityKeys"] == keys
        stored = json.loads((config / ".storage" / "core.config_entries").read_text())[
            "data"
        ]["entries"]
        ours = [e for e in stored if e["domain"] == "zwave_js"]
        assert [e["data"]["url"] for e in ours] == [f"ws://127.0.0.1:{zwave}"]
        assert ours[0]["unique_id"] == str(
            int((config / "zwave" / "home_id").read_text(), 16)
        )
        assert "zha" in [e["domain"] for e in stored]
        run.proc.send_signal(signal.SIGTERM)
        assert run.finish() == 128 + signal.SIGTERM
        assert alive(nodes) == []
        assert_all_stopped(run)
    # The keys never reach the console.
    assert not any(key in line for line in run.lines for key in keys.values())


def test_zwave_problem_is_one_warning(
    config: pathlib.Path, runs: list[DevelopZWave]
) -> None:
    """A taken Z-Wave port: one warning line, and Zigbee starts as ever."""
    import socket

    port, zigbee, zwave = free_ports(), free_ports(2), free_ports(3)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", zwave + 1))
        taken.listen()
        run = DevelopZWave(config, port, zigbee, zwave)
        runs.append(run)
        warning = run.wait_for("warning: no virtual Z-Wave controller")
        assert f"port {zwave + 1} is in use" in warning
        run.wait_for(f"{READY}{port}")
        assert node_processes(run.proc.pid) == []
        run.proc.send_signal(signal.SIGTERM)
        assert run.finish() == 128 + signal.SIGTERM
    stored = json.loads((config / ".storage" / "core.config_entries").read_text())
    assert "zwave_js" not in [e["domain"] for e in stored["data"]["entries"]]
