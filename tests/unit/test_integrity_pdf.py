"""The signed PDFs (records, interview records, rectification orders), attacked as
someone with a copy of the data directory would:

1. a record's page covered between two signatures (an empty signature field with a covering
   appearance, a new text field, a planted text field filled later): pyHanko calls each
   FORM_FILLING, we allow nothing but the next signature between two signatures;
2. the stored file swapped for another PDF before signing: ``record sign`` (and the order's and
   the interview record's signing) refuse a file that is not the built or last-signed one;
9a. unsigned bytes inside signature 2 (the /Contents padding, a certificate copy in the CMS)
   flipped: refused.

Each is verified with the database (the laptop that made the record) and by file only, on a
fresh data directory that trusts the same CA and does not know the record."""

from __future__ import annotations

import io
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature

from inspector.errors import InvalidInput
from inspector.record.signing import verify_record
from inspector.record.status import latest_record
from inspector.signing import KeyStore, sign_pdf
from inspector.signing.verify import verify_pdf_data
from tests.helpers.cli import MEMBERS, Cli, new_inspection, sign_by_hand
from tests.helpers.signing_pki import CA, PASS, make_ca, make_p12, unlock

MEMBER, LEADER = "370100001", "370100002"
RULE = "两个签名之间只允许增加下一个签名"


# --- the attacker's tools (pyHanko's incremental writer and fields API) ---------------------


def _rewrite(data: bytes, change: Callable[[IncrementalPdfFileWriter], None]) -> bytes:
    """One incremental update made by ``change``; the original bytes stay a prefix."""
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _page(writer: IncrementalPdfFileWriter, index: int = 0) -> tuple[object, generic.Reference]:
    ref = writer.find_page_for_modification(index)[0]
    return ref.get_object(), ref


def _appearance(writer: IncrementalPdfFileWriter, width: float, height: float) -> object:
    """A white box over the whole page with other words on it."""
    font = generic.DictionaryObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/Font"),
            generic.NameObject("/Subtype"): generic.NameObject("/Type1"),
            generic.NameObject("/BaseFont"): generic.NameObject("/Helvetica"),
        }
    )
    stream = generic.StreamObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/XObject"),
            generic.NameObject("/Subtype"): generic.NameObject("/Form"),
            generic.NameObject("/BBox"): generic.ArrayObject(
                [
                    generic.NumberObject(0),
                    generic.NumberObject(0),
                    generic.FloatObject(width),
                    generic.FloatObject(height),
                ]
            ),
            generic.NameObject("/Resources"): generic.DictionaryObject(
                {
                    generic.NameObject("/Font"): generic.DictionaryObject(
                        {generic.NameObject("/F1"): writer.add_object(font)}
                    )
                }
            ),
        },
        stream_data=(
            b"1 1 1 rg 0 0 %d %d re f 0 0 0 rg BT /F1 28 Tf 72 700 Td (NO PROBLEM FOUND) Tj ET"
            % (int(width), int(height))
        ),
    )
    return writer.add_object(stream)


def _page_size(writer: IncrementalPdfFileWriter) -> tuple[float, float]:
    page, _ref = _page(writer)
    box = [float(v) for v in page["/MediaBox"]]  # type: ignore[index]
    return box[2] - box[0], box[3] - box[1]


def cover_with_signature_field(data: bytes) -> bytes:
    """An empty signature field over page 1 whose appearance covers the page."""

    def change(writer: IncrementalPdfFileWriter) -> None:
        width, height = _page_size(writer)
        spec = fields.SigFieldSpec("cover", on_page=0, box=(0, 0, int(width), int(height)))
        fields.append_signature_field(writer, spec)
        _name, _value, ref = next(iter(fields.enumerate_sig_fields(writer, with_name="cover")))
        field = ref.get_object()
        field["/AP"] = generic.DictionaryObject(
            {generic.NameObject("/N"): _appearance(writer, width, height)}
        )
        writer.update_container(field)

    return _rewrite(data, change)


