"""Diagnostics: a log of ids and actions in the data directory (none of actions in an
encrypted one), a crash dialog for bugs, database errors sorted by SQLite's result code."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from inspector.db.engine import Database
from inspector.db.errors import (
    BUSY,
    CANT_OPEN,
    CORRUPT,
    DISK_FULL,
    READ_ONLY,
    SIGNED_AND_LOCKED,
    known_failure,
)
from inspector.diagnostics import (
    ENV_LOG,
    frames_only,
    log_crash,
    log_path,
    setup_logging,
    stop_logging,
)
from inspector.errors import InvalidInput, StorageError
from inspector.paths import DataDir
from tests.helpers.cli import Cli, new_inspection
from tests.helpers.homes import ROOT

NAME = "张伟"  # a person's name: must never reach the log
SECRET = "挂床住院的患者王某"  # a note


@pytest.fixture
def logging_on(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(ENV_LOG, raising=False)
    yield
    stop_logging()


def _log(home: Path) -> str:
    path = log_path(DataDir(home))
    return path.read_text(encoding="utf-8") if path.exists() else ""


# --- the log ------------------------------------------------------------------------------------


def test_the_command_line_logs_ids_and_actions_never_names_or_notes(
    logging_on: None, cli: Cli, home: Path
) -> None:
    inspection = new_inspection(cli)
    cli("answer", inspection, "P5.1", "--result", "problem", "--note", SECRET)
    cli("inspection", "show", inspection)
    log = _log(home)
    assert f"inspection.create inspections inspection={inspection}" in log
    assert f"answer.save answers inspection={inspection}" in log and "opened: device" in log
    for private in (NAME, "李娜", "历城区", "社区卫生服务中心", SECRET, "370100001"):
        assert private not in log, private


@pytest.mark.parametrize("home", ["encrypted"], indirect=True)
def test_an_encrypted_directory_keeps_no_log_of_actions(
    logging_on: None, cli: Cli, home: Path
) -> None:
    inspection = new_inspection(cli)
    cli("answer", inspection, "P5.1", "--result", "problem", "--note", SECRET)
    assert not log_path(DataDir(home)).exists()
    # A crash still leaves its frames, and nothing of its message.
    setup_logging(DataDir(home))
    try:
        raise ValueError(f"invalid literal for int(): {NAME!r}")
    except ValueError as error:
        log_crash(logging.getLogger("inspector.test"), "unexpected error", error)
    log = _log(home)
    assert "test_an_encrypted_directory_keeps_no_log_of_actions" in log
    assert "ValueError" in log and NAME not in log and inspection not in log


def test_home_encrypt_removes_the_plain_log(
    logging_on: None, cli: Cli, home: Path, passphrase_file: Path
) -> None:
    inspection = new_inspection(cli)
    assert inspection in _log(home)
    cli("home", "encrypt", "--as", "370100001", "--new-passphrase-file", str(passphrase_file))
    assert DataDir(home).encrypted
    assert not log_path(DataDir(home)).exists()


def test_a_bug_in_a_command_leaves_its_frames_in_the_log(
    logging_on: None, cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inspection = new_inspection(cli)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise KeyError(NAME)

    monkeypatch.setattr("inspector.cli.inspection.get_inspection", broken)
    with pytest.raises(KeyError):
        cli("inspection", "show", inspection)
    log = _log(home)
    assert "command inspection failed" in log and "in broken" in log and "KeyError" in log
    assert NAME not in log


def test_frames_only_keeps_code_types_and_message_ids_not_values(tmp_path: Path) -> None:
    def inner(name: str) -> None:
        raise InvalidInput("没有条目 {code}", code=name)

    try:
        try:
            inner(NAME)
        except InvalidInput as error:
            raise RuntimeError(f"while saving {NAME}") from error
    except RuntimeError as error:
        report = frames_only(error)
    assert "in inner" in report and 'raise InvalidInput("没有条目 {code}", code=name)' in report
    assert "inspector.errors.InvalidInput «没有条目 {code}»" in report
    assert "RuntimeError" in report and NAME not in report
    # Paths start inside the program: a user's folder can carry their name.
    assert 'File "test_diagnostics.py"' in report and str(tmp_path.parent) not in report
    assert str(Path(__file__).parent) not in report


# --- database errors by SQLite's code -------------------------------------------------------------


@pytest.fixture(params=["sqlite3", "sqlcipher3"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    key = os.urandom(32) if request.param == "sqlcipher3" else None
    db = Database(tmp_path / "t.sqlite3", key)
    with db.session() as session:
        session.execute(text("CREATE TABLE t (a TEXT UNIQUE)"))
        session.execute(text("INSERT INTO t VALUES ('kept')"))
    yield db
    db.dispose()


def _rows(db: Database) -> list[str]:
    with db.session() as session:
        return [row[0] for row in session.execute(text("SELECT a FROM t ORDER BY a"))]


def test_a_constraint_failure_is_a_bug_not_a_database_error(database: Database) -> None:
    with pytest.raises(IntegrityError) as caught, database.session() as session:
        session.execute(text("INSERT INTO t VALUES ('kept')"))
    assert not isinstance(caught.value, StorageError)
    assert known_failure(caught.value) is None
    assert _rows(database) == ["kept"]


def test_a_full_disk_is_told_by_its_code(database: Database) -> None:
    with pytest.raises(StorageError) as caught, database.session() as session:
        pages = session.execute(text("PRAGMA page_count")).scalar()
        session.execute(text(f"PRAGMA max_page_count = {pages}"))
        session.execute(text("INSERT INTO t VALUES (:a)"), {"a": "长" * 200_000})
    assert str(caught.value) == DISK_FULL
    assert _rows(database) == ["kept"]


def test_the_lock_trigger_of_a_signed_inspection_is_a_message(database: Database) -> None:
    with database.session() as session:
        session.execute(
            text(
                "CREATE TRIGGER lock BEFORE INSERT ON t "
                "BEGIN SELECT RAISE(ABORT, 'inspection is signed and locked'); END"
            )
        )
    with pytest.raises(StorageError, match="数字签名并锁定") as caught, database.session() as s:
        s.execute(text("INSERT INTO t VALUES ('new')"))
    assert str(caught.value) == SIGNED_AND_LOCKED


def test_busy_by_its_code(database: Database) -> None:
    from sqlalchemy import event

    from inspector.db.connect import connect
    from inspector.db.engine import engine_key

    def no_wait(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute("PRAGMA busy_timeout = 0")  # after the engine's own 5 s

    event.listen(database.engine, "connect", no_wait)
    database.engine.dispose()
    other = connect(database.path, engine_key(database.engine))
    other.isolation_level = None
    other.execute("BEGIN EXCLUSIVE")  # another program holds the file
    try:
        with pytest.raises(StorageError) as caught, database.session() as session:
            session.execute(text("INSERT INTO t VALUES ('new')"))
        assert str(caught.value) == BUSY
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _rows(database) == ["kept"]


def test_a_damaged_file_is_told_by_its_code(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(b"not a database, the first page of a photo perhaps" * 100)
    db = Database(path)
    try:
        with pytest.raises(StorageError) as caught, db.session() as session:
            session.execute(text("SELECT * FROM sqlite_master"))
        assert str(caught.value) == CORRUPT
    finally:
        db.dispose()


def test_a_read_only_database_is_told_by_its_code(database: Database) -> None:
    from sqlalchemy import event

    def read_only(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute("PRAGMA query_only = 1")  # SQLITE_READONLY, as a read-only file

    event.listen(database.engine, "connect", read_only)
    database.engine.dispose()
    with pytest.raises(StorageError) as caught, database.session() as session:
        session.execute(text("INSERT INTO t VALUES ('new')"))
    assert str(caught.value) == READ_ONLY
    assert _rows(database) == ["kept"]


def test_a_folder_where_the_file_should_be_cannot_be_opened(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.sqlite3"
    folder.mkdir()
    db = Database(folder)
    try:
        with pytest.raises(StorageError) as caught, db.session() as session:
            session.execute(text("SELECT 1"))
        assert str(caught.value) == CANT_OPEN
    finally:
        db.dispose()


def test_the_words_of_a_message_decide_nothing() -> None:
    """An error that says "disk is full" without SQLite's code is not taken for one."""
    assert known_failure(sqlite3.OperationalError("database or disk is full")) is None
    coded = sqlite3.OperationalError("anything")
    coded.sqlite_errorcode = 13  # type: ignore[attr-defined]
    assert str(known_failure(coded)) == DISK_FULL
    extended = sqlite3.OperationalError("anything")
    extended.sqlite_errorcode = 5 | (1 << 8)  # type: ignore[attr-defined]  # SQLITE_BUSY_RECOVERY
    assert str(known_failure(extended)) == BUSY


