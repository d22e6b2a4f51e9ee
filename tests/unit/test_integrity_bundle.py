"""The hand-over bundle on a laptop: a signed record travels only with its data, a
same-stamp changed signed answer is refused (not "没有变化"), and who handed it over is who
signed. Each attack as someone with a bundle and a trusted key would make it: unzip, edit,
re-hash the manifest, re-sign it with a key the receiver trusts; refused, the receiver as it
was."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspector.bundle.format import MANIFEST, SIGNATURE
from inspector.bundle.signature import sign_manifest
from inspector.signing.keystore import KeyStore
from inspector.workspace import Workspace
from tests.helpers.bundle import (
    PASSPHRASE,
    STROKES,
    audit_lines,
    bundle_export,
    bundle_import,
    full_visit,
    laptop_state,
    rewrite_bundle,
    sign_by_keys,
    zip_info,
)
from tests.helpers.cli import Cli, interview_ready, new_inspection
from tests.helpers.signing_pki import CA, make_ca, make_p12

ZHANG = ("张伟", "370100001")


@pytest.fixture
def bureau(
    cli: Cli, office: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[CA, str]:
    """The bureau's CA, on the office's trust list, and 张伟's key issued by it on the field
    laptop: the key a bundle is signed with, which the office trusts."""
    monkeypatch.setenv("INSPECTOR_KEY_PASSPHRASE", PASSPHRASE)
    ca = make_ca()
    pem = tmp_path / "bureau-ca.pem"
    pem.write_bytes(ca.pem)
    office("config", "trust", "add", str(pem))
    p12 = tmp_path / "zhang.p12"
    p12.write_bytes(make_p12(ca, *ZHANG, passphrase=PASSPHRASE))
    out, _ = cli("key", "import", str(p12), "--json")
    return ca, json.loads(out)["key_id"]


Items = list[tuple[zipfile.ZipInfo, bytes]]


def _forge(
    good: Path,
    target: Path,
    home: Path,
    key_id: str,
    *,
    rows: dict[str, Callable[[dict[str, Any]], None]] | None = None,
    manifest: Callable[[dict[str, Any]], None] | None = None,
) -> Path:
    """The attacker's bundle: rows of ``data/<table>.jsonl`` edited, the manifest re-hashed
    (each edited member's SHA-256 and size) and edited, then re-signed with the trusted key
    ``key_id`` of the laptop at ``home``."""
    with Workspace.open(home) as ws:
        key = KeyStore.of(ws).unlock(key_id, PASSPHRASE)

    def change(items: Items) -> Items:
        members = {info.filename: data for info, data in items}
        body = json.loads(members[MANIFEST])
        edited: dict[str, bytes] = {}
        for table, edit in (rows or {}).items():
            name = f"data/{table}.jsonl"
            lines = []
            for line in members[name].decode("utf-8").splitlines():
                data = json.loads(line)
                edit(data)
                lines.append(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
            edited[name] = ("\n".join(lines) + "\n").encode("utf-8")
        for entry in body["members"]:
            if entry["name"] in edited:
                entry["sha256"] = hashlib.sha256(edited[entry["name"]]).hexdigest()
                entry["size"] = len(edited[entry["name"]])
        if manifest is not None:
            manifest(body)
        signed = json.dumps(body, ensure_ascii=False).encode("utf-8")
        out: Items = []
        for info, data in items:
            if info.filename in edited:
                data = edited[info.filename]
            elif info.filename == MANIFEST:
                data = signed
            elif info.filename == SIGNATURE:
                data = sign_manifest(signed, key)
            out.append((info, data))
        return out

    return rewrite_bundle(good, target, change)


def _note(new: str) -> Callable[[dict[str, Any]], None]:
    """P5.1's note rewritten, nothing else of the row (its change stamp stays)."""

    def edit(data: dict[str, Any]) -> None:
        if data["item_code"] == "P5.1":
            data["note"] = new

    return edit


def _count(home: Path, table: str) -> int:
    connection = sqlite3.connect(home / "inspector.sqlite3")
    try:
        return int(connection.execute(f"select count(*) from {table}").fetchone()[0])
    finally:
        connection.close()


def _audit_head(home: Path) -> list[tuple[str, int, str]]:
    connection = sqlite3.connect(home / "inspector.sqlite3")
    try:
        return connection.execute(
            "select device_id, max(seq), hash from audit_events group by device_id"
        ).fetchall()
    finally:
        connection.close()


def _signed_visit(
    cli: Cli, keys: dict[str, str], tmp_path: Path, bundle_key: str
) -> tuple[str, Path]:
    inspection_id = full_visit(cli, tmp_path)
    sign_by_keys(cli, inspection_id, keys, tmp_path)
    good = tmp_path / "good.zip"
    bundle_export(cli, good, "--key", bundle_key)
    return inspection_id, good


# --- a signed record travels only with its data ---------------------------------------------------


def test_a_signed_finding_rewritten_in_the_bundle_is_refused_by_a_laptop_without_it(
    cli: Cli,
    office: Cli,
    team_keys: dict[str, str],
    bureau: tuple[CA, str],
    tmp_path: Path,
) -> None:
    """P5.1's note rewritten in data/answers.jsonl, the manifest re-hashed and
    re-signed by 张伟's trusted key: accepted, the ledger would take the altered finding as
    signed. Refused, naming the inspection and the row, and nothing is stored."""
    _ca, key_id = bureau
    inspection_id, good = _signed_visit(cli, team_keys, tmp_path, key_id)
    forged = _forge(
        good,
        tmp_path / "forged.zip",
        cli.home,
        key_id,
        rows={"answers": _note("床位未空置，未发现问题")},
    )
    # The container, the signature and every member hash are in order: only the data lie.
    out, _ = office("bundle", "verify", str(forged))
    assert "验证通过" in out and "张伟" in out

    before, head = laptop_state(office.home), _audit_head(office.home)
    _, err = bundle_import(office, forged, expect=1)
    assert inspection_id[:8] in err and "已签名的记录" in err and "数据不一致" in err
    assert "条目 P5.1 的检查结果" in err and "answer.save" in err, err
    assert laptop_state(office.home) == before and _audit_head(office.home) == head
    assert _count(office.home, "ledger_entries") == 0 == _count(office.home, "answers")
    out, _ = office("ledger", "list")
    assert "床位未空置" not in out

    # The genuine bundle goes in, and its record verifies against the rows it brought.
    bundle_import(office, good)
    assert _count(office.home, "ledger_entries") == 1
    # Where nothing was altered, no row is named as altered (on either laptop).
    from inspector.bundle.signed import _first_altered

    for home in (cli.home, office.home):
        with Workspace.open(home) as ws, ws.db.session() as session:
            assert _first_altered(session, inspection_id).startswith("操作记录中找不到")
    out, _ = office("inspection", "show", inspection_id, "--json")
    assert "床位空置" in out and "床位未空置" not in out


def test_a_signed_interview_rewritten_in_the_bundle_is_refused(
    cli: Cli,
    office: Cli,
    team_keys: dict[str, str],
    bureau: tuple[CA, str],
    tmp_path: Path,
) -> None:
    """An interview record carries a data hash too: a signed interview's answer rewritten
    (the inspection itself still open) is refused the same way."""
    _ca, key_id = bureau
    inspection_id = full_visit(cli, tmp_path)
    out, _ = cli("interview", "list", inspection_id, "--json")
    interview = json.loads(out)[0]["id"]
    strokes = tmp_path / "s.json"
    strokes.write_text(json.dumps(STROKES), encoding="utf-8")
    interview_ready(cli, interview)  # what the law asks of it first
    cli("record", "sign-hand", inspection_id, "--role", "interviewee", "--name", "王某",
        "--strokes", str(strokes), "--interview", interview)  # fmt: skip
    for name, cert in (("张伟", "370100001"), ("李娜", "370100002")):
        cli("record", "sign-hand", inspection_id, "--role", "inspector", "--name", name,
            "--cert-no", cert, "--strokes", str(strokes), "--interview", interview)  # fmt: skip
    cli("record", "build", "--interview", interview)
    for cert in ("370100001", "370100002"):
        cli("record", "sign", inspection_id, "--key", team_keys[cert], "--interview", interview)
    good = tmp_path / "good.zip"
    bundle_export(cli, good, "--key", key_id)

    def answer(data: dict[str, Any]) -> None:
        data["questions"] = [
            {**q, "a": "在病房"} if isinstance(q, dict) else q for q in data["questions"]
        ]
        assert data["questions"] and "在病房" in json.dumps(data["questions"], ensure_ascii=False)

    forged = _forge(good, tmp_path / "forged.zip", cli.home, key_id, rows={"interviews": answer})
    before, head = laptop_state(office.home), _audit_head(office.home)
    _, err = bundle_import(office, forged, expect=1)
    assert inspection_id[:8] in err and "已签名的记录" in err and "-W01" in err, err
    assert laptop_state(office.home) == before and _audit_head(office.home) == head
    bundle_import(office, good)


def test_a_signed_inspection_without_its_signed_record_is_refused(
    cli: Cli,
    office: Cli,
    team_keys: dict[str, str],
    bureau: tuple[CA, str],
    tmp_path: Path,
) -> None:
    """The signed PDF is what the data are compared with: a bundle that leaves the signed
    record's signatures out (its record row pointed at the unsigned build) cannot slip the
    altered rows past the check."""
    _ca, key_id = bureau
    inspection_id, good = _signed_visit(cli, team_keys, tmp_path, key_id)
    with zipfile.ZipFile(good) as archive:
        records = [json.loads(line) for line in archive.read("data/records.jsonl").splitlines()]
        [record] = [r for r in records if r["kind"] == "inspection_record"]
        signed_pdf = archive.read(record["path"])
    # The bytes the first signature was made over: the build itself (signing is incremental).
    unsigned = signed_pdf[: signed_pdf.index(b"%%EOF") + 5]
    assert b"/ByteRange" not in unsigned
    unsigned_name = f"records/{inspection_id}/unsigned.pdf"

    def unsign(items: Any) -> Any:
        out = []
        for info, data in items:
            if info.filename == record["path"]:
                info = zip_info(unsigned_name)
                data = unsigned
            out.append((info, data))
        return out

    def point(data: dict[str, Any]) -> None:
        if data["id"] == record["id"]:
            data["path"] = unsigned_name
            data["sha256"] = hashlib.sha256(unsigned).hexdigest()
            data["size"] = len(unsigned)

    def members(manifest: dict[str, Any]) -> None:
        for entry in manifest["members"]:
            if entry["name"] == record["path"]:
                entry.update(
                    name=unsigned_name,
                    sha256=hashlib.sha256(unsigned).hexdigest(),
                    size=len(unsigned),
                )

    renamed = rewrite_bundle(good, tmp_path / "unsigned.zip", unsign)
    forged = _forge(
        renamed,
        tmp_path / "forged.zip",
        cli.home,
        key_id,
        rows={
            "answers": _note("床位未空置"),
            "records": point,
        },
        manifest=members,
    )
    before = laptop_state(office.home)
    _, err = bundle_import(office, forged, expect=1)
    assert inspection_id[:8] in err and ("数据不一致" in err or "没有带数字签名" in err), err
    assert laptop_state(office.home) == before


def test_a_signed_inspection_passed_off_as_unsigned_without_its_record_is_refused(
    cli: Cli,
    office: Cli,
    team_keys: dict[str, str],
    bureau: tuple[CA, str],
    tmp_path: Path,
) -> None:
    """The other way round: the altered finding, the inspection marked unsigned again, its
    record and signatures left out. Nothing signed is left to compare with, but its findings
    are in the ledger, which only signing fills: refused."""
    _ca, key_id = bureau
    inspection_id, good = _signed_visit(cli, team_keys, tmp_path, key_id)
    with zipfile.ZipFile(good) as archive:
        records = [json.loads(line) for line in archive.read("data/records.jsonl").splitlines()]
    dropped = {r["path"] for r in records}
    gone = {"data/records.jsonl", "data/record_signatures.jsonl", *dropped}

    def drop(items: Any) -> Any:
        return [(info, data) for info, data in items if info.filename not in gone]

    def unsign(data: dict[str, Any]) -> None:
        data["status"] = "awaiting_signatures"

    def members(manifest: dict[str, Any]) -> None:
        manifest["members"] = [m for m in manifest["members"] if m["name"] not in gone]

    forged = _forge(
        rewrite_bundle(good, tmp_path / "no-record.zip", drop),
        tmp_path / "forged.zip",
        cli.home,
        key_id,
        rows={"answers": _note("床位未空置"), "inspections": unsign},
        manifest=members,
    )
    before = laptop_state(office.home)
    _, err = bundle_import(office, forged, expect=1)
    assert inspection_id[:8] in err and "问题台账" in err, err
    assert laptop_state(office.home) == before


# --- the same change stamp, other content ---------------------------------------------------------


def test_a_same_stamp_changed_signed_answer_is_refused_not_no_change(
    cli: Cli,
    office: Cli,
    team_keys: dict[str, str],
    bureau: tuple[CA, str],
    tmp_path: Path,
) -> None:
    """The office already has the signed inspection; a bundle whose P5.1 row keeps its
    change stamp but says something else is refused, not imported as "已导入过…没有变化"
    (which would hide the change)."""
    _ca, key_id = bureau
    inspection_id, good = _signed_visit(cli, team_keys, tmp_path, key_id)
    bundle_import(office, good)
    forged = _forge(
        good, tmp_path / "same-stamp.zip", cli.home, key_id, rows={"answers": _note("改过的")}
    )
    before, head = laptop_state(office.home), _audit_head(office.home)
    out, err = bundle_import(office, forged, expect=1)
    assert "没有变化" not in out + err
    assert "已签字锁定" in err and inspection_id[:8] in err and "P5.1" in err, err
    assert "改动标记相同" in err
    assert laptop_state(office.home) == before and _audit_head(office.home) == head
    # The genuine bundle again: that one has nothing new.
    out, _ = bundle_import(office, good)
    assert "没有变化" in out


# --- who handed it over is who signed -------------------------------------------------------------


def _as_li_na(manifest: dict[str, Any]) -> None:
    manifest["signer"].update(name="李娜", cert_no="370100002")


def test_a_manifest_naming_another_signer_than_the_certificate_is_refused(
    cli: Cli, office: Cli, bureau: tuple[CA, str], tmp_path: Path
) -> None:
    """Signed with 张伟's trusted key, the manifest naming 李娜: showing "交接人：李娜" and
    logging 李娜 as trusted would credit the hand-over to someone who did not sign it. Refused,
    in the preview and the import."""
    _ca, key_id = bureau
    full_visit(cli, tmp_path)
    good = tmp_path / "good.zip"
    bundle_export(cli, good, "--key", key_id)
    forged = _forge(good, tmp_path / "li-na.zip", cli.home, key_id, manifest=_as_li_na)
    before, head = laptop_state(office.home), _audit_head(office.home)
    out, _ = office("bundle", "verify", str(forged), expect=1)
    assert "签名者与实际签名的证书不符" in out and "李娜" in out and "张伟" in out
    out, err = office("bundle", "import", str(forged), "--dry-run", expect=1)
    assert "交接人：李娜" not in out and "签名者与实际签名的证书不符" in err
    _, err = bundle_import(office, forged, expect=1)
    assert "签名者与实际签名的证书不符" in err and "姓名" in err
    assert laptop_state(office.home) == before and _audit_head(office.home) == head
    # The certificate's 执法证号 alone changed: refused too.
    only_no = _forge(
        good,
        tmp_path / "cert-no.zip",
        cli.home,
        key_id,
        manifest=lambda m: m["signer"].update(cert_no="370100002"),
    )
    _, err = bundle_import(office, only_no, expect=1)
    assert "执法证号" in err and "370100002" in err and "370100001" in err
    assert laptop_state(office.home) == before


def test_the_signer_shown_and_logged_is_the_certificates(
    cli: Cli, office: Cli, bureau: tuple[CA, str], tmp_path: Path
) -> None:
    _ca, key_id = bureau
    full_visit(cli, tmp_path)
    good = tmp_path / "good.zip"
    bundle_export(cli, good, "--key", key_id)
    with Workspace.open(cli.home) as ws:
        info = KeyStore.of(ws).get(key_id)
    out, _ = office("bundle", "import", str(good), "--dry-run")
    assert "交接人：张伟（执法证号 370100001）" in out
    out, _ = bundle_import(office, good, "--json")
    assert json.loads(out)["from"].startswith("张伟（执法证号 370100001）")
    events = [json.loads(line) for line in audit_lines(office, tmp_path)]
    [imported] = [e for e in events if e["action"] == "bundle.import"]
    signer = imported["details"]["signer"]
    assert (signer["name"], signer["cert_no"]) == ZHANG
    assert signer["fingerprint_sha256"] == info.fingerprint_sha256
    assert imported["details"]["trusted"] is True
    assert imported["details"]["from"].startswith("张伟（执法证号 370100001）")


def test_the_import_dialog_shows_the_certificates_signer_and_refuses_the_forged_one(
    qtbot: QtBot, cli: Cli, office: Cli, bureau: tuple[CA, str], tmp_path: Path
) -> None:
    from ui.bundle_dialog import BundleImportDialog
    from ui.tasks import TaskRunner

    _ca, key_id = bureau
    full_visit(cli, tmp_path)
    good = tmp_path / "good.zip"
    bundle_export(cli, good, "--key", key_id)
    forged = _forge(good, tmp_path / "li-na.zip", cli.home, key_id, manifest=_as_li_na)
    before = laptop_state(office.home)
    with Workspace.open(office.home) as ws:
        dialog = BundleImportDialog(ws, TaskRunner())
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.failed, timeout=60000):
            dialog.preview(forged)
        assert "签名者与实际签名的证书不符" in dialog.title.text()
        assert "交接人：李娜" not in dialog.title.text() + dialog.details.toPlainText()
        assert not dialog.import_button.isEnabled()
        with qtbot.waitSignal(dialog.previewed, timeout=60000):
            dialog.preview(good)
        assert dialog.title.text() == "交接人：张伟（执法证号 370100001）"
        shown = dialog.details.toPlainText()
        assert "交接人：张伟（执法证号 370100001）" in shown
        with Workspace.open(cli.home) as sender:
            fingerprint = KeyStore.of(sender).get(key_id).fingerprint_sha256
        assert f"签名证书指纹（SHA-256）：{fingerprint}" in shown
    assert laptop_state(office.home) == before  # a preview changes nothing