def _text_field(
    writer: IncrementalPdfFileWriter, name: str, value: str | None, covering: bool
) -> None:
    """A text field (/Tx) over page 1, filled with a covering appearance or left empty."""
    width, height = _page_size(writer)
    page, page_ref = _page(writer)
    widget = generic.DictionaryObject(
        {
            generic.NameObject("/FT"): generic.NameObject("/Tx"),
            generic.NameObject("/T"): generic.TextStringObject(name),
            generic.NameObject("/Type"): generic.NameObject("/Annot"),
            generic.NameObject("/Subtype"): generic.NameObject("/Widget"),
            generic.NameObject("/F"): generic.NumberObject(4),
            generic.NameObject("/Rect"): generic.ArrayObject(
                [
                    generic.NumberObject(0),
                    generic.NumberObject(0),
                    generic.FloatObject(width),
                    generic.FloatObject(height),
                ]
            ),
            generic.NameObject("/P"): page_ref,
        }
    )
    if value is not None:
        widget["/V"] = generic.TextStringObject(value)
    if covering:
        widget["/AP"] = generic.DictionaryObject(
            {generic.NameObject("/N"): _appearance(writer, width, height)}
        )
    ref = writer.add_object(widget)
    annots = page.get("/Annots", generic.ArrayObject())  # type: ignore[attr-defined]
    page[generic.NameObject("/Annots")] = generic.ArrayObject([*annots, ref])  # type: ignore[index]
    writer.update_container(page)
    root = writer.root
    if "/AcroForm" in root:
        form = root["/AcroForm"]
        form["/Fields"].append(ref)
        writer.update_container(form)
    else:
        root["/AcroForm"] = writer.add_object(
            generic.DictionaryObject({generic.NameObject("/Fields"): generic.ArrayObject([ref])})
        )
        writer.update_root()


def add_covering_text_field(data: bytes) -> bytes:
    return _rewrite(data, lambda w: _text_field(w, "cover", "NO PROBLEM FOUND", True))


def plant_text_field(data: bytes) -> bytes:
    """An empty text field over page 1 that shows nothing (yet)."""
    return _rewrite(data, lambda w: _text_field(w, "planted", None, False))


def fill_planted_field(data: bytes) -> bytes:
    def change(writer: IncrementalPdfFileWriter) -> None:
        width, height = _page_size(writer)
        page, _ref = _page(writer)
        for annot in page["/Annots"]:  # type: ignore[index]
            widget = annot.get_object()
            if widget.get("/T") == "planted":
                widget["/V"] = generic.TextStringObject("NO PROBLEM FOUND")
                widget["/AP"] = generic.DictionaryObject(
                    {generic.NameObject("/N"): _appearance(writer, width, height)}
                )
                writer.update_container(widget)

    return _rewrite(data, change)


def add_overlay_annotation(data: bytes) -> bytes:
    """Another PDF for the store: the built record with a white square annotation on page 1."""

    def change(writer: IncrementalPdfFileWriter) -> None:
        width, height = _page_size(writer)
        page, page_ref = _page(writer)
        annot = generic.DictionaryObject(
            {
                generic.NameObject("/Type"): generic.NameObject("/Annot"),
                generic.NameObject("/Subtype"): generic.NameObject("/Square"),
                generic.NameObject("/Rect"): generic.ArrayObject(
                    [
                        generic.NumberObject(0),
                        generic.NumberObject(0),
                        generic.FloatObject(width),
                        generic.FloatObject(height / 2),
                    ]
                ),
                generic.NameObject("/IC"): generic.ArrayObject([generic.NumberObject(1)] * 3),
                generic.NameObject("/P"): page_ref,
                generic.NameObject("/AP"): generic.DictionaryObject(
                    {generic.NameObject("/N"): _appearance(writer, width, height / 2)}
                ),
            }
        )
        annots = page.get("/Annots", generic.ArrayObject())  # type: ignore[attr-defined]
        ref = writer.add_object(annot)
        page[generic.NameObject("/Annots")] = generic.ArrayObject([*annots, ref])  # type: ignore[index]
        writer.update_container(page)

    return _rewrite(data, change)


