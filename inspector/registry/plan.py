"""An import planned, then applied: every row with what would happen to it and why a row is
refused (:func:`preview`); :func:`apply` writes the accepted rows in one change, all or none."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.checklists.library import Library
from inspector.db.models import Institution, institution_id
from inspector.progress import NullReporter, Reporter, check_cancel
from inspector.registry.cells import (
    FIELD_NAMES,
    FIELDS,
    MAX_LENGTH,
    ROW_STATUS_NAMES,
    CellError,
    RowStatus,
    cell_text,
    fold,
    parse_date_cell,
    parse_type_cell,
    type_lookup,
)
from inspector.registry.source import Header, SourceFile, read_source
from inspector.workspace import Workspace

# --- rows --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegistryEntry:
    """One institution as the file gives it. None in an optional field: the cell was blank (or
    the column absent), and the stored value stays."""

    name: str
    type_code: str
    district: str
    agreement_no: str | None
    agreement_expiry: date | None
    level: str | None


@dataclass
class PreviewRow:
    row: int  # the row number in the file, as Excel shows it
    cells: dict[str, str]  # field -> the cell as written
    status: RowStatus
    reason: str = ""  # why refused (Chinese); for an update, what changes
    entry: RegistryEntry | None = None  # None when refused for its content
    institution_id: str | None = None  # the stored institution updated or unchanged

    @property
    def status_name(self) -> str:
        return ROW_STATUS_NAMES[self.status]

    @property
    def accepted(self) -> bool:
        return self.status is not RowStatus.REFUSED


@dataclass
class Preview:
    path: Path
    kind: str
    encoding: str | None
    sheet: str | None
    header_row: int
    columns: dict[str, str]  # field -> header text as found
    ignored_columns: list[str]
    rows: list[PreviewRow] = field(default_factory=list)

    @property
    def counts(self) -> dict[RowStatus, int]:
        found = Counter(row.status for row in self.rows)
        return {status: found.get(status, 0) for status in RowStatus}

    @property
    def refused(self) -> list[PreviewRow]:
        return [row for row in self.rows if row.status is RowStatus.REFUSED]

    @property
    def to_write(self) -> int:
        counts = self.counts
        return counts[RowStatus.NEW] + counts[RowStatus.UPDATE]

    def summary(self) -> str:
        counts = self.counts
        return (
            f"共 {len(self.rows)} 行：新增 {counts[RowStatus.NEW]}，"
            f"更新 {counts[RowStatus.UPDATE]}，无变化 {counts[RowStatus.UNCHANGED]}，"
            f"拒绝 {counts[RowStatus.REFUSED]}"
        )


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _parse_row(
    number: int, cells: Sequence[Any], header: Header, library: Library, lookup: dict[str, str]
) -> PreviewRow | None:
    """A data row to an entry or a refusal. None for a blank row (skipped, not reported)."""
    raw = {
        fld: cells[index] if index < len(cells) else None for fld, index in header.columns.items()
    }
    shown = {fld: cell_text(raw.get(fld)) for fld in FIELDS}
    if not any(shown.values()):
        return None
    reasons: list[str] = []
    name = _clean(shown["name"])
    district = _clean(shown["district"])
    if not name:
        reasons.append("机构名称为空")
    if not district:
        reasons.append("所在区县为空")
    type_code = ""
    try:
        type_code = parse_type_cell(raw.get("type"), library, lookup)
    except CellError as error:
        reasons.append(str(error))
    agreement_no = fold(shown["agreement_no"]).replace(" ", "") or None
    expiry = None
    try:
        expiry = parse_date_cell(raw.get("expiry"))
    except CellError as error:
        reasons.append(str(error))
    if expiry is not None and agreement_no is None:
        reasons.append("有协议到期日却没有协议编号")
    level = _clean(shown["level"]) or None
    for fld, value in (
        ("name", name),
        ("district", district),
        ("agreement_no", agreement_no),
        ("level", level),
    ):
        if value and len(value) > MAX_LENGTH[fld]:
            reasons.append(f"{FIELD_NAMES[fld]}过长（最多 {MAX_LENGTH[fld]} 个字）")
    if reasons:
        return PreviewRow(number, shown, RowStatus.REFUSED, "；".join(reasons))
    entry = RegistryEntry(name, type_code, district, agreement_no, expiry, level)
    return PreviewRow(number, shown, RowStatus.NEW, entry=entry)


class _Stored(Protocol):
    id: str
    name: str
    type_code: str
    district: str
    agreement_no: str | None
    agreement_expiry: date | None
    level: str | None


def _changes(stored: _Stored, entry: RegistryEntry, library: Library) -> list[str]:
    def type_name(code: str) -> str:
        kind = library.types.get(code)
        return kind.name if kind else code

    changes: list[str] = []
    pairs: list[tuple[str, Any, Any, Any]] = [
        ("name", stored.name, entry.name, None),
        ("type", stored.type_code, entry.type_code, type_name),
        ("district", stored.district, entry.district, None),
        ("agreement_no", stored.agreement_no, entry.agreement_no, None),
        ("expiry", stored.agreement_expiry, entry.agreement_expiry, None),
        ("level", stored.level, entry.level, None),
    ]
    for fld, old, new, show in pairs:
        if new is None or new == old:
            continue
        show = show or (lambda v: "（空）" if v is None else str(v))
        changes.append(f"{FIELD_NAMES[fld]}：{show(old)} → {show(new)}")
    return changes


def _plan(rows: list[PreviewRow], stored: Iterable[_Stored], library: Library) -> None:
    """Decide new / update / unchanged / refused for each parsed row, against the stored
    institutions and the rows before it. Changes the rows in place."""
    by_number: dict[str, list[_Stored]] = {}
    by_place: dict[tuple[str, str], list[_Stored]] = {}
    for place in stored:
        if place.agreement_no:
            by_number.setdefault(place.agreement_no, []).append(place)
        by_place.setdefault((place.name, place.district), []).append(place)
    seen_numbers: dict[str, int] = {}
    seen_places: dict[tuple[str, str], int] = {}
    claimed: dict[str, int] = {}
    for row in rows:
        entry = row.entry
        if entry is None:
            continue
        row.status, row.reason, row.institution_id = RowStatus.NEW, "", None
        place_key = (entry.name, entry.district)

        def refuse(reason: str, row: PreviewRow = row) -> None:
            row.status, row.reason, row.institution_id = RowStatus.REFUSED, reason, None

        if entry.agreement_no and entry.agreement_no in seen_numbers:
            refuse(f"协议编号 {entry.agreement_no} 与第 {seen_numbers[entry.agreement_no]} 行重复")
            continue
        if place_key in seen_places:
            refuse(f"与第 {seen_places[place_key]} 行的机构名称和区县相同")
            continue
        target: _Stored | None = None
        same_number = by_number.get(entry.agreement_no, []) if entry.agreement_no else []
        same_place = by_place.get(place_key, [])
        if len(same_number) > 1:
            refuse(f"已登记的机构中有 {len(same_number)} 家使用协议编号 {entry.agreement_no}")
            continue
        if same_number:
            target = same_number[0]
            others = [p for p in same_place if p.id != target.id]
            if others:
                refuse(
                    f"协议编号 {entry.agreement_no} 已登记为“{target.name}”（{target.district}），"
                    f"而同名同区县的机构已另有登记"
                )
                continue
        elif len(same_place) > 1:
            refuse(f"已登记的机构中有 {len(same_place)} 家同名同区县")
            continue
        elif same_place:
            target = same_place[0]
        if target is not None and target.id in claimed:
            refuse(f"与第 {claimed[target.id]} 行对应同一家已登记的机构")
            continue
        if entry.agreement_no:
            seen_numbers[entry.agreement_no] = row.row
        seen_places[place_key] = row.row
        if target is None:
            continue
        claimed[target.id] = row.row
        row.institution_id = target.id
        changes = _changes(target, entry, library)
        row.status = RowStatus.UPDATE if changes else RowStatus.UNCHANGED
        row.reason = "；".join(changes)


def _parse_rows(source: SourceFile, library: Library, reporter: Reporter) -> list[PreviewRow]:
    lookup = type_lookup(library)
    parsed: list[PreviewRow] = []
    for number, cells in source.rows:
        if number % 200 == 0:
            check_cancel(reporter)
        row = _parse_row(number, cells, source.header, library, lookup)
        if row is not None:
            parsed.append(row)
    return parsed


def preview(path: str | Path, ws: Workspace, reporter: Reporter | None = None) -> Preview:
    """Read a registry file and say, row by row, what importing it would do. Changes nothing.
    Raises InvalidInput when the file as a whole cannot be used."""
    reporter = reporter or NullReporter()
    source = read_source(Path(path), reporter)
    rows = _parse_rows(source, ws.library, reporter)
    check_cancel(reporter)
    with ws.db.session() as session:
        _plan(rows, session.scalars(select(Institution)).all(), ws.library)
    return Preview(
        path=source.path,
        kind=source.kind,
        encoding=source.encoding,
        sheet=source.sheet,
        header_row=source.header.row,
        columns=dict(source.header.labels),
        ignored_columns=list(source.header.ignored),
        rows=rows,
    )


@dataclass
class ImportResult:
    rows: list[PreviewRow]  # as decided when written (the database may have changed since the
    # preview)

    @property
    def counts(self) -> dict[RowStatus, int]:
        found = Counter(row.status for row in self.rows)
        return {status: found.get(status, 0) for status in RowStatus}

    @property
    def refused(self) -> list[PreviewRow]:
        return [row for row in self.rows if row.status is RowStatus.REFUSED]

    def summary(self) -> str:
        counts = self.counts
        text = (
            f"已导入：新增 {counts[RowStatus.NEW]} 家，更新 {counts[RowStatus.UPDATE]} 家，"
            f"无变化 {counts[RowStatus.UNCHANGED]} 家"
        )
        if counts[RowStatus.REFUSED]:
            text += f"；拒绝 {counts[RowStatus.REFUSED]} 行（未导入）"
        return text


def apply(ws: Workspace, planned: Preview, reporter: Reporter | None = None) -> ImportResult:
    """Write the accepted rows of a preview in one transaction. The rows are matched again
    against the database as it is now; a cancel (through the reporter) or a failure leaves the
    database as it was."""
    reporter = reporter or NullReporter()
    rows = [
        PreviewRow(r.row, dict(r.cells), r.status, r.reason, r.entry, r.institution_id)
        for r in planned.rows
    ]
    with ws.change(None, "registry.import") as ch:
        session = ch.session
        ch.entity(kind="registry", id=planned.path.name)
        stored = {p.id: p for p in session.scalars(select(Institution)).all()}
        _plan(rows, stored.values(), ws.library)
        work = [r for r in rows if r.status in (RowStatus.NEW, RowStatus.UPDATE)]
        reporter.start(len(work), f"正在导入 {len(work)} 家机构…")
        for done, row in enumerate(work, start=1):
            check_cancel(reporter)
            _write(ws, session, row, stored)
            if done % 50 == 0 or done == len(work):
                reporter.advance(done, f"已处理 {done}/{len(work)}")
        check_cancel(reporter)
        ch.details.update(
            {status.value: sum(1 for r in rows if r.status is status) for status in RowStatus}
        )
    return ImportResult(rows)


def _write(
    ws: Workspace, session: Session, row: PreviewRow, stored: dict[str, Institution]
) -> None:
    entry = row.entry
    assert entry is not None
    if row.status is RowStatus.NEW:
        place = Institution(
            # Known now (no flush per row, the inserts go out in batches), and the same on
            # every laptop that imports the same registry.
            id=institution_id(entry.agreement_no, entry.name, entry.district),
            name=entry.name,
            type_code=entry.type_code,
            district=entry.district,
            agreement_no=entry.agreement_no,
            agreement_expiry=entry.agreement_expiry,
            level=entry.level,
        )
        session.add(place)
        row.institution_id = place.id
        return
    assert row.institution_id is not None
    place = stored[row.institution_id]
    place.name = entry.name
    place.type_code = entry.type_code
    place.district = entry.district
    if entry.agreement_no is not None:
        place.agreement_no = entry.agreement_no
    if entry.agreement_expiry is not None:
        place.agreement_expiry = entry.agreement_expiry
    if entry.level is not None:
        place.level = entry.level
