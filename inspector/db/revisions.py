"""The schema's newest revisions, read from the migration files as text: what the database must
be at before anything reads it without migrating it first (inspector/listing.py's early list)
and what inspector/db/migrate.py compares against. Neither SQLAlchemy nor Alembic is imported."""

from __future__ import annotations

import re
from pathlib import Path

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"^revision\s*=\s*[\"']([^\"']+)[\"']", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision\s*=\s*(.+)$", re.MULTILINE)


def script_heads() -> set[str]:
    """The heads, read from the migration files as text (tested to agree with Alembic)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        revision = _REVISION.search(text)
        down = _DOWN_REVISION.search(text)
        if revision is None or down is None:
            raise RuntimeError(f"migration without revision ids: {path.name}")
        revisions.add(revision.group(1))
        parents.update(re.findall(r"[\"']([^\"']+)[\"']", down.group(1)))
    return revisions - parents
