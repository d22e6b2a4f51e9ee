"""``record verify`` judges who signed and whether every signature is there:

- three levels: 通过 (exit 0), 完好但签名者未获信任 (exit 2), 不通过 (exit 1);
- the trust list of the bureau's CA certificates (``config trust add|list|remove``), trial
  (self-signed) certificates never trusted;
- every signer on the record's team, the leader last;
- the signatures in the file exactly those the database recorded (a record cut back to an
  earlier revision loses the leader's signature: named), or, for a file from elsewhere, those
  the record's own signature block asks for;
- nothing after the last signature: an Info dictionary rewritten or an empty revision is named.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from inspector.record.signing import verify_record
from inspector.signing import KeyStore, sign_pdf
from inspector.signing.pdfsig import pdfsig_verdict
from inspector.workspace import Workspace
from tests.helpers.cli import Cli, ready_record, sign_all
from tests.helpers.signing_pki import (
    CA,
    INSPECTOR_BOX,
    LEADER_BOX,
    add_empty_revision,
    make_p12,
    rewrite_info,
    unlock,
)

pytestmark = pytest.mark.skipif(shutil.which("pdfsig") is None, reason="needs poppler-utils")


def _trust(cli: Cli, ca: CA, tmp_path: Path) -> None:
    pem = tmp_path / "bureau-ca.pem"
    pem.write_bytes(ca.pem)
    cli("config", "trust", "add", str(pem))


def _verify(cli: Cli, path: Path, *extra: str, expect: int) -> dict:
    out, _ = cli("record", "verify", str(path), "--json", *extra, expect=expect)
    return json.loads(out)


def test_an_intact_record_from_an_unknown_ca_is_not_a_pass(
    cli: Cli, ca: CA, bureau_keys: dict[str, str], tmp_path: Path
) -> None:
    final = sign_all(cli, ready_record(cli, tmp_path), bureau_keys)[1]
    report = _verify(cli, final, expect=2)
    assert report["verdict"] == "untrusted" and not report["ok"]
    out, _ = cli("record", "verify", str(final), expect=2)
    assert "结论：完好但签名者未获信任" in out
    assert "张伟" in out and "李娜" in out

    _trust(cli, ca, tmp_path)
    out, _ = cli("config", "trust", "list", "--json")
    listed = json.loads(out)
    assert [t["subject"] for t in listed] == ["济南市医疗保障局测试 CA / 济南市医疗保障局"]
    report = _verify(cli, final, expect=0)
    assert report["verdict"] == "pass" and report["ok"]
    assert all(s["trusted"] for s in report["signatures"])
    out, _ = cli("record", "verify", str(final))
    assert "结论：通过" in out

    cli("config", "trust", "remove", listed[0]["fingerprint_sha256"][:12])
    _verify(cli, final, expect=2)
    out, _ = cli("audit", "export", "--out", str(tmp_path / "log.jsonl"))
    actions = [
        json.loads(line)["action"]
        for line in (tmp_path / "log.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert actions.count("trust.add") == 1 and actions.count("trust.remove") == 1


def test_trial_and_non_ca_certificates_are_never_trusted(
    cli: Cli, ca: CA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    monkeypatch.setenv("INSPECTOR_KEY_PASSPHRASE", "口令-正确-1234")
    out, _ = cli("key", "trial", "--name", "张伟", "--cert-no", "370100001", "--json")
    trial = KeyStore(home).certificate(json.loads(out)["key_id"])
    from cryptography.hazmat.primitives import serialization

    pem = tmp_path / "trial.pem"
    pem.write_bytes(trial.public_bytes(serialization.Encoding.PEM))
    _, err = cli("config", "trust", "add", str(pem), expect=1)
    assert "试用" in err
    leaf = tmp_path / "leaf.pem"
    leaf.write_bytes(make_p12(ca, "张伟", "370100001"))  # not even a certificate
    _, err = cli("config", "trust", "add", str(leaf), expect=1)
    assert "证书" in err
    out, _ = cli("config", "trust", "list")
    assert "信任列表为空" in out


def test_a_record_cut_back_to_its_first_signature_names_the_missing_leader(
    cli: Cli, ca: CA, bureau_keys: dict[str, str], tmp_path: Path, home: Path
) -> None:
    _trust(cli, ca, tmp_path)
    first, final = sign_all(cli, ready_record(cli, tmp_path), bureau_keys)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(final.read_bytes()[: len(first.read_bytes())])
    assert cut.read_bytes() == first.read_bytes()
    report = _verify(cli, cut, expect=1)
    assert report["verdict"] == "fail"
    assert any("李娜" in p and "缺少" in p for p in report["record_problems"]), report
    # A file received from elsewhere: the record's own signature block says who must sign.
    report = _verify(cli, cut, "--no-database", expect=1)
    assert any("370100002" in p and "缺少" in p for p in report["record_problems"]), report
    # pdfsig sees one valid signature covering the whole file: it cannot tell.
    assert pdfsig_verdict(cut).ok


def test_a_signer_outside_the_team_or_the_leader_not_last_fails(
    cli: Cli, ca: CA, bureau_keys: dict[str, str], tmp_path: Path, home: Path
) -> None:
    _trust(cli, ca, tmp_path)
    inspection_id = ready_record(cli, tmp_path)
    with Workspace.open(home) as ws:
        from inspector.record.status import latest_record, record_bytes

        record = latest_record(ws, inspection_id)
        assert record is not None
        kept = record_bytes(ws, record)
    store = KeyStore(home)
    outsider = tmp_path / "outsider.pdf"
    sign_pdf(kept, outsider, unlock(store, "王五"), field_name="x", box=INSPECTOR_BOX)
    report = _verify(cli, outsider, expect=1)
    assert any("王五" in p and "不是本检查组成员" in p for p in report["record_problems"]), report
    report = _verify(cli, outsider, "--no-database", expect=1)
    assert any("王五" in p and "不是本检查组成员" in p for p in report["record_problems"]), report

    # The leader first, then the inspector: each on the team, in the wrong order.
    leader_first = tmp_path / "leader-first.pdf"
    wrong = tmp_path / "wrong-order.pdf"
    sign_pdf(kept, leader_first, unlock(store, "李娜"), field_name="a", box=LEADER_BOX)
    sign_pdf(leader_first, wrong, unlock(store, "张伟"), field_name="b", box=INSPECTOR_BOX)
    report = _verify(cli, wrong, "--no-database", expect=1)
    assert any("组长" in p and "最后" in p for p in report["record_problems"]), report
    # Known to the database: these are not the signatures it recorded.
    report = _verify(cli, wrong, expect=1)
    assert any("本机记录" in p for p in report["record_problems"]), report


@pytest.mark.parametrize(
    ("make", "words"),
    [(rewrite_info, "文档信息字典"), (add_empty_revision, "空的修订")],
)
def test_a_revision_after_the_last_signature_is_named(
    cli: Cli,
    ca: CA,
    bureau_keys: dict[str, str],
    tmp_path: Path,
    home: Path,
    make: object,
    words: str,
) -> None:
    _trust(cli, ca, tmp_path)
    final = sign_all(cli, ready_record(cli, tmp_path), bureau_keys)[1]
    changed = make(final, tmp_path / "changed.pdf")  # type: ignore[operator]
    report = _verify(cli, changed, expect=1)
    assert report["verdict"] == "fail"
    assert any(words in p for p in report["problems"]), report
    verdict = pdfsig_verdict(changed)
    assert verdict.ok and verdict.last_not_total  # pdfsig only hints
    with Workspace.open(home) as ws:
        assert not verify_record(ws, changed).pdf.ok
