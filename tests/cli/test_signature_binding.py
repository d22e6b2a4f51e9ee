"""A hand signature binds to what was signed. The party signs "无异议" under
one finding of ¥1,000; the team reopens, makes it two findings of ¥150,000 and rebuilds; the
inspectors' attempt to sign digitally (and so lock) is refused naming the party's signature as
void; only after the party signs again does it lock, and the record carries the new signature
only. The same for the inspectors' own hand signatures. Void signatures are kept and logged."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from inspector.audit import events
from inspector.db.models import HandwrittenSignature
from inspector.errors import InvalidInput
from inspector.inspections import get_inspection
from inspector.record.binding import stale_signatures
from inspector.record.content import add_signature, render_strokes, signatures
from inspector.record.signing import read_subject_fields
from inspector.record.status import latest_record
from inspector.workspace import Workspace
from tests.helpers.cli import MEMBERS, STROKES, Cli, interview_ready, new_inspection, trial_keys
from tests.helpers.lawful import NO_EVIDENCE, lawful_cli

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

# The party's second signature: other strokes, so that its picture differs from the first.
AGAIN = [[[0, 10], [30, 0], [60, 10]], [[0, 30], [60, 30]], [[30, 0], [30, 40]]]


def _strokes(tmp_path: Path, name: str, strokes: list) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(strokes), encoding="utf-8")
    return str(path)


def _inspectors_sign(cli: Cli, inspection_id: str, strokes: str) -> None:
    for name, cert in MEMBERS:
        cli("record", "sign-hand", inspection_id, "--role", "inspector", "--name", name,
            "--cert-no", cert, "--strokes", strokes)  # fmt: skip


def _party_signed_one_finding(cli: Cli, tmp_path: Path) -> str:
    """The party has signed "无异议" under one finding of ¥1,000, the inspectors too; the visit
    is finished and its record built."""
    inspection_id = new_inspection(cli, "--leader", "370100002")
    cli("answer", inspection_id, "P5.1", "--result", "problem", "--note", "床位空置",
        "--amount", "1000", "--violation", "VH04")  # fmt: skip
    cli("record", "statement", inspection_id, "--text", "无异议", "--representative", "王某")
    lawful_cli(cli, inspection_id)  # the law's minimums, captured before anyone signs
    strokes = _strokes(tmp_path, "s.json", STROKES)
    _inspectors_sign(cli, inspection_id, strokes)
    cli("record", "sign-hand", inspection_id, "--role", "party", "--name", "王某",
        "--strokes", strokes, "--confirmation", "signature")  # fmt: skip
    cli("inspection", "finish", inspection_id)
    cli("record", "build", inspection_id)
    return inspection_id


def _change_to_two_big_findings(cli: Cli, inspection_id: str) -> None:
    cli("inspection", "reopen", inspection_id)
    cli("answer", inspection_id, "P5.1", "--result", "problem", "--note", "床位空置",
        "--amount", "150000", "--violation", "VH04")  # fmt: skip
    cli("answer", inspection_id, "P1.1", "--result", "problem", "--note", "无资质人员执业",
        "--amount", "150000")  # fmt: skip
    lawful_cli(cli, inspection_id)  # the new findings' evidence, or why there is none
    cli("inspection", "finish", inspection_id)
    cli("record", "build", inspection_id)


def test_the_party_signature_does_not_follow_changed_content_cli(
    cli: Cli, tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = trial_keys(cli, monkeypatch)
    inspection_id = _party_signed_one_finding(cli, tmp_path)
    out, _ = cli("record", "status", inspection_id)
    assert "还需手写签名" not in out
    _change_to_two_big_findings(cli, inspection_id)

    # Everyone signed on the old data: each is named void, the party among them.
    _, err = cli("record", "sign", inspection_id, "--key", keys["370100001"], expect=1)
    assert "请先完成手写签名" in err
    assert "被检查单位代表 王某 的签名已失效（签名后记录内容有变更）" in err
    assert "检查人员 张伟 的签名已失效" in err and "检查人员 李娜 的签名已失效" in err

    # The inspectors sign again by hand: still refused, naming the party's signature only.
    strokes = _strokes(tmp_path, "s.json", STROKES)
    _inspectors_sign(cli, inspection_id, strokes)
    cli("record", "build", inspection_id)
    _, err = cli("record", "sign", inspection_id, "--key", keys["370100001"], expect=1)
    assert "被检查单位代表 王某 的签名已失效" in err and "张伟" not in err
    out, _ = cli("record", "status", inspection_id, "--json", expect=1)
    status = json.loads(out)
    assert status["must_sign"] == [
        "被检查单位代表 王某 的签名已失效（签名后记录内容有变更），须重新签名"
    ]
    assert {(v["role"], v["name"]) for v in status["void"]} >= {
        ("party", "王某"),
        ("inspector", "张伟"),
        ("inspector", "李娜"),
    }
    # Nothing was signed or locked by the refused attempts.
    with Workspace.open(home) as ws:
        record = latest_record(ws, inspection_id)
        assert record is not None and not record.signatures
        assert get_inspection(ws, inspection_id).status.value == "awaiting_signatures"

    # The party reads the new record and signs again; now it signs and locks.
    cli("record", "sign-hand", inspection_id, "--role", "party", "--name", "王某",
        "--strokes", _strokes(tmp_path, "again.json", AGAIN),
        "--confirmation", "signature")  # fmt: skip
    cli("record", "build", inspection_id)
    out, _ = cli("record", "sign", inspection_id, "--key", keys["370100001"], "--json")
    assert json.loads(out)["locked"]
    out, _ = cli("record", "sign", inspection_id, "--key", keys["370100002"], "--json")
    final = Path(json.loads(out)["path"])

    with Workspace.open(home) as ws:
        live = signatures(ws, inspection_id)
        (party,) = [s for s in live if s.role == "party"]
        assert party.image_png == render_strokes(AGAIN)  # the new signature, not the old
        kept = signatures(ws, inspection_id, include_void=True)
        old = [s for s in kept if s.role == "party" and s.voided_at is not None]
        assert len(old) == 1 and old[0].image_png == render_strokes(STROKES)  # kept, void
        # The signed record states the data with the new signature (its picture's hash).
        assert read_subject_fields(final)["data"] == latest_record(ws, inspection_id).data_sha256
        logged = [e for e in events(ws, inspection=inspection_id) if e.action == "signature.void"]
        assert logged and "王某" in json.dumps(json.loads(logged[0].body), ensure_ascii=False)
    text = _pdftotext(final)
    assert "150,000.00" in text or "150000.00" in text
    assert text.count("被检查单位代表") >= 1


def _pdftotext(path: Path) -> str:
    import subprocess

    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_an_inspector_hand_signature_does_not_follow_changed_content(
    workspace: Workspace, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the inspector's hand signature is old: it is named void and nothing locks."""
    keys = trial_keys(cli, monkeypatch)
    inspection_id = new_inspection(cli, "--leader", "370100002")
    lawful_cli(cli, inspection_id)
    strokes = _strokes(tmp_path, "s.json", STROKES)
    cli("record", "sign-hand", inspection_id, "--role", "inspector", "--name", "张伟",
        "--cert-no", "370100001", "--strokes", strokes)  # fmt: skip
    cli("answer", inspection_id, "P5.1", "--result", "problem", "--note", "床位空置",
        "--amount", "1000", "--no-evidence-reason", NO_EVIDENCE)  # fmt: skip
    cli("record", "sign-hand", inspection_id, "--role", "inspector", "--name", "李娜",
        "--cert-no", "370100002", "--strokes", strokes)  # fmt: skip
    cli("record", "sign-hand", inspection_id, "--role", "party", "--name", "王某",
        "--strokes", strokes)  # fmt: skip
    cli("inspection", "finish", inspection_id)
    cli("record", "build", inspection_id)
    _, err = cli("record", "sign", inspection_id, "--key", keys["370100001"], expect=1)
    assert "检查人员 张伟 的签名已失效" in err
    assert "李娜" not in err and "王某" not in err
    assert stale_signatures(workspace, inspection_id) == []  # the build voided it already
    with workspace.db.session() as session:
        void = session.scalar(
            select(func.count())
            .select_from(HandwrittenSignature)
            .where(HandwrittenSignature.voided_at.is_not(None))
        )
    assert void == 1  # voided by the build, kept
    (gone,) = [s for s in signatures(workspace, inspection_id, include_void=True) if s.voided_at]
    assert gone.signer_name == "张伟" and gone.void_reason == "签名后记录内容有变更"


