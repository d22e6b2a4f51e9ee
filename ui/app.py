"""Starting the desktop app: font, translations, data directory, main window. The window is
painted before the core (SQLAlchemy, the checklist schema, the models) is imported; the core is
loaded on a thread, then the home list is filled."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from inspector.errors import InspectorError
from inspector.paths import DataDir, resolve_home
from inspector.resources import resource_path
from ui.errors import CrashHandler
from ui.main_window import MainWindow

if TYPE_CHECKING:
    from inspector.crypto.vault import Keys
    from inspector.listing import ListReader
    from inspector.workspace import Workspace
    from ui.lock import SetupDialog

LANGUAGE = "language"
LANGUAGES = ("zh_CN", "en")


def install_font(app: QApplication) -> None:
    """Use the shipped CJK font: a fresh machine has none, and Qt would draw boxes."""
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", "wqy-microhei.ttc")))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        app.setFont(QFont(families[0], 10))


class Translations:
    """The app's own .qm (Chinese is the source language, so Chinese needs none) and Qt's."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.installed: list[QTranslator] = []

    def apply(self, language: str) -> None:
        for translator in self.installed:
            self.app.removeTranslator(translator)
        self.installed = []
        locale = QLocale("en_US")
        if language == "zh_CN":
            locale = QLocale("zh_CN")
            qt_own = QTranslator(self.app)
            translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_own.load(locale, "qtbase", "_", translations):  # Qt's dialogs' buttons
                self.app.installTranslator(qt_own)
                self.installed.append(qt_own)
        else:
            ours = QTranslator(self.app)
            if ours.load(str(resource_path("translations", f"inspector_{language}.qm"))):
                self.app.installTranslator(ours)
                self.installed.append(ours)
        QLocale.setDefault(locale)


class Application:
    """Owns the workspace and the main window; rebuilds the window when the language changes.

    ``Application(app, workspace)`` makes the whole window at once. ``Application(app,
    data_dir=...)`` makes the window's frame, menus and the home list's placeholder in the
    language of the last session, before the core is imported; ``attach`` completes it."""

    def __init__(
        self,
        app: QApplication,
        workspace: Workspace | None = None,
        *,
        data_dir: DataDir | None = None,
        language: str | None = None,
    ) -> None:
        """``language``: the one stored in the workspace's database, read by the caller (not
        here, on the UI thread); without it, the data directory's quick copy."""
        self.app = app
        self.workspace = workspace
        self.data_dir = workspace.home if workspace is not None else data_dir
        self.translations = Translations(app)
        self.readers: list[ListReader] = []  # the early list's (preview), closed at attach
        stored = language or (self.data_dir.start_language() if self.data_dir else None)
        self.language = stored if stored in LANGUAGES else "zh_CN"
        self.translations.apply(self.language)
        self.window = self._make_window()

    def _make_window(self) -> MainWindow:
        root = str(self.data_dir.root) if self.data_dir else None
        window = MainWindow(self.workspace, self.language, data_root=root)
        window.language_requested.connect(self.set_language)
        return window

    def preview(self, reader: ListReader, names: dict[str, dict[str, str]]) -> bool:
        """The home list from ``reader`` (early_list) until the core is in; False
        when it could not be shown (the list then waits for the workspace)."""
        from ui.home import ListSource

        if self.workspace is not None:  # the core is in already: nothing to show early
            reader.close()
            return False
        self.readers.append(reader)
        try:
            self.window.preview(ListSource.of_reader(reader, names))
        except Exception:  # a head start only: the workspace's list says what is wrong
            return False
        return True

    def attach(self, workspace: Workspace, stored: str | None) -> None:
        """The core is loaded: the database's language (``stored``, read where the workspace
        was opened, see CoreLoader) wins over the quick copy (an older data directory has
        none), then the window gets its pages and fills the list."""
        self.workspace = workspace
        self.data_dir = workspace.home
        language = stored if stored in LANGUAGES else "zh_CN"
        if workspace.home.start_language() != language:
            workspace.home.set_start_language(language)
        from ui.home import list_names

        names = list_names(workspace)
        if workspace.home.list_names() != names:  # for the next start's early list
            workspace.home.set_list_names(names)
        if language != self.language:
            self.language = language
            self.translations.apply(language)
            self._replace_window(MainWindow(None, language, data_root=str(workspace.home.root)))
        self.window.attach(workspace)
        for reader in self.readers:  # the early list reads through the workspace now
            reader.close()
        self.readers = []

    def _replace_window(self, window: MainWindow) -> None:
        old = self.window
        geometry = old.saveGeometry()
        visible = old.isVisible()
        old.close()
        old.deleteLater()
        window.language_requested.connect(self.set_language)
        self.window = window
        self.window.restoreGeometry(geometry)
        if visible:
            self.window.show()

    def set_language(self, language: str) -> None:
        if language == self.language or self.workspace is None:
            return
        from ui.ops import OpChanges, ops

        ws = self.workspace
        ops().mutate(lambda: ws.db.set_setting(LANGUAGE, language), OpChanges(settings=True))
        self.workspace.home.set_start_language(language)
        self.language = language
        self.translations.apply(language)
        self._replace_window(self._make_window())
        self.window.reopen_last()


