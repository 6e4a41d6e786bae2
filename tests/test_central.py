"""Central provisioning end to end: reference server, virtual coordinator, real ZHA."""

from __future__ import annotations

import pathlib

from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import (
    area_registry as ar,
    device_registry as dr,
    entity_registry as er,
    issue_registry as ir,
)
import pytest

from custom_components.provisioning import async_remove_config_entry_device
from custom_components.provisioning.const import DOMAIN
from provisioning_server.store import Store, TokenInfo
from provisioning_server.validation import DeviceRecord
from tests.conftest import status_entity
from tests.provisioning_server.helpers import serve_store
from tests.test_admission import (
    devices_of,
    start_pairing,
    status,
    wait_for,
    zha_device,
)
from virtual_coordinator import VirtualCoordinator, VirtualDevice

METER = "00:0d:6f:00:00:00:00:01"
CODE = "83FED3407A939723A5C639B26916D505C3B5"


@pytest.fixture
def store(tmp_path: pathlib.Path) -> Store:
    """The reference server's database."""
    database = Store(tmp_path / "provisioning.db")
    yield database
    database.close()


def register_hub(
    store: Store, entry: ConfigEntry, *devices: DeviceRecord
) -> tuple[TokenInfo, str]:
    """Register the entry's hub on the server with a token and these devices."""
    hub = entry.unique_id
    store.add_hub(hub)
    info, token = store.add_token(hub)
    if devices:
        store.import_devices(hub, list(devices))
    return info, token


async def add_provider(
    hass: HomeAssistant, entry: ConfigEntry, url: str, token: str, **extra: object
) -> dict:
    """Add a provider subentry through its flow."""
    flow = hass.config_entries.subentries
    result = await flow.async_init(
        (entry.entry_id, "provider"), context={"source": "user"}
    )
    assert result["type"] is FlowResultType.FORM
    result = await flow.async_configure(
        result["flow_id"],
        {
            "url": url,
            "token": token,
            "hub_id": entry.unique_id,
            "poll_interval": 30,
            "verify_ssl": True,
            **extra,
        },
    )
    await hass.async_block_till_done()
    return result


def runner(entry: ConfigEntry):
    """Return the only remote provider runner."""
    [only] = entry.runtime_data.remotes.values()
    return only


async def connect(hass: HomeAssistant, entry: ConfigEntry, url: str, token: str):
    """Add the provider and wait for its first synchronisation."""
    result = await add_provider(hass, entry, url, token)
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await wait_for(hass, lambda: entry.runtime_data.remotes)
    remote = runner(entry)
    await wait_for(hass, lambda: remote.syncs >= 1)
    return remote


async def test_meter_provisioned_centrally_joins_and_is_reported(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    provisioning_entry: ConfigEntry,
    store: Store,
) -> None:
    """Building manager: meter on the server, button, join, status back at the server."""
    hub = provisioning_entry.unique_id
    _, token = register_hub(
        store,
        provisioning_entry,
        DeviceRecord(ieee=METER, install_code=CODE, name="Meter flat 1", area="Flat 1"),
        DeviceRecord(ieee="00:0d:6f:00:00:00:00:02", install_code=CODE[:-1] + "0"),
    )
    async with serve_store(store) as url:
        result = await add_provider(hass, provisioning_entry, url, "wrong")
        assert result["errors"] == {"base": "remote_auth_failed"}
        result = await add_provider(hass, provisioning_entry, url, token)
        assert result["type"] is FlowResultType.CREATE_ENTRY
        await hass.async_block_till_done()
        await wait_for(hass, lambda: provisioning_entry.runtime_data.remotes)
        remote = runner(provisioning_entry)
        await wait_for(hass, lambda: remote.syncs >= 1)
        assert status(hass, provisioning_entry, METER) == "pending"
        # its placeholder can't be deleted here: the entry belongs to the server
        placeholder = dr.async_get(hass).async_get_device_by_connection(
            (dr.CONNECTION_ZIGBEE, METER), provisioning_entry.entry_id
        )
        assert not await async_remove_config_entry_device(
            hass, provisioning_entry, placeholder
        )
        # the entry with a bad CRC is left out and reported
        assert ir.async_get(hass).async_get_issue(
            DOMAIN, f"{remote.subentry.subentry_id}_invalid_entries"
        )
        assert len(provisioning_entry.runtime_data.data) == 1

        await start_pairing(hass)
        meter = VirtualDevice(
            METER, install_code=CODE, manufacturer="Acme", model="Meter"
        )
        assert virtual_coordinator.power_on(meter).joined
        await wait_for(
            hass, lambda: status(hass, provisioning_entry, METER) == "joined"
        )
        await wait_for(
            hass,
            lambda: (
                [s.status for s in store.device_status(hub) if s.ieee == METER]
                == ["joined"]
            ),
        )
        device = zha_device(hass, METER)
        await wait_for(hass, lambda: (d := zha_device(hass, METER)) and d.name_by_user)
        device = zha_device(hass, METER)
        assert device.name_by_user == "Meter flat 1"
        assert ar.async_get(hass).async_get_area(device.area_id).name == "Flat 1"
        await wait_for(hass, lambda: len(devices_of(hass, METER)) == 1)
        sensor_id = status_entity(hass, METER)
        assert er.async_get(hass).async_get(sensor_id).device_id == device.id
        await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)

        # Without the provider its entries go, and so does their sensor
        hass.config_entries.async_remove_subentry(
            provisioning_entry, remote.subentry.subentry_id
        )
        await hass.async_block_till_done()
        await wait_for(
            hass,
            lambda: (
                provisioning_entry.state is ConfigEntryState.LOADED
                and not provisioning_entry.runtime_data.remotes
            ),
        )
        assert er.async_get(hass).async_get(sensor_id) is None
        assert [d.id for d in devices_of(hass, METER)] == [device.id]


