"""The 双随机、一公开 draw: RFC 3797 exactly (its worked example), the SHA-256 weighted variant
(reproducible, frequencies that match the weights), recusal that never breaks, the draw.run
event and the planned visits, and ``draw verify`` on published and tampered files."""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.audit import events, verify
from inspector.db.models import MemberRole
from inspector.errors import InvalidInput
from inspector.inspections import get_inspection, list_inspections
from inspector.planning import rfc3797
from inspector.planning.draw import (
    RFC3797,
    WEIGHTED,
    Candidate,
    DrawInputs,
    RosterEntry,
    check_team,
    eligible,
    run,
)
from inspector.planning.publish import verify_publication, write_publication
from inspector.planning.service import (
    candidates,
    prepare,
    run_draw,
)
from inspector.planning.weights import default_weights, load_weights
from inspector.workspace import Workspace
from tests.helpers.cli import Cli
from tests.helpers.draw import REGISTRY, ROSTER, fill_registry_and_roster

# --- RFC 3797, section 6 ----------------------------------------------------------------

RFC_POOL = [
    "John",
    "Mary",
    "Bashful",
    "Dopey",
    "Sleepy",
    "Grouchy",
    "Doc",
    "Sneazy",
    "Handsome",
    "Cassandra",
    "Pollyanna",
    "Pendragon",
    "Pandora",
    "Faith",
    "Hope",
    "Charity",
    "Lee",
    "Longsuffering",
    "Chastity",
    "Smith",
    "Pride",
    "Sloth",
    "Envy",
    "Anger",
    "Kasczynski",
]
RFC_SOURCES = "9319 / 2 5 12 8 10 / 9 18 26 34 41 45"
RFC_KEY = "9319./2.5.8.10.12./9.18.26.34.41.45./"
# The selection the RFC publishes for its example, in order.
RFC_SELECTED = [
    "Lee",
    "Doc",
    "Mary",
    "Charity",
    "Kasczynski",
    "Envy",
    "Sneazy",
    "Anger",
    "Chastity",
    "Pandora",
]
RFC_DIGESTS = (
    "990DD0A5692A029A98B5E01AA28F3459",
    "3691E55CB63FCC37914430B2F70B5EC6",
    "FE814EDF564C190AC1D25753979990FA",
)


def test_the_key_string_is_the_rfcs() -> None:
    # The second source is given unsorted, as in the RFC; the key has it sorted.
    assert rfc3797.key_string(rfc3797.parse_sources(RFC_SOURCES)) == RFC_KEY
    assert rfc3797.key_string([[10, 2], [7]]) == "2.10./7./"
    # A key string pasted back in gives the same sources.
    assert rfc3797.parse_sources(RFC_KEY) == [[9319], [2, 5, 8, 10, 12], [9, 18, 26, 34, 41, 45]]


def test_the_md5_values_are_the_rfcs() -> None:
    for i, digest in enumerate(RFC_DIGESTS):
        assert f"{rfc3797.md5_value(RFC_KEY, i):032X}" == digest


def test_the_rfc_example_selects_exactly_its_published_ten() -> None:
    chosen = rfc3797.select(len(RFC_POOL), 10, RFC_KEY)
    assert [RFC_POOL[i] for i in chosen] == RFC_SELECTED


def test_an_unweighted_draw_of_the_rfc_pool_selects_the_rfcs_ten() -> None:
    pool = tuple(
        Candidate(f"id-{n:02d}", name, "某区", "primary_care", None, "中", "B", 1)
        for n, name in enumerate(RFC_POOL, start=1)
    )
    inputs = DrawInputs(
        method=RFC3797,
        sources=tuple(tuple(s) for s in rfc3797.parse_sources(RFC_SOURCES)),
        count=10,
        team_size=1,
        cross_district=False,
        reuse_inspectors=True,
        candidates=pool,
        roster=(RosterEntry("1", "甲", "他区", True),),
    )
    result = run(inputs)
    assert [pool[t.candidate].name for t in result.teams] == RFC_SELECTED


@pytest.mark.parametrize("text", ["", " / ", "12 abc", "1.5e3", "-3", "九"])
def test_sources_that_are_not_integers_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        rfc3797.parse_sources(text)


