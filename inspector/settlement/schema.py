"""The settlement detail's columns as the rule engine and the 追溯码 sweep read them, in one
columnar table ``detail`` of a DuckDB connection.

The importer (inspector/settlement/reader.py) maps a bureau's headers to these names; rules are
SQL over them, so a column is renamed here or nowhere. Money is in fen (BIGINT) like everywhere
else in Inspector; dates are DATE, times TIMESTAMP."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb


@dataclass(frozen=True)
class Column:
    name: str
    sql_type: str
    label: str  # the usual Chinese header, for messages and exports
    required: bool = False


DETAIL_COLUMNS: tuple[Column, ...] = (
    Column("row_no", "INTEGER", "行号", required=True),  # the row in the imported file
    Column("settlement_no", "VARCHAR", "结算单号", required=True),  # or 就诊ID
    Column("person_id", "VARCHAR", "人员编号", required=True),  # or 身份证号
    Column("gender", "VARCHAR", "性别"),  # '男' | '女' | NULL
    Column("birth_date", "DATE", "出生日期"),
    Column("age", "INTEGER", "年龄"),  # at the charge; from birth_date when only that is given
    Column("medical_type", "VARCHAR", "医疗类别"),  # '住院' | '门诊' | '门特' | '购药' ...
    Column("admitted_on", "DATE", "入院日期"),
    Column("discharged_on", "DATE", "出院日期"),
    Column("died_on", "DATE", "死亡日期"),
    Column("charged_at", "TIMESTAMP", "费用发生时间", required=True),
    Column("item_code", "VARCHAR", "医保目录编码", required=True),
    Column("item_name", "VARCHAR", "项目名称", required=True),
    Column("quantity", "DOUBLE", "数量", required=True),
    Column("unit_price_fen", "BIGINT", "单价"),
    Column("amount_fen", "BIGINT", "金额", required=True),
    Column("department", "VARCHAR", "开单科室"),
    Column("doctor", "VARCHAR", "开单医师"),
    Column("trace_code", "VARCHAR", "追溯码"),
)
COLUMN_NAMES = tuple(column.name for column in DETAIL_COLUMNS)


def create_detail_table(con: duckdb.DuckDBPyConnection, name: str = "detail") -> None:
    columns = ", ".join(
        f"{c.name} {c.sql_type}{' NOT NULL' if c.required else ''}" for c in DETAIL_COLUMNS
    )
    con.execute(f"CREATE TABLE {name} ({columns})")


@dataclass(frozen=True)
class RuleHit:
    """One finding of a rule over the detail: which rule, which rows, and the money at stake.

    ``settlement_nos`` are the bills a sample takes as flagged (结合智能监控数据); ``row_nos`` the
    detail rows shown as evidence; ``amount_fen`` what the fund paid that the rule questions
    (never counted twice within one hit)."""

    rule_code: str
    rule_name: str
    rule_type: str  # the national rule type it implements, e.g. '限性别'
    person_id: str | None
    settlement_nos: tuple[str, ...]
    row_nos: tuple[int, ...]
    amount_fen: int
    explanation: str  # one line in Chinese: what was found, with the values
