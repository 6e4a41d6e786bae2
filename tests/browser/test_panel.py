"""The Provisioning panel in Chromium, against a real Home Assistant and ZHA on
the virtual coordinator: typing a code, photos of QR and Data Matrix labels, the
live camera, and a device joining while the table is watched.

Every test adds its own devices (its own IEEE addresses), so the tests do not
depend on each other's order.
"""

from __future__ import annotations

from collections.abc import Callable
import pathlib
import re

from playwright.sync_api import Locator, Page, Playwright, expect
import pytest

from .conftest import deep_text, launch
from .harness import VIEWPORT, Instance, camera_args, wait_until
from .labels import (
    VIDEO_SIZE,
    datamatrix_png,
    install_code,
    label_photo,
    qr_png,
    y4m_video,
    zigbee_text,
)

Shot = Callable[[Page, str], pathlib.Path]
KITCHEN = "00:11:22:33:44:55:66:77"
KITCHEN_CODE = "83FED3407A939723A5C639B26916D505C3B5"
BAD_CRC = "The checksum of the install code does not match"


def open_panel(page: Page, instance: Instance) -> None:
    """Open the panel from the sidebar, as a user does."""
    page.goto(f"{instance.base}/config/integrations/dashboard")
    page.locator("ha-sidebar").get_by_text("Provisioning", exact=True).click()
    expect(page).to_have_url(f"{instance.base}/provisioning")
    expect(page.locator("provisioning-panel #add")).to_be_visible()
    expect(page.locator("provisioning-panel #loading")).to_have_count(0)


def row(page: Page, ieee: str) -> Locator:
    return page.locator(f"provisioning-panel [data-ieee='{ieee}']")


def open_add(page: Page, tab: str) -> Locator:
    page.locator("provisioning-panel #add").click()
    dialog = page.locator("provisioning-add-dialog dialog")
    expect(dialog).to_be_visible()
    dialog.locator(f"#tab-{tab}").click()
    return dialog


def test_add_by_typing(page: Page, instance: Instance, shot: Shot) -> None:
    open_panel(page, instance)
    shot(page, "panel")
    dialog = open_add(page, "type")
    qr_input = dialog.locator("#type-qr input")
    wrong = f"Z:{KITCHEN.replace(':', '')}$I:{KITCHEN_CODE[:-1]}4"
    qr_input.fill(wrong)
    dialog.locator("#type-name").fill("Kitchen light")
    dialog.locator("#type-add").click()
    expect(dialog.locator("#type-qr #error")).to_contain_text(BAD_CRC)
    # What was typed stays, to be corrected.
    expect(qr_input).to_have_value(wrong)
    expect(dialog.locator("#type-name")).to_have_value("Kitchen light")
    shot(page, "wrong-checksum")
    qr_input.fill(zigbee_text(KITCHEN, KITCHEN_CODE))
    dialog.locator("#type-add").click()
    entry = row(page, KITCHEN)
    expect(entry).to_have_attribute("data-status", "pending")
    expect(entry).to_contain_text("Kitchen light")
    expect(entry).to_contain_text("Pending")
    dialog.locator("#add-close").click()
    expect(dialog).to_be_hidden()
    # What was typed is forgotten with the dialog; no key is shown anywhere.
    text = deep_text(page)
    assert "Kitchen light" in text
    assert KITCHEN_CODE[:8] not in text
    shot(page, "added")


@pytest.mark.parametrize(
    "label",
    [
        ("qr", "00:0d:6f:00:00:00:10:01", 1),
        ("datamatrix", "00:0d:6f:00:00:00:10:02", 2),
    ],
    ids=["qr", "datamatrix"],
)
def test_add_from_a_photo(
    page: Page,
    instance: Instance,
    shot: Shot,
    tmp_path: pathlib.Path,
    label: tuple[str, str, int],
) -> None:
    symbology, ieee, seed = label
    code = install_code(seed)
    text = zigbee_text(ieee, code)
    make = qr_png if symbology == "qr" else datamatrix_png
    symbol = make(text, tmp_path / f"{symbology}.png")
    photo = label_photo(symbol, f"IEEE {ieee}", tmp_path / "photo.png", (1600, 1200))
    open_panel(page, instance)
    dialog = open_add(page, "photo")
    expect(dialog.locator("label[for=photo]")).to_be_visible()
    dialog.locator("#photo").set_input_files(photo)
    expect(dialog.locator("#read-ieee")).to_have_text(ieee)
    expect(dialog.locator("#photo-name")).to_have_text("photo.png")
    expect(dialog.locator("#read-format")).to_contain_text("zigbee", ignore_case=True)
    expect(dialog.locator("#read-key")).to_contain_text("Install code")
    assert code[:8] not in deep_text(page)
    dialog.locator("#read-name").fill(f"Photo {symbology}")
    shot(page, "read")
    dialog.locator("#read-add").click()
    expect(row(page, ieee)).to_have_attribute("data-status", "pending")
    expect(row(page, ieee)).to_contain_text(f"Photo {symbology}")


