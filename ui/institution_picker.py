"""Search the institution registry as you type, and pick one. Embedded in the new-inspection
dialog; each result shows its agreement status on the day of the visit (point 1)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.registry import AgreementStatus, InstitutionInfo, search_institutions
from inspector.workspace import Workspace
from ui.errors import arg
from ui.ops import ops

SEARCH_DELAY_MS = 150  # typing pauses shorter than this do not query
LIMIT = 50
STATUS_COLOURS = {
    AgreementStatus.OK: "#1b5e20",
    AgreementStatus.EXPIRING: "#8a4b00",
    AgreementStatus.EXPIRED: "#b71c1c",
    AgreementStatus.NO_EXPIRY: "#8a4b00",
    AgreementStatus.NO_AGREEMENT: "#b71c1c",
    AgreementStatus.NOT_IN_REGISTRY: "#b71c1c",
}
INFO_ROLE = Qt.ItemDataRole.UserRole


class InstitutionPicker(QWidget):
    """A search field over the registry and a list of what matches.

    ``chosen`` is emitted with an :class:`InstitutionInfo` (id, name, type_code, type_name,
    district, agreement_no, agreement_expiry, level; ``.agreement(on_date)`` and
    ``.agreement_message``) when a result is activated: Enter, double-click or tap.
    ``current_changed`` follows the highlighted result (None when there is none)."""

    chosen = Signal(object)
    current_changed = Signal(object)
    results_changed = Signal(int)  # after each search, with the number of results shown

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.on_date: date | None = None  # the visit's day; None: today
        self._asked = 0  # the newest search asked of the executor; older answers are dropped
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("输入机构名称、协议编号或区县查找"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setMaximumHeight(190)
        self.results.setAlternatingRowColors(True)
        self.note = QLabel()
        self.note.setStyleSheet("color: #666;")
        self.note.setWordWrap(True)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.note)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.installEventFilter(self)
        self.results.itemActivated.connect(self._on_activated)
        self.results.currentItemChanged.connect(
            lambda item, _previous: self.current_changed.emit(self._info(item))
        )
        self.search_now()

    # --- searching -----------------------------------------------------------------------

    def set_date(self, on_date: date | None) -> None:
        """The day of the visit, for the agreement status shown (None: today)."""
        self.on_date = on_date
        self.search_now()

    def refresh(self) -> None:
        """Search again (after an import changed the registry)."""
        self.search_now()

    def search_now(self) -> None:
        """Searches on the database executor; the list shows the newest search's answer."""
        self._timer.stop()
        text = self.search.text().strip()
        self._asked += 1
        asked, ws = self._asked, self.workspace

        def found(result: list[InstitutionInfo]) -> None:
            if asked == self._asked:
                self._show(text, result)

        def refused(message: str) -> None:
            if asked == self._asked:
                self.results.clear()
                self.note.setText(message)
                self.results_changed.emit(0)

        ops().query(
            lambda: search_institutions(ws, text, limit=LIMIT + 1),
            parent=self,
            success=found,
            failure=refused,
        )

    def _show(self, text: str, found: list[InstitutionInfo]) -> None:
        self.results.clear()
        for info in found[:LIMIT]:
            self.results.addItem(self._item(info))
        if not found:
            self.note.setText(
                self.tr("没有找到符合的机构，可直接在下方填写（将标记为不在名单中）")
                if text
                else self.tr("机构名单为空：可从“机构名单 → 导入”导入医保局的定点机构名单")
            )
        elif len(found) > LIMIT:
            self.note.setText(self.tr("只显示前 %n 家，请输入更多文字缩小范围", "", LIMIT))
        else:
            self.note.setText("")
        if self.results.count():
            self.results.setCurrentRow(0)
        self.results_changed.emit(self.results.count())

    def _item(self, info: InstitutionInfo) -> QListWidgetItem:
        check = info.agreement(self.on_date)
        number = arg(self.tr("协议 %1"), info.agreement_no) if info.agreement_no else ""
        details = " · ".join(p for p in (info.type_name, info.district, number) if p)
        item = QListWidgetItem(f"{info.name}\n{details}　【{check.label}】")
        item.setData(INFO_ROLE, info)
        item.setToolTip(check.message)
        if check.flagged:
            item.setForeground(QBrush(QColor(STATUS_COLOURS[check.status])))
        return item

    # --- choosing ------------------------------------------------------------------------

    @staticmethod
    def _info(item: QListWidgetItem | None) -> InstitutionInfo | None:
        return None if item is None else item.data(INFO_ROLE)

    def selected(self) -> InstitutionInfo | None:
        return self._info(self.results.currentItem())

    def _on_activated(self, item: QListWidgetItem) -> None:
        info = self._info(item)
        if info is not None:
            self.chosen.emit(info)

    def _choose_current(self) -> None:
        if self._timer.isActive():  # Enter typed before the pause: search what was typed
            self.search_now()
        item = self.results.currentItem()
        if item is not None:
            self._on_activated(item)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # Up and Down in the search field move through the results, as in a browser's bar.
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            # Enter chooses the highlighted result and stops there: a line edit passes Enter on
            # to its dialog, whose default button (开始检查) started the inspection.
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose_current()
                return True
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None and self.results.count():
                row = min(max(self.results.currentRow() + step, 0), self.results.count() - 1)
                self.results.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)
