"""The bureau's lists of institutions as the tests write them (CSV and Excel), and the registry
filled from one."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
from sqlalchemy import func, select

from inspector.db.models import Institution
from inspector.registry import (
    apply,
    preview,
)
from inspector.workspace import Workspace

HEADER = ["机构名称", "机构类型", "所在区县", "协议编号", "协议到期日", "等级", "备注"]


GOOD = [
    ["历城区某社区卫生服务中心", "社区卫生服务中心", "历城区", "JN-001", "2026-12-31", "一级", ""],
    ["某大药房连锁店", "定点药店", "市中区", "JN-002", "2026/06/30", "", "连锁"],
    ["济南某医院", "二级及以上公立医疗机构", "槐荫区", "JN-003", "2027年3月1日", "三级甲等", ""],
    ["某民营医院", "private_hospital", "天桥区", "", "", "二级", ""],
]


def count(ws: Workspace) -> int:
    with ws.db.session() as session:
        return session.scalar(select(func.count()).select_from(Institution)) or 0


def many_rows(n: int) -> list[list[str]]:
    return [[f"药店{i:04d}", "定点药店", "历下区", f"N-{i}", "2027-01-01"] for i in range(n)]


def write_csv(path: Path, rows: Sequence[Sequence[Any]], encoding: str = "utf-8-sig") -> Path:
    text = "\r\n".join(",".join(str(c) for c in row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]], sheet: str = "名单") -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(list(row))
    book.save(path)
    return path


def fill_registry(workspace: Workspace, tmp_path: Path) -> None:
    rows = [
        *GOOD,
        ["历城区过期药店", "定点药店", "历城区", "JN-OLD", "2020-01-01", "", ""],
    ]
    apply(workspace, preview(write_csv(tmp_path / "a.csv", [HEADER, *rows]), workspace))