def test_a_certificate_without_a_cert_no_proves_only_the_name(
    cli: Cli, office: Cli, bureau: tuple[CA, str], tmp_path: Path
) -> None:
    """A bureau certificate may lack serialNumber; the key was bound to a 执法证号 on the
    laptop that signed, which the receiver cannot check: shown and logged without it, with a
    note, and a manifest naming another person is still refused."""
    ca, _key_id = bureau
    p12 = tmp_path / "li.p12"
    p12.write_bytes(make_p12(ca, "李娜", "", passphrase=PASSPHRASE))
    out, _ = cli("key", "import", str(p12), "--cert-no", "370100002", "--json")
    key_id = json.loads(out)["key_id"]
    full_visit(cli, tmp_path)
    good = tmp_path / "good.zip"
    made = bundle_export(cli, good, "--key", key_id)
    assert made["signer"]["cert_no"] == "370100002"  # the manifest says the bound one
    forged = _forge(
        good,
        tmp_path / "zhang.zip",
        cli.home,
        key_id,
        manifest=lambda m: m["signer"].update(name="张伟"),
    )
    before = laptop_state(office.home)
    _, err = bundle_import(office, forged, expect=1)
    assert "签名者与实际签名的证书不符" in err
    assert laptop_state(office.home) == before
    out, _ = office("bundle", "import", str(good), "--dry-run")
    assert "交接人：李娜；" in out or "交接人：李娜\n" in out, out
    assert "签名证书中没有执法证号：清单所写的执法证号 370100002 未经证书证明" in out
    bundle_import(office, good)
    events = [json.loads(line) for line in audit_lines(office, tmp_path)]
    [imported] = [e for e in events if e["action"] == "bundle.import"]
    assert imported["details"]["signer"]["name"] == "李娜"
    assert imported["details"]["signer"]["cert_no"] is None


