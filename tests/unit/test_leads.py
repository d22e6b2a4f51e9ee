"""Leads (疑点/线索): from the office's file to the on-site verdict, into the ledger with the
signed record, and back out in the feedback file; the reporter's identity sealed to the office
and absent from every byte the laptop writes or hands over."""

from __future__ import annotations

import io
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import select

from inspector.bundle.export import export_bundle
from inspector.crypto.sealed import open_sealed
from inspector.db.models import LedgerEntry
from inspector.errors import InvalidInput, NotFound
from inspector.inspections import get_inspection
from inspector.leads.feedback import HEADER, export_feedback
from inspector.leads.store import (
    NewLead,
    add_lead,
    assign_lead,
    attach_leads,
    get_lead,
    import_leads,
    leads_from_hits,
    list_leads,
    record_result,
    set_office_key,
    verify_lead,
)
from inspector.ledger.entries import search_entries
from inspector.record.facts import data_hash, gather_facts
from inspector.record.status import latest_record
from inspector.settlement.schema import RuleHit
from inspector.workspace import Workspace
from tests.helpers.ledger import plan, sign, team_keys

REPORTER = "举报人郝秘密"
PHONE = "13912345678"


@pytest.fixture
def office_key(workspace: Workspace) -> rsa.RSAPrivateKey:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    set_office_key(workspace, pem)
    return private


def _private_pem(private: rsa.RSAPrivateKey) -> bytes:
    return private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def office_file(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["医保基金线索交办清单"])  # a title row before the header
    sheet.append(
        ["线索编号", "线索来源", "被举报机构", "举报内容", "涉及金额（元）", "受理日期",
         "交办人", "承办人", "交办日期", "办理时限（工作日）", "举报人", "举报人联系方式"]
    )  # fmt: skip
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


ROWS: list[list[object]] = [
    ["JB-2025-001", "举报", "历城区甲卫生院", "虚记理疗项目", "3,200", "2025-09-26",
     "市局稽核科", "历城区分局", "2025-09-30", 5, REPORTER, PHONE],
    ["JB-2025-002", "", "历城区甲卫生院", "挂床住院", "", "2025-09-26",
     "", "", "", "", "", ""],
]  # fmt: skip


