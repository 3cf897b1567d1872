"""Stories as the `stories` command lists them: the alerts of each story, gathered.

Pure functions over Alerts, any thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .model import Alert


@dataclass(frozen=True)
class StorySummary:
    """One story: its title and link (a statement's if there is one), who it names, who carried it."""

    story: int
    title: str
    url: str
    published: datetime
    entities: tuple[str, ...]
    kinds: tuple[str, ...]
    sources: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"story": self.story, "title": self.title, "url": self.url,
                "published": self.published.isoformat(), "entities": list(self.entities),
                "kinds": list(self.kinds), "sources": list(self.sources)}


def _distinct(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def summarise(alerts: Sequence[Alert]) -> list[StorySummary]:
    """The stories of `alerts` (newest alerts first), newest first."""
    groups: dict[int, list[Alert]] = {}
    for alert in alerts:
        groups.setdefault(alert.story, []).append(alert)
    summaries: list[StorySummary] = []
    for story, group in groups.items():
        chosen = min(group, key=lambda a: (a.kind != "statement", a.found, a.id))
        summaries.append(StorySummary(
            story=story, title=chosen.title, url=chosen.url,
            published=min(a.published for a in group),
            entities=_distinct([a.entity for a in sorted(group, key=lambda a: a.id)]),
            kinds=_distinct(sorted(a.kind for a in group)),
            sources=_distinct([s for a in sorted(group, key=lambda a: a.id) for s in a.sources])))
    return sorted(summaries, key=lambda s: (s.published, s.story), reverse=True)
