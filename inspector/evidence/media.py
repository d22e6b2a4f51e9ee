"""Checking an incoming file and reading what the camera recorded (time, place, camera,
orientation). Broken EXIF fails soft: the photo is kept, with a note of what could not be read.

One decode per photo serves everything intake needs from the pixels: it proves the file whole (a
truncated JPEG fails only when decoded), and gives the thumbnail and the print-size copy that the
record places. A JPEG is decoded by libjpeg at the smallest DCT scale (1/8, 1/4, 3/8, 1/2 or 1)
that still gives the print size: for 8-12 MP phone photos 1/4, which *is* the print copy (816-1000
px), with no resampling after it. Both copies are made from that decode, and they are turned
upright by the EXIF orientation only after shrinking (turning first would force a full decode).
"""

from __future__ import annotations

import io
import math
import os
import unicodedata
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import IO, Any

from PIL import Image, ImageFile, UnidentifiedImageError

from inspector.errors import InvalidInput

# A 200 MP image is beyond any phone or scanner page in use; larger is refused as a bomb.
MAX_PIXELS = 200_000_000

_FORMATS = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "TIFF": "image/tiff",
    "WEBP": "image/webp",
    "BMP": "image/bmp",
    "GIF": "image/gif",
    "MPO": "image/jpeg",  # some cameras' JPEG with a second frame
    "HEIF": "image/heic",  # iPhones and many Android phones (with pillow-heif)
}

try:  # HEIC/HEIF photos, where the optional pillow-heif wheel is installed
    from pillow_heif import register_heif_opener

    register_heif_opener()
    HEIF_SUPPORTED = True
except ImportError:  # pragma: no cover - pinned in requirements.txt
    HEIF_SUPPORTED = False

# Brands of the ISO media file (``ftyp``) that are still images (HEIF) rather than video.
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif"}
_QUICKTIME_BRANDS = {b"qt  "}

# The print-size copy: the record places photos in a 120 x 95 mm box. A long side of 816-1200 px
# there is 173-254 dpi: more than an office laser printer's halftone resolves in a photo, and
# the original, kept with its hash, is the evidence. Measured on 8-12 MP phone photos: at
# quality 80 about 90 KB a copy, so a record of 100 photos is near 10 MB.
PRINT_SIDE = 1000
# A JPEG's print copy is what libjpeg's DCT scaling gives when that lands in this range: 8, 10
# and 12 MP phone photos at 1/4 give 816, 912 and 1000 px with no resampling. The decode at 1/4
# (libjpeg-turbo's SIMD path) and the smaller copy cost 56-64 ms of CPU a photo against 73-78
# ms for 1224-1500 px at 3/8, which had no SIMD: the difference decides whether intake keeps
# up with a phone's folder on two cores. Outside the range (and for other formats)
# the copy is resized to PRINT_SIDE.
PRINT_MIN = 800
PRINT_MAX = 1200
PRINT_QUALITY = 80
THUMB_SIDE = 320
THUMB_QUALITY = 80

SUFFIXES = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/tiff": ".tif",
    "image/webp": ".webp",
    "image/bmp": ".bmp",
    "image/gif": ".gif",
    "image/heic": ".heic",
    "application/pdf": ".pdf",
    "video/mp4": ".mp4",
    "video/quicktime": ".mov",
}

# How to turn the stored pixels upright for each EXIF orientation (as ImageOps.exif_transpose).
TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def display_name(path: Path) -> str:
    """A file's name fit to store and show: names in any script are kept, NFC-normalised (as
    macOS writes them decomposed); bytes that are not UTF-8 become U+FFFD instead of failing."""
    raw = os.fsencode(path.name)
    name = raw.decode("utf-8", "replace")
    name = unicodedata.normalize("NFC", name).replace("\x00", "")
    return name[:500] or "（无名文件）"


def suffix_for(media_type: str) -> str:
    return SUFFIXES.get(media_type, "")


TAG_ORIENTATION = 0x0112
TAG_MAKE = 0x010F
TAG_MODEL = 0x0110
TAG_DATETIME = 0x0132
IFD_EXIF = 0x8769
IFD_GPS = 0x8825
TAG_DATETIME_ORIGINAL = 0x9003
TAG_OFFSET_TIME_ORIGINAL = 0x9011


