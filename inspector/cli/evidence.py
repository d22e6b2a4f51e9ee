"""The command line's evidence commands (``evidence ...`` and ``verify-evidence``)."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from inspector.cli.output import EXIT_ERROR, Printer, open_workspace
from inspector.errors import InvalidInput


def _local(moment: Any) -> str:
    return "—" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


# --- commands ----------------------------------------------------------------------------


def cmd_add(args: argparse.Namespace, out: Printer) -> int:
    from inspector.evidence.intake import add_evidence

    with open_workspace(args) as ws:
        results = add_evidence(
            ws, args.id, [Path(p) for p in args.files], item_code=args.item, added_by=args.by
        )
    data = [
        {
            "file": str(r.path),
            "stored": r.ok,
            "evidence_id": r.evidence_id,
            "sha256": r.sha256,
            "error": r.error,
            "warning": r.warning,
            "time_warning": r.time_warning,
            "duplicate": r.duplicate,
        }
        for r in results
    ]
    lines = []
    for r in results:
        shown = str(r.path).encode("utf-8", "replace").decode("utf-8")
        if r.ok:
            line = f"已保存  {shown}  SHA-256 {r.sha256}"
            if r.duplicate:
                line += "（已在本检查中，未重复添加）"
            for note in (r.warning, r.time_warning):
                if note:
                    line += f"\n        注意：{note}"
        else:
            line = f"未保存  {shown}：{r.error}"
        lines.append(line)
    failed = sum(1 for r in results if not r.ok)
    lines.append(f"共 {len(results)} 个文件，保存 {len(results) - failed} 个，失败 {failed} 个")
    out.emit(data, "\n".join(lines))
    return EXIT_ERROR if failed else 0


def cmd_list(args: argparse.Namespace, out: Printer) -> None:
    from inspector.evidence.manage import list_evidence

    with open_workspace(args) as ws:
        views = list_evidence(ws, args.id, args.item)
    lines = [
        f"{v.id[:8]}  {v.item_code or '—':<7} {v.original_name}"
        + (f"　“{v.caption}”" if v.caption else "")
        + (f"　（标注副本，原件 {v.source_sha256[:12]}…）" if v.source_sha256 else "")
        + (f"\n          注意：{v.time_warning}" if v.time_warning else "")
        for v in views
    ]
    out.emit(views, "\n".join(lines) or "（没有证据）")


def cmd_caption(args: argparse.Namespace, out: Printer) -> None:
    from inspector.evidence.manage import set_caption

    with open_workspace(args) as ws:
        set_caption(ws, args.evidence, args.text, by=args.by)
    out.emit({"evidence": args.evidence, "caption": args.text}, "说明已保存")


def cmd_link(args: argparse.Namespace, out: Printer) -> None:
    from inspector.evidence.manage import link_evidence

    if (args.item is None) == (not args.none):
        raise InvalidInput("请给出 --item 条目编号，或 --none 取消关联")
    with open_workspace(args) as ws:
        link_evidence(ws, args.evidence, None if args.none else args.item, by=args.by)
    text = f"已关联到条目 {args.item}" if args.item else "已取消与条目的关联"
    out.emit({"evidence": args.evidence, "item": args.item}, text)


def cmd_remove(args: argparse.Namespace, out: Printer) -> None:
    from inspector.evidence.manage import remove_evidence

    with open_workspace(args) as ws:
        remove_evidence(ws, args.evidence, by=args.by)
    out.emit({"evidence": args.evidence, "removed": True}, "证据已移除（保管记录中保留移除记录）")


def _numbers(text: str, count: int, what: str) -> list[float]:
    parts = text.replace("，", ",").split(",")
    try:
        values = [float(part) for part in parts[:count]]
    except ValueError as error:
        raise InvalidInput(
            "{what}“{text}”应为 {count} 个 0 到 1 之间的数，以逗号分隔",
            what=what,
            text=text,
            count=count,
        ) from error
    if len(values) != count:
        raise InvalidInput(
            "{what}“{text}”应为 {count} 个 0 到 1 之间的数，以逗号分隔",
            what=what,
            text=text,
            count=count,
        )
    return values


def cmd_annotate(args: argparse.Namespace, out: Printer) -> None:
    from inspector.evidence.manage import annotate_evidence

    shapes: list[dict[str, Any]] = []
    for text in args.arrow or []:
        x1, y1, x2, y2 = _numbers(text, 4, "箭头")
        shapes.append({"kind": "arrow", "x1": x1, "y1": y1, "x2": x2, "y2": y2})
    for text in args.circle or []:
        x1, y1, x2, y2 = _numbers(text, 4, "圆圈")
        shapes.append({"kind": "circle", "x1": x1, "y1": y1, "x2": x2, "y2": y2})
    for text in args.text or []:
        head, _, words = text.replace("，", ",").partition(",")
        rest, _, words2 = words.partition(",")
        x, y = _numbers(f"{head},{rest}", 2, "文字位置")
        shapes.append({"kind": "text", "x1": x, "y1": y, "text": words2})
    with open_workspace(args) as ws:
        new_id = annotate_evidence(ws, args.evidence, shapes, caption=args.caption, by=args.by)
    out.emit({"evidence_id": new_id}, f"已保存标注副本 {new_id}（原件未改动）")


def cmd_export(args: argparse.Namespace, out: Printer) -> None:
    from inspector.evidence.export import export_evidence

    with open_workspace(args) as ws:
        result = export_evidence(ws, args.id, Path(args.folder), by=args.by)
    out.emit(
        {"folder": result.folder, "files": result.files, "manifest": result.manifest},
        f"已导出 {result.files} 个文件到 {result.folder}（清单：{result.manifest.name}）",
    )


def cmd_log(args: argparse.Namespace, out: Printer) -> None:
    from inspector.evidence.custody import read_chain
    from inspector.inspections import resolve_id

    with open_workspace(args) as ws, ws.db.session() as session:
        chain = read_chain(session, resolve_id(session, args.id).id)
    lines = []
    for entry in chain:
        who = entry.actor["name"] if entry.actor else "—"
        name = entry.data.get("name") or entry.data.get("description") or ""
        evidence = entry.evidence_id[:8] if entry.evidence_id else "        "
        when = _local(datetime.fromisoformat(entry.at)) if entry.at else "—"
        lines.append(
            f"{entry.seq:>4}  {when}  {entry.event_name:<6} {evidence}  {who}  {name}"
            f"\n      {entry.hash}"
        )
    out.emit(chain, "\n".join(lines) or "（保管记录为空）")


def cmd_seal(args: argparse.Namespace, out: Printer) -> None:
    from inspector.evidence.sealing import add_seal_item

    with open_workspace(args) as ws:
        item = add_seal_item(
            ws,
            args.id,
            description=args.description,
            quantity=args.quantity,
            unit=args.unit,
            note=args.note or "",
            evidence_ids=args.photo or [],
            by=args.by,
        )
    out.emit(
        item, f"已列入封存清单第 {item.position} 项：{item.description} {item.quantity}{item.unit}"
    )


def cmd_seals(args: argparse.Namespace, out: Printer) -> None:
    from inspector.enforcement.measures import seal_links
    from inspector.evidence.sealing import list_seal_items

    with open_workspace(args) as ws:
        items = list_seal_items(ws, args.id)
        links = seal_links(ws, args.id)  # the measure each line is under (封存决定书)
    lines = [
        f"{i.position:>3}. {i.description}　{i.quantity} {i.unit}"
        + (f"　{i.note}" if i.note else "")
        + (f"　照片 {len(i.evidence_ids)} 张" if i.evidence_ids else "")
        + (
            f"　{links[i.id].kind_name} {links[i.id].decision_no}（{links[i.id].state_name}，"
            f"措施 {links[i.id].measure_id[:8]}）"
            if i.id in links
            else ""
        )
        for i in items
    ]
    data = [asdict(i) | {"measure": asdict(links[i.id]) if i.id in links else None} for i in items]
    out.emit(data, "\n".join(lines) or "（封存清单为空）")


def cmd_unseal(args: argparse.Namespace, out: Printer) -> None:
    from inspector.evidence.sealing import remove_seal_item

    with open_workspace(args) as ws:
        remove_seal_item(ws, args.id, args.position, by=args.by)
    out.emit({"position": args.position, "removed": True}, f"已从封存清单移除第 {args.position} 项")


def cmd_verify(args: argparse.Namespace, out: Printer) -> int:
    from inspector.evidence.verify import verify_evidence

    with open_workspace(args) as ws:
        report = verify_evidence(ws, args.id)
    data = {
        "inspection_id": report.inspection_id,
        "ok": report.ok,
        "entries": report.entries,
        "files": report.files,
        "evidence": report.evidence,
        "problems": [
            {"kind": p.kind, "where": p.where, "message": p.message} for p in report.problems
        ],
    }
    if report.ok:
        text = (
            f"保管链完整：{report.entries} 条记录，{report.evidence} 件证据的 "
            f"{report.files} 个文件哈希一致"
        )
    else:
        text = "\n".join(
            [f"发现 {len(report.problems)} 处不一致："]
            + [f"  {problem}" for problem in report.problems]
        )
    out.emit(data, text)
    return 0 if report.ok else EXIT_ERROR


# --- parsers -----------------------------------------------------------------------------


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add ``evidence ...`` and ``verify-evidence`` to the command line's subparsers."""
    evidence = commands.add_parser("evidence", help="证据", parents=[common])
    sub = evidence.add_subparsers(dest="action", required=True, metavar="操作")

    def by(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--by", metavar="执法证号", help="操作人（本检查组成员）")

    add = sub.add_parser("add", help="添加照片或文件（可为文件夹、相机存储卡）", parents=[common])
    add.add_argument("id", help="检查编号")
    add.add_argument("files", nargs="+", metavar="FILE")
    add.add_argument("--item", help="关联的检查条目编号")
    by(add)
    add.set_defaults(run=cmd_add)

    listing = sub.add_parser("list", help="列出证据", parents=[common])
    listing.add_argument("id", help="检查编号")
    listing.add_argument("--item", help="只列出该条目的证据")
    listing.set_defaults(run=cmd_list)

    caption = sub.add_parser("caption", help="填写证据说明", parents=[common])
    caption.add_argument("evidence", help="证据编号（可只写前几位）")
    caption.add_argument("text", help="说明文字")
    by(caption)
    caption.set_defaults(run=cmd_caption)

    link = sub.add_parser("link", help="把证据关联到检查条目（问题）", parents=[common])
    link.add_argument("evidence", help="证据编号")
    link.add_argument("--item", help="条目编号，如 P5.1")
    link.add_argument("--none", action="store_true", help="取消与条目的关联")
    by(link)
    link.set_defaults(run=cmd_link)

    remove = sub.add_parser("remove", help="从未结束的检查中移除证据", parents=[common])
    remove.add_argument("evidence", help="证据编号")
    by(remove)
    remove.set_defaults(run=cmd_remove)

    annotate = sub.add_parser(
        "annotate", help="在照片副本上标注（箭头、圆圈、文字），原件不变", parents=[common]
    )
    annotate.add_argument("evidence", help="证据编号")
    annotate.add_argument("--arrow", action="append", metavar="x1,y1,x2,y2", help="箭头（0-1）")
    annotate.add_argument("--circle", action="append", metavar="x1,y1,x2,y2", help="圆圈外框")
    annotate.add_argument("--text", action="append", metavar="x,y,文字", help="文字")
    annotate.add_argument("--caption", help="标注副本的说明（默认沿用原件的说明）")
    by(annotate)
    annotate.set_defaults(run=cmd_annotate)

    export = sub.add_parser("export", help="导出证据原件与保管记录到文件夹", parents=[common])
    export.add_argument("id", help="检查编号")
    export.add_argument("folder", help="空文件夹或新文件夹")
    by(export)
    export.set_defaults(run=cmd_export)

    log = sub.add_parser("log", help="查看证据保管记录（哈希链）", parents=[common])
    log.add_argument("id", help="检查编号")
    log.set_defaults(run=cmd_log)

    seal = sub.add_parser("seal", help="登记封存物品（封存清单）", parents=[common])
    seal.add_argument("id", help="检查编号")
    seal.add_argument("--description", required=True, help="物品名称与描述")
    seal.add_argument("--quantity", required=True, help="数量")
    seal.add_argument("--unit", required=True, help="单位，如 盒、本、台")
    seal.add_argument("--note", help="备注（封存地点、封条编号等）")
    seal.add_argument("--photo", action="append", metavar="证据编号", help="照片，可重复")
    by(seal)
    seal.set_defaults(run=cmd_seal)

    seals = sub.add_parser("seals", help="查看封存清单", parents=[common])
    seals.add_argument("id", help="检查编号")
    seals.set_defaults(run=cmd_seals)

    unseal = sub.add_parser("unseal", help="从未结束检查的封存清单中移除一项", parents=[common])
    unseal.add_argument("id", help="检查编号")
    unseal.add_argument("position", type=int, help="序号")
    by(unseal)
    unseal.set_defaults(run=cmd_unseal)

    verify = commands.add_parser(
        "verify-evidence", help="校验证据文件哈希与保管链", parents=[common]
    )
    verify.add_argument("id", help="检查编号")
    verify.set_defaults(run=cmd_verify)
