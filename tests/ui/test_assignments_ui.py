"""The office's assignments in the app (文件 → 同步… → 领取任务): a click pulls what the office
drew for this laptop's district from the real server, checked against the trust list, and the
dialog lists the visit with its team and deadline; the visit is on this laptop as planned."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from inspector.central.client import enroll
from inspector.central.pull_assignments import AssignmentPull
from inspector.inspections import get_inspection
from inspector.signing.trust import add_trusted
from inspector.workspace import Workspace
from tests.helpers.assignments import office_key, publish_registry_and_roster, server_json
from tests.helpers.central import Server
from ui.sync_dialog import SyncDialog
from ui.tasks import TaskRunner

PLACE = "历城区某社区卫生服务中心"
REGISTRY = [
    ["机构名称", "机构类型", "所在区县", "协议编号"],
    [PLACE, "社区卫生服务中心", "历城区", "JN-001"],
]
ROSTER = [("张伟", "370100001", "历城区", False), ("李娜", "370100002", "历城区", True)]


def _cells(dialog: SyncDialog) -> list[list[str]]:
    table = dialog.assignments
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_the_pulled_assignments_show_in_the_sync_dialog(
    qtbot: QtBot, workspace: Workspace, server: Server, tmp_path: Path
) -> None:
    ca, p12 = office_key(server, tmp_path)
    publish_registry_and_roster(server, p12, tmp_path, REGISTRY, ROSTER)
    drawn = server_json(server, "server", "draw", "--sources", "1 2 3", "--count", "1",
                        "--method", "rfc3797", "--days", "10")  # fmt: skip
    add_trusted(workspace, ca)
    enroll(workspace, server.url, server.code("历城区"), server.tls.ca)
    runner = TaskRunner()
    dialog = SyncDialog(workspace, runner)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.assignments_button.isEnabled)  # read on the database executor
    assert dialog.assignments.rowCount() == 0
    with qtbot.waitSignal(dialog.done, timeout=60000) as blocker:
        qtbot.mouseClick(dialog.assignments_button, Qt.MouseButton.LeftButton)
    result = blocker.args[0]
    assert isinstance(result, AssignmentPull) and result.visits == 1
    assert "新领取 1 项" in dialog.message.text()
    rows = _cells(dialog)
    assert len(rows) == 1
    kind, title, team, deadline, state = rows[0]
    assert kind == "检查" and PLACE in title and state == "待检查"
    assert team == "李娜（370100002）、张伟（370100001）"
    visit_id = json.loads(server.sql("select json_agg(inspection_id) from assignments").strip())[0]
    visit = get_inspection(workspace, visit_id)
    assert deadline != "—" and visit.institution_name == PLACE
    assert drawn["result"][0]["team"] == ["370100002", "370100001"]

    # a second click adds nothing, and says so
    with qtbot.waitSignal(dialog.done, timeout=60000):
        qtbot.mouseClick(dialog.assignments_button, Qt.MouseButton.LeftButton)
    assert "新领取 0 项" in dialog.message.text() and "已领取过 1 项" in dialog.message.text()
    assert len(_cells(dialog)) == 1
    runner.wait()
