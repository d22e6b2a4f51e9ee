"""Refunds, fines, confiscation and recoveries kept apart, with the measures counted by kind,
in the 情况报告 (figures, workbook, PDF), the ledger export and the case export, checked
against a data set made by hand."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from inspector.cases import steps
from inspector.cases.core import open_case
from inspector.cases.measures import add_measure, add_payment
from inspector.ledger import entries
from inspector.ledger.entries import search_entries
from inspector.ledger.report import report_figures, write_pdf, write_workbook
from inspector.workspace import Workspace
from tests.helpers.ledger import signed_inspection, team_keys

TODAY = date.today()
OFFICERS = ["370100001", "370100002"]


def _decided_case(ws: Workspace, entry: str, measures: list[dict[str, str]]) -> dict[str, str]:
    """A case carried to its decision (the party waived in writing) with ``measures``
    proposed; returns measure kind → id."""
    case_id = open_case(ws, entries=[entry], summary="手工数据")
    steps.file_case(ws, case_id, on_date=TODAY, officers=OFFICERS, approver="王局长")
    steps.investigate(ws, case_id, on_date=TODAY, facts="事实", by=OFFICERS[0])
    steps.review(ws, case_id, on_date=TODAY, reviewer="赵审核", opinion="同意")
    ids = {"case": case_id}
    for measure in measures:
        kind = measure.pop("kind")
        ids[kind] = add_measure(ws, case_id, kind, on_date=TODAY, **measure).id  # type: ignore[arg-type]
    if measures:
        steps.notify(ws, case_id, on_date=TODAY, by=OFFICERS[0], recipient="负责人")
        steps.waive(ws, case_id, on_date=TODAY, written=True, by=OFFICERS[0])
        steps.decide(ws, case_id, on_date=TODAY, approver="王局长")
    return ids


@pytest.fixture
def data(workspace: Workspace) -> Workspace:
    """By hand (yuan):

    case 1  历城区甲卫生院 (历城区)  decided: 责令退回 1,200 (paid 1,200), 罚款 art. 38 1,800 on a
            loss of 1,200 (paid 1,000); agreement: 约谈, 拒付/追回 500 (recovered 300)
    case 2  槐荫区乙药店 (槐荫区)    decided: 责令退回 3,000 (paid 0), 罚款 art. 40 6,000 on 3,000
            obtained by fraud (paid 6,000), 没收违法所得 200 (paid 200); agreement: 解除协议
    case 3  历城区丙诊所 (历城区)    reviewed, not decided: 罚款 5,000 proposed only (counts 0)
    ledger  the 甲卫生院 finding: 追回 100 recorded on the ledger row (the ledger's recovery)

    totals  退回 4,200 / 1,200; 罚款 7,800 / 7,000; 没收 200 / 200; 协议追回 500 / 300
    counts  退回 2, 罚款 2, 没收 1, 约谈 1, 拒付/追回 1, 解除协议 1, the rest 0; 3 cases
    历城区  退回 1,200 / 1,200; 罚款 1,800 / 1,000; 没收 0; 协议追回 500 / 300; 2 cases
    """
    ws = workspace
    ws.actor = OFFICERS[0]
    keys = team_keys(ws)
    signed_inspection(ws, keys, "历城区甲卫生院", [("P5.1", "1200", "VH04")])
    signed_inspection(
        ws,
        keys,
        "槐荫区乙药店",
        [("P4.9", "3000", "VP01")],
        type_code="retail_pharmacy",
        district="槐荫区",
    )
    signed_inspection(ws, keys, "历城区丙诊所", [("P5.2", "2500", None)])
    rows = {r.institution_name: r.id for r in search_entries(ws)}
    entries.set_progress(ws, rows["历城区甲卫生院"], recovered="100")
    one = _decided_case(
        ws,
        rows["历城区甲卫生院"],
        [
            {"kind": "refund", "amount": "1200"},
            {"kind": "fine", "article": "38", "basis": "1200", "amount": "1800"},
        ],
    )
    add_payment(ws, one["case"], one["refund"], amount="1200", on_date=TODAY)
    add_payment(ws, one["case"], one["fine"], amount="1000", on_date=TODAY)
    add_measure(ws, one["case"], "interview", on_date=TODAY)
    reject = add_measure(ws, one["case"], "拒付", amount="500", on_date=TODAY)
    add_payment(ws, one["case"], reject.id, amount="300", on_date=TODAY)
    two = _decided_case(
        ws,
        rows["槐荫区乙药店"],
        [
            {"kind": "refund", "amount": "3000"},
            {"kind": "fine", "article": "40", "basis": "3000", "amount": "6000"},
            {"kind": "confiscate", "amount": "200"},
        ],
    )
    add_payment(ws, two["case"], two["fine"], amount="6000", on_date=TODAY)
    add_payment(ws, two["case"], two["confiscate"], amount="200", on_date=TODAY)
    add_measure(ws, two["case"], "解除协议", on_date=TODAY)
    three = _decided_case(ws, rows["历城区丙诊所"], [])
    add_measure(ws, three["case"], "fine", article="38", basis="2500", amount="5000", on_date=TODAY)
    return ws


MONEY_ALL = {
    "refund": [420000, 120000],
    "fine": [780000, 700000],
    "confiscate": [20000, 20000],
    "reject": [50000, 30000],
}
COUNTS_ALL = {
    "refund": 2,
    "fine": 2,
    "confiscate": 1,
    "suspend_service": 0,
    "suspend_person": 0,
    "interview": 1,
    "reject": 1,
    "suspend_settlement": 0,
    "halt": 0,
    "terminate_agreement": 1,
}


def test_the_report_figures_keep_each_kind_of_money_apart(data: Workspace) -> None:
    f = report_figures(data, TODAY, TODAY)
    assert f.case_count == 3
    assert f.case_money == MONEY_ALL
    assert f.measures == COUNTS_ALL
    assert f.recovered_fen == 10000  # the ledger's own recovery, not the cases' money
    district = report_figures(data, TODAY, TODAY, "历城区")
    assert district.case_count == 2
    assert district.case_money == {
        "refund": [120000, 120000],
        "fine": [180000, 100000],
        "confiscate": [0, 0],
        "reject": [50000, 30000],
    }
    assert district.measures["terminate_agreement"] == 0
    assert district.measures["interview"] == 1


def test_the_report_workbook_and_pdf_show_them_apart(data: Workspace, tmp_path: Path) -> None:
    f = report_figures(data, TODAY, TODAY)
    target = tmp_path / "报告.xlsx"
    write_workbook(f, target)
    book = openpyxl.load_workbook(target)
    summary = {row[0]: row[1] for row in book["汇总"].iter_rows(values_only=True) if row[0]}
    assert summary["案件（件）"] == 3
    assert (summary["责令退回（元）"], summary["已退回（元）"]) == (4200, 1200)
    assert (summary["罚款（元）"], summary["已缴罚款（元）"]) == (7800, 7000)
    assert (summary["没收违法所得（元）"], summary["已缴没收（元）"]) == (200, 200)
    assert (summary["协议追回（元）"], summary["已追回（元）"]) == (500, 300)
    assert summary["追回金额（元）"] == 100
    money = list(book["案件金额"].iter_rows(values_only=True))
    assert money == [
        ("款项", "措施数", "决定金额（元）", "已缴金额（元）"),
        ("责令退回", 2, 4200, 1200),
        ("罚款", 2, 7800, 7000),
        ("没收违法所得", 1, 200, 200),
        ("协议追回", 1, 500, 300),
    ]
    counts = dict(list(book["处理措施"].iter_rows(values_only=True))[1:])
    assert (counts["约谈"], counts["解除协议"], counts["暂停结算"]) == (1, 1, 0)
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pdf = tmp_path / "报告.pdf"
    write_pdf(f, pdf, "历城区医疗保障局")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "责令退回 2 4,200.00 1,200.00" in lines
    assert "罚款 2 7,800.00 7,000.00" in lines
    assert "没收违法所得 1 200.00 200.00" in lines
    assert "协议追回 1 500.00 300.00" in lines
    assert "解除协议 1" in lines


def test_the_ledger_export_and_the_case_export_show_them_apart(
    data: Workspace, tmp_path: Path
) -> None:
    from inspector.cases.figures import export_cases

    target = tmp_path / "台账.xlsx"
    assert entries.export_ledger(data, target) == 3
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["问题台账", "案件处理", "措施统计"]
    ledger = list(book["问题台账"].values)
    assert ledger[0][-2:] == ("案件编号", "案件阶段")
    stages = {row[3]: row[-1] for row in ledger[1:]}
    assert stages == {
        "历城区甲卫生院": "已决定",
        "槐荫区乙药店": "已决定",
        "历城区丙诊所": "已法制审核",
    }
    cases = list(book["案件处理"].values)
    by_party = {row[1]: row[7:15] for row in cases[1:-1]}
    assert by_party["历城区甲卫生院"] == (1200, 1200, 1800, 1000, 0, 0, 500, 300)
    assert by_party["槐荫区乙药店"] == (3000, 0, 6000, 6000, 200, 200, 0, 0)
    assert by_party["历城区丙诊所"] == (0, 0, 0, 0, 0, 0, 0, 0)
    assert cases[-1][0] == "合计" and cases[-1][7:15] == (
        4200,
        1200,
        7800,
        7000,
        200,
        200,
        500,
        300,
    )
    others = {row[1]: row[15] for row in cases[1:-1]}
    assert (others["历城区甲卫生院"], others["槐荫区乙药店"]) == ("约谈", "解除协议")
    counts = dict(list(book["措施统计"].values)[1:])
    assert counts["罚款"] == 2 and counts["解除协议"] == 1
    # A filter: one institution's rows, and only its case.
    only = tmp_path / "甲.xlsx"
    entries.export_ledger(data, only, entries.LedgerFilter(institution="甲卫生院"))
    (total,) = [r for r in openpyxl.load_workbook(only)["案件处理"].values if r[0] == "合计"]
    assert total[7:15] == (1200, 1200, 1800, 1000, 0, 0, 500, 300)
    assert export_cases(data, tmp_path / "案件.xlsx") == 3
    exported = list(openpyxl.load_workbook(tmp_path / "案件.xlsx")["案件处理"].values)
    assert exported[-1][7:15] == cases[-1][7:15]
