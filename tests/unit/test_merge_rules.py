"""The merge rules both a bundle import and the server's commit of a push decide by
(inspector/bundle/rules.py): one definition, each side's storage apart."""

from __future__ import annotations

from typing import Any

from inspector.bundle import merge as laptop
from inspector.bundle import rows, rules
from inspector.central import service as server


def _row(device: str | None, seq: int | None, **rest: Any) -> dict[str, Any]:
    return {"change_device_id": device, "change_seq": seq, **rest}


def test_which_version_wins() -> None:
    here, there = {"a": 5, "b": 2}, {"a": 3, "b": 7}
    decide = rules.decide
    # this side knows the incoming change already: it is older than what is here
    assert decide(_row("b", 9), _row("a", 4), here=here, there=there) == "keep"
    # the sender knew this side's change and changed the row after
    assert decide(_row("a", 3), _row("b", 7), here=here, there=there) == "update"
    # each changed it without the other's version
    assert decide(_row("a", 5), _row("b", 7), here=here, there=there) == "conflict"
    # a row without a stamp: the laptop keeps it as a conflict, the server takes the push's
    assert decide(_row(None, None), _row("b", 7), here=here, there=there) == "conflict"
    assert decide(_row(None, None), _row("b", 7), here={}, there=there, unstamped="update") == (
        "update"
    )
    assert not rules.knows(there, None, 1) and not rules.knows(there, "a", None)
    assert rules.knows(there, "a", 3) and not rules.knows(there, "a", 4)


def test_what_may_change_in_a_signed_inspection() -> None:
    assert rules.FOLLOWED_UP < rules.AFTER_SIGNING
    assert not rules.SIGNED_CONTENT & rules.AFTER_SIGNING
    for name in ("records", "record_signatures", "custody_events", "audit_events"):
        assert rules.may_add_to_signed(name)
    for name in ("answers", "evidence", "inspections", "institutions"):
        assert not rules.may_add_to_signed(name)
    # both sides read the one definition
    assert laptop.AFTER_SIGNING is rules.AFTER_SIGNING
    assert laptop.FOLLOWED_UP is server.FOLLOWED_UP is rules.FOLLOWED_UP


def test_a_signed_record_row_changes_only_to_its_next_signed_version() -> None:
    old = {"id": "r1", "record_no": "J-1", "path": "a.pdf", "sha256": "a" * 64, "size": 10}
    new = {**old, "path": "b.pdf", "sha256": "b" * 64, "size": 20}

    def check(data: dict[str, Any], named: set[str], extends: bool) -> str | None:
        return rules.next_signed_version(old, data, named, lambda a, b: extends, rows.content)

    assert check(new, {"b" * 64}, True) is None
    assert check({**new, "record_no": "J-2"}, {"b" * 64}, True) == "记录的内容变了"
    assert check(new, set(), True) == "新的记录文件不是签名后的版本"
    assert check(new, {"b" * 64}, False) == "记录文件被替换"


def test_a_signed_case_document_changes_only_to_its_next_signature() -> None:
    zhang = {"cert_no": "370100001", "name": "张伟", "at": "2026-12-07T10:00:00+08:00"}
    li = {"cert_no": "370100002", "name": "李娜", "at": "2026-12-07T11:00:00+08:00"}
    old = {"id": "d1", "kind": "decision", "doc_no": "J-1", "path": "a.pdf",
           "sha256": "a" * 64, "size": 10, "signatures": [zhang], "signed_by": None}  # fmt: skip
    new = {**old, "path": "b.pdf", "sha256": "b" * 64, "size": 20, "signatures": [zhang, li],
           "signed_by": "370100002", "signed_at": "2026-12-07T03:00:00+00:00"}  # fmt: skip

    def check(data: dict[str, Any], extends: bool = True) -> str | None:
        return rules.next_signed_document(old, data, lambda a, b: extends, rows.content)

    assert check(new) is None
    assert check({**new, "doc_no": "J-2"}) == "文书的内容变了"
    assert check({**old, "signatures": []}) == "签名不是在已有签名之后增加的"  # taken back
    assert check({**new, "signatures": [li]}) == "签名不是在已有签名之后增加的"  # another's
    assert check(new, extends=False) == "文书文件被替换"
    assert {"cases", *rules.CASE_PARTS} <= rules.FOLLOWED_UP  # grows after signing
