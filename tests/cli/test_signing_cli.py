"""The command line: key import/new/attach/trial/list, sign-pdf and verify-pdf; the passphrase
from a file, the environment or a prompt, never from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from tests.helpers.cli import Cli, new_inspection, run_main
from tests.helpers.lawful import lawful_cli
from tests.helpers.signing_pki import PASS, make_ca, make_p12, make_pdf, replace_page_content

ENV = "INSPECTOR_KEY_PASSPHRASE"
KEY_PASS = "trial-passphrase"


def _keys(cli: Cli) -> list[dict]:
    out, _ = cli("key", "list", "--json")
    return json.loads(out)


def test_trial_key_sign_and_verify(cli: Cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(ENV, KEY_PASS)
    out, _ = cli("key", "trial", "--name", "王五", "--cert-no", "370100009", "--days", "30")
    assert "试用" in out and "王五" in out
    (key,) = _keys(cli)
    assert key["trial"] and key["status"] == "可用" and key["org"] == "试用（自签名）"
    out, _ = cli("key", "list")
    assert key["key_id"] in out and "[试用]" in out

    src = make_pdf(tmp_path / "record.pdf")
    signed = tmp_path / "signed.pdf"
    out, _ = cli(
        "sign-pdf",
        str(src),
        "--key",
        key["key_id"][:6],
        "--out",
        str(signed),
        "--label",
        "检查人员",
        "--reason",
        "现场检查记录",
        "--json",
    )
    result = json.loads(out)
    assert result["field"] == "Signature1" and result["signer"]["name"] == "王五"
    assert signed.read_bytes().startswith(src.read_bytes())

    out, _ = cli("verify-pdf", str(signed))
    assert "验证通过" in out and "签名者证书不在信任列表中" in out and "试用证书" in out
    out, _ = cli("verify-pdf", str(signed), "--pdfsig", "--json")
    report = json.loads(out)
    assert report["ok"] and report["pdfsig"]["agreement"] == "agree"
    assert report["signatures"][0]["signer_cert_no"] == "370100009"

    forged = replace_page_content(signed, tmp_path / "forged.pdf")
    out, _ = cli("verify-pdf", str(forged), "--pdfsig", expect=1)
    assert "验证未通过" in out and "签名之后文档被修改" in out
    assert "Not total document signed" in out  # pdfsig passes it; we explain why we do not


def test_import_new_attach_with_passphrase_file(cli: Cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(ENV, raising=False)
    ca = make_ca()
    p12 = tmp_path / "zw.p12"
    p12.write_bytes(make_p12(ca, "张伟", "370100001"))
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASS + "\n", encoding="utf-8")
    out, _ = cli("key", "import", str(p12), "--passphrase-file", str(secret))
    assert "已导入密钥" in out and "张伟" in out

    wrong = tmp_path / "wrong.txt"
    wrong.write_text("nope\n", encoding="utf-8")
    _, err = cli("key", "import", str(p12), "--passphrase-file", str(wrong), expect=1)
    assert "口令不正确" in err

    new_secret = tmp_path / "new.txt"
    new_secret.write_text("a new passphrase\n", encoding="utf-8")
    out, _ = cli(
        "key",
        "new",
        "--name",
        "李娜",
        "--cert-no",
        "370100002",
        "--org",
        "济南市医疗保障局",
        "--passphrase-file",
        str(new_secret),
        "--json",
    )
    created = json.loads(out)
    csr = x509.load_pem_x509_csr(Path(created["csr_path"]).read_bytes())
    assert created["status"] == "等待证书"

    src = make_pdf(tmp_path / "record.pdf")
    _, err = cli(
        "sign-pdf",
        str(src),
        "--key",
        created["key_id"],
        "--out",
        str(tmp_path / "x.pdf"),
        "--passphrase-file",
        str(new_secret),
        expect=1,
    )
    assert "尚未导入" in err

    cert = tmp_path / "lina.pem"
    issued = ca.issue(csr.public_key(), csr.subject)
    cert.write_bytes(issued.public_bytes(serialization.Encoding.PEM))
    out, _ = cli("key", "attach", created["key_id"][:8], str(cert))
    assert "证书已导入" in out and "可用" in out

    # Both sign in turn; the bureau CA placed under keys/trusted makes them trusted.
    by_name = {k["name"]: k["key_id"] for k in _keys(cli)}
    once, twice = tmp_path / "1.pdf", tmp_path / "2.pdf"
    for key_id, source, target, passphrase in (
        (by_name["张伟"], src, once, secret),
        (by_name["李娜"], once, twice, new_secret),
    ):
        cli(
            "sign-pdf",
            str(source),
            "--key",
            key_id,
            "--out",
            str(target),
            "--passphrase-file",
            str(passphrase),
        )
    trusted = cli.home / "keys" / "trusted"
    trusted.mkdir()
    (trusted / "bureau.pem").write_bytes(ca.pem)
    out, _ = cli("verify-pdf", str(twice), "--json")
    report = json.loads(out)
    assert report["ok"] and [s["field"] for s in report["signatures"]] == [
        "Signature1",
        "Signature2",
    ]
    assert all(s["trusted"] and not s["warnings"] for s in report["signatures"])


def test_passphrase_is_never_an_argument_and_a_pipe_gets_a_clear_message(
    cli: Cli, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.delenv(ENV, raising=False)
    _, err = cli("key", "trial", "--name", "王五", "--cert-no", "1", "--passphrase", "x", expect=1)
    assert "口令不能写在命令行上" in err
    with pytest.raises(SystemExit):  # no abbreviations of --passphrase-file either
        cli("key", "trial", "--name", "王五", "--cert-no", "1", "--passphrase-f", "x")
    _, err = cli("key", "trial", "--name", "王五", "--cert-no", "1", expect=1)
    assert "--passphrase-file" in err and ENV in err  # stdin is not a terminal under pytest
    monkeypatch.setenv(ENV, "short")
    _, err = cli("key", "trial", "--name", "王五", "--cert-no", "1", expect=1)
    assert "口令太短" in err
    assert _keys(cli) == []


def test_verify_pdf_failures_exit_1(cli: Cli, tmp_path: Path) -> None:
    _, err = cli("verify-pdf", str(tmp_path / "missing.pdf"), expect=1)
    assert "没有这个文件" in err
    unsigned = make_pdf(tmp_path / "unsigned.pdf")
    out, _ = cli("verify-pdf", str(unsigned), expect=1)
    assert "文件中没有数字签名" in out
    half = tmp_path / "half.pdf"
    half.write_bytes(unsigned.read_bytes()[:500])
    out, _ = cli("verify-pdf", str(half), "--json", expect=1)
    assert not json.loads(out)["ok"] and "不完整" in json.loads(out)["problems"][0]


def test_sign_a_built_record_in_a_child_process(cli: Cli, tmp_path: Path) -> None:
    inspection_id = new_inspection(cli)
    lawful_cli(cli, inspection_id)
    cli("inspection", "finish", inspection_id)
    record = tmp_path / "记录.pdf"
    cli("record", "build", inspection_id, "--out", str(record))
    env = {"INSPECTOR_HOME": str(cli.home), ENV: KEY_PASS}
    made = run_main("key", "trial", "--name", "张伟", "--cert-no", "370100001", "--json", env=env)
    assert made.returncode == 0, made.stderr
    key_id = json.loads(made.stdout)["key_id"]
    signed = tmp_path / "signed.pdf"
    done = run_main("sign-pdf", str(record), "--key", key_id, "--out", str(signed), env=env)
    assert done.returncode == 0, done.stderr
    checked = run_main("verify-pdf", str(signed), env=env)
    assert checked.returncode == 0 and "验证通过" in checked.stdout
    assert checked.stderr == ""  # pyHanko's log of the untrusted chain stays out of the output
