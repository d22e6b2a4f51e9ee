"""Annotation: arrows, circles and text drawn on a copy of a photo. Shapes are given in
coordinates relative to the upright picture (0..1 across and down), so the app, the command line
and a later redraw all place them the same whatever the pixel size."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from inspector.errors import InvalidInput
from inspector.evidence.media import THUMB_SIDE
from inspector.resources import resource_path

KINDS = {"arrow": "箭头", "circle": "圆圈", "text": "文字"}
DEFAULT_COLOR = "#e00000"
TEXT_MAX = 200
SHAPES_MAX = 200


@dataclass(frozen=True)
class Shape:
    """``arrow``: from (x1, y1) to (x2, y2), head at the second point. ``circle``: the ellipse
    inside the box (x1, y1)-(x2, y2). ``text``: ``text`` with its top left at (x1, y1)."""

    kind: str
    x1: float
    y1: float
    x2: float = 0.0
    y2: float = 0.0
    text: str = ""
    color: str = DEFAULT_COLOR

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "x1": self.x1, "y1": self.y1}
        if self.kind == "text":
            data["text"] = self.text
        else:
            data.update(x2=self.x2, y2=self.y2)
        data["color"] = self.color
        return data


def _coordinate(value: Any, name: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError) as error:
        raise InvalidInput(
            "标注坐标 {name} 不是数字：{value}", name=name, value=repr(value)
        ) from error
    if not (math.isfinite(number) and -0.5 <= number <= 1.5):
        raise InvalidInput("标注坐标 {name} 超出图片范围：{value}", name=name, value=repr(value))
    return round(number, 5)


def parse_shapes(shapes: Sequence[Shape | dict[str, Any]]) -> list[Shape]:
    if not shapes:
        raise InvalidInput("没有标注内容（箭头、圆圈或文字）")
    if len(shapes) > SHAPES_MAX:
        raise InvalidInput("标注最多 {count} 处", count=SHAPES_MAX)
    parsed: list[Shape] = []
    for shape in shapes:
        data = shape.to_dict() if isinstance(shape, Shape) else dict(shape)
        kind = data.get("kind")
        if kind not in KINDS:
            raise InvalidInput(
                "未知的标注类型：{kind}（可选：箭头 arrow、圆圈 circle、文字 text）",
                kind=repr(kind),
            )
        color = str(data.get("color") or DEFAULT_COLOR)
        if not (len(color) == 7 and color.startswith("#")):
            raise InvalidInput("颜色应写成 #RRGGBB：{color}", color=repr(color))
        try:
            int(color[1:], 16)
        except ValueError as error:
            raise InvalidInput("颜色应写成 #RRGGBB：{color}", color=repr(color)) from error
        x1 = _coordinate(data.get("x1"), "x1")
        y1 = _coordinate(data.get("y1"), "y1")
        if kind == "text":
            text = str(data.get("text") or "").strip()
            if not text:
                raise InvalidInput("文字标注不能为空")
            if len(text) > TEXT_MAX:
                raise InvalidInput("文字标注最多 {count} 个字", count=TEXT_MAX)
            parsed.append(Shape("text", x1, y1, text=text, color=color.lower()))
        else:
            x2 = _coordinate(data.get("x2"), "x2")
            y2 = _coordinate(data.get("y2"), "y2")
            if kind == "arrow" and (x1, y1) == (x2, y2):
                raise InvalidInput("箭头的起点和终点相同")
            if kind == "circle" and (x1 == x2 or y1 == y2):
                raise InvalidInput("圆圈的大小为零")
            parsed.append(Shape(kind, x1, y1, x2, y2, color=color.lower()))
    return parsed


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    # The shipped CJK font: Chinese notes must not come out as boxes.
    return ImageFont.truetype(str(resource_path("fonts", "wqy-microhei.ttc")), size, index=0)


@dataclass
class Rendered:
    image: bytes  # JPEG
    thumbnail: bytes  # JPEG
    width: int
    height: int


def draw_shapes(image: Image.Image, shapes: Sequence[Shape]) -> None:
    """Draw onto ``image`` (RGB, upright) in place."""
    width, height = image.size
    side = max(width, height)
    line = max(3, round(side / 300))
    draw = ImageDraw.Draw(image)
    for shape in shapes:
        x1, y1 = shape.x1 * width, shape.y1 * height
        if shape.kind == "text":
            font = _font(max(14, round(side / 28)))
            box = draw.textbbox((x1, y1), shape.text, font=font)
            pad = line
            draw.rectangle((box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad), fill="white")
            draw.text((x1, y1), shape.text, font=font, fill=shape.color)
            continue
        x2, y2 = shape.x2 * width, shape.y2 * height
        if shape.kind == "circle":
            box = (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
            draw.ellipse(box, outline=shape.color, width=line)
            continue
        draw.line((x1, y1, x2, y2), fill=shape.color, width=line)
        angle = math.atan2(y2 - y1, x2 - x1)
        head = max(line * 5, side / 40)
        left = (x2 - head * math.cos(angle - 0.45), y2 - head * math.sin(angle - 0.45))
        right = (x2 - head * math.cos(angle + 0.45), y2 - head * math.sin(angle + 0.45))
        draw.polygon([(x2, y2), left, right], fill=shape.color)


def render_annotation(base: bytes, shapes: Sequence[Shape]) -> Rendered:
    """Draw the shapes on a copy of ``base`` (an upright print-size copy, never an original)."""
    try:
        with Image.open(io.BytesIO(base)) as source:
            image = source.convert("RGB")
    except OSError as error:
        raise InvalidInput("无法读取照片的打印副本：{error}", error=error) from error
    draw_shapes(image, shapes)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90)
    thumb = image.copy()
    thumb.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.BICUBIC)
    small = io.BytesIO()
    thumb.save(small, format="JPEG", quality=80)
    return Rendered(out.getvalue(), small.getvalue(), image.width, image.height)
