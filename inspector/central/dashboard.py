"""The office's desk (工作台, ``/office``): the figures a 科长 reads each morning, over the merged
data of every laptop, for the districts the signed-in user sees.

- **inspections** by district (in parts by status) and by month, from the office list's own
  table (``inspections``): a figure counts exactly the inspections its link lists;
- **findings**: the problem ledger's rows the laptops pushed (``rows`` where ``table_name`` is
  ``ledger_entries``, one JSONB document each, inspector/ledger/entries.py), those not 已更正
  (superseded), of a live inspection row, by violation category and by the inspection's
  district, with the amounts involved (涉及金额) and recovered (追回金额) and how many are
  rectified (已整改, closed by a signed 回头看).

Every figure is of the inspections whose visit started in the chosen period (the list's
``since``/``until``, the same days) and links to the list filtered to those inspections
(``district``, ``status``, ``since``/``until``, ``category``, ``findings``)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from sqlalchemy import BigInteger, cast, exists, func, select

from inspector.central import charts
from inspector.central import schema as s
from inspector.errors import InvalidInput
from inspector.ledger.entries import RECTIFIED, SUPERSEDED

if TYPE_CHECKING:
    from sqlalchemy.sql.elements import ColumnElement

    from inspector.central.service import Central

UNCATEGORISED = "未分类"  # a finding without a violation category (the ledger report's name)
NO_DISTRICT = "（未填区县）"
LIST = "/office/inspections"
MONTHS = 12  # the months chart without a period: the last twelve, this one included
MAX_MONTHS = 36  # with a period: at most its last 36 months
# The statuses in the order a visit goes through them, the stacked bars' parts.
STATUS_ORDER = ("signed", "awaiting_signatures", "in_progress", "draft")


@dataclass
class CategoryFigures:
    code: str  # the violation code, or UNCATEGORISED
    name: str
    findings: int = 0
    amount_fen: int = 0
    recovered_fen: int = 0


@dataclass
class DistrictFigures:
    name: str | None
    inspections: dict[str, int] = field(default_factory=dict)  # status → count
    findings: int = 0
    amount_fen: int = 0
    recovered_fen: int = 0
    rectified: int = 0


@dataclass
class Desk:
    area: str | None
    since: str | None
    until: str | None
    inspections: int = 0
    signed: int = 0
    findings: int = 0
    amount_fen: int = 0
    recovered_fen: int = 0
    rectified: int = 0
    districts: list[DistrictFigures] = field(default_factory=list)
    months: list[tuple[date, int]] = field(default_factory=list)  # each month's first day
    categories: list[CategoryFigures] = field(default_factory=list)

    @property
    def scope(self) -> str:
        return self.area or "全部区县"


def _period(since: str | None, until: str | None) -> list[Any]:
    """The list's period condition (service.list_inspections: the same days, UTC)."""
    from inspector.central.service import _day, _day_after

    t = s.inspections
    where: list[Any] = []
    if since:
        where.append(t.c.started_at >= _day(since))
    if until:
        where.append(t.c.started_at < _day_after(until))
    return where


def _period_start(value: str) -> datetime:
    from inspector.central.service import _day

    return _day(value)


def _period_end(value: str) -> datetime:
    from inspector.central.service import _day_after

    return _day_after(value)


def _area(area: str | None) -> Any:
    from inspector.central.service import _in_area

    return _in_area(area)


def _ledger() -> list[Any]:
    """A live finding: a pushed ledger row, not deleted, not superseded by a correction."""
    r = s.rows
    return [
        r.c.table_name == "ledger_entries",
        r.c.deleted.is_(False),
        r.c.data["status"].astext.is_distinct_from(SUPERSEDED),
    ]


def _category(value: str) -> Any:
    code = s.rows.c.data["violation_code"].astext
    if value == UNCATEGORISED:
        return func.coalesce(code, "") == ""
    return code == value


def finding_exists(category: str | None = None) -> ColumnElement[bool]:
    """The office list's ``findings``/``category`` filter: the inspection has a live finding
    (of this violation category; UNCATEGORISED: of none)."""
    r = s.rows
    where = [*_ledger(), r.c.inspection_id == s.inspections.c.id]
    if category:
        where.append(_category(category))
    return exists(select(1).select_from(r).where(*where))


