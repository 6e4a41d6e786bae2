"""The bridge client facing malformed, hostile and foreign MQTT messages, over
a real Mosquitto with no Zigbee2MQTT behind it (nobody answers requests)."""

# The shared fixtures are imported by name; tests take them as arguments.
# ruff: noqa: F811

from __future__ import annotations

import asyncio
import json
import logging

import pytest
from zigpy.types import EUI64

from custom_components.provisioning.core.zigbee.z2m import (
    REDACTOR,
    MqttPayloadRedactor,
    ReportKind,
    Zigbee2MqttError,
    parse_bridge_info,
    redact_mqtt_secrets,
)
from tests.core.test_z2m import IEEE_A, IEEE_B, Harness, entry
from tests.zigbee2mqtt.fixtures import broker_port, mqtt  # noqa: F401
from tests.zigbee2mqtt.harness import BASE, MqttRecorder

HOSTILE = [
    b"\xff\xfe not utf-8",
    b"not json",
    b"[1, 2, 3]",
    b'"a string"',
    b'{"type": "device_joined"}',
    b'{"type": "device_joined", "data": []}',
    b'{"type": "device_joined", "data": {"ieee_address": 42}}',
    b'{"type": "device_joined", "data": {"ieee_address": "0x12"}}',
    b'{"type": "device_joined", "data": {"ieee_address": "0x' + b"g" * 16 + b'"}}',
    b'{"type": "device_interview", "data": {"ieee_address": "0x0011223344556677",'
    b' "status": ["successful"]}}',
    b'{"type": "something_new", "data": {"ieee_address": "0x0011223344556677"}}',
    b'{"type": "device_announce", "data": {}}',
]


async def _publish_and_sync(mqtt: MqttRecorder, topic: str, payload: bytes) -> None:
    """Publish, then wait until the message came back through the broker."""
    marker = f"{BASE}/test/sync"
    start = len(mqtt.messages)
    await mqtt.client.publish(topic, payload, qos=1)
    await mqtt.client.publish(marker, b"{}", qos=1)
    await mqtt.wait_for(marker, start=start)


async def test_malformed_messages_are_logged_once_and_ignored(
    mqtt: MqttRecorder, caplog: pytest.LogCaptureFixture
) -> None:
    harness = Harness(mqtt, timeout=0.5)
    await harness.bridge.async_start()
    try:
        for _round in range(2):
            for payload in HOSTILE:
                await _publish_and_sync(mqtt, f"{BASE}/bridge/event", payload)
            for payload in HOSTILE[:4]:
                await _publish_and_sync(mqtt, f"{BASE}/bridge/response/x", payload)
            # Another client's answer, and one for no pending request
            for transaction in ("other-1", harness.bridge._prefix + "999"):
                await _publish_and_sync(
                    mqtt,
                    f"{BASE}/bridge/response/permit_join",
                    json.dumps({"status": "ok", "transaction": transaction}).encode(),
                )
        assert harness.reports == []
        # bridge/state: JSON (2.x) or a bare word (1.x); anything else is ignored
        state = f"{BASE}/bridge/state"
        await _publish_and_sync(mqtt, state, b"online")
        assert harness.bridge.online
        await _publish_and_sync(mqtt, state, b'{"state": "offline"}')
        assert not harness.bridge.online
        await _publish_and_sync(mqtt, state, b'{"state": "online"}')
        for payload in (b"\xff", b"[]", b'{"state": 1}'):
            await _publish_and_sync(mqtt, state, payload)
        assert harness.bridge.online
        warnings = [
            r.getMessage()
            for r in caplog.records
            if r.name.endswith("core.zigbee.z2m") and r.levelno == logging.WARNING
        ]
        assert len(warnings) == len(set(warnings))  # each kind once
        assert warnings
        assert all("0x" not in w for w in warnings)  # no content echoed

        # The client still works: an interview of a provisioned device that
        # joined while nobody watched is reported
        harness.entries[IEEE_A] = entry(IEEE_A, name=None)
        await _publish_and_sync(
            mqtt,
            f"{BASE}/bridge/event",
            json.dumps(
                {
                    "type": "device_interview",
                    "data": {
                        "ieee_address": "0x0011223344556677",
                        "status": "successful",
                        "friendly_name": "0x0011223344556677",
                        "definition": {"vendor": "Acme", "model": "L1" * 200},
                    },
                }
            ).encode(),
        )
        report = await harness.wait_report(ReportKind.JOINED, IEEE_A)
        assert report.manufacturer == "Acme"
        assert report.model is None  # too long to be a model
        # A joiner that is not provisioned, with no bridge to remove it
        await _publish_and_sync(
            mqtt,
            f"{BASE}/bridge/event",
            json.dumps(
                {
                    "type": "device_joined",
                    "data": {"ieee_address": "0x0011223344556688"},
                }
            ).encode(),
        )
        failed = await harness.wait_report(ReportKind.REMOVE_FAILED, IEEE_B)
        assert failed.entry is None
        # Interview outcome of a device nobody provisioned: nothing to report
        await _publish_and_sync(
            mqtt,
            f"{BASE}/bridge/event",
            json.dumps(
                {
                    "type": "device_interview",
                    "data": {"ieee_address": "0x0011223344556688", "status": "failed"},
                }
            ).encode(),
        )
        assert [r.kind for r in harness.reports] == [
            ReportKind.JOINED,
            ReportKind.REMOVE_FAILED,
        ]
    finally:
        await harness.bridge.async_stop()


