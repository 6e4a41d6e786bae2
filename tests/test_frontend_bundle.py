"""The committed panel bundle is what its committed sources build; its logic works.

``custom_components/provisioning/frontend/`` holds the built panel
(``provisioning-panel.js``) and ZXing's reader (``zxing_reader.wasm``), so that
HACS users need no Node.js. These tests rebuild both from ``frontend/`` into a
temporary folder with the same ``frontend/build.mjs`` that
``scripts/build-frontend`` runs, and compare bytes: a source change without a
rebuild fails here. Node.js and npm are required (``scripts/setup`` installs
them); nothing is skipped without them. ``frontend/node_modules`` is reused
when it is up to date with ``package-lock.json``, else ``npm ci`` runs once.
The panel's plain logic (the list, its view, times, texts) has unit tests in
``frontend/test/``, bundled with esbuild and run with ``node --test``.
"""

from __future__ import annotations

import fcntl
from pathlib import Path
import re
import shutil
import subprocess

import pytest

REPO = Path(__file__).resolve().parent.parent
FRONTEND = REPO / "frontend"
BUILT = REPO / "custom_components" / "provisioning" / "frontend"
FILES = ("provisioning-panel.js", "zxing_reader.wasm")
REBUILD = "run ./scripts/build-frontend and commit its output"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(
            f"{name} is not installed: the panel bundle cannot be checked. "
            "Run ./scripts/setup (it installs Node.js and npm) and the tests "
            "through ./scripts/test."
        )
    return path


def _ensure_node_modules(npm: str) -> None:
    installed = FRONTEND / "node_modules" / ".package-lock.json"
    lock = FRONTEND / "package-lock.json"

    def fresh() -> bool:
        return installed.is_file() and installed.stat().st_mtime >= lock.stat().st_mtime

    if fresh():
        return
    # One install at a time: parallel test runs share frontend/node_modules.
    (REPO / ".cache").mkdir(exist_ok=True)
    with (REPO / ".cache" / "frontend-npm.lock").open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        if fresh():
            return
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=FRONTEND,
            check=True,
            timeout=600,
        )


def _build(node: str, out: Path) -> None:
    result = subprocess.run(
        [node, "build.mjs", str(out)],
        cwd=FRONTEND,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"the panel does not build:\n{result.stderr}"


@pytest.fixture(scope="module")
def node() -> str:
    """Node.js, with frontend/node_modules installed."""
    path = _tool("node")
    _ensure_node_modules(_tool("npm"))
    return path


@pytest.fixture(scope="module")
def rebuilt(node: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh build of the committed sources."""
    out = tmp_path_factory.mktemp("panel")
    _build(node, out)
    return out


@pytest.mark.parametrize("name", FILES)
def test_committed_file_is_a_fresh_build(rebuilt: Path, name: str) -> None:
    committed = BUILT / name
    assert committed.is_file(), f"{committed} is missing: {REBUILD}"
    fresh = (rebuilt / name).read_bytes()
    assert committed.read_bytes() == fresh, f"{committed} is stale: {REBUILD}"


def test_build_is_deterministic(node: str, rebuilt: Path, tmp_path: Path) -> None:
    """Building again gives the same bytes, so the comparison above is fair."""
    _build(node, tmp_path)
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (rebuilt / name).read_bytes(), name


def test_bundle_loads_zxing_from_its_own_folder(rebuilt: Path) -> None:
    """The panel points zxing-wasm at the wasm next to its module, not a CDN."""
    bundle = (rebuilt / "provisioning-panel.js").read_text(encoding="utf-8")
    assert 'new URL("zxing_reader.wasm",import.meta.url)' in bundle
    assert "customElements.define(" in bundle
    assert (rebuilt / "zxing_reader.wasm").read_bytes()[:4] == b"\0asm"


def test_panel_logic(node: str, tmp_path: Path) -> None:
    """frontend/test/*.test.ts pass (the list, its view, times, texts)."""
    tests = sorted((FRONTEND / "test").glob("*.test.ts"))
    assert tests, "no unit tests in frontend/test"
    bundled = []
    for source in tests:
        out = tmp_path / source.name.replace(".ts", ".mjs")
        subprocess.run(
            [
                node,
                str(FRONTEND / "node_modules" / "esbuild" / "bin" / "esbuild"),
                str(source),
                "--bundle",
                "--platform=node",
                "--format=esm",
                f"--outfile={out}",
                "--log-level=warning",
            ],
            cwd=FRONTEND,
            check=True,
            timeout=120,
        )
        bundled.append(str(out))
    result = subprocess.run(
        [node, "--test", "--test-reporter=tap", *bundled],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    passed = re.search(r"^# pass (\d+)$", result.stdout, re.MULTILINE)
    assert passed is not None, result.stdout
    assert int(passed.group(1)) > 0
