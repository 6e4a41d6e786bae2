"""Admission through a Zigbee2MQTT bridge, over an injected MQTT client.

Zigbee2MQTT offers one request for keys, ``bridge/request/install_code/add``,
and no way to list or remove them. Its ember adapter never sets the trust
center to install-code-only: while ``permit_join`` is open, a device with only
the well-known key joins as well. So the bridge client here:

- adds the code of every pending entry, all requests in flight at once, each
  with its own ``transaction`` (N requests, not N round trips in a row);
- opens the permit with ``permit_join`` and a time, renews it before it ends
  when the window is longer than Zigbee2MQTT's 254 s, and closes it with
  ``permit_join`` time 0 (the ember adapter then clears every transient key);
- follows ``bridge/info``: its coordinator type tells the adapter, whose
  handling of codes differs (:func:`adapter_traits`). zigbee-herdsman's
  zstack adapter, like the ember one, never sets install-code-only joins;
  unlike it, ``permit_join`` time 0 leaves the codes in Z-Stack's APS key
  table, where they never expire, and no request removes one;
- follows ``bridge/devices``: a device that leaves that list (removed in
  Zigbee2MQTT) is reported, so its entry can be admitted again;
- follows ``bridge/event``: a ``device_joined`` of a provisioned device waits
  for its successful ``device_interview``, then the device is renamed to the
  entry's name and the join is reported; a joiner that is not provisioned is
  removed (``bridge/request/device/remove``) and reported. Removal comes
  after the join: Zigbee2MQTT cannot refuse a device at the trust center.

Rules:

- The install code (or link key) travels in the MQTT payload to the bridge,
  and Zigbee2MQTT echoes it in its response: that cannot be avoided. Neither
  payload is ever logged here; :class:`MqttPayloadRedactor` keeps the codes
  out of the MQTT libraries' debug logs (Home Assistant's MQTT client logs
  every payload it sends and receives).
- Zigbee2MQTT says ``bridge/state`` online before it handles requests, and
  drops requests that arrive earlier; it publishes ``bridge/devices`` right
  before it starts handling them. A request without an answer ends in
  ``z2m_timeout``; :attr:`Zigbee2MqttBridge.online` follows ``bridge/state``.
- Every payload from the bridge is parsed defensively: a malformed or hostile
  message is logged once per kind (without its content) and ignored.
- Nothing here imports Home Assistant. Time comes from an injected clock;
  outcomes go to the caller through :class:`BridgeReport` events.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
import itertools
import json
import logging
import math
import re
import time
from typing import Any, ClassVar, Protocol

from zigpy.types import EUI64

from custom_components.provisioning.core.entry import ProvisioningEntry
from custom_components.provisioning.core.errors import ProvisioningError

from .codes import InstallCode, LinkKey, parse_ieee
from .identity import ieee_of

_LOGGER = logging.getLogger(__name__)

DEFAULT_BASE_TOPIC = "zigbee2mqtt"
MAX_PERMIT_S = 254
"""Zigbee2MQTT refuses a longer ``permit_join`` (255 means "forever" to some stacks)."""
RENEW_MARGIN_S = 10.0
REQUEST_TIMEOUT_S = 10.0
MQTT_LOGGERS = (
    "homeassistant.components.mqtt.client",
    "homeassistant.components.mqtt",
    "paho.mqtt.client",
    "aiomqtt",
)
"""Loggers that may show MQTT payloads, hence an install code."""

type MessageCallback = Callable[[str, bytes | str], None]


@dataclass(frozen=True)
class AdapterTraits:
    """What a Zigbee2MQTT adapter does with install codes.

    None of them makes joins install-code-only (the trust center keeps
    accepting the well-known key while the permit is open).
    """

    name: str
    close_clears_codes: bool
    """``permit_join`` time 0 drops every code the radio holds."""
    codes_expire: bool
    """The radio forgets a code after a while (they must be added again)."""


EMBER = AdapterTraits("ember", close_clears_codes=True, codes_expire=True)
"""EmberZNet: transient keys, cleared on close, gone after 300 s."""
ZSTACK = AdapterTraits("zstack", close_clears_codes=False, codes_expire=False)
"""Z-Stack: codes in the persistent APS key table; nothing removes them."""


def adapter_traits(coordinator_type: str | None) -> AdapterTraits:
    """The traits of a bridge's adapter from ``bridge/info``'s coordinator type
    (``ZStack3x0``, ``ZStack30x``, ``ZStack12``, ``EmberZNet``...); other or
    unknown adapters are taken as EmberZNet."""
    if coordinator_type is not None and coordinator_type.lower().startswith("zstack"):
        return ZSTACK
    return EMBER


class MqttClient(Protocol):
    """The MQTT connection the bridge client uses, such as Home Assistant's own."""

    async def async_publish(self, topic: str, payload: str) -> None:
        """Publish payload on topic (QoS 1, not retained)."""

    async def async_subscribe(
        self, topic: str, callback: MessageCallback
    ) -> Callable[[], None]:
        """Call callback(topic, payload) for each message; return an unsubscriber."""


