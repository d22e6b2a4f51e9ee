"""Sign-in, first run and the lock in the app: a lock closes the database and forgets
the keys, hides what is on the screen, and the unlock comes back to the same item with nothing
typed lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from inspector.crypto.vault import Vault
from inspector.db.models import Result
from inspector.errors import StorageError
from inspector.inspections import TeamMember, create_inspection, get_inspection
from inspector.workspace import Workspace
from tests.helpers.homes import HOLDER, PASSPHRASE, open_home
from tests.helpers.keyboard import ime_type
from ui.lock import SetupDialog, SignInDialog
from ui.main_window import MainWindow

TEAM = [TeamMember("张伟", HOLDER, "历下区"), TeamMember("李娜", "370100002", "历下区")]


@pytest.fixture(autouse=True)
def _synchronous(synchronous_tasks: None) -> None:
    """Every job of this file inline (the shared fixture of tests/conftest.py)."""


def _plan(workspace: Workspace) -> str:
    return create_inspection(
        workspace,
        institution="某社区卫生服务中心",
        type_code="primary_care",
        mode="surprise",
        district="历城区",
        team=TEAM,
    )


@pytest.mark.parametrize("home", ["encrypted"], indirect=True)
def test_a_lock_closes_the_data_and_the_unlock_returns_to_the_same_item(
    qtbot: QtBot, workspace: Workspace, home: Path
) -> None:
    inspection_id = _plan(workspace)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert window.lock_action.isEnabled() and window.lock_action.shortcut().toString() == "Ctrl+L"
    window.open_inspection(inspection_id)
    page = window.checklist
    page.next_item()
    page.set_result(Result.PROBLEM)
    ime_type(page.note, "病历缺失 三份")
    where = page.current

    window.lock_action.trigger()  # Ctrl+L
    assert window.is_locked and workspace.locked
    with pytest.raises(StorageError, match="锁定"):
        get_inspection(workspace, inspection_id)
    with pytest.raises(StorageError, match="锁定"):
        workspace.records  # noqa: B018 - no store can be had in clear while locked
    assert window.pages.currentWidget() is not page  # the checklist is off the screen
    dialog = window.lock_dialog
    assert isinstance(dialog, SignInDialog) and dialog.isVisible()
    # What was typed was saved before the lock: another process sees it.
    with open_home(home) as other:
        saved = get_inspection(other, inspection_id).answers[where]
        assert saved.result is Result.PROBLEM and saved.note == "病历缺失三份"

    dialog.passphrase.setText("wrong passphrase")
    dialog.accept()
    assert window.is_locked and "口令不正确" in dialog.error.text()
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        dialog.accept()
    assert not window.is_locked and not workspace.locked
    assert window.pages.currentWidget() is page and page.current == where
    assert page.note.toPlainText() == "病历缺失三份"
    ime_type(page.note, "（已复核）")
    window.saver.flush()
    assert get_inspection(workspace, inspection_id).answers[where].note == "病历缺失三份（已复核）"
    window.close()


@pytest.mark.parametrize("home", ["encrypted"], indirect=True)
def test_idle_minutes_lock_and_are_a_setting(qtbot: QtBot, workspace: Workspace) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert window.idle is not None
    assert window.idle.timer.interval() == 10 * 60_000  # the default: 10 minutes
    window.set_lock_minutes(3)
    assert workspace.db.setting("lock_minutes") == "3"
    assert window.idle.timer.interval() == 3 * 60_000
    window.idle.timer.setInterval(30)  # a test cannot wait minutes: the same timer, shorter
    window.idle.timer.start()
    with qtbot.waitSignal(window.idle.idle, timeout=5_000):
        pass
    assert window.is_locked and workspace.locked
    assert window.lock_dialog is not None
    window.lock_dialog.reject()  # 退出 while locked: the app closes, everything was saved
    assert not window.isVisible()


@pytest.mark.parametrize("home", ["encrypted"], indirect=True)
def test_the_idle_minutes_set_before_are_read_at_start(qtbot: QtBot, workspace: Workspace) -> None:
    workspace.db.set_setting("lock_minutes", "3")
    window = MainWindow(workspace)  # the setting is read on the database executor
    qtbot.addWidget(window)
    assert window.idle is not None and window.idle.timer.interval() == 3 * 60_000
    assert window.lock_minutes == 3  # offered by 自动锁定时间…
    window.close()


def test_a_plain_directory_has_no_lock(qtbot: QtBot, workspace: Workspace) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    assert window.idle is None and not window.lock_action.isEnabled()
    window.lock_now()
    assert not window.is_locked
    window.close()


def test_sign_in_and_first_run_dialogs(qtbot: QtBot, tmp_path: Path) -> None:
    fresh = tmp_path / "new"
    setup = SetupDialog(fresh)
    qtbot.addWidget(setup)
    setup.cert_no.setText(HOLDER)
    setup.passphrase.setText("short")
    setup.again.setText("short")
    setup.accept()
    assert setup.keys is None and "至少" in setup.error.text()
    setup.passphrase.setText(PASSPHRASE)
    setup.again.setText(PASSPHRASE + "x")
    setup.accept()
    assert "不一致" in setup.error.text()
    setup.again.setText(PASSPHRASE)
    setup.accept()
    assert setup.result() == QDialog.DialogCode.Accepted and setup.keys is not None
    assert Vault.load(fresh).holders() == [HOLDER]
    with Workspace.open(fresh, setup.keys) as ws:
        assert ws.encrypted

    sign_in = SignInDialog(fresh)
    qtbot.addWidget(sign_in)
    assert sign_in.who.currentData() == HOLDER
    assert not sign_in.keyring.isVisibleTo(sign_in)  # no keyring wrap for this inspector
    sign_in.passphrase.setText("wrong passphrase")
    sign_in.accept()
    assert sign_in.keys is None and "口令不正确" in sign_in.error.text()
    sign_in.passphrase.setText(PASSPHRASE)
    sign_in.accept()
    assert sign_in.keys is not None and sign_in.holder == HOLDER
    assert sign_in.passphrase.text() == ""  # not kept in the widget

    plain = SetupDialog(tmp_path / "plain")
    qtbot.addWidget(plain)
    plain.without_encryption()
    assert plain.plain and plain.keys is None and not (tmp_path / "plain" / "vault.json").exists()


def test_the_app_encrypts_a_plain_directory_and_goes_on_over_it(
    qtbot: QtBot, workspace: Workspace, home: Path
) -> None:
    inspection_id = _plan(workspace)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert window.encrypt_action.isEnabled() and not window.lock_action.isEnabled()
    window.open_inspection(inspection_id)
    page = window.checklist
    page.set_result(Result.PROBLEM)
    ime_type(page.note, "处方 缺失")
    where = page.current
    window.start_encryption(HOLDER, PASSPHRASE)  # what 文件 → 加密本机数据… runs
    assert workspace.encrypted and (home / "vault.json").exists()
    assert window.lock_action.isEnabled() and not window.encrypt_action.isEnabled()
    assert get_inspection(workspace, inspection_id).answers[where].note == "处方缺失"
    ime_type(page.note, "两张")
    window.saver.flush()
    with open_home(home) as other:
        assert get_inspection(other, inspection_id).answers[where].note == "处方缺失两张"
    window.lock_now()
    assert window.is_locked
    window.lock_dialog.passphrase.setText(PASSPHRASE)  # type: ignore[union-attr]
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        window.lock_dialog.accept()  # type: ignore[union-attr]
    window.close()


class FakeClock:
    """The dialog's clock: moved by the test, never waited for."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def _wrong(qtbot: QtBot, dialog: SignInDialog) -> None:
    from PySide6.QtCore import Qt

    assert dialog.ok.isEnabled()
    dialog.passphrase.setText("wrong passphrase")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.keys is None


