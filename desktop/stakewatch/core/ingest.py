"""Storing one source's fresh items: items -> matches -> stories -> alerts.

Runs on the thread that owns the Store, in one transaction per source, so a
crash never leaves half a source stored and a retry never duplicates (items are
unique per source and GUID, alerts per entity and story).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field, replace
from datetime import datetime

from .matching import Match, Matcher, snippet
from .model import Item, Source
from .store import Store, to_epoch
from .stories import (
    NEAR_DUPLICATE_THRESHOLD,
    NEAR_DUPLICATE_WINDOW,
    canonical_url,
    guid_key,
    similar_titles,
    strip_tracking,
    title_tokens,
)

MAX_NEAR_DUPLICATE_CANDIDATES = 5_000


@dataclass
class IngestResult:
    new_items: int = 0
    matched_items: int = 0
    new_alerts: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Validators:
    """What a successful fetch leaves behind for the next conditional GET."""

    url: str
    etag: str | None
    last_modified: str | None


def story_keys(item: Item) -> list[str]:
    """Keys under which another source's copy of this story would be found."""
    keys: list[str] = []
    link = canonical_url(item.url)
    if link:
        keys.append("url:" + link)
    guid = guid_key(item.guid)
    # bare GUIDs like "42" are only unique inside one feed
    if guid and (":" in guid or len(guid) >= 20) and "url:" + guid not in keys:
        keys.append(("url:" if guid.startswith("https://") else "guid:") + guid)
    return keys


DAY = 86_400.0