# --- the team, the record, a fresh laptop ----------------------------------------------------


def _trust(cli: Cli, ca: CA, folder: Path) -> None:
    pem = folder / "bureau-ca.pem"
    pem.write_bytes(ca.pem)
    cli("config", "trust", "add", str(pem))


@pytest.fixture
def keys(cli: Cli, ca: CA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The team's keys, issued by the bureau's CA, and the CA trusted here."""
    monkeypatch.setenv("INSPECTOR_KEY_PASSPHRASE", PASS)
    found = {}
    for name, cert in MEMBERS:
        path = tmp_path / f"{cert}.p12"
        # The leader's file carries the CA's certificate: signature 2's CMS has a copy of it.
        path.write_bytes(make_p12(ca, name, cert, with_chain=cert == LEADER))
        out, _ = cli("key", "import", str(path), "--json")
        found[cert] = json.loads(out)["key_id"]
    _trust(cli, ca, tmp_path)
    return found


@pytest.fixture
def fresh(template_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], ca: CA) -> Cli:
    """Another laptop: it trusts the same CA and has never seen the record."""
    other = tmp_path / "fresh-home"
    shutil.copytree(template_home, other)
    cli = Cli(other, capsys)
    _trust(cli, ca, tmp_path)
    return cli


def _ready(cli: Cli, tmp_path: Path) -> str:
    inspection_id = new_inspection(cli, "--leader", LEADER)
    sign_by_hand(cli, inspection_id, tmp_path, party_signs=True)
    return inspection_id


def _sign(cli: Cli, inspection_id: str, key: str, expect: int = 0) -> tuple[str, str]:
    return cli("record", "sign", inspection_id, "--key", key, "--json", expect=expect)


def _stored(home: Path, inspection_id: str) -> tuple[Path, str]:
    """The plain data directory's stored file of the newest record, and its kept hash."""
    from tests.helpers.homes import open_home

    with open_home(home) as ws:
        record = latest_record(ws, inspection_id)
        assert record is not None
        return home / record.file, record.sha256


def _leader_box(home: Path, inspection_id: str) -> tuple[int, float, float, float, float]:
    from tests.helpers.homes import open_home

    with open_home(home) as ws:
        record = latest_record(ws, inspection_id)
        assert record is not None
        page, x1, y1, x2, y2 = record.signature_boxes[LEADER]
        return int(page), float(x1), float(y1), float(x2), float(y2)


def _sign_directly(home: Path, data: bytes, name: str, cert: str, box: tuple) -> bytes:  # type: ignore[type-arg]
    """A team member's signature on a file given to them (no store, no database)."""
    key = unlock(KeyStore(home), name)
    kept: list[bytes] = []

    def keep(signed: memoryview) -> Path:
        kept.append(bytes(signed))
        return Path("signed.pdf")

    sign_pdf(data, keep, key, field_name=f"inspector-{cert}", box=box, label_lines=["检查组长"])
    return kept[0]


def _verify(cli: Cli, path: Path, expect: int) -> dict:  # type: ignore[type-arg]
    out, _ = cli("record", "verify", str(path), "--json", expect=expect)
    return json.loads(out)


def _all_errors(report: dict) -> str:  # type: ignore[type-arg]
    texts = [*report["problems"], *report.get("record_problems", [])]
    for sig in report["signatures"]:
        texts += sig["errors"]
    return "\n".join(texts)


def _pyhanko_levels(data: bytes) -> list[ModificationLevel | None]:
    """pyHanko's own modification level for each signature (no trust needed for this)."""
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(data))
    return [
        validate_pdf_signature(
            sig, ValidationContext(trust_roots=[], allow_fetching=False)
        ).modification_level
        for sig in reader.embedded_signatures
    ]


# --- covered between two signatures -----------------------------------------------------------

