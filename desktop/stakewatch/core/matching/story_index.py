"""Finding the story an item belongs to: by link or GUID, else by a near-duplicate title.

`StoryIndex` holds a cycle's recent stories in memory; `assign_story` finds or
creates the story of one matched item inside the caller's transaction. Runs on
the thread that owns the Store.
"""

from __future__ import annotations

import bisect
import math
from array import array
from collections.abc import Iterator, Sequence

from ..model import Item
from ..store import story_keys as keyed
from ..store.columns import Connection
from .matcher import Match
from .stories import (
    NEAR_DUPLICATE_THRESHOLD,
    NEAR_DUPLICATE_WINDOW,
    Names,
    canonical_url,
    guid_key,
    is_news_redirect,
    names_in_title,
    similar_titles,
    title_tokens,
    watched_names_differ,
)

MAX_NEAR_DUPLICATE_CANDIDATES = 64


def story_keys(item: Item, source_id: int | None = None) -> list[str]:
    """Keys under which a copy of this story would be found: its link for every source, its GUID for its
    own source only. A GUID is whatever a feed says it is: another feed (an aggregator publishing first)
    may give its headline an official statement's GUID, which must not make the statement its copy; so a
    GUID never stands for a link and only finds stories of the same source."""
    keys: list[str] = []
    link = canonical_url(item.url)
    if link:
        keys.append("url:" + link)
    guid = guid_key(item.guid)
    if guid and source_id is not None and guid != link:
        keys.append(f"guid:{source_id}:{guid}")
    return keys


DAY = 86_400.0
MAX_POSTING = 100


def _jaccard_floor(size: int) -> int:
    """Shared tokens a title of `size` tokens needs with any near-duplicate: ceil(0.8 |A|)."""
    return max(1, math.ceil(size * NEAR_DUPLICATE_THRESHOLD - 1e-9))


class Posting:
    """The stories carrying one token, in order of publication (parallel arrays: compact, and the
    stories nearest a moment are found by bisection)."""

    __slots__ = ("ids", "times")

    def __init__(self) -> None:
        self.times = array("d")
        self.ids = array("q")

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[int]:
        return iter(self.ids)

    def add(self, published: float, story_id: int) -> None:
        at = bisect.bisect_right(self.times, published)
        self.times.insert(at, published)
        self.ids.insert(at, story_id)

    def nearest(self, published: float, window: float, limit: int) -> list[int]:
        """At most `limit` stories published within `window` of `published`, nearest first."""
        right = bisect.bisect_left(self.times, published)
        left = right - 1
        found: list[int] = []
        while len(found) < limit:
            before = published - self.times[left] if left >= 0 else math.inf
            after = self.times[right] - published if right < len(self.times) else math.inf
            if min(before, after) > window:
                break
            if before <= after:
                found.append(self.ids[left])
                left -= 1
            else:
                found.append(self.ids[right])
                right += 1
        return found


