"""The push to the office carries the leads' verdicts: a signed inspection with verified leads
is taken (the server recomputes the signed record's data hash, the verdicts included), the
verdicts and the sealed reporter reach the office, and the reporter's identity in clear is in
nothing the server holds."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from inspector.crypto.sealed import open_sealed
from tests.helpers.bundle import full_visit, sign_by_keys
from tests.helpers.central import Server
from tests.helpers.cli import Cli

REPORTER = "举报人郝秘密"
PHONE = "13912345678"


def test_the_push_carries_the_verdicts_and_only_the_sealed_reporter(
    server: Server,
    cli: Cli,
    team_keys: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = tmp_path / "office.pem"
    pem.write_bytes(
        private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    inspection_id = full_visit(cli, tmp_path)
    cli("lead", "office-key", str(pem))
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{REPORTER}\n{PHONE}\n"))
    cli("lead", "add", "--institution", "历城区某社区卫生服务中心", "--summary", "冒名住院",
        "--number", "JB-9", "--reporter-stdin")  # fmt: skip
    cli("lead", "add", "--institution", "乙药店", "--summary", "串换药品", "--number", "JB-10")
    cli("lead", "attach", inspection_id, "JB-9")
    cli("lead", "verify", inspection_id, "JB-9", "--verdict", "属实", "--note", "冒名 1 人次",
        "--amount", "800")  # fmt: skip
    sign_by_keys(cli, inspection_id, team_keys, tmp_path)
    out, _ = cli("sync", "enroll", server.url, server.code("历城区"), "--ca", str(server.tls.ca),
                 "--json")  # fmt: skip
    out, _ = cli("sync", "push", "--json")
    assert json.loads(out)["summary"]["inspections"] == [inspection_id]
    assert server.sql("select status from inspections").strip() == "signed"
    verdict = server.sql(
        "select data->>'verdict' || '|' || (data->>'note') from rows "
        "where table_name = 'lead_checks'"
    ).strip()
    assert verdict == "confirmed|冒名 1 人次"
    numbers = server.sql(
        "select string_agg(data->>'number', ',' order by data->>'number') from rows "
        "where table_name = 'leads'"
    ).strip()
    assert numbers == "JB-10,JB-9"  # the open lead too: the office sees what is not done
    sealed = server.sql(
        "select data->>'reporter_sealed' from rows where table_name = 'leads' "
        "and data->>'number' = 'JB-9'"
    ).strip()
    assert (
        open_sealed(
            private.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            ),
            sealed,
        ).decode()
        == f"{REPORTER}\n{PHONE}"
    )
    everything = server.sql("select string_agg(data::text, '') from rows")
    assert REPORTER not in everything and PHONE not in everything
    held = b"".join(p.read_bytes() for p in server.store.rglob("*") if p.is_file())
    assert REPORTER.encode() not in held and PHONE.encode() not in held
