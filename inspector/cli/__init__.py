"""The command line: the same core as the desktop app, for scripting and for the field without a
mouse. Every command takes ``--home`` and ``--json``; errors go to stderr with a non-zero exit.

One module per command group (``inspector/cli/<group>.py``), each with ``add_parsers``; output and
the shared helpers in ``inspector/cli/output.py``. No argparse lives in the domain packages."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence

from inspector import __version__
from inspector.cli import (
    audit,
    bundle,
    bureau,
    campaign,
    case,
    checklist,
    claims,
    detail,
    draw,
    evidence,
    home,
    inspection,
    institution,
    keys,
    lead,
    ledger,
    record,
    report,
    rules,
    server,
    stock,
    sync,
    trace,
)
from inspector.cli.output import EXIT_ERROR, Printer
from inspector.errors import InspectorError
from inspector.inspections import REOPEN_FIRST

log = logging.getLogger(__name__)

# What a shell reports for a program that SIGPIPE ended (128 + 13): the reader stopped early.
EXIT_PIPE = 141

# The order of the groups in ``--help``.
GROUPS = (
    checklist,
    inspection,
    campaign,
    evidence,
    keys,
    record,
    bureau,
    ledger,
    case,
    report,
    institution,
    draw,
    claims,
    detail,
    rules,
    lead,
    stock,
    trace,
    bundle,
    home,
    sync,
    server,
    audit,
)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a subcommand's default must not overwrite an option given before it.
    common.add_argument(
        "--home",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="数据目录（默认：INSPECTOR_HOME 或系统用户数据目录）",
    )
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="输出 JSON")
    common.add_argument(
        "--as",
        dest="acting",
        metavar="执法证号",
        default=argparse.SUPPRESS,
        help="以这名检查人员的身份操作（默认：本机当前检查人员，见 config current_inspector）",
    )

    common.add_argument(
        "--home-passphrase-file",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="加密数据目录的口令文件（第一行；或环境变量 INSPECTOR_HOME_PASSPHRASE_FILE）",
    )
    common.add_argument(
        "--keyring",
        action="store_true",
        default=argparse.SUPPRESS,
        help="用系统钥匙串中保存的密钥打开加密数据目录",
    )

    parser = argparse.ArgumentParser(
        prog="inspector", description="医保基金现场检查 Inspector：命令行", parents=[common]
    )
    parser.add_argument("--version", action="version", version=f"Inspector {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="命令")

    for group in GROUPS:
        group.add_parsers(commands, common)
    return parser


# The command to type, after a core message that names none (the app shows the same message
# without it): keyed by the message's template.
CLI_HINTS = {
    REOPEN_FIRST: "命令：inspection reopen 检查编号",
}


def main(argv: Sequence[str] | None = None) -> int:
    # A Windows console may not be UTF-8; never crash on printing Chinese.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    parser = build_parser()
    args = parser.parse_args(argv)
    args.home = getattr(args, "home", None)
    args.json = getattr(args, "json", False)
    args.acting = getattr(args, "acting", None) or os.environ.get("INSPECTOR_AS")
    args.home_passphrase_file = getattr(args, "home_passphrase_file", None)
    args.keyring = getattr(args, "keyring", False)
    out = Printer(args.json)
    _start_log(args.home)
    try:
        code = args.run(args, out)
        sys.stdout.flush()  # inside the try: a closed pipe shows up here, not at exit
    except BrokenPipeError:
        return _reader_left()
    except InspectorError as error:
        message = str(error) + CLI_HINTS.get(error.template, "")
        if args.json:
            print(json.dumps({"error": message}, ensure_ascii=False), file=sys.stderr)
        else:
            print(f"错误：{message}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as error:  # a bug: its frames into the log, the traceback to stderr
        from inspector.diagnostics import log_crash

        log_crash(log, f"command {args.command} failed", error)
        raise
    return int(code or 0)


def _start_log(home: str | None) -> None:
    """The data directory's log (inspector/diagnostics.py); the command line works without."""
    from inspector.diagnostics import setup_logging
    from inspector.paths import resolve_home

    setup_logging(resolve_home(home))


def _reader_left() -> int:
    """The reader of our output stopped early (``... | head -1``): stop quietly. Python's
    documented recipe: point stdout at devnull so that the flush at exit does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_PIPE
