"""The problem ledger (问题台账): every finding of every signed inspection is a row, entered in
the change that locks the inspection (the first digital signature), with its status:

    待整改 (pending) → 整改中 (in_progress) → 已整改 (rectified, 销号) or 移交 (transferred)

A row is closed (销号) only by a signed 回头看 (:mod:`inspector.ledger.follow_up`); 移交 comes
with a case step that hands the finding to the police or the discipline inspectors
(:mod:`inspector.ledger.cases`). A signed amendment (更正记录) takes over the rows of the
inspection it corrects: their status, deadline and case path move to its rows, and the old
rows become 已更正 (superseded), kept but out of lists and reports.

What a row says of its finding is copied from the locked answer (the inspection cannot change
any more), so lists and reports read this one table with its indexes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, exists, func, or_, select
from sqlalchemy.orm import Session

from inspector import ids
from inspector.db.models import (
    Answer,
    CaseAction,
    Evidence,
    FollowUpItem,
    Inspection,
    InspectionStatus,
    LeadCheck,
    LedgerEntry,
    Result,
    natural_id,
)
from inspector.errors import InvalidInput
from inspector.inspections import checklist_of, parse_amount
from inspector.progress import NullReporter, Reporter, check_cancel
from inspector.workspace import Workspace

if TYPE_CHECKING:
    from inspector.audit import Change

PENDING = "pending"
IN_PROGRESS = "in_progress"
RECTIFIED = "rectified"
TRANSFERRED = "transferred"
SUPERSEDED = "superseded"

STATUS_NAMES = {
    PENDING: "待整改",
    IN_PROGRESS: "整改中",
    RECTIFIED: "已整改（销号）",
    TRANSFERRED: "移交",
    SUPERSEDED: "已更正",
}
STATUS_ALIASES = {
    **{code: code for code in STATUS_NAMES},
    "待整改": PENDING,
    "整改中": IN_PROGRESS,
    "已整改": RECTIFIED,
    "销号": RECTIFIED,
    "已整改（销号）": RECTIFIED,
    "移交": TRANSFERRED,
    "已更正": SUPERSEDED,
}
OPEN = (PENDING, IN_PROGRESS)
FOLLOW_UP_ORIGIN = "followup:"  # origin of a 回头看's items for the findings it checks again


def entry_id_for(answer_id: str) -> str:
    """A row's id from its answer's (or its lead verification's): the same finding gets the
    same row on every laptop."""
    return natural_id("ledger-entry", answer_id)


def local_date(moment: datetime) -> date:
    """The day on the laptop's calendar (the record's dates are local too)."""
    return moment.astimezone().date()


def parse_status(text: str) -> str:
    found = STATUS_ALIASES.get(text.strip())
    if found is None:
        allowed = "、".join(f"{code}（{name}）" for code, name in STATUS_NAMES.items())
        raise InvalidInput("台账状态“{value}”无效，可选：{allowed}", value=text, allowed=allowed)
    return found


# --- entering findings --------------------------------------------------------------------


def enter_findings(ws: Workspace, ch: Change, inspection: Inspection) -> int:
    """Enter the findings of ``inspection`` (being locked in ``ch``) in the ledger; for an
    amendment, carry the corrected inspection's rows over; for a 回头看, apply its verdicts.
    Returns the number of rows entered. Called by the record's signing step."""
    from inspector.ledger.follow_up import apply_follow_up

    session = ch.session
    session.flush()
    checklist = checklist_of(ws, inspection)
    items = {item.code: item for item in checklist.items}
    evidence = dict(
        session.execute(
            select(Evidence.item_code, func.count())
            .where(Evidence.inspection_id == inspection.id, Evidence.item_code.is_not(None))
            .group_by(Evidence.item_code)
        ).all()
    )
    ended = inspection.ended_at or inspection.started_at or inspection.created_at
    entered: list[LedgerEntry] = []
    for answer in session.scalars(
        select(Answer)
        .where(Answer.inspection_id == inspection.id, Answer.result == Result.PROBLEM)
        .order_by(Answer.item_code)
    ):
        item = items.get(answer.item_code)
        if item is not None and item.origin.startswith(FOLLOW_UP_ORIGIN):
            continue  # the finding it checks again is already a row
        row_id = entry_id_for(answer.id)
        if session.get(LedgerEntry, row_id) is not None:
            continue
        entered.append(
            ch.add(
                LedgerEntry(
                    id=row_id,
                    answer_id=answer.id,
                    inspection_id=inspection.id,
                    institution_id=inspection.institution_id,
                    institution_name=inspection.institution.name,
                    type_code=inspection.institution.type_code,
                    district=inspection.district,
                    mode=inspection.mode,
                    found_on=local_date(ended),
                    item_code=answer.item_code,
                    item_title=item.title if item is not None else answer.item_code,
                    note=answer.note,
                    violation_code=answer.violation_code,
                    amount_fen=answer.amount_fen,
                    evidence_count=int(evidence.get(answer.item_code, 0)),
                    status=PENDING,
                )
            )
        )
    entered.extend(_enter_leads(ch, inspection, local_date(ended)))
    session.flush()
    if inspection.amends_id is not None:
        _carry_over(ch, inspection.amends_id, entered)
    apply_follow_up(ch, inspection)
    ch.details["ledger_entries"] = len(entered)
    return len(entered)


