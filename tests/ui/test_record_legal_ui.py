"""The law's minimums in the app (inspector/record/legal.py): 证件与告知… captures each member's
已出示证件, the notices with the party's answers, the 记录人 and the party's identity (a unit's
credit code, a person's 身份证号); a finding's 不涉及金额 and 无证据原因 on the checklist page;
完成现场检查 refuses, naming what is missing, until they are there. Real buttons clicked."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from inspector.audit import log_state
from inspector.db.models import InspectionStatus, Result
from inspector.inspections import TeamMember, create_inspection, get_inspection, save_answer
from inspector.record.legal import check_minimums
from inspector.workspace import Workspace
from tests.helpers.lawful import CREDIT_CODE, ID_NO, lawful
from ui.legal_dialog import LegalDialog
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

TEAM = [TeamMember("张伟", "370100001"), TeamMember("李娜", "370100002")]


@pytest.fixture(autouse=True)
def _synchronous(synchronous_tasks: None) -> None:
    """Every job of this file inline (the shared fixture of tests/conftest.py)."""


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace) -> Iterator[MainWindow]:
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    yield main
    main.close()


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes shown (kind, text); a question is answered Yes."""
    shown: list[tuple[str, str]] = []

    def box(kind: str, answer: Any) -> Any:
        def show(_parent: Any, _title: str = "", text: str = "", *_a: Any, **_k: Any) -> Any:
            shown.append((kind, text))
            return answer

        return show

    monkeypatch.setattr(QMessageBox, "warning", box("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information", box("info", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", box("question", QMessageBox.StandardButton.Yes))
    return shown


def _plan(ws: Workspace, type_code: str = "primary_care", team: list[TeamMember] = TEAM) -> str:
    return create_inspection(
        ws,
        institution="历城区某社区卫生服务中心",
        type_code=type_code,
        mode="surprise",
        district="历城区",
        team=team,
    )


def ime_type(widget: Any, text: str) -> None:
    """Chinese as an input method commits it (QTest's key clicks are ASCII only)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _click(qtbot: QtBot, button: Any) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_dialog_captures_every_minimum_by_its_buttons(
    qtbot: QtBot, workspace: Workspace
) -> None:
    inspection_id = _plan(workspace)
    dialog = LegalDialog(workspace, TaskRunner(), inspection_id)
    qtbot.addWidget(dialog)
    assert "至少两名" not in dialog.missing.text() and "出示执法证件" in dialog.missing.text()
    for cert in ("370100001", "370100002"):
        _click(qtbot, dialog.shown_buttons[cert])
    dialog.teller.setCurrentIndex(dialog.teller.findData("370100002"))
    ime_type(dialog.replies["recusal"], "不申请回避")
    ime_type(dialog.replies["duty"], "配合")
    for code in ("recusal", "duty", "opinion"):
        _click(qtbot, dialog.tell_buttons[code])
    dialog.recorder.setCurrentIndex(dialog.recorder.findData("370100001"))
    assert dialog.identity_label.text() == "统一社会信用代码"
    qtbot.keyClicks(dialog.identity, CREDIT_CODE)
    _click(qtbot, dialog.save_party_button)
    assert "均已记录" in dialog.missing.text()
    assert check_minimums(workspace, inspection_id) == []
    assert "由李娜告知" in dialog.told_labels["duty"].text()
    assert "出示证件" in dialog.team_grid.itemAtPosition(0, 1).widget().text()


def test_a_person_is_asked_for_an_id_number(qtbot: QtBot, workspace: Workspace) -> None:
    inspection_id = _plan(workspace, type_code="physician")
    dialog = LegalDialog(workspace, TaskRunner(), inspection_id)
    qtbot.addWidget(dialog)
    assert dialog.identity_label.text() == "身份证号"
    assert "被检查人的身份证号" in dialog.missing.text()
    assert "统一社会信用代码" not in dialog.missing.text()
    qtbot.keyClicks(dialog.identity, ID_NO)
    _click(qtbot, dialog.save_party_button)
    assert "身份证号" not in dialog.missing.text()


def test_a_second_member_joins_from_the_dialog(
    qtbot: QtBot, workspace: Workspace, boxes: list[tuple[str, str]]
) -> None:
    inspection_id = _plan(workspace, team=TEAM[:1])
    dialog = LegalDialog(workspace, TaskRunner(), inspection_id)
    qtbot.addWidget(dialog)
    assert "至少两名执法证号不同的执法人员" in dialog.missing.text()
    ime_type(dialog.new_member, "张伟:370100001")
    _click(qtbot, dialog.add_member_button)
    assert boxes and "同一执法证号" in boxes[-1][1]
    dialog.new_member.clear()
    ime_type(dialog.new_member, "李娜:370100002")
    _click(qtbot, dialog.add_member_button)
    assert "370100002" in dialog.shown_buttons
    assert "至少两名" not in dialog.missing.text()


def test_finish_is_refused_naming_what_is_missing_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, boxes: list[tuple[str, str]]
) -> None:
    inspection_id = _plan(workspace, team=TEAM[:1])
    lawful(workspace, inspection_id)
    window.open_inspection(inspection_id)
    page = window.checklist
    before = log_state(workspace)
    _click(qtbot, page.finish_button)
    warnings = [text for kind, text in boxes if kind == "warning"]
    assert warnings and "至少两名执法证号不同的执法人员" in warnings[-1]
    assert log_state(workspace) == before
    assert (
        get_inspection(workspace, inspection_id).status is not InspectionStatus.AWAITING_SIGNATURES
    )


def test_a_finding_s_fields_are_set_by_clicking_and_typing(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, boxes: list[tuple[str, str]]
) -> None:
    inspection_id = _plan(workspace)
    lawful(workspace, inspection_id)
    window.open_inspection(inspection_id)
    page = window.checklist
    code = page.current
    _click(qtbot, page.result_buttons[Result.PROBLEM])
    window.saver.flush()
    _click(qtbot, page.finish_button)
    warnings = [text for kind, text in boxes if kind == "warning"]
    assert warnings and f"发现问题 {code} 的情况说明" in warnings[-1]
    ime_type(page.note, "未公示收费标准")
    _click(qtbot, page.no_amount)
    assert not page.amount.isEnabled()
    ime_type(page.no_evidence_reason, "公示栏已拆除")
    window.saver.flush()
    answer = get_inspection(workspace, inspection_id).answers[code]
    assert answer.no_amount and answer.amount_fen is None
    assert answer.no_evidence_reason == "公示栏已拆除"
    _click(qtbot, page.finish_button)
    assert get_inspection(workspace, inspection_id).status is InspectionStatus.AWAITING_SIGNATURES


def test_a_typed_amount_replaces_no_amount(workspace: Workspace) -> None:
    inspection_id = _plan(workspace)
    save_answer(workspace, inspection_id, "P1.1", "problem", note="x", no_amount=True)
    view = save_answer(workspace, inspection_id, "P1.1", "problem", amount="5")
    assert view is not None and not view.no_amount and view.amount_fen == 500


def test_a_member_is_recused_with_a_reason_by_its_button(
    qtbot: QtBot,
    workspace: Workspace,
    boxes: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QInputDialog

    inspection_id = _plan(workspace, team=[*TEAM, TeamMember("王强", "370100003")])
    dialog = LegalDialog(workspace, TaskRunner(), inspection_id)
    qtbot.addWidget(dialog)
    answers = iter([("", True), ("  ", True), ("与负责人系亲属", True)])
    asked: list[str] = []

    def get_text(_parent: Any, _title: str, label: str, *_a: Any, **_k: Any) -> Any:
        asked.append(label)
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    # The leader cannot withdraw: the button says why and is not offered.
    assert dialog.state is not None
    [lead] = [m.cert_no for m in dialog.state.members if m.leader]
    assert lead != "370100003"
    leader = dialog.recuse_buttons[lead]
    assert not leader.isEnabled() and "组长不能回避" in leader.toolTip()
    before = log_state(workspace)
    # No reason: refused by the core, nothing stored.
    for _ in range(2):
        _click(qtbot, dialog.recuse_buttons["370100003"])
        assert boxes and "请填写回避的理由" in boxes[-1][1]
    assert log_state(workspace) == before
    _click(qtbot, dialog.recuse_buttons["370100003"])
    assert "王强" in asked[-1]
    assert "370100003" not in dialog.recuse_buttons  # listed as recused, no more buttons
    assert "370100003" not in dialog.shown_buttons
    texts = [
        dialog.team_grid.itemAtPosition(row, 1).widget().text()
        for row in range(dialog.team_grid.rowCount())
        if dialog.team_grid.itemAtPosition(row, 1) is not None
    ]
    assert "已回避：与负责人系亲属" in texts
    assert dialog.teller.findData("370100003") == -1
    with workspace.db.session() as session:
        from inspector.change import resolve_id

        [member] = [
            m
            for m in resolve_id(session, inspection_id).members
            if m.inspector.cert_no == "370100003"
        ]
        assert member.recused and member.recusal_reason == "与负责人系亲属"
