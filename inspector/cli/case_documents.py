"""``case document|documents|sign-document|verify-document``: a case's documents on the command
line (inspector/cases/documents.py): the stage's document made from the case, listed with the
case, signed by the person the law names, checked against its hash and its signature."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from inspector.cli.output import Printer, open_workspace, parse_day
from inspector.errors import InvalidInput


def document_lines(ws: Any, case_id: str) -> list[str]:
    """The case's documents as ``case show`` lists them."""
    from inspector.cases.documents import documents_of

    docs = documents_of(ws, case_id)
    lines = ["文书：" + ("" if docs else "—")]
    for doc in docs:
        signed = _signed_text(doc)
        lines.append(
            f"  {doc.id[:8]}  {doc.issued_on:%Y-%m-%d}  {doc.title}"
            + (f"  {doc.doc_no}" if doc.doc_no else "")
            + f"  {signed}"
        )
    return lines


def _signed_text(doc: Any) -> str:
    done = f"已由 {'、'.join(doc.signatures)} 签名" if doc.signatures else ""
    if doc.signed_by:
        return done
    waiting = f"待{doc.role_name} {'、'.join(doc.waiting_for)} 签名" if doc.all_sign else ""
    return "，".join(x for x in (done, waiting) if x) or f"待{doc.role_name}签名"


def _moment(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.strip().replace("T", " "))
    except ValueError as error:
        raise InvalidInput("时间“{value}”无效，应为 YYYY-MM-DD HH:MM", value=text) from error


def _extra(args: argparse.Namespace) -> Any:
    from inspector.cases.stage_documents import Extra

    return Extra(
        party_address=args.party_address or "",
        party_code=args.party_code or "",
        party_representative=args.party_representative or "",
        basis=tuple(args.basis or ()),
        violated=tuple(args.violated or ()),
        contact=args.contact or "",
        place=args.place or "",
        hearing_at=_moment(args.hearing_at),
        host=args.host or "",
        host_no=args.host_no or "",
        clerk=args.clerk or "",
        adopted=args.adopted or "",
        payee=args.payee or "",
        reconsideration_body=args.reconsideration_body or "",
        court=args.court or "",
        medium=args.medium or "",
        tracking_no=args.tracking_no or "",
    )


def cmd_document(args: argparse.Namespace, out: Printer) -> None:
    from inspector.cases.documents import save_document_copy
    from inspector.cases.stage_documents import make_stage_document

    with open_workspace(args) as ws:
        doc = make_stage_document(
            ws, args.case, args.kind, _extra(args), issued_on=parse_day(args.date)
        )
        if args.out:
            save_document_copy(ws, doc.id, Path(args.out))
    lines = [
        f"{doc.title}" + (f" {doc.doc_no}" if doc.doc_no else "") + f"（编号 {doc.id[:8]}）",
        f"SHA-256：{doc.sha256}",
    ]
    if args.out:
        lines.append(f"已保存：{args.out}")
    lines.append(f"请{doc.role_name}数字签名：case sign-document {doc.id[:8]} --key 密钥编号")
    out.emit(doc, "\n".join(lines))


def cmd_documents(args: argparse.Namespace, out: Printer) -> None:
    from inspector.cases.core import get_case
    from inspector.cases.documents import documents_of

    with open_workspace(args) as ws:
        case = get_case(ws, args.case)
        docs = documents_of(ws, case.id)
        lines = document_lines(ws, case.id)
    out.emit({"case": case.id, "documents": docs}, "\n".join(lines))


def cmd_sign_document(args: argparse.Namespace, out: Printer) -> None:
    from inspector.cases.documents import save_document_copy, sign_document
    from inspector.cli.keys import read_passphrase

    with open_workspace(args) as ws:
        passphrase = read_passphrase(args, "密钥口令：")
        doc = sign_document(ws, args.document, args.key, passphrase)
        if args.out:
            save_document_copy(ws, doc.id, Path(args.out))
    out.emit(
        doc,
        f"{doc.title}" + (f" {doc.doc_no}" if doc.doc_no else "")
        + f" {_signed_text(doc)}"
        + (f"：{args.out}" if args.out else ""),
    )  # fmt: skip