# --- the crash dialog -----------------------------------------------------------------------------


@pytest.fixture
def crash(logging_on: None, qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[object, Path]]:
    from ui.errors import CrashHandler

    home = DataDir(tmp_path / "home")
    log_file = setup_logging(home)
    handler = CrashHandler(lambda: log_file).install()
    yield handler, home.root
    if handler.dialog is not None:
        handler.dialog.close()
    handler.uninstall()


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_button_shows_the_crash_dialog_and_is_logged(
    crash: tuple[object, Path], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QPushButton

    from ui.errors import CrashHandler

    handler, root = crash
    assert isinstance(handler, CrashHandler)
    button = QPushButton("打印…")
    qtbot.addWidget(button)

    def print_record() -> None:
        raise AttributeError(f"'NoneType' object has no attribute 'print' ({NAME})")

    button.clicked.connect(print_record)
    button.show()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    dialog = handler.dialog
    assert dialog is not None and dialog.isVisible()
    assert "in print_record" in dialog.details and NAME in dialog.details  # on the screen: all
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == dialog.details
    log = _log(root)
    assert "unexpected error" in log and "in print_record" in log and "AttributeError" in log
    assert NAME not in log  # the log: frames only

    # A second bug while the dialog is open: logged, no second dialog.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert handler.dialog is dialog
    assert _log(root).count("in print_record") == 2

    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: exits.append(code)))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert handler.dialog is not dialog and handler.dialog.isVisible()
    qtbot.mouseClick(handler.dialog.quit_button, Qt.MouseButton.LeftButton)
    assert exits == [1]


