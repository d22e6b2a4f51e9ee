"""The 计划 screens: the draw in the app follows the publishable order (candidates and
their SHA-256 first, then the sources), previews without storing, draws in one event and writes a
workbook that verifies; a registry changed after publication is refused. Claims sampling in the
app reads off the UI thread, shows refused rows and stores nothing for them, attaches the list,
and the team marks bills."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from inspector.audit import events
from inspector.claims.sampling import samples_of
from inspector.inspections import get_inspection, list_inspections
from inspector.planning.publish import verify_publication
from inspector.planning.service import (
    candidates,
    candidates_sha256,
    list_draws,
    rate_institution,
)
from inspector.stock.ledgers import Kind
from inspector.workspace import Workspace
from tests.helpers.claims import claims_inspection, generate, text, write_csv
from tests.helpers.draw import fill_registry_and_roster as fill_registry_and_roster
from tests.helpers.stock import ledger_files
from tests.helpers.stock import write_csv as write_table
from ui.claims_dialog import ClaimsDialog
from ui.plan_dialog import PlanDialog
from ui.stock_dialog import StockDialog
from ui.tasks import TaskRunner


@pytest.fixture
def synchronous(synchronous_tasks: None) -> None:
    """Every job inline (the shared fixture of tests/conftest.py)."""


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []

    def warn(_parent: Any, _title: str, text: str, *args: Any) -> None:
        said.append(text)

    monkeypatch.setattr(QMessageBox, "warning", warn)
    return said


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def test_a_draw_in_the_app_publishes_first_previews_then_plans_and_writes_the_result(
    qtbot: QtBot,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
) -> None:
    fill_registry_and_roster(workspace, tmp_path)
    dialog = PlanDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.count_spin.setValue(2)
    dialog.cross_check.setChecked(True)
    assert not dialog.draw_button.isEnabled()  # nothing to draw from before publication

    dialog.candidates_button.click()
    qtbot.waitUntil(lambda: dialog.published is not None)  # read on the database executor
    assert dialog.candidates_table.rowCount() == 5
    assert candidates_sha256(candidates(workspace)) in dialog.candidates_label.text()
    assert "检查人员名录 7 人，其中可任组长 4 人" in dialog.candidates_label.text()
    assert not dialog.draw_button.isEnabled()  # no sources yet
    qtbot.keyClicks(dialog.sources_edit, "31 / 4 15 22")
    assert dialog.draw_button.isEnabled()

    before = len(events(workspace))
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: dialog.preview_of is not None)  # its inputs read on the executor
    assert dialog.result_table.rowCount() == 2
    previewed = [dialog.result_table.item(r, 1).text() for r in range(2)]
    assert "31./4.15.22./" in dialog.result_label.text()
    assert len(events(workspace)) == before  # a preview stores nothing

    target = tmp_path / "抽查结果.xlsx"
    save_to(monkeypatch, target)
    with qtbot.waitSignal(dialog.planned) as planned:
        dialog.draw_button.click()
    assert warnings == []
    assert [e.action for e in events(workspace)[before:]] == ["draw.run"]
    assert len(planned.args[0]) == 2
    assert {s.id for s in list_inspections(workspace)} == set(planned.args[0])
    assert [dialog.result_table.item(r, 1).text() for r in range(2)] == previewed
    # The workbook and its PDF are made on the CPU pool once the draw is stored.
    qtbot.waitUntil(lambda: "抽查结果已写入" in dialog.result_label.text())
    assert verify_publication(target).ok
    assert target.with_suffix(".pdf").read_bytes().startswith(b"%PDF")  # the notice beside it

    # The draw is listed and can be exported again: the same result from its stored inputs.
    qtbot.waitUntil(lambda: dialog.history_table.rowCount() > 0)  # reread on the executor
    assert dialog.history_table.rowCount() == 1
    dialog.history_table.selectRow(0)
    again = tmp_path / "再次导出.xlsx"
    save_to(monkeypatch, again)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: "再次导出" in dialog.result_label.text())
    check = verify_publication(again)
    assert check.ok and check.inputs is not None
    assert check.inputs.sha256 == list_draws(workspace)[0].inputs_sha256


def test_a_registry_changed_after_the_list_was_published_is_refused(
    qtbot: QtBot,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
) -> None:
    fill_registry_and_roster(workspace, tmp_path)
    dialog = PlanDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.count_spin.setValue(1)
    dialog.candidates_button.click()
    qtbot.waitUntil(lambda: dialog.published is not None)
    qtbot.keyClicks(dialog.sources_edit, "7 / 1 2 3")
    # A weight changes after the list was published: it is no longer the list drawn from.
    rate_institution(workspace, "A001", risk_level="高")
    save_to(monkeypatch, tmp_path / "x.xlsx")
    before = len(events(workspace))
    dialog.draw_button.click()
    qtbot.waitUntil(lambda: bool(warnings))  # the inputs are read on the executor
    assert warnings and "请重新生成候选名单" in warnings[0]
    assert len(events(workspace)) == before
    assert list_draws(workspace) == [] and list_inspections(workspace) == []
    assert not (tmp_path / "x.xlsx").exists()
    assert not dialog.draw_button.isEnabled()  # back to publishing the list


def test_changing_the_pool_after_publication_asks_to_publish_again(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    fill_registry_and_roster(workspace, tmp_path)
    dialog = PlanDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.candidates_button.click()
    qtbot.waitUntil(lambda: dialog.published is not None)
    qtbot.keyClicks(dialog.sources_edit, "7 / 1 2 3")
    assert dialog.draw_button.isEnabled()
    dialog.districts_edit.setText("历城区")
    assert dialog.candidates_table.rowCount() == 0
    assert not dialog.draw_button.isEnabled()
    dialog.candidates_button.click()
    qtbot.waitUntil(lambda: dialog.published is not None)
    assert dialog.candidates_table.rowCount() == 2
    assert dialog.draw_button.isEnabled()


def make_claims(qtbot: QtBot, workspace: Workspace) -> tuple[ClaimsDialog, str]:
    inspection = claims_inspection(workspace)
    dialog = ClaimsDialog(workspace, TaskRunner(), inspection, "某医院")
    qtbot.addWidget(dialog)
    dialog.since_edit.setDate(QDate(2018, 1, 1))
    dialog.seed_edit.setText("20261203")
    dialog.top_spin.setValue(20)
    return dialog, inspection


def test_claims_are_read_off_the_ui_thread_attached_and_marked(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, warnings: list[str]
) -> None:
    dialog, inspection = make_claims(qtbot, workspace)
    dialog.file_edit.setText(str(write_csv(tmp_path / "结算.csv", generate(800))))
    dialog.read()
    qtbot.waitUntil(lambda: dialog.attach_button.isEnabled(), timeout=20_000)
    assert dialog.report is not None and dialog.report.ok
    total = dialog.report.total
    assert f"列入清单 {total:,} 张" in dialog.outcome_label.text()
    assert "种子 20261203" in dialog.outcome_label.text()
    with qtbot.waitSignal(dialog.changed, timeout=20_000):
        dialog.attach_button.click()
    dialog.runner.wait()
    (sample,) = samples_of(workspace, inspection)
    assert len(sample.bills) == total == dialog.model.rowCount()
    assert dialog.report is None  # the scratch copy of patients' data is gone

    dialog.table.setCurrentIndex(dialog.model.index(0, 0))
    before = len(events(workspace))
    dialog.problem_button.click()  # a problem needs a note
    qtbot.waitUntil(lambda: bool(warnings))  # the refusal comes back from the executor
    assert warnings and "请写明问题" in warnings[0] and "--note" not in warnings[0]
    assert len(events(workspace)) == before
    dialog.table.setCurrentIndex(dialog.model.index(0, 0))
    dialog.note_edit.setText("虚记床位费")
    with qtbot.waitSignal(dialog.changed):
        dialog.problem_button.click()
    assert [e.action for e in events(workspace)[before:]] == ["claims.mark"]
    first = samples_of(workspace, inspection)[0].bills[0]
    assert (first.verdict, first.note) == ("problem", "虚记床位费")
    assert dialog.table.currentIndex().row() == 1  # on to the next bill
    assert "发现问题 1" in dialog.rules_label.text()


def test_refused_rows_are_listed_and_nothing_is_stored(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, synchronous: None
) -> None:
    dialog, inspection = make_claims(qtbot, workspace)
    rows = [[text(v) for v in row] for row in generate(10)]
    rows[2][8] = "-35.00"
    dialog.file_edit.setText(str(write_csv(tmp_path / "坏.csv", rows)))
    before = len(events(workspace))
    dialog.read()
    assert not dialog.refused_list.isHidden()
    assert dialog.refused_list.item(0).text().startswith("第 5 行：")
    assert "共拒绝 1 行" in dialog.outcome_label.text()
    assert not dialog.attach_button.isEnabled()
    assert len(events(workspace)) == before and samples_of(workspace, inspection) == []


def test_a_missing_seed_or_file_is_said_before_anything_is_read(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, warnings: list[str]
) -> None:
    dialog, _inspection_id = make_claims(qtbot, workspace)
    dialog.seed_edit.clear()
    dialog.file_edit.setText(str(tmp_path / "无.csv"))
    dialog.read()
    assert "随机种子" in warnings[0]
    dialog.seed_edit.setText("5")
    dialog.read()
    assert "找不到文件" in warnings[1]
    assert dialog.report is None and dialog.read_button.isEnabled()


def make_stock(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> tuple[StockDialog, str]:
    inspection = claims_inspection(workspace)
    dialog = StockDialog(workspace, TaskRunner(), inspection)
    qtbot.addWidget(dialog)
    dialog.start_edit.setDate(QDate(2026, 1, 1))
    dialog.end_edit.setDate(QDate(2026, 6, 30))
    for kind, path in ledger_files(tmp_path).items():
        dialog.file_edits[kind].setText(str(path))
    return dialog, inspection


def test_the_reconciliation_in_the_app_shows_the_gaps_and_records_them_on_p6_5(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, synchronous: None, warnings: list[str]
) -> None:
    dialog, inspection = make_stock(qtbot, workspace, tmp_path)
    assert not dialog.attach_button.isEnabled()
    dialog.run_button.click()
    assert dialog.model.rowCount() == 6
    assert "有差异 4 个" in dialog.summary.text() and "¥2,400.00" in dialog.summary.text()
    first = dialog.model.index(0, 0)
    assert dialog.model.data(first) == "人血白蛋白注射液"
    assert dialog.model.data(first, Qt.ItemDataRole.BackgroundRole) is not None
    assert dialog.model.data(dialog.model.index(5, 0), Qt.ItemDataRole.BackgroundRole) is None
    dialog.violation_combo.setCurrentIndex(dialog.violation_combo.findData("VH07"))
    before = len(events(workspace))
    with qtbot.waitSignal(dialog.changed):
        dialog.attach_button.click()
    assert warnings == []
    assert [e.action for e in events(workspace)[before:]] == ["evidence.add", "answer.save"]
    answer = get_inspection(workspace, inspection).answers["P6.5"]
    assert (answer.amount_fen, answer.violation_code) == (240_000, "VH07")


def test_the_reconciliation_refuses_unreadable_rows_and_missing_files(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, synchronous: None, warnings: list[str]
) -> None:
    dialog, _inspection_id = make_stock(qtbot, workspace, tmp_path)
    dialog.file_edits[Kind.SALES].clear()
    dialog.run_button.click()
    assert "销售（发药）记录" in warnings[0]
    bad = write_table(
        tmp_path / "坏.csv", [["日期", "药品名称", "数量"], ["2026-01-02", "某药", -1]]
    )
    dialog.file_edits[Kind.SALES].setText(str(bad))
    before = len(events(workspace))
    dialog.run_button.click()
    assert dialog.refused_list.item(0).text().startswith("销售（发药）记录 第 2 行：")
    assert not dialog.attach_button.isEnabled() and dialog.model.rowCount() == 0
    assert len(events(workspace)) == before


def test_p6_5_and_the_annex_items_open_the_reconciliation(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.main_window import MainWindow

    inspection = claims_inspection(workspace)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.checklist.loaded):  # read on the database executor
        window.open_inspection(inspection)
    page = window.checklist
    page.select("P6.5")
    assert page.stock_button.isVisibleTo(page)
    page.select("P6.1")
    assert not page.stock_button.isVisibleTo(page)
    opened: list[str] = []
    monkeypatch.setattr(StockDialog, "exec", lambda self: opened.append(self.inspection_id) or 0)
    page.select("P6.5")
    page.stock_button.click()
    assert opened == [inspection]


def test_evidence_is_linked_to_a_bill_by_its_number_on_the_record(
    qtbot: QtBot,
    workspace: Workspace,
    tmp_path: Path,
    synchronous: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from inspector.evidence.intake import add_evidence
    from tests.helpers.homes import PHOTOS
    from ui.claims_dialog import EvidencePicker

    dialog, inspection = make_claims(qtbot, workspace)
    add_evidence(workspace, inspection, [sorted((PHOTOS / "gps").glob("*.jpg"))[0]])
    dialog.file_edit.setText(str(write_csv(tmp_path / "结算.csv", generate(300))))
    dialog.read()
    dialog.attach_button.click()
    dialog.table.setCurrentIndex(dialog.model.index(0, 0))

    def choose_first(picker: EvidencePicker) -> int:
        assert picker.list.item(0).text().startswith("证据 1  ")
        picker.list.item(0).setCheckState(Qt.CheckState.Checked)
        picker._accept()
        return 1

    monkeypatch.setattr(EvidencePicker, "exec", choose_first)
    before = len(events(workspace))
    dialog.evidence_button.click()
    assert [e.action for e in events(workspace)[before:]] == ["claims.mark"]
    (sample,) = samples_of(workspace, inspection)
    assert len(sample.bills[0].evidence_ids) == 1
    assert "证据 1 件" in dialog.model.data(dialog.model.index(0, 8))
