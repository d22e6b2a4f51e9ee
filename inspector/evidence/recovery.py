"""Which stored files the database still names: the question the store asks before it deletes
what interrupted or cancelled work left (see store.py)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import or_, select

from inspector.db.engine import Database
from inspector.db.models import Evidence


def referenced_in(db: Database) -> Callable[[set[str]], set[str]]:
    def referenced(hashes: set[str]) -> set[str]:
        if not hashes:
            return set()
        found: set[str] = set()
        wanted = sorted(hashes)
        with db.session() as session:
            for start in range(0, len(wanted), 300):  # SQLite's limit on bound parameters
                part = wanted[start : start + 300]
                rows = session.execute(
                    select(Evidence.sha256, Evidence.thumb_sha256, Evidence.print_sha256).where(
                        or_(
                            Evidence.sha256.in_(part),
                            Evidence.thumb_sha256.in_(part),
                            Evidence.print_sha256.in_(part),
                        )
                    )
                )
                for row in rows:
                    found.update(value for value in row if value in hashes)
        return found

    return referenced