def test_wrong_passphrases_make_the_next_try_wait_longer_even_after_a_restart(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """0, 1, 2… s after wrong passphrases, the count shown and kept when
    the app quits; the real button is clicked, the clock is moved instead of waiting."""
    from PySide6.QtCore import Qt

    from inspector.crypto.home import create_encrypted
    from inspector.crypto.tries import UnlockTries

    home = tmp_path / "home"
    create_encrypted(home, HOLDER, PASSPHRASE)
    clock = FakeClock()
    dialog = SignInDialog(home, clock=clock)
    qtbot.addWidget(dialog)
    _wrong(qtbot, dialog)
    assert "已连续输错 1 次" in dialog.error.text() and dialog.ok.isEnabled()  # no wait yet
    _wrong(qtbot, dialog)
    assert not dialog.ok.isEnabled()
    assert "口令不正确" in dialog.error.text()
    assert "已连续输错 2 次口令，请等待 1 秒后再试" in dialog.error.text()
    # The right passphrase typed during the wait is not even tried (Enter does nothing).
    dialog.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.keys is None and UnlockTries(home).wrong == 2
    clock.now += 1
    qtbot.waitUntil(dialog.ok.isEnabled, timeout=5_000)  # the countdown's next tick
    assert "现在可以再试" in dialog.error.text()
    _wrong(qtbot, dialog)
    assert "已连续输错 3 次口令，请等待 2 秒后再试" in dialog.error.text()
    dialog.reject()

    # The app quits and starts again: the count and the wait are still there.
    again = SignInDialog(home, clock=clock)
    qtbot.addWidget(again)
    assert not again.ok.isEnabled()
    assert "已连续输错 3 次口令，请等待 2 秒后再试" in again.error.text()
    clock.now += 2
    qtbot.waitUntil(again.ok.isEnabled, timeout=5_000)
    again.passphrase.setText(PASSPHRASE)
    qtbot.mouseClick(again.ok, Qt.MouseButton.LeftButton)
    assert again.keys is not None and again.result() == QDialog.DialogCode.Accepted
    assert UnlockTries(home).wrong == 0  # reset by the right passphrase