class Zigbee2MqttError(ProvisioningError):
    """A bridge request failed or got no answer.

    Translation keys: ``z2m_request_failed`` (placeholders ``request`` and
    ``error``, the bridge's own text, which never holds a code) and
    ``z2m_timeout`` (placeholder ``request``).
    """

    _MESSAGES: ClassVar[dict[str, str]] = {
        "z2m_request_failed": "Zigbee2MQTT refused the request",
        "z2m_timeout": "Zigbee2MQTT did not answer the request in time",
    }

    def __init__(self, translation_key: str, placeholders: dict[str, str]) -> None:
        """Initialize with a translation key and secret-free placeholders."""
        super().__init__(translation_key, placeholders)
        details = ", ".join(f"{k}={v}" for k, v in self.placeholders.items())
        self.args = (f"{self._MESSAGES[translation_key]} ({details})",)


@dataclass(frozen=True, slots=True)
class BridgeInfo:
    """What ``<base>/bridge/info`` says about a bridge (for discovery)."""

    base_topic: str
    version: str | None
    coordinator_ieee: EUI64 | None
    coordinator_type: str | None
    permit_join: bool


class ReportKind(StrEnum):
    """What happened on the bridge."""

    JOINED = "joined"
    """A provisioned device joined and its interview succeeded."""
    INTERVIEW_FAILED = "interview_failed"
    """A provisioned device joined but its interview failed."""
    REMOVED = "removed"
    """A device that is not provisioned joined and was removed."""
    REMOVE_FAILED = "remove_failed"
    """A device that is not provisioned joined; removing it failed."""
    LEFT = "left"
    """A device left the network."""
    GONE = "gone"
    """A device is no longer in the bridge's ``bridge/devices`` (removed in
    Zigbee2MQTT, or its network was formed anew)."""


@dataclass(frozen=True, slots=True)
class BridgeReport:
    """An outcome the caller acts on (status, event, repair, provider report)."""

    kind: ReportKind
    ieee: EUI64
    at: float
    entry: ProvisioningEntry | None = None
    manufacturer: str | None = None
    model: str | None = None
    friendly_name: str | None = None
    renamed: bool = False


@dataclass(frozen=True, slots=True)
class AddResult:
    """Which codes the bridge took in one admission."""

    added: tuple[EUI64, ...]
    failed: tuple[EUI64, ...]
    seconds: float


def install_code_value(entry: ProvisioningEntry) -> str:
    """The ``install_code/add`` value for an entry (it holds the secret).

    Zigbee2MQTT reads ``Z:<ieee>$I:<hex>``. A 16-byte link key has no CRC to
    Zigbee2MQTT, which then imports it as an already hashed key as well.
    """
    credential = entry.credential
    if isinstance(credential, InstallCode):
        secret = credential.code.hex().upper()
    else:
        assert isinstance(credential, LinkKey)
        secret = credential.key.hex().upper()
    return f"Z:{_ieee_hex(ieee_of(entry))}$I:{secret}"


def _ieee_hex(ieee: EUI64) -> str:
    return str(ieee).replace(":", "").upper()


def z2m_ieee(ieee: EUI64) -> str:
    """Zigbee2MQTT's form of an IEEE address: ``0x`` and 16 lower-case digits."""
    return "0x" + _ieee_hex(ieee).lower()


