"""The periodic report (情况报告; seeds 000 and 002 ask for progress reports by deadline and
quarterly statistics): for a period and a district (or all), from this laptop's data.

What is counted, and from where:

- **inspections checked**: signed inspections whose visit ended in the period (the laptop's
  calendar), of the district; an inspection corrected by a signed amendment counts once (the
  amendment). Institutions are counted once per type and per mode (an institution visited twice
  in the period is one institution, two inspections);
- **findings**: the ledger's rows found in the period (not 已更正), by violation category
  (none given: 未分类), with the amounts involved (涉及金额) and recovered (追回金额);
- **cases**: the case steps recorded on those findings, by kind, and as 行政处罚 each of them a
  case of the case procedure (inspector/cases/) decided; findings handed over (移交);
- **case money** (inspector/cases/figures.py): the cases opened in the period (of the district),
  with 责令退回, 罚款, 没收违法所得 and 协议追回 apart, each as decided and as paid, and their
  measures counted by kind;
- **rectification rate** (整改率): findings closed by a signed 回头看 (已整改) ÷ findings;
- **典型案例**: the findings of the period with the largest amounts, each with its institution,
  problem and handling (case steps, the case's money measures, the ledger's status).

An institution type narrows every figure to the institutions of that type (a campaign's
statistics form by type). A campaign's report (:class:`Within`) narrows every figure to the
campaign's districts and types and to the visits tagged with the campaign (and the findings
and cases that came from them). The laptop's report and the central service's over every laptop
(inspector/central/reports.py) are this one function.

The figures are one object (:class:`ReportFigures`); the workbook (openpyxl, with charts) and
the PDF (reportlab, charts drawn by reportlab.graphics) only lay it out."""

from __future__ import annotations

import io
import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import case, func, or_, select

from inspector.db.models import (
    Case,
    CaseAction,
    Inspection,
    InspectionStatus,
    Institution,
    LedgerEntry,
)
from inspector.errors import InvalidInput
from inspector.ledger.cases import HAND_OVER, KIND_NAMES, PENALTY
from inspector.ledger.entries import OPEN, RECTIFIED, STATUS_NAMES, SUPERSEDED, write_file
from inspector.workspace import Workspace

UNCATEGORISED = "未分类"


@dataclass
class Count:
    code: str | None
    name: str
    institutions: int = 0
    inspections: int = 0


@dataclass
class Category:
    code: str | None
    name: str
    findings: int
    amount_fen: int


@dataclass
class District:
    name: str
    institutions: int = 0
    inspections: int = 0
    findings: int = 0
    amount_fen: int = 0
    recovered_fen: int = 0
    rectified: int = 0

    @property
    def rectification_rate(self) -> float:
        return self.rectified / self.findings if self.findings else 0.0


@dataclass
class Typical:
    """One 典型案例: a finding of the period, among those with the largest amounts."""

    institution: str
    district: str
    problem: str
    category: str
    amount_fen: int
    recovered_fen: int
    status: str
    handling: str


TYPICAL = 5  # 典型案例 in a report
TITLE = "医保基金监督检查情况报告"


@dataclass(frozen=True)
class Within:
    """A campaign's scope (专项行动): its districts and institution types (empty: every one)
    and the visits tagged with it; ``heading`` names the form (情况报告, 总结)."""

    campaign_id: str
    name: str
    districts: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    heading: str = "情况报告"


@dataclass
class ReportFigures:
    since: date
    until: date
    district: str | None
    type_code: str | None = None  # the institution type every figure is narrowed to
    type_name: str | None = None
    inspections: int = 0
    institutions: int = 0
    by_type: list[Count] = field(default_factory=list)
    by_mode: list[Count] = field(default_factory=list)
    by_district: list[District] = field(default_factory=list)
    findings: int = 0
    amount_fen: int = 0
    recovered_fen: int = 0
    by_category: list[Category] = field(default_factory=list)
    by_status: dict[str, int] = field(default_factory=dict)
    cases: dict[str, int] = field(default_factory=dict)  # case steps by kind
    handed_over: int = 0  # findings 移交 (移送公安 / 移送纪检监察)
    case_count: int = 0  # cases opened in the period (inspector/cases/)
    # 责令退回, 罚款, 没收违法所得, 协议追回: kind → [decided, paid] in fen, never summed together
    case_money: dict[str, list[int]] = field(default_factory=dict)
    measures: dict[str, int] = field(default_factory=dict)  # case measures by kind
    rectified: int = 0
    open: int = 0
    typical: list[Typical] = field(default_factory=list)
    within: Within | None = None  # a campaign's report

    @property
    def title(self) -> str:
        if self.within is None:
            return TITLE
        return f"{self.within.name}{self.within.heading}"

    @property
    def rectification_rate(self) -> float:
        """已整改 ÷ findings (0 when there are none)."""
        return self.rectified / self.findings if self.findings else 0.0

    @property
    def scope(self) -> str:
        where = self.district or "全部区县"
        if self.within is not None and self.within.districts and not self.district:
            where = "、".join(self.within.districts)
        return f"{where}，{self.type_name or self.type_code}" if self.type_code else where

    @property
    def period(self) -> str:
        return f"{self.since:%Y-%m-%d} 至 {self.until:%Y-%m-%d}"