# --- the weighted variant ---------------------------------------------------------------


def _pool(weights: Sequence[int]) -> tuple[Candidate, ...]:
    return tuple(
        Candidate(f"id-{n}", f"机构{n}", "某区", "primary_care", None, "中", "B", w)
        for n, w in enumerate(weights)
    )


def _inputs(weights: Sequence[int], seed: int, count: int = 1) -> DrawInputs:
    return DrawInputs(
        method=WEIGHTED,
        sources=((seed,), (20261203,)),
        count=count,
        team_size=1,
        cross_district=False,
        reuse_inspectors=True,
        candidates=_pool(weights),
        roster=(RosterEntry("1", "甲", "他区", True),),
    )


def chi_square(observed: Sequence[int], expected: Sequence[float]) -> float:
    return sum((o - e) ** 2 / e for o, e in zip(observed, expected, strict=True))


# Upper 0.1% points of the chi-square distribution (statistical tables).
CHI2_999 = {3: 16.27, 4: 18.47}
WEIGHTS = (1, 2, 3, 4, 6)
SEEDS = range(1, 6001)  # fixed: the test gives the same figures on every run


def test_first_picks_over_many_seeds_match_the_weights() -> None:
    picks = Counter(rfc3797.select_weighted(WEIGHTS, 1, f"{seed}./7./")[0] for seed in SEEDS)
    observed = [picks[i] for i in range(len(WEIGHTS))]
    total = sum(WEIGHTS)
    expected = [len(SEEDS) * w / total for w in WEIGHTS]
    assert chi_square(observed, expected) < CHI2_999[len(WEIGHTS) - 1]
    # The same counts are far from what equal chances would give: the test can fail.
    uniform = [len(SEEDS) / len(WEIGHTS)] * len(WEIGHTS)
    assert chi_square(observed, uniform) > 10 * CHI2_999[len(WEIGHTS) - 1]


def _inclusion(weights: Sequence[int], count: int) -> list[float]:
    """Exact chance that each is among ``count`` drawn one by one by weight, without
    replacement (every ordered sequence of picks, its probability)."""
    chance = [0.0] * len(weights)
    for order in itertools.permutations(range(len(weights)), count):
        p, left = 1.0, float(sum(weights))
        for index in order:
            p *= weights[index] / left
            left -= weights[index]
        for index in order:
            chance[index] += p
    return chance


def test_two_of_five_drawn_by_weight_match_the_exact_chances() -> None:
    seen = Counter()
    for seed in SEEDS:
        seen.update(rfc3797.select_weighted(WEIGHTS, 2, f"{seed}./7./"))
    expected = [len(SEEDS) * p for p in _inclusion(WEIGHTS, 2)]
    observed = [seen[i] for i in range(len(WEIGHTS))]
    # Each inclusion count against its binomial spread (4 standard deviations).
    for o, e in zip(observed, expected, strict=True):
        p = e / len(SEEDS)
        assert abs(o - e) < 4 * (len(SEEDS) * p * (1 - p)) ** 0.5


def test_unweighted_picks_over_many_seeds_are_even() -> None:
    picks = Counter(rfc3797.select(5, 1, f"{seed}./7./")[0] for seed in SEEDS)
    observed = [picks[i] for i in range(5)]
    assert chi_square(observed, [len(SEEDS) / 5] * 5) < CHI2_999[4]


def test_a_weighted_draw_is_reproducible_from_its_published_inputs() -> None:
    inputs = _inputs((5, 1, 1, 3, 2, 8, 1), seed=4242, count=3)
    again = DrawInputs.from_json(inputs.to_json())
    assert again == inputs
    assert again.sha256 == inputs.sha256
    assert run(again).to_data(again) == run(inputs).to_data(inputs)
    # A different source value changes the key, and here the picks.
    other = _inputs((5, 1, 1, 3, 2, 8, 1), seed=4243, count=3)
    assert run(other).key != run(inputs).key


def test_a_candidate_with_all_the_weight_left_is_the_one_picked() -> None:
    assert rfc3797.select_weighted([1, 1, 1000], 3, "1./")[-1] in (0, 1)
    assert sorted(rfc3797.select_weighted([3, 1], 2, "99./")) == [0, 1]


