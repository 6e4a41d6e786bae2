"""Every screen of the panel as a new user sees it, on a desktop and on a phone
(390x844), in the light and the dark theme: the list (with entries, and with a
search that matches nothing), each way of the Add dialog, a CSV import with a
bad line, Edit with a wrong key, Delete, a browser with no camera, and a
camera the site is not allowed to use.

The screenshots (``.cache/screenshots/test_screens-…``) are for looking at;
the assertions are about what the user can see and do on each screen.
"""

from __future__ import annotations

from collections.abc import Callable
import pathlib

from playwright.sync_api import Browser, Page, Playwright, expect
import pytest

from .conftest import TIMEOUT_MS, launch
from .harness import VIEWPORT, Instance, camera_args
from .labels import (
    VIDEO_SIZE,
    install_code,
    label_photo,
    qr_png,
    y4m_video,
    zigbee_text,
)
from .test_panel import KITCHEN, KITCHEN_CODE, open_add, open_panel, row

Shot = Callable[[Page, str], pathlib.Path]

LOOKS = {
    "desktop-dark": ({"width": 1280, "height": 800}, "dark", 1),
    "phone-light": ({"width": 390, "height": 844}, "light", 2),
    "phone-dark": ({"width": 390, "height": 844}, "dark", 3),
}


def open_look(browser: Browser, login_state: pathlib.Path, look: str) -> Page:
    viewport, scheme, _ = LOOKS[look]
    context = browser.new_context(
        viewport=viewport,  # type: ignore[arg-type]
        storage_state=login_state,
        locale="en-GB",
        color_scheme=scheme,  # type: ignore[arg-type]
        has_touch=viewport["width"] < 600,
    )
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


def background(page: Page, selector: str) -> tuple[int, ...]:
    """The computed background colour of ``selector`` as RGB numbers."""
    value = page.locator(selector).first.evaluate(
        "el => getComputedStyle(el).backgroundColor"
    )
    numbers = value[value.index("(") + 1 : value.index(")")].split(",")
    return tuple(round(float(n)) for n in numbers[:3])


@pytest.mark.parametrize("look", list(LOOKS))
def test_screens(
    browser: Browser,
    login_state: pathlib.Path,
    instance: Instance,
    shot: Shot,
    look: str,
) -> None:
    page = open_look(browser, login_state, look)
    try:
        _walk(page, instance, shot, look)
    finally:
        page.context.close()


