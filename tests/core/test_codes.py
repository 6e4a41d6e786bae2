"""IEEE addresses, install codes and link keys."""

from __future__ import annotations

from crccheck.crc import CrcX25
import pytest
from zigpy.types import EUI64, KeyData
from zigpy.util import convert_install_code

from custom_components.provisioning.core import (
    InstallCode,
    InvalidCodeError,
    LinkKey,
    crc16_x25,
    parse_ieee,
    parse_install_code,
    parse_link_key,
)
from custom_components.provisioning.core.zigbee.codes import credential_from_storage

from .conftest import AN1089_CODE, AN1089_KEY, with_crc

AN1089_HEX = AN1089_CODE.hex()


def assert_no_secret(err: InvalidCodeError, *secrets: str) -> None:
    """Assert no secret, in any case, is in the error."""
    texts = [str(err), repr(err), *err.placeholders.values(), *err.args]
    for secret in secrets:
        for text in texts:
            assert secret.lower() not in str(text).lower()


def test_an1089_vector() -> None:
    """The Silicon Labs AN1089 install code gives its documented link key."""
    code = parse_install_code("83FED3407A939723A5C639B26916D505C3B5")
    assert bytes(code.link_key) == AN1089_KEY
    assert code.code == AN1089_CODE
    assert code.kind == "install_code"


@pytest.mark.parametrize("size", [6, 8, 12, 16])
def test_crc_matches_crccheck(size: int) -> None:
    """Our CRC is CRC-16/X.25, little-endian."""
    data = bytes(range(size))
    assert crc16_x25(data) == CrcX25.calc(data).to_bytes(2, "little")


@pytest.mark.parametrize(
    "text",
    [
        AN1089_HEX,
        AN1089_HEX.upper(),
        "83FE D340 7A93 9723 A5C6 39B2 6916 D505 C3B5",
        "83-FE-D3-40-7A-93-97-23-A5-C6-39-B2-69-16-D5-05-C3-B5",
        "83:fe:d3:40:7a:93:97:23:a5:c6:39:b2:69:16:d5:05:c3:b5",
        "83fe.d340.7a93.9723.a5c6.39b2.6916.d505.c3b5",
        "  83FED3407A939723A5C639B26916D505C3B5\n",
    ],
)
def test_install_code_formats(text: str) -> None:
    """Separators and case do not matter."""
    assert parse_install_code(text) == InstallCode(AN1089_CODE)


@pytest.mark.parametrize("size", [6, 8, 12, 16])
def test_all_install_code_lengths(size: int) -> None:
    """6, 8, 12 and 16-byte codes with their CRC are accepted."""
    raw = with_crc(bytes(range(1, size + 1)))
    code = parse_install_code(raw.hex())
    assert code.link_key == convert_install_code(raw)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("83FED3407A939723A5C639B26916D505C3B4", "bad_crc"),
        ("83FED3407A939723A5C639B26916D505", "bad_length"),  # CRC missing
        ("83FED3407A939723A5C639B26916D505C3B", "bad_length"),  # odd
        ("83FED3407A93", "bad_length"),
        ("", "bad_length"),
        ("83FED3407A939723A5C639B26916D505C3BZ", "not_hex"),
        ("0x83FED3407A939723A5C639B26916D505C3B5", "not_hex"),
    ],
)
def test_bad_install_codes(text: str, key: str) -> None:
    """Every bad install code has its specific error, without the code."""
    with pytest.raises(InvalidCodeError) as exc_info:
        parse_install_code(text)
    assert exc_info.value.translation_key == key
    assert exc_info.value.__context__ is None
    if text:
        assert_no_secret(exc_info.value, text, text[:16])


def test_bad_length_placeholders() -> None:
    """A missing CRC says how many digits were given and which are expected."""
    with pytest.raises(InvalidCodeError) as exc_info:
        parse_install_code(AN1089_HEX[:32])
    assert exc_info.value.placeholders == {
        "length": "32",
        "expected": "16, 20, 28 or 36",
    }


