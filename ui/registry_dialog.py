"""Importing the bureau's list of designated institutions: choose a file, look at what each row
would do (refused rows in red, with the reason), import the good rows with progress and cancel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.checklists.library import Library
from inspector.progress import Cancelled, Reporter
from inspector.registry import (
    ImportResult,
    Preview,
    PreviewRow,
    RowStatus,
    apply,
    preview,
)
from inspector.workspace import Workspace
from ui.errors import arg
from ui.ops import OpChanges
from ui.table_model import RowsModel
from ui.tasks import Task, TaskRunner

Index = QModelIndex | QPersistentModelIndex
ROW, NAME, TYPE, DISTRICT, NUMBER, EXPIRY, LEVEL, STATUS, REASON = range(9)
ROW_COLOURS = {
    RowStatus.REFUSED: "#fde4e4",
    RowStatus.UPDATE: "#fff4d6",
    RowStatus.NEW: "#e8f5e9",
}
REFUSED_TEXT = "#9b1c1c"


class PreviewModel(RowsModel[PreviewRow]):
    """The rows of a preview (or of an import's result) as a table; light for thousands."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.headers = [
            self.tr("行号"),
            self.tr("机构名称"),
            self.tr("机构类型"),
            self.tr("所在区县"),
            self.tr("协议编号"),
            self.tr("协议到期日"),
            self.tr("等级"),
            self.tr("状态"),
            self.tr("原因 / 变更"),
        ]
        self.status_names = {
            RowStatus.NEW: self.tr("新增"),
            RowStatus.UPDATE: self.tr("更新"),
            RowStatus.UNCHANGED: self.tr("无变化"),
            RowStatus.REFUSED: self.tr("拒绝"),
        }

    def set_rows(self, rows: list[PreviewRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def text(self, row: PreviewRow, column: int) -> str:
        entry = row.entry
        if column == ROW:
            return str(row.row)
        if column == STATUS:
            return self.status_names[row.status]
        if column == REASON:
            return row.reason
        if entry is not None:
            # What will be stored: the type's name, the date as YYYY-MM-DD.
            if column == TYPE:
                kind = self.library.types.get(entry.type_code)
                return kind.name if kind else entry.type_code
            if column == EXPIRY:
                return entry.agreement_expiry.isoformat() if entry.agreement_expiry else ""
        field = {
            NAME: "name",
            TYPE: "type",
            DISTRICT: "district",
            NUMBER: "agreement_no",
            EXPIRY: "expiry",
            LEVEL: "level",
        }[column]
        return row.cells.get(field, "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (NAME, REASON) and row.reason:
            return row.reason
        if role == Qt.ItemDataRole.BackgroundRole and row.status in ROW_COLOURS:
            return QBrush(QColor(ROW_COLOURS[row.status]))
        if role == Qt.ItemDataRole.ForegroundRole and row.status is RowStatus.REFUSED:
            return QBrush(QColor(REFUSED_TEXT))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RefusedFilter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.only_refused = False

    def set_only_refused(self, on: bool) -> None:
        self.beginFilterChange()
        self.only_refused = on
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if not self.only_refused:
            return True
        model = self.sourceModel()
        assert isinstance(model, PreviewModel)
        return model.rows[source_row].status is RowStatus.REFUSED


class RegistryImportDialog(QDialog):
    """Choose a file, preview it, import it. ``imported`` is emitted with the
    :class:`ImportResult` once the rows are committed (refresh lists and pickers then)."""

    imported = Signal(object)

    def __init__(
        self, workspace: Workspace, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.preview: Preview | None = None
        self.result: ImportResult | None = None
        self._running = False
        self._task: Task | None = None  # the running task, to cancel it on close
        self.setWindowTitle(self.tr("导入定点机构名单"))
        self.resize(1060, 620)
        self.setMinimumSize(760, 460)
        layout = QVBoxLayout(self)

        choose = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("选择医保局提供的 Excel (.xlsx) 或 CSV 文件"))
        self.choose_button = QPushButton(self.tr("选择文件…"))
        self.choose_button.clicked.connect(self.choose_file)
        choose.addWidget(QLabel(self.tr("文件：")))
        choose.addWidget(self.path, 1)
        choose.addWidget(self.choose_button)
        layout.addLayout(choose)

        hint = QLabel(
            self.tr(
                "必需的列：机构名称、机构类型、所在区县；可选：协议编号、协议到期日、等级。"
                "再次导入会更新已有机构（按协议编号，无编号时按名称和区县），不会重复添加；"
                "空白单元格不改动已登记的内容。"
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)

        self.info = QLabel()
        self.info.setWordWrap(True)
        layout.addWidget(self.info)

        bar = QHBoxLayout()
        self.counts = QLabel()
        self.counts.setStyleSheet("font-weight: bold;")
        self.only_refused = QCheckBox(self.tr("只看被拒绝的行"))
        self.only_refused.setEnabled(False)
        bar.addWidget(self.counts, 1)
        bar.addWidget(self.only_refused)
        layout.addLayout(bar)

        self.model = PreviewModel(workspace.library, self)
        self.filter = RefusedFilter(self)
        self.filter.setSourceModel(self.model)
        self.only_refused.toggled.connect(self.filter.set_only_refused)
        self.table = QTableView()
        self.table.setModel(self.filter)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column, width in (
            (ROW, 48),
            (NAME, 200),
            (TYPE, 150),
            (DISTRICT, 72),
            (NUMBER, 100),
            (EXPIRY, 92),
            (LEVEL, 64),
            (STATUS, 54),
        ):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_selected)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.import_button = QPushButton(self.tr("导入"))
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

    # --- state ---------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._running

    def _set_busy(self, running: bool) -> None:
        self._running = running
        if not running:
            self._task = None
        self.choose_button.setEnabled(not running)
        self.import_button.setEnabled(
            not running
            and self.preview is not None
            and self.result is None
            and self.preview.to_write > 0
        )

    def _run(self, work: Any, on_success: Any, label: str) -> None:
        # A synchronous runner (tests) calls back before run() returns; a pooled one later.
        self._set_busy(True)
        task = self.runner.run(
            work,
            on_success=on_success,
            changes=OpChanges(registry=True, inspection=True),
            on_failure=self._on_failure,
            progress_parent=self,
            label=label,
        )
        if self._running:
            self._task = task

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {REFUSED_TEXT};" if error else "color: #1b5e20;")
        self.message.setText(text)

    def _show_rows(self, rows: list[PreviewRow]) -> None:
        self.model.set_rows(rows)
        refused = sum(1 for r in rows if r.status is RowStatus.REFUSED)
        self.only_refused.setEnabled(refused > 0)
        if not refused:
            self.only_refused.setChecked(False)

    def _on_row_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # A long reason does not fit its column: the selected row's is spelled out below.
        if not current.isValid():
            return
        row = self.model.rows[self.filter.mapToSource(current).row()]
        if row.reason:
            self._say(
                arg(
                    self.tr("第 %1 行（%2）：%3"),
                    str(row.row),
                    self.model.status_names[row.status],
                    row.reason,
                ),
                error=row.status is RowStatus.REFUSED,
            )

    # --- choosing and previewing ---------------------------------------------------------

    def choose_file(self) -> None:
        start = str(Path(self.path.text()).parent) if self.path.text() else ""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择定点机构名单"),
            start,
            self.tr("机构名单 (*.xlsx *.csv);;所有文件 (*)"),
        )
        if name:
            self.load_file(Path(name))

    def load_file(self, path: str | Path) -> None:
        """Read the file off the UI thread and show what importing it would do."""
        path = Path(path)
        self.path.setText(str(path))
        self.preview = None
        self.result = None
        self.info.setText("")
        self.counts.setText("")
        self._say("")
        self._show_rows([])
        workspace = self.workspace

        def work(reporter: Reporter) -> Preview | None:
            try:
                return preview(path, workspace, reporter)
            except Cancelled:
                return None

        self._run(work, self._on_preview, arg(self.tr("正在读取 %1…"), path.name))

    def _on_preview(self, planned: Preview | None) -> None:
        if planned is None:
            self._say(self.tr("已取消读取"))
            self._set_busy(False)
            return
        self.preview = planned
        parts = []
        if planned.sheet:
            parts.append(arg(self.tr("工作表“%1”"), planned.sheet))
        parts.append(arg(self.tr("表头在第 %1 行"), str(planned.header_row)))
        if planned.encoding:
            parts.append(arg(self.tr("编码 %1"), planned.encoding.upper()))
        if planned.ignored_columns:
            parts.append(arg(self.tr("未使用的列：%1"), "、".join(planned.ignored_columns)))
        self.info.setText("；".join(parts))
        self.counts.setText(self._counts_text(planned.counts, len(planned.rows)))
        self._show_rows(planned.rows)
        if not planned.rows:
            self._say(self.tr("表头下面没有数据行"), error=True)
        elif planned.refused:
            self._say(
                arg(
                    self.tr("红色的 %1 行将不会导入，原因见最后一列；其余各行可以导入。"),
                    str(len(planned.refused)),
                ),
                error=True,
            )
        elif planned.to_write == 0:
            self._say(self.tr("名单与已登记的内容相同，无需导入"))
        self.import_button.setText(
            arg(self.tr("导入 %1 家"), str(planned.to_write))
            if planned.to_write
            else self.tr("导入")
        )
        self._set_busy(False)

    def _counts_text(self, counts: dict[RowStatus, int], total: int) -> str:
        return arg(
            self.tr("共 %1 行：新增 %2，更新 %3，无变化 %4，拒绝 %5"),
            str(total),
            str(counts[RowStatus.NEW]),
            str(counts[RowStatus.UPDATE]),
            str(counts[RowStatus.UNCHANGED]),
            str(counts[RowStatus.REFUSED]),
        )

    def _on_failure(self, message: str) -> None:
        self._say(message, error=True)
        self._set_busy(False)

    # --- importing -----------------------------------------------------------------------

    def start_import(self) -> None:
        planned = self.preview
        if planned is None or self.busy or self.result is not None:
            return
        workspace = self.workspace

        def work(reporter: Reporter) -> ImportResult | None:
            try:
                return apply(workspace, planned, reporter)
            except Cancelled:
                return None

        self._run(work, self._on_imported, self.tr("正在导入机构名单…"))

    def _on_imported(self, result: ImportResult | None) -> None:
        if result is None:
            self._say(self.tr("已取消导入，名单未作任何改动"))
            self._set_busy(False)
            return
        self.result = result
        self._show_rows(result.rows)
        self.counts.setText(self._counts_text(result.counts, len(result.rows)))
        counts = result.counts
        text = arg(
            self.tr("导入完成：新增 %1 家，更新 %2 家，无变化 %3 家。"),
            str(counts[RowStatus.NEW]),
            str(counts[RowStatus.UPDATE]),
            str(counts[RowStatus.UNCHANGED]),
        )
        if counts[RowStatus.REFUSED]:
            text += arg(
                self.tr("被拒绝的 %1 行未导入，修改文件后可再次导入。"),
                str(counts[RowStatus.REFUSED]),
            )
        self._say(text)
        self._set_busy(False)
        self.import_button.setText(self.tr("已导入"))
        self.imported.emit(result)

    # --- closing -------------------------------------------------------------------------

    def reject(self) -> None:
        # Closing while reading or importing cancels the work first; nothing half-done stays.
        if self._running:
            if self._task is not None:
                self._task.reporter.cancel()
            self._say(self.tr("正在取消…"))
            return
        super().reject()
