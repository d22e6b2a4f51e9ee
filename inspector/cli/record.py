"""Command-line commands for the record: ``record build|sign|verify|status|statement|sign-hand|
refuse|present|amend``, ``interview new|ask|edit|interviewers|credentials|rights|confirm|check|
list|build`` and ``config``."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from inspector.cases.rules import SETTINGS as CASE_SETTINGS
from inspector.cli.output import Printer, open_workspace
from inspector.errors import InvalidInput

CURRENT_INSPECTOR = "current_inspector"  # the key of inspector.workspace.CURRENT_INSPECTOR
SETTINGS = {
    # Before bureaus (bureau set): the heading of inspections that name no 执法主体.
    "bureau": "（旧设置）未指定执法主体的检查所用的记录抬头；请改用 bureau set",
    CURRENT_INSPECTOR: "在本机工作的检查人员（执法证号），即操作记录中的操作人",
    "party_confirmation": "本局要求被检查单位代表核对记录的方式：signature（阅看电子记录后在"
    "签名页签名）或 initials（在打印件每页签字），签名屏默认选它",
    **CASE_SETTINGS,
}


def _strokes(path: str) -> list[Any]:
    """Strokes from a JSON file: [[[x, y], [x, y], ...], ...] (as the app's pad saves them)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InvalidInput(
            "无法读取签名笔迹文件 {path}：{error}", path=path, error=error
        ) from error
    if not isinstance(data, list):
        raise InvalidInput("签名笔迹文件应为 JSON 数组：[[[x, y], ...], ...]")
    return data


def cmd_record_build(args: argparse.Namespace, out: Printer) -> None:
    from inspector.record.build import build_interview_record, build_record

    target = Path(args.out) if args.out else None
    if not args.id and not args.interview:
        raise InvalidInput("请给出检查编号（或 --interview 询问笔录编号）")
    with open_workspace(args) as ws:
        if args.interview:
            path, sha256 = build_interview_record(ws, _interview(ws, args), target)
        else:
            path, sha256 = build_record(ws, args.id, target)
        out.emit({"path": str(path), "sha256": sha256}, f"记录已生成：{path}\nSHA-256 {sha256}")


def cmd_record_export(args: argparse.Namespace, out: Printer) -> None:
    """A copy of the newest record (signed as far as it is) where the user asks: the way out of
    an encrypted data directory, checked against the hash the database keeps."""
    from inspector.inspections import get_inspection
    from inspector.record.content import get_interview
    from inspector.record.status import latest_record, save_record_copy

    if not args.id and not args.interview:
        raise InvalidInput("请给出检查编号（或 --interview 询问笔录编号）")
    with open_workspace(args) as ws:
        interview = get_interview(ws, args.interview) if args.interview else None
        full = get_inspection(ws, args.id).id if args.id else None
        if interview is not None and full not in (None, interview.inspection_id):
            raise InvalidInput(
                "询问笔录 {interview} 不属于检查 {id}", interview=args.interview, id=args.id
            )
        record = latest_record(
            ws,
            full or interview.inspection_id,
            interview.id if interview else None,  # type: ignore[union-attr]
        )
        if record is None:
            raise InvalidInput("该检查还没有生成记录")
        target = save_record_copy(ws, record, Path(args.out))
    out.emit({"path": str(target), "sha256": record.sha256}, f"记录已另存：{target}")


def cmd_record_sign(args: argparse.Namespace, out: Printer) -> None:
    from inspector.cli.keys import read_passphrase
    from inspector.record.signing import sign_record

    with open_workspace(args) as ws:
        passphrase = read_passphrase(args, "密钥口令：")
        result = sign_record(ws, args.id, args.key, passphrase, interview_id=_interview(ws, args))
    data = {
        "path": str(result.path),
        "sha256": result.sha256,
        "signer": result.signer,
        "locked": result.locked,
        "remaining": result.remaining,
    }
    text = f"{result.signer} 已签名：{result.path}\nSHA-256 {result.sha256}"
    if result.locked:
        text += "\n检查已锁定：不能再修改，更正须制作更正记录。"
    text += "\n" + (
        "还需签名：" + "、".join(result.remaining) if result.remaining else "签名已完成。"
    )
    out.emit(data, text)


