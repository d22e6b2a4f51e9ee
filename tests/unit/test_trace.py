"""The 追溯码 sweep: codes read and validated, classified in one query against the settlement
detail and the purchase records, kept in a hash-chained scan log, and the hits put on P6.5 with
the log as evidence."""

from __future__ import annotations

import io
import json
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image, ImageDraw, ImageOps

from inspector.audit import events
from inspector.errors import InvalidInput
from inspector.inspections import TeamMember, create_inspection, get_inspection, save_answer
from inspector.trace import ITEM, NORMAL, NOT_PURCHASED, OTHER_BUYER, REPEATED, RETURNED
from inspector.trace.codes import check, decode_image, require
from inspector.trace.purchases import import_purchases, read_purchases
from inspector.trace.scans import Sweep, list_scans, verify_scans
from inspector.trace.service import attach_findings
from inspector.workspace import Workspace
from tests.helpers.stock import write_csv, write_xlsx
from tests.helpers.trace import ELSEWHERE, INSTITUTION, code_of, plant

CODE = "81234567890123456789"


def _inspection(ws: Workspace) -> str:
    return create_inspection(
        ws, institution=INSTITUTION, type_code="public_hospital", mode="surprise",
        district="历城区", team=[TeamMember("张伟", "370100001")],
    )  # fmt: skip


# --- a code as the scanner types it -------------------------------------------------------


def test_a_code_is_twenty_digits_and_anything_else_is_told() -> None:
    assert check(f" {CODE}\r\n").code == CODE
    assert check("８１２３４５６７８９０１２３４５６７８９").code == CODE  # full-width input method
    cases = {
        "6901234567892": "商品条码",
        CODE[:-1]: "19 位",
        CODE + CODE: "两个追溯码连在一起",
        CODE[:10] + "X" + CODE[11:]: "数字以外",
    }
    for text, reason in cases.items():
        checked = check(text)
        assert checked.code is None and reason in checked.why, text
    with pytest.raises(InvalidInput, match="不是药品追溯码"):
        require("12345")


# --- the purchase records -----------------------------------------------------------------


def test_a_purchase_file_lists_codes_per_row_and_refuses_numbers_excel_rounded(
    tmp_path: Path,
) -> None:
    rows = [
        ["购进日期", "药品名称", "收货单位", "药品追溯码"],
        ["2026-03-01", "阿莫西林胶囊", "", f"{code_of(1)}，{code_of(2)}；{code_of(3)}"],
        ["2026-03-02", "布洛芬缓释胶囊", ELSEWHERE, code_of(4)],
    ]
    read = read_purchases(write_csv(tmp_path / "购进.csv", rows, title="2026年3月购进追溯码"))
    assert [line.code for line in read.lines] == [code_of(n) for n in (1, 2, 3, 4)]
    assert read.lines[-1].buyer == ELSEWHERE and not read.refused
    # A code typed into Excel as a number keeps 15 digits: the row is refused, not stored wrong.
    bad = write_xlsx(
        tmp_path / "坏.xlsx", [rows[0], ["2026-03-01", "某药", "", 81234567890123456789]]
    )
    (refused,) = read_purchases(bad).refused
    assert refused[0] == 2 and "存成了数字" in refused[1]


def test_importing_purchases_is_one_audited_change_and_a_bad_file_stores_nothing(
    workspace: Workspace, tmp_path: Path
) -> None:
    inspection = _inspection(workspace)
    shelf = plant()
    good = shelf.purchase_file(tmp_path / "购进追溯码.csv")
    bad = write_csv(tmp_path / "坏.csv", [["药品追溯码"], [CODE], ["12345"]], encoding="utf-8")
    before = len(events(workspace))
    refused = import_purchases(workspace, inspection, bad)
    assert refused.refused == (
        (3, "“12345”不是药品追溯码：位数不对：5 位，药品追溯码为 20 位数字"),
    )
    assert len(events(workspace)) == before
    done = import_purchases(workspace, inspection, good)
    assert done.codes == len(shelf.purchases) and done.other_buyer == 5
    assert [e.action for e in events(workspace)[before:]] == ["trace.purchases"]
    with pytest.raises(InvalidInput, match="已经导入过"):
        import_purchases(workspace, inspection, good)
    assert len(events(workspace)) == before + 1


# --- the sweep ------------------------------------------------------------------------------


