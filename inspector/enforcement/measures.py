"""封存 and 先行登记保存 as compulsory measures.

- 封存 (条例 art. 27(5): 对可能被转移、隐匿或者灭失的资料等予以封存) is carried out as 行政强制法
  says: approved by the 行政机关负责人 and done by two officers or more (art. 18(1)(2)); the
  decision and the list made and handed over on the spot, the list in two copies signed by both
  sides (art. 24, art. 18(8): a refusal noted; art. 18(9): a witness when the party is not
  there or refuses); at most 30 days, extended once by at most 30 days with the 负责人's
  approval and a written reason (art. 25); decided within that time (art. 27) and released (解除)
  when a ground of art. 28 holds, its expiry among them.
- 先行登记保存 (行政处罚法 art. 56): approved by the 负责人; within 7 working days (art. 85)
  a decision on it: released, sealed, confiscated, sent for examination, or handed over.

Every step is one audited change; a date in the future or before the visit, a second
extension, an extension of an expired or ended measure, a release dated before the decision are
refused with the rule named. A measure past its last day and not ended is late (:func:`due`).
The record's sealing list shows the measure each sealed line is under (:func:`seal_links`)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector import ids
from inspector.db.models import CompulsoryMeasure, Inspection, SealItem
from inspector.errors import InvalidInput, NotFound, Term
from inspector.evidence.sealing import parse_quantity
from inspector.inspections import resolve_id
from inspector.workdays import CALENDAR, Deadline, WorkCalendar
from inspector.workspace import Workspace

SEAL = "seal"
PRESERVE = "preserve"
KIND_NAMES = {SEAL: "封存", PRESERVE: "先行登记保存"}
KIND_ALIASES = {**{k: k for k in KIND_NAMES}, **{v: k for k, v in KIND_NAMES.items()}}

SEAL_DAYS = 30  # 行政强制法 art. 25
EXTENSION_DAYS = 30  # art. 25: 延长期限不得超过三十日
PRESERVE_WORKING_DAYS = 7  # 行政处罚法 art. 56, counted in working days (art. 85)

# The end of a measure. 解除 for both; the rest are what may be decided on a 先行登记保存
# (行政处罚法 art. 56) or, for confiscation, on a 封存 (行政强制法 art. 27).
RELEASE = "release"
OUTCOME_NAMES = {
    RELEASE: "解除",
    "seal": "转为封存",
    "confiscate": "依法没收",
    "examine": "送检验鉴定",
    "transfer": "移交有关部门",
}
OUTCOME_ALIASES = {**{k: k for k in OUTCOME_NAMES}, **{v: k for k, v in OUTCOME_NAMES.items()}}
# 行政强制法 art. 28: when a 封存 is released.
RELEASE_GROUNDS = {
    "no_violation": "当事人没有违法行为",
    "unrelated": "封存的资料、财物与违法行为无关",
    "decided": "已对违法行为作出处理决定，不再需要封存",
    "expired": "封存期限已经届满",
    "other": "其他不再需要采取封存措施的情形",
}

OPEN = "open"
DUE = "due"
LATE = "late"
ENDED = "ended"
STATE_NAMES = {OPEN: "期限内", DUE: "即将到期", LATE: "已逾期未处理", ENDED: "已结束"}

MEASURE = ids.IdKind(Term("强制措施"), describe=lambda r: str(r.decision_no))


def parse_kind(text: str) -> str:
    found = KIND_ALIASES.get(text.strip())
    if found is None:
        raise InvalidInput(
            "措施种类“{value}”无效，可选：seal（封存）、preserve（先行登记保存）", value=text
        )
    return found


def parse_outcome(text: str) -> str:
    found = OUTCOME_ALIASES.get(text.strip())
    if found is None:
        allowed = "、".join(f"{code}（{name}）" for code, name in OUTCOME_NAMES.items())
        raise InvalidInput("处理决定“{value}”无效，可选：{allowed}", value=text, allowed=allowed)
    return found


@dataclass
class MeasureItem:
    position: int
    description: str
    quantity: str
    unit: str
    note: str = ""
    seal_item_id: str | None = None  # the line of the record's sealing list it is


@dataclass
class MeasureView:
    id: str
    inspection_id: str
    case_id: str | None
    kind: str
    decision_no: str
    decided_on: date
    reason: str
    place: str
    approved_by: str
    officers: list[str]
    items: list[MeasureItem]
    last_day: date
    provisional: bool
    list_signed_on: date | None
    party_signer: str | None
    party_refused: bool
    witness: str | None
    extended_on: date | None
    extension_reason: str | None
    extension_approved_by: str | None
    extension_no: str | None
    ended_on: date | None
    outcome: str | None
    end_reason: str | None
    end_no: str | None
    follows_id: str | None
    institution: str
    state: str
    days_left: int
    created_at: datetime
    documents: list[dict[str, Any]] = field(default_factory=list)

    @property
    def kind_name(self) -> str:
        return KIND_NAMES[self.kind]

    @property
    def state_name(self) -> str:
        return STATE_NAMES[self.state]

    @property
    def outcome_name(self) -> str | None:
        return OUTCOME_NAMES.get(self.outcome or "")

    @property
    def ended_late(self) -> bool:
        """Ended (or decided on) after its last day."""
        return self.ended_on is not None and self.ended_on > self.last_day

    @property
    def last_day_text(self) -> str:
        """The last day, marked 待公布 when a year's holidays are not published yet."""
        text = f"{self.last_day:%Y-%m-%d}"
        return f"{text}（暂按周一至周五计算，节假日安排待公布）" if self.provisional else text


