"""Z-Wave SmartStart in the panel, in Chromium against a real Home Assistant
with ZHA on the virtual coordinator and Z-Wave JS on the virtual Z-Wave
controller (a real @zwave-js/server); both networks have a provisioning list.

What it checks, as a user sees it:
- use case 1 with a Z-Wave label: the fake camera shows a virtual device's
  SmartStart label, Add lists it, Admit opens the window, the device is
  powered, and the row turns Joined with its node, live;
- the network picker lists the Z-Wave network by its title; choosing it, the
  Add dialog offers only Z-Wave inputs (a DSK with the security classes to
  grant, the three S2 classes checked at first; no IEEE, no install code);
- a typed DSK with a typing error is told at once, without anything sent;
  a good one is added, and the row shows the masked DSK, the classes and
  "Z-Wave"; the PIN is never in the page (text or field values) once sent,
  and the DSK field is empty when the dialog opens again;
- a photo of a SmartStart label shows what the label says (masked DSK,
  classes), and Add lists it; a Zigbee label is refused on a Z-Wave network;
- a QR code with a wrong checksum is refused with its translated error;
- an entry Z-Wave JS holds that the list did not create is read-only, marked
  "From Z-Wave JS" (shown when the panel opens: zwave-js announces no change
  of its list), and Adopt takes it into the list.

Every test uses its own DSKs, so the tests do not depend on each other's order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
import contextlib
from dataclasses import dataclass
import pathlib
import subprocess
from typing import Any

from playwright.sync_api import Browser, Locator, Page, Playwright, expect
import pytest
import pytest_socket

from scripts import develop_zwave
from scripts.develop import (
    DevelopError,
    free_ports,
    hass_env,
    link_integration,
    login,
    onboard,
    seed_onboarding,
    seed_zha_entry,
    set_http,
    start_coordinator,
    start_hass,
    wait_for_http,
    wait_until_running,
)
from virtual_zwave.__main__ import label_of
from virtual_zwave.label import SmartStartLabel
from virtual_zwave.runner import control_request

from .conftest import deep_text, launch, log_in, open_page
from .harness import (
    START_TIMEOUT,
    VIEWPORT,
    Instance,
    camera_args,
    wait_until,
    write_configuration,
)
from .labels import (
    VIDEO_SIZE,
    install_code,
    label_photo,
    qr_png,
    y4m_video,
    zigbee_text,
)

Shot = Callable[[Page, str], pathlib.Path]
# zwave-js's classes: 0 S2_Unauthenticated, 1 S2_Authenticated, 2 S2_AccessControl, 7 S0_Legacy.
ALL_S2 = (0, 1, 2)
# A lock's generic and specific device classes (Entry Control, Secure Keypad Door Lock).
LOCK = (0x40, 0x03)


def masked(dsk: str) -> str:
    return "xxxxx" + dsk[5:]


def dsk(seed: int) -> str:
    """A DSK of eight 16-bit groups; its PIN (first group) is never 0."""
    groups = [(seed * 7919 + i * 4099) % 65536 for i in range(8)]
    groups[0] = 40000 + seed * 1111
    return "-".join(f"{group:05d}" for group in groups)


@dataclass
class ZInstance(Instance):
    """The instance, with the virtual Z-Wave controller's control port."""

    zwave_control: int = 0

    def zwave(self, **req: Any) -> dict[str, Any]:
        """Send one request to the virtual Z-Wave controller's control port."""
        return control_request("127.0.0.1", self.zwave_control, req)


def _entry_id(instance: Instance, domain: str) -> str:
    entries: list[dict[str, Any]] = instance.rest(
        f"/api/config/config_entries/entry?domain={domain}"
    )
    assert entries, f"no {domain} entry"
    return str(entries[0]["entry_id"])


