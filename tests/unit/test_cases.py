"""The case procedure's core (inspector/cases/): a finding carried from 立案 to 结案, each
skipped or out-of-order step refused with its rule, dates in the future or before the visit,
the wrong person, fines out of their article's range, payments, and the 解除 flag."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from inspector.cases import rules, steps
from inspector.cases.core import CaseFilter, get_case, list_cases, open_case
from inspector.cases.deadlines import case_deadlines, due_cases
from inspector.cases.measures import add_measure, add_payment, cancel_measure
from inspector.db.models import AuditEvent, Case, CaseStep, LedgerEntry
from inspector.errors import InvalidInput
from inspector.workspace import Workspace
from tests.helpers.ledger import signed_inspection, team_keys

OFFICERS = ["370100001", "370100002"]
VISIT = date(2025, 9, 22)  # a Monday, a week before the 2025 National Day holidays
FAR = date(2026, 12, 31)  # "today" in these tests: every date below is in the past


@pytest.fixture
def keys(workspace: Workspace) -> dict[str, str]:
    return team_keys(workspace)


def _finding(ws: Workspace, keys: dict[str, str], name: str = "历城区甲卫生院") -> str:
    """A signed inspection's finding, its visit moved to :data:`VISIT` (as if made then)."""
    signed_inspection(ws, keys, name, [("P5.1", "1200", "VH04")])
    with ws.change(None, "test.backdate") as ch:
        row = ch.session.scalars(
            select(LedgerEntry).where(LedgerEntry.institution_name == name)
        ).one()
        row.found_on = VISIT
        return row.id


def _events(ws: Workspace) -> int:
    with ws.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def _state(ws: Workspace) -> Any:
    with ws.db.session() as session:
        case = session.scalars(select(Case)).all()
        counted = session.scalar(select(func.count()).select_from(CaseStep))
        return [(c.stage, c.decided_on, c.notified_on) for c in case], counted, _events(ws)


def refused(ws: Workspace, call: Any, *words: str) -> str:
    """``call`` is refused with a message holding ``words``, and nothing stored changed."""
    before = _state(ws)
    with pytest.raises(InvalidInput) as caught:
        call()
    message = str(caught.value)
    for word in words:
        assert word in message, message
    assert _state(ws) == before
    return message


def _day(n: int) -> date:
    return VISIT + timedelta(days=n)


def _to_reviewed(ws: Workspace, entry: str) -> str:
    case_id = open_case(ws, entries=[entry], summary="串换药品", on_date=_day(1), today=FAR)
    steps.file_case(ws, case_id, on_date=_day(2), officers=OFFICERS, approver="王局长", today=FAR)
    steps.investigate(
        ws, case_id, on_date=_day(3), facts="串换药品 1,200 元", by=OFFICERS[0], today=FAR
    )
    steps.review(
        ws,
        case_id,
        on_date=_day(4),
        reviewer="赵审核",
        reviewer_no="F001",
        opinion="同意",
        today=FAR,
    )
    return case_id


