"""Where a record stands: the latest one made for an inspection, whether the data it states is
still the data in the database, and who has signed it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from inspector.db.models import Inspector, Record, RecordSignature
from inspector.inspections import get_inspection, resolve_id
from inspector.workspace import Workspace


@dataclass
class DigitalSignatureView:
    inspector_name: str
    cert_no: str
    signed_at: datetime
    certificate_sha256: str
    pdf_sha256: str


@dataclass
class RecordView:
    id: str
    inspection_id: str
    file: str  # its name in the record store (read it with record_bytes)
    sha256: str
    record_no: str | None
    data_sha256: str | None
    created_at: datetime
    signature_boxes: dict[str, list[float]]
    current: bool  # the data it states is still the data in the database
    signatures: list[DigitalSignatureView] = field(default_factory=list)

    @property
    def signed_by(self) -> set[str]:
        return {sig.cert_no for sig in self.signatures}


def latest_record(
    ws: Workspace, inspection_id: str, interview_id: str | None = None
) -> RecordView | None:
    """The newest inspection record, or with ``interview_id`` that interview's record."""
    from inspector.record.facts import UnknownHashFormat, data_hash

    view = get_inspection(ws, inspection_id)
    with ws.db.session() as session:
        inspection = resolve_id(session, inspection_id)
        query = select(Record).where(Record.inspection_id == inspection.id)
        if interview_id is None:
            query = query.where(Record.kind == "inspection_record")
        else:
            query = query.where(Record.interview_id == interview_id)
        record = session.scalars(query.order_by(Record.created_at.desc()).limit(1)).first()
        if record is None:
            return None
        rows = session.execute(
            select(RecordSignature, Inspector)
            .join(Inspector, Inspector.id == RecordSignature.inspector_id)
            .where(RecordSignature.record_id == record.id)
            .order_by(RecordSignature.signed_at)
        ).all()
        result = RecordView(
            id=record.id,
            inspection_id=inspection.id,
            file=record.path,
            sha256=record.sha256,
            record_no=record.record_no,
            data_sha256=record.data_sha256,
            created_at=record.created_at,
            signature_boxes=dict(record.signature_boxes or {}),
            current=False,
            signatures=[
                DigitalSignatureView(
                    inspector_name=person.name,
                    cert_no=person.cert_no,
                    signed_at=sig.signed_at,
                    certificate_sha256=sig.certificate_sha256,
                    pdf_sha256=sig.pdf_sha256,
                )
                for sig, person in rows
            ],
        )
    try:
        current = data_hash(ws, view, interview_id, record.hash_format)
    except UnknownHashFormat:
        return result  # a newer version's record: this one cannot say it is current
    result.current = record.data_sha256 == current
    return result


def record_bytes(ws: Workspace, record: RecordView) -> bytes:
    """The record's PDF as kept (through the record store)."""
    return ws.records.read_bytes(record.file)


def save_record_copy(ws: Workspace, record: RecordView, target: Path) -> Path:
    """A copy of the record where the user asks, checked against the hash kept for it."""
    return ws.records.save_copy(record.file, target, record.sha256)
