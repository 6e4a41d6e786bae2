"""Z-Wave SmartStart QR codes (the "Node Provisioning QR Code Format").

Rules:

- The code is decimal digits only: ``90`` (the lead-in), the version (two
  digits: ``01`` SmartStart, ``00`` S2 only), a checksum (five digits), the
  requested security classes (three digits, one byte), the DSK (eight groups
  of five digits), then TLV blocks: type (two digits: the block type times two,
  plus one for a critical block), length (two digits) and that many digits.
- The checksum is the first two bytes (big-endian) of the SHA-1 of the digits
  that follow it, as ASCII text. A wrong checksum refuses the code; it is never
  corrected.
- White space anywhere is dropped (a code pasted across lines), as zwave-js's
  ``parseQRCodeString`` does (JavaScript's white space, Unicode spaces and the
  byte order mark included); any other character, or a Unicode digit other
  than ``0``-``9``, refuses the code. The whole text must be one code: unlike
  zwave-js, no code is searched for inside a longer text, and trailing digits
  refuse it (through the checksum or as a truncated block).
- Known blocks must have the length the format gives them: product type (type
  0, ten digits), product ID (type 1, twenty digits), maximum inclusion request
  interval (type 2, two digits, in units of 128 s), UUID16 (type 3, presentation
  format ``00`` and eight groups of five digits; other presentation formats are
  not understood) and supported protocols (type 4, a bit mask written with two,
  three or five digits, at most 255; bit 0 Z-Wave, bit 1 Z-Wave Long Range,
  reserved bits ignored). A known block of another length, a value out of
  range or a block given twice refuses the code (``zwave_bad_block``). zwave-js
  reads such blocks anyway (partly as "NaN"); refusing them is deliberate.
- An unknown or not understood block is skipped when it is not critical and
  refuses the code (``zwave_critical_block``) when it is.
- The product type and product ID blocks are required (``zwave_missing_block``).
- Name (type 50) and location (type 51) are provisioning list fields: a QR
  code's type field (two digits, type times two plus one) cannot hold a type
  over 49, so no QR code carries them.
- A code of version 00 that is otherwise valid is refused with
  ``zwave_s2_only``: it only serves S2 inclusion, where the user types the PIN.
- The code's text contains the PIN: it is not kept. ``SmartStartQrCode`` shows
  the DSK masked; ``encode_smartstart_qr`` rebuilds the text (a secret).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
import hashlib
import re
from typing import Final

from custom_components.provisioning.core.errors import ZWaveCodeError

from .dsk import DSK_GROUPS, GROUP_DIGITS, Dsk
from .security import (
    SecurityClass,
    security_classes_from_mask,
    security_classes_to_mask,
)

LEAD_IN: Final = "90"
VERSION_S2: Final = 0
VERSION_SMARTSTART: Final = 1
MIN_QR_LENGTH: Final = 52
"""Lead-in 2, version 2, checksum 5, classes 3 and DSK 40 digits."""
MAX_QR_LENGTH: Final = 7089
"""The most digits a QR code can hold."""
MAX_QR_TEXT_LENGTH: Final = 4 * MAX_QR_LENGTH
INCLUSION_INTERVAL_UNIT: Final = 128
"""Seconds per unit of the maximum inclusion request interval."""
FIELD_QR_CODE: Final = "qr_code"

TYPE_PRODUCT_TYPE: Final = 0
TYPE_PRODUCT_ID: Final = 1
TYPE_MAX_INCLUSION_REQUEST_INTERVAL: Final = 2
TYPE_UUID16: Final = 3
TYPE_SUPPORTED_PROTOCOLS: Final = 4

_KNOWN_TYPES = frozenset(
    (
        TYPE_PRODUCT_TYPE,
        TYPE_PRODUCT_ID,
        TYPE_MAX_INCLUSION_REQUEST_INTERVAL,
        TYPE_UUID16,
        TYPE_SUPPORTED_PROTOCOLS,
    )
)
_DSK_END = 12 + DSK_GROUPS * GROUP_DIGITS
_UUID_FORMAT_DIGITS = "00"
_UUID_LENGTH = 2 + 8 * 5
"""Presentation format, then eight groups of five digits."""
_PROTOCOL_LENGTHS = (2, 3, 5)
_DIGITS = re.compile(r"[0-9]+", re.ASCII)
# JavaScript's \s, which zwave-js drops: not Python's, which differs.
_WHITE_SPACE = re.compile(
    "[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+"
)


class Protocol(IntEnum):
    """A protocol a device supports; names and values are zwave-js's."""

    ZWave = 0
    ZWaveLongRange = 1


@dataclass(frozen=True, slots=True)
class ProductType:
    """The product type block: device classes and installer icon."""

    generic_device_class: int
    specific_device_class: int
    installer_icon_type: int


