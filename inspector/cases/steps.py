"""The steps of a case, each one audited change (``case.<step>``) that checks, in order: the
stage allows it (:data:`inspector.cases.rules.TRANSITIONS`, the rule named when not), the date
(not in the future, not before the visit, not before the step before), the people (a role the
law gives to someone else is refused), and what the step itself needs (the period of 陈述申辩
passed or waived in writing before 决定; everything paid or a reason before 执行 is done).

Each step keeps in ``facts`` what its document states, so that the stage documents are made
from the case alone."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.cases import rules
from inspector.cases.core import CaseView, StepView, case_change, case_view, check_date
from inspector.cases.deadlines import (
    calendar_of,
    case_last_day,
    hearing_last_day,
    service_last_day,
    setting_days,
    statement_last_day,
)
from inspector.change import state_hash
from inspector.db.models import Case, CaseStep, Inspector
from inspector.errors import InvalidInput, Term
from inspector.workspace import Workspace


@dataclass
class _Draft:
    """What a step's own check adds to the step before it is stored."""

    people: list[dict[str, str]]
    facts: dict[str, Any]
    to: str | None


def _person(role: str, name: str, number: str | None = None) -> dict[str, str]:
    found = {"role": role, "name": name.strip()}
    if number and number.strip():
        found["cert_no"] = number.strip()
    return found


def _require_text(value: str | None, what: Term) -> str:
    text = (value or "").strip()
    if not text:
        raise InvalidInput("请写明{what}", what=what)
    return text


def _officer_of(ws: Workspace, case: Case, by: str | None, step: str) -> dict[str, str]:
    """The case officer (承办人) taking a step: ``by`` (执法证号) or the current inspector."""
    cert_no = (by or ws.actor or "").strip()
    if not cert_no:
        raise InvalidInput("请写明由哪位承办人（执法证号）{step}", step=step)
    for officer in case.officers or []:
        if officer["cert_no"] == cert_no:
            return _person(rules.OFFICER, officer["name"], cert_no)
    raise InvalidInput(
        "执法证号 {cert_no} 不是本案承办人：只有承办人可以{step}", cert_no=cert_no, step=step
    )


def _not_officer(case: Case, name: str, number: str | None, role: str, rule: str) -> None:
    numbers = {o["cert_no"] for o in case.officers or []}
    names = {o["name"] for o in case.officers or []}
    if (number and number.strip() in numbers) or name.strip() in names:
        raise InvalidInput(
            "{role}不能是本案承办人（{rule}）", role=rules.ROLE_NAMES[role], rule=rule
        )


def _take_step(
    ws: Workspace,
    case_text: str,
    kind: str,
    *,
    on_date: date,
    today: date | None,
    note: str = "",
    document_no: str | None = None,
    check: Callable[[Session, Case, CaseView], _Draft],
) -> StepView:
    transition = rules.TRANSITIONS[kind]
    step_name = rules.STEP_NAMES[kind]
    with case_change(ws, case_text, f"case.{kind}") as (ch, case):
        session = ch.session
        if case.stage not in transition.after:
            raise InvalidInput(
                "案件处于“{stage}”阶段，不能{step}：{rule}",
                stage=rules.STAGE_NAMES.get(case.stage, case.stage),
                step=step_name,
                rule=transition.rule,
            )
        view = case_view(session, case)
        check_date(on_date, today=today, visit_on=case.visit_on, what=step_name)
        if on_date < case.opened_on:
            raise InvalidInput(
                "{step}的日期 {day} 早于案件登记日期 {opened}",
                step=step_name,
                day=on_date,
                opened=case.opened_on,
            )
        if view.steps and on_date < view.steps[-1].on_date:
            before = view.steps[-1]
            raise InvalidInput(
                "{step}的日期 {day} 早于上一步“{last}”的日期 {last_day}：步骤须按先后顺序记录",
                step=step_name,
                day=on_date,
                last=before.name,
                last_day=before.on_date,
            )
        draft = check(session, case, view)
        row = ch.add(
            CaseStep(
                case_id=case.id,
                kind=kind,
                on_date=on_date,
                people=draft.people,
                document_no=(document_no or "").strip() or None,
                facts=draft.facts,
                note=note.strip(),
            )
        )
        before_stage = case.stage
        if draft.to is not None:
            case.stage = draft.to
        ch.entity(case)
        ch.details.update(
            {"step": kind, "on": on_date.isoformat(), "before": before_stage, "after": case.stage}
        )
        session.flush()
        # The event hashes the case; the step, never changed after, is vouched for by this
        # hash when it travels (inspector/bundle/cases.py).
        ch.details["step_sha256"] = state_hash(row)
        return StepView(
            row.id,
            row.kind,
            row.on_date,
            list(row.people),
            row.document_no,
            dict(row.facts),
            row.note,
        )