def _state(row: CompulsoryMeasure, today: date) -> tuple[str, int]:
    deadline = Deadline(row.last_day, today, bool(row.provisional))
    if row.ended_on is not None:
        return ENDED, deadline.days_left
    return {"open": OPEN, "due": DUE, "late": LATE}[deadline.state], deadline.days_left


def _view(session: Session, row: CompulsoryMeasure, today: date) -> MeasureView:
    from inspector.db.models import EnforcementDocument

    inspection = session.get(Inspection, row.inspection_id)
    assert inspection is not None
    state, days_left = _state(row, today)
    documents = [
        {
            "id": d.id,
            "kind": d.kind,
            "document_no": d.document_no,
            "sha256": d.sha256,
            "signed_by": d.signed_by,
        }
        for d in session.scalars(
            select(EnforcementDocument)
            .where(EnforcementDocument.measure_id == row.id)
            .order_by(EnforcementDocument.created_at)
        )
    ]
    return MeasureView(
        id=row.id,
        inspection_id=row.inspection_id,
        case_id=row.case_id,
        kind=row.kind,
        decision_no=row.decision_no,
        decided_on=row.decided_on,
        reason=row.reason,
        place=row.place,
        approved_by=row.approved_by,
        officers=list(row.officers or []),
        items=[MeasureItem(**item) for item in row.items or []],
        last_day=row.last_day,
        provisional=bool(row.provisional),
        list_signed_on=row.list_signed_on,
        party_signer=row.party_signer,
        party_refused=bool(row.party_refused),
        witness=row.witness,
        extended_on=row.extended_on,
        extension_reason=row.extension_reason,
        extension_approved_by=row.extension_approved_by,
        extension_no=row.extension_no,
        ended_on=row.ended_on,
        outcome=row.outcome,
        end_reason=row.end_reason,
        end_no=row.end_no,
        follows_id=row.follows_id,
        institution=inspection.institution.name,
        state=state,
        days_left=days_left,
        created_at=row.created_at,
        documents=documents,
    )


def visit_day(inspection: Inspection) -> date:
    """The day the visit began (its entered start, else the day it was made)."""
    moment = inspection.started_at or inspection.created_at
    return moment.astimezone().date()


def check_day(day: date, what: str, *, not_before: date, before_what: str, today: date) -> None:
    """A step's date: not in the future, not before ``not_before`` (the visit, the decision)."""
    if day > today:
        raise InvalidInput("{what}（{day}）不能晚于今天", what=Term(what), day=f"{day:%Y-%m-%d}")
    if day < not_before:
        raise InvalidInput(
            "{what}（{day}）早于{before}（{earlier}）",
            what=Term(what),
            day=f"{day:%Y-%m-%d}",
            before=Term(before_what),
            earlier=f"{not_before:%Y-%m-%d}",
        )


def _text(value: str | None, what: str, limit: int = 1000) -> str:
    text = (value or "").strip()
    if not text:
        raise InvalidInput("请填写{what}", what=Term(what))
    if len(text) > limit:
        raise InvalidInput("{what}最多 {limit} 个字", what=Term(what), limit=limit)
    return text


def _limit(kind: str, start: date, calendar: WorkCalendar) -> tuple[date, bool]:
    if kind == SEAL:
        end = calendar.add_days(start, SEAL_DAYS)
    else:
        end = calendar.add_working_days(start, PRESERVE_WORKING_DAYS)
    return end, calendar.provisional(start, end)


def _officers(inspection: Inspection, cert_nos: Sequence[str]) -> list[str]:
    team = {m.inspector.cert_no for m in inspection.members}
    chosen: list[str] = []
    for cert in cert_nos:
        cert = cert.strip()
        if cert not in team:
            raise InvalidInput("执法证号 {cert_no} 不是本检查组的成员", cert_no=cert)
        if cert not in chosen:
            chosen.append(cert)
    if len(chosen) < 2:
        # 行政强制法 art. 18(2): 由两名以上行政执法人员实施
        raise InvalidInput("强制措施应由两名以上执法人员实施（行政强制法第十八条）")
    return chosen


