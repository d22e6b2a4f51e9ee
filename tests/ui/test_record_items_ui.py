"""Smaller things on the screens a team uses: violation categories
by name (also in the record's point tables), told apart where two share a title, and only those
an institution of the type can commit; "正在保存…" gone once the save is done; notes in the
user's words, not the tool's file numbers; and no 签名… once the record is locked."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from inspector.db.models import Result
from inspector.inspections import create_inspection, save_answer
from inspector.record.build import build_record
from inspector.workspace import Workspace
from tests.helpers.evidence import photo_taken_at
from tests.helpers.ledger import TEAM, plan, sign, team_keys
from ui.main_window import MainWindow
from ui.ops import ops


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace) -> Iterator[MainWindow]:
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close()


def _with_pack(ws: Workspace, institution: str, type_code: str, item: str) -> str:
    return create_inspection(
        ws,
        institution=institution,
        type_code=type_code,
        mode="surprise",
        district="历城区",
        team=list(TEAM),
        focus=[ws.library.item_pack[item] or ""],
    )


def _choices(window: MainWindow) -> list[tuple[str, str]]:
    combo = window.checklist.violation
    return [(combo.itemData(i), combo.itemText(i)) for i in range(1, combo.count())]


def test_categories_by_name_and_only_those_the_type_can_commit(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    hospital = _with_pack(workspace, "某卫生院", "primary_care", "FK.1")
    with qtbot.waitSignal(window.checklist.loaded):
        window.open_inspection(hospital)
    page = window.checklist
    page.select("FK.1")
    qtbot.mouseClick(page.result_buttons[Result.PROBLEM], Qt.MouseButton.LeftButton)
    codes = [code for code, _ in _choices(window)]
    assert codes and not any(code.startswith("VP") for code in codes)  # no pharmacy's
    labels = dict(_choices(window))
    assert labels["VH09"] == "VH09 其他骗取医保基金支出的行为（定点医疗机构）"
    assert labels["VH03"] == "VH03 虚构医药服务项目"

    # The test writes from its own thread: the page's saves on the database thread end first
    # (the app itself writes on that thread only).
    assert ops().flush(120)
    pharmacy = _with_pack(workspace, "某药店", "retail_pharmacy", "FK.1")
    with qtbot.waitSignal(window.checklist.loaded):
        window.open_inspection(pharmacy)
    page.select("FK.1")
    labels = dict(_choices(window))
    assert not any(code.startswith("VH") for code in labels)
    assert labels["VP07"] == "VP07 其他骗取医保基金支出的行为（定点零售药店）"


def test_the_saving_note_goes_once_the_answer_is_saved(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    """On the real database thread: the save's answer comes back while the screens' reads
    that the save set off still run; the label must not keep saying "正在保存…"."""
    inspection = plan(workspace, "某卫生院")
    with qtbot.waitSignal(window.checklist.loaded):
        window.open_inspection(inspection)
    page = window.checklist
    qtbot.waitUntil(lambda: not ops().executor.pending, timeout=10_000)
    qtbot.mouseClick(page.result_buttons[Result.OK], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已保存" in page.saved_label.text(), timeout=10_000)
    ops().flush()
    qtbot.waitUntil(lambda: not ops().executor.pending, timeout=10_000)
    qtbot.wait(0)  # deliver what the database thread queued
    assert "已保存" in page.saved_label.text()
    assert "正在保存" not in page.saved_label.text()


def test_notes_name_the_documents_not_the_tool_s_seed_numbers(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    pharmacy = plan(workspace, "某药店", type_code="retail_pharmacy")
    with qtbot.waitSignal(window.checklist.loaded):
        window.open_inspection(pharmacy)
    page = window.checklist
    page.select("P1.1")
    shown = page.sources.text()
    assert "种子" not in shown and "济医保函〔2019〕2号的检查重点针对定点医疗机构" in shown
    assert "本工具的解读，请以本地规定为准" in shown


def test_a_locked_record_offers_no_signing(qtbot: QtBot, workspace: Workspace) -> None:
    from ui.record_dialog import RecordDialog
    from ui.tasks import TaskRunner

    inspection = plan(workspace, "某卫生院")
    save_answer(
        workspace, inspection, "P5.1", "problem", note="串换", amount="10", violation="VH04"
    )
    dialog = RecordDialog(workspace, TaskRunner(), inspection)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "还没有生成记录" in dialog.status.text(), timeout=10_000)
    assert dialog.sign_button.isEnabled()
    sign(workspace, inspection, team_keys(workspace))
    # The signing screen closes and the dialog reads the inspection again (as open_signing
    # does), now locked: neither 生成 nor 签名… is offered.
    dialog.refresh()
    qtbot.waitUntil(lambda: "已签名锁定" in dialog.status.text(), timeout=10_000)
    assert not dialog.build_button.isEnabled()
    assert not dialog.sign_button.isEnabled()
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()


def test_the_record_names_the_category(workspace: Workspace, tmp_path: Path) -> None:
    inspection = plan(workspace, "某卫生院")
    save_answer(
        workspace, inspection, "P5.1", "problem", note="串换", amount="10", violation="VH09"
    )
    pdf, _ = build_record(workspace, inspection, tmp_path / "r.pdf")
    text = "".join(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split()
    )
    # In the point table (its column) and in the list of findings, by name and party.
    assert text.count("VH09其他骗取医保基金支出的行为（定点医疗机构）") >= 2


def test_the_visit_s_times_and_bureau_are_entered_in_the_app(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    from datetime import datetime, timedelta

    from PySide6.QtCore import QDateTime
    from PySide6.QtWidgets import QApplication

    from inspector.bureaus import DEFAULT_TEMPLATES, Bureau, set_bureau
    from inspector.evidence.intake import add_evidence
    from inspector.inspections import get_inspection
    from ui.visit_dialog import VisitDialog

    for name, district, short in (("甲区医疗保障局", "历城区", "甲"), ("市医疗保障局", None, "市")):
        set_bureau(
            workspace,
            Bureau(name=name, district=district, short=short, templates=dict(DEFAULT_TEMPLATES)),
        )
    inspection = plan(workspace, "某卫生院")
    start = datetime(2026, 12, 1, 9, 0).astimezone()
    add_evidence(workspace, inspection, [photo_taken_at(tmp_path, start - timedelta(hours=1))])
    with qtbot.waitSignal(window.checklist.loaded):
        window.open_inspection(inspection)
    qtbot.mouseClick(window.checklist.visit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(isinstance(w, VisitDialog) for w in QApplication.topLevelWidgets()),
        timeout=10_000,
    )
    (dialog,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, VisitDialog)]
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=10_000)
    assert dialog.bureau.currentText() == "甲区医疗保障局"  # the inspected district's
    dialog.start.setDateTime(QDateTime.fromString("2026-12-01 09:00", "yyyy-MM-dd HH:mm"))
    dialog.end.setDateTime(QDateTime.fromString("2026-12-01 10:30", "yyyy-MM-dd HH:mm"))
    dialog.bureau.setCurrentIndex(dialog.bureau.findData("市医疗保障局"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    # The photo was taken an hour before the start entered: the dialog stays, saying so.
    qtbot.waitUntil(lambda: "相差 60 分钟" in dialog.warnings.text(), timeout=10_000)
    view = get_inspection(workspace, inspection)
    assert view.started_at == start and view.ended_at == start + timedelta(minutes=90)
    assert view.bureau is not None and view.bureau["name"] == "市医疗保障局"
