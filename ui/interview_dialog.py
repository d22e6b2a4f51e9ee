"""Interview records (询问笔录) in the app: the inspection's interviews, the interviewee and the
recorder (记录人), questions and answers in order, editable until the interview record is
signed digitally; the PDF is made through the task runner like the inspection record."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.db.models import MemberRole
from inspector.inspections import get_inspection
from inspector.record.build import build_interview_record
from inspector.record.content import (
    InterviewView,
    add_question,
    edit_question,
    get_interview,
    get_interviews,
    new_interview,
    update_interview,
)
from inspector.workspace import Workspace
from ui.ops import OpChanges, Pending, ops
from ui.tasks import TaskRunner

QUESTION, ANSWER = range(2)


class InterviewDialog(QDialog):
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
        self.current: InterviewView | None = None
        self._loading = False
        self._asked = 0  # the newest read of the list or an interview; older answers dropped
        self.setWindowTitle(self.tr("询问笔录"))
        self.resize(1100, 680)

        layout = QHBoxLayout(self)
        side = QVBoxLayout()
        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._on_current)
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("被询问人姓名"))
        self.new_button = QPushButton(self.tr("新建询问笔录"))
        self.new_button.clicked.connect(self.create)
        side.addWidget(QLabel(self.tr("本检查的询问笔录")))
        side.addWidget(self.list, 1)
        side.addWidget(self.new_name)
        side.addWidget(self.new_button)
        layout.addLayout(side, 1)

        body = QVBoxLayout()
        form = QFormLayout()
        self.name = QLineEdit()
        self.role = QLineEdit()
        self.role.setPlaceholderText(self.tr("如 医生、护士长、患者家属"))
        self.id_no = QLineEdit()
        self.place = QLineEdit()
        self.recorder = QComboBox()
        self.recorder.addItem(self.tr("（未指定）"), "")  # the team added when it is read
        self.save_button = QPushButton(self.tr("保存被询问人和记录人"))
        self.save_button.clicked.connect(self.save_particulars)
        form.addRow(self.tr("被询问人"), self.name)
        form.addRow(self.tr("身份"), self.role)
        form.addRow(self.tr("身份证件号码"), self.id_no)
        form.addRow(self.tr("询问地点"), self.place)
        form.addRow(self.tr("记录人"), self.recorder)
        form.addRow("", self.save_button)
        body.addLayout(form)

        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("问"), self.tr("答")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.cellChanged.connect(self._on_cell)
        body.addWidget(QLabel(self.tr("问答（双击修改；清空问题即删去这一问）")))
        body.addWidget(self.table, 1)
        self.question = QLineEdit()
        self.question.setPlaceholderText(self.tr("问"))
        self.answer = QPlainTextEdit()
        self.answer.setPlaceholderText(self.tr("答（照录被询问人的回答）"))
        self.answer.setMaximumHeight(90)
        self.ask_button = QPushButton(self.tr("记录这一问答"))
        self.ask_button.clicked.connect(self.ask)
        body.addWidget(self.question)
        body.addWidget(self.answer)
        body.addWidget(self.ask_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        body.addWidget(self.status)
        buttons = QHBoxLayout()
        self.build_button = QPushButton(self.tr("生成询问笔录 PDF"))
        self.build_button.clicked.connect(self.build)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        buttons.addWidget(self.build_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        body.addLayout(buttons)
        layout.addLayout(body, 3)
        self._editable(False)  # until the interview shown is read
        self.build_button.setEnabled(False)
        ws = workspace
        ops().query(lambda: get_inspection(ws, inspection_id).team, parent=self, success=self._team)
        self.reload()

    def _team(self, team: list[tuple[str, str, MemberRole]]) -> None:
        for name, cert, _role in team:
            self.recorder.addItem(f"{name} {cert}", cert)

    # --- state -------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        """Reads the interviews and the one to show (``select``, else the one shown, else the
        first) on the database executor, then shows them."""
        keep = select or (self.current.id if self.current else None)
        ws, inspection_id = self.workspace, self.inspection_id
        self._asked += 1
        asked = self._asked

        def read() -> tuple[list[InterviewView], InterviewView | None]:
            interviews = get_interviews(ws, inspection_id)
            ids = [interview.id for interview in interviews]
            chosen = keep if keep in ids else (ids[0] if ids else None)
            return interviews, get_interview(ws, chosen) if chosen else None

        def show(found: tuple[list[InterviewView], InterviewView | None]) -> None:
            if asked == self._asked:
                self._show_list(*found)

        ops().query(read, parent=self, success=show)

    def _show_list(self, interviews: list[InterviewView], current: InterviewView | None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for interview in interviews:
            label = interview.interviewee_name + (
                f"（{interview.interviewee_role}）" if interview.interviewee_role else ""
            )
            if interview.signed:
                label += self.tr(" · 已签名")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, interview.id)
            self.list.addItem(item)
            if current is not None and interview.id == current.id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._show(current)

    def _on_current(self, item: QListWidgetItem | None, _previous: object) -> None:
        """Another interview chosen: read on the database executor, then shown."""
        interview_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self._asked += 1
        if interview_id is None:
            self._show(None)
            return
        asked, ws = self._asked, self.workspace

        def show(current: InterviewView) -> None:
            if asked == self._asked:
                self._show(current)

        ops().query(lambda: get_interview(ws, interview_id), parent=self, success=show)

    def _show(self, current: InterviewView | None) -> None:
        self.current = current
        editable = current is not None and not current.signed
        self._loading = True
        try:
            self.name.setText(current.interviewee_name if current else "")
            self.role.setText((current.interviewee_role or "") if current else "")
            self.id_no.setText((current.interviewee_id_no or "") if current else "")
            self.place.setText((current.place or "") if current else "")
            cert = (current.recorder_cert_no or "") if current else ""
            self.recorder.setCurrentIndex(max(self.recorder.findData(cert), 0))
            questions = current.questions if current else []
            self.table.setRowCount(len(questions))
            for row, pair in enumerate(questions):
                for column, key in ((QUESTION, "q"), (ANSWER, "a")):
                    cell = QTableWidgetItem(pair.get(key, ""))
                    if not editable:
                        cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.table.setItem(row, column, cell)
            self.table.resizeRowsToContents()
        finally:
            self._loading = False
        self._editable(editable)
        self.build_button.setEnabled(current is not None)
        if current is None:
            self.status.setText(self.tr("还没有询问笔录：填写被询问人姓名后新建。"))
        elif current.signed:
            self.status.setText(self.tr("已数字签名：不能再修改。"))
        else:
            self.status.setText(self.tr("数字签名前可以修改；被询问人核对后签名。"))

    def _editable(self, editable: bool) -> None:
        for widget in (
            self.name,
            self.role,
            self.id_no,
            self.place,
            self.recorder,
            self.save_button,
            self.question,
            self.answer,
            self.ask_button,
        ):
            widget.setEnabled(editable)

    # --- actions -------------------------------------------------------------------------

    def _try(
        self,
        action: Callable[[], Any],
        then: Callable[[Any], None] | None = None,
        *,
        after: Callable[[], None] | None = None,
    ) -> Pending:
        """Run ``action`` as an operation, then ``then(result)`` (``after()`` either way); the
        outcome is returned where already known (see ui/ops ``Pending``)."""

        def done(result: Any) -> None:
            self.changed.emit()
            if then is not None:
                then(result)
            if after is not None:
                after()

        def failed(message: str) -> None:
            QMessageBox.warning(self, self.tr("未保存"), message)
            if after is not None:
                after()

        return ops().mutate(
            action,
            OpChanges(record=True).about(self.inspection_id),
            parent=self,
            success=done,
            failure=failed,
        )

    def create(self) -> str | None:
        ws, inspection_id = self.workspace, self.inspection_id
        name, recorder = self.new_name.text(), self.recorder.currentData() or None

        def then(made: str) -> None:
            self.new_name.clear()
            self.reload(made)

        pending = self._try(lambda: new_interview(ws, inspection_id, name, recorder=recorder), then)
        return pending.result if pending else None

    def save_particulars(self) -> bool:
        current = self.current
        if current is None:
            return False
        ws = self.workspace
        values = dict(
            interviewee_name=self.name.text(),
            role=self.role.text(),
            id_no=self.id_no.text(),
            place=self.place.text(),
            recorder=self.recorder.currentData() or "",
        )
        saved = self._try(
            lambda: update_interview(ws, current.id, **values),  # type: ignore[arg-type]
            after=self.reload,
        )
        return bool(saved)

    def ask(self) -> bool:
        current = self.current
        if current is None:
            return False
        question, answer = self.question.text(), self.answer.toPlainText()
        ws = self.workspace

        def then(_result: object) -> None:
            self.question.clear()
            self.answer.clear()
            self.reload()

        return bool(self._try(lambda: add_question(ws, current.id, question, answer), then))

    def _on_cell(self, row: int, _column: int) -> None:
        current = self.current
        if self._loading or current is None:
            return
        cells = [self.table.item(row, c) for c in (QUESTION, ANSWER)]
        question, answer = (c.text() if c is not None else "" for c in cells)
        ws = self.workspace
        self._try(
            lambda: edit_question(ws, current.id, row + 1, question, answer),
            after=self.reload,
        )

    def build(self) -> None:
        current = self.current
        if current is None:
            return
        self.runner.run(
            lambda _reporter: build_interview_record(self.workspace, current.id),
            on_success=lambda _result: self.status.setText(self.tr("已生成询问笔录。")),
            changes=OpChanges(record=True).about(self.inspection_id),
            on_failure=lambda message: QMessageBox.warning(self, self.tr("无法生成"), message),
            progress_parent=self,
            label=self.tr("正在生成询问笔录…"),
        )
