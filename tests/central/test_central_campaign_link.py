"""A campaign run through the office's assignments, over the real server (PostgreSQL, HTTPS): a
draw within the campaign takes its candidates from the campaign's institution types and
districts only, stays verifiable by ``draw verify``, is kept with the campaign, and its visits
reach the laptop tagged with the campaign and carrying its focus pack; the visit signed and
pushed counts in the campaign's coverage and its assignments; a closed campaign or a district
outside it draws nothing. A report deadline marked 已报送 at the office (command and page) is no
longer late there nor, after the next pull, on the laptop."""

from __future__ import annotations

import json
import os
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.assignments import (
    enroll,
    laptop_rows,
    office_key,
    publish_registry_and_roster,
    server_json,
)
from tests.helpers.bundle import sign_by_keys
from tests.helpers.central import Server, sync_push
from tests.helpers.cli import Cli

SOURCES = "9319 / 2 5 8 10 12"
# 历城区 two clinics (the campaign's type), a pharmacy (not its type); 槐荫区 a clinic; 市中区 a
# clinic outside the campaign's districts.
REGISTRY = [
    ["机构名称", "机构类型", "所在区县", "协议编号"],
    ["甲社区卫生服务中心", "基层医疗机构", "历城区", "A001"],
    ["乙大药房", "定点零售药店", "历城区", "A002"],
    ["丙卫生院", "基层医疗机构", "历城区", "A003"],
    ["丁卫生院", "基层医疗机构", "槐荫区", "A004"],
    ["戊卫生院", "基层医疗机构", "市中区", "A005"],
]
IN_SCOPE = {"甲社区卫生服务中心", "丙卫生院", "丁卫生院"}
# The team: the two whose keys the tests hold (tests/conftest.py team_keys), both of 历城区;
# 李娜 leads (she signs last).
ROSTER = [("张伟", "370100001", "历城区", False), ("李娜", "370100002", "历城区", True)]


def _campaign(server: Server, p12: Path, today: date, name: str = "基层医疗机构专项检查") -> str:
    start = today - timedelta(days=30)
    made = server_json(
        server, "server", "campaign", "create", "--p12", str(p12), "--passphrase-file",
        str(p12.parent / "secret.txt"), "--name", name,
        "--phase", f"自查自纠:{start}:{start + timedelta(days=9)}",
        "--phase", f"集中检查:{start + timedelta(days=10)}:{today + timedelta(days=30)}",
        "--phase", f"交叉检查:{today + timedelta(days=31)}:{today + timedelta(days=50)}",
        "--phase", f"第三方复核:{today + timedelta(days=51)}:{today + timedelta(days=70)}",
        "--type", "primary_care", "--district", "历城区", "--district", "槐荫区",
        "--focus", "fields_2023",
        # passed: late until marked 已报送 (15 days back: past any holiday's moving it)
        "--report", f"情况报告:{today - timedelta(days=15)}",
        "--report", f"总结:{today + timedelta(days=60)}",
    )  # fmt: skip
    return str(made["campaign"]["id"])


def _counts(server: Server) -> dict[str, str]:
    return {
        t: server.sql(f"select count(*) from {t}").strip()
        for t in ("office_draws", "assignments", "publications")
    }


