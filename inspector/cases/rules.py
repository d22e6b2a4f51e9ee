"""What the law says of a case, as data: its stages and the order of its steps, the measures
and the range of each fine, and the periods counted on the working calendar.

The articles are those of 医疗保障基金使用监督管理条例 (国务院令第735号, "条例"), 行政处罚法
(2021) and 医疗保障行政处罚程序暂行规定 (国家医保局令第4号, "暂行规定")."""

from __future__ import annotations

from dataclasses import dataclass

from inspector.errors import Term

# --- stages -----------------------------------------------------------------------------------

OPEN = "open"  # 案源登记, 待立案
FILED = "filed"  # 立案: 调查取证 under way
INVESTIGATED = "investigated"  # 调查终结
REVIEWED = "reviewed"  # 案件审核 (法制审核) passed
NOTIFIED = "notified"  # 事先告知 served
HEARD = "heard"  # 陈述申辩 / 听证 (the party was heard, waived, or asked for a hearing)
DECIDED = "decided"  # 行政处罚决定
SERVED = "served"  # 决定书送达
EXECUTED = "executed"  # 执行完毕 (or the reason it is not)
CLOSED = "closed"  # 结案
NOT_FILED = "not_filed"  # 不予立案
WITHDRAWN = "withdrawn"  # 撤销立案
TERMINATED = "terminated"  # 终止调查

STAGE_NAMES = {
    OPEN: Term("待立案"),
    FILED: Term("已立案（调查取证）"),
    INVESTIGATED: Term("调查终结"),
    REVIEWED: Term("已法制审核"),
    NOTIFIED: Term("已事先告知"),
    HEARD: Term("陈述申辩/听证"),
    DECIDED: Term("已决定"),
    SERVED: Term("已送达"),
    EXECUTED: Term("已执行"),
    CLOSED: Term("已结案"),
    NOT_FILED: Term("不予立案"),
    WITHDRAWN: Term("已撤销"),
    TERMINATED: Term("已终止"),
}
ENDED = (CLOSED, NOT_FILED, WITHDRAWN, TERMINATED)
# Stages in which the case is being investigated and decided: its 90 days run.
RUNNING = (FILED, INVESTIGATED, REVIEWED, NOTIFIED, HEARD)

# --- steps --------------------------------------------------------------------------------------

FILE = "file"
NOT_FILE = "not_file"
INVESTIGATE = "investigate"
REVIEW = "review"
NOTIFY = "notify"
STATEMENT = "statement"
WAIVE = "waive"
HEARING_REQUEST = "hearing_request"
HEARING = "hearing"
DECIDE = "decide"
SERVE = "serve"
EXECUTE = "execute"
CLOSE = "close"
WITHDRAW = "withdraw"
TERMINATE = "terminate"
EXTEND = "extend"

# Names shown in messages are Terms: the app translates them with the message.
STEP_NAMES = {
    FILE: Term("立案"),
    NOT_FILE: Term("不予立案"),
    INVESTIGATE: Term("调查终结"),
    REVIEW: Term("案件审核（法制审核）"),
    NOTIFY: Term("事先告知"),
    STATEMENT: Term("陈述申辩"),
    WAIVE: Term("书面放弃陈述申辩和听证"),
    HEARING_REQUEST: Term("申请听证"),
    HEARING: Term("听证"),
    DECIDE: Term("作出决定"),
    SERVE: Term("送达"),
    EXECUTE: Term("执行"),
    CLOSE: Term("结案"),
    WITHDRAW: Term("撤销立案"),
    TERMINATE: Term("终止调查"),
    EXTEND: Term("延长办案期限"),
}


@dataclass(frozen=True)
class Transition:
    after: tuple[str, ...]  # the stages the step may follow
    to: str | None  # the stage it leads to (None: the stage stays)
    rule: str  # what must come first, and why (shown when the step is refused)


TRANSITIONS = {
    FILE: Transition((OPEN,), FILED, Term("立案须针对登记的案源，每个案件只立案一次")),
    NOT_FILE: Transition((OPEN,), NOT_FILED, Term("不予立案只能针对尚未立案的案源")),
    INVESTIGATE: Transition((FILED,), INVESTIGATED, Term("调查终结须在立案之后")),
    REVIEW: Transition(
        (INVESTIGATED,),
        REVIEWED,
        Term("法制审核须在调查终结之后、作出决定之前（行政处罚法第五十八条）"),
    ),
    NOTIFY: Transition(
        (REVIEWED,),
        NOTIFIED,
        Term("事先告知须在法制审核通过之后：告知的是经审核的事实、理由、依据和拟作出的处罚"),
    ),
    STATEMENT: Transition((NOTIFIED, HEARD), HEARD, Term("陈述申辩须在事先告知之后、作出决定之前")),
    WAIVE: Transition((NOTIFIED, HEARD), HEARD, Term("放弃陈述申辩须在事先告知之后、作出决定之前")),
    HEARING_REQUEST: Transition(
        (NOTIFIED, HEARD), HEARD, Term("申请听证须在事先告知之后（行政处罚法第六十四条）")
    ),
    HEARING: Transition(
        (HEARD,), HEARD, Term("听证须在当事人申请听证之后（行政处罚法第六十四条）")
    ),
    DECIDE: Transition(
        (NOTIFIED, HEARD),
        DECIDED,
        Term("作出决定前须事先告知当事人并听取陈述申辩（行政处罚法第四十四条、第六十二条）"),
    ),
    SERVE: Transition((DECIDED,), SERVED, Term("送达须在作出决定之后")),
    EXECUTE: Transition((SERVED,), EXECUTED, Term("执行须在决定书送达之后")),
    CLOSE: Transition((EXECUTED,), CLOSED, Term("结案须在执行完毕（或记录不能执行的理由）之后")),
    WITHDRAW: Transition(RUNNING, WITHDRAWN, Term("撤销立案只能针对已立案、尚未决定的案件")),
    TERMINATE: Transition(RUNNING, TERMINATED, Term("终止调查只能针对已立案、尚未决定的案件")),
    EXTEND: Transition(RUNNING, None, Term("只有已立案、尚未决定的案件可以延长办案期限")),
}

