"""What a record states besides the answers: the party's opinion of it (被检查单位意见), the
handwritten signatures (or the party's refusal, with a witness), interview records (询问笔录),
the record's number and the hash of its data, and amendments of signed inspections."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PIL import Image, ImageDraw
from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector import ids
from inspector.db.models import (
    Answer,
    DrugCheck,
    Evidence,
    HandwrittenSignature,
    Inspection,
    InspectionMember,
    InspectionStatus,
    Inspector,
    Interview,
    Lead,
    LeadCheck,
    Record,
    RecordSignature,
    SealItem,
    utcnow,
)
from inspector.errors import InvalidInput, NotFound
from inspector.evidence import custody
from inspector.evidence.intake import evidence_facts
from inspector.hashing import sha256_of
from inspector.inspections import InspectionView, resolve_id
from inspector.record.interview_rules import check_id_number
from inspector.workspace import Workspace

if TYPE_CHECKING:
    from inspector.audit import Change

ROLES = ("inspector", "party", "witness", "interviewee")
ROLE_NAMES = {
    "inspector": "检查人员",
    "party": "被检查单位代表",
    "witness": "见证人",
    "interviewee": "被询问人",
}

REPLACED = "由本人新的签名取代"  # the void reason of a signature given again

# A stroke is a list of points (x, y[, t_ms, pressure]) in the pad's own pixels.
Stroke = list[list[float]]


def _signable(inspection: Inspection) -> None:
    """Signatures and the statement are given at the end of the visit, before the record is
    signed digitally; after that the record is locked."""
    if inspection.status is InspectionStatus.SIGNED:
        raise InvalidInput("该检查的记录已数字签名并锁定，不能再修改；如需更正请新建更正记录。")


def set_statement(
    ws: Workspace,
    inspection_id: str,
    statement: str,
    representative: str | None = None,
    title: str | None = None,
) -> None:
    """The party's opinion of the record (被检查单位意见), as given; kept in ``party_statement``.
    Its 陈述、申辩 belongs to the case procedure, after a notice of a proposed penalty."""
    with ws.change(None, "statement.set", inspection=inspection_id, editable=False) as ch:
        inspection = ch.inspection
        assert inspection is not None
        _signable(inspection)
        ch.entity(inspection)
        inspection.party_statement = statement
        if representative is not None:
            inspection.party_representative = representative.strip() or None
        if title is not None:
            inspection.party_title = title.strip() or None


# 统一社会信用代码 (GB 32100-2015): 18 characters of this alphabet, the last a check character.
CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def check_credit_code(text: str) -> str:
    """The code as written (upper case, no spaces), or InvalidInput naming what is wrong."""
    code = text.strip().upper().replace(" ", "")
    if len(code) != 18 or any(char not in CREDIT_CODE_ALPHABET for char in code):
        raise InvalidInput(
            "统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V），而不是“{text}”",
            text=text,
        )
    total = sum(
        CREDIT_CODE_ALPHABET.index(char) * weight
        for char, weight in zip(code, CREDIT_CODE_WEIGHTS, strict=False)
    )
    expected = CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]
    if code[17] != expected:
        raise InvalidInput("统一社会信用代码“{text}”的校验位不对，请核对营业执照", text=text)
    return code


@dataclass(frozen=True)
class PartyDetails:
    """The party as the record names it, the recorder (记录人) and the recusal notice."""

    legal_rep: str | None = None
    address: str | None = None
    phone: str | None = None
    credit_code: str | None = None
    recorder_cert_no: str | None = None
    recorder_name: str | None = None
    recusal_told: bool = False
    recusal_reply: str | None = None
    recusal_overrides: tuple[tuple[str, str, str], ...] = ()  # name, district, reason
    # Present for the party besides the one making the statement: (name, title).
    present: tuple[tuple[str, str], ...] = ()
    # The law's minimums as captured (inspector/record/legal.py): a person's 身份证号; each
    # present member's showing of the 执法证件 (name, 执法证号, when); a 暗访's disclosure; each
    # notice told (what, when, by whom, the party's answer).
    id_no: str | None = None
    person: bool = False
    certificates: tuple[tuple[str, str, datetime | None], ...] = ()
    disclosed_at: datetime | None = None
    notices: tuple[tuple[str, datetime, str, str | None], ...] = ()

    def hashed(self) -> dict[str, Any]:
        """What enters the record's data hash: only what was given, so that a record built
        before these facts existed keeps its hash."""
        data: dict[str, Any] = {}
        party = [self.legal_rep, self.address, self.phone, self.credit_code]
        if any(party):
            data["party"] = party
        if self.recorder_cert_no:
            data["recorder"] = self.recorder_cert_no
        if self.recusal_told:
            data["recusal_notice"] = self.recusal_reply or ""
        if self.recusal_overrides:
            data["recusal_overrides"] = [list(o) for o in self.recusal_overrides]
        if self.present:
            data["party_present"] = [list(p) for p in self.present]
        if self.id_no:
            data["party_id_no"] = self.id_no
        shown = [[cert, at.isoformat()] for _name, cert, at in self.certificates if at]
        if shown:
            data["certificates"] = shown
        if self.disclosed_at:
            data["disclosed_at"] = self.disclosed_at.isoformat()
        if self.notices:
            data["notices"] = [
                [what, at.isoformat(), by, reply] for what, at, by, reply in self.notices
            ]
        return data


def _clean(value: str | None) -> str | None:
    return (value or "").strip() or None


def set_party_details(
    ws: Workspace,
    inspection_id: str,
    *,
    legal_rep: str | None = None,
    address: str | None = None,
    phone: str | None = None,
    credit_code: str | None = None,
    recorder: str | None = None,
    recusal_told: bool | None = None,
    recusal_reply: str | None = None,
    id_no: str | None = None,
) -> None:
    """The party's 法定代表人/负责人, address, phone, 统一社会信用代码; the 记录人 (a team member's
    执法证号); that the party was told of its right to ask for recusal and what it replied.
    A person inspected (医师, 参保人员) is named by ``id_no`` (身份证号), a unit by its credit
    code (inspector/record/legal.py). Arguments not given (None) keep their value; an empty
    string clears one."""
    from inspector.record.legal import party_is_person

    code = check_credit_code(credit_code) if credit_code else credit_code
    person_no = check_id_number(id_no) if id_no else id_no
    with ws.change(None, "party.set", inspection=inspection_id, editable=False) as ch:
        inspection = ch.inspection
        assert inspection is not None
        _signable(inspection)
        person = party_is_person(ws, inspection.institution.type_code)
        if code and person:
            raise InvalidInput("被检查对象是个人：请填写身份证号，而不是统一社会信用代码")
        if person_no and not person:
            raise InvalidInput("被检查对象是单位：请填写统一社会信用代码，而不是身份证号")
        ch.entity(inspection)
        if person_no is not None:
            inspection.party_id_no = person_no or None
        if legal_rep is not None:
            inspection.party_legal_rep = _clean(legal_rep)
        if address is not None:
            inspection.party_address = _clean(address)
        if phone is not None:
            inspection.party_phone = _clean(phone)
        if code is not None:
            inspection.party_credit_code = code or None
        if recorder is not None:
            inspection.recorder_id = (
                _team_member(ch.session, inspection, recorder.strip()) if recorder.strip() else None
            )
        if recusal_told is not None:
            inspection.recusal_told = recusal_told
            # When and by whom (legal.tell says so explicitly): now, by the current inspector
            # if a member present; otherwise the record still lacks who told.
            if not recusal_told:
                inspection.recusal_told_at = inspection.recusal_told_by = None
            elif inspection.recusal_told_at is None:
                inspection.recusal_told_at = utcnow()
                inspection.recusal_told_by = next(
                    (
                        m.inspector_id
                        for m in inspection.members
                        if m.inspector.cert_no == ws.actor and not m.recused
                    ),
                    None,
                )
        if recusal_reply is not None:
            inspection.recusal_reply = _clean(recusal_reply)


def party_details(
    session: Session, inspection: Inspection, ws: Workspace | None = None
) -> PartyDetails:
    from inspector.record.legal import NOTICES, inspector_name, party_is_person

    recorder = session.get(Inspector, inspection.recorder_id) if inspection.recorder_id else None
    told = (
        ("recusal", inspection.recusal_told_at if inspection.recusal_told else None,
         inspection.recusal_told_by, inspection.recusal_reply),
        ("duty", inspection.duty_told_at, inspection.duty_told_by, inspection.duty_reply),
        ("opinion", inspection.opinion_told_at, inspection.opinion_told_by, None),
    )  # fmt: skip
    return PartyDetails(
        id_no=inspection.party_id_no,
        person=ws is not None and party_is_person(ws, inspection.institution.type_code),
        certificates=tuple(
            (m.inspector.name, m.inspector.cert_no, m.cert_shown_at)
            for m in inspection.members
            if not m.recused
        ),
        disclosed_at=inspection.disclosed_at,
        notices=tuple(
            (NOTICES[code], at, inspector_name(session, by) or "", reply)
            for code, at, by, reply in told
            if at is not None
        ),
        legal_rep=inspection.party_legal_rep,
        address=inspection.party_address,
        phone=inspection.party_phone,
        credit_code=inspection.party_credit_code,
        recorder_cert_no=recorder.cert_no if recorder else None,
        recorder_name=recorder.name if recorder else None,
        recusal_told=bool(inspection.recusal_told),
        recusal_reply=inspection.recusal_reply,
        recusal_overrides=tuple(
            (o.get("name") or "", o.get("district") or "", o.get("reason") or "")
            for o in inspection.recusal_overrides or []
        ),
        present=tuple(
            (p.get("name") or "", p.get("title") or "") for p in inspection.party_present or []
        ),
    )


def set_party_present(ws: Workspace, inspection_id: str, persons: list[tuple[str, str]]) -> None:
    """Who else was present for the party (name, title), besides the one making the statement:
    the record names them. An empty list clears it."""
    present = []
    for name, title in persons:
        if not name.strip():
            raise InvalidInput("在场人员须填写姓名")
        present.append({"name": name.strip(), "title": title.strip()})
    with ws.change(None, "party.present", inspection=inspection_id, editable=False) as ch:
        inspection = ch.inspection
        assert inspection is not None
        _signable(inspection)
        ch.entity(inspection)
        inspection.party_present = present


def get_party_details(ws: Workspace, inspection_id: str) -> PartyDetails:
    with ws.db.session() as session:
        return party_details(session, resolve_id(session, inspection_id), ws)


def get_statement(ws: Workspace, inspection_id: str) -> tuple[str, str | None, str | None]:
    """The statement as recorded, the representative who gave it, and their title."""
    with ws.db.session() as session:
        inspection = resolve_id(session, inspection_id)
        return (
            inspection.party_statement,
            inspection.party_representative,
            inspection.party_title,
        )


def render_strokes(strokes: list[Stroke], width: int = 600, height: int = 240) -> bytes:
    """The picture of a handwritten signature: strokes fitted into width x height, black on
    transparent, as PNG. The strokes themselves are kept too (they are the evidence)."""
    points = [point for stroke in strokes for point in stroke]
    if not points:
        raise InvalidInput("签名为空")
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    left, top = min(xs), min(ys)
    span_x, span_y = max(max(xs) - left, 1.0), max(max(ys) - top, 1.0)
    margin = 8
    scale = min((width - 2 * margin) / span_x, (height - 2 * margin) / span_y)
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    line = max(2, round(width / 150))
    for stroke in strokes:
        placed = [(margin + (p[0] - left) * scale, margin + (p[1] - top) * scale) for p in stroke]
        if len(placed) == 1:
            x, y = placed[0]
            draw.ellipse((x - line, y - line, x + line, y + line), fill=(0, 0, 0, 255))
        else:
            draw.line(placed, fill=(0, 0, 0, 255), width=line, joint="curve")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _check_strokes(strokes: list[Stroke]) -> list[Stroke]:
    clean: list[Stroke] = []
    for stroke in strokes:
        if not isinstance(stroke, list) or not stroke:
            raise InvalidInput("签名笔迹格式不正确")
        for point in stroke:
            if (
                not isinstance(point, list | tuple)
                or len(point) < 2
                or not all(isinstance(v, int | float) for v in point)
            ):
                raise InvalidInput("签名笔迹格式不正确")
        clean.append([list(map(float, point)) for point in stroke])
    if not clean:
        raise InvalidInput("签名为空")
    return clean


# How the party confirmed the record it signs (kept with its signature, printed as recorded).
CONFIRMATIONS = {
    "signature": "核对电子记录全文后在签名页签名确认",
    "initials": "在打印的记录每页签字确认",
}


def _binding(
    ws: Workspace, inspection_id: str, interview_id: str | None, seen: str | None
) -> tuple[str, int]:
    """What a new hand signature is given on (the data now, without the hand signatures);
    with ``seen``, the data the signer was shown must be that data: a signature goes under
    the record as it stands, never under an older rendering of it."""
    from inspector.record.binding import binding_for

    binding = binding_for(ws, inspection_id, interview_id)
    if seen is not None and seen != binding.data_sha256:
        raise InvalidInput(
            "签名前显示的记录已不是当前的记录（其后数据有变更）：请重新显示记录，核对后再签名"
        )
    return binding.data_sha256, binding.hash_format


def add_signature(
    ws: Workspace,
    inspection_id: str,
    role: str,
    signer_name: str,
    strokes: list[Stroke],
    *,
    cert_no: str | None = None,
    interview_id: str | None = None,
    confirmation: str | None = None,
    seen: str | None = None,
) -> str:
    """Keep a handwritten signature: strokes and picture, and the data it is given on (a later
    change to the data voids it: inspector.record.binding). An inspector is named by 执法证号
    and must be on the team; signing again replaces that person's earlier signature (kept,
    void). The party's signature may state how it confirmed the record (CONFIRMATIONS);
    ``seen`` is the data hash of the record shown to the signer (the signing screen's)."""
    if role not in ROLES:
        raise InvalidInput("签名角色应为：{value}", value="、".join(ROLES))
    if not signer_name.strip():
        raise InvalidInput("请填写签名人姓名")
    if confirmation is not None and (role != "party" or confirmation not in CONFIRMATIONS):
        raise InvalidInput(
            "核对方式只用于被检查单位代表的签名，应为：{value}", value="、".join(CONFIRMATIONS)
        )
    clean = _check_strokes(strokes)
    picture = render_strokes(clean)
    data_sha256, hash_format = _binding(ws, inspection_id, interview_id, seen)
    with ws.change(None, "signature.add", inspection=inspection_id, editable=False) as ch:
        session = ch.session
        inspection = ch.inspection
        assert inspection is not None
        _signable(inspection)
        inspector_id = _team_member(session, inspection, cert_no) if role == "inspector" else None
        bound = None
        if interview_id is not None:
            # An interview's signatures are given on its complete content and bound to it: a
            # later change voids them (inspector/record/interview.py).
            from inspector.record.interview import ready_to_sign

            interview = ready_to_sign(session, interview_id, role=role, cert_no=cert_no)
            interview_id, bound = interview.id, interview.content_sha256()
        _replace_previous(ch, inspection.id, role, inspector_id, signer_name, interview_id)
        if role in ("party", "interviewee"):
            # The party signs after all: a witness of an earlier refusal witnesses nothing now.
            _replace_previous(ch, inspection.id, "witness", None, None, interview_id)
        signature = HandwrittenSignature(
            inspection_id=inspection.id,
            interview_id=interview_id,
            role=role,
            inspector_id=inspector_id,
            signer_name=signer_name.strip(),
            strokes=clean,
            image_png=picture,
            refused=False,
            content_sha256=bound,
            data_sha256=data_sha256,
            hash_format=hash_format,
            confirmation=confirmation,
        )
        ch.add(signature)
        ch.entity(signature)
        session.flush()
        return signature.id


def record_refusal(
    ws: Workspace,
    inspection_id: str,
    representative: str,
    reason: str,
    witness_name: str,
    witness_strokes: list[Stroke],
    *,
    interview_id: str | None = None,
    witness_id_no: str | None = None,
    witness_relation: str | None = None,
    seen: str | None = None,
) -> None:
    """The party's representative refuses to sign (拒签): the reason is recorded, and a
    witness names themself, with their 身份证号 and relation to the party, and signs. Both are
    bound to the data as it stands (a later change voids them, like any signature)."""
    if not reason.strip():
        raise InvalidInput("请填写拒签的理由（或“未说明理由”）")
    if not witness_name.strip():
        raise InvalidInput("拒签时须有见证人签名：请填写见证人姓名")
    # The record must say who witnessed, so that the witness can be found and heard later.
    if not (witness_id_no or "").strip():
        raise InvalidInput("拒签时须记录见证人的身份：请填写见证人的身份证号码")
    id_no = check_id_number(witness_id_no or "")
    relation = _clean(witness_relation)
    if relation is None:
        raise InvalidInput("请填写见证人与被检查单位的关系（如 无关系、本单位职工）")
    clean = _check_strokes(witness_strokes)
    picture = render_strokes(clean)
    role = "interviewee" if interview_id else "party"
    data_sha256, hash_format = _binding(ws, inspection_id, interview_id, seen)
    with ws.change(None, "signature.refuse", inspection=inspection_id, editable=False) as ch:
        session = ch.session
        inspection = ch.inspection
        assert inspection is not None
        _signable(inspection)
        bound = None
        if interview_id is not None:
            from inspector.record.interview import ready_to_sign

            interview = ready_to_sign(session, interview_id, role="refusal")
            interview_id, bound = interview.id, interview.content_sha256()
        _replace_previous(ch, inspection.id, role, None, None, interview_id)
        _replace_previous(ch, inspection.id, "witness", None, None, interview_id)
        session.add_all(
            [
                HandwrittenSignature(
                    inspection_id=inspection.id,
                    interview_id=interview_id,
                    role=role,
                    signer_name=representative.strip() or "（未留姓名）",
                    strokes=[],
                    image_png=None,
                    refused=True,
                    refusal_reason=reason.strip(),
                    content_sha256=bound,
                    data_sha256=data_sha256,
                    hash_format=hash_format,
                ),
                HandwrittenSignature(
                    inspection_id=inspection.id,
                    interview_id=interview_id,
                    role="witness",
                    signer_name=witness_name.strip(),
                    strokes=clean,
                    image_png=picture,
                    refused=False,
                    content_sha256=bound,
                    data_sha256=data_sha256,
                    hash_format=hash_format,
                    id_no=id_no,
                    relation=relation,
                ),
            ]
        )


def _team_member(session: Session, inspection: Inspection, cert_no: str | None) -> str:
    for member in inspection.members:
        if member.inspector.cert_no == cert_no:
            return member.inspector.id
    raise InvalidInput("执法证号 {cert_no} 不是本检查组的成员", cert_no=cert_no)


def _replace_previous(
    ch: Change,
    inspection_id: str,
    role: str,
    inspector_id: str | None,
    signer_name: str | None,
    interview_id: str | None,
) -> None:
    query = select(HandwrittenSignature).where(
        HandwrittenSignature.inspection_id == inspection_id,
        HandwrittenSignature.role == role,
        HandwrittenSignature.interview_id.is_(None)
        if interview_id is None
        else HandwrittenSignature.interview_id == interview_id,
    )
    if inspector_id is not None:
        query = query.where(HandwrittenSignature.inspector_id == inspector_id)
    query = query.where(HandwrittenSignature.voided_at.is_(None))
    # Kept, void: a signature given and then given again is part of what happened on site.
    for old in ch.session.scalars(query):
        old.voided_at = utcnow()
        old.void_reason = REPLACED
        ch.details.setdefault("voided", []).append(old.id)


@dataclass
class SignatureView:
    role: str
    signer_name: str
    cert_no: str | None
    image_png: bytes | None
    refused: bool
    refusal_reason: str | None
    signed_at: datetime
    interview_id: str | None
    content_sha256: str | None = None  # an interview's content it was given on
    id: str = ""
    # What was signed: the document's data hash without the hand signatures, and its format.
    data_sha256: str | None = None
    hash_format: int | None = None
    voided_at: datetime | None = None
    void_reason: str | None = None
    id_no: str | None = None  # a 拒签 witness's 身份证号
    relation: str | None = None  # a 拒签 witness's relation to the party
    confirmation: str | None = None  # the party's: CONFIRMATIONS

    @property
    def who(self) -> str:
        """The signer in words, as the screen and the refusals name them."""
        role = ROLE_NAMES.get(self.role, self.role)
        return f"{role} {self.signer_name}"


def signatures(
    ws: Workspace, inspection_id: str, *, include_void: bool = False
) -> list[SignatureView]:
    """The hand signatures (and refusals) of an inspection and its interviews, oldest first.
    Void ones (replaced, or given on data that changed since) only with ``include_void``: they
    are kept as evidence of what happened but never printed or counted."""
    with ws.db.session() as session:
        inspection = resolve_id(session, inspection_id)
        certs = {m.inspector.id: m.inspector.cert_no for m in inspection.members}
        query = select(HandwrittenSignature).where(
            HandwrittenSignature.inspection_id == inspection.id
        )
        if not include_void:
            query = query.where(HandwrittenSignature.voided_at.is_(None))
        rows = session.scalars(query.order_by(HandwrittenSignature.signed_at)).all()
        return [
            SignatureView(
                role=row.role,
                signer_name=row.signer_name,
                cert_no=certs.get(row.inspector_id or ""),
                image_png=row.image_png,
                refused=row.refused,
                refusal_reason=row.refusal_reason,
                signed_at=row.signed_at,
                interview_id=row.interview_id,
                content_sha256=row.content_sha256,
                id=row.id,
                data_sha256=row.data_sha256,
                hash_format=row.hash_format,
                voided_at=row.voided_at,
                void_reason=row.void_reason,
                id_no=row.id_no,
                relation=row.relation,
                confirmation=row.confirmation,
            )
            for row in rows
        ]


# --- what the record says of how it was shown, confirmed or refused ---------------------
# Each sentence below is made only from what was captured: nothing is printed as a fact that
# nobody recorded.


def confirmation_text(party: SignatureView | None, representative: str | None) -> str | None:
    """How the party confirmed the record, as recorded with its signature; None when it did
    not sign or how was not recorded (then the record says nothing of it)."""
    if party is None or party.refused or party.confirmation not in CONFIRMATIONS:
        return None
    who = representative or party.signer_name
    if party.confirmation == "initials":
        return f"以上记录经被检查单位代表 {who} 核对，在打印的记录每页签字确认。"
    return f"被检查单位代表 {who} 在签名屏上阅看本记录全文，核对后在签名页签名确认。"


def refusal_text(
    party: SignatureView, witness: SignatureView | None, inspectors: list[SignatureView]
) -> str:
    """A 拒签 as recorded: who refused, the reason, the inspectors present (those who signed
    by hand) and the witness with their identity and relation to the party."""
    present = "、".join(
        f"{s.signer_name}（执法证号 {s.cert_no}）" if s.cert_no else s.signer_name
        for s in inspectors
    )
    reason = party.refusal_reason or "未说明"
    text = f"被检查单位代表 {party.signer_name} 拒绝签名，理由：{reason}。"
    if present:
        text += f"在场检查人员：{present}。"
    if witness is not None:
        identity = "，".join(
            part
            for part in (
                f"身份证号 {witness.id_no}" if witness.id_no else "（未记录身份证号）",
                f"与被检查单位的关系：{witness.relation}" if witness.relation else "",
            )
            if part
        )
        text += f"见证人 {witness.signer_name}（{identity}）见证并签名。"
    return text


# --- interview records -----------------------------------------------------------------


@dataclass
class InterviewView:
    id: str
    inspection_id: str
    interviewee_name: str
    interviewee_role: str | None
    interviewee_id_no: str | None
    place: str | None
    started_at: datetime | None
    ended_at: datetime | None
    questions: list[dict[str, str]]
    recorder_cert_no: str | None = None  # 记录人
    recorder_name: str | None = None
    signed: bool = False  # digitally signed: no more changes
    # The interview as a document (inspector/record/interview.py): the 询问人 chosen (name,
    # 执法证号), the interviewee's relation to the party, who showed the 执法证件 and when
    # (name, 执法证号, time), the rights told (code, time, reply), the closing confirmation.
    interviewers: list[tuple[str, str]] = field(default_factory=list)
    relation: str | None = None
    credentials_shown: list[tuple[str, str, datetime]] = field(default_factory=list)
    rights_told: list[tuple[str, datetime, str | None]] = field(default_factory=list)
    confirmation_text: str | None = None
    confirmation_png: bytes | None = None
    confirmed_at: datetime | None = None
    # The handwriting of the confirmation as written (points), for keeping it when the typed
    # words are changed: the record prints confirmation_png, drawn from them.
    confirmation_strokes: list[Any] | None = None
    # Team members who must not act for it (回避): 执法证号 → reason.
    recused: dict[str, str] = field(default_factory=dict)

    def content(self) -> dict[str, Any]:
        """What the interview states, signatures aside: the hash of this is what a handwritten
        signature on it is bound to (a change after signing voids the signature)."""
        return {
            "interview": self.id,
            "interviewee": [
                self.interviewee_name,
                self.interviewee_role,
                self.interviewee_id_no,
                self.relation,
            ],
            "place": self.place,
            "times": [
                self.started_at.isoformat() if self.started_at else None,
                self.ended_at.isoformat() if self.ended_at else None,
            ],
            "questions": self.questions,
            "recorder": self.recorder_cert_no,
            "interviewers": [cert for _name, cert in self.interviewers],
            "credentials": [[cert, at.isoformat()] for _name, cert, at in self.credentials_shown],
            "rights": [[code, at.isoformat(), reply] for code, at, reply in self.rights_told],
            "confirmation": [
                self.confirmation_text,
                hashlib.sha256(self.confirmation_png).hexdigest()
                if self.confirmation_png
                else None,
            ],
        }

    def content_sha256(self) -> str:
        return sha256_of(self.content())

    @property
    def signers(self) -> list[str]:
        """执法证号 of who signs this interview record: the 询问人, then the 记录人."""
        certs = [cert for _name, cert in self.interviewers]
        if self.recorder_cert_no and self.recorder_cert_no not in certs:
            certs.append(self.recorder_cert_no)
        return certs


def _interview_signed(session: Session, interview: Interview) -> bool:
    return (
        session.scalar(
            select(RecordSignature.id)
            .join(Record, Record.id == RecordSignature.record_id)
            .where(Record.interview_id == interview.id)
            .limit(1)
        )
        is not None
    )


def _interview_view(row: Interview, session: Session | None = None) -> InterviewView:
    recorder = (
        session.get(Inspector, row.recorder_id) if session is not None and row.recorder_id else None
    )
    people: dict[str, Inspector] = {}
    recused: dict[str, str] = {}
    if session is not None:
        from inspector.record.interview import recused_members

        inspection = session.get(Inspection, row.inspection_id)
        if inspection is not None:
            people = {m.inspector.id: m.inspector for m in inspection.members}
            people.update({p.cert_no: p for p in people.values()})
            recused = recused_members(session, inspection)
    interviewers = [
        (people[i].name, people[i].cert_no) for i in row.interviewer_ids or [] if i in people
    ]
    shown = [
        (people[c["cert_no"]].name if c["cert_no"] in people else "", c["cert_no"], _at(c["at"]))
        for c in row.credentials_shown or []
    ]
    rights = [(r["right"], _at(r["at"]), r.get("reply")) for r in row.rights_told or []]
    return InterviewView(
        id=row.id,
        inspection_id=row.inspection_id,
        interviewee_name=row.interviewee_name,
        interviewee_role=row.interviewee_role,
        interviewee_id_no=row.interviewee_id_no,
        place=row.place,
        started_at=row.started_at,
        ended_at=row.ended_at,
        questions=list(row.questions),
        recorder_cert_no=recorder.cert_no if recorder else None,
        recorder_name=recorder.name if recorder else None,
        signed=session is not None and _interview_signed(session, row),
        interviewers=interviewers,
        relation=row.interviewee_relation,
        credentials_shown=shown,
        rights_told=rights,
        confirmation_text=row.confirmation_text,
        confirmation_png=row.confirmation_png,
        confirmed_at=row.confirmed_at,
        confirmation_strokes=row.confirmation_strokes,
        recused=recused,
    )


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def new_interview(
    ws: Workspace,
    inspection_id: str,
    interviewee_name: str,
    *,
    role: str | None = None,
    id_no: str | None = None,
    place: str | None = None,
    recorder: str | None = None,
) -> str:
    if not interviewee_name.strip():
        raise InvalidInput("请填写被询问人姓名")
    id_no = check_id_number(id_no) if id_no and id_no.strip() else None
    with ws.change(None, "interview.create", inspection=inspection_id) as ch:
        session = ch.session
        inspection = ch.inspection
        assert inspection is not None
        interview = Interview(
            inspection_id=inspection.id,
            interviewee_name=interviewee_name.strip(),
            interviewee_role=role,
            interviewee_id_no=id_no,
            place=place or inspection.place,
            started_at=utcnow(),
            questions=[],
            recorder_id=_team_member(session, inspection, recorder) if recorder else None,
        )
        ch.add(interview)
        session.flush()
        ch.entity(interview)
        return interview.id


def _interview(session: Session, interview_id: str) -> Interview:
    """An interview by its id or an unambiguous prefix (``interview list`` prints 8 digits)."""
    return ids.resolve_prefix(session, Interview.id, interview_id, ids.INTERVIEW)


def _editable_interview(ch: Change, interview_id: str) -> Interview:
    """An interview may be changed until its record is signed digitally (or the inspection is
    locked): the interviewee reads it over and corrections go in before anyone signs."""
    session = ch.session
    interview = _interview(session, interview_id)
    inspection = resolve_id(session, interview.inspection_id)
    _signable(inspection)
    ch.inspection = inspection
    ch.entity(interview)
    if _interview_signed(session, interview):
        raise InvalidInput("该询问笔录已数字签名，不能再修改")
    return interview


def add_question(ws: Workspace, interview_id: str, question: str, answer: str) -> int:
    """Append a question and its answer, as said. Returns its number (from 1)."""
    if not question.strip():
        raise InvalidInput("问题不能为空")
    with ws.change(None, "interview.question") as ch:
        interview = _editable_interview(ch, interview_id)
        interview.questions = [*interview.questions, {"q": question.strip(), "a": answer}]
        interview.ended_at = utcnow()
        return len(interview.questions)


def edit_question(
    ws: Workspace, interview_id: str, number: int, question: str, answer: str
) -> None:
    """Correct question ``number`` (from 1) and its answer; an empty question removes it."""
    with ws.change(None, "interview.edit") as ch:
        interview = _editable_interview(ch, interview_id)
        questions = list(interview.questions)
        if not 1 <= number <= len(questions):
            raise NotFound("询问笔录中没有第 {number} 问", number=number)
        ch.details["number"] = number
        if question.strip():
            questions[number - 1] = {"q": question.strip(), "a": answer}
        else:
            del questions[number - 1]
        interview.questions = questions


def update_interview(
    ws: Workspace,
    interview_id: str,
    *,
    interviewee_name: str | None = None,
    role: str | None = None,
    id_no: str | None = None,
    place: str | None = None,
    recorder: str | None = None,
    relation: str | None = None,
) -> None:
    """The interviewee's particulars (a 身份证号 checked by its GB 11643 check digit) and
    relation to the party, the place and the 记录人 (a team member's 执法证号); arguments not
    given keep their value, an empty string clears one."""
    if interviewee_name is not None and not interviewee_name.strip():
        raise InvalidInput("请填写被询问人姓名")
    if id_no and id_no.strip():
        id_no = check_id_number(id_no)
    with ws.change(None, "interview.update") as ch:
        interview = _editable_interview(ch, interview_id)
        inspection = ch.inspection
        assert inspection is not None
        if interviewee_name is not None:
            interview.interviewee_name = interviewee_name.strip()
        if role is not None:
            interview.interviewee_role = _clean(role)
        if id_no is not None:
            interview.interviewee_id_no = _clean(id_no)
        if place is not None:
            interview.place = _clean(place)
        if relation is not None:
            interview.interviewee_relation = _clean(relation)
        if recorder is not None:
            interview.recorder_id = (
                _team_member(ch.session, inspection, recorder.strip()) if recorder.strip() else None
            )


def get_interviews(ws: Workspace, inspection_id: str) -> list[InterviewView]:
    with ws.db.session() as session:
        inspection = resolve_id(session, inspection_id)
        rows = session.scalars(
            select(Interview)
            .where(Interview.inspection_id == inspection.id)
            .order_by(Interview.created_at)
        ).all()
        return [_interview_view(row, session) for row in rows]


def interview_id_of(ws: Workspace, text: str) -> str:
    """The full id of an interview given by its id or a prefix of it."""
    with ws.db.session() as session:
        return _interview(session, text).id


def get_interview(ws: Workspace, interview_id: str) -> InterviewView:
    with ws.db.session() as session:
        return _interview_view(_interview(session, interview_id), session)


# --- the record's number and data hash --------------------------------------------------


def record_number_of(inspection: Inspection) -> str:
    """The record's number: the stored one, or the one the first record will be given —
    检查日期 and the start of the inspection's id, unique across laptops without a counter."""
    if inspection.record_no is not None:
        return inspection.record_no
    day = (inspection.started_at or inspection.created_at).astimezone()
    return f"JC{day:%Y%m%d}-{inspection.id[:8].upper()}"


def record_data(view: InspectionView, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """What the record states, in a stable form: its SHA-256 is printed on every page and
    checked again by ``record verify`` against the database."""
    return {
        "inspection": view.id,
        "institution": [view.institution_name, view.institution_type, view.district],
        "mode": view.mode,
        "team": [[name, cert, role.value] for name, cert, role in view.team],
        "started_at": view.started_at.isoformat() if view.started_at else None,
        "ended_at": view.ended_at.isoformat() if view.ended_at else None,
        "answers": {
            # 不涉及金额 and the reason for no evidence enter only where given (legal.py), so
            # that a record made before them keeps its hash.
            code: [a.result.value, a.note, a.amount_fen, a.violation_code]
            + ([a.no_amount, a.no_evidence_reason] if a.no_amount or a.no_evidence_reason else [])
            for code, a in sorted(view.answers.items())
        },
        **({"recused": [list(r) for r in view.recused]} if view.recused else {}),
        "evidence": sorted(e.sha256 for e in view.evidence),
        **(extra or {}),
    }


def record_data_sha256(view: InspectionView, extra: dict[str, Any] | None = None) -> str:
    return sha256_of(record_data(view, extra))


def _copy_evidence(ch: Change, original_id: str, copy_id: str) -> dict[str, str]:
    """The original's evidence and sealing list, linked to the amendment: the same stored files,
    new rows, each entered in the amendment's own custody chain as coming from the original.
    Returns the new evidence ids by the original's."""
    session = ch.session
    last = None
    new_ids: dict[str, str] = {}
    skip = {
        "id",
        "inspection_id",
        "device_id",
        "created_at",
        "updated_at",
        "change_device_id",
        "change_seq",
    }
    rows = session.scalars(
        select(Evidence).where(Evidence.inspection_id == original_id).order_by(Evidence.created_at)
    ).all()
    for old in rows:  # originals come before the annotated copies made from them
        values = {
            c.key: getattr(old, c.key) for c in Evidence.__table__.columns if c.key not in skip
        }
        if old.derived_from:
            values["derived_from"] = new_ids.get(old.derived_from, old.derived_from)
        row = ch.add(Evidence(**values, inspection_id=copy_id))
        session.flush()
        new_ids[old.id] = row.id
        facts = {**evidence_facts(row), "copied_from": [original_id, old.id]}
        event = "annotated" if old.derived_from else "added"
        last = custody.append(
            session,
            copy_id,
            event,
            device_id=ch.device_id,
            evidence_id=row.id,
            data=facts,
            after=last,
        )
    for item in session.scalars(select(SealItem).where(SealItem.inspection_id == original_id)):
        seal = SealItem(
            inspection_id=copy_id,
            position=item.position,
            description=item.description,
            quantity=item.quantity,
            unit=item.unit,
            note=item.note,
            evidence_ids=[new_ids.get(e, e) for e in item.evidence_ids],
            added_by=item.added_by,
        )
        ch.add(seal)
        session.flush()
        data = {
            "seal_item_id": seal.id,
            "position": seal.position,
            "description": seal.description,
            "quantity": seal.quantity,
            "unit": seal.unit,
            "note": seal.note,
            "evidence_ids": list(seal.evidence_ids),
            "copied_from": [original_id, item.id],
        }
        last = custody.append(
            session, copy_id, "sealed", device_id=ch.device_id, data=data, after=last
        )
    return new_ids


# --- amendments --------------------------------------------------------------------------


def amend_inspection(ws: Workspace, inspection_id: str) -> str:
    """A correction of a signed inspection: a new inspection, linked to the original, with its
    answers copied to start from (evidence links too: the files are the same). The signed
    original is never changed."""
    with ws.change(None, "inspection.amend", inspection=inspection_id, editable=False) as ch:
        session = ch.session
        original = ch.inspection
        assert original is not None
        if original.status is not InspectionStatus.SIGNED:
            raise InvalidInput("只有已签名锁定的检查需要更正记录；未签名的检查可以直接修改。")
        copy = Inspection(
            institution_id=original.institution_id,
            mode=original.mode,
            district=original.district,
            team_district=original.team_district,
            place=original.place,
            focus=list(original.focus),
            snapshot_sha256=original.snapshot_sha256,
            item_count=original.item_count,
            # The visit's time is the original's: an amendment corrects the record of that
            # visit, it does not stretch it to the day of the correction.
            started_at=original.started_at,
            ended_at=original.ended_at,
            times_entered=original.times_entered,
            # Issued by the same bureau as the record it corrects (its own number follows).
            bureau=original.bureau,
            amends_id=original.id,
            status=InspectionStatus.IN_PROGRESS,
            # What the party said and who it is stay as given unless corrected.
            party_statement=original.party_statement,
            party_representative=original.party_representative,
            party_title=original.party_title,
            party_legal_rep=original.party_legal_rep,
            party_address=original.party_address,
            party_phone=original.party_phone,
            party_credit_code=original.party_credit_code,
            recorder_id=original.recorder_id,
            recusal_told=original.recusal_told,
            recusal_reply=original.recusal_reply,
            recusal_overrides=list(original.recusal_overrides or []),
            party_present=list(original.party_present or []),
            # What was shown and told at the visit (inspector/record/legal.py) stays as captured.
            party_id_no=original.party_id_no,
            disclosed_at=original.disclosed_at,
            recusal_told_at=original.recusal_told_at,
            recusal_told_by=original.recusal_told_by,
            duty_told_at=original.duty_told_at,
            duty_told_by=original.duty_told_by,
            duty_reply=original.duty_reply,
            opinion_told_at=original.opinion_told_at,
            opinion_told_by=original.opinion_told_by,
        )
        ch.add(copy)
        session.flush()
        ch.entity(copy)
        for member in original.members:
            copy.members.append(
                InspectionMember(
                    inspector_id=member.inspector_id,
                    role=member.role,
                    position=member.position,
                    cert_shown_at=member.cert_shown_at,
                    recused=member.recused,
                    recusal_reason=member.recusal_reason,
                )
            )
        for answer in session.scalars(select(Answer).where(Answer.inspection_id == original.id)):
            ch.add(
                Answer(
                    inspection_id=copy.id,
                    item_code=answer.item_code,
                    result=answer.result,
                    note=answer.note,
                    amount_fen=answer.amount_fen,
                    violation_code=answer.violation_code,
                    no_amount=answer.no_amount,
                    no_evidence_reason=answer.no_evidence_reason,
                )
            )
        for check in session.scalars(
            select(DrugCheck).where(DrugCheck.inspection_id == original.id)
        ):
            ch.add(
                DrugCheck(
                    inspection_id=copy.id,
                    item_code=check.item_code,
                    list_code=check.list_code,
                    entry_no=check.entry_no,
                    name=check.name,
                    count=check.count,
                    unit=check.unit,
                    note=check.note,
                )
            )
        new_ids = _copy_evidence(ch, original.id, copy.id)
        # The leads verified on the visit, as the original stated them: the amendment states
        # and corrects them like the answers, and its ledger rows take over the original's.
        for lead_check in session.scalars(
            select(LeadCheck).where(LeadCheck.inspection_id == original.id)
        ):
            ch.add(
                LeadCheck(
                    lead_id=lead_check.lead_id,
                    inspection_id=copy.id,
                    number=lead_check.number,
                    summary=lead_check.summary,
                    verdict=lead_check.verdict,
                    note=lead_check.note,
                    amount_fen=lead_check.amount_fen,
                    evidence_ids=[new_ids.get(e, e) for e in lead_check.evidence_ids],
                )
            )
            lead = session.get(Lead, lead_check.lead_id)
            if lead is not None:
                lead.inspection_id = copy.id
        return copy.id
