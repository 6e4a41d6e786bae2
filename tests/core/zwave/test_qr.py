"""SmartStart QR codes: reading, refusing, writing."""

from __future__ import annotations

import hashlib
import json

import pytest

from custom_components.provisioning.core import InvalidCodeError
from custom_components.provisioning.core.errors import ZWaveCodeError
from custom_components.provisioning.core.zwave import (
    Dsk,
    ProductId,
    ProductType,
    Protocol,
    SecurityClass,
    SmartStartQrCode,
    encode_smartstart_qr,
    parse_smartstart_qr,
    qr_checksum,
    read_qr_code,
)
from tests.npm_cache import REPO

from .codes import Parts, checksum, tlv, u16

EXAMPLE = "900132782003515253545541424344453132333435212223242500100435301537022065520001000000300578"
EXAMPLE_DSK = "51525-35455-41424-34445-31323-33435-21222-32425"
PRODUCT_TYPE = tlv(0, u16(0x1101) + u16(1537))
PRODUCT_ID = tlv(1, u16(65520) + u16(100) + u16(3) + u16(2 << 8 | 66))
GROUPS = [51525, 35455, 41424, 34445, 31323, 33435, 21222, 32425]


def code(*blocks: str, version: str = "01", mask: int = 3) -> str:
    """A code with the example's DSK and the given blocks, checksum right."""
    return Parts(
        version=version, mask=mask, groups=list(GROUPS), blocks=list(blocks)
    ).text()


def refused(text: str) -> ZWaveCodeError:
    """The error that refuses text."""
    with pytest.raises(ZWaveCodeError) as info:
        parse_smartstart_qr(text)
    return info.value


def test_reads_the_example_code() -> None:
    """Every field of the documented example."""
    result = parse_smartstart_qr(EXAMPLE)
    assert result.dsk.reveal() == EXAMPLE_DSK
    assert result.requested_security_classes == {
        SecurityClass.S2_Unauthenticated,
        SecurityClass.S2_Authenticated,
    }
    assert result.product_type == ProductType(17, 1, 1537)
    assert result.product_id == ProductId(65520, 100, 3, (2, 66))
    assert result.product_id.application_version_text == "2.66"
    assert result.max_inclusion_request_interval is None
    assert result.uuid16 is None
    assert result.supported_protocols is None


def test_checksum_is_sha1_of_the_digits_after_it() -> None:
    """The first two bytes of SHA-1 over the rest, as the example has them."""
    assert qr_checksum(EXAMPLE[9:]) == int(EXAMPLE[4:9]) == 32782
    assert int.from_bytes(hashlib.sha1(EXAMPLE[9:].encode()).digest()[:2]) == 32782


def test_reads_the_optional_blocks() -> None:
    """Interval, UUID16 and protocols; blocks in any order, critical or not."""
    uuid = "00112233445566778899aabbccddeeff"
    uuid_digits = "00" + "".join(u16(int(uuid[i : i + 4], 16)) for i in range(0, 32, 4))
    text = code(
        tlv(4, "003", critical=True),
        tlv(3, uuid_digits),
        PRODUCT_ID,
        tlv(2, "05", critical=True),
        PRODUCT_TYPE,
    )
    result = parse_smartstart_qr(text)
    assert result.max_inclusion_request_interval == 640
    assert result.uuid16 == uuid
    assert result.supported_protocols == {Protocol.ZWave, Protocol.ZWaveLongRange}
    assert Protocol.ZWaveLongRange.name == "ZWaveLongRange"


@pytest.mark.parametrize(
    ("data", "protocols"),
    [
        ("01", {Protocol.ZWave}),
        ("002", {Protocol.ZWaveLongRange}),
        ("00255", {Protocol.ZWave, Protocol.ZWaveLongRange}),
        ("000", set()),
    ],
)
def test_supported_protocols_widths(data: str, protocols: set[Protocol]) -> None:
    """Two, three or five digits; reserved bits ignored."""
    result = parse_smartstart_qr(code(PRODUCT_TYPE, PRODUCT_ID, tlv(4, data)))
    assert result.supported_protocols == protocols


