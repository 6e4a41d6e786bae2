"""Errors raised by the provisioning domain.

Every error carries a translation key and placeholders for the user interface.
Placeholders and messages never contain an install code or a link key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

_MESSAGES: dict[str, str] = {
    "unknown_format": "The code is not in a known format",
    "bad_crc": "The install code checksum (CRC) is wrong",
    "bad_length": "The install code has the wrong length",
    "bad_ieee": "The IEEE address must have exactly 16 hex digits",
    "not_hex": "The value contains characters that are not hex digits",
    "bad_link_key_length": "The link key must have exactly 32 hex digits",
    "key_required": "An install code or a link key is required",
    "key_ambiguous": "Give exactly one of a QR code, an install code or a link key",
    "ieee_missing": "The IEEE address is missing",
    "entry_not_found": "The device is not on the provisioning list",
    "already_provisioned": "The device is already on the provisioning list",
    "text_too_long": "The text is too long",
    "text_control_character": "The text contains a control character",
    "list_full": "The provisioning list is full",
    "too_many_new_areas": "Too many new areas",
    "area_not_found": "The area does not exist",
    "dsk_mismatch": "The DSK is not the one of this device",
    "bad_device_id": "The device id is neither an IEEE address nor a masked Z-Wave DSK",
}


class ProvisioningError(Exception):
    """Base class of all provisioning errors."""

    translation_key: str
    placeholders: dict[str, str]

    def __init__(
        self, translation_key: str, placeholders: Mapping[str, str] | None = None
    ) -> None:
        """Initialize with a translation key and secret-free placeholders."""
        self.translation_key = translation_key
        self.placeholders = dict(placeholders or {})
        message = _MESSAGES.get(translation_key, translation_key)
        if self.placeholders:
            details = ", ".join(f"{k}={v}" for k, v in self.placeholders.items())
            message = f"{message} ({details})"
        super().__init__(message)

    def __repr__(self) -> str:
        """Return a representation without any secret."""
        return f"{type(self).__name__}({self.translation_key!r})"


class InvalidCodeError(ProvisioningError, ValueError):
    """A QR code, IEEE address, install code or link key is invalid.

    It is also a ValueError, so that generic input validation catches it.

    Translation keys: ``unknown_format``, ``bad_crc``, ``bad_length``
    (placeholders ``length`` and ``expected``, counted in hex digits),
    ``bad_ieee``, ``not_hex``, ``bad_link_key_length`` (placeholder
    ``length``), ``key_required``, ``key_ambiguous`` and ``ieee_missing`` (a
    lone install code). Errors of one input field add a ``field`` placeholder.
    """


class EntryNotFoundError(ProvisioningError):
    """No entry exists for an IEEE address."""

    def __init__(self, ieee: str) -> None:
        """Initialize for the missing IEEE address."""
        super().__init__("entry_not_found", {"ieee": ieee})


class DuplicateEntryError(ProvisioningError):
    """An entry already exists for an IEEE address."""

    def __init__(self, ieee: str) -> None:
        """Initialize for the duplicated IEEE address."""
        super().__init__("already_provisioned", {"ieee": ieee})


class ZWaveCodeError(InvalidCodeError):
    """A Z-Wave SmartStart QR code, DSK or security class is invalid.

    Translation keys (all start with ``zwave_``): ``zwave_qr_format`` (not
    digits only, no ``90`` lead-in, too short or too long), ``zwave_qr_version``
    (placeholder ``version``), ``zwave_s2_only`` (a valid S2-only code, version
    00, which SmartStart cannot use), ``zwave_bad_checksum``,
    ``zwave_bad_security_classes``, ``zwave_bad_dsk`` (a group over 65535;
    placeholder ``group``, its position 1 to 8), ``zwave_dsk_format``,
    ``zwave_bad_block``, ``zwave_missing_block`` and ``zwave_critical_block``
    (placeholder ``block``, the block's type number), ``zwave_truncated`` (the
    code ends inside a block) and ``zwave_unknown_security_class`` (placeholder
    ``allowed``). Errors of one input field add a ``field`` placeholder
    (``qr_code``, ``dsk`` or ``security_classes``). No placeholder ever holds a
    DSK, its PIN or the code's text.
    """

    MESSAGES: ClassVar[Mapping[str, str]] = {
        "zwave_qr_format": "The text is not a Z-Wave SmartStart QR code",
        "zwave_qr_version": "The Z-Wave QR code has an unknown version",
        "zwave_s2_only": "The Z-Wave QR code is for S2 only and cannot be used for SmartStart",
        "zwave_bad_checksum": "The Z-Wave QR code checksum is wrong",
        "zwave_bad_security_classes": "The Z-Wave QR code requests unknown security classes",
        "zwave_bad_dsk": "A group of the DSK is over 65535",
        "zwave_dsk_format": "The DSK must be eight groups of five digits",
        "zwave_bad_block": "A block of the Z-Wave QR code is malformed",
        "zwave_truncated": "The Z-Wave QR code ends inside a block",
        "zwave_missing_block": "A required block of the Z-Wave QR code is missing",
        "zwave_critical_block": "The Z-Wave QR code has an unknown critical block",
        "zwave_unknown_security_class": "Unknown Z-Wave security class",
    }

    def __init__(
        self, translation_key: str, placeholders: Mapping[str, str] | None = None
    ) -> None:
        """Initialize with a ``zwave_`` translation key and secret-free placeholders."""
        super().__init__(translation_key, placeholders)
        message = self.MESSAGES[translation_key]
        if self.placeholders:
            details = ", ".join(f"{k}={v}" for k, v in self.placeholders.items())
            message = f"{message} ({details})"
        self.args = (message,)
