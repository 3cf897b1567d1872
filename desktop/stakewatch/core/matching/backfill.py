"""Matching the items already stored against entities that are new or changed.

An entity added (or whose aliases, context or excludes changed) would otherwise
see only the future; `backfill` finds it in the inbox's past. Its alerts are
marked `backfilled`: they fill the inbox and are never handed to the
notification policy. Runs on the thread that owns the Store (a worker thread in
the tray app); reading and matching happen outside the write transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import partial
from typing import Any

import ahocorasick

from ..i18n import Message, translate
from ..model import Entity, Item, Watchlist
from ..store import ingesting as item_rows
from ..store.database import Store, to_epoch
from ..text import compact, fold
from .ingest import prefer_publisher, record_alert
from .matcher import Match, Matcher, compact_term
from .story_index import StoryIndex, assign_story
from .variants import spellings

EntityKey = tuple[str, str]
BATCH = 2_000
MATCHED = translate("Backfill", "{n} stored {n:?item|items} matched the new or changed entities")


@dataclass(frozen=True)
class BackfillResult:
    """How many stored items named the entities, and how many alerts that added."""

    matched_items: int = 0
    new_alerts: int = 0

    def message(self) -> Message:
        return MATCHED(n=self.matched_items)


def _matching_form(entity: Entity) -> Entity:
    return replace(entity, priority=False, muted=False)


def changed_entities(before: Sequence[Watchlist], after: Sequence[Watchlist]) -> list[EntityKey]:
    """(watchlist, entity) of the entities in `after` that are new or match differently than in `before`."""
    old = {(w.name.casefold(), e.name.casefold()): e for w in before for e in w.entities}
    changed: list[EntityKey] = []
    for watchlist in after:
        for entity in watchlist.entities:
            previous = old.get((watchlist.name.casefold(), entity.name.casefold()))
            if previous is None or _matching_form(previous) != _matching_form(entity) \
                    or previous.extra != entity.extra:
                changed.append((watchlist.name, entity.name))
    return changed


def _subset(watchlists: Sequence[Watchlist], keys: Sequence[EntityKey]) -> list[Watchlist]:
    wanted = {(w.casefold(), e.casefold()) for w, e in keys}
    chosen = [replace(w, entities=tuple(e for e in w.entities
                                        if (w.name.casefold(), e.name.casefold()) in wanted))
              for w in watchlists]
    return [w for w in chosen if w.entities]


Hit = tuple[Any, list[Match]]


def _alias_screen(watchlists: Sequence[Watchlist]) -> Any:
    """An automaton of the compact aliases: text without any of them cannot match, so the full
    matcher (context, excludes, spans) runs only on the few items that pass. None: screen nothing."""
    automaton = ahocorasick.Automaton()
    for watchlist in watchlists:
        for entity in watchlist.entities:
            for alias in (*entity.terms, *entity.office_terms):
                key, _splittable = compact_term(alias.text)
                if not key:
                    return None
                for spelling in spellings(key):
                    automaton.add_word(spelling, True)
    if not len(automaton):
        return None
    automaton.make_automaton()
    return automaton


def _passes(screen: Any, text: str) -> bool:
    if screen is None:
        return True
    for _found in screen.iter(compact(fold(text))):
        return True
    return False


def _find(store: Store, matcher: Matcher, screen: Any, wanted: set[EntityKey]) -> list[Hit]:
    hits: list[Hit] = []
    last = -1
    while True:
        rows = store.read(partial(item_rows.items_after, last=last, limit=BATCH))
        if not rows:
            return hits
        for row in rows:
            text = "\n".join(part for part in (row["title"], row["summary"], row["content"]) if part)
            if not _passes(screen, text):
                continue
            matches = [m for m in matcher.match(text, datetime.fromtimestamp(float(row["published"]), UTC).date())
                       if (m.watchlist, m.entity) in wanted]
            if matches:
                hits.append((row, matches))
        last = int(rows[-1]["id"])


def backfill(store: Store, entities: Sequence[EntityKey], now: datetime | None = None) -> BackfillResult:
    """Match every stored item against `entities` and store their alerts silently. Raises sqlite3 errors."""
    everything = store.watchlists()
    chosen = _subset(everything, entities)
    if not chosen:
        return BackfillResult()
    wanted = {(w.name, e.name) for w in chosen for e in w.entities}
    related = {name.casefold() for w in chosen for e in w.entities for name in e.related}
    context = [(w.name, e.name) for w in everything for e in w.entities if e.name.casefold() in related]
    matcher = Matcher(_subset(everything, [*wanted, *context]))  # related entities count as context
    hits = _find(store, matcher, _alias_screen(chosen), wanted)
    if not hits:
        return BackfillResult()
    stamp = to_epoch(now or datetime.now(UTC))
    entity_ids = store.entity_ids()
    official = store.read(item_rows.officials)
    index = StoryIndex()
    new_alerts = 0
    with store.transaction() as conn:
        for row, matches in hits:
            item = Item(row["guid"], row["url"], row["title"], row["summary"], row["content"])
            source_id, item_id, published = int(row["source_id"]), int(row["id"]), float(row["published"])
            story_id = row["story_id"]
            if story_id is None:
                story_id = assign_story(conn, source_id, item, published, stamp, index, matches,
                                        same_entities=False)
                item_rows.set_item_story(conn, item_id, story_id)
            for match in matches:
                entity_id = entity_ids.get((match.watchlist, match.entity))
                if entity_id is None:
                    continue
                if record_alert(conn, entity_id, story_id, item_id, source_id, item, match,
                                match.entity.casefold() in official.get(source_id, frozenset()),
                                published, stamp, backfilled=True) is not None:
                    new_alerts += 1
            prefer_publisher(conn, story_id)
    return BackfillResult(matched_items=len(hits), new_alerts=new_alerts)
