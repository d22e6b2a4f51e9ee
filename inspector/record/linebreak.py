"""Chinese line breaking for the record (禁则): no closing punctuation at the start of a line, no
opening quotation mark or bracket at its end, and Latin words and numbers kept whole where
they fit.

reportlab's ``wordWrap='CJK'`` knows only Japanese and ASCII closing marks: the full-width
"，；：？！" and "”" may start a line, and it never looks at what ends one, so "“" is left at a
line's end (measured: 82 breaches over widths 40-300 pt on one sentence of a record). Its rule
for a mark that may not start a line is to hang it in the margin, which in a table cell runs
into the next cell. Here the line is broken earlier instead (推出): the character before the
mark moves to the next line with it, as Chinese typesetting does when nothing may hang.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine
from reportlab.rl_config import _FUZZ

# GB/T 15834 punctuation that closes (may not start a line), and that opens (may not end one).
NO_LINE_START = frozenset("，。、；：？！）”」』】〕〉》’…—·％‰℃,.;:?!)]}%")
NO_LINE_END = frozenset("（“「『【〔〈《‘([{")


def _wordlike(char: str) -> bool:
    """A character of a Latin word or number, which should not be split across lines."""
    return char.isascii() and (char.isalnum() or char in "._-/@:#%+")


def _same_word(units: list[Any], i: int) -> bool:
    """Whether ``units[i - 1]`` and ``units[i]`` are one Latin word or number, a thousands
    separator between digits included (30,000.00 is not split at its comma)."""
    before, after = units[i - 1], units[i]
    if _wordlike(before) and _wordlike(after):
        return True
    if before == ",":
        return i >= 2 and str(units[i - 2]).isdigit() and str(after).isdigit()
    if after == ",":
        return i + 1 < len(units) and str(before).isdigit() and str(units[i + 1]).isdigit()
    return False


def _break_at(units: list[Any], start: int, overflow: int) -> int:
    """Where to end the line that runs from ``start`` and overflows at ``overflow`` (the first
    unit that did not fit): the latest position that breaks no rule, else ``overflow``."""
    end = overflow
    while True:  # each rule can move the break into the other's way: until neither moves it
        before = end
        if _same_word(units, end):
            word = end - 1
            while word > start and _same_word(units, word):
                word -= 1
            if word > start:  # a word longer than the line is split where it overflows
                end = word
        while end > start + 1 and (units[end] in NO_LINE_START or units[end - 1] in NO_LINE_END):
            end -= 1
        if end == before:
            return end


def break_lines(frags: list[Any], max_widths: list[float], calc_bounds: bool) -> ParaLines:
    """reportlab's ``cjkFragSplit`` with the rules above: the same line objects out."""
    units: list[Any] = []
    for frag in frags:
        text = frag.text.decode("utf8") if isinstance(frag.text, bytes) else frag.text
        if text:
            units.extend(cjkU(char, frag, "utf8") for char in text)
        else:  # a <br/> or an inline image
            units.append(cjkU(text, frag, "utf8"))
    lines: list[Any] = []
    start = 0
    while start < len(units):
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        used = 0.0
        index = start
        hard = False
        widths: list[float] = []
        while index < len(units):
            unit = units[index]
            if hasattr(unit.frag, "lineBreak"):
                hard = True
                index += 1
                widths.append(0.0)
                break
            width = unit.width
            if hasattr(width, "normalizedValue"):
                width._normalizer = max_width
                width = width.normalizedValue(max_width)
            if used + width > max_width + _FUZZ and index > start:
                break
            used += width
            widths.append(width)
            index += 1
        if hard or index >= len(units):
            end = index
        else:
            end = _break_at(units, start, index)
            used = sum(widths[: end - start])
        lines.append(
            makeCJKParaLine(units[start:end], max_width, used, max_width - used, hard, calc_bounds)
        )
        start = end
    return ParaLines(kind=1, lines=lines)


class ChineseParagraph(Paragraph):
    """A Paragraph whose CJK line breaking follows 禁则 (style ``wordWrap='CJK'``)."""

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # noqa: N802, N803 (reportlab's names)
        widths = list(maxWidths) if isinstance(maxWidths, list | tuple) else [maxWidths]
        if not self.frags:
            return super().breakLinesCJK(widths)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        self.height = 0
        auto_leading = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        return break_lines(self.frags, widths, auto_leading not in ("", "off"))
