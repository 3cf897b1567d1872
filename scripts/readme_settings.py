"""The README's list of settings, generated from the settings registry (core/settings.py SETTINGS).

    python scripts/readme_settings.py           # rewrite the list between the markers in README.md
    python scripts/readme_settings.py --check   # exit 1 (and say so) when README.md is stale

tests/test_readme.py fails while the README and the registry disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

from stakewatch.core.i18n import use_language
from stakewatch.core.settings import SETTINGS, Setting

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
START = "<!-- settings:start (made by scripts/readme_settings.py from the settings registry; do not edit) -->"
END = "<!-- settings:end -->"


def _default(setting: Setting) -> str:
    value = setting.default
    if isinstance(value, bool):
        return "on" if value else "off"
    return "off" if value == "" else str(value)


def _range(setting: Setting) -> str:
    if setting.low is not None and setting.high is not None:
        return f" ({setting.low}\u2013{setting.high})"
    return " (on/off)" if isinstance(setting.default, bool) and "on/off" not in str(setting.description) else ""


def table() -> str:
    """The Markdown table of every setting: key, default and what it does (in English)."""
    with use_language("en"):
        rows = [f"| `{key}` | `{_default(s)}` | {s.description}{_range(s)} |" for key, s in SETTINGS.items()]
    return "\n".join(["| Setting | Default | What it does |", "|---|---|---|", *rows])


def block() -> str:
    return f"{START}\n{table()}\n{END}"


def current(text: str) -> str | None:
    """The generated block as README.md has it now, or None without markers."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        return None
    return text[start:end + len(END)]


def refreshed(text: str) -> str:
    found = current(text)
    if found is None:
        raise SystemExit(f"README.md has no {START!r} … {END!r} markers")
    return text.replace(found, block())


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    if "--check" in argv:
        if current(text) != block():
            print("README.md's settings list is stale: run python scripts/readme_settings.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(refreshed(text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