def test_finishing_alone_does_not_void_but_a_stale_screen_is_refused(
    workspace: Workspace, cli: Cli, tmp_path: Path
) -> None:
    """Signing then finishing (the usual order on site) keeps the signatures; a signature given
    on a rendering older than the data is refused outright."""
    inspection_id = new_inspection(cli, "--leader", "370100002")
    lawful_cli(cli, inspection_id)
    strokes = _strokes(tmp_path, "s.json", STROKES)
    _inspectors_sign(cli, inspection_id, strokes)
    cli("inspection", "finish", inspection_id)
    assert stale_signatures(workspace, inspection_id) == []
    with pytest.raises(InvalidInput, match="已不是当前的记录"):
        add_signature(workspace, inspection_id, "party", "王某", STROKES, seen="0" * 64)
    assert not [s for s in signatures(workspace, inspection_id) if s.role == "party"]


def test_replacing_a_signature_keeps_the_old_one_void(workspace: Workspace, cli: Cli) -> None:
    inspection_id = new_inspection(cli)
    add_signature(workspace, inspection_id, "party", "王某", STROKES)
    add_signature(workspace, inspection_id, "party", "王某", AGAIN)
    kept = signatures(workspace, inspection_id, include_void=True)
    assert [(s.role, s.voided_at is not None) for s in kept] == [("party", True), ("party", False)]
    assert hashlib.sha256(kept[1].image_png or b"").digest()