# --- a signed record moves only to its next signature ---------------------------------------


def _first_signed_version(home: Path, inspection_id: str) -> bytes:
    """The record as it was after its first signature (the member's), from the laptop's store."""
    connection = sqlite3.connect(home / "inspector.sqlite3")
    try:
        sha = connection.execute(
            "select s.pdf_sha256 from record_signatures s join records r on r.id = s.record_id"
            " where r.inspection_id = ? and r.interview_id is null order by s.signed_at limit 1",
            (inspection_id,),
        ).fetchone()[0]
    finally:
        connection.close()
    for path in (home / "records").rglob("*.pdf"):
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() == sha:
            return data
    raise AssertionError("the first signed version is not in the store")


def test_a_signed_records_file_is_not_replaced_by_its_earlier_version(
    cli: Cli,
    office: Cli,
    team_keys: dict[str, str],
    bureau: tuple[CA, str],
    tmp_path: Path,
) -> None:
    """The office holds the record signed by both; a bundle whose record file under the same
    name is the member-only version (a valid PDF of the same data, the leader's signature
    gone), its row re-hashed but its change stamp kept, is refused: the record store never
    replaces a kept file's bytes."""
    _ca, key_id = bureau
    inspection_id, good = _signed_visit(cli, team_keys, tmp_path, key_id)
    bundle_import(office, good)
    earlier = _first_signed_version(cli.home, inspection_id)
    earlier_sha = hashlib.sha256(earlier).hexdigest()
    with zipfile.ZipFile(good) as archive:
        record = next(
            json.loads(line)
            for line in archive.read("data/records.jsonl").decode("utf-8").splitlines()
            if json.loads(line)["inspection_id"] == inspection_id
            and json.loads(line).get("interview_id") is None
        )
    final = record["path"].replace("\\", "/")

    def swap(items: Items) -> Items:
        return [(info, earlier if info.filename == final else data) for info, data in items]

    def rehash(manifest: dict[str, Any]) -> None:
        for entry in manifest["members"]:
            if entry["name"] == final:
                entry.update(sha256=earlier_sha, size=len(earlier))

    def row(data: dict[str, Any]) -> None:
        if data["id"] == record["id"]:
            data.update(sha256=earlier_sha, size=len(earlier))

    swapped = rewrite_bundle(good, tmp_path / "swapped.zip", swap)
    forged = _forge(
        swapped,
        tmp_path / "earlier.zip",
        cli.home,
        key_id,
        rows={"records": row},
        manifest=rehash,
    )
    before, head = laptop_state(office.home), _audit_head(office.home)
    _out, err = bundle_import(office, forged, expect=1)
    assert final in err and "已存在且内容不同，未覆盖" in err, err
    assert laptop_state(office.home) == before and _audit_head(office.home) == head
    # The office's record is still the one both signed (exit 2: trial keys, not trusted).
    out, _ = office("record", "verify", str(office.home / final), expect=2)
    assert "验证通过：2 个签名完好" in out


