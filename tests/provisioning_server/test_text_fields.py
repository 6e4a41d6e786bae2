"""Names, areas, manufacturers and models: trimmed, at most 255 characters, no
control characters (Cc) and no bidirectional controls, through every way in."""

from __future__ import annotations

import pathlib
import re

import aiohttp
import pytest
import yaml

from provisioning_server.validation import (
    BIDI_CONTROLS,
    MAX_TEXT_LENGTH,
    ValidationError,
    device_from_json,
    parse_devices_csv,
)

from .conftest import Deployment
from .helpers import HUB, make_ieee, make_link_key

API_DOC = pathlib.Path(__file__).parents[2] / "docs" / "provisioning-api.yaml"
FIELDS = ("name", "area", "manufacturer", "model")
REFUSED = [
    "\x00",  # NUL
    "\x1b[31mred",  # ESC: a terminal escape sequence
    "two\nlines",
    "a\rb",
    "tab\there",
    "del\x7f",
    "next\x85line",  # C1
    "\u202eevil.exe",  # RIGHT-TO-LEFT OVERRIDE
    "\u202aembedded",
    "\u2066isolate\u2069",
    "mark\u200f",  # RIGHT-TO-LEFT MARK
    "arabic\u061c",  # ARABIC LETTER MARK
]
ORDINARY = pytest.mark.parametrize(
    "text",
    [
        "Heat meter 2",
        "Küche · 2. OG",
        "مطبخ",  # right-to-left text itself is fine
        "台所",
        "👨\u200d👩\u200d👧 room",  # ZERO WIDTH JOINER is a format character, not bidi
        "a\u00a0b",  # NO-BREAK SPACE
    ],
)


def device(**text: str) -> dict[str, str]:
    return {"ieee": make_ieee(1), "link_key": make_link_key(1), **text}


def test_bidi_controls_are_the_unicode_set() -> None:
    """The refused set is exactly the Bidi_Control characters of Unicode."""
    assert len(BIDI_CONTROLS) == 12
    assert {f"{ord(c):04X}" for c in BIDI_CONTROLS} == {
        "061C",
        "200E",
        "200F",
        *(f"{n:04X}" for n in range(0x202A, 0x202F)),
        *(f"{n:04X}" for n in range(0x2066, 0x206A)),
    }


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("text", REFUSED)
def test_control_characters_are_refused(field: str, text: str) -> None:
    with pytest.raises(ValidationError, match=f"^{field} contains a"):
        device_from_json(device(**{field: text}))


@pytest.mark.parametrize("field", FIELDS)
def test_text_is_trimmed_then_limited(field: str) -> None:
    longest = "é" * MAX_TEXT_LENGTH
    record = device_from_json(device(**{field: f" \t{longest}\n "}))
    assert getattr(record, field) == longest
    with pytest.raises(ValidationError, match="longer than 255 characters"):
        device_from_json(device(**{field: longest + "x"}))
    assert getattr(device_from_json(device(**{field: " \n "})), field) is None


@ORDINARY
def test_ordinary_text_is_kept(text: str) -> None:
    record = device_from_json(device(name=text, area=text))
    assert (record.name, record.area) == (text, text)


def test_csv_import_rejects_the_line() -> None:
    result = parse_devices_csv(
        "ieee,link_key,name,area\n"
        f"{make_ieee(1)},{make_link_key(1)},Meter,Hall\n"
        f"{make_ieee(2)},{make_link_key(2)},\u202eretem,Hall\n"
        f'{make_ieee(3)},{make_link_key(3)},Valve,"Floor\n2"\n'
    )
    assert [d.ieee for d in result.devices] == [make_ieee(1)]
    assert result.errors == [
        (3, "name contains a bidirectional control character (U+202E)"),
        (5, "area contains a control character (U+000A)"),
    ]


async def test_management_api_refuses_and_stores_nothing(
    deployment: Deployment, session: aiohttp.ClientSession
) -> None:
    url = deployment.admin_url(f"/hubs/{HUB}/devices/{make_ieee(1)}")
    async with session.put(
        url,
        json={"link_key": make_link_key(1), "name": "Meter\x1b]0;pwned\x07"},
        headers=deployment.admin(),
    ) as response:
        assert response.status == 400
        body = await response.json()
    assert body["error"] == "invalid_request"
    assert body["message"] == "name contains a control character (U+001B)"
    async with session.put(
        url,
        json={"link_key": make_link_key(1), "area": "  Hall  ", "name": "Meter"},
        headers=deployment.admin(),
    ) as response:
        assert response.status == 201
    async with session.get(
        deployment.devices_url(), headers=deployment.auth()
    ) as response:
        (listed,) = (await response.json())["devices"]
    assert (listed["name"], listed["area"]) == ("Meter", "Hall")


def label_pattern() -> re.Pattern[str]:
    schema = yaml.safe_load(API_DOC.read_text())["components"]["schemas"]["Label"]
    assert schema["maxLength"] == MAX_TEXT_LENGTH
    return re.compile(schema["pattern"])


@pytest.mark.parametrize("text", REFUSED)
def test_documented_pattern_refuses_what_the_server_refuses(text: str) -> None:
    assert label_pattern().search(text) is None


@ORDINARY
def test_documented_pattern_accepts_ordinary_text(text: str) -> None:
    assert label_pattern().search(text) is not None
