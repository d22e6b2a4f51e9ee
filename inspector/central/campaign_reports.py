"""A campaign's reports on the server (专项行动, inspector/campaigns): the 情况报告 over the
campaign's scope (its districts, institution types and period, the visits tagged with it), and
each report due of the campaign in its form (seed 000 五(三): 情况报告 by a stated day; seed
002 五(三): 按季度填报医保基金工作情况统计表, 12 月 10 日前全面总结):

- 情况报告: the report over the campaign's scope from its start up to the day stated;
- 季度统计表: the statistics of each quarter of the campaign up to the one ending at or before
  the day stated: institutions, visits, findings and amounts by district and institution
  type, one sheet (one table) a quarter;
- 总结: the 情况报告 over the whole campaign, with its narrative (总体情况, 典型案例).

Every figure is :func:`inspector.ledger.report.report_figures` (through
inspector/central/reports.py), narrowed by :class:`inspector.ledger.report.Within`."""

from __future__ import annotations

import io
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from inspector.campaigns import FORMS, Campaign
from inspector.central import reports
from inspector.central.campaigns import get_campaign
from inspector.central.reports import (
    Asked,
    asked_district,
    gather,
    library,
    parse_day,
    scratch_workspace,
)
from inspector.central.service import Central
from inspector.errors import InvalidInput
from inspector.ledger.entries import write_file
from inspector.ledger.report import (
    ReportFigures,
    Within,
    issued_on,
    quarter,
    report_figures,
)

SITUATION, QUARTERLY, SUMMARY = "situation_report", "quarterly_statistics", "summary"


def _within(campaign: Campaign, districts: tuple[str, ...], heading: str) -> Within:
    return Within(campaign.id, campaign.name, districts, campaign.types, heading)


def _districts(campaign: Campaign, district: str | None, area: str | None) -> tuple[str, ...]:
    """The campaign's districts read: all of them, or the one asked; a district's office user
    (``area``) only theirs."""
    district = asked_district(district, area)
    if district is not None and district not in campaign.districts:
        raise InvalidInput(
            "专项行动“{name}”不涉及{district}", name=campaign.name, district=district[:40]
        )
    return (district,) if district else campaign.districts


def ask_campaign(
    central: Central,
    campaign_id: str,
    since: str | None = None,
    until: str | None = None,
    quarter_text: str | None = None,
    district: str | None = None,
    type_code: str | None = None,
    area: str | None = None,
    heading: str = "情况报告",
) -> Asked:
    """The 情况报告 of a campaign as asked: its period (or the dates or the quarter asked,
    within it), its districts (or the one asked; a district user's own) and its types (or
    the one asked); the visits tagged with it."""
    campaign = get_campaign(central, campaign_id)
    first, last = campaign.start, campaign.end
    if quarter_text:
        first, last = quarter(quarter_text)
    if since:
        first = parse_day(since, "报告期开始日期")
    if until:
        last = parse_day(until, "报告期结束日期")
    if last < first:
        raise InvalidInput("报告期的结束日期早于开始日期")
    first, last = max(first, campaign.start), min(last, campaign.end)
    if last < first:
        raise InvalidInput(
            "报告期不在专项行动“{name}”的期间（{start} 至 {end}）内",
            name=campaign.name,
            start=campaign.start,
            end=campaign.end,
        )
    districts = _districts(campaign, district, area)
    type_code = (type_code or "").strip() or None
    if type_code is not None and type_code not in campaign.types:
        raise InvalidInput(
            "专项行动“{name}”不涉及机构类型 {type}", name=campaign.name, type=type_code[:40]
        )
    within = _within(campaign, districts, heading)
    return Asked(first, last, districts[0] if len(districts) == 1 else None, type_code, within)


# --- the reports due ------------------------------------------------------------------------


@dataclass
class Row:
    district: str
    type_name: str
    institutions: int = 0
    inspections: int = 0
    findings: int = 0
    amount_fen: int = 0
    recovered_fen: int = 0
    rectified: int = 0
    cases: int = 0

    @classmethod
    def of(cls, district: str, type_name: str, f: ReportFigures) -> Row:
        return cls(
            district, type_name, f.institutions, f.inspections, f.findings,
            f.amount_fen, f.recovered_fen, f.rectified, f.case_count,
        )  # fmt: skip


@dataclass
class Quarter:
    label: str  # 2026年第3季度
    since: date
    until: date
    rows: list[Row] = field(default_factory=list)  # by district, then type
    total: Row | None = None


@dataclass
class Statistics:
    """季度统计表: the campaign's quarters up to the one asked."""

    campaign: str
    doc_no: str
    districts: tuple[str, ...]
    quarters: list[Quarter]
    due: date


