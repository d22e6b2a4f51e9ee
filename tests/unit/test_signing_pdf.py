"""Signing PDFs (PAdES, incremental, visible Chinese stamp) and verifying them: two signers in
turn, tampering in the signed bytes, changes after signing, truncation, trust roots."""

from __future__ import annotations

import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields

from inspector.signing import (
    KeyRefused,
    KeyStore,
    SigningError,
    UnlockedKey,
    sign_pdf,
    verify_pdf,
)
from inspector.signing.verify import NOT_TRUSTED
from tests.helpers.lawful import lawful_cli
from tests.helpers.signing_pki import (
    CA,
    INSPECTOR_BOX,
    LEADER_BOX,
    add_unsigned_field,
    flip_inside_signed_bytes,
    make_pdf,
    make_store,
    replace_page_content,
    sign_twice,
    unlock,
    with_empty_fields,
)


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory, ca: CA) -> KeyStore:
    return make_store(tmp_path_factory.mktemp("signing-home"), ca)


@pytest.fixture(scope="module")
def inspector_key(keys: KeyStore) -> UnlockedKey:
    return unlock(keys, "张伟")


@pytest.fixture(scope="module")
def leader_key(keys: KeyStore) -> UnlockedKey:
    return unlock(keys, "李娜")


def test_two_signers_in_turn_both_validate(
    tmp_path: Path, inspector_key: UnlockedKey, leader_key: UnlockedKey
) -> None:
    src, first, second = sign_twice(tmp_path, inspector_key, leader_key)
    original, once, twice = src.read_bytes(), first.read_bytes(), second.read_bytes()
    # Incremental: each file's bytes are the previous file's bytes followed by an update.
    assert once.startswith(original) and len(once) > len(original)
    assert twice.startswith(once) and len(twice) > len(once)

    report = verify_pdf(second)
    assert report.ok, report.lines()
    assert report.problems == () and report.revisions == 3
    one, two = report.signatures
    assert (one.field, one.signer_name, one.signer_cert_no) == ("inspector-1", "张伟", "370100001")
    assert (two.field, two.signer_name, two.signer_cert_no) == ("leader", "李娜", "370100002")
    assert one.intact and one.signature_valid and two.intact and two.signature_valid
    assert one.coverage == "entire_revision" and one.unchanged
    assert two.coverage == "entire_file" and two.modification == "NONE"
    assert "之后只增加了后续签名" in one.coverage_text and two.coverage_text == "签名覆盖整个文档"
    # No trust roots offline: a warning, not a failure.
    assert not one.trusted and NOT_TRUSTED in one.warnings and NOT_TRUSTED in two.warnings
    assert not one.trial
    assert "验证通过" in report.summary

    first_report = verify_pdf(first)
    assert first_report.ok and first_report.signatures[0].coverage == "entire_file"


def test_sign_result_and_signing_time(
    tmp_path: Path, inspector_key: UnlockedKey, leader_key: UnlockedKey
) -> None:
    import hashlib

    src = make_pdf(tmp_path / "record.pdf")
    out = tmp_path / "signed.pdf"
    result = sign_pdf(src, out, inspector_key, field_name="inspector-1", box=INSPECTOR_BOX)
    data = out.read_bytes()
    assert result.sha256 == hashlib.sha256(data).hexdigest() and result.size == len(data)
    assert result.field_name == "inspector-1" and result.signer == inspector_key.info
    assert result.signed_at.tzinfo is not None and result.signed_at.microsecond == 0
    verdict = verify_pdf(out).signatures[0]
    assert verdict.signed_at == result.signed_at  # the stamp's time is the signature's time
    assert not list(tmp_path.glob(".*.tmp"))  # the atomic write left nothing behind


def _pdftotext(path: Path, page: int) -> str:
    done = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(path), "-"],
        capture_output=True,
        check=True,
    )
    return done.stdout.decode("utf-8")


def test_visible_stamp_with_embedded_chinese_font(
    tmp_path: Path, inspector_key: UnlockedKey, leader_key: UnlockedKey
) -> None:
    _, _, signed = sign_twice(tmp_path, inspector_key, leader_key)
    fonts = subprocess.run(
        ["pdffonts", str(signed)], capture_output=True, text=True, check=True
    ).stdout
    font_rows = [line for line in fonts.splitlines() if "WenQuanYi" in line]
    assert len(font_rows) >= 3  # the page, and each stamp's subset
    assert all(" yes yes " in row for row in font_rows)  # embedded, subset
    assert "Helvetica" not in fonts

    text = _pdftotext(signed, 2)  # the last page carries the stamps
    report = verify_pdf(signed)
    for verdict, role in zip(report.signatures, ("检查人员", "检查组长"), strict=True):
        assert verdict.signed_at is not None
        assert role in text and verdict.signer_name in text
        assert f"执法证号：{verdict.signer_cert_no}" in text
        assert f"时间：{verdict.signed_at:%Y-%m-%d %H:%M:%S}" in text
    assert text.count("数字签名") == 2

    with signed.open("rb") as handle:
        reader = PdfFileReader(handle)
        found = {name: ref for name, _value, ref in fields.enumerate_sig_fields(reader)}
        widget = found["leader"].get_object()
        assert [float(v) for v in widget["/Rect"]] == list(LEADER_BOX[1:])
        assert "/N" in widget["/AP"]  # a visible appearance
        page = reader.root["/Pages"]["/Kids"][-1].get_object()
        assert widget["/P"].get_object() == page


