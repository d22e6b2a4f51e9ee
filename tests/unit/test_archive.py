"""Records that last (PAdES B-LTA): a PDF signed by the bureau's inspectors is archived with the
bureau CA's OCSP answers and a document timestamp from its TSA, both served for real on
127.0.0.1 by certomancer (tests/helpers/pki_services.py), re-timestamped before the first TSA
certificate expires, and validated twenty years ahead with revocation data required. A B-B file
is refused at that date; an archived file changed afterwards is refused."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.signers.pdf_signer import PdfTimeStamper
from pyhanko.sign.timestamps.aiohttp_client import HTTPTimeStamper

from inspector.signing import KeyStore, sign_pdf
from inspector.signing.archive import (
    archive_pdf,
    retimestamp_pdf,
    timestamps_of,
    validate_archived,
)
from inspector.signing.errors import SigningError
from inspector.signing.pdfsig import Agreement, compare, pdfsig_verdict
from inspector.signing.verify import verify_pdf, verify_pdf_data
from tests.helpers.pki_services import PASSPHRASE, PkiServices, pki, pki_services  # noqa: F401
from tests.helpers.signing_pki import (
    INSPECTOR_BOX,
    LEADER_BOX,
    add_empty_revision,
    add_unsigned_field,
    make_pdf,
    replace_page_content,
    rewrite_info,
)

TWENTY_YEARS = 7300  # days


def _signed(pki: PkiServices, tmp_path: Path) -> bytes:  # noqa: F811
    """A record signed by 张伟 then 李娜 with keys the bureau's CA issued (OCSP, CRL URLs)."""
    store = KeyStore(tmp_path / "home")
    keys = {}
    for label in ("inspector", "leader"):
        info = store.import_pkcs12(pki.pkcs12(label, tmp_path / f"{label}.p12"), PASSPHRASE)
        keys[label] = store.unlock(info.key_id, PASSPHRASE)
    src = make_pdf(tmp_path / "record.pdf")
    first, second = tmp_path / "signed-1.pdf", tmp_path / "signed-2.pdf"
    sign_pdf(src, first, keys["inspector"], field_name="inspector-1", box=INSPECTOR_BOX)
    sign_pdf(first, second, keys["leader"], field_name="leader", box=LEADER_BOX)
    return second.read_bytes()


def test_b_lta_holds_twenty_years_ahead_and_b_b_does_not(
    pki: PkiServices,  # noqa: F811
    tmp_path: Path,
) -> None:
    signed = _signed(pki, tmp_path)
    archived = archive_pdf(signed, tsa_url=pki.tsa_url, roots=pki.roots)
    # Incremental: the signed file is a prefix (the custody chain's hash stays checkable).
    assert archived.data.startswith(signed)
    assert len(archived.timestamps) == 1
    assert archived.holds_until == pki.certificate("tsa").not_valid_after_utc
    report = verify_pdf_data(archived.data, Path("a.pdf"), roots=pki.roots)
    assert report.ok and report.archived and len(report.signatures) == 2, report.lines()

    # The yearly run, before the first TSA certificate expires (day 60): the services' clock
    # moves on; the TSA signs with its next certificate.
    renewed = retimestamp_pdf(
        archived.data, tsa_url=pki.tsa_url, roots=pki.roots, now=pki.travel(45)
    )
    assert renewed.data.startswith(archived.data) and len(renewed.timestamps) == 2
    assert renewed.holds_until == pki.certificate("tsa2").not_valid_after_utc
    assert verify_pdf_data(renewed.data, Path("a.pdf"), roots=pki.roots).ok

    # Past the first TSA certificate's expiry: only the renewed chain holds.
    at = pki.travel(90)
    assert not validate_archived(archived.data, roots=pki.roots, at=at).ok
    assert validate_archived(renewed.data, roots=pki.roots, at=at).ok

    # Twenty years ahead: every inspector's certificate long expired (day 335), the CA's OCSP
    # still answering about the TSA's current certificate; revocation data required.
    at = pki.travel(TWENTY_YEARS)
    check = validate_archived(renewed.data, roots=pki.roots, at=at)
    assert check.ok, check.to_json()
    assert [s.proven_at for s in check.signatures] == [renewed.timestamps[0].time] * 2
    refused = validate_archived(signed, roots=pki.roots, at=at)
    assert not refused.ok and not any(s.ok for s in refused.signatures)
    assert "已过期" in refused.signatures[0].indication


