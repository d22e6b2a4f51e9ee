"""The slots of clicks take what the signal sends and nothing else.

``clicked``, ``triggered`` and ``toggled`` carry a bool (checked). PySide passes it to a slot that
can take an argument, whatever the argument means: ``def print_record(self, printer=None)``
connected to ``clicked`` got ``False`` as its printer, ``def amend(self, confirm=True)`` got
``confirm=False``. So a slot connected to one of these signals takes no argument beyond self, or
takes the checked state itself (annotated ``bool``); a lambda's first parameter is a throwaway
(``_``, ``_checked``) or ``checked``. Read from the source of ui/ (AST), every connection."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from tests.helpers.homes import ROOT

UI = ROOT / "ui"
# Signals that send the checked state (bool) to a slot that can take it.
CHECKED_SIGNALS = {"clicked", "triggered", "toggled"}
CHECKED_NAMES = {"_", "checked", "_checked"}


@dataclass
class Slot:
    where: str
    node: ast.FunctionDef | ast.Lambda


def _positional(args: ast.arguments) -> list[ast.arg]:
    return [*args.posonlyargs, *args.args]


def takes_only_checked(
    function: ast.FunctionDef | ast.Lambda, method: bool, signal: str = "clicked"
) -> str | None:
    """None when the function may be connected to ``signal``; else why not. The checked state
    is taken by a parameter named for it (``checked``, ``_checked``, ``_``); for ``toggled``,
    whose bool is the point, also by a required ``bool`` parameter (``refused: bool``). A
    parameter with a default (``confirm: bool = True``) is an option for callers: refused."""
    params = _positional(function.args)
    if method:
        params = params[1:]  # self
    if function.args.vararg is not None:
        return f"takes *{function.args.vararg.arg}: the checked state would go there"
    if not params:
        return None
    first = params[0]
    if first.arg in CHECKED_NAMES:
        return None
    annotation = ast.unparse(first.annotation) if first.annotation is not None else ""
    defaults = len(function.args.defaults)
    required = len(_positional(function.args)) - defaults
    has_default = _positional(function.args).index(first) >= required
    if signal == "toggled" and annotation == "bool" and not has_default:
        return None
    return f"its argument {first.arg!r} would receive the checked state (a bool)"


def _classes() -> dict[str, tuple[ast.ClassDef, str]]:
    found: dict[str, tuple[ast.ClassDef, str]] = {}
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                found[node.name] = (node, str(path.relative_to(UI.parent)))
    return found


def _members(cls: ast.ClassDef, classes: dict[str, tuple[ast.ClassDef, str]]) -> dict[str, ast.AST]:
    """Methods and signals of a class of ui/, its bases of ui/ included (nearest first)."""
    members: dict[str, ast.AST] = {}
    for base in cls.bases:
        name = ast.unparse(base)
        if name in classes:
            members.update(_members(classes[name][0], classes))
    for item in cls.body:
        if isinstance(item, ast.FunctionDef):
            members[item.name] = item
        elif isinstance(item, ast.Assign | ast.AnnAssign):
            value = item.value
            targets = item.targets if isinstance(item, ast.Assign) else [item.target]
            if isinstance(value, ast.Call) and ast.unparse(value.func) == "Signal":
                for target in targets:
                    if isinstance(target, ast.Name):
                        members[target.id] = value
    return members


def connections() -> list[tuple[str, str, str | None]]:
    """(where, connected callable, why it is wrong or None) for every connection of a checked
    signal in ui/."""
    classes = _classes()
    methods_anywhere: dict[str, list[ast.FunctionDef]] = {}
    for cls, _path in classes.values():
        for item in cls.body:
            if isinstance(item, ast.FunctionDef):
                methods_anywhere.setdefault(item.name, []).append(item)
    results: list[tuple[str, str, str | None]] = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
        scopes: list[tuple[ast.AST, dict[str, ast.AST]]] = [(tree, {})]
        scopes += [(n, _members(n, classes)) for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
        for scope, members in scopes:
            for call in _calls(scope):
                if not (
                    isinstance(call.func, ast.Attribute)
                    and call.func.attr == "connect"
                    and isinstance(call.func.value, ast.Attribute)
                    and call.func.value.attr in CHECKED_SIGNALS
                    and call.args
                ):
                    continue
                target = call.args[0]
                where = f"{path.relative_to(UI.parent)}:{call.lineno}"
                why = _judge(target, call.func.value.attr, members, functions, methods_anywhere)
                results.append((where, ast.unparse(target), why))
    return results


def _calls(scope: ast.AST) -> list[ast.Call]:
    """The calls in a class (or a module), not those of the classes inside it."""
    found: list[ast.Call] = []
    todo = list(ast.iter_child_nodes(scope))
    while todo:
        node = todo.pop()
        if isinstance(node, ast.ClassDef):
            continue
        if isinstance(node, ast.Call):
            found.append(node)
        todo.extend(ast.iter_child_nodes(node))
    return found


def _judge(
    target: ast.expr,
    signal: str,
    members: dict[str, ast.AST],
    functions: dict[str, ast.FunctionDef],
    methods_anywhere: dict[str, list[ast.FunctionDef]],
) -> str | None:
    if isinstance(target, ast.Lambda):
        return takes_only_checked(target, method=False, signal=signal)
    if isinstance(target, ast.Name):
        function = functions.get(target.id)
        return takes_only_checked(function, False, signal) if function else None
    if not isinstance(target, ast.Attribute):
        return None
    name = target.attr
    if isinstance(target.value, ast.Name) and target.value.id == "self":
        if name not in members:
            return None  # Qt's own (accept, close) or an attribute set elsewhere
        member = members[name]
        if isinstance(member, ast.FunctionDef):
            return takes_only_checked(member, method=True, signal=signal)
        assert isinstance(member, ast.Call)  # a Signal: it must carry nothing or the bool
        kinds = [ast.unparse(arg) for arg in member.args]
        return None if kinds in ([], ["bool"]) else f"a signal of {kinds}: gets a bool"
    # Another object's method (self.canvas.undo): every method of ui/ by that name must do.
    for method in methods_anywhere.get(name, []):
        why = takes_only_checked(method, method=True, signal=signal)
        if why:
            return why
    return None


def test_the_scan_sees_the_connections() -> None:
    found = {(where.split(":")[0], text) for where, text, _ in connections()}
    assert ("ui/record_dialog.py", "self.build") in found
    assert ("ui/main_window.py", "self.new_inspection") in found
    assert len(found) > 80


def test_the_rule_refuses_the_two_broken_slots() -> None:
    """The two slots that broke 打印… and 制作更正记录… (a ``printer`` and a ``confirm`` argument
    filled by ``clicked(bool)``): the rule refuses both, and accepts them without the argument."""
    broken = ast.parse(
        "class D:\n"
        "    def print_record(self, printer=None): ...\n"
        "    def amend(self, confirm: bool = True): ...\n"
        "    def build(self): ...\n"
        "    def set_tool(self, checked: bool): ...\n"
    ).body[0]
    assert isinstance(broken, ast.ClassDef)
    members = {f.name: f for f in broken.body if isinstance(f, ast.FunctionDef)}
    assert takes_only_checked(members["print_record"], method=True)
    # ``confirm: bool = True`` is a bool, but an option for callers, not the checked state.
    assert takes_only_checked(members["amend"], method=True)
    assert takes_only_checked(members["amend"], method=True, signal="toggled")
    assert takes_only_checked(members["build"], method=True) is None
    assert takes_only_checked(members["set_tool"], method=True) is None
    lam = ast.parse("lambda c=1: c", mode="eval").body
    assert isinstance(lam, ast.Lambda)
    assert takes_only_checked(lam, method=False)


def test_slots_of_clicks_take_no_arguments() -> None:
    wrong = [f"{where}: {text}: {why}" for where, text, why in connections() if why]
    assert not wrong, "\n".join(wrong)