@dataclass
class MediaInfo:
    media_type: str
    width: int | None = None
    height: int | None = None
    orientation: int | None = None
    captured_at: datetime | None = None
    captured_at_text: str | None = None
    gps_lat: float | None = None
    gps_lon: float | None = None
    camera: str | None = None
    warning: str | None = None
    pages: int | None = None  # frames of a multi-page image (TIFF scans)
    upright: bool = False  # the decoder already applied the orientation (HEIF)
    # Made from the one decode when asked for (JPEG bytes, upright).
    thumbnail: bytes | None = field(default=None, repr=False)
    print_copy: bytes | None = field(default=None, repr=False)
    print_size: tuple[int, int] | None = None

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")


def inspect_file(
    path: Path,
    *,
    derive: bool = False,
    opener: Callable[[], IO[bytes]] | None = None,
    size: int | None = None,
) -> MediaInfo:
    """Validate a file as evidence. Raises InvalidInput with the reason when it cannot be kept.
    With ``derive``, the same decode also makes the thumbnail and the print-size copy. With
    ``opener`` (and ``size``) the bytes are read through it (a staged copy in an encrypted
    store is decrypted as it is read, never written out in clear)."""
    try:
        if opener is None:
            size = path.stat().st_size
            if not path.is_file():
                raise InvalidInput("不是文件")
            opener = lambda: path.open("rb")  # noqa: E731
        assert size is not None
        with opener() as handle:
            head = handle.read(16)
    except OSError as error:
        raise InvalidInput("无法读取文件：{value}", value=error.strerror or error) from error
    if size == 0:
        raise InvalidInput("文件为空（0 字节）")
    if head.startswith(b"%PDF-"):
        return MediaInfo(media_type="application/pdf")
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand not in _HEIF_BRANDS:
            kind = "video/quicktime" if brand in _QUICKTIME_BRANDS else "video/mp4"
            return MediaInfo(media_type=kind)
        if not HEIF_SUPPORTED:
            raise InvalidInput("HEIC/HEIF 照片需要 pillow-heif 组件，本机未安装")
    with opener() as handle:
        return _inspect_image(handle, derive)


def _inspect_image(path: IO[bytes], derive: bool) -> MediaInfo:
    with warnings.catch_warnings():
        # Pillow only warns between MAX_IMAGE_PIXELS and twice that; refuse those as well.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        previous = Image.MAX_IMAGE_PIXELS
        Image.MAX_IMAGE_PIXELS = MAX_PIXELS
        try:
            with Image.open(path) as image:
                media_type = _FORMATS.get(image.format or "")
                if media_type is None:
                    raise InvalidInput("不支持的图片格式：{format}", format=image.format)
                info = MediaInfo(media_type=media_type, width=image.width, height=image.height)
                _read_exif(image, info)
                if image.format == "HEIF":
                    # libheif turns the picture upright as it decodes it.
                    info.upright = True
                    info.orientation = None
                frames = getattr(image, "n_frames", 1)
                if image.format == "TIFF" and isinstance(frames, int) and frames > 1:
                    info.pages = frames
                if derive:
                    _derive(image, info)
                else:
                    # A truncated JPEG opens and verifies, and fails only when decoded; a
                    # reduced (draft) decode finds it at a fraction of the cost of a full one.
                    image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
                    image.load()
                return info
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise InvalidInput("图片像素数过大（疑似解压炸弹），已拒绝") from error
        except UnidentifiedImageError as error:
            raise InvalidInput("不是可识别的图片、PDF 或视频文件") from error
        except (OSError, SyntaxError, ValueError) as error:
            raise InvalidInput("图片已损坏或不完整：{error}", error=error) from error
        finally:
            Image.MAX_IMAGE_PIXELS = previous


def _draft_size(width: int, height: int, side: int) -> tuple[int, int]:
    """The aspect-true size whose long side is ``side``: Image.draft keeps a scale only if the
    result is at least this size in both directions (a square box would undo the saving)."""
    scale = side / max(width, height)
    return max(1, math.ceil(width * scale)), max(1, math.ceil(height * scale))


