"""The text of a SmartStart label: the QR string (``90...``) and the DSK.

Rules: the QR text follows the Z-Wave QR code format (version 01 SmartStart,
SHA-1 checksum over everything after the checksum field, ProductType and
ProductId blocks), so zwave-js's ``parseQRCodeString`` reads it back; a DSK is
16 bytes written as eight groups of five decimal digits, the first group being
the PIN.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
import hashlib

SMART_START = 1
PRODUCT_TYPE = 0
PRODUCT_ID = 1


def dsk_from_bytes(raw: bytes) -> str:
    """``12345-12345-...`` from 16 bytes."""
    if len(raw) != 16:
        raise ValueError("a DSK is 16 bytes")
    return "-".join(
        f"{int.from_bytes(raw[i : i + 2], 'big'):05d}" for i in range(0, 16, 2)
    )


def dsk_to_bytes(dsk: str) -> bytes:
    """The 16 bytes of a DSK written as eight groups of five digits."""
    groups = dsk.split("-")
    if len(groups) != 8 or not all(
        len(g) == 5 and g.isdigit() and int(g) <= 0xFFFF for g in groups
    ):
        raise ValueError("a DSK is eight groups of five digits, each at most 65535")
    return b"".join(int(g).to_bytes(2, "big") for g in groups)


def _tlv(kind: int, data: str, critical: bool = False) -> str:
    return f"{kind << 1 | int(critical):02d}{len(data):02d}{data}"


@dataclass(frozen=True)
class SmartStartLabel:
    """What a SmartStart device's label carries."""

    dsk: str
    requested_security_classes: tuple[int, ...]
    generic_device_class: int
    specific_device_class: int
    installer_icon: int = 0x1000
    manufacturer_id: int = 0xFFFF
    product_type: int = 0xFFFF
    product_id: int = 0xFFFE
    application_version: tuple[int, int] = (1, 0)

    @property
    def pin(self) -> str:
        return self.dsk[:5]

    def qr(self) -> str:
        """The QR code's text."""
        keys = _bitmask(self.requested_security_classes)
        dsk = "".join(self.dsk.split("-"))
        dsk_to_bytes(self.dsk)  # validates
        major, minor = self.application_version
        body = (
            f"{keys:03d}{dsk}"
            + _tlv(
                PRODUCT_TYPE,
                f"{self.generic_device_class << 8 | self.specific_device_class:05d}"
                f"{self.installer_icon:05d}",
            )
            + _tlv(
                PRODUCT_ID,
                f"{self.manufacturer_id:05d}{self.product_type:05d}"
                f"{self.product_id:05d}{major << 8 | minor:05d}",
            )
        )
        checksum = int.from_bytes(hashlib.sha1(body.encode()).digest()[:2], "big")
        return f"90{SMART_START:02d}{checksum:05d}{body}"

    def text(self) -> str:
        """The label as printed: QR text, DSK, PIN."""
        return f"SmartStart QR: {self.qr()}\nDSK: {self.dsk}\nPIN: {self.pin}"


def _bitmask(classes: Iterable[int]) -> int:
    mask = 0
    for cls in classes:
        if not 0 <= cls <= 7:
            raise ValueError(f"security class {cls} does not fit the label")
        mask |= 1 << cls
    return mask
