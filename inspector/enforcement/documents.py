"""The PDFs of compulsory measures and referrals, in the house look of the rectification order
(inspector/ledger/order.py): the bureau (执法主体) and its particulars on top, the title and the
document's number, the text, a table where the document lists things, the signature lines, the
bureau and date at the foot, page numbers, and a QR code on every page naming the document.
Each is kept in the record store with its SHA-256 (an ``enforcement_documents`` row)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

QR_PREFIX = "INSPECTOR-ENFORCEMENT"


@dataclass
class Page:
    """What one document says, as plain data."""

    title: str
    number: str
    bureau: str
    issued: date
    addressee: str = ""
    paragraphs: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)  # the table's columns, if any
    rows: list[list[str]] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)  # in mm, one per column
    after: list[str] = field(default_factory=list)  # paragraphs after the table
    signatures: list[str] = field(default_factory=list)  # lines of the signature block
    signer_label: str = "执法人员"  # who signs it digitally, over the box kept for it
    bureau_detail: str = ""
    kind: str = ""


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def qr_payload(kind: str, number: str) -> str:
    # Only the kind and a digest of the number: the QR alphabet and the paper's privacy.
    import hashlib

    return f"{QR_PREFIX}/{kind.upper()}/{hashlib.sha256(number.encode()).hexdigest()[:16].upper()}"


def render(page: Page) -> bytes:
    """The PDF of ``page`` (A4, CJK font embedded)."""
    return render_with_box(page)[0]


def render_with_box(page: Page) -> tuple[bytes, list[float]]:
    """The PDF of ``page`` and where its digital signature goes (page index, x1, y1, x2, y2),
    as the rectification order keeps it (inspector/ledger/order.py)."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from inspector.ledger.order import _SignatureBox
    from inspector.record.layout import QR_BOTTOM_MARGIN, numbered_canvas
    from inspector.signing.appearance import register_font

    font = register_font()
    base = ParagraphStyle("base", fontName=font, fontSize=10.5, leading=16, wordWrap="CJK")
    small = ParagraphStyle("small", parent=base, fontSize=8.5, leading=11)
    title = ParagraphStyle("title", parent=base, fontSize=18, leading=26, alignment=TA_CENTER)
    centre = ParagraphStyle("centre", parent=base, alignment=TA_CENTER, spaceAfter=4 * mm)
    right = ParagraphStyle("right", parent=base, alignment=TA_RIGHT)
    story: list[Any] = [Paragraph(_esc(page.bureau), centre)]
    if page.bureau_detail:
        detail = ParagraphStyle("d", parent=small, alignment=TA_CENTER, spaceAfter=4 * mm)
        story.append(Paragraph(_esc(page.bureau_detail), detail))
    story += [Paragraph(_esc(page.title), title), Paragraph(_esc(page.number), centre)]
    if page.addressee:
        story += [Paragraph(f"{_esc(page.addressee)}：", base), Spacer(1, 2 * mm)]
    for text in page.paragraphs:
        story += [Paragraph(_esc(text), base), Spacer(1, 2 * mm)]
    if page.header:
        data: list[list[Any]] = [page.header]
        data += [[Paragraph(_esc(cell), small) for cell in row] for row in page.rows]
        widths = [w * mm for w in page.widths] if page.widths else None
        table = Table(data, colWidths=widths, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), font),
                    ("FONTSIZE", (0, 0), (-1, -1), 9),
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f7")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story += [Spacer(1, 2 * mm), table, Spacer(1, 4 * mm)]
    for text in page.after:
        story += [Paragraph(_esc(text), base), Spacer(1, 2 * mm)]
    if page.signatures:
        story.append(Spacer(1, 6 * mm))
        story += [Paragraph(_esc(line), base) for line in page.signatures]
    box = _SignatureBox(62 * mm, 22 * mm)
    story += [
        Spacer(1, 6 * mm),
        Paragraph(f"{_esc(page.signer_label)}（数字签名）：", base),
        box.flowable,
        Paragraph(f"{_esc(page.bureau)}　{page.issued:%Y年%m月%d日}", right),
    ]
    from inspector import __version__

    footer = f"{page.title}　{page.number}　Inspector {__version__}"
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=f"{page.title} {page.number}",
        subject=f"{QR_PREFIX};kind={page.kind}",
        creator=f"Inspector {__version__}",
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=QR_BOTTOM_MARGIN,
        initialFontName=font,
    ).build(story, canvasmaker=numbered_canvas(footer, qr_payload(page.kind or "doc", page.number)))
    return buffer.getvalue(), box.placed


def item_rows(items: Sequence[Any]) -> list[list[str]]:
    return [[str(i.position), i.description, f"{i.quantity}", i.unit, i.note or ""] for i in items]


ITEM_HEADER = ["序号", "名称及描述", "数量", "单位", "备注"]
ITEM_WIDTHS = [12, 86, 20, 16, 40]
