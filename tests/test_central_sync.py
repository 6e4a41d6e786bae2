"""Central provisioning in Home Assistant: long polling, sync now, failures contained."""

from __future__ import annotations

from collections.abc import AsyncIterator
import logging
import pathlib
from typing import Any

from homeassistant.auth.const import GROUP_ID_USER
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import (
    HomeAssistantError,
    ServiceValidationError,
    Unauthorized,
)
from homeassistant.helpers import entity_registry as er, issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockUser

from custom_components.provisioning.const import DOMAIN
from custom_components.provisioning.core import EntryStatus
from custom_components.provisioning.core.remote_client import RemoteProvisioningClient
from custom_components.provisioning.remote import RemoteProviderRunner
from provisioning_server.store import Store
from provisioning_server.validation import DeviceRecord
from tests.contract_server import TOKEN, ContractServer, serve_contract
from tests.provisioning_server.helpers import make_ieee, make_install_code, serve_store
from tests.test_admission import wait_for
from tests.test_central import add_provider, register_hub, runner

pytestmark = pytest.mark.usefixtures("socket_enabled")

KEY = "66B6900981E1EE3CA4206B6B861C02BB"


def device(n: int, **extra: Any) -> dict[str, Any]:
    """A well-formed device entry."""
    return {
        "ieee": make_ieee(n),
        "install_code": make_install_code(n),
        "name": f"Meter {n}",
        "state": "active",
        **extra,
    }


@pytest.fixture
async def server(provisioning_entry: ConfigEntry) -> AsyncIterator[ContractServer]:
    """A contract server for the entry's hub, with long polling and two devices."""
    contract = ContractServer(provisioning_entry.unique_id, max_wait=60)
    contract.set_devices([device(1), device(2)])
    async with serve_contract(contract) as running:
        yield running


async def connect(
    hass: HomeAssistant, entry: ConfigEntry, server: ContractServer
) -> RemoteProviderRunner:
    """Add the server and wait for the hub's first synchronisation."""
    await add_provider(hass, entry, server.url, TOKEN)
    await wait_for(hass, lambda: entry.runtime_data.remotes)
    remote = runner(entry)
    await wait_for(hass, lambda: remote.syncs >= 1)
    return remote


def listed(entry: ConfigEntry) -> list[str]:
    """The IEEE addresses on the hub's merged list."""
    return sorted(str(ieee) for ieee in entry.runtime_data.data)


def entity_id(hass: HomeAssistant, entry: ConfigEntry, key: str) -> str:
    """The entity of the coordinator device with this unique-ID suffix."""
    unique_id = f"{entry.runtime_data.ieee}_{key}"
    for platform in ("sensor", "button"):
        found = er.async_get(hass).async_get_entity_id(platform, DOMAIN, unique_id)
        if found:
            return found
    raise AssertionError(f"no entity {unique_id}")


async def test_long_poll_brings_changes_and_holds_one_request(
    hass: HomeAssistant, provisioning_entry: ConfigEntry, server: ContractServer
) -> None:
    """A change on the server arrives without waiting for the poll interval."""
    remote = await connect(hass, provisioning_entry, server)
    await wait_for(hass, server.holding.is_set)
    assert remote.long_polling
    sensor = entity_id(
        hass, provisioning_entry, f"{remote.subentry.subentry_id}_last_sync"
    )
    assert hass.states.get(sensor).attributes["long_polling"] is True

    server.set_devices([device(1), device(2), device(3)])
    # the poll interval is 30 s: only the held request can bring it this soon
    await wait_for(hass, lambda: make_ieee(3) in listed(provisioning_entry), timeout=10)
    assert any(
        seen.query == {"wait": "55"} and seen.status == 200 for seen in server.seen
    )

    # a report while a request is held: the held one is dropped first
    server.holding.clear()
    await wait_for(hass, server.holding.is_set)
    await provisioning_entry.runtime_data.async_set_status(
        provisioning_entry.runtime_data.service.get(
            next(iter(provisioning_entry.runtime_data.data))
        ).device,
        EntryStatus.FAILED,
        "interview",
    )
    await wait_for(hass, lambda: server.events, timeout=10)
    assert server.events[0]["status"] == "failed"
    assert server.most_active == 1

    # the header goes away: interval polling again
    server.announce = False
    server.set_devices([device(1)])
    await wait_for(hass, lambda: listed(provisioning_entry) == [make_ieee(1)])
    await wait_for(hass, lambda: not remote.long_polling)
    assert server.most_active == 1
    assert remote.failures == 0

    # unloading while a request is held drops it
    server.announce = True
    server.holding.clear()
    await hass.services.async_call(DOMAIN, "sync", {}, blocking=True)
    await wait_for(hass, server.holding.is_set)
    assert server.active == 1
    assert await hass.config_entries.async_unload(provisioning_entry.entry_id)
    await wait_for(hass, lambda: server.active == 0, timeout=5)


