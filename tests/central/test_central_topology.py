"""Servers past one machine: several server processes on one PostgreSQL database and one shared
file store (docs/deployment.md). Started at once on an empty database they all serve; one
pointed at a store of its own is refused at start; what a server that died left unfinished the
other expires."""

from __future__ import annotations

import base64
import http.client
import json
import os
import ssl
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from inspector.bundle.format import MANIFEST, SIGNATURE
from inspector.central.client import Connection, enrolled
from inspector.central.service import MIGRATIONS, Central
from inspector.central.store import MARKER
from inspector.signing.keystore import KeyStore
from inspector.workspace import Workspace
from tests.helpers.bundle import full_visit, make_laptop
from tests.helpers.central import ROOT, TLS, Cluster, Server, wait_for_port
from tests.helpers.cli import Cli


@pytest.fixture
def others(postgres: Cluster, tls: TLS) -> Iterator[list[Server]]:
    """More servers a test starts (each killed at the end)."""
    started: list[Server] = []
    yield started
    for running in started:
        running.kill()


def _office_login(server: Server) -> int:
    context = ssl.create_default_context(cafile=str(server.tls.ca))
    connection = http.client.HTTPSConnection("127.0.0.1", server.port, context=context, timeout=30)
    try:
        connection.request("GET", "/office/login")
        return connection.getresponse().status
    finally:
        connection.close()


def test_servers_started_at_once_on_an_empty_database_all_serve(
    postgres: Cluster, tls: TLS, tmp_path: Path, others: list[Server]
) -> None:
    store = tmp_path / "shared-store"
    first = Server(postgres, tls, store)
    others.extend([first, *(Server(postgres, tls, store, db=first.db) for _ in range(3))])
    # all four processes at once: each migrates the empty database as it starts
    for running in others:
        running.process = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "server",
                "--port",
                str(running.port),
                "--tls-cert",
                str(tls.cert),
                "--tls-key",
                str(tls.key),
            ],
            env=running.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
    for running in others:
        try:
            wait_for_port(running.port, running.process, seconds=120)
        except RuntimeError:
            assert running.process is not None and running.process.stderr is not None
            said = running.process.stderr.read().decode("utf-8", "replace")
            raise AssertionError(said) from None
    assert [_office_login(running) for running in others] == [200] * 4
    heads = ScriptDirectory(str(MIGRATIONS)).get_heads()
    assert first.sql("select version_num from alembic_version").split() == heads
    # one store id, in the database and in the store
    marker = (store / MARKER).read_text().strip()
    assert first.sql("select name, value from server_settings").split() == [f"store_id|{marker}"]


def test_a_second_server_with_a_store_of_its_own_is_refused_at_start(
    server: Server, postgres: Cluster, tls: TLS, tmp_path: Path, others: list[Server]
) -> None:
    """Two servers on one database with separate stores served each other's files as 404 and
    took files again: the second one does not start."""
    settings = server.sql("select name, value from server_settings")
    own = Server(postgres, tls, tmp_path / "own-store", db=server.db)
    others.append(own)
    with pytest.raises(RuntimeError, match="exited with 1"):
        own.start()
    assert own.process is not None and own.process.stderr is not None
    said = own.process.stderr.read().decode("utf-8")
    assert "不是这个数据库的文件库" in said and str(own.store) in said, said
    assert "同一数据库的所有服务器须共用同一个文件库目录" in said
    # the server's commands too, and nothing changed: no marker written, the database's kept
    done = own.command("server", "enroll", "--district", "历城区")
    assert done.returncode == 1 and "不是这个数据库的文件库" in done.stderr
    assert not (own.store / MARKER).exists()
    assert server.sql("select name, value from server_settings") == settings
    assert server.sql("select count(*) from enrollment_codes").strip() == "0"
    # the first server goes on serving
    assert _office_login(server) == 200


def test_a_store_of_another_database_is_refused(
    server: Server, postgres: Cluster, tls: TLS, others: list[Server]
) -> None:
    marker = (server.store / MARKER).read_text()
    stranger = Server(postgres, tls, server.store)  # a fresh database, the first one's store
    others.append(stranger)
    done = stranger.command("server", "enroll", "--district", "历城区")
    assert done.returncode == 1
    assert "已属于另一个数据库" in done.stderr and str(server.store) in done.stderr
    assert (server.store / MARKER).read_text() == marker
    assert stranger.sql("select count(*) from server_settings").strip() == "0"
    # a store whose marker is another's: refused as well
    (server.store / MARKER).write_text("0" * 32 + "\n")
    done = server.command("server", "enroll", "--district", "历城区")
    assert done.returncode == 1 and "不是这个数据库的文件库标记" in done.stderr
    (server.store / MARKER).write_text(marker)
    assert server.command("server", "enroll", "--district", "历城区").returncode == 0


def _begin(server: Server, home: Path, manifest: bytes, signature: bytes) -> dict[str, object]:
    with Workspace.open(home) as ws:
        key = KeyStore.of(ws).device_key(ws.db.device_id)
        device = enrolled(ws)
        assert device is not None
    signer = (key.private_key, device.server_device)
    connection = Connection(server.url, server.tls.ca.read_text())
    try:
        request = json.dumps(
            {
                "manifest": base64.b64encode(manifest).decode("ascii"),
                "signature": base64.b64encode(signature).decode("ascii"),
            }
        ).encode("ascii")
        status, answer = connection.request("POST", "/api/push", request, signer=signer)
        assert status == 200, answer
        return {"answer": answer, "signer": signer}
    finally:
        connection.close()


