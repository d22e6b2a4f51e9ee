"""计划: the 双随机 draw in the app (seed 001). The order is the one that makes a draw publicly
verifiable: choose the pool, publish the ordered candidate list and its SHA-256, then take the
random sources, preview, and draw (storing it, planning the visits and writing 抽查结果.xlsx).
Draws already made are listed, each exportable again (its result recomputed from its stored
inputs). The draw itself is the core's (inspector/planning/)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.errors import InspectorError
from inspector.planning.draw import METHODS, WEIGHTED, Candidate, DrawInputs, DrawResult, run
from inspector.planning.notice import write_notice
from inspector.planning.publish import write_publication
from inspector.planning.service import (
    DrawSummary,
    RosterView,
    candidates,
    candidates_sha256,
    list_draws,
    list_roster,
    prepare,
    run_draw,
    stored_draw,
)
from inspector.workspace import Workspace
from ui.errors import arg, show_error
from ui.ops import OpChanges, ops
from ui.tasks import TaskRunner


def _table(headers: list[str], stretch: int = 1) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[object]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            if isinstance(value, int):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class PlanDialog(QDialog):
    """The draw: pool → published candidates → sources → preview → draw and publish."""

    planned = Signal(list)  # ids of the inspections a draw planned

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = TaskRunner(self)  # the workbook and the PDF notice (CPU work)
        self.published: tuple[Candidate, ...] | None = None  # the list shown, as published
        self.preview_of: DrawInputs | None = None
        self._pool_asked = 0  # which pool a list read on the executor was asked for
        self.setWindowTitle(self.tr("双随机抽查"))
        self.resize(980, 760)
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_pool())
        layout.addWidget(self._build_candidates(), 3)
        layout.addWidget(self._build_draw(), 2)
        layout.addWidget(self._build_history(), 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload_history()

    # --- building ----------------------------------------------------------------------

    def _build_pool(self) -> QGroupBox:
        box = QGroupBox(self.tr("一、抽查范围"))
        form = QFormLayout(box)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("如：2026 年第四季度定点医药机构双随机抽查"))
        form.addRow(self.tr("标题"), self.title_edit)
        self.districts_edit = QLineEdit()
        self.districts_edit.setPlaceholderText(self.tr("留空为全部区县；多个区县用顿号分隔"))
        form.addRow(self.tr("区县"), self.districts_edit)
        self.type_combo = QComboBox()
        self.type_combo.addItem(self.tr("全部类型"), "")
        for code, kind in self.workspace.library.types.items():
            self.type_combo.addItem(kind.name, code)
        form.addRow(self.tr("机构类型"), self.type_combo)
        row = QHBoxLayout()
        self.method_combo = QComboBox()
        for code, name in METHODS.items():
            self.method_combo.addItem(name, code)
        self.method_combo.setCurrentIndex(self.method_combo.findData(WEIGHTED))
        row.addWidget(self.method_combo)
        row.addWidget(QLabel(self.tr("抽取机构数")))
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, 9999)
        self.count_spin.setValue(5)
        row.addWidget(self.count_spin)
        row.addWidget(QLabel(self.tr("每组人数")))
        self.team_spin = QSpinBox()
        self.team_spin.setRange(2, 9)  # seed 000: 不得少于两人
        row.addWidget(self.team_spin)
        row.addStretch(1)
        form.addRow(self.tr("方法"), row)
        flags = QHBoxLayout()
        self.cross_check = QCheckBox(self.tr("交叉检查（被查区县的检查人员回避）"))
        self.reuse_check = QCheckBox(self.tr("同一检查人员可参加多个检查组"))
        flags.addWidget(self.cross_check)
        flags.addWidget(self.reuse_check)
        flags.addStretch(1)
        form.addRow("", flags)
        for widget in (self.districts_edit, self.title_edit):
            widget.textChanged.connect(self._pool_changed)
        for combo in (self.type_combo, self.method_combo):
            combo.currentIndexChanged.connect(self._pool_changed)
        for spin in (self.count_spin, self.team_spin):
            spin.valueChanged.connect(self._pool_changed)
        for check in (self.cross_check, self.reuse_check):
            check.toggled.connect(self._pool_changed)
        return box

    def _build_candidates(self) -> QGroupBox:
        box = QGroupBox(self.tr("二、候选名单（先公布名单及其 SHA-256，再取随机源）"))
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        self.candidates_button = QPushButton(self.tr("生成候选名单"))
        self.candidates_button.clicked.connect(self.show_candidates)
        row.addWidget(self.candidates_button)
        self.candidates_label = QLabel()
        self.candidates_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.candidates_label.setWordWrap(True)
        row.addWidget(self.candidates_label, 1)
        layout.addLayout(row)
        self.candidates_table = _table(
            [
                self.tr("序号"),
                self.tr("机构名称"),
                self.tr("区县"),
                self.tr("机构类型"),
                self.tr("协议编号"),
                self.tr("风险等级"),
                self.tr("信用等级"),
                self.tr("权重"),
            ]
        )
        layout.addWidget(self.candidates_table)
        return box

    def _build_draw(self) -> QGroupBox:
        box = QGroupBox(self.tr("三、随机源与抽取"))
        layout = QVBoxLayout(box)
        form = QFormLayout()
        self.sources_edit = QLineEdit()
        self.sources_edit.setPlaceholderText(
            self.tr("公开的随机数，组与组之间用 / 分隔，如彩票开奖号码：9319 / 2 5 12 8 10")
        )
        self.sources_edit.textChanged.connect(self._sources_changed)
        form.addRow(self.tr("随机源"), self.sources_edit)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("预览抽取结果"))
        self.preview_button.clicked.connect(self.preview)
        self.draw_button = QPushButton(self.tr("抽取并建立检查…"))
        self.draw_button.clicked.connect(self.draw)
        for button in (self.preview_button, self.draw_button):
            button.setEnabled(False)
            row.addWidget(button)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.result_label, 1)
        layout.addLayout(row)
        self.result_table = _table(
            [
                self.tr("顺序"),
                self.tr("机构名称"),
                self.tr("区县"),
                self.tr("候选序号"),
                self.tr("组长"),
                self.tr("组员"),
            ]
        )
        layout.addWidget(self.result_table)
        return box

    def _build_history(self) -> QGroupBox:
        box = QGroupBox(self.tr("已做的抽查"))
        layout = QVBoxLayout(box)
        self.history_table = _table(
            [
                self.tr("时间"),
                self.tr("标题"),
                self.tr("方法"),
                self.tr("机构数"),
                self.tr("密钥串"),
                self.tr("抽查编号"),
            ],
            stretch=4,
        )
        self.history_table.setMaximumHeight(130)
        self.history_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout.addWidget(self.history_table)
        row = QHBoxLayout()
        row.addStretch(1)
        self.export_button = QPushButton(self.tr("导出抽查结果…"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_selected)
        self.history_table.itemSelectionChanged.connect(
            lambda: self.export_button.setEnabled(bool(self.history_table.selectedItems()))
        )
        row.addWidget(self.export_button)
        layout.addLayout(row)
        return box

    # --- the steps -----------------------------------------------------------------------

    def _districts(self) -> list[str]:
        text = self.districts_edit.text()
        for mark in ("，", ",", " ", ";", "；"):
            text = text.replace(mark, "、")
        return [d for d in (part.strip() for part in text.split("、")) if d]

    def _types(self) -> list[str]:
        code = self.type_combo.currentData()
        return [code] if code else []

    def _pool_changed(self) -> None:
        # A changed pool is a different published list: it must be shown (published) again.
        self._pool_asked += 1  # a list still being read is for the old pool: not shown
        self.published = None
        self.preview_of = None
        self.candidates_table.setRowCount(0)
        self.result_table.setRowCount(0)
        self.candidates_label.clear()
        self.result_label.clear()
        self._sources_changed()

    def _sources_changed(self) -> None:
        self.preview_of = None
        ready = self.published is not None and bool(self.sources_edit.text().strip())
        self.preview_button.setEnabled(ready)
        self.draw_button.setEnabled(ready)

    def _error(self, error: InspectorError) -> None:
        show_error(self, self.tr("双随机抽查"), error)

    def show_candidates(self) -> None:
        """Reads the candidate list and the roster on the database executor, then shows them."""
        ws, districts, types, asked = (
            self.workspace,
            self._districts(),
            self._types(),
            self._pool_asked,
        )

        def shown(read: tuple[tuple[Candidate, ...], list[RosterView]]) -> None:
            if asked == self._pool_asked:  # the pool has not changed meanwhile
                self._show_candidates(*read)

        ops().query(
            lambda: (candidates(ws, districts=districts, types=types), list_roster(ws)),
            parent=self,
            success=shown,
            failure=self._refused,
        )

    def _show_candidates(self, found: tuple[Candidate, ...], roster: list[RosterView]) -> None:
        names = {code: kind.name for code, kind in self.workspace.library.types.items()}
        _fill(
            self.candidates_table,
            [
                [n, c.name, c.district, names.get(c.type_code, c.type_code), c.agreement_no,
                 c.risk_level, c.credit_rating, c.weight]
                for n, c in enumerate(found, start=1)
            ],
        )  # fmt: skip
        leaders = sum(1 for p in roster if p.can_lead)
        self.published = found
        self.candidates_label.setText(
            arg(
                self.tr("共 %1 家；候选名单 SHA-256：%2\n检查人员名录 %3 人，其中可任组长 %4 人"),
                str(len(found)),
                candidates_sha256(found),
                str(len(roster)),
                str(leaders),
            )
        )
        self._sources_changed()

    def _inputs(self, then: Callable[[DrawInputs], None]) -> None:
        """The inputs of the draw, read on the database executor, then ``then(inputs)``;
        refused when the registry changed since the list was shown: the draw must run on
        exactly the list that was published."""
        ws = self.workspace
        prepare_draw = partial(
            prepare,
            ws,
            method=self.method_combo.currentData(),
            sources=self.sources_edit.text(),
            count=self.count_spin.value(),
            team_size=self.team_spin.value(),
            cross_district=self.cross_check.isChecked(),
            reuse_inspectors=self.reuse_check.isChecked(),
            districts=self._districts(),
            types=self._types(),
            title=self.title_edit.text(),
        )

        def checked(inputs: DrawInputs) -> None:
            if (ok := self._published_list(inputs)) is not None:
                then(ok)

        ops().query(prepare_draw, parent=self, success=checked, failure=self._refused)

    def _published_list(self, inputs: DrawInputs) -> DrawInputs | None:
        if self.published is None or candidates_sha256(inputs.candidates) != candidates_sha256(
            self.published
        ):
            QMessageBox.warning(
                self,
                self.tr("双随机抽查"),
                self.tr("机构名录在公布候选名单后有变化：请重新生成候选名单，公布后再抽取。"),
            )
            self._pool_changed()
            return None
        return inputs

    def _show_result(self, inputs: DrawInputs, result: DrawResult) -> None:
        rows: list[list[object]] = []
        for order, team in enumerate(result.teams, start=1):
            place = inputs.candidates[team.candidate]
            people = [inputs.roster[m] for m in team.members]
            rows.append(
                [order, place.name, place.district, team.candidate + 1, people[0].name,
                 "、".join(p.name for p in people[1:])]
            )  # fmt: skip
        _fill(self.result_table, rows)

    def preview(self) -> None:
        self._inputs(self._preview)

    def _preview(self, inputs: DrawInputs) -> None:
        try:
            result = run(inputs)
        except InspectorError as error:
            self._error(error)
            return
        self._show_result(inputs, result)
        self.preview_of = inputs
        self.result_label.setText(arg(self.tr("预览（未保存）。密钥串：%1"), result.key))

    def draw(self) -> None:
        self._inputs(self._draw)

    def _draw(self, inputs: DrawInputs) -> None:
        target = self._ask_target(inputs.title)
        if target is None:
            return
        ws = self.workspace

        def drawn(outcome: Any) -> None:
            self._show_result(inputs, outcome.result)
            self.reload_history()
            self.planned.emit(outcome.inspection_ids)
            text = arg(
                self.tr("已抽取并建立 %1 项计划检查（草稿）。抽查编号 %2；密钥串：%3"),
                len(outcome.inspection_ids),
                outcome.draw_id,
                outcome.result.key,
            )
            self.result_label.setText(text)

            def written() -> None:
                self.result_label.setText(
                    text + "\n" + arg(self.tr("抽查结果已写入 %1（及同名 PDF 公告）"), target)
                )

            self._write(Path(target), outcome.draw_id, written)

        ops().mutate(
            lambda: run_draw(ws, inputs),
            lambda outcome: OpChanges(
                inspection=True, inspection_ids=frozenset(outcome.inspection_ids)
            ),
            parent=self,
            success=drawn,
            failure=self._refused,
        )

    def _ask_target(self, title: str) -> str | None:
        """Where the workbook goes (its PDF notice beside it), asked of the user."""
        name = (title or self.tr("抽查结果")) + ".xlsx"
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存抽查结果"), str(Path.home() / name), self.tr("Excel 工作簿 (*.xlsx)")
        )
        if not target:
            return None
        return target if target.lower().endswith(".xlsx") else target + ".xlsx"

    def _write(self, target: Path, draw_id: str, written: Callable[[], None]) -> None:
        """Write the publication of a stored draw (read on the database executor, the workbook
        and PDF made on the CPU pool), then ``written()``; on failure say so (the draw stays
        stored and can be exported again from the list below)."""
        ws = self.workspace

        def make(draw: Any, _reporter: object) -> str | None:
            try:
                write_publication(target, draw.inputs, draw.result, draw_id=draw.id, at=draw.at)
                # The notice to post beside it (一公开), same name, .pdf.
                notice = target.with_suffix(".pdf")
                write_notice(notice, draw.inputs, draw.result, draw_id=draw.id, at=draw.at)
            except OSError as error:
                return error.strerror or str(error)
            return None

        def made(error: str | None) -> None:
            if error is None:
                written()
                return
            QMessageBox.warning(
                self,
                self.tr("双随机抽查"),
                arg(
                    self.tr("无法写入 %1：%2\n抽查已保存，可在“已做的抽查”中再次导出。"),
                    str(target),
                    error,
                ),
            )

        ops().query(
            lambda: stored_draw(ws, draw_id),
            parent=self,
            success=lambda draw: self.runner.run(
                partial(make, draw), on_success=made, on_failure=self._refused, cpu=True
            ),
            failure=self._refused,
        )

    def _refused(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("双随机抽查"), message)

    # --- draws made ----------------------------------------------------------------------

    def reload_history(self) -> None:
        """Reads the draws made on the database executor and lists them."""
        ws = self.workspace
        ops().query(lambda: list_draws(ws), parent=self, success=self._show_history)

    def _show_history(self, draws: list[DrawSummary]) -> None:
        _fill(
            self.history_table,
            [
                [d.at.astimezone().strftime("%Y-%m-%d %H:%M"), d.title,
                 METHODS.get(d.method, d.method), d.institutions, d.key, d.id]
                for d in draws
            ],
        )  # fmt: skip

    def export_selected(self) -> None:
        rows = {index.row() for index in self.history_table.selectedIndexes()}
        if not rows:
            return
        draw_id = self.history_table.item(rows.pop(), 5).text()
        title = self.history_table.item(self.history_table.currentRow(), 1).text()
        target = self._ask_target(title)
        if target is None:
            return
        self._write(
            Path(target),
            draw_id,
            lambda: self.result_label.setText(
                arg(self.tr("抽查结果已写入 %1（及同名 PDF 公告）"), target)
            ),
        )
