"""Home: the inspections on this laptop, newest first, filtered and searched as you type. A
table model that fetches rows a page at a time, so thousands of inspections cost one page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.db.enums import InspectionStatus
from inspector.listing import InspectionFilter, InspectionSummary
from ui.errors import arg
from ui.paging import append_page
from ui.strings import money, status_name

if TYPE_CHECKING:
    from inspector.listing import ListReader
    from inspector.workspace import Workspace

PAGE = 200
SEARCH_DELAY_MS = 150  # wait for a pause in typing before querying

Index = QModelIndex | QPersistentModelIndex


@dataclass
class ListSource:
    """Where the list's rows and the names of types and modes come from: the open workspace,
    or, while the core loads at start-up, a :class:`ListReader` over the database file and the
    names the last session's library gave (``DataDir.list_names``). The rows are read by the
    same statements either way (inspector/listing.py)."""

    count: Callable[[InspectionFilter], int]
    search: Callable[[InspectionFilter, int, int | None], list[InspectionSummary]]
    choices: Callable[[], tuple[list[str], list[str]]]
    type_name: Callable[[str], str]
    mode_name: Callable[[str], str]
    # The workspace's reads run on the database executor (ui/ops); the early list's reader,
    # which opens no session, is read at once.
    on_executor: bool = False

    @classmethod
    def of_workspace(cls, workspace: Workspace) -> ListSource:
        from inspector.inspections import count_inspections, filter_choices, search_inspections

        def type_name(code: str) -> str:
            kind = workspace.library.types.get(code)
            return kind.name if kind else code

        def mode_name(code: str) -> str:
            mode = workspace.library.modes.get(code)
            return mode.name if mode else code

        return cls(
            count=lambda filters: count_inspections(workspace, filters),
            search=lambda filters, offset, limit: search_inspections(
                workspace, filters, offset, limit
            ),
            choices=lambda: filter_choices(workspace),
            type_name=type_name,
            mode_name=mode_name,
            on_executor=True,
        )

    @classmethod
    def of_reader(cls, reader: ListReader, names: dict[str, dict[str, str]]) -> ListSource:
        types, modes = names.get("types", {}), names.get("modes", {})
        return cls(
            count=reader.count,
            search=reader.search,
            choices=reader.choices,
            type_name=lambda code: types.get(code, code),
            mode_name=lambda code: modes.get(code, code),
        )


def list_names(workspace: Workspace) -> dict[str, dict[str, str]]:
    """The names of types and modes the list shows, kept for the next start's early list."""
    library = workspace.library
    return {
        "types": {code: kind.name for code, kind in library.types.items()},
        "modes": {code: mode.name for code, mode in library.modes.items()},
    }


