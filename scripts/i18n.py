"""Keep the translation files in step with the code.

    python scripts/i18n.py update            # pyside6-lupdate over the package: new strings appear as unfinished
    python scripts/i18n.py missing           # list the strings without a finished Japanese translation
    python scripts/i18n.py merge OTHER.ts    # take finished translations from another copy of the .ts
    python scripts/i18n.py set CONTEXT SOURCE TRANSLATION

The .ts file is the only place translations are kept; the app reads it directly.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "desktop" / "stakewatch"
TS = {lang: ROOT / "resources" / "translations" / f"stakewatch_{lang}.ts" for lang in ("ja",)}
if not TS["ja"].parent.exists():
    TS = {lang: PACKAGE / "resources" / "translations" / f"stakewatch_{lang}.ts" for lang in ("ja",)}


def lupdate() -> str:
    found = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py"))


def update(ts: Path) -> None:
    subprocess.run([lupdate(), *sources(), "-no-obsolete", "-locations", "none", "-ts", str(ts)],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    ts.write_text(ts.read_text(encoding="utf-8"), encoding="utf-8")


def _messages(tree: ET.ElementTree) -> dict[tuple[str, str], ET.Element]:
    table: dict[tuple[str, str], ET.Element] = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            table[(name, message.findtext("source") or "")] = message
    return table


def missing(ts: Path) -> list[tuple[str, str]]:
    out = []
    for key, message in _messages(ET.parse(ts)).items():
        node = message.find("translation")
        text = (node.text or "").strip() if node is not None else ""
        plural = node is not None and any((form.text or "").strip() for form in node.iter("numerusform"))
        if node is None or node.get("type") == "unfinished" or not (text or plural):
            out.append(key)
    return out


def _write(tree: ET.ElementTree, ts: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def merge(ts: Path, other: Path) -> int:
    tree = ET.parse(ts)
    mine = _messages(tree)
    taken = 0
    for key, message in _messages(ET.parse(other)).items():
        node = message.find("translation")
        if key not in mine or node is None or node.get("type") in ("unfinished", "vanished", "obsolete"):
            continue
        target = mine[key].find("translation")
        if target is not None and target.get("type") == "unfinished" and node.text:
            target.text = node.text
            target.attrib.pop("type", None)
            taken += 1
    _write(tree, ts)
    return taken


def set_translation(ts: Path, context: str, source: str, translation: str) -> None:
    tree = ET.parse(ts)
    message = _messages(tree).get((context, source))
    if message is None:
        raise SystemExit(f"no message {source!r} in context {context!r}: run update first")
    node = message.find("translation")
    if node is None:
        node = ET.SubElement(message, "translation")
    node.text = translation
    node.attrib.pop("type", None)
    _write(tree, ts)


def main(argv: list[str]) -> int:
    ts = TS["ja"]
    command = argv[0] if argv else "missing"
    if command == "update":
        update(ts)
        print(f"{len(missing(ts))} strings without a Japanese translation in {ts.relative_to(ROOT)}")
    elif command == "missing":
        for context, source in missing(ts):
            print(f"{context}\t{source}")
    elif command == "merge":
        for other in argv[1:]:
            print(f"{merge(ts, Path(other))} translations taken from {other}")
    elif command == "set" and len(argv) == 4:
        set_translation(ts, argv[1], argv[2], argv[3])
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
