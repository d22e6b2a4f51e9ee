"""Running the rules for an inspection and keeping what they found: each run one audited
change (``rules.run``) with its hits, and the reads that leads and sampling use —
:func:`rule_hits` (the latest run's hits) and :func:`flagged_settlements` (the bills those hits
name: what a sample 结合智能监控数据 takes first)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import duckdb
from sqlalchemy import insert, select, text

from inspector.db.models import RuleHitRow, RuleRun
from inspector.errors import InvalidInput
from inspector.progress import NullReporter, Reporter, check_cancel
from inspector.rules.engine import RunContext, RunResult, run_rules
from inspector.rules.knowledge import load_knowledge
from inspector.rules.library import RuleLibrary, load_rule_library
from inspector.rules.stock import load_stock
from inspector.settlement.schema import RuleHit
from inspector.stock.ledgers import Ledger
from inspector.workspace import Workspace

_LEVELS = {"一": 1, "二": 2, "三": 3, "1": 1, "2": 2, "3": 3}


def institution_level(text: str | None) -> int | None:
    """The registry's level (``三级甲等``, ``二级``, ``一级医院`` …) as 1-3; None when the
    registry does not say (未定级, empty)."""
    if not text:
        return None
    for mark, level in _LEVELS.items():
        if f"{mark}级" in text:
            return level
    return None


@dataclass(frozen=True)
class SavedRun:
    run_id: str
    ran_at: datetime
    result: RunResult


def run_for_inspection(
    ws: Workspace,
    inspection_id: str,
    con: duckdb.DuckDBPyConnection,
    *,
    ledgers: Sequence[Ledger] = (),
    period: tuple[date, date] | None = None,
    library: RuleLibrary | None = None,
    reporter: Reporter | None = None,
    source: dict[str, Any] | None = None,
) -> SavedRun:
    """Run every enabled rule over ``con``'s ``detail`` table and keep the hits as a new run
    of the inspection. The institution's level comes from the registry; the 进销存 rule runs
    when ``ledgers`` (purchases and sales) and their ``period`` are given."""
    from inspector.db.models import Institution

    reporter = reporter or NullReporter()
    library = library or load_rule_library(ws.home)
    with ws.db.session() as session:
        from inspector.change import require_editable, resolve_id

        inspection = resolve_id(session, inspection_id)
        require_editable(inspection)  # before the work: a finished visit takes no new run
        inspection_id = inspection.id
        institution = session.get(Institution, inspection.institution_id)
        level = institution_level(institution.level if institution else None)
    counted = con.execute("SELECT count(*) FROM detail").fetchone()
    rows = int(counted[0]) if counted else 0
    if rows == 0:
        raise InvalidInput("本次检查还没有导入结算明细，无法运行规则")
    load_knowledge(con, [k.data for k in library.knowledge])
    stock = None
    if ledgers:
        if period is None:
            raise InvalidInput("进销存规则需要核对期间（起止日期）")
        stock = load_stock(con, ledgers, *period)
    rules = list(library.rules.values())
    reporter.start(len(rules), "正在运行规则…")

    def advance(index: int, rule: Any) -> None:
        check_cancel(reporter)
        reporter.advance(index, rule.name)

    result = run_rules(con, rules, RunContext(level, stock), on_rule=advance)
    reporter.advance(len(rules), "")
    return _save(ws, inspection_id, rows, library, level, stock and period, result, source)


def run_rules_for(
    ws: Workspace,
    inspection_id: str,
    *,
    ledgers: Sequence[Ledger] = (),
    period: tuple[date, date] | None = None,
    reporter: Reporter | None = None,
) -> SavedRun:
    """``rules run``: the inspection's imported detail (inspector/settlement/store.py's
    open_detail), every installed rule over it, the hits kept as a new run. Raises NotFound
    when no detail was imported. What the app's 线索与疑点 screen calls on the executor."""
    from inspector.settlement.store import detail_info, open_detail

    info = detail_info(ws, inspection_id)
    source = {"name": info.source_name, "sha256": info.source_sha256, "rows": info.rows}
    with open_detail(ws, inspection_id) as con:
        return run_for_inspection(
            ws, inspection_id, con, ledgers=ledgers, period=period, reporter=reporter,
            source=source,
        )  # fmt: skip


