"""A DSK typed by the user, with the security classes to grant.

Rules:

- The DSK follows ``dsk.parse_dsk`` and the classes
  ``security.parse_security_classes``; nothing is guessed or corrected.
- Granting no class is allowed: the device is then included without security.
- The ``repr`` shows the DSK masked; the PIN never appears.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .dsk import Dsk, parse_dsk
from .security import SecurityClass, parse_security_classes


@dataclass(frozen=True, slots=True)
class TypedDsk:
    """A typed DSK and the security classes to grant the device."""

    dsk: Dsk
    security_classes: frozenset[SecurityClass]


def parse_typed_dsk(
    text: str, security_classes: Iterable[str | SecurityClass]
) -> TypedDsk:
    """Parse a typed DSK and the classes to grant (zwave-js names).

    Raises ZWaveCodeError only.
    """
    return TypedDsk(parse_dsk(text), parse_security_classes(security_classes))