def test_unknown_blocks() -> None:
    """An unknown block is skipped; an unknown critical block refuses the code."""
    skipped = code(
        tlv(20, "123"), PRODUCT_TYPE, tlv(49, ""), PRODUCT_ID, tlv(3, "01999")
    )
    assert parse_smartstart_qr(skipped) == parse_smartstart_qr(
        code(PRODUCT_TYPE, PRODUCT_ID)
    )
    err = refused(code(PRODUCT_TYPE, PRODUCT_ID, tlv(20, "123", critical=True)))
    assert err.translation_key == "zwave_critical_block"
    assert err.placeholders == {"block": "20", "field": "qr_code"}
    # A UUID16 in another presentation format is not understood either.
    err = refused(code(PRODUCT_TYPE, PRODUCT_ID, tlv(3, "01999", critical=True)))
    assert err.translation_key == "zwave_critical_block"
    # So is a one-digit UUID16 block whose digit cannot start format 00
    # (zwave-js skips it too); one that could (``0``) is malformed, below.
    assert parse_smartstart_qr(
        code(tlv(3, "4"), PRODUCT_TYPE, PRODUCT_ID)
    ) == parse_smartstart_qr(code(PRODUCT_TYPE, PRODUCT_ID))
    err = refused(code(PRODUCT_TYPE, PRODUCT_ID, tlv(3, "4", critical=True)))
    assert err.translation_key == "zwave_critical_block"


def test_s2_only_code_has_its_own_error() -> None:
    """Version 00, valid otherwise: read, but refused for SmartStart."""
    text = code(PRODUCT_TYPE, PRODUCT_ID, version="00")
    version, content = read_qr_code(text)
    assert version == 0
    assert content.dsk.reveal() == EXAMPLE_DSK
    err = refused(text)
    assert err.translation_key == "zwave_s2_only"
    assert "S2" in str(err)
    # A damaged S2-only code gets the damage's error.
    assert refused(text[:-1] + "9").translation_key == "zwave_bad_checksum"


def test_wrong_checksum_is_refused_never_corrected() -> None:
    """Any other checksum value refuses the code, whatever the rest."""
    for value in (0, 32781, 32783, 65535):
        err = refused(EXAMPLE[:4] + f"{value:05d}" + EXAMPLE[9:])
        assert err.translation_key == "zwave_bad_checksum"
    assert (
        refused(EXAMPLE[:4] + "99999" + EXAMPLE[9:]).translation_key
        == "zwave_bad_checksum"
    )


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "zwave_qr_format"),
        ("80" + EXAMPLE[2:], "zwave_qr_format"),
        (EXAMPLE[:51], "zwave_qr_format"),
        (EXAMPLE.replace("9001", "90O1"), "zwave_qr_format"),
        ("٩٠" + EXAMPLE[2:], "zwave_qr_format"),
        (EXAMPLE + "x", "zwave_qr_format"),
        ("9" * 7090, "zwave_qr_format"),
        (" " * 30000, "zwave_qr_format"),
        ("9002" + EXAMPLE[4:], "zwave_qr_version"),
        (EXAMPLE + "0", "zwave_bad_checksum"),
        (EXAMPLE[:-1], "zwave_bad_checksum"),
        ("HUE:Z:" + EXAMPLE, "zwave_qr_format"),
    ],
)
def test_malformed_texts(text: str, key: str) -> None:
    """Each malformed text gets its translated error, and only that error."""
    err = refused(text)
    assert err.translation_key == key
    assert isinstance(err, InvalidCodeError)
    assert isinstance(err, ValueError)


def test_version_placeholder() -> None:
    """The unknown version is named."""
    assert refused("9002" + EXAMPLE[4:]).placeholders == {
        "version": "02",
        "field": "qr_code",
    }


def test_white_space_is_dropped() -> None:
    """A code split across lines or padded reads the same."""
    expected = parse_smartstart_qr(EXAMPLE)
    for text in (
        f"  {EXAMPLE}\n",
        "\n".join(EXAMPLE[i : i + 20] for i in range(0, len(EXAMPLE), 20)),
        EXAMPLE[:30] + "\u00a0\ufeff" + EXAMPLE[30:],
    ):
        assert parse_smartstart_qr(text) == expected


def test_security_class_bits() -> None:
    """Bits 0, 1, 2 and 7; any other bit refuses the code."""
    result = parse_smartstart_qr(code(PRODUCT_TYPE, PRODUCT_ID, mask=0b10000111))
    assert result.requested_security_classes == set(SecurityClass)
    assert (
        parse_smartstart_qr(
            code(PRODUCT_TYPE, PRODUCT_ID, mask=0)
        ).requested_security_classes
        == set()
    )
    for mask in (8, 16, 32, 64, 256, 999):
        err = refused(code(PRODUCT_TYPE, PRODUCT_ID, mask=mask))
        assert err.translation_key == "zwave_bad_security_classes"


def test_dsk_group_over_65535() -> None:
    """The group is named by position, not by value."""
    parts = Parts(
        mask=3,
        groups=[*GROUPS[:3], 70000, *GROUPS[4:]],
        blocks=[PRODUCT_TYPE, PRODUCT_ID],
    )
    err = refused(parts.text())
    assert err.translation_key == "zwave_bad_dsk"
    assert err.placeholders == {"group": "4", "field": "qr_code"}


