"""The office assigns: the 双随机 draw run on the server over the registry and roster the office
published (verifiable by ``draw verify``, the same as a laptop's draw over the same inputs),
its visits pulled by the laptops of the teams' districts only, signed by the office's key
(a tampered, a stranger's or another laptop's package is refused and nothing installed), once."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from inspector.central.client import Connection
from inspector.central.pull_assignments import AssignmentsRefused, pull_assignments
from inspector.workspace import Workspace
from tests.helpers.assignments import (
    enroll,
    laptop_rows,
    office_key,
    publish_registry_and_roster,
    server_json,
)
from tests.helpers.central import Server, sync_enroll
from tests.helpers.cli import Cli
from tests.helpers.draw import REGISTRY, ROSTER
from tests.helpers.signing_pki import make_ca

SOURCES = "9319 / 2 5 8 10 12"


def test_an_office_draw_is_the_laptops_draw_verifiable_and_reaches_only_its_teams(
    server: Server, cli: Cli, office: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ca, p12 = office_key(server, tmp_path)
    publish_registry_and_roster(server, p12, tmp_path, REGISTRY, ROSTER)
    workbook = tmp_path / "office-draw.xlsx"
    drawn = server_json(
        server, "server", "draw", "--sources", SOURCES, "--count", "2", "--method", "rfc3797",
        "--days", "10", "--title", "2026 年第四季度双随机抽查", "--output", str(workbook),
    )  # fmt: skip
    assert len(drawn["assignments"]) == 2

    # anyone can run it again from the published workbook
    out, _ = cli("draw", "verify", str(workbook), "--json")
    assert json.loads(out)["ok"] is True

    # a laptop that installed the same registry and roster draws the same, from the same sources
    cert_district = {cert: district for _n, cert, district, _lead in ROSTER}
    leaders = [cert_district[team["team"][0]] for team in drawn["result"]]
    first, other = leaders[0], next(d for d in leaders if d != leaders[0])
    enroll(cli, server, ca, first)
    out, _ = cli("sync", "pull", "--json")
    assert {i["kind"] for i in json.loads(out)["installed"]} == {"registry", "roster"}
    out, _ = cli("draw", "run", "--institutions", "2", "--sources", SOURCES, "--method",
                 "rfc3797", "--out", str(tmp_path / "laptop.xlsx"), "--title",
                 "2026 年第四季度双随机抽查", "--dry-run", "--json")  # fmt: skip
    local = json.loads(out)
    assert local["key"] == drawn["key"] and local["inputs_sha256"] == drawn["inputs_sha256"]
    assert local["selected"] == drawn["result"]

    # each laptop pulls only its districts' teams' visits
    enroll(office, server, ca, other)
    out, _ = cli("sync", "assignments", "--json")
    mine = json.loads(out)
    out, _ = office("sync", "assignments", "--json")
    theirs = json.loads(out)
    want_mine = [t for t, d in zip(drawn["result"], leaders, strict=True) if d == first]
    want_theirs = [t for t, d in zip(drawn["result"], leaders, strict=True) if d == other]
    assert mine["pulled"]["visits"] == len(want_mine) and theirs["pulled"]["visits"] == len(
        want_theirs
    )
    planned = laptop_rows(cli.home, "inspections")
    assert len(planned) == len(want_mine)
    held = {a["inspection_id"] for a in mine["assignments"]}
    made = {row[0] for row in laptop_rows(cli.home, "inspections", "id")}
    assert made == held  # the visits are made under the office's ids
    with Workspace.open(cli.home) as ws:
        from inspector.inspections import get_inspection

        for assignment in mine["assignments"]:
            visit = get_inspection(ws, assignment["inspection_id"])
            assert visit.status.value == "draft"
            assert visit.mode == "random"
            from inspector.db.models import institution_id

            place = institution_id(visit.agreement_no, visit.institution_name, visit.district)
            team = next(t["team"] for t in want_mine if t["institution_id"] == place)
            assert [cert for _name, cert, _role in visit.team] == team
    pulled = server.sql("select count(*) from assignments where pulled_at is not null").strip()
    assert int(pulled) == len(want_mine) + len(want_theirs)
    shown = server_json(server, "server", "assignments")["status"]["visits"]
    assert shown["已领取"] == 2 and shown["已下达"] == 0

    # a second pull adds nothing
    before = {t: laptop_rows(cli.home, t) for t in ("inspections", "office_assignments", "draws")}
    out, _ = cli("sync", "assignments", "--json")
    again = json.loads(out)["pulled"]
    assert again["added"] == 0 and again["already"] == len(want_mine)
    assert {t: laptop_rows(cli.home, t) for t in before} == before
    events = laptop_rows(cli.home, "audit_events")

    # a package changed on the way (its signature no longer matches) is refused, nothing changes
    real = Connection.request

    def tampered(self: Connection, method: str, path: str, *a: Any, **k: Any) -> Any:
        status, data = real(self, method, path, *a, **k)
        if path == "/api/assignments":
            body = base64.b64decode(data["body"]).replace(
                b'"withdrawn": false', b'"withdrawn": true'
            )
            data["body"] = base64.b64encode(body).decode("ascii")
        return status, data

    monkeypatch.setattr(Connection, "request", tampered)
    with Workspace.open(cli.home) as ws, pytest.raises(AssignmentsRefused, match="签名"):
        pull_assignments(ws)
    monkeypatch.setattr(Connection, "request", real)
    assert {t: laptop_rows(cli.home, t) for t in before} == before
    assert laptop_rows(cli.home, "audit_events") == events

    # another laptop's package, validly signed, replayed to this one: refused
    with Workspace.open(office.home) as ws:
        from inspector.central.client import enrolled
        from inspector.signing.keystore import KeyStore

        server_row = enrolled(ws)
        assert server_row is not None
        key = KeyStore.of(ws).device_key(ws.db.device_id)
        connection = Connection(server_row.url, server_row.ca_pem)
        _status, theirs_package = connection.request(
            "GET", "/api/assignments", signer=(key.private_key, server_row.server_device)
        )
        connection.close()

    def replayed(self: Connection, method: str, path: str, *a: Any, **k: Any) -> Any:
        if path == "/api/assignments":
            return 200, theirs_package
        return real(self, method, path, *a, **k)

    monkeypatch.setattr(Connection, "request", replayed)
    out, err = cli("sync", "assignments", "--json", expect=1)
    assert "不是发给本机的" in err
    monkeypatch.setattr(Connection, "request", real)
    assert {t: laptop_rows(cli.home, t) for t in before} == before


def test_a_package_signed_by_a_key_the_laptop_does_not_trust_is_refused(
    server: Server, cli: Cli, tmp_path: Path
) -> None:
    _ca, p12 = office_key(server, tmp_path)
    publish_registry_and_roster(server, p12, tmp_path, REGISTRY, ROSTER)
    server_json(server, "server", "draw", "--sources", SOURCES, "--count", "5", "--reuse",
                "--method", "rfc3797")  # fmt: skip
    stranger = make_ca()
    other = tmp_path / "stranger.pem"
    other.write_bytes(stranger.pem)
    cli("config", "trust", "add", str(other))  # trusts a CA, not the bureau's
    cli("sync", "enroll", server.url, server.code("历城区"), "--ca", str(server.tls.ca))
    before = laptop_rows(cli.home, "inspections")
    _out, err = cli("sync", "assignments", expect=1)
    assert "信任列表" in err
    assert laptop_rows(cli.home, "inspections") == before == []
    assert laptop_rows(cli.home, "office_assignments") == []
    assert server.sql("select count(*) from assignments where pulled_at is not null").strip() == "0"


def test_without_the_office_key_the_server_says_so(server: Server, cli: Cli) -> None:
    sync_enroll(cli, server)
    _out, err = cli("sync", "assignments", expect=1)
    assert "签名密钥" in err


def test_a_withdrawn_assignment_is_marked_and_the_work_begun_kept(
    server: Server, cli: Cli, tmp_path: Path
) -> None:
    ca, p12 = office_key(server, tmp_path)
    registry = [["机构名称", "机构类型", "所在区县", "协议编号"],
                ["历城区某社区卫生服务中心", "社区卫生服务中心", "历城区", "JN-001"]]  # fmt: skip
    roster = [("张伟", "370100001", "历城区", False), ("李娜", "370100002", "历城区", True)]
    publish_registry_and_roster(server, p12, tmp_path, registry, roster)
    drawn = server_json(server, "server", "draw", "--sources", "7 8", "--count", "1",
                        "--method", "rfc3797")  # fmt: skip
    enroll(cli, server, ca, "历城区")
    out, _ = cli("sync", "assignments", "--json")
    visit = json.loads(out)["assignments"][0]["inspection_id"]
    cli("answer", visit, "P1.1", "--result", "ok")  # the team began
    server_json(server, "server", "withdraw", drawn["assignments"][0][:8])
    out, _ = cli("sync", "assignments", "--json")
    pulled = json.loads(out)
    assert pulled["pulled"]["withdrawn"] == 1 and pulled["pulled"]["added"] == 0
    assert pulled["assignments"][0]["withdrawn"] is True
    assert pulled["assignments"][0]["state"] == "withdrawn"
    out, _ = cli("inspection", "show", visit, "--json")
    assert json.loads(out)["status"]["code"] == "in_progress"  # kept, with its answer
    rows = server_json(server, "server", "assignments")
    assert [r["state"] for r in rows["assignments"]] == ["已撤回"]
    assert rows["status"]["withdrawn"] == 1
    before = laptop_rows(cli.home, "office_assignments")
    out, _ = cli("sync", "assignments", "--json")
    assert json.loads(out)["pulled"]["withdrawn"] == 0
    assert laptop_rows(cli.home, "office_assignments") == before
