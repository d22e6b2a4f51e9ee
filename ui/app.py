"""The desktop app's entry. Until the app's own issue lands this is a first window: the
inspections on this laptop, read through the core."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.db.models import STATUS_NAMES
from inspector.errors import InspectorError
from inspector.inspections import list_inspections
from inspector.resources import resource_path
from inspector.workspace import Workspace


def install_font(app: QApplication) -> None:
    """Use the shipped CJK font: a fresh machine has none, and Qt would draw boxes."""
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", "wqy-microhei.ttc")))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        app.setFont(QFont(families[0], 10))


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.setWindowTitle("医保基金现场检查 Inspector")
        self.resize(1100, 680)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(QLabel(f"数据目录：{workspace.home.root}"))
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(["创建时间", "状态", "被检查机构", "区县", "已检查", "问题"])
        layout.addWidget(self.table)
        self.setCentralWidget(body)
        self.refresh()

    def refresh(self) -> None:
        self.table.clear()
        for row in list_inspections(self.workspace):
            self.table.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        row.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                        STATUS_NAMES[row.status],
                        row.institution_name,
                        row.district,
                        str(row.answered),
                        str(row.problems),
                    ]
                )
            )
        for column in range(self.table.columnCount()):
            self.table.resizeColumnToContents(column)


def run(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="inspector")
    parser.add_argument("--home")
    parser.add_argument("--smoke-test", action="store_true")
    parser.add_argument("--screenshot", metavar="FILE.png")
    args = parser.parse_args(list(argv))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_font(app)
    try:
        workspace = Workspace.open(args.home)
    except InspectorError as error:
        if args.smoke_test:
            print(f"错误：{error}", file=sys.stderr)
        else:
            QMessageBox.critical(None, "Inspector", str(error))
        return 1
    window = MainWindow(workspace)
    window.show()
    if args.screenshot:
        app.processEvents()
        window.grab().save(args.screenshot)
        workspace.close()
        return 0
    if args.smoke_test:
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    workspace.close()
    return code