def _enter_leads(ch: Change, inspection: Inspection, found_on: date) -> list[LedgerEntry]:
    """The leads verified 属实 or 部分属实 on the visit: a finding each, entered like an
    answer's (the same change, the same row fields), its item the lead's place among the
    visit's leads (XS1, XS2 …, as the record lists them)."""
    from inspector.leads.store import FOUND, item_code_of

    session = ch.session
    entered: list[LedgerEntry] = []
    checks = session.scalars(
        select(LeadCheck)
        .where(LeadCheck.inspection_id == inspection.id)
        .order_by(LeadCheck.number, LeadCheck.id)
    ).all()
    for position, check in enumerate(checks, start=1):
        if check.verdict not in FOUND:
            continue
        row_id = entry_id_for(check.id)
        if session.get(LedgerEntry, row_id) is not None:
            continue
        entered.append(
            ch.add(
                LedgerEntry(
                    id=row_id,
                    lead_check_id=check.id,
                    inspection_id=inspection.id,
                    institution_id=inspection.institution_id,
                    institution_name=inspection.institution.name,
                    type_code=inspection.institution.type_code,
                    district=inspection.district,
                    mode=inspection.mode,
                    found_on=found_on,
                    item_code=item_code_of(position),
                    item_title=f"线索 {check.number}：{check.summary}",
                    note=check.note,
                    violation_code=None,
                    amount_fen=check.amount_fen,
                    evidence_count=len(check.evidence_ids),
                    status=PENDING,
                )
            )
        )
    return entered


def _carry_over(ch: Change, original_id: str, entered: list[LedgerEntry]) -> None:
    """The signed amendment's rows take over the corrected inspection's: status, recovered
    amount, deadline, notes and case steps; the old rows become 已更正."""
    session = ch.session
    by_item = {row.item_code: row for row in entered}
    for old in session.scalars(
        select(LedgerEntry).where(
            LedgerEntry.inspection_id == original_id, LedgerEntry.status != SUPERSEDED
        )
    ):
        new = by_item.get(old.item_code)
        if new is not None:
            new.status = old.status
            new.recovered_fen = old.recovered_fen
            new.deadline = old.deadline
            new.progress_note = old.progress_note
            new.closed_by_id = old.closed_by_id
            new.follow_up_verdict = old.follow_up_verdict
            for step in session.scalars(select(CaseAction).where(CaseAction.entry_id == old.id)):
                step.entry_id = new.id
        old.status = SUPERSEDED
        old.progress_note = (old.progress_note + "\n" if old.progress_note else "") + (
            "已由更正记录取代" if new is not None else "更正记录中已无此问题"
        )


def missing_entries(ws: Workspace) -> list[str]:
    """Signed inspections with findings the ledger lacks (signed before the ledger existed,
    or on another laptop without their rows). A 回头看's items for the findings it checks
    again are not findings of their own (nor are an amendment's of a 回头看)."""
    checked_again = exists().where(
        FollowUpItem.item_code == Answer.item_code,
        or_(
            FollowUpItem.inspection_id == Answer.inspection_id,
            FollowUpItem.inspection_id == Inspection.amends_id,
        ),
    )
    from inspector.leads.store import FOUND

    with ws.db.session() as session:
        leads = set(
            session.scalars(
                select(LeadCheck.inspection_id)
                .distinct()
                .join(Inspection, Inspection.id == LeadCheck.inspection_id)
                .outerjoin(LedgerEntry, LedgerEntry.lead_check_id == LeadCheck.id)
                .where(
                    Inspection.status == InspectionStatus.SIGNED,
                    LeadCheck.verdict.in_(FOUND),
                    LedgerEntry.id.is_(None),
                )
            )
        )
        answers = list(
            session.scalars(
                select(Answer.inspection_id)
                .distinct()
                .join(Inspection, Inspection.id == Answer.inspection_id)
                .outerjoin(LedgerEntry, LedgerEntry.answer_id == Answer.id)
                .where(
                    Inspection.status == InspectionStatus.SIGNED,
                    Answer.result == Result.PROBLEM,
                    LedgerEntry.id.is_(None),
                    ~checked_again,
                )
            )
        )
        return answers + sorted(leads - set(answers))


