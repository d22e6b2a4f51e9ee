"""The 线索与疑点 screen, by its real buttons: the office's file imported, leads attached to the
visit, each verified (a refusal stores nothing), the feedback file written; and the claims
screen showing how many bills were taken because flagged. Every read and write on the
database executor (the thread guard of tests/conftest.py fails the test otherwise)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from inspector.audit import events
from inspector.inspections import format_fen
from inspector.leads.store import list_leads
from inspector.settlement.schema import COLUMN_NAMES
from inspector.workspace import Workspace
from tests.helpers import settlement_anomalies as anomalies
from tests.helpers.claims import claims_inspection, generate, write_csv
from tests.helpers.ledger import plan
from tests.helpers.settlement import write_detail
from ui.claims_dialog import ClaimsDialog
from ui.leads_dialog import LeadPicker, LeadsDialog
from ui.tasks import TaskRunner


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []

    def warn(_parent: Any, _title: str, text: str, *args: Any) -> None:
        said.append(text)

    monkeypatch.setattr(QMessageBox, "warning", warn)
    return said


def office_file(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["线索编号", "机构名称", "线索内容", "涉及金额", "受理日期"])
    sheet.append(["JB-1", "历城区甲卫生院", "虚记理疗项目", 3200, "2025-09-26"])
    sheet.append(["JB-2", "历城区甲卫生院", "挂床住院", None, "2025-09-26"])
    book.save(path)
    return path


def test_leads_are_imported_attached_verified_and_answered_by_the_buttons(
    qtbot: QtBot,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
) -> None:
    inspection = plan(workspace, "历城区甲卫生院")
    dialog = LeadsDialog(workspace, TaskRunner(), inspection, "历城区甲卫生院")
    qtbot.addWidget(dialog)
    source = office_file(tmp_path / "线索.xlsx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    with qtbot.waitSignal(dialog.changed, timeout=20_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert [v.number for v in list_leads(workspace)] == ["JB-1", "JB-2"]
    qtbot.waitUntil(lambda: len(dialog.open_leads) == 2, timeout=10_000)

    def pick_all(picker: LeadPicker) -> int:
        for row in range(picker.list.count()):
            picker.list.item(row).setCheckState(Qt.CheckState.Checked)
        box = picker.findChild(QDialogButtonBox)
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        return int(picker.result())

    monkeypatch.setattr(LeadPicker, "exec", pick_all)
    with qtbot.waitSignal(dialog.changed, timeout=20_000):
        qtbot.mouseClick(dialog.attach_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=10_000)

    # 属实 without a note: refused on the executor, nothing stored.
    dialog.table.setCurrentIndex(dialog.model.index(0, 0))
    dialog.verdict_combo.setCurrentIndex(dialog.verdict_combo.findData("confirmed"))
    dialog.note_edit.setText("")
    before = len(events(workspace))
    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    assert "写明查实的问题" in warnings[0]
    assert len(events(workspace)) == before

    dialog.note_edit.setText("理疗记录无治疗单")
    dialog.amount_edit.setText("1280")
    with qtbot.waitSignal(dialog.changed, timeout=20_000):
        qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    assert dialog.table.currentIndex().row() == 1  # on to the next lead
    dialog.verdict_combo.setCurrentIndex(dialog.verdict_combo.findData("unfounded"))
    dialog.note_edit.setText("在院患者均在床")
    with qtbot.waitSignal(dialog.changed, timeout=20_000):
        qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    verdicts = {v.number: v.verdict_name for v in list_leads(workspace, inspection)}
    assert verdicts == {"JB-1": "属实", "JB-2": "不属实"}
    qtbot.waitUntil(lambda: "属实或部分属实 1 条" in dialog.summary_label.text(), timeout=10_000)

    target = tmp_path / "反馈.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.feedback_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已导出 2 条" in dialog.summary_label.text(), timeout=20_000)
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert {(r[0], r[11]) for r in rows[1:]} == {("JB-1", "属实"), ("JB-2", "不属实")}
    assert not warnings[1:]


def test_the_sample_screen_shows_how_many_were_taken_because_flagged(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, warnings: list[str]
) -> None:
    inspection = claims_inspection(workspace)
    dialog = ClaimsDialog(workspace, TaskRunner(), inspection, "某医院")
    qtbot.addWidget(dialog)
    dialog.since_edit.setDate(QDate(2018, 1, 1))
    dialog.seed_edit.setText("20261203")
    dialog.top_spin.setValue(20)
    rows = generate(600)
    dialog.file_edit.setText(str(write_csv(tmp_path / "结算.csv", rows)))
    listing = tmp_path / "疑点.txt"
    listing.write_text("\n".join(r[0] for r in rows[:4]), encoding="utf-8")
    dialog.flagged_edit.setText(str(listing))
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.attach_button.isEnabled(), timeout=20_000)
    assert dialog.report is not None
    taken = dialog.report.counts["flagged"]
    assert taken > 0
    assert f"因智能监控疑点列入 {taken} 张" in dialog.outcome_label.text()
    with qtbot.waitSignal(dialog.changed, timeout=20_000):
        qtbot.mouseClick(dialog.attach_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: f"其中因智能监控疑点列入 {taken} 张" in dialog.rules_label.text(), timeout=10_000
    )
    assert not warnings


def _detail_file(folder: Path, detail: anomalies.Detail) -> Path:
    rows = []
    for values in detail.rows:
        row = dict(zip(COLUMN_NAMES, values, strict=True))
        row["unit_price_fen"] = Decimal(row["unit_price_fen"]) / 100
        row["amount_fen"] = Decimal(row["amount_fen"]) / 100
        row["quantity"] = Decimal(str(row["quantity"])).normalize()
        rows.append(row)
    columns = [c for c in COLUMN_NAMES if c != "row_no"]
    return write_detail(folder / "费用明细.csv", rows, columns=columns, title=None)


def test_the_rules_are_run_their_hits_shown_by_rule_and_registered_as_leads(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, warnings: list[str]
) -> None:
    from inspector.rules.store import latest_run, rule_hits
    from inspector.settlement.store import import_detail

    inspection = plan(workspace, "历城区甲卫生院")
    import_detail(workspace, inspection, _detail_file(tmp_path, anomalies.build(patients=60)))
    dialog = LeadsDialog(workspace, TaskRunner(), inspection, "历城区甲卫生院")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "尚未运行规则" in dialog.rules_label.text(), timeout=10_000)
    assert not dialog.hits_button.isEnabled()
    with qtbot.waitSignal(dialog.changed, timeout=60_000):
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    run = latest_run(workspace, inspection)
    hits = rule_hits(workspace, inspection)
    assert run is not None and hits
    qtbot.waitUntil(lambda: dialog.hits_button.isEnabled(), timeout=10_000)
    assert f"命中 {len(hits)} 处" in dialog.rules_label.text()
    by_rule = {dialog.rules_table.item(r, 0).text().split()[0]: r
               for r in range(dialog.rules_table.rowCount())}  # fmt: skip
    assert set(by_rule) == {hit.rule_code for hit in hits}
    first = hits[0]
    row = by_rule[first.rule_code]
    same = [h for h in hits if h.rule_code == first.rule_code]
    assert dialog.rules_table.item(row, 2).text() == str(len(same))
    assert dialog.rules_table.item(row, 3).text() == format_fen(sum(h.amount_fen for h in same))
    with qtbot.waitSignal(dialog.changed, timeout=20_000):
        qtbot.mouseClick(dialog.hits_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == len(hits), timeout=10_000)
    assert {v.source for v in list_leads(workspace, inspection)} == {"rules"}
    assert not warnings

    # The sample screen takes the run's flagged bills first.
    flagged = sorted({no for hit in hits for no in hit.settlement_nos})
    rows = generate(400)
    for bill, number in zip([r for r in rows if r[4] == "门诊"][:2], flagged, strict=False):
        bill[0] = number
    claims = ClaimsDialog(workspace, TaskRunner(), inspection, "历城区甲卫生院")
    qtbot.addWidget(claims)
    claims.since_edit.setDate(QDate(2018, 1, 1))
    claims.seed_edit.setText("5")
    claims.file_edit.setText(str(write_csv(tmp_path / "结算.csv", rows)))
    claims.flagged_rules.setChecked(True)
    qtbot.mouseClick(claims.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: claims.attach_button.isEnabled(), timeout=20_000)
    assert claims.report is not None and claims.report.counts["flagged"] == 2
    assert "因智能监控疑点列入 2 张" in claims.outcome_label.text()


def test_a_referred_case_is_made_a_lead_by_the_button(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    from datetime import date

    from inspector.enforcement.referrals import receive_referral, received_referrals

    inspection = plan(workspace, "历城区甲卫生院")
    receive_referral(
        workspace, department="police", sender="历城分局", document_no="历公移3号",
        received_on=date(2025, 9, 26), subject="历城区甲卫生院", summary="冒用他人医保卡住院",
    )  # fmt: skip
    dialog = LeadsDialog(workspace, TaskRunner(), inspection, "历城区甲卫生院")
    qtbot.addWidget(dialog)
    shown: list[int] = []

    def pick_all(picker: LeadPicker) -> int:
        shown.append(picker.list.count())
        for row in range(picker.list.count()):
            picker.list.item(row).setCheckState(Qt.CheckState.Checked)
        box = picker.findChild(QDialogButtonBox)
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        return int(picker.result())

    monkeypatch.setattr(LeadPicker, "exec", pick_all)
    with qtbot.waitSignal(dialog.changed, timeout=20_000):
        qtbot.mouseClick(dialog.referral_button, Qt.MouseButton.LeftButton)
    (lead,) = list_leads(workspace)
    assert (lead.number, lead.source_name) == ("YS-历公移3号", "部门移送")
    assert received_referrals(workspace)[0].lead_id == lead.id
    qtbot.waitUntil(lambda: len(dialog.open_leads) == 1, timeout=10_000)
    # Made a lead once: the next time, nothing is waiting.
    qtbot.mouseClick(dialog.referral_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=10_000)
    assert shown == [1, 0] and not warnings