def _upload_bytes(store: Path) -> int:
    return sum(p.stat().st_size for p in (store / "uploads").glob("*") if p.is_file())


def test_what_a_dead_server_left_unfinished_the_other_expires(
    server: Server, postgres: Cluster, tls: TLS, cli: Cli, tmp_path: Path, others: list[Server]
) -> None:
    other = Server(postgres, tls, server.store, db=server.db)
    others.append(other)
    other.start()
    full_visit(cli, tmp_path)
    cli("sync", "enroll", server.url, server.code(), "--ca", str(tls.ca), "--json")
    bundle = tmp_path / "push.zip"
    cli("bundle", "export", "--out", str(bundle))
    with zipfile.ZipFile(bundle) as archive:
        manifest, signature = archive.read(MANIFEST), archive.read(SIGNATURE)
        members = {n: archive.read(n) for n in archive.namelist()}
    home = cli.home
    begun = _begin(server, home, manifest, signature)
    answer = begun["answer"]
    assert isinstance(answer, dict)
    bundle_id = answer["bundle_id"]
    member = max(answer["missing"], key=lambda m: m["size"])
    half = members[member["name"]][: member["size"] // 2]
    connection = Connection(server.url, tls.ca.read_text())
    status, _reply = connection.request(
        "PUT",
        f"/api/push/{bundle_id}/files",
        half,
        signer=begun["signer"],  # type: ignore[arg-type]
        query={"name": member["name"], "offset": 0},
        files=True,
    )
    connection.close()
    assert status == 200 and _upload_bytes(server.store) == len(half)
    # the server dies mid-push; the push and its part stay past the upload hours
    server.kill()  # SIGKILL
    server.sql(
        "update pushes set started_at = now() - interval '100 hours' where committed_at is null"
    )
    old = time.time() - 100 * 3600
    for partial in (server.store / "uploads").glob("*.part"):
        os.utime(partial, (old, old))

    # the laptop pushes to the other server: it expires them first, then takes the push whole
    again = _begin(other, home, manifest, signature)
    assert _upload_bytes(server.store) == 0
    assert "push.expire" in other.sql("select action from server_events").split()
    answer = again["answer"]
    assert isinstance(answer, dict)
    connection = Connection(other.url, tls.ca.read_text())
    try:
        for wanted in answer["missing"]:
            status, reply = connection.request(
                "PUT",
                f"/api/push/{answer['bundle_id']}/files",
                members[wanted["name"]],
                signer=again["signer"],  # type: ignore[arg-type]
                query={"name": wanted["name"], "offset": 0},
                files=True,
            )
            assert status == 200, reply
        status, reply = connection.request(
            "POST",
            f"/api/push/{answer['bundle_id']}/commit",
            signer=again["signer"],  # type: ignore[arg-type]
        )
    finally:
        connection.close()
    assert status == 200, reply
    assert other.sql("select count(*) from pushes where committed_at is null").strip() == "0"
    assert other.sql("select count(*) from inspections").strip() == "1"


def test_two_servers_take_alternating_pushes_and_hold_their_union(
    server: Server,
    postgres: Cluster,
    tls: TLS,
    cli: Cli,
    template_home: Path,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    others: list[Server],
) -> None:
    """Two laptops push in turn to two servers on one database and one store (as a proxy in
    front of them would send them): the servers hold both laptops' rows and every file."""
    other = Server(postgres, tls, server.store, db=server.db)
    others.append(other)
    other.start()
    second = Cli(make_laptop(template_home, tmp_path / "second", "second-laptop"), capsys)
    first_id = full_visit(cli, tmp_path)
    second_id = full_visit(second, tmp_path)
    laptops = ((cli, first_id, (server, other)), (second, second_id, (other, server)))
    for turn in range(3):
        for laptop, inspection, servers in laptops:
            target = servers[turn % 2]
            # the laptop's server address is the one it enrolled with last
            laptop("sync", "enroll", target.url, target.code(), "--ca", str(tls.ca), "--json")
            laptop("answer", inspection, "P1.1", "--result", "problem", "--note", f"第{turn}轮")
            out, _ = laptop("sync", "push", "--json")
            assert json.loads(out)["summary"]
    assert server.sql("select count(*) from pushes where committed_at is null").strip() == "0"
    assert sorted(server.sql("select id from inspections").split()) == sorted([first_id, second_id])
    for inspection in (first_id, second_id):
        notes = server.sql(
            "select data->>'note' from rows where table_name = 'answers' "
            f"and inspection_id = '{inspection}' and data->>'item_code' = 'P1.1'"
        )
        assert notes.split() == ["第2轮"], notes
    # every file the database names is in the one store, and nothing is half-received
    central = Central(server.db, server.store)
    try:
        named, missing = central.missing_files()
    finally:
        central.close()
    assert named >= 2 * 3 and missing == []  # both laptops' photos, their copies
    assert _upload_bytes(server.store) == 0
    assert server.sql("select count(*) from pushes where committed_at is not null").strip() == "6"
