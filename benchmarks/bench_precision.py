"""Precision and recall of the shipped default watchlist on the labelled set.

Runs every text of tests/data/matching-set.jsonl through the default
watchlist (text, authors, publication day and the source an item came from)
and writes the figures, overall, for the first lines and the lines added while
the offices, variants and related entities were tuned, and by genre and
language, to benchmarks/RESULTS.md.

    python benchmarks/bench_precision.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from results import write_section  # noqa: E402

from stakewatch.core.exchange.transfer import read_config_file  # noqa: E402
from stakewatch.core.matching.matcher import Matcher  # noqa: E402
from stakewatch.core.model import Item, Source  # noqa: E402
from stakewatch.core.resources import resource  # noqa: E402

SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "matching-set.jsonl"


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "n/a"


def as_item(row: dict[str, object]) -> Item:
    """An item as a feed gives it: `authors` (or `author`) and `published` (a day or an ISO time)."""
    authors = row.get("authors", [row["author"]] if "author" in row else [])
    published = None
    if row.get("published"):
        moment = datetime.fromisoformat(str(row["published"]))
        published = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return Item(guid=str(row["id"]), url="", title=str(row["title"]), summary=str(row["text"]),
                authors=tuple(str(a) for a in authors), published=published)  # type: ignore[attr-defined]


def source_of(row: dict[str, object], sources: dict[str, Source]) -> Source | None:
    """The configured source named by `source`; a list there is provenance, not a source."""
    name = row.get("source")
    return sources.get(name) if isinstance(name, str) else None


def main() -> None:
    config = read_config_file(resource("default-watchlist.json"))
    matcher = Matcher(config.watchlists)
    sources = {s.name: s for s in config.sources}
    rows = [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts: dict[str, Counter[str]] = {}
    wrong: list[str] = []
    for row in rows:
        got = {m.entity for m in matcher.match_item(as_item(row), source_of(row, sources))}
        want = set(row["expected"])
        part = "lines added while tuning" if row.get("tuned") else "first lines (001-241)"
        for group in ("all", f"set: {part}", f"genre: {row['genre']}", f"language: {row['lang']}"):
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
    for group, tally in sorted(counts.items(), key=lambda pair: (pair[0] != "all", not pair[0].startswith("set"),
                                                                   pair[0])):
        target = "precision >= 0.98, recall >= 0.95" if group == "all" or group.startswith("set") else ""
        label = "**all**" if group == "all" else group
        lines.append(f"| {label}: {tally['texts']} | {tally['expected']} | "
                     f"{ratio(tally['correct'], tally['found'])} | {ratio(tally['correct'], tally['expected'])} | "
                     f"{target} |")
    body = "\n".join(lines) + "\n\n"
    body += ("Each (text, entity) pair counts once: precision is the share of entities found that were expected, "
             "recall the share of expected entities found. Decoy texts expect nothing, or only a company "
             "they name in passing. Items with a `published` day are judged on it (offices by tenure, Sora 2's "
             "bare name from its launch); undated ones as found on the day of the run. The lines added while "
             "tuning (Korean, Chinese, office forms, first-Sora and Ultraman decoys, other holders of the "
             "ministers' offices) were all in view while the watchlist was tuned.\n")
    if wrong:
        body += "\nTexts not matched exactly:\n\n| id | title | found, not expected | expected, missed |\n" \
                "|---|---|---|---|\n" + "\n".join(wrong) + "\n"
    write_section("Matching precision", "python benchmarks/bench_precision.py", body)
    print(body)


if __name__ == "__main__":
    main()