@pytest.mark.qt_no_exception_capture
@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")  # chained
def test_a_bug_on_a_thread_reaches_the_dialog_on_the_ui_thread(
    crash: tuple[object, Path], qtbot: QtBot
) -> None:
    from ui.errors import CrashHandler

    handler, root = crash
    assert isinstance(handler, CrashHandler)

    def work() -> None:
        raise ZeroDivisionError("division by zero")

    thread = threading.Thread(target=work, name="worker")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    assert handler.dialog is not None and "ZeroDivisionError" in handler.dialog.details
    assert "unexpected error (thread worker)" in _log(root)


def test_a_bug_in_a_task_is_reported_and_the_caller_told(
    crash: tuple[object, Path], qtbot: QtBot
) -> None:
    from ui.errors import CrashHandler
    from ui.tasks import TaskRunner

    handler, root = crash
    assert isinstance(handler, CrashHandler)
    failures: list[str] = []

    def work(_reporter: object) -> None:
        raise TypeError("unsupported operand")

    runner = TaskRunner()
    runner.synchronous = True
    runner.run(work, on_failure=failures.append)
    assert failures and "TypeError" in failures[0]
    assert handler.dialog is not None and handler.dialog.isVisible()
    assert "in work" in _log(root)


@pytest.mark.qt_log_ignore("cannot open")
def test_qt_criticals_are_logged_without_their_words(crash: tuple[object, Path]) -> None:
    from PySide6.QtCore import qCritical

    _handler, root = crash
    qCritical(f"cannot open C:/Users/{NAME}/record.pdf")
    log = _log(root)
    assert "Qt QtCriticalMsg" in log and NAME not in log


# --- one error family ---------------------------------------------------------------------------