def add_lists(instance: Instance) -> None:
    """Add a provisioning list to both networks, as a user does: Add
    integration, choose the network, Submit."""
    wait_until(
        lambda: (
            instance.rest("/api/config/config_entries/entry?domain=zwave_js")[0][
                "state"
            ]
            == "loaded"
        ),
        START_TIMEOUT,
        "Z-Wave JS to connect to its server",
    )
    choices = (
        f"zha:{_entry_id(instance, 'zha')}",
        f"zwave_js:{_entry_id(instance, 'zwave_js')}",
    )
    for choice in choices:
        flow = instance.rest(
            "/api/config/config_entries/flow", {"handler": "provisioning"}
        )
        if flow.get("type") == "form" and flow.get("step_id") == "user":
            flow = instance.rest(
                f"/api/config/config_entries/flow/{flow['flow_id']}",
                {"network": choice},
            )
        while flow.get("type") == "form":
            flow = instance.rest(
                f"/api/config/config_entries/flow/{flow['flow_id']}", {}
            )
        if flow.get("type") != "create_entry":
            raise DevelopError(f"the config flow did not create an entry: {flow}")
        if choice.startswith("zha:"):
            instance.entry_id = str(flow["result"]["entry_id"])


@contextlib.contextmanager
def running_with_zwave(root: pathlib.Path) -> Iterator[ZInstance]:
    """The browser tests' instance (harness.running) with Z-Wave JS beside ZHA."""
    config = root / "config"
    write_configuration(config)
    link_integration(config)
    http_port = free_ports()
    zigbee = free_ports(2)
    zwave_port = free_ports(3)
    set_http(config, http_port, host="127.0.0.1")
    seed_onboarding(config)
    seed_zha_entry(config, f"socket://127.0.0.1:{zigbee}", "ezsp", 115200)
    log = config / "home-assistant.out"
    instance = ZInstance(
        config=config,
        base=f"http://127.0.0.1:{http_port}",
        control_port=zigbee + 1,
        log=log,
        zwave_control=develop_zwave.ports(zwave_port)[2],
    )
    with log.open("ab") as out, instance.children:
        try:
            start_coordinator(
                instance.children,
                zigbee,
                config / "virtual_coordinator.json",
                stdout=out,
                stderr=subprocess.STDOUT,
            )
            server = develop_zwave.begin(instance.children, config, zwave_port)
            develop_zwave.finish(server, config, zwave_port, progress=lambda _: None)
            hass = start_hass(
                instance.children,
                config,
                hass_env(),
                stdout=out,
                stderr=subprocess.STDOUT,
            )
            wait_for_http(instance.base, hass, START_TIMEOUT)
            onboard(instance.base)
            instance.token = login(instance.base)
            wait_until_running(instance.base, instance.token, hass, START_TIMEOUT)
            add_lists(instance)
        except Exception as err:
            raise DevelopError(
                f"{err}\n--- Home Assistant's log ---\n{instance.log_tail()}"
            ) from err
        yield instance


@pytest.fixture(scope="module")
def zinstance(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ZInstance]:
    pytest_socket.enable_socket()  # set up inside the first test's set-up
    with running_with_zwave(tmp_path_factory.mktemp("hass-zwave")) as started:
        yield started


@pytest.fixture(scope="module")
def zlogin(
    browser: Browser, zinstance: Instance, tmp_path_factory: pytest.TempPathFactory
) -> pathlib.Path:
    path = tmp_path_factory.mktemp("zlogin") / "state.json"
    context = browser.new_context(viewport=VIEWPORT)
    log_in(context.new_page(), zinstance.base)
    context.storage_state(path=path)
    context.close()
    return path


@pytest.fixture
def zpage(browser: Browser, zlogin: pathlib.Path) -> Iterator[Page]:
    page = open_page(browser, zlogin)
    yield page
    page.context.close()


def panel(page: Page) -> Locator:
    return page.locator("provisioning-panel")


def open_zwave_network(page: Page, instance: Instance) -> None:
    """Open the panel and choose the Z-Wave network in the picker."""
    page.goto(f"{instance.base}/provisioning")
    picker = panel(page).locator("#coordinator")
    option = picker.locator("option[data-technology=zwave]")
    expect(option).to_have_count(1)
    expect(option).to_contain_text(develop_zwave.ENTRY_TITLE)
    expect(option).to_contain_text("Z-Wave")
    expect(picker.locator("option[data-technology=zigbee]")).to_have_count(1)
    value = option.get_attribute("value")
    assert value
    picker.select_option(value)
    expect(panel(page).locator("#loading")).to_have_count(0)
    expect(panel(page).locator("#add")).to_be_enabled()


