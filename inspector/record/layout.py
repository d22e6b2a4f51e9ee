"""The inspection record as a PDF (reportlab): Chinese text in an embedded, subset TrueType font,
every checklist item with its answer, and the photos upright with their hashes.

Photos are read through the evidence store (bytes, never a path) and a JPEG is embedded byte
for byte as its own image object (:func:`place_jpeg`), neither decoded nor re-encoded. What is
placed is the print-size copy made at intake from the same decode as the thumbnail (upright,
about 1200-2000 px, a few hundred KB): the record never decodes a full-size photo, and a record
of many 12 MP photos stays small. Its caption gives the original's SHA-256. Evidence stored
before print copies existed is placed as the original, turned upright by the page transform
(OrientedImage), never by rewriting the image.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import IO, Any, ClassVar

from PIL import Image
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFImageXObject
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import FILL_NON_ZERO, Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import Image as RLImage

from inspector import __version__
from inspector.bureaus import bureau_line
from inspector.checklists.documents import documents_cited
from inspector.db.models import Result
from inspector.evidence.media import suffix_for
from inspector.inspections import (
    EvidenceView,
    InspectionView,
    format_fen,
)
from inspector.leads.store import FOUND, LeadFacts, item_code_of
from inspector.names import RESULT_NAMES
from inspector.progress import Reporter, check_cancel
from inspector.record.content import (
    InterviewView,
    SignatureView,
    confirmation_text,
    refusal_text,
)
from inspector.record.facts import LEGAL_BASIS, RecordFacts, agreement_text
from inspector.record.interview_rules import RIGHTS
from inspector.record.linebreak import ChineseParagraph as Paragraph
from inspector.resources import resource_path
from inspector.workspace import Workspace

FONT = "WenQuanYiMicroHei"


CHINESE_DIGITS = "零一二三四五六七八九"


def chinese_numeral(number: int) -> str:
    """1-99 as a section heading writes it: 九, 十, 十一, 二十, 二十三."""
    if not 0 < number < 100:
        return str(number)
    tens, ones = divmod(number, 10)
    if tens == 0:
        return CHINESE_DIGITS[ones]
    return (
        (CHINESE_DIGITS[tens] if tens > 1 else "") + "十" + (CHINESE_DIGITS[ones] if ones else "")
    )


def register_font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        path = resource_path("fonts", "wqy-microhei.ttc")
        pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
    return FONT


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT, fontSize=9.5, leading=13, wordWrap="CJK")
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5),
        "title": ParagraphStyle(
            "title", parent=base, fontSize=18, leading=24, alignment=TA_CENTER, spaceAfter=2 * mm
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=9, alignment=TA_CENTER, spaceAfter=4 * mm
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontSize=12,
            leading=16,
            spaceBefore=4 * mm,
            spaceAfter=2 * mm,
            keepWithNext=1,  # a heading never ends a page
        ),
    }


def markup(text: str | None) -> str:
    """Text as a reportlab Paragraph reads it: its markup characters escaped, new lines kept."""
    if not text:
        return ""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")
    )


def local_time(moment: datetime | None) -> str:
    if moment is None:
        return "—"
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class OrientedImage(Flowable):
    """An image file drawn upright by its EXIF orientation, scaled into a box."""

    # For each EXIF orientation, the affine map from the stored image's unit square (u, v) to
    # the upright display box (x, y), as coefficients (a, b, c, d, e, f) of
    # x = a*u + c*v + e, y = b*u + d*v + f, in units of the box's width and height.
    _MAPS: ClassVar[dict[int, tuple[int, ...]]] = {
        1: (1, 0, 0, 1, 0, 0),
        2: (-1, 0, 0, 1, 1, 0),  # mirrored left-right
        3: (-1, 0, 0, -1, 1, 1),  # turned 180°
        4: (1, 0, 0, -1, 0, 1),  # mirrored top-bottom
        5: (0, -1, -1, 0, 1, 1),  # transposed
        6: (0, -1, 1, 0, 0, 1),  # to be turned 90° clockwise
        7: (0, 1, 1, 0, 0, 0),  # transversed
        8: (0, 1, -1, 0, 1, 0),  # to be turned 90° counter-clockwise
    }

    def __init__(
        self,
        data: bytes,
        width: int,
        height: int,
        orientation: int | None,
        max_width: float,
        max_height: float,
    ) -> None:
        super().__init__()
        self.data = data
        self.key = hashlib.sha256(data).hexdigest()
        self.orientation = orientation if orientation in self._MAPS else 1
        upright_w, upright_h = (height, width) if self.orientation >= 5 else (width, height)
        scale = min(max_width / upright_w, max_height / upright_h)
        self.width = upright_w * scale
        self.height = upright_h * scale

    def draw(self) -> None:
        a, b, c, d, e, f = self._MAPS[self.orientation]
        w, h = self.width, self.height
        canvas = self.canv
        canvas.saveState()
        canvas.transform(a * w, b * h, c * w, d * h, e * w, f * h)
        place_jpeg(canvas, self.key, self.data)
        canvas.restoreState()


def place_jpeg(canvas: Canvas, key: str, data: bytes) -> None:
    """Draw a JPEG into the unit square from its bytes, embedded as they are (DCTDecode).

    reportlab embeds a JPEG byte for byte only when given a file *name*; given bytes (an
    ImageReader) it decodes the whole image to name it (a 12 MP photo: ~50 MB and 0.25 s each,
    FIELD-NOTES). So the image object is made here, as drawImage makes it from a name, from
    the bytes the store hands out: the same PDF, no decode, no plaintext file on disk. One
    object per image (keyed by its hash), however often it is drawn. Anything that is not a
    JPEG (an original stored before print copies, e.g. a PNG) goes through ImageReader."""
    document = canvas._doc
    name = f"inspector-{key}"
    registered = document.getXObjectName(name)
    if document.idToObject.get(registered) is None:
        image = PDFImageXObject(name, None)
        if not image.loadImageFromJPEG(io.BytesIO(data)):
            canvas.drawImage(ImageReader(io.BytesIO(data)), 0, 0, width=1, height=1)
            return
        image.name = name
        canvas._setXObjects(image)
        document.Reference(image, registered)
        document.addForm(name, image)
    canvas._currentPageHasImages = 1
    canvas._code.append(f"/{registered} Do")
    canvas._formsinuse.append(name)  # the page's resources name it


def photo_flowable(
    ws: Workspace, evidence: EvidenceView, max_width: float, max_height: float
) -> OrientedImage:
    """The photo as the record shows it: the upright print copy where there is one (orientation
    1, no transform), else the original turned by its EXIF orientation."""
    if evidence.print_sha256:
        data = ws.store.read_bytes(evidence.print_sha256, ".jpg")
        with Image.open(io.BytesIO(data)) as header:  # the size from the header, no decode
            width, height = header.size
        return OrientedImage(data, width, height, 1, max_width, max_height)
    data = ws.store.read_bytes(evidence.sha256, suffix_for(evidence.media_type))
    return OrientedImage(
        data,
        evidence.width or 1,
        evidence.height or 1,
        evidence.orientation,
        max_width,
        max_height,
    )


def qr_modules(content: str) -> list[list[bool]]:
    """The QR code's dark modules, by row (reportlab's encoder, quiet zone not included)."""
    widget = QrCodeWidget(content, barLevel="M")
    widget.qr.make()
    return [[bool(cell) for cell in row] for row in widget.qr.modules]


# Where the QR code goes on every page of a record, an interview record and an order: its
# modules 18 mm square, a light quiet zone of 4 modules around them (ISO/IEC 18004 asks for
# 4), and that zone at least 12 mm from every edge of the page, outside the few millimetres a
# printer cannot print. The bottom margin of these documents leaves room for it.
QR_SIZE = 18 * mm
QR_QUIET_MODULES = 4
QR_EDGE = 12 * mm
# The smallest code (version 1) has 21 modules: its quiet zone is the widest, 4/21 of its size.
QR_MIN_MODULES = 21
QR_BOTTOM_MARGIN = QR_EDGE + QR_SIZE * (1 + 2 * QR_QUIET_MODULES / QR_MIN_MODULES) + 2 * mm


def qr_box(modules: list[list[bool]], page: tuple[float, float] = A4) -> tuple[float, float, float]:
    """Where the code's modules go, (x, y, size) in points: bottom right, its quiet zone
    ``QR_EDGE`` from the right and bottom edges."""
    quiet = QR_SIZE * QR_QUIET_MODULES / len(modules)
    return page[0] - QR_EDGE - quiet - QR_SIZE, QR_EDGE + quiet, QR_SIZE


def draw_qr(canvas: Canvas, modules: list[list[bool]], x: float, y: float, size: float) -> None:
    """The code as one path of horizontal runs, one rectangle per run of dark modules, exactly
    a module tall so that no two overlap, filled with the nonzero rule on a white quiet zone.
    Overlapping rectangles filled even-odd leave white seams where they overlap, and a seamed
    code scans at some resolutions only (FIELD-NOTES). Not through renderPDF, which would add
    an unembedded Helvetica."""
    cell = size / len(modules)
    quiet = QR_QUIET_MODULES * cell
    path = canvas.beginPath()
    for row, cells in enumerate(modules):
        column = 0
        while column < len(cells):
            if not cells[column]:
                column += 1
                continue
            start = column
            while column < len(cells) and cells[column]:
                column += 1
            bottom = y + size - (row + 1) * cell
            path.rect(x + start * cell, bottom, (column - start) * cell, cell)
    canvas.saveState()
    canvas.setFillColor(colors.white)
    canvas.rect(x - quiet, y - quiet, size + 2 * quiet, size + 2 * quiet, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    canvas.drawPath(path, stroke=0, fill=1, fillMode=FILL_NON_ZERO)
    canvas.restoreState()


# Who initials every page of a paper record, where the footer leaves room for it.
RECORD_INITIALS = "被检查单位核对签字（每页）："
INTERVIEW_INITIALS = "被询问人核对签字（每页）："


def numbered_canvas(footer: str, qr_text: str, initials: str | None = None) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Writes "page x of y" and the QR code once the number of pages is known, and the
        line where the party initials each page of the printed record."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            code = qr_modules(qr_text)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont(FONT, 7.5)
                self.setFillColor(colors.grey)
                self.drawString(18 * mm, 9 * mm, footer)
                self.drawRightString(
                    qr_box(code)[0] - 6 * mm, 9 * mm, f"第 {number} 页 共 {total} 页"
                )
                if initials:
                    self.setFont(FONT, 8)
                    self.setFillColor(colors.black)
                    self.drawString(18 * mm, 15 * mm, initials)
                    start = 18 * mm + self.stringWidth(initials, FONT, 8) + 1 * mm
                    self.setStrokeColor(colors.grey)
                    self.setLineWidth(0.5)
                    self.line(start, 14.5 * mm, start + 40 * mm, 14.5 * mm)
                # The same code on every page: a printed page names its record and data hash.
                draw_qr(self, code, *qr_box(code))
                super().showPage()
            super().save()

    return NumberedCanvas


def checklist_basis(ws: Workspace | None, view: InspectionView) -> str:
    """What the checklist was composed from, as a reader can look it up: the documents its
    items quote (with their 文号), the focus packs by name, the library's version."""
    seeds = [source.seed for item in view.checklist.items for source in item.sources]
    text = "依据" + "、".join(doc.full for doc in documents_cited(seeds))
    if view.checklist.focus:
        packs = ws.library.focus_packs if ws is not None else {}
        names = [packs[code].name if code in packs else code for code in view.checklist.focus]
        text += "；专项：" + "、".join(names)
    versions = sorted(set(view.checklist.versions.values()))
    return text + f"；共 {len(view.checklist.items)} 项（清单版本 {'、'.join(versions)}）"


