"""Run a development Home Assistant with ZHA on the virtual coordinator.

Started by ./scripts/develop inside the project's Python environment. The browser
tests import this module (``scripts.develop``) to start the same instance on free
ports, so what they test is what a newcomer runs.

Rules:
- Every child (the virtual coordinator, Home Assistant) runs in its own process
  group and is stopped, group and all, whenever this script ends: normally, on an
  error, on Ctrl-C, on SIGTERM or SIGHUP, and when its parent dies.
- The HTTP port is the one Home Assistant keeps in its configuration
  (``.storage/http``, 8123 at first); ``--port`` changes it there.
- The virtual coordinator's control port is its serial port + 1, so
  ``--coordinator-port`` moves both.
- The virtual Z-Wave controller (``develop_zwave``) is optional: when it
  cannot start, one warning line says why and Zigbee goes on without it.
- "Already onboarded" (Home Assistant answers 404 on ``/api/onboarding``) is done.
- Waits poll a condition (a port, an HTTP answer, the core state) with a
  deadline, and say what Home Assistant is doing while they wait.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
import contextlib
import ctypes
from datetime import UTC, datetime
import json
import os
import pathlib
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
from typing import Any
import urllib.error
import urllib.parse
import urllib.request

try:  # imported from the repository (the tests), or run from scripts/
    from scripts import ha_entries
except ImportError:
    import ha_entries  # type: ignore[no-redef]

REPO = pathlib.Path(__file__).resolve().parent.parent
CONFIG = REPO / "config"
USERNAME = "dev"
PASSWORD = "provisioning"
DEFAULT_HTTP_PORT = 8123
DEFAULT_COORDINATOR_PORT = 6638
RESTART_EXIT_CODE = 100  # Home Assistant asks its supervisor to start it again
STOP_TIMEOUT = 30.0
PROGRESS_EVERY = 15.0
# The first start on a fresh machine installs packages and builds caches.
START_TIMEOUT = 900.0

Progress = Callable[[str], None]


class DevelopError(Exception):
    """A start-up step failed; the message says which and why."""


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--radio",
        help="a real coordinator instead of the virtual one, e.g. /dev/ttyUSB0 "
        "or socket://192.168.1.20:6638 (used only when ZHA is not configured yet)",
    )
    parser.add_argument("--radio-type", default="ezsp", help="ZHA radio type")
    parser.add_argument("--baudrate", type=int, default=115200)
    parser.add_argument(
        "--coordinator-port",
        type=int,
        default=DEFAULT_COORDINATOR_PORT,
        help="virtual coordinator port; its control port is the next one "
        "(default 6638 and 6639)",
    )
    parser.add_argument(
        "--port",
        type=int,
        help="Home Assistant's HTTP port, kept in the configuration (default: the "
        "port it has, 8123 at first)",
    )
    parser.add_argument(
        "--config",
        type=pathlib.Path,
        default=CONFIG,
        help="configuration folder (default: config/ of the repository)",
    )
    parser.add_argument(
        "--reset", action="store_true", help="forget all runtime state first"
    )
    parser.add_argument(
        "--z2m",
        action="store_true",
        help="Zigbee2MQTT and Mosquitto on the virtual coordinator instead of ZHA "
        "(adapter zstack with --radio-type znp, else ember)",
    )
    parser.add_argument(
        "--zwave-port",
        type=int,
        default=6642,
        help="the virtual Z-Wave controller's Z-Wave JS server port; its serial "
        "and control ports are the next two (default 6642, 6643, 6644)",
    )
    parser.add_argument(
        "--no-zwave",
        action="store_true",
        help="no virtual Z-Wave controller (zwave_js then waits for its server)",
    )
    return parser.parse_args(argv)


# --- the configuration folder -------------------------------------------------

NEW_CONFIGURATION = """\
# Home Assistant for Device Provisioning, started by ./scripts/develop.
# Its settings are the repository's config/configuration.yaml (location, log
# levels that keep the camera and ffmpeg probes quiet, ZHA's radio); replace
# the line below with your own settings to change them.
!include {source}
"""


def prepare_config(config: pathlib.Path) -> None:
    """Create a missing configuration folder; give it the repository's settings.

    A folder without configuration.yaml gets one that includes
    config/configuration.yaml, so it starts as quietly as config/ does;
    an existing configuration.yaml is left as it is.
    """
    try:
        config.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise DevelopError(f"--config {config} is a file, not a folder") from None
    except OSError as err:
        raise DevelopError(
            f"cannot create the configuration folder {config}: {err.strerror}"
        ) from None
    yaml = config / "configuration.yaml"
    source = CONFIG / "configuration.yaml"
    if yaml.exists() or config == CONFIG.resolve():
        return
    try:
        yaml.write_text(NEW_CONFIGURATION.format(source=source))
    except OSError as err:
        raise DevelopError(f"cannot write {yaml}: {err.strerror}") from None


def reset_state(config: pathlib.Path) -> None:
    """Delete everything in the folder but its configuration and README."""
    tracked = {"configuration.yaml", "README.md"}
    for path in config.iterdir():
        if path.name in tracked:
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()


def link_integration(config: pathlib.Path) -> None:
    """Load the integration from the working tree."""
    target = config / "custom_components" / "provisioning"
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.is_symlink():
        target.symlink_to(REPO / "custom_components" / "provisioning")


def _http_file(config: pathlib.Path) -> pathlib.Path:
    return config / ".storage" / "http"


def http_port(config: pathlib.Path) -> int:
    """Return the port Home Assistant will listen on.

    Home Assistant 2026.10 keeps its HTTP settings in ``.storage/http`` (what
    Settings → System → Network changes); it moves an ``http:`` YAML section
    there once, as a trial, and ignores it afterwards. A new configuration
    gets ``SETUP_PORT`` or 8123.
    """
    path = _http_file(config)
    if not path.exists():
        return int(os.environ.get("SETUP_PORT", DEFAULT_HTTP_PORT))
    data = json.loads(path.read_text())["data"]
    pending = data.get("pending")
    slot = pending if pending and pending.get("error") is None else data["stable"]
    return int(slot.get("server_port", DEFAULT_HTTP_PORT))


def set_http(config: pathlib.Path, port: int, host: str | None = None) -> None:
    """Make Home Assistant listen on ``port`` (and only ``host``, if given)."""
    path = _http_file(config)
    if path.exists():
        stored = json.loads(path.read_text())
        for slot in (stored["data"]["stable"], stored["data"].get("pending")):
            if slot:
                slot["server_port"] = port
                if host:
                    slot["server_host"] = [host]
        _write_json(path, stored)
        return
    from homeassistant.components.http.config import (
        HTTP_STORAGE_SCHEMA,
        STORAGE_KEY,
        STORAGE_MINOR_VERSION,
        STORAGE_VERSION,
    )

    settings: dict[str, Any] = {"server_port": port}
    if host:
        settings["server_host"] = [host]
    stable = {
        **HTTP_STORAGE_SCHEMA(settings),
        "created_at": datetime.now(UTC).isoformat(),
        "error": None,
        "error_message": None,
    }
    _write_json(
        path,
        {
            "version": STORAGE_VERSION,
            "minor_version": STORAGE_MINOR_VERSION,
            "key": STORAGE_KEY,
            "data": {"stable": stable, "pending": None, "yaml_migration_done": True},
        },
    )


def _write_json(path: pathlib.Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2))


def seed_zha_entry(
    config: pathlib.Path, path: str, radio_type: str, baudrate: int
) -> None:
    """Configure ZHA on first start, so no clicks are needed.

    On later starts only the virtual coordinator's port follows ``path``; a
    real radio ZHA was set up with is kept.
    """
    stored = ha_entries.load(config)
    entries = stored["data"]["entries"]
    if ha_entries.entries_file(config).exists():
        changed = False
        for entry in entries:
            device = entry["data"].get("device", {}) if entry["domain"] == "zha" else {}
            old = device.get("path", "")
            if (
                path.startswith("socket://127.0.0.1:")
                and old.startswith("socket://127.0.0.1:")
                and old != path
            ):
                device["path"] = path
                changed = True
        if changed:
            ha_entries.save(config, stored)
        return
    entries.append(
        ha_entries.new_entry(
            "zha",
            title="Virtual coordinator" if path.startswith("socket://127.") else path,
            data={
                "device": {"path": path, "baudrate": baudrate, "flow_control": None},
                "radio_type": radio_type,
            },
            version=5,
            minor_version=2,
        )
    )
    ha_entries.save(config, stored)


def seed_onboarding(config: pathlib.Path) -> None:
    """Mark every onboarding step but the user as done, so only the user is made."""
    onboarding = config / ".storage" / "onboarding"
    if onboarding.exists():
        return
    _write_json(
        onboarding,
        {
            "version": 4,
            "minor_version": 1,
            "key": "onboarding",
            "data": {"done": ["core_config", "analytics", "integration"]},
        },
    )


# --- child processes ------------------------------------------------------------

_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Ask Linux to send this process SIGTERM when its parent dies."""
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(
            _PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0
        )
    if os.getppid() != parent:  # the parent died before the request
        os.kill(os.getpid(), signal.SIGTERM)