def enter_signed(ws: Workspace, reporter: Reporter | None = None) -> int:
    """Enter what :func:`missing_entries` finds, in one audited change (``ledger.enter``);
    nothing to do writes nothing. The faces call this before they show the ledger (the app on
    its task runner: a laptop upgraded with thousands of signed inspections takes seconds).
    Cancelling enters nothing."""
    missing = missing_entries(ws)
    if not missing:
        return 0
    reporter = reporter or NullReporter()
    reporter.start(len(missing), "正在把已签名检查的问题录入台账…")
    total = 0
    with ws.change(None, "ledger.enter") as ch:
        for done, inspection_id in enumerate(missing, start=1):
            check_cancel(reporter)
            inspection = ch.session.get(Inspection, inspection_id)
            assert inspection is not None
            total += enter_findings(ws, ch, inspection)
            reporter.advance(done)
        ch.entity(kind="ledger_entries")
        ch.state = {"inspections": sorted(missing)}
        ch.details["inspections"] = len(missing)
        ch.details["ledger_entries"] = total
    return total


# --- reading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class LedgerFilter:
    status: str | None = None  # one status; None: all but 已更正
    district: str | None = None
    type_code: str | None = None
    mode: str | None = None
    violation_code: str | None = None
    institution: str | None = None  # part of the institution's name
    text: str | None = None  # in institution, item, note or item code
    since: date | None = None  # found on or after
    until: date | None = None  # found on or before
    due_by: date | None = None  # open, with a deadline on or before
    inspection: str | None = None  # id or prefix of the inspection the finding was made in


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def filtered(query: Any, filters: LedgerFilter) -> Any:
    if filters.status is not None:
        query = query.where(LedgerEntry.status == filters.status)
    else:
        query = query.where(LedgerEntry.status != SUPERSEDED)
    if filters.district:
        query = query.where(LedgerEntry.district == filters.district)
    if filters.type_code:
        query = query.where(LedgerEntry.type_code == filters.type_code)
    if filters.mode:
        query = query.where(LedgerEntry.mode == filters.mode)
    if filters.violation_code:
        query = query.where(LedgerEntry.violation_code == filters.violation_code)
    if filters.institution:
        query = query.where(
            LedgerEntry.institution_name.like(_like(filters.institution), escape="\\")
        )
    if filters.text and filters.text.strip():
        pattern = _like(filters.text.strip())
        query = query.where(
            or_(
                LedgerEntry.institution_name.like(pattern, escape="\\"),
                LedgerEntry.item_title.like(pattern, escape="\\"),
                LedgerEntry.note.like(pattern, escape="\\"),
                LedgerEntry.item_code.like(pattern, escape="\\"),
            )
        )
    if filters.since is not None:
        query = query.where(LedgerEntry.found_on >= filters.since)
    if filters.until is not None:
        query = query.where(LedgerEntry.found_on <= filters.until)
    if filters.due_by is not None:
        query = query.where(
            LedgerEntry.status.in_(OPEN),
            LedgerEntry.deadline.is_not(None),
            LedgerEntry.deadline <= filters.due_by,
        )
    if filters.inspection:
        query = query.where(
            ids.prefix_filter(LedgerEntry.inspection_id, filters.inspection, ids.INSPECTION)
        )
    return query


@dataclass
class EntryView:
    id: str
    inspection_id: str
    institution_name: str
    type_code: str
    district: str
    mode: str
    found_on: date
    item_code: str
    item_title: str
    note: str
    violation_code: str | None
    amount_fen: int | None
    evidence_count: int
    status: str
    recovered_fen: int
    deadline: date | None
    progress_note: str
    closed_by_id: str | None
    follow_up_verdict: str | None

    @property
    def status_name(self) -> str:
        return STATUS_NAMES.get(self.status, self.status)


