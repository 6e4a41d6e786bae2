"""A virtual Zigbee coordinator: one network model, EZSP and Z-Stack front-ends.

``network`` is the radio-independent model (trust center, devices, joins,
record); ``ezsp`` emulates an EmberZNet NCP (EZSP over ASH) and ``znp`` a TI
Z-Stack coordinator (MT), both on that model. ``VirtualCoordinator`` is the
EZSP one.
"""

from .ezsp import DEFAULT_PORT, VirtualCoordinator
from .network.device import Endpoint, VirtualDevice
from .network.joins import JoinResult
from .network.record import Event, Record
from .network.trust_center import TrustCenter

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
