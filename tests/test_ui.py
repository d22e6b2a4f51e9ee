"""The first window over the core, offscreen."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from inspector.inspections import TeamMember, create_inspection
from inspector.workspace import Workspace
from ui.app import MainWindow

from .conftest import run_main


def test_the_window_lists_the_inspections_on_this_laptop(
    qtbot: QtBot, workspace: Workspace
) -> None:
    create_inspection(
        workspace,
        institution="某定点药店",
        type_code="retail_pharmacy",
        mode="covert",
        district="市中区",
        team=[TeamMember("张伟", "370100001")],
    )
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert window.table.topLevelItemCount() == 1
    assert window.table.topLevelItem(0).text(2) == "某定点药店"


def test_smoke_test_and_screenshot_start_the_real_app(tmp_path: Path) -> None:
    done = run_main("--smoke-test", "--home", str(tmp_path / "home"))
    assert done.returncode == 0, done.stderr
    shot = tmp_path / "shot.png"
    done = run_main("--home", str(tmp_path / "home"), "--screenshot", str(shot))
    assert done.returncode == 0, done.stderr
    assert shot.stat().st_size > 1000
