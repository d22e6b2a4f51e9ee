"""Sign-in, first-run encryption and the lock.

- :class:`SignInDialog`: who is working (the 执法证号 of an inspector with a passphrase on this
  data directory) and the passphrase; at start and to unlock. The passphrase is checked off
  nothing but the key file (Argon2id, ~0.1 s), so it runs on the UI thread. After wrong
  passphrases the button waits (inspector/crypto/tries.py: 1, 2, 4… s, the count kept across
  restarts) and the dialog says how many were wrong and how long is left.
- :class:`SetupDialog`: a new data directory: the app leads the first user to protect it with
  a passphrase (the default); working without encryption is a deliberate second choice.
- :class:`IdleLock`: after N minutes without a key press, click or touch anywhere in the app
  (setting ``lock_minutes``, default 10), it asks the window to lock.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.crypto.vault import Keys, WrongPassphrase
from inspector.errors import InspectorError
from ui.errors import arg

LOCK_MINUTES = "lock_minutes"
DEFAULT_LOCK_MINUTES = 10


def _message(error: InspectorError) -> str:
    try:
        from ui.core_messages import core_message

        return core_message(error)
    except ImportError:  # pragma: no cover - the module is always there
        return str(error)


class SignInDialog(QDialog):
    """Who and passphrase; ``keys`` and ``holder`` once accepted."""

    def __init__(
        self,
        root: Path,
        parent: QWidget | None = None,
        *,
        holder: str | None = None,
        unlocking: bool = False,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(parent)
        from inspector.crypto.home import load_vault
        from inspector.crypto.tries import UnlockTries

        self.root = root
        self.tries = UnlockTries(root, clock)
        self.keys: Keys | None = None
        self.holder: str | None = None
        self.vault = load_vault(root)
        self.setWindowTitle(self.tr("已锁定") if unlocking else self.tr("登录"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr("Inspector 已锁定，数据已关闭。请输入口令解锁；未保存的输入不会丢失。")
            if unlocking
            else self.tr("本机数据已加密。请选择检查人员并输入口令。")
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        self.who = QComboBox()
        for cert_no in self.vault.holders():
            self.who.addItem(cert_no, cert_no)
        if holder:
            self.who.setCurrentIndex(max(0, self.who.findData(holder)))
        form.addRow(self.tr("执法证号"), self.who)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("口令"), self.passphrase)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        label = self.tr("解锁") if unlocking else self.tr("登录")
        self.ok = buttons.addButton(label, QDialogButtonBox.ButtonRole.AcceptRole)
        self.keyring = QPushButton(self.tr("用系统钥匙串"))
        buttons.addButton(self.keyring, QDialogButtonBox.ButtonRole.ActionRole)
        self.quit = buttons.addButton(self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.keyring.clicked.connect(self.use_keyring)
        layout.addWidget(buttons)
        self.who.currentIndexChanged.connect(self._update)
        self._update()
        # While the wait after wrong passphrases lasts, the button is off and the label counts
        # down; the tick reads the clock, so a test moves the clock instead of waiting.
        self.reason = ""  # why the last try failed, shown above the countdown
        self.countdown = QTimer(self)
        self.countdown.setInterval(250)
        self.countdown.timeout.connect(self._tick)
        self._tick()
        self.passphrase.setFocus()

    def _tick(self) -> None:
        left = self.tries.wait()
        self.ok.setEnabled(left <= 0)
        if left > 0:
            wait = arg(
                self.tr("已连续输错 %1 次口令，请等待 %2 秒后再试。"),
                str(self.tries.wrong),
                str(math.ceil(left)),
            )
            self.error.setText(f"{self.reason}\n{wait}" if self.reason else wait)
            if not self.countdown.isActive():
                self.countdown.start()
        elif self.countdown.isActive():
            self.countdown.stop()
            self.error.setText(
                arg(self.tr("已连续输错 %1 次口令，现在可以再试。"), str(self.tries.wrong))
            )

    def _update(self) -> None:
        holder = self.who.currentData()
        self.keyring.setVisible(bool(holder) and self.vault.has_keyring(str(holder)))

    def _done(self, keys: Keys) -> None:
        self.keys = keys
        self.holder = str(self.who.currentData())
        self.passphrase.clear()
        super().accept()

    def accept(self) -> None:
        holder = self.who.currentData()
        if not holder:
            return
        from inspector.crypto.tries import TryLater, unlock_counted

        try:
            keys = unlock_counted(self.vault, str(holder), self.passphrase.text(), self.tries)
        except TryLater:
            self._tick()
            return
        except InspectorError as error:
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            if isinstance(error, WrongPassphrase) and self.tries.wait() > 0:
                self.reason = self.tr("口令不正确，数据目录未打开。")
                self._tick()  # the count and the wait, counting down
            else:
                self.error.setText(_message(error))
            return
        self._done(keys)

    def use_keyring(self) -> None:
        try:
            keys = self.vault.unlock_with_keyring(str(self.who.currentData()))
        except InspectorError as error:
            self.error.setText(_message(error))
            return
        self._done(keys)


class SetupDialog(QDialog):
    """A new data directory: encrypt it from the start (``keys``), or not (``keys`` None and
    ``plain`` True)."""

    def __init__(self, root: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.root = root
        self.keys: Keys | None = None
        self.holder: str | None = None
        self.plain = False
        self.setWindowTitle(self.tr("保护本机数据"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "检查记录含有个人信息和工作秘密。请设置口令：本机的数据库、照片、记录和密钥"
                "都将加密保存，笔记本电脑丢失也不会泄露。每次启动和锁定后需输入口令。"
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        self.cert_no = QLineEdit()
        self.cert_no.setPlaceholderText(self.tr("您的执法证号"))
        form.addRow(self.tr("执法证号"), self.cert_no)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("口令"), self.passphrase)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("再输入一次"), self.again)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("加密并开始"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.unprotected = buttons.addButton(
            self.tr("不加密（不建议）"), QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.addButton(self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.unprotected.clicked.connect(self.without_encryption)
        layout.addWidget(buttons)
        self.cert_no.setFocus()

    def accept(self) -> None:
        from inspector.crypto.home import create_encrypted

        if self.passphrase.text() != self.again.text():
            self.error.setText(self.tr("两次输入的口令不一致"))
            return
        try:
            self.keys = create_encrypted(self.root, self.cert_no.text(), self.passphrase.text())
        except InspectorError as error:
            self.error.setText(_message(error))
            return
        self.holder = self.cert_no.text().strip()
        self.passphrase.clear()
        self.again.clear()
        super().accept()

    def without_encryption(self) -> None:
        self.plain = True
        super().accept()


class IdleLock(QObject):
    """Emits ``idle`` after ``minutes`` without user input anywhere in the application."""

    idle = Signal()
    _INPUT = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
            QEvent.Type.TouchBegin,
            QEvent.Type.TabletPress,
            QEvent.Type.InputMethod,
        }
    )

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: float) -> None:
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        self.timer.start()

    def pause(self) -> None:
        self.timer.stop()

    def resume(self) -> None:
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in self._INPUT and self.timer.isActive():
            self.timer.start()  # restart the count
        return False

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class EncryptDialog(SetupDialog):
    """The offer to encrypt an existing plain data directory (``home encrypt`` in the app):
    who and a passphrase, checked here; the work itself runs on the task runner."""

    def __init__(self, root: Path, holder: str | None, parent: QWidget | None = None) -> None:
        super().__init__(root, parent)
        self.setWindowTitle(self.tr("加密本机数据"))
        self.unprotected.hide()
        self.chosen_passphrase: str | None = None
        if holder:
            self.cert_no.setText(holder)
            self.passphrase.setFocus()

    def accept(self) -> None:
        from inspector.crypto.vault import check_new_passphrase

        if self.passphrase.text() != self.again.text():
            self.error.setText(self.tr("两次输入的口令不一致"))
            return
        if not self.cert_no.text().strip():
            self.error.setText(self.tr("请填写执法证号"))
            return
        try:
            check_new_passphrase(self.passphrase.text())
        except InspectorError as error:
            self.error.setText(_message(error))
            return
        self.holder = self.cert_no.text().strip()
        self.chosen_passphrase = self.passphrase.text()
        self.passphrase.clear()
        self.again.clear()
        QDialog.accept(self)


class Curtain(QWidget):
    """Covers a window's contents while the app is locked, without closing or hiding the
    window (hiding a dialog ends it and loses what it holds; window opacity is not
    supported everywhere)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setAutoFillBackground(True)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        return False

    def lift(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            parent.removeEventFilter(self)
        self.hide()
        self.deleteLater()
