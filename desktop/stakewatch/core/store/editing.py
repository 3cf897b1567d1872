"""The SQL of one-at-a-time edits: saving, renaming, deleting with a snapshot, restoring.

Runs on the thread that owns the Store; each function is one transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..i18n import translate
from ..model import Entity, Item, Source, UserError, Watchlist
from .database import Store

WATCHLISTS = translate("Editing", "Watchlists")
SOURCES = translate("Editing", "Sources")
NO_WATCHLIST = translate("Editing", "no watchlist named '{name}'")
NO_ENTITY = translate("Editing", "no entity named '{name}' in '{watchlist}'")
NO_SOURCE = translate("Editing", "no source named '{name}'")
ENTITY_LABEL = translate("Editing", "entity {name}")
WATCHLIST_LABEL = translate("Editing", "watchlist {name}")
SOURCE_LABEL = translate("Editing", "source {name}")

# parents before children, so that restoring in this order satisfies foreign keys
_TABLES = ("watchlists", "entities", "sources", "items", "alerts", "alert_sources")


@dataclass(frozen=True)
class Snapshot:
    """Rows removed by a deletion, by table; enough to undo it."""

    label: str
    rows: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]


def _rows(store: Store, table: str, where: str, params: tuple[Any, ...]) -> tuple[dict[str, Any], ...]:
    return tuple(dict(row) for row in store.conn.execute(f"SELECT * FROM {table} WHERE {where}", params))


def _bump(store: Store, conn: Any) -> None:
    store.set_setting("config_version", store.config_version() + 1, conn)


def _watchlist_id(store: Store, name: str) -> int:
    row = store.conn.execute("SELECT id FROM watchlists WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise UserError(WATCHLISTS, NO_WATCHLIST(name=name))
    return int(row[0])


def save_entity(store: Store, watchlist: str, original: str | None, entity: Entity) -> None:
    """Add `entity`, or replace the one named `original` (renaming keeps its alerts)."""
    watchlist_id = _watchlist_id(store, watchlist)
    values = (entity.name, entity.kind, json.dumps(entity.aliases_json(), ensure_ascii=False),
              json.dumps(list(entity.context), ensure_ascii=False),
              json.dumps(list(entity.exclude), ensure_ascii=False),
              json.dumps(list(entity.veto), ensure_ascii=False), int(entity.priority), int(entity.muted),
              json.dumps(entity.extra, ensure_ascii=False), json.dumps(entity.details_json(), ensure_ascii=False))
    with store.transaction() as conn:
        updated = 0
        if original is not None:
            updated = conn.execute(
                "UPDATE entities SET name = ?, kind = ?, aliases = ?, context = ?, exclude = ?, veto = ?, "
                "priority = ?, muted = ?, extra = ?, details = ? WHERE watchlist_id = ? AND name = ?",
                (*values, watchlist_id, original)).rowcount
        if not updated:
            position = conn.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM entities WHERE watchlist_id = ?",
                                    (watchlist_id,)).fetchone()[0]
            conn.execute("INSERT INTO entities(name, kind, aliases, context, exclude, veto, priority, muted, "
                         "extra, details, watchlist_id, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (*values, watchlist_id, position))
        _bump(store, conn)


def save_source(store: Store, original: str | None, source: Source) -> None:
    """Add `source`, or replace the one named `original`; a new URL forgets the old validators."""
    with store.transaction() as conn:
        if original is not None and original.casefold() != source.name.casefold():
            conn.execute("UPDATE sources SET name = ? WHERE name = ?", (source.name, original))
        _bump(store, conn)
    store.apply_config([], [source])


def _delete(store: Store, label: str, captured: list[tuple[str, str, tuple[Any, ...]]],
            statement: str, params: tuple[Any, ...]) -> Snapshot:
    rows = tuple((table, _rows(store, table, where, args)) for table, where, args in captured)
    with store.transaction() as conn:
        conn.execute(statement, params)
        _bump(store, conn)
    return Snapshot(label, rows)


def delete_entity(store: Store, watchlist: str, name: str) -> Snapshot:
    watchlist_id = _watchlist_id(store, watchlist)
    row = store.conn.execute("SELECT id FROM entities WHERE watchlist_id = ? AND name = ?",
                             (watchlist_id, name)).fetchone()
    if row is None:
        raise UserError(WATCHLISTS, NO_ENTITY(name=name, watchlist=watchlist))
    entity_id = int(row[0])
    alerts = "alert_id IN (SELECT id FROM alerts WHERE entity_id = ?)"
    return _delete(store, str(ENTITY_LABEL(name=name)),
                   [("entities", "id = ?", (entity_id,)), ("alerts", "entity_id = ?", (entity_id,)),
                    ("alert_sources", alerts, (entity_id,))],
                   "DELETE FROM entities WHERE id = ?", (entity_id,))


def delete_watchlist(store: Store, name: str) -> Snapshot:
    watchlist_id = _watchlist_id(store, name)
    entities = "entity_id IN (SELECT id FROM entities WHERE watchlist_id = ?)"
    return _delete(store, str(WATCHLIST_LABEL(name=name)),
                   [("watchlists", "id = ?", (watchlist_id,)), ("entities", "watchlist_id = ?", (watchlist_id,)),
                    ("alerts", entities, (watchlist_id,)),
                    ("alert_sources", f"alert_id IN (SELECT id FROM alerts WHERE {entities})", (watchlist_id,))],
                   "DELETE FROM watchlists WHERE id = ?", (watchlist_id,))


def delete_source(store: Store, name: str) -> Snapshot:
    row = store.conn.execute("SELECT id FROM sources WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise UserError(SOURCES, NO_SOURCE(name=name))
    source_id = int(row[0])
    return _delete(store, str(SOURCE_LABEL(name=name)),
                   [("sources", "id = ?", (source_id,)), ("items", "source_id = ?", (source_id,)),
                    ("alert_sources", "source_id = ?", (source_id,))],
                   "DELETE FROM sources WHERE id = ?", (source_id,))


def restore(store: Store, snapshot: Snapshot) -> None:
    """Undo a deletion: put every captured row back, in one transaction."""
    captured = dict(snapshot.rows)
    with store.transaction() as conn:
        for table in _TABLES:
            for row in captured.get(table, ()):
                columns = ", ".join(row)
                conn.execute(f"INSERT OR REPLACE INTO {table} ({columns}) VALUES ({', '.join('?' * len(row))})",
                             tuple(row.values()))
        if "items" in captured:
            conn.executemany("UPDATE alerts SET item_id = ? WHERE id = ? AND item_id IS NULL",
                             [(r["item_id"], r["alert_id"]) for r in captured.get("alert_sources", ())])
        _bump(store, conn)


def recent_items(store: Store, limit: int) -> list[tuple[Item, str]]:
    """The newest stored items with their source's name, for trying an entity out."""
    rows = store.conn.execute(
        "SELECT i.guid, i.url, i.title, i.summary, i.content, s.name FROM items i "
        "JOIN sources s ON s.id = i.source_id ORDER BY i.published DESC LIMIT ?", (limit,))
    return [(Item(r[0], r[1], r[2], r[3], r[4]), r[5]) for r in rows]


def save_watchlist(store: Store, original: str, name: str, muted: bool) -> Watchlist:
    """Rename and/or mute a watchlist; its entities and their alerts stay. Raises Refused."""
    from ..model.values import DUPLICATE_WATCHLIST, NOT_EMPTY, Refused

    name = name.strip()
    if not name:
        raise Refused("watchlist.name", NOT_EMPTY)
    others = [w.name for w in store.watchlists() if w.name.casefold() != original.casefold()]
    if name.casefold() in {o.casefold() for o in others}:
        raise Refused("watchlist.name", DUPLICATE_WATCHLIST(name=name))
    watchlist_id = _watchlist_id(store, original)
    with store.transaction() as conn:
        conn.execute("UPDATE watchlists SET name = ?, muted = ? WHERE id = ?", (name, int(muted), watchlist_id))
        _bump(store, conn)
    return Watchlist(name, muted=muted)
