"""The SQL of stories: their rows by day, the keys (links, GUIDs) that find them, and who carries
them. Inside the caller's transaction, on the thread that owns the Store."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from .columns import Connection


def stories_of_day(conn: Connection, start: float, end: float) -> Iterator[tuple[int, list[str], str, float,
                                                                                     dict[str, Any]]]:
    """Stories published in [start, end): id, title tokens, title, published, watched names."""
    for story_id, stored, title, when, names in conn.execute(
            "SELECT id, tokens, title, published, names FROM stories "
            "WHERE published >= ? AND published < ?", (start, end)):
        yield int(story_id), json.loads(stored), title, when, json.loads(names or "{}")


def story_by_key(conn: Connection, key: str) -> int | None:
    row = conn.execute("SELECT story_id FROM story_keys WHERE key = ?", (key,)).fetchone()
    return None if row is None else int(row[0])


def source_carries(conn: Connection, story_id: int, source_id: int) -> bool:
    """Whether the source has an item in the story."""
    return conn.execute("SELECT 1 FROM items WHERE story_id = ? AND source_id = ? LIMIT 1",
                        (story_id, source_id)).fetchone() is not None


def official_for(conn: Connection, source_ids: Sequence[int]) -> set[str]:
    """The entities (folded) these sources are official for."""
    names: set[str] = set()
    for source_id in source_ids:
        row = conn.execute("SELECT official_for FROM sources WHERE id = ?", (source_id,)).fetchone()
        if row is not None:
            names.update(str(name).casefold() for name in json.loads(row[0]))
    return names


def story_sources(conn: Connection, story_id: int) -> list[int]:
    return [int(row[0]) for row in conn.execute("SELECT DISTINCT source_id FROM items WHERE story_id = ?",
                                                (story_id,))]


def add_story(conn: Connection, title: str, tokens: Sequence[str], published: float, now: float,
              names: dict[str, Any]) -> int:
    return int(conn.execute(
        "INSERT INTO stories(title, tokens, published, created, names) VALUES (?, ?, ?, ?, ?)",
        (title, json.dumps(sorted(tokens), ensure_ascii=False), published, now,
         json.dumps(names, ensure_ascii=False, sort_keys=True)),
    ).lastrowid or 0)


def add_keys(conn: Connection, keys: Sequence[str], story_id: int) -> None:
    for key in keys:
        conn.execute("INSERT OR IGNORE INTO story_keys(key, story_id) VALUES (?, ?)", (key, story_id))