def test_one_finding_through_every_stage_to_closed(
    workspace: Workspace, keys: dict[str, str]
) -> None:
    ws = workspace
    entry = _finding(ws, keys)
    case_id = _to_reviewed(ws, entry)
    refund = add_measure(ws, case_id, "refund", amount="1200", on_date=_day(4), today=FAR)
    fine = add_measure(
        ws, case_id, "fine", article="38", basis="1200", amount="1800", on_date=_day(4), today=FAR
    )
    told = steps.notify(
        ws, case_id, on_date=_day(5), way="direct", recipient="钱院长", by=OFFICERS[0], today=FAR
    )
    # 2025-09-27 (Mon 22 + 5): notice on Saturday the 27th, a rest day; five working
    # days after it: 28 (Sun, 调休 working), 29, 30, then 1-8 October off, then 9, 10.
    assert told.facts["statement_last_day"] == "2025-10-10"
    assert told.facts["hearing"] is False
    steps.statement(
        ws, case_id, on_date=_day(8), text="对金额无异议，请求从轻", by=OFFICERS[1], today=FAR
    )
    refused(
        ws,
        lambda: steps.decide(ws, case_id, on_date=date(2025, 10, 10), approver="王局长", today=FAR),
        "陈述申辩期限至 2025-10-10",
        "行政处罚法第六十二条",
    )
    steps.decide(
        ws,
        case_id,
        on_date=date(2025, 10, 11),
        approver="王局长",
        document_no="历医保罚〔2025〕1号",
        today=FAR,
    )
    steps.serve(
        ws,
        case_id,
        on_date=date(2025, 10, 13),
        way="lodged",
        recipient="钱院长",
        witness="孙某",
        by=OFFICERS[0],
        today=FAR,
    )
    refused(
        ws,
        lambda: steps.execute(ws, case_id, on_date=date(2025, 10, 20), by=OFFICERS[0], today=FAR),
        "尚未缴清",
        "责令退回 1,200.00 元",
        "罚款 1,800.00 元",
    )
    add_payment(ws, case_id, refund.id[:8], amount="1200", on_date=date(2025, 10, 20), today=FAR)
    add_payment(ws, case_id, fine.id[:8], amount="1800", on_date=date(2025, 10, 21), today=FAR)
    steps.execute(ws, case_id, on_date=date(2025, 10, 21), by=OFFICERS[0], today=FAR)
    steps.close(ws, case_id, on_date=date(2025, 10, 22), approver="王局长", today=FAR)
    case = get_case(ws, case_id[:8])
    assert case.stage == rules.CLOSED
    assert [s.kind for s in case.steps] == [
        "file",
        "investigate",
        "review",
        "notify",
        "statement",
        "decide",
        "serve",
        "execute",
        "close",
    ]
    assert case.steps[6].facts["witness"] == "孙某"
    assert [(m.kind, m.amount_fen, m.paid_fen) for m in case.measures] == [
        ("refund", 120000, 120000),
        ("fine", 180000, 180000),
    ]
    assert case.ended_on == date(2025, 10, 22)
    assert list_cases(ws, CaseFilter(stage="active")) == []
    # The inspection's log (全过程记录) goes on into its case: every step one event.
    from inspector.audit import event_data, events

    with ws.db.session() as session:
        inspection_id = session.get(LedgerEntry, entry).inspection_id  # type: ignore[union-attr]
    logged = [event_data(e) for e in events(ws, inspection=inspection_id)]
    actions = [e["action"] for e in logged if e["action"].startswith("case.")]
    assert actions == [
        "case.open",
        "case.file",
        "case.investigate",
        "case.review",
        "case.measure",
        "case.measure",
        "case.notify",
        "case.statement",
        "case.decide",
        "case.serve",
        "case.payment",
        "case.payment",
        "case.execute",
        "case.close",
    ]
    assert next(e for e in logged if e["action"] == "case.decide")["action_name"] == "作出处罚决定"


def test_each_skipped_step_is_refused_naming_its_rule(
    workspace: Workspace, keys: dict[str, str]
) -> None:
    ws = workspace
    entry = _finding(ws, keys)
    case_id = open_case(ws, entries=[entry], on_date=_day(1), today=FAR)
    on = _day(2)
    refused(
        ws,
        lambda: steps.investigate(ws, case_id, on_date=on, facts="x", today=FAR),
        "待立案",
        "调查终结须在立案之后",
    )
    refused(
        ws,
        lambda: steps.decide(ws, case_id, on_date=on, approver="王", today=FAR),
        "行政处罚法第四十四条",
    )
    refused(
        ws,
        lambda: steps.close(ws, case_id, on_date=on, approver="王", today=FAR),
        "结案须在执行完毕",
    )
    steps.file_case(ws, case_id, on_date=on, officers=OFFICERS, approver="王局长", today=FAR)
    refused(
        ws,
        lambda: steps.review(ws, case_id, on_date=on, reviewer="赵", opinion="同意", today=FAR),
        "法制审核须在调查终结之后",
    )
    refused(
        ws,
        lambda: steps.notify(ws, case_id, on_date=on, by=OFFICERS[0], today=FAR),
        "事先告知须在法制审核通过之后",
    )
    steps.investigate(ws, case_id, on_date=on, facts="事实", by=OFFICERS[0], today=FAR)
    refused(
        ws,
        lambda: steps.notify(ws, case_id, on_date=on, by=OFFICERS[0], today=FAR),
        "事先告知须在法制审核通过之后",
    )
    steps.review(ws, case_id, on_date=on, reviewer="赵审核", opinion="同意", today=FAR)
    refused(
        ws,
        lambda: steps.notify(ws, case_id, on_date=on, by=OFFICERS[0], today=FAR),
        "请先记录处罚措施",
    )
    add_measure(ws, case_id, "refund", amount="1200", on_date=on, today=FAR)
    refused(
        ws,
        lambda: steps.serve(
            ws, case_id, on_date=on, way="direct", recipient="钱", by=OFFICERS[0], today=FAR
        ),
        "送达须在作出决定之后",
    )
    refused(
        ws,
        lambda: steps.hearing(ws, case_id, on_date=on, host="周", summary="x", today=FAR),
        "听证须在当事人申请听证之后",
    )
    steps.notify(ws, case_id, on_date=on, by=OFFICERS[0], recipient="钱", today=FAR)
    refused(
        ws,
        lambda: steps.execute(ws, case_id, on_date=on, by=OFFICERS[0], today=FAR),
        "执行须在决定书送达之后",
    )
    # A penalty measure added after the notice would be a heavier penalty not told.
    refused(
        ws,
        lambda: add_measure(
            ws, case_id, "fine", article="38", basis="1200", amount="1500", on_date=on, today=FAR
        ),
        "行政处罚法第四十四条、第四十五条",
    )
    # Waived in writing: the decision need not wait for the days to pass.
    refused(
        ws,
        lambda: steps.waive(ws, case_id, on_date=on, written=False, by=OFFICERS[0], today=FAR),
        "书面声明",
    )
    steps.waive(ws, case_id, on_date=on, written=True, by=OFFICERS[0], today=FAR)
    steps.decide(ws, case_id, on_date=on, approver="王局长", today=FAR)
    refused(
        ws,
        lambda: steps.file_case(
            ws, case_id, on_date=on, officers=OFFICERS, approver="王", today=FAR
        ),
        "每个案件只立案一次",
    )


