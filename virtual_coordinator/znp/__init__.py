"""Z-Stack 3.x personality of the virtual coordinator (MT over UART framing)."""

from virtual_coordinator.listener import DEFAULT_PORT

from .coordinator import ZnpCoordinator

__all__ = ["DEFAULT_PORT", "ZnpCoordinator"]
