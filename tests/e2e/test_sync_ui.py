"""The app's 同步 dialog against the real server: enroll with the one-time code,
push with progress off the UI thread (the server confirms), and a refusal shown as the server
gave it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from inspector.central.client import PushResult, confirmed
from inspector.inspections import save_answer
from inspector.workspace import Workspace
from tests.helpers.bundle import cross_district_inspection
from tests.helpers.central import Server
from ui.sync_dialog import SyncDialog
from ui.tasks import TaskRunner


def test_enroll_and_push_from_the_app(qtbot: QtBot, workspace: Workspace, server: Server) -> None:
    inspection_id = cross_district_inspection(workspace)
    save_answer(workspace, inspection_id, "P1.1", "ok", actor="370100001")
    runner = TaskRunner()
    dialog = SyncDialog(workspace, runner)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.enroll_button.isEnabled())  # read on the database executor
    assert not dialog.push_button.isEnabled() and dialog.enroll_box.isVisibleTo(dialog)
    dialog.url.setText(server.url)
    dialog.code.setText("0000-0000-0000-0000")
    dialog.ca.setText(str(server.tls.ca))
    with qtbot.waitSignal(dialog.failed, timeout=60000):
        dialog.enroll()
    assert "登记码无效" in dialog.message.text()  # the server's reason, shown
    dialog.code.setText(server.code())
    assert dialog.enroll_button.isEnabled()  # refused: the user can try again
    with qtbot.waitSignal(dialog.done, timeout=60000):
        qtbot.mouseClick(dialog.enroll_button, Qt.MouseButton.LeftButton)
    assert dialog.push_button.isEnabled() and not dialog.enroll_box.isVisibleTo(dialog)
    assert server.url in dialog.server_label.text()
    with qtbot.waitSignal(dialog.done, timeout=60000) as blocker:
        dialog.push()
    result = blocker.args[0]
    assert isinstance(result, PushResult) and result.summary["inspections"] == [inspection_id]
    assert "服务器已确认 1 项检查" in dialog.message.text()
    assert inspection_id in confirmed(workspace)
    runner.wait()


def test_a_push_without_the_server_says_so(
    qtbot: QtBot, workspace: Workspace, server: Server, tmp_path: Path
) -> None:
    cross_district_inspection(workspace)
    runner = TaskRunner()
    dialog = SyncDialog(workspace, runner)
    qtbot.addWidget(dialog)
    dialog.url.setText(server.url)
    dialog.code.setText(server.code())
    dialog.ca.setText(str(server.tls.ca))
    with qtbot.waitSignal(dialog.done, timeout=60000):
        dialog.enroll()
    server.kill()
    with qtbot.waitSignal(dialog.failed, timeout=60000):
        dialog.push()
    assert "无法连接服务器" in dialog.message.text()
    assert confirmed(workspace) == {}
    runner.wait()
