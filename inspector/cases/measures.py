"""A case's measures and payments, each kind kept apart (责令退回, 罚款, 没收违法所得, the
suspensions, the agreement's actions) so that refunds, fines and recoveries are never summed
into one figure.

A penalty's measures (:data:`inspector.cases.rules.PENALTY`) are proposed before 事先告知 and
are what it tells the party: after it, a measure can be withdrawn (lighter) but none added or
raised without telling the party again (行政处罚法 art. 45: 不得因当事人陈述申辩而给予更重的
处罚). A fine is checked against the range of the 条例 article chosen (:data:`FINE_RULES`):
outside it, refused, except below the lower limit with 减轻 and its reason (行政处罚法 art. 32);
从轻 and 从重 stay inside the range and give their reason. The agreement's actions (约谈, 拒付/
追回, 暂停结算, 中止/解除协议) are taken by the 经办机构 on their day; a 解除 keeps the
institution out of the 双随机 draw and flags it in the registry for three years
(:func:`terminated_institutions`)."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector import ids
from inspector.cases import rules
from inspector.cases.core import MeasureView, PaymentView, case_change, case_view, check_date
from inspector.db.models import Case, CaseMeasure, CasePayment
from inspector.errors import InvalidInput, Term
from inspector.inspections import format_fen, parse_amount
from inspector.workspace import Workspace


def parse_measure(text: str) -> str:
    found = rules.MEASURE_ALIASES.get(text.strip())
    if found is None:
        allowed = "、".join(f"{k}（{v}）" for k, v in rules.MEASURE_NAMES.items())
        raise InvalidInput("处理措施“{value}”无效，可选：{allowed}", value=text, allowed=allowed)
    return found


def parse_discretion(text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    found = rules.DISCRETION_ALIASES.get(text.strip())
    if found is None:
        raise InvalidInput(
            "裁量情形“{value}”无效，可选：lighter（从轻）、mitigated（减轻）、heavier（从重）",
            value=text,
        )
    return found


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it has no such day)."""
    month = start.month - 1 + months
    year = start.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def fine_range(article: str, basis_fen: int | None) -> tuple[int, int]:
    """The legal range of a fine under ``article`` of 条例, in fen."""
    rule = rules.FINE_RULES.get(article)
    if rule is None:
        raise InvalidInput(
            "罚款依据须为条例第三十八、三十九、四十或四十一条，现为“{article}”", article=article
        )
    if rule.low_times is not None and not basis_fen:
        raise InvalidInput(
            "条例第{article}条的罚款按{basis}的倍数计算：请写明{basis}",
            article=article,
            basis=rule.basis_name,
        )
    return rule.bounds(basis_fen)


def check_fine(
    article: str,
    party_kind: str,
    basis_fen: int | None,
    amount_fen: int,
    discretion: str | None,
    reason: str,
) -> None:
    rule = rules.FINE_RULES.get(article)
    low, high = fine_range(article, basis_fen)
    assert rule is not None
    if rule.party != party_kind:
        raise InvalidInput(
            "条例第{article}条适用于{party}，本案当事人是{actual}",
            article=article,
            party=rules.PARTY_NAMES[rule.party],
            actual=rules.PARTY_NAMES[party_kind],
        )
    if discretion is not None and not reason.strip():
        raise InvalidInput(
            "{discretion}处罚须写明理由", discretion=rules.DISCRETION_NAMES[discretion]
        )
    if amount_fen > high:
        raise InvalidInput(
            "罚款 {amount} 元高于条例第{article}条的上限 {high} 元（{text}）",
            amount=format_fen(amount_fen),
            article=article,
            high=format_fen(high),
            text=rule.text,
        )
    if amount_fen < low and discretion != rules.MITIGATED:
        raise InvalidInput(
            "罚款 {amount} 元低于条例第{article}条的下限 {low} 元（{text}）："
            "低于下限须为减轻处罚并写明理由（行政处罚法第三十二条）",
            amount=format_fen(amount_fen),
            article=article,
            low=format_fen(low),
            text=rule.text,
        )
    if discretion == rules.MITIGATED and amount_fen >= low:
        raise InvalidInput("减轻处罚应低于法定下限 {low} 元；在幅度内请选从轻", low=format_fen(low))


def _still_open(case: Case) -> None:
    if case.stage in rules.ENDED:
        raise InvalidInput(
            "案件已结束（{stage}），不能再记录处理措施或缴款",
            stage=rules.STAGE_NAMES.get(case.stage, case.stage),
        )


