"""Parsing of device QR codes and printed labels.

Rules:

- Each label format has a name (``ScannedCode.format``): ``zigbee``, ``aqara``,
  ``pipe``, ``bosch``, ``hue``, or ``plain`` for an IEEE address and a code
  written out (or typed in separate fields).
- A code with a wrong CRC is refused, never "corrected".
- A lone install code is never taken for an IEEE address followed by a shorter
  code. Whenever all the hex digits of a plain text form a complete install code
  (8, 10, 14 or 18 bytes) whose CRC is right, the text is refused with
  ``ieee_missing``, whatever separators it has. This is deliberately
  conservative: 36 digits can also be an IEEE address followed by an 8-byte
  code, and such a text is refused too when its 36 digits happen to form a
  valid 16-byte code (one text in 65,536). The user then types the IEEE
  address and the code in their own fields, which is never ambiguous. Accepting
  it instead would, one time in 65,536, admit a made-up IEEE with a wrong key.
- Errors of one input field carry that field's name in the ``field``
  placeholder (``qr_code``, ``ieee``, ``install_code``, ``link_key``), so that a
  form can show the error on it.
- A label's model hint holding a control or bidirectional control character
  (the text rule of ``core.limits``) is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
import re
from typing import Final

from zigpy.types import EUI64

from custom_components.provisioning.core.errors import InvalidCodeError
from custom_components.provisioning.core.limits import forbidden_character

from .codes import (
    INSTALL_CODE_LENGTHS,
    InstallCode,
    ZigbeeCredential,
    parse_ieee,
    parse_install_code,
    parse_link_key,
)
from .identity import ZigbeeId

MAX_QR_CODE_LENGTH = 1024
_FLAGS = re.IGNORECASE | re.ASCII
_BOSCH_LINK_KEY_DIGITS = 32

# Bosch: RB01SG, 34 hex digits, IEEE, DLK, install code (36) or link key (32).
_BOSCH = re.compile(
    r"RB01SG[0-9A-F]{34}(?P<ieee>[0-9A-F]{16})DLK(?P<code>[0-9A-F]*)", _FLAGS
)
# Philips Hue: HUE:Z:<install code> M:<IEEE> followed by more fields.
_HUE = re.compile(r"HUE:Z:(?P<code>[0-9A-F]*) M:(?P<ieee>[0-9A-F]*)", _FLAGS)
# Aqara: G$M:<model>$S:...%Z$A:<IEEE>$I:<install code>.
_AQARA = re.compile(r"\$A:(?P<ieee>[0-9A-F]*)\$I:(?P<code>[0-9A-F]*)", _FLAGS)
# Zigbee 3.0 label, possibly among other $X: and %X: fields.
_ZIGBEE = re.compile(
    r"(?<![0-9A-Z])Z:(?P<ieee>[0-9A-F]*)\$I:(?P<code>[0-9A-F]*)", _FLAGS
)
# Consciot, Müller-Licht, Innr, frient: <IEEE>|<install code>, outer pipes optional.
_PIPE = re.compile(r"\|?(?P<ieee>[0-9A-F]{16})\|(?P<code>[0-9A-F]*)\|?", _FLAGS)
# Model hint carried by Aqara, Danfoss and Ubisys labels.
_MODEL = re.compile(r"G\$M:(?P<model>[^$%\s]{1,64})", _FLAGS)
# An IEEE address and an install code written out, with separators.
_PLAIN = re.compile(r"(?:0x)?[0-9A-F\s:.\-]+", re.IGNORECASE)
_HEX_DIGIT = re.compile(r"[0-9A-F]", _FLAGS)
# Vendors printing their IEEE little-endian, known by their reversed OUI.
_REVERSED_OUIS = ("16:a7:20",)  # Atlantic


FORMAT_ZIGBEE: Final = "zigbee"
FORMAT_AQARA: Final = "aqara"
FORMAT_PIPE: Final = "pipe"
FORMAT_BOSCH: Final = "bosch"
FORMAT_HUE: Final = "hue"
FORMAT_PLAIN: Final = "plain"

FIELD_QR_CODE: Final = "qr_code"
FIELD_IEEE: Final = "ieee"
FIELD_INSTALL_CODE: Final = "install_code"
FIELD_LINK_KEY: Final = "link_key"


@dataclass(frozen=True)
class ScannedCode:
    """An IEEE address and its credential, as read from a device.

    ``format`` names the label format it was read from; it is informative and
    left out of comparisons.
    """

    ieee: EUI64
    credential: ZigbeeCredential
    model: str | None = None
    format: str = field(default=FORMAT_PLAIN, compare=False)

    @property
    def device(self) -> ZigbeeId:
        """The device's id on the list."""
        return ZigbeeId(self.ieee)


