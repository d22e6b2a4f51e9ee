"""A visit the office assigns to a team of another district (交叉检查, or a team drawn from the
roster's other districts) comes back from that team's laptop: the office's live assignment is the
authority for it. An unassigned inspection of that district, a withdrawn assignment's visit, or
the visit pushed from a device of a third district stays refused, nothing stored."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from inspector.central.pull_assignments import install_assignments
from inspector.workspace import Workspace
from tests.helpers.assignments import (
    enroll,
    laptop_rows,
    office_key,
    publish_registry_and_roster,
    server_json,
)
from tests.helpers.bundle import make_laptop
from tests.helpers.central import Server, sync_push
from tests.helpers.cli import Cli

REGISTRY = [["机构名称", "机构类型", "所在区县", "协议编号"],
            ["丙医院", "社会办医疗机构", "槐荫区", "A003"]]  # fmt: skip
# only 历城区's inspectors: the one team drawn is of another district than the place
ROSTER = [("张伟", "370100001", "历城区", True), ("刘洋", "370100005", "历城区", False)]


def _stored(server: Server) -> str:
    return server.sql(
        "select (select count(*) from inspections) || '/' || (select count(*) from rows)"
        " || '/' || (select count(*) from pushes where committed_at is not null)"
    ).strip()


def _assigned_visit(
    server: Server, cli: Cli, tmp_path: Path, *draw: str
) -> tuple[Path, str, str, dict[str, Any]]:
    """The office draws the 槐荫区 place for 历城区's team; 历城区's laptop pulls it."""
    ca, p12 = office_key(server, tmp_path)
    publish_registry_and_roster(server, p12, tmp_path, REGISTRY, ROSTER)
    drawn = server_json(server, "server", "draw", "--sources", "7 8", "--count", "1",
                        "--method", "rfc3797", *draw)  # fmt: skip
    enroll(cli, server, ca, "历城区")
    out, _ = cli("sync", "assignments", "--json")
    pulled = json.loads(out)["assignments"]
    assert len(pulled) == 1
    return ca, drawn["assignments"][0], pulled[0]["inspection_id"], pulled[0]


@pytest.mark.parametrize("draw", [(), ("--cross",)], ids=["random", "cross"])
def test_an_assigned_visit_of_another_district_comes_back_and_nothing_else(
    server: Server, cli: Cli, tmp_path: Path, draw: tuple[str, ...]
) -> None:
    _ca, _assignment, visit, _item = _assigned_visit(server, cli, tmp_path, *draw)
    cli("answer", visit, "P1.1", "--result", "ok")  # the team worked on it
    sync_push(cli)
    pushed = server.sql(f"select count(*) from rows where inspection_id = '{visit}'").strip()
    assert int(pushed) > 1  # its rows landed, the answer with them
    row = server.sql(f"select district, team_district from inspections where id = '{visit}'")
    assert row.strip() == "槐荫区|历城区"  # the place's district and the team's
    from inspector.central.service import Central

    central = Central(server.db, server.store)
    try:
        for area in ("槐荫区", "历城区", None):
            _total, items = central.list_inspections(area=area)
            assert [i["id"] for i in items] == [visit], area
        assert central.list_inspections(area="市中区")[1] == []
    finally:
        central.close()

    # (b) another inspection of 槐荫区, not assigned: the whole push refused, nothing stored
    before = _stored(server)
    cli("inspection", "new", "--institution", "丁卫生院", "--type", "primary_care", "--mode",
        "random", "--district", "槐荫区", "--inspector", "张伟:370100001")  # fmt: skip
    _summary, err = sync_push(cli, expect=1)
    assert "不能推送槐荫区的检查" in err
    assert _stored(server) == before


def test_a_withdrawn_assignment_cannot_come_back(server: Server, cli: Cli, tmp_path: Path) -> None:
    _ca, assignment, visit, _item = _assigned_visit(server, cli, tmp_path)
    cli("answer", visit, "P1.1", "--result", "ok")
    server_json(server, "server", "withdraw", assignment[:8])  # before the push
    before = _stored(server)
    _summary, err = sync_push(cli, expect=1)
    assert "不能推送槐荫区的检查" in err
    assert _stored(server) == before
    assert server.sql(f"select count(*) from rows where inspection_id = '{visit}'").strip() == "0"


def test_a_device_of_a_third_district_cannot_push_the_visit(
    server: Server, cli: Cli, tmp_path: Path, template_home: Path, capsys: Any
) -> None:
    ca, _assignment, visit, _item = _assigned_visit(server, cli, tmp_path, "--cross")
    # a 市中区 laptop holding the same visit (the package installed there as it was on 历城区's)
    third = Cli(make_laptop(template_home, tmp_path / "third", "third-laptop"), capsys)
    enroll(third, server, ca, "市中区")
    with Workspace.open(cli.home) as ws:
        from inspector.central.client import Connection, enrolled
        from inspector.signing.keystore import KeyStore

        held = enrolled(ws)
        assert held is not None
        key = KeyStore.of(ws).device_key(ws.db.device_id)
        connection = Connection(held.url, held.ca_pem)
        _status, answer = connection.request(
            "GET", "/api/assignments", signer=(key.private_key, held.server_device)
        )
        connection.close()
    import base64

    package = json.loads(base64.b64decode(answer["body"]))
    with Workspace.open(third.home) as ws:
        install_assignments(ws, package)
    assert [r[0] for r in laptop_rows(third.home, "inspections", "id")] == [visit]
    third("answer", visit, "P1.1", "--result", "ok")
    before = _stored(server)
    _summary, err = sync_push(third, expect=1)
    assert "不能推送槐荫区的检查" in err
    assert _stored(server) == before


def test_the_assigned_visit_rewritten_to_another_district_is_refused(
    server: Server, cli: Cli, tmp_path: Path
) -> None:
    """The assignment vouches for the visit of the institution it names: the laptop moving the
    visit to 市中区 (its district rewritten in an audited change) pushes nothing."""
    _ca, _assignment, visit, _item = _assigned_visit(server, cli, tmp_path)
    from inspector.db.models import Inspection

    with Workspace.open(cli.home) as ws, ws.change(None, "inspection.edit", inspection=visit) as ch:
        found = ch.session.get(Inspection, visit)
        assert found is not None
        found.district = "市中区"
    before = _stored(server)
    _summary, err = sync_push(cli, expect=1)
    assert "不能推送市中区的检查" in err
    assert _stored(server) == before
