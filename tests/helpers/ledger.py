"""Inspections signed through the real steps (handwritten signatures, finish, record build,
digital signatures with trial keys, leader last), for the ledger's tests."""

from __future__ import annotations

from collections.abc import Sequence

from inspector.inspections import TeamMember, create_inspection, save_answer
from inspector.record.build import build_record
from inspector.record.content import add_signature, record_refusal
from inspector.record.signing import sign_record
from inspector.signing.keystore import KeyStore
from inspector.workspace import Workspace
from tests.helpers.cli import STROKES
from tests.helpers.lawful import finish_lawfully, lawful

PASSPHRASE = "口令-正确-1234"

TEAM = (TeamMember("张伟", "370100001"), TeamMember("李娜", "370100002"))
LEADER = "370100002"


def team_keys(ws: Workspace) -> dict[str, str]:
    store = KeyStore.of(ws)
    return {
        member.cert_no: store.self_signed_for_trials(member.name, member.cert_no, PASSPHRASE).key_id
        for member in TEAM
    }


def plan(
    ws: Workspace,
    institution: str,
    *,
    type_code: str = "primary_care",
    mode: str = "surprise",
    district: str = "历城区",
) -> str:
    return create_inspection(
        ws,
        institution=institution,
        type_code=type_code,
        mode=mode,
        district=district,
        team=list(TEAM),
        leader=LEADER,
    )


def sign(ws: Workspace, inspection_id: str, keys: dict[str, str]) -> None:
    """Finish and sign ``inspection_id`` as a team does: the ledger entry happens there."""
    lawful(ws, inspection_id)  # the law's minimums, captured before anyone signs
    for member in TEAM:
        add_signature(ws, inspection_id, "inspector", member.name, STROKES, cert_no=member.cert_no)
    record_refusal(
        ws,
        inspection_id,
        "王某",
        "不认可检查结论",
        "赵某",
        STROKES,
        witness_id_no="11010519491231002X",
        witness_relation="无关系",
    )
    finish_lawfully(ws, inspection_id)
    build_record(ws, inspection_id)
    sign_record(ws, inspection_id, keys["370100001"], PASSPHRASE)
    sign_record(ws, inspection_id, keys[LEADER], PASSPHRASE)


def signed_inspection(
    ws: Workspace,
    keys: dict[str, str],
    institution: str,
    findings: Sequence[tuple[str, str | None, str | None]],
    **where: str,
) -> str:
    """A signed inspection with ``findings`` (item code, amount in yuan, violation code)."""
    inspection_id = plan(ws, institution, **where)
    for item_code, amount, violation in findings:
        save_answer(
            ws,
            inspection_id,
            item_code,
            "problem",
            note=f"{institution} {item_code}",
            amount=amount,
            violation=violation,
        )
    sign(ws, inspection_id, keys)
    return inspection_id


def interview_ready(ws: Workspace, interview: str, certs: Sequence[str] | None = None) -> None:
    """What the law asks of an interview before anyone signs it, through
    the core: ``certs`` (TEAM's by default) as 询问人, the first also 记录人, the interviewee
    identified, each 询问人's 执法证件 shown, every right told (the 回避 notice answered), the
    interviewee's own confirmation."""
    from inspector.record.content import update_interview
    from inspector.record.interview import (
        record_credentials_shown,
        record_rights_told,
        set_confirmation,
        set_interviewers,
    )
    from inspector.record.interview_rules import RIGHTS

    chosen = list(certs or [member.cert_no for member in TEAM])
    set_interviewers(ws, interview, chosen)
    update_interview(ws, interview, recorder=chosen[0], id_no="11010519491231002X")
    for cert in chosen:
        record_credentials_shown(ws, interview, cert)
    record_rights_told(ws, interview, list(RIGHTS), {"recusal": "不申请回避"})
    set_confirmation(ws, interview, "以上笔录我已看过，与我所说的一致")
