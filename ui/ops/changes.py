"""What an operation changed, so that the pages refresh from one signal instead of a signal of
their own per dialog (Anki's OpChanges). Flags per area, plus the inspections concerned."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace


@dataclass(frozen=True)
class OpChanges:
    inspection: bool = False  # an inspection's own fields: status, team, plan, finish/reopen
    answers: bool = False  # checklist answers and notes, drug checks, claims verdicts
    evidence: bool = False  # evidence, captions, links, seals
    record: bool = False  # record content, statement, signatures, built or signed records
    ledger: bool = False  # 台账: cases, follow-ups, orders, deadlines
    settings: bool = False  # settings, keys, trust, the current inspector
    registry: bool = False  # the institution registry
    campaigns: bool = False  # the office's campaigns (专项行动) installed by a pull
    inspection_ids: frozenset[str] = field(default_factory=frozenset)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name != "inspection_ids")

    def __or__(self, other: OpChanges) -> OpChanges:
        flags = {
            f.name: getattr(self, f.name) or getattr(other, f.name)
            for f in fields(self)
            if f.name != "inspection_ids"
        }
        return replace(self, **flags, inspection_ids=self.inspection_ids | other.inspection_ids)

    def about(self, inspection_id: str) -> OpChanges:
        return replace(self, inspection_ids=self.inspection_ids | {inspection_id})

    @property
    def home_list(self) -> bool:
        """Whether the home list (status, counts, institutions) may show something else now."""
        return (
            self.inspection
            or self.answers
            or self.evidence
            or self.record
            or self.ledger
            or self.campaigns  # the home screen shows the active campaigns
        )
