"""Z-Wave SmartStart codes as the server reads them: DSKs, security classes, QR codes.

Rules:

* This is the server's own parser; it follows the hub's rules (the "Node
  Provisioning QR Code Format" as zwave-js reads it, stricter where noted) so
  that a code the server accepts is one the hub accepts, with the same DSK,
  security classes and product.
* A DSK is eight groups of five decimal digits, each at most 65535. Typed, the
  groups are separated by ``-`` (spaces around it allowed) or white space, or
  written as 40 digits; white space around the whole is allowed.
* The first group, the PIN, is a secret: :class:`ZWaveDevice` keeps the full
  DSK out of its ``repr``; no error message repeats the input. ``masked`` is
  the DSK with the PIN written ``xxxxx``: the device's public id. Two DSKs
  with the same last seven groups are the same device.
* Security classes are zwave-js's names (``S2_Unauthenticated``,
  ``S2_Authenticated``, ``S2_AccessControl``, ``S0_Legacy``), matched exactly
  or case-insensitively; returned in that order.
* QR codes are digits only after white space (JavaScript's ``\\s``) is dropped:
  ``90``, version (``01`` SmartStart; ``00`` S2 only, refused with its own
  error), checksum (first two bytes of SHA-1 over the digits after the first
  nine characters), requested classes (three digits), DSK (40 digits), then
  TLV blocks. Known blocks must have their exact length and values in range;
  a known block twice, an unknown critical block, a missing product type or
  product ID block refuse the code; unknown non-critical blocks are skipped.
* Only :class:`~provisioning_server.errors.ValidationError` comes out. This
  module imports no other module of the server but ``errors``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
import hashlib
import re

from provisioning_server.errors import ValidationError

SECURITY_CLASSES = (
    ("S2_Unauthenticated", 0),
    ("S2_Authenticated", 1),
    ("S2_AccessControl", 2),
    ("S0_Legacy", 7),
)
SECURITY_CLASS_NAMES = tuple(name for name, _bit in SECURITY_CLASSES)
PROTOCOLS = ("zwave", "zwave_long_range")
MASK = "xxxxx"
MAX_TYPED_DSK_LENGTH = 200
MAX_QR_LENGTH = 7089
MIN_QR_LENGTH = 52
MAX_QR_TEXT_LENGTH = 4 * MAX_QR_LENGTH

_BY_LOWER = {name.lower(): name for name in SECURITY_CLASS_NAMES}
_BIT = dict(SECURITY_CLASSES)
_KNOWN_BITS = sum(1 << bit for _name, bit in SECURITY_CLASSES)
_DIGITS = re.compile(r"[0-9]+", re.ASCII)
_SEPARATOR = re.compile(r"[ \t]*-[ \t]*|\s+", re.ASCII)
_MASKED = re.compile(r"[xX]{5}((-[0-9]{5}){7})", re.ASCII)
_FULL_DSK_IN_TEXT = re.compile(r"(?<![0-9])[0-9]{5}(?=(-[0-9]{5}){7}(?![0-9]))")
_WHITE_SPACE = re.compile(
    "[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+"
)
_TYPE_PRODUCT_TYPE = 0
_TYPE_PRODUCT_ID = 1
_TYPE_INTERVAL = 2
_TYPE_UUID16 = 3
_TYPE_PROTOCOLS = 4
_KNOWN_TYPES = frozenset(range(5))
_UUID_LENGTH = 42

DSK_FORMAT = (
    "dsk must be 8 groups of 5 digits: NNNNN-NNNNN-NNNNN-NNNNN-NNNNN-NNNNN-NNNNN-NNNNN"
)


@dataclass(frozen=True, slots=True)
class Product:
    """The product of a SmartStart QR code's product ID block."""

    manufacturer_id: int
    product_type: int
    product_id: int


@dataclass(frozen=True, slots=True)
class ZWaveDevice:
    """What the server keeps of a Z-Wave device's code; the DSK is a secret."""

    dsk: str = field(repr=False)
    security_classes: tuple[str, ...]
    zwave_protocol: str | None = None
    product: Product | None = None

    @property
    def masked(self) -> str:
        """The DSK with its PIN masked: the device's public id."""
        return mask_dsk(self.dsk)


def _groups_text(groups: Iterable[int]) -> str:
    return "-".join(f"{value:05d}" for value in groups)


def _groups(values: list[str], what: str) -> list[int]:
    numbers = [int(value) for value in values]
    for index, value in enumerate(numbers, 1):
        if value > 0xFFFF:
            raise ValidationError(f"{what}: group {index} is over 65535")
    return numbers


