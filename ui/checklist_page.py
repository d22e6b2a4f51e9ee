"""The checklist on site: items grouped by inspection point on the left; the selected item's
question, result, note, amount, violation and evidence on the right; progress always in view.

Every change is saved at once through the AutoSaver and can be undone. Keyboard: Ctrl+1..4 (or
1..4 in the list) set the result; Alt+↓/Alt+↑ next/previous item; F8 the next unchecked item;
Ctrl+Z/Ctrl+Y undo/redo.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.checklists.composer import ComposedItem
from inspector.checklists.documents import source_label, user_wording
from inspector.db.models import InspectionStatus, Result
from inspector.drug_checks import DrugCheckView, drug_checks
from inspector.errors import InspectorError
from inspector.inspections import (
    AnswerView,
    InspectionView,
    finish_inspection,
    get_inspection,
    parse_amount,
    reopen_inspection,
    save_answer,
)
from inspector.registry import agreement_status
from inspector.stock import ITEM as STOCK_ITEM
from inspector.workspace import Workspace
from ui.autosave import AutoSaver
from ui.core_messages import core_message
from ui.drug_list import DrugListBox
from ui.errors import arg
from ui.ops import OpChanges, ops
from ui.strings import money, plain_amount, result_name, status_name

RESULT_COLORS = {
    Result.OK: "#1e7d32",
    Result.PROBLEM: "#b3261e",
    Result.NOT_APPLICABLE: "#6b6b6b",
    Result.UNCHECKED: "#9e9e9e",
}
RESULT_KEYS = {
    Qt.Key.Key_1: Result.OK,
    Qt.Key.Key_2: Result.PROBLEM,
    Qt.Key.Key_3: Result.NOT_APPLICABLE,
    Qt.Key.Key_4: Result.UNCHECKED,
}
MERGE_SECONDS = 2.0  # typing with pauses shorter than this is one undo step
NOTE_EDIT, AMOUNT_EDIT, REASON_EDIT = 1, 2, 3


def position_key(inspection_id: str) -> str:
    return f"position:{inspection_id}"


class AnswerEdit(QUndoCommand):
    """One change of one item's answer; quick successive typing in one field merges."""

    def __init__(
        self,
        page: ChecklistPage,
        code: str,
        before: AnswerView | None,
        after: AnswerView,
        merge_id: int = -1,
    ) -> None:
        super().__init__(f"{code}")
        self.page = page
        self.code = code
        self.before = before
        self.after = after
        self.merge_id = merge_id
        self.stamp = time.monotonic()
        # The first redo comes from the widget the user is typing in: do not rewrite it.
        self.from_widget = True

    def id(self) -> int:
        return self.merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, AnswerEdit) or other.code != self.code:
            return False
        if other.stamp - self.stamp > MERGE_SECONDS:
            return False
        self.after = other.after
        self.stamp = other.stamp
        return True

    def redo(self) -> None:
        self.page.apply_state(self.code, self.after, refresh_fields=not self.from_widget)
        self.from_widget = False

    def undo(self) -> None:
        self.page.apply_state(self.code, self.before, refresh_fields=True)