class StoryIndex:
    """Recent stories' title tokens, with an inverted index, so that looking for a near-duplicate
    costs the stories sharing words with the title, not every story of the week.

    Loaded lazily a day at a time from the connection it is given; one per cycle is enough.
    """

    def __init__(self) -> None:
        self.tokens: dict[int, frozenset[str]] = {}
        self.titles: dict[int, str] = {}
        self.published: dict[int, float] = {}
        self.postings: dict[str, set[int]] = {}
        self.loaded: set[int] = set()

    def add(self, story_id: int, tokens: frozenset[str], title: str, published: float) -> None:
        self.tokens[story_id] = tokens
        self.titles[story_id] = title
        self.published[story_id] = published
        for token in tokens:
            self.postings.setdefault(token, set()).add(story_id)

    def _load(self, conn: sqlite3.Connection, published: float) -> None:
        window = NEAR_DUPLICATE_WINDOW.total_seconds()
        for day in range(int((published - window) // DAY), int((published + window) // DAY) + 1):
            if day in self.loaded:
                continue
            self.loaded.add(day)
            for story_id, stored, title, when in conn.execute(
                    "SELECT id, tokens, title, published FROM stories WHERE published >= ? AND published < ?",
                    (day * DAY, (day + 1) * DAY)):
                if story_id not in self.tokens:
                    self.add(int(story_id), frozenset(json.loads(stored)), title, when)

    def candidates(self, conn: sqlite3.Connection, tokens: frozenset[str], published: float) -> list[int]:
        """Stories within the window sharing enough words to possibly be near-duplicates, closest first."""
        self._load(conn, published)
        window = NEAR_DUPLICATE_WINDOW.total_seconds()
        overlap: dict[int, int] = {}
        for token in tokens:
            for story_id in self.postings.get(token, ()):
                overlap[story_id] = overlap.get(story_id, 0) + 1
        # Jaccard >= t needs |A & B| >= t * max(|A|, |B|) >= t * |A|
        needed = max(1, int(len(tokens) * NEAR_DUPLICATE_THRESHOLD))
        found = [story_id for story_id, shared in overlap.items()
                 if shared >= needed and abs(self.published[story_id] - published) <= window]
        return sorted(found, key=lambda story_id: abs(self.published[story_id] - published))


def _find_story(conn: sqlite3.Connection, source_id: int, item: Item, keys: list[str],
                tokens: frozenset[str], published: float, index: StoryIndex) -> int | None:
    for key in keys:
        row = conn.execute("SELECT story_id FROM story_keys WHERE key = ?", (key,)).fetchone()
        if row is not None:
            return int(row[0])
    for story_id in index.candidates(conn, tokens, published)[:MAX_NEAR_DUPLICATE_CANDIDATES]:
        if not similar_titles(tokens, index.tokens[story_id], item.title, index.titles[story_id]):
            continue
        same_source = conn.execute(
            "SELECT 1 FROM items WHERE story_id = ? AND source_id = ? LIMIT 1",
            (story_id, source_id)).fetchone()
        if same_source is None:
            return story_id
    return None


def assign_story(conn: sqlite3.Connection, source_id: int, item: Item, published: float,
                 now: float, index: StoryIndex | None = None) -> int:
    index = index if index is not None else StoryIndex()
    keys = story_keys(item)
    tokens = title_tokens(item.title)
    story_id = _find_story(conn, source_id, item, keys, tokens, published, index)
    if story_id is None:
        story_id = int(conn.execute(
            "INSERT INTO stories(title, tokens, published, created) VALUES (?, ?, ?, ?)",
            (item.title, json.dumps(sorted(tokens), ensure_ascii=False), published, now),
        ).lastrowid or 0)
        index.add(story_id, tokens, item.title, published)
    for key in keys:
        conn.execute("INSERT OR IGNORE INTO story_keys(key, story_id) VALUES (?, ?)",
                     (key, story_id))
    return story_id


def _record_alert(conn: sqlite3.Connection, entity_id: int, story_id: int, item_id: int,
                  source_id: int, item: Item, match: Match, official: bool, published: float,
                  now: float) -> int | None:
    """Insert the alert or add this source to it; the new alert's id, or None."""
    kind = "statement" if official else "coverage"
    cursor = conn.execute(
        "INSERT OR IGNORE INTO alerts(entity_id, story_id, item_id, kind, title, url, published, "
        "found, matched, snippet, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (entity_id, story_id, item_id, kind, item.title, item.url, published, now,
         json.dumps(list(match.matched), ensure_ascii=False), match.snippet, int(item.record)))
    if cursor.rowcount:
        alert_id = int(cursor.lastrowid or 0)
        conn.execute("INSERT OR IGNORE INTO alert_sources(alert_id, source_id, item_id, added) "
                     "VALUES (?, ?, ?, ?)", (alert_id, source_id, item_id, now))
        return alert_id
    alert_id, existing_kind = conn.execute(
        "SELECT id, kind FROM alerts WHERE entity_id = ? AND story_id = ?",
        (entity_id, story_id)).fetchone()
    conn.execute("INSERT OR IGNORE INTO alert_sources(alert_id, source_id, item_id, added) "
                 "VALUES (?, ?, ?, ?)", (alert_id, source_id, item_id, now))
    if official and existing_kind != "statement":
        # the entity's own words outrank coverage of them: point at the original
        conn.execute(
            "UPDATE alerts SET kind = 'statement', item_id = ?, title = ?, url = ?, matched = ?, "
            "snippet = ? WHERE id = ?",
            (item_id, item.title, item.url or "", json.dumps(list(match.matched),
                                                            ensure_ascii=False),
             match.snippet, alert_id))
    return None


def item_matches(item: Item, matcher: Matcher, entity_ids: dict[tuple[str, str], int]) -> list[Match]:
    """The entities in `item`, with those it speaks for even when it does not name them.

    A name found only inside the author's own name is a namesake, not a mention: the speech of
    塩崎恭久 does not name 塩崎彰久 by saying 塩崎.
    """
    speakers = {name.casefold() for name in item.statement_for}
    matches = matcher.match(item.text)
    if item.author:
        author = "".join(item.author.split()).casefold()
        matches = [m for m in matches if m.entity.casefold() in speakers
                   or not all("".join(word.split()).casefold() in author for word in m.matched)]
    named = {(m.watchlist, m.entity.casefold()) for m in matches}
    for watchlist, entity in entity_ids:
        if entity.casefold() in speakers and (watchlist, entity.casefold()) not in named:
            matches.append(Match(watchlist=watchlist, entity=entity, matched=(item.author or entity,),
                                 snippet=snippet(item.summary or item.content or item.title, ()), spans=()))
    return matches


def ingest(store: Store, source: Source, items: list[Item], matcher: Matcher,
           entity_ids: dict[tuple[str, str], int], now: datetime,
           validators: Validators | None, next_check: datetime,
           stories: StoryIndex | None = None) -> IngestResult:
    """Store `items` of `source` and record the fetch as a success, atomically.

    Pass one `stories` index to every ingest of a cycle; without one each call builds its own.
    """
    stories = stories if stories is not None else StoryIndex()
    assert source.id is not None
    result = IngestResult()
    stamp = to_epoch(now)
    official_for = {name.casefold() for name in source.official_for}
    with store.transaction() as conn:
        for item in items:
            if item.url:
                item = replace(item, url=strip_tracking(item.url))
            dated = item.published is not None
            published = min(to_epoch(item.published), stamp) if item.published else stamp
            cursor = conn.execute(
                "INSERT OR IGNORE INTO items(source_id, guid, url, canonical_url, title, summary, "
                "content, published, dated, fetched) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (source.id, item.guid, item.url, canonical_url(item.url), item.title,
                 item.summary, item.content, published, int(dated), stamp))
            if not cursor.rowcount:
                continue
            item_id = int(cursor.lastrowid or 0)
            result.new_items += 1
            speakers = {name.casefold() for name in item.statement_for}
            matches = item_matches(item, matcher, entity_ids)
            if not matches:
                continue
            result.matched_items += 1
            story_id = assign_story(conn, source.id, item, published, stamp, stories)
            conn.execute("UPDATE items SET story_id = ? WHERE id = ?", (story_id, item_id))
            for match in matches:
                entity_id = entity_ids.get((match.watchlist, match.entity))
                if entity_id is None:
                    continue
                official = match.entity.casefold() in official_for or match.entity.casefold() in speakers
                alert_id = _record_alert(conn, entity_id, story_id, item_id, source.id, item, match,
                                         official, published, stamp)
                if alert_id is not None:
                    result.new_alerts.append(alert_id)
        _record_success(conn, source.id, stamp, validators, next_check)
    return result


def _record_success(conn: sqlite3.Connection, source_id: int, stamp: float,
                    validators: Validators | None, next_check: datetime) -> None:
    conn.execute(
        "UPDATE sources SET last_attempt = ?, last_success = ?, consecutive_failures = 0, "
        "last_error = NULL, next_check = ?, backoff_until = NULL, retry_after = NULL "
        "WHERE id = ?", (stamp, stamp, to_epoch(next_check), source_id))
    if validators is not None:
        conn.execute(
            "UPDATE sources SET etag = ?, last_modified = ?, validators_url = ? WHERE id = ?",
            (validators.etag, validators.last_modified, validators.url, source_id))
