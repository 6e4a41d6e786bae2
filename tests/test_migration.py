"""A list stored by version 1.2 loads in this version without loss.

The fixture ``fixtures/storage_1_2.json`` was written by version 1.2's own
code (config entry minor version 2, before entries named their technology):
two local Zigbee devices (an install code and a link key), a provisioning
server with one cached device, a joined status, the guard off, and one status
report waiting in the outbox. Only what ties it to that run's coordinator
(its IEEE address and ZHA entry) is pointed at this test's coordinator.
"""

from __future__ import annotations

import json
import pathlib
from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.provisioning.const import DOMAIN
from custom_components.provisioning.core import Technology
from custom_components.provisioning.core.zigbee.identity import link_key_of
from tests.test_admission import wait_for
from virtual_coordinator import VirtualCoordinator
from virtual_coordinator.pytest_plugin import setup_zha

FIXTURE = pathlib.Path(__file__).parent / "fixtures" / "storage_1_2.json"
LAMP = "00:11:22:33:44:55:66:77"
PLUG = "00:11:22:33:44:55:66:78"
METER = "00:0d:6f:00:00:00:00:01"


def _retargeted(text: str, old: str, new: str) -> Any:
    return json.loads(text.replace(old, new))


async def test_list_of_1_2_migrates_without_loss(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    virtual_coordinator: VirtualCoordinator,
) -> None:
    """Subentries gain their technology; statuses, cache and outbox are kept."""
    zha = await setup_zha(hass, virtual_coordinator)
    coordinator_ieee = str(virtual_coordinator.ieee)
    raw = json.loads(FIXTURE.read_text(encoding="utf-8"))
    stored = raw["config_entry"]
    old_ieee = stored["data"]["coordinator_ieee"]
    fixture = _retargeted(
        FIXTURE.read_text(encoding="utf-8"), old_ieee, coordinator_ieee
    )
    stored = fixture["config_entry"]
    stored["data"]["zha_entry_id"] = zha.entry_id
    hass_storage.update(fixture["stores"])
    entry = MockConfigEntry(
        domain=DOMAIN,
        entry_id=stored["entry_id"],
        title=stored["title"],
        unique_id=stored["unique_id"],
        data=stored["data"],
        version=stored["version"],
        minor_version=stored["minor_version"],
        subentries_data=[
            {
                k: sub[k]
                for k in ("data", "subentry_id", "subentry_type", "title", "unique_id")
            }
            for sub in stored["subentries"]
        ],
    )
    assert entry.minor_version == 2
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    assert entry.minor_version == 3

    # every device subentry names its technology and id, and keeps what it had
    before = {sub["subentry_id"]: sub["data"] for sub in stored["subentries"]}
    for subentry_id, subentry in entry.subentries.items():
        if subentry.subentry_type != "device":
            assert dict(subentry.data) == before[subentry_id]
            continue
        data = dict(subentry.data)
        assert data.pop("technology") == "zigbee"
        assert data.pop("id") == data["ieee"] == subentry.unique_id
        assert data == before[subentry_id]

    coordinator = entry.runtime_data
    listed = {str(device): e for device, e in coordinator.data.items()}
    assert set(listed) == {LAMP, PLUG, METER}
    assert all(e.technology is Technology.ZIGBEE for e in listed.values())
    assert {device: e.status.value for device, e in listed.items()} == {
        LAMP: "joined",
        PLUG: "pending",
        METER: "pending",
    }
    assert listed[LAMP].name == "Lamp"
    assert listed[LAMP].credential.kind == "install_code"
    assert bytes(link_key_of(listed[PLUG])).hex() == before_key(stored, PLUG)
    assert listed[METER].name == "Meter flat 1"
    assert listed[METER].provider_id.startswith("remote:")
    assert not coordinator.admission.guard_enabled
    [runner] = coordinator.remotes.values()
    assert [event["ieee"] for event in runner.provider.state.outbox] == [METER]

    # stored again in the new form, and read again the same
    await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    await wait_for(hass, lambda: entry.state is ConfigEntryState.LOADED)
    again = {
        str(device): e.status.value for device, e in entry.runtime_data.data.items()
    }
    assert again == {LAMP: "joined", PLUG: "pending", METER: "pending"}
    for loaded in (entry, zha):
        await hass.config_entries.async_unload(loaded.entry_id)
    await hass.async_block_till_done()


def before_key(stored: dict[str, Any], ieee: str) -> str:
    """Return the link key stored for a device by version 1.2."""
    [data] = [s["data"] for s in stored["subentries"] if s.get("unique_id") == ieee]
    return data["credential"]["key"]