def _decode(payload: bytes | str) -> Any:
    if isinstance(payload, bytes):
        payload = payload.decode("utf-8")
    return json.loads(payload)


def parse_bridge_info(base_topic: str, payload: bytes | str) -> BridgeInfo | None:
    """Parse ``<base>/bridge/info``; None when it is not a bridge's info."""
    try:
        data = _decode(payload)
    except UnicodeDecodeError, ValueError:
        return None
    if not isinstance(data, dict):
        return None
    coordinator = data.get("coordinator")
    ieee: EUI64 | None = None
    kind: str | None = None
    if isinstance(coordinator, dict):
        ieee = _parse_ieee(coordinator.get("ieee_address"))
        kind = (
            coordinator.get("type")
            if isinstance(coordinator.get("type"), str)
            else None
        )
    version = data.get("version")
    return BridgeInfo(
        base_topic=base_topic,
        version=version if isinstance(version, str) else None,
        coordinator_ieee=ieee,
        coordinator_type=kind,
        permit_join=data.get("permit_join") is True,
    )


_IEEE_FORM = re.compile(r"0x[0-9a-fA-F]{16}")


def _parse_ieee(value: Any) -> EUI64 | None:
    if not isinstance(value, str) or not _IEEE_FORM.fullmatch(value):
        return None
    return parse_ieee(value)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and len(value) <= 256 else None


@dataclass
class _Joiner:
    entry: ProvisioningEntry
    joined_at: float


class MqttPayloadRedactor(logging.Filter):
    """Replace known code values in MQTT log records; never drops a record."""

    def __init__(self) -> None:
        """Initialize with no secrets."""
        super().__init__()
        self._secrets: set[str] = set()
        self._pattern: re.Pattern[str] | None = None

    def add(self, secrets: Iterable[str]) -> None:
        """Start redacting these hex strings, in any case."""
        self._secrets.update(s.lower() for s in secrets if s)
        if self._secrets:
            longest_first = sorted(self._secrets, key=len, reverse=True)
            self._pattern = re.compile(
                "|".join(map(re.escape, longest_first)), re.IGNORECASE
            )

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record when it shows a secret."""
        if self._pattern is None:
            return True
        try:
            message = record.getMessage()
        except TypeError, ValueError:
            # a malformed call: the handler reports it, with its arguments redacted
            if isinstance(record.args, tuple):
                record.args = tuple(
                    self._pattern.sub("**REDACTED**", str(a)) for a in record.args
                )
            return True
        redacted = self._pattern.sub("**REDACTED**", message)
        if redacted != message:
            record.msg = redacted
            record.args = ()
        return True


REDACTOR = MqttPayloadRedactor()


def redact_mqtt_secrets(entries: Iterable[ProvisioningEntry]) -> None:
    """Keep these entries' codes out of the MQTT loggers from now on."""
    secrets = [install_code_value(e).rpartition("$I:")[2] for e in entries]
    REDACTOR.add(secrets)
    for name in MQTT_LOGGERS:
        logger = logging.getLogger(name)
        if REDACTOR not in logger.filters:
            logger.addFilter(REDACTOR)


