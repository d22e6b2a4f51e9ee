"""``record verify`` and ``verify-pdf`` on an archived record (PAdES B-LTA), the bureau's PKI
served for real by certomancer on 127.0.0.1: the archived record says it is archived and until
when its timestamp chain holds; ``--at`` twenty years ahead passes for the archived record
(after the yearly re-timestamp) and fails for the record as signed (B-B), revocation data
required; an archived record changed afterwards fails."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector.signing.archive import archive_pdf, retimestamp_pdf
from tests.helpers.cli import MEMBERS, Cli, ready_record, sign_all
from tests.helpers.pki_services import PASSPHRASE, PkiServices, pki, pki_services  # noqa: F401
from tests.helpers.signing_pki import replace_page_content

LABELS = {"370100001": "inspector", "370100002": "leader"}  # pki.yml's holders


def _bureau_keys(
    cli: Cli,
    pki: PkiServices,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> dict[str, str]:
    monkeypatch.setenv("INSPECTOR_KEY_PASSPHRASE", PASSPHRASE)
    keys = {}
    for _name, cert_no in MEMBERS:
        path = pki.pkcs12(LABELS[cert_no], tmp_path / f"{cert_no}.p12")
        out, _ = cli("key", "import", str(path), "--json")
        keys[cert_no] = json.loads(out)["key_id"]
    cli("config", "trust", "add", str(pki.root_pem(tmp_path / "bureau-ca.pem")))
    return keys


def test_record_verify_at_twenty_years_ahead(
    cli: Cli,
    pki: PkiServices,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keys = _bureau_keys(cli, pki, tmp_path, monkeypatch)
    signed = sign_all(cli, ready_record(cli, tmp_path), keys)[1]
    archived = tmp_path / "archived.pdf"
    first = archive_pdf(signed.read_bytes(), tsa_url=pki.tsa_url, roots=pki.roots)
    archived.write_bytes(first.data)

    out, _ = cli("record", "verify", str(archived), "--json")
    report = json.loads(out)
    assert report["verdict"] == "pass" and report["archived"], report
    out, _ = cli("record", "verify", str(archived))
    assert "已归档（PAdES B-LTA）" in out and "时间戳链有效至" in out

    renewed = retimestamp_pdf(first.data, tsa_url=pki.tsa_url, roots=pki.roots, now=pki.travel(45))
    archived.write_bytes(renewed.data)
    at = pki.travel(7300).isoformat()
    out, _ = cli("record", "verify", str(archived), "--at", at, "--json")
    report = json.loads(out)
    assert report["verdict"] == "pass" and report["at"]["ok"], report
    out, _ = cli("record", "verify", str(archived), "--at", at)
    assert "要求吊销信息）：通过" in out and "文档时间戳证明" in out
    out, _ = cli("verify-pdf", str(archived), "--at", at, "--json")
    assert json.loads(out)["ok"]

    # The record as signed (PAdES B-B): every certificate expired by then.
    out, _ = cli("record", "verify", str(signed), "--at", at, "--json", expect=1)
    report = json.loads(out)
    assert report["verdict"] == "fail" and not report["at"]["ok"]
    assert any("验证未通过（要求吊销信息）" in p for p in report["record_problems"])
    cli("verify-pdf", str(signed), "--at", at, expect=1)

    # The archived record with page 1 replaced afterwards.
    forged = replace_page_content(archived, tmp_path / "forged.pdf")
    _, _ = cli("record", "verify", str(forged), "--at", at, expect=1)
    out, _ = cli("record", "verify", str(forged), expect=1)
    assert "页面内容" in out


def test_a_bad_date_is_refused(cli: Cli, tmp_path: Path) -> None:
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%%EOF\n")
    _, err = cli("record", "verify", str(pdf), "--at", "2046-13-40", expect=1)
    assert "验证时间" in err
