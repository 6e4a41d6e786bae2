"""A real Home Assistant for the browser tests and the panel's benchmarks.

It is the development instance of ``scripts/develop.py`` (whose functions it
uses), started in a temporary folder: ``python -m homeassistant`` from the venv
with the integration linked in, ZHA on a virtual coordinator process, the
development user onboarded, and Device Provisioning added through the config
flow over REST, as a user would.

Rules:
- Free ports on 127.0.0.1 only: Home Assistant listens on 127.0.0.1 alone.
- Waits poll a condition with a deadline, never a fixed sleep.
- Everything it starts is stopped when the ``with`` block ends, on failure too.
- Home Assistant's log goes to ``home-assistant.out`` in the folder; a failed
  start shows its tail.
"""

from __future__ import annotations

from collections.abc import Iterator
import contextlib
from dataclasses import dataclass, field
import json
import pathlib
import socket
import subprocess
import time
from typing import Any

from playwright.sync_api import ViewportSize

from scripts.develop import (
    REPO,
    Children,
    DevelopError,
    free_ports,
    hass_env,
    link_integration,
    login,
    onboard,
    request,
    seed_onboarding,
    seed_zha_entry,
    set_http,
    start_coordinator,
    start_hass,
    wait_for_http,
    wait_until_running,
)

START_TIMEOUT = 600.0
DOMAIN = "provisioning"
CHROMIUM = "/usr/bin/chromium"  # Debian's; Playwright never downloads a browser
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VIEWPORT: ViewportSize = {"width": 1280, "height": 800}


def camera_args(video: pathlib.Path) -> list[str]:
    """Chromium's arguments for a fake camera that plays ``video`` (Y4M)."""
    return [
        *CHROMIUM_ARGS,
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-video-capture={video}",
    ]


@dataclass
class Instance:
    """A running Home Assistant with ZHA on the virtual coordinator."""

    config: pathlib.Path
    base: str
    control_port: int
    log: pathlib.Path
    token: str = ""
    entry_id: str = ""
    children: Children = field(default_factory=Children)

    def rest(self, path: str, data: dict[str, Any] | None = None) -> Any:
        return request(f"{self.base}{path}", data, token=self.token)

    def control(self, **req: Any) -> dict[str, Any]:
        """Send one request to the virtual coordinator's control interface."""
        with socket.create_connection(("127.0.0.1", self.control_port), 10) as sock:
            sock.sendall((json.dumps(req) + "\n").encode())
            with sock.makefile("rb") as answer:
                result: dict[str, Any] = json.loads(answer.readline())
        return result

    def plug_in(self, ieee: str, **keys: Any) -> dict[str, Any]:
        return self.control(op="plug_in", ieee=ieee, **keys)

    def state(self, entity_id: str) -> dict[str, Any] | None:
        with contextlib.suppress(Exception):
            return dict(self.rest(f"/api/states/{entity_id}"))
        return None

    def log_tail(self, lines: int = 60) -> str:
        with contextlib.suppress(OSError):
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        return ""

    def add_provisioning_entry(self) -> str:
        """Add Device Provisioning as the user does: Add integration, Submit."""
        flow = self.rest("/api/config/config_entries/flow", {"handler": DOMAIN})
        if flow.get("type") == "form":
            flow = self.rest(f"/api/config/config_entries/flow/{flow['flow_id']}", {})
        if flow.get("type") != "create_entry":
            raise DevelopError(f"the config flow did not create an entry: {flow}")
        self.entry_id = str(flow["result"]["entry_id"])
        return self.entry_id


def wait_until(predicate: Any, timeout: float, what: str, interval: float = 0.2) -> Any:
    """Poll ``predicate`` until it returns something truthy."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := predicate():
            return result
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def write_configuration(config: pathlib.Path) -> None:
    """The development configuration, without discovery on the network."""
    text = (REPO / "config" / "configuration.yaml").read_text()
    config.mkdir(parents=True, exist_ok=True)
    (config / "configuration.yaml").write_text(text.replace("\nzeroconf:\n", "\n"))


@contextlib.contextmanager
def running(root: pathlib.Path, *, with_entry: bool = True) -> Iterator[Instance]:
    """Start the instance in ``root``; stop all of it when the block ends."""
    config = root / "config"
    write_configuration(config)
    link_integration(config)
    http_port = free_ports()
    zigbee = free_ports(2)
    set_http(config, http_port, host="127.0.0.1")
    seed_onboarding(config)
    seed_zha_entry(config, f"socket://127.0.0.1:{zigbee}", "ezsp", 115200)
    log = config / "home-assistant.out"
    instance = Instance(
        config=config,
        base=f"http://127.0.0.1:{http_port}",
        control_port=zigbee + 1,
        log=log,
    )
    with log.open("ab") as out, instance.children:
        try:
            start_coordinator(
                instance.children,
                zigbee,
                config / "virtual_coordinator.json",
                stdout=out,
                stderr=subprocess.STDOUT,
            )
            hass = start_hass(
                instance.children,
                config,
                hass_env(),
                stdout=out,
                stderr=subprocess.STDOUT,
            )
            wait_for_http(instance.base, hass, START_TIMEOUT)
            onboard(instance.base)
            instance.token = login(instance.base)
            wait_until_running(instance.base, instance.token, hass, START_TIMEOUT)
            if with_entry:
                instance.add_provisioning_entry()
        except Exception as err:
            raise DevelopError(
                f"{err}\n--- Home Assistant's log ---\n{instance.log_tail()}"
            ) from err
        yield instance
