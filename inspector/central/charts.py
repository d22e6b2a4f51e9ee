"""Charts of the office pages as server-rendered SVG, inline in the page: no script (the pages'
CSP admits none), no library, nothing fetched (the bureau's network is closed).

Each chart is readable without its colours and without a mouse: a ``<title>`` and ``<desc>``,
every bar's label and figure written beside it as text, every bar a link (``<a>`` with an
``aria-label`` saying what it leads to) to the list behind the figure, and a data table below
the chart (``<details>``). Sizes are in percent of the chart's width, text in pixels: the same
chart lays out at 1366 px and at a phone's 390 px without shrinking its text.

The look (fonts, colours of ``.s0`` … ``.s5``) is the office stylesheet's (static/office.css);
``data-value`` carries each figure as a number, for the tests and for anyone reading the
page's source."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from markupsafe import Markup

ROW = 40  # a horizontal bar's row: its label line and the bar under it
STACK_ROW = 58  # a stacked bar's row: label, bar, and the parts written out under it
COLUMN_HEIGHT = 150  # the columns' plot height
LABEL_CHARS = 18  # a label longer than this is cut (the full one is in the bar's <title>)
PHONE_LINE = 330  # px: a chart's line on a 390 px phone, inside its panel


@dataclass(frozen=True)
class Bar:
    """One figure: ``value`` as a number (the bar's length), ``shown`` as written beside it."""

    label: str
    value: float
    shown: str
    href: str | None = None
    note: str = ""  # the full name, when ``label`` is a short one


@dataclass(frozen=True)
class Series:
    """One part of a stacked bar (a status), its class picking its colour (.s0 … .s5)."""

    key: str
    name: str


@dataclass(frozen=True)
class Stack:
    label: str
    values: dict[str, int]
    href: str | None = None  # the whole bar's list
    hrefs: dict[str, str] = field(default_factory=dict)  # each part's list


@dataclass(frozen=True)
class Progress:
    """``done`` of ``total`` (recovered of the amount involved, inspected of those in scope)."""

    label: str
    done: float
    total: float
    shown: str
    href: str | None = None
    note: str = ""
    cells: tuple[str, str] = ("", "")  # done and total as the data table writes them


def _a(text: object) -> str:
    return escape(str(text), quote=True)


def _id(chart_id: str) -> str:
    if not re.fullmatch(r"[a-z][a-z0-9-]{0,40}", chart_id):
        raise ValueError(f"chart id {chart_id!r}")
    return chart_id


def _short(label: str, shown: str = "") -> str:
    """The label as it fits beside its figure on a phone's line (PHONE_LINE px: a CJK
    character about 13 px, a digit about 7.5); the full one is in the bar's <title>."""
    room = int((PHONE_LINE - 7.5 * len(shown)) / 13)
    chars = max(6, min(LABEL_CHARS, room))
    return label if len(label) <= chars else label[: chars - 1] + "…"


def _pct(value: float, top: float) -> float:
    """A bar's length in percent of the chart's width; a non-zero figure stays visible."""
    if top <= 0 or value <= 0:
        return 0.0
    return round(max(100.0 * value / top, 0.6), 2)


def _open(chart_id: str, title: str, desc: str, height: int, kind: str) -> list[str]:
    return [
        f'<svg class="chart {kind}" id="{chart_id}" width="100%" height="{height}" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-t">{_a(title)}</title><desc id="{chart_id}-d">{_a(desc)}</desc>',
    ]


def _link(href: str | None, label: str, body: str, value: float) -> str:
    """A bar as a link to its list (or as a group when it has none)."""
    attrs = f'data-label="{_a(label)}" data-value="{_a(_number(value))}"'
    if href:
        return f'<a href="{_a(href)}" aria-label="{_a(label)}" {attrs}>{body}</a>'
    return f"<g {attrs}>{body}</g>"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    cells = "".join(f'<th scope="col">{_a(h)}</th>' for h in head)
    body = "".join(
        "<tr>"
        + f'<th scope="row">{_a(row[0])}</th>'
        + "".join(f'<td class="num">{_a(c)}</td>' for c in row[1:])
        + "</tr>"
        for row in rows
    )
    return (
        '<details class="data"><summary>数据表</summary>'
        '<div class="table-box" tabindex="0" role="region" aria-label="数据表">'
        f'<table class="table"><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>'
        "</div></details>"
    )


def _empty(title: str) -> Markup:
    return Markup(
        f'<figure class="chart-box"><figcaption>{_a(title)}</figcaption>'
        '<p class="muted">暂无数据</p></figure>'
    )


def bars(chart_id: str, title: str, desc: str, items: Sequence[Bar], head: str = "数值") -> Markup:
    """Horizontal bars, one a row: the label and its figure on a line, the bar under them."""
    chart_id = _id(chart_id)
    if not items:
        return _empty(title)
    top = max(b.value for b in items)
    out = _open(chart_id, title, desc, ROW * len(items) + 2, "bars")
    for n, b in enumerate(items):
        y = n * ROW
        name = b.note or b.label
        body = (
            f"<title>{_a(name)}：{_a(b.shown)}</title>"
            f'<rect class="hit" x="0" y="{y}" width="100%" height="{ROW}"></rect>'
            f'<text class="label" x="0" y="{y + 15}">{_a(_short(b.label, b.shown))}</text>'
            f'<text class="value" x="100%" y="{y + 15}" text-anchor="end">{_a(b.shown)}</text>'
            f'<rect class="track" x="0" y="{y + 21}" width="100%" height="12" rx="2"></rect>'
            f'<rect class="bar" x="0" y="{y + 21}" width="{_pct(b.value, top)}%" '
            f'height="12" rx="2"></rect>'
        )
        out.append(_link(b.href, f"{name}：{b.shown}", body, b.value))
    out.append("</svg>")
    table = _table(["项目", head], [[b.note or b.label, b.shown] for b in items])
    return _figure(title, "".join(out), table)


def columns(
    chart_id: str, title: str, desc: str, items: Sequence[Bar], head: str = "数值"
) -> Markup:
    """Vertical columns in order (months): the figure above each, its label under it."""
    chart_id = _id(chart_id)
    if not items:
        return _empty(title)
    top = max(b.value for b in items) or 1
    width = 100 / len(items)
    base = COLUMN_HEIGHT + 18
    out = _open(chart_id, title, desc, base + 36, "columns")
    out.append(f'<line class="axis" x1="0" x2="100%" y1="{base}" y2="{base}"></line>')
    for n, b in enumerate(items):
        height = round(COLUMN_HEIGHT * b.value / top, 1) if b.value else 0
        centre = round(width * (n + 0.5), 3)
        lines = b.label.split("\n")
        label = "".join(
            f'<tspan x="{centre}%" dy="{0 if i == 0 else 14}">{_a(line)}</tspan>'
            for i, line in enumerate(lines)
        )
        body = (
            f"<title>{_a(b.note or b.label)}：{_a(b.shown)}</title>"
            f'<rect class="hit" x="{round(width * n, 3)}%" y="0" width="{round(width, 3)}%" '
            f'height="{base + 36}"></rect>'
            f'<rect class="bar" x="{round(width * (n + 0.15), 3)}%" y="{base - height}" '
            f'width="{round(width * 0.7, 3)}%" height="{height}" rx="2"></rect>'
            f'<text class="value" x="{centre}%" y="{base - height - 4}" '
            f'text-anchor="middle">{_a(_number(b.value))}</text>'
            f'<text class="label" x="{centre}%" y="{base + 15}" text-anchor="middle">{label}</text>'
        )
        name = (b.note or b.label).replace("\n", "")
        out.append(_link(b.href, f"{name}：{b.shown}", body, b.value))
    out.append("</svg>")
    table = _table(
        ["项目", head], [[(b.note or b.label).replace("\n", ""), b.shown] for b in items]
    )
    return _figure(title, "".join(out), table)


def stacked(
    chart_id: str,
    title: str,
    desc: str,
    series: Sequence[Series],
    stacks: Sequence[Stack],
    unit: str = "",
) -> Markup:
    """Horizontal stacked bars: each part's figure written out under its bar (its colour is
    never the only way to tell the parts apart), each part a link to its own list."""
    chart_id = _id(chart_id)
    if not stacks:
        return _empty(title)
    totals = [sum(st.values.get(s.key, 0) for s in series) for st in stacks]
    top = max(totals)
    out = _open(chart_id, title, desc, STACK_ROW * len(stacks) + 2, "stacked")
    for n, (st, total) in enumerate(zip(stacks, totals, strict=True)):
        y = n * STACK_ROW
        whole = f"{st.label}：共 {total}{unit}"
        sum_text = f"共 {total}{unit}"
        out.append(
            _link(
                st.href,
                whole,
                f"<title>{_a(whole)}</title>"
                f'<rect class="hit" x="0" y="{y}" width="100%" height="20"></rect>'
                f'<text class="label" x="0" y="{y + 15}">{_a(_short(st.label, sum_text))}</text>'
                f'<text class="value" x="100%" y="{y + 15}" text-anchor="end">'
                f"共 {total}{_a(unit)}</text>",
                total,
            )
        )
        out.append(
            f'<rect class="track" x="0" y="{y + 21}" width="100%" height="14" rx="2"></rect>'
        )
        start = 0.0
        parts = []
        for index, s in enumerate(series):
            value = st.values.get(s.key, 0)
            if not value:
                continue
            length = round(100.0 * value / top, 2) if top else 0.0
            named = f"{st.label} {s.name}：{value}{unit}"
            body = (
                f"<title>{_a(named)}</title>"
                f'<rect class="bar s{index % 6}" x="{round(start, 2)}%" y="{y + 21}" '
                f'width="{length}%" height="14"></rect>'
            )
            out.append(_link(st.hrefs.get(s.key), named, body, value))
            start += length
            parts.append(f"{s.name} {value}")
        out.append(
            f'<text class="parts" x="0" y="{y + 50}" aria-hidden="true">'
            f"{_a(' · '.join(parts))}</text>"
        )
    out.append("</svg>")
    legend = "".join(
        f'<li><svg width="12" height="12" aria-hidden="true"><rect class="bar s{i % 6}" '
        f'width="12" height="12"></rect></svg>{_a(s.name)}</li>'
        for i, s in enumerate(series)
    )
    table = _table(
        ["项目", *(s.name for s in series), "合计"],
        [
            [st.label, *(str(st.values.get(s.key, 0)) for s in series), str(total)]
            for st, total in zip(stacks, totals, strict=True)
        ],
    )
    return _figure(title, f'<ul class="legend">{legend}</ul>' + "".join(out), table)


def progress(
    chart_id: str,
    title: str,
    desc: str,
    items: Sequence[Progress],
    head: tuple[str, str, str] = ("完成", "总数", "比例"),
) -> Markup:
    """Progress bars: ``done`` of ``total`` as a filled share of a track, written out too."""
    chart_id = _id(chart_id)
    if not items:
        return _empty(title)
    out = _open(chart_id, title, desc, ROW * len(items) + 2, "progress")
    rows = []
    for n, p in enumerate(items):
        y = n * ROW
        name = p.note or p.label
        share = min(p.done / p.total, 1.0) if p.total else 0.0
        body = (
            f"<title>{_a(name)}：{_a(p.shown)}</title>"
            f'<rect class="hit" x="0" y="{y}" width="100%" height="{ROW}"></rect>'
            f'<text class="label" x="0" y="{y + 15}">{_a(_short(p.label, p.shown))}</text>'
            f'<text class="value" x="100%" y="{y + 15}" text-anchor="end">{_a(p.shown)}</text>'
            f'<rect class="track" x="0" y="{y + 21}" width="100%" height="12" rx="2"></rect>'
            f'<rect class="bar done" x="0" y="{y + 21}" width="{_pct(share, 1)}%" height="12" '
            f'rx="2"></rect>'
        )
        out.append(_link(p.href, f"{name}：{p.shown}", body, p.done))
        done, total = p.cells if any(p.cells) else (_number(p.done), _number(p.total))
        rows.append([name, done, total, f"{share:.0%}"])
    out.append("</svg>")
    return _figure(title, "".join(out), _table(["项目", *head], rows))


def _figure(title: str, svg: str, table: str) -> Markup:
    return Markup(
        f'<figure class="chart-box"><figcaption>{_a(title)}</figcaption>{svg}{table}</figure>'
    )