def test_a_signed_records_row_moves_only_to_its_next_signature(
    cli: Cli,
    office: Cli,
    team_keys: dict[str, str],
    bureau: tuple[CA, str],
    tmp_path: Path,
) -> None:
    """The merge's own rule, below the chain checks an attacker would also have to pass: a
    record row of an inspection signed here that a bundle moves to another file (a newer stamp
    whose sender knew this laptop's version) must name a file that a signature row names and
    that extends the file held; the server holds the same rule (bundle/rules.py)."""
    from types import SimpleNamespace

    from inspector.bundle import rows as bundle_rows
    from inspector.bundle.format import BundleRefused
    from inspector.bundle.merge import ImportResult, _Merger
    from inspector.db.models import Record

    _ca, key_id = bureau
    inspection_id, good = _signed_visit(cli, team_keys, tmp_path, key_id)
    bundle_import(office, good)
    with Workspace.open(office.home) as ws:
        with ws.db.session() as session:
            held = session.scalars(
                select(Record).where(
                    Record.inspection_id == inspection_id, Record.interview_id.is_(None)
                )
            ).one()
            local = bundle_rows.encode(
                "records", {c.name: getattr(held, c.key) for c in Record.__table__.columns}
            )
        heads = {str(local["change_device_id"]): int(local["change_seq"])}
        cases = {
            # the same file's bytes named by another hash: no signature row names it
            "新的记录文件不是签名后的版本": {"sha256": "0" * 64},
            # the record itself changed
            "记录的内容变了": {"record_no": "JC-FORGED"},
        }
        for why, change in cases.items():
            forged = {**local, **change, "change_device_id": "forger", "change_seq": 1}
            report = SimpleNamespace(
                manifest={"heads": heads}, bundle_id="forged", source_text=lambda: "forged"
            )
            with pytest.raises(BundleRefused, match=why), ws.change(None, "bundle.import") as ch:
                merger = _Merger(ch, report, ImportResult(bundle_id="forged", source="forged"))  # type: ignore[arg-type]
                merger.records = ws.records
                merger.signed_here.add(inspection_id)
                merger.row("records", forged)
                merger._check_record_versions()
    out, _ = office("record", "verify", str(office.home / local["path"]), expect=2)
    assert "验证通过：2 个签名完好" in out


