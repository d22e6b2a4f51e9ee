"""The record places each photo's print-size copy made at intake: embedded byte for byte (no
decode, no re-encoding), upright for all eight EXIF orientations, with the original's hash."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFile, ImageOps, ImageStat
from reportlab.pdfgen.canvas import Canvas

from inspector.evidence.intake import add_evidence
from inspector.evidence.manage import set_caption
from inspector.inspections import get_inspection
from inspector.record.build import build_record
from inspector.record.layout import photo_flowable
from inspector.workspace import Workspace
from tests.helpers.evidence import new_inspection
from tests.helpers.homes import PHOTOS

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")


def _difference(a: Image.Image, b: Image.Image) -> float:
    size = (max(1, a.width // 5), max(1, a.height // 5))
    small_a = a.convert("L").resize(size, Image.Resampling.BOX)
    small_b = b.convert("L").resize(size, Image.Resampling.BOX)
    return ImageStat.Stat(ImageChops.difference(small_a, small_b)).mean[0]


@pytest.mark.parametrize("shape", ["landscape", "portrait"])
@pytest.mark.parametrize("value", [2, 3, 5, 6, 7, 8])
def test_the_record_draws_the_print_copy_upright(
    workspace: Workspace, tmp_path: Path, shape: str, value: int
) -> None:
    inspection_id = new_inspection(workspace)
    photo = PHOTOS / "orientation" / f"{shape}_{value}.jpg"
    add_evidence(workspace, inspection_id, [photo])
    [view] = get_inspection(workspace, inspection_id).evidence
    flowable = photo_flowable(workspace, view, 200, 200)
    assert flowable.orientation == 1  # upright already: no page transform
    assert flowable.data == workspace.store.read_bytes(view.print_sha256 or "", ".jpg")
    pdf = tmp_path / "page.pdf"
    canvas = Canvas(str(pdf), pagesize=(flowable.width, flowable.height))
    flowable.drawOn(canvas, 0, 0)
    canvas.showPage()
    canvas.save()
    subprocess.run(
        ["pdftoppm", "-png", "-r", "72", "-singlefile", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    with Image.open(tmp_path / "page.png") as page, Image.open(photo) as original:
        rendered = page.convert("L")
        upright = ImageOps.exif_transpose(original).convert("L")
    assert (rendered.width > rendered.height) == (upright.width > upright.height)
    same = _difference(rendered, upright.resize(rendered.size))
    wrong = min(
        _difference(rendered, upright.transpose(op).resize(rendered.size))
        for op in (
            Image.Transpose.ROTATE_180,
            Image.Transpose.FLIP_LEFT_RIGHT,
            Image.Transpose.FLIP_TOP_BOTTOM,
        )
    )
    assert same < 8, same
    assert wrong > 3 * same


def test_the_record_embeds_print_copies_and_never_decodes_a_photo(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inspection_id = new_inspection(workspace)
    photos = [PHOTOS / "mobile" / "jolla.jpg", PHOTOS / "orientation" / "portrait_6.jpg"]
    add_evidence(workspace, inspection_id, photos, added_by="370100001")
    views = get_inspection(workspace, inspection_id).evidence
    set_caption(workspace, views[0].id, "护士站床位一览表")
    decoded: list[str] = []
    real_load = ImageFile.ImageFile.load

    def counting_load(self: ImageFile.ImageFile) -> object:
        if self.tile:
            decoded.append(str(getattr(self, "filename", "")))
        return real_load(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counting_load)
    out = tmp_path / "记录.pdf"
    build_record(workspace, inspection_id, out)
    monkeypatch.setattr(ImageFile.ImageFile, "load", real_load)
    assert decoded == []
    data = out.read_bytes()
    for view in views:
        copy = workspace.store.path_for(view.print_sha256 or "", ".jpg").read_bytes()
        original = workspace.store.path_for(view.sha256, ".jpg").read_bytes()
        assert copy in data  # byte for byte
        assert original not in data
    # The record stays small: print copies of a few hundred KB, not the originals.
    assert len(data) < 2 * 1024 * 1024
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(text.split())
    assert "护士站床位一览表" in flat
    for view in views:
        assert view.sha256 in flat