async def test_sync_now_service_and_button(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    server: ContractServer,
    hass_admin_user: MockUser,
) -> None:
    """provisioning.sync and the button fetch at once, for one server or all.

    The button, like the service, refuses a user who is not an administrator.
    """
    server.max_wait = None
    remote = await connect(hass, provisioning_entry, server)
    subentry_id = remote.subentry.subentry_id
    assert not remote.long_polling

    server.set_devices([device(1), device(2), device(3)])
    response = await hass.services.async_call(
        DOMAIN,
        "sync",
        {"server": subentry_id},
        blocking=True,
        return_response=True,
    )
    assert response == {
        "servers": [
            {
                "server": subentry_id,
                "title": remote.subentry.title,
                "entries": 3,
                "revision": server.revision,
                "changed": True,
            }
        ]
    }
    assert make_ieee(3) in listed(provisioning_entry)
    assert server.seen[-1].query == {}

    server.set_devices([device(4)])
    button = entity_id(hass, provisioning_entry, f"{subentry_id}_sync_now")
    assert hass.states.get(button).name.endswith("Sync now")
    # only an administrator's press fetches, as only one may call provisioning.sync
    user = await hass.auth.async_create_user("User", group_ids=[GROUP_ID_USER])
    assert hass_admin_user.is_admin  # (so the next user is no owner)
    assert not user.is_admin
    syncs = remote.syncs
    with pytest.raises(Unauthorized):
        await hass.services.async_call(
            "button",
            "press",
            {"entity_id": button},
            blocking=True,
            context=Context(user_id=user.id),
        )
    assert remote.syncs == syncs
    assert make_ieee(4) not in listed(provisioning_entry)
    await hass.services.async_call(
        "button", "press", {"entity_id": button}, blocking=True
    )
    assert listed(provisioning_entry) == [make_ieee(4)]

    response = await hass.services.async_call(
        DOMAIN,
        "sync",
        {"config_entry_id": provisioning_entry.entry_id},
        blocking=True,
        return_response=True,
    )
    assert response["servers"][0]["changed"] is False

    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN, "sync", {"server": "nonexistent"}, blocking=True
        )
    assert err.value.translation_key == "server_not_found"


