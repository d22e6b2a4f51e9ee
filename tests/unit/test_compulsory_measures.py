"""封存 and 先行登记保存 as compulsory measures: the decision with its list and approval, both
sides' signatures, the time limit on the working calendar (2025 National Day, 2026 Spring
Festival), one extension, the release; and each unlawful step refused with the rule named and
nothing stored."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from inspector.db.models import AuditEvent, CompulsoryMeasure
from inspector.enforcement import measures
from inspector.enforcement.measures import MeasureItem
from inspector.errors import InvalidInput
from inspector.evidence.sealing import add_seal_item, list_seal_items
from inspector.inspections import set_inspection_times
from inspector.workspace import Workspace
from tests.helpers.ledger import LEADER, plan

OFFICERS = ["370100001", LEADER]
BOOK = [MeasureItem(0, "账簿", "1", "本")]


def _events(ws: Workspace) -> int:
    with ws.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def _rows(ws: Workspace) -> list[dict[str, object]]:
    with ws.db.session() as session:
        return [
            {c.name: getattr(row, c.key) for c in CompulsoryMeasure.__table__.columns}
            for row in session.scalars(select(CompulsoryMeasure))
        ]


def _visit(ws: Workspace, day: date = date(2025, 9, 1)) -> str:
    inspection = plan(ws, "历城区某社区卫生服务中心")
    start = datetime(day.year, day.month, day.day, 1, 30, tzinfo=UTC)
    set_inspection_times(ws, inspection, start, start.replace(hour=4))
    add_seal_item(ws, inspection, description="2025年8月门诊收费票据", quantity="3", unit="本")
    add_seal_item(ws, inspection, description="药房进销存账簿", quantity="1", unit="本")
    return inspection


def _seal(ws: Workspace, inspection: str, **changes: object) -> measures.MeasureView:
    values: dict[str, object] = {
        "kind": "seal",
        "decision_no": "历医保封〔2025〕1号",
        "decided_on": date(2025, 9, 5),
        "reason": "票据可能被转移、隐匿",
        "approved_by": "王局长",
        "officers": OFFICERS,
        "seal_positions": [1, 2],
        "today": date(2025, 9, 5),
    }
    values.update(changes)
    return measures.decide_measure(ws, inspection, **values)  # type: ignore[arg-type]


def test_the_whole_seal_cycle_across_national_day(workspace: Workspace) -> None:
    inspection = _visit(workspace)
    view = _seal(workspace, inspection)
    # 30 days from 2025-09-05 end on 2025-10-05, inside the National Day holiday (Oct 1-8):
    # the period ends on the first working day after it (行政强制法 art. 69).
    assert view.last_day == date(2025, 10, 9)
    assert not view.provisional
    assert [i.description for i in view.items] == ["2025年8月门诊收费票据", "药房进销存账簿"]
    # The record's sealing list links to the measure.
    links = measures.seal_links(workspace, inspection, today=date(2025, 9, 5))
    lines = list_seal_items(workspace, inspection)
    assert {links[line.id].decision_no for line in lines} == {"历医保封〔2025〕1号"}
    # Both sides sign the list; the party refused here, a witness signs.
    signed = measures.sign_list(
        workspace, view.id, signed_on=date(2025, 9, 5), party_refused=True, witness="赵某",
        today=date(2025, 9, 5),
    )  # fmt: skip
    assert signed.party_refused and signed.witness == "赵某"
    # Near its end: due; the one extension, approved, before the last day (Oct 8, a holiday).
    assert measures.get_measure(workspace, view.id, today=date(2025, 10, 7)).state == "due"
    extended = measures.extend_measure(
        workspace, view.id, extended_on=date(2025, 10, 8), reason="需核查的票据较多",
        approved_by="王局长", extension_no="历医保延〔2025〕1号", today=date(2025, 10, 8),
    )  # fmt: skip
    # 30 more days from 2025-10-09: 2025-11-08, a Saturday: Monday 2025-11-10.
    assert extended.last_day == date(2025, 11, 10)
    released = measures.end_measure(
        workspace, view.id, ended_on=date(2025, 11, 7), reason="decided",
        document_no="历医保解〔2025〕1号", today=date(2025, 11, 7),
    )  # fmt: skip
    assert released.state == "ended" and released.outcome == "release"
    assert released.end_reason == "已对违法行为作出处理决定，不再需要封存"
    assert not released.ended_late
    assert measures.due(workspace, today=date(2025, 12, 1)) == []


def test_a_deadline_across_the_2026_spring_festival(workspace: Workspace) -> None:
    inspection = _visit(workspace, date(2026, 1, 10))
    view = _seal(workspace, inspection, decided_on=date(2026, 1, 16), today=date(2026, 1, 16))
    # 2026-02-15 falls in the Spring Festival holiday (Feb 15-23): Tuesday Feb 24.
    assert view.last_day == date(2026, 2, 24)
    preserve = _seal(
        workspace, inspection, kind="preserve", decision_no="历医保登〔2026〕1号",
        decided_on=date(2026, 2, 12), seal_positions=[], today=date(2026, 2, 12),
        items=[MeasureItem(0, "处方笺", "40", "张")],
    )  # fmt: skip
    # 7 working days after 2026-02-12 (Feb 14 and 28 are 调休 working Saturdays).
    assert preserve.last_day == date(2026, 2, 28)


def test_preserved_evidence_is_decided_on_within_seven_working_days(
    workspace: Workspace,
) -> None:
    inspection = _visit(workspace)
    view = _seal(
        workspace, inspection, kind="preserve", decision_no="历医保登〔2025〕1号",
        decided_on=date(2025, 9, 26), seal_positions=[1], today=date(2025, 9, 26),
    )  # fmt: skip
    # Sep 28 (a Sunday) and Oct 11 (a Saturday) are working days; Oct 1-8 are not.
    assert view.last_day == date(2025, 10, 13)
    # Not extendable: refused with the article, nothing stored.
    before, rows = _events(workspace), _rows(workspace)
    with pytest.raises(InvalidInput, match="第五十六条"):
        measures.extend_measure(
            workspace, view.id, extended_on=date(2025, 9, 30), reason="x", approved_by="王局长",
            extension_no="x", today=date(2025, 9, 30),
        )  # fmt: skip
    assert (_events(workspace), _rows(workspace)) == (before, rows)
    # Not decided by its last day: late, listed as such.
    (late,) = measures.due(workspace, today=date(2025, 10, 14))
    assert late.id == view.id and late.state == "late"
    # The decision: seal them. The 先行登记保存 ends, a 封存 follows with its own 30 days.
    ended = measures.end_measure(
        workspace, view.id, ended_on=date(2025, 10, 10), outcome="seal",
        reason="需进一步调查", document_no="历医保处〔2025〕1号",
        seal_decision_no="历医保封〔2025〕2号", today=date(2025, 10, 14),
    )  # fmt: skip
    assert ended.outcome == "seal" and not ended.ended_late
    (_, sealed) = measures.measures_of(workspace, inspection, today=date(2025, 10, 14))
    assert sealed.kind == "seal" and sealed.follows_id == view.id
    assert sealed.last_day == measures.CALENDAR.add_days(date(2025, 10, 10), 30)
    links = measures.seal_links(workspace, inspection, today=date(2025, 10, 14))
    assert {link.decision_no for link in links.values()} == {"历医保封〔2025〕2号"}


@pytest.mark.parametrize(
    ("step", "message"),
    [
        ("second_extension", "只能延长一次"),
        ("release_before_decision", "早于措施决定日期"),
        ("future", "不能晚于今天"),
        ("before_visit", "早于现场检查日期"),
        ("extend_expired", "已于 2025-10-09 届满"),
        ("one_officer", "两名以上执法人员"),
        ("no_approval", "负责人"),
        ("refusal_without_witness", "见证人"),
        ("twice_sealed", "尚未解除"),
        ("released_twice", "已于 2025-10-01 结束"),
    ],
)
def test_unlawful_steps_are_refused_and_change_nothing(
    workspace: Workspace, step: str, message: str
) -> None:
    inspection = _visit(workspace)
    view = _seal(workspace, inspection)
    if step == "second_extension":
        measures.extend_measure(
            workspace, view.id, extended_on=date(2025, 9, 30), reason="复杂", approved_by="王局长",
            extension_no="延1", today=date(2025, 9, 30),
        )  # fmt: skip
    if step == "released_twice":
        measures.end_measure(
            workspace, view.id, ended_on=date(2025, 10, 1), reason="no_violation",
            document_no="解1", today=date(2025, 10, 1),
        )  # fmt: skip
    before, rows = _events(workspace), _rows(workspace)
    with pytest.raises(InvalidInput, match=message):
        if step in ("second_extension", "extend_expired"):
            when = date(2025, 10, 5) if step == "second_extension" else date(2025, 10, 10)
            measures.extend_measure(
                workspace, view.id, extended_on=when, reason="复杂", approved_by="王局长",
                extension_no="延2", today=date(2025, 10, 20),
            )  # fmt: skip
        elif step in ("release_before_decision", "released_twice"):
            measures.end_measure(
                workspace, view.id, ended_on=date(2025, 9, 4), reason="no_violation",
                document_no="解2", today=date(2025, 10, 20),
            )  # fmt: skip
        elif step == "future":
            _seal(workspace, inspection, decision_no="2号", seal_positions=[],
                  items=BOOK, decided_on=date(2025, 9, 6))  # fmt: skip
        elif step == "before_visit":
            _seal(workspace, inspection, decision_no="2号", seal_positions=[],
                  items=BOOK, decided_on=date(2025, 8, 31))  # fmt: skip
        elif step == "one_officer":
            _seal(workspace, inspection, decision_no="2号", officers=["370100001"],
                  seal_positions=[], items=BOOK)  # fmt: skip
        elif step == "no_approval":
            _seal(workspace, inspection, decision_no="2号", approved_by=" ",
                  seal_positions=[], items=BOOK)  # fmt: skip
        elif step == "refusal_without_witness":
            measures.sign_list(workspace, view.id, signed_on=date(2025, 9, 5),
                               party_refused=True, today=date(2025, 9, 5))  # fmt: skip
        elif step == "twice_sealed":
            _seal(workspace, inspection, decision_no="2号", seal_positions=[1])
    assert (_events(workspace), _rows(workspace)) == (before, rows)


def test_an_expired_seal_not_released_shows_as_late(workspace: Workspace) -> None:
    inspection = _visit(workspace)
    view = _seal(workspace, inspection)
    assert measures.due(workspace, today=date(2025, 9, 20)) == []
    (late,) = measures.due(workspace, today=date(2025, 10, 10))
    assert late.id == view.id and late.state == "late" and late.days_left == -1
    # Released after its end (art. 28(4)): allowed, and marked as late.
    released = measures.end_measure(
        workspace, view.id, ended_on=date(2025, 10, 10), reason="expired",
        document_no="历医保解〔2025〕2号", today=date(2025, 10, 10),
    )  # fmt: skip
    assert released.ended_late and measures.due(workspace, today=date(2025, 10, 10)) == []


def test_a_period_into_a_year_without_published_holidays_is_provisional(
    workspace: Workspace,
) -> None:
    # chinese-calendar 1.11 knows 2026 at the latest: 30 days from 2026-12-20 end in 2027.
    inspection = _visit(workspace, date(2026, 12, 1))
    view = _seal(workspace, inspection, decided_on=date(2026, 12, 20), today=date(2026, 12, 20))
    assert view.provisional and view.last_day == date(2027, 1, 19)
    assert "节假日安排待公布" in view.last_day_text