def _ended(case: Case, on_date: date, reason: str) -> None:
    case.ended_on = on_date
    case.end_reason = reason


# --- the steps ----------------------------------------------------------------------------------


def file_case(
    ws: Workspace,
    case: str,
    *,
    on_date: date,
    officers: Sequence[str],
    approver: str,
    document_no: str | None = None,
    note: str = "",
    today: date | None = None,
) -> StepView:
    """立案: approved by the 负责人, with at least two 执法人员 as 承办人 (执法证号 of
    inspectors known here; 行政处罚法 art. 42)."""

    def check(session: Session, row: Case, view: CaseView) -> _Draft:
        who = _require_text(approver, Term("批准立案的负责人"))
        numbers = list(dict.fromkeys(n.strip() for n in officers if n.strip()))
        if len(numbers) < 2:
            raise InvalidInput("立案须指定至少两名执法人员为承办人（行政处罚法第四十二条）")
        found = []
        for number in numbers:
            person = session.scalar(select(Inspector).where(Inspector.cert_no == number))
            if person is None:
                raise InvalidInput(
                    "执法证号 {cert_no} 不在本机的执法人员中：承办人须是持证执法人员",
                    cert_no=number,
                )
            found.append({"cert_no": person.cert_no, "name": person.name})
        if who in {o["name"] for o in found}:
            raise InvalidInput("批准立案的负责人不能是本案承办人")
        row.officers = found
        row.filed_on = on_date
        people = [_person(rules.OFFICER, o["name"], o["cert_no"]) for o in found]
        people.append(_person(rules.APPROVER, who))
        return _Draft(people, {"summary": row.summary}, rules.FILED)

    return _take_step(
        ws,
        case,
        rules.FILE,
        on_date=on_date,
        today=today,
        note=note,
        document_no=document_no,
        check=check,
    )


def _reason_step(
    ws: Workspace,
    case: str,
    kind: str,
    *,
    on_date: date,
    reason: str,
    approver: str,
    today: date | None,
) -> StepView:
    def check(session: Session, row: Case, view: CaseView) -> _Draft:
        text = (reason or "").strip()
        if not text:
            raise InvalidInput("请写明{step}的理由", step=rules.STEP_NAMES[kind])
        who = _require_text(approver, Term("批准的负责人"))
        _ended(row, on_date, text)
        return _Draft([_person(rules.APPROVER, who)], {"reason": text}, rules.TRANSITIONS[kind].to)

    return _take_step(ws, case, kind, on_date=on_date, today=today, check=check)


def not_file(
    ws: Workspace,
    case: str,
    *,
    on_date: date,
    reason: str,
    approver: str,
    today: date | None = None,
) -> StepView:
    """不予立案, with its reason, approved by the 负责人."""
    return _reason_step(
        ws, case, rules.NOT_FILE, on_date=on_date, reason=reason, approver=approver, today=today
    )


def withdraw(
    ws: Workspace,
    case: str,
    *,
    on_date: date,
    reason: str,
    approver: str,
    today: date | None = None,
) -> StepView:
    """撤销立案, with its reason, approved by the 负责人."""
    return _reason_step(
        ws, case, rules.WITHDRAW, on_date=on_date, reason=reason, approver=approver, today=today
    )


def terminate(
    ws: Workspace,
    case: str,
    *,
    on_date: date,
    reason: str,
    approver: str,
    today: date | None = None,
) -> StepView:
    """终止调查 (e.g. the party has died or dissolved), with its reason."""
    return _reason_step(
        ws, case, rules.TERMINATE, on_date=on_date, reason=reason, approver=approver, today=today
    )