def _items(
    session: Session,
    inspection: Inspection,
    items: Sequence[MeasureItem],
    positions: Sequence[int],
) -> list[dict[str, Any]]:
    """The list: lines of the record's sealing list (by position) and lines typed here."""
    out: list[dict[str, Any]] = []
    taken = _sealed_elsewhere(session, inspection.id)
    for position in positions:
        line = session.scalar(
            select(SealItem).where(
                SealItem.inspection_id == inspection.id, SealItem.position == position
            )
        )
        if line is None:
            raise NotFound("封存清单中没有第 {position} 项", position=position)
        if line.id in taken:
            raise InvalidInput(
                "封存清单第 {position} 项已在措施 {decision} 之下，尚未解除",
                position=position,
                decision=taken[line.id],
            )
        out.append(
            {
                "position": 0,
                "description": line.description,
                "quantity": line.quantity,
                "unit": line.unit,
                "note": line.note,
                "seal_item_id": line.id,
            }
        )
    for item in items:
        out.append(
            {
                "position": 0,
                "description": _text(item.description, "物品名称和描述"),
                "quantity": parse_quantity(item.quantity),
                "unit": _text(item.unit, "数量单位", 16),
                "note": (item.note or "").strip(),
                # Kept when a 先行登记保存's lines are sealed in turn (:func:`end_measure`).
                "seal_item_id": item.seal_item_id,
            }
        )
    if not out:
        raise InvalidInput("请列出措施所涉的资料或物品（清单不能为空，行政强制法第二十四条）")
    for number, item in enumerate(out, start=1):
        item["position"] = number
    return out


def _sealed_elsewhere(session: Session, inspection_id: str) -> dict[str, str]:
    """Sealing-list lines under a measure not ended: line id → its decision number."""
    found: dict[str, str] = {}
    for row in session.scalars(
        select(CompulsoryMeasure).where(
            CompulsoryMeasure.inspection_id == inspection_id, CompulsoryMeasure.ended_on.is_(None)
        )
    ):
        for item in row.items or []:
            if item.get("seal_item_id"):
                found[str(item["seal_item_id"])] = row.decision_no
    return found


def decide_measure(
    ws: Workspace,
    inspection_id: str,
    *,
    kind: str,
    decision_no: str,
    decided_on: date,
    reason: str,
    approved_by: str,
    officers: Sequence[str],
    items: Sequence[MeasureItem] = (),
    seal_positions: Sequence[int] = (),
    place: str = "",
    case_id: str | None = None,
    follows: str | None = None,
    today: date | None = None,
    calendar: WorkCalendar = CALENDAR,
) -> MeasureView:
    """The decision of a 封存 or 先行登记保存 at a visit, with its list; one
    ``measure.decide`` change. The time limit runs from ``decided_on``."""
    code = parse_kind(kind)
    number = _text(decision_no, "决定书文号", 100)
    why = _text(reason, "采取措施的理由")
    # 行政强制法 art. 18(1); 行政处罚法 art. 56: 经行政机关负责人批准
    approver = _text(approved_by, "批准的行政机关负责人", 100)
    day = today or date.today()
    with ws.change(None, "measure.decide", inspection=inspection_id, editable=False) as ch:
        inspection = ch.inspection
        assert inspection is not None
        check_day(decided_on, "决定日期", not_before=visit_day(inspection),
                  before_what="现场检查日期", today=day)  # fmt: skip
        chosen = _officers(inspection, officers)
        lines = _items(ch.session, inspection, items, seal_positions)
        case = _case_of(ch.session, case_id, inspection)
        last_day, provisional = _limit(code, decided_on, calendar)
        row = ch.add(
            CompulsoryMeasure(
                inspection_id=inspection.id,
                case_id=case,
                kind=code,
                decision_no=number,
                decided_on=decided_on,
                reason=why,
                place=place.strip(),
                approved_by=approver,
                officers=chosen,
                items=lines,
                last_day=last_day,
                provisional=provisional,
                follows_id=follows,
            )
        )
        ch.entity(row)
        ch.details.update(
            {"kind": code, "decision_no": number, "items": len(lines), "last_day": str(last_day)}
        )
        ch.session.flush()
        return _view(ch.session, row, day)


def _case_of(session: Session, case_id: str | None, inspection: Inspection) -> str | None:
    """The full id of the case a measure goes under: a case of the same party."""
    if case_id is None:
        return None
    from inspector.cases.core import resolve_case

    case = resolve_case(session, case_id)
    if case.institution_id is not None and case.institution_id != inspection.institution_id:
        raise InvalidInput(
            "案件 {case} 的当事人是{party}，不是这次检查的被检查单位", case=case.id[:8],
            party=case.party_name,
        )  # fmt: skip
    return case.id


