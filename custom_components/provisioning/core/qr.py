"""Parsing of device QR codes and printed labels."""

from __future__ import annotations

from dataclasses import dataclass
import re

from zigpy.types import EUI64

from .codes import (
    Credential,
    parse_ieee,
    parse_install_code,
    parse_link_key,
)
from .errors import InvalidCodeError

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


@dataclass(frozen=True)
class ScannedCode:
    """An IEEE address and its credential, as read from a device."""

    ieee: EUI64
    credential: Credential
    model: str | None = None


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
        credential: Credential = (
            parse_link_key(code)
            if len(code) == _BOSCH_LINK_KEY_DIGITS
            else parse_install_code(code)
        )
        return ScannedCode(_label_ieee(match["ieee"]), credential, model)

    for pattern in (_HUE, _AQARA, _ZIGBEE):
        if match := pattern.search(text):
            return ScannedCode(
                _label_ieee(match["ieee"]), parse_install_code(match["code"]), model
            )

    if match := _PIPE.fullmatch(text):
        return ScannedCode(
            _label_ieee(match["ieee"]), parse_install_code(match["code"]), model
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
    """Return the model hint of a label, if any."""
    if match := _MODEL.search(text):
        return match["model"]
    return None


def _parse_plain(text: str) -> ScannedCode:
    """Parse an IEEE address followed by a separate install code.

    A separator must follow the 16th hex digit, so that a lone install code
    is never split into a made-up IEEE address and a shorter code.
    """
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
    code and a link key. Empty strings count as not given.
    """
    qr_code, ieee, install_code, link_key = (
        value.strip() if value and value.strip() else None
        for value in (qr_code, ieee, install_code, link_key)
    )
    if qr_code is not None:
        if ieee or install_code or link_key:
            raise InvalidCodeError("key_ambiguous")
        return parse_qr_code(qr_code)
    if install_code is None and link_key is None:
        raise InvalidCodeError("key_required")
    if install_code is not None and link_key is not None:
        raise InvalidCodeError("key_ambiguous")
    if ieee is None:
        raise InvalidCodeError("bad_ieee")
    address = parse_ieee(ieee)
    if install_code is not None:
        return ScannedCode(address, parse_install_code(install_code))
    assert link_key is not None
    return ScannedCode(address, parse_link_key(link_key))
