"""manifest.json and hacs.json, as hassfest and the HACS validator check them."""

from __future__ import annotations

import re
from typing import Any

from homeassistant.const import MAJOR_VERSION, MINOR_VERSION
import pytest
import voluptuous as vol

from tests.packaging.validators import (
    DOMAIN,
    HA_COMPONENTS,
    HACS,
    MANIFEST,
    RE_CODEOWNER,
    RE_PINNED_REQUIREMENT,
    REPO,
    https_url,
    load_json,
    lowercase,
    non_empty_list,
    non_empty_str,
    slug,
    uppercase,
    validate,
    version,
    wildcard,
)

# ---------------------------------------------------------------------------
# manifest.json
# ---------------------------------------------------------------------------

INTEGRATION_TYPES = [
    "device",
    "entity",
    "hardware",
    "helper",
    "hub",
    "service",
    "system",
]
IOT_CLASSES = [
    "assumed_state",
    "calculated",
    "cloud_polling",
    "cloud_push",
    "local_polling",
    "local_push",
]


def codeowner(value: Any) -> str:
    """Validate a GitHub handle or team."""
    if not isinstance(value, str) or not RE_CODEOWNER.match(value):
        raise vol.Invalid(f"{value!r} is not a GitHub @handle")
    return value


def pinned_requirement(value: Any) -> str:
    """Validate a pinned ``package==version`` requirement."""
    if not isinstance(value, str) or not RE_PINNED_REQUIREMENT.match(value):
        raise vol.Invalid(f"{value!r} is not pinned as package==version")
    return value


def existing_integration(value: Any) -> str:
    """Validate a domain of an integration shipped with Home Assistant."""
    slug(value)
    if not (HA_COMPONENTS / value / "manifest.json").is_file():
        raise vol.Invalid(f"{value!r} is not an integration in Home Assistant")
    return value


def zeroconf_type(value: Any) -> str:
    """Validate a zeroconf service type."""
    if not isinstance(value, str) or not value.endswith(
        ("._tcp.local.", "._udp.local.")
    ):
        raise vol.Invalid(f"{value!r} must end with ._tcp.local. or ._udp.local.")
    return value


MANIFEST_SCHEMA = vol.Schema(
    {
        vol.Required("domain"): slug,
        vol.Required("name"): non_empty_str,
        vol.Required("version"): version,
        vol.Required("documentation"): https_url,
        vol.Required("issue_tracker"): https_url,
        vol.Required("codeowners"): vol.All(non_empty_list, [codeowner]),
        vol.Required("config_flow"): True,
        vol.Required("integration_type"): vol.In(INTEGRATION_TYPES),
        vol.Required("iot_class"): vol.In(IOT_CLASSES),
        vol.Required("requirements"): [pinned_requirement],
        vol.Required("loggers"): [non_empty_str],
        vol.Optional("dependencies"): [existing_integration],
        vol.Optional("after_dependencies"): [existing_integration],
        vol.Optional("single_config_entry"): bool,
        vol.Optional("import_executor"): bool,
        vol.Optional("disabled"): str,
        vol.Optional("mqtt"): [str],
        vol.Optional("homekit"): vol.Schema({vol.Optional("models"): [str]}),
        vol.Optional("ssdp"): [vol.All(dict, vol.Length(min=1))],
        vol.Optional("usb"): [
            vol.Schema(
                {
                    vol.Optional("vid"): uppercase,
                    vol.Optional("pid"): uppercase,
                    vol.Optional("serial_number"): lowercase,
                    vol.Optional("manufacturer"): lowercase,
                    vol.Optional("description"): lowercase,
                    vol.Optional("known_devices"): [str],
                }
            )
        ],
        vol.Optional("zeroconf"): [
            vol.Any(
                zeroconf_type,
                vol.Schema(
                    {
                        vol.Required("type"): zeroconf_type,
                        vol.Optional("name"): lowercase,
                        vol.Optional("properties"): vol.Schema({str: lowercase}),
                    }
                ),
            )
        ],
        vol.Optional("dhcp"): [
            vol.Schema(
                {
                    vol.Optional("macaddress"): vol.All(uppercase, wildcard),
                    vol.Optional("hostname"): lowercase,
                    vol.Optional("registered_devices"): bool,
                }
            )
        ],
        vol.Optional("bluetooth"): [
            vol.Schema(
                {
                    vol.Optional("connectable"): bool,
                    vol.Optional("service_uuid"): lowercase,
                    vol.Optional("service_data_uuid"): lowercase,
                    vol.Optional("local_name"): str,
                    vol.Optional("manufacturer_id"): int,
                    vol.Optional("manufacturer_data_start"): [int],
                }
            )
        ],
        # "quality_scale" is deliberately absent: custom integrations have none.
    }
)


