"""The formats of rule packs and knowledge files (YAML, like the checklist files).

A **rule pack** (``inspector-rules/1``) lists rules: each names the national rule type it
implements (国家医保智能审核和监控规则库的规则类型), its basis (the law, the 规则库, the 目录)
and its parameters, checked against the type's own parameter model. A **knowledge file**
(``inspector-knowledge/1``) holds the item lists the rules read (知识库): 限性别 items, 限年龄
ranges, 限频次 limits, 互斥 pairs, 限级别 items, 目录 prices, drug doses and the bed, nursing and
meal items of a 挂床 day. Unknown keys are refused: in a hand-edited file they are typos."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

RULES_FORMAT = "inspector-rules/1"
KNOWLEDGE_FORMAT = "inspector-knowledge/1"

Code = Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_.\-]{0,31}$")]
ItemCode = Annotated[str, Field(min_length=1, max_length=64)]
Text = Annotated[str, Field(min_length=1)]

_VERSION = re.compile(r"^[0-9]{4}\.[0-9]+(\.[0-9]+)?$")

# The national rule types this engine implements, with what a hit of each means.
RULE_TYPES: dict[str, str] = {
    "限性别": "项目限定性别，患者性别与之不符",
    "限年龄/儿童": "项目限定年龄范围（如限儿童），患者年龄在范围之外",
    "重复收费": "同一项目超出其收费频次重复收取，或互斥项目同时收取",
    "限频次": "项目在一天或一次就诊（住院）内的数量超过限定频次",
    "超量开药/超疗程": "一次就诊开具药品的用量超过限定天数（疗程）",
    "重复开药": "同一患者同一药品的前次用量未用完又再次开具（用药时间重叠）",
    "分解住院": "出院后短期内再次入住同一机构",
    "住院期间门诊结算": "住院期间在同一机构发生门诊结算",
    "出院后/死亡后发生费用": "费用发生时间在出院日期或死亡日期之后",
    "挂床": "住院期间连续多日只有床位费、护理费、伙食费等基本费用",
    "限医疗机构级别": "项目限定医疗机构级别，本机构级别不够",
    "超标准收费": "单价高于目录（价格标准）的限价",
    "追溯码重复结算": "同一药品追溯码被结算不止一次",
    "门诊费用异常增长": "患者门诊费用较上一年异常增长",
    "进销存": "医保结算量大于销售（发药）量或可售量（进销存不符）",
}
RuleType = Literal[
    "限性别",
    "限年龄/儿童",
    "重复收费",
    "限频次",
    "超量开药/超疗程",
    "重复开药",
    "分解住院",
    "住院期间门诊结算",
    "出院后/死亡后发生费用",
    "挂床",
    "限医疗机构级别",
    "超标准收费",
    "追溯码重复结算",
    "门诊费用异常增长",
    "进销存",
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _check_version(value: str) -> str:
    if not _VERSION.match(value):
        raise ValueError("版本号应形如 2026.1 或 2026.1.2")
    return value


# --- rule packs -----------------------------------------------------------------------------


class Basis(Strict):
    """Where a rule comes from: the law, the national 规则库, a 目录 or a bureau's notice."""

    source: Text  # e.g. 医疗保障基金使用监督管理条例
    clause: str = ""  # e.g. 第十五条
    text: str = ""  # what it says, in short


class NoParams(Strict):
    pass


class RepeatParams(Strict):
    # same_item: one item beyond its frequency (知识库 repeat); exclusive: a 互斥 pair.
    mode: Literal["same_item", "exclusive"]


class SupplyParams(Strict):
    # 处方管理办法 第十八条: a prescription is generally for at most 7 days; a drug's own
    # max_days in the knowledge file takes precedence.
    default_max_days: int = Field(default=7, ge=1, le=365)
    medical_types: list[Text] = ["门诊", "门特", "门慢", "购药"]


class OverlapParams(Strict):
    # Days a new supply may start before the last one runs out (a patient collects early).
    tolerance_days: int = Field(default=3, ge=0, le=60)


class ReadmissionParams(Strict):
    days: int = Field(default=15, ge=1, le=90)


class BedParams(Strict):
    days: int = Field(default=3, ge=2, le=60)


class GrowthParams(Strict):
    # A year's outpatient amount above (1 + growth) × the year before, and at least min_yuan.
    growth: float = Field(default=1.0, gt=0, le=100)
    min_yuan: int = Field(default=5000, ge=0)
    medical_types: list[Text] = ["门诊", "门特", "门慢", "购药"]


PARAMS: dict[str, type[Strict]] = {
    "重复收费": RepeatParams,
    "超量开药/超疗程": SupplyParams,
    "重复开药": OverlapParams,
    "分解住院": ReadmissionParams,
    "挂床": BedParams,
    "门诊费用异常增长": GrowthParams,
}


