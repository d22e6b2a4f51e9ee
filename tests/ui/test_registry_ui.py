"""The registry import dialog and the institution picker, driven offscreen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from inspector.registry import InstitutionInfo, RowStatus
from inspector.workspace import Workspace
from tests.helpers.registry import (
    GOOD,
    HEADER,
    count,
    fill_registry,
    many_rows,
    write_csv,
    write_xlsx,
)
from ui.institution_picker import InstitutionPicker
from ui.registry_dialog import NAME, REASON, STATUS, TYPE, RegistryImportDialog
from ui.tasks import TaskRunner

BAD = [
    ["某医院", "医院", "历下区", "JN-12", "", "", ""],
    ["某诊所", "社会办医疗机构", "历下区", "JN-14", "明年", "", ""],
]


@pytest.fixture
def synchronous(synchronous_tasks: None) -> None:
    """Every job inline (the shared fixture of tests/conftest.py)."""


def make_dialog(qtbot: QtBot, workspace: Workspace) -> RegistryImportDialog:
    dialog = RegistryImportDialog(workspace, TaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def cell(dialog: RegistryImportDialog, row: int, column: int, role: int = 0) -> object:
    model = dialog.table.model()
    return model.data(model.index(row, column), role or Qt.ItemDataRole.DisplayRole)


def test_preview_shows_the_refused_rows_then_imports_the_good_ones(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, synchronous: None
) -> None:
    path = write_xlsx(tmp_path / "名单.xlsx", [HEADER, *GOOD, *BAD])
    dialog = make_dialog(qtbot, workspace)
    dialog.load_file(path)

    assert dialog.table.model().rowCount() == 6
    assert "共 6 行：新增 4，更新 0，无变化 0，拒绝 2" in dialog.counts.text()
    assert "工作表“名单”" in dialog.info.text() and "未使用的列：备注" in dialog.info.text()
    assert cell(dialog, 0, TYPE) == "基层医疗机构"  # what will be stored, by its name
    assert cell(dialog, 4, STATUS) == "拒绝"
    assert "机构类型“医院”无法识别" in str(cell(dialog, 4, REASON))
    assert "不是可识别的日期" in str(cell(dialog, 5, REASON))
    refused_colour = cell(dialog, 4, NAME, Qt.ItemDataRole.BackgroundRole)
    assert refused_colour.color() == QColor("#fde4e4")
    assert "2 行将不会导入" in dialog.message.text()

    dialog.only_refused.setChecked(True)
    assert dialog.table.model().rowCount() == 2
    dialog.table.selectRow(1)  # a long reason is spelled out under the table
    assert dialog.message.text().startswith("第 7 行（拒绝）：协议到期日“明年”不是可识别的日期")
    dialog.only_refused.setChecked(False)

    assert dialog.import_button.isEnabled() and dialog.import_button.text() == "导入 4 家"
    with qtbot.waitSignal(dialog.imported) as signal:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert signal.args[0].counts[RowStatus.NEW] == 4
    assert count(workspace) == 4
    assert "导入完成：新增 4 家" in dialog.message.text()
    assert "被拒绝的 2 行未导入" in dialog.message.text()
    assert not dialog.import_button.isEnabled()  # one import per preview
    assert dialog.import_button.text() == "已导入"

    dialog.load_file(path)  # the same file again: nothing to do
    assert "新增 0，更新 0，无变化 4，拒绝 2" in dialog.counts.text()
    assert not dialog.import_button.isEnabled()
    assert count(workspace) == 4


def test_a_file_that_cannot_be_used_says_why(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, synchronous: None
) -> None:
    dialog = make_dialog(qtbot, workspace)
    dialog.load_file(write_csv(tmp_path / "缺列.csv", [["机构名称"], ["某药店"]]))
    assert "缺少必需的列" in dialog.message.text() and "机构类型" in dialog.message.text()
    assert dialog.table.model().rowCount() == 0
    assert not dialog.import_button.isEnabled()
    assert dialog.choose_button.isEnabled()


def test_import_runs_off_the_ui_thread(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "大.csv", [HEADER, *many_rows(400)])
    dialog = make_dialog(qtbot, workspace)
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
        assert dialog.busy or dialog.result is not None
    assert count(workspace) == 400
    dialog.runner.wait()


def test_closing_while_importing_cancels_and_keeps_nothing(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, synchronous: None
) -> None:
    dialog = make_dialog(qtbot, workspace)
    dialog.load_file(write_csv(tmp_path / "a.csv", [HEADER, *many_rows(300)]))
    real_run = dialog.runner.run

    def run_cancelled(work, **kwargs):  # the user closes the dialog as soon as it starts
        def cancelled_work(reporter):
            reporter.cancel()
            return work(reporter)

        return real_run(cancelled_work, **kwargs)

    dialog.runner.run = run_cancelled  # type: ignore[method-assign]
    dialog.start_import()
    assert "已取消导入" in dialog.message.text()
    assert count(workspace) == 0
    assert dialog.import_button.isEnabled()  # it can be tried again


def test_picker_finds_by_typing_shows_the_agreement_and_returns_the_choice(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    fill_registry(workspace, tmp_path)
    picker = InstitutionPicker(workspace)
    qtbot.addWidget(picker)
    picker.show()
    with qtbot.waitSignal(picker.results_changed):  # searched on the database executor
        picker.set_date(date(2026, 3, 1))
    assert picker.results.count() == 5  # an empty search lists the registry

    with qtbot.waitSignal(picker.results_changed) as signal:
        qtbot.keyClicks(picker.search, "jn-0")  # typed; the search waits for a pause
    assert signal.args == [3]
    with qtbot.waitSignal(picker.results_changed) as signal:
        picker.search.setText("历城")  # Chinese comes from the input method, not key clicks
    assert signal.args == [2]
    texts = [picker.results.item(i).text() for i in range(picker.results.count())]
    assert (
        texts[0]
        == "历城区某社区卫生服务中心\n基层医疗机构 · 历城区 · 协议 JN-001\u3000【协议有效】"
    )
    assert texts[1].startswith("历城区过期药店\n定点零售药店 · 历城区 · 协议 JN-OLD")
    assert texts[1].endswith("【协议已过期】")
    assert "P1.2" in picker.results.item(1).toolTip()
    assert picker.selected().name == "历城区某社区卫生服务中心"  # the first is highlighted

    qtbot.keyClick(picker.search, Qt.Key.Key_Down)  # the list follows the arrows
    assert picker.selected().name == "历城区过期药店"
    with qtbot.waitSignal(picker.chosen) as chosen:
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    info = chosen.args[0]
    assert isinstance(info, InstitutionInfo)
    assert (info.name, info.type_code, info.district) == (
        "历城区过期药店",
        "retail_pharmacy",
        "历城区",
    )
    assert info.id and info.agreement(date(2026, 3, 1)).flagged
    assert "2020-01-01" in info.agreement_message

    with qtbot.waitSignal(picker.results_changed) as signal:
        picker.search.setText("没有这家机构")
    assert signal.args == [0]
    assert "没有找到" in picker.note.text()


def test_picker_on_an_empty_registry_says_how_to_fill_it(
    qtbot: QtBot, workspace: Workspace
) -> None:
    picker = InstitutionPicker(workspace)
    qtbot.addWidget(picker)
    qtbot.waitSignal(picker.results_changed).wait()  # searched on the database executor
    assert picker.results.count() == 0
    assert "机构名单为空" in picker.note.text()
    assert picker.selected() is None