# --- people and roles ---------------------------------------------------------------------------

OFFICER = "officer"  # 承办人 (执法人员)
APPROVER = "approver"  # 负责人 (批准立案、决定、结案)
REVIEWER = "reviewer"  # 法制审核人员
HOST = "host"  # 听证主持人
SERVER = "server"  # 送达人
WITNESS = "witness"  # 见证人 (留置送达)
RECIPIENT = "recipient"  # 受送达人
ROLE_NAMES = {
    OFFICER: Term("承办人"),
    APPROVER: Term("负责人"),
    REVIEWER: Term("法制审核人员"),
    HOST: Term("听证主持人"),
    SERVER: Term("送达人"),
    WITNESS: Term("见证人"),
    RECIPIENT: Term("受送达人"),
}

# --- service (送达) -----------------------------------------------------------------------------

SERVICE_WAYS = {
    "direct": Term("直接送达"),
    "lodged": Term("留置送达"),
    "post": Term("邮寄送达"),
    "electronic": Term("电子送达"),
    "public": Term("公告送达"),
}
SERVICE_ALIASES = {**{k: k for k in SERVICE_WAYS}, **{v: k for k, v in SERVICE_WAYS.items()}}
SERVICE_ALIASES.update({"直接": "direct", "留置": "lodged", "邮寄": "post", "电子": "electronic"})
SERVICE_ALIASES.update({"公告": "public"})

# --- measures -----------------------------------------------------------------------------------

REFUND = "refund"  # 责令退回
FINE = "fine"  # 罚款
CONFISCATE = "confiscate"  # 没收违法所得
SUSPEND_SERVICE = "suspend_service"  # 暂停相关责任部门涉及基金使用的医药服务 (条例 arts. 38, 40)
SUSPEND_PERSON = "suspend_person"  # 暂停个人医疗费用联网结算 (条例 art. 41)
INTERVIEW = "interview"  # 约谈 (协议)
REJECT = "reject"  # 拒付/追回 (协议)
SUSPEND_SETTLEMENT = "suspend_settlement"  # 暂停结算 (协议)
HALT = "halt"  # 中止协议
TERMINATE_AGREEMENT = "terminate_agreement"  # 解除协议

MEASURE_NAMES = {
    REFUND: Term("责令退回"),
    FINE: Term("罚款"),
    CONFISCATE: Term("没收违法所得"),
    SUSPEND_SERVICE: Term("暂停相关责任部门医药服务"),
    SUSPEND_PERSON: Term("暂停医疗费用联网结算"),
    INTERVIEW: Term("约谈"),
    REJECT: Term("拒付/追回"),
    SUSPEND_SETTLEMENT: Term("暂停结算"),
    HALT: Term("中止协议"),
    TERMINATE_AGREEMENT: Term("解除协议"),
}
MEASURE_ALIASES = {
    **{k: k for k in MEASURE_NAMES},
    **{v: k for k, v in MEASURE_NAMES.items()},
    "退回": REFUND,
    "没收": CONFISCATE,
    "拒付": REJECT,
    "追回": REJECT,
    "解除": TERMINATE_AGREEMENT,
    "中止": HALT,
}
# The penalty's measures (行政处罚): proposed before 事先告知, told to the party, decided.
PENALTY = (REFUND, FINE, CONFISCATE, SUSPEND_SERVICE, SUSPEND_PERSON)
# The agreement's actions (协议处理, by the 经办机构 under the service agreement): taken on
# their day, without the penalty procedure.
AGREEMENT = (INTERVIEW, REJECT, SUSPEND_SETTLEMENT, HALT, TERMINATE_AGREEMENT)
# Measures that are money owed, and so paid.
MONEY = (REFUND, FINE, CONFISCATE, REJECT)
# What each kind of money is in the figures: 退回, 罚没 (fines and confiscation apart), 追回.
PERIOD = (SUSPEND_SERVICE, SUSPEND_PERSON, SUSPEND_SETTLEMENT, HALT)

