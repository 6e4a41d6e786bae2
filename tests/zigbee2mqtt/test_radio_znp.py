"""The Zigbee2MQTT radio adapter on a Z-Stack coordinator: the real bridge
client, Mosquitto, Zigbee2MQTT (``adapter: zstack``) and the virtual
coordinator's Z-Stack personality.

The adapter is known from ``bridge/info``; on Z-Stack the codes stay in the
APS key table (``permit_join`` time 0 keeps them, they never expire), so the
radio neither clears nor refreshes them."""

from __future__ import annotations

import pytest

from custom_components.provisioning.core.radio import RadioLostError
from custom_components.provisioning.core.zigbee.z2m import (
    EMBER,
    MAX_PERMIT_S,
    ZSTACK,
    ReportKind,
    adapter_traits,
)
from custom_components.provisioning.core.zigbee.z2m_radio import Zigbee2MqttRadio
from tests.core.test_z2m import CODE, IEEE_A, IEEE_B, Harness, code_for, entry
from tests.zigbee2mqtt.harness import BASE, MqttRecorder, Zigbee2Mqtt
from virtual_coordinator import VirtualDevice
from virtual_coordinator.znp import ZnpCoordinator

pytestmark = pytest.mark.timeout(180)


def _requests(mqtt: MqttRecorder, name: str) -> list[str]:
    return [p for t, p in mqtt.published if t == f"{BASE}/bridge/request/{name}"]


def test_adapter_traits_from_the_coordinator_type() -> None:
    assert adapter_traits("ZStack3x0") is ZSTACK
    assert adapter_traits("ZStack30x") is ZSTACK
    assert adapter_traits("ZStack12") is ZSTACK
    assert adapter_traits("EmberZNet") is EMBER
    assert adapter_traits(None) is EMBER
    assert not ZSTACK.close_clears_codes
    assert not ZSTACK.codes_expire
    assert EMBER.close_clears_codes
    assert EMBER.codes_expire


async def test_windows_on_zstack_keep_the_codes(
    z2m_znp: Zigbee2Mqtt, znp: ZnpCoordinator, mqtt: MqttRecorder
) -> None:
    await mqtt.wait_for(f"{BASE}/bridge/info", lambda d: d.get("coordinator"))
    harness = Harness(mqtt, timeout=10)
    await harness.bridge.async_start()  # the retained bridge/info comes first
    radio = Zigbee2MqttRadio(harness.bridge, clock=harness.clock)
    a, b = entry(IEEE_A), entry(IEEE_B, code=code_for(9))
    harness.entries.update({IEEE_A: a, IEEE_B: b})
    try:
        assert harness.bridge.adapter is ZSTACK
        assert not radio.enforces_provisioned_only
        result = await radio.async_open_window([a, b], None)
        assert set(result.loaded) == {a.device, b.device}
        assert not result.enforced
        assert set(znp.transient_keys) == {IEEE_A, IEEE_B}
        assert znp.permit_open
        assert not znp.install_code_only  # zigbee-herdsman never asks for it

        # Fewer entries: nothing can remove B's code, so the permit is not
        # closed for it; B's code stays in the APS key table
        permits = len(_requests(mqtt, "permit_join"))
        result = await radio.async_set_keys([a])
        assert result.loaded == (a.device,)
        assert len(_requests(mqtt, "permit_join")) == permits
        assert set(znp.transient_keys) == {IEEE_A, IEEE_B}

        # The codes never expire on Z-Stack: maintenance renews the permit only
        adds = len(_requests(mqtt, "install_code/add"))
        harness.clock.now += MAX_PERMIT_S - 5
        assert (await radio.async_maintain()).keys_refreshed == 0
        assert len(_requests(mqtt, "install_code/add")) == adds
        assert len(_requests(mqtt, "permit_join")) == permits + 1

        assert znp.power_on(VirtualDevice(IEEE_A, install_code=CODE)).joined
        await harness.wait_report(ReportKind.JOINED, IEEE_A)

        await radio.async_close_window()
        await znp.wait_until(lambda: not znp.permit_open)
        assert IEEE_B in znp.transient_keys  # permit_join 0 keeps the codes
        with pytest.raises(RadioLostError):
            await radio.async_set_keys([a])
        assert znp.events("unknown_frame") == []
    finally:
        await harness.bridge.async_stop()
