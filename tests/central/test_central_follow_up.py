"""A campaign's 回头看 round marked 已完成 at the office (``server campaign follow-up-done``, the
campaign page's button with its token), published in the campaign package: no longer late at the
office, nor on the laptop after its pull. A round the campaign does not have, a day ahead of
today, a second mark or a forged post: refused, nothing published."""

from __future__ import annotations

import json
import os
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.assignments import (
    enroll,
    office_key,
    publish_registry_and_roster,
    server_json,
)
from tests.helpers.central import Server
from tests.helpers.cli import Cli

CHROMIUM = Path("/usr/bin/chromium")
PASSWORD = "局端测试口令 2026"
REGISTRY = [["机构名称", "机构类型", "所在区县", "协议编号"],
            ["甲社区卫生服务中心", "基层医疗机构", "历城区", "A001"]]  # fmt: skip
ROSTER = [("张伟", "370100001", "历城区", True)]


def _campaign(server: Server, p12: Path, today: date) -> tuple[str, date]:
    """A campaign whose first 回头看 (15 days back: past any holiday's moving it) is late and
    whose second, six months on, is not due yet."""
    publish_registry_and_roster(server, p12, p12.parent, REGISTRY, ROSTER)
    start, first = today - timedelta(days=30), today - timedelta(days=15)
    made = server_json(
        server, "server", "campaign", "create", "--p12", str(p12), "--passphrase-file",
        str(p12.parent / "secret.txt"), "--name", "基层医疗机构专项检查",
        "--phase", f"集中检查:{start}:{today + timedelta(days=30)}",
        "--type", "primary_care", "--district", "历城区", "--follow-up", f"{first}:6:2",
    )  # fmt: skip
    return str(made["campaign"]["id"]), first


def _published(server: Server) -> str:
    return server.sql("select count(*) from publications").strip()


def _late(progress: dict[str, Any]) -> list[tuple[str, str]]:
    return [(d["title"], d["stated"]) for d in progress["late"]]


def test_a_follow_up_marked_done_is_no_longer_late_at_the_office_nor_on_the_laptop(
    server: Server, cli: Cli, tmp_path: Path
) -> None:
    ca, p12 = office_key(server, tmp_path)
    today = date.today()
    campaign_id, first = _campaign(server, p12, today)
    enroll(cli, server, ca, "历城区")
    cli("sync", "pull")
    out, _ = cli("campaign", "show", campaign_id[:8], "--json")
    assert _late(json.loads(out)) == [("回头看", str(first))]
    progress = server_json(server, "server", "campaign", "show", campaign_id[:8])
    assert _late(progress) == [("回头看", str(first))]

    key = ["--p12", str(p12), "--passphrase-file", str(p12.parent / "secret.txt")]
    mark = ["server", "campaign", "follow-up-done", campaign_id[:8]]
    # a round the campaign does not have: refused by name, nothing published
    before = _published(server)
    done = server.command(*mark, "--due", str(first + timedelta(days=1)), *key)
    assert done.returncode == 1 and f"没有 {first + timedelta(days=1)} 的回头看" in done.stderr
    assert _published(server) == before
    # done tomorrow: refused, nothing published
    done = server.command(*mark, "--due", str(first), "--on", str(today + timedelta(days=1)), *key)
    assert done.returncode == 1 and "晚于今日" in done.stderr
    assert _published(server) == before

    marked = server_json(server, *mark, "--due", str(first), "--on", str(first), *key)
    assert marked["version"] == 2
    assert marked["campaign"]["follow_up"]["done"][0]["due"] == str(first)
    progress = server_json(server, "server", "campaign", "show", campaign_id[:8])
    assert progress["late"] == []
    assert [(d["title"], d["stated"], d["submitted_on"]) for d in progress["submitted"]] == [
        ("回头看", str(first), str(first))
    ]
    assert [d["title"] for d in progress["due"]] == ["回头看"]  # the second round still to come
    shown = server.command("server", "campaign", "show", campaign_id[:8])
    assert f"已完成：回头看（{first}，{first} 完成）" in shown.stdout
    # marked twice: refused, nothing published
    before = _published(server)
    done = server.command(*mark, "--due", str(first), *key)
    assert done.returncode == 1 and f"回头看（{first}）已于 {first} 标记为已完成" in done.stderr
    assert _published(server) == before

    # the laptop: still late until it pulls, then not
    out, _ = cli("campaign", "show", campaign_id[:8], "--json")
    assert _late(json.loads(out)) == [("回头看", str(first))]
    cli("sync", "pull")
    out, _ = cli("campaign", "show", campaign_id[:8], "--json")
    shown_there = json.loads(out)
    assert shown_there["late"] == []
    assert [(d["title"], d["submitted_on"]) for d in shown_there["submitted"]] == [
        ("回头看", str(first))
    ]
    # the home panel's view (inspector/campaigns/local.py) lists nothing late
    from inspector.campaigns.local import campaign_views
    from inspector.workspace import Workspace

    with Workspace.open(cli.home) as ws:
        views = campaign_views(ws, today)
    assert [v.schedule.late for v in views] == [[]]


def _sign_in(page: Any, name: str, password: str) -> None:
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def test_the_campaign_page_marks_a_follow_up_done(server: Server, cli: Cli, tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        message = "Debian's chromium is not installed"
        if os.environ.get("INSPECTOR_REQUIRE_POSTGRES"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    _ca, p12 = office_key(server, tmp_path)
    today = date.today()
    campaign_id, first = _campaign(server, p12, today)
    server.office_user("局端王", PASSWORD)
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
            assert late.count() == 1 and "回头看" in late.inner_text()

            # a forged mark (no token): refused, nothing published
            before = _published(server)
            answer = page.request.post(
                server.url + f"/office/campaigns/{campaign_id}/follow-up-done",
                form={"due": str(first)},
            )
            assert answer.status == 403
            assert _published(server) == before

            page.click("table.deadlines tr.bad button.follow-up-done")
            page.wait_for_url("**/office/campaigns/*?followed=1")
            assert "回头看已标记为已完成" in page.inner_text("#message")
            assert page.locator("table.deadlines tr.bad").count() == 0
            done = page.locator("table.deadlines tr.done")
            assert "回头看" in done.inner_text() and f"已完成（{today}）" in done.inner_text()
            assert page.locator("button.follow-up-done").count() == 1  # the round to come
            page.screenshot(path=str(tmp_path / "follow-up-done.png"), full_page=True)
        finally:
            browser.close()
    assert _published(server) != before
