"""What vouches for a case's row in a bundle or a push (inspector/bundle/cases.py): the change
that stamped it, by the state it hashed; decided on plain rows, as both the laptop and the
server hold them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from inspector.bundle import rows
from inspector.bundle.cases import unvouched
from inspector.change import state_hash
from inspector.db.models import CaseDocument, CasePayment

CHINA = timezone(timedelta(hours=8))
MADE = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)


def _payment() -> CasePayment:
    return CasePayment(id="p1", device_id="dev", created_at=MADE, updated_at=MADE,
                       change_device_id="dev", change_seq=7, case_id="c1", measure_id="m1",
                       on_date=date(2026, 12, 7), amount_fen=120000, receipt_no="R-1",
                       note="")  # fmt: skip


def _data(name: str, row: Any) -> dict[str, Any]:
    """The row as it travels (rows.encode of its stored columns: times in UTC)."""
    values = {c.name: getattr(row, c.key) for c in row.__table__.columns}
    for key, value in values.items():
        if isinstance(value, datetime):
            values[key] = value.astimezone(UTC)
    return rows.encode(name, values)


def _event(row: Any, **more: Any) -> dict[str, Any]:
    return {"action": "case.payment", "entity_type": row.__tablename__, "entity_id": row.id,
            "state_sha256": state_hash(row), "body": "{}", **more}  # fmt: skip


def test_a_row_is_vouched_for_only_as_its_change_hashed_it() -> None:
    payment = _payment()
    data, event = _data("case_payments", payment), _event(payment)
    assert unvouched("case_payments", data, event) is None
    raised = {**data, "amount_fen": 1200000}
    assert unvouched("case_payments", raised, event) == "与给它盖章的操作所存的状态不符，被改过"
    other = {**data, "id": "p2"}  # a row slipped in under this change's stamp
    assert unvouched("case_payments", other, event) == "给它盖章的操作记的是另一条数据"
    assert unvouched("case_payments", data, None) == "操作记录中没有给它盖章的那一条"
    assert unvouched("case_payments", {**data, "change_seq": None}, event) == "没有改动标记"
    assert unvouched("answers", raised, event) is None  # not a case's row: the record vouches


def test_a_document_signed_in_china_time_is_vouched_for_as_it_travels_in_utc() -> None:
    """The signing moment was hashed as the signer's clock held it (+08:00); stored and read
    back in UTC it is the same moment, and the same state."""
    signed = datetime(2026, 12, 7, 18, 30, tzinfo=CHINA)
    document = CaseDocument(id="d1", device_id="dev", created_at=MADE, updated_at=MADE,
                            change_device_id="dev", change_seq=9, case_id="c1", kind="notice",
                            title="行政处罚事先告知书", doc_no="J-1", issued_on=date(2026, 12, 7),
                            path="records/case-c1/notice-signed-1.pdf", sha256="a" * 64,
                            size=10, content={}, signer_role="head",
                            signers=[{"cert_no": "370100004", "name": "陈刚"}],
                            signature_box=[[1, 0, 0, 10, 10]],
                            signatures=[{"cert_no": "370100004", "name": "陈刚",
                                         "at": signed.isoformat()}],
                            signed_by="370100004", signed_at=signed)  # fmt: skip
    event = _event(document, action="case.document.sign")
    data = _data("case_documents", document)
    assert data["signed_at"].endswith("+00:00")
    assert unvouched("case_documents", data, event) is None
    assert unvouched("case_documents", {**data, "sha256": "b" * 64}, event) is not None
