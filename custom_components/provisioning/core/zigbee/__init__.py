"""Zigbee behind the technology-neutral list: IEEE addresses, install codes,
link keys, Zigbee labels, and the radio adapters (EZSP, Z-Stack, zigpy,
Zigbee2MQTT).

Rules:

- Everything that knows an ``EUI64``, an install code, a link key or a trust
  center lives here; the generic modules of ``core`` import nothing from this
  package, and this package imports them (never the other way round).
- Nothing here imports Home Assistant.
- bellows' internals are reached from ``bellows_internals`` alone.
- The zigpy adapters remove a device through ``removal``, which also stops
  the interview zigpy starts for it.
"""
