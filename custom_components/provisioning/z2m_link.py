"""The MQTT transport of the Zigbee2MQTT bridge client: Home Assistant's own MQTT.

:class:`~.core.z2m.Zigbee2MqttBridge` takes any :class:`~.core.z2m.MqttClient`;
this adapter gives it the connection of Home Assistant's MQTT integration, so
a Zigbee2MQTT network needs no broker settings of its own.

Rules:

- Requests are published with QoS 1 and never retained: a retained request
  would be carried out again by every Zigbee2MQTT start.
- A subscription returns once the broker acknowledged it (Home Assistant
  batches subscriptions after a short cooldown, while a publish goes out at
  once): a request sent earlier could get its answer before anyone listens.
- Subscriptions ask for raw bytes (``encoding=None``); the bridge client
  decodes and checks every payload itself.
- Payloads are never logged here. A request to add a code carries the code:
  :func:`~.core.z2m.redact_mqtt_secrets` keeps it out of the MQTT
  integration's debug log.
- ``mqtt`` is an after-dependency of this integration, not a dependency: a ZHA
  network never needs it, so it is imported here only.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
import logging

from homeassistant.components import mqtt
from homeassistant.core import HomeAssistant, callback

from .core.zigbee.z2m import BridgeInfo, MessageCallback, parse_bridge_info

_LOGGER = logging.getLogger(__name__)

QOS = 1
SUBSCRIBE_TIMEOUT_S = 10.0
BRIDGE_INFO = "+/bridge/info"
BRIDGE_SCAN_S = 1.0
"""How long the user step listens for retained bridge infos after subscribing."""


class HassMqttClient:
    """The bridge client's MQTT connection, over Home Assistant's MQTT."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Adapter over the MQTT integration of hass (set up by the caller)."""
        self._hass = hass

    async def async_publish(self, topic: str, payload: str) -> None:
        """Publish payload on topic, QoS 1, not retained."""
        await mqtt.async_publish(self._hass, topic, payload, qos=QOS, retain=False)

    async def async_subscribe(
        self, topic: str, callback_: MessageCallback
    ) -> Callable[[], None]:
        """Call callback_(topic, payload bytes) for each message on topic."""

        @callback
        def _received(message: mqtt.ReceiveMessage) -> None:
            payload = message.payload
            if isinstance(payload, bytearray):
                payload = bytes(payload)
            callback_(message.topic, payload)

        done = asyncio.Event()
        unsubscribe = await mqtt.async_subscribe(
            self._hass, topic, _received, qos=QOS, encoding=None
        )
        stop_waiting = mqtt.async_on_subscribe_done(self._hass, topic, QOS, done.set)
        try:
            async with asyncio.timeout(SUBSCRIBE_TIMEOUT_S):
                await done.wait()
        except TimeoutError:
            # requests on it then end in z2m_timeout, which callers report
            _LOGGER.warning(
                "The MQTT broker did not confirm a subscription to %s", topic
            )
        finally:
            stop_waiting()
        return unsubscribe


async def async_mqtt_ready(hass: HomeAssistant) -> bool:
    """Return whether Home Assistant's MQTT client is set up and connected."""
    return await mqtt.async_wait_for_mqtt_client(hass)


async def async_find_bridges(hass: HomeAssistant) -> list[BridgeInfo]:
    """The Zigbee2MQTT bridges whose retained ``<base>/bridge/info`` the broker has.

    Empty when Home Assistant's MQTT is not set up. The broker replays retained
    messages right after it acknowledges the subscription; they are collected
    for :data:`BRIDGE_SCAN_S` after that.
    """
    if not await async_mqtt_ready(hass):
        return []
    found: dict[str, BridgeInfo] = {}

    def _received(topic: str, payload: bytes | str) -> None:
        base_topic = topic.removesuffix("/bridge/info")
        info = parse_bridge_info(base_topic, payload)
        if info is not None and info.coordinator_ieee is not None:
            found[base_topic] = info

    unsubscribe = await HassMqttClient(hass).async_subscribe(BRIDGE_INFO, _received)
    try:
        await asyncio.sleep(
            BRIDGE_SCAN_S
        )  # a listening window, not a wait for a result
    finally:
        unsubscribe()
    return [found[base] for base in sorted(found)]
