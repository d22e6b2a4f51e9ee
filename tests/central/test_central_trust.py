"""What the server believes of a device's words, with its real parts (PostgreSQL, HTTPS, the
server as a child process): a push's claim to know another laptop's changes counts only as
far as the server saw that device deliver them; a revoked key stays revoked whatever new code
it brings; enrollment proves that the enroller holds the key it registers."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding

from inspector.bundle.format import MANIFEST, SIGNATURE
from inspector.bundle.signature import sign_manifest
from inspector.central.auth import fingerprint, sign_headers
from inspector.central.client import Connection, enrolled
from inspector.signing.keystore import KeyStore
from inspector.workspace import Workspace
from tests.helpers.bundle import full_visit, make_laptop
from tests.helpers.central import Server
from tests.helpers.cli import Cli


def _enroll(cli: Cli, server: Server) -> dict[str, Any]:
    out, _ = cli("sync", "enroll", server.url, server.code(), "--ca", str(server.tls.ca), "--json")
    return dict(json.loads(out))


def _laptop_id(home: Path) -> str:
    with Workspace.open(home) as ws:
        return str(ws.db.device_id)


def _answer(server: Server, inspection: str, item: str) -> str:
    return server.sql(
        "select data->>'note' || '|' || coalesce(data->>'change_device_id', '') || '|' "
        "|| coalesce(data->>'change_seq', '') from rows where table_name = 'answers' "
        f"and inspection_id = '{inspection}' and data->>'item_code' = '{item}'"
    ).strip()


def _push_claiming(server: Server, home: Path, bundle: Path, heads: dict[str, int]) -> Any:
    """The laptop's own bundle pushed with its manifest's ``heads`` changed (a new id, signed
    by the laptop's device key, as a thief or a broken laptop would); the commit's answer."""
    with Workspace.open(home) as ws:
        key = KeyStore.of(ws).device_key(ws.db.device_id)
        server_row = enrolled(ws)
        assert server_row is not None
        signer = (key.private_key, server_row.server_device)
    with zipfile.ZipFile(bundle) as archive:
        members = {n: archive.read(n) for n in archive.namelist() if n not in (MANIFEST, SIGNATURE)}
        manifest = json.loads(archive.read(MANIFEST))
    manifest["heads"].update(heads)
    manifest["bundle_id"] = hashlib.sha256(os.urandom(16)).hexdigest()[:32]
    body = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
    signature = sign_manifest(body, key)
    connection = Connection(server.url, server.tls.ca.read_text())
    try:
        request = json.dumps(
            {
                "manifest": base64.b64encode(body).decode("ascii"),
                "signature": base64.b64encode(signature).decode("ascii"),
            }
        ).encode("ascii")
        status, answer = connection.request("POST", "/api/push", request, signer=signer)
        assert status == 200, answer
        for member in answer["missing"]:
            status, reply = connection.request(
                "PUT",
                f"/api/push/{answer['bundle_id']}/files",
                members[member["name"]],
                signer=signer,
                query={"name": member["name"], "offset": 0},
                files=True,
            )
            assert status == 200, reply
        status, summary = connection.request(
            "POST", f"/api/push/{answer['bundle_id']}/commit", signer=signer
        )
        assert status == 200, summary
        return summary
    finally:
        connection.close()


def test_a_claim_to_know_another_laptops_changes_does_not_overwrite_them(
    server: Server, cli: Cli, template_home: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    # laptop B makes an inspection and hands it to laptop A; then B goes on changing it
    b = Cli(make_laptop(template_home, tmp_path / "b", "laptop-b"), capsys)
    inspection = full_visit(b, tmp_path)
    b("bundle", "export", "--out", str(tmp_path / "hand.zip"))
    cli("bundle", "import", str(tmp_path / "hand.zip"))
    b("answer", inspection, "P1.1", "--result", "problem", "--note", "B 后来的结论")
    _enroll(b, server)
    b("sync", "push", "--json")
    held = _answer(server, inspection, "P1.1")
    assert held.startswith("B 后来的结论|laptop-b|")

    # A changes the same answer without having seen B's later change, and claims in its
    # push to know B's log up to 10^9
    cli("answer", inspection, "P1.1", "--result", "problem", "--note", "A 的结论")
    _enroll(cli, server)
    attack = tmp_path / "a.zip"
    cli("bundle", "export", "--out", str(attack))
    summary = _push_claiming(server, cli.home, attack, {_laptop_id(b.home): 10**9})
    # the server judged by what A delivered of B's log (the hand-over's part): B's change
    # stays, as a conflict the laptops settle between them
    assert summary["kept"] >= 1, summary
    assert _answer(server, inspection, "P1.1") == held
    delivered = server.sql(
        "select seq from pushed_logs where log_device_id = 'laptop-b' and device_id = "
        f"'{enrolled_device(cli.home)}'"
    ).strip()
    assert 0 < int(delivered) < int(held.rsplit("|", 1)[1])

    # once A has really received B's change (B's next bundle) its own change after it wins
    b("bundle", "export", "--out", str(tmp_path / "later.zip"))
    cli("bundle", "import", str(tmp_path / "later.zip"))
    cli("answer", inspection, "P1.1", "--result", "problem", "--note", "A 看过 B 之后")
    out, _ = cli("sync", "push", "--json")
    assert json.loads(out)["summary"]["updated"] >= 1
    assert _answer(server, inspection, "P1.1").startswith("A 看过 B 之后|")


def enrolled_device(home: Path) -> str:
    with Workspace.open(home) as ws:
        row = enrolled(ws)
        assert row is not None
        return str(row.server_device)


def _devices_and_codes(server: Server) -> str:
    return server.sql(
        "select md5(string_agg(id || coalesce(revoked_at::text, '-') || district, ',' "
        "order by id)) || (select count(*) from enrollment_codes where used_at is null) "
        "from devices"
    ).strip()


def _enroll_request(
    server: Server, code: str, certificate_pem: str, key: Any, device: str
) -> tuple[int, dict[str, Any]]:
    """An enrollment request as the client makes it, signed by ``key`` as ``device``."""
    body = json.dumps(
        {"code": code, "certificate": certificate_pem, "device_id": "laptop-x", "signers": []}
    ).encode("utf-8")
    connection = Connection(server.url, server.tls.ca.read_text())
    try:
        return connection.request("POST", "/api/enroll", body, signer=(key, device))
    finally:
        connection.close()


def test_a_revoked_device_stays_revoked_whatever_code_it_brings(
    server: Server, cli: Cli, tmp_path: Path
) -> None:
    device = _enroll(cli, server)["device"]
    assert server.command("server", "revoke", device[:12]).returncode == 0
    fresh = server.code()
    before = _devices_and_codes(server)
    _o, err = cli("sync", "enroll", server.url, fresh, "--ca", str(server.tls.ca), expect=1)
    assert "已" in err and "吊销" in err and "不能再次登记" in err
    # nothing changed: still revoked, the code still unused (the administrator can give it
    # to a laptop with a new key)
    assert _devices_and_codes(server) == before
    assert server.sql(f"select revoked_at is not null from devices where id = '{device}'") == "t\n"
    full_visit(cli, tmp_path)
    _r, err = cli("sync", "push", expect=1)
    assert "吊销" in err


def test_enrollment_proves_the_key_is_held(server: Server, cli: Cli) -> None:
    # someone with a laptop's certificate (public: it is in every bundle the laptop signs)
    # but not its key tries to enroll it with a code of his own
    with Workspace.open(cli.home) as ws:
        certificate = KeyStore.of(ws).device_key(ws.db.device_id).certificate
    pem = certificate.public_bytes(Encoding.PEM).decode("ascii")
    victim = fingerprint(certificate)
    own = ec.generate_private_key(ec.SECP256R1())
    code = server.code()
    before = _devices_and_codes(server)

    # signed by another key, in the victim's name
    status, answer = _enroll_request(server, code, pem, own, victim)
    assert status == 401 and "签名验证未通过" in answer["error"], answer
    # signed by his key as himself: not the key the certificate names
    status, answer = _enroll_request(server, code, pem, own, "0" * 64)
    assert status == 401 and "没有由所登记的设备密钥签名" in answer["error"], answer
    # not signed at all
    body = json.dumps({"code": code, "certificate": pem, "device_id": "x", "signers": []})
    connection = Connection(server.url, server.tls.ca.read_text())
    status, answer = connection.request("POST", "/api/enroll", body.encode())
    connection.close()
    assert status == 401, answer
    assert _devices_and_codes(server) == before
    assert server.sql("select count(*) from devices").strip() == "0"

    # a replayed enrollment (the laptop's own signed request, sent again) is refused too
    with Workspace.open(cli.home) as ws:
        key = KeyStore.of(ws).device_key(ws.db.device_id).private_key
    signed = json.dumps(
        {"code": code, "certificate": pem, "device_id": "x", "signers": []}
    ).encode()
    headers = sign_headers(key, victim, "POST", "/api/enroll", signed)
    answers = []
    connection = Connection(server.url, server.tls.ca.read_text())
    for _ in range(2):
        connection.http.request(
            "POST", "/api/enroll", body=signed, headers={**headers, "Content-Type": "x"}
        )
        response = connection.http.getresponse()
        answers.append((response.status, json.loads(response.read())))
    connection.close()
    assert answers[0][0] == 200 and answers[0][1]["device"] == victim
    assert answers[1][0] == 401 and "重放" in answers[1][1]["error"]
    # and the laptop itself enrolls as it always did (its client signs)
    assert _enroll(cli, server)["device"] == victim


def _append_to_log(home: Path, log: str) -> int:
    """One more event on ``log``'s chain in this laptop's copy of it, hashed and linked as the
    real ones are (a copy of another laptop's log is all it takes); its number."""
    import sqlite3
    import uuid

    from inspector.hashing import canonical_json

    connection = sqlite3.connect(home / "inspector.sqlite3")
    try:
        row = connection.execute(
            "select seq, at, actor, action, inspection_id, entity_type, entity_id, "
            "state_sha256, body, hash from audit_events where device_id = ? "
            "order by seq desc limit 1",
            (log,),
        ).fetchone()
        seq, at, actor, action, inspection, entity_type, entity_id, state, body, head = row
        facts = {**json.loads(body), "seq": seq + 1, "prev": head}
        forged = canonical_json(facts)
        connection.execute(
            "insert into audit_events (id, device_id, seq, at, actor, action, inspection_id, "
            "entity_type, entity_id, state_sha256, body, prev_hash, hash) "
            "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                str(uuid.uuid4()), log, seq + 1, at, actor, action, inspection, entity_type,
                entity_id, state, forged, head, hashlib.sha256(forged.encode()).hexdigest(),
            ),
        )  # fmt: skip
        connection.commit()
    finally:
        connection.close()
    return int(seq) + 1


def test_entries_forged_onto_another_laptops_log_after_its_last_push_are_refused(
    server: Server, cli: Cli, template_home: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """A laptop holding a copy of another's log (a hand-over gives one) appended an entry to it
    and pushed: the chain linked, so the server took an entry in the other laptop's name that
    it never wrote. New entries of an enrolled laptop's log, brought by another device, must
    be vouched for by a head statement that laptop's signers signed, reaching them; the
    genuine hand-over of that laptop's later entries still goes through."""
    b = Cli(make_laptop(template_home, tmp_path / "b", "laptop-b"), capsys)
    full_visit(b, tmp_path)
    _enroll(b, server)
    b("sync", "push", "--json")
    hand = tmp_path / "hand.zip"
    b("bundle", "export", "--out", str(hand))
    cli("bundle", "import", str(hand))
    forged = _append_to_log(cli.home, "laptop-b")
    _enroll(cli, server)

    def held(seq: int) -> str:
        return server.sql(
            "select count(*) from rows where table_name = 'audit_events' "
            f"and change_device_id = 'laptop-b' and change_seq = {seq}"
        ).strip()

    pushes = server.sql("select count(*) from pushes where committed_at is not null").strip()
    last_of_b = (
        "select max(change_seq) from rows where table_name = 'audit_events' "
        "and change_device_id = 'laptop-b'"
    )
    last = server.sql(last_of_b).strip()
    _, err = cli("sync", "push", expect=1)
    assert "没有该设备登记的签名者签署" in err and "laptop-b"[:8] in err
    assert held(forged) == "0"
    assert server.sql(last_of_b).strip() == last
    assert (
        server.sql("select count(*) from pushes where committed_at is not null").strip() == pushes
    )
    # the same hand-over, unforged, through a third laptop: B's entry the server lacked (the
    # export's own, after B's push) comes in, vouched for by B's inspector's head statement
    c = Cli(make_laptop(template_home, tmp_path / "c", "laptop-c"), capsys)
    c("bundle", "import", str(hand))
    _enroll(c, server)
    c("sync", "push", "--json")
    assert held(forged - 1) == "1" and held(forged) == "0"
