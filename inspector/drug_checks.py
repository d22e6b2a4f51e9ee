"""Per-entry findings on the reference lists the checklist names (附件1 of seed 002: 西药, 中成药,
中药饮片, 耗材, thirty entries each): for each drug or consumable checked, the count found, its
unit and a note. The lists come with the visit's checklist snapshot (a library update changes
no visit under way); the 进销存 reconciliation adds its figures beside these.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select

from inspector.db.models import DrugCheck
from inspector.errors import InvalidInput, NotFound
from inspector.inspections import checklist_of, resolve_id
from inspector.workspace import Workspace


@dataclass(frozen=True)
class ReferenceEntryView:
    no: int
    name: str
    form: str
    note: str


@dataclass(frozen=True)
class DrugCheckView:
    list_code: str
    entry_no: int
    name: str
    item_code: str
    count: str | None
    unit: str
    note: str


def reference_entries(checklist: Any, list_code: str) -> tuple[str, list[ReferenceEntryView]]:
    """A reference list of the visit's checklist: its title and entries in the list's order."""
    found = checklist.references.get(list_code)
    if found is None:
        raise NotFound("本次检查的清单中没有参考目录 {list_code}", list_code=list_code)
    entries = [
        ReferenceEntryView(e["no"], e["name"], e.get("form", ""), e.get("note", ""))
        for e in found["entries"]
    ]
    return found["title"], entries


def _count(text: str | None) -> str | None:
    """A count as typed, kept exact ("12", "0.5"); refused when it is not a number >= 0."""
    if text is None or not text.strip():
        return None
    cleaned = text.strip().replace(",", "").replace("，", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as error:
        raise InvalidInput("数量“{text}”不是数字", text=text) from error
    if not value.is_finite() or value < 0:
        raise InvalidInput("数量“{text}”不是数字", text=text)
    return cleaned


def save_drug_check(
    ws: Workspace,
    inspection_id: str,
    item_code: str,
    entry_no: int,
    *,
    count: str | None = None,
    unit: str = "",
    note: str = "",
) -> DrugCheckView | None:
    """Set what was found for one entry of the list the item checks; nothing given (no count,
    unit or note) clears it. One ``drug_check.save`` or ``drug_check.clear`` event."""
    exact = _count(count)
    empty = exact is None and not unit.strip() and not note.strip()
    action = "drug_check.clear" if empty else "drug_check.save"
    with ws.change(None, action, inspection=inspection_id) as ch:
        inspection = ch.inspection
        assert inspection is not None
        checklist = checklist_of(ws, inspection)
        item = checklist.item(item_code)
        if item is None:
            raise NotFound("本次检查的清单中没有条目 {item_code}", item_code=item_code)
        if not item.reference:
            raise InvalidInput("条目 {item_code} 没有参考目录", item_code=item_code)
        _title, entries = reference_entries(checklist, item.reference)
        entry = next((e for e in entries if e.no == entry_no), None)
        if entry is None:
            raise NotFound(
                "参考目录 {list_code} 中没有序号 {entry_no}",
                list_code=item.reference,
                entry_no=entry_no,
            )
        row = ch.session.scalar(
            select(DrugCheck).where(
                DrugCheck.inspection_id == inspection.id,
                DrugCheck.list_code == item.reference,
                DrugCheck.entry_no == entry_no,
            )
        )
        ch.details["entry"] = [item.reference, entry_no]
        if empty:
            if row is not None:
                ch.delete(row)
            else:
                ch.entity(kind="drug_checks")
            return None
        if row is None:
            row = ch.add(
                DrugCheck(
                    inspection_id=inspection.id,
                    item_code=item_code,
                    list_code=item.reference,
                    entry_no=entry_no,
                    name=entry.name,
                )
            )
        ch.entity(row)
        row.item_code = item_code
        row.count = exact
        row.unit = unit.strip()
        row.note = note.strip()
        return _view(row)


def _view(row: DrugCheck) -> DrugCheckView:
    return DrugCheckView(
        row.list_code, row.entry_no, row.name, row.item_code, row.count, row.unit, row.note
    )


def drug_checks(ws: Workspace, inspection_id: str) -> list[DrugCheckView]:
    """Every entry checked at this visit, by list and number."""
    with ws.db.session() as session:
        inspection = resolve_id(session, inspection_id)
        rows = session.scalars(
            select(DrugCheck)
            .where(DrugCheck.inspection_id == inspection.id)
            .order_by(DrugCheck.list_code, DrugCheck.entry_no)
        ).all()
        return [_view(row) for row in rows]
