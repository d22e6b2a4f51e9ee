"""A 药品追溯码 as it reaches the laptop: typed by a USB scanner (keyboard input, one code per
Enter), read from a camera frame, or pasted. The national format is 20 digits printed beside
the words “药品追溯码” on each box (国家医保局《关于药品追溯码的七问七答》, 2024-12-06: 追溯码
“一般为标识有‘药品追溯码’字样的20位数字”); anything else is not a code this sweep checks: a
商品码 (13 digits from 69…), a half-read code, two codes run together."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from inspector.errors import InvalidInput

LENGTH = 20
_CODE = re.compile(r"[0-9]{20}")
# What a scanner or a paste may wrap a code in: spaces, tabs, a Windows line end, a BOM.
_WRAPPING = re.compile(r"[\s\ufeff]+")
MAX_TEXT = 200  # a line longer than this is not a scan


@dataclass(frozen=True)
class Checked:
    """One line read: the code, or why it is not one (``reason``, Chinese)."""

    text: str  # as read, for the message
    code: str | None
    reason: str | None = None  # a template (ui/core_messages.py translates it) ...
    digits: int = 0  # ... and its one value

    @property
    def ok(self) -> bool:
        return self.code is not None

    @property
    def why(self) -> str:
        return (self.reason or "").format(n=self.digits)


def normalise(text: str) -> str:
    """Full-width digits (a Chinese input method left on) to ASCII, wrapping removed."""
    return _WRAPPING.sub("", unicodedata.normalize("NFKC", text))


def check(text: str) -> Checked:
    shown = text.strip()[:MAX_TEXT]
    code = normalise(text[: MAX_TEXT * 2])
    if not code:
        return Checked(shown, None, "空白")
    if _CODE.fullmatch(code):
        return Checked(shown, code)
    if code.isdigit() and len(code) == 13 and code.startswith("69"):
        return Checked(shown, None, "这是商品条码（69 开头 13 位），不是药品追溯码")
    if code.isdigit() and len(code) == 2 * LENGTH:
        return Checked(shown, None, "两个追溯码连在一起（40 位）：请逐个扫描")
    if code.isdigit():
        return Checked(shown, None, "位数不对：{n} 位，药品追溯码为 20 位数字", len(code))
    return Checked(shown, None, "含有数字以外的字符，药品追溯码为 20 位数字")


def require(text: str) -> str:
    """A code, or InvalidInput saying why it is not one."""
    checked = check(text)
    if checked.code is None:
        raise InvalidInput(
            "“{text}”不是药品追溯码：{reason}", text=checked.text, reason=checked.why
        )
    return checked.code


def read_lines(lines: Iterable[str]) -> Iterator[Checked]:
    """Lines as a scanner types them (stdin, a pasted list): blank lines are skipped, every
    other line is one code or one refusal."""
    for line in lines:
        if not line.strip():
            continue
        yield check(line)


def decode_image(image: Any) -> list[Checked]:
    """The codes in one camera frame (a Pillow image): DataMatrix, QR, Code 128 and the other
    symbologies zxing-cpp reads, each checked as a typed code would be. The same code twice in
    one frame (a box photographed with its copy label) is one."""
    import zxingcpp

    found: list[Checked] = []
    seen: set[str] = set()
    for result in zxingcpp.read_barcodes(image):
        if not result.valid or result.text in seen:
            continue
        seen.add(result.text)
        found.append(check(result.text))
    return found
