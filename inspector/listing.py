"""The home list's queries: the inspections newest first, filtered, a page at a time, with their
answers counted, and the districts and modes that occur. Written once, in SQL over a DB-API
connection, so that the same statements serve the workspace (over one of its engine's
connections: inspector/inspections.py) and :class:`ListReader`, which fills the app's list at
start-up before SQLAlchemy, the models and the checklist schema are imported.
Nothing here imports SQLAlchemy."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from inspector.db.enums import InspectionStatus, Result


@dataclass
class InspectionSummary:
    id: str
    status: InspectionStatus
    institution_name: str
    type_code: str
    mode: str
    district: str
    created_at: datetime
    item_count: int
    answered: int
    problems: int
    amount_fen: int
    # The visiting team's home district (交叉检查): a host district's bureau sees a visit to one
    # of its institutions under its own district, with where the team came from.
    team_district: str | None = None
    amends_id: str | None = None  # this visit's record corrects that one's
    amended: bool = False  # a correction of this one's record exists


@dataclass(frozen=True)
class InspectionFilter:
    status: InspectionStatus | None = None
    district: str | None = None
    mode: str | None = None
    institution: str | None = None  # part of the institution's name
    since: datetime | None = None  # created at or after
    until: datetime | None = None  # created before


EVERYTHING = InspectionFilter()  # no filter: the default of every query

FROM = " FROM inspections JOIN institutions ON institutions.id = inspections.institution_id"
COLUMNS = (
    "SELECT inspections.id, inspections.status, institutions.name, institutions.type_code,"
    " inspections.mode, inspections.district, inspections.created_at, inspections.item_count,"
    " inspections.team_district, inspections.amends_id"
)
COUNTS = (
    "SELECT inspection_id, sum(CASE WHEN result != ? THEN 1 ELSE 0 END),"
    " sum(CASE WHEN result = ? THEN 1 ELSE 0 END),"
    " sum(CASE WHEN result = ? THEN coalesce(amount_fen, 0) ELSE 0 END)"
    " FROM answers WHERE inspection_id IN ({marks}) GROUP BY inspection_id"
)
AMENDED = "SELECT amends_id FROM inspections WHERE amends_id IN ({marks})"
CHUNK = 500  # SQLite caps the number of bound parameters


def stored_time(value: datetime) -> str:
    """A time as the models store it (inspector/db/models.py UTCDateTime over SQLAlchemy's
    SQLite DATETIME): naive UTC text, so that comparisons in SQL are text comparisons."""
    if value.tzinfo is None:
        raise ValueError("naive datetime: give a time zone")
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _read_time(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _where(filters: InspectionFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    values: list[Any] = []
    if filters.status is not None:
        clauses.append("inspections.status = ?")
        values.append(str(filters.status))
    if filters.district:
        clauses.append("inspections.district = ?")
        values.append(filters.district)
    if filters.mode:
        clauses.append("inspections.mode = ?")
        values.append(filters.mode)
    if filters.institution:
        escaped = filters.institution.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clauses.append("institutions.name LIKE ? ESCAPE '\\'")
        values.append(f"%{escaped}%")
    if filters.since is not None:
        clauses.append("inspections.created_at >= ?")
        values.append(stored_time(filters.since))
    if filters.until is not None:
        clauses.append("inspections.created_at < ?")
        values.append(stored_time(filters.until))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), values


@contextmanager
def _snapshot(connection: Any) -> Iterator[Any]:
    """One read transaction, so that a page and its counts agree with each other."""
    cursor = connection.cursor()
    cursor.execute("BEGIN")
    try:
        yield cursor
    finally:
        cursor.execute("COMMIT")
        cursor.close()


def count_rows(connection: Any, filters: InspectionFilter = EVERYTHING) -> int:
    where, values = _where(filters)
    with _snapshot(connection) as cursor:
        return int(cursor.execute("SELECT count(*)" + FROM + where, values).fetchone()[0])


def search_rows(
    connection: Any,
    filters: InspectionFilter = EVERYTHING,
    offset: int = 0,
    limit: int | None = None,
) -> list[InspectionSummary]:
    """Newest first. Only the columns a list shows are read (not the checklist snapshot), and
    answers are counted for the rows of this page only, so a page costs the same with 5 or
    5,000 inspections on the laptop."""
    where, values = _where(filters)
    query = COLUMNS + FROM + where + " ORDER BY inspections.created_at DESC, inspections.id"
    if limit is not None or offset:
        query += " LIMIT ? OFFSET ?"
        values += [-1 if limit is None else limit, offset]
    with _snapshot(connection) as cursor:
        rows = cursor.execute(query, values).fetchall()
        ids = [row[0] for row in rows]
        counts: dict[str, tuple[int, int, int]] = {}
        amended: set[str] = set()
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            marks = ", ".join("?" * len(chunk))
            amended.update(row[0] for row in cursor.execute(AMENDED.format(marks=marks), chunk))
            outcomes = [str(Result.UNCHECKED), str(Result.PROBLEM), str(Result.PROBLEM)]
            for inspection_id, answered, problems, amount in cursor.execute(
                COUNTS.format(marks=marks), outcomes + chunk
            ):
                counts[inspection_id] = (int(answered), int(problems), int(amount))
    return [
        InspectionSummary(
            id=row[0],
            status=InspectionStatus(row[1]),
            institution_name=row[2],
            type_code=row[3],
            mode=row[4],
            district=row[5],
            created_at=_read_time(row[6]),
            item_count=row[7],
            answered=counts.get(row[0], (0, 0, 0))[0],
            problems=counts.get(row[0], (0, 0, 0))[1],
            amount_fen=counts.get(row[0], (0, 0, 0))[2],
            team_district=row[8],
            amends_id=row[9],
            amended=row[0] in amended,
        )
        for row in rows
    ]


def choice_rows(connection: Any) -> tuple[list[str], list[str]]:
    """The districts and modes that occur, for the home list's filters."""
    with _snapshot(connection) as cursor:
        districts = cursor.execute(
            "SELECT DISTINCT district FROM inspections ORDER BY district"
        ).fetchall()
        modes = cursor.execute("SELECT DISTINCT mode FROM inspections").fetchall()
    return [row[0] for row in districts], [row[0] for row in modes]


