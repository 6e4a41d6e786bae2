"""The panel's technology column, filter and inputs on a Zigbee network, in
Chromium against a real Home Assistant and ZHA on the virtual coordinator.

With Z-Wave beside Zigbee, every row names its technology and its identity
(``data-id``; an IEEE address for Zigbee), the table filters by technology,
and the Add dialog offers only the chosen network's inputs: on a Zigbee
network no DSK field and no security classes. Every test adds its own devices
(its own IEEE addresses), so the tests do not depend on each other's order.
"""

from __future__ import annotations

from collections.abc import Callable
import pathlib

from playwright.sync_api import Page, expect

from .harness import Instance
from .labels import install_code, zigbee_text
from .test_panel import open_add, open_panel, row

Shot = Callable[[Page, str], pathlib.Path]


def test_zigbee_rows_name_their_technology_and_filter(
    page: Page, instance: Instance, shot: Shot
) -> None:
    ieee = "00:0d:6f:00:00:00:a0:01"
    code = install_code(11)
    instance.rest(
        "/api/services/provisioning/add_device",
        {"qr_code": zigbee_text(ieee, code), "name": "Stair light"},
    )
    open_panel(page, instance)
    panel = page.locator("provisioning-panel")
    entry = row(page, ieee)
    expect(entry).to_have_attribute("data-id", ieee)
    expect(entry).to_have_attribute("data-technology", "zigbee")
    expect(entry.locator(".col-technology")).to_have_text("Zigbee")
    expect(entry.locator(".col-ieee")).to_have_text(ieee)
    expect(panel.locator("[data-sort=technology]")).to_contain_text("Technology")
    # The technology filter, beside the status filter.
    zwave = panel.locator("[data-technology-filter=zwave]")
    expect(zwave).to_have_attribute("aria-pressed", "false")
    zwave.click()
    expect(zwave).to_have_attribute("aria-pressed", "true")
    expect(entry).to_have_count(0)
    expect(panel.locator("#count")).to_contain_text("0 of")
    shot(page, "zwave-filter")
    panel.locator("[data-technology-filter=zigbee]").click()
    expect(entry).to_have_count(1)
    expect(panel.locator("[data-technology-filter=zigbee]")).to_have_attribute(
        "aria-pressed", "true"
    )
    panel.locator("[data-technology-filter=all]").click()
    expect(entry).to_have_count(1)
    # A search for the IEEE address without colons still finds it.
    panel.locator("#search").fill(ieee.replace(":", "")[-8:])
    expect(entry).to_have_count(1)


def test_zigbee_network_offers_only_zigbee_inputs(
    page: Page, instance: Instance
) -> None:
    open_panel(page, instance)
    dialog = open_add(page, "type")
    expect(dialog.locator("#mode-qr")).to_be_visible()
    expect(dialog.locator("#mode-fields")).to_be_visible()
    expect(dialog.locator("#mode-dsk")).to_have_count(0)
    dialog.locator("#mode-fields").check()
    expect(dialog.locator("#type-ieee")).to_be_visible()
    expect(dialog.locator("#type-dsk")).to_have_count(0)
    expect(dialog.locator("[name=security_classes]")).to_have_count(0)
    dialog.locator("#tab-scan").click()
    expect(dialog.locator("#tab-scan")).to_have_attribute("aria-selected", "true")
    dialog.locator("#tab-photo").click()
    expect(dialog.locator("#photo-hint")).to_contain_text("QR or Data Matrix")
    dialog.locator("#tab-import").click()
    expect(dialog.locator("#import-hint")).to_contain_text("install_code")
    expect(dialog.locator("#import-hint")).not_to_contain_text("dsk")
