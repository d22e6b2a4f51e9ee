"""The 进销存 reconciliation of seed 000 point 6 (药品进销存等数据是否与上传医保费用一致), as a pure
function of the files read: per drug, over the period,

- 账实相符: opening book stock + purchases − sales should be what the team counted; a shortage
  (库存短缺) is stock gone without a sales record, a surplus (库存盈余) is sales recorded for
  goods that never left the shelf, or purchases not recorded;
- 结算与销售: what was settled with the fund should not exceed what was sold or dispensed; the
  excess times the settled unit price is what the fund paid for nothing (the finding's amount);
- 可售量: sales beyond opening stock + purchases are impossible (虚构销售, or purchases hidden).

Quantities must be in one unit across the files: a drug whose units differ is flagged and not
compared (a box is not a tablet). No clock and no database: the same files give the same
table, which is what makes it evidence."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from inspector.errors import InvalidInput
from inspector.stock.ledgers import DATED, Kind, Ledger, Line, drug_key
from inspector.tables import fold

SHORTAGE = "库存短缺"
SURPLUS = "库存盈余"
OVERSETTLED = "结算量大于销售量"
OVERSOLD = "销售量大于可售量"
UNITS = "单位不一致"
FLAG_ORDER = (OVERSETTLED, OVERSOLD, SHORTAGE, SURPLUS, UNITS)


@dataclass(frozen=True)
class KeyDrug:
    """A drug of a watch list (附件1), matched by name (:func:`watch_stem`): ``人血白蛋白``
    takes 人血白蛋白注射液, ``连花清瘟片(胶囊、颗粒)`` takes 连花清瘟胶囊."""

    label: str  # e.g. 附件1 西药 1
    name: str


@dataclass
class DrugBalance:
    key: str
    name: str
    spec: str
    unit: str
    code: str
    key_drug: str | None = None  # the watch list entry it matched
    opening: Decimal | None = None
    purchased: Decimal = Decimal(0)
    purchased_fen: int = 0
    sold: Decimal = Decimal(0)
    sold_fen: int = 0
    settled: Decimal = Decimal(0)
    settled_fen: int = 0
    counted: Decimal | None = None
    expected: Decimal | None = None  # opening + purchased − sold
    stock_gap: Decimal | None = None  # counted − expected
    stock_gap_fen: int | None = None  # |gap| at the purchase (else settled) unit price
    excess: Decimal = Decimal(0)  # settled − sold, when positive
    excess_fen: int = 0  # the excess at the settled unit price
    oversold: Decimal = Decimal(0)  # sold − (opening + purchased), when positive
    units: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    counted_on_site: bool = False  # the count is the team's per-entry count, not a count file

    def to_data(self) -> dict[str, Any]:
        def q(value: Decimal | None) -> str | None:
            return None if value is None else str(value)

        return {
            "name": self.name, "spec": self.spec, "unit": self.unit, "code": self.code,
            "key_drug": self.key_drug, "opening": q(self.opening), "purchased": q(self.purchased),
            "purchased_fen": self.purchased_fen, "sold": q(self.sold), "sold_fen": self.sold_fen,
            "settled": q(self.settled), "settled_fen": self.settled_fen,
            "counted": q(self.counted), "expected": q(self.expected),
            "stock_gap": q(self.stock_gap), "stock_gap_fen": self.stock_gap_fen,
            "excess": q(self.excess), "excess_fen": self.excess_fen,
            "oversold": q(self.oversold), "units": self.units, "flags": self.flags,
            "counted_on_site": self.counted_on_site,
        }  # fmt: skip


@dataclass(frozen=True)
class SourceInfo:
    kind: Kind
    name: str
    sha256: str
    lines: int
    outside: int  # dated lines outside the period, left out
    skipped: tuple[int, ...]  # rows of totals left out


@dataclass
class Reconciliation:
    start: date
    end: date
    by_name_only: bool  # a file had no 规格 column: lines matched by name alone
    sources: list[SourceInfo]
    drugs: list[DrugBalance]
    # The team's per-entry counts (附件1) that could not be given to one drug, and why.
    count_notes: list[str] = field(default_factory=list)

    @property
    def flagged(self) -> list[DrugBalance]:
        return [d for d in self.drugs if d.flags]

    @property
    def excess_fen(self) -> int:
        """What the fund paid beyond what was sold: the amount of the finding."""
        return sum(d.excess_fen for d in self.drugs)

    def to_data(self) -> dict[str, Any]:
        return {
            "format": "inspector-stock/1",
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "by_name_only": self.by_name_only,
            "sources": [
                {"kind": s.kind.value, "name": s.name, "sha256": s.sha256, "lines": s.lines,
                 "outside": s.outside, "skipped": list(s.skipped)}
                for s in self.sources
            ],
            "drugs": [d.to_data() for d in self.drugs],
            "count_notes": self.count_notes,
            "excess_fen": self.excess_fen,
        }  # fmt: skip


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", fold(text))


# Dosage forms a watch list writes after the name (复方丹参片(丸、胶囊、颗粒、滴丸)): the list
# means the drug in any of its forms, so a ledger's 复方丹参滴丸 is on it.
_FORMS = ("注射液", "注射剂", "口服液", "软胶囊", "分散片", "胶囊", "颗粒", "滴丸", "合剂", "片",
          "丸", "粉")  # fmt: skip


def watch_stem(name: str) -> str:
    """What of a watch list's name a ledger's name must contain."""
    stem = re.sub(r"\([^)]*\)", "", _compact(name))  # NFKC made （） into ()
    stem = re.sub(r"^注射用", "", stem)
    stem = re.sub(r"[0-9]+$", "", stem)
    for form in _FORMS:
        if stem.endswith(form) and len(stem) - len(form) >= 2:
            return stem[: -len(form)]
    return stem


def _at_price(quantity: Decimal, fen: int, of: Decimal) -> int:
    """``quantity`` at the unit price ``fen / of``, to the fen."""
    return int((quantity * fen / of).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def reconcile(
    ledgers: Sequence[Ledger],
    start: date,
    end: date,
    key_drugs: Sequence[KeyDrug] = (),
    entry_counts: Mapping[str, tuple[Decimal, str]] | None = None,
) -> Reconciliation:
    """The table over the ledgers given: purchases, sales and settlements are required, the
    opening stock and the count optional (without both, stock is not compared).

    ``entry_counts`` are the counts the team typed on site per watch-list entry (label →
    quantity, unit): one is the count of the one drug of the ledgers that entry matches; an
    entry matching several drugs (two specifications) or none is not used, and said."""
    if end < start:
        raise InvalidInput("核对期间的结束日期早于开始日期")
    kinds = [ledger.kind for ledger in ledgers]
    for kind in DATED:
        if kind not in kinds:
            raise InvalidInput("进销存核对需要购进、销售（发药）和医保结算三份记录")
    if len(set(kinds)) != len(kinds):
        raise InvalidInput("每种记录只能给一份文件")
    for ledger in ledgers:
        if not ledger.ok:
            raise InvalidInput(
                "{name} 有 {n} 行无法读取，请修改后重新导入", name=ledger.source_name,
                n=len(ledger.refused),
            )  # fmt: skip
    by_name_only = not all(ledger.has_spec for ledger in ledgers)

    def key_of(line: Line) -> str:
        return drug_key(line.name, "" if by_name_only else line.spec)

    drugs: dict[str, DrugBalance] = {}
    units: dict[str, set[str]] = defaultdict(set)
    sources: list[SourceInfo] = []
    for ledger in ledgers:
        outside = 0
        for line in ledger.lines:
            if ledger.kind in DATED:
                assert line.day is not None
                if not start <= line.day <= end:
                    outside += 1
                    continue
            key = key_of(line)
            drug = drugs.get(key)
            if drug is None:
                drug = drugs[key] = DrugBalance(key, line.name, line.spec, line.unit, line.code)
            drug.code = drug.code or line.code
            if line.unit:
                units[key].add(_compact(line.unit))
            fen = line.amount_fen or 0
            if ledger.kind is Kind.PURCHASES:
                drug.purchased += line.quantity
                drug.purchased_fen += fen
            elif ledger.kind is Kind.SALES:
                drug.sold += line.quantity
                drug.sold_fen += fen
            elif ledger.kind is Kind.SETTLEMENTS:
                drug.settled += line.quantity
                drug.settled_fen += fen
            elif ledger.kind is Kind.OPENING:
                drug.opening = (drug.opening or Decimal(0)) + line.quantity
            else:
                drug.counted = (drug.counted or Decimal(0)) + line.quantity
        sources.append(
            SourceInfo(ledger.kind, ledger.source_name, ledger.sha256, len(ledger.lines),
                       outside, tuple(ledger.skipped))
        )  # fmt: skip
    has_opening = Kind.OPENING in kinds
    watch = [(k, watch_stem(k.name)) for k in key_drugs if len(watch_stem(k.name)) >= 2]
    for drug in drugs.values():
        compact = _compact(drug.name)
        drug.key_drug = next((k.label for k, name in watch if name in compact), None)
    count_notes = _entry_counts(drugs, entry_counts or {}, units)
    for drug in drugs.values():
        drug.units = sorted(units[drug.key])
        if len(drug.units) > 1:
            drug.flags.append(UNITS)
            continue  # not comparable: say so rather than compare boxes with tablets
        if has_opening:
            drug.opening = drug.opening or Decimal(0)
            available = drug.opening + drug.purchased
            drug.expected = available - drug.sold
            if drug.sold > available:
                drug.oversold = drug.sold - available
                drug.flags.append(OVERSOLD)
            # A drug the team did not count is not compared (a count covers the drugs chosen,
            # not the whole pharmacy).
            if drug.counted is not None:
                drug.stock_gap = drug.counted - drug.expected
                if drug.stock_gap:
                    if drug.purchased:
                        price = (drug.purchased_fen, drug.purchased)
                    elif drug.settled:
                        price = (drug.settled_fen, drug.settled)
                    else:
                        price = None
                    if price is not None:
                        drug.stock_gap_fen = _at_price(abs(drug.stock_gap), *price)
                    drug.flags.append(SHORTAGE if drug.stock_gap < 0 else SURPLUS)
        if drug.settled > drug.sold:
            drug.excess = drug.settled - drug.sold
            drug.excess_fen = _at_price(drug.excess, drug.settled_fen, drug.settled)
            drug.flags.append(OVERSETTLED)
        drug.flags.sort(key=FLAG_ORDER.index)
    ordered = sorted(
        drugs.values(),
        key=lambda d: (not d.flags, -d.excess_fen, d.key_drug is None, d.name, d.spec),
    )
    return Reconciliation(start, end, by_name_only, sources, ordered, count_notes)


def _entry_counts(
    drugs: dict[str, DrugBalance],
    counts: Mapping[str, tuple[Decimal, str]],
    units: dict[str, set[str]],
) -> list[str]:
    notes: list[str] = []
    for label, (quantity, unit) in sorted(counts.items()):
        matched = [d for d in drugs.values() if d.key_drug == label]
        if len(matched) != 1:
            why = "对应多个品种或规格" if matched else "在资料中没有对应的品种"
            notes.append(f"{label} 的现场盘点数 {quantity} {unit}".rstrip() + f"{why}，未用于核对")
            continue
        (drug,) = matched
        if drug.counted is not None:
            continue  # a count file names this drug: it is the count
        drug.counted = quantity
        drug.counted_on_site = True
        if unit:
            units[drug.key].add(_compact(unit))
    return notes
