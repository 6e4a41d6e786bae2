"""EmberZNet personality: an NCP speaking EZSP over ASH (for bellows and zigbee-herdsman)."""

from .coordinator import DEFAULT_PORT, VirtualCoordinator

__all__ = ["DEFAULT_PORT", "VirtualCoordinator"]
