"""``checklist types|modes|focus|show|check|install``: the checklist library; no database needed."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from inspector.checklists.composer import Checklist, compose
from inspector.checklists.library import Library, install_file, parse_file
from inspector.cli.output import Printer, library_for, resolve_option


def cmd_checklist_types(args: argparse.Namespace, out: Printer) -> None:
    library, _ = library_for(args)
    data = [
        {"code": t.code, "name": t.name, "name_en": t.name_en, "group": t.group}
        for t in library.types.values()
    ]
    out.emit(data, "\n".join(f"{t['code']:<18} {t['name']}" for t in data))


def cmd_checklist_modes(args: argparse.Namespace, out: Printer) -> None:
    library, _ = library_for(args)
    data = [
        {
            "code": m.code,
            "name": m.name,
            "name_en": m.name_en,
            "covert": m.covert,
            "description": m.description,
        }
        for m in library.modes.values()
    ]
    out.emit(data, "\n".join(f"{m['code']:<12} {m['name']}　{m['description']}" for m in data))


def cmd_checklist_focus(args: argparse.Namespace, out: Printer) -> None:
    library, _ = library_for(args)
    packs = library.focus_packs.values()
    if args.type:
        type_code = resolve_option("机构类型", args.type, library.types)
        packs = library.focus_packs_for(type_code)
    data = [
        {"code": p.code, "name": p.name, "name_en": p.name_en, "description": p.description}
        for p in packs
    ]
    out.emit(data, "\n".join(f"{p['code']:<18} {p['name']}　{p['description']}" for p in data))


def _checklist_data(checklist: Checklist, library: Library) -> dict[str, Any]:
    data = checklist.to_snapshot()
    data["type"] = {"code": checklist.type_code, "name": checklist.type_name}
    data["mode"] = {"code": checklist.mode_code, "name": checklist.mode_name}
    data["focus"] = [
        {"code": code, "name": library.focus_packs[code].name}
        for code in checklist.focus
        if code in library.focus_packs
    ]
    for key in ("type_code", "type_name", "mode_code", "mode_name"):
        data.pop(key)
    data["item_count"] = len(checklist.items)
    return data


def _checklist_text(checklist: Checklist) -> str:
    lines = [
        f"{checklist.type_name} · {checklist.mode_name} · 共 {len(checklist.items)} 项"
        + (f" · 专项：{'、'.join(checklist.focus)}" if checklist.focus else ""),
        "（★ 为该类机构的检查重点）",
    ]
    for section in checklist.sections:
        lines.append("")
        lines.append(f"[{section.code}] {section.title}")
        for item in section.items:
            star = "★" if item.priority else " "
            lines.append(f"  {item.code:<7}{star} {item.title}")
    return "\n".join(lines)


def cmd_checklist_show(args: argparse.Namespace, out: Printer) -> None:
    library, _ = library_for(args)
    type_code = resolve_option("机构类型", args.type, library.types)
    mode_code = resolve_option("检查方式", args.mode, library.modes)
    focus = [resolve_option("专项", f, library.focus_packs) for f in args.focus or []]
    checklist = compose(library, type_code, mode_code, focus)
    out.emit(_checklist_data(checklist, library), _checklist_text(checklist))


def cmd_checklist_check(args: argparse.Namespace, out: Printer) -> None:
    loaded = parse_file(Path(args.file))
    data = {
        "file": str(args.file),
        "id": loaded.data.id,
        "version": loaded.data.version,
        "items": len(loaded.data.items),
        "ok": True,
    }
    out.emit(
        data,
        f"{args.file}：格式正确（{loaded.data.id} {loaded.data.version}，"
        f"{len(loaded.data.items)} 个条目）",
    )


def cmd_checklist_install(args: argparse.Namespace, out: Printer) -> None:
    from inspector.paths import resolve_home

    home = resolve_home(args.home).ensure()
    loaded = install_file(Path(args.file), home.checklists)
    data = {"id": loaded.data.id, "version": loaded.data.version, "installed": str(loaded.path)}
    out.emit(data, f"已安装清单 {loaded.data.id} {loaded.data.version}")


# --- parsers -----------------------------------------------------------------------------


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    checklist = commands.add_parser("checklist", help="检查清单", parents=[common])
    sub = checklist.add_subparsers(dest="action", required=True, metavar="操作")
    sub.add_parser("types", help="机构类型", parents=[common]).set_defaults(run=cmd_checklist_types)
    sub.add_parser("modes", help="检查方式", parents=[common]).set_defaults(run=cmd_checklist_modes)
    focus = sub.add_parser("focus", help="专项（重点领域）", parents=[common])
    focus.add_argument("--type", help="只列出适用于该机构类型的专项")
    focus.set_defaults(run=cmd_checklist_focus)
    show = sub.add_parser("show", help="为一次检查组合清单", parents=[common])
    show.add_argument("--type", required=True, help="机构类型（代码或中文名）")
    show.add_argument("--mode", default="surprise", help="检查方式（默认：突击检查）")
    show.add_argument("--focus", nargs="*", help="专项代码")
    show.set_defaults(run=cmd_checklist_show)
    check = sub.add_parser("check", help="检查清单文件的格式", parents=[common])
    check.add_argument("file")
    check.set_defaults(run=cmd_checklist_check)
    install = sub.add_parser("install", help="安装新的清单文件（如专项包）", parents=[common])
    install.add_argument("file")
    install.set_defaults(run=cmd_checklist_install)
