"""``./scripts/develop``'s Z-Wave part: Home Assistant's ``zwave_js`` on the
virtual Z-Wave controller, beside Zigbee.

``python -m virtual_zwave serve`` (the virtual controller and a real
``@zwave-js/server``) runs as a child of ``./scripts/develop``; Home Assistant's
``zwave_js`` integration is configured on it on first start, so its SmartStart
dialog works without hardware. Devices with a label are made and powered with
``./scripts/run python -m virtual_zwave device add --control-port <port>``.

Rules:
- The Z-Wave JS server listens on ``--zwave-port`` (6642 by default), the
  virtual controller's serial port on the next one and its control port on the
  one after, all on 127.0.0.1 only.
- Its folder is ``<config>/zwave`` (``--reset`` clears it with the rest): the
  network keys (``server-config.json``, mode 0600) and the home ID
  (``home_id``) are kept there, so a restart brings back the same network and
  Home Assistant's entry stays valid. Devices included before a restart are
  gone after it: the virtual controller keeps them in memory only.
- Optional: when Node.js is missing, a port is taken or the server does not
  start, ``./scripts/develop`` prints one warning line and goes on with Zigbee;
  an entry configured earlier then waits for the server, as for an unplugged
  stick.
- The entry is written once, as Home Assistant's manual flow (``use_addon``
  off, the ``ws://`` URL) makes it; a later start only moves its URL to the
  server's current port.
"""

from __future__ import annotations

from collections.abc import Callable
import pathlib
import secrets
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
DEFAULT_ZWAVE_PORT = 6642
# The first start on a fresh machine installs the Node.js packages (npm ci).
START_TIMEOUT = 300.0
ENTRY_TITLE = "Z-Wave JS (virtual controller)"


class Starter(Protocol):
    """What starts a child process (``develop.Children``)."""

    def start(self, args: list[str], **kwargs: Any) -> subprocess.Popen[bytes]: ...


class ZWaveError(Exception):
    """The Z-Wave part cannot start; the message is one line."""


def ports(server_port: int) -> tuple[int, int, int]:
    """The Z-Wave JS server, serial and control ports."""
    return server_port, server_port + 1, server_port + 2


def _accepts(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def home_id(data_dir: pathlib.Path) -> int:
    """The network's home ID, made once and kept in ``<data_dir>/home_id``."""
    path = data_dir / "home_id"
    try:
        value = int(path.read_text().strip(), 16)
    except OSError, ValueError:
        value = 0
    if not 0 < value < 2**32:
        # Home IDs 0xC0000000 and up are the ones a real controller picks too.
        value = 0xC0000000 | secrets.randbits(30)
        data_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{value:08x}\n")
    return value


def start(
    starter: Starter, data_dir: pathlib.Path, server_port: int, network: int
) -> subprocess.Popen[bytes]:
    """Start ``virtual_zwave serve`` (its output goes to ``serve.log``)."""
    if shutil.which("node") is None:
        raise ZWaveError("Node.js (node) is not installed")
    for port in ports(server_port):
        if _accepts(port):
            raise ZWaveError(
                f"port {port} is in use (another ./scripts/develop?); "
                "choose others with --zwave-port"
            )
    data_dir.mkdir(parents=True, exist_ok=True)
    server, serial, control = ports(server_port)
    with (data_dir / "serve.log").open("wb") as log:
        return starter.start(
            [
                sys.executable,
                "-m",
                "virtual_zwave",
                "serve",
                "--port",
                str(server),
                "--serial-port",
                str(serial),
                "--control-port",
                str(control),
                "--data",
                str(data_dir),
                "--home-id",
                f"{network:08x}",
            ],
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
        )


def wait_ready(
    proc: subprocess.Popen[bytes],
    data_dir: pathlib.Path,
    server_port: int,
    timeout: float = START_TIMEOUT,
    progress: Callable[[str], None] | None = None,
) -> None:
    """Wait until the Z-Wave JS server accepts connections."""
    deadline = time.monotonic() + timeout
    said = time.monotonic()
    while not _accepts(server_port):
        if progress and time.monotonic() - said > 15:
            said = time.monotonic()
            progress(
                "Still starting the virtual Z-Wave controller (the first start "
                "installs its Node.js packages)"
            )
        if proc.poll() is not None:
            raise ZWaveError(
                f"virtual_zwave serve exited with {proc.returncode} "
                f"(see {data_dir / 'serve.log'})"
            )
        if time.monotonic() > deadline:
            raise ZWaveError(
                f"the Z-Wave JS server did not answer on {server_port} "
                f"within {timeout:.0f} s"
            )
        time.sleep(0.2)  # polling a port for a condition


def seed_zwave_entry(config: pathlib.Path, url: str, network: int) -> None:
    """Configure Home Assistant's ``zwave_js`` on the server, once.

    As the manual flow does: the URL, no add-on, the home ID (decimal) as
    unique ID. Keys stay with the server, as with a server of one's own. A
    later call only moves the URL of an entry on 127.0.0.1 to ``url``.
    """
    stored = ha_entries.load(config)
    entries = stored["data"]["entries"]
    ours = [entry for entry in entries if entry["domain"] == "zwave_js"]
    if ours:
        changed = False
        for entry in ours:
            old = entry["data"].get("url", "")
            if old.startswith("ws://127.0.0.1:") and old != url:
                entry["data"]["url"] = url
                changed = True
        if changed:
            ha_entries.save(config, stored)
        return
    entries.append(
        ha_entries.new_entry(
            "zwave_js",
            title=ENTRY_TITLE,
            data={
                "url": url,
                "usb_path": None,
                "socket_path": None,
                "s0_legacy_key": None,
                "s2_access_control_key": None,
                "s2_authenticated_key": None,
                "s2_unauthenticated_key": None,
                "lr_s2_access_control_key": None,
                "lr_s2_authenticated_key": None,
                "use_addon": False,
                "integration_created_addon": False,
            },
            version=1,
            minor_version=2,
            unique_id=str(network),
        )
    )
    ha_entries.save(config, stored)


def begin(
    starter: Starter, config: pathlib.Path, server_port: int
) -> subprocess.Popen[bytes]:
    """Start the server (``finish`` waits for it); raises ``ZWaveError``."""
    data_dir = config / "zwave"
    return start(starter, data_dir, server_port, home_id(data_dir))


def finish(
    proc: subprocess.Popen[bytes],
    config: pathlib.Path,
    server_port: int,
    *,
    progress: Callable[[str], None] = print,
    timeout: float = START_TIMEOUT,
) -> None:
    """Wait for the server; configure ``zwave_js`` on it on first start.

    Raises ``ZWaveError``; the caller stops ``proc``.
    """
    data_dir = config / "zwave"
    network = home_id(data_dir)
    wait_ready(proc, data_dir, server_port, timeout, progress)
    url = f"ws://127.0.0.1:{server_port}"
    seed_zwave_entry(config, url, network)
    _, _, control = ports(server_port)
    progress(
        f"Z-Wave JS server on {url} (virtual controller, home ID {network:08x}); "
        "a device with a SmartStart label: ./scripts/run python -m virtual_zwave "
        f"device add --control-port {control}"
    )
