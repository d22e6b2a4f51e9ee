"""A finished sweep onto the checklist: the scan log PDF as evidence of P6.5 (药品进销存数据与
上传医保费用一致: a box on the shelf whose code the institution settled is stock that the
uploaded settlements say was dispensed), hashed into the store and its custody chain like a
photo, then, when codes were hit, the finding on P6.5 with the money at stake and a note
naming the codes. Two events (``evidence.add``, then ``answer.save``), in that order: a crash
between them leaves the evidence, never a finding without its log.

The note's sweep paragraph replaces an earlier sweep's and keeps the team's text and the
进销存 reconciliation's paragraph; the amount adds the sweep's to what the answer held without
the earlier sweep's, so neither the reconciliation's amount nor a typed one is lost."""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspector.errors import InvalidInput
from inspector.evidence.intake import add_evidence_bytes
from inspector.inspections import AnswerView, format_fen, get_inspection, parse_amount, save_answer
from inspector.trace import ITEM, NOT_PURCHASED, OTHER_BUYER, REPEATED, RETURNED
from inspector.trace.report import log_pdf
from inspector.trace.scans import SweepSummary
from inspector.workspace import Workspace

PARAGRAPH = "追溯码核查（"  # how the finding's paragraph of the note starts
NOTE_CODES = 5  # codes named in the note; the log has them all
_AMOUNT = re.compile(r"涉及结算金额 ¥([0-9,]+\.[0-9]{2})")


@dataclass(frozen=True)
class Findings:
    evidence_id: str
    answer: AnswerView | None  # None when nothing was hit and the item was already answered
    summary: SweepSummary


def finding_note(summary: SweepSummary) -> str:
    counts = summary.counts
    named = []
    for c in summary.hits[:NOTE_CODES]:
        what = f"{c.code}（{'、'.join(c.flags)}"
        if c.uses:
            what += f"，结算 {c.uses} 次 ¥{format_fen(c.amount_fen) or '0.00'}"
        named.append(what + "）")
    more = f"等 {len(summary.hits)} 个" if len(summary.hits) > NOTE_CODES else ""
    found = "，".join(f"{name} {counts[name]} 个" for name in _NAMED if counts[name])
    return (
        f"{PARAGRAPH}在架扫码 {len(summary.codes)} 个）：{found}；"
        + "；".join(named)
        + more
        + f"。涉及结算金额 ¥{format_fen(summary.amount_fen) or '0.00'}，"
        "详见证据“药品追溯码扫码记录”。"
    )


_NAMED = (REPEATED, RETURNED, OTHER_BUYER, NOT_PURCHASED)


def sweep_amount(note: str) -> int:
    """The amount a sweep's paragraph in ``note`` states (0 without one): what the 进销存
    reconciliation keeps when it sets the item's amount, and what a later sweep replaces."""
    for line in note.splitlines():
        if line.startswith(PARAGRAPH):
            match = _AMOUNT.search(line)
            if match:
                return parse_amount(match.group(1).replace(",", "")) or 0
    return 0


def _with(note: str, paragraph: str) -> str:
    kept = [line for line in note.splitlines() if not line.startswith(PARAGRAPH)]
    return "\n".join([*kept, paragraph]).strip()


def attach_findings(
    ws: Workspace,
    summary: SweepSummary,
    *,
    violation: str | None = None,
    added_by: str | None = None,
) -> Findings:
    """The log as evidence of P6.5, then (when codes were hit) the finding on P6.5."""
    if not summary.scans:
        raise InvalidInput("本次检查还没有扫描追溯码")
    view = get_inspection(ws, summary.inspection_id)
    if ITEM not in {item.code for item in view.checklist.items}:
        raise InvalidInput("本次检查的清单中没有条目 {item_code}", item_code=ITEM)
    pdf = log_pdf(summary, institution=view.institution_name, inspection_id=view.id)
    last = summary.scans[-1]
    name = f"药品追溯码扫码记录_{len(summary.scans)}次_{last.hash[:8]}.pdf"
    intake = add_evidence_bytes(ws, view.id, name, pdf, item_code=ITEM, added_by=added_by)
    if not intake.ok or intake.evidence_id is None:
        raise InvalidInput("扫码记录未能存为证据：{error}", error=intake.error or "")
    answer = view.answers.get(ITEM)
    if summary.hits:
        note = answer.note if answer else ""
        before = (answer.amount_fen or 0) if answer else 0
        amount = max(before - sweep_amount(note), 0) + summary.amount_fen
        saved = save_answer(
            ws, view.id, ITEM, "problem", note=_with(note, finding_note(summary)),
            amount_fen=amount or None, violation=violation,
        )  # fmt: skip
        return Findings(intake.evidence_id, saved, summary)
    if answer is None:
        note = f"{PARAGRAPH}在架扫码 {len(summary.codes)} 个）：未发现问题。"
        saved = save_answer(ws, view.id, ITEM, "ok", note=note)
        return Findings(intake.evidence_id, saved, summary)
    return Findings(intake.evidence_id, None, summary)