def test_dates_in_the_future_before_the_visit_or_before_the_last_step_are_refused(
    workspace: Workspace, keys: dict[str, str]
) -> None:
    ws = workspace
    entry = _finding(ws, keys)
    refused(
        ws,
        lambda: open_case(ws, entries=[entry], on_date=VISIT - timedelta(days=1), today=FAR),
        "早于检查日期 2025-09-22",
    )
    case_id = open_case(ws, entries=[entry], on_date=_day(1), today=FAR)
    refused(
        ws,
        lambda: steps.file_case(
            ws,
            case_id,
            on_date=FAR + timedelta(days=1),
            officers=OFFICERS,
            approver="王",
            today=FAR,
        ),
        "晚于今天",
    )
    refused(
        ws,
        lambda: steps.file_case(
            ws,
            case_id,
            on_date=VISIT - timedelta(days=3),
            officers=OFFICERS,
            approver="王",
            today=FAR,
        ),
        "早于检查日期",
    )
    steps.file_case(ws, case_id, on_date=_day(5), officers=OFFICERS, approver="王局长", today=FAR)
    refused(
        ws,
        lambda: steps.investigate(
            ws, case_id, on_date=_day(4), facts="x", by=OFFICERS[0], today=FAR
        ),
        "早于上一步“立案”的日期",
    )
    steps.investigate(ws, case_id, on_date=_day(6), facts="x", by=OFFICERS[0], today=FAR)
    steps.review(ws, case_id, on_date=_day(6), reviewer="赵审核", opinion="同意", today=FAR)
    add_measure(ws, case_id, "refund", amount="100", on_date=_day(6), today=FAR)
    steps.notify(ws, case_id, on_date=_day(6), by=OFFICERS[0], recipient="钱", today=FAR)
    refused(
        ws,
        lambda: steps.statement(ws, case_id, on_date=_day(5), text="x", by=OFFICERS[0], today=FAR),
        "早于上一步",
    )


