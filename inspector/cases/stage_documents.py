"""Each stage's document made from the case itself (:mod:`inspector.cases.core`): the step that
the document records must have been taken, and what the document states comes from the case,
its steps, measures and payments, plus what the case does not keep (the party's address, the
hearing's time and place …) given as :class:`Extra` and remembered from the case's last
document. The generic document, its signing and its checks are in
:mod:`inspector.cases.documents`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from inspector.cases import rules
from inspector.cases.core import CaseView, StepView, get_case
from inspector.cases.documents import (
    SPECS,
    CaseFacts,
    DocumentView,
    HearingFacts,
    Measure,
    Party,
    Payment,
    Person,
    ReviewFacts,
    ServiceFacts,
    StatementFacts,
    documents_of,
    make_document,
)
from inspector.db.models import Inspector
from inspector.errors import InvalidInput, Term
from inspector.inspections import format_fen
from inspector.workspace import Workspace

REGULATION = "《医疗保障基金使用监督管理条例》"

# The step each document records (any of them), in the order of the procedure.
STEPS_OF = {
    "filing": (rules.FILE,),
    "investigation": (rules.INVESTIGATE,),
    "review": (rules.REVIEW,),
    "notice": (rules.NOTIFY,),
    "statement": (rules.STATEMENT, rules.WAIVE),
    "hearing-notice": (rules.HEARING_REQUEST,),
    "hearing-record": (rules.HEARING,),
    "decision": (rules.DECIDE,),
    "service": (rules.SERVE,),
    "closing": (rules.CLOSE, rules.TERMINATE, rules.WITHDRAW),
}
# The document of the case's latest step: what ``case document CASE`` makes.
KIND_OF_STEP = {step: kind for kind, steps in STEPS_OF.items() for step in steps}


@dataclass(frozen=True)
class Extra:
    """What a document states that the case does not keep: given on the command line or in
    the app, and remembered from the case's last document when not given again."""

    party_address: str = ""
    party_code: str = ""  # 统一社会信用代码 / 身份证号
    party_representative: str = ""
    basis: tuple[str, ...] = ()  # the articles the measures rest on, when not the fines'
    violated: tuple[str, ...] = ()
    contact: str = ""
    place: str = ""  # of the 陈述申辩 or the hearing
    hearing_at: datetime | None = None
    host: str = ""
    host_no: str = ""
    clerk: str = ""
    adopted: str = ""  # what of the 陈述申辩/听证 was adopted, and why
    payee: str = ""
    reconsideration_body: str = ""
    court: str = ""
    medium: str = ""  # 公告送达
    tracking_no: str = ""  # 邮寄送达
    remembered: dict[str, Any] = field(default_factory=dict, compare=False)


# What is remembered from one document to the next (the party's particulars, the authorities
# the decision names).
REMEMBERED = (
    "party_address",
    "party_code",
    "party_representative",
    "basis",
    "violated",
    "contact",
    "payee",
    "reconsideration_body",
    "court",
)


def _remembered(docs: list[dict[str, Any]], given: Extra) -> Extra:
    """``given``, its empty fields filled from the case's last document that had them."""
    values: dict[str, Any] = {}
    for name in REMEMBERED:
        value = getattr(given, name)
        if not value:
            for content in reversed(docs):
                kept = (content.get("extra") or {}).get(name)
                if kept:
                    value = tuple(kept) if isinstance(kept, list) else kept
                    break
        values[name] = value
    return replace(given, **values)


def _step(case: CaseView, kind: str) -> StepView:
    spec = SPECS[kind]
    wanted = STEPS_OF[kind]
    found = [s for s in case.steps if s.kind in wanted]
    if not found:
        raise InvalidInput(
            "案件还没有“{step}”这一步：{title}在该步骤之后制作",
            step=Term(rules.STEP_NAMES[wanted[0]]),
            title=Term(spec.title),
        )
    return found[-1]


def _people(step: StepView | None, role: str) -> list[dict[str, str]]:
    return [p for p in (step.people if step else []) if p.get("role") == role]