async def test_join_then_failed_interview_and_a_failing_listener(
    mqtt: MqttRecorder, caplog: pytest.LogCaptureFixture
) -> None:
    harness = Harness(mqtt, timeout=0.5)
    await harness.bridge.async_start()
    harness.entries[IEEE_A] = entry(IEEE_A)
    joined = json.dumps(
        {"type": "device_joined", "data": {"ieee_address": "0x0011223344556677"}}
    ).encode()
    try:
        await _publish_and_sync(mqtt, f"{BASE}/bridge/event", joined)
        await _publish_and_sync(mqtt, f"{BASE}/bridge/event", joined)  # rejoin
        await _publish_and_sync(
            mqtt,
            f"{BASE}/bridge/event",
            json.dumps(
                {
                    "type": "device_interview",
                    "data": {"ieee_address": "0x0011223344556677", "status": "started"},
                }
            ).encode(),
        )
        assert harness.reports == []
        await _publish_and_sync(
            mqtt,
            f"{BASE}/bridge/event",
            json.dumps(
                {
                    "type": "device_interview",
                    "data": {"ieee_address": "0x0011223344556677", "status": "failed"},
                }
            ).encode(),
        )
        report = await harness.wait_report(ReportKind.INTERVIEW_FAILED, IEEE_A)
        assert report.entry == harness.entries[IEEE_A]

        # A successful interview with a name to give, and nobody to rename it
        await _publish_and_sync(mqtt, f"{BASE}/bridge/event", joined)
        await _publish_and_sync(
            mqtt,
            f"{BASE}/bridge/event",
            json.dumps(
                {
                    "type": "device_interview",
                    "data": {
                        "ieee_address": "0x0011223344556677",
                        "status": "successful",
                    },
                }
            ).encode(),
        )
        report = await harness.wait_report(ReportKind.JOINED, IEEE_A)
        assert not report.renamed
        assert report.friendly_name is None

        # A listener that raises does not stop the client
        def broken(_report: object) -> None:
            raise RuntimeError("listener bug")

        harness.bridge._listener = broken
        await _publish_and_sync(
            mqtt,
            f"{BASE}/bridge/event",
            json.dumps(
                {"type": "device_leave", "data": {"ieee_address": "0x0011223344556677"}}
            ).encode(),
        )
        assert any("listener failed" in r.getMessage() for r in caplog.records)
    finally:
        await harness.bridge.async_stop()


async def test_requests_time_out_and_codes_that_fail_are_listed(
    mqtt: MqttRecorder,
) -> None:
    harness = Harness(mqtt, timeout=0.2)
    await harness.bridge.async_start()
    try:
        result = await harness.bridge.async_add_codes([entry(IEEE_A), entry(IEEE_B)])
        assert result.added == ()
        assert result.failed == (IEEE_A, IEEE_B)
        with pytest.raises(Zigbee2MqttError) as err:
            await harness.bridge.async_close()
        assert err.value.translation_key == "z2m_timeout"
        assert "in time" in str(err.value)
        # Stopping fails a request still waiting
        task = asyncio.create_task(harness.bridge.async_remove(IEEE_A))
        await mqtt.wait_for(f"{BASE}/bridge/request/device/remove")
    finally:
        await harness.bridge.async_stop()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_bridge_info_is_parsed_defensively() -> None:
    info = parse_bridge_info(
        "z2m",
        json.dumps(
            {
                "version": "2.14.1",
                "coordinator": {
                    "ieee_address": "0x00124b0001020304",
                    "type": "EmberZNet",
                },
                "permit_join": True,
            }
        ),
    )
    assert info is not None
    assert info.base_topic == "z2m"
    assert info.version == "2.14.1"
    assert info.coordinator_ieee == EUI64.convert("00:12:4b:00:01:02:03:04")
    assert info.coordinator_type == "EmberZNet"
    assert info.permit_join
    bare = parse_bridge_info("z2m", b'{"coordinator": 3, "version": 2}')
    assert bare is not None
    assert (bare.version, bare.coordinator_ieee, bare.permit_join) == (
        None,
        None,
        False,
    )
    assert parse_bridge_info("z2m", b"[]") is None
    assert parse_bridge_info("z2m", b"\xff") is None


