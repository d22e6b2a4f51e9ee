"""``rules`` and ``knowledge`` on the command line: a generated detail file with a planted
anomaly of every rule type, imported with ``detail import`` and run with ``rules run``, gives
every plant under its rule and nothing on the clean rows; packs and knowledge files install
only when good; a bureau's spreadsheet becomes a knowledge file, or is refused by its rows."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from inspector.settlement.schema import COLUMN_NAMES
from tests.helpers import settlement_anomalies as anomalies
from tests.helpers.cli import Cli, new_inspection
from tests.helpers.settlement import write_detail
from tests.helpers.stock import write_csv


@pytest.fixture
def cli(home: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(home, capsys)


def _detail_file(folder: Path, detail: anomalies.Detail) -> Path:
    rows = []
    for values in detail.rows:
        row = dict(zip(COLUMN_NAMES, values, strict=True))
        row["unit_price_fen"] = Decimal(row["unit_price_fen"]) / 100
        row["amount_fen"] = Decimal(row["amount_fen"]) / 100
        row["quantity"] = Decimal(str(row["quantity"])).normalize()
        rows.append(row)
    columns = [c for c in COLUMN_NAMES if c != "row_no"]
    # No title row: the data's first row is row 2, as the generator numbers them.
    return write_detail(folder / "费用明细.csv", rows, columns=columns, title=None)


def _ledger_files(folder: Path, detail: anomalies.Detail) -> list[str]:
    args = []
    for ledger, option in zip(detail.ledgers, ("--purchases", "--sales"), strict=True):
        rows = [["日期", "药品名称", "医保编码", "数量"]] + [
            [line.day, line.name, line.code, line.quantity] for line in ledger.lines
        ]
        args += [option, str(write_csv(folder / f"{option[2:]}.csv", rows, "utf-8"))]
    return args


@pytest.mark.parametrize("home", ["plain", "encrypted"], indirect=True)
def test_a_planted_detail_through_the_command_line(cli: Cli, tmp_path: Path) -> None:
    detail = anomalies.build(patients=80)
    inspection = new_inspection(cli)
    cli("detail", "import", inspection, str(_detail_file(tmp_path, detail)))
    out, _ = cli("rules", "run", inspection, *_ledger_files(tmp_path, detail),
                 "--from", "2025-01-01", "--to", "2025-12-31")  # fmt: skip
    # The registry has no level for this institution: that rule says why it did not run.
    assert "JB-01      未运行：不知道本机构的级别" in out
    assert f"命中 {len(detail.plants) - 1} 处" in out
    out, _ = cli("rules", "hits", inspection, "--json")
    assert json.loads(out)["run"]["context"]["detail"]["name"] == "费用明细.csv"
    hits = json.loads(out)["hits"]
    for plant in detail.plants:
        if plant.rule_type == "限医疗机构级别":
            continue
        (hit,) = [
            h for h in hits if h["rule_type"] == plant.rule_type and plant.rows <= set(h["row_nos"])
        ]
        assert set(hit["settlement_nos"]) <= plant.settlements
        if plant.amount_fen is not None:
            assert hit["amount_fen"] == plant.amount_fen
    assert len(hits) == len(detail.plants) - 1
    out, _ = cli("rules", "hits", inspection, "--rule", "挂床")
    assert "连续 4 天只有床位、护理、伙食等基本费用" in out and "S-GC" in out


def test_rules_before_a_detail_and_hits_before_a_run(cli: Cli) -> None:
    inspection = new_inspection(cli)
    out, _ = cli("rules", "hits", inspection)
    assert "还没有运行过规则" in out
    _, err = cli("rules", "run", inspection, expect=1)
    assert "还没有导入费用明细" in err


def test_list_and_show_name_the_rule_its_type_and_basis(cli: Cli) -> None:
    out, _ = cli("rules", "list")
    assert "GC-01      挂床" in out and "规则包 national-starter 2026.1" in out
    out, _ = cli("rules", "show", "FJ-01")
    assert "规则类型：分解住院" in out and "days = 15" in out
    assert "医疗保障基金使用监督管理条例" in out
    _, err = cli("rules", "show", "NOPE", expect=1)
    assert "没有代码为 NOPE 的规则" in err


PACK = """format: inspector-rules/1
id: jinan-extra
version: "2026.1"
title: 济南市补充规则
rules:
  - code: FJ-07
    name: 分解住院（7日）
    type: 分解住院
    description: 出院后 7 天内再次入院
    params: {days: 7}
    basis:
      - source: 济南市医疗保障局通知
