"""Comments and docstrings say why, not which ticket or work session brought a line: a reader
years later has the code and the law, not our tracker."""

from __future__ import annotations

import re

from tests.helpers.homes import ROOT

HISTORY = re.compile(r"\b(?:issue|finding|wave|stop)s? \d+\b|\bs\d\d-[a-z]+\d*\b", re.IGNORECASE)
FOLDERS = ("inspector", "ui", "scripts", "benchmarks", "tests")


def test_no_comment_names_a_ticket_or_a_session() -> None:
    found = []
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "data" in path.relative_to(ROOT).parts or path.name == "test_house_style.py":
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if HISTORY.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)
