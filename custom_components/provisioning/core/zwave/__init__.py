"""Z-Wave SmartStart codes: QR codes, typed DSKs and security classes.

Rules:

- Nothing here imports Home Assistant or talks to a Z-Wave driver: these are
  the codes only, checked as zwave-js checks them (stricter where a module
  says so), with names and numbers that zwave-js takes unchanged.
- Bad input raises ``ZWaveCodeError`` (an ``InvalidCodeError``, so a
  ``ValueError``) with a ``zwave_`` translation key; never another exception.
- The DSK's first group, the PIN, is a secret: ``repr``, ``str``, errors and
  placeholders never show it; ``Dsk.masked`` is the form for display.
- Modules import one way only: ``security`` and ``dsk`` import nothing of this
  package, ``qr``, ``typed`` and ``log_redaction`` import those two.
"""

from __future__ import annotations

from .dsk import Dsk, parse_dsk
from .qr import (
    ProductId,
    ProductType,
    Protocol,
    SmartStartQrCode,
    encode_smartstart_qr,
    parse_smartstart_qr,
    qr_checksum,
    read_qr_code,
)
from .security import SecurityClass, parse_security_classes
from .typed import TypedDsk, parse_typed_dsk

__all__ = [
    "Dsk",
    "ProductId",
    "ProductType",
    "Protocol",
    "SecurityClass",
    "SmartStartQrCode",
    "TypedDsk",
    "encode_smartstart_qr",
    "parse_dsk",
    "parse_security_classes",
    "parse_smartstart_qr",
    "parse_typed_dsk",
    "qr_checksum",
    "read_qr_code",
]
