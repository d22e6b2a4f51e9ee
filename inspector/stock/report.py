"""The reconciliation table as a PDF, the evidence a gap's finding points to: the period, the
files it was computed from with their SHA-256 (the institution's own files, so anyone holding
them can compute the table again), the rule, and one row per drug. Built in memory and
byte-for-byte the same for the same files (reportlab's invariant mode), so adding it twice
to an inspection is one piece of evidence."""

from __future__ import annotations

import io
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from inspector.inspections import format_fen
from inspector.record.layout import markup, register_font
from inspector.stock.ledgers import KIND_NAMES
from inspector.stock.reconcile import DrugBalance, Reconciliation

MAX_ROWS = 400  # drugs listed; beyond, the table says how many more had no gap


def format_quantity(value: Decimal | None) -> str:
    """A quantity as the table and the app show it: thousands separated, no trailing zeros."""
    if value is None:
        return "—"
    text = f"{value:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


_q = format_quantity


def _gap(drug: DrugBalance) -> str:
    """The stock gap and, when it has one, its value at the purchase price."""
    text = _q(drug.stock_gap)
    if drug.stock_gap and drug.stock_gap_fen is not None:
        text += f"（¥{format_fen(drug.stock_gap_fen)}）"
    return text


def table_pdf(result: Reconciliation, *, institution: str, inspection_id: str) -> bytes:
    font = register_font()
    base = ParagraphStyle("base", fontName=font, fontSize=8, leading=10.5, wordWrap="CJK")
    title = ParagraphStyle("title", parent=base, fontSize=14, leading=18, alignment=1)
    small = ParagraphStyle("small", parent=base, fontSize=7, leading=9)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title="药品、耗材进销存核对表",
        author="Inspector",
        invariant=True,
    )
    flagged = result.flagged
    story: list = [
        Paragraph("药品、耗材进销存核对表", title),
        Spacer(0, 3 * mm),
        Paragraph(
            markup(
                f"被检查机构：{institution}　　检查编号：{inspection_id}　　核对期间："
                f"{result.start.isoformat()} 至 {result.end.isoformat()}"
            ),
            base,
        ),
        Paragraph(
            markup(
                f"核对品种 {len(result.drugs)} 个，有差异 {len(flagged)} 个；结算量超出销售量"
                f"涉及金额 ¥{format_fen(result.excess_fen) or '0.00'}（按结算单价计）"
            ),
            base,
        ),
        Spacer(0, 2 * mm),
    ]
    sources = [["资料", "文件", "行数", "期间外（未计）", "SHA-256"]]
    for s in result.sources:
        skipped = f"；合计行 {len(s.skipped)} 行未计" if s.skipped else ""
        sources.append(
            [KIND_NAMES[s.kind], Paragraph(markup(s.name), small), str(s.lines),
             f"{s.outside}{skipped}", Paragraph(s.sha256, small)]
        )  # fmt: skip
    story.append(_grid(sources, [28 * mm, 60 * mm, 16 * mm, 40 * mm, 125 * mm], font))
    story.append(Spacer(0, 2 * mm))
    rule = (
        "应存 = 期初库存 + 购进 − 销售（发药）；账实差 = 实盘 − 应存（负数为短缺）；结算超出 = "
        "医保结算数量 − 销售数量，按结算单价计金额；销售超出可售量 = 销售 − （期初 + 购进）。"
        "未盘点的品种不核对账实；各文件单位不一致的品种不比较数量。"
    )
    if result.by_name_only:
        rule += "有文件没有规格列：本表按药品名称比对，同名不同规格的合并计算。"
    rule += "".join(f"{note}。" for note in result.count_notes)
    on_site = [d.name for d in result.drugs if d.counted_on_site]
    if on_site:
        rule += f"实盘取现场逐项核查（附件1）记录的数量：{'、'.join(on_site)}。"
    story.append(Paragraph(markup(rule), small))
    story.append(Spacer(0, 2 * mm))
    header = ["品种", "规格", "单位", "附件1", "期初", "购进", "销售", "医保结算", "应存",
              "实盘", "账实差", "结算超出", "超出金额（元）", "差异"]  # fmt: skip
    rows: list[list[object]] = [header]
    shown = result.drugs[: max(MAX_ROWS, len(flagged))]  # every drug with a gap is listed
    for d in shown:
        rows.append(
            [Paragraph(markup(d.name), small), Paragraph(markup(d.spec), small), "、".join(d.units),
             Paragraph(markup(d.key_drug or ""), small), _q(d.opening), _q(d.purchased),
             _q(d.sold), _q(d.settled), _q(d.expected), _q(d.counted), Paragraph(_gap(d), small),
             _q(d.excess) if d.excess else "", format_fen(d.excess_fen) if d.excess_fen else "",
             Paragraph(markup("、".join(d.flags)), small)]
        )  # fmt: skip
    widths = [36, 22, 12, 20, 15, 15, 15, 16, 15, 15, 24, 15, 22, 28]
    table = _grid(rows, [w * mm for w in widths], font, repeat=1)
    for index, d in enumerate(shown, start=1):
        if d.flags:
            table.setStyle(TableStyle([("BACKGROUND", (0, index), (-1, index), "#fde4e4")]))
    story.append(table)
    if len(result.drugs) > len(shown):
        rest = result.drugs[len(shown) :]
        story.append(
            Paragraph(f"另有 {len(rest)} 个品种未列出，均无差异（有差异的品种均已列出）。", small)
        )
    doc.build(story)
    return buffer.getvalue()


def _grid(rows: list[list[object]], widths: list[float], font: str, repeat: int = 0) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=repeat)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("FONTSIZE", (0, 0), (-1, -1), 7.5),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), "#eeeeee"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (4, 1), (-2, -1), "RIGHT"),
            ]
        )
    )
    return table
