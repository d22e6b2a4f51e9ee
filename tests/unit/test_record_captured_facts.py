"""The record states only what was captured. No
"检查人员已向被检查单位出示行政执法证件" unless someone recorded who showed it; no
"以上记录经被检查单位代表核对，每页已签字确认" on a 拒签 record, nor on one where the party's way
of confirming was not recorded; a 拒签 record states the refusal, its reason, the inspectors
present and the witness with identity and relation."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from inspector.errors import InvalidInput
from inspector.inspections import record_answer
from inspector.record.build import build_record
from inspector.record.content import (
    add_signature,
    record_refusal,
    set_party_details,
    set_party_present,
    set_statement,
    signatures,
)
from inspector.record.legal import show_certificate
from inspector.workspace import Workspace
from tests.helpers.record import WITNESS, ZIGZAG, plan

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

BOILERPLATE_SHOWN = "检查人员已向被检查单位出示行政执法证件"
BOILERPLATE_CHECKED = "以上记录经被检查单位代表核对，每页已签字确认"


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return "".join(out.stdout.split())


def _signed_by_inspectors(workspace: Workspace) -> str:
    inspection_id = plan(workspace)
    record_answer(workspace, inspection_id, "P5.1", "problem", note="床位空置", amount="1000")
    set_statement(workspace, inspection_id, "无异议", "王某", "院长")
    add_signature(workspace, inspection_id, "inspector", "张伟", ZIGZAG, cert_no="370100001")
    add_signature(workspace, inspection_id, "inspector", "李娜", ZIGZAG, cert_no="370100002")
    return inspection_id


def test_a_refusal_record_states_the_refusal_the_inspectors_and_the_witness(
    workspace: Workspace, tmp_path: Path
) -> None:
    inspection_id = _signed_by_inspectors(workspace)
    record_refusal(workspace, inspection_id, "王某", "认为检查结果不实", "赵某", ZIGZAG, **WITNESS)
    text = _text(build_record(workspace, inspection_id, tmp_path / "拒签.pdf")[0])
    for expected in (
        "被检查单位代表王某拒绝签名，理由：认为检查结果不实。",
        "在场检查人员：张伟（执法证号370100001）、李娜（执法证号370100002）。",
        "见证人赵某（身份证号11010519491231002X，与被检查单位的关系：无关系）见证并签名。",
    ):
        assert expected in text, expected
    assert "每页已签字确认" not in text and "每页签字确认" not in text
    assert "签名页签名确认" not in text
    assert BOILERPLATE_SHOWN not in text
    assert "张伟（370100001）未记录出示" in text


def test_no_confirmation_sentence_unless_the_party_confirmed_that_way(
    workspace: Workspace, tmp_path: Path
) -> None:
    inspection_id = _signed_by_inspectors(workspace)
    add_signature(workspace, inspection_id, "party", "王某", ZIGZAG)
    text = _text(build_record(workspace, inspection_id, tmp_path / "a.pdf")[0])
    assert BOILERPLATE_CHECKED not in text and "每页签字确认" not in text
    assert "签名页签名确认" not in text

    add_signature(workspace, inspection_id, "party", "王某", ZIGZAG, confirmation="signature")
    text = _text(build_record(workspace, inspection_id, tmp_path / "b.pdf")[0])
    assert "被检查单位代表王某在签名屏上阅看本记录全文，核对后在签名页签名确认。" in text
    assert "每页签字确认" not in text

    add_signature(workspace, inspection_id, "party", "王某", ZIGZAG, confirmation="initials")
    text = _text(build_record(workspace, inspection_id, tmp_path / "c.pdf")[0])
    assert "以上记录经被检查单位代表王某核对，在打印的记录每页签字确认。" in text
    assert "签名页签名确认" not in text


def test_the_credentials_row_comes_only_from_a_captured_showing(
    workspace: Workspace, tmp_path: Path
) -> None:
    inspection_id = plan(workspace)
    text = _text(build_record(workspace, inspection_id, tmp_path / "a.pdf")[0])
    assert BOILERPLATE_SHOWN not in text
    assert "张伟（370100001）未记录出示" in text and "李娜（370100002）未记录出示" in text
    at = datetime(2026, 12, 7, 1, 30, tzinfo=UTC)
    show_certificate(workspace, inspection_id, "370100001", at=at)
    text = _text(build_record(workspace, inspection_id, tmp_path / "b.pdf")[0])
    assert f"张伟（370100001）于{at.astimezone():%Y-%m-%d%H:%M}" in text
    assert "李娜（370100002）未记录出示" in text


def test_persons_present_for_the_party_are_named(workspace: Workspace, tmp_path: Path) -> None:
    inspection_id = _signed_by_inspectors(workspace)
    set_party_present(workspace, inspection_id, [("李某", "财务科长"), ("周某", "")])
    with pytest.raises(InvalidInput, match="姓名"):
        set_party_present(workspace, inspection_id, [(" ", "医务科长")])
    text = _text(build_record(workspace, inspection_id, tmp_path / "p.pdf")[0])
    assert "被检查单位其他在场人员：李某（财务科长）；周某" in text


@pytest.mark.parametrize(
    ("id_no", "why"),
    [
        ("11010519491231002", "18 位"),
        ("110105194912310021", "校验位"),
        ("110105194913310025", "出生日期"),
        ("", "身份证号码"),
    ],
)
def test_a_refusal_needs_a_valid_witness_identity_and_relation(
    workspace: Workspace, id_no: str, why: str
) -> None:
    inspection_id = plan(workspace)
    with pytest.raises(InvalidInput, match=why):
        record_refusal(
            workspace, inspection_id, "王某", "不认可", "赵某", ZIGZAG,
            witness_id_no=id_no, witness_relation="无关系",
        )  # fmt: skip
    with pytest.raises(InvalidInput, match="关系"):
        record_refusal(
            workspace, inspection_id, "王某", "不认可", "赵某", ZIGZAG,
            witness_id_no="11010519491231002X", witness_relation=" ",
        )  # fmt: skip
    assert signatures(workspace, inspection_id, include_void=True) == []


def test_no_answer_or_statement_is_put_in_the_party_s_mouth(
    workspace: Workspace, tmp_path: Path
) -> None:
    """Told of recusal with no answer recorded, no statement recorded: the record says they
    were not recorded, not "不申请回避" nor "未作陈述、申辩"."""
    inspection_id = plan(workspace)
    set_party_details(workspace, inspection_id, recusal_told=True)
    text = _text(build_record(workspace, inspection_id, tmp_path / "r.pdf")[0])
    assert "告知被检查单位申请回避的权利，未记录被检查单位的答复" in text
    assert "不申请回避" not in text
    assert "（未记录被检查单位的意见。）" in text and "未提出意见" not in text
