"""The record of an inspection inside the app: preview (QtPdf), its status at a glance (current or
out of date, who has signed), make it again, print it, save a copy."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.db.models import InspectionStatus
from inspector.inspections import InspectionView, get_inspection
from inspector.record.binding import stale_signatures
from inspector.record.build import build_record
from inspector.record.content import amend_inspection, signatures
from inspector.record.signing import missing_handwritten
from inspector.record.status import RecordView, latest_record
from inspector.workspace import Workspace
from ui.errors import arg
from ui.ops import OpChanges, ops
from ui.record_preview import RecordPreview, cups_command  # noqa: F401 (named from here too)
from ui.tasks import TaskRunner


class RecordDialog(QDialog):
    signatures_requested = Signal(str)  # inspection id: open the signing screen
    amended = Signal(str)  # the new inspection that corrects this signed one
    changed = Signal()

    def __init__(
        self,
        workspace: Workspace,
        runner: TaskRunner,
        inspection_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.inspection_id = inspection_id
        self.record: RecordView | None = None
        self._hand: set[str] = set()  # 执法证号 of the inspectors who signed by hand
        self._missing: list[str] = []  # whose hand signature is missing or void, in words
        self.setWindowTitle(self.tr("检查记录"))
        self.resize(1200, 740)

        layout = QHBoxLayout(self)
        # The record shown, printed and saved by the widget the interview record uses too.
        self.preview = RecordPreview(workspace, self.tr("检查记录"))
        self.document = self.preview.document
        self.view = self.preview.view
        self.print_button = self.preview.print_button
        self.save_button = self.preview.save_button
        layout.addWidget(self.preview, 3)

        side = QVBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setMinimumWidth(300)
        side.addWidget(self.status)
        self.build_button = QPushButton(self.tr("生成 / 更新记录"))
        self.sign_button = QPushButton(self.tr("签名…"))
        self.amend_button = QPushButton(self.tr("制作更正记录…"))
        self.amend_button.setToolTip(
            self.tr("已签名的记录不能修改：更正是一项新的检查，关联原记录，原记录保持不变")
        )
        close = QPushButton(self.tr("关闭"))
        for button in (
            self.build_button,
            self.sign_button,
            self.amend_button,
        ):
            button.setMinimumHeight(40)
            side.addWidget(button)
        side.addStretch(1)
        side.addWidget(close)
        layout.addLayout(side, 1)

        self.build_button.clicked.connect(self.build)
        self.sign_button.clicked.connect(lambda: self.signatures_requested.emit(inspection_id))
        # Not connected directly: clicked(bool) would arrive as confirm=False.
        self.amend_button.clicked.connect(lambda: self.amend())
        close.clicked.connect(self.accept)
        self.refresh()

    def refresh(self) -> None:
        """Read the newest record, the inspection and the hand signatures on the database
        executor (the record's data hash is recomputed: it takes time), then show them."""
        ws, inspection_id = self.workspace, self.inspection_id

        def read() -> tuple[RecordView | None, InspectionView, set[str], list[str]]:
            # A hand signature given on data that changed since is void: not counted here.
            from inspector.inspections import clock_warnings

            void = {item.signature.id for item in stale_signatures(ws, inspection_id)}
            hand = {
                sig.cert_no
                for sig in signatures(ws, inspection_id)
                if sig.role == "inspector" and sig.interview_id is None and sig.id not in void
            }
            view = get_inspection(ws, inspection_id)
            return (
                latest_record(ws, inspection_id),
                view,
                hand,
                missing_handwritten(ws, inspection_id),
                clock_warnings(ws, view.id),
            )

        ops().query(
            read,
            parent=self,
            success=lambda found: self._show(*found),
            failure=lambda message: QMessageBox.warning(self, self.tr("检查记录"), message),
        )

    def _show(
        self,
        record: RecordView | None,
        view: InspectionView,
        hand: set[str],
        missing: list[str] | None = None,
        warnings: list[str] | None = None,
    ) -> None:
        self.record = record
        self._hand = hand
        self._missing = missing or []
        signed = view.status is InspectionStatus.SIGNED
        self.build_button.setEnabled(not signed)
        # Locked: nobody signs any more (the amendment is the way to change it).
        self.sign_button.setEnabled(not signed)
        self.amend_button.setVisible(signed)
        self.preview.show_record(record)
        text = self.status_html(view.status, view.team)
        if warnings:
            # The laptop's clock disagrees with the photos or the server: the 检查时间 the
            # record prints may be wrong (kept on the inspection's log too).
            shown = "<br/>".join(
                "⚠ " + w.replace("&", "&amp;").replace("<", "&lt;") for w in warnings
            )
            text += f"<br/><span style='color:#8a4b00'>{shown}</span>"
        self.status.setText(text)

    def status_html(self, status: InspectionStatus, team: list) -> str:  # type: ignore[type-arg]
        record = self.record
        if record is None:
            return self.tr("还没有生成记录。")
        lines = [
            arg(self.tr("<b>记录编号</b> %1"), record.record_no or "—"),
            arg(self.tr("生成于 %1"), record.created_at.astimezone().strftime("%Y-%m-%d %H:%M")),
        ]
        if record.current:
            lines.append(self.tr("<span style='color:#1e7d32'>✓ 与当前数据一致</span>"))
        else:
            lines.append(
                self.tr("<span style='color:#b3261e'>✗ 记录生成后数据有变更，请重新生成</span>")
            )
        hand = self._hand
        lines.append(self.tr("<b>签名</b>"))
        for name, cert, role in team:
            leader = self.tr("（组长）") if role.value == "leader" else ""
            marks = [
                self.tr("手写 ✓") if cert in hand else self.tr("手写 —"),
                self.tr("数字 ✓") if cert in record.signed_by else self.tr("数字 —"),
            ]
            lines.append(f"{name}{leader}：{'　'.join(marks)}")
        # Who must sign by hand (again: a void signature is named), before any key signs.
        for line in self._missing if status is not InspectionStatus.SIGNED else []:
            lines.append(arg(self.tr("<span style='color:#b3261e'>还需手写签名：%1</span>"), line))
        if status is InspectionStatus.SIGNED:
            lines.append(self.tr("<b>已签名锁定</b>：不能再修改，更正须制作更正记录。"))
        return "<br/>".join(lines)

    def build(self) -> None:
        def done(_result: object) -> None:
            self.refresh()
            self.changed.emit()

        self.runner.run(
            lambda reporter: build_record(self.workspace, self.inspection_id, None, reporter),
            on_success=done,
            changes=OpChanges(record=True).about(self.inspection_id),
            on_failure=lambda message: QMessageBox.warning(self, self.tr("无法生成记录"), message),
            progress_parent=self,
            label=self.tr("正在生成检查记录…"),
        )

    def amend(self, confirm: bool = True) -> None:
        if (
            confirm
            and QMessageBox.question(
                self,
                self.tr("制作更正记录"),
                self.tr(
                    "将新建一项更正检查，复制原检查的答案和证据供修改；原记录保持不变。继续吗？"
                ),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return

        def done(new_id: str) -> None:
            self.amended.emit(new_id)
            self.accept()

        ws, inspection_id = self.workspace, self.inspection_id
        ops().mutate(
            lambda: amend_inspection(ws, inspection_id),
            lambda new_id: (
                OpChanges(inspection=True, record=True).about(inspection_id).about(new_id)
            ),
            parent=self,
            success=done,
            failure=lambda message: QMessageBox.warning(self, self.tr("无法更正"), message),
        )

    def print_record(self, printer: QPrinter | None = None) -> int:
        """Print the record (see RecordPreview.print_record); ``printer`` None asks for one."""
        return self.preview.print_record(printer)
