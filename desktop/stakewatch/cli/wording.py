"""The command line's own words in the user's language: argparse's messages, help wrapped by display width.

argparse looks its messages up through gettext (`argparse._` and `argparse.ngettext`); `install()`
points those hooks at the project's catalogue, so "usage:", "options:", "invalid choice" and the
rest read as Japanese under a Japanese locale. `WideHelpFormatter` wraps help by display width
(an East Asian wide character takes two columns) and breaks between CJK characters where
there is no space. Main thread, before the parser is built.
"""

from __future__ import annotations

import argparse
import os
import shutil
import unicodedata
from collections.abc import Iterable, Sequence

from ..core.i18n import Message, render, translate

_ARGPARSE: tuple[Message, ...] = (
    translate("Argparse", "usage: "),
    translate("Argparse", "positional arguments"),
    translate("Argparse", "options"),
    translate("Argparse", "show this help message and exit"),
    translate("Argparse", "argument %(argument_name)s: %(message)s"),
    translate("Argparse", "unrecognized arguments: %s"),
    translate("Argparse", "not allowed with argument %s"),
    translate("Argparse", "ignored explicit argument %r"),
    translate("Argparse", "the following arguments are required: %s"),
    translate("Argparse", "one of the arguments %s is required"),
    translate("Argparse", "expected one argument"),
    translate("Argparse", "expected at most one argument"),
    translate("Argparse", "expected at least one argument"),
    translate("Argparse", "expected %s argument"),
    translate("Argparse", "expected %s arguments"),
    translate("Argparse", "ambiguous option: %(option)s could match %(matches)s"),
    translate("Argparse", "unexpected option string: %s"),
    translate("Argparse", "invalid %(type)s value: %(value)r"),
    translate("Argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    translate("Argparse", "%(prog)s: error: %(message)s"),
    translate("Argparse", "can't open '%(filename)s': %(error)s"),
    translate("Argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
)
VERSION_HELP = translate("Argparse", "show the version and exit")
_KNOWN = {message.text: message for message in _ARGPARSE}
_NO_LINE_END = set("（「『【〔〈《“‘")
_NO_LINE_START = set("、。，．・：；？！ー）」』】〕〉》”’々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ")


def gettext(text: str) -> str:
    """argparse's message `text` in the user's language (unknown texts as they are)."""
    ending = "\n" if text.endswith("\n") else ""
    message = _KNOWN.get(text.removesuffix("\n"))
    return render(message) + ending if message is not None else text


def ngettext(singular: str, plural: str, count: int) -> str:
    return gettext(singular if count == 1 else plural)


def install() -> None:
    """Point argparse's gettext hooks at the catalogue (before any parser is made)."""
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def char_width(char: str) -> int:
    """Columns a character takes in a terminal: 2 for East Asian wide and full-width, else 1."""
    return 2 if char >= "\u1100" and unicodedata.east_asian_width(char) in "WF" else 1


def width(text: str) -> int:
    return len(text) if text.isascii() else sum(char_width(c) for c in text)


def _pieces(text: str) -> Iterable[tuple[str, bool]]:
    """(piece, space before it) for wrapping: Latin words whole, each wide character on its own."""
    space = False
    word = ""
    for char in text:
        if char.isspace():
            if word:
                yield word, space
                word = ""
            space = True
        elif char_width(char) == 2:
            if word:
                yield word, space
                word, space = "", False
            yield char, space
            space = False
        else:
            word += char
    if word:
        yield word, space


def wrap(text: str, columns: int) -> list[str]:
    """`text` as lines of at most `columns` display columns; breaks at spaces and between wide
    characters (never before a closing mark such as 。 or 」); a word longer than a line is cut."""
    columns = max(columns, 4)
    lines: list[str] = []
    line, used = "", 0
    for piece, space in _pieces(" ".join(text.split())):
        gap = 1 if space and line else 0
        need = width(piece)
        if used + gap + need > columns and line:
            carried = ""
            if (piece in _NO_LINE_START or line[-1] in _NO_LINE_END) and not gap and len(line) > 1 \
                    and char_width(line[-1]) == 2:
                line, carried = line[:-1], line[-1]  # no line starts with 。 or ends with （: move one along
            lines.append(line)
            line, used, gap = carried, width(carried), 0
        while need > columns:
            head, taken = "", 0
            for char in piece:
                if taken + char_width(char) > columns - used - gap:
                    break
                head += char
                taken += char_width(char)
            if not head:
                lines.append(line)
                line, used, gap = "", 0, 0
                continue
            lines.append(line + " " * gap + head)
            line, used, gap = "", 0, 0
            piece = piece[len(head):]
            need = width(piece)
        line += " " * gap + piece
        used += gap + need
    if line:
        lines.append(line)
    return lines


def terminal_columns() -> int:
    """The terminal's width in columns (COLUMNS first; 80 where there is no terminal)."""
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return shutil.get_terminal_size((80, 24)).columns


class WideHelpFormatter(argparse.HelpFormatter):
    """Help that fits the terminal by display width: Japanese lines break between characters."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position,
                         width if width is not None else max(terminal_columns(), 40) - 2)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap(text, width))

    def _format_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                      groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None) -> str:
        prefix = gettext("usage: ") if prefix is None else prefix
        stand_in = "\x00" * width(prefix)  # as wide as the prefix, so continuation lines line up
        text = super()._format_usage(usage, actions, groups, stand_in)
        return text.replace(stand_in, prefix, 1)

def fit_rows(rows: Sequence[tuple[str, ...]], widths: Sequence[int], columns: int) -> list[str]:
    """Rows whose last cell wraps under itself within `columns` (display width); the other cells
    are padded to `widths`."""
    out: list[str] = []
    for row in rows:
        lead = "".join(cell + " " * max(1, size - width(cell) + 1) for cell, size in zip(row, widths, strict=False))
        indent = width(lead)
        lines = wrap(row[-1], max(20, columns - indent)) or [""]
        out.append((lead + lines[0]).rstrip())
        out.extend(" " * indent + line for line in lines[1:])
    return out
