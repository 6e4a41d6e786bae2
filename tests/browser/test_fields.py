"""The Add and Edit dialogs' fields in Chromium, against a real Home Assistant:
Home Assistant's own area picker (choosing an area, creating one with "Add new
area"), the native fallback when that picker cannot be loaded, and a CSV file
too large for Home Assistant's websocket, refused before it is sent.

Every test adds its own devices (its own IEEE addresses).
"""

from __future__ import annotations

from collections.abc import Callable
import pathlib

from playwright.sync_api import Locator, Page, WebSocket, expect

from .harness import Instance
from .labels import install_code, zigbee_text
from .test_panel import open_add, open_panel, row

Shot = Callable[[Page, str], pathlib.Path]
LIMIT = 4 * 1024 * 1024  # aiohttp's max_msg_size, Home Assistant's websocket limit

# Home Assistant never gets to define its area picker: the panel must fall back.
# Its frontend installs a scoped custom element registry (a new
# CustomElementRegistry class), so the refusal goes on that class as well.
NO_HA_AREA_PICKER = """
const refuse = (registry) => {
  const define = registry.prototype.define;
  registry.prototype.define = function (name, ...rest) {
    if (name !== "ha-area-picker") return define.call(this, name, ...rest);
  };
};
let current = window.CustomElementRegistry;
refuse(current);
Object.defineProperty(window, "CustomElementRegistry", {
  configurable: true,
  get: () => current,
  set: (registry) => {
    refuse(registry);
    current = registry;
  },
});
"""


def create_area(page: Page, name: str) -> None:
    """Create an area (as on Settings > Areas) unless it exists."""
    page.evaluate(
        """async (name) => {
          const hass = document.querySelector("home-assistant").hass;
          if (!Object.values(hass.areas).some((area) => area.name === name)) {
            await hass.callWS({ type: "config/area_registry/create", name });
          }
        }""",
        name,
    )


def pick_area(picker: Locator, search: str, item: str) -> None:
    """Open Home Assistant's area picker, search, and choose ``item``."""
    picker.locator("ha-area-picker").click()
    search_field = picker.locator("ha-picker-combo-box input")
    expect(search_field).to_be_focused()
    search_field.fill(search)
    picker.locator("ha-picker-combo-box").get_by_text(item, exact=True).click()


def test_area_picker_choose_and_create(
    page: Page, instance: Instance, shot: Shot
) -> None:
    typed, edited = "00:0d:6f:00:00:00:70:01", "00:0d:6f:00:00:00:70:02"
    open_panel(page, instance)
    create_area(page, "Kitchen")

    # Add (Type): Home Assistant's picker, and the area chosen in it is the entry's.
    dialog = open_add(page, "type")
    picker = dialog.locator("#type-area")
    expect(picker).to_have_attribute("data-picker", "ha")
    expect(picker.locator("ha-area-picker")).to_be_visible()
    expect(picker.locator("select")).to_have_count(0)
    dialog.locator("#type-qr input").fill(zigbee_text(typed, install_code(21)))
    dialog.locator("#type-name").fill("Kettle plug")
    pick_area(picker, "Kitch", "Kitchen")
    expect(picker.locator("ha-area-picker")).to_contain_text("Kitchen")
    shot(page, "add-area-picker")
    dialog.locator("#type-add").click()
    expect(row(page, typed)).to_have_attribute("data-status", "pending")
    expect(row(page, typed).locator(".col-area")).to_have_text("Kitchen")
    dialog.locator("#add-close").click()
    expect(dialog).to_be_hidden()

    # Edit: a new area, created from the picker, becomes the entry's area.
    instance.rest(
        "/api/services/provisioning/add_device",
        {"qr_code": zigbee_text(edited, install_code(22)), "name": "Shed light"},
    )
    row(page, edited).locator("[data-action=edit]").click()
    edit = page.locator("provisioning-edit-dialog dialog")
    expect(edit).to_be_visible()
    picker = edit.locator("#edit-area")
    expect(picker).to_have_attribute("data-picker", "ha")
    shot(page, "edit-area-picker")
    pick_area(picker, "Garden shed", "Add new area 'Garden shed'")
    create = page.locator("dialog-area-registry-detail")
    expect(create.get_by_role("textbox", name="Name")).to_have_value("Garden shed")
    shot(page, "create-area")
    create.get_by_role("button", name="Create").click()
    expect(create.get_by_role("textbox", name="Name")).to_be_hidden()
    expect(picker.locator("ha-area-picker")).to_contain_text("Garden shed")
    shot(page, "edit-area-created")
    edit.locator("#edit-save").click()
    expect(edit).to_be_hidden()
    expect(row(page, edited).locator(".col-area")).to_have_text("Garden shed")
    # Home Assistant knows the area the entry now names.
    area_id = page.evaluate(
        """(ieee) => {
          const hass = document.querySelector("home-assistant").hass;
          return Object.values(hass.areas).find((a) => a.name === "Garden shed")?.area_id;
        }""",
        edited,
    )
    assert area_id


def test_area_fallback_without_ha_picker(
    page: Page, instance: Instance, shot: Shot
) -> None:
    ieee = "00:0d:6f:00:00:00:70:03"
    page.add_init_script(NO_HA_AREA_PICKER)
    open_panel(page, instance)
    create_area(page, "Kitchen")
    assert page.evaluate("() => customElements.get('ha-area-picker')") is None
    dialog = open_add(page, "type")
    picker = dialog.locator("#type-area")
    expect(picker).to_have_attribute("data-picker", "native")
    dialog.locator("#type-qr input").fill(zigbee_text(ieee, install_code(23)))
    picker.locator("select").select_option(label="Kitchen")
    shot(page, "add-area-select")
    dialog.locator("#type-add").click()
    expect(row(page, ieee).locator(".col-area")).to_have_text("Kitchen")


def test_csv_over_the_websocket_limit(
    page: Page, instance: Instance, shot: Shot, tmp_path: pathlib.Path
) -> None:
    frames: list[int] = []

    def watch(socket: WebSocket) -> None:
        socket.on("framesent", lambda payload: frames.append(len(payload)))

    page.on("websocket", watch)
    big = tmp_path / "big.csv"
    line = "00:0d:6f:00:00:00:71:01,83FED3407A939723A5C639B26916D505C3B5,Lamp,Hall\n"
    big.write_text(
        "ieee,install_code,name,area\n" + line * (LIMIT // len(line) + 10_000)
    )
    open_panel(page, instance)
    dialog = open_add(page, "import")
    dialog.locator("#csv").set_input_files(big)
    status = dialog.locator("#status")
    expect(status).to_contain_text("big.csv is too large to send")
    expect(status).to_contain_text("at most 4 MiB")
    shot(page, "csv-too-large")
    assert max(frames, default=0) < LIMIT
    # The connection is still up: a small file imports.
    ieee = "00:0d:6f:00:00:00:71:02"
    small = tmp_path / "small.csv"
    small.write_text(f"ieee,install_code,name\n{ieee},{install_code(24)},Porch\n")
    dialog.locator("#csv").set_input_files(small)
    expect(status).to_contain_text("1 added")
    expect(row(page, ieee)).to_have_attribute("data-status", "pending")
    expect(page.locator("provisioning-panel #panel-error")).to_have_count(0)
