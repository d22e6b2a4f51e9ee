"""The bureau's story, end to end, through the real faces only: the command line of the office
(``python main.py server …`` and ``central report`` against the central service on a throwaway
PostgreSQL) and of two laptops (in process), real signatures (the office's key on every package,
the inspectors' keys on the records, the 负责人's on the case's notice).

1. The office publishes its registry, roster and bureaus and makes a campaign (专项行动) of two
   districts with its phases and a report deadline, signed with its key.
2. Laptop A (历城区) and laptop B (槐荫区) pull the campaign; the office draws a visit for each
   team (``server draw``) and assigns a lead to A's team (``server assign-leads``); each laptop
   pulls its assignments, carries out its visit (findings with amounts, the record signed by
   both inspectors), A answers its lead and carries a finding through a case to a decision
   served (责令退回 paid, 罚款 partly paid), B records a recovery in its ledger; both push.
3. The office sees both visits in the campaign's coverage, the visits 已签署 and the lead
   已核查, and its 情况报告 over the campaign's period: every figure equal to FIGURES below,
   written down by hand, in the JSON, the workbook's cells and the PDF's text.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from inspector.db.models import institution_id
from tests.helpers.assignments import (
    enroll,
    office_key,
    publish,
    publish_registry_and_roster,
    server_json,
)
from tests.helpers.bundle import make_laptop, sign_by_keys
from tests.helpers.cases import HEAD, REVIEWER, carry_case
from tests.helpers.central import Server, sync_push
from tests.helpers.cli import Cli

TODAY = date.today()
CAMPAIGN_START, CAMPAIGN_END = TODAY - timedelta(days=20), TODAY + timedelta(days=40)
CITY = "济南市医疗保障局"

# The office's registry: two institutions of the campaign's type in each of its districts,
# and two it does not cover (a pharmacy, another district).
A_PLACE, B_PLACE = "历城区甲社区卫生服务中心", "槐荫区丙社区卫生服务中心"
REGISTRY = [
    ["机构名称", "机构类型", "所在区县", "协议编号"],
    [A_PLACE, "社区卫生服务中心", "历城区", "JN-101"],
    ["历城区乙卫生院", "基层医疗机构", "历城区", "JN-102"],
    [B_PLACE, "社区卫生服务中心", "槐荫区", "JN-201"],
    ["槐荫区丁卫生院", "基层医疗机构", "槐荫区", "JN-202"],
    ["历城区某大药房", "定点药店", "历城区", "JN-103"],
    ["市中区某卫生院", "基层医疗机构", "市中区", "JN-301"],
]
# The roster: a team in each district (its leader first), and the bureau's 负责人 and legal
# reviewer (they carry the case; the roster makes them known on the laptops).
A_TEAM = (("李娜", "370100002"), ("张伟", "370100001"))
B_TEAM = (("赵敏", "370100006"), ("王强", "370100005"))
ROSTER = [
    ("张伟", "370100001", "历城区", False),
    ("李娜", "370100002", "历城区", True),
    (REVIEWER[0], REVIEWER[1], "市本级", False),
    (HEAD[0], HEAD[1], "市本级", False),
    ("王强", "370100005", "槐荫区", False),
    ("赵敏", "370100006", "槐荫区", True),
]
# Public random sources (RFC 3797) under which the draw sends each district's team to an
# institution of its own district (a laptop pushes the districts it is enrolled for only).
SOURCES = "129 / 7 13"

# The data set, by hand (yuan; fen where the JSON counts fen):
#   A  历城区甲社区卫生服务中心  P5.1 挂床住院 1,200 VH04 -> case: 责令退回 1,200 (paid 1,200),
#                                                               罚款 1,500 (paid 500)
#                                XS1  the lead JB-29 冒名住院 found 属实, 300 (no category: a
#                                     lead's finding is entered as the lead, not as an item)
#   B  槐荫区丙社区卫生服务中心  P5.1 挂床住院   800 VH04 -> 整改中, 追回 100
#                                P5.2 冒名住院   500 VH01
FIGURES: dict[str, Any] = {
    "inspections": 2,
    "institutions": 2,
    "findings": 4,
    "amount_fen": 280000,  # 1,200 + 300 + 800 + 500
    "recovered_fen": 10000,  # B's 追回 100
    "by_category": {"VH04": (2, 200000), None: (1, 30000), "VH01": (1, 50000)},
    "by_district": [
        # name, institutions, inspections, findings, amount, recovered
        ("历城区", 1, 1, 2, 150000, 0),
        ("槐荫区", 1, 1, 2, 130000, 10000),
    ],
    # the findings handled by each way: A's 挂床住院 by the penalty its case decided
    "handling": {"agreement": 0, "penalty": 1, "police": 0, "discipline": 0},
    "case_count": 1,
    # [decided, paid]: refunds, fines and the agreement's recoveries apart
    "case_money": {
        "refund": [120000, 120000],
        "fine": [150000, 50000],
        "confiscate": [0, 0],
        "reject": [0, 0],
    },
    "typical": [(A_PLACE, 120000), (B_PLACE, 80000), (B_PLACE, 50000), (A_PLACE, 30000)],
}


def _yuan(fen: int) -> int:
    return fen // 100


def _money(fen: int) -> str:
    """As the PDF prints an amount: yuan with thousands separated and two decimals."""
    return f"{fen // 100:,}.{fen % 100:02d}"


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _laptop(
    template_home: Path,
    where: Path,
    capsys: pytest.CaptureFixture[str],
    team: Sequence[tuple[str, str]],
) -> tuple[Cli, dict[str, str]]:
    """A laptop with a trial key for each member of its team (made before it enrolls, so
    their certificates go with the enrollment)."""
    cli = Cli(make_laptop(template_home, where, f"laptop-{where.name}"), capsys)
    keys = {}
    for name, cert in team:
        out, _ = cli("key", "trial", "--name", name, "--cert-no", cert, "--json")
        keys[cert] = json.loads(out)["key_id"]
    return cli, keys


def _finding(cli: Cli, visit: str, item: str, amount: str, violation: str, note: str) -> None:
    cli("answer", visit, item, "--result", "problem", "--note", note, "--amount", amount,
        "--violation", violation)  # fmt: skip


def test_a_campaign_goes_to_two_laptops_and_the_report_matches_the_hand_made_figures(
    server: Server,
    template_home: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("INSPECTOR_KEY_PASSPHRASE", "口令-正确-1234")

    # --- 1. the office: registry, roster, bureaus, and the campaign, signed with its key -----
    ca, p12 = office_key(server, tmp_path)
    secret = p12.parent / "secret.txt"
    publish_registry_and_roster(server, p12, tmp_path, REGISTRY, ROSTER)
    bureaus = tmp_path / "bureaus.json"
    bureaus.write_text(json.dumps([{"name": CITY}], ensure_ascii=False), encoding="utf-8")
    publish(server, "bureaus", bureaus, p12)
    focus_end = CAMPAIGN_START + timedelta(days=9)
    made = server_json(
        server, "server", "campaign", "create", "--name", "打击欺诈骗保专项行动",
        "--doc-no", "济医保发〔2026〕29号",
        "--phase", f"自查自纠:{CAMPAIGN_START}:{focus_end}",
        "--phase", f"集中检查:{focus_end + timedelta(days=1)}:{CAMPAIGN_END}",
        "--type", "primary_care", "--district", "历城区", "--district", "槐荫区",
        "--report", f"情况报告:{TODAY + timedelta(days=10)}",
        "--p12", str(p12), "--passphrase-file", str(secret),
    )  # fmt: skip
    campaign = made["campaign"]["id"]

    # --- 2. two laptops pull it --------------------------------------------------------------
    a, keys_a = _laptop(template_home, tmp_path / "licheng", capsys, A_TEAM)
    b, keys_b = _laptop(template_home, tmp_path / "huaiyin", capsys, B_TEAM)
    for laptop, district, team in ((a, "历城区", A_TEAM), (b, "槐荫区", B_TEAM)):
        enroll(laptop, server, ca, district)
        out, _ = laptop("sync", "pull", "--json")
        installed = {i["kind"] for i in json.loads(out)["installed"]}
        assert {"registry", "roster", "campaign", "bureaus"} <= installed
        out, _ = laptop("campaign", "list", "--json")
        (view,) = json.loads(out)
        assert view["campaign"]["id"] == campaign and view["phase"] == "集中检查"
        assert view["district"] == district
        laptop("config", "current_inspector", team[0][1])

    # The office draws within the campaign (its types and districts) and assigns a lead; the
    # visits drawn reach the laptops tagged with the campaign.
    drawn = server_json(
        server, "server", "draw", "--sources", SOURCES, "--count", "2", "--method", "rfc3797",
        "--campaign", campaign, "--days", "10", "--title", "打击欺诈骗保专项行动 双随机抽查",
    )  # fmt: skip
    drawn_teams = {team["institution_id"]: team["team"] for team in drawn["result"]}
    assert drawn_teams == {
        institution_id("JN-101", A_PLACE, "历城区"): [cert for _name, cert in A_TEAM],
        institution_id("JN-201", B_PLACE, "槐荫区"): [cert for _name, cert in B_TEAM],
    }
    leads = tmp_path / "线索.csv"
    leads.write_text(f"线索编号,机构名称,线索内容\nJB-29,{A_PLACE},冒名住院\n", encoding="utf-8")
    server_json(server, "server", "assign-leads", "--file", str(leads), "--inspector",
                A_TEAM[0][1], "--inspector", A_TEAM[1][1], "--days", "10")  # fmt: skip

    # each laptop pulls its own assignments: A a visit and the lead, B a visit
    visits = {}
    for laptop, place, wanted in ((a, A_PLACE, (1, 1)), (b, B_PLACE, (1, 0))):
        out, _ = laptop("sync", "assignments", "--json")
        pulled = json.loads(out)
        assert (pulled["pulled"]["visits"], pulled["pulled"]["leads"]) == wanted
        (visit,) = [x["inspection_id"] for x in pulled["assignments"] if x["kind"] == "inspection"]
        out, _ = laptop("inspection", "show", visit, "--json")
        assert json.loads(out)["institution"]["name"] == place
        visits[place] = visit
    visit_a, visit_b = visits[A_PLACE], visits[B_PLACE]

    # A: the visit, the lead answered on it, the record signed by both inspectors
    _finding(a, visit_a, "P5.1", "1200", "VH04", "挂床住院 3 人次")
    a("lead", "attach", visit_a, "JB-29")
    a("lead", "verify", visit_a, "JB-29", "--verdict", "属实", "--note", "冒名住院 1 人次",
      "--amount", "300")  # fmt: skip
    sign_by_keys(a, visit_a, keys_a, tmp_path, members=A_TEAM[::-1])  # the leader last
    # A: the 挂床住院 finding carried through a case to its decision, served and paid
    out, _ = a("ledger", "list", "--json")
    (entry,) = [e["id"] for e in json.loads(out)["entries"] if e["item_code"] == "P5.1"]
    carry_case(a, visit_a, entry[:8], officers=(A_TEAM[1][1], A_TEAM[0][1]), amount="1200",
               fine="1500", fine_paid="500")  # fmt: skip
    # B: its visit signed, and the institution's 整改 with 100 recovered
    _finding(b, visit_b, "P5.1", "800", "VH04", "挂床住院 2 人次")
    _finding(b, visit_b, "P5.2", "500", "VH01", "冒名住院 2 人次")
    sign_by_keys(b, visit_b, keys_b, tmp_path, members=B_TEAM[::-1])
    out, _ = b("ledger", "list", "--json")
    (entry,) = [e["id"] for e in json.loads(out)["entries"] if e["item_code"] == "P5.1"]
    b("ledger", "progress", entry[:8], "--status", "整改中", "--recovered", "100")
    for laptop in (a, b):
        sync_push(laptop)

    # --- 3. what the office sees ---------------------------------------------------------------
    progress = server_json(server, "server", "campaign", "show", campaign[:8])
    coverage = {
        d["district"]: (d["inspected"], d["in_scope"]) for d in progress["coverage"]["districts"]
    }
    assert coverage == {"历城区": (1, 2), "槐荫区": (1, 2)}
    assert progress["tagged"] == {"inspections": 2, "signed": 2}
    assert [d["title"] for d in progress["due"]] == ["情况报告"] and not progress["late"]
    status = server_json(server, "server", "assignments")["status"]
    assert status["visits"]["已签署"] == 2 and sum(status["visits"].values()) == 2
    assert status["leads"] == {"已交办": 0, "已核查": 1, "逾期": 0}

    signed = server.sql("select id || ' ' || status from inspections order by id").split("\n")
    assert [line for line in signed if line] == sorted(f"{v} signed" for v in (visit_a, visit_b))

    # the 情况报告 over the campaign's period, against the figures written down by hand
    xlsx, pdf = tmp_path / "情况报告.xlsx", tmp_path / "情况报告.pdf"
    f = server_json(server, "central", "report", "--since", str(CAMPAIGN_START), "--until",
                    str(CAMPAIGN_END), "--xlsx", str(xlsx), "--pdf", str(pdf))  # fmt: skip
    want = FIGURES
    assert f["bureau"] == CITY
    assert (f["inspections"], f["institutions"]) == (want["inspections"], want["institutions"])
    assert (f["findings"], f["amount_fen"], f["recovered_fen"]) == (
        want["findings"], want["amount_fen"], want["recovered_fen"],
    )  # fmt: skip
    assert {c["code"]: (c["findings"], c["amount_fen"]) for c in f["by_category"]} == (
        want["by_category"]
    )
    assert [
        (d["name"], d["institutions"], d["inspections"], d["findings"], d["amount_fen"],
         d["recovered_fen"])
        for d in f["by_district"]
    ] == want["by_district"]  # fmt: skip
    assert f["cases"] == want["handling"]
    assert f["case_count"] == want["case_count"] and f["case_money"] == want["case_money"]
    assert [(t["institution"], t["amount_fen"]) for t in f["typical"]] == want["typical"]
    assert "罚款 1,500.00 元（已缴 500.00 元）" in f["typical"][0]["handling"]  # the case's money

    # the workbook's cells
    book = openpyxl.load_workbook(xlsx)
    summary = {row[0]: row[1] for row in book["汇总"].iter_rows(min_row=2, values_only=True)}
    money = want["case_money"]
    assert summary["发文单位"] == CITY
    assert summary["检查机构数（家）"] == want["institutions"]
    assert summary["检查次数（次）"] == want["inspections"]
    assert summary["发现问题（个）"] == want["findings"]
    assert summary["涉及金额（元）"] == _yuan(want["amount_fen"])
    assert summary["追回金额（元）"] == _yuan(want["recovered_fen"])
    assert (summary["责令退回（元）"], summary["已退回（元）"]) == tuple(
        map(_yuan, money["refund"])
    )
    assert (summary["罚款（元）"], summary["已缴罚款（元）"]) == tuple(map(_yuan, money["fine"]))
    assert (summary["协议追回（元）"], summary["已追回（元）"]) == tuple(
        map(_yuan, money["reject"])
    )
    districts = [r[:6] for r in book["按区县"].iter_rows(min_row=2, values_only=True)]
    assert districts == [
        (name, places, visits_, found, _yuan(amount), _yuan(recovered))
        for name, places, visits_, found, amount, recovered in want["by_district"]
    ]
    cases = {r[0]: r[1:] for r in book["案件金额"].iter_rows(min_row=2, values_only=True)}
    assert cases["责令退回"] == (1, *map(_yuan, money["refund"]))
    assert cases["罚款"] == (1, *map(_yuan, money["fine"]))
    handling = dict(book["案件处理"].iter_rows(min_row=2, values_only=True))
    assert handling["行政处罚"] == want["handling"]["penalty"]

    # the PDF's text: the 总体情况 paragraph, the summary's rows, the districts' rows
    if shutil.which("pdftotext") is None:
        pytest.skip("needs poppler-utils")
    text = _pdf_text(pdf)
    flat = re.sub(r"\s+", "", text)  # the paragraph wraps anywhere
    assert CITY in text and "典型案例" in text and A_PLACE in text
    assert (
        f"共检查定点医药机构{want['institutions']}家、{want['inspections']}次，"
        f"发现问题{want['findings']}个，涉及金额{_money(want['amount_fen'])}元，"
        f"追回金额{_money(want['recovered_fen'])}元"
    ) in flat
    paid = {kind: [_money(fen) for fen in pair] for kind, pair in money.items()}
    assert (
        f"本期登记案件{want['case_count']}件，"
        f"其中责令退回{paid['refund'][0]}元（已缴{paid['refund'][1]}元），"
        f"罚款{paid['fine'][0]}元（已缴{paid['fine'][1]}元），"
        f"没收违法所得{paid['confiscate'][0]}元（已缴{paid['confiscate'][1]}元），"
        f"协议追回{paid['reject'][0]}元（已缴{paid['reject'][1]}元）"
    ) in flat
    rows: dict[str, list[str]] = {}  # each line by its first word (the first such line)
    for words in map(str.split, text.splitlines()):
        if words:
            rows.setdefault(words[0], words[1:])
    for label, shown in (
        ("涉及金额（元）", _money(want["amount_fen"])),
        ("追回金额（元）", _money(want["recovered_fen"])),
        ("责令退回（元）", paid["refund"][0]),
        ("已退回（元）", paid["refund"][1]),
        ("罚款（元）", paid["fine"][0]),
        ("已缴罚款（元）", paid["fine"][1]),
        ("协议追回（元）", paid["reject"][0]),
        ("已追回（元）", paid["reject"][1]),
    ):
        assert rows[label] == [shown], (label, rows.get(label))
    for name, places, visits_, found, amount, recovered in want["by_district"]:
        assert rows[name][:5] == [
            str(places), str(visits_), str(found), _money(amount), _money(recovered),
        ], (name, rows[name])  # fmt: skip
