"""Valid and hostile Z-Wave QR code texts, built digit by digit for the tests.

The builders here write the format themselves (not through the code under
test), so that a round trip checks the parser against an independent writer.
Every generator takes a ``random.Random``; Hypothesis hands in its own through
``st.randoms()``, and the corpus tests a seeded one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
import hashlib
import random

from custom_components.provisioning.core.zwave import (
    ProductId,
    ProductType,
    Protocol,
    SecurityClass,
)

CLASS_BITS = (0, 1, 2, 7)
# JavaScript's white space (dropped by zwave-js and the parser) and characters
# that only look like it or like digits (refused by both).
JS_WHITE_SPACE = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
NOT_WHITE_SPACE = "\x1c\x1d\x1e\x1f\x85\u200b"
UNICODE_DIGITS = "٠١٢٣٤٥٦٧٨٩０１２３４５６７８９"


def checksum(body: str) -> int:
    """First two bytes of the SHA-1 of the digits after the checksum field."""
    return int.from_bytes(hashlib.sha1(body.encode()).digest()[:2], "big")


def tlv(kind: int, data: str, *, critical: bool = False) -> str:
    """One block: type and critical bit, length, data."""
    return f"{kind * 2 + critical:02d}{len(data):02d}{data}"


def u16(value: int) -> str:
    """A 16-bit value as five digits."""
    return f"{value:05d}"


@dataclass
class Parts:
    """A code's fields as digits, with the values they stand for."""

    version: str = "01"
    mask: int = 0
    groups: list[int] = field(default_factory=list)
    blocks: list[str] = field(default_factory=list)
    product_type: ProductType | None = None
    product_id: ProductId | None = None
    interval: int | None = None
    uuid16: str | None = None
    protocols: frozenset[Protocol] | None = None

    @property
    def body(self) -> str:
        """The digits the checksum covers."""
        return (
            f"{self.mask:03d}"
            + "".join(u16(group) for group in self.groups)
            + "".join(self.blocks)
        )

    def text(self, checksum_value: int | None = None) -> str:
        """The code's text, with the right checksum unless one is given."""
        body = self.body
        value = checksum(body) if checksum_value is None else checksum_value
        return f"90{self.version}{value:05d}{body}"

    @property
    def classes(self) -> frozenset[SecurityClass]:
        """The requested classes."""
        return frozenset(
            SecurityClass(bit) for bit in CLASS_BITS if self.mask >> bit & 1
        )


def valid_parts(rng: random.Random, version: str = "01") -> Parts:
    """A valid code's parts: random values, optional blocks, unknown blocks."""
    parts = Parts(version=version)
    parts.mask = sum(1 << bit for bit in CLASS_BITS if rng.random() < 0.5)
    parts.groups = [rng.randrange(0x10000) for _ in range(8)]
    generic, specific, icon = (
        rng.randrange(256),
        rng.randrange(256),
        rng.randrange(0x10000),
    )
    parts.product_type = ProductType(generic, specific, icon)
    ids = [rng.randrange(0x10000) for _ in range(3)]
    major, minor = rng.randrange(256), rng.randrange(256)
    parts.product_id = ProductId(ids[0], ids[1], ids[2], (major, minor))
    blocks = [
        tlv(0, u16(generic << 8 | specific) + u16(icon), critical=rng.random() < 0.5),
        tlv(
            1,
            "".join(u16(value) for value in ids) + u16(major << 8 | minor),
            critical=rng.random() < 0.5,
        ),
    ]
    if rng.random() < 0.5:
        units = rng.randrange(100)
        parts.interval = 128 * units
        blocks.append(tlv(2, f"{units:02d}", critical=rng.random() < 0.5))
    if rng.random() < 0.5:
        raw = rng.randbytes(16)
        parts.uuid16 = raw.hex()
        data = "00" + "".join(
            u16(int.from_bytes(raw[i : i + 2])) for i in range(0, 16, 2)
        )
        blocks.append(tlv(3, data, critical=rng.random() < 0.5))
    if rng.random() < 0.5:
        mask = rng.randrange(256)
        parts.protocols = frozenset(p for p in Protocol if mask >> p & 1)
        width = rng.choice([3, 3, 5] + ([2] if mask < 100 else []))
        blocks.append(tlv(4, f"{mask:0{width}d}", critical=rng.random() < 0.5))
    for _ in range(rng.choice([0, 0, 1, 2])):
        blocks.append(tlv(rng.randrange(5, 50), random_digits(rng, 0, 30)))
    if rng.random() < 0.3:
        # A UUID16 in a presentation format zwave-js and the parser skip.
        blocks.append(
            tlv(3, f"{rng.randrange(1, 100):02d}" + random_digits(rng, 0, 40))
        )
    rng.shuffle(blocks)
    parts.blocks = blocks
    return parts


