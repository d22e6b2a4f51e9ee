"""The documents of a case (案件文书): one generic document — a PDF in the house look of the
record and the 整改通知书 (the 执法主体 and its particulars, the 文号, "第 N 页 共 M 页", the QR
code, the embedded Chinese font), kept in the record store with its SHA-256, signed digitally
(PAdES, an incremental update into the box reserved for it) by the person the law names for
that document and nobody else — and one template per stage over plain data
(:class:`CaseFacts`): 立案审批表, 调查终结报告, 法制审核意见, 行政处罚事先告知书, 陈述申辩笔录,
听证告知书, 听证笔录, 行政处罚决定书, 送达回证, 结案报告.

A template refuses to render a document that lacks what the law requires it to state, naming
the article. The case package maps a case to :class:`CaseFacts`; the app and the command line
call :func:`make_document`, :func:`documents_of`, :func:`document_bytes`,
:func:`sign_document`, :func:`verify_document` and :func:`save_document_copy`."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path, PurePath
from typing import Any

from sqlalchemy import select

from inspector import ids
from inspector.db.models import CaseDocument, Inspector, new_id
from inspector.errors import InvalidInput, Term
from inspector.inspections import format_fen
from inspector.workspace import Workspace

# Who signs what. The law names the person; the case names who that is (its officers, its
# 法制审核 reviewer, the bureau's responsible person, the hearing's host).
OFFICER, REVIEWER, HEAD, HOST, SERVER = "officer", "reviewer", "head", "host", "server"
ROLE_NAMES = {
    OFFICER: "案件承办人",
    REVIEWER: "法制审核人员",
    HEAD: "医疗保障行政部门负责人",
    HOST: "听证主持人",
    SERVER: "送达人",
}
SERVICE_WAYS = ("直接送达", "留置送达", "邮寄送达", "电子送达", "公告送达")

# The laws as the documents name them.
PENALTY_LAW = "《中华人民共和国行政处罚法》"
PROCEDURE_RULES = "《医疗保障行政处罚程序暂行规定》"
FUND_REGULATION = "《医疗保障基金使用监督管理条例》"
RECONSIDERATION_DAYS = 60  # 《中华人民共和国行政复议法》: 自知道之日起六十日内申请
LITIGATION_MONTHS = 6  # 《中华人民共和国行政诉讼法》第四十六条: 六个月内提起诉讼
HEARING_NOTICE_DAYS = 7  # 行政处罚法 art. 64(2): notified seven days before the hearing


# --- the plain data a document is rendered from ----------------------------------------------


@dataclass(frozen=True)
class Person:
    name: str
    cert_no: str = ""  # 执法证号 (empty for people without one: a clerk, a witness)


@dataclass(frozen=True)
class Party:
    """The party (当事人) as the documents identify it."""

    name: str
    credit_code: str = ""  # 统一社会信用代码 (a unit) or 身份证号 (a person)
    address: str = ""
    representative: str = ""  # 法定代表人 / 主要负责人
    phone: str = ""
    individual: bool = False


@dataclass(frozen=True)
class Measure:
    """One proposed or decided measure: 责令退回, 罚款, 没收违法所得, an agreement action."""

    label: str
    amount_fen: int | None = None
    basis: str = ""  # the article it rests on
    note: str = ""  # e.g. the multiple, the period, 从轻 and why


@dataclass(frozen=True)
class Payment:
    label: str
    amount_fen: int
    paid_on: date


@dataclass(frozen=True)
class StatementFacts:
    """A 陈述申辩 heard (行政处罚法 art. 45), or waived in writing."""

    at: datetime | date  # a date when the hour was not recorded
    place: str
    speaker: str
    speaker_role: str  # 法定代表人, 委托代理人 …
    content: str
    recorder: str = ""
    waived: bool = False


@dataclass(frozen=True)
class ReviewFacts:
    reviewed_on: date
    conclusion: str  # 同意 / 建议修改 / 不同意
    opinion: str


@dataclass(frozen=True)
class HearingFacts:
    requested_on: date | None
    at: datetime | date
    place: str
    host: Person
    clerk: str
    public: bool = True
    attendees: str = ""  # the party, its agents
    investigators_case: str = ""  # what the case officers stated (facts, evidence, proposal)
    party_case: str = ""  # the party's statement, defence, cross-examination
    last_word: str = ""  # 最后陈述
    party_signed: bool = True
    refusal_note: str = ""  # when the party would not sign: the host notes it


@dataclass(frozen=True)
class ServiceFacts:
    """One service of a document (送达), as 行政处罚法 art. 61 and the 民事诉讼法 allow."""

    document_title: str
    document_no: str
    way: str  # one of SERVICE_WAYS
    served_on: date
    recipient: str  # who received it (受送达人 or who signed for it)
    place: str = ""
    witness: str = ""  # 留置送达: the witness present
    server: tuple[Person, ...] = ()
    consent: str = ""  # 电子送达: the party's written consent (确认书)
    medium: str = ""  # 公告送达: where it was announced
    tracking_no: str = ""  # 邮寄送达: the postal receipt
    note: str = ""


@dataclass(frozen=True)
class CaseFacts:
    """What a case's documents state, as plain data (the case package fills it)."""

    case_id: str
    case_no: str  # 案号
    bureau_name: str
    party: Party
    cause: str  # 案由
    bureau: dict[str, Any] | None = None  # the 执法主体's snapshot (inspector/bureaus.py)
    district: str = ""
    source: str = ""  # 案件来源
    summary: str = ""  # 简要案情
    facts: str = ""  # 违法事实
    evidence: tuple[str, ...] = ()
    violated: tuple[str, ...] = ()  # the provisions broken
    basis: tuple[str, ...] = ()  # the articles the measures rest on
    measures: tuple[Measure, ...] = ()
    circumstances: str = ""  # 从轻/减轻/从重 情节 and the reason
    officers: tuple[Person, ...] = ()
    reviewer: Person | None = None
    head: Person | None = None
    opened_on: date | None = None
    investigation: str = ""  # 调查经过
    opinion: str = ""  # 承办人意见
    notice_no: str = ""
    notice_on: date | None = None
    statement_due: date | None = None
    hearing_due: date | None = None
    hearing_offered: bool = False
    contact: str = ""  # 联系人及电话 on letters to the party
    review: ReviewFacts | None = None
    statement: StatementFacts | None = None
    hearing: HearingFacts | None = None
    decided_on: date | None = None
    decision_no: str = ""
    statement_adopted: str = ""  # what of the 陈述申辩/听证 was adopted, and why
    pay_within_days: int = 15  # 行政处罚法 art. 67: 十五日内缴纳罚款
    payee: str = ""  # where to pay (收缴机构)
    reconsideration_body: str = ""
    court: str = ""
    service: ServiceFacts | None = None
    closed_on: date | None = None
    close_reason: str = ""
    execution: str = ""  # how the decision was carried out
    payments: tuple[Payment, ...] = ()

    def holders(self, role: str) -> list[Person]:
        """Who holds ``role`` in this case."""
        if role == OFFICER:
            return list(self.officers)
        if role == REVIEWER:
            return [self.reviewer] if self.reviewer else []
        if role == HEAD:
            return [self.head] if self.head else []
        if role == HOST:
            return [self.hearing.host] if self.hearing else []
        if role == SERVER:
            return list(self.service.server) if self.service else []
        raise ValueError(role)

    def snapshot(self) -> dict[str, Any]:
        return _plain(asdict(self))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