def test_a_trusted_root_makes_the_chain_trusted(
    tmp_path: Path, ca: CA, inspector_key: UnlockedKey, leader_key: UnlockedKey
) -> None:
    _, _, signed = sign_twice(tmp_path, inspector_key, leader_key)
    root = tmp_path / "bureau-ca.pem"
    root.write_bytes(ca.pem)
    broken = tmp_path / "broken.pem"
    broken.write_bytes(b"-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n")
    report = verify_pdf(signed, trusted=[root, broken])
    assert report.ok
    assert all(s.trusted and NOT_TRUSTED not in s.warnings for s in report.signatures)
    assert any("broken.pem" in w for w in report.warnings)


def test_a_changed_byte_in_the_signed_range_is_caught(
    tmp_path: Path, inspector_key: UnlockedKey, leader_key: UnlockedKey
) -> None:
    _, _, signed = sign_twice(tmp_path, inspector_key, leader_key)
    report = verify_pdf(flip_inside_signed_bytes(signed, tmp_path / "flipped.pdf"))
    assert not report.ok
    for verdict in report.signatures:
        assert not verdict.intact and not verdict.ok
        assert any("摘要不符" in e for e in verdict.errors)
    assert any("签名 1「inspector-1」（张伟" in line for line in report.lines())


def test_content_replaced_after_signing_is_caught(
    tmp_path: Path, inspector_key: UnlockedKey, leader_key: UnlockedKey
) -> None:
    _, _, signed = sign_twice(tmp_path, inspector_key, leader_key)
    report = verify_pdf(replace_page_content(signed, tmp_path / "replaced.pdf"))
    assert not report.ok
    for verdict in report.signatures:
        assert verdict.intact  # the signed bytes are untouched ...
        assert not verdict.unchanged and verdict.modification == "OTHER"  # ... but not the page
        assert any("签名之后文档被修改" in e for e in verdict.errors)
    assert "第 1 页被改动" in report.signatures[0].errors[0]
    assert "Kids[0]" in (report.signatures[0].detail or "")


def test_an_unsigned_revision_after_the_last_signature_fails(
    tmp_path: Path, inspector_key: UnlockedKey, leader_key: UnlockedKey
) -> None:
    _, _, signed = sign_twice(tmp_path, inspector_key, leader_key)
    report = verify_pdf(add_unsigned_field(signed, tmp_path / "extra.pdf"))
    assert not report.ok
    assert all(v.ok for v in report.signatures)  # allowed form changes for each signature ...
    assert any("未签名的修订" in p for p in report.problems)  # ... but nothing signs them


def test_bytes_appended_after_signing_fail(
    tmp_path: Path, inspector_key: UnlockedKey, leader_key: UnlockedKey
) -> None:
    _, _, signed = sign_twice(tmp_path, inspector_key, leader_key)
    appended = tmp_path / "appended.pdf"
    appended.write_bytes(signed.read_bytes() + b"\n% appended\n")
    report = verify_pdf(appended)
    assert not report.ok
    assert report.problems == (
        "签名 2「leader」（李娜，执法证号 370100002）之后：文件末尾被追加了 12 字节未签名的数据",
    )


@pytest.mark.parametrize("keep", [0.5, 0.9, -200, -5])
def test_truncated_files_fail_with_a_clear_message(
    tmp_path: Path, inspector_key: UnlockedKey, leader_key: UnlockedKey, keep: float
) -> None:
    _, _, signed = sign_twice(tmp_path, inspector_key, leader_key)
    data = signed.read_bytes()
    cut = int(len(data) * keep) if keep > 0 else len(data) + int(keep)
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(data[:cut])
    report = verify_pdf(truncated)
    assert not report.ok
    assert any("不完整" in p for p in report.problems), report.lines()


