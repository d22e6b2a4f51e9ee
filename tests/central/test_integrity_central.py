"""A stolen device key against the central service. The laptop's own
enrolled device key signs every request and the crafted manifests (an enrolled signer), as a
thief with the laptop would; each attack is refused with its reason and the server's rows,
office lines and stored files are as before. Also a device pushing another district's
inspection, a member declared larger than any push may hold, the per-device quota of
unfinished uploads and their expiry."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from inspector.bundle.format import MANIFEST, SIGNATURE
from inspector.bundle.signature import sign_manifest
from inspector.central.client import Connection, enrolled
from inspector.signing.keystore import KeyStore
from inspector.workspace import Workspace
from tests.helpers.bundle import full_visit, ready_to_sign, sign_by_keys
from tests.helpers.central import Server
from tests.helpers.cli import Cli

# --- the thief's tools: the laptop's device key and a bundle made again around a change -------


def _device(home: Path) -> tuple[Any, str, Any]:
    """(device private key, the server's name for it, the unlocked key to sign manifests)."""
    with Workspace.open(home) as ws:
        key = KeyStore.of(ws).device_key(ws.db.device_id)
        server = enrolled(ws)
        assert server is not None
        return key.private_key, server.server_device, key


def _jsonl(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]


def _lines(found: list[dict[str, Any]]) -> bytes:
    return b"".join(
        json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
        for row in found
    )


Members = dict[str, bytes]


def _craft(
    good: Path,
    home: Path,
    change: Callable[[Members, dict[str, Any]], None],
    tables: tuple[str, ...] | None = None,
) -> tuple[bytes, bytes, Members]:
    """The exported bundle's members changed by ``change`` (which may edit the manifest too),
    the manifest listing them again, with a new id, and signed by the device key. ``tables``:
    only these tables travel (and the laptop's log, which the rows' change numbers need)."""
    with zipfile.ZipFile(good) as archive:
        members = {n: archive.read(n) for n in archive.namelist() if n not in (MANIFEST, SIGNATURE)}
        manifest = json.loads(archive.read(MANIFEST))
    if tables is not None:
        keep = {f"data/{t}.jsonl" for t in (*tables, "audit_events")}
        members = {n: d for n, d in members.items() if n in keep}
    change(members, manifest)
    manifest["bundle_id"] = hashlib.sha256(os.urandom(16)).hexdigest()[:32]
    manifest["members"] = [
        {"name": n, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)}
        for n, d in sorted(members.items())
    ]
    body = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
    return body, sign_manifest(body, _device(home)[2]), members


def _send(
    server: Server, home: Path, body: bytes, signature: bytes, members: Members
) -> tuple[int, dict[str, Any]]:
    """A push as the client makes it (begin, every missing member, commit), signed by the
    laptop's device key; the first answer that is not 200."""
    private, device, _key = _device(home)
    signer = (private, device)
    connection = Connection(server.url, server.tls.ca.read_text())
    try:
        request = json.dumps(
            {
                "manifest": base64.b64encode(body).decode("ascii"),
                "signature": base64.b64encode(signature).decode("ascii"),
            }
        ).encode("ascii")
        status, answer = connection.request("POST", "/api/push", request, signer=signer)
        if status != 200:
            return status, answer
        bundle = answer["bundle_id"]
        for member in answer["missing"]:
            status, reply = connection.request(
                "PUT",
                f"/api/push/{bundle}/files",
                members[member["name"]],
                signer=signer,
                query={"name": member["name"], "offset": 0},
                files=True,
            )
            if status != 200:
                return status, reply
        return connection.request("POST", f"/api/push/{bundle}/commit", signer=signer)
    finally:
        connection.close()


def laptop_state(server: Server) -> str:
    """Everything the server holds of the laptops' data: rows (deleted or not), the office
    lines, the stored files."""
    rows = server.sql(
        "select md5(string_agg(table_name || row_key || data::text || deleted::text "
        "|| coalesce(inspection_id, ''), '' order by table_name, row_key)) from rows"
    )
    lines = server.sql(
        "select md5(string_agg(id || institution || status || coalesce(district, ''), '' "
        "order by id)) from inspections"
    )
    files = sorted(p.name for p in (server.store / "files").rglob("*") if p.is_file())
    return rows + lines + json.dumps(files)


