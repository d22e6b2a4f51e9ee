"""The 情况报告: every figure checked against a data set made by hand (signed through the real
steps), for all districts and for one; the workbook's cells and charts, and the PDF's text."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

from inspector.errors import InvalidInput
from inspector.ledger import cases, entries
from inspector.ledger.entries import LedgerFilter, search_entries
from inspector.ledger.follow_up import create_follow_up, save_verdict
from inspector.ledger.report import (
    ReportFigures,
    quarter,
    report_figures,
    write_pdf,
    write_workbook,
)
from inspector.workspace import Workspace
from tests.helpers.ledger import TEAM, sign, signed_inspection, team_keys

TODAY = date.today()


@pytest.fixture
def data(workspace: Workspace) -> Workspace:
    """By hand:

    A  历城区甲卫生院  primary_care   surprise  P5.1 1000 VH04 (协议处理; 回头看 已整改)
                                                P5.2  500 —    (整改中, 追回 100)
    B  历城区甲卫生院  primary_care   flying    P5.6  200 VH04 (待整改)
    C  槐荫区乙药店    retail_pharmacy surprise P4.9  300 VP01 (协议处理 追回 300, 移送公安)
    D  历城区丙医院    private_hospital random  no finding
    FU 历城区甲卫生院  primary_care   follow_up the 回头看 of A's P5.1, no new finding
    """
    keys = team_keys(workspace)
    a = signed_inspection(
        workspace, keys, "历城区甲卫生院", [("P5.1", "1000", "VH04"), ("P5.2", "500", None)]
    )
    signed_inspection(workspace, keys, "历城区甲卫生院", [("P5.6", "200", "VH04")], mode="flying")
    signed_inspection(
        workspace,
        keys,
        "槐荫区乙药店",
        [("P4.9", "300", "VP01")],
        type_code="retail_pharmacy",
        district="槐荫区",
    )
    signed_inspection(
        workspace, keys, "历城区丙医院", [], type_code="private_hospital", mode="random"
    )
    rows = {r.item_code: r for r in search_entries(workspace)}
    entries.set_progress(workspace, rows["P5.2"].id, status="整改中", recovered="100")
    cases.add_case_step(
        workspace,
        rows["P5.1"].id,
        kind="协议处理",
        on_date=TODAY,
        receiving_body="市医保局",
        document_no="协-1",
    )
    cases.add_case_step(
        workspace,
        rows["P4.9"].id,
        kind="协议处理",
        on_date=TODAY,
        receiving_body="槐荫区医保局",
        document_no="罚-1",
        recovered="300",
    )
    cases.add_case_step(
        workspace,
        rows["P4.9"].id,
        kind="移送公安",
        on_date=TODAY,
        receiving_body="槐荫区公安分局",
        document_no="移-1",
    )
    visit = create_follow_up(workspace, [rows["P5.1"].id], team=list(TEAM), leader="370100002")
    save_verdict(workspace, visit, "RV1", "已整改")
    sign(workspace, visit, keys)
    assert len(search_entries(workspace, LedgerFilter(inspection=a))) == 2
    return workspace


def _counts(items: list) -> dict:  # type: ignore[type-arg]
    return {c.code: (c.institutions, c.inspections) for c in items}


def test_every_figure_for_all_districts(data: Workspace) -> None:
    f = report_figures(data, TODAY, TODAY)
    assert (f.inspections, f.institutions) == (5, 3)
    assert _counts(f.by_type) == {
        "primary_care": (1, 3),
        "retail_pharmacy": (1, 1),
        "private_hospital": (1, 1),
    }
    assert _counts(f.by_mode) == {
        "surprise": (2, 2),
        "flying": (1, 1),
        "random": (1, 1),
        "follow_up": (1, 1),
    }
    assert (f.findings, f.amount_fen, f.recovered_fen) == (4, 200000, 40000)
    assert {c.code: (c.findings, c.amount_fen) for c in f.by_category} == {
        "VH04": (2, 120000),
        None: (1, 50000),
        "VP01": (1, 30000),
    }
    assert f.by_category[0].code == "VH04"  # most findings first
    assert next(c.name for c in f.by_category if c.code is None) == "未分类"
    assert f.by_status == {"pending": 1, "in_progress": 1, "rectified": 1, "transferred": 1}
    assert f.cases == {"agreement": 2, "penalty": 0, "police": 1, "discipline": 0}
    assert (f.handed_over, f.rectified, f.open) == (1, 1, 2)
    assert f.rectification_rate == pytest.approx(0.25)
    assert [
        (
            d.name,
            d.institutions,
            d.inspections,
            d.findings,
            d.amount_fen,
            d.recovered_fen,
            d.rectified,
        )
        for d in f.by_district
    ] == [("历城区", 2, 4, 3, 170000, 10000, 1), ("槐荫区", 1, 1, 1, 30000, 30000, 0)]
    assert f.by_district[0].rectification_rate == pytest.approx(1 / 3)


def test_every_figure_for_one_district(data: Workspace) -> None:
    f = report_figures(data, TODAY - timedelta(days=30), TODAY, "历城区")
    assert (f.inspections, f.institutions) == (4, 2)
    assert _counts(f.by_type) == {"primary_care": (1, 3), "private_hospital": (1, 1)}
    assert (f.findings, f.amount_fen, f.recovered_fen) == (3, 170000, 10000)
    assert {c.code: c.findings for c in f.by_category} == {"VH04": 2, None: 1}
    assert f.by_status == {"pending": 1, "in_progress": 1, "rectified": 1, "transferred": 0}
    assert f.cases == {"agreement": 1, "penalty": 0, "police": 0, "discipline": 0}
    assert f.handed_over == 0
    assert f.rectification_rate == pytest.approx(1 / 3)


def test_a_period_without_visits_is_empty_and_a_reversed_one_refused(data: Workspace) -> None:
    f = report_figures(data, TODAY - timedelta(days=10), TODAY - timedelta(days=1))
    assert (f.inspections, f.findings, f.amount_fen, f.rectification_rate) == (0, 0, 0, 0.0)
    assert report_figures(data, TODAY, TODAY, "市中区").inspections == 0
    with pytest.raises(InvalidInput, match="早于"):
        report_figures(data, TODAY, TODAY - timedelta(days=1))


def test_quarters() -> None:
    assert quarter("2026Q1") == (date(2026, 1, 1), date(2026, 3, 31))
    assert quarter("2026-q4") == (date(2026, 10, 1), date(2026, 12, 31))
    assert quarter("2024Q1") == (date(2024, 1, 1), date(2024, 3, 31))
    with pytest.raises(InvalidInput):
        quarter("2026Q5")


def _workbook(figures: ReportFigures, path: Path) -> openpyxl.Workbook:
    write_workbook(figures, path)
    return openpyxl.load_workbook(path)


def test_the_workbook_states_the_figures_with_charts(data: Workspace, tmp_path: Path) -> None:
    f = report_figures(data, TODAY, TODAY)
    book = _workbook(f, tmp_path / "报告.xlsx")
    summary = {row[0]: row[1] for row in book["汇总"].iter_rows(min_row=2, values_only=True)}
    assert summary["检查机构数（家）"] == 3 and summary["检查次数（次）"] == 5
    assert summary["发现问题（个）"] == 4
    assert summary["涉及金额（元）"] == 2000 and summary["追回金额（元）"] == 400
    assert summary["移交（个）"] == 1 and summary["整改率"] == pytest.approx(0.25)
    categories = list(book["按违规类别"].iter_rows(min_row=2, values_only=True))
    assert [r[1:] for r in categories] == [(2, 1200), (1, 500), (1, 300)]
    assert categories[1][0] == "未分类"
    statuses = dict(book["整改情况"].iter_rows(min_row=2, values_only=True))
    assert statuses == {"待整改": 1, "整改中": 1, "已整改（销号）": 1, "移交": 1}
    districts = list(book["按区县"].iter_rows(min_row=2, values_only=True))
    assert districts[0][:6] == ("历城区", 2, 4, 3, 1700, 100)
    assert districts[0][6] == pytest.approx(1 / 3)
    modes = {r[0]: r[1:] for r in book["按检查方式"].iter_rows(min_row=2, values_only=True)}
    assert modes["回头看"] == (1, 1)
    for name in ("按机构类型", "按检查方式", "按区县", "按违规类别", "整改情况", "案件处理"):
        assert len(book[name]._charts) == 1, name  # the charts are in the file


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_pdf_states_the_figures(data: Workspace, tmp_path: Path) -> None:
    f = report_figures(data, TODAY, TODAY, "历城区")
    target = tmp_path / "报告.pdf"
    write_pdf(f, target, "济南市医疗保障局")
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "医保基金监督检查情况报告" in text and "历城区" in text
    assert "1,700.00" in text and "100.00" in text  # involved, recovered
    assert "33.3%" in text  # rectification rate
    assert "VH04" in text and "未分类" in text
    assert "基层医疗机构" in text or "primary_care" not in text


def test_one_institution_type_narrows_every_figure(data: Workspace) -> None:
    f = report_figures(data, TODAY, TODAY, type_code="primary_care")
    assert (f.inspections, f.institutions, f.findings, f.amount_fen) == (3, 1, 3, 170000)
    assert {c.code for c in f.by_type} == {"primary_care"}
    assert f.cases == {"agreement": 1, "penalty": 0, "police": 0, "discipline": 0}
    assert f.scope.startswith("全部区县，") and f.type_name in f.scope


def test_the_typical_cases_are_the_largest_findings_with_their_handling(data: Workspace) -> None:
    f = report_figures(data, TODAY, TODAY)
    assert [(t.institution, t.amount_fen) for t in f.typical] == [
        ("历城区甲卫生院", 100000),
        ("历城区甲卫生院", 50000),
        ("槐荫区乙药店", 30000),
        ("历城区甲卫生院", 20000),
    ]
    assert f.typical[0].handling == "协议处理（协-1）；已整改（销号）"
    assert f.typical[1].handling == "整改中，已追回 100.00 元"
    assert f.typical[2].handling.startswith("协议处理（罚-1）；移送公安（移-1）；移交")
    assert f.typical[2].category.startswith("VP01 ")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_pdf_and_workbook_name_the_issuing_unit_and_number_their_pages(
    data: Workspace, tmp_path: Path
) -> None:
    f = report_figures(data, TODAY, TODAY)
    pdf, xlsx = tmp_path / "报告.pdf", tmp_path / "报告.xlsx"
    write_pdf(f, pdf, "济南市医疗保障局")
    write_workbook(f, xlsx, "济南市医疗保障局")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = re.findall(r"第\s*(\d+)\s*页\s*共\s*(\d+)\s*页", text)
    assert len(pages) >= 2 and {total for _n, total in pages} == {str(len(pages))}
    assert [int(n) for n, _total in pages] == list(range(1, len(pages) + 1))
    assert "总体情况" in text and "典型案例" in text and "槐荫区乙药店（槐荫区）" in text
    assert text.count("济南市医疗保障局") >= len(pages) + 1  # each page's footer, and signed
    book = openpyxl.load_workbook(xlsx)
    summary = {row[0]: row[1] for row in book["汇总"].iter_rows(min_row=2, values_only=True)}
    assert summary["发文单位"] == "济南市医疗保障局"
    assert book["汇总"].oddHeader.left.text == "济南市医疗保障局"
    assert all(s.oddFooter.center.text == "第 &P 页 共 &N 页" for s in book.worksheets)
    typical = list(book["情况说明"].iter_rows(min_row=5, values_only=True))
    assert [(r[1], r[5]) for r in typical][:1] == [("历城区甲卫生院", 1000)]


def test_a_finding_a_case_decided_counts_as_handled_by_a_penalty(
    data: Workspace, tmp_path: Path
) -> None:
    """B's P5.6 opened as a case and carried through the case procedure (the ledger's path
    refuses a 行政处罚): 行政处罚 0 while the case is only filed, 1 once it is decided; in the
    workbook's 案件处理 sheet too."""
    from inspector.cases import steps
    from inspector.cases.core import open_case
    from inspector.cases.measures import add_measure

    entry = next(r.id for r in search_entries(data) if r.item_code == "P5.6")
    officers = [member.cert_no for member in TEAM]
    case = open_case(data, entries=[entry], summary="挂床住院")
    steps.file_case(data, case, on_date=TODAY, officers=officers, approver="王局长")
    steps.investigate(data, case, on_date=TODAY, facts="事实", by=officers[0])
    steps.review(data, case, on_date=TODAY, reviewer="赵审核", opinion="同意")
    add_measure(data, case, "fine", article="38", basis="200", amount="300", on_date=TODAY)
    steps.notify(data, case, on_date=TODAY, by=officers[0], recipient="负责人")
    steps.waive(data, case, on_date=TODAY, written=True, by=officers[0])
    assert report_figures(data, TODAY, TODAY).cases["penalty"] == 0  # not decided yet
    steps.decide(data, case, on_date=TODAY, approver="王局长")
    f = report_figures(data, TODAY, TODAY)
    assert f.cases == {"agreement": 2, "penalty": 1, "police": 1, "discipline": 0}
    assert report_figures(data, TODAY, TODAY, "槐荫区").cases["penalty"] == 0  # B is 历城区's
    assert (
        report_figures(data, TODAY - timedelta(days=9), TODAY - timedelta(days=1)).cases["penalty"]
        == 0
    )  # a period without the finding
    rows = dict(
        _workbook(f, tmp_path / "报告.xlsx")["案件处理"].iter_rows(min_row=2, values_only=True)
    )
    assert rows["行政处罚"] == 1


