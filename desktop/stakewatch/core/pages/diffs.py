"""Word diffs of two archived texts, for a terminal (`render_diff`) and for a window (`word_diff`).

A diff is bounded: lines are compared first, and only the changed blocks small enough for the word
budget are compared word by word; a block beyond it (a page rewritten from top to bottom) is shown
as its lines removed and added. However large or unlike the two texts, the work is capped, so a
64 KiB rewrite costs a fraction of a second, not forty. Pure functions, any thread.
"""

from __future__ import annotations

import difflib
import re

_TOKEN = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:['’.,\-][A-Za-z0-9\u00c0-\u024f]+)*|[\u4e00-\u9fff\u3005]+|"
                    r"[\u3040-\u309f]+|[\u30a0-\u30ff\u30fc]+|\s+|.", re.DOTALL)
WORD_BUDGET = 4_000_000
"""Word pairs compared at most in one diff (the product of the changed blocks' word counts)."""
LINE_PAIRS = 4_000_000
"""Beyond this many line pairs, frequent lines are left out of the line comparison (difflib's autojunk)."""
_RED, _GREEN, _RESET = "\x1b[31;9m", "\x1b[32;4m", "\x1b[0m"


def tokens(text: str) -> list[str]:
    """Words for a diff: Latin words, runs of one Japanese script, punctuation and spaces one by one."""
    return _TOKEN.findall(text)


def _words(before: list[str], after: list[str]) -> list[tuple[str, str]]:
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append((" ", "".join(before[i1:i2])))
            continue
        if tag in ("replace", "delete"):
            runs.append(("-", "".join(before[i1:i2])))
        if tag in ("replace", "insert"):
            runs.append(("+", "".join(after[j1:j2])))
    return runs


class _Budget:
    def __init__(self, pairs: int) -> None:
        self.left = pairs

    def take(self, before: list[str], after: list[str]) -> bool:
        cost = len(before) * len(after)
        if cost > self.left:
            return False
        self.left -= cost
        return True


def _line_opcodes(before: list[str], after: list[str]) -> list[tuple[str, int, int, int, int]]:
    junk = len(before) * len(after) > LINE_PAIRS
    return [(str(tag), i1, i2, j1, j2)
            for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after, autojunk=junk).get_opcodes()]


def word_diff(old: str, new: str, budget: int = WORD_BUDGET) -> list[tuple[str, str]]:
    """(op, text) runs from `old` to `new`; op is ' ' (same), '-' (removed) or '+' (added). Lines are
    compared first; changed blocks within `budget` word by word, larger ones whole."""
    before, after = old.splitlines(keepends=True), new.splitlines(keepends=True)
    left = _Budget(budget)
    runs: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in _line_opcodes(before, after):
        removed, added = "".join(before[i1:i2]), "".join(after[j1:j2])
        if tag == "equal":
            runs.append((" ", removed))
            continue
        if tag == "replace":
            old_words, new_words = tokens(removed), tokens(added)
            if left.take(old_words, new_words):
                runs += _words(old_words, new_words)
                continue
        if removed:
            runs.append(("-", removed))
        if added:
            runs.append(("+", added))
    merged: list[tuple[str, str]] = []
    for op, text in runs:
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        elif text:
            merged.append((op, text))
    return merged


def _marked(runs: list[tuple[str, str]], keep: str, color: bool) -> str:
    """One side of a word diff: unchanged words and those of `keep` ('-' or '+'), the latter marked."""
    out: list[str] = []
    for op, text in runs:
        if op == " ":
            out.append(text)
        elif op == keep and color:
            out.append((_RED if op == "-" else _GREEN) + text + _RESET)
        elif op == keep:
            out.append(("[-" if op == "-" else "{+") + text + ("-]" if op == "-" else "+}"))
    return "".join(out)


def render_diff(old: str, new: str, color: bool = False, context: int = 2, budget: int = WORD_BUDGET) -> str:
    """Changes from `old` to `new` for a terminal, line by line, with the words that changed marked.

    A changed line is shown whole as removed ('- ') and added ('+ '); in colour the removed words are
    red and struck through and the added ones green and underlined; in plain text a '~ ' line follows
    with [-removed-] and {+added+} words. Unchanged lines further than `context` from a change are elided.
    Blocks too large for the word `budget` are shown as their lines only.
    """
    before, after = old.split("\n"), new.split("\n")
    out: list[str] = []
    left = _Budget(budget)
    opcodes = _line_opcodes(before, after)
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            lines = before[i1:i2]
            head = lines[:context] if index > 0 else []
            tail = lines[-context:] if index < len(opcodes) - 1 else []
            if len(head) + len(tail) < len(lines):
                out += ["  " + line for line in head] + ["  …"] + ["  " + line for line in tail]
            else:
                out += ["  " + line for line in lines]
            continue
        removed_lines, added_lines = before[i1:i2], after[j1:j2]
        whole_removed = [(_RED + "- " + line + _RESET) if color else "- " + line for line in removed_lines]
        whole_added = [(_GREEN + "+ " + line + _RESET) if color else "+ " + line for line in added_lines]
        if tag != "replace":
            out += whole_removed + whole_added
            continue
        old_words, new_words = tokens("\n".join(removed_lines)), tokens("\n".join(added_lines))
        if not left.take(old_words, new_words):
            out += whole_removed + whole_added
            continue
        runs = _words(old_words, new_words)
        if color:
            out += ["- " + line for line in _marked(runs, "-", True).split("\n")]
            out += ["+ " + line for line in _marked(runs, "+", True).split("\n")]
        else:
            out += ["- " + line for line in removed_lines] + ["+ " + line for line in added_lines]
            both = "".join(text if op == " " else ("[-" + text + "-]" if op == "-" else "{+" + text + "+}")
                           for op, text in runs)
            out += ["~ " + line for line in both.split("\n")]
    return "\n".join(out)
