"""The Provisioning panel in headless Chromium, against a real Home Assistant
(benchmarks/panel.py measures the panel alone, with a stand-in ``hass``, and the
decoding of one camera frame).

- First render with 1,000 entries (goal <= 500 ms): from the in-app navigation
  to the panel (as a sidebar click does) to the 1,000th row in the table,
  entries coming from the integration over the websocket; and, for reference,
  a cold page load (Home Assistant's whole frontend) to that row.
- Scan to row (goal <= 1 s): Chromium's fake camera shows a label; from the
  camera's first frame to what the label says, and to the row in the table
  once Add is pressed.

The instance is the browser tests' harness (tests/browser/harness.py): free
ports on 127.0.0.1, everything stopped at the end. Times are taken in the page
with performance.now(), on animation frames.
"""

from __future__ import annotations

import asyncio
import contextlib
import pathlib
import statistics
import tempfile
from typing import Any

import aiohttp
from playwright.async_api import Browser, Page, async_playwright

from scripts.develop import PASSWORD, USERNAME
from tests.browser.harness import (
    CHROMIUM,
    CHROMIUM_ARGS,
    VIEWPORT,
    Instance,
    camera_args,
    running,
)
from tests.browser.labels import (
    VIDEO_SIZE,
    install_code,
    label_photo,
    qr_png,
    y4m_video,
    zigbee_text,
)

ENTRIES = 1000
RENDER_GOAL_MS = 500.0
SCAN_GOAL_MS = 1000.0
RENDERS = 3
TIMEOUT_MS = 60_000

# Finds an element through every shadow root, and counts the table's rows.
_HELPERS = """
window.__deep = (selector) => {
  const walk = (root) => {
    const hit = root.querySelector(selector);
    if (hit) return hit;
    for (const el of root.querySelectorAll("*")) {
      if (el.shadowRoot) {
        const found = walk(el.shadowRoot);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(document);
};
window.__rows = () => {
  if (!window.__table || !window.__table.isConnected) {
    window.__table = window.__deep("provisioning-entries-table");
  }
  const root = window.__table && window.__table.shadowRoot;
  return root ? root.querySelectorAll("[data-ieee]").length : 0;
};
"""


def _ratio(value: float, goal: float) -> str:
    return f"{value:.0f} ms (goal {goal:.0f} ms: {value / goal:.2f} x)"


def _csv(count: int) -> str:
    lines = ["ieee,install_code,link_key,name,area"]
    for index in range(count):
        ieee = ":".join(f"{b:02x}" for b in (0xBE00000000000000 + index).to_bytes(8))
        lines.append(f"{ieee},,{index:032X},Meter {index},")
    return "\n".join(lines) + "\n"


async def _login(browser: Browser, base: str, state: pathlib.Path) -> None:
    context = await browser.new_context(viewport=VIEWPORT)
    page = await context.new_page()
    await page.goto(base)
    await page.get_by_role("textbox", name="Username").fill(USERNAME)
    await page.get_by_role("textbox", name="Password").fill(PASSWORD)
    await page.get_by_role("button", name="Log in").click()
    await page.locator("home-assistant-main").wait_for(state="attached")
    await context.storage_state(path=state)
    await context.close()


async def _page(browser: Browser, state: pathlib.Path, origin: str) -> Page:
    context = await browser.new_context(viewport=VIEWPORT, storage_state=state)
    await context.grant_permissions(["camera"], origin=origin)
    await context.add_init_script(_HELPERS)
    context.set_default_timeout(TIMEOUT_MS)
    return await context.new_page()


async def _import(instance: Instance, count: int) -> None:
    """Import the entries over the websocket API, as the panel's Import CSV does."""
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(f"{instance.base}/api/websocket") as ws,
    ):
        await ws.receive_json()  # auth_required
        await ws.send_json({"type": "auth", "access_token": instance.token})
        if (await ws.receive_json())["type"] != "auth_ok":
            raise RuntimeError("websocket authentication failed")
        await ws.send_json(
            {"id": 1, "type": "provisioning/entries/import", "csv": _csv(count)}
        )
        answer = await ws.receive_json(timeout=300)
    if not answer.get("success") or answer["result"]["added"] != count:
        raise RuntimeError(f"import of {count} entries: {str(answer)[:500]}")


