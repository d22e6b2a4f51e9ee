"""Opening a case and reading it: the case, its steps, measures, payments and deadlines as
plain data (no session held), for the command line, the app and the stage documents."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector import ids
from inspector.cases import rules
from inspector.db.models import (
    Case,
    CaseMeasure,
    CasePayment,
    CaseStep,
    Inspection,
    InspectionStatus,
    Institution,
    LedgerEntry,
)
from inspector.errors import InvalidInput, Term
from inspector.ledger.entries import SUPERSEDED, resolve_entry
from inspector.workspace import Workspace

if TYPE_CHECKING:
    from inspector.change import Change

# --- dates ----------------------------------------------------------------------------------


def check_date(on_date: date, *, today: date | None, visit_on: date | None, what: str) -> date:
    """A step's date: not in the future (what has not happened is not recorded) and not before
    the visit the case comes from (a case cannot act on facts before they were found)."""
    today = today or date.today()
    if on_date > today:
        raise InvalidInput(
            "{what}的日期 {day} 晚于今天 {today}：只能记录已经发生的事",
            what=what,
            day=on_date,
            today=today,
        )
    if visit_on is not None and on_date < visit_on:
        raise InvalidInput(
            "{what}的日期 {day} 早于检查日期 {visit}：案件的每一步都在发现问题之后",
            what=what,
            day=on_date,
            visit=visit_on,
        )
    return on_date


# --- opening ----------------------------------------------------------------------------------


def _open_case_ids(session: Session) -> dict[str, str]:
    """Ledger row id → the case (not ended) that takes it."""
    taken: dict[str, str] = {}
    for case_id, entry_ids in session.execute(
        select(Case.id, Case.entry_ids).where(Case.stage.not_in(rules.ENDED))
    ):
        for entry_id in entry_ids or []:
            taken[entry_id] = case_id
    return taken


def open_case(
    ws: Workspace,
    *,
    entries: Sequence[str] = (),
    lead_id: str | None = None,
    institution: str | None = None,
    party_name: str | None = None,
    party_kind: str = rules.ORG,
    summary: str = "",
    on_date: date | None = None,
    today: date | None = None,
) -> str:
    """Register a case (案源登记, stage 待立案) from ledger rows (ids or prefixes) of signed
    inspections of one institution, or from a lead (``lead_id``, with the party named by
    ``institution`` (registry id or exact name) or ``party_name``). One ``case.open`` event;
    returns the case's id."""
    today = today or date.today()
    on_date = on_date or today
    if party_kind not in rules.PARTY_NAMES:
        raise InvalidInput(
            "当事人类型“{kind}”无效，可选：org（机构）、person（个人）", kind=party_kind
        )
    if not entries and not (lead_id and lead_id.strip()):
        raise InvalidInput("案件须来自已签名检查发现的问题（台账编号），或来自一条线索")
    logged = None  # the inspection whose log the opening goes in
    if entries:
        with ws.db.session() as session:
            logged = resolve_entry(session, entries[0]).inspection_id
    with ws.change(None, "case.open", inspection=logged, editable=False) as ch:
        session = ch.session
        rows: list[LedgerEntry] = []
        for text in entries:
            row = resolve_entry(session, text)
            if row.id not in (r.id for r in rows):
                rows.append(row)
        taken = _open_case_ids(session)
        for row in rows:
            if row.status == SUPERSEDED:
                raise InvalidInput("该问题已由更正记录取代，请在更正后的台账记录上立案")
            inspection = session.get(Inspection, row.inspection_id)
            assert inspection is not None
            if inspection.status != InspectionStatus.SIGNED:
                raise InvalidInput("只能就已签名检查发现的问题立案")
            if row.id in taken:
                raise InvalidInput(
                    "问题 {entry} 已在案件 {case} 中", entry=row.id[:8], case=taken[row.id][:8]
                )
        if len({row.institution_id for row in rows}) > 1:
            raise InvalidInput("一个案件只能针对一家机构：所选问题来自多家机构")
        inspection_id = None
        bureau = None
        place: Institution | None = None
        if rows:
            first = min(rows, key=lambda r: (r.found_on, r.id))
            inspection = session.get(Inspection, first.inspection_id)
            assert inspection is not None
            inspection_id, bureau = inspection.id, inspection.bureau
            place = session.get(Institution, first.institution_id)
            visit_on = max(row.found_on for row in rows)
        else:
            visit_on = on_date
            if institution:
                place = session.get(Institution, institution.strip()) or session.scalar(
                    select(Institution).where(Institution.name == institution.strip())
                )
                if place is None:
                    raise InvalidInput("机构名单中没有“{text}”", text=institution)
        name = (place.name if place is not None else (party_name or "")).strip()
        if not name:
            raise InvalidInput("请写明当事人（机构或个人）")
        check_date(on_date, today=today, visit_on=visit_on, what=Term("登记"))
        case = ch.add(
            Case(
                institution_id=place.id if place is not None else None,
                party_name=name,
                party_kind=party_kind,
                inspection_id=inspection_id,
                lead_id=(lead_id or "").strip() or None,
                visit_on=visit_on,
                entry_ids=[row.id for row in rows],
                summary=summary.strip(),
                bureau=bureau,
                stage=rules.OPEN,
                opened_on=on_date,
                officers=[],
                extensions=[],
            )
        )
        ch.entity(case)
        ch.details.update({"entries": [row.id for row in rows], "lead_id": case.lead_id})
        session.flush()
        return case.id