def test_not_a_pdf_empty_and_unsigned(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    assert verify_pdf(empty).problems == ("文件是空的",)
    text = tmp_path / "text.pdf"
    text.write_text("hello", encoding="utf-8")
    assert "不是 PDF" in verify_pdf(text).problems[0]
    unsigned = verify_pdf(make_pdf(tmp_path / "unsigned.pdf"))
    assert not unsigned.ok and unsigned.problems == ("文件中没有数字签名",)
    with pytest.raises(SigningError, match="无法读取"):
        verify_pdf(tmp_path / "missing.pdf")


def test_signing_into_an_existing_empty_field(
    tmp_path: Path, inspector_key: UnlockedKey, leader_key: UnlockedKey
) -> None:
    prepared = with_empty_fields(make_pdf(tmp_path / "record.pdf"), tmp_path / "fields.pdf")

    first = tmp_path / "one.pdf"
    sign_pdf(prepared, first, inspector_key, field_name="inspector-1", box=None)
    with pytest.raises(SigningError, match="已经签过名"):
        sign_pdf(first, tmp_path / "x.pdf", leader_key, field_name="inspector-1", box=None)
    with pytest.raises(SigningError, match="没有名为“nope”的签名域"):
        sign_pdf(first, tmp_path / "x.pdf", leader_key, field_name="nope", box=None)
    second = tmp_path / "two.pdf"
    sign_pdf(first, second, leader_key, field_name="leader", box=None)
    report = verify_pdf(second)
    assert report.ok, report.lines()
    assert "李娜" in _pdftotext(second, 2)


def test_certification_signature_allows_the_leader_to_sign_after(
    tmp_path: Path, inspector_key: UnlockedKey, leader_key: UnlockedKey
) -> None:
    prepared = with_empty_fields(make_pdf(tmp_path / "record.pdf"), tmp_path / "fields.pdf")
    first = tmp_path / "certified.pdf"
    sign_pdf(prepared, first, inspector_key, field_name="inspector-1", box=None, certify=True)
    with pytest.raises(SigningError, match="认证签名必须是文档的第一个签名"):
        sign_pdf(first, tmp_path / "x.pdf", leader_key, field_name="leader", box=None, certify=True)
    with pytest.raises(SigningError, match="只能签在认证之前已有的空签名域上"):
        sign_pdf(first, tmp_path / "x.pdf", leader_key, field_name="new", box=LEADER_BOX)
    second = tmp_path / "certified-2.pdf"
    sign_pdf(first, second, leader_key, field_name="leader", box=None)
    assert verify_pdf(second).ok, verify_pdf(second).lines()
    assert not verify_pdf(replace_page_content(second, tmp_path / "forged.pdf")).ok


def test_signing_refuses_bad_input(
    tmp_path: Path, inspector_key: UnlockedKey, leader_key: UnlockedKey
) -> None:
    src = make_pdf(tmp_path / "record.pdf")
    out = tmp_path / "out.pdf"
    later = datetime.now() + timedelta(days=400)
    with pytest.raises(KeyRefused, match="证书已过期"):
        sign_pdf(src, out, inspector_key, field_name="a", box=INSPECTOR_BOX, now=later)
    with pytest.raises(SigningError, match="页码超出范围"):
        sign_pdf(src, out, inspector_key, field_name="a", box=(5, 0, 0, 100, 100))
    with pytest.raises(SigningError, match="签名框太小"):
        sign_pdf(src, out, inspector_key, field_name="a", box=(0, 0, 0, 100, 10))
    text = tmp_path / "text.pdf"
    text.write_text("not a pdf", encoding="utf-8")
    with pytest.raises(SigningError, match="不是 PDF"):
        sign_pdf(text, out, inspector_key, field_name="a", box=INSPECTOR_BOX)
    half = tmp_path / "half.pdf"
    half.write_bytes(src.read_bytes()[: src.stat().st_size // 2])
    with pytest.raises(SigningError, match="无法读取 PDF"):
        sign_pdf(half, out, inspector_key, field_name="a", box=INSPECTOR_BOX)
    sign_pdf(src, out, inspector_key, field_name="a", box=INSPECTOR_BOX)
    with pytest.raises(SigningError, match="已有名为“a”的签名域"):
        sign_pdf(out, tmp_path / "again.pdf", leader_key, field_name="a", box=LEADER_BOX)
    assert not (tmp_path / "again.pdf").exists()


def test_signing_in_place_replaces_the_file_atomically(
    tmp_path: Path, inspector_key: UnlockedKey
) -> None:
    src = make_pdf(tmp_path / "record.pdf")
    before = src.read_bytes()
    sign_pdf(src, src, inspector_key, field_name="inspector-1", box=INSPECTOR_BOX)
    assert src.read_bytes().startswith(before) and verify_pdf(src).ok
    assert sorted(p.name for p in tmp_path.iterdir()) == ["record.pdf"]


def test_a_record_built_by_the_app_signed_by_inspector_then_leader(
    cli, tmp_path: Path, inspector_key: UnlockedKey, leader_key: UnlockedKey
) -> None:
    from tests.helpers.cli import new_inspection

    inspection_id = new_inspection(cli)
    lawful_cli(cli, inspection_id)
    cli("inspection", "finish", inspection_id)
    record = tmp_path / "记录.pdf"
    cli("record", "build", inspection_id, "--out", str(record))
    text_before = subprocess.run(
        ["pdftotext", str(record), "-"], capture_output=True, check=True
    ).stdout
    _, _, signed = sign_twice(tmp_path, inspector_key, leader_key, src=record)
    assert signed.read_bytes().startswith(record.read_bytes())
    assert verify_pdf(signed).ok
    text_after = subprocess.run(
        ["pdftotext", str(signed), "-"], capture_output=True, check=True
    ).stdout
    after = text_after.decode()
    for line in text_before.decode().splitlines():
        assert line in after  # the record's text is all still there