def _save(
    ws: Workspace,
    inspection_id: str,
    rows: int,
    library: RuleLibrary,
    level: int | None,
    period: tuple[date, date] | None,
    result: RunResult,
    source: dict[str, Any] | None = None,
) -> SavedRun:
    amount = sum(hit.amount_fen for hit in result.hits)
    with ws.change(None, "rules.run", inspection=inspection_id) as ch:
        assert ch.inspection is not None
        run = ch.add(
            RuleRun(
                inspection_id=ch.inspection.id,
                device_id=ch.device_id,
                detail_rows=rows,
                library=library.versions,
                context={
                    "institution_level": level,
                    "stock_period": [d.isoformat() for d in period] if period else None,
                    "rules": result.rules,
                    "skipped": [list(s) for s in result.skipped],
                    # The imported file the detail came from: a later import makes this run
                    # stale, which leads and sampling can tell.
                    "detail": source,
                },
                hit_count=len(result.hits),
                amount_fen=amount,
            )
        )
        ch.session.flush()
        if result.hits:
            ch.session.execute(
                insert(RuleHitRow),
                [
                    {
                        "run_id": run.id,
                        "inspection_id": run.inspection_id,
                        "ordinal": ordinal,
                        "rule_code": hit.rule_code,
                        "rule_name": hit.rule_name,
                        "rule_type": hit.rule_type,
                        "person_id": hit.person_id,
                        "settlement_nos": list(hit.settlement_nos),
                        "row_nos": list(hit.row_nos),
                        "amount_fen": hit.amount_fen,
                        "explanation": hit.explanation,
                    }
                    for ordinal, hit in enumerate(result.hits, start=1)
                ],
            )
        ch.entity(run)
        ch.details.update(
            {"rows": rows, "hits": len(result.hits), "amount_fen": amount, **library.versions}
        )
        ran_at = run.ran_at
        run_id = run.id
    return SavedRun(run_id, ran_at, result)


def _latest_run(session: Any, inspection_id: str) -> RuleRun | None:
    return session.scalars(
        select(RuleRun)
        .where(RuleRun.inspection_id == inspection_id)
        .order_by(RuleRun.ran_at.desc(), RuleRun.id.desc())
        .limit(1)
    ).first()


def latest_run(ws: Workspace, inspection_id: str) -> dict[str, Any] | None:
    """The latest run's facts (when, with which packs, what was skipped), or None."""
    from inspector.change import resolve_id

    with ws.db.session() as session:
        inspection = resolve_id(session, inspection_id)
        run = _latest_run(session, inspection.id)
        if run is None:
            return None
        return {
            "run_id": run.id,
            "ran_at": run.ran_at,
            "detail_rows": run.detail_rows,
            "library": run.library,
            "context": run.context,
            "hit_count": run.hit_count,
            "amount_fen": run.amount_fen,
        }


def rule_hits(ws: Workspace, inspection_id: str) -> list[RuleHit]:
    """The hits of the inspection's latest run, in the engine's order (rule by rule, the
    largest amount first); none before the rules were run."""
    from inspector.change import resolve_id

    columns = (
        RuleHitRow.rule_code, RuleHitRow.rule_name, RuleHitRow.rule_type, RuleHitRow.person_id,
        RuleHitRow.settlement_nos, RuleHitRow.row_nos, RuleHitRow.amount_fen,
        RuleHitRow.explanation,
    )  # fmt: skip
    with ws.db.session() as session:
        inspection = resolve_id(session, inspection_id)
        run = _latest_run(session, inspection.id)
        if run is None:
            return []
        # Columns, not entities: a run of a million-row detail has tens of thousands of hits.
        found = session.execute(
            select(*columns).where(RuleHitRow.run_id == run.id).order_by(RuleHitRow.ordinal)
        )
        return [
            RuleHit(
                rule_code=code,
                rule_name=name,
                rule_type=kind,
                person_id=person,
                settlement_nos=tuple(str(no) for no in settlements),
                row_nos=tuple(int(no) for no in rows),
                amount_fen=amount,
                explanation=explanation,
            )
            for code, name, kind, person, settlements, rows, amount, explanation in found
        ]


def flagged_settlements(ws: Workspace, inspection_id: str) -> set[str]:
    """The bills (结算单号) the latest run's hits name, gathered by SQLite (json_each) rather
    than by loading every hit."""
    from inspector.change import resolve_id

    with ws.db.session() as session:
        inspection = resolve_id(session, inspection_id)
        run = _latest_run(session, inspection.id)
        if run is None:
            return set()
        found = session.execute(
            text(
                "SELECT DISTINCT j.value FROM rule_hits h, json_each(h.settlement_nos) j "
                "WHERE h.run_id = :run"
            ),
            {"run": run.id},
        )
        return {str(value) for (value,) in found}