_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


def _supervised_child() -> None:
    """In a child, before exec: take the stop signals again; die with the parent."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    die_with_parent()


class Children:
    """Child processes, each in its own process group, stopped newest first.

    ``supervise``: this process exists to run them (``./scripts/develop``), so
    they die with it, and a second Ctrl-C does not cut their stopping short.
    """

    def __init__(self, *, supervise: bool = False) -> None:
        self.procs: list[subprocess.Popen[bytes]] = []
        self._supervise = supervise

    def start(self, args: list[str], **kwargs: Any) -> subprocess.Popen[bytes]:
        if not self._supervise:
            proc = subprocess.Popen(args, process_group=0, **kwargs)
            self.procs.append(proc)
            return proc
        # A Ctrl-C in the middle of fork() would be lost (Python swallows an
        # exception in its fork callbacks) or would lose the child: hold the
        # stop signals until the child is on the list.
        kwargs["preexec_fn"] = _supervised_child
        held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
        try:
            proc = subprocess.Popen(args, process_group=0, **kwargs)
            self.procs.append(proc)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        return proc

    def stop(
        self, proc: subprocess.Popen[bytes], timeout: float = STOP_TIMEOUT
    ) -> None:
        """Terminate the process and its group; kill what is left after timeout."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        # Whatever the leader left behind in its group.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        with contextlib.suppress(ValueError):
            self.procs.remove(proc)

    def stop_all(self) -> None:
        for proc in reversed(list(self.procs)):
            self.stop(proc)

    def __enter__(self) -> Children:
        return self

    def __exit__(self, *_: object) -> None:
        if self._supervise:
            for sig in _STOP_SIGNALS:
                signal.signal(sig, signal.SIG_IGN)
            if self.procs:
                say("Stopping Home Assistant and the virtual coordinator")
        self.stop_all()


