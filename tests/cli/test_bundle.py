"""Hand-over bundles: the round trip between two data directories, idempotence,
overlap, incremental exports, tombstones, conflicts (signed: refused; unsigned: kept for the
leader), every hostile bundle refused with nothing changed, a SIGKILL during import, and the
cross-district visit seen by the host."""

from __future__ import annotations

import io
import json
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from inspector.bundle import export_bundle, rows
from inspector.bundle.format import MANIFEST
from inspector.db.models import Base
from inspector.errors import StorageError
from inspector.workspace import Workspace
from tests.helpers.bundle import (
    PASSPHRASE,
    audit_lines,
    bundle_export,
    bundle_import,
    full_visit,
    laptop_data,
    laptop_state,
    make_laptop,
    resign_bundle,
    rewrite_bundle,
    sign_by_keys,
    zip_info,
)
from tests.helpers.cli import Cli, new_inspection
from tests.helpers.homes import PHOTOS, ROOT
from tests.helpers.signing_pki import make_ca, make_p12

# --- the round trip ---------------------------------------------------------------------------


def test_the_round_trip_leaves_both_laptops_equal_and_verifiable(
    cli: Cli, office: Cli, team_keys: dict[str, str], tmp_path: Path
) -> None:
    inspection_id = full_visit(cli, tmp_path)
    sign_by_keys(cli, inspection_id, team_keys, tmp_path)
    bundle = tmp_path / "交接包.zip"
    made = bundle_export(cli, bundle, "--key", team_keys["370100001"], "--to", "市局")
    assert made["signer"]["kind"] == "inspector" and made["signer"]["cert_no"] == "370100001"
    # JPEGs and PDFs are stored, not compressed; the JSON is.
    with zipfile.ZipFile(bundle) as archive:
        kinds = {(i.filename.split("/")[0], i.compress_type) for i in archive.infolist()}
    assert ("evidence", zipfile.ZIP_STORED) in kinds and ("records", zipfile.ZIP_STORED) in kinds
    assert ("data", zipfile.ZIP_DEFLATED) in kinds

    out, _ = office("bundle", "verify", str(bundle))
    assert "验证通过" in out and "张伟" in out
    out, _ = bundle_import(office, bundle, "--json")
    result = json.loads(out)
    assert result["changed"] and result["conflicts"] == []
    assert "张伟" in result["from"]

    assert laptop_data(office.home) == laptop_data(cli.home)
    # Every evidence file; of the record files, the ones a row names (the sender also keeps
    # the versions before each signature, which no row names).
    here, there = laptop_state(office.home)["files"], laptop_state(cli.home)["files"]
    assert [f for f in here if f.startswith("evidence")] == [
        f for f in there if f.startswith("evidence")
    ]
    assert set(here) < set(there) and any(f.startswith("records/") for f in here)
    office("verify-evidence", inspection_id)
    office("audit", "verify")
    with Workspace.open(office.home) as ws:
        [record_path] = [
            r[0]
            for r in sqlite3.connect(office.home / "inspector.sqlite3").execute(
                "select path from records where kind = 'inspection_record'"
            )
        ]
        target = tmp_path / "copy.pdf"
        ws.records.save_copy(record_path, target)
    # Trial keys: intact, on the team, data equal to the receiver's: untrusted (2), not failed.
    out, _ = office("record", "verify", str(target), "--json", expect=2)
    report = json.loads(out)
    assert not report["problems"] and not report["record_problems"]
    assert any("与本机数据库一致" in note for note in report["notes"])

    # The receiver's log says who handed it over.
    events = [json.loads(line) for line in audit_lines(office, tmp_path)]
    [imported] = [e for e in events if e["action"] == "bundle.import"]
    assert "张伟" in imported["details"]["from"]
    assert imported["device_id"] == "office-laptop"


