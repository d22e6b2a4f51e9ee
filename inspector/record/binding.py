"""Hand signatures bound to what was signed.

Every hand signature (an inspector's, the party's or interviewee's, a witness's, and the
refusal itself) keeps the hash of the document's data it was given on
(:func:`inspector.record.facts.content_hash`: the data hash without the hand signatures). A
change to that data afterwards voids it: the party that signed "无异议" under one finding of
¥1,000 has not signed two findings of ¥150,000. A void signature is kept (with when and why, in
the action log) but never printed and never counted: whoever gave it must sign again, and the
record cannot be signed digitally (nor the inspection locked) until they have. The law asks for
a record of the check (行政处罚法 第五十五条: 询问或者检查应当制作笔录) that the party has checked
and signed, or whose refusal is noted before a witness (医疗保障行政处罚程序暂行规定, on the
现场检查笔录); a signature under other content than the record states is neither."""

from __future__ import annotations

from dataclasses import dataclass

from inspector.db.models import HandwrittenSignature, InspectionStatus, utcnow
from inspector.inspections import InspectionView, get_inspection
from inspector.record.content import SignatureView, signatures
from inspector.record.facts import HASH_FORMAT, UnknownHashFormat, content_hash, content_hashes
from inspector.workspace import Workspace

CHANGED = "签名后记录内容有变更"
UNBOUND = "签名时未记录所签内容（旧版本所签）"


@dataclass(frozen=True)
class Binding:
    """What a new hand signature is given on: the data hash without hand signatures."""

    data_sha256: str
    hash_format: int = HASH_FORMAT


def binding_for(ws: Workspace, inspection_id: str, interview_id: str | None = None) -> Binding:
    """The current data of the record (or interview record) a new signature binds to."""
    return Binding(content_hash(ws, inspection_id, interview_id, HASH_FORMAT), HASH_FORMAT)


@dataclass(frozen=True)
class StaleSignature:
    signature: SignatureView
    reason: str

    @property
    def words(self) -> str:
        sig = self.signature
        who = f"{sig.who}（拒签）" if sig.refused else sig.who
        return f"{who} 的签名已失效（{self.reason}），须重新签名"


def stale_signatures(
    ws: Workspace, inspection: str | InspectionView, interview_id: str | None = None
) -> list[StaleSignature]:
    """The live hand signatures of one document (the record: ``interview_id`` None) that were
    given on other data than the data now. A signature of a locked inspection is never stale:
    its data cannot change (and its record was signed with it)."""
    view = inspection if isinstance(inspection, InspectionView) else get_inspection(ws, inspection)
    if view.status is InspectionStatus.SIGNED:
        return []
    current: dict[int, tuple[str, ...] | None] = {}
    found = []
    for sig in signatures(ws, view.id):
        if sig.interview_id != interview_id:
            continue
        if sig.data_sha256 is None:
            found.append(StaleSignature(sig, UNBOUND))
            continue
        version = sig.hash_format or 1
        if version not in current:
            try:
                current[version] = content_hashes(ws, view, interview_id, version)
            except UnknownHashFormat:
                current[version] = None  # a newer version's signature: cannot judge, not void
        now = current[version]
        # Given on the data now, or on the data now before finishing stamped the visit's end.
        if now is not None and sig.data_sha256 not in now:
            found.append(StaleSignature(sig, CHANGED))
    return found


def void_stale(
    ws: Workspace, inspection_id: str, interview_id: str | None = None
) -> list[StaleSignature]:
    """Mark the stale signatures of a document void, in one audited change (the log keeps who
    and why). Kept rows, never deleted. Returns them (empty: nothing changed, no event)."""
    view = get_inspection(ws, inspection_id)
    stale = stale_signatures(ws, view, interview_id)
    if not stale:
        return []
    with ws.change(None, "signature.void", inspection=view.id, editable=False) as ch:
        now = utcnow()
        for item in stale:
            row = ch.session.get(HandwrittenSignature, item.signature.id)
            assert row is not None
            row.voided_at = now
            row.void_reason = item.reason
        ch.entity(kind="handwritten_signatures")
        ch.details["voided"] = [
            {"id": item.signature.id, "who": item.signature.who, "reason": item.reason}
            for item in stale
        ]
    return stale


def void_signatures(ws: Workspace, inspection_id: str) -> list[SignatureView]:
    """Every void hand signature of an inspection (replaced, or given on changed data), for
    the screen and ``record status``: kept, never printed."""
    kept = signatures(ws, inspection_id, include_void=True)
    return [s for s in kept if s.voided_at is not None]
