"""The 双随机、一公开 draw as a pure function of its published inputs: which institutions are
inspected (RFC 3797, or the SHA-256 weighted variant by risk level and credit), and the team
of each, with recusal (回避). No database and no clock: ``draw verify`` runs exactly this on
the inputs printed in the published file. See ``docs/draw.md``.

Teams, in the order the institutions were drawn (institution t = 1, 2, ...): the inspectors
who may go there are those of the published roster (in its order) who

- are not marked in conflict with that institution (利害关系回避);
- in a cross-district check (交叉检查), are not of the inspected district themselves;
- unless inspectors may be reused, are not yet in an earlier team of this draw.

The leader is picked first among those of them who may lead, then the other members among
the rest, each pick as an unweighted RFC 3797 pick (MD5 for an RFC 3797 draw, SHA-256 for a
weighted one) over the key string followed by ``T<t>/`` (``9319./2.5.8.10.12./T1/``). When
the roster cannot give an institution a leader and a full team, the draw is refused, naming
the institution: it never bends a recusal rule to fill a team.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from inspector.errors import InvalidInput
from inspector.hashing import canonical_json, sha256_of
from inspector.planning import rfc3797

RFC3797 = "rfc3797"
WEIGHTED = "sha256-weighted"
METHODS = {RFC3797: "RFC 3797（等概率，MD5）", WEIGHTED: "按风险等级和信用加权（SHA-256）"}
FORMAT = "inspector-draw/1"


@dataclass(frozen=True)
class Candidate:
    id: str
    name: str
    district: str
    type_code: str
    agreement_no: str | None
    risk_level: str
    credit_rating: str
    weight: int


@dataclass(frozen=True)
class RosterEntry:
    cert_no: str
    name: str
    district: str
    can_lead: bool
    conflicts: tuple[str, ...] = ()  # ids of the institutions this inspector must not inspect


@dataclass(frozen=True)
class DrawInputs:
    """Everything published before and with the draw. Its canonical JSON is what is hashed,
    stored and printed in the published file."""

    method: str
    sources: tuple[tuple[int, ...], ...]
    count: int
    team_size: int
    cross_district: bool
    reuse_inspectors: bool
    candidates: tuple[Candidate, ...]
    roster: tuple[RosterEntry, ...]
    title: str = ""

    @property
    def key(self) -> str:
        return rfc3797.key_string(self.sources)

    def to_data(self) -> dict[str, Any]:
        data = asdict(self)
        data["format"] = FORMAT
        return data

    def to_json(self) -> str:
        return canonical_json(self.to_data())

    @property
    def sha256(self) -> str:
        return sha256_of(self.to_data())

    @classmethod
    def from_json(cls, text: str) -> DrawInputs:
        try:
            data = json.loads(text)
            if data.pop("format") != FORMAT:
                raise ValueError("format")
            return cls(
                method=str(data["method"]),
                sources=tuple(tuple(int(v) for v in s) for s in data["sources"]),
                count=int(data["count"]),
                team_size=int(data["team_size"]),
                cross_district=bool(data["cross_district"]),
                reuse_inspectors=bool(data["reuse_inspectors"]),
                candidates=tuple(Candidate(**c) for c in data["candidates"]),
                roster=tuple(
                    RosterEntry(**{**r, "conflicts": tuple(r["conflicts"])}) for r in data["roster"]
                ),
                title=str(data.get("title", "")),
            )
        except (ValueError, KeyError, TypeError) as error:
            raise InvalidInput("抽查的公开输入无法读取（{error}）", error=str(error)) from error


@dataclass(frozen=True)
class Team:
    candidate: int  # position in the candidate list
    members: tuple[int, ...]  # positions in the roster, the leader first


@dataclass
class DrawResult:
    key: str
    teams: list[Team] = field(default_factory=list)  # in the order drawn

    def to_data(self, inputs: DrawInputs) -> dict[str, Any]:
        """The result as published: ids and 执法证号, not positions only."""
        return {
            "key": self.key,
            "selected": [
                {
                    "position": team.candidate + 1,
                    "institution_id": inputs.candidates[team.candidate].id,
                    "team": [inputs.roster[m].cert_no for m in team.members],
                }
                for team in self.teams
            ],
        }


def _check(inputs: DrawInputs) -> None:
    if inputs.method not in METHODS:
        raise InvalidInput(
            "未知的抽取方法：{method}（可选：{choices}）",
            method=inputs.method,
            choices="、".join(METHODS),
        )
    if inputs.count < 1:
        raise InvalidInput("至少抽取 1 家机构")
    if inputs.team_size < 1:
        raise InvalidInput("检查组至少 1 人")
    if not inputs.candidates:
        raise InvalidInput("没有符合条件的候选机构")
    if inputs.count > len(inputs.candidates):
        raise InvalidInput(
            "要抽取 {count} 家机构，但候选只有 {size} 家",
            count=inputs.count,
            size=len(inputs.candidates),
        )
    ids = [c.id for c in inputs.candidates]
    if len(set(ids)) != len(ids):
        raise InvalidInput("候选名单中有重复的机构")
    certs = [r.cert_no for r in inputs.roster]
    if len(set(certs)) != len(certs):
        raise InvalidInput("检查人员名单中有重复的执法证号")


def eligible(inputs: DrawInputs, candidate: Candidate, used: set[int]) -> list[int]:
    """Roster positions that may go to ``candidate`` (the recusal rules of the module)."""
    found = []
    for index, person in enumerate(inputs.roster):
        if candidate.id in person.conflicts:
            continue
        if inputs.cross_district and person.district == candidate.district:
            continue
        if not inputs.reuse_inspectors and index in used:
            continue
        found.append(index)
    return found


def run(inputs: DrawInputs) -> DrawResult:
    """The draw. Raises InvalidInput (Chinese) when it cannot be made as published."""
    _check(inputs)
    key = inputs.key
    if inputs.method == RFC3797:
        chosen = rfc3797.select(len(inputs.candidates), inputs.count, key)
        value: Callable[[str, int], int] = rfc3797.md5_value
    else:
        chosen = rfc3797.select_weighted([c.weight for c in inputs.candidates], inputs.count, key)
        value = rfc3797.sha256_value
    result = DrawResult(key=key)
    used: set[int] = set()
    for t, index in enumerate(chosen, start=1):
        candidate = inputs.candidates[index]
        members = draw_team(inputs, candidate, used, f"{key}T{t}/", value, t)
        used.update(members)
        result.teams.append(Team(index, tuple(members)))
    return result


def draw_team(
    inputs: DrawInputs,
    candidate: Candidate,
    used: set[int],
    team_key: str,
    value: Callable[[str, int], int],
    t: int,
) -> list[int]:
    pool = eligible(inputs, candidate, used)
    leaders = [i for i in pool if inputs.roster[i].can_lead]
    where = {"t": t, "name": candidate.name, "district": candidate.district}
    if not leaders:
        raise InvalidInput(
            "第 {t} 家抽中的机构“{name}”（{district}）：回避后没有可任组长的检查人员，"
            "请补充检查人员名单",
            **where,
        )
    if len(pool) < inputs.team_size:
        raise InvalidInput(
            "第 {t} 家抽中的机构“{name}”（{district}）：回避后只有 {n} 名检查人员可派，"
            "不足 {size} 人",
            **where,
            n=len(pool),
            size=inputs.team_size,
        )
    leader = leaders[value(team_key, 0) % len(leaders)]
    rest = [i for i in pool if i != leader]
    members = [leader]
    for pick in range(1, inputs.team_size):
        members.append(rest.pop(value(team_key, pick) % len(rest)))
    return members


def check_team(inputs: DrawInputs, team: Team) -> list[str]:
    """What is wrong with a team under the recusal rules (empty: nothing)."""
    candidate = inputs.candidates[team.candidate]
    problems = []
    people = [inputs.roster[m] for m in team.members]
    if not people or not people[0].can_lead:
        problems.append("组长不具备任组长资格")
    if len(people) != inputs.team_size:
        problems.append("人数不符")
    for person in people:
        if candidate.id in person.conflicts:
            problems.append(f"{person.name} 与该机构有利害关系")
        if inputs.cross_district and person.district == candidate.district:
            problems.append(f"{person.name} 属于被检查区县")
    return problems


def order_candidates(candidates: Sequence[Candidate]) -> tuple[Candidate, ...]:
    """The published order: district, agreement number, name (then id, for ties)."""
    return tuple(sorted(candidates, key=lambda c: (c.district, c.agreement_no or "", c.name, c.id)))


def order_roster(roster: Sequence[RosterEntry]) -> tuple[RosterEntry, ...]:
    return tuple(sorted(roster, key=lambda r: r.cert_no))
