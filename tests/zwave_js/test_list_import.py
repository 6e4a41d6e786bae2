"""A CSV of Z-Wave devices imported into a Z-Wave JS network's list."""

from __future__ import annotations

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant

from custom_components.provisioning.core import EntryStatus
from custom_components.provisioning.importing import async_import_csv
from tests.virtual_zwave.conftest import Network
from tests.zwave_js.conftest import Harness, add_virtual
from tests.zwave_js.helpers import (
    INACTIVE,
    provisioning,  # noqa: F401  # the fixture
    status,
    wait_held,
)

IEEE = "00:11:22:33:44:55:66:01"
CODE = "83FED3407A939723A5C639B26916D505C3B5"


async def test_typed_dsks_and_qr_codes_are_imported_and_provisioned(
    hass: HomeAssistant,
    harness: Harness,
    observer: Network,
    provisioning: ConfigEntry,  # noqa: F811
) -> None:
    """Both Z-Wave forms are added and held Inactive in zwave-js; a Zigbee line
    is refused by line; no PIN in the answer."""
    typed, scanned = await add_virtual(observer), await add_virtual(observer)
    text = (
        "dsk,security_classes,qr_code,ieee,install_code,name\n"
        f"{typed.label.dsk},S2_Authenticated;S2_Unauthenticated,,,,Porch\n"
        f",,{scanned.label.qr()},,,Door\n"
        f",,,{IEEE},{CODE},Lamp\n"
        f"{typed.label.dsk[:-5]}70000,S2_Authenticated,,,,Group over 65535\n"
    )
    response = await async_import_csv(hass, provisioning, text)
    assert response["added"] == 2
    errors = response["errors"]
    assert [(e["line"], e["error"]) for e in errors] == [
        (4, "technology_mismatch"),
        (5, "zwave_bad_dsk"),
    ]
    for virtual in (typed, scanned):
        assert virtual.label.pin not in str(response)
        await wait_held(observer, virtual, INACTIVE)
        assert status(provisioning, virtual) is EntryStatus.PENDING
