"""The server's Z-Wave code parser against the hub's, on the same codes.

The hub's parser (custom_components.provisioning.core.zwave) is checked against
zwave-js; the server has its own. Both must accept and refuse the same codes
and read the same DSK, security classes, protocol and product.
"""

from __future__ import annotations

from dataclasses import replace
import random

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.provisioning.core import zwave as hub_zwave
from custom_components.provisioning.core.errors import ZWaveCodeError
from provisioning_server import zwave
from provisioning_server.validation import ValidationError

Outcome = tuple[str, tuple[str, ...], str | None, tuple[int, int, int]] | None


def hub_code(
    seed: int,
    *,
    classes: frozenset[hub_zwave.SecurityClass] | None = None,
    protocols: frozenset[hub_zwave.Protocol] | None = None,
    interval: int | None = None,
    uuid16: str | None = None,
) -> hub_zwave.SmartStartQrCode:
    """A SmartStart code with a DSK and product of ``seed``."""
    rng = random.Random(seed)
    return hub_zwave.SmartStartQrCode(
        dsk=hub_zwave.Dsk(rng.randbytes(16)),
        requested_security_classes=classes
        if classes is not None
        else frozenset({hub_zwave.SecurityClass.S2_Authenticated}),
        product_type=hub_zwave.ProductType(
            rng.randrange(256), rng.randrange(256), rng.randrange(65536)
        ),
        product_id=hub_zwave.ProductId(
            rng.randrange(65536),
            rng.randrange(65536),
            rng.randrange(65536),
            (rng.randrange(256), rng.randrange(256)),
        ),
        max_inclusion_request_interval=interval,
        uuid16=uuid16,
        supported_protocols=protocols,
    )


def _hub_protocol(code: hub_zwave.SmartStartQrCode) -> str | None:
    protocols = code.supported_protocols
    if protocols is None:
        return None
    if hub_zwave.Protocol.ZWave in protocols:
        return "zwave"
    return (
        "zwave_long_range" if hub_zwave.Protocol.ZWaveLongRange in protocols else None
    )


def hub_outcome(text: str) -> Outcome:
    """What the hub reads of a code; None when it refuses it."""
    try:
        code = hub_zwave.parse_smartstart_qr(text)
    except ZWaveCodeError:
        return None
    return (
        code.dsk.reveal(),
        tuple(
            member.name
            for member in sorted(code.requested_security_classes)
            if member.name in zwave.SECURITY_CLASS_NAMES
        ),
        _hub_protocol(code),
        (
            code.product_id.manufacturer_id,
            code.product_id.product_type,
            code.product_id.product_id,
        ),
    )


def server_outcome(text: str) -> Outcome:
    """What the server reads of a code; None when it refuses it."""
    try:
        device = zwave.parse_smartstart_qr(text)
    except ValidationError:
        return None
    assert device.product is not None
    return (
        device.dsk,
        device.security_classes,
        device.zwave_protocol,
        (
            device.product.manufacturer_id,
            device.product.product_type,
            device.product.product_id,
        ),
    )


def _classes_in_order(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name for name in zwave.SECURITY_CLASS_NAMES if name in names)


def with_checksum(body: str, version: str = "01") -> str:
    """A code of ``body`` (what follows the checksum) with a correct checksum."""
    return f"90{version}{hub_zwave.qr_checksum(body):05d}{body}"


def block(kind: int, data: str, *, critical: bool = False) -> str:
    """One TLV block."""
    return f"{kind * 2 + critical:02d}{len(data):02d}{data}"


def generated_codes() -> list[str]:
    """Valid codes of every shape the encoder writes."""
    everything = frozenset(hub_zwave.SecurityClass)
    return [hub_zwave.encode_smartstart_qr(hub_code(seed)) for seed in range(40)] + [
        hub_zwave.encode_smartstart_qr(
            hub_code(
                100 + seed,
                classes=frozenset(
                    member for member in everything if seed & (1 << member)
                ),
                protocols=[
                    None,
                    frozenset(),
                    frozenset({hub_zwave.Protocol.ZWave}),
                    frozenset({hub_zwave.Protocol.ZWaveLongRange}),
                    frozenset(hub_zwave.Protocol),
                ][seed % 5],
                interval=[None, 128 * 5, 128 * 99][seed % 3],
                uuid16=None if seed % 2 else f"{seed:032x}",
            )
        )
        for seed in range(135)
    ]


