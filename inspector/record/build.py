"""Building a record: lay out its story in a scratch folder, keep the PDF under the data
directory with its hashes, and enter the build in the action log as one change."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.platypus import (
    Flowable,
)
from sqlalchemy import select

from inspector.change import Change
from inspector.db.models import InspectionStatus, Record
from inspector.errors import InvalidInput
from inspector.evidence.store import disk_error
from inspector.files import write_atomically
from inspector.inspections import (
    get_inspection,
)
from inspector.progress import NullReporter, Reporter
from inspector.record.binding import binding_for, stale_signatures, void_stale
from inspector.record.content import (
    SignatureView,
    get_interview,
)
from inspector.record.facts import (
    HASH_FORMAT,
    gather_facts,
    interview_data_sha256,
    interview_number,
    interview_record_no,
    qr_payload,
    subject,
)
from inspector.record.layout import (
    INTERVIEW_INITIALS,
    RECORD_INITIALS,
    document,
    interview_page_marks,
    interview_story,
    numbered_canvas,
    record_story,
    register_font,
)
from inspector.workspace import Workspace


def _layout(
    title: str,
    subject_text: str,
    footer: str,
    qr: str,
    story: Callable[[], list[Flowable]],
    initials: str | None,
    on_page: Callable[[Any, Any], None] | None = None,
) -> memoryview:
    """The document's PDF bytes, laid out in memory."""
    register_font()
    # ASCII85 would wrap every image in text 25 % larger than its bytes.
    rl_config.useA85 = 0
    buffer = io.BytesIO()
    doc = document(buffer, title)
    doc.subject = subject_text
    pages: dict[str, Any] = {"onFirstPage": on_page, "onLaterPages": on_page} if on_page else {}
    doc.build(story(), canvasmaker=numbered_canvas(footer, qr, initials), **pages)
    return buffer.getbuffer()


def _render(
    ws: Workspace,
    inspection_id: str,
    stem: str,
    out: Path | None,
    *,
    title: str,
    subject_text: str,
    footer: str,
    qr: str,
    story: Callable[[], list[Flowable]],
    initials: str | None = None,
    on_page: Callable[[Any, Any], None] | None = None,
) -> tuple[Path, str, str, int]:
    """Lay out a document in memory (no plaintext draft on disk: the data directory may be
    encrypted), keep it through the record store (fsynced) and copy it to ``out``. Returns
    the path written for the user (``out``, else where the store keeps it), the record's name
    in the store, the SHA-256 of the PDF and its size."""
    data = _layout(title, subject_text, footer, qr, story, initials, on_page)
    stamp = datetime.now().astimezone().strftime("%Y%m%d-%H%M%S")
    name = ws.records.name_for(inspection_id, f"{stem}-{stamp}.pdf")
    sha256 = hashlib.sha256(data).hexdigest()
    kept = ws.records.write(name, data)
    if out is not None:
        try:
            write_atomically(out, data)
        except OSError as error:
            raise disk_error(error) from error
    return (out or kept), name, sha256, len(data)


def build_interview_record(
    ws: Workspace, interview_id: str, out: Path | None = None
) -> tuple[Path, str]:
    """The interview record (询问笔录) as a PDF, kept like the inspection record."""
    interview = get_interview(ws, interview_id)
    # The record's number first: the interview's build would fix it otherwise (_keep), to the
    # clock's number rather than the bureau's.
    number_record(ws, interview.inspection_id)
    view = get_inspection(ws, interview.inspection_id)
    # Signatures given on other data are void and never printed (inspector.record.binding).
    void_stale(ws, view.id, interview.id)
    data_sha256, facts = interview_data_sha256(ws, interview_id)
    record_no = _interview_number(ws, view.id, interview.id) or interview_record_no(
        facts.record_no, interview_number(ws, interview)
    )
    boxes: dict[str, Any] = {}
    written, name, sha256, size = _render(
        ws,
        view.id,
        f"interview-{interview.id[:8]}",
        out,
        title=f"询问笔录 {record_no} {interview.interviewee_name}",
        # Its signers are the interview's 询问人 and 记录人, not the whole team.
        subject_text=subject(
            record_no,
            view.id,
            data_sha256,
            [m for m in view.team if m[1] in interview.signers] or view.team,
            HASH_FORMAT,
            interview=interview.id,
        ),
        footer=f"{view.institution_name} · 询问笔录 {record_no}",
        qr=qr_payload(record_no, data_sha256),
        story=lambda: interview_story(view, interview, facts, record_no, boxes),
        initials=INTERVIEW_INITIALS,
        on_page=interview_page_marks(_page_marks(interview.id, facts.signatures)),
    )
    _keep(
        ws,
        "interview.build",
        view.id,
        facts.record_no,
        Record(
            inspection_id=view.id,
            interview_id=interview.id,
            kind="interview_record",
            path=name,
            sha256=sha256,
            size=size,
            record_no=record_no,
            data_sha256=data_sha256,
            hash_format=HASH_FORMAT,
            signature_boxes=boxes,
        ),
    )
    return written, sha256


def _page_marks(interview_id: str, signatures: list[SignatureView]) -> list[tuple[str, bytes]]:
    """The handwritten signatures every page of an interview record carries: the
    interviewee's, then the inspectors' (only those that stand: facts holds no void one)."""
    mine = [s for s in signatures if s.interview_id == interview_id and s.image_png]
    return [
        ("被询问人" if s.role == "interviewee" else s.signer_name, s.image_png or b"")
        for s in sorted(mine, key=lambda s: s.role != "interviewee")
        if s.role in ("interviewee", "inspector")
    ]