def test_redactor_hides_codes_in_mqtt_logs(caplog: pytest.LogCaptureFixture) -> None:
    fresh = MqttPayloadRedactor()
    record = logging.LogRecord("x", logging.DEBUG, "", 0, "payload %s", ("abc",), None)
    assert fresh.filter(record)
    assert record.getMessage() == "payload abc"

    redact_mqtt_secrets([entry(IEEE_A)])
    logger = logging.getLogger("homeassistant.components.mqtt.client")
    assert REDACTOR in logger.filters
    caplog.set_level(logging.DEBUG, logger="homeassistant.components.mqtt.client")
    code = "83FED3407A939723A5C639B26916D505C3B5"
    logger.debug(
        "Transmitting message on %s: '%s'", "t", f'{{"value": "Z:X$I:{code}"}}'
    )
    logger.debug("lower case %s", code.lower())
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 2
    assert all(code.lower() not in m.lower() for m in messages)
    assert all("**REDACTED**" in m for m in messages)
    # A malformed call keeps its arguments for the handler, redacted
    broken = logging.LogRecord("x", logging.DEBUG, "", 0, "%s %s", (code,), None)
    assert REDACTOR.filter(broken)
    assert broken.args == ("**REDACTED**",)


async def test_devices_removed_from_the_bridge_are_reported(
    mqtt: MqttRecorder, caplog: pytest.LogCaptureFixture
) -> None:
    """``bridge/devices``: the first copy is remembered, each later one reports
    the devices it lost; malformed copies and items are ignored."""
    devices = f"{BASE}/bridge/devices"

    def listing(*ieees: str) -> bytes:
        items: list[object] = [{"ieee_address": i, "type": "Router"} for i in ieees]
        return json.dumps([*items, "junk", {"ieee_address": 7}, {}]).encode()

    a, b = "0x0011223344556677", "0x0011223344556688"
    # What the bridge lost before anyone listened is not known: the copy that
    # is there at subscription (retained) is only remembered
    await _publish_and_sync(mqtt, devices, listing(a, b))
    harness = Harness(mqtt, timeout=0.5)
    await harness.bridge.async_start()
    try:
        await _publish_and_sync(mqtt, devices, listing(a))
        report = await harness.wait_report(ReportKind.GONE, IEEE_B)
        assert report.at == harness.clock.now
        for payload in (b"\xff", b"not json", b'{"ieee_address": "0x00"}'):
            await _publish_and_sync(mqtt, devices, payload)
        # A malformed copy is not an empty list: nothing more is reported ...
        await _publish_and_sync(mqtt, devices, listing(a))
        assert [r.kind for r in harness.reports] == [ReportKind.GONE]
        # ... and a device that comes back and goes again is reported again
        await _publish_and_sync(mqtt, devices, listing(a, b))
        await _publish_and_sync(mqtt, devices, listing())
        assert sorted((r.kind, r.ieee) for r in harness.reports) == [
            (ReportKind.GONE, IEEE_A),
            (ReportKind.GONE, IEEE_B),
            (ReportKind.GONE, IEEE_B),
        ]
        warnings = [
            r.getMessage()
            for r in caplog.records
            if r.name.endswith("core.zigbee.z2m") and r.levelno == logging.WARNING
        ]
        assert sorted(warnings) == [
            "Ignoring a malformed Zigbee2MQTT message (devices: not JSON)",
            "Ignoring a malformed Zigbee2MQTT message (devices: not a list)",
        ]
    finally:
        await harness.bridge.async_stop()
