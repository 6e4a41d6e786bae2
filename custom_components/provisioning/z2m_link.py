"""The MQTT transport of the Zigbee2MQTT bridge client: Home Assistant's own MQTT.

:class:`~.core.z2m.Zigbee2MqttBridge` takes any :class:`~.core.z2m.MqttClient`;
this adapter gives it the connection of Home Assistant's MQTT integration, so
a Zigbee2MQTT network needs no broker settings of its own.

Rules:

- Requests are published with QoS 1 and never retained: a retained request
  would be carried out again by every Zigbee2MQTT start.
- Subscriptions ask for raw bytes (``encoding=None``); the bridge client
  decodes and checks every payload itself.
- Payloads are never logged here. A request to add a code carries the code:
  :func:`~.core.z2m.redact_mqtt_secrets` keeps it out of the MQTT
  integration's debug log.
- ``mqtt`` is an after-dependency of this integration, not a dependency: a ZHA
  network never needs it, so it is imported here only.
"""

from __future__ import annotations

from collections.abc import Callable

from homeassistant.components import mqtt
from homeassistant.core import HomeAssistant, callback

from .core.z2m import MessageCallback


class HassMqttClient:
    """The bridge client's MQTT connection, over Home Assistant's MQTT."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Adapter over the MQTT integration of hass (set up by the caller)."""
        self._hass = hass

    async def async_publish(self, topic: str, payload: str) -> None:
        """Publish payload on topic, QoS 1, not retained."""
        await mqtt.async_publish(self._hass, topic, payload, qos=1, retain=False)

    async def async_subscribe(
        self, topic: str, callback_: MessageCallback
    ) -> Callable[[], None]:
        """Call callback_(topic, payload bytes) for each message on topic."""

        @callback
        def _received(message: mqtt.ReceiveMessage) -> None:
            callback_(message.topic, message.payload)

        return await mqtt.async_subscribe(
            self._hass, topic, _received, qos=1, encoding=None
        )


async def async_mqtt_ready(hass: HomeAssistant) -> bool:
    """Return whether Home Assistant's MQTT client is set up and connected."""
    return await mqtt.async_wait_for_mqtt_client(hass)
