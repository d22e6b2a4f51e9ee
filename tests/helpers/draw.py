"""What a draw needs: a registry of institutions and a roster of inspectors."""

from __future__ import annotations

from pathlib import Path

from inspector.planning.service import (
    add_conflict,
    add_to_roster,
    rate_institution,
)
from inspector.registry import apply, preview
from inspector.workspace import Workspace

REGISTRY = [
    ["机构名称", "机构类型", "所在区县", "协议编号"],
    ["甲社区卫生服务中心", "基层医疗机构", "历城区", "A001"],
    ["乙大药房", "定点零售药店", "历城区", "A002"],
    ["丙医院", "社会办医疗机构", "槐荫区", "A003"],
    ["丁卫生院", "基层医疗机构", "槐荫区", "A004"],
    ["戊诊所", "社会办医疗机构", "市中区", "A005"],
]

ROSTER = [
    ("张伟", "370100001", "历城区", True),
    ("李娜", "370100002", "槐荫区", True),
    ("王强", "370100003", "市中区", False),
    ("赵敏", "370100004", "市中区", True),
    ("刘洋", "370100005", "历城区", False),
    ("陈静", "370100006", "天桥区", True),
    ("孙磊", "370100007", "天桥区", False),
]


def fill_registry_and_roster(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "名单.csv"
    path.write_text("\n".join(",".join(r) for r in REGISTRY), encoding="gbk")
    apply(ws, preview(path, ws))
    for name, cert, district, lead in ROSTER:
        add_to_roster(ws, name=name, cert_no=cert, district=district, can_lead=lead)
    add_conflict(ws, "370100003", "A003", "亲属任职")
    rate_institution(ws, "A003", risk_level="高", credit_rating="D")
