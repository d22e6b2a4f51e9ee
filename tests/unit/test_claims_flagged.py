"""Sampling 结合智能监控数据 (seed 004): the bills the rule engine flagged are taken first among
the sampled ones (all of them, or a seeded draw among them when they are more than the rate
allows), then the random rest; the same file, seed and flagged set give the same list; the rule
and the flagged set's fingerprint are stated with the sample and on the record."""

from __future__ import annotations

import hashlib
import math
import random
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from inspector.claims.sampling import (
    FLAGGED,
    LARGE,
    RANDOM,
    TOP,
    SampleReport,
    attach_sample,
    build_sample,
    read_flagged,
    samples_of,
)
from inspector.inspections import get_inspection
from inspector.record.facts import gather_facts
from inspector.workspace import Workspace
from tests.helpers.claims import RULES, claims_inspection, generate, write_csv


def listed(report: SampleReport) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {LARGE: [], FLAGGED: [], RANDOM: [], TOP: []}
    for bill in report.iter_bills():
        found[bill["rule"]].append(bill["bill_no"])
    return found


def _when(row: list[Any]) -> date:
    return row[6] if row[4] == "住院" else row[7]


def _rest(rows: list[list[Any]]) -> list[str]:
    """The bills the rate applies to, computed without the code under test."""
    return [
        r[0]
        for r in rows
        if _when(r) >= RULES.since and not (r[4] == "住院" and r[8] * 100 > RULES.threshold_fen)
    ]


def _key(bill: str, seed: int = RULES.seed) -> tuple[int, str]:
    digest = hashlib.sha256(f"{seed}/{bill}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1, bill


def test_every_flagged_bill_is_taken_first_then_the_random_rest(
    workspace: Workspace, tmp_path: Path
) -> None:
    rows = generate(2000)
    rest = _rest(rows)
    k = math.ceil(Decimal("0.1") * len(rest))
    flagged = frozenset(random.Random(5).sample(rest, 30))  # fewer than k
    assert len(flagged) < k
    rules = replace(RULES, flagged=flagged, flagged_source="测试疑点")
    report = build_sample(workspace, write_csv(tmp_path / "结算.csv", rows), rules)
    got = listed(report)
    assert set(got[FLAGGED]) == flagged
    assert report.counts[FLAGGED] == 30 and report.flagged_in_rest == 30
    # The rest of the rate from the bills not flagged, by the seeded hash.
    others = sorted((b for b in rest if b not in flagged), key=_key)
    assert set(got[RANDOM]) == set(others[: k - 30])
    assert report.counts[FLAGGED] + report.counts[RANDOM] == k
    # Without the flagged set, the plain random rule (the list differs).
    plain = build_sample(workspace, write_csv(tmp_path / "b.csv", rows), RULES)
    assert FLAGGED not in plain.counts
    assert not flagged <= set(listed(plain)[RANDOM])


def test_more_flagged_than_the_rate_a_seeded_draw_among_them(
    workspace: Workspace, tmp_path: Path
) -> None:
    rows = generate(1000)
    rest = _rest(rows)
    k = math.ceil(Decimal("0.1") * len(rest))
    flagged = frozenset(rest[: 3 * k])
    rules = replace(RULES, flagged=flagged)
    report = build_sample(workspace, write_csv(tmp_path / "结算.csv", rows), rules)
    got = listed(report)
    assert got[RANDOM] == []
    assert set(got[FLAGGED]) == set(sorted(flagged, key=_key)[:k])
    # Reproducible: rows in another order, the same bills; another seed, other bills.
    shuffled = rows[:]
    random.Random(2).shuffle(shuffled)
    again = build_sample(workspace, write_csv(tmp_path / "again.csv", shuffled), rules)
    assert set(listed(again)[FLAGGED]) == set(got[FLAGGED])
    other = build_sample(workspace, write_csv(tmp_path / "other.csv", rows), replace(rules, seed=7))
    assert set(listed(other)[FLAGGED]) != set(got[FLAGGED])
    assert set(listed(other)[FLAGGED]) <= flagged


def test_the_rule_is_stated_with_the_sample_and_on_the_record(
    workspace: Workspace, tmp_path: Path
) -> None:
    rows = generate(500)
    flagged = frozenset(_rest(rows)[:5])
    listing = tmp_path / "疑点.txt"
    listing.write_text("\n".join(sorted(flagged)) + "\n", encoding="utf-8")
    assert read_flagged(listing) == flagged
    rules = replace(RULES, flagged=read_flagged(listing), flagged_source="疑点.txt")
    inspection = claims_inspection(workspace)
    with build_sample(workspace, write_csv(tmp_path / "结算.csv", rows), rules) as report:
        attach_sample(workspace, inspection, report, rules)
    (sample,) = samples_of(workspace, inspection)
    stated = sample.rules
    assert stated["flagged_count"] == 5
    assert stated["flagged_sha256"] == rules.flagged_sha256()
    assert stated["counts"][FLAGGED] == 5
    assert "智能监控疑点" in stated["description"] and "疑点.txt" in stated["description"]
    assert {b.bill_no for b in sample.bills if b.rule == FLAGGED} == flagged
    (claims,) = gather_facts(workspace, get_inspection(workspace, inspection)).claims
    assert claims.counts["智能监控疑点"] == 5
    assert rules.flagged_sha256() in claims.rules