def hostile_codes() -> list[str]:
    """Codes that are wrong, odd or at an edge of the format."""
    base = hub_zwave.encode_smartstart_qr(hub_code(7))
    body = base[9:]
    start = body[:43]  # classes and DSK
    product_type = block(0, "0010000012")
    product_id = block(1, "00001000020000300004")
    valid_body = start + product_type + product_id
    codes = [
        "",
        "90",
        "hello",
        base[:-1],
        base + "0",
        base + "00",
        base + "0000",
        base.replace("90", "91", 1),
        base[:2] + "02" + base[4:],
        base[:2] + "00" + base[4:],  # S2 only, checksum over the body still right
        with_checksum(body, "00"),
        with_checksum(body, "99"),
        base[:4] + f"{(int(base[4:9]) + 1) % 100000:05d}" + base[9:],
        " " + base + "\n",
        base[:20] + "\u00a0" + base[20:],
        base[:20] + "\u200b" + base[20:],  # zero width space: not white space
        base[:20] + "\ufeff" + base[20:],
        base.replace("1", "\u0661", 1),  # Arabic-Indic digit one
        base[:30] + "a" + base[31:],
        with_checksum("008" + body[3:]),  # reserved class bit 3
        with_checksum("255" + body[3:]),
        with_checksum("135" + body[3:]),  # all four classes
        with_checksum("000" + body[3:]),
        with_checksum("003" + "65535" * 8 + product_type + product_id),
        with_checksum("003" + "65536" + "00001" * 7 + product_type + product_id),
        with_checksum("003" + "00001" * 7 + "99999" + product_type + product_id),
        with_checksum(start),
        with_checksum(start + product_type),
        with_checksum(start + product_id),
        with_checksum(valid_body),
        with_checksum(valid_body + product_id),
        with_checksum(start + block(0, "001000001") + product_id),
        with_checksum(start + block(0, "00100000122") + product_id),
        with_checksum(start + block(0, "6553665535") + product_id),
        with_checksum(start + product_type + block(1, "0000100002000030000")),
        with_checksum(start + product_type + block(1, "70000000020000300004")),
        with_checksum(valid_body + block(2, "05")),
        with_checksum(valid_body + block(2, "5")),
        with_checksum(valid_body + block(2, "05") + block(2, "06")),
        with_checksum(valid_body + block(3, "00" + "00001" * 8)),
        with_checksum(valid_body + block(3, "00" + "00001" * 7)),
        with_checksum(valid_body + block(3, "00" + "70000" * 8)),
        with_checksum(valid_body + block(3, "01" + "00001" * 8)),
        with_checksum(valid_body + block(3, "01" + "00001" * 8, critical=True)),
        with_checksum(valid_body + block(3, "0")),
        with_checksum(valid_body + block(3, "")),
        with_checksum(valid_body + block(3, "1")),
        with_checksum(valid_body + block(4, "01")),
        with_checksum(valid_body + block(4, "002")),
        with_checksum(valid_body + block(4, "00003")),
        with_checksum(valid_body + block(4, "255")),
        with_checksum(valid_body + block(4, "256")),
        with_checksum(valid_body + block(4, "1")),
        with_checksum(valid_body + block(4, "0001")),
        with_checksum(valid_body + block(4, "012")),
        with_checksum(valid_body + block(4, "004")),
        with_checksum(valid_body + block(4, "01") + block(4, "02")),
        with_checksum(valid_body + block(4, "02", critical=True)),
        with_checksum(valid_body + block(5, "1234")),
        with_checksum(valid_body + block(5, "1234", critical=True)),
        with_checksum(valid_body + block(49, "")),
        with_checksum(valid_body + block(49, "", critical=True)),
        with_checksum(valid_body + block(10, "9" * 99)),
        with_checksum(valid_body + "01"),
        with_checksum(valid_body + "0105"),
        with_checksum(valid_body + "010512"),
        with_checksum(block(5, "12") + valid_body),
        with_checksum(valid_body + "0" * (7089 - 9 - len(valid_body))),
        with_checksum(valid_body + block(10, "9" * 99) * 80),
        "90" + "0" * 50,
        "9" * 7090,
        "90" + " " * 30000,
    ]
    rng = random.Random(1)
    for _ in range(300):
        digits = list(rng.choice([base, with_checksum(valid_body + block(4, "03"))]))
        for _ in range(rng.randrange(1, 3)):
            position = rng.randrange(len(digits))
            action = rng.randrange(3)
            if action == 0:
                digits[position] = str(rng.randrange(10))
            elif action == 1:
                del digits[position]
            else:
                digits.insert(position, str(rng.randrange(10)))
        text = "".join(digits)
        codes.append(text)
        if len(text) > 9 and text[9:].isdigit():
            codes.append(with_checksum(text[9:], text[2:4]))
    return codes


