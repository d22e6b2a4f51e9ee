"""The rule engine over a generated settlement detail: every planted anomaly is found by the
rule of its type, and no clean row is flagged; the 进销存 rule agrees with the reconciliation
of inspector/stock/reconcile.py on the same data."""

from __future__ import annotations

from decimal import Decimal

import duckdb
import pytest

from inspector.rules.engine import RunContext, run_rules
from inspector.rules.formats import RULE_TYPES
from inspector.rules.knowledge import load_knowledge
from inspector.rules.library import load_rule_library
from inspector.rules.stock import load_stock
from inspector.settlement.schema import COLUMN_NAMES, RuleHit
from inspector.stock.ledgers import Kind, Ledger, Line
from inspector.stock.reconcile import reconcile
from tests.helpers import settlement_anomalies as anomalies


@pytest.fixture(scope="module")
def detail() -> anomalies.Detail:
    return anomalies.build()


def _run(detail: anomalies.Detail, **context: object) -> list[RuleHit]:
    con = duckdb.connect()
    anomalies.load(con, detail)
    library = load_rule_library()
    load_knowledge(con, [k.data for k in library.knowledge])
    stock = load_stock(con, detail.ledgers, *anomalies.PERIOD)
    ctx = RunContext(institution_level=anomalies.INSTITUTION_LEVEL, stock=stock)
    result = run_rules(con, list(library.rules.values()), ctx)
    assert result.skipped == []
    return result.hits


def test_every_planted_anomaly_is_found_with_its_rule_and_no_clean_row(
    detail: anomalies.Detail,
) -> None:
    assert {plant.rule_type for plant in detail.plants} == set(RULE_TYPES)
    hits = _run(detail)
    for plant in detail.plants:
        found = [
            hit
            for hit in hits
            if hit.rule_type == plant.rule_type and plant.rows <= set(hit.row_nos)
        ]
        assert found, f"not found: {plant.rule_type} {plant.what}"
        (hit,) = found
        assert set(hit.settlement_nos) <= plant.settlements
        if plant.amount_fen is not None:
            assert hit.amount_fen == plant.amount_fen, (plant.what, hit.explanation)
        assert hit.explanation.startswith(hit.rule_name + "：")
    for hit in hits:
        owners = [
            plant
            for plant in detail.plants
            if plant.rule_type == hit.rule_type and set(hit.settlement_nos) <= plant.settlements
        ]
        assert owners, f"a hit on clean rows: {hit.explanation}"
    assert len(hits) == len(detail.plants)


def test_clean_rows_alone_give_no_hit() -> None:
    clean = anomalies.Detail()
    anomalies._clean(clean, 300, __import__("random").Random(5))
    clean.ledgers = anomalies._ledgers(clean)
    assert _run(clean) == []


def test_the_explanations_carry_the_values(detail: anomalies.Detail) -> None:
    by_code = {hit.rule_code: hit for hit in _run(detail)}
    assert "限女性使用，患者性别为男" in by_code["XB-01"].explanation
    assert "患者 44 岁" in by_code["NL-01"].explanation
    assert "重叠 21 天" in by_code["CK-01"].explanation
    assert "出院（2025-04-05，结算单 S-FJ1）后 5 天再次入院" in by_code["FJ-01"].explanation
    assert "连续 4 天" in by_code["GC-01"].explanation
    assert "高于目录限价 ¥8.00" in by_code["CB-01"].explanation
    assert "结算量大于销售量 40（¥120.00）" in by_code["JXC-01"].explanation


def test_the_stock_rule_gives_the_reconciliation_amount(detail: anomalies.Detail) -> None:
    """inspector/stock/reconcile.py on the same files, the detail as the settlements file,
    finds the same drug with the same amount."""
    at = {name: COLUMN_NAMES.index(name) for name in COLUMN_NAMES}
    settlements = [
        Line(row[at["row_no"]], row[at["item_name"]], "", "粒", row[at["item_code"]],
             Decimal(str(row[at["quantity"]])), row[at["amount_fen"]], row[at["charged_at"]].date())
        for row in detail.rows
        if row[at["item_code"]] in {anomalies.CEFIXIME[0], anomalies.AMOXICILLIN[0]}
    ]  # fmt: skip
    ledgers = [
        ledger if ledger.kind is Kind.SALES else _with_codes(ledger) for ledger in detail.ledgers
    ]
    table = reconcile(
        [*ledgers, Ledger(Kind.SETTLEMENTS, "结算.csv", "0" * 64, settlements)],
        *anomalies.PERIOD,
    )
    (flagged,) = table.flagged
    (hit,) = [h for h in _run(detail) if h.rule_type == "进销存"]
    assert flagged.code == anomalies.CEFIXIME[0]
    assert hit.amount_fen == flagged.excess_fen == 12000


def _with_codes(ledger: Ledger) -> Ledger:
    lines = [line for line in ledger.lines if line.code]
    return Ledger(ledger.kind, ledger.source_name, ledger.sha256, lines)


def test_a_rule_without_its_knowledge_says_so(detail: anomalies.Detail) -> None:
    con = duckdb.connect()
    anomalies.load(con, detail)
    library = load_rule_library()
    load_knowledge(con, [])
    result = run_rules(con, list(library.rules.values()), RunContext())
    skipped = dict(result.skipped)
    assert skipped["XB-01"] == "知识库中没有限性别项目"
    assert skipped["JB-01"] == "不知道本机构的级别（机构名录中没有填写）"
    assert skipped["JXC-01"] == "没有导入进销存资料（购进、销售记录）"
    # The rules that need no list still run.
    assert {hit.rule_code for hit in result.hits} >= {"FJ-01", "ZS-01", "MZ-01", "CY-01"}