def test_200_scanned_codes_with_planted_duplicates_and_returned_boxes_are_classified_right(
    workspace: Workspace, tmp_path: Path
) -> None:
    inspection = _inspection(workspace)
    shelf = plant()
    assert len(shelf.scans) == 200
    import_purchases(workspace, inspection, shelf.purchase_file(tmp_path / "购进.csv"))
    typed = [*shelf.scans, "6901234567892", CODE[:12]]  # two misreads among them
    with Sweep(workspace, inspection, detail=shelf.detail()) as sweep:
        before = len(events(workspace))
        batch = sweep.scan(typed, "stdin")
        summary = sweep.summary()
    # Each scan kept and classified as planted; the misreads told, not stored.
    assert [c.text for c in batch.refused] == ["6901234567892", CODE[:12]]
    assert len(batch.scans) == len(summary.scans) == 200
    assert [e.action for e in events(workspace)[before:]] == ["trace.scan"]
    for scan in batch.scans:
        assert scan.result == shelf.expected[scan.code], scan.code
    # The duplicates counted once, with a note naming the first scan.
    assert summary.repeats == shelf.repeats == 50
    assert len(summary.codes) == 150
    assert {c.code: c.result for c in summary.codes} == shelf.expected
    assert summary.counts == {
        REPEATED: 10, RETURNED: 20, OTHER_BUYER: 5, NOT_PURCHASED: 10, NORMAL: 105,
    }  # fmt: skip
    again = [s for s in summary.scans if s.repeat_of is not None]
    firsts = {s.code: s.seq for s in summary.scans if s.repeat_of is None}
    assert all(s.repeat_of == firsts[s.code] and "重复扫描" in s.note for s in again)
    # The money: every settlement of a box on the shelf, a shared row by its share.
    assert summary.amount_fen == shelf.amount_fen
    in_a_row = [c for c in summary.codes if c.result == REPEATED and len(c.row_nos) > 1]
    assert any(c.amount_fen % 1_800 == 1_000 for c in in_a_row)
    assert verify_scans(workspace, summary.inspection_id) == []


@pytest.mark.parametrize("home", ["plain", "encrypted"], indirect=True)
def test_a_sweep_reads_the_imported_detail_and_says_when_there_is_none(
    workspace: Workspace, tmp_path: Path
) -> None:
    from inspector.settlement.store import import_detail

    inspection = _inspection(workspace)
    shelf = plant()
    with Sweep(workspace, inspection) as sweep:
        assert sweep.detail_checked is False  # nothing imported: settlement not checked
        assert {c.result for c in sweep.classify(shelf.scans).values()} == {NORMAL}
    assert import_detail(workspace, inspection, shelf.detail_file(tmp_path / "明细.csv")).ok
    with Sweep(workspace, inspection) as sweep:
        assert sweep.detail_checked is True
        found = sweep.classify(shelf.scans)
    settled = {REPEATED, RETURNED}
    assert {c: f.result for c, f in found.items() if f.result in settled} == {
        c: kind for c, kind in shelf.expected.items() if kind in settled
    }
    assert sum(f.amount_fen for f in found.values()) == shelf.amount_fen


def test_scans_continue_the_chain_and_a_repeat_across_batches_is_noted(
    workspace: Workspace,
) -> None:
    inspection = _inspection(workspace)
    shelf = plant()
    with Sweep(workspace, inspection, detail=shelf.detail()) as sweep:
        first = sweep.scan([CODE], "scanner").scans
        second = sweep.scan([CODE, code_of(7)], "camera").scans
        assert sweep.purchases_checked is False and sweep.detail_checked is True
    assert [s.seq for s in first + second] == [1, 2, 3]
    assert second[0].repeat_of == 1 and second[1].repeat_of is None
    # Without purchase records, no code is said to lack one.
    assert {s.result for s in first + second} == {NORMAL}
    view = get_inspection(workspace, inspection)
    assert view.status.value == "in_progress"  # the first scan started the visit
    log = list_scans(workspace, view.id)
    assert [s.source for s in log] == ["scanner", "camera", "camera"]