def category_values(central: Central, area: str | None = None) -> list[str]:
    """The violation categories of the findings this user sees (the list's 问题类别 filter)."""
    r, t = s.rows, s.inspections
    code = func.coalesce(func.nullif(r.c.data["violation_code"].astext, ""), UNCATEGORISED)
    with central.engine.connect() as c:
        found = c.scalars(
            select(code)
            .distinct()
            .select_from(r.join(t, t.c.id == r.c.inspection_id))
            .where(*_ledger(), _area(area))
            .order_by(code)
        ).all()
    return [str(v) for v in found]


@functools.cache
def _library() -> Any:
    from inspector.checklists.library import load_library

    return load_library()


def category_name(code: str) -> str:
    """``VH01 诱导、协助他人…``: the shipped checklist library's title, else the code."""
    if code == UNCATEGORISED:
        return code
    violation = _library().violations.get(code)
    return f"{code} {violation.title}" if violation else code


def type_name(code: str) -> str:
    """An institution type's name in the shipped library, else its code."""
    found = _library().types.get(code)
    return found.name if found else code


def _months(since: str | None, until: str | None, today: date) -> list[date]:
    """The months the months chart shows: the period's (its last MAX_MONTHS), else the last
    MONTHS up to this one."""
    from inspector.central.service import _day

    last = _day(until).date() if until else today
    if since:
        first = _day(since).date()
        count = (last.year - first.year) * 12 + last.month - first.month + 1
        count = max(1, min(count, MAX_MONTHS))
    else:
        count = MONTHS
    out = []
    year, month = last.year, last.month
    for _ in range(count):
        out.append(date(year, month, 1))
        if year == 1 and month == 1:
            break
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return out[::-1]


def desk(
    central: Central,
    area: str | None = None,
    since: str | None = None,
    until: str | None = None,
    today: date | None = None,
) -> Desk:
    """The desk's figures for a user's ``area`` (None: every district) and period."""
    from inspector.central.service import _check_filter

    for value in (since, until):
        _check_filter(value)
    where = [_area(area), *_period(since, until)]
    if since and until and _period_end(until) <= _period_start(since):
        raise InvalidInput("报告期的结束日期早于开始日期")
    figures = Desk(area, since or None, until or None)
    t, r = s.inspections, s.rows
    today = today or datetime.now(UTC).date()
    months = _months(since, until, today)
    month = func.date_trunc("month", func.timezone("UTC", t.c.started_at))
    amount = func.coalesce(func.sum(cast(r.c.data["amount_fen"].astext, BigInteger)), 0)
    recovered = func.coalesce(func.sum(cast(r.c.data["recovered_fen"].astext, BigInteger)), 0)
    rectified = func.count().filter(r.c.data["status"].astext == RECTIFIED)
    code = func.coalesce(func.nullif(r.c.data["violation_code"].astext, ""), UNCATEGORISED)
    findings = select().select_from(r.join(t, t.c.id == r.c.inspection_id)).where(*_ledger())
    districts: dict[str | None, DistrictFigures] = {}
    with central.engine.connect() as c:
        for district, status, count in c.execute(
            select(t.c.district, t.c.status, func.count())
            .where(*where)
            .group_by(t.c.district, t.c.status)
        ):
            row = districts.setdefault(district, DistrictFigures(district))
            row.inspections[status] = int(count)
        counted = dict(
            c.execute(
                select(month, func.count())
                .where(*where, t.c.started_at >= datetime.combine(months[0], time(), UTC))
                .group_by(month)
            ).all()
        )
        for district, count, total, back, closed in c.execute(
            findings.add_columns(t.c.district, func.count(), amount, recovered, rectified)
            .where(*where)
            .group_by(t.c.district)
        ):
            row = districts.setdefault(district, DistrictFigures(district))
            row.findings, row.amount_fen = int(count), int(total)
            row.recovered_fen, row.rectified = int(back), int(closed)
        categories = c.execute(
            findings.add_columns(code, func.count(), amount, recovered)
            .where(*where)
            .group_by(code)
            .order_by(func.count().desc(), code)
        ).all()
    by_month = {k.date().replace(day=1): int(v) for k, v in counted.items() if k is not None}
    figures.months = [(m, by_month.get(m, 0)) for m in months]
    figures.categories = [
        CategoryFigures(str(k), category_name(str(k)), int(n), int(a), int(b))
        for k, n, a, b in categories
    ]
    figures.districts = sorted(
        districts.values(), key=lambda d: (-sum(d.inspections.values()), d.name or "\uffff")
    )
    for d in figures.districts:
        figures.inspections += sum(d.inspections.values())
        figures.signed += d.inspections.get("signed", 0)
        figures.findings += d.findings
        figures.amount_fen += d.amount_fen
        figures.recovered_fen += d.recovered_fen
        figures.rectified += d.rectified
    return figures


