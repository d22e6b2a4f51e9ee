"""The office's desk (工作台): its figures over a data set made by hand in the server's tables
(inspections, and the ledger rows the laptops push), read from the charts the page draws (the
SVG's labels and numbers), each figure's link leading to the list of exactly those
inspections, a district's user seeing only its districts' figures; the page in headless
Chromium at 1366×768 and at a phone's 390 px, axe-core finding nothing serious, and the
screenshots of the desk and the list."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from inspector.central import charts
from inspector.central.dashboard import UNCATEGORISED, desk, panels, yuan
from inspector.central.service import Central
from tests.helpers.central import Cluster, Server

CHROMIUM = Path("/usr/bin/chromium")
PASSWORD = "局端测试口令 2026"
PERIOD = "since=2026-09-01&until=2026-12-31"
STATUS = {
    "draft": "草稿",
    "in_progress": "检查中",
    "awaiting_signatures": "待签字",
    "signed": "已签字",
}

# (id, institution, district, team district, status, start (UTC))
INSPECTIONS = [
    ("a1", "历城区甲医院", "历城区", "历城区", "signed", "2026-11-03 09:00"),
    ("a2", "历城区乙药房", "历城区", "历城区", "signed", "2026-11-20 14:00"),
    ("a3", "历城区丙诊所", "历城区", "历城区", "in_progress", "2026-12-02 08:30"),
    # made by a 历城区 team in 市中区 (交叉检查): 历城区's user sees it
    ("b1", "市中区丁医院", "市中区", "历城区", "signed", "2026-10-15 10:00"),
    ("b2", "市中区戊药房", "市中区", "市中区", "draft", "2026-12-01 09:00"),
    ("c1", "槐荫区己医院", "槐荫区", "槐荫区", "awaiting_signatures", "2026-09-09 09:00"),
    ("z1", "历城区旧医院", "历城区", "历城区", "signed", "2026-08-31 23:59"),  # before the period
]
# (id, inspection, violation code, amount (fen), recovered (fen), status, deleted)
FINDINGS = [
    ("f1", "a1", "VH01", 100_000, 40_000, "pending", False),
    ("f2", "a1", "VH01", 50_000, 50_000, "rectified", False),
    ("f3", "a1", None, None, 0, "in_progress", False),
    ("f4", "a2", "VP01", 20_000, 0, "transferred", False),
    ("f5", "a2", "VH01", 99_999, 0, "superseded", False),  # corrected: not counted
    ("f6", "b1", "VP01", 30_000, 10_000, "rectified", False),
    ("f7", "a3", "VH02", 70_000, 0, "pending", True),  # deleted on a laptop: not counted
    ("f8", "z1", "VH02", 10_000, 0, "pending", False),  # outside the period
]


def _uuid(short: str) -> str:
    return f"{short:0>8}-0000-4000-8000-000000000000"


def _fill_sql() -> str:
    rows = []
    for key, name, district, team, status, start in INSPECTIONS:
        rows.append(
            "INSERT INTO inspections (id, institution, district, team_district, type, mode, "
            "status, record_no, started_at, device_id, pushed_at) VALUES "
            f"('{_uuid(key)}', '{name}', '{district}', '{team}', 'public_hospital', 'surprise', "
            f"'{status}', NULL, timestamptz '{start}+00', 'device', now());"
        )
    for key, inspection, code, amount, recovered, status, deleted in FINDINGS:
        data = {
            "id": _uuid(key),
            "inspection_id": _uuid(inspection),
            "violation_code": code,
            "amount_fen": amount,
            "recovered_fen": recovered,
            "status": status,
        }
        rows.append(
            "INSERT INTO rows (table_name, row_key, inspection_id, data, bundle_id, deleted) "
            f"VALUES ('ledger_entries', '{json.dumps([_uuid(key)])}', '{_uuid(inspection)}', "
            f"'{json.dumps(data, ensure_ascii=False)}'::jsonb, 'hand', {str(deleted).lower()});"
        )
    return "\n".join(rows)


# The office's other parts, as their tables hold them: an active campaign whose 情况报告 was
# due long ago (late whatever the day the test runs) and whose summary is due far ahead; a
# visit assigned to 历城区 late since 2020; a lead assigned to 市中区, not answered, not late.
CAMPAIGN = {
    "id": "c0ffee00-0000-4000-8000-000000000001",
    "name": "定点医疗机构专项检查",
    "doc_no": "济医保发〔2026〕5号",
    "phases": [{"name": "集中检查", "start": "2020-01-01", "end": "2099-12-31"}],
    "types": ["public_hospital"],
    "districts": ["历城区", "市中区"],
    "reports": [
        {"form": "situation_report", "due": "2020-06-19"},
        {"form": "summary", "due": "2099-12-10"},
    ],
    "status": "active",
}
PARTS = f"""
INSERT INTO campaigns (id, name, doc_no, status, data, created_by, created_at)
VALUES ('{CAMPAIGN["id"]}', '{CAMPAIGN["name"]}', '{CAMPAIGN["doc_no"]}', 'active',
        '{json.dumps(CAMPAIGN, ensure_ascii=False)}'::jsonb, 'test', now());