def cmd_verify_document(args: argparse.Namespace, out: Printer) -> int:
    from inspector.cases.documents import verify_document

    with open_workspace(args) as ws:
        check = verify_document(ws, args.document)
    doc = check.document
    lines = [f"{doc.title}" + (f" {doc.doc_no}" if doc.doc_no else "") + f"（{doc.id[:8]}）"]
    lines += [f"  问题：{p}" for p in check.problems] or ["  文件与保存时一致，签名有效"]
    lines += [f"  {line}" for line in check.signatures]
    data = {"document": doc, "ok": check.ok, "problems": check.problems}
    out.emit(data, "\n".join(lines))
    return 0 if check.ok else 1


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    """The document commands, under ``case``."""
    from inspector.cases.documents import SPECS

    secret = argparse.ArgumentParser(add_help=False)
    secret.add_argument("--passphrase-file", metavar="FILE", help="从文件第一行读取密钥口令")
    secret.add_argument("--passphrase", help=argparse.SUPPRESS)  # refused with a message

    kinds = "、".join(f"{k}（{s.title}）" for k, s in SPECS.items())
    document = sub.add_parser("document", help="制作本阶段的案件文书（PDF）", parents=[common])
    document.add_argument("case", metavar="CASE_ID")
    document.add_argument("kind", nargs="?", metavar="KIND",
                          help=f"文书种类（默认：最近一步的文书）：{kinds}")  # fmt: skip
    document.add_argument("--out", metavar="FILE.pdf", help="另存一份")
    document.add_argument("--date", metavar="YYYY-MM-DD", help="文书日期（默认：该步骤的日期）")
    particulars = document.add_argument_group("案件中没有记录的内容（记住用于本案以后的文书）")
    particulars.add_argument("--party-address", help="当事人地址")
    particulars.add_argument("--party-code", help="统一社会信用代码或身份证号")
    particulars.add_argument("--party-representative", help="法定代表人（主要负责人）")
    particulars.add_argument("--basis", action="append", help="处罚依据（可重复）")
    particulars.add_argument("--violated", action="append", help="违反的规定（可重复）")
    particulars.add_argument("--contact", help="联系人及电话")
    particulars.add_argument("--payee", help="缴款的银行或账户")
    particulars.add_argument("--reconsideration-body", help="行政复议机关")
    particulars.add_argument("--court", help="管辖的人民法院")
    particulars.add_argument("--adopted", help="陈述申辩（听证）意见的采纳情况及理由")
    particulars.add_argument("--place", help="陈述申辩或听证的地点")
    particulars.add_argument("--hearing-at", metavar="YYYY-MM-DD HH:MM", help="听证时间")
    particulars.add_argument("--host", help="听证主持人")
    particulars.add_argument("--host-no", help="听证主持人执法证号")
    particulars.add_argument("--clerk", help="听证记录员")
    particulars.add_argument("--medium", help="公告送达的载体")
    particulars.add_argument("--tracking-no", help="邮寄送达的邮件单号")
    document.set_defaults(run=cmd_document)

    listing = sub.add_parser("documents", help="列出案件的文书", parents=[common])
    listing.add_argument("case", metavar="CASE_ID")
    listing.set_defaults(run=cmd_documents)

    sign = sub.add_parser("sign-document", help="由法定的签署人数字签名案件文书",
                          parents=[common, secret], allow_abbrev=False)  # fmt: skip
    sign.add_argument("document", metavar="DOCUMENT_ID")
    sign.add_argument("--key", required=True, metavar="KEY_ID")
    sign.add_argument("--out", metavar="FILE.pdf", help="另存签名后的文书")
    sign.set_defaults(run=cmd_sign_document)

    verify = sub.add_parser("verify-document", help="核对案件文书的哈希和数字签名",
                            parents=[common])  # fmt: skip
    verify.add_argument("document", metavar="DOCUMENT_ID")
    verify.set_defaults(run=cmd_verify_document)