def _rgb(image: Image.Image) -> Image.Image:
    """Pixels fit for a JPEG: transparency on white, 16-bit scans and CMYK made RGB."""
    if image.mode == "RGB":
        return image
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    if image.mode.startswith("I;16") or image.mode == "I":
        # 16-bit scans: keep the top 8 bits (a plain convert clips everything to white).
        scale = 1 / 256 if image.mode.startswith("I;16") else 1
        return image.convert("I").point(lambda value: value * scale).convert("L").convert("RGB")
    return image.convert("RGB")


def _jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=quality)
    return out.getvalue()


# libjpeg scales by scale_num/scale_denom rounded up to an eighth; Pillow passes 1/denom, so the
# eighths it can reach are 8/8, 4/8, 3/8, 2/8 and 1/8 (denominators 1, 2, 3, 4, 8).
_DCT_SCALES = ((1, 8), (2, 4), (3, 3), (4, 2), (8, 1))  # (denominator, eighths)


def dct_scale(width: int, height: int) -> tuple[int, tuple[int, int]]:
    """The denominator for libjpeg and the size it decodes to: the smallest scale whose long
    side is still at least PRINT_MIN (a copy above PRINT_MAX is then shrunk to PRINT_SIDE)."""
    chosen = (1, (width, height))
    for denominator, eighths in _DCT_SCALES[1:]:
        size = (math.ceil(width * eighths / 8), math.ceil(height * eighths / 8))
        if max(size) < PRINT_MIN:
            break
        chosen = (denominator, size)
    return chosen


def _scaled_jpeg(image: Image.Image) -> bool:
    """Set up a JPEG to be decoded by libjpeg at the DCT scale ``dct_scale`` picks, including
    3/8, which ``Image.draft`` does not offer (it rounds to 1/2, 1/4, 1/8). Pillow's decoder
    passes the denominator to libjpeg and fills the image at the size it was given, so the size
    and tile are set to libjpeg's own result. False (nothing changed) where the image is not a
    plain one-tile JPEG, and then ``draft`` is used."""
    if image.format not in ("JPEG", "MPO") or len(image.tile) != 1 or image.decoderconfig:
        return False
    denominator, size = dct_scale(*image.size)
    if denominator == 1:
        return False
    tile = image.tile[0]
    args = tile.args
    if not (isinstance(args, tuple) and args and args[0] == "RGB" and tile.extents):
        return False  # grey, CMYK or YCCK: draft's own handling
    image.tile = [ImageFile._Tile(tile.codec_name, (0, 0, *size), tile.offset, args)]
    image._size = size  # what draft() sets too; checked after the decode
    image.decoderconfig = (denominator, 0)
    return True


def _derive(image: Image.Image, info: MediaInfo) -> None:
    """Decode once, at the smallest scale that still gives the print size; make both copies."""
    width, height = image.size
    if max(width, height) > PRINT_MIN and not _scaled_jpeg(image):
        image.draft("RGB", _draft_size(width, height, PRINT_SIDE))  # JPEG only; else no-op
    expected = image.size
    image.load()
    if image.size != expected:
        raise OSError(f"解码尺寸 {image.size} 与预期 {expected} 不符")
    pixels = _rgb(image)
    if max(pixels.size) > PRINT_MAX:
        # From a DCT-scaled decode (less than twice the size) bilinear is enough.
        pixels = pixels.resize(
            _draft_size(*pixels.size, PRINT_SIDE), Image.Resampling.BILINEAR, reducing_gap=2.0
        )
    # The thumbnail: box-averaged by the largest whole factor first (Image.reduce, a few ms),
    # then bilinear over what is left, less than twice. Against a Lanczos reference the error
    # is 1.9/255 (bicubic's 1.2), invisible at 320 px, for 1 ms less a photo.
    thumb = pixels.resize(
        _draft_size(*pixels.size, THUMB_SIDE) if max(pixels.size) > THUMB_SIDE else pixels.size,
        Image.Resampling.BILINEAR,
        reducing_gap=1.0,
    )
    method = None if info.upright else TRANSPOSE.get(info.orientation or 1)
    if method is not None:
        # Turned after shrinking: the same result as turning first, for a fraction of the work.
        pixels = pixels.transpose(method)
        thumb = thumb.transpose(method)
    info.print_copy = _jpeg(pixels, PRINT_QUALITY)
    info.print_size = pixels.size
    info.thumbnail = _jpeg(thumb, THUMB_QUALITY)


