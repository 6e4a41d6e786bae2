"""The parser against zwave-js's own ``parseQRCodeString`` and DSK parser.

Each test sends a whole batch through one Node process. For every text:

- a code the parser accepts, zwave-js accepts too, with the same DSK,
  security classes, product data, interval, UUID16 and protocols;
- a valid S2-only code (refused with ``zwave_s2_only``) is one zwave-js reads
  as version 0, with the same content;
- a code zwave-js refuses, the parser refuses;
- a code zwave-js accepts and the parser refuses is one of the deliberate
  differences the parser's rules state, and the test checks which: a known
  block zwave-js reads although its length or value breaks the format
  (``zwave_bad_block``), or a text in which zwave-js searched for a code (a
  code with something before or after it), where the code it found is one the
  parser accepts on its own, with the same content. The first is checked by
  a separate reading of the blocks (``codes.malformed_known_block``).
"""

from __future__ import annotations

from collections import Counter
import random
import time
from typing import Any

from hypothesis import HealthCheck, given, settings, strategies as st

from custom_components.provisioning.core.errors import ZWaveCodeError
from custom_components.provisioning.core.zwave import (
    SmartStartQrCode,
    parse_dsk,
    read_qr_code,
)

from .codes import JS_WHITE_SPACE, hostile_code, malformed_known_block, valid_parts
from .zwavejs import ZwaveJs

CORPUS_SIZE = 5000
BATCH_SETTINGS = settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example],
)
SEEDS = st.lists(st.integers(0, 2**64), min_size=200, max_size=200)


def as_zwave_js(version: int, code: SmartStartQrCode) -> dict[str, Any]:
    """The fields zwave-js returns for a code, from the parser's reading."""
    classes = sorted(code.requested_security_classes)
    result: dict[str, Any] = {
        "version": version,
        "requestedSecurityClasses": classes,
        "securityClasses": classes,
        "dsk": code.dsk.reveal(),
        "genericDeviceClass": code.product_type.generic_device_class,
        "specificDeviceClass": code.product_type.specific_device_class,
        "installerIconType": code.product_type.installer_icon_type,
        "manufacturerId": code.product_id.manufacturer_id,
        "productType": code.product_id.product_type,
        "productId": code.product_id.product_id,
        "applicationVersion": code.product_id.application_version_text,
    }
    if code.max_inclusion_request_interval is not None:
        result["maxInclusionRequestInterval"] = code.max_inclusion_request_interval
    if code.uuid16 is not None:
        result["uuid"] = code.uuid16
    if code.supported_protocols is not None:
        result["supportedProtocols"] = sorted(code.supported_protocols)
    return result


def known_fields(answer: dict[str, Any]) -> dict[str, Any]:
    """zwave-js's result without raw unknown blocks; reserved protocol bits dropped."""
    keys = set(as_zwave_js(0, _EXAMPLE)) | {
        "maxInclusionRequestInterval",
        "uuid",
        "supportedProtocols",
    }
    result = {key: value for key, value in answer.items() if key in keys}
    if "supportedProtocols" in result:
        result["supportedProtocols"] = [
            p for p in result["supportedProtocols"] if p < 2
        ]
    return result


_EXAMPLE = read_qr_code(
    "900132782003515253545541424344453132333435212223242500100435301537022065520001000000300578"
)[1]


def found_by_search(text: str, theirs: dict[str, Any]) -> bool:
    """Whether a code inside the text, which the parser accepts, is zwave-js's."""
    digits = "".join(char for char in text if char not in JS_WHITE_SPACE)
    for start in range(len(digits) - 1):
        if digits[start : start + 2] != "90":
            continue
        for end in range(start + 52, len(digits) + 1):
            if (start, end) == (0, len(digits)):
                continue
            try:
                version, code = read_qr_code(digits[start:end])
            except ZWaveCodeError:
                continue
            if as_zwave_js(version, code) == theirs:
                return True
    return False


def check(text: str, answer: dict[str, Any]) -> str:
    """Check one text against zwave-js's answer; return how they compare."""
    try:
        version, code = read_qr_code(text)
    except ZWaveCodeError as err:
        key = err.translation_key
    else:
        key = None
    if key is not None:
        if not answer["ok"]:
            return "both refuse"
        if key == "zwave_bad_block":
            assert malformed_known_block(text), (text, answer)
            return "bad block read by zwave-js"
        theirs = known_fields(answer["result"])
        assert found_by_search(text, theirs), (text, key, answer)
        return "zwave-js searched the text"
    assert answer["ok"], (text, answer)
    assert known_fields(answer["result"]) == as_zwave_js(version, code), text
    return "both accept" if version == 1 else "both read an S2-only code"


