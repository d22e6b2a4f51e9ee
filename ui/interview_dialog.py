"""Interview records (询问笔录) in the app: the inspection's interviews, the interviewee and the
recorder (记录人), questions and answers in order, editable until the interview record is
signed digitally; the PDF is made through the task runner like the inspection record."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
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
    add_signature,
    edit_question,
    get_interview,
    get_interviews,
    new_interview,
    update_interview,
)
from inspector.record.interview import (
    interview_problems,
    record_credentials_shown,
    record_rights_told,
    set_confirmation,
    set_interviewers,
)
from inspector.record.interview_rules import RIGHTS
from inspector.record.signing import missing_handwritten, sign_record
from inspector.record.status import RecordView, latest_record
from inspector.signing.keystore import KeyStore
from inspector.workspace import Workspace
from ui.errors import arg
from ui.ops import OpChanges, Pending, ops
from ui.record_preview import RecordPreview
from ui.signature_pad import SignaturePad
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
        self.relation = QLineEdit()
        self.relation.setPlaceholderText(self.tr("如 本单位职工、参保人员"))
        form.addRow(self.tr("记录人"), self.recorder)
        form.addRow(self.tr("与被检查单位的关系"), self.relation)
        form.addRow("", self.save_button)
        body.addLayout(form)

        # 询问人 (at least two 执法人员, none recused), 执法证件 shown, rights told and the
        # interviewee's confirmation: each captured here, each printed only as captured.
        legal = QFormLayout()
        self.interviewers = QListWidget()
        self.interviewers.setMaximumHeight(70)
        self.interviewers_button = QPushButton(self.tr("选定询问人"))
        self.interviewers_button.clicked.connect(self.save_interviewers)
        legal.addRow(self.tr("询问人"), self.interviewers)
        legal.addRow("", self.interviewers_button)
        self.shown_by = QComboBox()
        self.shown_button = QPushButton(self.tr("已出示执法证件"))
        self.shown_button.clicked.connect(self.save_credentials)
        shown = QHBoxLayout()
        shown.addWidget(self.shown_by, 1)
        shown.addWidget(self.shown_button)
        legal.addRow(self.tr("出示执法证件"), shown)
        # Each right told with its own reply: an answer to the 回避 notice is not printed under
        # the duty to answer truthfully.
        self.rights = {code: QCheckBox(text) for code, text in RIGHTS.items()}
        self.replies = {code: QLineEdit() for code in RIGHTS}
        self.replies["recusal"].setPlaceholderText(self.tr("答复，如 不申请回避"))
        for code in ("truthful", "read_correct"):
            self.replies[code].setPlaceholderText(self.tr("答复（如有）"))
        self.rights_button = QPushButton(self.tr("记录告知"))
        self.rights_button.clicked.connect(self.save_rights)
        told = QVBoxLayout()
        for code, box in self.rights.items():
            row = QHBoxLayout()
            row.addWidget(box)
            row.addWidget(self.replies[code], 1)
            told.addLayout(row)
        told.addWidget(self.rights_button)
        legal.addRow(self.tr("告知事项"), told)
        self.confirmation = QLineEdit()
        self.confirmation.setPlaceholderText(
            self.tr("照录被询问人的原话，如 以上笔录我已看过，与我所说的一致")
        )
        self.confirm_button = QPushButton(self.tr("记录确认意见"))
        self.confirm_button.clicked.connect(self.save_confirmation)
        # Or the interviewee writes it on the pad, printed as written.
        self.write_button = QPushButton(self.tr("手写确认…"))
        self.write_button.clicked.connect(self.write_confirmation)
        self.handwriting = QLabel()  # the handwritten confirmation kept, if any
        confirm = QHBoxLayout()
        confirm.addWidget(self.confirmation, 1)
        confirm.addWidget(self.handwriting)
        confirm.addWidget(self.confirm_button)
        confirm.addWidget(self.write_button)
        legal.addRow(self.tr("被询问人确认"), confirm)
        body.addLayout(legal)

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
        self.record_button = QPushButton(self.tr("预览、打印、签名…"))
        self.record_button.clicked.connect(self.open_record)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        buttons.addWidget(self.build_button)
        buttons.addWidget(self.record_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        body.addLayout(buttons)
        layout.addLayout(body, 3)
        self._editable(False)  # until the interview shown is read
        self.build_button.setEnabled(False)
        self.record_button.setEnabled(False)
        self._team_members: list[tuple[str, str]] = []
        ws = workspace
        ops().query(lambda: get_inspection(ws, inspection_id).team, parent=self, success=self._team)
        self.reload()

    def _team(self, team: list[tuple[str, str, MemberRole]]) -> None:
        for name, cert, _role in team:
            self.recorder.addItem(f"{name} {cert}", cert)
        self._team_members = [(name, cert) for name, cert, _role in team]
        self._show_people(self.current)

    def _show_people(self, current: InterviewView | None) -> None:
        """The team as candidates for 询问人 (a recused member shown, not choosable), and the
        chosen ones as those who may show their 执法证件."""
        chosen = {cert for _name, cert in current.interviewers} if current else set()
        recused = current.recused if current else {}
        self.interviewers.clear()
        for name, cert in self._team_members:
            label = f"{name} {cert}"
            item = QListWidgetItem(label + (self.tr("（回避）") if cert in recused else ""))
            item.setData(Qt.ItemDataRole.UserRole, cert)
            flags = Qt.ItemFlag.ItemIsUserCheckable
            if cert not in recused:
                flags |= Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
            checked = cert in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.interviewers.addItem(item)
        self.shown_by.clear()
        for name, cert in current.interviewers if current else []:
            self.shown_by.addItem(f"{name} {cert}", cert)

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
            self.relation.setText((current.relation or "") if current else "")
            self.confirmation.setText((current.confirmation_text or "") if current else "")
            told = {code: reply for code, _at, reply in current.rights_told} if current else {}
            for code, box in self.rights.items():
                box.setChecked(code in told)
                self.replies[code].setText(told.get(code) or "")
            self._show_handwriting(current.confirmation_png if current else None)
            self._show_people(current)
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
        self.record_button.setEnabled(current is not None)
        if current is None:
            self.status.setText(self.tr("还没有询问笔录：填写被询问人姓名后新建。"))
        elif current.signed:
            self.status.setText(self.tr("已数字签名：不能再修改。"))
        else:
            missing = interview_problems(current)
            self.status.setText(
                arg(self.tr("签名前还需：%1"), "；".join(missing))
                if missing
                else self.tr("数字签名前可以修改；被询问人核对后签名。")
            )

    def _editable(self, editable: bool) -> None:
        for widget in (
            self.name,
            self.role,
            self.id_no,
            self.place,
            self.recorder,
            self.save_button,
            self.relation,
            self.interviewers,
            self.interviewers_button,
            self.shown_by,
            self.shown_button,
            *self.rights.values(),
            *self.replies.values(),
            self.rights_button,
            self.confirmation,
            self.confirm_button,
            self.write_button,
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
            relation=self.relation.text(),
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

    def save_interviewers(self) -> bool:
        current = self.current
        if current is None:
            return False
        items = [self.interviewers.item(row) for row in range(self.interviewers.count())]
        certs = [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item is not None and item.checkState() is Qt.CheckState.Checked
        ]
        ws = self.workspace
        return bool(self._try(lambda: set_interviewers(ws, current.id, certs), after=self.reload))

    def save_credentials(self) -> bool:
        current, cert = self.current, self.shown_by.currentData()
        if current is None or not cert:
            return False
        ws = self.workspace
        return bool(
            self._try(lambda: record_credentials_shown(ws, current.id, cert), after=self.reload)
        )

    def save_rights(self) -> bool:
        current = self.current
        if current is None:
            return False
        told = [code for code, box in self.rights.items() if box.isChecked()]
        replies = {code: self.replies[code].text() for code in told}
        ws = self.workspace
        return bool(
            self._try(lambda: record_rights_told(ws, current.id, told, replies), after=self.reload)
        )

    def save_confirmation(self) -> bool:
        """The confirmation as typed (照录); handwriting kept stays (changing the typed words
        does not drop what the interviewee wrote)."""
        current = self.current
        if current is None:
            return False
        return self._confirm(current, current.confirmation_strokes)

    def _confirm(self, current: InterviewView, strokes: list[Any] | None) -> bool:
        text, ws = self.confirmation.text(), self.workspace
        return bool(
            self._try(lambda: set_confirmation(ws, current.id, text, strokes), after=self.reload)
        )

    def write_confirmation(self) -> None:
        """The pad for the interviewee's own handwritten confirmation; saved when accepted."""
        current = self.current
        if current is None:
            return
        pad = ConfirmationPad(self)
        pad.accepted.connect(lambda: self._confirm(current, pad.strokes()))
        pad.open()
        self.confirmation_pad = pad

    def _show_handwriting(self, png: bytes | None) -> None:
        picture = QPixmap()
        if png:
            picture.loadFromData(png)
        self.handwriting.setPixmap(
            picture.scaledToHeight(28, Qt.TransformationMode.SmoothTransformation)
            if not picture.isNull()
            else QPixmap()
        )
        self.handwriting.setToolTip(self.tr("被询问人手写的确认意见") if png else "")

    def open_record(self) -> None:
        """The interview record as a document: preview, print, save, sign."""
        current = self.current
        if current is None:
            return
        dialog = InterviewRecordDialog(self.workspace, self.runner, current.id, self)
        dialog.changed.connect(self.changed)
        dialog.changed.connect(self.reload)
        dialog.open()
        self.record_dialog = dialog


