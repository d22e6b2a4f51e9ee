"""The record beyond the answers: statement, handwritten signatures and refusal, interview
records, the data hash and QR code, the lock, and amendments."""

from __future__ import annotations

import io
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from inspector.db.models import InspectionStatus, Result
from inspector.errors import InvalidInput, StorageError
from inspector.inspections import (
    get_inspection,
    record_answer,
)
from inspector.record.build import build_record
from inspector.record.content import (
    add_question,
    add_signature,
    amend_inspection,
    get_interviews,
    new_interview,
    record_data_sha256,
    record_refusal,
    render_strokes,
    set_statement,
    signatures,
)
from inspector.record.facts import gather_facts
from inspector.workspace import Workspace
from tests.helpers.record import WITNESS, ZIGZAG, plan


def _lock(ws: Workspace, inspection_id: str) -> None:
    """As the first digital signature does (tested with signing)."""
    connection = sqlite3.connect(ws.home.database)
    connection.execute("update inspections set status = 'signed' where id = ?", (inspection_id,))
    connection.commit()
    connection.close()


def test_strokes_become_a_picture() -> None:
    png = render_strokes(ZIGZAG)
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG" and image.size == (600, 240)
        assert image.getchannel("A").getbbox() is not None  # something was drawn
    with pytest.raises(InvalidInput):
        render_strokes([])


def test_signatures_and_refusal_are_kept(workspace: Workspace) -> None:
    inspection_id = plan(workspace)
    add_signature(workspace, inspection_id, "inspector", "张伟", ZIGZAG, cert_no="370100001")
    add_signature(workspace, inspection_id, "inspector", "张伟", ZIGZAG[:1], cert_no="370100001")
    with pytest.raises(InvalidInput, match="不是本检查组"):
        add_signature(workspace, inspection_id, "inspector", "王五", ZIGZAG, cert_no="999")
    with pytest.raises(InvalidInput, match="格式"):
        add_signature(workspace, inspection_id, "party", "王某", [[["a", "b"]]])
    record_refusal(workspace, inspection_id, "王某", "认为检查结果不实", "赵某", ZIGZAG, **WITNESS)
    with pytest.raises(InvalidInput, match="见证人"):
        record_refusal(workspace, inspection_id, "王某", "理由", "", ZIGZAG)
    kept = signatures(workspace, inspection_id)
    assert [(s.role, s.signer_name, s.refused) for s in kept] == [
        ("inspector", "张伟", False),
        ("party", "王某", True),
        ("witness", "赵某", False),
    ]
    assert kept[0].image_png and kept[0].cert_no == "370100001"  # signing again replaced it


def test_interview_records_keep_questions_in_order(workspace: Workspace) -> None:
    inspection_id = plan(workspace)
    interview = new_interview(workspace, inspection_id, "刘某", role="住院病人家属")
    assert add_question(workspace, interview, "病人这几天晚上在哪里住？", "在家住") == 1
    assert add_question(workspace, interview, "谁让办的住院？", "村医介绍的") == 2
    (view,) = get_interviews(workspace, inspection_id)
    assert [q["q"] for q in view.questions] == ["病人这几天晚上在哪里住？", "谁让办的住院？"]
    with pytest.raises(InvalidInput):
        add_question(workspace, interview, " ", "答")


def test_the_data_hash_follows_what_the_record_states(workspace: Workspace) -> None:
    inspection_id = plan(workspace)
    first = gather_facts(workspace, get_inspection(workspace, inspection_id)).data_sha256
    again = gather_facts(workspace, get_inspection(workspace, inspection_id)).data_sha256
    assert first == again
    record_answer(workspace, inspection_id, "P5.1", "problem", note="床位空置")
    changed = gather_facts(workspace, get_inspection(workspace, inspection_id)).data_sha256
    set_statement(workspace, inspection_id, "无异议", "王某", "院长")
    stated = gather_facts(workspace, get_inspection(workspace, inspection_id)).data_sha256
    assert len({first, changed, stated}) == 3
    view = get_inspection(workspace, inspection_id)
    assert record_data_sha256(view) != stated  # the statement is part of the data


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_record_states_everything_and_carries_its_qr_code(
    workspace: Workspace, tmp_path: Path
) -> None:
    inspection_id = plan(workspace)
    record_answer(
        workspace,
        inspection_id,
        "P5.1",
        "problem",
        note="6 张床位无人",
        amount="18,460",
        violation="VH04",
    )
    set_statement(workspace, inspection_id, "三名病人当天请假外出。", "王某", "院长")
    add_signature(workspace, inspection_id, "inspector", "张伟", ZIGZAG, cert_no="370100001")
    add_signature(workspace, inspection_id, "inspector", "李娜", ZIGZAG, cert_no="370100002")
    record_refusal(workspace, inspection_id, "王某", "认为检查结果不实", "赵某", ZIGZAG, **WITNESS)
    workspace.db.set_setting("bureau", "济南市历城区医疗保障局")
    pdf, _sha = build_record(workspace, inspection_id, tmp_path / "记录.pdf")
    text = "".join(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    facts = gather_facts(workspace, get_inspection(workspace, inspection_id))
    for expected in (
        "济南市历城区医疗保障局",
        "医疗保障基金现场检查记录",
        facts.record_no,
        "《中华人民共和国社会保险法》",
        "出示执法证件",
        "发现问题汇总",
        "18,460.00",
        "三名病人当天请假外出",
        "拒绝签名",
        "认为检查结果不实",
        "见证人",
        "赵某",
        "执法证号370100002",
        "第1页共",
    ):
        assert expected in text, expected
    if shutil.which("zbarimg"):
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "150",
                "-f",
                "1",
                "-l",
                "1",
                str(pdf),
                str(tmp_path / "page"),
            ],
            check=True,
        )
        (page,) = tmp_path.glob("page*.png")
        decoded = subprocess.run(
            ["zbarimg", "-q", "--raw", str(page)], capture_output=True, text=True, check=False
        ).stdout.strip()
        assert decoded == f"INSPECTOR-RECORD/{facts.record_no}/{facts.data_sha256.upper()}"


