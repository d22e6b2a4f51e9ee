"""Rows as the bundle holds them: one JSON object a line per table (``data/<table>.jsonl``),
every stored column by name, times as ISO 8601 UTC, dates as ISO dates, bytes as base64. The
same encoding serves comparing a bundle's row with this laptop's."""

from __future__ import annotations

import base64
import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, Enum, LargeBinary, Table, null

from inspector.db.models import Base, UTCDateTime

# In the order an import writes them: each after the tables it refers to.
TABLES = (
    "institutions",
    "inspectors",
    "inspector_conflicts",
    "checklist_snapshots",
    "draws",
    "inspections",
    "inspection_members",
    "answers",
    "drug_checks",
    "interviews",
    "evidence",
    "seal_items",
    "records",
    "handwritten_signatures",
    "record_signatures",
    "claim_samples",
    "claim_bills",
    "leads",
    "lead_checks",
    "ledger_entries",
    "case_actions",
    "follow_up_items",
    "rectification_orders",
    "compulsory_measures",
    "referrals",
    "received_referrals",
    "enforcement_documents",
    "custody_events",
    "tombstones",
    "audit_events",
)
# Each laptop's own: its settings, whom it trusts, its hand-over bookkeeping. Every other table
# travels in a bundle (tests/cli/test_bundle.py fails on a table in neither).
LOCAL = frozenset(
    {
        "settings",
        "trusted_certificates",
        "bundle_exports",
        "bundle_imports",
        "bundle_conflicts",
        "sync_servers",
        "sync_pushes",
        # The numbers this laptop gave out (its own sequence; the documents that carry them
        # travel, inspector/bureaus.py).
        "document_numbers",
        # The rule engine's runs and hits: made again from the settlement detail by running
        # the rules; the leads and findings made of them travel.
        "rule_runs",
        "rule_hits",
        # The case procedure's tables (inspector/cases/): a case is run by the bureau that
        # opened it, and neither a bundle's merge rules nor the central schema carry them yet.
        "cases",
        "case_steps",
        "case_measures",
        "case_payments",
        "case_documents",
        # The 追溯码 sweep's working rows (inspector/trace/): what travels is its record, the
        # scan log PDF in the evidence store with its SHA-256 in the custody chain.
        "trace_scans",
        "trace_purchases",
        # The office's campaigns as installed from sync pull (every laptop pulls its own copy;
        # what travels is an inspection's campaign_id).
        "campaigns",
        # What the office assigned and this laptop pulled: the inspections and leads it made
        # travel (their ids are the office's), not this bookkeeping.
        "office_assignments",
    }
)
# Tables whose rows carry the change stamps (inspector/audit.py).
STAMPED = frozenset(TABLES) - {
    "checklist_snapshots",
    "tombstones",
    "audit_events",
}
BOOKKEEPING = frozenset({"updated_at", "change_device_id", "change_seq"})


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def member_name(name: str) -> str:
    return f"data/{name}.jsonl"


def primary_key(name: str) -> tuple[str, ...]:
    return tuple(column.name for column in table(name).primary_key.columns)


def encode(name: str, row: Any) -> dict[str, Any]:
    """A row (a Core result row or mapping) as plain JSON values."""
    mapping = row._mapping if hasattr(row, "_mapping") else row
    out: dict[str, Any] = {}
    for column in table(name).columns:
        value = mapping[column.name]
        if isinstance(value, datetime | date):
            value = value.isoformat()
        elif isinstance(value, bytes | memoryview):
            value = base64.b64encode(bytes(value)).decode("ascii")
        elif isinstance(value, str):  # StrEnum members too
            value = str(value)
        out[column.name] = value
    return out


def decode(name: str, data: dict[str, Any]) -> dict[str, Any]:
    """A bundle's row back into the values the table's columns take. Unknown columns are
    refused by the caller (:func:`unknown_columns`)."""
    out: dict[str, Any] = {}
    for column in table(name).columns:
        if column.name not in data:
            continue
        value = data[column.name]
        kind = column.type
        if value is None:
            # SQL NULL, not the JSON text "null" SQLAlchemy would store for a None.
            out[column.name] = null() if isinstance(kind, JSON) else None
        elif isinstance(kind, UTCDateTime):
            out[column.name] = datetime.fromisoformat(value)
        elif isinstance(kind, Date):
            out[column.name] = date.fromisoformat(value)
        elif isinstance(kind, LargeBinary):
            out[column.name] = base64.b64decode(value, validate=True)
        elif isinstance(kind, Enum) and kind.enum_class is not None:
            out[column.name] = kind.enum_class(value)
        else:
            out[column.name] = value
    return out


def unknown_columns(name: str, data: dict[str, Any]) -> list[str]:
    known = {column.name for column in table(name).columns}
    return sorted(key for key in data if key not in known)


def content(data: dict[str, Any]) -> dict[str, Any]:
    """What a row says, without the columns a later change stamps."""
    return {k: v for k, v in data.items() if k not in BOOKKEEPING}


def line(data: dict[str, Any]) -> bytes:
    """One row as a line of the bundle: keys in the table's order, and JSON values in the
    order they were stored, so that a row written back is the same bytes."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