def parse_dsk(text: str) -> str:
    """Return a typed DSK as ``NNNNN-NNNNN-...`` (8 groups). Secret."""
    text = text.strip()
    if len(text) > MAX_TYPED_DSK_LENGTH:
        raise ValidationError(DSK_FORMAT)
    parts = _SEPARATOR.split(text)
    if len(parts) == 1 and len(text) == 40:
        parts = [text[i : i + 5] for i in range(0, 40, 5)]
    if len(parts) != 8 or not all(
        len(part) == 5 and _DIGITS.fullmatch(part) for part in parts
    ):
        raise ValidationError(DSK_FORMAT)
    return _groups_text(_groups(parts, "dsk"))


def mask_dsk(dsk: str) -> str:
    """Return a full DSK (as :func:`parse_dsk` returns it) with the PIN masked."""
    return MASK + dsk[5:]


def parse_masked_dsk(text: str) -> str:
    """Return a masked DSK (``xxxxx-NNNNN-...``) in its normal form.

    A full DSK is refused with its own message: the PIN must not be sent.
    """
    text = text.strip()
    match = _MASKED.fullmatch(text)
    if match is None:
        try:
            parse_dsk(text)
        except ValidationError:
            raise ValidationError(
                "dsk must be the masked DSK, xxxxx-NNNNN-NNNNN-NNNNN-NNNNN-NNNNN-"
                "NNNNN-NNNNN"
            ) from None
        raise ValidationError(
            "dsk must be masked (xxxxx-...): the first group is the secret PIN"
            " and is never sent"
        )
    _groups(match.group(1)[1:].split("-"), "dsk")
    return MASK + match.group(1)


def is_masked_dsk(text: str) -> bool:
    """Whether ``text`` looks like a masked DSK (a Z-Wave device's id)."""
    return text[:1] in ("x", "X")


def hide_dsks(text: str) -> str:
    """Return ``text`` with the PIN of any full DSK in it masked."""
    return _FULL_DSK_IN_TEXT.sub(MASK, text)


def parse_security_classes(names: Iterable[object]) -> tuple[str, ...]:
    """Return the named classes in canonical order; refuse unknown names."""
    found: set[str] = set()
    for name in names:
        if not isinstance(name, str):
            raise ValidationError("security_classes must be names (strings)")
        canonical = _BY_LOWER.get(name.strip().lower())
        if canonical is None:
            raise ValidationError(
                "unknown security class; allowed: " + ", ".join(SECURITY_CLASS_NAMES)
            )
        found.add(canonical)
    return tuple(name for name in SECURITY_CLASS_NAMES if name in found)


def parse_protocol(value: object) -> str | None:
    """Return a ``zwave_protocol`` value (or None)."""
    if value is None or value == "":
        return None
    if value not in PROTOCOLS:
        raise ValidationError(f"zwave_protocol must be one of {', '.join(PROTOCOLS)}")
    return str(value)


def qr_checksum(digits: str) -> int:
    """The checksum of the digits after the checksum field."""
    return int.from_bytes(hashlib.sha1(digits.encode("ascii")).digest()[:2], "big")


def _qr_error(message: str) -> ValidationError:
    return ValidationError(f"qr_code: {message}")


class _Blocks:
    def __init__(self) -> None:
        self.seen: set[int] = set()
        self.product: Product | None = None
        self.protocols: int | None = None

    def _uint16(self, digits: str, kind: int) -> int:
        value = int(digits)
        if value > 0xFFFF:
            raise _qr_error(f"block {kind} holds a value over 65535")
        return value

    def _length(self, kind: int, data: str, length: int) -> None:
        if len(data) != length:
            raise _qr_error(f"block {kind} has the wrong length")

    def read(self, kind: int, critical: bool, data: str) -> None:
        uuid_other = kind == _TYPE_UUID16 and not "00".startswith(data[:2])
        understood = kind in _KNOWN_TYPES and not uuid_other
        if understood and kind in self.seen:
            raise _qr_error(f"block {kind} is given twice")
        if not understood:
            if critical:
                raise _qr_error(f"critical block {kind} is not understood")
            return
        if kind == _TYPE_PRODUCT_TYPE:
            self._length(kind, data, 10)
            self._uint16(data[:5], kind)
            self._uint16(data[5:], kind)
        elif kind == _TYPE_PRODUCT_ID:
            self._length(kind, data, 20)
            values = [self._uint16(data[i : i + 5], kind) for i in range(0, 20, 5)]
            self.product = Product(values[0], values[1], values[2])
        elif kind == _TYPE_INTERVAL:
            self._length(kind, data, 2)
        elif kind == _TYPE_UUID16:
            self._length(kind, data, _UUID_LENGTH)
            for i in range(2, _UUID_LENGTH, 5):
                self._uint16(data[i : i + 5], kind)
        else:
            if len(data) not in (2, 3, 5) or int(data) > 0xFF:
                raise _qr_error(f"block {kind} has the wrong length or value")
            self.protocols = int(data)
        self.seen.add(kind)