@dataclass(frozen=True, slots=True)
class ProductId:
    """The product ID block: manufacturer, product and firmware version."""

    manufacturer_id: int
    product_type: int
    product_id: int
    application_version: tuple[int, int]

    @property
    def application_version_text(self) -> str:
        """The version as zwave-js writes it, ``major.minor``."""
        return f"{self.application_version[0]}.{self.application_version[1]}"


@dataclass(frozen=True, slots=True)
class SmartStartQrCode:
    """What a SmartStart QR code says. Its ``repr`` shows the DSK masked.

    ``max_inclusion_request_interval`` is in seconds; ``uuid16`` is 32 lower
    case hex digits; ``supported_protocols`` is None when the code does not
    say (a Z-Wave device, then).
    """

    dsk: Dsk
    requested_security_classes: frozenset[SecurityClass]
    product_type: ProductType
    product_id: ProductId
    max_inclusion_request_interval: int | None = None
    uuid16: str | None = None
    supported_protocols: frozenset[Protocol] | None = None


def qr_checksum(digits: str) -> int:
    """The checksum of the digits that follow the checksum field."""
    return int.from_bytes(hashlib.sha1(digits.encode("ascii")).digest()[:2], "big")


def _error(key: str, **placeholders: str) -> ZWaveCodeError:
    return ZWaveCodeError(key, {**placeholders, "field": FIELD_QR_CODE})


def _uint16(digits: str, block: int) -> int:
    value = int(digits)
    if value > 0xFFFF:
        raise _error("zwave_bad_block", block=str(block))
    return value


class _Blocks:
    """The known blocks read so far."""

    def __init__(self) -> None:
        self.product_type: ProductType | None = None
        self.product_id: ProductId | None = None
        self.interval: int | None = None
        self.uuid16: str | None = None
        self.protocols: frozenset[Protocol] | None = None
        self.seen: set[int] = set()

    def read(self, kind: int, critical: bool, data: str) -> None:
        """Read one block; skip it or refuse the code when not understood."""
        understood = kind in _KNOWN_TYPES and not (
            kind == TYPE_UUID16 and not _UUID_FORMAT_DIGITS.startswith(data[:2])
        )
        if understood and kind in self.seen:
            raise _error("zwave_bad_block", block=str(kind))
        if kind == TYPE_PRODUCT_TYPE:
            self._expect(kind, data, 10)
            classes = _uint16(data[:5], kind)
            self.product_type = ProductType(
                classes >> 8, classes & 0xFF, _uint16(data[5:], kind)
            )
        elif kind == TYPE_PRODUCT_ID:
            self._expect(kind, data, 20)
            values = [_uint16(data[i : i + 5], kind) for i in range(0, 20, 5)]
            self.product_id = ProductId(
                values[0], values[1], values[2], (values[3] >> 8, values[3] & 0xFF)
            )
        elif kind == TYPE_MAX_INCLUSION_REQUEST_INTERVAL:
            self._expect(kind, data, 2)
            self.interval = INCLUSION_INTERVAL_UNIT * int(data)
        elif kind == TYPE_UUID16 and data[:2] == _UUID_FORMAT_DIGITS:
            self._expect(kind, data, _UUID_LENGTH)
            self.uuid16 = b"".join(
                _uint16(data[i : i + 5], kind).to_bytes(2, "big")
                for i in range(2, _UUID_LENGTH, 5)
            ).hex()
        elif kind == TYPE_UUID16 and _UUID_FORMAT_DIGITS.startswith(data):
            # Too short to tell its format, and what there is could be 00.
            raise _error("zwave_bad_block", block=str(kind))
        elif kind == TYPE_SUPPORTED_PROTOCOLS:
            if len(data) not in _PROTOCOL_LENGTHS or int(data) > 0xFF:
                raise _error("zwave_bad_block", block=str(kind))
            mask = int(data)
            self.protocols = frozenset(p for p in Protocol if mask & (1 << p))
        elif critical:
            raise _error("zwave_critical_block", block=str(kind))
        else:
            return
        self.seen.add(kind)

    @staticmethod
    def _expect(kind: int, data: str, length: int) -> None:
        if len(data) != length:
            raise _error("zwave_bad_block", block=str(kind))


def _read_blocks(code: str, offset: int) -> _Blocks:
    blocks = _Blocks()
    while offset < len(code):
        if len(code) - offset < 4:
            raise _error("zwave_truncated")
        type_critical = int(code[offset : offset + 2])
        length = int(code[offset + 2 : offset + 4])
        offset += 4
        if offset + length > len(code):
            raise _error("zwave_truncated")
        blocks.read(type_critical >> 1, bool(type_critical & 1), code[offset:][:length])
        offset += length
    return blocks


