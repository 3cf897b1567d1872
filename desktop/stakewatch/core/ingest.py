"""Storing one source's fresh items: items -> matches -> stories -> alerts.

Runs on the thread that owns the Store, in one transaction per source, so a
crash never leaves half a source stored and a retry never duplicates (items are
unique per source and GUID, alerts per entity and story). An item that comes
back under its GUID with another title or text is a revision: the earlier
version is kept, the new one re-matched. A feed that gives one GUID to
different items in one answer has them told apart by their links.
"""

from __future__ import annotations

import hashlib
import json
import math
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from .i18n import translate
from .matching import Match, Matcher
from .model import Item, Source
from .store import Store, to_epoch
from .stories import (
    NEAR_DUPLICATE_THRESHOLD,
    NEAR_DUPLICATE_WINDOW,
    Names,
    canonical_url,
    guid_key,
    is_news_redirect,
    names_in_title,
    similar_titles,
    strip_tracking,
    title_tokens,
    watched_names_differ,
)

MAX_NEAR_DUPLICATE_CANDIDATES = 64
MAX_REVISIONS = 20
REUSED_GUIDS = translate("Ingest", "the feed gives one GUID to different items: they are told apart by their links")


@dataclass
class IngestResult:
    new_items: int = 0
    matched_items: int = 0
    revised_items: int = 0
    reused_guids: bool = False
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


def distinct_guids(items: Sequence[Item]) -> tuple[list[Item], bool]:
    """`items` with GUIDs that tell them apart, and whether the feed reused a GUID for different items.

    Repeats of one item are dropped; different items under one GUID get their link as identity (the
    link and a hash of the title when the links are shared too).
    """
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(item.guid, []).append(item)
    if len(groups) == len(items):
        return list(items), False
    reused = False
    seen: set[str] = set()
    kept: list[Item] = []
    for item in items:
        group = groups[item.guid]
        identity = item.guid
        if len(group) > 1 and len({(canonical_url(i.url), i.title) for i in group}) > 1:
            reused = True
            link = canonical_url(item.url)
            if link and sum(1 for i in group if canonical_url(i.url) == link) == 1:
                identity = item.url
            else:
                digest = hashlib.sha256(item.title.encode("utf-8", "replace")).hexdigest()[:16]
                identity = f"{item.url or item.guid}#{digest}"
        if identity in seen:
            continue
        seen.add(identity)
        kept.append(item if identity == item.guid else replace(item, guid=identity))
    return kept, reused


DAY = 86_400.0


MAX_POSTING = 100


def _jaccard_floor(size: int) -> int:
    """Shared tokens a title of `size` tokens needs with any near-duplicate: ceil(0.8 |A|)."""
    return max(1, math.ceil(size * NEAR_DUPLICATE_THRESHOLD - 1e-9))


