"""Campaigns (inspector/campaigns): the checks with their messages, the deadlines counted on
the working-day calendar (across a holiday) and the coverage arithmetic against a registry
made by hand."""

from __future__ import annotations

from datetime import date

import pytest

from inspector.campaigns import (
    Campaign,
    FollowUp,
    Known,
    Place,
    build,
    check,
    coverage,
    place_key,
    schedule,
)
from inspector.errors import InvalidInput

KNOWN = Known(
    types={"public_hospital": "二级及以上公立医疗机构", "retail_pharmacy": "定点零售药店",
           "primary_care": "基层医疗机构"},
    districts={"历城区", "市中区", "槐荫区"},
    focus_packs={"fields_2023": "2023年重点领域专项"},
)  # fmt: skip


def storm(**changes: object) -> Campaign:
    """Seed 004's three phases and seed 000's report dates (6/20, 7/10), seed 002's 总结."""
    fields: dict[str, object] = {
        "name": "2025年打击欺诈骗保专项行动",
        "doc_no": "济医保发〔2025〕12号",
        "phases": [
            ("重点排查整改", "2025-06-11", "2025-07-10"),
            ("全面深入整改", "2025-07-11", "2025-08-10"),
            ("复查总结提升", "2025-08-11", "2025-08-31"),
        ],
        "types": ["public_hospital", "retail_pharmacy"],
        "districts": ["历城区", "市中区"],
        "focus_packs": ["fields_2023"],
        "reports": [
            ("situation_report", "2025-06-20"),
            ("situation_report", "2025-07-10"),
            ("quarterly_statistics", "2025-10-01"),
            ("summary", "2025-12-10"),
        ],
        "follow_up": ("2025-09-30", "6", "2"),
    }
    fields.update(changes)
    return build(**fields)  # type: ignore[arg-type]


