"""The office's campaigns on the home screen, by the real buttons: the active campaign with its
phase, a late report in red and what is due in working days, the coverage from this laptop's
registry; 详情… shows every deadline; a pull that installs another campaign refreshes the
panel; a new inspection is tagged with the campaign through the new-inspection dialog. Every
read and write on the database executor (the thread guard of tests/conftest.py)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from inspector.campaigns import FORMAT, build
from inspector.campaigns.local import install_package
from inspector.db.models import Inspection
from inspector.workspace import Workspace
from tests.helpers.ledger import signed_inspection, team_keys
from tests.helpers.registry import fill_registry
from ui.campaign_panel import CampaignDialog
from ui.main_window import MainWindow
from ui.new_inspection import NewInspectionDialog
from ui.ops import OpChanges, ops


def _campaigns(*names: str, today: date) -> list[dict[str, object]]:
    return [
        build(
            name=name,
            doc_no="济医保发〔2026〕12号",
            phases=[
                ("自查自纠", str(today - timedelta(days=30)), str(today - timedelta(days=11))),
                ("集中检查", str(today - timedelta(days=10)), str(today + timedelta(days=30))),
            ],
            types=["primary_care", "retail_pharmacy"],
            districts=["历城区"],
            reports=[
                ("situation_report", str(today - timedelta(days=5))),  # passed: late
                ("summary", str(today + timedelta(days=20))),
            ],
        ).to_dict()
        for name in names
    ]


def _package(campaigns: list[dict[str, object]]) -> bytes:
    return json.dumps({"format": FORMAT, "campaigns": campaigns}, ensure_ascii=False).encode()


def _texts(widget: object) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))  # type: ignore[attr-defined]


def test_the_home_screen_shows_the_campaign_what_is_due_and_the_coverage(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    today = date.today()
    fill_registry(workspace, tmp_path)  # 历城区: a clinic and a pharmacy of the campaign's types
    signed_inspection(workspace, team_keys(workspace), "历城区某社区卫生服务中心",
                      [("P1.1", None, None)])  # fmt: skip
    first = _campaigns("打击欺诈骗保专项行动", today=today)
    install_package(workspace, _package(first), 1)

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    panel = window.home.campaigns
    qtbot.waitUntil(lambda: panel.isVisible() and len(panel.views) == 1, timeout=10_000)
    shown = _texts(panel)
    assert "打击欺诈骗保专项行动" in shown and "当前阶段：集中检查" in shown
    late = panel.findChild(QLabel, "late")
    assert late is not None and "逾期：情况报告" in late.text() and "#b3261e" in late.styleSheet()
    assert "待办：总结" in shown and "个工作日" in shown
    assert "已检查 1 / 范围内 2 家（50%）" in shown

    # 详情… opens the campaign: every deadline, the late one marked
    qtbot.mouseClick(panel.details_buttons[0], Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, CampaignDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    rows = {
        dialog.deadlines.item(r, 0).text(): dialog.deadlines.item(r, 3).text()
        for r in range(dialog.deadlines.rowCount())
    }
    assert rows["情况报告"] == "逾期" and rows["总结"].isdigit()
    assert dialog.deadlines.item(0, 0).foreground().color() == Qt.GlobalColor.red
    assert dialog.phases.rowCount() == 2 and dialog.coverage.item(0, 1).text() == "1"
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Close), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)

    # a pull installs one more (announced as the sync dialog announces it): the panel follows
    package = _package([*first, *_campaigns("药店专项检查", today=today)])
    with qtbot.waitSignal(panel.shown, timeout=10_000):
        ops().mutate(lambda: install_package(workspace, package, 2), OpChanges(campaigns=True))
    qtbot.waitUntil(lambda: len(panel.views) == 2, timeout=10_000)
    assert "药店专项检查" in _texts(panel)
    window.close()


def test_a_new_inspection_is_tagged_with_its_campaign_in_the_dialog(
    qtbot: QtBot, workspace: Workspace
) -> None:
    install_package(workspace, _package(_campaigns("打击欺诈骗保专项行动", today=date.today())), 1)
    dialog = NewInspectionDialog(workspace)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.campaign.count() == 2, timeout=10_000)
    dialog.institution.setText("历城区某社区卫生服务中心")
    dialog.kind.setCurrentIndex(dialog.kind.findData("primary_care"))
    dialog.district.setText("历城区")
    dialog.team.item(0, 0).setText("张伟")
    dialog.team.item(0, 1).setText("370100001")
    dialog.campaign.setCurrentIndex(1)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    with workspace.db.session() as session:
        made = session.get(Inspection, dialog.created_id)
        assert made is not None and made.campaign_id == dialog.campaign.itemData(1)
