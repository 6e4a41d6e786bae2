"""Run a development Home Assistant with ZHA on the virtual coordinator.

Started by ./scripts/develop inside the project's Python environment.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
import json
import os
import pathlib
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

REPO = pathlib.Path(__file__).resolve().parent.parent
CONFIG = REPO / "config"
STORAGE = CONFIG / ".storage"
USERNAME = "dev"
PASSWORD = "provisioning"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--radio",
        help="a real coordinator instead of the virtual one, e.g. /dev/ttyUSB0 "
        "or socket://192.168.1.20:6638 (used only when ZHA is not configured yet)",
    )
    parser.add_argument("--radio-type", default="ezsp", help="ZHA radio type")
    parser.add_argument("--baudrate", type=int, default=115200)
    parser.add_argument(
        "--coordinator-port", type=int, default=6638, help="virtual coordinator port"
    )
    parser.add_argument(
        "--reset", action="store_true", help="forget all runtime state first"
    )
    return parser.parse_args()


def reset_state() -> None:
    tracked = {"configuration.yaml", "README.md"}
    for path in CONFIG.iterdir():
        if path.name in tracked:
            continue
        if path.is_dir() and not path.is_symlink():
            subprocess.run(["rm", "-rf", str(path)], check=True)
        else:
            path.unlink()


def link_integration() -> None:
    target = CONFIG / "custom_components" / "provisioning"
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.is_symlink():
        target.symlink_to(REPO / "custom_components" / "provisioning")


def wait_for_port(port: int, timeout: float, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"error: {proc.args!r} exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"error: nothing answered on port {port} within {timeout:.0f} s")


def seed_zha_entry(path: str, radio_type: str, baudrate: int) -> None:
    """Configure ZHA on first start, so no clicks are needed."""
    entries_file = STORAGE / "core.config_entries"
    if entries_file.exists():
        return
    STORAGE.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC).isoformat()
    entry = {
        "created_at": now,
        "data": {
            "device": {"path": path, "baudrate": baudrate, "flow_control": None},
            "radio_type": radio_type,
        },
        "disabled_by": None,
        "discovery_keys": {},
        "domain": "zha",
        "entry_id": uuid.uuid4().hex.upper()[:26],
        "minor_version": 2,
        "modified_at": now,
        "options": {},
        "pref_disable_new_entities": False,
        "pref_disable_polling": False,
        "source": "user",
        "subentries": [],
        "title": "Virtual coordinator" if path.startswith("socket://127.") else path,
        "unique_id": None,
        "version": 5,
    }
    entries_file.write_text(
        json.dumps(
            {
                "version": 1,
                "minor_version": 5,
                "key": "core.config_entries",
                "data": {"entries": [entry]},
            },
            indent=2,
        )
    )


def seed_onboarding() -> None:
    """Mark every onboarding step but the user as done, so only the user is made."""
    onboarding = STORAGE / "onboarding"
    if onboarding.exists():
        return
    STORAGE.mkdir(parents=True, exist_ok=True)
    onboarding.write_text(
        json.dumps(
            {
                "version": 4,
                "minor_version": 1,
                "key": "onboarding",
                "data": {"done": ["core_config", "analytics", "integration"]},
            }
        )
    )


def request(
    url: str,
    data: dict[str, str] | None = None,
    token: str | None = None,
    form: bool = False,
) -> object:
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
    with urllib.request.urlopen(req, timeout=30) as response:
        return json.loads(response.read() or b"null")


def onboard(base: str) -> None:
    """Create the development user and finish onboarding, once."""
    steps = request(f"{base}/api/onboarding")
    assert isinstance(steps, list)
    done = {step["step"] for step in steps if step["done"]}
    if "user" in done:
        return
    client_id = f"{base}/"
    result = request(
        f"{base}/api/onboarding/users",
        {
            "client_id": client_id,
            "name": "Developer",
            "username": USERNAME,
            "password": PASSWORD,
            "language": "en",
        },
    )
    assert isinstance(result, dict)
    tokens = request(
        f"{base}/auth/token",
        {
            "grant_type": "authorization_code",
            "code": result["auth_code"],
            "client_id": client_id,
        },
        form=True,
    )
    assert isinstance(tokens, dict)
    assert "access_token" in tokens


def wait_for_http(base: str, proc: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"error: Home Assistant exited with {proc.returncode}")
        try:
            request(f"{base}/api/onboarding")
        except urllib.error.HTTPError:
            return
        except urllib.error.URLError, ConnectionError, TimeoutError:
            time.sleep(0.5)
        else:
            return
    sys.exit(f"error: Home Assistant did not answer within {timeout:.0f} s")


def main() -> None:
    args = parse_args()
    if args.reset:
        reset_state()
    link_integration()
    children: list[subprocess.Popen[bytes]] = []

    def stop(*_: object) -> None:
        for child in reversed(children):
            if child.poll() is None:
                child.terminate()
        for child in children:
            try:
                child.wait(timeout=20)
            except subprocess.TimeoutExpired:
                child.kill()
        sys.exit(0)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)

    radio = args.radio
    if radio is None:
        radio = f"socket://127.0.0.1:{args.coordinator_port}"
        coordinator = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "virtual_coordinator",
                "serve",
                "--port",
                str(args.coordinator_port),
                "--state",
                str(CONFIG / "virtual_coordinator.json"),
                "--rstack-on-connect",
            ],
            cwd=REPO,
        )
        children.append(coordinator)
        wait_for_port(args.coordinator_port, 30, coordinator)
        print(f"Virtual coordinator listening on {radio}", flush=True)
    seed_zha_entry(radio, args.radio_type, args.baudrate)
    seed_onboarding()

    env = dict(os.environ, PYTHONPATH=str(REPO))
    ca_bundle = pathlib.Path("/etc/ssl/certs/ca-certificates.crt")
    if ca_bundle.exists():
        # Home Assistant installs missing packages with uv, which reads this.
        env.setdefault("SSL_CERT_FILE", str(ca_bundle))
    hass = subprocess.Popen(
        [sys.executable, "-m", "homeassistant", "-c", str(CONFIG)], cwd=REPO, env=env
    )
    children.append(hass)
    base = "http://127.0.0.1:8123"
    wait_for_http(base, hass, 300)
    onboard(base)
    print(
        "\nHome Assistant is running on http://localhost:8123"
        f"  (user: {USERNAME}, password: {PASSWORD})\n",
        flush=True,
    )
    hass.wait()
    stop()


if __name__ == "__main__":
    main()
