"""Who is working on this laptop: asked at start, shown in the window, changed from the File
menu. The inspector chosen is the actor of every event in the action log (全过程记录)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from inspector.inspections import (
    KnownInspector,
    TeamMember,
    current_inspector,
    known_inspectors,
    set_current_inspector,
)
from inspector.workspace import Workspace
from ui.ops import OpChanges, ops


def describe(person: KnownInspector | None) -> str:
    if person is None:
        return ""
    return f"{person.name}（{person.cert_no}）"


class CurrentInspectorDialog(QDialog):
    """A known inspector from the list, or a new one by name and 执法证号."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.chosen: KnownInspector | None = None
        self.setWindowTitle(self.tr("当前检查人员"))
        self.setMinimumWidth(420)

        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr("请选择在本机工作的检查人员。本机的每一项操作都以其名义记入操作记录。")
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)

        form = QFormLayout()
        self.people = QComboBox()
        self.known: list[KnownInspector] = []  # read on the database executor
        self._chosen_by_hand = False  # a choice made before the list arrived is kept
        self.people.addItem(self.tr("新增检查人员…"), None)
        form.addRow(self.tr("检查人员"), self.people)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("姓名"))
        self.cert_no = QLineEdit()
        self.cert_no.setPlaceholderText(self.tr("执法证号"))
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("执法证号"), self.cert_no)
        layout.addLayout(form)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.people.currentIndexChanged.connect(self._update)
        self.people.currentIndexChanged.connect(self._by_hand)
        self._update()
        ops().query(
            lambda: (known_inspectors(workspace), current_inspector(workspace)),
            parent=self,
            success=self._fill,
        )

    def _fill(self, read: tuple[list[KnownInspector], KnownInspector | None]) -> None:
        """The known inspectors before 新增检查人员…, the current one chosen unless the user
        already chose."""
        self.known, current = read
        self.people.blockSignals(True)
        for row, person in enumerate(self.known):
            self.people.insertItem(row, describe(person), person.cert_no)
        if current is not None and not self._chosen_by_hand:
            self.people.setCurrentIndex(max(0, self.people.findData(current.cert_no)))
        elif not self._chosen_by_hand:
            self.people.setCurrentIndex(0)
        self.people.blockSignals(False)
        self._update()

    def _by_hand(self) -> None:
        self._chosen_by_hand = True

    def _update(self) -> None:
        new = self.people.currentData() is None
        for field in (self.name, self.cert_no):
            field.setEnabled(new)
        if new:
            self.name.setFocus()

    def accept(self) -> None:
        cert_no = self.people.currentData()
        member: TeamMember | str
        if cert_no is None:
            member = TeamMember(self.name.text().strip(), self.cert_no.text().strip())
        else:
            member = str(cert_no)

        def done(chosen: Any) -> None:
            self.chosen = chosen
            super(CurrentInspectorDialog, self).accept()

        ws = self.workspace
        ops().mutate(
            lambda: set_current_inspector(ws, member),
            OpChanges(settings=True),
            parent=self,
            success=done,
            failure=lambda message: QMessageBox.warning(self, self.tr("当前检查人员"), message),
        )
