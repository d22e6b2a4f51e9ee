"""Backup and restore of the central service, database and file store together
(scripts/central_backup.sh, docs/deployment.md): a server restored from the backup starts on
its store and holds what the first held; a damaged backup, or a restore over data, is refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.helpers.bundle import full_visit
from tests.helpers.central import ROOT, TLS, Cluster, Server
from tests.helpers.cli import Cli

SCRIPT = ROOT / "scripts" / "central_backup.sh"


def _run(cluster: Cluster, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(SCRIPT), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PG_BIN": str(cluster.bin), "INSPECTOR_PYTHON": sys.executable},
        timeout=300,
        check=False,
    )


def _held(server: Server) -> tuple[str, str, str, list[str]]:
    files = sorted(
        str(p.relative_to(server.store / "files"))
        for p in (server.store / "files").rglob("*")
        if p.is_file()
    )
    return (
        server.sql("select id, status, record_no from inspections order by id"),
        server.sql("select table_name, row_key, data from rows order by 1, 2"),
        server.sql("select sha256, suffix, size from blobs order by 1, 2"),
        files,
    )


def test_a_backup_restored_serves_what_the_server_held(
    server: Server, postgres: Cluster, tls: TLS, cli: Cli, tmp_path: Path
) -> None:
    full_visit(cli, tmp_path)
    cli("sync", "enroll", server.url, server.code(), "--ca", str(tls.ca), "--json")
    out, _ = cli("sync", "push", "--json")
    assert json.loads(out)["summary"]
    backup = tmp_path / "backup"
    done = _run(
        postgres, "backup", "--db", server.db, "--store", str(server.store), "--out", str(backup)
    )
    assert done.returncode == 0, done.stderr
    assert "已备份" in done.stdout

    restored = Server(postgres, tls, tmp_path / "restored-store")  # a new, empty database
    done = _run(
        postgres,
        "restore",
        "--db",
        restored.db,
        "--store",
        str(restored.store),
        "--from",
        str(backup),
    )
    assert done.returncode == 0, done.stderr
    assert "已恢复" in done.stdout and "文件库中有数据库记录的全部" in done.stdout
    assert _held(restored) == _held(server)
    assert _held(server)[3], "no file was pushed"
    # the restored server starts on its store (the marker came with it) and lists the inspection
    restored.start()
    try:
        listed = restored.command("central", "list", "--json")
        assert listed.returncode == 0, listed.stderr
        assert json.loads(listed.stdout)
    finally:
        restored.kill()

    # a store that lost a file the rows name: check-store says which
    lost = next(p for p in (restored.store / "files").rglob("*.jpg"))
    lost.unlink()
    checked = restored.command("server", "check-store")
    assert checked.returncode == 1 and "文件库缺少数据库记录的 1 个文件" in checked.stderr
    assert lost.name in checked.stderr

    # restoring over data, or from a damaged backup: refused, nothing changed
    again = _run(
        postgres,
        "restore",
        "--db",
        restored.db,
        "--store",
        str(tmp_path / "third"),
        "--from",
        str(backup),
    )
    assert again.returncode == 1 and "数据库不是空的" in again.stderr
    victim = next(p for p in (backup / "store" / "files").rglob("*") if p.is_file())
    victim.write_bytes(victim.read_bytes() + b"x")
    fresh = Server(postgres, tls, tmp_path / "fourth")
    damaged = _run(
        postgres, "restore", "--db", fresh.db, "--store", str(fresh.store), "--from", str(backup)
    )
    assert damaged.returncode == 1 and "已损坏" in damaged.stderr
    assert fresh.sql("select count(*) from pg_tables where schemaname = 'public'").strip() == "0"
    assert not fresh.store.exists()