HEADER = [
    "区县", "机构类型", "检查机构数（家）", "检查次数（次）", "发现问题（个）",
    "涉及金额（元）", "追回金额（元）", "已整改（个）", "立案（件）",
]  # fmt: skip
MONEY_COLUMNS = (5, 6)  # 0-based: the amounts, in yuan


def _cells(row: Row) -> list[Any]:
    return [
        row.district, row.type_name, row.institutions, row.inspections, row.findings,
        row.amount_fen / 100, row.recovered_fen / 100, row.rectified, row.cases,
    ]  # fmt: skip


def _quarters(campaign: Campaign, due: date) -> list[tuple[str, date, date]]:
    """The campaign's quarters from its start up to the one ending at or before ``due``, each
    clamped to the campaign's period."""
    out: list[tuple[str, date, date]] = []
    year, number = campaign.start.year, (campaign.start.month - 1) // 3 + 1
    while True:
        first, last = quarter(f"{year}Q{number}")
        if last > due or first > campaign.end:
            break
        out.append((f"{year}年第{number}季度", max(first, campaign.start), min(last, campaign.end)))
        year, number = (year + 1, 1) if number == 4 else (year, number + 1)
    if not out:
        raise InvalidInput(
            "{due} 之前专项行动“{name}”还没有结束的季度",
            due=due,
            name=campaign.name,
        )
    return out


def _report_due(campaign: Campaign, form: str, due: date) -> None:
    if not any(r.form == form and r.due == due for r in campaign.reports):
        raise InvalidInput(
            "专项行动“{name}”没有 {due} 到期的{title}",
            name=campaign.name,
            due=due,
            title=FORMS.get(form, form),
        )


def campaign_report(
    central: Central, campaign_id: str, form: str, due: date, area: str | None = None
) -> ReportFigures | Statistics:
    """A report due of the campaign (its form and stated day), as the office hands it in."""
    campaign = get_campaign(central, campaign_id)
    _report_due(campaign, form, due)
    districts = _districts(campaign, None, area)
    if form == SITUATION:
        until = min(due, campaign.end)
        if until < campaign.start:
            raise InvalidInput("{due} 之前专项行动“{name}”还没有开始", due=due, name=campaign.name)
        asked = Asked(
            campaign.start, until, districts[0] if len(districts) == 1 else None, None,
            _within(campaign, districts, FORMS[SITUATION]),
        )  # fmt: skip
        return reports.central_report(central.engine, asked)
    if form == SUMMARY:
        asked = Asked(
            campaign.start, campaign.end, districts[0] if len(districts) == 1 else None, None,
            _within(campaign, districts, FORMS[SUMMARY]),
        )  # fmt: skip
        return reports.central_report(central.engine, asked)
    if form == QUARTERLY:
        return quarterly_statistics(central, campaign, due, districts)
    raise InvalidInput("不认识的报告表式：{form}", form=form[:40])


def quarterly_statistics(
    central: Central, campaign: Campaign, due: date, districts: tuple[str, ...]
) -> Statistics:
    """Each quarter's figures by district and type: report_figures over the quarter, one
    district and one type at a time (the total: over the whole scope, as an institution or a
    visit is counted once there)."""
    spans = _quarters(campaign, due)
    within = _within(campaign, districts, FORMS[QUARTERLY])
    asked = Asked(spans[0][1], spans[-1][2], None, None, within)
    engine = central.engine
    with engine.connect().execution_options(isolation_level="REPEATABLE READ") as c, c.begin():
        tables = gather(c, asked)
    names = library(engine)
    out: list[Quarter] = []
    with scratch_workspace(tables, names) as ws:
        for label, first, last in spans:
            q = Quarter(label, first, last)
            for district in districts:
                for code in campaign.types:
                    figures = report_figures(ws, first, last, district, code, within)
                    q.rows.append(Row.of(district, figures.type_name or code, figures))
            q.total = Row.of("合计", "", report_figures(ws, first, last, None, None, within))
            out.append(q)
    return Statistics(campaign.name, campaign.doc_no, districts, out, due)


# --- the quarterly workbook and PDF ---------------------------------------------------------


def _title(stats: Statistics) -> str:
    return f"{stats.campaign}医保基金工作情况统计表"