def _recusal_text(view: InspectionView, facts: RecordFacts) -> str | None:
    """Who withdrew (回避) and why, and a cross-district member kept despite sharing the
    party's district, with the reason; None when there is neither (the row is left out). The
    notice of the right to ask for recusal, with the party's answer, is one of the 告知事项."""
    parts = [
        f"{name}（执法证号 {cert}）回避，理由：{reason}" for name, cert, reason in view.recused
    ]
    parts += [
        f"交叉检查回避：{name}（{district}）与被检查单位同属一区，未回避，理由：{reason}"
        for name, district, reason in facts.party.recusal_overrides
    ]
    return "；".join(parts) or None


def _shown_text(facts: RecordFacts) -> str:
    """Who showed the 执法证件 and when, as captured (行政处罚法 art. 42); a 暗访 says when the
    team disclosed itself, and that the showing and notices came then."""
    party = facts.party
    parts = [
        f"{name}（{cert}）于 {local_time(at)} 出示" if at else f"{name}（{cert}）未记录出示"
        for name, cert, at in party.certificates
    ]
    text = "；".join(parts) or "（未记录）"
    if facts.covert:
        text = (
            f"暗访，于 {local_time(party.disclosed_at)} 亮明身份；出示证件和告知在亮明身份时进行。"
            if party.disclosed_at
            else "暗访，未记录亮明身份的时间。"
        ) + text
    return text


