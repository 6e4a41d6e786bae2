"""Shared pieces of the packaging checks: paths, loaders and voluptuous validators.

hassfest and the HACS validator run as container images; the tests of this
package apply the same documented rules to the repository's files so that
problems show up in the normal test run. Every checker returns a list of
problems, so that each test module's negative tests can show that it rejects a
bad example.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
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
from homeassistant.const import Platform
import voluptuous as vol

REPO = pathlib.Path(__file__).parent.parent.parent
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


def load_json(path: pathlib.Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def validate(schema: Callable[[Any], Any], data: Any) -> list[str]:
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


def literal(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def python_sources() -> list[pathlib.Path]:
    """All Python files of the integration."""
    return sorted(INTEGRATION.rglob("*.py"))
