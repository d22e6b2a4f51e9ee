"""Sync with the bureau's central server in the app (文件 → 同步…): enroll this laptop with the
one-time code the administrator gave, push (同步) with progress off the UI thread, and pull the
reference data. The work is the core's (inspector/central/client.py); this dialog asks and
shows, including the server's refusal as it gave it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.central.client import PullResult, PushResult, enroll, enrolled, pull, push
from inspector.central.pull_assignments import (
    AssignmentPull,
    AssignmentView,
    list_assignments,
    pull_assignments,
)
from inspector.db.models import SyncServer
from inspector.workspace import Workspace
from ui.errors import arg
from ui.ops import OpChanges, ops
from ui.tasks import TaskRunner

ERROR_TEXT = "#b00020"


class SyncDialog(QDialog):
    done = Signal(object)  # the result of an enrollment, push or pull
    failed = Signal(str)

    def __init__(
        self, workspace: Workspace, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.setWindowTitle(self.tr("与局端服务器同步"))
        layout = QVBoxLayout(self)
        self.server_label = QLabel()
        layout.addWidget(self.server_label)
        form = QFormLayout()
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://…")
        self.code = QLineEdit()
        self.ca = QLineEdit()
        pick = QPushButton(self.tr("选择…"))
        pick.clicked.connect(self._pick_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca)
        ca_row.addWidget(pick)
        form.addRow(self.tr("服务器地址"), self.url)
        form.addRow(self.tr("登记码"), self.code)
        form.addRow(self.tr("本局 CA 证书"), ca_row)
        self.enroll_box = QWidget()
        self.enroll_box.setLayout(form)
        layout.addWidget(self.enroll_box)
        buttons = QHBoxLayout()
        self.enroll_button = QPushButton(self.tr("登记本机"))
        self.enroll_button.clicked.connect(self.enroll)
        self.push_button = QPushButton(self.tr("同步（推送）"))
        self.push_button.clicked.connect(self.push)
        self.pull_button = QPushButton(self.tr("更新基础数据"))
        self.pull_button.clicked.connect(self.pull)
        # The office's assignments: the visits and leads given to this laptop's teams.
        self.assignments_button = QPushButton(self.tr("领取任务"))
        self.assignments_button.clicked.connect(self.pull_assignments)
        for button in self._buttons():
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("局端下达的任务")))
        self.assignments = QTableWidget(0, 5)
        self.assignments.setHorizontalHeaderLabels(
            [self.tr("类别"), self.tr("对象"), self.tr("检查组"), self.tr("期限"), self.tr("状态")]
        )
        self.assignments.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.assignments.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.assignments)
        # Until this laptop's enrollment is read: nothing to press, no form.
        for button in self._buttons():
            button.setEnabled(False)
        self.enroll_box.setVisible(False)
        self._refresh()

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.enroll_button, self.push_button, self.pull_button, self.assignments_button)

    def _refresh(self, then: Callable[[], None] | None = None) -> None:
        """Reads this laptop's enrollment and assignments on the database executor, shows
        them, then ``then``."""
        ws = self.workspace

        def show(found: tuple[SyncServer | None, list[AssignmentView]]) -> None:
            self._show(found[0])
            self._show_assignments(found[1])
            if then is not None:
                then()

        ops().query(lambda: (enrolled(ws), list_assignments(ws)), parent=self, success=show)

    def _state_name(self, state: str) -> str:
        return {
            "withdrawn": self.tr("已撤回"),
            "missing": self.tr("未建立"),
            "answered": self.tr("已核查"),
            "open": self.tr("待核查"),
            "draft": self.tr("待检查"),
            "in_progress": self.tr("检查中"),
            "awaiting_signatures": self.tr("待签字"),
            "signed": self.tr("已签署"),
        }.get(state, state)

    def _show_assignments(self, rows: list[AssignmentView]) -> None:
        self.assignments.setRowCount(len(rows))
        for index, row in enumerate(rows):
            kind = self.tr("检查") if row.kind == "inspection" else self.tr("线索")
            cells = [
                kind,
                row.title,
                row.team,
                row.deadline.isoformat() if row.deadline else "—",
                self._state_name(row.state),
            ]
            for column, text in enumerate(cells):
                self.assignments.setItem(index, column, QTableWidgetItem(text))
        self.assignments.resizeColumnsToContents()

    def _show(self, server: SyncServer | None) -> None:
        if server is None:
            self.server_label.setText(self.tr("本机尚未登记到局端服务器"))
        else:
            self.server_label.setText(
                arg(self.tr("已登记到 %1（%2）"), server.url, server.district)
            )
        self.enroll_box.setVisible(server is None)
        self.enroll_button.setVisible(server is None)
        self.enroll_button.setEnabled(server is None)
        self.push_button.setEnabled(server is not None)
        self.pull_button.setEnabled(server is not None)
        self.assignments_button.setEnabled(server is not None)

    def _pick_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("本局 CA 证书"), "", self.tr("证书 (*.pem *.crt)")
        )
        if path:
            self.ca.setText(path)

    def _busy(self, text: str) -> None:
        for button in self._buttons():
            button.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(text)

    def _fail(self, message: str) -> None:
        self.message.setStyleSheet(f"color: {ERROR_TEXT}")
        self.message.setText(message)
        self._refresh(then=lambda: self.failed.emit(message))

    def enroll(self) -> None:
        workspace, url, code = self.workspace, self.url.text().strip(), self.code.text().strip()
        ca = Path(self.ca.text().strip()) if self.ca.text().strip() else None
        self._busy(self.tr("正在登记…"))
        self.runner.run(
            lambda _reporter: enroll(workspace, url, code, ca),
            on_success=self._enrolled,
            changes=OpChanges(settings=True),
            on_failure=self._fail,
        )

    def _enrolled(self, server: Any) -> None:
        self.message.setText(self.tr("已登记，可以同步"))
        self._refresh(then=lambda: self.done.emit(server))

    def push(self) -> None:
        workspace = self.workspace
        self._busy(self.tr("正在推送…"))
        self.runner.run(
            lambda reporter: push(workspace, reporter=reporter),
            on_success=self._pushed,
            changes=OpChanges(inspection=True),
            on_failure=self._fail,
            progress_parent=self,
            label=self.tr("正在推送到局端服务器…"),
        ).signals.cancelled.connect(
            lambda: self._fail(self.tr("已取消；已送达的部分下次继续，不必重传"))
        )

    def _pushed(self, result: PushResult) -> None:
        summary = result.summary
        self.message.setText(
            arg(
                self.tr("服务器已确认 %1 项检查（新增 %2 条，更新 %3 条）；发送 %4 MB"),
                str(len(summary.get("inspections", []))),
                str(summary.get("inserted", 0)),
                str(summary.get("updated", 0)),
                f"{result.sent_bytes / 1e6:.1f}",
            )
            + (
                "\n"
                + arg(
                    self.tr("本机时钟与服务器相差约 %1 秒，已按服务器时间推送；请校准本机时间"),
                    str(result.clock_off),
                )
                if result.clock_off
                else ""
            )
        )
        self._refresh(then=lambda: self.done.emit(result))

    def pull(self) -> None:
        workspace = self.workspace
        self._busy(self.tr("正在更新基础数据…"))
        self.runner.run(
            lambda reporter: pull(workspace, reporter=reporter),
            on_success=self._pulled,
            changes=OpChanges(registry=True, settings=True, campaigns=True),
            on_failure=self._fail,
            progress_parent=self,
            label=self.tr("正在更新基础数据…"),
        )

    def _pulled(self, result: PullResult) -> None:
        lines = [
            arg(self.tr("已安装 %1 第 %2 版"), kind, str(version))
            for kind, version, _note in result.installed
        ] + [
            arg(self.tr("未安装 %1 第 %2 版（仍用上一版）：%3"), kind, str(version), why)
            for kind, version, why in result.refused
        ]
        self.message.setText("\n".join(lines) or self.tr("基础数据已是最新"))
        self._refresh(then=lambda: self.done.emit(result))

    def pull_assignments(self) -> None:
        workspace = self.workspace
        self._busy(self.tr("正在领取任务…"))
        self.runner.run(
            lambda _reporter: pull_assignments(workspace),
            on_success=self._assignments_pulled,
            # a visit drawn within a campaign may bring the campaign (the home screen shows it)
            changes=OpChanges(inspection=True, registry=True, campaigns=True),
            on_failure=self._fail,
            progress_parent=self,
            label=self.tr("正在领取局端下达的任务…"),
        )

    def _assignments_pulled(self, result: AssignmentPull) -> None:
        self.message.setText(
            arg(
                self.tr("新领取 %1 项（检查 %2，线索 %3）；已领取过 %4 项；新撤回 %5 项"),
                str(result.added),
                str(result.visits),
                str(result.leads),
                str(result.already),
                str(result.withdrawn),
            )
        )
        self._refresh(then=lambda: self.done.emit(result))
