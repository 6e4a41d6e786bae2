"""State files of both personalities: read, write atomically, a coordinator IEEE.

Rules: a state file is replaced whole (written to ``NAME.tmp``, then renamed
over), so a crash never leaves half a file; a state file written for another
coordinator IEEE is refused, never silently taken over. Keys in a state file
are the coordinator's own NVRAM, as on a real radio.
"""

from __future__ import annotations

import json
import pathlib
import random
from typing import Any

import zigpy.types as zt


def read_state(path: pathlib.Path | None) -> dict[str, Any] | None:
    """The JSON of a state file, or None when there is none."""
    if path is None or not path.exists():
        return None
    data: dict[str, Any] = json.loads(path.read_text())
    return data


def write_state(path: pathlib.Path, data: dict[str, Any], *, indent: int = 2) -> None:
    """Replace the state file with ``data`` in one rename."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data, indent=indent))
    tmp.replace(path)


def check_ieee(expected: str | None, stored: zt.EUI64) -> None:
    """Refuse a state file that belongs to another coordinator IEEE."""
    if expected is not None and zt.EUI64.convert(expected) != stored:
        raise ValueError("The state file belongs to another coordinator IEEE")


def new_ieee(oui: tuple[int, int, int], ieee: str | None = None) -> zt.EUI64:
    """``ieee``, or a random address under the vendor's OUI (little-endian)."""
    if ieee is not None:
        return zt.EUI64.convert(ieee)
    return zt.EUI64([random.randint(0, 255) for _ in range(5)] + list(oui))