# pyHanko's own verdict on the revision between: an empty signature field is FORM_FILLING
# (allowed: the hole these tests close); a new text field it already calls OTHER.
COVERS = [
    pytest.param(
        cover_with_signature_field,
        "签名域「cover」",
        ModificationLevel.FORM_FILLING,
        id="empty-signature-field",
    ),
    pytest.param(
        add_covering_text_field, "表单域「cover」", ModificationLevel.OTHER, id="added-text-field"
    ),
]


def test_a_clean_record_still_passes_with_and_without_the_database(
    cli: Cli, keys: dict[str, str], fresh: Cli, tmp_path: Path
) -> None:
    """The baseline the attacks below are judged against: 通过 (exit 0) on both laptops."""
    inspection_id = _ready(cli, tmp_path)
    _sign(cli, inspection_id, keys[MEMBER])
    final = Path(json.loads(_sign(cli, inspection_id, keys[LEADER])[0])["path"])
    assert _verify(cli, final, 0)["verdict"] == "pass"
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(final.read_bytes())
    assert _verify(fresh, copy, 0)["verdict"] == "pass"


@pytest.mark.parametrize(("cover", "named", "pyhanko_level"), COVERS)
def test_a_page_covered_between_the_signatures_is_refused(
    cli: Cli,
    keys: dict[str, str],
    fresh: Cli,
    tmp_path: Path,
    home: Path,
    cover: Callable[[bytes], bytes],
    named: str,
    pyhanko_level: ModificationLevel,
) -> None:
    inspection_id = _ready(cli, tmp_path)
    _sign(cli, inspection_id, keys[MEMBER])
    stored, kept_hash = _stored(home, inspection_id)
    covered = cover(stored.read_bytes())
    # The attack: the attacker covers page 1 in the store, the leader signs.
    stored.write_bytes(covered)
    _, err = _sign(cli, inspection_id, keys[LEADER], expect=1)
    assert stored.name in err and "拒绝签名" in err
    stored_after, hash_after = _stored(home, inspection_id)
    assert (stored_after, hash_after) == (stored, kept_hash)  # nothing stored changed
    assert stored.read_bytes() == covered

    # The whole file crafted: the leader's signature put on the covered file directly.
    final = tmp_path / "covered.pdf"
    final.write_bytes(
        _sign_directly(home, covered, "李娜", LEADER, _leader_box(home, inspection_id))
    )
    assert _pyhanko_levels(final.read_bytes())[0] is pyhanko_level
    for laptop in (cli, fresh):
        report = _verify(laptop, final, 1)
        errors = _all_errors(report)
        assert RULE in errors and named in errors and "第 1 页" in errors, errors
    out, _ = fresh("record", "verify", str(final), expect=1)
    assert "结论：不通过" in out and named in out


def test_a_planted_text_field_filled_between_the_signatures_is_refused(
    cli: Cli, keys: dict[str, str], fresh: Cli, tmp_path: Path, home: Path
) -> None:
    """The attacker plants an empty text field in the stored record before anyone signs
    (refused at signing), or crafts the whole file: the member signs the record with the field,
    the attacker fills it over page 1, the leader signs."""
    inspection_id = _ready(cli, tmp_path)
    stored, kept_hash = _stored(home, inspection_id)
    built = stored.read_bytes()
    planted = plant_text_field(built)
    stored.write_bytes(planted)
    _, err = _sign(cli, inspection_id, keys[MEMBER], expect=1)
    assert stored.name in err and "拒绝签名" in err
    assert _stored(home, inspection_id) == (stored, kept_hash)
    out, _ = cli("inspection", "show", inspection_id, "--json")
    assert json.loads(out)["status"] != "signed"  # the failed signature locked nothing

    from tests.helpers.homes import open_home

    with open_home(home) as ws:
        record = latest_record(ws, inspection_id)
        assert record is not None
        page, x1, y1, x2, y2 = record.signature_boxes[MEMBER]
    first = _sign_directly(home, planted, "张伟", MEMBER, (int(page), x1, y1, x2, y2))
    filled = fill_planted_field(first)
    final = tmp_path / "filled.pdf"
    final.write_bytes(
        _sign_directly(home, filled, "李娜", LEADER, _leader_box(home, inspection_id))
    )
    assert _pyhanko_levels(final.read_bytes())[0] is ModificationLevel.FORM_FILLING
    for laptop in (cli, fresh):
        errors = _all_errors(_verify(laptop, final, 1))
        assert RULE in errors and "表单域「planted」" in errors and "第 1 页" in errors, errors