def _measure(session: Session, text: str) -> CompulsoryMeasure:
    return ids.resolve_prefix(session, CompulsoryMeasure.id, text, MEASURE)


def _open_change(ws: Workspace, measure_id: str, action: str) -> tuple[str, str]:
    with ws.db.session() as session:
        row = _measure(session, measure_id)
        return row.id, row.inspection_id


def sign_list(
    ws: Workspace,
    measure_id: str,
    *,
    signed_on: date,
    party_signer: str | None = None,
    party_refused: bool = False,
    witness: str | None = None,
    today: date | None = None,
) -> MeasureView:
    """Both sides' signatures on the list handed to the party (行政强制法 art. 24: 一式二份):
    the officers of the measure and the party's signer, or the party's refusal noted with a
    witness (art. 18(8)(9)); once."""
    day = today or date.today()
    full_id, inspection_id = _open_change(ws, measure_id, "measure.sign_list")
    signer = (party_signer or "").strip() or None
    seen_by = (witness or "").strip() or None
    if party_refused and signer:
        raise InvalidInput("当事人拒绝签名时不填写当事人签名人")
    if not party_refused and signer is None:
        raise InvalidInput("请填写在清单上签名的当事人（或注明当事人拒绝签名）")
    if party_refused and seen_by is None:
        # 行政强制法 art. 18(8)(9): a refusal is noted, a witness signs with the officers
        raise InvalidInput("当事人拒绝签名的，应注明并由见证人签名（行政强制法第十八条）")
    with ws.change(None, "measure.sign_list", inspection=inspection_id, editable=False) as ch:
        row = ch.session.get(CompulsoryMeasure, full_id)
        assert row is not None
        if row.list_signed_on is not None:
            raise InvalidInput("该措施的清单已经签名")
        check_day(signed_on, "清单签名日期", not_before=row.decided_on,
                  before_what="措施决定日期", today=day)  # fmt: skip
        row.list_signed_on = signed_on
        row.party_signer = signer
        row.party_refused = party_refused
        row.witness = seen_by
        ch.entity(row)
        ch.details.update({"party_refused": party_refused, "signed_on": str(signed_on)})
        ch.session.flush()
        return _view(ch.session, row, day)


def extend_measure(
    ws: Workspace,
    measure_id: str,
    *,
    extended_on: date,
    reason: str,
    approved_by: str,
    extension_no: str,
    days: int = EXTENSION_DAYS,
    today: date | None = None,
    calendar: WorkCalendar = CALENDAR,
) -> MeasureView:
    """The one extension of a 封存 (行政强制法 art. 25): approved by the 负责人, at most 30
    days more, decided before the period ends, told to the party in writing with the reason."""
    day = today or date.today()
    why = _text(reason, "延长理由")
    approver = _text(approved_by, "批准延长的行政机关负责人", 100)
    number = _text(extension_no, "延长决定文号", 100)
    if not 1 <= days <= EXTENSION_DAYS:
        raise InvalidInput("封存延长期限不得超过三十日（行政强制法第二十五条）")
    full_id, inspection_id = _open_change(ws, measure_id, "measure.extend")
    with ws.change(None, "measure.extend", inspection=inspection_id, editable=False) as ch:
        row = ch.session.get(CompulsoryMeasure, full_id)
        assert row is not None
        if row.kind != SEAL:
            raise InvalidInput(
                "先行登记保存不能延长，应在七个工作日内作出处理决定（行政处罚法第五十六条）"
            )
        if row.ended_on is not None:
            raise InvalidInput("该措施已于 {day} 结束，不能延长", day=f"{row.ended_on:%Y-%m-%d}")
        if row.extended_on is not None:
            raise InvalidInput(
                "封存期限只能延长一次（行政强制法第二十五条），已于 {day} 延长",
                day=f"{row.extended_on:%Y-%m-%d}",
            )
        check_day(extended_on, "延长决定日期", not_before=row.decided_on,
                  before_what="封存决定日期", today=day)  # fmt: skip
        if extended_on > row.last_day:
            raise InvalidInput(
                "封存期限已于 {day} 届满，不能再延长，应当解除封存（行政强制法第二十八条）",
                day=f"{row.last_day:%Y-%m-%d}",
            )
        before = row.last_day
        row.last_day = calendar.add_days(before, days)
        row.provisional = calendar.provisional(row.decided_on, row.last_day)
        row.extended_on = extended_on
        row.extension_reason = why
        row.extension_approved_by = approver
        row.extension_no = number
        ch.entity(row)
        ch.details.update({"before": str(before), "last_day": str(row.last_day)})
        ch.session.flush()
        return _view(ch.session, row, day)


