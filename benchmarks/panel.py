"""The Provisioning panel in headless Chromium.

- First render: a snapshot of 1,000 entries → every row rendered (goal: well
  under 500 ms), and → the next painted frame.
- Live update: one changed entry, then 1,000 changed entries (a server sync),
  while 1,000 rows are shown.
- Decoding: one 1280x720 camera frame (the live scanner's fast settings) holding
  a QR label, a Data Matrix label, or no label at all.

The committed bundle (custom_components/provisioning/frontend/) runs against a
stand-in `hass` that answers the websocket API from memory; the decoder is
bundled on the fly from frontend/src/decoder.ts, so both need Node.js and
frontend/node_modules (installed with `npm ci` when missing).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
import contextlib
import functools
import http.server
from pathlib import Path
import shutil
import statistics
import subprocess
import tempfile
import threading
from typing import Any

from PIL import Image
from playwright.async_api import Page, async_playwright
import segno
import zxingcpp

REPO = Path(__file__).resolve().parent.parent
FRONTEND = REPO / "frontend"
BUILT = REPO / "custom_components" / "provisioning" / "frontend"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROWS = 1000
RENDERS = 7
DECODES = 40
QR_TEXT = "Z:00124B0001020304$I:83FED3407A939723A5C639B26916D505C3B5%G$M:SNZB-02"
DM_TEXT = "00124B00AABBCCDD 83FED3407A939723A5C639B26916D505C3B5"

# A stand-in for Home Assistant's `hass`: the websocket API from memory.
PAGE = """<!doctype html>
<html><head><meta charset="utf-8"></head><body>
<script type="module">
function entries(count) {
  const statuses = ["pending", "admitting", "joined", "failed", "revoked"];
  const now = Date.now();
  return Array.from({length: count}, (_, i) => {
    const ieee = (0x00124b0000000000n + BigInt(i)).toString(16).padStart(16, "0").match(/../g).join(":");
    const status = statuses[i % 5];
    return {ieee, key_type: "install_code", name: `Device ${i}`, area: i % 3 ? null : "kitchen",
      area_id: i % 3 ? null : "kitchen", manufacturer: null, model: i % 2 ? "SNZB-02" : null,
      provider: "local", provider_title: "This hub", status,
      status_reason: status === "failed" ? "interview_timeout" : null,
      created_at: new Date(now - i * 60000).toISOString(), updated_at: new Date(now - i * 37000).toISOString(),
      editable: true, device_id: status === "joined" ? `d${i}` : null};
  });
}
window.mount = async (count) => {
  await import("./provisioning-panel.js");
  const list = entries(count);
  const listeners = [];
  const win = {open: false, ends_at: null, duration: null, keys_loaded: 0, waiting: 0,
    install_code_only: true, continuous: false, guard: true};
  const hass = {
    language: "en", locale: {language: "en"}, auth: {},
    areas: {kitchen: {area_id: "kitchen", name: "Kitchen"}},
    localize: () => "", loadBackendTranslation: async () => undefined,
    callWS: async (msg) => ({coordinators: [{config_entry_id: "e1", title: "Radio", ieee: "", radio: "ezsp"}]}),
    connection: {subscribeMessage: async (cb) => {
      listeners.push(cb);
      cb({type: "snapshot", entries: list, window: win, providers: [{id: "local", title: "This hub"}]});
      return async () => {};
    }},
  };
  const panel = document.createElement("provisioning-panel");
  document.body.appendChild(panel);
  const table = async () => {
    for (;;) {
      await panel.updateComplete;
      const t = panel.shadowRoot.querySelector("provisioning-entries-table");
      if (t) { await t.updateComplete; return t; }
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const t0 = performance.now();
  panel.hass = hass;
  await table();
  const rendered = performance.now() - t0;
  await frame();
  const painted = performance.now() - t0;
  const rows = panel.shadowRoot.querySelector("provisioning-entries-table").shadowRoot.querySelectorAll("[data-ieee]").length;
  window.update = async (changed) => {
    const diff = list.slice(0, changed).map((e) => ({...e, status: "admitting", updated_at: new Date().toISOString()}));
    const t = performance.now();
    listeners.forEach((cb) => cb({type: "entries", changed: diff, removed: []}));
    await table();
    await frame();
    return performance.now() - t;
  };
  return {rendered, painted, rows};
};
window.decodeFrame = async (src, runs) => {
  const canvas = document.createElement("canvas");
  canvas.width = 1280;
  canvas.height = 720;
  const ctx = canvas.getContext("2d", {willReadFrequently: true});
  ctx.fillStyle = "#8c8c8c";
  ctx.fillRect(0, 0, 1280, 720);
  if (src) {
    const img = new Image();
    img.src = src;
    await img.decode();
    ctx.drawImage(img, 490, 210, 300, 300);
  }
  const first = await window.decodeImage(ctx.getImageData(0, 0, 1280, 720), false);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await window.decodeImage(ctx.getImageData(0, 0, 1280, 720), false);
    times.push(performance.now() - t);
  }
  return {text: first ? first.text : null, format: first ? first.format : null, times};
};
window.ready = true;
</script></body></html>
"""

DECODER_ENTRY = """import { decodeImage } from "./src/decoder.ts";
window.decodeImage = decodeImage;
"""


def _node_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise RuntimeError(f"{name} is not installed (./scripts/setup installs it)")
    return path


def _prepare(folder: Path) -> None:
    """The bundle, the wasm, the decoder, the page and the label images."""
    if not (FRONTEND / "node_modules" / ".bin" / "esbuild").exists():
        subprocess.run(
            [_node_tool("npm"), "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=FRONTEND,
            check=True,
        )
    for name in ("provisioning-panel.js", "zxing_reader.wasm"):
        shutil.copy(BUILT / name, folder / name)
    subprocess.run(
        [
            str(FRONTEND / "node_modules" / ".bin" / "esbuild"),
            "--bundle",
            "--format=esm",
            "--sourcefile=decoder-entry.ts",
            "--loader=ts",
            f"--outfile={folder / 'decoder.js'}",
            "--log-level=warning",
        ],
        input=DECODER_ENTRY,
        text=True,
        cwd=FRONTEND,
        check=True,
    )
    (folder / "index.html").write_text(PAGE, encoding="utf-8")
    segno.make(QR_TEXT, error="m").save(str(folder / "qr.png"), scale=8, border=4)
    barcode = zxingcpp.create_barcode(DM_TEXT, zxingcpp.BarcodeFormat.DataMatrix)
    # zxingcpp's image has the buffer protocol, which its stubs do not declare.
    pixels: Any = barcode.to_image(scale=10)
    Image.fromarray(pixels).save(folder / "dm.png")


@contextlib.contextmanager
def _serve(folder: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


async def _open(page: Page, base: str) -> None:
    await page.goto(f"{base}/index.html")
    await page.wait_for_function("window.ready === true")


def _ms(values: list[float]) -> str:
    return f"median {statistics.median(values):.0f} ms (min {min(values):.0f}, max {max(values):.0f})"


async def _measure(base: str) -> list[str]:
    lines: list[str] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        try:
            page = await browser.new_page(viewport={"width": 1280, "height": 800})
            rendered: list[float] = []
            painted: list[float] = []
            for _ in range(RENDERS):
                await _open(page, base)
                result = await page.evaluate("n => window.mount(n)", ROWS)
                assert result["rows"] == ROWS, result
                rendered.append(result["rendered"])
                painted.append(result["painted"])
            lines.append(f"First render, {ROWS} rows: {_ms(rendered)}")
            lines.append(f"  to the next painted frame: {_ms(painted)}")
            one = [await page.evaluate("window.update(1)") for _ in range(10)]
            lines.append(
                f"One entry changed, {ROWS} rows shown, to painted: {_ms(one)}"
            )
            every = [await page.evaluate(f"window.update({ROWS})") for _ in range(5)]
            lines.append(f"{ROWS} entries changed at once, to painted: {_ms(every)}")

            await _open(page, base)
            await page.add_script_tag(url=f"{base}/decoder.js", type="module")
            await page.wait_for_function("typeof window.decodeImage === 'function'")
            await page.evaluate("s => window.decodeFrame(s, 5)", f"{base}/qr.png")
            for label, src, text in (
                ("QR code", f"{base}/qr.png", QR_TEXT),
                ("Data Matrix", f"{base}/dm.png", DM_TEXT),
                ("no code", None, None),
            ):
                result = await page.evaluate(
                    "([s, n]) => window.decodeFrame(s, n)", [src, DECODES]
                )
                assert result["text"] == text, result
                lines.append(
                    f"Decode a 1280x720 frame, {label}: {_ms(result['times'])}"
                )
        finally:
            await browser.close()
    return lines


async def run() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        await asyncio.to_thread(_prepare, folder)
        with _serve(folder) as base:
            return await _measure(base)
