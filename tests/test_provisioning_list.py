"""The local provider in Home Assistant: subentries, services, placeholders, persistence."""

from __future__ import annotations

import asyncio

from homeassistant.components.repairs import repairs_flow_manager
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import (
    area_registry as ar,
    device_registry as dr,
    issue_registry as ir,
)
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.provisioning.const import DOMAIN
from custom_components.provisioning.core import zigbee_id
from custom_components.provisioning.repairs import async_create_fix_flow
from tests.conftest import status_entity
from tests.test_admission import wait_for
from virtual_coordinator import VirtualCoordinator, VirtualDevice

IEEE = "00:11:22:33:44:55:66:77"
CODE = "83FED3407A939723A5C639B26916D505C3B5"
LINK_KEY = "66B6900981E1EE3CA4206B6B861C02BB"
QR = f"Z:{IEEE.replace(':', '')}$I:{CODE}"
# A lone 16-byte install code, grouped by 4 digits: its first 16 digits look
# like an IEEE address.
LONE = "0001 0203 0405 0607 0809 0A0B 0C0D 0E0F E913"


def suggested(result: dict) -> dict[str, object]:
    """Return the suggested value of each field of a form."""
    return {
        str(key): (key.description or {}).get("suggested_value")
        for key in result["data_schema"].schema
    }


def selector_type(result: dict, field: str) -> str | None:
    """Return the text selector type of a form field."""
    for key, value in result["data_schema"].schema.items():
        if str(key) == field:
            return value.config.get("type")
    raise AssertionError(field)


async def add(hass: HomeAssistant, **data: str) -> dict:
    """Call provisioning.add_device and return its response."""
    response = await hass.services.async_call(
        DOMAIN, "add_device", data, blocking=True, return_response=True
    )
    await hass.async_block_till_done()
    assert isinstance(response, dict)
    return response


async def test_add_from_qr_creates_placeholder(
    hass: HomeAssistant, provisioning_entry: ConfigEntry
) -> None:
    """A QR code becomes a subentry and a placeholder device with its area."""
    area = ar.async_get(hass).async_create("Kitchen")
    response = await add(hass, qr_code=QR, name="Kitchen light", area_id=area.id)
    assert response["ieee"] == IEEE
    assert response["status"] == "pending"
    assert response["key_type"] == "install_code"
    assert CODE.lower() not in str(response).lower()

    subentries = list(provisioning_entry.subentries.values())
    assert [sub.unique_id for sub in subentries] == [IEEE]
    device = dr.async_get(hass).async_get_device_by_connection(
        (dr.CONNECTION_ZIGBEE, IEEE), provisioning_entry.entry_id
    )
    assert device is not None
    assert device.name == "Kitchen light"
    assert device.area_id == area.id
    assert hass.states.get(status_entity(hass, IEEE)).state == "pending"


async def test_add_with_ieee_and_code_or_key(
    hass: HomeAssistant, provisioning_entry: ConfigEntry
) -> None:
    """Separate IEEE and code, with separators and in lower case, or a link key."""
    await add(hass, ieee="0011-2233-4455-6677", install_code=CODE.lower())
    response = await add(hass, ieee="00 11 22 33 44 55 66 78", link_key=LINK_KEY)
    assert response["key_type"] == "link_key"
    listed = await hass.services.async_call(
        DOMAIN, "list_devices", {}, blocking=True, return_response=True
    )
    assert sorted(d["ieee"] for d in listed["devices"]) == [
        IEEE,
        "00:11:22:33:44:55:66:78",
    ]
    assert LINK_KEY.lower() not in str(listed).lower()
    unnamed = dr.async_get(hass).async_get_device_by_connection(
        (dr.CONNECTION_ZIGBEE, IEEE), provisioning_entry.entry_id
    )
    assert unnamed.name == f"Zigbee device {IEEE}"