def _bounds(since: date, until: date) -> tuple[datetime, datetime]:
    """The period's first and last day on the laptop's calendar, as aware times."""
    start = datetime.combine(since, time()).astimezone()
    end = datetime.combine(until + timedelta(days=1), time()).astimezone()
    return start, end


def quarter(text: str) -> tuple[date, date]:
    """``2026Q3`` (or ``2026-Q3``) → its first and last day."""
    cleaned = text.strip().upper().replace("-", "")
    if (
        len(cleaned) != 6
        or cleaned[4] != "Q"
        or not cleaned[:4].isdigit()
        or cleaned[5] not in "1234"
    ):
        raise InvalidInput("季度应写成 2026Q3 这样的形式，而不是“{text}”", text=text)
    year, number = int(cleaned[:4]), int(cleaned[5])
    first = date(year, 3 * number - 2, 1)
    last = date(year + (number == 4), 1 if number == 4 else 3 * number + 1, 1) - timedelta(days=1)
    return first, last


def report_figures(
    ws: Workspace,
    since: date,
    until: date,
    district: str | None = None,
    type_code: str | None = None,
    within: Within | None = None,
) -> ReportFigures:
    if until < since:
        raise InvalidInput("报告期的结束日期早于开始日期")
    library = ws.library
    type_code = type_code or None
    figures = ReportFigures(
        since=since,
        until=until,
        district=district or None,
        type_code=type_code,
        type_name=library.types[type_code].name if type_code in library.types else type_code,
        within=within,
    )
    start, end = _bounds(since, until)
    visits = (
        select(
            Inspection.id,
            Inspection.institution_id,
            Institution.type_code,
            Inspection.mode,
            Inspection.district,
        )
        .join(Institution, Institution.id == Inspection.institution_id)
        .where(
            Inspection.status == InspectionStatus.SIGNED,
            Inspection.ended_at >= start,
            Inspection.ended_at < end,
        )
    )
    # Corrected by a signed amendment: the amendment counts instead (amends_id has no index,
    # and the amendments are few: one query, not a correlated one per inspection).
    corrected_by_amendment = select(Inspection.amends_id).where(
        Inspection.amends_id.is_not(None), Inspection.status == InspectionStatus.SIGNED
    )
    if figures.district:
        visits = visits.where(Inspection.district == figures.district)
    if type_code:
        visits = visits.where(Institution.type_code == type_code)
    entries = select(LedgerEntry).where(
        LedgerEntry.found_on >= since,
        LedgerEntry.found_on <= until,
        LedgerEntry.status != SUPERSEDED,
    )
    if figures.district:
        entries = entries.where(LedgerEntry.district == figures.district)
    if type_code:
        entries = entries.where(LedgerEntry.type_code == type_code)
    if within is not None:
        # The campaign's visits: those tagged with it and the amendments correcting them;
        # its findings and cases are theirs.
        tagged = select(Inspection.id).where(Inspection.campaign_id == within.campaign_id)
        ours = select(Inspection.id).where(
            or_(Inspection.id.in_(tagged), Inspection.amends_id.in_(tagged))
        )
        visits = visits.where(Inspection.id.in_(ours))
        entries = entries.where(LedgerEntry.inspection_id.in_(ours))
        if within.districts:
            visits = visits.where(Inspection.district.in_(within.districts))
            entries = entries.where(LedgerEntry.district.in_(within.districts))
        if within.types:
            visits = visits.where(Institution.type_code.in_(within.types))
            entries = entries.where(LedgerEntry.type_code.in_(within.types))
    in_period = entries.subquery()
    with ws.db.session() as session:
        corrected = set(session.scalars(corrected_by_amendment))
        rows = [row[1:] for row in session.execute(visits) if row[0] not in corrected]
        by_type: dict[str, tuple[set[str], int]] = defaultdict(lambda: (set(), 0))
        by_mode: dict[str, tuple[set[str], int]] = defaultdict(lambda: (set(), 0))
        places: set[str] = set()
        districts: dict[str, District] = {}
        district_places: dict[str, set[str]] = defaultdict(set)
        for institution_id, kind, mode, district in rows:
            places.add(institution_id)
            districts.setdefault(district, District(district)).inspections += 1
            district_places[district].add(institution_id)
            for table, key in ((by_type, kind), (by_mode, mode)):
                seen, count = table[key]
                seen.add(institution_id)
                table[key] = (seen, count + 1)
        figures.inspections = len(rows)
        figures.institutions = len(places)
        figures.by_type = sorted(
            (
                Count(
                    code,
                    library.types[code].name if code in library.types else code,
                    len(seen),
                    count,
                )
                for code, (seen, count) in by_type.items()
            ),
            key=lambda c: (-c.inspections, c.code or ""),
        )
        figures.by_mode = sorted(
            (
                Count(
                    code,
                    library.modes[code].name if code in library.modes else code,
                    len(seen),
                    count,
                )
                for code, (seen, count) in by_mode.items()
            ),
            key=lambda c: (-c.inspections, c.code or ""),
        )
        amount = func.coalesce(func.sum(in_period.c.amount_fen), 0)
        categories = session.execute(
            select(in_period.c.violation_code, func.count(), amount)
            .group_by(in_period.c.violation_code)
            .order_by(func.count().desc(), in_period.c.violation_code)
        ).all()
        figures.by_category = [
            Category(
                code,
                f"{code} {library.violations[code].title}"
                if code in library.violations
                else (code or UNCATEGORISED),
                int(count),
                int(total),
            )
            for code, count, total in categories
        ]
        statuses = session.execute(
            select(
                in_period.c.status,
                func.count(),
                func.coalesce(func.sum(in_period.c.amount_fen), 0),
                func.coalesce(func.sum(in_period.c.recovered_fen), 0),
            ).group_by(in_period.c.status)
        ).all()
        figures.by_status = {code: 0 for code in STATUS_NAMES if code != SUPERSEDED}
        for status, count, total, recovered in statuses:
            figures.by_status[status] = int(count)
            figures.findings += int(count)
            figures.amount_fen += int(total)
            figures.recovered_fen += int(recovered)
        rectified = func.sum(case((in_period.c.status == RECTIFIED, 1), else_=0))
        for district, count, total, recovered, closed in session.execute(
            select(
                in_period.c.district,
                func.count(),
                func.coalesce(func.sum(in_period.c.amount_fen), 0),
                func.coalesce(func.sum(in_period.c.recovered_fen), 0),
                rectified,
            ).group_by(in_period.c.district)
        ):
            row = districts.setdefault(district, District(district))
            row.findings, row.amount_fen = int(count), int(total)
            row.recovered_fen, row.rectified = int(recovered), int(closed or 0)
        for district, seen in district_places.items():
            districts[district].institutions = len(seen)
        figures.by_district = sorted(districts.values(), key=lambda d: (-d.inspections, d.name))
        figures.rectified = figures.by_status.get(RECTIFIED, 0)
        figures.open = sum(figures.by_status.get(code, 0) for code in OPEN)
        figures.cases = {code: 0 for code in KIND_NAMES}
        steps = session.execute(
            select(CaseAction.kind, func.count())
            .join(in_period, in_period.c.id == CaseAction.entry_id)
            .group_by(CaseAction.kind)
        ).all()
        for kind, count in steps:
            figures.cases[kind] = int(count)
        # A 行政处罚 is a case of the case procedure, not a step of the ledger's path
        # (ledger/cases.py refuses one): a finding of the period that a case decided (行政处罚法
        # art. 57) was handled by a penalty, whether or not the money is paid yet.
        decided = {
            str(entry)
            for taken in session.scalars(select(Case.entry_ids).where(Case.decided_on.is_not(None)))
            for entry in taken or []
        }
        if decided:
            found = set(session.scalars(select(in_period.c.id)))
            figures.cases[PENALTY] += len(found & decided)
        figures.handed_over = int(
            session.scalar(
                select(func.count(func.distinct(CaseAction.entry_id)))
                .join(in_period, in_period.c.id == CaseAction.entry_id)
                .where(CaseAction.kind.in_(HAND_OVER))
            )
            or 0
        )
        largest = session.execute(
            select(in_period)
            .where(in_period.c.amount_fen > 0)
            .order_by(in_period.c.amount_fen.desc(), in_period.c.found_on, in_period.c.id)
            .limit(TYPICAL)
        ).all()
        steps_of: dict[str, list[str]] = defaultdict(list)
        for entry_id, kind, document_no in session.execute(
            select(CaseAction.entry_id, CaseAction.kind, CaseAction.document_no)
            .where(CaseAction.entry_id.in_([row.id for row in largest]))
            .order_by(CaseAction.on_date, CaseAction.created_at)
        ):
            name = KIND_NAMES.get(kind, kind)
            steps_of[entry_id].append(f"{name}（{document_no}）" if document_no else name)
        ours_ids = set(session.scalars(ours)) if within is not None else set()
        found_ids = set(session.scalars(select(in_period.c.id))) if within is not None else set()
    _case_figures(ws, figures, ours_ids, found_ids)
    figures.typical = _typical(ws, library, largest, steps_of)
    return figures


