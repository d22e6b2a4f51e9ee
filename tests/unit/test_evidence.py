"""Evidence intake and its chain of custody, on the real camera photos and on hostile files the
tests make: originals kept unchanged and once, upright derived copies from one decode, captions,
links, annotation on a copy, removal only while editable, and a chain that names what changed."""

from __future__ import annotations

import hashlib
import math
import os
import sqlite3
import threading
import tracemalloc
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFile, ImageOps, ImageStat

from inspector.db.models import InspectionStatus
from inspector.errors import InvalidInput, NotFound
from inspector.evidence import custody
from inspector.evidence.export import MANIFEST, export_evidence
from inspector.evidence.intake import GROUP_MAX, IntakeResult, add_evidence, time_warning
from inspector.evidence.manage import (
    annotate_evidence,
    link_evidence,
    list_evidence,
    remove_evidence,
    set_caption,
)
from inspector.evidence.media import HEIF_SUPPORTED, PRINT_SIDE, THUMB_SIDE, dct_scale
from inspector.evidence.recovery import referenced_in
from inspector.evidence.sealing import add_seal_item, list_seal_items, remove_seal_item
from inspector.evidence.verify import verify_evidence
from inspector.inspections import (
    get_inspection,
    reopen_inspection,
)
from inspector.progress import Cancelled
from inspector.workspace import Workspace
from tests.helpers.evidence import assert_store_agrees, new_inspection, stored_evidence
from tests.helpers.homes import PHOTOS, phone_batch
from tests.helpers.lawful import finish_lawfully


def first_item(ws: Workspace, inspection_id: str) -> str:
    return get_inspection(ws, inspection_id).checklist.items[0].code


def stored_state(ws: Workspace) -> tuple[set[Path], set[Path]]:
    """(files in the store, files the rows name)."""
    files, named, _hashes = stored_evidence(ws)
    return files, named


def _difference(a: Image.Image, b: Image.Image) -> float:
    size = (32, 32)
    small_a = a.convert("L").resize(size, Image.Resampling.BOX)
    small_b = b.convert("L").resize(size, Image.Resampling.BOX)
    return ImageStat.Stat(ImageChops.difference(small_a, small_b)).mean[0]


def _red_pixels(image: Image.Image) -> int:
    r, g, b = image.convert("RGB").split()
    mask = ImageChops.multiply(
        r.point(lambda v: 255 if v > 180 else 0),
        ImageChops.multiply(
            g.point(lambda v: 255 if v < 80 else 0), b.point(lambda v: 255 if v < 80 else 0)
        ),
    )
    return int(mask.histogram()[255])


# --- intake of the real photos ------------------------------------------------------------


def test_real_photos_go_in_with_their_facts_and_hash(workspace: Workspace) -> None:
    inspection_id = new_inspection(workspace)
    photo = PHOTOS / "gps" / "DSCN0010.jpg"
    [result] = add_evidence(workspace, inspection_id, [photo], added_by="370100001")
    assert result.ok and not result.duplicate
    assert result.sha256 == hashlib.sha256(photo.read_bytes()).hexdigest()
    [view] = get_inspection(workspace, inspection_id).evidence
    assert view.original_name == "DSCN0010.jpg"
    assert view.gps_lat is not None and view.gps_lon is not None
    assert view.camera and "COOLPIX" in view.camera.upper()
    assert view.captured_at is not None
    assert view.added_by == "张伟"
    # The original is kept unchanged, byte for byte.
    stored = workspace.store.path_for(view.sha256, ".jpg")
    assert stored.read_bytes() == photo.read_bytes()
    # A photo taken in 2008 is far from a visit today: the team is warned.
    assert view.time_warning and "早于本次检查" in view.time_warning


@pytest.mark.parametrize("shape", ["landscape", "portrait"])
@pytest.mark.parametrize("value", range(1, 9))
def test_thumbnail_and_print_copy_are_upright(workspace: Workspace, shape: str, value: int) -> None:
    inspection_id = new_inspection(workspace)
    photo = PHOTOS / "orientation" / f"{shape}_{value}.jpg"
    add_evidence(workspace, inspection_id, [photo])
    [view] = get_inspection(workspace, inspection_id).evidence
    assert view.orientation == value
    with Image.open(photo) as original:
        upright = ImageOps.exif_transpose(original)
    assert view.thumb_sha256 and view.print_sha256
    for sha in (view.thumb_sha256, view.print_sha256):
        with Image.open(workspace.store.path_for(sha, ".jpg")) as copy:
            assert copy.getexif().get(0x0112) is None  # no orientation left to apply
            assert (copy.width > copy.height) == (upright.width > upright.height)
            same = _difference(copy, upright)
            wrong = min(
                _difference(copy, upright.transpose(op))
                for op in (
                    Image.Transpose.ROTATE_180,
                    Image.Transpose.FLIP_LEFT_RIGHT,
                    Image.Transpose.FLIP_TOP_BOTTOM,
                )
            )
            assert same < 6, same
            assert wrong > 3 * same