def _notices_text(facts: RecordFacts) -> str:
    """Each notice told, as captured: what, when, by whom, the party's answer. The recusal
    notice's answer is the point of it (申请 or not): when none was recorded, the record says
    so, and never puts "不申请回避" in the party's mouth."""
    from inspector.record.legal import NOTICES

    party = facts.party
    recusal = NOTICES["recusal"]

    def answer(what: str, reply: str | None) -> str:
        if reply:
            return f"，被检查单位答复：{reply}"
        return "，未记录被检查单位的答复" if what == recusal else ""

    lines = [
        f"{local_time(at)} 由{by or '（未记录告知人）'}告知被检查单位{what}" + answer(what, reply)
        for what, at, by, reply in party.notices
    ]
    if party.recusal_told and not any(what == recusal for what, *_rest in party.notices):
        # Told before the time and the teller were captured: what was recorded, and no more.
        lines.insert(
            0,
            f"已告知被检查单位{recusal}（未记录告知时间和告知人）"
            + answer(recusal, party.recusal_reply),
        )
    return "；".join(lines) or "（未记录）"


def _info_table(
    view: InspectionView, s: dict[str, ParagraphStyle], facts: RecordFacts, ws: Workspace | None
) -> Table:
    team = "；".join(
        f"{name}（执法证号 {cert}）" + ("，组长" if role.value == "leader" else "")
        for name, cert, role in view.team
    )
    party = facts.party
    unknown = "（未记录）"
    recorder = (
        f"{party.recorder_name}（执法证号 {party.recorder_cert_no}）"
        if party.recorder_cert_no
        else unknown
    )
    identity = (
        ("身份证号", party.id_no or unknown)
        if party.person
        else ("统一社会信用代码", party.credit_code or unknown)
    )
    rows: list[tuple[str, str | None]] = [
        ("被检查人" if party.person else "被检查单位", view.institution_name),
        identity,
        ("法定代表人/负责人", party.legal_rep or unknown),
        ("地址", party.address or unknown),
        ("联系电话", party.phone or unknown),
        ("单位类型", view.institution_type_name),
        ("所在区县", view.district),
        ("定点协议", agreement_text(view)),
        ("检查依据", LEGAL_BASIS),
        ("检查方式", view.mode_name),
        ("检查人员", team),
        ("记录人", recorder),
        ("回避", _recusal_text(view, facts)),
        ("出示执法证件", _shown_text(facts)),
        ("告知事项", _notices_text(facts)),
        ("检查时间", f"{local_time(view.started_at)} 至 {local_time(view.ended_at)}"),
        ("检查地点", view.place or view.institution_name),
        ("检查清单", checklist_basis(ws, view)),
        (
            "全过程记录",
            f"本记录生成时，本机操作记录共 {facts.audit_events} 条，末端哈希 {facts.audit_head}",
        ),
    ]
    if view.team_district:
        rows.insert(11, ("检查组所属区县", view.team_district))

    if facts.amends:
        when = f"，更正于 {local_time(facts.amended_at)}" if facts.amended_at else ""
        rows.insert(
            0,
            (
                "更正记录",
                f"本记录更正记录 {facts.amends}{when}；原记录不变，更正事项见“更正事项”。"
                "检查时间为原检查的时间。",
            ),
        )
    table = Table(
        [
            [Paragraph(k, s["base"]), Paragraph(markup(v), s["base"])]
            for k, v in rows
            if v is not None  # a row with nothing captured to state (回避 when none withdrew)
        ],
        colWidths=[30 * mm, 144 * mm],
    )
    table.setStyle(_grid())
    return table


def _grid() -> TableStyle:
    return TableStyle(
        [
            # Tables set their cells' font even under a Paragraph; Helvetica would be added
            # to the PDF unembedded.
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (0, -1), colors.whitesmoke),
        ]
    )


