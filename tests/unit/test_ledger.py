"""The problem ledger: rows entered when an inspection is signed, statuses (销号 only by a
signed 回头看), filters and search, the case path, amendments, the Excel export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from inspector.db.models import AuditEvent, LedgerEntry
from inspector.errors import InvalidInput, StorageError
from inspector.inspections import save_answer
from inspector.ledger import cases, entries
from inspector.ledger.entries import LedgerFilter, search_entries
from inspector.ledger.follow_up import create_follow_up, follow_up_items, save_verdict
from inspector.progress import Cancelled, NullReporter
from inspector.record.content import amend_inspection
from inspector.workspace import Workspace
from tests.helpers.lawful import finish_lawfully, lawful
from tests.helpers.ledger import TEAM, plan, sign, signed_inspection, team_keys


@pytest.fixture
def keys(workspace: Workspace) -> dict[str, str]:
    return team_keys(workspace)


def _events(ws: Workspace) -> int:
    with ws.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def test_signing_enters_every_finding_and_nothing_before(
    workspace: Workspace, keys: dict[str, str]
) -> None:
    inspection_id = plan(workspace, "历城区甲卫生院")
    save_answer(
        workspace,
        inspection_id,
        "P5.1",
        "problem",
        note="床位空置",
        amount="3200",
        violation="VH04",
    )
    save_answer(workspace, inspection_id, "P5.2", "problem", note="挂床", amount="1,000.50")
    save_answer(workspace, inspection_id, "P5.3", "ok")
    assert search_entries(workspace) == []
    sign(workspace, inspection_id, keys)
    rows = search_entries(workspace)
    assert [(r.item_code, r.amount_fen, r.violation_code, r.status) for r in rows] == [
        ("P5.1", 320000, "VH04", "pending"),
        ("P5.2", 100050, None, "pending"),
    ]
    assert rows[0].institution_name == "历城区甲卫生院"
    assert rows[0].note == "床位空置"
    assert rows[0].item_title  # the item's title from the snapshot
    # Nothing further to enter: no event written.
    before = _events(workspace)
    assert entries.enter_signed(workspace) == 0
    assert _events(workspace) == before


def test_rows_lost_are_entered_again_in_one_event(
    workspace: Workspace, keys: dict[str, str]
) -> None:
    inspection_id = signed_inspection(workspace, keys, "甲", [("P5.1", "10", "VH04")])
    with workspace.change(None, "test.drop") as ch:  # as a database from before the ledger
        for row in ch.session.scalars(select(LedgerEntry)):
            ch.delete(row)
    assert entries.missing_entries(workspace) == [inspection_id]

    class Cancelling(NullReporter):
        @property
        def cancelled(self) -> bool:
            return True

    before = _events(workspace)
    with pytest.raises(Cancelled):
        entries.enter_signed(workspace, Cancelling())
    assert _events(workspace) == before and search_entries(workspace) == []
    assert entries.enter_signed(workspace) == 1
    assert _events(workspace) == before + 1
    assert [r.item_code for r in search_entries(workspace)] == ["P5.1"]


def test_statuses_and_what_is_refused(workspace: Workspace, keys: dict[str, str]) -> None:
    signed_inspection(workspace, keys, "甲", [("P5.1", "100", "VH04")])
    row = search_entries(workspace)[0]
    with pytest.raises(InvalidInput, match="回头看"):
        entries.set_progress(workspace, row.id, status="已整改")
    with pytest.raises(InvalidInput, match="移交"):
        entries.set_progress(workspace, row.id, status="移交")
    with pytest.raises(InvalidInput, match="超过"):
        entries.set_progress(workspace, row.id, recovered="100.01")
    assert entries.get_entry(workspace, row.id).status == "pending"
    view = entries.set_progress(
        workspace, row.id[:8], status="整改中", note="已退回部分", recovered="40"
    )
    assert (view.status, view.recovered_fen, view.progress_note) == (
        "in_progress",
        4000,
        "已退回部分",
    )
    with pytest.raises(InvalidInput, match="无效"):
        entries.set_progress(workspace, row.id, status="完成")


def test_filters_and_search(workspace: Workspace, keys: dict[str, str]) -> None:
    signed_inspection(
        workspace, keys, "历城区甲卫生院", [("P5.1", "10", "VH04"), ("P5.2", None, None)]
    )
    signed_inspection(
        workspace,
        keys,
        "槐荫区乙药店",
        [("P4.9", "5", "VP01")],
        type_code="retail_pharmacy",
        district="槐荫区",
    )
    assert len(search_entries(workspace)) == 3
    assert [r.item_code for r in search_entries(workspace, LedgerFilter(district="槐荫区"))] == [
        "P4.9"
    ]
    assert len(search_entries(workspace, LedgerFilter(type_code="primary_care"))) == 2
    assert [
        r.item_code for r in search_entries(workspace, LedgerFilter(violation_code="VH04"))
    ] == ["P5.1"]
    assert [r.item_code for r in search_entries(workspace, LedgerFilter(text="乙药"))] == ["P4.9"]
    assert [r.item_code for r in search_entries(workspace, LedgerFilter(text="P5.2"))] == ["P5.2"]
    # A LIKE wildcard typed is a character, not a pattern.
    assert search_entries(workspace, LedgerFilter(text="%")) == []
    today = date.today()
    assert len(search_entries(workspace, LedgerFilter(since=today, until=today))) == 3
    assert search_entries(workspace, LedgerFilter(until=date(2000, 1, 1))) == []
    assert len(search_entries(workspace, LedgerFilter(status="pending"))) == 3
    totals = entries.ledger_totals(workspace, LedgerFilter(district="历城区"))
    assert (totals.count, totals.amount_fen, totals.open) == (2, 1000, 2)


def test_case_path_and_hand_over(workspace: Workspace, keys: dict[str, str]) -> None:
    signed_inspection(workspace, keys, "甲", [("P5.1", "1000", "VH04")])
    row = search_entries(workspace)[0]
    with pytest.raises(InvalidInput, match="文书编号"):
        cases.add_case_step(
            workspace,
            row.id,
            kind="协议处理",
            on_date=date.today(),
            receiving_body="市医保局",
            document_no=" ",
        )
    with pytest.raises(InvalidInput, match="晚于今天"):
        cases.add_case_step(
            workspace,
            row.id,
            kind="协议处理",
            on_date=date(2999, 1, 1),
            receiving_body="市医保局",
            document_no="1",
        )
    with pytest.raises(InvalidInput, match="处理方式"):
        cases.add_case_step(
            workspace,
            row.id,
            kind="罚款",
            on_date=date.today(),
            receiving_body="市医保局",
            document_no="1",
        )
    with pytest.raises(InvalidInput, match="case open"):
        cases.add_case_step(
            workspace,
            row.id,
            kind="行政处罚",
            on_date=date(2026, 11, 2),
            receiving_body="济南市医疗保障局",
            document_no="济医保罚〔2026〕3号",
        )
    cases.add_case_step(
        workspace,
        row.id,
        kind="协议处理",
        on_date=date(2026, 11, 2),
        receiving_body="济南市医疗保障局",
        document_no="济医保协〔2026〕3号",
        statement="机构称系系统错误",
        statement_on=date(2026, 11, 1),
        recovered="600",
    )
    assert entries.get_entry(workspace, row.id).status == "pending"
    cases.add_case_step(
        workspace,
        row.id,
        kind="police",
        on_date=date(2026, 11, 20),
        receiving_body="历城区公安分局",
        document_no="移字〔2026〕9号",
    )
    view = entries.get_entry(workspace, row.id)
    assert (view.status, view.recovered_fen) == ("transferred", 60000)
    path = cases.case_path(workspace, row.id)
    assert [(s.kind_name, s.document_no) for s in path.steps] == [
        ("协议处理", "济医保协〔2026〕3号"),
        ("移送公安", "移字〔2026〕9号"),
    ]
    assert path.steps[0].statement == "机构称系系统错误"
    assert path.party_representative is None  # the on-site statement: none was given here
    with pytest.raises(InvalidInput, match="已移交"):
        entries.set_progress(workspace, row.id, status="整改中")


def test_only_a_signed_follow_up_closes_a_finding(
    workspace: Workspace, keys: dict[str, str]
) -> None:
    original = signed_inspection(
        workspace, keys, "甲", [("P5.1", "100", "VH04"), ("P5.2", "50", None), ("P5.3", "1", None)]
    )
    with pytest.raises(InvalidInput, match="回头看"):
        create_follow_up(workspace, team=list(TEAM))
    visit = create_follow_up(workspace, inspection=original, team=list(TEAM), leader="370100002")
    with pytest.raises(InvalidInput, match="尚未签名的回头看"):
        create_follow_up(workspace, inspection=original, team=list(TEAM))
    items = follow_up_items(workspace, visit)
    assert [code for code, _entry, _verdict in items] == ["RV1", "RV2", "RV3"]
    from inspector.inspections import get_inspection

    view = get_inspection(workspace, visit)
    assert view.mode == "follow_up"
    codes = [item.code for item in view.checklist.items]
    assert codes[:3] == ["RV1", "RV2", "RV3"] and len(codes) > 3  # then the mode's items
    assert "P5.1" in view.checklist.item("RV1").question
    save_verdict(workspace, visit, "RV1", "已整改", note="已退回")
    with pytest.raises(InvalidInput, match="写明情况"):
        save_verdict(workspace, visit, "RV2", "部分整改")
    save_verdict(workspace, visit, "RV2", "部分整改", note="退回一半")
    save_verdict(workspace, visit, "RV3", "部分整改", note="仍在整改")
    save_verdict(workspace, visit, "RV3", "未整改")  # the note kept, the verdict replaced
    answers = get_inspection(workspace, visit).answers
    assert (answers["RV1"].note, answers["RV2"].note, answers["RV3"].note) == (
        "已整改：已退回",
        "部分整改：退回一半",
        "未整改：仍在整改",
    )
    with pytest.raises(InvalidInput, match="不是本次回头看"):
        save_verdict(workspace, visit, "P5.1", "已整改")
    # A new problem found on the follow-up is a row of its own.
    mode_item = codes[3]
    save_answer(workspace, visit, mode_item, "problem", note="新问题", amount="7")
    # Nothing closes before the follow-up is signed.
    assert {r.status for r in search_entries(workspace)} == {"pending"}
    sign(workspace, visit, keys)
    rows = {r.item_code: r for r in search_entries(workspace, LedgerFilter(inspection=original))}
    assert (rows["P5.1"].status, rows["P5.1"].closed_by_id) == ("rectified", visit)
    assert (rows["P5.2"].status, rows["P5.2"].follow_up_verdict) == ("in_progress", "partial")
    assert (rows["P5.3"].status, rows["P5.3"].follow_up_verdict) == ("pending", "not_rectified")
    new = search_entries(workspace, LedgerFilter(inspection=visit))
    assert [(r.item_code, r.amount_fen) for r in new] == [(mode_item, 700)]
    # Its 未整改/部分整改 items are no findings of their own: nothing is missing afterwards,
    # and a later look at the ledger does not apply the verdicts again.
    entries.set_progress(workspace, rows["P5.3"].id, status="整改中")
    assert entries.missing_entries(workspace) == []
    before = _events(workspace)
    assert entries.enter_signed(workspace) == 0
    assert _events(workspace) == before
    assert entries.get_entry(workspace, rows["P5.3"].id).status == "in_progress"
    with pytest.raises(InvalidInput, match="销号"):
        entries.set_progress(workspace, rows["P5.1"].id, note="改")


def test_a_signed_amendment_takes_over_the_rows(workspace: Workspace, keys: dict[str, str]) -> None:
    original = signed_inspection(
        workspace, keys, "甲", [("P5.1", "100", "VH04"), ("P5.2", "5", None)]
    )
    first = {r.item_code: r for r in search_entries(workspace)}
    entries.set_progress(workspace, first["P5.1"].id, status="整改中", recovered="10")
    cases.add_case_step(
        workspace,
        first["P5.1"].id,
        kind="协议处理",
        on_date=date.today(),
        receiving_body="市医保局",
        document_no="协-1",
    )
    amendment = amend_inspection(workspace, original)
    save_answer(workspace, amendment, "P5.2", "ok")  # not a problem after all
    save_answer(workspace, amendment, "P5.1", "problem", amount="120")
    sign(workspace, amendment, keys)
    rows = search_entries(workspace)
    assert [(r.item_code, r.inspection_id, r.amount_fen) for r in rows] == [
        ("P5.1", amendment, 12000)
    ]
    assert (rows[0].status, rows[0].recovered_fen) == ("in_progress", 1000)
    assert [s.document_no for s in cases.case_path(workspace, rows[0].id).steps] == ["协-1"]
    old = search_entries(workspace, LedgerFilter(status="superseded"))
    assert {r.item_code for r in old} == {"P5.1", "P5.2"}
    # The report counts the corrected visit once, with the amendment's findings.
    from inspector.ledger.report import report_figures

    figures = report_figures(workspace, date.today(), date.today())
    assert (figures.inspections, figures.findings, figures.amount_fen) == (1, 1, 12000)


def test_export_to_excel(workspace: Workspace, keys: dict[str, str], tmp_path: Path) -> None:
    signed_inspection(workspace, keys, "甲", [("P5.1", "1234.56", "VH04"), ("P5.2", None, None)])
    target = tmp_path / "台账.xlsx"
    assert entries.export_ledger(workspace, target) == 2
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.values)
    assert rows[0] == entries.EXPORT_HEADER
    assert rows[1][3] == "甲" and rows[1][6] == "P5.1" and rows[1][10] == 1234.56
    assert rows[1][9].startswith("VH04 ")
    assert rows[2][10] is None and rows[1][12] == "待整改"
    with pytest.raises(InvalidInput, match="xlsx"):
        entries.export_ledger(workspace, tmp_path / "台账.csv")
    blocker = tmp_path / "一个文件"
    blocker.write_text("", encoding="utf-8")  # a file where the folder should be
    with pytest.raises(StorageError, match="文件未保存"):
        entries.export_ledger(workspace, blocker / "台账.xlsx")


def test_the_rectification_order_sets_deadlines_and_is_signed_by_the_leader(
    workspace: Workspace, keys: dict[str, str], tmp_path: Path
) -> None:
    import shutil
    import subprocess
    from datetime import timedelta

    from inspector.ledger.order import build_order, due_entries, save_order_copy, sign_order
    from inspector.signing.verify import verify_pdf
    from tests.helpers.ledger import PASSPHRASE

    inspection = signed_inspection(
        workspace, keys, "甲", [("P5.1", "100", "VH04"), ("P5.2", "5", None)]
    )
    rows = {r.item_code: r for r in search_entries(workspace)}
    today = date.today()
    with pytest.raises(InvalidInput, match="整改期限"):
        build_order(
            workspace, inspection, deadlines={rows["P5.1"].id[:8]: today + timedelta(days=3)}
        )
    with pytest.raises(InvalidInput, match="晚于"):
        build_order(workspace, inspection, deadline=today)
    assert due_entries(workspace) == []
    order = build_order(
        workspace,
        inspection,
        deadline=today + timedelta(days=30),
        deadlines={rows["P5.1"].id[:8]: today + timedelta(days=3)},
    )
    assert entries.get_entry(workspace, rows["P5.1"].id).deadline == today + timedelta(days=3)
    due = due_entries(workspace)
    assert [(d.entry.item_code, d.days_left) for d in due] == [("P5.1", 3)]
    assert [
        d.entry.item_code for d in due_entries(workspace, today=today + timedelta(days=40))
    ] == [
        "P5.1",
        "P5.2",
    ]
    with pytest.raises(InvalidInput, match="组长"):
        sign_order(workspace, order.id, keys["370100001"], PASSPHRASE)
    signed = sign_order(workspace, order.id, keys["370100002"], PASSPHRASE)
    assert signed.signed_by == "370100002"
    with pytest.raises(InvalidInput, match="已签名"):
        sign_order(workspace, order.id, keys["370100002"], PASSPHRASE)
    copy = save_order_copy(workspace, order.id[:8], tmp_path / "整改通知书.pdf")
    report = verify_pdf(copy)
    assert len(report.signatures) == 1
    sig = report.signatures[0]
    assert (sig.intact, sig.signature_valid, sig.unchanged, sig.signer_cert_no) == (
        True,
        True,
        True,
        "370100002",
    )
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(copy), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert (
            "整改通知书" in text
            and "P5.1" in text
            and f"{today + timedelta(days=3):%Y-%m-%d}" in text
        )


# A child that signs the record and stops inside the change that locks the inspection, while
# the findings are being entered in the ledger, so that it can be killed there.
KILLED_SIGNING = """
import sys
import inspector.record.signing as signing
from inspector.workspace import Workspace