@pytest.mark.parametrize(
    ("data", "translation_key"),
    [
        ({"qr_code": QR[:-1] + "6"}, "bad_crc"),
        ({"qr_code": "hello"}, "unknown_format"),
        ({"ieee": "00:11:22", "install_code": CODE}, "bad_ieee"),
        ({"ieee": IEEE, "install_code": CODE[:-4]}, "bad_length"),
        ({"ieee": IEEE, "install_code": "zz" + CODE[2:]}, "not_hex"),
        ({"ieee": IEEE}, "key_required"),
        ({"ieee": IEEE, "install_code": CODE, "link_key": LINK_KEY}, "key_ambiguous"),
        ({"qr_code": LONE}, "ieee_missing"),
        ({"qr_code": "0000 0000 0000 51FB A54D CA18 2530 BB1D 5C32"}, "ieee_missing"),
        ({"install_code": CODE}, "ieee_missing"),
    ],
)
async def test_add_rejects_bad_input(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    data: dict[str, str],
    translation_key: str,
) -> None:
    """Bad input gets a translated error and changes nothing."""
    with pytest.raises(ServiceValidationError) as err:
        await add(hass, **data)
    assert err.value.translation_key == translation_key
    assert CODE.lower() not in str(err.value).lower()
    assert not provisioning_entry.subentries


async def test_deleting_placeholder_deletes_entry(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """Deleting the placeholder device in the UI deletes the local entry."""
    assert await async_setup_component(hass, "config", {})
    await add(hass, qr_code=QR, name="Lamp")
    placeholder = dr.async_get(hass).async_get_device_by_connection(
        (dr.CONNECTION_ZIGBEE, IEEE), provisioning_entry.entry_id
    )
    client = await hass_ws_client(hass)
    await client.send_json_auto_id(
        {"type": "config/device_registry/remove", "device_id": placeholder.id}
    )
    assert (await client.receive_json())["success"]
    await hass.async_block_till_done()
    assert not provisioning_entry.subentries
    assert dr.async_get(hass).async_get(placeholder.id) is None
    assert not provisioning_entry.runtime_data.data


async def test_duplicate_and_remove(
    hass: HomeAssistant, provisioning_entry: ConfigEntry
) -> None:
    """A second entry for an IEEE is refused; removing drops the placeholder."""
    await add(hass, qr_code=QR, name="Lamp")
    with pytest.raises(ServiceValidationError) as err:
        await add(hass, qr_code=QR)
    assert err.value.translation_key == "already_provisioned"

    await hass.services.async_call(
        DOMAIN, "remove_device", {"ieee": IEEE}, blocking=True
    )
    await hass.async_block_till_done()
    assert not provisioning_entry.subentries
    assert (
        dr.async_get(hass).async_get_device_by_connection(
            (dr.CONNECTION_ZIGBEE, IEEE), provisioning_entry.entry_id
        )
        is None
    )
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN, "remove_device", {"ieee": IEEE}, blocking=True
        )
    assert err.value.translation_key == "device_not_found"


async def test_service_entry_selection(
    hass: HomeAssistant, provisioning_entry: ConfigEntry
) -> None:
    """config_entry_id picks the list; unknown ids are explained."""
    response = await add(hass, qr_code=QR, config_entry_id=provisioning_entry.entry_id)
    assert response["ieee"] == IEEE
    with pytest.raises(ServiceValidationError) as err:
        await add(hass, qr_code=QR, config_entry_id="nope")
    assert err.value.translation_key == "config_entry_not_found"


