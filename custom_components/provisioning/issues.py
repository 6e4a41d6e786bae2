"""Repair issues that come and go with a condition."""

from __future__ import annotations

from collections.abc import Mapping

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir

from .const import DOMAIN


@callback
def async_update_warning(
    hass: HomeAssistant,
    issue_id: str,
    *,
    active: bool,
    translation_key: str,
    placeholders: Mapping[str, str] | None = None,
) -> None:
    """Raise a warning while a condition holds, and withdraw it once it doesn't."""
    if not active:
        ir.async_delete_issue(hass, DOMAIN, issue_id)
        return
    ir.async_create_issue(
        hass,
        DOMAIN,
        issue_id,
        is_fixable=False,
        severity=ir.IssueSeverity.WARNING,
        translation_key=translation_key,
        translation_placeholders=dict(placeholders or {}),
    )
