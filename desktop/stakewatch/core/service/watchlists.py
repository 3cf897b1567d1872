"""Watchlists as a user keeps them: the editor's one-at-a-time edits, import and export, backfill,
alias suggestions and the Test panel. Store's thread unless a docstring says otherwise."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..exchange import editing
from ..exchange.transfer import Config, export_file, import_file, parse_entity
from ..i18n import translate
from ..matching.aliases import Candidate, count_matches, suggest, suggest_for
from ..matching.backfill import BackfillResult, backfill, changed_entities
from ..matching.matcher import Match, Matcher
from ..model import Entity, Item, Source, UserError, Watchlist
from ..store import editing as store_editing
from ..store.aliases import recent_texts
from ..store.database import Store
from ..store.editing import Snapshot

EntityKey = tuple[str, str]
NO_WATCHLIST = translate("Commands", "no watchlist named {name!r} (there are: {names})")


class Watchlists:
    """Watchlists, their entities and the sources: read, edited, imported, exported."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def all(self) -> list[Watchlist]:
        return self._store.watchlists()

    def names(self) -> list[str]:
        return [w.name for w in self._store.watchlists()]

    def require(self, name: str | None, title: str) -> None:
        """Refuse a watchlist name that does not exist, listing the names that do (UserError)."""
        names = self.names()
        if name is not None and name not in names:
            raise UserError(title, NO_WATCHLIST(name=name, names=", ".join(names) or "none"))

    def sources(self, enabled_only: bool = False) -> list[Source]:
        return self._store.sources(enabled_only=enabled_only)

    def is_empty(self) -> bool:
        return self._store.is_empty()

    # editing ------------------------------------------------------------------------------------

    def add_watchlist(self, name: str) -> Watchlist:
        return editing.add_watchlist(self._store, name)

    def save_watchlist(self, original: str, name: str, muted: bool) -> Watchlist:
        return store_editing.save_watchlist(self._store, original, name, muted)

    def save_entity(self, watchlist: str, original: str | None, entity: Entity) -> list[EntityKey]:
        """Store an entity (new or renamed); the entities whose matching changed, for `backfill`."""
        before = self._store.watchlists()
        store_editing.save_entity(self._store, watchlist, original, entity)
        return changed_entities(before, self._store.watchlists())

    def save_source(self, original: str | None, source: Source) -> None:
        store_editing.save_source(self._store, original, source)

    def delete_entity(self, watchlist: str, name: str) -> Snapshot:
        return store_editing.delete_entity(self._store, watchlist, name)

    def delete_watchlist(self, name: str) -> Snapshot:
        return store_editing.delete_watchlist(self._store, name)

    def delete_source(self, name: str) -> Snapshot:
        return store_editing.delete_source(self._store, name)

    def restore(self, snapshot: Snapshot) -> None:
        """Undo a deletion."""
        store_editing.restore(self._store, snapshot)

    @staticmethod
    def validate_entity(data: dict[str, Any], siblings: list[str], original: str | None = None,
                        known: Sequence[str] = ()) -> Entity:
        """An Entity from form data, or Refused saying why (as import would). Any thread."""
        return editing.validate_entity(data, siblings, original, known)

    @staticmethod
    def validate_source(data: dict[str, Any], siblings: list[str], original: str | None = None) -> Source:
        return editing.validate_source(data, siblings, original)

    @staticmethod
    def parse_entity(data: dict[str, Any], where: str = "entity") -> Entity:
        return parse_entity(data, where)

    # matching what is stored ----------------------------------------------------------------------

    def backfill(self, entities: list[EntityKey]) -> BackfillResult:
        """Match the stored items against new or changed entities; their alerts are silent."""
        return backfill(self._store, entities)

    def recent_items(self, limit: int) -> list[tuple[Item, str]]:
        return store_editing.recent_items(self._store, limit)

    def recent_texts(self) -> list[str]:
        """The stored texts alias suggestions are counted against."""
        return recent_texts(self._store)

    def entity_with_alias(self, alias: str) -> Entity | None:
        """The first entity that `alias` names (any case), if any."""
        wanted = alias.strip().casefold()
        return next((e for w in self._store.watchlists() for e in w.entities
                     if wanted in {a.casefold() for a in e.all_aliases}), None)

    def suggest_aliases(self, name: str, entity: Entity | None = None) -> list[Candidate]:
        """Other spellings of `name` (or of `entity`) with how many stored items carry each. Raises
        OSError or ValueError when the reading table is missing or damaged."""
        return count_matches(suggest_for(entity) if entity is not None else suggest(name), self.recent_texts())

    # files --------------------------------------------------------------------------------------

    def import_config(self, path: Path) -> Config:
        return import_file(self._store, path)

    def export_file(self, path: Path) -> None:
        export_file(self._store, path)


def suggest_with_counts(name: str, texts: Sequence[str], entity: Entity | None = None) -> list[Candidate]:
    """Suggestions and their counts in `texts` (pure work: any thread); none when the reading table is
    missing or damaged."""
    try:
        found = suggest_for(entity) if entity is not None else suggest(name)
        return count_matches(found, texts)
    except (OSError, ValueError):
        return []


def try_entity(entity: Entity, items: Sequence[tuple[Item, str]]) -> list[tuple[Item, str, Match]]:
    """Which of `items` the entity as typed would match, and with which words. Any thread."""
    matcher = Matcher([Watchlist("test", (entity,))])
    return [(item, source, found[0]) for item, source in items if (found := matcher.match_item(item))]
