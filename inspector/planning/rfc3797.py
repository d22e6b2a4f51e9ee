"""Publicly verifiable random selection (RFC 3797, "Publicly Verifiable Nominations Committee
Random Selection"), and the weighted SHA-256 variant this tool documents in
``docs/draw.md``. Pure functions: no database, no clock, nothing but the published inputs.

RFC 3797, section 4, as implemented here:

- **Key string**: for each random source in the published order, its values as decimal
  integers with leading zeros suppressed, sorted into ascending order, each followed by a
  period; the source then ends with a slash. The sources (9319), (2 5 12 8 10) and
  (9 18 26 34 41 45) give ``9319./2.5.8.10.12./9.18.26.34.41.45./``.
- **Picks**: for i = 0, 1, 2, ...: MD5 of the two bytes of i (big-endian), the key string,
  and the same two bytes again, read as a 128-bit unsigned big-endian number; divided by the
  number of candidates still in the pool, the remainder plus one is the position of the
  selected one among those left (in the published order). The selected one leaves the pool.

The weighted variant (section 3 of docs/draw.md): the same key string and counter bracketing,
SHA-256 instead of MD5, a 256-bit number taken modulo the sum W of the integer weights of the
candidates left; walking the candidates left in the published order and adding up their
weights, the first whose running sum exceeds the remainder is selected. Each pick then has a
probability of weight / W (to within W / 2**256), and one candidate with all the weight is
the only one that can be picked.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence

from inspector.errors import InvalidInput

MAX_PICKS = 1 << 16  # the counter is two bytes


def parse_sources(text: str) -> list[list[int]]:
    """Sources as typed: separated by ``/`` (or a new line), each with its values separated
    by spaces, commas or periods: ``9319 / 2 5 12 8 10 / 9 18 26 34 41 45``. Values must be
    non-negative integers (a stock index 1234.56 is published as 123456)."""
    sources: list[list[int]] = []
    for part in re.split(r"[/\n；;]", text):
        words = [w for w in re.split(r"[\s,，.、]+", part.strip()) if w]
        if not words:
            continue
        values: list[int] = []
        for word in words:
            if not re.fullmatch(r"[0-9]+", word):
                raise InvalidInput(
                    "随机源第 {n} 组中的“{word}”不是非负整数"
                    "（每组写整数，组与组之间用 / 分隔，如 9319 / 2 5 12 8 10）",
                    n=len(sources) + 1,
                    word=word,
                )
            values.append(int(word))
        sources.append(values)
    if not sources:
        raise InvalidInput("请给出随机源（如彩票开奖号码），组与组之间用 / 分隔")
    return sources


def key_string(sources: Sequence[Sequence[int]]) -> str:
    """The RFC 3797 key string of the sources (each sorted, ``.`` after each value, ``/``
    after each source)."""
    parts = []
    for values in sources:
        if not values:
            raise InvalidInput("随机源中有一组是空的")
        if any(v < 0 for v in values):
            raise InvalidInput("随机源的数值不能为负数")
        parts.append("".join(f"{v}." for v in sorted(values)) + "/")
    return "".join(parts)


def _bracketed(digest: Callable[[bytes], bytes], key: str, i: int) -> int:
    if not 0 <= i < MAX_PICKS:
        raise InvalidInput("最多抽取 {limit} 次", limit=MAX_PICKS)
    counter = i.to_bytes(2, "big")
    return int.from_bytes(digest(counter + key.encode("ascii") + counter), "big")


def md5_value(key: str, i: int) -> int:
    """The i-th RFC 3797 number: MD5(i ‖ key ‖ i) as a 128-bit integer."""
    return _bracketed(lambda data: hashlib.md5(data, usedforsecurity=False).digest(), key, i)


def sha256_value(key: str, i: int) -> int:
    """The i-th number of the weighted variant: SHA-256(i ‖ key ‖ i) as a 256-bit integer."""
    return _bracketed(lambda data: hashlib.sha256(data).digest(), key, i)


def select(pool_size: int, count: int, key: str) -> list[int]:
    """RFC 3797 selection of ``count`` of ``pool_size`` candidates: their 0-based positions in
    the published list, in the order selected."""
    if count > pool_size:
        raise InvalidInput("要抽取 {count} 个，但候选只有 {size} 个", count=count, size=pool_size)
    left = list(range(pool_size))
    chosen = []
    for i in range(count):
        position = md5_value(key, i) % len(left)  # the RFC's "remainder plus one", 0-based
        chosen.append(left.pop(position))
    return chosen


def select_weighted(weights: Sequence[int], count: int, key: str) -> list[int]:
    """The weighted variant: ``count`` candidates without replacement, each pick with the
    probability of its weight among those left. Weights are positive integers."""
    if count > len(weights):
        raise InvalidInput(
            "要抽取 {count} 个，但候选只有 {size} 个", count=count, size=len(weights)
        )
    if any(not isinstance(w, int) or w <= 0 for w in weights):
        raise InvalidInput("抽取权重必须是正整数")
    left = list(range(len(weights)))
    total = sum(weights)
    chosen = []
    for i in range(count):
        target = sha256_value(key, i) % total
        running = 0
        for slot, index in enumerate(left):
            running += weights[index]
            if running > target:
                chosen.append(left.pop(slot))
                total -= weights[index]
                break
    return chosen
