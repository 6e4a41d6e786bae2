"""services.yaml and icons.json, as hassfest checks them."""

from __future__ import annotations

import ast
import re
from typing import Any

from homeassistant.helpers import selector
from homeassistant.util.yaml import load_yaml_dict
import pytest
import voluptuous as vol

from tests.packaging.validators import (
    ICONS,
    PLATFORMS,
    SERVICES,
    STRINGS,
    exclusive,
    literal,
    load_json,
    python_sources,
    slug,
    translation_key,
    validate,
)

# ---------------------------------------------------------------------------
# services.yaml
# ---------------------------------------------------------------------------


def exists(value: Any) -> Any:
    """Reject None."""
    if value is None:
        raise vol.Invalid("value cannot be None")
    return value


def _field_filter(value: Any) -> Any:
    return vol.All(
        exclusive("attribute", "supported_features"),
        vol.Schema(
            {
                vol.Optional("attribute"): {str: [str]},
                vol.Optional("supported_features"): [str],
            }
        ),
    )(value)


FIELD_SCHEMA = vol.Schema(
    {
        vol.Optional("name"): str,
        vol.Optional("description"): str,
        vol.Optional("example"): exists,
        vol.Optional("default"): exists,
        vol.Optional("required"): bool,
        vol.Optional("advanced"): bool,
        vol.Optional("selector"): selector.validate_selector,
        vol.Optional("filter"): _field_filter,
    }
)

SECTION_SCHEMA = vol.Schema(
    {
        vol.Optional("name"): str,
        vol.Optional("description"): str,
        vol.Optional("collapsed"): bool,
        vol.Required("fields"): vol.Schema({str: FIELD_SCHEMA}),
    }
)


def unique_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Field names must be unique across a service's sections."""
    seen: set[str] = set()
    for key, value in fields.items():
        names = (
            list(value["fields"])
            if isinstance(value, dict) and "fields" in value
            else [key]
        )
        for name in names:
            if name in seen:
                raise vol.Invalid(f"duplicate field {name}")
            seen.add(name)
    return fields


SERVICES_SCHEMA = vol.Schema(
    {
        slug: vol.Any(
            None,
            vol.Schema(
                {
                    vol.Optional("name"): str,
                    vol.Optional("description"): str,
                    vol.Optional("target"): vol.Any(
                        None, selector.TargetSelector.CONFIG_SCHEMA
                    ),
                    vol.Optional("fields"): vol.All(
                        vol.Schema({str: vol.Any(SECTION_SCHEMA, FIELD_SCHEMA)}),
                        unique_fields,
                    ),
                }
            ),
        )
    }
)


def service_translation_problems(
    services: dict[str, Any], strings: dict[str, Any]
) -> list[str]:
    """Every service, field and section needs translations in strings.json."""
    problems = []
    translated = strings.get("services", {})
    for service, schema in services.items():
        entry = translated.get(service)
        if not isinstance(entry, dict) or not {"name", "description"} <= entry.keys():
            problems.append(f"services.{service}: name/description missing")
            entry = {}
        for key, field in ((schema or {}).get("fields") or {}).items():
            if isinstance(field, dict) and "fields" in field:
                if "name" not in entry.get("sections", {}).get(key, {}):
                    problems.append(f"services.{service}.sections.{key}: name missing")
                inner = field["fields"].items()
            else:
                inner = [(key, field)]
            for name, spec in inner:
                text = entry.get("fields", {}).get(name, {})
                if not {"name", "description"} <= text.keys():
                    problems.append(
                        f"services.{service}.fields.{name}: name/description missing"
                    )
                select = ((spec or {}).get("selector") or {}).get("select") or {}
                if (key_ := select.get("translation_key")) and key_ not in strings.get(
                    "selector", {}
                ):
                    problems.append(
                        f"services.{service}.fields.{name}: selector.{key_} missing"
                    )
    for service in translated.keys() - services.keys():
        problems.append(f"services.{service}: translated but not in services.yaml")
    return problems


def _string_constants() -> set[str]:
    constants: set[str] = set()
    for path in python_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if value := literal(node):
                constants.add(value)
    return constants


RE_REGISTERS_SERVICES = re.compile(
    r"hass\.services\.(?:async_)?register|async_register_entity_service"
    r"|async_register_admin_service|async_register_platform_entity_service"
)


def _services() -> dict[str, Any]:
    if not SERVICES.is_file():
        pytest.skip("services.yaml does not exist")
    return load_yaml_dict(str(SERVICES))


def test_services_yaml_exists_when_services_are_registered() -> None:
    """hassfest demands services.yaml as soon as services are registered."""
    registers = any(
        RE_REGISTERS_SERVICES.search(path.read_text(encoding="utf-8"))
        for path in python_sources()
    )
    assert SERVICES.is_file() or not registers


def test_services_yaml_is_valid() -> None:
    """services.yaml follows hassfest's schema."""
    assert validate(SERVICES_SCHEMA, _services()) == []


def test_services_are_translated() -> None:
    """Every service and field in services.yaml has strings.json translations."""
    services = _services()
    assert service_translation_problems(services, load_json(STRINGS)) == []


def test_services_are_registered() -> None:
    """Every service in services.yaml is named somewhere in the sources."""
    constants = _string_constants()
    assert [name for name in _services() if name not in constants] == []


# ---------------------------------------------------------------------------
# icons.json
# ---------------------------------------------------------------------------


def mdi_icon(value: Any) -> str:
    """Validate a Material Design icon reference."""
    if not isinstance(value, str) or not re.fullmatch(
        r"mdi:[a-z0-9]+(?:-[a-z0-9]+)*", value
    ):
        raise vol.Invalid(f"{value!r} is not an mdi: icon")
    return value


