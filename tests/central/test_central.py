"""The central service with its real parts: PostgreSQL, HTTPS with a test CA, the
server as a child process. Enrollment and signed requests (revoked devices, replays, unknown
signers refused), pushes from two data directories without duplicates, a signed record that
differs refused with its reason, and the server's rows and files compared with the laptops'."""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from sqlalchemy import select

from inspector.bundle import rows as bundle_rows
from inspector.central.client import Connection, ServerRefused, push
from inspector.db.models import Evidence
from inspector.resources import resource_path
from inspector.signing.keystore import KeyStore
from inspector.workspace import Workspace
from tests.helpers.bundle import DATA_TABLES, full_visit, make_laptop, sign_by_keys
from tests.helpers.central import Server, sync_enroll, sync_push
from tests.helpers.cli import Cli, new_inspection
from tests.helpers.homes import PHOTOS, ROOT, open_home
from tests.helpers.signing_pki import PASS, make_ca, make_p12
from ui.core_messages import core_message


def _laptop_rows(home: Path) -> set[tuple[str, str]]:
    """(table, primary key as the server keys it) of every data row a laptop holds."""
    connection = sqlite3.connect(home / "inspector.sqlite3")
    connection.row_factory = sqlite3.Row
    found = set()
    for table in DATA_TABLES:
        keys = bundle_rows.primary_key(table)
        for row in connection.execute(f"select {', '.join(keys)} from {table}"):
            found.add((table, json.dumps([row[k] for k in keys], ensure_ascii=False)))
    connection.close()
    return found


def _server_rows(server: Server) -> set[tuple[str, str]]:
    names = ", ".join(f"'{t}'" for t in DATA_TABLES)
    out = server.sql(f"select table_name, row_key from rows where table_name in ({names})")
    return {tuple(line.split("|", 1)) for line in out.splitlines() if line}  # type: ignore[misc]


def _laptop_files(home: Path) -> set[str]:
    return {
        p.name for p in (home / "evidence").rglob("*") if p.is_file() and ".incoming" not in p.parts
    }


def _server_files(server: Server) -> set[str]:
    return {p.name for p in (server.store / "files").rglob("*") if p.is_file()}