def test_a_record_that_had_a_form_field_before_the_first_signature_is_refused(
    cli: Cli, keys: dict[str, str], fresh: Cli, tmp_path: Path, home: Path
) -> None:
    """A record is built as one revision without form fields: a crafted file whose planted
    field already covers the page when the first member signs is not a record as built."""
    inspection_id = _ready(cli, tmp_path)
    stored, _hash = _stored(home, inspection_id)
    planted = add_covering_text_field(stored.read_bytes())
    from tests.helpers.homes import open_home

    with open_home(home) as ws:
        record = latest_record(ws, inspection_id)
        assert record is not None
        page, x1, y1, x2, y2 = record.signature_boxes[MEMBER]
    first = _sign_directly(home, planted, "张伟", MEMBER, (int(page), x1, y1, x2, y2))
    final = tmp_path / "planted.pdf"
    final.write_bytes(_sign_directly(home, first, "李娜", LEADER, _leader_box(home, inspection_id)))
    for laptop in (cli, fresh):
        report = _verify(laptop, final, 1)
        problems = "\n".join(report["record_problems"])
        assert "表单域「cover」" in problems and "第 1 页" in problems, problems


# --- the signed bytes are the built bytes -----------------------------------------------------


def test_a_swapped_record_is_refused_at_signing(
    cli: Cli, keys: dict[str, str], fresh: Cli, tmp_path: Path, home: Path
) -> None:
    inspection_id = _ready(cli, tmp_path)
    stored, kept_hash = _stored(home, inspection_id)
    built = stored.read_bytes()
    swapped = add_overlay_annotation(built)
    stored.write_bytes(swapped)
    _, err = _sign(cli, inspection_id, keys[MEMBER], expect=1)
    assert stored.name in err and "不是生成" in err and "拒绝签名" in err
    assert _stored(home, inspection_id) == (stored, kept_hash)
    assert stored.read_bytes() == swapped
    out, _ = cli("inspection", "show", inspection_id, "--json")
    assert json.loads(out)["status"] != "signed"
    out, _ = cli("audit", "export", "--out", str(tmp_path / "log.jsonl"))
    log = (tmp_path / "log.jsonl").read_text("utf-8").splitlines()
    build = next(e for e in map(json.loads, log) if e["action"] == "record.build")
    assert build["details"]["sha256"] == kept_hash  # the build's event keeps the hash
    assert not any(json.loads(line)["action"] == "record.sign" for line in log)
    stored.write_bytes(built)  # the built file put back: signing goes on
    _sign(cli, inspection_id, keys[MEMBER])


def test_a_signed_version_changed_in_the_store_is_refused_for_the_next_signature(
    cli: Cli, keys: dict[str, str], tmp_path: Path, home: Path
) -> None:
    inspection_id = _ready(cli, tmp_path)
    first = json.loads(_sign(cli, inspection_id, keys[MEMBER])[0])
    stored, kept_hash = _stored(home, inspection_id)
    assert kept_hash == first["sha256"]
    good = stored.read_bytes()
    stored.write_bytes(add_overlay_annotation(good))
    _, err = _sign(cli, inspection_id, keys[LEADER], expect=1)
    assert stored.name in err and "拒绝签名" in err
    assert _stored(home, inspection_id) == (stored, kept_hash)
    stored.write_bytes(good)
    _sign(cli, inspection_id, keys[LEADER])


