"""The office's active campaigns (专项行动) on the home screen: each with its current phase,
what is due (reports and 回头看, counted in working days; late ones in red) and this laptop's
district's coverage; 详情… shows its phases, deadlines and scope. Read on the database
executor (ui/ops), refreshed when a pull installs campaigns or an inspection changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.errors import arg

if TYPE_CHECKING:
    from inspector.campaigns import DueItem
    from inspector.campaigns.local import CampaignView
    from inspector.workspace import Workspace

LATE_COLOR = "#b3261e"


def _titles() -> dict[str, str]:
    """The core's names of what is due, in the UI's language."""
    return {
        "情况报告": QCoreApplication.translate("CampaignPanel", "情况报告"),
        "季度统计表": QCoreApplication.translate("CampaignPanel", "季度统计表"),
        "总结": QCoreApplication.translate("CampaignPanel", "总结"),
        "回头看": QCoreApplication.translate("CampaignPanel", "回头看"),
    }


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f}%"


class CampaignPanel(QFrame):
    """The active campaigns, one block each; hidden when there is none."""

    shown = Signal()  # the campaigns read last are on screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.workspace: Workspace | None = None
        self.views: list[CampaignView] = []
        self.details_buttons: list[QPushButton] = []
        self.dialog: CampaignDialog | None = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(8, 6, 8, 6)
        self.setVisible(False)

    def attach(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.refresh()

    def refresh(self) -> None:
        workspace = self.workspace
        if workspace is None:
            return
        from inspector.campaigns.local import campaign_views
        from ui.ops import ops

        ops().query(lambda: campaign_views(workspace), parent=self, success=self._show)

    def _clear(self) -> None:
        while self.layout_.count():
            item = self.layout_.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.details_buttons = []

    def _show(self, views: list[CampaignView]) -> None:
        if views == self.views and self.details_buttons:
            # Nothing new (the list refreshes after every change): the blocks stay as they
            # are, their buttons too.
            self.shown.emit()
            return
        self._clear()
        self.views = views
        titles = _titles()
        for view in views:
            block = QWidget()
            rows = QVBoxLayout(block)
            rows.setContentsMargins(0, 0, 0, 0)
            top = QHBoxLayout()
            c = view.campaign
            name = QLabel(
                arg(self.tr("专项行动：%1（%2）"), c.name, c.doc_no)
                if c.doc_no
                else arg(self.tr("专项行动：%1"), c.name)
            )
            name.setStyleSheet("font-weight: bold;")
            top.addWidget(name, 1)
            details = QPushButton(self.tr("详情…"))
            details.clicked.connect(lambda _=False, v=view: self.open_details(v))
            self.details_buttons.append(details)
            top.addWidget(details)
            rows.addLayout(top)
            phase = view.schedule.current
            if phase is not None:
                text = arg(self.tr("当前阶段：%1（至 %2）"), phase.name, str(phase.end))
            elif view.schedule.upcoming is not None:
                upcoming = view.schedule.upcoming
                text = arg(self.tr("尚未开始：%1（%2 起）"), upcoming.name, str(upcoming.start))
            else:
                text = self.tr("各阶段已结束")
            rows.addWidget(QLabel(text))
            for item in view.schedule.late:
                late = QLabel(
                    arg(
                        self.tr("逾期：%1（应于 %2 前）"),
                        titles.get(item.title, item.title),
                        str(item.deadline.last_day),
                    )
                )
                late.setObjectName("late")
                late.setStyleSheet(f"color: {LATE_COLOR}; font-weight: bold;")
                rows.addWidget(late)
            pending = view.schedule.pending[:3]  # the next ones; 详情… lists them all
            if pending:
                rows.addWidget(QLabel(self._due_text(pending, titles)))
            cover = view.coverage
            where = view.district or self.tr("各区县")
            rows.addWidget(
                QLabel(
                    arg(
                        self.tr("覆盖率（%1）：已检查 %2 / 范围内 %3 家（%4）"),
                        where,
                        cover["inspected"],
                        cover["in_scope"],
                        _percent(cover["share"]),
                    )
                )
            )
            self.layout_.addWidget(block)
        self.setVisible(bool(views))
        self.shown.emit()

    def _due_text(self, items: list[DueItem], titles: dict[str, str]) -> str:
        parts = [
            arg(
                self.tr("%1 %2 前（还有 %3 个工作日）"),
                titles.get(i.title, i.title),
                str(i.deadline.last_day),
                i.working_days_left,
            )
            for i in items
        ]
        return self.tr("待办：") + "；".join(parts)

    def open_details(self, view: CampaignView) -> None:
        """The campaign's details, window-modal (the list stays as it is behind)."""
        self.dialog = CampaignDialog(view, self)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()


