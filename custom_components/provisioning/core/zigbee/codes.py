"""IEEE addresses, install codes and link keys."""

from __future__ import annotations

from dataclasses import dataclass
import functools
import hmac
import re
from typing import Any, ClassVar, Final, Literal

from zigpy.types import EUI64, KeyData, uint8_t
from zigpy.util import convert_install_code

from custom_components.provisioning.core.credential import Credential
from custom_components.provisioning.core.errors import InvalidCodeError
from custom_components.provisioning.core.identity import Technology

INSTALL_CODE_LENGTHS = (8, 10, 14, 18)
"""Install code lengths in bytes, CRC included (6, 8, 12 or 16 bytes + CRC)."""
LINK_KEY_LENGTH = 16
IEEE_LENGTH = 8

_SEPARATORS = re.compile(r"[\s:.\-]+")
_HEX = re.compile(r"[0-9a-fA-F]*")
_EXPECTED_CODE_DIGITS = "16, 20, 28 or 36"


def _crc_table() -> tuple[int, ...]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x8408 if crc & 1 else crc >> 1
        table.append(crc)
    return tuple(table)


_CRC_TABLE = _crc_table()


def crc16_x25(data: bytes) -> bytes:
    """Return the CRC-16/X.25 of data, little-endian, as used by install codes."""
    crc = 0xFFFF
    for byte in data:
        crc = (crc >> 8) ^ _CRC_TABLE[(crc ^ byte) & 0xFF]
    return (crc ^ 0xFFFF).to_bytes(2, "little")


@functools.lru_cache(maxsize=4096)
def _derive_link_key(code: bytes) -> KeyData:
    return convert_install_code(code)


def _to_hex_digits(text: str) -> str:
    """Strip separators and check that only hex digits are left."""
    digits = _SEPARATORS.sub("", text)
    if not _HEX.fullmatch(digits):
        raise InvalidCodeError("not_hex")
    return digits


def _bad_code_length(digits: int) -> InvalidCodeError:
    return InvalidCodeError(
        "bad_length", {"length": str(digits), "expected": _EXPECTED_CODE_DIGITS}
    )


class ListedEUI64(EUI64):
    """An IEEE address that computes its text, and so its hash, only once.

    zigpy's EUI64 hashes its text, built anew at each hash: with the list's
    entries keyed by IEEE, every pass over a long list paid for it many times.
    Equal to, and hashed like, zigpy's EUI64 of the same address; never changed.

    Every listed device keeps one for as long as Home Assistant runs, so it
    keeps as few objects as it can: its bytes are shared ``uint8_t`` objects
    (one per value, not eight per address) and it has no ``__dict__``.
    """

    __slots__ = ("_hash", "_text")

    @classmethod
    def from_hex(cls, digits: str) -> ListedEUI64:
        """Return the address of 16 hex digits, most significant first."""
        return cls(_BYTES[value] for value in reversed(bytes.fromhex(digits)))

    def __repr__(self) -> str:
        """Return the address as aa:bb:cc:dd:ee:ff:00:11, computed once."""
        try:
            return self._text
        except AttributeError:
            self._text: str = super().__repr__()
            return self._text

    def __hash__(self) -> int:  # type: ignore[override]  # as zigpy's EUI64
        """Hash like zigpy's EUI64: the hash of the text."""
        try:
            return self._hash
        except AttributeError:
            self._hash: int = hash(repr(self))
            return self._hash


_BYTES: Final = tuple(uint8_t(value) for value in range(256))  # type: ignore[no-untyped-call]
"""One ``uint8_t`` per byte value, shared by every ``ListedEUI64``."""


def parse_ieee(text: str) -> EUI64:
    """Parse an IEEE address written with any separators, in any case."""
    text = text.strip()
    if text[:2].lower() == "0x":
        text = text[2:]
    digits = _to_hex_digits(text)
    if len(digits) != 2 * IEEE_LENGTH:
        raise InvalidCodeError("bad_ieee")
    return ListedEUI64.from_hex(digits)


class _ZigbeeKey:
    """What both Zigbee credentials share: a link key that is never shown."""

    technology: ClassVar[Literal[Technology.ZIGBEE]] = Technology.ZIGBEE

    @property
    def link_key(self) -> KeyData:
        """Return the link key."""
        raise NotImplementedError

    def same_key(self, other: Credential) -> bool:
        """Return whether both credentials give the same link key."""
        return isinstance(other, InstallCode | LinkKey) and _same_key(
            self.link_key, other.link_key
        )

    def public(self) -> dict[str, Any]:
        """Nothing but the kind is public."""
        return {}

    def __repr__(self) -> str:
        """Return a redacted representation."""
        return f"{type(self).__name__}(<redacted>)"

    def __str__(self) -> str:
        """Return the redacted representation."""
        return repr(self)


@dataclass(frozen=True, repr=False)
class InstallCode(_ZigbeeKey):
    """An install code, CRC included."""

    kind: ClassVar[Literal["install_code"]] = "install_code"

    code: bytes

    def __post_init__(self) -> None:
        """Check the length and the CRC."""
        if len(self.code) not in INSTALL_CODE_LENGTHS:
            raise _bad_code_length(2 * len(self.code))
        if not hmac.compare_digest(self.code[-2:], crc16_x25(self.code[:-2])):
            raise InvalidCodeError("bad_crc")

    @property
    def link_key(self) -> KeyData:
        """Return the link key derived with AES-MMO (when first needed)."""
        return _derive_link_key(self.code)

    def to_storage(self) -> dict[str, Any]:
        """Return the kind and hex digits, for persistence only."""
        return {"kind": self.kind, "key": self.code.hex()}


@dataclass(frozen=True, repr=False)
class LinkKey(_ZigbeeKey):
    """A pre-configured link key."""

    kind: ClassVar[Literal["link_key"]] = "link_key"

    key: bytes

    def __post_init__(self) -> None:
        """Check the length."""
        if len(self.key) != LINK_KEY_LENGTH:
            raise InvalidCodeError(
                "bad_link_key_length", {"length": str(2 * len(self.key))}
            )

    @property
    def link_key(self) -> KeyData:
        """Return the link key."""
        return KeyData(self.key)

    def to_storage(self) -> dict[str, Any]:
        """Return the kind and hex digits, for persistence only."""
        return {"kind": self.kind, "key": self.key.hex()}


type ZigbeeCredential = InstallCode | LinkKey


def _same_key(first: KeyData, second: KeyData) -> bool:
    return hmac.compare_digest(bytes(first), bytes(second))


def parse_install_code(text: str) -> InstallCode:
    """Parse an install code with its CRC, with any separators, in any case."""
    digits = _to_hex_digits(text)
    if len(digits) % 2 or len(digits) // 2 not in INSTALL_CODE_LENGTHS:
        raise _bad_code_length(len(digits))
    return InstallCode(bytes.fromhex(digits))


def parse_link_key(text: str) -> LinkKey:
    """Parse a 16-byte link key with any separators, in any case."""
    digits = _to_hex_digits(text)
    if len(digits) != 2 * LINK_KEY_LENGTH:
        raise InvalidCodeError("bad_link_key_length", {"length": str(len(digits))})
    return LinkKey(bytes.fromhex(digits))


def credential_from_storage(kind: str, hex: str) -> ZigbeeCredential:
    """Rebuild a credential from ``to_storage`` output."""
    if kind == InstallCode.kind:
        return parse_install_code(hex)
    if kind == LinkKey.kind:
        return parse_link_key(hex)
    raise InvalidCodeError("unknown_format")
