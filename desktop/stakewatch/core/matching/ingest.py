"""Storing one source's fresh items: items -> matches -> stories -> alerts.

Runs on the thread that owns the Store, in one transaction per source, so a
crash never leaves half a source stored and a retry never duplicates (items are
unique per source and GUID, alerts per entity and story). An item that comes
back under its GUID with another title or text is a revision: the earlier
version is kept, the new one re-matched. A feed that gives one GUID to
different items in one answer has them told apart by their links.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from ..i18n import Message, translate
from ..model import Item, Source
from ..store import ingesting as rows
from ..store.columns import Connection
from ..store.database import Store, from_epoch, to_epoch
from .matcher import Match, Matcher, snippet
from .stories import canonical_url, is_news_redirect, strip_tracking, title_tokens
from .story_index import StoryIndex, assign_story, story_keys

__all__ = ["IngestResult", "StoryIndex", "Validators", "assign_story", "ingest", "record_alert", "story_keys"]

MAX_REVISIONS = 20
RELATED_TITLE_SHARE = 0.5
REUSED_GUIDS = translate("Ingest", "the feed gives one GUID to different items: they are told apart by their links")
NOTES = translate("Ingest", "{first}; {second}")


@dataclass
class IngestResult:
    new_items: int = 0
    matched_items: int = 0
    revised_items: int = 0
    reused_guids: bool = False
    new_alerts: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Validators:
    """What a successful fetch leaves behind for the next conditional GET."""

    url: str
    etag: str | None
    last_modified: str | None


def distinct_guids(items: Sequence[Item]) -> tuple[list[Item], bool]:
    """`items` with GUIDs that tell them apart, and whether the feed reused a GUID for different items.

    Repeats of one item are dropped; different items under one GUID get their link as identity (the
    link and a hash of the title when the links are shared too).
    """
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(item.guid, []).append(item)
    if len(groups) == len(items):
        return list(items), False
    reused = False
    seen: set[str] = set()
    kept: list[Item] = []
    for item in items:
        group = groups[item.guid]
        identity = item.guid
        if len(group) > 1 and len({(canonical_url(i.url), i.title) for i in group}) > 1:
            reused = True
            link = canonical_url(item.url)
            if link and sum(1 for i in group if canonical_url(i.url) == link) == 1:
                identity = item.url
            else:
                digest = hashlib.sha256(item.title.encode("utf-8", "replace")).hexdigest()[:16]
                identity = f"{item.url or item.guid}#{digest}"
        if identity in seen:
            continue
        seen.add(identity)
        kept.append(item if identity == item.guid else replace(item, guid=identity))
    return kept, reused


def record_alert(conn: Connection, entity_id: int, story_id: int, item_id: int,
                 source_id: int, item: Item, match: Match, official: bool, published: float,
                 now: float, backfilled: bool = False) -> int | None:
    """Insert the alert or add this source to it; the new alert's id, or None."""
    return rows.record_alert(conn, entity_id, story_id, item_id, source_id, item.title, item.url, match.matched,
                             match.snippet, item.record, official, published, now, backfilled)


def prefer_publisher(conn: Connection, story_id: int) -> None:
    """Alerts of a story that link to a news-search redirect link to the publisher's copy, if any."""
    alerts = [alert_id for alert_id, url in rows.story_alert_links(conn, story_id) if is_news_redirect(url)]
    if not alerts:
        return
    for item_id, url, title in rows.story_item_links(conn, story_id):
        if url and not is_news_redirect(url):
            rows.point_alerts(conn, alerts, item_id, url, title)
            return


@dataclass(frozen=True)
class _Context:
    """What every item of one ingest shares."""

    source: Source
    source_id: int
    matcher: Matcher
    entity_ids: dict[tuple[str, str], int]
    official_for: frozenset[str]
    stamp: float
    stories: StoryIndex


def _alerts_for(conn: Connection, ctx: _Context, item: Item, item_id: int, story_id: int | None,
                published: float, result: IngestResult) -> None:
    matches = item_matches(item, ctx.matcher, ctx.entity_ids, ctx.source, from_epoch(ctx.stamp))
    if not matches:
        return
    result.matched_items += 1
    speakers = {name.casefold() for name in item.statement_for}
    if story_id is None:
        story_id = assign_story(conn, ctx.source_id, item, published, ctx.stamp, ctx.stories, matches)
        rows.set_item_story(conn, item_id, story_id)
    for match in matches:
        entity_id = ctx.entity_ids.get((match.watchlist, match.entity))
        if entity_id is None:
            continue
        official = match.entity.casefold() in ctx.official_for or match.entity.casefold() in speakers
        alert_id = record_alert(conn, entity_id, story_id, item_id, ctx.source_id, item, match,
                                official, published, ctx.stamp)
        if alert_id is not None:
            result.new_alerts.append(alert_id)
    prefer_publisher(conn, story_id)


def _insert(conn: Connection, source_id: int, item: Item, published: float, dated: bool,
            stamp: float) -> int | None:
    """The new item's id, or None when the source already has an item under this GUID."""
    return rows.insert_item(conn, source_id, item.guid, item.url, canonical_url(item.url), item.title,
                            item.summary, item.content, published, dated, stamp)


