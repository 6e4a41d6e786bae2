"""The Zigbee2MQTT radio adapter against real Mosquitto, the real Zigbee2MQTT
and the virtual coordinator's EZSP 13 personality."""

# The shared fixtures are imported by name; tests take them as arguments.
# ruff: noqa: F811

from __future__ import annotations

import pytest
from zigpy.types import EUI64

from custom_components.provisioning.core.radio import RadioAdapter, RadioLostError
from custom_components.provisioning.core.zigbee.identity import zigbee_id
from custom_components.provisioning.core.zigbee.z2m import MAX_PERMIT_S, ReportKind
from custom_components.provisioning.core.zigbee.z2m_radio import (
    DEFAULT_KEY_LIFETIME_S,
    KEY_REFRESH_MARGIN_S,
    Zigbee2MqttRadio,
)
from tests.core.test_z2m import (
    CODE,
    IEEE_A,
    IEEE_B,
    IEEE_S,
    LINK_KEY,
    Harness,
    code_for,
    entry,
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

WILDCARD = EUI64.convert("ff:ff:ff:ff:ff:ff:ff:ff")


def _codes(coordinator: VirtualCoordinator) -> set[EUI64]:
    """Devices with a code in the radio (permit_join adds the well-known wildcard)."""
    return set(coordinator.transient_keys) - {WILDCARD}


def _adds(mqtt: MqttRecorder) -> int:
    return sum(t.endswith("/install_code/add") for t, _p in mqtt.published)


async def test_windows_keys_refresh_and_close(
    z2m: Zigbee2Mqtt, coordinator13: VirtualCoordinator, mqtt: MqttRecorder
) -> None:
    harness = Harness(mqtt, timeout=5)
    await harness.bridge.async_start()
    radio: RadioAdapter = Zigbee2MqttRadio(harness.bridge, clock=harness.clock)
    assert not radio.enforces_provisioned_only
    a, s = entry(IEEE_A), entry(IEEE_S, link_key=LINK_KEY, provider="server")
    harness.entries.update({IEEE_A: a, IEEE_S: s})
    try:
        result = await radio.async_open_window([a, s], None)
        assert set(result.loaded) == {zigbee_id(IEEE_A), zigbee_id(IEEE_S)}
        assert result.waiting == ()
        assert not result.enforced
        assert _codes(coordinator13) == {IEEE_A, IEEE_S}
        assert coordinator13.permit_open
        # Zigbee2MQTT opens the network to the well-known key too: why the
        # bridge removes unprovisioned joiners
        assert WILDCARD in coordinator13.transient_keys

        # One more entry: only its code is sent
        b = entry(IEEE_B, code=code_for(9))
        before = _adds(mqtt)
        result = await radio.async_set_keys([a, s, b])
        assert _adds(mqtt) == before + 1
        assert set(result.loaded) == {zigbee_id(i) for i in (IEEE_A, IEEE_S, IEEE_B)}
        assert _codes(coordinator13) == {IEEE_A, IEEE_S, IEEE_B}

        # Fewer entries: everything is cleared, the rest added, the permit reopened
        result = await radio.async_set_keys([a])
        assert result.loaded == (zigbee_id(IEEE_A),)
        assert _codes(coordinator13) == {IEEE_A}
        assert coordinator13.permit_open

        # Nothing due yet; then the codes before the radio forgets them, and
        # the permit before it ends
        assert (await radio.async_maintain()).keys_refreshed == 0
        harness.clock.now += MAX_PERMIT_S - 5
        assert MAX_PERMIT_S - 5 >= DEFAULT_KEY_LIFETIME_S - KEY_REFRESH_MARGIN_S
        start = len(mqtt.messages)
        assert (await radio.async_maintain()).keys_refreshed == 1
        renewal = await mqtt.wait_for(f"{BASE}/bridge/request/permit_join", start=start)
        assert renewal.json()["time"] == MAX_PERMIT_S

        # The provisioned device joins through the open window
        assert coordinator13.power_on(VirtualDevice(IEEE_A, install_code=CODE)).joined
        await harness.wait_report(ReportKind.JOINED, IEEE_A)
        await radio.async_remove_device(zigbee_id(IEEE_A))
        await coordinator13.wait_until(lambda: not coordinator13.device(IEEE_A).joined)

        await radio.async_close_window()
        await coordinator13.wait_until(lambda: not coordinator13.permit_open)
        assert coordinator13.transient_keys == []
        assert (await radio.async_maintain()).keys_refreshed == 0
        with pytest.raises(RadioLostError):
            await radio.async_set_keys([a])

        # A window of a given length; leftovers of it are cleared at start-up
        result = await radio.async_open_window([a], 30)
        assert _codes(coordinator13) == {IEEE_A}
        radio.forget_window()
        await radio.async_clear_leftovers()
        await coordinator13.wait_until(lambda: not coordinator13.permit_open)
        assert coordinator13.transient_keys == []
    finally:
        await harness.bridge.async_stop()


async def test_a_bridge_gone_silent_is_a_lost_radio(
    z2m: Zigbee2Mqtt, coordinator13: VirtualCoordinator, mqtt: MqttRecorder
) -> None:
    harness = Harness(mqtt, timeout=3)
    await harness.bridge.async_start()
    radio = Zigbee2MqttRadio(harness.bridge, clock=harness.clock, key_lifetime_s=120)
    try:
        await radio.async_open_window([entry(IEEE_A)], 600)
        assert harness.bridge.online
        await z2m.stop()
        assert not harness.bridge.online
        harness.clock.now += 120
        with pytest.raises(RadioLostError):
            await radio.async_maintain()
    finally:
        await harness.bridge.async_stop()
