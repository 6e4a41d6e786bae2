"""Limits of the provisioning list and the rule for its text fields.

Rules:

- A list (one config entry: the local entries and every provisioning server's)
  holds at most `MAX_LIST_ENTRIES` distinct devices. Each device has a status
  sensor, and Home Assistant stops adding entities to a config entry past
  10,000 without telling the user; the limit keeps well below, with room for
  the entry's own entities. Every way of adding refuses a device past the limit
  with `ListFullError` (a server's entries past it are left out and reported).
- One import or one synchronisation creates at most `MAX_NEW_AREAS` areas from
  area names; the rows or entries past it are refused or left out of their area.
- Text fields (names, area names) follow `clean_text`: trimmed, at most
  `MAX_TEXT_LENGTH` characters, and no control character (Unicode category Cc:
  NUL, ESC, CR, LF, tab…) or bidirectional control (U+061C, U+200E, U+200F,
  U+202A-U+202E, U+2066-U+2069), which could hide or reorder what the user sees.
  A refused text raises `InvalidTextError`; nothing is silently altered except
  the trimming.

Nothing here imports Home Assistant.
"""

from __future__ import annotations

from typing import Final
import unicodedata

from .errors import ProvisioningError

MAX_LIST_ENTRIES: Final = 5000
MAX_TEXT_LENGTH: Final = 255
MAX_NEW_AREAS: Final = 50

BIDI_CONTROLS: Final = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


class InvalidTextError(ProvisioningError, ValueError):
    """A name or an area name breaks the text rule.

    Translation keys: ``text_too_long`` (placeholders ``field`` and ``max``) and
    ``text_control_character`` (placeholder ``field``).
    """


class ListFullError(ProvisioningError):
    """The list already holds `MAX_LIST_ENTRIES` devices (placeholder ``limit``)."""

    def __init__(self, limit: int) -> None:
        """Initialize for the limit that was reached."""
        super().__init__("list_full", {"limit": str(limit)})


class TooManyNewAreasError(ProvisioningError):
    """One import would create more than `MAX_NEW_AREAS` areas (``limit``)."""

    def __init__(self, limit: int) -> None:
        """Initialize for the limit that was reached."""
        super().__init__("too_many_new_areas", {"limit": str(limit)})


def forbidden_character(text: str) -> str | None:
    """Return the first control or bidirectional control character of text."""
    for char in text:
        if char in BIDI_CONTROLS or unicodedata.category(char) == "Cc":
            return char
    return None


def clean_text(value: str | None, field: str) -> str | None:
    """Return a name or an area name trimmed, None when empty.

    Raises InvalidTextError (with ``field``) when the text breaks the rule.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidTextError("text_control_character", {"field": field})
    text = value.strip()
    if len(text) > MAX_TEXT_LENGTH:
        raise InvalidTextError(
            "text_too_long", {"field": field, "max": str(MAX_TEXT_LENGTH)}
        )
    if forbidden_character(text) is not None:
        raise InvalidTextError("text_control_character", {"field": field})
    return text or None


class ListRoom[T]:
    """Count the distinct devices of a list while devices are added to it.

    The limit is read when the room is made, so that it may be changed.
    """

    def __init__(self, listed: set[T], limit: int | None = None) -> None:
        """Start from the devices the list holds."""
        self.listed = listed
        self.limit = MAX_LIST_ENTRIES if limit is None else limit

    def check(self, device: T) -> None:
        """Raise ListFullError when the device is new and there is no room."""
        if device not in self.listed and len(self.listed) >= self.limit:
            raise ListFullError(self.limit)

    def take(self, device: T) -> None:
        """Count a device in, or raise ListFullError when there is no room."""
        self.check(device)
        self.listed.add(device)


class AreaBudget:
    """Count the areas one import or one synchronisation creates.

    The limit is read when the budget is made, so that it may be changed.
    """

    def __init__(self, limit: int | None = None) -> None:
        """Start with no area created."""
        self.limit = MAX_NEW_AREAS if limit is None else limit
        self.created = 0
        self.refused = 0

    def take(self) -> bool:
        """Count one more new area; False (and counted as refused) past the limit."""
        if self.created >= self.limit:
            self.refused += 1
            return False
        self.created += 1
        return True
