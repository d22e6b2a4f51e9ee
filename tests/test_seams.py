"""Seams for encryption and sync (issue 8): the UI opens no session and runs no SQL, and no
core module but the engine's opens a database file."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _tree(path: Path) -> ast.AST:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def test_the_ui_imports_no_sqlalchemy_and_opens_no_session() -> None:
    offenders: list[str] = []
    files = sorted((ROOT / "ui").rglob("*.py"))
    assert len(files) > 5
    for path in files:
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                names = []
            offenders += [f"{path.name}: import {n}" for n in names if n.startswith("sqlalchemy")]
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("session", "execute", "scalars", "scalar", "connect")
                and "db" in ast.unparse(node.func.value).split(".")
            ):
                offenders.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
    assert offenders == []


def test_only_the_engine_module_opens_a_database_file() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "inspector").rglob("*.py"))
        if path.name != "engine.py" and "sqlite3.connect" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_evidence_files_are_read_through_the_store_only() -> None:
    """No caller gets a stored file's path: readers take bytes or a handle from the store
    (``EvidenceStore.open``/``read_bytes``), the one place that will decrypt them."""
    offenders = []
    for folder in ("inspector", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path == ROOT / "inspector" / "evidence" / "store.py":
                continue
            for node in ast.walk(_tree(path)):
                if isinstance(node, ast.Attribute) and node.attr == "path_for":
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
