"""Real ZHA on Home Assistant against the virtual coordinator."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest

from virtual_coordinator import VirtualCoordinator, VirtualDevice
from virtual_coordinator.pytest_plugin import (
    setup_zha,
    wait_for_registry_device,
    wait_for_registry_removal,
)

IEEE = "00:11:22:33:44:55:66:77"
INSTALL_CODE = "83FED3407A939723A5C639B26916D505C3B5"
OTHER_IEEE = "00:11:22:33:44:55:66:88"


async def _wait_for_startup_policy_restore(coordinator: VirtualCoordinator) -> None:
    """bellows' permit(0) at start-up restores the policy 2 s later; wait for it."""
    permit0 = await coordinator.wait_for_event("permit", lambda e: e["duration"] == 0)
    start = coordinator.record.index(permit0)
    await coordinator.wait_for_event(
        "policy", lambda e: e["source"] == "host", start=start + 1, timeout=10
    )


@pytest.mark.parametrize(
    ("transport", "version"), [("tcp", 8), ("pty", 8), ("tcp", 13)]
)
async def test_install_code_join_and_remove(
    hass: HomeAssistant,
    tmp_path,
    socket_enabled: None,
    transport: str,
    version: int,
) -> None:
    """A device with the matching install code joins; ZHA's remove makes it leave."""
    clock = [1000.0]
    coordinator = VirtualCoordinator(
        state_file=tmp_path / "ncp.json", clock=lambda: clock[0], ezsp_version=version
    )
    if transport == "tcp":
        await coordinator.start_tcp("127.0.0.1", 0)
    else:
        await coordinator.start_pty()
    try:
        entry = await setup_zha(hass, coordinator)
        await _wait_for_startup_policy_restore(coordinator)
        # Let the wildcard key from start-up expire (default 300 s)
        clock[0] += 301
        assert coordinator.transient_keys == []

        await hass.services.async_call(
            "zha",
            "permit",
            {"source_ieee": IEEE, "install_code": INSTALL_CODE, "duration": 60},
            blocking=True,
        )
        assert coordinator.permit_open
        assert coordinator.policy == 0x11
        assert [str(k) for k in coordinator.transient_keys] == [IEEE]

        # A device with only the well-known key is refused in this window
        intruder = VirtualDevice(OTHER_IEEE, manufacturer="Evil", model="Plug")
        result = coordinator.power_on(intruder)
        assert not result.joined
        assert result.reason == "no_transient_key"

        light = VirtualDevice(
            IEEE, install_code=INSTALL_CODE, manufacturer="Acme", model="Bulb 1"
        )
        result = coordinator.power_on(light)
        assert result.joined, result

        device = await wait_for_registry_device(
            hass, IEEE, predicate=lambda d: d.model == "Bulb 1"
        )
        assert device.manufacturer == "Acme"
        assert device.model == "Bulb 1"
        entities = er.async_entries_for_device(er.async_get(hass), device.id)
        assert any(e.domain == "light" for e in entities)
        assert not dr.async_get(hass).async_get_devices(
            connections={(dr.CONNECTION_ZIGBEE, OTHER_IEEE)}
        )

        # Remove it through ZHA: the device is told to leave
        await hass.services.async_call("zha", "remove", {"ieee": IEEE}, blocking=True)
        await coordinator.wait_for_event("leave", lambda e: e["ieee"] == IEEE)
        await coordinator.wait_idle()
        await wait_for_registry_removal(hass, IEEE)
        assert not light.joined

        joins = coordinator.events("join")
        assert [(e["ieee"], e["joined"]) for e in joins] == [
            (OTHER_IEEE, False),
            (IEEE, True),
        ]
        assert coordinator.events("unknown_frame") == []

        # The record tells the whole story
        policies = [e["decision"] for e in coordinator.events("policy")]
        assert 0x11 in policies
        assert policies.index(0x11) > policies.index(0x01)
        assert [e["ieee"] for e in coordinator.events("key_added")] == [
            "ff:ff:ff:ff:ff:ff:ff:ff",
            IEEE,
        ]
        assert [e["ieee"] for e in coordinator.events("key_expired")] == [
            "ff:ff:ff:ff:ff:ff:ff:ff"
        ]
        assert joins[0]["policy"] == joins[1]["policy"] == 0x11

        await coordinator.wait_idle()
        assert await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_block_till_done()
    finally:
        await coordinator.stop()


async def test_add_device_with_well_known_key(
    hass: HomeAssistant, virtual_coordinator: VirtualCoordinator, zha_entry
) -> None:
    """ZHA's plain "Add device" admits a well-known-key device, which can leave
    and rejoin."""
    coordinator = virtual_coordinator
    await hass.services.async_call("zha", "permit", {"duration": 30}, blocking=True)
    assert coordinator.permit_open

    plug = VirtualDevice(OTHER_IEEE, manufacturer="Plugs Inc", model="Plug 2")
    result = coordinator.power_on(plug)
    assert result.joined
    device = await wait_for_registry_device(
        hass, OTHER_IEEE, predicate=lambda d: d.model == "Plug 2"
    )
    assert device.manufacturer == "Plugs Inc"

    # A device that leaves on its own disappears from ZHA's network view
    assert coordinator.leave(plug)
    await coordinator.wait_for_event("leave", lambda e: e["ieee"] == OTHER_IEEE)
    assert not plug.joined
    # ... and comes back
    assert coordinator.power_on(plug).joined
    await coordinator.wait_idle()
