"""Change listeners."""

from __future__ import annotations

from collections.abc import Callable
import logging

_LOGGER = logging.getLogger(__name__)


class Listeners:
    """Callbacks without arguments, called when something changed."""

    def __init__(self, owner: str) -> None:
        """Initialize; owner names the source in logs."""
        self._owner = owner
        self._callbacks: list[Callable[[], None]] = []

    def add(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Add a callback; return the function that removes it."""
        self._callbacks.append(callback)

        def remove() -> None:
            if callback in self._callbacks:
                self._callbacks.remove(callback)

        return remove

    def notify(self) -> None:
        """Call every callback; one failing does not stop the others."""
        for callback in list(self._callbacks):
            try:
                callback()
            except Exception:
                _LOGGER.exception("Error in a listener of %s", self._owner)
