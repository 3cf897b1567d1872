"""The briefing as data: sections, counts and series, with nothing about drawing.

`build_briefing` reads the store on the calling thread; everything it returns
is plain data that a renderer (qt/briefing_pdf.py) lays out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from .model import Alert
from .policy import safe_link
from .store import Store


@dataclass(frozen=True)
class Entry:
    """One alert as the briefing shows it; `url` is None unless it may become a link."""

    time: datetime
    title: str
    url: str | None
    sources: tuple[str, ...]
    snippet: str
    matched: tuple[str, ...]


@dataclass(frozen=True)
class EntitySection:
    name: str
    statements: tuple[Entry, ...]
    coverage: tuple[Entry, ...]


@dataclass(frozen=True)
class WatchlistSection:
    name: str
    entities: tuple[EntitySection, ...]


@dataclass(frozen=True)
class SummaryRow:
    watchlist: str
    entity: str
    statements: int
    coverage: int
    sources: int


@dataclass(frozen=True)
class TopStory:
    """One of the period's most carried stories, for the cover."""

    title: str
    url: str | None
    time: datetime
    entities: tuple[str, ...]
    sources: int
    statement: bool


@dataclass(frozen=True)
class Briefing:
    title: str
    start: datetime
    end: datetime
    generated: datetime
    timezone: str
    watchlists: tuple[str, ...]
    summary: tuple[SummaryRow, ...]
    days: tuple[date, ...]
    series: dict[str, tuple[int, ...]]
    failing: tuple[tuple[str, str], ...]
    sections: tuple[WatchlistSection, ...]
    top: tuple[TopStory, ...] = ()
    stories: int = 0
    """Distinct stories among the alerts (an alert is one entity and one story)."""

    @property
    def total(self) -> int:
        return sum(row.statements + row.coverage for row in self.summary)

    @property
    def empty(self) -> bool:
        return self.total == 0


def _local(moment: datetime, zone: tzinfo | None) -> datetime:
    return moment.astimezone(zone) if zone else moment.astimezone()


def _entry(alert: Alert, zone: tzinfo | None) -> Entry:
    return Entry(time=_local(alert.published, zone), title=alert.title, url=safe_link(alert.url),
                 sources=alert.sources or (alert.source,), snippet=alert.snippet, matched=alert.matched)


TOP_STORIES = 5


def top_stories(alerts: Sequence[Alert], zone: tzinfo | None, limit: int = TOP_STORIES) -> tuple[TopStory, ...]:
    """The stories carried by the most sources; then statements, then those naming the most entities, newest."""
    by_story: dict[int, list[Alert]] = defaultdict(list)
    for alert in alerts:
        by_story[alert.story].append(alert)

    def rank(group: list[Alert]) -> tuple[int, int, int, float]:
        sources = {s for a in group for s in (a.sources or (a.source,))}
        return (-len(sources), 0 if any(a.kind == "statement" for a in group) else 1,
                -len({a.entity for a in group}), -max(a.published for a in group).timestamp())

    chosen = sorted(by_story.values(), key=rank)[:limit]
    out = []
    for group in chosen:
        lead = min(group, key=lambda a: (a.kind != "statement", a.published))
        out.append(TopStory(title=lead.title, url=safe_link(lead.url), time=_local(lead.published, zone),
                            entities=tuple(dict.fromkeys(a.entity for a in group)),
                            sources=len({s for a in group for s in (a.sources or (a.source,))}),
                            statement=any(a.kind == "statement" for a in group)))
    return tuple(out)


def build_briefing(store: Store, start: datetime, end: datetime, watchlists: Sequence[str] | None = None,
                   entities: Sequence[str] | None = None, statements_only: bool = False,
                   zone: tzinfo | None = None, now: datetime | None = None) -> Briefing:
    """Alerts published or found in [start, end], by watchlist and entity. Store's thread."""
    generated = _local(now or datetime.now(start.tzinfo), zone)
    configured = store.watchlists()
    chosen = [w for w in configured if watchlists is None or w.name in watchlists]
    alerts = [a for a in store.alerts(since=start)
              if min(a.published, a.found) <= end and (entities is None or a.entity in entities)
              and (not statements_only or a.kind == "statement")]
    by_entity: dict[tuple[str, str], list[Alert]] = defaultdict(list)
    for alert in alerts:
        by_entity[(alert.watchlist, alert.entity)].append(alert)

    first_day = _local(start, zone).date()
    last_day = _local(end, zone).date()
    days = tuple(first_day + timedelta(days=n) for n in range((last_day - first_day).days + 1))
    index = {day: n for n, day in enumerate(days)}

    summary: list[SummaryRow] = []
    series: dict[str, tuple[int, ...]] = {}
    sections: list[WatchlistSection] = []
    for watchlist in chosen:
        entity_sections: list[EntitySection] = []
        for entity in watchlist.entities:
            if entities is not None and entity.name not in entities:
                continue
            found = sorted(by_entity.get((watchlist.name, entity.name), []), key=lambda a: a.published)
            statements = tuple(_entry(a, zone) for a in found if a.kind == "statement")
            coverage = tuple(_entry(a, zone) for a in found if a.kind != "statement")
            sources = {s for a in found for s in (a.sources or (a.source,))}
            summary.append(SummaryRow(watchlist.name, entity.name, len(statements), len(coverage), len(sources)))
            counts: Counter[int] = Counter()
            for alert in found:
                moment = alert.published if alert.published >= start else alert.found
                day = _local(moment, zone).date()
                if day in index:
                    counts[index[day]] += 1
            if found:
                series[entity.name] = tuple(counts.get(n, 0) for n in range(len(days)))
            entity_sections.append(EntitySection(entity.name, statements, coverage))
        sections.append(WatchlistSection(watchlist.name, tuple(entity_sections)))

    failing = tuple((h.name, h.last_error or h.status) for h in store.health(end)
                    if h.status in ("failing", "backing off"))
    zone_name = generated.tzname() or "local time"
    shown = [a for a in alerts if a.watchlist in {w.name for w in chosen}]
    return Briefing(title="Stakewatch briefing", start=_local(start, zone), end=_local(end, zone),
                    generated=generated, timezone=zone_name, watchlists=tuple(w.name for w in chosen),
                    summary=tuple(summary), days=days, series=series, failing=failing,
                    sections=tuple(sections), top=top_stories(shown, zone),
                    stories=len({a.story for a in shown}))
