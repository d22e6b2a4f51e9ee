"""The rectification order (责令改正 / 整改通知书) for a signed inspection: the findings still
open, each with its deadline, as a PDF kept in the record store and signed digitally by the
team's leader like the record (PAdES, an incremental update, into the box reserved for it).
The deadlines go to the ledger rows in the same change, and the home screen shows those due
(:func:`due_entries`)."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path, PurePath
from typing import Any

from sqlalchemy import select

from inspector import ids
from inspector.db.models import (
    Inspection,
    InspectionStatus,
    Inspector,
    LedgerEntry,
    MemberRole,
    RectificationOrder,
    new_id,
)
from inspector.errors import InvalidInput, NotFound
from inspector.inspections import format_fen, resolve_id
from inspector.ledger.entries import OPEN, EntryView, LedgerFilter, search_entries
from inspector.workspace import Workspace

LEGAL_BASIS = "《中华人民共和国社会保险法》《医疗保障基金使用监督管理条例》"


@dataclass
class OrderView:
    id: str
    inspection_id: str
    order_no: str
    sha256: str
    deadlines: dict[str, str]
    signed_by: str | None
    created_at: datetime


def _view(row: RectificationOrder) -> OrderView:
    return OrderView(
        row.id,
        row.inspection_id,
        row.order_no,
        row.sha256,
        dict(row.deadlines),
        row.signed_by,
        row.created_at,
    )


def order_qr_payload(order_no: str, record_no: str) -> str:
    """What the order's QR code says: its number and the number of the record it follows."""
    return f"INSPECTOR-ORDER/{order_no.upper()}/{record_no.upper()}"


class _SignatureBox:
    """Where the leader's digital signature goes: a flowable that notes its page and place
    when drawn (reportlab's own coordinates, as the signing step takes them)."""

    def __init__(self, width: float, height: float) -> None:
        from reportlab.platypus import Flowable

        outer = self

        class Box(Flowable):  # type: ignore[misc]
            def wrap(self, _aw: float, _ah: float) -> tuple[float, float]:
                return width, height

            def draw(self) -> None:
                x, y = self.canv.absolutePosition(0, 0)
                outer.placed = [self.canv.getPageNumber() - 1, x, y, x + width, y + height]

        self.flowable = Box()
        self.placed: list[float] = []


def _render(
    bureau: str,
    order_no: str,
    institution: str,
    record_no: str,
    rows: list[tuple[EntryView, date]],
    issued: date,
    bureau_detail: str = "",
) -> tuple[bytes, list[float]]:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from inspector.record.layout import QR_BOTTOM_MARGIN, draw_qr, qr_box, qr_modules
    from inspector.signing.appearance import register_font

    font = register_font()
    base = ParagraphStyle("base", fontName=font, fontSize=10, leading=15, wordWrap="CJK")
    small = ParagraphStyle("small", parent=base, fontSize=8.5, leading=11)
    title = ParagraphStyle("title", parent=base, fontSize=18, leading=26, alignment=TA_CENTER)
    centre = ParagraphStyle("centre", parent=base, alignment=TA_CENTER, spaceAfter=5 * mm)
    right = ParagraphStyle("right", parent=base, alignment=TA_RIGHT)

    def esc(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    story: list[Any] = [
        Paragraph(esc(bureau), centre),
        *(
            [
                Paragraph(
                    esc(bureau_detail),
                    ParagraphStyle("d", parent=small, alignment=TA_CENTER, spaceAfter=4 * mm),
                )
            ]
            if bureau_detail
            else []
        ),
        Paragraph("整改通知书", title),
        Paragraph(esc(order_no), centre),
        Paragraph(f"{esc(institution)}：", base),
        Spacer(1, 2 * mm),
        Paragraph(
            f"经现场检查（检查记录编号 {esc(record_no)}），你单位存在下列问题。依据{LEGAL_BASIS}"
            "及定点医药机构服务协议，责令你单位在各项所列期限内改正，并将整改情况和相关材料书面"
            "报送本局。逾期未改正或整改不到位的，依法依规处理。",
            base,
        ),
        Spacer(1, 4 * mm),
    ]
    header = ["序号", "条目", "问题及情况", "涉及金额（元）", "整改期限"]
    table_rows: list[list[Any]] = [header]
    for number, (row, deadline) in enumerate(rows, start=1):
        described = esc(row.item_title) + (f"<br/>{esc(row.note)}" if row.note else "")
        table_rows.append(
            [
                str(number),
                row.item_code,
                Paragraph(described, small),
                format_fen(row.amount_fen) or "—",
                f"{deadline:%Y-%m-%d}",
            ]
        )
    table = Table(table_rows, colWidths=[12 * mm, 16 * mm, 86 * mm, 28 * mm, 26 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f7")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (3, 1), (3, -1), "RIGHT"),
            ]
        )
    )
    story += [table, Spacer(1, 6 * mm)]
    story.append(
        Paragraph("如对本通知有异议，可在收到之日起 5 个工作日内向本局提出陈述、申辩。", base)
    )
    story.append(Spacer(1, 8 * mm))
    box = _SignatureBox(62 * mm, 22 * mm)
    story.append(Paragraph("检查组长（数字签名）：", base))
    story.append(box.flowable)
    story.append(Paragraph(f"{esc(bureau)}　{issued:%Y年%m月%d日}", right))
    code = qr_modules(order_qr_payload(order_no, record_no))

    def with_qr(canvas: Any, _doc: Any) -> None:
        # Like the record's: the same code on every page names the order and its record.
        draw_qr(canvas, code, *qr_box(code))

    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=f"整改通知书 {order_no}",
        subject=f"INSPECTOR-ORDER;no={order_no}",
        creator="Inspector",
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=QR_BOTTOM_MARGIN,
    ).build(story, onFirstPage=with_qr, onLaterPages=with_qr)
    return buffer.getvalue(), box.placed


