"""The record's data hash has a format, stated by every record (its row and its PDF's Subject),
and ``record verify`` recomputes each format by its own rule: a record made before the format
was stated still verifies (tests/data/record_format1: a data directory whose record was built
and signed by the code of that day, see tests/data/make_record_format1.py), and a record of a
format this version does not know is refused with a message that says so."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from inspector.db.models import Record
from inspector.record.facts import HASH_FORMAT, UnknownHashFormat, data_hash
from inspector.record.signing import read_subject_fields, verify_record
from inspector.record.status import latest_record
from inspector.workspace import Workspace
from tests.helpers.cli import Cli, new_inspection, sign_by_hand
from tests.helpers.homes import DATA

SNAPSHOT = DATA / "record_format1"


@pytest.fixture
def format1_home(tmp_path: Path) -> Path:
    """A copy of the snapshot (opening it migrates it)."""
    home = tmp_path / "format1"
    shutil.copytree(SNAPSHOT, home)
    return home


def _signed_pdf(home: Path) -> Path:
    (final,) = home.glob("records/*/record-*-signed-2.pdf")
    return final


def test_a_record_signed_before_the_format_was_stated_still_verifies(
    format1_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    final = _signed_pdf(format1_home)
    fields = read_subject_fields(final)
    assert fields is not None and "hashformat" not in fields  # made before: format 1
    with Workspace.open(format1_home) as ws:
        check = verify_record(ws, final)
        assert check.known
        assert "记录所载数据与本机数据库一致" in check.notes, check.problems
        assert not check.problems, check.problems
        assert data_hash(ws, check.inspection_id, hash_format=None) == fields["data"]
        with ws.db.session() as session:
            assert session.scalars(select(Record.hash_format)).all() == [None]
        record = latest_record(ws, check.inspection_id)
        assert record is not None and record.current
    # The command line says the same (trial keys: intact, but never trusted: exit 2).
    from inspector.cli import main

    capsys.readouterr()
    assert main(["record", "verify", str(final), "--json", "--home", str(format1_home)]) == 2
    report = json.loads(capsys.readouterr().out)
    assert not report["problems"] and not report["record_problems"]
    assert "记录所载数据与本机数据库一致" in report["notes"]


def test_a_new_record_states_its_format(cli: Cli, home: Path, tmp_path: Path) -> None:
    inspection_id = new_inspection(cli)
    sign_by_hand(cli, inspection_id, tmp_path)
    with Workspace.open(home) as ws:
        record = latest_record(ws, inspection_id)
        assert record is not None and record.current
        fields = read_subject_fields(ws.records.save_copy(record.file, tmp_path / "r.pdf"))
        with ws.db.session() as session:
            stored = session.scalar(select(Record.hash_format).where(Record.id == record.id))
    assert fields is not None and fields["hashformat"] == str(HASH_FORMAT)
    assert stored == HASH_FORMAT


def test_a_record_of_an_unknown_format_is_refused_with_a_clear_message(
    cli: Cli, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A record as a later version would make it: its row and Subject state format 99.
    monkeypatch.setattr("inspector.record.build.HASH_FORMAT", 99)
    inspection_id = new_inspection(cli)
    sign_by_hand(cli, inspection_id, tmp_path)
    with Workspace.open(home) as ws:
        record = latest_record(ws, inspection_id)
        assert record is not None and not record.current  # cannot be judged current here
        path = ws.records.save_copy(record.file, tmp_path / "r.pdf")
        check = verify_record(ws, path)
        with pytest.raises(UnknownHashFormat, match="格式为 99"):
            data_hash(ws, inspection_id, hash_format="99")
    assert not check.ok
    assert any("格式为 99" in p and "不认识" in p for p in check.problems), check.problems
    assert "记录所载数据与本机数据库一致" not in check.notes
    out, _ = cli("record", "verify", str(path), "--json", expect=1)
    assert any("格式为 99" in p for p in json.loads(out)["record_problems"])


# --- format 2: the interview records the record lists ---------------------------------------------


def test_an_interview_added_after_the_build_puts_the_record_out_of_date(
    cli: Cli, home: Path
) -> None:
    inspection_id = new_inspection(cli)
    cli("interview", "new", inspection_id, "--name", "王某", "--role", "护士")
    cli("record", "build", inspection_id)
    out, _ = cli("record", "status", inspection_id, "--json", expect=None)
    assert json.loads(out)["record"]["current"] is True
    with Workspace.open(home) as ws:
        record = latest_record(ws, inspection_id)
        assert record is not None
        with ws.db.session() as session:
            stored = session.scalar(select(Record.hash_format).where(Record.id == record.id))
        assert stored == HASH_FORMAT == 2
    cli("interview", "new", inspection_id, "--name", "李某", "--role", "收费员")
    out, _ = cli("record", "status", inspection_id, expect=1)
    assert "生成后数据有变更，须重新生成" in out
    out, _ = cli("record", "status", inspection_id, "--json", expect=1)
    assert json.loads(out)["record"]["current"] is False
    # Built again, it lists both and is current.
    cli("record", "build", inspection_id)
    out, _ = cli("record", "status", inspection_id, expect=None)
    assert "与当前数据一致" in out


def test_each_format_hashes_the_interview_list_its_own_way(cli: Cli, home: Path) -> None:
    """Format 1 (records built before) leaves the list out, so such a record keeps its hash
    when an interview is added; format 2 covers it."""
    inspection_id = new_inspection(cli)
    with Workspace.open(home) as ws:
        before = {v: data_hash(ws, inspection_id, hash_format=v) for v in (1, 2)}
        assert data_hash(ws, inspection_id, hash_format=None) == before[1]
    cli("interview", "new", inspection_id, "--name", "王某")
    with Workspace.open(home) as ws:
        after = {v: data_hash(ws, inspection_id, hash_format=v) for v in (1, 2)}
    assert after[1] == before[1]
    assert after[2] != before[2]
    assert before[1] != before[2]  # format 2 states the (empty) list too
