"""The reconciliation over an inspection: the watch lists (附件1) of the checklist library, the
files read off the UI thread, and attaching the outcome to checklist item P6.5 (药品进销存数据与
上传医保费用一致): the table as evidence of the item (a PDF, hashed into the store and listed in
the record's appendix), then, when there are gaps, the finding with its amount (what the fund
paid beyond what was sold) and a note naming the drugs. Two events (``evidence.add``, then
``answer.save``), in that order: a crash between them leaves the evidence, never a finding
without its table."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from inspector.drug_checks import drug_checks
from inspector.errors import InvalidInput
from inspector.evidence.intake import add_evidence_bytes
from inspector.inspections import AnswerView, format_fen, get_inspection, save_answer
from inspector.progress import NullReporter, Reporter, check_cancel
from inspector.stock import ITEM
from inspector.stock.ledgers import Kind, read_ledger
from inspector.stock.reconcile import KeyDrug, Reconciliation, reconcile
from inspector.stock.report import table_pdf
from inspector.trace.service import sweep_amount
from inspector.workspace import Workspace

PARAGRAPH = "进销存核对（"  # how the finding's paragraph of the note starts
NOTE_DRUGS = 5  # drugs named in the finding's note; the table has them all


def key_drugs(ws: Workspace, inspection_id: str | None = None) -> list[KeyDrug]:
    """The watch lists (附件1: 西药, 中成药, 中药饮片, 耗材): the inspection's own (they travel
    with its checklist snapshot), else the checklist library's."""
    if inspection_id is not None:
        references = get_inspection(ws, inspection_id).checklist.references
        if references:
            return [
                KeyDrug(f"{ref['title']} {entry['no']}", entry["name"])
                for ref in references.values()
                for entry in ref["entries"]
            ]
    return [
        KeyDrug(f"{reference.title} {entry.no}", entry.name)
        for reference in ws.library.reference.values()
        for entry in reference.entries
    ]


def entry_counts(ws: Workspace, inspection_id: str) -> dict[str, tuple[Decimal, str]]:
    """The counts the team typed on site per 附件1 entry (inspector/drug_checks.py), by the
    label :func:`key_drugs` gives the entry."""
    references = get_inspection(ws, inspection_id).checklist.references
    counts: dict[str, tuple[Decimal, str]] = {}
    for check in drug_checks(ws, inspection_id):
        reference = references.get(check.list_code)
        if check.count is None or reference is None:
            continue
        counts[f"{reference['title']} {check.entry_no}"] = (Decimal(check.count), check.unit)
    return counts


def reconcile_files(
    ws: Workspace,
    files: Mapping[Kind, Path],
    start: date,
    end: date,
    reporter: Reporter | None = None,
    inspection_id: str | None = None,
) -> tuple[Reconciliation | None, dict[Kind, list[tuple[int, str]]]]:
    """Read the files and reconcile them. When any file has rows that cannot be read, no table
    is made and those rows are returned (by file, row number and reason). Changes nothing.
    With an inspection, its watch lists are used and the team's counts per 附件1 entry count
    for the drugs a count file does not name."""
    reporter = reporter or NullReporter()
    reporter.start(len(files), "正在读取进销存资料…")
    ledgers = []
    refused: dict[Kind, list[tuple[int, str]]] = {}
    for done, (kind, path) in enumerate(files.items(), start=1):
        check_cancel(reporter)
        ledger = read_ledger(Path(path), kind)
        if not ledger.ok:
            refused[kind] = [(r.row, r.reason) for r in ledger.refused]
        ledgers.append(ledger)
        reporter.advance(done, ledger.source_name)
    if refused:
        return None, refused
    if inspection_id is None:
        return reconcile(ledgers, start, end, key_drugs(ws)), {}
    return (
        reconcile(
            ledgers, start, end, key_drugs(ws, inspection_id), entry_counts(ws, inspection_id)
        ),
        {},
    )


@dataclass(frozen=True)
class Attached:
    evidence_id: str
    answer: AnswerView | None  # None when there was no gap and the item was already answered


def finding_note(result: Reconciliation) -> str:
    parts = []
    for drug in result.flagged[:NOTE_DRUGS]:
        what = [drug.name + (f" {drug.spec}" if drug.spec else "")]
        for flag in drug.flags:
            if flag == "结算量大于销售量":
                what.append(f"结算量大于销售量 {drug.excess}（¥{format_fen(drug.excess_fen)}）")
            elif flag in ("库存短缺", "库存盈余") and drug.stock_gap is not None:
                what.append(f"{flag} {abs(drug.stock_gap)}")
            elif flag == "销售量大于可售量":
                what.append(f"销售量大于可售量 {drug.oversold}")
            else:
                what.append(flag)
        parts.append(" ".join(what))
    more = len(result.flagged) - NOTE_DRUGS
    tail = f"等 {len(result.flagged)} 个品种" if more > 0 else ""
    return (
        f"{PARAGRAPH}{result.start.isoformat()} 至 {result.end.isoformat()}）："
        + "；".join(parts)
        + tail
        + f"。结算量超出销售量涉及金额 ¥{format_fen(result.excess_fen) or '0.00'}，"
        "详见证据“药品、耗材进销存核对表”。"
    )


def _with(note: str, paragraph: str) -> str:
    """The team's note kept, an earlier reconciliation's paragraph replaced by this one."""
    kept = [line for line in note.splitlines() if not line.startswith(PARAGRAPH)]
    return "\n".join([*kept, paragraph]).strip()


def attach_reconciliation(
    ws: Workspace,
    inspection_id: str,
    result: Reconciliation,
    *,
    violation: str | None = None,
    added_by: str | None = None,
) -> Attached:
    """The table as evidence of P6.5, then (when there are gaps) the finding on P6.5."""
    view = get_inspection(ws, inspection_id)
    if ITEM not in {item.code for item in view.checklist.items}:
        raise InvalidInput("本次检查的清单中没有条目 {item_code}", item_code=ITEM)
    pdf = table_pdf(result, institution=view.institution_name, inspection_id=view.id)
    # From its bytes, through the store: no copy of the table lies anywhere in clear.
    name = f"进销存核对表_{result.start.isoformat()}_{result.end.isoformat()}.pdf"
    intake = add_evidence_bytes(ws, view.id, name, pdf, item_code=ITEM, added_by=added_by)
    if not intake.ok or intake.evidence_id is None:
        raise InvalidInput("核对表未能存为证据：{error}", error=intake.error or "")
    answer = view.answers.get(ITEM)
    if result.flagged:
        note = answer.note if answer else ""
        # The 追溯码 sweep's finding on the same item keeps its amount (its paragraph states it).
        amount = result.excess_fen + sweep_amount(note)
        saved = save_answer(
            ws, view.id, ITEM, "problem", note=_with(note, finding_note(result)),
            amount_fen=amount or None, violation=violation,
        )  # fmt: skip
        return Attached(intake.evidence_id, saved)
    if answer is None:  # no gap and not yet answered: it is 符合, with the table as its evidence
        note = (
            f"进销存核对（{result.start.isoformat()} 至 {result.end.isoformat()}）："
            f"{len(result.drugs)} 个品种无差异。"
        )
        return Attached(intake.evidence_id, save_answer(ws, view.id, ITEM, "ok", note=note))
    return Attached(intake.evidence_id, None)
