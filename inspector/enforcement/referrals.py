"""Referral (移送) of a case to the department it belongs to, and cases sent here.

条例 art. 22: 医疗保障、卫生健康、中医药、市场监督管理、财政、审计、公安等部门 ... 建立沟通协调、
案件移送等机制. 行政处罚法 art. 27: a violation suspected to be a crime goes to the judicial
organs (公安), and cases are handed over both ways. A referral here is:

- the 移送书 (to whom, the facts, the basis) with its 案卷清单 (every record, document and
  evidence file of the case with its SHA-256), both PDFs in the record store;
- the signed evidence bundle of the case only (inspector/bundle/referral.py), which the
  receiving side checks with ``bundle verify`` on its own laptop;
- then the receipt (date, receiver), the feedback, or a return (退回): the case continues here
  (a returned referral ends nothing; the case may be referred again).

A case another department hands to the bureau is registered by :func:`receive_referral`, for
the leads package to take up as a lead."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector import ids
from inspector.db.models import (
    CompulsoryMeasure,
    EnforcementDocument,
    Evidence,
    Inspection,
    Institution,
    ReceivedReferral,
    Record,
    RectificationOrder,
    Referral,
    new_id,
)
from inspector.enforcement.measures import _text, check_day, visit_day
from inspector.errors import InvalidInput, Term
from inspector.inspections import resolve_id
from inspector.signing.keystore import UnlockedKey
from inspector.workspace import Workspace

DEPARTMENTS = {
    "police": "公安机关",
    "discipline": "纪检监察机关",
    "health": "卫生健康部门",
    "market": "市场监督管理部门",
    "drug": "药品监督管理部门",
}
SENDERS = {**DEPARTMENTS, "other": "其他部门"}
_ALIASES = {
    **{k: k for k in SENDERS},
    **{v: k for k, v in SENDERS.items()},
    "公安": "police",
    "纪检监察": "discipline",
    "卫生健康": "health",
    "卫健": "health",
    "市场监管": "market",
    "药监": "drug",
}
# The usual basis for each (named without article numbers where they vary by case).
BASIS = {
    "police": "《中华人民共和国行政处罚法》第二十七条、《行政执法机关移送涉嫌犯罪案件的规定》",
    "discipline": "《医疗保障基金使用监督管理条例》第二十二条及有关问题线索移送的规定",
    "health": "《医疗保障基金使用监督管理条例》第二十二条",
    "market": "《医疗保障基金使用监督管理条例》第二十二条",
    "drug": "《医疗保障基金使用监督管理条例》第二十二条",
}

REFERRED = "referred"
RECEIVED = "received"
ANSWERED = "answered"
RETURNED = "returned"
STATUS_NAMES = {REFERRED: "已移送", RECEIVED: "已接收", ANSWERED: "已反馈", RETURNED: "已退回"}

REFERRAL = ids.IdKind(Term("移送"), describe=lambda r: str(r.referral_no))
RECEIVED_REFERRAL = ids.IdKind(Term("接收的移送案件"), describe=lambda r: str(r.document_no))


def parse_department(text: str, *, incoming: bool = False) -> str:
    found = _ALIASES.get(text.strip())
    allowed_set = SENDERS if incoming else DEPARTMENTS
    if found is None or found not in allowed_set:
        allowed = "、".join(f"{code}（{name}）" for code, name in allowed_set.items())
        raise InvalidInput("移送部门“{value}”无效，可选：{allowed}", value=text, allowed=allowed)
    return found


@dataclass
class FileLine:
    """One line of the 案卷清单."""

    seq: int
    title: str
    kind: str
    sha256: str = ""
    note: str = ""


@dataclass
class ReferralView:
    id: str
    inspection_id: str | None
    case_id: str | None
    department: str
    receiver: str
    referral_no: str
    referred_on: date
    facts: str
    basis: str
    file_list: list[dict[str, Any]]
    bundle_id: str | None
    bundle_sha256: str | None
    entries: dict[str, str]  # ledger rows handed over (移交) → the status each had
    received_on: date | None
    received_by: str | None
    feedback_on: date | None
    feedback: str | None
    returned_on: date | None
    return_reason: str | None
    created_at: datetime
    documents: list[dict[str, Any]] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.returned_on is not None:
            return RETURNED
        if self.feedback_on is not None:
            return ANSWERED
        if self.received_on is not None:
            return RECEIVED
        return REFERRED

    @property
    def status_name(self) -> str:
        return STATUS_NAMES[self.status]

    @property
    def department_name(self) -> str:
        return DEPARTMENTS[self.department]


def _view(session: Session, row: Referral) -> ReferralView:
    documents = [
        {
            "id": d.id,
            "kind": d.kind,
            "document_no": d.document_no,
            "sha256": d.sha256,
            "signed_by": d.signed_by,
        }
        for d in session.scalars(
            select(EnforcementDocument)
            .where(EnforcementDocument.referral_id == row.id)
            .order_by(EnforcementDocument.kind)
        )
    ]
    return ReferralView(
        id=row.id,
        inspection_id=row.inspection_id,
        case_id=row.case_id,
        department=row.department,
        receiver=row.receiver,
        referral_no=row.referral_no,
        referred_on=row.referred_on,
        facts=row.facts,
        basis=row.basis,
        file_list=list(row.file_list or []),
        bundle_id=row.bundle_id,
        bundle_sha256=row.bundle_sha256,
        entries=dict(row.entries or {}),
        received_on=row.received_on,
        received_by=row.received_by,
        feedback_on=row.feedback_on,
        feedback=row.feedback,
        returned_on=row.returned_on,
        return_reason=row.return_reason,
        created_at=row.created_at,
        documents=documents,
    )


def file_list(session: Session, inspections: Sequence[str]) -> list[FileLine]:
    """The 案卷清单 of a case: its records (the on-site record, interviews), the documents of
    its measures, its rectification orders, and every evidence file, each with its SHA-256."""
    lines: list[FileLine] = []
    titles = {"inspection_record": "现场检查记录", "interview_record": "询问笔录"}
    for inspection_id in inspections:
        inspection = session.get(Inspection, inspection_id)
        assert inspection is not None
        for record in session.scalars(
            select(Record).where(Record.inspection_id == inspection_id).order_by(Record.created_at)
        ):
            title = titles.get(record.kind, record.kind)
            if record.kind == "inspection_record" and inspection.record_no:
                title += f"（{inspection.record_no}）"
            lines.append(FileLine(0, title, "record", record.sha256))
        for document in session.scalars(
            select(EnforcementDocument)
            .join(CompulsoryMeasure, EnforcementDocument.measure_id == CompulsoryMeasure.id)
            .where(CompulsoryMeasure.inspection_id == inspection_id)
            .order_by(EnforcementDocument.created_at)
        ):
            lines.append(
                FileLine(0, f"强制措施文书（{document.document_no}）", "document", document.sha256)
            )
        for order in session.scalars(
            select(RectificationOrder).where(RectificationOrder.inspection_id == inspection_id)
        ):
            lines.append(FileLine(0, f"整改通知书（{order.order_no}）", "order", order.sha256))
        for evidence in session.scalars(
            select(Evidence)
            .where(Evidence.inspection_id == inspection_id, Evidence.derived_from.is_(None))
            .order_by(Evidence.added_at)
        ):
            note = evidence.caption or (f"条目 {evidence.item_code}" if evidence.item_code else "")
            lines.append(FileLine(0, evidence.original_name, "evidence", evidence.sha256, note))
    for number, line in enumerate(lines, start=1):
        line.seq = number
    return lines


def _pending(
    session: Session, inspections: Sequence[str], case_id: str | None, dept: str
) -> str | None:
    query = select(Referral.referral_no).where(
        Referral.department == dept, Referral.returned_on.is_(None)
    )
    if case_id is not None:
        query = query.where(Referral.case_id == case_id)
    else:
        query = query.where(Referral.inspection_id.in_(list(inspections)))
    return session.scalars(query).first()


def refer_case(
    ws: Workspace,
    *,
    inspections: Sequence[str] = (),
    department: str,
    receiver: str,
    referral_no: str,
    referred_on: date,
    facts: str,
    bundle_out: Path,
    basis: str = "",
    case_id: str | None = None,
    key: UnlockedKey | None = None,
    today: date | None = None,
) -> ReferralView:
    """Refer a case (its ``inspections``) to ``department``: the 移送书 and 案卷清单 made and
    kept, the signed evidence bundle of the case only written to ``bundle_out`` (with both
    documents in it), and one ``referral.send`` change that records it all. Refused while a
    referral of the same case to the same department is open (not returned)."""
    from inspector.bundle.referral import export_referral_bundle
    from inspector.bureaus import bureau_line, bureau_name
    from inspector.enforcement.documents import Page, render_with_box

    day = today or date.today()
    dept = parse_department(department)
    to = _text(receiver, "接收单位", 200)
    number = _text(referral_no, "移送书文号", 100)
    what = _text(facts, "涉嫌违法的事实", 5000)
    legal = (basis or "").strip() or BASIS[dept]
    with ws.db.session() as session:
        case = None
        if case_id is not None:
            from inspector.cases.core import resolve_case

            case = resolve_case(session, case_id)
        chosen = [resolve_id(session, text).id for text in inspections]
        if case is not None:
            of_case = _case_inspections(session, case)
            outside = [i for i in chosen if i not in of_case]
            if outside:
                raise InvalidInput(
                    "检查 {inspection} 不属于案件 {case}", inspection=outside[0][:8],
                    case=case.id[:8],
                )  # fmt: skip
            chosen = chosen or of_case
        if not chosen and case is None:
            raise InvalidInput("移送证据包至少要包含一项检查")
        visits = [session.get(Inspection, i) for i in chosen]
        if len({v.institution_id for v in visits if v}) > 1:
            raise InvalidInput("一次移送只针对一个被检查单位的案件")
        days = [visit_day(v) for v in visits if v] + ([case.visit_on] if case else [])
        check_day(referred_on, "移送日期", not_before=min(days), before_what="现场检查日期",
                  today=day)  # fmt: skip
        open_one = _pending(session, chosen, case.id if case else None, dept)
        if open_one is not None:
            raise InvalidInput(
                "该案已移送{department}（{number}），未退回前不能重复移送",
                department=Term(DEPARTMENTS[dept]),
                number=open_one,
            )
        lines = file_list(session, chosen)
        case_files = _case_documents(ws, session, case) if case else []
        lines += [line for line, _name, _data in case_files]
        for index, line in enumerate(lines, start=1):
            line.seq = index
        first = visits[0] if visits else None
        if first is not None:
            bureau = bureau_name(ws, first)
            detail = bureau_line(first.bureau)
            party = first.institution.name
        else:
            assert case is not None
            bureau = str((case.bureau or {}).get("name") or bureau_name_of_case(ws))
            detail = bureau_line(case.bureau)
            party = case.party_name
        records = [v.record_no or v.id[:8] for v in visits if v]
        case_full = case.id if case else None
        # Who signs the 移送书: the case's officers (承办人), else the visit's team.
        signers = (
            [str(p["cert_no"]) for p in (case.officers or []) if p.get("cert_no")]
            if case is not None and case.officers
            else [m.inspector.cert_no for v in visits if v for m in v.members]
        )
    where = f"（检查记录 {'、'.join(records)}）" if records else ""
    referral_id = new_id()
    letter_page = Page(
        title="案件移送书",
        number=number,
        bureau=bureau,
        bureau_detail=detail,
        issued=referred_on,
        addressee=to,
        kind="referral",
        paragraphs=[
            f"本局在对{party}的医疗保障基金使用情况进行监督检查{where}中发现：{what}",
            f"依据{legal}，该案属于你单位管辖，现将案件移送你单位依法处理。",
            f"随附案卷材料 {len(lines)} 件（见案卷清单），电子证据以签名的移送证据包随本移送书"
            "一并移交，可用 Inspector 的“bundle verify”核验其完整性和签名。",
            "请在收到本移送书及案卷材料后回执，并将处理结果函告本局；不属于你单位管辖的，请说明"
            "理由后退回。",
        ],
        signatures=["接收单位签收：＿＿＿＿＿＿　签收人：＿＿＿＿　日期：＿＿＿＿"],
    )
    list_page = Page(
        title="案卷清单",
        number=number,
        bureau=bureau,
        bureau_detail=detail,
        issued=referred_on,
        addressee="",
        kind="referral-list",
        paragraphs=[f"移送书：{number}　接收单位：{to}　被检查单位：{party}"],
        header=["序号", "材料", "类别", "SHA-256", "备注"],
        rows=[
            [
                str(line.seq),
                line.title,
                _KIND_NAMES.get(line.kind, line.kind),
                line.sha256,
                line.note,
            ]
            for line in lines
        ],
        widths=[10, 50, 18, 66, 30],
    )
    (letter_pdf, letter_box), (list_pdf, list_box) = (
        render_with_box(letter_page),
        render_with_box(list_page),
    )
    signed_by = None
    if key is not None and key.info.kind != "device" and key.info.cert_no in signers:
        # The officer who hands the case over signs both before they go into the bundle.
        letter_pdf = _signed(letter_pdf, letter_box, key, number)
        list_pdf = _signed(list_pdf, list_box, key, number)
        signed_by = key.info.cert_no
    folder = chosen[0] if chosen else f"case-{case_full}"
    names = {
        "referral-letter": ws.records.name_for(folder, f"referral-letter-{referral_id[:8]}.pdf"),
        "referral-list": ws.records.name_for(folder, f"referral-list-{referral_id[:8]}.pdf"),
    }
    made = export_referral_bundle(
        ws,
        bundle_out,
        inspections=chosen,
        documents=[
            (names["referral-letter"], letter_pdf),
            (names["referral-list"], list_pdf),
            *((name, data) for _line, name, data in case_files),
        ],
        referral={
            "referral_no": number,
            "department": dept,
            "receiver": to,
            "referred_on": referred_on.isoformat(),
            "case_id": case_full,
        },
        key=key,
    )
    try:
        inspection = chosen[0] if chosen else None
        with ws.change(None, "referral.send", inspection=inspection, editable=False) as ch:
            row = ch.add(
                Referral(
                    id=referral_id,
                    inspection_id=inspection,
                    case_id=case_full,
                    department=dept,
                    receiver=to,
                    referral_no=number,
                    referred_on=referred_on,
                    facts=what,
                    basis=legal,
                    file_list=[line.__dict__ for line in lines],
                    bundle_id=made.bundle_id,
                    bundle_sha256=made.manifest_sha256,
                )
            )
            row.entries = _hand_over(ch.session, dept, chosen, case_full)
            ch.session.flush()
            for kind, pdf, box in (
                ("referral-letter", letter_pdf, letter_box),
                ("referral-list", list_pdf, list_box),
            ):
                document = _keep_named(
                    ws, ch, names[kind], kind, number, pdf, inspection, referral_id
                )
                document.signers, document.signature_box = signers, box
                document.signed_by = signed_by
            ch.entity(row)
            ch.details.update(
                {
                    "department": dept,
                    "referral_no": number,
                    "bundle_id": made.bundle_id,
                    "manifest_sha256": made.manifest_sha256,
                    "files": len(lines),
                }
            )
            ch.session.flush()
            return _view(ch.session, row)
    except BaseException:
        Path(bundle_out).unlink(missing_ok=True)  # no bundle of a referral that was not made
        raise


# Handed over whole, as the ledger's 移送 steps did (inspector/ledger/cases.py HAND_OVER): the
# rows show 移交 while the police or the discipline inspectors hold the case. The other
# departments take their part of it; the bureau's own handling goes on.
HAND_OVER = ("police", "discipline")


def _hand_over(
    session: Session, dept: str, inspections: Sequence[str], case_id: str | None
) -> dict[str, str]:
    """Set the case's open ledger rows to 移交; returns row id → the status it had."""
    from inspector.db.models import Case, LedgerEntry
    from inspector.ledger.entries import RECTIFIED, SUPERSEDED, TRANSFERRED

    if dept not in HAND_OVER:
        return {}
    if case_id is not None:
        case = session.get(Case, case_id)
        wanted = list((case.entry_ids if case else None) or [])
        query = select(LedgerEntry).where(LedgerEntry.id.in_(wanted))
    else:
        query = select(LedgerEntry).where(LedgerEntry.inspection_id.in_(list(inspections)))
    before: dict[str, str] = {}
    for entry in session.scalars(query):
        if entry.status in (RECTIFIED, SUPERSEDED, TRANSFERRED):
            continue
        before[entry.id] = entry.status
        entry.status = TRANSFERRED
    return before


