"""Errors in the app: one way to show a core error the user can act on (:func:`show_error`), one
way to fill a translated text's ``%1 %2`` (:func:`arg`), and the crash handler for everything
else (qutebrowser's crashsignal/crashdialog, Anki's aqt/errors.py).

A bug (an exception nobody caught: in a slot, on a thread, in a task) is written to the data
directory's log as its frames (inspector/diagnostics.py) and shown in a dialog with the whole
traceback, which "复制详情" puts on the clipboard for a report; the user goes on ("继续") or
quits ("退出"). While one crash dialog is open, further bugs are only logged.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

_PLACEHOLDER = re.compile(r"%([1-9])")


def arg(text: str, *values: object) -> str:
    """``text`` with ``%1``… replaced by ``values`` in one pass, as Qt's ``QString::arg``: a
    value that itself contains ``%2`` stays as it is (a chain of ``.replace`` would fill it)."""

    def fill(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if index < len(values) else match.group(0)

    return _PLACEHOLDER.sub(fill, text)


def bug_message(error: BaseException) -> str:
    """What a failed operation or task tells the user of a bug (the trace itself went to the
    log and the crash dialog, :func:`report_bug`): its kind and text, translated."""
    from PySide6.QtCore import QCoreApplication

    text = QCoreApplication.translate(
        "Errors", "内部错误：%1。详情已记入日志，并显示在错误报告窗口中。"
    )
    return arg(text, f"{type(error).__name__}: {error}")


def show_error(parent: QWidget | None, title: str, error: BaseException | str) -> None:
    """A core error (or a message already in the UI's language) in a warning box: the message
    id goes through ui/core_messages.py, so the English UI shows English."""
    from ui.core_messages import core_message

    text = error if isinstance(error, str) else core_message(error)
    QMessageBox.warning(parent, title, text)


class CrashDialog(QDialog):
    """The details of a bug, to copy into a report."""

    def __init__(self, details: str, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Inspector 出现内部错误"))
        self.details = details
        where = (
            arg(self.tr("技术细节已记入日志（不含姓名等个人信息）：%1"), log_file)
            if log_file is not None
            else self.tr("本数据目录不保存日志。")
        )
        intro = QLabel(
            self.tr(
                "出现了一个程序错误（不是您的操作有误）。已保存的数据不受影响；"
                "正在进行的这一步可能没有完成。请点“复制详情”，把内容发给技术支持。"
            )
            + "\n"
            + where
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.copy_button = QPushButton(self.tr("复制详情"))
        self.copy_button.clicked.connect(self.copy_details)
        self.quit_button = QPushButton(self.tr("退出"))
        self.quit_button.clicked.connect(self.quit_app)
        self.continue_button = QPushButton(self.tr("继续"))
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.resize(640, 420)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("已复制"))

    def quit_app(self) -> None:
        self.reject()
        QApplication.exit(1)


class CrashHandler(QObject):
    """Installs itself as ``sys.excepthook``, ``threading.excepthook`` and Qt's message handler
    (criticals into the log); :meth:`uninstall` puts the previous ones back."""

    _bug = Signal(object)  # an exception from any thread, shown on the UI thread

    def __init__(self, log_file: Callable[[], Path | None] = lambda: None) -> None:
        super().__init__()
        self._log_file = log_file
        self.dialog: CrashDialog | None = None
        self._previous: tuple[Any, Any] | None = None
        self._previous_qt: Any = None
        self._bug.connect(self._show)

    def install(self) -> CrashHandler:
        global _active
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        self._previous_qt = qInstallMessageHandler(self.qt_message)
        _active = self
        return self

    def uninstall(self) -> None:
        global _active
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None
            qInstallMessageHandler(self._previous_qt)
        if _active is self:
            _active = None

    def excepthook(
        self,
        kind: type[BaseException],
        error: BaseException,
        traceback: TracebackType | None,
    ) -> None:
        if not issubclass(kind, Exception):  # Ctrl+C in a console, SystemExit: not a bug
            sys.__excepthook__(kind, error, traceback)
            return
        if error.__traceback__ is None:
            error = error.with_traceback(traceback)
        self.report(error)
        if self._previous is not None:  # stderr for a console, pytest-qt's capture in tests
            self._previous[0](kind, error, traceback)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or not isinstance(args.exc_value, Exception):
            threading.__excepthook__(args)
            return
        self.report(args.exc_value, thread=args.thread.name if args.thread else None)
        if self._previous is not None:
            self._previous[1](args)

    def report(self, error: BaseException, thread: str | None = None) -> None:
        """Log the bug; show it (on the UI thread, whichever thread this is called on)."""
        from inspector.diagnostics import log_crash  # here: not before the first paint

        log_crash(
            log, f"unexpected error (thread {thread})" if thread else "unexpected error", error
        )
        self._bug.emit(error)  # queued to the UI thread when called from another

    def _show(self, error: BaseException) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog at a time; the later bug is in the log
        from inspector.diagnostics import full_report

        parent = QApplication.activeWindow()
        self.dialog = CrashDialog(full_report(error), self._log_file(), parent)
        self.dialog.setModal(True)
        self.dialog.show()

    def qt_message(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            # Where Qt complained, not its words: they may quote a file's name.
            log.error(
                "Qt %s in %s (%s:%s %s)",
                kind.name,
                context.category,
                Path(context.file or "?").name,
                context.line,
                context.function,
            )
        if self._previous_qt is not None:
            self._previous_qt(kind, context, message)
        else:
            print(message, file=sys.stderr)


_active: CrashHandler | None = None


def report_bug(error: BaseException) -> None:
    """A bug caught where work must go on (a task's failure): logged, and shown by the crash
    handler when the app has one (tests without it: only logged)."""
    if _active is not None:
        _active.report(error)
    else:
        from inspector.diagnostics import log_crash

        log_crash(log, "unexpected error", error)
