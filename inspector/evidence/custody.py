"""The chain of custody: every evidence event of an inspection (added, linked, captioned,
annotated, removed, exported, sealed, seal removed) appended to a hash-chained log.

Each entry's body is canonical JSON (keys sorted, no spaces, UTF-8, no NaN) holding the hash of
the entry before it; the entry's hash is the SHA-256 of that body. An entry is written in the
same transaction as the change it records, so the log and the rows cannot disagree after a
crash. Changing, removing or reordering any entry breaks the chain from there on, which
``verify-evidence`` reports by sequence number.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from inspector.db.models import CustodyEvent, Inspector, new_id, utcnow
from inspector.hashing import canonical_json

GENESIS = "0" * 64

EVENT_NAMES = {
    "added": "添加",
    "linked": "关联条目",
    "captioned": "说明",
    "annotated": "标注",
    "removed": "移除",
    "exported": "导出",
    "sealed": "封存",
    "seal_removed": "移出封存清单",
}


def entry_hash(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def lock_chain(session: Session, inspection_id: str) -> None:
    """Take SQLite's write lock before reading the chain's last entry, so that two writers
    (two windows, the app and the command line) append one after the other, never both after
    the same entry. A write statement as the transaction's first takes the lock even when it
    matches no row; this one matches none, so it touches no row that a signed inspection's
    lock triggers guard (exporting a signed inspection's evidence is still logged)."""
    session.execute(
        text("UPDATE custody_events SET id = id WHERE inspection_id = :id AND 0"),
        {"id": inspection_id},
    )


def actor_of(inspector: Inspector | None) -> dict[str, str] | None:
    if inspector is None:
        return None
    return {"name": inspector.name, "cert_no": inspector.cert_no}


def append(
    session: Session,
    inspection_id: str,
    event: str,
    *,
    device_id: str,
    evidence_id: str | None = None,
    actor: dict[str, str] | None = None,
    data: dict[str, Any] | None = None,
    after: CustodyEvent | None = None,
) -> CustodyEvent:
    """Add the next entry of an inspection's chain (call :func:`lock_chain` first). ``after``:
    the entry just appended in this transaction, to spare reading it back."""
    if event not in EVENT_NAMES:
        raise ValueError(f"unknown custody event {event!r}")
    last = after
    if last is None:
        # One chain per inspection and device: two laptops adding to one inspection each
        # extend their own chain, and both stay verifiable after a merge.
        last = session.scalars(
            select(CustodyEvent)
            .where(
                CustodyEvent.inspection_id == inspection_id,
                CustodyEvent.device_id == device_id,
            )
            .order_by(CustodyEvent.seq.desc())
            .limit(1)
        ).first()
    seq = 1 if last is None else last.seq + 1
    prev = GENESIS if last is None else last.hash
    moment = utcnow()
    body = canonical_json(
        {
            "inspection_id": inspection_id,
            "seq": seq,
            "prev": prev,
            "event": event,
            "at": iso(moment),  # the laptop's clock, UTC
            "device_id": device_id,
            "evidence_id": evidence_id,
            "actor": actor,
            "data": data or {},
        }
    )
    row = CustodyEvent(
        id=new_id(),
        inspection_id=inspection_id,
        seq=seq,
        event=event,
        evidence_id=evidence_id,
        body=body,
        prev_hash=prev,
        hash=entry_hash(body),
        device_id=device_id,
        created_at=moment,
        updated_at=moment,
    )
    session.add(row)
    return row


@dataclass
class CustodyEntry:
    seq: int
    event: str
    event_name: str
    evidence_id: str | None
    at: str | None
    actor: dict[str, str] | None
    data: dict[str, Any]
    prev_hash: str
    hash: str


def read_chain(session: Session, inspection_id: str) -> list[CustodyEntry]:
    entries: list[CustodyEntry] = []
    for row in session.scalars(
        select(CustodyEvent)
        .where(CustodyEvent.inspection_id == inspection_id)
        .order_by(CustodyEvent.seq)
    ):
        try:
            body = json.loads(row.body)
        except ValueError:
            body = {}
        entries.append(
            CustodyEntry(
                seq=row.seq,
                event=row.event,
                event_name=EVENT_NAMES.get(row.event, row.event),
                evidence_id=row.evidence_id,
                at=body.get("at"),
                actor=body.get("actor"),
                data=body.get("data") or {},
                prev_hash=row.prev_hash,
                hash=row.hash,
            )
        )
    return entries
