"""The screenshots of the README and docs/, taken from the real app on a demo data directory.
Under a real X server (e.g. Xvfb :99 -screen 0 1366x768x24; DISPLAY=:99):

    .venv/bin/python scripts/make_demo.py /tmp/demo
    .venv/bin/python scripts/screenshots.py /tmp/demo docs/screenshots
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from inspector.inspections import search_inspections
from inspector.workspace import Workspace
from ui.app import Application, install_font
from ui.new_inspection import NewInspectionDialog
from ui.ops import ops


def settle(app: QApplication) -> None:
    """Until what the screens read on the database executor is shown."""
    while True:
        ops().flush()
        app.processEvents()  # the results, shown; they may ask for more
        if not ops().executor.pending:
            app.processEvents()  # and the layouts they changed
            return


def main(home: str, out: str) -> None:
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    install_font(app)
    workspace = Workspace.open(home)
    application = Application(app, workspace, language=workspace.db.setting("language"))
    window = application.window
    window.resize(1366, 740)
    window.show()
    settle(app)
    window.grab().save(str(target / "home.png"))

    clinic = next(r for r in search_inspections(workspace) if "社区" in r.institution_name)
    window.open_inspection(clinic.id)
    settle(app)  # the checklist is read on the database executor, then shown
    window.checklist.select("P5.1")
    settle(app)
    window.grab().save(str(target / "checklist.png"))

    dialog = NewInspectionDialog(workspace, window)
    dialog.institution.setText("市中区某定点零售药店")
    dialog.kind.setCurrentIndex(dialog.kind.findData("retail_pharmacy"))
    dialog.district.setText("市中区")
    dialog.mode.setCurrentIndex(dialog.mode.findData("cross"))
    dialog.team_district.setText("槐荫区")
    dialog.team.item(0, 0).setText("张伟")
    dialog.team.item(0, 1).setText("370100001")
    dialog.add_member("王强", "370100007", "市中区")
    dialog.show()
    settle(app)
    dialog.grab().save(str(target / "new-inspection.png"))
    dialog.close()

    from ui.legal_dialog import LegalDialog

    legal = LegalDialog(workspace, window.runner, clinic.id, window)
    legal.show()
    settle(app)
    legal.grab().save(str(target / "legal.png"))
    legal.close()

    from inspector.record.build import build_record
    from ui.record_dialog import RecordDialog
    from ui.signing_dialog import SigningDialog

    build_record(workspace, clinic.id)
    record = RecordDialog(workspace, window.runner, clinic.id, window)
    record.show()
    QTest.qWait(1500)  # QtPdf renders pages on a thread of its own
    record.grab().save(str(target / "record.png"))
    record.close()
    signing = SigningDialog(workspace, window.runner, clinic.id, window)
    signing.show()
    settle(app)
    QTest.qWait(1500)  # the rendered record the party reads, shown by QtPdf
    settle(app)
    signing.grab().save(str(target / "signing.png"))
    signing.close()
    window.close()
    workspace.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