def _take_back(session: Session, row: Referral) -> None:
    """退回: the rows handed over get back the status they had (the case goes on here)."""
    from inspector.db.models import LedgerEntry
    from inspector.ledger.entries import TRANSFERRED

    for entry_id, status in (row.entries or {}).items():
        entry = session.get(LedgerEntry, entry_id)
        if entry is not None and entry.status == TRANSFERRED:
            entry.status = status


def _case_inspections(session: Session, case: Any) -> list[str]:
    """The inspections a case's findings came from (its first, then its ledger rows')."""
    from inspector.db.models import LedgerEntry

    found = [case.inspection_id] if case.inspection_id else []
    if case.entry_ids:
        for inspection in session.scalars(
            select(LedgerEntry.inspection_id).where(LedgerEntry.id.in_(list(case.entry_ids)))
        ):
            if inspection not in found:
                found.append(inspection)
    return found


def _case_documents(
    ws: Workspace, session: Session, case: Any
) -> list[tuple[FileLine, str, bytes]]:
    """The case's own documents (立案审批表 … , inspector/cases/documents.py): a line of the
    案卷清单 each, and their bytes for the bundle, checked against their hashes."""
    import hashlib

    from inspector.db.models import CaseDocument
    from inspector.errors import StorageError

    out = []
    for row in session.scalars(
        select(CaseDocument)
        .where(CaseDocument.case_id == case.id)
        .order_by(CaseDocument.created_at)
    ):
        data = ws.records.read_bytes(row.path)
        if hashlib.sha256(data).hexdigest() != row.sha256:
            raise StorageError("记录文件已被改动，未导出：{name}", name=row.path)
        title = row.title + (f"（{row.doc_no}）" if row.doc_no else "")
        out.append((FileLine(0, title, "document", row.sha256), row.path, data))
    return out


