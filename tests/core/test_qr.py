"""QR codes and printed labels."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from zigpy.types import EUI64, KeyData
from zigpy.util import convert_install_code

from custom_components.provisioning.core import (
    InstallCode,
    InvalidCodeError,
    LinkKey,
    ScannedCode,
    parse_device_code,
    parse_qr_code,
)

from .conftest import AN1089_CODE, AN1089_KEY, with_crc

AN = AN1089_CODE.hex().upper()
IEEE_HEX = "0011223344556677"
IEEE = EUI64.convert(IEEE_HEX)

# Real-world strings from the zigpy, ZHA and Zigbee2MQTT test suites.
REAL_WORLD = [
    # Atlantic Galapagos heater prints its IEEE little-endian.
    (
        "Z:22B78EFEFF16A720$I:B1817AFD64D8BB3A8F275C2117327AEC684B",
        "20:A7:16:FF:FE:8E:B7:22",
        "B1817AFD64D8BB3A8F275C2117327AEC684B",
        None,
    ),
    (
        "Z:943469FFFE05CE55$I:FC5ECD1E8DFD3E0603E3689F8D0226BBF80B",
        "94:34:69:FF:FE:05:CE:55",
        "FC5ECD1E8DFD3E0603E3689F8D0226BBF80B",
        None,
    ),
    (
        "000D6FFFFE63CCA0|58A4DD6123F38ECF22B17FDA0D95A43DED19",
        "00:0D:6F:FF:FE:63:CC:A0",
        "58A4DD6123F38ECF22B17FDA0D95A43DED19",
        None,
    ),
    (
        "54EF44100006E7DF|3313A005E177A647FC7925620AB207C4BEF5",
        "54:EF:44:10:00:06:E7:DF",
        "3313A005E177A647FC7925620AB207C4BEF5",
        None,
    ),
    (
        "G$M:69775$S:680S00003915$D:0000000017B2335C%Z$A:54EF44100006E7DF"
        "$I:3313A005E177A647FC7925620AB207C4BEF5",
        "54:EF:44:10:00:06:E7:DF",
        "3313A005E177A647FC7925620AB207C4BEF5",
        "69775",
    ),
    (
        "G$M:751$S:357S00001579$D:000000000F350FFD%Z$A:04CF8CDF3C3C3C3C"
        "$I:52797BF4A5084DAA8E1712B61741CA024051",
        "04:CF:8C:DF:3C:3C:3C:3C",
        "52797BF4A5084DAA8E1712B61741CA024051",
        "751",
    ),
    (
        "Z:000D6FFFFED4163B$I:52797BF4A5084DAA8E1712B61741CA024051",
        "00:0D:6F:FF:FE:D4:16:3B",
        "52797BF4A5084DAA8E1712B61741CA024051",
        None,
    ),
    (
        "Z:4CC206FFFE805E7A$I:560BCC1FF50E704B9BA93A5CA817C35E799F"
        "$D:202%B:4CC206805E7A$P:613727%M:1220$F:0024",
        "4C:C2:06:FF:FE:80:5E:7A",
        "560BCC1FF50E704B9BA93A5CA817C35E799F",
        None,
    ),
    (
        "G$M:IC2%Z:540F57FFFE599FAA$I:D79CB21C6D197CE7A3339A683A90DFF2442A%M:1246",
        "54:0F:57:FF:FE:59:9F:AA",
        "D79CB21C6D197CE7A3339A683A90DFF2442A",
        "IC2",
    ),
    (
        "Z:0102030405060708$I:0102030405060708090A0B0C0D0E0F1090FD%G$M:S1-R%M:10F2",
        "01:02:03:04:05:06:07:08",
        "0102030405060708090A0B0C0D0E0F1090FD",
        "S1-R",
    ),
    (
        "Z:F0D1B8000017389A$I:6AB6973274EE6F720200530162754044C930%M:1189$D:008B452720",
        "F0:D1:B8:00:00:17:38:9A",
        "6AB6973274EE6F720200530162754044C930",
        None,
    ),
    (
        "HUE:Z:2E5D2E5F401B82F1A45621A50B551F726101 M:001788010CE5C843 D:H2504 A:2266",
        "00:17:88:01:0C:E5:C8:43",
        "2E5D2E5F401B82F1A45621A50B551F726101",
        None,
    ),
    (
        "RB01SG0D8310182648007000000000000000000094DEB8FFFE41F6D6"
        "DLKA87710C3E5C332E5327EE532C3C310E5DFE0",
        "94:DE:B8:FF:FE:41:F6:D6",
        "A87710C3E5C332E5327EE532C3C310E5DFE0",
        None,
    ),
    (
        "RB01SG0D831018264800400000000000000000009035EAFFFE424783"
        "DLKAE3B287281CF16F550733A0CEC38AA31E802",
        "90:35:EA:FF:FE:42:47:83",
        "AE3B287281CF16F550733A0CEC38AA31E802",
        None,
    ),
]

BOSCH_LINK_KEYS = [
    (
        "RB01SG0D836591B3CC0010000000000000000000000D6F0017E0870C"
        "DLK999F98A7DFBCA6DD3955823AD9089631",
        "00:0D:6F:00:17:E0:87:0C",
        "999F98A7DFBCA6DD3955823AD9089631",
    ),
    (
        "RB01SG0D836591B3CC0010000000000000000000000D6F0019107BB1"
        "DLKE4636CB6C41617C3E08F7325FFBFE1F9",
        "00:0D:6F:00:19:10:7B:B1",
        "E4636CB6C41617C3E08F7325FFBFE1F9",
    ),
]


def assert_secret_free(err: InvalidCodeError, text: str) -> None:
    """No hex run of 12 digits or more from the input appears in the error."""
    rendered = " ".join([str(err), repr(err), *err.placeholders.values()]).lower()
    lowered = text.lower()
    for start in range(max(len(lowered) - 11, 0)):
        chunk = lowered[start : start + 12]
        if all(c in "0123456789abcdef" for c in chunk):
            assert chunk not in rendered


@pytest.mark.parametrize(("text", "ieee", "code", "model"), REAL_WORLD)
@pytest.mark.parametrize("case", [str.upper, str.lower, str])
def test_real_world_codes(
    text: str, ieee: str, code: str, model: str | None, case: Callable[[str], str]
) -> None:
    """Real labels give the right IEEE, link key and model, in any case."""
    scanned = parse_qr_code(case(text))
    assert scanned.ieee == EUI64.convert(ieee)
    assert isinstance(scanned.credential, InstallCode)
    assert scanned.credential.link_key == convert_install_code(bytes.fromhex(code))
    expected_model = model if model is None or case is str else case(model)
    assert scanned.model == expected_model


@pytest.mark.parametrize(("text", "ieee", "key"), BOSCH_LINK_KEYS)
@pytest.mark.parametrize("case", [str.upper, str.lower])
def test_bosch_link_key(
    text: str, ieee: str, key: str, case: Callable[[str], str]
) -> None:
    """Bosch labels may carry the link key itself."""
    scanned = parse_qr_code(case(text))
    assert scanned == ScannedCode(EUI64.convert(ieee), LinkKey(bytes.fromhex(key)))
    assert scanned.credential.link_key == KeyData.convert(key)


@pytest.mark.parametrize(
    "text",
    [
        f"Z:{IEEE_HEX}$I:{AN}",
        f"z:{IEEE_HEX.lower()}$i:{AN.lower()}",
        f"$S:12345$P:ABC%Z:{IEEE_HEX}$I:{AN}$S:999$P:0001",
        f"Z:{IEEE_HEX}$I:{AN}%M:10F2",
        f"G$M:LS1$A:{IEEE_HEX}$I:{AN}",
        f"{IEEE_HEX}|{AN}",
        f"|{IEEE_HEX}|{AN}|",
        f"{IEEE_HEX}|{AN}|",
        f"RB01SG{'0' * 34}{IEEE_HEX}DLK{AN}",
        f"rb01sg{'a' * 34}{IEEE_HEX}dlk{AN.lower()}",
        f"HUE:Z:{AN} M:{IEEE_HEX} D:L3B A:1184",
        f"{IEEE_HEX} {AN}",
        f"00:11:22:33:44:55:66:77 {AN}",
        "00-11-22-33-44-55-66-77 83FE-D340-7A93-9723-A5C6-39B2-6916-D505-C3B5",
        "0x0011223344556677 83fed3407a939723a5c639b26916d505c3b5",
        "0011 2233 4455 6677\n83FE D340 7A93 9723 A5C6 39B2 6916 D505 C3B5",
        f"  Z:{IEEE_HEX}$I:{AN}\n",
        f"{IEEE_HEX}\u00a0{AN}",
    ],
)
def test_formats(text: str) -> None:
    """Every format gives the AN1089 key for the test IEEE."""
    scanned = parse_qr_code(text)
    assert scanned.ieee == IEEE
    assert bytes(scanned.credential.link_key) == AN1089_KEY


@pytest.mark.parametrize("size", [6, 8, 12, 16])
@pytest.mark.parametrize(
    "template",
    ["Z:{ieee}$I:{code}", "G$M:X$A:{ieee}$I:{code}", "{ieee}|{code}", "{ieee} {code}"],
)
def test_all_code_lengths(size: int, template: str) -> None:
    """Shorter install codes are accepted in every generic format."""
    code = with_crc(bytes(range(size, 2 * size)))
    scanned = parse_qr_code(template.format(ieee=IEEE_HEX, code=code.hex()))
    assert scanned.credential == InstallCode(code)


def test_model_hint() -> None:
    """The model hint of Aqara labels is kept."""
    assert parse_qr_code(f"G$M:lumi.plug$A:{IEEE_HEX}$I:{AN}").model == "lumi.plug"
    assert parse_qr_code(f"Z:{IEEE_HEX}$I:{AN}").model is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # Wrong CRCs, including labels other tools silently "fix".
        ("Z:6C5CB1FFFE44FDFD$I:5492072F8DE72829FEE139CF8ACA4F43EF21", "bad_crc"),
        (
            "Z:4CC206FFFE306C43$I:150A1A57D11A1A01362622DBA97ACF0F9185"
            "$D:202%B:4CC206306C43$P:983639%M:1220$F:002D",
            "bad_crc",
        ),
        (
            "HUE:Z:0123456789ABCDEF0123456789ABCDEF0123 M:0123456789ABCDEF D:L3B A:1184",
            "bad_crc",
        ),
        ("Z:000D6FFFFED4163B$I:52797BF4A5084DAA8E1712B61741CA024052", "bad_crc"),
        (
            "G$M:751$S:357S00001579$D:000000000F350FFD%Z$A:04CF8CDF"
            "3C3C3C3C$I:52797BF4A5084DAA8E1712B61741CA024052",
            "bad_crc",
        ),
        ("000D6FFFFED4163B|52797BF4A5084DAA8E1712B61741CA024052", "bad_crc"),
        (f"RB01SG{'0' * 34}{IEEE_HEX}DLK{AN[:-1]}4", "bad_crc"),
        (f"{IEEE_HEX} {AN[:-1]}4", "bad_crc"),
        # Missing CRC and other lengths.
        (f"Z:{IEEE_HEX}$I:{AN[:32]}", "bad_length"),
        (f"{IEEE_HEX}|{AN[:32]}", "bad_length"),
        ("54EF44100006E7DF|3313A005E177A647FC7925620AB207", "bad_length"),
        (f"RB01SG{'0' * 34}{IEEE_HEX}DLK{AN[:30]}", "bad_length"),
        (f"HUE:Z:{AN[:32]} M:{IEEE_HEX}", "bad_length"),
        (f"{IEEE_HEX} {AN[:32]}", "bad_length"),
        (f"Z:{IEEE_HEX}$I:", "bad_length"),
        # Bad IEEE addresses.
        (f"Z:{IEEE_HEX[:14]}$I:{AN}", "bad_ieee"),
        (f"G$M:X$A:{IEEE_HEX}00$I:{AN}", "bad_ieee"),
        (f"HUE:Z:{AN} M:0011", "bad_ieee"),
        ("00:11:22", "bad_ieee"),
        ("---", "bad_ieee"),
        # Only an IEEE address.
        (IEEE_HEX, "key_required"),
        # Unknown formats.
        ("", "unknown_format"),
        ("hello world", "unknown_format"),
        ("54EF44100006E7DF`3313A005E177A647FC7925620AB207", "unknown_format"),
        # A lone install code is never split into a made-up IEEE and a code.
        (AN, "ieee_missing"),
        ("0001 0203 0405 0607 0809 0A0B 0C0D 0E0F E913", "ieee_missing"),
        ("0000 0000 0000 51FB A54D CA18 2530 BB1D 5C32", "ieee_missing"),
        ("0x00000000000051fba54dca182530bb1d5c32", "ieee_missing"),
        (f"{IEEE_HEX}{AN}", "unknown_format"),
        (f"WIFI:S:home;T:WPA;P:{AN};;", "unknown_format"),
        (f"Z:{IEEE_HEX}$I:{AN}" + "$X:0" * 300, "unknown_format"),
    ],
)
@pytest.mark.parametrize("case", [str.upper, str.lower])
def test_bad_codes(text: str, key: str, case: Callable[[str], str]) -> None:
    """Bad codes fail with their specific error, revealing no secret."""
    with pytest.raises(InvalidCodeError) as exc_info:
        parse_qr_code(case(text))
    assert exc_info.value.translation_key == key
    assert_secret_free(exc_info.value, text)


def test_parse_device_code_qr() -> None:
    """A QR code alone is enough."""
    assert parse_device_code(qr_code=f"Z:{IEEE_HEX}$I:{AN}", ieee="") == ScannedCode(
        IEEE, InstallCode(AN1089_CODE)
    )


def test_parse_device_code_fields() -> None:
    """An IEEE address with an install code or a link key."""
    assert parse_device_code(
        ieee="00:11:22:33:44:55:66:77", install_code=AN, link_key=" "
    ) == ScannedCode(IEEE, InstallCode(AN1089_CODE))
    assert parse_device_code(
        ieee=IEEE_HEX, link_key=AN1089_KEY.hex(), qr_code=None
    ) == ScannedCode(IEEE, LinkKey(AN1089_KEY))


@pytest.mark.parametrize(
    ("kwargs", "key"),
    [
        ({}, "key_required"),
        (
            {"qr_code": "", "ieee": "", "install_code": "", "link_key": ""},
            "key_required",
        ),
        ({"ieee": IEEE_HEX}, "key_required"),
        ({"ieee": IEEE_HEX, "install_code": AN, "link_key": AN[:32]}, "key_ambiguous"),
        ({"qr_code": f"Z:{IEEE_HEX}$I:{AN}", "install_code": AN}, "key_ambiguous"),
        ({"qr_code": f"Z:{IEEE_HEX}$I:{AN}", "ieee": IEEE_HEX}, "key_ambiguous"),
        ({"install_code": AN}, "ieee_missing"),
        ({"ieee": AN}, "ieee_missing"),
        ({"ieee": "00:11", "install_code": AN}, "bad_ieee"),
        ({"ieee": IEEE_HEX, "install_code": AN[:32]}, "bad_length"),
        ({"ieee": IEEE_HEX, "link_key": AN}, "bad_link_key_length"),
        ({"ieee": IEEE_HEX, "install_code": AN[:-1] + "0"}, "bad_crc"),
        ({"ieee": IEEE_HEX, "install_code": "xyz"}, "not_hex"),
        ({"qr_code": "nonsense"}, "unknown_format"),
    ],
)
def test_parse_device_code_errors(kwargs: dict[str, str], key: str) -> None:
    """The exclusive-input rules have specific errors."""
    with pytest.raises(InvalidCodeError) as exc_info:
        parse_device_code(**kwargs)
    assert exc_info.value.translation_key == key
    for value in kwargs.values():
        if len(value) > 16:
            assert_secret_free(exc_info.value, value)


def test_split_that_passes_the_crc_is_refused() -> None:
    """The split this text invites passes the CRC: IEEE + 8-byte code, both wrong."""
    text = "0000 0000 0000 51FB A54D CA18 2530 BB1D 5C32"
    digits = text.replace(" ", "")
    # The tail after a made-up IEEE is itself a valid 8-byte code ...
    assert InstallCode(bytes.fromhex(digits[16:])).code
    # ... and the whole text is a valid 16-byte code: refused, not split.
    assert InstallCode(bytes.fromhex(digits)).code
    with pytest.raises(InvalidCodeError) as exc_info:
        parse_device_code(qr_code=text)
    assert exc_info.value.translation_key == "ieee_missing"
    assert exc_info.value.placeholders == {"field": "qr_code"}


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"qr_code": "hello"}, "qr_code"),
        ({"ieee": "00:11", "install_code": AN}, "ieee"),
        ({"ieee": IEEE_HEX, "install_code": AN[:-1] + "0"}, "install_code"),
        ({"ieee": IEEE_HEX, "link_key": "12"}, "link_key"),
        ({"ieee": IEEE_HEX}, "ieee"),
        ({"install_code": AN}, "ieee"),
    ],
)
def test_errors_name_their_field(kwargs: dict[str, str], field: str) -> None:
    """A form can put each error on the field at fault."""
    with pytest.raises(InvalidCodeError) as exc_info:
        parse_device_code(**kwargs)
    assert exc_info.value.placeholders["field"] == field


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (f"Z:{IEEE_HEX}$I:{AN}", "zigbee"),
        (f"G$M:LS1$A:{IEEE_HEX}$I:{AN}", "aqara"),
        (f"{IEEE_HEX}|{AN}", "pipe"),
        (f"RB01SG{'0' * 34}{IEEE_HEX}DLK{AN}", "bosch"),
        (f"HUE:Z:{AN} M:{IEEE_HEX} D:L3B A:1184", "hue"),
        (f"{IEEE_HEX} {AN}", "plain"),
    ],
)
def test_format_names(text: str, name: str) -> None:
    """Each label says which format it was read from."""
    assert parse_qr_code(text).format == name
    assert parse_device_code(ieee=IEEE_HEX, install_code=AN).format == "plain"


def test_scanned_code_repr_is_redacted() -> None:
    """A scanned code can be logged."""
    text = repr(parse_qr_code(f"Z:{IEEE_HEX}$I:{AN}"))
    assert "InstallCode(<redacted>)" in text
    assert AN.lower() not in text.lower()