def investigate(
    ws: Workspace,
    case: str,
    *,
    on_date: date,
    facts: str,
    evidence: str = "",
    by: str | None = None,
    note: str = "",
    today: date | None = None,
) -> StepView:
    """调查终结: the facts found and the evidence, by a case officer (调查终结报告)."""

    def check(session: Session, row: Case, view: CaseView) -> _Draft:
        officer = _officer_of(ws, row, by, Term("作出调查终结"))
        text = _require_text(facts, Term("查明的违法事实"))
        return _Draft([officer], {"facts": text, "evidence": evidence.strip()}, rules.INVESTIGATED)

    return _take_step(
        ws, case, rules.INVESTIGATE, on_date=on_date, today=today, note=note, check=check
    )


def review(
    ws: Workspace,
    case: str,
    *,
    on_date: date,
    reviewer: str,
    reviewer_no: str | None = None,
    opinion: str,
    passed: bool = True,
    note: str = "",
    today: date | None = None,
) -> StepView:
    """案件审核 (法制审核, 行政处罚法 art. 58) by someone who is not a case officer; a review
    that does not pass sends the case back to 调查取证."""

    def check(session: Session, row: Case, view: CaseView) -> _Draft:
        who = _require_text(reviewer, Term("法制审核人员"))
        _not_officer(row, who, reviewer_no, rules.REVIEWER, Term("法制审核须由非本案承办人进行"))
        text = _require_text(opinion, Term("审核意见"))
        to = rules.REVIEWED if passed else rules.FILED
        return _Draft(
            [_person(rules.REVIEWER, who, reviewer_no)], {"opinion": text, "passed": passed}, to
        )

    return _take_step(ws, case, rules.REVIEW, on_date=on_date, today=today, note=note, check=check)


def hearing_right(ws: Workspace, view: CaseView) -> bool:
    """Whether the proposed measures give the party a right to a hearing (行政处罚法 art. 63):
    a fine or confiscation of 较大数额 (the bureau's amounts), a suspension, or 解除协议."""
    threshold = setting_days_fen(ws, view.party_kind)
    for measure in view.live_measures:
        if (
            measure.kind in (rules.FINE, rules.CONFISCATE)
            and (measure.amount_fen or 0) >= threshold
        ):
            return True
        if measure.kind in (rules.SUSPEND_SERVICE, rules.SUSPEND_PERSON):
            return True
    return False


def setting_days_fen(ws: Workspace, party_kind: str) -> int:
    key, default = (
        (rules.HEARING_PERSON_FEN_SETTING, rules.HEARING_PERSON_FEN)
        if party_kind == rules.PERSON
        else (rules.HEARING_ORG_FEN_SETTING, rules.HEARING_ORG_FEN)
    )
    text = ws.db.setting(key)
    try:
        return int(text) if text and text.strip() else default
    except ValueError as error:
        raise InvalidInput(
            "设置 {key} 应为金额（分），现为“{value}”", key=key, value=text
        ) from error


def parse_way(text: str) -> str:
    found = rules.SERVICE_ALIASES.get(text.strip())
    if found is None:
        allowed = "、".join(f"{k}（{v}）" for k, v in rules.SERVICE_WAYS.items())
        raise InvalidInput("送达方式“{value}”无效，可选：{allowed}", value=text, allowed=allowed)
    return found


def _service_facts(
    way: str, recipient: str | None, witness: str | None, consent: bool
) -> dict[str, Any]:
    code = parse_way(way)
    facts: dict[str, Any] = {"way": code, "way_name": rules.SERVICE_WAYS[code]}
    if code != "public":
        facts["recipient"] = _require_text(recipient, Term("受送达人"))
    if code == "lodged":
        facts["witness"] = _require_text(witness, Term("留置送达的见证人"))
    if code == "electronic" and not consent:
        # 行政处罚法 art. 61: electronic service needs the party's consent and 确认书.
        raise InvalidInput("电子送达须当事人同意并签订确认书（行政处罚法第六十一条）")
    if witness and witness.strip():
        facts["witness"] = witness.strip()
    return facts


