"""Repair flows of Device Provisioning.

An unprovisioned device that the guard removed (issue
``unprovisioned_device_removed_<ieee>``) can be fixed in two ways: add it to
the provisioning list with its install code or link key (its IEEE address is
known), so that the next window admits it; or dismiss the issue. Adding goes
through the same function as every other way of adding a device, so it
validates alike; the key is never shown back except in the masked field.
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.repairs import RepairsFlow, RepairsFlowResult
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import selector
import probatio as vol

from .const import CONF_AREA_ID, CONF_IEEE, CONF_INSTALL_CODE, CONF_LINK_KEY, CONF_NAME
from .coordinator import ProvisioningConfigEntry
from .local_devices import async_add_device


class UnprovisionedDeviceFlow(RepairsFlow):
    """Add a removed unprovisioned device to the list, or dismiss the issue."""

    def __init__(self, entry_id: str | None, ieee: str | None) -> None:
        """Initialize for one removed device."""
        self._entry_id = entry_id
        self._ieee = ieee

    def _entry(self) -> ProvisioningConfigEntry | None:
        if self._entry_id is None:
            return None
        entry = self.hass.config_entries.async_get_entry(self._entry_id)
        if entry is None or entry.state is not ConfigEntryState.LOADED:
            return None
        return entry

    async def async_step_init(
        self, user_input: dict[str, str] | None = None
    ) -> RepairsFlowResult:
        """Offer to add the device, or to dismiss the issue."""
        return self.async_show_menu(
            menu_options=["add", "dismiss"],
            description_placeholders={"ieee": self._ieee or ""},
        )

    async def async_step_dismiss(
        self, user_input: dict[str, str] | None = None
    ) -> RepairsFlowResult:
        """Close the issue."""
        return self.async_create_entry(data={})

    async def async_step_add(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Ask for the device's install code or link key, and add it."""
        entry = self._entry()
        if entry is None or self._ieee is None:
            return self.async_abort(reason="entry_not_loaded")
        errors: dict[str, str] = {}
        placeholders = {"ieee": self._ieee, "title": ""}
        if user_input is not None:
            try:
                async_add_device(
                    self.hass, entry, {**user_input, CONF_IEEE: self._ieee}
                )
            except ServiceValidationError as err:
                field = (err.translation_placeholders or {}).get("field", "base")
                if field not in (CONF_INSTALL_CODE, CONF_LINK_KEY):
                    field = "base"
                errors[field] = str(err.translation_key)
                placeholders["title"] = (err.translation_placeholders or {}).get(
                    "title", ""
                )
            else:
                return self.async_create_entry(data={})
        return self.async_show_form(
            step_id="add",
            data_schema=_add_schema(user_input or {}),
            description_placeholders=placeholders,
            errors=errors,
        )


def _add_schema(typed: dict[str, Any]) -> vol.Schema:
    masked = selector.TextSelector(
        selector.TextSelectorConfig(type=selector.TextSelectorType.PASSWORD)
    )
    return vol.Schema(
        {
            vol.Optional(key, description={"suggested_value": typed.get(key)}): masked
            for key in (CONF_INSTALL_CODE, CONF_LINK_KEY)
        }
        | {
            vol.Optional(
                CONF_NAME, description={"suggested_value": typed.get(CONF_NAME)}
            ): selector.TextSelector(),
            vol.Optional(
                CONF_AREA_ID,
                description={"suggested_value": typed.get(CONF_AREA_ID)},
            ): selector.AreaSelector(),
        }
    )


async def async_create_fix_flow(
    hass: HomeAssistant, issue_id: str, data: dict[str, str | int | float | None] | None
) -> RepairsFlow:
    """Create the fix flow of a fixable issue."""
    data = data or {}
    entry_id = data.get("entry_id")
    ieee = data.get("ieee")
    return UnprovisionedDeviceFlow(
        entry_id if isinstance(entry_id, str) else None,
        ieee if isinstance(ieee, str) else None,
    )
