"""``bureau set|list``: the bureaus (执法主体) this laptop serves, their particulars and their
document number templates (inspector/bureaus.py)."""

from __future__ import annotations

import argparse
from typing import Any

from inspector.cli.output import Printer, open_workspace
from inspector.errors import InvalidInput


def _templates(texts: list[str] | None) -> dict[str, str]:
    found: dict[str, str] = {}
    for text in texts or []:
        kind, sep, template = text.partition("=")
        if not sep:
            raise InvalidInput(
                "文号模板写成 种类=模板，如 record={{区简称}}医保检〔{{年}}〕{{序号}}号，"
                "而不是“{text}”",
                text=text,
            )
        found[kind.strip()] = template
    return found


def cmd_bureau_set(args: argparse.Namespace, out: Printer) -> None:
    from inspector.bureaus import DEFAULT_TEMPLATES, Bureau, list_bureaus, set_bureau

    with open_workspace(args) as ws:
        templates = dict(DEFAULT_TEMPLATES) if args.default_templates else {}
        templates.update(_templates(args.template))
        set_bureau(
            ws,
            Bureau(
                name=args.name,
                credit_code=args.credit_code,
                address=args.address,
                district=args.district,
                short=args.short,
                templates=templates,
            ),
        )
        bureaus = list_bureaus(ws)
    out.emit([b.snapshot() for b in bureaus], f"已设置执法主体：{args.name.strip()}")


def cmd_bureau_list(args: argparse.Namespace, out: Printer) -> None:
    from inspector.bureaus import KINDS, list_bureaus

    with open_workspace(args) as ws:
        bureaus = list_bureaus(ws)
    lines = []
    for b in bureaus:
        lines.append(
            f"{b.name}（{b.district or '不限区县'}）统一社会信用代码 {b.credit_code or '—'}"
            f"  地址 {b.address or '—'}"
        )
        lines += [f"  {KINDS[k]}：{t}" for k, t in b.templates.items()]
    out.emit([b.snapshot() for b in bureaus], "\n".join(lines) or "本机未设置执法主体")


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    bureau = commands.add_parser(
        "bureau", help="执法主体（本机服务的医疗保障局）", parents=[common]
    )
    sub = bureau.add_subparsers(dest="action", required=True)
    put = sub.add_parser("set", help="设置（新增或替换同名的）执法主体", parents=[common])
    put.add_argument("--name", required=True, help="名称，如 武汉市江岸区医疗保障局")
    put.add_argument("--credit-code", help="统一社会信用代码")
    put.add_argument("--address", help="地址")
    put.add_argument("--district", help="所辖区县，如 江岸区（市局不填）")
    put.add_argument("--short", help="区简称，文号模板中的 {区简称}，如 江岸")
    put.add_argument(
        "--template",
        action="append",
        metavar="种类=模板",
        help="文号模板，种类为 record、interview、order、case-notice、case-hearing-notice "
        "或 case-decision，"
        "如 record={区简称}医保检〔{年}〕{序号}号；可重复",
    )
    put.add_argument("--default-templates", action="store_true", help="每种文书都用默认文号模板")
    put.set_defaults(run=cmd_bureau_set)
    sub.add_parser("list", help="列出本机的执法主体", parents=[common]).set_defaults(
        run=cmd_bureau_list
    )
