"""A real Mosquitto and a real Zigbee2MQTT, run against the virtual coordinator.

- Zigbee2MQTT is installed with ``npm ci`` from the committed ``package.json``
  and ``package-lock.json`` beside this file, once, into
  ``.cache/zigbee2mqtt/<version>-<lock digest>/`` (a file lock keeps parallel
  runs from installing twice).
- Mosquitto listens on 127.0.0.1 only, on a free port; Zigbee2MQTT reaches
  the virtual coordinator over ``tcp://``: its EZSP 13 personality with
  ``adapter: ember``, its Z-Stack one with ``adapter: zstack``.
- Everything is stopped at the end, also when a test fails; readiness is a
  condition (a connection, a retained ``bridge/state``), never a fixed delay.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
import contextlib
from dataclasses import dataclass
import json
import os
import pathlib
import signal
import socket
import subprocess
from typing import Any

import aiomqtt

from tests.npm_cache import npm_ci

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
Z2M_VERSION = "2.14.1"
MOSQUITTO_PATHS = ("/usr/sbin/mosquitto", "/usr/bin/mosquitto")
BASE = "zigbee2mqtt"
RETAINED = ("bridge/state", "bridge/info", "bridge/devices")


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def install_zigbee2mqtt() -> pathlib.Path:
    """Install the pinned Zigbee2MQTT once; return its ``index.js``."""
    target = npm_ci(
        "zigbee2mqtt",
        Z2M_VERSION,
        [HERE / "package.json", HERE / "package-lock.json"],
    )
    return target / "node_modules" / "zigbee2mqtt" / "index.js"


def _stop(process: subprocess.Popen[bytes], timeout: float = 10) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def mosquitto(workdir: pathlib.Path) -> Any:
    """Run Mosquitto on 127.0.0.1 and a free port; yield the port."""
    binary = next((p for p in MOSQUITTO_PATHS if pathlib.Path(p).exists()), None)
    if binary is None:
        raise RuntimeError("mosquitto is not installed; run ./scripts/setup")
    port = free_port()
    config = workdir / "mosquitto.conf"
    config.write_text(
        f"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\n"
        "log_dest stderr\n"
    )
    log = (workdir / "mosquitto.log").open("wb")
    process = subprocess.Popen(
        [binary, "-c", str(config)], stdout=log, stderr=subprocess.STDOUT
    )
    try:
        yield port
    finally:
        _stop(process)
        log.close()


async def wait_for_broker(port: int, timeout: float = 10) -> None:
    """Wait until the broker accepts TCP connections."""
    async with asyncio.timeout(timeout):
        delay = 0.01
        while True:
            try:
                _reader, writer = await asyncio.open_connection("127.0.0.1", port)
            except OSError:
                await asyncio.sleep(delay)  # retry back-off, not a wait for a result
                delay = min(delay * 2, 0.2)
                continue
            writer.close()
            await writer.wait_closed()
            return


@dataclass
class Message:
    """One MQTT message as received."""

    topic: str
    payload: bytes

    def json(self) -> Any:
        return json.loads(self.payload)


class MqttRecorder:
    """An aiomqtt connection: the ``MqttClient`` of the bridge client, and a
    recorder of every message under the base topic for the tests to wait on."""

    def __init__(self, client: aiomqtt.Client, base_topic: str = BASE) -> None:
        self.client = client
        self.base_topic = base_topic
        self.messages: list[Message] = []
        self._changed = asyncio.Event()
        self._callbacks: list[tuple[str, Callable[[str, bytes | str], None]]] = []
        self.published: list[tuple[str, str]] = []

    async def async_publish(self, topic: str, payload: str) -> None:
        self.published.append((topic, payload))
        await self.client.publish(topic, payload, qos=1)

    async def async_subscribe(
        self, topic: str, callback: Callable[[str, bytes | str], None]
    ) -> Callable[[], None]:
        item = (topic, callback)
        self._callbacks.append(item)
        if not topic.startswith(f"{self.base_topic}/"):
            await self.client.subscribe(topic, qos=1)
        else:
            # Under the base topic already (a second subscription would make
            # the broker deliver each message twice): hand over the last
            # message of a topic Zigbee2MQTT retains, as the broker would.
            last = [m for m in self.messages if m.topic == topic]
            if topic.removeprefix(f"{self.base_topic}/") in RETAINED and last:
                callback(topic, last[-1].payload)
        return lambda: self._callbacks.remove(item)

    async def request(self, name: str, payload: dict[str, Any]) -> dict[str, Any]:
        """A raw bridge request; return the response with its transaction."""
        transaction = f"test-{len(self.published)}"
        start = len(self.messages)
        await self.async_publish(
            f"{self.base_topic}/bridge/request/{name}",
            json.dumps(payload | {"transaction": transaction}),
        )
        message = await self.wait_for(
            f"{self.base_topic}/bridge/response/{name}",
            lambda data: data.get("transaction") == transaction,
            start=start,
        )
        return dict(message.json())

    async def run(self) -> None:
        async for message in self.client.messages:
            payload = message.payload
            data = payload if isinstance(payload, bytes) else str(payload).encode()
            topic = str(message.topic)
            self.messages.append(Message(topic, data))
            self._changed.set()
            for pattern, callback in list(self._callbacks):
                if message.topic.matches(pattern):
                    callback(topic, data)

    async def wait_for(
        self,
        topic: str,
        predicate: Callable[[Any], bool] = lambda _data: True,
        *,
        start: int = 0,
        timeout: float = 30,
    ) -> Message:
        """Wait for a JSON message on topic (from index start) matching predicate."""
        async with asyncio.timeout(timeout):
            index = start
            while True:
                while index < len(self.messages):
                    message = self.messages[index]
                    index += 1
                    if message.topic != topic:
                        continue
                    with contextlib.suppress(ValueError):
                        if predicate(message.json()):
                            return message
                self._changed.clear()
                await self._changed.wait()

    def events(self, kind: str, ieee: str | None = None) -> list[dict[str, Any]]:
        found = []
        for message in self.messages:
            if message.topic != f"{self.base_topic}/bridge/event":
                continue
            data = message.json()
            if data.get("type") == kind and (
                ieee is None or data["data"].get("ieee_address") == ieee
            ):
                found.append(data)
        return found


@contextlib.asynccontextmanager
async def mqtt_recorder(
    port: int, base_topic: str = BASE
) -> AsyncIterator[MqttRecorder]:
    """Connect to the broker and record everything under the base topic."""
    await wait_for_broker(port)
    async with aiomqtt.Client(
        "127.0.0.1", port, identifier=f"tests-{base_topic}"
    ) as client:
        recorder = MqttRecorder(client, base_topic)
        await client.subscribe(f"{base_topic}/#", qos=1)
        task = asyncio.create_task(recorder.run())
        try:
            yield recorder
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, aiomqtt.MqttError):
                await task


class Zigbee2Mqtt:
    """One Zigbee2MQTT process with its data directory."""

    def __init__(
        self,
        index: pathlib.Path,
        data_dir: pathlib.Path,
        base_topic: str = BASE,
        *,
        adapter: str = "ember",
    ) -> None:
        self.index = index
        self.data_dir = data_dir
        self.base_topic = base_topic
        self.adapter = adapter
        self.process: asyncio.subprocess.Process | None = None
        self.starts = 0

    def configure(self, mqtt_port: int, coordinator_url: str) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        config = self.data_dir / "configuration.yaml"
        if config.exists():
            return  # Zigbee2MQTT has written its network settings into it
        config.write_text(
            "version: 5\n"
            "homeassistant: {enabled: false}\n"
            "frontend: {enabled: false}\n"
            f"mqtt: {{base_topic: {self.base_topic}, "
            f"server: 'mqtt://127.0.0.1:{mqtt_port}'}}\n"
            f"serial: {{port: '{coordinator_url}', adapter: {self.adapter}}}\n"
            "advanced: {log_level: debug, channel: 15, log_output: [console]}\n"
        )

    @property
    def log_path(self) -> pathlib.Path:
        return self.data_dir / f"console-{self.starts}.log"

    async def start(self, recorder: MqttRecorder, timeout: float = 60) -> None:
        """Start it and wait until it handles bridge requests."""
        self.starts += 1
        start = len(recorder.messages)
        env = os.environ | {
            "ZIGBEE2MQTT_DATA": str(self.data_dir),
            "Z2M_ONBOARD_NO_SERVER": "1",
        }
        with self.log_path.open("wb") as log:
            self.process = await asyncio.create_subprocess_exec(
                "node",
                str(self.index),
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.data_dir,
            )
        process = self.process
        ready = asyncio.ensure_future(self._ready(recorder, start, timeout))
        exited = asyncio.ensure_future(process.wait())
        try:
            await asyncio.wait({ready, exited}, return_when=asyncio.FIRST_COMPLETED)
        except BaseException:
            ready.cancel()
            raise
        finally:
            exited.cancel()
        if not ready.done():
            # It exited before coming online: say so now, not at the timeout
            ready.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await ready
            raise AssertionError(
                "Zigbee2MQTT exited before coming online:\n"
                + self.log_path.read_text()[-4000:]
            )
        try:
            ready.result()
        except TimeoutError:
            raise AssertionError(
                "Zigbee2MQTT did not come online:\n" + self.log_path.read_text()[-4000:]
            ) from None

    async def _ready(self, recorder: MqttRecorder, start: int, timeout: float) -> None:
        await recorder.wait_for(
            f"{self.base_topic}/bridge/state",
            lambda data: data.get("state") == "online",
            start=start,
            timeout=timeout,
        )
        # Online comes before the bridge handles requests: it publishes its
        # devices right before it subscribes to them, and drops any earlier.
        await recorder.wait_for(
            f"{self.base_topic}/bridge/devices", start=start, timeout=timeout
        )

    async def stop(self, timeout: float = 15) -> None:
        """SIGTERM, then wait (the event loop keeps serving the coordinator,
        which Zigbee2MQTT talks to while it shuts down); kill if it hangs."""
        process, self.process = self.process, None
        if process is None or process.returncode is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            async with asyncio.timeout(timeout):
                await process.wait()
        except TimeoutError:
            process.kill()
            await process.wait()

    def log(self) -> str:
        return self.log_path.read_text() if self.log_path.exists() else ""