def _typical(
    ws: Workspace, library: Any, largest: list[Any], steps_of: dict[str, list[str]]
) -> list[Typical]:
    """The 典型案例: each finding with how it was handled (its case steps, the money measures
    of the cases that take it, its status in the ledger)."""
    from inspector.cases.figures import MONEY_NAMES, cases_of, counted_measures

    measures_of: dict[str, list[str]] = defaultdict(list)
    for taken in cases_of(ws, [row.id for row in largest]) if largest else []:
        paid = [
            f"{MONEY_NAMES[m.kind]} {_yuan(m.amount_fen or 0):,.2f} 元"
            f"（已缴 {_yuan(m.paid_fen):,.2f} 元）"
            for m in counted_measures(taken)
            if m.kind in MONEY_NAMES
        ]
        for entry_id in taken.entry_ids:
            measures_of[entry_id].append(
                f"立案处理（{taken.stage_name}）" + (f"：{'，'.join(paid)}" if paid else "")
            )
    found = []
    for row in largest:
        code = row.violation_code
        category = (
            f"{code} {library.violations[code].title}"
            if code in library.violations
            else (code or UNCATEGORISED)
        )
        problem = row.item_title + (f"：{row.note}" if row.note else "")
        status = STATUS_NAMES.get(row.status, row.status)
        handled = [*steps_of.get(row.id, []), *measures_of.get(row.id, [])]
        if row.recovered_fen:
            status += f"，已追回 {_yuan(row.recovered_fen):,.2f} 元"
        found.append(
            Typical(
                institution=row.institution_name,
                district=row.district,
                problem=problem,
                category=category,
                amount_fen=int(row.amount_fen),
                recovered_fen=int(row.recovered_fen or 0),
                status=status,
                handling="；".join([*handled, status]),
            )
        )
    return found


