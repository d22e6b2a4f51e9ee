"""Campaigns (专项行动): what the office decides and every laptop shows. A campaign has its
phases with dates (seed 004 三: 重点排查整改 / 全面深入整改 / 复查总结提升; seed 003 四: 自查、
检查、交叉检查、第三方复核), the institution types and districts in scope, the focus packs its
checklists add, the reports due with their forms (seed 000 五(三): 情况报告 by 6/20 and 7/10;
seed 002 五(三): 季度统计表 each quarter and a 总结 by 12/10) and a 回头看 schedule (seed 004:
每半年进行"回头看").

This module is the campaign itself, Qt-free and database-free: its definition and checks
(:func:`check`), where a day stands in it (:func:`schedule`, the deadlines counted on
:mod:`inspector.workdays`) and the coverage arithmetic (:func:`coverage`). The server keeps
and publishes campaigns (inspector/central/campaigns.py); a laptop installs and shows them
(inspector/campaigns/local.py)."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from inspector.errors import InvalidInput
from inspector.workdays import CALENDAR, LATE, Deadline, WorkCalendar

FORMAT = "inspector-campaigns/1"  # the published package (every campaign, one JSON file)

# The report forms the seeds ask for: 情况报告 (seed 000 五(三)), 季度统计表 (医保基金工作情况
# 统计表, seed 002 五(三)) and the closing 总结 (seed 002 五(三)).
FORMS = {
    "situation_report": "情况报告",
    "quarterly_statistics": "季度统计表",
    "summary": "总结",
}
# Phase names the seeds use, offered on the office's form (any other name may be typed).
PHASE_NAMES = ("自查自纠", "集中检查", "交叉检查", "第三方复核", "整改", "回头看")

ACTIVE = "active"
CLOSED = "closed"
STATUS_NAMES = {ACTIVE: "进行中", CLOSED: "已结束"}

MAX_NAME = 200
MAX_DOC_NO = 100
MAX_PHASES = 12
MAX_REPORTS = 40
MAX_FOLLOW_UPS = 20
FIRST_YEAR, LAST_YEAR = 2000, 2100


@dataclass(frozen=True)
class Phase:
    name: str
    start: date
    end: date


@dataclass(frozen=True)
class ReportDue:
    """A report to hand in (its form) by a stated day."""

    form: str
    due: date
    # 已报送: the day the office marked it handed in (reports go outside this tool) and who.
    submitted_on: date | None = None
    submitted_by: str = ""

    @property
    def title(self) -> str:
        return FORMS.get(self.form, self.form)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"form": self.form, "due": self.due.isoformat()}
        if self.submitted_on is not None:  # absent until marked: older laptops read it alike
            out["submitted_on"] = self.submitted_on.isoformat()
            out["submitted_by"] = self.submitted_by
        return out


@dataclass(frozen=True)
class RoundDone:
    """A 回头看 round the office marked 已完成: its stated day, the day it was done and who
    marked it (the round is carried out outside this tool, as a report is handed in)."""

    due: date
    done_on: date
    done_by: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"due": self.due.isoformat(), "done_on": self.done_on.isoformat(),
                "done_by": self.done_by}  # fmt: skip


@dataclass(frozen=True)
class FollowUp:
    """回头看: the first one and then every ``every_months`` months, ``count`` in all (seed
    004: 每半年, every 6); ``done``: the rounds marked 已完成."""

    first: date
    every_months: int = 6
    count: int = 1
    done: tuple[RoundDone, ...] = ()

    def done_on(self, due: date) -> RoundDone | None:
        return next((r for r in self.done if r.due == due), None)

    def dates(self) -> list[date]:
        out = []
        for n in range(self.count):
            months = self.first.month - 1 + n * self.every_months
            year, month = self.first.year + months // 12, months % 12 + 1
            out.append(_clamped(year, month, self.first.day))
        return out


def _clamped(year: int, month: int, day: int) -> date:
    """``day`` of that month, or the month's last day (a 31st in a 30-day month)."""
    while True:
        try:
            return date(year, month, day)
        except ValueError:
            day -= 1


