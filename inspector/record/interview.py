"""The interview record (询问笔录) as a document: who asks (询问人, at least two 执法人员, never a
recused one), who writes (记录人), who is asked (name, 身份证号, role, relation to the party),
which 执法证件 were shown and which rights were told (who, when: captured, never assumed), the
interviewee's own closing confirmation, and the rule that its signatures are given on its
complete content and bound to it.

行政处罚法 第四十二条 (执法人员不得少于两人)、第五十五条 (出示执法证件；询问应制作笔录，
交当事人或者有关人员核对，签名或者盖章); 医疗保障行政处罚程序暂行规定 第五条 (回避) and its
调查取证 rules (执法人员不少于两人，出示执法证件，笔录经被询问人核对无误后签名)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.db.models import Inspection, InspectorConflict, utcnow
from inspector.errors import InvalidInput
from inspector.record.content import (
    InterviewView,
    SignatureView,
    _check_strokes,
    _editable_interview,
    _interview,
    _interview_view,
    render_strokes,
)
from inspector.record.interview_rules import RIGHTS, enforcement_pair_problems, telling_problems
from inspector.workspace import Workspace


def recused_members(session: Session, inspection: Inspection) -> dict[str, str]:
    """Team members who must not act in this inspection (回避), by 执法证号, with the reason: an
    inspector of the inspected district kept on a cross-district team (recusal override), or
    one registered in conflict with the institution (利害关系回避)."""
    found = {
        str(o["cert_no"]): str(o.get("reason") or "")
        for o in inspection.recusal_overrides or []
        if o.get("cert_no")
    }
    members = {m.inspector.id: m.inspector.cert_no for m in inspection.members}
    if members:
        for conflict in session.scalars(
            select(InspectorConflict).where(
                InspectorConflict.institution_id == inspection.institution_id,
                InspectorConflict.inspector_id.in_(sorted(members)),
            )
        ):
            found.setdefault(members[conflict.inspector_id], conflict.reason)
    return found


def _member(inspection: Inspection, cert_no: str) -> str:
    for member in inspection.members:
        if member.inspector.cert_no == cert_no.strip():
            return member.inspector.id
    raise InvalidInput("执法证号 {cert_no} 不是本检查组的成员", cert_no=cert_no.strip())


def set_interviewers(ws: Workspace, interview_id: str, certs: Sequence[str]) -> None:
    """Choose the 询问人 of an interview: team members by 执法证号, at least two with distinct
    numbers, none recused (行政处罚法 第四十二条; 医疗保障行政处罚程序暂行规定 第五条)."""
    wanted = [c.strip() for c in certs if c.strip()]
    with ws.change(None, "interview.interviewers") as ch:
        interview = _editable_interview(ch, interview_id)
        inspection = ch.inspection
        assert inspection is not None
        ids = [_member(inspection, cert) for cert in wanted]
        names = {m.inspector.cert_no: m.inspector.name for m in inspection.members}
        problems = enforcement_pair_problems(
            [(names[c], c) for c in dict.fromkeys(wanted)], recused_members(ch.session, inspection)
        )
        if problems:
            raise InvalidInput("不能这样选择询问人：{problems}", problems="；".join(problems))
        interview.interviewer_ids = list(dict.fromkeys(ids))
        ch.details["interviewers"] = list(dict.fromkeys(wanted))


def _when(at: datetime | None) -> str:
    return (at or utcnow()).isoformat()


def record_credentials_shown(
    ws: Workspace, interview_id: str, cert_no: str, at: datetime | None = None
) -> None:
    """A 询问人 showed the interviewee his 行政执法证件 (行政处罚法 第五十五条): who and when, as
    captured; the record prints it only for those captured."""
    with ws.change(None, "interview.credentials") as ch:
        interview = _editable_interview(ch, interview_id)
        inspection = ch.inspection
        assert inspection is not None
        if _member(inspection, cert_no) not in (interview.interviewer_ids or []):
            raise InvalidInput(
                "执法证号 {cert_no} 不是这份询问笔录的询问人：请先选定询问人",
                cert_no=cert_no.strip(),
            )
        kept = [c for c in interview.credentials_shown or [] if c["cert_no"] != cert_no.strip()]
        interview.credentials_shown = [*kept, {"cert_no": cert_no.strip(), "at": _when(at)}]


def record_rights_told(
    ws: Workspace,
    interview_id: str,
    rights: Sequence[str],
    replies: Mapping[str, str | None] | None = None,
    at: datetime | None = None,
) -> None:
    """The rights and duties told to the interviewee (回避, 如实回答/配合, 核对更正笔录), when,
    and the answer given to each (``replies`` by right, e.g. recusal: 不申请回避; none for a
    duty merely told); each printed only once captured, with its own answer."""
    replies = dict(replies or {})
    unknown = [r for r in [*rights, *replies] if r not in RIGHTS]
    if unknown or not rights:
        raise InvalidInput("告知事项应为：{value}", value="、".join(RIGHTS))
    if set(replies) - set(rights):
        raise InvalidInput(
            "答复须针对本次告知的事项：{value}",
            value="、".join(RIGHTS[r] for r in replies if r not in rights),
        )
    with ws.change(None, "interview.rights") as ch:
        interview = _editable_interview(ch, interview_id)
        kept = [r for r in interview.rights_told or [] if r["right"] not in rights]
        told = [
            {"right": r, "at": _when(at), "reply": (replies.get(r) or "").strip() or None}
            for r in dict.fromkeys(rights)
        ]
        interview.rights_told = [*kept, *told]


def set_confirmation(
    ws: Workspace,
    interview_id: str,
    text: str | None = None,
    strokes: list[list[list[float]]] | None = None,
) -> None:
    """The interviewee's own closing confirmation (e.g. 以上笔录我已看过，与我所说的一致), typed as
    said or written on the pad: the record prints it as captured, never a pre-printed line."""
    typed = (text or "").strip() or None
    clean = _check_strokes(strokes) if strokes else None
    if typed is None and clean is None:
        raise InvalidInput("请由被询问人写下（或照录）核对笔录后的确认意见")
    with ws.change(None, "interview.confirmation") as ch:
        interview = _editable_interview(ch, interview_id)
        interview.confirmation_text = typed
        interview.confirmation_strokes = clean
        interview.confirmation_png = render_strokes(clean) if clean else None
        interview.confirmed_at = utcnow()


def interview_problems(interview: InterviewView, *, refused: bool = False) -> list[str]:
    """What an interview record still lacks to be signed or locked, in words (empty: nothing).
    ``refused``: the interviewee refused to sign (拒签), so no confirmation of theirs."""
    problems = enforcement_pair_problems(interview.interviewers, interview.recused)
    if not interview.interviewers:
        problems = ["询问人（至少两名执法人员）"]
    if not interview.recorder_cert_no:
        problems.append("记录人")
    elif interview.recorder_cert_no in interview.recused:
        problems.append(f"记录人 {interview.recorder_name} 已回避")
    if not interview.interviewee_name.strip() or not interview.interviewee_id_no:
        problems.append("被询问人身份（姓名和身份证号）")
    problems += telling_problems(
        interview.interviewers, interview.credentials_shown, interview.rights_told
    )
    if not refused and not (interview.confirmation_text or interview.confirmation_png):
        problems.append("被询问人核对笔录后的确认意见")
    return problems


def _refused(session: Session, interview_id: str) -> bool:
    from inspector.db.models import HandwrittenSignature

    return (
        session.scalar(
            select(HandwrittenSignature.id).where(
                HandwrittenSignature.interview_id == interview_id,
                HandwrittenSignature.role == "interviewee",
                HandwrittenSignature.refused.is_(True),
            )
        )
        is not None
    )


def ready_to_sign(
    session: Session, interview_id: str, *, role: str, cert_no: str | None = None
) -> InterviewView:
    """The interview, if it may be signed by hand now (``role``: interviewee, inspector,
    refusal, witness): complete, and an inspector only as its 询问人 or 记录人. Refused with
    what is missing named."""
    interview = _interview_view(_interview(session, interview_id), session)
    refused = role in ("refusal", "witness") or _refused(session, interview.id)
    problems = interview_problems(interview, refused=refused)
    if problems:
        raise InvalidInput("询问笔录还不能签名，缺少：{missing}", missing="；".join(problems))
    if role == "inspector" and cert_no not in interview.signers:
        raise InvalidInput(
            "执法证号 {cert_no} 不是这份询问笔录的询问人或记录人，不能在笔录上签名",
            cert_no=cert_no or "—",
        )
    return interview


def require_ready(ws: Workspace, interview_id: str) -> InterviewView:
    """For digital signing (which locks the interview): the same rule, read anew."""
    with ws.db.session() as session:
        return ready_to_sign(session, interview_id, role="lock")


def valid_signatures(
    signatures: Sequence[SignatureView], interview: InterviewView
) -> list[SignatureView]:
    """The signatures that stand: all but this interview's given on other content than it now
    has (void: kept in the table and the log, never printed or counted). A signature made
    before signatures were bound (no hash) stands, so that records made then keep their data
    hash."""
    current = interview.content_sha256()
    return [
        s
        for s in signatures
        if s.interview_id != interview.id or s.content_sha256 in (None, current)
    ]
