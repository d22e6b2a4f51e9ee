"""Planning a visit: institution (from the registry or typed in), mode, team with 执法证号 and a
leader, focus packs. Warns when an inspector's own district is the one inspected (回避)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.checklists.composer import compose
from inspector.errors import InspectorError
from inspector.inspections import (
    KnownInspector,
    TeamMember,
    create_inspection,
    known_inspectors,
    recusal_clashes_among,
)
from inspector.registry import AgreementCheck, check_agreement
from inspector.workspace import Workspace
from ui.core_messages import core_message
from ui.errors import arg
from ui.ops import OpChanges, ops

if TYPE_CHECKING:
    from inspector.campaigns import Campaign

NAME, CERT, DISTRICT, LEADER = range(4)


class NewInspectionDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.created_id: str | None = None
        self.setWindowTitle(self.tr("新建检查"))
        self.resize(1180, 660)
        library = workspace.library
        layout = QVBoxLayout(self)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        right = QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout.addLayout(columns, 1)

        place = QGroupBox(self.tr("被检查机构"))
        form = QFormLayout(place)
        self.picker: QWidget | None = self._make_picker()
        if self.picker is not None:
            form.addRow(self.tr("从名录查找"), self.picker)
        self.institution = QLineEdit()
        self.institution.setPlaceholderText(self.tr("机构全称"))
        self.kind = QComboBox()
        for code, kind in library.types.items():
            self.kind.addItem(kind.name, code)
        self.district = QLineEdit()
        self.district.setPlaceholderText(self.tr("如 历城区"))
        self.agreement = QLabel()
        self.agreement.setWordWrap(True)
        self.agreement.setStyleSheet("color: #8a4b00;")
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("如 住院部三楼（可不填）"))
        form.addRow(self.tr("名称"), self.institution)
        form.addRow(self.tr("类型"), self.kind)
        form.addRow(self.tr("所在区县"), self.district)
        form.addRow("", self.agreement)
        form.addRow(self.tr("检查地点"), self.place)
        left.addWidget(place)

        how = QGroupBox(self.tr("检查方式与专项"))
        how_form = QFormLayout(how)
        self.mode = QComboBox()
        for code, mode in library.modes.items():
            self.mode.addItem(mode.name, code)
            self.mode.setItemData(
                self.mode.count() - 1, mode.description, Qt.ItemDataRole.ToolTipRole
            )
        self.team_district = QLineEdit()
        self.team_district.setPlaceholderText(self.tr("交叉检查时填写检查组所属区县"))
        self.focus_box = QWidget()
        self.focus_layout = QVBoxLayout(self.focus_box)
        self.focus_layout.setContentsMargins(0, 0, 0, 0)
        self.focus_checks: dict[str, QCheckBox] = {}
        self.preview = QLabel()
        # The office's campaign (专项行动) the visit is part of: the core checks its scope
        # and adds its focus packs.
        self.campaign = QComboBox()
        self.campaign.addItem(self.tr("不归入专项行动"), None)
        how_form.addRow(self.tr("专项行动"), self.campaign)
        how_form.addRow(self.tr("检查方式"), self.mode)
        how_form.addRow(self.tr("检查组所属区县"), self.team_district)
        how_form.addRow(self.tr("专项"), self.focus_box)
        how_form.addRow("", self.preview)
        left.addWidget(how)
        left.addStretch(1)

        team = QGroupBox(self.tr("检查组"))
        team_layout = QVBoxLayout(team)
        self.team = QTableWidget(0, 4)
        self.team.setHorizontalHeaderLabels(
            [self.tr("姓名"), self.tr("执法证号"), self.tr("所属区县"), self.tr("组长")]
        )
        self.team.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.team.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.team.verticalHeader().setDefaultSectionSize(34)
        team_layout.addWidget(self.team)
        row_buttons = QHBoxLayout()
        self.add_member_button = QPushButton(self.tr("添加人员"))
        self.remove_member_button = QPushButton(self.tr("移除所选"))
        self.add_member_button.clicked.connect(lambda: self.add_member())
        self.remove_member_button.clicked.connect(self._remove_member)
        row_buttons.addWidget(self.add_member_button)
        row_buttons.addWidget(self.remove_member_button)
        row_buttons.addStretch(1)
        team_layout.addLayout(row_buttons)
        self.recusal = QLabel()
        self.recusal.setWordWrap(True)
        self.recusal.setStyleSheet("color: #b3261e; font-weight: bold;")
        team_layout.addWidget(self.recusal)
        right.addWidget(team, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("开始检查"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self._create)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        # The inspectors this laptop knows (to fill a colleague's row and warn of recusal),
        # read on the database executor.
        self.known_inspectors: dict[str, tuple[str, str]] = {}
        self._agreement_asked = 0  # the newest agreement check asked; older answers dropped
        self.kind.currentIndexChanged.connect(self._rebuild_focus)
        self.mode.currentIndexChanged.connect(self._refresh)
        self.district.textChanged.connect(self._refresh)
        self.institution.textChanged.connect(self._check_agreement)
        self.district.textChanged.connect(self._check_agreement)
        self.team_district.textChanged.connect(self._refresh)
        self.team.itemChanged.connect(self._on_team_changed)
        self.add_member()
        self._rebuild_focus()
        ops().query(lambda: known_inspectors(workspace), parent=self, success=self._known)
        from inspector.campaigns.local import local_campaigns

        ops().query(
            lambda: local_campaigns(workspace, active_only=True),
            parent=self,
            success=self._campaigns,
        )

    def _campaigns(self, found: list[Campaign]) -> None:
        for campaign in found:
            self.campaign.addItem(campaign.name, campaign.id)

    def _known(self, people: list[KnownInspector]) -> None:
        self.known_inspectors = {p.cert_no: (p.name, p.district) for p in people}
        self._refresh()

    # --- institution -------------------------------------------------------------------

    def _make_picker(self) -> QWidget | None:
        try:
            from ui.institution_picker import InstitutionPicker
        except ImportError:
            return None
        picker = InstitutionPicker(self.workspace, self)
        picker.chosen.connect(self.use_institution)
        return picker

    def use_institution(self, *args: object) -> None:
        """Fill the fields from a registry entry chosen in the picker."""
        entry = args[0] if len(args) == 1 else None
        name = getattr(entry, "name", None)
        if not name:
            return
        self.institution.setText(str(name))
        position = self.kind.findData(getattr(entry, "type_code", None))
        if position >= 0:
            self.kind.setCurrentIndex(position)
        self.district.setText(str(getattr(entry, "district", "") or ""))
        self.agreement.setText(str(getattr(entry, "agreement_message", "") or ""))

    def _check_agreement(self) -> None:
        """The registry's word on the institution as typed: flagged against point 1 when its
        agreement has expired or is missing, or when it is not in the registry at all."""
        name, district = self.institution.text().strip(), self.district.text().strip()
        self._agreement_asked += 1
        if not name or not district:
            self.agreement.setText("")
            return
        asked, ws = self._agreement_asked, self.workspace

        def checked(check: AgreementCheck) -> None:
            if asked == self._agreement_asked:  # still the institution as typed
                self._show_agreement(check)

        ops().query(lambda: check_agreement(ws, name, district), parent=self, success=checked)

    def _show_agreement(self, check: AgreementCheck) -> None:
        self.agreement.setText(check.message if check.flagged else f"✓ {check.message}")
        self.agreement.setStyleSheet("color: #8a4b00;" if check.flagged else "color: #1e7d32;")

    # --- team --------------------------------------------------------------------------

    def add_member(self, name: str = "", cert_no: str = "", district: str = "") -> None:
        self.team.blockSignals(True)
        row = self.team.rowCount()
        self.team.insertRow(row)
        self.team.setItem(row, NAME, QTableWidgetItem(name))
        self.team.setItem(row, CERT, QTableWidgetItem(cert_no))
        self.team.setItem(row, DISTRICT, QTableWidgetItem(district))
        leader = QTableWidgetItem()
        leader.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        leader.setCheckState(Qt.CheckState.Checked if row == 0 else Qt.CheckState.Unchecked)
        self.team.setItem(row, LEADER, leader)
        self.team.blockSignals(False)
        self._refresh()

    def _remove_member(self) -> None:
        rows = sorted({index.row() for index in self.team.selectedIndexes()}, reverse=True)
        for row in rows:
            self.team.removeRow(row)
        self._refresh()

    def _on_team_changed(self, item: QTableWidgetItem) -> None:
        self.team.blockSignals(True)
        try:
            if item.column() == CERT:
                known = self.known_inspectors.get(item.text().strip())
                if known:  # a colleague already on this laptop: fill name and district
                    for column, value in ((NAME, known[0]), (DISTRICT, known[1])):
                        cell = self.team.item(item.row(), column)
                        if cell is not None and not cell.text().strip():
                            cell.setText(value)
            if item.column() == LEADER and item.checkState() == Qt.CheckState.Checked:
                for row in range(self.team.rowCount()):
                    other = self.team.item(row, LEADER)
                    if row != item.row() and other is not None:
                        other.setCheckState(Qt.CheckState.Unchecked)
        finally:
            self.team.blockSignals(False)
        self._refresh()

    def members(self) -> tuple[list[TeamMember], str | None]:
        team: list[TeamMember] = []
        leader: str | None = None
        for row in range(self.team.rowCount()):
            cells = [self.team.item(row, c) for c in (NAME, CERT, DISTRICT)]
            name, cert, district = (c.text().strip() if c is not None else "" for c in cells)
            if not name and not cert:
                continue
            team.append(TeamMember(name=name, cert_no=cert, district=district or None))
            leader_cell = self.team.item(row, LEADER)
            if leader_cell is not None and leader_cell.checkState() == Qt.CheckState.Checked:
                leader = cert
        return team, leader

    def recusal_warning(self) -> str:
        """Who must recuse in a cross-district check (回避): the core's rule, which the
        command line applies too."""
        inspected = self.district.text().strip()
        team, _ = self.members()
        clashing = recusal_clashes_among(
            self.mode.currentData() or "",
            inspected,
            team,
            {cert: district for cert, (_name, district) in self.known_inspectors.items()},
            self.team_district.text().strip() or None,
        )
        if not clashing:
            return ""
        clashing = [self.tr("检查组") if name == "检查组" else name for name in clashing]
        return arg(
            self.tr("回避提示：%1 所属区县与被检查机构所在区县（%2）相同。"),
            "、".join(clashing),
            inspected,
        )

    # --- checklist preview --------------------------------------------------------------

    def _rebuild_focus(self) -> None:
        """The focus packs that add items for the chosen type, keeping the ticks that remain."""
        wanted = {code for code, box in self.focus_checks.items() if box.isChecked()}
        for box in self.focus_checks.values():
            self.focus_layout.removeWidget(box)
            box.setParent(None)
            box.deleteLater()
        self.focus_checks = {}
        for pack in self.workspace.library.focus_packs_for(self.kind.currentData()):
            box = QCheckBox(pack.name)
            box.setToolTip(pack.description)
            box.setChecked(pack.code in wanted)
            box.toggled.connect(self._update_preview)
            self.focus_layout.addWidget(box)
            self.focus_checks[pack.code] = box
        self._refresh()

    def _refresh(self) -> None:
        self.team_district.setEnabled(self.mode.currentData() == "cross")
        self.recusal.setText(self.recusal_warning())
        self._update_preview()

    def chosen_focus(self) -> list[str]:
        return [code for code, box in self.focus_checks.items() if box.isChecked()]

    def _update_preview(self) -> None:
        try:
            checklist = compose(
                self.workspace.library,
                self.kind.currentData(),
                self.mode.currentData(),
                self.chosen_focus(),
            )
        except InspectorError as error:
            self.preview.setText(core_message(error))
            self.preview.setStyleSheet("color: #b3261e;")
            return
        self.preview.setStyleSheet("")
        priorities = sum(1 for item in checklist.items if item.priority)
        self.preview.setText(
            arg(self.tr("清单共 %1 项，其中该类机构的重点 %2 项"), len(checklist.items), priorities)
        )

    # --- create --------------------------------------------------------------------------

    def _create(self) -> None:
        team, leader = self.members()
        warning = self.recusal_warning()
        override = None
        if warning:
            # Staying on the team is the leader's decision with a reason: the inspection keeps
            # it and the record prints it.
            override, accepted = QInputDialog.getText(
                self,
                self.tr("回避"),
                warning + "\n" + self.tr("如确需参加检查，请说明理由（将写入检查记录）："),
            )
            if not accepted or not override.strip():
                return
        values = dict(
            institution=self.institution.text(),
            type_code=self.kind.currentData(),
            mode=self.mode.currentData(),
            district=self.district.text(),
            team=team,
            leader=leader,
            focus=self.chosen_focus(),
            team_district=self.team_district.text().strip() or None,
            place=self.place.text().strip() or None,
            recusal_override=override,
            campaign=self.campaign.currentData(),
        )

        def done(created: str) -> None:
            self.created_id = created
            self.accept()

        ws = self.workspace
        ops().mutate(
            lambda: create_inspection(ws, **values),  # type: ignore[arg-type]
            lambda created: OpChanges(inspection=True).about(created),
            parent=self,
            success=done,
            failure=lambda message: QMessageBox.warning(self, self.tr("无法新建检查"), message),
        )
