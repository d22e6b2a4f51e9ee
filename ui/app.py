"""Starting the desktop app: font, translations, data directory, main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from inspector.errors import InspectorError
from inspector.resources import resource_path
from inspector.workspace import Workspace
from ui.core_messages import core_message
from ui.main_window import MainWindow

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
    """Owns the workspace and the main window; rebuilds the window when the language changes."""

    def __init__(self, app: QApplication, workspace: Workspace) -> None:
        self.app = app
        self.workspace = workspace
        self.translations = Translations(app)
        stored = workspace.db.setting(LANGUAGE)
        self.language = stored if stored in LANGUAGES else "zh_CN"
        self.translations.apply(self.language)
        self.window = self._make_window()

    def _make_window(self) -> MainWindow:
        window = MainWindow(self.workspace, self.language)
        window.language_requested.connect(self.set_language)
        return window

    def set_language(self, language: str) -> None:
        if language == self.language:
            return
        self.workspace.db.set_setting(LANGUAGE, language)
        self.language = language
        self.translations.apply(language)
        old = self.window
        geometry = old.saveGeometry()
        old.close()
        old.deleteLater()
        self.window = self._make_window()
        self.window.restoreGeometry(geometry)
        self.window.show()
        self.window.reopen_last()


def smoke_preview(workspace: Workspace, inspection_id: str) -> bool | None:
    """Load the inspection's newest record in QtPdf, as the record dialog does (None: none)."""
    from PySide6.QtPdf import QPdfDocument

    from inspector.record.status import latest_record
    from ui.record_dialog import load_record

    record = latest_record(workspace, inspection_id)
    if record is None:
        return None
    document = QPdfDocument()
    buffer = load_record(workspace, record, document)
    ready = document.status() == QPdfDocument.Status.Ready and document.pageCount() > 0
    document.close()
    buffer.close()
    return ready


def run(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="inspector")
    parser.add_argument("--home")
    parser.add_argument("--smoke-test", action="store_true")
    parser.add_argument("--screenshot", metavar="FILE.png")
    args = parser.parse_args(list(argv))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Inspector")
    install_font(app)
    try:
        workspace = Workspace.open(args.home)
    except InspectorError as error:
        if args.smoke_test or args.screenshot:
            print(f"错误：{error}", file=sys.stderr)
        else:
            QMessageBox.critical(None, "Inspector", core_message(error))
        return 1
    application = Application(app, workspace)
    window = application.window
    window.show()
    if args.smoke_test:
        # The packaged build runs this too: the main window and the newest checklist open.
        newest = window.home.model.rows[0].id if window.home.model.rows else None
        opened = "home"
        if newest:
            window.open_inspection(newest)
            opened = f"checklist {newest[:8]}"
            preview = smoke_preview(workspace, newest)
            if preview is False:
                print("smoke test failed: the record preview could not load", file=sys.stderr)
                return 1
            if preview:
                opened += ", record preview"
        app.processEvents()
        window.close()
        workspace.close()
        print(f"smoke test ok: {opened} opened")
        return 0
    if args.screenshot:
        window.reopen_last()
        app.processEvents()
        window.grab().save(args.screenshot)
        window.close()
        workspace.close()
        return 0
    window.reopen_last()
    # Chosen at start, the last one offered first: the actor of every event (全过程记录).
    window.choose_inspector()
    code = app.exec()
    workspace.close()
    return code
