"""Access to the radio application of the running ZHA integration."""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.components.zha.helpers import get_zha_gateway
from homeassistant.core import HomeAssistant, callback

if TYPE_CHECKING:
    from zigpy.application import ControllerApplication


@callback
def async_get_application(hass: HomeAssistant) -> ControllerApplication | None:
    """Return ZHA's zigpy application, or None while ZHA is not running."""
    try:
        application: ControllerApplication = get_zha_gateway(
            hass
        ).application_controller
    except ValueError:
        return None
    return application
