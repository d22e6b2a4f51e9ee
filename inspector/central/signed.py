"""A signed record reaches the server only with its data: for an inspection a push signs, the
server's rows after the merge must recompute the data hash the signed record states, with the
very function ``record verify`` uses (:func:`inspector.record.facts.data_hash`, by the format
the record states). That function reads a laptop's workspace, so the rows it needs (the
inspection's own, the institution, inspectors and checklist snapshot they name, and the
amended inspection's for an amendment) are put in a scratch one, in the merge's transaction;
a mismatch refuses the push, which rolls the merge back.

The hash compared with is the one in the Subject of the revision the first signature covers
(:func:`inspector.record.signing.read_subject_fields`): what the signers signed, never a row
of the push, which whoever signs the manifest can also write."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from inspector.bundle import rows as bundle_rows
from inspector.bundle.signed import STATED  # the rows a record's data hash is made of
from inspector.central import schema as s
from inspector.central.store import ServerStore
from inspector.errors import InspectorError


def _rows_of(c: Connection, inspection: str) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for table, data in c.execute(
        select(s.rows.c.table_name, s.rows.c.data).where(
            s.rows.c.inspection_id == inspection,
            s.rows.c.deleted.is_(False),
            s.rows.c.table_name != "audit_events",
        )
    ):
        found.setdefault(table, []).append(data)
    return found


def _by_key(c: Connection, table: str, keys: Iterable[Any]) -> list[dict[str, Any]]:
    wanted = sorted({json.dumps([k], ensure_ascii=False) for k in keys if k is not None})
    if not wanted:
        return []
    return list(
        c.scalars(
            select(s.rows.c.data).where(s.rows.c.table_name == table, s.rows.c.row_key.in_(wanted))
        )
    )


# The tables a record's facts read (gather_facts): the inspection's own rows, and the rows
# they refer to. Nothing else goes into the scratch workspace (so no parent is missing).
_OWN = (
    "inspections",
    "inspection_members",
    "answers",
    "drug_checks",
    "interviews",
    "evidence",
    "seal_items",
    "handwritten_signatures",
    "claim_samples",
    "claim_bills",
    "lead_checks",
)


def _gather(c: Connection, inspection: str) -> dict[str, list[dict[str, Any]]]:
    """The rows the inspection's record facts read, by table (its amended one's too), with
    every row they refer to."""
    tables: dict[str, list[dict[str, Any]]] = {}
    todo = [inspection]
    seen: set[str] = set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        own = _rows_of(c, current)
        for table in _OWN:
            tables.setdefault(table, []).extend(own.get(table, []))
        for data in own.get("inspections", []):
            if data.get("amends_id"):
                todo.append(str(data["amends_id"]))
    # the parents they name (institution, inspectors, checklist snapshot, draw), and theirs
    pending = list(tables)
    while pending:
        name = pending.pop()
        for fk in bundle_rows.table(name).foreign_keys:
            parent = fk.column.table.name
            if parent in _OWN or parent not in bundle_rows.TABLES:
                continue
            wanted = {d.get(fk.parent.name) for d in tables.get(name, [])}
            held = {str(d.get(fk.column.name)) for d in tables.get(parent, [])}
            found = _by_key(c, parent, [w for w in wanted if w is not None and str(w) not in held])
            if found:
                tables.setdefault(parent, []).extend(found)
                pending.append(parent)
    return tables


def stated_hash(
    store: ServerStore, folder: Path, record: dict[str, Any]
) -> tuple[str | None, str | None]:
    """The data hash a stored signed record states and the format it was computed by (None:
    it states none; a record that states no format is format 1)."""
    from inspector.record.signing import read_subject_fields

    path = folder / "record.pdf"
    with store.open(str(record.get("sha256")), ".pdf") as source:
        path.write_bytes(source.read())
    fields = read_subject_fields(path) or {}
    return fields.get("data"), fields.get("hashformat")


def check_signed_data(c: Connection, store: ServerStore, inspections: Iterable[str]) -> None:
    """Refuse (:class:`InspectorError`, raised as the caller's refusal) when a signed
    inspection's rows on the server no longer recompute the data hash its signed record
    states."""
    todo = sorted(set(inspections))
    if not todo:
        return
    from inspector.inspections import get_inspection
    from inspector.record.facts import data_hash
    from inspector.workspace import Workspace

    # Each inspection's signed inspection records, and every row their facts read: all into
    # one scratch workspace (opening one costs about a second).
    checks: list[tuple[str, list[dict[str, Any]]]] = []
    tables: dict[str, list[dict[str, Any]]] = {}
    for inspection in todo:
        own = _rows_of(c, inspection)
        signed_records = {str(r.get("record_id")) for r in own.get("record_signatures", [])}
        records = [
            r
            for r in own.get("records", [])
            if r.get("inspection_id") == inspection
            and r.get("interview_id") is None
            and str(r.get("id")) in signed_records
        ]
        if not records:
            continue  # signed with no signed record here: nothing states a hash
        checks.append((inspection, records))
        for name, found in _gather(c, inspection).items():
            tables.setdefault(name, []).extend(found)
    if not checks:
        return
    with tempfile.TemporaryDirectory(prefix="inspector-central-") as folder:
        ws = Workspace.open(Path(folder) / "home")
        try:
            try:
                _fill(ws, tables)
            except IntegrityError as error:  # a row they name is not on the server
                raise InspectorError(
                    "检查 {inspection} 的签字记录无法用服务器上的数据核对（数据不完整）："
                    "已拒绝，服务器数据未改变",
                    inspection="、".join(i[:8] for i, _r in checks),
                ) from error
            for inspection, records in checks:
                view = get_inspection(ws, inspection)
                for record in records:
                    stated, hash_format = stated_hash(store, Path(folder), record)
                    # By the rule of the format the record states, as record verify does.
                    if stated is None or stated != data_hash(ws, view, None, hash_format):
                        raise InspectorError(
                            "检查 {inspection} 的签字记录所载数据的摘要与推送的数据不一致"
                            "（记录 {record}；{row}）：已拒绝，服务器数据未改变",
                            inspection=inspection[:8],
                            record=str(record.get("record_no") or record.get("id"))[:40],
                            row=_first_altered(c, ws, inspection),
                        )
        finally:
            ws.close()


def _first_altered(c: Connection, ws: Any, inspection: str) -> InspectorError:
    """The first row of the inspection that is not as the change that stamped it left it: its
    state differs from the state hash of that change's entry in the laptop's log (held here
    as pushed). A row stamped by a change about another row cannot be judged so."""
    from inspector.audit import state_hash
    from inspector.bundle.merge import _columns, _label, _mapper_class

    r = s.rows.c
    with ws.db.session() as session:
        for name in STATED:
            cls: Any = _mapper_class(name)
            column = cls.id if name == "inspections" else cls.inspection_id
            for row in session.scalars(select(cls).where(column == inspection)):
                event = c.scalar(
                    select(r.data).where(
                        r.table_name == "audit_events",
                        r.change_device_id == row.change_device_id,
                        r.change_seq == row.change_seq,
                    )
                )
                if (
                    event is None
                    or event.get("entity_type") != name
                    or event.get("entity_id") != row.id
                    or not event.get("state_sha256")
                ):
                    continue
                if state_hash(row) != event["state_sha256"]:
                    data = bundle_rows.encode(
                        name, {col.name: getattr(row, col.key) for col in _columns(cls)}
                    )
                    return InspectorError(
                        "{label}（{table} {id}）与记录它的操作（设备 {device} 第 {seq} 条）"
                        "所存的状态不符，被改过",
                        label=_label(name, data),
                        table=name,
                        id=str(row.id)[:8],
                        device=str(row.change_device_id)[:8],
                        seq=row.change_seq,
                    )
    return InspectorError("操作记录中找不到被改的那一行")


def _fill(ws: Any, tables: dict[str, list[dict[str, Any]]]) -> None:
    """The rows into the scratch workspace, as an import writes them: parents first, a signed
    inspection signed last (its lock triggers refuse rows after)."""
    signed: list[Any] = []
    with ws.db.session() as session:
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
        for name in bundle_rows.TABLES:
            if name in ("audit_events", "tombstones"):
                continue
            table = bundle_rows.table(name)
            done: set[str] = set()  # a row two inspections name (their institution)
            for data in tables.get(name, []):
                key = json.dumps([data.get(k) for k in bundle_rows.primary_key(name)])
                if key in done:
                    continue
                done.add(key)
                values = bundle_rows.decode(name, data)
                if name == "inspections" and data.get("status") == "signed":
                    signed.append((values["id"], values["status"]))
                    values["status"] = type(values["status"])("awaiting_signatures")
                session.execute(insert(table).values(**values))
        inspections = bundle_rows.table("inspections")
        for inspection, status in signed:
            session.execute(
                update(inspections).where(inspections.c.id == inspection).values(status=status)
            )
        session.commit()