def test_a_signed_inspection_refuses_every_change(workspace: Workspace) -> None:
    inspection_id = plan(workspace)
    record_answer(workspace, inspection_id, "P1.1", "ok")
    _lock(workspace, inspection_id)
    with pytest.raises(InvalidInput):
        record_answer(workspace, inspection_id, "P1.1", "problem")
    with pytest.raises(InvalidInput, match="锁定"):
        set_statement(workspace, inspection_id, "改口")
    with pytest.raises(InvalidInput, match="锁定"):
        add_signature(workspace, inspection_id, "party", "王某", ZIGZAG)
    with pytest.raises(InvalidInput, match="锁定"):
        build_record(workspace, inspection_id)
    # Any other path into the database is refused too.
    connection = sqlite3.connect(workspace.home.database)
    for statement in (
        "update answers set result = 'problem'",
        "delete from answers",
        "update inspections set status = 'in_progress'",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="locked"):
            connection.execute(statement)
    connection.close()
    assert get_inspection(workspace, inspection_id).answers["P1.1"].result is Result.OK


def test_the_lock_message_reaches_the_user(workspace: Workspace) -> None:
    from inspector.inspections import save_answer

    inspection_id = plan(workspace)
    _lock(workspace, inspection_id)
    with pytest.raises((InvalidInput, StorageError), match=r"锁定|不能再修改"):
        save_answer(workspace, inspection_id, "P1.1", None)


def test_an_amendment_is_a_new_linked_inspection(workspace: Workspace) -> None:
    inspection_id = plan(workspace)
    record_answer(workspace, inspection_id, "P5.1", "problem", note="原记录")
    with pytest.raises(InvalidInput, match="直接修改"):
        amend_inspection(workspace, inspection_id)
    _lock(workspace, inspection_id)
    amendment = amend_inspection(workspace, inspection_id)
    record_answer(workspace, amendment, "P5.1", "problem", note="更正后的说明")
    assert get_inspection(workspace, inspection_id).answers["P5.1"].note == "原记录"
    corrected = get_inspection(workspace, amendment)
    assert corrected.answers["P5.1"].note == "更正后的说明"
    assert corrected.status is InspectionStatus.IN_PROGRESS
    facts = gather_facts(workspace, corrected)
    assert facts.amends is not None


def test_an_amendment_carries_the_evidence_with_a_clean_custody_chain(
    workspace: Workspace,
) -> None:
    from inspector.evidence.intake import add_evidence
    from inspector.evidence.verify import verify_evidence
    from tests.helpers.homes import PHOTOS

    inspection_id = plan(workspace)
    add_evidence(workspace, inspection_id, [PHOTOS / "gps" / "DSCN0010.jpg"], item_code="P5.1")
    _lock(workspace, inspection_id)
    amendment = amend_inspection(workspace, inspection_id)
    (copied,) = get_inspection(workspace, amendment).evidence
    assert copied.item_code == "P5.1"
    report = verify_evidence(workspace, amendment)
    assert report.ok, [str(p) for p in report.problems]
    assert verify_evidence(workspace, inspection_id).ok


def test_reading_a_records_facts_writes_nothing(workspace: Workspace) -> None:
    inspection_id = plan(workspace)
    before = inspection_rows(workspace)
    facts = gather_facts(workspace, get_inspection(workspace, inspection_id))
    assert facts.record_no.startswith("JC")
    assert inspection_rows(workspace) == before
    build_record(workspace, inspection_id)  # the first record keeps the number it showed
    again = gather_facts(workspace, get_inspection(workspace, inspection_id))
    assert again.record_no == facts.record_no


def inspection_rows(ws: Workspace) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(ws.home.database)
    rows = connection.execute("select id, record_no, updated_at from inspections").fetchall()
    connection.close()
    return rows