def end_measure(
    ws: Workspace,
    measure_id: str,
    *,
    ended_on: date,
    outcome: str = RELEASE,
    reason: str,
    document_no: str,
    today: date | None = None,
    seal_decision_no: str | None = None,
    approved_by: str | None = None,
    calendar: WorkCalendar = CALENDAR,
) -> MeasureView:
    """A measure's end: 解除 (行政强制法 art. 28; ``reason`` a ground of RELEASE_GROUNDS or
    words), confiscation (art. 27), or for a 先行登记保存 the decision on it (行政处罚法 art.
    56): released, sealed (a new 封存 decided the same day, ``seal_decision_no``), confiscated,
    sent for examination or handed over. One ``measure.end`` change (the new 封存 its own)."""
    day = today or date.today()
    code = parse_outcome(outcome)
    why = RELEASE_GROUNDS.get(reason.strip(), reason.strip()) if reason else ""
    why = _text(why, "解除或处理的理由")
    number = _text(document_no, "解除或处理决定文号", 100)
    full_id, inspection_id = _open_change(ws, measure_id, "measure.end")
    with ws.db.session() as session:
        kind = _measure(session, full_id).kind
    if kind == SEAL and code not in (RELEASE, "confiscate"):
        raise InvalidInput(
            "封存期限内应作出解除或没收等处理决定（行政强制法第二十七条），不能“{outcome}”",
            outcome=Term(OUTCOME_NAMES[code]),
        )
    if code == "seal" and not (seal_decision_no or "").strip():
        raise InvalidInput("转为封存的，请填写封存决定书文号")
    with ws.change(None, "measure.end", inspection=inspection_id, editable=False) as ch:
        row = ch.session.get(CompulsoryMeasure, full_id)
        assert row is not None
        if row.ended_on is not None:
            raise InvalidInput(
                "该措施已于 {day} 结束（{outcome}）",
                day=f"{row.ended_on:%Y-%m-%d}",
                outcome=Term(OUTCOME_NAMES.get(row.outcome or "", "")),
            )
        check_day(ended_on, "解除或处理日期", not_before=row.decided_on,
                  before_what="措施决定日期", today=day)  # fmt: skip
        row.ended_on = ended_on
        row.outcome = code
        row.end_reason = why
        row.end_no = number
        ch.entity(row)
        ch.details.update(
            {"outcome": code, "ended_on": str(ended_on), "late": ended_on > row.last_day}
        )
        ch.session.flush()
        items = [MeasureItem(**item) for item in row.items or []]
        follows = row
        view = _view(ch.session, row, day)
        officers, place, case_id = list(row.officers), row.place, row.case_id
    if code == "seal":
        # The things preserved are sealed now: a 封存 of its own, its 30 days from today.
        decide_measure(
            ws,
            inspection_id,
            kind=SEAL,
            decision_no=str(seal_decision_no),
            decided_on=ended_on,
            reason=why,
            approved_by=approved_by or follows.approved_by,
            officers=officers,
            items=items,
            place=place,
            case_id=case_id,
            follows=full_id,
            today=day,
            calendar=calendar,
        )
    return view


def get_measure(ws: Workspace, measure_id: str, *, today: date | None = None) -> MeasureView:
    with ws.db.session() as session:
        return _view(session, _measure(session, measure_id), today or date.today())


def measures_of(
    ws: Workspace,
    inspection_id: str | None = None,
    *,
    case_id: str | None = None,
    today: date | None = None,
) -> list[MeasureView]:
    day = today or date.today()
    with ws.db.session() as session:
        query = select(CompulsoryMeasure).order_by(
            CompulsoryMeasure.decided_on, CompulsoryMeasure.created_at
        )
        if inspection_id is not None:
            query = query.where(
                CompulsoryMeasure.inspection_id == resolve_id(session, inspection_id).id
            )
        if case_id is not None:
            from inspector.cases.core import resolve_case

            query = query.where(CompulsoryMeasure.case_id == resolve_case(session, case_id).id)
        return [_view(session, row, day) for row in session.scalars(query)]


def due(ws: Workspace, *, today: date | None = None) -> list[MeasureView]:
    """Measures not ended whose last day is near (DUE) or past (LATE), the soonest first: for
    ``case due`` and the home banner."""
    day = today or date.today()
    with ws.db.session() as session:
        rows = session.scalars(
            select(CompulsoryMeasure)
            .where(CompulsoryMeasure.ended_on.is_(None))
            .order_by(CompulsoryMeasure.last_day)
        )
        views = [_view(session, row, day) for row in rows]
    return [view for view in views if view.state in (DUE, LATE)]


def link_case(ws: Workspace, measure_id: str, case_id: str) -> MeasureView:
    """Put a measure taken at a visit under the case opened since."""
    full_id, inspection_id = _open_change(ws, measure_id, "measure.case")
    with ws.change(None, "measure.case", inspection=inspection_id, editable=False) as ch:
        row = ch.session.get(CompulsoryMeasure, full_id)
        assert row is not None
        inspection = ch.session.get(Inspection, row.inspection_id)
        assert inspection is not None
        row.case_id = _case_of(ch.session, case_id, inspection)
        ch.entity(row)
        ch.session.flush()
        return _view(ch.session, row, date.today())


