"""The story index stays linear on titles made of frequent words that never merge: the stories a title
is compared with are bounded, however many came before (counted, not timed: speed is in benchmarks/)."""

from __future__ import annotations

import random
import sqlite3

from stakewatch.core.matching.story_index import MAX_POSTING, StoryIndex

FREQUENT = ["minister", "digital", "agency", "policy", "data", "review", "meeting", "statement", "press", "japan",
            "cabinet", "office", "rules", "new", "plan", "budget", "report", "public", "comment", "draft",
            "tax", "trade", "energy", "health", "labour", "safety", "growth", "reform", "local", "global"]


class CountingTokens(dict[int, frozenset[str]]):
    """The index's token table, counting how many stories a lookup compares with."""

    looked = 0

    def __getitem__(self, key: int) -> frozenset[str]:
        CountingTokens.looked += 1
        return super().__getitem__(key)


def _index(stories: int, seed: int = 5) -> tuple[StoryIndex, sqlite3.Connection, random.Random]:
    rng = random.Random(seed)
    index = StoryIndex()
    index.tokens = CountingTokens()
    index.loaded = set(range(-1000, 1000))  # nothing to load from the database
    for number in range(stories):
        tokens = frozenset(rng.sample(FREQUENT, 8))
        index.add(number, tokens, " ".join(sorted(tokens)), 100_000.0 + number * 20)
    return index, sqlite3.connect(":memory:"), rng


def test_titles_of_frequent_words_compare_with_a_bounded_number_of_stories():
    for stories in (1_000, 8_000):
        index, conn, rng = _index(stories)
        CountingTokens.looked = 0
        for number in range(200):
            index.candidates(conn, frozenset(rng.sample(FREQUENT, 8)), 100_000.0 + (stories + number) * 20)
        per_title = CountingTokens.looked / 200
        assert per_title <= MAX_POSTING, (stories, per_title)


def test_a_near_duplicate_among_frequent_words_is_still_found():
    index, conn, rng = _index(5_000)
    recent = 4_990
    tokens = index.tokens[recent]
    found = index.candidates(conn, tokens, index.published[recent] + 60)
    assert found and found[0] == recent