class CoreLoader(QObject):
    """Imports the core and opens the workspace on a thread of its own, while the UI thread
    paints the window and stays responsive; ``loaded`` or ``failed`` arrive on the UI thread."""

    loaded = Signal(object, object)  # Workspace, the language stored in it (or None)
    failed = Signal(str)

    def __init__(self, home: str | None) -> None:
        super().__init__()
        self.home = home
        self.keys: Keys | None = None  # an encrypted data directory's, from the sign-in
        self.holder: str | None = None  # who signed in (执法证号)
        self.thread: threading.Thread | None = None
        self.workspace: Workspace | None = None  # what was opened, also if never delivered
        self.language: str | None = None  # the database's, read on this thread as it opens
        self.log_file: Path | None = None  # the data directory's log (inspector/diagnostics.py)

    def start(self) -> None:
        if self.thread is None:
            self.thread = threading.Thread(target=self._run, name="core-loader", daemon=True)
            self.thread.start()

    def join(self) -> None:
        if self.thread is not None:
            self.thread.join()

    def _run(self) -> None:
        # The log first, on this thread: its imports are not in the first paint's way.
        from inspector.diagnostics import setup_logging

        self.log_file = setup_logging(resolve_home(self.home))
        try:
            # The modules the pages need are imported here too, so that building the pages on
            # the UI thread imports nothing heavy.
            import ui.checklist_page
            import ui.evidence
            import ui.home
            import ui.tasks  # noqa: F401
            from inspector.workspace import Workspace

            workspace = Workspace.open(self.home, self.keys)
            self.keys = None  # the workspace holds what it needs; nothing else keeps them
            self.language = workspace.db.setting(LANGUAGE)  # here, not on the UI thread
        except InspectorError as error:
            from ui.core_messages import core_message

            self.failed.emit(core_message(error))  # in the UI's language
        except Exception as error:  # told to the user, not lost in a thread
            from inspector.diagnostics import log_crash

            log_crash(logging.getLogger(__name__), "opening the data directory failed", error)
            self.failed.emit(f"{type(error).__name__}: {error}")
        else:
            self.workspace = workspace
            self.loaded.emit(workspace, self.language)


