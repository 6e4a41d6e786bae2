"""Times in the panel against the server's clock: a device that just changed
reads "now" (never "in 19 seconds"), relative times tick by themselves, and a
browser whose clock is off (Playwright's clock, minutes behind or an hour
ahead of Home Assistant's) shows the same times and the same countdown.

Every test adds its own devices (its own IEEE addresses).
"""

from __future__ import annotations

from collections.abc import Iterator
import pathlib
import re
import time

from playwright.sync_api import Browser, Locator, Page, expect
import pytest

from .conftest import open_page
from .harness import Instance
from .labels import install_code, zigbee_text
from .test_panel import open_panel, row

FUTURE = re.compile(r"^in ")
SECONDS_AGO = re.compile(r"^\d+ seconds ago$")


def last_change(page: Page, ieee: str) -> Locator:
    return row(page, ieee).locator(".col-updated time")


def add_device(instance: Instance, ieee: str, seed: int, name: str) -> None:
    """Add a device elsewhere (a script calls the service), as while the panel watches."""
    instance.rest(
        "/api/services/provisioning/add_device",
        {"qr_code": zigbee_text(ieee, install_code(seed)), "name": name},
    )


@pytest.fixture
def skewed(
    browser: Browser, login_state: pathlib.Path, request: pytest.FixtureRequest
) -> Iterator[Page]:
    """A page whose clock is ``request.param`` seconds off the real one."""
    page = open_page(browser, login_state)
    page.clock.install(time=time.time() + request.param)
    yield page
    page.context.close()


def test_a_new_row_is_now_and_ticks(page: Page, instance: Instance) -> None:
    """Same clock: rows that arrive while the table is open read "now", then tick."""
    first, second = "00:0d:6f:00:00:00:40:01", "00:0d:6f:00:00:00:40:02"
    open_panel(page, instance)
    add_device(instance, first, 31, "Attic light")
    expect(last_change(page, first)).to_have_text("now")
    # Nothing else changes on the page: the time moves on by itself.
    expect(last_change(page, first)).to_have_text(SECONDS_AGO)
    # The table was drawn more than ten seconds ago; a row that arrives now
    # is compared with the time now, not with when the table was drawn.
    add_device(instance, second, 32, "Attic plug")
    expect(last_change(page, second)).to_have_text("now")
    expect(last_change(page, first)).to_have_text(SECONDS_AGO)


@pytest.mark.parametrize(
    ("skewed", "ieee", "seed"),
    [(-300, "00:0d:6f:00:00:00:40:11", 33), (3600, "00:0d:6f:00:00:00:40:12", 34)],
    ids=["browser-5-min-behind", "browser-1-h-ahead"],
    indirect=["skewed"],
)
def test_a_browser_clock_that_is_off(
    skewed: Page, instance: Instance, ieee: str, seed: int
) -> None:
    page = skewed
    open_panel(page, instance)
    add_device(instance, ieee, seed, "Cellar light")
    # Not "in 5 minutes" (behind), not "1 hour ago" (ahead).
    expect(last_change(page, ieee)).to_have_text("now")
    expect(last_change(page, ieee)).not_to_have_text(FUTURE)
    # The admission window counts down from what the server says is left.
    page.locator("provisioning-panel #window-duration").select_option("180")
    page.locator("provisioning-panel #window-start").click()
    try:
        expect(page.locator("provisioning-panel #window-countdown")).to_have_text(
            re.compile(r"^(3:00|2:[0-5]\d) left$")
        )
    finally:
        page.locator("provisioning-panel #window-stop").click()
        expect(page.locator("provisioning-panel #window-state")).to_contain_text(
            "Closed"
        )
    # It keeps ticking with the browser's timers.
    page.clock.fast_forward("01:05")
    expect(last_change(page, ieee)).to_have_text("1 minute ago")