INSERT INTO assignments (id, kind, district, inspectors, target, assigned_on, deadline,
                         created_at, created_by)
VALUES ('a55e0000-0000-4000-8000-000000000001', 'inspection', '历城区',
        '[{{"name": "张伟", "cert_no": "370100001"}}]'::jsonb,
        '{{"name": "历城区庚医院", "district": "历城区"}}'::jsonb, '2020-01-02', '2020-01-10',
        now(), 'test'),
       ('a55e0000-0000-4000-8000-000000000002', 'lead', '市中区', '[]'::jsonb,
        '{{"number": "JB-2026-007", "district": "市中区"}}'::jsonb, '2026-12-01', '2099-12-31',
        now(), 'test');
"""


@pytest.fixture
def central(postgres: Cluster, tmp_path: Path) -> Iterator[Central]:
    running = Central(postgres.create_database(), tmp_path / "store")
    try:
        yield running
    finally:
        running.close()


def _fill(central: Central) -> None:
    with central.engine.begin() as c:
        c.exec_driver_sql(_fill_sql())


def test_the_desks_figures_are_the_hand_made_data_sets(central: Central) -> None:
    _fill(central)
    figures = desk(central, None, "2026-09-01", "2026-12-31")
    assert figures.inspections == 6 and figures.signed == 3
    by_district = {d.name: d.inspections for d in figures.districts}
    assert by_district == {
        "历城区": {"signed": 2, "in_progress": 1},
        "市中区": {"signed": 1, "draft": 1},
        "槐荫区": {"awaiting_signatures": 1},
    }
    assert [(m.isoformat()[:7], n) for m, n in figures.months] == [
        ("2026-09", 1),
        ("2026-10", 1),
        ("2026-11", 2),
        ("2026-12", 2),
    ]
    categories = {c.code: (c.findings, c.amount_fen, c.recovered_fen) for c in figures.categories}
    assert categories == {
        "VH01": (2, 150_000, 90_000),
        "VP01": (2, 50_000, 10_000),
        UNCATEGORISED: (1, 0, 0),
    }
    money = {
        d.name: (d.findings, d.amount_fen, d.recovered_fen, d.rectified) for d in figures.districts
    }
    assert money["历城区"] == (4, 170_000, 90_000, 1)
    assert money["市中区"] == (1, 30_000, 10_000, 1)
    assert money["槐荫区"] == (0, 0, 0, 0)
    assert (figures.findings, figures.amount_fen, figures.recovered_fen, figures.rectified) == (
        5,
        200_000,
        100_000,
        2,
    )
    # a district's user: its district and what its teams made elsewhere, nothing else
    mine = desk(central, "历城区", "2026-09-01", "2026-12-31")
    assert {d.name: d.inspections for d in mine.districts} == {
        "历城区": {"signed": 2, "in_progress": 1},
        "市中区": {"signed": 1},
    }
    assert mine.findings == 5 and mine.amount_fen == 200_000
    theirs = desk(central, "槐荫区", "2026-09-01", "2026-12-31")
    assert theirs.inspections == 1 and theirs.findings == 0 and not theirs.categories
    # no period: the last twelve months up to this one, the inspection before September too
    every = desk(central, None, today=date(2026, 12, 7))
    assert every.inspections == 7 and len(every.months) == 12
    assert dict((m.isoformat()[:7], n) for m, n in every.months)["2026-08"] == 1


def test_the_list_behind_a_figure_is_exactly_its_inspections(central: Central) -> None:
    _fill(central)

    def listed(**filters: Any) -> set[str]:
        total, items = central.list_inspections(limit=100, **filters)
        assert total == len(items)
        return {i["institution"] for i in items}

    period = {"since": "2026-09-01", "until": "2026-12-31"}
    assert listed(category="VP01", **period) == {"历城区乙药房", "市中区丁医院"}
    assert listed(category="VH01", **period) == {"历城区甲医院"}  # a2's VH01 was corrected
    assert listed(category=UNCATEGORISED, **period) == {"历城区甲医院"}
    assert listed(category="VH02") == {"历城区旧医院"}  # a3's was deleted
    assert listed(findings=True, district="市中区", **period) == {"市中区丁医院"}
    assert listed(findings=True, area="槐荫区") == set()


def test_a_chart_writes_every_figure_and_escapes_its_labels() -> None:
    svg = str(
        charts.bars(
            "x",
            "标题",
            "说明",
            [
                charts.Bar("<b>甲</b>", 3, "3 个", "/office/inspections?a=1&b=2"),
                charts.Bar("乙", 0, "0 个"),
            ],
        )
    )
    assert "<b>" not in svg and "&lt;b&gt;甲&lt;/b&gt;" in svg
    assert 'href="/office/inspections?a=1&amp;b=2"' in svg
    assert '<title id="x-t">标题</title>' in svg and '<desc id="x-d">说明</desc>' in svg
    assert 'data-value="3"' in svg and 'data-value="0"' in svg and "3 个" in svg
    with pytest.raises(ValueError):
        charts.bars('x"><script>', "t", "d", [])
    assert yuan(123_456_78) == "¥123,456.78" and yuan(5) == "¥0.05" and yuan(-100) == "-¥1.00"


# --- in the browser ------------------------------------------------------------------------

READ_CHART = """svg => [...svg.querySelectorAll('[data-value]')].map(e => ({
  label: e.getAttribute('data-label'), value: e.getAttribute('data-value'),
  href: e.getAttribute('href'), text: [...e.querySelectorAll('text')].map(t => t.textContent)}))"""
PHONE = 390


def _sign_in(page: Any, name: str) -> None:
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()


def _chart(page: Any, chart_id: str) -> dict[str, dict[str, Any]]:
    return {b["label"]: b for b in page.eval_on_selector(f"svg#{chart_id}", READ_CHART)}


def _listed(page: Any) -> set[str]:
    return set(
        page.eval_on_selector_all("table.table tbody td a", "els => els.map(e => e.innerText)")
    )


def _accessible(page: Any, where: str, width: int) -> None:
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page).response
    grave = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in found["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not grave, (where, grave)
    assert found["passes"], where
    # nothing wider than the window: tables and charts scroll or fit within their boxes
    scroll = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll <= width, (where, scroll)


def _shoot(page: Any, tmp_path: Path, name: str, whole: bool = False) -> None:
    shot = tmp_path / name
    page.screenshot(path=str(shot), full_page=whole)
    target = os.environ.get("INSPECTOR_SAVE_SCREENSHOTS")
    if target:
        shutil.copy(shot, Path(target) / name)


def test_the_desk_in_the_browser_links_every_figure_to_its_list(
    server: Server, tmp_path: Path
) -> None:
    if not CHROMIUM.exists():
        message = "Debian's chromium is not installed"
        if os.environ.get("INSPECTOR_REQUIRE_POSTGRES"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    server.sql(_fill_sql() + PARTS)
    server.office_user("局端王", PASSWORD)
    server.office_user("历城区张", PASSWORD, district="历城区")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            page = browser.new_page(
                ignore_https_errors=True, viewport={"width": 1366, "height": 768}
            )
            console: list[str] = []
            page.on("console", lambda message: console.append(message.text))
            page.goto(server.url + "/office")
            page.screenshot(path=str(tmp_path / "login.png"))  # looked at, not kept
            _sign_in(page, "局端王")
            page.wait_for_url("**/office")  # the desk is where signing in lands
            assert "工作台" in page.inner_text("h1")
            page.goto(server.url + "/office?" + PERIOD)
            # the charts' figures are the hand-made data set's
            stacked = _chart(page, "by-district")
            assert stacked["历城区：共 3 次"]["value"] == "3"
            assert stacked["历城区 已签字：2 次"]["value"] == "2"
            assert stacked["历城区 检查中：1 次"]["value"] == "1"
            assert stacked["市中区 草稿：1 次"]["value"] == "1"
            assert stacked["槐荫区 待签字：1 次"]["value"] == "1"
            parts = page.eval_on_selector_all(
                "svg#by-district text.parts", "els => els.map(e => e.textContent)"
            )
            assert "已签字 2 · 检查中 1" in parts  # written out, not told by colour alone
            months = {k: v["value"] for k, v in _chart(page, "by-month").items()}
            assert months == {
                "2026年9月：1 次": "1",
                "2026年10月：1 次": "1",
                "2026年11月：2 次": "2",
                "2026年12月：2 次": "2",
            }
            categories = _chart(page, "by-category")
            assert {k: v["value"] for k, v in categories.items()} == {
                next(k for k in categories if k.startswith("VH01 ")): "2",
                next(k for k in categories if k.startswith("VP01 ")): "2",
                "未分类：1 个": "1",
            }
            money = _chart(page, "money-by-district")
            assert money["历城区：¥900.00 / ¥1,700.00"]["value"] == "90000"
            assert money["市中区：¥100.00 / ¥300.00"]["value"] == "10000"
            # the other parts' panels: the campaign's late and coming deadlines, the late visit
            campaign = page.inner_text("#campaigns")
            assert "定点医疗机构专项检查" in campaign and "集中检查" in campaign
            assert "逾期 情况报告" in campaign and "待办 总结" in campaign
            late = page.inner_text("#late")
            assert "历城区庚医院" in late and "检查任务" in late
            assert page.inner_text("#late ul.tiles").split() == [
                "逾期检查任务", "1", "逾期线索", "0", "未办结线索", "1"
            ]  # fmt: skip
            tiles = page.inner_text("ul.tiles")
            assert "6" in tiles and "¥2,000.00" in tiles and "¥1,000.00" in tiles and "40%" in tiles
            _accessible(page, "desk", 1366)
            _shoot(page, tmp_path, "office-desk-1366.png", whole=True)
            # a period the desk cannot read: said, nothing drawn
            for query, says in (
                ("since=2025-13-01", "日期无效"),
                ("since=2026-12-31&until=2026-01-01", "报告期的结束日期早于开始日期"),
            ):
                wrong = page.request.get(server.url + "/office?" + query)
                assert wrong.status == 400 and says in wrong.text(), (query, wrong.text())

            # each figure's link: the list of exactly its inspections
            page.click("svg#by-district a[data-label='历城区 已签字：2 次']")
            page.wait_for_url("**/office/inspections?**")
            assert _listed(page) == {"历城区甲医院", "历城区乙药房"}
            assert "共 2 次" in page.inner_text("h1")
            page.go_back()
            page.click("svg#by-month a[data-label='2026年11月：2 次']")
            page.wait_for_url("**/office/inspections?**")
            assert _listed(page) == {"历城区甲医院", "历城区乙药房"}
            page.go_back()
            vp01 = next(k for k in categories if k.startswith("VP01 "))
            page.click(f"svg#by-category a[data-label='{vp01}']")
            page.wait_for_url("**category=VP01**")
            assert _listed(page) == {"历城区乙药房", "市中区丁医院"}
            assert "VP01" in page.inner_text("select[name=category] option:checked")
            page.go_back()
            page.click("svg#money-by-district a[data-label='市中区：¥100.00 / ¥300.00']")
            page.wait_for_url("**findings=1**")
            assert _listed(page) == {"市中区丁医院"}
            # what the list is filtered by, said above it (the figure's filters)
            chips = page.inner_text("ul.chips")
            assert "区县：市中区" in chips and "只看发现问题的" in chips
            assert "期间：2026-09-01 至 2026-12-31" in chips
            _accessible(page, "list", 1366)
            _shoot(page, tmp_path, "office-list-1366.png")
            page.click("text=退出")
            page.wait_for_url("**/office/login")

            # 历城区's user: its district and its teams' inspection in 市中区, nothing else
            _sign_in(page, "历城区张")
            page.wait_for_url("**/office")
            assert "历城区" in page.inner_text("h1")
            page.goto(server.url + "/office?" + PERIOD)
            mine = _chart(page, "by-district")
            assert {k for k in mine if "：共" in k} == {"历城区：共 3 次", "市中区：共 1 次"}
            assert "市中区 草稿：1 次" not in mine and not any("槐荫区" in k for k in mine)
            assert page.inner_text("#late ul.tiles").split()[-1] == "0"  # 市中区's lead: not its
            page.click("svg#by-district a[data-label='市中区：共 1 次']")
            page.wait_for_url("**district=**")
            assert _listed(page) == {"市中区丁医院"}
            assert not [m for m in console if "Content Security Policy" in m], console

            # a phone: the same desk, nothing wider than the screen, nothing serious for axe
            phone = browser.new_context(
                ignore_https_errors=True,
                viewport={"width": PHONE, "height": 844},
                is_mobile=True,
                has_touch=True,
                device_scale_factor=2,
            ).new_page()
            phone.goto(server.url + "/office")
            _sign_in(phone, "局端王")
            phone.wait_for_url("**/office")
            phone.goto(server.url + "/office?" + PERIOD)
            _accessible(phone, "desk on a phone", PHONE)
            _shoot(phone, tmp_path, "office-desk-390.png")
            phone.goto(server.url + "/office/inspections")
            _accessible(phone, "list on a phone", PHONE)
            _shoot(phone, tmp_path, "office-list-390.png")
        finally:
            browser.close()


# --- the other parts' panels, laid out from what those parts compute -----------------------

PROGRESS = {  # campaign_progress's answer (inspector/central/campaigns.py), as documented there
    "campaign": {"id": "c-1", "name": "定点医疗机构专项检查", "doc_no": "济医保发〔2026〕5号"},
    "status_name": "进行中",
    "phase": "集中检查",
    "phase_text": "集中检查（2026-11-01 至 2026-12-31）",
    "due": [
        {
            "title": "进展情况报告",
            "last_day": "2026-12-10",
            "working_days_left": 3,
            "provisional": False,
            "late": False,
        },
    ],
    "late": [
        {
            "title": "阶段总结",
            "last_day": "2026-11-30",
            "working_days_left": 0,
            "provisional": False,
            "late": True,
        },
    ],
    "coverage": {
        "districts": [
            {"district": "历城区", "in_scope": 8, "inspected": 2, "share": 0.25},
            {"district": "市中区", "in_scope": 0, "inspected": 0, "share": None},
        ],
        "in_scope": 8,
        "inspected": 2,
        "share": 0.25,
        "registry": True,
    },
}
STATUS_OF_ASSIGNMENTS = {  # assignment_status's answer (inspector/central/assignments.py)
    "visits": {"已下达": 1, "已领取": 0, "检查中": 1, "已签署": 2, "逾期": 1},
    "leads": {"已交办": 2, "已核查": 1, "逾期": 1},
    "late_visits": [
        {
            "what": "历城区甲医院",
            "place": "历城区",
            "team": "张伟（370100001）",
            "district": "历城区",
            "deadline": "2026-11-20",
            "late_days": 10,
            "inspection_id": None,
        },
    ],
    "late_leads": [
        {
            "what": "JB-2026-007",
            "place": "市中区",
            "team": "",
            "district": "市中区",
            "deadline": "2026-11-25",
            "late_days": 6,
            "inspection_id": None,
        },
    ],
    "withdrawn": 0,
}


QUIET = {"visits": {}, "leads": {}, "late_visits": [], "late_leads": [], "withdrawn": 0}


def test_the_panels_of_campaigns_assignments_and_reports_show_what_those_parts_compute() -> None:
    from inspector.central.app import _env
    from inspector.central.dashboard import campaign_view, late_view, report_periods

    campaign = campaign_view(PROGRESS, 0)
    assert campaign["href"] == "/office/campaigns/c-1" and campaign["share"] == "25%"
    coverage = str(campaign["coverage"])
    assert 'data-label="历城区：2 / 8 家（25%）"' in coverage and 'data-value="2"' in coverage
    assert "市中区：0 / 0 家（—）" in coverage
    late = late_view(STATUS_OF_ASSIGNMENTS)
    assert (late["late_visits"], late["late_leads"], late["open_leads"]) == (1, 1, 3)
    assert [r["what"] for r in late["late"]] == ["历城区甲医院", "JB-2026-007"]  # latest first
    periods = report_periods(date(2026, 12, 7))
    assert [(n, str(a), str(b)) for n, a, b in periods] == [
        ("2026年第4季度（至今）", "2026-10-01", "2026-12-07"),
        ("2026年第3季度", "2026-07-01", "2026-09-30"),
        ("2026年（至今）", "2026-01-01", "2026-12-07"),
    ]
    assert report_periods(date(2026, 2, 1))[1][1:] == (date(2025, 10, 1), date(2025, 12, 31))

    from inspector.central.dashboard import Desk
    from inspector.central.office import OfficeUser

    figures = Desk(None, None, None)
    shown = panels(figures, STATUS)
    user = OfficeUser("局端王", None, "token")
    page = _env.get_template("desk.html").render(
        d=figures, user=user, here="/office", campaigns=[campaign], late=late,
        reports=periods, **shown,
    )  # fmt: skip
    assert "阶段总结" in page and "逾期" in page and "进展情况报告" in page
    assert "还有 3 个工作日" in page and "10 个工作日" in page
    assert page.count('action="/office/report"') == 6 and 'name="csrf" value="token"' in page
    quiet = _env.get_template("desk.html").render(
        d=figures, user=user, here="/office", campaigns=[], late=late_view(QUIET), reports=periods,
        **shown,
    )  # fmt: skip
    assert "没有进行中的专项行动" in quiet and "没有逾期的任务或线索" in quiet


def test_a_long_label_is_cut_to_leave_its_figure_room_on_a_phone() -> None:
    name = "VH01 诱导、协助他人冒名或者虚假就医、购药等套取医保资金"
    short = str(charts.bars("x", "t", "d", [charts.Bar(name, 2, "2 个")]))
    long = str(charts.bars("x", "t", "d", [charts.Bar(name, 1, "¥9,876,543.21 / ¥9,876,543.21")]))
    cut = [re.search(r'<text class="label"[^>]*>([^<]*)</text>', s).group(1) for s in (short, long)]
    assert len(cut[0]) == 18 and len(cut[1]) < 10 and all(c.endswith("…") for c in cut)
    assert all(f"<title>{name}：" in s for s in (short, long))  # the full name kept
