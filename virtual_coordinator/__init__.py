"""A virtual Zigbee coordinator: an EmberZNet NCP emulator speaking EZSP over ASH."""

from .device import Endpoint, VirtualDevice
from .ncp import DEFAULT_PORT, JoinResult, VirtualCoordinator
from .trust_center import Event, Record, TrustCenter

__all__ = [
    "DEFAULT_PORT",
    "Endpoint",
    "Event",
    "JoinResult",
    "Record",
    "TrustCenter",
    "VirtualCoordinator",
    "VirtualDevice",
]
