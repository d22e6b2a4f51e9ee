"""A pharmacy's shelf for the 追溯码 sweep, as the tests plant it: a settlement detail in an
in-memory DuckDB (the detail store's table), the purchase records' file, and the codes scanned,
each with the classification it must get."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import duckdb

from inspector.settlement.schema import create_detail_table
from inspector.trace import NORMAL, NOT_PURCHASED, OTHER_BUYER, REPEATED, RETURNED
from tests.helpers.stock import write_csv

INSTITUTION = "某医院"
ELSEWHERE = "槐荫区乙药店"


def code_of(number: int) -> str:
    return f"8{number:019d}"


@dataclass
class Shelf:
    detail_rows: list[tuple] = field(default_factory=list)
    purchases: list[tuple[str, str, str]] = field(default_factory=list)  # code, name, buyer
    scans: list[str] = field(default_factory=list)  # as typed, in order
    expected: dict[str, str] = field(default_factory=dict)  # code → classification
    repeats: int = 0
    amount_fen: int = 0  # settled money of the boxes found on the shelf

    def detail(self) -> duckdb.DuckDBPyConnection:
        con = duckdb.connect()
        create_detail_table(con)
        con.executemany(
            "INSERT INTO detail (row_no, settlement_no, person_id, charged_at, item_code, "
            "item_name, quantity, amount_fen, trace_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            self.detail_rows,
        )
        return con

    def detail_file(self, path: Path) -> Path:
        """The same detail as the institution's export (金额 in yuan), for ``detail import``."""
        from tests.helpers.settlement import write_detail

        columns = ("settlement_no", "person_id", "birth_date", "medical_type", "charged_at",
                   "item_code", "item_name", "quantity", "amount_fen", "trace_code")  # fmt: skip
        rows = [
            {"settlement_no": bill, "person_id": person, "birth_date": date(1960, 5, 1),
             "medical_type": "门诊", "charged_at": when, "item_code": code, "item_name": name,
             "quantity": int(quantity), "amount_fen": Decimal(amount) / 100,
             "trace_code": trace or None}
            for _row, bill, person, when, code, name, quantity, amount, trace in self.detail_rows
        ]  # fmt: skip
        return write_detail(path, rows, columns=columns)

    def purchase_file(self, path: Path) -> Path:
        rows: list[list[object]] = [["购进日期", "药品名称", "收货单位", "药品追溯码"]]
        rows += [["2026-03-01", name, buyer, code] for code, name, buyer in self.purchases]
        return write_csv(path, rows, encoding="utf-8")


def plant(
    seed: int = 27, distinct: int = 150, repeats: int = 50, institution: str = INSTITUTION
) -> Shelf:
    """``distinct`` codes on the shelf, ``repeats`` of them scanned again: 20 settled once
    (回流), 10 settled two or three times (one of those inside a row of three codes), 10
    never purchased, 5 bought by another institution, the rest normal; and settled codes that
    are not on the shelf (dispensed, as they should be)."""
    rng = random.Random(seed)
    shelf = Shelf()
    codes = [code_of(n) for n in rng.sample(range(10**6), distinct)]
    kinds = [RETURNED] * 20 + [REPEATED] * 10 + [NOT_PURCHASED] * 10 + [OTHER_BUYER] * 5
    kinds += [NORMAL] * (distinct - len(kinds))
    rng.shuffle(kinds)
    row = 0
    moment = datetime(2026, 5, 1, 9, 0)

    def settle(codes_text: str, amount: int) -> None:
        nonlocal row, moment
        row += 1
        moment += timedelta(minutes=7)
        shelf.detail_rows.append(
            (row, f"JS{row:06d}", f"P{row % 37:04d}", moment, "XA01", "阿莫西林胶囊", 1.0,
             amount, codes_text)
        )  # fmt: skip

    for code, kind in zip(codes, kinds, strict=True):
        shelf.expected[code] = kind
        if kind == RETURNED:
            settle(code, 2_350)
            shelf.amount_fen += 2_350
        elif kind == REPEATED:
            for _ in range(rng.choice((2, 3))):
                settle(code, 1_800)
                shelf.amount_fen += 1_800
        if kind == NOT_PURCHASED:
            continue
        buyer = ELSEWHERE if kind == OTHER_BUYER else rng.choice(("", institution))
        shelf.purchases.append((code, "阿莫西林胶囊", buyer))
    # One 重复结算 code again inside a row of three boxes: its share is a third of the row.
    repeated = next(c for c, k in shelf.expected.items() if k == REPEATED)
    others = [code_of(2_000_000 + n) for n in range(2)]
    settle(f"{others[0]},{repeated}, {others[1]}", 3_000)
    shelf.amount_fen += 1_000
    # Dispensed and settled, not on the shelf: no hit.
    for n in range(300):
        settle(code_of(3_000_000 + n), 990)
    settle("", 500)  # a row without a code (a service, not a drug)
    shelf.scans = list(codes)
    for _ in range(repeats):
        shelf.scans.insert(rng.randrange(len(shelf.scans) + 1), rng.choice(codes))
    shelf.repeats = repeats
    return shelf
