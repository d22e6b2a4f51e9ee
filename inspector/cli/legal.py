"""``inspection member|recuse|certificate|disclose|tell|minimums``: what the law requires of an
on-site record, captured from the command line (inspector/record/legal.py); ``inspection
finish`` and ``record sign`` refuse a record that lacks any of it."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

from inspector.cli.output import Printer, open_workspace
from inspector.errors import InvalidInput
from inspector.inspections import parse_member


def parse_time(text: str | None) -> datetime | None:
    """``YYYY-MM-DDTHH:MM`` (local time unless a zone is given) to aware UTC; None: now."""
    if text is None or not text.strip():
        return None
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError as error:
        raise InvalidInput("时间“{text}”应写成 YYYY-MM-DDTHH:MM", text=text) from error
    return (value if value.tzinfo else value.astimezone()).astimezone(UTC)


def _local(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else "—"


def cmd_member_add(args: argparse.Namespace, out: Printer) -> None:
    from inspector.record.legal import add_member

    member = parse_member(args.inspector)
    with open_workspace(args) as ws:
        add_member(ws, args.id, member.name, member.cert_no)
    out.emit({"id": args.id, "cert_no": member.cert_no}, f"已加入检查组：{member.name}")


def cmd_recuse(args: argparse.Namespace, out: Printer) -> None:
    from inspector.record.legal import recuse_member

    with open_workspace(args) as ws:
        recuse_member(ws, args.id, args.cert_no, args.reason)
    out.emit({"id": args.id, "cert_no": args.cert_no}, f"已记录回避：{args.cert_no}")


def cmd_certificate(args: argparse.Namespace, out: Printer) -> None:
    from inspector.record.legal import show_certificate

    with open_workspace(args) as ws:
        at = show_certificate(ws, args.id, args.cert_no, at=parse_time(args.at), undo=args.undo)
    text = f"已清除 {args.cert_no} 出示证件的时间" if at is None else (
        f"已记录 {args.cert_no} 于 {_local(at)} 出示执法证件"
    )  # fmt: skip
    out.emit({"id": args.id, "cert_no": args.cert_no, "shown_at": at}, text)


def cmd_disclose(args: argparse.Namespace, out: Printer) -> None:
    from inspector.record.legal import disclose

    with open_workspace(args) as ws:
        at = disclose(ws, args.id, at=parse_time(args.at))
    out.emit({"id": args.id, "disclosed_at": at}, f"已记录亮明身份的时间：{_local(at)}")


def cmd_tell(args: argparse.Namespace, out: Printer) -> None:
    from inspector.record.legal import NOTICES, tell

    with open_workspace(args) as ws:
        tell(ws, args.id, args.notice, by=args.by, reply=args.reply, at=parse_time(args.at))
    out.emit(
        {"id": args.id, "notice": args.notice, "by": args.by, "reply": args.reply},
        f"已记录告知{NOTICES[args.notice]}",
    )


def cmd_minimums(args: argparse.Namespace, out: Printer) -> int:
    from inspector.record.legal import check_minimums

    with open_workspace(args) as ws:
        missing = check_minimums(ws, args.id)
    text = "\n".join(f"缺：{m.text}" for m in missing) or "法律要求的内容均已记录"
    out.emit({"id": args.id, "missing": [{"code": m.code, "text": m.text} for m in missing]}, text)
    return 1 if missing else 0


def add_inspection_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    """Under ``inspection``: the team, the certificates shown, the notices told."""
    member = sub.add_parser("member", help="检查组加入一名执法人员", parents=[common])
    member.add_argument("id", help="检查编号")
    member.add_argument("inspector", metavar="姓名:执法证号", help="加入的执法人员")
    member.set_defaults(run=cmd_member_add)
    recuse = sub.add_parser(
        "recuse", help="记录检查组成员回避（不再计为执法人员）", parents=[common]
    )
    recuse.add_argument("id", help="检查编号")
    recuse.add_argument("cert_no", metavar="执法证号")
    recuse.add_argument("--reason", required=True, help="回避的理由")
    recuse.set_defaults(run=cmd_recuse)
    shown = sub.add_parser(
        "certificate", help="记录执法人员向被检查单位出示执法证件", parents=[common]
    )
    shown.add_argument("id", help="检查编号")
    shown.add_argument("cert_no", metavar="执法证号", help="出示证件的执法人员")
    shown.add_argument("--at", metavar="YYYY-MM-DDTHH:MM", help="出示时间（默认现在）")
    shown.add_argument("--undo", action="store_true", help="清除误记的出示时间")
    shown.set_defaults(run=cmd_certificate)
    disclose = sub.add_parser("disclose", help="暗访：记录亮明身份的时间", parents=[common])
    disclose.add_argument("id", help="检查编号")
    disclose.add_argument("--at", metavar="YYYY-MM-DDTHH:MM", help="亮明身份的时间（默认现在）")
    disclose.set_defaults(run=cmd_disclose)
    tell = sub.add_parser(
        "tell", help="记录告知事项（回避申请权、配合义务、提出意见的权利）", parents=[common]
    )
    tell.add_argument("id", help="检查编号")
    tell.add_argument(
        "notice",
        choices=["recusal", "duty", "opinion"],
        help="recusal 申请回避的权利；duty 配合检查的义务；opinion 对记录提出意见的权利",
    )
    tell.add_argument("--by", metavar="执法证号", help="告知的执法人员（默认当前检查人员）")
    tell.add_argument("--reply", metavar="答复", help="被检查单位的答复，如 不申请回避")
    tell.add_argument("--at", metavar="YYYY-MM-DDTHH:MM", help="告知时间（默认现在）")
    tell.set_defaults(run=cmd_tell)
    check = sub.add_parser(
        "minimums", help="列出检查记录尚缺的法定内容（缺则退出码 1）", parents=[common]
    )
    check.add_argument("id", help="检查编号")
    check.set_defaults(run=cmd_minimums)