class Rule(Strict):
    code: Code
    name: Text
    type: RuleType
    description: Text  # what a hit means, for the team
    basis: list[Basis] = Field(min_length=1)
    params: dict[str, Any] = {}
    enabled: bool = True

    @model_validator(mode="after")
    def _params(self) -> Rule:
        model = PARAMS.get(self.type, NoParams)
        model.model_validate(self.params)  # raises a ValidationError naming the field
        return self

    def parameters(self) -> Any:
        return PARAMS.get(self.type, NoParams).model_validate(self.params)


class RulePack(Strict):
    format: Literal["inspector-rules/1"]
    id: Code
    version: str
    title: Text
    rules: list[Rule] = Field(min_length=1)

    _version = field_validator("version")(classmethod(lambda cls, v: _check_version(v)))


# --- knowledge files ------------------------------------------------------------------------


def yuan_to_fen(value: Any) -> int:
    try:
        amount = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation as error:
        raise ValueError("应为金额（元）") from error
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(Decimal("0.01")):
        raise ValueError("应为不小于零、最多两位小数的金额（元）")
    return int(amount * 100)


Per = Literal["day", "settlement"]  # 每日 | 每次就诊（住院）


class GenderItem(Strict):
    code: ItemCode
    name: str = ""
    gender: Literal["男", "女"]  # the only gender the item is for


class AgeItem(Strict):
    code: ItemCode
    name: str = ""
    min_age: int | None = Field(default=None, ge=0, le=150)
    max_age: int | None = Field(default=None, ge=0, le=150)  # inclusive; 限儿童: 17

    @model_validator(mode="after")
    def _range(self) -> AgeItem:
        if self.min_age is None and self.max_age is None:
            raise ValueError("min_age 与 max_age 至少写一个")
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            raise ValueError("min_age 大于 max_age")
        return self


class FrequencyItem(Strict):
    code: ItemCode
    name: str = ""
    max_quantity: float = Field(gt=0)
    per: Per = "day"


class RepeatItem(Strict):
    """An item charged at most once per day or per stay (e.g. 诊查费 once a day)."""

    code: ItemCode
    name: str = ""
    per: Per = "day"


class ExclusivePair(Strict):
    code_a: ItemCode
    name_a: str = ""
    code_b: ItemCode
    name_b: str = ""
    per: Per = "day"


class LevelItem(Strict):
    code: ItemCode
    name: str = ""
    min_level: int = Field(ge=1, le=3)  # 一级 1, 二级 2, 三级 3


class PriceItem(Strict):
    code: ItemCode
    name: str = ""
    price: str  # the 目录's highest unit price in yuan, e.g. "12.50"

    @field_validator("price", mode="before")
    @classmethod
    def _price(cls, value: Any) -> str:
        yuan_to_fen(value)
        return str(value).strip()

    @property
    def price_fen(self) -> int:
        return yuan_to_fen(self.price)


class DrugItem(Strict):
    code: ItemCode
    name: str = ""
    daily_quantity: float = Field(gt=0)  # the most a day's use takes, in the settled unit
    max_days: int | None = Field(default=None, ge=1, le=365)


class BasicItem(Strict):
    """An item of a day a patient merely occupies a bed: 床位、护理、伙食."""

    code: ItemCode
    name: str = ""
    category: Literal["床位", "护理", "伙食", "其他基本"] = "床位"


class KnowledgeFile(Strict):
    format: Literal["inspector-knowledge/1"]
    id: Code
    version: str
    title: Text
    source: Text  # where the lists come from (the 目录, the bureau's notice …)
    gender: list[GenderItem] = []
    age: list[AgeItem] = []
    frequency: list[FrequencyItem] = []
    repeat: list[RepeatItem] = []
    exclusive: list[ExclusivePair] = []
    level: list[LevelItem] = []
    price: list[PriceItem] = []
    drug: list[DrugItem] = []
    basic: list[BasicItem] = []

    _version = field_validator("version")(classmethod(lambda cls, v: _check_version(v)))


# The lists of a knowledge file, their Chinese names and entry models.
KNOWLEDGE_LISTS: dict[str, tuple[str, type[Strict]]] = {
    "gender": ("限性别项目", GenderItem),
    "age": ("限年龄项目", AgeItem),
    "frequency": ("限频次项目", FrequencyItem),
    "repeat": ("限收费次数项目", RepeatItem),
    "exclusive": ("互斥项目", ExclusivePair),
    "level": ("限医疗机构级别项目", LevelItem),
    "price": ("目录限价", PriceItem),
    "drug": ("药品用量", DrugItem),
    "basic": ("基本费用项目（床位、护理、伙食）", BasicItem),
}
