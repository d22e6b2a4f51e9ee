"""Records that last on the central service: a signed record pushed to a server with the bureau's
TSA configured is archived on arrival (PAdES B-LTA, the pushed file a prefix of the archived
one); pushed to a server without one it lands as 未归档 and ``server archive`` archives it;
``server retimestamp`` extends the chain of those whose TSA certificate expires within N days.
A signed 整改通知书 and a signed case document (行政处罚决定书) are archived the same way; unsigned
ones are not.
The TSA, OCSP and CRL services are certomancer's, for real, on 127.0.0.1."""

from __future__ import annotations

import http.client
import json
import re
import ssl
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

import pytest
from sqlalchemy import insert, select

from inspector.central import schema as s
from inspector.central.archive import (
    archived_document,
    note_pushed,
    retimestamp_due,
    settings,
    signed_documents,
    states,
)
from inspector.central.service import Central
from inspector.errors import InspectorError
from inspector.signing.archive import validate_archived
from tests.helpers.bundle import full_visit, sign_by_keys
from tests.helpers.cases import HEAD, case_served
from tests.helpers.central import TLS, Cluster, Server, sync_enroll, sync_push
from tests.helpers.cli import MEMBERS, Cli
from tests.helpers.pki_services import PASSPHRASE, PkiServices, pki, pki_services  # noqa: F401

LABELS = {"370100001": "inspector", "370100002": "leader"}  # pki.yml's holders; 陈刚: "head"