def test_a_draw_within_a_campaign_draws_its_scope_and_its_visit_comes_back_tagged(
    server: Server, cli: Cli, team_keys: dict[str, str], tmp_path: Path
) -> None:
    ca, p12 = office_key(server, tmp_path)
    publish_registry_and_roster(server, p12, tmp_path, REGISTRY, ROSTER)
    today = date.today()
    campaign_id = _campaign(server, p12, today)

    # a district outside the campaign: refused by name, nothing stored
    before = _counts(server)
    done = server.command(
        "server", "draw", "--campaign", campaign_id[:8], "--sources", SOURCES, "--count", "1",
        "--district", "市中区",
    )  # fmt: skip
    assert done.returncode == 1
    assert "区县 市中区 不在专项行动“基层医疗机构专项检查”的范围内" in done.stderr
    done = server.command(
        "server", "draw", "--campaign", campaign_id[:8], "--sources", SOURCES, "--count", "1",
        "--type", "retail_pharmacy",
    )  # fmt: skip
    assert done.returncode == 1 and "机构类型 retail_pharmacy 不在专项行动" in done.stderr
    assert _counts(server) == before

    # within the campaign: its three clinics are the candidates, all drawn, nothing else
    workbook = tmp_path / "campaign-draw.xlsx"
    drawn = server_json(
        server, "server", "draw", "--campaign", campaign_id[:8], "--sources", SOURCES,
        "--count", "3", "--reuse", "--days", "10", "--output", str(workbook),
    )  # fmt: skip
    assert drawn["campaign_id"] == campaign_id and len(drawn["assignments"]) == 3
    inputs = json.loads(server.sql("select inputs from office_draws").strip())
    assert {c["name"] for c in inputs["candidates"]} == IN_SCOPE
    assert inputs["title"] == "基层医疗机构专项检查"
    assert server.sql("select campaign_id from office_draws").strip() == campaign_id
    assert set(server.sql("select campaign_id from assignments").split()) == {campaign_id}
    out, _ = cli("draw", "verify", str(workbook), "--json")
    assert json.loads(out)["ok"] is True

    # the laptop of the team (enrolled for both districts: it pushes the 槐荫区 visit too)
    # pulls the visits before it pulled the campaign: each is tagged with it, its checklist
    # carries the campaign's focus pack, the campaign comes with them
    enroll(cli, server, ca, "历城区")
    device = server.sql("select id from devices").strip()
    assert server.command("server", "districts", device, "历城区", "槐荫区").returncode == 0
    out, _ = cli("sync", "assignments", "--json")
    pulled = json.loads(out)
    assert pulled["pulled"]["visits"] == 3
    planned = laptop_rows(cli.home, "inspections", "id, campaign_id, focus")
    assert len(planned) == 3 and {row[1] for row in planned} == {campaign_id}
    assert all("fields_2023" in json.loads(row[2]) for row in planned)
    assert laptop_rows(cli.home, "campaigns", "id") == [(campaign_id,)]
    events = laptop_rows(cli.home, "audit_events", "action")
    assert ("assignment.pull",) in events

    # the office sees them on the campaign's page: 已领取 3
    progress = server_json(server, "server", "campaign", "show", campaign_id[:8])
    assert progress["assignments"]["visits"]["已领取"] == 3
    assert progress["coverage"]["inspected"] == 0 and progress["coverage"]["in_scope"] == 3

    # one visit done and signed, pushed: coverage counts it, its assignment 已签署
    visit = next(
        a["inspection_id"]
        for a in pulled["assignments"]
        if "甲社区卫生服务中心" in json.dumps(a, ensure_ascii=False)
    )
    cli("config", "current_inspector", "370100001")
    cli("answer", visit, "P1.1", "--result", "ok")
    sign_by_keys(cli, visit, team_keys, tmp_path)
    sync_push(cli)
    progress = server_json(server, "server", "campaign", "show", campaign_id[:8])
    rows = {
        d["district"]: (d["inspected"], d["in_scope"]) for d in progress["coverage"]["districts"]
    }
    assert rows == {"历城区": (1, 2), "槐荫区": (0, 1)}
    # (the push carries the two planned visits too: 检查中 at the office)
    assert progress["tagged"] == {"inspections": 3, "signed": 1}
    visits = progress["assignments"]["visits"]
    assert (visits["已签署"], visits["检查中"], visits["已领取"], visits["逾期"]) == (1, 2, 0, 0)

    # a laptop that pulled the same registry and roster draws the same over the campaign's
    # types and districts (the campaign package, pulled now, replaces the one that came with
    # the visits)
    out, _ = cli("sync", "pull", "--json")
    assert {i["kind"] for i in json.loads(out)["installed"]} >= {"registry", "roster", "campaign"}
    assert laptop_rows(cli.home, "campaigns", "id, version") == [(campaign_id, 1)]
    out, _ = cli(
        "draw", "run", "--institutions", "3", "--sources", SOURCES, "--method", "rfc3797",
        "--reuse-inspectors", "--title", "基层医疗机构专项检查", "--district", "历城区",
        "--district", "槐荫区", "--type", "primary_care", "--out", str(tmp_path / "laptop.xlsx"),
        "--dry-run", "--json",
    )  # fmt: skip
    local = json.loads(out)
    assert local["key"] == drawn["key"] and local["inputs_sha256"] == drawn["inputs_sha256"]
    assert local["selected"] == drawn["result"]

    # a closed campaign draws nothing
    closed = server.command(
        "server", "campaign", "close", campaign_id[:8], "--p12", str(p12), "--passphrase-file",
        str(p12.parent / "secret.txt"),
    )  # fmt: skip
    assert closed.returncode == 0, closed.stderr
    before = _counts(server)
    done = server.command(
        "server", "draw", "--campaign", campaign_id[:8], "--sources", SOURCES, "--count", "1",
        "--reuse",
    )  # fmt: skip
    assert done.returncode == 1
    assert "专项行动“基层医疗机构专项检查”已结束，不能在其中抽查" in done.stderr
    assert _counts(server) == before


