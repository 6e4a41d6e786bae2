"""Continuous admission ("SmartStart for Zigbee") on real ZHA and the virtual coordinator."""

from __future__ import annotations

import time

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant

from custom_components.provisioning.const import DOMAIN
from provisioning_server.store import Store
from provisioning_server.validation import DeviceRecord
from tests.provisioning_server.helpers import serve_store
from tests.test_admission import (
    CODE,
    GUARD_SWITCH,
    IEEE,
    INSTALL_CODE_ONLY,
    JOIN_WINDOW,
    QR,
    status,
    wait_for,
)
from tests.test_central import connect, register_hub, store  # noqa: F401 - fixture
from tests.test_windows import CONTINUOUS_SWITCH, stranger
from virtual_coordinator import VirtualCoordinator, VirtualDevice

METER = "00:0d:6f:00:00:00:00:07"
METER_KEY = "66B6900981E1EE3CA4206B6B861C02BB"


async def turn(hass: HomeAssistant, entity_id: str, on: bool) -> None:
    """Turn a switch on or off."""
    await hass.services.async_call(
        "switch",
        "turn_on" if on else "turn_off",
        {"entity_id": entity_id},
        blocking=True,
    )


async def test_continuous_admission_opens_and_closes_with_the_list(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    provisioning_entry: ConfigEntry,
    store: Store,  # noqa: F811
) -> None:
    """Entries added while the switch is on become joinable; nothing pending closes."""
    ncp = virtual_coordinator
    admission = provisioning_entry.runtime_data.admission
    assert hass.states.get(CONTINUOUS_SWITCH).state == "off"
    await turn(hass, CONTINUOUS_SWITCH, True)
    assert admission.continuous
    assert hass.states.get(JOIN_WINDOW).state == "off"  # nothing pending yet

    added = time.monotonic()
    await hass.services.async_call(DOMAIN, "add_device", {"qr_code": QR}, blocking=True)
    await ncp.wait_until(lambda: IEEE in map(str, ncp.transient_keys), timeout=1)
    assert time.monotonic() - added < 1
    await wait_for(hass, lambda: hass.states.get(JOIN_WINDOW).state == "on")
    state = hass.states.get(JOIN_WINDOW)
    assert state.attributes["mode"] == "continuous"
    assert state.attributes["ends_at"] is None
    assert admission.window_open
    assert admission.window_ends is None
    assert ncp.policy == INSTALL_CODE_ONLY
    assert not ncp.power_on(stranger(0x21)).joined

    assert ncp.power_on(VirtualDevice(IEEE, install_code=CODE)).joined
    await wait_for(hass, lambda: status(hass, provisioning_entry, IEEE) == "joined")
    await ncp.wait_until(lambda: not ncp.permit_open, timeout=2)
    await wait_for(hass, lambda: hass.states.get(JOIN_WINDOW).state == "off")
    assert ncp.transient_keys == []
    assert ncp.policy != INSTALL_CODE_ONLY

    # an entry arriving from a server sync opens the network again
    _, token = register_hub(
        store, provisioning_entry, DeviceRecord(ieee=METER, link_key=METER_KEY)
    )
    async with serve_store(store) as url:
        await connect(hass, provisioning_entry, url, token)
        await ncp.wait_until(lambda: METER in map(str, ncp.transient_keys), timeout=5)
        await wait_for(hass, lambda: hass.states.get(JOIN_WINDOW).state == "on")
        assert ncp.permit_open
        assert ncp.policy == INSTALL_CODE_ONLY

        # the switch off closes the continuous window
        await turn(hass, CONTINUOUS_SWITCH, False)
        await wait_for(hass, lambda: hass.states.get(JOIN_WINDOW).state == "off")
        assert not ncp.permit_open
        assert ncp.transient_keys == []
    await ncp.wait_idle()


async def test_zha_permit_during_continuous_admission(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    provisioning_entry: ConfigEntry,
) -> None:
    """ZHA's "Add device" keeps install-code-only with the guard on; runs its length with it off."""
    ncp = virtual_coordinator
    await hass.services.async_call(DOMAIN, "add_device", {"qr_code": QR}, blocking=True)
    await turn(hass, CONTINUOUS_SWITCH, True)
    await ncp.wait_until(lambda: ncp.permit_open and ncp.policy == INSTALL_CODE_ONLY)

    await hass.services.async_call("zha", "permit", {"duration": 2}, blocking=True)
    assert ncp.policy == INSTALL_CODE_ONLY
    assert not ncp.power_on(stranger(0x22)).joined

    await turn(hass, GUARD_SWITCH, False)
    await hass.services.async_call("zha", "permit", {"duration": 2}, blocking=True)
    await ncp.wait_until(lambda: ncp.policy != INSTALL_CODE_ONLY, timeout=2)
    assert ncp.power_on(stranger(0x23)).joined
    await ncp.wait_until(
        lambda: (
            [str(k) for k in ncp.transient_keys] == [IEEE]
            and ncp.policy == INSTALL_CODE_ONLY
        ),
        timeout=10,
    )
    assert ncp.permit_open  # still open for the pending device
    assert not ncp.power_on(stranger(0x24)).joined
    assert hass.states.get(JOIN_WINDOW).attributes["mode"] == "continuous"
    await turn(hass, CONTINUOUS_SWITCH, False)
    await ncp.wait_idle()
