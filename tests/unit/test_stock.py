"""进销存 reconciliation (seed 000 point 6, seed 002 附件1): a hand-made ledger with
known gaps gives exactly those gaps (quantities and amounts); bad rows refuse the file by row
number; the table becomes evidence of P6.5 and the gap a finding with its amount; the same
files give the same evidence."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from inspector.audit import events
from inspector.errors import InvalidInput
from inspector.inspections import TeamMember, create_inspection, get_inspection, save_answer
from inspector.stock.ledgers import Kind, read_ledger
from inspector.stock.reconcile import (
    OVERSETTLED,
    OVERSOLD,
    SHORTAGE,
    SURPLUS,
    UNITS,
    KeyDrug,
    reconcile,
)
from inspector.stock.service import ITEM, attach_reconciliation, key_drugs, reconcile_files
from inspector.workspace import Workspace
from tests.helpers.cli import Cli
from tests.helpers.stock import (
    ALBUMIN,
    IBUPROFEN,
    LIANHUA,
    STATIN,
    SYRINGE,
    VITAMIN,
    ledger_files,
    write_csv,
    write_xlsx,
)

START, END = date(2026, 1, 1), date(2026, 6, 30)


def outcome(files: dict[Kind, Path], watch: list[KeyDrug] | None = None) -> Any:
    ledgers = [read_ledger(path, kind) for kind, path in files.items()]
    return reconcile(ledgers, START, END, watch or [])


def test_a_hand_made_ledger_with_known_gaps_finds_exactly_them(tmp_path: Path) -> None:
    result = outcome(ledger_files(tmp_path), [KeyDrug("附件1 西药 1", "人血白蛋白")])
    by_name = {d.name: d for d in result.drugs}
    assert {name: d.flags for name, d in by_name.items()} == {
        ALBUMIN[0]: [OVERSETTLED],
        STATIN[0]: [SHORTAGE],
        LIANHUA[0]: [OVERSOLD, SURPLUS],
        VITAMIN[0]: [],
        SYRINGE[0]: [UNITS],
        IBUPROFEN[0]: [],
    }
    albumin = by_name[ALBUMIN[0]]
    assert (albumin.opening, albumin.purchased, albumin.sold, albumin.settled) == (20, 50, 60, 66)
    assert albumin.expected == 10 and albumin.stock_gap == 0
    assert albumin.excess == 6 and albumin.excess_fen == 240_000
    assert albumin.key_drug == "附件1 西药 1" and albumin.code == "XB05AAR001"
    statin = by_name[STATIN[0]]
    assert statin.stock_gap == -10 and statin.stock_gap_fen == 20_000
    lianhua = by_name[LIANHUA[0]]
    assert lianhua.oversold == 30 and lianhua.stock_gap == 30 and lianhua.stock_gap_fen == 45_000
    assert lianhua.excess == 0
    assert by_name[IBUPROFEN[0]].stock_gap is None  # not counted: not compared
    assert result.excess_fen == 240_000
    # Flagged first, the largest amount first.
    assert result.flagged[0].name == ALBUMIN[0]
    purchases = next(s for s in result.sources if s.kind is Kind.PURCHASES)
    assert purchases.outside == 1 and purchases.skipped == (11,)  # title, header, then rows
    assert not result.by_name_only


def test_watch_lists_match_the_drug_in_any_of_its_forms(workspace: Workspace) -> None:
    from inspector.stock.reconcile import watch_stem

    assert watch_stem("连花清瘟片(胶囊、颗粒)") == "连花清瘟"
    assert watch_stem("注射用血塞通(冻干)") == "血塞通"
    assert watch_stem("门冬胰岛素 30") == "门冬胰岛素"
    assert watch_stem("人血白蛋白") == "人血白蛋白"
    assert watch_stem("阿胶") == "阿胶"  # two characters: not cut to one
    result = outcome(ledger_files(Path(workspace.home.root)), key_drugs(workspace))
    labels = {d.name: d.key_drug for d in result.drugs}
    assert labels["连花清瘟胶囊"] is not None and labels["连花清瘟胶囊"].startswith("中成药")
    assert labels["人血白蛋白注射液"] is not None and labels["维生素C片"] is None


def test_without_a_specification_column_lines_are_matched_by_name(tmp_path: Path) -> None:
    result = outcome(ledger_files(tmp_path, settlement_spec=False))
    assert result.by_name_only
    albumin = next(d for d in result.drugs if d.name == ALBUMIN[0])
    assert albumin.settled == 66 and albumin.excess_fen == 240_000


def test_the_same_files_give_the_same_table(tmp_path: Path) -> None:
    files = ledger_files(tmp_path)
    assert outcome(files).to_data() == outcome(files).to_data()
    data = outcome(files).to_data()
    assert json.loads(json.dumps(data)) == data  # what is stored and printed


def test_bad_rows_refuse_the_file_by_row_number(workspace: Workspace, tmp_path: Path) -> None:
    files = ledger_files(tmp_path)
    files[Kind.SALES] = write_xlsx(
        tmp_path / "坏.xlsx",
        [
            ["发药日期", "品名", "规格", "发药数量"],
            ["2026-02-10", *ALBUMIN, -3],
            ["2026-02-30", *STATIN, 5],
            ["2026-02-11", "", "", 5],
            ["2026-02-12", *VITAMIN, "五"],
        ],
    )
    result, refused = reconcile_files(workspace, files, START, END)
    assert result is None
    assert [row for row, _ in refused[Kind.SALES]] == [2, 3, 4, 5]
    reasons = dict(refused[Kind.SALES])
    assert "负数" in reasons[2] and "日期" in reasons[3] and "名称为空" in reasons[4]
    assert "不是数字" in reasons[5]
    with pytest.raises(InvalidInput, match="有 4 行无法读取"):
        reconcile([read_ledger(p, k) for k, p in files.items()], START, END)


def test_files_that_cannot_be_used_say_why(tmp_path: Path) -> None:
    no_quantity = write_csv(tmp_path / "a.csv", [["日期", "药品名称"], ["2026-01-01", "某药"]])
    with pytest.raises(InvalidInput, match="缺少必需的列：数量"):
        read_ledger(no_quantity, Kind.PURCHASES)
    with pytest.raises(InvalidInput, match="只能导入 Excel"):
        read_ledger(tmp_path / "a.pdf", Kind.SALES)
    files = ledger_files(tmp_path)
    with pytest.raises(InvalidInput, match="购进、销售（发药）和医保结算"):
        reconcile([read_ledger(files[Kind.SALES], Kind.SALES)], START, END)
    with pytest.raises(InvalidInput, match="结束日期早于开始日期"):
        outcome_of = [read_ledger(p, k) for k, p in files.items()]
        reconcile(outcome_of, END, START)


def _inspection(ws: Workspace) -> str:
    return create_inspection(
        ws, institution="某医院", type_code="public_hospital", mode="surprise",
        district="历城区", team=[TeamMember("张伟", "370100001")],
    )  # fmt: skip


def test_key_drugs_are_the_annex_1_lists(workspace: Workspace) -> None:
    watch = key_drugs(workspace)
    assert len(watch) >= 120  # 附件1: four lists of 30
    assert any(k.name == "人血白蛋白" and k.label.startswith("西药") for k in watch)


def test_the_table_becomes_evidence_and_the_gap_a_finding_on_p6_5(
    workspace: Workspace, tmp_path: Path
) -> None:
    inspection = _inspection(workspace)
    save_answer(workspace, inspection, ITEM, "problem", note="药房未按批号管理")
    result, refused = reconcile_files(workspace, ledger_files(tmp_path), START, END)
    assert result is not None and refused == {}
    before = len(events(workspace))
    attached = attach_reconciliation(workspace, inspection, result, violation="VH07")
    assert [e.action for e in events(workspace)[before:]] == ["evidence.add", "answer.save"]
    view = get_inspection(workspace, inspection)
    answer = view.answers[ITEM]
    assert answer.result.value == "problem"
    assert answer.amount_fen == 240_000 and answer.violation_code == "VH07"
    assert answer.note.startswith("药房未按批号管理\n进销存核对（2026-01-01 至 2026-06-30）")
    assert "人血白蛋白注射液 10g 结算量大于销售量 6（¥2,400.00）" in answer.note
    assert "阿托伐他汀钙片 20mg*7片 库存短缺 10" in answer.note
    (evidence,) = [e for e in view.evidence if e.id == attached.evidence_id]
    assert evidence.item_code == ITEM and evidence.media_type == "application/pdf"

    # The same files again: the same table (one piece of evidence), the paragraph replaced.
    again = attach_reconciliation(workspace, inspection, result, violation="VH07")
    assert again.evidence_id == attached.evidence_id
    view = get_inspection(workspace, inspection)
    assert len([e for e in view.evidence if e.item_code == ITEM]) == 1
    assert view.answers[ITEM].note.count("进销存核对（") == 1


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_table_states_the_files_and_their_hashes(workspace: Workspace, tmp_path: Path) -> None:
    from inspector.stock.report import table_pdf

    result = outcome(ledger_files(tmp_path))
    pdf = tmp_path / "table.pdf"
    pdf.write_bytes(table_pdf(result, institution="某医院", inspection_id="abcd1234"))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "药品、耗材进销存核对表" in text and "某医院" in text
    for source in result.sources:
        assert source.sha256[:32] in text.replace("\n", "").replace(" ", "")
    assert "结算量大于销售量" in text and "2,400.00" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    assert "yes" in fonts.stdout  # embedded


def test_no_gap_answers_the_item_as_conforming(workspace: Workspace, tmp_path: Path) -> None:
    inspection = _inspection(workspace)
    files = {
        Kind.PURCHASES: write_csv(
            tmp_path / "p.csv", [["日期", "药品名称", "数量"], ["2026-01-02", "某药", 5]]
        ),
        Kind.SALES: write_csv(
            tmp_path / "s.csv", [["日期", "药品名称", "数量"], ["2026-01-03", "某药", 5]]
        ),
        Kind.SETTLEMENTS: write_csv(
            tmp_path / "j.csv", [["结算日期", "药品名称", "数量"], ["2026-01-03", "某药", 5]]
        ),
    }
    result, _ = reconcile_files(workspace, files, START, END)
    assert result is not None and result.flagged == []
    attach_reconciliation(workspace, inspection, result)
    answer = get_inspection(workspace, inspection).answers[ITEM]
    assert answer.result.value == "ok" and "1 个品种无差异" in answer.note


def test_stock_reconcile_command(cli: Cli, tmp_path: Path) -> None:
    out, _ = cli(
        "inspection", "new", "--institution", "某医院", "--type", "public_hospital",
        "--mode", "surprise", "--district", "历城区", "--inspector", "张伟:370100001", "--json",
    )  # fmt: skip
    inspection = json.loads(out)["id"]
    files = ledger_files(tmp_path)
    args = [
        "stock", "reconcile", inspection, "--from", "2026-01-01", "--to", "2026-06-30",
        "--purchases", str(files[Kind.PURCHASES]), "--sales", str(files[Kind.SALES]),
        "--settlements", str(files[Kind.SETTLEMENTS]), "--opening", str(files[Kind.OPENING]),
        "--count", str(files[Kind.COUNT]),
    ]  # fmt: skip
    out, _ = cli(*args)
    assert "有差异 4 个" in out and "结算量大于销售量" in out and "未保存" in out
    out, _ = cli(*args, "--attach", "--violation", "VH07")
    assert "已记为条目 P6.5 的问题" in out and "2,400.00" in out
    bad = write_csv(tmp_path / "坏.csv", [["日期", "药品名称", "数量"], ["2026-01-02", "某药", -1]])
    out, _ = cli(*args[:7], "--purchases", str(bad), *args[9:], expect=1)
    assert "购进记录（坏.csv）第 2 行  拒绝" in out and "负数" in out and "未进行核对" in out


def test_the_teams_counts_per_annex_entry_count_where_no_count_file_does(
    workspace: Workspace, tmp_path: Path
) -> None:
    from inspector.drug_checks import save_drug_check

    inspection = create_inspection(
        workspace, institution="某医院", type_code="public_hospital", mode="surprise",
        district="历城区", team=[TeamMember("张伟", "370100001")], focus=["key_drugs_2023"],
    )  # fmt: skip
    # 西药 1 人血白蛋白: 8 counted on site against 10 expected; 西药 2 阿托伐他汀 not counted,
    # so not compared for stock.
    save_drug_check(workspace, inspection, "FK.1", 1, count="8", unit="瓶")
    files = ledger_files(tmp_path)
    del files[Kind.COUNT]
    result, _ = reconcile_files(workspace, files, START, END, inspection_id=inspection)
    assert result is not None
    albumin = next(d for d in result.drugs if d.name == ALBUMIN[0])
    assert albumin.counted == 8 and albumin.counted_on_site and albumin.stock_gap == -2
    assert SHORTAGE in albumin.flags
    assert next(d for d in result.drugs if d.name == STATIN[0]).counted is None
    # A second specification of albumin: the one count cannot be split between them.
    sales = files[Kind.SALES]
    book = openpyxl.load_workbook(sales)
    book.active.append(["2026-02-11", "人血白蛋白注射液", "5g", "瓶", 1, 200])
    book.save(sales)
    result, _ = reconcile_files(workspace, files, START, END, inspection_id=inspection)
    assert result is not None
    assert all(d.counted is None for d in result.drugs if d.name == ALBUMIN[0])
    assert any("对应多个品种或规格" in note for note in result.count_notes)
