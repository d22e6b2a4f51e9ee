"""Our verdict against poppler's pdfsig on the same files: they agree wherever pdfsig can tell
(valid, bytes changed in a signed range, truncated, not a PDF, unsigned), and we are stricter
where pdfsig only hints ("Not total document signed") at a change made after signing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from inspector.signing import Agreement, KeyStore, UnlockedKey, compare, pdfsig_verdict, verify_pdf
from inspector.signing.pdfsig import parse_pdfsig
from tests.helpers.signing_pki import (
    CA,
    add_empty_revision,
    add_unsigned_field,
    flip_inside_signed_bytes,
    make_ca,
    make_pdf,
    make_store,
    replace_page_content,
    rewrite_info,
    sign_twice,
    unlock,
)


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ca: CA = make_ca()
    home = tmp_path_factory.mktemp("pdfsig")
    store: KeyStore = make_store(home, ca)
    inspector: UnlockedKey = unlock(store, "张伟")
    leader: UnlockedKey = unlock(store, "李娜")
    return sign_twice(home, inspector, leader)[2]


def _truncate(keep: float) -> Callable[[Path, Path], Path]:
    def make(path: Path, out: Path) -> Path:
        data = path.read_bytes()
        out.write_bytes(data[: int(len(data) * keep)] if keep > 0 else data[: int(keep)])
        return out

    return make


def _append(path: Path, out: Path) -> Path:
    out.write_bytes(path.read_bytes() + b"\n% appended\n")
    return out


def _not_a_pdf(path: Path, out: Path) -> Path:
    out.write_bytes(b"this is not a pdf\n")
    return out


def _unsigned(path: Path, out: Path) -> Path:
    return make_pdf(out)


def _same(path: Path, out: Path) -> Path:
    out.write_bytes(path.read_bytes())
    return out


# case: (how to make it from the twice-signed file, we say ok, pdfsig says ok, agreement)
CASES = {
    "valid": (_same, True, True, Agreement.AGREE),
    "byte-flipped": (flip_inside_signed_bytes, False, False, Agreement.AGREE),
    "truncated-half": (_truncate(0.5), False, False, Agreement.AGREE),
    "truncated-tail": (_truncate(-200), False, False, Agreement.AGREE),
    "not-a-pdf": (_not_a_pdf, False, False, Agreement.AGREE),
    "unsigned": (_unsigned, False, False, Agreement.AGREE),
    "page-replaced": (replace_page_content, False, True, Agreement.STRICTER),
    "field-added": (add_unsigned_field, False, True, Agreement.STRICTER),
    "bytes-appended": (_append, False, True, Agreement.STRICTER),
    # An update after the last signature that rewrites only the document information
    # dictionary, or one that changes nothing: pdfsig "Not total document signed".
    "info-rewritten": (rewrite_info, False, True, Agreement.STRICTER),
    "empty-revision": (add_empty_revision, False, True, Agreement.STRICTER),
}


@pytest.mark.parametrize("case", list(CASES))
def test_our_verdict_against_pdfsig(signed: Path, tmp_path: Path, case: str) -> None:
    make, we_ok, pdfsig_ok, expected = CASES[case]
    path = make(signed, tmp_path / f"{case}.pdf")
    report = verify_pdf(path)
    verdict = pdfsig_verdict(path)
    assert verdict.available, "poppler-utils (pdfsig) is installed by scripts/setup.sh"
    assert report.ok is we_ok, report.lines()
    assert verdict.ok is pdfsig_ok, verdict.output
    agreement, sentence = compare(report, verdict)
    assert agreement is expected, sentence
    if expected is Agreement.STRICTER:
        # pdfsig: every signature "Valid", the last one not covering the whole file.
        assert all(s.valid for s in verdict.signed) and verdict.last_not_total
        assert "Not total document signed" in sentence


def test_pdfsig_exits_0_on_a_digest_mismatch_so_we_read_its_output(
    signed: Path, tmp_path: Path
) -> None:
    flipped = flip_inside_signed_bytes(signed, tmp_path / "flipped.pdf")
    verdict = pdfsig_verdict(flipped)
    assert verdict.exit_code == 0  # the reason for parsing (FIELD-NOTES)
    assert [s.validation for s in verdict.signatures] == ["Digest Mismatch."] * 2
    assert not verdict.ok
    good = pdfsig_verdict(signed)
    assert [(s.field, s.signer, s.total_document_signed) for s in good.signatures] == [
        ("inspector-1", "张伟", False),
        ("leader", "李娜", True),
    ]


def test_parse_pdfsig_output() -> None:
    output = """Digital Signature Info of: x.pdf
Signature #1:
  - Signature Field Name: a
  - Signer Certificate Common Name: 张伟
  - Not total document signed
  - Signature Validation: Signature is Valid.
Signature #2:
  - Signature Field Name: b
  - Total document signed
  - Signature Validation: Digest Mismatch.
Signature #3:
  - Signature Field Name: c
  The signature form field is not signed.
"""
    one, two, three = parse_pdfsig(output)
    assert one.signed and two.signed and not three.signed and three.field == "c"
    assert (one.number, one.field, one.signer, one.valid, one.total_document_signed) == (
        1,
        "a",
        "张伟",
        True,
        False,
    )
    assert (two.field, two.valid, two.total_document_signed) == ("b", False, True)
    assert parse_pdfsig("File 'x.pdf' does not contain any signatures\n") == []
