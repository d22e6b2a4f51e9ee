"""What a record states, gathered once from the database: the facts beyond the inspection
view, the hash of its data (printed on every page, checked by ``record verify``), and the
subject and QR text that carry it. No layout here.

The data hash has a format: the rule that turns the database's rows into the hashed JSON. Every
record states the format it was made with (its ``records`` row and the Subject of its PDF; none
stated means format 1), and :func:`data_hash`, the one function that recomputes a record's data
hash (status, ``record verify``, bundle import), recomputes it by that format's own rule. A
change to what the hash covers is a new format: records made before keep theirs and still
verify."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from inspector.audit import log_state
from inspector.bureaus import bureau_name
from inspector.db.models import Inspection, MemberRole, Result
from inspector.drug_checks import DrugCheckView, drug_checks
from inspector.errors import InspectorError
from inspector.evidence.sealing import SealItemView, list_seal_items, photo_names
from inspector.hashing import sha256_of
from inspector.inspections import (
    InspectionView,
    format_fen,
    get_inspection,
)
from inspector.leads.store import LeadFacts, describe_amount, lead_facts
from inspector.names import RESULT_NAMES
from inspector.record.content import (
    InterviewView,
    PartyDetails,
    SignatureView,
    get_interview,
    get_interviews,
    party_details,
    record_data,
    record_number_of,
    signatures,
)
from inspector.registry import agreement_status
from inspector.workspace import Workspace

# The data hash's format made today, and every format this code can recompute. Format 1: the
# inspection's data (content.record_data) with RecordFacts.hashed(); an interview record's
# interview_data(). Fields added to format 1 after its first records (corrections, drug
# checks, claims, an interview's recorder) enter only when given, so those records keep their
# hash. Format 2: format 1 and the list of the visit's interview records the record prints
# (always there, an empty list too: an interview added after the build makes the record out
# of date); an interview record's data as in format 1.
HASH_FORMAT = 2
HASH_FORMATS = (1, 2)


class UnknownHashFormat(InspectorError):
    """A record states a data hash format this version cannot recompute (a newer version's)."""


def hash_format_of(stated: str | int | None) -> int:
    """The format a record states (in its Subject or its row); none stated is format 1."""
    if stated is None or stated == "":
        return 1
    try:
        number = int(stated)
    except ValueError:
        number = -1
    if number not in HASH_FORMATS:
        raise UnknownHashFormat(
            "记录所载数据摘要的格式为 {format}，本版本的 Inspector 不认识这种格式，无法核对记录"
            "所载数据：请用更新版本的 Inspector 核对",
            format=str(stated),
        )
    return number


# The bureau's name alone, as laptops set it before there were bureaus (inspector.bureaus).
BUREAU_SETTING = "bureau"


# The laws the seeds name for this work: 社会保险法 (seed 000 五(一)) and the 条例 (seed 002).
LEGAL_BASIS = "《中华人民共和国社会保险法》《医疗保障基金使用监督管理条例》"


def agreement_text(view: InspectionView) -> str:
    agreement = view.agreement_no or "未登记"
    if view.agreement_expiry:
        agreement += f"，有效期至 {view.agreement_expiry.isoformat()}"
    check = agreement_status(view, (view.started_at or view.created_at).astimezone().date())
    return f"{agreement}（{check.label}）" if check.flagged else agreement


def signature_entries(signatures: list[SignatureView], interview_id: str | None) -> list[list[Any]]:
    """How the handwritten signatures and refusals of one document (the record: interview
    None) enter its data hash: the one place that hashes them, image by its SHA-256. A
    witness's identity and the party's way of confirming enter only when given, so that a
    record made before they were recorded keeps its hash (format 1)."""
    entries = []
    for sig in signatures:
        if sig.interview_id != interview_id:
            continue
        entry: list[Any] = [
            sig.role,
            sig.signer_name,
            sig.cert_no,
            sig.refused,
            sig.refusal_reason,
            hashlib.sha256(sig.image_png).hexdigest() if sig.image_png else None,
        ]
        if sig.id_no or sig.relation or sig.confirmation:
            entry.append([sig.id_no, sig.relation, sig.confirmation])
        entries.append(entry)
    return entries


@dataclass(frozen=True)
class ClaimsSampleFacts:
    """A claims sample of the visit as the record states it (seeds 003, 004): the file it was
    drawn from, the rule and seed that anyone can run again, and what the team found."""

    source_name: str
    source_sha256: str
    source_rows: int
    rules: str  # the rule in words, with its seed (Rules.describe)
    counts: dict[str, int]  # rule name -> bills listed
    verified: int
    problems: list[tuple[str, str, str, int, str]]  # bill no, patient, date, total fen, note
    pending: int

    def hashed(self) -> list[Any]:
        return [
            self.source_name, self.source_sha256, self.source_rows, self.rules,
            sorted(self.counts.items()), self.verified, self.problems, self.pending,
        ]  # fmt: skip


def claims_samples(ws: Workspace, inspection_id: str) -> list[ClaimsSampleFacts]:
    from inspector.claims.sampling import RULE_NAMES, samples_of

    found = []
    for sample in samples_of(ws, inspection_id):
        counts: dict[str, int] = {}
        for bill in sample.bills:
            name = RULE_NAMES.get(bill.rule, bill.rule)
            counts[name] = counts.get(name, 0) + 1
        problems = [
            (b.bill_no, b.patient_name, b.bill_date.isoformat(), b.total_fen, b.note)
            for b in sample.bills
            if b.verdict == "problem"
        ]
        found.append(
            ClaimsSampleFacts(
                source_name=sample.source_name,
                source_sha256=sample.source_sha256,
                source_rows=sample.source_rows,
                rules=str(sample.rules.get("description", "")),
                counts=counts,
                verified=sum(1 for b in sample.bills if b.verdict == "ok"),
                problems=problems,
                pending=sum(1 for b in sample.bills if b.verdict == "pending"),
            )
        )
    return found


@dataclass
class RecordFacts:
    """Everything a record states beyond the inspection view, gathered once; its SHA-256 (with
    the view's) is the record's data hash, recomputed by ``record verify``."""

    bureau: str
    record_no: str
    covert: bool
    amends: str | None
    statement: str
    representative: str | None
    representative_title: str | None
    signatures: list[SignatureView]
    seals: list[SealItemView]
    seal_photos: dict[str, str]
    party: PartyDetails = field(default_factory=PartyDetails)
    # An amendment: when it was made, and what it corrects (what, before, after).
    amended_at: datetime | None = None
    corrections: list[tuple[str, str, str]] = field(default_factory=list)
    # Entries of the reference lists checked one by one (附件1), with their lists' titles.
    drug_checks: list[DrugCheckView] = field(default_factory=list)
    reference_titles: dict[str, str] = field(default_factory=dict)
    claims: list[ClaimsSampleFacts] = field(default_factory=list)
    # The leads (疑点/线索) verified on the visit, with their verdicts (inspector/leads).
    leads: list[LeadFacts] = field(default_factory=list)
    # The 执法主体 as the inspection names it (inspector.bureaus.Bureau.snapshot), if it does.
    bureau_info: dict[str, Any] | None = None
    data_sha256: str = ""
    # The action log at the build, stated on the record but outside its data hash: the log
    # grows with every build, the data do not.
    audit_head: str = ""
    audit_events: int = 0
    # The visit's interview records, listed on the record by number (number, interviewee,
    # start), and their ids: in the data hash from format 2 (_record_data_2); a format 1
    # record, made before, keeps its hash without them.
    interviews: list[tuple[str, str, datetime | None]] = field(default_factory=list)
    interview_ids: list[str] = field(default_factory=list)

    def hashed(self) -> dict[str, Any]:
        return {
            "record_no": self.record_no,
            "statement": [self.statement, self.representative, self.representative_title],
            "seals": [
                [i.position, i.description, i.quantity, i.unit, i.note, i.evidence_ids]
                for i in self.seals
            ],
            "signatures": signature_entries(self.signatures, None),
            **self.party.hashed(),
            **({"corrections": self.corrections} if self.corrections else {}),
            **(
                {
                    "drug_checks": [
                        [d.list_code, d.entry_no, d.name, d.count, d.unit, d.note]
                        for d in self.drug_checks
                    ]
                }
                if self.drug_checks
                else {}
            ),
            # Only when there are samples, so a record made before keeps its hash.
            **({"claims": [c.hashed() for c in self.claims]} if self.claims else {}),
            # Only when leads were attached (the same reason): formats 1 and 2 unchanged.
            **({"leads": [lead.hashed() for lead in self.leads]} if self.leads else {}),
            # Only when the inspection names its bureau (the same reason).
            **(
                {
                    "bureau": [
                        self.bureau_info.get("name"),
                        self.bureau_info.get("credit_code"),
                        self.bureau_info.get("address"),
                    ]
                }
                if self.bureau_info
                else {}
            ),
        }


def gather_facts(
    ws: Workspace, view: InspectionView, hash_format: int = HASH_FORMAT
) -> RecordFacts:
    """The record's facts, with its data hash in ``hash_format``."""
    hash_format = hash_format_of(hash_format)
    with ws.db.session() as session:
        inspection = session.get(Inspection, view.id)
        assert inspection is not None
        statement = inspection.party_statement
        representative, title = inspection.party_representative, inspection.party_title
        record_no = record_number_of(inspection)
        bureau, bureau_info = bureau_name(ws, inspection), inspection.bureau
        party = party_details(session, inspection, ws)
        amends = None
        amended_at = None
        original_party = None
        if inspection.amends_id:
            original = session.get(Inspection, inspection.amends_id)
            amends = (original.record_no if original else None) or inspection.amends_id
            amended_at = inspection.created_at
            if original is not None:
                original_party = (
                    original.party_statement,
                    original.party_representative,
                    original.party_title,
                    party_details(session, original, ws),
                )
    corrections: list[tuple[str, str, str]] = []
    if view.amends_id and original_party is not None:
        corrections = correction_list(
            ws,
            get_inspection(ws, view.amends_id),
            view,
            original_party,
            (statement, representative, title, party),
        )
    mode = ws.library.modes.get(view.mode)
    seals = list_seal_items(ws, view.id)
    facts = RecordFacts(
        bureau=bureau,
        bureau_info=bureau_info,
        record_no=record_no,
        covert=bool(mode and mode.covert),
        amends=amends,
        statement=statement,
        representative=representative,
        representative_title=title,
        signatures=signatures(ws, view.id),
        seals=seals,
        seal_photos=photo_names(ws, [e for item in seals for e in item.evidence_ids]),
        party=party,
        amended_at=amended_at,
        corrections=corrections,
        drug_checks=drug_checks(ws, view.id),
        reference_titles={
            code: found["title"] for code, found in view.checklist.references.items()
        },
        claims=claims_samples(ws, view.id),
        leads=lead_facts(ws, view.id),
    )
    listed = list(enumerate(get_interviews(ws, view.id), start=1))
    facts.interviews = [
        (
            interview_record_no(record_no, number),
            interview.interviewee_name
            + (f"（{interview.interviewee_role}）" if interview.interviewee_role else ""),
            interview.started_at,
        )
        for number, interview in listed
    ]
    facts.interview_ids = [interview.id for _number, interview in listed]
    facts.data_sha256 = sha256_of(_RECORD_DATA[hash_format](view, facts))
    facts.audit_head, facts.audit_events = log_state(ws)
    return facts


def _answer_text(view: InspectionView, code: str) -> str:
    answer = view.answers.get(code)
    if answer is None:
        return RESULT_NAMES[Result.UNCHECKED]
    parts = [RESULT_NAMES[answer.result]]
    if answer.note:
        parts.append(answer.note)
    if answer.result is Result.PROBLEM and answer.amount_fen:
        parts.append(f"{format_fen(answer.amount_fen)} 元")
    if answer.result is Result.PROBLEM and answer.violation_code:
        parts.append(answer.violation_code)
    return "；".join(parts)


def correction_list(
    ws: Workspace,
    original: InspectionView,
    amended: InspectionView,
    original_party: tuple[str, str | None, str | None, PartyDetails],
    amended_party: tuple[str, str | None, str | None, PartyDetails],
) -> list[tuple[str, str, str]]:
    """What an amendment corrects, item by item: (what, as the original stated, as corrected).
    Checklist items in the checklist's order, then the party's statement and particulars,
    then evidence added or left out."""
    changes: list[tuple[str, str, str]] = []
    for item in amended.checklist.items:
        before, after = _answer_text(original, item.code), _answer_text(amended, item.code)
        if before != after:
            changes.append((f"{item.code} {item.title}", before, after))
    labels = ("被检查单位意见", "提出意见人", "提出意见人职务")
    for label, before, after in zip(labels, original_party[:3], amended_party[:3], strict=True):
        if (before or "") != (after or ""):
            changes.append((label, before or "—", after or "—"))
    fields = (
        ("法定代表人/负责人", "legal_rep"),
        ("地址", "address"),
        ("联系电话", "phone"),
        ("统一社会信用代码", "credit_code"),
        ("记录人", "recorder_name"),
    )
    for label, name in fields:
        before = getattr(original_party[3], name) or ""
        after = getattr(amended_party[3], name) or ""
        if before != after:
            changes.append((label, before or "—", after or "—"))
    before_drugs = {(d.list_code, d.entry_no): d for d in drug_checks(ws, original.id)}
    after_drugs = {(d.list_code, d.entry_no): d for d in drug_checks(ws, amended.id)}
    for key in sorted(before_drugs.keys() | after_drugs.keys()):
        old, new = before_drugs.get(key), after_drugs.get(key)
        texts = [
            "；".join(p for p in (f"{d.count or ''}{d.unit}", d.note) if p) or "—"
            if d is not None
            else "—"
            for d in (old, new)
        ]
        if texts[0] != texts[1]:
            name = (old or new).name  # type: ignore[union-attr]
            changes.append((f"{key[0]} {key[1]} {name}", texts[0], texts[1]))
    before_leads = {lead.number: lead for lead in lead_facts(ws, original.id)}
    after_leads = {lead.number: lead for lead in lead_facts(ws, amended.id)}
    for number in sorted(before_leads.keys() | after_leads.keys()):
        texts = [
            "；".join(
                p for p in (lead.verdict_name, lead.note, describe_amount(lead.amount_fen)) if p
            )
            if lead is not None
            else "—"
            for lead in (before_leads.get(number), after_leads.get(number))
        ]
        if texts[0] != texts[1]:
            changes.append((f"线索 {number}", texts[0], texts[1]))
    kept = {e.sha256 for e in original.evidence}
    now = {e.sha256 for e in amended.evidence}
    for evidence in amended.evidence:
        if evidence.sha256 not in kept:
            changes.append(("证据材料", "—", f"新增 {evidence.original_name}"))
    for evidence in original.evidence:
        if evidence.sha256 not in now:
            changes.append(("证据材料", evidence.original_name, "不再列入"))
    return changes


def interview_data(interview: InterviewView, facts: RecordFacts) -> dict[str, Any]:
    return {
        "interview": interview.id,
        "interviewee": [
            interview.interviewee_name,
            interview.interviewee_role,
            interview.interviewee_id_no,
        ],
        "questions": interview.questions,
        "signatures": signature_entries(facts.signatures, interview.id),
        # Only when given: an interview record built before there was a 记录人 keeps its hash.
        **({"recorder": interview.recorder_cert_no} if interview.recorder_cert_no else {}),
        # The interview as a document (0017_interview_document), likewise only when given.
        **_document_data(interview),
    }


def _document_data(interview: InterviewView) -> dict[str, Any]:
    content = interview.content()
    data: dict[str, Any] = {}
    for key, given in (
        ("interviewers", interview.interviewers),
        ("relation", interview.relation),
        ("credentials", interview.credentials_shown),
        ("rights", interview.rights_told),
        ("confirmation", interview.confirmation_text or interview.confirmation_png),
    ):
        if given:
            data[key] = content["interviewee"][3] if key == "relation" else content[key]
    return data


def interview_data_sha256(
    ws: Workspace, interview_id: str, hash_format: int = HASH_FORMAT
) -> tuple[str, RecordFacts]:
    hash_format = hash_format_of(hash_format)
    from inspector.record.interview import valid_signatures

    interview = get_interview(ws, interview_id)
    facts = gather_facts(ws, get_inspection(ws, interview.inspection_id), hash_format)
    # A signature given on other content than the interview's now is void: not hashed, not
    # printed (the main record's facts hash only its own signatures, unaffected).
    facts.signatures = valid_signatures(facts.signatures, interview)
    return sha256_of(_INTERVIEW_DATA[hash_format](interview, facts)), facts


def _record_data_1(view: InspectionView, facts: RecordFacts) -> dict[str, Any]:
    return record_data(view, facts.hashed())


def _record_data_2(view: InspectionView, facts: RecordFacts) -> dict[str, Any]:
    """Format 1's data and the interview records the record lists (number, interview,
    interviewee, start): what the record says of them is what its hash covers."""
    listed = [
        [number, interview, who, at.isoformat() if at else None]
        for (number, who, at), interview in zip(facts.interviews, facts.interview_ids, strict=True)
    ]
    return record_data(view, {**facts.hashed(), "interviews": listed})


# Each format's rule, by number: a new format adds its functions here and to HASH_FORMATS.
_RECORD_DATA = {1: _record_data_1, 2: _record_data_2}
_INTERVIEW_DATA = {1: interview_data, 2: interview_data}


def data_hash(
    ws: Workspace,
    inspection: str | InspectionView,
    interview_id: str | None = None,
    hash_format: str | int | None = HASH_FORMAT,
) -> str:
    """The data hash of an inspection's record (or, with ``interview_id``, of that interview's
    record) as the database says it now, by the rule of ``hash_format``, the format the
    record states (None: format 1). ``inspection`` is its id, or its view when the caller has
    it. The one place a record's data hash is recomputed; :class:`UnknownHashFormat` for a
    format this version does not know."""
    version = hash_format_of(hash_format)
    if interview_id is not None:
        return interview_data_sha256(ws, interview_id, version)[0]
    view = inspection if isinstance(inspection, InspectionView) else get_inspection(ws, inspection)
    return gather_facts(ws, view, version).data_sha256


def interview_record_no(record_no: str, number: int) -> str:
    """An interview record's number: the visit's record number and its place among the
    visit's interviews (W01, W02 …)."""
    return f"{record_no}-W{number:02d}"


def content_hash(
    ws: Workspace,
    inspection: str | InspectionView,
    interview_id: str | None = None,
    hash_format: str | int | None = HASH_FORMAT,
) -> str:
    """What a hand signature is given on: the document's data as :func:`data_hash` covers it,
    without the hand signatures themselves (each one would otherwise void the others). A
    change to anything else the document states (answers, amounts, the statement, the team,
    evidence, the party...) changes it and voids the signatures given before."""
    return content_hashes(ws, inspection, interview_id, hash_format)[0]


def content_hashes(
    ws: Workspace,
    inspection: str | InspectionView,
    interview_id: str | None = None,
    hash_format: str | int | None = HASH_FORMAT,
) -> tuple[str, ...]:
    """:func:`content_hash` first, then the same with the visit's end, and its start too, left
    unset: a signature given before ``inspection finish`` stamped them (the usual order on
    site: sign, then finish) was given on one of those, and finishing alone does not void it.
    Any other change does."""
    data = _content_data(ws, inspection, interview_id, hash_format)
    exact = sha256_of(data)
    if "ended_at" not in data:
        return (exact,)
    return (
        exact,
        sha256_of({**data, "ended_at": None}),
        sha256_of({**data, "started_at": None, "ended_at": None}),
    )


def _content_data(
    ws: Workspace,
    inspection: str | InspectionView,
    interview_id: str | None,
    hash_format: str | int | None,
) -> dict[str, Any]:
    version = hash_format_of(hash_format)
    if interview_id is not None:
        interview = get_interview(ws, interview_id)
        facts = gather_facts(ws, get_inspection(ws, interview.inspection_id), version)
        data = _INTERVIEW_DATA[version](interview, facts)
    else:
        view = (
            inspection if isinstance(inspection, InspectionView) else get_inspection(ws, inspection)
        )
        data = _RECORD_DATA[version](view, gather_facts(ws, view, version))
        # The record's number is given from the bureau's template at the first build, after
        # the hand signatures: an identifier of the document, not what a signer attests to.
        data.pop("record_no", None)
    data.pop("signatures", None)
    return data


def interview_number(ws: Workspace, interview: InterviewView) -> int:
    ids = [item.id for item in get_interviews(ws, interview.inspection_id)]
    return ids.index(interview.id) + 1


def subject(
    record_no: str,
    inspection_id: str,
    data_sha256: str,
    team: Sequence[Any] = (),
    hash_format: int = HASH_FORMAT,
    interview: str | None = None,
) -> str:
    """The PDF's Subject: what ``record verify`` reads to find the record and its data, who
    must sign it (the signature block: 执法证号 of the team, the leader's last), and the format
    of the data hash (last, so that a reader that knows only the fields before still reads
    them; a record without it is format 1)."""
    text = f"INSPECTOR-RECORD;no={record_no};inspection={inspection_id};data={data_sha256}"
    if team:
        ordered = sorted(team, key=lambda member: member[2] is MemberRole.LEADER)
        text += ";signers=" + ",".join(str(member[1]) for member in ordered)
        text += ";leader=" + ",".join(str(m[1]) for m in team if m[2] is MemberRole.LEADER)
    if interview:  # an interview record names its interview: verify recomputes its data
        text += f";interview={interview}"
    return text + f";hashformat={hash_format}"


def qr_payload(record_no: str, data_sha256: str) -> str:
    """What the QR code on every page says: the record number and its data hash. Upper case
    and slashes only, so that the code uses QR's alphanumeric mode: 37 modules instead of 53,
    large enough at 18 mm to scan from paper."""
    return f"INSPECTOR-RECORD/{record_no.upper()}/{data_sha256.upper()}"