def _numbered(ws: Workspace, person: dict[str, str]) -> Person:
    """A person of a step: their 执法证号 as recorded, else that of the one inspector of that
    name on this laptop (a 负责人 is recorded by name)."""
    name = person.get("name", "")
    if person.get("cert_no"):
        return Person(name, person["cert_no"])
    with ws.db.session() as session:
        found = list(session.scalars(select(Inspector.cert_no).where(Inspector.name == name)))
    return Person(name, found[0] if len(found) == 1 else "")


def _approver(ws: Workspace, case: CaseView, *kinds: str) -> Person | None:
    """The 负责人 of the latest of these steps that names one."""
    for step in reversed(case.steps):
        if step.kind in kinds:
            for person in _people(step, rules.APPROVER):
                return _numbered(ws, person)
    return None


def _measures(case: CaseView) -> tuple[tuple[Measure, ...], tuple[str, ...], str]:
    """The live measures of the penalty as the documents list them, the articles they rest on
    and the reasons for 从轻/减轻/从重."""
    measures: list[Measure] = []
    articles: list[str] = []
    reasons: list[str] = []
    # The article that orders the fine orders the refund too (条例 arts. 38, 40: 责令退回 …,
    # 并处 … 罚款): a refund recorded without one rests on the fine's.
    fined = next((m.article for m in case.live_measures if m.kind == rules.FINE and m.article), "")
    for m in case.live_measures:
        if m.kind not in rules.PENALTY:
            continue
        article = m.article or (fined if m.kind == rules.REFUND else "")
        basis = f"条例第{_chinese(article)}条" if article else ""
        if m.article:
            full = f"{REGULATION}第{_chinese(m.article)}条"
            if full not in articles:
                articles.append(full)
        notes = []
        if m.kind == rules.FINE and m.basis_fen and m.amount_fen:
            notes.append(f"以{format_fen(m.basis_fen)}元为基数")
        if m.discretion:
            notes.append(rules.DISCRETION_NAMES.get(m.discretion, m.discretion))
        if m.period_from and m.period_to:
            notes.append(f"{m.period_from:%Y-%m-%d}至{m.period_to:%Y-%m-%d}")
        if m.reason:
            reasons.append(f"{m.name}：{m.reason}")
        measures.append(Measure(m.name, m.amount_fen, basis, "，".join(notes)))
    return tuple(measures), tuple(articles), "；".join(reasons)


def _chinese(article: str) -> str:
    from inspector.record.layout import chinese_numeral

    return chinese_numeral(int(article)) if article.isdigit() else article


def _lines(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in re.split(r"[\n；;]+", text or "") if part.strip())


def _source(case: CaseView) -> str:
    if case.inspection_id:
        return f"现场检查发现（检查 {case.inspection_id[:8]}，台账问题 {len(case.entry_ids)} 项）"
    if case.lead_id:
        return f"线索（{case.lead_id}）"
    return ""


