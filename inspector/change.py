"""The one way to change the data: the audited unit of work.

Every user action is one block::

    with ws.change(actor, "answer.save", inspection=inspection_id) as ch:
        ch.inspection            # loaded, checked editable (unless editable=False)
        row = ch.add(Answer(...))  # new rows: device stamped
        ch.entity(row)           # what the action is about (type/id; state hashed at the end)
        ch.delete(other)         # a tombstone, then the delete (a trigger refuses it without)
        ch.details["note"] = ... # small facts kept in the event

What the block does, in one transaction:

- takes SQLite's write lock first (``BEGIN IMMEDIATE``), so two writers (two windows, the app
  and the command line) never both read the same last event;
- loads the inspection by id or prefix and refuses a change when it is not editable;
- stamps every row it adds or changes with this device and this device's next change number
  (``change_device_id``/``change_seq``, the same number as the event), and a new row's
  ``device_id``;
- appends exactly ONE :class:`~inspector.db.models.AuditEvent`: hash-chained per device, with
  the laptop's clock, the per-device order (``seq``), actor, device, action, entity, and the
  SHA-256 of the entity's new state (canonical JSON, :mod:`inspector.hashing`).

If the block raises, nothing is stored, the log included. ``actor`` is an
:class:`~inspector.db.models.Inspector`, a 执法证号, or None for the workspace's current
inspector (:attr:`Workspace.actor`). Outside a block every session is read-only: the engine
refuses the flush (inspector/db/engine.py). This module imports no other of the core's
services (inspector/audit.py reads the log; inspector/inspections.py builds on this), so
there is no import cycle.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import event as sa_event
from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from inspector import ids
from inspector.db.enums import InspectionStatus
from inspector.db.models import (
    AuditEvent,
    Base,
    Inspection,
    InspectionMember,
    Inspector,
    Synced,
    Tombstone,
    utcnow,
)
from inspector.errors import InvalidInput
from inspector.hashing import canonical_json, sha256_of
from inspector.names import STATUS_NAMES

if TYPE_CHECKING:
    from inspector.workspace import Workspace

GENESIS = "0" * 64

Row = TypeVar("Row", bound=Base)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return hashlib.sha256(value).hexdigest()
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return str(value)


def row_state(row: Base) -> dict[str, Any]:
    """A row's stored columns as plain JSON values (bytes by their SHA-256), without the
    bookkeeping columns a later change stamps."""
    skip = {"updated_at", "change_device_id", "change_seq"}
    mapper = inspect(row).mapper
    return {
        column.key: _plain(getattr(row, column.key))
        for column in mapper.column_attrs
        if column.key not in skip
    }


def state_hash(row: Base) -> str:
    return sha256_of(row_state(row))


def entry_hash(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


EDITABLE = (InspectionStatus.DRAFT, InspectionStatus.IN_PROGRESS)


def require_editable(inspection: Inspection) -> None:
    """Refuse a change to a finished inspection. The message names no command: the app says
    it too (its button is 重新打开检查); the command line adds its own hint."""
    if inspection.status not in EDITABLE:
        status = STATUS_NAMES[inspection.status]
        if inspection.status is InspectionStatus.AWAITING_SIGNATURES:
            raise InvalidInput(
                "该检查的状态为“{status}”，不能再修改；如需修改，请先重新打开检查。",
                status=status,
            )
        raise InvalidInput("该检查的状态为“{status}”，不能再修改。", status=status)


def resolve_id(session: Session, text: str) -> Inspection:
    """An inspection by its id or an unambiguous prefix of it (at least 4 characters)."""
    return ids.resolve_prefix(session, Inspection.id, text, ids.INSPECTION)


@dataclass
class Change:
    """The open unit of work handed to the block (see the module docstring)."""

    session: Session
    device_id: str
    seq: int
    action: str
    actor: str | None
    inspection: Inspection | None
    details: dict[str, Any] = field(default_factory=dict)
    entity_type: str | None = None
    entity_id: str | None = None
    _entity_row: Base | None = None
    state: Any = None  # set to hash this instead of the entity row
    unchanged: bool = False  # set by :meth:`nothing`: no event

    def nothing(self) -> None:
        """The action turned out to change nothing (e.g. the same caption again): no event."""
        self.unchanged = True

    def add(self, row: Row) -> Row:
        if isinstance(row, Synced) and not getattr(row, "device_id", None):
            row.device_id = self.device_id
        self.session.add(row)
        return row

    def entity(
        self, row: Base | None = None, *, kind: str | None = None, id: str | None = None
    ) -> None:
        """Name what the action is about: a row (its new state is hashed at the end), or a
        kind and id (e.g. a setting, a file) with :attr:`state` set by the caller."""
        if row is not None:
            self._entity_row = row
            self.entity_type = row.__tablename__
            self.entity_id = None
        if kind is not None:
            self.entity_type = kind
        if id is not None:
            self.entity_id = id

    def delete(self, row: Synced) -> None:
        """Delete a synced row, leaving its tombstone (a trigger refuses a delete without)."""
        self.session.flush()
        table = row.__tablename__  # type: ignore[attr-defined]
        tombstone = Tombstone(
            table_name=table,
            entity_id=row.id,
            inspection_id=getattr(row, "inspection_id", None),
            device_id=self.device_id,
            change_seq=self.seq,
            deleted_at=utcnow(),
            state_sha256=state_hash(row),  # type: ignore[arg-type]
        )
        self.session.add(tombstone)
        self.session.flush()
        self.session.delete(row)
        if self.entity_type is None:
            self.entity_type, self.entity_id = table, row.id

    def custody(
        self,
        event: str,
        *,
        evidence_id: str | None = None,
        actor: dict[str, str] | None = None,
        data: dict[str, Any] | None = None,
        after: Any = None,
    ) -> Any:
        """Append the inspection's next custody entry (this device's chain) in this change."""
        from inspector.evidence import custody  # its own module: the custody chain

        assert self.inspection is not None, "a custody entry belongs to an inspection"
        return custody.append(
            self.session,
            self.inspection.id,
            event,
            device_id=self.device_id,
            evidence_id=evidence_id,
            actor=actor,
            data=data,
            after=after,
        )

    def _before_flush(self, _session: Session, _context: Any, _instances: Any) -> None:
        self._stamp()

    def _stamp(self) -> None:
        for row in list(self.session.new) + list(self.session.dirty):
            if not isinstance(row, Synced | InspectionMember):
                continue
            if row in self.session.dirty and not self.session.is_modified(row):
                continue
            if isinstance(row, Synced) and not getattr(row, "device_id", None):
                row.device_id = self.device_id
            row.change_device_id = self.device_id
            row.change_seq = self.seq

    def _event(self, prev: str) -> AuditEvent:
        self._stamp()
        self.session.flush()
        if self._entity_row is not None:
            self.entity_id = (
                self.entity_id
                or getattr(self._entity_row, "id", None)
                or getattr(self._entity_row, "sha256", None)
            )
            state = (
                None if self._entity_row in self.session.deleted else state_hash(self._entity_row)
            )
        elif self.state is not None:
            state = sha256_of(_plain(self.state))
        else:
            state = None
        moment = utcnow()
        columns = {
            "device_id": self.device_id,
            "seq": self.seq,
            "at": moment,
            "actor": self.actor,
            "action": self.action,
            "inspection_id": None if self.inspection is None else self.inspection.id,
            "entity_type": self.entity_type,
            "entity_id": self.entity_id,
            "state_sha256": state,
        }
        facts = {
            **columns,
            "at": moment.isoformat(),
            "prev": prev,
            "details": _plain(self.details),
        }
        body = canonical_json(facts)
        event = AuditEvent(**columns, body=body, prev_hash=prev, hash=entry_hash(body))
        self.session.add(event)
        return event


def _actor_key(session: Session, actor: Inspector | str | None) -> str | None:
    if isinstance(actor, Inspector):
        return actor.cert_no
    return actor


def _last(session: Session, device_id: str) -> AuditEvent | None:
    return session.scalars(
        select(AuditEvent)
        .where(AuditEvent.device_id == device_id)
        .order_by(AuditEvent.seq.desc())
        .limit(1)
    ).first()


@contextmanager
def change(
    ws: Workspace,
    actor: Inspector | str | None,
    action: str,
    *,
    inspection: str | None = None,
    editable: bool = True,
    entity: Base | None = None,
) -> Iterator[Change]:
    """One audited user action; see the module docstring."""
    with ws.db.session() as session:
        session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})
        device = ws.db.device_id
        last = _last(session, device)
        loaded = None
        if inspection is not None:
            loaded = resolve_id(session, inspection)
            if editable:
                require_editable(loaded)
        who = _actor_key(session, actor if actor is not None else ws.actor)
        ch = Change(
            session=session,
            device_id=device,
            seq=1 if last is None else last.seq + 1,
            action=action,
            actor=who,
            inspection=loaded,
        )
        if entity is not None:
            ch.entity(entity)
        session.info["change"] = ch  # how a check tells a write inside a change from one outside
        # Every flush stamps what it writes, also the flushes the block makes itself.
        sa_event.listen(session, "before_flush", ch._before_flush)
        yield ch
        if not ch.unchanged or session.new or session.dirty or session.deleted:
            ch._event(GENESIS if last is None else last.hash)