def _enroll(cli: Cli, server: Server, district: str = "历城区") -> dict[str, Any]:
    out, _ = cli(
        "sync", "enroll", server.url, server.code(district), "--ca", str(server.tls.ca), "--json"
    )
    return dict(json.loads(out))


def _rows(members: Members, table: str) -> list[dict[str, Any]]:
    return _jsonl(members.get(f"data/{table}.jsonl", b""))


def _put_rows(members: Members, table: str, found: list[dict[str, Any]]) -> None:
    members[f"data/{table}.jsonl"] = _lines(found)


@pytest.fixture
def signed_on_server(
    server: Server,
    cli: Cli,
    team_keys: dict[str, str],
    tmp_path: Path,
) -> tuple[str, Path]:
    """A signed inspection the laptop pushed, and the laptop's full bundle (device-signed)."""
    inspection_id = full_visit(cli, tmp_path)
    sign_by_keys(cli, inspection_id, team_keys, tmp_path)
    _enroll(cli, server)
    cli("sync", "push", "--json")
    assert server.sql("select status from inspections").strip() == "signed"
    good = tmp_path / "good.zip"
    cli("bundle", "export", "--out", str(good))
    return inspection_id, good


def _refused(
    server: Server,
    cli: Cli,
    good: Path,
    change: Callable[[Members, dict[str, Any]], None],
    *tables: str,
) -> str:
    """Push the crafted bundle (only ``tables`` in it, as an attacker sends what he changed);
    it must be refused and change nothing; the refusal's text."""
    before = laptop_state(server)
    body, signature, members = _craft(good, cli.home, change, tables or None)
    status, answer = _send(server, cli.home, body, signature, members)
    assert status == 409, (status, answer)
    assert answer.get("template") and answer.get("values") is not None  # a message id, values
    assert laptop_state(server) == before
    return str(answer["error"])


def test_a_stolen_device_key_cannot_rewrite_a_signed_inspection(
    server: Server, cli: Cli, signed_on_server: tuple[str, Path]
) -> None:
    inspection_id, good = signed_on_server

    # 1. P5.1's finding rewritten, the inspection left out of the manifest's list (and its
    # own row out of the push: only the answer travels)
    def answer(members: Members, manifest: dict[str, Any]) -> None:
        found = _rows(members, "answers")
        for row in found:
            if row["inspection_id"] == inspection_id and row["item_code"] == "P5.1":
                row["note"] = "未发现问题"
                row["result"] = "ok"
        _put_rows(members, "answers", found)
        manifest["inspections"] = []

    why = _refused(server, cli, good, answer, "answers")
    assert "已签字锁定" in why and inspection_id[:8] in why and "检查项结论" in why

    # 2. its evidence deleted: a tombstone naming no inspection
    evidence = _rows(json_members(good), "evidence")[0]
    logged = max(r["seq"] for r in _rows(json_members(good), "audit_events"))

    def tombstone(members: Members, manifest: dict[str, Any]) -> None:
        found = _rows(members, "tombstones")
        found.append(
            {
                "table_name": "evidence",
                "entity_id": evidence["id"],
                "inspection_id": None,
                "device_id": evidence["change_device_id"],
                "change_seq": logged,
                "deleted_at": "2026-01-01T00:00:00+00:00",
                "state_sha256": "0" * 64,
            }
        )
        _put_rows(members, "tombstones", found)
        manifest["inspections"] = []

    why = _refused(server, cli, good, tombstone, "tombstones")
    assert "已签字锁定" in why and "删除" in why

    # 3. its record row pointed at an unsigned PDF (the one built before the signatures)
    record = _rows(json_members(good), "records")[0]
    unsigned = next(
        p for p in (cli.home / "records").rglob("*.pdf") if "-signed" not in p.name
    ).read_bytes()
    assert b"/ByteRange" not in unsigned

    def record_row(members: Members, manifest: dict[str, Any]) -> None:
        found = _rows(members, "records")
        name = "records/unsigned-copy.pdf"
        for row in found:
            if row["id"] == record["id"]:
                row.update(path=name, sha256=hashlib.sha256(unsigned).hexdigest())
                row["size"] = len(unsigned)
        _put_rows(members, "records", found)
        members[name] = unsigned

    why = _refused(server, cli, good, record_row, "records")
    assert "已签字锁定" in why and "签名后的版本" in why

    # 4. the institution it names renamed
    def rename(members: Members, manifest: dict[str, Any]) -> None:
        found = _rows(members, "institutions")
        for row in found:
            row["name"] = "另一家医院"
        _put_rows(members, "institutions", found)
        manifest["inspections"] = []

    why = _refused(server, cli, good, rename, "institutions")
    assert "已签字锁定" in why and "签字的记录写明了它" in why
    # the office still sees what was signed
    note = server.sql(
        "select data->>'note' from rows where table_name = 'answers' and deleted = false "
        f"and inspection_id = '{inspection_id}' and data->>'item_code' = 'P5.1'"
    )
    assert note.strip() == "床位空置"
    assert server.sql("select count(*) from rows where deleted").strip() == "0"
    assert server.sql("select institution from inspections").strip() == "历城区某社区卫生服务中心"