@dataclass(frozen=True)
class Campaign:
    id: str
    name: str
    doc_no: str
    phases: tuple[Phase, ...]
    types: tuple[str, ...]
    districts: tuple[str, ...]
    focus_packs: tuple[str, ...] = ()
    reports: tuple[ReportDue, ...] = ()
    follow_up: FollowUp | None = None
    status: str = ACTIVE
    created_by: str = ""
    created_at: str = ""  # ISO 8601 UTC
    closed_at: str | None = None

    @property
    def start(self) -> date:
        return self.phases[0].start

    @property
    def end(self) -> date:
        return max(p.end for p in self.phases)

    @property
    def active(self) -> bool:
        return self.status == ACTIVE

    def in_scope(self, type_code: str, district: str) -> bool:
        return type_code in self.types and district in self.districts

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "doc_no": self.doc_no,
            "phases": [
                {"name": p.name, "start": p.start.isoformat(), "end": p.end.isoformat()}
                for p in self.phases
            ],
            "types": list(self.types),
            "districts": list(self.districts),
            "focus_packs": list(self.focus_packs),
            "reports": [r.to_dict() for r in self.reports],
            "follow_up": None
            if self.follow_up is None
            else {
                "first": self.follow_up.first.isoformat(),
                "every_months": self.follow_up.every_months,
                "count": self.follow_up.count,
                # absent until a round is marked: older laptops read it alike
                **(
                    {"done": [r.to_dict() for r in self.follow_up.done]}
                    if self.follow_up.done
                    else {}
                ),
            },
            "status": self.status,
            "created_by": self.created_by,
            "created_at": self.created_at,
            "closed_at": self.closed_at,
        }

    @classmethod
    def of(cls, data: dict[str, Any]) -> Campaign:
        """From :meth:`to_dict`'s form; InvalidInput for a malformed one (a package a laptop
        cannot read)."""
        try:
            follow = data.get("follow_up")
            return cls(
                id=str(data["id"]),
                name=str(data["name"]),
                doc_no=str(data.get("doc_no") or ""),
                phases=tuple(
                    Phase(str(p["name"]), _day(p["start"]), _day(p["end"])) for p in data["phases"]
                ),
                types=tuple(str(t) for t in data["types"]),
                districts=tuple(str(d) for d in data["districts"]),
                focus_packs=tuple(str(f) for f in data.get("focus_packs") or ()),
                reports=tuple(
                    ReportDue(
                        str(r["form"]),
                        _day(r["due"]),
                        _day(r["submitted_on"]) if r.get("submitted_on") else None,
                        str(r.get("submitted_by") or ""),
                    )
                    for r in data.get("reports") or ()
                ),
                follow_up=None
                if not follow
                else FollowUp(
                    _day(follow["first"]),
                    int(follow["every_months"]),
                    int(follow["count"]),
                    tuple(
                        RoundDone(_day(r["due"]), _day(r["done_on"]), str(r.get("done_by") or ""))
                        for r in follow.get("done") or ()
                    ),
                ),
                status=str(data.get("status") or ACTIVE),
                created_by=str(data.get("created_by") or ""),
                created_at=str(data.get("created_at") or ""),
                closed_at=data.get("closed_at"),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise InvalidInput("专项行动的数据格式无效：{problem}", problem=str(error)) from error


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def parse_day(text: str, what: str) -> date:
    """A date typed as YYYY-MM-DD; the message names the field."""
    text = (text or "").strip()
    if not text:
        raise InvalidInput("请填写{what}", what=what)
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise InvalidInput(
            "{what}不是有效的日期：{text}（请写作 2026-06-20）", what=what, text=text[:40]
        ) from error


def new_id() -> str:
    return str(uuid.uuid4())


def _whole(text: str | int, what: str) -> int:
    try:
        return int(str(text).strip())
    except ValueError as error:
        raise InvalidInput("{what}应为整数：{text}", what=what, text=str(text)[:20]) from error


def build(
    *,
    name: str,
    doc_no: str = "",
    phases: Iterable[tuple[str, str, str]] = (),
    types: Iterable[str] = (),
    districts: Iterable[str] = (),
    focus_packs: Iterable[str] = (),
    reports: Iterable[tuple[str, str]] = (),
    follow_up: tuple[str, str | int, str | int] | None = None,
) -> Campaign:
    """A new campaign from what the office typed (the page's form, the command's options):
    dates as YYYY-MM-DD; a row left wholly blank is skipped. Check it with :func:`check`."""
    made_phases = []
    for number, (phase, start, end) in enumerate(phases, start=1):
        if not (phase.strip() or start.strip() or end.strip()):
            continue
        label = phase.strip() or f"第 {number} 个阶段"
        made_phases.append(
            Phase(
                phase.strip(),
                parse_day(start, f"阶段“{label}”的开始日期"),
                parse_day(end, f"阶段“{label}”的结束日期"),
            )
        )
    made_reports = []
    for form, due in reports:
        if not due.strip():
            continue
        made_reports.append(ReportDue(form, parse_day(due, f"{FORMS.get(form, form)}的报送期限")))
    follow = None
    if follow_up is not None and str(follow_up[0]).strip():
        follow = FollowUp(
            parse_day(str(follow_up[0]), "第一次回头看的日期"),
            _whole(follow_up[1], "回头看的间隔月数"),
            _whole(follow_up[2], "回头看的次数"),
        )
    return Campaign(
        id=new_id(),
        name=name.strip(),
        doc_no=doc_no.strip(),
        phases=tuple(made_phases),
        types=tuple(dict.fromkeys(t.strip() for t in types if t.strip())),
        districts=tuple(dict.fromkeys(d.strip() for d in districts if d.strip())),
        focus_packs=tuple(dict.fromkeys(f.strip() for f in focus_packs if f.strip())),
        reports=tuple(made_reports),
        follow_up=follow,
    )


@dataclass(frozen=True)
class Known:
    """What a campaign may name: the institution types, districts and focus packs known
    where it is made (code → name for types and packs)."""

    types: dict[str, str]
    districts: Collection[str]
    focus_packs: dict[str, str] = field(default_factory=dict)


def check(campaign: Campaign, known: Known) -> Campaign:
    """The campaign if it holds together; InvalidInput naming the first thing wrong."""
    name = campaign.name.strip()
    if not name:
        raise InvalidInput("请填写专项行动的名称")
    if len(name) > MAX_NAME:
        raise InvalidInput("专项行动的名称过长（最多 {limit} 个字）", limit=MAX_NAME)
    if len(campaign.doc_no) > MAX_DOC_NO:
        raise InvalidInput("文号过长（最多 {limit} 个字）", limit=MAX_DOC_NO)
    if not campaign.phases:
        raise InvalidInput("专项行动至少需要一个阶段（名称和起止日期）")
    if len(campaign.phases) > MAX_PHASES:
        raise InvalidInput("阶段过多（最多 {limit} 个）", limit=MAX_PHASES)
    seen: set[str] = set()
    previous: Phase | None = None
    for phase in campaign.phases:
        if not phase.name.strip():
            raise InvalidInput("第 {n} 个阶段没有名称", n=campaign.phases.index(phase) + 1)
        if phase.name in seen:
            raise InvalidInput("阶段“{name}”重复", name=phase.name)
        seen.add(phase.name)
        for day in (phase.start, phase.end):
            _check_year(day, phase.name)
        if phase.end < phase.start:
            raise InvalidInput(
                "阶段“{name}”的结束日期 {end} 早于开始日期 {start}",
                name=phase.name,
                start=phase.start,
                end=phase.end,
            )
        if previous is not None and phase.start < previous.end:
            # Phases follow one another (a shared boundary day is allowed: seed 003's stages
            # meet in the same 下旬).
            raise InvalidInput(
                "阶段“{name}”的开始日期 {start} 早于上一阶段“{previous}”的结束日期 {end}",
                name=phase.name,
                start=phase.start,
                previous=previous.name,
                end=previous.end,
            )
        previous = phase
    if not campaign.types:
        raise InvalidInput("请选择专项行动涉及的机构类型")
    for code in campaign.types:
        if code not in known.types:
            raise InvalidInput("不认识的机构类型：{code}", code=code)
    if not campaign.districts:
        raise InvalidInput("请选择专项行动涉及的区县")
    for district in campaign.districts:
        if district not in known.districts:
            raise InvalidInput(
                "不认识的区县：{district}（已知：{known}）",
                district=district,
                known="、".join(sorted(known.districts)) or "无",
            )
    for pack in campaign.focus_packs:
        if pack not in known.focus_packs:
            raise InvalidInput("没有这个专项清单包：{pack}", pack=pack)
    if len(campaign.reports) > MAX_REPORTS:
        raise InvalidInput("报送期限过多（最多 {limit} 个）", limit=MAX_REPORTS)
    stated: set[tuple[str, date]] = set()
    for report in campaign.reports:
        if report.form not in FORMS:
            raise InvalidInput("不认识的报送表式：{form}", form=report.form)
        _check_year(report.due, report.title)
        if report.due < campaign.start:
            raise InvalidInput(
                "{title}的报送期限 {due} 早于专项行动开始的日期 {start}",
                title=report.title,
                due=report.due,
                start=campaign.start,
            )
        if (report.form, report.due) in stated:
            raise InvalidInput("{title} {due} 重复", title=report.title, due=report.due)
        stated.add((report.form, report.due))
    follow = campaign.follow_up
    if follow is not None:
        if not 1 <= follow.every_months <= 24:
            raise InvalidInput("回头看的间隔应为 1 至 24 个月")
        if not 1 <= follow.count <= MAX_FOLLOW_UPS:
            raise InvalidInput("回头看的次数应为 1 至 {limit} 次", limit=MAX_FOLLOW_UPS)
        _check_year(follow.first, "回头看")
        if follow.first < campaign.start:
            raise InvalidInput(
                "第一次回头看 {first} 早于专项行动开始的日期 {start}",
                first=follow.first,
                start=campaign.start,
            )
    if campaign.status not in STATUS_NAMES:
        raise InvalidInput("专项行动的状态无效：{status}", status=campaign.status)
    return campaign


def _check_year(day: date, what: str) -> None:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise InvalidInput("{what}的日期 {day} 不在合理的年份内", what=what, day=day)


# --- where a day stands ---------------------------------------------------------------------


@dataclass(frozen=True)
class DueItem:
    """A report or a 回头看 with its stated day and the last day it may be done on."""

    kind: str  # "report" or "follow_up"
    title: str
    stated: date
    deadline: Deadline
    working_days_left: int  # working days after today up to the last day (0 when late)
    # 已报送 (a report the office marked handed in) or 已完成 (a 回头看 round it marked done)
    submitted_on: date | None = None
    form: str = ""  # a report's form code (FORMS); "" for a 回头看

    @property
    def late(self) -> bool:
        return self.deadline.state == LATE and self.submitted_on is None

    @property
    def done(self) -> bool:
        return self.submitted_on is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "title": self.title,
            "stated": self.stated.isoformat(),
            "last_day": self.deadline.last_day.isoformat(),
            "state": self.deadline.state,
            "late": self.late,
            "working_days_left": self.working_days_left,
            "provisional": self.deadline.provisional,
            "submitted_on": None if self.submitted_on is None else self.submitted_on.isoformat(),
            "form": self.form,
        }


