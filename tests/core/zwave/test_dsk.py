"""Typed DSKs, their masked PIN, and the security classes to grant."""

from __future__ import annotations

import json
import logging

import pytest

from custom_components.provisioning.core.errors import ZWaveCodeError
from custom_components.provisioning.core.zwave import (
    Dsk,
    SecurityClass,
    TypedDsk,
    parse_dsk,
    parse_security_classes,
    parse_typed_dsk,
)

DSK = "51525-35455-41424-34445-31323-33435-21222-32425"
MASKED = "xxxxx-35455-41424-34445-31323-33435-21222-32425"


@pytest.mark.parametrize(
    "text",
    [
        DSK,
        f"  {DSK}\n",
        DSK.replace("-", " "),
        DSK.replace("-", " - "),
        DSK.replace("-", "\t"),
        DSK.replace("-", ""),
        DSK.replace("-", "\n"),
    ],
)
def test_typed_forms(text: str) -> None:
    """Dashes, spaces or nothing between the groups."""
    dsk = parse_dsk(text)
    assert dsk.reveal() == DSK
    assert dsk.pin == "51525"
    assert dsk.groups[1:] == (35455, 41424, 34445, 31323, 33435, 21222, 32425)
    assert dsk.data == bytes.fromhex("c9458a7fa1d0868d7a5b829b52e67ea9")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "zwave_dsk_format"),
        (DSK[:-1], "zwave_dsk_format"),
        (DSK + "-12345", "zwave_dsk_format"),
        (DSK.replace("-", "", 1), "zwave_dsk_format"),
        (DSK.replace("-", "--", 1), "zwave_dsk_format"),
        (DSK.replace("-", "_"), "zwave_dsk_format"),
        ("-" + DSK, "zwave_dsk_format"),
        (DSK.replace("5", "\u0665"), "zwave_dsk_format"),
        (DSK.replace("5", "\uff15"), "zwave_dsk_format"),
        ("1234-51525-35455-41424-34445-31323-33435-21222", "zwave_dsk_format"),
        ("0x" + "ab" * 16, "zwave_dsk_format"),
        ("1" * 41, "zwave_dsk_format"),
        ("9" * 5000, "zwave_dsk_format"),
        ("65536-35455-41424-34445-31323-33435-21222-32425", "zwave_bad_dsk"),
        ("51525-35455-41424-34445-31323-33435-21222-99999", "zwave_bad_dsk"),
    ],
)
def test_malformed_dsks(text: str, key: str) -> None:
    """Refused with a translated error; the DSK never corrected."""
    with pytest.raises(ZWaveCodeError) as info:
        parse_dsk(text)
    assert info.value.translation_key == key
    assert info.value.placeholders["field"] == "dsk"


def test_bad_group_is_named_by_position() -> None:
    """Placeholder ``group`` is 1 to 8, never the digits."""
    with pytest.raises(ZWaveCodeError) as info:
        parse_dsk("51525-35455-41424-34445-31323-33435-21222-99999")
    assert info.value.placeholders == {"group": "8", "field": "dsk"}
    assert "99999" not in str(info.value)


def test_pin_is_masked_everywhere(caplog: pytest.LogCaptureFixture) -> None:
    """repr, str, f-strings, logs and the typed entry show xxxxx."""
    dsk = parse_dsk(DSK)
    entry = parse_typed_dsk(DSK, ["S2_Authenticated"])
    logger = logging.getLogger("tests.zwave")
    with caplog.at_level(logging.DEBUG):
        logger.warning("dsk %s %r entry %s", dsk, dsk, entry)
    for text in (repr(dsk), str(dsk), f"{dsk}", repr(entry), str(entry), caplog.text):
        assert "51525" not in text
        assert MASKED in text
    assert dsk.masked == MASKED


def test_equality_and_hash() -> None:
    """Equal DSKs compare and hash alike, whatever form they were typed in."""
    first, second = parse_dsk(DSK), parse_dsk(DSK.replace("-", ""))
    assert first == second
    assert hash(first) == hash(second)
    assert first != parse_dsk(DSK.replace("51525", "51526"))
    assert first != DSK
    with pytest.raises(ZWaveCodeError):
        Dsk(b"\x00" * 15)
    with pytest.raises(ZWaveCodeError):
        Dsk.from_groups([1] * 7)


def test_security_classes_match_zwave_js() -> None:
    """Names and numbers of zwave-js's SecurityClass enum."""
    assert {member.name: member.value for member in SecurityClass} == {
        "S2_Unauthenticated": 0,
        "S2_Authenticated": 1,
        "S2_AccessControl": 2,
        "S0_Legacy": 7,
    }


def test_security_classes_to_grant() -> None:
    """zwave-js names, any case, members too; none at all is allowed."""
    assert parse_security_classes(
        ["S2_AccessControl", "s0_legacy", SecurityClass.S2_Authenticated]
    ) == {
        SecurityClass.S2_AccessControl,
        SecurityClass.S0_Legacy,
        SecurityClass.S2_Authenticated,
    }
    assert parse_security_classes([]) == frozenset()
    assert parse_security_classes("S0_Legacy") == {SecurityClass.S0_Legacy}
    for bad in ("S2", "Temporary", "51525", "", "S2_AccessContro", "S2-Authenticated"):
        with pytest.raises(ZWaveCodeError) as info:
            parse_security_classes([bad])
        assert info.value.translation_key == "zwave_unknown_security_class"
        assert info.value.placeholders == {
            "allowed": "S2_Unauthenticated, S2_Authenticated, S2_AccessControl, S0_Legacy",
            "field": "security_classes",
        }
        assert "51525" not in str(info.value) + json.dumps(info.value.placeholders)


def test_typed_dsk_with_classes() -> None:
    """The typed entry holds the DSK and the classes to grant."""
    entry = parse_typed_dsk(f" {DSK} ", ("S2_Unauthenticated",))
    assert entry == TypedDsk(
        parse_dsk(DSK), frozenset({SecurityClass.S2_Unauthenticated})
    )
    with pytest.raises(ZWaveCodeError):
        parse_typed_dsk(DSK, ["S3"])
    with pytest.raises(ZWaveCodeError):
        parse_typed_dsk("1-2-3", ["S0_Legacy"])