class Zigbee2MqttBridge:
    """One Zigbee2MQTT bridge, seen through its base topic."""

    def __init__(
        self,
        client: MqttClient,
        *,
        base_topic: str = DEFAULT_BASE_TOPIC,
        lookup: Callable[[EUI64], ProvisioningEntry | None],
        listener: Callable[[BridgeReport], None],
        clock: Callable[[], float] = time.monotonic,
        request_timeout: float = REQUEST_TIMEOUT_S,
    ) -> None:
        """Bridge client.

        ``lookup(ieee)`` returns the entry a joiner may join as, or None when
        it is not provisioned (absent, revoked): such a joiner is removed.
        ``listener`` gets every :class:`BridgeReport`; its errors are logged.
        """
        self._client = client
        self.base_topic = base_topic.rstrip("/")
        self._lookup = lookup
        self._listener = listener
        self._clock = clock
        self._request_timeout = request_timeout
        self._transactions = itertools.count(1)
        self._prefix = f"p{id(self) & 0xFFFFFF:x}-"
        self._pending: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self._unsubscribers: list[Callable[[], None]] = []
        self._joiners: dict[EUI64, _Joiner] = {}
        self._removing: set[EUI64] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._warned: set[str] = set()
        self._permit_until: float | None = None
        self._window_until: float | None = None
        self._devices: frozenset[EUI64] | None = None
        self.online = False
        """What ``bridge/state`` last said (its will says offline)."""
        self.adapter = EMBER
        """The adapter's traits, from the coordinator type in ``bridge/info``."""

    # ------------------------------------------------------------------
    # Life cycle
    # ------------------------------------------------------------------
    async def async_start(self) -> None:
        """Subscribe to the bridge's responses and events."""
        base = self.base_topic
        self._unsubscribers.append(
            await self._client.async_subscribe(
                f"{base}/bridge/response/#", self._on_response
            )
        )
        self._unsubscribers.append(
            await self._client.async_subscribe(f"{base}/bridge/event", self._on_event)
        )
        self._unsubscribers.append(
            await self._client.async_subscribe(f"{base}/bridge/state", self._on_state)
        )
        self._unsubscribers.append(
            await self._client.async_subscribe(
                f"{base}/bridge/devices", self._on_devices
            )
        )
        self._unsubscribers.append(
            await self._client.async_subscribe(f"{base}/bridge/info", self._on_info)
        )

    async def async_stop(self) -> None:
        """Unsubscribe, fail pending requests and end background tasks."""
        for unsubscribe in self._unsubscribers:
            unsubscribe()
        self._unsubscribers.clear()
        for future in self._pending.values():
            if not future.done():
                future.cancel()
        self._pending.clear()
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    # ------------------------------------------------------------------
    # Requests
    # ------------------------------------------------------------------
    async def async_request(self, name: str, payload: dict[str, Any]) -> dict[str, Any]:
        """Publish ``bridge/request/<name>`` and return the response's data."""
        transaction = f"{self._prefix}{next(self._transactions)}"
        future: asyncio.Future[dict[str, Any]] = (
            asyncio.get_running_loop().create_future()
        )
        self._pending[transaction] = future
        try:
            await self._client.async_publish(
                f"{self.base_topic}/bridge/request/{name}",
                json.dumps(payload | {"transaction": transaction}),
            )
            async with asyncio.timeout(self._request_timeout):
                response = await future
        except TimeoutError:
            raise Zigbee2MqttError("z2m_timeout", {"request": name}) from None
        finally:
            self._pending.pop(transaction, None)
        if response.get("status") != "ok":
            error = _text(response.get("error")) or "unknown"
            raise Zigbee2MqttError(
                "z2m_request_failed", {"request": name, "error": error}
            )
        data = response.get("data")
        return data if isinstance(data, dict) else {}

    async def async_add_codes(self, entries: Sequence[ProvisioningEntry]) -> AddResult:
        """Give the bridge every entry's code, all requests in flight at once."""
        redact_mqtt_secrets(entries)
        start = self._clock()
        results = await asyncio.gather(
            *(
                self.async_request("install_code/add", {"value": install_code_value(e)})
                for e in entries
            ),
            return_exceptions=True,
        )
        added: list[EUI64] = []
        failed: list[EUI64] = []
        for entry, result in zip(entries, results, strict=True):
            if isinstance(result, BaseException):
                if not isinstance(result, Zigbee2MqttError):
                    raise result
                _LOGGER.warning(
                    "Zigbee2MQTT did not take the code of %s: %s", entry.device, result
                )
                failed.append(ieee_of(entry))
            else:
                added.append(ieee_of(entry))
        return AddResult(tuple(added), tuple(failed), self._clock() - start)

    async def async_permit(self, seconds: float | None) -> None:
        """Let devices join for seconds (None: until closed); renewed by
        ``async_maintain`` past Zigbee2MQTT's longest permit."""
        now = self._clock()
        self._window_until = math.inf if seconds is None else now + seconds
        await self._send_permit(now)

    async def _send_permit(self, now: float) -> None:
        assert self._window_until is not None
        remaining = self._window_until - now
        time_s = MAX_PERMIT_S if remaining >= MAX_PERMIT_S else max(1, round(remaining))
        await self.async_request("permit_join", {"time": time_s})
        self._permit_until = now + time_s

    async def async_maintain(self) -> bool:
        """Renew the permit when it ends before the window; True when renewed."""
        if self._window_until is None or self._permit_until is None:
            return False
        now = self._clock()
        if (
            self._permit_until < self._window_until
            and self._permit_until - now <= RENEW_MARGIN_S
        ):
            await self._send_permit(now)
            return True
        return False

    async def async_close(self) -> None:
        """End joins: ``permit_join`` time 0 (an EmberZNet radio then drops
        every transient key; Z-Stack keeps its codes)."""
        self.forget_permit()
        await self.async_request("permit_join", {"time": 0})

    async def async_clear_keys(self) -> None:
        """``permit_join`` time 0, to clear every code where the adapter does
        (``adapter.close_clears_codes``); the window's end is kept for the
        ``async_permit`` that follows."""
        self._permit_until = None
        await self.async_request("permit_join", {"time": 0})

    def forget_permit(self) -> None:
        """Forget the window without a word to the bridge."""
        self._window_until = self._permit_until = None

    async def async_rename(self, ieee: EUI64, name: str) -> None:
        """Rename a device (``bridge/request/device/rename``)."""
        await self.async_request("device/rename", {"from": z2m_ieee(ieee), "to": name})

    async def async_remove(self, ieee: EUI64) -> None:
        """Remove a device from the network (``bridge/request/device/remove``)."""
        await self.async_request("device/remove", {"id": z2m_ieee(ieee)})

    # ------------------------------------------------------------------
    # Incoming messages
    # ------------------------------------------------------------------
    def _warn_once(self, kind: str) -> None:
        if kind not in self._warned:
            self._warned.add(kind)
            _LOGGER.warning("Ignoring a malformed Zigbee2MQTT message (%s)", kind)

    def _on_state(self, topic: str, payload: bytes | str) -> None:
        try:
            data = _decode(payload)
        except UnicodeDecodeError, ValueError:
            data = payload  # Zigbee2MQTT 1.x: a bare "online" / "offline"
        if isinstance(data, dict):
            data = data.get("state")
        if isinstance(data, bytes):
            data = data.decode("utf-8", "replace")
        if data in ("online", "offline"):
            self.online = data == "online"
        else:
            self._warn_once("state: unknown")

    def _on_info(self, topic: str, payload: bytes | str) -> None:
        info = parse_bridge_info(self.base_topic, payload)
        if info is None:
            self._warn_once("info: not an object")
            return
        if info.coordinator_type is not None:
            self.adapter = adapter_traits(info.coordinator_type)

    def _on_devices(self, topic: str, payload: bytes | str) -> None:
        """Report the devices that left ``bridge/devices`` since its last copy.

        The first copy (retained, at subscription) is only remembered: what the
        bridge lost while nobody listened is not known.
        """
        try:
            data = _decode(payload)
        except UnicodeDecodeError, ValueError:
            self._warn_once("devices: not JSON")
            return
        if not isinstance(data, list):
            self._warn_once("devices: not a list")
            return
        devices = frozenset(
            ieee
            for item in data
            if isinstance(item, dict)
            and (ieee := _parse_ieee(item.get("ieee_address"))) is not None
        )
        previous, self._devices = self._devices, devices
        if previous is None:
            return
        now = self._clock()
        for ieee in sorted(previous - devices, key=str):
            self._joiners.pop(ieee, None)
            self._report(BridgeReport(ReportKind.GONE, ieee, now))

    def _on_response(self, topic: str, payload: bytes | str) -> None:
        try:
            data = _decode(payload)
        except UnicodeDecodeError, ValueError:
            self._warn_once("response: not JSON")
            return
        if not isinstance(data, dict):
            self._warn_once("response: not an object")
            return
        transaction = data.get("transaction")
        if not isinstance(transaction, str) or not transaction.startswith(self._prefix):
            return  # someone else's request
        future = self._pending.get(transaction)
        if future is not None and not future.done():
            future.set_result(data)

    def _on_event(self, topic: str, payload: bytes | str) -> None:
        try:
            data = _decode(payload)
        except UnicodeDecodeError, ValueError:
            self._warn_once("event: not JSON")
            return
        if not isinstance(data, dict) or not isinstance(data.get("data"), dict):
            self._warn_once("event: not an object")
            return
        kind, body = data.get("type"), data["data"]
        ieee = _parse_ieee(body.get("ieee_address"))
        if ieee is None:
            if kind in ("device_joined", "device_interview", "device_leave"):
                self._warn_once(f"{kind}: no valid ieee_address")
            return
        if kind == "device_joined":
            self._on_joined(ieee)
        elif kind == "device_interview":
            self._on_interview(ieee, body)
        elif kind == "device_leave":
            self._joiners.pop(ieee, None)
            self._report(BridgeReport(ReportKind.LEFT, ieee, self._clock()))

    def _on_joined(self, ieee: EUI64) -> None:
        if ieee in self._joiners:
            return  # a rejoin before the interview ended
        entry = self._lookup(ieee)
        if entry is None:
            if ieee not in self._removing:  # a repeated event: one removal
                _LOGGER.info("Removing %s, which is not provisioned", ieee)
                self._removing.add(ieee)
                self._spawn(self._remove_intruder(ieee))
            return
        self._joiners[ieee] = _Joiner(entry, self._clock())

    def _on_interview(self, ieee: EUI64, body: dict[str, Any]) -> None:
        status = body.get("status")
        if status not in ("successful", "failed"):
            return
        joiner = self._joiners.pop(ieee, None)
        if joiner is None:
            entry = self._lookup(ieee)
            if entry is None:
                return  # not provisioned: removed at its join
            joiner = _Joiner(entry, self._clock())
        if status == "failed":
            self._report(
                BridgeReport(
                    ReportKind.INTERVIEW_FAILED, ieee, self._clock(), joiner.entry
                )
            )
            return
        definition = body.get("definition")
        definition = definition if isinstance(definition, dict) else {}
        self._spawn(
            self._finish_join(
                joiner.entry,
                manufacturer=_text(definition.get("vendor")),
                model=_text(definition.get("model")),
                friendly_name=_text(body.get("friendly_name")),
            )
        )

    async def _finish_join(
        self,
        entry: ProvisioningEntry,
        *,
        manufacturer: str | None,
        model: str | None,
        friendly_name: str | None,
    ) -> None:
        renamed = False
        if entry.name and entry.name != friendly_name:
            try:
                await self.async_rename(ieee_of(entry), entry.name)
            except Zigbee2MqttError as err:
                _LOGGER.warning("Could not rename %s: %s", entry.device, err)
            else:
                renamed, friendly_name = True, entry.name
        self._report(
            BridgeReport(
                ReportKind.JOINED,
                ieee_of(entry),
                self._clock(),
                entry,
                manufacturer=manufacturer,
                model=model,
                friendly_name=friendly_name,
                renamed=renamed,
            )
        )

    async def _remove_intruder(self, ieee: EUI64) -> None:
        try:
            await self.async_remove(ieee)
        except Zigbee2MqttError as err:
            _LOGGER.warning("Could not remove %s: %s", ieee, err)
            kind = ReportKind.REMOVE_FAILED
        else:
            kind = ReportKind.REMOVED
        finally:
            self._removing.discard(ieee)
        self._report(BridgeReport(kind, ieee, self._clock()))

    def _report(self, report: BridgeReport) -> None:
        try:
            self._listener(report)
        except Exception:
            _LOGGER.exception("A Zigbee2MQTT report listener failed")

    def _spawn(self, coro: Awaitable[None]) -> None:
        async def run() -> None:
            try:
                await coro
            except asyncio.CancelledError:
                raise
            except Exception:
                _LOGGER.exception("A Zigbee2MQTT bridge task failed")

        task = asyncio.get_running_loop().create_task(run())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


__all__ = [
    "DEFAULT_BASE_TOPIC",
    "MAX_PERMIT_S",
    "AddResult",
    "BridgeInfo",
    "BridgeReport",
    "MqttClient",
    "MqttPayloadRedactor",
    "ReportKind",
    "Zigbee2MqttBridge",
    "Zigbee2MqttError",
    "install_code_value",
    "parse_bridge_info",
    "redact_mqtt_secrets",
    "z2m_ieee",
]
