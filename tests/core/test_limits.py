"""The text rule, the list's room and the budget of new areas, without Home Assistant."""

from __future__ import annotations

from hypothesis import given, strategies as st
import pytest
from zigpy.types import EUI64

from custom_components.provisioning.core import parse_ieee, parse_qr_code
from custom_components.provisioning.core.csv_io import neutralise_cell, write_csv
from custom_components.provisioning.core.limits import (
    MAX_TEXT_LENGTH,
    AreaBudget,
    InvalidTextError,
    ListFullError,
    ListRoom,
    clean_text,
)
from custom_components.provisioning.core.remote_client import _parse_devices

CODE = "83FED3407A939723A5C639B26916D505C3B5"

REFUSED = [
    "\x00",
    "\x1b",
    "\r",
    "\n",
    "\t",
    "\x7f",
    "\x85",
    "\u061c",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
]


@pytest.mark.parametrize("char", REFUSED, ids=[f"U+{ord(c):04X}" for c in REFUSED])
def test_control_and_bidi_characters_are_refused(char: str) -> None:
    """Inside a text, each control or bidirectional control is refused."""
    with pytest.raises(InvalidTextError) as err:
        clean_text(f"Lamp{char}x", "name")
    assert err.value.translation_key == "text_control_character"
    assert err.value.placeholders == {"field": "name"}


def test_length_trimming_and_empty() -> None:
    """Trimmed first; 255 characters pass, 256 and a megabyte don't."""
    assert clean_text("  Hall  ", "area") == "Hall"
    assert clean_text("   ", "area") is None
    assert clean_text(None, "area") is None
    assert clean_text("ü" * MAX_TEXT_LENGTH, "name") == "ü" * MAX_TEXT_LENGTH
    assert clean_text(" " + "x" * MAX_TEXT_LENGTH + "\n", "name") == "x" * 255
    for text in ("x" * (MAX_TEXT_LENGTH + 1), "x" * 1_000_000):
        with pytest.raises(InvalidTextError) as err:
            clean_text(text, "name")
        assert err.value.translation_key == "text_too_long"
        assert err.value.placeholders == {"field": "name", "max": "255"}
        assert len(str(err.value)) < 100


@given(st.text(max_size=300))
def test_accepted_text_has_no_forbidden_character(text: str) -> None:
    """Whatever is accepted is short, trimmed, and free of controls."""
    try:
        cleaned = clean_text(text, "name")
    except InvalidTextError:
        return
    if cleaned is None:
        assert not text.strip()
        return
    assert cleaned == cleaned.strip()
    assert len(cleaned) <= MAX_TEXT_LENGTH
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in cleaned)
    assert not set(cleaned) & set(REFUSED)


def test_list_room_counts_distinct_devices() -> None:
    """A device already listed needs no room; a new one past the limit is refused."""
    room = ListRoom({1, 2}, limit=3)
    room.take(1)
    room.take(3)
    room.check(2)
    with pytest.raises(ListFullError) as err:
        room.take(4)
    assert err.value.translation_key == "list_full"
    assert err.value.placeholders == {"limit": "3"}
    assert room.listed == {1, 2, 3}


def test_area_budget() -> None:
    """The budget allows `limit` new areas and counts what it refused."""
    budget = AreaBudget(limit=2)
    assert [budget.take() for _ in range(4)] == [True, True, False, False]
    assert (budget.created, budget.refused) == (2, 2)


@pytest.mark.parametrize("sign", ["\uff1d", "\uff0b", "\uff0d", "\uff20"])
def test_fullwidth_formula_signs_are_neutralised(sign: str) -> None:
    """The fullwidth ＝ ＋ － ＠ lead a formula like their ASCII forms."""  # noqa: RUF002
    cell = f'{sign}HYPERLINK("http://evil.example","x")'
    assert neutralise_cell(cell) == "'" + cell
    assert f"\"'{sign}HYPERLINK" in write_csv([[cell]], ["name"])


def test_server_texts_follow_the_rule() -> None:
    """A server's names and areas are trimmed; controls and bidi controls are refused."""

    def entry(n: int, **texts: str) -> dict[str, str]:
        return {
            "ieee": f"00:0d:6f:00:00:00:00:{n:02x}",
            "install_code": CODE,
            "state": "active",
            **texts,
        }

    devices, invalid = _parse_devices(
        [
            entry(1, name="  Meter 1 ", area=" Flat 1 "),
            entry(2, name="\x1b[2JMeter"),
            entry(3, area="Flat\u202e1"),
            entry(4, model="M\x00"),
            entry(5, name="x" * 256),
        ]
    )
    assert [(d.name, d.area) for d in devices] == [("Meter 1", "Flat 1")]
    assert invalid == [
        (1, "name contains a control character"),
        (2, "area contains a control character"),
        (3, "model contains a control character"),
        (4, "name is longer than 255 characters"),
    ]


def test_label_model_with_a_control_character_is_dropped() -> None:
    """A label's model hint follows the text rule; the code itself still reads."""
    label = "G$M:IC2%Z:540F57FFFE599FAA$I:D79CB21C6D197CE7A3339A683A90DFF2442A%M:1246"
    assert parse_qr_code(label).model == "IC2"
    for bad in ("IC\x1b2", "IC\u202e2"):
        scanned = parse_qr_code(label.replace("IC2", bad))
        assert scanned.model is None
        assert str(scanned.ieee) == "54:0f:57:ff:fe:59:9f:aa"


def test_listed_ieee_is_zigpys_eui64_with_a_kept_hash() -> None:
    """parse_ieee's addresses equal, hash and print like zigpy's EUI64."""
    text = "00:0d:6f:00:0a:bc:de:f1"
    listed = parse_ieee(text.upper())
    plain = EUI64.convert(text)
    assert isinstance(listed, EUI64)
    assert listed == plain
    assert hash(listed) == hash(plain) == hash(listed)
    assert str(listed) == repr(listed) == text
    assert {plain: 1}[listed] == 1
    assert {listed: 1}[plain] == 1
    assert listed.serialize() == plain.serialize()