@dataclass(frozen=True)
class Schedule:
    today: date
    current: Phase | None  # the phase today falls in
    upcoming: Phase | None  # the next phase to start (before the first, between two)
    items: tuple[DueItem, ...]  # every report and 回头看, by last day

    @property
    def late(self) -> list[DueItem]:
        return [i for i in self.items if i.late]

    @property
    def pending(self) -> list[DueItem]:
        return [i for i in self.items if not i.late and not i.done]

    @property
    def done(self) -> list[DueItem]:
        return [i for i in self.items if i.done]

    def phase_text(self) -> str:
        if self.current is not None:
            return f"{self.current.name}（{self.current.start} 至 {self.current.end}）"
        if self.upcoming is not None:
            return f"尚未开始：{self.upcoming.name}（{self.upcoming.start} 起）"
        return "各阶段已结束"

    def to_dict(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "phase": None if self.current is None else self.current.name,
            "next_phase": None if self.upcoming is None else self.upcoming.name,
            "phase_text": self.phase_text(),
            "due": [i.to_dict() for i in self.pending],
            "late": [i.to_dict() for i in self.late],
            "submitted": [i.to_dict() for i in self.done],
        }


def last_day(stated: date, calendar: WorkCalendar = CALENDAR) -> date:
    """The last day a report stated for ``stated`` may be handed in: a stated day that is a
    statutory holiday or a rest day moves to the next working day (民法典 art. 203: 期间的最后一
    日是法定休假日的，以法定休假日结束的次日为期间的最后一日)."""
    return calendar.add_days(stated, 0)


