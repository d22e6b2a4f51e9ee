"""Two laptops and what travels between them: a second data directory, a visit with every kind of
data, and the steps that sign its record (through the command line)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import stat
import warnings
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from inspector.bundle.format import MANIFEST, SIGNATURE
from inspector.bundle.signature import sign_manifest
from inspector.inspections import (
    TeamMember,
    create_inspection,
)
from inspector.signing.keystore import KeyStore
from inspector.workspace import Workspace
from tests.helpers.cli import MEMBERS, STROKES, Cli, new_inspection
from tests.helpers.homes import PHOTOS
from tests.helpers.lawful import lawful_cli

# Tables whose rows are the data (the bundle_* tables are each laptop's own bookkeeping).
DATA_TABLES = (
    "institutions",
    "inspectors",
    "checklist_snapshots",
    "inspections",
    "inspection_members",
    "answers",
    "evidence",
    "custody_events",
    "seal_items",
    "records",
    "handwritten_signatures",
    "record_signatures",
    "interviews",
    "tombstones",
)


def make_laptop(template_home: Path, where: Path, device: str) -> Path:
    """A second data directory: the migrated template under another device id."""
    shutil.copytree(template_home, where)
    connection = sqlite3.connect(where / "inspector.sqlite3")
    connection.execute("update settings set value = ? where key = 'device_id'", (device,))
    connection.commit()
    connection.close()
    return where


def full_visit(cli: Cli, tmp_path: Path, *extra: str) -> str:
    """An inspection with answers, photos, a sealing-list line and an interview."""
    inspection_id = new_inspection(cli, "--leader", "370100002", *extra)
    cli("config", "current_inspector", "370100001")
    cli("answer", inspection_id, "P5.1", "--result", "problem", "--note", "床位空置",
        "--amount", "3200", "--violation", "VH04")  # fmt: skip
    cli("answer", inspection_id, "P1.1", "--result", "ok")
    cli("evidence", "add", inspection_id, str(PHOTOS / "gps"), "--item", "P5.1",
        "--by", "370100001")  # fmt: skip
    out, _ = cli("evidence", "list", inspection_id, "--json")
    first = json.loads(out)[0]["id"]
    cli("evidence", "annotate", first, "--arrow", "0.1,0.1,0.4,0.4", "--text", "0.1,0.8,床位空置")
    cli("evidence", "seal", inspection_id, "--description", "住院收费台账", "--quantity", "2",
        "--unit", "本")  # fmt: skip
    out, _ = cli("interview", "new", inspection_id, "--name", "王某", "--role", "护士", "--json")
    interview = json.loads(out)["id"]
    cli("interview", "ask", interview, "-q", "床位上的病人在哪里？", "-a", "回家了")
    return inspection_id


def sign_by_keys(
    cli: Cli,
    inspection_id: str,
    keys: dict[str, str],
    tmp_path: Path,
    members: Sequence[tuple[str, str]] = MEMBERS,
) -> None:
    """:func:`ready_to_sign`, then each of ``members`` (name, 执法证号; the leader last)
    signs the record with their key in ``keys`` (by 执法证号)."""
    ready_to_sign(cli, inspection_id, tmp_path, members)
    for _name, cert in members:
        cli("record", "sign", inspection_id, "--key", keys[cert])


def ready_to_sign(
    cli: Cli, inspection_id: str, tmp_path: Path, members: Sequence[tuple[str, str]] = MEMBERS
) -> None:
    """Hand signatures of ``members`` (the party refusing, with a witness), finished, the
    record built."""
    # the law's minimums, captured before anyone signs
    lawful_cli(cli, inspection_id, [cert for _name, cert in members])
    strokes = tmp_path / "strokes.json"
    strokes.write_text(json.dumps(STROKES), encoding="utf-8")
    for name, cert in members:
        cli("record", "sign-hand", inspection_id, "--role", "inspector", "--name", name,
            "--cert-no", cert, "--strokes", str(strokes))  # fmt: skip
    cli("record", "refuse", inspection_id, "--representative", "王某", "--reason", "不认可",
        "--witness", "赵某", "--witness-id-no", "11010519491231002X",
        "--witness-relation", "无关系", "--witness-strokes", str(strokes))  # fmt: skip
    cli("inspection", "finish", inspection_id)
    cli("record", "build", inspection_id)


def cross_district_inspection(ws: Workspace) -> str:
    return create_inspection(
        ws,
        institution="某社区卫生服务中心",
        type_code="primary_care",
        mode="cross",
        district="历城区",
        team_district="市中区",
        team=[TeamMember("张伟", "370100001"), TeamMember("李娜", "370100002")],
        leader="370100002",
    )


PASSPHRASE = "口令-正确-1234"


def laptop_state(home: Path) -> dict[str, Any]:
    """Everything a laptop holds: every table's rows and every stored file."""
    connection = sqlite3.connect(home / "inspector.sqlite3")
    tables = [
        r[0]
        for r in connection.execute(
            "select name from sqlite_master where type = 'table' and name != 'alembic_version'"
        )
    ]
    state: dict[str, Any] = {
        t: sorted(map(repr, connection.execute(f"select * from {t}").fetchall())) for t in tables
    }
    connection.close()
    state["files"] = sorted(
        str(p.relative_to(home))
        for folder in ("evidence", "records")
        for p in (home / folder).rglob("*")
        if p.is_file() and ".incoming" not in p.parts
    )
    return state


