"""A pharmacy's ledgers as the tests write them: six drugs, each with a known outcome."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

from inspector.stock.ledgers import Kind

ALBUMIN = ("人血白蛋白注射液", "10g")


STATIN = ("阿托伐他汀钙片", "20mg*7片")


LIANHUA = ("连花清瘟胶囊", "0.35g*24粒")


VITAMIN = ("维生素C片", "100mg*100片")


SYRINGE = ("一次性使用无菌注射器", "5ml")


IBUPROFEN = ("布洛芬缓释胶囊", "0.3g*20粒")


def write_csv(path: Path, rows: list[list[Any]], encoding: str = "gbk", title: str = "") -> Path:
    lines = ([title] if title else []) + [",".join(str(v) for v in row) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list[Any]], title: str = "") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def ledger_files(tmp_path: Path, *, settlement_spec: bool = True) -> dict[Kind, Path]:
    """Six drugs, each with a known outcome:
    - albumin: 20 + 50 − 60 = 10 counted 10 (stock right), settled 66 > sold 60: excess 6 at
      the settled price 400 yuan = 2,400.00;
    - statin: 100 + 200 − 250 = 50, counted 40: shortage 10 at the purchase price 20 = 200.00;
    - lianhua: no opening, 100 bought, 130 sold (30 beyond what could be sold), counted 0:
      surplus 30 (0 − (−30)) at 15 = 450.00; settled 120 ≤ sold;
    - vitamin C: all consistent;
    - syringe: bought in 盒, sold in 支: units differ, not compared;
    - ibuprofen: consistent, not counted (not compared for stock).
    Plus a purchase before the period and a 合计 row, both left out."""
    purchases = [
        ["购进日期", "药品名称", "规格", "单位", "购进数量", "购进金额（元）", "医保编码"],
        ["2026-01-05", *ALBUMIN, "瓶", 30, "9000.00", "XB05AAR001"],
        ["2026-03-02", *ALBUMIN, "瓶", 20, "6000.00", "XB05AAR001"],
        ["2025-12-20", *ALBUMIN, "瓶", 500, "150000.00", "XB05AAR001"],  # before the period
        ["2026-02-01", *STATIN, "盒", 200, "4000.00", ""],
        ["2026-02-03", *LIANHUA, "盒", 100, "1500.00", ""],
        ["2026-01-10", *VITAMIN, "瓶", 10, "50.00", ""],
        ["2026-01-10", *SYRINGE, "盒", 5, "100.00", ""],
        ["2026-01-11", *IBUPROFEN, "盒", 10, "120.00", ""],
        ["合计", "", "", "", 875, "170770.00", ""],
    ]
    sales = [
        ["发药日期", "品名", "规格", "单位", "发药数量", "金额"],
        ["2026-02-10", *ALBUMIN, "瓶", 60, 24000],
        ["2026-03-10", *STATIN, "盒", 250, 7500],
        ["2026-04-10", *LIANHUA, "盒", 130, 2600],
        ["2026-04-11", *VITAMIN, "瓶", 15, 90],
        ["2026-04-12", *SYRINGE, "支", 80, 80],
        ["2026-04-13", *IBUPROFEN, "盒", 10, 150],
    ]
    settlement_header = ["结算日期", "项目名称", "规格", "结算数量", "结算金额"]
    settlements = [
        ["2026-02-11", *ALBUMIN, 66, "26400.00"],
        ["2026-03-11", *STATIN, 250, "7500.00"],
        ["2026-04-11", *LIANHUA, 120, "2400.00"],
        ["2026-04-12", *VITAMIN, 15, "90.00"],
        ["2026-04-14", *IBUPROFEN, 10, "150.00"],
    ]
    if not settlement_spec:
        settlement_header.remove("规格")
        settlements = [[r[0], r[1], *r[3:]] for r in settlements]
    opening = [
        ["药品名称", "规格", "单位", "期初库存"],
        [*ALBUMIN, "瓶", 20],
        [*STATIN, "盒", 100],
        [*VITAMIN, "瓶", 10],
        [*IBUPROFEN, "盒", 5],
    ]
    count = [
        ["药品名称", "规格", "单位", "实盘数量"],
        [*ALBUMIN, "瓶", 10],
        [*STATIN, "盒", 40],
        [*LIANHUA, "盒", 0],
        [*VITAMIN, "瓶", 5],
        [*SYRINGE, "支", 0],
    ]
    return {
        Kind.PURCHASES: write_csv(tmp_path / "购进.csv", purchases, title="某医院药品购进明细"),
        Kind.SALES: write_xlsx(tmp_path / "发药.xlsx", sales, title="药房发药明细"),
        Kind.SETTLEMENTS: write_csv(
            tmp_path / "结算.csv", [settlement_header, *settlements], encoding="utf-8-sig"
        ),
        Kind.OPENING: write_csv(tmp_path / "期初.csv", opening),
        Kind.COUNT: write_xlsx(tmp_path / "盘点.xlsx", count),
    }
