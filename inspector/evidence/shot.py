"""A photo taken with the laptop's camera, made a JPEG in memory: its bytes go to the store
(``add_evidence_bytes``), encrypted there when the data directory is, and never lie in clear
on disk. The EXIF written is what the intake reads of a photo (``media._read_exif``): the time
of the shot with its UTC offset, and the camera's name."""

from __future__ import annotations

import io
from datetime import datetime

from PIL import Image

from inspector.evidence.media import (
    IFD_EXIF,
    TAG_DATETIME,
    TAG_DATETIME_ORIGINAL,
    TAG_MODEL,
    TAG_OFFSET_TIME_ORIGINAL,
)

# Qt's own file path wrote the shot at QImageWriter's default (75): evidence deserves more
# detail, at about 1.6× the bytes of a 75.
SHOT_QUALITY = 90
TAG_SOFTWARE = 0x0131
TAG_OFFSET_TIME = 0x9010
SOFTWARE = "Inspector"


def shot_name(taken_at: datetime, number: int) -> str:
    """The name a shot is shown by: its local time, and its number within the session."""
    return f"camera-{taken_at:%Y%m%d-%H%M%S}-{number:03d}.jpg"


def camera_jpeg(
    pixels: Image.Image, taken_at: datetime, camera: str | None, quality: int = SHOT_QUALITY
) -> bytes:
    """The shot's pixels as a JPEG with its EXIF. ``taken_at`` must be aware: the offset is
    written (OffsetTimeOriginal), so the intake need not guess the zone."""
    if taken_at.tzinfo is None:
        raise ValueError("taken_at must carry its time zone")
    stamp = taken_at.strftime("%Y:%m:%d %H:%M:%S")
    zone = taken_at.strftime("%z")  # "+0800"; EXIF wants "+08:00"
    offset = f"{zone[:3]}:{zone[3:]}"
    exif = Image.Exif()
    exif[TAG_DATETIME] = stamp
    exif[TAG_SOFTWARE] = SOFTWARE
    if camera:
        exif[TAG_MODEL] = camera
    sub = exif.get_ifd(IFD_EXIF)
    sub[TAG_DATETIME_ORIGINAL] = stamp
    sub[TAG_OFFSET_TIME_ORIGINAL] = offset
    sub[TAG_OFFSET_TIME] = offset
    out = io.BytesIO()
    pixels.convert("RGB").save(out, "JPEG", quality=quality, exif=exif)
    return out.getvalue()