def test_an_archived_file_changed_afterwards_is_refused(
    pki: PkiServices,  # noqa: F811
    tmp_path: Path,
) -> None:
    signed = _signed(pki, tmp_path)
    archived = archive_pdf(signed, tsa_url=pki.tsa_url, roots=pki.roots).data
    good = tmp_path / "archived.pdf"
    good.write_bytes(archived)
    if shutil.which("pdfsig"):
        # poppler lists the document timestamps unchecked (it does not verify RFC 3161
        # tokens): its verdict on the signatures is the same as ours.
        agreement, said = compare(verify_pdf(good, roots=pki.roots), pdfsig_verdict(good))
        assert agreement is Agreement.AGREE, said

    # A byte of the record (signed by both signatures and the timestamp) changed.
    at = archived.index(b"/Type /Page") + 2
    flipped = tmp_path / "flipped.pdf"
    flipped.write_bytes(archived[:at] + b"X" + archived[at + 1 :])
    assert not verify_pdf(flipped, roots=pki.roots).ok
    assert not validate_archived(flipped.read_bytes(), roots=pki.roots, at=pki.travel(10)).ok

    # A revision after the archive that gives page 1 new content; one that adds a form
    # field; and the page change sealed by a new document timestamp from the bureau's own TSA.
    page = replace_page_content(good, tmp_path / "page.pdf")
    field = add_unsigned_field(good, tmp_path / "field.pdf")
    sealed = tmp_path / "sealed.pdf"
    pki.animator.fixed_time = None
    writer = IncrementalPdfFileWriter(io.BytesIO(page.read_bytes()))
    out = PdfTimeStamper(HTTPTimeStamper(pki.tsa_url)).timestamp_pdf(writer, "sha256")
    sealed.write_bytes(out.getvalue())
    for bad, words in ((page, "页面内容"), (field, "签名域「extra」"), (sealed, "页面内容")):
        report = verify_pdf(bad, roots=pki.roots)
        assert not report.ok, bad.name
        if shutil.which("pdfsig"):
            agreement, said = compare(report, pdfsig_verdict(bad))
            assert agreement in (Agreement.AGREE, Agreement.STRICTER), said
        assert words in "\n".join(report.lines()), report.lines()
        check = validate_archived(bad.read_bytes(), roots=pki.roots, at=pki.travel(10))
        assert not check.ok, bad.name


def test_an_annotation_after_the_archive_is_refused(
    pki: PkiServices,  # noqa: F811
    tmp_path: Path,
) -> None:
    signed = _signed(pki, tmp_path)
    archived = archive_pdf(signed, tsa_url=pki.tsa_url, roots=pki.roots).data
    writer = IncrementalPdfFileWriter(io.BytesIO(archived))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    note = writer.add_object(
        generic.DictionaryObject(
            {
                generic.NameObject("/Type"): generic.NameObject("/Annot"),
                generic.NameObject("/Subtype"): generic.NameObject("/Square"),
                generic.NameObject("/Rect"): generic.ArrayObject(
                    [generic.FloatObject(v) for v in (0, 0, 600, 800)]
                ),
            }
        )
    )
    page["/Annots"] = generic.ArrayObject([*page.get("/Annots", []), note])
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    bad = tmp_path / "annotated.pdf"
    bad.write_bytes(out.getvalue())
    report = verify_pdf(bad, roots=pki.roots)
    assert not report.ok
    assert "批注" in "\n".join(report.lines()), report.lines()


def test_archiving_refuses_a_tampered_file_an_unknown_ca_and_an_unreachable_tsa(
    pki: PkiServices,  # noqa: F811
    tmp_path: Path,
) -> None:
    signed = _signed(pki, tmp_path)
    at = signed.index(b"/Type /Page") + 2
    with pytest.raises(SigningError, match="验证未通过"):
        archive_pdf(signed[:at] + b"X" + signed[at + 1 :], tsa_url=pki.tsa_url, roots=pki.roots)
    with pytest.raises(SigningError, match="不能追溯到医保局 CA"):
        archive_pdf(signed, tsa_url=pki.tsa_url, roots=[])
    with pytest.raises(SigningError, match="无法连接时间戳服务"):
        archive_pdf(signed, tsa_url="http://127.0.0.1:9/tsa", roots=pki.roots, timeout=2)
    archived = archive_pdf(signed, tsa_url=pki.tsa_url, roots=pki.roots).data
    with pytest.raises(SigningError, match="已经归档"):
        archive_pdf(archived, tsa_url=pki.tsa_url, roots=pki.roots)
    with pytest.raises(SigningError, match="还没有归档"):
        retimestamp_pdf(signed, tsa_url=pki.tsa_url, roots=pki.roots)
    assert timestamps_of(signed) == ()
    # Each archive revision is new: the signed prefix is never rewritten.
    reader = PdfFileReader(io.BytesIO(archived))
    assert [s.field_name for s in reader.embedded_timestamp_signatures] == ["Archive-1"]


def test_an_info_rewrite_or_an_empty_revision_after_the_archive_is_refused(
    pki: PkiServices,  # noqa: F811
    tmp_path: Path,
) -> None:
    signed = _signed(pki, tmp_path)
    good = tmp_path / "archived.pdf"
    good.write_bytes(archive_pdf(signed, tsa_url=pki.tsa_url, roots=pki.roots).data)
    for bad, words in (
        (rewrite_info(good, tmp_path / "info.pdf"), "文档信息字典"),
        (add_empty_revision(good, tmp_path / "empty.pdf"), "空的修订"),
    ):
        report = verify_pdf(bad, roots=pki.roots)
        assert not report.ok, bad.name
        assert words in "\n".join(report.lines()), report.lines()
