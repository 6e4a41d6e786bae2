"""Join windows that hold: key lifetime, auto-close, policy read-back, ZHA's own permits."""

from __future__ import annotations

from collections.abc import AsyncGenerator
import logging
import pathlib
import time

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
import pytest

from custom_components.provisioning.const import DOMAIN
from custom_components.provisioning.core.radio import RadioLostError
from custom_components.provisioning.errors import radio_errors
from tests.conftest import add_provisioning_entry
from tests.test_admission import (
    CODE,
    GUARD_SWITCH,
    IEEE,
    INSTALL_CODE_ONLY,
    JOIN_WINDOW,
    QR,
    start_pairing,
    status,
    wait_for,
)
from virtual_coordinator import VirtualCoordinator, VirtualDevice
from virtual_coordinator.pytest_plugin import setup_zha

CONTINUOUS_SWITCH = "switch.virtual_emberznet_virtual_coordinator_admit_provisioned_devices_automatically"
WILDCARD = "ff:ff:ff:ff:ff:ff:ff:ff"
KEY_LIFETIME_S = 2


def stranger(index: int) -> VirtualDevice:
    """Return a device that has only the well-known key."""
    return VirtualDevice(f"00:00:00:00:00:00:0e:{index:02x}")


@pytest.fixture
async def short_keys(
    hass: HomeAssistant, tmp_path: pathlib.Path, socket_enabled: None
) -> AsyncGenerator[VirtualCoordinator]:
    """A virtual NCP that drops transient keys after 2 s, with ZHA on it."""
    coordinator = VirtualCoordinator(
        state_file=tmp_path / "ncp.json", key_timeout_s=KEY_LIFETIME_S
    )
    await coordinator.start_tcp("127.0.0.1", 0)
    try:
        await setup_zha(hass, coordinator)
        yield coordinator
        await coordinator.wait_idle()
        for entry in hass.config_entries.async_entries():
            await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_block_till_done()
    finally:
        await coordinator.stop()


async def test_keys_live_as_long_as_the_window(
    hass: HomeAssistant, short_keys: VirtualCoordinator
) -> None:
    """A device plugged in after twice the NCP's key lifetime still joins."""
    ncp = short_keys
    entry = await add_provisioning_entry(hass)
    await hass.services.async_call(DOMAIN, "add_device", {"qr_code": QR}, blocking=True)
    opened = time.monotonic()
    await start_pairing(hass, duration=60)
    assert entry.runtime_data.admission.radio.key_lifetime_s == KEY_LIFETIME_S
    await ncp.wait_until(
        lambda: time.monotonic() - opened > 2 * KEY_LIFETIME_S + 0.5, timeout=15
    )
    assert [str(k) for k in ncp.transient_keys] == [IEEE]
    assert not ncp.power_on(stranger(1)).joined
    assert ncp.power_on(VirtualDevice(IEEE, install_code=CODE)).joined
    # the NCP's lifetime is never changed
    assert ncp.trust_center.key_timeout_s == KEY_LIFETIME_S
    assert not [e for e in ncp.events("unknown_frame") if "Configuration" in str(e)]
    await wait_for(hass, lambda: status(hass, entry, IEEE) == "joined")


async def test_window_closes_once_every_loaded_device_joined(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    provisioning_entry: ConfigEntry,
) -> None:
    """The only loaded device joins: the window closes without waiting for its end."""
    await hass.services.async_call(DOMAIN, "add_device", {"qr_code": QR}, blocking=True)
    policy_before = virtual_coordinator.policy
    await start_pairing(hass, duration=600)
    assert hass.states.get(JOIN_WINDOW).state == "on"
    assert hass.states.get(JOIN_WINDOW).attributes["mode"] == "manual"
    assert virtual_coordinator.power_on(VirtualDevice(IEEE, install_code=CODE)).joined
    await wait_for(hass, lambda: hass.states.get(JOIN_WINDOW).state == "off")
    assert not virtual_coordinator.permit_open
    assert virtual_coordinator.transient_keys == []
    assert virtual_coordinator.policy == policy_before
    await wait_for(hass, lambda: status(hass, provisioning_entry, IEEE) == "joined")
    await virtual_coordinator.wait_idle()