def _all_bytes_of_zip(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"".join(archive.read(name) for name in archive.namelist())


def _absent(blob: bytes) -> None:
    for secret in (REPORTER, PHONE):
        assert secret.encode("utf-8") not in blob
        assert secret.encode("utf-16-le") not in blob
        assert secret.encode("gbk") not in blob


def test_a_lead_goes_from_import_to_verdict_to_the_ledger_and_back_out(
    workspace: Workspace, office_key: rsa.RSAPrivateKey, tmp_path: Path
) -> None:
    keys = team_keys(workspace)
    source = office_file(tmp_path / "线索.xlsx", ROWS)
    result = import_leads(workspace, source)
    assert (result.added, result.already, result.sealed) == (2, 0, 1)
    # Imported twice: nothing added.
    assert import_leads(workspace, source).added == 0
    first = get_lead(workspace, "JB-2025-001")
    assert first.source_name == "举报" and first.has_reporter
    assert first.amount_fen == 320000
    # 5 working days after 2025-09-30: the National Day holidays are not counted.
    assert first.deadline == date(2025, 10, 14)
    assert get_lead(workspace, "JB-2025-002").source_name == "上级交办"

    inspection = plan(workspace, "历城区甲卫生院")
    assert attach_leads(workspace, inspection, ["JB-2025-001", "JB-2025-002"]) == 2
    assert attach_leads(workspace, inspection, ["JB-2025-001"]) == 0
    with pytest.raises(InvalidInput, match="写明"):
        verify_lead(workspace, inspection, "JB-2025-001", "属实")
    verify_lead(
        workspace, inspection, "JB-2025-001", "属实", note="理疗记录 12 人次无对应治疗单",
        amount="1,280.00",
    )  # fmt: skip
    verify_lead(workspace, inspection, "JB-2025-002", "不属实", note="在院患者均在床")
    listed = list_leads(workspace, inspection)
    assert [(v.number, v.verdict_name) for v in listed] == [
        ("JB-2025-001", "属实"),
        ("JB-2025-002", "不属实"),
    ]
    facts = gather_facts(workspace, get_inspection(workspace, inspection))
    assert [(f.number, f.verdict_name, f.amount_fen) for f in facts.leads] == [
        ("JB-2025-001", "属实", 128000),
        ("JB-2025-002", "不属实", None),
    ]
    assert search_entries(workspace) == []  # nothing enters before the record is signed

    sign(workspace, inspection, keys)
    rows = search_entries(workspace)
    assert [(r.item_code, r.amount_fen, r.note) for r in rows] == [
        ("XS1", 128000, "理疗记录 12 人次无对应治疗单")
    ]
    assert "JB-2025-001" in rows[0].item_title
    # The signed record's data hash covers the verdicts: still the same after signing.
    with workspace.db.session() as session:
        (stated,) = session.scalars(
            select(LedgerEntry.lead_check_id).where(LedgerEntry.inspection_id == inspection)
        ).all()
        assert stated is not None
    record = latest_record(workspace, inspection)
    assert record is not None and record.current
    assert data_hash(workspace, inspection) == record.data_sha256
    # The record states the verdicts: its data hash changes with them.
    assert facts.data_sha256 != gather_facts_without_leads(workspace, inspection)
    # The record is signed: the verdict cannot change any more.
    with pytest.raises(InvalidInput):
        verify_lead(workspace, inspection, "JB-2025-002", "属实", note="改口")

    assign_lead(
        workspace, "JB-2025-002", assigned_by="市局稽核科", assigned_to="历城区分局",
        assigned_on=date(2025, 10, 9), days=3,
    )  # fmt: skip
    record_result(workspace, "JB-2025-001", result="已追回 1,280.00 元", reward="200")
    target = tmp_path / "反馈.xlsx"
    assert export_feedback(workspace, target) == 2
    sheet = openpyxl.load_workbook(target).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == HEADER
    by_number = {row[0]: dict(zip(HEADER, row, strict=True)) for row in values[1:]}
    answered = by_number["JB-2025-001"]
    assert answered["核查结论"] == "属实"
    assert answered["核查情况"] == "理疗记录 12 人次无对应治疗单"
    assert answered["查实金额（元）"] == 1280
    assert answered["台账编号"] == rows[0].id[:8]
    assert answered["办理结果"] == "已追回 1,280.00 元"
    assert answered["奖励金额（元）"] == 200
    assert by_number["JB-2025-002"]["核查结论"] == "不属实"
    # 3 working days after 2025-10-09: the 10th, Saturday the 11th (调休) and the 13th.
    assert by_number["JB-2025-002"]["办理期限"].date() == date(2025, 10, 13)
    _absent(_all_bytes_of_zip(target.read_bytes()))


def test_the_reporter_is_in_no_byte_the_laptop_keeps_or_hands_over_but_the_office_opens_it(
    workspace: Workspace, office_key: rsa.RSAPrivateKey, tmp_path: Path
) -> None:
    keys = team_keys(workspace)
    inspection = plan(workspace, "历城区甲卫生院")
    lead_id = add_lead(
        workspace,
        NewLead(
            institution="历城区甲卫生院",
            summary="冒名住院",
            number="JB-2025-009",
            reporter_name=REPORTER,
            reporter_contact=PHONE,
        ),
    )
    attach_leads(workspace, inspection, [lead_id[:8]])
    verify_lead(workspace, inspection, "JB-2025-009", "部分属实", note="冒名 1 人次", amount="800")
    sign(workspace, inspection, keys)
    export_feedback(workspace, tmp_path / "反馈.xlsx")
    bundle = tmp_path / "交接.zip"
    export_bundle(workspace, bundle)
    from inspector.ledger.entries import export_ledger

    export_ledger(workspace, tmp_path / "台账.xlsx")
    # The signed record as printed: its text (the PDF's streams are compressed).
    from inspector.record.status import record_bytes

    record = latest_record(workspace, inspection)
    assert record is not None
    pdf = tmp_path / "记录.pdf"
    pdf.write_bytes(record_bytes(workspace, record))
    printed = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout
    text = printed.decode("utf-8")
    assert "JB-2025-009" in text and "XS1" in text  # the lead is on the record, a finding ...
    _absent(printed)  # ... its reporter is not
    # The database itself, WAL included: a plain (unencrypted) laptop keeps only the sealed text.
    workspace.db.dispose()
    kept = b"".join(p.read_bytes() for p in workspace.home.root.rglob("*") if p.is_file())
    _absent(kept)
    for exported in ("反馈.xlsx", "交接.zip", "台账.xlsx"):
        _absent(_all_bytes_of_zip((tmp_path / exported).read_bytes()))
    # The bundle carries the verdict (the push to the office is this bundle's rows) ...
    with zipfile.ZipFile(bundle) as archive:
        checks = archive.read("data/lead_checks.jsonl").decode("utf-8")
        leads = archive.read("data/leads.jsonl").decode("utf-8")
    assert "部分属实" not in checks and "partly" in checks and "冒名 1 人次" in checks
    # ... and the sealed identity, which only the office's private key opens.
    import json

    sealed = json.loads(leads.splitlines()[0])["reporter_sealed"]
    opened = open_sealed(_private_pem(office_key), sealed).decode("utf-8")
    assert opened == f"{REPORTER}\n{PHONE}"
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    with pytest.raises(InvalidInput, match="不是用这把"):
        open_sealed(_private_pem(other), sealed)


def test_no_office_key_no_reporter_and_nothing_stored(workspace: Workspace, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="办公室公钥"):
        add_lead(
            workspace,
            NewLead(institution="甲", summary="乙", reporter_name=REPORTER, reporter_contact=PHONE),
        )
    with pytest.raises(InvalidInput, match="办公室公钥"):
        import_leads(workspace, office_file(tmp_path / "线索.xlsx", ROWS))
    assert list_leads(workspace) == []


def test_a_file_with_a_bad_row_imports_nothing(
    workspace: Workspace, office_key: rsa.RSAPrivateKey, tmp_path: Path
) -> None:
    blank = ["", "", "", "", "", "", ""]
    bad = [*ROWS, ["JB-2025-003", "", "乙药店", "", "", *blank],
           ["JB-2025-001", "", "乙药店", "串换药品", "", *blank]]  # fmt: skip
    with pytest.raises(InvalidInput) as refused:
        import_leads(workspace, office_file(tmp_path / "线索.xlsx", bad))
    message = str(refused.value)
    assert "第 5 行" in message and "线索内容为空" in message
    assert "第 6 行" in message and "与第 3 行重复" in message
    assert list_leads(workspace) == []


def test_rule_hits_become_leads_once_and_are_attached(workspace: Workspace) -> None:
    inspection = plan(workspace, "历城区甲卫生院")
    hit = RuleHit("XB01", "限男性项目用于女性", "限性别", "P001", ("S1",), (3, 4), 4500,
                  "女性患者收取前列腺检查 2 次")  # fmt: skip
    added = leads_from_hits(workspace, [hit], inspection=inspection)
    assert len(added) == 1
    assert leads_from_hits(workspace, [hit], inspection=inspection) == []
    (view,) = list_leads(workspace, inspection)
    assert view.source_name == "智能监控疑点"
    assert view.amount_fen == 4500 and view.settlement_nos == ["S1"]
    assert "限性别" in view.summary and view.institution_name == "历城区甲卫生院"
    # A lead is verified only on the visit it is attached to.
    other = plan(workspace, "历城区乙卫生院")
    with pytest.raises(NotFound, match="未交给本次检查"):
        verify_lead(workspace, other, view.number, "不属实")


def gather_facts_without_leads(ws: Workspace, inspection: str) -> str:
    from inspector.hashing import sha256_of
    from inspector.record.facts import _RECORD_DATA, HASH_FORMAT

    facts = gather_facts(ws, get_inspection(ws, inspection))
    before = facts.data_sha256
    facts.leads = []
    after = sha256_of(_RECORD_DATA[HASH_FORMAT](get_inspection(ws, inspection), facts))
    assert after != before
    return after


def test_an_amendment_states_and_corrects_the_verdicts_and_takes_over_the_ledger_row(
    workspace: Workspace, tmp_path: Path
) -> None:
    from inspector.ledger.entries import LedgerFilter
    from inspector.record.content import amend_inspection

    keys = team_keys(workspace)
    inspection = plan(workspace, "历城区甲卫生院")
    add_lead(workspace, NewLead("历城区甲卫生院", "虚记理疗", source="office", number="JB-5"))
    attach_leads(workspace, inspection, ["JB-5"])
    verify_lead(workspace, inspection, "JB-5", "属实", note="12 人次", amount="1280")
    sign(workspace, inspection, keys)
    amendment = amend_inspection(workspace, inspection)
    assert get_lead(workspace, "JB-5").inspection_id == amendment
    verify_lead(workspace, amendment, "JB-5", "部分属实", note="核减为 5 人次", amount="600")
    facts = gather_facts(workspace, get_inspection(workspace, amendment))
    assert ("线索 JB-5", "属实；12 人次；1,280.00 元", "部分属实；核减为 5 人次；600.00 元") in (
        facts.corrections
    )
    sign(workspace, amendment, keys)
    rows = search_entries(workspace)
    assert [(r.item_code, r.inspection_id, r.amount_fen) for r in rows] == [
        ("XS1", amendment, 60000)
    ]
    old = search_entries(workspace, LedgerFilter(status="superseded"))
    assert [(r.item_code, r.inspection_id) for r in old] == [("XS1", inspection)]


def test_a_deadline_says_when_it_is_late_and_when_its_holidays_are_not_published(
    workspace: Workspace,
) -> None:
    add_lead(
        workspace,
        NewLead("甲", "乙", source="office", number="JB-L", assigned_on=date(2025, 9, 30),
                deadline_days=5, assigned_by="市局", assigned_to="区分局"),
    )  # fmt: skip
    view = get_lead(workspace, "JB-L")
    assert view.deadline == date(2025, 10, 14)
    assert view.deadline_note(date(2025, 10, 10)) == ""
    assert view.deadline_note(date(2025, 10, 12)) == "即将到期"
    assert view.deadline_note(date(2025, 10, 15)) == "已逾期"
    # chinese-calendar knows years up to 2026: a period into 2027 is counted Monday to Friday
    # and said to wait for the notice.
    add_lead(
        workspace,
        NewLead("甲", "乙", source="office", number="JB-M", assigned_on=date(2026, 12, 24),
                deadline_days=10),
    )  # fmt: skip
    later = get_lead(workspace, "JB-M")
    assert later.deadline is not None and later.deadline.year == 2027
    assert "节假日安排待公布" in later.deadline_note(date(2026, 12, 24))


def test_a_case_referred_by_the_police_becomes_a_lead_once(workspace: Workspace) -> None:
    from inspector.enforcement.referrals import receive_referral, received_referrals
    from inspector.leads.store import lead_from_referral

    received = receive_referral(
        workspace, department="police", sender="济南市公安局历城分局",
        document_no="历公移〔2025〕3号", received_on=date(2025, 9, 26), subject="历城区甲卫生院",
        summary="冒用他人医保卡住院",
    )  # fmt: skip
    lead_id = lead_from_referral(workspace, received.id[:8])
    view = get_lead(workspace, lead_id)
    assert (view.number, view.source_name) == ("YS-历公移〔2025〕3号", "部门移送")
    assert (view.institution_name, view.summary) == ("历城区甲卫生院", "冒用他人医保卡住院")
    assert (view.received_on, view.assigned_by) == (date(2025, 9, 26), "济南市公安局历城分局")
    (after,) = received_referrals(workspace)
    assert after.lead_id == lead_id
    with pytest.raises(InvalidInput, match="已登记为线索"):
        lead_from_referral(workspace, received.id)
    assert len(list_leads(workspace)) == 1
