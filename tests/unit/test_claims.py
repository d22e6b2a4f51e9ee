"""Claims sampling (seeds 003, 004): the three rules hold on generated settlement files
(checked against an independent computation), the random rule is seeded and order-free, GBK
CSV and Excel give the same list, bad rows are refused by row number and nothing is stored,
and the team's verdicts on the list."""

from __future__ import annotations

import hashlib
import json
import math
import random
import shutil
import subprocess
from collections import Counter
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.audit import events
from inspector.claims.reader import (
    Header,
    RowError,
    bill_tuple,
    line_parser,
    parse_row,
    row_parser,
)
from inspector.claims.sampling import (
    LARGE,
    RANDOM,
    TOP,
    Rules,
    attach_sample,
    build_sample,
    mark_bill,
    parse_rate,
    samples_of,
)
from inspector.errors import InvalidInput
from inspector.workspace import Workspace
from tests.helpers.claims import HEADER, RULES, claims_inspection, generate, text, write_csv
from tests.helpers.cli import Cli
from tests.helpers.lawful import finish_lawfully, lawful_cli


def write_xlsx(path: Path, rows: list[list[Any]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["结算数据"])
    sheet.append([h.replace("医疗总费用", "医疗总费用（元）") for h in HEADER])
    for row in rows:
        sheet.append([float(v) if isinstance(v, Decimal) else v for v in row])
    book.save(path)
    return path


def expected(rows: list[list[Any]], rules: Rules) -> dict[str, set[str]]:
    """The three rules computed directly from the rows, without the code under test."""

    def when(row: list[Any]) -> date:
        return row[6] if row[4] == "住院" else row[7]

    large = {r[0] for r in rows if r[4] == "住院" and when(r) >= rules.since
             and r[8] * 100 > rules.threshold_fen}  # fmt: skip
    rest = [r[0] for r in rows if when(r) >= rules.since and r[0] not in large]
    k = math.ceil(rules.rate * len(rest))

    def key(bill: str) -> tuple[int, str]:
        digest = hashlib.sha256(f"{rules.seed}/{bill}".encode()).digest()
        return int.from_bytes(digest[:8], "big") >> 1, bill

    drawn = set(sorted(rest, key=key)[:k])
    year = rules.year or max(when(r).year for r in rows if r[4] == "门诊")
    spent: Counter[str] = Counter()
    for r in rows:
        if r[4] == "门诊" and when(r).year == year:
            spent[r[1]] += r[8]
    top_ids = {p for p, _ in sorted(spent.items(), key=lambda kv: (-kv[1], kv[0]))[: rules.top]}
    top = {r[0] for r in rows if r[4] == "门诊" and when(r).year == year and r[1] in top_ids}
    return {LARGE: large, RANDOM: drawn, TOP: top - large - drawn}


def listed(report: Any) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {LARGE: set(), RANDOM: set(), TOP: set()}
    for bill in report.bills:
        found[bill["rule"]].add(bill["bill_no"])
    return found


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_rules_hold_on_generated_files(workspace: Workspace, tmp_path: Path, seed: int) -> None:
    rows = generate(3000, seed)
    report = build_sample(workspace, write_csv(tmp_path / "结算.csv", rows), RULES)
    assert report.ok and report.rows == 3000
    want = expected(rows, RULES)
    assert listed(report) == want
    assert report.counts == {rule: len(bills) for rule, bills in want.items()}
    assert want[LARGE] and want[RANDOM] and want[TOP]
    # The random rule takes at least the rate of the rest, exactly ceil(rate × rest).
    assert report.counts[RANDOM] == math.ceil(Decimal("0.1") * report.rest)


def test_the_random_rule_is_seeded_and_does_not_depend_on_the_order_of_rows(
    workspace: Workspace, tmp_path: Path
) -> None:
    rows = generate(2000)
    first = build_sample(workspace, write_csv(tmp_path / "a.csv", rows), RULES)
    shuffled = rows[:]
    random.Random(9).shuffle(shuffled)
    again = build_sample(workspace, write_csv(tmp_path / "b.csv", shuffled), RULES)
    assert listed(again) == listed(first)
    other = build_sample(
        workspace, write_csv(tmp_path / "c.csv", rows), Rules(since=RULES.since, seed=1, top=20)
    )
    assert listed(other)[RANDOM] != listed(first)[RANDOM]
    assert listed(other)[LARGE] == listed(first)[LARGE]


def test_gbk_csv_utf8_csv_and_excel_give_the_same_list(
    workspace: Workspace, tmp_path: Path
) -> None:
    rows = generate(600)
    gbk = build_sample(workspace, write_csv(tmp_path / "g.csv", rows, "gbk"), RULES)
    utf8 = build_sample(workspace, write_csv(tmp_path / "u.csv", rows, "utf-8-sig"), RULES)
    xlsx = build_sample(workspace, write_xlsx(tmp_path / "x.xlsx", rows), RULES)
    assert gbk.ok and utf8.ok and xlsx.ok
    assert gbk.bills == utf8.bills == xlsx.bills


def test_third_party_review_needs_at_least_ten_percent() -> None:
    with pytest.raises(InvalidInput, match="10%"):
        Rules(since=date(2018, 1, 1), seed=1, rate=Decimal("0.05"), third_party=True).check()
    Rules(since=date(2018, 1, 1), seed=1, rate=parse_rate("10%"), third_party=True).check()
    assert parse_rate("12.5％") == Decimal("0.125")
    with pytest.raises(InvalidInput):
        parse_rate("十")


def test_bad_rows_are_refused_by_row_number_and_nothing_is_stored(
    workspace: Workspace, tmp_path: Path
) -> None:
    rows = [[text(v) for v in row] for row in generate(10)]
    rows[2][8] = "-35.00"  # file row 5 (title, header, then data from row 3)
    rows[4][7] = "2023-02-30"
    rows[4][6] = "2023-02-30"
    rows[6][0] = rows[0][0]  # a repeated 结算单号, row 9
    rows[7][4] = "体检"
    path = write_csv(tmp_path / "坏.csv", rows)
    report = build_sample(workspace, path, RULES)
    assert not report.ok
    assert [r.row for r in report.refused] == [5, 7, 9, 10]
    reasons = {r.row: r.reason for r in report.refused}
    assert "负数" in reasons[5]
    assert "日期" in reasons[7]
    assert "与第 3 行重复" in reasons[9]
    assert "就诊类型" in reasons[10]
    inspection = claims_inspection(workspace)
    before = len(events(workspace))
    with pytest.raises(InvalidInput, match="4 行被拒绝"):
        attach_sample(workspace, inspection, report, RULES)
    assert len(events(workspace)) == before
    assert samples_of(workspace, inspection) == []


def test_a_file_without_the_needed_columns_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "缺列.csv"
    path.write_text("姓名,医疗总费用\n张三,12\n", encoding="gbk")
    with pytest.raises(InvalidInput, match="结算单号"):
        build_sample(workspace, path, RULES)


CELL = st.one_of(
    st.sampled_from(["", " ", "12", "12.5", "12.50", "0.00", "1,234.56", "-3", "12.345", "1e3",
                     "2023-01-05", "2023/1/5", "2023年1月5日", "20230105", "2023-02-30", "住院",
                     "门诊", "门诊规定病种", "其他", "Ａ１", "\u3000x"]),
    st.text(max_size=6),
    st.from_regex(r"[0-9]{1,12}(\.[0-9]{1,3})?", fullmatch=True),
    st.from_regex(r"20[0-9]{2}-[01][0-9]-[0-3][0-9]", fullmatch=True),
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(CELL, min_size=11, max_size=11))
def test_the_fast_and_the_full_row_parsers_agree(cells: list[str]) -> None:
    header = Header(row=1, columns={f: i for i, f in enumerate(
        ["bill_no", "patient_id", "patient_name", "institution", "kind", "admitted",
         "discharged", "visit_date", "total", "fund", "items"])}, ignored=[])  # fmt: skip
    fast = row_parser(header)
    try:
        full: Any = bill_tuple(parse_row(7, cells, header))
    except RowError as error:
        full = ("refused", str(error))
    try:
        quick: Any = fast(7, cells)
    except RowError as error:
        quick = ("refused", str(error))
    if quick is None:  # blank
        assert not "".join(cells).strip()
        return
    assert quick == full
    # A CSV line without quotes goes through the line parser: the same tuple or refusal.
    if any(c in "".join(cells) for c in ',"\r\n'):
        return
    try:
        from_line: Any = line_parser(header, ",")(7, ",".join(cells) + "\r\n")
    except RowError as error:
        from_line = ("refused", str(error))
    assert from_line == full


def test_the_list_is_attached_in_one_event_and_the_team_marks_each_bill(
    workspace: Workspace, tmp_path: Path
) -> None:
    inspection = claims_inspection(workspace)
    report = build_sample(workspace, write_csv(tmp_path / "s.csv", generate(800)), RULES)
    before = len(events(workspace))
    attach_sample(workspace, inspection, report, RULES)
    logged = events(workspace)
    assert len(logged) == before + 1 and logged[-1].action == "claims.sample"
    details = json.loads(logged[-1].body)["details"]
    assert details["rules"]["seed"] == RULES.seed and details["bills"] == len(report.bills)
    (sample,) = samples_of(workspace, inspection)
    assert "种子 20261203" in sample.rules["description"]
    assert {b.bill_no for b in sample.bills} == {b["bill_no"] for b in report.bills}
    assert all(b.verdict == "pending" for b in sample.bills)
    first, second = sample.bills[0].bill_no, sample.bills[1].bill_no
    mark_bill(workspace, inspection, first, "ok")
    mark_bill(workspace, inspection, second, "problem", "住院天数与护理记录不符")
    with pytest.raises(InvalidInput, match="写明问题"):
        mark_bill(workspace, inspection, second, "problem", "")
    with pytest.raises(InvalidInput):
        mark_bill(workspace, inspection, second, "maybe")
    (sample,) = samples_of(workspace, inspection)
    marks = {b.bill_no: (b.verdict_name, b.note) for b in sample.bills}
    assert marks[first] == ("核实无误", "")
    assert marks[second] == ("发现问题", "住院天数与护理记录不符")
    finish_lawfully(workspace, inspection)
    with pytest.raises(InvalidInput):
        mark_bill(workspace, inspection, first, "problem", "改")


def test_claims_commands(cli: Cli, workspace: Workspace, tmp_path: Path) -> None:
    inspection = claims_inspection(workspace)
    path = write_csv(tmp_path / "结算.csv", generate(500))
    out, _ = cli("claims", "sample", inspection[:8], str(path), "--since", "2018-01-01",
                 "--seed", "42", "--top", "10", "--json")  # fmt: skip
    data = json.loads(out)
    assert data["rows"] == 500 and data["sample_id"] and data["bills"] > 0
    out, _ = cli("claims", "list", inspection[:8], "--rule", "large_inpatient")
    bill_no = out.splitlines()[2].split()[0]
    cli("claims", "mark", inspection[:8], bill_no, "--result", "发现问题", "--note", "虚记床位费")
    out, _ = cli("claims", "list", inspection[:8], "--verdict", "problem")
    assert bill_no in out and "虚记床位费" in out
    bad = [[text(v) for v in row] for row in generate(5)]
    bad[1][8] = "abc"
    _, _ = cli("claims", "sample", inspection[:8], str(write_csv(tmp_path / "b.csv", bad)),
               "--since", "2018-01-01", "--seed", "1", expect=1)  # fmt: skip
    out, _ = cli("claims", "list", inspection[:8], "--json")
    assert len(json.loads(out)) == 1  # the bad file added no list
    _, err = cli("claims", "sample", inspection[:8], str(path), "--since", "2018-13-01",
                 "--seed", "1", expect=1)  # fmt: skip
    assert "YYYY-MM-DD" in err
    _, err = cli("claims", "sample", inspection[:8], str(path), "--since", "2018-01-01",
                 "--seed", "1", "--rate", "5%", "--third-party", expect=1)  # fmt: skip
    assert "10%" in err
    assert datetime  # keep the import used for typed cells in other tests


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_record_states_the_sample_its_rule_and_seed_and_the_bills_found_wrong(
    cli: Cli, workspace: Workspace, tmp_path: Path
) -> None:
    inspection = claims_inspection(workspace)
    path = write_csv(tmp_path / "结算.csv", generate(400))
    cli("claims", "sample", inspection[:8], str(path), "--since", "2018-01-01",
        "--seed", "20261203", "--top", "5")  # fmt: skip
    out, _ = cli("claims", "list", inspection[:8], "--rule", "large_inpatient")
    bill_no = out.splitlines()[2].split()[0]
    cli("claims", "mark", inspection[:8], bill_no, "--result", "发现问题", "--note", "虚记床位费")
    lawful_cli(cli, inspection[:8])
    cli("inspection", "finish", inspection[:8])
    pdf = tmp_path / "record.pdf"
    cli("record", "build", inspection[:8], "--out", str(pdf))
    text_of = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.replace("\n", "")
    assert "结算数据抽样核查" in text_of and "种子 20261203" in text_of
    assert "结算.csv" in text_of and bill_no in text_of and "虚记床位费" in text_of
    assert "发现问题 1 张" in text_of
