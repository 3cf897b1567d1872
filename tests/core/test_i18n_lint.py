"""Everything the command line says goes through the catalogue: no bare English string literal reaches
UserError(...), print(...) or a table's headers in cli/ (an ast walk over the source)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / "desktop" / "stakewatch" / "cli"
WORDS = re.compile(r"[A-Za-z]{2,}")
ALLOWED = {"stakewatch", "sha"}  # the program's own name; a digest's name (sha256) before its value


def _words(node: ast.AST) -> list[str]:
    """The words a literal (or the literal parts of an f-string) would put before the user."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(part.value for part in node.values
                       if isinstance(part, ast.Constant) and isinstance(part.value, str))
    else:
        return []
    return [word for word in WORDS.findall(text) if word.lower() not in ALLOWED]


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def problems_in(source: str, filename: str = "<source>") -> list[str]:
    found: list[str] = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node)
        if name in ("print", "UserError"):
            for arg in node.args:
                if _words(arg):
                    found.append(f"{filename}:{node.lineno}: {name}() gets the bare text {ast.unparse(arg)[:60]}")
        if name == "table":
            headers = node.args[1] if len(node.args) > 1 else next(
                (k.value for k in node.keywords if k.arg == "headers"), None)
            if isinstance(headers, ast.Tuple | ast.List):
                for element in headers.elts:
                    if _words(element):
                        found.append(f"{filename}:{node.lineno}: table header {ast.unparse(element)} is bare text")
    return found


def test_no_bare_text_reaches_the_user_from_the_command_line():
    found: list[str] = []
    for path in sorted(CLI.rglob("*.py")):
        found += problems_in(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert found == [], "use a translate(...) message key:\n" + "\n".join(found)


def test_the_lint_sees_each_kind_of_bare_text():
    source = '''
print("Imported everything")
print(f"stakewatch: {reason}")
print(f"stakewatch: cannot read {path}")
raise UserError("Import", NOT_FOUND(path=p))
table(rows, ("Channel", str(STATUS)), flexible=1)
print(DONE(n=3))
'''
    found = problems_in(source)
    assert [line.split(":")[1] for line in found] == ["2", "4", "5", "6"]
