"""Deadlines across the Spring Festival and National Day 调休 of 2025 and 2026, counted as the
law says (行政处罚法 art. 85 for working days; 行政强制法 art. 69 for periods in days)."""

from __future__ import annotations

from datetime import date

import pytest

from inspector.errors import InvalidInput
from inspector.workdays import (
    DUE,
    LATE,
    OPEN,
    Deadline,
    WorkCalendar,
    YearNotice,
    add_days,
    add_working_days,
    is_working_day,
)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2025, 9, 28), True),  # Sunday made a working day for National Day 2025
        (date(2025, 10, 8), False),
        (date(2025, 10, 11), True),  # Saturday, 调休
        (date(2025, 1, 26), True),  # Sunday before the Spring Festival 2025
        (date(2025, 2, 4), False),
        (date(2026, 2, 14), True),  # Saturday before the Spring Festival 2026
        (date(2026, 2, 23), False),
        (date(2026, 2, 28), True),
        (date(2026, 9, 20), True),  # Sunday, National Day 2026
        (date(2026, 10, 7), False),
        (date(2026, 10, 10), True),
        (date(2026, 10, 11), False),
    ],
)
def test_holidays_and_make_up_days_come_from_the_calendar(day: date, working: bool) -> None:
    assert is_working_day(day) is working


def test_five_working_days_for_a_statement_jump_the_national_day_holiday() -> None:
    # 告知 served on Tuesday 2025-09-30: Oct 1-8 are off, Oct 9, 10, 11 (Saturday, 调休), 13, 14.
    assert add_working_days(date(2025, 9, 30), 5) == date(2025, 10, 14)
    # 2026: served on Wednesday 2026-09-30; Oct 1-7 off; Oct 8, 9, 10 (Saturday), 12, 13.
    assert add_working_days(date(2026, 9, 30), 5) == date(2026, 10, 13)


def test_working_days_across_the_spring_festival_count_the_make_up_saturdays() -> None:
    # Notice on Friday 2026-02-13: Saturday 14 is a working day, 15-23 off, then 24, 25.
    assert add_working_days(date(2026, 2, 13), 3) == date(2026, 2, 25)
    # 2025: notice on Friday 2025-01-24; Sunday 26 and Monday 27 work, 28 Jan-4 Feb off.
    assert add_working_days(date(2025, 1, 24), 3) == date(2025, 2, 5)


def test_a_period_in_days_ending_on_a_holiday_ends_on_the_next_working_day() -> None:
    # 30 days of 封存 from 2025-09-01 end on Wednesday 2025-10-01 (National Day): Oct 9.
    assert add_days(date(2025, 9, 1), 30) == date(2025, 10, 9)
    # 90 days from 2025-11-18 end on 2026-02-16 (Spring Festival): Feb 24.
    assert add_days(date(2025, 11, 18), 90) == date(2026, 2, 24)
    # A period ending on an ordinary working day stays.
    assert add_days(date(2026, 3, 2), 30) == date(2026, 4, 1)


def test_a_year_the_library_does_not_know_is_counted_provisionally_until_its_notice() -> None:
    plain = WorkCalendar()
    year = 2004
    while plain.library_knows(year):
        year += 1
    assert plain.provisional(date(year - 1, 12, 20), date(year, 1, 10))
    assert not plain.provisional(date(2026, 1, 5), date(2026, 3, 1))
    new_year = date(year, 1, 1)
    while new_year.weekday() >= 5:
        new_year = date(year, 1, new_year.day + 1)
    assert plain.is_working_day(new_year)
    notice = YearNotice(year, holidays=frozenset({new_year}))
    installed = WorkCalendar.with_notices([notice])
    assert not installed.is_working_day(new_year)
    assert not installed.provisional(date(year - 1, 12, 20), date(year, 1, 10))


def test_a_notice_with_a_day_of_another_year_or_a_day_both_ways_is_refused() -> None:
    with pytest.raises(InvalidInput):
        YearNotice(2027, holidays=frozenset({date(2026, 10, 1)}))
    with pytest.raises(InvalidInput):
        YearNotice(
            2027,
            holidays=frozenset({date(2027, 2, 6)}),
            working_weekends=frozenset({date(2027, 2, 6)}),
        )


def test_a_deadline_says_open_due_or_late() -> None:
    assert Deadline(date(2026, 10, 13), today=date(2026, 10, 1)).state == OPEN
    assert Deadline(date(2026, 10, 13), today=date(2026, 10, 12)).state == DUE
    assert Deadline(date(2026, 10, 13), today=date(2026, 10, 14)).state == LATE
