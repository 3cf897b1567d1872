"""Rules of the house that code review alone would let slip."""

from __future__ import annotations

import ast
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
