"""A settlement detail with planted anomalies, one or more for every rule type of the engine,
among clean rows no rule should flag. The codes are the shipped starter knowledge file's
(resources/rules/knowledge/starter.yaml), so the test exercises the shipped lists.

Every plant records the settlements it involves and the rows its hit must name: a hit is right
when it names a plant's rows under the plant's rule type, and touches no settlement outside
that plant (so no clean row is ever flagged)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import duckdb

from inspector.rules.knowledge import insert_rows
from inspector.settlement.schema import COLUMN_NAMES, create_detail_table
from inspector.stock.ledgers import Kind, Ledger, Line

# Items (code, name, unit price in fen) of the starter knowledge file, and plain ones.
VISIT = ("110200002", "门诊诊查费", 1000)
WARD_VISIT = ("110200001", "住院诊查费", 2000)
BED = ("110900001", "床位费", 3000)
NURSING = ("120100002", "一级护理", 2500)
MEAL = ("900000001", "伙食费", 1500)
ADMISSION = ("120100001", "入院评估", 5000)
INFUSION = ("120400006", "静脉输液", 1200)
INJECTION = ("120400002", "静脉注射", 800)
GLUCOSE = ("250403001", "血糖监测", 800)
CT = ("210300001", "CT检查", 50000)
SMEAR = ("311201001", "宫颈刮片检查", 3000)
PROSTATE = ("311100007", "前列腺按摩", 2000)
CHILD_DRUG = ("XJ01CAS001", "小儿氨酚黄那敏颗粒", 150)
RITUXIMAB = ("XL01XC001", "利妥昔单抗注射液", 200000)
METFORMIN = ("XA10BA001", "二甲双胍片", 20)  # 6 a day, at most 30 days
AMOXICILLIN = ("XJ01CA001", "阿莫西林胶囊", 50)  # 8 a day, 7 days by default
CEFIXIME = ("XJ01DD001", "头孢克肟胶囊", 300)  # the 进销存 plant's drug (not in knowledge)

PERIOD = (date(2025, 1, 1), date(2025, 12, 31))
INSTITUTION_LEVEL = 1  # 一级: 利妥昔单抗 (二级及以上) is a plant


@dataclass(frozen=True)
class Plant:
    rule_type: str
    what: str
    settlements: frozenset[str]  # every settlement the plant involves
    rows: frozenset[int]  # the rows its hit must name
    amount_fen: int | None = None  # the money at stake, where the plant fixes it


@dataclass
class Detail:
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    plants: list[Plant] = field(default_factory=list)
    ledgers: list[Ledger] = field(default_factory=list)
    _next_trace: int = 0

    def add(
        self,
        settlement: str,
        person: str,
        gender: str,
        birth: date,
        medical_type: str,
        charged: date,
        item: tuple[str, str, int],
        quantity: float = 1,
        *,
        admitted: date | None = None,
        discharged: date | None = None,
        died: date | None = None,
        age: int | None = None,
        unit_fen: int | None = None,
        trace: str | None = None,
    ) -> int:
        row_no = len(self.rows) + 2  # as Excel shows it, below the header
        price = item[2] if unit_fen is None else unit_fen
        values = {
            "row_no": row_no,
            "settlement_no": settlement,
            "person_id": person,
            "gender": gender,
            "birth_date": birth,
            "age": age,
            "medical_type": medical_type,
            "admitted_on": admitted,
            "discharged_on": discharged,
            "died_on": died,
            "charged_at": datetime.combine(charged, datetime.min.time()) + timedelta(hours=9),
            "item_code": item[0],
            "item_name": item[1],
            "quantity": float(quantity),
            "unit_price_fen": price,
            "amount_fen": round(price * quantity),
            "department": "内科",
            "doctor": "王医生",
            "trace_code": trace,
        }
        self.rows.append(tuple(values[name] for name in COLUMN_NAMES))
        return row_no

    def trace(self) -> str:
        self._next_trace += 1
        return f"8{self._next_trace:019d}"

    def stay(
        self,
        settlement: str,
        person: str,
        gender: str,
        birth: date,
        admitted: date,
        days: int,
        *,
        basic_only_days: tuple[int, ...] = (),
    ) -> list[int]:
        """A clean stay: each day bed, nursing, meals, the ward visit and an infusion (so no
        day is bed-only), the admission assessment once; ``basic_only_days`` leave out the
        visit and the infusion on those days (0-based)."""
        discharged = admitted + timedelta(days=days - 1)
        stay = {"admitted": admitted, "discharged": discharged}
        rows = []
        for offset in range(days):
            day = admitted + timedelta(days=offset)
            items = [BED, NURSING, MEAL]
            if offset not in basic_only_days:
                items += [WARD_VISIT, INFUSION]
            if offset == 0:
                items.append(ADMISSION)
            for item in items:
                rows.append(self.add(settlement, person, gender, birth, "住院", day, item, **stay))
        return rows


def _clean(detail: Detail, patients: int, rng: random.Random) -> None:
    for index in range(patients):
        person = f"C{index:05d}"
        gender = rng.choice(("男", "女"))
        child = index % 10 == 0
        birth = date(2018, 3, 1) if child else date(rng.randint(1950, 2000), rng.randint(1, 12), 1)
        visits = rng.randint(2, 8)
        for year in (2024, 2025):
            for j in range(visits):
                day = date(year, 1, 10) + timedelta(days=40 * j)
                no = f"M{person}-{year}-{j}"
                detail.add(no, person, gender, birth, "门诊", day, VISIT)
                if child:
                    detail.add(no, person, gender, birth, "门诊", day, CHILD_DRUG, 6)
                elif j % 2 == 0:
                    detail.add(no, person, gender, birth, "门诊", day, AMOXICILLIN, 24,
                               trace=detail.trace())  # fmt: skip
                else:
                    detail.add(no, person, gender, birth, "门诊", day, METFORMIN, 180)
                if j % 3 == 0:
                    detail.add(no, person, gender, birth, "门诊", day, GLUCOSE, 2)
                    detail.add(no, person, gender, birth, "门诊", day, INFUSION)
                if j == 1:
                    item = SMEAR if gender == "女" else PROSTATE
                    detail.add(no, person, gender, birth, "门诊", day, item)
        if index % 4 == 0 and not child:
            admitted = date(2025, 11, 1) + timedelta(days=index % 20)
            detail.stay(f"Z{person}", person, gender, birth, admitted, 5)


def _plants(detail: Detail) -> None:
    add, plant = detail.add, detail.plants.append
    adult = date(1980, 5, 1)
    # 限性别: a man charged a gynaecological test.
    row = add("S-XB", "P-XB", "男", adult, "门诊", date(2025, 3, 3), SMEAR)
    plant(Plant("限性别", "男性收取宫颈刮片", frozenset({"S-XB"}), frozenset({row}), 3000))
    # 限年龄/儿童: a children's drug for a man of 44 (the age given by the file).
    row = add("S-NL", "P-NL", "男", adult, "门诊", date(2025, 3, 4), CHILD_DRUG, 6, age=44)
    plant(Plant("限年龄/儿童", "成人使用儿童用药", frozenset({"S-NL"}), frozenset({row}), 900))
    # 重复收费 (same item): the bed charged twice on the second day of a stay.
    rows = detail.stay("S-CF1", "P-CF1", "女", adult, date(2025, 2, 10), 4)
    stay = {"admitted": date(2025, 2, 10), "discharged": date(2025, 2, 13)}
    extra = add("S-CF1", "P-CF1", "女", adult, "住院", date(2025, 2, 11), BED, **stay)
    plant(Plant("重复收费", "床位费一日两次", frozenset({"S-CF1"}), frozenset({extra}), 3000))
    # 重复收费 (互斥): an infusion and an injection the same day.
    a = add("S-CF2", "P-CF2", "女", adult, "门诊", date(2025, 3, 5), INFUSION)
    b = add("S-CF2", "P-CF2", "女", adult, "门诊", date(2025, 3, 5), INJECTION)
    plant(Plant("重复收费", "静脉输液与静脉注射同日", frozenset({"S-CF2"}), frozenset({a, b}), 800))
    # 限频次: ten glucose tests in a day (at most 8).
    row = add("S-PC", "P-PC", "女", adult, "门诊", date(2025, 3, 6), GLUCOSE, 10)
    plant(Plant("限频次", "血糖监测一日 10 次", frozenset({"S-PC"}), frozenset({row}), 1600))
    # 超量开药: ten days of amoxicillin at once (7 at most).
    row = add("S-CL", "P-CL", "男", adult, "门诊", date(2025, 3, 7), AMOXICILLIN, 80,
              trace=detail.trace())  # fmt: skip
    plant(Plant("超量开药/超疗程", "阿莫西林 10 日量", frozenset({"S-CL"}), frozenset({row}), 1200))
    # 重复开药: metformin for 30 days, again after 9 days.
    add("S-CK1", "P-CK", "男", adult, "门诊", date(2025, 3, 1), METFORMIN, 180)
    row = add("S-CK2", "P-CK", "男", adult, "门诊", date(2025, 3, 10), METFORMIN, 180)
    plant(Plant("重复开药", "二甲双胍用量重叠 21 天", frozenset({"S-CK1", "S-CK2"}),
                frozenset({row}), 2520))  # fmt: skip
    # 分解住院: readmitted five days after discharge.
    detail.stay("S-FJ1", "P-FJ", "男", adult, date(2025, 4, 1), 5)
    rows = detail.stay("S-FJ2", "P-FJ", "男", adult, date(2025, 4, 10), 5)
    plant(Plant("分解住院", "出院 5 天后再入院", frozenset({"S-FJ1", "S-FJ2"}), frozenset(rows)))
    # 住院期间门诊结算: an outpatient bill on the third day of a stay.
    detail.stay("S-ZM1", "P-ZM", "女", adult, date(2025, 6, 1), 6)
    row = add("S-ZM2", "P-ZM", "女", adult, "门诊", date(2025, 6, 3), VISIT)
    plant(Plant("住院期间门诊结算", "住院期间门诊诊查", frozenset({"S-ZM1", "S-ZM2"}),
                frozenset({row}), 1000))  # fmt: skip
    # 出院后发生费用: an infusion two days after discharge, on the stay's bill.
    detail.stay("S-CY1", "P-CY1", "男", adult, date(2025, 8, 1), 5)
    row = add("S-CY1", "P-CY1", "男", adult, "住院", date(2025, 8, 7), INFUSION,
              admitted=date(2025, 8, 1), discharged=date(2025, 8, 5))  # fmt: skip
    plant(
        Plant("出院后/死亡后发生费用", "出院后输液", frozenset({"S-CY1"}), frozenset({row}), 1200)
    )
    # 死亡后发生费用: a visit two days after the recorded death.
    died = date(2025, 7, 1)
    add("S-CY2", "P-CY2", "女", adult, "门诊", date(2025, 6, 20), VISIT, died=died)
    row = add("S-CY3", "P-CY2", "女", adult, "门诊", date(2025, 7, 3), VISIT, died=died)
    plant(
        Plant("出院后/死亡后发生费用", "死亡后门诊", frozenset({"S-CY3"}), frozenset({row}), 1000)
    )
    # 挂床: four days (the 3rd to the 6th) with only bed, nursing and meals.
    rows = detail.stay(
        "S-GC", "P-GC", "男", adult, date(2025, 9, 1), 8, basic_only_days=(2, 3, 4, 5)
    )
    at = COLUMN_NAMES.index("charged_at")
    basic = [r for r in rows if detail.rows[r - 2][at].day in (3, 4, 5, 6)]
    plant(Plant("挂床", "连续 4 天只有基本费用", frozenset({"S-GC"}), frozenset(basic), 4 * 7000))
    # 限医疗机构级别: rituximab at a 一级 institution.
    row = add("S-JB", "P-JB", "女", adult, "门诊", date(2025, 3, 8), RITUXIMAB)
    plant(Plant("限医疗机构级别", "一级机构使用利妥昔单抗", frozenset({"S-JB"}), frozenset({row}),
                200000))  # fmt: skip
    # 超标准收费: a glucose test at 12.00 (the 目录: 8.00).
    row = add("S-CB", "P-CB", "男", adult, "门诊", date(2025, 3, 9), GLUCOSE, 1, unit_fen=1200)
    plant(Plant("超标准收费", "血糖监测 12 元", frozenset({"S-CB"}), frozenset({row}), 400))
    # 追溯码重复结算: one box's code settled for two patients.
    code = detail.trace()
    a = add("S-ZS1", "P-ZS1", "男", adult, "门诊", date(2025, 5, 1), AMOXICILLIN, 24, trace=code)
    b = add("S-ZS2", "P-ZS2", "女", adult, "门诊", date(2025, 5, 20), AMOXICILLIN, 24, trace=code)
    plant(Plant("追溯码重复结算", "同一追溯码结算两次", frozenset({"S-ZS1", "S-ZS2"}),
                frozenset({a, b}), 1200))  # fmt: skip
    # 门诊费用异常增长: 2,000 yuan of outpatient CT in 2024, 8,000 in 2025.
    settlements, rows_2025 = set(), set()
    for year, visits in ((2024, 4), (2025, 16)):
        for j in range(visits):
            no = f"S-MZ-{year}-{j}"
            row = add(
                no, "P-MZ", "男", adult, "门诊", date(year, 1, 5) + timedelta(days=20 * j), CT
            )
            if year == 2025:
                settlements.add(no)
                rows_2025.add(row)
    plant(Plant("门诊费用异常增长", "门诊费用由 2000 元增至 8000 元", frozenset(settlements),
                frozenset(rows_2025), 600000))  # fmt: skip
    # 进销存: 100 capsules of cefixime settled, 60 sold.
    a = add("S-JXC1", "P-JXC", "男", adult, "门诊", date(2025, 10, 1), CEFIXIME, 50)
    b = add("S-JXC2", "P-JXC", "男", adult, "门诊", date(2025, 10, 20), CEFIXIME, 50)
    plant(Plant("进销存", "头孢克肟结算 100 销售 60", frozenset({"S-JXC1", "S-JXC2"}),
                frozenset({a, b}), 12000))  # fmt: skip


def _ledgers(detail: Detail) -> list[Ledger]:
    """Purchases and sales that match every drug settled in the period, except cefixime (60
    sold of the 100 settled); an opening stock of none."""
    settled: dict[tuple[str, str], float] = {}
    code_at, name_at = COLUMN_NAMES.index("item_code"), COLUMN_NAMES.index("item_name")
    quantity_at, at = COLUMN_NAMES.index("quantity"), COLUMN_NAMES.index("charged_at")
    drugs = {METFORMIN[0], AMOXICILLIN[0], CEFIXIME[0]}
    for row in detail.rows:
        if row[code_at] in drugs and PERIOD[0] <= row[at].date() <= PERIOD[1]:
            key = (row[code_at], row[name_at])
            settled[key] = settled.get(key, 0) + row[quantity_at]
    day = date(2025, 6, 1)
    purchases, sales = [], []
    for number, ((code, name), quantity) in enumerate(sorted(settled.items()), start=2):
        sold = quantity - 40 if code == CEFIXIME[0] else quantity
        # A line without a code is matched to the detail by its name.
        purchases.append(Line(number, name, "", "粒", "" if code == METFORMIN[0] else code,
                              Decimal(str(quantity)), None, day))  # fmt: skip
        sales.append(Line(number, name, "", "粒", code, Decimal(str(sold)), None, day))
    return [
        Ledger(Kind.PURCHASES, "购进.csv", "0" * 64, purchases),
        Ledger(Kind.SALES, "销售.csv", "0" * 64, sales),
    ]


def build(patients: int = 200, seed: int = 27) -> Detail:
    detail = Detail()
    _clean(detail, patients, random.Random(seed))
    _plants(detail)
    detail.ledgers = _ledgers(detail)
    return detail


def load(con: duckdb.DuckDBPyConnection, detail: Detail) -> None:
    create_detail_table(con)
    insert_rows(con, "detail", len(COLUMN_NAMES), detail.rows)
