"""The Provisioning sidebar panel: registered for admins, served, removed on unload;
the server's time in the list's snapshot, which the panel's relative times use."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
import hashlib
from pathlib import Path

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.typing import (
    ClientSessionGenerator,
    WebSocketGenerator,
)

from custom_components.provisioning import panel
from custom_components.provisioning.const import DOMAIN
from tests.conftest import add_provisioning_entry

BUNDLE = b"customElements.define('provisioning-panel', class extends HTMLElement {});"


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A panel bundle in a folder of its own."""
    (tmp_path / panel.BUNDLE).write_bytes(BUNDLE)
    (tmp_path / "zxing_reader.wasm").write_bytes(b"\0asm")
    monkeypatch.setattr(panel, "FRONTEND_DIR", tmp_path)
    return tmp_path


async def get_panels(hass: HomeAssistant, ws: WebSocketGenerator, **token: str):
    """Return the panels a user sees."""
    client = await ws(hass, **token)
    await client.send_json_auto_id({"type": "get_panels"})
    response = await client.receive_json()
    assert response["success"]
    return response["result"]


async def test_panel_for_admins_served_and_removed(
    hass: HomeAssistant,
    *,
    zha_entry: ConfigEntry,
    bundle: Path,
    hass_ws_client: WebSocketGenerator,
    hass_client: ClientSessionGenerator,
    hass_read_only_access_token: str,
) -> None:
    """The panel appears with the first list, only for admins, and goes with it."""
    assert await async_setup_component(hass, "frontend", {})
    entry = await add_provisioning_entry(hass)

    assert await panel.async_register_panel(hass)  # already there: kept
    panels = await get_panels(hass, hass_ws_client)
    found = panels["provisioning"]
    version = hashlib.sha256(BUNDLE).hexdigest()[:16]
    assert found["component_name"] == "custom"
    assert found["title"] == "Provisioning"
    assert found["icon"] == "mdi:qrcode-scan"
    assert found["require_admin"] is True
    assert found["config_panel_domain"] == "provisioning"
    custom = found["config"]["_panel_custom"]
    assert custom["name"] == "provisioning-panel"
    assert (
        custom["module_url"]
        == f"/provisioning_static/provisioning-panel.js?v={version}"
    )
    assert custom["embed_iframe"] is False
    users = await get_panels(
        hass, hass_ws_client, access_token=hass_read_only_access_token
    )
    assert "provisioning" not in users

    client = await hass_client()
    response = await client.get(custom["module_url"])
    assert response.status == 200
    assert await response.read() == BUNDLE
    response = await client.get("/provisioning_static/zxing_reader.wasm")
    assert response.status == 200

    # Reloading keeps one panel and one static route
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert "provisioning" in await get_panels(hass, hass_ws_client)

    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    assert "provisioning" not in await get_panels(hass, hass_ws_client)

    # Loading again brings it back; the static files were never unregistered
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert "provisioning" in await get_panels(hass, hass_ws_client)
    await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()


async def test_no_panel_without_frontend_or_bundle(
    hass: HomeAssistant,
    zha_entry: ConfigEntry,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Without the frontend the list still works; without the bundle, no panel."""
    entry = await add_provisioning_entry(hass)
    assert "frontend" not in hass.config.components
    assert not await panel.async_register_panel(hass)
    panel.async_remove_panel(hass)
    await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()

    monkeypatch.setattr(panel, "FRONTEND_DIR", tmp_path)
    assert await async_setup_component(hass, "frontend", {})
    assert not await panel.async_register_panel(hass)
    assert "bundle" in caplog.text
    assert "provisioning" not in hass.data["frontend_panels"]


async def test_real_bundle_is_served(
    hass: HomeAssistant,
    zha_entry: ConfigEntry,
    hass_client: ClientSessionGenerator,
) -> None:
    """The committed bundle and its decoder are what the panel loads."""
    bundle = (panel.FRONTEND_DIR / panel.BUNDLE).read_bytes()
    assert await async_setup_component(hass, "frontend", {})
    entry = await add_provisioning_entry(hass)
    custom = hass.data["frontend_panels"]["provisioning"].config["_panel_custom"]
    assert custom["module_url"].endswith(
        f"?v={hashlib.sha256(bundle).hexdigest()[:16]}"
    )
    client = await hass_client()
    response = await client.get(custom["module_url"])
    assert response.status == 200
    assert await response.read() == bundle
    response = await client.get("/provisioning_static/zxing_reader.wasm")
    assert response.status == 200
    await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()


async def test_snapshot_carries_the_servers_time(
    hass: HomeAssistant,
    provisioning_entry: ConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """The snapshot's ``now`` is the server's UTC time, not before any entry's change.

    The panel compares times with it, so a browser whose clock is off still
    shows a device that just changed as changed "now", never in the future.
    """
    await hass.services.async_call(
        DOMAIN,
        "add_device",
        {"ieee": "00:11:22:33:44:55:66:77", "link_key": "00" * 15 + "01"},
        blocking=True,
    )
    client = await hass_ws_client(hass)
    before = dt_util.utcnow()
    await client.send_json_auto_id({"type": f"{DOMAIN}/entries/subscribe"})
    async with asyncio.timeout(30):
        assert (await client.receive_json())["success"]
        snapshot = (await client.receive_json())["event"]
    after = dt_util.utcnow()
    assert snapshot["type"] == "snapshot"
    now = datetime.fromisoformat(snapshot["now"])
    assert now.utcoffset() == timedelta(0)
    assert before <= now <= after
    [entry] = snapshot["entries"]
    assert datetime.fromisoformat(entry["updated_at"]) <= now