def json_members(good: Path) -> Members:
    with zipfile.ZipFile(good) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n.startswith("data/")}


def test_the_next_signature_is_still_taken(
    server: Server,
    cli: Cli,
    team_keys: dict[str, str],
    tmp_path: Path,
) -> None:
    """The rule leaves the honest path open: an inspection pushed before it was signed, again
    after the member signed (the first signature locks it), and after the leader signed (the
    record grows by the next signature of the same file)."""
    inspection_id = full_visit(cli, tmp_path)
    _enroll(cli, server)
    cli("sync", "push", "--json")
    ready_to_sign(cli, inspection_id, tmp_path)
    cli("record", "sign", inspection_id, "--key", team_keys["370100001"])
    out, _ = cli("sync", "push", "--json")
    assert json.loads(out)["summary"]["updated"] >= 1
    assert server.sql("select status from inspections").strip() == "signed"
    first = server.sql("select data->>'sha256' from rows where table_name = 'records'").strip()
    cli("record", "sign", inspection_id, "--key", team_keys["370100002"])
    out, _ = cli("sync", "push", "--json")
    assert json.loads(out)["summary"]["updated"] >= 1
    second = server.sql("select data->>'sha256' from rows where table_name = 'records'").strip()
    assert second != first
    signatures = server.sql("select count(*) from rows where table_name = 'record_signatures'")
    assert signatures.strip() == "2"


def test_a_device_pushes_only_its_own_districts_inspections(
    server: Server, cli: Cli, tmp_path: Path
) -> None:
    inspection_id = full_visit(cli, tmp_path)  # an inspection of 历城区
    enrolled_as = _enroll(cli, server, "槐荫区")
    assert enrolled_as["district"] == "槐荫区"
    before = laptop_state(server)
    _out, err = cli("sync", "push", "--json", expect=1)
    assert "本设备登记的区县是 槐荫区" in err and "历城区" in err and inspection_id[:8] in err
    assert laptop_state(server) == before
    # the office of 历城区 sees nothing of it
    listed = server.command("central", "list", "--district", "历城区", "--json")
    assert json.loads(listed.stdout)["inspections"] == []
    assert server.sql("select count(*) from rows where table_name <> 'audit_events'").strip() == (
        "0"
    )
    refused = server.sql("select details->>'why' from server_events where action='push.refused'")
    assert "槐荫区" in refused

    # the office says otherwise: this device may push 历城区's inspections too
    device = json.loads(server.command("server", "devices", "--json").stdout)[0]["id"]
    done = server.command("server", "districts", device[:12], "槐荫区", "历城区")
    assert done.returncode == 0, done.stderr
    out, _ = cli("sync", "push", "--json")
    assert json.loads(out)["summary"]["inspections"] == [inspection_id]

    # but a crafted push cannot move that inspection into another district the device lacks
    server.command("server", "districts", device[:12], "槐荫区")
    good = tmp_path / "good.zip"
    cli("bundle", "export", "--out", str(good))

    def move(members: Members, manifest: dict[str, Any]) -> None:
        found = _rows(members, "inspections")
        for row in found:
            row["district"] = "槐荫区"
        _put_rows(members, "inspections", found)
        manifest["inspections"] = []

    why = _refused(server, cli, good, move, "inspections")
    assert "本设备登记的区县是 槐荫区" in why and "历城区" in why


