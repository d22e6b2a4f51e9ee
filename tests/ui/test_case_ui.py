"""The 案件 screen through its real widgets, offscreen: a case opened from the 台账's finding
with the ledger's 立案… button, carried through every stage to 结案 by the step buttons (each
dialog filled through its widgets), a skipped step refused with the core's message and nothing
stored, the measures and payments apart, a stage document made, signed and saved, and the
home banner listing a late case that opens it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from inspector.cases import rules, steps
from inspector.cases.core import CaseFilter, get_case, list_cases, open_case
from inspector.cases.deadlines import case_deadlines
from inspector.cases.documents import documents_of, verify_document
from inspector.workspace import Workspace
from tests.helpers.ledger import PASSPHRASE, signed_inspection, team_keys
from ui.case_dialogs import _Form
from ui.case_page import CaseDocumentDialog, PdfPreview
from ui.main_window import MainWindow
from ui.strings import money


@pytest.fixture(autouse=True)
def _synchronous(synchronous_tasks: None) -> None:
    """Every job of this file inline (the shared fixture of tests/conftest.py)."""


@pytest.fixture
def keys(workspace: Workspace) -> dict[str, str]:
    return team_keys(workspace)


@pytest.fixture
def signed(workspace: Workspace, keys: dict[str, str]) -> str:
    return signed_inspection(
        workspace, keys, "历城区甲卫生院", [("P5.1", "1000", "VH04"), ("P5.2", "500", None)]
    )


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace, signed: str) -> Iterator[MainWindow]:
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close()


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: said.append(text))
    return said


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def answer(qtbot: QtBot, fill: Callable[[Any], None]) -> list[Any]:
    """Fill the modal dialog the next click opens through its widgets and click its OK."""
    seen: list[Any] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, _Form), dialog
        seen.append(dialog)
        try:
            fill(dialog)
        except BaseException:
            dialog.reject()  # the failure is reported; the test goes on instead of waiting
            raise
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, act)
    return seen


def type_in(dialog: Any, **values: Any) -> None:
    """A step dialog's fields by the core's argument names: text typed, boxes ticked, ways
    chosen."""
    for name, value in values.items():
        widget: QWidget = dialog.fields[name]
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        elif isinstance(widget, QLineEdit):
            widget.setText(value)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(value)
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findData(value))


def step(qtbot: QtBot, window: MainWindow, kind: str, **values: Any) -> None:
    page = window.cases
    answer(qtbot, lambda dialog: type_in(dialog, **values))
    click(qtbot, page.step_buttons[kind])


def test_one_finding_through_every_stage_to_closed_in_the_app(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    keys: dict[str, str],
    warnings: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The 台账: the finding chosen, 立案… registers the case and shows it on the 案件 screen.
    window.show_ledger()
    ledger = window.ledger
    [row] = [n for n, r in enumerate(ledger.model.rows) if r.item_code == "P5.1"]
    ledger.table.selectRow(row)

    def register(dialog: Any) -> None:
        assert "P5.1" in dialog.listing.text()
        dialog.summary.setText("串换药品")

    answer(qtbot, register)
    click(qtbot, ledger.open_case_button)
    assert warnings == []
    page = window.cases
    assert window.pages.currentWidget() is page
    [case] = list_cases(workspace)
    assert page.case is not None and page.case.id == case.id
    assert page.case.stage == rules.OPEN
    assert "待立案" in page.detail.toPlainText()
    # Only the steps the procedure allows next are offered.
    assert page.step_buttons[rules.FILE].isVisible()
    assert not page.step_buttons[rules.DECIDE].isVisible()

    step(qtbot, window, rules.FILE, officers="370100001, 370100002", approver="王局长")
    # The 90 days shown with their last day; one in a year whose holidays are not published
    # yet is marked 待公布.
    [period] = case_deadlines(get_case(workspace, case.id), date.today())
    shown = page.detail.toPlainText()
    assert f"办案期限：最后一天 {period.deadline.last_day:%Y-%m-%d}" in shown
    assert ("待公布" in shown) == period.deadline.provisional
    step(
        qtbot,
        window,
        rules.INVESTIGATE,
        facts="以甲药串换乙药，金额 1,000 元",
        evidence="处方、结算单、询问笔录",
    )
    step(qtbot, window, rules.REVIEW, reviewer="赵审核", reviewer_no="F001", opinion="同意")
    assert warnings == [], warnings
    assert get_case(workspace, case.id).stage == rules.REVIEWED

    # Measures apart: 责令退回 and a fine in 条例 art. 38's range.
    def refund(dialog: Any) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData(rules.REFUND))
        dialog.amount.setText("1000")

    answer(qtbot, refund)
    click(qtbot, page.measure_button)

    def fine(dialog: Any) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData(rules.FINE))
        dialog.article.setCurrentIndex(dialog.article.findData("38"))
        dialog.basis.setText("1000")
        dialog.amount.setText("1500")

    answer(qtbot, fine)
    click(qtbot, page.measure_button)
    assert warnings == [], warnings
    shown = page.detail.toPlainText()
    assert "责令退回" in shown and "罚款" in shown and "条例第38条" in shown

    # The 调查终结报告 made, then signed by the case officer with their key, then saved.
    previewed: list[int] = []

    def look() -> None:
        shown = QApplication.activeModalWidget()
        assert isinstance(shown, PdfPreview), shown
        previewed.append(shown.document.pageCount())
        shown.accept()

    def investigation(dialog: Any) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData("investigation"))
        dialog.lines["basis"].setPlainText("《医疗保障基金使用监督管理条例》第三十八条")
        dialog.texts["party_address"].setText("济南市历城区某路 1 号")
        # 预览… shows it before it is made (nothing kept: one document below, not two).
        QTimer.singleShot(0, look)
        click(qtbot, dialog.preview_button)
        assert previewed and previewed[0] >= 1

    answer(qtbot, investigation)
    click(qtbot, page.make_doc_button)
    assert warnings == [], warnings
    assert page.doc_table.rowCount() == 1
    assert page.doc_table.item(0, 0).text() == "调查终结报告"
    saved = tmp_path / "调查终结报告.pdf"
    shown_pages: list[int] = []

    def sign_and_save() -> None:
        """Both case officers sign the 调查终结报告 (each with their key, in turn), then a
        copy is saved."""
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CaseDocumentDialog), dialog
        try:
            shown_pages.append(dialog.document.pageCount())
            for cert_no in ("370100001", "370100002"):
                dialog.key.setCurrentIndex(dialog.key.findData(keys[cert_no]))
                assert dialog.key.currentData() == keys[cert_no]
                dialog.passphrase.setText(PASSPHRASE)
                click(qtbot, dialog.sign_button)
                assert warnings == [], warnings
                assert dialog.key.findData(keys[cert_no]) == -1  # not offered twice
            assert "已由 370100001、370100002 数字签名" in dialog.state.text()
            assert not dialog.sign_button.isEnabled()
            click(qtbot, dialog.save_button)
        finally:
            click(qtbot, dialog.close_button)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    QTimer.singleShot(0, sign_and_save)
    click(qtbot, page.open_doc_button)
    assert warnings == [], warnings
    assert shown_pages and shown_pages[0] >= 1
    [doc] = documents_of(workspace, case.id)
    assert doc.signed_by is not None
    assert verify_document(workspace, doc.id).ok
    assert saved.read_bytes().startswith(b"%PDF")
    assert "已签名" in page.doc_table.item(0, 3).text()

    step(qtbot, window, rules.NOTIFY, way="direct", recipient="钱院长")
    assert get_case(workspace, case.id).stage == rules.NOTIFIED
    shown = page.detail.toPlainText()
    assert "陈述申辩期限：最后一天" in shown

    # 决定 skipping the party's 陈述申辩 (its period still running, not waived): refused with
    # the rule named, nothing stored.
    before = get_case(workspace, case.id)
    step(qtbot, window, rules.DECIDE, approver="王局长", document_no="历医保罚〔2026〕1号")
    assert len(warnings) == 1
    assert "期满或当事人书面放弃后才能作出决定" in warnings[0]
    assert "行政处罚法第六十二条" in warnings[0]
    assert get_case(workspace, case.id) == before
    warnings.clear()

    step(qtbot, window, rules.WAIVE, written=True)
    step(qtbot, window, rules.DECIDE, approver="王局长", document_no="历医保罚〔2026〕1号")
    step(qtbot, window, rules.SERVE, way="direct", recipient="钱院长")
    assert warnings == [], warnings
    assert get_case(workspace, case.id).stage == rules.SERVED

    # 执行 before everything is paid: refused; then both paid, each by its own payment.
    step(qtbot, window, rules.EXECUTE)
    assert len(warnings) == 1 and "尚未缴清" in warnings[0]
    warnings.clear()
    for _ in range(2):
        answer(qtbot, lambda _dialog: None)  # the amount owed is offered
        click(qtbot, page.payment_button)
    assert warnings == [], warnings
    assert not page.payment_button.isEnabled()
    shown = page.detail.toPlainText()
    assert f"责令退回 {money(100000)}（已缴 {money(100000)}）" in shown
    assert f"罚款 {money(150000)}（已缴 {money(150000)}）" in shown
    step(qtbot, window, rules.EXECUTE)
    step(qtbot, window, rules.CLOSE, approver="王局长")
    assert warnings == [], warnings
    closed = get_case(workspace, case.id)
    assert closed.stage == rules.CLOSED
    assert [s.kind for s in closed.steps] == [
        "file",
        "investigate",
        "review",
        "notify",
        "waive",
        "decide",
        "serve",
        "execute",
        "close",
    ]
    assert "已结案" in page.detail.toPlainText()
    assert not any(button.isVisible() for button in page.step_buttons.values())
    # The 案件 screen's filters: not in the open cases, found among 已结案.
    assert page.model.rowCount() == 1  # shown with every stage after opening it
    page.stage.setCurrentIndex(page.stage.findData("active"))
    assert page.model.rowCount() == 0
    page.stage.setCurrentIndex(page.stage.findData(rules.CLOSED))
    assert [r.case.id for r in page.model.rows] == [case.id]
    page.search.setText("乙药店")
    assert page.model.rowCount() == 0
    # The 台账 names the case its finding is in, and opens it.
    window.show_ledger()
    [row] = [n for n, r in enumerate(ledger.model.rows) if r.item_code == "P5.1"]
    ledger.table.selectRow(row)
    assert f"案件 {case.id[:8]}：已结案" in ledger.detail.toPlainText()
    click(qtbot, ledger.show_case_button)
    assert window.pages.currentWidget() is page
    assert page.case is not None and page.case.id == case.id


def _late_case(ws: Workspace) -> str:
    """A case from a lead, filed 100 days ago: its 90 days have run out."""
    today = date.today()
    case_id = open_case(
        ws,
        lead_id="L-2026-001",
        party_name="槐荫区丙诊所",
        summary="举报虚构诊疗",
        on_date=today - timedelta(days=101),
    )
    steps.file_case(
        ws,
        case_id,
        on_date=today - timedelta(days=100),
        officers=["370100001", "370100002"],
        approver="王局长",
    )
    return case_id


def test_the_home_banner_lists_a_late_case_and_opens_it(
    qtbot: QtBot, workspace: Workspace, signed: str
) -> None:
    late = _late_case(workspace)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    banner = window.case_banner
    assert banner.isVisible()
    assert "1 项已逾期" in banner.title.text()
    [line] = banner.lines
    text = line.text()
    assert late[:8] in text and "槐荫区丙诊所" in text and "办案期限" in text and "已逾期" in text
    click(qtbot, line)
    assert window.pages.currentWidget() is window.cases
    assert window.cases.case is not None and window.cases.case.id == late
    assert "已逾期" in window.cases.detail.toPlainText()
    # The lateness filter keeps it.
    window.cases.late.setCurrentIndex(window.cases.late.findData(True))
    assert [r.case.id for r in window.cases.model.rows] == [late]
    assert list_cases(workspace, CaseFilter(stage="active"))[0].id == late
    window.close()


def test_a_seal_under_the_case_decided_extended_and_released_by_its_buttons(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, warnings: list[str]
) -> None:
    """封存 at the case's inspection (two officers of the team, the list), extended once,
    released: each through its button and dialog; a second extension is not offered."""
    from inspector.enforcement.measures import measures_of
    from inspector.ledger.entries import LedgerFilter, search_entries

    [entry] = [r for r in search_entries(workspace, LedgerFilter()) if r.item_code == "P5.1"]
    case_id = open_case(workspace, entries=[entry.id], summary="串换药品")
    steps.file_case(
        workspace,
        case_id,
        on_date=entry.found_on,
        officers=["370100001", "370100002"],
        approver="王局长",
    )
    window.show_cases(case_id)
    page = window.cases
    assert page.case is not None and page.case.id == case_id
    assert not page.extend_seal_button.isEnabled() and not page.end_seal_button.isEnabled()

    def seal(dialog: Any) -> None:
        assert dialog.officers.text() == "370100001, 370100002"
        dialog.decision_no.setText("历医保封〔2026〕3号")
        dialog.reason.setPlainText("病历可能被转移")
        dialog.approved_by.setText("王局长")
        dialog.items.setPlainText("住院病历，3，份\n处方，20，张")

    answer(qtbot, seal)
    click(qtbot, page.seal_button)
    assert warnings == [], warnings
    [held] = measures_of(workspace, case_id=case_id)
    assert (held.kind, held.decision_no, len(held.items)) == ("seal", "历医保封〔2026〕3号", 2)
    assert "封存 历医保封〔2026〕3号：2 项" in page.detail.toPlainText()

    def extend(dialog: Any) -> None:
        dialog.document_no.setText("历医保延〔2026〕1号")
        dialog.reason.setEditText("需进一步核实")
        dialog.approved_by.setText("王局长")

    answer(qtbot, extend)
    click(qtbot, page.extend_seal_button)
    assert warnings == [], warnings
    [held] = measures_of(workspace, case_id=case_id)
    assert held.extended_on is not None
    assert not page.extend_seal_button.isEnabled()  # 行政强制法 art. 25: once

    def release(dialog: Any) -> None:
        dialog.document_no.setText("历医保解〔2026〕1号")
        dialog.reason.setCurrentIndex(dialog.reason.findData("decided"))

    answer(qtbot, release)
    click(qtbot, page.end_seal_button)
    assert warnings == [], warnings
    [held] = measures_of(workspace, case_id=case_id)
    assert held.outcome == "release" and held.end_reason
    assert "解除" in page.detail.toPlainText()
    assert not page.end_seal_button.isEnabled()


def test_a_referral_of_the_case_sent_received_and_answered_by_its_buttons(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    keys: dict[str, str],
    warnings: list[str],
    tmp_path: Path,
) -> None:
    """移送 to the police with the bundle written where chosen, its 移送书 signed by a case
    officer, then the receipt and the feedback, each through its button and dialog."""
    from inspector.enforcement.referrals import referrals_of
    from inspector.ledger.entries import LedgerFilter, search_entries

    [entry] = [r for r in search_entries(workspace, LedgerFilter()) if r.item_code == "P5.1"]
    case_id = open_case(workspace, entries=[entry.id], summary="伪造处方骗取基金")
    steps.file_case(
        workspace,
        case_id,
        on_date=entry.found_on,
        officers=["370100001", "370100002"],
        approver="王局长",
    )
    window.show_cases(case_id)
    page = window.cases
    assert not page.receipt_button.isEnabled() and not page.return_button.isEnabled()
    bundle = tmp_path / "移送证据包.zip"

    def refer(dialog: Any) -> None:
        dialog.department.setCurrentIndex(dialog.department.findData("police"))
        dialog.receiver.setText("历城区公安分局")
        dialog.referral_no.setText("历医保移〔2026〕1号")
        dialog.facts.setPlainText("涉嫌伪造处方骗取医保基金")
        dialog.bundle.setText(str(bundle))

    answer(qtbot, refer)
    click(qtbot, page.refer_button)
    assert warnings == [], warnings
    [sent] = referrals_of(workspace, case_id=case_id)
    assert (sent.department, sent.referral_no) == ("police", "历医保移〔2026〕1号")
    assert bundle.is_file()
    assert "移送公安机关（历城区公安分局）历医保移〔2026〕1号：已移送" in page.detail.toPlainText()
    # Its 移送书 and 案卷清单 listed with the case's measure and referral documents.
    listed = sorted(
        (page.enf_table.item(n, 0).text(), page.enf_table.item(n, 2).text())
        for n in range(page.enf_table.rowCount())
    )
    assert listed == [
        ("案卷清单", "移送公安机关 历医保移〔2026〕1号"),
        ("移送书", "移送公安机关 历医保移〔2026〕1号"),
    ]
    assert page.open_enf_button.isEnabled()

    # The 移送书 (sent with the device key: unsigned) signed by a case officer by clicks.
    from ui.case_page import EnforcementDocumentDialog

    [letter_row] = [
        n for n in range(page.enf_table.rowCount()) if page.enf_table.item(n, 0).text() == "移送书"
    ]
    page.enf_table.selectRow(letter_row)

    def sign_letter() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, EnforcementDocumentDialog), dialog
        try:
            dialog.key.setCurrentIndex(dialog.key.findData(keys["370100001"]))
            dialog.passphrase.setText(PASSPHRASE)
            click(qtbot, dialog.sign_button)
        finally:
            click(qtbot, dialog.close_button)

    QTimer.singleShot(0, sign_letter)
    click(qtbot, page.open_enf_button)
    assert warnings == [], warnings
    [sent] = referrals_of(workspace, case_id=case_id)
    signed_by = {d["kind"]: d["signed_by"] for d in sent.documents}
    assert signed_by == {"referral-letter": "370100001", "referral-list": None}

    def receipt(dialog: Any) -> None:
        dialog.text.setText("孙警官")

    answer(qtbot, receipt)
    click(qtbot, page.receipt_button)

    def feedback(dialog: Any) -> None:
        dialog.text.setPlainText("已立案侦查")

    answer(qtbot, feedback)
    click(qtbot, page.feedback_button)
    assert warnings == [], warnings
    [sent] = referrals_of(workspace, case_id=case_id)
    assert (sent.received_by, sent.feedback) == ("孙警官", "已立案侦查")
    assert "已反馈" in page.detail.toPlainText()


def _sealed_case(qtbot: QtBot, window: MainWindow, workspace: Workspace) -> str:
    """A filed case with a 封存 decided under it by its button."""
    from inspector.ledger.entries import LedgerFilter, search_entries

    [entry] = [r for r in search_entries(workspace, LedgerFilter()) if r.item_code == "P5.1"]
    case_id = open_case(workspace, entries=[entry.id], summary="串换药品")
    steps.file_case(
        workspace,
        case_id,
        on_date=entry.found_on,
        officers=["370100001", "370100002"],
        approver="王局长",
    )
    window.show_cases(case_id)
    page = window.cases

    def seal(dialog: Any) -> None:
        dialog.decision_no.setText("历医保封〔2026〕3号")
        dialog.reason.setPlainText("病历可能被转移")
        dialog.approved_by.setText("王局长")
        dialog.items.setPlainText("住院病历，3，份\n处方，20，张")

    answer(qtbot, seal)
    click(qtbot, page.seal_button)
    return case_id


def test_a_seal_decision_made_listed_previewed_signed_printed_and_saved_by_clicks(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    keys: dict[str, str],
    warnings: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The 封存决定书 of a 封存 under the case: made by 制作强制措施文书…, listed, shown page by
    page, a wrong passphrase refused with the core's message and nothing signed, then signed by
    one of the officers who carried the measure out, printed and saved; then the party's
    signature on the list registered and the list made."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from inspector.enforcement.measures import measures_of
    from inspector.signing.keystore import KeyStore
    from ui.case_page import EnforcementDocumentDialog

    # A key of an inspector who did not carry the measure out: never offered.
    outsider = KeyStore.of(workspace).self_signed_for_trials("赵六", "370100009", PASSPHRASE)
    case_id = _sealed_case(qtbot, window, workspace)
    page = window.cases
    assert warnings == [], warnings
    assert page.enf_table.rowCount() == 0 and not page.open_enf_button.isEnabled()

    # A release document of a 封存 not released: refused with the core's rule, nothing kept.
    def release_document(dialog: Any) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData("end"))

    answer(qtbot, release_document)
    click(qtbot, page.make_enf_button)
    assert warnings == ["该措施尚未解除或作出处理决定"], warnings
    warnings.clear()
    [held] = measures_of(workspace, case_id=case_id)
    assert held.documents == []

    def decision(dialog: Any) -> None:
        assert dialog.measure.currentData() == held.id
        dialog.kind.setCurrentIndex(dialog.kind.findData("decision"))

    answer(qtbot, decision)
    click(qtbot, page.make_enf_button)
    assert warnings == [], warnings
    [held] = measures_of(workspace, case_id=case_id)
    [doc] = held.documents
    assert page.enf_table.rowCount() == 1
    assert page.enf_table.item(0, 0).text() == "封存决定书"
    assert page.enf_table.item(0, 1).text() == "历医保封〔2026〕3号"
    assert page.enf_table.item(0, 3).text() == "待执法人员签名"

    saved = tmp_path / "封存决定书.pdf"
    printed = tmp_path / "printed.pdf"
    seen: list[Any] = []

    def look_sign_print_save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, EnforcementDocumentDialog), dialog
        try:
            seen.append(dialog.document.pageCount())
            # Only the keys of the officers the measure names are offered.
            offered = {dialog.key.itemData(n) for n in range(dialog.key.count())}
            assert offered == {keys["370100001"], keys["370100002"]}, offered
            assert outsider.key_id not in offered
            assert "请选择其密钥并输入口令" in dialog.state.text()
            dialog.key.setCurrentIndex(dialog.key.findData(keys["370100002"]))
            dialog.passphrase.setText("不是这个口令")
            click(qtbot, dialog.sign_button)
            seen.append(list(warnings))
            warnings.clear()
            dialog.passphrase.setText(PASSPHRASE)
            click(qtbot, dialog.sign_button)
            assert warnings == [], warnings
            assert "已由执法证号 370100002 数字签名" in dialog.state.text()
            assert not dialog.sign_button.isEnabled() and dialog.key.count() == 0
            click(qtbot, dialog.print_button)
            printout = QPdfDocument()
            printout.load(str(printed))
            seen.append(printout.pageCount())
            click(qtbot, dialog.save_button)
        finally:
            click(qtbot, dialog.close_button)

    def to_a_file(chosen: QPrintDialog) -> int:
        chosen.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        chosen.printer().setOutputFileName(str(printed))
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QPrintDialog, "exec", to_a_file)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    QTimer.singleShot(0, look_sign_print_save)
    click(qtbot, page.open_enf_button)
    assert warnings == [], warnings
    pages, refused, printed_pages = seen
    assert pages >= 1 and printed_pages == pages
    assert len(refused) == 1 and "口令" in refused[0], refused
    [held] = measures_of(workspace, case_id=case_id)
    [doc] = held.documents
    assert doc["signed_by"] == "370100002"
    assert "已签名（370100002）" in page.enf_table.item(0, 3).text()
    with saved.open("rb") as handle:
        [signature] = PdfFileReader(handle).embedded_signatures
        assert signature.field_name == "enforcement-370100002"
    assert printed.read_bytes().startswith(b"%PDF")

    # The list's signatures: a refusal without a witness refused with the law named, nothing
    # stored; then the party's signer registered, and the list made shows both sides.
    def refusal(dialog: Any) -> None:
        dialog.refused.setChecked(True)

    answer(qtbot, refusal)
    click(qtbot, page.list_sign_button)
    assert len(warnings) == 1 and "行政强制法第十八条" in warnings[0], warnings
    warnings.clear()
    [held] = measures_of(workspace, case_id=case_id)
    assert held.list_signed_on is None

    def party(dialog: Any) -> None:
        dialog.party.setText("钱院长")

    answer(qtbot, party)
    click(qtbot, page.list_sign_button)
    assert warnings == [], warnings
    [held] = measures_of(workspace, case_id=case_id)
    assert (held.party_signer, held.list_signed_on) == ("钱院长", date.today())
    assert not page.list_sign_button.isEnabled()  # once

    def the_list(dialog: Any) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData("list"))

    answer(qtbot, the_list)
    click(qtbot, page.make_enf_button)
    assert warnings == [], warnings
    titles = [page.enf_table.item(n, 0).text() for n in range(page.enf_table.rowCount())]
    assert titles == ["封存决定书", "封存清单"]


def test_a_case_received_from_the_police_registered_by_clicks(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, warnings: list[str]
) -> None:
    """登记收到的移送案件…: the case 公安 sent registered through the dialog's widgets (then
    offered to the leads screen); the same letter again refused with the core's message and
    nothing stored."""
    from inspector.enforcement.referrals import received_referrals

    window.show_cases()
    page = window.cases

    def fill(dialog: Any) -> None:
        dialog.department.setCurrentIndex(dialog.department.findData("police"))
        dialog.sender.setText("历城区公安分局")
        dialog.document_no.setText("历公移〔2026〕7号")
        dialog.subject.setText("历城区甲卫生院")
        dialog.summary.setPlainText("涉嫌伪造住院病历骗取医保基金")

    answer(qtbot, fill)
    click(qtbot, page.receive_button)
    assert warnings == [], warnings
    [received] = received_referrals(workspace)
    assert (received.department, received.sender, received.document_no, received.subject) == (
        "police",
        "历城区公安分局",
        "历公移〔2026〕7号",
        "历城区甲卫生院",
    )
    assert received.received_on == date.today() and received.lead_id is None

    answer(qtbot, fill)
    click(qtbot, page.receive_button)
    assert warnings == ["历城区公安分局 的来文 历公移〔2026〕7号 已经登记过"], warnings
    assert received_referrals(workspace) == [received]