async def test_policy_changed_behind_the_wrapper_is_restored(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    provisioning_entry: ConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The policy is read back: a change made on the NCP directly is undone within 1 s."""
    await hass.services.async_call(DOMAIN, "add_device", {"qr_code": QR}, blocking=True)
    await start_pairing(hass)
    virtual_coordinator.set_policy_directly(0x03)
    changed = time.monotonic()
    await virtual_coordinator.wait_until(
        lambda: virtual_coordinator.policy == INSTALL_CODE_ONLY, timeout=3
    )
    assert time.monotonic() - changed < 1.0
    issue_id = f"policy_changed_{provisioning_entry.entry_id}"
    await wait_for(
        hass, lambda: ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is not None
    )
    assert any(
        record.levelno == logging.WARNING
        and "admission policy was changed" in record.getMessage()
        for record in caplog.records
    )
    assert not virtual_coordinator.power_on(stranger(2)).joined
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)


async def test_zha_permit_with_guard_off_runs_its_length(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    provisioning_entry: ConfigEntry,
) -> None:
    """Guard on: install-code-only throughout. Guard off: ZHA's permit, then back."""
    ncp = virtual_coordinator
    await hass.services.async_call(DOMAIN, "add_device", {"qr_code": QR}, blocking=True)
    await start_pairing(hass, duration=120)
    await hass.services.async_call("zha", "permit", {"duration": 3}, blocking=True)
    assert ncp.policy == INSTALL_CODE_ONLY
    assert WILDCARD not in map(str, ncp.transient_keys)
    assert not ncp.power_on(stranger(3)).joined

    await hass.services.async_call(
        "switch", "turn_off", {"entity_id": GUARD_SWITCH}, blocking=True
    )
    await hass.services.async_call("zha", "permit", {"duration": 3}, blocking=True)
    # bellows changes the policy in a task of its own
    await ncp.wait_until(lambda: ncp.policy != INSTALL_CODE_ONLY, timeout=2)
    welcome = stranger(4)
    assert ncp.power_on(welcome).joined
    # the permit ends: install-code-only again, the wildcard key is gone
    await ncp.wait_until(
        lambda: (
            [str(k) for k in ncp.transient_keys] == [IEEE]
            and ncp.policy == INSTALL_CODE_ONLY
        ),
        timeout=10,
    )
    assert not ncp.power_on(stranger(5)).joined
    assert hass.states.get(JOIN_WINDOW).state == "on"
    assert ncp.power_on(VirtualDevice(IEEE, install_code=CODE)).joined
    await wait_for(hass, lambda: status(hass, provisioning_entry, IEEE) == "joined")
    await ncp.wait_idle()


def test_lost_radio_is_a_translated_error() -> None:
    """Pressing the button without a radio connection says so, translated."""
    with pytest.raises(HomeAssistantError) as raised, radio_errors():
        raise RadioLostError("the radio is not connected")
    assert raised.value.translation_key == "radio_error"
    assert raised.value.translation_placeholders == {"error": "RadioLostError"}


async def test_window_without_radio_is_closed_and_says_so(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    provisioning_entry: ConfigEntry,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """bellows loses its EZSP connection under the window: it closes, and the sensor and log say so."""
    await hass.services.async_call(DOMAIN, "add_device", {"qr_code": QR}, blocking=True)
    await start_pairing(hass, duration=120)
    await virtual_coordinator.wait_idle()
    application = provisioning_entry.runtime_data.application
    monkeypatch.setattr(
        application, "_ezsp", None
    )  # what bellows holds once disconnected
    await wait_for(hass, lambda: hass.states.get(JOIN_WINDOW).state == "off")
    state = hass.states.get(JOIN_WINDOW)
    assert state.attributes["closed_reason"] == "radio_lost"
    assert state.attributes["mode"] is None
    assert "The join window is closed: the radio is gone" in caplog.text
    assert status(hass, provisioning_entry, IEEE) == "pending"
    monkeypatch.undo()
