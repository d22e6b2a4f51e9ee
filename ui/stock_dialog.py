"""进销存核对 for one inspection (seed 000 point 6): the period, the institution's files, the table
computed off the UI thread (gaps first, in red), then the table stored as evidence of P6.5 and
the gaps recorded as its finding. The reading and the rules are the core's (inspector/stock/)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.inspections import InspectionView, format_fen, get_inspection
from inspector.progress import Reporter
from inspector.stock.ledgers import Kind
from inspector.stock.reconcile import DrugBalance, Reconciliation
from inspector.stock.report import format_quantity as _q
from inspector.stock.service import ITEM, Attached, attach_reconciliation, reconcile_files
from inspector.workspace import Workspace
from ui.errors import arg
from ui.ops import OpChanges, ops
from ui.table_model import RowsModel
from ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
GAP_COLOUR = "#fde4e4"


class BalanceModel(RowsModel[DrugBalance]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = [
            self.tr("品种"),
            self.tr("规格"),
            self.tr("单位"),
            self.tr("附件1"),
            self.tr("期初"),
            self.tr("购进"),
            self.tr("销售"),
            self.tr("医保结算"),
            self.tr("应存"),
            self.tr("实盘"),
            self.tr("账实差"),
            self.tr("结算超出"),
            self.tr("超出金额（元）"),
            self.tr("差异"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        d = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                d.name, d.spec, "、".join(d.units), d.key_drug or "", _q(d.opening),
                _q(d.purchased), _q(d.sold), _q(d.settled), _q(d.expected), _q(d.counted),
                _q(d.stock_gap), _q(d.excess) if d.excess else "",
                format_fen(d.excess_fen) if d.excess_fen else "", "、".join(d.flags),
            ][column]  # fmt: skip
        if role == Qt.ItemDataRole.TextAlignmentRole and 4 <= column <= 12:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.BackgroundRole and d.flags:
            return QBrush(QColor(GAP_COLOUR))
        return None


class StockDialog(QDialog):
    changed = Signal()  # the table was attached (evidence and answer changed)

    FILES = (
        (Kind.PURCHASES, "购进记录", True),
        (Kind.SALES, "销售（发药）记录", True),
        (Kind.SETTLEMENTS, "医保结算记录", True),
        (Kind.OPENING, "期初库存", False),
        (Kind.COUNT, "现场盘点", False),
    )

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
        self.result: Reconciliation | None = None
        self.added_by: str | None = None
        self._has_item = False  # until the inspection is read
        self.setWindowTitle(arg(self.tr("进销存核对 · %1"), ""))
        self.resize(1100, 760)
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_inputs())
        self.summary = QLabel(self.tr("选择核对期间和文件，然后点“核对”。"))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.refused_list = QListWidget()
        self.refused_list.setMaximumHeight(120)
        self.refused_list.hide()
        layout.addWidget(self.refused_list)
        self.model = BalanceModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("违规类别")))
        self.violation_combo = QComboBox()
        self.violation_combo.addItem(self.tr("（不指定）"), "")
        row.addWidget(self.violation_combo, 1)
        self.attach_button = QPushButton(self.tr("存为条目 P6.5 的证据并记录"))
        self.attach_button.setEnabled(False)
        self.attach_button.clicked.connect(self.attach)
        row.addWidget(self.attach_button)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        ops().query(
            lambda: get_inspection(workspace, inspection_id), parent=self, success=self._fill
        )

    def _fill(self, view: InspectionView) -> None:
        """The inspection, read on the database executor: the title, who adds the evidence and
        the violation kinds of item P6.5."""
        item = view.checklist.item(ITEM)
        # The evidence is added by the current inspector when they are on this team.
        team = {cert for _name, cert, _role in view.team}
        self.added_by = self.workspace.actor if self.workspace.actor in team else None
        self.setWindowTitle(arg(self.tr("进销存核对 · %1"), view.institution_name))
        for code in item.violations if item is not None else []:
            known = self.workspace.library.violations.get(code)
            label = f"{code} {known.title}" if known else code
            self.violation_combo.addItem(label[:60], code)
        if item is None:
            self.attach_button.setToolTip(self.tr("本次检查的清单中没有条目 P6.5"))
        self._has_item = item is not None
        self.attach_button.setEnabled(self._has_item and self.result is not None)

    def _build_inputs(self) -> QGroupBox:
        box = QGroupBox(self.tr("核对期间与资料（Excel 或 CSV）"))
        form = QFormLayout(box)
        period = QHBoxLayout()
        today = date.today()
        self.start_edit = QDateEdit(QDate(today.year, 1, 1))
        self.end_edit = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        period.addWidget(self.start_edit)
        period.addWidget(QLabel(self.tr("至")))
        period.addWidget(self.end_edit)
        period.addStretch(1)
        form.addRow(self.tr("核对期间"), period)
        self.file_edits: dict[Kind, QLineEdit] = {}
        for kind, name, required in self.FILES:
            edit = QLineEdit()
            edit.setPlaceholderText(self.tr("必需") if required else self.tr("可选"))
            browse = QPushButton(self.tr("选择文件…"))
            browse.clicked.connect(lambda _=False, e=edit: self._choose(e))
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(browse)
            form.addRow(self._kind_name(name), row)
            self.file_edits[kind] = edit
        self.run_button = QPushButton(self.tr("核对"))
        self.run_button.clicked.connect(self.run)
        form.addRow("", self.run_button)
        return box

    def _kind_name(self, name: str) -> str:
        names = {
            "购进记录": self.tr("购进记录"),
            "销售（发药）记录": self.tr("销售（发药）记录"),
            "医保结算记录": self.tr("医保结算记录"),
            "期初库存": self.tr("期初库存"),
            "现场盘点": self.tr("现场盘点"),
        }
        return names[name]

    def _choose(self, edit: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择文件"),
            edit.text() or str(Path.home()),
            self.tr("表格 (*.xlsx *.csv *.txt)"),
        )
        if path:
            edit.setText(path)

    @staticmethod
    def _date(edit: QDateEdit) -> date:
        value = edit.date()
        return date(value.year(), value.month(), value.day())

    def run(self) -> None:
        files = {k: Path(e.text().strip()) for k, e in self.file_edits.items() if e.text().strip()}
        missing = [name for kind, name, required in self.FILES if required and kind not in files]
        if missing:
            QMessageBox.warning(
                self,
                self.tr("进销存核对"),
                arg(self.tr("请选择：%1"), "、".join(self._kind_name(n) for n in missing)),
            )
            return
        start, end = self._date(self.start_edit), self._date(self.end_edit)
        self.result = None
        self.attach_button.setEnabled(False)
        self.run_button.setEnabled(False)
        self.summary.setText(self.tr("正在核对…"))

        def work(reporter: Reporter) -> Any:
            return reconcile_files(
                self.workspace, files, start, end, reporter, inspection_id=self.inspection_id
            )

        def failed(message: str) -> None:
            self.run_button.setEnabled(True)
            self.summary.setText(message)
            QMessageBox.warning(self, self.tr("进销存核对"), message)

        task = self.runner.run(
            work, on_success=self._show, on_failure=failed, progress_parent=self,
            label=self.tr("正在读取进销存资料…"),
        )  # fmt: skip
        task.signals.cancelled.connect(lambda: self.run_button.setEnabled(True))

    def _show(
        self, outcome: tuple[Reconciliation | None, dict[Kind, list[tuple[int, str]]]]
    ) -> None:
        self.run_button.setEnabled(True)
        result, refused = outcome
        self.refused_list.clear()
        if result is None:
            names = {kind: self._kind_name(name) for kind, name, _ in self.FILES}
            for kind, rows in refused.items():
                for row, reason in rows:
                    self.refused_list.addItem(
                        arg(self.tr("%1 第 %2 行：%3"), names[kind], str(row), reason)
                    )
            self.refused_list.show()
            self.model.set_rows([])
            self.summary.setText(self.tr("有无法读取的行：未进行核对，请修改文件后重新核对。"))
            self.summary.setStyleSheet("color: #9b1c1c;")
            return
        self.refused_list.hide()
        self.summary.setStyleSheet("")
        self.result = result
        self.model.set_rows(result.drugs)
        self.table.resizeColumnsToContents()
        text = arg(
            self.tr("核对品种 %1 个，有差异 %2 个；结算量超出销售量涉及金额 ¥%3"),
            str(len(result.drugs)),
            str(len(result.flagged)),
            format_fen(result.excess_fen) or "0.00",
        )
        if result.by_name_only:
            text += "\n" + self.tr("有文件没有规格列：按药品名称比对。")
        for note in result.count_notes:
            text += "\n" + note
        self.summary.setText(text)
        self.attach_button.setEnabled(self._has_item)

    def attach(self) -> None:
        result = self.result
        if result is None:
            return
        violation = self.violation_combo.currentData() or None
        self.attach_button.setEnabled(False)

        def work(_reporter: Reporter) -> Attached:
            return attach_reconciliation(
                self.workspace, self.inspection_id, result, violation=violation,
                added_by=self.added_by,
            )  # fmt: skip

        def done(attached: Attached) -> None:
            self.changed.emit()
            if result.flagged:
                message = self.tr("核对表已存为条目 P6.5 的证据，差异已记为该条目的问题。")
            else:
                message = self.tr("核对表已存为条目 P6.5 的证据（无差异）。")
            self.summary.setText(self.summary.text() + "\n" + message)

        def failed(message: str) -> None:
            self.attach_button.setEnabled(True)
            QMessageBox.warning(self, self.tr("进销存核对"), message)

        self.runner.run(
            work, on_success=done, on_failure=failed, progress_parent=self,
            changes=OpChanges(answers=True, evidence=True),
            label=self.tr("正在保存核对表…"),
        )  # fmt: skip