def zrow(page: Page, dsk_text: str) -> Locator:
    return panel(page).locator(f"[data-id='{masked(dsk_text)}']")


def open_add(page: Page, tab: str) -> Locator:
    panel(page).locator("#add").click()
    dialog = page.locator("provisioning-add-dialog dialog")
    expect(dialog).to_be_visible()
    dialog.locator(f"#tab-{tab}").click()
    return dialog


def test_typed_dsk_with_chosen_classes(
    zpage: Page, zinstance: Instance, shot: Shot
) -> None:
    page = zpage
    typed = dsk(1)
    pin = typed[:5]
    open_zwave_network(page, zinstance)
    dialog = open_add(page, "type")
    expect(dialog.locator("#mode-fields")).to_have_count(0)
    dialog.locator("#mode-dsk").check()
    expect(dialog.locator("#type-ieee")).to_have_count(0)
    expect(dialog.locator("#type-key")).to_have_count(0)
    expect(dialog.locator("#type-dsk #hint")).to_contain_text("12345-12345-")
    for name, checked in (
        ("S2_AccessControl", True),
        ("S2_Authenticated", True),
        ("S2_Unauthenticated", True),
        ("S0_Legacy", False),
    ):
        box = dialog.locator(f"#class-{name}")
        expect(box).to_be_checked(checked=checked)
    field = dialog.locator("#type-dsk input")
    expect(field).to_have_attribute("type", "password")
    # A typing error is told before anything is sent.
    field.fill(typed[:-6])
    dialog.locator("#type-add").click()
    expect(dialog.locator("#type-dsk #error")).to_contain_text(
        "eight groups of five digits"
    )
    field.fill(typed[:12] + "70000" + typed[17:])
    dialog.locator("#type-add").click()
    expect(dialog.locator("#type-dsk #error")).to_contain_text("Group 3")
    shot(page, "dsk-error")
    field.fill(typed)
    dialog.locator("#class-S2_AccessControl").uncheck()
    dialog.locator("#type-name").fill("Front door")
    dialog.locator("#type-add").click()
    expect(dialog.locator("#status")).to_contain_text("Front door added")
    # Sent once: the field is empty for the next device.
    expect(field).to_have_value("")
    entry = zrow(page, typed)
    expect(entry).to_have_attribute("data-technology", "zwave")
    expect(entry).to_have_attribute("data-status", "pending")
    expect(entry).to_contain_text("Front door")
    expect(entry.locator(".col-technology")).to_have_text("Z-Wave")
    expect(entry.locator(".col-ieee .dsk")).to_have_text(masked(typed))
    # the classes in zwave-js's order, as the list gives them
    expect(entry.locator(".col-ieee .classes")).to_have_text(
        "S2 Unauthenticated, S2 Authenticated"
    )
    assert pin not in deep_text(page)
    dialog.locator("#add-close").click()
    expect(dialog).to_be_hidden()
    assert pin not in deep_text(page)
    shot(page, "added")
    # Opened again: nothing of the DSK is kept.
    dialog = open_add(page, "type")
    dialog.locator("#mode-dsk").check()
    expect(dialog.locator("#type-dsk input")).to_have_value("")
    assert pin not in deep_text(page)
    # The row's technology filter.
    dialog.locator("#add-close").click()
    panel(page).locator("[data-technology-filter=zigbee]").click()
    expect(entry).to_have_count(0)
    panel(page).locator("[data-technology-filter=zwave]").click()
    expect(entry).to_have_count(1)