# --- the desk as the page shows it ---------------------------------------------------------


def yuan(fen: int) -> str:
    """¥12,345.60: an amount in fen as the page writes it (exact, never rounded)."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(int(fen)), 100)
    return f"{sign}¥{whole:,}.{cents:02d}"


def share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "—"


def link(figures: Desk, **filters: str | None) -> str:
    """The office list of a figure: its filters and the desk's period."""
    chosen = {"since": figures.since, "until": figures.until, **filters}
    return LIST + "?" + urlencode({k: v for k, v in chosen.items() if v})


def _month_label(m: date, first: bool) -> str:
    return f"{m.month}月\n{m.year}" if first or m.month == 1 else f"{m.month}月"


def _month_end(m: date) -> date:
    after = date(m.year + (m.month == 12), 1 if m.month == 12 else m.month + 1, 1)
    return date.fromordinal(after.toordinal() - 1)


def panels(figures: Desk, status_names: dict[str, str]) -> dict[str, Any]:
    """The desk's charts (charts.py's SVG) and tiles, each figure linked to its list."""
    named = [d for d in figures.districts if d.name]
    statuses = [k for k in STATUS_ORDER if k in status_names] + [
        k for k in status_names if k not in STATUS_ORDER
    ]
    series = [charts.Series(k, status_names[k]) for k in statuses]
    by_status = charts.stacked(
        "by-district",
        "各区县检查次数（按状态）",
        "每个区县的检查次数，按状态分段；点击进入该区县（该状态）的检查列表。",
        series,
        [
            charts.Stack(
                d.name or NO_DISTRICT,
                d.inspections,
                link(figures, district=d.name),
                {k: link(figures, district=d.name, status=k) for k in statuses},
            )
            for d in named
        ],
        unit=" 次",
    )
    months = charts.columns(
        "by-month",
        "每月检查次数",
        "每个月开始的检查次数（按检查开始日期）；点击进入该月的检查列表。",
        [
            charts.Bar(
                _month_label(m, n == 0),
                count,
                f"{count} 次",
                link(figures, since=m.isoformat(), until=_month_end(m).isoformat()),
                note=f"{m.year}年{m.month}月",
            )
            for n, (m, count) in enumerate(figures.months)
        ],
        head="检查次数",
    )
    categories = charts.bars(
        "by-category",
        "问题类别（发现问题个数）",
        "各违规类别发现的问题个数；点击进入有该类问题的检查列表。",
        [
            charts.Bar(c.name, c.findings, f"{c.findings} 个", link(figures, category=c.code))
            for c in figures.categories
        ],
        head="问题个数",
    )
    category_money = charts.progress(
        "money-by-category",
        "追回金额 / 涉及金额（按问题类别）",
        "各违规类别问题的涉及金额中已追回的部分；点击进入有该类问题的检查列表。",
        [
            charts.Progress(
                c.name,
                c.recovered_fen,
                c.amount_fen,
                f"{yuan(c.recovered_fen)} / {yuan(c.amount_fen)}",
                link(figures, category=c.code),
                cells=(yuan(c.recovered_fen), yuan(c.amount_fen)),
            )
            for c in figures.categories
        ],
        head=("追回金额", "涉及金额", "追回比例"),
    )
    with_findings = [d for d in named if d.findings]
    district_findings = charts.bars(
        "findings-by-district",
        "各区县发现问题",
        "各区县检查发现的问题个数；点击进入该区县有问题的检查列表。",
        [
            charts.Bar(
                d.name or "",
                d.findings,
                f"{d.findings} 个",
                link(figures, district=d.name, findings="1"),
            )
            for d in with_findings
        ],
        head="问题个数",
    )
    district_money = charts.progress(
        "money-by-district",
        "追回金额 / 涉及金额（按区县）",
        "各区县问题的涉及金额中已追回的部分；点击进入该区县有问题的检查列表。",
        [
            charts.Progress(
                d.name or "",
                d.recovered_fen,
                d.amount_fen,
                f"{yuan(d.recovered_fen)} / {yuan(d.amount_fen)}",
                link(figures, district=d.name, findings="1"),
                cells=(yuan(d.recovered_fen), yuan(d.amount_fen)),
            )
            for d in with_findings
        ],
        head=("追回金额", "涉及金额", "追回比例"),
    )
    rectification = charts.progress(
        "rectified-by-district",
        "整改销号（按区县）",
        "各区县问题中经回头看确认已整改销号的个数；点击进入该区县有问题的检查列表。",
        [
            charts.Progress(
                d.name or "",
                d.rectified,
                d.findings,
                f"{d.rectified} / {d.findings}（{share(d.rectified, d.findings)}）",
                link(figures, district=d.name, findings="1"),
            )
            for d in with_findings
        ],
        head=("已整改", "问题", "整改率"),
    )
    tiles = [
        ("检查次数", f"{figures.inspections}", link(figures)),
        ("已签字", f"{figures.signed}", link(figures, status="signed")),
        ("发现问题", f"{figures.findings}", link(figures, findings="1")),
        ("涉及金额", yuan(figures.amount_fen), link(figures, findings="1")),
        ("追回金额", yuan(figures.recovered_fen), link(figures, findings="1")),
        ("整改率", share(figures.rectified, figures.findings), link(figures, findings="1")),
    ]
    return {
        "tiles": tiles,
        "by_status": by_status,
        "months": months,
        "categories": categories,
        "category_money": category_money,
        "district_findings": district_findings,
        "district_money": district_money,
        "rectification": rectification,
    }


