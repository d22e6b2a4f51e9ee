"""The office's side of assignments as the tests set it up: its signing key (the server
restarted with it), the registry and roster it publishes, its commands' JSON, a laptop's rows."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from tests.helpers.central import Server
from tests.helpers.cli import Cli
from tests.helpers.signing_pki import PASS, make_ca, make_p12


def office_key(server: Server, tmp_path: Path) -> tuple[Path, Path]:
    """The bureau's CA (its PEM) and the office's key: the server restarted with it."""
    bureau = make_ca()
    (tmp_path / "ca.pem").write_bytes(bureau.pem)
    secret = tmp_path / "secret.txt"
    secret.write_text(PASS, encoding="utf-8")
    p12 = tmp_path / "bureau.p12"
    p12.write_bytes(make_p12(bureau, "济南市医疗保障局", "BUREAU-1"))
    server.kill()
    server.options += ["--p12", str(p12), "--passphrase-file", str(secret)]
    server.start()
    return tmp_path / "ca.pem", p12


def publish(server: Server, kind: str, path: Path, p12: Path) -> None:
    done = server.command(
        "server", "publish", kind, str(path), "--p12", str(p12), "--passphrase-file",
        str(p12.parent / "secret.txt"), "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def publish_registry_and_roster(
    server: Server, p12: Path, tmp_path: Path, registry: list[list[str]], roster: list[Any]
) -> None:
    names = tmp_path / "名单.csv"
    names.write_text("\n".join(",".join(r) for r in registry), encoding="gbk")
    people = tmp_path / "roster.json"
    people.write_text(
        json.dumps(
            [
                {"name": n, "cert_no": c, "district": d, "can_lead": lead}
                for n, c, d, lead in roster
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    publish(server, "registry", names, p12)
    publish(server, "roster", people, p12)


def server_json(server: Server, *args: str) -> Any:
    done = server.command(*args, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def laptop_rows(home: Path, table: str, columns: str = "*") -> list[tuple[Any, ...]]:
    connection = sqlite3.connect(home / "inspector.sqlite3")
    try:
        found = connection.execute(f"select {columns} from {table}").fetchall()
        return sorted(found, key=repr)
    finally:
        connection.close()


def enroll(cli: Cli, server: Server, ca: Path, district: str) -> None:
    cli("config", "trust", "add", str(ca))
    out, _ = cli("sync", "enroll", server.url, server.code(district), "--ca",
                 str(server.tls.ca), "--json")  # fmt: skip
    assert json.loads(out)["district"] == district