def read_qr_code(text: str) -> tuple[int, SmartStartQrCode]:
    """Read a code of either version; return its version and content.

    Use ``parse_smartstart_qr`` for SmartStart: this also reads S2-only codes.
    Raises ZWaveCodeError only.
    """
    if len(text) > MAX_QR_TEXT_LENGTH:
        raise _error("zwave_qr_format")
    code = _WHITE_SPACE.sub("", text)
    if (
        not code.startswith(LEAD_IN)
        or not MIN_QR_LENGTH <= len(code) <= MAX_QR_LENGTH
        or not _DIGITS.fullmatch(code)
    ):
        raise _error("zwave_qr_format")
    version = int(code[2:4])
    if version not in (VERSION_S2, VERSION_SMARTSTART):
        raise _error("zwave_qr_version", version=code[2:4])
    if int(code[4:9]) != qr_checksum(code[9:]):
        raise _error("zwave_bad_checksum")
    classes = security_classes_from_mask(int(code[9:12]))
    dsk = Dsk.from_groups(
        [int(code[i : i + GROUP_DIGITS]) for i in range(12, _DSK_END, GROUP_DIGITS)],
        FIELD_QR_CODE,
    )
    blocks = _read_blocks(code, _DSK_END)
    if blocks.product_type is None:
        raise _error("zwave_missing_block", block=str(TYPE_PRODUCT_TYPE))
    if blocks.product_id is None:
        raise _error("zwave_missing_block", block=str(TYPE_PRODUCT_ID))
    return version, SmartStartQrCode(
        dsk=dsk,
        requested_security_classes=classes,
        product_type=blocks.product_type,
        product_id=blocks.product_id,
        max_inclusion_request_interval=blocks.interval,
        uuid16=blocks.uuid16,
        supported_protocols=blocks.protocols,
    )


def parse_smartstart_qr(text: str) -> SmartStartQrCode:
    """Parse a SmartStart QR code (see the module rules).

    Raises ZWaveCodeError only; a valid S2-only code with ``zwave_s2_only``.
    """
    version, code = read_qr_code(text)
    if version == VERSION_S2:
        raise _error("zwave_s2_only")
    return code


def _block(kind: int, data: str) -> str:
    return f"{kind << 1:02d}{len(data):02d}{data}"


def encode_smartstart_qr(code: SmartStartQrCode) -> str:
    """Write a SmartStart QR code's text. Secret: it contains the PIN.

    Raises ValueError for a value the format cannot hold.
    """
    product_type, product_id = code.product_type, code.product_id
    major, minor = product_id.application_version
    values = (
        (product_type.generic_device_class, 0xFF),
        (product_type.specific_device_class, 0xFF),
        (product_type.installer_icon_type, 0xFFFF),
        (product_id.manufacturer_id, 0xFFFF),
        (product_id.product_type, 0xFFFF),
        (product_id.product_id, 0xFFFF),
        (major, 0xFF),
        (minor, 0xFF),
    )
    if any(not 0 <= value <= top for value, top in values):
        raise ValueError("a product value is out of range")
    body = f"{security_classes_to_mask(code.requested_security_classes):03d}"
    body += "".join(f"{value:05d}" for value in code.dsk.groups)
    classes = product_type.generic_device_class << 8
    classes |= product_type.specific_device_class
    body += _block(
        TYPE_PRODUCT_TYPE, f"{classes:05d}{product_type.installer_icon_type:05d}"
    )
    body += _block(
        TYPE_PRODUCT_ID,
        f"{product_id.manufacturer_id:05d}{product_id.product_type:05d}"
        f"{product_id.product_id:05d}{major << 8 | minor:05d}",
    )
    if (interval := code.max_inclusion_request_interval) is not None:
        units, rest = divmod(interval, INCLUSION_INTERVAL_UNIT)
        if rest or not 0 <= units <= 99:
            raise ValueError("the inclusion request interval is not encodable")
        body += _block(TYPE_MAX_INCLUSION_REQUEST_INTERVAL, f"{units:02d}")
    if code.uuid16 is not None:
        raw = bytes.fromhex(code.uuid16)
        if len(raw) != 16:
            raise ValueError("a UUID16 has 16 bytes")
        body += _block(
            TYPE_UUID16,
            _UUID_FORMAT_DIGITS
            + "".join(
                f"{int.from_bytes(raw[i : i + 2], 'big'):05d}" for i in range(0, 16, 2)
            ),
        )
    if code.supported_protocols is not None:
        mask = sum(1 << protocol for protocol in code.supported_protocols)
        body += _block(TYPE_SUPPORTED_PROTOCOLS, f"{mask:03d}")
    return f"{LEAD_IN}{VERSION_SMARTSTART:02d}{qr_checksum(body):05d}{body}"
