"""Rules of the house that code review alone would let slip."""

from __future__ import annotations

import ast
import re
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "desktop" / "stakewatch" / "core"


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


PACKAGE = CORE.parent
NOT_YET_MOVED = {"matching/ingest.py", "matching/story_index.py", "matching/backfill.py", "delivery/outbox.py"}
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
        if _is_store_module(path) or (path.is_relative_to(CORE) and path.relative_to(CORE).as_posix() in NOT_YET_MOVED):
            continue
        offenders += _sql_offences(path)
    assert offenders == []


def test_the_sql_check_can_fail(tmp_path: Path):
    sample = tmp_path / "sample.py"
    sample.write_text('import sqlite3\n\ndef f(store):\n    return store.conn.execute("SELECT id FROM alerts")\n',
                      encoding="utf-8")
    assert len(_sql_offences(sample)) == 4


# The Qt shell draws and wires; the cycle, the policy, fetching and matching are the core's,
# reached through core/service.py.
RULES_OUTSIDE_QT = {"poller", "dispatch", "ingest", "fetch", "matching", "policy", "stories", "schema",
                    "discovery", "transfer", "secrets"}
ALLOWED_NAMES = {("policy", "Notification"), ("policy", "safe_link"), ("discovery", "FoundFeed"),
                 ("transfer", "MAX_INTERVAL"), ("transfer", "Refused"), ("secrets", "AUTH_KINDS"),
                 ("secrets", "redact"), ("secrets", "WAITING")}


def test_qt_reaches_rules_only_through_the_service():
    offenders = []
    for path in (PACKAGE / "qt").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                module = node.module.split(".")[-1]
                if node.module.startswith("core") or ".core" in "." + node.module or node.level:
                    if node.module.endswith("core"):
                        names = [(a.name, None) for a in node.names]
                        offenders += [f"{path.name}: core.{n}" for n, _ in names if n in RULES_OUTSIDE_QT]
                    elif module in RULES_OUTSIDE_QT:
                        offenders += [f"{path.name}: {module}.{a.name}" for a in node.names
                                      if (module, a.name) not in ALLOWED_NAMES]
    assert offenders == []


def test_no_controller_holds_the_poll_cycle():
    app = (PACKAGE / "qt" / "app.py").read_text(encoding="utf-8")
    assert "run_cycle" not in app and "notifications_for" not in app
    cli = (PACKAGE / "cli" / "main.py").read_text(encoding="utf-8")
    assert "run_cycle" not in cli and "notifications_for" not in cli


def test_every_package_is_listed_for_the_wheel():
    import tomllib

    listed = set(tomllib.loads((PACKAGE.parents[1] / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(PACKAGE.parent).parts) for p in PACKAGE.rglob("__init__.py")}
    assert found | {"stakewatch.resources"} == listed