class ListReader:
    """The home list read straight from the database file, before the workspace is open: the
    app shows it while the core loads (ui/app.py). Read only (``query_only``); the workspace's
    own opening still migrates, cleans up and checks everything as before.

    ``key`` is an encrypted data directory's database key (from the sign-in)."""

    def __init__(self, path: Path, key: bytes | None = None) -> None:
        from inspector.db.connect import connect

        self.connection = connect(path, key)
        try:
            self.connection.isolation_level = None  # BEGIN and COMMIT as _snapshot says
            self.connection.execute("PRAGMA query_only = ON")
            self.connection.execute("PRAGMA busy_timeout = 5000")
        except BaseException:
            self.connection.close()
            raise

    def current(self) -> bool:
        """True when the database is at this version's schema, the statements' condition (one
        that must be upgraded first waits for the workspace, which upgrades it)."""
        from inspector.db.revisions import script_heads

        try:
            rows = self.connection.execute("SELECT version_num FROM alembic_version").fetchall()
        except Exception:  # no such table: a database not made by Inspector, or a new one
            return False
        return {row[0] for row in rows} == script_heads()

    def count(self, filters: InspectionFilter = EVERYTHING) -> int:
        return count_rows(self.connection, filters)

    def search(
        self,
        filters: InspectionFilter = EVERYTHING,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[InspectionSummary]:
        return search_rows(self.connection, filters, offset, limit)

    def choices(self) -> tuple[list[str], list[str]]:
        return choice_rows(self.connection)

    def close(self) -> None:
        self.connection.close()
