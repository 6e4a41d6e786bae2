"""The list's limits on every path: text fields, areas, list size, new areas, imports."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import area_registry as ar, issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.provisioning import coordinator as coordinator_module, importing
from custom_components.provisioning.const import DOMAIN
from custom_components.provisioning.core import limits
from custom_components.provisioning.importing import async_import_csv
from custom_components.provisioning.local_devices import async_update_device
from tests.contract_server import ContractServer, serve_contract
from tests.test_admission import wait_for
from tests.test_central_sync import connect, device
from tests.test_websocket_api import Client

CODE = "83FED3407A939723A5C639B26916D505C3B5"
LINK_KEY = "66B6900981E1EE3CA4206B6B861C02BB"
IEEE = "00:11:22:33:44:55:66:01"

BAD_TEXTS = [
    pytest.param("x" * 1_000_000, "text_too_long", id="1MB"),
    pytest.param("x" * 256, "text_too_long", id="256"),
    pytest.param("Lamp\x00", "text_control_character", id="NUL"),
    pytest.param("\x1b[31mLamp", "text_control_character", id="ESC"),
    pytest.param("Lamp\r\nInjected", "text_control_character", id="CRLF"),
    pytest.param("Lamp\u202egpj.exe", "text_control_character", id="RLO"),
    pytest.param("\u2066Lamp", "text_control_character", id="LRI"),
    pytest.param("Lamp\u200f", "text_control_character", id="RLM"),
]


async def add(hass: HomeAssistant, **data: Any) -> dict[str, Any]:
    """Call add_device and return its response."""
    response = await hass.services.async_call(
        DOMAIN, "add_device", data, blocking=True, return_response=True
    )
    await hass.async_block_till_done()
    assert isinstance(response, dict)
    return response


def ieee(n: int) -> str:
    """The IEEE address of meter n."""
    return f"00:cc:00:00:00:00:{n // 256:02x}:{n % 256:02x}"


def rows(numbers: range, **columns: str) -> str:
    """CSV rows of meters, with a link key and optional name and area."""
    name = columns.get("name", "")
    return "\n".join(
        f"{ieee(n)},,{LINK_KEY},{name},{columns.get('area', '')}" for n in numbers
    )


@pytest.mark.parametrize(("name", "key"), BAD_TEXTS)
async def test_service_refuses_bad_names(
    hass: HomeAssistant, provisioning_entry: ConfigEntry, name: str, key: str
) -> None:
    """A name breaking the text rule is a translated error; nothing is stored."""
    with pytest.raises(ServiceValidationError) as err:
        await add(hass, ieee=IEEE, install_code=CODE, name=name)
    assert err.value.translation_key == key
    assert err.value.translation_placeholders["field"] == "name"
    assert len(str(err.value)) < 300
    assert not provisioning_entry.subentries


async def test_names_are_trimmed_and_255_characters_pass(
    hass: HomeAssistant, provisioning_entry: ConfigEntry
) -> None:
    """Spaces around a name go; a name of 255 characters (accents too) is kept."""
    added = await add(hass, ieee=IEEE, install_code=CODE, name="  Desk lamp  ")
    assert added["name"] == "Desk lamp"
    long_name = "é" * 255
    updated = async_update_device(hass, provisioning_entry, IEEE, name=long_name)
    assert updated.name == long_name


async def test_area_id_must_exist(
    hass: HomeAssistant, provisioning_entry: ConfigEntry
) -> None:
    """An unknown area ID is refused, never created; a known one is kept."""
    areas = ar.async_get(hass)
    before = len(areas.areas)
    with pytest.raises(ServiceValidationError) as err:
        await add(hass, ieee=IEEE, install_code=CODE, area_id="no_such_area_xyz")
    assert err.value.translation_key == "area_not_found"
    assert len(areas.areas) == before
    assert not provisioning_entry.subentries

    kitchen = areas.async_create("Kitchen")
    added = await add(hass, ieee=IEEE, install_code=CODE, area_id=kitchen.id)
    assert added["area"] == kitchen.id
    with pytest.raises(ServiceValidationError) as err:
        async_update_device(hass, provisioning_entry, IEEE, area_id="a" * 100_000)
    assert err.value.translation_key == "text_too_long"
    with pytest.raises(ServiceValidationError) as err:
        async_update_device(hass, provisioning_entry, IEEE, area_id="gone")
    assert err.value.translation_key == "area_not_found"
    with pytest.raises(ServiceValidationError) as err:
        async_update_device(hass, provisioning_entry, IEEE, name="a\x1bb")
    assert err.value.translation_key == "text_control_character"
    assert (
        provisioning_entry.runtime_data.entry_for(
            next(iter(provisioning_entry.runtime_data.data))
        ).area
        == kitchen.id
    )
    assert len(areas.areas) == before + 1


async def test_panel_refuses_unknown_areas_and_bad_names(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """The panel's entries/add and entries/update answer the same errors."""
    ws = Client(await hass_ws_client(hass))
    before = len(ar.async_get(hass).areas)
    error = await ws.error(
        "entries/add", ieee=IEEE, install_code=CODE, area_id="no_such_area_xyz"
    )
    assert error["translation_key"] == "area_not_found"
    error = await ws.error(
        "entries/add", ieee=IEEE, install_code=CODE, name="Lamp\u202e"
    )
    assert error["translation_key"] == "text_control_character"
    assert not provisioning_entry.subentries
    await ws.ok("entries/add", ieee=IEEE, install_code=CODE, name="Lamp")
    error = await ws.error("entries/update", ieee=IEEE, area_id="x" * 100_000)
    assert error["translation_key"] == "text_too_long"
    error = await ws.error("entries/update", ieee=IEEE, area_id="no_such_area_xyz")
    assert error["translation_key"] == "area_not_found"
    assert len(ar.async_get(hass).areas) == before
    [entry] = provisioning_entry.runtime_data.data.values()
    assert entry.area is None
    assert entry.name == "Lamp"


