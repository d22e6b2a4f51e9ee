"""The feedback file (线索核查情况反馈表): every lead answered one by one (逐条反馈; seed 002
四(二)), as an Excel workbook for the office: what the lead said, who assigned it to whom and
by when, the visit that verified it, the verdict with its note, amount and evidence, the
ledger row its finding became, the result and any reward. Never who reported it: the sealed
identity stays in the database for the office's push only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from inspector.db.models import LedgerEntry
from inspector.errors import InvalidInput
from inspector.leads.store import LeadView, list_leads
from inspector.workspace import Workspace

HEADER = (
    "线索编号",
    "线索来源",
    "机构名称",
    "线索内容",
    "涉及金额（元）",
    "受理日期",
    "交办人",
    "承办人",
    "交办日期",
    "办理期限",
    "检查编号",
    "核查结论",
    "核查情况",
    "查实金额（元）",
    "证据数",
    "台账编号",
    "办理结果",
    "奖励金额（元）",
)
MONEY = (4, 13, 17)


def feedback_rows(ws: Workspace, leads: list[LeadView]) -> list[list[object]]:
    with ws.db.session() as session:
        ledger = dict(
            session.execute(
                select(LedgerEntry.lead_check_id, LedgerEntry.id).where(
                    LedgerEntry.lead_check_id.in_([v.check.id for v in leads if v.check])
                )
            ).all()
        )
    out: list[list[object]] = []
    for lead in leads:
        check = lead.check
        entry = ledger.get(check.id) if check else None
        out.append(
            [
                lead.number,
                lead.source_name,
                lead.institution_name,
                lead.summary,
                None if lead.amount_fen is None else lead.amount_fen / 100,
                lead.received_on,
                lead.assigned_by,
                lead.assigned_to,
                lead.assigned_on,
                lead.deadline,
                lead.inspection_id[:8] if lead.inspection_id else "",
                lead.verdict_name,
                check.note if check else "",
                None if check is None or check.amount_fen is None else check.amount_fen / 100,
                len(check.evidence_ids) if check else 0,
                entry[:8] if entry else "",
                lead.result,
                None if lead.reward_fen is None else lead.reward_fen / 100,
            ]
        )
    return out


def export_feedback(ws: Workspace, target: Path, inspection: str | None = None) -> int:
    """Every lead (or those of ``inspection``) with its answer, as .xlsx; the file written
    atomically. Returns the number of leads."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    from inspector.ledger.entries import write_file
    from inspector.xlsx import create_sheet, workbook_bytes

    if target.suffix.lower() != ".xlsx":
        raise InvalidInput("反馈文件的扩展名应为 .xlsx")
    leads = list_leads(ws, inspection)
    book = openpyxl.Workbook(write_only=True)
    sheet = create_sheet(book, "线索核查情况反馈")
    widths = (22, 12, 26, 40, 14, 12, 10, 10, 12, 12, 10, 10, 36, 14, 8, 10, 24, 14)
    for index, width in enumerate(widths):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(index + 1)].width = width
    bold = Font(bold=True)
    header = []
    for title in HEADER:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for values in feedback_rows(ws, leads):
        cells = []
        for index, value in enumerate(values):
            cell = WriteOnlyCell(sheet, value=value)
            if index in MONEY:
                cell.number_format = "#,##0.00"
            elif isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            cells.append(cell)
        sheet.append(cells)
    write_file(target, workbook_bytes(book))
    return len(leads)