def test_the_wrong_person_is_refused(workspace: Workspace, keys: dict[str, str]) -> None:
    ws = workspace
    entry = _finding(ws, keys)
    case_id = open_case(ws, entries=[entry], on_date=_day(1), today=FAR)
    refused(
        ws,
        lambda: steps.file_case(
            ws, case_id, on_date=_day(2), officers=OFFICERS[:1], approver="王", today=FAR
        ),
        "至少两名执法人员",
        "行政处罚法第四十二条",
    )
    refused(
        ws,
        lambda: steps.file_case(
            ws, case_id, on_date=_day(2), officers=[OFFICERS[0], "999999"], approver="王", today=FAR
        ),
        "999999",
    )
    steps.file_case(ws, case_id, on_date=_day(2), officers=OFFICERS, approver="王局长", today=FAR)
    refused(
        ws,
        lambda: steps.investigate(
            ws, case_id, on_date=_day(2), facts="x", by="370199999", today=FAR
        ),
        "不是本案承办人",
    )
    steps.investigate(ws, case_id, on_date=_day(2), facts="x", by=OFFICERS[0], today=FAR)
    refused(
        ws,
        lambda: steps.review(
            ws, case_id, on_date=_day(3), reviewer="张伟", opinion="同意", today=FAR
        ),
        "法制审核人员不能是本案承办人",
    )
    refused(
        ws,
        lambda: steps.review(
            ws,
            case_id,
            on_date=_day(3),
            reviewer="某人",
            reviewer_no=OFFICERS[1],
            opinion="同意",
            today=FAR,
        ),
        "法制审核人员不能是本案承办人",
    )
    # A review that does not pass sends the case back to 调查取证.
    steps.review(
        ws, case_id, on_date=_day(3), reviewer="赵审核", opinion="证据不足", passed=False, today=FAR
    )
    assert get_case(ws, case_id).stage == rules.FILED


def _fine(ws: Workspace, case_id: str, amount: str, **extra: Any) -> Any:
    return add_measure(ws, case_id, "fine", amount=amount, on_date=_day(4), today=FAR, **extra)


def test_a_fine_out_of_its_articles_range_is_refused(
    workspace: Workspace, keys: dict[str, str]
) -> None:
    ws = workspace
    case_id = _to_reviewed(ws, _finding(ws, keys))
    # 条例 art. 38: 1-2 × the loss (1,200 yuan): 1,200 – 2,400.
    refused(
        ws,
        lambda: _fine(ws, case_id, "2400.01", article="38", basis="1200"),
        "高于条例第38条的上限 2,400.00 元",
        "1倍以上2倍以下",
    )
    refused(
        ws,
        lambda: _fine(ws, case_id, "1199", article="38", basis="1200"),
        "低于条例第38条的下限 1,200.00 元",
        "减轻",
    )
    # Art. 40: 2-5 × the amount obtained by fraud: 5× is the limit, 6× is refused.
    refused(ws, lambda: _fine(ws, case_id, "7200", article="40", basis="1200"), "上限 6,000.00 元")
    assert _fine(ws, case_id, "6000", article="40", basis="1200").amount_fen == 600000
    # Art. 41 is for individuals; this party is an institution.
    refused(ws, lambda: _fine(ws, case_id, "3000", article="41", basis="1200"), "适用于个人")
    # Art. 39: 10,000 – 50,000 yuan.
    refused(ws, lambda: _fine(ws, case_id, "60000", article="39"), "上限 50,000.00 元")
    # 减轻 goes below the lower limit, with its reason; 从轻/从重 stay within and give one.
    refused(
        ws,
        lambda: _fine(ws, case_id, "1000", article="38", basis="1200", discretion="减轻"),
        "减轻处罚须写明理由",
    )
    assert (
        _fine(
            ws,
            case_id,
            "1000",
            article="38",
            basis="1200",
            discretion="减轻",
            reason="主动退回，配合调查",
        ).discretion
        == "mitigated"
    )
    refused(
        ws,
        lambda: _fine(
            ws, case_id, "1300", article="38", basis="1200", discretion="mitigated", reason="x"
        ),
        "请选从轻",
    )
    refused(
        ws,
        lambda: _fine(
            ws, case_id, "2600", article="38", basis="1200", discretion="从重", reason="多次违规"
        ),
        "上限",
    )
    refused(
        ws,
        lambda: _fine(ws, case_id, "1000", article="37", basis="1200"),
        "第三十八、三十九、四十或四十一条",
    )
    refused(ws, lambda: _fine(ws, case_id, "1000", article="38"), "造成损失金额")
    # Before the case was filed (2025-09-24), no penalty is proposed.
    refused(
        ws,
        lambda: add_measure(ws, case_id, "refund", amount="1", on_date=_day(1), today=FAR),
        "早于立案日期 2025-09-24",
    )
    # A suspension's months from its article.
    refused(
        ws,
        lambda: add_measure(
            ws, case_id, "suspend_service", article="38", months=3, on_date=_day(4), today=FAR
        ),
        "6 至 12 个月",
    )