_COLUMNS = (
    LedgerEntry.id,
    LedgerEntry.inspection_id,
    LedgerEntry.institution_name,
    LedgerEntry.type_code,
    LedgerEntry.district,
    LedgerEntry.mode,
    LedgerEntry.found_on,
    LedgerEntry.item_code,
    LedgerEntry.item_title,
    LedgerEntry.note,
    LedgerEntry.violation_code,
    LedgerEntry.amount_fen,
    LedgerEntry.evidence_count,
    LedgerEntry.status,
    LedgerEntry.recovered_fen,
    LedgerEntry.deadline,
    LedgerEntry.progress_note,
    LedgerEntry.closed_by_id,
    LedgerEntry.follow_up_verdict,
)


def search_entries(
    ws: Workspace,
    filters: LedgerFilter = LedgerFilter(),
    offset: int = 0,
    limit: int | None = None,
) -> list[EntryView]:
    """Newest findings first; only the ledger's own columns are read."""
    query = filtered(select(*_COLUMNS), filters).order_by(
        LedgerEntry.found_on.desc(), LedgerEntry.institution_name, LedgerEntry.item_code
    )
    if offset:
        query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    with ws.db.session() as session:
        return [EntryView(*row) for row in session.execute(query)]


@dataclass(frozen=True)
class LedgerTotals:
    count: int
    amount_fen: int
    recovered_fen: int
    open: int


def ledger_totals(ws: Workspace, filters: LedgerFilter = LedgerFilter()) -> LedgerTotals:
    query = filtered(
        select(
            func.count(),
            func.coalesce(func.sum(LedgerEntry.amount_fen), 0),
            func.coalesce(func.sum(LedgerEntry.recovered_fen), 0),
            func.coalesce(func.sum(case((LedgerEntry.status.in_(OPEN), 1), else_=0)), 0),
        ),
        filters,
    )
    with ws.db.session() as session:
        count, amount, recovered, still_open = session.execute(query).one()
    return LedgerTotals(int(count), int(amount), int(recovered), int(still_open))


def resolve_entry(session: Session, text: str) -> LedgerEntry:
    """A ledger row by its id or an unambiguous prefix of it (at least 4 characters)."""
    return ids.resolve_prefix(session, LedgerEntry.id, text, ids.LEDGER_ENTRY)


def _view(row: LedgerEntry) -> EntryView:
    return EntryView(*(getattr(row, column.key) for column in _COLUMNS))


def get_entry(ws: Workspace, text: str) -> EntryView:
    with ws.db.session() as session:
        return _view(resolve_entry(session, text))


def filter_choices(ws: Workspace) -> dict[str, list[str]]:
    """The districts, types, modes and violation categories that occur in the ledger."""
    with ws.db.session() as session:

        def distinct(column: Any) -> list[str]:
            return [
                value
                for value in session.scalars(select(column).distinct().order_by(column))
                if value
            ]

        return {
            "district": distinct(LedgerEntry.district),
            "type_code": distinct(LedgerEntry.type_code),
            "mode": distinct(LedgerEntry.mode),
            "violation_code": distinct(LedgerEntry.violation_code),
        }


# --- changing a row ---------------------------------------------------------------------------


def _require_changeable(row: LedgerEntry) -> None:
    if row.status == RECTIFIED:
        raise InvalidInput("该问题已整改销号，不能再修改")
    if row.status == SUPERSEDED:
        raise InvalidInput("该问题已由更正记录取代，请在更正后的台账记录上操作")


def set_progress(
    ws: Workspace,
    entry: str,
    *,
    status: str | None = None,
    note: str | None = None,
    recovered: str | None = None,
) -> EntryView:
    """The institution's rectification under way: 待整改 ⇄ 整改中, a note, the amount recovered
    so far (追回金额, yuan as typed, the total not an increment). 销号 is not possible here:
    only a signed 回头看 closes a finding; 移交 comes with a case step. One ``ledger.progress``
    event."""
    wanted = None if status is None else parse_status(status)
    if wanted == RECTIFIED:
        raise InvalidInput("销号只能由已签名的回头看完成：请对该问题组织回头看")
    if wanted in (TRANSFERRED, SUPERSEDED):
        raise InvalidInput("移交请记录案件处理（移送公安或移送纪检监察）")
    fen = parse_amount(recovered)
    with ws.change(None, "ledger.progress") as ch:
        row = resolve_entry(ch.session, entry)
        _require_changeable(row)
        if wanted is not None and row.status == TRANSFERRED:
            raise InvalidInput("该问题已移交，不能再改为待整改或整改中")
        ch.entity(row)
        ch.details["before"] = row.status
        if wanted is not None:
            row.status = wanted
        if note is not None:
            row.progress_note = note
        if fen is not None:
            if row.amount_fen is not None and fen > row.amount_fen:
                raise InvalidInput("追回金额不能超过涉及金额")
            row.recovered_fen = fen
        ch.details["after"] = row.status
        ch.session.flush()
        return _view(row)