def test_add_with_the_live_camera(
    playwright: Playwright,
    instance: Instance,
    login_state: pathlib.Path,
    shot: Shot,
    tmp_path: pathlib.Path,
) -> None:
    # The camera shows one label, then another (one second each, in a loop).
    labels = [("00:0d:6f:00:00:00:20:01", install_code(3), "Hall sensor")]
    labels.append(("00:0d:6f:00:00:00:20:02", install_code(5), "Hall light"))
    photos = []
    for number, (ieee, code, _) in enumerate(labels):
        symbol = qr_png(zigbee_text(ieee, code), tmp_path / f"qr{number}.png")
        photos.append(
            label_photo(
                symbol, f"IEEE {ieee}", tmp_path / f"frame{number}.png", VIDEO_SIZE
            )
        )
    video = y4m_video(tmp_path / "labels.y4m", *photos)
    browser = launch(playwright, camera_args(video))
    try:
        context = browser.new_context(viewport=VIEWPORT, storage_state=login_state)
        context.grant_permissions(["camera"], origin=instance.base)
        page = context.new_page()
        open_panel(page, instance)
        dialog = open_add(page, "scan")
        expect(dialog.locator("#video")).to_be_visible()
        seen: set[str] = set()
        for _ in labels:
            # Whichever label the camera shows first, then the other one:
            # scanning goes on after Add, and a listed label is not offered again.
            read = dialog.locator("#read-ieee")
            expect(read).to_have_text(re.compile("|".join(i for i, _, _ in labels)))
            ieee = read.inner_text()
            assert ieee not in seen
            seen.add(ieee)
            _, code, name = next(label for label in labels if label[0] == ieee)
            expect(dialog.locator("#read-format")).to_contain_text(
                "zigbee", ignore_case=True
            )
            expect(dialog.locator("#read-key")).to_contain_text("Install code")
            assert code[:8] not in deep_text(page)
            # While the read waits for Add or Skip, the camera stays in view,
            # and the read is told once (its card), not again in a banner.
            expect(dialog.locator("#video")).to_be_visible()
            expect(dialog.locator("#read")).to_contain_text("Read from the label")
            expect(dialog.locator("#status")).not_to_contain_text("Read from")
            dialog.locator("#read-name").fill(name)
            if len(seen) == 1:
                shot(page, "read")
            dialog.locator("#read-add").click()
            expect(row(page, ieee)).to_have_attribute("data-status", "pending")
            expect(row(page, ieee)).to_contain_text(name)
            # This read is done: the card is gone or shows the next label.
            expect(dialog.locator("#read-ieee", has_text=ieee)).to_have_count(0)
        # Both listed: the camera keeps running and offers neither again.
        expect(dialog.locator("#video")).to_be_visible()
        expect(dialog.locator("#read-add")).to_have_count(0)
        shot(page, "scanning-on")
    finally:
        browser.close()


def test_device_joins_live(page: Page, instance: Instance, shot: Shot) -> None:
    ieee = "00:0d:6f:00:00:00:30:01"
    code = install_code(4)
    open_panel(page, instance)
    entry = row(page, ieee)
    expect(entry).to_have_count(0)
    # Added elsewhere (a script calls the service): the row appears live.
    instance.rest(
        "/api/services/provisioning/add_device",
        {"qr_code": zigbee_text(ieee, code), "name": "Porch light"},
    )
    expect(entry).to_have_attribute("data-status", "pending")
    expect(entry).to_contain_text("Porch light")
    # Closed network: the device cannot join yet.
    assert instance.plug_in(ieee, install_code=code)["joined"] is False
    page.locator("provisioning-panel #window-start").click()
    expect(page.locator("provisioning-panel #window-stop")).to_be_visible()
    wait_until(
        lambda: instance.control(op="status")["permit_open"],
        30,
        "the coordinator to permit joining",
    )
    shot(page, "window-open")
    joined = instance.plug_in(
        ieee, install_code=code, manufacturer="Acme", model="Bulb"
    )
    assert joined["joined"] is True, joined
    # The row turns Joined live: no reload.
    expect(entry).to_have_attribute("data-status", "joined", timeout=60_000)
    expect(entry).to_contain_text("Joined")
    shot(page, "joined")
    # The window closes by itself once no entry is pending any more; else Stop.
    stop = page.locator("provisioning-panel #window-stop")
    if stop.is_visible():
        stop.click()
    expect(page.locator("provisioning-panel #window-state")).to_contain_text("Closed")
    wait_until(
        lambda: not instance.control(op="status")["permit_open"],
        30,
        "the coordinator to close the network",
    )
