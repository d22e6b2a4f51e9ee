"""The case procedure on the command line: one finding of a signed visit carried through every
stage to 结案, each skipped step refused (exit 1, the rule named, nothing stored changed), a
fine out of its article's range, dates in the future or before the visit, ``case due`` and
``case export``; ``ledger case`` keeps 协议处理 and sends a 行政处罚 to ``case open``."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

from tests.helpers.cli import Cli, new_inspection, sign_by_hand, trial_keys

TODAY = date.today().isoformat()


@pytest.fixture
def keys(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    return trial_keys(cli, monkeypatch)


def _finding(cli: Cli, keys: dict[str, str], tmp_path: Path) -> str:
    inspection = new_inspection(cli, "--leader", "370100002")
    cli(
        "answer",
        inspection,
        "P5.1",
        "--result",
        "problem",
        "--note",
        "串换药品",
        "--amount",
        "1200",
        "--violation",
        "VH04",
    )
    sign_by_hand(cli, inspection, tmp_path)
    cli("record", "sign", inspection, "--key", keys["370100001"])
    cli("record", "sign", inspection, "--key", keys["370100002"])
    out, _ = cli("ledger", "list", "--json")
    return str(json.loads(out)["entries"][0]["id"][:8])


def _shown(cli: Cli, case: str) -> dict[str, object]:
    out, _ = cli("case", "show", case, "--json")
    return dict(json.loads(out))


def refused(cli: Cli, case: str, *args: str, says: tuple[str, ...]) -> str:
    """The command exits 1 with a message naming ``says``; the case is as it was."""
    before = _shown(cli, case)
    _out, err = cli(*args, expect=1)
    for word in says:
        assert word in err, err
    assert _shown(cli, case) == before
    return err


def test_one_finding_through_every_stage_to_closed(
    cli: Cli, keys: dict[str, str], tmp_path: Path
) -> None:
    entry = _finding(cli, keys, tmp_path)
    out, _ = cli("case", "open", entry, "--summary", "串换药品", "--json")
    case = json.loads(out)["id"][:8]
    assert json.loads(out)["stage"] == "open"
    # Each step before its turn is refused with its rule.
    refused(
        cli,
        case,
        "case",
        "investigate",
        case,
        "--facts",
        "x",
        "--by",
        "370100001",
        says=("待立案", "调查终结须在立案之后"),
    )
    refused(
        cli, case, "case", "decide", case, "--approver", "王局长", says=("行政处罚法第四十四条",)
    )
    refused(
        cli,
        case,
        "case",
        "file",
        case,
        "--officer",
        "370100001",
        "--approver",
        "王局长",
        says=("至少两名执法人员", "第四十二条"),
    )
    cli(
        "case",
        "file",
        case,
        "--officer",
        "370100001",
        "--officer",
        "370100002",
        "--approver",
        "王局长",
        "--doc-no",
        "历医保立〔2026〕1号",
    )
    refused(
        cli,
        case,
        "case",
        "review",
        case,
        "--reviewer",
        "赵审核",
        "--opinion",
        "同意",
        says=("法制审核须在调查终结之后",),
    )
    cli(
        "case",
        "investigate",
        case,
        "--facts",
        "串换药品 1,200 元",
        "--evidence",
        "处方、结算单",
        "--by",
        "370100001",
    )
    refused(
        cli,
        case,
        "case",
        "notify",
        case,
        "--by",
        "370100001",
        "--recipient",
        "钱院长",
        says=("事先告知须在法制审核通过之后",),
    )
    refused(
        cli,
        case,
        "case",
        "review",
        case,
        "--reviewer",
        "张伟",
        "--opinion",
        "同意",
        says=("法制审核人员不能是本案承办人",),
    )
    cli(
        "case", "review", case, "--reviewer", "赵审核", "--reviewer-no", "F001", "--opinion", "同意"
    )
    refused(
        cli,
        case,
        "case",
        "measure",
        case,
        "fine",
        "--article",
        "38",
        "--basis",
        "1200",
        "--amount",
        "3000",
        says=("高于条例第38条的上限 2,400.00 元",),
    )
    out, _ = cli("case", "measure", case, "refund", "--amount", "1200", "--json")
    refund = json.loads(out)["id"][:8]
    out, _ = cli(
        "case",
        "measure",
        case,
        "fine",
        "--article",
        "38",
        "--basis",
        "1200",
        "--amount",
        "1500",
        "--discretion",
        "从轻",
        "--reason",
        "主动退回",
        "--json",
    )
    fine = json.loads(out)["id"][:8]
    cli("case", "notify", case, "--by", "370100001", "--recipient", "钱院长")
    refused(
        cli,
        case,
        "case",
        "decide",
        case,
        "--approver",
        "王局长",
        says=("陈述申辩期限至", "第六十二条"),
    )
    cli("case", "waive", case, "--written", "--by", "370100002")
    refused(
        cli,
        case,
        "case",
        "serve",
        case,
        "--way",
        "直接",
        "--recipient",
        "钱院长",
        "--by",
        "370100001",
        says=("送达须在作出决定之后",),
    )
    cli("case", "decide", case, "--approver", "王局长", "--doc-no", "历医保罚〔2026〕1号")
    refused(
        cli,
        case,
        "case",
        "serve",
        case,
        "--way",
        "留置",
        "--recipient",
        "钱院长",
        "--by",
        "370100001",
        says=("见证人",),
    )
    cli(
        "case",
        "serve",
        case,
        "--way",
        "留置",
        "--recipient",
        "钱院长",
        "--witness",
        "孙某",
        "--by",
        "370100001",
    )
    refused(cli, case, "case", "close", case, "--approver", "王局长", says=("结案须在执行完毕",))
    refused(
        cli,
        case,
        "case",
        "execute",
        case,
        "--by",
        "370100001",
        says=("尚未缴清", "责令退回 1,200.00 元", "罚款 1,500.00 元"),
    )
    cli("case", "pay", case, refund, "--amount", "1200", "--receipt", "R-1")
    refused(
        cli,
        case,
        "case",
        "pay",
        case,
        fine,
        "--amount",
        "1500.01",
        says=("超过罚款金额 1,500.00 元",),
    )
    cli("case", "pay", case, fine, "--amount", "1500")
    cli("case", "execute", case, "--by", "370100001")
    cli("case", "close", case, "--approver", "王局长")
    shown = _shown(cli, case)
    assert shown["stage"] == "closed"
    kinds = [step["kind"] for step in shown["steps"]]  # type: ignore[attr-defined]
    assert kinds == [
        "file",
        "investigate",
        "review",
        "notify",
        "waive",
        "decide",
        "serve",
        "execute",
        "close",
    ]
    out, _ = cli("case", "show", case)
    assert "已结案" in out and "留置送达，受送达人 钱院长，见证人 孙某" in out
    assert "罚款  条例第38条  1,500.00 元，已缴 1,500.00 元" in out
    out, _ = cli("case", "list", "--stage", "active")
    assert "没有符合条件的案件" in out
    out, _ = cli("ledger", "show", entry)
    assert f"案件：{case}  已结案" in out
    out, _ = cli("report", "--since", TODAY, "--until", TODAY, "--json")
    figures = json.loads(out)
    assert figures["case_count"] == 1
    assert figures["case_money"]["refund"] == [120000, 120000]
    assert figures["case_money"]["fine"] == [150000, 150000]
    assert (figures["measures"]["refund"], figures["measures"]["fine"]) == (1, 1)
    out, _ = cli("report", "--since", TODAY, "--until", TODAY)
    assert "罚款：1 项，决定 1,500.00 元，已缴 1,500.00 元" in out


def test_dates_in_the_future_or_before_the_visit_are_refused(
    cli: Cli, keys: dict[str, str], tmp_path: Path
) -> None:
    entry = _finding(cli, keys, tmp_path)
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    _out, err = cli("case", "open", entry, "--date", yesterday, expect=1)
    assert "早于检查日期" in err
    _out, err = cli("case", "open", entry, "--date", tomorrow, expect=1)
    assert "晚于今天" in err
    out, _ = cli("case", "list")
    assert "没有符合条件的案件" in out
    out, _ = cli("case", "open", entry, "--json")
    case = json.loads(out)["id"][:8]
    refused(
        cli,
        case,
        "case",
        "file",
        case,
        "--officer",
        "370100001",
        "--officer",
        "370100002",
        "--approver",
        "王局长",
        "--date",
        tomorrow,
        says=("晚于今天",),
    )


def test_ledger_case_keeps_agreement_handling_and_sends_a_penalty_to_case_open(
    cli: Cli, keys: dict[str, str], tmp_path: Path
) -> None:
    entry = _finding(cli, keys, tmp_path)
    _out, err = cli(
        "ledger",
        "case",
        entry,
        "--kind",
        "行政处罚",
        "--date",
        TODAY,
        "--body",
        "历城区医疗保障局",
        "--doc-no",
        "历医保罚〔2026〕9号",
        expect=1,
    )
    assert "case open" in err
    out, _ = cli("ledger", "show", entry)
    assert "历医保罚〔2026〕9号" not in out
    cli(
        "ledger",
        "case",
        entry,
        "--kind",
        "协议处理",
        "--date",
        TODAY,
        "--body",
        "历城区医保中心",
        "--doc-no",
        "协议〔2026〕1号",
        "--recovered",
        "100",
    )


def test_case_due_and_export(cli: Cli, keys: dict[str, str], tmp_path: Path) -> None:
    entry = _finding(cli, keys, tmp_path)
    out, _ = cli("case", "open", entry, "--json")
    case = json.loads(out)["id"][:8]
    cli(
        "case",
        "file",
        case,
        "--officer",
        "370100001",
        "--officer",
        "370100002",
        "--approver",
        "王局长",
    )
    out, _ = cli("case", "due")
    assert "没有到期" in out
    late = (date.today() + timedelta(days=120)).isoformat()
    out, _ = cli("case", "due", "--today", late, "--json")
    (due,) = json.loads(out)
    assert (due["what"], due["state"]) == ("办案期限", "late")
    target = tmp_path / "cases.xlsx"
    cli("case", "export", "--out", str(target))
    book = openpyxl.load_workbook(target)
    rows = list(book["案件处理"].values)
    assert rows[0][:3] == ("案件编号", "当事人", "阶段")
    assert rows[1][0] == case and rows[1][2] == "已立案（调查取证）"
    assert rows[-1][0] == "合计"


def test_the_bureau_sets_the_days_for_statement_and_defence(
    cli: Cli, keys: dict[str, str], tmp_path: Path
) -> None:
    _out, err = cli("config", "case.statement_days", "0", expect=1)
    assert "1 至 60 天" in err
    _out, err = cli("config", "case.statement_days", "七", expect=1)
    assert "整数" in err
    cli("config", "case.statement_days", "7")
    entry = _finding(cli, keys, tmp_path)
    out, _ = cli("case", "open", entry, "--json")
    case = json.loads(out)["id"][:8]
    cli(
        "case",
        "file",
        case,
        "--officer",
        "370100001",
        "--officer",
        "370100002",
        "--approver",
        "王局长",
    )
    cli("case", "investigate", case, "--facts", "事实", "--by", "370100001")
    cli("case", "review", case, "--reviewer", "赵审核", "--opinion", "同意")
    cli("case", "measure", case, "refund", "--amount", "1200")
    cli("case", "notify", case, "--by", "370100001", "--recipient", "钱院长")
    (told,) = [s for s in _shown(cli, case)["steps"] if s["kind"] == "notify"]  # type: ignore[attr-defined]
    assert told["facts"]["statement_days"] == 7
