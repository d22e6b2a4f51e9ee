"""The office list at scale: the page is read from the indexes in the list's order (no scan
of the inspections, no sort of them), a district's user from both district indexes, deep
pages by key (the same rows as counting from the start), and the filter values from the small
table the commit keeps. Timings are benchmarks/bench_central_list.py's, not these tests'."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select, text

from inspector.central import schema as s
from inspector.central.service import Central
from inspector.errors import InspectorError
from tests.helpers.bundle import full_visit
from tests.helpers.central import Cluster, Server
from tests.helpers.cli import Cli

DISTRICTS = ("历下区", "市中区", "槐荫区", "天桥区", "历城区", "长清区")

# Inspections made in SQL: districts, a team from another district every 7th, ties on the
# start time (every 3 share one) and some without one, 4 statuses, 3 modes, 2 types.
FILL = """
INSERT INTO inspections (id, institution, district, team_district, type, mode, status,
                         record_no, started_at, device_id, pushed_at)
SELECT lpad(to_hex(n), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(n * 7919 % 1000003), 12, '0'),
       '医院' || n,
       (ARRAY['历下区','市中区','槐荫区','天桥区','历城区','长清区'])[n % 6 + 1],
       (ARRAY['历下区','市中区','槐荫区','天桥区','历城区','长清区'])
           [CASE WHEN n % 7 = 0 THEN n % 5 + 1 ELSE n % 6 + 1 END],
       (ARRAY['hospital','pharmacy'])[n % 2 + 1],
       (ARRAY['surprise','flying','cross'])[n % 3 + 1],
       (ARRAY['draft','in_progress','awaiting_signatures','signed'])[n % 4 + 1],
       NULL,
       CASE WHEN n % 97 = 0 THEN NULL
            ELSE timestamptz '2026-01-01 00:00:00+00' - (n / 3) * interval '17 minutes' END,
       'device', now()
FROM generate_series(1, :count) AS n
"""


@pytest.fixture
def central(postgres: Cluster, tmp_path: Path) -> Iterator[Central]:
    running = Central(postgres.create_database(), tmp_path / "store")
    try:
        yield running
    finally:
        running.close()


def _fill(central: Central, count: int) -> None:
    with central.engine.begin() as c:
        c.execute(text(FILL), {"count": count})
    with central.engine.connect() as c:
        c.execution_options(isolation_level="AUTOCOMMIT").execute(
            text("VACUUM ANALYZE inspections")
        )


def _plans(central: Central, call: Any, seqscan: bool = True) -> list[str]:
    """The plan of every statement ``call`` sends to the database (EXPLAIN of each, with its
    parameters); ``seqscan=False``: the plan when an index can serve at all."""
    sent: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append((statement, parameters))

    event.listen(central.engine, "before_cursor_execute", record)
    try:
        call()
    finally:
        event.remove(central.engine, "before_cursor_execute", record)
    plans = []
    with central.engine.connect() as c:
        raw = c.connection.driver_connection
        assert raw is not None
        for statement, parameters in sent:
            with raw.cursor() as cursor:
                cursor.execute(f"SET enable_seqscan = {'on' if seqscan else 'off'}")
                cursor.execute("EXPLAIN " + statement, parameters)
                plans.append("\n".join(row[0] for row in cursor.fetchall()))
    return plans


def _page_plans(plans: list[str]) -> list[str]:
    return [p for p in plans if "Limit" in p]


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"status": "signed"},
        {"district": "历城区"},
        {"since": "2025-06-01", "until": "2025-06-30"},
        {"after": "2025-10-01T00:00:00+00:00,00000000-0000-4000-8000-000000000000"},
    ],
)
def test_the_page_is_read_from_the_index_in_the_lists_order(
    central: Central, filters: dict[str, str]
) -> None:
    _fill(central, 60_000)
    plans = _plans(central, lambda: central.list_inspections(limit=50, **filters))
    pages = _page_plans(plans)
    assert pages, plans
    for plan in pages:
        assert "Seq Scan on inspections" not in plan, plan
        assert "Sort" not in plan, plan  # read in order: no sort of the matching rows
        assert "ix_inspections_list" in plan or "ix_inspections_district_list" in plan, plan


@pytest.mark.parametrize("filters", [{}, {"status": "draft"}, {"mode": "cross"}])
def test_a_district_users_page_reads_both_district_indexes(
    central: Central, filters: dict[str, str]
) -> None:
    _fill(central, 60_000)
    listed = lambda: central.list_inspections(limit=50, area="历城区", **filters)  # noqa: E731
    plans = _plans(central, listed)
    (page,) = _page_plans(plans)
    assert "Seq Scan on inspections" not in page, page
    assert "ix_inspections_district_list" in page and "ix_inspections_team_district_list" in page
    # its count: the two indexes serve it (whether they are cheaper than a scan depends on how
    # many rows the district has)
    for plan in _plans(central, listed, seqscan=False):
        assert "Seq Scan on inspections" not in plan, plan


def _all(central: Central, size: int, **filters: Any) -> tuple[list[str], list[str], int]:
    """Every row's id page by page: by key, and by offset."""
    keyed: list[str] = []
    after = None
    while True:
        total, items = central.list_inspections(limit=size, after=after, **filters)
        if not items:
            break
        keyed += [i["id"] for i in items]
        after = central.page_key(items[-1])
    counted: list[str] = []
    while True:
        total, items = central.list_inspections(limit=size, offset=len(counted), **filters)
        if not items:
            break
        counted += [i["id"] for i in items]
    return keyed, counted, total


