"""The 情况报告 over every laptop (inspector/central/reports.py): two laptops push signed
inspections of two districts, with an amendment and a visit outside the period; the server's
report (its figures, the workbook's cells, the PDF's text) is checked against figures written
down by hand, the case money (refunds, fines, recoveries apart) from the case rows pushed with
them; a district's office user gets its own district only; bad dates are refused."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from inspector.errors import InvalidInput
from inspector.resources import resource_path
from tests.helpers.central import TLS, Cluster, Server
from tests.helpers.office_http import OfficeClient

TODAY = date.today()
SINCE, UNTIL = TODAY - timedelta(days=7), TODAY
OFFICERS = ["370100001", "370100002"]
PASSWORD = "局端-口令-2026"
CITY, LICHENG = "济南市医疗保障局", "济南市历城区医疗保障局"
RENAMED = "本局发布的分解住院类别"


@dataclass
class Pushed:
    server: Server
    folder: Path
    amended: str
    outside: str


def _case_with_money(ws: Any, entry: str) -> None:
    """A decided case on ``entry``: 责令退回 200 (paid 200), 罚款 art. 38 300 on a loss of 200
    (paid 100), and the agreement's 拒付/追回 150 (recovered 150)."""
    from inspector.cases import steps
    from inspector.cases.core import open_case
    from inspector.cases.measures import add_measure, add_payment

    case = open_case(ws, entries=[entry], summary="手工数据")
    steps.file_case(ws, case, on_date=TODAY, officers=OFFICERS, approver="王局长")
    steps.investigate(ws, case, on_date=TODAY, facts="事实", by=OFFICERS[0])
    steps.review(ws, case, on_date=TODAY, reviewer="赵审核", opinion="同意")
    refund = add_measure(ws, case, "refund", amount="200", on_date=TODAY)
    fine = add_measure(ws, case, "fine", article="38", basis="200", amount="300", on_date=TODAY)
    steps.notify(ws, case, on_date=TODAY, by=OFFICERS[0], recipient="负责人")
    steps.waive(ws, case, on_date=TODAY, written=True, by=OFFICERS[0])
    steps.decide(ws, case, on_date=TODAY, approver="王局长")
    add_payment(ws, case, refund.id, amount="200", on_date=TODAY)
    add_payment(ws, case, fine.id, amount="100", on_date=TODAY)
    reject = add_measure(ws, case, "拒付", amount="150", on_date=TODAY)
    add_payment(ws, case, reject.id, amount="150", on_date=TODAY)


def _laptop(server: Server, home: Path, district: str) -> Any:
    from inspector.central.client import enroll
    from inspector.workspace import Workspace
    from tests.helpers.ledger import team_keys

    ws = Workspace.open(home)
    ws.actor = OFFICERS[0]
    keys = team_keys(ws)  # before enrolling: their certificates go with it
    enroll(ws, server.url, server.code(district), server.tls.ca)
    return ws, keys