def laptop_data(home: Path) -> dict[str, list[str]]:
    connection = sqlite3.connect(home / "inspector.sqlite3")
    data = {
        t: sorted(map(repr, connection.execute(f"select * from {t}").fetchall()))
        for t in DATA_TABLES
    }
    connection.close()
    return data


def bundle_export(cli: Cli, out: Path, *extra: str) -> dict[str, Any]:
    stdout, _ = cli("bundle", "export", "--out", str(out), "--json", *extra)
    return json.loads(stdout)


def bundle_import(cli: Cli, bundle: Path, *extra: str, expect: int = 0) -> tuple[str, str]:
    return cli("bundle", "import", str(bundle), *extra, expect=expect)


def audit_lines(cli: Cli, tmp_path: Path) -> list[str]:
    target = tmp_path / f"audit-{cli.home.name}.jsonl"
    cli("audit", "export", "--out", str(target))
    return target.read_text(encoding="utf-8").splitlines()


def rewrite_bundle(
    source: Path,
    target: Path,
    change: Callable[[list[tuple[zipfile.ZipInfo, bytes]]], list[tuple[zipfile.ZipInfo, bytes]]],
) -> Path:
    with zipfile.ZipFile(source) as archive:
        items = [(info, archive.read(info)) for info in archive.infolist()]
    items = change(items)
    with zipfile.ZipFile(target, "w") as out, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a duplicate name is one of the cases
        for info, data in items:
            out.writestr(info, data)
    return target


def resign_bundle(
    items: list[tuple[zipfile.ZipInfo, bytes]], home: Path, edit: Callable[[dict[str, Any]], None]
) -> list[tuple[zipfile.ZipInfo, bytes]]:
    """Change the manifest and sign it again with the exporting laptop's own device key."""
    with Workspace.open(home) as ws:
        key = KeyStore.of(ws).device_key(ws.db.device_id)
    out = []
    manifest = json.loads(dict((i.filename, d) for i, d in items)[MANIFEST])
    edit(manifest)
    body = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
    for info, data in items:
        if info.filename == MANIFEST:
            data = body
        elif info.filename == SIGNATURE:
            data = sign_manifest(body, key)
        out.append((info, data))
    return out


def zip_info(
    name: str, mode: int = stat.S_IFREG | 0o644, compress: int = zipfile.ZIP_STORED
) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = mode << 16
    info.compress_type = compress
    return info