async def test_reports_survive_outage_and_restart(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    provisioning_entry: ConfigEntry,
    store: Store,
) -> None:
    """Server down while the meter joins: the status arrives once it is back."""
    hub = provisioning_entry.unique_id
    _, token = register_hub(
        store, provisioning_entry, DeviceRecord(ieee=METER, install_code=CODE)
    )
    async with serve_store(store) as url:
        remote = await connect(hass, provisioning_entry, url, token)
    # server gone
    await start_pairing(hass)
    assert virtual_coordinator.power_on(VirtualDevice(METER, install_code=CODE)).joined
    await wait_for(hass, lambda: status(hass, provisioning_entry, METER) == "joined")
    await wait_for(hass, lambda: not remote.available)
    assert len(remote.provider.state.outbox) >= 1
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)
    # restart: the list and the outbox come back from storage
    assert await hass.config_entries.async_reload(provisioning_entry.entry_id)
    await hass.async_block_till_done()
    remote = runner(provisioning_entry)
    assert status(hass, provisioning_entry, METER) == "joined"
    assert remote.provider.state.outbox
    async with serve_store(store) as new_url:
        hass.config_entries.async_update_subentry(
            provisioning_entry,
            remote.subentry,
            data={**remote.subentry.data, "url": new_url},
        )
        await hass.async_block_till_done()
        remote = runner(provisioning_entry)
        await wait_for(hass, lambda: not remote.provider.state.outbox)
        assert [s.status for s in store.device_status(hub)] == ["joined"]


async def test_revocation_during_open_window_unloads_the_key(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    provisioning_entry: ConfigEntry,
    store: Store,
) -> None:
    """A device revoked centrally while the window is open can no longer join."""
    hub = provisioning_entry.unique_id
    other = "00:0d:6f:00:00:00:00:03"
    _, token = register_hub(
        store,
        provisioning_entry,
        DeviceRecord(ieee=METER, install_code=CODE),
        DeviceRecord(ieee=other, link_key="66B6900981E1EE3CA4206B6B861C02BB"),
    )
    async with serve_store(store) as url:
        remote = await connect(hass, provisioning_entry, url, token)
        await start_pairing(hass)
        assert sorted(map(str, virtual_coordinator.transient_keys)) == [METER, other]

        store.revoke_device(hub, METER)
        syncs = remote.syncs
        remote.async_poll_now()
        await wait_for(hass, lambda: remote.syncs > syncs)
        await wait_for(
            hass, lambda: status(hass, provisioning_entry, METER) == "revoked"
        )
        await wait_for(
            hass,
            lambda: (
                list(map(str, virtual_coordinator.transient_keys)) == [other]
                and virtual_coordinator.permit_open
                and provisioning_entry.runtime_data.admission.window_open
            ),
        )
        assert virtual_coordinator.policy == 0x11
        assert virtual_coordinator.permit_open
        assert not virtual_coordinator.power_on(
            VirtualDevice(METER, install_code=CODE)
        ).joined
        await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)


