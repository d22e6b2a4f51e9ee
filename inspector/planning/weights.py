"""The draw's weights from risk level and credit (``resources/planning/weights.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from inspector.errors import InvalidInput
from inspector.resources import resource_path


@dataclass(frozen=True)
class Weights:
    risk_levels: dict[str, int]
    credit_ratings: dict[str, int]
    default_risk_level: str
    default_credit_rating: str

    def weight(self, risk_level: str | None, credit_rating: str | None) -> int:
        risk = risk_level or self.default_risk_level
        credit = credit_rating or self.default_credit_rating
        return self.risk_levels[risk] * self.credit_ratings[credit]

    def check_risk(self, text: str) -> str:
        text = text.strip().upper()
        if text not in self.risk_levels:
            raise InvalidInput(
                "风险等级“{text}”无效，可填：{choices}",
                text=text,
                choices="、".join(self.risk_levels),
            )
        return text

    def check_credit(self, text: str) -> str:
        text = text.strip().upper()
        if text not in self.credit_ratings:
            raise InvalidInput(
                "信用等级“{text}”无效，可填：{choices}",
                text=text,
                choices="、".join(self.credit_ratings),
            )
        return text


def _positive(table: object, name: str) -> dict[str, int]:
    if not isinstance(table, dict) or not table:
        raise InvalidInput("权重文件中缺少 {name}", name=name)
    found: dict[str, int] = {}
    for key, value in table.items():
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise InvalidInput("权重文件 {name} 中“{key}”的权重必须是正整数", name=name, key=key)
        found[str(key).upper()] = value
    return found


def load_weights(path: Path | None = None) -> Weights:
    source = path or resource_path("planning", "weights.yaml")
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise InvalidInput("{file} 不是有效的权重文件", file=source.name)
    weights = Weights(
        risk_levels=_positive(data.get("risk_levels"), "risk_levels"),
        credit_ratings=_positive(data.get("credit_ratings"), "credit_ratings"),
        default_risk_level=str(data.get("default_risk_level", "")).upper(),
        default_credit_rating=str(data.get("default_credit_rating", "")).upper(),
    )
    if weights.default_risk_level not in weights.risk_levels:
        raise InvalidInput("{file}：default_risk_level 不在 risk_levels 中", file=source.name)
    if weights.default_credit_rating not in weights.credit_ratings:
        raise InvalidInput("{file}：default_credit_rating 不在 credit_ratings 中", file=source.name)
    return weights


@lru_cache(maxsize=1)
def default_weights() -> Weights:
    return load_weights()