def test_smartstart_label_photo(
    zpage: Page, zinstance: Instance, shot: Shot, tmp_path: pathlib.Path
) -> None:
    page = zpage
    text = dsk(2)
    label = SmartStartLabel(
        dsk=text,
        requested_security_classes=(1, 0),
        generic_device_class=LOCK[0],
        specific_device_class=LOCK[1],
    )
    symbol = qr_png(label.qr(), tmp_path / "smartstart.png")
    photo = label_photo(symbol, "SmartStart", tmp_path / "photo.png", (1600, 1200))
    open_zwave_network(page, zinstance)
    dialog = open_add(page, "photo")
    expect(dialog.locator("#photo-hint")).to_contain_text("SmartStart")
    dialog.locator("#photo").set_input_files(photo)
    read = dialog.locator("#read")
    expect(read).to_have_attribute("data-technology", "zwave")
    expect(dialog.locator("#read-dsk")).to_have_text(masked(text))
    expect(dialog.locator("#read-classes")).to_have_text(
        "S2 Unauthenticated, S2 Authenticated"
    )
    expect(dialog.locator("#read-format")).to_have_text("Z-Wave SmartStart")
    expect(dialog.locator("#read-ieee")).to_have_count(0)
    assert text[:5] not in deep_text(page)
    shot(page, "read")
    dialog.locator("#read-name").fill("Back door")
    dialog.locator("#read-add").click()
    entry = zrow(page, text)
    expect(entry).to_contain_text("Back door")
    expect(entry.locator(".col-ieee .dsk")).to_have_text(masked(text))
    assert text[:5] not in deep_text(page)
    # The same label again: already listed.
    dialog.locator("#photo").set_input_files(photo)
    expect(dialog.locator("#status")).to_contain_text(
        f"{masked(text)} is already on the provisioning list"
    )


def test_zigbee_label_refused_on_a_zwave_network(
    zpage: Page, zinstance: Instance, tmp_path: pathlib.Path
) -> None:
    page = zpage
    ieee = "00:0d:6f:00:00:00:a1:01"
    symbol = qr_png(zigbee_text(ieee, install_code(21)), tmp_path / "zigbee.png")
    photo = label_photo(symbol, f"IEEE {ieee}", tmp_path / "photo.png", (1600, 1200))
    open_zwave_network(page, zinstance)
    dialog = open_add(page, "photo")
    dialog.locator("#photo").set_input_files(photo)
    expect(dialog.locator("#status [data-kind=error]")).to_contain_text(
        "This is a Zigbee code"
    )
    expect(dialog.locator("#read")).to_have_count(0)


def test_bad_smartstart_checksum_is_translated(
    zpage: Page, zinstance: Instance
) -> None:
    page = zpage
    text = dsk(3)
    good = SmartStartLabel(
        dsk=text,
        requested_security_classes=ALL_S2,
        generic_device_class=LOCK[0],
        specific_device_class=LOCK[1],
    ).qr()
    checksum = int(good[4:9])
    bad = f"{good[:4]}{(checksum + 1) % 65536:05d}{good[9:]}"
    open_zwave_network(page, zinstance)
    dialog = open_add(page, "type")
    dialog.locator("#mode-qr").check()
    dialog.locator("#type-qr input").fill(bad)
    dialog.locator("#type-add").click()
    expect(dialog.locator("#type-qr #error")).to_contain_text(
        "The checksum of the Z-Wave QR code does not match"
    )
    # What was typed stays, to be corrected; no row was made.
    expect(dialog.locator("#type-qr input")).to_have_value(bad)
    expect(zrow(page, text)).to_have_count(0)


def _zwave_js_entry_id(instance: Instance) -> str:
    return _entry_id(instance, "zwave_js")


def provisioned_in_zwave_js(page: Page, instance: Instance, text: str) -> Locator:
    """Provision a lock through Home Assistant's own Z-Wave JS dialog's
    commands, not through the list; return its row, read-only."""
    qr = SmartStartLabel(
        dsk=text,
        requested_security_classes=ALL_S2,
        generic_device_class=LOCK[0],
        specific_device_class=LOCK[1],
    ).qr()
    open_zwave_network(page, instance)
    page.evaluate(
        """async ([entryId, qr]) => {
            const hass = document.querySelector("home-assistant").hass;
            const info = await hass.callWS({
                type: "zwave_js/parse_qr_code_string", entry_id: entryId, qr_code_string: qr});
            await hass.callWS({type: "zwave_js/provision_smart_start_node",
                entry_id: entryId, qr_provisioning_information: info});
        }""",
        [_zwave_js_entry_id(instance), qr],
    )
    # zwave-js announces no change of its list: the panel reads it as it opens.
    open_zwave_network(page, instance)
    entry = zrow(page, text)
    expect(entry).to_have_attribute("data-source", "zwave_js", timeout=60_000)
    expect(entry).to_contain_text("From Z-Wave JS")
    expect(entry.locator("[data-action=edit]")).to_have_count(0)
    expect(entry.locator("[data-action=delete]")).to_have_count(0)
    expect(entry.locator("[data-action=adopt]")).to_have_count(1)
    assert text[:5] not in deep_text(page)
    return entry


