"""./scripts/develop's Z-Wave part: Home Assistant's own ``zwave_js`` on the
virtual Z-Wave controller, beside Zigbee, as a newcomer runs it.

The real script runs twice on one configuration (a real Home Assistant, the
virtual coordinator, the virtual Z-Wave controller and a real Z-Wave JS server)
on free ports; SIGTERM leaves nothing running, Node processes included.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import pathlib
import signal
import socket
import subprocess
import sys
import time

import aiohttp
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

    def kill(self) -> None:
        """Also the Node processes, whose command lines do not name the folder
        (their working folder is in it), once a failed test killed their parent."""
        super().kill()
        for cwd in pathlib.Path("/proc").glob("[0-9]*/cwd"):
            with contextlib.suppress(OSError):
                if cwd.resolve().is_relative_to(self.config):
                    os.kill(int(cwd.parent.name), signal.SIGKILL)


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
    """The ``zwave_js`` entry once its set-up has finished, one way or another."""
    token = login(base)
    deadline = time.monotonic() + 60
    while True:
        entries = request(
            f"{base}/api/config/config_entries/entry?domain=zwave_js", token=token
        )
        assert len(entries) == 1
        if entries[0]["state"] not in ("not_loaded", "setup_in_progress"):
            return dict(entries[0])
        assert time.monotonic() < deadline, entries
        time.sleep(0.5)  # polling Home Assistant for a condition


def controller_home_id(control_port: int) -> int:
    status = subprocess.run(
        [
            sys.executable,
            "-m",
            "virtual_zwave",
            "status",
            "--control-port",
            str(control_port),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(json.loads(status.stdout)["home_id"], 16)


async def _smart_start(base: str, token: str, entry_id: str, qr: str) -> None:
    """What Home Assistant's SmartStart dialog does with a QR text (parse it,
    provision it), then power the device and wait for its Z-Wave device."""
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(f"{base.replace('http', 'ws')}/api/websocket") as ws,
    ):
        await ws.receive_json()
        await ws.send_json({"type": "auth", "access_token": token})
        assert (await ws.receive_json())["type"] == "auth_ok"
        ids = iter(range(1, 1000))

        async def call(payload: dict[str, object]) -> object:
            msg_id = next(ids)
            await ws.send_json({"id": msg_id, **payload})
            while (answer := await ws.receive_json())["id"] != msg_id:
                pass
            assert answer["success"], answer
            return answer["result"]

        info = await call(
            {
                "type": "zwave_js/parse_qr_code_string",
                "entry_id": entry_id,
                "qr_code_string": qr,
            }
        )
        await call(
            {
                "type": "zwave_js/provision_smart_start_node",
                "entry_id": entry_id,
                "qr_provisioning_information": info,
            }
        )


async def _zwave_identifiers(base: str, token: str) -> set[str]:
    """The ``zwave_js`` identifiers of the devices in Home Assistant's registry."""
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(f"{base.replace('http', 'ws')}/api/websocket") as ws,
    ):
        await ws.receive_json()
        await ws.send_json({"type": "auth", "access_token": token})
        await ws.receive_json()
        await ws.send_json({"id": 1, "type": "config/device_registry/list"})
        devices = (await ws.receive_json())["result"]
    return {
        value
        for device in devices
        for domain, value in device["identifiers"]
        if domain == "zwave_js"
    }


def ours_unique_id(config: pathlib.Path) -> str:
    """The unique ID (the home ID, decimal) of the ``zwave_js`` entry stored."""
    stored = json.loads((config / ".storage" / "core.config_entries").read_text())
    (unique_id,) = [
        e["unique_id"] for e in stored["data"]["entries"] if e["domain"] == "zwave_js"
    ]
    return str(unique_id)


def test_zwave_js_on_the_virtual_controller_twice(
    config: pathlib.Path, runs: list[DevelopZWave]
) -> None:
    port, zigbee, zwave = free_ports(), free_ports(2), free_ports(3)
    base = f"http://127.0.0.1:{port}"
    keys: dict[str, str] = {}
    console: list[str] = []
    for attempt in range(2):
        run = DevelopZWave(config, port, zigbee, zwave)
        runs.append(run)
        run.wait_for(f"Z-Wave JS server on ws://127.0.0.1:{zwave}")
        run.wait_for(f"{READY}{port}")
        # Home Assistant's zwave_js connected to the server: the entry is loaded
        # (a failed connection would leave it in setup_retry).
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
            device = json.loads(label.stdout)
            assert device["qr"].startswith("90")
            # Home Assistant's SmartStart dialog, then the device is powered:
            # the driver includes it and Home Assistant gets a device for it.
            token = login(base)
            home = ours_unique_id(config)
            assert f"{home}-1" in asyncio.run(_zwave_identifiers(base, token))
            asyncio.run(_smart_start(base, token, str(entry["entry_id"]), device["qr"]))
            power = [sys.executable, "-m", "virtual_zwave", "device", "power"]
            subprocess.run(
                [*power, str(device["id"]), "--control-port", str(zwave + 2)],
                cwd=REPO,
                check=True,
                capture_output=True,
            )
            deadline = time.monotonic() + 60
            while f"{home}-2" not in asyncio.run(_zwave_identifiers(base, token)):
                assert time.monotonic() < deadline, "no device was included"
                time.sleep(0.5)  # polling Home Assistant's registry for a condition
        else:
            # The same network: the keys and the home ID (the entry's unique ID).
            assert server_config["securityKeys"] == keys
        stored = json.loads((config / ".storage" / "core.config_entries").read_text())[
            "data"
        ]["entries"]
        ours = [e for e in stored if e["domain"] == "zwave_js"]
        assert [e["data"]["url"] for e in ours] == [f"ws://127.0.0.1:{zwave}"]
        # The controller runs on the home ID kept in the folder, the entry's
        # unique ID: the second start finds the network the entry was made for.
        home_id = int((config / "zwave" / "home_id").read_text(), 16)
        assert controller_home_id(zwave + 2) == home_id
        assert ours[0]["unique_id"] == str(home_id)
        assert "zha" in [e["domain"] for e in stored]
        run.proc.send_signal(signal.SIGTERM)
        assert run.finish() == 128 + signal.SIGTERM
        assert alive(nodes) == []
        assert_all_stopped(run)
        console.extend(run.lines)
    # The keys never reach the console.
    assert not any(key in line for line in console for key in keys.values())


def test_zwave_problem_is_one_warning(
    config: pathlib.Path, runs: list[DevelopZWave]
) -> None:
    """A taken Z-Wave port: one warning line, and Zigbee starts as ever."""

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


def test_entry_and_home_id_files(tmp_path: pathlib.Path) -> None:
    """The entry is written once and follows the server's port; the home ID is
    made once and kept; a damaged one is made again."""
    assert develop_zwave.ports(7642) == (7642, 7643, 7644)
    data = tmp_path / "zwave"
    network = develop_zwave.home_id(data)
    assert network >= 0xC0000000
    assert develop_zwave.home_id(data) == network
    develop_zwave.seed_zwave_entry(tmp_path, "ws://127.0.0.1:7000", network)
    develop_zwave.seed_zwave_entry(tmp_path, "ws://127.0.0.1:7100", network + 1)
    stored = json.loads((tmp_path / ".storage" / "core.config_entries").read_text())
    (entry,) = stored["data"]["entries"]
    assert entry["data"]["url"] == "ws://127.0.0.1:7100"
    assert entry["data"]["use_addon"] is False
    assert entry["unique_id"] == str(network)
    (data / "home_id").write_text("not hex\n")
    assert develop_zwave.home_id(data) != network
