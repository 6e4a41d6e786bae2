"""The Zigbee2MQTT bridge client against real Mosquitto, the real Zigbee2MQTT
and the virtual coordinator's EZSP 13 personality."""

# The shared fixtures are imported by name; tests take them as arguments.
# ruff: noqa: F811

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
import logging

import pytest
from zigpy.types import EUI64

from custom_components.provisioning.core import (
    InstallCode,
    LinkKey,
    ProvisioningEntry,
    crc16_x25,
)
from custom_components.provisioning.core.zigbee.identity import ieee_of, zigbee_id
from custom_components.provisioning.core.zigbee.z2m import (
    MAX_PERMIT_S,
    BridgeReport,
    ReportKind,
    Zigbee2MqttBridge,
    Zigbee2MqttError,
    install_code_value,
    z2m_ieee,
)
from tests.zigbee2mqtt.fixtures import (  # noqa: F401
    broker_port,
    coordinator13,
    mqtt,
    z2m,
    z2m_index,
)
from tests.zigbee2mqtt.harness import BASE, MqttRecorder, Zigbee2Mqtt
from virtual_coordinator import VirtualCoordinator, VirtualDevice

T0 = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
CODE = bytes.fromhex("83FED3407A939723A5C639B26916D505C3B5")
LINK_KEY = bytes.fromhex("000102030405060708090A0B0C0D0E0F")
IEEE_A = EUI64.convert("00:11:22:33:44:55:66:77")
IEEE_B = EUI64.convert("00:11:22:33:44:55:66:88")
IEEE_S = EUI64.convert("00:11:22:33:44:55:66:99")


def entry(
    ieee: EUI64,
    *,
    code: bytes = CODE,
    link_key: bytes | None = None,
    provider: str = "local",
    name: str | None = "Kitchen light",
) -> ProvisioningEntry:
    credential = LinkKey(link_key) if link_key else InstallCode(code)
    return ProvisioningEntry(
        device=zigbee_id(ieee),
        credential=credential,
        provider_id=provider,
        name=name,
        created_at=T0,
        updated_at=T0,
    )


def code_for(index: int) -> bytes:
    body = bytes([index]) * 16
    return body + crc16_x25(body)