def test_entry_of_zwave_js_is_read_only(
    zpage: Page, zinstance: Instance, shot: Shot
) -> None:
    provisioned_in_zwave_js(zpage, zinstance, dsk(5))
    shot(zpage, "from-zwave-js")


def test_entry_of_zwave_js_is_adopted(
    zpage: Page, zinstance: Instance, shot: Shot
) -> None:
    page = zpage
    text = dsk(4)
    entry = provisioned_in_zwave_js(page, zinstance, text)
    entry.locator("[data-action=adopt]").click()
    expect(entry).to_have_attribute("data-source", "list")
    expect(entry.locator("[data-action=edit]")).to_have_count(1)
    expect(entry.locator("[data-action=adopt]")).to_have_count(0)
    expect(panel(page).locator("#panel-error")).to_have_count(0)
    # Edit names it by its id: a new name sticks.
    entry.locator("[data-action=edit]").click()
    edit = page.locator("provisioning-edit-dialog dialog")
    expect(edit.locator("#edit-identity")).to_have_text(masked(text))
    expect(edit.locator("#edit-key")).to_have_count(0)
    edit.locator("#edit-name").fill("Garage door")
    edit.locator("#edit-save").click()
    expect(edit).to_be_hidden()
    expect(entry).to_contain_text("Garage door")
    # Delete, by id.
    entry.locator("[data-action=delete]").click()
    delete = page.locator("provisioning-delete-dialog dialog")
    expect(delete.locator("#delete-text")).to_contain_text(masked(text))
    delete.locator("#delete-confirm").click()
    expect(entry).to_have_count(0)


def test_use_case_1_with_a_zwave_label(
    playwright: Playwright,
    zinstance: ZInstance,
    zlogin: pathlib.Path,
    shot: Shot,
    tmp_path: pathlib.Path,
) -> None:
    """The camera reads a virtual device's SmartStart label; Add lists it;
    Admit; the device is powered and the row turns Joined, live."""
    device = zinstance.zwave(op="add_device", variant="normal")["device"]
    label = label_of(device)
    ident = masked(label.dsk)
    symbol = qr_png(label.qr(), tmp_path / "smartstart.png")
    photo = label_photo(symbol, "SmartStart", tmp_path / "frame.png", VIDEO_SIZE)
    video = y4m_video(tmp_path / "label.y4m", photo)
    browser = launch(playwright, camera_args(video))
    try:
        context = browser.new_context(viewport=VIEWPORT, storage_state=zlogin)
        context.grant_permissions(["camera"], origin=zinstance.base)
        page = context.new_page()
        open_zwave_network(page, zinstance)
        dialog = open_add(page, "scan")
        expect(dialog.locator("#video")).to_be_visible()
        expect(dialog.locator("#read")).to_have_attribute("data-technology", "zwave")
        expect(dialog.locator("#read-dsk")).to_have_text(ident)
        assert label.pin not in deep_text(page)
        dialog.locator("#read-name").fill("Hall lock")
        shot(page, "scan-read")
        dialog.locator("#read-add").click()
        entry = panel(page).locator(f"[data-id='{ident}']")
        expect(entry).to_have_attribute("data-status", "pending")
        expect(entry).to_contain_text("Hall lock")
        dialog.locator("#add-close").click()
        expect(dialog).to_be_hidden()
        # Admit: the entry is Active in zwave-js; the device asks, and joins.
        panel(page).locator("#window-start").click()
        expect(panel(page).locator("#window-stop")).to_be_visible()
        zinstance.zwave(op="power", id=device["id"])
        expect(entry).to_have_attribute("data-status", "joined", timeout=60_000)
        expect(entry).to_contain_text("Joined")
        expect(entry.locator(".node")).to_be_visible()
        assert label.pin not in deep_text(page)
        shot(page, "joined")
    finally:
        browser.close()