class StoryIndex:
    """Recent stories' title tokens, with an inverted index, so that looking for a near-duplicate
    costs the stories sharing rare words with the title, not every story of the week.

    Only the rarest tokens of a title are looked up (prefix filtering): a near-duplicate must share
    at least one of the |A| - ceil(0.8 |A|) + 1 rarest. A token already carried by more than
    MAX_POSTING stories of the window is never walked: frequent words (stop words, the entity's
    own name in a busy news cycle) cannot make the search quadratic.

    Loaded lazily a day at a time from the connection it is given; one per cycle is enough.
    """

    def __init__(self) -> None:
        self.tokens: dict[int, frozenset[str]] = {}
        self.titles: dict[int, str] = {}
        self.published: dict[int, float] = {}
        self.names: dict[int, Names] = {}
        self.postings: dict[str, set[int]] = {}
        self.loaded: set[int] = set()

    def add(self, story_id: int, tokens: frozenset[str], title: str, published: float,
            names: Names | None = None) -> None:
        self.tokens[story_id] = tokens
        self.titles[story_id] = title
        self.published[story_id] = published
        self.names[story_id] = names or {}
        for token in tokens:
            self.postings.setdefault(token, set()).add(story_id)

    def _load(self, conn: sqlite3.Connection, published: float) -> None:
        window = NEAR_DUPLICATE_WINDOW.total_seconds()
        for day in range(int((published - window) // DAY), int((published + window) // DAY) + 1):
            if day in self.loaded:
                continue
            self.loaded.add(day)
            for story_id, stored, title, when, names in conn.execute(
                    "SELECT id, tokens, title, published, names FROM stories "
                    "WHERE published >= ? AND published < ?", (day * DAY, (day + 1) * DAY)):
                if story_id not in self.tokens:
                    self.add(int(story_id), frozenset(json.loads(stored)), title, when,
                             json.loads(names or "{}"))

    def candidates(self, conn: sqlite3.Connection, tokens: frozenset[str], published: float) -> list[int]:
        """Stories within the window sharing enough words to possibly be near-duplicates, closest first."""
        self._load(conn, published)
        if not tokens:
            return []
        window = NEAR_DUPLICATE_WINDOW.total_seconds()
        needed = _jaccard_floor(len(tokens))
        rarest = sorted(tokens, key=lambda token: len(self.postings.get(token, ())))
        seen: set[int] = set()
        for token in rarest[: len(tokens) - needed + 1]:
            posting = self.postings.get(token, ())
            if len(posting) <= MAX_POSTING:
                seen.update(posting)
        if not seen and rarest:
            # a title made only of frequent words: its rarest one is all there is to go on
            seen.update(self.postings.get(rarest[0], ()))
        found = [story_id for story_id in seen
                 if abs(self.published[story_id] - published) <= window
                 and len(tokens & self.tokens[story_id]) >= needed]
        return sorted(found, key=lambda story_id: abs(self.published[story_id] - published))


def _find_story(conn: sqlite3.Connection, source_id: int, item: Item, keys: list[str],
                tokens: frozenset[str], published: float, index: StoryIndex, names: Names) -> int | None:
    for key in keys:
        row = conn.execute("SELECT story_id FROM story_keys WHERE key = ?", (key,)).fetchone()
        if row is not None:
            return int(row[0])
    found: list[tuple[int, int, int]] = []
    for order, story_id in enumerate(index.candidates(conn, tokens, published)[:MAX_NEAR_DUPLICATE_CANDIDATES]):
        story_names = index.names.get(story_id, {})
        watched = frozenset(word for words in (*names.values(), *story_names.values()) for word in words)
        if not similar_titles(tokens, index.tokens[story_id], item.title, index.titles[story_id], watched):
            continue
        if watched_names_differ(names, item.title, story_names, index.titles[story_id]):
            continue
        if names and story_names and not names.keys() & story_names.keys():
            continue  # look-alike titles over texts about different entities
        same_source = conn.execute(
            "SELECT 1 FROM items WHERE story_id = ? AND source_id = ? LIMIT 1",
            (story_id, source_id)).fetchone()
        if same_source is None and not _other_officials(conn, source_id, story_id):
            # among look-alike titles, the story naming the same entities wins, then the closest in time
            found.append((-len(names.keys() & story_names.keys()), order, story_id))
    return min(found)[2] if found else None


def _official_for(conn: sqlite3.Connection, source_ids: Sequence[int]) -> frozenset[str]:
    names: set[str] = set()
    for source_id in source_ids:
        row = conn.execute("SELECT official_for FROM sources WHERE id = ?", (source_id,)).fetchone()
        if row is not None:
            names.update(str(name).casefold() for name in json.loads(row[0]))
    return frozenset(names)


def _other_officials(conn: sqlite3.Connection, source_id: int, story_id: int) -> bool:
    """True when the item's source and the story's sources are official for different entities:
    two officials' statements, however alike their titles, are never one story."""
    mine = _official_for(conn, [source_id])
    if not mine:
        return False
    theirs = _official_for(conn, [int(row[0]) for row in conn.execute(
        "SELECT DISTINCT source_id FROM items WHERE story_id = ?", (story_id,))])
    return bool(theirs) and not (mine & theirs)


def matched_words(matches: Sequence[Match]) -> dict[str, tuple[str, ...]]:
    return {match.entity.casefold(): match.matched for match in matches}


def assign_story(conn: sqlite3.Connection, source_id: int, item: Item, published: float,
                 now: float, index: StoryIndex | None = None,
                 matches: Sequence[Match] = ()) -> int:
    """The story of `item`: found by link, GUID or a near-duplicate title, else a new one.

    Titles that name different watched entities (`matches`) or different people are never merged.
    """
    index = index if index is not None else StoryIndex()
    keys = story_keys(item)
    tokens = title_tokens(item.title)
    names = names_in_title(item.title, matched_words(matches))
    story_id = _find_story(conn, source_id, item, keys, tokens, published, index, names)
    if story_id is None:
        story_id = int(conn.execute(
            "INSERT INTO stories(title, tokens, published, created, names) VALUES (?, ?, ?, ?, ?)",
            (item.title, json.dumps(sorted(tokens), ensure_ascii=False), published, now,
             json.dumps(names, ensure_ascii=False, sort_keys=True)),
        ).lastrowid or 0)
        index.add(story_id, tokens, item.title, published, names)
    for key in keys:
        conn.execute("INSERT OR IGNORE INTO story_keys(key, story_id) VALUES (?, ?)",
                     (key, story_id))
    return story_id


def record_alert(conn: sqlite3.Connection, entity_id: int, story_id: int, item_id: int,
                 source_id: int, item: Item, match: Match, official: bool, published: float,
                 now: float, backfilled: bool = False) -> int | None:
    """Insert the alert or add this source to it; the new alert's id, or None."""
    kind = "statement" if official else "coverage"
    cursor = conn.execute(
        "INSERT OR IGNORE INTO alerts(entity_id, story_id, item_id, kind, title, url, published, "
        "found, matched, snippet, backfilled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (entity_id, story_id, item_id, kind, item.title, item.url, published, now,
         json.dumps(list(match.matched), ensure_ascii=False), match.snippet, int(backfilled)))
    if cursor.rowcount:
        alert_id = int(cursor.lastrowid or 0)
        conn.execute("INSERT OR IGNORE INTO alert_sources(alert_id, source_id, item_id, added) "
                     "VALUES (?, ?, ?, ?)", (alert_id, source_id, item_id, now))
        return alert_id
    alert_id, existing_kind, existing_item = conn.execute(
        "SELECT id, kind, item_id FROM alerts WHERE entity_id = ? AND story_id = ?",
        (entity_id, story_id)).fetchone()
    conn.execute("INSERT OR IGNORE INTO alert_sources(alert_id, source_id, item_id, added) "
                 "VALUES (?, ?, ?, ?)", (alert_id, source_id, item_id, now))
    if (official and existing_kind != "statement") or existing_item == item_id:
        # the entity's own words outrank coverage of them: point at the original
        conn.execute(
            "UPDATE alerts SET kind = CASE WHEN ? THEN 'statement' ELSE kind END, item_id = ?, "
            "title = ?, url = CASE WHEN ? = '' THEN url ELSE ? END, matched = ?, snippet = ? "
            "WHERE id = ?",
            (int(official), item_id, item.title, item.url or "", item.url or "",
             json.dumps(list(match.matched), ensure_ascii=False), match.snippet, alert_id))
    return None


def prefer_publisher(conn: sqlite3.Connection, story_id: int) -> None:
    """Alerts of a story that link to a news-search redirect link to the publisher's copy, if any."""
    alerts = [(alert_id, url) for alert_id, url in conn.execute(
        "SELECT id, url FROM alerts WHERE story_id = ?", (story_id,)) if is_news_redirect(url)]
    if not alerts:
        return
    for item_id, url, title in conn.execute(
            "SELECT id, url, title FROM items WHERE story_id = ? ORDER BY id", (story_id,)):
        if url and not is_news_redirect(url):
            conn.executemany("UPDATE alerts SET url = ?, title = ?, item_id = ? WHERE id = ?",
                             [(url, title, item_id, alert_id) for alert_id, _ in alerts])
            return


@dataclass(frozen=True)
class _Context:
    """What every item of one ingest shares."""

    source_id: int
    matcher: Matcher
    entity_ids: dict[tuple[str, str], int]
    official_for: frozenset[str]
    stamp: float
    stories: StoryIndex


def _alerts_for(conn: sqlite3.Connection, ctx: _Context, item: Item, item_id: int, story_id: int | None,
                published: float, result: IngestResult) -> None:
    matches = ctx.matcher.match(item.text)
    if not matches:
        return
    result.matched_items += 1
    if story_id is None:
        story_id = assign_story(conn, ctx.source_id, item, published, ctx.stamp, ctx.stories, matches)
        conn.execute("UPDATE items SET story_id = ? WHERE id = ?", (story_id, item_id))
    for match in matches:
        entity_id = ctx.entity_ids.get((match.watchlist, match.entity))
        if entity_id is None:
            continue
        alert_id = record_alert(
            conn, entity_id, story_id, item_id, ctx.source_id, item, match,
            match.entity.casefold() in ctx.official_for, published, ctx.stamp)
        if alert_id is not None:
            result.new_alerts.append(alert_id)
    prefer_publisher(conn, story_id)


def _revise(conn: sqlite3.Connection, ctx: _Context, item: Item, result: IngestResult) -> None:
    """`item` came back under a stored GUID: keep the earlier version if the text changed, re-match."""
    row = conn.execute(
        "SELECT id, title, summary, content, published, story_id, fetched FROM items "
        "WHERE source_id = ? AND guid = ?", (ctx.source_id, item.guid)).fetchone()
    if row is None or (row[1], row[2], row[3]) == (item.title, item.summary, item.content):
        return
    item_id, published, story_id = int(row[0]), float(row[4]), row[5]
    kept = conn.execute("SELECT COUNT(*) FROM item_revisions WHERE item_id = ?", (item_id,)).fetchone()[0]
    if kept < MAX_REVISIONS:
        conn.execute("INSERT INTO item_revisions(item_id, title, summary, content, fetched, replaced) "
                     "VALUES (?, ?, ?, ?, ?, ?)", (item_id, row[1], row[2], row[3], row[6], ctx.stamp))
    conn.execute("UPDATE items SET title = ?, summary = ?, content = ?, fetched = ? WHERE id = ?",
                 (item.title, item.summary, item.content, ctx.stamp, item_id))
    conn.execute("UPDATE alerts SET title = ? WHERE item_id = ?", (item.title, item_id))
    result.revised_items += 1
    _alerts_for(conn, ctx, item, item_id, story_id, published, result)


def ingest(store: Store, source: Source, items: list[Item], matcher: Matcher,
           entity_ids: dict[tuple[str, str], int], now: datetime,
           validators: Validators | None, next_check: datetime,
           stories: StoryIndex | None = None) -> IngestResult:
    """Store `items` of `source` and record the fetch as a success, atomically.

    Pass one `stories` index to every ingest of a cycle; without one each call builds its own.
    """
    assert source.id is not None
    result = IngestResult()
    stamp = to_epoch(now)
    ctx = _Context(source.id, matcher, entity_ids,
                   frozenset(name.casefold() for name in source.official_for), stamp,
                   stories if stories is not None else StoryIndex())
    items, result.reused_guids = distinct_guids(items)
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
                _revise(conn, ctx, item, result)
                continue
            result.new_items += 1
            _alerts_for(conn, ctx, item, int(cursor.lastrowid or 0), None, published, result)
        _record_success(conn, source.id, stamp, validators, next_check)
        if items:
            # an unchanged answer (304) keeps what the last full one said
            conn.execute("UPDATE sources SET note = ? WHERE id = ?",
                         (REUSED_GUIDS().dumps() if result.reused_guids else None, source.id))
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