def add_measure(
    ws: Workspace,
    case: str,
    kind: str,
    *,
    on_date: date,
    amount: str | None = None,
    article: str | None = None,
    basis: str | None = None,
    discretion: str | None = None,
    reason: str = "",
    months: int | None = None,
    period_from: date | None = None,
    period_to: date | None = None,
    today: date | None = None,
) -> MeasureView:
    """Record a measure (one ``case.measure`` event). Amounts are yuan as typed."""
    code = parse_measure(kind)
    how = parse_discretion(discretion)
    amount_fen = parse_amount(amount)
    basis_fen = parse_amount(basis)
    with case_change(ws, case, "case.measure") as (ch, row):
        session = ch.session
        _still_open(row)
        check_date(on_date, today=today, visit_on=row.visit_on, what=Term("处理措施"))
        if code in rules.PENALTY and row.stage not in (
            rules.FILED,
            rules.INVESTIGATED,
            rules.REVIEWED,
        ):
            raise InvalidInput(
                "处罚措施须在立案后、事先告知前拟定（案件处于“{stage}”阶段）："
                "告知后不得增加或加重，须重新告知（行政处罚法第四十四条、第四十五条）",
                stage=rules.STAGE_NAMES.get(row.stage, row.stage),
            )
        if code in rules.PENALTY and row.filed_on is not None and on_date < row.filed_on:
            raise InvalidInput(
                "处罚措施的日期 {day} 早于立案日期 {filed}", day=on_date, filed=row.filed_on
            )
        fields: dict[str, Any] = {}
        if code in rules.MONEY:
            if not amount_fen:
                raise InvalidInput("请写明{what}的金额", what=rules.MEASURE_NAMES[code])
        elif amount_fen:
            raise InvalidInput("{what}没有金额", what=rules.MEASURE_NAMES[code])
        if code == rules.FINE:
            law = (article or "").strip().lstrip("第").rstrip("条")
            assert amount_fen is not None
            check_fine(law, row.party_kind, basis_fen, amount_fen, how, reason)
            fields.update(article=law, basis_fen=basis_fen, discretion=how)
        elif how is not None:
            raise InvalidInput("从轻、减轻、从重只适用于罚款")
        if code in (rules.SUSPEND_SERVICE, rules.SUSPEND_PERSON):
            law = (article or "").strip().lstrip("第").rstrip("条")
            allowed = rules.SUSPENSION_MONTHS[code]
            if law not in allowed:
                raise InvalidInput(
                    "{what}的依据须为条例第{articles}条",
                    what=rules.MEASURE_NAMES[code],
                    articles="、".join(allowed),
                )
            low, high = allowed[law]
            if months is None or not low <= months <= high:
                raise InvalidInput(
                    "条例第{article}条规定{what} {low} 至 {high} 个月，现为 {months}",
                    article=law,
                    what=rules.MEASURE_NAMES[code],
                    low=low,
                    high=high,
                    months="未写明" if months is None else months,
                )
            if code == rules.SUSPEND_PERSON and row.party_kind != rules.PERSON:
                raise InvalidInput("暂停医疗费用联网结算适用于个人（条例第四十一条）")
            if code == rules.SUSPEND_SERVICE and row.party_kind != rules.ORG:
                raise InvalidInput("暂停医药服务适用于定点医药机构（条例第三十八、四十条）")
            fields.update(article=law)
            start = period_from or on_date
            period_from, period_to = start, add_months(start, months)
        if code in (rules.SUSPEND_SETTLEMENT, rules.HALT):
            if period_from is None or period_to is None:
                raise InvalidInput("{what}须写明起止日期", what=rules.MEASURE_NAMES[code])
            if period_to <= period_from:
                raise InvalidInput("结束日期须晚于开始日期")
        if code in rules.AGREEMENT and row.institution_id is None:
            raise InvalidInput("协议处理只适用于有定点协议的机构")
        measure = ch.add(
            CaseMeasure(
                case_id=row.id,
                kind=code,
                amount_fen=amount_fen,
                reason=reason.strip(),
                on_date=on_date,
                period_from=period_from,
                period_to=period_to,
                **fields,
            )
        )
        ch.entity(measure)
        ch.details.update({"case_id": row.id, "kind": code, "amount_fen": amount_fen})
        session.flush()
        found = next(m for m in case_view(session, row).measures if m.id == measure.id)
        return found


