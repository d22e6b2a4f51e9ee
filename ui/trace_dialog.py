"""The 追溯码 sweep on site for one inspection: a field that takes codes as a USB scanner types
them (one per Enter, in bursts: each code is taken out of the field at its Enter, queued, and
the queue recorded in order by the database executor while the next codes are typed), the
camera (a photo of the box decoded with zxing-cpp on the CPU pool), a live list coloured by
what each code was found to be with the counts, the purchase records' import, and finishing:
the scan log stored as evidence of P6.5 and the hits recorded as its finding. The checking and
the log are the core's (inspector/trace/)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.inspections import InspectionView, format_fen, get_inspection
from inspector.trace import (
    ITEM,
    NORMAL,
    NOT_PURCHASED,
    OTHER_BUYER,
    REPEATED,
    RESULTS,
    RETURNED,
    SOURCES,
)
from inspector.trace.codes import Checked, check, decode_image
from inspector.trace.purchases import Imported, import_purchases
from inspector.trace.scans import Scan, ScanBatch, Sweep, SweepSummary
from inspector.trace.service import Findings, attach_findings
from inspector.workspace import Workspace
from ui.errors import arg
from ui.ops import OpChanges, ops
from ui.table_model import RowsModel
from ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
COLOURS = {
    REPEATED: "#f4b6b6",
    RETURNED: "#fde4e4",
    OTHER_BUYER: "#fff1c2",
    NOT_PURCHASED: "#ffe7c7",
}


def result_name(result: str) -> str:
    """A classification in the UI's language (the core's words are Chinese)."""
    translate = QCoreApplication.translate
    names = {
        REPEATED: translate("TraceDialog", "重复结算"),
        RETURNED: translate("TraceDialog", "已结算仍在架"),
        OTHER_BUYER: translate("TraceDialog", "非本机构购进"),
        NOT_PURCHASED: translate("TraceDialog", "无购进记录"),
        NORMAL: translate("TraceDialog", "正常"),
    }
    return names.get(result, result)


def source_name(source: str) -> str:
    translate = QCoreApplication.translate
    names = {
        "scanner": translate("TraceDialog", "扫码枪"),
        "camera": translate("TraceDialog", "摄像头"),
        "typed": translate("TraceDialog", "手工输入"),
        "stdin": translate("TraceDialog", "命令行"),
    }
    return names.get(source, SOURCES.get(source, source))


def refusal(checked: Checked) -> str:
    """Why a text is not a code, in the UI's language (the core's templates, translated)."""
    reason = QCoreApplication.translate("Core", checked.reason or "")
    try:
        reason = reason.format(n=checked.digits)
    except (KeyError, IndexError, ValueError):
        reason = checked.why
    return arg(
        QCoreApplication.translate("TraceDialog", "“%1”不是药品追溯码：%2"), checked.text, reason
    )


class ScanModel(RowsModel[Scan]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = [
            self.tr("序号"),
            self.tr("时间"),
            self.tr("追溯码"),
            self.tr("方式"),
            self.tr("结论"),
            self.tr("备注"),
        ]

    def add(self, scans: list[Scan]) -> None:
        """New scans on top: the one just scanned is where the eye is."""
        if not scans:
            return
        self.beginInsertRows(QModelIndex(), 0, len(scans) - 1)
        self.rows[0:0] = list(reversed(scans))
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        scan = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            note = ""
            if scan.repeat_of is not None:
                note = arg(self.tr("重复扫描（首次为第 %1 次扫描），只计一次"), str(scan.repeat_of))
            elif scan.found is not None and scan.found.uses:
                note = arg(
                    self.tr("结算 %1 次，¥%2"),
                    str(scan.found.uses),
                    format_fen(scan.found.amount_fen),
                )
            return [
                str(scan.seq),
                scan.scanned_at.astimezone().strftime("%H:%M:%S"),
                scan.code,
                source_name(scan.source),
                result_name(scan.result),
                note,
            ][index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and scan.result in COLOURS:
            return QBrush(QColor(COLOURS[scan.result]))
        return None


class TraceDialog(QDialog):
    changed = Signal()  # the log was attached (evidence and answer changed)

    def __init__(
        self,
        workspace: Workspace,
        runner: TaskRunner,
        inspection_id: str,
        parent: QWidget | None = None,
        frames: Any = None,  # QVideoFrameInput in place of a camera device (tests)
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.inspection_id = inspection_id
        self.frames = frames
        self.sweep: Sweep | None = None  # opened on the database executor
        self.added_by: str | None = None
        self.pending: list[tuple[str, str]] = []  # (code, source) not yet recorded
        self.recording = False
        self.first_seen: dict[str, str] = {}  # code → result at its first scan
        self.repeats = 0
        self.setWindowTitle(arg(self.tr("追溯码扫码核查 · %1"), ""))
        self.resize(980, 720)
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "用扫码枪逐盒扫描药品追溯码（每扫一盒自动回车），或点“摄像头”拍下药盒上的码。"
                "每个码与结算明细和购进记录比对，结果即时显示。"
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        row = QHBoxLayout()
        self.scan_input = QLineEdit()
        self.scan_input.setPlaceholderText(self.tr("在此扫码（20 位药品追溯码，回车结束）"))
        self.scan_input.setMaxLength(200)
        self.scan_input.returnPressed.connect(self._entered)
        row.addWidget(self.scan_input, 1)
        self.camera_button = QPushButton(self.tr("摄像头…"))
        self.camera_button.clicked.connect(self.open_camera)
        row.addWidget(self.camera_button)
        self.import_button = QPushButton(self.tr("导入购进追溯码…"))
        self.import_button.clicked.connect(self.import_purchases)
        row.addWidget(self.import_button)
        layout.addLayout(row)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.counts = QLabel("")
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)
        self.model = ScanModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(2, 200)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("违规类别")))
        self.violation_combo = QComboBox()
        self.violation_combo.addItem(self.tr("（不指定）"), "")
        bottom.addWidget(self.violation_combo, 1)
        self.finish_button = QPushButton(self.tr("完成扫码：存为条目 P6.5 的证据并记录问题"))
        self.finish_button.setEnabled(False)
        self.finish_button.clicked.connect(self.finish)
        bottom.addWidget(self.finish_button)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.reject)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)
        # The scan field keeps the keyboard: a click elsewhere must not send the next box's
        # code into a button or the table.
        for widget in (
            self.camera_button, self.import_button, self.table, self.violation_combo,
            self.finish_button, self.close_button,
        ):  # fmt: skip
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scan_input.setFocus()
        self._set_ready(False)
        # Codes scanned meanwhile wait in the queue and are recorded once the sweep is open.
        self.message.setText(self.tr("正在读取结算明细和购进记录…"))
        ops().query(self._open, parent=self, success=self._opened, failure=self._failed)

    # --- opening ------------------------------------------------------------------------

    def _open(self) -> tuple[InspectionView, Sweep, SweepSummary]:
        """On the database executor: the inspection, the sweep (the detail opened and its
        codes indexed, the purchase codes read) and the log so far."""
        view = get_inspection(self.workspace, self.inspection_id)
        sweep = Sweep(self.workspace, view.id)
        return view, sweep, sweep.summary()

    def _opened(self, result: tuple[InspectionView, Sweep, SweepSummary]) -> None:
        view, self.sweep, summary = result
        self.setWindowTitle(arg(self.tr("追溯码扫码核查 · %1"), view.institution_name))
        team = {cert for _name, cert, _role in view.team}
        self.added_by = self.workspace.actor if self.workspace.actor in team else None
        item = view.checklist.item(ITEM)
        for code in item.violations if item is not None else []:
            known = self.workspace.library.violations.get(code)
            label = f"{code} {known.title}" if known else code
            self.violation_combo.addItem(label[:60], code)
        if item is None:
            self.finish_button.setToolTip(self.tr("本次检查的清单中没有条目 P6.5"))
        self._has_item = item is not None
        notes = []
        if not summary.detail_checked:
            notes.append(self.tr("本次检查未导入结算明细：不核对结算。"))
        if not summary.purchases_checked:
            notes.append(self.tr("未导入购进追溯码：不核对购进。"))
        self.message.setText(" ".join(notes))
        self._show_scans(summary.scans)
        self._set_ready(True)
        self._flush()

    def _failed(self, message: str) -> None:
        self.message.setText(message)

    def _set_ready(self, ready: bool) -> None:
        for widget in (self.import_button, self.camera_button):
            widget.setEnabled(ready)
        self.finish_button.setEnabled(
            ready and getattr(self, "_has_item", False) and bool(self.model.rows)
        )

    # --- scanning -----------------------------------------------------------------------

    def _entered(self) -> None:
        """One Enter: the field's text is one code, taken out at once so that the next code
        typed starts in an empty field."""
        text = self.scan_input.text()
        self.scan_input.clear()
        self.take(text, "scanner")

    def take(self, text: str, source: str) -> None:
        if not text.strip():
            return
        checked = check(text)
        if checked.code is None:
            QApplication.beep()
            self.message.setText(refusal(checked) + self.tr("（未记录）"))
            return
        self.pending.append((checked.code, source))
        self._flush()

    def _flush(self) -> None:
        """Record the codes waiting, in order, one batch (of one source) at a time."""
        if self.recording or self.sweep is None or not self.pending:
            return
        source = self.pending[0][1]
        count = next(
            (i for i, (_c, s) in enumerate(self.pending) if s != source), len(self.pending)
        )
        codes = [code for code, _s in self.pending[:count]]
        del self.pending[:count]
        self.recording = True
        sweep = self.sweep
        ops().mutate(
            lambda: sweep.scan(codes, source, self.workspace.actor),
            OpChanges(),
            parent=self,
            success=self._recorded,
            failure=self._not_recorded,
        )

    def _recorded(self, batch: ScanBatch) -> None:
        self.recording = False
        self._show_scans(batch.scans)
        if batch.scans:
            last = batch.scans[-1]
            self.message.setText(
                arg(
                    self.tr("第 %1 次扫描：%2 %3"),
                    str(last.seq),
                    last.code,
                    result_name(last.result),
                )
            )
        self._set_ready(True)
        self._flush()

    def _not_recorded(self, message: str) -> None:
        self.recording = False
        lost = len(self.pending)
        self.pending.clear()
        self.message.setText(arg(self.tr("未记录：%1"), message))
        if lost:
            self.message.setText(
                self.message.text() + arg(self.tr("（另有 %1 个码未记录，请重新扫描）"), str(lost))
            )

    def _show_scans(self, scans: list[Scan]) -> None:
        self.model.add(scans)
        for scan in scans:
            if scan.repeat_of is None:
                self.first_seen.setdefault(scan.code, scan.result)
            else:
                self.repeats += 1
        counted = dict.fromkeys(RESULTS, 0)
        for result in self.first_seen.values():
            counted[result] = counted.get(result, 0) + 1
        # Each count in its colour: the legend of the list.
        parts = [f"{result_name(r)} {counted[r]}" for r in RESULTS]
        parts = [
            f'<span style="background:{COLOURS[r]}">&nbsp;{part}&nbsp;</span>'
            if r in COLOURS
            else part
            for r, part in zip(RESULTS, parts, strict=True)
        ]
        self.counts.setText(
            arg(
                self.tr("扫码 %1 次，追溯码 %2 个（重复扫描 %3 次，只计一次）：%4"),
                str(len(self.model.rows)),
                str(len(self.first_seen)),
                str(self.repeats),
                "，".join(parts),
            )
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.scan_input.setFocus()

    # --- the camera ---------------------------------------------------------------------

    def open_camera(self) -> None:
        from ui.evidence.camera import CameraCheck, CameraDialog, available_cameras

        check = CameraCheck() if self.frames is not None else available_cameras()
        if not check.available and self.frames is None:
            self.message.setText(check.reason)
            self.scan_input.setFocus()
            return
        dialog = CameraDialog(check, self, frames=self.frames)
        self.connect_camera(dialog)
        dialog.exec()
        self.scan_input.setFocus()

    def connect_camera(self, dialog: Any) -> None:
        dialog.shot_taken.connect(self.decode_shot)

    def decode_shot(self, shot: Any) -> None:
        """Read the codes in a photo on the CPU pool (no database), then take each."""
        from ui.evidence.camera import pixels

        image = shot.image

        def work(_reporter: Any) -> list[Checked]:
            return decode_image(pixels(image))

        self.runner.run(work, on_success=self._decoded, on_failure=self._failed, cpu=True)

    def _decoded(self, found: list[Checked]) -> None:
        if not found:
            self.message.setText(self.tr("照片中未识别到条码：请对准药盒上的追溯码再拍"))
            return
        for checked in found:
            self.take(checked.text, "camera")

    # --- purchases and finishing ----------------------------------------------------------

    def import_purchases(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择购进追溯码文件"), "", self.tr("表格 (*.xlsx *.csv *.txt)")
        )
        self.scan_input.setFocus()
        if not path or self.sweep is None:
            return
        sweep = self.sweep

        def work(_reporter: Any) -> Imported:
            done = import_purchases(self.workspace, self.inspection_id, path)
            if done.ok:
                sweep.reload()
            return done

        self.runner.run(work, on_success=self._imported, on_failure=self._failed)

    def _imported(self, done: Imported) -> None:
        if not done.ok:
            rows = "；".join(
                arg(self.tr("第 %1 行 %2"), str(r), why) for r, why in done.refused[:5]
            )
            self.message.setText(
                arg(self.tr("%1 有无法读取的行，未导入：%2"), done.source_name, rows)
            )
            return
        self.message.setText(
            arg(self.tr("已导入 %1：追溯码 %2 个"), done.source_name, str(done.codes))
        )

    def violation(self) -> str | None:
        return self.violation_combo.currentData() or None

    def finish(self) -> None:
        if self.sweep is None:
            return
        sweep = self.sweep
        violation, added_by = self.violation(), self.added_by
        self.finish_button.setEnabled(False)

        def work() -> Findings:
            return attach_findings(
                self.workspace, sweep.summary(), violation=violation, added_by=added_by
            )

        ops().mutate(
            work,
            OpChanges(answers=True, evidence=True).about(self.inspection_id),
            parent=self,
            success=self._finished,
            failure=self._finish_failed,
        )

    def _finished(self, found: Findings) -> None:
        summary = found.summary
        if summary.hits:
            text = arg(
                self.tr(
                    "扫码记录已存为条目 P6.5 的证据；发现问题的追溯码 %1 个，"
                    "涉及结算金额 ¥%2，已记为该条目的问题。"
                ),
                str(len(summary.hits)),
                format_fen(summary.amount_fen) or "0.00",
            )
        else:
            text = self.tr("扫码记录已存为条目 P6.5 的证据；未发现问题。")
        self.message.setText(text)
        self._set_ready(True)
        self.changed.emit()

    def _finish_failed(self, message: str) -> None:
        self.message.setText(message)
        self._set_ready(True)

    def done(self, result: int) -> None:
        sweep, self.sweep = self.sweep, None
        if sweep is not None:
            ops().query(sweep.close)  # its connection was opened on the executor
        super().done(result)