def schedule(campaign: Campaign, today: date, calendar: WorkCalendar = CALENDAR) -> Schedule:
    """Where ``today`` stands in the campaign: its phase and every deadline, counted on the
    working-day calendar; a passed one is late unless the office marked it 已报送 (a report)
    or 已完成 (a 回头看 round): both happen outside this tool, the office says when."""
    current = next((p for p in campaign.phases if p.start <= today <= p.end), None)
    upcoming = next((p for p in campaign.phases if p.start > today), None)
    stated: list[tuple[str, str, date, date | None, str]] = [
        ("report", r.title, r.due, r.submitted_on, r.form) for r in campaign.reports
    ]
    if campaign.follow_up is not None:
        follow = campaign.follow_up
        stated += [
            ("follow_up", "回头看", d, getattr(follow.done_on(d), "done_on", None), "")
            for d in follow.dates()
        ]
    items = []
    for kind, title, day, submitted, form in stated:
        last = last_day(day, calendar)
        deadline = Deadline(last, today, provisional=calendar.provisional(today, last))
        left = 0 if today > last else calendar.working_days_between(today, last)
        items.append(DueItem(kind, title, day, deadline, left, submitted, form))
    items.sort(key=lambda i: (i.deadline.last_day, i.title))
    return Schedule(today, current, upcoming, tuple(items))