async def test_poll_task_survives_every_exception(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    server: ContractServer,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Malformed lists and unexpected errors are contained, shown and retried."""
    server.max_wait = None
    remote = await connect(hass, provisioning_entry, server)
    subentry_id = remote.subentry.subentry_id
    sensor = entity_id(hass, provisioning_entry, f"{subentry_id}_last_sync")

    # entries that used to end the task are left out, the others used
    server.set_devices([device(1, state=[]), device(2, state={}), device(3)])
    await hass.services.async_call(DOMAIN, "sync", {}, blocking=True)
    assert listed(provisioning_entry) == [make_ieee(3)]
    assert [index for index, _ in remote.provider.state.invalid] == [0, 1]
    assert ir.async_get(hass).async_get_issue(DOMAIN, f"{subentry_id}_invalid_entries")

    # an unexpected exception: logged once, counted, shown, retried
    real_fetch = RemoteProvisioningClient.async_fetch_devices

    async def broken(self: RemoteProvisioningClient, *args: Any, **kwargs: Any):
        raise RuntimeError(make_install_code(3))

    monkeypatch.setattr(RemoteProvisioningClient, "async_fetch_devices", broken)
    caplog.set_level(logging.INFO)
    for _ in range(2):
        with pytest.raises(HomeAssistantError) as err:
            await hass.services.async_call(DOMAIN, "sync", {}, blocking=True)
        assert err.value.translation_key == "sync_failed"
    await hass.async_block_till_done()
    attributes = hass.states.get(sensor).attributes
    assert attributes["last_error"] == "sync_failed"
    assert attributes["failures"] == 2
    assert attributes["available"] is False
    failed = [r for r in caplog.records if "failed (RuntimeError at" in r.message]
    assert len(failed) == 1
    assert make_install_code(3) not in caplog.text
    assert listed(provisioning_entry) == [make_ieee(3)]  # the last good list stays

    monkeypatch.setattr(RemoteProvisioningClient, "async_fetch_devices", real_fetch)
    server.set_devices([device(5)])
    await hass.services.async_call(DOMAIN, "sync", {}, blocking=True)
    await hass.async_block_till_done()
    assert listed(provisioning_entry) == [make_ieee(5)]
    attributes = hass.states.get(sensor).attributes
    assert attributes["last_error"] is None
    assert attributes["available"] is True
    assert "is available again" in caplog.text
    assert remote.diagnostics()["failures"] == 2


async def test_first_poll_after_a_restart_is_conditional(
    hass: HomeAssistant, provisioning_entry: ConfigEntry, server: ContractServer
) -> None:
    """The ETag is stored with the last good list: a restart costs a 304."""
    server.max_wait = None
    await connect(hass, provisioning_entry, server)
    etag = server.etag
    server.seen.clear()
    assert await hass.config_entries.async_reload(provisioning_entry.entry_id)
    await hass.async_block_till_done()
    remote = runner(provisioning_entry)
    await wait_for(hass, lambda: remote.syncs >= 1)
    assert [(seen.if_none_match, seen.status) for seen in server.seen] == [(etag, 304)]
    assert listed(provisioning_entry) == [make_ieee(1), make_ieee(2)]


async def test_long_poll_against_the_reference_server(
    hass: HomeAssistant, provisioning_entry: ConfigEntry, tmp_path: pathlib.Path
) -> None:
    """A device added to the reference server by another writer reaches the hub."""
    store = Store(tmp_path / "provisioning.db")
    try:
        _, token = register_hub(
            store, provisioning_entry, DeviceRecord(ieee=make_ieee(1), link_key=KEY)
        )
        async with serve_store(store) as url:
            await add_provider(hass, provisioning_entry, url, token)
            await wait_for(hass, lambda: provisioning_entry.runtime_data.remotes)
            remote = runner(provisioning_entry)
            await wait_for(hass, lambda: remote.syncs >= 1 and remote.long_polling)
            syncs = remote.syncs
            # the hub waits on the server: the change comes through another
            # connection to the database, as from the CLI
            store.import_devices(
                provisioning_entry.unique_id,
                [DeviceRecord(ieee=make_ieee(2), install_code=make_install_code(2))],
            )
            # the poll interval is 30 s: only the held request brings it this soon
            await wait_for(
                hass,
                lambda: make_ieee(2) in listed(provisioning_entry),
                timeout=10,
            )
            await wait_for(hass, lambda: remote.syncs > syncs)
            assert remote.long_polling
            assert (
                remote.provider.state.revision
                == store.get_hub(provisioning_entry.unique_id).revision
            )
    finally:
        store.close()


async def test_failed_long_poll_falls_back_to_the_interval(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    server: ContractServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A server that announces long polls but refuses them is polled normally."""
    server.reject_wait = True
    remote = await connect(hass, provisioning_entry, server)
    await wait_for(hass, lambda: remote.failures == 1)
    assert remote.provider.state.last_error == "remote_bad_response"
    await hass.services.async_call(DOMAIN, "sync", {}, blocking=True)
    assert remote.available
    assert not remote.long_polling  # not for the next poll interval
    assert [seen.status for seen in server.seen if "wait" in seen.query] == [400]

    # a listener that fails when told about a sync doesn't stop the polls
    def broken() -> None:
        raise RuntimeError("listener")

    remote._on_change = broken
    server.set_devices([device(7)])
    await hass.services.async_call(DOMAIN, "sync", {}, blocking=True)
    assert "Updating after a synchronisation" in caplog.text
    assert listed(provisioning_entry) == [make_ieee(7)]
    remote._on_change = provisioning_entry.runtime_data.async_update_listeners
    await hass.services.async_call(DOMAIN, "sync", {}, blocking=True)
    assert remote.failures == 1
