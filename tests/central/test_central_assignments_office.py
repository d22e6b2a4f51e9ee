"""The office follows what it assigned to its answer, in a real browser (Playwright, Debian's
Chromium): a visit drawn at the office, pulled by the team's laptop, done and signed there and
pushed back shows 已签署 under the office's own inspection id; a lead that arrived by push,
assigned from the page, answered on site shows 已核查 with its verdict; a lead left unanswered
past its last day shows 逾期 with the working days it is late (inspector/workdays.py)."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from inspector.workdays import CALENDAR, add_working_days
from tests.helpers.assignments import (
    enroll,
    office_key,
    publish_registry_and_roster,
    server_json,
)
from tests.helpers.bundle import sign_by_keys
from tests.helpers.central import Server
from tests.helpers.cli import Cli

CHROMIUM = Path("/usr/bin/chromium")
PASSWORD = "局端测试口令 2026"
PLACE = "历城区某社区卫生服务中心"
REGISTRY = [
    ["机构名称", "机构类型", "所在区县", "协议编号"],
    [PLACE, "社区卫生服务中心", "历城区", "JN-001"],
]
ROSTER = [("张伟", "370100001", "历城区", False), ("李娜", "370100002", "历城区", True)]
ASSIGNED_ON = date(2026, 11, 2)  # a lead the office assigned on paper weeks ago


def _sign_in(page: Any, name: str, password: str) -> None:
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def _expect(page: Any, text: str, state: str) -> None:
    assert state in _row(page, text)


def _row(page: Any, text: str) -> str:
    """The assignments table's row of a visit (its institution) or a lead (its number)."""
    kind = "inspection" if text == PLACE else "lead"
    return str(page.inner_text(f"table.assignments tr[data-kind={kind}]:has-text('{text}')"))