def test_a_changed_or_removed_scan_breaks_the_chain(workspace: Workspace) -> None:
    inspection = _inspection(workspace)
    with Sweep(workspace, inspection, detail=None) as sweep:
        sweep.scan([code_of(n) for n in range(5)], "scanner")
        full = sweep.inspection_id
    assert verify_scans(workspace, full) == []
    path = workspace.home.database
    workspace.close()
    connection = sqlite3.connect(path)
    # The triggers refuse the change; someone who drops them is caught by the chain.
    with pytest.raises(sqlite3.DatabaseError, match="只能追加"):
        connection.execute("UPDATE trace_scans SET result = '正常' WHERE seq = 2")
    connection.execute("DROP TRIGGER trace_scans_no_update")
    connection.execute("DROP TRIGGER trace_scans_no_delete")
    connection.execute(f"UPDATE trace_scans SET code = '{CODE}' WHERE seq = 2")
    connection.execute("DELETE FROM trace_scans WHERE seq = 4")
    connection.commit()
    connection.close()
    from tests.helpers.homes import open_home

    with open_home(workspace.home.root) as reopened:
        problems = verify_scans(reopened, full)
    assert any("第 2 条扫码记录被改动" in p for p in problems)
    assert any("第 4 条扫码记录缺失" in p for p in problems)


def test_a_finished_sweep_puts_its_log_and_its_hits_on_p6_5(
    workspace: Workspace, tmp_path: Path
) -> None:
    inspection = _inspection(workspace)
    save_answer(workspace, inspection, ITEM, "problem", note="药房未按批号管理", amount="100.00")
    shelf = plant()
    import_purchases(workspace, inspection, shelf.purchase_file(tmp_path / "购进.csv"))
    with Sweep(workspace, inspection, detail=shelf.detail()) as sweep:
        sweep.scan(shelf.scans, "scanner")
        summary = sweep.summary()
    before = len(events(workspace))
    found = attach_findings(workspace, summary, violation="VH07")
    assert [e.action for e in events(workspace)[before:]] == ["evidence.add", "answer.save"]
    answer = get_inspection(workspace, inspection).answers[ITEM]
    assert answer.result.value == "problem" and answer.violation_code == "VH07"
    assert answer.amount_fen == 10_000 + shelf.amount_fen
    assert answer.note.startswith("药房未按批号管理\n追溯码核查（在架扫码 150 个）：重复结算 10 个")
    view = get_inspection(workspace, inspection)
    (evidence,) = [e for e in view.evidence if e.id == found.evidence_id]
    assert evidence.item_code == ITEM and evidence.media_type == "application/pdf"
    # The evidence's bytes are in the custody chain by their SHA-256, as a photo's are.
    from inspector.evidence.custody import read_chain

    with workspace.db.session() as session:
        chain = read_chain(session, view.id)
    assert any(e.event == "added" and e.evidence_id == found.evidence_id for e in chain)
    # Finished again: the same log is the same evidence, the paragraph and amount replaced.
    again = attach_findings(workspace, summary, violation="VH07")
    assert again.evidence_id == found.evidence_id
    answer = get_inspection(workspace, inspection).answers[ITEM]
    assert answer.note.count("追溯码核查（") == 1
    assert answer.amount_fen == 10_000 + shelf.amount_fen


@pytest.mark.skipif(__import__("shutil").which("pdftotext") is None, reason="needs poppler")
def test_the_log_pdf_lists_every_scan_and_the_chain_head(workspace: Workspace) -> None:
    import subprocess

    from inspector.trace.report import log_pdf

    inspection = _inspection(workspace)
    shelf = plant()
    with Sweep(workspace, inspection, detail=shelf.detail()) as sweep:
        sweep.scan(shelf.scans[:30], "scanner")
        summary = sweep.summary()
    pdf = log_pdf(summary, institution=INSTITUTION, inspection_id=summary.inspection_id)
    assert pdf == log_pdf(summary, institution=INSTITUTION, inspection_id=summary.inspection_id)
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert all(s.code in text for s in summary.scans)
    assert summary.scans[-1].hash[:40] in text.replace("\n", "").replace(" ", "")


def test_a_finished_inspection_takes_no_scan(workspace: Workspace) -> None:
    from tests.helpers.lawful import finish_lawfully
    from tests.helpers.ledger import plan

    inspection = plan(workspace, INSTITUTION, type_code="public_hospital")
    save_answer(workspace, inspection, ITEM, "ok")
    finish_lawfully(workspace, inspection)
    before = len(events(workspace))
    with Sweep(workspace, inspection, detail=None) as sweep, pytest.raises(InvalidInput):
        sweep.scan([CODE], "scanner")
    assert len(events(workspace)) == before