def test_a_swapped_interview_record_is_refused_at_signing(
    workspace: object, tmp_path: Path
) -> None:
    from inspector.record.build import build_interview_record
    from inspector.record.content import add_question, add_signature, new_interview
    from inspector.record.signing import sign_record
    from tests.helpers.ledger import PASSPHRASE, STROKES, TEAM, interview_ready, plan, team_keys

    ws = workspace
    team = team_keys(ws)  # type: ignore[arg-type]
    inspection_id = plan(ws, "历城区某诊所")  # type: ignore[arg-type]
    interview = new_interview(ws, inspection_id, "刘某", role="患者家属")  # type: ignore[arg-type]
    add_question(ws, interview, "病人晚上在哪里住？", "在家住")  # type: ignore[arg-type]
    interview_ready(ws, interview)  # type: ignore[arg-type]  # what the law asks first
    add_signature(ws, inspection_id, "interviewee", "刘某", STROKES, interview_id=interview)  # type: ignore[arg-type]
    for member in TEAM:
        add_signature(ws, inspection_id, "inspector", member.name, STROKES,  # type: ignore[arg-type]
                      cert_no=member.cert_no, interview_id=interview)  # fmt: skip
    build_interview_record(ws, interview)  # type: ignore[arg-type]
    record = latest_record(ws, inspection_id, interview)  # type: ignore[arg-type]
    assert record is not None
    built = ws.records.read_bytes(record.file)  # type: ignore[attr-defined]
    ws.records.write(record.file, add_overlay_annotation(built))  # type: ignore[attr-defined]
    with pytest.raises(InvalidInput, match="拒绝签名") as refused:
        sign_record(ws, inspection_id, team[MEMBER], PASSPHRASE, interview_id=interview)  # type: ignore[arg-type]
    assert record.file in str(refused.value)
    after = latest_record(ws, inspection_id, interview)  # type: ignore[arg-type]
    assert after is not None and not after.signatures and after.sha256 == record.sha256
    ws.records.write(record.file, built)  # type: ignore[attr-defined]
    sign_record(ws, inspection_id, team[MEMBER], PASSPHRASE, interview_id=interview)  # type: ignore[arg-type]


def test_a_swapped_rectification_order_is_refused_at_signing(workspace: object) -> None:
    from datetime import date, timedelta

    from inspector.ledger.order import build_order, orders_of, sign_order
    from tests.helpers.ledger import PASSPHRASE, signed_inspection, team_keys

    ws = workspace
    team = team_keys(ws)  # type: ignore[arg-type]
    inspection_id = signed_inspection(ws, team, "历城区某药店", [("P5.1", "3200", None)])  # type: ignore[arg-type]
    order = build_order(ws, inspection_id, deadline=date.today() + timedelta(days=30))  # type: ignore[arg-type]
    [row] = orders_of(ws, inspection_id)  # type: ignore[arg-type]
    from inspector.db.models import RectificationOrder

    with ws.db.session() as session:  # type: ignore[attr-defined]
        name = session.get(RectificationOrder, order.id).path
    built = ws.records.read_bytes(name)  # type: ignore[attr-defined]
    ws.records.write(name, add_overlay_annotation(built))  # type: ignore[attr-defined]
    with pytest.raises(InvalidInput, match="拒绝签名") as refused:
        sign_order(ws, order.id, team[LEADER], PASSPHRASE)  # type: ignore[arg-type]
    assert name in str(refused.value)
    assert orders_of(ws, inspection_id)[0].signed_by is None  # type: ignore[arg-type]
    assert orders_of(ws, inspection_id)[0].sha256 == row.sha256  # type: ignore[arg-type]
    ws.records.write(name, built)  # type: ignore[attr-defined]
    assert sign_order(ws, order.id, team[LEADER], PASSPHRASE).signed_by == LEADER  # type: ignore[arg-type]


# --- unsigned bytes inside signature 2 --------------------------------------------------------


