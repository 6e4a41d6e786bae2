"""The provisioning list, its statuses and the guard survive a restart of Home Assistant."""

from __future__ import annotations

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant

from custom_components.provisioning.const import DOMAIN
from tests.conftest import add_provisioning_entry, status_entity
from tests.restart import restarted
from tests.test_admission import CODE, IEEE, LINK_KEY, QR, start_pairing, wait_for
from virtual_coordinator import VirtualCoordinator, VirtualDevice
from virtual_coordinator.pytest_plugin import setup_zha

OTHER = "00:11:22:33:44:55:66:78"


def statuses(hass: HomeAssistant) -> dict[str, str]:
    """Return the status of every listed IEEE."""
    [entry] = hass.config_entries.async_entries(DOMAIN)
    return {str(ieee): e.status.value for ieee, e in entry.runtime_data.data.items()}


async def test_list_survives_restart(
    hass: HomeAssistant, virtual_coordinator: VirtualCoordinator
) -> None:
    """Stop Home Assistant, start it again from its storage: nothing is lost."""
    await setup_zha(hass, virtual_coordinator)
    await add_provisioning_entry(hass)
    for data in (
        {"qr_code": QR, "name": "Lamp"},
        {"ieee": OTHER, "link_key": LINK_KEY},
    ):
        await hass.services.async_call(DOMAIN, "add_device", data, blocking=True)
    await start_pairing(hass)
    assert virtual_coordinator.power_on(VirtualDevice(IEEE, install_code=CODE)).joined
    await wait_for(hass, lambda: statuses(hass)[IEEE] == "joined")
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)
    [entry] = hass.config_entries.async_entries(DOMAIN)
    entry.runtime_data.admission.async_set_guard(False)
    await virtual_coordinator.wait_idle()
    await hass.async_stop()

    async with restarted(hass) as again:
        [entry] = again.config_entries.async_entries(DOMAIN)
        await wait_for(again, lambda: entry.state is ConfigEntryState.LOADED)

        assert statuses(again) == {IEEE: "joined", OTHER: "pending"}
        assert sorted(s.title for s in entry.subentries.values()) == [OTHER, "Lamp"]
        assert not entry.runtime_data.admission.guard_enabled
        assert again.states.get(status_entity(again, OTHER)).state == "pending"
        await virtual_coordinator.wait_idle()
        await again.async_stop()
