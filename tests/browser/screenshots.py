"""Copy the README's images from the browser tests' screenshots to docs/images/.

Run after ``./scripts/test tests/browser``:
``./scripts/run python -m tests.browser.screenshots``. Each image is reduced to
a 256-colour palette, which keeps a screenshot of the panel readable and small.
"""

from __future__ import annotations

import pathlib
import sys

from PIL import Image

REPO = pathlib.Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / ".cache" / "screenshots"
IMAGES = REPO / "docs" / "images"
# docs/images name: the screenshot the browser tests save.
CHOSEN = {
    "scan-read.png": "test_add_with_the_live_camera-read.png",
    "panel-joined.png": "test_device_joins_live-joined.png",
}


def main() -> int:
    missing = [shot for shot in CHOSEN.values() if not (SCREENSHOTS / shot).exists()]
    if missing:
        print(f"Run ./scripts/test tests/browser first; missing: {missing}")
        return 1
    IMAGES.mkdir(parents=True, exist_ok=True)
    for name, shot in CHOSEN.items():
        image = Image.open(SCREENSHOTS / shot).convert("RGB")
        small = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT)
        small.save(IMAGES / name, optimize=True)
        print(f"{IMAGES / name}: {(IMAGES / name).stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