def _another_item(conn: Connection, source_id: int, item: Item) -> bool:
    """True when the item stored under `item`'s GUID has another link and an unrelated title (less
    than half of the shorter title's words shared): not an edit of it (an edit keeps its link, or
    most of its title when the address changes) but a reused GUID."""
    link = canonical_url(item.url)
    if not link or item.guid == item.url:
        return False
    row = rows.stored_link_and_title(conn, source_id, item.guid)
    if row is None or not row[0] or row[0] == link:
        return False
    new, old = title_tokens(item.title), title_tokens(row[1])
    return len(new & old) < RELATED_TITLE_SHARE * min(len(new), len(old))


def _revise(conn: Connection, ctx: _Context, item: Item, result: IngestResult) -> None:
    """`item` came back under a stored GUID: keep the earlier version if the text changed, re-match."""
    row = rows.stored_item(conn, ctx.source_id, item.guid)
    if row is None or (row[1], row[2], row[3]) == (item.title, item.summary, item.content):
        return
    item_id, published, story_id = int(row[0]), float(row[4]), row[5]
    rows.revise_item(conn, item_id, (row[1], row[2], row[3], row[6]), item.title, item.summary, item.content,
                     ctx.stamp, MAX_REVISIONS)
    result.revised_items += 1
    _alerts_for(conn, ctx, item, item_id, story_id, published, result)


def item_matches(item: Item, matcher: Matcher, entity_ids: dict[tuple[str, str], int],
                 source: Source | None = None, found_at: datetime | None = None) -> list[Match]:
    """The entities in `item`, with those it speaks for even when it does not name them.

    A name found only inside the author's own name is a namesake, not a mention: the speech of
    塩崎恭久 does not name 塩崎彰久 by saying 塩崎.
    """
    speakers = {name.casefold() for name in item.statement_for}
    matches = matcher.match_item(item, source, found_at)
    if item.speaker:
        author = "".join(item.speaker.split()).casefold()
        matches = [m for m in matches if m.entity.casefold() in speakers
                   or not all("".join(word.split()).casefold() in author for word in m.matched)]
    named = {(m.watchlist, m.entity.casefold()) for m in matches}
    for watchlist, entity in entity_ids:
        if entity.casefold() in speakers and (watchlist, entity.casefold()) not in named:
            matches.append(Match(watchlist=watchlist, entity=entity, matched=(item.speaker or entity,),
                                 snippet=snippet(item.summary or item.content or item.title, ()), spans=()))
    return matches


def ingest(store: Store, source: Source, items: list[Item], matcher: Matcher,
           entity_ids: dict[tuple[str, str], int], now: datetime,
           validators: Validators | None, next_check: datetime,
           stories: StoryIndex | None = None, notes: Sequence[Message] = ()) -> IngestResult:
    """Store `items` of `source` and record the fetch as a success, atomically.

    Pass one `stories` index to every ingest of a cycle; without one each call builds its own.
    `notes` say what reading the answer had to leave out or replace: kept as the source's note.
    """
    assert source.id is not None
    result = IngestResult()
    stamp = to_epoch(now)
    ctx = _Context(source, source.id, matcher, entity_ids,
                   frozenset(name.casefold() for name in source.official_for), stamp,
                   stories if stories is not None else StoryIndex())
    hub = getattr(items, "hub", None)  # the WebSub hub a feed announced (sources.base.Parsed)
    items, result.reused_guids = distinct_guids(items)
    with store.transaction() as conn:
        for item in items:
            if item.url:
                item = replace(item, url=strip_tracking(item.url))
            dated = item.published is not None
            published = min(to_epoch(item.published), stamp) if item.published else stamp
            item_id = _insert(conn, source.id, item, published, dated, stamp)
            if item_id is None and _another_item(conn, source.id, item):
                # the GUID of an earlier, different item (new link, unrelated title): the link is its identity
                result.reused_guids = True
                item = replace(item, guid=item.url)
                item_id = _insert(conn, source.id, item, published, dated, stamp)
            if item_id is None:
                _revise(conn, ctx, item, result)
                continue
            result.new_items += 1
            _alerts_for(conn, ctx, item, item_id, None, published, result)
        _record_success(conn, source.id, stamp, validators, next_check)
        if hub is not None:
            from ..store.websub import remember_hub

            remember_hub(conn, source.id, hub, stamp)
        if items or notes:
            # an unchanged answer (304) keeps what the last full one said
            said = [*notes, *([REUSED_GUIDS()] if result.reused_guids else [])]
            note = said[0] if said else None
            for more in said[1:]:
                note = NOTES(first=note, second=more)
            rows.set_source_note(conn, source.id, note.dumps() if note else None)
    return result


def _record_success(conn: Connection, source_id: int, stamp: float,
                    validators: Validators | None, next_check: datetime) -> None:
    kept = (validators.etag, validators.last_modified, validators.url) if validators is not None else None
    rows.record_success(conn, source_id, stamp, to_epoch(next_check), kept)
