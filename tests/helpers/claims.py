"""Settlement files made by the tests (typed rows, GBK CSV) and an inspection to attach a claims
sample to."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from inspector.claims.sampling import (
    Rules,
)
from inspector.inspections import TeamMember, create_inspection
from inspector.workspace import Workspace

HEADER = ["结算单号", "参保人编号", "姓名", "定点机构名称", "医疗类别", "入院日期", "出院日期",
          "就诊日期", "医疗总费用", "统筹基金支付", "项目"]  # fmt: skip


def generate(n: int, seed: int = 3) -> list[list[Any]]:
    """Settlement rows (typed values: dates, Decimal yuan), 2016-2024, a few hundred patients."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        day = date(2016, 1, 1) + timedelta(days=rng.randrange(3285))
        patient = rng.randrange(300)
        if rng.random() < 0.25:
            yuan = Decimal(rng.randrange(100_000, 9_000_000)) / 100
            rows.append([f"Z{i:06d}", f"P{patient:04d}", f"患者{patient}", "某医院", "住院",
                         day, day + timedelta(days=rng.randrange(1, 30)), None, yuan,
                         (yuan * Decimal("0.6")).quantize(Decimal("0.01")), "床位费"])  # fmt: skip
        else:
            yuan = Decimal(rng.randrange(500, 300_000)) / 100
            rows.append([f"Z{i:06d}", f"P{patient:04d}", f"患者{patient}", "某医院", "门诊",
                         None, None, day, yuan, None, "西药费"])  # fmt: skip
    return rows


def text(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


def write_csv(path: Path, rows: list[list[Any]], encoding: str = "gbk") -> Path:
    lines = ["某区医疗保障局 结算数据（导出）", ",".join(HEADER)]
    lines += [",".join(text(v) for v in row) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


RULES = Rules(since=date(2018, 1, 1), seed=20261203, rate=Decimal("0.1"), top=20)


def claims_inspection(ws: Workspace) -> str:
    return create_inspection(
        ws, institution="某医院", type_code="public_hospital", mode="surprise",
        district="历城区",
        team=[TeamMember("张伟", "370100001"), TeamMember("李娜", "370100002")],  # art. 42: two
    )  # fmt: skip
