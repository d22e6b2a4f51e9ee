"""The case path of a finding (seeds 000 and 001) outside the case procedure: 协议处理 (under
the service agreement), 移送公安 (to the police), 移送纪检监察 (to the discipline inspectors),
each step with its date, the receiving body and the document number, and the party's statement
and defence (陈述申辩) on it; the statement the party gave on site is the inspection's and is
shown with the steps. A 行政处罚 is a case (inspector/cases/): refused here with the command
that opens one; a 行政处罚 step already stored stays readable.

A hand-over (移送公安, 移送纪检监察) sets the row to 移交. Steps are never rewritten: a
correction is a further step (the action log keeps both)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from inspector.db.models import CaseAction, Inspection
from inspector.errors import InvalidInput
from inspector.inspections import parse_amount
from inspector.ledger.entries import (
    RECTIFIED,
    SUPERSEDED,
    TRANSFERRED,
    resolve_entry,
)
from inspector.workspace import Workspace

KIND_NAMES = {
    "agreement": "协议处理",
    "penalty": "行政处罚",
    "police": "移送公安",
    "discipline": "移送纪检监察",
}
KIND_ALIASES = {**{code: code for code in KIND_NAMES}, **{n: c for c, n in KIND_NAMES.items()}}
HAND_OVER = ("police", "discipline")
PENALTY = "penalty"  # readable in stored steps; a new one is a case (inspector/cases/)


def parse_kind(text: str) -> str:
    found = KIND_ALIASES.get(text.strip())
    if found is None:
        allowed = "、".join(f"{code}（{name}）" for code, name in KIND_NAMES.items())
        raise InvalidInput("处理方式“{value}”无效，可选：{allowed}", value=text, allowed=allowed)
    return found


@dataclass
class CaseStep:
    id: str
    kind: str
    on_date: date
    receiving_body: str
    document_no: str
    statement: str
    statement_on: date | None
    recovered_fen: int
    note: str

    @property
    def kind_name(self) -> str:
        return KIND_NAMES.get(self.kind, self.kind)


def _step(row: CaseAction) -> CaseStep:
    return CaseStep(
        row.id,
        row.kind,
        row.on_date,
        row.receiving_body,
        row.document_no,
        row.statement,
        row.statement_on,
        row.recovered_fen,
        row.note,
    )


def add_case_step(
    ws: Workspace,
    entry: str,
    *,
    kind: str,
    on_date: date,
    receiving_body: str,
    document_no: str,
    statement: str = "",
    statement_on: date | None = None,
    recovered: str | None = None,
    note: str = "",
    today: date | None = None,
) -> CaseStep:
    """Record one step of the case path; one ``case.add`` event. ``recovered`` (yuan) is what
    this step recovered (退回/追回), added to the row's recovered amount."""
    code = parse_kind(kind)
    if code == PENALTY:
        # A penalty needs 立案, 告知, 陈述申辩 and a decision (行政处罚法 arts. 44, 62): the case
        # procedure (inspector/cases/), not a dated line.
        raise InvalidInput(
            "行政处罚须按案件程序办理（立案、告知、陈述申辩、决定）："
            "请用 case open {entry} 登记案件",
            entry=entry,
        )
    body = receiving_body.strip()
    number = document_no.strip()
    if not body:
        raise InvalidInput("请填写接收或处理单位")
    if not number:
        raise InvalidInput("请填写文书编号")
    if on_date > (today or date.today()):
        raise InvalidInput("处理日期不能晚于今天")
    if statement_on is not None and statement_on > (today or date.today()):
        raise InvalidInput("陈述申辩日期不能晚于今天")
    fen = parse_amount(recovered) or 0
    with ws.change(None, "case.add") as ch:
        row = resolve_entry(ch.session, entry)
        if row.status == SUPERSEDED:
            raise InvalidInput("该问题已由更正记录取代，请在更正后的台账记录上操作")
        if code in HAND_OVER and row.status == RECTIFIED:
            raise InvalidInput("该问题已整改销号，不能再移交")
        if fen and row.amount_fen is not None and row.recovered_fen + fen > row.amount_fen:
            raise InvalidInput("追回金额不能超过涉及金额")
        step = ch.add(
            CaseAction(
                entry_id=row.id,
                kind=code,
                on_date=on_date,
                receiving_body=body,
                document_no=number,
                statement=statement.strip(),
                statement_on=statement_on,
                recovered_fen=fen,
                note=note.strip(),
            )
        )
        row.recovered_fen += fen
        if code in HAND_OVER:
            row.status = TRANSFERRED
        ch.entity(step)
        ch.details.update({"entry_id": row.id, "kind": code, "document_no": number})
        ch.session.flush()
        return _step(step)


@dataclass
class CasePath:
    steps: list[CaseStep]
    party_statement: str  # the party's opinion given on site (the record's 被检查单位意见)
    party_representative: str | None


def case_path(ws: Workspace, entry: str) -> CasePath:
    with ws.db.session() as session:
        row = resolve_entry(session, entry)
        steps = [
            _step(step)
            for step in session.scalars(
                select(CaseAction)
                .where(CaseAction.entry_id == row.id)
                .order_by(CaseAction.on_date, CaseAction.created_at)
            )
        ]
        inspection = session.get(Inspection, row.inspection_id)
        assert inspection is not None
        return CasePath(steps, inspection.party_statement, inspection.party_representative)
