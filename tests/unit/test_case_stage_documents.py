"""Each stage's document made from the case itself (inspector/cases/stage_documents.py): one
finding carried from 立案 to 结案 with a hearing, every document made from the case's steps,
read back with pdftotext, and signed by the person the law names."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from inspector.cases import steps
from inspector.cases.core import get_case, open_case
from inspector.cases.documents import document_bytes, documents_of, sign_document, verify_document
from inspector.cases.measures import add_measure, add_payment
from inspector.cases.stage_documents import Extra, make_stage_document, preview_stage_document
from inspector.db.models import LedgerEntry
from inspector.errors import InvalidInput
from inspector.inspections import TeamMember, set_current_inspector
from inspector.signing.keystore import KeyStore
from inspector.workspace import Workspace
from tests.helpers.ledger import PASSPHRASE, signed_inspection, team_keys

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

OFFICERS = ["370100001", "370100002"]
HEAD = TeamMember("陈刚", "370100004")
REVIEWER = TeamMember("周敏", "370100003")
VISIT = date(2025, 9, 22)
FAR = date(2026, 12, 31)


def _text(data: bytes, tmp_path: Path, name: str = "doc") -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout.replace("\n", "").replace(" ", "")


def _finding(ws: Workspace) -> str:
    signed_inspection(ws, team_keys(ws), "历城区甲卫生院", [("P5.1", "30000", "VH04")])
    with ws.change(None, "test.backdate") as ch:
        row = ch.session.scalars(select(LedgerEntry)).one()
        row.found_on = VISIT
        return row.id


def _key(ws: Workspace, member: TeamMember) -> str:
    return KeyStore.of(ws).self_signed_for_trials(member.name, member.cert_no, PASSPHRASE).key_id


def test_every_stage_document_is_made_from_the_case_and_signed_by_its_person(
    workspace: Workspace, tmp_path: Path
) -> None:
    ws = workspace
    entry = _finding(ws)
    for member in (REVIEWER, HEAD):  # known here, with their 执法证号
        set_current_inspector(ws, member)
    ws.actor = None
    case = open_case(ws, entries=[entry], summary="涉嫌虚构医药服务骗取医保基金",
                     on_date=date(2025, 9, 23), today=FAR)  # fmt: skip
    with pytest.raises(InvalidInput, match="案件还没有“立案”这一步"):
        make_stage_document(ws, case, "filing", today=FAR)
    steps.file_case(ws, case, on_date=date(2025, 9, 24), officers=OFFICERS, approver=HEAD.name,
                    document_no="历医保案〔2025〕9号", today=FAR)  # fmt: skip
    party = Extra(
        party_address="济南市历城区山大路1号",
        party_code="12370112MB0000000X",
        party_representative="钱院长",
        payee="济南市历城区财政局非税收入专户",
        reconsideration_body="济南市历城区人民政府",
        court="济南市历城区人民法院",
    )
    made = {"filing": make_stage_document(ws, case, extra=party, today=FAR)}
    steps.investigate(ws, case, on_date=date(2025, 9, 25),
                      facts="2025年1月至8月虚构医药服务 20 人次，骗取医保基金 30,000.00 元。",
                      evidence="现场检查记录；询问笔录 2 份；结算明细 20 条", by=OFFICERS[0],
                      today=FAR)  # fmt: skip
    add_measure(ws, case, "refund", amount="30000", on_date=date(2025, 9, 25), today=FAR)
    add_measure(ws, case, "fine", article="40", basis="30000", amount="120000",
                on_date=date(2025, 9, 25), today=FAR)  # fmt: skip
    made["investigation"] = make_stage_document(ws, case, today=FAR)
    steps.review(ws, case, on_date=date(2025, 9, 26), reviewer=REVIEWER.name,
                 reviewer_no=REVIEWER.cert_no, opinion="事实清楚，证据确凿，同意。",
                 today=FAR)  # fmt: skip
    made["review"] = make_stage_document(ws, case, today=FAR)
    steps.notify(ws, case, on_date=date(2025, 9, 29), way="direct", recipient="钱院长",
                 by=OFFICERS[0], today=FAR)  # fmt: skip
    # The app previews it first: nothing kept, no number given.
    shown = _text(preview_stage_document(ws, case), tmp_path, "preview")
    assert "行政处罚事先告知书" in shown and "（文号在制作时编定）" in shown
    assert [d.kind for d in documents_of(ws, made["filing"].case_id)] == list(made)
    made["notice"] = make_stage_document(ws, case, today=FAR)
    steps.statement(ws, case, on_date=date(2025, 9, 30), text="请求从轻处罚", oral=True,
                    by=OFFICERS[1], today=FAR)  # fmt: skip
    made["statement"] = make_stage_document(ws, case, today=FAR)
    steps.hearing_request(ws, case, on_date=date(2025, 9, 30), by=OFFICERS[0], today=FAR)
    hearing = Extra(hearing_at=datetime(2025, 10, 14, 9), place="本局第一会议室", host="吴静",
                    host_no="370100005", clerk="赵某")  # fmt: skip
    made["hearing-notice"] = make_stage_document(
        ws, case, "hearing-notice", hearing, issued_on=date(2025, 9, 30), today=FAR
    )
    steps.hearing(ws, case, on_date=date(2025, 10, 14), host="吴静", host_no="370100005",
                  summary="当事人对事实无异议，请求从轻。", today=FAR)  # fmt: skip
    made["hearing-record"] = make_stage_document(ws, case, extra=hearing, today=FAR)
    steps.decide(ws, case, on_date=date(2025, 10, 15), approver=HEAD.name,
                 document_no="历医保罚决〔2025〕1号", today=FAR)  # fmt: skip
    made["decision"] = make_stage_document(ws, case, today=FAR)
    steps.serve(ws, case, on_date=date(2025, 10, 16), way="lodged", recipient="钱院长",
                witness="孙某", by=OFFICERS[0], today=FAR)  # fmt: skip
    made["service"] = make_stage_document(ws, case, today=FAR)
    for m in get_case(ws, case).measures:
        add_payment(ws, case, m.id[:8], amount=str(m.amount_fen // 100),
                    on_date=date(2025, 10, 20), today=FAR)  # fmt: skip
    steps.execute(ws, case, on_date=date(2025, 10, 20), by=OFFICERS[0], today=FAR)
    steps.close(ws, case, on_date=date(2025, 10, 21), approver=HEAD.name, today=FAR)
    made["closing"] = make_stage_document(ws, case, today=FAR)

    assert [d.kind for d in documents_of(ws, made["filing"].case_id)] == list(made)
    texts = {k: _text(document_bytes(ws, doc.id), tmp_path, k) for k, doc in made.items()}
    assert "历医保案〔2025〕9号" in texts["filing"]
    assert "涉嫌虚构医药服务骗取医保基金" in texts["filing"]
    assert "骗取医保基金30,000.00元" in texts["investigation"]
    assert "《医疗保障基金使用监督管理条例》第四十条" in texts["notice"]
    # 2025-09-29 (Mon): five working days for 陈述申辩 and for asking a hearing, across the
    # National Day holidays (1-8 Oct off, 11 Oct a working Saturday): 30 Sep, 9, 10, 11, 13.
    assert "2025年10月13日前" in texts["notice"] and "要求举行听证" in texts["notice"]
    assert "请求从轻处罚" in texts["statement"]
    assert "2025年10月14日09时00分" in texts["hearing-notice"]
    assert "吴静" in texts["hearing-record"] and "请求从轻" in texts["hearing-record"]
    decision = texts["decision"]
    for phrase in ("济南市历城区山大路1号", "120,000.00", "六十日", "济南市历城区人民政府",
                   "六个月", "济南市历城区人民法院", "历医保罚决〔2025〕1号",
                   "听证笔录"):  # fmt: skip
        assert phrase in decision, phrase
    assert "留置送达" in texts["service"] and "孙某" in texts["service"]
    assert "钱院长拒绝签收，文书留置于送达地点" in texts["service"]
    assert "已缴150,000.00元" in texts["closing"]

    # Who signs what: the 负责人 the decision names, not an officer.
    with pytest.raises(InvalidInput, match="行政处罚决定书由医疗保障行政部门负责人签署"):
        sign_document(ws, made["decision"].id, team_keys(ws)[OFFICERS[0]], PASSPHRASE)
    sign_document(ws, made["decision"].id, _key(ws, HEAD), PASSPHRASE)
    sign_document(ws, made["review"].id, _key(ws, REVIEWER), PASSPHRASE)
    sign_document(ws, made["service"].id, team_keys(ws)[OFFICERS[0]], PASSPHRASE)
    for kind in ("decision", "review", "service"):
        assert verify_document(ws, made[kind].id).ok
        _text(document_bytes(ws, made[kind].id), tmp_path, f"{kind}-signed")