def test_importing_twice_or_overlapping_bundles_changes_nothing(
    cli: Cli, office: Cli, tmp_path: Path
) -> None:
    first = full_visit(cli, tmp_path)
    second = new_inspection(cli)
    one = tmp_path / "one.zip"
    both = tmp_path / "both.zip"
    bundle_export(cli, one, "--inspection", first)
    bundle_export(cli, both)
    bundle_import(office, one)
    after_one = laptop_state(office.home)
    out, _ = bundle_import(office, one)
    assert "没有变化" in out
    assert laptop_state(office.home) == after_one  # not even an event
    bundle_import(office, both)
    after_both = laptop_state(office.home)
    bundle_import(office, one)
    bundle_import(office, both)
    assert laptop_state(office.home) == after_both
    data = laptop_data(office.home)
    assert len(data["inspections"]) == 2 and len(data["institutions"]) == 1
    assert len(data["inspectors"]) == 2
    assert data == laptop_data(cli.home)
    assert second


def test_since_exports_only_what_changed_and_tombstones_delete_there_too(
    cli: Cli, office: Cli, tmp_path: Path
) -> None:
    inspection_id = full_visit(cli, tmp_path)
    full = bundle_export(cli, tmp_path / "week1.zip", "--to", "市局")
    assert full["files"] == 29  # 9 photos (original, thumbnail, print copy), an annotated copy
    bundle_import(office, tmp_path / "week1.zip")
    # A week later: one answer changed, one cleared (a tombstone), one photo more.
    cli("answer", inspection_id, "P5.1", "--result", "problem", "--note", "床位空置 3 张")
    with Workspace.open(cli.home) as ws:
        from inspector.inspections import save_answer

        save_answer(ws, inspection_id, "P1.1", None)
    cli("evidence", "add", inspection_id, str(PHOTOS / "orientation" / "landscape_3.jpg"))
    out, _ = cli("evidence", "list", inspection_id, "--json")
    old = next(e["id"] for e in json.loads(out) if e["original_name"] != "landscape_3.jpg")
    cli("evidence", "caption", old, "护士站床位一览表")
    week2 = tmp_path / "week2.zip"
    made = bundle_export(cli, week2, "--since", "市局")
    # The new photo's files go in; the captioned one's the office has: not copied again.
    assert made["files"] == 3 and made["requires"] == 3
    assert made["counts"]["evidence"] == 2 and made["counts"]["tombstones"] == 1

    bundle_import(office, week2)
    assert laptop_data(office.home) == laptop_data(cli.home)
    out, _ = office("inspection", "show", inspection_id, "--json")
    assert "床位空置 3 张" in out and "P1.1" not in json.dumps(
        [a for a in json.loads(out).get("answers", []) if a.get("result") != "unchecked"]
    )
    office("verify-evidence", inspection_id)
    office("audit", "verify")


def test_an_incremental_bundle_without_its_predecessor_is_refused(
    cli: Cli, office: Cli, tmp_path: Path
) -> None:
    inspection_id = full_visit(cli, tmp_path)
    bundle_export(cli, tmp_path / "week1.zip", "--to", "市局")
    cli("answer", inspection_id, "P5.1", "--result", "problem", "--note", "改了")
    bundle_export(cli, tmp_path / "week2.zip", "--since", "市局")
    before = laptop_state(office.home)
    _, err = bundle_import(office, tmp_path / "week2.zip", expect=1)
    assert "请先导入此前的交接包" in err
    assert laptop_state(office.home) == before


# --- conflicts --------------------------------------------------------------------------------