def _partial_push(
    server: Server, cli: Cli, good: Path, sizes: list[int]
) -> tuple[str, Members, tuple[Any, str]]:
    """A push that declares extra evidence members of these sizes (begun, nothing sent)."""
    extra: Members = {}
    declared: dict[str, int] = {}
    for n, size in enumerate(sizes):
        data = bytes([n + 1]) * 1024
        sha = hashlib.sha256(data + str(n).encode()).hexdigest()
        name = f"evidence/{sha[:2]}/{sha}.mp4"
        extra[name] = data
        declared[name] = size

    def add(members: Members, manifest: dict[str, Any]) -> None:
        members.update(extra)

    body, signature, _members = _craft(good, cli.home, add)
    manifest = json.loads(body)
    for member in manifest["members"]:
        if member["name"] in declared:
            member["size"] = declared[member["name"]]
    body = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
    signature = sign_manifest(body, _device(cli.home)[2])
    private, device, _key = _device(cli.home)
    request = json.dumps(
        {
            "manifest": base64.b64encode(body).decode("ascii"),
            "signature": base64.b64encode(signature).decode("ascii"),
        }
    ).encode("ascii")
    connection = Connection(server.url, server.tls.ca.read_text())
    status, answer = connection.request("POST", "/api/push", request, signer=(private, device))
    connection.close()
    return json.dumps({"status": status, **answer}), extra, (private, device)


def _upload_bytes(server: Server) -> int:
    return sum(p.stat().st_size for p in (server.store / "uploads").glob("*") if p.is_file())


def test_a_huge_declared_member_and_unfinished_uploads_are_bounded_and_expire(
    server: Server, cli: Cli, tmp_path: Path
) -> None:
    server.kill()
    server.options = ["--upload-quota-mib", "1", "--upload-hours", "24"]
    server.start()
    full_visit(cli, tmp_path)
    _enroll(cli, server)
    cli("sync", "push", "--json")
    good = tmp_path / "good.zip"
    cli("bundle", "export", "--out", str(good))
    pushes = server.sql("select count(*) from pushes").strip()

    # a member declared at 20 GB: refused when the push begins, nothing kept
    answer, _extra, _signer = _partial_push(server, cli, good, [20_000_000_000])
    reply = json.loads(answer)
    assert reply["status"] == 409 and "单个文件上限" in reply["error"]
    assert server.sql("select count(*) from pushes").strip() == pushes
    assert _upload_bytes(server) == 0

    # three members just under the quota each: begun, their first parts sent until the
    # device's unfinished uploads would pass 1 MiB
    part = 600 << 10
    answer, _extra, signer = _partial_push(server, cli, good, [1000 << 10] * 3)
    reply = json.loads(answer)
    assert reply["status"] == 200, reply
    big = [m for m in reply["missing"] if m["name"].endswith(".mp4")]
    connection = Connection(server.url, server.tls.ca.read_text())
    results = []
    for member in big[:2]:
        results.append(
            connection.request(
                "PUT",
                f"/api/push/{reply['bundle_id']}/files",
                b"\0" * part,
                signer=signer,
                query={"name": member["name"], "offset": 0},
                files=True,
            )
        )
    connection.close()
    assert results[0][0] == 200 and results[1][0] == 409
    assert "超过上限" in results[1][1]["error"]
    assert _upload_bytes(server) == part  # held: at most the quota

    # unfinished for more than 24 hours: `server expire` removes the push and its parts
    server.sql(
        "update pushes set started_at = now() - interval '25 hours' where committed_at is null"
    )
    old = time.time() - 25 * 3600
    for partial in (server.store / "uploads").glob("*.part"):
        os.utime(partial, (old, old))
    expired = server.command("server", "expire", "--upload-hours", "24", "--json")
    assert expired.returncode == 0, expired.stderr
    done = json.loads(expired.stdout)
    assert (done["pushes"], done["files"], done["bytes"]) == (1, 1, part)
    assert _upload_bytes(server) == 0
    assert server.sql("select count(*) from pushes where committed_at is null").strip() == "0"
    # and the laptop's next push goes through as before
    out, _ = cli("sync", "push", "--json")
    assert json.loads(out)["summary"]["updated"] == 0