def test_a_whole_campaign_passes_and_round_trips() -> None:
    made = check(storm(), KNOWN)
    assert made.start == date(2025, 6, 11) and made.end == date(2025, 8, 31)
    assert Campaign.of(made.to_dict()) == made
    assert made.follow_up == FollowUp(date(2025, 9, 30), 6, 2)
    assert made.follow_up.dates() == [date(2025, 9, 30), date(2026, 3, 30)]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": " "}, "请填写专项行动的名称"),
        ({"phases": []}, "至少需要一个阶段"),
        (
            {"phases": [("自查自纠", "2025-06-30", "2025-06-01")]},
            "结束日期 2025-06-01 早于开始日期",
        ),
        (
            {
                "phases": [
                    ("自查自纠", "2025-06-01", "2025-06-30"),
                    ("集中检查", "2025-06-20", "2025-07-30"),
                ]
            },
            "早于上一阶段“自查自纠”的结束日期 2025-06-30",
        ),
        ({"phases": [("自查自纠", "2025-06-31", "2025-07-01")]}, "不是有效的日期：2025-06-31"),
        ({"types": ["hospital"]}, "不认识的机构类型：hospital"),
        ({"types": []}, "请选择专项行动涉及的机构类型"),
        ({"districts": ["天桥区"]}, "不认识的区县：天桥区"),
        ({"focus_packs": ["nope"]}, "没有这个专项清单包：nope"),
        (
            {"reports": [("situation_report", "2025-05-01")]},
            "情况报告的报送期限 2025-05-01 早于专项行动开始",
        ),
        ({"reports": [("weekly", "2025-07-01")]}, "不认识的报送表式：weekly"),
        ({"follow_up": ("2025-09-30", "0", "1")}, "回头看的间隔应为 1 至 24 个月"),
        ({"follow_up": ("2025-09-30", "六", "1")}, "回头看的间隔月数应为整数"),
    ],
)
def test_each_mistake_is_named(changes: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        check(storm(**changes), KNOWN)


def test_deadlines_move_past_a_holiday_and_are_late_after_it() -> None:
    """2025-10-01 is National Day: a 季度统计表 due that day may be handed in on the first
    working day after the holiday (10-09; Oct 1-8 off), and is late only after it."""
    campaign = check(storm(), KNOWN)
    during = schedule(campaign, date(2025, 10, 3))
    stats = next(i for i in during.items if i.title == "季度统计表")
    assert stats.stated == date(2025, 10, 1)
    assert stats.deadline.last_day == date(2025, 10, 9)
    assert not stats.late and stats.working_days_left == 1
    # 回头看 stated on Tuesday 2025-09-30 is a working day: not moved, late on 10-03
    follow = next(i for i in during.items if i.title == "回头看")
    assert follow.deadline.last_day == date(2025, 9, 30) and follow.late
    after = schedule(campaign, date(2025, 10, 10))
    assert next(i for i in after.items if i.title == "季度统计表").late
    # seed 000's 6/20 (a Friday) in the first phase: 4 working days left on Monday 6/16
    june = schedule(campaign, date(2025, 6, 16))
    assert june.current is not None and june.current.name == "重点排查整改"
    first = june.items[0]
    assert (first.title, first.deadline.last_day, first.working_days_left) == (
        "情况报告", date(2025, 6, 20), 4,
    )  # fmt: skip
    assert not june.late
    before = schedule(campaign, date(2025, 6, 1))
    assert before.current is None and before.upcoming is not None
    assert before.phase_text().startswith("尚未开始：重点排查整改")


def test_coverage_by_district_against_a_registry_made_by_hand() -> None:
    campaign = check(storm(), KNOWN)
    registry = [
        Place(place_key("省立医院", "历城区", "XY-001"), "历城区", "public_hospital"),
        Place(place_key("齐鲁药店", "历城区", None), "历城区", "retail_pharmacy"),
        Place(place_key("某卫生院", "历城区", None), "历城区", "primary_care"),  # type out
        Place(place_key("市中医院", "市中区", "XY-002"), "市中区", "public_hospital"),
        Place(place_key("槐荫药店", "槐荫区", None), "槐荫区", "retail_pharmacy"),  # district out
    ]
    inspected = {place_key("省立医院 ", "历城区", "XY-001"), place_key("某卫生院", "历城区", None)}
    found = coverage(campaign, registry, inspected)
    rows = {r["district"]: (r["inspected"], r["in_scope"]) for r in found["districts"]}
    assert rows == {"历城区": (1, 2), "市中区": (0, 1)}
    assert (found["inspected"], found["in_scope"]) == (1, 3)
    assert found["districts"][0]["share"] == 0.5


def test_a_report_marked_submitted_is_neither_late_nor_due_and_survives_the_package() -> None:
    """Seed 000's 6/20 情况报告 handed in on 6/19: on 7/1 it is 已报送, not late; the 7/10
    one is still due. The mark travels in the package; a package without it reads as before."""
    from dataclasses import replace

    from inspector.campaigns import ReportDue

    campaign = check(storm(), KNOWN)
    unmarked = schedule(campaign, date(2025, 7, 1))
    assert [i.stated for i in unmarked.late] == [date(2025, 6, 20)]
    first = campaign.reports[0]
    marked = replace(
        campaign,
        reports=(ReportDue(first.form, first.due, date(2025, 6, 19), "局端王"),
                 *campaign.reports[1:]),
    )  # fmt: skip
    again = Campaign.of(marked.to_dict())
    assert again == marked and again.reports[0].submitted_by == "局端王"
    now = schedule(again, date(2025, 7, 1))
    assert now.late == []
    assert [(i.title, i.submitted_on) for i in now.done] == [("情况报告", date(2025, 6, 19))]
    assert date(2025, 6, 20) not in [i.stated for i in now.pending]
    assert date(2025, 7, 10) in [i.stated for i in now.pending]
    shown = now.to_dict()
    assert shown["late"] == [] and shown["submitted"][0]["submitted_on"] == "2025-06-19"
    # the package of a campaign never marked has no submitted fields at all
    assert "submitted_on" not in json_of(campaign)


def json_of(campaign: Campaign) -> str:
    import json

    return json.dumps(campaign.to_dict(), ensure_ascii=False)
