"""The law's minimums of an on-site record, as rules of the core: ``inspection finish`` and
``record sign`` (command line and app alike) refuse a record that lacks one, naming each.

- At least two 执法人员 present, with distinct 执法证号, each having shown the 执法证件
  (《行政处罚法》第四十二条: 执法人员不得少于两人, 应当主动出示执法证件;
  《医疗保障基金使用监督管理条例》第二十九条: 不得少于二人, 出示执法证件). A recused member
  (回避) is not one of them.
- The 告知 captured, each with when and by whom: the right to ask for recusal (回避申请权, with the
  party's answer), the duty to cooperate (配合义务, 条例 art. 29: 被检查对象应当予以配合), and the
  party's right to give its opinion of the record (被检查单位意见).
- The 记录人 set, a present member.
- The party identified: a unit by its 统一社会信用代码 (GB 32100-2015), a person (医师, 参保人员:
  the inspected type's group is ``person``) by 身份证号 (GB 11643-1999).
- Every finding (发现问题) has a note, an amount or an explicit 不涉及金额, and evidence or a
  stated reason for none.
- A 暗访 captures on the spot what it can; the showing of certificates and the notices happen
  when the team discloses itself (亮明身份), whose time is captured and printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.db.models import (
    Answer,
    Evidence,
    Inspection,
    InspectionMember,
    Inspector,
    Result,
    utcnow,
)
from inspector.errors import InvalidInput
from inspector.record.interview_rules import check_id_number
from inspector.workspace import Workspace

# The notices (告知) a record captures: code, what the record calls it.
NOTICES = {
    "recusal": "申请回避的权利",
    "duty": "配合检查的义务",
    "opinion": "对本记录提出意见的权利",
}
PERSON_GROUP = "person"  # the inspected types named by a 身份证号 (医师, 参保人员)


@dataclass(frozen=True)
class Missing:
    """One thing the law requires that the inspection does not hold: a stable ``code`` (tests,
    the app's fields) and what the record lacks, in words (``text``)."""

    code: str
    text: str
    item_code: str | None = None


def party_is_person(ws: Workspace, type_code: str) -> bool:
    """A person is inspected (医师, 参保人员): named by 身份证号, not 统一社会信用代码."""
    kind = ws.library.types.get(type_code)
    return kind is not None and kind.group == PERSON_GROUP


def is_covert(ws: Workspace, mode: str) -> bool:
    found = ws.library.modes.get(mode)
    return bool(found is not None and found.covert)


def present_members(inspection: Inspection) -> list[InspectionMember]:
    """The 执法人员 present: the team less anyone recused."""
    return [member for member in inspection.members if not member.recused]


def _who(member: InspectionMember) -> str:
    return f"{member.inspector.name}（{member.inspector.cert_no}）"


def missing_minimums(ws: Workspace, session: Session, inspection: Inspection) -> list[Missing]:
    """What the law requires of this inspection's record and it does not hold (empty: all)."""
    missing: list[Missing] = []
    present = present_members(inspection)
    certs = [member.inspector.cert_no.strip() for member in present]
    distinct = {cert for cert in certs if cert}
    # 行政处罚法 art. 42; 条例 art. 29: not fewer than two 执法人员, each with a 执法证件.
    if len(distinct) < 2:
        missing.append(
            Missing(
                "team",
                f"至少两名执法证号不同的执法人员（未回避的现有 {len(distinct)} 名）",
            )
        )
    covert = is_covert(ws, inspection.mode)
    if covert and inspection.disclosed_at is None:
        missing.append(Missing("disclosed", "暗访亮明身份的时间（证件出示和告知在亮明身份时补行）"))
    for member in present:
        if member.cert_shown_at is None:
            missing.append(
                Missing(
                    f"cert_shown:{member.inspector.cert_no}", f"{_who(member)}出示执法证件的时间"
                )
            )
    ids = {member.inspector_id for member in present}
    notices = (
        ("recusal", inspection.recusal_told_at if inspection.recusal_told else None,
         inspection.recusal_told_by),
        ("duty", inspection.duty_told_at, inspection.duty_told_by),
        ("opinion", inspection.opinion_told_at, inspection.opinion_told_by),
    )  # fmt: skip
    for code, told_at, told_by in notices:
        if told_at is None or told_by not in ids:
            missing.append(Missing(f"notice:{code}", f"告知{NOTICES[code]}（何时、由谁告知）"))
    if inspection.recusal_told and not (inspection.recusal_reply or "").strip():
        missing.append(Missing("notice:recusal_reply", "被检查单位对回避告知的答复"))
    if inspection.recorder_id is None or inspection.recorder_id not in ids:
        missing.append(Missing("recorder", "记录人（未回避的检查组成员）"))
    if party_is_person(ws, inspection.institution.type_code):
        if not inspection.party_id_no:
            missing.append(Missing("party", "被检查人的身份证号"))
    elif not inspection.party_credit_code:
        missing.append(Missing("party", "被检查单位的统一社会信用代码"))
    missing.extend(_empty_findings(session, inspection))
    return missing


def _empty_findings(session: Session, inspection: Inspection) -> list[Missing]:
    """Each 发现问题 states what was found: a note, an amount or 不涉及金额, and evidence or the
    reason there is none; an empty one must not reach the record, the ledger or an order."""
    with_evidence = set(
        session.scalars(
            select(Evidence.item_code).where(
                Evidence.inspection_id == inspection.id, Evidence.item_code.is_not(None)
            )
        )
    )
    missing = []
    for answer in session.scalars(
        select(Answer)
        .where(Answer.inspection_id == inspection.id, Answer.result == Result.PROBLEM)
        .order_by(Answer.item_code)
    ):
        lacks = []
        if not answer.note.strip():
            lacks.append("情况说明")
        if answer.amount_fen is None and not answer.no_amount:
            lacks.append("涉及金额或“不涉及金额”")
        if answer.item_code not in with_evidence and not (answer.no_evidence_reason or "").strip():
            lacks.append("证据或无证据的原因")
        if lacks:
            missing.append(
                Missing(
                    f"finding:{answer.item_code}",
                    f"发现问题 {answer.item_code} 的" + "、".join(lacks),
                    answer.item_code,
                )
            )
    return missing


def require_minimums(ws: Workspace, session: Session, inspection: Inspection) -> None:
    """Refuse (InvalidInput, naming each missing thing) unless the law's minimums are held."""
    missing = missing_minimums(ws, session, inspection)
    if missing:
        raise InvalidInput(
            "检查记录尚缺法律要求的内容（《行政处罚法》第四十二条、"
            "《医疗保障基金使用监督管理条例》第二十九条）：{missing}",
            missing="；".join(m.text for m in missing),
        )


def check_minimums(ws: Workspace, inspection_id: str) -> list[Missing]:
    """:func:`missing_minimums` of an inspection by id (the app shows them before finishing)."""
    from inspector.change import resolve_id

    with ws.db.session() as session:
        return missing_minimums(ws, session, resolve_id(session, inspection_id))


# --- Capturing them -------------------------------------------------------------------------


def _member(inspection: Inspection, cert_no: str) -> InspectionMember:
    cert_no = cert_no.strip()
    for member in inspection.members:
        if member.inspector.cert_no == cert_no:
            return member
    raise InvalidInput("执法证号 {cert_no} 不是本检查组的成员", cert_no=cert_no)


def _present(inspection: Inspection, cert_no: str) -> InspectionMember:
    member = _member(inspection, cert_no)
    if member.recused:
        raise InvalidInput("{name} 已回避，不能作为本次检查的执法人员", name=member.inspector.name)
    return member


def _teller(ws: Workspace, inspection: Inspection, by: str | None) -> InspectionMember:
    cert_no = (by or ws.actor or "").strip()
    if not cert_no:
        raise InvalidInput("请写明由哪位执法人员告知（执法证号）")
    return _present(inspection, cert_no)


def _signable(inspection: Inspection) -> None:
    from inspector.record.content import _signable as signable

    signable(inspection)


def show_certificate(
    ws: Workspace, inspection_id: str, cert_no: str, *, at: datetime | None = None,
    undo: bool = False,
) -> datetime | None:  # fmt: skip
    """A member showed the 执法证件 to the party (行政处罚法 art. 42), now or at ``at``;
    ``undo`` clears a time stamped by mistake. Returns the time kept."""
    with ws.change(None, "member.certificate", inspection=inspection_id, editable=False) as ch:
        inspection = ch.inspection
        assert inspection is not None
        _signable(inspection)
        member = _present(inspection, cert_no)
        ch.entity(inspection)
        ch.details["cert_no"] = member.inspector.cert_no
        member.cert_shown_at = None if undo else (at or utcnow())
        inspection.updated_at = utcnow()  # a member's row changed: the inspection did
        return member.cert_shown_at


def disclose(ws: Workspace, inspection_id: str, *, at: datetime | None = None) -> datetime:
    """A 暗访 team discloses itself (亮明身份): from then on it shows certificates and tells."""
    with ws.change(None, "inspection.disclose", inspection=inspection_id, editable=False) as ch:
        inspection = ch.inspection
        assert inspection is not None
        _signable(inspection)
        if not is_covert(ws, inspection.mode):
            raise InvalidInput("只有暗访需要记录亮明身份的时间")
        ch.entity(inspection)
        inspection.disclosed_at = at or utcnow()
        return inspection.disclosed_at


def tell(
    ws: Workspace,
    inspection_id: str,
    notice: str,
    *,
    by: str | None = None,
    reply: str | None = None,
    at: datetime | None = None,
) -> None:
    """A notice (告知) told to the party: ``recusal`` (回避申请权), ``duty`` (配合义务, 条例
    art. 29) or ``opinion`` (its right to give its opinion of the record); by a present member
    (执法证号; the current inspector if not given), now or at ``at``, with the party's answer."""
    if notice not in NOTICES:
        raise InvalidInput("告知事项“{notice}”无效，可选：recusal、duty、opinion", notice=notice)
    with ws.change(None, "notice.tell", inspection=inspection_id, editable=False) as ch:
        inspection = ch.inspection
        assert inspection is not None
        _signable(inspection)
        teller = _teller(ws, inspection, by)
        ch.entity(inspection)
        ch.details.update({"notice": notice, "by": teller.inspector.cert_no})
        when = at or utcnow()
        answer = (reply or "").strip() or None
        if notice == "recusal":
            inspection.recusal_told = True
            inspection.recusal_told_at, inspection.recusal_told_by = when, teller.inspector_id
            if reply is not None:
                inspection.recusal_reply = answer
        elif notice == "duty":
            inspection.duty_told_at, inspection.duty_told_by = when, teller.inspector_id
            if reply is not None:
                inspection.duty_reply = answer
        else:
            inspection.opinion_told_at, inspection.opinion_told_by = when, teller.inspector_id


def set_party_id_no(ws: Workspace, inspection_id: str, id_no: str) -> None:
    """The 身份证号 of a person inspected (医师, 参保人员); empty clears it. A unit is named by
    its 统一社会信用代码 instead (content.set_party_details)."""
    code = check_id_number(id_no) if id_no.strip() else None
    with ws.change(None, "party.set", inspection=inspection_id, editable=False) as ch:
        inspection = ch.inspection
        assert inspection is not None
        _signable(inspection)
        if code is not None and not party_is_person(ws, inspection.institution.type_code):
            raise InvalidInput("被检查对象是单位：请填写统一社会信用代码，而不是身份证号")
        ch.entity(inspection)
        inspection.party_id_no = code


def add_member(ws: Workspace, inspection_id: str, name: str, cert_no: str) -> None:
    """Add an inspector to the team of a visit not yet finished (a second 执法人员 joining)."""
    from inspector.inspections import TeamMember, _find_or_add_inspector

    if not name.strip() or not cert_no.strip():
        raise InvalidInput("请填写检查人员姓名和执法证号")
    with ws.change(None, "member.add", inspection=inspection_id) as ch:
        inspection = ch.inspection
        assert inspection is not None
        if any(m.inspector.cert_no == cert_no.strip() for m in inspection.members):
            raise InvalidInput("同一执法证号在检查组中出现了两次")
        from inspector.db.models import MemberRole

        person = _find_or_add_inspector(
            ws, ch.session, TeamMember(name=name.strip(), cert_no=cert_no.strip())
        )
        ch.entity(inspection)
        ch.details["cert_no"] = person.cert_no
        inspection.members.append(
            InspectionMember(
                inspector=person, role=MemberRole.MEMBER, position=len(inspection.members)
            )
        )
        inspection.updated_at = utcnow()


def recuse_member(ws: Workspace, inspection_id: str, cert_no: str, reason: str) -> None:
    """A member withdraws (回避), with the reason: listed, but not one of the 执法人员 present;
    the leader cannot (choose another leader first)."""
    from inspector.db.models import MemberRole

    if not reason.strip():
        raise InvalidInput("请填写回避的理由")
    with ws.change(None, "member.recuse", inspection=inspection_id) as ch:
        inspection = ch.inspection
        assert inspection is not None
        member = _member(inspection, cert_no)
        if member.role is MemberRole.LEADER:
            raise InvalidInput("组长不能回避：请先更换组长")
        ch.entity(inspection)
        ch.details["cert_no"] = member.inspector.cert_no
        member.recused = True
        member.recusal_reason = reason.strip()
        member.cert_shown_at = None
        inspection.updated_at = utcnow()
        if inspection.recorder_id == member.inspector_id:
            inspection.recorder_id = None


def inspector_name(session: Session, inspector_id: str | None) -> str | None:
    person = session.get(Inspector, inspector_id) if inspector_id else None
    return person.name if person else None


# --- Reading them (the app's screen) ----------------------------------------------------------


@dataclass(frozen=True)
class MemberState:
    name: str
    cert_no: str
    leader: bool
    shown_at: datetime | None
    recused: bool
    recusal_reason: str | None


@dataclass(frozen=True)
class NoticeState:
    at: datetime | None
    by_cert_no: str | None
    reply: str | None


@dataclass(frozen=True)
class LegalState:
    """What the law requires, as captured so far, and what is still missing."""

    members: tuple[MemberState, ...]
    covert: bool
    disclosed_at: datetime | None
    notices: dict[str, NoticeState]
    recorder_cert_no: str | None
    person: bool
    credit_code: str | None
    id_no: str | None
    missing: tuple[Missing, ...]
    editable: bool  # not yet locked by a digital signature


def legal_state(ws: Workspace, inspection_id: str) -> LegalState:
    from inspector.change import resolve_id
    from inspector.db.models import InspectionStatus, MemberRole

    with ws.db.session() as session:
        inspection = resolve_id(session, inspection_id)
        certs = {m.inspector_id: m.inspector.cert_no for m in inspection.members}
        told = {
            "recusal": (
                inspection.recusal_told_at if inspection.recusal_told else None,
                inspection.recusal_told_by,
                inspection.recusal_reply,
            ),
            "duty": (inspection.duty_told_at, inspection.duty_told_by, inspection.duty_reply),
            "opinion": (inspection.opinion_told_at, inspection.opinion_told_by, None),
        }
        return LegalState(
            members=tuple(
                MemberState(
                    m.inspector.name,
                    m.inspector.cert_no,
                    m.role is MemberRole.LEADER,
                    m.cert_shown_at,
                    m.recused,
                    m.recusal_reason,
                )
                for m in inspection.members
            ),
            covert=is_covert(ws, inspection.mode),
            disclosed_at=inspection.disclosed_at,
            notices={
                code: NoticeState(at, certs.get(by or ""), reply)
                for code, (at, by, reply) in told.items()
            },
            recorder_cert_no=certs.get(inspection.recorder_id or ""),
            person=party_is_person(ws, inspection.institution.type_code),
            credit_code=inspection.party_credit_code,
            id_no=inspection.party_id_no,
            missing=tuple(missing_minimums(ws, session, inspection)),
            editable=inspection.status is not InspectionStatus.SIGNED,
        )