# --- coverage -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """An institution of the registry as coverage counts it: a key that names it across
    laptops (its 协议编号, else its name and district), its district and type."""

    key: str
    district: str
    type_code: str


def place_key(name: str, district: str, agreement_no: str | None) -> str:
    """An institution's key across laptops and the server: each laptop gives its own id to
    the registry's rows, so they are matched as a registry import matches them (by the
    agreement number, else by name and district)."""
    if agreement_no and agreement_no.strip():
        return "agreement:" + agreement_no.strip().replace(" ", "")
    return f"name:{' '.join(name.split())}|{district.strip()}"


def coverage(
    campaign: Campaign, registry: Iterable[Place], inspected: Collection[str]
) -> dict[str, Any]:
    """Per district in scope: the registry's institutions of the campaign's types there, and
    how many of them have a signed inspection in the campaign's period (``inspected``: their
    keys). Shares are fractions (None where nothing is in scope)."""
    by_district: dict[str, dict[str, Any]] = {
        d: {"district": d, "in_scope": 0, "inspected": 0} for d in campaign.districts
    }
    seen: set[str] = set()
    for place in registry:
        if place.key in seen or not campaign.in_scope(place.type_code, place.district):
            continue
        seen.add(place.key)
        row = by_district[place.district]
        row["in_scope"] += 1
        if place.key in inspected:
            row["inspected"] += 1
    rows = [by_district[d] for d in campaign.districts]
    for row in rows:
        row["share"] = row["inspected"] / row["in_scope"] if row["in_scope"] else None
    total_scope = sum(r["in_scope"] for r in rows)
    total_done = sum(r["inspected"] for r in rows)
    return {
        "districts": rows,
        "in_scope": total_scope,
        "inspected": total_done,
        "share": total_done / total_scope if total_scope else None,
    }


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f}%"
