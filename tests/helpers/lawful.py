"""A lawful inspection for the tests that finish, sign or lock a record: what the law requires
of an on-site record (inspector/record/legal.py) captured through the real commands and core
functions: each present member's certificate shown, the three notices told with the party's
answers, the recorder, the party identified. A finding without evidence gets a stated reason
(NO_EVIDENCE) and one without an amount an explicit 不涉及金额; a finding's note is never made
up: a test whose finding has none is refused, as the law wants."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

# A valid 统一社会信用代码 (GB 32100-2015) and 身份证号 (GB 11643's own example).
CREDIT_CODE = "91350100M000100Y43"
ID_NO = "11010519491231002X"
NO_EVIDENCE = "现场未取得书证（测试）"


def _finding_gaps(missing: list[dict[str, Any]]) -> list[tuple[str, bool, bool]]:
    """(item, lacks an amount, lacks evidence) of each finding the minimums name."""
    return [
        (m["code"].split(":", 1)[1], "金额" in m["text"], "证据" in m["text"])
        for m in missing
        if m["code"].startswith("finding:")
    ]


def lawful_cli(cli: Any, inspection_id: str, certs: Sequence[str] | None = None) -> None:
    """Through the command line: ``certs`` (default: the conftest TEAM's two) show their
    certificates, the first tells, records and is the recorder; the party is the unit of
    CREDIT_CODE (or the person of ID_NO, ``lawful_cli_person``)."""
    from tests.helpers.cli import MEMBERS

    certs = list(certs or [cert for _name, cert in MEMBERS])
    _out, _err = cli("inspection", "minimums", inspection_id, "--json", expect=None)
    if not json.loads(_out)["missing"]:
        return  # all captured: nothing changes (signatures given since stay valid)
    for cert in certs:
        cli("inspection", "certificate", inspection_id, cert)
    cli("inspection", "tell", inspection_id, "recusal", "--by", certs[0], "--reply", "不申请回避")
    cli("inspection", "tell", inspection_id, "duty", "--by", certs[0], "--reply", "配合")
    cli("inspection", "tell", inspection_id, "opinion", "--by", certs[0])
    cli("record", "party", inspection_id, "--credit-code", CREDIT_CODE, "--recorder", certs[0])
    out, _ = cli("inspection", "minimums", inspection_id, "--json", expect=None)
    for item, amount, evidence in _finding_gaps(json.loads(out)["missing"]):
        extra = (["--no-amount"] if amount else []) + (
            ["--no-evidence-reason", NO_EVIDENCE] if evidence else []
        )
        cli("answer", inspection_id, item, "--result", "problem", *extra)


def lawful(ws: Any, inspection_id: str, *, person: bool = False) -> None:
    """Through the core: every present member shows the certificate; the first member tells
    the three notices and is the recorder; the party is identified (a unit, or a person)."""
    from inspector.inspections import get_inspection
    from inspector.record.content import set_party_details
    from inspector.record.legal import check_minimums, is_covert, show_certificate, tell

    if not check_minimums(ws, inspection_id):
        return  # all captured: nothing changes (signatures given since stay valid)
    view = get_inspection(ws, inspection_id)
    if is_covert(ws, view.mode):
        from inspector.record.legal import disclose

        disclose(ws, inspection_id)
    certs = [cert for _name, cert, _role in view.team]
    for cert in certs:
        show_certificate(ws, inspection_id, cert)
    tell(ws, inspection_id, "recusal", by=certs[0], reply="不申请回避")
    tell(ws, inspection_id, "duty", by=certs[0], reply="配合")
    tell(ws, inspection_id, "opinion", by=certs[0])
    if person:
        set_party_details(ws, inspection_id, id_no=ID_NO, recorder=certs[0])
    else:
        set_party_details(ws, inspection_id, credit_code=CREDIT_CODE, recorder=certs[0])
    from inspector.inspections import save_answer

    gaps = [{"code": m.code, "text": m.text} for m in check_minimums(ws, inspection_id)]
    for item, amount, evidence in _finding_gaps(gaps):
        save_answer(
            ws,
            inspection_id,
            item,
            "problem",
            no_amount=True if amount else None,
            no_evidence_reason=NO_EVIDENCE if evidence else None,
        )


def finish_lawfully(ws: Any, inspection_id: str) -> None:
    """:func:`lawful`, then finish the visit (what most tests that sign a record need)."""
    from inspector.inspections import finish_inspection

    lawful(ws, inspection_id)
    finish_inspection(ws, inspection_id)
