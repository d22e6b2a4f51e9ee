"""证件与告知: what the law requires of the on-site record, captured as it happens (the core's
rules: inspector/record/legal.py; 行政处罚法 art. 42, 条例 art. 29). Each present member's
已出示证件 button stamps the time; a 暗访 stamps when the team disclosed itself; each notice is
stamped with who told it and the party's answer; the 记录人 and the party's identity (a unit's
统一社会信用代码, or a person's 身份证号 for 医师 and 参保人员); a member's 回避 with its reason.
What is still missing is listed: 完成现场检查 and 数字签名 refuse until it is empty."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.record.content import set_party_details
from inspector.record.legal import (
    LegalState,
    add_member,
    disclose,
    legal_state,
    recuse_member,
    show_certificate,
    tell,
)
from inspector.workspace import Workspace
from ui.errors import arg
from ui.ops import OpChanges, ops
from ui.tasks import TaskRunner


def _when(value: object) -> str:
    from datetime import datetime

    return value.astimezone().strftime("%m-%d %H:%M") if isinstance(value, datetime) else ""


class LegalDialog(QDialog):
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
        self.state: LegalState | None = None
        self.setWindowTitle(self.tr("证件与告知"))
        self.resize(760, 640)
        layout = QVBoxLayout(self)

        team = QGroupBox(self.tr("执法人员（至少两名，出示执法证件）"))
        team_layout = QVBoxLayout(team)
        self.team_grid = QGridLayout()
        team_layout.addLayout(self.team_grid)
        self.shown_buttons: dict[str, QPushButton] = {}
        self.recuse_buttons: dict[str, QPushButton] = {}
        add_row = QHBoxLayout()
        self.new_member = QLineEdit()
        self.new_member.setPlaceholderText(self.tr("姓名:执法证号"))
        self.add_member_button = QPushButton(self.tr("加入检查组"))
        self.add_member_button.clicked.connect(self.add_member)
        add_row.addWidget(self.new_member, 1)
        add_row.addWidget(self.add_member_button)
        team_layout.addLayout(add_row)
        self.disclosed = QLabel()
        self.disclose_button = QPushButton(self.tr("已亮明身份"))
        self.disclose_button.clicked.connect(self.disclose)
        disclosed_row = QHBoxLayout()
        disclosed_row.addWidget(self.disclosed, 1)
        disclosed_row.addWidget(self.disclose_button)
        team_layout.addLayout(disclosed_row)
        layout.addWidget(team)

        notices = QGroupBox(self.tr("告知事项"))
        grid = QGridLayout(notices)
        self.teller = QComboBox()
        grid.addWidget(QLabel(self.tr("告知人")), 0, 0)
        grid.addWidget(self.teller, 0, 1, 1, 3)
        titles = {
            "recusal": self.tr("申请回避的权利"),
            "duty": self.tr("配合检查的义务（条例第二十九条）"),
            "opinion": self.tr("对本记录提出意见的权利"),
        }
        self.replies: dict[str, QLineEdit] = {}
        self.told_labels: dict[str, QLabel] = {}
        self.tell_buttons: dict[str, QPushButton] = {}
        for row, (code, title) in enumerate(titles.items(), start=1):
            grid.addWidget(QLabel(title), row, 0)
            if code != "opinion":  # its answer is the party's opinion itself (签名页)
                reply = QLineEdit()
                reply.setPlaceholderText(
                    self.tr("被检查单位的答复，如 不申请回避")
                    if code == "recusal"
                    else self.tr("被检查单位的答复，如 配合")
                )
                self.replies[code] = reply
                grid.addWidget(reply, row, 1)
            told = QLabel()
            self.told_labels[code] = told
            grid.addWidget(told, row, 2)
            button = QPushButton(self.tr("已告知"))
            button.clicked.connect(self._teller_of(code))
            self.tell_buttons[code] = button
            grid.addWidget(button, row, 3)
        layout.addWidget(notices)

        party = QGroupBox(self.tr("记录人与被检查对象"))
        form = QFormLayout(party)
        self.recorder = QComboBox()
        self.identity_label = QLabel(self.tr("统一社会信用代码"))
        self.identity = QLineEdit()
        self.identity.setMaxLength(18)
        self.save_party_button = QPushButton(self.tr("保存"))
        self.save_party_button.clicked.connect(self.save_party)
        form.addRow(self.tr("记录人"), self.recorder)
        form.addRow(self.identity_label, self.identity)
        form.addRow("", self.save_party_button)
        layout.addWidget(party)

        self.missing = QLabel()
        self.missing.setWordWrap(True)
        layout.addWidget(self.missing)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    # --- state ---------------------------------------------------------------------------

    def refresh(self) -> None:
        ws, inspection_id = self.workspace, self.inspection_id
        ops().query(
            lambda: legal_state(ws, inspection_id),
            parent=self,
            success=self._show,
            failure=lambda message: QMessageBox.warning(self, self.tr("证件与告知"), message),
        )

    def _show(self, state: LegalState) -> None:
        self.state = state
        while self.team_grid.count():
            item = self.team_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.shown_buttons.clear()
        self.recuse_buttons.clear()
        present = [m for m in state.members if not m.recused]
        for row, member in enumerate(state.members):
            leader = self.tr("（组长）") if member.leader else ""
            self.team_grid.addWidget(
                QLabel(arg(self.tr("%1%2 执法证号 %3"), member.name, leader, member.cert_no)),
                row,
                0,
            )
            if member.recused:
                status = arg(self.tr("已回避：%1"), member.recusal_reason or "")
            elif member.shown_at:
                status = arg(self.tr("已于 %1 出示证件"), _when(member.shown_at))
            else:
                status = self.tr("未出示证件")
            self.team_grid.addWidget(QLabel(status), row, 1)
            if not member.recused:
                recuse = QPushButton(self.tr("回避…"))
                # The leader cannot withdraw (the core refuses it): another leader first.
                recuse.setEnabled(state.editable and not member.leader)
                if member.leader:
                    recuse.setToolTip(self.tr("组长不能回避：请先更换组长"))
                recuse.clicked.connect(self._recuser_of(member.cert_no, member.name))
                self.recuse_buttons[member.cert_no] = recuse
                self.team_grid.addWidget(recuse, row, 3)
                button = QPushButton(self.tr("已出示证件"))
                button.setEnabled(state.editable)
                button.clicked.connect(self._shower_of(member.cert_no))
                self.shown_buttons[member.cert_no] = button
                self.team_grid.addWidget(button, row, 2)
        self.disclosed.setVisible(state.covert)
        self.disclose_button.setVisible(state.covert)
        self.disclosed.setText(
            arg(self.tr("暗访：已于 %1 亮明身份"), _when(state.disclosed_at))
            if state.disclosed_at
            else self.tr("暗访：尚未亮明身份（证件出示和告知在亮明身份时进行）")
        )
        chosen_teller = self.teller.currentData()
        chosen_recorder = self.recorder.currentData() or state.recorder_cert_no
        self.teller.clear()
        self.recorder.clear()
        self.recorder.addItem(self.tr("（未指定）"), "")
        for member in present:
            self.teller.addItem(f"{member.name} {member.cert_no}", member.cert_no)
            self.recorder.addItem(f"{member.name} {member.cert_no}", member.cert_no)
        self.teller.setCurrentIndex(max(self.teller.findData(chosen_teller), 0))
        self.recorder.setCurrentIndex(max(self.recorder.findData(chosen_recorder or ""), 0))
        names = {m.cert_no: m.name for m in state.members}
        for code, label in self.told_labels.items():
            notice = state.notices[code]
            if notice.at is None:
                label.setText(self.tr("未告知"))
            else:
                label.setText(
                    arg(
                        self.tr("%1 由%2告知"),
                        _when(notice.at),
                        names.get(notice.by_cert_no or "", self.tr("（未记录）")),
                    )
                )
            if code in self.replies and notice.reply and not self.replies[code].text():
                self.replies[code].setText(notice.reply)
        self.identity_label.setText(
            self.tr("身份证号") if state.person else self.tr("统一社会信用代码")
        )
        self.identity.setPlaceholderText(
            self.tr("18 位，见身份证") if state.person else self.tr("18 位，见营业执照")
        )
        if not self.identity.text():
            self.identity.setText((state.id_no if state.person else state.credit_code) or "")
        for widget in (
            self.new_member,
            self.add_member_button,
            self.disclose_button,
            self.teller,
            self.recorder,
            self.identity,
            self.save_party_button,
            *self.replies.values(),
            *self.tell_buttons.values(),
        ):
            widget.setEnabled(state.editable)
        if state.missing:
            self.missing.setStyleSheet("color: #b3261e;")
            self.missing.setText(
                self.tr("尚缺（完成现场检查和签名前须补齐）：")
                + "<br/>"
                + "<br/>".join(m.text for m in state.missing)
            )
        else:
            self.missing.setStyleSheet("color: #1e7d32;")
            self.missing.setText(self.tr("法律要求的内容均已记录。"))

    # --- actions -------------------------------------------------------------------------

    def _try(self, action: Callable[[], object]) -> bool:
        def done(_result: object) -> None:
            self.refresh()
            self.changed.emit()

        return bool(
            ops().mutate(
                action,
                OpChanges(inspection=True, record=True).about(self.inspection_id),
                parent=self,
                success=done,
                failure=lambda message: QMessageBox.warning(self, self.tr("未保存"), message),
            )
        )

    def _shower_of(self, cert_no: str) -> Callable[[], None]:
        def shown() -> None:  # stamps now: the button is pressed as the certificate is shown
            ws, inspection_id = self.workspace, self.inspection_id
            self._try(lambda: show_certificate(ws, inspection_id, cert_no))

        return shown

    def _recuser_of(self, cert_no: str, name: str) -> Callable[[], None]:
        def recuse() -> None:  # 回避: asks the reason, which the record prints
            reason, ok = QInputDialog.getText(
                self, self.tr("回避"), arg(self.tr("%1 回避的理由（必填）："), name)
            )
            if not ok:
                return
            ws, inspection_id = self.workspace, self.inspection_id
            self._try(lambda: recuse_member(ws, inspection_id, cert_no, reason))

        return recuse

    def _teller_of(self, code: str) -> Callable[[], None]:
        def told() -> None:
            ws, inspection_id = self.workspace, self.inspection_id
            by = self.teller.currentData()
            reply = self.replies[code].text() if code in self.replies else None
            self._try(lambda: tell(ws, inspection_id, code, by=by, reply=reply))

        return told

    def disclose(self) -> None:
        ws, inspection_id = self.workspace, self.inspection_id
        self._try(lambda: disclose(ws, inspection_id))

    def add_member(self) -> None:
        from inspector.inspections import parse_member

        ws, inspection_id, text = self.workspace, self.inspection_id, self.new_member.text()

        def add() -> None:
            member = parse_member(text)
            add_member(ws, inspection_id, member.name, member.cert_no)

        if self._try(add):
            self.new_member.clear()

    def save_party(self) -> None:
        state = self.state
        if state is None:
            return
        ws, inspection_id = self.workspace, self.inspection_id
        recorder = self.recorder.currentData() or ""
        code = self.identity.text()
        if state.person:
            self._try(lambda: set_party_details(ws, inspection_id, id_no=code, recorder=recorder))
        else:
            self._try(
                lambda: set_party_details(ws, inspection_id, credit_code=code, recorder=recorder)
            )