class ConfirmationPad(QDialog):
    """The interviewee writes the closing confirmation in their own hand (e.g. 以上笔录我已看过，
    与我所说的一致) on the signing screen's pad, wide enough for a sentence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("被询问人手写确认意见"))
        self.resize(820, 380)
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "请被询问人核对笔录后，在下框内亲笔写下确认意见，如“以上笔录我已看过，与我所说的一致”。"
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.pad = SignaturePad()
        layout.addWidget(self.pad, 1)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("取消"))
        cancel.clicked.connect(self.reject)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)

    def strokes(self) -> list[Any]:
        return [[list(point) for point in stroke] for stroke in self.pad.strokes()]

    def save(self) -> None:
        if self.pad.is_empty():
            QMessageBox.information(self, self.windowTitle(), self.tr("请先在框内书写"))
            return
        self.accept()


class InterviewRecordDialog(QDialog):
    """One interview record (询问笔录): made again when its data changed, previewed, printed,
    saved, signed by hand (the interviewee, each 询问人 and the 记录人, or the interviewee's
    refusal before a witness) and digitally (its 询问人 and 记录人, the leader last), as the
    inspection record is."""

    changed = Signal()

    def __init__(
        self,
        workspace: Workspace,
        runner: TaskRunner,
        interview_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.interview_id = interview_id
        self.interview: InterviewView | None = None
        self.store = KeyStore.of(workspace)
        self.setWindowTitle(self.tr("询问笔录"))
        self.resize(1200, 760)
        layout = QHBoxLayout(self)
        self.preview = RecordPreview(workspace, self.tr("询问笔录"))
        layout.addWidget(self.preview, 3)
        side = QVBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setMinimumWidth(320)
        side.addWidget(self.status)
        self.build_button = QPushButton(self.tr("生成 / 更新笔录"))
        self.build_button.clicked.connect(self.build)
        side.addWidget(self.build_button)
        hand = QGroupBox(self.tr("手写签名（签在本笔录当前内容上，内容改动后须重签）"))
        hand_layout = QVBoxLayout(hand)
        self.signer = QComboBox()
        self.pad = SignaturePad()
        self.pad.setMinimumHeight(160)
        self.save_signature_button = QPushButton(self.tr("保存签名"))
        self.save_signature_button.clicked.connect(self.save_signature)
        hand_layout.addWidget(self.signer)
        hand_layout.addWidget(self.pad, 1)
        hand_layout.addWidget(self.save_signature_button)
        side.addWidget(hand, 1)
        digital = QGroupBox(self.tr("数字签名"))
        digital_form = QFormLayout(digital)
        self.key = QComboBox()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_button = QPushButton(self.tr("数字签名"))
        self.sign_button.clicked.connect(self.sign)
        digital_form.addRow(self.tr("密钥"), self.key)
        digital_form.addRow(self.tr("口令"), self.passphrase)
        digital_form.addRow("", self.sign_button)
        side.addWidget(digital)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        side.addWidget(close)
        layout.addLayout(side, 2)
        self.refresh()

    def refresh(self) -> None:
        """Read the interview, its newest record and what its signing still needs on the
        database executor, then show them."""
        ws, interview_id = self.workspace, self.interview_id

        def read() -> tuple[InterviewView, RecordView | None, list[str], list[Any]]:
            interview = get_interview(ws, interview_id)
            record = latest_record(ws, interview.inspection_id, interview.id)
            missing = interview_problems(interview) + missing_handwritten(
                ws, interview.inspection_id, interview.id
            )
            view = get_inspection(ws, interview.inspection_id)
            return interview, record, missing, view.team

        ops().query(
            read,
            parent=self,
            success=lambda found: self._show(*found),
            failure=lambda message: QMessageBox.warning(self, self.tr("询问笔录"), message),
        )

    def _show(
        self,
        interview: InterviewView,
        record: RecordView | None,
        missing: list[str],
        team: list[Any],
    ) -> None:
        self.interview = interview
        self.preview.show_record(record)
        self.signer.clear()
        self.signer.addItem(
            arg(self.tr("被询问人 %1"), interview.interviewee_name),
            ("interviewee", interview.interviewee_name, None),
        )
        names = {cert: name for name, cert, _role in team}
        for cert in interview.signers:
            self.signer.addItem(
                f"{names.get(cert, '')} {cert}", ("inspector", names.get(cert, ""), cert)
            )
        self.key.clear()
        for info in self.store.list_keys():
            if info.cert_no in interview.signers:
                self.key.addItem(f"{info.name} {info.cert_no}", info.key_id)
        lines = []
        if record is None:
            lines.append(self.tr("还没有生成笔录。"))
        else:
            lines.append(arg(self.tr("笔录编号 %1"), record.record_no or "—"))
            lines.append(
                self.tr("✓ 与当前数据一致")
                if record.current
                else self.tr("✗ 数据有变更，请重新生成")
            )
            if record.signatures:
                lines.append(
                    arg(
                        self.tr("已数字签名：%1"),
                        "、".join(s.inspector_name for s in record.signatures),
                    )
                )
        if missing:
            lines.append(arg(self.tr("签名前还需：%1"), "；".join(missing)))
        self.status.setText("\n".join(lines))
        self.build_button.setEnabled(not interview.signed)
        self.save_signature_button.setEnabled(not interview.signed)

    def _done(self, _result: object = None) -> None:
        self.pad.clear()
        self.refresh()
        self.changed.emit()

    def build(self) -> None:
        ws, interview_id = self.workspace, self.interview_id
        self.runner.run(
            lambda _reporter: build_interview_record(ws, interview_id),
            on_success=self._done,
            changes=OpChanges(record=True),
            on_failure=lambda message: QMessageBox.warning(self, self.tr("无法生成"), message),
            progress_parent=self,
            label=self.tr("正在生成询问笔录…"),
        )

    def save_signature(self) -> bool:
        interview = self.interview
        if interview is None:
            return False
        if self.pad.is_empty():
            QMessageBox.information(self, self.tr("签名"), self.tr("请先在签名框内签名"))
            return False
        strokes = [[list(point) for point in stroke] for stroke in self.pad.strokes()]
        role, name, cert = self.signer.currentData()
        ws = self.workspace
        return bool(
            ops().mutate(
                lambda: add_signature(
                    ws,
                    interview.inspection_id,
                    role,
                    name,
                    strokes,
                    cert_no=cert,
                    interview_id=interview.id,
                ),
                OpChanges(record=True).about(interview.inspection_id),
                parent=self,
                success=self._done,
                failure=lambda message: QMessageBox.warning(self, self.tr("未保存"), message),
            )
        )

    def sign(self) -> None:
        interview, key_id = self.interview, self.key.currentData()
        if interview is None:
            return
        if not key_id:
            QMessageBox.information(
                self, self.tr("数字签名"), self.tr("没有本笔录询问人或记录人的密钥")
            )
            return
        passphrase = self.passphrase.text()
        self.passphrase.clear()
        ws = self.workspace
        self.runner.run(
            lambda _reporter: sign_record(
                ws, interview.inspection_id, key_id, passphrase, interview_id=interview.id
            ),
            on_success=self._done,
            changes=OpChanges(record=True).about(interview.inspection_id),
            on_failure=lambda message: QMessageBox.warning(self, self.tr("未签名"), message),
            progress_parent=self,
            label=self.tr("正在签名…"),
        )
