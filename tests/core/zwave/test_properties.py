"""Property-based tests: round trips of generated codes, hostile inputs."""

from __future__ import annotations

import json
import random
import re

from hypothesis import given, settings, strategies as st

from custom_components.provisioning.core.errors import ZWaveCodeError
from custom_components.provisioning.core.zwave import (
    Dsk,
    ProductId,
    ProductType,
    Protocol,
    SecurityClass,
    SmartStartQrCode,
    encode_smartstart_qr,
    parse_dsk,
    parse_smartstart_qr,
    read_qr_code,
)

from .codes import hostile_code, valid_parts

U8 = st.integers(0, 0xFF)
U16 = st.integers(0, 0xFFFF)
CODES = st.builds(
    SmartStartQrCode,
    dsk=st.binary(min_size=16, max_size=16).map(Dsk),
    requested_security_classes=st.frozensets(st.sampled_from(SecurityClass)),
    product_type=st.builds(ProductType, U8, U8, U16),
    product_id=st.builds(ProductId, U16, U16, U16, st.tuples(U8, U8)),
    max_inclusion_request_interval=st.none()
    | st.integers(0, 99).map(lambda u: 128 * u),
    uuid16=st.none() | st.binary(min_size=16, max_size=16).map(bytes.hex),
    supported_protocols=st.none() | st.frozensets(st.sampled_from(Protocol)),
)
FIVE_DIGITS = re.compile(r"[0-9]{5}")
PLACEHOLDERS = {"field", "block", "version", "group", "allowed"}


def check_error(err: ZWaveCodeError) -> None:
    """A translated error whose placeholders hold no DSK digits."""
    assert err.translation_key.startswith("zwave_")
    assert set(err.placeholders) <= PLACEHOLDERS
    assert not FIVE_DIGITS.search(json.dumps(err.placeholders))


@given(CODES)
def test_encode_parse_round_trip(code: SmartStartQrCode) -> None:
    """Writing then reading any code gives it back."""
    text = encode_smartstart_qr(code)
    assert parse_smartstart_qr(text) == code
    assert code.dsk.pin not in repr(parse_smartstart_qr(text)).split("xxxxx", 1)[0]
    assert code.dsk.reveal() not in repr(code)


@settings(max_examples=300)
@given(st.randoms(use_true_random=False))
def test_independently_written_codes_are_read(rng: random.Random) -> None:
    """Codes written digit by digit, blocks shuffled, unknown blocks mixed in."""
    parts = valid_parts(rng)
    version, code = read_qr_code(parts.text())
    assert version == 1
    assert code.dsk.groups == tuple(parts.groups)
    assert code.requested_security_classes == parts.classes
    assert code.product_type == parts.product_type
    assert code.product_id == parts.product_id
    assert code.max_inclusion_request_interval == parts.interval
    assert code.uuid16 == parts.uuid16
    assert code.supported_protocols == parts.protocols
    # The writer gives a canonical text that reads the same.
    assert parse_smartstart_qr(encode_smartstart_qr(code)) == code


@settings(max_examples=500)
@given(st.randoms(use_true_random=False))
def test_hostile_codes_raise_only_translated_errors(rng: random.Random) -> None:
    """Damaged codes: a SmartStartQrCode or a ZWaveCodeError, nothing else."""
    try:
        code = parse_smartstart_qr(hostile_code(rng))
    except ZWaveCodeError as err:
        check_error(err)
    else:
        assert "xxxxx" in repr(code)


@settings(max_examples=500)
@given(st.text(max_size=300) | st.from_regex(r"\A90[0-9 ]{0,200}\Z"))
def test_any_text_raises_only_translated_errors(text: str) -> None:
    """Any text, as QR code or DSK: a result or a ZWaveCodeError."""
    for parse in (parse_smartstart_qr, parse_dsk):
        try:
            parse(text)
        except ZWaveCodeError as err:
            check_error(err)


@given(st.lists(U16, min_size=8, max_size=8), st.sampled_from(["-", " ", "", " - "]))
def test_dsk_round_trip(groups: list[int], separator: str) -> None:
    """Any eight groups, typed with any separator, read back; PIN masked."""
    text = separator.join(f"{group:05d}" for group in groups)
    dsk = parse_dsk(text)
    assert dsk.groups == tuple(groups)
    assert parse_dsk(dsk.reveal()) == dsk
    assert repr(dsk) == "Dsk(xxxxx-" + dsk.reveal()[6:] + ")"
