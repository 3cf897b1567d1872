"""The briefing as data: sections, counts and series, with nothing about drawing.

`build_briefing` reads the store on the calling thread; everything it returns
is plain data that a renderer (pdf/briefing.py) lays out.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo

from ..delivery.policy import safe_link
from ..i18n import translate
from ..model import Alert
from ..pages.statement import comparison_text
from ..states import HealthStatus, health_label
from ..store.database import Store
from ..store.pages import first_texts

TITLE = translate("Briefing", "Stakewatch briefing")
LOCAL_TIME = translate("Briefing", "local time")
LIST = translate("Briefing", ", ")
"""How names are listed in a sentence: "A, B" in English, "A、B" in Japanese."""


@dataclass(frozen=True)
class Entry:
    """One alert as the briefing shows it; `url` is None unless it may become a link."""

    time: datetime
    title: str
    url: str | None
    sources: tuple[str, ...]
    snippet: str
    matched: tuple[str, ...]
    page: str | None = None
    quote: str = ""
    record: bool = False
    entity: str = ""
    kind: str = "coverage"
    note: str = ""
    tags: tuple[str, ...] = ()


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
    flagged: tuple[Entry, ...] = ()
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


SENTENCE_END = re.compile(r"[.!?\u3002\uff01\uff1f]")


def beyond_title(snippet: str, title: str) -> str:
    """The snippet without the title it repeats (news-search descriptions open with it, sometimes twice);
    a short remainder that is no sentence (the publisher's name) goes too."""
    flat = " ".join(snippet.split())
    heading = " ".join(title.split())
    rest = flat
    while heading and rest.startswith(heading):
        rest = rest[len(heading):].lstrip(" -\u2013\u2014:|.\u00b7\u3000\u3002")
    if rest == flat:
        return snippet
    return "" if len(rest) <= 20 and not SENTENCE_END.search(rest) else rest


def _entry(alert: Alert, zone: tzinfo | None, quoted: dict[int, str] | None = None) -> Entry:
    """`page` is the statement page's status (archived, edited, removed); `quote` its archived text's first lines."""
    return Entry(time=_local(alert.published, zone), title=alert.title, url=safe_link(alert.url),
                 sources=alert.sources or (alert.source,), snippet=beyond_title(alert.snippet, alert.title),
                 matched=alert.matched,
                 page=alert.page["status"] if alert.page else None, quote=(quoted or {}).get(alert.id, ""),
                 record=alert.record,
                 entity=alert.entity_label, kind=alert.kind, note=alert.note, tags=alert.tags)


def flagged_stories(alerts: Sequence[Alert], zone: tzinfo | None) -> tuple[Entry, ...]:
    """One entry per flagged story, oldest first: its entities together, every note and tag once."""
    by_story: dict[int, list[Alert]] = defaultdict(list)
    for alert in sorted(alerts, key=lambda a: (a.published, a.id)):
        by_story[alert.story].append(alert)
    entries = []
    for group in by_story.values():
        lead = min(group, key=lambda a: (a.kind != "statement", a.published))
        entries.append(replace(
            _entry(lead, zone), entity=LIST.render().join(dict.fromkeys(a.entity_label for a in group)),
            sources=tuple(dict.fromkeys(s for a in group for s in (a.sources or (a.source,)))),
            note="\n".join(dict.fromkeys(a.note for a in group if a.note)),
            tags=tuple(sorted({t for a in group for t in a.tags}))))
    return tuple(entries)


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
                            entities=tuple(dict.fromkeys(a.entity_label for a in group)),
                            sources=len({s for a in group for s in (a.sources or (a.source,))}),
                            statement=any(a.kind == "statement" for a in group)))
    return tuple(out)


def quotes(store: Store, alert_ids: list[int], lines: int = 3, limit: int = 280) -> dict[int, str]:
    """The first lines of each alert's archived text (the first version: what was said), stamps and the
    page title left out."""
    found: dict[int, str] = {}
    for alert_id, (text, title) in first_texts(store, alert_ids).items():
        kept = [line for line in comparison_text(text).split("\n") if line and line not in title]
        quote = "\n".join(kept[:lines])
        found[alert_id] = quote if len(quote) <= limit else quote[:limit - 1] + "\u2026"
    return found


def build_briefing(store: Store, start: datetime, end: datetime, watchlists: Sequence[str] | None = None,
                   entities: Sequence[str] | None = None, statements_only: bool = False,
                   zone: tzinfo | None = None, now: datetime | None = None,
                   tags: Sequence[str] = ()) -> Briefing:
    """Alerts published or found in [start, end], by watchlist and entity; flagged alerts first.

    `tags` keeps only alerts carrying every one of them. Store's thread."""
    generated = _local(now or datetime.now(start.tzinfo), zone)
    configured = store.watchlists()
    chosen = [w for w in configured if watchlists is None or w.name in watchlists]
    alerts = [a for a in store.alerts(since=start, tags=tags)
              if min(a.published, a.found) <= end and (entities is None or a.entity in entities)
              and (not statements_only or a.kind == "statement")]
    quoted = quotes(store, [a.id for a in alerts if a.page and a.kind == "statement"])
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
            statements = tuple(_entry(a, zone, quoted) for a in found if a.kind == "statement")
            coverage = tuple(_entry(a, zone) for a in found if a.kind != "statement")
            sources = {s for a in found for s in (a.sources or (a.source,))}
            label = entity.label()  # names are shown in the reader's language; `entities` filters by name
            summary.append(SummaryRow(watchlist.name, label, len(statements), len(coverage), len(sources)))
            counts: Counter[int] = Counter()
            for alert in found:
                moment = alert.published if alert.published >= start else alert.found
                day = _local(moment, zone).date()
                if day in index:
                    counts[index[day]] += 1
            if found:
                series[label] = tuple(counts.get(n, 0) for n in range(len(days)))
            entity_sections.append(EntitySection(label, statements, coverage))
        sections.append(WatchlistSection(watchlist.name, tuple(entity_sections)))

    shown = {w.name for w in chosen}
    flagged = flagged_stories([a for a in alerts if a.flagged and a.watchlist in shown], zone)
    failing = tuple((h.name, h.error or str(health_label(h.status))) for h in store.health(end)
                    if HealthStatus(h.status).bad)
    zone_name = generated.tzname() or LOCAL_TIME.render()
    kept = [a for a in alerts if a.watchlist in shown]
    return Briefing(title=TITLE.render(), start=_local(start, zone), end=_local(end, zone),
                    generated=generated, timezone=zone_name, watchlists=tuple(w.name for w in chosen),
                    summary=tuple(summary), days=days, series=series, failing=failing,
                    sections=tuple(sections), flagged=flagged, top=top_stories(kept, zone),
                    stories=len({a.story for a in kept}))
