"""Composing the checklist for one visit: the eight points that apply to the institution's type,
the type's priorities, the chosen focus packs and the items of the inspection mode.

An item that is both one of the eight points and a priority of the type (挂床住院 for a primary
clinic) is one item carrying both sources, marked as a priority. Items that do not apply to the
type are left out, not shown blank. A covert visit (暗访) keeps only the items that can be checked
by observation without the team identifying itself.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from inspector.checklists.library import Library
from inspector.errors import InvalidInput


@dataclass(frozen=True)
class ComposedSource:
    seed: str
    clause: str
    quote: str


@dataclass(frozen=True)
class ComposedItem:
    code: str
    section: str
    title: str
    question: str
    guidance: str
    guidance_origin: str
    violations: list[str]
    priority: bool  # a priority (重点) the seeds name for this institution type
    # "point": one of the eight points of seed 000; "type": a priority or violation item of
    # the type; "focus:<code>": from a focus pack; "mode": asked for by the inspection mode.
    origin: str
    covert: bool
    applies_note: str  # why it applies to this type, where that is the tool's reading
    sources: list[ComposedSource]
    reference: str | None = None  # a reference list checked entry by entry (附件1 西药 ...)


@dataclass(frozen=True)
class ComposedSection:
    code: str
    title: str
    title_en: str
    point: int | None
    items: list[ComposedItem]


@dataclass(frozen=True)
class Checklist:
    type_code: str
    type_name: str
    mode_code: str
    mode_name: str
    focus: list[str]
    versions: dict[str, str]
    sections: list[ComposedSection]
    # The reference lists the items check entry by entry, kept with the visit like the items:
    # {code: {"title": ..., "entries": [{"no", "name", "form", "note"}]}}.
    references: dict[str, Any] = field(default_factory=dict)

    @property
    def items(self) -> list[ComposedItem]:
        return [item for section in self.sections for item in section.items]

    def item(self, code: str) -> ComposedItem | None:
        return next((item for item in self.items if item.code == code), None)

    def section_numbers(self) -> dict[str, int]:
        """Each section's number as the record and the app show it: a point of seed 000 keeps
        its point's number (a pharmacy's checklist has no points 3 and 5, and its point 6 is
        still 6); the other sections follow on after the last point, in their order."""
        last_point = max((s.point for s in self.sections if s.point is not None), default=0)
        numbers: dict[str, int] = {}
        following = max(last_point, 8)
        for section in self.sections:
            if section.point is not None:
                numbers[section.code] = section.point
            else:
                following += 1
                numbers[section.code] = following
        return numbers

    @property
    def version_label(self) -> str:
        return ", ".join(f"{name}@{version}" for name, version in sorted(self.versions.items()))

    def to_snapshot(self) -> dict[str, Any]:
        """A JSON-able copy kept with the inspection."""
        return asdict(self)

    @classmethod
    def from_snapshot(cls, data: dict[str, Any]) -> Checklist:
        sections = [
            ComposedSection(
                **{
                    **section,
                    "items": [
                        ComposedItem(
                            **{
                                **item,
                                "sources": [ComposedSource(**s) for s in item["sources"]],
                            }
                        )
                        for item in section["items"]
                    ],
                }
            )
            for section in data["sections"]
        ]
        return cls(**{**data, "sections": sections})


def _unknown(what: str, value: str, known: dict[str, Any], names: dict[str, str]) -> InvalidInput:
    options = "；".join(f"{code}（{names[code]}）" for code in known)
    return InvalidInput(
        "未知的{what}：{value}。可选：{options}", what=what, value=value, options=options
    )


def compose(library: Library, type_code: str, mode_code: str, focus: list[str] = ()) -> Checklist:  # type: ignore[assignment]
    if type_code not in library.types:
        names = {code: t.name for code, t in library.types.items()}
        raise _unknown("机构类型", type_code, library.types, names)
    if mode_code not in library.modes:
        names = {code: m.name for code, m in library.modes.items()}
        raise _unknown("检查方式", mode_code, library.modes, names)
    chosen = list(dict.fromkeys(focus))  # keep order, drop repeats
    for pack in chosen:
        if pack not in library.focus_packs:
            names = {code: p.name for code, p in library.focus_packs.items()}
            raise _unknown("专项", pack, library.focus_packs, names)
    useful = {pack.code for pack in library.focus_packs_for(type_code)}
    for pack in chosen:
        if pack not in useful:
            raise InvalidInput(
                "专项“{focus}”对“{type}”没有适用的检查条目",
                focus=library.focus_packs[pack].name,
                type=library.types[type_code].name,
            )
    mode = library.modes[mode_code]

    grouped: dict[str, list[ComposedItem]] = {}
    for item in library.sorted_items():
        if type_code not in item.applies_to:
            continue
        pack = library.item_pack[item.code]
        if pack is not None and pack not in chosen:
            continue
        if item.modes and mode_code not in item.modes:
            continue
        if mode.covert and not item.covert:
            continue
        # A source that names other types only (another type's priority) is not shown here.
        sources = [s for s in item.sources if not s.types or type_code in s.types]
        priority = any(type_code in s.types for s in item.sources)
        section = library.sections[item.section]
        if pack is not None:
            origin = f"focus:{pack}"
        elif item.modes:
            origin = "mode"
        elif section.point is not None and any(s.seed == "000" for s in item.sources):
            origin = "point"
        else:
            origin = "type"
        grouped.setdefault(item.section, []).append(
            ComposedItem(
                code=item.code,
                section=item.section,
                title=item.title,
                question=item.question,
                guidance=item.guidance,
                guidance_origin=item.guidance_origin,
                violations=list(item.violations),
                priority=priority,
                origin=origin,
                covert=item.covert,
                applies_note=item.applies_notes.get(type_code, ""),
                sources=[ComposedSource(s.seed, s.clause, s.quote) for s in sources],
                reference=item.reference,
            )
        )
    if not grouped:
        raise InvalidInput(
            f"“{library.types[type_code].name}”在“{mode.name}”方式下没有可检查的条目"
            + ("（暗访只包含不表明身份即可观察核实的条目）" if mode.covert else "")
        )
    sections = [
        ComposedSection(
            code=code,
            title=library.sections[code].title,
            title_en=library.sections[code].title_en,
            point=library.sections[code].point,
            items=items,
        )
        for code, items in sorted(grouped.items(), key=lambda kv: library.sections[kv[0]].order)
    ]
    used_files = {
        loaded.data.id: loaded.data.version
        for loaded in library.files
        if loaded.data.kind == "base" or (loaded.data.focus and loaded.data.focus.code in chosen)
    }
    references = {
        item.reference: {
            "title": library.reference[item.reference].title,
            "entries": [entry.model_dump() for entry in library.reference[item.reference].entries],
        }
        for section in sections
        for item in section.items
        if item.reference
    }
    return Checklist(
        type_code=type_code,
        type_name=library.types[type_code].name,
        mode_code=mode_code,
        mode_name=mode.name,
        focus=chosen,
        versions=used_files,
        sections=sections,
        references=references,
    )