def bureau_name_of_case(ws: Workspace) -> str:
    from inspector.bureaus import LEGACY_SETTING

    return ws.db.setting(LEGACY_SETTING) or "医疗保障局"


_KIND_NAMES = {"record": "记录", "document": "文书", "order": "文书", "evidence": "电子证据"}


def _keep_named(
    ws: Workspace, ch: Any, name: str, kind: str, number: str, pdf: bytes,
    inspection_id: str | None, referral_id: str,
) -> EnforcementDocument:  # fmt: skip
    import hashlib

    ws.records.write(name, pdf)
    return ch.add(
        EnforcementDocument(
            inspection_id=inspection_id,
            referral_id=referral_id,
            kind=kind,
            document_no=number,
            path=name,
            sha256=hashlib.sha256(pdf).hexdigest(),
            size=len(pdf),
        )
    )


def _signed(pdf: bytes, box: Sequence[float], key: UnlockedKey, number: str) -> bytes:
    from inspector.signing.sign import sign_pdf

    held: list[bytes] = []

    def keep(data: memoryview) -> Path:
        held.append(bytes(data))
        return Path(number)

    sign_pdf(
        pdf,
        keep,
        key,
        field_name=f"referral-{key.info.cert_no}",
        box=(int(box[0]), float(box[1]), float(box[2]), float(box[3]), float(box[4])),
        label_lines=["承办人"],
        reason=number,
    )
    return held[0]