def test_a_different_version_of_a_signed_inspection_is_refused(
    cli: Cli, office: Cli, team_keys: dict[str, str], tmp_path: Path, template_home: Path
) -> None:
    inspection_id = full_visit(cli, tmp_path)
    bundle_export(cli, tmp_path / "draft.zip")
    bundle_import(office, tmp_path / "draft.zip")
    # The office's copy is finished and signed there; the field laptop goes on changing its own.
    office("config", "current_inspector", "370100001")
    for name, cert in (("张伟", "370100001"), ("李娜", "370100002")):
        office("key", "trial", "--name", name, "--cert-no", cert)
    office_keys = {
        k["cert_no"]: k["key_id"] for k in json.loads(office("key", "list", "--json")[0])
    }
    sign_by_keys(office, inspection_id, office_keys, tmp_path)
    cli("answer", inspection_id, "P1.1", "--result", "problem", "--note", "后来改的")
    changed = tmp_path / "changed.zip"
    bundle_export(cli, changed)
    before = laptop_state(office.home)
    _, err = bundle_import(office, changed, expect=1)
    assert "已签字锁定" in err and "P1.1" in err
    assert laptop_state(office.home) == before
    # The signed version back to the field laptop, which changed it since: refused too.
    back = tmp_path / "back.zip"
    bundle_export(office, back, "--inspection", inspection_id)
    before = laptop_state(cli.home)
    _, err = bundle_import(cli, back, expect=1)
    assert "已签字锁定" in err
    assert laptop_state(cli.home) == before
    # An amendment (更正记录) of the signed inspection goes in, linked to the one it amends.
    out, _ = office("record", "amend", inspection_id)
    amendment = out.strip()
    bundle_export(office, tmp_path / "amend.zip", "--inspection", amendment)
    third = Cli(make_laptop(template_home, tmp_path / "third", "third-laptop"), cli.capsys)
    out, _ = bundle_import(third, tmp_path / "amend.zip", "--json")
    assert json.loads(out)["amendments"] == [[amendment, inspection_id]]
    connection = sqlite3.connect(third.home / "inspector.sqlite3")
    linked = dict(connection.execute("select id, amends_id from inspections").fetchall())
    connection.close()
    assert linked == {amendment: inspection_id, inspection_id: None}
    third("audit", "verify")


def test_an_unsigned_inspection_changed_on_both_sides_keeps_both_for_the_leader(
    cli: Cli, office: Cli, tmp_path: Path
) -> None:
    inspection_id = full_visit(cli, tmp_path)
    bundle_export(cli, tmp_path / "one.zip")
    bundle_import(office, tmp_path / "one.zip")
    office("answer", inspection_id, "P1.1", "--result", "problem", "--note", "办公室的版本",
           "--as", "370100001")  # fmt: skip
    cli("answer", inspection_id, "P1.1", "--result", "na", "--note", "现场的版本")
    bundle_export(cli, tmp_path / "two.zip")
    out, _ = bundle_import(office, tmp_path / "two.zip", "--json")
    result = json.loads(out)
    [conflict] = result["conflicts"]
    assert "P1.1" in conflict["label"] and "result" in conflict["fields"]
    assert conflict["local"]["note"] == "办公室的版本"
    assert conflict["incoming"]["note"] == "现场的版本"
    # Both kept: the office's in its table, the field's beside it; nothing silently lost.
    out, _ = office("inspection", "show", inspection_id, "--json")
    assert "办公室的版本" in out
    out, _ = office("bundle", "conflicts")
    assert conflict["id"][:8] in out
    # Only the leader settles.
    _, err = office("bundle", "settle", conflict["id"], "--keep", "incoming", "--as", "370100001",
                    expect=1)  # fmt: skip
    assert "组长" in err
    office("bundle", "settle", conflict["id"], "--keep", "incoming", "--as", "370100002")
    out, _ = office("inspection", "show", inspection_id, "--json")
    assert "现场的版本" in out and "办公室的版本" not in out
    out, _ = office("bundle", "conflicts")
    assert "没有待处理" in out
    # The same bundle again: no new conflict.
    bundle_import(office, tmp_path / "two.zip")
    out, _ = office("bundle", "conflicts")
    assert "没有待处理" in out
    office("audit", "verify")


# --- hostile bundles --------------------------------------------------------------------------


def _member(items: list[tuple[zipfile.ZipInfo, bytes]], prefix: str) -> int:
    return next(n for n, (info, _) in enumerate(items) if info.filename.startswith(prefix))