def malformed_known_block(text: str) -> bool:
    """Whether a code's blocks hold a known one that breaks the format.

    That is: a product type, product ID, interval, UUID16 (format 00) or
    protocols block of another length, with a value out of range, or given
    twice. Written apart from the parser, from the format's description.
    """
    digits = "".join(char for char in text if char not in JS_WHITE_SPACE)
    lengths = {0: (10,), 1: (20,), 2: (2,), 3: (42,), 4: (2, 3, 5)}
    offset, seen = 52, set()
    while offset + 4 <= len(digits) and digits[offset : offset + 4].isdecimal():
        kind, length = (
            int(digits[offset : offset + 2]) >> 1,
            int(digits[offset + 2 : offset + 4]),
        )
        data = digits[offset + 4 : offset + 4 + length]
        offset += 4 + length
        if kind not in lengths or (kind == 3 and data[:2] not in ("00", "0", "")):
            continue
        if kind in seen or len(data) != length or length not in lengths[kind]:
            return True
        seen.add(kind)
        groups = [data[i : i + 5] for i in range(2 if kind == 3 else 0, length, 5)]
        if kind != 2 and any(
            int(group) > (0xFF if kind == 4 else 0xFFFF) for group in groups
        ):
            return True
    return False


def random_digits(rng: random.Random, low: int, high: int) -> str:
    """Between low and high random digits."""
    return "".join(rng.choice("0123456789") for _ in range(rng.randint(low, high)))


def _replace(text: str, index: int, new: str, length: int = 1) -> str:
    return text[:index] + new + text[index + length :]


def _flip_digit(rng: random.Random, parts: Parts) -> str:
    text = parts.text()
    index = rng.randrange(len(text))
    digit = rng.choice([d for d in "0123456789" if d != text[index]])
    return _replace(text, index, digit)


def _change_body(rng: random.Random, parts: Parts) -> str:
    """Change, delete or insert digits after the DSK, checksum made right."""
    body = parts.body
    index = rng.randrange(43, len(body) + 1)
    action = rng.randrange(3)
    if action == 0 and index < len(body):
        body = _replace(body, index, rng.choice("0123456789"))
    elif action == 1 and index < len(body):
        body = _replace(body, index, "", rng.randint(1, 5))
    else:
        body = _replace(body, index, random_digits(rng, 1, 5), 0)
    return f"90{parts.version}{checksum(body):05d}{body}"


def _truncate(rng: random.Random, parts: Parts) -> str:
    text = parts.text()
    return text[: rng.randrange(len(text))]


def _truncate_fixed(rng: random.Random, parts: Parts) -> str:
    body = parts.body
    body = body[: rng.randrange(len(body))]
    return f"90{parts.version}{checksum(body):05d}{body}"


def _append(rng: random.Random, parts: Parts) -> str:
    return parts.text() + rng.choice(
        [
            random_digits(rng, 1, 8),
            " ",
            "x",
            "\n90",
            "!",
            "Z:" + random_digits(rng, 1, 4),
        ]
    )


def _prefix(rng: random.Random, parts: Parts) -> str:
    return rng.choice(["QR:", "x", "0", "9", "90", "S:", "zws2dsk:"]) + parts.text()


def _white_space(rng: random.Random, parts: Parts) -> str:
    text = parts.text()
    for _ in range(rng.randint(1, 4)):
        index = rng.randrange(len(text) + 1)
        text = _replace(text, index, rng.choice(JS_WHITE_SPACE + NOT_WHITE_SPACE), 0)
    return text


def _unicode_digit(rng: random.Random, parts: Parts) -> str:
    text = parts.text()
    index = rng.randrange(len(text))
    return _replace(text, index, UNICODE_DIGITS[int(text[index]) + rng.choice([0, 10])])


def _version(rng: random.Random, parts: Parts) -> str:
    parts.version = f"{rng.randrange(2, 100):02d}"
    return parts.text()