def _referral(session: Session, text: str) -> Referral:
    return ids.resolve_prefix(session, Referral.id, text, REFERRAL)


def _step(ws: Workspace, referral_id: str, action: str) -> tuple[str, str | None]:
    with ws.db.session() as session:
        row = _referral(session, referral_id)
        return row.id, row.inspection_id


def record_receipt(
    ws: Workspace, referral_id: str, *, received_on: date, received_by: str,
    today: date | None = None,
) -> ReferralView:  # fmt: skip
    """The receiving department's receipt (回执): its date and who received it."""
    day = today or date.today()
    who = _text(received_by, "签收人", 100)
    full_id, inspection = _step(ws, referral_id, "referral.receipt")
    with ws.change(None, "referral.receipt", inspection=inspection, editable=False) as ch:
        row = ch.session.get(Referral, full_id)
        assert row is not None
        if row.returned_on is not None:
            raise InvalidInput("该移送已于 {day} 退回", day=f"{row.returned_on:%Y-%m-%d}")
        if row.received_on is not None:
            raise InvalidInput("该移送已于 {day} 签收", day=f"{row.received_on:%Y-%m-%d}")
        check_day(received_on, "签收日期", not_before=row.referred_on, before_what="移送日期",
                  today=day)  # fmt: skip
        row.received_on, row.received_by = received_on, who
        ch.entity(row)
        ch.details.update({"received_on": str(received_on)})
        ch.session.flush()
        return _view(ch.session, row)


