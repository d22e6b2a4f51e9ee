"""The visible appearance of a digital signature: a small page drawn with reportlab in the shipped
Chinese font, used as the background of pyHanko's stamp (pyHanko's own stamp font drops CJK
text). The font is embedded and subset, so the label extracts with ``pdftotext``."""

from __future__ import annotations

import binascii
import io
import uuid
from collections.abc import Sequence

from pyhanko.pdf_utils import content
from pyhanko.pdf_utils.layout import BoxConstraints
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.stamp import StaticStampStyle
from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from inspector.resources import resource_path

FONT = "WenQuanYiMicroHei"  # the name inspector/record/layout.py registers the same font under
BORDER = Color(0.55, 0.1, 0.1)
PADDING = 3.0
MAX_FONT_SIZE = 10.0
MIN_FONT_SIZE = 4.0
LEADING = 1.22


def register_font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        path = resource_path("fonts", "wqy-microhei.ttc")
        pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
    return FONT


def _font_size(lines: Sequence[str], width: float, height: float) -> float:
    """The largest size (up to 10 pt) at which every line fits the box."""
    usable_w = max(width - 2 * PADDING, 1.0)
    usable_h = max(height - 2 * PADDING, 1.0)
    size = min(MAX_FONT_SIZE, usable_h / (max(len(lines), 1) * LEADING))
    widest = max((pdfmetrics.stringWidth(line, FONT, 1.0) for line in lines), default=0.0)
    if widest > 0:
        size = min(size, usable_w / widest)
    return max(size, MIN_FONT_SIZE)


def label_pdf(lines: Sequence[str], width: float, height: float) -> bytes:
    """A one-page PDF of ``width`` × ``height`` points with the lines, a thin border and the
    Chinese font embedded (passed as the canvas' initial font: no Helvetica is added)."""
    font = register_font()
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(width, height), initialFontName=font, pageCompression=1)
    page.setStrokeColor(BORDER)
    page.setLineWidth(0.8)
    page.rect(0.4, 0.4, width - 0.8, height - 0.8)
    size = _font_size(lines, width, height)
    page.setFont(font, size)
    page.setFillColor(Color(0, 0, 0))
    y = height - PADDING - size
    for line in lines:
        page.drawString(PADDING, y, line)
        y -= size * LEADING
    page.showPage()
    page.save()
    return buffer.getvalue()


class _PdfPageBytes(content.PdfContent):
    """The first page of an in-memory PDF as a form XObject (pyHanko's ImportedPdfPage reads
    a file by name; this reads bytes)."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self._data = data

    def render(self) -> bytes:
        writer = self._ensure_writer
        reader = PdfFileReader(io.BytesIO(self._data))
        xobject = writer.import_page_as_xobject(reader, page_ix=0)
        name = "/Label" + binascii.hexlify(uuid.uuid4().bytes).decode("ascii")
        self.resources.xobject[name] = xobject
        x1, y1, x2, y2 = xobject.get_object()["/BBox"]
        self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return name.encode("ascii") + b" Do"


def stamp_style(lines: Sequence[str], width: float, height: float) -> StaticStampStyle:
    return StaticStampStyle(
        background=_PdfPageBytes(label_pdf(lines, width, height)),
        background_opacity=1.0,
        border_width=0,
    )