def _case_figures(
    ws: Workspace, figures: ReportFigures, visits: set[str], findings: set[str]
) -> None:
    """The case money of the period; a campaign's: the cases of its visits (``visits``) or
    taking its findings (``findings``), of its districts and types."""
    from inspector.cases.figures import case_money, cases_in_period

    cases = cases_in_period(ws, figures.since, figures.until, figures.district)
    within = figures.within
    if figures.type_code or within is not None:
        with ws.db.session() as session:
            places = {
                i: (d, t)
                for i, d, t in session.execute(
                    select(Institution.id, Institution.district, Institution.type_code)
                )
            }

        def kept(c: Any) -> bool:
            district, kind = places.get(c.institution_id or "", (None, None))
            if figures.type_code and kind != figures.type_code:
                return False
            if within is None:
                return True
            if within.districts and district not in within.districts:
                return False
            if within.types and kind not in within.types:
                return False
            return c.inspection_id in visits or bool(findings & set(c.entry_ids or ()))

        cases = [c for c in cases if kept(c)]
    money = case_money(cases)
    figures.case_count = money.cases
    figures.case_money = {k: [m.decided_fen, m.paid_fen] for k, m in money.money.items()}
    figures.measures = dict(money.measures)


def case_money_rows(figures: ReportFigures) -> list[list[Any]]:
    """Each money measure: its name, how many, decided and paid (yuan)."""
    from inspector.cases.figures import MONEY_NAMES

    return [
        [MONEY_NAMES[kind], figures.measures.get(kind, 0), _yuan(decided), _yuan(paid)]
        for kind, (decided, paid) in figures.case_money.items()
    ]


def measure_rows(figures: ReportFigures) -> list[list[Any]]:
    from inspector.cases.rules import MEASURE_NAMES

    return [[MEASURE_NAMES[kind], count] for kind, count in figures.measures.items()]


def _yuan(fen: int) -> float:
    return fen / 100


def summary_rows(figures: ReportFigures) -> list[tuple[str, Any]]:
    return [
        ("报告期", figures.period),
        ("范围", figures.scope),
        ("检查机构数（家）", figures.institutions),
        ("检查次数（次）", figures.inspections),
        ("发现问题（个）", figures.findings),
        ("涉及金额（元）", _yuan(figures.amount_fen)),
        ("追回金额（元）", _yuan(figures.recovered_fen)),
        ("移交（个）", figures.handed_over),
        ("已整改销号（个）", figures.rectified),
        ("未完成整改（个）", figures.open),
        ("整改率", figures.rectification_rate),
        ("案件（件）", figures.case_count),
        *_money_summary(figures),
    ]


def _money_summary(figures: ReportFigures) -> list[tuple[str, Any]]:
    labels = {
        "refund": ("责令退回（元）", "已退回（元）"),
        "fine": ("罚款（元）", "已缴罚款（元）"),
        "confiscate": ("没收违法所得（元）", "已缴没收（元）"),
        "reject": ("协议追回（元）", "已追回（元）"),
    }
    rows: list[tuple[str, Any]] = []
    for kind, (decided, paid) in figures.case_money.items():
        rows += [(labels[kind][0], _yuan(decided)), (labels[kind][1], _yuan(paid))]
    return rows


