"""Storage: migrations from empty, refusing a newer database, round trips, and that every
answer is on disk the moment it is given."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from inspector.db.migrate import backup, head_revisions
from inspector.db.models import Answer, Inspection, InspectionStatus, Inspector, Institution, Result
from inspector.errors import DatabaseTooNew, InvalidInput, NotFound
from inspector.inspections import (
    TeamMember,
    create_inspection,
    get_inspection,
    list_inspections,
    parse_amount,
    record_answer,
    reopen_inspection,
)
from inspector.workspace import Workspace
from tests.helpers.lawful import finish_lawfully

TEAM = [TeamMember("张伟", "370100001"), TeamMember("李娜", "370100002")]


def _new(ws: Workspace, **overrides: object) -> str:
    options: dict[str, object] = {
        "institution": "某社区卫生服务中心",
        "type_code": "primary_care",
        "mode": "surprise",
        "district": "历城区",
        "team": TEAM,
    }
    options.update(overrides)
    return create_inspection(ws, **options)  # type: ignore[arg-type]


def test_migration_from_empty_makes_every_table(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "new") as ws:
        database = ws.home.database
    connection = sqlite3.connect(database)
    tables = {row[0] for row in connection.execute("select name from sqlite_master")}
    versions = {row[0] for row in connection.execute("select version_num from alembic_version")}
    mode = connection.execute("pragma journal_mode").fetchone()[0]
    connection.close()
    assert {
        "institutions",
        "inspectors",
        "inspections",
        "inspection_members",
        "answers",
        "evidence",
        "records",
        "settings",
    } <= tables
    assert versions == head_revisions()
    assert mode == "wal"
    assert list((tmp_path / "new" / "backups").iterdir()) == []  # nothing to back up when new


def test_a_database_from_a_newer_app_is_refused_and_left_untouched(home: Path) -> None:
    database = home / "inspector.sqlite3"
    connection = sqlite3.connect(database)
    connection.execute("insert into alembic_version (version_num) values ('9999_future')")
    connection.commit()
    connection.close()
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    with pytest.raises(DatabaseTooNew, match="更新版本"):
        Workspace.open(home)
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before


def test_backup_is_a_consistent_copy(workspace: Workspace) -> None:
    inspection_id = _new(workspace)
    copy = backup(workspace.home.database, workspace.home.backups, "test")
    connection = sqlite3.connect(copy)
    ids = [row[0] for row in connection.execute("select id from inspections")]
    connection.close()
    assert ids == [inspection_id]


def test_inspection_round_trip(workspace: Workspace) -> None:
    inspection_id = _new(workspace, leader="370100002", place="住院部三楼")
    view = get_inspection(workspace, inspection_id)
    assert view.institution_name == "某社区卫生服务中心"
    assert view.institution_type == "primary_care"
    assert view.status is InspectionStatus.DRAFT
    assert [(n, c, r.value) for n, c, r in view.team] == [
        ("张伟", "370100001", "member"),
        ("李娜", "370100002", "leader"),
    ]
    assert view.leader == ("李娜", "370100002")
    assert view.place == "住院部三楼"
    assert view.checklist.type_code == "primary_care"
    assert len(view.checklist.items) > 10
    assert [s.id for s in list_inspections(workspace)] == [inspection_id]


def test_every_row_has_a_uuid_and_this_device(workspace: Workspace) -> None:
    inspection_id = _new(workspace)
    item = get_inspection(workspace, inspection_id).checklist.items[0].code
    record_answer(workspace, inspection_id, item, "ok")
    device = workspace.db.device_id
    uuid.UUID(device)
    with workspace.db.session() as session:
        for model in (Institution, Inspector, Inspection, Answer):
            rows = session.scalars(select(model)).all()
            assert rows, model
            for row in rows:
                uuid.UUID(row.id)
                assert row.device_id == device


def test_an_answer_is_on_disk_as_soon_as_it_is_given(workspace: Workspace) -> None:
    inspection_id = _new(workspace)
    item = get_inspection(workspace, inspection_id).checklist.items[0].code
    record_answer(workspace, inspection_id, item, "problem", note="床位空置", amount="1,234.5")
    # Another connection (as after a crash) sees it at once: it was committed, not buffered.
    connection = sqlite3.connect(workspace.home.database)
    row = connection.execute(
        "select result, note, amount_fen from answers where item_code = ?", (item,)
    ).fetchone()
    connection.close()
    assert row == ("problem", "床位空置", 123450)


def test_answer_updates_keep_fields_not_given(workspace: Workspace) -> None:
    inspection_id = _new(workspace)
    item = get_inspection(workspace, inspection_id).checklist.items[0]
    violation = item.violations[0]
    record_answer(
        workspace, inspection_id, item.code, "problem", note="a", amount="10", violation=violation
    )
    record_answer(workspace, inspection_id, item.code, "problem", note="b")
    answer = get_inspection(workspace, inspection_id).answers[item.code]
    assert (answer.note, answer.amount_fen, answer.violation_code) == ("b", 1000, violation)
    # Judged compliant after all: the typed amount is kept but no longer counts.
    record_answer(workspace, inspection_id, item.code, Result.OK)
    view = get_inspection(workspace, inspection_id)
    assert view.answers[item.code].amount_fen == 1000
    assert view.amount_total_fen == 0
    assert view.status is InspectionStatus.IN_PROGRESS
    assert view.started_at is not None


@pytest.mark.parametrize(
    ("text", "fen"),
    [("0", 0), ("12", 1200), ("12.3", 1230), ("1,234.56", 123456), ("¥ 88元", 8800), ("", None)],
)
def test_amounts_in_yuan_become_fen(text: str, fen: int | None) -> None:
    assert parse_amount(text) == fen


@pytest.mark.parametrize("text", ["-1", "1.234", "abc", "NaN", "Infinity", "1e20"])
def test_amounts_that_are_not_money_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_amount(text)


def test_bad_answers_are_refused_and_change_nothing(workspace: Workspace) -> None:
    inspection_id = _new(workspace)
    item = get_inspection(workspace, inspection_id).checklist.items[0].code
    with pytest.raises(NotFound):
        record_answer(workspace, inspection_id, "Z9.99", "ok")
    with pytest.raises(InvalidInput, match="结果"):
        record_answer(workspace, inspection_id, item, "maybe")
    with pytest.raises(InvalidInput, match="可记录的违规类别"):
        record_answer(workspace, inspection_id, item, "problem", violation="VP05")
    with pytest.raises(InvalidInput, match="金额"):
        record_answer(workspace, inspection_id, item, "problem", amount="-5")
    view = get_inspection(workspace, inspection_id)
    assert view.answers == {}
    assert view.status is InspectionStatus.DRAFT


def test_a_finished_inspection_takes_no_answers_until_reopened(workspace: Workspace) -> None:
    inspection_id = _new(workspace)
    item = get_inspection(workspace, inspection_id).checklist.items[0].code
    finish_lawfully(workspace, inspection_id)
    with pytest.raises(InvalidInput, match="待签字"):
        record_answer(workspace, inspection_id, item, "ok")
    reopen_inspection(workspace, inspection_id)
    record_answer(workspace, inspection_id, item, "ok")


def test_team_rules(workspace: Workspace) -> None:
    with pytest.raises(InvalidInput, match="组长"):
        _new(workspace, leader="999")
    with pytest.raises(InvalidInput, match="两次"):
        _new(workspace, team=[TEAM[0], TEAM[0]])
    _new(workspace)
    with pytest.raises(InvalidInput, match="已登记为"):
        _new(workspace, team=[TeamMember("王五", "370100001")])


def test_the_checklist_of_a_visit_does_not_change_with_the_library(workspace: Workspace) -> None:
    inspection_id = _new(workspace)
    before = get_inspection(workspace, inspection_id).checklist
    workspace.library.items.clear()  # as if a later library dropped every item
    assert get_inspection(workspace, inspection_id).checklist == before


def test_ids_can_be_given_by_prefix(workspace: Workspace) -> None:
    inspection_id = _new(workspace)
    assert get_inspection(workspace, inspection_id[:8]).id == inspection_id
    with pytest.raises(InvalidInput):
        get_inspection(workspace, "ab")
    with pytest.raises(NotFound):
        get_inspection(workspace, "ffffffff")


def test_a_full_disk_gives_a_clear_message_and_keeps_what_was_saved(
    workspace: Workspace,
) -> None:
    from sqlalchemy import event

    from inspector.errors import StorageError

    inspection_id = _new(workspace)
    items = get_inspection(workspace, inspection_id).checklist.items
    record_answer(workspace, inspection_id, items[0].code, "ok", note="已保存")

    def no_room(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        pages = dbapi_connection.execute("pragma page_count").fetchone()[0]
        dbapi_connection.execute(f"pragma max_page_count = {pages}")

    event.listen(workspace.db.engine, "connect", no_room)
    workspace.db.engine.dispose()  # pooled connections are made again, with the limit
    try:
        with pytest.raises(StorageError, match="磁盘已满"):
            record_answer(workspace, inspection_id, items[1].code, "problem", note="长" * 200_000)
    finally:
        event.remove(workspace.db.engine, "connect", no_room)
        workspace.db.engine.dispose()
    answers = get_inspection(workspace, inspection_id).answers
    assert list(answers) == [items[0].code]
    assert answers[items[0].code].note == "已保存"


def test_an_older_database_is_backed_up_and_upgraded_with_its_data(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    from inspector.db.engine import make_engine
    from inspector.db.migrate import MIGRATIONS

    home = tmp_path / "old"
    home.mkdir()
    database = home / "inspector.sqlite3"
    engine = make_engine(database)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    engine.dispose()
    from inspector.checklists.composer import compose
    from inspector.checklists.library import load_library

    composed = compose(load_library(), "public_hospital", "surprise")
    snapshot = json.dumps(composed.to_snapshot(), ensure_ascii=False)
    connection = sqlite3.connect(database)
    connection.execute(
        "insert into institutions (id, device_id, created_at, updated_at, name, type_code,"
        " district) values ('i1', 'd', '2026-01-01', '2026-01-01', '某医院', 'public_hospital',"
        " '历下区')"
    )
    connection.execute(
        "insert into inspections (id, device_id, created_at, updated_at, institution_id, mode,"
        " status, district, focus, checklist, checklist_version) values ('insp0001', 'd',"
        " '2026-01-01', '2026-01-01', 'i1', 'surprise', 'draft', '历下区', '[]', ?, 'v')",
        (snapshot,),
    )
    connection.execute(
        "insert into answers (id, device_id, created_at, updated_at, inspection_id, item_code,"
        " result, note) values ('a1', 'd', '2026-01-01', '2026-01-01', 'insp0001', 'P1.1',"
        " 'ok', '有')"
    )
    connection.commit()
    connection.close()

    with Workspace.open(home) as ws:
        assert any("备份" in notice for notice in ws.notices)
        (summary,) = list_inspections(ws)
        assert get_inspection(ws, summary.id).answers["P1.1"].note == "有"
    assert summary.item_count == len(composed.items)
    (copy,) = (home / "backups").iterdir()
    old = sqlite3.connect(copy)
    assert [r[0] for r in old.execute("select version_num from alembic_version")] == ["0001"]
    old.close()


def test_the_app_migration_goes_down_and_up_again(workspace: Workspace) -> None:
    from alembic import command
    from alembic.config import Config

    from inspector.db.migrate import MIGRATIONS, migration_connection

    inspection_id = _new(workspace)
    item = get_inspection(workspace, inspection_id).checklist.items[0].code
    record_answer(workspace, inspection_id, item, "ok", note="保留")
    before = get_inspection(workspace, inspection_id).checklist
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with migration_connection(workspace.db.engine) as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003_app@0001")
        command.upgrade(config, "heads")
    after = get_inspection(workspace, inspection_id)
    assert after.checklist == before
    assert after.answers[item].note == "保留"


def test_the_quick_schema_check_agrees_with_alembic() -> None:
    from inspector.db.migrate import script_heads

    assert script_heads() == head_revisions()


def test_the_migrations_make_exactly_the_schema_of_the_models(workspace: Workspace) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from inspector.db.models import Base

    with workspace.db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"render_as_batch": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_an_atomic_write_leaves_the_old_file_when_it_fails(tmp_path: Path) -> None:
    from inspector.files import write_atomically

    target = tmp_path / "record.pdf"
    write_atomically(target, b"first")
    missing = tmp_path / "no-such-source.pdf"
    with pytest.raises(FileNotFoundError):
        write_atomically(target, missing)
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["record.pdf"]  # no temporary left
    write_atomically(target, b"second")
    assert target.read_bytes() == b"second"
    assert target.stat().st_mode & 0o777 == 0o600
