"""The sealing list (封存清单) of an inspection: the lines so far, and a form to add one with its
description, quantity, unit, a note (where it is kept, the seal's number) and its photos."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.errors import InspectorError
from inspector.evidence.manage import thumb_bytes
from inspector.evidence.sealing import (
    SealItemView,
    add_seal_item,
    list_seal_items,
    remove_seal_item,
)
from inspector.inspections import EDITABLE, InspectionView, get_inspection
from inspector.workspace import Workspace
from ui.core_messages import core_message
from ui.errors import arg
from ui.evidence.images import stored_image
from ui.ops import OpChanges, ops
from ui.tasks import TaskRunner

# The units are data: they go into the sealing list (a Chinese document) as typed or chosen.
UNITS = ["盒", "瓶", "支", "袋", "板", "包", "本", "册", "份", "张", "台", "件", "箱", "套"]
ID_ROLE = Qt.ItemDataRole.UserRole


class SealingListDialog(QDialog):
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
        self.added_by: str | None = None
        self.setWindowTitle(self.tr("封存清单"))
        self.resize(900, 640)

        columns = [
            self.tr("序号"),
            self.tr("物品名称及描述"),
            self.tr("数量"),
            self.tr("单位"),
            self.tr("备注"),
            self.tr("照片"),
        ]
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("如：阿莫西林胶囊 0.25g×24 粒，批号 20240301"))
        self.quantity = QLineEdit()
        self.quantity.setPlaceholderText(self.tr("数量"))
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.addItems(UNITS)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("封存地点、封条编号等（可不填）"))
        self.photos = QListWidget()
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(QSize(72, 72))
        self.photos.setMaximumHeight(130)
        self.photos.setFlow(QListView.Flow.LeftToRight)
        self.photos.setWrapping(False)
        self.add_button = QPushButton(self.tr("列入封存清单"))
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("移除所选行"))
        self.remove_button.clicked.connect(self.remove_selected)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        self.message = QLabel("")
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("物品名称及描述"), self.description)
        amount = QHBoxLayout()
        amount.addWidget(self.quantity)
        amount.addWidget(self.unit)
        form.addRow(self.tr("数量"), amount)
        form.addRow(self.tr("备注"), self.note)
        form.addRow(self.tr("照片（勾选）"), self.photos)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._editable(False)  # until the list is read
        self.refresh()

    def set_added_by(self, cert_no: str | None) -> None:
        self.added_by = cert_no

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Reads the inspection and its sealing list on the database executor, shows them,
        then calls ``then``."""
        ws, inspection_id = self.workspace, self.inspection_id

        def read() -> tuple[InspectionView, list[SealItemView]]:
            view = get_inspection(ws, inspection_id)
            return view, list_seal_items(ws, view.id)

        def show(found: tuple[InspectionView, list[SealItemView]]) -> None:
            self._show(*found)
            if then is not None:
                then()

        ops().query(read, parent=self, success=show, failure=self.message.setText)

    def _show(self, view: InspectionView, items: list[SealItemView]) -> None:
        self.inspection_id = view.id
        editable = view.status in EDITABLE
        names = {e.id: e.original_name for e in view.evidence}
        self.table.setRowCount(len(items))
        separator = self.tr("、", "between the names of the photos of a line")
        for row, item in enumerate(items):
            photos = separator.join(names.get(i, i[:8]) for i in item.evidence_ids)
            values = [str(item.position), item.description, item.quantity, item.unit, item.note]
            for column, value in enumerate([*values, photos]):
                cell = QTableWidgetItem(value)
                cell.setData(ID_ROLE, item.position)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnToContents(0)
        self.photos.clear()
        for evidence in view.evidence:
            if not evidence.media_type.startswith("image/"):
                continue
            image = stored_image(lambda e=evidence: thumb_bytes(self.workspace, e))
            icon = QIcon(QPixmap.fromImage(image)) if not image.isNull() else QIcon()
            entry = QListWidgetItem(icon, evidence.original_name[:14])
            entry.setToolTip(evidence.original_name)
            entry.setData(ID_ROLE, evidence.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.photos.addItem(entry)
        self._editable(editable)
        if not editable:
            self.message.setText(self.tr("检查已结束或已签字：封存清单只能查看"))

    def _editable(self, editable: bool) -> None:
        for widget in (
            self.description,
            self.quantity,
            self.unit,
            self.note,
            self.photos,
            self.add_button,
            self.remove_button,
        ):
            widget.setEnabled(editable)

    def checked_photos(self) -> list[str]:
        return [
            str(self.photos.item(i).data(ID_ROLE))
            for i in range(self.photos.count())
            if self.photos.item(i).checkState() == Qt.CheckState.Checked
        ]

    def add(self) -> None:
        ws, inspection_id = self.workspace, self.inspection_id
        values = dict(
            description=self.description.text(),
            quantity=self.quantity.text(),
            unit=self.unit.currentText(),
            note=self.note.text(),
            evidence_ids=self.checked_photos(),
            by=self.added_by,
        )

        def done(item: Any) -> None:
            self.message.setText(arg(self.tr("已列入第 %1 项"), item.position))
            self.description.clear()
            self.quantity.clear()
            self.note.clear()
            self.refresh(then=self.changed.emit)

        ops().mutate(
            lambda: add_seal_item(ws, inspection_id, **values),  # type: ignore[arg-type]
            OpChanges(evidence=True).about(inspection_id),
            parent=self,
            success=done,
            failure=lambda message: self.message.setText(arg(self.tr("未列入：%1"), message)),
        )

    def remove_selected(self) -> None:
        positions = sorted(
            {int(cell.data(ID_ROLE)) for cell in self.table.selectedItems()}, reverse=True
        )
        ws, inspection_id, by = self.workspace, self.inspection_id, self.added_by

        def work() -> list[str]:
            problems = []
            for position in positions:
                try:
                    remove_seal_item(ws, inspection_id, position, by=by)
                except InspectorError as error:
                    problems.append(core_message(error))
            return problems

        def done(problems: list[str]) -> None:
            if problems:
                self.message.setText("；".join(problems))  # the core's messages
            else:
                self.message.setText(self.tr("已移除 %n 项", "", len(positions)))
            self.refresh(then=self.changed.emit)

        ops().mutate(
            work,
            OpChanges(evidence=True).about(inspection_id),
            parent=self,
            success=done,
            failure=self.message.setText,
        )