def free_ports(count: int = 1) -> int:
    """Return the first of ``count`` consecutive free ports on 127.0.0.1.

    They are taken below Linux' ephemeral range (32768 and up), where outgoing
    connections would otherwise take them between this check and their use.
    """
    rng = random.Random()
    for _ in range(200):
        first = rng.randrange(20000, 32768 - count)
        try:
            with contextlib.ExitStack() as stack:
                for port in range(first, first + count):
                    sock = stack.enter_context(socket.socket())
                    sock.bind(("127.0.0.1", port))
        except OSError:
            continue
        return first
    raise DevelopError(f"no {count} free ports in a row")


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def wait_for_port(
    port: int, timeout: float, proc: subprocess.Popen[bytes], what: str
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise DevelopError(f"{what} exited with {proc.returncode}")
        if port_open(port):
            return
        time.sleep(0.2)
    raise DevelopError(
        f"{what}: nothing answered on port {port} within {timeout:.0f} s"
    )


def start_coordinator(
    children: Children,
    port: int,
    state_file: pathlib.Path,
    *,
    radio_type: str = "ezsp",
    advertise: bool = False,
    extra_args: tuple[str, ...] | list[str] = (),
    **popen: Any,
) -> subprocess.Popen[bytes]:
    """Start the virtual coordinator on ``port``, its control interface on port+1.

    ``radio_type`` ``znp`` starts the Z-Stack personality, anything else the
    EmberZNet one; ``advertise`` announces it over mDNS.
    """
    for wanted in (port, port + 1):
        if port_open(wanted):
            raise DevelopError(
                f"port {wanted} is in use: is another ./scripts/develop running? "
                "Choose other ports with --coordinator-port"
            )
    proc = children.start(
        [
            sys.executable,
            "-m",
            "virtual_coordinator",
            "serve",
            "--port",
            str(port),
            "--control-port",
            str(port + 1),
            "--state",
            str(state_file),
            *(["--radio", "znp"] if radio_type == "znp" else ["--rstack-on-connect"]),
            *(["--advertise"] if advertise else []),
            *extra_args,
        ],
        cwd=REPO,
        **popen,
    )
    wait_for_port(port, 60, proc, "the virtual coordinator")
    wait_for_port(port + 1, 60, proc, "the virtual coordinator's control interface")
    return proc


def hass_env() -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    ca_bundle = pathlib.Path("/etc/ssl/certs/ca-certificates.crt")
    if ca_bundle.exists():
        # Home Assistant installs missing packages with uv, which reads this.
        env.setdefault("SSL_CERT_FILE", str(ca_bundle))
    return env


def start_hass(
    children: Children, config: pathlib.Path, env: dict[str, str], **popen: Any
) -> subprocess.Popen[bytes]:
    return children.start(
        [sys.executable, "-m", "homeassistant", "-c", str(config)],
        cwd=REPO,
        env=env,
        **popen,
    )


# --- talking to Home Assistant -----------------------------------------------------


def request(
    url: str,
    data: dict[str, Any] | None = None,
    token: str | None = None,
    form: bool = False,
    timeout: float = 30,
) -> Any:
    headers = {}
    body = None
    if data is not None:
        if form:
            body = urllib.parse.urlencode(data).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        else:
            body = json.dumps(data).encode()
            headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(url, data=body, headers=headers)
    with urllib.request.urlopen(req, timeout=timeout) as response:
        return json.loads(response.read() or b"null")


def _token(base: str, client_id: str, code: str) -> str:
    tokens = request(
        f"{base}/auth/token",
        {"grant_type": "authorization_code", "code": code, "client_id": client_id},
        form=True,
    )
    return str(tokens["access_token"])


def onboard(base: str, username: str = USERNAME, password: str = PASSWORD) -> None:
    """Create the development user once; an onboarded instance is left as it is."""
    try:
        steps = request(f"{base}/api/onboarding")
    except urllib.error.HTTPError as err:
        if err.code == 404:  # onboarding is finished: the view is gone
            return
        raise
    if any(step["step"] == "user" and step["done"] for step in steps):
        return
    client_id = f"{base}/"
    result = request(
        f"{base}/api/onboarding/users",
        {
            "client_id": client_id,
            "name": "Developer",
            "username": username,
            "password": password,
            "language": "en",
        },
    )
    _token(base, client_id, result["auth_code"])


def login(base: str, username: str = USERNAME, password: str = PASSWORD) -> str:
    """Log in as a user would, and return an access token."""
    client_id = f"{base}/"
    flow = request(
        f"{base}/auth/login_flow",
        {
            "client_id": client_id,
            "handler": ["homeassistant", None],
            "redirect_uri": client_id,
        },
    )
    result = request(
        f"{base}/auth/login_flow/{flow['flow_id']}",
        {"client_id": client_id, "username": username, "password": password},
    )
    if result.get("type") != "create_entry":
        raise DevelopError(f"login as {username} failed: {result.get('errors')}")
    return _token(base, client_id, result["result"])


def descendants(pid: int) -> list[int]:
    """Process ids below ``pid`` (Linux /proc; empty elsewhere)."""
    parents: dict[int, list[int]] = {}
    for stat in pathlib.Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found: list[int] = []
    todo = [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def activity(proc: subprocess.Popen[bytes]) -> str:
    """Say what Home Assistant is doing, as far as its child processes tell."""
    for child in descendants(proc.pid):
        with contextlib.suppress(OSError):
            argv = pathlib.Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
            words = [a.decode(errors="replace") for a in argv if a]
            if "install" in words and any(
                "pip" in w or w.endswith("uv") for w in words
            ):
                packages = [w for w in words if "==" in w]
                return "installing Python packages (first start only): " + (
                    ", ".join(packages) or "requirements"
                )
    return "loading its integrations"


def wait_for_http(
    base: str,
    proc: subprocess.Popen[bytes],
    timeout: float = START_TIMEOUT,
    progress: Progress | None = None,
) -> None:
    """Wait until Home Assistant's web server answers."""
    start = time.monotonic()
    said = start
    while time.monotonic() - start < timeout:
        if proc.poll() is not None:
            raise DevelopError(f"Home Assistant exited with {proc.returncode}")
        try:
            request(f"{base}/manifest.json", timeout=5)
        except urllib.error.HTTPError:
            return  # it answers
        except urllib.error.URLError, ConnectionError, TimeoutError, ValueError:
            if progress and time.monotonic() - said >= PROGRESS_EVERY:
                said = time.monotonic()
                progress(
                    f"Still starting ({said - start:.0f} s): Home Assistant is "
                    f"{activity(proc)}."
                )
            time.sleep(0.5)
        else:
            return
    raise DevelopError(f"Home Assistant did not answer within {timeout:.0f} s")


def wait_until_running(
    base: str,
    token: str,
    proc: subprocess.Popen[bytes],
    timeout: float = START_TIMEOUT,
    progress: Progress | None = None,
) -> None:
    """Wait until every integration is set up (core state RUNNING)."""
    start = time.monotonic()
    said = start
    while time.monotonic() - start < timeout:
        if proc.poll() is not None:
            raise DevelopError(f"Home Assistant exited with {proc.returncode}")
        with contextlib.suppress(urllib.error.URLError, ConnectionError, TimeoutError):
            if request(f"{base}/api/config", token=token)["state"] == "RUNNING":
                return
        if progress and time.monotonic() - said >= PROGRESS_EVERY:
            said = time.monotonic()
            progress(
                f"Still starting ({said - start:.0f} s): the web page answers, "
                f"Home Assistant is {activity(proc)}."
            )
        time.sleep(0.5)
    raise DevelopError(f"Home Assistant did not finish starting within {timeout:.0f} s")


@contextlib.contextmanager
def signals_raise() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into SystemExit, so cleanup runs as for Ctrl-C.

    Ctrl-C (SIGINT) raises KeyboardInterrupt even when this process was started
    with SIGINT ignored, as a shell does for a command it runs in the
    background (``./scripts/develop &``).
    """

    def _exit(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    saved = {sig: signal.signal(sig, _exit) for sig in (signal.SIGTERM, signal.SIGHUP)}
    saved[signal.SIGINT] = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def say(text: str) -> None:
    print(f"==> {text}", flush=True)


def run(args: argparse.Namespace) -> None:
    config: pathlib.Path = args.config.resolve()
    prepare_config(config)
    try:
        if args.reset:
            reset_state(config)
        if args.port:
            set_http(config, args.port)
        port = http_port(config)
    except OSError as err:
        raise DevelopError(f"{err.filename or config}: {err.strerror}") from None
    except (ValueError, KeyError, TypeError) as err:
        raise DevelopError(
            f"{config / '.storage' / 'http'} is not valid ({err!r}); "
            "--reset starts afresh"
        ) from None
    if port_open(port):
        raise DevelopError(
            f"port {port} is in use: is Home Assistant already running? "
            "Stop it, or choose another port with --port"
        )
    link_integration(config)
    with Children(supervise=True) as children:
        zwave = None if args.no_zwave else begin_zwave(children, config, args)
        radio = args.radio
        if args.z2m:
            run_z2m_coordinator(children, config, args)
        elif radio is None:
            zigbee = args.coordinator_port
            radio = f"socket://127.0.0.1:{zigbee}"
            # It prints where it listens, its control interface included.
            state = (
                "virtual_znp.json"
                if args.radio_type == "znp"
                else "virtual_coordinator.json"
            )
            start_coordinator(
                children,
                zigbee,
                config / state,
                radio_type=args.radio_type,
                advertise=True,
            )
        if not args.z2m:
            seed_zha_entry(config, radio, args.radio_type, args.baudrate)
        if zwave is not None:
            finish_zwave(children, config, args, zwave)
        seed_onboarding(config)
        base = f"http://127.0.0.1:{port}"
        while True:
            say(
                "Starting Home Assistant (the first start on a fresh machine can "
                "take a few minutes)"
            )
            hass = start_hass(children, config, hass_env())
            wait_for_http(base, hass, progress=say)
            onboard(base)
            wait_until_running(base, login(base), hass, progress=say)
            say(
                f"Home Assistant is running on http://localhost:{port}  "
                f"(user: {USERNAME}, password: {PASSWORD}). Ctrl-C stops it."
            )
            code = hass.wait()
            children.stop(hass)
            if code != RESTART_EXIT_CODE:
                break
            say("Home Assistant asked to restart")
        if code:
            raise DevelopError(f"Home Assistant exited with {code}")


def run_z2m_coordinator(
    children: Children, config: pathlib.Path, args: argparse.Namespace
) -> None:
    """``--z2m``: the virtual coordinator, Mosquitto and Zigbee2MQTT (see
    ``develop_z2m``); Home Assistant gets MQTT instead of ZHA."""
    import develop_z2m

    state = "virtual_znp.json" if args.radio_type == "znp" else "virtual_z2m.json"
    start_coordinator(
        children,
        args.coordinator_port,
        config / state,
        radio_type=args.radio_type,
        extra_args=develop_z2m.coordinator_args(args.radio_type),
    )
    try:
        develop_z2m.start_z2m_stack(
            children,
            config,
            coordinator_port=args.coordinator_port,
            radio_type=args.radio_type,
            progress=say,
        )
    except RuntimeError as err:
        raise DevelopError(str(err)) from err


def begin_zwave(
    children: Children, config: pathlib.Path, args: argparse.Namespace
) -> subprocess.Popen[bytes] | None:
    """Start the virtual Z-Wave controller (see ``develop_zwave``); on a
    problem say so in one line and go on without it."""
    import develop_zwave

    try:
        return develop_zwave.begin(children, config, args.zwave_port)
    except (develop_zwave.ZWaveError, OSError) as err:
        say(f"warning: no virtual Z-Wave controller: {err}")
        return None


def finish_zwave(
    children: Children,
    config: pathlib.Path,
    args: argparse.Namespace,
    proc: subprocess.Popen[bytes],
) -> None:
    """Wait for the Z-Wave JS server and configure ``zwave_js`` on it; on a
    problem stop it, say so in one line and go on without it."""
    import develop_zwave

    try:
        develop_zwave.finish(proc, config, args.zwave_port, progress=say)
    except (develop_zwave.ZWaveError, OSError, ValueError, KeyError) as err:
        children.stop(proc)
        say(f"warning: no virtual Z-Wave controller: {err}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    die_with_parent()
    try:
        with signals_raise():
            run(args)
    except DevelopError as err:
        print(f"error: {err}", file=sys.stderr, flush=True)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