def _walk(page: Page, instance: Instance, shot: Shot, look: str) -> None:
    viewport, scheme, seed = LOOKS[look]
    phone = viewport["width"] < 600
    if phone:
        page.goto(f"{instance.base}/provisioning")
        expect(page.locator("provisioning-panel #add")).to_be_visible()
        expect(page.locator("provisioning-panel #menu")).to_be_visible()
    else:
        open_panel(page, instance)
    panel = page.locator("provisioning-panel")
    expect(panel.locator("#loading")).to_have_count(0)
    # The panel follows the theme: dark cards on a dark page, light on light.
    card = background(page, "provisioning-panel provisioning-window-card .card")
    assert (sum(card) < 200) == (scheme == "dark"), card
    if panel.locator("#empty").is_visible():
        # The first of these tests, on its own: an empty list says so.
        expect(panel.locator("#empty")).to_have_text(
            "No device is on the provisioning list yet."
        )
        shot(page, "empty")

    # Import CSV: one good line, one bad; the chosen file is named.
    ieee = f"00:0d:6f:00:00:00:50:0{seed}"
    dialog = open_add(page, "import")
    pick = dialog.locator("label[for=csv]")
    expect(pick).to_be_visible()
    expect(dialog.locator("#csv-name")).to_have_text("No file chosen")
    shot(page, "import")
    # From the keyboard: Tab from the tab reaches the hidden input, its button
    # shows the focus ring, and Space opens the file chooser.
    dialog.locator("#tab-import").focus()
    page.keyboard.press("Tab")
    expect(dialog.locator("#csv")).to_be_focused()
    assert pick.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    csv = (
        "ieee,install_code,name\n"
        f"{ieee},{install_code(10 + seed)},Imported {look}\n"
        f"00:0d:6f:00:00:00:5f:0{seed},0011,Broken\n"
        f"00:0d:6f:00:00:00:6f:0{seed},{install_code(20 + seed)},{'x' * 300}\n"
    )
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files(
        {"name": "devices.csv", "mimeType": "text/csv", "buffer": csv.encode()}
    )
    expect(dialog.locator("#status .alert")).to_have_attribute("data-kind", "ok")
    errors = dialog.locator("#import-errors li")
    expect(errors).to_have_count(2)
    # Each line's error is its translated text, placeholders filled in.
    expect(errors.nth(0)).to_contain_text("Line 3")
    expect(errors.nth(0)).to_contain_text("4-digit checksum")
    expect(errors.nth(1)).to_have_text(
        "Line 4: The name is longer than 255 characters."
    )
    expect(dialog.locator("#csv-name")).to_have_text("devices.csv")
    expect(row(page, ieee)).to_have_attribute("data-status", "pending")
    shot(page, "imported")
    dialog.locator("#add-close").click()
    expect(dialog).to_be_hidden()
    shot(page, "list")
    # Nothing matches: the table says so.
    panel.locator("#search").fill("no such device")
    expect(panel.locator("#empty")).to_contain_text("No device matches")
    shot(page, "no-match")
    panel.locator("#search").fill("")
    dialog = open_add(page, "import")

    # Photo: a button with the camera's own icon, no file chosen yet.
    dialog.locator("#tab-photo").click()
    expect(dialog.locator("label[for=photo]")).to_contain_text("Choose a photo")
    expect(dialog.locator("#photo")).to_have_attribute("capture", "environment")
    expect(dialog.locator("#photo")).to_have_attribute("accept", "image/*")
    expect(dialog.locator("#photo-name")).to_have_text("No file chosen")
    shot(page, "photo")
    dialog.locator("#tab-type").click()
    expect(dialog.locator("#type-add")).to_be_visible()
    shot(page, "type")
    # Scan in a browser without a camera: said in words, Photo offered.
    dialog.locator("#tab-scan").click()
    unavailable = dialog.locator("#camera-unavailable")
    expect(unavailable).to_be_visible()
    expect(unavailable).not_to_contain_text("Error")
    expect(unavailable).to_contain_text("photo")
    shot(page, "scan")
    dialog.locator("#add-close").click()
    expect(dialog).to_be_hidden()

    # Edit with a wrong key: the error is on the key; nothing typed is lost.
    row(page, ieee).locator("[data-action=edit]").click()
    edit = page.locator("provisioning-edit-dialog dialog")
    expect(edit).to_be_visible()
    edit.locator("#edit-name").fill(f"Renamed {look}")
    edit.locator("#edit-key input").fill("0011")
    edit.locator("#edit-save").click()
    expect(edit.locator("#edit-key #error")).to_be_visible()
    expect(edit.locator("#edit-name")).to_have_value(f"Renamed {look}")
    shot(page, "edit-error")
    edit.locator("#edit-cancel").click()
    expect(edit).to_be_hidden()

    # Delete asks first; Cancel keeps the entry.
    row(page, ieee).locator("[data-action=delete]").click()
    delete = page.locator("provisioning-delete-dialog dialog")
    expect(delete).to_be_visible()
    expect(delete).to_contain_text(ieee)
    shot(page, "delete")
    delete.locator("#delete-cancel").click()
    expect(delete).to_be_hidden()
    expect(row(page, ieee)).to_have_count(1)


def test_camera_denied_then_allowed(
    playwright: Playwright,
    instance: Instance,
    login_state: pathlib.Path,
    shot: Shot,
    tmp_path: pathlib.Path,
) -> None:
    """A camera the site may not use is explained; Retry after allowing it opens it."""
    symbol = qr_png(zigbee_text(KITCHEN, KITCHEN_CODE), tmp_path / "qr.png")
    photo = label_photo(symbol, "label", tmp_path / "frame.png", VIDEO_SIZE)
    video = y4m_video(tmp_path / "label.y4m", photo)
    # A fake camera, but no fake permission prompt: the page is refused.
    args = [a for a in camera_args(video) if a != "--use-fake-ui-for-media-stream"]
    browser = launch(playwright, args)
    try:
        context = browser.new_context(viewport=VIEWPORT, storage_state=login_state)
        page = context.new_page()
        open_panel(page, instance)
        dialog = open_add(page, "scan")
        unavailable = dialog.locator("#camera-unavailable")
        expect(unavailable).to_have_attribute("data-problem", "denied")
        expect(unavailable).to_contain_text("not allowed to use the camera")
        expect(unavailable).not_to_contain_text("NotAllowedError")
        expect(dialog.locator("#use-photo")).to_be_visible()
        shot(page, "denied")
        context.grant_permissions(["camera"], origin=instance.base)
        dialog.locator("#camera-retry").click()
        expect(unavailable).to_have_count(0)
        expect(dialog.locator("#video")).to_be_visible()
        expect(dialog.locator("#scan-hint")).to_contain_text("Hold the label")
    finally:
        browser.close()