@dataclass(frozen=True)
class SealLink:
    measure_id: str
    kind_name: str
    decision_no: str
    state_name: str


def seal_links(
    ws: Workspace, inspection_id: str, *, today: date | None = None
) -> dict[str, SealLink]:
    """The record's sealing list → the measures: sealing-list line id → the measure its line
    is under (the latest, when one followed another)."""
    out: dict[str, SealLink] = {}
    for view in measures_of(ws, inspection_id, today=today):
        for item in view.items:
            if item.seal_item_id:
                out[item.seal_item_id] = SealLink(
                    view.id, view.kind_name, view.decision_no, view.state_name
                )
    return out


# --- documents -------------------------------------------------------------------------------

DOCUMENT_KINDS = {
    "decision": "决定书",
    "list": "清单",
    "extension": "延长期限通知书",
    "end": "解除或处理决定书",
}
_TITLES = {
    (SEAL, "decision"): "封存决定书",
    (PRESERVE, "decision"): "先行登记保存通知书",
    (SEAL, "list"): "封存清单",
    (PRESERVE, "list"): "先行登记保存清单",
    (SEAL, "extension"): "延长封存期限通知书",
    (SEAL, "end"): "解除封存决定书",
    (PRESERVE, "end"): "先行登记保存处理决定书",
}
_BASIS = {
    SEAL: "《医疗保障基金使用监督管理条例》第二十七条第（五）项、《中华人民共和国行政强制法》"
    "第二十四条、第二十五条",
    PRESERVE: "《中华人民共和国行政处罚法》第五十六条",
}
# 行政强制法 art. 24(4): the ways and time limits of review and suit, on the decision.
REMEDIES = (
    "如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向"
    "人民法院提起行政诉讼。"
)


@dataclass(frozen=True)
class DocumentView:
    id: str
    kind: str
    document_no: str
    path: str
    sha256: str
    size: int
    signed_by: str | None = None


def _page(ws: Workspace, session: Session, row: CompulsoryMeasure, kind: str) -> Any:
    from inspector.bureaus import bureau_line, bureau_name
    from inspector.enforcement.documents import ITEM_HEADER, ITEM_WIDTHS, Page, item_rows

    inspection = session.get(Inspection, row.inspection_id)
    assert inspection is not None
    title = _TITLES.get((row.kind, kind))
    if title is None:
        raise InvalidInput(
            "{kind}没有“{document}”",
            kind=Term(KIND_NAMES[row.kind]),
            document=Term(DOCUMENT_KINDS[kind]),
        )
    view = _view(session, row, date.today())
    party = inspection.institution.name
    names = {m.inspector.cert_no: m.inspector.name for m in inspection.members}
    officers = "、".join(f"{names.get(c, c)}（执法证号 {c}）" for c in view.officers)
    # The decision states the period as decided; an extension is a document of its own.
    first_day, provisional = _limit(row.kind, row.decided_on, CALENDAR)
    period = f"{row.decided_on:%Y年%m月%d日}至{first_day:%Y年%m月%d日}"
    if provisional:
        period += "（节假日安排公布后可能顺延）"
    page = Page(
        title=title,
        number=row.decision_no,
        bureau=bureau_name(ws, inspection),
        bureau_detail=bureau_line(inspection.bureau),
        issued=row.decided_on,
        addressee=party,
        kind=f"{row.kind}-{kind}",
    )
    what = KIND_NAMES[row.kind]
    if kind == "decision":
        limit = "封存期限为三十日" if row.kind == SEAL else "本局将在七个工作日内作出处理决定"
        page.paragraphs = [
            f"当事人：{party}"
            + (f"，地址：{inspection.party_address}" if inspection.party_address else ""),
            f"经查，{row.reason}。经本局负责人（{row.approved_by}）批准，依据{_BASIS[row.kind]}，"
            f"决定对下列资料、物品予以{what}。{limit}（{period}）。",
            *([f"{what}地点：{row.place}。"] if row.place else []),
            f"在{what}期间，当事人不得销毁、转移、隐匿{what}的资料和物品。",
        ]
        page.header, page.rows, page.widths = ITEM_HEADER, item_rows(view.items), ITEM_WIDTHS
        page.after = [REMEDIES]
        page.signatures = [f"执法人员：{officers}"]
    elif kind == "list":
        page.paragraphs = [f"{what}决定书文号：{row.decision_no}　当事人：{party}"]
        page.header, page.rows, page.widths = ITEM_HEADER, item_rows(view.items), ITEM_WIDTHS
        # 行政强制法 art. 24: 清单一式二份, 由当事人和行政机关分别保存; art. 18(8)(9).
        page.after = ["本清单一式二份，由当事人和本局分别保存。"]
        if row.list_signed_on is None:
            party_line = "当事人（签名）：＿＿＿＿＿＿　日期：＿＿＿＿"
        elif row.party_refused:
            party_line = (
                f"当事人拒绝签名。见证人：{row.witness}　日期：{row.list_signed_on:%Y-%m-%d}"
            )
        else:
            party_line = (
                f"当事人：{row.party_signer}（已签名）　日期：{row.list_signed_on:%Y-%m-%d}"
            )
        page.signatures = [f"执法人员：{officers}", party_line]
    elif kind == "extension":
        if row.extended_on is None:
            raise InvalidInput("该封存未延长期限")
        page.number = str(row.extension_no)
        page.issued = row.extended_on
        page.paragraphs = [
            f"本局于{row.decided_on:%Y年%m月%d日}对你单位的资料、物品予以封存（{row.decision_no}）。"
            f"因{row.extension_reason}，经本局负责人（{row.extension_approved_by}）批准，依据《中华人民"
            f"共和国行政强制法》第二十五条，封存期限延长至{view.last_day:%Y年%m月%d日}。",
            REMEDIES,
        ]
    else:
        if row.ended_on is None:
            raise InvalidInput("该措施尚未解除或作出处理决定")
        page.number = str(row.end_no)
        page.issued = row.ended_on
        outcome = {
            RELEASE: f"解除{what}",
            "seal": "对上列资料、物品予以封存（另行制作封存决定书）",
            "confiscate": "依法没收上列资料、物品",
            "examine": "将上列物品送检验、鉴定",
            "transfer": "将上列资料、物品移交有关部门处理",
        }.get(row.outcome or "", "")
        basis = (
            "《中华人民共和国行政强制法》第二十七条、第二十八条"
            if row.kind == SEAL
            else "《中华人民共和国行政处罚法》第五十六条"
        )
        page.paragraphs = [
            f"本局于{row.decided_on:%Y年%m月%d日}对你单位下列资料、物品予以{what}（{row.decision_no}）。"
            f"因{row.end_reason}，依据{basis}，决定：{outcome}。",
        ]
        page.header, page.rows, page.widths = ITEM_HEADER, item_rows(view.items), ITEM_WIDTHS
        if row.outcome == RELEASE:
            page.after = ["解除后，上列资料、物品退还当事人。"]
        page.after.append(REMEDIES)
    return page