def early_list(
    data_dir: DataDir, keys: Keys | None = None
) -> tuple[ListReader, dict[str, dict[str, str]]] | None:
    """The home list's rows straight from the database file, without SQLAlchemy, the models
    or the checklist library, to show while the core loads: a reader and the names
    of types and modes an earlier session kept. None (the list then waits for the workspace,
    as everything that changes data does) for a new directory, one without kept names, one
    whose schema is not this version's, an interrupted ``home encrypt``, an encrypted one
    without its keys, or any error: the workspace's own opening then says what is wrong.

    Called on the UI thread before the loader starts: PySide's modules must not be imported
    by two threads at once (a crash seen when the list was built while the loader imported)."""
    from inspector.listing import ListReader

    names = data_dir.list_names()
    if names is None or not data_dir.database.is_file() or data_dir.encrypting.exists():
        return None
    if data_dir.encrypted and keys is None:
        return None
    try:
        reader = ListReader(data_dir.database, keys.database if keys else None)
    except Exception:
        return None
    try:
        if reader.current():
            reader.choices()  # the statements run once here: an error means no early list
            return reader, names
    except Exception:
        pass
    reader.close()
    return None


class FirstPaint(QObject):
    """Calls back once, at the event loop's turn after a widget was first painted (the
    backing store has been flushed to the screen by then)."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self.callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self.callback is not None:
            callback, self.callback = self.callback, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, callback)
        return False


def _since_start(origin: float) -> float:
    return (time.time() - origin) * 1000


def smoke_preview(workspace: Workspace, inspection_id: str) -> bool | None:
    """Load the inspection's newest record in QtPdf, as the record dialog does (None: none)."""
    from PySide6.QtPdf import QPdfDocument

    from inspector.record.status import latest_record
    from ui.record_preview import load_record

    record = latest_record(workspace, inspection_id)
    if record is None:
        return None
    document = QPdfDocument()
    buffer = load_record(workspace, record, document)
    ready = document.status() == QPdfDocument.Status.Ready and document.pageCount() > 0
    document.close()
    buffer.close()
    return ready


def smoke_test(
    application: Application,
    workspace: Workspace,
    marks: dict[str, float],
    origin: float,
    early: bool = False,
) -> int:
    """The packaged build runs this too: the main window and the newest checklist open."""
    window = application.window
    newest = window.home.model.rows[0].id if window.home.model.rows else None
    opened = "home"
    if newest:
        window.open_inspection(newest)
        window.repaint()
        marks["checklist opened"] = _since_start(origin)
        opened = f"checklist {newest[:8]}"
        preview = smoke_preview(workspace, newest)
        if preview is False:
            print("smoke test failed: the record preview could not load", file=sys.stderr)
            return 1
        if preview:
            opened += ", record preview"
    application.app.processEvents()
    timings = ", ".join(f"{name} {ms:.0f} ms" for name, ms in marks.items())
    # Whether the list was filled before the core was in (early_list) or with it.
    filled = "early" if early else "with the core"
    print(f"smoke test ok: {opened} opened; list filled {filled}; {timings}")
    return 0