class ChecklistPage(QWidget):
    back_requested = Signal()
    record_requested = Signal(str)  # inspection id
    stock_requested = Signal(str)  # inspection id: the 进销存 reconciliation
    trace_requested = Signal(str)  # inspection id: the 追溯码 sweep
    changed = Signal()  # an answer or the status changed (the home list refreshes)
    loaded = Signal(str)  # inspection id: load() read it and it is on the screen

    def __init__(
        self,
        workspace: Workspace,
        saver: AutoSaver,
        evidence_factory: Callable[[QWidget], QWidget] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.saver = saver
        self.view: InspectionView | None = None
        self.states: dict[str, AnswerView | None] = {}
        self.items: dict[str, ComposedItem] = {}
        self.tree_items: dict[str, QTreeWidgetItem] = {}
        self.current: str | None = None
        self.undo_stack = QUndoStack(self)
        self._loading = False
        self._loads = 0  # load() calls: only the newest one's read is shown

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self._build_header())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(2)
        self.tree.setIndentation(14)
        self.tree.setStyleSheet("QTreeWidget::item { padding: 7px 2px; }")
        self.tree.currentItemChanged.connect(self._on_tree_current)
        self.tree.installEventFilter(self)
        splitter.addWidget(self.tree)
        splitter.addWidget(self._build_detail(evidence_factory))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([430, 900])
        layout.addWidget(splitter, 1)
        self._build_shortcuts()
        self.saver.saved.connect(self._on_saved)
        self.saver.failed.connect(self._on_failed)
        self.saver.busy.connect(self._on_busy)

    # --- building ----------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← 返回"))
        self.back_button.setMinimumHeight(40)
        self.back_button.clicked.connect(self.back_requested)
        header.addWidget(self.back_button)
        titles = QVBoxLayout()
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.subtitle = QLabel()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        progress_box = QVBoxLayout()
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.progress_label = QLabel()
        progress_box.addWidget(self.progress_label)
        progress_box.addWidget(self.progress)
        header.addLayout(progress_box, 1)
        self.saved_label = QLabel()
        self.saved_label.setMinimumWidth(140)
        header.addWidget(self.saved_label)
        self.undo_button = QPushButton(self.tr("撤销"))
        self.undo_button.setMinimumHeight(40)
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        header.addWidget(self.undo_button)
        self.finish_button = QPushButton(self.tr("完成现场检查"))
        self.finish_button.setMinimumHeight(40)
        self.finish_button.clicked.connect(self._finish)
        header.addWidget(self.finish_button)
        self.visit_button = QPushButton(self.tr("检查时间…"))
        self.visit_button.setMinimumHeight(40)
        self.visit_button.setToolTip(self.tr("检查的开始、结束时间和执法主体"))
        self.visit_button.clicked.connect(lambda: self.open_visit())
        header.addWidget(self.visit_button)
        self.legal_button = QPushButton(self.tr("证件与告知…"))
        self.legal_button.setMinimumHeight(40)
        self.legal_button.clicked.connect(self.open_legal)
        header.addWidget(self.legal_button)
        self.interview_button = QPushButton(self.tr("询问笔录…"))
        self.interview_button.setMinimumHeight(40)
        self.interview_button.clicked.connect(self.open_interviews)
        header.addWidget(self.interview_button)
        self.record_button = QPushButton(self.tr("生成记录"))
        self.record_button.setMinimumHeight(40)
        self.record_button.clicked.connect(lambda: self.record_requested.emit(self.inspection_id))
        header.addWidget(self.record_button)
        return header

    def open_visit(self) -> QDialog | None:
        """检查时间 and 执法主体 of the open inspection, in a dialog of their own."""
        from ui.visit_dialog import VisitDialog

        if self.view is None:
            return None
        self.saver.flush()
        dialog = VisitDialog(self.workspace, self.view.id, self)
        dialog.setModal(True)
        dialog.finished.connect(lambda _code: self._reload_after_visit())
        dialog.show()
        return dialog

    def _reload_after_visit(self) -> None:
        if self.view is not None:
            current = self.current
            self.load(self.view.id)
            if current:
                self.select(current)

    def open_legal(self) -> QDialog | None:
        """证件与告知: the certificates shown, the notices told, the 记录人 and the party's
        identity, which 完成现场检查 requires (inspector/record/legal.py)."""
        from ui.legal_dialog import LegalDialog
        from ui.tasks import TaskRunner

        if self.view is None:
            return None
        self.saver.flush()
        dialog = LegalDialog(self.workspace, TaskRunner(self), self.view.id, self)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def open_interviews(self) -> QDialog | None:
        """The inspection's interview records (询问笔录), in a dialog of their own."""
        from ui.interview_dialog import InterviewDialog
        from ui.tasks import TaskRunner

        if self.view is None:
            return None
        self.saver.flush()
        dialog = InterviewDialog(self.workspace, TaskRunner(self), self.view.id, self)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def _build_detail(self, evidence_factory: Callable[[QWidget], QWidget] | None) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        column = QVBoxLayout(body)
        self.item_title = QLabel()
        self.item_title.setWordWrap(True)
        self.item_title.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.item_section = QLabel()
        self.item_section.setWordWrap(True)
        self.item_section.setStyleSheet("color: #555;")
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-size: 15px;")
        self.flag = QLabel()
        self.flag.setWordWrap(True)
        self.flag.setStyleSheet(
            "background: #fff4e5; color: #8a4b00; padding: 6px; border-radius: 4px;"
        )
        self.flag.hide()
        column.addWidget(self.item_section)
        column.addWidget(self.item_title)
        column.addWidget(self.question)
        column.addWidget(self.flag)

        buttons = QHBoxLayout()
        self.result_group = QButtonGroup(self)
        self.result_group.setExclusive(True)
        self.result_buttons: dict[Result, QPushButton] = {}
        for number, result in enumerate(
            (Result.OK, Result.PROBLEM, Result.NOT_APPLICABLE, Result.UNCHECKED), start=1
        ):
            button = QPushButton(f"{result_name(result)}  [{number}]")
            button.setCheckable(True)
            button.setMinimumHeight(52)
            color = RESULT_COLORS[result]
            button.setStyleSheet(
                f"QPushButton {{ font-size: 15px; }}"
                f"QPushButton:checked {{ background: {color}; color: white; font-weight: bold; }}"
            )
            button.setToolTip(arg(self.tr("快捷键 Ctrl+%1"), number))
            button.clicked.connect(lambda _=False, r=result: self.set_result(r))
            self.result_group.addButton(button)
            self.result_buttons[result] = button
            buttons.addWidget(button)
        column.addLayout(buttons)

        form = QFormLayout()
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("情况说明：看到了什么、在哪里、涉及哪些病历或票据"))
        self.note.setMinimumHeight(80)
        self.note.setMaximumHeight(150)
        # Undo belongs to the page's stack (Ctrl+Z restores the saved note too).
        self.note.setUndoRedoEnabled(False)
        # The text field claims Ctrl+Z/Ctrl+Y for itself (ShortcutOverride) even with its own
        # undo off, so the page's shortcuts never fired while typing: let them through.
        self.note.installEventFilter(self)
        self.note.textChanged.connect(self._on_note)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("如 12345.60"))
        self.amount.setMinimumHeight(34)
        self.amount.textEdited.connect(self._on_amount)
        self.amount_error = QLabel()
        self.amount_error.setStyleSheet("color: #b3261e;")
        self.amount_error.hide()
        self.violation = QComboBox()
        self.violation.setMinimumHeight(34)
        self.violation.currentIndexChanged.connect(self._on_violation)
        form.addRow(self.tr("情况说明"), self.note)
        # A finding states an amount or, explicitly, none (inspector/record/legal.py).
        self.no_amount = QCheckBox(self.tr("不涉及金额"))
        self.no_amount.toggled.connect(self._on_no_amount)
        amount_row = QVBoxLayout()
        amount_line = QHBoxLayout()
        amount_line.addWidget(self.amount, 1)
        amount_line.addWidget(self.no_amount)
        amount_row.addLayout(amount_line)
        amount_row.addWidget(self.amount_error)
        form.addRow(self.tr("涉及金额（元）"), amount_row)
        form.addRow(self.tr("违规类别"), self.violation)
        # ... and has evidence, or the reason it has none.
        self.no_evidence_reason = QLineEdit()
        self.no_evidence_reason.setPlaceholderText(
            self.tr("没有照片或书证时，写明原因（如 当事人拒绝提供）")
        )
        self.no_evidence_reason.setMinimumHeight(34)
        self.no_evidence_reason.textEdited.connect(self._on_no_evidence_reason)
        form.addRow(self.tr("无证据原因"), self.no_evidence_reason)
        column.addLayout(form)

        self.drugs = DrugListBox(self.workspace, self.saver, body)
        column.addWidget(self.drugs)
        # P6.5 and the 附件1 items: the 进销存 reconciliation, whose table goes on P6.5.
        self.stock_button = QPushButton(self.tr("进销存核对…"))
        self.stock_button.setMinimumHeight(36)
        self.stock_button.clicked.connect(lambda: self.stock_requested.emit(self.inspection_id))
        self.stock_button.hide()
        self.trace_button = QPushButton(self.tr("追溯码扫码核查…"))
        self.trace_button.setMinimumHeight(36)
        self.trace_button.clicked.connect(lambda: self.trace_requested.emit(self.inspection_id))
        self.trace_button.hide()
        tools = QHBoxLayout()
        tools.addWidget(self.stock_button)
        tools.addWidget(self.trace_button)
        tools.addStretch(1)
        column.addLayout(tools)

        self.evidence: QWidget | None = None
        if evidence_factory is not None:
            self.evidence = evidence_factory(body)
            column.addWidget(self.evidence)

        guidance_box = QGroupBox(self.tr("如何检查"))
        guidance_layout = QVBoxLayout(guidance_box)
        self.guidance = QLabel()
        self.guidance.setWordWrap(True)
        self.guidance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sources = QLabel()
        self.sources.setWordWrap(True)
        self.sources.setStyleSheet("color: #555;")
        guidance_layout.addWidget(self.guidance)
        guidance_layout.addWidget(self.sources)
        column.addWidget(guidance_box)
        column.addStretch(1)
        scroll.setWidget(body)
        return scroll

    def _build_shortcuts(self) -> None:
        def add(sequence: QKeySequence | str, slot: Callable[[], object]) -> None:
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        for number, result in enumerate(
            (Result.OK, Result.PROBLEM, Result.NOT_APPLICABLE, Result.UNCHECKED), start=1
        ):
            add(f"Ctrl+{number}", lambda r=result: self.set_result(r))
        add("Alt+Down", self.next_item)
        add("Ctrl+PgDown", self.next_item)
        add("Alt+Up", self.previous_item)
        add("Ctrl+PgUp", self.previous_item)
        add("F8", self.next_unchecked)
        add(QKeySequence.StandardKey.Undo, self.undo_stack.undo)
        add(QKeySequence.StandardKey.Redo, self.undo_stack.redo)
        # Redo is Ctrl+Shift+Z on Linux desktops and Ctrl+Y on Windows: the table of keys (and
        # the teams' habits) say Ctrl+Y, so it is bound everywhere.
        if QKeySequence("Ctrl+Y") not in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo):
            add("Ctrl+Y", self.undo_stack.redo)

    # --- loading -----------------------------------------------------------------------

    @property
    def inspection_id(self) -> str:
        assert self.view is not None
        return self.view.id

    def load(
        self,
        inspection_id: str,
        at: str | None = None,
        failure: Callable[[str], None] | None = None,
    ) -> None:
        """Show an inspection, on item ``at`` or else where the team last was. It is read on the
        database executor (behind the answers still being saved, so they are in it); the page
        shows it when it arrives and then emits ``loaded``. ``failure`` gets the message if it
        cannot be read (by default it is shown)."""
        ws = self.workspace
        self._loads += 1
        asked = self._loads

        def read() -> tuple[InspectionView, list[DrugCheckView], str | None]:
            # One job, one trip to the database thread: the page, its 附件1 lists, the position.
            view = get_inspection(ws, inspection_id)
            return view, drug_checks(ws, inspection_id), ws.db.setting(position_key(view.id))

        def arrived(found: tuple[InspectionView, list[DrugCheckView], str | None]) -> None:
            if asked != self._loads:
                return  # asked for again meanwhile (another inspection, a double click): the
                # newest read follows, and only it is shown
            view, checks, kept = found
            self._show_view(view, checks, at or kept)
            self.loaded.emit(inspection_id)

        def failed(message: str) -> None:
            if failure is not None:
                failure(message)
            else:
                QMessageBox.warning(self, self.tr("无法打开检查"), message)

        ops().query(read, parent=self, success=arrived, failure=failed)

    def _show_view(
        self, view: InspectionView, checks: list[DrugCheckView], start: str | None
    ) -> None:
        """Fill the page from what was read on the executor and select ``start``."""
        self.view = view
        self.drugs.load(view, checks)
        self.undo_stack.clear()
        self.items = {item.code: item for item in view.checklist.items}
        self.states = {code: view.answers.get(code) for code in self.items}
        self.tree.clear()
        self.tree_items = {}
        numbers = view.checklist.section_numbers()
        for section in view.checklist.sections:
            # The number the record prints: a point keeps the seed's number.
            label = f"{numbers[section.code]}. {section.title}"
            group = QTreeWidgetItem([label, ""])
            group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            group.setFirstColumnSpanned(True)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.tree.addTopLevelItem(group)
            for item in section.items:
                star = " ★" if item.priority else ""
                child = QTreeWidgetItem([f"{item.code}  {item.title}{star}", ""])
                child.setData(0, Qt.ItemDataRole.UserRole, item.code)
                group.addChild(child)
                self.tree_items[item.code] = child
                self._paint_tree_item(item.code)
        self.tree.expandAll()
        # The result column as wide as the longest result name in this language ("Problem
        # found" was cut to "Problem fou…" when sized to the names shown at load); the titles
        # take the rest.
        metrics = self.tree.fontMetrics()
        widest = max(metrics.horizontalAdvance(result_name(r)) for r in Result) + 24
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.tree.setColumnWidth(1, widest)
        place = view.institution_name
        kind = view.institution_type_name
        self.title.setText(place)
        leader = view.leader
        self.subtitle.setText(
            f"{kind} · {view.district} · {view.mode_name} · {status_name(view.status)}"
            + (" · " + arg(self.tr("组长 %1"), leader[0]) if leader else "")
        )
        self._apply_editable()
        self._update_progress()
        self.saved_label.setText("")
        if start not in self.items:
            start = next(iter(self.items), None)
        if start is not None:
            self.select(start)

    def _apply_editable(self) -> None:
        assert self.view is not None
        editable = self.view.status in (InspectionStatus.DRAFT, InspectionStatus.IN_PROGRESS)
        for widget in (*self.result_buttons.values(), self.note, self.amount, self.violation):
            widget.setEnabled(editable)
        self.note.setReadOnly(not editable)
        self.finish_button.setText(self.tr("完成现场检查") if editable else self.tr("重新打开检查"))
        self.finish_button.setEnabled(
            editable or self.view.status is InspectionStatus.AWAITING_SIGNATURES
        )
        if editable:
            self._enable_problem_fields()

    @property
    def editable(self) -> bool:
        return self.view is not None and self.view.status in (
            InspectionStatus.DRAFT,
            InspectionStatus.IN_PROGRESS,
        )

    # --- navigation --------------------------------------------------------------------

    def select(self, code: str) -> None:
        self.tree.setCurrentItem(self.tree_items[code])

    def _codes(self) -> list[str]:
        return list(self.items)

    def next_item(self) -> None:
        codes = self._codes()
        if self.current in codes and codes.index(self.current) + 1 < len(codes):
            self.select(codes[codes.index(self.current) + 1])

    def previous_item(self) -> None:
        codes = self._codes()
        if self.current in codes and codes.index(self.current) > 0:
            self.select(codes[codes.index(self.current) - 1])

    def next_unchecked(self) -> None:
        codes = self._codes()
        start = codes.index(self.current) + 1 if self.current in codes else 0
        for code in codes[start:] + codes[:start]:
            state = self.states.get(code)
            if state is None or state.result is Result.UNCHECKED:
                self.select(code)
                return

    def _on_tree_current(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        code = item.data(0, Qt.ItemDataRole.UserRole)
        if not code:  # a section heading: go to its first item
            if item.childCount():
                self.tree.setCurrentItem(item.child(0))
            return
        self.current = code
        self._show_item(code)
        view = self.view
        if view is not None:
            self.saver.submit(
                "position",
                lambda: self.workspace.db.set_setting(position_key(view.id), code),
                OpChanges(),  # the UI's own state: nothing shown changes
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        note = getattr(self, "note", None)  # the tree's filter is installed before the note
        if watched is note and event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
                or event.keyCombination().toCombined() == QKeySequence("Ctrl+Y")[0].toCombined()
            ):
                event.ignore()
                return True
        # Plain 1-4 set the result while the list has the focus (no text is being typed).
        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() == Qt.KeyboardModifier.NoModifier and event.key() in RESULT_KEYS:
                self.set_result(RESULT_KEYS[Qt.Key(event.key())])
                return True
        return super().eventFilter(watched, event)

    # --- showing one item --------------------------------------------------------------

    def _show_item(self, code: str) -> None:
        item = self.items[code]
        state = self.states.get(code)
        self._loading = True
        try:
            section = next(s for s in self.view.checklist.sections if s.code == item.section)  # type: ignore[union-attr]
            point = arg(self.tr("检查要点 %1："), section.point)
            self.item_section.setText((point if section.point else "") + section.title)
            star = "  ★ " + self.tr("该类机构的检查重点") if item.priority else ""
            self.item_title.setText(f"{item.code}  {item.title}{star}")
            self.question.setText(item.question)
            result = state.result if state else Result.UNCHECKED
            self.result_buttons[result].setChecked(True)
            self.note.setPlainText(state.note if state else "")
            self.amount.setText(plain_amount(state.amount_fen) if state else "")
            self.amount_error.hide()
            self.no_amount.setChecked(bool(state and state.no_amount))
            self.no_evidence_reason.setText((state.no_evidence_reason or "") if state else "")
            self.violation.clear()
            self.violation.addItem(self.tr("（未选择）"), None)
            library = self.workspace.library
            # Only the categories an institution of this type can commit (a pharmacy's are not
            # offered for a hospital), each by its name.
            offered = library.violations_for(item.violations, self.view.institution_type)  # type: ignore[union-attr]
            stored = state.violation_code if state else None
            if stored and stored not in offered:
                offered.append(stored)  # chosen before: shown as it is, not dropped unseen
            for violation in offered:
                self.violation.addItem(library.violation_label(violation), violation)
            chosen = self.violation.findData(state.violation_code if state else None)
            self.violation.setCurrentIndex(max(chosen, 0))
            origin = self.tr("（本工具的检查建议）") if item.guidance_origin == "tool" else ""
            self.guidance.setText(user_wording(item.guidance) + origin)
            sources = "；".join(
                f"{source_label(s.seed, s.clause)}：“{s.quote}”" for s in item.sources
            )
            note = f"<br/>{user_wording(item.applies_note)}" if item.applies_note else ""
            self.sources.setText(arg(self.tr("依据：%1"), sources) + note)
            self._show_flag(item)
            self.drugs.show_item(item, self.editable)
            self.stock_button.setVisible(item.code == STOCK_ITEM or bool(item.reference))
            self.stock_button.setEnabled(self.editable)
            self.trace_button.setVisible(item.code == STOCK_ITEM)
            self.trace_button.setEnabled(self.editable)
            self._enable_problem_fields()
            if self.evidence is not None and hasattr(self.evidence, "set_target"):
                self.evidence.set_target(self.inspection_id, code)
        finally:
            self._loading = False

    def _show_flag(self, item: ComposedItem) -> None:
        message = self.flag_for(item)
        self.flag.setText(message or "")
        self.flag.setVisible(bool(message))

    def flag_for(self, item: ComposedItem) -> str | None:
        """What is known before looking, e.g. an expired agreement against point 1."""
        view = self.view
        if view is None or item.section != "P1":
            return None
        check = agreement_status(view, view.created_at.astimezone().date())
        return check.message if check.flagged else None

    def _enable_problem_fields(self) -> None:
        state = self.states.get(self.current or "")
        problem = state is not None and state.result is Result.PROBLEM
        enabled = problem and self.editable
        self.amount.setEnabled(enabled and not self.no_amount.isChecked())
        self.no_amount.setEnabled(enabled)
        self.violation.setEnabled(enabled)
        self.no_evidence_reason.setEnabled(enabled)

    # --- changing answers --------------------------------------------------------------

    def _state(self, code: str) -> AnswerView:
        state = self.states.get(code)
        if state is not None:
            return state
        now = datetime.now().astimezone()
        return AnswerView(code, Result.UNCHECKED, "", None, None, now)

    def _push(self, code: str, after: AnswerView, merge_id: int = -1) -> None:
        if not self.editable:
            return
        before = self.states.get(code)
        if before is not None and (
            before.result,
            before.note,
            before.amount_fen,
            before.violation_code,
            before.no_amount,
            before.no_evidence_reason,
        ) == (
            after.result,
            after.note,
            after.amount_fen,
            after.violation_code,
            after.no_amount,
            after.no_evidence_reason,
        ):
            return
        self.undo_stack.push(AnswerEdit(self, code, before, after, merge_id))

    def set_result(self, result: Result) -> None:
        if self.current is None or not self.editable:
            return
        self._push(self.current, replace(self._state(self.current), result=result))

    def _on_note(self) -> None:
        if self._loading or self.current is None:
            return
        after = replace(self._state(self.current), note=self.note.toPlainText())
        self._push(self.current, after, NOTE_EDIT)

    def _on_amount(self, text: str) -> None:
        if self._loading or self.current is None:
            return
        try:
            fen = parse_amount(text)
        except InspectorError as error:
            self.amount_error.setText(core_message(error))
            self.amount_error.show()
            self.amount.setStyleSheet("border: 1px solid #b3261e;")
            return
        self.amount_error.hide()
        self.amount.setStyleSheet("")
        after = replace(self._state(self.current), amount_fen=fen)
        if fen is not None:
            after = replace(after, no_amount=False)
        self._push(self.current, after, AMOUNT_EDIT)

    def _on_no_amount(self, checked: bool) -> None:
        if self._loading or self.current is None:
            return
        # 不涉及金额 replaces an amount typed (the core refuses both at once).
        after = replace(self._state(self.current), no_amount=checked)
        if checked:
            after = replace(after, amount_fen=None)
            self.amount.clear()
        self.amount.setEnabled(not checked and self.editable)
        self._push(self.current, after)

    def _on_no_evidence_reason(self, text: str) -> None:
        if self._loading or self.current is None:
            return
        after = replace(self._state(self.current), no_evidence_reason=text.strip() or None)
        self._push(self.current, after, REASON_EDIT)

    def _on_violation(self, _index: int) -> None:
        if self._loading or self.current is None:
            return
        code = self.violation.currentData()
        self._push(self.current, replace(self._state(self.current), violation_code=code))

    def apply_state(self, code: str, state: AnswerView | None, refresh_fields: bool = True) -> None:
        """Make ``state`` the item's answer: on disk through the saver, and on screen (the
        text fields only when the change did not come from them)."""
        self.states[code] = state
        view = self.view
        assert view is not None
        self.saver.submit(
            f"answer:{code}",
            lambda: save_answer(
                self.workspace,
                view.id,
                code,
                None if state is None else state.result,
                note=None if state is None else state.note,
                amount_fen=None if state is None else state.amount_fen,
                violation=None if state is None else (state.violation_code or ""),
                no_amount=None if state is None else state.no_amount,
                no_evidence_reason=None if state is None else (state.no_evidence_reason or ""),
            ),
        )
        self._paint_tree_item(code)
        self._update_progress()
        if code == self.current:
            if refresh_fields:
                self._show_item(code)
            else:
                result = state.result if state else Result.UNCHECKED
                self.result_buttons[result].setChecked(True)
                self._enable_problem_fields()
        elif code in self.tree_items:
            self.select(code)  # undo of another item's change shows that item
        self.changed.emit()

    # --- status ------------------------------------------------------------------------

    def _paint_tree_item(self, code: str) -> None:
        state = self.states.get(code)
        result = state.result if state else Result.UNCHECKED
        tree_item = self.tree_items[code]
        tree_item.setText(1, result_name(result))
        tree_item.setForeground(1, QColor(RESULT_COLORS[result]))

    def _update_progress(self) -> None:
        states = [s for s in self.states.values() if s is not None]
        total = len(self.items)
        checked = sum(1 for s in states if s.result is not Result.UNCHECKED)
        problems = [s for s in states if s.result is Result.PROBLEM]
        amount = sum(s.amount_fen or 0 for s in problems)
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(checked)
        self.progress_label.setText(
            arg(
                self.tr("已检查 %1/%2 · 发现问题 %3 · 涉及金额 %4"),
                checked,
                total,
                len(problems),
                money(amount) or money(0),
            )
        )

    def _on_saved(self, key: str, when: datetime) -> None:
        if not self.saver.pending:
            self.saved_label.setStyleSheet("color: #1e7d32;")
            self.saved_label.setText(arg(self.tr("✓ 已保存 %1"), when.strftime("%H:%M:%S")))

    def _on_busy(self, busy: bool) -> None:
        if busy:
            self.saved_label.setStyleSheet("color: #6b6b6b;")
            self.saved_label.setText(self.tr("正在保存…"))

    def _on_failed(self, key: str, message: str) -> None:
        self.saved_label.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.saved_label.setText(self.tr("保存失败"))
        self.saved_label.setToolTip(message)
        QMessageBox.warning(self, self.tr("保存失败"), message)

    def _finish(self) -> None:
        view = self.view
        if view is None:
            return
        self.saver.flush()
        if self.editable:
            unchecked = sum(
                1 for s in self.states.values() if s is None or s.result is Result.UNCHECKED
            )
            question = self.tr("结束现场检查后，答案将不能再修改（可重新打开）。")
            if unchecked:
                question += "\n" + self.tr("还有 %n 项未检查。", "", unchecked)
            answer = QMessageBox.question(self, self.tr("完成现场检查"), question)
            if answer != QMessageBox.StandardButton.Yes:
                return
            step = finish_inspection
        else:
            step = reopen_inspection
        current = self.current

        def done(_result: object) -> None:
            self.load(view.id, at=current)
            self.changed.emit()

        ws = self.workspace
        ops().mutate(
            lambda: step(ws, view.id),
            OpChanges(inspection=True).about(view.id),
            parent=self,
            success=done,
            failure=lambda message: QMessageBox.warning(self, self.tr("无法完成"), message),
        )