def _classes(rng: random.Random, parts: Parts) -> str:
    parts.mask = rng.randrange(1000)
    return parts.text()


def _dsk_group(rng: random.Random, parts: Parts) -> str:
    parts.groups[rng.randrange(8)] = rng.randrange(0x10000, 100000)
    return parts.text()


def _checksum_field(rng: random.Random, parts: Parts) -> str:
    return parts.text(rng.randrange(0x10000, 100000))


def _wrong_checksum(rng: random.Random, parts: Parts) -> str:
    right = checksum(parts.body)
    return parts.text((right + rng.randrange(1, 0x10000)) % 0x10000)


def _critical_unknown(rng: random.Random, parts: Parts) -> str:
    parts.blocks.insert(
        rng.randrange(len(parts.blocks) + 1),
        tlv(rng.randrange(5, 50), random_digits(rng, 0, 20), critical=True),
    )
    return parts.text()


def _bad_length(rng: random.Random, parts: Parts) -> str:
    """A known block of a length the format does not give it."""
    kind = rng.randrange(5)
    allowed = {0: (10,), 1: (20,), 2: (2,), 3: (42,), 4: (2, 3, 5)}[kind]
    length = rng.choice([n for n in range(50) if n not in allowed])
    data = random_digits(rng, length, length)
    if kind == 3 and length >= 2:
        data = "00" + data[2:]
    parts.blocks = [b for b in parts.blocks if int(b[:2]) >> 1 != kind]
    parts.blocks.insert(
        rng.randrange(len(parts.blocks) + 1),
        tlv(kind, data, critical=rng.random() < 0.5),
    )
    return parts.text()


def _out_of_range(rng: random.Random, parts: Parts) -> str:
    kind = rng.choice([0, 1, 3, 4])
    big = u16(rng.randrange(0x10000, 100000))
    data = {
        0: big + u16(0),
        1: u16(1) + big + u16(2) + u16(3),
        3: "00" + big * 8,
        4: f"{rng.randrange(256, 100000):05d}",
    }[kind]
    parts.blocks = [b for b in parts.blocks if int(b[:2]) >> 1 != kind]
    parts.blocks.insert(rng.randrange(len(parts.blocks) + 1), tlv(kind, data))
    return parts.text()


def _duplicate(rng: random.Random, parts: Parts) -> str:
    known = [b for b in parts.blocks if int(b[:2]) >> 1 < 5]
    parts.blocks.insert(rng.randrange(len(parts.blocks) + 1), rng.choice(known))
    return parts.text()


def _missing(rng: random.Random, parts: Parts) -> str:
    kind = rng.randrange(2)
    parts.blocks = [b for b in parts.blocks if int(b[:2]) >> 1 != kind]
    return parts.text()


def _uuid_other_format(rng: random.Random, parts: Parts) -> str:
    data = f"{rng.randrange(1, 100):02d}" + random_digits(rng, 0, 40)
    parts.blocks.append(tlv(3, data, critical=rng.random() < 0.5))
    return parts.text()


def _digits(rng: random.Random, parts: Parts) -> str:
    return "90" + random_digits(rng, 0, 120)


def _any_text(rng: random.Random, parts: Parts) -> str:
    alphabet = "0123456789 -:$%ZzS\u00a0\n\x00é٩"
    return "".join(rng.choice(alphabet) for _ in range(rng.randrange(80)))


def _s2_only(rng: random.Random, parts: Parts) -> str:
    parts.version = "00"
    return parts.text()


def _valid(rng: random.Random, parts: Parts) -> str:
    return parts.text()


MUTATIONS: tuple[Callable[[random.Random, Parts], str], ...] = (
    _valid,
    _s2_only,
    _flip_digit,
    _change_body,
    _truncate,
    _truncate_fixed,
    _append,
    _prefix,
    _white_space,
    _unicode_digit,
    _version,
    _classes,
    _dsk_group,
    _checksum_field,
    _wrong_checksum,
    _critical_unknown,
    _bad_length,
    _out_of_range,
    _duplicate,
    _missing,
    _uuid_other_format,
    _digits,
    _any_text,
)


def hostile_code(rng: random.Random) -> str:
    """A valid code, an S2-only one or a valid code damaged in one of many ways."""
    return rng.choice(MUTATIONS)(rng, valid_parts(rng))