def test_a_report_marked_submitted_is_no_longer_late_at_the_office_nor_on_the_laptop(
    server: Server, cli: Cli, tmp_path: Path
) -> None:
    ca, p12 = office_key(server, tmp_path)
    publish_registry_and_roster(server, p12, tmp_path, REGISTRY, ROSTER)
    today = date.today()
    campaign_id = _campaign(server, p12, today)
    passed = today - timedelta(days=15)
    enroll(cli, server, ca, "历城区")
    cli("sync", "pull")
    out, _ = cli("campaign", "show", campaign_id[:8], "--json")
    assert [d["title"] for d in json.loads(out)["late"]] == ["情况报告"]
    progress = server_json(server, "server", "campaign", "show", campaign_id[:8])
    assert [d["title"] for d in progress["late"]] == ["情况报告"]

    key = ["--p12", str(p12), "--passphrase-file", str(p12.parent / "secret.txt")]
    # a report the campaign does not have: refused by name, nothing published
    before = _counts(server)
    done = server.command(
        "server", "campaign", "submitted", campaign_id[:8], "--report",
        f"情况报告:{today - timedelta(days=14)}", *key,
    )  # fmt: skip
    assert done.returncode == 1 and "没有" in done.stderr and "到期的情况报告" in done.stderr
    assert _counts(server) == before
    # handed in tomorrow: refused, nothing published
    done = server.command(
        "server", "campaign", "submitted", campaign_id[:8], "--report", f"情况报告:{passed}",
        "--on", str(today + timedelta(days=1)), *key,
    )  # fmt: skip
    assert done.returncode == 1 and "晚于今日" in done.stderr
    assert _counts(server) == before

    marked = server_json(
        server, "server", "campaign", "submitted", campaign_id[:8], "--report",
        f"情况报告:{passed}", "--on", str(today - timedelta(days=16)), *key,
    )  # fmt: skip
    assert marked["version"] == 2
    progress = server_json(server, "server", "campaign", "show", campaign_id[:8])
    assert progress["late"] == []
    assert [(d["title"], d["submitted_on"]) for d in progress["submitted"]] == [
        ("情况报告", str(today - timedelta(days=16)))
    ]
    # marked twice: refused, nothing published
    before = _counts(server)
    done = server.command(
        "server", "campaign", "submitted", campaign_id[:8], "--report", f"情况报告:{passed}", *key
    )  # fmt: skip
    assert done.returncode == 1 and f"已于 {today - timedelta(days=16)} 标记为已报送" in done.stderr
    assert _counts(server) == before

    # the laptop: still late until it pulls, then not
    out, _ = cli("campaign", "show", campaign_id[:8], "--json")
    assert [d["title"] for d in json.loads(out)["late"]] == ["情况报告"]
    cli("sync", "pull")
    out, _ = cli("campaign", "show", campaign_id[:8], "--json")
    shown = json.loads(out)
    assert shown["late"] == [] and [d["title"] for d in shown["submitted"]] == ["情况报告"]


CHROMIUM = Path("/usr/bin/chromium")
PASSWORD = "局端测试口令 2026"


