"""Editing watchlists, entities and sources one at a time, with undo for deletions.

Validation is the importer's (transfer.parse_*), so the editor refuses exactly
what import refuses, with the same words. A deletion returns a Snapshot of
every row it removed (the entity's alerts, the source's items) so that undo
puts them back as they were. Runs on the thread that owns the Store.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Entity, Source, Watchlist
from ..store.database import Store
from ..store.editing import (
    Snapshot,
    delete_entity,
    delete_source,
    delete_watchlist,
    recent_items,
    restore,
    save_entity,
    save_source,
    save_watchlist,
)
from .fields import DUPLICATE_ENTITY, DUPLICATE_SOURCE, DUPLICATE_WATCHLIST, NO_ENTITY, NOT_EMPTY, Refused
from .transfer import parse_entity, parse_source


def _unique(kind: str, name: str, siblings: list[str], original: str | None) -> None:
    others = {s.casefold() for s in siblings if original is None or s.casefold() != original.casefold()}
    if name.casefold() in others:
        raise Refused(f"{kind}.name", DUPLICATE_ENTITY(name=name) if kind == "entity"
                      else DUPLICATE_SOURCE(name=name))


def validate_entity(data: dict[str, Any], siblings: list[str], original: str | None = None,
                    known: Sequence[str] = ()) -> Entity:
    """An Entity from form data, or Refused saying why (as import would); `known` are the entities that
    exist, which its related entities must be among."""
    entity = parse_entity(data, "entity")
    _unique("entity", entity.name, siblings, original)
    names = {name.casefold() for name in known}
    for position, other in enumerate(entity.related):
        if known and other.casefold() not in names:
            raise Refused(f"entity.related[{position}]", NO_ENTITY(name=other))
    return entity


def validate_source(data: dict[str, Any], siblings: list[str], original: str | None = None) -> Source:
    source = parse_source(data, "source")
    _unique("source", source.name, siblings, original)
    return source


def add_watchlist(store: Store, name: str) -> Watchlist:
    name = name.strip()
    if not name:
        raise Refused("watchlist.name", NOT_EMPTY)
    if any(w.name.casefold() == name.casefold() for w in store.watchlists()):
        raise Refused("watchlist.name", DUPLICATE_WATCHLIST(name=name))
    watchlist = Watchlist(name)
    store.apply_config([watchlist], [])
    return watchlist


__all__ = ["Snapshot", "add_watchlist", "delete_entity", "delete_source", "delete_watchlist", "parse_entity",
           "recent_items", "restore", "save_entity", "save_watchlist", "save_source", "validate_entity",
           "validate_source"]
