"""Validate the integration's packaging like hassfest, HACS and the brands repo do.

hassfest and the HACS validator run as container images; these tests apply the
same documented rules to the repository's files so that problems show up in the
normal test run:

* ``manifest.json`` (custom integration manifest rules, key order),
* ``hacs.json`` (HACS repository manifest),
* ``strings.json`` / ``translations/en.json`` (translation schema, references),
* translation keys used by the Python sources,
* ``services.yaml`` and ``icons.json`` (when present),
* ``brand/`` images (home-assistant/brands image rules).

Every checker returns a list of problems, so the negative tests at the end can
show that each one rejects a bad example.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
import io
import json
import pathlib
import re
import string
from typing import Any

from awesomeversion import (
    AwesomeVersion,
    AwesomeVersionException,
    AwesomeVersionStrategy,
)
import homeassistant
from homeassistant.const import MAJOR_VERSION, MINOR_VERSION, Platform
from homeassistant.helpers import selector
from homeassistant.util.yaml import load_yaml_dict
from PIL import Image
import pytest
import voluptuous as vol

REPO = pathlib.Path(__file__).parent.parent
DOMAIN = "provisioning"
INTEGRATION = REPO / "custom_components" / DOMAIN
MANIFEST = INTEGRATION / "manifest.json"
HACS = REPO / "hacs.json"
STRINGS = INTEGRATION / "strings.json"
EN = INTEGRATION / "translations" / "en.json"
SERVICES = INTEGRATION / "services.yaml"
ICONS = INTEGRATION / "icons.json"
BRAND = INTEGRATION / "brand"

HA_PACKAGE = pathlib.Path(homeassistant.__file__).parent
HA_COMPONENTS = HA_PACKAGE / "components"
HA_STRINGS = HA_PACKAGE / "strings.json"
PLATFORMS = {platform.value for platform in Platform}


def _load_json(path: pathlib.Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _validate(schema: Callable[[Any], Any], data: Any) -> list[str]:
    """Run a schema and return its error messages instead of raising."""
    try:
        schema(data)
    except vol.MultipleInvalid as err:
        return [str(error) for error in err.errors]
    except vol.Invalid as err:
        return [str(err)]
    return []


# ---------------------------------------------------------------------------
# Shared validators (basic voluptuous API only)
# ---------------------------------------------------------------------------

RE_SLUG = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
RE_TRANSLATION_KEY = re.compile(r"^(?!.+[_-]{2})(?![_-])[a-z0-9-_]+(?<![_-])$")
RE_REFERENCE = re.compile(r"^\[%key:([a-z0-9_:-]+)%\]$", re.IGNORECASE)
RE_ANY_REFERENCE = re.compile(r"\[%key:(.+?)%\]")
RE_COMBINED_REFERENCE = re.compile(r"(.+\[%)|(%\].+)")
RE_PLACEHOLDER_IN_SINGLE_QUOTES = re.compile(r"'{\w+}'")
RE_HTML = re.compile(r"<[a-z].*?>", re.IGNORECASE)
RE_URL = re.compile(
    r"(((ftp|ftps|scp|http|https|mqtt|mqtts|socket|socks5):\/\/|www\.)"
    r"[a-z0-9]+([\-\.]{1}[a-z0-9]+)*\.[a-z]{2,5}(:[0-9]{1,5})?(\/.*)?)",
    re.IGNORECASE,
)
RE_CODEOWNER = re.compile(r"^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:/[\w.-]+)?$")
RE_PINNED_REQUIREMENT = re.compile(
    r"^[A-Za-z0-9][A-Za-z0-9._-]*(?:\[[A-Za-z0-9._,-]+\])?==[A-Za-z0-9.+!_-]+$"
)


def slug(value: Any) -> str:
    """Validate a slug (``cv.slug``)."""
    if not isinstance(value, str) or not RE_SLUG.match(value):
        raise vol.Invalid(f"invalid slug {value!r}")
    return value


def translation_key(value: Any) -> str:
    """Validate a translation key (hassfest ``translation_key_validator``)."""
    if not isinstance(value, str) or not RE_TRANSLATION_KEY.match(value):
        raise vol.Invalid(
            f"invalid translation key {value!r}: need [a-z0-9-_]+ and no leading, "
            "trailing or doubled hyphen/underscore"
        )
    return value


def default_or_slug(value: Any) -> str:
    """Validate ``_`` or a slug."""
    if value == "_":
        return value
    return slug(value)


def non_empty_str(value: Any) -> str:
    """Validate a non-empty string."""
    if not isinstance(value, str) or not value.strip():
        raise vol.Invalid("expected a non-empty string")
    return value


def lowercase(value: Any) -> str:
    """Validate a lowercase string."""
    if not isinstance(value, str) or value.lower() != value:
        raise vol.Invalid("value needs to be a lowercase string")
    return value


def uppercase(value: Any) -> str:
    """Validate an uppercase string."""
    if not isinstance(value, str) or value.upper() != value:
        raise vol.Invalid("value needs to be an uppercase string")
    return value


def wildcard(value: Any) -> str:
    """Validate a matcher containing a wildcard."""
    if "*" not in value:
        raise vol.Invalid(f"{value!r} needs to contain a wildcard matcher")
    return value


def https_url(value: Any) -> str:
    """Validate an https URL."""
    from urllib.parse import urlparse

    if not isinstance(value, str):
        raise vol.Invalid("expected a URL string")
    parsed = urlparse(value)
    if parsed.scheme != "https" or not parsed.netloc:
        raise vol.Invalid(f"{value!r} is not an https URL")
    return value


def version(value: Any) -> str:
    """Validate a version like hassfest's ``verify_version``."""
    if not isinstance(value, str):
        raise vol.Invalid("version must be a string")
    try:
        AwesomeVersion(
            value,
            ensure_strategy=[
                AwesomeVersionStrategy.CALVER,
                AwesomeVersionStrategy.SEMVER,
                AwesomeVersionStrategy.SIMPLEVER,
                AwesomeVersionStrategy.BUILDVER,
                AwesomeVersionStrategy.PEP440,
            ],
        )
    except AwesomeVersionException as err:
        raise vol.Invalid(f"{value!r} is not a valid version") from err
    return value