"""


def test_a_bureau_pack_installs_once_and_a_bad_one_changes_nothing(
    cli: Cli, tmp_path: Path, home: Path
) -> None:
    pack = tmp_path / "jinan.yaml"
    pack.write_text(PACK, encoding="utf-8")
    out, _ = cli("rules", "install", str(pack))
    assert "已安装规则包 jinan-extra 2026.1" in out
    out, _ = cli("rules", "list")
    assert "FJ-07" in out
    _, err = cli("rules", "install", str(pack), expect=1)
    assert "不高于已有版本 2026.1" in err
    bad = {
        "params: {days: 7}": "params: {dayz: 7}",  # a typo in a parameter
        "type: 分解住院": "type: 分解门诊",  # a type the engine does not have
        "code: FJ-07": "code: FJ-01",  # the starter set's code
    }
    installed = (home / "rules" / "jinan-extra.yaml").read_bytes()
    for old, new in bad.items():
        pack.write_text(PACK.replace('"2026.1"', '"2026.2"').replace(old, new), encoding="utf-8")
        _, err = cli("rules", "install", str(pack), expect=1)
        assert "规则包" in err
        assert (home / "rules" / "jinan-extra.yaml").read_bytes() == installed
    assert "FJ-01 重复" in err


PRICES = [
    ["医保目录编码", "项目名称", "最高限价（元）"],
    ["110900001", "床位费", "25.00"],
    ["250403001", "血糖监测", "6"],
]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_bureau_price_sheet_becomes_a_knowledge_file(
    cli: Cli, tmp_path: Path, home: Path, suffix: str
) -> None:
    sheet = tmp_path / f"目录价格{suffix}"
    if suffix == ".csv":
        write_csv(sheet, PRICES)
    else:
        book = openpyxl.Workbook()
        for row in PRICES:
            book.active.append(row)
        book.save(sheet)
    args = ("--kind", "price", "--id", "jinan-price", "--version", "2026.1",
            "--title", "济南市医疗服务价格", "--source", "济医保发〔2026〕1号")  # fmt: skip
    out, _ = cli("knowledge", "import", str(sheet), *args)
    assert "已导入并安装知识库 jinan-price 2026.1（2 条）" in out
    installed = (home / "knowledge" / "jinan-price.yaml").read_text(encoding="utf-8")
    assert "price: '25.00'" in installed and "code: '250403001'" in installed
    out, _ = cli("knowledge", "list")
    assert "目录限价 2" in out
    out, _ = cli("rules", "check", str(home / "knowledge" / "jinan-price.yaml"))
    assert "格式正确" in out


def test_a_sheet_with_bad_rows_is_refused_by_row_and_installs_nothing(
    cli: Cli, tmp_path: Path, home: Path
) -> None:
    sheet = write_csv(
        tmp_path / "限性别.csv",
        [["项目编码", "项目名称", "限定性别"], ["311201001", "宫颈刮片", "女"],
         ["311100007", "前列腺按摩", "未知"], ["", "无编码", "男"]],
    )  # fmt: skip
    args = ("--kind", "gender", "--id", "g", "--version", "2026.1", "--title", "限性别",
            "--source", "目录")  # fmt: skip
    _, err = cli("knowledge", "import", str(sheet), *args, expect=1)
    assert "有 2 行无法导入" in err
    assert "第 3 行：gender：取值不在允许范围内" in err
    assert "第 4 行：code" in err
    assert not (home / "knowledge" / "g.yaml").exists()
