"""A campaign run through the office's assignments, in the app against the real server: 领取任务
(文件 → 同步…) brings a visit drawn within a campaign, tagged with it, and the campaign with it
(the home screen shows it, its passed report late in red); the office marks that report 已报送,
and after 更新基础数据 the home screen no longer shows it late."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from inspector.central.client import enroll
from inspector.db.models import Inspection
from inspector.signing.trust import add_trusted
from inspector.workspace import Workspace
from tests.helpers.assignments import office_key, publish_registry_and_roster, server_json
from tests.helpers.central import Server
from ui.main_window import MainWindow
from ui.sync_dialog import SyncDialog
from ui.tasks import TaskRunner

REGISTRY = [
    ["机构名称", "机构类型", "所在区县", "协议编号"],
    ["历城区某社区卫生服务中心", "社区卫生服务中心", "历城区", "JN-001"],
    ["历城区某大药房", "定点零售药店", "历城区", "JN-002"],
]
ROSTER = [("张伟", "370100001", "历城区", False), ("李娜", "370100002", "历城区", True)]


def _drawn_visit(server: Server) -> str:
    return server.sql("select inspection_id from assignments").strip()


def _late(window: MainWindow) -> list[str]:
    return [
        label.text()
        for label in window.home.campaigns.findChildren(QLabel, "late")
        if label.isVisible()
    ]


def test_a_campaign_comes_with_its_draw_and_a_report_marked_submitted_is_not_late_after_a_pull(
    qtbot: QtBot, workspace: Workspace, server: Server, tmp_path: Path
) -> None:
    ca, p12 = office_key(server, tmp_path)
    publish_registry_and_roster(server, p12, tmp_path, REGISTRY, ROSTER)
    today = date.today()
    start, passed = today - timedelta(days=30), today - timedelta(days=15)
    key = ["--p12", str(p12), "--passphrase-file", str(p12.parent / "secret.txt")]
    made = server_json(
        server, "server", "campaign", "create", *key, "--name", "基层医疗机构专项检查",
        "--phase", f"集中检查:{start}:{today + timedelta(days=30)}",
        "--type", "primary_care", "--district", "历城区", "--focus", "fields_2023",
        "--report", f"情况报告:{passed}",
    )  # fmt: skip
    campaign_id = made["campaign"]["id"]
    drawn = server_json(
        server, "server", "draw", "--campaign", campaign_id[:8], "--sources", "1 2 3",
        "--count", "1", "--days", "10",
    )  # fmt: skip
    assert drawn["result"][0]["institution_id"]  # the clinic: the pharmacy is not in scope
    add_trusted(workspace, ca)
    enroll(workspace, server.url, server.code("历城区"), server.tls.ca)

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    panel = window.home.campaigns
    runner = TaskRunner()
    dialog = SyncDialog(workspace, runner)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.assignments_button.isEnabled)

    # 领取任务: the visit, tagged, and its campaign on the home screen with the late report
    with qtbot.waitSignal(dialog.done, timeout=60000):
        qtbot.mouseClick(dialog.assignments_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(panel.views) == 1 and panel.isVisible(), timeout=10_000)
    assert [v.campaign.id for v in panel.views] == [campaign_id]
    qtbot.waitUntil(lambda: any("逾期：情况报告" in t for t in _late(window)), timeout=10_000)
    with workspace.db.session() as session:
        visit = session.get(Inspection, _drawn_visit(server))
        assert visit is not None and visit.campaign_id == campaign_id
        assert "fields_2023" in visit.focus

    # the office marks it 已报送; after 更新基础数据 the home screen no longer shows it late
    server_json(
        server, "server", "campaign", "submitted", campaign_id[:8], "--report",
        f"情况报告:{passed}", *key,
    )  # fmt: skip
    assert _late(window)  # until the laptop pulls
    with qtbot.waitSignal(dialog.done, timeout=60000):
        qtbot.mouseClick(dialog.pull_button, Qt.MouseButton.LeftButton)
    assert "campaign" in dialog.message.text()
    qtbot.waitUntil(lambda: not _late(window), timeout=10_000)
    assert panel.views[0].schedule.late == []
    assert [i.title for i in panel.views[0].schedule.done] == ["情况报告"]
    runner.wait()
    window.close()