def compare(zwave_js: ZwaveJs, texts: list[str]) -> Counter[str]:
    """Check a batch; return how many texts compared in which way."""
    answers = zwave_js.parse_qr(texts)
    return Counter(
        check(text, answer) for text, answer in zip(texts, answers, strict=True)
    )


def test_notes_example_matches_zwave_js(zwave_js: ZwaveJs) -> None:
    """The example code reads the same in both."""
    text = "900132782003515253545541424344453132333435212223242500100435301537022065520001000000300578"
    assert compare(zwave_js, [text]) == {"both accept": 1}


def test_seeded_corpus_matches_zwave_js(zwave_js: ZwaveJs) -> None:
    """Thousands of valid and damaged codes, one Node call, every kind seen."""
    rng = random.Random(20261205)
    texts = [valid_parts(rng).text() for _ in range(CORPUS_SIZE // 5)]
    texts += [hostile_code(rng) for _ in range(CORPUS_SIZE - len(texts))]
    started = time.perf_counter()
    outcome = compare(zwave_js, texts)
    elapsed = time.perf_counter() - started
    print(f"{len(texts)} codes compared in {elapsed:.2f} s: {dict(outcome)}")
    assert outcome["both accept"] >= CORPUS_SIZE // 5
    for kind in (
        "both refuse",
        "both read an S2-only code",
        "bad block read by zwave-js",
        "zwave-js searched the text",
    ):
        assert outcome[kind] > 0, (kind, outcome)


@BATCH_SETTINGS
@given(SEEDS)
def test_generated_valid_codes_match_zwave_js(
    zwave_js: ZwaveJs, seeds: list[int]
) -> None:
    """Valid codes (from Hypothesis' seeds): both accept them alike."""
    outcome = compare(zwave_js, [valid_parts(random.Random(s)).text() for s in seeds])
    assert outcome == {"both accept": len(seeds)}


@BATCH_SETTINGS
@given(SEEDS)
def test_generated_hostile_codes_match_zwave_js(
    zwave_js: ZwaveJs, seeds: list[int]
) -> None:
    """Damaged codes (from Hypothesis' seeds): refusals agree but for stated rules."""
    compare(zwave_js, [hostile_code(random.Random(seed)) for seed in seeds])


@BATCH_SETTINGS
@given(st.lists(st.text(max_size=120), min_size=100, max_size=100))
def test_arbitrary_text_matches_zwave_js(zwave_js: ZwaveJs, texts: list[str]) -> None:
    """Any text at all: never accepted by one and refused by the other unexplained."""
    compare(zwave_js, texts)


def test_typed_dsk_matches_zwave_js(zwave_js: ZwaveJs) -> None:
    """zwave-js's DSK form: accepted alike; other typed forms give the same DSK."""
    rng = random.Random(7)
    canonical = [
        "-".join(f"{rng.randrange(0x10000):05d}" for _ in range(8)) for _ in range(300)
    ]
    damaged = [
        "-".join(f"{rng.randrange(100000):05d}" for _ in range(8)) for _ in range(300)
    ]
    damaged += [text[: rng.randrange(len(text))] for text in canonical[:100]]
    damaged += [
        text.replace("-", rng.choice(["--", "_", "."]), 1) for text in canonical[:100]
    ]
    texts = canonical + damaged
    answers = zwave_js.parse_dsk(texts)
    accepted = 0
    for text, answer in zip(texts, answers, strict=True):
        try:
            dsk = parse_dsk(text)
        except ZWaveCodeError:
            assert not answer["ok"], text
            continue
        accepted += 1
        assert answer == {"ok": True, "result": dsk.reveal()}, text
    assert accepted > 300
    # Spaces and no separators are read as the same DSK zwave-js reads.
    loose = [
        text.replace("-", rng.choice([" ", "", " - ", "\t"])) for text in canonical
    ]
    assert [parse_dsk(text).reveal() for text in loose] == [
        answer["result"] for answer in zwave_js.parse_dsk(canonical)
    ]