# --- reading ------------------------------------------------------------------------------------


def resolve_case(session: Session, text: str) -> Case:
    return ids.resolve_prefix(session, Case.id, text, ids.CASE)


@contextmanager
def case_change(ws: Workspace, text: str, action: str) -> Iterator[tuple[Change, Case]]:
    """One audited change of a case (by id or prefix): the event names the inspection its
    findings came from, so the inspection's log (全过程记录) goes on into its case."""
    with ws.db.session() as session:
        inspection_id = resolve_case(session, text).inspection_id
    with ws.change(None, action, inspection=inspection_id, editable=False) as ch:
        yield ch, resolve_case(ch.session, text)


@dataclass
class StepView:
    id: str
    kind: str
    on_date: date
    people: list[dict[str, Any]]
    document_no: str | None
    facts: dict[str, Any]
    note: str

    @property
    def name(self) -> str:
        return rules.STEP_NAMES.get(self.kind, self.kind)


@dataclass
class MeasureView:
    id: str
    kind: str
    article: str | None
    basis_fen: int | None
    amount_fen: int | None
    discretion: str | None
    reason: str
    on_date: date
    period_from: date | None
    period_to: date | None
    cancelled: bool
    paid_fen: int = 0

    @property
    def name(self) -> str:
        return rules.MEASURE_NAMES.get(self.kind, self.kind)

    @property
    def owed_fen(self) -> int:
        return max((self.amount_fen or 0) - self.paid_fen, 0)


@dataclass
class PaymentView:
    id: str
    measure_id: str
    on_date: date
    amount_fen: int
    receipt_no: str
    note: str


@dataclass
class CaseView:
    id: str
    party_name: str
    party_kind: str
    institution_id: str | None
    inspection_id: str | None
    lead_id: str | None
    visit_on: date
    entry_ids: list[str]
    summary: str
    bureau: dict[str, Any] | None
    stage: str
    opened_on: date
    officers: list[dict[str, str]]
    filed_on: date | None
    extensions: list[dict[str, Any]]
    notified_on: date | None
    statement_days: int | None
    hearing_days: int | None
    decided_on: date | None
    served_on: date | None
    ended_on: date | None
    end_reason: str | None
    steps: list[StepView] = field(default_factory=list)
    measures: list[MeasureView] = field(default_factory=list)
    payments: list[PaymentView] = field(default_factory=list)

    @property
    def stage_name(self) -> str:
        return rules.STAGE_NAMES.get(self.stage, self.stage)

    @property
    def ended(self) -> bool:
        return self.stage in rules.ENDED

    def last(self, kind: str) -> StepView | None:
        found = [step for step in self.steps if step.kind == kind]
        return found[-1] if found else None

    def has(self, kind: str) -> bool:
        return any(step.kind == kind for step in self.steps)

    @property
    def live_measures(self) -> list[MeasureView]:
        return [m for m in self.measures if not m.cancelled]