def run(argv: Sequence[str], started: float | None = None) -> int:
    """Start the app: paint the window first, then load the core off the UI thread.

    ``started`` is the wall-clock time the figures of ``--smoke-test`` count from: the
    environment's ``INSPECTOR_T0`` (a benchmark sets it just before it starts the process),
    else what main.py noted when it started."""
    parser = argparse.ArgumentParser(prog="inspector")
    parser.add_argument("--home")
    parser.add_argument("--smoke-test", action="store_true")
    parser.add_argument("--screenshot", metavar="FILE.png")
    args = parser.parse_args(list(argv))
    origin = float(os.environ.get("INSPECTOR_T0") or started or time.time())
    headless = bool(args.smoke_test or args.screenshot)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Inspector")
    install_font(app)
    application = Application(app, data_dir=resolve_home(args.home))
    loader = CoreLoader(args.home)
    # Bugs from here on: into the log (set up by the loader) and a crash dialog (ui/errors.py).
    crash = CrashHandler(lambda: loader.log_file).install()
    marks: dict[str, float] = {}
    outcome: dict[str, int] = {}

    def painted() -> None:
        marks["first paint"] = _since_start(origin)
        if headless:
            headless_keys()
            start_loading()
        else:
            sign_in()

    def headless_keys() -> None:
        # The smoke test and screenshots of an encrypted directory: the passphrase file the
        # command line also reads (INSPECTOR_HOME_PASSPHRASE_FILE), for its only inspector.
        data_dir = application.data_dir
        secret = os.environ.get("INSPECTOR_HOME_PASSPHRASE_FILE")
        if data_dir is None or not data_dir.encrypted or not secret:
            return
        from pathlib import Path

        from inspector.crypto.home import default_holder, load_vault

        try:
            vault = load_vault(data_dir)
            text = Path(secret).read_text(encoding="utf-8-sig").splitlines()
            loader.keys = vault.unlock(default_holder(vault, None), text[0] if text else "")
        except (InspectorError, OSError) as error:
            failed(str(error))

    def sign_in() -> None:
        """Who is working and the passphrase (encrypted), or, for a new data directory, the
        offer to protect it with a passphrase (the default); then the core is loaded."""
        data_dir = application.data_dir
        assert data_dir is not None
        if data_dir.encrypting.exists():  # an interrupted `home encrypt` (imported if so only)
            from inspector.crypto.home import finish_interrupted

            try:
                finish_interrupted(data_dir.root)
            except OSError as error:
                failed(str(error))
                return
        if data_dir.encrypted:
            from ui.lock import SignInDialog

            try:
                dialog: SignInDialog | SetupDialog = SignInDialog(data_dir.root, application.window)
            except InspectorError as error:  # a damaged key file
                from ui.core_messages import core_message

                failed(core_message(error))
                return
        elif not data_dir.database.exists():
            from ui.lock import SetupDialog

            dialog = SetupDialog(data_dir.root, application.window)
        else:
            start_loading()
            return

        def done(result: int) -> None:
            if result != QDialog.DialogCode.Accepted:
                application.window.close()
                app.quit()
                return
            loader.keys = dialog.keys
            loader.holder = dialog.holder
            start_loading()

        dialog.finished.connect(done)
        dialog.open()

    def failed(message: str) -> None:
        if headless:
            print(f"错误：{message}", file=sys.stderr)
        else:
            QMessageBox.critical(application.window, "Inspector", message)
        outcome["code"] = 1
        application.window.close()
        app.quit()

    def start_loading() -> None:
        """The early list first, on this thread (see early_list), then the core's loading."""
        assert application.data_dir is not None
        early = early_list(application.data_dir, loader.keys)
        if early is not None and application.preview(*early):
            application.window.repaint()  # the filled list is on the screen before the time
            marks["list filled"] = _since_start(origin)
            outcome["early list"] = 1
        loader.start()

    def loaded(workspace: Workspace, stored: str | None) -> None:
        application.attach(workspace, stored)
        window = application.window
        window.repaint()
        marks["core loaded"] = _since_start(origin)
        if window.ready:
            ready(workspace)
        else:  # the home list is read again on the database executor
            window.loaded.connect(lambda: ready(workspace))

    def ready(workspace: Workspace) -> None:
        window = application.window
        if "list filled" not in marks:
            window.repaint()
            marks["list filled"] = _since_start(origin)
        if args.smoke_test:
            early = "early list" in outcome
            outcome["code"] = smoke_test(application, workspace, marks, origin, early)
            window.close()
            app.quit()
        elif args.screenshot:
            from ui.ops import ops

            window.reopen_last()
            ops().flush(30)  # the last inspection's id is read on the database executor
            app.processEvents()  # then reopened here
            window.grab().save(args.screenshot)
            outcome["code"] = 0
            window.close()
            app.quit()
        else:
            window.reopen_last()
            if loader.holder:  # signed in: who is working is known
                window.sign_in_as(loader.holder)
            else:
                # Chosen at start, the last one offered first: the actor of every event.
                window.choose_inspector()

    loader.loaded.connect(loaded)
    loader.failed.connect(failed)
    FirstPaint(application.window.loading, painted)
    application.window.show()
    code = app.exec()
    loader.join()  # a window closed while the core loads: let the opening finish, then close
    for workspace in {id(w): w for w in (application.workspace, loader.workspace) if w}.values():
        workspace.close()
    crash.uninstall()
    return outcome.get("code", code)
