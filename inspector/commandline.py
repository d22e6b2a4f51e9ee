"""What every command-line command shares: how it prints (text, or JSON with ``--json``) and
how it opens the data directory (telling the user, on stderr, what opening did)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from inspector.workspace import Workspace


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


def open_workspace(args: argparse.Namespace) -> Workspace:
    workspace = Workspace.open(args.home)
    for notice in workspace.notices:  # a migration's backup, a checklist file that broke
        print(notice, file=sys.stderr)
    return workspace
