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
from sqlalchemy import insert, select

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
    return _save(ws, inspection_id, rows, library, level, stock and period, result)


def _save(
    ws: Workspace,
    inspection_id: str,
    rows: int,
    library: RuleLibrary,
    level: int | None,
    period: tuple[date, date] | None,
    result: RunResult,
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

    with ws.db.session() as session:
        inspection = resolve_id(session, inspection_id)
        run = _latest_run(session, inspection.id)
        if run is None:
            return []
        found = session.scalars(
            select(RuleHitRow).where(RuleHitRow.run_id == run.id).order_by(RuleHitRow.ordinal)
        ).all()
        return [
            RuleHit(
                rule_code=row.rule_code,
                rule_name=row.rule_name,
                rule_type=row.rule_type,
                person_id=row.person_id,
                settlement_nos=tuple(str(no) for no in row.settlement_nos),
                row_nos=tuple(int(no) for no in row.row_nos),
                amount_fen=row.amount_fen,
                explanation=row.explanation,
            )
            for row in found
        ]


def flagged_settlements(ws: Workspace, inspection_id: str) -> set[str]:
    """The bills (结算单号) the latest run's hits name."""
    return {no for hit in rule_hits(ws, inspection_id) for no in hit.settlement_nos}
