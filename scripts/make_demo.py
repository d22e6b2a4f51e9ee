"""Make a data directory with a few realistic visits, for training and for the docs'
screenshots:  .venv/bin/python scripts/make_demo.py /tmp/inspector-demo"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inspector.evidence.intake import add_evidence
from inspector.inspections import (
    TeamMember,
    create_inspection,
    finish_inspection,
    get_inspection,
    record_answer,
)
from inspector.record.content import set_party_details, set_statement
from inspector.record.legal import disclose, show_certificate, tell
from inspector.workspace import Workspace

PHOTOS = Path(__file__).resolve().parent.parent / "tests" / "data" / "photos"


def lawful(ws: Workspace, inspection_id: str, team: list[TeamMember], credit_code: str) -> None:
    """What the law requires of the on-site record (inspector/record/legal.py): both show the
    执法证件, the first tells the party its rights and duty, records, and names the party."""
    for member in team:
        show_certificate(ws, inspection_id, member.cert_no)
    teller = team[0].cert_no
    tell(ws, inspection_id, "recusal", by=teller, reply="不申请回避")
    tell(ws, inspection_id, "duty", by=teller, reply="配合检查")
    tell(ws, inspection_id, "opinion", by=teller)
    set_party_details(ws, inspection_id, credit_code=credit_code, recorder=teller)


def main(home: str) -> None:
    team = [TeamMember("张伟", "370100001", "槐荫区"), TeamMember("李娜", "370100002", "槐荫区")]
    with Workspace.open(home) as ws:
        pharmacy = create_inspection(
            ws,
            institution="历下区康泰大药房",
            type_code="retail_pharmacy",
            mode="covert",
            district="历下区",
            team=team,
            team_district="槐荫区",
        )
        record_answer(
            ws,
            pharmacy,
            "P2.4",
            "problem",
            note="营业时间 10:20 到店，执业药师不在岗，店员称药师“今天休息”",
            violation="VP07",
            no_amount=True,
            no_evidence_reason="暗访时未拍照；亮明身份后店员确认药师不在岗",
        )
        # 暗访: certificates and notices come when the team discloses itself.
        disclose(ws, pharmacy)
        lawful(ws, pharmacy, team, "91370102MA3C4K5X11")
        clinic = create_inspection(
            ws,
            institution="历城区某社区卫生服务中心",
            type_code="primary_care",
            mode="surprise",
            district="历城区",
            team=team,
            leader="370100002",
            agreement_no="JN-2023-0147",
            place="住院部二楼",
        )
        items = [item.code for item in get_inspection(ws, clinic).checklist.items]
        for code in items[:6]:
            record_answer(ws, clinic, code, "ok", note="现场核对一致")
        record_answer(
            ws,
            clinic,
            "P5.1",
            "problem",
            note="住院一览表 23 人，在床 17 人；6 张床位无人，床头卡齐全，病人称“晚上回家住”",
            amount="18,460.00",
            violation="VH04",
        )
        add_evidence(
            ws,
            clinic,
            [PHOTOS / "gps" / "DSCN0010.jpg", PHOTOS / "gps" / "DSCN0012.jpg"],
            item_code="P5.1",
            added_by="370100001",
        )
        set_party_details(
            ws,
            clinic,
            legal_rep="孙某",
            address="济南市历城区山大路 100 号",
            phone="0531-88880000",
            credit_code="91350100M000100Y43",
            recorder="370100001",
        )
        lawful(ws, clinic, team, "91350100M000100Y43")
        set_statement(ws, clinic, "六名病人均已请假，请假条稍后提交。", "孙某", "院长")
        hospital = create_inspection(
            ws,
            institution="济南某民营医院",
            type_code="private_hospital",
            mode="flying",
            district="天桥区",
            team=team,
            focus=["fields_2023"],
        )
        for code in [i.code for i in get_inspection(ws, hospital).checklist.items][:20]:
            record_answer(ws, hospital, code, "ok")
        lawful(ws, hospital, team, "91350100M000100Y43")
        finish_inspection(ws, hospital)
    print(home)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "inspector-demo")