def _interview_number(ws: Workspace, inspection_id: str, interview_id: str) -> str | None:
    """The interview record's number from its bureau's template (given once, kept on every
    rebuild), or None when the bureau has none."""
    from inspector.db.models import DocumentNumber, Inspection

    with ws.db.session() as session:
        given = session.scalar(
            select(DocumentNumber.number).where(
                DocumentNumber.kind == "interview", DocumentNumber.subject_id == interview_id
            )
        )
        row = session.get(Inspection, inspection_id)
        assert row is not None
        if given is not None or not (row.bureau or {}).get("templates", {}).get("interview"):
            return given
    with ws.change(None, "interview.number", inspection=inspection_id, editable=False) as ch:
        number = _allocate(ws, ch, "interview", interview_id)
        ch.entity(kind="interview", id=interview_id)
        ch.state = {"number": number}
        return number


def _allocate(ws: Workspace, ch: Change, kind: str, subject_id: str) -> str:
    """The next number of ``kind`` from the inspection's bureau, for the year the visit
    began, logged with the change that gives it."""
    from inspector.bureaus import allocate_number

    inspection = ch.inspection
    assert inspection is not None
    day = (inspection.started_at or inspection.created_at).astimezone()
    number = allocate_number(
        ch.session, inspection.bureau, kind, day.year, subject_id, device=ws.db.device_id
    )
    assert number is not None
    ch.details.update({"number": number, "bureau": inspection.bureau["name"]})
    return number


def _keep(ws: Workspace, action: str, inspection_id: str, record_no: str, row: Record) -> None:
    """One action for a build: the inspection keeps the record's number (the first build
    fixes it), and the record made is entered with its hashes."""
    with ws.change(None, action, inspection=inspection_id, editable=False) as ch:
        inspection = ch.inspection
        assert inspection is not None
        if inspection.record_no is None:
            inspection.record_no = record_no
        ch.entity(ch.add(row))
        ch.details["sha256"] = row.sha256


def number_record(ws: Workspace, inspection_id: str) -> None:
    """Give the record its number from its bureau's template, once, before its first build
    (its data hash covers the number). Nothing when it has one or the bureau has no template:
    the number is then made by record_number_of."""
    from inspector.db.models import Inspection

    with ws.db.session() as session:
        row = session.get(Inspection, inspection_id)
        assert row is not None
        if row.record_no is not None or not (row.bureau or {}).get("templates", {}).get("record"):
            return
    with ws.change(None, "record.number", inspection=inspection_id, editable=False) as ch:
        inspection = ch.inspection
        assert inspection is not None
        inspection.record_no = _allocate(ws, ch, "record", inspection.id)
        ch.entity(inspection)


def build_record(
    ws: Workspace,
    inspection_id: str,
    out: Path | None = None,
    reporter: Reporter | None = None,
) -> tuple[Path, str]:
    """Make the record PDF, keep it under the data directory with its hash, the hash of its
    data and where the digital signatures go, and copy it to ``out`` if given. Returns the path
    written for the user and the SHA-256 of the PDF."""
    reporter = reporter or NullReporter()
    view = get_inspection(ws, inspection_id)
    if view.status is InspectionStatus.SIGNED:
        raise InvalidInput("该检查的记录已签名锁定，不能重新生成；已签名的记录见 inspection show。")
    # Signatures given on other data are void and never printed (inspector.record.binding).
    void_stale(ws, view.id)
    number_record(ws, view.id)
    facts = gather_facts(ws, view)
    boxes: dict[str, Any] = {}
    written, name, sha256, size = _render(
        ws,
        view.id,
        "record",
        out,
        title=f"现场检查记录 {facts.record_no} {view.institution_name}",
        subject_text=subject(facts.record_no, view.id, facts.data_sha256, view.team, HASH_FORMAT),
        footer=f"{view.institution_name} · 现场检查记录 {facts.record_no}",
        qr=qr_payload(facts.record_no, facts.data_sha256),
        story=lambda: record_story(ws, view, facts, boxes, reporter),
        initials=RECORD_INITIALS,
    )
    _keep(
        ws,
        "record.build",
        view.id,
        facts.record_no,
        Record(
            inspection_id=view.id,
            kind="inspection_record",
            path=name,
            sha256=sha256,
            size=size,
            record_no=facts.record_no,
            data_sha256=facts.data_sha256,
            hash_format=HASH_FORMAT,
            signature_boxes=boxes,
        ),
    )
    return written, sha256


def preview_record(ws: Workspace, inspection_id: str) -> tuple[bytes, str]:
    """The record as it stands, for the party to read before signing: laid out in memory,
    nothing kept or logged, without the signatures that a change of the data has voided.
    Returns the PDF and the data a signature given on it is bound to (content_hash): the
    party's signature names it (``seen``) and is refused if the data changed meanwhile."""
    view = get_inspection(ws, inspection_id)
    binding = binding_for(ws, view.id)
    facts = gather_facts(ws, view)
    stale = {item.signature.id for item in stale_signatures(ws, view)}
    facts.signatures = [sig for sig in facts.signatures if sig.id not in stale]
    data = _layout(
        f"现场检查记录 {facts.record_no} {view.institution_name}",
        subject(facts.record_no, view.id, facts.data_sha256, view.team, HASH_FORMAT),
        f"{view.institution_name} · 现场检查记录 {facts.record_no}（签名前阅看）",
        qr_payload(facts.record_no, facts.data_sha256),
        lambda: record_story(ws, view, facts, {}, NullReporter()),
        RECORD_INITIALS,
    )
    return bytes(data), binding.data_sha256