# --- the camera -------------------------------------------------------------------------------


def frame_with(code: str, symbology: zxingcpp.BarcodeFormat, angle: float = 0) -> Image.Image:
    """A camera frame: the code's symbol printed on a box label, on a grey shelf, a little
    rotated, saved as a JPEG and read back as the camera's frame would be."""
    mark = zxingcpp.create_barcode(code, symbology).to_image(scale=5)
    symbol = Image.frombuffer("L", (mark.shape[1], mark.shape[0]), bytes(mark))
    label = ImageOps.expand(symbol, 24, fill=255)
    ImageDraw.Draw(label).text((24, 4), "药品追溯码", fill=0)
    frame = Image.new("RGB", (1280, 720), (120, 118, 110))
    frame.paste(label.rotate(angle, expand=True, fillcolor=255), (300, 200))
    buffer = io.BytesIO()
    frame.save(buffer, "JPEG", quality=85)
    return Image.open(io.BytesIO(buffer.getvalue()))


@pytest.mark.parametrize(
    "symbology", [zxingcpp.BarcodeFormat.DataMatrix, zxingcpp.BarcodeFormat.Code128]
)
def test_a_camera_frame_is_decoded_to_its_code(symbology: zxingcpp.BarcodeFormat) -> None:
    (found,) = decode_image(frame_with(CODE, symbology, angle=4))
    assert found.code == CODE
    (ean,) = decode_image(frame_with("6901234567892", zxingcpp.BarcodeFormat.EAN13))
    assert ean.code is None and "商品条码" in ean.why
    assert decode_image(Image.new("RGB", (640, 480), (90, 90, 90))) == []


def test_summary_data_is_json(workspace: Workspace) -> None:
    inspection = _inspection(workspace)
    shelf = plant()
    detail = shelf.detail()
    with Sweep(workspace, inspection, detail=detail) as sweep:
        sweep.scan(shelf.scans[:20], "typed")
        data = sweep.summary().to_data()
    assert json.loads(json.dumps(data, ensure_ascii=False))["scans"] == 20
    # The caller's connection is left as it was given: no temporary table or view of the sweep.
    assert detail.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE temporary AND starts_with(table_name, 'trace_')"
    ).fetchone() == (0,)
    assert detail.execute(
        "SELECT count(*) FROM duckdb_views() WHERE temporary AND starts_with(view_name, 'trace_')"
    ).fetchone() == (0,)
    # No purchase records imported: only the settlement is checked.
    assert data["purchases_checked"] is False
    assert Counter(h["result"] for h in data["hits"]) == Counter(
        shelf.expected[c]
        for c in dict.fromkeys(shelf.scans[:20])
        if shelf.expected[c] in (REPEATED, RETURNED)
    )


def test_the_sweep_and_the_stock_reconciliation_keep_each_others_amount_on_p6_5(
    workspace: Workspace, tmp_path: Path
) -> None:
    from datetime import date

    from inspector.stock.service import attach_reconciliation, reconcile_files
    from tests.helpers.stock import ledger_files

    inspection = _inspection(workspace)
    shelf = plant()
    with Sweep(workspace, inspection, detail=shelf.detail()) as sweep:
        sweep.scan(shelf.scans, "scanner")
        attach_findings(workspace, sweep.summary())
    result, _ = reconcile_files(
        workspace, ledger_files(tmp_path), date(2026, 1, 1), date(2026, 6, 30)
    )
    assert result is not None and result.excess_fen == 240_000
    for _ in range(2):  # the reconciliation again: its paragraph replaced, the sum the same
        attach_reconciliation(workspace, inspection, result)
        answer = get_inspection(workspace, inspection).answers[ITEM]
        assert answer.amount_fen == 240_000 + shelf.amount_fen
    with Sweep(workspace, inspection, detail=shelf.detail()) as sweep:
        attach_findings(workspace, sweep.summary())  # the sweep again, after the table
    answer = get_inspection(workspace, inspection).answers[ITEM]
    assert answer.amount_fen == 240_000 + shelf.amount_fen
    assert answer.note.count("追溯码核查（") == answer.note.count("进销存核对（") == 1