def keep_document(
    ws: Workspace,
    ch: Any,
    *,
    inspection_id: str | None,
    folder: str,
    kind: str,
    number: str,
    pdf: bytes,
    measure_id: str | None = None,
    referral_id: str | None = None,
    signers: Sequence[str] = (),
    box: Sequence[float] = (),
) -> DocumentView:
    """Keep a rendered document in the record store, with its row, inside the change ``ch``:
    ``signers`` (执法证号) may sign it digitally, into ``box``."""
    import hashlib

    from inspector.db.models import EnforcementDocument, new_id

    doc_id = new_id()
    # ASCII: a bundle member name (docs/bundle.md).
    name = ws.records.name_for(folder, f"{kind}-{doc_id[:8]}-{ch.seq}.pdf")
    ws.records.write(name, pdf)
    sha256 = hashlib.sha256(pdf).hexdigest()
    row = ch.add(
        EnforcementDocument(
            id=doc_id,
            inspection_id=inspection_id,
            measure_id=measure_id,
            referral_id=referral_id,
            kind=kind,
            document_no=number,
            path=name,
            sha256=sha256,
            size=len(pdf),
            signers=list(signers),
            signature_box=list(box),
        )
    )
    ch.session.flush()
    return DocumentView(row.id, kind, number, name, sha256, len(pdf))


def measure_document(ws: Workspace, measure_id: str, kind: str) -> DocumentView:
    """Render and keep one of a measure's documents (DOCUMENT_KINDS); one
    ``measure.document`` change."""
    from inspector.enforcement.documents import render_with_box

    if kind not in DOCUMENT_KINDS:
        allowed = "、".join(f"{k}（{v}）" for k, v in DOCUMENT_KINDS.items())
        raise InvalidInput("文书种类“{value}”无效，可选：{allowed}", value=kind, allowed=allowed)
    full_id, inspection_id = _open_change(ws, measure_id, "measure.document")
    with ws.change(None, "measure.document", inspection=inspection_id, editable=False) as ch:
        row = ch.session.get(CompulsoryMeasure, full_id)
        assert row is not None
        page = _page(ws, ch.session, row, kind)
        pdf, box = render_with_box(page)
        # 行政强制法 art. 18(8): the officers who carried the measure out sign its papers.
        doc = keep_document(
            ws, ch, inspection_id=inspection_id, folder=inspection_id,
            kind=f"{row.kind}-{kind}", number=page.number, pdf=pdf, measure_id=row.id,
            signers=list(row.officers), box=box,
        )  # fmt: skip
        ch.details.update({"kind": doc.kind, "document_no": doc.document_no, "sha256": doc.sha256})
        return doc


