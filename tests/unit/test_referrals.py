"""Referrals (移送) through the core: the steps after the hand-over refused out of order or
with a wrong date, nothing stored; a case received from another department registered once."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import func, select

from inspector.db.models import AuditEvent, ReceivedReferral, Referral
from inspector.enforcement import referrals
from inspector.errors import InvalidInput
from inspector.inspections import set_inspection_times
from inspector.workspace import Workspace
from tests.helpers.ledger import plan


def _state(ws: Workspace) -> tuple[int, list[str]]:
    with ws.db.session() as session:
        events = int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)
        rows = [
            repr(sorted((c.name, str(getattr(r, c.key))) for c in r.__table__.columns))
            for model in (Referral, ReceivedReferral)
            for r in session.scalars(select(model))
        ]
    return events, rows


def _referred(ws: Workspace, tmp_path: Path) -> referrals.ReferralView:
    inspection = plan(ws, "历城区某药店")
    start = datetime(2025, 9, 1, 1, 30, tzinfo=UTC)
    set_inspection_times(ws, inspection, start, start.replace(hour=3))
    return referrals.refer_case(
        ws, inspections=[inspection], department="市场监管", receiver="历城区市场监督管理局",
        referral_no="历医保移〔2025〕3号", referred_on=date(2025, 9, 10),
        facts="销售假药嫌疑", bundle_out=tmp_path / "r.zip", today=date(2025, 9, 10),
    )  # fmt: skip


def test_steps_after_the_hand_over_are_refused_out_of_order(
    workspace: Workspace, tmp_path: Path
) -> None:
    view = _referred(workspace, tmp_path)
    assert view.department == "market" and view.entries == {}  # not handed over whole
    today = {"today": date(2025, 10, 1)}
    receipt = partial(referrals.record_receipt, workspace, view.id, received_by="刘某", **today)
    cases = [
        (partial(referrals.record_feedback, workspace, view.id, feedback_on=date(2025, 9, 20),
                 feedback="已立案", **today), "签收"),
        (partial(receipt, received_on=date(2025, 9, 9)), "早于移送日期"),
        (partial(receipt, received_on=date(2025, 10, 2)), "不能晚于今天"),
        (partial(referrals.return_referral, workspace, view.id, returned_on=date(2025, 9, 1),
                 reason="非本部门管辖", **today), "早于移送日期"),
    ]  # fmt: skip
    for step, why in cases:
        before = _state(workspace)
        with pytest.raises(InvalidInput, match=why):
            step()
        assert _state(workspace) == before
    receipt(received_on=date(2025, 9, 12))
    answered = referrals.record_feedback(
        workspace, view.id, feedback_on=date(2025, 9, 30), feedback="已立案调查", **today
    )
    assert answered.status == "answered"
    back = referrals.return_referral(workspace, view.id, returned_on=date(2025, 10, 1),
                                     reason="不属本部门管辖", today=date(2025, 10, 1))  # fmt: skip
    assert back.status == "returned"
    before = _state(workspace)
    with pytest.raises(InvalidInput, match="已于 2025-10-01 退回"):
        receipt(received_on=date(2025, 10, 1))
    assert _state(workspace) == before


def test_a_case_received_from_another_department_is_registered(workspace: Workspace) -> None:
    def receive(**changes: object) -> referrals.ReceivedView:
        values: dict[str, object] = {
            "department": "police", "sender": "济南市公安局", "document_no": "济公移〔2026〕3号",
            "received_on": date(2026, 11, 30), "subject": "某药店", "summary": "倒卖医保药品",
            "today": date(2026, 12, 1),
        }  # fmt: skip
        values.update(changes)
        return referrals.receive_referral(workspace, **values)  # type: ignore[arg-type]

    before = _state(workspace)
    for changes, why in (
        ({"department": "税务"}, "移送部门“税务”无效"),
        ({"received_on": date(2026, 12, 2)}, "不能晚于今天"),
        ({"summary": " "}, "请填写"),
        ({"institution_id": "no-such-id"}, "名册中没有"),
    ):
        with pytest.raises(InvalidInput, match=why):
            receive(**changes)
        assert _state(workspace) == before
    view = receive()
    assert view.department_name == "公安机关"
    with pytest.raises(InvalidInput, match="已经登记过"):
        receive()
    linked = referrals.link_lead(workspace, view.id[:8], lead_id="lead-1")
    assert linked.lead_id == "lead-1"
    assert [r.id for r in referrals.received_referrals(workspace)] == [view.id]
