"""Link keys never reach the radio libraries' logs, whatever form they take."""

from __future__ import annotations

import ast
from datetime import UTC, datetime
import logging
from typing import Any

from bellows.ash import AshProtocol, DataFrame, Reserved
from hypothesis import given, strategies as st
import pytest
from zigpy.types import EUI64, KeyData

from custom_components.provisioning.core.zigbee.identity import zigbee_id
from custom_components.provisioning.core.zigbee.log_redaction import (
    REDACTED,
    LinkKeyRedactor,
    redact_link_keys,
)
from tests.conftest import find_secrets

KEY = bytes.fromhex("66B6900981E1EE3CA4206B6B861C02BB")
PARTNER = EUI64.convert("00:11:22:33:44:55:66:77")


def redacted(redactor: LinkKeyRedactor, msg: str, *args: object) -> str:
    """Return a record's message after the filter."""
    record = logging.LogRecord("bellows.ash", logging.DEBUG, "", 0, msg, args, None)
    assert redactor.filter(record)
    return record.getMessage()


def wire_dump(ezsp_frame: bytes) -> str:
    """Return the hex dump bellows logs for a data frame, randomized and stuffed."""
    frame = DataFrame(frm_num=3, re_tx=False, ack_num=1, ezsp_frame=ezsp_frame)
    stuffed = AshProtocol._stuff_bytes(frame.to_bytes())
    return (bytes(stuffed) + bytes([Reserved.FLAG])).hex()


@pytest.fixture
def redactor() -> LinkKeyRedactor:
    """A filter that knows the test key."""
    redactor = LinkKeyRedactor()
    redactor.add([KEY])
    return redactor


def test_command_arguments(redactor: LinkKeyRedactor) -> None:
    """bellows' "Sending command" line shows the key as zigpy's KeyData."""
    message = redacted(
        redactor,
        "Sending command  %s: %s %s",
        "addTransientLinkKey",
        (),
        {"partner": PARTNER, "transientKey": KeyData(KEY)},
    )
    assert REDACTED in message
    assert "66:b6:90" not in message
    assert str(PARTNER) in message


def test_ash_frame_repr(redactor: LinkKeyRedactor) -> None:
    """bellows' "Sending frame" line shows the EZSP payload as a bytes repr."""
    frame = DataFrame(frm_num=1, re_tx=False, ack_num=0, ezsp_frame=b"n\x00" + KEY)
    message = redacted(redactor, "Sending frame %r FLAG", frame)
    assert REDACTED in message
    assert repr(KEY)[2:-1] not in message


def test_ash_wire_dump(redactor: LinkKeyRedactor) -> None:
    """The randomized, stuffed bytes on the wire are recognised too."""
    message = redacted(redactor, "Sending data  %s", wire_dump(b"n\x00\x01" + KEY))
    assert message == f"Sending data {REDACTED}"
    other = wire_dump(b"n\x00\x01" + bytes(16))
    assert redacted(redactor, "Sending data  %s", other) == f"Sending data  {other}"


def test_other_records_untouched(redactor: LinkKeyRedactor) -> None:
    """Lines without a key keep their message and their arguments."""
    record = logging.LogRecord(
        "bellows.ash", logging.DEBUG, "", 0, "Received data %s", ("zz",), None
    )
    assert redactor.filter(record)
    assert record.args == ("zz",)
    assert LinkKeyRedactor().filter(record)


def test_malformed_record_is_left_to_logging(redactor: LinkKeyRedactor) -> None:
    """A record whose arguments don't fit never raises here, and loses its key."""
    record = logging.LogRecord(
        "bellows.ash", logging.DEBUG, "", 0, "two %s %s", (KEY.hex(),), None
    )
    assert redactor.filter(record)
    assert record.args == (REDACTED,)


