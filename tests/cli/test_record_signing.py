"""Signing the record end to end from the command line: trial keys for the team, handwritten
signatures first, inspectors before the leader, the lock, and ``record verify`` agreeing with
poppler's pdfsig on valid, tampered and truncated files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from inspector.record.signing import verify_record
from inspector.signing.pdfsig import Agreement, compare, pdfsig_verdict
from inspector.workspace import Workspace
from tests.helpers.cli import (
    STROKES,
    Cli,
    interview_ready,
    new_inspection,
    sign_by_hand,
)
from tests.helpers.lawful import lawful_cli

pytestmark = pytest.mark.skipif(shutil.which("pdfsig") is None, reason="needs poppler-utils")


def _ready(cli: Cli, tmp_path: Path) -> str:
    """A finished inspection with its handwritten signatures and a record."""
    inspection_id = new_inspection(cli, "--leader", "370100002")
    cli("answer", inspection_id, "P5.1", "--result", "problem", "--note", "床位空置",
        "--amount", "3200", "--violation", "VH04")  # fmt: skip
    sign_by_hand(cli, inspection_id, tmp_path, reason="不认可检查结论")
    return inspection_id


def test_the_team_signs_in_order_and_the_record_locks(
    cli: Cli, team_keys: dict[str, str], tmp_path: Path, home: Path
) -> None:
    inspection_id = _ready(cli, tmp_path)
    _, err = cli("record", "sign", inspection_id, "--key", team_keys["370100002"], expect=1)
    assert "组长最后签名" in err and "张伟" in err
    out, _ = cli("record", "sign", inspection_id, "--key", team_keys["370100001"], "--json")
    first = json.loads(out)
    assert first["locked"] and first["remaining"] == ["李娜"]
    _, err = cli("answer", inspection_id, "P1.1", "--result", "ok", expect=1)
    assert "不能再修改" in err or "锁定" in err
    _, err = cli("record", "build", inspection_id, expect=1)
    assert "锁定" in err
    out, _ = cli("record", "sign", inspection_id, "--key", team_keys["370100002"], "--json")
    final = Path(json.loads(out)["path"])
    assert json.loads(out)["remaining"] == []
    # Incremental: the first signed version is a prefix of the second.
    assert final.read_bytes().startswith(Path(first["path"]).read_bytes())

    # Trial keys: intact, on the team, complete, but never trusted (exit 2, not 0).
    out, _ = cli("record", "verify", str(final), "--json", expect=2)
    report = json.loads(out)
    assert report["verdict"] == "untrusted" and not report["ok"]
    assert not report["problems"] and not report["record_problems"]
    assert len(report["signatures"]) == 2
    assert any("与本机数据库一致" in note for note in report["notes"])
    assert any("签名一致" in note for note in report["notes"])
    with Workspace.open(home) as ws:
        check = verify_record(ws, final)
    agreement, _ = compare(check.pdf, pdfsig_verdict(final))
    assert agreement is Agreement.AGREE


def test_signing_needs_the_handwritten_block_and_a_current_record(
    cli: Cli, team_keys: dict[str, str], tmp_path: Path
) -> None:
    inspection_id = new_inspection(cli, "--leader", "370100002")
    lawful_cli(cli, inspection_id)
    cli("inspection", "finish", inspection_id)
    _, err = cli("record", "sign", inspection_id, "--key", team_keys["370100001"], expect=1)
    assert "还没有生成检查记录" in err
    cli("record", "build", inspection_id)
    _, err = cli("record", "sign", inspection_id, "--key", team_keys["370100001"], expect=1)
    assert "请先完成手写签名" in err and "被检查单位代表" in err
    cli("record", "statement", inspection_id, "--text", "补充说明")
    _, err = cli("record", "sign", inspection_id, "--key", team_keys["370100001"], expect=1)
    assert "重新生成记录" in err


def test_a_key_of_someone_outside_the_team_is_refused(
    cli: Cli, team_keys: dict[str, str], tmp_path: Path
) -> None:
    inspection_id = _ready(cli, tmp_path)
    out, _ = cli("key", "trial", "--name", "王五", "--cert-no", "370199999", "--json")
    outsider = json.loads(out)["key_id"]
    _, err = cli("record", "sign", inspection_id, "--key", outsider, expect=1)
    assert "不属于本检查组" in err


def _signed(cli: Cli, team_keys: dict[str, str], tmp_path: Path) -> Path:
    inspection_id = _ready(cli, tmp_path)
    cli("record", "sign", inspection_id, "--key", team_keys["370100001"])
    out, _ = cli("record", "sign", inspection_id, "--key", team_keys["370100002"], "--json")
    return Path(json.loads(out)["path"])


def test_verify_names_a_tampered_and_a_truncated_record_as_pdfsig_does(
    cli: Cli, team_keys: dict[str, str], tmp_path: Path, home: Path
) -> None:
    final = _signed(cli, team_keys, tmp_path)
    data = final.read_bytes()
    tampered = tmp_path / "tampered.pdf"
    position = data.index(b"/Type /Page") + 2  # inside the signed range of both signatures
    tampered.write_bytes(data[:position] + b"X" + data[position + 1 :])
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(data[: len(data) * 2 // 3])
    with Workspace.open(home) as ws:
        for bad in (tampered, truncated):
            check = verify_record(ws, bad)
            assert not check.ok, bad.name
            agreement, said = compare(check.pdf, pdfsig_verdict(bad))
            assert agreement in (Agreement.AGREE, Agreement.STRICTER), (bad.name, said)
    cli("record", "verify", str(tampered), expect=1)


def test_verify_finds_data_changed_in_the_database_after_signing(
    cli: Cli, team_keys: dict[str, str], tmp_path: Path, home: Path
) -> None:
    import sqlite3

    final = _signed(cli, team_keys, tmp_path)
    connection = sqlite3.connect(home / "inspector.sqlite3")
    connection.execute("drop trigger answers_locked_update")  # as someone with the file might
    connection.execute("update answers set note = '改过的说明'")
    connection.commit()
    connection.close()
    out, _ = cli("record", "verify", str(final), "--json", expect=1)
    report = json.loads(out)
    assert report["signatures"] and all(s["intact"] for s in report["signatures"])
    assert any("不一致" in problem for problem in report["record_problems"])


def test_an_interview_record_is_built_and_signed_the_same_way(
    cli: Cli, team_keys: dict[str, str], tmp_path: Path
) -> None:
    inspection_id = new_inspection(cli, "--leader", "370100002")
    interview, _ = cli("interview", "new", inspection_id, "--name", "刘某", "--role", "患者家属")
    interview = interview.strip()
    cli("interview", "ask", interview, "-q", "病人晚上在哪里住？", "-a", "在家住")
    interview_ready(cli, interview)  # what the law asks of it first
    strokes = tmp_path / "s.json"
    strokes.write_text(json.dumps(STROKES), encoding="utf-8")
    cli(
        "record",
        "sign-hand",
        inspection_id,
        "--role",
        "interviewee",
        "--name",
        "刘某",
        "--strokes",
        str(strokes),
        "--interview",
        interview,
    )
    for name, cert in (("张伟", "370100001"), ("李娜", "370100002")):
        cli(
            "record",
            "sign-hand",
            inspection_id,
            "--role",
            "inspector",
            "--name",
            name,
            "--cert-no",
            cert,
            "--strokes",
            str(strokes),
            "--interview",
            interview,
        )
    out, _ = cli("record", "build", "--interview", interview, "--json")
    assert Path(json.loads(out)["path"]).name.startswith("interview-")
    for cert in ("370100001", "370100002"):
        cli("record", "sign", inspection_id, "--key", team_keys[cert], "--interview", interview)
    _, err = cli("interview", "ask", interview, "-q", "补问", "-a", "补答", expect=1)
    assert "已数字签名" in err
    _, err = cli("interview", "edit", interview, "1", "-q", "改问", "-a", "改答", expect=1)
    assert "已数字签名" in err
    _, err = cli("interview", "edit", interview[:8], "--recorder", "370100001", expect=1)
    assert "已数字签名" in err
    cli("answer", inspection_id, "P1.1", "--result", "ok")  # the inspection itself stays open
