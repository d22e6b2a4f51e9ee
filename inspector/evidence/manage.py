"""Working with evidence already taken in: list it, caption it, link it to a checklist item,
annotate it on a derived copy, remove it from an inspection still being edited. Each change is
committed with its custody entry. Nothing here can change evidence of an inspection that is
finished (待签字) or signed: ``require_editable`` refuses it, whatever calls this."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector import ids
from inspector.db.models import Evidence, Inspection, SealItem, utcnow
from inspector.errors import InvalidInput, NotFound
from inspector.evidence import custody
from inspector.evidence.annotate import Shape, parse_shapes, render_annotation
from inspector.evidence.intake import evidence_facts, item_codes, team_member
from inspector.evidence.media import display_name, suffix_for
from inspector.evidence.recovery import referenced_in
from inspector.inspections import EvidenceView, get_inspection, require_editable, resolve_id
from inspector.workspace import Workspace

if TYPE_CHECKING:
    from inspector.audit import Change

CAPTION_MAX = 2000


def resolve_evidence(session: Session, text: str, inspection_id: str | None = None) -> Evidence:
    """Evidence by its id or an unambiguous prefix of it (at least 4 characters)."""
    where = [] if inspection_id is None else [Evidence.inspection_id == inspection_id]
    return ids.resolve_prefix(session, Evidence.id, text, ids.EVIDENCE, where=where)


def list_evidence(
    ws: Workspace, inspection_id: str, item_code: str | None = None, *, all_items: bool = True
) -> list[EvidenceView]:
    """An inspection's evidence; with ``item_code``, only that item's; with ``all_items`` False
    and no item, only what is linked to no item."""
    views = get_inspection(ws, inspection_id).evidence
    if item_code is not None:
        return [v for v in views if v.item_code == item_code]
    if not all_items:
        return [v for v in views if v.item_code is None]
    return views


@dataclass
class _Change:
    inspection: Inspection
    row: Evidence
    actor: dict[str, str] | None
    adder_id: str | None


def locate_evidence(ws: Workspace, evidence_id: str) -> tuple[str, str]:
    """The full id of a piece of evidence (given by id or prefix) and its inspection's id."""
    with ws.db.session() as session:
        row = resolve_evidence(session, evidence_id)
        return row.id, row.inspection_id


def _begin_change(ws: Workspace, ch: Change, evidence_id: str, by: str | None) -> _Change:
    """Inside a unit of work (which holds the write lock): find the evidence, refuse a
    finished or signed inspection, name the team member, and make the evidence the event's
    entity."""
    full_id, inspection_id = locate_evidence(ws, evidence_id)
    session = ch.session
    row = session.get(Evidence, full_id)
    inspection = session.get(Inspection, inspection_id)
    if row is None or inspection is None:
        raise NotFound("没有编号为 {evidence_id} 的证据", evidence_id=evidence_id)
    require_editable(inspection)
    ch.inspection = inspection
    ch.entity(row)
    adder = team_member(inspection, by)
    return _Change(inspection, row, custody.actor_of(adder), adder.id if adder else None)


def set_caption(ws: Workspace, evidence_id: str, caption: str, *, by: str | None = None) -> None:
    caption = caption.strip()
    if len(caption) > CAPTION_MAX:
        raise InvalidInput("说明最多 {count} 个字", count=CAPTION_MAX)
    with ws.change(None, "evidence.caption") as ch:
        change = _begin_change(ws, ch, evidence_id, by)
        if change.row.caption == caption:
            ch.nothing()
            return
        previous = change.row.caption
        change.row.caption = caption
        change.row.updated_at = utcnow()
        ch.custody(
            "captioned",
            evidence_id=change.row.id,
            actor=change.actor,
            data={"caption": caption, "previous": previous},
        )


def link_evidence(
    ws: Workspace, evidence_id: str, item_code: str | None, *, by: str | None = None
) -> None:
    """Link evidence to a checklist item (a finding is an item answered 发现问题), or to the
    inspection as a whole (``None``)."""
    with ws.change(None, "evidence.link") as ch:
        session = ch.session
        change = _begin_change(ws, ch, evidence_id, by)
        row = change.row
        if item_code is not None and item_code not in item_codes(change.inspection):
            raise NotFound("本次检查的清单中没有条目 {item_code}", item_code=item_code)
        if row.item_code == item_code:
            ch.nothing()
            return
        clash = session.scalar(
            select(Evidence.id).where(
                Evidence.inspection_id == row.inspection_id,
                Evidence.sha256 == row.sha256,
                Evidence.id != row.id,
                Evidence.item_code.is_(None)
                if item_code is None
                else Evidence.item_code == item_code,
            )
        )
        if clash is not None:
            where = f"条目 {item_code}" if item_code else "本次检查（未关联条目）"
            raise InvalidInput("同一文件已关联到{where}", where=where)
        previous = row.item_code
        row.item_code = item_code
        row.updated_at = utcnow()
        ch.custody(
            "linked",
            evidence_id=row.id,
            actor=change.actor,
            data={"item_code": item_code, "previous": previous},
        )