def test_installed_on_radio_loggers(caplog: pytest.LogCaptureFixture) -> None:
    """Once a key is registered, bellows' own loggers redact it."""
    redact_link_keys([KEY])
    redact_link_keys([KEY])
    logger = logging.getLogger("bellows.ezsp.protocol")
    assert len([f for f in logger.filters if isinstance(f, LinkKeyRedactor)]) == 1
    with caplog.at_level(logging.DEBUG, logger="bellows.ezsp.protocol"):
        logger.debug("key %s", KeyData(KEY))
    assert caplog.messages == [f"key {REDACTED}"]


@given(
    key=st.binary(min_size=16, max_size=16),
    before=st.binary(max_size=12),
    after=st.binary(max_size=12),
)
def test_any_key_in_any_frame(key: bytes, before: bytes, after: bytes) -> None:
    """Whatever bytes a key has (quotes, backslashes), no form survives."""
    redactor = LinkKeyRedactor()
    redactor.add([key])
    message = redacted(redactor, "frame %r", before + key + after)
    literal = ast.literal_eval(message.removeprefix("frame "))
    assert key not in literal
    for text in (key.hex(), key.hex().upper(), repr(KeyData(key))):
        assert text not in redacted(redactor, "key %s", text)
    dump = redacted(redactor, "Sending data  %s", wire_dump(before + key + after))
    assert dump == f"Sending data {REDACTED}"


def test_znp_uart_trace_frame(redactor: LinkKeyRedactor) -> None:
    """zigpy-znp's TRACE line of a raw UART chunk shows the key in a bytes repr."""
    import zigpy_znp.commands as c
    from zigpy_znp.frames import TransportFrame
    import zigpy_znp.types as znp_t

    request = c.AppConfig.BDBAddInstallCode.Req(
        InstallCodeFormat=c.app_config.InstallCodeFormat.KeyDerivedFromInstallCode,
        IEEE=PARTNER,
        InstallCode=znp_t.Bytes(KEY),
    )
    raw = znp_t.Bytes(TransportFrame(request.to_frame()).serialize())
    for message, arg in (
        ("Sending data: %s", znp_t.Bytes.__repr__(raw)),
        ("Parsed frame: %s", request.to_frame()),
        ("Sending request: %s", request),
    ):
        shown = redacted(redactor, message, arg)
        assert REDACTED in shown
        assert not find_secrets(shown, [KEY.hex()])


async def test_znp_trace_logs_keep_keys_out(
    tmp_path: Any,
    socket_enabled: None,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A window through the real zigpy-znp at TRACE level: frames logged, keys not."""
    import zigpy_znp.logger

    # zigpy-znp fixes its TRACE level at import: 5 when that level has a name
    monkeypatch.setattr(zigpy_znp.logger, "TRACE", 5)
    from custom_components.provisioning.core import LinkKey, ProvisioningEntry
    from custom_components.provisioning.core.zigbee.znp_radio import ZnpRadio
    from virtual_coordinator.znp import ZnpCoordinator
    from virtual_coordinator.znp.host import start_znp_app

    coordinator = ZnpCoordinator(state_file=tmp_path / "znp.json")
    await coordinator.start_tcp("127.0.0.1", 0)
    app = await start_znp_app(coordinator)
    now = datetime(2026, 11, 25, tzinfo=UTC)
    entry = ProvisioningEntry(
        device=zigbee_id(PARTNER),
        credential=LinkKey(KEY),
        provider_id="local",
        created_at=now,
        updated_at=now,
    )
    try:
        with caplog.at_level(1, logger="zigpy_znp"):
            radio = ZnpRadio(app)
            await radio.async_open_window([entry], 60)
            await radio.async_close_window()
    finally:
        await app.shutdown()
        await coordinator.stop()
    frames = [r for r in caplog.records if r.name == "zigpy_znp.uart"]
    assert any(r.getMessage().startswith("Sending data") for r in frames)
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert REDACTED in text
    assert find_secrets(text, [KEY.hex()]) == []
