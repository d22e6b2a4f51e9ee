"""The inspection record as a PDF (reportlab): Chinese text in an embedded, subset TrueType font,
every checklist item with its answer, and the photos upright with their hashes.

Photos are placed by file path, so a JPEG is embedded byte for byte rather than decoded and
re-encoded. What is placed is the print-size copy made at intake from the same decode as the
thumbnail (upright, about 1200-2000 px, a few hundred KB): the record never decodes a full-size
photo, and a record of many 12 MP photos stays small. Its caption gives the original's SHA-256.
Evidence stored before print copies existed is placed as the original, turned upright by the
page transform (OrientedImage), never by rewriting the image.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from PIL import Image
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from inspector import __version__
from inspector.db.models import RESULT_NAMES, Record, Result
from inspector.errors import StorageError
from inspector.evidence.media import suffix_for
from inspector.evidence.store import disk_message
from inspector.inspections import EvidenceView, InspectionView, format_fen, get_inspection
from inspector.progress import NullReporter, Reporter, check_cancel
from inspector.resources import resource_path
from inspector.workspace import Workspace

FONT = "WenQuanYiMicroHei"
CHINESE_NUMERALS = "一二三四五六七八九十"


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
            "h2", parent=base, fontSize=12, leading=16, spaceBefore=4 * mm, spaceAfter=2 * mm
        ),
    }


def _escape(text: str | None) -> str:
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
        path: Path,
        width: int,
        height: int,
        orientation: int | None,
        max_width: float,
        max_height: float,
    ) -> None:
        super().__init__()
        self.path = path
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
        canvas.drawImage(str(self.path), 0, 0, width=1, height=1)
        canvas.restoreState()


def photo_flowable(
    ws: Workspace, evidence: EvidenceView, max_width: float, max_height: float
) -> OrientedImage:
    """The photo as the record shows it: the upright print copy where there is one (orientation
    1, no transform), else the original turned by its EXIF orientation."""
    if evidence.print_sha256:
        path = ws.store.path_for(evidence.print_sha256, ".jpg")
        with Image.open(path) as header:  # reads the size from the header, decodes nothing
            width, height = header.size
        return OrientedImage(path, width, height, 1, max_width, max_height)
    path = ws.store.path_for(evidence.sha256, suffix_for(evidence.media_type))
    return OrientedImage(
        path,
        evidence.width or 1,
        evidence.height or 1,
        evidence.orientation,
        max_width,
        max_height,
    )


def _numbered_canvas(footer: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Writes "page x of y" once the number of pages is known."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont(FONT, 8)
                self.setFillColor(colors.grey)
                self.drawString(18 * mm, 10 * mm, footer)
                self.drawRightString(A4[0] - 18 * mm, 10 * mm, f"第 {number} 页 共 {total} 页")
                super().showPage()
            super().save()

    return NumberedCanvas


def _info_table(view: InspectionView, s: dict[str, ParagraphStyle]) -> Table:
    leader = view.leader
    team = "；".join(
        f"{name}（执法证号 {cert}）" + ("，组长" if role.value == "leader" else "")
        for name, cert, role in view.team
    )
    agreement = view.agreement_no or "未登记"
    if view.agreement_expiry:
        agreement += f"，有效期至 {view.agreement_expiry.isoformat()}"
    rows = [
        ("被检查机构", view.institution_name),
        ("机构类型", view.institution_type_name),
        ("所在区县", view.district),
        ("定点协议", agreement),
        ("检查方式", view.mode_name),
        ("检查地点", view.place or "—"),
        ("检查组", team),
        ("组长", f"{leader[0]}（{leader[1]}）" if leader else "—"),
        ("开始时间", local_time(view.started_at)),
        ("结束时间", local_time(view.ended_at)),
        ("检查清单版本", view.checklist.version_label),
    ]
    if view.team_district:
        rows.insert(7, ("检查组所属区县", view.team_district))
    table = Table(
        [[Paragraph(k, s["base"]), Paragraph(_escape(v), s["base"])] for k, v in rows],
        colWidths=[32 * mm, 142 * mm],
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


def _section_table(view: InspectionView, section: Any, s: dict[str, ParagraphStyle]) -> Table:
    header = ["编号", "检查内容", "结果", "情况说明", "金额（元）", "违规类别"]
    rows: list[list[Any]] = [[Paragraph(h, s["small"]) for h in header]]
    for item in section.items:
        answer = view.answers.get(item.code)
        result = answer.result if answer else Result.UNCHECKED
        problem = result is Result.PROBLEM
        title = _escape(item.title) + (" ★" if item.priority else "")
        rows.append(
            [
                Paragraph(item.code, s["small"]),
                Paragraph(title, s["small"]),
                Paragraph(RESULT_NAMES[result], s["small"]),
                Paragraph(_escape(answer.note if answer else ""), s["small"]),
                Paragraph(format_fen(answer.amount_fen) if answer and problem else "", s["small"]),
                Paragraph(answer.violation_code or "" if answer and problem else "", s["small"]),
            ]
        )
    table = Table(
        rows,
        colWidths=[13 * mm, 52 * mm, 15 * mm, 58 * mm, 20 * mm, 16 * mm],
        repeatRows=1,
    )
    style = _grid()
    style.add("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke)
    style.add("BACKGROUND", (0, 1), (0, -1), colors.white)
    for index, item in enumerate(section.items, start=1):
        answer = view.answers.get(item.code)
        if answer and answer.result is Result.PROBLEM:
            style.add("BACKGROUND", (2, index), (2, index), colors.HexColor("#fde2e2"))
    table.setStyle(style)
    return table


def _caption(view: InspectionView, evidence: EvidenceView) -> str:
    parts = [f"<b>{_escape(evidence.original_name)}</b>"]
    if evidence.caption:
        parts.append(f"说明：{_escape(evidence.caption)}")
    if evidence.source_sha256:
        parts.append(f"标注副本，原件 SHA-256：{evidence.source_sha256}")
    if evidence.item_code:
        item = view.checklist.item(evidence.item_code)
        parts.append(f"检查条目：{evidence.item_code} {_escape(item.title if item else '')}")
    parts.append(
        f"拍摄时间：{local_time(evidence.captured_at)}（相机时钟）；"
        f"导入时间：{local_time(evidence.added_at)}"
    )
    if evidence.gps_lat is not None and evidence.gps_lon is not None:
        parts.append(f"位置：{evidence.gps_lat:.6f}, {evidence.gps_lon:.6f}")
    if evidence.camera:
        parts.append(f"设备：{_escape(evidence.camera)}")
    if evidence.added_by:
        parts.append(f"导入人：{_escape(evidence.added_by)}")
    if evidence.metadata_warning:
        parts.append(f"注：{_escape(evidence.metadata_warning)}")
    if evidence.time_warning:
        parts.append(f"注意：{_escape(evidence.time_warning)}")
    parts.append(f"SHA-256：{evidence.sha256}")
    return "<br/>".join(parts)


def _story(ws: Workspace, view: InspectionView, reporter: Reporter) -> list[Flowable]:
    s = _styles()
    story: list[Flowable] = [
        Paragraph("医疗保障基金现场检查记录", s["title"]),
        Paragraph(
            f"记录编号 {view.id}　·　生成于 {local_time(datetime.now().astimezone())}",
            s["subtitle"],
        ),
        _info_table(view, s),
        Spacer(1, 3 * mm),
        Paragraph(
            f"检查结果汇总：共 {len(view.checklist.items)} 项，已检查 {view.checked} 项，"
            f"发现问题 {view.problems} 项，"
            f"涉及金额合计 {format_fen(view.amount_total_fen) or '0.00'} 元。"
            "标 ★ 的条目为该类机构的检查重点。",
            s["base"],
        ),
    ]
    for number, section in enumerate(view.checklist.sections):
        label = CHINESE_NUMERALS[number] if number < len(CHINESE_NUMERALS) else str(number + 1)
        story.append(Paragraph(f"{label}、{_escape(section.title)}", s["h2"]))
        story.append(_section_table(view, section, s))

    photos = [e for e in view.evidence if e.media_type.startswith("image/")]
    documents = [e for e in view.evidence if not e.media_type.startswith("image/")]
    if view.evidence:
        story.append(PageBreak())
        story.append(Paragraph("附件：证据材料", s["h2"]))
    reporter.start(len(photos), "排版照片")
    for done, evidence in enumerate(photos, start=1):
        check_cancel(reporter)
        image = photo_flowable(ws, evidence, 120 * mm, 95 * mm)
        story.append(
            KeepTogether(
                [
                    image,
                    Spacer(1, 1.5 * mm),
                    Paragraph(_caption(view, evidence), s["small"]),
                    Spacer(1, 5 * mm),
                ]
            )
        )
        reporter.advance(done, evidence.original_name)
    if documents:
        story.append(Paragraph("其他文件", s["h2"]))
        for evidence in documents:
            story.append(Paragraph(_caption(view, evidence), s["small"]))
            story.append(Spacer(1, 3 * mm))
    return story


def _fsync_write(data_path: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".pdf")
    try:
        with os.fdopen(handle, "wb") as out, data_path.open("rb") as source:
            shutil.copyfileobj(source, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def build_record(
    ws: Workspace,
    inspection_id: str,
    out: Path | None = None,
    reporter: Reporter | None = None,
) -> tuple[Path, str]:
    """Make the record PDF, keep it under the data directory with its hash, and copy it to
    ``out`` if given. Returns the path written for the user and the SHA-256 of the PDF."""
    reporter = reporter or NullReporter()
    view = get_inspection(ws, inspection_id)
    register_font()
    # ASCII85 would wrap every image in text 25 % larger than its bytes.
    rl_config.useA85 = 0
    stamp = datetime.now().astimezone().strftime("%Y%m%d-%H%M%S")
    kept = ws.home.records / view.id / f"record-{stamp}.pdf"
    try:
        with tempfile.TemporaryDirectory(dir=ws.home.root, prefix=".build-") as scratch:
            draft = Path(scratch) / "record.pdf"
            doc = SimpleDocTemplate(
                str(draft),
                pagesize=A4,
                leftMargin=18 * mm,
                rightMargin=18 * mm,
                topMargin=16 * mm,
                bottomMargin=18 * mm,
                title=f"现场检查记录 {view.institution_name}",
                author="Inspector",
                creator=f"Inspector {__version__}",
                initialFontName=FONT,
                initialFontSize=9.5,
            )
            footer = f"{view.institution_name} · 现场检查记录 {view.id[:8]}"
            doc.build(_story(ws, view, reporter), canvasmaker=_numbered_canvas(footer))
            sha256 = hashlib.sha256(draft.read_bytes()).hexdigest()
            _fsync_write(draft, kept)
            if out is not None:
                _fsync_write(draft, out)
    except OSError as error:
        raise StorageError(disk_message(error)) from error
    with ws.db.session() as session:
        session.add(
            Record(
                inspection_id=view.id,
                kind="inspection_record",
                path=str(kept.relative_to(ws.home.root)),
                sha256=sha256,
                size=kept.stat().st_size,
                device_id=ws.db.device_id,
            )
        )
    return (out or kept), sha256
