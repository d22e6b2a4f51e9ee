"""The 案件 screen, beside the 台账: the cases (filtered by stage, party and what is late) and
the chosen case with its timeline (steps with their dates and people), its deadlines (their
last day and state; a day in a year whose holidays are not published yet marked 待公布), its
measures and amounts (退回, 罚款, 没收 apart, with what was paid), the next steps the procedure
allows as buttons, and its documents (made, previewed, signed, printed and saved).

Every read is ``ops().query`` and every change ``ops().mutate`` (or the task runner for files
and signatures), announced as ``OpChanges(ledger=True)``; the core (inspector/cases/) checks each
step and its refusal is shown as its own message. Also the home banner of what is due or late."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from inspector.cases import documents, measures, rules, stage_documents, steps
from inspector.cases.core import CaseFilter, CaseView, get_case, list_cases
from inspector.cases.deadlines import CaseDeadline, calendar_of, case_deadlines, due_cases
from inspector.enforcement import measures as compulsory
from inspector.enforcement.referrals import (
    ReceivedView,
    ReferralView,
    receive_referral,
    record_feedback,
    record_receipt,
    referrals_of,
    return_referral,
)
from inspector.workdays import DUE, LATE
from inspector.workspace import Workspace
from ui.case_dialogs import (
    FEEDBACK,
    RECEIPT,
    RETURN,
    STEP_ORDER,
    CompulsoryDialog,
    CompulsoryStepDialog,
    DocumentDialog,
    ListSignatureDialog,
    MeasureDialog,
    MeasureDocumentDialog,
    PaymentDialog,
    ReceiveReferralDialog,
    ReferDialog,
    ReferralStepDialog,
    StepDialog,
    compulsory_name,
    compulsory_state_name,
    deadline_name,
    department_name,
    enforcement_title,
    measure_name,
    next_steps,
    outcome_name,
    referral_status_name,
    role_name,
    stage_name,
    step_name,
    way_name,
)
from ui.errors import arg
from ui.ops import OpChanges, ops
from ui.record_preview import print_document, show_bytes
from ui.strings import money
from ui.table_model import Index, RowsModel
from ui.tasks import TaskRunner

# The core's step functions, by the step's code.
STEP_CALLS: dict[str, Callable[..., Any]] = {
    rules.FILE: steps.file_case,
    rules.NOT_FILE: steps.not_file,
    rules.INVESTIGATE: steps.investigate,
    rules.REVIEW: steps.review,
    rules.NOTIFY: steps.notify,
    rules.STATEMENT: steps.statement,
    rules.WAIVE: steps.waive,
    rules.HEARING_REQUEST: steps.hearing_request,
    rules.HEARING: steps.hearing,
    rules.DECIDE: steps.decide,
    rules.SERVE: steps.serve,
    rules.EXECUTE: steps.execute,
    rules.CLOSE: steps.close,
    rules.WITHDRAW: steps.withdraw,
    rules.TERMINATE: steps.terminate,
    rules.EXTEND: steps.extend,
}
CHANGES = OpChanges(ledger=True)


def _esc(text: object) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def document_title(title: str) -> str:
    """A document's title as the core names it (registered in ui/core_messages.py)."""
    return QCoreApplication.translate("Core", title)


class CaseRow:
    """A case in the list: the case and its running deadlines (their state today)."""

    def __init__(self, case: CaseView, deadlines: list[CaseDeadline]) -> None:
        self.case = case
        self.deadlines = deadlines

    @property
    def late(self) -> bool:
        return any(d.state == LATE for d in self.deadlines)

    @property
    def due(self) -> bool:
        return any(d.state in (DUE, LATE) for d in self.deadlines)


def read_cases(ws: Workspace, filters: CaseFilter, late_only: bool) -> list[CaseRow]:
    """The cases the filters select with their deadlines today (on the database executor)."""
    today = date.today()
    cal = calendar_of(ws)
    found = [CaseRow(case, case_deadlines(case, today, cal)) for case in list_cases(ws, filters)]
    return [row for row in found if row.late] if late_only else found


