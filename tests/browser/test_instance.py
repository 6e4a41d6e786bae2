"""The harness itself: a newcomer's instance, logged into through the login page."""

from __future__ import annotations

from collections.abc import Callable
import pathlib

from playwright.sync_api import Browser, Page, expect

from .conftest import log_in
from .harness import VIEWPORT, Instance


def test_log_in_and_see_the_integration(
    browser: Browser, instance: Instance, shot: Callable[[Page, str], pathlib.Path]
) -> None:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    try:
        page.goto(instance.base)
        expect(page.get_by_role("button", name="Log in")).to_be_visible()
        shot(page, "login")
        log_in(page, instance.base)
        page.goto(f"{instance.base}/config/integrations/dashboard")
        expect(page.get_by_text("Device Provisioning").first).to_be_visible()
        expect(page.get_by_text("Zigbee Home Automation").first).to_be_visible()
        shot(page, "integrations")
    finally:
        context.close()


def test_add_zigbee_network_explains_when_every_coordinator_has_its_list(
    page: Page, instance: Instance, shot: Callable[[Page, str], pathlib.Path]
) -> None:
    """One list per coordinator: the integration page's add button is named for
    what it does, and, with the only coordinator bound, says where devices go."""
    page.goto(f"{instance.base}/config/integrations/integration/provisioning")
    add_network = page.get_by_role("button", name="Add Zigbee network")
    expect(add_network).to_be_visible()
    expect(page.get_by_role("button", name="Add device")).to_be_visible()
    add_network.click()
    explanation = page.get_by_text("one provisioning list per Zigbee coordinator")
    expect(explanation).to_be_visible()
    expect(page.get_by_text("Provisioning panel in the sidebar")).to_be_visible()
    shot(page, "add-network-explained")