def record_feedback(
    ws: Workspace, referral_id: str, *, feedback_on: date, feedback: str,
    today: date | None = None,
) -> ReferralView:  # fmt: skip
    """What the receiving department answered (立案/不予立案/处理结果)."""
    day = today or date.today()
    text = _text(feedback, "反馈内容", 5000)
    full_id, inspection = _step(ws, referral_id, "referral.feedback")
    with ws.change(None, "referral.feedback", inspection=inspection, editable=False) as ch:
        row = ch.session.get(Referral, full_id)
        assert row is not None
        if row.returned_on is not None:
            raise InvalidInput("该移送已于 {day} 退回", day=f"{row.returned_on:%Y-%m-%d}")
        if row.received_on is None:
            raise InvalidInput("请先登记接收单位的签收，再登记反馈")
        check_day(feedback_on, "反馈日期", not_before=row.received_on, before_what="签收日期",
                  today=day)  # fmt: skip
        row.feedback_on, row.feedback = feedback_on, text
        ch.entity(row)
        ch.details.update({"feedback_on": str(feedback_on)})
        ch.session.flush()
        return _view(ch.session, row)


def return_referral(
    ws: Workspace, referral_id: str, *, returned_on: date, reason: str,
    today: date | None = None,
) -> ReferralView:  # fmt: skip
    """The receiving department returns the case (退回: not theirs, or not enough for them):
    the case continues here, and may be referred again."""
    day = today or date.today()
    why = _text(reason, "退回理由", 2000)
    full_id, inspection = _step(ws, referral_id, "referral.return")
    with ws.change(None, "referral.return", inspection=inspection, editable=False) as ch:
        row = ch.session.get(Referral, full_id)
        assert row is not None
        if row.returned_on is not None:
            raise InvalidInput("该移送已于 {day} 退回", day=f"{row.returned_on:%Y-%m-%d}")
        check_day(returned_on, "退回日期", not_before=row.referred_on, before_what="移送日期",
                  today=day)  # fmt: skip
        row.returned_on, row.return_reason = returned_on, why
        _take_back(ch.session, row)
        ch.entity(row)
        ch.details.update({"returned_on": str(returned_on)})
        ch.session.flush()
        return _view(ch.session, row)