class InspectionListModel(QAbstractTableModel):
    filled = Signal()  # the rows of the filters asked last are shown

    def __init__(self, source: ListSource | Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source if isinstance(source, ListSource) else ListSource.of_workspace(source)
        self.filters = InspectionFilter()
        self.rows: list[InspectionSummary] = []
        self.total = 0
        self.reading = 0  # reads still under way on the database executor
        self._fetching = False
        self._headers = [
            self.tr("日期"),
            self.tr("状态"),
            self.tr("被检查机构"),
            self.tr("类型"),
            self.tr("区县"),
            self.tr("方式"),
            self.tr("进度"),
            self.tr("问题"),
            self.tr("涉及金额"),
        ]

    def read(self, work: Callable[[], Any], then: Callable[[Any], None]) -> None:
        """``then(work())``: on the database executor for the workspace, at once for the early
        list's reader."""
        if not self.source.on_executor:
            then(work())
            return
        from ui.ops import ops

        self.reading += 1

        def done(result: Any) -> None:
            self.reading -= 1
            then(result)

        def failed(message: str) -> None:
            self.reading -= 1
            self.filled.emit()  # nothing new to show; whoever waits for the list goes on
            parent = self.parent()
            QMessageBox.warning(
                parent if isinstance(parent, QWidget) else None, "Inspector", message
            )

        ops().query(work, parent=self, success=done, failure=failed)

    def set_filters(self, filters: InspectionFilter) -> None:
        """The first page of what ``filters`` select; an answer for filters asked before
        another is dropped."""
        self.filters = filters
        source = self.source

        def show(found: tuple[int, list[InspectionSummary]]) -> None:
            if filters is not self.filters:
                return
            self.beginResetModel()
            self.total, self.rows = found
            self._fetching = False
            self.endResetModel()
            self.filled.emit()

        self.read(lambda: (source.count(filters), source.search(filters, 0, PAGE)), show)

    def refresh(self) -> None:
        self.set_filters(self.filters)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and len(self.rows) < self.total and not self._fetching

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        source, filters, start = self.source, self.filters, len(self.rows)
        self._fetching = True

        self.read(
            lambda: source.search(filters, start, PAGE),
            lambda more: append_page(self, filters, start, more),
        )

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return QLocale().toString(
                    row.created_at.astimezone(), QLocale.FormatType.ShortFormat
                )
            if column == 1:
                return status_name(row.status)
            if column == 2:
                # An amendment and the record it corrects look alike otherwise.
                if row.amends_id:
                    return row.institution_name + self.tr("（更正记录）")
                if row.amended:
                    return row.institution_name + self.tr("（已更正）")
                return row.institution_name
            if column == 3:
                return self.source.type_name(row.type_code)
            if column == 4:
                if row.team_district:  # a cross-district visit: where the team came from
                    return arg(self.tr("%1（检查组来自 %2）"), row.district, row.team_district)
                return row.district
            if column == 5:
                return self.source.mode_name(row.mode)
            if column == 6:
                return f"{row.answered}/{row.item_count}"
            if column == 7:
                return str(row.problems) if row.problems else ""
            if column == 8:
                return money(row.amount_fen) if row.amount_fen else ""
        if role == Qt.ItemDataRole.ForegroundRole and column == 7 and row.problems:
            return QColor("#b3261e")
        if role == Qt.ItemDataRole.ToolTipRole and column == 2 and row.amends_id:
            return self.tr("本检查更正一份已签名的记录，原记录保持不变")
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


class HomePage(QWidget):
    open_requested = Signal(str)  # inspection id
    new_requested = Signal()

    def __init__(self, workspace: Workspace | ListSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # None while the list is the start-up's early one (a ListSource): see attach.
        self.workspace: Workspace | None = None
        if not isinstance(workspace, ListSource):
            self.workspace = workspace
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        title = QLabel(self.tr("本机的检查"))
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        top.addWidget(title)
        top.addStretch(1)
        self.new_button = QPushButton(self.tr("新建检查"))
        self.new_button.setMinimumHeight(40)
        self.new_button.clicked.connect(self.new_requested)
        top.addWidget(self.new_button)
        layout.addLayout(top)

        # The office's active campaigns (专项行动): phase, what is due, coverage.
        from ui.campaign_panel import CampaignPanel

        self.campaigns = CampaignPanel(self)
        layout.addWidget(self.campaigns)
        if self.workspace is not None:
            self.campaigns.workspace = self.workspace

        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索机构名称…"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem(self.tr("全部状态"), None)
        for status in InspectionStatus:
            self.status.addItem(status_name(status), status)
        self.district = QComboBox()
        self.mode = QComboBox()
        self.period = QComboBox()
        for label, days in (
            (self.tr("全部日期"), None),
            (self.tr("今天"), 0),
            (self.tr("最近 7 天"), 7),
            (self.tr("最近 30 天"), 30),
            (self.tr("最近一年"), 365),
        ):
            self.period.addItem(label, days)
        filters.addWidget(self.search, 3)
        for combo in (self.status, self.district, self.mode, self.period):
            combo.setMinimumHeight(32)
            filters.addWidget(combo, 1)
        layout.addLayout(filters)

        self._keep_row = -1  # a row to select once the list is read again (attach)
        self.model = InspectionListModel(workspace, self)
        self.model.filled.connect(self._filled)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # At least as wide as the header and, for the status, the longest status name in this
        # language: English cut "Problems" and "Awaiting signatures".
        metrics = header.fontMetrics()
        statuses = max(metrics.horizontalAdvance(status_name(s)) for s in InspectionStatus)
        for column, width in ((0, 130), (1, 70), (3, 150), (4, 90), (5, 90), (6, 70), (7, 50)):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            needed = metrics.horizontalAdvance(title) + 28  # padding and the sort indicator
            if column == 1:
                needed = max(needed, statuses + 16)
            self.table.setColumnWidth(column, max(width, needed))
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        layout.addWidget(self.table, 1)
        self.count = QLabel()
        layout.addWidget(self.count)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._search_timer.start)
        for combo in (self.status, self.district, self.mode, self.period):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.reload()

    def reload(self) -> None:
        """Refresh the filter choices and the list (after a visit was added or changed), and
        the campaigns (a signed visit counts to their coverage)."""
        self.model.read(self.model.source.choices, lambda found: self._show_choices(*found))
        self.campaigns.refresh()

    def _show_choices(self, districts: list[str], modes: list[str]) -> None:
        for combo, everything, values in (
            (self.district, self.tr("全部区县"), [(d, d) for d in districts]),
            (self.mode, self.tr("全部方式"), [(self.model.source.mode_name(m), m) for m in modes]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for label, value in values:
                combo.addItem(label, value)
            position = combo.findData(current)
            combo.setCurrentIndex(max(position, 0))
            combo.blockSignals(False)
        self.apply_filters()

    def attach(self, workspace: Workspace) -> None:
        """The core is loaded: read through the workspace from now on, filters and selection
        kept, the list read again (the library's names may differ from the kept ones)."""
        self.workspace = workspace
        self.campaigns.workspace = workspace
        self._keep_row = self.table.currentIndex().row()
        self.model.source = ListSource.of_workspace(workspace)
        self.reload()

    def current_filters(self) -> InspectionFilter:
        days = self.period.currentData()
        since = None
        if days is not None:
            today = datetime.now().astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
            since = today - timedelta(days=days)
        return InspectionFilter(
            status=self.status.currentData(),
            district=self.district.currentData(),
            mode=self.mode.currentData(),
            institution=self.search.text().strip() or None,
            since=since,
        )

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.model.set_filters(self.current_filters())

    def _filled(self) -> None:
        self.count.setText(self.tr("共 %n 项检查", "", self.model.total))
        keep, self._keep_row = self._keep_row, -1  # the row chosen before attach, kept
        if 0 <= keep < self.model.rowCount():
            self.table.selectRow(keep)
        elif self.model.rowCount():
            self.table.selectRow(0)

    def _open(self, index: QModelIndex) -> None:
        inspection_id = self.model.data(index, Qt.ItemDataRole.UserRole)
        if inspection_id:
            self.open_requested.emit(inspection_id)
