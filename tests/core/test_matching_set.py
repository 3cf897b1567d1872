"""The shipped default watchlist against a labelled set of real-shaped texts.

tests/data/matching-set.jsonl holds short texts in the shapes real coverage
takes (news headlines and leads, government page titles, Diet-record lines,
blog posts; English and Japanese), the same people in other contexts, and
decoys: namesakes, the Taira clan, other apps called Sora, a brewery, 城内 as
"inside the castle". Each line names the entities it should match.
"""

from __future__ import annotations

import json
from pathlib import Path

from stakewatch.core.exchange.transfer import read_config_file
from stakewatch.core.matching.matcher import Matcher
from stakewatch.core.model import Item, Source
from stakewatch.core.resources import resource

SET = Path(__file__).resolve().parent.parent / "data" / "matching-set.jsonl"


def labelled() -> list[dict[str, object]]:
    return [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines() if line.strip()]


def predictions() -> list[tuple[dict[str, object], set[str]]]:
    config = read_config_file(resource("default-watchlist.json"))
    matcher = Matcher(config.watchlists)
    sources: dict[str, Source] = {s.name: s for s in config.sources}
    out = []
    for row in labelled():
        item = Item(guid=str(row["id"]), url="", title=str(row["title"]), summary=str(row["text"]),
                    authors=tuple(row.get("authors", ())))  # type: ignore[arg-type]
        source = sources[str(row["source"])] if "source" in row else None
        out.append((row, {m.entity for m in matcher.match_item(item, source)}))
    return out


def test_the_set_is_large_varied_and_well_formed():
    rows = labelled()
    assert len(rows) >= 150
    assert len({r["id"] for r in rows}) == len(rows)
    assert {r["lang"] for r in rows} == {"en", "ja"}
    assert {"news", "gov", "blog", "decoy"} <= {r["genre"] for r in rows}
    decoys = [r for r in rows if not r["expected"]]
    assert len(decoys) >= 50
    known = {e.name for w in read_config_file(resource("default-watchlist.json")).watchlists for e in w.entities}
    assert all(set(r["expected"]) <= known for r in rows)  # type: ignore[arg-type]


def test_default_watchlist_reaches_the_precision_and_recall_the_product_promises():
    found = expected = correct = 0
    misses = []
    for row, got in predictions():
        want = set(row["expected"])  # type: ignore[arg-type]
        found += len(got)
        expected += len(want)
        correct += len(got & want)
        if got != want:
            misses.append((row["id"], row["title"], sorted(got - want), sorted(want - got)))
    precision, recall = correct / found, correct / expected
    assert precision >= 0.98, misses
    assert recall >= 0.95, misses


def test_no_decoy_matches_the_person_it_imitates():
    """A decoy expects nothing, or only a company it names in passing."""
    wrong = [(row["id"], row["title"], got) for row, got in predictions()
             if row["genre"] == "decoy" and got != set(row["expected"])]  # type: ignore[arg-type]
    assert not wrong