def build_order(
    ws: Workspace,
    inspection_id: str,
    *,
    deadline: date | None = None,
    deadlines: dict[str, date] | None = None,
    today: date | None = None,
) -> OrderView:
    """The order for the open findings of a signed inspection: ``deadline`` for every finding
    not given its own in ``deadlines`` (ledger row id or prefix → date). One ``order.build``
    event sets the rows' deadlines and keeps the PDF."""
    from inspector.bureaus import allocate_number, bureau_line, bureau_name

    issued = today or date.today()
    with ws.db.session() as session:
        inspection = resolve_id(session, inspection_id)
        if inspection.status is not InspectionStatus.SIGNED:
            raise InvalidInput("只有已签名的检查才能下达整改通知书")
        full_id = inspection.id
        record_no = inspection.record_no or full_id[:8]
        institution = inspection.institution.name
        bureau = bureau_name(ws, inspection)
        bureau_info = inspection.bureau
    rows = [r for r in search_entries(ws, LedgerFilter(inspection=full_id)) if r.status in OPEN]
    if not rows:
        raise InvalidInput("该检查在台账中没有待整改或整改中的问题")
    chosen: dict[str, date] = {}
    for text, when in (deadlines or {}).items():
        try:
            row = ids.pick(rows, text, ids.LEDGER_ENTRY, lambda r: r.id)
        except NotFound as error:
            raise InvalidInput(
                "整改期限所指的问题 {text} 不在本检查的未整改问题中", text=text
            ) from error
        chosen[row.id] = when
    planned: list[tuple[EntryView, date]] = []
    for row in rows:
        when = chosen.get(row.id, deadline)
        if when is None:
            raise InvalidInput("请为问题 {entry} 指定整改期限", entry=row.id[:8])
        if when <= issued:
            raise InvalidInput("整改期限应晚于下达日期（{day}）", day=f"{issued:%Y-%m-%d}")
        planned.append((row, when))
    order_id = new_id()
    with ws.change(None, "order.build", inspection=full_id, editable=False) as ch:
        # From the bureau's template, in the change that keeps the order: rolled back with it.
        # Else the record's style, in the same case (ZG…-CE0883AA beside JC…-CE0883AA).
        order_no = (
            allocate_number(
                ch.session,
                bureau_info,
                "order",
                issued.year,
                order_id,
                reuse=False,
                device=ws.db.device_id,
            )
            or f"ZG{issued:%Y%m%d}-{full_id[:8].upper()}"
        )
        pdf, box = _render(
            bureau, order_no, institution, record_no, planned, issued, bureau_line(bureau_info)
        )
        # The change's number keeps two orders of one day apart.
        # ASCII: a bundle member name (docs/bundle.md). Through the store: encrypted when
        # the data directory is.
        kept_as = ws.records.name_for(full_id, f"rectification-order-{issued:%Y%m%d}-{ch.seq}.pdf")
        ws.records.write(kept_as, pdf)
        sha256 = hashlib.sha256(pdf).hexdigest()
        order = ch.add(
            RectificationOrder(
                id=order_id,
                inspection_id=full_id,
                order_no=order_no,
                path=kept_as,
                sha256=sha256,
                size=len(pdf),
                deadlines={row.id: when.isoformat() for row, when in planned},
                signature_box=box,
            )
        )
        for row, when in planned:
            stored = ch.session.get(LedgerEntry, row.id)
            assert stored is not None
            stored.deadline = when
        ch.entity(order)
        ch.details.update({"order_no": order_no, "findings": len(planned), "sha256": sha256})
        ch.session.flush()
        return _view(order)