# --- export ---------------------------------------------------------------------------------


def write_file(target: Path, payload: bytes) -> None:
    """A file the user asked for (or the record store's), written atomically; a full disk or a
    folder that cannot be written is a message, not a crash, and leaves no partial file."""
    from inspector.evidence.store import disk_error
    from inspector.files import write_atomically

    try:
        write_atomically(target, payload, mode=0o644)
    except OSError as error:
        raise disk_error(error) from error


EXPORT_HEADER = (
    "台账编号",
    "发现日期",
    "区县",
    "机构名称",
    "机构类型",
    "检查方式",
    "条目",
    "问题",
    "说明",
    "违规类别",
    "涉及金额（元）",
    "证据数",
    "状态",
    "追回金额（元）",
    "整改期限",
    "整改情况",
    "检查编号",
    "案件编号",
    "案件阶段",
)


def export_rows(ws: Workspace, rows: Sequence[EntryView]) -> list[list[Any]]:
    from inspector.cases.core import cases_of_entries
    from inspector.cases.rules import STAGE_NAMES

    library = ws.library
    with ws.db.session() as session:
        taken = {
            entry_id: (case.id[:8], STAGE_NAMES.get(case.stage, case.stage))
            for entry_id, case in cases_of_entries(session).items()
        }
    out: list[list[Any]] = []
    for row in rows:
        kind = library.types.get(row.type_code)
        mode = library.modes.get(row.mode)
        violation = library.violations.get(row.violation_code or "")
        out.append(
            [
                row.id[:8],
                row.found_on,
                row.district,
                row.institution_name,
                kind.name if kind else row.type_code,
                mode.name if mode else row.mode,
                row.item_code,
                row.item_title,
                row.note,
                f"{row.violation_code} {violation.title}" if violation else row.violation_code,
                None if row.amount_fen is None else row.amount_fen / 100,
                row.evidence_count,
                row.status_name,
                row.recovered_fen / 100,
                row.deadline,
                row.progress_note,
                row.inspection_id[:8],
                *taken.get(row.id, (None, None)),
            ]
        )
    return out


def export_ledger(ws: Workspace, target: Path, filters: LedgerFilter = LedgerFilter()) -> int:
    """The filtered ledger as an Excel workbook (a header row, money in yuan with two decimals,
    dates as dates), each row with the case that takes it; then the sheets of those cases, with
    refunds, fines and recoveries apart and the measures counted (inspector/cases/figures.py).
    Returns the number of rows; the file is written atomically."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    from inspector.cases.figures import append_case_sheets, cases_of
    from inspector.xlsx import create_sheet, workbook_bytes

    if target.suffix.lower() != ".xlsx":
        raise InvalidInput("台账导出文件的扩展名应为 .xlsx")
    rows = search_entries(ws, filters)
    book = openpyxl.Workbook(write_only=True)
    sheet = create_sheet(book, "问题台账")
    widths = (10, 12, 10, 28, 16, 12, 8, 30, 30, 24, 14, 8, 12, 14, 12, 24, 10, 10, 16)
    for column, width in zip("ABCDEFGHIJKLMNOPQRS", widths, strict=True):
        sheet.column_dimensions[column].width = width
    bold = Font(bold=True)
    header = []
    for title in EXPORT_HEADER:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for values in export_rows(ws, rows):
        cells = []
        for index, value in enumerate(values):
            cell = WriteOnlyCell(sheet, value=value)
            if index in (10, 13):
                cell.number_format = "#,##0.00"
            elif isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            cells.append(cell)
        sheet.append(cells)
    append_case_sheets(book, cases_of(ws, [row.id for row in rows]))
    write_file(target, workbook_bytes(book))
    return len(rows)