def overview(figures: ReportFigures) -> str:
    """The period in one paragraph (总体情况), the case money apart."""
    money = [
        f"{name} {decided:,.2f} 元（已缴 {paid:,.2f} 元）"
        for name, _count, decided, paid in case_money_rows(figures)
    ]
    return (
        f"{figures.period}，{figures.scope}共检查定点医药机构 {figures.institutions} 家、"
        f"{figures.inspections} 次，发现问题 {figures.findings} 个，涉及金额 "
        f"{_yuan(figures.amount_fen):,.2f} 元，追回金额 {_yuan(figures.recovered_fen):,.2f} 元；"
        f"已整改销号 {figures.rectified} 个，整改率 {figures.rectification_rate:.1%}；"
        f"移交问题 {figures.handed_over} 个。本期登记案件 {figures.case_count} 件"
        + (f"，其中{'，'.join(money)}。" if figures.case_count else "。")
    )


def typical_lines(figures: ReportFigures) -> list[str]:
    """Each 典型案例 as a sentence: institution, problem, amount, handling."""
    return [
        f"{n}. {t.institution}（{t.district}）：{t.problem}，属“{t.category}”，涉及金额 "
        f"{_yuan(t.amount_fen):,.2f} 元。处理情况：{t.handling}。"
        for n, t in enumerate(figures.typical, start=1)
    ]


TYPICAL_HEADER = ["序号", "机构", "区县", "问题", "违规类别", "涉及金额（元）", "处理情况"]


def typical_rows(figures: ReportFigures) -> list[list[Any]]:
    return [
        [n, t.institution, t.district, t.problem, t.category, _yuan(t.amount_fen), t.handling]
        for n, t in enumerate(figures.typical, start=1)
    ]


def issued_on(day: date | None = None) -> str:
    day = day or date.today()
    return f"{day.year}年{day.month}月{day.day}日"


# --- the workbook ---------------------------------------------------------------------------