def _case_view(session: Session, case: Case) -> CaseView:
    steps = [
        StepView(s.id, s.kind, s.on_date, list(s.people), s.document_no, dict(s.facts), s.note)
        for s in session.scalars(
            select(CaseStep)
            .where(CaseStep.case_id == case.id)
            .order_by(CaseStep.on_date, CaseStep.created_at, CaseStep.id)
        )
    ]
    payments = [
        PaymentView(p.id, p.measure_id, p.on_date, p.amount_fen, p.receipt_no, p.note)
        for p in session.scalars(
            select(CasePayment)
            .where(CasePayment.case_id == case.id)
            .order_by(CasePayment.on_date, CasePayment.created_at)
        )
    ]
    paid: dict[str, int] = {}
    for payment in payments:
        paid[payment.measure_id] = paid.get(payment.measure_id, 0) + payment.amount_fen
    measures = [
        MeasureView(
            m.id,
            m.kind,
            m.article,
            m.basis_fen,
            m.amount_fen,
            m.discretion,
            m.reason,
            m.on_date,
            m.period_from,
            m.period_to,
            m.cancelled,
            paid.get(m.id, 0),
        )
        for m in session.scalars(
            select(CaseMeasure)
            .where(CaseMeasure.case_id == case.id)
            .order_by(CaseMeasure.on_date, CaseMeasure.created_at)
        )
    ]
    return CaseView(
        id=case.id,
        party_name=case.party_name,
        party_kind=case.party_kind,
        institution_id=case.institution_id,
        inspection_id=case.inspection_id,
        lead_id=case.lead_id,
        visit_on=case.visit_on,
        entry_ids=list(case.entry_ids or []),
        summary=case.summary,
        bureau=case.bureau,
        stage=case.stage,
        opened_on=case.opened_on,
        officers=list(case.officers or []),
        filed_on=case.filed_on,
        extensions=list(case.extensions or []),
        notified_on=case.notified_on,
        statement_days=case.statement_days,
        hearing_days=case.hearing_days,
        decided_on=case.decided_on,
        served_on=case.served_on,
        ended_on=case.ended_on,
        end_reason=case.end_reason,
        steps=steps,
        measures=measures,
        payments=payments,
    )


def get_case(ws: Workspace, text: str) -> CaseView:
    """A case by its id or an unambiguous prefix (at least 4 characters), with its history."""
    with ws.db.session() as session:
        return _case_view(session, resolve_case(session, text))


def case_view(session: Session, case: Case) -> CaseView:
    """The view of a case inside an open session (a change checking its rules)."""
    session.flush()
    return _case_view(session, case)


@dataclass(frozen=True)
class CaseFilter:
    stage: str | None = None  # one stage; "active": not ended
    institution: str | None = None  # part of the party's name
    entry: str | None = None  # a ledger row id (or its start)


def list_cases(ws: Workspace, filters: CaseFilter = CaseFilter()) -> list[CaseView]:
    """Cases, newest first, with their history (a bureau has hundreds, not millions)."""
    query = select(Case)
    if filters.stage == "active":
        query = query.where(Case.stage.not_in(rules.ENDED))
    elif filters.stage:
        if filters.stage not in rules.STAGE_NAMES:
            raise InvalidInput("案件阶段“{stage}”无效", stage=filters.stage)
        query = query.where(Case.stage == filters.stage)
    if filters.institution:
        query = query.where(Case.party_name.contains(filters.institution.strip(), autoescape=True))
    query = query.order_by(Case.opened_on.desc(), Case.created_at.desc())
    with ws.db.session() as session:
        found = [_case_view(session, case) for case in session.scalars(query)]
    if filters.entry:
        found = [c for c in found if any(e.startswith(filters.entry) for e in c.entry_ids)]
    return found


def cases_of_entries(session: Session) -> dict[str, Case]:
    """Ledger row id → the case that takes it (the latest, if several did in turn)."""
    found: dict[str, Case] = {}
    for case in session.scalars(select(Case).order_by(Case.opened_on, Case.created_at)):
        for entry_id in case.entry_ids or []:
            found[entry_id] = case
    return found