class CaseModel(RowsModel[CaseRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = [
            self.tr("编号"),
            self.tr("当事人"),
            self.tr("阶段"),
            self.tr("登记日期"),
            self.tr("案情"),
            self.tr("期限"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        case = row.case
        if role == Qt.ItemDataRole.DisplayRole:
            nearest = min(row.deadlines, key=lambda d: d.deadline.last_day, default=None)
            when = ""
            if nearest is not None:
                when = f"{deadline_name(nearest.what)} {nearest.deadline.last_day:%Y-%m-%d}"
                if row.late:
                    when = arg(self.tr("%1（已逾期）"), when)
            return [
                case.id[:8],
                case.party_name,
                stage_name(case.stage),
                f"{case.opened_on:%Y-%m-%d}",
                case.summary,
                when,
            ][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (4, 5):
            return self.data(index) if index.column() == 5 else case.summary
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 5 and row.late:
            return QColor("#b3261e")
        if role == Qt.ItemDataRole.UserRole:
            return case.id
        return None


class CasePage(QWidget):
    """The cases and the chosen one. ``show_case(id)`` selects (and reads) a case."""

    back_requested = Signal()
    ledger_requested = Signal()
    changed = Signal()

    def __init__(
        self, workspace: Workspace, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.case: CaseView | None = None
        self.docs: list[documents.DocumentView] = []
        self.compulsory: list[compulsory.MeasureView] = []
        self.referrals: list[ReferralView] = []
        self._wanted: str | None = None  # the case to select once the list is read
        self._asked: object | None = None
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        back = QPushButton(self.tr("← 检查列表"))
        back.clicked.connect(self.back_requested)
        ledger = QPushButton(self.tr("问题台账 →"))
        ledger.clicked.connect(self.ledger_requested)
        title = QLabel(self.tr("案件"))
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        top.addWidget(back)
        top.addWidget(ledger)
        top.addWidget(title)
        top.addStretch(1)
        layout.addLayout(top)

        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("当事人（机构或个人）名称…"))
        self.search.setClearButtonEnabled(True)
        self.stage = QComboBox()
        self.stage.addItem(self.tr("未结束的案件"), "active")
        self.stage.addItem(self.tr("全部阶段"), None)
        for code in rules.STAGE_NAMES:
            self.stage.addItem(stage_name(code), code)
        self.late = QComboBox()
        self.late.addItem(self.tr("全部期限"), False)
        self.late.addItem(self.tr("有期限已逾期"), True)
        filters.addWidget(self.search, 3)
        filters.addWidget(self.stage, 1)
        filters.addWidget(self.late, 1)
        layout.addLayout(filters)
        self.search.returnPressed.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self.reload())
        self.stage.currentIndexChanged.connect(lambda _i: self.reload())
        self.late.currentIndexChanged.connect(lambda _i: self.reload())

        split = QSplitter()
        self.model = CaseModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 72), (1, 130), (2, 110), (3, 86), (4, 120)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(
            lambda _now, _before: self._selected_changed()
        )
        split.addWidget(self.table)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.detail = QTextBrowser()
        side_layout.addWidget(self.detail, 3)
        side_layout.addWidget(QLabel(self.tr("下一步")))
        self.step_area = QGridLayout()
        side_layout.addLayout(self.step_area)
        self.step_buttons: dict[str, QPushButton] = {}
        for kind in STEP_ORDER:
            button = QPushButton(step_name(kind) + "…")
            button.clicked.connect(lambda _checked=False, k=kind: self.take_step(k))
            button.hide()
            self.step_buttons[kind] = button
        money_row = QHBoxLayout()
        self.measure_button = QPushButton(self.tr("处理措施…"))
        self.measure_button.clicked.connect(self.add_measure)
        self.payment_button = QPushButton(self.tr("记录缴款…"))
        self.payment_button.clicked.connect(self.add_payment)
        # 封存 and 先行登记保存 under the case (行政强制法 arts. 18, 24-25; 行政处罚法 art. 56).
        self.seal_button = QPushButton(self.tr("封存或先行登记保存…"))
        self.seal_button.clicked.connect(self.decide_compulsory)
        self.extend_seal_button = QPushButton(self.tr("延长封存…"))
        self.extend_seal_button.clicked.connect(lambda: self.step_compulsory(False))
        self.end_seal_button = QPushButton(self.tr("解除或处理…"))
        self.end_seal_button.clicked.connect(lambda: self.step_compulsory(True))
        money_row.addWidget(self.measure_button)
        money_row.addWidget(self.payment_button)
        money_row.addWidget(self.seal_button)
        money_row.addWidget(self.extend_seal_button)
        money_row.addWidget(self.end_seal_button)
        money_row.addStretch(1)
        side_layout.addLayout(money_row)
        # Referral (移送) to 公安, 纪检监察 … and what comes back from it.
        refer_row = QHBoxLayout()
        self.refer_button = QPushButton(self.tr("移送…"))
        self.refer_button.clicked.connect(self.refer)
        self.receipt_button = QPushButton(self.tr("登记签收…"))
        self.receipt_button.clicked.connect(lambda: self.referral_step(RECEIPT))
        self.feedback_button = QPushButton(self.tr("登记反馈…"))
        self.feedback_button.clicked.connect(lambda: self.referral_step(FEEDBACK))
        self.return_button = QPushButton(self.tr("登记退回…"))
        self.return_button.clicked.connect(lambda: self.referral_step(RETURN))
        # A case 公安 or another department sends here: registered, then made a lead.
        self.receive_button = QPushButton(self.tr("登记收到的移送案件…"))
        self.receive_button.clicked.connect(self.receive)
        for button in (
            self.refer_button,
            self.receipt_button,
            self.feedback_button,
            self.return_button,
        ):
            refer_row.addWidget(button)
        refer_row.addStretch(1)
        refer_row.addWidget(self.receive_button)
        side_layout.addLayout(refer_row)
        side_layout.addWidget(QLabel(self.tr("案件文书")))
        self.doc_table = QTableWidget(0, 4)
        self.doc_table.setHorizontalHeaderLabels(
            [self.tr("文书"), self.tr("文号"), self.tr("日期"), self.tr("签名")]
        )
        self.doc_table.verticalHeader().hide()
        self.doc_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.doc_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.doc_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.doc_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.doc_table.setColumnWidth(1, 150)
        self.doc_table.setColumnWidth(3, 200)
        self.doc_table.doubleClicked.connect(lambda _i: self.open_document())
        side_layout.addWidget(self.doc_table, 1)
        doc_row = QHBoxLayout()
        self.make_doc_button = QPushButton(self.tr("制作文书…"))
        self.make_doc_button.clicked.connect(self.make_document)
        self.open_doc_button = QPushButton(self.tr("查看、签名、打印…"))
        self.open_doc_button.clicked.connect(lambda: self.open_document())
        doc_row.addWidget(self.make_doc_button)
        doc_row.addWidget(self.open_doc_button)
        doc_row.addStretch(1)
        side_layout.addLayout(doc_row)
        # The documents of the case's 封存/先行登记保存 and referrals, signed by the officers
        # who carried the measure out or handed the case over (行政强制法 art. 18(8)).
        side_layout.addWidget(QLabel(self.tr("强制措施和移送文书")))
        self.enf_table = QTableWidget(0, 4)
        self.enf_table.setHorizontalHeaderLabels(
            [self.tr("文书"), self.tr("文号"), self.tr("所属"), self.tr("签名")]
        )
        self.enf_table.verticalHeader().hide()
        self.enf_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.enf_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.enf_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.enf_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.enf_table.setColumnWidth(1, 150)
        self.enf_table.setColumnWidth(2, 150)
        self.enf_table.doubleClicked.connect(lambda _i: self.open_enforcement_document())
        side_layout.addWidget(self.enf_table, 1)
        enf_row = QHBoxLayout()
        self.make_enf_button = QPushButton(self.tr("制作强制措施文书…"))
        self.make_enf_button.clicked.connect(self.make_measure_document)
        self.open_enf_button = QPushButton(self.tr("查看、签名、打印该文书…"))
        self.open_enf_button.clicked.connect(lambda: self.open_enforcement_document())
        self.list_sign_button = QPushButton(self.tr("登记清单签名…"))
        self.list_sign_button.clicked.connect(self.sign_measure_list)
        enf_row.addWidget(self.make_enf_button)
        enf_row.addWidget(self.open_enf_button)
        enf_row.addWidget(self.list_sign_button)
        enf_row.addStretch(1)
        side_layout.addLayout(enf_row)
        split.addWidget(side)
        split.setSizes([660, 700])
        layout.addWidget(split, 1)
        self.count = QLabel()
        layout.addWidget(self.count)
        ops().changed.connect(self._on_changes)
        self._show_case(None)

    # --- the list -------------------------------------------------------------------------

    def reload(self) -> None:
        """The cases for the filters chosen, read on the database executor; an answer for
        filters changed since is dropped."""
        ws = self.workspace
        filters = CaseFilter(
            stage=self.stage.currentData(), institution=self.search.text().strip() or None
        )
        late_only = bool(self.late.currentData())
        asked = object()
        self._asked = asked

        def show(rows: list[CaseRow]) -> None:
            if self._asked is asked:
                self._show_list(rows)

        ops().query(
            lambda: read_cases(ws, filters, late_only),
            parent=self,
            success=show,
            failure=self._refused,
        )

    def show_case(self, case_id: str) -> None:
        """Show the page with ``case_id`` chosen: every stage listed, so that it is there."""
        self._wanted = case_id
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.late.blockSignals(True)
        self.late.setCurrentIndex(0)
        self.late.blockSignals(False)
        self.stage.blockSignals(True)
        self.stage.setCurrentIndex(self.stage.findData(None))
        self.stage.blockSignals(False)
        self.reload()

    def _show_list(self, rows: list[CaseRow]) -> None:
        current = self._wanted or (self.case.id if self.case else None)
        self._wanted = None
        self.model.set_rows(rows)
        late = sum(1 for r in rows if r.late)
        self.count.setText(arg(self.tr("共 %1 个案件，其中 %2 个有期限已逾期"), len(rows), late))
        found = next((n for n, r in enumerate(rows) if r.case.id == current), 0 if rows else -1)
        if found >= 0:
            self.table.selectRow(found)
        self._selected_changed()

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        return self.model.rows[index.row()].case.id

    def _selected_changed(self) -> None:
        case_id = self.selected_id()
        if case_id is None:
            self._show_case(None)
            return
        ws = self.workspace

        def read() -> tuple[Any, ...]:
            case = get_case(ws, case_id)
            return (
                case,
                case_deadlines(case, date.today(), calendar_of(ws)),
                documents.documents_of(ws, case.id),
                compulsory.measures_of(ws, case_id=case.id),
                referrals_of(ws, case_id=case.id),
            )

        def show(found: tuple[Any, ...]) -> None:
            if self.selected_id() == case_id:
                self._show_case(*found)

        ops().query(read, parent=self, success=show, failure=self._refused)

    def _on_changes(self, changes: OpChanges, _initiator: object) -> None:
        if changes.ledger and self.isVisible():
            self.reload()

    # --- the case -------------------------------------------------------------------------

    def _show_case(
        self,
        case: CaseView | None,
        deadlines: list[CaseDeadline] | None = None,
        docs: list[documents.DocumentView] | None = None,
        held: list[compulsory.MeasureView] | None = None,
        referrals: list[ReferralView] | None = None,
    ) -> None:
        self.case = case
        self.docs = docs or []
        self.compulsory = held or []
        self.referrals = referrals or []
        running = [m for m in self.compulsory if m.ended_on is None]
        open_referrals = [r for r in self.referrals if r.returned_on is None]
        allowed = next_steps(case.stage) if case is not None else []
        for button in self.step_buttons.values():
            self.step_area.removeWidget(button)
            button.hide()
        for n, kind in enumerate(allowed):  # the steps allowed, in the procedure's order
            self.step_area.addWidget(self.step_buttons[kind], n // 4, n % 4)
            self.step_buttons[kind].show()
        live = case is not None and not case.ended
        self.measure_button.setEnabled(live)
        self.payment_button.setEnabled(
            live and any(m.kind in rules.MONEY and m.owed_fen for m in case.live_measures)
            if case is not None
            else False
        )
        self.make_doc_button.setEnabled(case is not None and bool(case.steps))
        self.seal_button.setEnabled(live and case is not None and case.inspection_id is not None)
        self.extend_seal_button.setEnabled(
            any(m.kind == compulsory.SEAL and m.extended_on is None for m in running)
        )
        self.end_seal_button.setEnabled(bool(running))
        self.refer_button.setEnabled(live)
        self.receipt_button.setEnabled(any(r.received_on is None for r in open_referrals))
        self.feedback_button.setEnabled(
            any(r.received_on is not None and r.feedback_on is None for r in open_referrals)
        )
        self.return_button.setEnabled(bool(open_referrals))
        self.make_enf_button.setEnabled(bool(self.compulsory))
        self.list_sign_button.setEnabled(any(m.list_signed_on is None for m in self.compulsory))
        self._show_documents()
        self._show_enforcement_documents()
        if case is None:
            pick = _esc(self.tr("选择一个案件查看详情"))
            self.detail.setHtml(f"<p>{pick}</p>")
            return
        self.detail.setHtml(
            self._case_html(case, deadlines or [])
            + self._held_html(self.compulsory, referrals or [])
        )

    def _case_html(self, case: CaseView, deadlines: list[CaseDeadline]) -> str:
        # Translated outside the f-strings, where lupdate finds them.
        label = {
            key: _esc(text)
            for key, text in (
                ("stage", self.tr("阶段")),
                ("opened", self.tr("登记日期")),
                ("visited", self.tr("检查日期")),
                ("summary", self.tr("案情")),
                ("reason", self.tr("理由")),
                ("officers", self.tr("承办人")),
                ("deadlines", self.tr("期限")),
                ("timeline", self.tr("办理经过")),
                ("measures", self.tr("处理措施和金额")),
                ("payments", self.tr("缴款")),
            )
        }
        lines = [
            f"<h3>{_esc(case.party_name)}　<small>{case.id[:8]}</small></h3>",
            f"<p>{label['stage']}：<b>{_esc(stage_name(case.stage))}</b>　"
            f"{label['opened']}：{case.opened_on:%Y-%m-%d}　"
            f"{label['visited']}：{case.visit_on:%Y-%m-%d}</p>",
            f"<p>{label['summary']}：{_esc(case.summary) or '—'}</p>",
        ]
        if case.end_reason:
            lines.append(f"<p>{label['reason']}：{_esc(case.end_reason)}</p>")
        if case.officers:
            names = "、".join(
                f"{o.get('name', '')}（{o.get('cert_no', '')}）" for o in case.officers
            )
            lines.append(f"<p>{label['officers']}：{_esc(names)}</p>")
        lines.append(f"<h4>{label['deadlines']}</h4>")
        if not deadlines:
            lines.append("<p>—</p>")
        for d in deadlines:
            line = self._deadline_text(d)
            colour = "#b3261e" if d.state == LATE else "#8a4b00" if d.state == DUE else "#000"
            lines.append(f"<p style='color:{colour}'>{_esc(line)}</p>")
        lines.append(f"<h4>{label['timeline']}</h4>")
        if not case.steps:
            lines.append("<p>—</p>")
        for step in case.steps:
            people = "、".join(
                f"{role_name(p.get('role', ''))} {p.get('name', '')}"
                + (f"（{p['cert_no']}）" if p.get("cert_no") else "")
                for p in step.people
            )
            extra = ""
            if step.facts.get("way"):
                extra += "　" + way_name(step.facts["way"])
            if step.document_no:
                extra += f"　{step.document_no}"
            lines.append(
                f"<p>{step.on_date:%Y-%m-%d}　<b>{_esc(step_name(step.kind))}</b>　"
                f"{_esc(people)}{_esc(extra)}</p>"
            )
        lines.append(f"<h4>{label['measures']}</h4>")
        live = case.live_measures
        if not case.measures:
            lines.append("<p>—</p>")
        for m in case.measures:
            text = measure_name(m.kind)
            if m.article:
                text += arg(self.tr("（条例第%1条）"), m.article)
            if m.amount_fen:
                text += "　" + money(m.amount_fen)
                text += "　" + arg(self.tr("已缴 %1"), money(m.paid_fen))
            if m.period_from and m.period_to:
                text += f"　{m.period_from:%Y-%m-%d} — {m.period_to:%Y-%m-%d}"
            if m.cancelled:
                text += "　" + self.tr("（已撤回）")
            lines.append(f"<p>{_esc(text)}</p>")
        if live:
            totals = {
                kind: sum(m.amount_fen or 0 for m in live if m.kind == kind)
                for kind in (rules.REFUND, rules.FINE, rules.CONFISCATE, rules.REJECT)
            }
            paid = {
                kind: sum(m.paid_fen for m in live if m.kind == kind)
                for kind in (rules.REFUND, rules.FINE, rules.CONFISCATE, rules.REJECT)
            }
            parts = [
                arg(
                    self.tr("%1 %2（已缴 %3）"), measure_name(kind), money(total), money(paid[kind])
                )
                for kind, total in totals.items()
                if total
            ]
            if parts:
                lines.append(f"<p><b>{_esc('；'.join(parts))}</b></p>")
        if case.payments:
            lines.append(f"<h4>{label['payments']}</h4>")
            names = {m.id: measure_name(m.kind) for m in case.measures}
            for p in case.payments:
                lines.append(
                    f"<p>{p.on_date:%Y-%m-%d}　{_esc(names.get(p.measure_id, ''))}　"
                    f"{_esc(money(p.amount_fen))}　{_esc(p.receipt_no)}</p>"
                )
        return "".join(lines)

    def _held_html(self, held: list[compulsory.MeasureView], referrals: list[ReferralView]) -> str:
        lines: list[str] = []
        if held:
            lines.append(f"<h4>{_esc(self.tr('封存和先行登记保存'))}</h4>")
        for m in held:
            last = f"{m.last_day:%Y-%m-%d}"
            if m.provisional:
                last = arg(self.tr("%1（待公布）"), last)
            text = arg(
                self.tr("%1 %2 %3：%4 项，最后一天 %5，%6"),
                f"{m.decided_on:%Y-%m-%d}",
                compulsory_name(m.kind),
                m.decision_no,
                len(m.items),
                last,
                compulsory_state_name(m.state),
            )
            if m.extended_on:
                text += arg(self.tr("；%1 延长"), f"{m.extended_on:%Y-%m-%d}")
            if m.ended_on and m.outcome:
                text += arg(self.tr("；%1 %2"), f"{m.ended_on:%Y-%m-%d}", outcome_name(m.outcome))
            colour = "#b3261e" if m.state == compulsory.LATE else "#000"
            lines.append(f"<p style='color:{colour}'>{_esc(text)}</p>")
        if referrals:
            lines.append(f"<h4>{_esc(self.tr('移送'))}</h4>")
        for r in referrals:
            lines.append(
                "<p>"
                + _esc(
                    arg(
                        self.tr("%1 移送%2（%3）%4：%5"),
                        f"{r.referred_on:%Y-%m-%d}",
                        department_name(r.department),
                        r.receiver,
                        r.referral_no,
                        referral_status_name(r.status),
                    )
                )
                + "</p>"
            )
        return "".join(lines)

    def _deadline_text(self, d: CaseDeadline) -> str:
        last = f"{d.deadline.last_day:%Y-%m-%d}"
        if d.deadline.provisional:
            last = arg(self.tr("%1（待公布：该年节假日安排尚未公布）"), last)
        if d.state == LATE:
            state = arg(self.tr("已逾期 %1 天"), -d.deadline.days_left)
        elif d.deadline.days_left == 0:
            state = self.tr("今天到期")
        else:
            state = arg(self.tr("还有 %1 天"), d.deadline.days_left)
        return arg(self.tr("%1：最后一天 %2，%3"), deadline_name(d.what), last, state)

    def _show_documents(self) -> None:
        self.doc_table.setRowCount(len(self.docs))
        for n, doc in enumerate(self.docs):
            if doc.signed_by:
                signed = arg(self.tr("已签名（%1）"), "、".join(doc.signatures) or doc.signed_by)
            elif doc.signatures:
                signed = arg(self.tr("待 %1 签名"), "、".join(doc.waiting_for))
            else:
                signed = arg(
                    self.tr("待%1签名"), document_title(documents.ROLE_NAMES[doc.signer_role])
                )
            for column, text in enumerate(
                (document_title(doc.title), doc.doc_no or "", f"{doc.issued_on:%Y-%m-%d}", signed)
            ):
                self.doc_table.setItem(n, column, QTableWidgetItem(text))
        if self.docs:
            self.doc_table.selectRow(len(self.docs) - 1)
        self.open_doc_button.setEnabled(bool(self.docs))

    def enforcement_documents(self) -> list[tuple[dict[str, Any], str]]:
        """The documents of the case's measures and referrals, each with what it belongs to."""
        found: list[tuple[dict[str, Any], str]] = []
        for m in self.compulsory:
            owner = f"{compulsory_name(m.kind)} {m.decision_no}"
            found += [(doc, owner) for doc in m.documents]
        for r in self.referrals:
            owner = arg(self.tr("移送%1 %2"), department_name(r.department), r.referral_no)
            found += [(doc, owner) for doc in r.documents]
        return found

    def _show_enforcement_documents(self) -> None:
        shown = self.enforcement_documents()
        self.enf_table.setRowCount(len(shown))
        for n, (doc, owner) in enumerate(shown):
            signed = (
                arg(self.tr("已签名（%1）"), doc["signed_by"])
                if doc.get("signed_by")
                else self.tr("待执法人员签名")
            )
            for column, text in enumerate(
                (enforcement_title(doc["kind"]), doc["document_no"], owner, signed)
            ):
                self.enf_table.setItem(n, column, QTableWidgetItem(text))
        if shown:
            self.enf_table.selectRow(len(shown) - 1)
        self.open_enf_button.setEnabled(bool(shown))

    # --- actions --------------------------------------------------------------------------

    def _refused(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("案件"), message)

    def _mutate(self, work: Callable[[], Any]) -> bool | None:
        """One change through the operations layer; the page refreshes from ``changed``.
        Returns whether it succeeded when already known (the executor inline, as in tests)."""

        def done(_result: Any) -> None:
            self.reload()
            self.changed.emit()

        return ops().mutate(work, CHANGES, parent=self, success=done, failure=self._refused).ok

    def step_dialog(self, kind: str) -> StepDialog | None:
        if self.case is None:
            return None
        return StepDialog(kind, self.case, self)

    def take_step(self, kind: str) -> None:
        dialog = self.step_dialog(kind)
        if dialog is None or not dialog.exec():
            return
        ws, case_id, values = self.workspace, dialog.case.id, dialog.values()
        call = STEP_CALLS[kind]
        self._mutate(lambda: call(ws, case_id, **values))

    def add_measure(self) -> None:
        if self.case is None:
            return
        dialog = MeasureDialog(self)
        if not dialog.exec():
            return
        ws, case_id, values = self.workspace, self.case.id, dialog.values()
        kind = values.pop("kind")
        self._mutate(lambda: measures.add_measure(ws, case_id, kind, **values))

    def add_payment(self) -> None:
        if self.case is None:
            return
        dialog = PaymentDialog(self.case.measures, self)
        if not dialog.exec():
            return
        ws, case_id, values = self.workspace, self.case.id, dialog.values()
        measure = values.pop("measure")
        self._mutate(lambda: measures.add_payment(ws, case_id, measure, **values))

    def decide_compulsory(self) -> None:
        """A 封存 or 先行登记保存 under the case, at its inspection."""
        case = self.case
        if case is None or case.inspection_id is None:
            return
        officers = [o.get("cert_no", "") for o in case.officers if o.get("cert_no")]
        dialog = CompulsoryDialog(officers, self)
        if not dialog.exec():
            return
        ws, inspection_id, case_id, values = (
            self.workspace,
            case.inspection_id,
            case.id,
            dialog.values(),
        )
        self._mutate(
            lambda: compulsory.decide_measure(ws, inspection_id, case_id=case_id, **values)
        )

    def step_compulsory(self, end: bool) -> None:
        """Extend a 封存 (``end`` False) or end a measure: which one is asked in the dialog."""
        running = [m for m in self.compulsory if m.ended_on is None]
        if not end:
            running = [m for m in running if m.kind == compulsory.SEAL and m.extended_on is None]
        if not running:
            return
        choices = [
            (m.id, f"{compulsory_name(m.kind)} {m.decision_no} {m.last_day:%Y-%m-%d}")
            for m in running
        ]
        dialog = CompulsoryStepDialog(end, choices, self)
        if not dialog.exec():
            return
        ws, values = self.workspace, dialog.values()
        measure_id = values.pop("measure_id")
        call = compulsory.end_measure if end else compulsory.extend_measure
        self._mutate(lambda: call(ws, measure_id, **values))

    def refer(self) -> None:
        """A referral of the case: its 移送书, 案卷清单 and evidence bundle (written where the
        user chose, on the task runner: signing and packing take time)."""
        from inspector.signing.keystore import KeyStore

        case = self.case
        if case is None:
            return
        keys = [
            (info.key_id, info.describe())
            for info in KeyStore(self.workspace.home).list_keys()
            if info.cert_no
        ]
        dialog = ReferDialog(keys, self)
        if not dialog.exec():
            return
        values = dialog.values()
        key_id, passphrase = values.pop("key_id"), values.pop("passphrase")
        target = values.pop("bundle_out")
        if not target:
            self._refused(self.tr("请选择移送证据包的保存位置"))
            return
        ws, case_id = self.workspace, case.id

        def work(_reporter: Any) -> ReferralView:
            from inspector.bundle import choose_key
            from inspector.enforcement.referrals import refer_case

            key = choose_key(ws, key_id, passphrase if key_id else None)
            return refer_case(ws, case_id=case_id, bundle_out=Path(target), key=key, **values)

        def done(_made: ReferralView) -> None:
            self.reload()
            self.changed.emit()

        self.runner.run(
            work, on_success=done, changes=CHANGES, on_failure=self._refused, progress_parent=self
        )

    def referral_step(self, step: str) -> None:
        """The receipt, feedback or return of one of the case's referrals."""
        open_ones = [r for r in self.referrals if r.returned_on is None]
        if step == RECEIPT:
            open_ones = [r for r in open_ones if r.received_on is None]
        elif step == FEEDBACK:
            open_ones = [r for r in open_ones if r.received_on and r.feedback_on is None]
        if not open_ones:
            return
        choices = [
            (r.id, f"{r.referral_no} {department_name(r.department)} {r.receiver}")
            for r in open_ones
        ]
        dialog = ReferralStepDialog(step, choices, self)
        if not dialog.exec():
            return
        ws, values = self.workspace, dialog.values()
        referral_id = values.pop("referral_id")
        call = {RECEIPT: record_receipt, FEEDBACK: record_feedback, RETURN: return_referral}[step]
        self._mutate(lambda: call(ws, referral_id, **values))

    def make_document(self) -> None:
        if self.case is None:
            return
        kinds = [(code, document_title(spec.title)) for code, spec in documents.SPECS.items()]
        ws, case_id = self.workspace, self.case.id

        def preview(kind: str | None, given: dict[str, Any]) -> None:
            extra = stage_documents.Extra(**given)
            ops().query(
                lambda: stage_documents.preview_stage_document(ws, case_id, kind, extra),
                parent=dialog,
                success=lambda data: PdfPreview(data, dialog).exec(),
                failure=lambda message: QMessageBox.warning(dialog, self.tr("预览"), message),
            )

        dialog = DocumentDialog(kinds, self, preview)
        if not dialog.exec():
            return
        kind, given = dialog.values()
        extra = stage_documents.Extra(**given)

        def done(made: documents.DocumentView) -> None:
            self.reload()
            self.changed.emit()
            self.window().statusBar().showMessage(  # type: ignore[attr-defined]
                arg(self.tr("已制作%1"), document_title(made.title)), 10000
            )

        self.runner.run(
            lambda _reporter: stage_documents.make_stage_document(ws, case_id, kind, extra),
            on_success=done,
            changes=CHANGES,
            on_failure=self._refused,
            progress_parent=self,
        )

    def selected_document(self) -> documents.DocumentView | None:
        row = self.doc_table.currentRow()
        return self.docs[row] if 0 <= row < len(self.docs) else None

    def document_dialog(self) -> CaseDocumentDialog | None:
        doc = self.selected_document()
        if doc is None:
            return None
        dialog = CaseDocumentDialog(self.workspace, self.runner, doc, self)
        dialog.changed.connect(self.reload)
        return dialog

    def open_document(self) -> None:
        dialog = self.document_dialog()
        if dialog is not None:
            dialog.exec()

    def make_measure_document(self) -> None:
        """One of a 封存's or 先行登记保存's documents, made and kept by the core (which
        refuses one the measure has no ground for yet, e.g. a release before it is released)."""
        if not self.compulsory:
            return
        choices = [
            (m.id, f"{compulsory_name(m.kind)} {m.decision_no} {m.decided_on:%Y-%m-%d}")
            for m in self.compulsory
        ]
        dialog = MeasureDocumentDialog(choices, self)
        if not dialog.exec():
            return
        ws, values = self.workspace, dialog.values()

        def done(made: compulsory.DocumentView) -> None:
            self.reload()
            self.changed.emit()
            self.window().statusBar().showMessage(  # type: ignore[attr-defined]
                arg(self.tr("已制作%1"), enforcement_title(made.kind)), 10000
            )

        self.runner.run(
            lambda _reporter: compulsory.measure_document(ws, values["measure_id"], values["kind"]),
            on_success=done,
            changes=CHANGES,
            on_failure=self._refused,
            progress_parent=self,
        )

    def sign_measure_list(self) -> None:
        """The party's signature (or refusal, with a witness) on a measure's list; the list
        made after it shows both sides."""
        unsigned = [m for m in self.compulsory if m.list_signed_on is None]
        if not unsigned:
            return
        choices = [
            (m.id, f"{compulsory_name(m.kind)} {m.decision_no} {m.decided_on:%Y-%m-%d}")
            for m in unsigned
        ]
        dialog = ListSignatureDialog(choices, self)
        if not dialog.exec():
            return
        ws, values = self.workspace, dialog.values()
        measure_id = values.pop("measure_id")
        self._mutate(lambda: compulsory.sign_list(ws, measure_id, **values))

    def selected_enforcement_document(self) -> dict[str, Any] | None:
        shown = self.enforcement_documents()
        row = self.enf_table.currentRow()
        return shown[row][0] if 0 <= row < len(shown) else None

    def enforcement_document_dialog(self) -> EnforcementDocumentDialog | None:
        doc = self.selected_enforcement_document()
        if doc is None:
            return None
        dialog = EnforcementDocumentDialog(self.workspace, self.runner, doc["id"], self)
        dialog.changed.connect(self.reload)
        return dialog

    def open_enforcement_document(self) -> None:
        dialog = self.enforcement_document_dialog()
        if dialog is not None:
            dialog.exec()

    def receive_dialog(self) -> ReceiveReferralDialog:
        return ReceiveReferralDialog(self)

    def receive(self) -> None:
        """Register a case 公安 or another department handed to the bureau; the leads
        screen (移送案件登记为线索…) then makes a lead of it."""
        dialog = self.receive_dialog()
        if not dialog.exec():
            return
        ws, values = self.workspace, dialog.values()

        def done(received: ReceivedView) -> None:
            self.changed.emit()
            self.window().statusBar().showMessage(  # type: ignore[attr-defined]
                arg(
                    self.tr("已登记%1移送的案件：%2 %3"),
                    department_name(received.department)
                    if received.department != "other"
                    else self.tr("其他部门"),
                    received.sender,
                    received.document_no,
                ),
                10000,
            )

        ops().mutate(
            lambda: receive_referral(ws, **values),
            CHANGES,
            parent=self,
            success=done,
            failure=self._refused,
        )


class PdfPreview(QDialog):
    """A stage document as it would be made: shown, neither kept nor numbered."""

    def __init__(self, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("预览（未保存）"))
        self.resize(780, 860)
        layout = QVBoxLayout(self)
        self.document = QPdfDocument(self)
        self._buffer = show_bytes(data, self.document)
        view = QPdfView()
        view.setDocument(self.document)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(view, 1)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        layout.addWidget(close)


class CaseDocumentDialog(QDialog):
    """A case document on screen (its bytes checked against the hash kept), signed by the
    person the law names with their key (as the rectification order is), printed (the PDF on
    a CUPS queue, else each page rendered: ui/record_preview.py) and saved."""

    changed = Signal()

    def __init__(
        self,
        workspace: Workspace,
        runner: TaskRunner,
        doc: documents.DocumentView,
        parent: QWidget | None = None,
    ) -> None:
        from inspector.signing.keystore import KeyStore

        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.doc = doc
        self.data: bytes | None = None
        self._buffer: QBuffer | None = None
        self.setWindowTitle(document_title(doc.title))
        self.resize(820, 900)
        layout = QVBoxLayout(self)
        self.state = QLabel()
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)
        signing = QFormLayout()
        self.key = QComboBox()
        # The keys on this laptop of those who may sign (read once; offered while unsigned).
        self.keys = [
            (info.cert_no, f"{info.name} {info.cert_no}", info.key_id)
            for info in KeyStore.of(workspace).list_keys()
            if info.cert_no and info.cert_no in doc.signers
        ]
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_button = QPushButton(self.tr("数字签名"))
        self.sign_button.clicked.connect(lambda: self.sign())
        signing.addRow(self.tr("签名人的密钥"), self.key)
        signing.addRow(self.tr("口令"), self.passphrase)
        signing.addRow("", self.sign_button)
        layout.addLayout(signing)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.clicked.connect(lambda: self.print_document())
        self.save_button = QPushButton(self.tr("另存为…"))
        self.save_button.clicked.connect(lambda: self.save())
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self._update()
        self._read()

    def _read(self) -> None:
        ws, doc_id = self.workspace, self.doc.id
        ops().query(
            lambda: (documents.get_document(ws, doc_id), documents.document_bytes(ws, doc_id)),
            parent=self,
            success=lambda found: self._show(*found),
            failure=self._failed,
        )

    def _show(self, doc: documents.DocumentView, data: bytes) -> None:
        self.doc, self.data = doc, data
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
        self._buffer = show_bytes(data, self.document)
        self._update()

    def _update(self) -> None:
        doc = self.doc
        role = document_title(documents.ROLE_NAMES[doc.signer_role])
        # Those still to sign (every officer of a document all of them sign, else any one).
        waiting = set(doc.waiting_for)
        chosen = self.key.currentData()
        self.key.clear()
        for cert_no, label, key_id in self.keys:
            if cert_no in waiting:
                self.key.addItem(label, key_id)
        self.key.setCurrentIndex(max(self.key.findData(chosen), 0))
        if doc.signed_by:
            self.state.setText(
                arg(
                    self.tr("%1 %2：已由 %3 数字签名。"),
                    document_title(doc.title),
                    doc.doc_no or "",
                    "、".join(doc.signatures) or doc.signed_by,
                )
            )
        elif doc.signatures:
            self.state.setText(
                arg(
                    self.tr("%1：已由 %2 签名，还须 %3 签名。"),
                    document_title(doc.title),
                    "、".join(doc.signatures),
                    "、".join(doc.waiting_for),
                )
            )
        elif self.key.count() == 0:
            self.state.setText(
                arg(
                    self.tr("%1 由%2签署：本机没有其密钥（执法证号 %3），可在命令行签名。"),
                    document_title(doc.title),
                    role,
                    "、".join(doc.signers) or "—",
                )
            )
        else:
            self.state.setText(
                arg(
                    self.tr("%1 由%2签署：请选择其密钥并输入口令。"),
                    document_title(doc.title),
                    role,
                )
            )
        self.sign_button.setEnabled(not doc.signed_by and self.key.count() > 0)
        self.print_button.setEnabled(self.data is not None)
        self.save_button.setEnabled(self.data is not None)

    def _failed(self, message: str) -> None:
        QMessageBox.warning(self, document_title(self.doc.title), message)

    def sign(self, passphrase: str | None = None) -> None:
        key_id = self.key.currentData()
        if not key_id or self.doc.signed_by:
            return
        secret = self.passphrase.text() if passphrase is None else passphrase
        self.passphrase.clear()
        ws, doc_id = self.workspace, self.doc.id

        def done(_signed: documents.DocumentView) -> None:
            self.changed.emit()
            self._read()

        self.runner.run(
            lambda _reporter: documents.sign_document(ws, doc_id, key_id, secret),
            on_success=done,
            changes=CHANGES,
            on_failure=self._failed,
            progress_parent=self,
            label=self.tr("正在签名…"),
        )

    def print_document(self, printer: QPrinter | None = None) -> int:
        data = self.data
        if data is None:
            return 0
        title = f"{self.doc.title} {self.doc.doc_no or ''}".strip()
        return print_document(self, self.document, lambda: data, title, printer)

    def save(self, target: Path | None = None) -> None:
        if target is None:
            suggested = str(
                Path.home() / f"{self.doc.title}-{self.doc.doc_no or self.doc.id[:8]}.pdf"
            )
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("另存为"), suggested, self.tr("PDF 文件 (*.pdf)")
            )
            if not name:
                return
            target = Path(name)
        ws, doc_id = self.workspace, self.doc.id
        self.runner.run(
            lambda _reporter: documents.save_document_copy(ws, doc_id, target),
            on_failure=self._failed,
            progress_parent=self,
        )


class EnforcementDocumentDialog(QDialog):
    """A 封存/先行登记保存 or referral document on screen, signed by one of the officers it
    names (the core checks the key's 执法证号), printed (ui/record_preview.py) and saved."""

    changed = Signal()

    def __init__(
        self, workspace: Workspace, runner: TaskRunner, doc_id: str, parent: QWidget | None = None
    ) -> None:
        from inspector.signing.keystore import KeyStore

        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.doc_id = doc_id
        self.doc: compulsory.KeptDocument | None = None
        self.data: bytes | None = None
        self._buffer: QBuffer | None = None
        self.setWindowTitle(self.tr("强制措施和移送文书"))
        self.resize(820, 900)
        layout = QVBoxLayout(self)
        self.state = QLabel()
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)
        # The keys on this laptop; only those of the people the document names are offered.
        self.keys = [
            (info.cert_no, f"{info.name} {info.cert_no}", info.key_id)
            for info in KeyStore.of(workspace).list_keys()
            if info.cert_no
        ]
        signing = QFormLayout()
        self.key = QComboBox()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_button = QPushButton(self.tr("数字签名"))
        self.sign_button.clicked.connect(lambda: self.sign())
        signing.addRow(self.tr("签名人的密钥"), self.key)
        signing.addRow(self.tr("口令"), self.passphrase)
        signing.addRow("", self.sign_button)
        layout.addLayout(signing)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.clicked.connect(lambda: self.print_document())
        self.save_button = QPushButton(self.tr("另存为…"))
        self.save_button.clicked.connect(lambda: self.save())
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self._update()
        self._read()

    def _read(self) -> None:
        ws, doc_id = self.workspace, self.doc_id
        ops().query(
            lambda: compulsory.read_document(ws, doc_id),
            parent=self,
            success=lambda found: self._show(*found),
            failure=self._failed,
        )

    def _show(self, doc: compulsory.KeptDocument, data: bytes) -> None:
        self.doc, self.data = doc, data
        self.setWindowTitle(enforcement_title(doc.kind))
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
        self._buffer = show_bytes(data, self.document)
        self._update()

    def _update(self) -> None:
        doc = self.doc
        chosen = self.key.currentData()
        self.key.clear()
        if doc is not None and not doc.signed_by:
            for cert_no, label, key_id in self.keys:
                if cert_no in doc.signers:
                    self.key.addItem(label, key_id)
        self.key.setCurrentIndex(max(self.key.findData(chosen), 0))
        if doc is None:
            self.state.setText(self.tr("正在读取…"))
        elif doc.signed_by:
            self.state.setText(
                arg(
                    self.tr("%1 %2：已由执法证号 %3 数字签名。"),
                    enforcement_title(doc.kind),
                    doc.number,
                    doc.signed_by,
                )
            )
        elif self.key.count() == 0:
            self.state.setText(
                arg(
                    self.tr("%1 由执法人员签署：本机没有其密钥（执法证号 %2），可在命令行签名。"),
                    enforcement_title(doc.kind),
                    "、".join(doc.signers) or "—",
                )
            )
        else:
            self.state.setText(
                arg(
                    self.tr("%1 由执法人员签署：请选择其密钥并输入口令。"),
                    enforcement_title(doc.kind),
                )
            )
        self.sign_button.setEnabled(doc is not None and not doc.signed_by and self.key.count() > 0)
        self.print_button.setEnabled(self.data is not None)
        self.save_button.setEnabled(self.data is not None)

    def _failed(self, message: str) -> None:
        QMessageBox.warning(self, self.windowTitle(), message)

    def sign(self, passphrase: str | None = None) -> None:
        key_id = self.key.currentData()
        if not key_id or self.doc is None or self.doc.signed_by:
            return
        secret = self.passphrase.text() if passphrase is None else passphrase
        self.passphrase.clear()
        ws, doc_id = self.workspace, self.doc_id

        def done(_signed: compulsory.DocumentView) -> None:
            self.changed.emit()
            self._read()

        self.runner.run(
            lambda _reporter: compulsory.sign_document(ws, doc_id, key_id, secret),
            on_success=done,
            changes=CHANGES,
            on_failure=self._failed,
            progress_parent=self,
            label=self.tr("正在签名…"),
        )

    def print_document(self, printer: QPrinter | None = None) -> int:
        data, doc = self.data, self.doc
        if data is None or doc is None:
            return 0
        title = f"{enforcement_title(doc.kind)} {doc.number}"
        return print_document(self, self.document, lambda: data, title, printer)

    def save(self, target: Path | None = None) -> None:
        if self.doc is None:
            return
        if target is None:
            title = enforcement_title(self.doc.kind)
            suggested = str(Path.home() / f"{title}-{self.doc.number or self.doc_id[:8]}.pdf")
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("另存为"), suggested, self.tr("PDF 文件 (*.pdf)")
            )
            if not name:
                return
            target = Path(name)
        ws, doc_id = self.workspace, self.doc_id
        self.runner.run(
            lambda _reporter: compulsory.save_document(ws, doc_id, target),
            on_failure=self._failed,
            progress_parent=self,
        )


