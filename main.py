"""Inspector: with no command, the desktop app; with a command, the command line."""

from __future__ import annotations

import sys
import time

STARTED = time.time()  # what --smoke-test's figures count from, unless INSPECTOR_T0 says

# Options the desktop app takes (with whether they take a value); anything else is a command.
GUI_OPTIONS = {"--home": True, "--screenshot": True, "--smoke-test": False}


def wants_gui(argv: list[str]) -> bool:
    """True when nothing but the app's own options is given."""
    index = 0
    while index < len(argv):
        name, has_value, _ = argv[index].partition("=")
        if name not in GUI_OPTIONS:
            return False
        index += 2 if GUI_OPTIONS[name] and not has_value else 1
    return True


def main() -> int:
    argv = sys.argv[1:]
    if wants_gui(argv):
        from ui.app import run

        return run(argv, STARTED)
    from inspector.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