def _publish_bureaus(server: Server, folder: Path) -> None:
    from tests.helpers.signing_pki import PASS, make_ca, make_p12

    bureau = make_ca()
    p12, secret, body = folder / "bureau.p12", folder / "secret.txt", folder / "bureaus.json"
    p12.write_bytes(make_p12(bureau, CITY, "BUREAU-1"))
    secret.write_text(PASS, encoding="utf-8")
    body.write_text(
        json.dumps(
            [{"name": CITY}, {"name": LICHENG, "district": "历城区", "short": "历城"}],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    # a checklist file whose VH04 the bureau renamed: the report names it as the laptops do
    pack = folder / "violations.yaml"
    data = yaml.safe_load((resource_path("checklists") / "violations.yaml").read_text("utf-8"))
    data["version"] = "2099.1"
    next(v for v in data["violations"] if v["code"] == "VH04")["title"] = RENAMED
    pack.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for kind, path in (("bureaus", body), ("checklist", pack)):
        done = server.command(
            "server", "publish", kind, str(path), "--p12", str(p12),
            "--passphrase-file", str(secret),
        )  # fmt: skip
        assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def pushed(
    postgres: Cluster, tls: TLS, template_home: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Pushed]:
    """By hand (yuan; the period is the last 7 days, today included):

    laptop A (历城区)
      a1   历城区甲卫生院 primary_care     surprise  P5.1 1000 VH04, P5.2 500 —
      a1x  its signed amendment: P5.2 no problem after all, P5.1 1200 (a1's rows 已更正)
      a2   历城区丙医院   private_hospital flying    P5.6  200 VH04; 协议处理 协-1 追回 50;
           a case: 责令退回 200/200, 罚款 300/100, 协议追回 150/150 (pushed with its rows)
      a3   历城区甲卫生院 primary_care     surprise  P5.1 9999 VH04, visited 40 days ago;
           a case registered today on it (no measure yet)
    laptop B (槐荫区)
      b1   槐荫区乙药店   retail_pharmacy  surprise  P4.9  300 VP01; 移送公安 移-1 (移交)
      b2   槐荫区丁诊所   primary_care     random    P5.1  800 VH04; 整改中, 追回 100

    all districts: 4 institutions, 4 inspections (a1 counts as a1x; a3 outside);
      4 findings, 2,500 involved, 150 recovered; VH04 3 / 2,200, VP01 1 / 300;
      pending 2, in progress 1, transferred 1, rectified 0; steps: 协议处理 1, 移送公安 1,
      行政处罚 1 (a2's finding, its case decided);
      历城区 2 / 2 / 2 / 1,400 / 50; 槐荫区 2 / 2 / 2 / 1,100 / 100;
      2 cases registered: 退回 200 / 200, 罚款 300 / 100, 没收 0 / 0, 协议追回 150 / 150;
      典型案例 by amount: 甲卫生院 1,200, 丁诊所 800, 乙药店 300, 丙医院 200.
    """
    from inspector.cases.core import open_case
    from inspector.central.client import push
    from inspector.inspections import save_answer, set_inspection_times
    from inspector.ledger import cases, entries
    from inspector.ledger.entries import search_entries
    from inspector.record.content import amend_inspection
    from tests.helpers.bundle import make_laptop
    from tests.helpers.ledger import plan, sign, signed_inspection

    folder = tmp_path_factory.mktemp("report")
    server = Server(postgres, tls, folder / "central-store")
    server.start()
    try:
        a, keys_a = _laptop(server, make_laptop(template_home, folder / "a", "laptop-a"), "历城区")
        b, keys_b = _laptop(server, make_laptop(template_home, folder / "b", "laptop-b"), "槐荫区")
        try:
            a1 = signed_inspection(
                a, keys_a, "历城区甲卫生院", [("P5.1", "1000", "VH04"), ("P5.2", "500", None)]
            )
            a2 = signed_inspection(
                a,
                keys_a,
                "历城区丙医院",
                [("P5.6", "200", "VH04")],
                type_code="private_hospital",
                mode="flying",
            )
            a3 = plan(a, "历城区甲卫生院")
            visited = datetime.now().astimezone() - timedelta(days=40)
            set_inspection_times(a, a3, visited, visited + timedelta(hours=2))
            save_answer(a, a3, "P5.1", "problem", amount="9999", violation="VH04", note="早先")
            sign(a, a3, keys_a)
            entry_a3 = next(r.id for r in search_entries(a) if r.inspection_id == a3)
            open_case(a, entries=[entry_a3], summary="早先的问题")  # registered today
            a1x = amend_inspection(a, a1)
            save_answer(a, a1x, "P5.2", "ok")
            save_answer(a, a1x, "P5.1", "problem", amount="1200", violation="VH04")
            sign(a, a1x, keys_a)
            entry_a2 = next(r.id for r in search_entries(a) if r.inspection_id == a2)
            cases.add_case_step(
                a, entry_a2, kind="协议处理", on_date=TODAY, receiving_body="市医保局",
                document_no="协-1", recovered="50",
            )  # fmt: skip
            _case_with_money(a, entry_a2)
            b1 = signed_inspection(
                b,
                keys_b,
                "槐荫区乙药店",
                [("P4.9", "300", "VP01")],
                type_code="retail_pharmacy",
                district="槐荫区",
            )
            b2 = signed_inspection(
                b,
                keys_b,
                "槐荫区丁诊所",
                [("P5.1", "800", "VH04")],
                mode="random",
                district="槐荫区",
            )
            rows_b = {r.inspection_id: r.id for r in search_entries(b)}
            cases.add_case_step(
                b, rows_b[b1], kind="移送公安", on_date=TODAY, receiving_body="槐荫区公安分局",
                document_no="移-1",
            )  # fmt: skip
            entries.set_progress(b, rows_b[b2], status="整改中", recovered="100")
            push(a)
            push(b)
        finally:
            a.close()
            b.close()
        _publish_bureaus(server, folder)
        server.office_user("局端王", PASSWORD)
        server.office_user("槐荫区李", PASSWORD, district="槐荫区")
        yield Pushed(server, folder, a1x, a3)
    finally:
        server.kill()


def _report(server: Server, *args: str) -> dict[str, Any]:
    period = () if "--since" in args else ("--since", str(SINCE), "--until", str(UNTIL))
    done = server.command("central", "report", *period, "--json", *args)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


MONEY = {
    "refund": [20000, 20000],
    "fine": [30000, 10000],
    "confiscate": [0, 0],
    "reject": [15000, 15000],
}


def test_the_servers_report_matches_the_hand_made_figures(pushed: Pushed) -> None:
    server, folder = pushed.server, pushed.folder
    held = server.sql(
        "select table_name || '|' || count(*) from rows where table_name in "
        "('cases', 'case_measures', 'case_payments') group by table_name order by 1"
    )
    # the case travelled with laptop A's push
    assert held.split() == ["case_measures|3", "case_payments|3", "cases|2"], held
    xlsx, pdf = folder / "全部.xlsx", folder / "全部.pdf"
    f = _report(server, "--xlsx", str(xlsx), "--pdf", str(pdf))
    assert f["bureau"] == CITY  # the city's bureau, from the bureaus the office published
    assert (f["inspections"], f["institutions"]) == (4, 4)
    counts = {c["code"]: (c["institutions"], c["inspections"]) for c in f["by_type"]}
    assert counts == {"primary_care": (2, 2), "private_hospital": (1, 1), "retail_pharmacy": (1, 1)}
    modes = {c["code"]: (c["institutions"], c["inspections"]) for c in f["by_mode"]}
    assert modes == {"surprise": (2, 2), "flying": (1, 1), "random": (1, 1)}
    assert (f["findings"], f["amount_fen"], f["recovered_fen"]) == (4, 250000, 15000)
    assert {c["code"]: (c["findings"], c["amount_fen"]) for c in f["by_category"]} == {
        "VH04": (3, 220000),
        "VP01": (1, 30000),
    }
    assert f["by_category"][0]["name"] == f"VH04 {RENAMED}"  # as the published checklist says
    assert f["by_status"] == {"pending": 2, "in_progress": 1, "rectified": 0, "transferred": 1}
    assert f["cases"] == {"agreement": 1, "penalty": 1, "police": 1, "discipline": 0}
    assert (f["handed_over"], f["rectified"], f["open"]) == (1, 0, 3)
    assert [
        (d["name"], d["institutions"], d["inspections"], d["findings"], d["amount_fen"],
         d["recovered_fen"])
        for d in f["by_district"]
    ] == [("历城区", 2, 2, 2, 140000, 5000), ("槐荫区", 2, 2, 2, 110000, 10000)]  # fmt: skip
    assert f["case_count"] == 2 and f["case_money"] == MONEY
    assert f["measures"]["refund"] == 1 and f["measures"]["reject"] == 1
    typical = [(t["institution"], t["amount_fen"]) for t in f["typical"]]
    assert typical == [
        ("历城区甲卫生院", 120000),
        ("槐荫区丁诊所", 80000),
        ("槐荫区乙药店", 30000),
        ("历城区丙医院", 20000),
    ]
    assert "移送公安（移-1）" in f["typical"][2]["handling"]
    assert "罚款 300.00 元（已缴 100.00 元）" in f["typical"][3]["handling"]

    # the workbook's cells
    book = openpyxl.load_workbook(xlsx)
    summary = {row[0]: row[1] for row in book["汇总"].iter_rows(min_row=2, values_only=True)}
    assert summary["检查机构数（家）"] == 4 and summary["检查次数（次）"] == 4
    assert summary["发现问题（个）"] == 4 and summary["涉及金额（元）"] == 2500
    assert summary["追回金额（元）"] == 150 and summary["发文单位"] == CITY
    assert (summary["责令退回（元）"], summary["已退回（元）"]) == (200, 200)
    assert (summary["罚款（元）"], summary["已缴罚款（元）"]) == (300, 100)
    assert (summary["协议追回（元）"], summary["已追回（元）"]) == (150, 150)
    districts = list(book["按区县"].iter_rows(min_row=2, values_only=True))
    assert [r[:6] for r in districts] == [
        ("历城区", 2, 2, 2, 1400, 50),
        ("槐荫区", 2, 2, 2, 1100, 100),
    ]
    cases = {r[0]: r[1:] for r in book["案件金额"].iter_rows(min_row=2, values_only=True)}
    assert cases["责令退回"] == (1, 200, 200) and cases["罚款"] == (1, 300, 100)
    narrative = book["情况说明"]
    assert "共检查定点医药机构 4 家、4 次" in narrative["A1"].value
    rows = list(narrative.iter_rows(min_row=5, values_only=True))
    assert [(r[1], r[5]) for r in rows] == [
        ("历城区甲卫生院", 1200),
        ("槐荫区丁诊所", 800),
        ("槐荫区乙药店", 300),
        ("历城区丙医院", 200),
    ]
    assert book["汇总"].oddFooter.center.text == "第 &P 页 共 &N 页"

    # the PDF's text
    if shutil.which("pdftotext") is None:
        pytest.skip("needs poppler-utils")
    text = _pdf_text(pdf)
    assert CITY in text and "全部区县" in text
    assert "2,500.00" in text and "150.00" in text
    assert "典型案例" in text and "历城区甲卫生院（历城区）" in text
    pages = re.findall(r"第\s*(\d+)\s*页\s*共\s*(\d+)\s*页", text)
    assert pages and pages[0] == ("1", str(len(pages))) and pages[-1][0] == str(len(pages))
    assert "9,999" not in text  # the visit outside the period


def test_one_district_and_one_type(pushed: Pushed) -> None:
    server, folder = pushed.server, pushed.folder
    pdf = folder / "历城区.pdf"
    f = _report(server, "--district", "历城区", "--pdf", str(pdf))
    assert f["bureau"] == LICHENG  # the district's own bureau
    assert (f["inspections"], f["institutions"], f["findings"]) == (2, 2, 2)
    assert (f["amount_fen"], f["recovered_fen"]) == (140000, 5000)
    assert f["case_count"] == 2 and f["case_money"] == MONEY
    if shutil.which("pdftotext"):
        text = _pdf_text(pdf)
        assert LICHENG in text and "槐荫区" not in text
    named = _report(server, "--district", "历城区", "--bureau", "山东省医疗保障局")
    assert named["bureau"] == "山东省医疗保障局"  # the unit given wins
    g = _report(server, "--type", "primary_care")
    assert (g["inspections"], g["institutions"], g["findings"], g["amount_fen"]) == (
        2,
        2,
        2,
        200000,
    )
    assert g["bureau"] == CITY
    assert g["case_count"] == 1  # 甲卫生院's; the other is 丙医院's (a private hospital)
    assert g["case_money"]["refund"] == [0, 0]
    assert {c["code"] for c in g["by_type"]} == {"primary_care"}


def test_an_earlier_period_counts_its_own_visit_and_names_the_later_case(pushed: Pushed) -> None:
    """The period of a3's visit: only it; its finding's handling names the case registered
    today, whose money belongs to today's period, not this one."""
    earlier = (str(TODAY - timedelta(days=45)), str(TODAY - timedelta(days=35)))
    f = _report(pushed.server, "--since", earlier[0], "--until", earlier[1])
    assert (f["inspections"], f["findings"], f["amount_fen"]) == (1, 1, 999900)
    assert f["case_count"] == 0 and f["by_district"][0]["name"] == "历城区"
    assert [t["institution"] for t in f["typical"]] == ["历城区甲卫生院"]
    assert f["typical"][0]["handling"].startswith("立案处理（")


def test_bad_dates_are_refused_with_a_clear_message(pushed: Pushed) -> None:
    server = pushed.server
    for args, says in (
        (("--since", "2026-13-01", "--until", "2026-12-31"), "报告期开始日期“2026-13-01”应写成"),
        (("--since", str(UNTIL), "--until", str(SINCE)), "结束日期早于开始日期"),
        (("--until", str(UNTIL)), "请给出报告期开始日期"),
    ):
        done = server.command("central", "report", *args)
        assert done.returncode == 1 and says in done.stderr, done.stderr
    from inspector.central.reports import ask

    with pytest.raises(InvalidInput, match="应写成"):
        ask("0000-01-01", "2026-01-01")


def _report_form(page: str) -> str:
    found = re.search(r'<form[^>]*action="/office/report".*?</form>', page, re.DOTALL)
    assert found is not None, page
    return found.group(0)


def test_a_district_user_gets_only_its_district(pushed: Pushed) -> None:
    """From the office page: 槐荫区's user downloads 槐荫区's report whatever district the
    form names; naming another district is refused with the reason, with no figures; the
    form without the session's CSRF token is refused."""
    server, folder = pushed.server, pushed.folder
    client = OfficeClient(server)
    client.sign_in("槐荫区李", PASSWORD)
    alone = client.get("/office/report")  # the form on a page of its own
    form_html = _report_form(alone.text)
    assert alone.status == 200
    assert 'name="district"' not in form_html and "槐荫区" in form_html  # its own, fixed
    # the desk's one-click reports name no district either: the server takes the user's
    assert 'name="district"' not in _report_form(client.get("/office").text)
    form = {"since": str(SINCE), "until": str(UNTIL), "format": "xlsx"}
    answer = client.post("/office/report", form)
    assert answer.status == 200, answer.text
    assert "attachment" in answer.headers["content-disposition"]
    target = folder / "槐荫区.xlsx"
    target.write_bytes(answer.body)
    book = openpyxl.load_workbook(target)
    summary = {row[0]: row[1] for row in book["汇总"].iter_rows(min_row=2, values_only=True)}
    assert summary["范围"] == "槐荫区" and summary["检查次数（次）"] == 2
    assert summary["涉及金额（元）"] == 1100 and summary["案件（件）"] == 0  # both are 历城区's
    assert [r[0] for r in book["按区县"].iter_rows(min_row=2, values_only=True)] == ["槐荫区"]

    other = client.post("/office/report", {**form, "district": "历城区"})
    assert other.status == 400 and "只能查看槐荫区的情况报告" in other.text
    assert "1,400" not in other.text and "application/vnd" not in other.headers["content-type"]
    forged = client.post("/office/report", form, csrf="forged")
    assert forged.status == 403
    bad = client.post("/office/report", {**form, "until": "2026-02-30"})
    assert bad.status == 400 and "应写成 YYYY-MM-DD" in bad.text

    pdf = client.post("/office/report", {**form, "format": "pdf"})
    assert pdf.status == 200 and pdf.body.startswith(b"%PDF")

    bureau = OfficeClient(server)
    bureau.sign_in("局端王", PASSWORD)
    assert 'name="district"' in _report_form(bureau.get("/office/report").text)
    whole = bureau.post("/office/report", {**form, "district": "历城区"})
    assert whole.status == 200
    target = folder / "历城区-局端.xlsx"
    target.write_bytes(whole.body)
    summary = {
        row[0]: row[1]
        for row in openpyxl.load_workbook(target)["汇总"].iter_rows(min_row=2, values_only=True)
    }
    assert summary["范围"] == "历城区" and summary["涉及金额（元）"] == 1400
