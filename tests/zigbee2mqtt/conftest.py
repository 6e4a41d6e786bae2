"""Fixtures: Zigbee2MQTT (installed once), Mosquitto and a virtual coordinator
(EZSP 13, or Z-Stack 3.30), all on 127.0.0.1 and stopped at the end of each
test."""

from __future__ import annotations

from tests.zigbee2mqtt.fixtures import (  # noqa: F401
    broker_port,
    coordinator13,
    mqtt,
    z2m,
    z2m_index,
    z2m_znp,
    znp,
)
