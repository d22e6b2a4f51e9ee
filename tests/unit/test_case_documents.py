"""The documents of a case: each states what the law requires of it (read back with
pdftotext), is kept with its hash, is signed only by the person the law names, and a stored
file that was changed is found out."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from inspector.cases.documents import (
    SPECS,
    DocumentView,
    HearingFacts,
    document_bytes,
    documents_of,
    keys_for_document,
    make_document,
    save_document_copy,
    sign_document,
    verify_document,
)
from inspector.db.models import AuditEvent, CaseDocument
from inspector.errors import InvalidInput, StorageError
from inspector.signing.keystore import KeyStore
from inspector.workspace import Workspace
from tests.helpers.case_docs import HEAD, HOST, OFFICERS, REVIEWER, facts

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

PASSPHRASE = "口令-正确-1234"
TODAY = date(2026, 12, 30)
# When each stage's document is made in the sample case (tests/helpers/case_docs.py).
ISSUED = {
    "filing": date(2026, 11, 16),
    "investigation": date(2026, 11, 25),
    "review": date(2026, 11, 27),
    "notice": date(2026, 11, 30),
    "statement": date(2026, 12, 3),
    "hearing-notice": date(2026, 12, 4),
    "hearing-record": date(2026, 12, 14),
    "decision": date(2026, 12, 18),
    "service": date(2026, 12, 19),
    "closing": date(2026, 12, 30),
}
# What each document must say, as the law asks (the article in the template's comment).
REQUIRED = {
    "filing": ["立案审批表", "案件来源", "案由", "简要案情", "承办人", "370100001", "370100002"],
    "investigation": ["调查终结报告", "违法事实", "证据", "定性及依据", "处理意见", "4,800.00"],
    "review": ["法制审核意见", "审核结论", "同意", "程序是否合法", "周敏"],
    "notice": [
        "行政处罚事先告知书",
        "自费药品",  # the facts
        "询问笔录 2 份",  # the evidence
        "第三十八条",  # the basis
        "罚款",  # the proposed measures
        "3,200.00",
        "陈述、申辩",
        "2026年12月07日前",  # the last day to state and defend, and to ask for a hearing
        "要求举行听证",
    ],
    "statement": ["陈述申辩笔录", "2026年12月03日 09时30分", "王某", "法定代表人", "从轻处罚"],
    "hearing-notice": ["听证告知书", "2026年12月14日 09时00分", "吴静", "申请回避", "委托"],
    "hearing-record": ["听证笔录", "主持人", "吴静", "记录员", "最后陈述", "核对"],
    "decision": [
        "行政处罚决定书",
        "济南市历城区山大路100号",  # the party's address
        "自费药品",
        "第三十八条",
        "4,800.00",
        "15日内",  # how and by when
        "六十日",
        "行政复议",
        "六个月",
        "行政诉讼",
    ],
    "service": ["送达回证", "行政处罚决定书", "直接送达", "2026年12月19日", "王某", "送达人"],
    "closing": ["结案报告", "结案理由", "执行完毕", "已缴 8,000.00 元"],
}


def _text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    out = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    # pdftotext drops the spaces between Chinese and Latin text: compare without spaces.
    return out.replace("\n", "").replace(" ", "")


def _has(text: str, phrase: str) -> bool:
    return phrase.replace(" ", "") in text


def _events(ws: Workspace) -> int:
    with ws.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def _make(ws: Workspace, kind: str, **changes: object) -> DocumentView:
    return make_document(ws, kind, facts(**changes), issued_on=ISSUED[kind], today=TODAY)


def _key(ws: Workspace, person: object) -> str:
    store = KeyStore.of(ws)
    return store.self_signed_for_trials(person.name, person.cert_no, PASSPHRASE).key_id  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", list(SPECS))
def test_each_document_states_what_the_law_requires(
    workspace: Workspace, tmp_path: Path, kind: str
) -> None:
    doc = _make(workspace, kind)
    data = document_bytes(workspace, doc.id)
    assert hashlib.sha256(data).hexdigest() == doc.sha256
    text = _text(data, tmp_path)
    # The house look: the 执法主体 and its particulars, the page numbers.
    assert "济南市历城区医疗保障局" in text
    assert _has(text, "统一社会信用代码 11370112MB2856438X")
    assert _has(text, "第 1 页 共")
    for phrase in REQUIRED[kind]:
        assert _has(text, phrase), (kind, phrase)
    if SPECS[kind].numbered:
        assert doc.doc_no and _has(text, doc.doc_no)
    else:
        assert "历医保案〔2026〕7号" in text
    assert [d.id for d in documents_of(workspace, doc.case_id)] == [doc.id]


def test_a_document_sent_out_takes_the_bureaus_next_number(workspace: Workspace) -> None:
    from inspector.bureaus import DEFAULT_TEMPLATES

    bureau = {**facts().bureau, "templates": dict(DEFAULT_TEMPLATES)}  # type: ignore[dict-item]
    first = _make(workspace, "notice", bureau=bureau)
    second = _make(workspace, "decision", bureau=bureau)
    third = _make(workspace, "notice", bureau=bureau)
    assert (first.doc_no, second.doc_no, third.doc_no) == (
        "历城医保罚告〔2026〕1号",
        "历城医保罚决〔2026〕1号",
        "历城医保罚告〔2026〕2号",
    )


@pytest.mark.parametrize(
    ("kind", "changes", "rule"),
    [
        ("notice", {"basis": ()}, "处罚依据（行政处罚法第四十四条）"),
        ("notice", {"evidence": ()}, "证据（行政处罚法第四十四条）"),
        ("notice", {"statement_due": None}, "陈述、申辩的期限"),
        ("notice", {"statement_due": date(2026, 11, 30)}, "行政处罚法第四十五条"),
        ("notice", {"hearing_due": None}, "要求听证的期限（行政处罚法第六十四条）"),
        ("decision", {"party": None}, "当事人的地址（行政处罚法第五十九条）"),
        ("decision", {"measures": ()}, "行政处罚的种类（行政处罚法第五十九条）"),
        ("filing", {"officers": OFFICERS[:1]}, "两名以上承办人（行政处罚法第四十二条）"),
        ("review", {"reviewer": OFFICERS[0]}, "法制审核人员不得是本案承办人"),
        ("hearing-record", {"host": OFFICERS[0]}, "非本案调查人员主持（行政处罚法第六十四条第四"),
        ("hearing-notice", {"hearing_at": datetime(2026, 12, 10, 9)}, "举行七日前通知"),
        ("service", {"way": "留置送达"}, "见证人（留置送达"),
        ("service", {"way": "电子送达"}, "同意电子送达的确认书"),
        ("service", {"way": "当面交给"}, "送达方式“当面交给”不认识"),
        ("closing", {"close_reason": ""}, "结案理由"),
    ],
)
def test_a_document_missing_what_the_law_requires_is_refused(
    workspace: Workspace, kind: str, changes: dict[str, object], rule: str
) -> None:
    given = facts()
    if "party" in changes:
        changes = {"party": replace(given.party, address="")}
    if "host" in changes:
        assert given.hearing is not None
        changes = {"hearing": replace(given.hearing, host=changes["host"])}
    if "hearing_at" in changes:
        assert given.hearing is not None
        changes = {"hearing": replace(given.hearing, at=changes["hearing_at"])}
    if "way" in changes:
        assert given.service is not None
        changes = {"service": replace(given.service, way=changes["way"])}
    before = _events(workspace)
    with pytest.raises(InvalidInput) as refused:
        _make(workspace, kind, **changes)
    assert rule in str(refused.value)
    assert _events(workspace) == before
    assert documents_of(workspace, given.case_id) == []
    assert not (workspace.home.records / f"case-{given.case_id}").exists()


def test_a_document_dated_tomorrow_is_refused(workspace: Workspace) -> None:
    with pytest.raises(InvalidInput, match="晚于今天"):
        make_document(workspace, "filing", facts(), issued_on=date(2026, 12, 31), today=TODAY)


# --- signing -----------------------------------------------------------------------------------

# Who the law names for each document, and someone it does not.
SIGNERS = {
    "filing": (HEAD, OFFICERS[0]),
    "investigation": (OFFICERS[1], HEAD),
    "review": (REVIEWER, OFFICERS[0]),
    "notice": (HEAD, OFFICERS[1]),
    "hearing-record": (HOST, OFFICERS[0]),
    "decision": (HEAD, REVIEWER),
    "service": (OFFICERS[0], HEAD),
    "closing": (HEAD, OFFICERS[0]),
}
RULES = {
    "filing": "立案审批表由医疗保障行政部门负责人签署（医疗保障行政处罚程序暂行规定：立案经"
    "负责人批准）",
    "investigation": "调查终结报告由案件承办人签署（行政处罚法第四十二条、第五十七条）",
    "review": "法制审核意见由法制审核人员签署（行政处罚法第五十八条）",
    "notice": "行政处罚事先告知书由医疗保障行政部门负责人签署（行政处罚法第四十四条）",
    "hearing-record": "听证笔录由听证主持人签署（行政处罚法第六十四条第四项、第八项）",
    "decision": "行政处罚决定书由医疗保障行政部门负责人签署（行政处罚法第五十七条、第五十九条）",
    "service": "送达回证由送达人签署（行政处罚法第六十一条）",
    "closing": "结案报告由医疗保障行政部门负责人签署（医疗保障行政处罚程序暂行规定：结案经"
    "负责人批准）",
}


@pytest.mark.parametrize("kind", [k for k in SIGNERS if k != "investigation"])
def test_the_wrong_role_is_refused_and_the_named_person_signs(
    workspace: Workspace, kind: str
) -> None:
    right, wrong = SIGNERS[kind]
    doc = _make(workspace, kind)
    wrong_key, right_key = _key(workspace, wrong), _key(workspace, right)
    assert [k.key_id for k in keys_for_document(workspace, doc.id)] == [right_key]
    before = _events(workspace)
    with pytest.raises(InvalidInput) as refused:
        sign_document(workspace, doc.id, wrong_key, PASSPHRASE)
    assert RULES[kind] in str(refused.value)
    assert wrong.cert_no in str(refused.value)
    [after] = documents_of(workspace, doc.case_id)
    assert (after.signed_by, after.sha256) == (None, doc.sha256)
    assert _events(workspace) == before
    signed = sign_document(workspace, doc.id, right_key, PASSPHRASE)
    assert signed.signed_by == right.cert_no and signed.sha256 != doc.sha256
    check = verify_document(workspace, doc.id)
    assert check.ok, check.problems
    # Signed incrementally: the document as made is the start of the signed file.
    assert document_bytes(workspace, doc.id).startswith(_original(workspace, doc))
    with pytest.raises(InvalidInput, match="已签名"):
        sign_document(workspace, doc.id, right_key, PASSPHRASE)


def test_both_case_officers_sign_the_investigation_report(workspace: Workspace) -> None:
    # 行政处罚法 art. 42: two 执法人员 investigate; the report they end it with is theirs.
    doc = _make(workspace, "investigation")
    first, second = (_key(workspace, p) for p in OFFICERS)
    head = _key(workspace, HEAD)
    with pytest.raises(InvalidInput, match="行政处罚法第四十二条、第五十七条"):
        sign_document(workspace, doc.id, head, PASSPHRASE)
    half = sign_document(workspace, doc.id, first, PASSPHRASE)
    assert (half.signed_by, half.signatures, half.waiting_for) == (
        None,
        ["370100001"],
        ["370100002"],
    )
    assert verify_document(workspace, doc.id).problems == ["尚待签名：370100002"]
    with pytest.raises(InvalidInput, match="执法证号 370100001 已签署该调查终结报告"):
        sign_document(workspace, doc.id, first, PASSPHRASE)
    done = sign_document(workspace, doc.id, second, PASSPHRASE)
    assert done.signed_by == "370100002" and done.signatures == ["370100001", "370100002"]
    check = verify_document(workspace, doc.id)
    assert check.ok, check.problems
    assert sum(line.endswith("：通过") for line in check.signatures) == 2
    assert document_bytes(workspace, doc.id).startswith(_original(workspace, doc))


def _original(ws: Workspace, doc: DocumentView) -> bytes:
    name = f"records/case-{doc.case_id}/{doc.kind}-{doc.issued_on:%Y%m%d}-"
    [path] = [
        p
        for p in (ws.home.root / name).parent.iterdir()
        if str(p.relative_to(ws.home.root)).startswith(name) and "signed" not in p.name
    ]
    return path.read_bytes()


def test_the_signature_verifies_with_pyhanko_and_names_the_signer(
    workspace: Workspace, tmp_path: Path
) -> None:
    from inspector.signing.verify import verify_pdf

    doc = _make(workspace, "decision")
    sign_document(workspace, doc.id, _key(workspace, HEAD), PASSPHRASE)
    copy = save_document_copy(workspace, doc.id, tmp_path / "决定书.pdf")
    report = verify_pdf(copy)
    assert report.ok and len(report.signatures) == 1
    assert report.signatures[0].signer_name == HEAD.name
    text = _text(copy.read_bytes(), tmp_path)
    assert "医疗保障行政部门负责人" in text and HEAD.name in text  # the stamp's label


def test_a_tampered_stored_pdf_is_found_out(workspace: Workspace, tmp_path: Path) -> None:
    doc = _make(workspace, "notice")
    with workspace.db.session() as session:
        row = session.get(CaseDocument, doc.id)
        assert row is not None
        name = row.path
    built = workspace.records.read_bytes(name)
    changed = built.replace(b"/Title", b"/Titl\x65", 1) + b"\n% changed\n"
    workspace.records.write(name, changed)
    key = _key(workspace, HEAD)
    before = _events(workspace)
    with pytest.raises(InvalidInput, match="已被替换或改动，拒绝签名"):
        sign_document(workspace, doc.id, key, PASSPHRASE)
    assert _events(workspace) == before
    with pytest.raises(InvalidInput, match="与保存时的哈希不符"):
        document_bytes(workspace, doc.id)
    with pytest.raises(StorageError, match="已被改动"):
        save_document_copy(workspace, doc.id, tmp_path / "copy.pdf")
    assert not (tmp_path / "copy.pdf").exists()
    assert "文件与保存时的哈希不符" in " ".join(verify_document(workspace, doc.id).problems)
    workspace.records.write(name, built)
    sign_document(workspace, doc.id, key, PASSPHRASE)
    assert verify_document(workspace, doc.id).ok


def test_a_signed_document_changed_afterwards_is_found_out(workspace: Workspace) -> None:
    doc = _make(workspace, "decision")
    signed = sign_document(workspace, doc.id, _key(workspace, HEAD), PASSPHRASE)
    with workspace.db.session() as session:
        row = session.get(CaseDocument, doc.id)
        assert row is not None
        name = row.path
    data = bytearray(workspace.records.read_bytes(name))
    at = data.index(b"/ByteRange")
    data[at - 40] ^= 0x01  # a byte the signature covers
    workspace.records.write(name, bytes(data))
    check = verify_document(workspace, signed.id)
    assert not check.ok
    assert any("哈希不符" in p for p in check.problems)
    assert any("数字签名无效" in p for p in check.problems), check.problems


def test_hearing_facts_name_the_host_as_signer(workspace: Workspace) -> None:
    given = facts()
    assert isinstance(given.hearing, HearingFacts)
    doc = _make(workspace, "hearing-record")
    assert doc.signers == [HOST.cert_no] and doc.role_name == "听证主持人"
    served = _make(workspace, "service")
    assert served.signers == [p.cert_no for p in OFFICERS] and served.role_name == "送达人"


@pytest.mark.parametrize("home", ["plain", "encrypted"], indirect=True)
def test_a_document_is_kept_as_the_data_directory_keeps_records(workspace: Workspace) -> None:
    doc = _make(workspace, "decision")
    signed = sign_document(workspace, doc.id, _key(workspace, HEAD), PASSPHRASE)
    assert verify_document(workspace, doc.id).ok
    assert document_bytes(workspace, doc.id).startswith(b"%PDF-")
    stored = [p for p in workspace.home.records.rglob("*") if p.is_file()]
    assert len(stored) == 2  # as made, and as signed
    clear = [p for p in stored if p.read_bytes().startswith(b"%PDF-")]
    # Encrypted: no PDF lies in clear on the disk.
    assert len(clear) == (0 if workspace.encrypted else 2)
    assert signed.sha256 != doc.sha256


@pytest.mark.parametrize(
    ("way", "given", "says"),
    [
        ("直接送达", {}, ["王某（签名）"]),
        ("留置送达", {"witness": "孙某"}, ["孙某", "王某拒绝签收", "见证人签名"]),
        ("邮寄送达", {"tracking_no": "EMS1234567890"}, ["EMS1234567890", "邮件回执"]),
        ("电子送达", {"consent": "确认书（2026-12-18）"}, ["确认书（2026-12-18）", "特定系统"]),
        ("公告送达", {"medium": "本局门户网站", "recipient": ""}, ["本局门户网站"]),
    ],
)
def test_each_way_of_service_states_its_proof(
    workspace: Workspace, tmp_path: Path, way: str, given: dict[str, str], says: list[str]
) -> None:
    service = facts().service
    assert service is not None
    doc = _make(workspace, "service", service=replace(service, way=way, **given))
    text = _text(document_bytes(workspace, doc.id), tmp_path)
    for phrase in [way, *says]:
        assert _has(text, phrase), (way, phrase)