# --- what each document is -------------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    kind: str  # as the command line names it
    title: str
    role: str  # who signs it
    rule: str  # the law that names that person
    numbered: bool  # sent to the party: numbered from the bureau's template (文号)
    prefix: str  # the number's letters when the bureau has no template for it
    build: Callable[[CaseFacts, dict[str, Any], date], list[Any]] = field(repr=False)
    # Every holder of the role signs (the 承办人 who report together, 行政处罚法 art. 42),
    # not one of them.
    all_sign: bool = False


# --- rendering --------------------------------------------------------------------------------


def _esc(text: str | None) -> str:
    if not text:
        return ""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")
    )


def _day(value: date | None) -> str:
    return f"{value:%Y年%m月%d日}" if value else "　　年　　月　　日"


def _moment(value: datetime | date | None) -> str:
    if isinstance(value, datetime):
        return f"{value:%Y年%m月%d日 %H时%M分}"
    return _day(value) if value else "—"


def _yuan(fen: int | None) -> str:
    return f"{format_fen(fen)} 元" if fen is not None else "—"


def _need(spec: Spec, present: object, what: str, rule: str) -> None:
    """Refuse a document that would not state what the law requires of it."""
    if not present:
        raise InvalidInput(
            "{title}须载明{what}（{rule}）：请先在案件中填写",
            title=Term(spec.title),
            what=what,
            rule=rule,
        )


def _styles() -> dict[str, Any]:
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm

    from inspector.record.layout import register_font

    font = register_font()
    base = ParagraphStyle("base", fontName=font, fontSize=10.5, leading=17, wordWrap="CJK")
    return {
        "font": font,
        "base": base,
        "body": ParagraphStyle("body", parent=base, firstLineIndent=21),
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=12),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=14),
        "title": ParagraphStyle(
            "title", parent=base, fontSize=18, leading=26, alignment=TA_CENTER, spaceAfter=2 * mm
        ),
        "centre": ParagraphStyle("centre", parent=base, alignment=TA_CENTER, spaceAfter=4 * mm),
        "detail": ParagraphStyle(
            "detail", parent=base, fontSize=8.5, leading=11, alignment=TA_CENTER, spaceAfter=3 * mm
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontSize=11.5, leading=18, spaceBefore=3 * mm, keepWithNext=1
        ),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
    }


def _p(text: str, s: dict[str, Any], style: str = "body") -> Any:
    from inspector.record.linebreak import ChineseParagraph

    return ChineseParagraph(text, s[style])


