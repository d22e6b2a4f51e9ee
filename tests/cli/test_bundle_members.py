"""A team member's facts recorded after the visit is made (the 执法证件 shown, a recusal) travel
in a bundle to a laptop that already has the member, by the change stamps as every other row."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.helpers.bundle import bundle_export, bundle_import, full_visit, laptop_state
from tests.helpers.cli import Cli
from tests.helpers.lawful import lawful_cli

THIRD = ("王强", "370100003")


def _members(home: Path, inspection_id: str) -> dict[str, tuple[bool, bool, str | None]]:
    """cert_no -> (certificate shown, recused, reason)."""
    connection = sqlite3.connect(home / "inspector.sqlite3")
    try:
        found = connection.execute(
            "select i.cert_no, m.cert_shown_at is not null, m.recused, m.recusal_reason"
            " from inspection_members m join inspectors i on i.id = m.inspector_id"
            " where m.inspection_id = ?",
            (inspection_id,),
        ).fetchall()
    finally:
        connection.close()
    return {cert: (bool(shown), bool(recused), reason) for cert, shown, recused, reason in found}


def test_certificates_shown_and_a_recusal_reach_a_laptop_that_has_the_team(
    cli: Cli, office: Cli, tmp_path: Path
) -> None:
    inspection_id = full_visit(cli, tmp_path)
    cli("inspection", "member", inspection_id, f"{THIRD[0]}:{THIRD[1]}")
    bundle_export(cli, tmp_path / "one.zip")
    bundle_import(office, tmp_path / "one.zip")
    _out, _ = office("inspection", "minimums", inspection_id, expect=1)
    # The field laptop records what the law requires: certificates, notices, a recusal.
    cli("inspection", "recuse", inspection_id, THIRD[1], "--reason", "与被检查单位负责人系亲属")
    lawful_cli(cli, inspection_id)
    cli("inspection", "minimums", inspection_id)
    bundle_export(cli, tmp_path / "two.zip")
    out, _ = bundle_import(office, tmp_path / "two.zip", "--json")
    assert json.loads(out)["conflicts"] == []
    out, _ = office("inspection", "minimums", inspection_id)
    assert "均已记录" in out
    members = _members(office.home, inspection_id)
    assert members == _members(cli.home, inspection_id)
    assert members[THIRD[1]] == (False, True, "与被检查单位负责人系亲属")
    assert members["370100001"][0] and members["370100002"][0]
    office("audit", "verify")
    # Back to the field laptop: it knows all of it already.
    bundle_export(office, tmp_path / "back.zip")
    before = _members(cli.home, inspection_id)
    bundle_import(cli, tmp_path / "back.zip")
    assert _members(cli.home, inspection_id) == before


def test_a_member_changed_on_both_laptops_is_kept_for_the_leader(
    cli: Cli, office: Cli, tmp_path: Path
) -> None:
    inspection_id = full_visit(cli, tmp_path)
    cli("inspection", "member", inspection_id, f"{THIRD[0]}:{THIRD[1]}")
    bundle_export(cli, tmp_path / "one.zip")
    bundle_import(office, tmp_path / "one.zip")
    office("inspection", "recuse", inspection_id, THIRD[1], "--reason", "办公室记录的理由")
    cli("inspection", "recuse", inspection_id, THIRD[1], "--reason", "现场记录的理由")
    bundle_export(cli, tmp_path / "two.zip")
    out, _ = bundle_import(office, tmp_path / "two.zip", "--json")
    [conflict] = [c for c in json.loads(out)["conflicts"] if "检查组成员" in c["label"]]
    assert "recusal_reason" in conflict["fields"]
    assert _members(office.home, inspection_id)[THIRD[1]][2] == "办公室记录的理由"
    office("bundle", "settle", conflict["id"], "--keep", "incoming", "--as", "370100002")
    assert _members(office.home, inspection_id)[THIRD[1]][2] == "现场记录的理由"
    office("audit", "verify")


def test_a_member_changed_here_refuses_the_senders_signed_version(
    cli: Cli, office: Cli, team_keys: dict[str, str], tmp_path: Path
) -> None:
    """The field laptop signs; the office recorded a recusal on its unsigned copy meanwhile:
    the signed inspection cannot take the office's version, nor silently drop it."""
    from tests.helpers.bundle import sign_by_keys

    inspection_id = full_visit(cli, tmp_path)
    cli("inspection", "member", inspection_id, f"{THIRD[0]}:{THIRD[1]}")
    bundle_export(cli, tmp_path / "one.zip")
    bundle_import(office, tmp_path / "one.zip")
    office("inspection", "recuse", inspection_id, THIRD[1], "--reason", "办公室记录的理由")
    cli("inspection", "recuse", inspection_id, THIRD[1], "--reason", "现场记录的理由")
    sign_by_keys(cli, inspection_id, team_keys, tmp_path)
    bundle_export(cli, tmp_path / "signed.zip")
    before = laptop_state(office.home)
    _, err = bundle_import(office, tmp_path / "signed.zip", expect=1)
    assert "已签字锁定" in err and "两边各自修改过" in err
    assert laptop_state(office.home) == before
