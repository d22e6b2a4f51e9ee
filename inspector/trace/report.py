"""The sweep's scan log as a PDF, the evidence its finding points to: the institution, the
rule, the counts, every hit with the detail rows and bills it rests on, then every scan in
order (time, code, how it was read, what it was found to be then and now) and the hash of the
last scan of each laptop's chain. Made in memory and byte-for-byte the same for the same log
(reportlab's invariant mode), so attaching it twice is one piece of evidence."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from inspector.inspections import format_fen
from inspector.record.layout import markup, register_font
from inspector.trace import HITS, NORMAL, RESULTS, SOURCES
from inspector.trace.scans import SweepSummary

TITLE = "药品追溯码扫码记录"
HIT_COLOUR = "#fde4e4"
CHUNK = 40  # log rows a table
MAX_SETTLEMENTS = 6  # bills named per hit in the table; the count says how many in all


def rule_text(summary: SweepSummary) -> str:
    text = (
        "逐盒扫描在架药品的药品追溯码（20 位数字），与本机构上传医保的结算明细和购进记录比对："
        "结算明细中出现过的追溯码不应仍在架上（结算 1 次为“已结算仍在架”，可能是回流药；"
        "2 次以上为“重复结算”）；购进记录中没有的为“无购进记录”，只有其他机构购进的为"
        "“非本机构购进”。同一追溯码重复扫描只计一次。拆零销售的药品一个追溯码可对应多次结算，"
        "需核实。"
    )
    if not summary.detail_checked:
        text += "本次检查未导入结算明细：未核对结算。"
    if not summary.purchases_checked:
        text += "本次检查未导入带追溯码的购进记录：未核对购进。"
    return text


def log_pdf(summary: SweepSummary, *, institution: str, inspection_id: str) -> bytes:
    font = register_font()
    base = ParagraphStyle("base", fontName=font, fontSize=8, leading=10.5, wordWrap="CJK")
    title = ParagraphStyle("title", parent=base, fontSize=14, leading=18, alignment=1)
    small = ParagraphStyle("small", parent=base, fontSize=7, leading=9)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
        topMargin=12 * mm, bottomMargin=12 * mm, title=TITLE, author="Inspector",
        invariant=True,
    )  # fmt: skip
    counts = summary.counts
    story: list = [
        Paragraph(TITLE, title),
        Spacer(0, 3 * mm),
        Paragraph(markup(f"被检查机构：{institution}　　检查编号：{inspection_id}"), base),
        Paragraph(
            markup(
                f"扫码 {len(summary.scans)} 次，追溯码 {len(summary.codes)} 个（重复扫描 "
                f"{summary.repeats} 次，只计一次）："
                + "，".join(f"{name} {counts[name]} 个" for name in RESULTS)
                + f"。已结算仍在架的药品涉及结算金额 ¥{format_fen(summary.amount_fen) or '0.00'}。"
            ),
            base,
        ),
        Paragraph(markup(rule_text(summary)), small),
        Spacer(0, 2 * mm),
    ]
    hits = summary.hits
    if hits:
        rows: list[list[object]] = [
            [
                "追溯码",
                "结论",
                "药品（结算明细）",
                "结算次数",
                "结算单号",
                "明细行号",
                "金额（元）",
                "购进机构",
            ]
        ]
        for c in hits:
            bills = "、".join(c.settlement_nos[:MAX_SETTLEMENTS])
            if len(c.settlement_nos) > MAX_SETTLEMENTS:
                bills += f" 等 {len(c.settlement_nos)} 张"
            rows.append(
                [c.code, Paragraph(markup("、".join(c.flags)), small),
                 Paragraph(markup(c.item_name), small), str(c.uses),
                 Paragraph(markup(bills), small),
                 Paragraph("、".join(map(str, c.row_nos[:20])), small),
                 format_fen(c.amount_fen) if c.amount_fen else "",
                 Paragraph(markup("、".join(c.buyers)), small)]
            )  # fmt: skip
        story.append(Paragraph("发现问题的追溯码", base))
        for start in range(1, len(rows), CHUNK):
            chunk = [rows[0], *rows[start : start + CHUNK]]
            story.append(_grid(chunk, [38, 34, 45, 14, 50, 35, 20, 33], font))
        story.append(Spacer(0, 3 * mm))
    story.append(Paragraph("扫码记录（按时间）", base))
    header: list[object] = [
        "序号",
        "时间",
        "追溯码",
        "方式",
        "扫码时结论",
        "现结论",
        "备注",
        "设备",
    ]
    rows_of_log: list[list[object]] = []
    marked: list[int] = []
    for index, s in enumerate(summary.scans):
        now = s.found.result if s.found is not None else s.result
        rows_of_log.append(
            [str(s.seq), s.scanned_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), s.code,
             SOURCES.get(s.source, s.source), s.result, now, s.note, s.device_id[:8]]
        )  # fmt: skip
        if now in HITS and s.repeat_of is None:
            marked.append(index)
    # In tables of CHUNK rows: reportlab splits one long table across pages in quadratic time.
    for start in range(0, len(rows_of_log), CHUNK):
        table = _grid(
            [header, *rows_of_log[start : start + CHUNK]], [14, 36, 42, 18, 24, 24, 80, 20], font
        )
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, i - start + 1), (-1, i - start + 1), HIT_COLOUR)
                    for i in marked
                    if start <= i < start + CHUNK
                ]
            )
        )
        story.append(table)
    story.append(Spacer(0, 2 * mm))
    heads = "；".join(f"设备 {device[:8]}：{digest}" for device, digest in summary.heads.items())
    story.append(
        Paragraph(
            markup(
                "每条扫码记录含前一条的 SHA-256，链尾（最后一条的哈希）："
                + (heads or "无")
                + f"。结论“{NORMAL}”以外的已标色。"
            ),
            small,
        )
    )
    doc.build(story)
    return buffer.getvalue()


def _grid(rows: list[list[object]], widths: list[float], font: str) -> Table:
    table = Table(rows, colWidths=[w * mm for w in widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("FONTSIZE", (0, 0), (-1, -1), 7.5),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), "#eeeeee"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table
