"""A campaign's reports on the server (inspector/central/campaign_reports.py): a campaign over
two of three districts (历城区, 槐荫区; not 市中区), two laptops push visits tagged with it and
others; ``central report --campaign`` counts only the campaign's visits (a visit outside its
districts, outside its period or not tagged does not count), a district's user gets only its
own, and each report due of the campaign (情况报告, 季度统计表, 总结) is produced by
``server campaign report`` and downloaded from the campaign's page, its figures and cells
checked against figures written down by hand."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.helpers.central import TLS, Cluster, Server
from tests.helpers.office_http import OfficeClient

TODAY = date.today()
PASSWORD = "局端-口令-2026"
CITY = "济南市医疗保障局"
NAME = "打击欺诈骗保专项行动"


def _quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


# The campaign runs from the start of the quarter before last to 30 days ahead: two whole
# quarters behind it (Q1 = the quarter before last, Q2 = the last one) and the current one.
CURRENT = _quarter_start(TODAY)
Q2 = _quarter_start(CURRENT - timedelta(days=1))
Q1 = _quarter_start(Q2 - timedelta(days=1))
START, END = Q1, TODAY + timedelta(days=30)
DAY_Q1, DAY_Q2 = Q1 + timedelta(days=10), Q2 + timedelta(days=10)
SITUATION_DUE = Q2 + timedelta(days=20)  # 情况报告: the campaign up to then (Q1's, Q2's day)
QUARTERLY_DUE = CURRENT + timedelta(days=9)  # 季度统计表: Q1 and Q2 (the current one not ended)
SUMMARY_DUE = END + timedelta(days=10)


@dataclass
class Pushed:
    server: Server
    folder: Path
    campaign: str


def _office_key(folder: Path) -> tuple[Path, Path]:
    from tests.helpers.signing_pki import PASS, make_ca, make_p12

    p12, secret = folder / "bureau.p12", folder / "secret.txt"
    p12.write_bytes(make_p12(make_ca(), CITY, "BUREAU-1"))
    secret.write_text(PASS, encoding="utf-8")
    return p12, secret


def _laptop(server: Server, home: Path, district: str) -> Any:
    from inspector.central.client import enroll
    from inspector.workspace import Workspace
    from tests.helpers.ledger import team_keys

    ws = Workspace.open(home)
    ws.actor = "370100001"
    keys = team_keys(ws)
    enroll(ws, server.url, server.code(district), server.tls.ca)
    return ws, keys


def _visit(
    ws: Any,
    keys: dict[str, str],
    institution: str,
    district: str,
    type_code: str,
    on: date,
    finding: tuple[str, str, str],
    campaign: str | None,
) -> str:
    """A signed visit on ``on`` (from noon, or today from the hour begun, local time) with
    one finding."""
    from inspector.inspections import create_inspection, save_answer, set_inspection_times
    from tests.helpers.ledger import LEADER, TEAM, sign

    visit = create_inspection(
        ws, institution=institution, type_code=type_code, mode="surprise", district=district,
        team=list(TEAM), leader=LEADER, campaign=campaign,
    )  # fmt: skip
    now = datetime.now().astimezone()
    start = datetime.combine(on, time(12)).astimezone()
    if on == now.date():  # a visit of today has ended by now
        start = max(now.replace(hour=0, minute=0, second=0, microsecond=0),
                    now - timedelta(minutes=2))  # fmt: skip
    set_inspection_times(ws, visit, start, min(start + timedelta(seconds=30), now))
    item, amount, violation = finding
    save_answer(ws, visit, item, "problem", note=institution, amount=amount, violation=violation)
    sign(ws, visit, keys)
    return visit


@pytest.fixture(scope="module")
def pushed(
    postgres: Cluster, tls: TLS, template_home: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Pushed]:
    """By hand (yuan). The campaign: 历城区 and 槐荫区, primary_care and retail_pharmacy,
    START to END.

    laptop A (历城区)
      a1  历城区甲卫生院 primary_care    tagged    DAY_Q1       P5.1 1000 VH04
      a2  历城区乙药店   retail_pharmacy tagged    DAY_Q2       P4.9  300 VP01
      a3  历城区甲卫生院 primary_care    untagged  DAY_Q2       P5.1  700 VH04  (not counted)
      a4  历城区丙卫生院 primary_care    tagged    START - 5    P5.1 5000 VH04  (before it)
    laptop B (槐荫区, 市中区)
      b1  槐荫区丁诊所   primary_care    tagged    DAY_Q2       P5.1  800 VH04
      b2  槐荫区戊药店   retail_pharmacy tagged    today        P4.9  200 VP01
      b3  市中区己卫生院 primary_care    untagged  DAY_Q2       P5.1  900 VH04  (not its district)

    the campaign: a1, a2, b1, b2: 4 inspections, 4 institutions, 4 findings, 2,300;
      历城区 2 / 1,300, 槐荫区 2 / 1,000; 槐荫区's user: 2 / 1,000;
    Q2 only (--quarter): a2, b1: 2 / 1,100;
    情况报告 due SITUATION_DUE: START..SITUATION_DUE: a1, a2, b1: 3 / 2,100;
    季度统计表 due QUARTERLY_DUE: Q1: 历城区 primary_care 1 / 1 / 1 / 1,000, the rest 0;
      Q2: 历城区 retail_pharmacy 1 / 1 / 1 / 300, 槐荫区 primary_care 1 / 1 / 1 / 800,
      total 2 / 2 / 2 / 1,100 (b2 is in the current quarter);
    总结: START..END: 4 / 2,300."""
    from inspector.campaigns.local import install_package
    from inspector.central.client import push
    from tests.helpers.bundle import make_laptop

    folder = tmp_path_factory.mktemp("campaign-reports")
    server = Server(postgres, tls, folder / "central-store")
    server.start()
    try:
        a, keys_a = _laptop(server, make_laptop(template_home, folder / "a", "laptop-a"), "历城区")
        b, keys_b = _laptop(server, make_laptop(template_home, folder / "b", "laptop-b"), "槐荫区")
        device = server.sql("select id from devices where district = '槐荫区'").strip()
        done = server.command("server", "districts", device, "槐荫区", "市中区")
        assert done.returncode == 0, done.stderr
        p12, secret = _office_key(folder)
        key = ["--p12", str(p12), "--passphrase-file", str(secret)]
        bureaus = folder / "bureaus.json"
        bureaus.write_text(json.dumps([{"name": CITY}], ensure_ascii=False), encoding="utf-8")
        done = server.command("server", "publish", "bureaus", str(bureaus), *key)
        assert done.returncode == 0, done.stderr
        done = server.command(
            "server", "campaign", "create", "--json", *key, "--name", NAME,
            "--phase", f"集中检查:{START}:{END}",
            "--type", "primary_care", "--type", "retail_pharmacy",
            "--district", "历城区", "--district", "槐荫区",
            "--report", f"情况报告:{SITUATION_DUE}", "--report", f"季度统计表:{QUARTERLY_DUE}",
            "--report", f"总结:{SUMMARY_DUE}",
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        made = json.loads(done.stdout)["campaign"]
        package = json.dumps(
            {"format": "inspector-campaigns/1", "campaigns": [made]}, ensure_ascii=False
        ).encode()
        try:
            for ws in (a, b):
                install_package(ws, package)
            cid = made["id"]
            _visit(a, keys_a, "历城区甲卫生院", "历城区", "primary_care", DAY_Q1,
                   ("P5.1", "1000", "VH04"), cid)  # fmt: skip
            _visit(a, keys_a, "历城区乙药店", "历城区", "retail_pharmacy", DAY_Q2,
                   ("P4.9", "300", "VP01"), cid)  # fmt: skip
            _visit(a, keys_a, "历城区甲卫生院", "历城区", "primary_care", DAY_Q2,
                   ("P5.1", "700", "VH04"), None)  # fmt: skip
            _visit(a, keys_a, "历城区丙卫生院", "历城区", "primary_care",
                   START - timedelta(days=5), ("P5.1", "5000", "VH04"), cid)  # fmt: skip
            _visit(b, keys_b, "槐荫区丁诊所", "槐荫区", "primary_care", DAY_Q2,
                   ("P5.1", "800", "VH04"), cid)  # fmt: skip
            _visit(b, keys_b, "槐荫区戊药店", "槐荫区", "retail_pharmacy", TODAY,
                   ("P4.9", "200", "VP01"), cid)  # fmt: skip
            _visit(b, keys_b, "市中区己卫生院", "市中区", "primary_care", DAY_Q2,
                   ("P5.1", "900", "VH04"), None)  # fmt: skip
            push(a)
            push(b)
        finally:
            a.close()
            b.close()
        server.office_user("局端王", PASSWORD)
        server.office_user("槐荫区李", PASSWORD, district="槐荫区")
        yield Pushed(server, folder, made["id"])
    finally:
        server.kill()


def _json(server: Server, *args: str) -> dict[str, Any]:
    done = server.command(*args, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _districts(f: dict[str, Any]) -> list[tuple[str, int, int]]:
    return [(d["name"], d["inspections"], d["amount_fen"]) for d in f["by_district"]]


def test_the_campaigns_report_counts_only_its_visits(pushed: Pushed) -> None:
    server, folder = pushed.server, pushed.folder
    pdf = folder / "campaign.pdf"
    f = _json(server, "central", "report", "--campaign", pushed.campaign[:8], "--pdf", str(pdf))
    assert (f["since"], f["until"]) == (str(START), str(END))
    assert (f["inspections"], f["institutions"], f["findings"]) == (4, 4, 4)
    assert f["amount_fen"] == 230000
    assert _districts(f) == [("历城区", 2, 130000), ("槐荫区", 2, 100000)]
    assert f["title"] == f"{NAME}情况报告"
    # the same period without the campaign: the untagged visits and 市中区's count
    whole = _json(server, "central", "report", "--since", str(START), "--until", str(END))
    assert (whole["inspections"], whole["amount_fen"]) == (6, 390000)
    q = _json(server, "central", "report", "--campaign", pushed.campaign,
              "--quarter", f"{Q2.year}Q{(Q2.month - 1) // 3 + 1}")  # fmt: skip
    assert (q["since"], q["until"]) == (str(Q2), str(CURRENT - timedelta(days=1)))
    assert (q["inspections"], q["amount_fen"]) == (2, 110000)
    one = _json(server, "central", "report", "--campaign", pushed.campaign, "--district", "槐荫区")
    assert (one["inspections"], one["amount_fen"]) == (2, 100000)
    outside = server.command(
        "central", "report", "--campaign", pushed.campaign, "--district", "市中区"
    )
    assert outside.returncode == 1 and "不涉及市中区" in outside.stderr
    if shutil.which("pdftotext"):
        text = _pdf_text(pdf)
        assert f"{NAME}情况报告" in text and "历城区、槐荫区" in text
        assert "2,300.00" in text and "5,000" not in text and "市中区" not in text


def test_the_reports_due_match_the_hand_made_figures(pushed: Pushed) -> None:
    server, folder = pushed.server, pushed.folder

    def due(form: str, day: date, stem: str) -> tuple[dict[str, Any], Path, Path]:
        xlsx, pdf = folder / f"{stem}.xlsx", folder / f"{stem}.pdf"
        data = _json(
            server, "server", "campaign", "report", pushed.campaign[:8],
            "--report", f"{form}:{day}", "--xlsx", str(xlsx), "--pdf", str(pdf),
        )  # fmt: skip
        assert data["bureau"] == CITY
        return data, xlsx, pdf

    situation, xlsx, _pdf = due("情况报告", SITUATION_DUE, "situation")
    assert (situation["inspections"], situation["amount_fen"]) == (3, 210000)
    summary = {r[0]: r[1] for r in openpyxl.load_workbook(xlsx)["汇总"].iter_rows(values_only=True)}
    assert summary["报告期"] == f"{START:%Y-%m-%d} 至 {SITUATION_DUE:%Y-%m-%d}"
    assert summary["检查次数（次）"] == 3 and summary["涉及金额（元）"] == 2100

    stats, xlsx, pdf = due("季度统计表", QUARTERLY_DUE, "quarterly")
    book = openpyxl.load_workbook(xlsx)
    label = [f"{d.year}年第{(d.month - 1) // 3 + 1}季度" for d in (Q1, Q2)]
    assert book.sheetnames == label
    for sheet, rows in zip(
        book.worksheets,
        (  # district, institutions, inspections, findings, involved, recovered
            [("历城区", 1, 1, 1, 1000, 0), ("历城区", 0, 0, 0, 0, 0),
             ("槐荫区", 0, 0, 0, 0, 0), ("槐荫区", 0, 0, 0, 0, 0), ("合计", 1, 1, 1, 1000, 0)],
            [("历城区", 0, 0, 0, 0, 0), ("历城区", 1, 1, 1, 300, 0),
             ("槐荫区", 1, 1, 1, 800, 0), ("槐荫区", 0, 0, 0, 0, 0), ("合计", 2, 2, 2, 1100, 0)],
        ),
        strict=True,
    ):  # fmt: skip
        assert sheet["A1"].value == f"{NAME}医保基金工作情况统计表"
        assert sheet["A2"].value == f"填报单位：{CITY}"
        assert [c.value for c in sheet[3]][:3] == ["区县", "机构类型", "检查机构数（家）"]
        found = [r[:7] for r in sheet.iter_rows(min_row=4, max_row=8, values_only=True)]
        assert [(r[0], *r[2:7]) for r in found] == rows
        assert [r[1] for r in found[:2]] == ["基层医疗机构", "定点零售药店"]  # the library's names
        assert sheet.oddFooter.center.text == "第 &P 页 共 &N 页"
        assert sheet.oddHeader.left.text == CITY
    assert [q["total"]["inspections"] for q in stats["quarters"]] == [1, 2]
    if shutil.which("pdftotext"):
        text = _pdf_text(pdf)
        assert "工作情况统计表" in text and CITY in text and "1,100.00" in text
        assert re.findall(r"第\s*(\d+)\s*页\s*共\s*(\d+)\s*页", text)[-1] == ("2", "2")

    closing, xlsx, pdf = due("总结", SUMMARY_DUE, "summary")
    assert (closing["inspections"], closing["amount_fen"]) == (4, 230000)
    assert closing["title"] == f"{NAME}总结"
    if shutil.which("pdftotext"):
        text = _pdf_text(pdf)
        assert f"{NAME}总结" in text and "总体情况" in text and "典型案例" in text

    wrong = server.command(
        "server", "campaign", "report", pushed.campaign, "--report", f"总结:{TODAY}",
        "--xlsx", str(folder / "x.xlsx"),
    )  # fmt: skip
    assert wrong.returncode == 1 and "没有" in wrong.stderr and f"{TODAY}" in wrong.stderr
    assert not (folder / "x.xlsx").exists()


def test_the_campaign_page_downloads_each_report_a_district_user_only_theirs(
    pushed: Pushed,
) -> None:
    server, folder = pushed.server, pushed.folder
    page = f"/office/campaigns/{pushed.campaign}"
    bureau = OfficeClient(server)
    bureau.sign_in("局端王", PASSWORD)
    html = bureau.get(page).text
    assert html.count(f'action="{page}/report"') == 6  # three reports, Excel and PDF each
    form = {"form": "quarterly_statistics", "due": str(QUARTERLY_DUE), "format": "xlsx"}
    answer = bureau.post(f"{page}/report", form)
    assert answer.status == 200, answer.text
    assert "attachment" in answer.headers["content-disposition"]
    target = folder / "page.xlsx"
    target.write_bytes(answer.body)
    totals = [s["A8"].value for s in openpyxl.load_workbook(target).worksheets]
    assert totals == ["合计", "合计"]
    assert bureau.post(f"{page}/report", form, csrf="forged").status == 403
    pdf = bureau.post(f"{page}/report", {**form, "form": "summary", "due": str(SUMMARY_DUE),
                                         "format": "pdf"})  # fmt: skip
    assert pdf.status == 200 and pdf.body.startswith(b"%PDF")

    district = OfficeClient(server)
    district.sign_in("槐荫区李", PASSWORD)
    mine = district.post(f"{page}/report", form)
    assert mine.status == 200
    target.write_bytes(mine.body)
    book = openpyxl.load_workbook(target)
    shown = [[r[0] for r in s.iter_rows(min_row=4, values_only=True)] for s in book.worksheets]
    assert shown[0][:3] == ["槐荫区", "槐荫区", "合计"] and not any("历城区" in s for s in shown)
    total = book.worksheets[1]["A6"].value, book.worksheets[1]["F6"].value
    assert total == ("合计", 800)  # 槐荫区's total of Q2: b1 only
    # the 情况报告 form: the campaign's choice, 槐荫区's own, another district refused
    report = district.post(
        "/office/report", {"campaign": pushed.campaign, "since": "", "until": "", "format": "xlsx"}
    )
    assert report.status == 200, report.text
    target.write_bytes(report.body)
    summary = {
        r[0]: r[1] for r in openpyxl.load_workbook(target)["汇总"].iter_rows(values_only=True)
    }
    assert summary["检查次数（次）"] == 2 and summary["涉及金额（元）"] == 1000
    assert summary["范围"] == "槐荫区"
    other = district.post(
        "/office/report", {"campaign": pushed.campaign, "district": "历城区", "format": "pdf"}
    )
    assert other.status == 400 and "只能查看槐荫区的情况报告" in other.text
    assert NAME in district.get("/office/report").text  # offered on the form


CHROMIUM = Path("/usr/bin/chromium")


def test_a_browser_clicks_download_on_the_campaign_page(pushed: Pushed) -> None:
    """The 下载 button of the 季度统计表's row, clicked in a browser: the workbook arrives."""
    if not CHROMIUM.exists():
        message = "Debian's chromium is not installed"
        if os.environ.get("INSPECTOR_REQUIRE_POSTGRES"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    server, folder = pushed.server, pushed.folder
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            page = browser.new_page(
                ignore_https_errors=True,
                viewport={"width": 1366, "height": 768},
                accept_downloads=True,
            )
            page.goto(server.url + f"/office/campaigns/{pushed.campaign}")
            page.fill("input[name=name]", "局端王")
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(f"**/office/campaigns/{pushed.campaign}")
            page.screenshot(path=str(folder / "campaign-page.png"), full_page=True)
            button = page.get_by_role("button", name=f"下载季度统计表（{QUARTERLY_DUE}）Excel")
            with page.expect_download() as waiting:
                button.click()
            target = folder / "clicked.xlsx"
            waiting.value.save_as(target)
        finally:
            browser.close()
    book = openpyxl.load_workbook(target)
    assert len(book.worksheets) == 2 and book.worksheets[1]["F8"].value == 1100
