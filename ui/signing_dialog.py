"""Signing the record on site: the party's statement and defence, a handwritten signature for
each inspector and the institution's representative (or the refusal, with a witness who signs),
then each inspector's digital signature, the leader last.

The party signs after seeing the record as it stands: the screen shows it, rendered page by page
(QtPdf), and the party's signature is bound to the data it showed (inspector.record.binding); a
signature given on data that changed since is named here as void, and its signer signs again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.db.models import InspectionStatus
from inspector.inspections import InspectionView, get_inspection
from inspector.record.binding import stale_signatures
from inspector.record.build import preview_record
from inspector.record.content import (
    PartyDetails,
    add_signature,
    get_party_details,
    get_statement,
    record_refusal,
    set_party_details,
    set_party_present,
    set_statement,
    signatures,
)
from inspector.record.signing import missing_handwritten, sign_record
from inspector.record.status import latest_record
from inspector.signing.keystore import KeyStore
from inspector.workspace import Workspace
from ui.errors import arg
from ui.keys_dialog import KeysDialog
from ui.ops import OpChanges, ops
from ui.signature_pad import SignaturePad
from ui.tasks import TaskRunner

PARTY = "party"
# The bureau's way for the party to confirm a record (config party_confirmation): the default
# of the screen's choice; "initials" where the bureau requires initials on every printed page.
CONFIRMATION_SETTING = "party_confirmation"


class SigningDialog(QDialog):
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
        self.store = KeyStore.of(workspace)
        self.setWindowTitle(self.tr("签名"))
        self.resize(1500, 820)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        right = QVBoxLayout()
        layout.addWidget(self._preview_group(), 4)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

        statement = QGroupBox(self.tr("被检查单位意见"))
        form = QFormLayout(statement)
        self.representative = QLineEdit()
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("如 院长、负责人"))
        self.statement = QPlainTextEdit()
        self.statement.setPlaceholderText(self.tr("照录被检查单位对本记录的意见；没有则留空"))
        self.statement.setMaximumHeight(110)
        save_statement = QPushButton(self.tr("保存意见"))
        save_statement.clicked.connect(self.save_statement)
        self.present = QPlainTextEdit()
        self.present.setPlaceholderText(self.tr("每行一人：姓名 职务（提出意见人以外的在场人员）"))
        self.present.setMaximumHeight(60)
        form.addRow(self.tr("提出意见人"), self.representative)
        form.addRow(self.tr("职务"), self.title)
        form.addRow(self.tr("意见"), self.statement)
        form.addRow(self.tr("其他在场人员"), self.present)
        form.addRow("", save_statement)
        left.addWidget(statement)

        hand = QGroupBox(self.tr("手写签名"))
        hand_layout = QVBoxLayout(hand)
        self.signer = QComboBox()  # the team is added before the party when it is read
        self.signer.addItem(self.tr("被检查单位代表"), (PARTY, None))
        self.refused = QCheckBox(self.tr("拒绝签名（由见证人签名）"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("拒签理由"))
        self.witness = QLineEdit()
        self.witness.setPlaceholderText(self.tr("见证人姓名"))
        self.witness_id = QLineEdit()
        self.witness_id.setPlaceholderText(self.tr("见证人身份证号码"))
        self.witness_id.setMaxLength(18)
        self.witness_relation = QLineEdit()
        self.witness_relation.setPlaceholderText(
            self.tr("见证人与被检查单位的关系，如 无关系、本单位职工")
        )
        # How the party confirms the record (printed as recorded): the bureau's way by default.
        self.confirmation = QComboBox()
        self.confirmation.addItem(self.tr("核对方式：阅看本屏记录全文后在签名页签名"), "signature")
        self.confirmation.addItem(self.tr("核对方式：在打印的记录每页签字"), "initials")
        self.pad = SignaturePad()
        self.pad.setMinimumHeight(200)
        self.save_signature_button = QPushButton(self.tr("保存签名"))
        self.save_signature_button.setMinimumHeight(44)
        self.save_signature_button.clicked.connect(self.save_signature)
        hand_layout.addWidget(self.signer)
        hand_layout.addWidget(self.confirmation)
        hand_layout.addWidget(self.refused)
        hand_layout.addWidget(self.reason)
        hand_layout.addWidget(self.witness)
        hand_layout.addWidget(self.witness_id)
        hand_layout.addWidget(self.witness_relation)
        hand_layout.addWidget(self.pad, 1)
        hand_layout.addWidget(self.save_signature_button)
        left.addWidget(hand, 1)
        self.signer.currentIndexChanged.connect(self._update_party_fields)
        self.refused.toggled.connect(self._update_party_fields)

        self.status = QLabel()
        self.status.setWordWrap(True)
        right.addWidget(self.status)
        party_group = self._party_group()
        right.addWidget(party_group)
        digital = QGroupBox(self.tr("数字签名"))
        digital_form = QFormLayout(digital)
        self.key = QComboBox()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_button = QPushButton(self.tr("数字签名"))
        self.sign_button.setMinimumHeight(44)
        self.sign_button.clicked.connect(self.sign)
        keys_button = QPushButton(self.tr("管理密钥…"))
        keys_button.clicked.connect(self.manage_keys)
        digital_form.addRow(self.tr("密钥"), self.key)
        digital_form.addRow(self.tr("口令"), self.passphrase)
        digital_form.addRow("", self.sign_button)
        digital_form.addRow("", keys_button)
        right.addWidget(digital)
        right.addStretch(1)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        right.addWidget(close)

        # What is typed here is saved: no input before what is stored has been read.
        self._forms = (statement, hand, party_group)
        for form_group in self._forms:
            form_group.setEnabled(False)
        self._update_party_fields()
        ws = workspace

        def read() -> tuple[
            InspectionView, tuple[str, str | None, str | None], PartyDetails, str | None
        ]:
            return (
                get_inspection(ws, inspection_id),
                get_statement(ws, inspection_id),
                get_party_details(ws, inspection_id),
                ws.db.setting(CONFIRMATION_SETTING),
            )

        ops().query(
            read,
            parent=self,
            success=lambda found: self._fill(*found),
            failure=lambda message: QMessageBox.warning(self, self.tr("签名"), message),
        )
        self.refresh()
        # Not the first field (陈述人): the screen opens on the record the party is to read.
        self.preview.setFocus()

    def _preview_group(self) -> QGroupBox:
        """The record as it stands, rendered page by page: what the party reads, then signs."""
        group = QGroupBox(self.tr("记录全文（签名前请被检查单位代表逐页阅看）"))
        box = QVBoxLayout(group)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self._seen: str | None = None  # the data the shown record states (content hash)
        self.preview = QPdfView()
        self.preview.setDocument(self.document)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.preview_label = QLabel()
        self.preview_label.setWordWrap(True)
        self.preview_button = QPushButton(self.tr("重新显示记录"))
        self.preview_button.clicked.connect(self.show_record)
        box.addWidget(self.preview, 1)
        box.addWidget(self.preview_label)
        box.addWidget(self.preview_button)
        return group

    def show_record(self) -> None:
        """Render the record as the data stand now (on the database executor), then show it;
        the party's signature is given on what was shown."""
        ws, inspection_id = self.workspace, self.inspection_id
        self.preview_label.setText(self.tr("正在排版记录…"))
        ops().query(
            lambda: preview_record(ws, inspection_id),
            parent=self,
            success=lambda found: self._show_record(*found),
            failure=lambda message: self.preview_label.setText(message),
        )

    def _show_record(self, data: bytes, seen: str) -> None:
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
        parent: Any = self.document
        self._buffer = QBuffer(parent)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self._seen = seen
        self.preview_label.setText(
            arg(
                self.tr("共 %1 页。被检查单位代表阅看后签名；数据再有变更须重新签名。"),
                self.document.pageCount(),
            )
        )

    def _fill(
        self,
        view: InspectionView,
        statement: tuple[str, str | None, str | None],
        party: PartyDetails,
        confirmation: str | None = None,
    ) -> None:
        """The team, the statement and the party's particulars, read on the database executor."""
        for row, (name, cert, role) in enumerate(view.team):
            leader = self.tr("（组长）") if role.value == "leader" else ""
            self.signer.insertItem(
                row,
                arg(self.tr("检查人员 %1%2"), name, leader),
                (name, cert),
            )
            self.recorder.addItem(f"{name} {cert}", cert)
        self.signer.setCurrentIndex(0)
        text, representative, title = statement
        self.statement.setPlainText(text)
        self.representative.setText(representative or "")
        self.title.setText(title or "")
        self.present.setPlainText("\n".join(f"{n} {t}".strip() for n, t in party.present))
        self.confirmation.setCurrentIndex(max(self.confirmation.findData(confirmation), 0))
        self.legal_rep.setText(party.legal_rep or "")
        self.address.setText(party.address or "")
        self.phone.setText(party.phone or "")
        # A person inspected (医师, 参保人员) is named by 身份证号 (inspector/record/legal.py).
        self.party_is_person = party.person
        self.credit_code.setText((party.id_no if party.person else party.credit_code) or "")
        label = self.party_form.labelForField(self.credit_code)
        if isinstance(label, QLabel):
            label.setText(self.tr("身份证号") if party.person else self.tr("统一社会信用代码"))
        self.credit_code.setPlaceholderText(
            self.tr("18 位，见身份证") if party.person else self.tr("18 位，见营业执照")
        )
        self.recorder.setCurrentIndex(max(self.recorder.findData(party.recorder_cert_no or ""), 0))
        self.recusal_told.setChecked(party.recusal_told)
        self.recusal_reply.setText(party.recusal_reply or "")
        for form_group in self._forms:
            form_group.setEnabled(True)
        self._update_party_fields()

    # --- state ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the inspection, its newest record (its data hash recomputed: it takes time)
        and the signatures on the database executor, then show them."""
        ws, inspection_id = self.workspace, self.inspection_id

        def read() -> tuple[Any, ...]:
            stale = {item.signature.id for item in stale_signatures(ws, inspection_id)}
            return (
                get_inspection(ws, inspection_id),
                latest_record(ws, inspection_id),
                [
                    s
                    for s in signatures(ws, inspection_id)
                    if s.interview_id is None and s.id not in stale
                ],
                missing_handwritten(ws, inspection_id),
            )

        ops().query(
            read,
            parent=self,
            success=lambda found: self._show(*found),
            failure=lambda message: QMessageBox.warning(self, self.tr("签名"), message),
        )
        self.show_record()

    def _show(self, view: InspectionView, record: Any, kept: list[Any], missing: list[str]) -> None:
        by_hand = {s.cert_no for s in kept if s.role == "inspector"}
        lines = [self.tr("<b>签名情况</b>")]
        for name, cert, role in view.team:
            leader = self.tr("（组长）") if role.value == "leader" else ""
            hand = "✓" if cert in by_hand else "—"
            digital = "✓" if record is not None and cert in record.signed_by else "—"
            lines.append(arg(self.tr("%1%2：手写 %3　数字 %4"), name, leader, hand, digital))
        party = next((s for s in kept if s.role == "party"), None)
        if party is None:
            lines.append(self.tr("被检查单位代表：—"))
        elif party.refused:
            lines.append(arg(self.tr("被检查单位代表：拒签（%1）"), party.refusal_reason or ""))
        else:
            lines.append(arg(self.tr("被检查单位代表：✓ %1"), party.signer_name))
        if record is None:
            lines.append(self.tr("还没有生成记录：手写签名完成后生成记录，核对后再数字签名。"))
        elif not record.current:
            lines.append(self.tr("记录生成后有变更：请重新生成记录后再数字签名。"))
        # Who must sign (again) by hand, void signatures named: shown whatever the record.
        for line in missing:
            lines.append(arg(self.tr("<span style='color:#b3261e'>还需手写签名：%1</span>"), line))
        if view.status is InspectionStatus.SIGNED:
            lines.append(self.tr("<b>已签名锁定</b>"))
        self.status.setText("<br/>".join(lines))
        locked = view.status is InspectionStatus.SIGNED
        for widget in (
            self.representative,
            self.title,
            self.statement,
            self.present,
            self.pad,
            self.save_signature_button,
            self.refused,
            self.legal_rep,
            self.address,
            self.phone,
            self.credit_code,
            self.recorder,
            self.recusal_told,
            self.recusal_reply,
            self.save_party_button,
        ):
            widget.setEnabled(not locked)
        team = {cert for _name, cert, _role in view.team}
        self.key.clear()
        for info in self.store.list_keys():
            if info.cert_no in team and info.has_certificate:
                trial = self.tr("（试用）") if info.trial else ""
                self.key.addItem(f"{info.name} {info.cert_no}{trial}", info.key_id)

    def _update_party_fields(self) -> None:
        party = self.signer.currentData() and self.signer.currentData()[0] == PARTY
        self.refused.setVisible(bool(party))
        refusing = bool(party) and self.refused.isChecked()
        self.confirmation.setVisible(bool(party) and not refusing)
        for widget in (self.reason, self.witness, self.witness_id, self.witness_relation):
            widget.setVisible(refusing)

    # --- actions -------------------------------------------------------------------------

    def _try(self, action: Callable[[], object], then: Callable[[], None] | None = None) -> bool:
        """Run ``action`` as an operation (values read from the widgets before, never on the
        executor's thread); True when it is known to have succeeded already (see ui/ops
        ``Pending``: the executor inline, as in tests)."""

        def done(_result: object) -> None:
            if then is not None:
                then()
            self.refresh()
            self.changed.emit()

        return bool(
            ops().mutate(
                action,
                OpChanges(record=True).about(self.inspection_id),
                parent=self,
                success=done,
                failure=lambda message: QMessageBox.warning(self, self.tr("未保存"), message),
            )
        )

    def _party_group(self) -> QGroupBox:
        """The party's particulars, the recorder (记录人) and the recusal notice: what the record
        states about who was inspected and how."""
        group = QGroupBox(self.tr("被检查单位、记录人、回避告知"))
        form = QFormLayout(group)
        self.party_form = form
        self.party_is_person = False
        self.legal_rep = QLineEdit()
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.credit_code = QLineEdit()
        self.credit_code.setPlaceholderText(self.tr("18 位，见营业执照"))
        self.credit_code.setMaxLength(18)
        self.recorder = QComboBox()
        self.recorder.addItem(self.tr("（未指定）"), "")  # the team added when it is read
        self.recusal_told = QCheckBox(self.tr("已告知被检查单位有申请检查人员回避的权利"))
        self.recusal_reply = QLineEdit()
        self.recusal_reply.setPlaceholderText(self.tr("被检查单位的答复，如 不申请回避"))
        self.save_party_button = QPushButton(self.tr("保存"))
        self.save_party_button.clicked.connect(self.save_party)
        form.addRow(self.tr("法定代表人/负责人"), self.legal_rep)
        form.addRow(self.tr("地址"), self.address)
        form.addRow(self.tr("联系电话"), self.phone)
        form.addRow(self.tr("统一社会信用代码"), self.credit_code)
        form.addRow(self.tr("记录人"), self.recorder)
        form.addRow(self.recusal_told)
        form.addRow(self.tr("答复"), self.recusal_reply)
        form.addRow("", self.save_party_button)
        return group

    def save_party(self) -> bool:
        ws, inspection_id = self.workspace, self.inspection_id
        values = dict(
            legal_rep=self.legal_rep.text(),
            address=self.address.text(),
            phone=self.phone.text(),
            **(
                {"id_no": self.credit_code.text()}
                if self.party_is_person
                else {"credit_code": self.credit_code.text()}
            ),
            recorder=self.recorder.currentData() or "",
            recusal_told=self.recusal_told.isChecked(),
            recusal_reply=self.recusal_reply.text(),
        )
        return self._try(lambda: set_party_details(ws, inspection_id, **values))  # type: ignore[arg-type]

    def save_statement(self) -> bool:
        ws, inspection_id = self.workspace, self.inspection_id
        text, who, title = (
            self.statement.toPlainText(),
            self.representative.text(),
            self.title.text(),
        )
        present = [
            (name, rest.strip())
            for name, _, rest in (
                line.strip().partition(" ") for line in self.present.toPlainText().splitlines()
            )
            if name
        ]

        def save() -> None:
            set_statement(ws, inspection_id, text, who, title)
            set_party_present(ws, inspection_id, present)

        return self._try(save)

    def save_signature(self) -> bool:
        if self.pad.is_empty():
            QMessageBox.information(self, self.tr("签名"), self.tr("请先在签名框内签名"))
            return False
        strokes = [[list(point) for point in stroke] for stroke in self.pad.strokes()]
        name, cert = self.signer.currentData()
        ws, inspection_id, seen = self.workspace, self.inspection_id, self._seen
        if name == PARTY and seen is None:
            # The party signs what it has read: not before the record is on the screen.
            QMessageBox.information(
                self, self.tr("签名"), self.tr("记录尚未显示：请待记录显示、对方阅看后再签名")
            )
            return False
        if name == PARTY and self.refused.isChecked():
            who = self.representative.text() or "（未留姓名）"
            reason, witness = self.reason.text(), self.witness.text()
            id_no, relation = self.witness_id.text(), self.witness_relation.text()
            action = lambda: record_refusal(  # noqa: E731
                ws,
                inspection_id,
                who,
                reason,
                witness,
                strokes,
                witness_id_no=id_no,
                witness_relation=relation,
                seen=seen,
            )
        elif name == PARTY:
            signer = self.representative.text().strip()
            if not signer:
                QMessageBox.information(
                    self, self.tr("签名"), self.tr("请先填写被检查单位代表的姓名")
                )
                return False
            confirmation = self.confirmation.currentData()
            action = lambda: add_signature(  # noqa: E731
                ws, inspection_id, "party", signer, strokes, confirmation=confirmation, seen=seen
            )
        else:
            action = lambda: add_signature(  # noqa: E731
                ws, inspection_id, "inspector", name, strokes, cert_no=cert
            )
        return self._try(action, then=self.pad.clear)

    def sign(self) -> None:
        key_id = self.key.currentData()
        if not key_id:
            QMessageBox.information(
                self,
                self.tr("数字签名"),
                self.tr("没有本检查组成员的密钥：请先在“管理密钥”中导入或生成"),
            )
            return
        passphrase = self.passphrase.text()
        self.passphrase.clear()

        def done(result: object) -> None:
            self.refresh()
            self.changed.emit()
            remaining = getattr(result, "remaining", [])
            message = self.tr("已签名。") + (
                arg(self.tr("还需签名：%1"), "、".join(remaining))
                if remaining
                else self.tr("全部签名已完成，记录已锁定。")
            )
            QMessageBox.information(self, self.tr("数字签名"), message)

        self.runner.run(
            lambda _reporter: sign_record(self.workspace, self.inspection_id, key_id, passphrase),
            on_success=done,
            changes=OpChanges(inspection=True, record=True).about(self.inspection_id),
            on_failure=lambda message: QMessageBox.warning(self, self.tr("未签名"), message),
            progress_parent=self,
            label=self.tr("正在签名…"),
        )

    def manage_keys(self) -> None:
        KeysDialog(self.store, self, workspace=self.workspace).exec()
        self.refresh()
