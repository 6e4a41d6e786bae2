"""Brand images, by the home-assistant/brands rules."""

from __future__ import annotations

import io

from PIL import Image
import pytest

from tests.packaging.validators import (
    BRAND,
)

# ---------------------------------------------------------------------------
# Brand images (home-assistant/brands rules)
# ---------------------------------------------------------------------------

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def image_problems(data: bytes, kind: str, scale: int) -> list[str]:
    """Check an icon or logo against the brands repository rules."""
    if not data.startswith(PNG_SIGNATURE):
        return ["not a PNG file"]
    image = Image.open(io.BytesIO(data))
    problems = []
    width, height = image.size
    if kind == "icon":
        if (width, height) != (256 * scale, 256 * scale):
            problems.append(
                f"icon must be {256 * scale}x{256 * scale}, is {width}x{height}"
            )
    elif not 128 * scale <= min(width, height) <= 256 * scale:
        problems.append(f"logo shortest side must be {128 * scale}-{256 * scale}px")
    elif width < height:
        problems.append("logo should be landscape")
    rgba = image.convert("RGBA")
    alpha = rgba.getchannel("A")
    low, high = alpha.getextrema()
    if "A" not in image.getbands() and "transparency" not in image.info:
        problems.append("image has no transparency")
    elif low != 0:
        problems.append("background is not transparent")
    if high == 0:
        problems.append("image is empty")
        return problems
    left, top, right, bottom = alpha.getbbox()
    touches_x = left == 0 and right == width
    touches_y = top == 0 and bottom == height
    if kind == "icon" and not (touches_x or touches_y):
        problems.append(
            f"icon is not trimmed: content box {(left, top, right, bottom)}"
        )
    if kind == "logo" and not (touches_x and touches_y):
        problems.append(
            f"logo is not trimmed: content box {(left, top, right, bottom)}"
        )
    return problems


@pytest.mark.parametrize(
    ("name", "kind", "scale"),
    [
        ("icon.png", "icon", 1),
        ("icon@2x.png", "icon", 2),
        ("logo.png", "logo", 1),
        ("logo@2x.png", "logo", 2),
    ],
)
def test_brand_image(name: str, kind: str, scale: int) -> None:
    """Brand images are trimmed, transparent PNGs of the required size."""
    assert image_problems((BRAND / name).read_bytes(), kind, scale) == []


def test_brand_hidpi_logo_is_double_size() -> None:
    """logo@2x.png is the same picture at twice the resolution."""
    small = Image.open(BRAND / "logo.png").size
    large = Image.open(BRAND / "logo@2x.png").size
    assert abs(large[0] - 2 * small[0]) <= 2
    assert large[1] == 2 * small[1]


def test_brand_folder_has_only_known_files() -> None:
    """The brand folder only holds images Home Assistant knows."""
    known = {
        f"{dark}{name}{hidpi}.png"
        for dark in ("", "dark_")
        for name in ("icon", "logo")
        for hidpi in ("", "@2x")
    }
    assert {path.name for path in BRAND.iterdir()} <= known


def _png(
    size: tuple[int, int], box: tuple[int, int, int, int] | None, mode: str = "RGBA"
) -> bytes:
    image = Image.new(mode, size, (0, 0, 0, 0) if mode == "RGBA" else (255, 255, 255))
    if box:
        image.paste((3, 169, 244, 255) if mode == "RGBA" else (3, 169, 244), box)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def test_brand_checks_accept_good_images() -> None:
    """Synthetic images that follow the rules pass."""
    assert image_problems(_png((256, 256), (0, 20, 256, 236)), "icon", 1) == []
    logo = Image.open(io.BytesIO(_png((400, 128), (0, 0, 128, 128))))
    logo.paste((13, 71, 161, 255), (200, 40, 400, 90))
    buffer = io.BytesIO()
    logo.save(buffer, format="PNG")
    assert image_problems(buffer.getvalue(), "logo", 1) == []


@pytest.mark.parametrize(
    ("data", "kind", "scale"),
    [
        (b"GIF89a", "icon", 1),
        (_png((200, 200), (0, 0, 200, 100)), "icon", 1),
        (_png((256, 256), (10, 10, 246, 246)), "icon", 1),
        (_png((256, 256), None, "RGB"), "icon", 1),
        (_png((256, 256), None), "icon", 1),
        (_png((400, 100), (0, 0, 400, 100)), "logo", 1),
        (_png((128, 400), (0, 0, 128, 400)), "logo", 1),
        (_png((400, 128), (0, 0, 400, 100)), "logo", 1),
        (_png((400, 128), (0, 0, 400, 128)), "logo", 1),
        (_png((400, 128), (0, 0, 400, 128)), "logo", 2),
    ],
)
def test_brand_checks_reject_bad_images(data: bytes, kind: str, scale: int) -> None:
    """Wrong size, untrimmed, opaque or non-PNG images are rejected."""
    assert image_problems(data, kind, scale) != []