async def test_subentry_flow_add_and_reconfigure(
    hass: HomeAssistant, provisioning_entry: ConfigEntry
) -> None:
    """The UI adds a device, explains bad input, and changes name, area and key."""
    flow = hass.config_entries.subentries
    result = await flow.async_init(
        (provisioning_entry.entry_id, "device"), context={"source": "user"}
    )
    assert result["type"] is FlowResultType.FORM
    result = await flow.async_configure(result["flow_id"], {"qr_code": QR[:-1] + "0"})
    assert result["errors"] == {"qr_code": "bad_crc"}
    result = await flow.async_configure(
        result["flow_id"], {"qr_code": QR, "name": "Desk lamp"}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    subentry = next(iter(provisioning_entry.subentries.values()))
    assert subentry.title == "Desk lamp"

    result = await flow.async_init(
        (provisioning_entry.entry_id, "device"), context={"source": "user"}
    )
    result = await flow.async_configure(result["flow_id"], {"qr_code": QR})
    assert result["errors"] == {"qr_code": "already_provisioned"}

    result = await flow.async_init(
        (provisioning_entry.entry_id, "device"),
        context={"source": "reconfigure", "subentry_id": subentry.subentry_id},
    )
    assert result["step_id"] == "reconfigure"
    result = await flow.async_configure(result["flow_id"], {"link_key": "12"})
    assert result["errors"] == {"link_key": "bad_link_key_length"}
    result = await flow.async_configure(
        result["flow_id"], {"name": "Reading lamp", "link_key": LINK_KEY}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    await hass.async_block_till_done()
    assert provisioning_entry.subentries[subentry.subentry_id].title == "Reading lamp"
    entry = provisioning_entry.runtime_data.data
    assert [e.name for e in entry.values()] == ["Reading lamp"]
    assert [e.credential.kind for e in entry.values()] == ["link_key"]


async def test_list_survives_reload(
    hass: HomeAssistant, provisioning_entry: ConfigEntry
) -> None:
    """Entries are kept across a reload of the entry."""
    await add(hass, qr_code=QR, name="Lamp")
    assert await hass.config_entries.async_reload(provisioning_entry.entry_id)
    await hass.async_block_till_done()
    entries = provisioning_entry.runtime_data.data
    assert [str(ieee) for ieee in entries] == [IEEE]
    assert hass.states.get(status_entity(hass, IEEE)).state == "pending"


async def test_import_keeps_valid_lines_and_reports_bad_ones(
    hass: HomeAssistant, provisioning_entry: ConfigEntry, tmp_path
) -> None:
    """CSV import adds the valid lines, reports the others by line, leaks no key."""
    text = "\n".join(
        [
            "ieee,install_code,link_key,name,area",
            f"{IEEE},{CODE},,Meter 1,Flat 1",
            f"00:11:22:33:44:55:66:78,{CODE[:-1]}0,,Meter 2,Flat 2",
            f"00:11:22:33:44:55:66:79,,{LINK_KEY},Meter 3,Flat 1",
            f"00:11:22,{CODE},,,",
            f"{IEEE},{CODE},,Again,",
            "",
        ]
    )
    response = await hass.services.async_call(
        DOMAIN, "import_devices", {"csv": text}, blocking=True, return_response=True
    )
    await hass.async_block_till_done()
    assert response["added"] == 2
    assert [(e["line"], e["error"]) for e in response["errors"]] == [
        (3, "bad_crc"),
        (5, "bad_ieee"),
        (6, "already_provisioned"),
    ]
    assert CODE.lower() not in str(response).lower()
    assert len(provisioning_entry.subentries) == 2
    flat = ar.async_get(hass).async_get_area_by_name("Flat 1")
    assert flat is not None

    exported = await hass.services.async_call(
        DOMAIN, "export_devices", {}, blocking=True, return_response=True
    )
    assert sorted(d["ieee"] for d in exported["devices"]) == [
        IEEE,
        "00:11:22:33:44:55:66:79",
    ]
    assert exported["csv"].splitlines()[0] == (
        '"ieee","name","area","status","provider","technology","dsk"'
    )
    for secret in (CODE, LINK_KEY):
        assert secret.lower() not in str(exported).lower()

    # from a file: only where Home Assistant may read
    path = tmp_path / "meters.csv"
    path.write_text(f"00:11:22:33:44:55:66:80,{CODE},,Meter 4,\n")
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN, "import_devices", {"path": str(path)}, blocking=True
        )
    assert err.value.translation_key == "path_not_allowed"
    hass.config.allowlist_external_dirs = {str(tmp_path)}
    response = await hass.services.async_call(
        DOMAIN,
        "import_devices",
        {"path": str(path)},
        blocking=True,
        return_response=True,
    )
    assert response == {"added": 1, "errors": []}
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN,
            "import_devices",
            {"path": str(tmp_path / "gone.csv")},
            blocking=True,
        )
    assert err.value.translation_key == "file_unreadable"
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(DOMAIN, "import_devices", {}, blocking=True)
    assert err.value.translation_key == "csv_required"