def write_workbook(figures: ReportFigures, target: Path, bureau: str | None = None) -> None:
    """The figures in one sheet per table, each with its chart (openpyxl charts: Excel and
    WPS draw them from the cells, so the numbers and the pictures never disagree); the
    issuing unit (``bureau``) in the summary and every printed page's header, and each
    printed page numbered."""
    import openpyxl
    from openpyxl.chart import BarChart, PieChart, Reference
    from openpyxl.styles import Alignment, Font

    from inspector.xlsx import create_sheet, workbook_bytes

    if target.suffix.lower() != ".xlsx":
        raise InvalidInput("报告文件的扩展名应为 .xlsx 或 .pdf")
    book = openpyxl.Workbook()
    book.remove(book.active)  # every sheet from create_sheet: its rows written as text
    bold = Font(bold=True)
    sheet = create_sheet(book, "汇总")
    sheet.append([f"{figures.title}（{figures.scope}，{figures.period}）"])
    sheet["A1"].font = Font(bold=True, size=14)
    for label, value in summary_rows(figures):
        sheet.append([label, value])
    sheet["B7"].number_format = sheet["B8"].number_format = "#,##0.00"
    sheet["B12"].number_format = "0.0%"
    for _label, value in sheet.iter_rows(min_row=14, max_col=2):
        if isinstance(value.value, float):
            value.number_format = "#,##0.00"
    if bureau:
        sheet.append(["发文单位", bureau])
    sheet.append(["报告日期", issued_on()])
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 26
    narrative = create_sheet(book, "情况说明")
    narrative.append([overview(figures)])
    narrative["A1"].alignment = Alignment(wrap_text=True, vertical="top")
    narrative.merge_cells("A1:G1")
    narrative.row_dimensions[1].height = 80
    narrative.append([])
    narrative.append(["典型案例"])
    narrative["A3"].font = bold
    narrative.append(TYPICAL_HEADER)
    for cell in narrative[4]:
        cell.font = bold
    for row in typical_rows(figures):
        narrative.append(row)
    for (cell,) in narrative.iter_rows(min_row=5, min_col=6, max_col=6):
        cell.number_format = "#,##0.00"
    for letter, width in zip("ABCDEFG", (6, 26, 10, 40, 26, 14, 50), strict=True):
        narrative.column_dimensions[letter].width = width
    for row in narrative.iter_rows(min_row=5):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")

    def table(title: str, header: list[str], rows: list[list[Any]], money: set[int]) -> Any:
        page = create_sheet(book, title)
        page.append(header)
        for cell in page[1]:
            cell.font = bold
        for row in rows:
            page.append(row)
        for index in money:
            for (cell,) in page.iter_rows(min_row=2, min_col=index + 1, max_col=index + 1):
                cell.number_format = "#,##0.00"
        page.column_dimensions["A"].width = 34
        for letter in "BCD":
            page.column_dimensions[letter].width = 14
        return page

    def bars(page: Any, title: str, columns: tuple[int, int], rows: int, anchor: str) -> None:
        if rows == 0:
            return
        chart = BarChart()
        chart.type = "bar"
        chart.title = title
        chart.height = max(6.0, 0.7 * rows + 2)
        chart.width = 18
        data = Reference(page, min_col=columns[0], max_col=columns[1], min_row=1, max_row=rows + 1)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(Reference(page, min_col=1, min_row=2, max_row=rows + 1))
        page.add_chart(chart, anchor)

    types = table(
        "按机构类型",
        ["机构类型", "机构数（家）", "检查次数（次）"],
        [[c.name, c.institutions, c.inspections] for c in figures.by_type],
        set(),
    )
    bars(types, "检查机构数（按类型）", (2, 3), len(figures.by_type), "E2")
    modes = table(
        "按检查方式",
        ["检查方式", "机构数（家）", "检查次数（次）"],
        [[c.name, c.institutions, c.inspections] for c in figures.by_mode],
        set(),
    )
    bars(modes, "检查机构数（按方式）", (2, 3), len(figures.by_mode), "E2")
    categories = table(
        "按违规类别",
        ["违规类别", "问题数（个）", "涉及金额（元）"],
        [[c.name, c.findings, _yuan(c.amount_fen)] for c in figures.by_category],
        {2},
    )
    bars(categories, "发现问题数（按违规类别）", (2, 2), len(figures.by_category), "E2")
    districts = table(
        "按区县",
        [
            "区县",
            "机构数（家）",
            "检查次数（次）",
            "问题数（个）",
            "涉及金额（元）",
            "追回金额（元）",
            "整改率",
        ],
        [
            [
                d.name,
                d.institutions,
                d.inspections,
                d.findings,
                _yuan(d.amount_fen),
                _yuan(d.recovered_fen),
                d.rectification_rate,
            ]
            for d in figures.by_district
        ],
        {4, 5},
    )
    for (cell,) in districts.iter_rows(min_row=2, min_col=7, max_col=7):
        cell.number_format = "0.0%"
    bars(districts, "检查次数和问题数（按区县）", (3, 4), len(figures.by_district), "I2")
    statuses = table(
        "整改情况",
        ["状态", "问题数（个）"],
        [[STATUS_NAMES[code], count] for code, count in figures.by_status.items()],
        set(),
    )
    if figures.findings:
        pie = PieChart()
        pie.title = f"整改情况（整改率 {figures.rectification_rate:.1%}）"
        rows = len(figures.by_status)
        pie.add_data(
            Reference(statuses, min_col=2, min_row=1, max_row=rows + 1), titles_from_data=True
        )
        pie.set_categories(Reference(statuses, min_col=1, min_row=2, max_row=rows + 1))
        statuses.add_chart(pie, "D2")
    cases = table(
        "案件处理",
        ["处理方式", "次数"],
        [[KIND_NAMES[code], count] for code, count in figures.cases.items()],
        set(),
    )
    bars(cases, "案件处理（按方式）", (2, 2), len(figures.cases), "D2")
    table(
        "案件金额",
        ["款项", "措施数", "决定金额（元）", "已缴金额（元）"],
        case_money_rows(figures),
        {2, 3},
    )
    measures = table("处理措施", ["处理措施", "件数"], measure_rows(figures), set())
    bars(measures, "处理措施（按种类）", (2, 2), len(figures.measures), "D2")
    for page in book.worksheets:  # as printed: who issued it, and 第 N 页 共 M 页
        page.oddHeader.left.text = bureau or ""
        page.oddHeader.right.text = f"{figures.title} {figures.period}"
        page.oddFooter.center.text = "第 &P 页 共 &N 页"
    write_file(target, workbook_bytes(book))


# --- the PDF --------------------------------------------------------------------------------

PALETTE = ("#2f6fb0", "#e08a2c", "#3a9a5b", "#c0504d", "#8064a2", "#4bacc6", "#9c9c9c")


