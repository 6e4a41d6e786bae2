"""What the user sees on radios that hold one key per window (deCONZ) or none
(ZiGate). ZHA runs on the virtual coordinator; only the adapter the
integration picks is the one those radio libraries get."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import issue_registry as ir
import pytest

from custom_components.provisioning.const import DOMAIN
from custom_components.provisioning.core.zigbee.no_key_radio import NoKeyRadio
from custom_components.provisioning.core.zigbee.single_key_radio import SingleKeyRadio
from tests.conftest import add_provisioning_entry
from tests.test_admission import LINK_KEY, status
from tests.test_znp_admission import entity
from virtual_coordinator import VirtualCoordinator

FIRST = "00:11:22:33:44:55:66:71"
SECOND = "00:11:22:33:44:55:66:72"


async def provisioning_with(
    hass: HomeAssistant, monkeypatch: pytest.MonkeyPatch, adapter: Any
) -> ConfigEntry:
    """Device Provisioning on the running ZHA, with the given adapter class."""
    monkeypatch.setattr("custom_components.provisioning.coordinator.radio_for", adapter)
    entry = await add_provisioning_entry(hass)
    for ieee in (FIRST, SECOND):
        await hass.services.async_call(
            DOMAIN, "add_device", {"ieee": ieee, "link_key": LINK_KEY}, blocking=True
        )
    return entry


def issue(hass: HomeAssistant, key: str, entry: ConfigEntry) -> ir.IssueEntry | None:
    return ir.async_get(hass).async_get_issue(DOMAIN, f"{key}_{entry.entry_id}")


async def test_zigate_button_raises_a_repair(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    zha_entry: ConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The UI says the radio can't admit by key; pressing the button raises it again."""
    entry = await provisioning_with(hass, monkeypatch, NoKeyRadio)
    found = issue(hass, "radio_cannot_admit_by_key", entry)
    assert found is not None
    assert found.translation_placeholders == {"radio": "bellows"}
    assert issue(hass, "radio_not_install_code_only", entry) is None
    ir.async_delete_issue(hass, DOMAIN, found.issue_id)

    with pytest.raises(ServiceValidationError) as caught:
        await hass.services.async_call(
            "button",
            "press",
            {"entity_id": entity(hass, "button", "admit")},
            blocking=True,
        )
    assert caught.value.translation_key == "radio_cannot_admit_by_key"
    assert issue(hass, "radio_cannot_admit_by_key", entry) is not None
    assert not virtual_coordinator.permit_open
    assert status(hass, entry, FIRST) == "pending"
    assert status(hass, entry, SECOND) == "pending"
    await hass.config_entries.async_unload(entry.entry_id)


async def test_deconz_one_key_per_window_is_shown(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    zha_entry: ConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A repair explains it, and the join window lists the entry that waits."""
    entry = await provisioning_with(hass, monkeypatch, SingleKeyRadio)
    assert issue(hass, "radio_one_key_per_window", entry) is not None
    assert issue(hass, "radio_not_install_code_only", entry) is not None
    await hass.services.async_call(
        "button", "press", {"entity_id": entity(hass, "button", "admit")}, blocking=True
    )
    state = hass.states.get(entity(hass, "binary_sensor", "join_window"))
    assert state.state == "on"
    assert state.attributes["keys_loaded"] == 1
    assert state.attributes["waiting"] == [SECOND]
    assert status(hass, entry, FIRST) == "admitting"
    assert status(hass, entry, SECOND) == "pending"
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)
    await virtual_coordinator.wait_idle()
    await hass.config_entries.async_unload(entry.entry_id)