def test_two_laptops_push_the_same_inspection_without_duplicates(
    server: Server, cli: Cli, template_home: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    second = Cli(make_laptop(template_home, tmp_path / "second", "second-laptop"), capsys)
    first_id = full_visit(cli, tmp_path)
    # the second laptop holds the same inspection (handed over) and one of its own
    cli("bundle", "export", "--out", str(tmp_path / "hand.zip"))
    second("bundle", "import", str(tmp_path / "hand.zip"))
    second_id = full_visit(second, tmp_path)
    enrolled = sync_enroll(cli, server)
    assert enrolled["district"] == "历城区"
    sync_enroll(second, server)

    result, _ = sync_push(cli)
    assert result["summary"]["inserted"] > 0 and result["sent_bytes"] > 0
    rows_before = _server_rows(server)
    again, _ = sync_push(cli)  # the same again: nothing new, no evidence file sent twice
    # only the laptop's log grew (the first push's bundle.export and sync.push events), and
    # the push is incremental: those two entries are all its bundle holds
    assert again["summary"]["inserted"] == 2 and again["summary"]["updated"] == 0
    assert again["incremental"] and again["summary"]["inspections"] == []
    assert _server_rows(server) == rows_before
    assert again["sent_bytes"] < 20_000 and again["members"] < result["members"]
    full, _ = sync_push(cli, "--full")  # everything again: the server has every file already
    assert not full["incremental"] and full["summary"]["inserted"] == 2
    assert full["skipped_bytes"] > 1_000_000 and full["sent_bytes"] < 200_000
    assert _server_rows(server) == rows_before
    other, _ = sync_push(second)
    assert other["summary"]["inserted"] > 0 and other["skipped_bytes"] > 0

    # the server holds exactly the union of the laptops' rows, and every file, once
    assert _server_rows(server) == _laptop_rows(cli.home) | _laptop_rows(second.home)
    assert _laptop_files(cli.home) | _laptop_files(second.home) <= _server_files(server)
    assert server.sql("select count(*) from inspections").strip() == "2"
    listed = server.command("central", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    ids = {i["id"] for i in json.loads(listed.stdout)["inspections"]}
    assert ids == {first_id, second_id}
    shown = server.command("central", "show", first_id[:8])
    assert shown.returncode == 0 and "answers：" in shown.stdout
    out, _ = cli("sync", "status", "--json")
    assert first_id in json.loads(out)["confirmed"]


def test_a_signed_record_that_differs_is_refused_with_its_reason(
    server: Server, cli: Cli, team_keys: dict[str, str], template_home: Path,
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    inspection_id = full_visit(cli, tmp_path)
    other = Cli(make_laptop(template_home, tmp_path / "other", "other-laptop"), capsys)
    cli("bundle", "export", "--out", str(tmp_path / "early.zip"))
    other("bundle", "import", str(tmp_path / "early.zip"))
    # the other laptop changes an answer of its (unsigned) copy; the first signs its own
    other("answer", inspection_id, "P1.1", "--result", "problem", "--note", "另一版本")
    sign_by_keys(cli, inspection_id, team_keys, tmp_path)
    sync_enroll(cli, server)
    sync_enroll(other, server)
    sync_push(cli)
    before = server.sql(
        "select md5(string_agg(data::text, '' order by table_name, row_key)) from rows"
    )
    _result, err = sync_push(other, expect=1)
    assert "已签字锁定" in err and inspection_id[:8] in err
    after = server.sql(
        "select md5(string_agg(data::text, '' order by table_name, row_key)) from rows"
    )
    assert before == after
    out, _ = other("sync", "status", "--json")
    assert inspection_id not in json.loads(out)["confirmed"]


def test_replays_revoked_devices_and_unknown_signers_are_refused(
    server: Server, cli: Cli, team_keys: dict[str, str], tmp_path: Path, english: None,
) -> None:  # fmt: skip
    code = server.code()
    cli("sync", "enroll", server.url, code, "--ca", str(server.tls.ca))
    _o, err = cli("sync", "enroll", server.url, code, "--ca", str(server.tls.ca), expect=1)
    assert "登记码无效" in err  # a code serves once
    # without the bureau's CA the laptop does not trust the server
    _o, err = cli("sync", "enroll", server.url, server.code(), expect=1)
    assert "证书" in err

    full_visit(cli, tmp_path)
    with Workspace.open(cli.home) as ws:
        device = KeyStore.of(ws).device_key(ws.db.device_id)
        from inspector.central.client import enrolled

        enrolled_server = enrolled(ws)
        assert enrolled_server is not None
        signer = (device.private_key, enrolled_server.server_device)
    connection = Connection(server.url, server.tls.ca.read_text())
    body = json.dumps({"manifest": "", "signature": ""}).encode()
    from inspector.central.auth import sign_headers

    headers = sign_headers(signer[0], signer[1], "POST", "/api/push", body)
    statuses = []
    for _ in range(2):
        connection.http.request("POST", "/api/push", body=body, headers=headers)
        response = connection.http.getresponse()
        statuses.append((response.status, json.loads(response.read())["error"]))
    connection.close()
    assert statuses[0][0] != 401 and statuses[1][0] == 401 and "重放" in statuses[1][1]
    # only a file upload may leave its body out of the signature
    connection = Connection(server.url, server.tls.ca.read_text())
    status, answer = connection.request("POST", "/api/push", body, signer=signer, files=True)
    connection.close()
    assert status == 401 and "未包含请求内容" in answer["error"]

    # a key made after enrollment is not one the server knows: its bundle is refused
    out, _ = cli("key", "trial", "--name", "赵强", "--cert-no", "370100009", "--json")
    late = json.loads(out)["key_id"]
    _r, err = sync_push(cli, "--key", late, expect=1)
    assert "不是本设备登记过的检查人员" in err
    sync_push(cli, "--key", team_keys["370100001"])  # enrolled with it: accepted

    devices = server.command("server", "devices", "--json")
    device_id = json.loads(devices.stdout)[0]["id"]
    assert server.command("server", "revoke", device_id[:12]).returncode == 0
    _r, err = sync_push(cli, expect=1)
    assert "吊销" in err
    # the app shows the server's refusal in its own language: it came as a message id
    with Workspace.open(cli.home) as ws, pytest.raises(ServerRefused) as refused:
        push(ws)
    assert "本设备已被管理员吊销" in str(refused.value)  # the command line's Chinese
    assert core_message(refused.value) == (
        "The server refused: This device was revoked by the administrator: "
        "the server refuses its requests"
    )


def _held(server: Server) -> int:
    """Bytes the server holds or has acknowledged of unfinished uploads."""
    held = 0
    for folder in ("files", "uploads"):
        for path in (server.store / folder).rglob("*"):
            try:  # the server renames an upload's .part into the store as we look
                held += path.stat().st_size if path.is_file() else 0
            except FileNotFoundError:
                continue
    return held


def _push_process(home: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "sync",
            "push",
            "--home",
            str(home),
            "--chunk-kib",
            "16",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait_until(condition: Callable[[], bool], process: subprocess.Popen[bytes]) -> bool:
    """Poll another process's progress (no signal crosses processes); False if it ended."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if condition():
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.01)
    raise AssertionError("no progress within a minute")


def _evidence_bytes(home: Path) -> int:
    return sum(
        p.stat().st_size
        for p in (home / "evidence").rglob("*")
        if p.is_file() and ".incoming" not in p.parts
    )


def test_a_killed_push_resumes_from_the_last_acknowledged_chunk(
    server: Server, cli: Cli, tmp_path: Path
) -> None:
    inspection_id = full_visit(cli, tmp_path)
    sync_enroll(cli, server)
    rng = random.Random()
    for folder in ("mobile", "orientation"):  # each round: new photos, a push killed midway
        cli("evidence", "add", inspection_id, str(PHOTOS / folder), "--by", "370100001")
        total = _evidence_bytes(cli.home)
        held = _held(server)
        target = held + int((total - held) * rng.uniform(0.2, 0.7))
        pushing = _push_process(cli.home)
        killed = _wait_until(lambda target=target: _held(server) >= target, pushing)
        if killed:
            pushing.send_signal(signal.SIGKILL)
        pushing.wait(timeout=30)
        assert pushing.stderr is not None
        pushing.stderr.close()
        acknowledged = _held(server)
        assert not killed or acknowledged >= target
        result, _ = sync_push(cli, "--chunk-kib", "16")
        # only what the server had not acknowledged goes again (plus the rows' small files)
        assert result["sent_bytes"] <= total - acknowledged + 300_000
        assert result["summary"]["inspections"] == [inspection_id]
    assert _server_rows(server) >= _laptop_rows(cli.home) - {
        r for r in _laptop_rows(cli.home) if r[0] == "audit_events"
    }
    assert _laptop_files(cli.home) <= _server_files(server)


def test_a_server_killed_during_a_push_loses_nothing_and_the_push_completes(
    server: Server, cli: Cli, tmp_path: Path
) -> None:
    inspection_id = full_visit(cli, tmp_path)
    cli("evidence", "add", inspection_id, str(PHOTOS / "mobile"), "--by", "370100001")
    sync_enroll(cli, server)
    total = _evidence_bytes(cli.home)
    target = int(total * random.uniform(0.1, 0.9))
    pushing = _push_process(cli.home)
    reached = _wait_until(lambda: _held(server) >= target, pushing)
    server.kill()
    assert pushing.wait(timeout=60) == (1 if reached else 0)
    assert pushing.stderr is not None
    err = pushing.stderr.read().decode()
    pushing.stderr.close()
    if reached:
        assert "无法连接服务器" in err
    server.start()
    result, _ = sync_push(cli)
    assert result["summary"]["inspections"] == [inspection_id]
    # every row and file the laptop holds is on the server (its log up to this push)
    laptop = _laptop_rows(cli.home)
    missing = laptop - _server_rows(server)
    assert {table for table, _key in missing} <= {"audit_events"}
    assert _laptop_files(cli.home) <= _server_files(server)
    for name in _server_files(server):  # each file's bytes hash to its name
        sha = name.split(".", 1)[0]
        data = next((server.store / "files").rglob(name)).read_bytes()
        assert hashlib.sha256(data).hexdigest() == sha
    again, _ = sync_push(cli)
    assert again["summary"]["updated"] == 0
    assert not (laptop - _server_rows(server)) - {r for r in laptop if r[0] == "audit_events"}


def _publish(server: Server, kind: str, path: Path, p12: Path, secret: Path) -> int:
    done = server.command(
        "server", "publish", kind, str(path), "--p12", str(p12), "--passphrase-file",
        str(secret), "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return int(json.loads(done.stdout)["version"])


def test_pull_installs_only_what_the_bureau_signed_and_keeps_the_last_good(
    server: Server, cli: Cli, tmp_path: Path
) -> None:
    bureau, stranger = make_ca(), make_ca()
    (tmp_path / "ca.pem").write_bytes(bureau.pem)
    secret = tmp_path / "secret.txt"
    secret.write_text(PASS, encoding="utf-8")
    p12 = tmp_path / "bureau.p12"
    p12.write_bytes(make_p12(bureau, "济南市医疗保障局", "BUREAU-1"))
    forged = tmp_path / "forged.p12"
    forged.write_bytes(make_p12(stranger, "济南市医疗保障局", "BUREAU-1"))
    cli("config", "trust", "add", str(tmp_path / "ca.pem"))
    sync_enroll(cli, server)

    pack = tmp_path / "focus-cross-region.yaml"
    shutil.copy(resource_path("checklists") / "focus-cross-region.yaml", pack)
    data = yaml.safe_load(pack.read_text(encoding="utf-8"))
    data["version"] = "2099.1"
    data["items"][0]["title"] = "局里发布的新标题"
    code = data["items"][0]["code"]
    pack.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    roster = tmp_path / "roster.json"
    roster.write_text(
        json.dumps([{"name": "周敏", "cert_no": "370100021", "district": "历城区",
                     "can_lead": True}], ensure_ascii=False),
        encoding="utf-8",
    )  # fmt: skip
    assert _publish(server, "checklist", pack, p12, secret) == 1
    assert _publish(server, "roster", roster, p12, secret) == 1

    out, _ = cli("sync", "pull", "--json")
    result = json.loads(out)
    assert {i["kind"] for i in result["installed"]} == {"checklist", "roster"}
    with Workspace.open(cli.home) as ws:
        assert ws.library.items[code].title == "局里发布的新标题"
        from inspector.planning.service import roster_entries

        assert [e.cert_no for e in roster_entries(ws)] == ["370100021"]

    # a newer pack signed by someone the laptop does not trust: refused, the last good stays
    data["version"] = "2099.2"
    data["items"][0]["title"] = "伪造的标题"
    pack.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert _publish(server, "checklist", pack, forged, secret) == 2
    out, _ = cli("sync", "pull", "--json", expect=1)
    result = json.loads(out)
    assert result["refused"][0]["kind"] == "checklist" and "信任" in result["refused"][0]["reason"]
    assert result["current"] == ["roster"]
    with Workspace.open(cli.home) as ws:
        assert ws.library.items[code].title == "局里发布的新标题"


def test_the_bureaus_a_laptop_serves_come_from_the_office(
    server: Server, cli: Cli, tmp_path: Path
) -> None:
    """The office publishes the bureaus (执法主体, with their number templates), signed; an
    enrolled laptop installs them on pull and its next inspection is headed by its bureau."""
    bureau = make_ca()
    (tmp_path / "ca.pem").write_bytes(bureau.pem)
    secret = tmp_path / "secret.txt"
    secret.write_text(PASS, encoding="utf-8")
    p12 = tmp_path / "bureau.p12"
    p12.write_bytes(make_p12(bureau, "武汉市医疗保障局", "BUREAU-1"))
    cli("config", "trust", "add", str(tmp_path / "ca.pem"))
    sync_enroll(cli, server)
    bureaus = tmp_path / "bureaus.json"
    bureaus.write_text(
        json.dumps([{"name": "武汉市江岸区医疗保障局", "district": "江岸区", "short": "江岸",
                     "credit_code": "11420102MB00000006",
                     "templates": {"record": "{区简称}医保检〔{年}〕{序号}号"}}],
                   ensure_ascii=False),
        encoding="utf-8",
    )  # fmt: skip
    assert _publish(server, "bureaus", bureaus, p12, secret) == 1
    out, _ = cli("sync", "pull", "--json")
    assert [i["kind"] for i in json.loads(out)["installed"]] == ["bureaus"]
    listed, _ = cli("bureau", "list", "--json")
    assert [b["name"] for b in json.loads(listed)] == ["武汉市江岸区医疗保障局"]
    # A list the laptop's own checks refuse (a template that would repeat numbers): refused,
    # the last good list stays.
    bureaus.write_text(
        json.dumps([{"name": "某局", "short": "某", "templates": {"record": "{序号}号"}}],
                   ensure_ascii=False),
        encoding="utf-8",
    )  # fmt: skip
    assert _publish(server, "bureaus", bureaus, p12, secret) == 2
    out, _ = cli("sync", "pull", "--json", expect=1)
    assert json.loads(out)["refused"][0]["kind"] == "bureaus"
    listed, _ = cli("bureau", "list", "--json")
    assert [b["name"] for b in json.loads(listed)] == ["武汉市江岸区医疗保障局"]


def test_rule_packs_and_knowledge_come_from_the_office(
    server: Server, cli: Cli, tmp_path: Path
) -> None:
    """The office publishes a rule pack and a knowledge file, signed; pull installs them, and
    a pack the laptop's own checks refuse (a rule code the starter set has) leaves the last
    good one in use."""
    bureau = make_ca()
    (tmp_path / "ca.pem").write_bytes(bureau.pem)
    secret = tmp_path / "secret.txt"
    secret.write_text(PASS, encoding="utf-8")
    p12 = tmp_path / "bureau.p12"
    p12.write_bytes(make_p12(bureau, "济南市医疗保障局", "BUREAU-1"))
    cli("config", "trust", "add", str(tmp_path / "ca.pem"))
    sync_enroll(cli, server)
    pack = tmp_path / "jinan-rules.yaml"
    text = (
        'format: inspector-rules/1\nid: jinan\nversion: "2026.1"\ntitle: 济南补充规则\n'
        "rules:\n  - {code: FJ-07, name: 分解住院（7日）, type: 分解住院,"
        " description: 七日内再入院, params: {days: 7}, basis: [{source: 济南市医疗保障局}]}\n"
    )
    pack.write_text(text, encoding="utf-8")
    knowledge = tmp_path / "jinan-price.yaml"
    knowledge.write_text(
        'format: inspector-knowledge/1\nid: jinan-price\nversion: "2026.1"\ntitle: 价格\n'
        "source: 济医保发\nprice:\n  - {code: '110900001', price: '25.00'}\n",
        encoding="utf-8",
    )
    assert _publish(server, "rules", pack, p12, secret) == 1
    assert _publish(server, "knowledge", knowledge, p12, secret) == 1
    out, _ = cli("sync", "pull", "--json")
    assert {i["kind"] for i in json.loads(out)["installed"]} == {"rules", "knowledge"}
    listed, _ = cli("rules", "list")
    assert "FJ-07" in listed and "知识库 jinan-price 2026.1" in listed
    pack.write_text(text.replace("2026.1", "2026.2").replace("FJ-07", "FJ-01"), encoding="utf-8")
    assert _publish(server, "rules", pack, p12, secret) == 2
    out, _ = cli("sync", "pull", "--json", expect=1)
    refused = json.loads(out)["refused"][0]
    assert refused["kind"] == "rules" and "FJ-01 重复" in refused["reason"]
    listed, _ = cli("rules", "list")
    assert "FJ-07" in listed and "规则包 jinan 2026.1" in listed


def test_a_push_sends_only_what_changed_since_the_last_the_server_confirmed(
    server: Server, cli: Cli, tmp_path: Path
) -> None:
    inspection_id = full_visit(cli, tmp_path)
    sync_enroll(cli, server)
    first, _ = sync_push(cli)
    assert not first["incremental"]
    # one answer changed and one new inspection: only they (and the log) go
    cli("answer", inspection_id, "P1.1", "--result", "problem", "--note", "已整改")
    second_id = new_inspection(cli)
    changed, _ = sync_push(cli)
    assert changed["incremental"]
    assert set(changed["summary"]["inspections"]) == {inspection_id, second_id}
    assert changed["summary"]["updated"] >= 1 and changed["members"] < first["members"]
    assert changed["sent_bytes"] < first["sent_bytes"] / 10
    note = server.sql(
        "select data->>'note' from rows where table_name = 'answers' "
        f"and data->>'inspection_id' = '{inspection_id}' and data->>'item_code' = 'P1.1'"
    )
    assert note.strip() == "已整改"
    assert _server_rows(server) == _laptop_rows(cli.home)
    # The server lost the laptop's log (restored from an old backup): an incremental push
    # would not connect to it, so the server refuses it and the laptop pushes everything.
    server.sql("delete from rows where table_name = 'audit_events'")
    again, _ = sync_push(cli)
    assert not again["incremental"] and again["skipped_bytes"] > 1_000_000
    assert _server_rows(server) == _laptop_rows(cli.home)


class _Watcher:
    """A reporter that looks at every file of the data directory each time the push moves on:
    what a person (or a thief) could find there at that moment."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.looks = 0

    def start(self, total: int, label: str) -> None:
        self.look()

    def advance(self, done: int, message: str = "") -> None:
        self.look()

    @property
    def cancelled(self) -> bool:
        return False

    def look(self) -> None:
        self.looks += 1
        for file in self.home.rglob("*"):
            if file.is_file():
                data = file.read_bytes()
                assert not data.startswith((b"\xff\xd8\xff", b"%PDF-", b"PK\x03\x04")), file
                assert "床位空置".encode() not in data, file


@pytest.mark.parametrize("home", ["encrypted"], indirect=True)
def test_a_push_from_an_encrypted_laptop_puts_nothing_in_clear_on_its_disk(
    server: Server,
    cli: Cli,
    home: Path,
    team_keys: dict[str, str],
    tmp_path: Path,
) -> None:
    inspection_id = full_visit(cli, tmp_path)
    sign_by_keys(cli, inspection_id, team_keys, tmp_path)  # a record PDF too
    sync_enroll(cli, server)
    watcher = _Watcher(home)
    with open_home(home) as ws:
        result = push(ws, reporter=watcher, chunk=64 << 10)
        with ws.db.session() as session:
            photos = set(session.scalars(select(Evidence.sha256)))
    assert watcher.looks > 5 and result.sent_bytes > 1_000_000
    assert result.summary["inspections"] == [inspection_id]
    assert server.sql("select status from inspections").strip() == "signed"
    # the server got the photos' bytes (decrypted on the way), each under its hash
    assert photos and photos <= {n.split(".")[0] for n in _server_files(server)}
