"""DSK PINs are masked in the Z-Wave libraries' log records, and nothing else."""

from __future__ import annotations

import logging
import pprint
import random

import pytest

from custom_components.provisioning.core.zwave import parse_dsk
from custom_components.provisioning.core.zwave.log_redaction import (
    ZWAVE_LOGGERS,
    DskPinRedactor,
    mask_pins,
    redact_dsk_pins,
)

from .codes import valid_parts

DSK = "51525-35455-41695-03206-43553-46016-64213-59426"
MASKED = "xxxxx-35455-41695-03206-43553-46016-64213-59426"


def test_a_dsk_loses_its_pin_as_the_panel_shows_it() -> None:
    assert mask_pins(f"dsk {DSK}.") == f"dsk {MASKED}."
    assert mask_pins(DSK) == parse_dsk(DSK).masked


def test_a_websocket_dump_keeps_everything_but_the_pins() -> None:
    message = {
        "command": "controller.provision_smart_start_node",
        "entry": {"dsk": DSK, "securityClasses": [1, 2], "name": "Porch 12345"},
        "messageId": "12345-67890",
    }
    dump = pprint.pformat(message)
    assert mask_pins(dump) == dump.replace(DSK, MASKED)


@pytest.mark.parametrize("seed", range(20))
def test_a_smartstart_qr_code_loses_its_pin(seed: int) -> None:
    parts = valid_parts(random.Random(seed))
    qr = parts.text()
    pin = f"{parts.groups[0]:05d}"
    assert qr[12:17] == pin
    assert mask_pins(f"qr={qr},") == f"qr={qr[:12]}xxxxx{qr[17:]},"


@pytest.mark.parametrize(
    "text",
    [
        "51525-35455-41695-03206-43553-46016-64213",  # seven groups
        "51525-35455-41695-03206-43553-46016-64213-59426-12345",  # nine
        "515250-35455-41695-03206-43553-46016-64213-59426",  # a longer group
        MASKED,
        "home id 3245147245, node 12, 2026-12-05 15:11:46.123",
        "9001" + "1" * 30,  # a digit run too short to be a QR code
    ],
)
def test_other_text_is_left_as_it_is(text: str) -> None:
    assert mask_pins(text) == text


def test_the_filter_masks_records_of_every_zwave_logger_and_drops_none(
    caplog: pytest.LogCaptureFixture,
) -> None:
    redact_dsk_pins()
    redact_dsk_pins()  # twice: one filter per logger
    child = logging.getLogger("zwave_js_server.model.controller.inclusion")
    redact_dsk_pins()  # a child created later gets it on the next call
    caplog.set_level(logging.DEBUG)
    for name in (*ZWAVE_LOGGERS, child.name):
        assert len(logging.getLogger(name).filters) == 1
        logging.getLogger(name).debug("Publishing message:\n%s\n", {"dsk": DSK})
    assert len(caplog.records) == len(ZWAVE_LOGGERS) + 1
    assert DSK not in caplog.text
    assert caplog.text.count(MASKED) == len(ZWAVE_LOGGERS) + 1


def test_a_malformed_call_is_kept_with_its_arguments_masked() -> None:
    record = logging.LogRecord(
        "zwave_js_server", logging.WARNING, __file__, 1, "%d broken", (DSK,), None
    )
    assert DskPinRedactor().filter(record)
    assert record.args == (MASKED,)
