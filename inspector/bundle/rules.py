"""The merge rules that a laptop's bundle import (``inspector/bundle/merge.py``, ``_Merger``)
and the server's commit of a push (``inspector/central/service.py``, ``_Merge``) share: which
version of a row wins by the change stamps, what may still change in a signed inspection, and
when a signed inspection's record row may become another. Decisions only: each side reads and
writes its own storage (an ORM session on SQLite; Core on PostgreSQL) and calls these."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal

# A case's own rows (inspector/cases/): each belongs to its case (``case_id``), the case to the
# inspection its findings came from (None: a case opened from a lead).
CASE_PARTS = ("case_steps", "case_measures", "case_payments", "case_documents")
CASE_TABLES = ("cases", *CASE_PARTS)
# What a signature changes of a case document (its file, who signed): a signed one moves only
# to its next signature (next_signed_document).
CASE_DOCUMENT_FILE = frozenset({"path", "sha256", "size", "signatures", "signed_by", "signed_at"})
# What the office follows up after the visit: the ledger, the order and the case procedure (a
# case is opened only on findings of a signed inspection). A change on both sides is kept for
# the leader to settle, not a reason to refuse (a signed case document excepted).
FOLLOWED_UP = frozenset({"ledger_entries", "rectification_orders", *CASE_TABLES})
# What may still change in a signed inspection: its record (the later signatures), the
# append-only chains, and what the office follows up.
AFTER_SIGNING = frozenset({"records", "record_signatures", "custody_events", *FOLLOWED_UP})
# What a signed record states: a laptop taking a signed inspection must end with exactly these.
SIGNED_CONTENT = frozenset(
    {
        "answers",
        "evidence",
        "seal_items",
        "handwritten_signatures",
        "interviews",
        "claim_bills",
        "lead_checks",
        "drug_checks",
    }
)
# A record row's file: the one thing a signature changes (the record is signed by incremental
# updates of its PDF).
RECORD_FILE = frozenset({"path", "sha256", "size"})

Decision = Literal["keep", "update", "conflict"]


def stamp(data: Mapping[str, Any]) -> tuple[Any, Any]:
    """A row's change stamp: the device that changed it last and that device's event number."""
    return data.get("change_device_id"), data.get("change_seq")


def knows(heads: Mapping[str, int], device: Any, seq: Any) -> bool:
    """A log whose last event numbers per device are ``heads`` holds the change ``(device,
    seq)``: its maker had seen that version of the row."""
    return device is not None and seq is not None and heads.get(str(device), 0) >= int(seq)


def decide(
    local: Mapping[str, Any],
    incoming: Mapping[str, Any],
    *,
    here: Mapping[str, int],
    there: Mapping[str, int],
    unstamped: Decision = "conflict",
) -> Decision:
    """Which version of a row that differs wins: ``keep`` the local one when this side already
    knows the incoming change (it is older), ``update`` to the incoming one when its sender
    knew the local change (it came after), else ``conflict`` (both changed it). ``here`` and
    ``there`` are the two logs' heads; a local row without a stamp gets ``unstamped``."""
    if knows(here, *stamp(incoming)):
        return "keep"
    device, seq = stamp(local)
    if seq is None:
        return unstamped
    return "update" if knows(there, device, seq) else "conflict"


def may_add_to_signed(name: str) -> bool:
    """A row new to a signed inspection: only what grows after signing (and a log's entry)."""
    return name in AFTER_SIGNING or name == "audit_events"


def next_signed_version(
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    named: set[str],
    extends: Callable[[str, str], bool],
    content: Callable[[Mapping[str, Any]], Mapping[str, Any]],
) -> str | None:
    """Why a signed inspection's record row may not become ``new`` (None: it may). Only the
    next signature changes it: the same record but its file, the new file one that the
    record's signature rows name (``named``: their ``pdf_sha256``) and that begins with the old
    file's bytes (``extends(old_sha, new_sha)``, read from each side's own store)."""
    same = {k: v for k, v in content(old).items() if k not in RECORD_FILE}
    if same != {k: v for k, v in content(new).items() if k not in RECORD_FILE}:
        return "记录的内容变了"
    sha = str(new.get("sha256"))
    if sha not in named:
        return "新的记录文件不是签名后的版本"
    if extends(str(old.get("sha256")), sha):
        return None
    return "记录文件被替换"


def next_signed_document(
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    extends: Callable[[str, str], bool],
    content: Callable[[Mapping[str, Any]], Mapping[str, Any]],
) -> str | None:
    """Why a case document that carries signatures (``old``) may not become ``new`` (None: it
    may): only a later signature changes it, as a signed record's (next_signed_version). The
    same document but its file and signatures; the signatures ``old`` lists, then more; and a
    file that begins with the old file's bytes (``extends(old, new)``, each side's own store
    read by the row's ``path`` or ``sha256`` as the caller keeps files)."""
    same = {k: v for k, v in content(old).items() if k not in CASE_DOCUMENT_FILE}
    if same != {k: v for k, v in content(new).items() if k not in CASE_DOCUMENT_FILE}:
        return "文书的内容变了"
    before, after = list(old.get("signatures") or []), list(new.get("signatures") or [])
    if len(after) <= len(before) or after[: len(before)] != before:
        return "签名不是在已有签名之后增加的"
    if not extends(str(old.get("sha256")), str(new.get("sha256"))):
        return "文书文件被替换"
    return None
