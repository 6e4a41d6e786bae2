"""The Provisioning sidebar panel: its static files and its registration.

Rules:

- The bundle (`frontend/provisioning-panel.js` and the files it loads) is
  served under `/provisioning_static`, once per Home Assistant instance:
  static routes can't be removed, and adding one twice fails.
- The panel is for admins (`require_admin`), and the integration's cog on the
  integrations page opens it (`config_panel_domain`). Its module URL carries a
  hash of the bundle, computed off the event loop, so a new version is never
  taken from the browser's cache.
- It is registered when the first provisioning list loads, only if the
  `frontend` integration runs (tests and headless set-ups work without it) and
  the bundle exists, and removed when the last list unloads.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Final

from homeassistant.components import frontend, panel_custom
from homeassistant.components.http.server import StaticPathConfig
from homeassistant.core import HomeAssistant, callback

from .const import DOMAIN, LOGGER

PANEL_URL_PATH: Final = "provisioning"
STATIC_URL: Final = "/provisioning_static"
WEBCOMPONENT: Final = "provisioning-panel"
BUNDLE: Final = "provisioning-panel.js"
FRONTEND_DIR: Path = Path(__file__).parent / "frontend"
_DATA_STATIC: Final = f"{DOMAIN}_static_path"


def _bundle_hash(path: Path) -> str | None:
    """Return a short hash of the bundle, None if it is missing."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except FileNotFoundError:
        return None


async def async_register_panel(hass: HomeAssistant) -> bool:
    """Serve the bundle and add the panel; return whether the panel exists."""
    if "frontend" not in hass.config.components:
        return False
    if frontend.async_panel_exists(hass, PANEL_URL_PATH):
        return True
    folder = FRONTEND_DIR
    version = await hass.async_add_executor_job(_bundle_hash, folder / BUNDLE)
    if version is None:
        LOGGER.warning("The panel's bundle %s is missing; no panel", folder / BUNDLE)
        return False
    if frontend.async_panel_exists(hass, PANEL_URL_PATH):
        return True
    if _DATA_STATIC not in hass.data:
        hass.data[_DATA_STATIC] = True
        await hass.http.async_register_static_paths(
            [StaticPathConfig(STATIC_URL, str(folder), cache_headers=False)]
        )
    await panel_custom.async_register_panel(
        hass,
        frontend_url_path=PANEL_URL_PATH,
        webcomponent_name=WEBCOMPONENT,
        sidebar_title="Provisioning",
        sidebar_icon="mdi:qrcode-scan",
        module_url=f"{STATIC_URL}/{BUNDLE}?v={version}",
        config_panel_domain=DOMAIN,
        require_admin=True,
    )
    return True


@callback
def async_remove_panel(hass: HomeAssistant) -> None:
    """Remove the panel (the static files stay served)."""
    if "frontend" not in hass.config.components:
        return
    if frontend.async_panel_exists(hass, PANEL_URL_PATH):
        frontend.async_remove_panel(hass, PANEL_URL_PATH)
