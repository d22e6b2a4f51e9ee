"""The record places photos upright: each EXIF orientation, drawn by the page transform, must
look like Pillow's own upright copy when poppler renders the page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageOps, ImageStat
from reportlab.pdfgen.canvas import Canvas

from inspector.evidence.media import inspect_file
from inspector.record.layout import OrientedImage
from tests.helpers.homes import PHOTOS

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")


def _render(photo: Path, tmp_path: Path) -> Image.Image:
    info = inspect_file(photo)
    assert info.width and info.height
    flowable = OrientedImage(
        photo.read_bytes(), info.width, info.height, info.orientation, 200, 200
    )
    pdf = tmp_path / f"{photo.stem}.pdf"
    canvas = Canvas(str(pdf), pagesize=(flowable.width, flowable.height))
    flowable.drawOn(canvas, 0, 0)
    canvas.showPage()
    canvas.save()
    subprocess.run(
        ["pdftoppm", "-png", "-r", "72", "-singlefile", str(pdf), str(tmp_path / photo.stem)],
        check=True,
    )
    with Image.open(tmp_path / f"{photo.stem}.png") as page:
        return page.convert("L")


def _difference(a: Image.Image, b: Image.Image) -> float:
    # Compared small, so that the two renderers' different resampling does not count.
    size = (max(1, a.width // 5), max(1, a.height // 5))
    small_a = a.resize(size, Image.Resampling.BOX)
    small_b = b.resize(size, Image.Resampling.BOX)
    return ImageStat.Stat(ImageChops.difference(small_a, small_b)).mean[0]


@pytest.mark.parametrize("shape", ["landscape", "portrait"])
@pytest.mark.parametrize("value", range(1, 9))
def test_each_orientation_is_drawn_upright(tmp_path: Path, shape: str, value: int) -> None:
    photo = PHOTOS / "orientation" / f"{shape}_{value}.jpg"
    rendered = _render(photo, tmp_path)
    with Image.open(photo) as original:
        upright = ImageOps.exif_transpose(original).convert("L")
    assert (rendered.width > rendered.height) == (upright.width > upright.height)
    same = _difference(rendered, upright)
    # The test fails if the transform were wrong: a turned or mirrored copy differs far more.
    wrong = min(
        _difference(rendered, upright.transpose(op))
        for op in (
            Image.Transpose.ROTATE_180,
            Image.Transpose.FLIP_LEFT_RIGHT,
            Image.Transpose.FLIP_TOP_BOTTOM,
        )
    )
    assert same < 8, same
    assert wrong > 3 * same