def get_referral(ws: Workspace, referral_id: str) -> ReferralView:
    with ws.db.session() as session:
        return _view(session, _referral(session, referral_id))


def referrals_of(
    ws: Workspace, inspection_id: str | None = None, *, case_id: str | None = None
) -> list[ReferralView]:
    with ws.db.session() as session:
        query = select(Referral).order_by(Referral.referred_on, Referral.created_at)
        if inspection_id is not None:
            query = query.where(Referral.inspection_id == resolve_id(session, inspection_id).id)
        if case_id is not None:
            query = query.where(Referral.case_id == case_id)
        return [_view(session, row) for row in session.scalars(query)]


# --- cases sent here ---------------------------------------------------------------------------


@dataclass
class ReceivedView:
    id: str
    department: str
    sender: str
    document_no: str
    received_on: date
    subject: str
    institution_id: str | None
    summary: str
    lead_id: str | None
    case_id: str | None

    @property
    def department_name(self) -> str:
        return SENDERS[self.department]


def _received(row: ReceivedReferral) -> ReceivedView:
    return ReceivedView(
        row.id, row.department, row.sender, row.document_no, row.received_on, row.subject,
        row.institution_id, row.summary, row.lead_id, row.case_id,
    )  # fmt: skip


def receive_referral(
    ws: Workspace,
    *,
    department: str,
    sender: str,
    document_no: str,
    received_on: date,
    subject: str,
    summary: str,
    institution_id: str | None = None,
    today: date | None = None,
) -> ReceivedView:
    """Register a case another department (公安, 纪检监察, ...) handed to the bureau; one
    ``referral.receive`` change. The leads package makes a lead of it (:func:`link_lead`)."""
    day = today or date.today()
    dept = parse_department(department, incoming=True)
    body = _text(sender, "移送单位", 200)
    number = _text(document_no, "来文文号", 100)
    about = _text(subject, "涉及的机构或人员", 200)
    what = _text(summary, "案情摘要", 5000)
    if received_on > day:
        raise InvalidInput("{what}（{day}）不能晚于今天", what=Term("收到日期"),
                           day=f"{received_on:%Y-%m-%d}")  # fmt: skip
    with ws.change(None, "referral.receive") as ch:
        if institution_id is not None and ch.session.get(Institution, institution_id) is None:
            raise InvalidInput("定点机构名册中没有编号为 {id} 的机构", id=institution_id)
        same = ch.session.scalar(
            select(ReceivedReferral.id).where(
                ReceivedReferral.sender == body, ReceivedReferral.document_no == number
            )
        )
        if same is not None:
            raise InvalidInput("{sender} 的来文 {number} 已经登记过", sender=body, number=number)
        row = ch.add(
            ReceivedReferral(
                department=dept,
                sender=body,
                document_no=number,
                received_on=received_on,
                subject=about,
                institution_id=institution_id,
                summary=what,
            )
        )
        ch.entity(row)
        ch.details.update({"department": dept, "document_no": number})
        ch.session.flush()
        return _received(row)


def link_lead(ws: Workspace, received_id: str, *, lead_id: str | None = None,
              case_id: str | None = None) -> ReceivedView:  # fmt: skip
    """Note the lead (or case) a received referral became."""
    with ws.change(None, "referral.link") as ch:
        row = ids.resolve_prefix(ch.session, ReceivedReferral.id, received_id, RECEIVED_REFERRAL)
        if lead_id is not None:
            row.lead_id = lead_id
        if case_id is not None:
            row.case_id = case_id
        ch.entity(row)
        ch.session.flush()
        return _received(row)


def received_referrals(ws: Workspace) -> list[ReceivedView]:
    with ws.db.session() as session:
        return [
            _received(row)
            for row in session.scalars(
                select(ReceivedReferral).order_by(
                    ReceivedReferral.received_on, ReceivedReferral.created_at
                )
            )
        ]