def notify(
    ws: Workspace,
    case: str,
    *,
    on_date: date,
    way: str = "direct",
    recipient: str | None = None,
    witness: str | None = None,
    consent: bool = False,
    statement_days: int | None = None,
    by: str | None = None,
    document_no: str | None = None,
    note: str = "",
    today: date | None = None,
) -> StepView:
    """事先告知 (行政处罚法 art. 44) served on ``on_date``: the proposed measures, the right to
    陈述申辩 within its working days (5, or the bureau's setting) and, where art. 63 gives it,
    to ask for a hearing within 5 days."""

    def check(session: Session, row: Case, view: CaseView) -> _Draft:
        officer = _officer_of(ws, row, by, Term("事先告知"))
        proposed = [m for m in view.live_measures if m.kind in rules.PENALTY]
        if not proposed:
            raise InvalidInput("事先告知须写明拟作出的处罚：请先记录处罚措施（case measure）")
        days = statement_days or setting_days(
            ws, rules.STATEMENT_DAYS_SETTING, rules.STATEMENT_DAYS
        )
        if days < 1:
            raise InvalidInput("陈述申辩期限至少 1 个工作日")
        hearing = hearing_right(ws, view)
        row.notified_on = on_date
        row.statement_days = days
        row.hearing_days = rules.HEARING_DAYS if hearing else None
        cal = calendar_of(ws)
        view = case_view(session, row)
        statement = statement_last_day(view, cal)
        assert statement is not None
        facts = _service_facts(way, recipient, witness, consent)
        facts.update(
            {
                "measures": [m.id for m in proposed],
                "statement_days": days,
                "statement_last_day": statement.day.isoformat(),
                "hearing": hearing,
                "provisional": statement.provisional,
            }
        )
        if hearing:
            last = hearing_last_day(view, cal)
            assert last is not None
            facts["hearing_days"] = row.hearing_days
            facts["hearing_last_day"] = last.day.isoformat()
            facts["provisional"] = facts["provisional"] or last.provisional
        return _Draft([officer], facts, rules.NOTIFIED)

    return _take_step(
        ws,
        case,
        rules.NOTIFY,
        on_date=on_date,
        today=today,
        note=note,
        document_no=document_no,
        check=check,
    )


def statement(
    ws: Workspace,
    case: str,
    *,
    on_date: date,
    text: str,
    by: str | None = None,
    oral: bool = False,
    note: str = "",
    today: date | None = None,
) -> StepView:
    """The party's 陈述申辩 received (in writing, or ``oral`` and put in a 笔录)."""

    def check(session: Session, row: Case, view: CaseView) -> _Draft:
        officer = _officer_of(ws, row, by, Term("记录陈述申辩"))
        said = _require_text(text, Term("陈述申辩的内容"))
        last = statement_last_day(view, calendar_of(ws))
        late = last is not None and on_date > last.day
        return _Draft([officer], {"text": said, "oral": oral, "late": late}, rules.HEARD)

    return _take_step(
        ws, case, rules.STATEMENT, on_date=on_date, today=today, note=note, check=check
    )


def waive(
    ws: Workspace,
    case: str,
    *,
    on_date: date,
    written: bool,
    by: str | None = None,
    note: str = "",
    today: date | None = None,
) -> StepView:
    """The party waived 陈述申辩 (and 听证) in writing: the decision need not wait for the
    period to end."""

    def check(session: Session, row: Case, view: CaseView) -> _Draft:
        officer = _officer_of(ws, row, by, Term("记录放弃陈述申辩"))
        if not written:
            raise InvalidInput("放弃陈述申辩和听证须有当事人的书面声明")
        return _Draft([officer], {"written": True}, rules.HEARD)

    return _take_step(ws, case, rules.WAIVE, on_date=on_date, today=today, note=note, check=check)


