"""strings.json, translations/en.json and the translation keys the sources use."""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
import json
from typing import Any

import pytest
import voluptuous as vol

from tests.packaging.validators import (
    DOMAIN,
    EN,
    HA_COMPONENTS,
    HA_STRINGS,
    INTEGRATION,
    PLATFORMS,
    RE_ANY_REFERENCE,
    RE_REFERENCE,
    STRINGS,
    at_least_one,
    default_or_slug,
    exclusive,
    literal,
    load_json,
    python_sources,
    slug,
    state_value,
    translation_key,
    translation_value,
    validate,
)

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
        value = _lookup(load_json(HA_STRINGS), parts)
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
            source = load_json(existing[0])
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
    assert validate(STRINGS_SCHEMA, load_json(STRINGS)) == []


def test_en_json_is_valid() -> None:
    """translations/en.json follows the same schema."""
    assert validate(STRINGS_SCHEMA, load_json(EN)) == []


def test_all_references_resolve() -> None:
    """Every [%key:...%] reference in strings.json points to existing text."""
    assert reference_problems(load_json(STRINGS)) == []


def test_en_json_matches_strings_json() -> None:
    """translations/en.json is strings.json with all references resolved."""
    strings = load_json(STRINGS)
    if reference_problems(strings):
        pytest.fail("strings.json has unresolvable references")
    assert en_problems(strings, load_json(EN)) == []


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


def _keyword(node: ast.Call, name: str) -> str | None:
    for keyword in node.keywords:
        if keyword.arg == name:
            return literal(keyword.value)
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
                if (key := literal(value)) is not None:
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
        value = literal(node.value)
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
        if name == "_attr_translation_key" and (value := literal(node.value)):
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
            reason = literal(node.args[0])
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
    assert missing_translation_keys(integration_usages(), load_json(STRINGS)) == []


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
    assert validate(STRINGS_SCHEMA, GOOD_STRINGS) == []
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
    assert validate(STRINGS_SCHEMA, strings) != []


def test_issue_without_description_or_fix_flow_is_rejected() -> None:
    """An issue needs a description or a fix flow."""
    assert validate(STRINGS_SCHEMA, {"issues": {"x": {"title": "X"}}}) != []


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
