"""One piece of evidence: the upright photo (its print-size copy, never a full-size decode), what
the camera recorded, the hash; its caption and checklist item can be edited, it can be annotated
on a copy or removed while the inspection is still being edited."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from inspector.evidence.manage import (
    link_evidence,
    locate_evidence,
    print_bytes,
    remove_evidence,
    set_caption,
)
from inspector.inspections import EDITABLE, EvidenceView, InspectionView, get_inspection
from inspector.workspace import Workspace
from ui.errors import arg
from ui.evidence.images import stored_image
from ui.ops import OpChanges, ops
from ui.tasks import TaskRunner


def _local(moment: object) -> str:
    if not isinstance(moment, datetime):
        return "—"
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class EvidenceViewer(QDialog):
    changed = Signal()

    def __init__(
        self,
        workspace: Workspace,
        runner: TaskRunner,
        evidence_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.evidence_id = evidence_id
        self.setWindowTitle(self.tr("证据"))
        self.resize(1000, 640)
        self._pixmap = QPixmap()

        self.picture = QLabel(self.tr("（无预览）"))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(320, 240)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

        self.facts = QFormLayout()
        self.caption = QPlainTextEdit()
        self.caption.setPlaceholderText(self.tr("说明：拍的是什么、在哪里、为什么"))
        self.caption.setMaximumHeight(90)
        self.save_caption_button = QPushButton(self.tr("保存说明"))
        self.save_caption_button.clicked.connect(self.save_caption)
        self.item = QComboBox()
        self.save_item_button = QPushButton(self.tr("保存关联"))
        self.save_item_button.clicked.connect(self.save_item)
        self.annotate_button = QPushButton(self.tr("标注…"))
        self.annotate_button.setToolTip(self.tr("在副本上画箭头、圆圈、写文字；原件不变"))
        self.annotate_button.clicked.connect(self.open_annotation)
        self.remove_button = QPushButton(self.tr("移除…"))
        self.remove_button.clicked.connect(self.remove)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        self.message = QLabel("")
        self.message.setWordWrap(True)

        side = QVBoxLayout()
        side.addLayout(self.facts)
        side.addWidget(QLabel(self.tr("说明")))
        side.addWidget(self.caption)
        side.addWidget(self.save_caption_button)
        side.addWidget(QLabel(self.tr("关联的检查条目")))
        side.addWidget(self.item)
        side.addWidget(self.save_item_button)
        side.addStretch(1)
        side.addWidget(self.message)
        actions = QHBoxLayout()
        actions.addWidget(self.annotate_button)
        actions.addWidget(self.remove_button)
        actions.addStretch(1)
        actions.addWidget(close)
        side.addLayout(actions)
        panel = QWidget()
        panel.setLayout(side)
        panel.setFixedWidth(380)
        layout = QHBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addWidget(panel)
        self.view: EvidenceView | None = None
        self._editable(False)  # until the evidence is read
        self.annotate_button.setEnabled(False)
        self.load()

    def load(self) -> None:
        """Reads the evidence and its inspection on the database executor, then shows them."""
        ws, asked = self.workspace, self.evidence_id

        def read() -> tuple[str, InspectionView]:
            evidence_id, inspection_id = locate_evidence(ws, asked)
            return evidence_id, get_inspection(ws, inspection_id)

        ops().query(
            read,
            parent=self,
            success=lambda found: self._show(*found),
            failure=self.message.setText,
        )

    def _show(self, evidence_id: str, inspection: InspectionView) -> None:
        self.evidence_id = evidence_id
        found = next((e for e in inspection.evidence if e.id == self.evidence_id), None)
        if found is None:
            self.message.setText(self.tr("这件证据已不存在"))
            return
        self.view = found
        editable = inspection.status in EDITABLE
        self.setWindowTitle(arg(self.tr("证据：%1"), found.original_name))
        self._pixmap = QPixmap.fromImage(stored_image(lambda: print_bytes(self.workspace, found)))
        if self._pixmap.isNull():
            pdf = found.media_type == "application/pdf"
            kind = self.tr("PDF 文件") if pdf else found.media_type
            self.picture.setText(arg(self.tr("（%1，无图片预览）"), kind))
        self._fit()
        while self.facts.rowCount():
            self.facts.removeRow(0)
        pages = self.tr("，%n 页", "", found.pages) if found.pages else ""
        rows = [
            (self.tr("文件名"), found.original_name),
            (self.tr("类型"), found.media_type + pages),
            (
                self.tr("拍摄时间"),
                arg(self.tr("%1（相机时钟）"), _local(found.captured_at)),
            ),
            (
                self.tr("导入时间"),
                arg(self.tr("%1（本机时钟）"), _local(found.added_at)),
            ),
            (
                self.tr("位置"),
                f"{found.gps_lat:.6f}, {found.gps_lon:.6f}"
                if found.gps_lat is not None and found.gps_lon is not None
                else "—",
            ),
            (self.tr("设备"), found.camera or "—"),
            (self.tr("导入人"), found.added_by or "—"),
            ("SHA-256", f"{found.sha256[:32]}\n{found.sha256[32:]}"),
        ]
        if found.source_sha256:
            source = found.source_sha256
            original = self.tr("原件 SHA-256")
            rows.append((self.tr("标注自"), f"{original}\n{source[:32]}\n{source[32:]}"))
        for note in (found.metadata_warning, found.time_warning):
            if note:
                rows.append((self.tr("注意"), note))
        for label, value in rows:
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addRow(label, text)
        self.caption.setPlainText(found.caption)
        self.item.clear()
        self.item.addItem(self.tr("（不关联条目：整次检查的证据）"), None)
        for entry in inspection.checklist.items:
            answer = inspection.answers.get(entry.code)
            title = entry.title
            if answer is not None and answer.result.value == "problem":
                title = arg(self.tr("【问题】%1", "a checklist item with a problem"), title)
            self.item.addItem(f"{entry.code} {title}", entry.code)
        self.item.setCurrentIndex(max(self.item.findData(found.item_code), 0))
        self._editable(editable)
        self.annotate_button.setEnabled(editable and found.print_sha256 is not None)
        if not editable:
            self.message.setText(self.tr("检查已结束或已签字：证据只能查看"))

    def _editable(self, editable: bool) -> None:
        for widget in (
            self.caption,
            self.save_caption_button,
            self.item,
            self.save_item_button,
            self.remove_button,
        ):
            widget.setEnabled(editable)

    def _fit(self) -> None:
        if self._pixmap.isNull():
            return
        self.picture.setPixmap(
            self._pixmap.scaled(
                self.picture.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def _try(self, failed: str, work: Callable[[], object], then: Callable[[], None]) -> None:
        """Run ``work`` as an operation, then ``then()``; on the core's error show ``failed``
        with its %1 replaced by it."""
        ops().mutate(
            work,
            OpChanges(evidence=True),
            parent=self,
            success=lambda _result: then(),
            failure=lambda message: self.message.setText(arg(failed, message)),
        )

    def _by(self) -> str | None:
        parent = self.parent()
        added_by = getattr(parent, "added_by", None)
        return added_by if isinstance(added_by, str) else None

    def save_caption(self) -> None:
        text = self.caption.toPlainText()
        ws, evidence_id, by = self.workspace, self.evidence_id, self._by()

        def then() -> None:
            self.message.setText(self.tr("说明已保存"))
            self.changed.emit()

        self._try(
            self.tr("保存说明失败：%1"),
            lambda: set_caption(ws, evidence_id, text, by=by),
            then,
        )

    def save_item(self) -> None:
        code = self.item.currentData()
        ws, evidence_id, by = self.workspace, self.evidence_id, self._by()

        def then() -> None:
            self.message.setText(self.tr("关联已保存"))
            self.changed.emit()

        self._try(
            self.tr("保存关联失败：%1"),
            lambda: link_evidence(ws, evidence_id, code, by=by),
            then,
        )

    def open_annotation(self) -> None:
        from ui.evidence.annotate import AnnotationEditor

        editor = AnnotationEditor(self.workspace, self.runner, self.evidence_id, self)
        editor.saved.connect(lambda _new_id: self.changed.emit())
        editor.show()

    def remove(self, *, confirm: bool = True) -> None:
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("移除证据"),
                self.tr("从本次检查中移除这件证据？保管记录会保留移除的记录。"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        ws, evidence_id, by = self.workspace, self.evidence_id, self._by()

        def then() -> None:
            self.changed.emit()
            self.accept()

        self._try(
            self.tr("移除失败：%1"),
            lambda: remove_evidence(ws, evidence_id, by=by),
            then,
        )