def _keys(cli: Cli, pki: PkiServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict:  # noqa: F811
    monkeypatch.setenv("INSPECTOR_KEY_PASSPHRASE", PASSPHRASE)
    keys = {}
    for _name, cert_no in MEMBERS:
        path = pki.pkcs12(LABELS[cert_no], tmp_path / f"{cert_no}.p12")
        out, _ = cli("key", "import", str(path), "--json")
        keys[cert_no] = json.loads(out)["key_id"]
    return keys


def _shown(server: Server, inspection_id: str) -> dict:
    done = server.command("central", "show", inspection_id, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _https(server: Server, method: str, path: str, body: bytes = b"",
           headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:  # fmt: skip
    context = ssl.create_default_context(cafile=str(server.tls.ca))
    connection = http.client.HTTPSConnection("127.0.0.1", server.port, context=context, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        answer = connection.getresponse()
        return answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read()
    finally:
        connection.close()


def _office_session(server: Server) -> dict[str, str]:
    """Signed in to the office page as a browser does (its CSRF cookie first)."""
    server.office_user("局端王", "口令-局端-2026")
    _, headers, _ = _https(server, "GET", "/office/login")
    token = re.search(r"inspector_login=([^;]+)", headers["set-cookie"])
    assert token is not None
    form = {
        "name": "局端王",
        "password": "口令-局端-2026",
        "csrf": token.group(1),
        "next": "/office",
    }
    status, headers, _ = _https(
        server, "POST", "/office/login", urlencode(form).encode(),
        {"Content-Type": "application/x-www-form-urlencoded",
         "Cookie": f"inspector_login={token.group(1)}"},
    )  # fmt: skip
    assert status == 303
    session = re.search(r"inspector_office=([^;]+)", headers["set-cookie"])
    assert session is not None
    return {"Cookie": f"inspector_office={session.group(1)}"}


def _signed_record(data: dict) -> tuple[dict, dict]:
    """The signed inspection record and its archive state."""
    for record in data["rows"]["records"]:
        state = data["archive"].get(record["sha256"])
        if state is not None and record.get("kind") == "inspection_record":
            return record, state
    raise AssertionError(data["archive"])


def test_a_pushed_signed_record_is_archived_or_waits_for_the_tsa(
    postgres: Cluster,
    tls: TLS,
    cli: Cli,
    pki: PkiServices,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keys = _keys(cli, pki, tmp_path, monkeypatch)
    roots = pki.root_pem(tmp_path / "bureau-ca.pem")
    archive = ["--tsa-url", pki.tsa_url, "--archive-roots", str(roots)]
    server = Server(postgres, tls, tmp_path / "central-store")
    server.start()  # no TSA configured: records wait as 未归档
    try:
        first = full_visit(cli, tmp_path)
        sign_by_keys(cli, first, keys, tmp_path)
        sync_enroll(cli, server)
        result, _ = sync_push(cli)
        assert first in result["summary"]["inspections"]  # the push landed
        record, state = _signed_record(_shown(server, first))
        assert state["state"] == "pending" and state["archived_sha256"] is None
        shown = server.command("central", "show", first)
        assert "未归档" in shown.stdout
        got = tmp_path / "none.pdf"
        refused = server.command("central", "archived", first, record["id"], "-o", str(got))
        assert refused.returncode == 1 and "还没有归档版本" in refused.stderr
        assert not got.exists()

        done = server.command("server", "archive", *archive, "--json")
        assert done.returncode == 0, done.stderr
        assert record["sha256"] in json.loads(done.stdout)["archived"]
        record, state = _signed_record(_shown(server, first))
        assert state["state"] == "archived" and state["timestamps"] == 1
        assert "已归档（PAdES B-LTA）" in server.command("central", "show", first).stdout
        done = server.command("central", "archived", first, record["id"], "-o", str(got))
        assert done.returncode == 0, done.stderr
        archived = got.read_bytes()
        pushed = server.store / "files" / record["sha256"][:2] / f"{record['sha256']}.pdf"
        assert archived.startswith(pushed.read_bytes())  # the pushed file, untouched, a prefix
        assert validate_archived(archived, roots=pki.roots, at=pki.travel(10)).ok
        pki.animator.fixed_time = None

        # The office page: the record's state and its archived version to download.
        cookie = _office_session(server)
        status, _, page = _https(server, "GET", f"/office/inspections/{first}", headers=cookie)
        text = page.decode()
        link = f"/office/inspections/{first}/records/{record['id']}.lta.pdf"
        assert status == 200 and "已归档（PAdES B-LTA）" in text and link in text
        status, headers, body = _https(server, "GET", link, headers=cookie)
        assert status == 200 and body == archived
        assert headers["content-type"] == "application/pdf"
        status, _, _ = _https(server, "GET", link)  # not signed in
        assert status in (302, 303, 401)

        # The yearly run: only what expires within the days given (the first TSA
        # certificate: 60 days).
        done = server.command("server", "retimestamp", *archive, "--days", "30", "--json")
        assert done.returncode == 0 and json.loads(done.stdout)["retimestamped"] == []
        done = server.command("server", "retimestamp", *archive, "--json")
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["retimestamped"] == [record["sha256"]]
        assert _signed_record(_shown(server, first))[1]["timestamps"] == 2
        events = [e["action"] for e in _shown(server, first)["server_events"]]
        assert "record.archive" in events and "record.retimestamp" in events

        # With the TSA configured, the next signed record is archived as it arrives.
        server.kill()
        server.options = archive
        server.start()
        second = full_visit(cli, tmp_path)
        sign_by_keys(cli, second, keys, tmp_path)
        sync_push(cli)
        assert _signed_record(_shown(server, second))[1]["state"] == "archived"
    finally:
        server.kill()


def _download(server: Server, document_id: str, target: Path) -> bytes:
    """``central archived`` with the document's id alone (a prefix of it)."""
    done = server.command("central", "archived", document_id[:12], "-o", str(target))
    assert done.returncode == 0, done.stderr
    return target.read_bytes()


def test_signed_orders_and_case_documents_are_archived_on_arrival(
    postgres: Cluster,
    tls: TLS,
    cli: Cli,
    pki: PkiServices,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keys = _keys(cli, pki, tmp_path, monkeypatch)
    out, _ = cli("key", "import", str(pki.pkcs12("head", tmp_path / "head.p12")), "--json")
    head_key = json.loads(out)["key_id"]  # the bureau's 负责人, who signs the 决定书
    roots = pki.root_pem(tmp_path / "bureau-ca.pem")
    archive = ["--tsa-url", pki.tsa_url, "--archive-roots", str(roots)]
    server = Server(postgres, tls, tmp_path / "central-store")
    server.options = archive
    server.start()
    try:
        carried = case_served(cli, keys, tmp_path)  # its 事先告知书 signed by a trial key
        out, _ = cli("case", "document", carried.case, "decision", "--json")
        decision = json.loads(out)["id"]  # the 行政处罚决定书, signed by the bureau's 负责人
        cli("case", "sign-document", decision[:8], "--key", head_key)
        deadline = (date.today() + timedelta(days=30)).isoformat()
        out, _ = cli("ledger", "order", carried.inspection, "--deadline", deadline, "--json")
        order = json.loads(out)["id"]
        out, _ = cli("case", "document", carried.case, "filing", "--json")
        filing = json.loads(out)["id"]  # the 立案审批表, made and not signed
        sync_enroll(cli, server)
        sync_push(cli)

        data = _shown(server, carried.inspection)
        held = {row["id"]: row for row in data["rows"]["rectification_orders"]}
        assert held[order]["signed_by"] is None
        assert held[order]["sha256"] not in data["archive"]  # an unsigned order: not archived
        documents = {row["id"]: row for row in data["rows"]["case_documents"]}
        decided = documents[decision]
        assert decided["signed_by"] == HEAD[1]
        state = data["archive"][decided["sha256"]]
        assert state["state"] == "archived" and state["table"] == "case_documents"
        assert state["document_id"] == decision
        # signed by a key that does not chain to the bureau's CA: noted, not archived, and why
        state = data["archive"][documents[carried.notice]["sha256"]]
        assert state["state"] == "pending" and "医保局 CA" in state["reason"]
        unsigned = [d for d in documents.values() if not d.get("signed_by")]
        assert [d["id"] for d in unsigned] == [filing]
        assert documents[filing]["sha256"] not in data["archive"]

        cli("ledger", "order-sign", order[:8], "--key", keys["370100002"])
        sync_push(cli)
        data = _shown(server, carried.inspection)
        signed_order = next(r for r in data["rows"]["rectification_orders"] if r["id"] == order)
        state = data["archive"][signed_order["sha256"]]
        assert state["state"] == "archived" and state["table"] == "rectification_orders"
        shown = server.command("central", "show", carried.inspection).stdout
        assert f"整改通知书 {order[:8]}：已归档（PAdES B-LTA）" in shown
        assert f"案件文书 {decision[:8]}：已归档（PAdES B-LTA）" in shown

        pushed = {}
        for document_id, sha in (
            (order, signed_order["sha256"]),
            (decision, decided["sha256"]),
        ):
            archived = _download(server, document_id, tmp_path / f"{document_id}.pdf")
            pushed[document_id] = (server.store / "files" / sha[:2] / f"{sha}.pdf").read_bytes()
            assert archived.startswith(pushed[document_id])  # the pushed file, a prefix
            assert validate_archived(archived, roots=pki.roots, at=pki.travel(10)).ok
            pki.animator.fixed_time = None
        got = tmp_path / "none.pdf"
        refused = server.command("central", "archived", unsigned[0]["id"], "-o", str(got))
        assert refused.returncode == 1 and "还没有归档版本" in refused.stderr
        assert not got.exists()

        # The office page: each signed document with its archived version to download.
        cookie = _office_session(server)
        status, _, page = _https(
            server, "GET", f"/office/inspections/{carried.inspection}", headers=cookie
        )
        text = page.decode()
        assert status == 200 and "已签名文书" in text and "整改通知书" in text
        for document_id in (order, decision):
            link = f"/office/inspections/{carried.inspection}/documents/{document_id}.lta.pdf"
            assert link in text
            status, headers, body = _https(server, "GET", link, headers=cookie)
            assert status == 200 and headers["content-type"] == "application/pdf"
            assert body == (tmp_path / f"{document_id}.pdf").read_bytes()
        unsigned_link = (
            f"/office/inspections/{carried.inspection}/documents/{unsigned[0]['id']}.lta.pdf"
        )
        assert unsigned_link not in text
        assert _https(server, "GET", unsigned_link, headers=cookie)[0] == 404

        # Twenty years ahead: the yearly run at day 45 (the TSA's next certificate), the
        # server's own code at the services' clock, then validated with revocation data required.
        central = Central(server.db, server.store)
        try:
            config = settings(pki.tsa_url, str(roots))
            renewed = retimestamp_due(central, config, now=pki.travel(45))
        finally:
            central.close()
        assert renewed["failed"] == []
        assert {signed_order["sha256"], decided["sha256"]} <= set(renewed["retimestamped"])
        pki.animator.fixed_time = None
        cli("config", "trust", "add", str(roots))
        at = pki.travel(7300)
        for document_id in (order, decision):
            archived_file = tmp_path / f"{document_id}-renewed.pdf"
            archived = _download(server, document_id, archived_file)
            check = validate_archived(archived, roots=pki.roots, at=at)
            assert check.ok and len(check.timestamps) == 2, check.to_json()
            out, _ = cli("verify-pdf", str(archived_file), "--at", at.isoformat(), "--json")
            assert json.loads(out)["ok"]
            # the document as it was pushed (PAdES B-B): every certificate expired by then
            as_signed = tmp_path / f"{document_id}-as-signed.pdf"
            as_signed.write_bytes(pushed[document_id])
            assert not validate_archived(pushed[document_id], roots=pki.roots, at=at).ok
            cli("verify-pdf", str(as_signed), "--at", at.isoformat(), expect=1)
    finally:
        server.kill()


def test_what_a_push_brings_is_noted_also_without_an_inspection(
    postgres: Cluster, tmp_path: Path
) -> None:
    """A document of a case opened from a lead has no inspection: the push that wrote it is
    what names it; an enforcement document is signed by ``signed_by`` like an order."""
    central = Central(postgres.create_database(), tmp_path / "store")

    def row(table: str, ident: str, inspection: str | None, bundle: str, **data: object) -> dict:
        body = {"id": ident, "sha256": ident[0] * 64, **data}
        return {"table_name": table, "row_key": json.dumps([ident]), "inspection_id": inspection,
                "data": body, "bundle_id": bundle, "deleted": False}  # fmt: skip

    insp = "11111111-0000-4000-8000-000000000001"
    try:
        with central.engine.begin() as c:
            c.execute(insert(s.rows), [
                row("case_documents", "a0000000-lead", None, "push-2", signed_by="370100004"),
                row("case_documents", "d0000000-lead", None, "push-2", signed_by=None),
                row("case_documents", "a000ffff-lead", None, "push-2", signed_by=None),
                row("enforcement_documents", "b0000000-seal", insp, "push-1",
                    signed_by="370100001"),
                row("enforcement_documents", "e0000000-seal", insp, "push-1", signed_by=None),
                row("case_documents", "c0000000-other", None, "push-1", signed_by="370100004"),
            ])  # fmt: skip
            assert sorted(note_pushed(c, [insp], "push-2")) == ["a" * 64, "b" * 64]
            assert note_pushed(c, [], None) == []  # a push that brought nothing of these
            kept = {r.source_sha256: r for r in c.execute(select(s.archived_pdfs))}
        assert kept["a" * 64].inspection_id is None
        assert kept["a" * 64].table_name == "case_documents"
        assert kept["a" * 64].document_id == "a0000000-lead"
        assert states(central, insp)["b" * 64]["table"] == "enforcement_documents"
        with central.engine.connect() as c:
            held = c.execute(select(s.rows.c.data).where(s.rows.c.inspection_id == insp)).all()
        listed = signed_documents(
            {"rows": {"enforcement_documents": [{**d, "kind": "decision"} for (d,) in held]}}
        )  # what the office page lists: the signed one, by what it is
        assert [(d["id"], d["title"]) for d in listed] == [("b0000000-seal", "执法文书（决定书）")]
        with central.engine.begin() as c:  # ``server archive``: whatever was not noted yet
            assert note_pushed(c, None) == ["c" * 64]
        with pytest.raises(InspectorError, match="还没有归档版本"):
            archived_document(central, "a0000000")  # pending: no archived version yet
        with pytest.raises(InspectorError, match="不唯一"):
            archived_document(central, "a000")
        with pytest.raises(InspectorError, match="至少 4 个字符"):
            archived_document(central, "a0")
    finally:
        central.close()