async def test_reconfigure_name_only_keeps_key(
    hass: HomeAssistant, provisioning_entry: ConfigEntry
) -> None:
    """Reconfiguring without a key keeps the key and changes the name."""
    await add(hass, qr_code=QR, name="Lamp")
    subentry = next(iter(provisioning_entry.subentries.values()))
    flow = hass.config_entries.subentries
    result = await flow.async_init(
        (provisioning_entry.entry_id, "device"),
        context={"source": "reconfigure", "subentry_id": subentry.subentry_id},
    )
    result = await flow.async_configure(result["flow_id"], {"name": "Hall lamp"})
    assert result["reason"] == "reconfigure_successful"
    await hass.async_block_till_done()
    [entry] = provisioning_entry.runtime_data.data.values()
    assert entry.name == "Hall lamp"
    assert entry.credential.kind == "install_code"


async def test_form_keeps_what_was_typed_and_marks_the_field(
    hass: HomeAssistant, provisioning_entry: ConfigEntry
) -> None:
    """After an error every field comes back as typed, the error on its field."""
    area = ar.async_get(hass).async_create("Hall")
    flow = hass.config_entries.subentries
    result = await flow.async_init(
        (provisioning_entry.entry_id, "device"), context={"source": "user"}
    )
    # The QR text holds the install code: masked like the code
    assert selector_type(result, "qr_code") == "password"
    assert selector_type(result, "install_code") == "password"
    assert selector_type(result, "link_key") == "password"
    assert selector_type(result, "ieee") is None

    typed = {
        "ieee": "00:11:22",
        "install_code": CODE,
        "name": "Hall light",
        "area_id": area.id,
    }
    result = await flow.async_configure(result["flow_id"], typed)
    assert result["errors"] == {"ieee": "bad_ieee"}
    assert suggested(result) == {
        "qr_code": None,
        "ieee": "00:11:22",
        "install_code": CODE,
        "link_key": None,
        "name": "Hall light",
        "area_id": area.id,
    }
    typed = {"ieee": IEEE, "install_code": CODE[:-1] + "0", "name": "Hall light"}
    result = await flow.async_configure(result["flow_id"], typed)
    assert result["errors"] == {"install_code": "bad_crc"}
    assert suggested(result)["install_code"] == CODE[:-1] + "0"
    result = await flow.async_configure(
        result["flow_id"], {"ieee": IEEE, "link_key": "1"}
    )
    assert result["errors"] == {"link_key": "bad_link_key_length"}
    result = await flow.async_configure(result["flow_id"], {"qr_code": LONE})
    assert result["errors"] == {"qr_code": "ieee_missing"}
    assert suggested(result)["qr_code"] == LONE
    result = await flow.async_configure(
        result["flow_id"], {"qr_code": QR, "ieee": IEEE}
    )
    assert result["errors"] == {"base": "key_ambiguous"}
    assert not provisioning_entry.subentries

    result = await flow.async_configure(
        result["flow_id"], {"ieee": IEEE, "install_code": CODE}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    result = await flow.async_init(
        (provisioning_entry.entry_id, "device"), context={"source": "user"}
    )
    result = await flow.async_configure(
        result["flow_id"], {"ieee": IEEE, "link_key": LINK_KEY}
    )
    assert result["errors"] == {"ieee": "already_provisioned"}

    # Reconfigure: the typed key comes back masked, the error on its field
    [subentry] = provisioning_entry.subentries.values()
    result = await flow.async_init(
        (provisioning_entry.entry_id, "device"),
        context={"source": "reconfigure", "subentry_id": subentry.subentry_id},
    )
    assert suggested(result)["install_code"] is None
    result = await flow.async_configure(
        result["flow_id"], {"install_code": CODE[:-1] + "0", "name": "Lamp"}
    )
    assert result["errors"] == {"install_code": "bad_crc"}
    assert suggested(result)["install_code"] == CODE[:-1] + "0"
    assert suggested(result)["name"] == "Lamp"
    assert selector_type(result, "install_code") == "password"
    [entry] = provisioning_entry.runtime_data.data.values()
    assert entry.name is None


async def test_guard_issue_offers_to_add_the_device(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    provisioning_entry: ConfigEntry,
) -> None:
    """The repair of a removed intruder adds it with its key, or is dismissed."""
    assert await async_setup_component(hass, "repairs", {})
    await hass.services.async_call("zha", "permit", {"duration": 60}, blocking=True)
    first = VirtualDevice("00:00:00:00:00:00:0c:01")
    second = VirtualDevice("00:00:00:00:00:00:0c:02")
    issues = ir.async_get(hass)
    for device in (first, second):
        assert virtual_coordinator.power_on(device).joined
        issue_id = f"unprovisioned_device_removed_{device.ieee}"
        await wait_for(hass, lambda i=issue_id: issues.async_get_issue(DOMAIN, i))
        assert issues.async_get_issue(DOMAIN, issue_id).is_fixable

    manager = repairs_flow_manager(hass)
    issue_id = f"unprovisioned_device_removed_{first.ieee}"
    result = await manager.async_init(DOMAIN, context={"issue_id": issue_id})
    assert result["type"] is FlowResultType.MENU
    assert result["menu_options"] == ["add", "dismiss"]
    result = await manager.async_configure(result["flow_id"], {"next_step_id": "add"})
    assert result["step_id"] == "add"
    result = await manager.async_configure(
        result["flow_id"], {"install_code": CODE[:-1] + "0", "name": "Found"}
    )
    assert result["errors"] == {"install_code": "bad_crc"}
    assert suggested(result)["install_code"] == CODE[:-1] + "0"
    result = await manager.async_configure(
        result["flow_id"], {"install_code": CODE, "name": "Found"}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    entry = provisioning_entry.runtime_data.data[zigbee_id(first.ieee)]
    assert entry.name == "Found"
    assert entry.status.value == "pending"
    assert issues.async_get_issue(DOMAIN, issue_id) is None

    # A device listed meanwhile is refused with the reason; dismissing closes
    # the issue.
    await add(hass, ieee=str(second.ieee), link_key=LINK_KEY)
    issue_id = f"unprovisioned_device_removed_{second.ieee}"
    result = await manager.async_init(DOMAIN, context={"issue_id": issue_id})
    result = await manager.async_configure(result["flow_id"], {"next_step_id": "add"})
    result = await manager.async_configure(result["flow_id"], {"install_code": CODE})
    assert result["errors"] == {"base": "already_provisioned"}
    manager.async_abort(result["flow_id"])
    result = await manager.async_init(DOMAIN, context={"issue_id": issue_id})
    result = await manager.async_configure(
        result["flow_id"], {"next_step_id": "dismiss"}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert issues.async_get_issue(DOMAIN, issue_id) is None
    kept = provisioning_entry.runtime_data.data[zigbee_id(second.ieee)]
    assert kept.credential.kind == "link_key"

    # The flow of an issue whose list is gone explains it
    for data in ({"entry_id": "gone", "ieee": str(second.ieee)}, None):
        flow = await async_create_fix_flow(hass, "x", data)
        flow.hass = hass
        result = await flow.async_step_add()
        assert result["type"] is FlowResultType.ABORT
        assert result["reason"] == "entry_not_loaded"
    await wait_for(
        hass,
        lambda: not [t for t in asyncio.all_tasks() if t.get_name() == "initialize"],
        timeout=90,
    )
    await virtual_coordinator.wait_idle()
