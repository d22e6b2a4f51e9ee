"""Hand-over bundles in the app (文件 → 导出交接包… / 导入交接包… / 交接冲突…): export with
progress and cancel off the UI thread, import after a preview of what the bundle holds and
from whom, and the conflicts an import kept, for the team leader to settle. The work is the
core's (inspector/bundle/); these dialogs only ask and show."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.bundle import (
    BundleReport,
    ConflictView,
    ExportResult,
    ImportResult,
    choose_key,
    export_bundle,
    import_bundle,
    list_conflicts,
    preview_bundle,
    settle_conflict,
)
from inspector.errors import InspectorError
from inspector.signing import KeyStore
from inspector.workspace import Workspace
from ui.core_messages import core_message
from ui.errors import arg
from ui.ops import OpChanges, ops
from ui.tasks import TaskRunner

ERROR_TEXT = "#b00020"


class BundleExportDialog(QDialog):
    """Export everything, or the open inspection, to a receiver; sign with an inspector's key
    or this laptop's device key."""

    exported = Signal(object)  # the ExportResult

    def __init__(
        self,
        workspace: Workspace,
        runner: TaskRunner,
        inspection_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.inspection_id = inspection_id
        self.result: ExportResult | None = None
        self.setWindowTitle(self.tr("导出交接包"))
        self.resize(620, 320)
        self.receiver = QLineEdit()
        self.receiver.setPlaceholderText(self.tr("如 济南市医疗保障局、历城区医疗保障局"))
        self.since = QCheckBox(self.tr("只导出上次交给该接收方之后的变化"))
        self.only_current = QCheckBox(self.tr("只导出当前打开的检查"))
        self.only_current.setEnabled(inspection_id is not None)
        self.only_current.setChecked(inspection_id is not None)
        self.key = QComboBox()
        self.key.addItem(self.tr("本机设备密钥（未使用检查人员的密钥）"), None)
        for info in KeyStore(workspace.home).list_keys():
            if info.problem() is None:
                self.key.addItem(info.describe(), info.key_id)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setEnabled(False)
        self.key.currentIndexChanged.connect(
            lambda _i: self.passphrase.setEnabled(self.key.currentData() is not None)
        )
        self.path = QLineEdit()
        browse = QPushButton(self.tr("选择位置…"))
        browse.clicked.connect(self._ask_path)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("接收方"), self.receiver)
        form.addRow("", self.since)
        form.addRow("", self.only_current)
        form.addRow(self.tr("签名密钥"), self.key)
        form.addRow(self.tr("密钥口令"), self.passphrase)
        form.addRow(self.tr("保存为"), where)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.export_button = QPushButton(self.tr("导出"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def _ask_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存交接包"), "交接包.zip", self.tr("交接包 (*.zip)")
        )
        if path:
            self.path.setText(path)

    def start(self) -> None:
        """Export off the UI thread (progress and cancel after ~600 ms)."""
        target = self.path.text().strip()
        if not target:
            self._fail(self.tr("请选择交接包的保存位置"))
            return
        receiver = self.receiver.text().strip() or None
        if self.since.isChecked() and receiver is None:
            self._fail(self.tr("增量导出需要填写接收方"))
            return
        key_id = self.key.currentData()
        passphrase = self.passphrase.text()
        inspections = (
            [self.inspection_id] if self.only_current.isChecked() and self.inspection_id else None
        )
        since = receiver if self.since.isChecked() else None
        workspace = self.workspace

        def work(reporter: Any) -> ExportResult:
            key = choose_key(workspace, key_id, passphrase if key_id else None)
            return export_bundle(
                workspace,
                Path(target),
                inspections=inspections,
                since=since,
                receiver=receiver,
                key=key,
                reporter=reporter,
            )

        self.export_button.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("正在导出…"))
        self.runner.run(
            work,
            on_success=self._done,
            on_failure=self._fail,
            progress_parent=self,
            label=self.tr("正在导出交接包…"),
        ).signals.cancelled.connect(lambda: self._fail(self.tr("已取消，未生成交接包")))

    def _done(self, result: ExportResult) -> None:
        self.result = result
        self.export_button.setEnabled(True)
        self.message.setStyleSheet("")
        self.message.setText(
            arg(
                self.tr("已导出：%1（%2 项检查，%3 个文件）"),
                result.path,
                result.counts.get("inspections", 0),
                result.files,
            )
        )
        self.exported.emit(result)

    def _fail(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self.message.setStyleSheet(f"color: {ERROR_TEXT}")
        self.message.setText(message)


class BundleImportDialog(QDialog):
    """Choose a bundle, see what it holds and from whom (verified, nothing changed), then
    import it; conflicts are listed for the leader."""

    previewed = Signal(object)  # the BundleReport
    imported = Signal(object)  # the ImportResult
    failed = Signal(str)

    def __init__(
        self, workspace: Workspace, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.path: Path | None = None
        self.report: BundleReport | None = None
        self.result: ImportResult | None = None
        # Signers trusted for this import besides the trust list (a CA's or a signer's own
        # certificate, e.g. a visiting team's device key read out to the host on the phone).
        self.trust: list[Any] = []
        self.setWindowTitle(self.tr("导入交接包"))
        self.resize(760, 520)
        self.title = QLabel(self.tr("选择要导入的交接包"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.choose_button = QPushButton(self.tr("选择文件…"))
        self.choose_button.clicked.connect(self._ask_file)
        self.trust_button = QPushButton(self.tr("信任签名者证书…"))
        self.trust_button.setToolTip(
            self.tr(
                "本机有信任列表时，只接受其中的签名者；可在此为这次导入加入签名者或其 CA 的证书"
            )
        )
        self.trust_button.clicked.connect(self._ask_trust)
        self.import_button = QPushButton(self.tr("导入"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.conflicts_button = QPushButton(self.tr("处理冲突…"))
        self.conflicts_button.setVisible(False)
        self.conflicts_button.clicked.connect(self._open_conflicts)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.trust_button)
        buttons.addStretch(1)
        buttons.addWidget(self.conflicts_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)

    def _ask_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择交接包"), "", self.tr("交接包 (*.zip);;所有文件 (*)")
        )
        if path:
            self.preview(path)

    def _ask_trust(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择签名者证书"),
            "",
            self.tr("证书 (*.pem *.crt *.cer *.der);;所有文件 (*)"),
        )
        if path:
            self.add_trust(path)

    def add_trust(self, path: str | Path) -> bool:
        """Trust this certificate's signer for this import; the bundle is checked again."""
        from inspector.signing.trust import read_certificates

        try:
            self.trust.extend(read_certificates(Path(path)))
        except InspectorError as error:
            self._fail(core_message(error))
            return False
        if self.path is not None:
            self.preview(self.path)
        return True

    def preview(self, path: str | Path) -> None:
        """Verify the bundle off the UI thread and show what it holds; nothing is changed."""
        self.path = Path(path)
        self.report = None
        self.import_button.setEnabled(False)
        self.title.setStyleSheet("")
        self.title.setText(arg(self.tr("正在验证 %1…"), self.path.name))
        workspace, target, trust = self.workspace, self.path, list(self.trust)
        self.runner.run(
            lambda reporter: preview_bundle(workspace, target, trust=trust, reporter=reporter),
            on_success=self._show_preview,
            on_failure=self._fail,
            progress_parent=self,
            label=self.tr("正在验证交接包…"),
        )

    def _show_preview(self, report: BundleReport) -> None:
        self.report = report
        self.title.setText(arg(self.tr("交接人：%1"), report.source_text()))
        self.details.setPlainText("\n".join(report.lines()))
        self.import_button.setEnabled(True)
        self.previewed.emit(report)

    def start_import(self) -> None:
        if self.path is None:
            return
        self.import_button.setEnabled(False)
        workspace, target, trust = self.workspace, self.path, list(self.trust)
        self.runner.run(
            lambda reporter: import_bundle(workspace, target, trust=trust, reporter=reporter),
            on_success=self._show_result,
            changes=OpChanges(
                inspection=True, answers=True, evidence=True, record=True, ledger=True
            ),
            on_failure=self._fail,
            progress_parent=self,
            label=self.tr("正在导入交接包…"),
        )

    def _show_result(self, result: ImportResult) -> None:
        self.result = result
        self.title.setStyleSheet("")
        if result.conflicts:
            self.title.setText(
                arg(
                    self.tr("已导入；%1 项冲突已保留两个版本，请检查组长处理"),
                    len(result.conflicts),
                )
            )
        elif result.changed:
            self.title.setText(self.tr("已导入"))
        else:
            self.title.setText(self.tr("本机已有交接包中的全部内容，没有变化"))
        self.details.setPlainText("\n".join(result.lines()))
        self.conflicts_button.setVisible(bool(result.conflicts))
        self.imported.emit(result)

    def _fail(self, message: str) -> None:
        self.title.setText(message)
        self.title.setStyleSheet(f"color: {ERROR_TEXT}")
        self.failed.emit(message)

    def _open_conflicts(self) -> None:
        ConflictsDialog(self.workspace, self).exec()


class ConflictsDialog(QDialog):
    """The conflicts imports kept: both versions side by side; the leader keeps one."""

    settled = Signal(object)  # the ConflictView

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("交接冲突"))
        self.resize(760, 480)
        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._show)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.keep_local = QPushButton(self.tr("保留本机版本"))
        self.keep_incoming = QPushButton(self.tr("采用交接包版本"))
        self.keep_local.clicked.connect(lambda: self.settle("local"))
        self.keep_incoming.clicked.connect(lambda: self.settle("incoming"))
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_local)
        buttons.addWidget(self.keep_incoming)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("两台电脑都修改过的内容（只有检查组长可以处理）：")))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.keep_local.setEnabled(False)  # until the conflicts are read
        self.keep_incoming.setEnabled(False)
        self.reload()

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Reads the conflicts on the database executor, lists them, then calls ``then``."""
        ws = self.workspace

        def show(conflicts: list[ConflictView]) -> None:
            self._list(conflicts)
            if then is not None:
                then()

        ops().query(lambda: list_conflicts(ws), parent=self, success=show)

    def _list(self, conflicts: list[ConflictView]) -> None:
        self.list.clear()
        for conflict in conflicts:
            item = QListWidgetItem(
                arg(
                    self.tr("%1：%2（检查 %3）"),
                    conflict.label,
                    "、".join(conflict.fields),
                    (conflict.inspection_id or "—")[:8],
                )
            )
            item.setData(256, conflict)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.details.setPlainText(self.tr("没有待处理的交接冲突"))
        has = self.list.count() > 0
        self.keep_local.setEnabled(has)
        self.keep_incoming.setEnabled(has)

    def current(self) -> ConflictView | None:
        item = self.list.currentItem()
        return None if item is None else item.data(256)

    def _show(self, *_args: object) -> None:
        conflict = self.current()
        if conflict is None:
            return
        lines = [arg(self.tr("来自：%1"), conflict.source)]
        for name in conflict.fields:
            local = (conflict.local_state or {}).get(name)
            incoming = conflict.incoming_state.get(name)
            lines.append(arg(self.tr("%1　本机：%2　交接包：%3"), name, local, incoming))
        self.details.setPlainText("\n".join(lines))

    def settle(self, keep: str) -> None:
        conflict = self.current()
        if conflict is None:
            return

        def done(view: Any) -> None:
            self.message.setStyleSheet("")
            self.message.setText(arg(self.tr("已处理：%1"), view.label))
            self.reload(then=lambda: self.settled.emit(view))

        def failed(message: str) -> None:
            self.message.setStyleSheet(f"color: {ERROR_TEXT}")
            self.message.setText(message)

        ws = self.workspace
        ops().mutate(
            lambda: settle_conflict(ws, conflict.id, keep),
            OpChanges(inspection=True, answers=True, evidence=True, record=True),
            parent=self,
            success=done,
            failure=failed,
        )