def test_one_wrong_passphrase_for_keys_and_data_directories(tmp_path: Path) -> None:
    from inspector.crypto.vault import VaultError
    from inspector.crypto.vault import WrongPassphrase as DirectoryPassphrase
    from inspector.signing import KeyStore, SigningError
    from inspector.signing import WrongPassphrase as KeyPassphrase
    from tests.helpers.signing_pki import make_ca, make_p12

    assert KeyPassphrase is DirectoryPassphrase
    p12 = tmp_path / "zw.p12"
    p12.write_bytes(make_p12(make_ca(), NAME, "370100001"))
    with pytest.raises(DirectoryPassphrase) as caught:  # what the sign-in dialog tells apart
        KeyStore(tmp_path / "home").import_pkcs12(p12, "not the passphrase")
    # Still both families': code that catches either keeps catching it.
    assert isinstance(caught.value, SigningError) and isinstance(caught.value, VaultError)


def test_arg_fills_each_placeholder_once() -> None:
    from ui.errors import arg

    # A chain of .replace filled a %2 that the first value brought in; Qt's arg does not.
    assert arg("%1（检查组来自 %2）", "100%2区", "历城区") == "100%2区（检查组来自 历城区）"
    assert arg("共 %1 行，%1 行", 3) == "共 3 行，3 行"
    assert arg("%1 和 %3", "a") == "a 和 %3"


def test_show_error_shows_the_core_message_in_the_ui_language(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator
    from PySide6.QtWidgets import QMessageBox

    from inspector.resources import resource_path
    from ui.errors import show_error

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: shown.append((title, text)))
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "inspector_en.qm")))
    QCoreApplication.installTranslator(translator)
    try:
        show_error(None, "Record", StorageError(DISK_FULL))
        show_error(None, "Record", InvalidInput("没有编号为 {text} 的证据", text="abcd"))
    finally:
        QCoreApplication.removeTranslator(translator)
    assert shown[0][1].startswith("The disk is full")
    assert shown[1] == ("Record", "No evidence has the number abcd")


def test_the_app_keeps_its_log_in_the_data_directory(home: Path) -> None:
    from tests.helpers.cli import run_main

    done = run_main("--smoke-test", "--home", str(home), env={ENV_LOG: "on"})
    assert done.returncode == 0, done.stderr
    assert "smoke test ok" in done.stdout
    log = _log(home)
    # opened on the database executor's thread, the database's one thread (ui/app.py CoreLoader)
    assert "inspector.workspace [database] opened: device" in log


def test_the_log_rotates_and_keeps_four_files(
    logging_on: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inspector import diagnostics

    monkeypatch.setattr(diagnostics, "MAX_BYTES", 2000)
    home = DataDir(tmp_path / "home")
    setup_logging(home)
    logger = logging.getLogger("inspector.test")
    for number in range(200):
        logger.info("answer.save answers inspection=%08d", number)
    names = sorted(p.name for p in log_path(home).parent.iterdir())
    assert names == ["inspector.log", "inspector.log.1", "inspector.log.2", "inspector.log.3"]
    assert all(p.stat().st_size <= 2000 for p in log_path(home).parent.iterdir())


def test_the_ui_prints_no_traceback_of_its_own() -> None:
    """A bug goes through ui/errors.py (the log and the crash dialog): a traceback printed to
    stderr is lost in the packaged app, which has no console."""
    import re

    root = ROOT / "ui"
    printing = re.compile(r"traceback\.print_(exc|exception|tb|stack)\b")
    found = [
        f"{path.relative_to(root.parent)}:{number}"
        for path in sorted(root.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if printing.search(line)
    ]
    assert found == []


def test_the_ui_shows_a_core_error_in_a_box_through_show_error_only() -> None:
    """One helper puts a core error in a message box (ui.errors.show_error): no copies of
    ``QMessageBox.warning(self, title, core_message(error))`` that drift apart."""
    import ast

    root = ROOT / "ui"
    found: list[str] = []
    for path in sorted(root.rglob("*.py")):
        if path.name == "errors.py" and path.parent == root:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "QMessageBox"
                and any(
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Name)
                    and inner.func.id == "core_message"
                    for inner in ast.walk(node)
                )
            ):
                found.append(f"{path.relative_to(root.parent)}:{node.lineno}")
    assert found == []
