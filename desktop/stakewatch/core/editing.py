"""Editing watchlists, entities and sources one at a time, with undo for deletions.

Validation is the importer's (transfer.parse_*), so the editor refuses exactly
what import refuses, with the same words. A deletion returns a Snapshot of
every row it removed (the entity's alerts, the source's items) so that undo
puts them back as they were. Runs on the thread that owns the Store.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .model import Entity, Source, UserError, Watchlist
from .store import Store
from .transfer import Refused, parse_entity, parse_source

# parents before children, so that restoring in this order satisfies foreign keys
_TABLES = ("watchlists", "entities", "sources", "items", "alerts", "alert_sources")


@dataclass(frozen=True)
class Snapshot:
    """Rows removed by a deletion, by table; enough to undo it."""

    label: str
    rows: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]


def _unique(kind: str, name: str, siblings: list[str], original: str | None) -> None:
    others = {s.casefold() for s in siblings if original is None or s.casefold() != original.casefold()}
    if name.casefold() in others:
        raise Refused(f"{kind}.name", f"duplicate {kind} name {name!r}" + (" in this watchlist" if kind == "entity"
                                                                           else ""))


def validate_entity(data: dict[str, Any], siblings: list[str], original: str | None = None) -> Entity:
    """An Entity from form data, or Refused saying why (as import would)."""
    entity = parse_entity(data, "entity")
    _unique("entity", entity.name, siblings, original)
    return entity


def validate_source(data: dict[str, Any], siblings: list[str], original: str | None = None) -> Source:
    source = parse_source(data, "source")
    _unique("source", source.name, siblings, original)
    return source


def _rows(store: Store, table: str, where: str, params: tuple[Any, ...]) -> tuple[dict[str, Any], ...]:
    return tuple(dict(row) for row in store.conn.execute(f"SELECT * FROM {table} WHERE {where}", params))


def _bump(store: Store, conn: Any) -> None:
    store.set_setting("config_version", store.config_version() + 1, conn)


def _watchlist_id(store: Store, name: str) -> int:
    row = store.conn.execute("SELECT id FROM watchlists WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise UserError("Watchlists", f"no watchlist named {name!r}")
    return int(row[0])


def add_watchlist(store: Store, name: str) -> Watchlist:
    name = name.strip()
    if not name:
        raise Refused("watchlist.name", "must not be empty")
    if any(w.name.casefold() == name.casefold() for w in store.watchlists()):
        raise Refused("watchlist.name", f"duplicate watchlist name {name!r}")
    watchlist = Watchlist(name)
    store.apply_config([watchlist], [])
    return watchlist


def save_entity(store: Store, watchlist: str, original: str | None, entity: Entity) -> None:
    """Add `entity`, or replace the one named `original` (renaming keeps its alerts)."""
    watchlist_id = _watchlist_id(store, watchlist)
    values = (entity.name, entity.kind, json.dumps(list(entity.aliases), ensure_ascii=False),
              json.dumps(list(entity.context), ensure_ascii=False),
              json.dumps(list(entity.exclude), ensure_ascii=False), int(entity.priority), int(entity.muted),
              json.dumps(entity.extra, ensure_ascii=False))
    with store.transaction() as conn:
        updated = 0
        if original is not None:
            updated = conn.execute(
                "UPDATE entities SET name = ?, kind = ?, aliases = ?, context = ?, exclude = ?, priority = ?, "
                "muted = ?, extra = ? WHERE watchlist_id = ? AND name = ?",
                (*values, watchlist_id, original)).rowcount
        if not updated:
            position = conn.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM entities WHERE watchlist_id = ?",
                                    (watchlist_id,)).fetchone()[0]
            conn.execute("INSERT INTO entities(name, kind, aliases, context, exclude, priority, muted, extra, "
                         "watchlist_id, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
        raise UserError("Watchlists", f"no entity named {name!r} in {watchlist!r}")
    entity_id = int(row[0])
    alerts = "alert_id IN (SELECT id FROM alerts WHERE entity_id = ?)"
    return _delete(store, f"entity {name}",
                   [("entities", "id = ?", (entity_id,)), ("alerts", "entity_id = ?", (entity_id,)),
                    ("alert_sources", alerts, (entity_id,))],
                   "DELETE FROM entities WHERE id = ?", (entity_id,))


def delete_watchlist(store: Store, name: str) -> Snapshot:
    watchlist_id = _watchlist_id(store, name)
    entities = "entity_id IN (SELECT id FROM entities WHERE watchlist_id = ?)"
    return _delete(store, f"watchlist {name}",
                   [("watchlists", "id = ?", (watchlist_id,)), ("entities", "watchlist_id = ?", (watchlist_id,)),
                    ("alerts", entities, (watchlist_id,)),
                    ("alert_sources", f"alert_id IN (SELECT id FROM alerts WHERE {entities})", (watchlist_id,))],
                   "DELETE FROM watchlists WHERE id = ?", (watchlist_id,))


def delete_source(store: Store, name: str) -> Snapshot:
    row = store.conn.execute("SELECT id FROM sources WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise UserError("Sources", f"no source named {name!r}")
    source_id = int(row[0])
    return _delete(store, f"source {name}",
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


def save_watchlist(store: Store, original: str, name: str, muted: bool) -> Watchlist:
    """Rename and/or mute a watchlist; its entities and their alerts stay. Raises Refused."""
    name = name.strip()
    if not name:
        raise Refused("watchlist.name", "must not be empty")
    others = [w.name for w in store.watchlists() if w.name.casefold() != original.casefold()]
    if name.casefold() in {o.casefold() for o in others}:
        raise Refused("watchlist.name", f"duplicate watchlist name {name!r}")
    watchlist_id = _watchlist_id(store, original)
    with store.transaction() as conn:
        conn.execute("UPDATE watchlists SET name = ?, muted = ? WHERE id = ?", (name, int(muted), watchlist_id))
        _bump(store, conn)
    return Watchlist(name, muted=muted)