def test_generated_codes_read_alike() -> None:
    """Every code the hub's encoder writes reads the same on both sides."""
    for text in generated_codes():
        hub, server = hub_outcome(text), server_outcome(text)
        assert hub is not None
        assert server == (hub[0], _classes_in_order(hub[1]), hub[2], hub[3])


def test_hostile_codes_read_alike() -> None:
    """Both parsers accept and refuse the same wrong and odd codes."""
    accepted = refused = 0
    for text in hostile_codes():
        hub, server = hub_outcome(text), server_outcome(text)
        if hub is None:
            assert server is None, repr(text[:80])
            refused += 1
        else:
            assert server == (hub[0], _classes_in_order(hub[1]), hub[2], hub[3]), repr(
                text[:80]
            )
            accepted += 1
    # The set exercises both outcomes in numbers.
    assert accepted > 30
    assert refused > 100


def test_s2_only_has_its_own_error() -> None:
    """A version 00 code is refused as S2-only, not as malformed."""
    body = hub_zwave.encode_smartstart_qr(hub_code(3))[9:]
    text = with_checksum(body, "00")
    with pytest.raises(ZWaveCodeError) as hub_error:
        hub_zwave.parse_smartstart_qr(text)
    assert hub_error.value.translation_key == "zwave_s2_only"
    with pytest.raises(ValidationError, match="S2-only") as server_error:
        zwave.parse_smartstart_qr(text)
    pin = text[12:17]
    assert pin not in str(server_error.value)


@pytest.mark.parametrize(
    "text",
    [
        "12345-23456-34567-45678-56789-01234-12345-23456",
        " 12345 - 23456-34567 -45678-56789-01234-12345-23456 ",
        "12345 23456 34567 45678 56789 01234 12345 23456",
        "1234523456345674567856789012341234523456",
        "00000-00000-00000-00000-00000-00000-00000-65535",
        "65536-23456-34567-45678-56789-01234-12345-23456",
        "12345-23456-34567-45678-56789-01234-12345-99999",
        "12345-23456-34567-45678-56789-01234-12345",
        "12345-23456-34567-45678-56789-01234-12345-23456-1",
        "1234-23456-34567-45678-56789-01234-12345-234567",
        "12345--23456-34567-45678-56789-01234-12345-23456",
        "12345_23456_34567_45678_56789_01234_12345_23456",
        "123452345634567456785678901234123452345",
        "xxxxx-23456-34567-45678-56789-01234-12345-23456",
        "\u0661" + "2345-23456-34567-45678-56789-01234-12345-23456",
        "",
        "1" * 300,
    ],
)
def test_typed_dsks_read_alike(text: str) -> None:
    """A typed DSK reads the same on both sides, or is refused by both."""
    try:
        hub: str | None = hub_zwave.parse_dsk(text).reveal()
    except ZWaveCodeError:
        hub = None
    try:
        server: str | None = zwave.parse_dsk(text)
    except ValidationError as err:
        message: str | None = str(err)
        server = None
    else:
        message = None
    assert "2345" not in (message or "")
    assert server == hub


