"""The desktop app driven through its real widgets, offscreen: plan a visit, answer by keyboard,
undo, filter the home list, and find every answer again in a fresh app on the same data."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox
from pytestqt.qtbot import QtBot

from inspector.db.models import InspectionStatus, Result
from inspector.inspections import (
    TeamMember,
    create_inspection,
    get_inspection,
)
from inspector.workspace import Workspace
from tests.helpers.homes import ROOT, open_home
from tests.helpers.keyboard import ime_type
from tests.helpers.lawful import finish_lawfully
from ui.main_window import MainWindow
from ui.new_inspection import NewInspectionDialog

TEAM = [TeamMember("张伟", "370100001", "历下区"), TeamMember("李娜", "370100002", "历下区")]


@pytest.fixture(autouse=True)
def _synchronous(synchronous_tasks: None) -> None:
    """Every job of this file inline (the shared fixture of tests/conftest.py)."""


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace) -> Iterator[MainWindow]:
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close()


def _plan(workspace: Workspace, **overrides: object) -> str:
    options: dict[str, object] = {
        "institution": "某社区卫生服务中心",
        "type_code": "primary_care",
        "mode": "surprise",
        "district": "历城区",
        "team": TEAM,
    }
    options.update(overrides)
    return create_inspection(workspace, **options)  # type: ignore[arg-type]


def test_new_inspection_dialog_creates_the_visit(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = NewInspectionDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.institution.setText("某民营医院")
    dialog.kind.setCurrentIndex(dialog.kind.findData("private_hospital"))
    dialog.district.setText("历城区")
    dialog.mode.setCurrentIndex(dialog.mode.findData("surprise"))
    dialog.team.item(0, 0).setText("张伟")
    dialog.team.item(0, 1).setText("370100001")
    dialog.add_member("李娜", "370100002", "槐荫区")
    dialog.focus_checks["fields_2023"].setChecked(True)
    assert "清单共" in dialog.preview.text()
    dialog._create()
    assert dialog.created_id
    view = get_inspection(workspace, dialog.created_id)
    assert view.institution_type == "private_hospital"
    assert view.leader == ("张伟", "370100001")
    assert view.checklist.focus == ["fields_2023"]


def test_recusal_is_warned_when_an_inspector_is_from_the_inspected_district(
    qtbot: QtBot, workspace: Workspace
) -> None:
    dialog = NewInspectionDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.mode.setCurrentIndex(dialog.mode.findData("cross"))
    dialog.district.setText("历城区")
    dialog.team_district.setText("槐荫区")
    dialog.team.item(0, 0).setText("王强")
    dialog.team.item(0, 1).setText("370100009")
    assert dialog.recusal_warning() == ""
    dialog.team.item(0, 2).setText("历城区")
    assert "回避" in dialog.recusal.text() and "王强" in dialog.recusal.text()


def test_answering_by_keyboard_saves_each_answer(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    inspection_id = _plan(workspace)
    window.open_inspection(inspection_id)
    page = window.checklist
    codes = list(page.items)
    assert page.current == codes[0]
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_1)  # 符合
    qtbot.keyClick(page, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert page.current == codes[1]
    qtbot.keyClick(page, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # 发现问题
    ime_type(page.note, "协议已过期 仍在结算")
    qtbot.keyClicks(page.amount, "1234.5")
    page.violation.setCurrentIndex(1)
    qtbot.keyClick(page, Qt.Key.Key_F8)  # next unchecked
    assert page.current == codes[2]
    window.saver.flush()

    view = get_inspection(workspace, inspection_id)
    assert view.answers[codes[0]].result is Result.OK
    second = view.answers[codes[1]]
    assert second.result is Result.PROBLEM
    assert second.note == "协议已过期仍在结算"
    assert second.amount_fen == 123450
    assert second.violation_code == page.items[codes[1]].violations[0]
    assert view.status is InspectionStatus.IN_PROGRESS
    assert "发现问题 1" in page.progress_label.text()


def test_a_bad_amount_is_shown_and_never_saved(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    inspection_id = _plan(workspace)
    window.open_inspection(inspection_id)
    page = window.checklist
    page.set_result(Result.PROBLEM)
    qtbot.keyClicks(page.amount, "12.345")
    assert page.amount_error.isVisibleTo(page) and "两位小数" in page.amount_error.text()
    window.saver.flush()
    # What is stored is the last valid amount typed (12.34), never the invalid text.
    assert get_inspection(workspace, inspection_id).answers[page.current].amount_fen == 1234


def test_undo_puts_back_the_saved_answer(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    inspection_id = _plan(workspace)
    window.open_inspection(inspection_id)
    page = window.checklist
    code = page.current
    page.set_result(Result.OK)
    page.set_result(Result.PROBLEM)
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.saver.flush()
    assert get_inspection(workspace, inspection_id).answers[code].result is Result.OK
    assert page.result_buttons[Result.OK].isChecked()
    page.undo_stack.undo()
    window.saver.flush()
    assert code not in get_inspection(workspace, inspection_id).answers
    page.undo_stack.redo()
    window.saver.flush()
    assert get_inspection(workspace, inspection_id).answers[code].result is Result.OK


def test_a_finished_inspection_is_read_only_until_reopened(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    inspection_id = _plan(workspace)
    finish_lawfully(workspace, inspection_id)
    window.open_inspection(inspection_id)
    page = window.checklist
    assert not page.result_buttons[Result.OK].isEnabled()
    page.set_result(Result.OK)
    window.saver.flush()
    assert get_inspection(workspace, inspection_id).answers == {}


def test_home_list_filters_and_searches(qtbot: QtBot, workspace: Workspace) -> None:
    first = _plan(workspace, institution="甲医院", type_code="public_hospital", district="历下区")
    _plan(
        workspace,
        institution="乙药店",
        type_code="retail_pharmacy",
        district="槐荫区",
        mode="covert",
    )
    finish_lawfully(workspace, first)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    home = window.home
    assert home.model.rowCount() == 2
    home.search.setText("药店")
    home.apply_filters()
    assert [r.institution_name for r in home.model.rows] == ["乙药店"]
    home.search.clear()
    home.status.setCurrentIndex(home.status.findData(InspectionStatus.AWAITING_SIGNATURES))
    assert [r.institution_name for r in home.model.rows] == ["甲医院"]
    home.status.setCurrentIndex(0)
    home.district.setCurrentIndex(home.district.findData("槐荫区"))
    assert [r.institution_name for r in home.model.rows] == ["乙药店"]
    assert "1" in home.count.text()


def test_a_fresh_app_reopens_on_the_same_item_with_every_answer(
    qtbot: QtBot, workspace: Workspace, home: Path
) -> None:
    inspection_id = _plan(workspace)
    first = MainWindow(workspace)
    qtbot.addWidget(first)
    first.open_inspection(inspection_id)
    page = first.checklist
    page.set_result(Result.OK)
    page.next_item()
    page.set_result(Result.PROBLEM)
    ime_type(page.note, "病历缺失")
    page.next_item()
    where = page.current
    first.saver.flush()
    # No orderly close: a fresh workspace and window on the same data directory.
    again = Workspace.open(home)
    try:
        second = MainWindow(again)
        qtbot.addWidget(second)
        assert second.reopen_last()
        assert second.checklist.current == where
        states = second.checklist.states
        codes = list(second.checklist.items)
        assert states[codes[0]].result is Result.OK
        assert states[codes[1]].note == "病历缺失"
        second.close()
    finally:
        again.close()


KILL_SCRIPT = r"""
import os, signal, sys
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QWidget
from PySide6.QtGui import QInputMethodEvent
from inspector.db.models import Result
from tests.helpers.homes import open_home
from ui.main_window import MainWindow

