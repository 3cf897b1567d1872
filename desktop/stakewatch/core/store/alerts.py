"""The SQL of alert listings (a full read for the inbox and JSON, a lean one for exports) and of
notification bookkeeping: which stories were notified, what was delivered.

Runs on the thread that owns the connection.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from ..model import Alert, ExportRow
from ..states import AlertKind
from .columns import ID_CHUNK, _chunks, from_epoch, to_epoch
from .dialect import read_mark


def mark_notified(conn: sqlite3.Connection, delivered: Sequence[int], now: datetime) -> None:
    """Mark `delivered` alerts notified at `now`, inside the caller's transaction."""
    if delivered:
        conn.executemany("UPDATE alerts SET notified = ? WHERE id = ?",
                         [(to_epoch(now), alert_id) for alert_id in delivered])


SOURCE_NAMES = (
    "(SELECT group_concat(s.name, char(31)) FROM "
    "   (SELECT s.name FROM alert_sources x JOIN sources s ON s.id = x.source_id "
    "    WHERE x.alert_id = a.id ORDER BY x.added, s.id) s) AS source_names")
TAG_NAMES = ("(SELECT group_concat(t.tag, char(31)) FROM alert_tags t WHERE t.alert_id = a.id) AS tag_names, "
             "(SELECT group_concat(b.added_by, char(31)) FROM (SELECT DISTINCT added_by FROM alert_tags "
             " WHERE alert_id = a.id AND added_by IS NOT NULL) b) AS tag_authors")
ALERTS_FROM = ("FROM alerts a JOIN entities e ON e.id = a.entity_id "
               "JOIN watchlists w ON w.id = e.watchlist_id ")
NEWEST_FIRST = " ORDER BY a.published DESC, a.id DESC"
EXPORT_COLUMNS = (
    "SELECT a.id, a.published, a.kind, e.name, w.name, a.title, a.url, "
    "coalesce((SELECT group_concat(s.name, '; ') FROM "
    "   (SELECT s.name FROM alert_sources x JOIN sources s ON s.id = x.source_id "
    "    WHERE x.alert_id = a.id ORDER BY x.added, s.id) s), ''), "
    "coalesce((SELECT group_concat(j.value, '; ') FROM json_each(a.matched) j), ''), "
    "coalesce((SELECT group_concat(t.tag, ', ') FROM "
    "   (SELECT tag FROM alert_tags WHERE alert_id = a.id ORDER BY tag) t), ''), "
    "a.note, a.flagged ")


def _filtered(since: datetime | None, watchlist: str | None, limit: int | None, ids: Sequence[int] | None,
              tags: Sequence[str], flagged_only: bool) -> tuple[str, list[Any]]:
    """The WHERE, ORDER BY and LIMIT of an alert listing, and its parameters."""
    where: list[str] = []
    params: list[Any] = []
    for tag in tags:
        where.append("EXISTS (SELECT 1 FROM alert_tags t WHERE t.alert_id = a.id AND t.tag = ?)")
        params.append(normalise_tag(tag))
    if flagged_only:
        where.append("a.flagged = 1")
    if since is not None:
        where.append("(a.published >= ? OR a.found >= ?)")
        params += [to_epoch(since), to_epoch(since)]
    if watchlist is not None:
        where.append("w.name = ?")
        params.append(watchlist)
    if ids is not None:
        where.append(f"a.id IN ({','.join('?' * len(ids))})" if ids else "1 = 0")
        params += list(ids)
    clause = (" WHERE " + " AND ".join(where) if where else "") + NEWEST_FIRST
    return clause + (f" LIMIT {int(limit)}" if limit else ""), params


def _split(joined: str | None) -> tuple[str, ...]:
    return tuple(joined.split("\x1f")) if joined else ()


