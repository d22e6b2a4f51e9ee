"""The unit of work and the action log: one event per user action, a chain that
names its first broken or missing link, tombstones instead of bare deletes."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from inspector.audit import audit_head, verify
from inspector.db.models import AuditEvent, Base, Synced, Tombstone
from inspector.errors import InvalidInput
from inspector.inspections import (
    TeamMember,
    create_inspection,
    finish_inspection,
    get_inspection,
    save_answer,
)
from inspector.record.content import add_signature, record_refusal, set_statement
from inspector.workspace import Workspace
from tests.helpers.cli import Cli
from tests.helpers.lawful import CREDIT_CODE, finish_lawfully

TEAM = [TeamMember("张伟", "370100001"), TeamMember("李娜", "370100002")]
STROKES = [[(10.0, 10.0), (50.0, 40.0), (90.0, 20.0)]]


def _new(ws: Workspace) -> str:
    return create_inspection(
        ws,
        institution="某社区卫生服务中心",
        type_code="primary_care",
        mode="surprise",
        district="历城区",
        team=TEAM,
    )


def _count(ws: Workspace) -> int:
    with ws.db.session() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent)) or 0


def _actions(ws: Workspace) -> list[str]:
    with ws.db.session() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))


def test_every_user_action_leaves_exactly_one_event(workspace: Workspace, tmp_path: Path) -> None:
    """Every user action routed through the unit of work, in the order a visit makes them;
    each leaves exactly one event, named by its action, and the chain verifies."""
    from inspector.evidence.export import export_evidence
    from inspector.evidence.intake import add_evidence
    from inspector.evidence.manage import (
        annotate_evidence,
        link_evidence,
        remove_evidence,
        set_caption,
    )
    from inspector.evidence.sealing import add_seal_item, remove_seal_item
    from inspector.inspections import change_setting, reopen_inspection, set_current_inspector
    from inspector.record.build import build_record
    from inspector.record.content import set_party_details
    from inspector.record.legal import show_certificate, tell
    from inspector.registry import apply, preview
    from inspector.signing.keystore import KeyStore
    from tests.helpers.homes import PHOTOS

    registry = tmp_path / "registry.csv"
    registry.write_text(
        "机构名称,机构类型,所在区县,协议编号\n某民营医院,private_hospital,天桥区,\n",
        encoding="utf-8",
    )
    state: dict[str, str] = {}

    def create() -> None:
        state["inspection"] = _new(workspace)

    def add() -> None:
        [result] = add_evidence(workspace, state["inspection"], [PHOTOS / "gps" / "DSCN0010.jpg"])
        state["evidence"] = result.evidence_id or ""

    def annotate() -> None:
        shapes = [{"kind": "arrow", "x1": 0.1, "y1": 0.1, "x2": 0.5, "y2": 0.5}]
        state["copy"] = annotate_evidence(workspace, state["evidence"], shapes)

    i = lambda: state["inspection"]  # noqa: E731
    steps: list[tuple[str, Callable[[], object]]] = [
        ("registry.import", lambda: apply(workspace, preview(registry, workspace))),
        ("inspection.create", create),
        ("inspector.current", lambda: set_current_inspector(workspace, "370100002")),
        ("setting.set", lambda: change_setting(workspace, "bureau", "济南市历城区医疗保障局")),
        (
            "key.create_trial",
            lambda: KeyStore.of(workspace).self_signed_for_trials(
                "李娜", "370100002", "口令123456"
            ),
        ),
        ("answer.save", lambda: save_answer(workspace, i(), "P1.1", "problem", note="床位空置")),
        ("answer.clear", lambda: save_answer(workspace, i(), "P1.1", None)),
        ("evidence.add", add),
        ("evidence.caption", lambda: set_caption(workspace, state["evidence"], "药房")),
        ("evidence.link", lambda: link_evidence(workspace, state["evidence"], "P1.1")),
        ("evidence.annotate", annotate),
        (
            "seal.add",
            lambda: add_seal_item(workspace, i(), description="过期药品", quantity="2", unit="盒"),
        ),
        ("seal.remove", lambda: remove_seal_item(workspace, i(), 1)),
        ("evidence.remove", lambda: remove_evidence(workspace, state["copy"])),
        ("evidence.export", lambda: export_evidence(workspace, i(), tmp_path / "out")),
        # The law's minimums (inspector/record/legal.py), each its own action.
        ("member.certificate", lambda: show_certificate(workspace, i(), TEAM[0].cert_no)),
        ("member.certificate", lambda: show_certificate(workspace, i(), TEAM[1].cert_no)),
        ("notice.tell", lambda: tell(workspace, i(), "recusal", reply="不申请回避")),
        ("notice.tell", lambda: tell(workspace, i(), "duty")),
        ("notice.tell", lambda: tell(workspace, i(), "opinion")),
        (
            "party.set",
            lambda: set_party_details(
                workspace, i(), credit_code=CREDIT_CODE, recorder=TEAM[0].cert_no
            ),
        ),
        ("inspection.finish", lambda: finish_inspection(workspace, i())),
        ("inspection.reopen", lambda: reopen_inspection(workspace, i())),
        ("inspection.finish", lambda: finish_inspection(workspace, i())),
        ("statement.set", lambda: set_statement(workspace, i(), "无异议", "王某", "院长")),
        ("signature.add", lambda: add_signature(workspace, i(), "party", "王某", STROKES)),
        (
            "signature.refuse",
            lambda: record_refusal(
                workspace,
                i(),
                "王某",
                "不认可",
                "赵某",
                STROKES,
                witness_id_no="11010519491231002X",
                witness_relation="无关系",
            ),
        ),
        ("record.build", lambda: build_record(workspace, i())),
    ]
    # The engine refuses a write made behind the unit of work's back (inspector/db/engine.py),
    # always, not only under tests; so every step below that writes does so through a change.
    from inspector.db.engine import WriteOutsideChange
    from inspector.db.models import Inspector, inspector_id

    with pytest.raises(WriteOutsideChange, match="Inspector"), workspace.db.session() as session:
        session.add(Inspector(id=inspector_id("999"), name="旁路", cert_no="999", device_id="x"))
    with workspace.db.session() as session:
        assert session.get(Inspector, inspector_id("999")) is None  # nothing stored
    for action, run in steps:
        before = _count(workspace)
        run()
        assert _count(workspace) == before + 1, action
        assert _actions(workspace)[-1] == action
    # Every event after the choice is acted by the inspector chosen.
    with workspace.db.session() as session:
        actors = list(session.scalars(select(AuditEvent.actor).order_by(AuditEvent.seq)))
    assert set(actors[2:]) == {"370100002"}
    # The same caption again changes nothing and leaves no event.
    before = _count(workspace)
    reopen_inspection(workspace, i())
    set_caption(workspace, state["evidence"], "药房")
    assert _count(workspace) == before + 1
    check = verify(workspace)
    assert check.ok, check.problem
    assert check.devices == 1


def test_a_refused_change_leaves_no_event_and_no_change(workspace: Workspace) -> None:
    inspection_id = _new(workspace)
    before = _count(workspace)
    with pytest.raises(InvalidInput):
        save_answer(workspace, inspection_id, "P1.1", "maybe")
    with pytest.raises(Exception, match="违规类别"):
        save_answer(workspace, inspection_id, "P1.1", "problem", violation="VP05")
    assert _count(workspace) == before


def test_rows_carry_the_device_and_the_event_that_changed_them_last(workspace: Workspace) -> None:
    inspection_id = _new(workspace)
    save_answer(workspace, inspection_id, "P1.1", "ok")
    with workspace.db.session() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
        assert event is not None
        from inspector.db.models import Answer

        answer = session.scalars(select(Answer)).one()
        assert answer.change_device_id == workspace.db.device_id
        assert answer.change_seq == event.seq
        assert event.entity_id == answer.id
        assert event.state_sha256 is not None


def _raw(workspace: Workspace) -> sqlite3.Connection:
    workspace.db.dispose()
    connection = sqlite3.connect(workspace.home.database)
    connection.execute("DROP TRIGGER audit_events_no_update")
    connection.execute("DROP TRIGGER audit_events_no_delete")
    return connection


def _three_events(workspace: Workspace) -> list[tuple[int, str]]:
    inspection_id = _new(workspace)
    for note in ("一", "二", "三"):
        save_answer(workspace, inspection_id, "P1.1", "problem", note=note)
    with workspace.db.session() as session:
        return [
            (e.seq, e.id)
            for e in session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
        ]


def test_the_log_refuses_update_and_delete(workspace: Workspace) -> None:
    _three_events(workspace)
    workspace.db.dispose()
    connection = sqlite3.connect(workspace.home.database)
    with pytest.raises(sqlite3.IntegrityError, match="只能追加"):
        connection.execute("UPDATE audit_events SET action = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="只能追加"):
        connection.execute("DELETE FROM audit_events")
    connection.close()


def test_a_flipped_byte_is_found_and_named(workspace: Workspace) -> None:
    events = _three_events(workspace)
    seq, event_id = events[1]
    connection = _raw(workspace)
    body = connection.execute("SELECT body FROM audit_events WHERE id = ?", (event_id,)).fetchone()
    flipped = body[0].replace('"action":"answer.save"', '"action":"answer.savf"')
    assert flipped != body[0]
    connection.execute("UPDATE audit_events SET body = ? WHERE id = ?", (flipped, event_id))
    connection.commit()
    connection.close()
    check = verify(workspace)
    assert check.problem is not None
    assert check.problem.seq == seq and check.problem.event_id == event_id


@pytest.mark.parametrize("which", [0, 2])
def test_a_deleted_event_is_found_and_named(workspace: Workspace, which: int) -> None:
    events = _three_events(workspace)
    seq, event_id = events[which]
    connection = _raw(workspace)
    connection.execute("DELETE FROM audit_events WHERE id = ?", (event_id,))
    connection.commit()
    connection.close()
    check = verify(workspace)
    assert check.problem is not None
    assert check.problem.seq == seq
    assert "缺少" in check.problem.message


def test_the_head_hash_changes_with_each_event(workspace: Workspace) -> None:
    first = audit_head(workspace)
    _new(workspace)
    inspection_id = _new(workspace)
    save_answer(workspace, inspection_id, "P1.1", "ok")
    second = audit_head(workspace)
    assert first != second and len(second) == 64


def _synced_tables() -> list[str]:
    return sorted(
        mapper.class_.__tablename__
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, Synced)
    )


def test_no_synced_row_can_be_deleted_without_its_tombstone(workspace: Workspace) -> None:
    """Over the models: every synced table refuses a bare DELETE (the custody chain refuses
    any), so no code path can hard-delete a synced row without leaving a trace."""
    workspace.db.dispose()
    connection = sqlite3.connect(workspace.home.database)
    names = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
    }
    connection.close()
    assert len(_synced_tables()) >= 11
    for table in _synced_tables():
        assert f"{table}_delete_needs_tombstone" in names or f"{table}_no_delete" in names, table


def test_a_cleared_answer_leaves_a_tombstone(workspace: Workspace) -> None:
    inspection_id = _new(workspace)
    save_answer(workspace, inspection_id, "P1.1", "ok")
    save_answer(workspace, inspection_id, "P1.1", None)
    with workspace.db.session() as session:
        stone = session.scalars(select(Tombstone)).one()
        assert stone.table_name == "answers"
        assert stone.inspection_id == get_inspection(workspace, inspection_id).id
    save_answer(workspace, inspection_id, "P1.1", "problem")  # answered again: a new row
    assert get_inspection(workspace, inspection_id).answers["P1.1"].result.value == "problem"
    with pytest.raises(sqlite3.IntegrityError, match="tombstone"):
        workspace.db.dispose()
        connection = sqlite3.connect(workspace.home.database)
        try:
            connection.execute("DELETE FROM answers")
        finally:
            connection.close()


def test_audit_commands_show_export_and_verify(
    workspace: Workspace, cli: Cli, tmp_path: Path
) -> None:
    events = _three_events(workspace)
    workspace.close()
    _seq, event_id = events[1]
    out, _ = cli("audit", "show", event_id[:8])
    assert "记录检查结果" in out and event_id in out
    data = json.loads(cli("audit", "show", event_id, "--json")[0])
    assert data["id"] == event_id and data["details"] == {"item_code": "P1.1"}
    target = tmp_path / "log.jsonl"
    cli("audit", "export", "--out", str(target))
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == [e for _s, e in events]
    book_path = tmp_path / "log.xlsx"
    cli("audit", "export", "--out", str(book_path))
    book = openpyxl.load_workbook(book_path, read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][0] == "device_id" and len(rows) == 1 + len(events)
    book.close()
    cli("audit", "export", "--out", str(tmp_path / "log.txt"), expect=1)
    verified = json.loads(cli("audit", "verify", "--json")[0])
    assert verified["ok"] and verified["events"] == len(events)


def test_audit_verify_names_the_broken_event(workspace: Workspace, cli: Cli) -> None:
    events = _three_events(workspace)
    seq, event_id = events[0]
    connection = _raw(workspace)
    connection.execute("UPDATE audit_events SET hash = ? WHERE id = ?", ("f" * 64, event_id))
    connection.commit()
    connection.close()
    out, _ = cli("audit", "verify", expect=1)
    assert event_id in out and f"第 {seq} 条" in out


def test_a_database_from_before_natural_ids_is_rekeyed_to_them(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    from inspector.db.engine import make_engine
    from inspector.db.migrate import MIGRATIONS, migration_connection
    from inspector.db.models import inspector_id, institution_id

    home = tmp_path / "before"
    home.mkdir()
    database = home / "inspector.sqlite3"
    engine = make_engine(database)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with migration_connection(engine) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0006_one_head")
    engine.dispose()
    stamp = "'d', '2026-01-01', '2026-01-01'"
    connection = sqlite3.connect(database)
    connection.executescript(
        f"""
        insert into institutions (id, device_id, created_at, updated_at, name, type_code,
            district, agreement_no) values ('inst-random', {stamp}, '某医院', 'public_hospital',
            '历下区', 'XY-001');
        insert into institutions (id, device_id, created_at, updated_at, name, type_code,
            district) values ('inst-random-2', {stamp}, '某诊所', 'clinic', '历城区');
        insert into inspectors (id, device_id, created_at, updated_at, name, cert_no)
            values ('person-random', {stamp}, '张伟', '370100001');
        insert into checklist_snapshots (sha256, version, data) values ('s', 'v', '{{}}');
        insert into inspections (id, device_id, created_at, updated_at, institution_id, mode,
            status, district, focus, snapshot_sha256, item_count, party_statement)
            values ('insp0001', {stamp}, 'inst-random', 'surprise', 'in_progress', '历下区', '[]',
            's', 0, '');
        insert into inspection_members (inspection_id, inspector_id, role, position)
            values ('insp0001', 'person-random', 'leader', 0);
        insert into handwritten_signatures (id, device_id, created_at, updated_at,
            inspection_id, role, inspector_id, signer_name, strokes, refused, signed_at)
            values ('sig1', {stamp}, 'insp0001', 'inspector', 'person-random', '张伟', '[]', 0,
            '2026-01-01');
        update inspections set status = 'signed';
        """
    )
    connection.commit()
    connection.close()

    with Workspace.open(home) as ws, ws.db.session() as session:
        from inspector.db.models import HandwrittenSignature, Inspection, Inspector, Institution

        person = session.scalars(select(Inspector)).one()
        assert person.id == inspector_id("370100001")
        places = {p.name: p.id for p in session.scalars(select(Institution))}
        assert places == {
            "某医院": institution_id("XY-001", "某医院", "历下区"),
            "某诊所": institution_id(None, "某诊所", "历城区"),
        }
        inspection = session.get(Inspection, "insp0001")
        assert inspection is not None
        assert inspection.institution_id == places["某医院"]
        assert [m.inspector_id for m in inspection.members] == [person.id]
        signature = session.get(HandwrittenSignature, "sig1")
        assert signature is not None and signature.inspector_id == person.id
    # The signed inspection is still locked: the triggers lifted for re-keying are back.
    connection = sqlite3.connect(database)
    with pytest.raises(sqlite3.IntegrityError, match="locked"):
        connection.execute("update inspections set place = 'x'")
    connection.close()


def test_two_laptops_that_imported_the_same_registry_and_team_have_the_same_ids(
    tmp_path: Path, template_home: Path
) -> None:
    import shutil

    from inspector.db.models import Inspector, Institution
    from inspector.registry import apply, preview

    registry = tmp_path / "registry.csv"
    registry.write_text(
        "机构名称,机构类型,所在区县,协议编号\n"
        "济南某医院,二级及以上公立医疗机构,槐荫区,JN-003\n"
        "某民营医院,private_hospital,天桥区,\n",
        encoding="utf-8",
    )
    found = []
    for name in ("laptop-a", "laptop-b"):
        home = tmp_path / name
        shutil.copytree(template_home, home)
        # Each laptop is its own device.
        connection = sqlite3.connect(home / "inspector.sqlite3")
        connection.execute("delete from settings where key = 'device_id'")
        connection.commit()
        connection.close()
        with Workspace.open(home) as ws:
            apply(ws, preview(registry, ws))
            _new(ws)
            with ws.db.session() as session:
                found.append(
                    (
                        ws.db.device_id,
                        sorted((p.name, p.id) for p in session.scalars(select(Institution))),
                        sorted((p.cert_no, p.id) for p in session.scalars(select(Inspector))),
                    )
                )
    (device_a, places_a, people_a), (device_b, places_b, people_b) = found
    assert device_a != device_b
    assert len(places_a) == 3 and places_a == places_b
    assert len(people_a) == 2 and people_a == people_b


def test_two_devices_adding_to_one_inspection_keep_verifiable_chains(home: Path) -> None:
    """The same data directory opened as a second laptop (another device id) adds to the
    inspection: each device extends its own custody chain and audit chain; all verify."""
    from inspector.db.models import CustodyEvent
    from inspector.evidence.intake import add_evidence
    from inspector.evidence.verify import verify_evidence
    from tests.helpers.homes import PHOTOS

    with Workspace.open(home) as ws:
        inspection_id = _new(ws)
        add_evidence(ws, inspection_id, [PHOTOS / "gps" / "DSCN0010.jpg"])
        first = ws.db.device_id
    connection = sqlite3.connect(home / "inspector.sqlite3")
    connection.execute("update settings set value = 'second-laptop' where key = 'device_id'")
    connection.commit()
    connection.close()
    with Workspace.open(home) as ws:
        assert ws.db.device_id == "second-laptop"
        add_evidence(ws, inspection_id, [PHOTOS / "gps" / "DSCN0012.jpg"])
        save_answer(ws, inspection_id, "P1.1", "ok")
        with ws.db.session() as session:
            chains = sorted(
                (row.device_id, row.seq) for row in session.scalars(select(CustodyEvent))
            )
        assert chains == sorted([(first, 1), ("second-laptop", 1)])
        report = verify_evidence(ws, inspection_id)
        assert report.ok, [str(p) for p in report.problems]
        check = verify(ws)
        assert check.ok and check.devices == 2


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_record_states_the_log_head_at_its_build(workspace: Workspace) -> None:
    from inspector.audit import log_state
    from inspector.record.build import build_record

    inspection_id = _new(workspace)
    save_answer(workspace, inspection_id, "P1.1", "ok")
    finish_lawfully(workspace, inspection_id)
    head, count = log_state(workspace)
    path, _sha = build_record(workspace, inspection_id)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert head in "".join(text.split())
    assert f"共 {count} 条" in text
    # The build is one more event after the head the record states.
    assert _actions(workspace)[-1] == "record.build"
    assert log_state(workspace)[1] == count + 1


def test_the_current_inspector_is_kept_and_refused_when_unknown(workspace: Workspace) -> None:
    from inspector.inspections import current_inspector, set_current_inspector

    with pytest.raises(InvalidInput):
        set_current_inspector(workspace, TeamMember("", "370100009"))
    with pytest.raises(Exception, match="370100009"):
        set_current_inspector(workspace, "370100009")
    person = set_current_inspector(workspace, TeamMember("王强", "370100009", "历下区"))
    assert (person.name, workspace.actor) == ("王强", "370100009")
    with pytest.raises(InvalidInput, match="王强"):
        set_current_inspector(workspace, TeamMember("张三", "370100009"))
    assert workspace.actor == "370100009"
    reopened = Workspace.open(workspace.home.root)
    try:
        assert reopened.actor == "370100009"
        assert current_inspector(reopened) == person
    finally:
        reopened.close()


def test_the_command_line_acts_as_the_inspector_named(workspace: Workspace, cli: Cli) -> None:
    inspection_id = _new(workspace)
    cli("config", "current_inspector", "370100001")
    cli("answer", inspection_id[:8], "P1.1", "--result", "ok")
    cli("--as", "370100002", "answer", inspection_id[:8], "P1.2", "--result", "ok")
    cli("answer", inspection_id[:8], "P1.3", "--result", "ok", "--as", "370100002")
    cli("--as", "999", "answer", inspection_id[:8], "P1.4", "--result", "ok", expect=1)
    with workspace.db.session() as session:
        rows = session.execute(
            select(AuditEvent.action, AuditEvent.actor).order_by(AuditEvent.seq)
        ).all()
    assert [tuple(r) for r in rows[-4:]] == [
        ("inspector.current", "370100001"),
        ("answer.save", "370100001"),
        ("answer.save", "370100002"),
        ("answer.save", "370100002"),
    ]


def test_an_event_states_the_fields_listed_once(workspace: Workspace) -> None:
    """AUDIT_EVENT_FIELDS is the one list: what an event's body states beside ``prev`` and
    ``details``, what the log's check, a bundle's verification and the export compare."""
    from inspector.audit import EXPORT_COLUMNS
    from inspector.bundle.verify import _audit_fields
    from inspector.db.models import AUDIT_EVENT_FIELDS

    _new(workspace)
    with workspace.db.session() as session:
        event = session.scalars(select(AuditEvent).limit(1)).one()
        facts = json.loads(event.body)
        assert set(facts) == {*AUDIT_EVENT_FIELDS, "prev", "details"}
        assert all(facts[k] == getattr(event, k) for k in AUDIT_EVENT_FIELDS if k != "at")
        assert facts["at"] == event.at.isoformat()
    assert set(_audit_fields(facts)) == set(AUDIT_EVENT_FIELDS)
    assert EXPORT_COLUMNS[: len(AUDIT_EVENT_FIELDS)] == AUDIT_EVENT_FIELDS


def test_outside_a_change_a_session_is_read_only(workspace: Workspace) -> None:
    """The engine, not a test fixture, refuses a write that bypasses ``ws.change``: a changed
    row and a deleted one alike, rolled back; the UI's own state (a setting) may be kept so."""
    from inspector.db.engine import WriteOutsideChange
    from inspector.db.models import Inspection

    inspection_id = _new(workspace)
    before = _count(workspace)
    with pytest.raises(WriteOutsideChange, match="Inspection"), workspace.db.session() as session:
        session.get(Inspection, inspection_id).district = "旁路区"  # type: ignore[union-attr]
    with pytest.raises(WriteOutsideChange), workspace.db.session() as session:
        session.delete(session.get(Inspection, inspection_id))
    assert get_inspection(workspace, inspection_id).district == "历城区"
    assert _count(workspace) == before
    workspace.db.set_setting("last_inspection", inspection_id)  # UI state: allowed
    assert workspace.db.setting("last_inspection") == inspection_id
