"""Helpers shared by the services, entities and the panel.

- Opening and closing windows: the helpers take any object with an
  ``admission`` (the coordinator, in practice) and use nothing else of it, so
  they import no coordinator.
- Validating numbers: every integer field of a panel command is checked with
  ``strict_int``, of a service with ``coerce_strict_int`` (which also takes
  the number's text); both refuse booleans, which ``int`` and
  ``vol.Coerce(int)`` take for 0 and 1.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

import probatio as vol

from .errors import radio_errors

if TYPE_CHECKING:
    from .admission import Admission
    from .core import WindowResult


def strict_int(value: Any) -> int:
    """Return an integer; refuse booleans and anything else (panel commands)."""
    if isinstance(value, bool):
        raise vol.Invalid("expected an integer, got a boolean")
    if isinstance(value, int):
        return value
    raise vol.Invalid("expected an integer")


def coerce_strict_int(value: Any) -> int:
    """Return an integer from a number or its text (services); refuse booleans.

    An integral number (``60`` or ``60.0``) or its decimal text (``"60"``) is
    taken; a fraction, a boolean or other text is refused.
    """
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdecimal():
        return int(value.strip())
    return strict_int(value)


class HasAdmission(Protocol):
    """What the helpers use of a coordinator."""

    @property
    def admission(self) -> Admission:
        """Return the coordinator's admission."""


async def async_start_pairing(coordinator: HasAdmission, duration: int) -> WindowResult:
    """Open a join window."""
    with radio_errors():
        return await coordinator.admission.async_start(duration)


async def async_stop_pairing(coordinator: HasAdmission) -> None:
    """Close the join window (and turn continuous admission off)."""
    with radio_errors():
        await coordinator.admission.async_stop()


async def async_set_continuous(coordinator: HasAdmission, enabled: bool) -> None:
    """Turn continuous admission on or off."""
    with radio_errors():
        await coordinator.admission.async_set_continuous(enabled)