async def _first_render(
    browser: Browser, instance: Instance, state: pathlib.Path
) -> list[str]:
    in_app: list[float] = []
    cold: list[float] = []
    for _ in range(RENDERS):
        page = await _page(browser, state, instance.base)
        await page.goto(f"{instance.base}/config/integrations/dashboard")
        await (
            page.locator("ha-sidebar")
            .get_by_text("Provisioning", exact=True)
            .wait_for()
        )
        elapsed = await page.evaluate(
            """(count) => new Promise((resolve) => {
              const start = performance.now();
              history.pushState(null, "", "/provisioning");
              window.dispatchEvent(new CustomEvent("location-changed"));
              const check = () => window.__rows() >= count
                ? resolve(performance.now() - start) : requestAnimationFrame(check);
              requestAnimationFrame(check);
            })""",
            ENTRIES,
        )
        in_app.append(float(elapsed))
        await page.context.close()
        page = await _page(browser, state, instance.base)
        await page.goto(f"{instance.base}/provisioning")
        handle = await page.wait_for_function(
            f"() => window.__rows() >= {ENTRIES} && performance.now()", polling="raf"
        )
        cold.append(float(await handle.json_value()))
        await page.context.close()
    best, median = min(in_app), statistics.median(in_app)
    return [
        f"first render, {ENTRIES} entries, sidebar click to the last row: "
        f"median {_ratio(median, RENDER_GOAL_MS)}, best {best:.0f} ms ({RENDERS} runs)",
        f"cold page load to the last row (the whole frontend): median "
        f"{statistics.median(cold):.0f} ms ({RENDERS} runs)",
    ]


async def _scan(
    driver: Any, instance: Instance, state: pathlib.Path, folder: pathlib.Path
) -> list[str]:
    ieee = "00:0d:6f:00:00:be:ef:01"
    symbol = qr_png(zigbee_text(ieee, install_code(99)), folder / "scan.png")
    photo = label_photo(symbol, f"IEEE {ieee}", folder / "scan-frame.png", VIDEO_SIZE)
    video = y4m_video(folder / "scan.y4m", photo)
    browser = await driver.chromium.launch(
        executable_path=CHROMIUM, args=camera_args(video)
    )
    try:
        page = await _page(browser, state, instance.base)
        await page.goto(f"{instance.base}/provisioning")
        await page.wait_for_function("() => window.__rows() > 0", polling="raf")
        await page.locator("provisioning-panel #add").click()
        first_frame = await page.wait_for_function(
            """() => { const d = window.__deep("provisioning-add-dialog");
                const v = d && d.shadowRoot && d.shadowRoot.querySelector("video");
                return v && v.readyState >= 2 && performance.now(); }""",
            polling="raf",
        )
        start = float(await first_frame.json_value())
        read = await page.wait_for_function(
            """() => window.__deep("#read-ieee") && performance.now()""", polling="raf"
        )
        read_at = float(await read.json_value())
        await page.locator("provisioning-add-dialog #read-add").click()
        row = await page.wait_for_function(
            f"""() => {{ const t = window.__table && window.__table.shadowRoot;
                return t && t.querySelector("[data-ieee='{ieee}']") && performance.now(); }}""",
            polling="raf",
        )
        row_at = float(await row.json_value())
        await page.context.close()
    finally:
        await browser.close()
    return [
        f"scan: camera's first frame to the label read: {read_at - start:.0f} ms; "
        f"to the row in the table after Add: {_ratio(row_at - start, SCAN_GOAL_MS)}"
    ]


async def run() -> list[str]:
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        folder = pathlib.Path(tmp)
        instance = await asyncio.to_thread(
            stack.enter_context, running(folder / "hass")
        )
        async with async_playwright() as driver:
            browser = await driver.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS
            )
            try:
                state = folder / "login.json"
                await _login(browser, instance.base, state)
                await _import(instance, ENTRIES)
                lines += await _first_render(browser, instance, state)
            finally:
                await browser.close()
            lines += await _scan(driver, instance, state, folder)
    return lines
