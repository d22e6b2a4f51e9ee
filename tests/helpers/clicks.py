"""Click everything: open a window, click every enabled, visible button and trigger every enabled
menu and tool bar action in it, as a user would (``qtbot.mouseClick`` and ``QAction.trigger``,
never a slot called by hand), and fail on any exception raised in a slot or any Qt warning.

Tests that call a slot directly pass arguments the real signal never sends and miss what it does
send: ``clicked(bool)`` arriving as a ``printer`` or as ``confirm=False``. Only a click shows it.

What a click opens is answered deterministically so that nothing is decided by chance:
- message boxes are recorded and answered No (a question) or Ok (a notice): no click
  confirms anything destructive;
- a modal dialog's ``exec()`` is recorded, its own buttons are clicked in turn (to a bounded
  depth), and it returns Rejected (the user cancelled), unless the test gives an answer for its
  class (``answers``);
- file and input dialogs return nothing (the user cancelled) unless the test gives a file;
- a menu a click pops up is closed (as by Esc), then each of its enabled actions triggered;
- a window a click shows without ``exec`` (``open()``, ``show()``) is recorded, explored the same
  way and closed.

A message box that says 内部错误 (the task runner's way of showing an unexpected exception) is a
failure too. Asynchronous work (the thread pool) is waited for after each click, and the queued
results delivered, before the next click; ``settle`` adds more waits (an autosaver's flush).
Nothing here depends on how the app runs its work beyond "it ends and says so by a signal":
the waits for the database executor and the CPU pool are in ``settle`` (one place).

Exceptions: PySide hands an exception raised in a slot to ``sys.excepthook``; pytest-qt's
capture (on: ``qt_no_exception_capture`` is not set) would fail the test only at its end, with
no word of which click. Each click here is wrapped in ``qtbot.capture_exceptions()`` instead, so
the failure names it. Qt warnings are read from ``qtlog`` (``qt_log_level_fail = WARNING``
would fail the test anyway; here each is attributed to its click). ``CLICKS_DEBUG=1`` with
``pytest -s`` prints every click and what it opened.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui.ops import ops

# Buttons that end the window: clicked after all the others.
CLOSING = {"关闭", "取消", "退出", "完成", "Close", "Cancel", "Quit", "OK", "确定"}
INTERNAL_ERROR = ("内部错误", "Traceback")
# Dialog classes that override exec() in C++ (a patch of QDialog.exec does not reach them).
_EXEC_CLASSES: tuple[type[QDialog], ...] = (
    QDialog,
    QMessageBox,
    QFileDialog,
    QInputDialog,
    QPrintDialog,
    QPageSetupDialog,
)


@dataclass
class Opened:
    """A message box, dialog, menu or window that a click opened."""

    kind: str  # question, warning, information, critical, about, dialog, file, input, menu, window
    name: str  # the class of a dialog, the title of a message box
    text: str
    via: str  # the clicks that led to it


@dataclass
class ClickReport:
    clicked: list[str] = field(default_factory=list)
    opened: list[Opened] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def opened_by(self, label: str) -> list[Opened]:
        return [o for o in self.opened if o.via.split(" › ")[-1] == label]


def _alive(obj: QObject | None) -> bool:
    return obj is not None and shiboken6.isValid(obj)


def _label(obj: QAbstractButton | QAction) -> str:
    text = obj.text().replace("&", "").strip()
    if not text:
        text = obj.toolTip().strip() or obj.objectName()
    return text or type(obj).__name__


def _window_name(widget: QWidget) -> str:
    title = widget.windowTitle()
    return f"{type(widget).__name__}({title})" if title else type(widget).__name__


def _closing(obj: QAbstractButton | QAction) -> bool:
    """A button that ends the window or leaves the page: clicked after the others."""
    if _label(obj) in CLOSING or _label(obj).startswith("←") or _label(obj).endswith("→"):
        return True
    if isinstance(obj, QAbstractButton):
        box = obj.parent()
        if isinstance(box, QDialogButtonBox):
            role = box.buttonRole(obj)
            return role in (
                QDialogButtonBox.ButtonRole.AcceptRole,
                QDialogButtonBox.ButtonRole.RejectRole,
                QDialogButtonBox.ButtonRole.YesRole,
                QDialogButtonBox.ButtonRole.NoRole,
            )
    return False


def _menu_actions(menu: QMenu) -> Iterator[QAction]:
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from _menu_actions(sub)
        else:
            yield action


class Clicker:
    """One per test (``clicker`` fixture). ``run(window)`` clicks everything reachable in it and
    raises AssertionError listing every click that raised or warned."""

    def __init__(
        self,
        qtbot: QtBot,
        qtlog: Any,
        monkeypatch: pytest.MonkeyPatch,
        *,
        depth: int = 2,
    ) -> None:
        self.qtbot = qtbot
        self.qtlog = qtlog
        self.depth = depth
        self.report = ClickReport()
        # A dialog class → what its exec() does instead of being cancelled (returns the code).
        self.answers: dict[type[QDialog], Callable[[QDialog], int]] = {}
        # (method, caption) → the file(s) the file dialog returns; "" by default (cancelled).
        self.file_answer: Callable[[str, str], str | list[str]] = lambda _kind, _caption: ""
        self.settle_hooks: list[Callable[[], object]] = []
        self.skip: set[str] = set()  # labels never clicked (say why where it is set)
        # A window class a click shows without exec (the lock's sign-in) → what the user does
        # in it, instead of clicking everything in it and closing it.
        self.on_window: dict[type[QWidget], Callable[[QWidget], object]] = {}
        self._via: list[str] = []
        self._level = 0
        self._menus = True
        self._keep: list[QObject] = []  # the clicked objects, so their ids stay unique
        self._keep_selection: set[int] = set()
        self._popups: list[list[QAction]] = []
        self._watch = QTimer()
        self._watch.setInterval(10)
        self._watch.timeout.connect(self._close_popup)
        self._patch(monkeypatch)

    # --- answers to what a click opens ----------------------------------------------------

    def _record(self, kind: str, name: str, text: str) -> None:
        via = " › ".join(self._via)
        self.report.opened.append(Opened(kind, name, text, via))
        if any(mark in text for mark in INTERNAL_ERROR):
            self.report.problems.append(f"{via}: {kind} {name!r} shows a bug: {text}")

    def _patch(self, monkeypatch: pytest.MonkeyPatch) -> None:
        clicker = self
        button = QMessageBox.StandardButton

        def box(kind: str, answer: Any) -> Callable[..., Any]:
            def shown(_parent: Any, title: str = "", text: str = "", *_a: Any, **_k: Any) -> Any:
                clicker._record(kind, title, text)
                return answer

            return staticmethod(shown)  # type: ignore[return-value]

        monkeypatch.setattr(QMessageBox, "question", box("question", button.No))
        monkeypatch.setattr(QMessageBox, "warning", box("warning", button.Ok))
        monkeypatch.setattr(QMessageBox, "information", box("information", button.Ok))
        monkeypatch.setattr(QMessageBox, "critical", box("critical", button.Ok))
        monkeypatch.setattr(QMessageBox, "about", box("about", None))
        monkeypatch.setattr(QMessageBox, "aboutQt", box("about", None))

        def files(kind: str, many: bool) -> Callable[..., Any]:
            def chosen(_parent: Any = None, caption: str = "", *_a: Any, **_k: Any) -> Any:
                clicker._record("file", kind, caption)
                answer = clicker.file_answer(kind, caption)
                if kind == "getExistingDirectory":
                    return answer
                if many:
                    return (answer if isinstance(answer, list) else [answer] if answer else []), ""
                return answer, ""

            return staticmethod(chosen)  # type: ignore[return-value]

        for name, many in (
            ("getOpenFileName", False),
            ("getOpenFileNames", True),
            ("getSaveFileName", False),
            ("getExistingDirectory", False),
        ):
            monkeypatch.setattr(QFileDialog, name, files(name, many))

        def inputs(kind: str, cancelled: Any) -> Callable[..., Any]:
            def asked(_parent: Any = None, title: str = "", label: str = "", *_a: Any, **_k: Any):
                clicker._record("input", title, label)
                return cancelled, False

            return staticmethod(asked)  # type: ignore[return-value]

        for name, cancelled in (
            ("getText", ""),
            ("getMultiLineText", ""),
            ("getInt", 0),
            ("getDouble", 0.0),
            ("getItem", ""),
        ):
            monkeypatch.setattr(QInputDialog, name, inputs(name, cancelled))

        def exec_(dialog: QDialog) -> int:
            return clicker._exec(dialog)

        for cls in _EXEC_CLASSES:
            monkeypatch.setattr(cls, "exec", exec_)

    def _exec(self, dialog: QDialog) -> int:
        if isinstance(dialog, QMessageBox):
            self._record("message", dialog.windowTitle(), dialog.text())
            return int(QMessageBox.StandardButton.Cancel.value)
        self._record("dialog", type(dialog).__name__, dialog.windowTitle())
        for cls, answer in self.answers.items():
            if isinstance(dialog, cls):
                return answer(dialog)
        # Qt's own dialogs (printer, file) are not explored: their buttons open more dialogs
        # from C++, where a patched exec() does not reach, and they would wait for a user.
        if self._level < self.depth and not type(dialog).__module__.startswith("PySide6"):
            self._explore(dialog)
        if _alive(dialog):
            dialog.hide()
        return int(QDialog.DialogCode.Rejected.value)

    def _close_popup(self) -> None:
        """A menu a click popped up (``QMenu.exec``, a nested event loop that a patch cannot
        reach: PySide binds it past the class attribute): record its actions, close it (exec
        returns None, as when the user presses Esc); they are triggered after the click."""
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            actions = [a for a in _menu_actions(popup) if a.isEnabled() and a.isVisible()]
            self._record("menu", type(popup.parent()).__name__, " | ".join(map(_label, actions)))
            self._popups.append(actions)
            popup.close()

    # --- clicking ---------------------------------------------------------------------------

    def run(
        self, root: QWidget, *, menus: bool = True, keep: tuple[QWidget, ...] = ()
    ) -> ClickReport:
        """Click everything in ``root`` (shown if it is not); fail listing every click that went
        wrong. Returns the report (what was clicked and opened) for further assertions.
        ``menus=False``: the buttons of what the window shows now, not its menu bar again.
        ``keep``: lists whose selection the test chose (their first row is not clicked)."""
        self._menus = menus
        self._keep_selection = {id(view) for view in keep}
        self._watch.start()  # runs in the nested event loop of a menu's exec
        try:
            self._explore(root)
        finally:
            self._watch.stop()
        self._menus = True
        if os.environ.get("CLICKS_DEBUG"):  # what was clicked and opened, for pytest -s
            print("\n".join(self.report.clicked), *map(str, self.report.opened), sep="\n")
        self.assert_clean()
        return self.report

    def assert_clean(self) -> None:
        if self.report.problems:
            problems, self.report.problems = self.report.problems, []
            raise AssertionError(
                f"{len(problems)} click(s) went wrong:\n\n" + "\n\n".join(problems)
            )

    def _explore(self, root: QWidget) -> None:
        self._level += 1
        self._via.append(_window_name(root))
        try:
            if not root.isVisible():
                root.show()
            done: set[int] = set()
            self.settle()  # what the window loads in the background (thumbnails) is in
            self._select_rows(root)
            for _round in range(3):  # clicks may add buttons (rows, pages): look again
                targets = [t for t in self._targets(root) if id(t) not in done]
                if not targets:
                    break
                targets.sort(key=_closing)
                for target in targets:
                    done.add(id(target))
                    self._keep.append(target)
                    if not _alive(root) or not _alive(target):
                        continue
                    if not root.isVisible():  # an earlier click closed it: open it again
                        root.show()
                    self._click(root, target)
                if not _alive(root):
                    break
        finally:
            self._via.pop()
            self._level -= 1

    def _targets(self, root: QWidget) -> list[QAbstractButton | QAction]:
        targets: list[QAbstractButton | QAction] = []
        for button in root.findChildren(QAbstractButton):
            if isinstance(button, QToolButton) and button.menu() is not None:
                # Its menu's exec is Qt's own: its actions are triggered instead, when a user
                # can see the button (the menu bar's overflow button holds the menus' copies).
                if button.isVisible():
                    targets.extend(_menu_actions(button.menu()))
                continue
            if button.window() is root:
                targets.append(button)
        bars: list[QWidget] = []
        if not self._menus and self._level == 1:
            return targets
        if isinstance(root, QMainWindow):
            bars.append(root.menuBar())
        bars.extend(root.findChildren(QToolBar))
        for bar in bars:
            for action in bar.actions():
                menu = action.menu()
                if isinstance(menu, QMenu):
                    targets.extend(_menu_actions(menu))
                elif not action.isSeparator():
                    targets.append(action)
        unique: dict[int, QAbstractButton | QAction] = {}
        for target in targets:
            unique.setdefault(id(target), target)
        return list(unique.values())

    def _click(self, root: QWidget, target: QAbstractButton | QAction) -> None:
        label = _label(target)
        if label in self.skip:
            return
        if isinstance(target, QAction):
            if target.isEnabled() and target.isVisible():
                self._act(label, target.trigger)
            return
        self._show_tab_of(root, target)
        if not (target.isEnabled() and target.isVisible()):
            return
        self._act(label, functools.partial(self._press, target))

    def _show_tab_of(self, root: QWidget, widget: QWidget) -> None:
        """A button on a tab not shown: click the tab first, as a user must."""
        child: QWidget = widget
        parent = widget.parentWidget()
        while parent is not None and parent is not root:
            if isinstance(parent, QTabWidget):
                index = parent.indexOf(child)
                if index >= 0 and parent.currentIndex() != index and parent.isTabEnabled(index):
                    bar = parent.tabBar()
                    centre = bar.tabRect(index).center()
                    self._act(
                        f"标签页 {parent.tabText(index)}",
                        functools.partial(self._press, bar, centre),
                    )
            child, parent = parent, parent.parentWidget()

    def _select_rows(self, root: QWidget) -> None:
        """Click the first row of every list and table (buttons wait for a selection), and ask
        for its context menu where it has one."""
        for view in root.findChildren(QAbstractItemView):
            if not view.isVisible() or view.window() is not root:
                continue
            if id(view) in self._keep_selection:
                continue
            model = view.model()
            if model is None or model.rowCount() == 0:
                continue
            rect = view.visualRect(model.index(0, 0))
            if (
                not rect.isValid()
                or view.selectionMode() is QAbstractItemView.SelectionMode.NoSelection
            ):
                continue
            name = view.objectName() or type(view).__name__
            viewport = view.viewport()
            self._act(
                f"{name} 第一行",
                functools.partial(self._press, viewport, rect.center()),
            )
            if _alive(view) and view.contextMenuPolicy() is Qt.ContextMenuPolicy.CustomContextMenu:
                self._act(
                    f"{name} 右键菜单", functools.partial(self._context_menu, view, rect.center())
                )

    def _press(self, widget: QWidget, position: QPoint | None = None) -> None:
        if position is None:
            self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        else:
            self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=position)

    @staticmethod
    def _context_menu(view: QAbstractScrollArea, position: QPoint) -> None:
        viewport = view.viewport()
        event = QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, position, viewport.mapToGlobal(position)
        )
        QApplication.sendEvent(viewport, event)

    def _act(self, label: str, action: Callable[[], object]) -> None:
        """One click: what it raised, warned and opened, attributed to it."""
        self._via.append(label)
        path = " › ".join(self._via)
        self.report.clicked.append(path)
        before_logs = len(self.qtlog.records)
        before_windows = self._visible_windows()
        popups = len(self._popups)
        try:
            with self.qtbot.capture_exceptions() as exceptions:
                try:
                    action()
                except Exception:  # a slot's exception that reached the click itself
                    exceptions.append(sys.exc_info())  # type: ignore[arg-type]
                self.settle()
            for kind, value, tb in exceptions:
                trace = "".join(traceback.format_exception(kind, value, tb))
                self.report.problems.append(f"{path}: raised\n{trace}")
            warnings = [
                record.message
                for record in self.qtlog.records[before_logs:]
                if record.matches_level("WARNING") and not record.ignored
            ]
            if warnings:
                self.report.problems.append(f"{path}: Qt warned: " + " / ".join(warnings))
            menus, self._popups[popups:] = self._popups[popups:], []
            for actions in menus if self._level < self.depth else []:
                for menu_action in actions:
                    if _alive(menu_action) and menu_action.isEnabled():
                        self._act(_label(menu_action), menu_action.trigger)
            for window in self._visible_windows() - before_windows:
                widget = self._window(window)
                if widget is None:
                    continue
                self._record("window", _window_name(widget), "")
                handlers = [h for cls, h in self.on_window.items() if isinstance(widget, cls)]
                if handlers:
                    self._via.append(_window_name(widget))
                    try:
                        self._act("(the test's answer)", functools.partial(handlers[0], widget))
                    finally:
                        self._via.pop()
                    continue
                if self._level < self.depth:
                    self._explore(widget)
                if _alive(widget):
                    widget.close()
                self.settle()
        finally:
            self._via.pop()

    def _visible_windows(self) -> set[int]:
        self._windows = {
            id(w): w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and not isinstance(w, QMenu) and w.isWindow()
        }
        return set(self._windows)

    def _window(self, key: int) -> QWidget | None:
        widget = self._windows.get(key)
        if widget is None or not _alive(widget) or not widget.isVisible():
            return None
        if widget.windowType() in (Qt.WindowType.ToolTip, Qt.WindowType.Popup):
            return None
        return widget

    def settle(self) -> None:
        """Wait for the work a click started, and deliver its results to the UI."""
        pool = QThreadPool.globalInstance()
        for _ in range(20):
            for hook in self.settle_hooks:
                hook()
            assert pool.waitForDone(120_000), "background work did not end in two minutes"
            # and the database executor (ui/ops): reads and writes a click queued there
            assert ops().flush(120), "database work did not end in two minutes"
            QApplication.sendPostedEvents(None, 0)
            QApplication.processEvents()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
            if pool.activeThreadCount() == 0 and ops().flush(0):
                break


@contextlib.contextmanager
def no_clicks_change(read: Callable[[], object]) -> Iterator[None]:
    """Assert that what ``read`` returns is the same after the clicks (everything answered
    No or Cancel changes nothing)."""
    before = read()
    yield
    assert read() == before