LIGHTER = "lighter"  # 从轻
MITIGATED = "mitigated"  # 减轻: below the lower limit (行政处罚法 art. 32)
HEAVIER = "heavier"  # 从重
DISCRETION_NAMES = {LIGHTER: Term("从轻"), MITIGATED: Term("减轻"), HEAVIER: "从重"}
DISCRETION_ALIASES = {
    **{k: k for k in DISCRETION_NAMES},
    **{v: k for k, v in DISCRETION_NAMES.items()},
    "从轻处罚": LIGHTER,
    "减轻处罚": MITIGATED,
    "从重处罚": HEAVIER,
}

ORG = "org"
PERSON = "person"
PARTY_NAMES = {ORG: Term("定点医药机构"), PERSON: "个人"}


@dataclass(frozen=True)
class FineRule:
    """A fine's range under one article of 条例: a multiple of an amount (损失/骗取金额), or
    fixed amounts in yuan; who it applies to."""

    article: str
    party: str
    low_times: int | None = None
    high_times: int | None = None
    low_fen: int | None = None
    high_fen: int | None = None
    basis_name: str = ""
    text: str = ""

    def bounds(self, basis_fen: int | None) -> tuple[int, int]:
        if self.low_times is not None and self.high_times is not None:
            assert basis_fen is not None
            return basis_fen * self.low_times, basis_fen * self.high_times
        assert self.low_fen is not None and self.high_fen is not None
        return self.low_fen, self.high_fen


# 条例 art. 38: 定点医药机构 causing a loss to the fund (分解住院, 过度诊疗, 串换 ...): 责令退回,
# 处造成损失金额1倍以上2倍以下的罚款. Art. 39: its duties of management and reporting:
# 拒不改正的, 处1万元以上5万元以下的罚款. Art. 40: 骗取医疗保障基金支出 (虚构服务, 伪造文书 ...):
# 责令退回, 处骗取金额2倍以上5倍以下的罚款. Art. 41: 个人 (冒名就医, 转卖药品 ...) for fraud:
# 暂停联网结算3个月至12个月, 处骗取金额2倍以上5倍以下的罚款.
FINE_RULES = {
    "38": FineRule("38", ORG, 1, 2, basis_name=Term("造成损失金额"), text=Term("1倍以上2倍以下")),
    "39": FineRule(
        "39", ORG, low_fen=1_000_000, high_fen=5_000_000, text=Term("1万元以上5万元以下")
    ),
    "40": FineRule("40", ORG, 2, 5, basis_name=Term("骗取金额"), text=Term("2倍以上5倍以下")),
    "41": FineRule("41", PERSON, 2, 5, basis_name=Term("骗取金额"), text=Term("2倍以上5倍以下")),
}
# The suspensions' lengths in months: 条例 arts. 38 and 40 (责任部门 6 个月以上 1 年以下), art. 41
# (个人联网结算 3 个月至 12 个月).
SUSPENSION_MONTHS = {
    SUSPEND_SERVICE: {"38": (6, 12), "40": (6, 12)},
    SUSPEND_PERSON: {"41": (3, 12)},
}

# --- periods ------------------------------------------------------------------------------------

CASE_DAYS = 90  # 行政处罚法 art. 60: decided within 90 days of 立案, unless extended
FIRST_EXTENSION_DAYS = 30  # 暂行规定: one extension approved by the 负责人; more by 集体讨论
STATEMENT_DAYS = 5  # working days for 陈述申辩, or the bureau's setting
HEARING_DAYS = 5  # 行政处罚法 art. 64(一): a hearing is asked for within 5 days of the notice
SERVICE_DAYS = 7  # 行政处罚法 art. 61: the decision is served within 7 days
PAYMENT_DAYS = 15  # 行政处罚法 art. 67: a fine is paid within 15 days of receiving the decision
TERMINATION_YEARS = 3  # an institution whose agreement is 解除 is kept out for 3 years
# Settings (``settings`` table) that change the defaults above for a bureau.
STATEMENT_DAYS_SETTING = "case.statement_days"
# 行政处罚法 art. 63: a hearing is offered for a 较大数额 fine or confiscation (the amount is the
# province's standard; these defaults are a bureau setting), and for a suspension or the
# agreement's 解除.
HEARING_PERSON_FEN_SETTING = "case.hearing_person_fen"
HEARING_ORG_FEN_SETTING = "case.hearing_org_fen"
HEARING_PERSON_FEN = 500_000  # 5,000 yuan
HEARING_ORG_FEN = 10_000_000  # 100,000 yuan
# The bureau's settings of the case procedure (``config NAME VALUE``) and what each means.
SETTINGS = {
    STATEMENT_DAYS_SETTING: "陈述申辩期限（工作日，默认 5）",
    HEARING_ORG_FEN_SETTING: "机构的较大数额罚款（分，默认 10000000）：达到即告知听证权利",
    HEARING_PERSON_FEN_SETTING: "个人的较大数额罚款（分，默认 500000）：达到即告知听证权利",
}