def case_facts(ws: Workspace, case: CaseView, kind: str, extra: Extra) -> CaseFacts:
    """What the ``kind`` document of ``case`` states."""
    _step(case, kind)  # a document records a step taken
    filed = case.last(rules.FILE)
    investigated = case.last(rules.INVESTIGATE)
    reviewed = case.last(rules.REVIEW)
    notified = case.last(rules.NOTIFY)
    decided = case.last(rules.DECIDE)
    measures, articles, reasons = _measures(case)
    officers = tuple(Person(o["name"], o["cert_no"]) for o in case.officers)
    party = Party(
        case.party_name,
        credit_code=extra.party_code,
        address=extra.party_address,
        representative=extra.party_representative,
        individual=case.party_kind == rules.PERSON,
    )
    review = None
    reviewer = None
    if reviewed is not None:
        [who] = _people(reviewed, rules.REVIEWER) or [{"name": ""}]
        reviewer = _numbered(ws, who) if who.get("name") else None
        review = ReviewFacts(
            reviewed.on_date,
            "同意" if reviewed.facts.get("passed", True) else "不同意，退回补充调查",
            str(reviewed.facts.get("opinion", "")),
        )
    statement = None
    said = case.last(rules.STATEMENT)
    waived = case.last(rules.WAIVE)
    heard = said or waived
    if heard is not None:
        recorder = _people(heard, rules.OFFICER)
        statement = StatementFacts(
            at=heard.on_date,
            place=extra.place or ("（书面提交）" if said and not said.facts.get("oral") else "—"),
            speaker=extra.party_representative or case.party_name,
            speaker_role="当事人" if not extra.party_representative else "法定代表人",
            content=str(said.facts.get("text", "")) if said else "",
            recorder=recorder[0]["name"] if recorder else "",
            waived=said is None,
        )
    hearing = None
    requested = case.last(rules.HEARING_REQUEST)
    held = case.last(rules.HEARING)
    if kind == "hearing-notice" and requested is not None:
        if extra.hearing_at is None or not extra.place or not extra.host:
            raise InvalidInput(
                "听证告知书须载明听证的时间、地点和主持人（行政处罚法第六十四条）：请给出"
            )
        hearing = HearingFacts(
            requested.on_date,
            extra.hearing_at,
            extra.place,
            Person(extra.host, extra.host_no),
            extra.clerk or "—",
        )
    elif held is not None:
        [host] = _people(held, rules.HOST) or [{"name": ""}]
        proposed = "；".join(
            f"{m.label}{' ' + format_fen(m.amount_fen) + ' 元' if m.amount_fen else ''}"
            for m in measures
        )
        hearing = HearingFacts(
            requested.on_date if requested else None,
            extra.hearing_at or held.on_date,
            extra.place or "—",
            _numbered(ws, host),
            extra.clerk or "—",
            investigators_case=(
                f"{investigated.facts.get('facts', '') if investigated else ''}"
                f"拟处理意见：{proposed or '—'}。"
            ),
            party_case=str(held.facts.get("summary", "")),
        )
    service = None
    served = case.last(rules.SERVE)
    if served is not None:
        decision_docs = [d for d in documents_of(ws, case.id) if d.kind == "decision"]
        consent = "当事人已同意并签订确认书" if served.facts.get("way") == "electronic" else ""
        service = ServiceFacts(
            document_title="行政处罚决定书",
            document_no=(decided.document_no if decided else None)
            or (decision_docs[-1].doc_no if decision_docs else "")
            or "",
            way=str(served.facts.get("way_name", "")),
            served_on=served.on_date,
            recipient=str(served.facts.get("recipient", "")),
            witness=str(served.facts.get("witness", "")),
            server=tuple(_numbered(ws, p) for p in _people(served, rules.SERVER)),
            consent=consent,
            medium=extra.medium,
            tracking_no=extra.tracking_no,
            note="逾期送达" if served.facts.get("late") else "",
        )
    names = {m.id: m.name for m in case.measures}
    payments = tuple(
        Payment(names.get(p.measure_id, "缴款"), p.amount_fen, p.on_date) for p in case.payments
    )
    executed = case.last(rules.EXECUTE)
    notice_docs = [d for d in documents_of(ws, case.id) if d.kind == "notice"]
    if heard is not None and said is not None:
        adopted = extra.adopted or "当事人提出了陈述、申辩（见陈述申辩笔录），本局已进行复核。"
    elif waived is not None:
        adopted = extra.adopted or "当事人书面放弃陈述、申辩和听证的权利。"
    else:
        adopted = extra.adopted or "当事人在规定期限内未提出陈述、申辩。"
    if kind == "decision" and held is not None and not extra.adopted:
        adopted += "本局依法举行了听证，并根据听证笔录作出本决定。"
    head_steps = {
        "filing": (rules.FILE,),
        "decision": (rules.DECIDE,),
        "closing": (rules.CLOSE, rules.TERMINATE, rules.WITHDRAW),
    }.get(kind, (rules.DECIDE, rules.FILE))
    return CaseFacts(
        case_id=case.id,
        case_no=(filed.document_no if filed else None) or f"案件 {case.id[:8].upper()}",
        bureau_name=_bureau_name(ws, case),
        party=party,
        cause=case.summary,
        bureau=case.bureau,
        source=_source(case),
        summary=case.summary,
        facts=str(investigated.facts.get("facts", "")) if investigated else "",
        evidence=_lines(str(investigated.facts.get("evidence", ""))) if investigated else (),
        violated=extra.violated,
        basis=extra.basis or articles,
        measures=measures,
        circumstances=reasons,
        officers=officers,
        reviewer=reviewer,
        head=_approver(ws, case, *head_steps),
        opened_on=case.filed_on or case.opened_on,
        notice_no=(notified.document_no if notified else None)
        or (notice_docs[-1].doc_no if notice_docs else "")
        or "",
        notice_on=case.notified_on,
        statement_due=_day(notified, "statement_last_day"),
        hearing_due=_day(notified, "hearing_last_day"),
        hearing_offered=bool(notified and notified.facts.get("hearing")),
        contact=extra.contact,
        review=review,
        statement=statement,
        hearing=hearing,
        decided_on=case.decided_on,
        decision_no=(decided.document_no if decided else None) or "",
        statement_adopted=adopted if kind == "decision" else "",
        payee=extra.payee,
        reconsideration_body=extra.reconsideration_body,
        court=extra.court,
        service=service,
        closed_on=case.ended_on,
        close_reason=case.end_reason or "",
        execution=(
            str(executed.facts.get("reason") or "") or "决定的款项已缴清。" if executed else ""
        ),
        payments=payments,
        district=(case.bureau or {}).get("district") or "",
    )