@pytest.mark.parametrize(
    ("blocks", "key", "block"),
    [
        ((PRODUCT_ID,), "zwave_missing_block", "0"),
        ((PRODUCT_TYPE,), "zwave_missing_block", "1"),
        ((), "zwave_missing_block", "0"),
        ((PRODUCT_TYPE, PRODUCT_ID, PRODUCT_ID), "zwave_bad_block", "1"),
        ((tlv(0, "123456789"), PRODUCT_ID), "zwave_bad_block", "0"),
        ((tlv(0, "99999" + "00000"), PRODUCT_ID), "zwave_bad_block", "0"),
        ((PRODUCT_TYPE, tlv(1, "0" * 21)), "zwave_bad_block", "1"),
        ((PRODUCT_TYPE, PRODUCT_ID, tlv(2, "5")), "zwave_bad_block", "2"),
        ((PRODUCT_TYPE, PRODUCT_ID, tlv(3, "00" + "1" * 39)), "zwave_bad_block", "3"),
        ((PRODUCT_TYPE, PRODUCT_ID, tlv(3, "0")), "zwave_bad_block", "3"),
        ((PRODUCT_TYPE, PRODUCT_ID, tlv(4, "0001")), "zwave_bad_block", "4"),
        ((PRODUCT_TYPE, PRODUCT_ID, tlv(4, "00256")), "zwave_bad_block", "4"),
    ],
)
def test_block_errors(blocks: tuple[str, ...], key: str, block: str) -> None:
    """Missing, repeated, wrongly sized or out-of-range blocks are refused."""
    err = refused(code(*blocks))
    assert (err.translation_key, err.placeholders) == (
        key,
        {"block": block, "field": "qr_code"},
    )


@pytest.mark.parametrize("tail", ["0", "00", "001", "0010", "00101234"])
def test_code_ending_inside_a_block(tail: str) -> None:
    """Digits that do not make a whole block refuse the code."""
    parts = Parts(mask=3, groups=list(GROUPS), blocks=[PRODUCT_TYPE, PRODUCT_ID, tail])
    assert refused(parts.text()).translation_key == "zwave_truncated"


def test_repr_and_errors_never_show_the_pin() -> None:
    """The PIN appears in no repr, str or error of a code."""
    result = parse_smartstart_qr(EXAMPLE)
    for text in (repr(result), str(result), repr(result.dsk), str(result.dsk)):
        assert "51525" not in text
        assert "xxxxx-35455-41424-34445-31323-33435-21222-32425" in text
    for bad in (EXAMPLE[:-1], EXAMPLE + "1", "9002" + EXAMPLE[4:]):
        err = refused(bad)
        assert "51525" not in str(err) + repr(err) + json.dumps(err.placeholders)


def test_encode_writes_what_parse_reads() -> None:
    """The writer gives back the example, and refuses what cannot be written."""
    result = parse_smartstart_qr(EXAMPLE)
    assert encode_smartstart_qr(result) == EXAMPLE
    full = SmartStartQrCode(
        dsk=Dsk(bytes(range(16))),
        requested_security_classes=frozenset({SecurityClass.S0_Legacy}),
        product_type=ProductType(1, 2, 3),
        product_id=ProductId(4, 5, 6, (7, 8)),
        max_inclusion_request_interval=128 * 99,
        uuid16="ff" * 16,
        supported_protocols=frozenset({Protocol.ZWaveLongRange}),
    )
    assert parse_smartstart_qr(encode_smartstart_qr(full)) == full
    for bad in (
        {"max_inclusion_request_interval": 100},
        {"max_inclusion_request_interval": 128 * 100},
        {"uuid16": "ff"},
        {"product_type": ProductType(256, 0, 0)},
        {"product_id": ProductId(0, 0, 0, (0, 256))},
    ):
        with pytest.raises(ValueError, match=r"range|encodable|16 bytes"):
            encode_smartstart_qr(SmartStartQrCode(**{**_fields(full), **bad}))


def _fields(value: SmartStartQrCode) -> dict[str, object]:
    return {
        name: getattr(value, name) for name in SmartStartQrCode.__dataclass_fields__
    }


def test_zwave_js_pin_is_pinned() -> None:
    """The differential tests run the version the notes name."""
    package = json.loads((REPO / "tests/core/zwave/node/package.json").read_text())
    lock = json.loads((REPO / "tests/core/zwave/node/package-lock.json").read_text())
    assert package["dependencies"] == {"@zwave-js/core": "15.29.0"}
    assert lock["packages"]["node_modules/@zwave-js/core"]["version"] == "15.29.0"


def test_checksum_helper_matches_the_tests_own() -> None:
    """The tests' independent checksum agrees with the parser's."""
    assert checksum(EXAMPLE[9:]) == qr_checksum(EXAMPLE[9:])