class CaseDueBanner(QFrame):
    """On the home screen: the case deadlines due (within 3 days) or late, one line each, each
    a button that opens its case."""

    open_requested = Signal(str)  # a case id
    inspection_requested = Signal(str)  # a 封存 not under a case: its inspection

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.due: list[CaseDeadline] = []
        self.held: list[compulsory.MeasureView] = []
        self.lines: list[QPushButton] = []
        self.setObjectName("caseBanner")
        self.setStyleSheet(
            "#caseBanner { background: #fdecea; border: 1px solid #e8a39b; border-radius: 4px; }"
            " QPushButton { text-align: left; border: none; color: #8c1d18; padding: 2px; }"
            " QPushButton:hover { text-decoration: underline; }"
        )
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(6, 4, 6, 4)
        self.column.setSpacing(0)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.column.addWidget(self.title)
        self.hide()
        self.refresh()

    def refresh(self) -> None:
        ws = self.workspace
        ops().query(
            lambda: (due_cases(ws, date.today()), compulsory.due(ws, today=date.today())),
            parent=self,
            success=lambda found: self._show(*found),
        )

    def _show(
        self, due: list[CaseDeadline], held: list[compulsory.MeasureView] | None = None
    ) -> None:
        self.due, self.held = due, held or []
        for button in self.lines:
            self.column.removeWidget(button)
            button.deleteLater()
        self.lines = []
        if not due and not self.held:
            self.hide()
            return
        late = sum(1 for d in due if d.state == LATE) + sum(
            1 for m in self.held if m.state == compulsory.LATE
        )
        self.title.setText(
            arg(
                self.tr("案件期限：%1 项到期或逾期，其中 %2 项已逾期"),
                len(due) + len(self.held),
                late,
            )
        )
        for d in due:
            last = f"{d.deadline.last_day:%Y-%m-%d}"
            if d.deadline.provisional:
                last = arg(self.tr("%1（待公布）"), last)
            if d.state == LATE:
                state = arg(self.tr("已逾期 %1 天"), -d.deadline.days_left)
            elif d.deadline.days_left == 0:
                state = self.tr("今天到期")
            else:
                state = arg(self.tr("还有 %1 天"), d.deadline.days_left)
            button = QPushButton(
                arg(
                    self.tr("%1 %2（%3）%4 %5，%6 →"),
                    d.case_id[:8],
                    d.party_name,
                    stage_name(d.stage),
                    deadline_name(d.what),
                    last,
                    state,
                )
            )
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(
                lambda _checked=False, case_id=d.case_id: self.open_requested.emit(case_id)
            )
            self.column.addWidget(button)
            self.lines.append(button)
        for m in self.held:
            last = f"{m.last_day:%Y-%m-%d}"
            if m.provisional:
                last = arg(self.tr("%1（待公布）"), last)
            state = (
                arg(self.tr("已逾期 %1 天"), -m.days_left)
                if m.state == compulsory.LATE
                else self.tr("今天到期")
                if m.days_left == 0
                else arg(self.tr("还有 %1 天"), m.days_left)
            )
            button = QPushButton(
                arg(
                    self.tr("%1 %2 %3 期限 %4，%5 →"),
                    m.institution,
                    compulsory_name(m.kind),
                    m.decision_no,
                    last,
                    state,
                )
            )
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            if m.case_id:
                button.clicked.connect(
                    lambda _checked=False, case_id=m.case_id: self.open_requested.emit(case_id)
                )
            else:
                button.clicked.connect(
                    lambda _checked=False, visit=m.inspection_id: self.inspection_requested.emit(
                        visit
                    )
                )
            self.column.addWidget(button)
            self.lines.append(button)
        self.show()