def _manifest_sort_key(key: str) -> str:
    return {"domain": ".domain", "name": ".name"}.get(key, key)


def manifest_problems(manifest: Any, folder: str = DOMAIN) -> list[str]:
    """Return all problems hassfest/HACS would report for a manifest."""
    problems = validate(MANIFEST_SCHEMA, manifest)
    if not isinstance(manifest, dict):
        return problems
    if manifest.get("domain") != folder:
        problems.append(f"domain {manifest.get('domain')!r} != folder {folder!r}")
    keys = list(manifest)
    if keys != sorted(keys, key=_manifest_sort_key):
        problems.append("keys are not sorted: domain, name, then alphabetical")
    return problems


def test_manifest_is_valid() -> None:
    """manifest.json follows hassfest's custom integration rules."""
    assert manifest_problems(load_json(MANIFEST)) == []


def test_domain_does_not_shadow_core_integration() -> None:
    """A custom integration with a core domain would replace the core one."""
    domain = load_json(MANIFEST)["domain"]
    assert not (HA_COMPONENTS / domain).exists()


# ---------------------------------------------------------------------------
# hacs.json
# ---------------------------------------------------------------------------


def country_code(value: Any) -> str:
    """Validate an ISO 3166-1 alpha-2 country code."""
    if not isinstance(value, str) or not re.fullmatch(r"[A-Z]{2}", value):
        raise vol.Invalid(f"{value!r} is not an ISO 3166-1 alpha-2 code")
    return value


def zip_release_needs_filename(value: dict[str, Any]) -> dict[str, Any]:
    """``zip_release`` only works together with ``filename``."""
    if value.get("zip_release") and "filename" not in value:
        raise vol.Invalid("zip_release requires filename")
    return value


HACS_SCHEMA = vol.All(
    vol.Schema(
        {
            vol.Required("name"): non_empty_str,
            vol.Optional("content_in_root"): bool,
            vol.Optional("country"): vol.Any(country_code, [country_code]),
            vol.Optional("filename"): non_empty_str,
            vol.Optional("hacs"): version,
            vol.Optional("hide_default_branch"): bool,
            vol.Optional("homeassistant"): version,
            vol.Optional("persistent_directory"): non_empty_str,
            vol.Optional("render_readme"): bool,
            vol.Optional("zip_release"): bool,
        }
    ),
    zip_release_needs_filename,
)


def ha_release_line() -> str:
    """The release line of the installed Home Assistant, e.g. ``2026.10.0``."""
    return f"{MAJOR_VERSION}.{MINOR_VERSION}.0"


def test_hacs_json_is_valid() -> None:
    """hacs.json only uses documented keys with valid values."""
    assert validate(HACS_SCHEMA, load_json(HACS)) == []


def test_hacs_minimum_home_assistant_is_tested_release() -> None:
    """The advertised minimum Home Assistant is the release line tested here."""
    assert load_json(HACS).get("homeassistant") == ha_release_line()


def test_hacs_repository_layout() -> None:
    """HACS expects exactly one integration below custom_components/."""
    integrations = [
        path.parent.name
        for path in (REPO / "custom_components").glob("*/manifest.json")
    ]
    assert integrations == [DOMAIN]


