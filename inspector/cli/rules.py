"""``rules list|show|check|install|run|hits`` and ``knowledge list|import``: the rule engine
over an inspection's settlement detail (智能审核和监控规则) and the knowledge lists it reads."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from inspector.cli.output import Printer, given_day, open_workspace
from inspector.errors import InvalidInput
from inspector.inspections import format_fen


def _library(args: argparse.Namespace) -> Any:
    from inspector.paths import resolve_home
    from inspector.rules.library import load_rule_library

    library = load_rule_library(resolve_home(args.home))
    for warning in library.warnings:  # a broken file replaced by its last good copy: say so
        print(warning, file=sys.stderr)
    return library


def cmd_list(args: argparse.Namespace, out: Printer) -> None:
    library = _library(args)
    data = [
        {"code": r.code, "name": r.name, "type": r.type, "pack": library.rule_pack[r.code],
         "enabled": r.enabled, "params": r.params}
        for r in library.rules.values()
    ]  # fmt: skip
    lines = [
        f"{r['code']:<10} {r['type']:<14} {r['name']}" + ("" if r["enabled"] else "（停用）")
        for r in data
    ]
    lines.append("")
    lines += [f"规则包 {p.data.id} {p.data.version}：{p.data.title}" for p in library.packs]
    lines += [f"知识库 {k.data.id} {k.data.version}：{k.data.title}" for k in library.knowledge]
    out.emit({"rules": data, **library.versions}, "\n".join(lines))


def cmd_show(args: argparse.Namespace, out: Printer) -> None:
    from inspector.rules.formats import RULE_TYPES

    library = _library(args)
    rule = library.rules.get(args.code)
    if rule is None:
        raise InvalidInput(
            "没有代码为 {code} 的规则（可用：{known}）",
            code=args.code,
            known="、".join(library.rules),
        )
    lines = [
        f"{rule.code} {rule.name}（规则包 {library.rule_pack[rule.code]}）",
        f"规则类型：{rule.type}（{RULE_TYPES[rule.type]}）",
        f"含义：{rule.description}",
        "参数：" + ("，".join(f"{k} = {v}" for k, v in rule.parameters().model_dump().items())
                   or "无"),
        "依据：",
    ]  # fmt: skip
    for basis in rule.basis:
        lines.append(
            f"  · {basis.source}"
            + (f" {basis.clause}" if basis.clause else "")
            + (f"：{basis.text}" if basis.text else "")
        )
    data = rule.model_dump()
    data["pack"] = library.rule_pack[rule.code]
    data["parameters"] = rule.parameters().model_dump()
    out.emit(data, "\n".join(lines))


def cmd_check(args: argparse.Namespace, out: Printer) -> None:
    from inspector.rules.formats import KnowledgeFile, RulePack
    from inspector.rules.library import RULES, _format_of, parse

    path = Path(args.file)
    model: Any = RulePack if _format_of(path) == RULES else KnowledgeFile
    loaded = parse(path, model)
    out.emit(
        {"file": str(path), "id": loaded.data.id, "version": loaded.data.version, "ok": True},
        f"{path}：格式正确（{loaded.data.id} {loaded.data.version}）",
    )


def cmd_install(args: argparse.Namespace, out: Printer) -> None:
    from inspector.paths import resolve_home
    from inspector.rules.formats import RulePack
    from inspector.rules.library import install

    loaded = install(Path(args.file), resolve_home(args.home).ensure())
    what = "规则包" if isinstance(loaded.data, RulePack) else "知识库"
    out.emit(
        {"id": loaded.data.id, "version": loaded.data.version, "installed": str(loaded.path)},
        f"已安装{what} {loaded.data.id} {loaded.data.version}",
    )


LEDGERS = (("purchases", "购进记录"), ("sales", "销售（发药）记录"), ("opening", "期初库存"))


def cmd_run(args: argparse.Namespace, out: Printer) -> None:
    from inspector.rules.store import run_rules_for
    from inspector.stock.ledgers import Kind, read_ledger

    files = {Kind(kind): Path(getattr(args, kind)) for kind, _ in LEDGERS if getattr(args, kind)}
    period = None
    if files:
        if not (args.start and args.end):
            raise InvalidInput("给出进销存资料时，请同时给出核对期间 --from 与 --to")
        period = (given_day(args.start, "期间起"), given_day(args.end, "期间止"))
    ledgers = [read_ledger(path, kind) for kind, path in files.items()]
    for ledger in ledgers:
        if not ledger.ok:
            rows = "；".join(f"第 {r.row} 行：{r.reason}" for r in ledger.refused[:10])
            raise InvalidInput(
                "{name} 有无法读取的行，未运行规则：{rows}", name=ledger.source_name, rows=rows
            )
    with open_workspace(args) as ws:
        saved = run_rules_for(ws, args.inspection, ledgers=ledgers, period=period)
    result = saved.result
    by_rule: dict[str, list[Any]] = {}
    for hit in result.hits:
        by_rule.setdefault(hit.rule_code, []).append(hit)
    lines = [f"运行规则 {len(result.rules)} 条，命中 {len(result.hits)} 处"]
    for code in result.rules:
        hits = by_rule.get(code, [])
        amount = sum(h.amount_fen for h in hits)
        name = hits[0].rule_name if hits else code
        lines.append(
            f"  {code:<10} {name}：{len(hits)} 处" + (f"，¥{format_fen(amount)}" if hits else "")
        )
    lines += [f"  {code:<10} 未运行：{why}" for code, why in result.skipped]
    total = sum(h.amount_fen for h in result.hits)
    lines.append(f"涉及金额 ¥{format_fen(total) or '0.00'}；用 rules hits 查看每一处")
    data = {
        "run_id": saved.run_id,
        "ran_at": saved.ran_at,
        "rules": result.rules,
        "skipped": [{"rule": c, "reason": why} for c, why in result.skipped],
        "hits": len(result.hits),
        "amount_fen": total,
        "seconds": result.seconds,
    }
    out.emit(data, "\n".join(lines))


def cmd_hits(args: argparse.Namespace, out: Printer) -> None:
    from inspector.rules.store import latest_run, rule_hits

    with open_workspace(args) as ws:
        run = latest_run(ws, args.inspection)
        hits = rule_hits(ws, args.inspection)
    if run is None:
        out.emit({"run": None, "hits": []}, "该检查还没有运行过规则（rules run）")
        return
    if args.rule:
        hits = [h for h in hits if h.rule_code == args.rule or h.rule_type == args.rule]
    lines = [
        f"{run['ran_at']:%Y-%m-%d %H:%M} 运行；命中 {run['hit_count']} 处，"
        f"涉及金额 ¥{format_fen(run['amount_fen']) or '0.00'}"
    ]
    for hit in hits:
        lines.append(
            f"[{hit.rule_code}] ¥{format_fen(hit.amount_fen) or '0.00'}  {hit.explanation}"
        )
        lines.append(
            f"    结算单：{'、'.join(hit.settlement_nos)}；行：{_rows(hit.row_nos)}"
            + (f"；参保人：{hit.person_id}" if hit.person_id else "")
        )
    data = {"run": run, "hits": [hit.__dict__ for hit in hits]}
    out.emit(data, "\n".join(lines))


def _rows(rows: tuple[int, ...], shown: int = 12) -> str:
    text = "、".join(str(r) for r in rows[:shown])
    return text + (f" 等 {len(rows)} 行" if len(rows) > shown else "")


def cmd_knowledge_list(args: argparse.Namespace, out: Printer) -> None:
    from inspector.rules.formats import KNOWLEDGE_LISTS

    library = _library(args)
    data = []
    lines = []
    for loaded in library.knowledge:
        counts = {kind: len(getattr(loaded.data, kind)) for kind in KNOWLEDGE_LISTS}
        data.append({"id": loaded.data.id, "version": loaded.data.version, "counts": counts})
        lines.append(f"{loaded.data.id} {loaded.data.version}：{loaded.data.title}")
        lines.append(f"  来源：{loaded.data.source}")
        lines.append(
            "  " + "；".join(f"{KNOWLEDGE_LISTS[k][0]} {n}" for k, n in counts.items() if n)
        )
    out.emit(data, "\n".join(lines))


def cmd_knowledge_import(args: argparse.Namespace, out: Printer) -> None:
    from inspector.files import write_atomically
    from inspector.paths import resolve_home
    from inspector.rules.knowledge import import_sheet
    from inspector.rules.library import install, knowledge_dir

    text, count = import_sheet(
        Path(args.file), args.kind, id=args.id, version=args.version, title=args.title,
        source=args.source,
    )  # fmt: skip
    if args.out:
        write_atomically(Path(args.out), text.encode("utf-8"), mode=0o644)
        out.emit(
            {"written": args.out, "entries": count}, f"已写出知识库文件 {args.out}（{count} 条）"
        )
        return
    home = resolve_home(args.home).ensure()
    staging = knowledge_dir(home) / ".import" / f"{args.id}.yaml"
    write_atomically(staging, text.encode("utf-8"))
    try:
        loaded = install(staging, home)
    finally:
        staging.unlink(missing_ok=True)
    out.emit(
        {"id": loaded.data.id, "version": loaded.data.version, "entries": count},
        f"已导入并安装知识库 {loaded.data.id} {loaded.data.version}（{count} 条）",
    )


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    from inspector.rules.formats import KNOWLEDGE_LISTS

    rules = commands.add_parser("rules", help="智能监控规则（筛查费用明细）", parents=[common])
    sub = rules.add_subparsers(dest="action", required=True, metavar="操作")
    sub.add_parser("list", help="已安装的规则", parents=[common]).set_defaults(run=cmd_list)
    show = sub.add_parser("show", help="一条规则的含义、依据与参数", parents=[common])
    show.add_argument("code", metavar="CODE")
    show.set_defaults(run=cmd_show)
    check = sub.add_parser("check", help="检查规则包或知识库文件的格式", parents=[common])
    check.add_argument("file", metavar="FILE")
    check.set_defaults(run=cmd_check)
    install = sub.add_parser("install", help="安装规则包或知识库文件", parents=[common])
    install.add_argument("file", metavar="FILE")
    install.set_defaults(run=cmd_install)
    run = sub.add_parser("run", help="对检查的费用明细运行全部规则", parents=[common])
    run.add_argument("inspection", metavar="INSPECTION", help="检查编号（可只写前几位）")
    for kind, name in LEDGERS:
        run.add_argument(f"--{kind}", metavar="FILE", help=f"{name}（进销存规则用，Excel/CSV）")
    run.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="进销存核对期间起")
    run.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="进销存核对期间止")
    run.set_defaults(run=cmd_run)
    hits = sub.add_parser("hits", help="最近一次运行的命中", parents=[common])
    hits.add_argument("inspection", metavar="INSPECTION", help="检查编号（可只写前几位）")
    hits.add_argument("--rule", help="只列出这条规则（代码或规则类型）")
    hits.set_defaults(run=cmd_hits)

    knowledge = commands.add_parser("knowledge", help="规则知识库（项目清单）", parents=[common])
    ksub = knowledge.add_subparsers(dest="action", required=True, metavar="操作")
    klist = ksub.add_parser("list", help="已安装的知识库文件", parents=[common])
    klist.set_defaults(run=cmd_knowledge_list)
    kimport = ksub.add_parser(
        "import", help="从医保局的表格（Excel/CSV）生成并安装知识库文件", parents=[common]
    )
    kimport.add_argument("file", metavar="FILE")
    kimport.add_argument(
        "--kind", required=True, choices=list(KNOWLEDGE_LISTS),
        help="；".join(f"{k}：{name}" for k, (name, _) in KNOWLEDGE_LISTS.items()),
    )  # fmt: skip
    kimport.add_argument("--id", required=True, help="知识库文件的标识（如 jinan-price）")
    kimport.add_argument("--version", required=True, help="版本（如 2026.1）")
    kimport.add_argument("--title", required=True, help="标题")
    kimport.add_argument("--source", required=True, help="来源（目录名称、文号）")
    kimport.add_argument("--out", metavar="FILE", help="只写出知识库文件，不安装")
    kimport.set_defaults(run=cmd_knowledge_import)
