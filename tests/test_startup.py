"""Start-up (issue 14): the window is painted before the core is imported, the core is loaded
off the UI thread, and the window then behaves as one made over a workspace at once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from inspector.inspections import TeamMember, create_inspection
from inspector.paths import DataDir
from inspector.workspace import Workspace
from ui.app import Application, CoreLoader

from .conftest import ROOT

TEAM = [TeamMember("张伟", "370100001", "历下区"), TeamMember("李娜", "370100002", "历下区")]

SHELL_SCRIPT = r"""
import sys
from PySide6.QtWidgets import QApplication
from inspector.paths import DataDir
from ui.app import Application
app = QApplication([])
application = Application(app, data_dir=DataDir(__import__("pathlib").Path(sys.argv[1])))
application.window.show()
app.processEvents()
heavy = ["sqlalchemy", "pydantic", "yaml", "inspector.db.models", "inspector.workspace",
         "inspector.checklists.schema", "PIL"]
heavy = [m for m in heavy if m in sys.modules]
print("heavy:", ",".join(heavy))
from PySide6.QtGui import QAction
actions = application.window.findChildren(QAction)
print("enabled:", sorted(a.text() for a in actions if a.isEnabled() and a.text() and not a.menu()))
"""


def test_the_window_is_painted_before_the_core_is_imported(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SHELL_SCRIPT, str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "heavy: \n" in done.stdout
    # Quit, shortcuts and about work before the core is in; nothing that needs data does.
    assert "enabled: ['关于', '快捷键', '退出']" in done.stdout


def _start(qtbot: QtBot, home: Path) -> tuple[Application, CoreLoader]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    application = Application(app, data_dir=DataDir(home))
    qtbot.addWidget(application.window)
    application.window.show()
    loader = CoreLoader(str(home))
    loader.loaded.connect(application.attach)
    return application, loader


def test_the_list_is_filled_once_the_core_is_loaded(qtbot: QtBot, home: Path) -> None:
    with Workspace.open(home) as ws:
        first = create_inspection(
            ws,
            institution="甲医院",
            type_code="public_hospital",
            mode="surprise",
            district="历下区",
            team=TEAM,
        )
    application, loader = _start(qtbot, home)
    window = application.window
    assert not window.attached
    assert window.pages.currentWidget() is window.loading
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        loader.start()
    try:
        assert window.attached
        assert window.pages.currentWidget() is window.home
        assert [row.id for row in window.home.model.rows] == [first]
        assert all(action.isEnabled() for action in window._needs_workspace)
        window.open_inspection(first)
        assert window.checklist.view is not None and window.checklist.view.id == first
        window.close()
    finally:
        loader.join()
        assert loader.workspace is not None
        loader.workspace.close()


def test_the_first_window_has_the_last_sessions_language(qtbot: QtBot, home: Path) -> None:
    with Workspace.open(home) as ws:
        ws.db.set_setting("language", "en")  # an older data directory: no quick copy yet
    application, loader = _start(qtbot, home)
    assert application.window.windowTitle() == "医保基金现场检查 Inspector"
    with qtbot.waitSignal(loader.loaded, timeout=60_000):
        loader.start()
    loader.join()
    assert loader.workspace is not None
    try:
        qtbot.addWidget(application.window)
        assert application.window.attached
        assert application.window.home.new_button.text() == "New inspection"
        assert DataDir(home).start_language() == "en"
        application.window.close()
    finally:
        loader.workspace.close()
    application.translations.apply("zh_CN")  # the translators are the app's, not the window's
    # The next start paints English before the database is open.
    again, _ = _start(qtbot, home)
    try:
        assert again.window.loading.message.text() == "Opening the list of inspections…"
        assert again.window.windowTitle() != "医保基金现场检查 Inspector"
    finally:
        again.translations.apply("zh_CN")


def test_a_data_directory_that_cannot_be_opened_is_said_so(qtbot: QtBot, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a directory", encoding="utf-8")
    loader = CoreLoader(str(blocked))
    with qtbot.waitSignal(loader.failed, timeout=60_000) as signal:
        loader.start()
    loader.join()
    assert loader.workspace is None
    assert signal.args and str(blocked) in signal.args[0]
