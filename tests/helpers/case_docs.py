"""A case's facts as plain data, filled for every document (one finding of a signed
inspection carried to 结案), and the people who hold each role in it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from inspector.cases.documents import (
    CaseFacts,
    HearingFacts,
    Measure,
    Party,
    Payment,
    Person,
    ReviewFacts,
    ServiceFacts,
    StatementFacts,
)

OFFICERS = (Person("张伟", "370100001"), Person("李娜", "370100002"))
REVIEWER = Person("周敏", "370100003")
HEAD = Person("陈刚", "370100004")
HOST = Person("吴静", "370100005")
BUREAU = {
    "name": "济南市历城区医疗保障局",
    "credit_code": "11370112MB2856438X",
    "address": "济南市历城区华信路3号",
    "district": "历城区",
    "short": "历城",
    "templates": {},
}


def facts(**changes: object) -> CaseFacts:
    base = CaseFacts(
        case_id="6f1c2a9e-0000-4000-8000-000000000001",
        case_no="历医保案〔2026〕7号",
        bureau_name=BUREAU["name"],  # type: ignore[arg-type]
        bureau=BUREAU,
        district="历城区",
        party=Party(
            "济南市历城区某社区诊所",
            credit_code="52370112MJD123456Y",
            address="济南市历城区山大路100号",
            representative="王某",
        ),
        cause="涉嫌串换药品、分解住院骗取医保基金",
        source="现场检查发现（检查记录 历城医保检〔2026〕12号）",
        summary="2026年11月现场检查发现该诊所将自费药品串换为医保药品申报结算，"
        "涉及金额 3,200.00 元。",
        facts="2026年1月至10月，你单位将自费药品“某某胶囊”串换为医保目录内药品申报结算 86 人次，"
        "造成医保基金损失 3,200.00 元。",
        evidence=(
            "现场检查记录（历城医保检〔2026〕12号）及照片 6 张",
            "询问笔录 2 份（王某、刘某）",
            "医保结算明细 86 条及药品进销存台账",
        ),
        violated=("《医疗保障基金使用监督管理条例》第十五条",),
        basis=("《医疗保障基金使用监督管理条例》第三十八条",),
        measures=(
            Measure("责令退回医保基金", 320000, "条例第三十八条"),
            Measure("罚款", 480000, "条例第三十八条", "造成损失金额的 1.5 倍"),
        ),
        circumstances="当事人积极配合调查，主动退回部分款项，依法从轻处罚。",
        officers=OFFICERS,
        reviewer=REVIEWER,
        head=HEAD,
        opened_on=date(2026, 11, 16),
        investigation="立案后承办人调取了该诊所 2026 年 1 月至 10 月的医保结算数据"
        "和药品进销存台账，"
        "询问了诊所负责人王某和患者家属刘某。",
        opinion="当事人涉嫌违反条例第十五条，建议立案调查。",
        notice_no="历医保罚告〔2026〕3号",
        notice_on=date(2026, 11, 30),
        statement_due=date(2026, 12, 7),
        hearing_due=date(2026, 12, 7),
        hearing_offered=True,
        contact="张伟 0531-88888888",
        review=ReviewFacts(
            date(2026, 11, 27), "同意", "事实清楚，证据确凿，适用依据正确，程序合法，裁量适当。"
        ),
        statement=StatementFacts(
            at=datetime(2026, 12, 3, 9, 30),
            place="历城区医疗保障局 3 楼询问室",
            speaker="王某",
            speaker_role="法定代表人",
            content="对违法事实无异议，系收费员操作失误，已退回部分款项，请求从轻处罚。",
            recorder="李娜",
        ),
        hearing=HearingFacts(
            requested_on=date(2026, 12, 2),
            at=datetime(2026, 12, 14, 9, 0),
            place="历城区医疗保障局第一会议室",
            host=HOST,
            clerk="赵某",
            attendees="王某（法定代表人）、孙某（委托代理人）",
            investigators_case="承办人陈述违法事实、出示证据，"
            "建议责令退回 3,200.00 元并处罚款 4,800.00 元。",
            party_case="当事人对证据无异议，认为罚款过重，请求减轻。",
            last_word="请求从轻处罚。",
        ),
        decided_on=date(2026, 12, 18),
        decision_no="历医保罚决〔2026〕5号",
        statement_adopted="当事人提出的主动退回部分款项的情节成立，已在裁量中考虑；请求减轻处罚的理由不成立，不予采纳。",
        payee="济南市历城区财政局非税收入专户（开户行：某银行历城支行）",
        reconsideration_body="济南市历城区人民政府",
        court="济南市历城区人民法院",
        service=ServiceFacts(
            document_title="行政处罚决定书",
            document_no="历医保罚决〔2026〕5号",
            way="直接送达",
            served_on=date(2026, 12, 19),
            recipient="王某",
            place="济南市历城区山大路100号",
            server=OFFICERS,
        ),
        closed_on=date(2026, 12, 30),
        close_reason="行政处罚决定执行完毕",
        execution="当事人已按期退回医保基金并缴纳罚款。",
        payments=(
            Payment("退回医保基金", 320000, date(2026, 12, 25)),
            Payment("罚款", 480000, date(2026, 12, 28)),
        ),
    )
    return replace(base, **changes)  # type: ignore[arg-type]
