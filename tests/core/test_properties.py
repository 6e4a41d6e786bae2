"""Property-based tests of the parsers."""

from __future__ import annotations

from hypothesis import given, strategies as st
import pytest
from zigpy.types import EUI64
from zigpy.util import convert_install_code

from custom_components.provisioning.core import (
    InvalidCodeError,
    parse_device_code,
    parse_ieee,
    parse_install_code,
    parse_link_key,
    parse_qr_code,
)

from .conftest import with_crc

HEX = st.text(alphabet="0123456789abcdefABCDEF", max_size=120)
TEXT = st.one_of(st.text(max_size=200), HEX)
OPTIONAL_TEXT = st.one_of(st.none(), TEXT)
CODE_SIZES = st.sampled_from([6, 8, 12, 16])
SEPARATORS = st.sampled_from(["", " ", "-", ":", "."])


def group(digits: str, separator: str, size: int) -> str:
    """Write digits in groups joined by separator."""
    return separator.join(digits[i : i + size] for i in range(0, len(digits), size))


def only_invalid_code_error(parse: object, *args: object, **kwargs: object) -> None:
    """Call parse; any exception must be an InvalidCodeError."""
    error: InvalidCodeError | None = None
    try:
        parse(*args, **kwargs)  # type: ignore[operator]
    except InvalidCodeError as err:
        error = err
    if error is not None:
        assert error.translation_key
        assert error.__context__ is None or isinstance(
            error.__context__, InvalidCodeError
        )


@given(TEXT)
def test_parsers_raise_only_invalid_code_error(text: str) -> None:
    """Any text fails, if at all, with InvalidCodeError."""
    for parse in (parse_qr_code, parse_install_code, parse_link_key, parse_ieee):
        only_invalid_code_error(parse, text)


@given(OPTIONAL_TEXT, OPTIONAL_TEXT, OPTIONAL_TEXT, OPTIONAL_TEXT)
def test_device_code_raises_only_invalid_code_error(
    qr_code: str | None, ieee: str | None, install_code: str | None, key: str | None
) -> None:
    """Any input combination fails, if at all, with InvalidCodeError."""
    only_invalid_code_error(
        parse_device_code,
        qr_code=qr_code,
        ieee=ieee,
        install_code=install_code,
        link_key=key,
    )


@given(
    st.integers(0, 80).flatmap(
        lambda n: st.text(alphabet="0123456789abcdef", min_size=n, max_size=n)
    ),
    st.sampled_from(["Z:{}$I:{}", "{}|{}", "G$M:1$A:{}$I:{}", "HUE:Z:{1} M:{0}"]),
)
def test_hex_of_all_lengths(digits: str, template: str) -> None:
    """Hex strings of every length inside every format fail cleanly."""
    for text in (digits, template.format(digits[:16], digits[16:])):
        only_invalid_code_error(parse_qr_code, text)
        only_invalid_code_error(parse_qr_code, text.upper())


@given(st.binary(min_size=16, max_size=16), SEPARATORS, st.booleans())
def test_link_key_round_trip(key: bytes, separator: str, upper: bool) -> None:
    """Any link key, however written, parses to itself."""
    digits = key.hex().upper() if upper else key.hex()
    assert bytes(parse_link_key(group(digits, separator, 2)).link_key) == key


@given(
    CODE_SIZES.flatmap(lambda n: st.binary(min_size=n, max_size=n)),
    st.binary(min_size=8, max_size=8),
    SEPARATORS,
    st.sampled_from([2, 4]),
    st.booleans(),
)
def test_install_code_round_trip(
    data: bytes, ieee_bytes: bytes, separator: str, size: int, upper: bool
) -> None:
    """Any code with its CRC, in any format, gives convert_install_code's key."""
    code = with_crc(data)
    expected = convert_install_code(code)
    digits = code.hex().upper() if upper else code.hex()
    ieee_hex = ieee_bytes.hex()
    ieee = EUI64.convert(ieee_hex)

    assert parse_install_code(group(digits, separator, size)).link_key == expected
    texts = [
        f"Z:{ieee_hex}$I:{digits}",
        f"$S:1%Z:{ieee_hex}$I:{digits}$P:2",
        f"G$M:m$A:{ieee_hex}$I:{digits}",
        f"{ieee_hex}|{digits}|",
        f"HUE:Z:{digits} M:{ieee_hex} D:1",
        f"{group(ieee_hex, ':', 2)} {group(digits, separator or ' ', size)}",
    ]
    for text in texts:
        scanned = parse_qr_code(text.lower() if upper else text.upper())
        assert scanned.credential.link_key == expected
        if not str(ieee).endswith("16:a7:20"):
            assert scanned.ieee == ieee
    scanned = parse_device_code(ieee=ieee_hex, install_code=digits)
    assert scanned.credential.link_key == expected


@given(
    CODE_SIZES.flatmap(lambda n: st.binary(min_size=n, max_size=n)),
    st.lists(st.sampled_from(["", " ", "-", ":", ".", "\n", "\t", " - "]), min_size=1),
    st.sampled_from([1, 2, 3, 4, 5, 8]),
    st.booleans(),
    st.booleans(),
)
def test_lone_install_code_is_never_accepted(
    data: bytes, separators: list[str], size: int, upper: bool, prefix: bool
) -> None:
    """A lone install code of any length, however written, is refused as ieee_missing.

    Nothing else of the text can give the IEEE address, so accepting it would
    mean a made-up address and a wrong key.
    """
    digits = with_crc(data).hex()
    digits = digits.upper() if upper else digits
    chunks = [digits[i : i + size] for i in range(0, len(digits), size)]
    text = chunks[0] + "".join(
        separators[i % len(separators)] + chunk for i, chunk in enumerate(chunks[1:])
    )
    text = f"0x{text}" if prefix else text
    for parse in (
        lambda: parse_qr_code(text),
        lambda: parse_device_code(qr_code=text),
        lambda: parse_device_code(install_code=text),
        lambda: parse_device_code(ieee=text),
    ):
        with pytest.raises(InvalidCodeError) as exc_info:
            parse()
        assert exc_info.value.translation_key == "ieee_missing"


@given(
    CODE_SIZES.flatmap(lambda n: st.binary(min_size=n, max_size=n)),
    st.integers(1, 0xFFFF),
)
def test_wrong_crc_is_never_accepted(data: bytes, flip: int) -> None:
    """A code with a wrong CRC is always refused as bad_crc."""
    code = bytearray(with_crc(data))
    code[-2] ^= flip & 0xFF
    code[-1] ^= flip >> 8
    with pytest.raises(InvalidCodeError) as exc_info:
        parse_install_code(bytes(code).hex())
    assert exc_info.value.translation_key == "bad_crc"