def test_payments_are_after_the_decision_and_never_beyond_what_is_owed(
    workspace: Workspace, keys: dict[str, str]
) -> None:
    ws = workspace
    case_id = _to_reviewed(ws, _finding(ws, keys))
    refund = add_measure(ws, case_id, "refund", amount="1200", on_date=_day(4), today=FAR)
    refused(
        ws,
        lambda: add_payment(ws, case_id, refund.id, amount="100", on_date=_day(4), today=FAR),
        "尚未决定",
    )
    steps.notify(ws, case_id, on_date=_day(4), by=OFFICERS[0], recipient="钱", today=FAR)
    steps.waive(ws, case_id, on_date=_day(4), written=True, by=OFFICERS[0], today=FAR)
    steps.decide(ws, case_id, on_date=_day(5), approver="王局长", today=FAR)
    refused(
        ws,
        lambda: add_payment(ws, case_id, refund.id, amount="1200.01", on_date=_day(6), today=FAR),
        "超过责令退回金额 1,200.00 元",
    )
    refused(
        ws,
        lambda: add_payment(ws, case_id, refund.id, amount="10", on_date=_day(4), today=FAR),
        "早于决定日期",
    )
    add_payment(ws, case_id, refund.id, amount="1000", on_date=_day(6), today=FAR)
    refused(
        ws,
        lambda: add_payment(ws, case_id, refund.id, amount="300", on_date=_day(7), today=FAR),
        "缴纳合计 1,300.00 元",
    )
    with pytest.raises(InvalidInput, match="决定作出后不能撤回"):
        cancel_measure(ws, case_id, refund.id, reason="x")


def test_a_hearing_is_asked_for_within_five_working_days_and_held_by_a_non_officer(
    workspace: Workspace, keys: dict[str, str]
) -> None:
    ws = workspace
    case_id = _to_reviewed(ws, _finding(ws, keys))
    add_measure(ws, case_id, "suspend_service", article="38", months=6, on_date=_day(4), today=FAR)
    told = steps.notify(ws, case_id, on_date=_day(5), by=OFFICERS[0], recipient="钱", today=FAR)
    assert told.facts["hearing"] is True
    assert told.facts["hearing_last_day"] == "2025-10-10"  # over the National Day holidays
    refused(
        ws,
        lambda: steps.hearing_request(
            ws, case_id, on_date=date(2025, 10, 11), by=OFFICERS[0], today=FAR
        ),
        "申请听证的期限 2025-10-10 已过",
    )
    steps.hearing_request(ws, case_id, on_date=date(2025, 10, 9), by=OFFICERS[0], today=FAR)
    refused(
        ws,
        lambda: steps.decide(ws, case_id, on_date=date(2025, 10, 20), approver="王局长", today=FAR),
        "须先举行听证",
    )
    refused(
        ws,
        lambda: steps.hearing(
            ws, case_id, on_date=date(2025, 10, 16), host="李娜", summary="x", today=FAR
        ),
        "听证主持人不能是本案承办人",
        "第六十四条",
    )
    steps.hearing(
        ws, case_id, on_date=date(2025, 10, 16), host="周主持", summary="当事人到场申辩", today=FAR
    )
    steps.decide(ws, case_id, on_date=date(2025, 10, 20), approver="王局长", today=FAR)


def test_the_case_period_and_its_extensions(workspace: Workspace, keys: dict[str, str]) -> None:
    ws = workspace
    entry = _finding(ws, keys)
    case_id = open_case(ws, entries=[entry], on_date=_day(1), today=FAR)
    steps.file_case(
        ws, case_id, on_date=date(2025, 9, 23), officers=OFFICERS, approver="王局长", today=FAR
    )
    case = get_case(ws, case_id)
    # 90 days after 2025-09-23 is 2025-12-22, a Monday.
    (running,) = case_deadlines(case, date(2025, 12, 20))
    assert (running.what, running.deadline.last_day, running.state) == (
        "办案期限",
        date(2025, 12, 22),
        "due",
    )
    refused(
        ws,
        lambda: steps.extend(
            ws,
            case_id,
            on_date=date(2025, 12, 1),
            days=60,
            approver="王局长",
            reason="案情复杂",
            today=FAR,
        ),
        "30 天以内",
    )
    steps.extend(
        ws,
        case_id,
        on_date=date(2025, 12, 1),
        days=30,
        approver="王局长",
        reason="案情复杂",
        today=FAR,
    )
    refused(
        ws,
        lambda: steps.extend(
            ws,
            case_id,
            on_date=date(2025, 12, 2),
            days=30,
            approver="王局长",
            reason="x",
            today=FAR,
        ),
        "集体讨论",
    )
    # 120 days: 2026-01-21.
    (running,) = case_deadlines(get_case(ws, case_id), date(2026, 1, 22))
    assert (running.deadline.last_day, running.state) == (date(2026, 1, 21), "late")
    assert [d.what for d in due_cases(ws, date(2026, 1, 22))] == ["办案期限"]
    assert due_cases(ws, date(2025, 12, 1)) == []


