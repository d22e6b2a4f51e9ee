"""The rule engine: one DuckDB SQL query per national rule type over the settlement detail
(table ``detail``, inspector/settlement/schema.py) and the knowledge tables (``k_gender`` …,
inspector/rules/knowledge.py). No Python loop touches a detail row: each query groups the rows
of one finding and returns it with its bills, its rows, the money at stake and a Chinese
explanation with the values, which become one :class:`RuleHit` each.

Every query returns the same five columns: ``person_id``, ``settlement_nos`` (sorted, distinct),
``row_nos`` (sorted), ``amount_fen`` and ``explanation``. A rule whose knowledge list is empty
finds nothing and says so (``skipped``), rather than passing silently."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

from inspector.rules.formats import (
    BedParams,
    GrowthParams,
    OverlapParams,
    ReadmissionParams,
    RepeatParams,
    Rule,
    SupplyParams,
)
from inspector.settlement.schema import RuleHit

INPATIENT = "住院"

# The detail's unit price, or the amount over the quantity where the file gives none.
_UNIT = "coalesce(d.unit_price_fen, CAST(round(d.amount_fen / nullif(d.quantity, 0)) AS BIGINT))"
# The patient's age on the day of the charge: the file's, else from the birth date.
_AGE = "coalesce(d.age, CAST(date_part('year', age(d.charged_at, d.birth_date)) AS INTEGER))"
_YUAN = "printf('%.2f', ({}) / 100.0)"
_ITEM = "any_value(d.item_name) || '（' || d.item_code || '）'"
_OUT = (
    "list_sort(list_distinct(list(d.settlement_no))) AS settlement_nos, "
    "list_sort(list(d.row_no)) AS row_nos"
)


def yuan(expression: str) -> str:
    return _YUAN.format(expression)


@dataclass(frozen=True)
class StockLedgers:
    """The 进销存 files for the 进销存 rule: their lines, each given the detail's item code
    (inspector/rules/stock.py), over the period compared."""

    start: date
    end: date
    has_opening: bool


@dataclass(frozen=True)
class RunContext:
    # The institution's level from the registry (一级 1 … 三级 3): 限医疗机构级别 needs it.
    institution_level: int | None = None
    stock: StockLedgers | None = None  # the 进销存 rule runs only with the ledgers loaded


@dataclass
class RunResult:
    hits: list[RuleHit] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # rule code, why
    seconds: dict[str, float] = field(default_factory=dict)  # per rule code
    rules: list[str] = field(default_factory=list)  # the rule codes run


class Skip(Exception):
    """A rule that cannot run on what was given (its knowledge list empty, no ledgers)."""


def _needs(con: duckdb.DuckDBPyConnection, table: str, what: str) -> None:
    count = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    if not count or not count[0]:
        raise Skip(f"知识库中没有{what}")


# --- the rule types ----------------------------------------------------------------------


def _gender(con: duckdb.DuckDBPyConnection, rule: Rule, ctx: RunContext) -> str:
    _needs(con, "k_gender", "限性别项目")
    return f"""
    SELECT any_value(d.person_id), {_OUT}, sum(d.amount_fen),
        {_ITEM} || '限' || any_value(k.gender) || '性使用，患者性别为' || any_value(d.gender)
        || '：' || count(*) || ' 行，金额 ¥' || {yuan("sum(d.amount_fen)")}
    FROM detail d JOIN (SELECT DISTINCT code, gender FROM k_gender) k ON d.item_code = k.code
    WHERE d.gender IN ('男', '女') AND d.gender <> k.gender
    GROUP BY d.settlement_no, d.item_code"""


def _age(con: duckdb.DuckDBPyConnection, rule: Rule, ctx: RunContext) -> str:
    _needs(con, "k_age", "限年龄项目")
    return f"""
    WITH a AS (
        SELECT d.*, {_AGE} AS patient_age FROM detail d
        WHERE d.age IS NOT NULL OR d.birth_date IS NOT NULL
    )
    SELECT any_value(d.person_id), {_OUT}, sum(d.amount_fen),
        {_ITEM} || '限 ' || coalesce(any_value(k.min_age)::VARCHAR, '0') || ' 至 '
        || coalesce(any_value(k.max_age)::VARCHAR, '—') || ' 岁使用，患者 '
        || any_value(d.patient_age) || ' 岁：' || count(*) || ' 行，金额 ¥'
        || {yuan("sum(d.amount_fen)")}
    FROM a d JOIN k_age k ON d.item_code = k.code
    WHERE d.patient_age < coalesce(k.min_age, 0) OR d.patient_age > coalesce(k.max_age, 1000)
    GROUP BY d.settlement_no, d.item_code"""


def _scope(per: str) -> str:
    return "d.charged_at::DATE" if per == "day" else "NULL::DATE"


def _per_text(per_column: str) -> str:
    return f"CASE WHEN {per_column} = 'day' THEN '每日' ELSE '每次就诊（住院）' END"


def _repeat(con: duckdb.DuckDBPyConnection, rule: Rule, ctx: RunContext) -> str:
    params: RepeatParams = rule.parameters()
    if params.mode == "same_item":
        _needs(con, "k_repeat", "限收费次数项目")
        return f"""
        WITH g AS (
            SELECT d.settlement_no, d.item_code, k.per,
                CASE WHEN k.per = 'day' THEN d.charged_at::DATE END AS day,
                any_value(d.person_id) AS person_id, any_value(d.item_name) AS item_name,
                list(d.row_no) AS rows, sum(d.quantity) AS q, sum(d.amount_fen) AS amount
            FROM detail d JOIN (SELECT DISTINCT code, per FROM k_repeat) k
                ON d.item_code = k.code
            GROUP BY ALL HAVING sum(d.quantity) > 1
        )
        SELECT person_id, [settlement_no], list_sort(rows),
            CAST(round(amount * (q - 1) / q) AS BIGINT),
            item_name || '（' || item_code || '）' || {_per_text("per")} || '限收 1 次，'
            || coalesce(strftime(day, '%Y-%m-%d') || ' ', '') || '收取 ' || printf('%g', q)
            || ' 次，多收 ¥' || {yuan("amount * (q - 1) / q")}
        FROM g"""
    _needs(con, "k_exclusive", "互斥项目")
    return f"""
    WITH codes AS (SELECT code_a AS code FROM k_exclusive UNION SELECT code_b FROM k_exclusive),
    g AS (
        SELECT d.settlement_no, d.item_code, d.charged_at::DATE AS day,
            any_value(d.person_id) AS person_id, any_value(d.item_name) AS item_name,
            list(d.row_no) AS rows, sum(d.amount_fen) AS amount
        FROM detail d WHERE d.item_code IN (SELECT code FROM codes) GROUP BY ALL
    ),
    s AS (
        SELECT settlement_no, item_code, NULL::DATE AS day, any_value(person_id) AS person_id,
            any_value(item_name) AS item_name, flatten(list(rows)) AS rows, sum(amount) AS amount
        FROM g GROUP BY settlement_no, item_code
    ),
    pairs AS (
        SELECT k.per, a.person_id, a.settlement_no, a.day, a.item_name AS name_a,
            a.item_code AS code_a, b.item_name AS name_b, b.item_code AS code_b,
            a.rows AS rows_a, b.rows AS rows_b, b.amount
        FROM k_exclusive k
        JOIN (SELECT * FROM g UNION ALL SELECT * FROM s) a ON a.item_code = k.code_a
        JOIN (SELECT * FROM g UNION ALL SELECT * FROM s) b ON b.item_code = k.code_b
            AND b.settlement_no = a.settlement_no AND a.day IS NOT DISTINCT FROM b.day
        WHERE (k.per = 'day') = (a.day IS NOT NULL)
    )
    SELECT person_id, [settlement_no], list_sort(list_concat(rows_a, rows_b)), amount,
        name_b || '（' || code_b || '）与 ' || name_a || '（' || code_a || '）互斥，'
        || {_per_text("per")} || '不得同时收取'
        || coalesce('，' || strftime(day, '%Y-%m-%d') || ' ', '，') || '同时收取，' || name_b
        || ' 金额 ¥' || {yuan("amount")}
    FROM pairs"""


def _frequency(con: duckdb.DuckDBPyConnection, rule: Rule, ctx: RunContext) -> str:
    _needs(con, "k_frequency", "限频次项目")
    return f"""
    WITH k AS (SELECT code, per, min(max_quantity) AS max_quantity FROM k_frequency GROUP BY ALL),
    g AS (
        SELECT d.settlement_no, d.item_code, k.per, any_value(k.max_quantity) AS max_q,
            CASE WHEN k.per = 'day' THEN d.charged_at::DATE END AS day,
            any_value(d.person_id) AS person_id, any_value(d.item_name) AS item_name,
            list(d.row_no) AS rows, sum(d.quantity) AS q, sum(d.amount_fen) AS amount
        FROM detail d JOIN k ON d.item_code = k.code
        GROUP BY ALL HAVING sum(d.quantity) > any_value(k.max_quantity)
    )
    SELECT person_id, [settlement_no], list_sort(rows),
        CAST(round(amount * (q - max_q) / q) AS BIGINT),
        item_name || '（' || item_code || '）' || {_per_text("per")} || '限 ' || printf('%g', max_q)
        || '，' || coalesce(strftime(day, '%Y-%m-%d') || ' ', '') || '收取 ' || printf('%g', q)
        || '，超出部分 ¥' || {yuan("amount * (q - max_q) / q")}
    FROM g"""


def _types_filter(types: Sequence[str]) -> str:
    quoted = ", ".join("'" + t.replace("'", "''") + "'" for t in types)
    return f"d.medical_type IN ({quoted})"


def _supply(con: duckdb.DuckDBPyConnection, rule: Rule, ctx: RunContext) -> str:
    _needs(con, "k_drug", "药品用量")
    params: SupplyParams = rule.parameters()
    # The prescriptions are summed first and their rows fetched only for those over the limit:
    # a list of rows for every prescription of a million-row detail would not fit the budget.
    return f"""
    WITH k AS (
        SELECT code, min(daily_quantity) AS daily, min(max_days) AS max_days
        FROM k_drug GROUP BY code
    ),
    g AS (
        SELECT d.settlement_no, d.item_code, sum(d.quantity) AS q, sum(d.amount_fen) AS amount,
            sum(d.quantity) / any_value(k.daily) AS days,
            coalesce(any_value(k.max_days), {params.default_max_days}) AS limit_days
        FROM detail d JOIN k ON d.item_code = k.code
        WHERE {_types_filter(params.medical_types)}
        GROUP BY d.settlement_no, d.item_code
    ),
    over AS (SELECT * FROM g WHERE days > limit_days + 1e-9)
    SELECT any_value(d.person_id), [o.settlement_no], list_sort(list(d.row_no)),
        CAST(round(any_value(o.amount) * (any_value(o.days) - any_value(o.limit_days))
            / any_value(o.days)) AS BIGINT),
        any_value(d.item_name) || '（' || o.item_code || '）一次开具 '
        || printf('%g', any_value(o.q)) || '，可用 ' || printf('%.1f', any_value(o.days))
        || ' 天，超过限定的 ' || any_value(o.limit_days) || ' 天，超量部分 ¥'
        || {
        yuan(
            "any_value(o.amount) * (any_value(o.days) - any_value(o.limit_days))"
            " / any_value(o.days)"
        )
    }
    FROM over o JOIN detail d ON d.settlement_no = o.settlement_no AND d.item_code = o.item_code
        AND {_types_filter(params.medical_types)}
    GROUP BY o.settlement_no, o.item_code"""


def _overlap(con: duckdb.DuckDBPyConnection, rule: Rule, ctx: RunContext) -> str:
    _needs(con, "k_drug", "药品用量")
    params: OverlapParams = rule.parameters()
    return f"""
    WITH k AS (SELECT code, min(daily_quantity) AS daily FROM k_drug GROUP BY code),
    g AS (
        SELECT d.person_id, d.settlement_no, d.item_code,
            min(d.charged_at)::DATE AS start, sum(d.quantity) / any_value(k.daily) AS days,
            sum(d.amount_fen) AS amount
        FROM detail d JOIN k ON d.item_code = k.code
        WHERE d.medical_type IS DISTINCT FROM '{INPATIENT}'
        GROUP BY d.person_id, d.settlement_no, d.item_code
    ),
    w AS (
        SELECT *, lag(settlement_no) OVER p AS prev_no, lag(start) OVER p AS prev_start,
            lag(start + CAST(ceil(days) AS INTEGER)) OVER p AS prev_end
        FROM g
        WINDOW p AS (PARTITION BY person_id, item_code ORDER BY start, settlement_no)
    ),
    o AS (
        SELECT *, least(prev_end - start, ceil(days)) AS overlap
        FROM w WHERE prev_end IS NOT NULL AND least(prev_end - start, ceil(days)) > {
        params.tolerance_days
    }
    )
    SELECT any_value(o.person_id), list_sort([any_value(o.prev_no), o.settlement_no]),
        list_sort(list(d.row_no)),
        CAST(round(any_value(o.amount * o.overlap / ceil(o.days))) AS BIGINT),
        any_value(d.item_name) || '（' || o.item_code || '）'
        || strftime(any_value(o.prev_start), '%Y-%m-%d') || ' 开具的用量可用至 '
        || strftime(any_value(o.prev_end), '%Y-%m-%d') || '（结算单 ' || any_value(o.prev_no)
        || '），' || strftime(any_value(o.start), '%Y-%m-%d') || ' 又开具（结算单 '
        || o.settlement_no || '），重叠 ' || CAST(any_value(o.overlap) AS INTEGER)
        || ' 天，重叠部分 ¥' || {yuan("any_value(o.amount * o.overlap / ceil(o.days))")}
    FROM o JOIN detail d ON d.settlement_no = o.settlement_no AND d.item_code = o.item_code
    GROUP BY o.settlement_no, o.item_code"""


_STAYS = f"""
    stays AS (
        SELECT d.settlement_no, any_value(d.person_id) AS person_id,
            min(d.admitted_on) AS admitted, max(d.discharged_on) AS discharged,
            sum(d.amount_fen) AS amount
        FROM detail d WHERE d.medical_type = '{INPATIENT}' AND d.admitted_on IS NOT NULL
        GROUP BY d.settlement_no
    )"""


def _readmission(con: duckdb.DuckDBPyConnection, rule: Rule, ctx: RunContext) -> str:
    params: ReadmissionParams = rule.parameters()
    return f"""
    WITH {_STAYS},
    w AS (
        SELECT *, lag(settlement_no) OVER p AS prev_no, lag(discharged) OVER p AS prev_out
        FROM stays WINDOW p AS (PARTITION BY person_id ORDER BY admitted, settlement_no)
    ),
    again AS (
        SELECT * FROM w
        WHERE prev_out IS NOT NULL AND admitted - prev_out BETWEEN 0 AND {params.days}
    )
    SELECT any_value(a.person_id), list_sort([any_value(a.prev_no), a.settlement_no]),
        list_sort(list(d.row_no)), any_value(a.amount),
        '出院（' || strftime(any_value(a.prev_out), '%Y-%m-%d') || '，结算单 '
        || any_value(a.prev_no) || '）后 ' || any_value(a.admitted - a.prev_out)
        || ' 天再次入院（' || strftime(any_value(a.admitted), '%Y-%m-%d') || '，结算单 '
        || a.settlement_no || '），在 {params.days} 天内；再次住院金额 ¥'
        || {yuan("any_value(a.amount)")}
    FROM again a JOIN detail d ON d.settlement_no = a.settlement_no
    GROUP BY a.settlement_no"""


def _outpatient_during_stay(con: duckdb.DuckDBPyConnection, rule: Rule, ctx: RunContext) -> str:
    # The days of admission and discharge are left out: an outpatient visit that ends in an
    # admission, or a prescription at discharge, is ordinary.
    return f"""
    WITH {_STAYS}
    SELECT any_value(d.person_id), list_sort(list_distinct(list(d.settlement_no))),
        list_sort(list(d.row_no)), sum(d.amount_fen),
        '住院期间（' || strftime(any_value(s.admitted), '%Y-%m-%d') || ' 至 '
        || coalesce(strftime(any_value(s.discharged), '%Y-%m-%d'), '未出院') || '，结算单 '
        || any_value(s.settlement_no) || '）' || strftime(min(d.charged_at), '%Y-%m-%d')
        || ' 发生' || any_value(d.medical_type) || '结算（结算单 ' || d.settlement_no
        || '），金额 ¥' || {yuan("sum(d.amount_fen)")}
    FROM detail d JOIN stays s ON d.person_id = s.person_id
        AND d.charged_at::DATE > s.admitted
        AND d.charged_at::DATE < coalesce(s.discharged, DATE '9999-12-31')
    WHERE d.medical_type IS DISTINCT FROM '{INPATIENT}'
    GROUP BY d.settlement_no, s.settlement_no"""


def _after_discharge(con: duckdb.DuckDBPyConnection, rule: Rule, ctx: RunContext) -> str:
    return f"""
    WITH deaths AS (
        SELECT person_id, min(died_on) AS died FROM detail WHERE died_on IS NOT NULL
        GROUP BY person_id
    ),
    r AS (
        SELECT d.*, x.died,
            CASE WHEN x.died IS NOT NULL AND d.charged_at::DATE > x.died THEN '死亡'
                 ELSE '出院' END AS what
        FROM detail d LEFT JOIN deaths x ON d.person_id = x.person_id
        WHERE (x.died IS NOT NULL AND d.charged_at::DATE > x.died)
            OR (d.discharged_on IS NOT NULL AND d.charged_at::DATE > d.discharged_on)
    )
    SELECT any_value(d.person_id), {_OUT}, sum(d.amount_fen),
        CASE WHEN d.what = '死亡' THEN '死亡日期 ' || strftime(any_value(d.died), '%Y-%m-%d')
             ELSE '出院日期 ' || strftime(any_value(d.discharged_on), '%Y-%m-%d') END
        || ' 之后仍发生费用（' || strftime(min(d.charged_at), '%Y-%m-%d') || ' 起，' || count(*)
        || ' 行），金额 ¥' || {yuan("sum(d.amount_fen)")}
    FROM r d GROUP BY d.settlement_no, d.what"""


def _bed_only(con: duckdb.DuckDBPyConnection, rule: Rule, ctx: RunContext) -> str:
    _needs(con, "k_basic", "基本费用项目（床位、护理、伙食）")
    params: BedParams = rule.parameters()
    return f"""
    WITH days AS (
        SELECT d.settlement_no, d.charged_at::DATE AS day,
            bool_and(d.item_code IN (SELECT code FROM k_basic)) AS basic_only
        FROM detail d WHERE d.medical_type = '{INPATIENT}'
        GROUP BY d.settlement_no, d.charged_at::DATE
    ),
    runs AS (
        SELECT *, day - CAST(row_number() OVER (PARTITION BY settlement_no ORDER BY day)
            AS INTEGER) AS island
        FROM days WHERE basic_only
    ),
    islands AS (
        SELECT settlement_no, min(day) AS first, max(day) AS last, count(*) AS n
        FROM runs GROUP BY settlement_no, island HAVING count(*) >= {params.days}
    )
    SELECT any_value(d.person_id), [i.settlement_no], list_sort(list(d.row_no)),
        sum(d.amount_fen),
        strftime(i.first, '%Y-%m-%d') || ' 至 ' || strftime(i.last, '%Y-%m-%d') || ' 连续 '
        || any_value(i.n) || ' 天只有床位、护理、伙食等基本费用（不少于 {params.days} 天即提示），'
        || '金额 ¥' || {yuan("sum(d.amount_fen)")}
    FROM islands i JOIN detail d ON d.settlement_no = i.settlement_no
        AND d.charged_at::DATE BETWEEN i.first AND i.last
    GROUP BY i.settlement_no, i.first, i.last"""


_LEVEL_NAMES = "['一', '二', '三'][{}]"


def _level(con: duckdb.DuckDBPyConnection, rule: Rule, ctx: RunContext) -> str:
    if ctx.institution_level is None:
        raise Skip("不知道本机构的级别（机构名录中没有填写）")
    _needs(con, "k_level", "限医疗机构级别项目")
    level = int(ctx.institution_level)
    return f"""
    WITH k AS (SELECT code, max(min_level) AS min_level FROM k_level GROUP BY code)
    SELECT any_value(d.person_id), {_OUT}, sum(d.amount_fen),
        {_ITEM} || '限' || {_LEVEL_NAMES.format("any_value(k.min_level)")}
        || '级及以上医疗机构使用，本机构为' || {_LEVEL_NAMES.format(level)} || '级：'
        || count(*) || ' 行，金额 ¥' || {yuan("sum(d.amount_fen)")}
    FROM detail d JOIN k ON d.item_code = k.code
    WHERE k.min_level > {level}
    GROUP BY d.settlement_no, d.item_code"""


def _price(con: duckdb.DuckDBPyConnection, rule: Rule, ctx: RunContext) -> str:
    _needs(con, "k_price", "目录限价")
    return f"""
    WITH k AS (SELECT code, min(price_fen) AS price_fen FROM k_price GROUP BY code),
    r AS (SELECT d.*, {_UNIT} AS unit, k.price_fen FROM detail d JOIN k ON d.item_code = k.code)
    SELECT any_value(d.person_id), {_OUT},
        CAST(round(sum((d.unit - d.price_fen) * d.quantity)) AS BIGINT),
        {_ITEM} || '单价 ¥' || {yuan("max(d.unit)")} || '，高于目录限价 ¥'
        || {yuan("any_value(d.price_fen)")} || '：' || count(*) || ' 行，多收 ¥'
        || {yuan("sum((d.unit - d.price_fen) * d.quantity)")}
    FROM r d WHERE d.unit > d.price_fen
    GROUP BY d.settlement_no, d.item_code"""


def _trace(con: duckdb.DuckDBPyConnection, rule: Rule, ctx: RunContext) -> str:
    # A row may list several boxes' codes; each box's share of the row's amount is at stake
    # for every settlement after the first. The codes seen twice are found first (one hash
    # table of codes), and only their rows are gathered.
    split = "list_filter(string_split_regex(trim(d.trace_code), '[,;，；\\s]+'), lambda x: x <> '')"
    return f"""
    WITH c AS (
        SELECT d.row_no, unnest({split}) AS code, len({split}) AS boxes
        FROM detail d WHERE d.trace_code IS NOT NULL AND trim(d.trace_code) <> ''
    ),
    twice AS (SELECT code FROM c GROUP BY code HAVING count(*) > 1),
    s AS (
        SELECT c.code, d.row_no, d.settlement_no, d.person_id, d.charged_at, d.item_name,
            d.amount_fen / c.boxes AS share
        FROM c JOIN twice t ON c.code = t.code JOIN detail d ON d.row_no = c.row_no
    )
    SELECT CASE WHEN count(DISTINCT person_id) = 1 THEN any_value(person_id) END,
        list_sort(list_distinct(list(settlement_no))), list_sort(list_distinct(list(row_no))),
        CAST(round(sum(share) - arg_min(share, charged_at)) AS BIGINT),
        '追溯码 ' || code || '（' || any_value(item_name) || '）被结算 ' || count(*) || ' 次（'
        || count(DISTINCT person_id) || ' 名参保人），首次 '
        || strftime(min(charged_at), '%Y-%m-%d') || '，重复部分 ¥'
        || {yuan("sum(share) - arg_min(share, charged_at)")}
    FROM s GROUP BY code"""


def _growth(con: duckdb.DuckDBPyConnection, rule: Rule, ctx: RunContext) -> str:
    params: GrowthParams = rule.parameters()
    factor = 1 + params.growth
    return f"""
    WITH o AS (
        SELECT d.person_id, year(d.charged_at) AS y, d.settlement_no, d.row_no, d.amount_fen
        FROM detail d WHERE {_types_filter(params.medical_types)}
    ),
    t AS (SELECT person_id, y, sum(amount_fen) AS amount FROM o GROUP BY person_id, y),
    up AS (
        SELECT cur.person_id, cur.y, cur.amount, prev.amount AS prev_amount
        FROM t cur JOIN t prev ON prev.person_id = cur.person_id AND prev.y = cur.y - 1
        WHERE prev.amount > 0 AND cur.amount > prev.amount * {factor}
            AND cur.amount >= {params.min_yuan * 100}
    )
    SELECT up.person_id, list_sort(list_distinct(list(o.settlement_no))), list_sort(list(o.row_no)),
        any_value(up.amount) - any_value(up.prev_amount),
        up.y || ' 年门诊费用 ¥' || {yuan("any_value(up.amount)")} || '，上一年 ¥'
        || {yuan("any_value(up.prev_amount)")} || '，增长 '
        || printf('%.0f', (any_value(up.amount) / any_value(up.prev_amount) - 1) * 100)
        || '%（超过 {params.growth * 100:.0f}% 即提示），增加 ¥'
        || {yuan("any_value(up.amount) - any_value(up.prev_amount)")}
    FROM up JOIN o ON o.person_id = up.person_id AND o.y = up.y
    GROUP BY up.person_id, up.y"""


def _stock(con: duckdb.DuckDBPyConnection, rule: Rule, ctx: RunContext) -> str:
    # inspector/stock/reconcile.py's 结算量大于销售量 and 销售量大于可售量, with the detail as
    # the settlements: the excess at the settled unit price, rounded half up to the fen.
    if ctx.stock is None:
        raise Skip("没有导入进销存资料（购进、销售记录）")
    stock = ctx.stock
    opening = "coalesce(o.q, 0)" if stock.has_opening else "NULL"
    return f"""
    WITH settled AS (
        SELECT d.item_code, any_value(d.item_name) AS item_name, list(d.row_no) AS rows,
            list(DISTINCT d.settlement_no) AS nos, sum(d.quantity) AS q, sum(d.amount_fen) AS amount
        FROM detail d
        WHERE d.charged_at::DATE BETWEEN DATE '{stock.start.isoformat()}'
            AND DATE '{stock.end.isoformat()}'
            AND d.item_code IN (SELECT code FROM stock_lines)
        GROUP BY d.item_code
    ),
    lines AS (
        SELECT code, kind, sum(quantity) AS q FROM stock_lines GROUP BY code, kind
    ),
    b AS (
        SELECT s.*, coalesce(p.q, 0) AS purchased, coalesce(x.q, 0) AS sold,
            {opening} AS opening
        FROM settled s
        LEFT JOIN lines p ON p.code = s.item_code AND p.kind = 'purchases'
        LEFT JOIN lines x ON x.code = s.item_code AND x.kind = 'sales'
        LEFT JOIN lines o ON o.code = s.item_code AND o.kind = 'opening'
    ),
    f AS (
        SELECT *, greatest(q - sold, 0) AS excess,
            CASE WHEN opening IS NOT NULL THEN greatest(sold - opening - purchased, 0) END
                AS oversold,
            CASE WHEN q > sold THEN CAST(floor((q - sold) * amount / q + 0.5) AS BIGINT)
                 ELSE 0 END AS excess_fen
        FROM b
    )
    SELECT NULL, list_sort(nos), list_sort(rows), excess_fen,
        item_name || '（' || item_code || '）' || strftime(DATE '{stock.start.isoformat()}',
            '%Y-%m-%d') || ' 至 ' || strftime(DATE '{stock.end.isoformat()}', '%Y-%m-%d')
        || '：结算 ' || printf('%g', q) || '，购进 ' || printf('%g', purchased) || '，销售（发药） '
        || printf('%g', sold) || coalesce('，期初 ' || printf('%g', opening), '')
        || CASE WHEN excess > 0 THEN '；结算量大于销售量 ' || printf('%g', excess) || '（¥'
            || {yuan("excess_fen")} || '）' ELSE '' END
        || CASE WHEN oversold > 0 THEN '；销售量大于可售量 ' || printf('%g', oversold) ELSE '' END
    FROM f WHERE excess > 0 OR oversold > 0"""


QUERIES: dict[str, Callable[[duckdb.DuckDBPyConnection, Rule, RunContext], str]] = {
    "限性别": _gender,
    "限年龄/儿童": _age,
    "重复收费": _repeat,
    "限频次": _frequency,
    "超量开药/超疗程": _supply,
    "重复开药": _overlap,
    "分解住院": _readmission,
    "住院期间门诊结算": _outpatient_during_stay,
    "出院后/死亡后发生费用": _after_discharge,
    "挂床": _bed_only,
    "限医疗机构级别": _level,
    "超标准收费": _price,
    "追溯码重复结算": _trace,
    "门诊费用异常增长": _growth,
    "进销存": _stock,
}


def rule_sql(con: duckdb.DuckDBPyConnection, rule: Rule, ctx: RunContext) -> str:
    """The query of one rule (raises :class:`Skip` when it cannot run)."""
    return QUERIES[rule.type](con, rule, ctx)


def _hit(rule: Rule, row: tuple[Any, ...]) -> RuleHit:
    person, settlements, rows, amount, explanation = row
    return RuleHit(
        rule_code=rule.code,
        rule_name=rule.name,
        rule_type=rule.type,
        person_id=person,
        settlement_nos=tuple(settlements),
        row_nos=tuple(int(r) for r in rows),
        amount_fen=int(amount or 0),
        explanation=f"{rule.name}：{explanation}",
    )


def run_rules(
    con: duckdb.DuckDBPyConnection,
    rules: Sequence[Rule],
    ctx: RunContext | None = None,
    on_rule: Callable[[int, Rule], None] | None = None,
) -> RunResult:
    """Run every enabled rule over ``detail`` (and the knowledge tables already loaded into
    ``con``). Hits come rule by rule in the order given, each rule's largest amount first."""
    ctx = ctx or RunContext()
    result = RunResult()
    for index, rule in enumerate(rules):
        if on_rule is not None:
            on_rule(index, rule)
        if not rule.enabled:
            continue
        started = time.perf_counter()
        try:
            sql = rule_sql(con, rule, ctx)
        except Skip as skip:
            result.skipped.append((rule.code, str(skip)))
            continue
        rows = con.execute(f"SELECT * FROM ({sql}) ORDER BY 4 DESC, 2").fetchall()
        result.hits.extend(_hit(rule, row) for row in rows)
        result.rules.append(rule.code)
        result.seconds[rule.code] = time.perf_counter() - started
    return result