def stop_here(ws, ch, inspection):
    ch.session.flush()  # the lock is written in the open transaction
    print("entering", flush=True)
    sys.stdin.read()  # until killed

signing.enter_findings = stop_here
with Workspace.open(sys.argv[1]) as ws:
    signing.sign_record(ws, sys.argv[2], sys.argv[3], sys.argv[4])
"""


def test_a_signature_killed_while_the_ledger_is_entered_leaves_neither(
    workspace: Workspace, keys: dict[str, str], home: Path
) -> None:
    import signal
    import subprocess
    import sys

    from inspector.db.models import InspectionStatus
    from inspector.inspections import get_inspection
    from inspector.record.build import build_record
    from inspector.record.content import add_signature, record_refusal
    from inspector.record.signing import sign_record
    from tests.helpers.homes import ROOT
    from tests.helpers.ledger import PASSPHRASE, STROKES

    inspection = plan(workspace, "甲")
    save_answer(workspace, inspection, "P5.1", "problem", note="床位空置", amount="10")
    lawful(workspace, inspection)  # the law's minimums, captured before anyone signs
    for member in TEAM:
        add_signature(
            workspace, inspection, "inspector", member.name, STROKES, cert_no=member.cert_no
        )
    record_refusal(
        workspace,
        inspection,
        "王某",
        "不认可",
        "赵某",
        STROKES,
        witness_id_no="11010519491231002X",
        witness_relation="无关系",
    )
    finish_lawfully(workspace, inspection)
    build_record(workspace, inspection)
    before = _events(workspace)
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            KILLED_SIGNING,
            str(home),
            inspection,
            keys["370100001"],
            PASSPHRASE,
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "entering"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert child.stdin is not None and child.stdout is not None
        child.stdin.close()
        child.stdout.close()
    # Neither the lock nor a half ledger: the change was one transaction.
    assert get_inspection(workspace, inspection).status is InspectionStatus.AWAITING_SIGNATURES
    assert search_entries(workspace) == [] and _events(workspace) == before
    sign_record(workspace, inspection, keys["370100001"], PASSPHRASE)
    assert [r.item_code for r in search_entries(workspace)] == ["P5.1"]
