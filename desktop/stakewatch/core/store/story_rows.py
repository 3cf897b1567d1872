"""Stories first: the alerts of one story folded into one row naming its entities.

Pure functions over Alerts, any thread. An alert is one (entity, story); a
story row keeps the lead alert's title and link (a statement before coverage,
a priority entity first) and lists every entity, each with its own kind.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..model import Alert, label_for


@dataclass(frozen=True)
class StoryRow:
    story: int
    title: str
    url: str
    published: datetime
    found: datetime
    entities: tuple[str, ...]
    kinds: dict[str, str]
    watchlists: tuple[str, ...]
    sources: tuple[str, ...]
    alerts: tuple[int, ...]
    read: bool
    flagged: bool
    tags: tuple[str, ...]
    notes: tuple[str, ...]
    names: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict, compare=False)
    note_authors: tuple[str, ...] = ()
    """Who wrote the notes (roles of a team database; empty on a desk)."""
    """Entity -> its names per language (see Entity.names)."""

    def label(self, entity: str) -> str:
        """An entity of the story as the reader's language names it."""
        return label_for(entity, self.names.get(entity, ()))

    @property
    def statements(self) -> tuple[str, ...]:
        return tuple(e for e in self.entities if self.kinds.get(e) == "statement")

    def to_json(self) -> dict[str, Any]:
        return {
            "story": self.story,
            "title": self.title,
            "url": self.url,
            "published": self.published.isoformat(),
            "found": self.found.isoformat(),
            "entities": list(self.entities),
            "entity_labels": [self.label(e) for e in self.entities],
            "kinds": dict(self.kinds),
            "watchlists": list(self.watchlists),
            "sources": list(self.sources),
            "alerts": list(self.alerts),
            "read": self.read,
            "flagged": self.flagged,
            "tags": list(self.tags),
            "notes": list(self.notes),
            "notes_by": list(self.note_authors),
        }


def _lead(group: Sequence[Alert]) -> Alert:
    return min(group, key=lambda a: (a.kind != "statement", not a.priority, a.found, a.id))


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def story_rows(alerts: Iterable[Alert]) -> list[StoryRow]:
    """One row per story, newest first (by the story's earliest publication)."""
    groups: dict[int, list[Alert]] = {}
    for alert in alerts:
        groups.setdefault(alert.story, []).append(alert)
    rows: list[StoryRow] = []
    for story, group in groups.items():
        lead = _lead(group)
        ordered = sorted(group, key=lambda a: (a.kind != "statement", a.id))
        kinds: dict[str, str] = {}
        for alert in ordered:
            if kinds.get(alert.entity) != "statement":
                kinds[alert.entity] = alert.kind
        rows.append(StoryRow(
            story=story, title=lead.title, url=lead.url,
            published=min(a.published for a in group), found=min(a.found for a in group),
            entities=_unique(a.entity for a in ordered), kinds=kinds,
            watchlists=_unique(a.watchlist for a in ordered),
            sources=_unique(s for a in ordered for s in (a.sources or (a.source,))),
            alerts=tuple(a.id for a in ordered), read=all(a.read for a in group),
            flagged=any(a.flagged for a in group),
            tags=tuple(sorted({t for a in group for t in a.tags})),
            notes=_unique(a.note for a in ordered),
            note_authors=_unique(a.note_by or "" for a in ordered if a.note),
            names={a.entity: a.entity_names for a in ordered if a.entity_names}))
    rows.sort(key=lambda r: (r.published, r.story), reverse=True)
    return rows