def _bar_drawing(labels: list[str], series: list[list[float]], names: list[str], font: str) -> Any:
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    rows = max(len(labels), 1)
    height = 40 + 18 * rows * max(len(series), 1) ** 0.5
    drawing = Drawing(460, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 24
    chart.width, chart.height = 280, height - 40
    chart.data = [list(reversed(values)) for values in series]
    chart.categoryAxis.categoryNames = list(reversed(labels))
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max((v for values in series for v in values), default=0)
    # Counts: whole-number steps, about five of them.
    step = max(1, math.ceil(top / 5))
    chart.valueAxis.valueStep = step
    chart.valueAxis.valueMax = max(step * math.ceil(top * 1.1 / step), step)
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6.5
    chart.barLabelFormat = "%d"
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    for index in range(len(series)):
        chart.bars[index].fillColor = colors.HexColor(PALETTE[index % len(PALETTE)])
    drawing.add(chart)
    if len(series) > 1:
        legend = Legend()
        legend.fontName = font
        legend.fontSize = 7
        legend.x, legend.y = 150, 10
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = 90
        legend.colorNamePairs = [
            (colors.HexColor(PALETTE[i % len(PALETTE)]), name) for i, name in enumerate(names)
        ]
        drawing.add(legend)
    return drawing


def _pie_drawing(labels: list[str], values: list[int], font: str) -> Any:
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.charts.piecharts import Pie
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    drawing = Drawing(460, 150)
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = 40, 10, 130, 130
    shown = [(label, value) for label, value in zip(labels, values, strict=True) if value]
    pie.data = [value for _label, value in shown] or [1]
    pie.labels = None
    for index in range(len(pie.data)):
        pie.slices[index].fillColor = colors.HexColor(PALETTE[index % len(PALETTE)])
        pie.slices[index].strokeColor = colors.white
    drawing.add(pie)
    legend = Legend()
    legend.fontName = font
    legend.fontSize = 8
    legend.x, legend.y = 220, 120
    legend.alignment = "right"  # the swatch before the text, one column
    legend.columnMaximum = 10
    legend.colorNamePairs = [
        (colors.HexColor(PALETTE[i % len(PALETTE)]), f"{label}：{value}")
        for i, (label, value) in enumerate(shown)
    ]
    drawing.add(legend)
    return drawing


def _numbered(font: str, footer: str) -> Any:
    """A canvas that writes 第 N 页 共 M 页 (and the issuing unit) on each page once the
    number of pages is known."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
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
                self.setFont(font, 8)
                self.setFillColor(colors.grey)
                self.drawString(18 * mm, 9 * mm, footer)
                self.drawRightString(A4[0] - 18 * mm, 9 * mm, f"第 {number} 页 共 {total} 页")
                super().showPage()
            super().save()

    return NumberedCanvas


def write_pdf(figures: ReportFigures, target: Path, bureau: str | None = None) -> None:
    """The report as a PDF: the issuing unit, the period in a paragraph, the summary, each
    table and its chart (reportlab.graphics, in the shipped Chinese font, so ``pdftotext``
    gives the figures back), the 典型案例, every page numbered."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        KeepTogether,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    from inspector.record.layout import markup
    from inspector.signing.appearance import register_font

    if target.suffix.lower() != ".pdf":
        raise InvalidInput("报告文件的扩展名应为 .xlsx 或 .pdf")
    font = register_font()
    base = ParagraphStyle("base", fontName=font, fontSize=9.5, leading=13, wordWrap="CJK")
    title = ParagraphStyle("title", parent=base, fontSize=16, leading=22, alignment=TA_CENTER)
    sub = ParagraphStyle("sub", parent=base, fontSize=9, alignment=TA_CENTER, spaceAfter=4 * mm)
    cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11)
    h2 = ParagraphStyle(
        "h2", parent=base, fontSize=12, leading=16, spaceBefore=5 * mm, spaceAfter=2 * mm
    )

    def grid(rows: list[list[Any]], widths: list[float]) -> Table:
        table = Table(rows, colWidths=[w * mm for w in widths], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), font),
                    ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f7")),
                    ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                ]
            )
        )
        return table

    story: list[Any] = [
        Paragraph(markup(figures.title), title),
        Paragraph(markup(f"{bureau or ''}　{figures.scope}　报告期：{figures.period}"), sub),
        Paragraph("总体情况", h2),
        Paragraph(markup(overview(figures)), base),
        Spacer(1, 3 * mm),
    ]
    summary = [
        [
            label,
            f"{value:.1%}"
            if label == "整改率"
            else (f"{value:,.2f}" if isinstance(value, float) else str(value)),
        ]
        for label, value in summary_rows(figures)
    ]
    story.append(grid([["项目", "数值"], *summary], [60, 60]))
    sections: list[tuple[str, list[str], list[list[Any]], Any]] = [
        (
            "一、检查机构（按机构类型）",
            ["机构类型", "机构数（家）", "检查次数（次）"],
            [[c.name, c.institutions, c.inspections] for c in figures.by_type],
            _bar_drawing(
                [c.name for c in figures.by_type],
                [
                    [c.institutions for c in figures.by_type],
                    [c.inspections for c in figures.by_type],
                ],
                ["机构数", "检查次数"],
                font,
            ),
        ),
        (
            "二、检查机构（按检查方式）",
            ["检查方式", "机构数（家）", "检查次数（次）"],
            [[c.name, c.institutions, c.inspections] for c in figures.by_mode],
            _bar_drawing(
                [c.name for c in figures.by_mode],
                [
                    [c.institutions for c in figures.by_mode],
                    [c.inspections for c in figures.by_mode],
                ],
                ["机构数", "检查次数"],
                font,
            ),
        ),
        (
            "三、发现问题（按违规类别）",
            ["违规类别", "问题数（个）", "涉及金额（元）"],
            [[c.name, c.findings, f"{_yuan(c.amount_fen):,.2f}"] for c in figures.by_category],
            _bar_drawing(
                [c.name[:16] for c in figures.by_category],
                [[c.findings for c in figures.by_category]],
                ["问题数"],
                font,
            ),
        ),
        (
            "四、按区县",
            ["区县", "机构", "检查", "问题", "涉及金额（元）", "追回（元）", "整改率"],
            [
                [
                    d.name,
                    d.institutions,
                    d.inspections,
                    d.findings,
                    f"{_yuan(d.amount_fen):,.2f}",
                    f"{_yuan(d.recovered_fen):,.2f}",
                    f"{d.rectification_rate:.1%}",
                ]
                for d in figures.by_district
            ],
            _bar_drawing(
                [d.name for d in figures.by_district],
                [
                    [d.inspections for d in figures.by_district],
                    [d.findings for d in figures.by_district],
                ],
                ["检查次数", "问题数"],
                font,
            ),
        ),
        (
            f"五、整改情况（整改率 {figures.rectification_rate:.1%}）",
            ["状态", "问题数（个）"],
            [[STATUS_NAMES[code], count] for code, count in figures.by_status.items()],
            _pie_drawing(
                [STATUS_NAMES[code] for code in figures.by_status],
                list(figures.by_status.values()),
                font,
            ),
        ),
        (
            f"六、案件处理（移交 {figures.handed_over} 个问题）",
            ["处理方式", "次数"],
            [[KIND_NAMES[code], count] for code, count in figures.cases.items()],
            _bar_drawing(
                [KIND_NAMES[code] for code in figures.cases],
                [list(figures.cases.values())],
                ["次数"],
                font,
            ),
        ),
        (
            f"七、案件金额（本期登记案件 {figures.case_count} 件，退回、罚没、追回分列）",
            ["款项", "措施数", "决定金额（元）", "已缴金额（元）"],
            [[n, c, f"{d:,.2f}", f"{p:,.2f}"] for n, c, d, p in case_money_rows(figures)],
            _bar_drawing(
                [row[0] for row in case_money_rows(figures)],
                [
                    [row[2] for row in case_money_rows(figures)],
                    [row[3] for row in case_money_rows(figures)],
                ],
                ["决定金额", "已缴金额"],
                font,
            ),
        ),
        (
            "八、处理措施（按种类）",
            ["处理措施", "件数"],
            measure_rows(figures),
            _bar_drawing(
                [row[0] for row in measure_rows(figures)],
                [[row[1] for row in measure_rows(figures)]],
                ["件数"],
                font,
            ),
        ),
    ]
    for heading, header, rows, drawing in sections:
        if rows:
            widths = (
                [90.0] + [40.0] * (len(header) - 1)
                if len(header) <= 3
                else [60.0, 30.0, 45.0, 45.0]
                if len(header) == 4
                else [30.0, 16.0, 16.0, 16.0, 34.0, 30.0, 32.0]
            )
            # A long category name wraps in its cell; a section stays on one page.
            cells = [[Paragraph(markup(str(row[0])), cell), *row[1:]] for row in rows]
            story.append(
                KeepTogether(
                    [
                        Paragraph(heading, h2),
                        grid([header, *cells], widths),
                        Spacer(1, 3 * mm),
                        drawing,
                    ]
                )
            )
        else:
            story += [Paragraph(heading, h2), Paragraph("本期无。", base)]
    story.append(Paragraph(f"九、典型案例（涉及金额最大的问题，至多 {TYPICAL} 个）", h2))
    story += [Paragraph(markup(line), base) for line in typical_lines(figures)] or [
        Paragraph("本期无。", base)
    ]
    sign_off = ParagraphStyle("sign", parent=base, alignment=TA_RIGHT, spaceBefore=10 * mm)
    story.append(Paragraph(markup(f"{bureau or ''}\n{issued_on()}"), sign_off))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=figures.title,
        subject=f"{figures.scope} {figures.period}",
        author=bureau or "",
        creator="Inspector",
        initialFontName=font,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
    )
    footer = f"{bureau or ''}　{figures.title}（{figures.period}）"
    document.build(story, canvasmaker=_numbered(font, footer))
    write_file(target, buffer.getvalue())


def write_report(
    ws: Workspace, figures: ReportFigures, target: Path, bureau: str | None = None
) -> None:
    """The report as .xlsx or .pdf, by the file's extension."""
    suffix = target.suffix.lower()
    if suffix == ".xlsx":
        write_workbook(figures, target, bureau)
    elif suffix == ".pdf":
        write_pdf(figures, target, bureau)
    else:
        raise InvalidInput("报告文件的扩展名应为 .xlsx 或 .pdf")
