"""SQL of statement pages: which alerts' pages are watched, and every version of their main text.

Functions take a Store and run on the thread that owns it. Raw HTML is kept
zlib-compressed. Snapshots live in their own tables, which item retention never touches.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..model.values import PageSnapshot
from .database import Store, from_epoch, to_epoch

WATCHED = ("pending", "archived", "edited")
SHOWN = ("archived", "edited", "removed")


@dataclass(frozen=True)
class Watch:
    alert_id: int
    url: str
    status: str
    sha256: str | None
    first_fetched: datetime | None
    checked: datetime | None
    watch_until: datetime
    etag: str | None
    last_modified: str | None
    failures: int


@dataclass(frozen=True)
class Version:
    id: int
    alert_id: int
    fetched: datetime
    http_status: int | None
    url: str
    final_url: str
    text: str
    sha256: str
    compare_key: str
    content_type: str

    def to_json(self) -> dict[str, Any]:
        return {"fetched": self.fetched.isoformat(), "status": self.http_status, "url": self.url,
                "final_url": self.final_url, "sha256": self.sha256}


@dataclass(frozen=True)
class PageChange:
    """A watched statement page that was edited or removed in this cycle."""

    alert_id: int
    change: str


def _watch(row: Any) -> Watch:
    until = from_epoch(row["watch_until"])
    assert until is not None
    return Watch(alert_id=int(row["alert_id"]), url=row["url"], status=row["status"], sha256=row["sha256"],
                 first_fetched=from_epoch(row["first_fetched"]), checked=from_epoch(row["checked"]),
                 watch_until=until, etag=row["etag"], last_modified=row["last_modified"],
                 failures=int(row["failures"]))


def _version(row: Any) -> Version:
    fetched = from_epoch(row["fetched"])
    assert fetched is not None
    return Version(id=int(row["id"]), alert_id=int(row["alert_id"]), fetched=fetched,
                   http_status=row["http_status"], url=row["url"], final_url=row["final_url"],
                   text=row["text"], sha256=row["sha256"], compare_key=row["compare_key"],
                   content_type=row["content_type"])


def unarchived(store: Store, new_ids: list[int], kinds: tuple[str, ...], found_since: datetime,
               limit: int) -> list[tuple[int, str]]:
    """Up to `limit` (alert id, url) of alerts of `kinds` with no page record yet: this cycle's first,
    then recent ones (those a busy cycle left over)."""
    marks = ",".join("?" * len(kinds))
    rows = list(store.conn.execute(
        f"SELECT a.id, a.url FROM alerts a LEFT JOIN page_watch w ON w.alert_id = a.id "
        f"WHERE w.alert_id IS NULL AND a.kind IN ({marks}) AND a.url != '' AND a.found >= ? "
        f"ORDER BY a.found DESC, a.id DESC LIMIT ?", (*kinds, to_epoch(found_since), limit + len(new_ids))))
    first = set(new_ids)
    rows.sort(key=lambda row: row[0] not in first)
    return [(int(row[0]), str(row[1])) for row in rows[:limit]]


def due(store: Store, now: datetime, force: bool, limit: int | None) -> list[Watch]:
    """Watched pages to look at now (every one under watch with `force`), oldest check first."""
    query = ("SELECT * FROM page_watch WHERE status IN ('pending', 'archived', 'edited') AND watch_until > ?"
             + ("" if force else " AND (next_check IS NULL OR next_check <= ?)")
             + " ORDER BY next_check, alert_id" + ("" if limit is None else f" LIMIT {int(limit)}"))
    params: tuple[float, ...] = (to_epoch(now),) if force else (to_epoch(now), to_epoch(now))
    return [_watch(row) for row in store.conn.execute(query, params)]


def watch(store: Store, alert_id: int) -> Watch | None:
    row = store.conn.execute("SELECT * FROM page_watch WHERE alert_id = ?", (alert_id,)).fetchone()
    return None if row is None else _watch(row)


def versions(store: Store, alert_id: int) -> list[Version]:
    """Every archived version of an alert's page, oldest first (without the raw HTML)."""
    return [_version(row) for row in store.conn.execute(
        "SELECT id, alert_id, fetched, http_status, url, final_url, text, sha256, compare_key, content_type "
        "FROM page_versions WHERE alert_id = ? ORDER BY id", (alert_id,))]


