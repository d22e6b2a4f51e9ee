"""The 抽查结果 as a PDF to post or print for 一公开 (seed 001): the result in the order drawn with
the teams, the random sources and the key string, the method, the SHA-256 of the published
inputs, and the ordered candidate list. The workbook beside it (inspector/planning/publish.py)
carries the inputs themselves, which ``draw verify`` runs again; this page says so."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from inspector.errors import InvalidInput
from inspector.files import write_atomically
from inspector.planning.draw import METHODS, DrawInputs, DrawResult
from inspector.record.layout import markup, register_font


def notice_pdf(
    inputs: DrawInputs, result: DrawResult, *, draw_id: str | None, at: datetime | None
) -> bytes:
    font = register_font()
    base = ParagraphStyle("base", fontName=font, fontSize=9, leading=12.5, wordWrap="CJK")
    small = ParagraphStyle("small", parent=base, fontSize=7.5, leading=10)
    title = ParagraphStyle("title", parent=base, fontSize=15, leading=20, alignment=1)
    h2 = ParagraphStyle("h2", parent=base, fontSize=11, leading=15, spaceBefore=6, spaceAfter=3)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
        bottomMargin=15 * mm, title=inputs.title or "双随机抽查结果", author="Inspector",
        invariant=True,
    )  # fmt: skip
    sources = " / ".join(" ".join(str(v) for v in group) for group in inputs.sources)
    when = at.astimezone().strftime("%Y-%m-%d %H:%M") if at else "（预览，未保存）"
    story: list = [
        Paragraph(markup(inputs.title or "双随机抽查结果"), title),
        Spacer(0, 3 * mm),
        Paragraph(
            markup(
                f"抽取时间：{when}　抽查编号：{draw_id or '—'}　方法：{METHODS[inputs.method]}"
                f"{'　交叉检查（被查区县的检查人员回避）' if inputs.cross_district else ''}"
            ),
            base,
        ),
        Paragraph(markup(f"随机源：{sources}　密钥串（RFC 3797）：{result.key}"), base),
        Paragraph(markup(f"公开输入 SHA-256：{inputs.sha256}"), small),
        Paragraph("抽查结果", h2),
    ]
    rows: list[list[object]] = [["顺序", "候选序号", "机构名称", "区县", "组长", "组员"]]
    for order, team in enumerate(result.teams, start=1):
        c = inputs.candidates[team.candidate]
        people = [inputs.roster[m].name for m in team.members]
        rows.append(
            [str(order), str(team.candidate + 1), Paragraph(markup(c.name), small),
             Paragraph(markup(c.district), small), people[0],
             Paragraph(markup("、".join(people[1:])), small)]
        )  # fmt: skip
    story.append(_grid(rows, [12, 16, 64, 26, 20, 42], font))
    story.append(Paragraph(f"候选名单（共 {len(inputs.candidates)} 家，按公布顺序）", h2))
    listing: list[list[object]] = [["序号", "机构名称", "区县", "协议编号", "风险", "信用", "权重"]]
    for number, c in enumerate(inputs.candidates, start=1):
        listing.append(
            [str(number), Paragraph(markup(c.name), small), Paragraph(markup(c.district), small),
             c.agreement_no or "", c.risk_level, c.credit_rating, str(c.weight)]
        )  # fmt: skip
    story.append(_grid(listing, [12, 70, 26, 30, 14, 14, 14], font))
    story.append(Spacer(0, 3 * mm))
    story.append(
        Paragraph(
            "复核：同时公布的抽查结果工作簿（.xlsx）载有全部公开输入，任何人可用 "
            "“inspector draw verify 文件”按相同输入重新抽取并与本结果比对；"
            "工作簿中的“公开输入 SHA-256”应与上列一致。",
            small,
        )
    )
    doc.build(story)
    return buffer.getvalue()


def _grid(rows: list[list[object]], widths_mm: list[float], font: str) -> Table:
    table = Table(rows, colWidths=[w * mm for w in widths_mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), "#eeeeee"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def write_notice(
    target: Path,
    inputs: DrawInputs,
    result: DrawResult,
    *,
    draw_id: str | None = None,
    at: datetime | None = None,
) -> None:
    if target.suffix.lower() != ".pdf":
        raise InvalidInput("抽查结果公告的扩展名应为 .pdf")
    write_atomically(target, notice_pdf(inputs, result, draw_id=draw_id, at=at), mode=0o644)