@pytest.mark.parametrize(
    "names",
    [
        [],
        ["S2_Unauthenticated"],
        ["s2_accesscontrol", "S0_Legacy", " S2_Authenticated "],
        ["S2_Authenticated", "S2_Authenticated"],
        ["S3"],
        ["S2_Authenticated", "secret12345"],
    ],
)
def test_security_classes_read_alike(names: list[str]) -> None:
    """Class names are matched alike; unknown ones refused without echo."""
    try:
        hub: tuple[str, ...] | None = _classes_in_order(
            tuple(member.name for member in hub_zwave.parse_security_classes(names))
        )
    except ZWaveCodeError:
        hub = None
    try:
        server: tuple[str, ...] | None = zwave.parse_security_classes(names)
    except ValidationError as err:
        message: str | None = str(err)
        server = None
    else:
        message = None
    assert "secret" not in (message or "")
    assert server == hub


def test_masked_dsk() -> None:
    """A masked DSK is the device id; a full one is refused as carrying the PIN."""
    dsk = "12345-23456-34567-45678-56789-01234-12345-23456"
    masked = "xxxxx-23456-34567-45678-56789-01234-12345-23456"
    assert zwave.mask_dsk(dsk) == masked
    assert hub_zwave.parse_dsk(dsk).masked == masked
    assert zwave.parse_masked_dsk(" XXXXX" + masked[5:]) == masked
    with pytest.raises(ValidationError, match="PIN") as err:
        zwave.parse_masked_dsk(dsk)
    assert "12345" not in str(err.value)
    with pytest.raises(ValidationError, match="masked DSK"):
        zwave.parse_masked_dsk("xxxxx-23456")
    with pytest.raises(ValidationError, match="over 65535"):
        zwave.parse_masked_dsk("xxxxx-23456-34567-45678-56789-01234-12345-99999")
    assert zwave.hide_dsks(f"GET /devices/{dsk}") == f"GET /devices/{masked}"


def test_device_repr_hides_the_pin() -> None:
    """A parsed device's repr shows no PIN."""
    code = hub_code(11)
    device = zwave.parse_smartstart_qr(hub_zwave.encode_smartstart_qr(code))
    assert code.dsk.pin not in repr(device).replace(device.masked, "")
    assert replace(device, zwave_protocol="zwave").masked == code.dsk.masked


def _group(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 31)):
        return f"{draw(st.integers(0, 65535)):05d}"
    return f"{draw(st.integers(65536, 99999)):05d}"


@st.composite
def structured_codes(draw: st.DrawFn) -> str:
    """Codes with a correct checksum and random blocks, often almost valid."""
    digits = st.text(alphabet="0123456789", min_size=0, max_size=12)
    classes = draw(st.sampled_from([0, 1, 2, 3, 4, 7, 128, 135]))
    if not draw(st.integers(0, 7)):
        classes = draw(st.integers(0, 999))
    body = f"{classes:03d}" + "".join(_group(draw) for _ in range(8))
    blocks: list[str] = []
    if draw(st.integers(0, 3)):
        blocks += [block(0, "0010000012"), block(1, "00001000020000300004")]
    for _ in range(draw(st.integers(0, 2))):
        kind = draw(st.integers(0, 12))
        data = draw(
            st.sampled_from(["", "0", "00", "01", "03", "255", "00003", "0" * 42])
            | digits
            | st.just("00" + "".join(_group(draw) for _ in range(8)))
        )
        blocks.insert(
            draw(st.integers(0, len(blocks))),
            block(kind, data, critical=draw(st.booleans())),
        )
    body += "".join(blocks)
    if not draw(st.integers(0, 4)):
        body += draw(digits)
    return with_checksum(body, draw(st.sampled_from(["01", "01", "01", "00", "02"])))


@settings(max_examples=600, deadline=None)
@given(text=structured_codes())
def test_structured_codes_read_alike(text: str) -> None:
    """Random block structures: both parsers agree on every one."""
    hub, server = hub_outcome(text), server_outcome(text)
    if hub is None:
        assert server is None
    else:
        assert server == (hub[0], _classes_in_order(hub[1]), hub[2], hub[3])
