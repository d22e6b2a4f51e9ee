"""The 情况报告 over every laptop: the rows the laptops pushed that the report reads, put into a
throwaway in-memory SQLite database of the laptop's own schema (``Base.metadata``) through the
bundle's decoding, and the laptop's :func:`inspector.ledger.report.report_figures` run over
it. One implementation of the figures: the server's report is the laptop's, over the merged
data. The workbook and the PDF are the laptop's writers too.

What is loaded from ``rows`` (never a deleted row), by the laptop schema's own keys, so that a
table the server begins to hold (the case tables, once cases travel) is loaded by the same
rules without a change here:

- the signed inspections whose visit ended in the period, a day's margin either side (the
  visit's time is UTC; report_figures applies the period on the server's calendar), of the
  district asked; and every signed amendment that corrects one of them (the amendment counts
  instead, wherever it falls);
- the ledger's findings of the period, of the district and institution type, not 已更正;
- the cases opened in the period, and those taking the findings;
- the rows that belong to a finding or a case (tables whose foreign key names
  ``ledger_entries`` or ``cases``: case steps, measures, payments), and every row all these
  refer to (their foreign keys: the institutions, the answers, the checklist snapshots ...).

A district's office user gets its own district's report only; every other figure is
report_figures' own. A campaign's report (``Asked.within``, inspector/central/
campaign_reports.py) loads the visits tagged with the campaign in its districts, and the
findings and cases of those districts; report_figures keeps those of the campaign's visits."""

from __future__ import annotations

import json
import os
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.dialects.postgresql import array
from sqlalchemy.sql.elements import Null

from inspector.bundle import rows as bundle_rows
from inspector.central import schema as s
from inspector.checklists.library import Library, load_library
from inspector.db.engine import Database
from inspector.db.models import Base
from inspector.errors import InvalidInput
from inspector.evidence.store import EvidenceStore
from inspector.ledger.report import (
    ReportFigures,
    Within,
    report_figures,
    write_pdf,
    write_workbook,
)
from inspector.paths import DataDir
from inspector.workspace import Workspace

BUREAU_ENV = "INSPECTOR_CENTRAL_BUREAU"  # the issuing unit, as the server is configured
DAY = timedelta(days=1)
# The tables whose rows belong to a finding or a case: theirs are loaded with them.
OWNERS = ("ledger_entries", "cases")
BATCH = 5000  # keys in one IN list


@dataclass(frozen=True)
class Asked:
    """A report as asked: the period, and the district and institution type (None: all)."""

    since: date
    until: date
    district: str | None = None
    type_code: str | None = None
    within: Within | None = None  # a campaign's report

    @property
    def districts(self) -> tuple[str, ...]:
        """The districts read (empty: every one)."""
        if self.district:
            return (self.district,)
        return self.within.districts if self.within is not None else ()


def parse_day(text: str | None, what: str) -> date:
    if text is None or not text.strip():
        raise InvalidInput("请给出{what}（YYYY-MM-DD）", what=what)
    try:
        return date.fromisoformat(text.strip())
    except ValueError as error:
        raise InvalidInput("{what}“{text}”应写成 YYYY-MM-DD", what=what, text=text[:40]) from error


def ask(
    since: str | None,
    until: str | None,
    district: str | None = None,
    type_code: str | None = None,
    area: str | None = None,
) -> Asked:
    """The report a user asked for, checked: real dates in order; a district's user
    (``area``) gets its own district, and is refused another's."""
    first, last = parse_day(since, "报告期开始日期"), parse_day(until, "报告期结束日期")
    if last < first:
        raise InvalidInput("报告期的结束日期早于开始日期")
    return Asked(first, last, asked_district(district, area), (type_code or "").strip() or None)


def asked_district(district: str | None, area: str | None) -> str | None:
    """The district a report is asked for (None: all): a district's office user (``area``)
    gets its own whatever the form left empty, and is refused another's."""
    district = (district or "").strip() or None
    if area is not None:
        if district is not None and district != area:
            raise InvalidInput(
                "本用户只能查看{area}的情况报告，不能查看{district}的",
                area=area,
                district=district[:40],
            )
        district = area
    return district


# --- the rows in scope ----------------------------------------------------------------------


def _key(name: str, data: dict[str, Any]) -> str:
    """A row's key as the server stores it (service._Merge.run)."""
    return json.dumps([data.get(k) for k in bundle_rows.primary_key(name)], ensure_ascii=False)


def _batches(values: Iterable[str]) -> Iterator[list[str]]:
    ordered = sorted(set(values))
    for start in range(0, len(ordered), BATCH):
        yield ordered[start : start + BATCH]


