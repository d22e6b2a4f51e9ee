"""Settlement detail files (费用明细) made by the tests: N clean rows, in a chosen format and
encoding, for the importer (tests/unit/test_settlement_import.py) and for the rules and the
追溯码 sweep, which plant their anomalies among them.

A row is a dict keyed by the schema's column names (inspector/settlement/schema.py) with typed
values (``date``, ``datetime``, yuan as ``Decimal``); :func:`write_detail` writes rows under the
usual Chinese headers. The clean rows are made to hit no rule: adults, charges inside the stay,
one bed day per inpatient day with other charges, prices equal to the 目录's, quantities within
a week's supply, no 追溯码 used twice, no one who died.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from inspector.settlement.schema import COLUMN_NAMES

HEADERS = {
    "settlement_no": "结算单号", "person_id": "人员编号", "gender": "性别",
    "birth_date": "出生日期", "age": "年龄", "medical_type": "医疗类别",
    "admitted_on": "入院日期", "discharged_on": "出院日期", "died_on": "死亡日期",
    "charged_at": "费用发生时间", "item_code": "医保目录编码", "item_name": "项目名称",
    "quantity": "数量", "unit_price_fen": "单价", "amount_fen": "金额", "department": "开单科室",
    "doctor": "开单医师", "trace_code": "追溯码",
}  # fmt: skip
# The columns a file has by default: all but 年龄 (computed from 出生日期) and 死亡日期.
DEFAULT_COLUMNS = tuple(c for c in COLUMN_NAMES if c not in ("row_no", "age", "died_on"))

# A small 目录: code, name, price (yuan), kind. Drugs carry a 追溯码; the others do not.
CATALOGUE = (
    ("XA01BAA001", "阿莫西林胶囊", Decimal("12.50"), "drug"),
    ("XC09AAA002", "卡托普利片", Decimal("8.20"), "drug"),
    ("XN02BEA003", "对乙酰氨基酚片", Decimal("5.60"), "drug"),
    ("001102000010000", "普通门诊诊查费", Decimal("10.00"), "service"),
    ("002501000010000", "血常规检查", Decimal("20.00"), "service"),
    ("002502000020000", "肝功能检查", Decimal("45.00"), "service"),
    ("001201000010000", "静脉注射", Decimal("6.00"), "service"),
)
BED = ("001101000010000", "普通病房床位费", Decimal("30.00"))
DEPARTMENTS = ("内科", "外科", "儿科", "全科")
DOCTORS = ("王医生", "刘医生", "陈医生", "赵医生")


def clean_rows(n: int, seed: int = 7, start: date = date(2024, 1, 1)) -> list[dict[str, Any]]:
    """``n`` detail rows that no rule should flag: outpatient visits of adults (1-4 items each)
    and inpatient stays (a bed day for each day of the stay, with a test or an injection)."""
    return list(iter_clean_rows(n, seed, start))


def iter_clean_rows(
    n: int, seed: int = 7, start: date = date(2024, 1, 1)
) -> Iterator[dict[str, Any]]:
    """:func:`clean_rows` one by one (a million rows are never held)."""
    rng = random.Random(seed)
    made = 0
    visit = 0
    trace = 0
    while True:
        visit += 1
        person = rng.randrange(max(50, n // 20))
        born = date(1950 + person % 50, 1 + person % 12, 1 + person % 28)
        gender = "男" if person % 2 else "女"
        day = start + timedelta(days=rng.randrange(330))
        base = {"settlement_no": f"JS{visit:09d}", "person_id": f"P{person:08d}",
                "gender": gender, "birth_date": born, "department": rng.choice(DEPARTMENTS),
                "doctor": rng.choice(DOCTORS)}  # fmt: skip
        visit_rows = []
        if rng.random() < 0.2:
            nights = rng.randrange(2, 6)
            out = day + timedelta(days=nights)
            stay = {**base, "medical_type": "住院", "admitted_on": day, "discharged_on": out}
            for k in range(nights):
                when = datetime.combine(day + timedelta(days=k), datetime.min.time()).replace(
                    hour=8
                )
                visit_rows.append(_row(stay, when, BED[0], BED[1], BED[2], 1, None))
                code, name, price, _kind = CATALOGUE[4 + k % 3]
                visit_rows.append(_row(stay, when.replace(hour=10), code, name, price, 1, None))
        else:
            when = datetime.combine(day, datetime.min.time()).replace(hour=9 + rng.randrange(8))
            clinic = {**base, "medical_type": "普通门诊", "admitted_on": None,
                      "discharged_on": None}  # fmt: skip
            for code, name, price, kind in rng.sample(CATALOGUE, rng.randrange(1, 5)):
                if kind == "drug":
                    trace += 1
                    visit_rows.append(_row(clinic, when, code, name, price, rng.randrange(1, 3),
                                           f"8{seed % 10}{trace:018d}"))  # fmt: skip
                else:
                    visit_rows.append(_row(clinic, when, code, name, price, 1, None))
        for row in visit_rows:
            if made == n:
                return
            made += 1
            yield row


def _row(
    base: dict[str, Any], when: datetime, code: str, name: str, price: Decimal, qty: int,
    trace: str | None,
) -> dict[str, Any]:  # fmt: skip
    return {**base, "charged_at": when, "item_code": code, "item_name": name, "quantity": qty,
            "unit_price_fen": price, "amount_fen": price * qty, "trace_code": trace}  # fmt: skip


def cell(value: Any) -> str:
    """A value as an exported CSV writes it."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\r\n') else text


def write_detail(
    path: Path,
    rows: Iterable[dict[str, Any]],
    *,
    encoding: str = "utf-8",
    columns: Sequence[str] = DEFAULT_COLUMNS,
    headers: dict[str, str] | None = None,
    title: str | None = "某医院 医保结算费用明细（导出）",
) -> Path:
    """Write ``rows`` as a CSV (``encoding``: utf-8, utf-8-sig, gbk, gb18030, utf-16) or, for a
    ``.xlsx`` path, a workbook with typed cells. ``headers`` overrides a column's header text
    (an alias). A title row comes first, as bureau exports have."""
    names = {**HEADERS, **(headers or {})}
    header = [names[c] for c in columns]
    if path.suffix.lower() == ".xlsx":
        return _write_xlsx(path, rows, columns, header, title)
    with path.open("w", encoding=encoding, newline="") as out:
        if title:
            out.write(title + "\r\n")
        out.write(",".join(header) + "\r\n")
        for row in rows:
            out.write(",".join(_quoted(cell(row.get(c))) for c in columns) + "\r\n")
    return path


def _write_xlsx(
    path: Path, rows: Iterable[dict[str, Any]], columns: Sequence[str], header: list[str],
    title: str | None,
) -> Path:  # fmt: skip
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("费用明细")
    if title:
        sheet.append([title])
    sheet.append(header)
    for row in rows:
        values = []
        for c in columns:
            value = row.get(c)
            values.append(float(value) if isinstance(value, Decimal) else value)
        sheet.append(values)
    book.save(path)
    return path


def detail_file(
    folder: Path, n: int, *, encoding: str = "utf-8", suffix: str = ".csv", seed: int = 7
) -> Path:
    """A detail file of ``n`` clean rows."""
    return write_detail(folder / f"费用明细{suffix}", iter_clean_rows(n, seed), encoding=encoding)
