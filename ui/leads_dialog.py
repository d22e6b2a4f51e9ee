"""线索与疑点 for one inspection: import the office's lead file, attach open leads to the visit,
verify each one on site (属实 / 部分属实 / 不属实, a note, the amount, evidence), and export the
feedback file that answers every lead (逐条反馈). Reads and writes go through ui/ops (the
database executor); the rules are the core's (inspector/leads/). The reporter's identity is
never shown: the laptop holds it sealed to the office only."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.inspections import format_fen
from inspector.leads.store import (
    CONFIRMED,
    PARTLY,
    UNFOUNDED,
    LeadView,
    RuleSummary,
    attach_leads,
    hits_by_rule,
    import_leads,
    leads_from_rules,
    list_leads,
    verify_lead,
)
from inspector.workspace import Workspace
from ui.errors import arg
from ui.ops import OpChanges, ops
from ui.table_model import RowsModel
from ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
VERDICT_COLOURS = {CONFIRMED: "#fde4e4", PARTLY: "#fff4d6", UNFOUNDED: "#e8f5e9"}


class LeadsModel(RowsModel[LeadView]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = [
            self.tr("线索编号"),
            self.tr("来源"),
            self.tr("线索内容"),
            self.tr("涉及金额"),
            self.tr("办理期限"),
            self.tr("核查结论"),
            self.tr("核查情况"),
            self.tr("查实金额"),
            self.tr("证据"),
        ]
        self.verdict_names = {
            "pending": self.tr("未核查"),
            CONFIRMED: self.tr("属实"),
            PARTLY: self.tr("部分属实"),
            UNFOUNDED: self.tr("不属实"),
        }

    def _deadline(self, lead: LeadView) -> str:
        if lead.deadline is None:
            return ""
        names = {
            "late": self.tr("已逾期"),
            "due": self.tr("即将到期"),
            "provisional": self.tr("节假日安排待公布"),
        }
        note = "，".join(names[flag] for flag in lead.deadline_flags(date.today()))
        return lead.deadline.isoformat() + (f"（{note}）" if note else "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        lead = self.rows[index.row()]
        check = lead.check
        verdict = check.verdict if check else "pending"
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = [
                lead.number,
                lead.source_name,
                lead.summary,
                format_fen(lead.amount_fen),
                self._deadline(lead),
                self.verdict_names.get(verdict, verdict),
                check.note if check else "",
                format_fen(check.amount_fen) if check else "",
                str(len(check.evidence_ids)) if check and check.evidence_ids else "",
            ]
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (3, 7):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.BackgroundRole and verdict in VERDICT_COLOURS:
            return QBrush(QColor(VERDICT_COLOURS[verdict]))
        return None


@dataclass
class _Linked:
    """What the evidence picker needs of the item it links to (a bill or a lead)."""

    bill_no: str
    evidence_ids: list[str] = field(default_factory=list)


class LeadsDialog(QDialog):
    changed = Signal()  # leads imported, attached or verified

    def __init__(
        self,
        workspace: Workspace,
        runner: TaskRunner,
        inspection_id: str,
        title: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.inspection_id = inspection_id
        self.open_leads: list[LeadView] = []
        self._set_title(title or "")
        if title is None:
            from inspector.inspections import get_inspection

            ws = workspace
            ops().query(
                lambda: get_inspection(ws, inspection_id).institution_name,
                parent=self,
                success=self._set_title,
            )
        self.resize(1100, 700)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.import_button = QPushButton(self.tr("导入线索清单…"))
        self.import_button.clicked.connect(lambda: self.import_file())
        self.attach_button = QPushButton(self.tr("加入本次检查…"))
        self.attach_button.clicked.connect(self.choose_leads)
        self.referral_button = QPushButton(self.tr("移送案件登记为线索…"))
        self.referral_button.clicked.connect(self.choose_referrals)
        self.feedback_button = QPushButton(self.tr("导出反馈表…"))
        self.feedback_button.clicked.connect(lambda: self.export_feedback())
        for button in (
            self.import_button,
            self.referral_button,
            self.attach_button,
            self.feedback_button,
        ):
            top.addWidget(button)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self._build_rules())
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.model = LeadsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.verdict_combo = QComboBox()
        for code in (CONFIRMED, PARTLY, UNFOUNDED):
            self.verdict_combo.addItem(self.model.verdict_names[code], code)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("核查情况（属实、部分属实时必填）"))
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText(self.tr("查实金额（元）"))
        self.amount_edit.setMaximumWidth(140)
        self.verify_button = QPushButton(self.tr("保存核查结论"))
        self.verify_button.clicked.connect(self.verify)
        self.evidence_button = QPushButton(self.tr("关联证据…"))
        self.evidence_button.clicked.connect(self.link_evidence)
        row.addWidget(self.verdict_combo)
        row.addWidget(self.note_edit, 1)
        row.addWidget(self.amount_edit)
        row.addWidget(self.verify_button)
        row.addWidget(self.evidence_button)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.selectionModel().currentRowChanged.connect(self._lead_chosen)
        self._lead_chosen()
        self.reload()

    def _set_title(self, title: str) -> None:
        self.setWindowTitle(arg(self.tr("线索与疑点 · %1"), title))

    def _build_rules(self) -> QGroupBox:
        """The rule engine over the visit's settlement detail: run it, see the hits by rule
        with their amounts, register them as leads of the visit."""
        box = QGroupBox(self.tr("智能监控规则（本次检查的费用明细）"))
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        self.rules_label = QLabel(self.tr("尚未运行规则。"))
        self.rules_label.setWordWrap(True)
        self.run_button = QPushButton(self.tr("运行规则"))
        self.run_button.clicked.connect(self.run_rules)
        self.hits_button = QPushButton(self.tr("命中登记为线索"))
        self.hits_button.setEnabled(False)
        self.hits_button.clicked.connect(self.register_hits)
        row.addWidget(self.rules_label, 1)
        row.addWidget(self.run_button)
        row.addWidget(self.hits_button)
        layout.addLayout(row)
        self.rules_table = QTableWidget(0, 4)
        self.rules_table.setHorizontalHeaderLabels(
            [self.tr("规则"), self.tr("规则类型"), self.tr("命中"), self.tr("涉及金额")]
        )
        self.rules_table.verticalHeader().setVisible(False)
        self.rules_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rules_table.horizontalHeader().setStretchLastSection(True)
        self.rules_table.setMaximumHeight(150)
        layout.addWidget(self.rules_table)
        return box

    def _show_rules(self, found: tuple[dict[str, Any] | None, list[RuleSummary]]) -> None:
        run, summary = found
        self.rules_table.setRowCount(len(summary))
        for row, rule in enumerate(summary):
            values = [
                f"{rule.rule_code} {rule.rule_name}",
                rule.rule_type,
                str(rule.hits),
                format_fen(rule.amount_fen),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.rules_table.setItem(row, column, item)
        self.rules_table.resizeColumnsToContents()
        if run is None:
            self.rules_label.setText(self.tr("尚未运行规则（先导入本次检查的费用明细）。"))
        else:
            self.rules_label.setText(
                arg(
                    self.tr("%1 运行：命中 %2 处，涉及金额 %3 元。"),
                    f"{run['ran_at']:%Y-%m-%d %H:%M}",
                    str(run["hit_count"]),
                    format_fen(run["amount_fen"]) or "0.00",
                )
            )
        self.hits_button.setEnabled(bool(summary))

    # --- reading -------------------------------------------------------------------------

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """This visit's leads and the leads not attached to any visit yet, read on the
        database executor."""
        ws, inspection_id = self.workspace, self.inspection_id

        def read() -> tuple[list[LeadView], list[LeadView], Any]:
            from inspector.rules.store import latest_run, rule_hits

            rules = (latest_run(ws, inspection_id), hits_by_rule(rule_hits(ws, inspection_id)))
            return (
                list_leads(ws, inspection_id),
                [v for v in list_leads(ws) if v.inspection_id is None],
                rules,
            )

        def show(found: tuple[list[LeadView], list[LeadView], Any]) -> None:
            mine, self.open_leads, rules = found
            self._show_rules(rules)
            keep = self.table.currentIndex().row()
            self.model.set_rows(mine)
            done = sum(1 for v in mine if v.check and v.check.verdict != "pending")
            found_true = sum(1 for v in mine if v.check and v.check.verdict in (CONFIRMED, PARTLY))
            self.summary_label.setText(
                arg(
                    self.tr("本次检查核查线索 %1 条：已核查 %2 条，属实或部分属实 %3 条；"
                            "另有 %4 条线索尚未交给任何检查。"),
                    str(len(mine)),
                    str(done),
                    str(found_true),
                    str(len(self.open_leads)),
                )
            )  # fmt: skip
            if 0 <= keep < len(mine):
                self.table.setCurrentIndex(self.model.index(keep, 0))
            self.table.resizeColumnsToContents()
            self._lead_chosen()
            if then is not None:
                then()

        ops().query(read, parent=self, success=show)

    def _current(self) -> LeadView | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        return self.model.rows[index.row()]

    def _lead_chosen(self, *_: object) -> None:
        lead = self._current()
        for widget in (self.verify_button, self.evidence_button):
            widget.setEnabled(lead is not None)
        check = lead.check if lead is not None else None
        self.note_edit.setText(check.note if check else "")
        self.amount_edit.setText(format_fen(check.amount_fen) if check else "")
        if check is not None and check.verdict != "pending":
            self.verdict_combo.setCurrentIndex(self.verdict_combo.findData(check.verdict))

    def _refused(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("线索与疑点"), message)

    # --- changing ------------------------------------------------------------------------

    def import_file(self, path: Path | None = None) -> None:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("选择线索清单"), str(Path.home()), self.tr("线索清单 (*.xlsx *.csv)")
            )
            if not name:
                return
            path = Path(name)
        ws, chosen = self.workspace, path

        def done(result: Any) -> None:
            self.summary_label.setText(
                arg(self.tr("已导入 %1 条线索（%2 条此前已登记）。"), str(result.added),
                    str(result.already))
            )  # fmt: skip
            self.reload(then=self.changed.emit)

        ops().mutate(
            lambda: import_leads(ws, chosen),
            OpChanges(answers=True).about(self.inspection_id),
            parent=self,
            success=done,
            failure=self._refused,
        )

    def run_rules(self) -> None:
        """Every installed rule over the visit's detail, on the database executor (a million
        rows take seconds); the run is kept with its hits (inspector/rules/store.py)."""
        from inspector.rules.store import run_rules_for

        ws, inspection_id = self.workspace, self.inspection_id
        self.run_button.setEnabled(False)

        def work(reporter: Any) -> object:
            return run_rules_for(ws, inspection_id, reporter=reporter)

        def failed(message: str) -> None:
            self.run_button.setEnabled(True)
            self._refused(message)

        def done(_saved: object) -> None:
            self.run_button.setEnabled(True)
            self.reload(then=self.changed.emit)

        self.runner.run(
            work, on_success=done, on_failure=failed, progress_parent=self,
            label=self.tr("正在运行规则…"),
            changes=OpChanges(answers=True).about(inspection_id),
        )  # fmt: skip

    def register_hits(self) -> None:
        ws, inspection_id = self.workspace, self.inspection_id

        def done(added: list[str]) -> None:
            def shown() -> None:
                self.summary_label.setText(
                    arg(self.tr("已把 %1 处命中登记为线索。"), str(len(added)))
                )
                self.changed.emit()

            self.reload(then=shown)

        ops().mutate(
            lambda: leads_from_rules(ws, inspection_id),
            OpChanges(answers=True).about(inspection_id),
            parent=self,
            success=done,
            failure=self._refused,
        )

    def choose_referrals(self) -> None:
        """The cases received from 公安 or other departments not yet made leads, read on the
        database executor; those checked become leads."""
        from inspector.enforcement.referrals import received_referrals

        ws = self.workspace
        ops().query(
            lambda: [r for r in received_referrals(ws) if r.lead_id is None],
            parent=self,
            success=self._pick_referrals,
        )

    def _pick_referrals(self, waiting: list[Any]) -> None:
        from inspector.leads.store import lead_from_referral

        items = [
            (
                f"{r.received_on:%Y-%m-%d}  {r.sender}  {r.document_no}  {r.subject}  {r.summary}",
                r.id,
            )
            for r in waiting
        ]
        picker = LeadPicker(
            items,
            self,
            self.tr("移送来的案件登记为线索"),
            self.tr("没有待登记的移送案件：先在案件中登记接收的移送。"),
        )
        if not picker.exec() or not picker.chosen:
            return
        ws, chosen = self.workspace, picker.chosen
        ops().mutate(
            lambda: [lead_from_referral(ws, received) for received in chosen],
            OpChanges(answers=True).about(self.inspection_id),
            parent=self,
            success=lambda _ids: self.reload(then=self.changed.emit),
            failure=self._refused,
        )

    def choose_leads(self) -> None:
        items = [
            (f"{v.number}  {v.source_name}  {v.institution_name}  {v.summary}", v.number)
            for v in self.open_leads
        ]
        picker = LeadPicker(items, self)
        if not picker.exec() or not picker.chosen:
            return
        ws, inspection_id, chosen = self.workspace, self.inspection_id, picker.chosen
        ops().mutate(
            lambda: attach_leads(ws, inspection_id, chosen),
            OpChanges(answers=True).about(inspection_id),
            parent=self,
            success=lambda _added: self.reload(then=self.changed.emit),
            failure=self._refused,
        )

    def verify(self) -> None:
        lead = self._current()
        if lead is None:
            return
        row = self.table.currentIndex().row()
        verdict = str(self.verdict_combo.currentData())
        note, amount = self.note_edit.text(), self.amount_edit.text()
        ws, inspection_id = self.workspace, self.inspection_id

        def next_lead() -> None:  # on to the next lead, as a team works down the list
            following = min(row + 1, self.model.rowCount() - 1)
            self.table.setCurrentIndex(self.model.index(following, 0))
            self.changed.emit()

        ops().mutate(
            lambda: verify_lead(ws, inspection_id, lead.number, verdict, note, amount or None),
            OpChanges(answers=True).about(inspection_id),
            parent=self,
            success=lambda _result: self.reload(then=next_lead),
            failure=self._refused,
        )

    def link_evidence(self) -> None:
        """Link evidence of this inspection to the lead; links are only added."""
        from ui.claims_dialog import EvidencePicker

        lead = self._current()
        if lead is None or lead.check is None:
            return
        linked = _Linked(lead.number, list(lead.check.evidence_ids))
        picker = EvidencePicker(self.workspace, self.inspection_id, cast(Any, linked), self)
        if not picker.exec() or not picker.chosen:
            return
        check, chosen = lead.check, picker.chosen
        ws, inspection_id = self.workspace, self.inspection_id
        verdict = check.verdict if check.verdict != "pending" else None
        if verdict is None:
            self._refused(self.tr("请先保存核查结论，再关联证据。"))
            return
        amount = format_fen(check.amount_fen) or None
        ops().mutate(
            lambda: verify_lead(
                ws, inspection_id, lead.number, verdict, check.note, amount, evidence_ids=chosen
            ),
            OpChanges(answers=True, evidence=True).about(inspection_id),
            parent=self,
            success=lambda _result: self.reload(then=self.changed.emit),
            failure=self._refused,
        )

    def export_feedback(self, target: Path | None = None) -> None:
        from inspector.leads.feedback import export_feedback

        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("导出线索核查反馈表"), "线索核查反馈.xlsx", "Excel (*.xlsx)"
            )
            if not name:
                return
            target = Path(name)
        ws, inspection_id, chosen = self.workspace, self.inspection_id, target
        self.runner.run(
            lambda _reporter: export_feedback(ws, chosen, inspection_id),
            on_success=lambda count: self.summary_label.setText(
                arg(self.tr("已导出 %1 条线索的核查反馈：%2"), str(count), str(chosen))
            ),
            on_failure=self._refused,
            progress_parent=self,
        )


class LeadPicker(QDialog):
    """Items to check (the leads not attached to any visit yet; the referrals received not
    made leads yet): (label, value) each."""

    def __init__(
        self,
        items: list[tuple[str, str]],
        parent: QWidget | None,
        title: str = "",
        empty: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("加入本次检查的线索"))
        self.resize(640, 420)
        self.chosen: list[str] = []
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        for label, value in items:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        if not items:
            layout.addWidget(QLabel(empty or self.tr("没有尚未交给检查的线索：先导入线索清单。")))
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        self.chosen = [
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
        self.accept()
