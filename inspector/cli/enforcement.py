"""``case seal …`` and ``case refer …``: compulsory measures (封存, 先行登记保存) and referrals
(移送) on the command line, over inspector/enforcement/. ``add_case_commands`` adds both to the
``case`` group's subcommands (inspector/cli/case.py)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from inspector.cli.output import Printer, given_day, open_workspace, parse_day
from inspector.errors import InvalidInput


def _as_of(args: argparse.Namespace) -> date:
    return parse_day(getattr(args, "as_of", None), "--as-of") or date.today()


def _items(texts: list[str] | None) -> list[Any]:
    from inspector.enforcement.measures import MeasureItem

    found = []
    for text in texts or []:
        parts = [p.strip() for p in text.replace("：", ":").split(":")]
        if len(parts) not in (3, 4):
            raise InvalidInput("物品“{text}”应写成 名称:数量:单位[:备注]", text=text)
        found.append(
            MeasureItem(0, parts[0], parts[1], parts[2], parts[3] if len(parts) == 4 else "")
        )
    return found


def _measure_line(view: Any) -> str:
    extra = f"  延长至 {view.last_day_text}" if view.extended_on else ""
    end = f"  {view.outcome_name} {view.ended_on:%Y-%m-%d}" if view.ended_on else ""
    late = "（逾期）" if view.ended_late else ""
    return (
        f"{view.id[:8]}  {view.kind_name}  {view.decision_no}  {view.institution}  "
        f"决定 {view.decided_on:%Y-%m-%d}  期限至 {view.last_day_text}{extra}  "
        f"{view.state_name}{end}{late}"
    )


def _measure_json(view: Any) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(view) | {
        "kind_name": view.kind_name,
        "state_name": view.state_name,
        "outcome_name": view.outcome_name,
        "ended_late": view.ended_late,
    }


def _measure_text(view: Any) -> str:
    lines = [_measure_line(view), f"理由：{view.reason}", f"批准：{view.approved_by}",
             f"执法人员：{'、'.join(view.officers)}"]  # fmt: skip
    for item in view.items:
        link = f"（封存清单 {item.seal_item_id[:8]}）" if item.seal_item_id else ""
        lines.append(f"  {item.position}. {item.description} {item.quantity}{item.unit}{link}")
    if view.list_signed_on:
        who = (
            f"当事人拒绝签名，见证人 {view.witness}"
            if view.party_refused
            else f"当事人 {view.party_signer}"
        )
        lines.append(f"清单签名：{view.list_signed_on:%Y-%m-%d}，执法人员与{who}")
    else:
        lines.append("清单签名：尚未登记")
    if view.extended_on:
        lines.append(
            f"延长：{view.extended_on:%Y-%m-%d} {view.extension_no}，{view.extension_reason}"
            f"（批准 {view.extension_approved_by}）"
        )
    if view.ended_on:
        lines.append(
            f"{view.outcome_name}：{view.ended_on:%Y-%m-%d} {view.end_no}，{view.end_reason}"
        )
    for doc in view.documents:
        lines.append(
            f"文书 {doc['id'][:8]} {doc['kind']} {doc['document_no']} {doc['sha256'][:16]}"
        )
    return "\n".join(lines)


def cmd_seal_new(args: argparse.Namespace, out: Printer) -> None:
    from inspector.enforcement.measures import decide_measure

    with open_workspace(args) as ws:
        view = decide_measure(
            ws,
            args.inspection,
            kind=args.kind,
            decision_no=args.no,
            decided_on=given_day(args.on, "决定日期"),
            reason=args.reason,
            approved_by=args.approved_by,
            officers=args.officer or [],
            items=_items(args.item),
            seal_positions=args.position or [],
            place=args.place or "",
            case_id=args.case,
        )
    out.emit(_measure_json(view), f"已决定{view.kind_name}：\n{_measure_text(view)}")


def cmd_seal_sign(args: argparse.Namespace, out: Printer) -> None:
    from inspector.enforcement.measures import sign_list

    with open_workspace(args) as ws:
        view = sign_list(
            ws,
            args.measure,
            signed_on=given_day(args.on, "签名日期"),
            party_signer=args.party,
            party_refused=args.party_refused,
            witness=args.witness,
        )
    out.emit(_measure_json(view), f"已登记清单签名：\n{_measure_text(view)}")


def cmd_seal_extend(args: argparse.Namespace, out: Printer) -> None:
    from inspector.enforcement.measures import extend_measure

    with open_workspace(args) as ws:
        view = extend_measure(
            ws,
            args.measure,
            extended_on=given_day(args.on, "延长决定日期"),
            reason=args.reason,
            approved_by=args.approved_by,
            extension_no=args.no,
            days=args.days,
        )
    out.emit(_measure_json(view), f"已延长封存期限至 {view.last_day_text}")


def cmd_seal_end(args: argparse.Namespace, out: Printer) -> None:
    from inspector.enforcement.measures import end_measure

    with open_workspace(args) as ws:
        view = end_measure(
            ws,
            args.measure,
            ended_on=given_day(args.on, "日期"),
            outcome=getattr(args, "outcome", None) or "release",
            reason=args.reason,
            document_no=args.no,
            seal_decision_no=getattr(args, "seal_no", None),
            approved_by=getattr(args, "approved_by", None),
        )
    late = "（已超过期限）" if view.ended_late else ""
    out.emit(_measure_json(view), f"已{view.outcome_name}：{view.decision_no}{late}")


def cmd_seal_list(args: argparse.Namespace, out: Printer) -> None:
    from inspector.enforcement.measures import due, measures_of

    with open_workspace(args) as ws:
        if getattr(args, "due_only", False):
            views = due(ws, today=_as_of(args))
        else:
            views = measures_of(ws, args.inspection, case_id=args.case, today=_as_of(args))
    text = "\n".join(_measure_line(v) for v in views) or "没有强制措施"
    out.emit([_measure_json(v) for v in views], text)


def cmd_seal_show(args: argparse.Namespace, out: Printer) -> None:
    from inspector.enforcement.measures import get_measure

    with open_workspace(args) as ws:
        view = get_measure(ws, args.measure, today=_as_of(args))
    out.emit(_measure_json(view), _measure_text(view))


def cmd_seal_document(args: argparse.Namespace, out: Printer) -> None:
    from inspector.enforcement.measures import measure_document, save_document

    with open_workspace(args) as ws:
        doc = measure_document(ws, args.measure, args.kind)
        saved = save_document(ws, doc.id, Path(args.out)) if args.out else None
    text = f"已生成文书 {doc.kind} {doc.document_no}（SHA-256 {doc.sha256}）"
    if saved:
        text += f"\n已保存到 {saved}"
    out.emit({"id": doc.id, "kind": doc.kind, "document_no": doc.document_no,
              "sha256": doc.sha256, "saved": str(saved) if saved else None}, text)  # fmt: skip


def cmd_document_sign(args: argparse.Namespace, out: Printer) -> None:
    from inspector.cli.keys import read_passphrase
    from inspector.enforcement.measures import sign_document

    with open_workspace(args) as ws:
        passphrase = read_passphrase(args, "密钥口令：")
        doc = sign_document(ws, args.document, args.key, passphrase)
    out.emit(
        {"id": doc.id, "kind": doc.kind, "sha256": doc.sha256, "signed_by": doc.signed_by},
        f"已签名文书 {doc.kind} {doc.document_no}（执法证号 {doc.signed_by}）",
    )


# --- referrals -------------------------------------------------------------------------------


def _referral_json(view: Any) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(view) | {
        "status": view.status,
        "status_name": view.status_name,
        "department_name": view.department_name,
    }


def _referral_line(view: Any) -> str:
    return (
        f"{view.id[:8]}  {view.referral_no}  移送{view.department_name}（{view.receiver}）  "
        f"{view.referred_on:%Y-%m-%d}  {view.status_name}"
    )


def _referral_text(view: Any) -> str:
    lines = [_referral_line(view), f"事实：{view.facts}", f"依据：{view.basis}",
             f"案卷清单：{len(view.file_list)} 件"]  # fmt: skip
    if view.bundle_sha256:
        lines.append(f"移送证据包 {view.bundle_id}，清单 SHA-256 {view.bundle_sha256}")
    if view.received_on:
        lines.append(f"签收：{view.received_on:%Y-%m-%d} {view.received_by}")
    if view.feedback_on:
        lines.append(f"反馈：{view.feedback_on:%Y-%m-%d} {view.feedback}")
    if view.returned_on:
        lines.append(
            f"退回：{view.returned_on:%Y-%m-%d} {view.return_reason}（案件由本局继续办理）"
        )
    return "\n".join(lines)


def cmd_refer_new(args: argparse.Namespace, out: Printer) -> None:
    from inspector.bundle import choose_key
    from inspector.cli.keys import read_passphrase
    from inspector.enforcement.referrals import refer_case

    with open_workspace(args) as ws:
        passphrase = read_passphrase(args, "密钥口令：") if args.key else None
        key = choose_key(ws, args.key, passphrase)
        view = refer_case(
            ws,
            inspections=args.inspection,
            department=args.to,
            receiver=args.receiver,
            referral_no=args.no,
            referred_on=given_day(args.on, "移送日期"),
            facts=args.facts,
            basis=args.basis or "",
            bundle_out=Path(args.bundle),
            case_id=args.case,
            key=key,
        )
    out.emit(
        _referral_json(view) | {"bundle": args.bundle},
        f"已移送：\n{_referral_text(view)}\n移送证据包：{args.bundle}",
    )


def cmd_refer_receipt(args: argparse.Namespace, out: Printer) -> None:
    from inspector.enforcement.referrals import record_receipt

    with open_workspace(args) as ws:
        view = record_receipt(
            ws, args.referral, received_on=given_day(args.on, "签收日期"), received_by=args.by
        )
    out.emit(_referral_json(view), f"已登记签收：\n{_referral_text(view)}")


def cmd_refer_feedback(args: argparse.Namespace, out: Printer) -> None:
    from inspector.enforcement.referrals import record_feedback

    with open_workspace(args) as ws:
        view = record_feedback(
            ws, args.referral, feedback_on=given_day(args.on, "反馈日期"), feedback=args.text
        )
    out.emit(_referral_json(view), f"已登记反馈：\n{_referral_text(view)}")


def cmd_refer_return(args: argparse.Namespace, out: Printer) -> None:
    from inspector.enforcement.referrals import return_referral

    with open_workspace(args) as ws:
        view = return_referral(
            ws, args.referral, returned_on=given_day(args.on, "退回日期"), reason=args.reason
        )
    out.emit(_referral_json(view), f"已登记退回，案件由本局继续办理：\n{_referral_text(view)}")


def cmd_refer_list(args: argparse.Namespace, out: Printer) -> None:
    from inspector.enforcement.referrals import referrals_of

    with open_workspace(args) as ws:
        views = referrals_of(ws, args.inspection, case_id=args.case)
    text = "\n".join(_referral_line(v) for v in views) or "没有移送记录"
    out.emit([_referral_json(v) for v in views], text)


def cmd_refer_show(args: argparse.Namespace, out: Printer) -> None:
    from inspector.enforcement.referrals import get_referral

    with open_workspace(args) as ws:
        view = get_referral(ws, args.referral)
    out.emit(_referral_json(view), _referral_text(view))


def cmd_refer_receive(args: argparse.Namespace, out: Printer) -> None:
    from dataclasses import asdict

    from inspector.enforcement.referrals import receive_referral

    with open_workspace(args) as ws:
        view = receive_referral(
            ws,
            department=args.sender_kind,
            sender=args.sender,
            document_no=args.no,
            received_on=given_day(args.on, "收到日期"),
            subject=args.subject,
            summary=args.summary,
        )
    out.emit(
        asdict(view),
        f"已登记{view.department_name}移送的案件 {view.id[:8]}：{view.sender} {view.document_no}，"
        f"{view.subject}",
    )


def add_case_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """``seal`` and ``refer`` under the ``case`` group's subcommands ``sub``."""
    as_of = argparse.ArgumentParser(add_help=False)
    as_of.add_argument("--as-of", metavar="YYYY-MM-DD", help="按这一天计算期限状态（默认今天）")

    seal = sub.add_parser("seal", help="封存、先行登记保存（强制措施）", parents=[common])
    steps = seal.add_subparsers(dest="seal_command", required=True, metavar="子命令")
    new = steps.add_parser("new", help="决定封存或先行登记保存（附清单）", parents=[common])
    new.add_argument("inspection", metavar="检查编号")
    new.add_argument("--kind", required=True, help="seal（封存）或 preserve（先行登记保存）")
    new.add_argument("--no", required=True, metavar="文号", help="决定书（通知书）文号")
    new.add_argument("--on", required=True, metavar="YYYY-MM-DD", help="决定日期")
    new.add_argument("--reason", required=True, help="采取措施的理由（事实）")
    new.add_argument("--approved-by", required=True, metavar="姓名", help="批准的行政机关负责人")
    new.add_argument(
        "--officer", action="append", metavar="执法证号", help="实施的执法人员（至少两名）"
    )
    new.add_argument("--position", action="append", type=int, metavar="N", help="封存清单第 N 项")
    new.add_argument(
        "--item", action="append", metavar="名称:数量:单位[:备注]", help="清单外的物品"
    )
    new.add_argument("--place", help="保存地点")
    new.add_argument("--case", metavar="案件编号", help="所属案件")
    new.set_defaults(run=cmd_seal_new)
    sign = steps.add_parser("sign-list", help="登记清单上双方的签名", parents=[common])
    sign.add_argument("measure", metavar="措施编号")
    sign.add_argument("--on", required=True, metavar="YYYY-MM-DD")
    sign.add_argument("--party", metavar="姓名", help="在清单上签名的当事人")
    sign.add_argument("--party-refused", action="store_true", help="当事人拒绝签名")
    sign.add_argument("--witness", metavar="姓名", help="见证人（当事人拒绝或不在场时）")
    sign.set_defaults(run=cmd_seal_sign)
    extend = steps.add_parser("extend", help="延长封存期限（只能一次）", parents=[common])
    extend.add_argument("measure", metavar="措施编号")
    extend.add_argument("--on", required=True, metavar="YYYY-MM-DD", help="延长决定日期")
    extend.add_argument("--reason", required=True)
    extend.add_argument("--approved-by", required=True, metavar="姓名")
    extend.add_argument("--no", required=True, metavar="文号")
    extend.add_argument("--days", type=int, default=30, help="延长天数（不超过 30）")
    extend.set_defaults(run=cmd_seal_extend)
    release = steps.add_parser("release", help="解除封存或先行登记保存", parents=[common])
    release.add_argument("measure", metavar="措施编号")
    release.add_argument("--on", required=True, metavar="YYYY-MM-DD", help="解除日期")
    release.add_argument(
        "--reason", required=True,
        help="解除理由：no_violation、unrelated、decided、expired、other（行政强制法第二十八条）或文字",
    )  # fmt: skip
    release.add_argument("--no", required=True, metavar="文号", help="解除决定书文号")
    release.set_defaults(run=cmd_seal_end)
    decide = steps.add_parser("decide", help="对先行登记保存作出处理决定", parents=[common])
    decide.add_argument("measure", metavar="措施编号")
    decide.add_argument("--on", required=True, metavar="YYYY-MM-DD", help="处理决定日期")
    decide.add_argument(
        "--outcome", required=True, help="release（解除）、seal（转为封存）、confiscate（没收）、"
        "examine（送检验鉴定）、transfer（移交有关部门）",
    )  # fmt: skip
    decide.add_argument("--reason", required=True)
    decide.add_argument("--no", required=True, metavar="文号", help="处理决定书文号")
    decide.add_argument("--seal-no", metavar="文号", help="转为封存时的封存决定书文号")
    decide.add_argument("--approved-by", metavar="姓名", help="转为封存时批准的负责人")
    decide.set_defaults(run=cmd_seal_end)
    listing = steps.add_parser("list", help="强制措施列表", parents=[common, as_of])
    listing.add_argument("--inspection", metavar="检查编号")
    listing.add_argument("--case", metavar="案件编号")
    listing.add_argument("--due", dest="due_only", action="store_true", help="只列即将到期和逾期的")
    listing.set_defaults(run=cmd_seal_list)
    show = steps.add_parser("show", help="查看一项强制措施", parents=[common, as_of])
    show.add_argument("measure", metavar="措施编号")
    show.set_defaults(run=cmd_seal_show)
    document = steps.add_parser("document", help="生成文书（PDF）", parents=[common])
    document.add_argument("measure", metavar="措施编号")
    document.add_argument(
        "kind", help="decision（决定书）、list（清单）、extension（延长）、end（解除或处理）"
    )
    document.add_argument("--out", metavar="FILE.pdf", help="另存一份")
    document.set_defaults(run=cmd_seal_document)
    secret = argparse.ArgumentParser(add_help=False)
    secret.add_argument("--passphrase-file", metavar="FILE", help="从文件第一行读取密钥口令")
    secret.add_argument("--passphrase", help=argparse.SUPPRESS)
    signing = steps.add_parser(
        "sign", help="执法人员数字签名强制措施或移送的文书", parents=[common, secret]
    )
    signing.add_argument("document", metavar="文书编号")
    signing.add_argument("--key", required=True, metavar="KEY_ID", help="签名人的密钥")
    signing.set_defaults(run=cmd_document_sign)

    refer = sub.add_parser(
        "refer", help="案件移送（公安、纪检监察、卫健、市场监管、药监）", parents=[common]
    )
    steps = refer.add_subparsers(dest="refer_command", required=True, metavar="子命令")
    new = steps.add_parser(
        "new", help="移送：移送书、案卷清单和签名的证据包", parents=[common, secret]
    )
    new.add_argument(
        "inspection",
        nargs="*",
        metavar="检查编号",
        help="该案的检查（给出 --case 时默认该案的全部检查）",
    )
    new.add_argument("--to", required=True, help="police、discipline、health、market、drug")
    new.add_argument("--receiver", required=True, metavar="单位", help="接收单位名称")
    new.add_argument("--no", required=True, metavar="文号", help="移送书文号")
    new.add_argument("--on", required=True, metavar="YYYY-MM-DD", help="移送日期")
    new.add_argument("--facts", required=True, help="涉嫌违法的事实")
    new.add_argument("--basis", help="移送依据（默认按接收部门）")
    new.add_argument("--bundle", required=True, metavar="FILE.zip", help="移送证据包写到这里")
    new.add_argument("--case", metavar="案件编号")
    new.add_argument("--key", metavar="KEY_ID", help="用这名检查人员的密钥签名（默认：设备密钥）")
    new.set_defaults(run=cmd_refer_new)
    receipt = steps.add_parser("receipt", help="登记接收单位签收", parents=[common])
    receipt.add_argument("referral", metavar="移送编号")
    receipt.add_argument("--on", required=True, metavar="YYYY-MM-DD")
    receipt.add_argument("--by", required=True, metavar="姓名", help="签收人")
    receipt.set_defaults(run=cmd_refer_receipt)
    feedback = steps.add_parser("feedback", help="登记接收单位的反馈", parents=[common])
    feedback.add_argument("referral", metavar="移送编号")
    feedback.add_argument("--on", required=True, metavar="YYYY-MM-DD")
    feedback.add_argument("--text", required=True, help="反馈内容")
    feedback.set_defaults(run=cmd_refer_feedback)
    back = steps.add_parser("return", help="登记退回（案件由本局继续办理）", parents=[common])
    back.add_argument("referral", metavar="移送编号")
    back.add_argument("--on", required=True, metavar="YYYY-MM-DD")
    back.add_argument("--reason", required=True, help="退回理由")
    back.set_defaults(run=cmd_refer_return)
    listing = steps.add_parser("list", help="移送记录", parents=[common])
    listing.add_argument("--inspection", metavar="检查编号")
    listing.add_argument("--case", metavar="案件编号")
    listing.set_defaults(run=cmd_refer_list)
    show = steps.add_parser("show", help="查看一次移送", parents=[common])
    show.add_argument("referral", metavar="移送编号")
    show.set_defaults(run=cmd_refer_show)
    receive = steps.add_parser("receive", help="登记其他部门移送本局的案件", parents=[common])
    receive.add_argument("--from", dest="sender_kind", required=True,
                         help="police、discipline、health、market、drug、other")  # fmt: skip
    receive.add_argument("--sender", required=True, metavar="单位", help="移送单位名称")
    receive.add_argument("--no", required=True, metavar="文号", help="来文文号")
    receive.add_argument("--on", required=True, metavar="YYYY-MM-DD", help="收到日期")
    receive.add_argument("--subject", required=True, help="涉及的机构或人员")
    receive.add_argument("--summary", required=True, help="案情摘要")
    receive.set_defaults(run=cmd_refer_receive)
