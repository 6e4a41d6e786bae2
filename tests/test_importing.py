"""Bulk import and export in Home Assistant: errors by line, safe CSV, no keys."""

from __future__ import annotations

import csv
import io

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant

from custom_components.provisioning.const import DOMAIN
from custom_components.provisioning.importing import async_import_csv
from tests.core.zwave.test_qr import EXAMPLE, EXAMPLE_DSK

CODE = "83FED3407A939723A5C639B26916D505C3B5"
ZWAVE_QR = EXAMPLE
ZWAVE_DSK = EXAMPLE_DSK


async def call(hass: HomeAssistant, service: str, data: dict) -> dict:
    """Call a service of the integration and return its response."""
    response = await hass.services.async_call(
        DOMAIN, service, data, blocking=True, return_response=True
    )
    await hass.async_block_till_done()
    assert isinstance(response, dict)
    return response


async def test_file_with_bad_bytes_and_a_huge_field_is_reported_by_line(
    hass: HomeAssistant, provisioning_entry: ConfigEntry, tmp_path
) -> None:
    """Undecodable bytes and an oversized field are errors of their line only."""
    huge = "x" * (csv.field_size_limit() + 1)
    path = tmp_path / "meters.csv"
    path.write_bytes(
        b"\xef\xbb\xbfieee,install_code,link_key,name,area\n"
        + f"00:11:22:33:44:55:66:01,{CODE},,Meter 1,\n".encode()
        + f"00:11:22:33:44:55:66:02,{CODE},,Caf\xe9,\n".encode("latin-1")
        + f"00:11:22:33:44:55:66:03,{CODE},,{huge},\n".encode()
        + f"00:11:22:33:44:55:66:04,{CODE},,Caf\u00e9 4,\n".encode()
    )
    hass.config.allowlist_external_dirs = {str(tmp_path)}
    response = await call(hass, "import_devices", {"path": str(path)})
    assert response == {
        "added": 2,
        "errors": [
            {"line": 3, "error": "csv_not_utf8"},
            {"line": 4, "error": "csv_field_too_large"},
        ],
    }
    names = sorted(e.name for e in provisioning_entry.runtime_data.data.values())
    assert names == ["Café 4", "Meter 1"]


async def test_text_with_a_lone_surrogate_loses_nothing_else(
    hass: HomeAssistant, provisioning_entry: ConfigEntry
) -> None:
    """Text that could not be stored is refused by line; the function API works."""
    text = (
        f"00:11:22:33:44:55:66:01,{CODE},,Bad \ud800,\n"
        f"00:11:22:33:44:55:66:02,{CODE},,Good,\n"
    )
    response = await async_import_csv(hass, provisioning_entry, text)
    await hass.async_block_till_done()
    assert response == {"added": 1, "errors": [{"line": 1, "error": "csv_not_utf8"}]}
    assert [e.name for e in provisioning_entry.runtime_data.data.values()] == ["Good"]


async def test_export_neutralises_formula_names(
    hass: HomeAssistant, provisioning_entry: ConfigEntry
) -> None:
    """A name like =HYPERLINK(...) is exported as text, every cell quoted."""
    formula = '=HYPERLINK("http://evil.example","x")'
    await call(
        hass,
        "add_device",
        {"ieee": "00:11:22:33:44:55:66:01", "install_code": CODE, "name": formula},
    )
    await call(
        hass,
        "add_device",
        {"ieee": "00:11:22:33:44:55:66:02", "install_code": CODE, "name": "@cmd"},
    )
    exported = await call(hass, "export_devices", {})
    rows = list(csv.reader(io.StringIO(exported["csv"])))
    assert rows[0] == [
        "ieee",
        "name",
        "area",
        "status",
        "provider",
        "technology",
        "dsk",
    ]
    assert sorted(row[1] for row in rows[1:]) == [
        '\'=HYPERLINK("http://evil.example","x")',
        "'@cmd",
    ]
    for line in exported["csv"].splitlines():
        assert line.startswith('"')
    # the data keeps the name as it is
    assert formula in [d["name"] for d in exported["devices"]]
    assert CODE.lower() not in str(exported).lower()


async def test_zwave_lines_are_refused_by_a_zigbee_list(
    hass: HomeAssistant, provisioning_entry: ConfigEntry
) -> None:
    """A Z-Wave device (typed DSK or QR code) belongs on a Z-Wave list: the
    line says so, the Zigbee lines around it are added."""
    text = (
        "technology,ieee,install_code,dsk,security_classes,qr_code,name\n"
        f",00:11:22:33:44:55:66:01,{CODE},,,,Lamp\n"
        f"zwave,,,{ZWAVE_DSK},S2_Authenticated S2_Unauthenticated,,Porch\n"
        f",,,,,{ZWAVE_QR},Door\n"
        f"zwave,00:11:22:33:44:55:66:02,{CODE},,,,Told Z-Wave\n"
    )
    response = await async_import_csv(hass, provisioning_entry, text)
    await hass.async_block_till_done()
    masked = "xxxxx" + ZWAVE_DSK[5:]
    mismatch = {"error": "technology_mismatch", "list": "zigbee"}
    assert response == {
        "added": 1,
        "errors": [
            {"line": 3, "ieee": masked, "technology": "zwave", **mismatch},
            {"line": 4, "ieee": masked, "technology": "zwave", **mismatch},
            {
                "line": 5,
                "ieee": "00:11:22:33:44:55:66:02",
                "technology": "zigbee",
                **mismatch,
            },
        ],
    }
    assert ZWAVE_DSK[:5] not in str(response)
    assert [e.name for e in provisioning_entry.runtime_data.data.values()] == ["Lamp"]


async def test_a_refused_code_keeps_the_placeholders_of_its_text(
    hass: HomeAssistant, provisioning_entry: ConfigEntry
) -> None:
    """A line refused for its code says which part is wrong, as a form does."""
    text = (
        "ieee,install_code,name\n"
        "00:11:22:33:44:55:66:01,0011,Short\n"
        f"00:11:22:33:44:55:66:02,{CODE},{'x' * 300}\n"
    )
    response = await async_import_csv(hass, provisioning_entry, text)
    await hass.async_block_till_done()
    assert response["added"] == 0
    short, long_name = response["errors"]
    assert short["line"] == 2
    assert short["error"] == "bad_length"
    assert short["field"] == "install_code"
    assert long_name == {
        "line": 3,
        "error": "text_too_long",
        "field": "name",
        "max": "255",
    }
