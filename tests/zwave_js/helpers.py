"""Helpers for tests of our list on a Z-Wave JS network: the list's config
entry, its entries' statuses, zwave-js's copy of them, continuous admission."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from homeassistant.config_entries import SOURCE_USER, ConfigEntry, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import entity_registry as er
import pytest

from custom_components.provisioning.const import DOMAIN
from custom_components.provisioning.core import DeviceId, EntryStatus, Technology
from tests.virtual_zwave.conftest import Network
from tests.zwave_js.conftest import Harness, Virtual, listed

ACTIVE, INACTIVE = 0, 1


async def add_list(hass: HomeAssistant) -> ConfigEntry:
    """The user flow: the only network without a list is the Z-Wave one."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "confirm_zwave_js"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    entry: ConfigEntry = result["result"]
    return entry


@pytest.fixture
async def provisioning(
    hass: HomeAssistant, harness: Harness
) -> AsyncIterator[ConfigEntry]:
    """Our list on the harness's Z-Wave JS network (with its own link)."""
    await harness.link.async_stop()
    entry = await add_list(hass)
    yield entry
    if entry.state is ConfigEntryState.LOADED:
        await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()


def zwave_id(virtual: Virtual) -> DeviceId:
    return DeviceId(Technology.ZWAVE, virtual.ident)


def status(entry: ConfigEntry, virtual: Virtual) -> EntryStatus | None:
    found = entry.runtime_data.data.get(zwave_id(virtual))
    return None if found is None else found.status


async def held(observer: Network, virtual: Virtual) -> dict[str, Any] | None:
    """zwave-js's entry of a virtual device (DSK masked), None if absent."""
    return (await listed(observer)).get(virtual.ident)


async def wait_for_async(
    condition: Callable[[], Awaitable[Any]], timeout: float = 30
) -> Any:
    """Wait until an async condition on the server holds (it has no event to
    wait on: zwave-js's list is read back)."""
    async with asyncio.timeout(timeout):
        while not (result := await condition()):  # noqa: ASYNC110
            await asyncio.sleep(0.1)  # polling back-off, not a wait for a result
    return result


async def wait_held(
    observer: Network, virtual: Virtual, status_code: int | None
) -> None:
    """Wait until zwave-js holds the device's entry with this status
    (``None``: until it holds no entry for it)."""

    async def check() -> bool:
        found = await held(observer, virtual)
        if status_code is None:
            return found is None
        return found is not None and found["status"] == status_code

    await wait_for_async(check)


def continuous_switch(hass: HomeAssistant, entry: ConfigEntry) -> str:
    """The entity id of the entry's continuous-admission switch."""
    for entity in er.async_entries_for_config_entry(er.async_get(hass), entry.entry_id):
        if entity.domain == "switch" and entity.translation_key == "continuous":
            return entity.entity_id
    raise AssertionError("no continuous-admission switch")


async def set_continuous(hass: HomeAssistant, entry: ConfigEntry, on: bool) -> None:
    """Flip the continuous-admission switch as a user would."""
    entity_id = continuous_switch(hass, entry)
    await hass.services.async_call(
        "switch",
        "turn_on" if on else "turn_off",
        {"entity_id": entity_id},
        blocking=True,
    )
    await hass.async_block_till_done()
    assert hass.states.get(entity_id).state == ("on" if on else "off")
