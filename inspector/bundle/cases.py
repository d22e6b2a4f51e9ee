"""The case procedure's rows (inspector/cases/) in a bundle and a push: whose they are, and what
vouches for them.

Whose: a case belongs to the inspection its findings came from (``cases.inspection_id``); its
steps, measures, payments and documents belong to their case (``case_id``), so to that same
inspection. A case opened from a lead has no inspection: it and its rows travel with the
office's own rows (every whole export and push, never a bundle of chosen inspections), and
the central service keeps them with ``rows.inspection_id`` NULL (docs/central.md).

What vouches: no signed record states a case's rows (a signed inspection's rows are checked
against its record, bundle/signed.py). Each is vouched for by the change that stamped it: the
audit event ``(change_device_id, change_seq)`` names the row and holds the hash of its state
(inspector/change.py), and the log's chain and head statements prove the event. A row whose
state is not the one its event hashed was altered after it was made (an amount raised, a
document's file and hash swapped) and is refused; so is a row that no event names (one added
under another change's stamp). A step is hashed into its case's event (``step_sha256``).
The laptop's import (bundle/merge.py) and the server's merge (central/service.py) both ask
:func:`unvouched`."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from inspector.bundle import rows
from inspector.bundle.rules import CASE_TABLES
from inspector.change import state_hash
from inspector.db.models import Base

NAMES = {
    "cases": "案件",
    "case_steps": "案件步骤",
    "case_measures": "案件处理措施",
    "case_payments": "案件缴款",
    "case_documents": "案件文书",
}
# The action a conflict settled by the team leader stamps (bundle/merge.py settle_conflict):
# the row is the version the leader kept, and no state of it was hashed.
SETTLED = "bundle.settle"


def _mapper_class(name: str) -> type[Base]:
    for mapper in Base.registry.mappers:
        if mapper.local_table is not None and mapper.local_table.name == name:
            return mapper.class_
    raise KeyError(name)


def state_of(name: str, data: Mapping[str, Any]) -> str:
    """The hash a change keeps of a row's state (inspector/change.py ``state_hash``), of the
    row as a bundle gives it."""
    values = rows.decode(name, dict(data))
    for key in values:
        if data.get(key) is None:
            values[key] = None  # SQL NULL of a JSON column: the value was None
    return state_hash(_mapper_class(name)(**values))


def _states(name: str, data: Mapping[str, Any]) -> set[str]:
    """The row's state hash, and for a signed case document also as its signing moment was
    held when the change hashed it: in the signer's local time, as its last signature's
    ``at`` says (stored and read back in UTC, the same moment)."""
    found = {state_of(name, data)}
    signed, signatures = data.get("signed_at"), data.get("signatures") or []
    if name == "case_documents" and signed and signatures and isinstance(signatures[-1], dict):
        try:
            local = datetime.fromisoformat(str(signatures[-1].get("at")))
            moment = datetime.fromisoformat(str(signed))
        except ValueError:
            return found
        if local.tzinfo is not None and moment.tzinfo is not None:
            shifted = moment.astimezone(local.tzinfo).isoformat()
            found.add(state_of(name, {**data, "signed_at": shifted}))
    return found


def unvouched(name: str, data: Mapping[str, Any], event: Mapping[str, Any] | None) -> str | None:
    """Why the change that stamped this row of a case table does not vouch for it as given
    (None: it does). ``event``: that audit event's columns (``action``, ``entity_type``,
    ``entity_id``, ``state_sha256``, ``body``), None when no log holds it."""
    if name not in CASE_TABLES:
        return None
    if data.get("change_device_id") is None or data.get("change_seq") is None:
        return "没有改动标记"
    if event is None:
        return "操作记录中没有给它盖章的那一条"
    if event.get("action") == SETTLED:
        return None
    entity_type, entity_id = event.get("entity_type"), event.get("entity_id")
    if entity_type == name and entity_id == data.get("id"):
        expected = event.get("state_sha256")
        if expected and expected in _states(name, data):
            return None
        return "与给它盖章的操作所存的状态不符，被改过"
    if name == "case_steps" and entity_type == "cases" and entity_id == data.get("case_id"):
        try:
            details = json.loads(str(event.get("body") or "{}")).get("details") or {}
        except ValueError:
            details = {}
        kind = data.get("kind")
        if "step_sha256" in details:
            if details["step_sha256"] in _states(name, data):
                return None
            return "与给它盖章的操作所存的状态不符，被改过"
        if event.get("action") == f"case.{kind}" and details.get("step") == kind:
            return None  # an event without the step's hash: its action names the step
        return "与给它盖章的操作所存的状态不符，被改过"
    return "给它盖章的操作记的是另一条数据"
