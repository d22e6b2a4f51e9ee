"""Start-up: the window is painted before the core is imported, the core is loaded
off the UI thread, and the window then behaves as one made over a workspace at once."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from inspector.db.engine import engine_key
from inspector.db.models import InspectionStatus
from inspector.inspections import (
    InspectionFilter,
    TeamMember,
    count_inspections,
    create_inspection,
    filter_choices,
    get_inspection,
    record_answer,
    search_inspections,
)
from inspector.listing import EVERYTHING, ListReader
from inspector.paths import DataDir
from inspector.workspace import Workspace
from tests.helpers.homes import HOLDER, PASSPHRASE, ROOT, open_home
from ui.app import Application, CoreLoader, early_list
from ui.home import list_names

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
import PySide6.QtCore
# PySide builds the Qt namespace's ~100 enums when it is first used (24 ms): not for the frame.
print("Qt namespace built:", "Qt" in vars(PySide6.QtCore))
from PySide6.QtGui import QAction
actions = application.window.findChildren(QAction)
print("enabled:", sorted(a.text() for a in actions if a.isEnabled() and a.text() and not a.menu()))
"""


def _child(script: str, home: Path) -> str:
    """A script run in a fresh interpreter (what it imports is its own); its output."""
    done = subprocess.run(
        [sys.executable, "-c", script, str(home)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_window_is_painted_before_the_core_is_imported(tmp_path: Path) -> None:
    out = _child(SHELL_SCRIPT, tmp_path)
    assert "heavy: \n" in out
    assert "Qt namespace built: False" in out
    # Quit, shortcuts and about work before the core is in; nothing that needs data does.
    assert "enabled: ['关于', '快捷键', '退出']" in out


EARLY_SCRIPT = r"""
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from inspector.paths import DataDir
from ui.app import Application, early_list
app = QApplication([])
data_dir = DataDir(Path(sys.argv[1]))
application = Application(app, data_dir=data_dir)
application.window.show()
early = early_list(data_dir)
assert early is not None and application.preview(*early)
app.processEvents()
print("rows:", len(application.window.home.model.rows))
heavy = ["sqlalchemy", "pydantic", "yaml", "inspector.db.models", "inspector.workspace",
         "inspector.inspections", "inspector.checklists.schema", "PIL", "cryptography"]
print("heavy:", ",".join(m for m in heavy if m in sys.modules))
"""


def test_the_early_list_needs_none_of_the_heavy_modules(home: Path) -> None:
    with Workspace.open(home) as ws:
        _visits(ws)
        DataDir(home).set_list_names(list_names(ws))
    out = _child(EARLY_SCRIPT, home)
    assert "rows: 3\n" in out
    assert "heavy: \n" in out


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
        with qtbot.waitSignal(window.checklist.loaded):  # read on the database executor
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


def _visits(ws: Workspace) -> list[str]:
    """Visits that differ in everything the list shows or filters by."""
    places = [
        ("甲医院", "public_hospital", "surprise", "历下区"),
        ("乙药店 100%_折扣", "retail_pharmacy", "random", "市中区"),
        ("丙卫生院", "primary_care", "surprise", "市中区"),
    ]
    ids = [
        create_inspection(
            ws, institution=name, type_code=kind, mode=mode, district=district, team=TEAM
        )
        for name, kind, mode, district in places
    ]
    items = get_inspection(ws, ids[0]).checklist.items
    record_answer(ws, ids[0], items[0].code, "problem", amount="1234.50")
    record_answer(ws, ids[0], items[1].code, "problem")
    record_answer(ws, ids[0], items[2].code, "ok")
    record_answer(ws, ids[1], items[0].code, "na")
    with ws.db.engine.begin() as connection:  # a correction of the first visit's record
        connection.execute(
            text(
                "update inspections set amends_id = :first, status = 'in_progress' where id = :id"
            ),
            {"first": ids[0], "id": ids[2]},
        )
    return ids


@pytest.mark.parametrize("home", ["plain", "encrypted"], indirect=True)
def test_the_early_list_reads_what_the_workspace_reads(home: Path) -> None:
    with open_home(home) as ws:
        ids = _visits(ws)
        reader = ListReader(ws.home.database, engine_key(ws.db.engine))
        try:
            assert reader.current()
            now = datetime.now(UTC)
            for filters in (
                EVERYTHING,
                InspectionFilter(status=InspectionStatus.IN_PROGRESS),
                InspectionFilter(district="市中区", mode="surprise"),
                InspectionFilter(institution="100%_"),
                InspectionFilter(institution="%"),  # a literal per cent: none has it but one
                InspectionFilter(since=now - timedelta(hours=1)),
                InspectionFilter(until=now - timedelta(hours=1)),
            ):
                assert reader.count(filters) == count_inspections(ws, filters)
                assert reader.search(filters) == search_inspections(ws, filters)
            assert reader.search(EVERYTHING, 1, 1) == search_inspections(ws, EVERYTHING, 1, 1)
            assert reader.choices() == filter_choices(ws)
            rows = reader.search()
        finally:
            reader.close()
        # And what the statements read is what the ORM's view of each visit says.
        assert sorted(row.id for row in rows) == sorted(ids)
        assert sum(row.amended for row in rows) == 1
        for row in rows:
            view = get_inspection(ws, row.id)
            assert (row.status, row.institution_name, row.district, row.mode) == (
                view.status,
                view.institution_name,
                view.district,
                view.mode,
            )
            assert row.type_code == view.institution_type
            assert row.created_at == view.created_at
            assert (row.answered, row.problems, row.amount_fen) == (
                view.checked,
                view.problems,
                view.amount_total_fen,
            )
            assert row.amends_id == view.amends_id
            assert row.amended == (row.id == ids[0])
        assert next(row for row in rows if row.id == ids[0]).amount_fen == 123450


@pytest.mark.parametrize("home", ["plain", "encrypted"], indirect=True)
def test_the_list_is_filled_before_the_core_from_the_kept_names(qtbot: QtBot, home: Path) -> None:
    with open_home(home) as ws:
        ids = _visits(ws)
        names = list_names(ws)
    kept = {"types": {**names["types"], "public_hospital": "公立（上次的名称）"}, "modes": {}}
    DataDir(home).set_list_names(kept)
    application, loader = _start(qtbot, home)
    if DataDir(home).encrypted:
        from inspector.crypto.home import unlock

        assert early_list(DataDir(home)) is None  # no keys, no list
        loader.keys = unlock(home, HOLDER, PASSPHRASE)
    window = application.window
    early = early_list(DataDir(home), loader.keys)
    assert early is not None and early[1] == kept
    assert application.preview(*early)
    # Before the core is in: the rows, the kept names, nothing that changes data.
    assert not window.attached
    assert window.pages.currentWidget() is window.home
    assert [row.id for row in window.home.model.rows] == ids[::-1]
    assert window.home.model.data(window.home.model.index(2, 3)) == "公立（上次的名称）"
    assert not window.home.new_button.isEnabled()
    window.home.search.setText("丙")
    window.home.apply_filters()
    assert [row.id for row in window.home.model.rows] == [ids[2]]
    window.home.search.setText("")
    window.open_inspection(ids[1])  # a double click on the early list
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        loader.start()
    try:
        if window.checklist.view is None:  # its read on the executor follows the list's
            with qtbot.waitSignal(window.checklist.loaded):
                pass
        assert window.attached and window.home.new_button.isEnabled()
        # The library's names once the core is in; the request from the early list is done.
        assert (
            window.home.model.data(window.home.model.index(2, 3))
            == names["types"]["public_hospital"]
        )
        assert window.checklist.view is not None and window.checklist.view.id == ids[1]
        assert window.reopen_last()  # the one asked for stays open
        assert window.checklist.view.id == ids[1]
        assert DataDir(home).list_names() == names  # kept for the next start
        assert application.readers == []
        window.close()
    finally:
        loader.join()
        assert loader.workspace is not None
        loader.workspace.close()


def test_no_early_list_without_kept_names_or_at_another_schema(home: Path) -> None:
    with Workspace.open(home) as ws:
        _visits(ws)
        names = list_names(ws)
    assert early_list(DataDir(home)) is None  # no names kept yet
    DataDir(home).set_list_names(names)
    early = early_list(DataDir(home))
    assert early is not None
    early[0].close()
    with Workspace.open(home) as ws:  # a schema other than this version's (here: newer)
        with ws.db.engine.begin() as connection:
            connection.execute(text("insert into alembic_version values ('0099_newer')"))
        assert early_list(DataDir(home)) is None
        with ws.db.engine.begin() as connection:
            connection.execute(text("delete from alembic_version where version_num = '0099_newer'"))
    (home / "list-names.json").write_text("{not json", encoding="utf-8")
    assert early_list(DataDir(home)) is None