class CampaignDialog(QDialog):
    """One campaign: its phases, every deadline (late ones marked) and its scope."""

    def __init__(self, view: CampaignView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        c = view.campaign
        self.setWindowTitle(c.name)
        self.resize(680, 640)
        layout = QVBoxLayout(self)
        heading = QLabel("\n".join(t for t in (c.name, c.doc_no) if t))
        heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout.addWidget(heading)
        self.phases = self._table(
            [self.tr("阶段"), self.tr("开始"), self.tr("结束")],
            [[p.name, str(p.start), str(p.end)] for p in c.phases],
            bold={i for i, p in enumerate(c.phases) if p == view.schedule.current},
        )
        layout.addWidget(QLabel(self.tr("阶段")))
        layout.addWidget(self.phases)
        titles = _titles()
        items = list(view.schedule.items)
        self.deadlines = self._table(
            [self.tr("事项"), self.tr("规定日期"), self.tr("最后一日"), self.tr("剩余工作日")],
            [
                [
                    titles.get(i.title, i.title),
                    str(i.stated),
                    str(i.deadline.last_day)
                    + (self.tr("（节假日安排待公布）") if i.deadline.provisional else ""),
                    arg(self.tr("已完成（%1）"), str(i.submitted_on))
                    if i.submitted_on is not None and i.kind == "follow_up"
                    else arg(self.tr("已报送（%1）"), str(i.submitted_on))
                    if i.submitted_on is not None
                    else self.tr("逾期")
                    if i.late
                    else str(i.working_days_left),
                ]
                for i in items
            ],
            late={n for n, i in enumerate(items) if i.late},
        )
        layout.addWidget(QLabel(self.tr("报送与回头看（遇节假日顺延至下一个工作日）")))
        layout.addWidget(self.deadlines)
        self.coverage = self._table(
            [self.tr("区县"), self.tr("已检查"), self.tr("范围内"), self.tr("覆盖率")],
            [
                [r["district"], str(r["inspected"]), str(r["in_scope"]), _percent(r["share"])]
                for r in view.coverage["districts"]
            ],
        )
        layout.addWidget(QLabel(self.tr("覆盖率（本机的机构名录）")))
        layout.addWidget(self.coverage)
        scope = QLabel(
            arg(
                self.tr("机构类型：%1\n区县：%2\n专项清单：%3"),
                "、".join(view.type_names or c.types),
                "、".join(c.districts),
                "、".join(view.pack_names or c.focus_packs) or "—",
            )
        )
        scope.setWordWrap(True)
        layout.addWidget(scope)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _table(
        self,
        headers: list[str],
        rows: list[list[str]],
        *,
        late: set[int] | None = None,
        bold: set[int] | None = None,
    ) -> QTableWidget:
        table = QTableWidget(len(rows), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for r, row in enumerate(rows):
            for col, text in enumerate(row):
                cell = QTableWidgetItem(text)
                if late and r in late:
                    cell.setForeground(Qt.GlobalColor.red)
                if bold and r in bold:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                table.setItem(r, col, cell)
        return table