class _Gathered:
    def __init__(self, c: Connection) -> None:
        self.c = c
        self.tables: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)

    def where(self, name: str, *where: Any) -> list[dict[str, Any]]:
        r = s.rows.c
        found = list(
            self.c.scalars(select(r.data).where(r.table_name == name, r.deleted.is_(False), *where))
        )
        self.keep(name, found)
        return found

    def keep(self, name: str, found: Iterable[dict[str, Any]]) -> None:
        held = self.tables[name]
        for data in found:
            held[_key(name, data)] = data

    def by_column(
        self, name: str, column: str, values: Iterable[str], *where: Any
    ) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        for batch in _batches(values):
            found += self.where(name, s.rows.c.data[column].astext.in_(batch), *where)
        return found

    def by_key(self, name: str, keys: Iterable[str]) -> bool:
        """The rows of ``name`` with these (single-column) keys not held yet; True if any."""
        held = self.tables[name]
        wanted = {json.dumps([k], ensure_ascii=False) for k in keys} - set(held)
        added = False
        for batch in _batches(wanted):
            found = self.where(name, s.rows.c.row_key.in_(batch))
            added = added or bool(found)
        return added


def _cases_of_district(g: _Gathered, districts: tuple[str, ...]) -> None:
    """Only the districts' cases: those of their institutions (as report_figures counts them),
    so that nothing of another district's cases is read for a district's report."""
    r = s.rows.c
    named = {
        str(d["institution_id"]) for d in g.tables["cases"].values() if d.get("institution_id")
    }
    places: set[str] = set()
    for batch in _batches(json.dumps([i], ensure_ascii=False) for i in named):
        places.update(
            g.c.scalars(
                select(r.data["id"].astext).where(
                    r.table_name == "institutions",
                    r.row_key.in_(batch),
                    r.deleted.is_(False),
                    r.data["district"].astext.in_(districts),
                )
            )
        )
    g.tables["cases"] = {
        k: d for k, d in g.tables["cases"].items() if str(d.get("institution_id")) in places
    }


def gather(c: Connection, asked: Asked) -> dict[str, dict[str, dict[str, Any]]]:
    """The rows the report reads, by table and key (see the module's docstring)."""
    g = _Gathered(c)
    r = s.rows.c

    def text(column: str) -> Any:
        return r.data[column].astext

    # The visit's end is UTC: its local day may be the day before or after.
    low = (asked.since - DAY if asked.since > date.min else asked.since).isoformat()
    high = (asked.until + DAY if asked.until < date.max else asked.until).isoformat()
    visits = [func.substr(text("ended_at"), 1, 10).between(low, high), text("status") == "signed"]
    findings = [
        text("found_on").between(asked.since.isoformat(), asked.until.isoformat()),
        text("status") != "superseded",
    ]
    if asked.districts:
        visits.append(text("district").in_(asked.districts))
        findings.append(text("district").in_(asked.districts))
    if asked.within is not None:
        visits.append(text("campaign_id") == asked.within.campaign_id)
    if asked.type_code:
        findings.append(text("type_code") == asked.type_code)
    seen = g.where("inspections", *visits)
    g.by_column("inspections", "amends_id", (d["id"] for d in seen), text("status") == "signed")
    g.where("ledger_entries", *findings)
    g.where("cases", text("opened_on").between(asked.since.isoformat(), asked.until.isoformat()))
    # and the cases taking those findings, whenever opened (the 典型案例 say how each was
    # handled; report_figures counts a case's money in the period it was opened)
    found = [str(d["id"]) for d in g.tables["ledger_entries"].values()]
    for batch in _batches(found):
        g.where("cases", r.data["entry_ids"].has_any(array(batch)))
    if asked.districts:
        _cases_of_district(g, asked.districts)
    # What belongs to a finding or a case, whichever tables hold it.
    for owner in OWNERS:
        ids = [str(d["id"]) for d in g.tables[owner].values()]
        for table in Base.metadata.sorted_tables if ids else []:
            for fk in table.foreign_keys:
                if fk.column.table.name == owner:
                    g.by_column(table.name, fk.parent.name, ids)
    # Every row these refer to, and theirs.
    pending = [name for name, held in g.tables.items() if held]
    while pending:
        name = pending.pop()
        for fk in Base.metadata.tables[name].foreign_keys:
            parent = fk.column.table
            if len(parent.primary_key.columns) != 1:
                continue
            wanted = {
                str(d[fk.parent.name])
                for d in g.tables[name].values()
                if d.get(fk.parent.name) is not None
            }
            if g.by_key(parent.name, wanted):
                pending.append(parent.name)
    return {name: held for name, held in g.tables.items() if held}


# --- the throwaway workspace ----------------------------------------------------------------


