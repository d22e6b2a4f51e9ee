"""The core (inspector/) must never import Qt: the command line, the sync service and the tests
of the core run without it, and a Qt call from core code would break that silently."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.helpers.homes import ROOT

CORE = ROOT / "inspector"
QT = ("PySide6", "PyQt5", "PyQt6", "PySide2", "shiboken6", "qtpy")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_no_core_module_imports_qt() -> None:
    offenders = [
        f"{path.relative_to(CORE.parent)}: {name}"
        for path in sorted(CORE.rglob("*.py"))
        for name in _imports(path)
        if name.split(".")[0] in QT
    ]
    assert offenders == []
    assert len(list(CORE.rglob("*.py"))) > 10  # the scan saw the core


def test_importing_the_whole_core_loads_no_qt() -> None:
    modules = [
        ".".join(path.relative_to(CORE.parent).with_suffix("").parts)
        for path in sorted(CORE.rglob("*.py"))
        if "migrations" not in path.parts
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"loaded = sorted(m for m in sys.modules if m.split('.')[0] in {QT!r})\n"
        "print(','.join(loaded))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=CORE.parent,
    )
    assert done.stdout.strip() == ""