def test_the_office_page_follows_a_visit_and_leads_to_their_answer(
    server: Server, cli: Cli, team_keys: dict[str, str], tmp_path: Path
) -> None:
    if not CHROMIUM.exists():
        message = "Debian's chromium is not installed"
        if os.environ.get("INSPECTOR_REQUIRE_POSTGRES"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    ca, p12 = office_key(server, tmp_path)
    publish_registry_and_roster(server, p12, tmp_path, REGISTRY, ROSTER)
    drawn = server_json(server, "server", "draw", "--sources", "1 2 3", "--count", "1",
                        "--method", "rfc3797", "--days", "10")  # fmt: skip
    assert drawn["result"][0]["team"] == ["370100002", "370100001"]
    leads = tmp_path / "线索.csv"
    leads.write_text(f"线索编号,机构名称,线索内容\nXS-LATE,{PLACE},挂床住院\n", encoding="utf-8")
    server_json(server, "server", "assign-leads", "--file", str(leads), "--inspector",
                "370100002", "--days", "5", "--on", ASSIGNED_ON.isoformat())  # fmt: skip
    enroll(cli, server, ca, "历城区")
    cli("lead", "add", "--institution", PLACE, "--summary", "冒名住院", "--number", "JB-1")
    cli("sync", "push")  # the lead reaches the office, to be assigned there
    server.office_user("局端王", PASSWORD)

    def browse(step: Callable[[Any], None]) -> None:
        """One visit to the office's page, signed in. The laptop's steps run between visits:
        Playwright's sync API holds an event loop in this thread, where pyHanko's checks
        (asyncio.run) cannot run."""
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
            try:
                page = browser.new_page(
                    ignore_https_errors=True, viewport={"width": 1366, "height": 768}
                )
                page.goto(server.url + "/office/assignments")
                _sign_in(page, "局端王", PASSWORD)
                page.wait_for_url("**/office/assignments")
                step(page)
            finally:
                browser.close()

    def assign_the_pushed_lead(page: Any) -> None:
        assert "已下达" in _row(page, PLACE)
        assert "JB-1" in page.inner_text("body")  # offered: a pushed lead not yet assigned
        # a form without the session's token (another site's) assigns nothing
        forged = page.request.post(
            server.url + "/office/assignments/leads",
            form={"numbers": "JB-1", "inspectors": "370100002", "days": "5", "csrf": "x"},
            max_redirects=0,
        )
        assert forged.status == 403
        page.fill("form.leads input[name=numbers]", "JB-1")
        page.fill("form.leads input[name=inspectors]", "370100002，370100001")
        page.fill("form.leads input[name=days]", "5")
        page.click("form.leads button[type=submit]")
        page.wait_for_load_state()
        assert "已交办 1 条线索" in page.inner_text("body")
        assert "已交办" in _row(page, "JB-1")
        # the office's lead file, pasted: assigned too
        page.fill(
            "form.leads textarea[name=rows]",
            f"线索编号,机构名称,线索内容\nXS-PAGE,{PLACE},串换药品",
        )
        page.fill("form.leads input[name=inspectors]", "370100002")
        page.fill("form.leads input[name=days]", "10")
        page.click("form.leads button[type=submit]")
        page.wait_for_load_state()
        assert "已交办 1 条线索" in page.inner_text("body")
        assert "已交办" in _row(page, "XS-PAGE")

    browse(assign_the_pushed_lead)
    assert server.sql("select count(*) from assignments where kind = 'lead'").strip() == "3"

    out, _ = cli("sync", "assignments", "--json")
    pulled = json.loads(out)
    assert pulled["pulled"]["visits"] == 1 and pulled["pulled"]["leads"] == 3
    visit = next(a for a in pulled["assignments"] if a["kind"] == "inspection")
    inspection = visit["inspection_id"]
    browse(lambda page: _expect(page, PLACE, "已领取"))

    # the team does the visit it was given, answers the lead, and pushes: under way
    cli("answer", inspection, "P5.1", "--result", "problem", "--note", "床位空置",
        "--amount", "3200", "--violation", "VH04")  # fmt: skip
    cli("answer", inspection, "P1.1", "--result", "ok")
    cli("lead", "attach", inspection, "JB-1")
    cli("lead", "verify", inspection, "JB-1", "--verdict", "属实", "--note", "冒名 1 人次")
    cli("sync", "push")
    browse(lambda page: _expect(page, PLACE, "检查中"))
    # signed and pushed: 已签署
    sign_by_keys(cli, inspection, team_keys, tmp_path)
    cli("sync", "push")
    deadline = add_working_days(ASSIGNED_ON, 5)
    late = CALENDAR.working_days_between(deadline, date.today())

    def followed(page: Any) -> None:
        assert "已签署" in _row(page, PLACE)
        assert "已核查" in _row(page, "JB-1")
        assert f"逾期（{late} 个工作日）" in _row(page, "XS-LATE")
        shot = tmp_path / "assignments.png"
        page.screenshot(path=str(shot), full_page=True)
        if os.environ.get("INSPECTOR_SAVE_SCREENSHOTS"):
            shutil.copy(shot, Path(os.environ["INSPECTOR_SAVE_SCREENSHOTS"]) / shot.name)
        # each figure links to the assignments behind it
        page.click("section.assign-status a:has-text('逾期 1')")
        page.wait_for_url("**state=**")
        kinds = page.eval_on_selector_all(
            "table.assignments tbody tr", "rows => rows.map(r => r.dataset.kind)"
        )
        assert kinds == ["lead"] and "XS-LATE" in page.inner_text("table.assignments")
        page.goto(server.url + "/office/assignments")
        page.click(f"table.assignments a:has-text('{PLACE}')")  # to the signed inspection
        page.wait_for_selector("text=检查记录")
        assert inspection in page.url

    browse(followed)

    # the verdict, the status and the link to the assignment reached the server
    assert server.sql(f"select status from inspections where id = '{inspection}'").strip() == (
        "signed"
    )
    lead_id = next(a["lead_id"] for a in pulled["assignments"] if a["title"].startswith("JB-1"))
    verdict = server.sql(
        "select data->>'verdict' from rows where table_name = 'lead_checks' "
        f"and data->>'lead_id' = '{lead_id}'"
    ).strip()
    assert verdict == "confirmed"
    status = server_json(server, "server", "assignments")["status"]
    assert status["visits"]["已签署"] == 1
    assert status["leads"] == {"已交办": 1, "已核查": 1, "逾期": 1}
    assert [r["what"] for r in status["late_leads"]] == ["XS-LATE"]
    assert status["late_leads"][0]["late_days"] == late

    # the office draws from its page too: the form, the result's workbook that draw verify
    # accepts, and the new visit 已下达
    workbook = tmp_path / "page-draw.xlsx"

    def draw_from_the_page(page: Any) -> None:
        page.fill("form.draw input[name=title]", "页面抽查")
        page.fill("form.draw input[name=sources]", "4 5 6")
        page.fill("form.draw input[name=count]", "1")
        page.click("form.draw button[type=submit]")
        page.wait_for_load_state()
        assert "已下达 1 项检查" in page.inner_text("body")
        link = page.get_attribute("ul.draws li:has-text('页面抽查') a", "href")
        assert link is not None
        response = page.request.get(server.url + link)
        assert response.ok
        workbook.write_bytes(response.body())

    browse(draw_from_the_page)
    out, _ = cli("draw", "verify", str(workbook), "--json")
    assert json.loads(out)["ok"] is True
    status = server_json(server, "server", "assignments")["status"]
    assert status["visits"]["已下达"] == 1 and status["visits"]["已签署"] == 1