def library(engine: Any) -> Library:
    """The checklist library the laptops have: the shipped one and the latest checklist file
    the office published (``server publish checklist``), for the names of institution types,
    modes and violation categories (a code it lacks is shown as the code)."""
    with engine.connect() as c:
        latest = c.execute(
            select(s.publications.c.version, s.publications.c.name, s.publications.c.body)
            .where(s.publications.c.kind == "checklist")
            .order_by(s.publications.c.version.desc())
            .limit(1)
        ).first()
    if latest is None:
        return _library(None, "", b"")
    return _library(latest.version, latest.name, latest.body)


@cache
def _library(version: int | None, name: str, body: bytes) -> Library:
    if version is None:
        return load_library()
    with tempfile.TemporaryDirectory(prefix="inspector-report-") as folder:
        # as a laptop installs it (a file that does not load is ignored, with a warning)
        (Path(folder) / Path(name).name).write_bytes(body)
        return load_library(user_dir=Path(folder))


@contextmanager
def scratch_workspace(
    tables: dict[str, dict[str, dict[str, Any]]], names: Library | None = None
) -> Iterator[Workspace]:
    """A workspace over an in-memory database holding ``tables`` (decoded as a bundle's rows
    are), with the checklist library ``names`` (the shipped one by default); nothing is
    written to disk."""
    with tempfile.TemporaryDirectory(prefix="inspector-report-") as folder:
        root = Path(folder)
        db = Database.in_memory()
        ws = Workspace(
            home=DataDir(root),
            db=db,
            store=EvidenceStore(root / "evidence"),
            library=names or _library(None, "", b""),
        )
        try:
            with db.engine.begin() as connection:
                for name, held in tables.items():
                    batches: dict[frozenset[str], list[dict[str, Any]]] = defaultdict(list)
                    for data in held.values():
                        values = {
                            k: None if isinstance(v, Null) else v
                            for k, v in bundle_rows.decode(name, data).items()
                        }
                        batches[frozenset(values)].append(values)
                    for batch in batches.values():
                        connection.execute(insert(Base.metadata.tables[name]), batch)
            yield ws
        finally:
            ws.close()


def central_report(engine: Any, asked: Asked) -> ReportFigures:
    """The 情况报告 over every laptop's pushed rows: report_figures, over the rows in scope."""
    # One snapshot of the rows (a push committing meanwhile is in it whole or not at all).
    with engine.connect().execution_options(isolation_level="REPEATABLE READ") as c, c.begin():
        tables = gather(c, asked)
    with scratch_workspace(tables, library(engine)) as ws:
        return report_figures(
            ws, asked.since, asked.until, asked.district, asked.type_code, asked.within
        )


# --- the issuing unit -----------------------------------------------------------------------


def issuing_unit(engine: Any, district: str | None, named: str | None = None) -> str:
    """Who issues the report: the name given; else the server's configuration
    (``INSPECTOR_CENTRAL_BUREAU``); else the bureaus the office published (``server publish
    bureaus``): the one serving the district, else the city's (the one serving no district),
    else the only one."""
    for given in (named, os.environ.get(BUREAU_ENV)):
        if given and given.strip():
            return given.strip()
    from inspector.bureaus import Bureau

    with engine.connect() as c:
        body = c.scalar(
            select(s.publications.c.body)
            .where(s.publications.c.kind == "bureaus")
            .order_by(s.publications.c.version.desc())
            .limit(1)
        )
    try:
        bureaus = [Bureau.of(item) for item in json.loads(body)] if body else []
    except (ValueError, TypeError, KeyError):
        bureaus = []
    chosen = [b for b in bureaus if district and b.district == district]
    chosen = chosen or [b for b in bureaus if not b.district] or bureaus[:1] * (len(bureaus) == 1)
    if not chosen:
        raise InvalidInput(
            "不知道报告的发文单位：请发布执法主体（server publish bureaus），"
            "或在服务器上设置 {env}，或用 --bureau 指定",
            env=BUREAU_ENV,
        )
    return chosen[0].name


def write_files(
    figures: ReportFigures, bureau: str, xlsx: Path | None = None, pdf: Path | None = None
) -> None:
    """The laptop's writers: the workbook and the PDF, each if asked."""
    if xlsx is not None:
        write_workbook(figures, xlsx, bureau)
    if pdf is not None:
        write_pdf(figures, pdf, bureau)


def report_file(figures: ReportFigures, bureau: str, kind: str) -> tuple[bytes, str]:
    """The report as one file's bytes (the office page's download) and its name."""
    if kind not in ("xlsx", "pdf"):
        raise InvalidInput("报告文件的扩展名应为 .xlsx 或 .pdf")
    title = f"{figures.within.name}{figures.within.heading}" if figures.within else "情况报告"
    name = f"{title}-{figures.district or '全部区县'}-{figures.since}-{figures.until}.{kind}"
    with tempfile.TemporaryDirectory(prefix="inspector-report-") as folder:
        target = Path(folder) / f"report.{kind}"
        write_files(figures, bureau, **{kind: target})
        return target.read_bytes(), name
