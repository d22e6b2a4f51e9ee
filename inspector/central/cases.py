"""The case procedure's rows in a push (inspector/bundle/cases.py says whose they are and what
vouches for them), as the server's merge (``_Merge`` in service.py) keeps them in ``rows``:

- ``cases``: ``rows.inspection_id`` is the case's own ``inspection_id``, the inspection its
  findings came from; NULL for a case opened from a lead (no inspection);
- ``case_steps``, ``case_measures``, ``case_payments``, ``case_documents``: the inspection of
  their case (``data->>'case_id'``), as the push or the server holds that case; NULL with it;
- ``row_key`` is ``["<id>"]`` for each; ``data`` the row as the laptop holds it (amounts in fen:
  ``case_measures.kind`` refund|fine|confiscate|reject|…, ``amount_fen`` decided;
  ``case_payments.measure_id``, ``amount_fen`` paid; a case document's PDF in the store under
  its ``sha256`` with the suffix ``.pdf``).

A row the change that stamped it does not vouch for refuses the push (:func:`check_rows`); a
signed case document the server holds moves only to its next signature
(:func:`check_next_document`)."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, select

from inspector.bundle import rules
from inspector.bundle.cases import NAMES, unvouched
from inspector.bundle.rows import content
from inspector.bundle.verify import read_rows
from inspector.central import schema as s


def owner(c: Connection, known: dict[str, Any], name: str, data: dict[str, Any]) -> str | None:
    """The inspection a case table's row belongs to on the server (see the module docstring);
    ``known``: case → inspection, of the push's case rows read so far (filled here)."""
    if name == "cases":
        known.setdefault(str(data.get("id")), data.get("inspection_id"))
        value = data.get("inspection_id")
        return None if value is None else str(value)
    case = str(data.get("case_id"))
    if case not in known:
        known[case] = c.scalar(
            select(s.rows.c.inspection_id).where(
                s.rows.c.table_name == "cases", s.rows.c.row_key == json.dumps([case])
            )
        )
    value = known[case]
    return None if value is None else str(value)


def check_rows(c: Connection, archive: zipfile.ZipFile) -> None:
    """Every row of a case in the push is as the change that stamped it left it: that change's
    audit entry, in the server's rows once the push's log is merged (run after the rows)."""
    from inspector.central.service import Refused

    r = s.rows.c
    for name in rules.CASE_TABLES:
        for data in read_rows(archive, name):
            event = c.scalar(
                select(r.data).where(
                    r.table_name == "audit_events",
                    r.change_device_id == data.get("change_device_id"),
                    r.change_seq == data.get("change_seq"),
                )
            )
            why = unvouched(name, data, event)
            if why is not None:
                raise Refused(
                    "推送中的{what} {id} 与给它盖章的操作（设备 {device} 第 {seq} 条）不符"
                    "（{why}）：已拒绝，服务器数据未改变",
                    what=NAMES[name],
                    id=str(data.get("id"))[:8],
                    device=str(data.get("change_device_id"))[:8],
                    seq=data.get("change_seq"),
                    why=why,
                )


def check_next_document(
    held: dict[str, Any], data: dict[str, Any], extends: Callable[[str, str], bool]
) -> None:
    """A case document the server holds with signatures is replaced only by its next signed
    version (rules.next_signed_document); ``extends(old_sha, new_sha)`` reads the store."""
    from inspector.central.service import Refused

    if not held.get("signatures"):
        return
    why = rules.next_signed_document(held, data, extends, content)
    if why is not None:
        raise Refused(
            "案件文书 {document}（{title}）在服务器上已有签名，推送中它的版本不是其后的签名版本"
            "（{why}）：已拒绝，服务器数据未改变",
            document=str(data.get("id"))[:8],
            title=str(held.get("title") or ""),
            why=why,
        )
