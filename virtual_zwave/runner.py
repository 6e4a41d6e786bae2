"""Install and run the virtual controller and a real ``@zwave-js/server``.

Rules:
- ``npm ci`` from the committed ``node/package.json`` and
  ``node/package-lock.json``, once, into
  ``.cache/virtual_zwave/<zwave-js version>-<lock digest>/``; a file lock keeps
  parallel runs from installing twice.
- Both processes listen on 127.0.0.1 only; the server runs with
  ``--disable-dns-sd``. Network keys are random and stay in the work
  directory (the server's config file, mode 0600), never on the console; a
  work directory used again keeps its keys, and ``home_id`` fixes the
  controller's home ID, so the same network comes back (its devices do not:
  the controller keeps them in memory only).
- Readiness is a condition (a line written, a port accepting), never a fixed
  delay; both processes are stopped on ``stop()``, also after a failed start.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import hashlib
import json
import os
import pathlib
import secrets
import shutil
import signal
import socket
import subprocess
import time
from typing import Any

HERE = pathlib.Path(__file__).resolve().parent
NODE_DIR = HERE / "node"
REPO = HERE.parent
ZWAVE_JS_VERSION = "15.29.0"
SERVER_VERSION = "3.10.2"
DEFAULT_SERVER_PORT = 3000
DEFAULT_SERIAL_PORT = 5555
DEFAULT_CONTROL_PORT = 5556
SECURITY_KEYS = (
    "S2_AccessControl",
    "S2_Authenticated",
    "S2_Unauthenticated",
    "S0_Legacy",
)


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def install(cache: pathlib.Path | None = None) -> pathlib.Path:
    """Install the pinned Node.js packages once; return their folder."""
    files = [NODE_DIR / "package.json", NODE_DIR / "package-lock.json"]
    digest = hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()
    root = (cache or REPO / ".cache") / "virtual_zwave"
    target = root / f"{ZWAVE_JS_VERSION}-{digest[:12]}"
    stamp = target / ".installed"
    if stamp.exists():
        return target
    root.mkdir(parents=True, exist_ok=True)
    with (root / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if stamp.exists():
            return target
        partial = target.with_name(target.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir()
        for file in files:
            shutil.copy(file, partial / file.name)
        result = subprocess.run(
            ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"],
            cwd=partial,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if result.returncode:
            raise RuntimeError(f"npm ci failed: {result.stderr[-2000:]}")
        shutil.rmtree(target, ignore_errors=True)
        partial.rename(target)
        stamp.touch()
    return target


def _wait(condition: Any, timeout: float, what: str) -> Any:
    """Poll a condition with back-off until it returns something truthy."""
    deadline = time.monotonic() + timeout
    delay = 0.01
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        time.sleep(delay)  # retry back-off, not a wait for a result
        delay = min(delay * 2, 0.2)


def _kept_keys(config: pathlib.Path) -> dict[str, str]:
    """The network keys of an earlier run in this directory, or new ones."""
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError, AttributeError):
        kept = json.loads(config.read_text())["securityKeys"]
        if all(
            isinstance(kept.get(k), str) and len(bytes.fromhex(kept[k])) == 16
            for k in SECURITY_KEYS
        ):
            return {k: kept[k] for k in SECURITY_KEYS}
    return {k: secrets.token_hex(16) for k in SECURITY_KEYS}


def _accepts(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _stop(
    process: subprocess.Popen[bytes] | None, grace: float = 2, timeout: float = 10
) -> None:
    """SIGTERM; a second one after ``grace`` seconds; SIGKILL after ``timeout``.

    The Z-Wave JS server closes its HTTP server gracefully on the first SIGTERM,
    which waits for every open connection to end (a client that is just
    reconnecting holds one until it gives up, about 10 s); a second SIGTERM is
    its "Ctrl-C twice" and exits at once.
    """
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(grace)
        return
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout - grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class VirtualZWave:
    """The virtual controller plus a real Z-Wave JS server, in ``workdir``."""

    def __init__(
        self,
        workdir: pathlib.Path,
        *,
        server_port: int = 0,
        serial_port: int = 0,
        control_port: int = 0,
        retry_interval: float = 4.0,
        silent_timeout: float = 2.0,
        cache: pathlib.Path | None = None,
        home_id: int | None = None,
    ) -> None:
        self.workdir = workdir
        self.server_port = server_port
        self.serial_port = serial_port
        self.control_port = control_port
        self.retry_interval = retry_interval
        self.silent_timeout = silent_timeout
        self.cache = cache
        self.home_id = home_id
        self._controller: subprocess.Popen[bytes] | None = None
        self._server: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The WebSocket URL of the Z-Wave JS server."""
        return f"ws://127.0.0.1:{self.server_port}"

    @property
    def serial_url(self) -> str:
        return f"tcp://127.0.0.1:{self.serial_port}"

    @property
    def controller_log(self) -> pathlib.Path:
        return self.workdir / "controller.log"

    @property
    def server_log(self) -> pathlib.Path:
        return self.workdir / "server.log"

    def start(self, timeout: float = 90, *, server: bool = True) -> None:
        """Start both processes (or only the controller, for a host of one's
        own on its serial port); return once they accept connections."""
        modules = install(self.cache) / "node_modules"
        self.workdir.mkdir(parents=True, exist_ok=True)
        try:
            self._start_controller(modules, timeout)
            if server:
                self._start_server(modules, timeout)
        except BaseException:
            self.stop()
            raise

    def _start_controller(self, modules: pathlib.Path, timeout: float) -> None:
        # Node resolves packages from the script's folder upwards: run a copy
        # beside the installed node_modules.
        script = modules.parent / "controller.mjs"
        source = NODE_DIR / "controller.mjs"
        if not script.exists() or script.read_bytes() != source.read_bytes():
            partial = script.with_name(f"controller.{os.getpid()}.tmp")
            shutil.copy(source, partial)
            partial.replace(script)
        ready = self.workdir / "controller.ready"
        ready.unlink(missing_ok=True)
        with ready.open("wb") as out, self.controller_log.open("wb") as log:
            self._controller = subprocess.Popen(
                [
                    "node",
                    str(script),
                    "--port",
                    str(self.serial_port),
                    "--control-port",
                    str(self.control_port),
                    "--retry-interval",
                    str(self.retry_interval),
                    "--silent-timeout",
                    str(self.silent_timeout),
                    *(
                        ["--home-id", f"{self.home_id:08x}"]
                        if self.home_id is not None
                        else []
                    ),
                ],
                stdout=out,
                stderr=log,
                cwd=self.workdir,
            )
        controller = self._controller

        def line() -> dict[str, Any] | None:
            if controller.poll() is not None:
                raise RuntimeError(
                    "the virtual Z-Wave controller exited:\n"
                    + self.controller_log.read_text()[-4000:]
                )
            text = ready.read_text()
            return json.loads(text) if text.endswith("\n") else None

        ports = _wait(line, timeout, "the virtual Z-Wave controller did not start")
        self.serial_port = int(ports["serial_port"])
        self.control_port = int(ports["control_port"])

    def _start_server(self, modules: pathlib.Path, timeout: float) -> None:
        if not self.server_port:
            self.server_port = free_port()
        cache = self.workdir / "zwave-js"
        cache.mkdir(exist_ok=True)
        config = self.workdir / "server-config.json"
        keys = _kept_keys(config)
        config.touch(mode=0o600)
        config.write_text(
            json.dumps(
                {
                    "securityKeys": keys,
                    "storage": {"cacheDir": str(cache), "lockDir": str(cache)},
                    "logConfig": {
                        "enabled": True,
                        "level": "debug",
                        "forceConsole": True,
                    },
                    "emitValueUpdateAfterSetValue": True,
                }
            )
        )
        with self.server_log.open("wb") as log:
            self._server = subprocess.Popen(
                [
                    "node",
                    str(
                        modules
                        / "@zwave-js"
                        / "server"
                        / "dist-esm"
                        / "bin"
                        / "server.js"
                    ),
                    self.serial_url,
                    "--config",
                    str(config),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.server_port),
                    "--disable-dns-sd",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.workdir,
            )
        server = self._server

        def up() -> bool:
            if server.poll() is not None:
                raise RuntimeError(
                    "the Z-Wave JS server exited:\n"
                    + self.server_log.read_text()[-4000:]
                )
            return _accepts(self.server_port)

        _wait(up, timeout, "the Z-Wave JS server did not start")

    def stop(self) -> None:
        server, self._server = self._server, None
        controller, self._controller = self._controller, None
        _stop(server)
        _stop(controller)

    def control(self, op: str, **fields: Any) -> dict[str, Any]:
        """One request on the control port (blocking; not for an event loop)."""
        return control_request("127.0.0.1", self.control_port, {"op": op, **fields})

    def __enter__(self) -> VirtualZWave:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()


class ControlError(RuntimeError):
    """The controller refused a control request."""


def _answer(line: bytes) -> dict[str, Any]:
    if not line:
        raise ControlError("the control port closed the connection")
    answer: dict[str, Any] = json.loads(line)
    if not answer.pop("ok", False):
        raise ControlError(answer.get("error", "request failed"))
    return answer


def control_request(
    host: str, port: int, request: dict[str, Any], timeout: float = 10
) -> dict[str, Any]:
    """Send one JSON request to the control port; return the answer."""
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(json.dumps(request).encode() + b"\n")
        with sock.makefile("rb") as reader:
            return _answer(reader.readline())


async def async_control_request(
    host: str, port: int, request: dict[str, Any]
) -> dict[str, Any]:
    """``control_request`` for an event loop, given up after 30 s."""
    async with asyncio.timeout(30):
        reader, writer = await asyncio.open_connection(host, port)
        try:
            writer.write(json.dumps(request).encode() + b"\n")
            await writer.drain()
            return _answer(await reader.readline())
        finally:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()