async def test_refused_token_starts_reauth(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    provisioning_entry: ConfigEntry,
    store: Store,
) -> None:
    """A 401 keeps the last list, raises a repair and a reauth flow; a new token fixes it."""
    hub = provisioning_entry.unique_id
    info, token = register_hub(
        store, provisioning_entry, DeviceRecord(ieee=METER, install_code=CODE)
    )
    async with serve_store(store) as url:
        remote = await connect(hass, provisioning_entry, url, token)

        store.remove_token(hub, info.token_id)
        remote.async_poll_now()
        await wait_for(hass, lambda: not remote.available)
        assert status(hass, provisioning_entry, METER) == "pending"  # list kept
        assert ir.async_get(hass).async_get_issue(
            DOMAIN, f"{remote.subentry.subentry_id}_auth"
        )
        [flow] = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
        assert flow["context"]["source"] == "reauth"
        result = await hass.config_entries.flow.async_configure(
            flow["flow_id"], {"token": "still-wrong"}
        )
        assert result["errors"] == {"base": "remote_auth_failed"}
        _, new_token = store.add_token(hub)
        result = await hass.config_entries.flow.async_configure(
            flow["flow_id"], {"token": new_token}
        )
        assert result["type"] is FlowResultType.ABORT
        assert result["reason"] == "reauth_successful"
        await hass.async_block_till_done()
        remote = runner(provisioning_entry)
        await wait_for(hass, lambda: remote.syncs >= 1 and remote.available)
        assert not ir.async_get(hass).async_get_issue(
            DOMAIN, f"{remote.subentry.subentry_id}_auth"
        )


async def test_provider_reconfigure_and_bad_url(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    provisioning_entry: ConfigEntry,
    store: Store,
) -> None:
    """A malformed URL is explained; reconfigure changes the poll interval."""
    _, token = register_hub(store, provisioning_entry)
    result = await add_provider(hass, provisioning_entry, "http://[::1", token)
    assert result["errors"] == {"base": "invalid_url"}
    async with serve_store(store) as url:
        remote = await connect(hass, provisioning_entry, url, token)
        flow = hass.config_entries.subentries
        result = await flow.async_init(
            (provisioning_entry.entry_id, "provider"),
            context={
                "source": "reconfigure",
                "subentry_id": remote.subentry.subentry_id,
            },
        )
        assert result["step_id"] == "reconfigure"
        settings = {
            "url": url,
            "token": "wrong",
            "hub_id": provisioning_entry.unique_id,
            "poll_interval": 60,
            "verify_ssl": True,
        }
        result = await flow.async_configure(result["flow_id"], settings)
        assert result["errors"] == {"base": "remote_auth_failed"}
        result = await flow.async_configure(
            result["flow_id"], {**settings, "token": token}
        )
        assert result["reason"] == "reconfigure_successful"
        await hass.async_block_till_done()
        remote = runner(provisioning_entry)
        assert remote.poll_interval == 60
        await wait_for(hass, lambda: remote.syncs >= 1)


async def test_conflicting_keys_raise_a_repair_issue(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    provisioning_entry: ConfigEntry,
    store: Store,
) -> None:
    """The same IEEE with another key locally is a repair issue until one goes."""
    _, token = register_hub(
        store, provisioning_entry, DeviceRecord(ieee=METER, install_code=CODE)
    )
    issue_id = f"conflict_{provisioning_entry.entry_id}_{METER}"
    async with serve_store(store) as url:
        remote = await connect(hass, provisioning_entry, url, token)
        response = await hass.services.async_call(
            DOMAIN,
            "add_device",
            {"ieee": METER, "link_key": "00" * 16},
            blocking=True,
            return_response=True,
        )
        assert (response["ieee"], response["provider"]) == (METER, "local")
        assert METER not in map(str, provisioning_entry.runtime_data.data)
        issue = ir.async_get(hass).async_get_issue(DOMAIN, issue_id)
        assert issue is not None
        assert issue.translation_placeholders["ieee"] == METER
        assert (
            remote.provider.provider_id in issue.translation_placeholders["providers"]
        )

        await hass.services.async_call(
            DOMAIN, "remove_device", {"ieee": METER}, blocking=True
        )
        await hass.async_block_till_done()
        assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is None