def _bureau_name(ws: Workspace, case: CaseView) -> str:
    """The 执法主体 the case is run in the name of: the inspection's (copied when the case was
    opened), as that inspection's documents name it."""
    from inspector.bureaus import LEGACY_SETTING, bureau_name
    from inspector.db.models import Inspection

    if case.bureau:
        return str(case.bureau["name"])
    if case.inspection_id:
        with ws.db.session() as session:
            inspection = session.get(Inspection, case.inspection_id)
            if inspection is not None:
                return bureau_name(ws, inspection)
    return ws.db.setting(LEGACY_SETTING) or "医疗保障局"


def _day(step: StepView | None, key: str) -> date | None:
    value = step.facts.get(key) if step else None
    return date.fromisoformat(value) if value else None


def _prepare(
    ws: Workspace, case_text: str, kind: str | None, extra: Extra | None
) -> tuple[str, CaseFacts, StepView, Extra]:
    case = get_case(ws, case_text)
    if kind is None:
        latest = [s for s in case.steps if s.kind in KIND_OF_STEP]
        if not latest:
            raise InvalidInput("案件还没有需要制作文书的步骤：请先立案")
        kind = KIND_OF_STEP[latest[-1].kind]
    if kind not in SPECS:
        raise InvalidInput(
            "没有“{kind}”这种案件文书；可用：{kinds}", kind=kind, kinds="、".join(SPECS)
        )
    kept = [d.content for d in _contents(ws, case.id)]
    given = _remembered(kept, extra or Extra())
    return kind, case_facts(ws, case, kind, given), _step(case, kind), given


def make_stage_document(
    ws: Workspace,
    case_text: str,
    kind: str | None = None,
    extra: Extra | None = None,
    *,
    issued_on: date | None = None,
    today: date | None = None,
) -> DocumentView:
    """The ``kind`` document of a case (by default: that of its latest step), dated the day of
    its step (or ``issued_on``), kept and listed with the case."""
    kind, facts, step, given = _prepare(ws, case_text, kind, extra)
    number = step.document_no if SPECS[kind].numbered else None
    return make_document(
        ws,
        kind,
        facts,
        issued_on=issued_on or step.on_date,
        today=today,
        doc_no=number,
        extra={name: getattr(given, name) for name in REMEMBERED},
    )


def preview_stage_document(
    ws: Workspace,
    case_text: str,
    kind: str | None = None,
    extra: Extra | None = None,
    *,
    issued_on: date | None = None,
) -> bytes:
    """The document :func:`make_stage_document` would make, as PDF bytes, neither kept nor
    numbered (a number is given only to a document kept): what the app shows before it is
    made. Refused for what the law requires and the case lacks, as making it is."""
    from inspector.cases.documents import preview_document

    kind, facts, step, _given = _prepare(ws, case_text, kind, extra)
    number = step.document_no if SPECS[kind].numbered else None
    return preview_document(kind, facts, issued_on=issued_on or step.on_date, doc_no=number)


@dataclass
class _Kept:
    content: dict[str, Any]


def _contents(ws: Workspace, case_id: str) -> list[_Kept]:
    from inspector.db.models import CaseDocument

    with ws.db.session() as session:
        return [
            _Kept(dict(row.content))
            for row in session.scalars(
                select(CaseDocument)
                .where(CaseDocument.case_id == case_id)
                .order_by(CaseDocument.created_at, CaseDocument.id)
            )
        ]