def test_one_decode_makes_both_copies_at_a_reduced_scale(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    inspection_id = new_inspection(workspace)
    decoded: list[tuple[int, int]] = []
    real_load = ImageFile.ImageFile.load

    def counting_load(self: ImageFile.ImageFile) -> object:
        if self.tile:  # a real decode (load() on loaded pixels does nothing)
            decoded.append(self.size)
        return real_load(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counting_load)
    photo = PHOTOS / "mobile" / "jolla.jpg"  # 3264 x 2448
    [result] = add_evidence(workspace, inspection_id, [photo])
    assert result.ok
    # One decode, by libjpeg's DCT scaling at 1/4: 816 x 612, which is the print copy itself,
    # with no resampling after it.
    assert decoded == [(816, 612)]
    [view] = get_inspection(workspace, inspection_id).evidence
    with Image.open(workspace.store.path_for(view.print_sha256 or "", ".jpg")) as copy:
        assert copy.size == (816, 612)
        copy.load()
        printed = copy.convert("RGB")
    with Image.open(workspace.store.path_for(view.thumb_sha256 or "", ".jpg")) as thumb:
        assert max(thumb.size) == THUMB_SIDE
    # The same picture as a full decode shrunk with Lanczos, not a crop or a shifted one: the
    # difference is JPEG noise (quality 80), not content.
    with Image.open(photo) as full:
        reference = full.convert("RGB").resize((816, 612), Image.Resampling.LANCZOS)
    assert psnr(printed, reference) > 30
    shifted = reference.transform(reference.size, Image.Transform.AFFINE, (1, 0, 4, 0, 1, 0))
    assert psnr(printed, shifted) < psnr(printed, reference) - 3


def psnr(a: Image.Image, b: Image.Image) -> float:
    rms = ImageStat.Stat(ImageChops.difference(a, b)).rms
    mse = sum(value * value for value in rms) / len(rms)
    return 10 * math.log10(255 * 255 / max(mse, 1e-9))


@pytest.mark.parametrize(
    ("size", "scale"),
    [
        ((3264, 2448), (4, (816, 612))),  # 8 MP: 1/4
        ((3648, 2736), (4, (912, 684))),  # 10 MP
        ((4000, 3000), (4, (1000, 750))),  # 12 MP
        ((2448, 3264), (4, (612, 816))),  # stored upright
        ((4608, 3456), (4, (1152, 864))),  # 16 MP
        ((6000, 4500), (4, (1500, 1125))),  # 27 MP: 1/4, then shrunk to PRINT_SIDE
        ((8000, 6000), (8, (1000, 750))),  # 48 MP: 1/8
        ((2000, 1500), (2, (1000, 750))),  # 3/8 would be under 800 px: 1/2
        ((1000, 800), (1, (1000, 800))),  # 1/2 would be under 800 px: a full decode
    ],
)
def test_the_dct_scale_is_the_smallest_that_keeps_the_print_size(
    size: tuple[int, int], scale: tuple[int, tuple[int, int]]
) -> None:
    assert dct_scale(*size) == scale


def test_a_photo_larger_than_the_print_range_is_shrunk_to_the_print_side(
    workspace: Workspace, tmp_path: Path
) -> None:
    inspection_id = new_inspection(workspace)
    with Image.open(PHOTOS / "mobile" / "jolla.jpg") as source:
        big = source.convert("RGB").resize((6000, 4500))
    path = tmp_path / "27mp.jpg"
    big.save(path, quality=85)
    [result] = add_evidence(workspace, inspection_id, [path])
    assert result.ok, result.error
    [view] = get_inspection(workspace, inspection_id).evidence
    with Image.open(workspace.store.path_for(view.print_sha256 or "", ".jpg")) as copy:
        assert copy.size == (PRINT_SIDE, 750)
        copy.load()
        printed = copy.convert("RGB")
    assert psnr(printed, big.resize(printed.size, Image.Resampling.LANCZOS)) > 30


def test_broken_exif_fails_soft_with_a_note(workspace: Workspace) -> None:
    inspection_id = new_inspection(workspace)
    results = add_evidence(workspace, inspection_id, [PHOTOS / "invalid"])
    assert len(results) == 7 and all(r.ok for r in results)
    views = get_inspection(workspace, inspection_id).evidence
    assert all(v.thumb_sha256 for v in views)
    assert_store_agrees(workspace)


def test_the_same_photo_twice_is_one_file_and_two_links(workspace: Workspace) -> None:
    inspection_id = new_inspection(workspace)
    item = first_item(workspace, inspection_id)
    photo = PHOTOS / "gps" / "DSCN0012.jpg"
    first = add_evidence(workspace, inspection_id, [photo, photo])
    assert [r.duplicate for r in first] == [False, True]
    linked = add_evidence(workspace, inspection_id, [photo], item_code=item)
    assert not linked[0].duplicate
    views = get_inspection(workspace, inspection_id).evidence
    assert len(views) == 2 and views[0].sha256 == views[1].sha256
    assert len(list(workspace.store.files())) == 3  # original, thumbnail, print copy
    assert_store_agrees(workspace)


def test_time_warning_rule() -> None:
    now = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
    start = now - timedelta(hours=2)
    assert time_warning(None, start, None, now) is None
    assert time_warning(start - timedelta(hours=11), start, None, now) is None
    assert time_warning(now + timedelta(hours=11), start, None, now) is None
    early = time_warning(start - timedelta(hours=13), start, None, now)
    assert early and "早于本次检查 13 小时" in early
    late = time_warning(now + timedelta(days=2, hours=1), start, now, now)
    assert late and "晚于本次检查 2 天 1 小时" in late


# --- formats and hostile files ------------------------------------------------------------


def _add_one(ws: Workspace, inspection_id: str, path: Path) -> IntakeResult:
    [result] = add_evidence(ws, inspection_id, [path])
    return result


def test_scans_and_phone_formats(workspace: Workspace, tmp_path: Path) -> None:
    inspection_id = new_inspection(workspace)
    pages = [Image.new("RGB", (1240, 1754), c) for c in ("white", "lightgrey", "ivory")]
    tiff = tmp_path / "扫描件.tif"
    pages[0].save(tiff, save_all=True, append_images=pages[1:], compression="tiff_lzw")
    pdf = tmp_path / "处方.pdf"
    pages[0].save(pdf, save_all=True, append_images=pages[1:])
    png = tmp_path / "截图.png"
    Image.new("RGBA", (800, 600), (255, 0, 0, 128)).save(png)
    deep = tmp_path / "16bit.png"
    Image.new("I;16", (500, 400), 40000).save(deep)
    video = tmp_path / "录像.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 100)
    results = {p.name: _add_one(workspace, inspection_id, p) for p in (tiff, pdf, png, deep, video)}
    assert all(r.ok for r in results.values()), {k: r.error for k, r in results.items()}
    views = {v.original_name: v for v in get_inspection(workspace, inspection_id).evidence}
    assert views["扫描件.tif"].pages == 3 and views["扫描件.tif"].thumb_sha256
    assert views["处方.pdf"].media_type == "application/pdf"
    assert views["处方.pdf"].thumb_sha256 is None  # no renderer in the core: an icon
    assert views["录像.mp4"].media_type == "video/mp4"
    with Image.open(workspace.store.path_for(views["16bit.png"].print_sha256 or "", ".jpg")) as c:
        assert 150 < c.convert("L").getpixel((10, 10)) < 160  # 40000 / 256, not clipped white
    assert_store_agrees(workspace)


@pytest.mark.skipif(not HEIF_SUPPORTED, reason="pillow-heif not installed")
def test_heic_from_a_phone_is_taken_upright(workspace: Workspace, tmp_path: Path) -> None:
    inspection_id = new_inspection(workspace)
    source = PHOTOS / "orientation" / "portrait_6.jpg"
    heic = tmp_path / "IMG_0001.HEIC"
    with Image.open(source) as image:
        image.save(heic, format="HEIF", exif=image.getexif().tobytes())
        upright = ImageOps.exif_transpose(image)
    result = _add_one(workspace, inspection_id, heic)
    assert result.ok, result.error
    [view] = get_inspection(workspace, inspection_id).evidence
    assert view.media_type == "image/heic"
    assert workspace.store.path_for(view.sha256, ".heic").read_bytes() == heic.read_bytes()
    with Image.open(workspace.store.path_for(view.print_sha256 or "", ".jpg")) as copy:
        assert (copy.width > copy.height) == (upright.width > upright.height)
        assert _difference(copy, upright) < 8


def _png_header_only(width: int, height: int) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


def test_bad_files_get_a_message_and_the_rest_of_the_batch_goes_in(
    workspace: Workspace, tmp_path: Path
) -> None:
    inspection_id = new_inspection(workspace)
    card = tmp_path / "DCIM"
    card.mkdir()
    whole = (PHOTOS / "mobile" / "jolla.jpg").read_bytes()
    (card / "01_truncated.jpg").write_bytes(whole[: len(whole) // 3])
    (card / "02_empty.jpg").write_bytes(b"")
    (card / "03_not_a_photo.jpg").write_text("这不是图片", encoding="utf-8")
    (card / "04_bomb.png").write_bytes(_png_header_only(60_000, 60_000))
    (card / "05_corrupt.jpg").write_bytes(whole[:2000] + os.urandom(50_000))
    good = ["06_ok.jpg", "07_ok_证据.jpg"]
    (card / good[0]).write_bytes((PHOTOS / "gps" / "DSCN0021.jpg").read_bytes())
    (card / good[1]).write_bytes((PHOTOS / "cameras" / "Canon_40D.jpg").read_bytes())
    (card / ".Trashes").mkdir()
    (card / ".Trashes" / "hidden.jpg").write_bytes(whole)
    results = {r.path.name: r for r in add_evidence(workspace, inspection_id, [card])}
    assert set(results) == {p.name for p in card.iterdir() if p.is_file()}
    assert "损坏或不完整" in (results["01_truncated.jpg"].error or "")
    assert "为空" in (results["02_empty.jpg"].error or "")
    assert "不是可识别的" in (results["03_not_a_photo.jpg"].error or "")
    assert "解压炸弹" in (results["04_bomb.png"].error or "")
    assert results["05_corrupt.jpg"].error
    assert all(results[name].ok for name in good)
    assert len(get_inspection(workspace, inspection_id).evidence) == 2
    assert_store_agrees(workspace)  # nothing half-made of the refused files


@pytest.mark.parametrize(
    "name",
    [
        "检查照片_药房.jpg",
        "صورة الدليل.jpg",  # Arabic, right to left
        "ཞིབ་བཤེར.jpg",  # Tibetan
        "Фото 📷 №1.jpg",
        "ঁ\u0301combining.jpg",
    ],
)
def test_names_in_any_script_are_kept(workspace: Workspace, tmp_path: Path, name: str) -> None:
    inspection_id = new_inspection(workspace)
    path = tmp_path / name
    path.write_bytes((PHOTOS / "gps" / "DSCN0025.jpg").read_bytes())
    result = _add_one(workspace, inspection_id, path)
    assert result.ok, result.error
    [view] = get_inspection(workspace, inspection_id).evidence
    import unicodedata

    assert view.original_name == unicodedata.normalize("NFC", name)


@pytest.mark.skipif(os.name == "nt", reason="POSIX file names are bytes")
def test_a_name_that_is_not_utf8_is_kept_readable(workspace: Workspace, tmp_path: Path) -> None:
    inspection_id = new_inspection(workspace)
    raw = os.fsencode(tmp_path) + b"/\xb2\xe9\xd5\xd5.jpg"  # "查照" in GBK, as an old card names it
    with open(raw, "wb") as handle:
        handle.write((PHOTOS / "gps" / "DSCN0027.jpg").read_bytes())
    result = _add_one(workspace, inspection_id, Path(os.fsdecode(raw)))
    assert result.ok, result.error
    [view] = get_inspection(workspace, inspection_id).evidence
    assert view.original_name.endswith(".jpg") and "\ufffd" in view.original_name


@pytest.mark.slow
def test_a_file_of_hundreds_of_megabytes_is_streamed(workspace: Workspace, tmp_path: Path) -> None:
    inspection_id = new_inspection(workspace)
    big = tmp_path / "监控录像.pdf"
    size = 300 * 1024 * 1024
    with big.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(size)  # sparse: cheap to make, read as zeros
    junk = tmp_path / "巨大的.jpg"
    with junk.open("wb") as handle:
        handle.write(b"not an image at all")
        handle.truncate(size)
    tracemalloc.start()
    try:
        results = add_evidence(workspace, inspection_id, [big, junk])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert results[0].ok and results[1].error
    assert peak < 40 * 1024 * 1024, peak  # never the whole file in memory
    [view] = get_inspection(workspace, inspection_id).evidence
    assert view.size == size
    assert_store_agrees(workspace)


def test_a_missing_file_and_a_full_disk_are_reported_per_file(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inspection_id = new_inspection(workspace)
    missing = tmp_path / "不存在.jpg"
    [result] = add_evidence(workspace, inspection_id, [missing])
    assert result.error and "不存在" in result.error

    import errno

    from inspector.evidence import store as store_module

    real_fsync = os.fsync
    calls = {"n": 0}

    def full(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] > 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(store_module.os, "fsync", full)
    results = add_evidence(workspace, inspection_id, [PHOTOS / "gps" / "DSCN0029.jpg"], workers=1)
    monkeypatch.setattr(store_module.os, "fsync", real_fsync)
    assert results[0].error and "磁盘已满" in results[0].error
    assert get_inspection(workspace, inspection_id).evidence == []
    assert_store_agrees(workspace)


# --- captions, links, annotation, removal -------------------------------------------------


def test_caption_link_annotate_and_remove_are_in_the_chain(workspace: Workspace) -> None:
    inspection_id = new_inspection(workspace)
    item = first_item(workspace, inspection_id)
    photo = PHOTOS / "orientation" / "landscape_6.jpg"
    [result] = add_evidence(workspace, inspection_id, [photo], added_by="370100002")
    evidence_id = result.evidence_id or ""
    set_caption(workspace, evidence_id[:8], "  药房货架上的过期药品  ", by="370100001")
    link_evidence(workspace, evidence_id, item)
    with pytest.raises(NotFound):
        link_evidence(workspace, evidence_id, "Z9.99")
    with pytest.raises(InvalidInput, match="不是本检查组"):
        set_caption(workspace, evidence_id, "x", by="999")
    copy_id = annotate_evidence(
        workspace,
        evidence_id,
        [
            {"kind": "arrow", "x1": 0.1, "y1": 0.1, "x2": 0.5, "y2": 0.5},
            {"kind": "circle", "x1": 0.4, "y1": 0.4, "x2": 0.8, "y2": 0.7},
            {"kind": "text", "x1": 0.05, "y1": 0.8, "text": "批号 20240301 已过期"},
        ],
        by="370100001",
    )
    views = {v.id: v for v in get_inspection(workspace, inspection_id).evidence}
    original, annotated = views[evidence_id], views[copy_id]
    assert original.caption == "药房货架上的过期药品" and original.item_code == item
    assert annotated.source_sha256 == original.sha256
    assert annotated.derived_from == original.id
    assert annotated.item_code == item and annotated.caption == original.caption
    # The original is untouched; the copy is upright and shows red marks the print copy lacks.
    assert workspace.store.path_for(original.sha256, ".jpg").read_bytes() == photo.read_bytes()
    with (
        Image.open(workspace.store.path_for(annotated.sha256, ".jpg")) as drawn,
        Image.open(workspace.store.path_for(original.print_sha256 or "", ".jpg")) as base,
    ):
        assert drawn.size == base.size
        assert _red_pixels(drawn) > _red_pixels(base) + 500
    with pytest.raises(InvalidInput, match="标注副本"):
        remove_evidence(workspace, evidence_id)
    remove_evidence(workspace, copy_id, by="370100001")
    remove_evidence(workspace, evidence_id)
    assert get_inspection(workspace, inspection_id).evidence == []
    with workspace.db.session() as session:
        chain = custody.read_chain(session, inspection_id)
    assert [e.event for e in chain] == [
        "added",
        "captioned",
        "linked",
        "annotated",
        "removed",
        "removed",
    ]
    assert chain[0].actor == {"name": "李娜", "cert_no": "370100002"}
    assert chain[1].data == {"caption": "药房货架上的过期药品", "previous": ""}
    assert chain[3].data["source_sha256"] == original.sha256
    assert verify_evidence(workspace, inspection_id).ok
    # Removed evidence takes its files with it (personal data does not stay on the laptop).
    assert list(workspace.store.files()) == []


def test_bad_annotations_are_refused(workspace: Workspace) -> None:
    inspection_id = new_inspection(workspace)
    [result] = add_evidence(workspace, inspection_id, [PHOTOS / "gps" / "DSCN0038.jpg"])
    evidence_id = result.evidence_id or ""
    for shapes, message in (
        ([], "没有标注"),
        ([{"kind": "star", "x1": 0, "y1": 0}], "未知的标注类型"),
        ([{"kind": "arrow", "x1": 0.2, "y1": 0.2, "x2": 0.2, "y2": 0.2}], "起点和终点相同"),
        ([{"kind": "text", "x1": 0.2, "y1": 0.2, "text": "  "}], "不能为空"),
        ([{"kind": "circle", "x1": "a", "y1": 0, "x2": 1, "y2": 1}], "不是数字"),
        ([{"kind": "circle", "x1": 9, "y1": 0, "x2": 1, "y2": 1}], "超出图片范围"),
    ):
        with pytest.raises(InvalidInput, match=message):
            annotate_evidence(workspace, evidence_id, shapes)
    assert len(get_inspection(workspace, inspection_id).evidence) == 1


def _set_status(ws: Workspace, inspection_id: str, status: InspectionStatus) -> None:
    # Through the unit of work: outside it the engine refuses every write.
    with ws.change(None, "test.status", inspection=inspection_id, editable=False) as ch:
        assert ch.inspection is not None
        ch.inspection.status = status


@pytest.mark.parametrize("status", [InspectionStatus.AWAITING_SIGNATURES, InspectionStatus.SIGNED])
def test_evidence_of_a_finished_or_signed_inspection_cannot_change(
    workspace: Workspace, status: InspectionStatus
) -> None:
    inspection_id = new_inspection(workspace)
    [result] = add_evidence(workspace, inspection_id, [PHOTOS / "gps" / "DSCN0040.jpg"])
    evidence_id = result.evidence_id or ""
    add_seal_item(workspace, inspection_id, description="处方", quantity="3", unit="本")
    finish_lawfully(workspace, inspection_id)
    _set_status(workspace, inspection_id, status)
    name = "待签字" if status is InspectionStatus.AWAITING_SIGNATURES else "已签字"
    attempts = [
        lambda: remove_evidence(workspace, evidence_id),
        lambda: set_caption(workspace, evidence_id, "改"),
        lambda: link_evidence(workspace, evidence_id, None),
        lambda: annotate_evidence(
            workspace, evidence_id, [{"kind": "text", "x1": 0, "y1": 0, "text": "x"}]
        ),
        lambda: add_evidence(workspace, inspection_id, [PHOTOS / "gps" / "DSCN0042.jpg"]),
        lambda: add_seal_item(workspace, inspection_id, description="x", quantity="1", unit="个"),
        lambda: remove_seal_item(workspace, inspection_id, 1),
    ]
    for attempt in attempts:
        with pytest.raises(InvalidInput, match=name):
            attempt()
    assert len(get_inspection(workspace, inspection_id).evidence) == 1
    assert len(list_seal_items(workspace, inspection_id)) == 1
    assert verify_evidence(workspace, inspection_id).ok


def test_the_database_itself_keeps_the_log_append_only_and_files_fixed(
    workspace: Workspace,
) -> None:
    inspection_id = new_inspection(workspace)
    add_evidence(workspace, inspection_id, [PHOTOS / "gps" / "DSCN0010.jpg"])
    connection = sqlite3.connect(workspace.home.database)
    try:
        for sql in (
            "update custody_events set body = '{}'",
            "delete from custody_events",
            "update evidence set sha256 = 'x'",
        ):
            with pytest.raises(sqlite3.IntegrityError):
                connection.execute(sql)
    finally:
        connection.close()
    assert verify_evidence(workspace, inspection_id).ok


def test_reopened_inspection_takes_evidence_again(workspace: Workspace) -> None:
    inspection_id = new_inspection(workspace)
    finish_lawfully(workspace, inspection_id)
    with pytest.raises(InvalidInput, match="待签字"):
        add_evidence(workspace, inspection_id, [PHOTOS / "gps" / "DSCN0010.jpg"])
    reopen_inspection(workspace, inspection_id)
    assert add_evidence(workspace, inspection_id, [PHOTOS / "gps" / "DSCN0010.jpg"])[0].ok


# --- the chain of custody and its verification --------------------------------------------


@pytest.fixture
def evidenced(workspace: Workspace) -> Iterator[tuple[Workspace, str]]:
    inspection_id = new_inspection(workspace)
    results = add_evidence(
        workspace,
        inspection_id,
        [PHOTOS / "gps" / "DSCN0010.jpg", PHOTOS / "gps" / "DSCN0012.jpg"],
        added_by="370100001",
    )
    set_caption(workspace, results[0].evidence_id or "", "收费台账")
    add_seal_item(
        workspace,
        inspection_id,
        description="住院收费台账 2024 年",
        quantity="2",
        unit="本",
        evidence_ids=[results[0].evidence_id or ""],
    )
    yield workspace, inspection_id


def _tamper(ws: Workspace, *sql: str) -> None:
    connection = sqlite3.connect(ws.home.database)
    try:
        # Someone with the sqlite3 tool: drops the guards first, then edits.
        connection.execute("drop trigger if exists custody_events_no_update")
        connection.execute("drop trigger if exists custody_events_no_delete")
        connection.execute("drop trigger if exists evidence_file_is_fixed")
        connection.execute("drop trigger if exists evidence_delete_needs_tombstone")
        for statement in sql:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def test_an_untouched_chain_verifies(evidenced: tuple[Workspace, str]) -> None:
    ws, inspection_id = evidenced
    report = verify_evidence(ws, inspection_id)
    assert report.ok, report.problems
    assert report.entries == 4 and report.evidence == 2 and report.files == 6


def test_a_changed_file_is_named(evidenced: tuple[Workspace, str]) -> None:
    ws, inspection_id = evidenced
    view = get_inspection(ws, inspection_id).evidence[1]
    path = ws.store.path_for(view.sha256, ".jpg")
    path.chmod(0o600)
    data = bytearray(path.read_bytes())
    data[5000] ^= 0xFF
    path.write_bytes(bytes(data))
    ws.store.path_for(view.thumb_sha256 or "", ".jpg").unlink()
    report = verify_evidence(ws, inspection_id)
    assert not report.ok
    messages = [str(p) for p in report.problems]
    assert len(messages) == 2
    assert any("DSCN0012.jpg 的原件" in m and "内容已改变" in m for m in messages)
    assert any("DSCN0012.jpg 的缩略图" in m and "缺失" in m for m in messages)


def test_an_edited_entry_is_named_by_its_number(evidenced: tuple[Workspace, str]) -> None:
    ws, inspection_id = evidenced
    _tamper(
        ws, "update custody_events set body = replace(body, '收费台账', '门诊日志') where seq = 3"
    )
    report = verify_evidence(ws, inspection_id)
    kinds = {(p.kind, p.where.split("（")[0]) for p in report.problems}
    assert ("entry", "保管记录第 3 条") in kinds
    # The row still says 收费台账: the chain and the row disagree too.
    assert any(p.kind == "row" and "caption" in p.message for p in report.problems)


def test_a_rehashed_entry_breaks_the_link_to_the_next(evidenced: tuple[Workspace, str]) -> None:
    ws, inspection_id = evidenced
    with ws.db.session() as session:
        body = custody.read_chain(session, inspection_id)
    connection = sqlite3.connect(ws.home.database)
    row = connection.execute(
        "select body from custody_events where inspection_id = ? and seq = 2", (inspection_id,)
    ).fetchone()
    connection.close()
    forged = row[0].replace("DSCN0012.jpg", "DSCN9999.jpg")
    new_hash = custody.entry_hash(forged)
    _tamper(
        ws,
        f"update custody_events set body = '{forged}', hash = '{new_hash}' "
        f"where inspection_id = '{inspection_id}' and seq = 2",
    )
    report = verify_evidence(ws, inspection_id)
    assert len(body) == 4
    assert [p.where for p in report.problems if p.kind == "entry"] == ["保管记录第 3 条（说明）"]
    assert "链接断开" in report.problems[0].message


def test_a_deleted_entry_and_a_deleted_row_are_named(evidenced: tuple[Workspace, str]) -> None:
    ws, inspection_id = evidenced
    victim = get_inspection(ws, inspection_id).evidence[1]
    _tamper(
        ws,
        f"delete from custody_events where seq = 4 and inspection_id = '{inspection_id}'",
        f"delete from evidence where id = '{victim.id}'",
    )
    report = verify_evidence(ws, inspection_id)
    messages = [str(p) for p in report.problems]
    assert any("封存清单第 1 项" in m and "没有它的封存记录" in m for m in messages)
    assert any(victim.id[:8] in m and "消失" in m for m in messages)


def test_an_evidence_row_changed_behind_the_app_is_named(
    evidenced: tuple[Workspace, str],
) -> None:
    ws, inspection_id = evidenced
    victim = get_inspection(ws, inspection_id).evidence[0]
    other = get_inspection(ws, inspection_id).evidence[1]
    _tamper(ws, f"update evidence set sha256 = '{other.sha256}' where id = '{victim.id}'")
    report = verify_evidence(ws, inspection_id)
    assert any(
        p.kind == "row" and victim.id[:8] in p.where and "sha256" in p.message
        for p in report.problems
    )


def test_two_writers_keep_one_chain(workspace: Workspace, tmp_path: Path) -> None:
    inspection_id = new_inspection(workspace)
    folders = []
    for number in range(2):
        folder = tmp_path / f"card{number}"
        folder.mkdir()
        for index in range(6):
            image = Image.new("RGB", (320, 240), (number * 100, index * 30, 90))
            image.save(folder / f"{index}.jpg")
        folders.append(folder)
    second = Workspace.open(workspace.home.root)
    errors: list[BaseException] = []

    def run(ws: Workspace, folder: Path) -> None:
        try:
            assert all(r.ok for r in add_evidence(ws, inspection_id, [folder]))
        except BaseException as error:
            errors.append(error)

    threads = [
        threading.Thread(target=run, args=(ws, folder))
        for ws, folder in zip((workspace, second), folders, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    second.close()
    assert errors == []
    report = verify_evidence(workspace, inspection_id)
    assert report.ok and report.entries == 12


# --- sealing list and export --------------------------------------------------------------


def test_sealing_list(workspace: Workspace) -> None:
    inspection_id = new_inspection(workspace)
    [photo] = add_evidence(workspace, inspection_id, [PHOTOS / "gps" / "DSCN0021.jpg"])
    first = add_seal_item(
        workspace,
        inspection_id,
        description="阿莫西林胶囊 0.25g×24粒",
        quantity="12",
        unit="盒",
        note="药房二号柜，封条 0001",
        evidence_ids=[(photo.evidence_id or "")[:8]],
        by="370100001",
    )
    second = add_seal_item(
        workspace, inspection_id, description="进销存台账", quantity="1,2", unit="本"
    )
    assert (first.position, second.position, second.quantity) == (1, 2, "12")
    for quantity, message in (("0", "大于 0"), ("abc", "不是数字"), ("1.2345", "三位小数")):
        with pytest.raises(InvalidInput, match=message):
            add_seal_item(workspace, inspection_id, description="x", quantity=quantity, unit="盒")
    with pytest.raises(InvalidInput, match="单位"):
        add_seal_item(workspace, inspection_id, description="x", quantity="1", unit=" ")
    with pytest.raises(InvalidInput, match="封存清单第 1 项"):
        remove_evidence(workspace, photo.evidence_id or "")
    remove_seal_item(workspace, inspection_id, 2)
    third = add_seal_item(workspace, inspection_id, description="处方", quantity="3", unit="张")
    assert third.position == 3  # numbers are never reused
    items = list_seal_items(workspace, inspection_id)
    assert [(i.position, i.added_by) for i in items] == [(1, "张伟"), (3, None)]
    assert items[0].evidence_ids == [photo.evidence_id]
    assert verify_evidence(workspace, inspection_id).ok


def test_export_copies_originals_checks_them_and_logs_it(
    workspace: Workspace, tmp_path: Path
) -> None:
    inspection_id = new_inspection(workspace)
    add_evidence(workspace, inspection_id, [PHOTOS / "gps"], added_by="370100001")
    finish_lawfully(workspace, inspection_id)
    _set_status(workspace, inspection_id, InspectionStatus.SIGNED)  # export is still allowed
    target = tmp_path / "U盘" / "案卷"
    result = export_evidence(workspace, inspection_id, target, by="370100002")
    assert result.files == 9
    import json

    manifest = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        assert hashlib.sha256((target / entry["file"]).read_bytes()).hexdigest() == entry["sha256"]
    assert [e["event"] for e in manifest["custody_chain"]].count("exported") == 9
    assert verify_evidence(workspace, inspection_id).ok
    with pytest.raises(InvalidInput, match="不是空文件夹"):
        export_evidence(workspace, inspection_id, target)


# --- interrupted and cancelled work -------------------------------------------------------


class CancelAfter:
    def __init__(self, files: int) -> None:
        self.files = files
        self.done = 0

    def start(self, total: int, label: str) -> None:
        pass

    def advance(self, done: int, message: str = "") -> None:
        self.done = done

    @property
    def cancelled(self) -> bool:
        return self.done >= self.files


def test_cancel_keeps_what_went_in_and_leaves_nothing_half_made(
    workspace: Workspace, tmp_path: Path
) -> None:
    inspection_id = new_inspection(workspace)
    # More files than one transaction takes (GROUP_MAX), so there is a "between" to stop at.
    phone_batch(tmp_path / "card", GROUP_MAX + 10, 1)
    with pytest.raises(Cancelled):
        add_evidence(workspace, inspection_id, [tmp_path / "card"], reporter=CancelAfter(3))
    # Cancelled between two commits: what was committed stays (a group holds up to GROUP_MAX).
    assert 3 <= len(get_inspection(workspace, inspection_id).evidence) <= GROUP_MAX
    assert_store_agrees(workspace)
    assert verify_evidence(workspace, inspection_id).ok


def test_what_a_dead_intake_left_is_cleaned_at_the_next_start(
    workspace: Workspace, tmp_path: Path
) -> None:
    inspection_id = new_inspection(workspace)
    add_evidence(workspace, inspection_id, [PHOTOS / "gps" / "DSCN0010.jpg"])
    kept = set(workspace.store.files())
    # A scratch that journaled and stored files, then "died" before its rows were committed
    # (its lock released, its folder left behind), plus a half-written temporary file.
    scratch_cm = workspace.store.scratch(None)
    scratch = scratch_cm.__enter__()
    staged = scratch.stage(PHOTOS / "gps" / "DSCN0012.jpg")
    scratch.keep([(staged, ".jpg")])
    scratch.put_bytes(b"thumbnail bytes", ".jpg")
    # The same bytes as a kept row's file: journaled, but a row names it, so it must stay.
    scratch.journal([(next(iter(kept)).stem, ".jpg")])
    (scratch.directory / "in-partial").write_bytes(b"half")
    scratch_cm.__exit__(None, None, None)  # no database: the folder stays for the next start
    assert len(set(workspace.store.files())) == len(kept) + 2
    with Workspace.open(workspace.home.root) as again:
        assert any("临时文件" in notice for notice in again.notices)
        assert set(again.store.files()) == kept
        assert_store_agrees(again)


def test_a_live_intake_is_not_cleaned_by_another_start(workspace: Workspace) -> None:
    with workspace.store.scratch(referenced_in(workspace.db)) as scratch:
        sha = scratch.put_bytes(b"in progress", ".jpg")
        with Workspace.open(workspace.home.root) as other:
            assert other.store.path_for(sha, ".jpg").is_file()
            assert scratch.directory.is_dir()
    assert not workspace.store.path_for(sha, ".jpg").exists()  # no row: removed at the end


def test_list_evidence_by_item(workspace: Workspace) -> None:
    inspection_id = new_inspection(workspace)
    item = first_item(workspace, inspection_id)
    add_evidence(workspace, inspection_id, [PHOTOS / "gps" / "DSCN0010.jpg"], item_code=item)
    add_evidence(workspace, inspection_id, [PHOTOS / "gps" / "DSCN0012.jpg"])
    assert [v.original_name for v in list_evidence(workspace, inspection_id, item)] == [
        "DSCN0010.jpg"
    ]
    loose = list_evidence(workspace, inspection_id, all_items=False)
    assert [v.original_name for v in loose] == ["DSCN0012.jpg"]
    assert len(list_evidence(workspace, inspection_id)) == 2