def _signature_gap(data: bytes, index: int = -1) -> tuple[int, int]:
    """Where the /Contents hex string of a signature lies (the bytes its ByteRange skips)."""
    ranges = re.findall(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", data)
    _start, len1, start2, _len2 = (int(v) for v in ranges[index])
    return len1, start2


def _flip_padding(data: bytes) -> bytes:
    _start, end = _signature_gap(data)
    at = end - 10  # in the zeros after the CMS
    assert data[at : at + 1] == b"0"
    return data[:at] + b"7" + data[at + 1 :]


def _flip_in_certificate(der: bytes, back: int) -> Callable[[bytes], bytes]:
    """Flip one hex digit ``back`` digits before the end of a certificate's copy in the CMS
    of signature 2 (the hex is written in one case: find it in either)."""

    def flip(data: bytes) -> bytes:
        start, end = _signature_gap(data)
        gap = data[start:end].lower()
        at = start + gap.index(der.hex().encode()) + len(der) * 2 - back
        digit = b"1" if data[at : at + 1] != b"1" else b"2"
        return data[:at] + digit + data[at + 1 :]

    return flip


def _flip_ca_copy(ca: CA, _leader: bytes) -> Callable[[bytes], bytes]:
    return _flip_in_certificate(ca.cert.public_bytes(serialization.Encoding.DER), 20)


def _flip_signer_copy(_ca: CA, leader: bytes) -> Callable[[bytes], bytes]:
    return _flip_in_certificate(leader, 20)


def _add_unsigned_attribute(data: bytes) -> bytes:
    """Signature 2's CMS re-encoded with an unsigned attribute, in the space the padding left."""
    from asn1crypto import cms, core

    start, end = _signature_gap(data)
    raw = bytes.fromhex(data[start + 1 : end - 1].decode())
    content = cms.ContentInfo.load(raw)
    signer = content["content"]["signer_infos"][0]
    signer["unsigned_attrs"] = cms.CMSAttributes(
        [cms.CMSAttribute({"type": "1.2.3.4", "values": [core.OctetString(b"x")]})]
    )
    der = content.dump(force=True)
    hexed = der.hex().encode().ljust(end - start - 2, b"0")
    assert len(hexed) == end - start - 2
    return data[: start + 1] + hexed + data[end - 1 :]


def _flip_hex_case(data: bytes) -> bytes:
    start, end = _signature_gap(data)
    letters = b"abcdefABCDEF"
    at = next(i for i in range(start + 1, end) if data[i] in letters)
    return data[:at] + data[at : at + 1].swapcase() + data[at + 1 :]


@pytest.mark.parametrize(
    ("flip", "named"),
    [
        pytest.param(lambda _ca, _l: _flip_padding, "填充不全是零", id="contents-padding"),
        pytest.param(_flip_ca_copy, "签名中附带的证书", id="ca-certificate-copy"),
        pytest.param(_flip_signer_copy, "与签名属性中绑定的证书不符", id="signer-certificate-copy"),
        pytest.param(lambda _ca, _l: _flip_hex_case, "大小写混杂", id="hex-case"),
        pytest.param(
            lambda _ca, _l: _add_unsigned_attribute, "未受签名保护的属性", id="unsigned-attribute"
        ),
    ],
)
def test_unsigned_bytes_flipped_in_signature_2_are_refused(
    cli: Cli,
    keys: dict[str, str],
    fresh: Cli,
    tmp_path: Path,
    home: Path,
    ca: CA,
    flip: Callable[[CA, bytes], Callable[[bytes], bytes]],
    named: str,
) -> None:
    inspection_id = _ready(cli, tmp_path)
    _sign(cli, inspection_id, keys[MEMBER])
    final = Path(json.loads(_sign(cli, inspection_id, keys[LEADER])[0])["path"])
    flipped = tmp_path / "flipped.pdf"
    leader = KeyStore(home).certificate(keys[LEADER]).public_bytes(serialization.Encoding.DER)
    flipped.write_bytes(flip(ca, leader)(final.read_bytes()))
    assert flipped.read_bytes() != final.read_bytes()
    for laptop in (cli, fresh):
        report = _verify(laptop, flipped, 1)
        assert named in "\n".join(report["signatures"][1]["errors"]), report
        # The identity shown is never another's: the signer's, or none when its copy changed.
        assert report["signatures"][1]["signer_name"] in ("李娜", None)


def test_verify_pdf_data_names_the_revision_between_signatures_for_the_bundle_and_server(
    cli: Cli, keys: dict[str, str], tmp_path: Path, home: Path
) -> None:
    """The shared function (bundle import and the server verify records from memory)."""
    inspection_id = _ready(cli, tmp_path)
    _sign(cli, inspection_id, keys[MEMBER])
    stored, _hash = _stored(home, inspection_id)
    covered = cover_with_signature_field(stored.read_bytes())
    final = _sign_directly(home, covered, "李娜", LEADER, _leader_box(home, inspection_id))
    report = verify_pdf_data(final, Path("member.pdf"))
    assert not report.ok
    first = report.signatures[0]
    assert not first.unchanged and any(RULE in e for e in first.errors)
    from tests.helpers.homes import open_home

    with open_home(home) as ws:
        path = tmp_path / "member.pdf"
        path.write_bytes(final)
        assert verify_record(ws, path).exit_code == 1


def test_the_rule_holds_for_a_pdf_with_cross_reference_streams(tmp_path: Path) -> None:
    """``verify-pdf`` on any PDF the tool signs: a cross-reference stream (and its object
    streams) is bookkeeping, not a change; a covering field between the signatures is named."""
    from pyhanko.pdf_utils.writer import copy_into_new_writer

    from inspector.signing.verify import verify_pdf
    from tests.helpers.signing_pki import LEADER_BOX, make_pdf, make_store, sign_twice

    ca = make_ca()
    store = make_store(tmp_path, ca)
    with make_pdf(tmp_path / "plain.pdf").open("rb") as handle:
        writer = copy_into_new_writer(PdfFileReader(handle))
        writer.stream_xrefs = True
        buffer = io.BytesIO()
        writer.write(buffer)
    assert b"/XRef" in buffer.getvalue()
    source = tmp_path / "xref-stream.pdf"
    source.write_bytes(buffer.getvalue())
    _src, first, second = sign_twice(
        tmp_path, unlock(store, "张伟"), unlock(store, "李娜"), src=source
    )
    assert verify_pdf(second).ok
    covered = tmp_path / "covered.pdf"
    covered.write_bytes(cover_with_signature_field(first.read_bytes()))
    final = tmp_path / "covered-signed.pdf"
    sign_pdf(covered, final, unlock(store, "李娜"), field_name="leader", box=LEADER_BOX)
    report = verify_pdf(final)
    assert not report.ok
    errors = "\n".join(report.signatures[0].errors)
    assert RULE in errors and "签名域「cover」（对象" in errors and "第 1 页" in errors


def test_bytes_no_revision_names_between_the_signatures_are_refused(tmp_path: Path) -> None:
    """Objects slipped in after the first signature without a cross-reference section (a viewer
    rebuilding a damaged file's cross-references could show them): named."""
    from inspector.signing.verify import verify_pdf
    from tests.helpers.signing_pki import LEADER_BOX, make_store, sign_twice

    store = make_store(tmp_path, make_ca())
    _src, first, _second = sign_twice(tmp_path, unlock(store, "张伟"), unlock(store, "李娜"))
    slipped = tmp_path / "slipped.pdf"
    orphan = b"3 0 obj\n<< /Type /Page >>\nendobj\n"
    slipped.write_bytes(first.read_bytes() + orphan)
    final = tmp_path / "slipped-signed.pdf"
    sign_pdf(slipped, final, unlock(store, "李娜"), field_name="leader", box=LEADER_BOX)
    report = verify_pdf(final)
    assert not report.ok
    named = f"{len(orphan.strip())} 字节不属于任何修订"
    assert any(named in e for e in report.signatures[0].errors)
