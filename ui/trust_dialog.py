"""The trust list under the keys dialog (the bureau's CA certificates a record's signers must
chain to), and checking a record file in the app with the same three-level verdict as
``record verify``: 通过 / 完好但签名者未获信任 / 不通过.

The work is the core's (``inspector.signing.trust``, ``inspector.record.signing``); the widgets'
methods ``add_certificate``, ``remove`` and ``verify`` take their input as arguments (the
buttons ask for it first), so tests drive them directly."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.record.signing import FAIL, PASS, UNTRUSTED, RecordCheck, verify_record
from inspector.signing.trust import TrustedView, add_trusted, list_trusted, remove_trusted
from inspector.workspace import Workspace
from ui.errors import arg
from ui.ops import OpChanges, ops
from ui.tasks import TaskRunner

ERROR_TEXT = "#9b1c1c"
FINGERPRINT_ROLE = Qt.ItemDataRole.UserRole
SUBJECT, FINGERPRINT, UNTIL = range(3)
VERDICT_COLOURS = {PASS: "#1d6b2f", UNTRUSTED: "#8a5a00", FAIL: ERROR_TEXT}


def verdict_words(verdict: str) -> str:
    translate = QCoreApplication.translate
    return {
        PASS: translate("Verdict", "通过"),
        UNTRUSTED: translate("Verdict", "完好但签名者未获信任"),
        FAIL: translate("Verdict", "不通过"),
    }[verdict]


class TrustList(QGroupBox):
    """The trust list: its certificates, add from a file, remove the selected one."""

    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("信任列表（医保局 CA 证书）"), parent)
        self.workspace = workspace
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("CA 证书"), self.tr("SHA-256 指纹"), self.tr("有效期至")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("加入 CA 证书…"))
        self.remove_button = QPushButton(self.tr("移除"))
        self.add_button.clicked.connect(self._ask_add)
        self.remove_button.clicked.connect(self._remove_selected)
        self.message = QLabel()
        self.message.setWordWrap(True)
        note = QLabel(
            self.tr(
                "签名者的证书须能追溯到这里的 CA 证书，验证结论才是“通过”；"
                "试用（自签名）证书和个人证书不能加入。"
            )
        )
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Reads the list on the database executor; the table fills when it arrives."""
        workspace = self.workspace
        ops().query(lambda: list_trusted(workspace), parent=self, success=self._fill)

    def _fill(self, views: list[TrustedView]) -> None:
        self.table.setRowCount(len(views))
        for row, view in enumerate(views):
            values = {
                SUBJECT: view.subject,
                FINGERPRINT: view.fingerprint_sha256[:16],
                UNTIL: view.not_after.astimezone().strftime("%Y-%m-%d"),
            }
            for column, text in values.items():
                item = QTableWidgetItem(text)
                item.setData(FINGERPRINT_ROLE, view.fingerprint_sha256)
                if column == FINGERPRINT:
                    item.setToolTip(view.fingerprint_sha256)
                self.table.setItem(row, column, item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectedItems()))

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {ERROR_TEXT}" if error else "")
        self.message.setText(text)

    def add_certificate(self, path: str | Path) -> list[TrustedView] | None:
        def done(added: list[TrustedView]) -> None:
            self.refresh()
            subjects = "、".join(v.subject for v in added)
            self._say(arg(self.tr("已加入信任列表：%1"), subjects))
            self.changed.emit()

        ws = self.workspace
        pending = ops().mutate(
            lambda: add_trusted(ws, Path(path)),
            OpChanges(settings=True),
            parent=self,
            success=done,
            failure=lambda message: self._say(message, error=True),
        )
        return pending.result  # known at once only when the executor runs inline (tests)

    def remove(self, fingerprint: str) -> TrustedView | None:
        def done(view: TrustedView) -> None:
            self.refresh()
            self._say(arg(self.tr("已从信任列表移除：%1"), view.subject))
            self.changed.emit()

        ws = self.workspace
        pending = ops().mutate(
            lambda: remove_trusted(ws, fingerprint),
            OpChanges(settings=True),
            parent=self,
            success=done,
            failure=lambda message: self._say(message, error=True),
        )
        return pending.result  # known at once only when the executor runs inline (tests)

    def _ask_add(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择医保局 CA 的证书"),
            "",
            self.tr("证书 (*.pem *.crt *.cer *.der);;所有文件 (*)"),
        )
        if path:
            self.add_certificate(path)

    def _remove_selected(self) -> None:
        items = self.table.selectedItems()
        if items:
            self.remove(str(items[0].data(FINGERPRINT_ROLE)))


class VerifyDialog(QDialog):
    """Check a record file: the verdict in words and colour, then the report line by line."""

    verified = Signal(object)  # the RecordCheck

    def __init__(
        self, workspace: Workspace, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.check: RecordCheck | None = None
        self.setWindowTitle(self.tr("验证记录文件"))
        self.resize(760, 520)
        self.verdict = QLabel(self.tr("选择一个已签名的记录 PDF"))
        font = self.verdict.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.verdict.setFont(font)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.choose_button = QPushButton(self.tr("选择文件…"))
        self.choose_button.clicked.connect(self._ask_file)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.verdict)
        layout.addWidget(self.report, 1)
        layout.addLayout(buttons)

    def verify(self, path: str | Path) -> None:
        """Verify off the UI thread; ``verified`` carries the result."""
        target = Path(path)
        self.verdict.setText(arg(self.tr("正在验证 %1…"), target.name))
        self.verdict.setStyleSheet("")
        self.runner.run(
            lambda _reporter: verify_record(self.workspace, target),
            on_success=self._show,
            on_failure=self._failed,
            progress_parent=self,
            label=self.tr("正在验证签名…"),
        )

    def _show(self, check: RecordCheck) -> None:
        self.check = check
        self.verdict.setText(arg(self.tr("结论：%1"), verdict_words(check.verdict)))
        self.verdict.setStyleSheet(f"color: {VERDICT_COLOURS[check.verdict]}")
        self.report.setPlainText("\n".join(check.lines()))
        self.verified.emit(check)

    def _failed(self, message: str) -> None:
        self.verdict.setText(message)
        self.verdict.setStyleSheet(f"color: {ERROR_TEXT}")

    def _ask_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择记录文件"), "", self.tr("PDF 文件 (*.pdf);;所有文件 (*)")
        )
        if path:
            self.verify(path)