# --- a signed inspection's team -----------------------------------------------------------------


def _recused(reason: str) -> Callable[[dict[str, Any]], None]:
    """李娜's member row says she withdrew; its change stamp stays."""

    def edit(data: dict[str, Any]) -> None:
        if data["inspector_id"].endswith("370100002") or data["role"] == "leader":
            return
        data.update(recused=True, recusal_reason=reason, cert_shown_at=None)

    return edit


def test_a_signed_inspections_member_changed_in_the_bundle_is_refused(
    cli: Cli,
    office: Cli,
    team_keys: dict[str, str],
    bureau: tuple[CA, str],
    tmp_path: Path,
) -> None:
    """The office holds the signed inspection; a bundle whose member row now says 张伟 was
    recused (and never showed his certificate) is refused, the office as it was."""
    _ca, key_id = bureau
    inspection_id, good = _signed_visit(cli, team_keys, tmp_path, key_id)
    bundle_import(office, good)
    forged = _forge(
        good,
        tmp_path / "member.zip",
        cli.home,
        key_id,
        rows={"inspection_members": _recused("伪造的回避")},
    )
    before, head = laptop_state(office.home), _audit_head(office.home)
    out, err = bundle_import(office, forged, expect=1)
    assert "没有变化" not in out + err
    assert "已签字锁定" in err and inspection_id[:8] in err and "检查组成员" in err, err
    assert laptop_state(office.home) == before and _audit_head(office.home) == head