def cmd_record_verify(args: argparse.Namespace, out: Printer) -> int:
    from inspector.record.signing import VERDICT_WORDS, verify_record
    from inspector.signing.archive import parse_at

    at = parse_at(args.at) if args.at else None
    workspace = None if args.no_database else open_workspace(args)
    try:
        check = verify_record(workspace, Path(args.file), at=at)
    finally:
        if workspace is not None:
            workspace.close()
    data = {
        **check.pdf.to_json(),
        "record_no": check.record_no,
        "inspection_id": check.inspection_id,
        "known": check.known,
        "record_problems": check.problems,
        "notes": check.notes,
        "ok": check.ok,
        "verdict": check.verdict,
        "verdict_text": VERDICT_WORDS[check.verdict],
        "exit_code": check.exit_code,
        "at": check.archive.to_json() if check.archive is not None else None,
    }
    out.emit(data, "\n".join(check.lines()))
    return check.exit_code


def cmd_record_statement(args: argparse.Namespace, out: Printer) -> None:
    from inspector.record.content import set_statement

    with open_workspace(args) as ws:
        set_statement(ws, args.id, args.text, args.representative, args.title)
    out.emit({"id": args.id, "statement": args.text}, "已记录被检查单位意见")


def _interview(ws: Any, args: argparse.Namespace) -> str | None:
    """``--interview`` as given (the short id ``interview list`` prints) to the full id."""
    from inspector.record.content import interview_id_of

    return interview_id_of(ws, args.interview) if args.interview else None


def cmd_record_party(args: argparse.Namespace, out: Printer) -> None:
    from inspector.record.content import get_party_details, set_party_details

    told = {"yes": True, "no": False}.get(args.recusal_told or "")
    with open_workspace(args) as ws:
        set_party_details(
            ws,
            args.id,
            legal_rep=args.legal_rep,
            address=args.address,
            phone=args.phone,
            credit_code=args.credit_code,
            recorder=args.recorder,
            recusal_told=told,
            recusal_reply=args.recusal_reply,
            id_no=args.id_no,
        )
        party = get_party_details(ws, args.id)
    lines = [
        f"法定代表人/负责人：{party.legal_rep or '—'}",
        f"地址：{party.address or '—'}",
        f"联系电话：{party.phone or '—'}",
        f"身份证号：{party.id_no or '—'}"
        if party.person
        else f"统一社会信用代码：{party.credit_code or '—'}",
        f"记录人：{party.recorder_name or '—'}",
        "告知回避权利：" + ("已告知；" + (party.recusal_reply or "答复未记录"))
        if party.recusal_told
        else "告知回避权利：未记录",
    ]
    out.emit({"id": args.id, **asdict(party)}, "\n".join(lines))


def cmd_record_sign_hand(args: argparse.Namespace, out: Printer) -> None:
    from inspector.record.content import add_signature

    with open_workspace(args) as ws:
        signature_id = add_signature(
            ws,
            args.id,
            args.role,
            args.name,
            _strokes(args.strokes),
            cert_no=args.cert_no,
            interview_id=_interview(ws, args),
            confirmation=args.confirmation,
        )
    out.emit({"id": signature_id}, f"已保存 {args.name} 的手写签名")


def cmd_record_refuse(args: argparse.Namespace, out: Printer) -> None:
    from inspector.record.content import record_refusal

    with open_workspace(args) as ws:
        record_refusal(
            ws,
            args.id,
            args.representative,
            args.reason,
            args.witness,
            _strokes(args.witness_strokes),
            interview_id=_interview(ws, args),
            witness_id_no=args.witness_id_no,
            witness_relation=args.witness_relation,
        )
    out.emit({"id": args.id, "refused": True}, "已记录拒签及见证人签名")


def cmd_record_present(args: argparse.Namespace, out: Printer) -> None:
    from inspector.record.content import get_party_details, set_party_present

    persons = []
    for text in args.person or []:
        name, _, title = text.partition(":")
        persons.append((name, title))
    with open_workspace(args) as ws:
        set_party_present(ws, args.id, persons)
        party = get_party_details(ws, args.id)
    text = "、".join(f"{n}（{t}）" if t else n for n, t in party.present) or "（无）"
    out.emit(
        {"id": args.id, "present": [{"name": n, "title": t} for n, t in party.present]},
        f"被检查单位其他在场人员：{text}",
    )