# --- the panels of the office's other parts (campaigns, assignments, reports) ---------------
# Each is shown when this server has that part (app.py ``_desk_extras`` looks for it); these
# only lay out what those parts compute.

CHINA = timezone(timedelta(hours=8))  # the bureau's day (no daylight saving)
DUE_SHOWN = 3  # a campaign's next deadlines shown on the desk (the campaign's page has all)
LATE_SHOWN = 8  # late assignments listed on the desk (the assignments page has all)


def campaign_view(progress: dict[str, Any], n: int) -> dict[str, Any]:
    """One campaign's block: its phase, late and coming deadlines, and coverage by district
    (inspector/central/campaigns.py ``campaign_progress``), linked to the campaign's page."""
    campaign = progress["campaign"]
    page = "/office/campaigns/" + quote(str(campaign["id"]))
    rows = progress["coverage"]["districts"]
    chart = charts.progress(
        f"coverage-{n}",
        "覆盖率（已检查机构 / 范围内机构，按区县）",
        "专项行动范围内的定点机构中已有签字检查的家数；点击进入该专项行动。",
        [
            charts.Progress(
                str(d["district"]),
                int(d["inspected"]),
                int(d["in_scope"]),
                f"{d['inspected']} / {d['in_scope']} 家（{_percent(d['share'])}）",
                page,
            )
            for d in rows
        ],
        head=("已检查", "范围内", "覆盖率"),
    )
    return {
        "name": campaign["name"],
        "doc_no": campaign.get("doc_no") or "",
        "href": page,
        "phase": progress.get("phase_text") or "",
        "late": list(progress.get("late") or []),
        "due": list(progress.get("due") or [])[:DUE_SHOWN],
        "registry": bool(progress["coverage"].get("registry", True)),
        "coverage": chart,
        "share": _percent(progress["coverage"].get("share")),
    }


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{share:.0%}"


def late_view(status: dict[str, Any]) -> dict[str, Any]:
    """Late assignments and unanswered leads (inspector/central/assignments.py
    ``assignment_status``): the counts by state and the latest late ones."""
    late = [{**r, "kind_name": "检查任务"} for r in status.get("late_visits") or []] + [
        {**r, "kind_name": "线索"} for r in status.get("late_leads") or []
    ]
    late.sort(key=lambda r: -int(r.get("late_days") or 0))
    visits = dict(status.get("visits") or {})
    leads = dict(status.get("leads") or {})
    page = "/office/assignments"
    return {
        "visits": visits,
        "leads": leads,
        "late": late[:LATE_SHOWN],
        "more": max(0, len(late) - LATE_SHOWN),
        "href": page,
        "late_visits": len(status.get("late_visits") or []),
        "late_leads": len(status.get("late_leads") or []),
        # leads assigned and not answered yet, late or not
        "open_leads": sum(v for k, v in leads.items() if k != "已核查"),
    }


def report_periods(today: date | None = None) -> list[tuple[str, date, date]]:
    """The periods the desk offers its 情况报告 for at one click: this quarter so far, the
    quarter before, this year so far (the report form takes any other)."""
    day = today or datetime.now(CHINA).date()
    first = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    before_end = first - timedelta(days=1)
    before = date(before_end.year, 3 * ((before_end.month - 1) // 3) + 1, 1)

    def name(start: date) -> str:
        return f"{start.year}年第{(start.month - 1) // 3 + 1}季度"

    return [
        (name(first) + "（至今）", first, day),
        (name(before), before, before_end),
        (f"{day.year}年（至今）", date(day.year, 1, 1), day),
    ]