def _section_table(
    view: InspectionView,
    section: Any,
    s: dict[str, ParagraphStyle],
    label: Callable[[str | None], str] = lambda code: code or "",
) -> Table:
    # Short cells are plain strings: a Paragraph in every cell made line breaking (CJK) the
    # largest cost of a long record. Only the title and the note can need wrapping.
    header = ["编号", "检查内容", "结果", "情况说明", "金额（元）", "违规类别"]
    rows: list[list[Any]] = [header]
    for item in section.items:
        answer = view.answers.get(item.code)
        result = answer.result if answer else Result.UNCHECKED
        problem = answer is not None and result is Result.PROBLEM
        title = markup(item.title) + (" ★" if item.priority else "")
        note = markup(answer.note) if answer else ""
        if problem and answer and answer.no_evidence_reason:
            note += f"（无证据，原因：{markup(answer.no_evidence_reason)}）"
        amount = ""
        if problem and answer:
            amount = "不涉及" if answer.no_amount else format_fen(answer.amount_fen)
        rows.append(
            [
                item.code,
                Paragraph(title, s["small"]),
                RESULT_NAMES[result],
                Paragraph(note, s["small"]) if note else "",
                amount,
                # The category by name, not by a code only the tool knows.
                Paragraph(markup(label(answer.violation_code)), s["small"])
                if problem and answer and answer.violation_code
                else "",
            ]
        )
    table = Table(
        rows,
        colWidths=[13 * mm, 46 * mm, 15 * mm, 50 * mm, 18 * mm, 32 * mm],
        repeatRows=1,
    )
    style = _grid()
    style.add("FONTSIZE", (0, 0), (-1, -1), 8)
    style.add("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke)
    style.add("BACKGROUND", (0, 1), (0, -1), colors.white)
    for index, item in enumerate(section.items, start=1):
        answer = view.answers.get(item.code)
        if answer and answer.result is Result.PROBLEM:
            style.add("BACKGROUND", (2, index), (2, index), colors.HexColor("#fde2e2"))
    table.setStyle(style)
    return table


def evidence_numbers(view: InspectionView) -> dict[str, int]:
    """证据 1, 2, 3 ... in the order the evidence was added (the app's order): the number the
    appendix, the sealing list and the findings refer to."""
    return {evidence.id: number for number, evidence in enumerate(view.evidence, start=1)}


def _caption(view: InspectionView, evidence: EvidenceView, number: int) -> str:
    parts = [f"<b>证据 {number}</b>", f"原文件名：{markup(evidence.original_name)}"]
    if evidence.caption:
        parts.append(f"说明：{markup(evidence.caption)}")
    if evidence.source_sha256:
        parts.append(f"标注副本，原件 SHA-256：{evidence.source_sha256}")
    if evidence.item_code:
        item = view.checklist.item(evidence.item_code)
        parts.append(f"检查条目：{evidence.item_code} {markup(item.title if item else '')}")
    parts.append(
        f"拍摄时间：{local_time(evidence.captured_at)}（相机时钟）；"
        f"导入时间：{local_time(evidence.added_at)}"
    )
    if evidence.gps_lat is not None and evidence.gps_lon is not None:
        parts.append(f"位置：{evidence.gps_lat:.6f}, {evidence.gps_lon:.6f}")
    if evidence.camera:
        parts.append(f"设备：{markup(evidence.camera)}")
    if evidence.added_by:
        parts.append(f"导入人：{markup(evidence.added_by)}")
    if evidence.metadata_warning:
        parts.append(f"注：{markup(evidence.metadata_warning)}")
    if evidence.time_warning:
        parts.append(f"注意：{markup(evidence.time_warning)}")
    parts.append(f"SHA-256：{evidence.sha256}")
    return "<br/>".join(parts)


class SignatureBox(Flowable):
    """An empty box where a digital signature's visible stamp will go; remembers where on which
    page it was drawn, so the signing step can place the signature field there."""

    LABEL = 3 * mm  # the strip above the box that names it: the stamp covers only the box

    def __init__(self, key: str, width: float, height: float, boxes: dict[str, Any]) -> None:
        super().__init__()
        self.key = key
        self.width = width
        self.box_height = height
        self.height = height + self.LABEL
        self.boxes = boxes

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(colors.lightgrey)
        canvas.setDash(2, 2)
        canvas.rect(0, 0, self.width, self.box_height)
        canvas.setFont(FONT, 6.5)
        canvas.setFillColor(colors.grey)
        canvas.drawString(0, self.box_height + 0.8 * mm, "数字签名处（签名后盖于框内）")
        canvas.restoreState()
        x1, y1 = canvas.absolutePosition(0, 0)
        x2, y2 = canvas.absolutePosition(self.width, self.box_height)
        self.boxes[self.key] = [canvas.getPageNumber() - 1, x1, y1, x2, y2]


def _signature_image(png: bytes | None, width: float, height: float) -> Flowable:
    if not png:
        return Spacer(width, height)
    reader = ImageReader(io.BytesIO(png))
    w, h = reader.getSize()
    scale = min(width / w, height / h)
    return RLImage(io.BytesIO(png), width=w * scale, height=h * scale)


def _signer_row(
    label: str,
    sig: SignatureView | None,
    s: dict[str, ParagraphStyle],
    box: Flowable | None = None,
) -> list[Any]:
    return [
        Paragraph(label, s["small"]),
        _signature_image(sig.image_png if sig else None, 45 * mm, 14 * mm),
        Paragraph(local_time(sig.signed_at) if sig else "（未签名）", s["small"]),
        box or Paragraph("", s["small"]),
    ]


def _party_rows(
    label: str,
    party: SignatureView | None,
    witness: SignatureView | None,
    s: dict[str, ParagraphStyle],
) -> list[list[Any]]:
    """The party's (or interviewee's) signature, or the refusal and the witness who signed."""
    if party is None or not party.refused:
        return [_signer_row(label, party, s)]
    refusal = f"拒绝签名。理由：{markup(party.refusal_reason)}"
    rows = [
        [
            Paragraph(label, s["small"]),
            Paragraph(refusal, s["small"]),
            Paragraph(local_time(party.signed_at), s["small"]),
            Paragraph("", s["small"]),
        ]
    ]
    if witness:
        label = f"见证人<br/>{markup(witness.signer_name)}"
        if witness.id_no:
            label += f"<br/>身份证号 {markup(witness.id_no)}"
        if witness.relation:
            label += f"<br/>{markup(witness.relation)}"
        rows.append(_signer_row(label, witness, s))
    return rows


def _team_rows(
    view: InspectionView,
    facts: RecordFacts,
    interview_id: str | None,
    title: str,
    s: dict[str, ParagraphStyle],
    boxes: dict[str, Any],
) -> list[list[Any]]:
    """A row per inspector: handwritten signature and the box for the digital one. The leader
    signs last, digitally too, so the leader's row comes last."""
    by_cert = {
        sig.cert_no: sig
        for sig in facts.signatures
        if sig.role == "inspector" and sig.interview_id == interview_id
    }
    rows = []
    for name, cert, role in sorted(view.team, key=lambda member: member[2].value == "leader"):
        leader = "（组长）" if role.value == "leader" else ""
        label = f"{title}{leader}<br/>{markup(name)}<br/>执法证号 {cert}"
        box = SignatureBox(cert, 52 * mm, 16 * mm, boxes)
        rows.append(_signer_row(label, by_cert.get(cert), s, box))
    return rows


def _signature_table(rows: list[list[Any]], s: dict[str, ParagraphStyle]) -> Table:
    header = [Paragraph(h, s["small"]) for h in ("签名人", "手写签名", "签名时间", "数字签名")]
    table = Table([header, *rows], colWidths=[44 * mm, 50 * mm, 24 * mm, 56 * mm], repeatRows=1)
    style = _grid()
    style.add("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke)
    style.add("BACKGROUND", (0, 1), (0, -1), colors.white)
    style.add("VALIGN", (0, 0), (-1, -1), "MIDDLE")
    table.setStyle(style)
    return table


def _one(facts: RecordFacts, role: str, interview_id: str | None) -> SignatureView | None:
    return next(
        (sig for sig in facts.signatures if sig.role == role and sig.interview_id == interview_id),
        None,
    )


def _signing_note(view: InspectionView, facts: RecordFacts) -> str:
    """The note above the signatures: how the party confirmed the record, or its refusal with
    the inspectors and the witness, only as recorded; then how the record is signed (the rule
    the core enforces: inspector.record.signing)."""
    party = _one(facts, "party", None)
    if party is not None and party.refused:
        inspectors = [s for s in facts.signatures if s.role == "inspector" and not s.interview_id]
        said: str | None = refusal_text(party, _one(facts, "witness", None), inspectors)
    else:
        said = confirmation_text(party, facts.representative)
    rule = (
        "检查人员手写签名后，依次以数字证书签名，组长最后签名；签名后本记录锁定，不得更改，"
        "更正须另行制作更正记录。"
    )
    return markup(said + rule) if said else rule


def _signature_block(
    view: InspectionView, facts: RecordFacts, s: dict[str, ParagraphStyle], boxes: dict[str, Any]
) -> Table:
    party = _one(facts, "party", None)
    who = markup(facts.representative or (party.signer_name if party else "")) or "　"
    if facts.representative_title:
        who += f"（{markup(facts.representative_title)}）"
    rows = _team_rows(view, facts, None, "检查人员", s, boxes)
    rows += _party_rows(f"被检查单位代表<br/>{who}", party, _one(facts, "witness", None), s)
    return _signature_table(rows, s)


def _findings_table(
    view: InspectionView,
    s: dict[str, ParagraphStyle],
    ws: Workspace,
    leads: Sequence[LeadFacts] = (),
) -> Table:
    """The findings: the checklist's problems, then the leads verified 属实/部分属实 (as the
    ledger enters them, XS1, XS2 … by their place among the visit's leads), with the total."""
    rows: list[list[Any]] = [
        [Paragraph(h, s["small"]) for h in ("编号", "发现的问题", "违规类别", "金额（元）")]
    ]
    for item in view.checklist.items:
        answer = view.answers.get(item.code)
        if answer is None or answer.result is not Result.PROBLEM:
            continue
        rows.append(
            [
                Paragraph(item.code, s["small"]),
                Paragraph(
                    f"{markup(item.title)}：{markup(answer.note)}"
                    + (
                        f"（无证据，原因：{markup(answer.no_evidence_reason)}）"
                        if answer.no_evidence_reason
                        else ""
                    ),
                    s["small"],
                ),
                Paragraph(markup(ws.library.violation_label(answer.violation_code)), s["small"]),
                Paragraph(
                    "不涉及金额" if answer.no_amount else format_fen(answer.amount_fen),
                    s["small"],
                ),
            ]
        )
    found = [
        (item_code_of(position), lead)
        for position, lead in enumerate(leads, start=1)
        if lead.verdict in FOUND
    ]
    for code, lead in found:
        rows.append(
            [
                Paragraph(code, s["small"]),
                Paragraph(
                    markup(f"线索 {lead.number}（{lead.verdict_name}）：{lead.note}"), s["small"]
                ),
                Paragraph("", s["small"]),
                Paragraph(format_fen(lead.amount_fen), s["small"]),
            ]
        )
    total = view.amount_total_fen + sum(lead.amount_fen or 0 for _code, lead in found)
    rows.append(
        [
            Paragraph("", s["small"]),
            Paragraph("合计", s["small"]),
            Paragraph(f"{view.problems + len(found)} 项", s["small"]),
            Paragraph(format_fen(total) or "0.00", s["small"]),
        ]
    )
    table = Table(rows, colWidths=[14 * mm, 100 * mm, 36 * mm, 24 * mm], repeatRows=1)
    style = _grid()
    style.add("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke)
    style.add("BACKGROUND", (0, 1), (0, -1), colors.white)
    table.setStyle(style)
    return table


def _seal_table(facts: RecordFacts, s: dict[str, ParagraphStyle], numbers: dict[str, int]) -> Table:
    rows: list[list[Any]] = [
        [Paragraph(h, s["small"]) for h in ("序号", "封存物品", "数量", "照片", "备注")]
    ]
    for item in facts.seals:
        photos = "、".join(
            f"证据 {numbers[e]}" if e in numbers else facts.seal_photos.get(e, e[:8])
            for e in item.evidence_ids
        )
        rows.append(
            [
                Paragraph(str(item.position), s["small"]),
                Paragraph(markup(item.description), s["small"]),
                Paragraph(f"{item.quantity} {markup(item.unit)}", s["small"]),
                Paragraph(markup(photos), s["small"]),
                Paragraph(markup(item.note), s["small"]),
            ]
        )
    table = Table(rows, colWidths=[12 * mm, 70 * mm, 22 * mm, 40 * mm, 30 * mm], repeatRows=1)
    style = _grid()
    style.add("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke)
    style.add("BACKGROUND", (0, 1), (0, -1), colors.white)
    table.setStyle(style)
    return table


def _bureau_particulars(facts: RecordFacts, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The 执法主体's 统一社会信用代码 and address under its name, where set."""
    line = bureau_line(facts.bureau_info)
    return [Paragraph(markup(line), s["subtitle"])] if line else []


def record_story(
    ws: Workspace,
    view: InspectionView,
    facts: RecordFacts,
    boxes: dict[str, Any],
    reporter: Reporter,
) -> list[Flowable]:
    s = _styles()
    story: list[Flowable] = [
        Paragraph(markup(facts.bureau), s["subtitle"]),
        *_bureau_particulars(facts, s),
        Paragraph("医疗保障基金现场检查记录", s["title"]),
        Paragraph(f"记录编号 {facts.record_no}", s["subtitle"]),
        _info_table(view, s, facts, ws),
        Spacer(1, 3 * mm),
        Paragraph(
            f"检查结果：共 {len(view.checklist.items)} 项，已检查 {view.checked} 项，"
            f"发现问题 {view.problems} 项，"
            f"涉及金额合计 {format_fen(view.amount_total_fen) or '0.00'} 元。"
            "标 ★ 的条目为该类单位的检查重点。",
            s["base"],
        ),
    ]
    numbers = view.checklist.section_numbers()
    # In the order of their numbers: the points, then the sections that follow them (the
    # app lists a mode's items first, as the team does them first).
    for section in sorted(view.checklist.sections, key=lambda s: numbers[s.code]):
        label = chinese_numeral(numbers[section.code])
        story.append(Paragraph(f"{label}、{markup(section.title)}", s["h2"]))
        story.append(_section_table(view, section, s, ws.library.violation_label))
    left_out = sorted(set(range(1, 9)) - {n for n in numbers.values() if n <= 8})
    if left_out:
        story.append(Spacer(1, 1.5 * mm))
        story.append(
            Paragraph(
                "检查要点"
                + "、".join(chinese_numeral(n) for n in left_out)
                + "不适用于该类单位，未列入。",
                s["small"],
            )
        )
    if facts.corrections:
        story.append(Paragraph("更正事项", s["h2"]))
        story.append(_corrections_table(facts, s))

    story.append(Paragraph("发现问题汇总", s["h2"]))
    story.append(_findings_table(view, s, ws, facts.leads))
    if facts.drug_checks:
        story.append(Paragraph("重点药品、耗材逐项核查", s["h2"]))
        story.append(_drug_table(facts, s))
    if facts.claims:
        story.append(Paragraph("结算数据抽样核查", s["h2"]))
        story.extend(_claims_story(facts, s))
    if facts.leads:
        story.append(Paragraph("线索逐条核查", s["h2"]))
        story.append(_leads_table(facts, s))
    evidence_no = evidence_numbers(view)
    if facts.seals:
        story.append(Paragraph("封存清单", s["h2"]))
        story.append(_seal_table(facts, s, evidence_no))
    if facts.interviews:
        # The visit's interview records by number: each is a document of its own.
        story.append(Paragraph("询问笔录", s["h2"]))
        for number, who, started in facts.interviews:
            story.append(
                Paragraph(
                    f"{number}　被询问人：{markup(who)}　询问时间：{local_time(started)}",
                    s["base"],
                )
            )
    # On site the party gives its opinion of this record (被检查单位意见); its 陈述、申辩 comes
    # after a notice of a proposed penalty, in the case procedure.
    story.append(Paragraph("被检查单位意见", s["h2"]))
    if facts.party.present:
        others = "；".join(
            markup(name) + (f"（{markup(title)}）" if title else "")
            for name, title in facts.party.present
        )
        story.append(Paragraph(f"被检查单位其他在场人员：{others}", s["base"]))
    statement = facts.statement.strip()
    if statement:
        speaker = markup(facts.representative) or "（未记录）"
        if facts.representative_title:
            speaker += f"，{markup(facts.representative_title)}"
        # Who spoke stays with the first lines of what was said.
        speaker_line = Paragraph(f"提出意见人：{speaker}", s["base"])
        speaker_line.keepWithNext = 1
        story.append(speaker_line)
        story.append(Paragraph(markup(statement), s["base"]))
    else:
        # An empty field says nothing was recorded, not that the party said nothing.
        story.append(Paragraph("（未记录被检查单位的意见。）", s["base"]))
    # The heading, the note and the signature table stay on one page: a heading alone at a
    # page foot, its signatures overleaf, is what a party can dispute.
    story.append(
        KeepTogether(
            [
                Paragraph("签名", s["h2"]),
                Paragraph(_signing_note(view, facts), s["small"]),
                Spacer(1, 2 * mm),
                _signature_block(view, facts, s, boxes),
            ]
        )
    )

    photos = [e for e in view.evidence if e.media_type.startswith("image/")]
    documents = [e for e in view.evidence if not e.media_type.startswith("image/")]
    if view.evidence:
        story.append(PageBreak())
        story.append(Paragraph("附件：证据材料", s["h2"]))
    reporter.start(len(photos), "排版照片")
    for done, evidence in enumerate(photos, start=1):
        check_cancel(reporter)
        story.append(_photo_row(ws, view, evidence, evidence_no[evidence.id], s))
        reporter.advance(done, evidence.original_name)
    if documents:
        story.append(Paragraph("其他文件", s["h2"]))
        for evidence in documents:
            story.append(Paragraph(_caption(view, evidence, evidence_no[evidence.id]), s["small"]))
            story.append(Spacer(1, 3 * mm))
    return story


# A photo beside its caption, three to a page: one photo above its caption left half a page
# blank whenever the next did not fit below it.
PHOTO_BOX = (100 * mm, 76 * mm)


def _photo_row(
    ws: Workspace, view: InspectionView, evidence: EvidenceView, number: int, s: Any
) -> Table:
    image = photo_flowable(ws, evidence, *PHOTO_BOX)
    table = Table(
        [[image, Paragraph(_caption(view, evidence, number), s["small"])]],
        colWidths=[PHOTO_BOX[0] + 2 * mm, 174 * mm - PHOTO_BOX[0] - 2 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.lightgrey),
            ]
        )
    )
    return table


def _claims_story(facts: RecordFacts, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """Each claims sample: its source, rule and seed (so anyone can draw it again), what was
    listed, and the bills found wrong."""
    story: list[Flowable] = []
    for sample in facts.claims:
        listed = "，".join(f"{rule} {n} 张" for rule, n in sample.counts.items())
        story.append(
            Paragraph(
                markup(
                    f"数据：{sample.source_name}（{sample.source_rows:,} 行，SHA-256 "
                    f"{sample.source_sha256}）。抽样规则：{sample.rules}。列入清单：{listed}；"
                    f"核实无误 {sample.verified} 张，发现问题 {len(sample.problems)} 张，"
                    f"未核实 {sample.pending} 张。"
                ),
                s["base"],
            )
        )
        if sample.problems:
            rows: list[list[Any]] = [
                [
                    Paragraph(h, s["small"])
                    for h in ("结算单号", "参保人", "日期", "总费用（元）", "问题")
                ]
            ]
            for bill_no, patient, day, total_fen, note in sample.problems:
                rows.append(
                    [Paragraph(markup(v), s["small"])
                     for v in (bill_no, patient, day, format_fen(total_fen), note)]
                )  # fmt: skip
            table = Table(
                rows, colWidths=[32 * mm, 26 * mm, 22 * mm, 24 * mm, 70 * mm], repeatRows=1
            )
            style = _grid()
            style.add("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke)
            style.add("BACKGROUND", (0, 1), (0, -1), colors.white)
            table.setStyle(style)
            story.append(table)
    return story


def _leads_table(facts: RecordFacts, s: dict[str, ParagraphStyle]) -> Table:
    """The leads verified on the visit, one row each: number, what it said, the verdict with
    the note, the amount found. Never who reported it (sealed to the office)."""
    rows: list[list[Any]] = [
        [
            Paragraph(h, s["small"])
            for h in ("线索编号", "线索内容", "核查结论", "说明", "金额（元）")
        ]
    ]
    for lead in facts.leads:
        rows.append(
            [Paragraph(markup(v), s["small"])
             for v in (lead.number, lead.summary, lead.verdict_name, lead.note,
                       format_fen(lead.amount_fen))]
        )  # fmt: skip
    table = Table(rows, colWidths=[28 * mm, 52 * mm, 18 * mm, 54 * mm, 22 * mm], repeatRows=1)
    style = _grid()
    style.add("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke)
    style.add("BACKGROUND", (0, 1), (0, -1), colors.white)
    table.setStyle(style)
    return table


def _drug_table(facts: RecordFacts, s: dict[str, ParagraphStyle]) -> Table:
    rows: list[list[Any]] = [
        [Paragraph(h, s["small"]) for h in ("目录", "序号", "名称", "条目", "数量", "情况说明")]
    ]
    for check in facts.drug_checks:
        count = f"{check.count or ''} {check.unit}".strip()
        rows.append(
            [
                Paragraph(
                    markup(facts.reference_titles.get(check.list_code, check.list_code)),
                    s["small"],
                ),
                Paragraph(str(check.entry_no), s["small"]),
                Paragraph(markup(check.name), s["small"]),
                Paragraph(check.item_code, s["small"]),
                Paragraph(markup(count), s["small"]),
                Paragraph(markup(check.note), s["small"]),
            ]
        )
    table = Table(
        rows, colWidths=[30 * mm, 12 * mm, 38 * mm, 14 * mm, 22 * mm, 58 * mm], repeatRows=1
    )
    style = _grid()
    style.add("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke)
    style.add("BACKGROUND", (0, 1), (0, -1), colors.white)
    table.setStyle(style)
    return table


def _corrections_table(facts: RecordFacts, s: dict[str, ParagraphStyle]) -> Table:
    rows: list[list[Any]] = [[Paragraph(h, s["small"]) for h in ("更正项目", "原记录", "更正为")]]
    for what, before, after in facts.corrections:
        rows.append(
            [
                Paragraph(markup(what), s["small"]),
                Paragraph(markup(before), s["small"]),
                Paragraph(markup(after), s["small"]),
            ]
        )
    table = Table(rows, colWidths=[50 * mm, 62 * mm, 62 * mm], repeatRows=1)
    style = _grid()
    style.add("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke)
    style.add("BACKGROUND", (0, 1), (0, -1), colors.white)
    table.setStyle(style)
    return table


def document(path: Path | IO[bytes], title: str) -> SimpleDocTemplate:
    return SimpleDocTemplate(
        str(path) if isinstance(path, Path) else path,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=QR_BOTTOM_MARGIN,  # room for the footer and the QR code
        title=title,
        author="Inspector",
        creator=f"Inspector {__version__}",
        initialFontName=FONT,
        initialFontSize=9.5,
    )


def interview_page_marks(marks: list[tuple[str, bytes]]) -> Any:
    """A page callback that puts the interview's handwritten signatures (the interviewee's,
    then each 询问人's, as bound to its content) on the line where each page is initialled:
    every page of the electronic record carries them, as a paper one carries initials."""

    def draw(canvas: Canvas, _doc: Any) -> None:
        if not marks:
            return
        canvas.saveState()
        x = 18 * mm + pdfmetrics.stringWidth(INTERVIEW_INITIALS, FONT, 8) + 1 * mm
        for label, png in marks:
            canvas.setFont(FONT, 6)
            canvas.setFillColor(colors.grey)
            canvas.drawString(x, 19.5 * mm, label)
            reader = ImageReader(io.BytesIO(png))
            w, h = reader.getSize()
            scale = min(20 * mm / w, 5.5 * mm / h)
            canvas.drawImage(reader, x, 13.8 * mm, w * scale, h * scale, mask="auto")
            x += 22 * mm
        canvas.restoreState()

    return draw


def _interview_rows(interview: InterviewView, view: InspectionView, facts: RecordFacts) -> list:  # type: ignore[type-arg]
    """The particulars: each line from a captured field, "（未记录）" where nothing was."""
    unrecorded = "（未记录）"
    names = {cert: name for name, cert, _role in view.team}
    interviewers = "；".join(f"{name}（执法证号 {cert}）" for name, cert in interview.interviewers)
    shown = "<br/>".join(
        f"{markup(name or names.get(cert, ''))}（执法证号 {cert}）于 {local_time(at)} "
        "向被询问人出示行政执法证件"
        for name, cert, at in interview.credentials_shown
    )
    told = "<br/>".join(
        f"{local_time(at)} 告知{RIGHTS.get(code, code)}"
        + (f"；被询问人答复：{markup(reply)}" if reply else "")
        # In the order told; those told at the same minute in RIGHTS' order.
        for code, at, reply in sorted(
            interview.rights_told, key=lambda r: (local_time(r[1]), [*RIGHTS, r[0]].index(r[0]))
        )
    )
    person = markup(interview.interviewee_name) + (
        f"（{markup(interview.interviewee_role)}）" if interview.interviewee_role else ""
    )
    return [
        ("被询问人", person),
        ("身份证号", markup(interview.interviewee_id_no) or unrecorded),
        ("与被检查单位的关系", markup(interview.relation) or unrecorded),
        ("询问时间", f"{local_time(interview.started_at)} 至 {local_time(interview.ended_at)}"),
        ("询问地点", markup(interview.place or view.institution_name)),
        ("询问人", markup(interviewers) or "（未选定）"),
        (
            "记录人",
            f"{markup(interview.recorder_name)}（执法证号 {interview.recorder_cert_no}）"
            if interview.recorder_cert_no
            else unrecorded,
        ),
        ("出示执法证件", shown or unrecorded),
        ("告知事项", told or unrecorded),
        ("所涉检查", markup(f"{view.institution_name} 现场检查（记录编号 {facts.record_no}）")),
    ]


def interview_story(
    view: InspectionView,
    interview: InterviewView,
    facts: RecordFacts,
    record_no: str,
    boxes: dict[str, Any],
) -> list[Flowable]:
    s = _styles()
    table = Table(
        [
            [Paragraph(k, s["base"]), Paragraph(v, s["base"])]
            for k, v in _interview_rows(interview, view, facts)
        ],
        colWidths=[34 * mm, 140 * mm],
    )
    table.setStyle(_grid())
    story: list[Flowable] = [
        Paragraph(markup(facts.bureau), s["subtitle"]),
        *_bureau_particulars(facts, s),
        Paragraph("询问笔录", s["title"]),
        Paragraph(f"笔录编号 {record_no}", s["subtitle"]),
        table,
        Spacer(1, 4 * mm),
    ]
    for number, pair in enumerate(interview.questions, start=1):
        story.append(Paragraph(f"问{number}：{markup(pair.get('q', ''))}", s["base"]))
        story.append(Paragraph(f"答：{markup(pair.get('a', ''))}", s["base"]))
        story.append(Spacer(1, 2 * mm))
    if not interview.questions:
        story.append(Paragraph("（未记录问答。）", s["base"]))
    # The interviewee's own confirmation, as captured (typed, or the handwriting itself);
    # nothing pre-printed in the interviewee's name.
    if interview.confirmation_text or interview.confirmation_png:
        story.append(
            Paragraph(
                f"被询问人核对笔录后的确认意见（{local_time(interview.confirmed_at)}）：",
                s["base"],
            )
        )
        if interview.confirmation_text:
            story.append(Paragraph(markup(interview.confirmation_text), s["base"]))
        if interview.confirmation_png:
            story.append(_signature_image(interview.confirmation_png, 120 * mm, 22 * mm))
    label = f"被询问人<br/>{markup(interview.interviewee_name)}"
    rows = _party_rows(
        label,
        _one(facts, "interviewee", interview.id),
        _one(facts, "witness", interview.id),
        s,
    )
    rows += _interview_signer_rows(view, interview, facts, s, boxes)
    story.append(KeepTogether([Paragraph("签名", s["h2"]), _signature_table(rows, s)]))
    return story


def _interview_signer_rows(
    view: InspectionView,
    interview: InterviewView,
    facts: RecordFacts,
    s: dict[str, ParagraphStyle],
    boxes: dict[str, Any],
) -> list[list[Any]]:
    """A row per 询问人 and for the 记录人 (not the whole team): the handwritten signature and
    the box for the digital one; the leader, if one of them, last (signing.sign_record)."""
    by_cert = {
        sig.cert_no: sig
        for sig in facts.signatures
        if sig.role == "inspector" and sig.interview_id == interview.id
    }
    asking = {cert for _name, cert in interview.interviewers}
    rows = []
    signers = [m for m in view.team if m[1] in interview.signers]
    for name, cert, _role in sorted(signers, key=lambda member: member[2].value == "leader"):
        title = "询问人" if cert in asking else "记录人"
        if cert in asking and cert == interview.recorder_cert_no:
            title = "询问人、记录人"
        label = f"{title}<br/>{markup(name)}<br/>执法证号 {cert}"
        box = SignatureBox(cert, 52 * mm, 16 * mm, boxes)
        rows.append(_signer_row(label, by_cert.get(cert), s, box))
    return rows