class StoryIndex:
    """Recent stories' title tokens, with an inverted index, so that looking for a near-duplicate
    costs the stories sharing rare words with the title, not every story of the week.

    Only the rarest tokens of a title are looked up (prefix filtering): a near-duplicate must share
    at least one of the |A| - ceil(0.8 |A|) + 1 rarest. A token already carried by more than
    MAX_POSTING stories of the window is never walked whole: frequent words (stop words, the entity's
    own name in a busy news cycle) cannot make the search quadratic. A title made only of frequent
    words looks at the MAX_POSTING stories published nearest to it that carry its rarest word, so
    titles of frequent words that never merge cost the same each, however many came before.

    Loaded lazily a day at a time from the connection it is given; one per cycle is enough.
    """

    def __init__(self) -> None:
        self.tokens: dict[int, frozenset[str]] = {}
        self.titles: dict[int, str] = {}
        self.published: dict[int, float] = {}
        self.names: dict[int, Names] = {}
        self.postings: dict[str, Posting] = {}
        self.loaded: set[int] = set()

    def add(self, story_id: int, tokens: frozenset[str], title: str, published: float,
            names: Names | None = None) -> None:
        self.tokens[story_id] = tokens
        self.titles[story_id] = title
        self.published[story_id] = published
        self.names[story_id] = names or {}
        for token in tokens:
            posting = self.postings.get(token)
            if posting is None:
                posting = self.postings[token] = Posting()
            posting.add(published, story_id)

    def _load(self, conn: Connection, published: float) -> None:
        window = NEAR_DUPLICATE_WINDOW.total_seconds()
        for day in range(int((published - window) // DAY), int((published + window) // DAY) + 1):
            if day in self.loaded:
                continue
            self.loaded.add(day)
            for story_id, stored, title, when, names in keyed.stories_of_day(conn, day * DAY, (day + 1) * DAY):
                if story_id not in self.tokens:
                    self.add(story_id, frozenset(stored), title, when, names)

    def candidates(self, conn: Connection, tokens: frozenset[str], published: float) -> list[int]:
        """Stories within the window sharing enough words to possibly be near-duplicates, closest first."""
        self._load(conn, published)
        if not tokens:
            return []
        window = NEAR_DUPLICATE_WINDOW.total_seconds()
        needed = _jaccard_floor(len(tokens))
        rarest = sorted(tokens, key=lambda token: len(self.postings.get(token, ())))
        seen: set[int] = set()
        for token in rarest[: len(tokens) - needed + 1]:
            posting = self.postings.get(token)
            if posting is not None and len(posting) <= MAX_POSTING:
                seen.update(posting)
        if not seen and rarest and rarest[0] in self.postings:
            # a title made only of frequent words: the stories nearest in time carrying its rarest word
            seen.update(self.postings[rarest[0]].nearest(published, window, MAX_POSTING))
        found = [story_id for story_id in seen
                 if abs(self.published[story_id] - published) <= window
                 and len(tokens & self.tokens[story_id]) >= needed]
        return sorted(found, key=lambda story_id: abs(self.published[story_id] - published))


def _find_story(conn: Connection, source_id: int, item: Item, keys: list[str],
                tokens: frozenset[str], published: float, index: StoryIndex, names: Names,
                same_entities: bool) -> int | None:
    for key in keys:
        found_id = keyed.story_by_key(conn, key)
        if found_id is not None:
            return found_id
    found: list[tuple[int, int, int]] = []
    for order, story_id in enumerate(index.candidates(conn, tokens, published)[:MAX_NEAR_DUPLICATE_CANDIDATES]):
        story_names = index.names.get(story_id, {})
        watched = frozenset(word for words in (*names.values(), *story_names.values()) for word in words)
        if not similar_titles(tokens, index.tokens[story_id], item.title, index.titles[story_id], watched):
            continue
        if watched_names_differ(names, item.title, story_names, index.titles[story_id]):
            continue
        if same_entities and names and story_names and not names.keys() & story_names.keys():
            continue  # look-alike titles over texts about different entities
        same_source = keyed.source_carries(conn, story_id, source_id)
        # a source's look-alike titles are distinct items, unless it is a news search: there they are
        # one story's copies from several publishers
        if (not same_source or is_news_redirect(item.url)) and not _other_officials(conn, source_id, story_id):
            # among look-alike titles, the story naming the same entities wins, then the closest in time
            found.append((-len(names.keys() & story_names.keys()), order, story_id))
    return min(found)[2] if found else None


def _official_for(conn: Connection, source_ids: Sequence[int]) -> frozenset[str]:
    return frozenset(keyed.official_for(conn, source_ids))


def _other_officials(conn: Connection, source_id: int, story_id: int) -> bool:
    """True when the item's source and the story's sources are official for different entities:
    two officials' statements, however alike their titles, are never one story."""
    mine = _official_for(conn, [source_id])
    if not mine:
        return False
    theirs = _official_for(conn, keyed.story_sources(conn, story_id))
    return bool(theirs) and not (mine & theirs)


def matched_words(matches: Sequence[Match]) -> dict[str, tuple[str, ...]]:
    return {match.entity.casefold(): match.matched for match in matches}


def assign_story(conn: Connection, source_id: int, item: Item, published: float,
                 now: float, index: StoryIndex | None = None,
                 matches: Sequence[Match] = (), same_entities: bool = True) -> int:
    """The story of `item`: found by link, GUID or a near-duplicate title, else a new one.

    Titles that name different watched entities (`matches`) or different people are never merged;
    with `same_entities`, neither are look-alike titles over texts naming no entity in common
    (off for backfill: stories stored earlier do not know the entity being added).
    """
    index = index if index is not None else StoryIndex()
    keys = story_keys(item, source_id)
    tokens = title_tokens(item.title)
    names = names_in_title(item.title, matched_words(matches))
    story_id = _find_story(conn, source_id, item, keys, tokens, published, index, names, same_entities)
    if story_id is None:
        story_id = keyed.add_story(conn, item.title, sorted(tokens), published, now, names)
        index.add(story_id, tokens, item.title, published, names)
    keyed.add_keys(conn, keys, story_id)
    return story_id
