"""What every command-line command shares: how it prints (text, or JSON with ``--json``), how it
opens the data directory (telling the user, on stderr, what opening did), and how it reads a type,
mode or focus pack given by code or by name."""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector.errors import InvalidInput
from inspector.paths import DataDir
from inspector.workspace import Workspace

if TYPE_CHECKING:
    from inspector.checklists.library import Library
    from inspector.crypto.vault import Keys

EXIT_ERROR = 1


class Printer:
    def __init__(self, as_json: bool) -> None:
        self.as_json = as_json

    def emit(self, data: Any, text: str) -> None:
        if self.as_json:
            print(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default))
        else:
            print(text)


def _json_default(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


ENV_HOME_PASSPHRASE_FILE = "INSPECTOR_HOME_PASSPHRASE_FILE"


def read_secret_file(path: Path) -> str:
    """A passphrase from a file: its first line (never from an argument)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidInput("无法读取口令文件 {path}：{error}", path=path, error=error) from error
    lines = text.splitlines()
    return lines[0] if lines else ""


def read_home_passphrase(
    args: argparse.Namespace,
    prompt: str = "数据目录口令：",
    *,
    option: str = "home_passphrase_file",
) -> str:
    """The data directory's passphrase: ``--home-passphrase-file`` (or the file named by
    INSPECTOR_HOME_PASSPHRASE_FILE), else a prompt in a terminal; never an argument."""
    given = getattr(args, option, None)
    if option == "home_passphrase_file" and not given:
        given = os.environ.get(ENV_HOME_PASSPHRASE_FILE)
    if given:
        return read_secret_file(Path(given))
    if not sys.stdin.isatty():
        raise InvalidInput(
            "数据目录已加密，需要口令：请用 --home-passphrase-file 文件、--keyring，"
            "或在终端中运行以输入口令"
        )
    import getpass

    return getpass.getpass(prompt)


def unlock_keys(args: argparse.Namespace) -> Keys | None:
    """The keys of an encrypted data directory (None for a plain one): the OS keyring with
    ``--keyring``, else the passphrase of the inspector ``--as`` names (or the only one)."""
    from inspector.crypto.home import default_holder, load_vault
    from inspector.paths import resolve_home

    data_dir = resolve_home(args.home)
    if not data_dir.encrypted:
        from inspector.crypto.home import finish_interrupted

        finish_interrupted(data_dir.root)
        if not data_dir.encrypted:
            return None
    vault = load_vault(data_dir)
    holder = default_holder(vault, getattr(args, "acting", None))
    if getattr(args, "keyring", False):
        return vault.unlock_with_keyring(holder)
    from inspector.crypto.tries import UnlockTries, unlock_counted

    # The app's rule for wrong passphrases (a growing wait, counted in the data directory).
    return unlock_counted(vault, holder, read_home_passphrase(args), UnlockTries(data_dir.root))


def unlocked_home(args: argparse.Namespace) -> DataDir:
    """The data directory, with its cipher when it is encrypted (for the key store)."""
    from inspector.paths import resolve_home

    data_dir = resolve_home(args.home)
    keys = unlock_keys(args)
    return data_dir if keys is None else DataDir(data_dir.root, cipher=keys.file_cipher())


def open_workspace(args: argparse.Namespace) -> Workspace:
    workspace = Workspace.open(args.home, unlock_keys(args))
    for notice in workspace.notices:  # a migration's backup, a checklist file that broke
        print(notice, file=sys.stderr)
    acting = getattr(args, "acting", None)
    if acting:
        # This command's actor only; the laptop's current inspector stays as it is.
        from inspector.inspections import known_inspectors

        cert_no = acting.strip()
        if cert_no not in {person.cert_no for person in known_inspectors(workspace)}:
            workspace.close()
            raise InvalidInput("--as：本机没有执法证号为 {cert_no} 的检查人员", cert_no=cert_no)
        workspace.actor = cert_no
    return workspace


def resolve_option(kind: str, text: str, options: dict[str, Any]) -> str:
    """A type, mode or focus pack by its code or its Chinese name."""
    if text in options:
        return text
    for code, entry in options.items():
        if text == entry.name:
            return code
    listing = "；".join(f"{code}（{entry.name}）" for code, entry in options.items())
    raise InvalidInput(
        "未知的{kind}：{text}。可选：{listing}", kind=kind, text=text, listing=listing
    )


def library_for(args: argparse.Namespace) -> tuple[Library, list[str]]:
    """The checklist library with the user's installed files (no database needed)."""
    from inspector.checklists.library import load_library
    from inspector.paths import resolve_home

    home = resolve_home(args.home)
    library = load_library(user_dir=home.checklists)
    for warning in library.warnings:  # a broken file replaced by its last good copy: say so
        print(warning, file=sys.stderr)
    return library, library.warnings


def parse_day(text: str | None, what: str = "日期") -> date | None:
    if text is None or not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError as error:
        raise InvalidInput("{what}“{text}”应写成 YYYY-MM-DD", what=what, text=text) from error


def given_day(text: str, what: str = "日期") -> date:
    """A date argument that must be there (``--since`` of a sample, a period's ends)."""
    day = parse_day(text, what)
    if day is None:
        raise InvalidInput("请给出{what}（YYYY-MM-DD）", what=what)
    return day
