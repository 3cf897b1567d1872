"""Rules of the house that code review alone would let slip, checked on the real files with ast.

The package's layers, bottom to top:

    core vocabulary   resources, text < i18n < states, when < model
    core              platform < fetching < store < matching < sources < pages < settings < delivery
                      < exchange < service < the public API (stakewatch.core, core/__init__.py)
    adapters          notify (desktop notifications), pdf (the briefing drawn with Qt), platform_check
    doors             cli, qt: each imports the public API, the vocabulary and the adapters, never the other
    launcher          stakewatch.launcher and __main__: the one place that knows both doors
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "desktop" / "stakewatch" / "core"
PACKAGE = CORE.parent

VOCABULARY = ("resources", "text", "i18n", "states", "when", "model")
CORE_LAYERS: tuple[tuple[str, ...], ...] = (
    ("resources", "text"), ("i18n",), ("states", "when"), ("model",),
    ("platform",), ("fetching",), ("store",), ("matching",), ("sources",), ("pages",), ("settings",),
    ("delivery",), ("exchange",), ("service",),
)
DOORS = ("cli", "qt")
ADAPTERS = ("notify", "pdf", "platform_check")
LAUNCHERS = ("launcher", "__main__")
PUBLIC_API = "stakewatch.core"


# the module import graph ---------------------------------------------------------------------------

def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports_of(name: str, path: Path, known: dict[str, Path] = MODULES) -> Iterator[tuple[str, int]]:
    """Every stakewatch module `name` imports (anywhere in the file: at the top, in a function, under
    TYPE_CHECKING), as the most specific module that exists, with the line."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[:len(package) - node.level + 1] + ([node.module] if node.module else []))
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        for target in targets:
            while target not in known and "." in target:
                target = target.rsplit(".", 1)[0]
            if target in known and target != name:
                yield target, getattr(node, "lineno", 0)


@cache
def import_graph() -> dict[str, set[str]]:
    return {name: {target for target, _ in imports_of(name, path)} for name, path in MODULES.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def part(name: str) -> str:
    """The unit a module belongs to: a core subpackage or top module, a door, an adapter, the launcher."""
    parts = name.split(".")
    if parts[:2] == ["stakewatch", "core"]:
        return "core" if len(parts) == 2 else f"core.{parts[2]}"
    return parts[1] if len(parts) > 1 else "stakewatch"


def layer_of(unit: str) -> int:
    return next(level for level, units in enumerate(CORE_LAYERS) if unit.removeprefix("core.") in units)


# Qt stays out of the core; modules stay small -------------------------------------------------------

def test_core_never_imports_qt():
    offenders = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in
                          ("PySide6", "PyQt5", "PyQt6", "shiboken6")]
    assert offenders == []


def test_core_modules_stay_small():
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in CORE.rglob("*.py")}
    assert max(sizes.values()) < 450, sizes


# only the store speaks SQL --------------------------------------------------------------------------

SQL_WORDS = re.compile(r"^\s*(SELECT\s.+\sFROM\s|INSERT\s+(OR\s+\w+\s+)?INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|"
                       r"(CREATE|DROP|ALTER)\s+(TABLE|INDEX|TRIGGER|VIEW)\s|PRAGMA\s)", re.I | re.S)


def _is_store_module(path: Path) -> bool:
    return path.parent == CORE / "store"