def _grid(rows: list[tuple[str, Any]], s: dict[str, Any]) -> Any:
    """A form's label/value table (审批表, 回证), values as paragraphs."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    data = [
        [_p(label, s, "cell"), value if not isinstance(value, str) else _p(value, s, "cell")]
        for label, value in rows
    ]
    table = Table(data, colWidths=[34 * mm, 140 * mm])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef2f7")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _measures_table(measures: tuple[Measure, ...], s: dict[str, Any]) -> Any:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    data: list[list[Any]] = [[_p(h, s, "cell") for h in ("序号", "处理措施", "金额", "依据及说明")]]
    for number, m in enumerate(measures, start=1):
        said = "；".join(x for x in (m.basis, m.note) if x)
        data.append(
            [
                str(number),
                _p(_esc(m.label), s, "cell"),
                _p(_yuan(m.amount_fen), s, "cell"),
                _p(_esc(said) or "—", s, "cell"),
            ]
        )
    table = Table(data, colWidths=[12 * mm, 40 * mm, 34 * mm, 88 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), s["font"]),
                ("FONTSIZE", (0, 0), (-1, -1), 9.5),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f7")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _party_text(party: Party) -> str:
    parts = [f"当事人：{_esc(party.name)}"]
    if party.credit_code:
        label = "身份证号" if party.individual else "统一社会信用代码"
        parts.append(f"{label}：{_esc(party.credit_code)}")
    if party.representative and not party.individual:
        parts.append(f"法定代表人（主要负责人）：{_esc(party.representative)}")
    if party.address:
        parts.append(f"地址：{_esc(party.address)}")
    return "<br/>".join(parts)


def _people(people: list[Person] | tuple[Person, ...]) -> str:
    return "、".join(
        f"{_esc(p.name)}（执法证号 {_esc(p.cert_no)}）" if p.cert_no else _esc(p.name)
        for p in people
    )


def _listing(items: tuple[str, ...], s: dict[str, Any]) -> list[Any]:
    return [_p(f"{n}. {_esc(text)}", s, "base") for n, text in enumerate(items, start=1)]


def _total(measures: tuple[Measure, ...]) -> str:
    amounts = [m.amount_fen for m in measures if m.amount_fen is not None]
    return _yuan(sum(amounts)) if amounts else ""


class _SignatureBox:
    """Where the signer's digital signature goes: a flowable that notes its page and place
    when drawn (reportlab's own coordinates, as the signing step takes them)."""

    def __init__(self, width: float, height: float, label: str) -> None:
        from reportlab.lib import colors
        from reportlab.lib.units import mm
        from reportlab.platypus import Flowable

        from inspector.record.layout import FONT

        outer = self

        class Box(Flowable):  # type: ignore[misc]
            def wrap(self, _aw: float, _ah: float) -> tuple[float, float]:
                return width, height + 4 * mm

            def draw(self) -> None:
                canvas = self.canv
                canvas.saveState()
                canvas.setStrokeColor(colors.lightgrey)
                canvas.setDash(2, 2)
                canvas.rect(0, 0, width, height)
                canvas.setFont(FONT, 7)
                canvas.setFillColor(colors.grey)
                canvas.drawString(0, height + 1 * mm, label)
                canvas.restoreState()
                x, y = canvas.absolutePosition(0, 0)
                outer.placed = [canvas.getPageNumber() - 1, x, y, x + width, y + height]

        self.flowable = Box()
        self.flowable.hAlign = "RIGHT"
        self.placed: list[float] = []


def _render(
    spec: Spec,
    facts: CaseFacts,
    issued_on: date,
    doc_no: str | None,
    slots: list[str] | None = None,
) -> tuple[bytes, list[list[float]]]:
    """The PDF and, for each signature it takes (``slots``: who, when every holder of the
    role signs), the box reserved for it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer, Table

    from inspector import __version__
    from inspector.bureaus import bureau_line
    from inspector.record.layout import QR_BOTTOM_MARGIN, numbered_canvas

    s = _styles()
    story: list[Any] = [_p(_esc(facts.bureau_name), s, "centre")]
    detail = bureau_line(facts.bureau)
    if detail:
        story.append(_p(_esc(detail), s, "detail"))
    story.append(_p(spec.title, s, "title"))
    story.append(_p(_esc(doc_no) if doc_no else f"案号：{_esc(facts.case_no)}", s, "centre"))
    body = spec.build(facts, s, issued_on)
    role = ROLE_NAMES[spec.role]
    boxes = [
        _SignatureBox(64 * mm, 22 * mm, f"{role} {who}数字签名处" if who else f"{role}数字签名处")
        for who in (slots or [""])
    ]
    row = Table([[b.flowable for b in boxes]], colWidths=[70 * mm] * len(boxes), hAlign="RIGHT")
    # The signature never stands alone on a page: the text's last part goes with it, so a
    # signed page cannot be taken for the end of another document.
    story += body[:-1]
    story.append(
        KeepTogether(
            [
                body[-1],
                Spacer(1, 6 * mm),
                _p(f"{ROLE_NAMES[spec.role]}（数字签名）：", s, "right"),
                Spacer(1, 2 * mm),
                row,
                Spacer(1, 2 * mm),
                _p(f"{_esc(facts.bureau_name)}　{_day(issued_on)}", s, "right"),
            ]
        )
    )
    number = doc_no or facts.case_no
    footer = f"{spec.title}　{number}　Inspector {__version__}"
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=f"{spec.title} {number}",
        subject=f"INSPECTOR-CASE-DOC;kind={spec.kind};case={facts.case_id}",
        author="Inspector",
        creator=f"Inspector {__version__}",
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=QR_BOTTOM_MARGIN,
        initialFontName=s["font"],
        initialFontSize=10.5,
    ).build(story, canvasmaker=numbered_canvas(footer, qr_payload(spec.kind, number)))
    return buffer.getvalue(), [b.placed for b in boxes]


def qr_payload(kind: str, number: str) -> str:
    """What the code on every page of a case document says: its kind and number."""
    return f"INSPECTOR-CASEDOC/{kind.upper()}/{number.upper()}"


# --- the templates ----------------------------------------------------------------------------


def _filing(f: CaseFacts, s: dict[str, Any], _issued: date) -> list[Any]:
    # 行政处罚法 art. 54: a case meeting the criteria is filed (立案); the 暂行规定 has the
    # filing approved by the bureau's responsible person, on the 承办人's proposal.
    spec = SPECS["filing"]
    _need(spec, f.cause, "案由", "行政处罚法第五十四条")
    _need(spec, f.summary, "简要案情", "行政处罚法第五十四条")
    _need(spec, len(f.officers) >= 2, "两名以上承办人", "行政处罚法第四十二条")
    party = f.party
    return [
        _grid(
            [
                ("案件来源", _esc(f.source) or "—"),
                ("案由", _esc(f.cause)),
                ("当事人", _esc(party.name)),
                (
                    "身份证号" if party.individual else "统一社会信用代码",
                    _esc(party.credit_code) or "—",
                ),
                ("法定代表人", _esc(party.representative) or "—"),
                ("地址", _esc(party.address) or "—"),
                ("简要案情", _esc(f.summary)),
                ("立案依据", _esc("；".join(f.violated)) or f"{PENALTY_LAW}第五十四条"),
                ("承办人", _people(f.officers)),
                ("承办人意见", _esc(f.opinion) or "建议立案调查。"),
                ("立案日期", _day(f.opened_on)),
                ("负责人审批意见", "（以负责人数字签名为准）"),
            ],
            s,
        )
    ]


def _investigation(f: CaseFacts, s: dict[str, Any], _issued: date) -> list[Any]:
    # 行政处罚法 art. 57: when the investigation ends the responsible person reviews its
    # result; the report sets out the facts, evidence, provisions and proposed measures.
    spec = SPECS["investigation"]
    rule = "行政处罚法第五十七条"
    _need(spec, f.facts, "违法事实", rule)
    _need(spec, f.evidence, "证据", rule)
    _need(spec, f.violated or f.basis, "定性及处罚依据", rule)
    _need(spec, f.measures, "处理意见", rule)
    out: list[Any] = [
        _p(_party_text(f.party), s, "base"),
        _p(f"案由：{_esc(f.cause)}；立案日期：{_day(f.opened_on)}", s, "base"),
        _p(f"承办人：{_people(f.officers)}", s, "base"),
        _p("一、调查经过", s, "h2"),
        _p(_esc(f.investigation) or "依法立案后，承办人调取了相关资料，询问了有关人员。", s),
        _p("二、违法事实", s, "h2"),
        _p(_esc(f.facts), s),
        _p("三、证据", s, "h2"),
        *_listing(f.evidence, s),
        _p("四、定性及依据", s, "h2"),
    ]
    if f.violated:
        out.append(_p(f"当事人的行为违反了{_esc('、'.join(f.violated))}。", s))
    if f.basis:
        out.append(_p(f"依据{_esc('、'.join(f.basis))}。", s))
    out.append(_p("五、裁量情节", s, "h2"))
    out.append(_p(_esc(f.circumstances) or "无从轻、减轻或者从重情节。", s))
    out += [_p("六、处理意见", s, "h2"), _measures_table(f.measures, s)]
    if total := _total(f.measures):
        out.append(_p(f"以上金额合计 {total}。", s, "base"))
    out.append(_p("承办人认为本案事实清楚、证据确凿，建议按上述意见处理，报请审查。", s))
    return out


def _review(f: CaseFacts, s: dict[str, Any], _issued: date) -> list[Any]:
    # 行政处罚法 art. 58: a major decision is reviewed for legality (法制审核) before it is
    # made, by staff other than the case's officers (暂行规定; 重大执法决定法制审核制度, art. 4).
    spec = SPECS["review"]
    rule = "行政处罚法第五十八条"
    _need(spec, f.review, "审核结论和意见", rule)
    _need(spec, f.reviewer, "法制审核人员", rule)
    assert f.review is not None and f.reviewer is not None
    officers = {p.cert_no for p in f.officers}
    if f.reviewer.cert_no in officers:
        raise InvalidInput(
            "法制审核人员不得是本案承办人（行政处罚法第五十八条，重大执法决定法制审核制度）：{name}",
            name=f.reviewer.name,
        )
    checks = (
        "执法主体是否合法，执法人员是否具备执法资格；"
        "违法事实是否清楚，证据是否确凿充分；适用法律、法规、规章是否准确；"
        "程序是否合法；裁量是否适当；文书是否规范。"
    )
    return [
        _grid(
            [
                ("案由", _esc(f.cause)),
                ("当事人", _esc(f.party.name)),
                ("承办人", _people(f.officers)),
                ("违法事实", _esc(f.facts) or "—"),
                ("拟处理意见", "；".join(_measure_line(m) for m in f.measures) or "—"),
                ("审核内容", checks),
                ("审核结论", _esc(f.review.conclusion)),
                ("审核意见", _esc(f.review.opinion)),
                ("法制审核人员", _people([f.reviewer])),
                ("审核日期", _day(f.review.reviewed_on)),
            ],
            s,
        )
    ]


def _measure_line(m: Measure) -> str:
    amount = f" {_yuan(m.amount_fen)}" if m.amount_fen is not None else ""
    basis = f"（{_esc(m.basis)}）" if m.basis else ""
    note = f"，{_esc(m.note)}" if m.note else ""
    return f"{_esc(m.label)}{amount}{basis}{note}"


def _notice(f: CaseFacts, s: dict[str, Any], issued: date) -> list[Any]:
    # 行政处罚法 art. 44: before a decision the party is told the proposed penalty, its facts,
    # reasons and basis, and its rights to 陈述、申辩 and 听证; art. 62: without that, no
    # decision. Art. 45: the right to state and defend; art. 63-64: the hearing, asked for
    # within five days of this notice.
    spec = SPECS["notice"]
    rule = "行政处罚法第四十四条"
    _need(spec, f.facts, "违法事实", rule)
    _need(spec, f.evidence, "证据", rule)
    _need(spec, f.basis, "处罚依据", rule)
    _need(spec, f.measures, "拟作出的行政处罚", rule)
    _need(spec, f.statement_due, "陈述、申辩的期限", "行政处罚法第四十四条、第四十五条")
    assert f.statement_due is not None
    if f.statement_due <= issued:
        raise InvalidInput(
            "陈述、申辩的期限（{due}）应晚于告知日期（{day}）（行政处罚法第四十五条）",
            due=f"{f.statement_due:%Y-%m-%d}",
            day=f"{issued:%Y-%m-%d}",
        )
    if f.hearing_offered:
        _need(spec, f.hearing_due, "要求听证的期限", "行政处罚法第六十四条")
        assert f.hearing_due is not None
        if f.hearing_due <= issued:
            raise InvalidInput(
                "要求听证的期限（{due}）应晚于告知日期（{day}）（行政处罚法第六十四条）",
                due=f"{f.hearing_due:%Y-%m-%d}",
                day=f"{issued:%Y-%m-%d}",
            )
    out: list[Any] = [
        _p(f"{_esc(f.party.name)}：", s, "base"),
        _p(
            f"本局于{_day(f.opened_on)}对你（单位）{_esc(f.cause)}一案立案调查。经查明，你（单位）"
            f"存在以下违法事实：",
            s,
        ),
        _p(_esc(f.facts), s),
        _p("以上事实有下列证据证明：", s),
        *_listing(f.evidence, s),
    ]
    violated = f"违反了{_esc('、'.join(f.violated))}，" if f.violated else ""
    out.append(
        _p(
            f"你（单位）的上述行为{violated}依据{_esc('、'.join(f.basis))}，"
            f"本局拟对你（单位）作出如下处理：",
            s,
        )
    )
    out.append(_measures_table(f.measures, s))
    if f.circumstances:
        out.append(_p(f"裁量情节：{_esc(f.circumstances)}", s))
    out.append(
        _p(
            f"根据{PENALTY_LAW}第四十四条、第四十五条的规定，你（单位）享有陈述、申辩的权利。"
            f"如有陈述、申辩意见，请于<b>{_day(f.statement_due)}</b>前向本局提出（书面或者口头；"
            "口头提出的，本局制作笔录）。本局将充分听取你（单位）的意见，对提出的事实、理由和证据"
            "进行复核；成立的，予以采纳。本局不因你（单位）陈述、申辩而给予更重的处罚。",
            s,
        )
    )
    if f.hearing_offered:
        out.append(
            _p(
                f"根据{PENALTY_LAW}第六十三条、第六十四条的规定，你（单位）有要求举行听证的权利。"
                f"如要求听证，请于<b>{_day(f.hearing_due)}</b>前向本局提出；逾期未提出的，"
                "视为放弃听证的权利。",
                s,
            )
        )
    else:
        out.append(_p("本案拟作出的处罚不属于应当告知听证权利的情形。", s))
    out.append(
        _p(
            "逾期未提出陈述、申辩"
            + ("或者听证要求" if f.hearing_offered else "")
            + "的，视为放弃上述权利，本局将依法作出行政处罚决定。",
            s,
        )
    )
    if f.contact:
        out.append(_p(f"联系人及电话：{_esc(f.contact)}", s, "base"))
    address = (f.bureau or {}).get("address")
    if address:
        out.append(_p(f"本局地址：{_esc(str(address))}", s, "base"))
    return out


def _statement(f: CaseFacts, s: dict[str, Any], _issued: date) -> list[Any]:
    # 行政处罚法 art. 45: the party may state and defend; the bureau hears it fully and records
    # it. A 陈述申辩 given orally is written down and signed by the party.
    spec = SPECS["statement"]
    rule = "行政处罚法第四十五条"
    _need(spec, f.statement, "陈述、申辩的时间、地点、陈述人和内容", rule)
    st = f.statement
    assert st is not None
    _need(spec, st.content or st.waived, "陈述、申辩的内容", rule)
    rows = [
        ("案由", _esc(f.cause)),
        ("当事人", _esc(f.party.name)),
        ("时间", _moment(st.at)),
        ("地点", _esc(st.place)),
        ("陈述申辩人", f"{_esc(st.speaker)}（{_esc(st.speaker_role)}）"),
        ("承办人", _people(f.officers)),
        ("记录人", _esc(st.recorder) or "—"),
    ]
    said = "当事人书面表示放弃陈述、申辩的权利。" if st.waived else _esc(st.content)
    return [
        _grid(rows, s),
        _p("陈述、申辩内容", s, "h2"),
        _p(
            "承办人告知：根据行政处罚法第四十五条，你有权进行陈述和申辩，本局将充分听取你的意见。",
            s,
        ),
        _p(said, s),
        _p("陈述申辩人核对意见：以上记录已经本人核对，与所述一致。", s, "h2"),
        _p("陈述申辩人签名：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿＿＿＿＿", s, "base"),
    ]


def _hearing_notice(f: CaseFacts, s: dict[str, Any], issued: date) -> list[Any]:
    # 行政处罚法 art. 64(2)-(5): the party is told the time and place seven days before; the
    # hearing is public unless secrets or privacy; it is held by someone who did not
    # investigate the case, whom the party may ask to withdraw; the party may bring one or two
    # agents.
    spec = SPECS["hearing-notice"]
    rule = "行政处罚法第六十四条"
    _need(spec, f.hearing, "听证的时间、地点和主持人", rule)
    h = f.hearing
    assert h is not None
    _check_host(f, h)
    held = h.at.date() if isinstance(h.at, datetime) else h.at
    if (held - issued).days < HEARING_NOTICE_DAYS:
        raise InvalidInput(
            "听证应在举行七日前通知当事人（行政处罚法第六十四条第二项）：听证日期 {day} "
            "距通知日期 {issued} 不足七日",
            day=f"{h.at:%Y-%m-%d}",
            issued=f"{issued:%Y-%m-%d}",
        )
    asked = f"于{_day(h.requested_on)}" if h.requested_on else ""
    return [
        _p(f"{_esc(f.party.name)}：", s, "base"),
        _p(
            f"你（单位）{asked}提出的听证要求收悉。根据{PENALTY_LAW}第六十四条的规定，本局决定"
            f"就{_esc(f.cause)}一案举行听证。现将有关事项通知如下：",
            s,
        ),
        _grid(
            [
                ("听证时间", _moment(h.at)),
                ("听证地点", _esc(h.place)),
                ("听证主持人", _people([h.host])),
                ("记录员", _esc(h.clerk)),
                (
                    "是否公开",
                    "公开举行" if h.public else "不公开举行（涉及国家秘密、商业秘密或者个人隐私）",
                ),
            ],
            s,
        ),
        _p("你（单位）在听证中享有下列权利：", s),
        _p(
            "1. 认为主持人与本案有直接利害关系的，有权申请回避，申请应在听证开始前提出并说明理由；"
            "<br/>2. 可以亲自参加听证，也可以委托一至二人代理，委托代理人应当提交授权委托书；"
            "<br/>3. 在听证中可以进行申辩和质证，并作最后陈述；"
            "<br/>4. 核对听证笔录，认为有遗漏或者差错的，有权要求补正。",
            s,
            "base",
        ),
        _p(
            "请准时参加。无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，"
            "本局终止听证。",
            s,
        ),
        *([_p(f"联系人及电话：{_esc(f.contact)}", s, "base")] if f.contact else []),
    ]


def _check_host(f: CaseFacts, h: HearingFacts) -> None:
    if h.host.cert_no and h.host.cert_no in {p.cert_no for p in f.officers}:
        raise InvalidInput(
            "听证由非本案调查人员主持（行政处罚法第六十四条第四项）：{name} 是本案承办人",
            name=h.host.name,
        )


def _hearing_record(f: CaseFacts, s: dict[str, Any], _issued: date) -> list[Any]:
    # 行政处罚法 art. 64(8): the hearing is recorded; the record is checked by the party or its
    # agent and signed; a refusal is noted in it by the host. Art. 65: the decision follows
    # from this record.
    spec = SPECS["hearing-record"]
    rule = "行政处罚法第六十四条第八项"
    _need(spec, f.hearing, "听证的时间、地点、主持人和记录员", rule)
    h = f.hearing
    assert h is not None
    _check_host(f, h)
    _need(spec, h.investigators_case, "调查人员提出的事实、证据和处罚建议", rule)
    _need(spec, h.party_case, "当事人的申辩和质证", rule)
    if not h.party_signed:
        _need(spec, h.refusal_note, "当事人拒绝签字的情况（由主持人注明）", rule)
    return [
        _grid(
            [
                ("案由", _esc(f.cause)),
                ("时间", _moment(h.at)),
                ("地点", _esc(h.place)),
                ("主持人", _people([h.host])),
                ("记录员", _esc(h.clerk)),
                ("当事人及代理人", _esc(h.attendees) or _esc(f.party.name)),
                ("案件调查人员", _people(f.officers)),
                ("公开情况", "公开" if h.public else "不公开"),
            ],
            s,
        ),
        _p("一、调查人员提出的违法事实、证据和处罚建议", s, "h2"),
        _p(_esc(h.investigators_case), s),
        _p("二、当事人的陈述、申辩和质证", s, "h2"),
        _p(_esc(h.party_case), s),
        _p("三、当事人最后陈述", s, "h2"),
        _p(_esc(h.last_word) or "—", s),
        _p("四、笔录核对", s, "h2"),
        _p(
            "以上笔录已交当事人（代理人）核对无误。当事人（代理人）签名：＿＿＿＿＿＿＿＿"
            if h.party_signed
            else f"当事人（代理人）拒绝签字。主持人注明：{_esc(h.refusal_note)}",
            s,
            "base",
        ),
        _p(f"记录员：{_esc(h.clerk)}", s, "base"),
    ]


def _decision(f: CaseFacts, s: dict[str, Any], issued: date) -> list[Any]:
    # 行政处罚法 art. 59: the decision states (1) the party, (2) the facts and evidence,
    # (3) the penalty and its basis, (4) how and by when to comply, (5) how and within what
    # time to seek 复议 or 诉讼, (6) the bureau and the date; and bears the bureau's seal.
    spec = SPECS["decision"]
    rule = "行政处罚法第五十九条"
    _need(spec, f.party.name, "当事人的姓名或者名称", rule)
    _need(spec, f.party.address, "当事人的地址", rule)
    _need(spec, f.facts, "违法事实", rule)
    _need(spec, f.evidence, "证据", rule)
    _need(spec, f.basis, "行政处罚的依据", rule)
    _need(spec, f.measures, "行政处罚的种类", rule)
    fines = any(m.amount_fen for m in f.measures)
    out: list[Any] = [
        _p(_party_text(f.party), s, "base"),
        _p(
            f"本局于{_day(f.opened_on)}对你（单位）{_esc(f.cause)}一案立案调查，"
            + (f"于{_day(f.notice_on)}" if f.notice_on else "")
            + (f"以{_esc(f.notice_no)}" if f.notice_no else "")
            + "告知你（单位）拟作出行政处罚的事实、理由、依据及依法享有的权利。",
            s,
        ),
        _p("经查明，你（单位）存在以下违法事实：", s),
        _p(_esc(f.facts), s),
        _p("以上事实有下列证据证明：", s),
        *_listing(f.evidence, s),
    ]
    if f.statement_adopted:
        out.append(_p(f"陈述、申辩（听证）及采纳情况：{_esc(f.statement_adopted)}", s))
    violated = f"违反了{_esc('、'.join(f.violated))}，" if f.violated else ""
    out.append(
        _p(
            f"你（单位）的上述行为{violated}依据{_esc('、'.join(f.basis))}，本局决定作出如下处理：",
            s,
        )
    )
    out.append(_measures_table(f.measures, s))
    if f.circumstances:
        out.append(_p(f"裁量情节：{_esc(f.circumstances)}", s))
    if fines:
        payee = f"至{_esc(f.payee)}" if f.payee else "至指定的银行或者通过电子支付系统"
        out.append(
            _p(
                f"履行方式和期限：请自收到本决定书之日起{f.pay_within_days}日内"
                f"（{PENALTY_LAW}第六十七条），将上述款项缴{payee}。"
                f"到期不缴纳罚款的，依据{PENALTY_LAW}第七十二条，每日按罚款数额的百分之三加处罚款"
                "（加处罚款的数额不得超出罚款的数额），"
                "并依法申请人民法院强制执行。",
                s,
            )
        )
    else:
        out.append(_p("履行方式和期限：请自收到本决定书之日起按上述处理措施履行。", s))
    body = _esc(f.reconsideration_body) or "本局的本级人民政府"
    court = _esc(f.court) or "有管辖权的人民法院"
    out.append(
        _p(
            f"如不服本决定，可以在收到本决定书之日起<b>六十日</b>内向{body}申请行政复议，"
            f"或者在<b>六个月</b>内依法向{court}提起行政诉讼。"
            f"行政复议或者行政诉讼期间，本决定不停止执行，法律另有规定的除外（{PENALTY_LAW}第七十三条）。",
            s,
        )
    )
    return out


def _service(f: CaseFacts, s: dict[str, Any], _issued: date) -> list[Any]:
    # 行政处罚法 art. 61: the decision is handed over on the spot, else served within seven
    # days as the 民事诉讼法 provides (直接, 留置 with a witness, 邮寄, 公告), or electronically
    # when the party agreed in writing (确认书).
    spec = SPECS["service"]
    rule = "行政处罚法第六十一条"
    _need(spec, f.service, "送达的文书、方式、日期和受送达人", rule)
    sv = f.service
    assert sv is not None
    if sv.way not in SERVICE_WAYS:
        raise InvalidInput(
            "送达方式“{way}”不认识；可用：{ways}", way=sv.way, ways="、".join(SERVICE_WAYS)
        )
    _need(spec, sv.document_title, "送达的文书名称", rule)
    _need(spec, sv.server, "送达人", rule)
    if sv.way != "公告送达":
        _need(spec, sv.recipient, "受送达人（签收人）", rule)
    if sv.way == "留置送达":
        _need(spec, sv.witness, "见证人（留置送达，《中华人民共和国民事诉讼法》）", rule)
    if sv.way == "电子送达":
        _need(spec, sv.consent, "当事人同意电子送达的确认书", rule)
    if sv.way == "公告送达":
        _need(spec, sv.medium, "公告的载体", rule)
    if sv.way == "邮寄送达":
        _need(spec, sv.tracking_no, "邮件单号（回执）", rule)
    extra = {
        "留置送达": ("见证人", _esc(sv.witness)),
        "电子送达": ("送达确认书", _esc(sv.consent)),
        "公告送达": ("公告载体", _esc(sv.medium)),
        "邮寄送达": ("邮件单号", _esc(sv.tracking_no)),
    }.get(sv.way)
    rows = [
        ("送达文书", _esc(sv.document_title)),
        ("文号", _esc(sv.document_no) or "—"),
        ("受送达人", _esc(f.party.name)),
        ("送达地点", _esc(sv.place) or _esc(f.party.address) or "—"),
        ("送达方式", sv.way),
        ("送达日期", _day(sv.served_on)),
        ("送达人", _people(sv.server)),
        ("收件人签名", _receipt(sv)),
    ]
    if extra:
        rows.append(extra)
    if sv.way == "留置送达":
        rows.append(("见证人签名", "＿＿＿＿＿＿＿＿"))
    rows.append(("备注", _esc(sv.note) or "—"))
    return [_grid(rows, s)]


def _receipt(sv: ServiceFacts) -> str:
    """Who received the document, as each way of service proves it (民事诉讼法)."""
    who = _esc(sv.recipient)
    if sv.way == "留置送达":
        # Refused: left at the place before a witness, the refusal and its day noted.
        return f"{who} 拒绝签收，文书留置于送达地点（{_day(sv.served_on)}）"
    if sv.way == "邮寄送达":
        return f"{who}，以邮件回执上注明的收件日期为送达日期"
    if sv.way == "电子送达":
        return f"{who}，以送达信息到达其特定系统的日期为送达日期"
    if sv.way == "公告送达":
        return "—"
    return f"{who}（签名）＿＿＿＿＿＿"


def _closing(f: CaseFacts, s: dict[str, Any], _issued: date) -> list[Any]:
    # 暂行规定: a case is closed once the decision is carried out (or the court has taken an
    # application to enforce it, or nothing is to be carried out), approved by the bureau's
    # responsible person.
    spec = SPECS["closing"]
    rule = PROCEDURE_RULES
    _need(spec, f.close_reason, "结案理由", rule)
    _need(spec, f.execution or f.payments, "执行情况", rule)
    paid = "；".join(
        f"{_esc(p.label)} {_yuan(p.amount_fen)}（{p.paid_on:%Y-%m-%d}）" for p in f.payments
    )
    decided = sum(m.amount_fen or 0 for m in f.measures)
    received = sum(p.amount_fen for p in f.payments)
    return [
        _grid(
            [
                ("案由", _esc(f.cause)),
                ("当事人", _esc(f.party.name)),
                ("立案日期", _day(f.opened_on)),
                ("决定书文号", _esc(f.decision_no) or "—"),
                ("决定日期", _day(f.decided_on)),
                ("处理决定", "；".join(_measure_line(m) for m in f.measures) or "—"),
                ("执行情况", _esc(f.execution) or "—"),
                ("缴款情况", paid or "—"),
                ("金额核对", f"决定 {_yuan(decided)}，已缴 {_yuan(received)}"),
                ("结案理由", _esc(f.close_reason)),
                ("结案日期", _day(f.closed_on)),
                ("承办人", _people(f.officers)),
                ("负责人审批意见", "（以负责人数字签名为准）"),
            ],
            s,
        )
    ]


SPECS: dict[str, Spec] = {
    spec.kind: spec
    for spec in (
        Spec(
            "filing",
            "立案审批表",
            HEAD,
            "医疗保障行政处罚程序暂行规定：立案经负责人批准",
            False,
            "LA",
            _filing,
        ),
        Spec(
            "investigation",
            "调查终结报告",
            OFFICER,
            "行政处罚法第四十二条、第五十七条",
            False,
            "DC",
            _investigation,
            all_sign=True,
        ),
        Spec(
            "review",
            "法制审核意见",
            REVIEWER,
            "行政处罚法第五十八条",
            False,
            "SH",
            _review,
        ),
        Spec(
            "notice",
            "行政处罚事先告知书",
            HEAD,
            "行政处罚法第四十四条",
            True,
            "GZ",
            _notice,
        ),
        Spec(
            "statement",
            "陈述申辩笔录",
            OFFICER,
            "行政处罚法第四十五条",
            False,
            "CS",
            _statement,
        ),
        Spec(
            "hearing-notice",
            "听证告知书",
            HEAD,
            "行政处罚法第六十四条",
            True,
            "TG",
            _hearing_notice,
        ),
        Spec(
            "hearing-record",
            "听证笔录",
            HOST,
            "行政处罚法第六十四条第四项、第八项",
            False,
            "TB",
            _hearing_record,
        ),
        Spec(
            "decision",
            "行政处罚决定书",
            HEAD,
            "行政处罚法第五十七条、第五十九条",
            True,
            "JD",
            _decision,
        ),
        Spec(
            "service",
            "送达回证",
            SERVER,
            "行政处罚法第六十一条",
            False,
            "SD",
            _service,
        ),
        Spec(
            "closing",
            "结案报告",
            HEAD,
            "医疗保障行政处罚程序暂行规定：结案经负责人批准",
            False,
            "JA",
            _closing,
        ),
    )
}


# --- kept, listed, signed ---------------------------------------------------------------------


@dataclass
class DocumentView:
    id: str
    case_id: str
    kind: str
    title: str
    doc_no: str | None
    issued_on: date
    sha256: str
    size: int
    signer_role: str
    signers: list[str]  # 执法证号 of those who may sign
    signed_by: str | None  # set once the document is signed by all it needs
    signed_at: datetime | None
    created_at: datetime
    signatures: list[str]  # 执法证号 of those who signed, in order
    all_sign: bool  # every one of ``signers`` signs (else one of them)

    @property
    def role_name(self) -> str:
        return ROLE_NAMES[self.signer_role]

    @property
    def waiting_for(self) -> list[str]:
        """执法证号 of those whose signature is still wanted (any one of them, unless
        ``all_sign``)."""
        if self.signed_by:
            return []
        return [c for c in self.signers if c not in self.signatures]


def _view(row: CaseDocument) -> DocumentView:
    return DocumentView(
        row.id,
        row.case_id,
        row.kind,
        row.title,
        row.doc_no,
        row.issued_on,
        row.sha256,
        row.size,
        row.signer_role,
        [str(p["cert_no"]) for p in row.signers],
        row.signed_by,
        row.signed_at,
        row.created_at,
        [str(p["cert_no"]) for p in row.signatures],
        SPECS[row.kind].all_sign if row.kind in SPECS else False,
    )


def spec_of(kind: str) -> Spec:
    try:
        return SPECS[kind]
    except KeyError:
        raise InvalidInput(
            "没有“{kind}”这种案件文书；可用：{kinds}", kind=kind, kinds="、".join(SPECS)
        ) from None


def make_document(
    ws: Workspace,
    kind: str,
    facts: CaseFacts,
    *,
    issued_on: date | None = None,
    actor: str | None = None,
    today: date | None = None,
    doc_no: str | None = None,
    extra: dict[str, Any] | None = None,
) -> DocumentView:
    """Render the ``kind`` document of a case from ``facts`` and keep it: the PDF in the
    record store, its hash and what it states in one ``case.document`` change. The number is
    the bureau's next for that kind (documents sent to the party only)."""
    from inspector.bureaus import allocate_number

    spec = spec_of(kind)
    now = today or date.today()
    issued = issued_on or now
    if issued > now:
        raise InvalidInput("文书日期 {day} 晚于今天", day=f"{issued:%Y-%m-%d}")
    signers = facts.holders(spec.role)
    unnumbered = [p.name for p in signers if not p.cert_no]
    if signers and unnumbered and not [p for p in signers if p.cert_no]:
        # A digital signature is checked against the 执法证号 its certificate carries.
        raise InvalidInput(
            "{title}由{role}签署（{rule}）：{name} 没有登记执法证号，无法核对其数字签名；"
            "请以执法证号记录{role}（或先在本机登记该执法人员）",
            title=Term(spec.title),
            role=Term(ROLE_NAMES[spec.role]),
            rule=spec.rule,
            name="、".join(unnumbered),
        )
    if not [p for p in signers if p.cert_no]:
        raise InvalidInput(
            "{title}由{role}签署（{rule}）：本案尚未确定{role}",
            title=Term(spec.title),
            role=Term(ROLE_NAMES[spec.role]),
            rule=spec.rule,
        )
    doc_id = new_id()
    # A number given in the case (the step's 文号) is kept; only documents sent out have one.
    doc_no = ((doc_no or "").strip() or None) if spec.numbered else None
    with ws.change(actor, "case.document", editable=False) as ch:
        if spec.numbered and not (doc_no and doc_no.strip()):
            doc_no = (
                allocate_number(
                    ch.session,
                    facts.bureau,
                    f"case-{kind}",
                    issued.year,
                    doc_id,
                    reuse=False,
                    device=ws.db.device_id,
                )
                or f"{spec.prefix}{issued:%Y%m%d}-{facts.case_id[:8].upper()}-{ch.seq}"
            )
        numbered = [p for p in signers if p.cert_no]
        slots = [p.name for p in numbered] if spec.all_sign else None
        pdf, boxes = _render(spec, facts, issued, doc_no, slots)
        # ASCII names (a bundle member name); through the store: encrypted when it is.
        kept_as = ws.records.name_for(
            f"case-{facts.case_id}", f"{kind}-{issued:%Y%m%d}-{ch.seq}.pdf"
        )
        ws.records.write(kept_as, pdf)
        sha256 = hashlib.sha256(pdf).hexdigest()
        row = ch.add(
            CaseDocument(
                id=doc_id,
                case_id=facts.case_id,
                kind=kind,
                title=spec.title,
                doc_no=doc_no,
                issued_on=issued,
                path=kept_as,
                sha256=sha256,
                size=len(pdf),
                # What it states, and what was given beside the case (remembered for the
                # case's next document).
                content={**facts.snapshot(), "extra": _plain(extra or {})},
                signer_role=spec.role,
                signers=[{"cert_no": p.cert_no, "name": p.name} for p in numbered],
                signature_box=boxes,
                signatures=[],
            )
        )
        ch.entity(row)
        ch.details.update({"case": facts.case_id, "kind": kind, "doc_no": doc_no, "sha256": sha256})
        ch.session.flush()
        return _view(row)


def preview_document(
    kind: str, facts: CaseFacts, *, issued_on: date, doc_no: str | None = None
) -> bytes:
    """The document as :func:`make_document` would render it, not kept: a document sent out
    and not numbered yet says so where its number goes."""
    spec = spec_of(kind)
    number = ((doc_no or "").strip() or "（文号在制作时编定）") if spec.numbered else None
    signers = [p for p in facts.holders(spec.role) if p.cert_no]
    slots = [p.name for p in signers] if spec.all_sign else None
    pdf, _boxes = _render(spec, facts, issued_on, number, slots)
    return pdf


def documents_of(ws: Workspace, case_id: str) -> list[DocumentView]:
    """A case's documents, oldest first."""
    with ws.db.session() as session:
        return [
            _view(row)
            for row in session.scalars(
                select(CaseDocument)
                .where(CaseDocument.case_id == case_id)
                .order_by(CaseDocument.created_at, CaseDocument.id)
            )
        ]


def _document(session: Any, text: str) -> CaseDocument:
    return ids.resolve_prefix(session, CaseDocument.id, text, ids.CASE_DOCUMENT)


def get_document(ws: Workspace, doc_id: str) -> DocumentView:
    with ws.db.session() as session:
        return _view(_document(session, doc_id))


def _checked_bytes(ws: Workspace, row: DocumentView, name: str) -> bytes:
    data = ws.records.read_bytes(name)
    if hashlib.sha256(data).hexdigest() != row.sha256:
        # The row and the audit event keep the hash of the file as made (or as signed).
        raise InvalidInput(
            "{title}文件 {name} 与保存时的哈希不符：已被替换或改动",
            title=Term(row.title),
            name=name,
        )
    return data


def document_bytes(ws: Workspace, doc_id: str) -> bytes:
    """The document's PDF (as signed, when it is), for preview and printing: refused when the
    file is not the one kept."""
    with ws.db.session() as session:
        row = _document(session, doc_id)
        view, name = _view(row), row.path
    return _checked_bytes(ws, view, name)


def keys_for_document(ws: Workspace, doc_id: str) -> list[Any]:
    """The signing keys on this laptop that may sign the document: those whose 执法证号 is
    of the person the law names for it (what the app offers to sign with)."""
    from inspector.signing.keystore import KeyStore

    view = get_document(ws, doc_id)
    return [k for k in KeyStore(ws.home).list_keys() if k.cert_no and k.cert_no in view.signers]


def sign_document(
    ws: Workspace, doc_id: str, key_id: str, passphrase: str, *, now: datetime | None = None
) -> DocumentView:
    """The person the law names signs the document with the key whose certificate carries
    their 执法证号, into the box reserved for it; once. Anyone else is refused with the rule.
    One ``case.document.sign`` event, acted by the signer."""
    from inspector.signing.keystore import KeyStore
    from inspector.signing.sign import sign_pdf

    store = KeyStore(ws.home)
    info = store.get(key_id)
    with ws.db.session() as session:
        row = _document(session, doc_id)
        view, name, boxes = _view(row), row.path, [list(b) for b in row.signature_box]
        district = str(row.content.get("district") or "")
    spec = SPECS[view.kind]
    if view.signed_by:
        raise InvalidInput("该{title}已签名", title=Term(view.title))
    if info.cert_no and info.cert_no in view.signatures:
        raise InvalidInput(
            "执法证号 {cert_no} 已签署该{title}", cert_no=info.cert_no, title=Term(view.title)
        )
    if not info.cert_no or info.cert_no not in view.signers:
        raise InvalidInput(
            "{title}由{role}签署（{rule}）：该密钥的执法证号 {cert_no} 不是本案的{role}",
            title=Term(view.title),
            role=Term(ROLE_NAMES[spec.role]),
            rule=spec.rule,
            cert_no=info.cert_no or "—",
        )
    key = store.unlock(info.key_id, passphrase)
    data = ws.records.read_bytes(name)
    if hashlib.sha256(data).hexdigest() != view.sha256:
        # The signer signs the document as made, never a file put in its place.
        raise InvalidInput(
            "{title}文件 {name} 不是生成时的文件：已被替换或改动，拒绝签名；请重新生成",
            title=Term(view.title),
            name=name,
        )
    # Each signature a new file beside the one as made (the first stays as it was built).
    made = PurePath(name).stem.split("-signed")[0]
    number = len(view.signatures) + 1
    kept_as = ws.records.sibling_name(name, f"{made}-signed-{number}.pdf")
    # Every holder signs into the box reserved for them; else one box for whoever signs.
    box = boxes[view.signers.index(info.cert_no)] if view.all_sign else boxes[0]
    result = sign_pdf(
        data,
        lambda signed: ws.records.write(kept_as, signed),
        key,
        field_name=f"case-doc-{info.cert_no}",
        box=(int(box[0]), float(box[1]), float(box[2]), float(box[3]), float(box[4])),
        label_lines=[ROLE_NAMES[spec.role]],
        reason=f"{view.title} {view.doc_no or ''}".strip(),
        location=district,
        now=now,
    )
    with ws.change(info.cert_no, "case.document.sign", editable=False) as ch:
        stored = ch.session.get(CaseDocument, view.id)
        signer = ch.session.scalar(select(Inspector).where(Inspector.cert_no == info.cert_no))
        assert stored is not None
        stored.path, stored.sha256, stored.size = kept_as, result.sha256, result.size
        made_by = [
            *stored.signatures,
            {"cert_no": info.cert_no, "name": info.name, "at": result.signed_at.isoformat()},
        ]
        stored.signatures = made_by
        done = {str(p["cert_no"]) for p in made_by}
        if not view.all_sign or done >= set(view.signers):
            stored.signed_by = info.cert_no
            # In UTC, as stored and read back: the state the event hashes is the row as it
            # travels (inspector/bundle/cases.py).
            stored.signed_at = result.signed_at.astimezone(UTC)
        ch.entity(stored)
        ch.details.update({"case": view.case_id, "kind": view.kind, "pdf_sha256": result.sha256})
        if signer is None:
            ch.details["signer_name"] = info.name
        ch.session.flush()
        return _view(stored)


@dataclass
class DocumentCheck:
    document: DocumentView
    problems: list[str]
    signatures: list[str]  # one line per signature, as verify_pdf reports it

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_document(ws: Workspace, doc_id: str) -> DocumentCheck:
    """The kept file against its hash, and its signature (pyHanko's validation: a change after
    signing, or a signer other than the one recorded, is a problem)."""
    from inspector.signing.keystore import KeyStore
    from inspector.signing.trust import trust_roots
    from inspector.signing.verify import verify_pdf_data

    with ws.db.session() as session:
        row = _document(session, doc_id)
        view, name = _view(row), row.path
    data = ws.records.read_bytes(name)
    problems: list[str] = []
    if hashlib.sha256(data).hexdigest() != view.sha256:
        problems.append(f"文件与保存时的哈希不符：{name}")
    lines: list[str] = []
    if view.signatures:
        store = KeyStore(ws.home)
        report = verify_pdf_data(
            data, Path(name), trusted=store.trusted_files(), roots=trust_roots(ws)
        )
        lines = report.lines()
        if not report.ok:
            problems.append(f"数字签名无效：{report.summary}")
        # A certificate without the 执法证号 in it: the one its key was bound to here.
        bound = {k.fingerprint_sha256: k.cert_no for k in store.list_keys() if k.cert_no}
        certs = {
            sig.signer_cert_no or bound.get(sig.fingerprint_sha256 or "")
            for sig in report.signatures
        }
        for cert_no in view.signatures:
            if cert_no not in certs:
                problems.append(f"记录的签名人 {cert_no} 不在文件的签名中")
        if len(report.signatures) != len(view.signatures):
            problems.append(
                f"文件有 {len(report.signatures)} 个签名，记录的是 {len(view.signatures)} 个"
            )
    if not view.signed_by:
        waiting = "、".join(view.waiting_for)
        problems.append(f"尚待签名：{waiting}" if view.all_sign else "尚未签名")
    return DocumentCheck(view, problems, lines)


def save_document_copy(ws: Workspace, doc_id: str, target: Path) -> Path:
    """A copy of the document (as signed, when it is) where the user asks, checked against
    its hash."""
    with ws.db.session() as session:
        row = _document(session, doc_id)
        name, sha256 = row.path, row.sha256
    return ws.records.save_copy(name, target, sha256)