def test_weights_come_from_the_settings_file_and_bad_files_are_refused(tmp_path: Path) -> None:
    weights = default_weights()
    assert weights.weight("高", "D") > weights.weight("中", "B") > weights.weight("低", "A")
    assert weights.weight(None, None) == weights.weight("中", "B")
    bad = tmp_path / "weights.yaml"
    bad.write_text("risk_levels: {高: 0}\ncredit_ratings: {A: 1}\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="正整数"):
        load_weights(bad)


# --- recusal ----------------------------------------------------------------------------

DISTRICTS = ("历城区", "市中区", "槐荫区")


@st.composite
def draws(draw: st.DrawFn) -> DrawInputs:
    n = draw(st.integers(1, 6))
    pool = tuple(
        Candidate(f"c{i}", f"机构{i}", draw(st.sampled_from(DISTRICTS)), "primary_care", None,
                  "中", "B", draw(st.integers(1, 5)))
        for i in range(n)
    )  # fmt: skip
    ids = [c.id for c in pool]
    people = tuple(
        RosterEntry(
            f"37{i:04d}",
            f"人{i}",
            draw(st.sampled_from(DISTRICTS)),
            draw(st.booleans()),
            tuple(sorted(draw(st.sets(st.sampled_from(ids), max_size=n)))),
        )
        for i in range(draw(st.integers(0, 9)))
    )
    return DrawInputs(
        method=draw(st.sampled_from((RFC3797, WEIGHTED))),
        sources=((draw(st.integers(0, 10**6)),), (draw(st.integers(0, 99)),)),
        count=draw(st.integers(1, n)),
        team_size=draw(st.integers(1, 3)),
        cross_district=draw(st.booleans()),
        reuse_inspectors=draw(st.booleans()),
        candidates=pool,
        roster=people,
    )


@settings(max_examples=300, deadline=None)
@given(draws())
def test_recusal_is_never_broken(inputs: DrawInputs) -> None:
    try:
        result = run(inputs)
    except InvalidInput as error:
        assert "回避后" in str(error)
        return
    assert len(result.teams) == inputs.count
    assert len({t.candidate for t in result.teams}) == inputs.count
    used: list[int] = []
    for team in result.teams:
        assert check_team(inputs, team) == []
        candidate = inputs.candidates[team.candidate]
        leader = inputs.roster[team.members[0]]
        assert leader.can_lead
        assert len(set(team.members)) == inputs.team_size
        for index in team.members:
            person = inputs.roster[index]
            assert candidate.id not in person.conflicts
            assert not (inputs.cross_district and person.district == candidate.district)
        used.extend(team.members)
    if not inputs.reuse_inspectors:
        assert len(used) == len(set(used))


@settings(max_examples=200, deadline=None)
@given(draws())
def test_with_reuse_a_draw_is_refused_only_when_an_institution_cannot_have_a_team(
    inputs: DrawInputs,
) -> None:
    from dataclasses import replace

    inputs = replace(inputs, reuse_inspectors=True)
    chosen_all = replace(inputs, count=len(inputs.candidates))
    feasible = all(
        any(inputs.roster[i].can_lead for i in eligible(inputs, c, set()))
        and len(eligible(inputs, c, set())) >= inputs.team_size
        for c in inputs.candidates
    )
    if feasible:
        run(chosen_all)  # never refused
    else:
        with pytest.raises(InvalidInput, match="回避后"):
            run(chosen_all)


# --- over the stored registry and roster --------------------------------------------------


def test_candidates_carry_their_weights_in_the_published_order(
    workspace: Workspace, tmp_path: Path
) -> None:
    fill_registry_and_roster(workspace, tmp_path)
    found = candidates(workspace)
    # By district (in code point order), then agreement number.
    assert [c.agreement_no for c in found] == ["A001", "A002", "A005", "A003", "A004"]
    assert {c.agreement_no: c.weight for c in found}["A003"] == 16  # 高 4 × D 4
    assert {c.weight for c in found if c.agreement_no != "A003"} == {4}  # 中 2 × B 2
    only = candidates(workspace, districts=["槐荫区"], types=["private_hospital"])
    assert [c.name for c in only] == ["丙医院"]


def test_a_draw_plans_the_visits_with_their_teams_in_one_event(
    workspace: Workspace, tmp_path: Path
) -> None:
    fill_registry_and_roster(workspace, tmp_path)
    before = len(events(workspace))
    inputs = prepare(
        workspace, method=WEIGHTED, sources="31 / 4 15 22", count=3, cross_district=True
    )
    outcome = run_draw(workspace, inputs)
    logged = events(workspace)
    assert len(logged) == before + 1
    event = logged[-1]
    assert event.action == "draw.run" and event.entity_id == outcome.draw_id
    details = json.loads(event.body)["details"]
    assert details["sources"] == [[31], [4, 15, 22]]
    assert details["key"] == "31./4.15.22./"
    assert details["candidates"] == [c.id for c in inputs.candidates]
    assert details["result"] == outcome.result.to_data(inputs)["selected"]
    assert details["inspections"] == outcome.inspection_ids
    assert verify(workspace).ok
    assert len(outcome.inspection_ids) == 3
    by_id = {c.id: c for c in inputs.candidates}
    for inspection_id, chosen in zip(outcome.inspection_ids, details["result"], strict=True):
        view = get_inspection(workspace, inspection_id)
        place = by_id[chosen["institution_id"]]
        assert view.institution_name == place.name
        assert view.mode == "cross"
        assert [cert for _n, cert, _r in view.team] == chosen["team"]
        assert view.team[0][2] is MemberRole.LEADER
        districts = {d for _n, c, d, _l in ROSTER for cert in [c] if cert in chosen["team"]}
        assert place.district not in districts
        if place.agreement_no == "A003":
            assert "370100003" not in chosen["team"]
    assert {s.status.value for s in list_inspections(workspace)} == {"draft"}


def test_a_draw_that_cannot_be_made_stores_nothing(workspace: Workspace, tmp_path: Path) -> None:
    fill_registry_and_roster(workspace, tmp_path)
    before = len(events(workspace))
    # Five institutions, teams of two, no one reused: a roster of seven cannot do it.
    inputs = prepare(workspace, method=RFC3797, sources="1 2 3", count=5)
    with pytest.raises(InvalidInput, match="回避后"):
        run_draw(workspace, inputs)
    assert len(events(workspace)) == before
    assert list_inspections(workspace) == []


def test_the_published_file_verifies_and_a_changed_one_does_not(
    workspace: Workspace, tmp_path: Path
) -> None:
    fill_registry_and_roster(workspace, tmp_path)
    inputs = prepare(workspace, method=WEIGHTED, sources="8 / 1 2 3", count=2)
    outcome = run_draw(workspace, inputs)
    target = tmp_path / "抽查结果.xlsx"
    write_publication(target, inputs, outcome.result, draw_id=outcome.draw_id)
    assert verify_publication(target).ok

    book = openpyxl.load_workbook(target)
    book["抽查结果"]["J4"] = (
        "李娜（370100002）" if "张伟" in book["抽查结果"]["J4"].value else ("张伟（370100001）")
    )
    book.save(tmp_path / "改组长.xlsx")
    check = verify_publication(tmp_path / "改组长.xlsx")
    assert not check.ok and "第 1 条" in check.problems[0]

    book = openpyxl.load_workbook(target)
    data = json.loads(book["公开输入"]["A1"].value)
    data["sources"] = [[9], [1, 2, 3]]
    book["公开输入"]["A1"] = json.dumps(data, ensure_ascii=False)
    book.save(tmp_path / "改随机源.xlsx")
    check = verify_publication(tmp_path / "改随机源.xlsx")
    assert not check.ok
    assert any("SHA-256" in p for p in check.problems)


def test_draw_commands(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "名单.csv"
    path.write_text("\n".join(",".join(r) for r in REGISTRY), encoding="utf-8")
    cli("institution", "import", str(path))
    for name, cert, district, lead in ROSTER:
        cli("draw", "roster", "add", "--name", name, "--cert-no", cert, "--district", district,
            *(["--leader"] if lead else []))  # fmt: skip
    cli("draw", "conflict", "370100003", "丙医院", "--reason", "亲属")
    cli("draw", "rate", "A003", "--risk", "高", "--credit", "C")
    out, _ = cli("draw", "roster", "list")
    assert "回避：丙医院" in out
    out, _ = cli("draw", "candidates", "--json")
    assert len(json.loads(out)["candidates"]) == 5
    target = tmp_path / "抽查结果.xlsx"
    out, _ = cli("draw", "run", "--institutions", "2", "--sources", RFC_SOURCES,
                 "--cross-district", "--out", str(target), "--json")  # fmt: skip
    data = json.loads(out)
    assert data["key"] == RFC_KEY and len(data["inspections"]) == 2
    out, _ = cli("draw", "verify", str(target))
    assert "复核通过" in out
    out, _ = cli("inspection", "list")
    assert out.count("草稿") == 2

    _, err = cli("draw", "run", "--institutions", "2", "--sources", "一二三",
                 "--out", str(tmp_path / "x.xlsx"), expect=1)  # fmt: skip
    assert "不是非负整数" in err
    _, err = cli("draw", "run", "--institutions", "9", "--sources", "1",
                 "--out", str(tmp_path / "x.xlsx"), expect=1)  # fmt: skip
    assert "候选只有 5 家" in err
    assert not (tmp_path / "x.xlsx").exists()
    out, _ = cli("inspection", "list")
    assert out.count("草稿") == 2
    _, err = cli("draw", "rate", "A001", "--risk", "极高", expect=1)
    assert "风险等级" in err
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    _, err = cli("draw", "verify", str(broken), expect=1)
    assert "不是有效的 Excel" in err


def test_a_stored_draw_is_published_again_only_if_its_inputs_still_give_its_result(
    cli: Cli, workspace: Workspace, tmp_path: Path
) -> None:
    fill_registry_and_roster(workspace, tmp_path)
    outcome = run_draw(workspace, prepare(workspace, method=WEIGHTED, sources="5 / 9", count=2))
    out, _ = cli("draw", "list")
    assert outcome.draw_id in out and "2 家" in out and "5./9./" in out
    again = tmp_path / "again.xlsx"
    out, _ = cli("draw", "publish", outcome.draw_id[:8], "--out", str(again))
    assert "与存储的结果一致" in out
    assert verify_publication(again).ok
    # A stored result that its inputs do not give (a tampered database) is not published.
    with workspace.db.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE draws SET result = json_set(result, '$.selected[0].position', 99)"
        )
    _, err = cli("draw", "publish", outcome.draw_id, "--out", str(tmp_path / "bad.xlsx"), expect=1)
    assert "与其公开输入不符" in err
    assert not (tmp_path / "bad.xlsx").exists()
    _, err = cli("draw", "publish", "ffffffff", "--out", str(tmp_path / "bad.xlsx"), expect=1)
    assert "没有编号为 ffffffff 的抽查" in err


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_notice_states_the_result_sources_key_and_inputs_hash(
    cli: Cli, workspace: Workspace, tmp_path: Path
) -> None:
    fill_registry_and_roster(workspace, tmp_path)
    target, notice = tmp_path / "抽查结果.xlsx", tmp_path / "公告.pdf"
    out, _ = cli("draw", "run", "--institutions", "2", "--sources", "31 / 4 15 22",
                 "--title", "2026年第四季度双随机抽查", "--out", str(target),
                 "--notice", str(notice), "--json")  # fmt: skip
    data = json.loads(out)
    text = subprocess.run(
        ["pdftotext", str(notice), "-"], capture_output=True, text=True, check=True
    ).stdout.replace("\n", "")
    assert "2026年第四季度双随机抽查" in text and "31./4.15.22./" in text
    assert data["inputs_sha256"] in text and data["draw_id"] in text
    names = {c["institution_id"] for c in data["selected"]}
    with workspace.db.session() as session:
        from inspector.db.models import Institution

        for place in session.query(Institution).filter(Institution.id.in_(names)):
            assert place.name in text
    again = tmp_path / "again.pdf"
    cli("draw", "publish", data["draw_id"][:8], "--out", str(again))
    assert again.read_bytes() == notice.read_bytes()  # the same draw, the same notice
