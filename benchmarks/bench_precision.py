"""Precision and recall of the shipped default watchlist on the labelled set.

Runs every text of tests/data/matching-set.jsonl through the default
watchlist (text, authors and the source an item came from) and writes the
figures, overall and by genre and language, to benchmarks/RESULTS.md.

    python benchmarks/bench_precision.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from results import write_section  # noqa: E402

from stakewatch.core.exchange.transfer import read_config_file  # noqa: E402
from stakewatch.core.matching.matcher import Matcher  # noqa: E402
from stakewatch.core.model import Item  # noqa: E402
from stakewatch.core.resources import resource  # noqa: E402

SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "matching-set.jsonl"


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "n/a"


def main() -> None:
    config = read_config_file(resource("default-watchlist.json"))
    matcher = Matcher(config.watchlists)
    sources = {s.name: s for s in config.sources}
    rows = [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts: dict[str, Counter[str]] = {}
    wrong: list[str] = []
    for row in rows:
        item = Item(guid=row["id"], url="", title=row["title"], summary=row["text"],
                    authors=tuple(row.get("authors", ())))
        got = {m.entity for m in matcher.match_item(item, sources.get(row.get("source", "")))}
        want = set(row["expected"])
        for group in ("all", f"genre: {row['genre']}", f"language: {row['lang']}"):
            tally = counts.setdefault(group, Counter())
            tally["texts"] += 1
            tally["found"] += len(got)
            tally["expected"] += len(want)
            tally["correct"] += len(got & want)
        if got != want:
            extra = ", ".join(sorted(got - want)) or "-"
            missed = ", ".join(sorted(want - got)) or "-"
            wrong.append(f"| {row['id']} | {row['title'][:70]} | {extra} | {missed} |")
    lines = ["| texts | (entity, text) pairs expected | precision | recall | target |", "|---|---|---|---|---|"]
    for group, tally in sorted(counts.items(), key=lambda pair: (pair[0] != "all", pair[0])):
        target = "precision >= 0.98, recall >= 0.95" if group == "all" else ""
        label = "**all**" if group == "all" else group
        lines.append(f"| {label}: {tally['texts']} | {tally['expected']} | "
                     f"{ratio(tally['correct'], tally['found'])} | {ratio(tally['correct'], tally['expected'])} | "
                     f"{target} |")
    body = "\n".join(lines) + "\n\n"
    body += ("Each (text, entity) pair counts once: precision is the share of entities found that were expected, "
             "recall the share of expected entities found. Decoy texts expect nothing, or only a company "
             "they name in passing.\n")
    if wrong:
        body += "\nTexts not matched exactly:\n\n| id | title | found, not expected | expected, missed |\n" \
                "|---|---|---|---|\n" + "\n".join(wrong) + "\n"
    write_section("Matching precision", "python benchmarks/bench_precision.py", body)
    print(body)


if __name__ == "__main__":
    main()
