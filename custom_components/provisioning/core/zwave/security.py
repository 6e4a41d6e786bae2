"""Z-Wave security classes, as a SmartStart code requests or a user grants them.

Rules:

- The names and numbers are zwave-js's ``SecurityClass`` enum
  (``S2_Unauthenticated`` 0, ``S2_Authenticated`` 1, ``S2_AccessControl`` 2,
  ``S0_Legacy`` 7), so that an entry can be handed to zwave-js unchanged.
- In a QR code the requested classes are one byte, bit n standing for class n:
  bits 0, 1, 2 and 7 are the four classes; any other bit set refuses the code
  (``zwave_bad_security_classes``), as zwave-js does.
- Class names given by a user are matched exactly (zwave-js's spelling) or
  case-insensitively; an unknown name is refused with
  ``zwave_unknown_security_class``, whose placeholder lists the allowed names
  and never echoes the input (it could be a mistyped secret).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum

from custom_components.provisioning.core.errors import ZWaveCodeError

FIELD_SECURITY_CLASSES = "security_classes"


class SecurityClass(IntEnum):
    """A Z-Wave security class; names and values are zwave-js's."""

    S2_Unauthenticated = 0
    S2_Authenticated = 1
    S2_AccessControl = 2
    S0_Legacy = 7


_BY_LOWER_NAME = {member.name.lower(): member for member in SecurityClass}
_ALLOWED_NAMES = ", ".join(member.name for member in SecurityClass)
_KNOWN_BITS = sum(1 << member for member in SecurityClass)


def security_classes_from_mask(mask: int) -> frozenset[SecurityClass]:
    """Return the classes of a requested-keys byte; refuse unknown bits."""
    if not 0 <= mask <= 0xFF or mask & ~_KNOWN_BITS:
        raise ZWaveCodeError("zwave_bad_security_classes")
    return frozenset(member for member in SecurityClass if mask & (1 << member))


def security_classes_to_mask(classes: Iterable[SecurityClass]) -> int:
    """Return the requested-keys byte of a set of classes."""
    mask = 0
    for member in classes:
        mask |= 1 << SecurityClass(member)
    return mask


def parse_security_classes(
    names: Iterable[str | SecurityClass],
) -> frozenset[SecurityClass]:
    """Parse the classes to grant, given by zwave-js name (or as members).

    An empty set is valid: the device is then included without security. A
    lone name (a string) counts as one name, not as its letters.
    """
    if isinstance(names, str):
        names = [names]
    result: set[SecurityClass] = set()
    for name in names:
        if isinstance(name, SecurityClass):
            result.add(name)
            continue
        member = (
            _BY_LOWER_NAME.get(name.strip().lower()) if isinstance(name, str) else None
        )
        if member is None:
            raise ZWaveCodeError(
                "zwave_unknown_security_class",
                {"allowed": _ALLOWED_NAMES, "field": FIELD_SECURITY_CLASSES},
            )
        result.add(member)
    return frozenset(result)
