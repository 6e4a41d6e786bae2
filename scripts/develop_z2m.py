"""``./scripts/develop --z2m``: Zigbee2MQTT instead of ZHA in the development instance.

The virtual coordinator (EZSP, or Z-Stack with ``--radio-type znp``) is
driven by a real Zigbee2MQTT (``adapter: ember``, or ``adapter: zstack``)
over ``tcp://``; a Mosquitto broker connects it to Home Assistant's MQTT
integration, which is configured on first start. Device Provisioning then
offers the bridge it discovers (one click: **Configure**).

Rules:
- Mosquitto and Zigbee2MQTT listen on 127.0.0.1 only; Zigbee2MQTT's
  onboarding page and frontend stay off. Both run as children of
  ``./scripts/develop`` and stop with it.
- The broker's port is the coordinator's port + 2 (6640 by default), so
  ``--coordinator-port`` moves it too.
- Zigbee2MQTT is the version the tests pin (``tests/zigbee2mqtt/package.json``),
  installed once into ``.cache/zigbee2mqtt``; its data folder is
  ``<config>/zigbee2mqtt`` (``--reset`` clears it with the rest), and its
  ``configuration.yaml`` is written only when it is missing, since Zigbee2MQTT
  writes its network settings into it.
"""

from __future__ import annotations

from collections.abc import Callable
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import time
from typing import Any, Protocol

try:  # imported from the repository (the tests), or run from scripts/
    from scripts import ha_entries
except ImportError:
    import ha_entries  # type: ignore[no-redef]

REPO = pathlib.Path(__file__).resolve().parent.parent
MOSQUITTO_PATHS = ("/usr/sbin/mosquitto", "/usr/bin/mosquitto")
STARTED_LINE = "Zigbee2MQTT started"
START_TIMEOUT = 120.0


class Starter(Protocol):
    """What starts a child process (``develop.Children``)."""

    def start(self, args: list[str], **kwargs: Any) -> subprocess.Popen[bytes]: ...


def adapter_for(radio_type: str) -> str:
    """Zigbee2MQTT's ``serial.adapter`` for the virtual coordinator's personality."""
    return "zstack" if radio_type == "znp" else "ember"


def broker_port(coordinator_port: int) -> int:
    return coordinator_port + 2


def coordinator_args(radio_type: str) -> list[str]:
    """Extra ``serve`` arguments: zigbee-herdsman's ember driver needs EZSP 13."""
    return [] if radio_type == "znp" else ["--ezsp-version", "13"]


def write_z2m_config(
    data_dir: pathlib.Path, mqtt_port: int, coordinator_url: str, adapter: str
) -> pathlib.Path:
    """Zigbee2MQTT's ``configuration.yaml``, written only when it is missing."""
    data_dir.mkdir(parents=True, exist_ok=True)
    config = data_dir / "configuration.yaml"
    if not config.exists():
        config.write_text(
            "version: 5\n"
            "homeassistant: {enabled: true}\n"
            "frontend: {enabled: false}\n"
            f"mqtt: {{base_topic: zigbee2mqtt, server: 'mqtt://127.0.0.1:{mqtt_port}'}}\n"
            f"serial: {{port: '{coordinator_url}', adapter: {adapter}}}\n"
            "advanced: {log_level: info, channel: 15, log_output: [console]}\n"
        )
    return config


def seed_mqtt_entry(config: pathlib.Path, mqtt_port: int) -> None:
    """Configure Home Assistant's MQTT integration on the broker, once."""
    stored = ha_entries.load(config)
    entries = stored["data"]["entries"]
    if any(entry["domain"] == "mqtt" for entry in entries):
        return
    entries.append(
        ha_entries.new_entry(
            "mqtt",
            title="Mosquitto (development)",
            data={"broker": "127.0.0.1", "port": mqtt_port},
            version=1,
            minor_version=1,
        )
    )
    ha_entries.save(config, stored)


def start_mosquitto(
    children: Starter, workdir: pathlib.Path, port: int
) -> subprocess.Popen[bytes]:
    """Mosquitto on 127.0.0.1:port, anonymous, no persistence."""
    binary = next((p for p in MOSQUITTO_PATHS if pathlib.Path(p).exists()), None)
    if binary is None:
        binary = shutil.which("mosquitto")
    if binary is None:
        raise RuntimeError("mosquitto is not installed; run ./scripts/setup")
    workdir.mkdir(parents=True, exist_ok=True)
    conf = workdir / "mosquitto.conf"
    conf.write_text(
        f"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\n"
        "log_type error\nlog_type warning\n"
    )
    proc = children.start([binary, "-c", str(conf)])
    deadline = time.monotonic() + 30
    while True:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return proc
        if proc.poll() is not None:
            raise RuntimeError(f"mosquitto exited with {proc.returncode}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"mosquitto did not listen on {port} in 30 s")
        time.sleep(0.1)  # polling a port for a condition


def start_zigbee2mqtt(
    children: Starter,
    data_dir: pathlib.Path,
    *,
    progress: Callable[[str], None] = print,
    timeout: float = START_TIMEOUT,
) -> subprocess.Popen[bytes]:
    """Start Zigbee2MQTT on its data folder; return once it says it started."""
    if str(REPO) not in sys.path:  # run as a script: only scripts/ is on the path
        sys.path.insert(0, str(REPO))
    from tests.zigbee2mqtt.harness import install_zigbee2mqtt

    index = install_zigbee2mqtt()
    log_path = data_dir / "console.log"
    env = os.environ | {"ZIGBEE2MQTT_DATA": str(data_dir), "Z2M_ONBOARD_NO_SERVER": "1"}
    with log_path.open("wb") as log:
        proc = children.start(
            ["node", str(index)],
            env=env,
            cwd=data_dir,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + timeout
    while STARTED_LINE not in log_path.read_text(errors="replace"):
        if proc.poll() is not None:
            tail = log_path.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"Zigbee2MQTT exited with {proc.returncode}:\n{tail}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"Zigbee2MQTT did not start in {timeout:.0f} s")
        time.sleep(0.2)  # polling a log file for a condition
    progress(f"Zigbee2MQTT is running (log: {log_path})")
    return proc


def start_z2m_stack(
    children: Starter,
    config: pathlib.Path,
    *,
    coordinator_port: int,
    radio_type: str,
    progress: Callable[[str], None] = print,
) -> int:
    """Mosquitto and Zigbee2MQTT on the virtual coordinator; return the broker port."""
    port = broker_port(coordinator_port)
    data_dir = config / "zigbee2mqtt"
    start_mosquitto(children, data_dir, port)
    write_z2m_config(
        data_dir,
        port,
        f"tcp://127.0.0.1:{coordinator_port}",
        adapter_for(radio_type),
    )
    progress(
        f"Starting Zigbee2MQTT (adapter: {adapter_for(radio_type)}) and Mosquitto "
        f"on 127.0.0.1:{port}"
    )
    start_zigbee2mqtt(children, data_dir, progress=progress)
    seed_mqtt_entry(config, port)
    return port
