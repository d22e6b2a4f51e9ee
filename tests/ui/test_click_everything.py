"""Every window of the app, clicked everywhere (tests/helpers/clicks.py): each button and menu
action a user can reach, with realistic data made through the core in a fresh data directory.
A click that raises, warns or shows 内部错误 fails the test, naming the click."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from inspector.inspections import list_inspections, save_answer
from inspector.record.build import build_record
from inspector.record.content import new_interview
from inspector.workspace import Workspace
from tests.helpers.clicks import Clicker
from tests.helpers.homes import PHOTOS
from tests.helpers.ledger import plan, signed_inspection, team_keys
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

# The offscreen platform cannot raise a window or grab the keyboard; it says so when a menu
# pops up. Only these two of its notes are ignored, besides the one in pyproject.toml.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing", extend=True
)


@pytest.fixture
def clicker(qtbot: QtBot, qtlog: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Clicker]:
    yield Clicker(qtbot, qtlog, monkeypatch)


def _inspections(ws: Workspace) -> list[tuple[str, str]]:
    return sorted((view.id, view.status.value) for view in list_inspections(ws))


def test_record_dialog_of_a_draft(
    qtbot: QtBot, clicker: Clicker, workspace: Workspace, tmp_path: Path
) -> None:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from ui.record_dialog import RecordDialog

    inspection_id = plan(workspace, "历城区某社区卫生服务中心")
    save_answer(workspace, inspection_id, "P1.1", "problem", note="未公示", amount="120.00")
    build_record(workspace, inspection_id)
    dialog = RecordDialog(workspace, TaskRunner(), inspection_id)
    qtbot.addWidget(dialog)
    printed = tmp_path / "printed.pdf"

    def print_to_a_file(chosen: QDialog) -> int:
        assert isinstance(chosen, QPrintDialog)
        chosen.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        chosen.printer().setOutputFileName(str(printed))
        return int(QDialog.DialogCode.Accepted.value)

    clicker.answers[QPrintDialog] = print_to_a_file
    report = clicker.run(dialog)
    # 打印… asks for a printer (the clicked(bool) once arrived as the printer: TypeError) and
    # prints every page of the record.
    assert [o.name for o in report.opened_by("打印…")] == ["QPrintDialog"]
    document = QPdfDocument()
    document.load(str(printed))
    assert document.pageCount() == dialog.document.pageCount() >= 1


def test_record_dialog_of_a_signed_inspection(
    qtbot: QtBot, clicker: Clicker, workspace: Workspace
) -> None:
    from ui.record_dialog import RecordDialog

    keys = team_keys(workspace)
    inspection_id = signed_inspection(
        workspace, keys, "历城区某社区卫生服务中心", [("P1.1", "120.00", None)]
    )
    before = _inspections(workspace)
    dialog = RecordDialog(workspace, TaskRunner(), inspection_id)
    qtbot.addWidget(dialog)
    report = clicker.run(dialog)
    # 制作更正记录… asks first; answered No, no amendment is made.
    assert [o.kind for o in report.opened_by("制作更正记录…")] == ["question"]
    assert _inspections(workspace) == before


@pytest.fixture
def full_workspace(workspace: Workspace) -> dict[str, str]:
    """A data directory as a team's laptop has it: a signed inspection (its ledger rows), one
    in progress with answers and a photo, one planned."""
    from inspector.evidence.intake import add_evidence

    keys = team_keys(workspace)
    signed = signed_inspection(
        workspace, keys, "历城区甲卫生院", [("P5.1", "1000", "VH04"), ("P5.2", "500", None)]
    )
    going = plan(workspace, "槐荫区乙药店", type_code="retail_pharmacy", district="槐荫区")
    save_answer(workspace, going, "P2.4", "problem", note="药师不在岗", amount="300")
    [photo] = add_evidence(workspace, going, [PHOTOS / "mobile" / "jolla.jpg"], item_code="P2.4")
    assert photo.evidence_id is not None
    interview = new_interview(workspace, going, "王某", role="药店负责人")
    planned = plan(workspace, "市中区丙诊所")
    from inspector.leads.store import NewLead, add_lead, attach_leads

    for number in ("JB-1", "JB-2"):
        add_lead(workspace, NewLead("槐荫区乙药店", "串换药品", source="office", number=number))
    attach_leads(workspace, going, ["JB-1"])
    _campaign(workspace)  # the office's campaign on the home screen (its 详情… button)
    return {
        "signed": signed,
        "going": going,
        "planned": planned,
        "photo": photo.evidence_id,
        "interview": interview,
    }


@pytest.fixture
def window(
    qtbot: QtBot, workspace: Workspace, full_workspace: dict[str, str], clicker: Clicker
) -> Iterator[MainWindow]:
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    main.show()
    clicker.settle_hooks.append(main.saver.flush)
    yield main
    main.close()


def _open_row(qtbot: QtBot, window: MainWindow, institution: str) -> None:
    """Open an inspection as a user does: a double click on its row of the home list (once the
    list, read on the database executor, shows it); the checklist page shows it once read there
    too (its ``loaded``)."""
    table = window.home.table
    model = table.model()

    def row_of() -> int | None:
        for row in range(model.rowCount()):
            texts = [str(model.index(row, c).data()) for c in range(model.columnCount())]
            if any(institution in text for text in texts):
                return row
        return None

    qtbot.waitUntil(lambda: row_of() is not None, timeout=10_000)
    centre = table.visualRect(model.index(row_of(), 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    with qtbot.waitSignal(window.checklist.loaded, timeout=10_000):
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_main_window_menus_and_home(
    window: MainWindow, clicker: Clicker, workspace: Workspace, qtbot: QtBot
) -> None:
    before = _inspections(workspace)
    # the office's campaign on the home screen, read on the database executor
    qtbot.waitUntil(window.home.campaigns.isVisible, timeout=10_000)
    report = clicker.run(window)
    assert any("新建检查…" in path for path in report.clicked)
    assert any(o.name == "NewInspectionDialog" for o in report.opened)
    # the home's 详情… (a window-modal window: recorded with its title)
    assert any(o.name.startswith("CampaignDialog(") for o in report.opened_by("详情…"))
    assert _inspections(workspace) == before  # every dialog cancelled, every question No


@pytest.mark.parametrize("home", ["encrypted"], indirect=True)
def test_main_window_of_an_encrypted_data_directory(
    qtbot: QtBot, window: MainWindow, clicker: Clicker, workspace: Workspace
) -> None:
    """锁定 locks: the sign-in window it shows is answered with the passphrase, typed and
    clicked; 自动锁定时间… is asked and cancelled."""
    from tests.helpers.homes import PASSPHRASE
    from ui.lock import SignInDialog

    def unlock(widget: QWidget) -> None:
        assert isinstance(widget, SignInDialog)
        widget.passphrase.setText(PASSPHRASE)  # QTest cannot type Chinese (it aborts)
        qtbot.mouseClick(widget.ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not window.is_locked, timeout=20_000)

    clicker.on_window[SignInDialog] = unlock
    before = _inspections(workspace)
    report = clicker.run(window)
    assert [o.name for o in report.opened_by("锁定")] == ["SignInDialog(已锁定)"]
    assert not workspace.locked
    assert _inspections(workspace) == before


def test_ledger_page(qtbot: QtBot, window: MainWindow, clicker: Clicker, tmp_path: Path) -> None:
    import openpyxl

    exported = tmp_path / "问题台账.xlsx"
    clicker.file_answer = lambda _kind, caption: str(exported) if caption == "导出问题台账" else ""
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.ledger
    report = clicker.run(window, menus=False)
    assert any(path.endswith("导出 Excel…") for path in report.clicked)
    # 导出 Excel… writes the workbook the user chose (the clicked(bool) once arrived as the
    # path: 内部错误 AttributeError).
    sheet = openpyxl.load_workbook(exported).active
    assert sheet is not None and sheet.max_row >= 3  # a header and the two findings


@pytest.fixture
def case_in_progress(workspace: Workspace, full_workspace: dict[str, str]) -> str:
    """A case from the signed inspection's finding, filed, investigated, with a refund and a
    fine proposed and its 调查终结报告 made: the 案件 screen has steps, measures and a
    document to click."""
    from inspector.cases import steps
    from inspector.cases.core import open_case
    from inspector.cases.measures import add_measure
    from inspector.cases.stage_documents import Extra, make_stage_document
    from inspector.enforcement.measures import MeasureItem, decide_measure, measure_document
    from inspector.ledger.entries import LedgerFilter, search_entries

    [entry] = [
        row
        for row in search_entries(workspace, LedgerFilter(inspection=full_workspace["signed"]))
        if row.item_code == "P5.1"
    ]
    case_id = open_case(workspace, entries=[entry.id], summary="串换药品")
    today = entry.found_on
    steps.file_case(
        workspace, case_id, on_date=today, officers=["370100001", "370100002"], approver="王局长"
    )
    steps.investigate(
        workspace, case_id, on_date=today, facts="串换药品", evidence="处方", by="370100001"
    )
    add_measure(workspace, case_id, "refund", amount="1000", on_date=today)
    add_measure(
        workspace, case_id, "fine", article="38", basis="1000", amount="1500", on_date=today
    )
    make_stage_document(
        workspace,
        case_id,
        "investigation",
        Extra(basis=("《医疗保障基金使用监督管理条例》第三十八条",)),
    )
    # A 封存 under the case with its decision made: a measure's document to click.
    sealed = decide_measure(
        workspace,
        full_workspace["signed"],
        kind="seal",
        decision_no="历医保封〔2026〕3号",
        decided_on=today,
        reason="病历可能被转移",
        approved_by="王局长",
        officers=["370100001", "370100002"],
        items=[MeasureItem(0, "住院病历", "3", "份")],
        case_id=case_id,
    )
    measure_document(workspace, sealed.id, "decision")
    return case_id


def test_case_page(
    qtbot: QtBot,
    window: MainWindow,
    clicker: Clicker,
    workspace: Workspace,
    case_in_progress: str,
) -> None:
    """The 案件 screen (Ctrl+J): every step button opens its dialog (cancelled: nothing taken),
    the measure and payment dialogs, the document dialogs (sign, print, save, close), the
    registration of a case received from another department."""
    from inspector.cases.core import get_case
    from inspector.cases.documents import documents_of
    from inspector.enforcement.measures import measures_of
    from inspector.enforcement.referrals import received_referrals

    def stored() -> tuple[Any, ...]:
        return (
            get_case(workspace, case_in_progress),
            documents_of(workspace, case_in_progress),
            measures_of(workspace, case_id=case_in_progress),
            received_referrals(workspace),
        )

    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    page = window.cases
    assert window.pages.currentWidget() is page
    qtbot.waitUntil(lambda: page.case is not None, timeout=10_000)
    before = stored()
    report = clicker.run(window, menus=False)
    opened = {o.name for o in report.opened}
    assert {
        "StepDialog",
        "MeasureDialog",
        "DocumentDialog",
        "CaseDocumentDialog",
        "CompulsoryDialog",
        "ReferDialog",
        "MeasureDocumentDialog",
        "EnforcementDocumentDialog",
        "ReceiveReferralDialog",
        "ListSignatureDialog",
    } <= opened
    assert stored() == before


def test_checklist_page(
    qtbot: QtBot, window: MainWindow, clicker: Clicker, full_workspace: dict[str, str]
) -> None:
    _open_row(qtbot, window, "槐荫区乙药店")
    assert window.pages.currentWidget() is window.checklist
    # The item with the photo, clicked in the list: its evidence strip has a row to click and
    # a context menu (查看…, 从本次检查中移除…, answered No).
    tree = window.checklist.tree
    [item] = [
        found
        for found in tree.findItems(
            "P2.4", Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchRecursive
        )
    ]
    tree.scrollToItem(item)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
    )
    report = clicker.run(window, menus=False, keep=(tree,))
    assert [o.kind for o in report.opened_by("从本次检查中移除…")] == ["question"]
    assert any(o.name.startswith("EvidenceViewer") for o in report.opened_by("查看…"))


def test_checklist_page_of_a_signed_inspection(
    qtbot: QtBot, window: MainWindow, clicker: Clicker
) -> None:
    _open_row(qtbot, window, "历城区甲卫生院")
    assert window.pages.currentWidget() is window.checklist
    clicker.run(window, menus=False)


# Each window opened directly over the data (the main window's menus reach most of them only
# to the harness's depth): (module, class, how it is built from workspace, runner and ids).
DIALOGS: dict[str, Any] = {
    "signing_draft": (
        "ui.signing_dialog",
        "SigningDialog",
        lambda ws, r, ids: (ws, r, ids["going"]),
    ),
    "signing_signed": (
        "ui.signing_dialog",
        "SigningDialog",
        lambda ws, r, ids: (ws, r, ids["signed"]),
    ),
    "legal": ("ui.legal_dialog", "LegalDialog", lambda ws, r, ids: (ws, r, ids["going"])),
    "interview": (
        "ui.interview_dialog",
        "InterviewDialog",
        lambda ws, r, ids: (ws, r, ids["going"]),
    ),
    "interview_record": (
        "ui.interview_dialog",
        "InterviewRecordDialog",
        lambda ws, r, ids: (ws, r, ids["interview"]),
    ),
    "evidence_viewer": (
        "ui.evidence.viewer",
        "EvidenceViewer",
        lambda ws, r, ids: (ws, r, ids["photo"]),
    ),
    "annotate": (
        "ui.evidence.annotate",
        "AnnotationEditor",
        lambda ws, r, ids: (ws, r, ids["photo"]),
    ),
    "sealing": (
        "ui.evidence.sealing",
        "SealingListDialog",
        lambda ws, r, ids: (ws, r, ids["going"]),
    ),
    "verify": ("ui.trust_dialog", "VerifyDialog", lambda ws, r, ids: (ws, r)),
    "sync": ("ui.sync_dialog", "SyncDialog", lambda ws, r, ids: (ws, r)),
    "claims": (
        "ui.claims_dialog",
        "ClaimsDialog",
        lambda ws, r, ids: (ws, r, ids["going"], "槐荫区乙药店"),
    ),
    "leads": (
        "ui.leads_dialog",
        "LeadsDialog",
        lambda ws, r, ids: (ws, r, ids["going"], "槐荫区乙药店"),
    ),
    "stock": ("ui.stock_dialog", "StockDialog", lambda ws, r, ids: (ws, r, ids["going"])),
    "trace": ("ui.trace_dialog", "TraceDialog", lambda ws, r, ids: (ws, r, ids["going"])),
    "plan": ("ui.plan_dialog", "PlanDialog", lambda ws, r, ids: (ws,)),
    "registry": ("ui.registry_dialog", "RegistryImportDialog", lambda ws, r, ids: (ws, r)),
    "bundle_export": (
        "ui.bundle_dialog",
        "BundleExportDialog",
        lambda ws, r, ids: (ws, r, ids["going"]),
    ),
    "bundle_import": ("ui.bundle_dialog", "BundleImportDialog", lambda ws, r, ids: (ws, r)),
    "conflicts": ("ui.bundle_dialog", "ConflictsDialog", lambda ws, r, ids: (ws,)),
    "current_inspector": (
        "ui.current_inspector",
        "CurrentInspectorDialog",
        lambda ws, r, ids: (ws,),
    ),
    "new_inspection": ("ui.new_inspection", "NewInspectionDialog", lambda ws, r, ids: (ws,)),
    "visit": ("ui.visit_dialog", "VisitDialog", lambda ws, r, ids: (ws, ids["going"])),
    "setup": ("ui.lock", "SetupDialog", lambda ws, r, ids: (ws.home.root,)),
    "keys": ("ui.keys_dialog", "KeysDialog", lambda ws, r, ids: (_store(ws), None, ws)),
    "campaign": ("ui.campaign_panel", "CampaignDialog", lambda ws, r, ids: (_campaign(ws),)),
}


def _campaign(ws: Workspace) -> Any:
    """An active campaign of the office installed as a pull installs it, and its view."""
    import json
    from datetime import date, timedelta

    from inspector.campaigns import FORMAT, build
    from inspector.campaigns.local import campaign_views, install_package

    today = date.today()
    campaign = build(
        name="打击欺诈骗保专项行动",
        phases=[("集中检查", str(today - timedelta(days=10)), str(today + timedelta(days=30)))],
        types=["primary_care"],
        districts=["历城区"],
        reports=[("situation_report", str(today - timedelta(days=1)))],
        follow_up=(str(today + timedelta(days=20)), "6", "2"),
    )
    if not campaign_views(ws):
        body = {"format": FORMAT, "campaigns": [campaign.to_dict()]}
        install_package(ws, json.dumps(body, ensure_ascii=False).encode(), 1)
    return campaign_views(ws)[0]


def _store(ws: Workspace) -> Any:
    from inspector.signing.keystore import KeyStore

    return KeyStore.of(ws)


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_dialog(
    name: str,
    qtbot: QtBot,
    clicker: Clicker,
    workspace: Workspace,
    full_workspace: dict[str, str],
) -> None:
    import importlib

    module, cls, arguments = DIALOGS[name]
    dialog = getattr(importlib.import_module(module), cls)(
        *arguments(workspace, TaskRunner(), full_workspace)
    )
    qtbot.addWidget(dialog)
    before = _inspections(workspace)
    report = clicker.run(dialog)
    assert report.clicked
    if name != "setup":  # SetupDialog makes a data directory of its own, not an inspection
        assert _inspections(workspace) == before


@pytest.mark.parametrize("home", ["encrypted"], indirect=True)
def test_sign_in_dialog(qtbot: QtBot, clicker: Clicker, workspace: Workspace) -> None:
    """The lock's sign-in, clicked with no passphrase typed: refused on the dialog, nothing
    opened. 用系统钥匙串 is not clicked: it would read this machine's real keyring."""
    from ui.lock import SignInDialog

    dialog = SignInDialog(workspace.home.root, holder="370100001", unlocking=True)
    qtbot.addWidget(dialog)
    clicker.skip.add("用系统钥匙串")
    report = clicker.run(dialog)
    assert any(path.endswith("解锁") for path in report.clicked)
    assert dialog.keys is None


def test_legal_dialog_reaches_the_recusal(
    qtbot: QtBot, clicker: Clicker, workspace: Workspace, full_workspace: dict[str, str]
) -> None:
    """回避… of each member who is not the leader asks for the reason; cancelled, nothing."""
    from ui.legal_dialog import LegalDialog

    dialog = LegalDialog(workspace, TaskRunner(), full_workspace["going"])
    qtbot.addWidget(dialog)
    before = _inspections(workspace)
    report = clicker.run(dialog)
    asked = report.opened_by("回避…")
    assert asked and {o.kind for o in asked} == {"input"}
    assert _inspections(workspace) == before