def cmd_record_status(args: argparse.Namespace, out: Printer) -> int:
    """Who has signed the record (by hand and digitally), whose hand signature is void and
    who must sign again: exit 1 while the record cannot be signed digitally."""
    from inspector.inspections import get_inspection
    from inspector.record.binding import void_signatures
    from inspector.record.content import ROLE_NAMES, signatures
    from inspector.record.signing import missing_handwritten
    from inspector.record.status import latest_record

    with open_workspace(args) as ws:
        view = get_inspection(ws, args.id)
        interview = _interview(ws, args)
        record = latest_record(ws, view.id, interview)
        live = [s for s in signatures(ws, view.id) if s.interview_id == interview]
        void = [s for s in void_signatures(ws, view.id) if s.interview_id == interview]
        missing = missing_handwritten(ws, view.id, interview)
    data = {
        "id": view.id,
        "record": None
        if record is None
        else {
            "record_no": record.record_no,
            "current": record.current,
            "signed_by": sorted(record.signed_by),
        },
        "hand_signatures": [
            {"role": s.role, "name": s.signer_name, "refused": s.refused, "signed_at": s.signed_at}
            for s in live
        ],
        "void": [
            {"role": s.role, "name": s.signer_name, "reason": s.void_reason, "at": s.voided_at}
            for s in void
        ],
        "must_sign": missing,
    }
    lines = []
    if record is None:
        lines.append("还没有生成记录")
    else:
        lines.append(
            f"记录 {record.record_no}："
            + ("与当前数据一致" if record.current else "生成后数据有变更，须重新生成")
        )
    for s in live:
        what = f"拒签（{s.refusal_reason}）" if s.refused else "已签名"
        lines.append(f"手写：{ROLE_NAMES.get(s.role, s.role)} {s.signer_name} {what}")
    for s in void:
        lines.append(f"已失效：{ROLE_NAMES.get(s.role, s.role)} {s.signer_name}（{s.void_reason}）")
    lines += [f"还需手写签名：{m}" for m in missing]
    out.emit(data, "\n".join(lines))
    return 1 if missing or record is None or not record.current else 0


def cmd_record_amend(args: argparse.Namespace, out: Printer) -> None:
    from inspector.record.content import amend_inspection

    with open_workspace(args) as ws:
        new_id = amend_inspection(ws, args.id)
    out.emit({"id": new_id, "amends": args.id}, new_id)


def cmd_interview_new(args: argparse.Namespace, out: Printer) -> None:
    from inspector.record.content import new_interview

    with open_workspace(args) as ws:
        interview_id = new_interview(
            ws,
            args.id,
            args.name,
            role=args.role,
            id_no=args.id_no,
            place=args.place,
            recorder=args.recorder,
        )
        if args.relation:
            from inspector.record.content import update_interview

            update_interview(ws, interview_id, relation=args.relation)
    out.emit({"id": interview_id}, interview_id)


def cmd_interview_edit(args: argparse.Namespace, out: Printer) -> None:
    from inspector.record.content import edit_question, update_interview

    with open_workspace(args) as ws:
        if args.number is not None:
            if args.question is None:
                raise InvalidInput("请用 -q 给出改正后的问题（空字符串则删去这一问）")
            edit_question(ws, args.interview, args.number, args.question, args.answer or "")
        update_interview(
            ws,
            args.interview,
            interviewee_name=args.name,
            role=args.role,
            id_no=args.id_no,
            place=args.place,
            recorder=args.recorder,
            relation=args.relation,
        )
    out.emit({"id": args.interview}, "已修改询问笔录")


def cmd_interview_interviewers(args: argparse.Namespace, out: Printer) -> None:
    from inspector.record.interview import set_interviewers

    with open_workspace(args) as ws:
        set_interviewers(ws, args.interview, args.cert_no)
    out.emit({"id": args.interview, "interviewers": args.cert_no}, "已选定询问人")


def cmd_interview_credentials(args: argparse.Namespace, out: Printer) -> None:
    from inspector.record.interview import record_credentials_shown

    with open_workspace(args) as ws:
        record_credentials_shown(ws, args.interview, args.cert_no)
    out.emit({"id": args.interview, "cert_no": args.cert_no}, "已记录出示执法证件")


