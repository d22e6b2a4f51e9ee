"""检查时间 and 执法主体 of one inspection: the start and end of the visit as the team enters
them (the clock's times until then), the bureau it is carried out in the name of, and the
warnings when the laptop's clock disagrees with the photos or the server. Reads and writes on
the database executor (ui/ops)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.bureaus import Bureau, list_bureaus
from inspector.inspections import (
    InspectionView,
    clock_warnings,
    get_inspection,
    set_inspection_bureau,
    set_inspection_times,
)
from inspector.workspace import Workspace
from ui.ops import OpChanges, ops


def _qt(moment: datetime | None) -> QDateTime:
    local = (moment or datetime.now().astimezone()).astimezone()
    return QDateTime.fromString(local.strftime("%Y-%m-%d %H:%M"), "yyyy-MM-dd HH:mm")


def _aware(edit: QDateTimeEdit) -> datetime:
    text = edit.dateTime().toString("yyyy-MM-dd HH:mm")
    return datetime.strptime(text, "%Y-%m-%d %H:%M").astimezone()


class VisitDialog(QDialog):
    def __init__(
        self, workspace: Workspace, inspection_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.inspection_id = inspection_id
        self.view: InspectionView | None = None
        self.setWindowTitle(self.tr("检查时间与执法主体"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.start = QDateTimeEdit()
        self.end = QDateTimeEdit()
        for edit in (self.start, self.end):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setCalendarPopup(True)
        form.addRow(self.tr("开始时间"), self.start)
        form.addRow(self.tr("结束时间"), self.end)
        self.bureau = QComboBox()
        form.addRow(self.tr("执法主体"), self.bureau)
        layout.addLayout(form)
        hint = QLabel(
            self.tr("默认取本机时钟；请按实际填写。交叉检查的执法主体为组织检查的医疗保障局。")
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(
            "background: #fff4e5; color: #8a4b00; padding: 6px; border-radius: 4px;"
        )
        self.warnings.hide()
        layout.addWidget(self.warnings)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setEnabled(False)  # until the inspection is read
        close = QPushButton(self.tr("关闭"))
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(lambda: self.save())
        close.clicked.connect(self.reject)
        self.refresh()

    def refresh(self) -> None:
        ws, inspection_id = self.workspace, self.inspection_id
        ops().query(
            lambda: (
                get_inspection(ws, inspection_id),
                list_bureaus(ws),
                clock_warnings(ws, inspection_id),
            ),
            parent=self,
            success=lambda found: self._show(*found),
            failure=lambda message: QMessageBox.warning(self, self.tr("检查时间"), message),
        )

    def _show(self, view: InspectionView, bureaus: list[Bureau], warnings: list[str]) -> None:
        from inspector.change import EDITABLE

        self.view = view
        self.start.setDateTime(_qt(view.started_at))
        self.end.setDateTime(_qt(view.ended_at))
        self.bureau.clear()
        current = (view.bureau or {}).get("name")
        if not bureaus:
            self.bureau.addItem(self.tr("（本机未设置执法主体）"), None)
        for bureau in bureaus:
            self.bureau.addItem(bureau.name, bureau.name)
        if current and self.bureau.findData(current) < 0:
            self.bureau.addItem(current, current)  # named before the settings changed
        self.bureau.setCurrentIndex(max(self.bureau.findData(current), 0))
        editable = view.status in EDITABLE
        # A visit awaiting signatures is reopened first; a signed one is locked.
        for widget in (self.start, self.end, self.bureau, self.save_button):
            widget.setEnabled(editable)
        self.warnings.setText("⚠ " + "\n⚠ ".join(warnings) if warnings else "")
        self.warnings.setVisible(bool(warnings))

    def save(self) -> None:
        ws, inspection_id = self.workspace, self.inspection_id
        start, end = _aware(self.start), _aware(self.end)
        chosen = self.bureau.currentData()
        current = ((self.view.bureau if self.view else None) or {}).get("name")

        def write() -> list[str]:
            if chosen and chosen != current:
                set_inspection_bureau(ws, inspection_id, chosen)
            return set_inspection_times(ws, inspection_id, start, end)

        def done(warnings: list[str]) -> None:
            self.refresh()
            if not warnings:
                self.accept()

        ops().mutate(
            write,
            OpChanges(inspection=True).about(inspection_id),
            parent=self,
            success=done,
            failure=lambda message: QMessageBox.warning(self, self.tr("无法保存"), message),
        )