def test_a_member_row_with_a_later_stamp_in_a_signed_inspection_is_refused(
    cli: Cli,
    office: Cli,
    team_keys: dict[str, str],
    bureau: tuple[CA, str],
    tmp_path: Path,
) -> None:
    """The bundle's member row carries a stamp of a later change the office has not seen:
    taken for a newer version, it still may not change a signed inspection."""
    _ca, key_id = bureau
    inspection_id, good = _signed_visit(cli, team_keys, tmp_path, key_id)
    bundle_import(office, good)
    # A later change on the field laptop (one the office has not seen) gives a real stamp.
    new_inspection(cli)
    later = tmp_path / "later.zip"
    bundle_export(cli, later, "--key", key_id)
    with zipfile.ZipFile(later) as archive:
        events = [json.loads(x) for x in archive.read("data/audit_events.jsonl").splitlines()]
    top = max(e["seq"] for e in events if e["device_id"] == events[-1]["device_id"])
    device = events[-1]["device_id"]

    def edit(data: dict[str, Any]) -> None:
        _recused("伪造的回避")(data)
        if data.get("recused"):
            data.update(change_device_id=device, change_seq=top)

    forged = _forge(
        later, tmp_path / "member2.zip", cli.home, key_id, rows={"inspection_members": edit}
    )
    before = laptop_state(office.home)
    _, err = bundle_import(office, forged, expect=1)
    assert "已签字锁定" in err and inspection_id[:8] in err and "检查组成员" in err, err
    assert laptop_state(office.home) == before


