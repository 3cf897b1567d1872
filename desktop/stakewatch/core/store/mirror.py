"""What an attached desk keeps of its team database: the alerts it has read, with their watchlists,
sources and stories, in a SQLite file of the data folder (team-cache.db). When the team server cannot
be reached the desk opens this file instead, and says so: it shows what it had.

Runs on the thread that owns the Stores; raises UserError.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .database import Store, to_epoch
from .errors import StorageError

CACHE = "team-cache.db"
FIRST = 500  # alerts copied when a desk attaches: the newest


def cache_path(store: Store) -> Path:
    return store.path.with_name(CACHE)


def mirror(team: Store, alert_ids: Sequence[int] | None = None) -> int:
    """Copy `alert_ids` (None: the newest FIRST) and the configuration they belong to into the cache."""
    alerts = team.alerts(ids=alert_ids) if alert_ids is not None else team.alerts(limit=FIRST)
    if not alerts:
        return 0
    with Store(cache_path(team), local=True) as cache:
        cache.apply_config(team.watchlists(), [replace(s, id=None) for s in team.sources()])
        entities = cache.entity_ids()
        sources = {s.name: s.id for s in cache.sources()}
        with cache.transaction() as conn:
            for alert in alerts:
                entity = entities.get((alert.watchlist, alert.entity))
                if entity is None:
                    continue
                conn.execute("INSERT OR IGNORE INTO stories(id, title, tokens, published, created) "
                             "VALUES (?, ?, '[]', ?, ?)", (alert.story, alert.title, to_epoch(alert.published),
                                                           to_epoch(alert.found)))
                conn.execute(
                    "INSERT OR REPLACE INTO alerts(id, entity_id, story_id, kind, title, url, published, found, "
                    "matched, snippet, read, record, backfilled, note, note_by, flagged, flagged_by) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (alert.id, entity, alert.story, getattr(alert.kind, "value", alert.kind), alert.title, alert.url,
                     to_epoch(alert.published), to_epoch(alert.found), _json(alert.matched), alert.snippet,
                     int(alert.read), int(alert.record), int(alert.backfilled), alert.note, alert.note_by,
                     int(alert.flagged), alert.flagged_by))
                for added, name in enumerate(alert.sources):
                    if name in sources:
                        conn.execute("INSERT OR IGNORE INTO alert_sources(alert_id, source_id, added) "
                                     "VALUES (?, ?, ?)", (alert.id, sources[name], to_epoch(alert.found) + added))
                conn.execute("DELETE FROM alert_tags WHERE alert_id = ?", (alert.id,))
                conn.executemany("INSERT OR IGNORE INTO alert_tags(alert_id, tag) VALUES (?, ?)",
                                 [(alert.id, tag) for tag in alert.tags])
    return len(alerts)


def open_or_cached(root: Path, read_only: bool = False) -> tuple[Store, bool]:
    """The data folder's database (its team database when attached), or, when the team server cannot be
    reached, what the desk kept of it (empty when it kept nothing yet): (store, True). `read_only`: see
    Store. Raises UserError."""
    from ..platform.paths import data_dir, database_path
    from .attachment import UNREACHABLE, attached_server

    path = database_path(data_dir(root))
    cached = path.with_name(CACHE)
    if attached_server(path.parent) in UNREACHABLE and cached.is_file():
        return Store(cached, local=True, read_only=read_only), True
    try:
        return Store(path, read_only=read_only), False
    except StorageError as exc:
        if exc.kind != "offline":
            raise
        # nothing kept yet (the server never answered this desk): an empty copy, so that the desk still
        # opens, says why it shows nothing, and its address can be changed
        return Store(cached, local=True, read_only=read_only), True


def _json(values: Sequence[str]) -> str:
    import json

    return json.dumps(list(values), ensure_ascii=False)