def _sign_in(page: Any, name: str, password: str) -> None:
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def test_the_office_draws_within_a_campaign_and_marks_a_report_on_its_pages(
    server: Server, cli: Cli, tmp_path: Path
) -> None:
    if not CHROMIUM.exists():
        message = "Debian's chromium is not installed"
        if os.environ.get("INSPECTOR_REQUIRE_POSTGRES"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    _ca, p12 = office_key(server, tmp_path)
    publish_registry_and_roster(server, p12, tmp_path, REGISTRY, ROSTER)
    today = date.today()
    campaign_id = _campaign(server, p12, today)
    server.office_user("局端王", PASSWORD)
    server.office_user("市中区科员", PASSWORD, district="市中区")

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            page = browser.new_page(
                ignore_https_errors=True, viewport={"width": 1366, "height": 768}
            )
            page.goto(server.url + f"/office/campaigns/{campaign_id}")
            _sign_in(page, "局端王", PASSWORD)
            page.wait_for_url(f"**/office/campaigns/{campaign_id}")
            late = page.locator("table.deadlines tr.bad")
            assert late.count() == 1 and "情况报告" in late.inner_text()

            # the campaign's page leads to the draw form, the campaign chosen
            page.click("#draw-in-campaign")
            page.wait_for_url("**/office/assignments?campaign=*")
            assert page.input_value("#draw-campaign") == campaign_id
            page.fill("form.draw input[name=sources]", SOURCES)
            page.fill("form.draw input[name=count]", "1")
            page.fill("form.draw input[name=district]", "市中区")  # outside the campaign
            page.click("form.draw button[type=submit]")
            page.wait_for_load_state()
            assert "区县 市中区 不在专项行动“基层医疗机构专项检查”的范围内" in page.inner_text(
                "main"
            )
            assert server.sql("select count(*) from office_draws").strip() == "0"
            assert page.input_value("#draw-campaign") == campaign_id  # the choice kept
            page.fill("form.draw input[name=sources]", SOURCES)
            page.fill("form.draw input[name=count]", "1")
            page.fill("form.draw input[name=district]", "历城区")
            page.click("form.draw button[type=submit]")
            page.wait_for_load_state()
            assert "已下达 1 项检查" in page.inner_text("main")
            drawn = server.sql(
                f"select target->>'name' from assignments where campaign_id = '{campaign_id}'"
            ).split("\n")
            drawn = [d.strip() for d in drawn if d.strip()]
            assert len(drawn) == 1 and drawn[0] in {"甲社区卫生服务中心", "丙卫生院"}

            # the campaign's page counts them next to its coverage
            page.goto(server.url + f"/office/campaigns/{campaign_id}")
            counts = page.locator("table.campaign-assignments")
            headers = counts.locator("th").all_inner_texts()
            cells = counts.locator("td").all_inner_texts()
            assert dict(zip(headers, cells, strict=True))["已下达"] == "1"

            # a forged mark (no token): refused, nothing published
            before = server.sql("select count(*) from publications").strip()
            answer = page.request.post(
                server.url + f"/office/campaigns/{campaign_id}/submitted",
                form={"form": "situation_report", "due": str(today - timedelta(days=15))},
            )
            assert answer.status == 403
            assert server.sql("select count(*) from publications").strip() == before

            # a district's user of 市中区 (not the campaign's districts) has no button, and a
            # mark posted with their own token is refused by name, nothing published
            other = browser.new_page(ignore_https_errors=True)
            other.goto(server.url + f"/office/campaigns/{campaign_id}")
            _sign_in(other, "市中区科员", PASSWORD)
            other.wait_for_url(f"**/office/campaigns/{campaign_id}")
            assert other.locator("button.submitted").count() == 0
            token = other.locator("input[name=csrf]").first.input_value()
            answer = other.request.post(
                server.url + f"/office/campaigns/{campaign_id}/submitted",
                form={"csrf": token, "form": "situation_report",
                      "due": str(today - timedelta(days=15))},
            )  # fmt: skip
            assert answer.status == 400 and "只能标记本区县（市中区）的专项行动" in answer.text()
            assert server.sql("select count(*) from publications").strip() == before
            other.close()

            # 标记已报送 on the late report: no longer late, shown handed in
            page.click("table.deadlines tr.bad button.submitted")
            page.wait_for_url("**/office/campaigns/*?submitted=1")
            assert "已标记为已报送" in page.inner_text("#message")
            assert page.locator("table.deadlines tr.bad").count() == 0
            done = page.locator("table.deadlines tr.done")
            assert "情况报告" in done.inner_text() and f"已报送（{today}）" in done.inner_text()
            page.screenshot(path=str(tmp_path / "campaign-link.png"), full_page=True)
        finally:
            browser.close()
    progress = server_json(server, "server", "campaign", "show", campaign_id[:8])
    assert progress["late"] == [] and progress["submitted"][0]["title"] == "情况报告"