def cancel_measure(ws: Workspace, case: str, measure: str, *, reason: str) -> None:
    """Withdraw a proposed measure before the decision (e.g. after the party's 陈述申辩): a
    lighter outcome needs no new notice; the row stays, marked withdrawn."""
    text = reason.strip()
    if not text:
        raise InvalidInput("请写明撤回措施的理由")
    with case_change(ws, case, "case.measure_cancel") as (ch, row):
        _still_open(row)
        found = _measure(ch.session, row, measure)
        if found.kind in rules.PENALTY and row.stage not in (
            rules.FILED,
            rules.INVESTIGATED,
            rules.REVIEWED,
            rules.NOTIFIED,
            rules.HEARD,
        ):
            raise InvalidInput("决定作出后不能撤回处罚措施")
        if found.cancelled:
            raise InvalidInput("该措施已撤回")
        if ch.session.scalar(select(CasePayment.id).where(CasePayment.measure_id == found.id)):
            raise InvalidInput("该措施已有缴款记录，不能撤回")
        found.cancelled = True
        found.reason = (found.reason + "\n" if found.reason else "") + f"撤回：{text}"
        ch.entity(found)
        ch.details.update({"case_id": row.id, "kind": found.kind})


def _measure(session: Session, case: Case, text: str) -> CaseMeasure:
    return ids.resolve_prefix(
        session, CaseMeasure.id, text, ids.CASE_MEASURE, where=[CaseMeasure.case_id == case.id]
    )


def add_payment(
    ws: Workspace,
    case: str,
    measure: str,
    *,
    amount: str,
    on_date: date,
    receipt_no: str = "",
    note: str = "",
    today: date | None = None,
) -> PaymentView:
    """What was paid on a money measure, and when (one ``case.payment`` event). A penalty's
    sums are paid after the decision; nothing is paid beyond what is owed."""
    fen = parse_amount(amount)
    if not fen:
        raise InvalidInput("请写明缴纳金额")
    with case_change(ws, case, "case.payment") as (ch, row):
        session = ch.session
        _still_open(row)
        found = _measure(session, row, measure)
        if found.kind not in rules.MONEY:
            raise InvalidInput("{what}没有金额，不能缴款", what=rules.MEASURE_NAMES[found.kind])
        if found.cancelled:
            raise InvalidInput("该措施已撤回，不能缴款")
        check_date(on_date, today=today, visit_on=row.visit_on, what=Term("缴款"))
        if found.kind in rules.PENALTY:
            if row.decided_on is None:
                raise InvalidInput("处罚决定作出前不能记录缴款（案件尚未决定）")
            if on_date < row.decided_on:
                raise InvalidInput(
                    "缴款日期 {day} 早于决定日期 {decided}", day=on_date, decided=row.decided_on
                )
        elif on_date < found.on_date:
            raise InvalidInput(
                "追回日期 {day} 早于拒付/追回决定日期 {taken}", day=on_date, taken=found.on_date
            )
        paid = sum(
            session.scalars(
                select(CasePayment.amount_fen).where(CasePayment.measure_id == found.id)
            )
        )
        owed = found.amount_fen or 0
        if paid + fen > owed:
            raise InvalidInput(
                "缴纳合计 {total} 元超过{what}金额 {owed} 元",
                total=format_fen(paid + fen),
                what=rules.MEASURE_NAMES[found.kind],
                owed=format_fen(owed),
            )
        payment = ch.add(
            CasePayment(
                case_id=row.id,
                measure_id=found.id,
                on_date=on_date,
                amount_fen=fen,
                receipt_no=receipt_no.strip(),
                note=note.strip(),
            )
        )
        ch.entity(payment)
        ch.details.update({"case_id": row.id, "measure_id": found.id, "amount_fen": fen})
        session.flush()
        return PaymentView(payment.id, found.id, on_date, fen, payment.receipt_no, payment.note)


# --- 解除协议: the registry and the draw --------------------------------------------------------


def terminated_institutions(session: Session, on: date) -> dict[str, date]:
    """Institutions whose agreement was 解除 within the three years before ``on``: id → the
    day. 医疗机构医疗保障定点管理暂行办法 (国家医保局令第2号) does not take the application for
    designation of an institution whose agreement was 解除 for violations less than three years
    before: such an institution is not a candidate of the 双随机 draw and the registry says so."""
    since = add_months(on, -12 * rules.TERMINATION_YEARS)
    found: dict[str, date] = {}
    for institution_id, day in session.execute(
        select(Case.institution_id, CaseMeasure.on_date)
        .join(Case, Case.id == CaseMeasure.case_id)
        .where(
            CaseMeasure.kind == rules.TERMINATE_AGREEMENT,
            CaseMeasure.cancelled.is_(False),
            Case.institution_id.is_not(None),
            CaseMeasure.on_date <= on,
            CaseMeasure.on_date > since,
        )
    ):
        if institution_id is not None:
            found[institution_id] = max(day, found.get(institution_id, day))
    return found


def terminated_until(day: date) -> date:
    """The last day an institution whose agreement was 解除 on ``day`` stays flagged."""
    return add_months(day, 12 * rules.TERMINATION_YEARS)
