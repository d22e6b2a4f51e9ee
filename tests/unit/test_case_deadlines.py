"""A case's deadlines on the working calendar across the 2025 and 2026 National Day and Spring
Festival holidays and their 调休 (make-up working days), with the dates worked out by hand from
the State Council's notices; a last day in a year whose holidays are not published is shown as
provisional."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from inspector.cases import rules
from inspector.cases.core import CaseView
from inspector.cases.deadlines import (
    case_deadlines,
    case_last_day,
    hearing_last_day,
    payment_last_day,
    service_last_day,
    statement_last_day,
)


def _case(**dates: Any) -> CaseView:
    values: dict[str, Any] = {
        "id": "c0ffee00-0000-4000-8000-000000000000",
        "party_name": "历城区甲卫生院",
        "party_kind": rules.ORG,
        "institution_id": None,
        "inspection_id": None,
        "lead_id": None,
        "visit_on": date(2025, 1, 2),
        "entry_ids": [],
        "summary": "",
        "bureau": None,
        "stage": rules.FILED,
        "opened_on": date(2025, 1, 2),
        "officers": [],
        "filed_on": None,
        "extensions": [],
        "notified_on": None,
        "statement_days": None,
        "hearing_days": None,
        "decided_on": None,
        "served_on": None,
        "ended_on": None,
        "end_reason": None,
    }
    values.update(dates)
    return CaseView(**values)


@pytest.mark.parametrize(
    ("notified", "last"),
    [
        # 2025 National Day and Mid-Autumn: 1-8 October off, Saturday 11 October worked.
        # From Tuesday 30 September: 9, 10, 11 (Sat, 调休), 13, 14 October.
        (date(2025, 9, 30), date(2025, 10, 14)),
        # 2025 Spring Festival: 28 January - 4 February off, Saturday 8 February worked.
        # From Monday 27 January: 5, 6, 7, 8 (Sat, 调休), 10 February.
        (date(2025, 1, 27), date(2025, 2, 10)),
        # 2026 Spring Festival: 15-23 February off, Saturdays 14 and 28 February worked.
        # From Friday 13 February: 14 (Sat, 调休), 24, 25, 26, 27 February.
        (date(2026, 2, 13), date(2026, 2, 27)),
        # 2026 National Day: 1-7 October off, Saturday 10 October worked.
        # From Tuesday 29 September: 30 September, 8, 9, 10 (Sat, 调休), 12 October.
        (date(2026, 9, 29), date(2026, 10, 12)),
    ],
)
def test_statement_and_hearing_periods_are_five_working_days(notified: date, last: date) -> None:
    case = _case(stage=rules.NOTIFIED, notified_on=notified, statement_days=5, hearing_days=5)
    statement = statement_last_day(case)
    hearing = hearing_last_day(case)
    assert statement is not None and hearing is not None
    assert (statement.day, statement.provisional) == (last, False)
    assert hearing.day == last


def test_the_case_period_ending_on_a_holiday_moves_to_the_next_working_day() -> None:
    # 90 days from 3 July 2025 is 1 October, National Day: the 9th, the first working day.
    assert case_last_day(_case(filed_on=date(2025, 7, 3))).day == date(2025, 10, 9)  # type: ignore[union-attr]
    # 90 days from 18 November 2025 is 16 February 2026, in the Spring Festival: the 24th.
    assert case_last_day(_case(filed_on=date(2025, 11, 18))).day == date(2026, 2, 24)  # type: ignore[union-attr]
    # An approved extension of 30 days: 120 days from 18 November 2025 is 18 March 2026.
    extended = _case(filed_on=date(2025, 11, 18), extensions=[{"days": 30}])
    assert case_last_day(extended).day == date(2026, 3, 18)  # type: ignore[union-attr]


def test_service_in_seven_working_days_and_payment_in_fifteen_days() -> None:
    # Decided Tuesday 29 September 2026: 30 Sep, 8, 9, 10 (Sat, 调休), 12, 13, 14 October.
    decided = _case(stage=rules.DECIDED, decided_on=date(2026, 9, 29))
    assert service_last_day(decided).day == date(2026, 10, 14)  # type: ignore[union-attr]
    # Served 16 September 2026: 15 days later is 1 October, a holiday: 8 October.
    served = _case(stage=rules.SERVED, served_on=date(2026, 9, 16))
    assert payment_last_day(served).day == date(2026, 10, 8)  # type: ignore[union-attr]


def test_a_period_into_an_unpublished_year_is_provisional_and_shown_so() -> None:
    # chinese-calendar knows up to 2026: a notice on 30 December 2026 counts Monday to Friday
    # in 2027 (1 January would be a holiday once published) and says so.
    case = _case(
        stage=rules.NOTIFIED,
        filed_on=date(2026, 12, 1),
        notified_on=date(2026, 12, 30),
        statement_days=5,
    )
    statement = statement_last_day(case)
    assert statement is not None
    assert (statement.day, statement.provisional) == (date(2027, 1, 6), True)
    due = {d.what: d for d in case_deadlines(case, date(2027, 1, 5))}
    assert due["陈述申辩期限"].deadline.provisional
    assert "2027-01-06（节假日未公布，暂定）" in due["陈述申辩期限"].line()
    assert due["陈述申辩期限"].state == "due"
    # The case period (90 days from 1 December 2026: 1 March 2027) is provisional too.
    assert due["办案期限"].deadline.provisional
    assert due["办案期限"].deadline.last_day == date(2027, 3, 1)