app = QApplication([])
ws = open_home(sys.argv[1])
window = MainWindow(ws)
window.show()
from PySide6.QtCore import QEventLoop
shown = QEventLoop()  # the inspection is read on the database executor: until it is shown
window.checklist.loaded.connect(lambda _id: shown.quit())
window.open_inspection(sys.argv[2])
shown.exec()
page = window.checklist
page.set_result(Result.PROBLEM)
for phrase in ("床位空置", "三张"):  # as a Chinese input method commits text
    event = QInputMethodEvent("", [])
    event.setCommitString(phrase)
    QApplication.sendEvent(page.note, event)
page.next_item()
page.set_result(Result.NOT_APPLICABLE)
window.saver.flush()  # the saver says it is on disk: from here on a kill loses nothing
print("typed", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
@pytest.mark.parametrize("home", ["plain", "encrypted"], indirect=True)
def test_killing_the_app_loses_no_saved_answer(workspace: Workspace, home: Path) -> None:
    inspection_id = _plan(workspace)
    codes = [item.code for item in get_inspection(workspace, inspection_id).checklist.items]
    done = subprocess.run(
        [sys.executable, "-c", KILL_SCRIPT, str(home), inspection_id],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert "typed" in done.stdout
    with open_home(Path(home)) as again:
        answers = get_inspection(again, inspection_id).answers
        assert answers[codes[0]].result is Result.PROBLEM
        assert answers[codes[0]].note == "床位空置三张"
        assert answers[codes[1]].result is Result.NOT_APPLICABLE
        assert again.db.setting(f"position:{inspection_id}") == codes[1]


def test_the_app_window_fits_a_small_laptop_screen(window: MainWindow) -> None:
    assert window.minimumSize().width() <= 1366 and window.minimumSize().height() <= 768
    assert QApplication.instance() is not None


def test_focus_packs_follow_the_type_without_piling_up(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = NewInspectionDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("public_hospital"))
    for _ in range(3):
        dialog.district.setText(dialog.district.text() + "区")  # refreshes the warnings
    boxes = dialog.focus_box.findChildren(QCheckBox)
    assert len(boxes) == len(workspace.library.focus_packs_for("public_hospital"))
    dialog.focus_checks["cross_region"].setChecked(True)
    dialog.kind.setCurrentIndex(dialog.kind.findData("retail_pharmacy"))
    assert dialog.chosen_focus() == ["cross_region"]  # still useful for a pharmacy: kept
    dialog.kind.setCurrentIndex(dialog.kind.findData("insurance_agency"))
    assert dialog.focus_box.findChildren(QCheckBox) == []
    assert dialog.sizeHint().height() <= 768


def test_the_dialog_flags_the_agreement_against_point_one(
    qtbot: QtBot, workspace: Workspace
) -> None:
    from datetime import date

    _plan(
        workspace,
        institution="甲医院",
        district="历下区",
        agreement_no="JN-1",
        agreement_expiry=date(2020, 6, 30),
    )
    dialog = NewInspectionDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.institution.setText("从未登记的诊所")
    dialog.district.setText("历下区")
    assert "不在" in dialog.agreement.text() and "P1.1" in dialog.agreement.text()
    dialog.institution.setText("甲医院")
    assert "2020-06-30" in dialog.agreement.text() and "P1.2" in dialog.agreement.text()


def test_the_checklist_shows_an_expired_agreement_on_point_one(
    window: MainWindow, workspace: Workspace
) -> None:
    from datetime import date

    inspection_id = _plan(workspace, agreement_no="JN-2", agreement_expiry=date(2021, 1, 31))
    window.open_inspection(inspection_id)
    page = window.checklist
    page.select("P1.2")
    assert page.flag.isVisibleTo(page) and "2021-01-31" in page.flag.text()
    page.select("P2.1")
    assert not page.flag.isVisibleTo(page)


def test_the_current_inspector_is_chosen_and_shown_in_the_window(
    qtbot: QtBot, workspace: Workspace, window: MainWindow
) -> None:
    from ui.current_inspector import CurrentInspectorDialog

    assert window.who.text() == "未选择当前检查人员"
    _plan(workspace)
    dialog = CurrentInspectorDialog(workspace, window)
    qtbot.addWidget(dialog)
    # The known inspectors are offered, then a new one can be entered.
    labels = [dialog.people.itemText(i) for i in range(dialog.people.count())]
    assert labels == ["张伟（370100001）", "李娜（370100002）", "新增检查人员…"]
    dialog.people.setCurrentIndex(2)
    assert dialog.name.isEnabled()
    dialog.name.setText("王强")
    dialog.cert_no.setText("370100009")
    dialog.accept()
    assert dialog.result() == CurrentInspectorDialog.DialogCode.Accepted
    window.show_current_inspector()
    assert window.who.text() == "当前检查人员：王强（370100009）"
    assert workspace.actor == "370100009"
    # Offered first the next time.
    again = CurrentInspectorDialog(workspace, window)
    qtbot.addWidget(again)
    assert again.people.currentData() == "370100009"


def test_the_claims_menu_opens_the_sample_of_the_open_inspection_titled_by_its_institution(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QAction

    from ui.claims_dialog import ClaimsDialog

    inspection_id = _plan(workspace)
    window.open_inspection(inspection_id)
    opened: list[tuple[str, str]] = []
    monkeypatch.setattr(
        ClaimsDialog, "exec", lambda self: opened.append((self.inspection_id, self.windowTitle()))
    )
    (action,) = [a for a in window.findChildren(QAction) if a.text() == "结算数据抽样…"]
    action.trigger()  # the name is read on the database executor, not on the UI thread
    assert opened == [(inspection_id, "结算数据抽样 · 某社区卫生服务中心")]


def test_a_long_home_list_is_read_a_page_at_a_time_as_it_is_scrolled(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.home

    monkeypatch.setattr(ui.home, "PAGE", 1)  # three inspections: three pages
    made = {_plan(workspace, institution=name) for name in ("甲医院", "乙医院", "丙医院")}
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    home = window.home
    assert home.model.total == 3 and "3" in home.count.text()
    home.table.scrollToBottom()  # the view asks for the next page, read on the executor
    qtbot.waitUntil(lambda: home.model.rowCount() == 3)
    assert {r.id for r in home.model.rows} == made
    window.close()