def test_a_signed_lead_verdict_rewritten_in_the_bundle_is_refused(
    cli: Cli,
    office: Cli,
    team_keys: dict[str, str],
    bureau: tuple[CA, str],
    tmp_path: Path,
) -> None:
    """A lead verified 属实 on a signed visit, its verdict rewritten 不属实 in
    data/lead_checks.jsonl, re-hashed and re-signed by a trusted key: the finding would leave
    the ledger. Refused, nothing stored; the genuine bundle brings the lead's ledger row."""
    _ca, key_id = bureau
    inspection_id = full_visit(cli, tmp_path)
    cli("lead", "add", "--institution", "某卫生服务中心", "--summary", "虚记理疗", "--number",
        "JB-7", "--source", "office")  # fmt: skip
    cli("lead", "attach", inspection_id, "JB-7")
    cli("lead", "verify", inspection_id, "JB-7", "--verdict", "属实", "--note", "理疗无治疗单")
    sign_by_keys(cli, inspection_id, team_keys, tmp_path)
    good = tmp_path / "good.zip"
    bundle_export(cli, good, "--key", key_id)

    def unfounded(data: dict[str, Any]) -> None:
        data["verdict"] = "unfounded"

    forged = _forge(
        good, tmp_path / "forged.zip", cli.home, key_id, rows={"lead_checks": unfounded}
    )
    before, head = laptop_state(office.home), _audit_head(office.home)
    _, err = bundle_import(office, forged, expect=1)
    assert inspection_id[:8] in err and "数据不一致" in err, err
    assert laptop_state(office.home) == before and _audit_head(office.home) == head
    assert _count(office.home, "lead_checks") == 0 == _count(office.home, "ledger_entries")
    bundle_import(office, good)
    out, _ = office("ledger", "list")
    assert "XS1" in out and "JB-7" in out