def _protocol(mask: int | None) -> str | None:
    if mask is None:
        return None
    if mask & 1:
        return "zwave"
    return "zwave_long_range" if mask & 2 else None


def parse_smartstart_qr(text: str) -> ZWaveDevice:
    """Read a SmartStart QR code; the classes are the ones it requests."""
    if not isinstance(text, str) or len(text) > MAX_QR_TEXT_LENGTH:
        raise _qr_error("not a Z-Wave QR code")
    code = _WHITE_SPACE.sub("", text)
    if (
        not code.startswith("90")
        or not MIN_QR_LENGTH <= len(code) <= MAX_QR_LENGTH
        or not _DIGITS.fullmatch(code)
    ):
        raise _qr_error("not a Z-Wave QR code (digits starting with 90)")
    version = int(code[2:4])
    if version not in (0, 1):
        raise _qr_error(f"version {code[2:4]} is not supported")
    if int(code[4:9]) != qr_checksum(code[9:]):
        raise _qr_error("the checksum does not match")
    mask = int(code[9:12])
    if mask & ~_KNOWN_BITS:
        raise _qr_error("the requested security classes are not valid")
    classes = tuple(name for name, bit in SECURITY_CLASSES if mask & (1 << bit))
    dsk = _groups_text(
        _groups([code[i : i + 5] for i in range(12, 52, 5)], "qr_code: dsk")
    )
    blocks = _Blocks()
    offset = 52
    while offset < len(code):
        if len(code) - offset < 4:
            raise _qr_error("the code is truncated")
        type_critical = int(code[offset : offset + 2])
        length = int(code[offset + 2 : offset + 4])
        offset += 4
        if offset + length > len(code):
            raise _qr_error("the code is truncated")
        data = code[offset : offset + length]
        blocks.read(type_critical >> 1, bool(type_critical & 1), data)
        offset += length
    for kind in (_TYPE_PRODUCT_TYPE, _TYPE_PRODUCT_ID):
        if kind not in blocks.seen:
            raise _qr_error(f"required block {kind} is missing")
    if version == 0:
        raise _qr_error(
            "this is an S2-only code (version 00), not a SmartStart code: include"
            " the device by hand and type its PIN"
        )
    return ZWaveDevice(
        dsk=dsk,
        security_classes=classes,
        zwave_protocol=_protocol(blocks.protocols),
        product=blocks.product,
    )


def zwave_device(
    *,
    qr_code: object = None,
    dsk: object = None,
    security_classes: object = None,
    zwave_protocol: object = None,
) -> ZWaveDevice:
    """Validate a Z-Wave device given by ``qr_code`` or ``dsk`` + classes.

    ``security_classes`` is a list of names, or a string of names separated by
    spaces (CSV); with ``dsk`` it is required (an empty list grants none).
    """
    if qr_code is not None and dsk is not None:
        raise ValidationError("give either qr_code or dsk, not both")
    if qr_code is not None:
        if not isinstance(qr_code, str):
            raise ValidationError("qr_code must be a string")
        if security_classes is not None:
            raise ValidationError(
                "security_classes goes with dsk; a qr_code names its own"
            )
        device = parse_smartstart_qr(qr_code)
        protocol = parse_protocol(zwave_protocol)
        if protocol is not None:
            device = ZWaveDevice(
                device.dsk, device.security_classes, protocol, device.product
            )
        return device
    if dsk is None:
        raise ValidationError("qr_code or dsk is required")
    if not isinstance(dsk, str):
        raise ValidationError("dsk must be a string")
    full = parse_dsk(dsk)
    if security_classes is None:
        raise ValidationError(
            "security_classes is required with dsk (zwave-js names, or none)"
        )
    if isinstance(security_classes, str):
        names: list[object] = list(security_classes.split())
    elif isinstance(security_classes, list):
        names = list(security_classes)
    else:
        raise ValidationError("security_classes must be a list of names")
    return ZWaveDevice(
        dsk=full,
        security_classes=parse_security_classes(names),
        zwave_protocol=parse_protocol(zwave_protocol),
    )