def save_document(ws: Workspace, document_id: str, target: Any) -> Any:
    """A copy of a kept document where the user asks, checked against its hash."""
    from inspector.db.models import EnforcementDocument

    with ws.db.session() as session:
        row = ids.resolve_prefix(session, EnforcementDocument.id, document_id, DOCUMENT)
        name, sha256 = row.path, row.sha256
    return ws.records.save_copy(name, target, sha256)


DOCUMENT = ids.IdKind(Term("文书"), describe=lambda r: str(r.document_no))


@dataclass(frozen=True)
class KeptDocument:
    """A kept measure's or referral's document: who may sign it and who did."""

    id: str
    kind: str
    number: str
    signers: tuple[str, ...]
    signed_by: str | None


def read_document(ws: Workspace, document_id: str) -> tuple[KeptDocument, bytes]:
    """A kept document and its bytes, checked against the hash it was kept with (for the
    app's preview, print and signing)."""
    from inspector.db.models import EnforcementDocument

    with ws.db.session() as session:
        row = ids.resolve_prefix(session, EnforcementDocument.id, document_id, DOCUMENT)
        kept = KeptDocument(
            row.id, row.kind, row.document_no, tuple(row.signers or ()), row.signed_by
        )
        name, sha256 = row.path, row.sha256
    data = ws.records.read_bytes(name)
    if hashlib.sha256(data).hexdigest() != sha256:
        raise InvalidInput(
            "{title}文件 {name} 与保存时的哈希不符：已被替换或改动", title=Term("文书"), name=name
        )
    return kept, data


def sign_document(
    ws: Workspace, document_id: str, key_id: str, passphrase: str, *, now: datetime | None = None
) -> DocumentView:
    """Sign a measure's or a referral's document with the key of one of the people it names
    (``signers``: the measure's officers, the referral's case officers), into the box kept for
    it; once. One ``enforcement.sign`` change, acted by the signer."""
    from inspector.db.models import EnforcementDocument
    from inspector.signing.keystore import KeyStore

    store = KeyStore.of(ws)
    info = store.get(key_id)
    with ws.db.session() as session:
        row = ids.resolve_prefix(session, EnforcementDocument.id, document_id, DOCUMENT)
        if row.signed_by:
            raise InvalidInput("该文书已由执法证号 {cert_no} 签名", cert_no=row.signed_by)
        if info.cert_no not in (row.signers or []):
            raise InvalidInput(
                "该文书由实施措施或承办案件的执法人员（{allowed}）签名：该密钥的执法证号 {cert_no} "
                "不在其中",
                allowed="、".join(row.signers or []) or "—",
                cert_no=info.cert_no or "—",
            )
        full_id = row.id
    key = store.unlock(info.key_id, passphrase)
    return _sign_kept(ws, full_id, key, now=now)


def _sign_kept(
    ws: Workspace, document_id: str, key: Any, *, now: datetime | None = None
) -> DocumentView:
    import hashlib
    from pathlib import PurePath

    from inspector.db.models import EnforcementDocument
    from inspector.signing.sign import sign_pdf

    with ws.db.session() as session:
        row = session.get(EnforcementDocument, document_id)
        assert row is not None
        name, box, built = row.path, list(row.signature_box), row.sha256
        number, inspection_id = row.document_no, row.inspection_id
    data = ws.records.read_bytes(name)
    if hashlib.sha256(data).hexdigest() != built:
        raise InvalidInput(
            "文书文件 {name} 不是生成时的文件：已被替换或改动，拒绝签名；请重新生成", name=name
        )
    kept_as = ws.records.sibling_name(name, f"{PurePath(name).stem}-signed.pdf")
    result = sign_pdf(
        data,
        lambda signed: ws.records.write(kept_as, signed),
        key,
        field_name=f"enforcement-{key.info.cert_no}",
        box=(int(box[0]), float(box[1]), float(box[2]), float(box[3]), float(box[4])),
        label_lines=["执法人员"],
        reason=number,
        now=now,
    )
    with ws.change(key.info.cert_no, "enforcement.sign", inspection=inspection_id,
                   editable=False) as ch:  # fmt: skip
        row = ch.session.get(EnforcementDocument, document_id)
        assert row is not None
        row.path, row.sha256, row.size = kept_as, result.sha256, result.size
        row.signed_by = key.info.cert_no
        ch.entity(row)
        ch.details["pdf_sha256"] = result.sha256
        ch.session.flush()
        return DocumentView(
            row.id, row.kind, row.document_no, row.path, row.sha256, row.size, row.signed_by
        )