def write_statistics_workbook(stats: Statistics, target: Path, bureau: str) -> None:
    """One sheet a quarter: the title, the issuing unit and the quarter, the table by district
    and type with its total; each printed page headed by the issuing unit and numbered."""
    import openpyxl
    from openpyxl.styles import Font

    from inspector.xlsx import create_sheet, workbook_bytes

    if target.suffix.lower() != ".xlsx":
        raise InvalidInput("报告文件的扩展名应为 .xlsx 或 .pdf")
    book = openpyxl.Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for q in stats.quarters:
        sheet = create_sheet(book, q.label)
        sheet.append([_title(stats)])
        sheet["A1"].font = Font(bold=True, size=14)
        sheet.append([f"填报单位：{bureau}", "", f"统计期：{q.since} 至 {q.until}"])
        sheet.append(HEADER)
        for cell in sheet[3]:
            cell.font = bold
        for row in q.rows:
            sheet.append(_cells(row))
        assert q.total is not None
        sheet.append(_cells(q.total))
        for cell in sheet[sheet.max_row]:
            cell.font = bold
        for index in MONEY_COLUMNS:
            for (cell,) in sheet.iter_rows(min_row=4, min_col=index + 1, max_col=index + 1):
                cell.number_format = "#,##0.00"
        sheet.append([])
        sheet.append([f"填报日期：{issued_on()}"])
        for letter, width in zip("ABCDEFGHI", (12, 22, 14, 14, 14, 16, 16, 12, 10), strict=True):
            sheet.column_dimensions[letter].width = width
        sheet.oddHeader.left.text = bureau
        sheet.oddHeader.right.text = f"{_title(stats)} {q.label}"
        sheet.oddFooter.center.text = "第 &P 页 共 &N 页"
        sheet.page_setup.orientation = "landscape"
    write_file(target, workbook_bytes(book))


def write_statistics_pdf(stats: Statistics, target: Path, bureau: str) -> None:
    """The same tables as a PDF: a page a quarter, the issuing unit, every page numbered."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    from inspector.ledger.report import _numbered
    from inspector.record.layout import markup
    from inspector.signing.appearance import register_font

    if target.suffix.lower() != ".pdf":
        raise InvalidInput("报告文件的扩展名应为 .xlsx 或 .pdf")
    font = register_font()
    base = ParagraphStyle("base", fontName=font, fontSize=9.5, leading=13, wordWrap="CJK")
    title = ParagraphStyle("title", parent=base, fontSize=15, leading=21, alignment=TA_CENTER)
    sub = ParagraphStyle("sub", parent=base, fontSize=9, alignment=TA_CENTER, spaceAfter=4 * mm)
    story: list[Any] = []
    for n, q in enumerate(stats.quarters):
        if n:
            story.append(PageBreak())
        rows = [HEADER] + [
            [f"{v:,.2f}" if i in MONEY_COLUMNS else str(v) for i, v in enumerate(_cells(r))]
            for r in [*q.rows, *([q.total] if q.total else [])]
        ]
        table = Table(rows, repeatRows=1, colWidths=[w * mm for w in (24, 40, 26, 24, 24, 30, 30,
                                                                       22, 20)])  # fmt: skip
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), font),
                    ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f7")),
                    ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f6f6f6")),
                    ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
                ]
            )
        )
        story += [
            Paragraph(markup(_title(stats)), title),
            Paragraph(
                markup(
                    f"填报单位：{bureau}　{q.label}（{q.since} 至 {q.until}）　"
                    f"填报日期：{issued_on()}"
                ),
                sub,
            ),
            table,
        ]
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        title=_title(stats),
        author=bureau,
        creator="Inspector",
        initialFontName=font,
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=14 * mm,
        bottomMargin=16 * mm,
    )
    document.build(story, canvasmaker=_numbered(font, f"{bureau}　{_title(stats)}"))
    write_file(target, buffer.getvalue())


def write_due(
    produced: ReportFigures | Statistics,
    bureau: str,
    xlsx: Path | None = None,
    pdf: Path | None = None,
) -> None:
    """A report due as a workbook and/or a PDF, each if asked."""
    if isinstance(produced, Statistics):
        if xlsx is not None:
            write_statistics_workbook(produced, xlsx, bureau)
        if pdf is not None:
            write_statistics_pdf(produced, pdf, bureau)
    else:
        reports.write_files(produced, bureau, xlsx, pdf)


def due_file(
    produced: ReportFigures | Statistics, bureau: str, form: str, due: date, kind: str
) -> tuple[bytes, str]:
    """A report due as one file's bytes (the office page's download) and its name."""
    if kind not in ("xlsx", "pdf"):
        raise InvalidInput("报告文件的扩展名应为 .xlsx 或 .pdf")
    campaign = produced.campaign if isinstance(produced, Statistics) else produced.within
    title = campaign if isinstance(campaign, str) else campaign.name if campaign else ""
    name = f"{title}-{FORMS.get(form, form)}-{due}.{kind}"
    with tempfile.TemporaryDirectory(prefix="inspector-report-") as folder:
        target = Path(folder) / f"report.{kind}"
        write_due(produced, bureau, **{kind: target})
        return target.read_bytes(), name