def orders_of(ws: Workspace, inspection_id: str) -> list[OrderView]:
    with ws.db.session() as session:
        inspection = resolve_id(session, inspection_id)
        return [
            _view(row)
            for row in session.scalars(
                select(RectificationOrder)
                .where(RectificationOrder.inspection_id == inspection.id)
                .order_by(RectificationOrder.created_at)
            )
        ]


def _order(session: Any, text: str) -> RectificationOrder:
    return ids.resolve_prefix(session, RectificationOrder.id, text, ids.ORDER)


def sign_order(
    ws: Workspace, order_id: str, key_id: str, passphrase: str, *, now: datetime | None = None
) -> OrderView:
    """The leader signs the order with the key whose certificate carries their 执法证号, into
    the box reserved for it; once. One ``order.sign`` event, acted by the signer."""
    from inspector.signing.keystore import KeyStore
    from inspector.signing.sign import sign_pdf

    store = KeyStore(ws.home)
    info = store.get(key_id)
    with ws.db.session() as session:
        order = _order(session, order_id)
        if order.signed_by:
            raise InvalidInput("该整改通知书已签名")
        inspection = session.get(Inspection, order.inspection_id)
        assert inspection is not None
        leader = next((m for m in inspection.members if m.role is MemberRole.LEADER), None)
        if leader is None or info.cert_no != leader.inspector.cert_no:
            raise InvalidInput("整改通知书由检查组长签名：该密钥的执法证号不是组长的")
        name, kept, box = order.path, order.id, list(order.signature_box)
        order_no, district, built = order.order_no, inspection.district, order.sha256
    key = store.unlock(info.key_id, passphrase)
    kept_as = ws.records.sibling_name(name, f"{PurePath(name).stem}-signed.pdf")
    data = ws.records.read_bytes(name)
    if hashlib.sha256(data).hexdigest() != built:
        # The leader signs the order as built, never a file put in its place (the hash is
        # kept in the row and in the order.build event).
        raise InvalidInput(
            "整改通知书文件 {name} 不是生成时的文件：已被替换或改动，拒绝签名；请重新生成",
            name=name,
        )
    result = sign_pdf(
        data,
        lambda data: ws.records.write(kept_as, data),
        key,
        field_name=f"order-{info.cert_no}",
        box=(int(box[0]), float(box[1]), float(box[2]), float(box[3]), float(box[4])),
        label_lines=["检查组长"],
        reason=f"整改通知书 {order_no}",
        location=district,
        now=now,
    )
    with ws.change(info.cert_no, "order.sign", inspection=inspection.id, editable=False) as ch:
        row = ch.session.get(RectificationOrder, kept)
        signer = ch.session.scalar(select(Inspector).where(Inspector.cert_no == info.cert_no))
        assert row is not None and signer is not None
        row.path, row.sha256, row.size = kept_as, result.sha256, result.size
        row.signed_by = info.cert_no
        ch.entity(row)
        ch.details["pdf_sha256"] = result.sha256
        ch.session.flush()
        return _view(row)


def save_order_copy(ws: Workspace, order_id: str, target: Path) -> Path:
    """A copy of the order (as signed, when it is) where the user asks, checked against its
    hash."""
    with ws.db.session() as session:
        order = _order(session, order_id)
        name, sha256 = order.path, order.sha256
    return ws.records.save_copy(name, target, sha256)


@dataclass
class Due:
    entry: EntryView
    days_left: int  # negative: overdue


def due_entries(ws: Workspace, *, today: date | None = None, within_days: int = 7) -> list[Due]:
    """Open findings whose rectification deadline is within ``within_days`` or past, the
    soonest first: what the home screen shows."""
    day = today or date.today()
    rows = search_entries(ws, LedgerFilter(due_by=day + timedelta(days=within_days)))
    rows.sort(key=lambda r: (r.deadline or day, r.institution_name, r.item_code))
    return [Due(row, ((row.deadline or day) - day).days) for row in rows]