def hearing_request(
    ws: Workspace,
    case: str,
    *,
    on_date: date,
    by: str | None = None,
    note: str = "",
    today: date | None = None,
) -> StepView:
    """The party asked for a hearing, within 5 days of the notice (行政处罚法 art. 64)."""

    def check(session: Session, row: Case, view: CaseView) -> _Draft:
        officer = _officer_of(ws, row, by, Term("记录听证申请"))
        if row.hearing_days is None:
            raise InvalidInput("拟作出的处罚不属于听证范围（行政处罚法第六十三条），未告知听证权利")
        last = hearing_last_day(view, calendar_of(ws))
        assert last is not None
        if on_date > last.day:
            raise InvalidInput(
                "申请听证的期限 {last} 已过（行政处罚法第六十四条：告知后五日内提出）",
                last=last.shown(),
            )
        if view.has(rules.WAIVE):
            raise InvalidInput("当事人已书面放弃听证")
        return _Draft([officer], {"last_day": last.day.isoformat()}, rules.HEARD)

    return _take_step(
        ws, case, rules.HEARING_REQUEST, on_date=on_date, today=today, note=note, check=check
    )


def hearing(
    ws: Workspace,
    case: str,
    *,
    on_date: date,
    host: str,
    host_no: str | None = None,
    summary: str,
    note: str = "",
    today: date | None = None,
) -> StepView:
    """The hearing held, hosted by someone who did not investigate the case (行政处罚法 art.
    64(四)); ``summary``: what the 听证笔录 records."""

    def check(session: Session, row: Case, view: CaseView) -> _Draft:
        if not view.has(rules.HEARING_REQUEST):
            raise InvalidInput("当事人没有申请听证：听证须在申请之后（行政处罚法第六十四条）")
        who = _require_text(host, Term("听证主持人"))
        _not_officer(
            row, who, host_no, rules.HOST, Term("行政处罚法第六十四条：由非本案调查人员主持")
        )
        text = _require_text(summary, Term("听证情况"))
        return _Draft([_person(rules.HOST, who, host_no)], {"summary": text}, rules.HEARD)

    return _take_step(ws, case, rules.HEARING, on_date=on_date, today=today, note=note, check=check)


def decide(
    ws: Workspace,
    case: str,
    *,
    on_date: date,
    approver: str,
    document_no: str | None = None,
    note: str = "",
    today: date | None = None,
) -> StepView:
    """行政处罚决定, by the 负责人: only once the party was heard (行政处罚法 arts. 44, 62): its
    periods have passed, or it waived them in writing, or the hearing it asked for was held;
    and within the case's period (art. 60, with approved extensions)."""

    def check(session: Session, row: Case, view: CaseView) -> _Draft:
        who = _require_text(approver, Term("作出决定的负责人"))
        if who in {o["name"] for o in row.officers or []}:
            raise InvalidInput("作出决定的负责人不能是本案承办人")
        cal = calendar_of(ws)
        requested = view.last(rules.HEARING_REQUEST)
        held = view.last(rules.HEARING)
        if requested is not None and (held is None or held.on_date < requested.on_date):
            raise InvalidInput("当事人申请了听证：须先举行听证再作出决定（行政处罚法第六十四条）")
        if requested is None and not view.has(rules.WAIVE):
            for last, what in (
                (statement_last_day(view, cal), Term("陈述申辩")),
                (hearing_last_day(view, cal), Term("申请听证")),
            ):
                if last is not None and on_date <= last.day:
                    raise InvalidInput(
                        "{what}期限至 {last}：期满或当事人书面放弃后才能作出决定"
                        "（行政处罚法第六十二条）",
                        what=what,
                        last=last.shown(),
                    )
        deadline = case_last_day(view, cal)
        if deadline is not None and on_date > deadline.day:
            raise InvalidInput(
                "办案期限已于 {last} 届满：须在期限内作出决定或经批准延期（行政处罚法第六十条）",
                last=deadline.shown(),
            )
        measures = [m.id for m in view.live_measures if m.kind in rules.PENALTY]
        row.decided_on = on_date
        return _Draft([_person(rules.APPROVER, who)], {"measures": measures}, rules.DECIDED)

    return _take_step(
        ws,
        case,
        rules.DECIDE,
        on_date=on_date,
        today=today,
        note=note,
        document_no=document_no,
        check=check,
    )


