"""English through Qt translations: every UI string is translated, a translated message is
filled with its values in one way, and switching language rebuilds the window in English and
back."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from pytestqt.qtbot import QtBot

from inspector.workspace import Workspace
from tests.helpers.homes import ROOT
from ui.app import Application

TS = ROOT / "resources" / "translations" / "inspector_en.ts"
LUPDATE = ROOT / ".venv" / "bin" / "pyside6-lupdate"


def test_every_ui_string_has_an_english_translation(tmp_path: Path) -> None:
    copy = tmp_path / "inspector_en.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    lupdate = str(LUPDATE) if LUPDATE.exists() else "pyside6-lupdate"
    subprocess.run(
        [
            lupdate,
            *sources,
            "-source-language",
            "zh_CN",
            "-target-language",
            "en",
            "-no-obsolete",
            "-ts",
            str(copy),
        ],
        check=True,
        capture_output=True,
    )
    untranslated = [
        message.findtext("source")
        for message in ET.parse(copy).getroot().iter("message")
        if (translation := message.find("translation")) is not None
        and (translation.get("type") == "unfinished" or not "".join(translation.itertext()).strip())
    ]
    assert untranslated == [], "run scripts/update_translations.sh and translate these"
    assert len(list(ET.parse(copy).getroot().iter("message"))) > 100


def test_the_ui_fills_placeholders_with_arg_only() -> None:
    """A translated message is filled by ``ui.errors.arg`` (``%1``, ``%2``… in one pass, as Qt's
    ``QString::arg``), never by a chain of ``.replace``: a chain fills a ``%2`` or ``{name}``
    that the first value brought in (a file named "100%2" shows another value), and two ways of
    writing placeholders in the .ts drift apart."""
    chain = re.compile(r"""\.replace\(\s*["'][%{]""")  # \s: also split over two lines
    root = ROOT / "ui"
    found = [
        f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, match.start()) + 1}"
        for path in sorted(root.rglob("*.py"))
        for text in [path.read_text(encoding="utf-8")]
        for match in chain.finditer(text)
    ]
    assert found == [], 'fill with ui.errors.arg(self.tr("… %1 …"), value)'


def test_switching_language_rebuilds_the_window(qtbot: QtBot, workspace: Workspace) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    application = Application(app, workspace)
    qtbot.addWidget(application.window)
    assert application.window.windowTitle() == "医保基金现场检查 Inspector"
    application.set_language("en")
    qtbot.addWidget(application.window)
    assert "Inspector" in application.window.windowTitle()
    assert application.window.home.new_button.text() == "New inspection"
    assert workspace.db.setting("language") == "en"
    application.set_language("zh_CN")
    qtbot.addWidget(application.window)
    assert application.window.home.new_button.text() == "新建检查"
