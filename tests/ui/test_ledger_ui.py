"""The 台账 screen through its real widgets, offscreen: the ledger of signed inspections,
filters and search, progress and a case step, a 回头看 opened in the checklist, the order, the
export, the report, and the deadlines due on the home screen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from inspector.ledger import entries, order
from inspector.workspace import Workspace
from tests.helpers.ledger import PASSPHRASE, signed_inspection, team_keys
from ui.ledger_page import _qdate
from ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _synchronous(synchronous_tasks: None) -> None:
    """Every job of this file inline (the shared fixture of tests/conftest.py)."""


@pytest.fixture
def signed(workspace: Workspace) -> list[str]:
    keys = team_keys(workspace)
    return [
        signed_inspection(
            workspace, keys, "历城区甲卫生院", [("P5.1", "1000", "VH04"), ("P5.2", "500", None)]
        ),
        signed_inspection(
            workspace,
            keys,
            "槐荫区乙药店",
            [("P4.9", "300", "VP01")],
            type_code="retail_pharmacy",
            district="槐荫区",
        ),
    ]


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace, signed: list[str]) -> Iterator[MainWindow]:
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close()


def test_the_ledger_screen_lists_filters_and_acts(
    window: MainWindow, workspace: Workspace, signed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_ledger()
    page = window.ledger
    assert window.pages.currentWidget() is page
    assert page.model.rowCount() == 3
    assert "3 个问题" in page.count.text()
    page.district.setCurrentIndex(page.district.findData("槐荫区"))
    assert [r.item_code for r in page.model.rows] == ["P4.9"]
    page.district.setCurrentIndex(0)
    page.search.setText("冒名")
    page.apply_filters()  # what the typing pause triggers
    assert [r.item_code for r in page.model.rows] == ["P5.2"]
    assert "P5.2" in page.detail.toPlainText()
    # Progress; a refused one says why and changes nothing.
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    entry = page.selected()
    assert entry is not None
    assert not page.save_progress(entry.id, "in_progress", "", "9999")
    assert "超过" in warnings[-1]
    assert entries.get_entry(workspace, entry.id).recovered_fen == 0
    assert page.save_progress(entry.id, "in_progress", "已退回一部分", "100")
    assert page.model.rows[0].status == "in_progress"
    assert page.save_case_step(
        entry.id,
        kind="police",
        on_date=date.today(),
        receiving_body="历城区公安分局",
        document_no="移-1",
    )
    assert "移送公安" in page.detail.toPlainText() and "移-1" in page.detail.toPlainText()
    assert entries.get_entry(workspace, entry.id).status == "transferred"


def test_a_follow_up_opens_in_the_checklist(
    window: MainWindow, workspace: Workspace, signed: list[str]
) -> None:
    window.show_ledger()
    page = window.ledger
    page.search.setText("甲卫生院")
    page.apply_filters()
    visit = page.create_follow_up()
    assert visit is not None
    assert window.pages.currentWidget() is window.checklist
    assert window.checklist.view is not None and window.checklist.view.id == visit
    codes = [item.code for item in window.checklist.view.checklist.items]
    assert codes[:2] == ["RV1", "RV2"]
    # Back in the ledger, the finding's verdict is taken in that follow-up.
    window.show_ledger()
    page.search.setText("冒名")  # P5.2
    page.apply_filters()
    assert page.pending is not None and page.pending[:2] == (visit, "RV2")
    assert page.verdict_button.isEnabled() and not page.follow_up_button.isEnabled()
    assert page.save_verdict("partial", "仍有一例")
    from inspector.inspections import get_inspection
    from inspector.ledger.follow_up import follow_up_items

    assert ("RV2", page.selected().id, "partial") in follow_up_items(workspace, visit)
    assert get_inspection(workspace, visit).answers["RV2"].note == "部分整改：仍有一例"


def test_order_export_report_and_the_deadlines_on_home(
    window: MainWindow,
    workspace: Workspace,
    signed: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.show_ledger()
    page = window.ledger
    page.search.setText("甲卫生院")
    page.apply_filters()
    assert window.due_banner.isHidden()
    dialog = page.order_dialog()
    assert dialog is not None and len(dialog.deadlines) == 2
    assert not dialog.sign_button.isEnabled()  # nothing to sign before it is made
    first = next(r.id for r in dialog.rows if r.item_code == "P5.1")
    for entry, edit in dialog.deadlines.items():
        edit.setDate(_qdate(date.today() + timedelta(days=3 if entry == first else 5)))
    dialog.build()
    assert dialog.made is not None and "请组长数字签名" in dialog.message.text()
    assert entries.get_entry(workspace, first).deadline == date.today() + timedelta(days=3)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    dialog.sign("wrong passphrase")
    assert warnings and dialog.made.signed_by is None
    dialog.sign(PASSPHRASE)
    assert dialog.made.signed_by == "370100002" and "已由组长签名" in dialog.message.text()
    dialog.save(tmp_path / "通知书.pdf")
    assert (tmp_path / "通知书.pdf").read_bytes().startswith(b"%PDF")
    assert len(order.orders_of(workspace, signed[0])) == 1
    window.show_home()
    assert window.due_banner.isVisible()
    assert "2 个问题 7 天内到期" in window.due_banner.text()
    assert "P5.1" in window.due_banner.text()  # the soonest
    window.due_banner.linkActivated.emit("ledger")
    assert window.pages.currentWidget() is page
    assert {r.item_code for r in page.model.rows} == {"P5.1", "P5.2"}
    page.export(tmp_path / "台账.xlsx")
    assert len(list(openpyxl.load_workbook(tmp_path / "台账.xlsx").active.values)) == 3
    page.write_report(date.today(), date.today(), None, tmp_path / "报告.xlsx")
    summary = {r[0]: r[1] for r in openpyxl.load_workbook(tmp_path / "报告.xlsx")["汇总"].values}
    assert summary["发现问题（个）"] == 3
    page.write_report(date.today(), date.today(), "历城区", tmp_path / "报告.pdf")
    assert (tmp_path / "报告.pdf").read_bytes().startswith(b"%PDF")


def test_signed_findings_missing_from_the_ledger_are_entered_when_it_opens(
    window: MainWindow, workspace: Workspace
) -> None:
    from sqlalchemy import select

    from inspector.db.models import LedgerEntry

    with workspace.change(None, "test.drop") as ch:  # as a database from before the ledger
        for row in ch.session.scalars(select(LedgerEntry)):
            ch.delete(row)
    window.show_ledger()
    assert window.ledger.model.rowCount() == 3
    assert entries.missing_entries(workspace) == []


def test_a_long_ledger_is_read_a_page_at_a_time_as_the_list_is_scrolled(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.ledger_page

    monkeypatch.setattr(ui.ledger_page, "PAGE", 1)  # three findings: three pages
    window.show_ledger()
    page = window.ledger
    assert "3 个问题" in page.count.text() and page.model.total == 3
    page.table.scrollToBottom()  # the view asks for the next page, read on the executor
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert len({r.id for r in page.model.rows}) == 3


def test_the_case_path_dialog_offers_no_administrative_penalty(qtbot: QtBot) -> None:
    """A 行政处罚 is a case (case open), not a step of the ledger's case path."""
    from ui.ledger_page import CaseStepDialog

    dialog = CaseStepDialog()
    qtbot.addWidget(dialog)
    offered = [dialog.kind.itemData(i) for i in range(dialog.kind.count())]
    assert offered == ["agreement", "police", "discipline"]