def iter_alerts(conn: sqlite3.Connection, since: datetime | None = None, watchlist: str | None = None,
                limit: int | None = None, ids: Sequence[int] | None = None,
                tags: Sequence[str] = (), flagged_only: bool = False, engine: str = "sqlite") -> Iterator[Alert]:
    """Alerts newest first, one at a time as the database yields them (Store.alerts and Store.iter_alerts);
    `engine` is the store's ("sqlite" or "postgresql")."""
    if ids is not None and len(ids) > ID_CHUNK:
        found = [alert for chunk in _chunks(ids)
                 for alert in iter_alerts(conn, since, watchlist, None, chunk, tags, flagged_only, engine)]
        found.sort(key=lambda alert: (alert.published, alert.id), reverse=True)
        yield from (found[:limit] if limit else found)
        return
    clause, params = _filtered(since, watchlist, limit, ids, tags, flagged_only)
    query = (
        f"SELECT a.*, {read_mark(engine)} AS read_mark, e.name AS entity, e.details AS entity_details, "
        "e.priority AS priority, w.name AS watchlist, "
        "pw.status AS page_status, pw.sha256 AS page_sha256, pw.checked AS page_checked, "
        f"{SOURCE_NAMES}, {TAG_NAMES}, "
        "(SELECT COUNT(*) FROM item_revisions r WHERE r.item_id = a.item_id) AS revisions "
        + ALERTS_FROM +
        "LEFT JOIN page_watch pw ON pw.alert_id = a.id AND pw.status IN ('archived', 'edited', 'removed')"
        + clause
    )
    for row in conn.execute(query, params):
        names = _split(row["source_names"])
        published = from_epoch(row["published"])
        found_at = from_epoch(row["found"])
        assert published is not None and found_at is not None
        yield Alert(
            id=row["id"], entity=row["entity"], watchlist=row["watchlist"], kind=AlertKind(row["kind"]),
            title=row["title"], url=row["url"], source=names[0] if names else "",
            sources=names, published=published, found=found_at,
            matched=tuple(json.loads(row["matched"])), snippet=row["snippet"],
            story=row["story_id"], read=bool(row["read_mark"]), priority=bool(row["priority"]),
            revisions=int(row["revisions"]), backfilled=bool(row["backfilled"]),
            page=_page(row), record=bool(row["record"]),
            note=row["note"], flagged=bool(row["flagged"]),
            tags=tuple(sorted(_split(row["tag_names"]))),
            entity_names=entity_names(row["entity_details"]),
            note_by=row["note_by"] if row["note"] else None, flagged_by=row["flagged_by"] if row["flagged"] else None,
            tagged_by=tuple(sorted(_split(row["tag_authors"]))),
        )


def iter_export_rows(conn: sqlite3.Connection, since: datetime | None = None, watchlist: str | None = None,
                     limit: int | None = None, ids: Sequence[int] | None = None,
                     tags: Sequence[str] = (), flagged_only: bool = False) -> Iterator[ExportRow]:
    """The alerts `iter_alerts` would list, as the columns of an export need them and no more: SQLite joins
    the lists, so that 100,000 rows cost Python one tuple each."""
    if ids is not None and len(ids) > ID_CHUNK:
        found = [row for chunk in _chunks(ids)
                 for row in iter_export_rows(conn, since, watchlist, None, chunk, tags, flagged_only)]
        found.sort(key=lambda row: (row.published, row.id), reverse=True)
        yield from (found[:limit] if limit else found)
        return
    clause, params = _filtered(since, watchlist, limit, ids, tags, flagged_only)
    cursor = conn.cursor()
    cursor.row_factory = None
    yield from map(ExportRow._make, cursor.execute(EXPORT_COLUMNS + ALERTS_FROM + clause, params))


def entity_names(details: str) -> tuple[tuple[str, str], ...]:
    """An entity's names per language from its stored details."""
    names = json.loads(details).get("names") if details and details != "{}" else None
    return tuple((str(k), str(v)) for k, v in names.items()) if isinstance(names, dict) else ()


def normalise_tag(tag: str) -> str:
    """Tags compare without case and surrounding spaces: "Sora", " sora " are one tag."""
    return " ".join(tag.split()).casefold()


def _page(row: sqlite3.Row) -> dict[str, Any] | None:
    """An alert's statement page as `alerts --json` shows it, or None when none is archived."""
    if row["page_status"] is None:
        return None
    checked = from_epoch(row["page_checked"])
    return {"status": row["page_status"], "sha256": row["page_sha256"],
            "checked": checked.isoformat() if checked else None}
