"""Fixtures of the browser tests: one real Home Assistant for this package, and
Debian's Chromium driven by Playwright (never a downloaded browser).

Rules:
- Package scope: Home Assistant, Chromium and Playwright stop when the last
  browser test has run. Playwright's synchronous API keeps an event loop
  running in this thread while it lives, which the rest of the suite's
  asynchronous tests could not run under. Under ``./scripts/test``'s
  parallel workers the whole package runs on one worker, in one go (its
  ``xdist_group`` comes from ``tests/conftest.py``), so it starts them once.
- Screenshots go to ``.cache/screenshots/`` (kept as artefacts).
- The package logs in through the login page once; each test gets a fresh
  browser context with that login.
- Camera tests launch their own Chromium whose fake camera plays a Y4M video.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
import pathlib

from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright
import pytest
import pytest_socket

from scripts.develop import PASSWORD, REPO, USERNAME

from .harness import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, Instance, running

SCREENSHOTS = REPO / ".cache" / "screenshots"
TIMEOUT_MS = 30_000
# A shared, busy machine: assertions wait up to this long for their condition.
expect.set_options(timeout=20_000)


@pytest.fixture(autouse=True)
def _sockets(socket_enabled: None) -> None:
    """The tests talk to their own servers on 127.0.0.1."""


# Home Assistant runs as its own process here. Playwright's synchronous API keeps
# its event loop running in this thread for the session, so the suite's
# fixtures that set up an in-process Home Assistant or run an event loop per
# test are replaced by no-ops in this folder.
@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """No in-process Home Assistant."""


@pytest.fixture(autouse=True)
def configure_event_loop() -> None:
    """No per-test event loop."""


@pytest.fixture(autouse=True)
def enable_event_loop_debug() -> None:
    """No per-test event loop."""


@pytest.fixture(autouse=True)
def verify_cleanup() -> None:
    """The harness stops every process it starts; nothing runs in-process."""


@pytest.fixture(scope="package")
def instance(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Instance]:
    pytest_socket.enable_socket()  # set up inside the first browser test's set-up
    with running(tmp_path_factory.mktemp("hass")) as started:
        yield started


@pytest.fixture(scope="package")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


def launch(playwright: Playwright, args: list[str] | None = None) -> Browser:
    return playwright.chromium.launch(
        executable_path=CHROMIUM, args=args or CHROMIUM_ARGS
    )


@pytest.fixture(scope="package")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = launch(playwright)
    yield browser
    browser.close()


def log_in(page: Page, base: str) -> None:
    """Log in through Home Assistant's login page."""
    page.goto(base)
    expect(page.get_by_role("textbox", name="Username")).to_be_visible()
    page.get_by_role("textbox", name="Username").fill(USERNAME)
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("home-assistant-main")).to_be_attached(timeout=TIMEOUT_MS)


@pytest.fixture(scope="package")
def login_state(
    browser: Browser, instance: Instance, tmp_path_factory: pytest.TempPathFactory
) -> pathlib.Path:
    """Log in once; the saved state (tokens in local storage) serves every test."""
    path = tmp_path_factory.mktemp("login") / "state.json"
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    log_in(page, instance.base)
    context.storage_state(path=path)
    context.close()
    return path


def open_page(browser: Browser, login_state: pathlib.Path) -> Page:
    context = browser.new_context(
        viewport=VIEWPORT, storage_state=login_state, locale="en-GB"
    )
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


@pytest.fixture
def page(browser: Browser, login_state: pathlib.Path) -> Iterator[Page]:
    page = open_page(browser, login_state)
    yield page
    page.context.close()


@pytest.fixture
def shot(request: pytest.FixtureRequest) -> Callable[[Page, str], pathlib.Path]:
    """Save a screenshot named after the test and ``name``."""

    def save(page: Page, name: str) -> pathlib.Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{request.node.name}-{name}.png"
        page.screenshot(path=path)
        return path

    return save


_DEEP_TEXT = """() => {
  const out = [];
  const walk = (node) => {
    if (node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) out.push(child.textContent);
      else {
        if (typeof child.value === "string") out.push(child.value);
        walk(child);
      }
    }
  };
  walk(document);
  return out.join(" ");
}"""


def deep_text(page: Page) -> str:
    """All text of the page, in every shadow root, with every field's value."""
    return str(page.evaluate(_DEEP_TEXT))
