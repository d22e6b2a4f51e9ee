"""Ids typed by a user (inspector/ids.py): one resolver for every command, screen and the
office site. LIKE wildcards (``%``, ``_``) match nothing, a prefix too short is refused, an
ambiguous one names its candidates, the whole id and its upper-case form are found."""

from __future__ import annotations

import itertools
import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from inspector import ids
from inspector.errors import InvalidInput, NotFound, Term
from inspector.inspections import TeamMember, create_inspection, resolve_id
from inspector.workspace import Workspace
from tests.helpers.central import Cluster
from tests.helpers.cli import Cli, new_inspection
from ui.core_messages import CORE_MESSAGES, core_message

PREFIX = "6004b5f0"


@pytest.fixture
def same_start(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every new id starts with PREFIX (then a counter): two rows share a prefix."""
    counter = itertools.count(1)
    with monkeypatch.context() as patch:
        patch.setattr(uuid, "uuid4", lambda: uuid.UUID(f"{PREFIX}{next(counter):024x}"))
        yield


def _inspection(ws: Workspace, institution: str) -> str:
    return create_inspection(
        ws,
        institution=institution,
        type_code="primary_care",
        mode="surprise",
        district="历城区",
        team=[TeamMember("张伟", "370100001")],
    )


# --- the rules, on a list in memory ------------------------------------------------------------


def test_the_rules_of_a_prefix() -> None:
    keys = ["0a1b2c3d4e5f6071", "0a1b2c3d99999999", "ffff000011112222"]
    kind = ids.IdKind(Term("密钥"), alphabet=ids.HEX)  # no description: strings
    assert ids.pick(keys, "ffff", kind, str) == keys[2]
    assert ids.pick(keys, "  FFFF0000  ", kind, str) == keys[2]  # stripped, lower-cased
    assert ids.pick(keys, keys[0], kind, str) == keys[0]  # the whole id
    for wildcard in ("%", "%%%%", "____", "0a1b%", "0a1_", "0a1b\\"):
        with pytest.raises(NotFound, match="没有编号为"):
            ids.pick(keys, wildcard, kind, str)
    with pytest.raises(InvalidInput, match="至少需要 4 个字符"):
        ids.pick(keys, "0a1", kind, str)
    with pytest.raises(InvalidInput) as caught:
        ids.pick(keys, "0a1b", kind, str)
    # The candidates by the shortest start that tells them apart (at least 8 characters).
    assert str(caught.value) == "编号 0a1b 对应多个密钥，请多写几位：0a1b2c3d4e5f、0a1b2c3d9999"
    many = [f"abcd{n:012x}" for n in range(ids.SHOWN + 2)]
    with pytest.raises(InvalidInput) as caught:
        ids.pick(many, "abcd", kind, str)
    assert str(caught.value).endswith("…")
    assert str(caught.value).count("、") == ids.SHOWN - 1


def test_a_filter_escapes_and_refuses_wildcards(workspace: Workspace) -> None:
    first = _inspection(workspace, "历城区某社区卫生服务中心")
    from inspector.db.models import Inspection

    with workspace.db.session() as session:
        found = session.scalars(
            select(Inspection.id).where(ids.prefix_filter(Inspection.id, first[:2], ids.INSPECTION))
        ).all()
        assert found == [first]  # a filter may be short
        with pytest.raises(NotFound):
            ids.prefix_filter(Inspection.id, "%", ids.INSPECTION)


def test_every_message_of_the_resolver_is_listed_for_translation() -> None:
    kinds = [v for v in vars(ids).values() if isinstance(v, ids.IdKind)]
    assert len(kinds) >= 12
    for kind in kinds:
        for text in (kind.what, kind.not_found, kind.too_short):
            assert text in CORE_MESSAGES, text
    assert ids.AMBIGUOUS in CORE_MESSAGES


def test_the_english_ui_names_what_the_id_names(english: None, workspace: Workspace) -> None:
    _inspection(workspace, "某医院")
    with workspace.db.session() as session, pytest.raises(NotFound) as caught:
        resolve_id(session, "%%%%")
    assert str(caught.value) == "没有编号为 %%%% 的检查"
    assert core_message(caught.value) == "No inspection with the id %%%%"
    with workspace.db.session() as session, pytest.raises(InvalidInput) as short:
        resolve_id(session, "60")
    assert str(short.value) == "检查编号至少需要 4 个字符"  # as before
    assert core_message(short.value) == "Type at least 4 characters of the id (inspection)"


# --- through the commands ----------------------------------------------------------------------


def test_inspection_ids_on_the_command_line(cli: Cli) -> None:
    inspection_id = new_inspection(cli)
    for wildcard in ("%%%%", "____", "%", inspection_id[:4] + "%"):
        _, err = cli("inspection", "show", wildcard, expect=1)
        assert f"没有编号为 {wildcard} 的检查" in err
    _, err = cli("inspection", "show", inspection_id[:3], expect=1)
    assert "至少需要 4 个字符" in err
    for text in (inspection_id, f"  {inspection_id[:6].upper()} "):
        shown = json.loads(cli("inspection", "show", text, "--json")[0])
        assert shown["id"] == inspection_id


def test_an_ambiguous_prefix_names_its_candidates(
    cli: Cli, workspace: Workspace, same_start: None
) -> None:
    first = _inspection(workspace, "历城区某社区卫生服务中心")
    second = _inspection(workspace, "市中区某药店")
    assert first[:8] == second[:8] == PREFIX
    _, err = cli("inspection", "show", PREFIX, expect=1)
    assert f"编号 {PREFIX} 对应多个检查，请多写几位" in err
    assert "历城区某社区卫生服务中心" in err and "市中区某药店" in err
    assert first[:28] in err and second[:28] in err  # long enough to tell them apart
    shown = json.loads(cli("inspection", "show", second, "--json")[0])
    assert shown["id"] == second


def test_the_other_ids_on_the_command_line(cli: Cli, tmp_path: Path) -> None:
    inspection_id = new_inspection(cli)
    # Filters: a wildcard matched every row (the whole ledger, every conflict).
    for command in (("ledger", "list"), ("bundle", "conflicts")):
        _, err = cli(*command, "--inspection", "%", expect=1)
        assert "没有编号为 % 的检查" in err
    assert cli("ledger", "list", "--inspection", inspection_id[:6])[1] == ""
    _, err = cli("audit", "show", "____", expect=1)
    assert "没有编号为 ____ 的操作记录" in err
    _, err = cli("bundle", "settle", "____", "--keep", "local", expect=1)
    assert "没有编号为 ____ 的冲突" in err
    _, err = cli("ledger", "show", "%%%%", expect=1)
    assert "没有编号为 %%%% 的台账问题" in err
    _, err = cli("config", "trust", "remove", "%%%%%%", expect=1)
    assert "信任列表中没有指纹为 %%%%%% 的证书" in err
    _, err = cli("config", "trust", "remove", "abc", expect=1)
    assert "至少前 6 位" in err


def test_record_export_takes_an_interview_by_its_prefix(cli: Cli, tmp_path: Path) -> None:
    inspection_id = new_inspection(cli)
    out, _ = cli("interview", "new", inspection_id, "--name", "王某", "--json")
    interview = json.loads(out)["id"]
    cli("interview", "ask", interview[:8], "-q", "你的职务？", "-a", "护士")
    cli("record", "build", "--interview", interview[:8])
    target = tmp_path / "interview.pdf"
    out, _ = cli(
        "record", "export", inspection_id, "--interview", interview[:8], "--out", str(target),
        "--json",
    )  # fmt: skip
    assert target.read_bytes().startswith(b"%PDF-")
    _, err = cli(
        "record", "export", inspection_id, "--interview", "____", "--out", str(target), expect=1
    )
    assert "没有编号为 ____ 的询问笔录" in err


# --- the central server ------------------------------------------------------------------------


def test_the_server_takes_no_pattern_for_an_id(postgres: Cluster, tmp_path: Path) -> None:
    """An inspection id in the office site's URL was a LIKE pattern: ``_6004b5f`` found one,
    ``%`` scanned; a device prefix of ``%`` was an UPDATE of every device."""
    from inspector.central import schema as s
    from inspector.central.service import Central

    central = Central(postgres.create_database(), tmp_path / "store")
    now = datetime.now(UTC)
    first, second = f"{PREFIX}-0000-4000-8000-000000000001", f"{PREFIX}-0000-4000-8000-000000000002"
    devices = ["ab" * 32, "ab" * 4 + "cd" * 28]
    try:
        with central.engine.begin() as c:
            for inspection, district in ((first, "历城区"), (second, "市中区")):
                c.execute(
                    insert(s.inspections).values(
                        id=inspection, institution=f"{district}某医院", district=district,
                        type="primary_care", mode="surprise", status="signed",
                        device_id=devices[0], pushed_at=now,
                    )
                )  # fmt: skip
            for device in devices:
                c.execute(
                    insert(s.devices).values(
                        id=device, laptop_device_id=str(uuid.uuid4()), district="历城区",
                        certificate_pem="-", enrolled_at=now,
                    )
                )  # fmt: skip
        for pattern in ("_" + first[1:8], "%", "%%%%%%%%", first[:6] + "%%", "________"):
            with pytest.raises(NotFound, match="服务器上没有这次检查"):
                central.show(pattern)
        with pytest.raises(InvalidInput, match="至少需要 8 个字符"):
            central.show(first[:7])
        with pytest.raises(InvalidInput) as caught:
            central.show(PREFIX)
        assert "历城区某医院" in str(caught.value) and "市中区某医院" in str(caught.value)
        # A district's office user: the prefix is looked for among what it sees only.
        assert central.show(PREFIX, "市中区")["inspection"]["id"] == second
        assert central.show(first.upper())["inspection"]["id"] == first

        for pattern in ("%", "%%%%%%%%", "________"):
            with pytest.raises(NotFound, match="没有这台设备"):
                central.revoke(pattern)
            with pytest.raises(NotFound, match="没有这台设备"):
                central.set_districts(pattern, ["槐荫区"])
        with pytest.raises(InvalidInput, match="对应多个设备"):
            central.revoke("abababab")
        assert all(d["revoked_at"] is None for d in central.devices())
        assert {d["district"] for d in central.devices()} == {"历城区"}
        central.revoke(devices[1][:12])
        revoked = {d["id"] for d in central.devices() if d["revoked_at"] is not None}
        assert revoked == {devices[1]}
        assert central.set_districts("abababab", ["槐荫区"]) == devices[0]  # the live one
    finally:
        central.close()