class Clock:
    """A clock the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Harness:
    """The bridge client with a provisioning list and the reports it made."""

    def __init__(self, client: MqttRecorder, timeout: float = 30) -> None:
        self.entries: dict[EUI64, ProvisioningEntry] = {}
        self.reports: list[BridgeReport] = []
        self.changed = asyncio.Event()
        self.clock = Clock()
        self.bridge = Zigbee2MqttBridge(
            client,
            base_topic=BASE,
            lookup=self.entries.get,
            listener=self._on_report,
            clock=self.clock,
            request_timeout=timeout,
        )

    def _on_report(self, report: BridgeReport) -> None:
        self.reports.append(report)
        self.changed.set()

    async def wait_report(self, kind: ReportKind, ieee: EUI64) -> BridgeReport:
        async with asyncio.timeout(60):
            while True:
                for report in self.reports:
                    if report.kind == kind and report.ieee == ieee:
                        return report
                self.changed.clear()
                await self.changed.wait()


@pytest.fixture
async def harness(mqtt: MqttRecorder) -> AsyncIterator[Harness]:
    h = Harness(mqtt)
    await h.bridge.async_start()
    try:
        yield h
    finally:
        await h.bridge.async_stop()


async def test_provisioned_device_joins_is_renamed_and_reported(
    z2m: Zigbee2Mqtt,
    coordinator13: VirtualCoordinator,
    mqtt: MqttRecorder,
    harness: Harness,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    pending = entry(IEEE_A)
    harness.entries[IEEE_A] = pending
    result = await harness.bridge.async_add_codes([pending])
    assert result.added == (IEEE_A,)
    assert result.failed == ()
    assert coordinator13.transient_keys == [IEEE_A]
    await harness.bridge.async_permit(120)
    assert coordinator13.permit_open

    joined = coordinator13.power_on(VirtualDevice(IEEE_A, install_code=CODE))
    assert joined.joined
    report = await harness.wait_report(ReportKind.JOINED, IEEE_A)
    assert report.entry == pending
    assert report.renamed
    assert report.friendly_name == "Kitchen light"
    assert report.at == harness.clock.now
    devices = await mqtt.wait_for(
        f"{BASE}/bridge/devices",
        lambda d: any(x.get("friendly_name") == "Kitchen light" for x in d),
    )
    (device,) = [x for x in devices.json() if x["ieee_address"] == z2m_ieee(IEEE_A)]
    assert device["friendly_name"] == "Kitchen light"

    await harness.bridge.async_close()
    await coordinator13.wait_until(lambda: not coordinator13.permit_open)
    assert coordinator13.transient_keys == []
    # The code went to the bridge (unavoidable), but never into a log line
    assert any(CODE.hex().upper() in payload for _t, payload in mqtt.published)
    secret = CODE.hex()
    assert all(secret not in r.getMessage().lower() for r in caplog.records)


async def test_unprovisioned_joiner_is_removed_and_reported(
    z2m: Zigbee2Mqtt,
    coordinator13: VirtualCoordinator,
    mqtt: MqttRecorder,
    harness: Harness,
) -> None:
    harness.entries[IEEE_A] = entry(IEEE_A)
    await harness.bridge.async_add_codes([harness.entries[IEEE_A]])
    await harness.bridge.async_permit(60)
    # Zigbee2MQTT does not enforce install codes: a well-known-key device joins...
    intruder = VirtualDevice(IEEE_B)
    assert coordinator13.power_on(intruder).joined
    # ...and is removed afterwards
    report = await harness.wait_report(ReportKind.REMOVED, IEEE_B)
    assert report.entry is None
    await coordinator13.wait_until(lambda: not intruder.joined)
    await mqtt.wait_for(
        f"{BASE}/bridge/devices",
        lambda d: all(x.get("ieee_address") != z2m_ieee(IEEE_B) for x in d),
    )
    assert not [r for r in harness.reports if r.kind == ReportKind.JOINED]
    await harness.bridge.async_close()


async def test_server_provided_link_key_entry_joins_and_is_reported(
    z2m: Zigbee2Mqtt,
    coordinator13: VirtualCoordinator,
    harness: Harness,
) -> None:
    server_entry = entry(
        IEEE_S, link_key=LINK_KEY, provider="https://provisioning.example", name=None
    )
    assert install_code_value(server_entry).endswith(LINK_KEY.hex().upper())
    harness.entries[IEEE_S] = server_entry
    result = await harness.bridge.async_add_codes([server_entry])
    assert result.added == (IEEE_S,)
    await harness.bridge.async_permit(60)
    assert coordinator13.power_on(VirtualDevice(IEEE_S, link_key=LINK_KEY)).joined
    report = await harness.wait_report(ReportKind.JOINED, IEEE_S)
    assert report.entry is not None
    assert report.entry.provider_id == "https://provisioning.example"
    assert not report.renamed  # no name to give
    # Zigbee2MQTT's generated definition for a device it does not know
    assert (report.manufacturer, report.model) == ("Virtual", "Light")

    # A device leaving is reported too
    assert coordinator13.leave(coordinator13.device(IEEE_S))
    await harness.wait_report(ReportKind.LEFT, IEEE_S)
    await harness.bridge.async_close()


async def test_codes_are_pipelined_and_the_permit_renewed(
    z2m: Zigbee2Mqtt,
    coordinator13: VirtualCoordinator,
    mqtt: MqttRecorder,
    harness: Harness,
) -> None:
    entries = [
        entry(EUI64([i, 0, 0, 0, 0, 0, 0x11, 0x22]), code=code_for(i))
        for i in range(1, 7)
    ]
    published_at_first_response: list[int] = []

    def first_response(_topic: str, _payload: bytes | str) -> None:
        if not published_at_first_response:
            published_at_first_response.append(len(mqtt.published))

    await mqtt.async_subscribe(
        f"{BASE}/bridge/response/install_code/add", first_response
    )
    result = await harness.bridge.async_add_codes(entries)
    assert set(result.added) == {ieee_of(e) for e in entries}
    assert set(coordinator13.transient_keys) == {ieee_of(e) for e in entries}
    # Every request was out before the first answer came back
    assert published_at_first_response == [len(entries)]

    # A window longer than Zigbee2MQTT allows is opened for 254 s, then renewed
    start = len(mqtt.messages)
    await harness.bridge.async_permit(1000)
    first = await mqtt.wait_for(f"{BASE}/bridge/request/permit_join", start=start)
    assert first.json()["time"] == MAX_PERMIT_S
    assert not await harness.bridge.async_maintain()  # not yet
    times = []
    for _renewal in range(3):
        harness.clock.now += MAX_PERMIT_S - 5
        start = len(mqtt.messages)
        assert await harness.bridge.async_maintain()
        sent = await mqtt.wait_for(f"{BASE}/bridge/request/permit_join", start=start)
        times.append(sent.json()["time"])
    assert times == [MAX_PERMIT_S, MAX_PERMIT_S, 1000 - 3 * (MAX_PERMIT_S - 5)]
    harness.clock.now += 400
    assert not await harness.bridge.async_maintain()  # the window has ended
    await harness.bridge.async_close()
    assert not await harness.bridge.async_maintain()
    await coordinator13.wait_until(lambda: not coordinator13.permit_open)


async def test_refused_requests_raise_translated_errors(
    z2m: Zigbee2Mqtt, harness: Harness
) -> None:
    with pytest.raises(Zigbee2MqttError) as err:
        await harness.bridge.async_rename(IEEE_B, "Nothing")
    assert err.value.translation_key == "z2m_request_failed"
    assert err.value.placeholders["request"] == "device/rename"
    assert "refused" in str(err.value)
    assert repr(err.value) == "Zigbee2MqttError('z2m_request_failed')"
