"""Prints the table of every command-line command, read from the real parser (the one
``python main.py`` uses): the command reference in docs/cli.md is this output, pasted.

    .venv/bin/python scripts/cli_reference.py
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inspector.cli import build_parser

# Options every command takes (see docs/cli.md), left out of each row.
COMMON = {"-h", "--home", "--json", "--as", "--home-passphrase-file", "--keyring"}


def subcommands(parser: argparse.ArgumentParser) -> list[tuple[str, str, argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            return [(name, helps.get(name, ""), sub) for name, sub in action.choices.items()]
    return []


def usage(parser: argparse.ArgumentParser) -> str:
    positional: list[str] = []
    options: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) or action.help == argparse.SUPPRESS:
            continue
        if not action.option_strings:
            name = str(action.metavar or action.dest)
            name += " …" if action.nargs in ("+", "*") else ""
            positional.append(f"[{name}]" if action.nargs == "?" else name)
            continue
        if set(action.option_strings) & COMMON:
            continue
        flag = next(
            (o for o in action.option_strings if o.startswith("--")), action.option_strings[0]
        )
        text = flag if action.nargs == 0 else f"{flag} {action.metavar or action.dest.upper()}"
        options.append(text if action.required else f"[{text}]")
    return " ".join(positional + options)


def _required(parser: argparse.ArgumentParser) -> bool:
    return any(isinstance(a, argparse._SubParsersAction) and a.required for a in parser._actions)


def rows(parser: argparse.ArgumentParser, prefix: str = "") -> list[tuple[str, str]]:
    found = []
    for name, text, sub in subcommands(parser):
        nested = subcommands(sub)
        if nested:
            if not _required(sub):  # the group runs on its own too (``server``: the service)
                found.append((f"{prefix}{name} {usage(sub)}".strip(), text))
            found += rows(sub, f"{prefix}{name} ")
        else:
            found.append((f"{prefix}{name} {usage(sub)}".strip(), text))
    return found


def main() -> None:
    print("| command | what |")
    print("| --- | --- |")
    seen = set()
    for command, text in rows(build_parser()):
        if command not in seen:
            seen.add(command)
            cell = command.replace("|", "\\|")
            print(f"| `{cell}` | {text} |")


if __name__ == "__main__":
    main()
