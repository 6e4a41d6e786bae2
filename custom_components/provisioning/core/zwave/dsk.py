"""The DSK (Device Specific Key) of a Z-Wave S2 device, and its secret PIN.

Rules:

- A DSK is 16 bytes, the start of the device's S2 public key, written as eight
  groups of five decimal digits, each group one big-endian 16-bit number
  (00000 to 65535), joined by ``-``: zwave-js's ``dskToString`` form.
- The first group is the PIN. During S2 inclusion the device sends its public
  key with those two bytes zeroed, so the PIN is what proves possession of the
  label: it is a secret. ``repr``, ``str`` and every error show the masked form
  (``xxxxx-35455-…``) only; the full text comes from ``reveal()``, to be handed
  to the Z-Wave driver and nowhere else. The other seven groups travel over the
  air and may be shown.
- A typed DSK is eight groups of five ASCII digits separated by ``-`` (spaces
  around it allowed) or by white space, or 40 digits with no separator, with
  white space around. Anything else is refused with ``zwave_dsk_format``; a
  group over 65535 with ``zwave_bad_dsk`` (placeholder ``group``, 1 to 8).
  Nothing is guessed or corrected.
- Comparing two DSKs takes the same time whatever their content.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
import hmac
import re

from custom_components.provisioning.core.errors import ZWaveCodeError

DSK_LENGTH = 16
DSK_GROUPS = 8
GROUP_DIGITS = 5
MAX_TYPED_DSK_LENGTH = 200
FIELD_DSK = "dsk"
MASK = "xxxxx"

_DIGITS = re.compile(r"[0-9]+", re.ASCII)
_SEPARATOR = re.compile(r"[ \t]*-[ \t]*|\s+", re.ASCII)


@dataclass(frozen=True, eq=False, repr=False, slots=True)
class Dsk:
    """A 16-byte DSK; the PIN (first group) never shows in ``repr`` or ``str``."""

    data: bytes

    def __post_init__(self) -> None:
        """Check the length."""
        if len(self.data) != DSK_LENGTH:
            raise ZWaveCodeError("zwave_dsk_format", {"field": FIELD_DSK})

    @classmethod
    def from_groups(cls, groups: Sequence[int], field: str = FIELD_DSK) -> Dsk:
        """Build a DSK from its eight 16-bit groups; refuse a group over 65535."""
        if len(groups) != DSK_GROUPS:
            raise ZWaveCodeError("zwave_dsk_format", {"field": field})
        for index, value in enumerate(groups, 1):
            if not 0 <= value <= 0xFFFF:
                raise ZWaveCodeError(
                    "zwave_bad_dsk", {"group": str(index), "field": field}
                )
        return cls(b"".join(value.to_bytes(2, "big") for value in groups))

    @property
    def groups(self) -> tuple[int, ...]:
        """The eight 16-bit groups; the first one is the secret PIN."""
        return tuple(
            int.from_bytes(self.data[i : i + 2], "big") for i in range(0, 16, 2)
        )

    @property
    def pin(self) -> str:
        """The PIN, the first group as five digits. Secret."""
        return f"{self.groups[0]:05d}"

    def reveal(self) -> str:
        """The full DSK text, PIN included. Secret: for the Z-Wave driver only."""
        return "-".join(f"{value:05d}" for value in self.groups)

    @property
    def masked(self) -> str:
        """The DSK text with the PIN replaced by ``xxxxx``, for display."""
        return "-".join([MASK, *(f"{value:05d}" for value in self.groups[1:])])

    def __eq__(self, other: object) -> bool:
        """Compare in constant time."""
        if not isinstance(other, Dsk):
            return NotImplemented
        return hmac.compare_digest(self.data, other.data)

    def __hash__(self) -> int:
        """Hash the bytes (kept in memory anyway)."""
        return hash(self.data)

    def __repr__(self) -> str:
        """Return the masked form."""
        return f"Dsk({self.masked})"

    __str__ = __repr__


def parse_dsk(text: str) -> Dsk:
    """Parse a typed DSK (see the module rules)."""
    text = text.strip()
    if len(text) > MAX_TYPED_DSK_LENGTH:
        raise ZWaveCodeError("zwave_dsk_format", {"field": FIELD_DSK})
    parts = _SEPARATOR.split(text)
    if len(parts) == 1 and len(text) == DSK_GROUPS * GROUP_DIGITS:
        parts = [text[i : i + GROUP_DIGITS] for i in range(0, len(text), GROUP_DIGITS)]
    if len(parts) != DSK_GROUPS or not all(
        len(part) == GROUP_DIGITS and _DIGITS.fullmatch(part) for part in parts
    ):
        raise ZWaveCodeError("zwave_dsk_format", {"field": FIELD_DSK})
    return Dsk.from_groups([int(part) for part in parts])