def _hostile(good: Path, home: Path, tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Each hostile case: the bundle and a word the refusal must say."""
    cases: dict[str, tuple[Path, str]] = {}

    def case(name: str, word: str, change: Callable[[Any], Any]) -> None:
        cases[name] = (rewrite_bundle(good, tmp_path / f"{name}.zip", change), word)

    def flip_manifest(items: Any) -> Any:
        n = _member(items, MANIFEST)
        info, data = items[n]
        items[n] = (info, data.replace(b'"receiver"', b'"receivex"', 1))
        return items

    case("bad_signature", "签名", flip_manifest)
    case(
        "member_missing",
        "缺少",
        lambda items: [i for n, i in enumerate(items) if n != _member(items, "evidence/")],
    )

    def extra(items: Any) -> Any:
        return [*items, (zip_info("evidence/00/extra.jpg"), b"x")]

    case("member_extra", "未列出", extra)

    def tamper(items: Any) -> Any:
        n = _member(items, "evidence/")
        info, data = items[n]
        items[n] = (info, data[:-1] + bytes([data[-1] ^ 1]))
        return items

    case("hash_mismatch", "摘要不符", tamper)
    case("traversal", "不安全", lambda items: [*items, (zip_info("../../etc/evil"), b"x")])
    case("absolute", "不安全", lambda items: [*items, (zip_info("/etc/evil"), b"x")])
    case(
        "link",
        "链接",
        lambda items: [
            *items,
            (zip_info("evidence/00/link", stat.S_IFLNK | 0o777), b"/etc/passwd"),
        ],
    )
    case("duplicate", "重名", lambda items: [*items, items[_member(items, "data/answers")]])
    case("duplicate_case", "重名", lambda items: [*items, (zip_info("DATA/answers.jsonl"), b"")])

    def bomb(items: Any) -> Any:
        return [
            *items,
            (zip_info("data/zeros.jsonl", compress=zipfile.ZIP_DEFLATED), b"\0" * (64 << 20)),
        ]

    case("bomb", "压缩炸弹", bomb)
    case(
        "newer",
        "较新版本",
        lambda items: resign_bundle(items, home, lambda m: m.update(version=99)),
    )

    def unknown_table(items: Any) -> Any:
        items = [*items, (zip_info("data/secrets.jsonl"), b"{}\n")]

        def edit(manifest: dict[str, Any]) -> None:
            import hashlib

            manifest["members"].append(
                {
                    "name": "data/secrets.jsonl",
                    "sha256": hashlib.sha256(b"{}\n").hexdigest(),
                    "size": 3,
                }
            )

        return resign_bundle(items, home, edit)

    case("unknown_table", "不认识", unknown_table)

    def log_cut(items: Any) -> Any:
        """The action log left out (re-signed by the exporting laptop): the rows' change
        numbers name events the receiver would never get."""
        items = [i for i in items if i[0].filename != "data/audit_events.jsonl"]

        def edit(manifest: dict[str, Any]) -> None:
            manifest["members"] = [
                m for m in manifest["members"] if m["name"] != "data/audit_events.jsonl"
            ]

        return resign_bundle(items, home, edit)

    case("log_cut", "操作记录", log_cut)
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size * 2 // 3])
    cases["truncated"] = (truncated, "不完整")
    return cases


def test_every_hostile_bundle_is_refused_with_a_reason_and_changes_nothing(
    cli: Cli, office: Cli, tmp_path: Path
) -> None:
    full_visit(cli, tmp_path)
    good = tmp_path / "good.zip"
    bundle_export(cli, good)
    before = laptop_state(office.home)
    cases = _hostile(good, cli.home, tmp_path)
    for name, (bundle, word) in cases.items():
        _, err = bundle_import(office, bundle, expect=1)
        assert word in err, (name, err)
        out, _ = office("bundle", "verify", str(bundle), expect=1)
        assert word in out, (name, out)
        assert laptop_state(office.home) == before, name
    bundle_import(office, good)  # the good one still goes in


def test_a_bundle_of_a_signer_the_receiver_does_not_trust_is_refused(
    cli: Cli, office: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The receiver is told which signers it trusts (its trust list, or --trust): a bundle
    signed by another bureau's inspector, or by a device it was not told of, is refused."""
    monkeypatch.setenv("INSPECTOR_KEY_PASSPHRASE", PASSPHRASE)
    ours, theirs = make_ca(), make_ca()
    p12 = tmp_path / "other.p12"
    p12.write_bytes(make_p12(theirs, "王五", "370199999", passphrase=PASSPHRASE))
    out, _ = cli("key", "import", str(p12), "--json")
    key_id = json.loads(out)["key_id"]
    full_visit(cli, tmp_path)
    bundle = tmp_path / "other.zip"
    bundle_export(cli, bundle, "--key", key_id)
    ca = tmp_path / "our-ca.pem"
    ca.write_bytes(ours.pem)
    office("config", "trust", "add", str(ca))
    before = laptop_state(office.home)
    _, err = bundle_import(office, bundle, expect=1)
    assert "不在本机信任的签名者之列" in err
    assert laptop_state(office.home) == before
    theirs_pem = tmp_path / "their-ca.pem"
    theirs_pem.write_bytes(theirs.pem)
    office("bundle", "verify", str(bundle), "--trust", str(theirs_pem))
    bundle_import(office, bundle, "--trust", str(theirs_pem))


# --- a kill during import ------------------------------------------------------------------------


def test_a_kill_at_a_random_moment_of_an_import_leaves_before_or_after(
    cli: Cli, template_home: Path, tmp_path: Path
) -> None:
    inspection_id = full_visit(cli, tmp_path)
    for folder in ("orientation", "exif-org"):
        if (PHOTOS / folder).is_dir():
            cli("evidence", "add", inspection_id, str(PHOTOS / folder))
    bundle = tmp_path / "big.zip"
    bundle_export(cli, bundle)
    expected = laptop_data(cli.home)
    rng = random.Random(20261203)
    outcomes = set()
    for run in range(6):
        home = make_laptop(template_home, tmp_path / f"receiver{run}", f"receiver-{run}")
        before = laptop_state(home)
        child = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "bundle", "import", str(bundle),
             "--home", str(home)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        # Once the import has begun (its scratch folder exists), kill it at a seeded-random
        # moment: while the bundle is checked and staged, the files renamed, or the merge.
        incoming = home / "evidence" / ".incoming"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and child.poll() is None:
            if incoming.is_dir() and any(p.is_dir() for p in incoming.iterdir()):
                break
            time.sleep(0.005)
        time.sleep(rng.uniform(0.0, 1.5))
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        with Workspace.open(home):  # the next start finishes what the kill left
            pass
        state = laptop_state(home)
        if laptop_data(home) == expected:
            outcomes.add("imported")
            Cli(home, cli.capsys)("verify-evidence", inspection_id)
            assert state["files"] == laptop_state(cli.home)["files"]
        else:
            outcomes.add("before")
            assert state == before, f"run {run}: half imported"
        Cli(home, cli.capsys)("audit", "verify")
    print("kill outcomes:", sorted(outcomes))
    assert outcomes  # which ones depends on the machine's speed; both are fine


# --- the cross-district visit ---------------------------------------------------------------------


def test_the_host_district_sees_the_visiting_teams_visit(
    cli: Cli, office: Cli, tmp_path: Path
) -> None:
    inspection_id = new_inspection(cli, "--mode", "cross", "--team-district", "市中区")
    bundle = tmp_path / "交叉检查.zip"
    bundle_export(cli, bundle, "--to", "历城区医疗保障局")
    out, _ = office("bundle", "import", str(bundle), "--dry-run")
    assert "历城区" in out and "检查组来自 市中区" in out
    bundle_import(office, bundle)
    out, _ = office("inspection", "list")
    assert inspection_id[:8] in out and "历城区，检查组来自 市中区" in out
    out, _ = office("inspection", "show", inspection_id, "--json")
    shown = json.loads(out)
    assert shown["institution"]["district"] == "历城区" and shown["team_district"] == "市中区"


def test_too_many_members_and_a_cancelled_export_leave_nothing(
    cli: Cli, office: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inspector.bundle import format as bundle_format
    from inspector.progress import Cancelled

    inspection_id = full_visit(cli, tmp_path)
    good = tmp_path / "good.zip"
    bundle_export(cli, good)
    monkeypatch.setattr(bundle_format, "MAX_MEMBERS", 10)  # the count limit, made small
    before = laptop_state(office.home)
    _, err = bundle_import(office, good, expect=1)
    assert "文件太多" in err
    assert laptop_state(office.home) == before
    monkeypatch.undo()

    class CancelAfterFive:
        done = 0

        def start(self, total: int, label: str) -> None:
            pass

        def advance(self, done: int, message: str = "") -> None:
            self.done = done

        @property
        def cancelled(self) -> bool:
            return self.done >= 5

    target = tmp_path / "cancelled.zip"
    events = len(audit_lines(cli, tmp_path))
    with Workspace.open(cli.home) as ws, pytest.raises(Cancelled):
        export_bundle(ws, target, inspections=[inspection_id], reporter=CancelAfterFive())
    assert not target.exists() and list(tmp_path.glob(".cancelled.zip*")) == []
    assert len(audit_lines(cli, tmp_path)) == events  # no bundle.export event


def test_a_record_file_written_by_a_killed_import_goes_at_the_next_start(
    workspace: Workspace,
) -> None:
    """The record store's journal: files an import wrote before its rows were committed."""
    journal = workspace.records.journal(["records/x/orphan.pdf"])
    workspace.records.put_stream(
        "records/x/orphan.pdf", io.BytesIO(b"%PDF-1.7 test"), _sha(b"%PDF-1.7 test")
    )
    assert workspace.records.hash_of("records/x/orphan.pdf") == _sha(b"%PDF-1.7 test")
    # Alive (locked): the next start leaves it alone.
    with Workspace.open(workspace.home.root) as other:
        assert other.records.hash_of("records/x/orphan.pdf") is not None
    journal.abandon()  # as a kill would
    with Workspace.open(workspace.home.root) as other:
        assert other.records.hash_of("records/x/orphan.pdf") is None
    with pytest.raises(StorageError):  # bytes that do not hash to what the row says
        workspace.records.put_stream("records/x/a.pdf", io.BytesIO(b"abc"), _sha(b"abd"))


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def test_the_same_institution_and_team_made_on_both_laptops_is_no_conflict(
    cli: Cli, office: Cli, tmp_path: Path
) -> None:
    """Natural ids: the institution and the inspectors each laptop entered are the same rows."""
    new_inspection(cli)
    new_inspection(office)
    bundle_export(cli, tmp_path / "field.zip")
    out, _ = bundle_import(office, tmp_path / "field.zip", "--json")
    result = json.loads(out)
    assert result["conflicts"] == [] and result["inserted"]["inspections"] == 1
    assert "institutions" not in result["inserted"] and "inspectors" not in result["inserted"]
    assert len(laptop_data(office.home)["institutions"]) == 1
    office("audit", "verify")


# --- what came after the visit travels too ------------------------------------------

FOLLOW_UP = ("drug_checks", "ledger_entries", "case_actions", "rectification_orders")


def test_every_table_travels_or_is_declared_a_laptops_own() -> None:
    tables = set(Base.metadata.tables)
    assert set(rows.TABLES) | rows.LOCAL == tables, "add the new table to TABLES or LOCAL"
    assert not set(rows.TABLES) & rows.LOCAL
    # Each after the tables it refers to, as the import writes them.
    order = {name: index for index, name in enumerate(rows.TABLES)}
    for name in rows.TABLES:
        for key in Base.metadata.tables[name].foreign_keys:
            target = key.column.table.name
            if target != name:  # an amendment refers to the inspection it corrects
                assert order[target] < order[name], f"{name} before {target}"


def _rows(home: Path, table: str) -> list[str]:
    connection = sqlite3.connect(home / "inspector.sqlite3")
    found = sorted(map(repr, connection.execute(f"select * from {table}").fetchall()))
    connection.close()
    return found


def _signed_with_follow_up(cli: Cli, keys: dict[str, str], tmp_path: Path) -> tuple[str, str]:
    inspection = full_visit(cli, tmp_path, "--focus", "key_drugs_2023")
    cli("drug", inspection, "FK.1", "1", "--count", "12", "--unit", "瓶", "--note", "库存不符")
    sign_by_keys(cli, inspection, keys, tmp_path)
    out, _ = cli("ledger", "list", "--json")
    (entry,) = json.loads(out)["entries"]
    cli("ledger", "case", entry["id"][:8], "--kind", "协议处理", "--date", "2026-11-02",
        "--body", "历城区医疗保障局", "--doc-no", "历医保协〔2026〕1号")  # fmt: skip
    cli("ledger", "order", inspection, "--deadline", "2099-12-31")
    return inspection, entry["id"]


def test_the_drug_entries_ledger_case_steps_and_order_go_with_the_inspection(
    cli: Cli, office: Cli, team_keys: dict[str, str], tmp_path: Path
) -> None:
    _inspection, _entry = _signed_with_follow_up(cli, team_keys, tmp_path)
    bundle = tmp_path / "交接包.zip"
    bundle_export(cli, bundle)
    out, _ = office("bundle", "verify", str(bundle))
    assert "验证通过" in out
    bundle_import(office, bundle)
    for table in FOLLOW_UP:
        assert _rows(cli.home, table), table
        assert _rows(office.home, table) == _rows(cli.home, table), table
    # The order's PDF came with it, through the record store, and is kept at the next start.
    (path,) = [
        r[0]
        for r in sqlite3.connect(office.home / "inspector.sqlite3").execute(
            "select path from rectification_orders"
        )
    ]
    with Workspace.open(cli.home) as sender, Workspace.open(office.home) as receiver:
        assert receiver.records.read_bytes(path) == sender.records.read_bytes(path)
    out, _ = office("ledger", "list")
    assert "历城区某社区卫生服务中心" in out
    office("audit", "verify")


def test_the_ledger_followed_up_on_both_laptops_is_a_conflict_not_a_refusal(
    cli: Cli, office: Cli, team_keys: dict[str, str], tmp_path: Path
) -> None:
    _inspection, entry = _signed_with_follow_up(cli, team_keys, tmp_path)
    first = tmp_path / "first.zip"
    bundle_export(cli, first)
    bundle_import(office, first)
    cli("ledger", "progress", entry[:8], "--status", "整改中", "--note", "已退回部分")
    office("ledger", "progress", entry[:8], "--status", "整改中", "--note", "约谈负责人")
    second = tmp_path / "second.zip"
    bundle_export(cli, second)
    out, _ = bundle_import(office, second, "--json")
    result = json.loads(out)
    assert [c["table"] for c in result["conflicts"]] == ["ledger_entries"]
    out, _ = office("bundle", "conflicts")
    assert "问题台账" in out


def test_a_bundle_goes_into_an_encrypted_laptop_and_nothing_lies_there_in_clear(
    cli: Cli,
    team_keys: dict[str, str],
    tmp_path: Path,
    passphrase_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from sqlalchemy import func, select

    from inspector.crypto.home import create_encrypted, unlock
    from inspector.db.models import Evidence
    from tests.helpers.homes import HOLDER
    from tests.helpers.homes import PASSPHRASE as HOME_PASSPHRASE

    inspection, _entry = _signed_with_follow_up(cli, team_keys, tmp_path)
    bundle = tmp_path / "交接包.zip"
    bundle_export(cli, bundle)
    receiver = tmp_path / "encrypted-office"
    Workspace.open(receiver, create_encrypted(receiver, HOLDER, HOME_PASSPHRASE)).close()
    monkeypatch.setenv("INSPECTOR_HOME_PASSPHRASE_FILE", str(passphrase_file))
    office = Cli(receiver, capsys)
    bundle_import(office, bundle)
    office("verify-evidence", inspection)
    office("audit", "verify")
    keys = unlock(receiver, HOLDER, HOME_PASSPHRASE)
    with Workspace.open(cli.home) as sender, Workspace.open(receiver, keys) as there:
        for model in (Evidence,):
            with sender.db.session() as a, there.db.session() as b:
                count = select(func.count()).select_from(model)
                assert a.scalar(count) == b.scalar(count) > 0
        for table in FOLLOW_UP:
            t = rows.table(table)
            with sender.db.session() as a, there.db.session() as b:
                assert a.execute(select(t)).all() == b.execute(select(t)).all(), table
        records = rows.table("records")
        with there.db.session() as b:
            paths = b.scalars(select(records.c.path)).all()
        assert paths
        for path in paths:
            assert there.records.read_bytes(path) == sender.records.read_bytes(path)
    # The photos, record PDFs and notes of the bundle are stored encrypted: none in clear.
    for file in receiver.rglob("*"):
        if file.is_file():
            data = file.read_bytes()
            assert not data.startswith((b"\xff\xd8\xff", b"%PDF-", b"SQLite format 3")), file
            assert "床位空置".encode() not in data, file
