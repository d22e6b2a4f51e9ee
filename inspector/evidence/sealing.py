"""The sealing list (封存清单): what the team sealed on site (ledgers, drugs, consumables,
devices), each line with a description, a quantity and unit, and links to its photos. Lines are
numbered in order and a number is never reused; every change goes into the chain of custody."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select

from inspector.db.models import Evidence, SealItem
from inspector.errors import InvalidInput, NotFound
from inspector.evidence import custody
from inspector.evidence.intake import team_member
from inspector.evidence.manage import resolve_evidence
from inspector.inspections import resolve_id
from inspector.workspace import Workspace


@dataclass
class SealItemView:
    id: str
    position: int
    description: str
    quantity: str
    unit: str
    note: str
    evidence_ids: list[str]
    added_by: str | None
    created_at: datetime


def parse_quantity(text: str) -> str:
    """A positive number as typed ("3", "2.5", "1,200"), kept exactly as a decimal string."""
    cleaned = str(text).replace(",", "").replace("，", "").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation as error:
        raise InvalidInput("数量“{text}”不是数字", text=text) from error
    if not value.is_finite() or value <= 0:
        raise InvalidInput("数量必须大于 0")
    if value != value.quantize(Decimal("0.001")):
        raise InvalidInput("数量最多保留三位小数")
    if value >= Decimal("1e12"):
        raise InvalidInput("数量过大")
    return format(value.normalize(), "f")


def _inspection_for_change(ws: Workspace, inspection_id: str) -> str:
    with ws.db.session() as session:
        return resolve_id(session, inspection_id).id


def add_seal_item(
    ws: Workspace,
    inspection_id: str,
    *,
    description: str,
    quantity: str,
    unit: str,
    note: str = "",
    evidence_ids: Sequence[str] = (),
    by: str | None = None,
) -> SealItemView:
    description = description.strip()
    unit = unit.strip()
    if not description:
        raise InvalidInput("请填写封存物品的名称和描述")
    if len(description) > 1000:
        raise InvalidInput("描述最多 1000 个字")
    if not unit:
        raise InvalidInput("请填写数量单位（如 盒、本、台）")
    if len(unit) > 16:
        raise InvalidInput("单位最多 16 个字")
    amount = parse_quantity(quantity)
    with ws.change(None, "seal.add", inspection=inspection_id) as ch:
        session = ch.session
        inspection = ch.inspection
        assert inspection is not None
        full_id = inspection.id
        adder = team_member(inspection, by)
        photos: list[str] = []
        for text in evidence_ids:
            row = resolve_evidence(session, text, full_id)
            if not row.media_type.startswith("image/"):
                raise InvalidInput("证据 {file} 不是照片", file=row.original_name)
            if row.id not in photos:
                photos.append(row.id)
        last = session.scalar(
            select(func.max(SealItem.position)).where(SealItem.inspection_id == full_id)
        )
        # Numbers are never reused, even after a line is removed: the log names lines by them.
        used = [
            entry.data.get("position", 0)
            for entry in custody.read_chain(session, full_id)
            if entry.event == "sealed"
        ]
        position = max([last or 0, *used]) + 1
        item = SealItem(
            inspection_id=full_id,
            position=position,
            description=description,
            quantity=amount,
            unit=unit,
            note=note.strip(),
            evidence_ids=photos,
            added_by=adder.id if adder else None,
        )
        ch.add(item)
        ch.entity(item)
        session.flush()
        ch.custody(
            "sealed",
            actor=custody.actor_of(adder),
            data=_facts(item),
        )
        return _view(item, adder.name if adder else None)


def _facts(item: SealItem) -> dict[str, object]:
    return {
        "seal_item_id": item.id,
        "position": item.position,
        "description": item.description,
        "quantity": item.quantity,
        "unit": item.unit,
        "note": item.note,
        "evidence_ids": list(item.evidence_ids),
    }


def _view(item: SealItem, adder: str | None) -> SealItemView:
    return SealItemView(
        id=item.id,
        position=item.position,
        description=item.description,
        quantity=item.quantity,
        unit=item.unit,
        note=item.note,
        evidence_ids=list(item.evidence_ids or []),
        added_by=adder,
        created_at=item.created_at,
    )


def remove_seal_item(
    ws: Workspace, inspection_id: str, position: int, *, by: str | None = None
) -> None:
    with ws.change(None, "seal.remove", inspection=inspection_id) as ch:
        session = ch.session
        inspection = ch.inspection
        assert inspection is not None
        full_id = inspection.id
        adder = team_member(inspection, by)
        item = session.scalar(
            select(SealItem).where(SealItem.inspection_id == full_id, SealItem.position == position)
        )
        if item is None:
            raise NotFound("封存清单中没有第 {position} 项", position=position)
        ch.custody(
            "seal_removed",
            actor=custody.actor_of(adder),
            data=_facts(item),
        )
        ch.delete(item)


def list_seal_items(ws: Workspace, inspection_id: str) -> list[SealItemView]:
    with ws.db.session() as session:
        inspection = resolve_id(session, inspection_id)
        names = {m.inspector.id: m.inspector.name for m in inspection.members}
        return [
            _view(item, names.get(item.added_by or ""))
            for item in session.scalars(
                select(SealItem)
                .where(SealItem.inspection_id == inspection.id)
                .order_by(SealItem.position)
            )
        ]


def photo_names(ws: Workspace, ids: Sequence[str]) -> dict[str, str]:
    if not ids:
        return {}
    with ws.db.session() as session:
        return dict(
            session.execute(
                select(Evidence.id, Evidence.original_name).where(Evidence.id.in_(list(ids)))
            ).all()
        )