# ---------------------------------------------------------------------------
# Negative tests: each checker rejects a bad example
# ---------------------------------------------------------------------------

GOOD_MANIFEST = {
    "domain": "provisioning",
    "name": "Device Provisioning",
    "codeowners": ["@someone"],
    "config_flow": True,
    "dependencies": ["zha"],
    "documentation": "https://example.com/docs",
    "integration_type": "hub",
    "iot_class": "local_push",
    "issue_tracker": "https://example.com/issues",
    "loggers": ["custom_components.provisioning"],
    "requirements": ["zigpy==0.70.0"],
    "usb": [{"vid": "10C4", "pid": "EA60", "description": "*zigbee*"}],
    "version": "1.2.3",
    "zeroconf": ["_zigbee._tcp.local.", {"type": "_slzb._tcp.local.", "name": "slzb*"}],
}


def test_good_manifest_example_passes() -> None:
    """The reference example passes, so the negative cases test one thing each."""
    assert manifest_problems(GOOD_MANIFEST) == []


@pytest.mark.parametrize(
    "change",
    [
        {"domain": "other"},
        {"version": "not a version!"},
        {"documentation": "http://example.com"},
        {"issue_tracker": None},
        {"codeowners": ["someone"]},
        {"codeowners": []},
        {"config_flow": False},
        {"integration_type": "virtual"},
        {"iot_class": "local"},
        {"requirements": ["zigpy>=0.70"]},
        {"dependencies": ["no_such_integration"]},
        {"after_dependencies": ["Zha"]},
        {"usb": [{"vid": "10c4"}]},
        {"usb": [{"product": "x"}]},
        {"zeroconf": ["_zigbee._tcp.local"]},
        {"zeroconf": [{"name": "x"}]},
        {"quality_scale": "silver"},
        {"unknown_key": 1},
    ],
)
def test_manifest_rejects(change: dict[str, Any]) -> None:
    """Each broken manifest is rejected."""
    manifest = {**GOOD_MANIFEST, **change}
    manifest = {key: manifest[key] for key in sorted(manifest, key=_manifest_sort_key)}
    assert manifest_problems(manifest) != []


@pytest.mark.parametrize(
    "missing", ["version", "issue_tracker", "documentation", "iot_class"]
)
def test_manifest_rejects_missing(missing: str) -> None:
    """Required keys are required."""
    manifest = {key: value for key, value in GOOD_MANIFEST.items() if key != missing}
    assert manifest_problems(manifest) != []


def test_manifest_rejects_unsorted_keys() -> None:
    """Keys must be domain, name, then alphabetical."""
    assert manifest_problems(dict(reversed(list(GOOD_MANIFEST.items())))) != []
    name_first = {"name": GOOD_MANIFEST["name"], **GOOD_MANIFEST}
    assert manifest_problems(name_first) != []


@pytest.mark.parametrize(
    "hacs",
    [
        {},
        {"name": "X", "homeassistant": "latest!"},
        {"name": "X", "render_readme": "yes"},
        {"name": "X", "country": "germany"},
        {"name": "X", "zip_release": True},
        {"name": "X", "domains": ["sensor"]},
    ],
)
def test_hacs_rejects(hacs: dict[str, Any]) -> None:
    """Broken hacs.json examples are rejected."""
    assert validate(HACS_SCHEMA, hacs) != []


def test_hacs_accepts_documented_keys() -> None:
    """All documented hacs.json keys are accepted."""
    hacs = {
        "name": "X",
        "content_in_root": False,
        "country": ["DE", "NL"],
        "filename": "x.zip",
        "hacs": "2.0.0",
        "hide_default_branch": True,
        "homeassistant": ha_release_line(),
        "persistent_directory": "data",
        "render_readme": True,
        "zip_release": True,
    }
    assert validate(HACS_SCHEMA, hacs) == []
