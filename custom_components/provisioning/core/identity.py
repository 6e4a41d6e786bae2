"""Who a listed device is, whatever its radio: a technology and a public id.

Rules:

- An entry names its technology (``Technology``) and its identity, a
  ``DeviceId``: the technology and the device's public id, a text that shows
  no secret. Zigbee devices are known by their IEEE address
  (``00:11:22:33:44:55:66:77``); Z-Wave devices by their DSK with its first
  group, the secret PIN, masked (``xxxxx-23456-…``). The two forms never
  overlap, so the text alone tells the technology (``technology_of``).
- Two ids are equal when technology and text are; technologies add what their
  adapters need (a Zigbee id carries its ``EUI64``) in subclasses, which
  compare and hash like the base.
- The generic modules of ``core`` (entries, providers, the service, statuses,
  reports, CSV, admission) know a device only by its ``DeviceId``; the
  technology packages (``core.zigbee``, ``core.zwave``) make and read them.
- Nothing here imports Home Assistant or a radio library.
"""

from __future__ import annotations

from enum import StrEnum
import re
from typing import Final


class Technology(StrEnum):
    """The radio technology of a listed device."""

    ZIGBEE = "zigbee"
    ZWAVE = "zwave"


_ZIGBEE_ID: Final = re.compile(r"[0-9a-f]{2}(?::[0-9a-f]{2}){7}", re.ASCII)
_ZWAVE_ID: Final = re.compile(r"xxxxx(?:-[0-9]{5}){7}", re.ASCII)


def technology_of(text: str) -> Technology | None:
    """Return the technology whose public id form ``text`` has, if any."""
    if _ZIGBEE_ID.fullmatch(text):
        return Technology.ZIGBEE
    if _ZWAVE_ID.fullmatch(text):
        return Technology.ZWAVE
    return None


class DeviceId:
    """A device's technology and public id; immutable, hashed once."""

    __slots__ = ("_hash", "technology", "text")

    technology: Technology
    text: str
    _hash: int

    def __init__(self, technology: Technology, text: str) -> None:
        """Initialize from a technology and the canonical public id text."""
        object.__setattr__(self, "technology", Technology(technology))
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "_hash", hash((self.technology, text)))

    def __setattr__(self, name: str, value: object) -> None:
        """Refuse changes: an id never changes."""
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __eq__(self, other: object) -> bool:
        """Compare technology and text."""
        if not isinstance(other, DeviceId):
            return NotImplemented
        return self.technology is other.technology and self.text == other.text

    def __hash__(self) -> int:
        """Return the hash computed once."""
        return self._hash

    def __lt__(self, other: DeviceId) -> bool:
        """Order by technology, then text, for stable listings."""
        return (self.technology, self.text) < (other.technology, other.text)

    def __str__(self) -> str:
        """Return the public id text."""
        return self.text

    def __repr__(self) -> str:
        """Return the technology and the public id (no secret in either)."""
        return f"DeviceId({self.technology.value}, {self.text})"

    def __reduce__(self) -> tuple[type[DeviceId], tuple[Technology, str]]:
        """Copy and pickle as a plain id."""
        return DeviceId, (self.technology, self.text)