def test_install_code_direct_validation() -> None:
    """InstallCode validates its bytes itself."""
    with pytest.raises(InvalidCodeError, match="CRC") as exc_info:
        InstallCode(AN1089_CODE[:-1] + b"\x00")
    assert exc_info.value.translation_key == "bad_crc"
    with pytest.raises(InvalidCodeError) as exc_info:
        InstallCode(AN1089_CODE[:-2])
    assert exc_info.value.translation_key == "bad_length"


def test_link_key() -> None:
    """Link keys are 16 bytes, in any format."""
    key = parse_link_key("66:B6:90:09:81:E1:EE:3C:A4:20:6B:6B:86:1C:02:BB")
    assert key == LinkKey(AN1089_KEY)
    assert key.link_key == KeyData(AN1089_KEY)
    assert key.kind == "link_key"
    for text in (AN1089_KEY.hex()[:30], AN1089_KEY.hex() + "00"):
        with pytest.raises(InvalidCodeError) as exc_info:
            parse_link_key(text)
        assert exc_info.value.translation_key == "bad_link_key_length"
        assert_no_secret(exc_info.value, text)
    with pytest.raises(InvalidCodeError) as exc_info:
        LinkKey(b"\x00" * 15)
    assert exc_info.value.placeholders == {"length": "30"}
    with pytest.raises(InvalidCodeError) as exc_info:
        parse_link_key("zz" * 16)
    assert exc_info.value.translation_key == "not_hex"


def test_same_key_and_equality() -> None:
    """An install code and its own link key are the same key, not equal."""
    code = InstallCode(AN1089_CODE)
    key = LinkKey(AN1089_KEY)
    other = LinkKey(bytes(16))
    assert code.same_key(key)
    assert key.same_key(code)
    assert not key.same_key(other)
    assert code != key  # type: ignore[comparison-overlap]
    assert code == InstallCode(AN1089_CODE)
    assert hash(code) == hash(InstallCode(AN1089_CODE))


def test_redacted() -> None:
    """Credentials never show their secret."""
    code = InstallCode(AN1089_CODE)
    key = LinkKey(AN1089_KEY)
    assert repr(code) == str(code) == "InstallCode(<redacted>)"
    assert repr(key) == str(key) == "LinkKey(<redacted>)"
    assert f"{code} {key!r}".lower().count("c3b5") == 0


@pytest.mark.parametrize("credential", [InstallCode(AN1089_CODE), LinkKey(AN1089_KEY)])
def test_storage_round_trip(credential: InstallCode | LinkKey) -> None:
    """Credentials round-trip through storage."""
    stored = credential.to_storage()
    assert stored["kind"] == credential.kind
    assert credential_from_storage(stored["kind"], stored["key"]) == credential


def test_unknown_storage_kind() -> None:
    """An unknown stored kind is refused."""
    with pytest.raises(InvalidCodeError) as exc_info:
        credential_from_storage("psk", AN1089_HEX)
    assert exc_info.value.translation_key == "unknown_format"


@pytest.mark.parametrize(
    "text",
    [
        "00:11:22:33:44:55:66:77",
        "0011223344556677",
        "00-11-22-33-44-55-66-77",
        "0011 2233 4455 6677",
        "0x0011223344556677",
        "0X0011223344556677",
        "0011.2233.4455.6677",
        " 00:11:22:33:44:55:66:77 ",
    ],
)
def test_parse_ieee(text: str) -> None:
    """IEEE addresses are read big-endian, as written."""
    ieee = parse_ieee(text)
    assert ieee == EUI64.convert("00:11:22:33:44:55:66:77")
    assert str(ieee) == "00:11:22:33:44:55:66:77"


def test_parse_ieee_case() -> None:
    """Case does not matter."""
    assert parse_ieee("AA:BB:CC:DD:EE:FF:00:11") == parse_ieee("aabbccddeeff0011")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("00:11:22:33:44:55:66", "bad_ieee"),
        ("00112233445566778", "bad_ieee"),
        ("", "bad_ieee"),
        ("00:11:22:33:44:55:66:7G", "not_hex"),
        ("00_11_22_33_44_55_66_77", "not_hex"),
    ],
)
def test_bad_ieee(text: str, key: str) -> None:
    """Bad IEEE addresses have specific errors."""
    with pytest.raises(InvalidCodeError) as exc_info:
        parse_ieee(text)
    assert exc_info.value.translation_key == key
