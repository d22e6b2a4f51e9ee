"""结算数据抽样 for one inspection (seeds 003, 004): choose the settlement export and the rules,
read it off the UI thread (a million rows take seconds), see what the rules listed or which rows
were refused, attach the list to the inspection; then mark each listed bill 核实无误 / 发现问题
with a note. The rules and reading are the core's (inspector/claims/)."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.claims.sampling import (
    FLAGGED,
    LARGE,
    RANDOM,
    RULE_NAMES,
    TOP,
    BillView,
    Rules,
    SampleReport,
    SampleView,
    attach_sample,
    build_sample,
    flagged_from_rules,
    mark_bill,
    parse_rate,
    read_flagged,
    samples_of,
)
from inspector.errors import InspectorError, InvalidInput
from inspector.inspections import InspectionView, format_fen, parse_amount
from inspector.progress import Reporter
from inspector.workspace import Workspace
from ui.errors import arg, show_error
from ui.ops import OpChanges, ops
from ui.table_model import RowsModel
from ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
VERDICT_COLOURS = {"ok": "#e8f5e9", "problem": "#fde4e4"}


class BillsModel(RowsModel[BillView]):
    """The bills of one sample; a model (not a table widget) so a list of 100,000 stays light."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = [
            self.tr("规则"),
            self.tr("结算单号"),
            self.tr("参保人"),
            self.tr("类别"),
            self.tr("日期"),
            self.tr("医疗总费用"),
            self.tr("统筹基金支付"),
            self.tr("核实结果"),
            self.tr("说明"),
        ]
        self.verdict_names = {
            "pending": self.tr("未核实"),
            "ok": self.tr("核实无误"),
            "problem": self.tr("发现问题"),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        bill = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = [
                bill.rule_name,
                bill.bill_no,
                f"{bill.patient_name}（{bill.patient_id}）",
                bill.kind_name,
                bill.bill_date.isoformat(),
                format_fen(bill.total_fen),
                format_fen(bill.fund_fen),
                self.verdict_names.get(bill.verdict, bill.verdict),
                bill.note
                + (
                    arg(self.tr("（证据 %1 件）"), str(len(bill.evidence_ids)))
                    if bill.evidence_ids
                    else ""
                ),
            ]
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (5, 6):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.BackgroundRole and bill.verdict in VERDICT_COLOURS:
            return QBrush(QColor(VERDICT_COLOURS[bill.verdict]))
        return None


class ClaimsDialog(QDialog):
    changed = Signal()  # a sample was attached or a bill marked

    def __init__(
        self,
        workspace: Workspace,
        runner: TaskRunner,
        inspection_id: str,
        title: str | None,
        parent: QWidget | None = None,
    ) -> None:
        """``title``: the institution's name; None to read it (on the database executor)."""
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.inspection_id = inspection_id
        self.report: SampleReport | None = None
        self.rules: Rules | None = None
        self.samples: list[SampleView] = []
        self._set_title(title or "")
        if title is None:
            from inspector.inspections import get_inspection

            ws = workspace
            ops().query(
                lambda: get_inspection(ws, inspection_id).institution_name,
                parent=self,
                success=self._set_title,
            )
        self.resize(1000, 760)
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_rules())
        layout.addWidget(self._build_outcome())
        layout.addWidget(self._build_list(), 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.finished.connect(self._drop_report)
        self.reload()

    def _set_title(self, title: str) -> None:
        self.setWindowTitle(arg(self.tr("结算数据抽样 · %1"), title))

    # --- building ----------------------------------------------------------------------

    def _build_rules(self) -> QGroupBox:
        box = QGroupBox(self.tr("抽样规则（医保结算数据导出：Excel 或 CSV）"))
        form = QFormLayout(box)
        row = QHBoxLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(self.tr("结算数据文件"))
        browse = QPushButton(self.tr("选择文件…"))
        browse.clicked.connect(self._choose_file)
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("文件"), row)
        self.since_edit = QDateEdit()
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDisplayFormat("yyyy-MM-dd")
        self.since_edit.setDate(QDate(2018, 1, 1))
        form.addRow(self.tr("起始日期"), self.since_edit)
        seed_row = QHBoxLayout()
        self.seed_edit = QLineEdit()
        self.seed_edit.setPlaceholderText(self.tr("非负整数；写在清单上，任何人可据此复核"))
        new_seed = QPushButton(self.tr("随机生成"))
        new_seed.clicked.connect(lambda: self.seed_edit.setText(str(secrets.randbelow(10**9))))
        seed_row.addWidget(self.seed_edit, 1)
        seed_row.addWidget(new_seed)
        form.addRow(self.tr("随机种子"), seed_row)
        numbers = QHBoxLayout()
        self.rate_edit = QLineEdit("10%")
        self.rate_edit.setMaximumWidth(80)
        self.threshold_edit = QLineEdit("50000")
        self.threshold_edit.setMaximumWidth(110)
        self.top_spin = QSpinBox()
        self.top_spin.setRange(0, 100000)
        self.top_spin.setValue(100)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(0, 2100)
        self.year_spin.setSpecialValueText(self.tr("最近一年"))
        self.year_spin.setValue(0)
        for label, widget in (
            (self.tr("其余票据抽样比例"), self.rate_edit),
            (self.tr("住院全查阈值（元）"), self.threshold_edit),
            (self.tr("门诊费用前"), self.top_spin),
            (self.tr("名，年度"), self.year_spin),
        ):
            numbers.addWidget(QLabel(label))
            numbers.addWidget(widget)
        numbers.addStretch(1)
        form.addRow("", numbers)
        self.third_party = QCheckBox(self.tr("第三方复核（抽样比例不低于 10%）"))
        form.addRow("", self.third_party)
        # 结合智能监控数据 (seed 004): the bills the rule engine flagged are taken first.
        flagged_row = QHBoxLayout()
        self.flagged_edit = QLineEdit()
        self.flagged_edit.setPlaceholderText(
            self.tr("可选：智能监控疑点的结算单号清单（.txt 每行一个，或含“结算单号”列的表格）")
        )
        flagged_browse = QPushButton(self.tr("选择疑点清单…"))
        flagged_browse.clicked.connect(self._choose_flagged)
        flagged_row.addWidget(self.flagged_edit, 1)
        flagged_row.addWidget(flagged_browse)
        form.addRow(self.tr("疑点优先"), flagged_row)
        self.flagged_rules = QCheckBox(
            self.tr("结合本次检查最近一次规则运行的命中（智能监控疑点）")
        )
        form.addRow("", self.flagged_rules)
        self.read_button = QPushButton(self.tr("读取并抽样"))
        self.read_button.clicked.connect(self.read)
        form.addRow("", self.read_button)
        return box

    def _build_outcome(self) -> QGroupBox:
        box = QGroupBox(self.tr("抽样结果"))
        layout = QVBoxLayout(box)
        self.outcome_label = QLabel(self.tr("尚未读取文件。"))
        self.outcome_label.setWordWrap(True)
        self.outcome_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.outcome_label)
        self.refused_list = QListWidget()
        self.refused_list.setMaximumHeight(120)
        self.refused_list.hide()
        layout.addWidget(self.refused_list)
        self.attach_button = QPushButton(self.tr("建立抽样清单（附到本次检查）"))
        self.attach_button.setEnabled(False)
        self.attach_button.clicked.connect(self.attach)
        layout.addWidget(self.attach_button, 0, Qt.AlignmentFlag.AlignRight)
        return box

    def _build_list(self) -> QGroupBox:
        box = QGroupBox(self.tr("本次检查的抽样清单"))
        layout = QVBoxLayout(box)
        self.sample_combo = QComboBox()
        self.sample_combo.currentIndexChanged.connect(self._show_sample)
        layout.addWidget(self.sample_combo)
        self.rules_label = QLabel()
        self.rules_label.setWordWrap(True)
        layout.addWidget(self.rules_label)
        self.model = BillsModel(self)
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
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("说明（发现问题时必填）"))
        self.ok_button = QPushButton(self.tr("核实无误"))
        self.problem_button = QPushButton(self.tr("发现问题"))
        self.ok_button.clicked.connect(lambda: self.mark("ok"))
        self.problem_button.clicked.connect(lambda: self.mark("problem"))
        self.evidence_button = QPushButton(self.tr("关联证据…"))
        self.evidence_button.clicked.connect(self.link_evidence)
        row.addWidget(self.note_edit, 1)
        row.addWidget(self.ok_button)
        row.addWidget(self.problem_button)
        row.addWidget(self.evidence_button)
        layout.addLayout(row)
        self.table.selectionModel().currentRowChanged.connect(self._bill_chosen)
        self._bill_chosen()
        return box

    # --- reading and attaching -----------------------------------------------------------

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择结算数据"),
            self.file_edit.text() or str(Path.home()),
            self.tr("结算数据 (*.xlsx *.csv *.txt)"),
        )
        if path:
            self.file_edit.setText(path)

    def _choose_flagged(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择疑点结算单号清单"),
            self.flagged_edit.text() or str(Path.home()),
            self.tr("疑点清单 (*.txt *.xlsx *.csv)"),
        )
        if path:
            self.flagged_edit.setText(path)

    def _rules(self) -> Rules:
        seed_text = self.seed_edit.text().strip()
        if not seed_text.isdigit():
            raise InvalidInput("随机种子应为非负整数")
        threshold = parse_amount(self.threshold_edit.text())
        if threshold is None:
            raise InvalidInput("请给出金额阈值（元）")
        qdate = self.since_edit.date()
        rules = Rules(
            since=date(qdate.year(), qdate.month(), qdate.day()),
            seed=int(seed_text),
            rate=parse_rate(self.rate_edit.text()),
            threshold_fen=threshold,
            year=self.year_spin.value() or None,
            top=self.top_spin.value(),
            third_party=self.third_party.isChecked(),
        )
        rules.check()
        return rules

    def read(self) -> None:
        self._drop_report()
        path = Path(self.file_edit.text().strip())
        try:
            rules = self._rules()
            if not self.file_edit.text().strip() or not path.is_file():
                raise InvalidInput("找不到文件：{path}", path=str(path))
        except InspectorError as error:
            show_error(self, self.tr("结算数据抽样"), error)
            return
        self.read_button.setEnabled(False)
        self.outcome_label.setText(arg(self.tr("正在读取 %1…"), path.name))

        flagged_text = self.flagged_edit.text().strip()
        from_rules = self.flagged_rules.isChecked()
        ws, inspection_id = self.workspace, self.inspection_id

        def work(reporter: Reporter) -> tuple[SampleReport, Rules]:
            chosen = rules
            if flagged_text:
                listing = Path(flagged_text)
                chosen = replace(rules, flagged=read_flagged(listing), flagged_source=listing.name)
            if from_rules:
                chosen = flagged_from_rules(ws, inspection_id, chosen)
            return build_sample(self.workspace, path, chosen, reporter), chosen

        def done(result: tuple[SampleReport, Rules]) -> None:
            report, used = result
            self.read_button.setEnabled(True)
            self.report, self.rules = report, used
            self._show_report(report, used)

        def failed(message: str) -> None:
            self.read_button.setEnabled(True)
            self.outcome_label.setText(message)
            QMessageBox.warning(self, self.tr("结算数据抽样"), message)

        task = self.runner.run(
            work, on_success=done, on_failure=failed, progress_parent=self,
            label=self.tr("正在读取结算数据…"),
        )  # fmt: skip
        task.signals.cancelled.connect(lambda: self.read_button.setEnabled(True))
        task.signals.cancelled.connect(lambda: self.outcome_label.setText(self.tr("已取消。")))

    def _show_report(self, report: SampleReport, rules: Rules) -> None:
        head = arg(
            self.tr("%1：%2 行，SHA-256 %3"),
            report.source.name,
            f"{report.rows:,}",
            report.source_sha256,
        )
        self.refused_list.clear()
        if not report.ok:
            for refused in report.refused:
                self.refused_list.addItem(
                    arg(self.tr("第 %1 行：%2"), str(refused.row), refused.reason)
                )
            self.refused_list.show()
            self.outcome_label.setText(
                head
                + "\n"
                + arg(
                    self.tr("共拒绝 %1 行：未建立抽样清单，请修改文件后重新读取。"),
                    str(report.refused_count),
                )
            )
            self.outcome_label.setStyleSheet("color: #9b1c1c;")
            self.attach_button.setEnabled(False)
            return
        self.refused_list.hide()
        self.outcome_label.setStyleSheet("")
        counts = "；".join(
            f"{RULE_NAMES[rule]} {report.counts.get(rule, 0):,}"
            for rule in (LARGE, FLAGGED, RANDOM, TOP)
            if rule in report.counts
        )
        self.outcome_label.setText(
            head
            + "\n"
            + arg(
                self.tr("列入清单 %1 张（%2）。规则：%3"),
                f"{report.total:,}",
                counts,
                rules.describe(report.year),
            )
        )
        if rules.flagged:
            self.outcome_label.setText(
                self.outcome_label.text()
                + "\n"
                + arg(
                    self.tr(
                        "因智能监控疑点列入 %1 张（疑点清单 %2 个结算单号，其中 %3 张在抽样范围内）"
                    ),
                    f"{report.counts.get(FLAGGED, 0):,}",
                    f"{len(rules.flagged):,}",
                    f"{report.flagged_in_rest:,}",
                )
            )
        self.attach_button.setEnabled(report.total > 0)

    def attach(self) -> None:
        report, rules = self.report, self.rules
        if report is None or rules is None:
            return
        self.attach_button.setEnabled(False)

        def work(_reporter: Reporter) -> str:
            return attach_sample(self.workspace, self.inspection_id, report, rules)

        def done(_sample_id: str) -> None:
            self._drop_report()
            self.outcome_label.setText(self.tr("抽样清单已建立。"))

            def shown() -> None:
                self.sample_combo.setCurrentIndex(self.sample_combo.count() - 1)
                self.changed.emit()

            self.reload(then=shown)

        def failed(message: str) -> None:
            self.attach_button.setEnabled(True)
            QMessageBox.warning(self, self.tr("结算数据抽样"), message)

        self.runner.run(
            work, on_success=done, on_failure=failed, progress_parent=self,
            changes=OpChanges(answers=True).about(self.inspection_id),
            label=self.tr("正在建立抽样清单…"),
        )  # fmt: skip

    def _drop_report(self) -> None:
        if self.report is not None:
            self.report.close()  # its scratch file holds patients' data: not kept longer
            self.report = None
        self.attach_button.setEnabled(False)

    # --- the list and the marks ------------------------------------------------------------

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Reads the samples on the database executor and shows them, then calls ``then``."""
        ws, inspection_id = self.workspace, self.inspection_id

        def show(samples: list[SampleView]) -> None:
            self._show_samples(samples)
            if then is not None:
                then()

        ops().query(lambda: samples_of(ws, inspection_id), parent=self, success=show)

    def _show_samples(self, samples: list[SampleView]) -> None:
        keep = self.sample_combo.currentIndex()
        self.samples = samples
        self.sample_combo.blockSignals(True)
        self.sample_combo.clear()
        for sample in self.samples:
            self.sample_combo.addItem(
                arg(
                    self.tr("%1（%2 张，SHA-256 %3…）"),
                    sample.source_name,
                    str(len(sample.bills)),
                    sample.source_sha256[:12],
                )
            )
        if self.samples:
            self.sample_combo.setCurrentIndex(keep if 0 <= keep < len(self.samples) else 0)
        self.sample_combo.blockSignals(False)
        self._show_sample()

    def _show_sample(self) -> None:
        index = self.sample_combo.currentIndex()
        if not 0 <= index < len(self.samples):
            self.model.set_rows([])
            self.rules_label.setText(self.tr("本次检查尚无抽样清单。"))
            return
        sample = self.samples[index]
        self.model.set_rows(sample.bills)
        done = sum(1 for b in sample.bills if b.verdict != "pending")
        problems = sum(1 for b in sample.bills if b.verdict == "problem")
        flagged = sum(1 for b in sample.bills if b.rule == FLAGGED)
        self.rules_label.setText(
            arg(
                self.tr("规则：%1\n已核实 %2/%3，发现问题 %4"),
                str(sample.rules.get("description", "")),
                str(done),
                str(len(sample.bills)),
                str(problems),
            )
            + (
                "\n" + arg(self.tr("其中因智能监控疑点列入 %1 张"), str(flagged))
                if "flagged_count" in sample.rules
                else ""
            )
        )
        self.table.resizeColumnsToContents()
        self._bill_chosen()

    def _current_bill(self) -> BillView | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        return self.model.rows[index.row()]

    def _bill_chosen(self, *_: object) -> None:
        bill = self._current_bill()
        for button in (self.ok_button, self.problem_button, self.evidence_button):
            button.setEnabled(bill is not None)
        self.note_edit.setText(bill.note if bill is not None else "")

    def link_evidence(self) -> None:
        """Link evidence of this inspection (a photo of the bill, the ward) to the bill; links
        are only added, as evidence is never taken off the record."""
        bill = self._current_bill()
        if bill is None:
            return
        picker = EvidencePicker(self.workspace, self.inspection_id, bill, self)
        if not picker.exec() or not picker.chosen:
            return
        row = self.table.currentIndex().row()

        def shown() -> None:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.changed.emit()

        def done(_result: object) -> None:
            self.reload(then=shown)

        ws, inspection_id, chosen = self.workspace, self.inspection_id, picker.chosen
        ops().mutate(
            lambda: mark_bill(
                ws, inspection_id, bill.bill_no, bill.verdict, bill.note, evidence_ids=chosen
            ),
            OpChanges(answers=True).about(inspection_id),
            parent=self,
            success=done,
            failure=self._refused,
        )

    def _refused(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("结算数据抽样"), message)

    def mark(self, verdict: str) -> None:
        bill = self._current_bill()
        if bill is None:
            return
        row = self.table.currentIndex().row()

        def next_bill() -> None:  # on to the next bill, as a team works down the list
            following = min(row + 1, self.model.rowCount() - 1)
            self.table.setCurrentIndex(self.model.index(following, 0))
            self.changed.emit()

        def done(_result: object) -> None:
            self.reload(then=next_bill)

        ws, inspection_id, note = self.workspace, self.inspection_id, self.note_edit.text()
        ops().mutate(
            lambda: mark_bill(ws, inspection_id, bill.bill_no, verdict, note),
            OpChanges(answers=True).about(inspection_id),
            parent=self,
            success=done,
            failure=self._refused,
        )


class EvidencePicker(QDialog):
    """The inspection's evidence by its number on the record (证据 N), those already linked to
    the bill checked and fixed."""

    def __init__(
        self, workspace: Workspace, inspection_id: str, bill: BillView, parent: QWidget | None
    ) -> None:
        from inspector.inspections import get_inspection

        super().__init__(parent)
        self.setWindowTitle(arg(self.tr("关联证据 · %1"), bill.bill_no))
        self.resize(520, 420)
        self.chosen: list[str] = []
        self.bill = bill
        self._layout = QVBoxLayout(self)
        layout = self._layout
        self.list = QListWidget()
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        ops().query(
            lambda: get_inspection(workspace, inspection_id), parent=self, success=self._fill
        )

    def _fill(self, view: InspectionView) -> None:
        """The inspection's evidence, read on the database executor."""
        from inspector.record.layout import evidence_numbers

        numbers = evidence_numbers(view)
        bill = self.bill
        for evidence in view.evidence:
            item = QListWidgetItem(
                arg(self.tr("证据 %1  %2"), str(numbers[evidence.id]), evidence.original_name)
                + (f"（{evidence.item_code}）" if evidence.item_code else "")
            )
            item.setData(Qt.ItemDataRole.UserRole, evidence.id)
            linked = evidence.id in bill.evidence_ids
            item.setCheckState(Qt.CheckState.Checked if linked else Qt.CheckState.Unchecked)
            if linked:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        if not view.evidence:
            self._layout.insertWidget(
                0, QLabel(self.tr("本次检查还没有证据：先在检查条目中拍照或添加文件。"))
            )

    def _accept(self) -> None:
        self.chosen = [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
            and self.list.item(i).flags() & Qt.ItemFlag.ItemIsEnabled
        ]
        self.accept()
