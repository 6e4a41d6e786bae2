"""Z-Stack 3.x personality of the virtual coordinator (MT over UART framing)."""

from .coordinator import DEFAULT_PORT, ZnpCoordinator

__all__ = ["DEFAULT_PORT", "ZnpCoordinator"]
