"""The click harness (tests/helpers/clicks.py) can fail: each pattern that broke a button in the
field, rebuilt in a throwaway dialog, makes it fail naming the click."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, qWarning
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.helpers.clicks import Clicker


@pytest.fixture
def clicker(qtbot: QtBot, qtlog: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Clicker]:
    yield Clicker(qtbot, qtlog, monkeypatch)


class Throwaway(QDialog):
    """One button, its slot given by the test."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button = QPushButton(label)
        QVBoxLayout(self).addWidget(self.button)


class PrintDialog(Throwaway):
    """The record dialog's 打印… as it shipped."""

    def __init__(self) -> None:
        super().__init__("打印…")
        self.button.clicked.connect(self.print_record)

    def print_record(self, printer: QPrinter | None = None) -> int:
        if printer is None:
            printer = QPrinter()
        painter = QPainter()
        painter.begin(printer)  # type: ignore[arg-type]  # a bool, from clicked(bool)
        painter.end()
        return 1


class AmendDialog(Throwaway):
    """制作更正记录… as it shipped: confirm=False from clicked(bool)."""

    def __init__(self) -> None:
        super().__init__("制作更正记录…")
        self.made = 0
        self.button.clicked.connect(self.amend)

    def amend(self, confirm: bool = True) -> None:
        if (
            confirm
            and QMessageBox.question(self, "更正", "继续吗？") != QMessageBox.StandardButton.Yes
        ):
            return
        self.made += 1


def test_a_printer_from_clicked_fails_the_run(qtbot: QtBot, clicker: Clicker) -> None:
    dialog = PrintDialog()
    qtbot.addWidget(dialog)
    with pytest.raises(AssertionError, match=r"(?s)打印….*QPainter\.begin"):
        clicker.run(dialog)


def test_a_confirmation_skipped_by_clicked_is_seen(qtbot: QtBot, clicker: Clicker) -> None:
    dialog = AmendDialog()
    qtbot.addWidget(dialog)
    report = clicker.run(dialog)
    # No question was asked and the amendment was made: what the record test asserts against.
    assert report.opened_by("制作更正记录…") == []
    assert dialog.made == 1


@pytest.mark.qt_log_level_fail("CRITICAL")  # the warning is the point; the harness fails on it
def test_a_qt_warning_fails_the_run(qtbot: QtBot, clicker: Clicker) -> None:
    dialog = Throwaway("警告")
    dialog.button.clicked.connect(lambda: qWarning("QFont::setPointSize: Point size <= 0 (0)"))
    qtbot.addWidget(dialog)
    with pytest.raises(AssertionError, match=r"警告: Qt warned: QFont::setPointSize"):
        clicker.run(dialog)


def test_an_internal_error_shown_fails_the_run(qtbot: QtBot, clicker: Clicker) -> None:
    dialog = Throwaway("导出")
    dialog.button.clicked.connect(
        lambda: QMessageBox.warning(dialog, "导出", "内部错误：AttributeError: 'bool' object")
    )
    qtbot.addWidget(dialog)
    with pytest.raises(AssertionError, match="导出: warning '导出' shows a bug"):
        clicker.run(dialog)


class Inner(Throwaway):
    def __init__(self, parent: QWidget) -> None:
        super().__init__("里面的按钮", parent)
        self.button.clicked.connect(lambda: 1 / 0)


def test_a_dialog_a_click_opens_is_clicked_too(qtbot: QtBot, clicker: Clicker) -> None:
    dialog = Throwaway("打开…")
    dialog.button.clicked.connect(lambda: Inner(dialog).exec())
    qtbot.addWidget(dialog)
    with pytest.raises(AssertionError, match=r"打开… › Inner › 里面的按钮: raised"):
        clicker.run(dialog)


class Work(QRunnable):
    class Signals(QObject):
        done = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.signals = Work.Signals()
        self.setAutoDelete(False)

    def run(self) -> None:
        self.signals.done.emit(None)


def test_a_result_that_arrives_later_is_waited_for(qtbot: QtBot, clicker: Clicker) -> None:
    """Work on the thread pool whose result breaks the slot it arrives in (queued to the UI
    thread): the harness waits for it and fails on it."""
    dialog = Throwaway("生成")
    work = Work()
    work.signals.done.connect(lambda result: result.pages)  # None has no pages
    dialog.button.clicked.connect(lambda: QThreadPool.globalInstance().start(work))
    qtbot.addWidget(dialog)
    with pytest.raises(AssertionError, match=r"(?s)生成: raised.*AttributeError"):
        clicker.run(dialog)