def parse_qr_code(text: str) -> ScannedCode:
    """Parse a QR code or label text of any supported vendor format.

    Raises InvalidCodeError only. A matched format with a wrong CRC is rejected.
    """
    text = text.strip()
    if len(text) > MAX_QR_CODE_LENGTH:
        raise InvalidCodeError("unknown_format")
    model = _model(text)

    if match := _BOSCH.fullmatch(text):
        code = match["code"]
        credential: ZigbeeCredential = (
            parse_link_key(code)
            if len(code) == _BOSCH_LINK_KEY_DIGITS
            else parse_install_code(code)
        )
        return ScannedCode(_label_ieee(match["ieee"]), credential, model, FORMAT_BOSCH)

    for pattern, name in (
        (_HUE, FORMAT_HUE),
        (_AQARA, FORMAT_AQARA),
        (_ZIGBEE, FORMAT_ZIGBEE),
    ):
        if match := pattern.search(text):
            return ScannedCode(
                _label_ieee(match["ieee"]),
                parse_install_code(match["code"]),
                model,
                name,
            )

    if match := _PIPE.fullmatch(text):
        return ScannedCode(
            _label_ieee(match["ieee"]),
            parse_install_code(match["code"]),
            model,
            FORMAT_PIPE,
        )

    if _PLAIN.fullmatch(text):
        return _parse_plain(text)

    raise InvalidCodeError("unknown_format")


def _label_ieee(digits: str) -> EUI64:
    """Parse the IEEE of a label, undoing known little-endian printing."""
    ieee = parse_ieee(digits)
    if str(ieee).endswith(_REVERSED_OUIS):
        return EUI64(ieee[::-1])
    return ieee


def _model(text: str) -> str | None:
    """Return the model hint of a label, if any (none if it breaks the text rule)."""
    if (match := _MODEL.search(text)) and forbidden_character(match["model"]) is None:
        return match["model"]
    return None


def is_lone_install_code(text: str) -> bool:
    """Return whether the hex digits of text form a complete, valid install code."""
    if text[:2].lower() == "0x":
        text = text[2:]
    digits = "".join(_HEX_DIGIT.findall(text))
    if len(digits) % 2 or len(digits) // 2 not in INSTALL_CODE_LENGTHS:
        return False
    try:
        InstallCode(bytes.fromhex(digits))
    except InvalidCodeError:
        return False
    return True


def _parse_plain(text: str) -> ScannedCode:
    """Parse an IEEE address followed by a separate install code.

    Digits that form a valid install code on their own are refused with
    ``ieee_missing`` (see the module docstring). Otherwise a separator must
    follow the 16th hex digit.
    """
    if is_lone_install_code(text):
        raise InvalidCodeError("ieee_missing")
    if text[:2].lower() == "0x":
        text = text[2:]
    digits = [match.start() for match in _HEX_DIGIT.finditer(text)]
    if len(digits) <= 16:
        raise InvalidCodeError("key_required" if len(digits) == 16 else "bad_ieee")
    end_of_ieee = digits[15] + 1
    if digits[16] == end_of_ieee:
        raise InvalidCodeError("unknown_format")
    return ScannedCode(
        parse_ieee(text[:end_of_ieee]), parse_install_code(text[end_of_ieee:])
    )


def parse_device_code(
    *,
    qr_code: str | None = None,
    ieee: str | None = None,
    install_code: str | None = None,
    link_key: str | None = None,
) -> ScannedCode:
    """Parse the inputs of a service call or form.

    Either a QR code alone, or an IEEE address with exactly one of an install
    code and a link key. Empty strings count as not given. An error of one
    field carries its name in the ``field`` placeholder.
    """
    qr_code, ieee, install_code, link_key = (
        value.strip() if value and value.strip() else None
        for value in (qr_code, ieee, install_code, link_key)
    )
    if qr_code is not None:
        if ieee or install_code or link_key:
            raise InvalidCodeError("key_ambiguous")
        return _in_field(FIELD_QR_CODE, parse_qr_code, qr_code)
    if install_code is None and link_key is None:
        raise InvalidCodeError(
            "ieee_missing"
            if ieee is not None and is_lone_install_code(ieee)
            else "key_required",
            {"field": FIELD_IEEE if ieee is not None else FIELD_INSTALL_CODE},
        )
    if install_code is not None and link_key is not None:
        raise InvalidCodeError("key_ambiguous")
    if ieee is None:
        raise InvalidCodeError("ieee_missing", {"field": FIELD_IEEE})
    address = _in_field(FIELD_IEEE, parse_ieee, ieee)
    if install_code is not None:
        return ScannedCode(
            address, _in_field(FIELD_INSTALL_CODE, parse_install_code, install_code)
        )
    assert link_key is not None
    return ScannedCode(address, _in_field(FIELD_LINK_KEY, parse_link_key, link_key))


def _in_field[T](name: str, parse: Callable[[str], T], text: str) -> T:
    """Parse the text of one field; its error names the field."""
    try:
        return parse(text)
    except InvalidCodeError as err:
        raise InvalidCodeError(
            err.translation_key, {**err.placeholders, "field": name}
        ) from None