def _read_exif(image: Image.Image, info: MediaInfo) -> None:
    problems: list[str] = []
    try:
        exif = image.getexif()
    except Exception as error:  # Pillow raises many types on broken EXIF; none may stop intake
        info.warning = f"EXIF 无法读取：{type(error).__name__}"
        return
    try:
        orientation = exif.get(TAG_ORIENTATION)
        if isinstance(orientation, int) and 1 <= orientation <= 8:
            info.orientation = orientation
        elif orientation is not None:
            problems.append(f"方向标记无效（{orientation!r}）")
    except Exception as error:
        problems.append(f"方向：{type(error).__name__}")
    try:
        make = _text(exif.get(TAG_MAKE))
        model = _text(exif.get(TAG_MODEL))
        if model and make and model.lower().startswith(make.lower()):
            make = None  # "Canon Canon EOS 40D" reads badly
        info.camera = " ".join(part for part in (make, model) if part) or None
    except Exception as error:
        problems.append(f"相机型号：{type(error).__name__}")
    try:
        sub = exif.get_ifd(IFD_EXIF)
        raw_time = _text(sub.get(TAG_DATETIME_ORIGINAL)) or _text(exif.get(TAG_DATETIME))
        if raw_time:
            info.captured_at_text = raw_time[:40]
            offset = _text(sub.get(TAG_OFFSET_TIME_ORIGINAL))
            info.captured_at = parse_exif_time(raw_time, offset)
            if info.captured_at is None:
                problems.append(f"拍摄时间无法解析（{raw_time[:40]!r}）")
    except Exception as error:
        problems.append(f"拍摄时间：{type(error).__name__}")
    try:
        gps = exif.get_ifd(IFD_GPS)
        if gps:
            position = _gps(gps)
            if position is None:
                problems.append("GPS 数据不完整或无效")
            else:
                info.gps_lat, info.gps_lon = position
    except Exception as error:
        problems.append(f"GPS：{type(error).__name__}")
    if problems:
        info.warning = "EXIF 部分无法读取：" + "；".join(problems)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    text = str(value).replace("\x00", "").strip()
    return text or None


def parse_exif_time(text: str, offset: str | None) -> datetime | None:
    """EXIF's "YYYY:MM:DD HH:MM:SS". Without an offset tag the camera's clock is taken to be in
    the laptop's time zone, the best guess for a team's own cameras and phones."""
    try:
        moment = datetime.strptime(text.strip()[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    zone: timezone | None = None
    if offset:
        try:
            sign = -1 if offset.strip().startswith("-") else 1
            hours, minutes = offset.strip().lstrip("+-").split(":")
            zone = timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))
        except ValueError:
            zone = None
    if zone is None:
        return moment.astimezone(UTC)  # naive: read in the laptop's local zone
    return moment.replace(tzinfo=zone).astimezone(UTC)


def _rational(value: Any) -> float:
    if isinstance(value, tuple) and len(value) == 2:
        return float(value[0]) / float(value[1])
    return float(value)


def _gps(gps: dict[int, Any]) -> tuple[float, float] | None:
    try:
        lat_ref, lat, lon_ref, lon = gps.get(1), gps.get(2), gps.get(3), gps.get(4)
        if not (lat and lon and lat_ref and lon_ref):
            return None
        latitude = sum(_rational(part) / 60**i for i, part in enumerate(lat))
        longitude = sum(_rational(part) / 60**i for i, part in enumerate(lon))
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if _text(lat_ref) == "S":
        latitude = -latitude
    if _text(lon_ref) == "W":
        longitude = -longitude
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return round(latitude, 7), round(longitude, 7)