def not_same_as_default(value: dict[str, Any]) -> dict[str, Any]:
    """A state icon equal to the default icon is redundant."""
    for key, section in value.items():
        default = section.get("default")
        for state, icon in section.get("state", {}).items():
            if icon == default:
                raise vol.Invalid(f"{key}.state.{state} repeats the default icon")
    return value


_DATA_ENTRY_ICONS = vol.Schema({"step": {str: {"section": {str: mdi_icon}}}})
_ENTITY_ICON = {
    vol.Optional("default"): mdi_icon,
    vol.Optional("state"): {translation_key: mdi_icon},
    vol.Optional("range"): {str: mdi_icon},
    vol.Optional("state_attributes"): vol.All(
        {
            translation_key: {
                vol.Optional("default"): mdi_icon,
                vol.Optional("state"): {translation_key: mdi_icon},
            }
        },
        not_same_as_default,
    ),
}

ICONS_SCHEMA = vol.Schema(
    {
        vol.Optional("config"): _DATA_ENTRY_ICONS,
        vol.Optional("options"): _DATA_ENTRY_ICONS,
        vol.Optional("issues"): {str: {"fix_flow": _DATA_ENTRY_ICONS}},
        vol.Optional("entity"): {
            vol.In(sorted(PLATFORMS)): vol.All(
                {translation_key: _ENTITY_ICON}, not_same_as_default
            )
        },
        vol.Optional("services"): {
            translation_key: {
                vol.Required("service"): mdi_icon,
                vol.Optional("sections"): {translation_key: mdi_icon},
            }
        },
    }
)


def test_icons_json_is_valid() -> None:
    """icons.json follows hassfest's schema."""
    if not ICONS.is_file():
        pytest.skip("icons.json does not exist")
    icons = load_json(ICONS)
    assert validate(ICONS_SCHEMA, icons) == []
    if SERVICES.is_file():
        services = load_yaml_dict(str(SERVICES))
        assert sorted(icons.get("services", {}).keys() - services.keys()) == []


GOOD_SERVICES = {
    "add_device": {
        "fields": {
            "ieee": {"required": True, "example": "00:11", "selector": {"text": {}}},
            "advanced": {
                "collapsed": True,
                "fields": {
                    "timeout": {
                        "default": 60,
                        "selector": {"number": {"min": 1, "max": 600}},
                    }
                },
            },
        }
    },
    "remove_device": {"target": {"device": {"integration": "zha"}}},
}


def test_good_services_example_passes() -> None:
    """The reference services.yaml example passes."""
    assert validate(SERVICES_SCHEMA, GOOD_SERVICES) == []


@pytest.mark.parametrize(
    "services",
    [
        {"Add-Device": None},
        {"add_device": {"fields": {"ieee": {"selector": {"no_such_selector": {}}}}}},
        {"add_device": {"fields": {"ieee": {"required": "yes"}}}},
        {"add_device": {"fields": {"ieee": {"example": None}}}},
        {"add_device": {"fields": {"ieee": {"unknown": 1}}}},
        {
            "add_device": {
                "fields": {"a": {"fields": {"x": {}}}, "b": {"fields": {"x": {}}}}
            }
        },
        {"add_device": {"target": {"no_such_target": {}}}},
        {
            "add_device": {
                "fields": {"x": {"filter": {"attribute": {}, "supported_features": []}}}
            }
        },
    ],
)
def test_services_rejects(services: dict[str, Any]) -> None:
    """Broken services.yaml examples are rejected."""
    assert validate(SERVICES_SCHEMA, services) != []


def test_service_translation_problems_are_found() -> None:
    """Missing service, field and section translations are reported."""
    strings = {
        "services": {
            "add_device": {
                "name": "Add",
                "description": "Adds",
                "fields": {
                    "ieee": {"name": "IEEE", "description": "Address"},
                    "timeout": {"name": "Timeout", "description": "Seconds"},
                },
                "sections": {"advanced": {"name": "Advanced"}},
            },
            "remove_device": {"name": "Remove", "description": "Removes"},
        }
    }
    assert service_translation_problems(GOOD_SERVICES, strings) == []
    del strings["services"]["add_device"]["sections"]
    del strings["services"]["add_device"]["fields"]["timeout"]
    del strings["services"]["remove_device"]
    assert len(service_translation_problems(GOOD_SERVICES, strings)) == 3
    assert service_translation_problems({}, strings) != []


@pytest.mark.parametrize(
    "icons",
    [
        {"services": {"add_device": {"service": "plus"}}},
        {"services": {"add_device": "mdi:plus"}},
        {"services": {"add_device": {}}},
        {
            "entity": {
                "sensor": {"devices": {"default": "mdi:x", "state": {"a": "mdi:x"}}}
            }
        },
        {"entity": {"nope": {}}},
        {"unknown": {}},
    ],
)
def test_icons_rejects(icons: dict[str, Any]) -> None:
    """Broken icons.json examples are rejected."""
    assert validate(ICONS_SCHEMA, icons) != []


def test_icons_accepts_good_example() -> None:
    """A valid icons.json example passes."""
    icons = {
        "entity": {
            "sensor": {
                "devices": {"default": "mdi:counter", "state": {"a": "mdi:check"}}
            }
        },
        "services": {
            "add_device": {"service": "mdi:plus", "sections": {"advanced": "mdi:cog"}}
        },
    }
    assert validate(ICONS_SCHEMA, icons) == []
