"""The format of the checklist data files in ``resources/checklists/``.

Every file is YAML with the same top-level shape (:class:`ChecklistFile`); any of its lists may
be empty. The library (``library.py``) loads all files, validates each against these models and
then checks the references between files (sections, types, violations, modes).

Everything an inspector reads in a checklist traces to a seed document: each item has at least
one :class:`Source` whose ``quote`` is a verbatim excerpt of that seed (white space aside). Text
that is the tool's own (on-site guidance, the choice of which points apply to a pharmacy) is
marked as such by ``guidance_origin`` or an ``applies_note``.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

FORMAT = "inspector-checklist/1"

Code = Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_.\-]{0,31}$")]
ItemCode = Annotated[str, Field(pattern=r"^[A-Z]{1,3}[0-9]?\.[0-9]{1,3}$")]
SeedId = Annotated[str, Field(pattern=r"^[0-9]{3}$")]
Text = Annotated[str, Field(min_length=1)]

_VERSION = re.compile(r"^[0-9]{4}\.[0-9]+(\.[0-9]+)?$")


class Strict(BaseModel):
    # Unknown keys are typos in a hand-edited file; refuse them rather than ignore them.
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Source(Strict):
    """Where a piece of checklist content comes from."""

    seed: SeedId  # the first three digits of the file name in the seeds folder
    clause: Text  # e.g. "四、检查重点（五）" or "附件2 一(4)"
    quote: Text  # verbatim from the seed, white space aside
    # The institution types for which this source makes the item a priority (重点).
    types: list[Code] = []


class InstitutionType(Strict):
    code: Code
    name: Text  # Chinese, as in the seeds
    name_en: Text
    # medical: hospitals and clinics; pharmacy; agency: 经办机构; person: doctors and insured
    # persons; relief: poverty relief and medical assistance.
    group: Literal["medical", "pharmacy", "agency", "person", "relief"]
    sources: list[Source] = Field(min_length=1)


class InspectionMode(Strict):
    code: Code
    name: Text
    name_en: Text
    description: Text
    # A covert visit (暗访): the team does not identify itself, so only items that can be
    # checked by observation as a patient or customer are composed in.
    covert: bool = False
    sources: list[Source] = Field(min_length=1)


class Section(Strict):
    """A group of items: one of the eight inspection points, or a type's or pack's own group."""

    code: Code
    order: int
    title: Text
    title_en: Text
    point: int | None = Field(default=None, ge=1, le=8)  # 1-8 for the eight points of seed 000
    sources: list[Source] = Field(min_length=1)


class ViolationCategory(Strict):
    code: Code
    party: Literal["medical", "pharmacy", "insured", "ring", "cross_region"]
    title: Text
    sources: list[Source] = Field(min_length=1)


class Item(Strict):
    code: ItemCode
    section: Code
    title: Text  # short, what to look for
    question: Text  # the question the team answers on site
    guidance: Text  # how to check it on site: which ledgers, documents, places
    # "seed": the guidance paraphrases the seeds; "tool": it is this tool's own practice advice.
    guidance_origin: Literal["seed", "tool"]
    applies_to: list[Code] = Field(min_length=1)
    # Why the item applies to a type the seeds do not name for it (the tool's own reading),
    # by type code: shown only with that type's checklist.
    applies_notes: dict[Code, Text] = {}
    violations: list[Code] = Field(min_length=1)
    covert: bool = False  # can be checked without identifying the team (暗访)
    modes: list[Code] = []  # only composed in for these modes; empty: every mode
    sources: list[Source] = Field(min_length=1)
    # A reference list (附件1 西药, ...) checked entry by entry on this item: the app shows its
    # entries with a count and a note each.
    reference: Code | None = None


class ReferenceEntry(Strict):  # one line of a reference list such as 附件1
    no: int = Field(ge=1)
    name: Text
    form: str = ""  # dosage form (剂型), where the seed gives one
    note: str = ""


class ReferenceList(Strict):
    code: Code
    title: Text
    entries: list[ReferenceEntry] = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)


class FocusPack(Strict):
    code: Code
    name: Text
    name_en: Text
    description: Text
    sources: list[Source] = Field(min_length=1)


class ChecklistFile(Strict):
    format: Literal["inspector-checklist/1"]
    id: Code
    version: str
    title: Text
    # A file is part of every checklist ("base") or chosen per visit ("focus").
    kind: Literal["base", "focus"]
    focus: FocusPack | None = None
    types: list[InstitutionType] = []
    modes: list[InspectionMode] = []
    sections: list[Section] = []
    violations: list[ViolationCategory] = []
    items: list[Item] = []
    reference: list[ReferenceList] = []

    @field_validator("version")
    @classmethod
    def _version(cls, value: str) -> str:
        if not _VERSION.match(value):
            raise ValueError("版本号应形如 2026.1 或 2026.1.2")
        return value
