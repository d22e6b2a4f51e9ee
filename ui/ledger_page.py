"""The 台账 screen: the problem ledger of every signed inspection, filtered and
searched as you type (a model that reads 200 rows at a time), the selected finding with its
case path, and the actions after the visit: rectification progress, a case step, a 回头看 of
the finding's inspection, the rectification order, the Excel export and the 情况报告. Every
action is one call into the core (inspector/ledger/); files are written on the task runner."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
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
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from inspector.cases.core import CaseFilter, CaseView, list_cases
from inspector.errors import InspectorError
from inspector.ledger import cases, entries, order, report
from inspector.ledger.entries import EntryView, LedgerFilter
from inspector.ledger.follow_up import pending_follow_up
from inspector.workspace import Workspace
from ui.errors import arg, show_error
from ui.ops import OpChanges, ops
from ui.paging import append_page
from ui.strings import money
from ui.table_model import RowsModel
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from inspector.inspections import InspectionView

PAGE = 200
SEARCH_DELAY_MS = 150

Index = QModelIndex | QPersistentModelIndex


# Literal calls, so that lupdate finds every string.
def ledger_status_name(code: str) -> str:
    translate = QCoreApplication.translate
    return {
        entries.PENDING: translate("Names", "待整改"),
        entries.IN_PROGRESS: translate("Names", "整改中"),
        entries.RECTIFIED: translate("Names", "已整改（销号）"),
        entries.TRANSFERRED: translate("Names", "移交"),
        entries.SUPERSEDED: translate("Names", "已更正"),
    }.get(code, code)


def case_kind_name(code: str) -> str:
    translate = QCoreApplication.translate
    return {
        "agreement": translate("Names", "协议处理"),
        "penalty": translate("Names", "行政处罚"),
        "police": translate("Names", "移送公安"),
        "discipline": translate("Names", "移送纪检监察"),
    }.get(code, code)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class LedgerModel(RowsModel[EntryView]):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.filters = LedgerFilter()
        self.total = 0
        self._fetching = False  # a next page is being read on the database executor
        self.headers = [
            self.tr("发现日期"),
            self.tr("状态"),
            self.tr("被检查机构"),
            self.tr("区县"),
            self.tr("条目"),
            self.tr("问题"),
            self.tr("涉及金额"),
            self.tr("已追回"),
            self.tr("整改期限"),
        ]

    def show(self, filters: LedgerFilter, total: int, rows: list[EntryView]) -> None:
        """The first page of the findings ``filters`` select (read on the database executor)."""
        self.beginResetModel()
        self.filters = filters
        self.total = total
        self.rows = rows
        self._fetching = False
        self.endResetModel()

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and len(self.rows) < self.total and not self._fetching

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        """The next page, read on the database executor and appended when it arrives (unless
        the list was filtered anew meanwhile)."""
        ws, filters, start = self.workspace, self.filters, len(self.rows)
        self._fetching = True

        ops().query(
            lambda: entries.search_entries(ws, filters, start, PAGE),
            parent=self,
            success=lambda more: append_page(self, filters, start, more),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = [
                QLocale().toString(_qdate(row.found_on), QLocale.FormatType.ShortFormat),
                ledger_status_name(row.status),
                row.institution_name,
                row.district,
                row.item_code,
                row.item_title,
                money(row.amount_fen),
                money(row.recovered_fen) if row.recovered_fen else "",
                ""
                if row.deadline is None
                else QLocale().toString(_qdate(row.deadline), QLocale.FormatType.ShortFormat),
            ]
            return values[column]
        overdue = (
            row.deadline is not None and row.status in entries.OPEN and row.deadline < date.today()
        )
        if role == Qt.ItemDataRole.ForegroundRole and column == 8 and overdue:
            return QColor("#b3261e")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (6, 7):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


class ProgressEntryDialog(QDialog):
    """Rectification under way: 待整改 ⇄ 整改中, a note, the amount recovered so far."""

    def __init__(self, row: EntryView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("记录整改进展"))
        form = QFormLayout(self)
        self.status = QComboBox()
        for code in entries.OPEN:
            self.status.addItem(ledger_status_name(code), code)
        self.status.setCurrentIndex(max(self.status.findData(row.status), 0))
        self.note = QPlainTextEdit(row.progress_note)
        self.recovered = QLineEdit(f"{row.recovered_fen / 100:.2f}")
        form.addRow(self.tr("状态"), self.status)
        form.addRow(self.tr("整改情况"), self.note)
        form.addRow(self.tr("累计追回金额（元）"), self.recovered)
        form.addRow(QLabel(self.tr("销号只能由已签名的回头看完成。")))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class CaseStepDialog(QDialog):
    """One step of the case path, with the party's statement and defence on it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("案件处理"))
        form = QFormLayout(self)
        self.kind = QComboBox()
        for code in cases.KIND_NAMES:
            if code != cases.PENALTY:  # a 行政处罚 is a case of its own (inspector/cases/)
                self.kind.addItem(case_kind_name(code), code)
        self.on_date = _date_edit(date.today())
        self.body = QLineEdit()
        self.body.setPlaceholderText(self.tr("如：历城区医疗保障局、历城区公安分局"))
        self.document_no = QLineEdit()
        self.statement = QPlainTextEdit()
        self.statement_on = _date_edit(date.today())
        self.recovered = QLineEdit()
        self.note = QLineEdit()
        form.addRow(self.tr("处理方式"), self.kind)
        form.addRow(self.tr("日期"), self.on_date)
        form.addRow(self.tr("处理或接收单位"), self.body)
        form.addRow(self.tr("文书编号"), self.document_no)
        form.addRow(self.tr("当事人陈述申辩"), self.statement)
        form.addRow(self.tr("陈述申辩日期"), self.statement_on)
        form.addRow(self.tr("本次追回金额（元）"), self.recovered)
        form.addRow(self.tr("备注"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class VerdictDialog(QDialog):
    """已整改 / 部分整改 / 未整改, with what was found."""

    def __init__(self, current: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("回头看结论"))
        form = QFormLayout(self)
        self.verdict = QComboBox()
        for code, label in (
            ("rectified", self.tr("已整改")),
            ("partial", self.tr("部分整改")),
            ("not_rectified", self.tr("未整改")),
        ):
            self.verdict.addItem(label, code)
        self.verdict.setCurrentIndex(max(self.verdict.findData(current), 0))
        self.note = QPlainTextEdit()
        form.addRow(self.tr("整改结论"), self.verdict)
        form.addRow(self.tr("情况说明"), self.note)
        form.addRow(QLabel(self.tr("整改材料和照片请在回头看的检查清单中附到该条目下。")))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class OrderDialog(QDialog):
    """整改通知书: the inspection's open findings, each with its deadline; 生成 makes the PDF
    (the deadlines go to the ledger), the leader signs it with their key, 另存 saves a copy."""

    changed = Signal()

    def __init__(
        self,
        workspace: Workspace,
        runner: TaskRunner,
        inspection_id: str,
        parent: QWidget | None = None,
    ) -> None:
        from inspector.inspections import get_inspection

        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.inspection_id = inspection_id
        self.made: order.OrderView | None = None
        self.setWindowTitle(self.tr("整改通知书"))
        layout = QVBoxLayout(self)
        self.place = QLabel()
        layout.addWidget(self.place)
        self.rows: list[EntryView] = []  # the open findings, read on the database executor
        self.form = QFormLayout()
        self.deadlines: dict[str, QDateEdit] = {}
        layout.addLayout(self.form)
        self.build_button = QPushButton(self.tr("生成整改通知书"))
        self.build_button.clicked.connect(self.build)
        layout.addWidget(self.build_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        signing = QFormLayout()
        self.key = QComboBox()  # the leader's keys, once the leader is read
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_button = QPushButton(self.tr("组长数字签名"))
        self.sign_button.clicked.connect(lambda: self.sign())
        signing.addRow(self.tr("组长的密钥"), self.key)
        signing.addRow(self.tr("口令"), self.passphrase)
        signing.addRow("", self.sign_button)
        layout.addLayout(signing)
        self.save_button = QPushButton(self.tr("另存…"))
        self.save_button.clicked.connect(lambda: self.save())
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self._update()

        def read() -> tuple[InspectionView, list[EntryView]]:
            found = entries.search_entries(workspace, LedgerFilter(inspection=inspection_id))
            return get_inspection(workspace, inspection_id), found

        ops().query(
            read, parent=self, success=lambda found: self._fill(*found), failure=self._failed
        )

    def _fill(self, view: InspectionView, found: list[EntryView]) -> None:
        """The inspection and its open findings, each with its deadline; the leader's keys."""
        from inspector.signing.keystore import KeyStore

        self.place.setText(f"{view.institution_name}（{view.district}）")
        self.rows = [r for r in found if r.status in entries.OPEN]
        default = date.today() + timedelta(days=30)
        for row in self.rows:
            edit = _date_edit(row.deadline or default)
            self.deadlines[row.id] = edit
            self.form.addRow(f"{row.item_code} {row.item_title}", edit)
        leader = view.leader[1] if view.leader else None
        for info in KeyStore.of(self.workspace).list_keys():
            if info.cert_no and info.cert_no == leader:
                self.key.addItem(f"{info.name} {info.cert_no}", info.key_id)
        self._update()

    def _update(self) -> None:
        made = self.made is not None
        self.build_button.setEnabled(bool(self.rows) and not made)
        signed = made and self.made is not None and self.made.signed_by is not None
        self.sign_button.setEnabled(made and not signed and self.key.count() > 0)
        self.save_button.setEnabled(made)
        if not self.rows:
            self.message.setText(self.tr("该检查没有待整改或整改中的问题。"))
        elif made and self.made is not None:
            self.message.setText(
                arg(
                    self.tr("整改通知书 %1 已由组长签名。")
                    if signed
                    else self.tr("整改通知书 %1 已生成，请组长数字签名。"),
                    self.made.order_no,
                )
            )
        elif self.key.count() == 0:
            self.message.setText(self.tr("本机没有组长的密钥：生成后可在命令行签名。"))

    def _failed(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("整改通知书"), message)

    def build(self) -> None:
        deadlines = {entry: _day(edit) for entry, edit in self.deadlines.items()}

        def done(made: order.OrderView) -> None:
            self.made = made
            self._update()
            self.changed.emit()

        self.runner.run(
            lambda _reporter: order.build_order(
                self.workspace, self.inspection_id, deadlines=deadlines
            ),
            on_success=done,
            changes=OpChanges(ledger=True),
            on_failure=self._failed,
            progress_parent=self,
        )

    def sign(self, passphrase: str | None = None) -> None:
        key_id = self.key.currentData()
        if self.made is None or not key_id:
            return
        secret = self.passphrase.text() if passphrase is None else passphrase
        self.passphrase.clear()
        order_id = self.made.id

        def done(made: order.OrderView) -> None:
            self.made = made
            self._update()
            self.changed.emit()

        self.runner.run(
            lambda _reporter: order.sign_order(self.workspace, order_id, key_id, secret),
            on_success=done,
            changes=OpChanges(ledger=True),
            on_failure=self._failed,
            progress_parent=self,
            label=self.tr("正在签名…"),
        )

    def save(self, target: Path | None = None) -> None:
        if self.made is None:
            return
        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("保存整改通知书"), f"{self.made.order_no}.pdf", "PDF (*.pdf)"
            )
            if not name:
                return
            target = Path(name)
        order_id = self.made.id
        self.runner.run(
            lambda _reporter: order.save_order_copy(self.workspace, order_id, target),
            on_failure=self._failed,
            progress_parent=self,
        )


class ReportDialog(QDialog):
    """The period (a quarter, or dates), the district (or all) and the file of a 情况报告."""

    def __init__(self, districts: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("情况报告"))
        form = QFormLayout(self)
        today = date.today()
        first = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        self.since = _date_edit(first)
        self.until = _date_edit(today)
        self.district = QComboBox()
        self.district.addItem(self.tr("全部区县"), None)
        for name in districts:
            self.district.addItem(name, name)
        self.target = QLineEdit()
        choose = QPushButton(self.tr("选择…"))
        choose.clicked.connect(self._choose)
        where = QHBoxLayout()
        where.addWidget(self.target, 1)
        where.addWidget(choose)
        form.addRow(self.tr("开始日期"), self.since)
        form.addRow(self.tr("结束日期"), self.until)
        form.addRow(self.tr("区县"), self.district)
        form.addRow(self.tr("保存为（.xlsx 或 .pdf）"), where)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _choose(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存情况报告"), "情况报告.xlsx", self.tr("Excel 或 PDF (*.xlsx *.pdf)")
        )
        if name:
            self.target.setText(name)


class LedgerPage(QWidget):
    back_requested = Signal()
    open_requested = Signal(str)  # an inspection id (a 回头看 just made)
    case_requested = Signal(str)  # a case id (one just opened), or "" for the 案件 screen
    changed = Signal()

    def __init__(
        self, workspace: Workspace, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.pending: tuple[str, str, str | None] | None = None  # the open 回头看 of the row
        self._asked: LedgerFilter | None = None  # the filters of the newest list asked
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        back = QPushButton(self.tr("← 检查列表"))
        back.clicked.connect(self.back_requested)
        top.addWidget(back)
        title = QLabel(self.tr("问题台账"))
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        top.addWidget(title)
        top.addStretch(1)
        self.export_button = QPushButton(self.tr("导出 Excel…"))
        # Not connected directly: clicked(bool) would arrive as the target path.
        self.export_button.clicked.connect(lambda: self.export())
        self.report_button = QPushButton(self.tr("情况报告…"))
        self.report_button.clicked.connect(self.make_report)
        self.cases_button = QPushButton(self.tr("案件 →"))
        self.cases_button.setToolTip(self.tr("案件：立案、告知、决定、送达、执行、结案"))
        self.cases_button.clicked.connect(lambda: self.case_requested.emit(""))
        top.addWidget(self.export_button)
        top.addWidget(self.report_button)
        top.addWidget(self.cases_button)
        layout.addLayout(top)

        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索机构、问题、说明…"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem(self.tr("全部状态"), None)
        for code in entries.STATUS_NAMES:
            self.status.addItem(ledger_status_name(code), code)
        self.district = QComboBox()
        self.kind = QComboBox()
        self.period = QComboBox()
        for label, days in (
            (self.tr("全部日期"), None),
            (self.tr("最近 30 天"), 30),
            (self.tr("最近 90 天"), 90),
            (self.tr("最近一年"), 365),
        ):
            self.period.addItem(label, days)
        self.due = QComboBox()
        self.due.addItem(self.tr("全部期限"), None)
        self.due.addItem(self.tr("7 天内到期或逾期"), 7)
        self.due.addItem(self.tr("已逾期"), -1)
        filters.addWidget(self.search, 3)
        for combo in (self.status, self.district, self.kind, self.period, self.due):
            combo.setMinimumHeight(32)
            filters.addWidget(combo, 1)
        layout.addLayout(filters)

        split = QSplitter()
        self.model = LedgerModel(workspace, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several findings of one institution may go into one case (立案…).
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 90), (1, 110), (2, 170), (3, 70), (4, 50), (6, 100), (7, 90)):
            self.table.setColumnWidth(column, width)
        split.addWidget(self.table)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.detail = QTextBrowser()
        side_layout.addWidget(self.detail, 1)
        actions = QHBoxLayout()
        self.progress_button = QPushButton(self.tr("整改进展…"))
        self.progress_button.clicked.connect(self.record_progress)
        self.case_button = QPushButton(self.tr("案件处理…"))
        self.case_button.clicked.connect(self.add_case_step)
        self.open_case_button = QPushButton(self.tr("立案…"))
        self.open_case_button.setToolTip(
            self.tr("以所选问题（同一机构，可多选）登记案件，在案件页办理")
        )
        self.open_case_button.clicked.connect(self.open_case)
        self.finding_cases: list[CaseView] = []
        self.show_case_button = QPushButton(self.tr("查看案件 →"))
        self.show_case_button.setToolTip(self.tr("在案件页打开该问题所在的案件"))
        self.show_case_button.setEnabled(False)
        self.show_case_button.clicked.connect(
            lambda: (
                self.case_requested.emit(self.finding_cases[0].id) if self.finding_cases else None
            )
        )
        self.follow_up_button = QPushButton(self.tr("回头看"))
        self.follow_up_button.setToolTip(self.tr("对该检查的全部未整改问题新建回头看"))
        self.follow_up_button.clicked.connect(self.create_follow_up)
        self.order_button = QPushButton(self.tr("整改通知书…"))
        self.order_button.clicked.connect(self.make_order)
        self.verdict_button = QPushButton(self.tr("回头看结论…"))
        self.verdict_button.setToolTip(
            self.tr("在尚未签名的回头看中记录该问题的整改结论；签名后更新台账")
        )
        self.verdict_button.clicked.connect(self.take_verdict)
        for button in (
            self.progress_button,
            self.open_case_button,
            self.show_case_button,
            self.case_button,
            self.follow_up_button,
            self.verdict_button,
            self.order_button,
        ):
            actions.addWidget(button)
        side_layout.addLayout(actions)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        self.count = QLabel()
        layout.addWidget(self.count)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._search_timer.start)
        for combo in (self.status, self.district, self.kind, self.period, self.due):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_selected())

    # --- the list --------------------------------------------------------------------------

    def reload(self) -> None:
        """Enter what signed inspections lack (on the task runner: after an upgrade it can be
        thousands), then refresh the choices and the list."""
        self.runner.run(
            lambda reporter: entries.enter_signed(self.workspace, reporter),
            on_success=lambda _count: self.refresh(),
            changes=OpChanges(ledger=True),
            on_failure=lambda message: QMessageBox.warning(self, self.tr("问题台账"), message),
            progress_parent=self,
            label=self.tr("正在整理问题台账…"),
        )
        self.refresh()  # what is in the ledger already, at once

    def refresh(self) -> None:
        """The filter choices and the list, from the ledger as it stands (read on the database
        executor)."""
        ws = self.workspace
        ops().query(lambda: entries.filter_choices(ws), parent=self, success=self._show_choices)

    def _show_choices(self, choices: dict[str, list[str]]) -> None:
        library = self.workspace.library
        for combo, everything, values in (
            (self.district, self.tr("全部区县"), [(d, d) for d in choices["district"]]),
            (
                self.kind,
                self.tr("全部类型"),
                [
                    (library.types[t].name if t in library.types else t, t)
                    for t in choices["type_code"]
                ],
            ),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for label, value in values:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
        self.apply_filters()

    def current_filters(self) -> LedgerFilter:
        today = date.today()
        days = self.period.currentData()
        due = self.due.currentData()
        return LedgerFilter(
            status=self.status.currentData(),
            district=self.district.currentData(),
            type_code=self.kind.currentData(),
            text=self.search.text().strip() or None,
            since=None if days is None else today - timedelta(days=days),
            due_by=None if due is None else today + timedelta(days=due),
        )

    def apply_filters(self) -> None:
        """The list and its totals for the filters chosen, read on the database executor; an
        answer for filters changed since is dropped."""
        self._search_timer.stop()
        ws, filters = self.workspace, self.current_filters()
        self._asked = filters

        def read() -> tuple[entries.LedgerTotals, list[EntryView]]:
            return entries.ledger_totals(ws, filters), entries.search_entries(ws, filters, 0, PAGE)

        def show(found: tuple[entries.LedgerTotals, list[EntryView]]) -> None:
            if self._asked is filters:
                self._show_list(filters, *found)

        ops().query(read, parent=self, success=show, failure=self._refused)

    def _show_list(
        self, filters: LedgerFilter, totals: entries.LedgerTotals, rows: list[EntryView]
    ) -> None:
        selected = self.selected()
        self.model.show(filters, totals.count, rows)
        self.count.setText(
            arg(
                self.tr("共 %1 个问题，未完成整改 %2 个，涉及金额 %3，已追回 %4"),
                totals.count,
                totals.open,
                money(totals.amount_fen),
                money(totals.recovered_fen),
            )
        )
        row = next(
            (n for n, r in enumerate(self.model.rows) if selected and r.id == selected.id), 0
        )
        if self.model.rowCount():
            self.table.selectRow(row)
        self.show_selected()

    def selected(self) -> EntryView | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        return self.model.rows[index.row()]

    def show_selected(self) -> None:
        row = self.selected()
        # Translated outside the f-strings, where lupdate finds them.
        labels = {
            "选择一个问题查看详情": self.tr("选择一个问题查看详情"),
            "检查": self.tr("检查"),
            "说明": self.tr("说明"),
            "违规类别": self.tr("违规类别"),
            "涉及金额": self.tr("涉及金额"),
            "已追回": self.tr("已追回"),
            "证据": self.tr("证据"),
            "状态": self.tr("状态"),
            "整改期限": self.tr("整改期限"),
            "整改情况": self.tr("整改情况"),
            "现场陈述申辩": self.tr("被检查单位现场意见"),
            "案件处理": self.tr("案件处理"),
            "追回": self.tr("追回"),
            "陈述申辩": self.tr("陈述申辩"),
        }
        for button in (self.progress_button, self.case_button, self.follow_up_button):
            button.setEnabled(row is not None and row.status in entries.OPEN)
        self.case_button.setEnabled(
            row is not None and row.status not in (entries.SUPERSEDED, entries.RECTIFIED)
        )
        self.order_button.setEnabled(row is not None and row.status in entries.OPEN)
        self.open_case_button.setEnabled(row is not None and row.status != entries.SUPERSEDED)
        if row is None:
            self.pending = None
            self.finding_cases = []
            self.show_case_button.setEnabled(False)
            self.verdict_button.setEnabled(False)
            self.detail.setHtml(f"<p>{labels['选择一个问题查看详情']}</p>")
            return
        # The finding's follow-up and case path are read on the database executor.
        self.pending = None
        self.verdict_button.setEnabled(False)
        ws, entry_id = self.workspace, row.id
        ops().query(
            lambda: (
                pending_follow_up(ws, entry_id),
                cases.case_path(ws, entry_id),
                list_cases(ws, CaseFilter(entry=entry_id)),
            ),
            parent=self,
            success=lambda found: self._show_detail(row, labels, *found),
            failure=self._refused,
        )

    def _show_detail(
        self,
        row: Any,
        labels: dict[str, str],
        pending: Any,
        path: Any,
        in_cases: list[CaseView] | None = None,
    ) -> None:
        from ui.case_dialogs import stage_name

        current = self.selected()
        if current is None or current.id != row.id:
            return  # another finding was chosen meanwhile: its own read follows
        # The cases that take this finding: the newest opens on the 案件 screen.
        self.finding_cases = in_cases or []
        self.show_case_button.setEnabled(bool(self.finding_cases))
        self.pending = pending
        self.verdict_button.setEnabled(self.pending is not None)
        self.follow_up_button.setEnabled(self.follow_up_button.isEnabled() and self.pending is None)
        library = self.workspace.library
        violation = library.violation_label(row.violation_code)

        def esc(text: str) -> str:
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

        lines = [
            f"<h3>{esc(row.item_code)} {esc(row.item_title)}</h3>",
            f"<p><b>{esc(row.institution_name)}</b>（{esc(row.district)}）　"
            f"{labels['检查']} {row.inspection_id[:8]}</p>",
            f"<p>{labels['说明']}：{esc(row.note) or '—'}</p>",
            f"<p>{labels['违规类别']}：" + (esc(violation) if violation else "—") + "</p>",
            f"<p>{labels['涉及金额']}：{money(row.amount_fen) or '—'}　"
            f"{labels['已追回']}：{money(row.recovered_fen)}　"
            f"{labels['证据']}：{row.evidence_count}</p>",
            f"<p>{labels['状态']}：<b>{ledger_status_name(row.status)}</b>"
            + (
                f"　{labels['整改期限']}：{row.deadline:%Y-%m-%d}"
                if row.deadline is not None
                else ""
            )
            + "</p>",
            f"<p>{labels['整改情况']}：{esc(row.progress_note) or '—'}</p>",
            f"<p>{labels['现场陈述申辩']}：{esc(path.party_statement) or '—'}</p>",
            f"<h4>{labels['案件处理']}</h4>",
        ]
        if not path.steps:
            lines.append("<p>—</p>")
        for step in path.steps:
            lines.append(
                f"<p>{step.on_date:%Y-%m-%d}　<b>{case_kind_name(step.kind)}</b>　"
                f"{esc(step.receiving_body)}　{esc(step.document_no)}"
                + (f"　{labels['追回']} {money(step.recovered_fen)}" if step.recovered_fen else "")
                + (f"<br/>{labels['陈述申辩']}：{esc(step.statement)}" if step.statement else "")
                + "</p>"
            )
        for case in self.finding_cases:
            lines.append(
                "<p>"
                + esc(
                    arg(
                        self.tr("案件 %1：%2（%3 登记）"),
                        case.id[:8],
                        stage_name(case.stage),
                        f"{case.opened_on:%Y-%m-%d}",
                    )
                )
                + "</p>"
            )
        self.detail.setHtml("".join(lines))

    # --- actions -------------------------------------------------------------------------

    def _failed(self, error: InspectorError) -> None:
        show_error(self, self.tr("问题台账"), error)

    def _refused(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("问题台账"), message)

    def _done(self) -> None:
        self.apply_filters()
        self.changed.emit()

    def _mutate(
        self,
        work: Callable[[], Any],
        changes: OpChanges,
        then: Callable[[Any], None] | None = None,
    ) -> bool | None:
        """Run a change of the ledger as an operation; the page refreshes when it is done.
        Returns whether it succeeded when already known (the executor inline, as in tests),
        else None: the outcome then shows on the page or in a message."""

        def done(result: Any) -> None:
            self._done()
            if then is not None:
                then(result)

        return ops().mutate(work, changes, parent=self, success=done, failure=self._refused).ok

    def record_progress(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = ProgressEntryDialog(row, self)
        if not dialog.exec():
            return
        self.save_progress(
            row.id,
            dialog.status.currentData(),
            dialog.note.toPlainText(),
            dialog.recovered.text(),
        )

    def save_progress(self, entry: str, status: str, note: str, recovered: str) -> bool | None:
        ws = self.workspace
        return self._mutate(
            lambda: entries.set_progress(ws, entry, status=status, note=note, recovered=recovered),
            OpChanges(ledger=True),
        )

    def add_case_step(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = CaseStepDialog(self)
        if not dialog.exec():
            return
        statement = dialog.statement.toPlainText().strip()
        self.save_case_step(
            row.id,
            kind=dialog.kind.currentData(),
            on_date=_day(dialog.on_date),
            receiving_body=dialog.body.text(),
            document_no=dialog.document_no.text(),
            statement=statement,
            statement_on=_day(dialog.statement_on) if statement else None,
            recovered=dialog.recovered.text() or None,
            note=dialog.note.text(),
        )

    def save_case_step(self, entry: str, **values: Any) -> bool | None:
        ws = self.workspace
        return self._mutate(
            lambda: cases.add_case_step(ws, entry, **values), OpChanges(ledger=True)
        )

    def selected_rows(self) -> list[EntryView]:
        """The findings chosen (several with Ctrl or Shift), the current one first."""
        current = self.selected()
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        found = [self.model.rows[n] for n in rows if n < len(self.model.rows)]
        if current is not None and current not in found:
            found.insert(0, current)
        return found

    def open_case(self) -> None:
        """A case (案源登记) from the findings chosen; the 案件 screen shows it once made."""
        from ui.case_dialogs import OpenCaseDialog

        rows = self.selected_rows()
        if not rows:
            return
        described = [
            f"{row.institution_name}　{row.item_code} {row.item_title}　{money(row.amount_fen)}"
            for row in rows
        ]
        dialog = OpenCaseDialog(described, self)
        if not dialog.exec():
            return
        self.save_open_case([row.id for row in rows], **dialog.values())

    def save_open_case(self, entry_ids: list[str], **values: Any) -> bool | None:
        from inspector.cases.core import open_case

        ws = self.workspace
        return self._mutate(
            lambda: open_case(ws, entries=entry_ids, **values),
            OpChanges(ledger=True),
            self.case_requested.emit,
        )

    def create_follow_up(self) -> str | None:
        """A 回头看 of every open finding of the selected finding's inspection, by the same
        team; the new visit opens in the checklist."""
        from inspector.inspections import TeamMember, get_inspection
        from inspector.ledger.follow_up import create_follow_up

        row = self.selected()
        if row is None:
            return None
        ws, inspection_id = self.workspace, row.inspection_id

        def work() -> str:
            original = get_inspection(ws, inspection_id)
            team = [TeamMember(name, cert) for name, cert, _role in original.team]
            leader = original.leader[1] if original.leader else None
            return create_follow_up(ws, inspection=inspection_id, team=team, leader=leader)

        made: list[str] = []

        def opened(visit: str) -> None:
            made.append(visit)
            self.open_requested.emit(visit)

        self._mutate(work, OpChanges(inspection=True, ledger=True), opened)
        return made[0] if made else None

    def take_verdict(self) -> None:
        if self.pending is None:
            return
        dialog = VerdictDialog(self.pending[2], self)
        if dialog.exec():
            self.save_verdict(dialog.verdict.currentData(), dialog.note.toPlainText())

    def save_verdict(self, verdict: str, note: str) -> bool | None:
        """The verdict on the selected finding in its unsigned 回头看 (new evidence goes on the
        follow-up's item in its checklist)."""
        from inspector.ledger.follow_up import save_verdict

        if self.pending is None:
            return False
        visit, item_code, _before = self.pending
        ws = self.workspace
        return self._mutate(
            lambda: save_verdict(ws, visit, item_code, verdict, note=note or None),
            OpChanges(answers=True, ledger=True).about(visit),
        )

    def order_dialog(self) -> OrderDialog | None:
        """The rectification order of the selected finding's inspection: a deadline for each
        open finding, then the leader's digital signature, then a copy where asked."""
        row = self.selected()
        if row is None:
            return None
        dialog = OrderDialog(self.workspace, self.runner, row.inspection_id, self)
        dialog.changed.connect(self._done)
        return dialog

    def make_order(self) -> None:
        dialog = self.order_dialog()
        if dialog is not None:
            dialog.exec()

    def _saved(self, message: str) -> None:
        self._done()
        self.window().statusBar().showMessage(message, 10000)  # type: ignore[attr-defined]

    def export(self, target: Path | None = None) -> None:
        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("导出问题台账"), "问题台账.xlsx", "Excel (*.xlsx)"
            )
            if not name:
                return
            target = Path(name)
        filters = self.model.filters
        self.runner.run(
            lambda _reporter: entries.export_ledger(self.workspace, target, filters),
            on_success=lambda count: self._saved(arg(self.tr("已导出 %1 个问题"), count)),
            on_failure=lambda message: QMessageBox.warning(self, self.tr("导出"), message),
            progress_parent=self,
        )

    def make_report(self) -> None:
        ws = self.workspace  # the districts to choose from, read on the database executor
        ops().query(
            lambda: entries.filter_choices(ws)["district"], parent=self, success=self._ask_report
        )

    def _ask_report(self, districts: list[str]) -> None:
        dialog = ReportDialog(districts, self)
        if not dialog.exec() or not dialog.target.text().strip():
            return
        self.write_report(
            _day(dialog.since),
            _day(dialog.until),
            dialog.district.currentData(),
            Path(dialog.target.text().strip()),
        )

    def write_report(self, since: date, until: date, district: str | None, target: Path) -> None:
        from inspector.record.facts import BUREAU_SETTING

        def work(_reporter: Any) -> str:
            bureau = self.workspace.db.setting(BUREAU_SETTING)
            figures = report.report_figures(self.workspace, since, until, district)
            report.write_report(self.workspace, figures, target, bureau)
            return str(target)

        self.runner.run(
            work,
            on_success=lambda path: self._saved(arg(self.tr("情况报告已保存：%1"), path)),
            on_failure=lambda message: QMessageBox.warning(self, self.tr("情况报告"), message),
            progress_parent=self,
        )


class DueBanner(QLabel):
    """On the home screen: rectification deadlines due within a week or past, with a link to
    the ledger filtered to them."""

    open_requested = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setStyleSheet(
            "background: #fff4e5; border: 1px solid #f0c36d; padding: 6px; border-radius: 4px;"
        )
        self.linkActivated.connect(lambda _link: self.open_requested.emit())
        self.hide()  # until the deadlines are read
        self.refresh()

    def refresh(self) -> None:
        """The deadlines due, read on the database executor, then shown (or the banner hidden)."""
        ws = self.workspace
        ops().query(lambda: order.due_entries(ws), parent=self, success=self._show)

    def _show(self, due: list[order.Due]) -> None:
        overdue = sum(1 for d in due if d.days_left < 0)
        if not due:
            self.hide()
            return
        soonest = due[0]
        self.setText(
            arg(
                self.tr("整改期限：%1 个问题 7 天内到期，其中 %2 个已逾期（最近：%3 %4，%5）　"),
                len(due),
                overdue,
                soonest.entry.institution_name,
                soonest.entry.item_code,
                f"{soonest.entry.deadline:%Y-%m-%d}",
            )
            + "<a href='ledger'>"
            + self.tr("查看台账")
            + "</a>"
        )
        self.show()