def serve(
    ws: Workspace,
    case: str,
    *,
    on_date: date,
    way: str,
    recipient: str | None = None,
    witness: str | None = None,
    consent: bool = False,
    by: str | None = None,
    note: str = "",
    today: date | None = None,
) -> StepView:
    """送达 of the decision (送达回证): the way (直接/留置/邮寄/电子/公告), the day, the
    recipient and, for 留置, the witness. Later than 7 working days is recorded as late."""

    def check(session: Session, row: Case, view: CaseView) -> _Draft:
        officer = _officer_of(ws, row, by, Term("送达"))
        officer["role"] = rules.SERVER
        facts = _service_facts(way, recipient, witness, consent)
        last = service_last_day(view, calendar_of(ws))
        facts["late"] = last is not None and on_date > last.day
        row.served_on = on_date
        return _Draft([officer], facts, rules.SERVED)

    return _take_step(ws, case, rules.SERVE, on_date=on_date, today=today, note=note, check=check)


def execute(
    ws: Workspace,
    case: str,
    *,
    on_date: date,
    reason: str = "",
    by: str | None = None,
    note: str = "",
    today: date | None = None,
) -> StepView:
    """执行 done: every sum decided is paid, or ``reason`` says why the case goes on without
    (e.g. 已申请人民法院强制执行)."""

    def check(session: Session, row: Case, view: CaseView) -> _Draft:
        officer = _officer_of(ws, row, by, Term("记录执行情况"))
        owed = [
            m
            for m in view.live_measures
            if m.kind in rules.PENALTY and m.kind in rules.MONEY and m.owed_fen
        ]
        text = reason.strip()
        if owed and not text:
            from inspector.inspections import format_fen

            listed = "、".join(f"{m.name} {format_fen(m.owed_fen)} 元" for m in owed)
            raise InvalidInput(
                "尚未缴清：{listed}。缴清后，或写明不能执行完毕的理由（如已申请人民法院强制执行）"
                "后才能记录执行",
                listed=listed,
            )
        return _Draft([officer], {"complete": not owed, "reason": text}, rules.EXECUTED)

    return _take_step(ws, case, rules.EXECUTE, on_date=on_date, today=today, note=note, check=check)


def close(
    ws: Workspace,
    case: str,
    *,
    on_date: date,
    approver: str,
    note: str = "",
    today: date | None = None,
) -> StepView:
    """结案 (结案报告), approved by the 负责人, after 执行."""

    def check(session: Session, row: Case, view: CaseView) -> _Draft:
        who = _require_text(approver, Term("批准结案的负责人"))
        executed = view.last(rules.EXECUTE)
        reason = (executed.facts.get("reason") if executed else "") or "执行完毕"
        _ended(row, on_date, reason)
        return _Draft([_person(rules.APPROVER, who)], {"reason": reason}, rules.CLOSED)

    return _take_step(ws, case, rules.CLOSE, on_date=on_date, today=today, note=note, check=check)


def extend(
    ws: Workspace,
    case: str,
    *,
    on_date: date,
    days: int,
    approver: str,
    reason: str,
    collective: bool = False,
    today: date | None = None,
) -> StepView:
    """An extension of the case's period, approved before it ends: the first, of up to 30 days,
    by the 负责人; a further one only by the 负责人 collectively (集体讨论)."""

    def check(session: Session, row: Case, view: CaseView) -> _Draft:
        who = _require_text(approver, Term("批准延期的负责人"))
        text = _require_text(reason, Term("延期的理由"))
        if days < 1:
            raise InvalidInput("延长的天数至少为 1 天")
        last = case_last_day(view, calendar_of(ws))
        if last is not None and on_date > last.day:
            raise InvalidInput("办案期限已于 {last} 届满，不能事后延期", last=last.shown())
        first = not row.extensions
        if first and days > rules.FIRST_EXTENSION_DAYS and not collective:
            raise InvalidInput(
                "经负责人批准可延长 {days} 天以内；更长须经负责人集体讨论决定",
                days=rules.FIRST_EXTENSION_DAYS,
            )
        if not first and not collective:
            raise InvalidInput("再次延期须经负责人集体讨论决定（--collective）")
        entry = {"days": days, "on": on_date.isoformat(), "approved_by": who, "reason": text}
        entry["collective"] = collective
        row.extensions = [*(row.extensions or []), entry]
        return _Draft([_person(rules.APPROVER, who)], dict(entry), None)

    return _take_step(ws, case, rules.EXTEND, on_date=on_date, today=today, check=check)
