"""The reference list an item checks entry by entry (附件1 重点药品耗材 of seed 002), shown under
the item with a count, unit and note per drug or consumable; each edit is saved at once through
the page's database worker (``inspector.drug_checks``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.checklists.composer import ComposedItem
from inspector.drug_checks import DrugCheckView, drug_checks, reference_entries, save_drug_check
from inspector.inspections import InspectionView
from inspector.workspace import Workspace
from ui.autosave import AutoSaver
from ui.errors import arg
from ui.ops import ops

NO, NAME, FORM, COUNT, UNIT, NOTE = range(6)
EDITABLE_COLUMNS = (COUNT, UNIT, NOTE)


class DrugListBox(QGroupBox):
    def __init__(
        self, workspace: Workspace, saver: AutoSaver, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.saver = saver
        self.view: InspectionView | None = None
        self.item: ComposedItem | None = None
        # (list code, entry no) -> (count, unit, note) as last entered: what the table shows
        # while the worker is still writing.
        self.values: dict[tuple[str, int], tuple[str, str, str]] = {}
        self._ready = False  # the stored values are read (on the database executor)
        self._editable = False
        self._loading = False
        layout = QVBoxLayout(self)
        self.hint = QLabel(
            self.tr("逐项填写核查的数量和情况（如库存、结算量不符），不填则视为未逐项核查。")
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("序号"),
                self.tr("名称"),
                self.tr("剂型"),
                self.tr("数量"),
                self.tr("单位"),
                self.tr("情况说明"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setMinimumHeight(260)
        self.table.cellChanged.connect(self._on_changed)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        self.hide()

    def load(self, view: InspectionView, checks: list[DrugCheckView] | None = None) -> None:
        """A new inspection: what is stored for its lists (``checks`` when read already with
        the inspection, else read on the database executor; the list shown meanwhile takes no
        input and is filled in when it arrives)."""
        self.view = view
        self.values = {}
        self._ready = False
        if checks is not None:
            self._loaded(view, checks)
            return
        ws = self.workspace
        ops().query(
            lambda: drug_checks(ws, view.id),
            parent=self,
            success=lambda checks: self._loaded(view, checks),
        )

    def _loaded(self, view: InspectionView, checks: list[DrugCheckView]) -> None:
        if self.view is not view:
            return  # another inspection was opened meanwhile: its own read follows
        self.values = {(c.list_code, c.entry_no): (c.count or "", c.unit, c.note) for c in checks}
        self._ready = True
        if self.item is not None:
            self.show_item(self.item, self._editable)

    def show_item(self, item: ComposedItem, editable: bool) -> None:
        self.item = item
        self._editable = editable
        editable = editable and self._ready
        if self.view is None or not item.reference:
            self.hide()
            return
        title, entries = reference_entries(self.view.checklist, item.reference)
        self.setTitle(arg(self.tr("参考目录：%1（逐项核查）"), title))
        self._loading = True
        try:
            self.table.setRowCount(len(entries))
            for row, entry in enumerate(entries):
                count, unit, note = self.values.get((item.reference, entry.no), ("", "", ""))
                cells = [str(entry.no), entry.name, entry.form, count, unit, note]
                for column, text in enumerate(cells):
                    cell = QTableWidgetItem(text)
                    if column not in EDITABLE_COLUMNS or not editable:
                        cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    if column == NAME and entry.note:
                        cell.setToolTip(entry.note)
                    cell.setData(Qt.ItemDataRole.UserRole, entry.no)
                    self.table.setItem(row, column, cell)
        finally:
            self._loading = False
        self.show()

    def _text(self, row: int, column: int) -> str:
        cell = self.table.item(row, column)
        return cell.text().strip() if cell is not None else ""

    def _on_changed(self, row: int, column: int) -> None:
        if self._loading or column not in EDITABLE_COLUMNS:
            return
        view, item = self.view, self.item
        if view is None or item is None or not item.reference:
            return
        entry_no = int(self._text(row, NO))
        count, unit, note = (self._text(row, c) for c in EDITABLE_COLUMNS)
        self.values[(item.reference, entry_no)] = (count, unit, note)
        code = item.code
        self.saver.submit(
            f"drug:{item.reference}:{entry_no}",
            lambda: save_drug_check(
                self.workspace, view.id, code, entry_no, count=count, unit=unit, note=note
            ),
        )