def _replies(told: list[str], given: list[str]) -> tuple[list[str], dict[str, str]]:
    """The rights told and each one's reply, from ``--told`` and ``--reply 回避=不申请回避``
    (a right named by its code or short name; a reply alone names the right as told too). A
    reply that names no right is taken only when a single right is told: one answer is never
    printed under several rights."""
    from inspector.record.interview_rules import RIGHT_NAMES, right_code

    rights = [right_code(r) for r in told]
    replies: dict[str, str] = {}
    for item in given:
        name, sep, text = item.partition("=")
        if sep and name.strip() in {*RIGHT_NAMES, *RIGHT_NAMES.values()}:
            code = right_code(name)
        elif len(dict.fromkeys(rights)) == 1 and len(given) == 1:
            code, text = rights[0], item
        else:
            raise InvalidInput(
                "请写明答复针对哪一项告知，如 --reply 回避=不申请回避（可为 {value}）",
                value="、".join(RIGHT_NAMES.values()),
            )
        replies[code] = text
        rights.append(code)
    return list(dict.fromkeys(rights)), replies


def cmd_interview_rights(args: argparse.Namespace, out: Printer) -> None:
    from inspector.record.interview import record_rights_told

    rights, replies = _replies(args.told or [], args.reply or [])
    with open_workspace(args) as ws:
        record_rights_told(ws, args.interview, rights, replies)
    out.emit({"id": args.interview, "rights": rights, "replies": replies}, "已记录告知事项")


def cmd_interview_confirm(args: argparse.Namespace, out: Printer) -> None:
    from inspector.record.interview import set_confirmation

    strokes = _strokes(args.strokes) if args.strokes else None
    with open_workspace(args) as ws:
        set_confirmation(ws, args.interview, args.text, strokes)
    out.emit({"id": args.interview}, "已记录被询问人的确认意见")


def cmd_interview_check(args: argparse.Namespace, out: Printer) -> int:
    from inspector.record.content import get_interview
    from inspector.record.interview import interview_problems

    with open_workspace(args) as ws:
        problems = interview_problems(get_interview(ws, args.interview))
    out.emit({"id": args.interview, "missing": problems}, "\n".join(problems) or "可以签名")
    return 1 if problems else 0


def cmd_interview_ask(args: argparse.Namespace, out: Printer) -> None:
    from inspector.record.content import add_question

    with open_workspace(args) as ws:
        number = add_question(ws, args.interview, args.question, args.answer)
    out.emit({"number": number}, f"已记录第 {number} 问")


def cmd_interview_list(args: argparse.Namespace, out: Printer) -> None:
    from inspector.record.content import get_interviews

    with open_workspace(args) as ws:
        found = get_interviews(ws, args.id)
    data = [
        {
            "id": i.id,
            "interviewee": i.interviewee_name,
            "role": i.interviewee_role,
            "questions": i.questions,
        }
        for i in found
    ]
    lines = [
        f"{i.id[:8]}  {i.interviewee_name}（{i.interviewee_role or '—'}） {len(i.questions)} 问"
        for i in found
    ]
    out.emit(data, "\n".join(lines) or "（没有询问笔录）")


def cmd_config(args: argparse.Namespace, out: Printer) -> None:
    from inspector.cases.deadlines import check_setting
    from inspector.inspections import change_setting, set_current_inspector
    from inspector.record.content import CONFIRMATIONS

    with open_workspace(args) as ws:
        if args.value is not None and args.name == CURRENT_INSPECTOR:
            set_current_inspector(ws, args.value.strip())
        elif args.name == "party_confirmation" and args.value not in (None, "", *CONFIRMATIONS):
            raise InvalidInput(
                "核对方式只用于被检查单位代表的签名，应为：{value}", value="、".join(CONFIRMATIONS)
            )
        elif args.value is not None and args.name in CASE_SETTINGS:
            change_setting(ws, args.name, check_setting(args.name, args.value))
        elif args.value is not None:
            change_setting(ws, args.name, args.value.strip())
        value = ws.db.setting(args.name)
    out.emit({args.name: value}, f"{args.name} = {value or '（未设置）'}")


def _trusted_line(view: Any) -> str:
    until = view.not_after.astimezone().strftime("%Y-%m-%d")
    return f"{view.fingerprint_sha256[:16]}  {view.subject}  有效期至 {until}"