def test_a_campaigns_report_counts_only_its_visits_on_the_laptop(
    workspace: Workspace, tmp_path: Path
) -> None:
    """The same report_figures as the server's: a campaign of 历城区, primary care; by hand:
    a tagged visit (700) counts; an untagged one of the same place (400), a 槐荫区 one (300)
    and a pharmacy (200) do not."""
    import json

    from inspector.campaigns import FORMAT, build
    from inspector.campaigns.local import install_package
    from inspector.inspections import create_inspection, save_answer
    from inspector.ledger.report import Within
    from tests.helpers.ledger import LEADER

    campaign = build(
        name="打击欺诈骗保专项行动",
        phases=[("集中检查", str(TODAY - timedelta(days=5)), str(TODAY + timedelta(days=25)))],
        types=["primary_care"],
        districts=["历城区"],
    )
    body = {"format": FORMAT, "campaigns": [campaign.to_dict()]}
    install_package(workspace, json.dumps(body, ensure_ascii=False).encode(), 1)
    keys = team_keys(workspace)
    tagged = create_inspection(
        workspace, institution="历城区甲卫生院", type_code="primary_care", mode="surprise",
        district="历城区", team=list(TEAM), leader=LEADER, campaign=campaign.id,
    )  # fmt: skip
    save_answer(workspace, tagged, "P5.1", "problem", note="x", amount="700", violation="VH04")
    sign(workspace, tagged, keys)
    signed_inspection(workspace, keys, "历城区甲卫生院", [("P5.1", "400", "VH04")])
    signed_inspection(
        workspace, keys, "槐荫区乙卫生院", [("P5.1", "300", "VH04")], district="槐荫区"
    )
    signed_inspection(
        workspace, keys, "历城区丙药店", [("P4.9", "200", "VP01")], type_code="retail_pharmacy"
    )
    within = Within(campaign.id, campaign.name, campaign.districts, campaign.types)
    f = report_figures(workspace, campaign.start, campaign.end, within=within)
    assert (f.inspections, f.institutions, f.findings, f.amount_fen) == (1, 1, 1, 70000)
    assert f.title == "打击欺诈骗保专项行动情况报告" and f.scope == "历城区"
    whole = report_figures(workspace, campaign.start, campaign.end)
    assert (whole.inspections, whole.amount_fen) == (4, 160000)
