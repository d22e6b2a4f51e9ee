"""Seams for encryption and sync: the UI opens no session and runs no SQL, and no
core module but the engine's opens a database file."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from inspector.errors import StorageError
from inspector.workspace import Workspace
from tests.helpers.homes import ROOT
from tests.helpers.lawful import finish_lawfully


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
    """The engine, and its DB-API half that the early home list uses before SQLAlchemy is
    imported (inspector/db/connect.py)."""
    allowed = {ROOT / "inspector" / "db" / "engine.py", ROOT / "inspector" / "db" / "connect.py"}
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "inspector").rglob("*.py"))
        if path not in allowed and "sqlite3.connect" in path.read_text(encoding="utf-8")
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


def test_record_files_are_read_through_the_record_store_only() -> None:
    """Only the record store knows where record PDFs lie (``DataDir.records``)."""
    offenders = []
    for folder in ("inspector", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path in (
                ROOT / "inspector" / "record" / "store.py",
                ROOT / "inspector" / "paths.py",
            ):
                continue
            for node in ast.walk(_tree(path)):
                if (
                    isinstance(node, ast.Attribute)
                    and node.attr == "records"
                    and ast.unparse(node.value).endswith("home")
                ):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_a_record_is_shown_and_saved_from_its_kept_bytes(
    workspace: Workspace, tmp_path: Path
) -> None:
    from inspector.inspections import TeamMember, create_inspection
    from inspector.record.build import build_record
    from inspector.record.status import latest_record, record_bytes, save_record_copy

    inspection_id = create_inspection(
        workspace,
        institution="某药店",
        type_code="retail_pharmacy",
        mode="surprise",
        district="市中区",
        team=[TeamMember("张伟", "370100001"), TeamMember("李娜", "370100002")],
    )
    finish_lawfully(workspace, inspection_id)
    _path, sha256 = build_record(workspace, inspection_id)
    record = latest_record(workspace, inspection_id)
    assert record is not None
    data = record_bytes(workspace, record)
    assert data.startswith(b"%PDF-") and record.sha256 == sha256
    copy = save_record_copy(workspace, record, tmp_path / "副本.pdf")
    assert copy.read_bytes() == data
    # A kept file changed behind the database's back is not copied out as the record.
    kept = workspace.home.root / record.file
    kept.write_bytes(data + b"%tampered\n")
    with pytest.raises(StorageError, match="改动"):
        save_record_copy(workspace, record, tmp_path / "再存.pdf")
    assert not (tmp_path / "再存.pdf").exists()