def test_a_case_takes_findings_of_one_institution_once(
    workspace: Workspace, keys: dict[str, str]
) -> None:
    ws = workspace
    first = _finding(ws, keys, "甲卫生院")
    other = _finding(ws, keys, "乙卫生院")
    refused(
        ws,
        lambda: open_case(ws, entries=[first, other], on_date=_day(1), today=FAR),
        "只能针对一家机构",
    )
    case_id = open_case(ws, entries=[first], on_date=_day(1), today=FAR)
    refused(
        ws,
        lambda: open_case(ws, entries=[first], on_date=_day(1), today=FAR),
        f"已在案件 {case_id[:8]} 中",
    )
    steps.not_file(
        ws, case_id, on_date=_day(2), reason="情节轻微，已当场改正", approver="王局长", today=FAR
    )
    assert get_case(ws, case_id).stage == rules.NOT_FILED
    # An ended case frees its findings.
    open_case(ws, entries=[first], on_date=_day(3), today=FAR)


def test_a_terminated_agreement_flags_the_institution_and_keeps_it_out_of_the_draw(
    workspace: Workspace, keys: dict[str, str]
) -> None:
    from inspector.cases.measures import terminated_until
    from inspector.planning.service import candidates, terminated_candidates
    from inspector.registry import find_institution

    ws = workspace
    entry = _finding(ws, keys, "历城区甲卫生院")
    _finding(ws, keys, "历城区乙卫生院")
    assert {c.name for c in candidates(ws)} == {"历城区甲卫生院", "历城区乙卫生院"}
    case_id = open_case(ws, entries=[entry], on_date=_day(1), today=FAR)
    steps.file_case(ws, case_id, on_date=_day(2), officers=OFFICERS, approver="王局长", today=FAR)
    # An interview is no termination: nothing flagged.
    add_measure(ws, case_id, "约谈", on_date=_day(2), today=FAR)
    assert find_institution(ws, "历城区甲卫生院").agreement_terminated_on is None
    ended = date.today() - timedelta(days=30)
    add_measure(ws, case_id, "解除协议", on_date=ended, today=FAR)
    info = find_institution(ws, "历城区甲卫生院")
    assert info.agreement_terminated_on == ended
    assert info.terminated_message is not None
    assert f"{terminated_until(ended):%Y-%m-%d} 前不得重新纳入定点" in info.terminated_message
    assert terminated_until(date(2026, 2, 28)) == date(2029, 2, 28)
    assert [c.name for c in candidates(ws)] == ["历城区乙卫生院"]
    assert terminated_candidates(ws) == [("历城区甲卫生院", ended)]
    assert terminated_candidates(ws, districts=["槐荫区"]) == []


def test_a_case_from_a_lead_against_a_person(workspace: Workspace) -> None:
    ws = workspace
    ws.actor = OFFICERS[0]
    refused(ws, lambda: open_case(ws, summary="x", today=FAR), "来自一条线索")
    refused(ws, lambda: open_case(ws, lead_id="L-1", today=FAR), "请写明当事人")
    on = date(2026, 3, 2)
    case_id = open_case(
        ws,
        lead_id="L-2026-07",
        party_name="王某",
        party_kind="person",
        summary="冒名就医",
        on_date=on,
        today=FAR,
    )
    case = get_case(ws, case_id)
    assert (case.lead_id, case.party_kind, case.visit_on, case.entry_ids) == (
        "L-2026-07",
        "person",
        on,
        [],
    )
    with workspace.change(None, "test.officers") as ch:  # the officers are known inspectors
        from inspector.db.models import Inspector

        for number, name in zip(OFFICERS, ("张伟", "李娜"), strict=True):
            ch.add(Inspector(name=name, cert_no=number))
    steps.file_case(ws, case_id, on_date=on, officers=OFFICERS, approver="王局长", today=FAR)
    refused(
        ws,
        lambda: add_measure(
            ws, case_id, "fine", article="38", basis="800", amount="800", on_date=on, today=FAR
        ),
        "适用于定点医药机构",
    )
    assert (
        add_measure(
            ws, case_id, "fine", article="41", basis="800", amount="1600", on_date=on, today=FAR
        ).amount_fen
        == 160000
    )
    refused(
        ws,
        lambda: add_measure(
            ws, case_id, "suspend_person", article="41", months=13, on_date=on, today=FAR
        ),
        "3 至 12 个月",
    )
    suspended = add_measure(
        ws, case_id, "suspend_person", article="41", months=3, on_date=on, today=FAR
    )
    assert (suspended.period_from, suspended.period_to) == (on, date(2026, 6, 2))
    refused(ws, lambda: add_measure(ws, case_id, "约谈", on_date=on, today=FAR), "有定点协议的机构")