def translation_value(value: Any, allow_placeholders: bool = True) -> str:
    """Validate a translated string like hassfest's translation value validator."""
    if not isinstance(value, str):
        raise vol.Invalid("translation must be a string")
    if RE_HTML.search(value):
        raise vol.Invalid("the string should not contain HTML")
    if RE_PLACEHOLDER_IN_SINGLE_QUOTES.search(value):
        raise vol.Invalid("the string should not contain placeholders in single quotes")
    try:
        fields = [field for _, field, _, _ in string.Formatter().parse(value) if field]
    except ValueError as err:
        raise vol.Invalid(f"invalid placeholder syntax: {err}") from err
    if fields and not allow_placeholders:
        raise vol.Invalid("placeholders are not supported in this value")
    if any(not field.isidentifier() for field in fields):
        raise vol.Invalid("placeholders must be valid identifiers")
    if RE_COMBINED_REFERENCE.search(value):
        raise vol.Invalid("the string should not contain combined translations")
    if value != value.strip():
        raise vol.Invalid("the string should not have leading or trailing spaces")
    if RE_URL.search(value):
        raise vol.Invalid("the string should not contain URLs, use placeholders")
    return value


def state_value(value: Any) -> str:
    """Validate a translated state (no placeholders)."""
    return translation_value(value, allow_placeholders=False)