def raw_html(store: Store, version_id: int) -> bytes:
    row = store.conn.execute("SELECT html FROM page_versions WHERE id = ?", (version_id,)).fetchone()
    return b"" if row is None else zlib.decompress(row[0])


def _add_version(store: Store, alert_id: int, snap: PageSnapshot) -> None:
    store.conn.execute(
        "INSERT INTO page_versions(alert_id, fetched, http_status, url, final_url, text, sha256, compare_key, "
        "content_type, html) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (alert_id, to_epoch(snap.fetched), snap.status, snap.url, snap.final_url, snap.text, snap.sha256,
         snap.key, snap.content_type, zlib.compress(snap.html, 6)))


def record_first(store: Store, alert_id: int, snap: PageSnapshot, until: datetime,
                 next_check: datetime | None) -> bool:
    """The first look at an alert's page; True when a version was archived. A page not there yet (a feed
    often announces it before it is published) stays pending and is looked at again on the schedule."""
    archived = snap.outcome == "text"
    status = "archived" if archived else "pending"
    with store.transaction():
        store.conn.execute(
            "INSERT OR IGNORE INTO page_watch(alert_id, url, status, sha256, first_fetched, checked, next_check, "
            "watch_until, etag, last_modified, failures, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (alert_id, snap.url, status, snap.sha256 or None, to_epoch(snap.fetched) if archived else None,
             to_epoch(snap.fetched), to_epoch(next_check) if next_check else None, to_epoch(until),
             snap.etag if archived else None, snap.last_modified if archived else None,
             0 if archived else 1, snap.error))
        if archived:
            _add_version(store, alert_id, snap)
    return archived


def record_check(store: Store, current: Watch, snap: PageSnapshot, next_check: datetime | None) -> str | None:
    """Store a re-check of a watched page; 'edited' or 'removed' when that is what it found, else None."""
    if current.status == "pending":
        with store.transaction():
            store.conn.execute("DELETE FROM page_watch WHERE alert_id = ?", (current.alert_id,))
        until = current.watch_until
        record_first(store, current.alert_id, snap, until, next_check)
        return None
    fetched = to_epoch(snap.fetched)
    upcoming = to_epoch(next_check) if next_check else None
    change: str | None = None
    with store.transaction() as conn:
        if snap.outcome in ("gone", "moved"):
            change = "removed"
            conn.execute("UPDATE page_watch SET status = 'removed', checked = ?, next_check = NULL, changed = ?, "
                         "last_error = ? WHERE alert_id = ?",
                         (fetched, fetched, snap.error or f"moved to {snap.final_url}", current.alert_id))
        elif snap.outcome == "failed":
            conn.execute("UPDATE page_watch SET checked = ?, next_check = ?, failures = failures + 1, "
                         "last_error = ? WHERE alert_id = ?", (fetched, upcoming, snap.error, current.alert_id))
        else:
            latest = conn.execute("SELECT compare_key FROM page_versions WHERE alert_id = ? ORDER BY id DESC "
                                  "LIMIT 1", (current.alert_id,)).fetchone()
            if snap.outcome == "text" and (latest is None or latest[0] != snap.key):
                change = "edited"
                _add_version(store, current.alert_id, snap)
                conn.execute("UPDATE page_watch SET status = 'edited', sha256 = ?, changed = ? WHERE alert_id = ?",
                             (snap.sha256, fetched, current.alert_id))
            conn.execute(
                "UPDATE page_watch SET checked = ?, next_check = ?, failures = 0, last_error = NULL, "
                "etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified) WHERE alert_id = ?",
                (fetched, upcoming, snap.etag, snap.last_modified, current.alert_id))
    return change


def first_texts(store: Store, alert_ids: list[int]) -> dict[int, tuple[str, str]]:
    """The first archived text of each alert's page (what was said) and the alert's title."""
    found: dict[int, tuple[str, str]] = {}
    for start in range(0, len(alert_ids), 500):
        chunk = alert_ids[start:start + 500]
        rows = store.conn.execute(
            f"SELECT v.alert_id, v.text, a.title FROM page_versions v JOIN alerts a ON a.id = v.alert_id "
            f"WHERE v.id IN (SELECT MIN(id) FROM page_versions WHERE alert_id IN ({','.join('?' * len(chunk))}) "
            f"GROUP BY alert_id)", chunk)
        for alert_id, text, title in rows:
            found[int(alert_id)] = (text, title)
    return found