def cmd_trust_add(args: argparse.Namespace, out: Printer) -> None:
    from inspector.signing.trust import add_trusted

    with open_workspace(args) as ws:
        added = add_trusted(ws, Path(args.file), note=args.note)
    out.emit(
        [view.to_json() for view in added],
        "\n".join(f"已加入信任列表：{_trusted_line(view)}" for view in added),
    )


def cmd_trust_list(args: argparse.Namespace, out: Printer) -> None:
    from inspector.signing.trust import list_trusted

    with open_workspace(args) as ws:
        found = list_trusted(ws)
    out.emit(
        [view.to_json() for view in found],
        "\n".join(_trusted_line(view) for view in found)
        or "（信任列表为空：签名者的证书都不能追溯到医保局 CA，"
        "验证结论最多为“完好但签名者未获信任”）",
    )


def cmd_trust_remove(args: argparse.Namespace, out: Printer) -> None:
    from inspector.signing.trust import remove_trusted

    with open_workspace(args) as ws:
        view = remove_trusted(ws, args.fingerprint)
    out.emit(view.to_json(), f"已从信任列表移除：{_trusted_line(view)}")


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    secret = argparse.ArgumentParser(add_help=False)
    secret.add_argument("--passphrase-file", metavar="FILE", help="从文件第一行读取密钥口令")
    secret.add_argument("--passphrase", help=argparse.SUPPRESS)  # refused with a message

    record = commands.add_parser("record", help="检查记录与询问笔录", parents=[common])
    sub = record.add_subparsers(dest="action", required=True, metavar="操作")
    build = sub.add_parser("build", help="生成检查记录（或询问笔录）PDF", parents=[common])
    build.add_argument("id", nargs="?", help="检查编号")
    build.add_argument("--interview", metavar="ID", help="改为生成这份询问笔录")
    build.add_argument("--out", metavar="FILE.pdf", help="另存到此文件")
    build.set_defaults(run=cmd_record_build)

    export = sub.add_parser("export", help="把最新的记录另存为文件", parents=[common])
    export.add_argument("id", nargs="?", help="检查编号（给出 --interview 时可省略）")
    export.add_argument("--interview", metavar="ID", help="改为这份询问笔录（编号前几位即可）")
    export.add_argument("--out", required=True, metavar="FILE.pdf", help="另存到此文件")
    export.set_defaults(run=cmd_record_export)

    sign = sub.add_parser(
        "sign",
        help="以数字证书签名最新的记录（组长最后签）",
        parents=[common, secret],
        allow_abbrev=False,
    )
    sign.add_argument("id", help="检查编号")
    sign.add_argument("--key", required=True, metavar="KEY_ID", help="密钥编号（key list）")
    sign.add_argument("--interview", metavar="ID", help="改为签名这份询问笔录")
    sign.set_defaults(run=cmd_record_sign)

    verify = sub.add_parser("verify", help="验证记录文件的签名、完整性和数据", parents=[common])
    verify.add_argument("file", metavar="FILE.pdf")
    verify.add_argument(
        "--no-database", action="store_true", help="只验证文件本身，不与本机数据库核对"
    )
    verify.add_argument(
        "--at",
        metavar="YYYY-MM-DD",
        help="按这一日期（或 YYYY-MM-DDTHH:MM）验证签名，要求吊销信息（已归档的记录凭文档时间戳）",
    )
    verify.set_defaults(run=cmd_record_verify)

    statement = sub.add_parser(
        "statement", help="记录被检查单位对本记录的意见（被检查单位意见）", parents=[common]
    )
    statement.add_argument("id", help="检查编号")
    statement.add_argument("--text", required=True, help="意见的内容（照录）")
    statement.add_argument("--representative", help="提出意见人姓名")
    statement.add_argument("--title", help="提出意见人职务")
    statement.set_defaults(run=cmd_record_statement)

    party = sub.add_parser(
        "party", help="被检查单位信息、记录人、告知回避权利（写入记录）", parents=[common]
    )
    party.add_argument("id", help="检查编号")
    party.add_argument("--legal-rep", metavar="姓名", help="法定代表人或负责人")
    party.add_argument("--address", help="地址")
    party.add_argument("--phone", help="联系电话")
    party.add_argument(
        "--credit-code", metavar="代码", help="统一社会信用代码（18 位，核对校验位）"
    )
    party.add_argument(
        "--id-no", metavar="身份证号", help="被检查人是个人（医师、参保人员）时的身份证号"
    )
    party.add_argument("--recorder", metavar="执法证号", help="记录人（检查组成员）")
    party.add_argument(
        "--recusal-told", choices=["yes", "no"], help="是否已告知被检查单位有申请回避的权利"
    )
    party.add_argument("--recusal-reply", metavar="答复", help="被检查单位的答复，如 不申请回避")
    party.set_defaults(run=cmd_record_party)

    hand = sub.add_parser("sign-hand", help="保存手写签名（笔迹 JSON）", parents=[common])
    hand.add_argument("id", help="检查编号")
    hand.add_argument("--role", required=True, choices=["inspector", "party", "interviewee"])
    hand.add_argument("--name", required=True, help="签名人姓名")
    hand.add_argument("--cert-no", help="检查人员的执法证号")
    hand.add_argument("--strokes", required=True, metavar="FILE.json")
    hand.add_argument("--interview", metavar="ID", help="签在这份询问笔录上")
    hand.add_argument(
        "--confirmation",
        choices=["signature", "initials"],
        help="被检查单位代表核对记录的方式：signature 核对电子记录后在签名页签名；"
        "initials 在打印件每页签字（写入记录）",
    )
    hand.set_defaults(run=cmd_record_sign_hand)

    refuse = sub.add_parser("refuse", help="记录拒签（理由和见证人签名）", parents=[common])
    refuse.add_argument("id", help="检查编号")
    refuse.add_argument("--representative", required=True, help="拒签人姓名")
    refuse.add_argument("--reason", required=True, help="拒签理由")
    refuse.add_argument("--witness", required=True, help="见证人姓名")
    refuse.add_argument(
        "--witness-id-no", required=True, metavar="身份证号", help="见证人身份证号码"
    )
    refuse.add_argument(
        "--witness-relation", required=True, metavar="关系", help="见证人与被检查单位的关系"
    )
    refuse.add_argument("--witness-strokes", required=True, metavar="FILE.json")
    refuse.add_argument("--interview", metavar="ID", help="询问笔录的拒签")
    refuse.set_defaults(run=cmd_record_refuse)

    present = sub.add_parser(
        "present", help="被检查单位除陈述人外的其他在场人员（写入记录）", parents=[common]
    )
    present.add_argument("id", help="检查编号")
    present.add_argument(
        "--person", action="append", metavar="姓名:职务", help="在场人员，可重复；不给则清空"
    )
    present.set_defaults(run=cmd_record_present)

    status = sub.add_parser(
        "status", help="记录的签名情况：谁已签名、哪些签名已失效、还需谁签名", parents=[common]
    )
    status.add_argument("id", help="检查编号")
    status.add_argument("--interview", metavar="ID", help="改为这份询问笔录")
    status.set_defaults(run=cmd_record_status)

    amend = sub.add_parser("amend", help="为已签名的检查制作更正记录", parents=[common])
    amend.add_argument("id", help="已签名的检查编号")
    amend.set_defaults(run=cmd_record_amend)

    interview = commands.add_parser("interview", help="询问笔录", parents=[common])
    sub = interview.add_subparsers(dest="action", required=True, metavar="操作")
    new = sub.add_parser("new", help="开始一份询问笔录", parents=[common])
    new.add_argument("id", help="检查编号")
    new.add_argument("--name", required=True, help="被询问人姓名")
    new.add_argument("--role", help="被询问人身份，如 医生、患者家属")
    new.add_argument("--id-no", help="身份证件号码")
    new.add_argument("--place", help="询问地点")
    new.add_argument("--recorder", metavar="执法证号", help="记录人（检查组成员）")
    new.add_argument("--relation", help="与被检查单位的关系，如 本单位职工、参保人员")
    new.set_defaults(run=cmd_interview_new)
    edit = sub.add_parser(
        "edit", help="数字签名前修改询问笔录：某一问答、被询问人、记录人", parents=[common]
    )
    edit.add_argument("interview", metavar="INTERVIEW_ID")
    edit.add_argument("number", type=int, nargs="?", help="要改的第几问")
    edit.add_argument("--question", "-q", help="改正后的问题（空字符串删去这一问）")
    edit.add_argument("--answer", "-a", help="改正后的回答")
    edit.add_argument("--name", help="被询问人姓名")
    edit.add_argument("--role", help="被询问人身份")
    edit.add_argument("--id-no", help="身份证件号码")
    edit.add_argument("--place", help="询问地点")
    edit.add_argument("--recorder", metavar="执法证号", help="记录人（检查组成员）")
    edit.add_argument("--relation", help="与被检查单位的关系，如 本单位职工、参保人员")
    edit.set_defaults(run=cmd_interview_edit)
    chosen = sub.add_parser(
        "interviewers", help="选定询问人（至少两名执法人员，回避者除外）", parents=[common]
    )
    chosen.add_argument("interview", metavar="INTERVIEW_ID")
    chosen.add_argument("cert_no", nargs="+", metavar="执法证号")
    chosen.set_defaults(run=cmd_interview_interviewers)
    shown = sub.add_parser("credentials", help="记录询问人出示执法证件", parents=[common])
    shown.add_argument("interview", metavar="INTERVIEW_ID")
    shown.add_argument("--cert-no", required=True, metavar="执法证号", help="出示证件的询问人")
    shown.set_defaults(run=cmd_interview_credentials)
    rights = sub.add_parser("rights", help="记录已告知被询问人的权利义务", parents=[common])
    rights.add_argument("interview", metavar="INTERVIEW_ID")
    rights.add_argument(
        "--told", nargs="+", metavar="告知事项",
        help="recusal（回避）申请回避；truthful（如实回答）如实回答、配合；"
        "read_correct（核对更正）核对、更正笔录",
    )  # fmt: skip
    rights.add_argument(
        "--reply", action="append", metavar="事项=答复",
        help="被询问人对某一项告知的答复，如 回避=不申请回避（可重复；答复的事项即记为已告知）",
    )  # fmt: skip
    rights.set_defaults(run=cmd_interview_rights)
    confirm = sub.add_parser(
        "confirm", help="记录被询问人核对笔录后的确认意见（照录或手写笔迹）", parents=[common]
    )
    confirm.add_argument("interview", metavar="INTERVIEW_ID")
    confirm.add_argument("--text", help="被询问人的原话，如 以上笔录我已看过，与我所说的一致")
    confirm.add_argument("--strokes", metavar="FILE.json", help="被询问人手写的笔迹")
    confirm.set_defaults(run=cmd_interview_confirm)
    check = sub.add_parser("check", help="签名前还缺什么", parents=[common])
    check.add_argument("interview", metavar="INTERVIEW_ID")
    check.set_defaults(run=cmd_interview_check)
    ask = sub.add_parser("ask", help="记录一问一答", parents=[common])
    ask.add_argument("interview", metavar="INTERVIEW_ID")
    ask.add_argument("--question", "-q", required=True)
    ask.add_argument("--answer", "-a", required=True)
    ask.set_defaults(run=cmd_interview_ask)
    listing = sub.add_parser("list", help="列出检查的询问笔录", parents=[common])
    listing.add_argument("id", help="检查编号")
    listing.set_defaults(run=cmd_interview_list)

    config = commands.add_parser("config", help="本机设置", parents=[common])
    settings = config.add_subparsers(dest="name", required=True, metavar="设置")
    for name, help_text in SETTINGS.items():
        setting = settings.add_parser(name, help=help_text, parents=[common])
        setting.add_argument("value", nargs="?", help="新值（不填则显示当前值）")
        setting.set_defaults(run=cmd_config)
    trust = settings.add_parser(
        "trust", help="信任列表：医保局 CA 的证书（签名者的证书须追溯到它）", parents=[common]
    )
    actions = trust.add_subparsers(dest="action", required=True, metavar="操作")
    add = actions.add_parser("add", help="加入 CA 证书（PEM 或 DER）", parents=[common])
    add.add_argument("file", metavar="CA.pem")
    add.add_argument("--note", help="备注，如 证书来源")
    add.set_defaults(run=cmd_trust_add)
    actions.add_parser("list", help="列出信任列表", parents=[common]).set_defaults(
        run=cmd_trust_list
    )
    remove = actions.add_parser(
        "remove", help="移除（按 SHA-256 指纹或其前几位）", parents=[common]
    )
    remove.add_argument("fingerprint", metavar="FINGERPRINT")
    remove.set_defaults(run=cmd_trust_remove)