def test_not_filed_withdrawn_and_terminated_need_their_reason_and_their_stage(
    workspace: Workspace, keys: dict[str, str]
) -> None:
    ws = workspace
    first = open_case(ws, entries=[_finding(ws, keys, "甲卫生院")], on_date=_day(1), today=FAR)
    refused(
        ws,
        lambda: steps.withdraw(ws, first, on_date=_day(2), reason="x", approver="王", today=FAR),
        "撤销立案只能针对已立案",
    )
    refused(
        ws,
        lambda: steps.not_file(ws, first, on_date=_day(2), reason=" ", approver="王", today=FAR),
        "请写明不予立案的理由",
    )
    steps.file_case(ws, first, on_date=_day(2), officers=OFFICERS, approver="王局长", today=FAR)
    refused(
        ws,
        lambda: steps.not_file(ws, first, on_date=_day(3), reason="x", approver="王", today=FAR),
        "不予立案只能针对尚未立案的案源",
    )
    steps.terminate(ws, first, on_date=_day(3), reason="机构已注销", approver="王局长", today=FAR)
    case = get_case(ws, first)
    assert (case.stage, case.end_reason, case.ended_on) == ("terminated", "机构已注销", _day(3))
    refused(
        ws,
        lambda: add_measure(ws, first, "refund", amount="1", on_date=_day(3), today=FAR),
        "案件已结束（已终止）",
    )
    second = open_case(ws, entries=[_finding(ws, keys, "乙卫生院")], on_date=_day(1), today=FAR)
    steps.file_case(ws, second, on_date=_day(2), officers=OFFICERS, approver="王局长", today=FAR)
    # 90 days from the filing on 2025-09-24: 2025-12-23, a Tuesday.
    refused(
        ws,
        lambda: steps.extend(
            ws,
            second,
            on_date=date(2025, 12, 24),
            days=10,
            approver="王局长",
            reason="x",
            today=FAR,
        ),
        "已于 2025-12-23 届满",
    )
    late = date(2025, 12, 24)
    steps.investigate(ws, second, on_date=late, facts="x", by=OFFICERS[0], today=FAR)
    steps.review(ws, second, on_date=late, reviewer="赵审核", opinion="同意", today=FAR)
    add_measure(ws, second, "refund", amount="1", on_date=late, today=FAR)
    steps.notify(ws, second, on_date=late, by=OFFICERS[0], recipient="钱", today=FAR)
    steps.waive(ws, second, on_date=late, written=True, by=OFFICERS[0], today=FAR)
    refused(
        ws,
        lambda: steps.decide(ws, second, on_date=late, approver="王局长", today=FAR),
        "办案期限已于 2025-12-23 届满",
        "行政处罚法第六十条",
    )


def test_a_large_fine_gives_the_right_to_a_hearing(
    workspace: Workspace, keys: dict[str, str]
) -> None:
    ws = workspace
    case_id = _to_reviewed(ws, _finding(ws, keys))
    # 条例 art. 40 on 60,000 yuan obtained by fraud: 120,000 is at least the bureau's 较大数额
    # for an institution (100,000 yuan by default).
    add_measure(
        ws,
        case_id,
        "fine",
        article="40",
        basis="60000",
        amount="120000",
        on_date=_day(4),
        today=FAR,
    )
    told = steps.notify(ws, case_id, on_date=_day(5), by=OFFICERS[0], recipient="钱", today=FAR)
    assert told.facts["hearing"] is True
