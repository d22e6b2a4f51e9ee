"""Deadlines on the Chinese calendar: working days with the State Council's holidays and 调休
(make-up working weekends), and periods counted in natural days.

The holidays come from ``chinese-calendar`` (maintained from each year's 国务院办公厅 notice),
never from a list of our own: a hand-kept list is wrong the first year nobody updates it. The
notice for next year appears in the autumn, often before the library's release; for such a year
a ``YearNotice`` (the notice's days) joins the calendar through ``WorkCalendar.with_notices``,
and without one a date is counted Monday to Friday and marked provisional (待公布), not
presented as certain.

How a period is counted follows the law:
- 行政处罚法 art. 85 ("本法中'二日''三日''五日''七日'的规定是指工作日，不含法定节假日"): the
  short periods of administrative penalty procedure (陈述申辩, 听证 request, the decision on
  先行登记保存) are working days, counted from the day after the notice.
- 行政强制法 art. 69 and 民法典 art. 203: a period in days starts the day after the event; when
  its last day is a statutory holiday (or a rest day), it ends on the first working day after.
  封存 (30 days, 行政强制法 art. 25) and the case's 90 days (医疗保障行政处罚程序暂行规定,
  办案期限) are counted so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

import chinese_calendar

from inspector.errors import InvalidInput


@dataclass(frozen=True)
class YearNotice:
    """One year's 国务院办公厅 notice on holidays: the days off that would otherwise be working
    days, and the weekend days that are working days (调休)."""

    year: int
    holidays: frozenset[date]
    working_weekends: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        for day in (*self.holidays, *self.working_weekends):
            if day.year != self.year:
                raise InvalidInput(
                    "{year} 年节假日安排中的日期 {day} 不在该年", year=self.year, day=day
                )
        both = self.holidays & self.working_weekends
        if both:
            raise InvalidInput("{day} 不能既是假日又是调休上班日", day=min(both))


@dataclass(frozen=True)
class WorkCalendar:
    """The working-day calendar: the library's years plus the notices the bureau installed."""

    notices: Mapping[int, YearNotice] = field(default_factory=dict)

    @classmethod
    def with_notices(cls, notices: Iterable[YearNotice]) -> WorkCalendar:
        return cls({notice.year: notice for notice in notices})

    def library_knows(self, year: int) -> bool:
        try:
            chinese_calendar.is_workday(date(year, 6, 1))
        except NotImplementedError:
            return False
        return True

    def knows(self, year: int) -> bool:
        """Whether ``year``'s holidays are known (from the library or an installed notice)."""
        return year in self.notices or self.library_knows(year)

    def is_working_day(self, day: date) -> bool:
        notice = self.notices.get(day.year)
        if notice is None and self.library_knows(day.year):
            return bool(chinese_calendar.is_workday(day))
        if notice is not None:
            if day in notice.holidays:
                return False
            if day in notice.working_weekends:
                return True
        return day.weekday() < 5

    def add_working_days(self, start: date, count: int) -> date:
        """The ``count``-th working day after ``start`` (the day of the notice not counted)."""
        if count < 0:
            raise ValueError("count must not be negative")
        day = start
        left = count
        while left:
            day += timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day

    def add_days(self, start: date, count: int) -> date:
        """The last day of a period of ``count`` natural days after ``start``; a last day that
        is not a working day moves to the next working day (行政强制法 art. 69, 民法典 art. 203)."""
        if count < 0:
            raise ValueError("count must not be negative")
        day = start + timedelta(days=count)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when ``end <= start``)."""
        count = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count

    def provisional(self, start: date, end: date) -> bool:
        """Whether a period from ``start`` to ``end`` crosses a year whose holidays are not
        known yet: its last day may move when the notice is published."""
        return any(not self.knows(year) for year in range(start.year, end.year + 1))


CALENDAR = WorkCalendar()
"""The calendar with the library's years only; a workspace with installed notices builds its
own ``WorkCalendar``."""


def is_working_day(day: date) -> bool:
    return CALENDAR.is_working_day(day)


def add_working_days(start: date, count: int) -> date:
    return CALENDAR.add_working_days(start, count)


def add_days(start: date, count: int) -> date:
    return CALENDAR.add_days(start, count)


DUE = "due"
LATE = "late"
OPEN = "open"


@dataclass(frozen=True)
class Deadline:
    """A period's last day and where ``today`` stands against it."""

    last_day: date
    today: date
    provisional: bool = False
    warn_days: int = 3

    @property
    def state(self) -> str:
        if self.today > self.last_day:
            return LATE
        if (self.last_day - self.today).days <= self.warn_days:
            return DUE
        return OPEN

    @property
    def days_left(self) -> int:
        """Natural days from today to the last day (negative when late)."""
        return (self.last_day - self.today).days
