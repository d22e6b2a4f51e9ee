"""A case's periods on the Chinese working calendar (inspector/workdays.py) and what is due or
late across the cases: ``case due`` and the home banner read :func:`due_cases`.

- 办案期限: 90 days from 立案 plus the approved extensions (行政处罚法 art. 60), natural days,
  a last day on a holiday moving to the next working day;
- 陈述申辩: the working days given at 事先告知 (5, or the bureau's setting), counted from the day
  after the notice (行政处罚法 art. 85);
- 听证 request: 5 working days from the notice (行政处罚法 arts. 64, 85);
- 送达 of the decision: 7 working days (行政处罚法 arts. 61, 85);
- payment: 15 days from service (行政处罚法 art. 67).

A last day in a year whose holidays are not published yet is provisional (待公布) and is shown
so: it may move when the State Council's notice comes out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from inspector.cases import rules
from inspector.cases.core import CaseFilter, CaseView, list_cases
from inspector.errors import InvalidInput
from inspector.workdays import CALENDAR, DUE, LATE, Deadline, WorkCalendar
from inspector.workspace import Workspace


def calendar_of(ws: Workspace | None) -> WorkCalendar:
    """The working calendar a workspace counts with: the library's years (a year it lacks is
    counted provisionally, inspector/workdays.py)."""
    return CALENDAR


def check_setting(key: str, text: str) -> str:
    """A case setting's value as stored, or the message saying what it should be."""
    value = text.strip()
    if key == rules.STATEMENT_DAYS_SETTING:
        _days(key, value)
    else:
        try:
            fen = int(value)
        except ValueError as error:
            raise InvalidInput(
                "设置 {key} 应为金额（分），现为“{value}”", key=key, value=value
            ) from error
        if fen <= 0:
            raise InvalidInput("设置 {key} 应为金额（分），现为“{value}”", key=key, value=value)
    return value


def setting_days(ws: Workspace, key: str, default: int) -> int:
    text = ws.db.setting(key)
    if text is None or not text.strip():
        return default
    return _days(key, text)


def _days(key: str, text: str) -> int:
    try:
        days = int(text)
    except ValueError as error:
        raise InvalidInput(
            "设置 {key} 应为天数（整数），现为“{value}”", key=key, value=text
        ) from error
    if not 1 <= days <= 60:
        raise InvalidInput("设置 {key} 应在 1 至 60 天之间，现为 {value}", key=key, value=days)
    return days


@dataclass(frozen=True)
class LastDay:
    day: date
    provisional: bool

    def shown(self) -> str:
        return f"{self.day:%Y-%m-%d}" + ("（节假日未公布，暂定）" if self.provisional else "")


def _working(cal: WorkCalendar, start: date, days: int) -> LastDay:
    end = cal.add_working_days(start, days)
    return LastDay(end, cal.provisional(start, end))


def _natural(cal: WorkCalendar, start: date, days: int) -> LastDay:
    end = cal.add_days(start, days)
    return LastDay(end, cal.provisional(start, end))


def case_last_day(case: CaseView, cal: WorkCalendar = CALENDAR) -> LastDay | None:
    if case.filed_on is None:
        return None
    days = rules.CASE_DAYS + sum(int(e["days"]) for e in case.extensions)
    return _natural(cal, case.filed_on, days)


def statement_last_day(case: CaseView, cal: WorkCalendar = CALENDAR) -> LastDay | None:
    if case.notified_on is None or case.statement_days is None:
        return None
    return _working(cal, case.notified_on, case.statement_days)


def hearing_last_day(case: CaseView, cal: WorkCalendar = CALENDAR) -> LastDay | None:
    if case.notified_on is None or case.hearing_days is None:
        return None
    return _working(cal, case.notified_on, case.hearing_days)


def service_last_day(case: CaseView, cal: WorkCalendar = CALENDAR) -> LastDay | None:
    if case.decided_on is None:
        return None
    return _working(cal, case.decided_on, rules.SERVICE_DAYS)


def payment_last_day(case: CaseView, cal: WorkCalendar = CALENDAR) -> LastDay | None:
    if case.served_on is None:
        return None
    return _natural(cal, case.served_on, rules.PAYMENT_DAYS)


@dataclass(frozen=True)
class CaseDeadline:
    case_id: str
    party_name: str
    stage: str
    what: str  # 办案期限, 陈述申辩期限, ...
    deadline: Deadline

    @property
    def state(self) -> str:
        return self.deadline.state

    def line(self) -> str:
        d = self.deadline
        when = f"{d.last_day:%Y-%m-%d}" + ("（节假日未公布，暂定）" if d.provisional else "")
        if d.state == LATE:
            status = f"已逾期 {-d.days_left} 天"
        elif d.days_left == 0:
            status = "今天到期"
        else:
            status = f"还有 {d.days_left} 天"
        return (
            f"{self.case_id[:8]}  {self.party_name}  "
            f"{rules.STAGE_NAMES.get(self.stage, self.stage)}  {self.what} {when}  {status}"
        )


def case_deadlines(case: CaseView, today: date, cal: WorkCalendar = CALENDAR) -> list[CaseDeadline]:
    """The periods still running for ``case`` (those its stage has not met yet)."""
    found: list[tuple[str, LastDay]] = []
    if case.stage in rules.RUNNING:
        last = case_last_day(case, cal)
        if last is not None:
            found.append(("办案期限", last))
    if case.stage in (rules.NOTIFIED, rules.HEARD) and not case.has(rules.WAIVE):
        statement = statement_last_day(case, cal)
        if statement is not None:
            found.append(("陈述申辩期限", statement))
        hearing = hearing_last_day(case, cal)
        if hearing is not None and not case.has(rules.HEARING_REQUEST):
            found.append(("听证申请期限", hearing))
    if case.stage == rules.DECIDED:
        service = service_last_day(case, cal)
        if service is not None:
            found.append(("决定书送达期限", service))
    if case.stage == rules.SERVED and any(
        m.kind in rules.MONEY and m.kind in rules.PENALTY and m.owed_fen for m in case.live_measures
    ):
        payment = payment_last_day(case, cal)
        if payment is not None:
            found.append(("缴款期限", payment))
    return [
        CaseDeadline(
            case.id,
            case.party_name,
            case.stage,
            what,
            Deadline(last.day, today, provisional=last.provisional),
        )
        for what, last in found
    ]


def due_cases(ws: Workspace, today: date | None = None) -> list[CaseDeadline]:
    """What is due (within 3 days) or late across the cases not ended, latest-first by the
    day: the home banner's and ``case due``'s list."""
    today = today or date.today()
    cal = calendar_of(ws)
    found = [
        deadline
        for case in list_cases(ws, CaseFilter(stage="active"))
        for deadline in case_deadlines(case, today, cal)
        if deadline.state in (DUE, LATE)
    ]
    return sorted(found, key=lambda d: (d.deadline.last_day, d.case_id, d.what))