def exclusive(*keys: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """Allow at most one of ``keys``."""

    def _validator(value: dict[str, Any]) -> dict[str, Any]:
        if sum(key in value for key in keys) > 1:
            raise vol.Invalid(f"only one of {', '.join(keys)} is allowed")
        return value

    return _validator


def at_least_one(*keys: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """Require at least one of ``keys``."""

    def _validator(value: dict[str, Any]) -> dict[str, Any]:
        if not isinstance(value, dict) or not any(key in value for key in keys):
            raise vol.Invalid(f"needs at least one of {', '.join(keys)}")
        return value

    return _validator


def non_empty_list(value: Any) -> list[Any]:
    """Validate a non-empty list."""
    if not isinstance(value, list) or not value:
        raise vol.Invalid("expected a non-empty list")
    return value


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
    problems = _validate(MANIFEST_SCHEMA, manifest)
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
    assert manifest_problems(_load_json(MANIFEST)) == []


def test_domain_does_not_shadow_core_integration() -> None:
    """A custom integration with a core domain would replace the core one."""
    domain = _load_json(MANIFEST)["domain"]
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
    assert _validate(HACS_SCHEMA, _load_json(HACS)) == []


def test_hacs_minimum_home_assistant_is_tested_release() -> None:
    """The advertised minimum Home Assistant is the release line tested here."""
    assert _load_json(HACS).get("homeassistant") == ha_release_line()


def test_hacs_repository_layout() -> None:
    """HACS expects exactly one integration below custom_components/."""
    integrations = [
        path.parent.name
        for path in (REPO / "custom_components").glob("*/manifest.json")
    ]
    assert integrations == [DOMAIN]


# ---------------------------------------------------------------------------
# strings.json and translations/en.json
# ---------------------------------------------------------------------------


def data_description_in_data(value: dict[str, Any]) -> dict[str, Any]:
    """Every data_description key needs a data key."""
    for step_id, step in value.get("step", {}).items():
        for key in step.get("data_description", {}):
            if key not in step.get("data", {}):
                raise vol.Invalid(f"step {step_id}: data_description {key} not in data")
    return value


def data_entry_schema(*, subentry: bool = False) -> Callable[[Any], Any]:
    """Schema of a config, options, subentry or repair flow."""
    schema: dict[Any, Any] = {
        vol.Optional("flow_title"): translation_value,
        vol.Required("step"): {
            str: {
                vol.Optional("title"): translation_value,
                vol.Optional("description"): translation_value,
                vol.Optional("data"): {str: translation_value},
                vol.Optional("data_description"): {str: translation_value},
                vol.Optional("menu_options"): {str: translation_value},
                vol.Optional("menu_option_descriptions"): {str: translation_value},
                vol.Optional("submit"): translation_value,
                vol.Optional("sections"): {
                    str: {
                        vol.Optional("data"): {str: translation_value},
                        vol.Optional("data_description"): {str: translation_value},
                        vol.Optional("description"): translation_value,
                        vol.Optional("name"): translation_value,
                    }
                },
            }
        },
        vol.Optional("error"): {str: translation_value},
        vol.Optional("abort"): {str: translation_value},
        vol.Optional("progress"): {str: translation_value},
        vol.Optional("create_entry"): {str: translation_value},
    }
    if subentry:
        schema[vol.Required("entry_type")] = translation_value
        schema[vol.Required("initiate_flow")] = {
            vol.Required("user"): translation_value,
            str: translation_value,
        }
    else:
        schema[vol.Optional("initiate_flow")] = {
            vol.Required("user"): translation_value
        }
    return vol.All(vol.Schema(schema), data_description_in_data)


_STATE_ATTRIBUTES = {
    translation_key: {
        vol.Optional("name"): state_value,
        vol.Optional("state"): {translation_key: state_value},
    }
}

STRINGS_SCHEMA = vol.Schema(
    {
        vol.Optional("title"): translation_value,
        vol.Optional("config"): data_entry_schema(),
        vol.Optional("options"): data_entry_schema(),
        vol.Optional("config_subentries"): {
            default_or_slug: data_entry_schema(subentry=True)
        },
        vol.Optional("selector"): {
            default_or_slug: {
                vol.Optional("choices"): {translation_key: translation_value},
                vol.Optional("options"): {translation_key: translation_value},
                vol.Optional("unit_of_measurement"): {
                    translation_key: translation_value
                },
                vol.Optional("fields"): vol.Any(
                    {slug: str},
                    {
                        translation_key: {
                            vol.Required("name"): str,
                            vol.Required("description"): translation_value,
                        }
                    },
                ),
            }
        },
        vol.Optional("device_automation"): {
            vol.Optional("action_type"): {str: translation_value},
            vol.Optional("condition_type"): {str: translation_value},
            vol.Optional("trigger_type"): {str: translation_value},
            vol.Optional("trigger_subtype"): {str: translation_value},
            vol.Optional("extra_fields"): {str: translation_value},
            vol.Optional("extra_fields_descriptions"): {str: translation_value},
        },
        vol.Optional("system_health"): {
            vol.Optional("info"): {translation_key: translation_value}
        },
        vol.Optional("issues"): {
            str: vol.All(
                at_least_one("description", "fix_flow"),
                exclusive("description", "fix_flow"),
                vol.Schema(
                    {
                        vol.Required("title"): translation_value,
                        vol.Optional("description"): translation_value,
                        vol.Optional("fix_flow"): data_entry_schema(),
                    }
                ),
            )
        },
        vol.Optional("entity_component"): {
            default_or_slug: {
                vol.Optional("name"): str,
                vol.Optional("state"): {translation_key: state_value},
                vol.Optional("state_attributes"): {
                    translation_key: {
                        vol.Optional("name"): str,
                        vol.Optional("state"): {translation_key: state_value},
                    }
                },
            }
        },
        vol.Optional("device"): {
            translation_key: {vol.Optional("name"): translation_value}
        },
        vol.Optional("entity"): {
            vol.In(sorted(PLATFORMS)): {
                translation_key: {
                    vol.Optional("name"): translation_value,
                    vol.Optional("state"): {translation_key: state_value},
                    vol.Optional("state_attributes"): _STATE_ATTRIBUTES,
                    vol.Optional("unit_of_measurement"): state_value,
                }
            }
        },
        vol.Optional("exceptions"): {
            slug: {vol.Optional("message"): translation_value}
        },
        vol.Optional("services"): {
            translation_key: {
                vol.Required("name"): translation_value,
                vol.Required("description"): translation_value,
                vol.Optional("fields"): {
                    translation_key: {
                        vol.Required("name"): str,
                        vol.Required("description"): translation_value,
                        vol.Optional("example"): translation_value,
                    }
                },
                vol.Optional("sections"): {
                    translation_key: {
                        vol.Required("name"): str,
                        vol.Optional("description"): translation_value,
                    }
                },
            }
        },
        vol.Optional("common"): {slug: translation_value},
    }
)


def iter_strings(
    data: Any, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Yield (path, value) for every leaf of a translation tree."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from iter_strings(value, (*path, key))
    else:
        yield path, data


def _lookup(tree: Any, parts: list[str]) -> Any:
    for part in parts:
        if not isinstance(tree, dict) or part not in tree:
            raise KeyError("::".join(parts))
        tree = tree[part]
    return tree


class AnyText:
    """Stands for a common string that cannot be looked up (no HA strings.json)."""

    def __repr__(self) -> str:
        return "<any non-empty text>"


def resolve_reference(ref: str, strings: dict[str, Any]) -> str | AnyText:
    """Resolve a ``[%key:...%]`` reference, raising KeyError when it is dangling."""
    parts = ref.split("::")
    if parts[0] == "common":
        if not HA_STRINGS.is_file():
            return AnyText()
        value = _lookup(_load_json(HA_STRINGS), parts)
    elif parts[0] == "component" and len(parts) > 2:
        domain = parts[1]
        if domain == DOMAIN:
            source = strings
        else:
            component = HA_COMPONENTS / domain
            files = [component / "strings.json", component / "translations" / "en.json"]
            existing = [path for path in files if path.is_file()]
            if not existing:
                raise KeyError(ref)
            source = _load_json(existing[0])
        value = _lookup(source, parts[2:])
    else:
        raise KeyError(ref)
    if not isinstance(value, str):
        raise KeyError(f"{ref} is not a string")
    if RE_ANY_REFERENCE.search(value):
        raise KeyError(f"{ref} points to another reference (only one level allowed)")
    return value


def reference_problems(strings: dict[str, Any]) -> list[str]:
    """Return every reference that does not resolve."""
    problems = []
    for path, value in iter_strings(strings):
        if not isinstance(value, str) or "[%key:" not in value:
            continue
        match = RE_REFERENCE.match(value)
        if match is None:
            problems.append(f"{'.'.join(path)}: malformed reference {value!r}")
            continue
        try:
            resolve_reference(match.group(1), strings)
        except KeyError as err:
            problems.append(f"{'.'.join(path)}: cannot resolve {value!r} ({err})")
    return problems


def resolved_strings(strings: Any, root: dict[str, Any]) -> Any:
    """strings.json with every reference replaced by its text."""
    if isinstance(strings, dict):
        return {key: resolved_strings(value, root) for key, value in strings.items()}
    if isinstance(strings, str) and (match := RE_REFERENCE.match(strings)):
        return resolve_reference(match.group(1), root)
    return strings


def en_problems(strings: dict[str, Any], en: Any) -> list[str]:
    """Compare translations/en.json with the resolved strings.json."""
    expected = resolved_strings(strings, strings)
    problems: list[str] = []

    def compare(want: Any, got: Any, path: str) -> None:
        if isinstance(want, dict):
            if not isinstance(got, dict):
                problems.append(f"{path}: expected an object")
                return
            for key in want.keys() - got.keys():
                problems.append(f"{path}.{key}: missing in en.json")
            for key in got.keys() - want.keys():
                problems.append(f"{path}.{key}: not in strings.json")
            for key in want.keys() & got.keys():
                compare(want[key], got[key], f"{path}.{key}")
        elif isinstance(want, AnyText):
            if not isinstance(got, str) or not got.strip() or "[%key:" in got:
                problems.append(f"{path}: expected resolved text, got {got!r}")
        elif want != got:
            problems.append(f"{path}: en.json has {got!r}, strings.json gives {want!r}")

    compare(expected, en, "")
    return problems


def test_strings_json_is_valid() -> None:
    """strings.json follows hassfest's translation schema."""
    assert _validate(STRINGS_SCHEMA, _load_json(STRINGS)) == []


def test_en_json_is_valid() -> None:
    """translations/en.json follows the same schema."""
    assert _validate(STRINGS_SCHEMA, _load_json(EN)) == []


def test_all_references_resolve() -> None:
    """Every [%key:...%] reference in strings.json points to existing text."""
    assert reference_problems(_load_json(STRINGS)) == []


def test_en_json_matches_strings_json() -> None:
    """translations/en.json is strings.json with all references resolved."""
    strings = _load_json(STRINGS)
    if reference_problems(strings):
        pytest.fail("strings.json has unresolvable references")
    assert en_problems(strings, _load_json(EN)) == []


# ---------------------------------------------------------------------------
# Translation keys used in the Python sources
# ---------------------------------------------------------------------------

# A usage is satisfied when one of its candidate paths exists in strings.json;
# "*" matches any key at that level.
Usage = tuple[tuple[tuple[str, ...], ...], str]

_EXCEPTION_SUFFIXES = ("Error", "Exception", "NotReady", "AuthFailed", "Invalid")
_FLOW_PATHS: dict[str, tuple[tuple[str, ...], ...]] = {
    "config": (("config",),),
    "options": (("options",),),
    "subentry": (("config_subentries", "*"),),
    "repair": (("issues", "*", "fix_flow"),),
}
_ANY_FLOW = (*_FLOW_PATHS["config"], *_FLOW_PATHS["options"], *_FLOW_PATHS["subentry"])


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _literal(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _keyword(node: ast.Call, name: str) -> str | None:
    for keyword in node.keywords:
        if keyword.arg == name:
            return _literal(keyword.value)
    return None


def _flow_kind(bases: list[ast.expr]) -> str | None:
    names = [ast.unparse(base).rsplit(".", 1)[-1] for base in bases]
    for name in names:
        if "Subentry" in name:
            return "subentry"
        if "OptionsFlow" in name:
            return "options"
        if "Repair" in name or "FixFlow" in name:
            return "repair"
        if name.endswith("ConfigFlow") or name == "ConfigFlow":
            return "config"
    return None


class TranslationKeyScanner(ast.NodeVisitor):
    """Collect the translation keys a module uses."""

    def __init__(self, platform: str | None, where: str) -> None:
        self.platform = platform
        self.where = where
        self.flow: list[str | None] = []
        self.usages: list[Usage] = []

    # helpers --------------------------------------------------------------
    def _add(self, node: ast.AST, *paths: tuple[str, ...]) -> None:
        self.usages.append((paths, f"{self.where}:{getattr(node, 'lineno', 0)}"))

    def _flow_paths(self) -> tuple[tuple[str, ...], ...]:
        kind = self.flow[-1] if self.flow else None
        return _FLOW_PATHS[kind] if kind else _ANY_FLOW

    def _flow_key(self, node: ast.AST, section: str, key: str) -> None:
        self._add(node, *((*base, section, key) for base in self._flow_paths()))

    def _entity_key(self, node: ast.AST, key: str) -> None:
        self._add(node, ("entity", self.platform or "*", key))

    def _errors_dict(self, node: ast.AST) -> None:
        if isinstance(node, ast.Dict):
            for value in node.values:
                if (key := _literal(value)) is not None:
                    self._flow_key(node, "error", key)

    # visitors -------------------------------------------------------------
    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        kind = _flow_kind(node.bases)
        if kind is None and any(kw.arg == "domain" for kw in node.keywords):
            kind = "config"
        self.flow.append(kind or (self.flow[-1] if self.flow else None))
        self.generic_visit(node)
        self.flow.pop()

    def visit_Assign(self, node: ast.Assign) -> None:
        value = _literal(node.value)
        for target in node.targets:
            name = (
                target.attr
                if isinstance(target, ast.Attribute)
                else getattr(target, "id", "")
            )
            if name == "_attr_translation_key" and value is not None:
                self._entity_key(node, value)
            if (
                isinstance(target, ast.Subscript)
                and "error" in ast.unparse(target.value)
                and value is not None
            ):
                self._flow_key(node, "error", value)
            if isinstance(target, ast.Name) and "error" in target.id:
                self._errors_dict(node.value)
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        target = node.target
        name = (
            target.attr
            if isinstance(target, ast.Attribute)
            else getattr(target, "id", "")
        )
        if name == "_attr_translation_key" and (value := _literal(node.value)):
            self._entity_key(node, value)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        name = _call_name(node)
        if (key := _keyword(node, "translation_key")) is not None:
            if name.endswith("EntityDescription"):
                self._entity_key(node, key)
            elif name.endswith("create_issue"):
                self._add(node, ("issues", key))
            elif name.endswith(_EXCEPTION_SUFFIXES):
                self._add(node, ("exceptions", key, "message"))
            elif "Selector" in name:
                self._add(node, ("selector", key))
            else:
                self._add(
                    node,
                    ("entity", self.platform or "*", key),
                    ("exceptions", key, "message"),
                    ("issues", key),
                    ("selector", key),
                )
        reason = _keyword(node, "reason")
        if name == "AbortFlow" and node.args:
            reason = _literal(node.args[0])
        if reason and (
            name in ("async_abort", "AbortFlow") or name.endswith("_and_abort")
        ):
            self._flow_key(node, "abort", reason)
        elif name == "_abort_if_unique_id_configured":
            self._flow_key(node, "abort", "already_configured")
        if name in ("async_show_form", "async_show_menu", "async_show_progress") and (
            step_id := _keyword(node, "step_id")
        ):
            self._flow_key(node, "step", step_id)
        if name == "async_show_progress" and (
            action := _keyword(node, "progress_action")
        ):
            self._flow_key(node, "progress", action)
        for keyword in node.keywords:
            if keyword.arg == "errors":
                self._errors_dict(keyword.value)
        self.generic_visit(node)


def scan_source(
    source: str, platform: str | None = None, where: str = "<src>"
) -> list[Usage]:
    """Return the translation keys used by a piece of Python source."""
    scanner = TranslationKeyScanner(platform, where)
    scanner.visit(ast.parse(source))
    return scanner.usages


def _exists(tree: Any, path: tuple[str, ...]) -> bool:
    if not path:
        return True
    if not isinstance(tree, dict):
        return False
    head, *rest = path
    if head == "*":
        return any(_exists(value, tuple(rest)) for value in tree.values())
    return head in tree and _exists(tree[head], tuple(rest))


def missing_translation_keys(usages: list[Usage], strings: dict[str, Any]) -> list[str]:
    """Return the usages that have no translation."""
    return [
        f"{where}: {' or '.join('.'.join(path) for path in paths)}"
        for paths, where in usages
        if not any(_exists(strings, path) for path in paths)
    ]


def python_sources() -> list[pathlib.Path]:
    """All Python files of the integration."""
    return sorted(INTEGRATION.rglob("*.py"))


def integration_usages() -> list[Usage]:
    """Translation keys used anywhere in the integration."""
    usages = []
    for path in python_sources():
        platform = (
            path.stem if path.parent == INTEGRATION and path.stem in PLATFORMS else None
        )
        usages += scan_source(path.read_text(encoding="utf-8"), platform, path.name)
    return usages


def test_translation_keys_used_in_code_exist() -> None:
    """Every literal translation key in the sources is in strings.json."""
    assert missing_translation_keys(integration_usages(), _load_json(STRINGS)) == []


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
            if value := _literal(node):
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
    assert _validate(SERVICES_SCHEMA, _services()) == []


def test_services_are_translated() -> None:
    """Every service and field in services.yaml has strings.json translations."""
    services = _services()
    assert service_translation_problems(services, _load_json(STRINGS)) == []


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
    icons = _load_json(ICONS)
    assert _validate(ICONS_SCHEMA, icons) == []
    if SERVICES.is_file():
        services = load_yaml_dict(str(SERVICES))
        assert sorted(icons.get("services", {}).keys() - services.keys()) == []


# ---------------------------------------------------------------------------
# Brand images (home-assistant/brands rules)
# ---------------------------------------------------------------------------

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def image_problems(data: bytes, kind: str, scale: int) -> list[str]:
    """Check an icon or logo against the brands repository rules."""
    if not data.startswith(PNG_SIGNATURE):
        return ["not a PNG file"]
    image = Image.open(io.BytesIO(data))
    problems = []
    width, height = image.size
    if kind == "icon":
        if (width, height) != (256 * scale, 256 * scale):
            problems.append(
                f"icon must be {256 * scale}x{256 * scale}, is {width}x{height}"
            )
    elif not 128 * scale <= min(width, height) <= 256 * scale:
        problems.append(f"logo shortest side must be {128 * scale}-{256 * scale}px")
    elif width < height:
        problems.append("logo should be landscape")
    rgba = image.convert("RGBA")
    alpha = rgba.getchannel("A")
    low, high = alpha.getextrema()
    if "A" not in image.getbands() and "transparency" not in image.info:
        problems.append("image has no transparency")
    elif low != 0:
        problems.append("background is not transparent")
    if high == 0:
        problems.append("image is empty")
        return problems
    left, top, right, bottom = alpha.getbbox()
    touches_x = left == 0 and right == width
    touches_y = top == 0 and bottom == height
    if kind == "icon" and not (touches_x or touches_y):
        problems.append(
            f"icon is not trimmed: content box {(left, top, right, bottom)}"
        )
    if kind == "logo" and not (touches_x and touches_y):
        problems.append(
            f"logo is not trimmed: content box {(left, top, right, bottom)}"
        )
    return problems


@pytest.mark.parametrize(
    ("name", "kind", "scale"),
    [
        ("icon.png", "icon", 1),
        ("icon@2x.png", "icon", 2),
        ("logo.png", "logo", 1),
        ("logo@2x.png", "logo", 2),
    ],
)
def test_brand_image(name: str, kind: str, scale: int) -> None:
    """Brand images are trimmed, transparent PNGs of the required size."""
    assert image_problems((BRAND / name).read_bytes(), kind, scale) == []


def test_brand_hidpi_logo_is_double_size() -> None:
    """logo@2x.png is the same picture at twice the resolution."""
    small = Image.open(BRAND / "logo.png").size
    large = Image.open(BRAND / "logo@2x.png").size
    assert abs(large[0] - 2 * small[0]) <= 2
    assert large[1] == 2 * small[1]


def test_brand_folder_has_only_known_files() -> None:
    """The brand folder only holds images Home Assistant knows."""
    known = {
        f"{dark}{name}{hidpi}.png"
        for dark in ("", "dark_")
        for name in ("icon", "logo")
        for hidpi in ("", "@2x")
    }
    assert {path.name for path in BRAND.iterdir()} <= known


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
    assert _validate(HACS_SCHEMA, hacs) != []


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
    assert _validate(HACS_SCHEMA, hacs) == []


GOOD_STRINGS: dict[str, Any] = {
    "config": {
        "step": {
            "user": {"data": {"host": "Host"}, "data_description": {"host": "Where"}}
        },
        "error": {"cannot_connect": "Failed to connect"},
        "abort": {
            "already_configured": "[%key:common::config_flow::abort::already_configured_service%]"
        },
    },
    "config_subentries": {
        "device": {
            "entry_type": "Device",
            "initiate_flow": {"user": "Add device"},
            "step": {"user": {"title": "Add device"}},
        }
    },
    "entity": {"sensor": {"devices": {"name": "Devices", "state": {"ok": "OK"}}}},
    "exceptions": {"bad_code": {"message": "Install code {code} is invalid"}},
    "issues": {"stale": {"title": "Stale", "description": "Old entry"}},
    "services": {
        "add_device": {
            "name": "Add device",
            "description": "Adds a device.",
            "fields": {"ieee": {"name": "IEEE", "description": "Address"}},
            "sections": {"advanced": {"name": "Advanced"}},
        }
    },
}


def test_good_strings_example_passes() -> None:
    """The reference example passes."""
    assert _validate(STRINGS_SCHEMA, GOOD_STRINGS) == []
    assert reference_problems(GOOD_STRINGS) == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("config", "step", "user", "description"), "See https://example.com"),
        (("config", "step", "user", "description"), " leading space"),
        (("config", "step", "user", "description"), "<b>bold</b>"),
        (("config", "step", "user", "description"), "Use '{code}'"),
        (("config", "step", "user", "description"), "Bad {1x}"),
        (("config", "step", "user", "data_description", "port"), "Not in data"),
        (("config", "unknown"), {}),
        (("config_subentries", "device", "entry_type"), None),
        (("entity", "sensor", "devices", "state", "ok"), "OK {placeholder}"),
        (("entity", "not_a_platform"), {}),
        (("entity", "sensor", "Bad_Key"), {"name": "X"}),
        (("exceptions", "bad_code", "text"), "X"),
        (("issues", "stale", "fix_flow"), {"step": {}}),
        (("services", "add_device", "fields", "ieee", "description"), None),
        (("services", "add_device", "name"), None),
    ],
)
def test_strings_rejects(path: tuple[str, ...], value: Any) -> None:
    """Each broken strings.json example is rejected."""
    strings = json.loads(json.dumps(GOOD_STRINGS))
    parent = strings
    for key in path[:-1]:
        parent = parent.setdefault(key, {})
    if value is None:
        parent.pop(path[-1], None)
    else:
        parent[path[-1]] = value
    assert _validate(STRINGS_SCHEMA, strings) != []


def test_issue_without_description_or_fix_flow_is_rejected() -> None:
    """An issue needs a description or a fix flow."""
    assert _validate(STRINGS_SCHEMA, {"issues": {"x": {"title": "X"}}}) != []


@pytest.mark.parametrize(
    "reference",
    [
        "[%key:common::config_flow::abort::no_such_key%]",
        "[%key:component::provisioning::config::abort::missing%]",
        "[%key:component::no_such_integration::title%]",
        "[%key:nothing::here%]",
        "Prefix [%key:common::config_flow::abort::already_configured_service%]",
    ],
)
def test_dangling_references_are_found(reference: str) -> None:
    """References that do not resolve are reported."""
    assert reference_problems({"config": {"abort": {"x": reference}}}) != []


def test_en_json_comparison_finds_differences() -> None:
    """en.json must equal strings.json with references resolved."""
    strings = {
        "config": {
            "abort": {
                "a": "[%key:component::provisioning::config::abort::b%]",
                "b": "B",
            }
        }
    }
    assert en_problems(strings, {"config": {"abort": {"a": "B", "b": "B"}}}) == []
    assert (
        en_problems(strings, {"config": {"abort": {"a": "[%key:x%]", "b": "B"}}}) != []
    )
    assert en_problems(strings, {"config": {"abort": {"b": "B"}}}) != []
    assert (
        en_problems(strings, {"config": {"abort": {"a": "B", "b": "B", "c": "C"}}})
        != []
    )


SCANNED_SOURCE = """
from homeassistant.config_entries import ConfigFlow, OptionsFlow
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError


class Flow(ConfigFlow, domain="provisioning"):
    async def async_step_user(self, user_input=None):
        errors = {}
        errors["base"] = "cannot_connect"
        self._abort_if_unique_id_configured()
        if user_input:
            return self.async_abort(reason="no_coordinator")
        return self.async_show_form(step_id="user", errors={"code": "invalid_code"})


class Options(OptionsFlow):
    async def async_step_init(self, user_input=None):
        return self.async_show_form(step_id="init")


DESCRIPTION = SensorEntityDescription(key="devices", translation_key="devices")


class Counter(SensorEntity):
    _attr_translation_key = "pending"


def check():
    ir.async_create_issue(hass, DOMAIN, "id", translation_key="stale_device")
    raise ServiceValidationError(translation_domain=DOMAIN, translation_key="bad_code")
"""


def test_scanner_finds_translation_keys() -> None:
    """The scanner recognises all supported patterns."""
    found = {paths for paths, _ in scan_source(SCANNED_SOURCE, "sensor")}
    assert found == {
        (("config", "error", "cannot_connect"),),
        (("config", "abort", "already_configured"),),
        (("config", "abort", "no_coordinator"),),
        (("config", "step", "user"),),
        (("config", "error", "invalid_code"),),
        (("options", "step", "init"),),
        (("entity", "sensor", "devices"),),
        (("entity", "sensor", "pending"),),
        (("issues", "stale_device"),),
        (("exceptions", "bad_code", "message"),),
    }


def test_scanner_reports_missing_keys() -> None:
    """Keys missing from strings.json are reported, present ones are not."""
    usages = scan_source(SCANNED_SOURCE, "sensor")
    strings = {
        "config": {
            "step": {"user": {}},
            "error": {"cannot_connect": "x", "invalid_code": "x"},
            "abort": {"already_configured": "x", "no_coordinator": "x"},
        },
        "options": {"step": {"init": {}}},
        "entity": {"sensor": {"devices": {}, "pending": {}}},
        "issues": {"stale_device": {}},
        "exceptions": {"bad_code": {"message": "x"}},
    }
    assert missing_translation_keys(usages, strings) == []
    del strings["exceptions"]
    del strings["config"]["abort"]["no_coordinator"]
    assert len(missing_translation_keys(usages, strings)) == 2


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
    assert _validate(SERVICES_SCHEMA, GOOD_SERVICES) == []


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
    assert _validate(SERVICES_SCHEMA, services) != []


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
    assert _validate(ICONS_SCHEMA, icons) != []


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
    assert _validate(ICONS_SCHEMA, icons) == []


def _png(
    size: tuple[int, int], box: tuple[int, int, int, int] | None, mode: str = "RGBA"
) -> bytes:
    image = Image.new(mode, size, (0, 0, 0, 0) if mode == "RGBA" else (255, 255, 255))
    if box:
        image.paste((3, 169, 244, 255) if mode == "RGBA" else (3, 169, 244), box)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def test_brand_checks_accept_good_images() -> None:
    """Synthetic images that follow the rules pass."""
    assert image_problems(_png((256, 256), (0, 20, 256, 236)), "icon", 1) == []
    logo = Image.open(io.BytesIO(_png((400, 128), (0, 0, 128, 128))))
    logo.paste((13, 71, 161, 255), (200, 40, 400, 90))
    buffer = io.BytesIO()
    logo.save(buffer, format="PNG")
    assert image_problems(buffer.getvalue(), "logo", 1) == []


@pytest.mark.parametrize(
    ("data", "kind", "scale"),
    [
        (b"GIF89a", "icon", 1),
        (_png((200, 200), (0, 0, 200, 100)), "icon", 1),
        (_png((256, 256), (10, 10, 246, 246)), "icon", 1),
        (_png((256, 256), None, "RGB"), "icon", 1),
        (_png((256, 256), None), "icon", 1),
        (_png((400, 100), (0, 0, 400, 100)), "logo", 1),
        (_png((128, 400), (0, 0, 128, 400)), "logo", 1),
        (_png((400, 128), (0, 0, 400, 100)), "logo", 1),
        (_png((400, 128), (0, 0, 400, 128)), "logo", 1),
        (_png((400, 128), (0, 0, 400, 128)), "logo", 2),
    ],
)
def test_brand_checks_reject_bad_images(data: bytes, kind: str, scale: int) -> None:
    """Wrong size, untrimmed, opaque or non-PNG images are rejected."""
    assert image_problems(data, kind, scale) != []