def remove_evidence(ws: Workspace, evidence_id: str, *, by: str | None = None) -> None:
    """Remove evidence from an inspection still being edited (a photo taken by mistake). The
    custody log keeps what was removed, by whom and when; the stored files go too unless
    another row uses them (personal data is not left on the laptop)."""
    with (
        ws.store.scratch(referenced_in(ws.db)) as scratch,
        ws.change(None, "evidence.remove") as ch,
    ):
        session = ch.session
        change = _begin_change(ws, ch, evidence_id, by)
        row = change.row
        children = session.scalar(
            select(func.count()).select_from(Evidence).where(Evidence.derived_from == row.id)
        )
        if children:
            raise InvalidInput("这件证据有标注副本，请先移除标注副本")
        for seal in session.scalars(
            select(SealItem).where(SealItem.inspection_id == row.inspection_id)
        ):
            if row.id in (seal.evidence_ids or []):
                raise InvalidInput(
                    "这件证据是封存清单第 {position} 项的照片，请先从封存清单中移除",
                    position=seal.position,
                )
        # Journaled before the row goes: if the process dies after the commit, the next
        # start deletes the files no row names any more.
        scratch.journal(_files_of(row))
        facts = {
            "sha256": row.sha256,
            "name": row.original_name,
            "item_code": row.item_code,
            "thumb_sha256": row.thumb_sha256,
            "print_sha256": row.print_sha256,
        }
        ch.custody(
            "removed",
            evidence_id=row.id,
            actor=change.actor,
            data=facts,
        )
        ch.delete(row)


def _files_of(row: Evidence) -> list[tuple[str, str]]:
    files = [(row.sha256, suffix_for(row.media_type))]
    for sha in (row.thumb_sha256, row.print_sha256):
        if sha and sha != row.sha256:
            files.append((sha, ".jpg"))
    return files


def stored_files(view: EvidenceView | Evidence) -> list[tuple[str, str, str]]:
    """(role, sha256, suffix) of every stored file of a piece of evidence."""
    files = [("原件", view.sha256, suffix_for(view.media_type))]
    if view.thumb_sha256:
        files.append(("缩略图", view.thumb_sha256, ".jpg"))
    if view.print_sha256 and view.print_sha256 != view.sha256:
        files.append(("打印副本", view.print_sha256, ".jpg"))
    return files


def print_bytes(ws: Workspace, view: EvidenceView) -> bytes | None:
    """The upright print-size copy the record and the viewer show (None: not an image)."""
    if not view.print_sha256:
        return None
    return ws.store.read_bytes(view.print_sha256, ".jpg")


def thumb_bytes(ws: Workspace, view: EvidenceView) -> bytes | None:
    """The thumbnail (None: not an image, or stored before thumbnails existed)."""
    if not view.thumb_sha256:
        return None
    return ws.store.read_bytes(view.thumb_sha256, ".jpg")


def annotate_evidence(
    ws: Workspace,
    evidence_id: str,
    shapes: Sequence[Shape | dict[str, Any]],
    *,
    caption: str | None = None,
    by: str | None = None,
) -> str:
    """Draw arrows, circles and text on a copy of the photo (its upright print-size copy) and
    keep that copy as new evidence naming the hash of the one it was drawn on. The original is
    never touched. Returns the new evidence's id."""
    parsed = parse_shapes(shapes)
    with ws.db.session() as session:
        source = resolve_evidence(session, evidence_id)
        inspection = resolve_id(session, source.inspection_id)
        require_editable(inspection)
        team_member(inspection, by)
        if not source.print_sha256:
            raise InvalidInput("只能在照片上标注")
        base = ws.store.read_bytes(source.print_sha256, ".jpg")
        source_id = source.id
    rendered = render_annotation(base, parsed)
    with ws.store.scratch(referenced_in(ws.db)) as scratch:
        copy_sha = scratch.put_bytes(rendered.image, ".jpg")
        thumb_sha = scratch.put_bytes(rendered.thumbnail, ".jpg")
        with ws.change(None, "evidence.annotate") as ch:
            session = ch.session
            change = _begin_change(ws, ch, source_id, by)
            source = change.row
            stem = Path(source.original_name).stem or "照片"
            row = Evidence(
                inspection_id=source.inspection_id,
                item_code=source.item_code,
                sha256=copy_sha,
                size=len(rendered.image),
                original_name=display_name(Path(f"标注_{stem}.jpg")),
                media_type="image/jpeg",
                width=rendered.width,
                height=rendered.height,
                orientation=1,
                captured_at=source.captured_at,
                captured_at_text=source.captured_at_text,
                gps_lat=source.gps_lat,
                gps_lon=source.gps_lon,
                camera=source.camera,
                metadata_warning=None,
                added_by=change.adder_id,
                added_at=utcnow(),
                caption=(caption if caption is not None else source.caption).strip(),
                thumb_sha256=thumb_sha,
                print_sha256=copy_sha,  # print-size and upright already
                derived_from=source.id,
                source_sha256=source.sha256,
                annotation=[shape.to_dict() for shape in parsed],
                time_warning=source.time_warning,
            )
            ch.add(row)
            session.flush()
            ch.entity(row)
            facts = evidence_facts(row)
            facts["drawn_on_sha256"] = source.print_sha256
            facts["shapes"] = row.annotation
            ch.custody(
                "annotated",
                evidence_id=row.id,
                actor=change.actor,
                data=facts,
            )
            return row.id


def evidence_in_use(session: Session, inspection_id: str) -> set[str]:
    """Ids of evidence a sealing-list line links to."""
    used: set[str] = set()
    for linked in session.scalars(
        select(SealItem.evidence_ids).where(SealItem.inspection_id == inspection_id)
    ):
        used.update(linked or [])
    return used