def test_a_push_begun_expires_the_stale_ones(server: Server, cli: Cli, tmp_path: Path) -> None:
    """Expiry also runs when any push begins (the server need not be cron'd)."""
    full_visit(cli, tmp_path)
    _enroll(cli, server)
    cli("sync", "push", "--json")
    good = tmp_path / "good.zip"
    cli("bundle", "export", "--out", str(good))
    answer, _extra, signer = _partial_push(server, cli, good, [4 << 20])
    reply = json.loads(answer)
    member = next(m for m in reply["missing"] if m["name"].endswith(".mp4"))
    connection = Connection(server.url, server.tls.ca.read_text())
    status, _r = connection.request(
        "PUT",
        f"/api/push/{reply['bundle_id']}/files",
        b"\0" * 1000,
        signer=signer,
        query={"name": member["name"], "offset": 0},
        files=True,
    )
    connection.close()
    assert status == 200 and _upload_bytes(server) == 1000
    server.sql(
        "update pushes set started_at = now() - interval '100 hours' where committed_at is null"
    )
    old = time.time() - 100 * 3600
    for partial in (server.store / "uploads").glob("*.part"):
        os.utime(partial, (old, old))
    cli("sync", "push", "--json")  # the default is 72 hours
    assert _upload_bytes(server) == 0
    assert server.sql("select count(*) from pushes where committed_at is null").strip() == "0"
    assert "push.expire" in server.sql("select action from server_events")


def test_a_signed_inspection_new_to_the_server_comes_only_with_its_data(
    server: Server,
    cli: Cli,
    team_keys: dict[str, str],
    tmp_path: Path,
) -> None:
    """The server recomputes the signed record's data hash from the rows (record verify's
    function): a finding rewritten before the first push of a signed inspection is refused."""
    inspection_id = full_visit(cli, tmp_path)
    sign_by_keys(cli, inspection_id, team_keys, tmp_path)
    _enroll(cli, server)
    good = tmp_path / "good.zip"
    cli("bundle", "export", "--out", str(good))

    def answer(members: Members, manifest: dict[str, Any]) -> None:
        found = _rows(members, "answers")
        for row in found:
            if row["item_code"] == "P5.1":
                row["note"] = "未发现问题"
        _put_rows(members, "answers", found)

    why = _refused(server, cli, good, answer)
    assert "签字记录所载数据的摘要与推送的数据不一致" in why and inspection_id[:8] in why
    assert "条目 P5.1 的检查结果" in why and "被改过" in why  # the altered row named
    assert server.sql("select count(*) from inspections").strip() == "0"
    out, _ = cli("sync", "push", "--json")  # the true rows: taken
    assert json.loads(out)["summary"]["inspections"] == [inspection_id]
    assert server.sql("select status from inspections").strip() == "signed"


# --- a team member's facts ------------------------------------------------------------------------


def _member_rows(server: Server, inspection_id: str) -> str:
    return server.sql(
        "select string_agg(coalesce(data->>'cert_shown_at', '-') || '|' || (data->>'recused')"
        " || '|' || coalesce(data->>'recusal_reason', '-'), ',' order by data->>'position')"
        f" from rows where table_name = 'inspection_members' and inspection_id = '{inspection_id}'"
    ).strip()


def test_certificates_and_a_recusal_recorded_after_a_push_reach_the_server(
    server: Server, cli: Cli, tmp_path: Path
) -> None:
    from tests.helpers.lawful import lawful_cli

    inspection_id = full_visit(cli, tmp_path)
    cli("inspection", "member", inspection_id, "王强:370100003")
    _enroll(cli, server)
    cli("sync", "push", "--json")
    assert "|true|" not in _member_rows(server, inspection_id)
    cli("inspection", "recuse", inspection_id, "370100003", "--reason", "系亲属")
    lawful_cli(cli, inspection_id)
    out, _ = cli("sync", "push", "--json")
    assert json.loads(out)["summary"]["updated"] >= 3
    [first, second, third] = _member_rows(server, inspection_id).split(",")
    assert not first.startswith("-") and not second.startswith("-")
    assert third == "-|true|系亲属"


def test_a_signed_inspections_member_rewritten_is_refused(
    server: Server, cli: Cli, signed_on_server: tuple[str, Path]
) -> None:
    inspection_id, good = signed_on_server
    before = _member_rows(server, inspection_id)

    def recuse(members: Members, manifest: dict[str, Any]) -> None:
        found = _rows(members, "inspection_members")
        for row in found:
            if row["inspection_id"] == inspection_id and row["role"] != "leader":
                row.update(recused=True, recusal_reason="伪造的回避", cert_shown_at=None)
        _put_rows(members, "inspection_members", found)
        manifest["inspections"] = []

    why = _refused(server, cli, good, recuse, "inspection_members")
    assert "已签字锁定" in why and inspection_id[:8] in why and "检查组成员" in why
    assert _member_rows(server, inspection_id) == before
