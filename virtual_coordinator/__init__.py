"""A virtual Zigbee coordinator: an EmberZNet NCP emulator speaking EZSP over ASH."""

from .device import Endpoint, VirtualDevice
from .ncp import DEFAULT_PORT, VirtualCoordinator
from .ncp_devices import JoinResult
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
