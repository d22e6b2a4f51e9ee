"""The money of the cases, kept apart: 责令退回 (refunds to the fund, by a decision), 罚款 (fines),
没收违法所得 (confiscation) and 追回 (recoveries under the service agreement: the agreement's
拒付/追回 and what the ledger records as recovered), each as decided and as paid, with the
measures counted by kind. The ledger export, the case export and the 情况报告 read them here,
so the three never disagree.

A penalty's sums count once the decision is made (before, they are only proposed); an
agreement's action counts from its day; a withdrawn measure does not count."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from inspector.cases import rules
from inspector.cases.core import CaseFilter, CaseView, list_cases
from inspector.errors import InvalidInput
from inspector.workspace import Workspace

# The money measures and what each is called in a figure.
MONEY_NAMES = {
    rules.REFUND: "责令退回",
    rules.FINE: "罚款",
    rules.CONFISCATE: "没收违法所得",
    rules.REJECT: "协议追回",
}


@dataclass
class Money:
    decided_fen: int = 0
    paid_fen: int = 0

    @property
    def owed_fen(self) -> int:
        return self.decided_fen - self.paid_fen


@dataclass
class CaseMoney:
    """One case's (or many cases') sums by kind and its measures counted by kind."""

    money: dict[str, Money] = field(default_factory=lambda: {k: Money() for k in MONEY_NAMES})
    measures: dict[str, int] = field(default_factory=lambda: dict.fromkeys(rules.MEASURE_NAMES, 0))
    cases: int = 0
    by_stage: dict[str, int] = field(default_factory=lambda: dict.fromkeys(rules.STAGE_NAMES, 0))

    def add(self, case: CaseView) -> None:
        self.cases += 1
        self.by_stage[case.stage] = self.by_stage.get(case.stage, 0) + 1
        for measure in counted_measures(case):
            self.measures[measure.kind] += 1
            if measure.kind in self.money:
                self.money[measure.kind].decided_fen += measure.amount_fen or 0
                self.money[measure.kind].paid_fen += measure.paid_fen

    @property
    def refund(self) -> Money:
        return self.money[rules.REFUND]

    @property
    def fine(self) -> Money:
        return self.money[rules.FINE]

    @property
    def confiscated(self) -> Money:
        return self.money[rules.CONFISCATE]

    @property
    def recovered(self) -> Money:
        return self.money[rules.REJECT]


def counted_measures(case: CaseView) -> list[Any]:
    """The measures that count: not withdrawn; a penalty's only once decided."""
    return [
        m for m in case.live_measures if m.kind not in rules.PENALTY or case.decided_on is not None
    ]


def case_money(cases: Iterable[CaseView]) -> CaseMoney:
    total = CaseMoney()
    for case in cases:
        total.add(case)
    return total


def cases_in_period(
    ws: Workspace, since: date, until: date, district: str | None = None
) -> list[CaseView]:
    """The cases opened (登记) in the period, of the district (the institution's, or the
    district of the visit its findings came from)."""
    from sqlalchemy import select

    from inspector.db.models import Institution

    found = [c for c in list_cases(ws, CaseFilter()) if since <= c.opened_on <= until]
    if not district:
        return found
    with ws.db.session() as session:
        districts = dict(session.execute(select(Institution.id, Institution.district)).all())
    return [c for c in found if c.institution_id and districts.get(c.institution_id) == district]


def cases_of(ws: Workspace, entry_ids: Sequence[str]) -> list[CaseView]:
    """The cases taking any of these ledger rows."""
    wanted = set(entry_ids)
    return [c for c in list_cases(ws, CaseFilter()) if wanted & set(c.entry_ids)]


# --- the workbook -------------------------------------------------------------------------------

CASE_HEADER = (
    "案件编号",
    "当事人",
    "阶段",
    "登记日期",
    "立案日期",
    "决定日期",
    "台账编号",
    "责令退回（元）",
    "已退回（元）",
    "罚款（元）",
    "已缴罚款（元）",
    "没收违法所得（元）",
    "已没收（元）",
    "协议追回（元）",
    "已追回（元）",
    "其他措施",
)
MONEY_COLUMNS = frozenset(range(7, 15))


def case_rows(cases: Sequence[CaseView]) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for case in cases:
        money = case_money([case])
        others = [
            rules.MEASURE_NAMES[m.kind]
            + (f"（{m.period_from:%Y-%m-%d} 至 {m.period_to:%Y-%m-%d}）" if m.period_from else "")
            for m in counted_measures(case)
            if m.kind not in MONEY_NAMES
        ]
        rows.append(
            [
                case.id[:8],
                case.party_name,
                case.stage_name,
                case.opened_on,
                case.filed_on,
                case.decided_on,
                "、".join(e[:8] for e in case.entry_ids),
                money.refund.decided_fen / 100,
                money.refund.paid_fen / 100,
                money.fine.decided_fen / 100,
                money.fine.paid_fen / 100,
                money.confiscated.decided_fen / 100,
                money.confiscated.paid_fen / 100,
                money.recovered.decided_fen / 100,
                money.recovered.paid_fen / 100,
                "、".join(others),
            ]
        )
    return rows


def total_row(cases: Sequence[CaseView]) -> list[Any]:
    money = case_money(cases)
    row: list[Any] = ["合计", f"{money.cases} 件", "", None, None, None, ""]
    for kind in MONEY_NAMES:
        row += [money.money[kind].decided_fen / 100, money.money[kind].paid_fen / 100]
    row.append("")
    return row


def measure_count_rows(cases: Sequence[CaseView]) -> list[list[Any]]:
    money = case_money(cases)
    return [[rules.MEASURE_NAMES[kind], count] for kind, count in money.measures.items()]


def append_case_sheets(book: Any, cases: Sequence[CaseView]) -> None:
    """The cases sheet (one row a case, money apart, a total) and the count by measure, added
    to a write-only workbook."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    from inspector.xlsx import create_sheet

    bold = Font(bold=True)
    sheet = create_sheet(book, "案件处理")
    widths = (10, 28, 14, 12, 12, 12, 20, *([14] * 8), 30)
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width

    def line(values: Sequence[Any], *, header: bool = False) -> list[Any]:
        cells = []
        for index, value in enumerate(values):
            cell = WriteOnlyCell(sheet, value=value)
            if header:
                cell.font = bold
            elif index in MONEY_COLUMNS and isinstance(value, float):
                cell.number_format = "#,##0.00"
            elif isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            cells.append(cell)
        return cells

    sheet.append(line(CASE_HEADER, header=True))
    for values in case_rows(cases):
        sheet.append(line(values))
    sheet.append(line(total_row(cases)))
    counts = create_sheet(book, "措施统计")
    counts.column_dimensions["A"].width = 26
    counts.append(line(("处理措施", "件数"), header=True))
    for values in measure_count_rows(cases):
        counts.append(line(values))


def export_cases(ws: Workspace, target: Path, filters: CaseFilter | None = None) -> int:
    """The cases as an Excel workbook (money apart, a total row, a count by measure)."""
    import openpyxl

    from inspector.ledger.entries import write_file
    from inspector.xlsx import workbook_bytes

    if target.suffix.lower() != ".xlsx":
        raise InvalidInput("案件导出文件的扩展名应为 .xlsx")
    cases = list_cases(ws, filters or CaseFilter())
    book = openpyxl.Workbook(write_only=True)
    append_case_sheets(book, cases)
    write_file(target, workbook_bytes(book))
    return len(cases)
