"""The public documents the checklist quotes, by the seed number the checklist files use: what
the app and the record name instead of "种子 000" (the numbers are the tool's own file names).

Titles and document numbers (文号) as the documents themselves print them (tests/data/seeds/);
seeds 001 and 003 carry no 文号 in the text we have, so they are named by issuer and title.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class SourceDocument:
    seed: str
    issuer: str
    title: str
    number: str | None  # 文号, e.g. 济医保函〔2019〕2号

    @property
    def short(self) -> str:
        """How a line of the checklist names it: the 文号, else the issuer and title."""
        return self.number or f"{self.issuer}《{self.title}》"

    @property
    def full(self) -> str:
        return f"{self.issuer}《{self.title}》" + (f"（{self.number}）" if self.number else "")


DOCUMENTS: dict[str, SourceDocument] = {
    doc.seed: doc
    for doc in (
        SourceDocument(
            "000", "济南市医疗保障局", "济南市打击欺诈骗保“风暴行动”实施方案", "济医保函〔2019〕2号"
        ),
        SourceDocument(
            "001", "山东省人民政府办公厅", "关于打击欺诈骗保维护医疗保障基金安全的意见", None
        ),
        SourceDocument(
            "002",
            "济宁市医疗保障局等五部门",
            "关于开展医保领域打击欺诈骗保专项整治工作的通知",
            "济医保发〔2023〕11号",
        ),
        SourceDocument(
            "003",
            "武汉市东西湖区人民政府办公室",
            "东西湖区打击欺诈骗取医保基金专项治理工作方案",
            None,
        ),
        SourceDocument(
            "004",
            "济南市医疗保障局",
            "全市医保系统大排查大整改大提升攻坚行动工作方案",
            "济医保发〔2019〕4号",
        ),
    )
}


def source_label(seed: str, clause: str = "") -> str:
    """A source as a reader can look it up: "济医保函〔2019〕2号 四、（五）"."""
    doc = DOCUMENTS.get(seed)
    name = doc.short if doc else f"资料 {seed}"
    return f"{name} {clause}".strip()


def documents_cited(seeds: Iterable[str]) -> list[SourceDocument]:
    """The documents of these seeds, once each, in seed order."""
    return [DOCUMENTS[seed] for seed in sorted(set(seeds)) if seed in DOCUMENTS]


def user_wording(text: str) -> str:
    """A note of the checklist files as a user reads it: "种子002" becomes the document's name
    (the numbers are the tool's own file names), and "本工具的理解" says whose reading it is."""
    import re

    def names(match: re.Match[str]) -> str:
        seeds = re.findall(r"\d{3}", match.group(1))
        return "、".join(DOCUMENTS[n].short if n in DOCUMENTS else "依据文件" for n in seeds)

    text = re.sub(r"种子\s*(\d{3}(?:\s*[、和与]\s*\d{3})*)", names, text)
    text = text.replace("种子", "依据文件")
    return text.replace("是本工具的理解", "是本工具的解读，请以本地规定为准")
