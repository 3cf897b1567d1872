"""The SQL of a source's write path: items, their revisions, alerts and the source's success.

Every function runs inside the caller's transaction (`conn` from `Store.transaction()`), on the
thread that owns the Store; matching decides, these write.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from .columns import Connection


def record_alert(conn: Connection, entity_id: int, story_id: int, item_id: int, source_id: int,
                 title: str, url: str, matched: Sequence[str], snippet: str, record: bool, official: bool,
                 published: float, now: float, backfilled: bool = False) -> int | None:
    """Insert the alert or add this source to it; the new alert's id, or None. An official source's
    copy (the entity's own words) makes the alert a statement pointing at it."""
    kind = "statement" if official else "coverage"
    words = json.dumps(list(matched), ensure_ascii=False)
    cursor = conn.execute(
        "INSERT OR IGNORE INTO alerts(entity_id, story_id, item_id, kind, title, url, published, "
        "found, matched, snippet, backfilled, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (entity_id, story_id, item_id, kind, title, url, published, now, words, snippet, int(backfilled),
         int(record)))
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
            (int(official), item_id, title, url or "", url or "", words, snippet, alert_id))
    return None


def story_alert_links(conn: Connection, story_id: int) -> list[tuple[int, str]]:
    """Each alert of the story and its link."""
    return [(int(alert_id), url) for alert_id, url in conn.execute(
        "SELECT id, url FROM alerts WHERE story_id = ?", (story_id,))]


def story_item_links(conn: Connection, story_id: int) -> Iterator[tuple[int, str, str]]:
    """Each item of the story, first stored first: id, link, title."""
    yield from conn.execute("SELECT id, url, title FROM items WHERE story_id = ? ORDER BY id", (story_id,))


def point_alerts(conn: Connection, alert_ids: Sequence[int], item_id: int, url: str, title: str) -> None:
    """These alerts now link to this item's copy."""
    conn.executemany("UPDATE alerts SET url = ?, title = ?, item_id = ? WHERE id = ?",
                     [(url, title, item_id, alert_id) for alert_id in alert_ids])


def set_item_story(conn: Connection, item_id: int, story_id: int) -> None:
    conn.execute("UPDATE items SET story_id = ? WHERE id = ?", (story_id, item_id))


def insert_item(conn: Connection, source_id: int, guid: str, url: str, canonical: str, title: str,
                summary: str, content: str, published: float, dated: bool, stamp: float) -> int | None:
    """The new item's id, or None when the source already has an item under this GUID."""
    cursor = conn.execute(
        "INSERT OR IGNORE INTO items(source_id, guid, url, canonical_url, title, summary, "
        "content, published, dated, fetched) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (source_id, guid, url, canonical, title, summary, content, published, int(dated), stamp))
    return int(cursor.lastrowid or 0) if cursor.rowcount else None


def stored_link_and_title(conn: Connection, source_id: int, guid: str) -> tuple[str, str] | None:
    """The canonical link and title of the item the source stored under `guid`, if any."""
    row = conn.execute("SELECT canonical_url, title FROM items WHERE source_id = ? AND guid = ?",
                       (source_id, guid)).fetchone()
    return None if row is None else (row[0], row[1])


def stored_item(conn: Connection, source_id: int, guid: str) -> Any:
    """id, title, summary, content, published, story_id, fetched of the stored item, or None."""
    return conn.execute(
        "SELECT id, title, summary, content, published, story_id, fetched FROM items "
        "WHERE source_id = ? AND guid = ?", (source_id, guid)).fetchone()


def revise_item(conn: Connection, item_id: int, before: tuple[str, str, str, float], title: str,
                summary: str, content: str, stamp: float, max_revisions: int) -> None:
    """Keep the earlier version (title, summary, content, fetched) while fewer than `max_revisions` are
    kept, store the new text, and retitle the item's alerts."""
    kept = conn.execute("SELECT COUNT(*) FROM item_revisions WHERE item_id = ?", (item_id,)).fetchone()[0]
    if kept < max_revisions:
        conn.execute("INSERT INTO item_revisions(item_id, title, summary, content, fetched, replaced) "
                     "VALUES (?, ?, ?, ?, ?, ?)", (item_id, *before, stamp))
    conn.execute("UPDATE items SET title = ?, summary = ?, content = ?, fetched = ? WHERE id = ?",
                 (title, summary, content, stamp, item_id))
    conn.execute("UPDATE alerts SET title = ? WHERE item_id = ?", (title, item_id))


def record_success(conn: Connection, source_id: int, stamp: float, next_check: float,
                   validators: tuple[str | None, str | None, str] | None) -> None:
    """The fetch succeeded: failures forgotten, next check set, and (etag, last_modified, url) kept."""
    conn.execute(
        "UPDATE sources SET last_attempt = ?, last_success = ?, consecutive_failures = 0, "
        "last_error = NULL, next_check = ?, backoff_until = NULL, retry_after = NULL "
        "WHERE id = ?", (stamp, stamp, next_check, source_id))
    if validators is not None:
        conn.execute("UPDATE sources SET etag = ?, last_modified = ?, validators_url = ? WHERE id = ?",
                     (*validators, source_id))


def officials(conn: Connection) -> dict[int, frozenset[str]]:
    """Each source's id and the entities (folded) it is official for."""
    return {int(row[0]): frozenset(str(n).casefold() for n in json.loads(row[1]))
            for row in conn.execute("SELECT id, official_for FROM sources")}


def items_after(conn: Connection, last: int, limit: int) -> list[Any]:
    """Up to `limit` stored items with an id above `last`, in id order (rows with named columns: id,
    source_id, guid, url, title, summary, content, published, story_id)."""
    return conn.execute(
        "SELECT id, source_id, guid, url, title, summary, content, published, story_id FROM items "
        "WHERE id > ? ORDER BY id LIMIT ?", (last, limit)).fetchall()


def set_source_note(conn: Connection, source_id: int, note: str | None) -> None:
    conn.execute("UPDATE sources SET note = ? WHERE id = ?", (note, source_id))
