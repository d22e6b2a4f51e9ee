"""Managing the digital-signature keys on this laptop: import a PKCS#12 file from the bureau, make a
key and a certificate request (CSR) for the bureau's CA and attach the certificate it issues, or
make a self-signed key for trials (shown with a 试用 badge). Keys are listed with their validity.

The work is done by ``inspector.signing.KeyStore``; the dialog's methods ``import_pkcs12``,
``new_key``, ``attach_certificate`` and ``make_trial`` take their input as arguments (the
buttons ask for it first), so tests drive them directly."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.errors import InspectorError
from inspector.signing.keystore import CertNoMissing, KeyInfo, KeyStore
from inspector.workspace import Workspace
from ui.core_messages import core_message
from ui.errors import arg
from ui.ops import OpChanges, ops
from ui.trust_dialog import TrustList

ID_ROLE = Qt.ItemDataRole.UserRole
TRIAL_COLOUR = "#fff4d6"
PROBLEM_COLOUR = "#fde4e4"
ERROR_TEXT = "#9b1c1c"
NAME, CERT_NO, ORG, KIND, STATUS, UNTIL, KEY_ID = range(7)


class KeyForm(QDialog):
    """Name, 执法证号, (bureau) and a new passphrase twice."""

    def __init__(self, title: str, with_org: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.name = QLineEdit()
        self.cert_no = QLineEdit()
        self.org = QLineEdit()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setStyleSheet(f"color: {ERROR_TEXT}")
        form = QFormLayout()
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("执法证号"), self.cert_no)
        if with_org:
            form.addRow(self.tr("单位（医保局）"), self.org)
        form.addRow(self.tr("口令（至少 8 个字符）"), self.passphrase)
        form.addRow(self.tr("再输入一次口令"), self.confirm)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _check(self) -> None:
        if self.passphrase.text() != self.confirm.text():
            self.message.setText(self.tr("两次输入的口令不一致"))
            return
        self.accept()


class KeysDialog(QDialog):
    keys_changed = Signal()

    def __init__(
        self, store: KeyStore, parent: QWidget | None = None, workspace: Workspace | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.needs_cert_no = False  # the last import needs the holder's 执法证号
        self.setWindowTitle(self.tr("数字签名密钥"))
        self.resize(960, 420 if workspace is None else 640)
        # The trust list (the bureau's CA certificates) lives in the database: shown when the
        # dialog has the workspace.
        self.trust: TrustList | None = TrustList(workspace, self) if workspace else None

        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("姓名"),
                self.tr("执法证号"),
                self.tr("单位"),
                self.tr("类型"),
                self.tr("状态"),
                self.tr("有效期至"),
                self.tr("编号"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.import_button = QPushButton(self.tr("导入 PKCS#12 文件…"))
        self.new_button = QPushButton(self.tr("生成密钥和证书请求…"))
        self.attach_button = QPushButton(self.tr("导入医保局签发的证书…"))
        self.trial_button = QPushButton(self.tr("生成试用证书…"))
        self.close_button = QPushButton(self.tr("关闭"))
        self.import_button.clicked.connect(self._ask_import)
        self.new_button.clicked.connect(self._ask_new)
        self.attach_button.clicked.connect(self._ask_attach)
        self.trial_button.clicked.connect(self._ask_trial)
        self.close_button.clicked.connect(self.accept)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(
            self.tr(
                "口令不会保存；签名时需要输入。试用证书是自签名的，只用于试用，"
                "不能证明签名者的身份。"
            )
        )
        note.setWordWrap(True)

        buttons = QHBoxLayout()
        for button in (self.import_button, self.new_button, self.attach_button, self.trial_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        if self.trust is not None:
            layout.addWidget(self.trust)
        self.refresh()

    # --- the list --------------------------------------------------------------------------

    def refresh(self) -> None:
        try:
            infos = self.store.list_keys()
        except (InspectorError, OSError, ValueError) as error:
            self._say(arg(self.tr("无法读取密钥：%1"), core_message(error)), error=True)
            infos = []
        self.table.setRowCount(len(infos))
        now = datetime.now().astimezone()
        for row, info in enumerate(infos):
            problem = info.problem(now)
            values = {
                NAME: info.name,
                CERT_NO: info.cert_no or "—",
                ORG: info.org or "—",
                KIND: self._kind_text(info),
                STATUS: self._status_text(info, now),
                UNTIL: info.not_after.astimezone().strftime("%Y-%m-%d") if info.not_after else "—",
                KEY_ID: info.key_id,
            }
            for column, text in values.items():
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, info.key_id)
                if problem and info.has_certificate:
                    item.setBackground(QBrush(QColor(PROBLEM_COLOUR)))
                elif info.trial:
                    item.setBackground(QBrush(QColor(TRIAL_COLOUR)))
                if column == STATUS and problem:
                    item.setToolTip(problem)
                self.table.setItem(row, column, item)
        self._update_buttons()

    def _kind_text(self, info: KeyInfo) -> str:
        kind = info.key_type
        if info.trial:
            return self.tr("试用（自签名）") + " · " + kind
        if info.kind == "generated":
            return self.tr("本机生成") + " · " + kind
        return self.tr("医保局签发") + " · " + kind

    def _status_text(self, info: KeyInfo, now: datetime) -> str:
        status = info.status(now)
        names = {
            "可用": self.tr("可用"),
            "等待证书": self.tr("等待证书"),
            "已过期": self.tr("已过期"),
            "尚未生效": self.tr("尚未生效"),
        }
        return names.get(status, status)

    def row_of(self, key_id: str) -> int:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, KEY_ID)
            if item is not None and item.text() == key_id:
                return row
        return -1

    def select(self, key_id: str) -> None:
        row = self.row_of(key_id)
        if row >= 0:
            self.table.selectRow(row)

    def selected_key_id(self) -> str | None:
        items = self.table.selectedItems()
        return str(items[0].data(ID_ROLE)) if items else None

    def _selected_info(self) -> KeyInfo | None:
        key_id = self.selected_key_id()
        if key_id is None:
            return None
        try:
            return self.store.get(key_id)
        except InspectorError:
            return None

    def _update_buttons(self) -> None:
        info = self._selected_info()
        self.attach_button.setEnabled(
            info is not None and info.kind == "generated" and not info.has_certificate
        )

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {ERROR_TEXT}" if error else "")
        self.message.setText(text)

    def _done(self, info: KeyInfo, text: str) -> KeyInfo:
        self.refresh()
        self.select(info.key_id)
        self._say(text)
        self.keys_changed.emit()
        return info

    # --- the work (arguments in, a message out) --------------------------------------------

    def _keep(self, work: Callable[[], Any], then: Callable[[Any], None]) -> Any:
        """Run a key store action as an operation (it writes key files and, over a workspace,
        the action log: on the database executor, never on the UI thread); ``then(result)``
        back here. Returns the result when already known (the executor inline, as in tests),
        else None: the outcome then shows in the dialog."""
        pending = ops().mutate(
            work,
            OpChanges(settings=True),
            parent=self,
            success=then,
            failure=lambda message: self._say(message, error=True),
        )
        return pending.result if pending else None

    def import_pkcs12(
        self,
        path: str | Path,
        passphrase: str,
        cert_no: str | None = None,
        *,
        ask_cert_no: bool = False,
    ) -> KeyInfo | None:
        """Import; ``cert_no`` binds the key to its holder's 执法证号 when the certificate
        carries none (with ``ask_cert_no``, the holder's number is asked for then)."""
        store = self.store

        def work() -> KeyInfo | CertNoMissing:
            try:
                return store.import_pkcs12(Path(path), passphrase, cert_no=cert_no)
            except CertNoMissing as error:  # not a failure: a question for the user
                return error

        def then(result: KeyInfo | CertNoMissing) -> None:
            if isinstance(result, CertNoMissing):
                self.needs_cert_no = True
                self._say(core_message(result), error=True)
                if ask_cert_no:
                    self._ask_cert_no(path, passphrase)
                return
            self._done(result, arg(self.tr("已导入 %1 的密钥"), result.name))

        result = self._keep(work, then)
        return result if isinstance(result, KeyInfo) else None

    def new_key(
        self, name: str, cert_no: str, org: str, passphrase: str, csr_out: str | Path | None
    ) -> KeyInfo | None:
        store = self.store

        def then(made: tuple[KeyInfo, bytes]) -> None:
            info, csr = made
            where = store.csr_path(info.key_id)
            if csr_out:
                try:
                    Path(csr_out).write_bytes(csr)
                    where = Path(csr_out)
                except OSError as error:
                    self._done(info, "")
                    self._say(
                        arg(
                            self.tr("密钥已生成，但证书请求无法保存到 %1：%2；它也在 %3"),
                            csr_out,
                            error.strerror or str(error),
                            store.csr_path(info.key_id),
                        ),
                        error=True,
                    )
                    return
            self._done(
                info,
                arg(
                    self.tr("已生成密钥。请把证书请求 %1 交给医保局的 CA，收到证书后在这里导入。"),
                    where,
                ),
            )

        made = self._keep(lambda: store.new_key_and_csr(name, cert_no, org, passphrase), then)
        return made[0] if made else None

    def attach_certificate(self, key_id: str, cert_path: str | Path) -> KeyInfo | None:
        try:
            data = Path(cert_path).read_bytes()
        except OSError as error:
            self._say(
                arg(self.tr("无法读取证书文件：%1"), error.strerror or str(error)),
                error=True,
            )
            return None
        store = self.store
        return self._keep(
            lambda: store.attach_certificate(key_id, data),
            lambda info: self._done(
                info, arg(self.tr("证书已导入，%1 的密钥可以签名了"), info.name)
            ),
        )

    def make_trial(self, name: str, cert_no: str, passphrase: str) -> KeyInfo | None:
        store = self.store
        return self._keep(
            lambda: store.self_signed_for_trials(name, cert_no, passphrase),
            lambda info: self._done(
                info, arg(self.tr("已生成 %1 的试用证书（自签名），仅用于试用"), info.name)
            ),
        )

    # --- the buttons: ask, then do ---------------------------------------------------------

    def _ask_passphrase(self, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("口令"), label, QLineEdit.EchoMode.Password)
        return text if ok else None

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择医保局签发的 PKCS#12 文件"),
            "",
            self.tr("PKCS#12 文件 (*.p12 *.pfx);;所有文件 (*)"),
        )
        if not path:
            return
        passphrase = self._ask_passphrase(self.tr("PKCS#12 文件的口令："))
        if passphrase is None:
            return
        self.needs_cert_no = False
        self.import_pkcs12(path, passphrase, ask_cert_no=True)

    def _ask_cert_no(self, path: str | Path, passphrase: str) -> None:
        cert_no, ok = QInputDialog.getText(
            self,
            self.tr("执法证号"),
            self.tr("证书中没有执法证号。持有人的执法证号（密钥与它绑定）："),
        )
        if ok and cert_no.strip():
            self.import_pkcs12(path, passphrase, cert_no.strip())

    def _ask_new(self) -> None:
        form = KeyForm(self.tr("生成密钥和证书请求"), with_org=True, parent=self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        name = form.name.text().strip() or "request"
        csr_out, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("保存证书请求（CSR）"),
            f"{name}.csr.pem",
            self.tr("证书请求 (*.csr *.pem);;所有文件 (*)"),
        )
        self.new_key(
            form.name.text(),
            form.cert_no.text(),
            form.org.text(),
            form.passphrase.text(),
            csr_out or None,
        )

    def _ask_attach(self) -> None:
        key_id = self.selected_key_id()
        if key_id is None:
            self._say(self.tr("请先在列表中选择等待证书的密钥"), error=True)
            return
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择医保局签发的证书"),
            "",
            self.tr("证书 (*.pem *.crt *.cer *.der);;所有文件 (*)"),
        )
        if path:
            self.attach_certificate(key_id, path)

    def _ask_trial(self) -> None:
        form = KeyForm(self.tr("生成试用证书（自签名）"), with_org=False, parent=self)
        if form.exec() == QDialog.DialogCode.Accepted:
            self.make_trial(form.name.text(), form.cert_no.text(), form.passphrase.text())