@pytest.mark.parametrize(
    "filters",
    [{}, {"area": "历城区"}, {"area": "市中区", "status": "signed"}, {"mode": "flying"}],
)
def test_keyset_pages_are_the_offset_pages(central: Central, filters: dict[str, str]) -> None:
    _fill(central, 3_000)  # ties on the start time, and inspections without one
    keyed, counted, total = _all(central, 47, **filters)
    assert keyed == counted and len(keyed) == total > 47
    assert len(set(keyed)) == len(keyed)
    # the list's order, as the database sorts everything
    t = s.inspections
    where = [t.c.id.in_(keyed)]
    with central.engine.connect() as c:
        expected = c.scalars(
            select(t.c.id).where(*where).order_by(t.c.started_at.desc().nulls_last(), t.c.id)
        ).all()
    assert keyed == list(expected)
    assert any(i is None for i in _starts(central, keyed[-3:]))  # the key crossed into NULLs


def _starts(central: Central, chosen: list[str]) -> list[Any]:
    t = s.inspections
    with central.engine.connect() as c:
        return list(c.scalars(select(t.c.started_at).where(t.c.id.in_(chosen))).all())


@pytest.mark.parametrize(
    "after", ["", "x", "2026-01-01T00:00:00,", "not a time,abc", "2026-01-01,abc", "," + "a" * 37]
)
def test_a_page_key_no_page_gave_is_refused(central: Central, after: str) -> None:
    with pytest.raises(InspectorError, match="翻页位置无效"):
        central.list_inspections(after=after)


def _distinct(central: Central, area: str | None) -> dict[str, list[str]]:
    t = s.inspections
    seen = [] if area is None else [(t.c.district == area) | (t.c.team_district == area)]
    with central.engine.connect() as c:
        return {
            name: list(
                c.scalars(
                    select(column).distinct().where(column.is_not(None), *seen).order_by(column)
                )
            )
            for name, column in (
                ("district", t.c.district),
                ("type", t.c.type),
                ("mode", t.c.mode),
                ("status", t.c.status),
            )
        }


def test_the_filter_values_of_an_existing_database_are_those_of_its_inspections(
    postgres: Cluster, tmp_path: Path
) -> None:
    """A server upgraded over inspections it holds offers their values (the migration fills
    the small table)."""
    from alembic import command
    from alembic.config import Config

    from inspector.central.service import MIGRATIONS, database_url

    url = postgres.create_database()
    from sqlalchemy import create_engine

    engine = create_engine(database_url(url))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "c0004_server_settings")
        connection.execute(text(FILL), {"count": 500})
    engine.dispose()
    central = Central(url, tmp_path / "store")  # migrates to head
    try:
        for area in (None, "历城区", "长清区", "无此区"):
            assert central.filter_values(area) == _distinct(central, area), area
    finally:
        central.close()


def test_the_filter_values_are_kept_by_the_commit(server: Server, cli: Cli, tmp_path: Path) -> None:
    full_visit(cli, tmp_path)
    cli("sync", "enroll", server.url, server.code(), "--ca", str(server.tls.ca), "--json")
    out, _ = cli("sync", "push", "--json")
    assert json.loads(out)["summary"]
    central = Central(server.db, server.store)
    try:
        for area in (None, "历城区", "市中区"):
            assert central.filter_values(area) == _distinct(central, area), area
        assert central.filter_values(None)["status"], "nothing offered"
    finally:
        central.close()