def _sql_offences(path: Path) -> list[str]:
    found = []
    name = path.relative_to(PACKAGE) if path.is_relative_to(PACKAGE) else path.name
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        where = f"{name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import) and any(a.name == "sqlite3" for a in node.names):
            found.append(f"{where} imports sqlite3")
        elif isinstance(node, ast.ImportFrom) and node.module == "sqlite3":
            found.append(f"{where} imports from sqlite3")
        elif isinstance(node, ast.Attribute) and node.attr == "conn" and "store" in ast.unparse(node.value):
            found.append(f"{where} reaches for store.conn")
        elif isinstance(node, ast.Attribute) and node.attr in ("execute", "executemany", "executescript"):
            found.append(f"{where} calls .{node.attr}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_WORDS.match(node.value):
            found.append(f"{where} holds SQL")
    return found


def test_sql_lives_in_the_store_modules():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if not _is_store_module(path):
            offenders += _sql_offences(path)
    assert offenders == []


def test_the_sql_check_can_fail(tmp_path: Path):
    sample = tmp_path / "sample.py"
    sample.write_text('import sqlite3\n\ndef f(store):\n    return store.conn.execute("SELECT id FROM alerts")\n',
                      encoding="utf-8")
    assert len(_sql_offences(sample)) == 4


# the doors: the public API, the vocabulary and the adapters only ------------------------------------

def door_offences(graph: dict[str, set[str]]) -> list[str]:
    """Imports by a door of anything but the public API, the vocabulary, the adapters and itself;
    imports by an adapter of anything but the public API and the vocabulary."""
    allowed_core = {PUBLIC_API} | {f"{PUBLIC_API}.{word}" for word in VOCABULARY}
    found = []
    for name, targets in graph.items():
        unit = part(name)
        if unit not in DOORS + ADAPTERS:
            continue
        for target in targets:
            other = part(target)
            if other.startswith("core"):
                vocabulary = target in allowed_core or target.startswith(f"{PUBLIC_API}.model.")
                if not vocabulary:
                    found.append(f"{name} -> {target}")
            elif other in DOORS and other != unit:
                found.append(f"{name} -> {target} (door to door)")
            elif unit in ADAPTERS and other != unit and other not in ("stakewatch",):
                found.append(f"{name} -> {target} (an adapter reaches past the core's API)")
    return sorted(found)


def test_doors_import_only_the_core_api_and_its_vocabulary():
    assert door_offences(import_graph()) == []


def test_the_door_check_can_fail():
    graph = {"stakewatch.qt.inbox": {"stakewatch.core.store.inbox", "stakewatch.core", "stakewatch.cli.tables"},
             "stakewatch.cli.main": {"stakewatch.core.model", "stakewatch.notify"},
             "stakewatch.pdf.briefing": {"stakewatch.qt.fit"}}
    assert door_offences(graph) == ["stakewatch.pdf.briefing -> stakewatch.qt.fit (door to door)",
                                    "stakewatch.qt.inbox -> stakewatch.cli.tables (door to door)",
                                    "stakewatch.qt.inbox -> stakewatch.core.store.inbox"]


def test_only_the_launcher_knows_both_doors():
    graph = import_graph()
    knowing = {name for name, targets in graph.items()
               if part(name) not in DOORS and any(part(t) in DOORS for t in targets)}
    assert knowing == {"stakewatch.launcher"}


# layers: downward only, and no circle anywhere -----------------------------------------------------

def layer_offences(graph: dict[str, set[str]]) -> list[str]:
    found = []
    for name, targets in graph.items():
        unit = part(name)
        if not unit.startswith("core."):
            continue
        for target in targets:
            other = part(target)
            if other == "core":
                found.append(f"{name} -> {target} (the public API is for the doors)")
            elif other.startswith("core.") and other != unit and layer_of(other) >= layer_of(unit):
                found.append(f"{name} -> {target}")
            elif not other.startswith("core") and other != "stakewatch":
                found.append(f"{name} -> {target} (the core imports no door or adapter)")
    return sorted(found)


def test_every_core_unit_has_a_layer():
    units = {part(name) for name in MODULES if part(name).startswith("core.")}
    assert {u.removeprefix("core.") for u in units} == {u for layer in CORE_LAYERS for u in layer}


def test_core_subpackages_import_downward_only():
    assert layer_offences(import_graph()) == []


def test_the_layer_check_can_fail():
    graph = {"stakewatch.core.store.pages": {"stakewatch.core.pages.statement", "stakewatch.core.model"},
             "stakewatch.core.model": {"stakewatch.core.i18n"},
             "stakewatch.core.settings": {"stakewatch.core.settings"}}
    assert layer_offences(graph) == ["stakewatch.core.store.pages -> stakewatch.core.pages.statement"]


def test_no_import_circle_anywhere_in_the_package():
    assert circles(import_graph()) == []


def test_the_circle_check_can_fail():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a", "e"}, "e": {"d"}, "f": set()}
    assert sorted(circles(graph)) == [["a", "b", "c"], ["d", "e"]]


# one after-cycle pipeline -----------------------------------------------------------------------------

AFTER_CYCLE = ("prune_items", "write_feeds", "decide_for", "notifications_for", "health_changes", "page_changes",
               "send_due", "finish")


def test_after_cycle_steps_are_called_from_the_pipeline_only():
    """Archiving, deciding, notices, waking the courier, pruning and feeds are called in service/cycle.py
    (and `send_due` by the courier, or by `poll --once --notify` through the channels part)."""
    homes = {"prune_items": {"core/service/cycle.py"}, "write_feeds": {"core/service/cycle.py"},
             "decide_for": {"core/service/cycle.py", "core/delivery/dispatch.py"},
             "notifications_for": set(), "health_changes": {"core/service/cycle.py"},
             "page_changes": {"core/service/cycle.py"},
             "send_due": {"core/delivery/outbox.py", "core/service/channels.py"},
             "finish": {"core/service/cycle.py"}}
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        where = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if called in AFTER_CYCLE and where not in homes[called]:
                    offenders.append(f"{where}:{node.lineno} calls {called}")
    assert offenders == []


def test_no_controller_holds_the_poll_cycle():
    app = (PACKAGE / "qt" / "app.py").read_text(encoding="utf-8")
    assert "run_cycle" not in app and "notifications_for" not in app
    cli = "".join(p.read_text(encoding="utf-8") for p in (PACKAGE / "cli").rglob("*.py"))
    assert "run_cycle" not in cli and "notifications_for" not in cli


def test_every_package_is_listed_for_the_wheel():
    import tomllib

    listed = set(tomllib.loads((PACKAGE.parents[1] / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(PACKAGE.parent).parts) for p in PACKAGE.rglob("__init__.py")}
    assert found | {"stakewatch.resources"} == listed