async def test_list_limit_on_every_add_path(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past the limit the service, the panel's function and the import refuse."""
    monkeypatch.setattr(limits, "MAX_LIST_ENTRIES", 3)
    response = await async_import_csv(hass, provisioning_entry, rows(range(2)))
    assert response == {"added": 2, "errors": []}
    await add(hass, ieee=ieee(2), link_key=LINK_KEY)
    with pytest.raises(ServiceValidationError) as err:
        await add(hass, ieee=ieee(3), link_key=LINK_KEY)
    assert err.value.translation_key == "list_full"
    assert err.value.translation_placeholders == {"limit": "3"}
    response = await async_import_csv(hass, provisioning_entry, rows(range(3, 5)))
    assert response == {
        "added": 0,
        "errors": [
            {"line": 1, "error": "list_full", "ieee": ieee(3), "limit": "3"},
            {"line": 2, "error": "list_full", "ieee": ieee(4), "limit": "3"},
        ],
    }
    assert len(provisioning_entry.runtime_data.data) == 3


async def test_import_refuses_bad_text_by_line(
    hass: HomeAssistant, provisioning_entry: ConfigEntry
) -> None:
    """Names and area names of an import follow the text rule, line by line."""
    text = "\n".join(
        [
            f"{ieee(1)},,{LINK_KEY},\x1b]0;pwned\x07,",
            f"{ieee(2)},,{LINK_KEY},Meter 2,{'a' * 256}",
            f"{ieee(3)},,{LINK_KEY},Meter\u202e3,",
            f"{ieee(4)},,{LINK_KEY},  Meter 4  ,  Cellar  ",
        ]
    )
    response = await async_import_csv(hass, provisioning_entry, text)
    assert response == {
        "added": 1,
        "errors": [
            {"line": 1, "error": "text_control_character", "field": "name"},
            {"line": 2, "error": "text_too_long", "field": "area", "max": "255"},
            {"line": 3, "error": "text_control_character", "field": "name"},
        ],
    }
    [entry] = provisioning_entry.runtime_data.data.values()
    assert entry.name == "Meter 4"
    cellar = ar.async_get(hass).async_get_area_by_name("Cellar")
    assert cellar is not None
    assert entry.area == cellar.id


async def test_import_creates_a_limited_number_of_areas(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One import creates at most MAX_NEW_AREAS areas; known areas are free."""
    monkeypatch.setattr(limits, "MAX_NEW_AREAS", 2)
    areas = ar.async_get(hass)
    areas.async_create("Hall")
    before = len(areas.areas)
    text = "\n".join(
        [
            f"{ieee(1)},,{LINK_KEY},,Flat 1",
            f"{ieee(2)},,{LINK_KEY},,Flat 2",
            f"{ieee(3)},,{LINK_KEY},,Flat 3",
            f"{ieee(4)},,{LINK_KEY},,Flat 1",
            f"{ieee(5)},,{LINK_KEY},,Hall",
        ]
    )
    response = await async_import_csv(hass, provisioning_entry, text)
    assert response == {
        "added": 4,
        "errors": [
            {"line": 3, "error": "too_many_new_areas", "ieee": ieee(3), "limit": "2"}
        ],
    }
    assert len(areas.areas) == before + 2
    assert areas.async_get_area_by_name("Flat 3") is None


async def test_import_gives_the_loop_turns_and_reads_each_row_once(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Other tasks run during an import; the list reads each new subentry once."""
    monkeypatch.setattr(importing, "SLICE", 0.0)
    monkeypatch.setattr(importing, "SYNC_EVERY", 10)
    monkeypatch.setattr(importing, "SMALL_IMPORT", 10)
    reads = 0
    read = coordinator_module.subentry_to_entry

    def counting(subentry: Any) -> Any:
        nonlocal reads
        reads += 1
        return read(subentry)

    monkeypatch.setattr(coordinator_module, "subentry_to_entry", counting)
    ticks = 0
    stop = asyncio.Event()

    async def ticker() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            await asyncio.sleep(0)

    task = hass.async_create_background_task(ticker(), "ticker")
    await asyncio.sleep(0)
    started = ticks
    response = await async_import_csv(hass, provisioning_entry, rows(range(200)))
    during = ticks - started
    stop.set()
    await task
    assert response == {"added": 200, "errors": []}
    assert during >= 100
    # each subentry read once, not once per sync of the growing list
    assert reads == 200
    assert len(provisioning_entry.runtime_data.data) == 200
    await hass.async_block_till_done()
    sensors = [
        state
        for state in hass.states.async_all("sensor")
        if state.entity_id.endswith("_provisioning_status")
    ]
    assert len(sensors) == 200


@pytest.mark.usefixtures("socket_enabled")
async def test_server_entries_past_the_limit_are_left_out_and_reported(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A server's list is cut at the limit, with the local entries counted."""
    monkeypatch.setattr(limits, "MAX_LIST_ENTRIES", 3)
    await add(hass, ieee=IEEE, install_code=CODE)
    contract = ContractServer(provisioning_entry.unique_id, max_wait=None)
    contract.set_devices([device(n) for n in range(1, 5)])
    async with serve_contract(contract) as server:
        with caplog.at_level(logging.WARNING):
            remote = await connect(hass, provisioning_entry, server)
        assert len(remote.provider.entries()) == 2
        assert len(provisioning_entry.runtime_data.data) == 3
        assert remote.provider.state.over_limit == 2
        issue = ir.async_get(hass).async_get_issue(
            DOMAIN, f"{remote.subentry.subentry_id}_list_full"
        )
        assert issue is not None
        assert issue.translation_placeholders["count"] == "2"
        assert "past the limit of 3 devices" in caplog.text
        # with room again, the next sync takes them all
        monkeypatch.setattr(limits, "MAX_LIST_ENTRIES", 10)
        contract.set_devices([device(n) for n in range(1, 5)])
        await remote.async_sync_now()
        await wait_for(hass, lambda: len(remote.provider.entries()) == 4)
        assert (
            ir.async_get(hass).async_get_issue(
                DOMAIN, f"{remote.subentry.subentry_id}_list_full"
            )
            is None
        )


@pytest.mark.usefixtures("socket_enabled")
async def test_server_area_names_create_a_limited_number_of_areas(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A server naming many new areas creates only MAX_NEW_AREAS of them at once."""
    monkeypatch.setattr(limits, "MAX_NEW_AREAS", 2)
    areas = ar.async_get(hass)
    before = len(areas.areas)
    contract = ContractServer(provisioning_entry.unique_id, max_wait=None)
    contract.set_devices(
        [device(n, area=f"Flat {n}") for n in range(1, 5)]
        + [device(5, area="bad\x1barea")]
    )
    async with serve_contract(contract) as server:
        remote = await connect(hass, provisioning_entry, server)
        await hass.async_block_till_done()
        assert len(remote.provider.entries()) == 4
        assert remote.provider.state.invalid == (
            (4, "area contains a control character"),
        )
        await wait_for(
            hass,
            lambda: ir.async_get(hass).async_get_issue(
                DOMAIN, f"too_many_new_areas_{provisioning_entry.entry_id}"
            ),
        )
        assert len(areas.areas) == before + 2


async def test_device_form_refuses_bad_names(
    hass: HomeAssistant, provisioning_entry: ConfigEntry
) -> None:
    """The device form puts the text rule's error on the name field."""
    flow = hass.config_entries.subentries
    result = await flow.async_init(
        (provisioning_entry.entry_id, "device"), context={"source": "user"}
    )
    result = await flow.async_configure(
        result["flow_id"], {"ieee": IEEE, "install_code": CODE, "name": "a\x00b"}
    )
    assert result["errors"] == {"name": "text_control_character"}
    result = await flow.async_configure(
        result["flow_id"], {"ieee": IEEE, "install_code": CODE, "name": "x" * 300}
    )
    assert result["errors"] == {"name": "text_too_long"}
    assert not provisioning_entry.subentries
    result = await flow.async_configure(
        result["flow_id"], {"ieee": IEEE, "install_code": CODE, "name": " Lamp "}
    )
    await hass.async_block_till_done()
    [subentry] = provisioning_entry.subentries.values()
    assert subentry.data["name"] == "Lamp"

    result = await flow.async_init(
        (provisioning_entry.entry_id, "device"),
        context={"source": "reconfigure", "subentry_id": subentry.subentry_id},
    )
    result = await flow.async_configure(result["flow_id"], {"name": "Lamp\u202e"})
    assert result["errors"] == {"name": "text_control_character"}


async def test_device_form_refuses_a_full_list(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The device form answers list_full past the limit, and adds nothing."""
    monkeypatch.setattr(limits, "MAX_LIST_ENTRIES", 1)
    await add(hass, ieee=ieee(1), link_key=LINK_KEY)
    flow = hass.config_entries.subentries
    result = await flow.async_init(
        (provisioning_entry.entry_id, "device"), context={"source": "user"}
    )
    result = await flow.async_configure(
        result["flow_id"], {"ieee": IEEE, "install_code": CODE}
    )
    assert result["errors"] == {"base": "list_full"}
    assert len(provisioning_entry.subentries) == 1
