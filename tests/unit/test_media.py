"""Reading evidence files: real camera photos (GPS, every orientation, many makers, broken EXIF)
and hostile files that the tests make."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from inspector.errors import InvalidInput
from inspector.evidence.media import inspect_file, parse_exif_time
from tests.helpers.homes import PHOTOS


def test_gps_photos_give_their_place_and_time() -> None:
    for path in sorted((PHOTOS / "gps").glob("*.jpg")):
        info = inspect_file(path)
        assert info.media_type == "image/jpeg"
        assert info.gps_lat is not None and info.gps_lon is not None, path.name
        assert -90 <= info.gps_lat <= 90 and -180 <= info.gps_lon <= 180
        assert info.captured_at is not None, path.name
        assert info.camera and "COOLPIX" in info.camera.upper()


def test_every_orientation_is_read() -> None:
    for shape in ("landscape", "portrait"):
        for value in range(1, 9):
            assert (
                inspect_file(PHOTOS / "orientation" / f"{shape}_{value}.jpg").orientation == value
            )


def test_many_camera_makers_parse() -> None:
    cameras = [inspect_file(p).camera for p in sorted((PHOTOS / "cameras").glob("*.jpg"))]
    assert len(cameras) == 7
    assert sum(1 for c in cameras if c) >= 6


@pytest.mark.parametrize("path", sorted((PHOTOS / "invalid").glob("*.jpg")), ids=lambda p: p.name)
def test_broken_exif_fails_soft(path: Path) -> None:
    info = inspect_file(path)  # must neither raise nor hang
    assert info.media_type == "image/jpeg"
    assert info.width and info.height


def test_empty_file_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    with pytest.raises(InvalidInput, match="为空"):
        inspect_file(empty)


def test_a_non_image_with_an_image_name_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "照片.jpg"
    fake.write_text("这不是图片", encoding="utf-8")
    with pytest.raises(InvalidInput, match="不是可识别的图片"):
        inspect_file(fake)


def test_a_truncated_jpeg_is_refused(tmp_path: Path) -> None:
    whole = (PHOTOS / "mobile" / "jolla.jpg").read_bytes()
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(InvalidInput, match="损坏或不完整"):
        inspect_file(cut)


def test_a_png_named_jpg_is_kept_as_png(tmp_path: Path) -> None:
    path = tmp_path / "scan.jpg"
    Image.new("RGB", (40, 30), "white").save(path, format="PNG")
    assert inspect_file(path).media_type == "image/png"


def _png_header_only(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


@pytest.mark.parametrize("side", [15_000, 60_000])  # above the limit, and above twice the limit
def test_a_decompression_bomb_is_refused_before_decoding(tmp_path: Path, side: int) -> None:
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(_png_header_only(side, side))
    with pytest.raises(InvalidInput, match="解压炸弹"):
        inspect_file(bomb)


def test_a_pdf_scan_is_accepted(tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    Image.new("RGB", (100, 140), "white").save(scan, format="PDF")
    assert inspect_file(scan).media_type == "application/pdf"


def test_exif_time_with_and_without_offset() -> None:
    with_offset = parse_exif_time("2026:11:22 09:30:00", "+08:00")
    assert with_offset is not None and with_offset.isoformat() == "2026-11-22T01:30:00+00:00"
    assert parse_exif_time("2026:11:22 09:30:00", None) is not None
    assert parse_exif_time("0000:00:00 00:00:00", None) is None
    assert parse_exif_time("garbage", None) is None