def test_an_interviewee_signature_does_not_follow_an_added_answer(
    workspace: Workspace, cli: Cli
) -> None:
    """The same rule for an interview record: a question added after the interviewee signed
    voids that signature; the record's own signatures are untouched."""
    from inspector.record.build import build_interview_record
    from inspector.record.content import add_question, new_interview
    from inspector.record.signing import missing_handwritten

    inspection_id = new_inspection(cli, "--leader", "370100002")
    interview = new_interview(workspace, inspection_id, "钱某", role="护士")
    add_question(workspace, interview, "床位是否有人？", "没有。")
    interview_ready(cli, interview)
    add_signature(workspace, inspection_id, "interviewee", "钱某", STROKES, interview_id=interview)
    add_signature(workspace, inspection_id, "party", "王某", STROKES)
    assert stale_signatures(workspace, inspection_id, interview) == []
    add_question(workspace, interview, "病人去哪里了？", "回家了。")
    build_interview_record(workspace, interview)
    missing = missing_handwritten(workspace, inspection_id, interview)
    assert "被询问人 钱某 的签名已失效（签名后记录内容有变更），须重新签名" in missing
    assert stale_signatures(workspace, inspection_id) == []  # the record's party signature
    assert [s.role for s in signatures(workspace, inspection_id)] == ["party"]


def test_the_bureau_s_way_of_confirming_is_a_setting(cli: Cli) -> None:
    _, err = cli("config", "party_confirmation", "stamp", expect=1)
    assert "核对方式" in err
    out, _ = cli("config", "party_confirmation", "initials")
    assert "party_confirmation = initials" in out
