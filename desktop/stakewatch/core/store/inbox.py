"""The alerts inbox as queries: filters, full-text search, paging, read marks and mutes.

Every function takes a Store owned by the calling thread. Pages are fetched by
keyset-free LIMIT/OFFSET over indexed columns, so the first page of 100,000
alerts costs the same as the first page of 100.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..model import label_for
from ..states import AlertKind
from .alerts import entity_names, normalise_tag
from .annotations import all_tags
from .database import Store, from_epoch, to_epoch
from .dialect import fts_condition, personal_mute, read_mark
from .story_rows import StoryRow, story_rows

SORTABLE = {"published": "a.published", "kind": "a.kind", "entity": "e.name", "title": "a.title",
            "source": "first_source"}
_FTS_SPECIAL = re.compile(r'["*^():\-+]')


@dataclass(frozen=True)
class InboxQuery:
    text: str = ""
    watchlist: str | None = None
    entity: str | None = None
    kind: str | None = None
    source: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    unread_only: bool = False
    tag: str | None = None
    flagged_only: bool = False
    order: str = "published"
    descending: bool = True


@dataclass(frozen=True)
class InboxRow:
    id: int
    published: datetime
    kind: AlertKind
    entity: str
    watchlist: str
    title: str
    url: str
    source: str
    read: bool
    priority: bool
    record: bool = False
    entity_names: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @property
    def entity_label(self) -> str:
        """The entity's name in the reader's language; `entity` stays the key."""
        return label_for(self.entity, self.entity_names)


@dataclass(frozen=True)
class AlertDetail:
    id: int
    title: str
    url: str
    published: datetime
    found: datetime
    kind: AlertKind
    entity: str
    watchlist: str
    sources: tuple[tuple[str, str], ...]
    snippet: str
    matched: tuple[str, ...]
    read: bool
    revisions: int = 0
    backfilled: bool = False
    record: bool = False
    note: str = ""
    tags: tuple[str, ...] = ()
    flagged: bool = False
    entity_names: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    note_by: str | None = None
    flagged_by: str | None = None
    tagged_by: tuple[str, ...] = ()

    @property
    def entity_label(self) -> str:
        return label_for(self.entity, self.entity_names)


def fts_phrase(text: str) -> str | None:
    """An FTS5 query for the words typed, each a quoted phrase; None when too short for trigrams."""
    words = fts_words(text)
    return None if words is None else " AND ".join('"' + w.replace('"', "") + '"' for w in words)


def fts_words(text: str) -> list[str] | None:
    """The words typed, for the full-text index; None when one is too short for trigrams."""
    words = [w.replace('"', "") for w in _FTS_SPECIAL.sub(" ", text).split() if w]
    if not words or any(len(w) < 3 for w in words):
        return None
    return words


def _where(query: InboxQuery, engine: str = "sqlite") -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if query.watchlist:
        clauses.append("w.name = ?")
        params.append(query.watchlist)
    if query.entity:
        clauses.append("e.name = ?")
        params.append(query.entity)
    if query.kind:
        clauses.append("a.kind = ?")
        params.append(query.kind)
    if query.source:
        clauses.append("EXISTS (SELECT 1 FROM alert_sources x JOIN sources s ON s.id = x.source_id "
                       "WHERE x.alert_id = a.id AND s.name = ?)")
        params.append(query.source)
    if query.since:
        clauses.append("a.published >= ?")
        params.append(to_epoch(query.since))
    if query.until:
        clauses.append("a.published <= ?")
        params.append(to_epoch(query.until))
    if query.unread_only:
        clauses.append(f"{read_mark(engine)} = 0")
    if query.tag:
        clauses.append("EXISTS (SELECT 1 FROM alert_tags t WHERE t.alert_id = a.id AND t.tag = ?)")
        params.append(normalise_tag(query.tag))
    if query.flagged_only:
        clauses.append("a.flagged = 1")
    text = query.text.strip()
    if text:
        words = fts_words(text)
        if words is not None:
            hits, found = fts_condition(engine, "alerts_fts", words)
            clauses.append(f"a.id IN ({hits})")
            params += found
        else:
            clauses.append("(a.title LIKE ? ESCAPE '\\' OR a.snippet LIKE ? ESCAPE '\\')")
            params += [_like(text), _like(text)]
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


_FROM = ("FROM alerts a JOIN entities e ON e.id = a.entity_id JOIN watchlists w ON w.id = e.watchlist_id")


def count(store: Store, query: InboxQuery) -> int:
    """How many alerts the query keeps. Every alert has its entity and watchlist (foreign keys), so unless
    the query filters on them the count reads the alerts alone, without the two joins."""
    where, params = _where(query, store.engine)
    source = _FROM if query.watchlist or query.entity else "FROM alerts a"
    return int(store.conn.execute(f"SELECT COUNT(*) {source}{where}", params).fetchone()[0])


def page(store: Store, query: InboxQuery, offset: int, limit: int) -> list[InboxRow]:
    where, params = _where(query, store.engine)
    column = SORTABLE.get(query.order, "a.published")
    direction = "DESC" if query.descending else "ASC"
    rows = store.conn.execute(
        "SELECT a.id, a.published, a.kind, a.record, e.name AS entity, e.details AS entity_details, "
        f"w.name AS watchlist, a.title, a.url, {read_mark(store.engine)} AS read, "
        "e.priority, (SELECT s.name FROM alert_sources x JOIN sources s ON s.id = x.source_id "
        " WHERE x.alert_id = a.id ORDER BY x.added, s.id LIMIT 1) AS first_source "
        f"{_FROM}{where} ORDER BY {column} {direction}, a.id {direction} LIMIT ? OFFSET ?",
        params + [limit, offset])
    return [InboxRow(id=r["id"], published=from_epoch(r["published"]) or datetime.min, kind=AlertKind(r["kind"]),
                     entity=r["entity"], watchlist=r["watchlist"], title=r["title"], url=r["url"],
                     source=r["first_source"] or "", read=bool(r["read"]), priority=bool(r["priority"]),
                     record=bool(r["record"]), entity_names=entity_names(r["entity_details"]))
            for r in rows]


def detail(store: Store, alert_id: int) -> AlertDetail | None:
    row = store.conn.execute(
        f"SELECT a.*, {read_mark(store.engine)} AS read_mark, e.name AS entity, e.details AS entity_details, "
        f"w.name AS watchlist, "
        f"(SELECT COUNT(*) FROM item_revisions r WHERE r.item_id = a.item_id) AS revisions "
        f"{_FROM} WHERE a.id = ?", (alert_id,)).fetchone()
    if row is None:
        return None
    sources = tuple((r[0], r[1] or "") for r in store.conn.execute(
        "SELECT s.name, i.url FROM alert_sources x JOIN sources s ON s.id = x.source_id "
        "LEFT JOIN items i ON i.id = x.item_id WHERE x.alert_id = ? ORDER BY x.added, s.id", (alert_id,)))
    return AlertDetail(id=row["id"], title=row["title"], url=row["url"],
                       published=from_epoch(row["published"]) or datetime.min,
                       found=from_epoch(row["found"]) or datetime.min, kind=AlertKind(row["kind"]),
                       entity=row["entity"],
                       watchlist=row["watchlist"], sources=sources, snippet=row["snippet"],
                       matched=tuple(json.loads(row["matched"])), read=bool(row["read_mark"]),
                       revisions=int(row["revisions"]), backfilled=bool(row["backfilled"]),
                       record=bool(row["record"]), note=row["note"], flagged=bool(row["flagged"]),
                       tags=tuple(r[0] for r in store.conn.execute(
                           "SELECT tag FROM alert_tags WHERE alert_id = ? ORDER BY tag", (alert_id,))),
                       entity_names=entity_names(row["entity_details"]),
                       note_by=row["note_by"] if row["note"] else None,
                       flagged_by=row["flagged_by"] if row["flagged"] else None,
                       tagged_by=tuple(r[0] for r in store.conn.execute(
                           "SELECT DISTINCT added_by FROM alert_tags WHERE alert_id = ? AND added_by IS NOT NULL "
                           "ORDER BY added_by", (alert_id,))))


def mark_read(store: Store, alert_ids: list[int], read: bool = True) -> None:
    """Mark alerts read or unread: on a team database, for the connecting role only."""
    with store.transaction() as conn:
        if store.engine == "sqlite":
            conn.executemany("UPDATE alerts SET read = ? WHERE id = ?", [(int(read), i) for i in alert_ids])
        elif read:
            conn.executemany("INSERT OR IGNORE INTO personal_reads(alert_id) VALUES (?)", [(i,) for i in alert_ids])
        else:
            conn.executemany("DELETE FROM personal_reads WHERE alert_id = ? AND reader = current_user",
                             [(i,) for i in alert_ids])


def mute_entity(store: Store, watchlist: str, entity: str, muted: bool = True) -> None:
    """Mute an entity: on a team database, for the connecting role only (its watchlists stay the editors')."""
    with store.transaction() as conn:
        if store.engine != "sqlite":
            target = ("(SELECT e.id FROM entities e JOIN watchlists w ON w.id = e.watchlist_id "
                      "WHERE e.name = ? AND w.name = ?)")
            if muted:
                conn.execute(f"INSERT OR IGNORE INTO personal_mutes(entity_id) {target[1:-1]}",
                             (entity, watchlist))
            else:
                conn.execute(f"DELETE FROM personal_mutes WHERE reader = current_user AND entity_id = {target}",
                             (entity, watchlist))
            return
        conn.execute("UPDATE entities SET muted = ? WHERE name = ? AND watchlist_id = "
                     "(SELECT id FROM watchlists WHERE name = ?)", (int(muted), entity, watchlist))
        store.set_setting("config_version", store.config_version() + 1, conn)


def choices(store: Store) -> dict[str, list[str]]:
    """The values each filter offers."""
    return {
        "watchlist": [r[0] for r in store.conn.execute("SELECT name FROM watchlists ORDER BY position, id")],
        "entity": [r[0] for r in store.conn.execute("SELECT DISTINCT name FROM entities ORDER BY name")],
        "source": [r[0] for r in store.conn.execute("SELECT name FROM sources ORDER BY name")],
        "tag": all_tags(store),
    }


def story_page(store: Store, query: InboxQuery, offset: int, limit: int) -> tuple[int, list[StoryRow]]:
    """How many stories the query keeps, and a page of them newest first, each with every alert of it
    that the query keeps.

    Without filters the page walks the stories' publication index and stops after `offset + limit`;
    with filters (a search above all) the matching alerts are read once and grouped here, so a search
    costs one pass over its hits, not one per story.
    """
    where, params = _where(query, store.engine)
    if not where:
        total = int(store.conn.execute("SELECT COUNT(DISTINCT story_id) FROM alerts").fetchone()[0])
        ids = [int(r[0]) for r in store.conn.execute(
            "SELECT s.id FROM stories s WHERE EXISTS (SELECT 1 FROM alerts a WHERE a.story_id = s.id) "
            "ORDER BY s.published DESC, s.id DESC LIMIT ? OFFSET ?", (limit, offset))]
        alert_ids = [int(r[0]) for r in store.conn.execute(
            f"SELECT id FROM alerts WHERE story_id IN ({','.join('?' * len(ids))})", ids)] if ids else []
    else:
        newest: dict[int, float] = {}
        members: dict[int, list[int]] = {}
        for alert_id, story_id, published in store.conn.execute(
                f"SELECT a.id, a.story_id, a.published {_FROM}{where}", params):
            members.setdefault(story_id, []).append(alert_id)
            if published > newest.get(story_id, float("-inf")):
                newest[story_id] = published
        total = len(members)
        ids = sorted(newest, key=lambda story: (newest[story], story), reverse=True)[offset:offset + limit]
        alert_ids = [alert_id for story in ids for alert_id in members[story]]
    order = {story: n for n, story in enumerate(ids)}
    rows = story_rows(store.alerts(ids=alert_ids)) if alert_ids else []
    return total, sorted(rows, key=lambda r: order[r.story])
def full_text(store: Store, alert_id: int) -> str:
    """The whole plain text of an alert's item (content, else summary), or its snippet once pruned."""
    row = store.conn.execute(
        "SELECT a.snippet, i.summary, i.content FROM alerts a LEFT JOIN items i ON i.id = a.item_id "
        "WHERE a.id = ?", (alert_id,)).fetchone()
    if row is None:
        return ""
    return str(row["content"] or row["summary"] or row["snippet"] or "")


def alert_ids(store: Store, query: InboxQuery) -> list[int]:
    """Every alert the query shows (all pages), newest first: what an export of the view writes."""
    where, params = _where(query, store.engine)
    return [r[0] for r in store.conn.execute(
        f"SELECT a.id {_FROM}{where} ORDER BY a.published DESC, a.id DESC", params)]


def unread_ids(store: Store, query: InboxQuery) -> list[int]:
    """Every unread alert the query shows (all pages), for "Mark all read" and its undo."""
    where, params = _where(query, store.engine)
    joiner = " AND " if where else " WHERE "
    return [r[0] for r in store.conn.execute(
        f"SELECT a.id {_FROM}{where}{joiner}{read_mark(store.engine)} = 0", params)]


def mark_read_by_url(store: Store, url: str) -> int:
    """Mark read every alert whose link is `url` (an original opened from a notification or the tray)."""
    with store.transaction() as conn:
        if store.engine != "sqlite":
            return int(conn.execute("INSERT OR IGNORE INTO personal_reads(alert_id) SELECT id FROM alerts a "
                                    f"WHERE url = ? AND {read_mark(store.engine)} = 0", (url,)).rowcount)
        return int(conn.execute("UPDATE alerts SET read = 1 WHERE url = ? AND read = 0", (url,)).rowcount)


def entity_muted(store: Store, watchlist: str, entity: str) -> bool:
    row = store.conn.execute(
        f"SELECT e.muted <> 0 OR w.muted <> 0 OR {personal_mute(store.engine)} <> 0 "
        "FROM entities e JOIN watchlists w ON w.id = e.watchlist_id "
        "WHERE e.name = ? AND w.name = ?", (entity, watchlist)).fetchone()
    return bool(row and row[0])
