"""Finding watched entities in text.

All aliases, context and exclude terms of every watchlist go into one
Aho-Corasick automaton over a "compact" form of the text (NFKC, casefolded,
separators removed), so matching costs O(length of text) whatever the number
of aliases. Each candidate is then checked against the folded text:

- a Latin-script end of a term may not touch another Latin letter or digit
  (OpenAI is not in OpenAIRE) but may touch anything else ("OpenAIの");
- the text may split a term only where the term itself has a separator, where
  letters meet digits ("Sora2" = "Sora 2"), or between non-Latin characters
  ("城内実" = "城内 実"), and by at most a few separator characters.

A Matcher is immutable once built: build it once per watchlist change and share
it between threads.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import ahocorasick

from .model import Watchlist
from .states import MatcherRole
from .text import WORD_RUN, char_class, compact, fold, fold_with_map, is_latin_alnum, is_separator

ALIAS, CONTEXT, EXCLUDE = MatcherRole.ALIAS, MatcherRole.CONTEXT, MatcherRole.EXCLUDE
MAX_GAP = 3
SNIPPET_RADIUS = 80


@dataclass(frozen=True)
class Term:
    """One compiled word: which entity it belongs to, its role and where it may be split."""

    entity: int
    role: MatcherRole
    length: int
    latin_start: bool
    latin_end: bool
    splittable: frozenset[int]


@dataclass(frozen=True)
class Match:
    """An entity found in a text: the words that matched (as written) and a snippet."""

    watchlist: str
    entity: str
    matched: tuple[str, ...]
    snippet: str
    spans: tuple[tuple[int, int], ...]


def compact_term(term: str) -> tuple[str, frozenset[int]]:
    """The compact key of a term and the positions at which a text may split it."""
    folded = fold(term)
    chars: list[str] = []
    separated: set[int] = set()
    for char in folded:
        if is_separator(char):
            if chars:
                separated.add(len(chars))
            continue
        chars.append(char)
    key = "".join(chars)
    splittable = {
        j
        for j in range(1, len(key))
        if j in separated
        or char_class(key[j - 1]) != char_class(key[j])
        or char_class(key[j]) == "other"
    }
    return key, frozenset(splittable)


class _Compacted:
    """A folded text with separators removed, and the way back to folded positions."""

    __slots__ = ("folded", "compact", "_run_compact", "_run_folded")

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self.compact = compact(folded)
        self._run_compact: list[int] = []
        self._run_folded: list[int] = []

    def position(self, k: int) -> int:
        if not self._run_compact:
            offset = 0
            for run in WORD_RUN.finditer(self.folded):
                self._run_compact.append(offset)
                self._run_folded.append(run.start())
                offset += run.end() - run.start()
        r = bisect.bisect_right(self._run_compact, k) - 1
        return self._run_folded[r] + (k - self._run_compact[r])


class Matcher:
    """The compiled form of a set of watchlists. Build on any thread; `match` is thread-safe."""

    def __init__(self, watchlists: Sequence[Watchlist]) -> None:
        self._entities: list[tuple[str, str, bool]] = []
        self._automaton = ahocorasick.Automaton()
        table: dict[str, list[Term]] = {}
        for watchlist in watchlists:
            for entity in watchlist.entities:
                index = len(self._entities)
                self._entities.append((watchlist.name, entity.name, bool(entity.context)))
                for role, words in (
                    (ALIAS, entity.all_aliases),
                    (CONTEXT, entity.context),
                    (EXCLUDE, entity.exclude),
                ):
                    for word in words:
                        key, splittable = compact_term(word)
                        if not key:
                            continue
                        term = Term(
                            entity=index,
                            role=role,
                            length=len(key),
                            latin_start=is_latin_alnum(key[0]),
                            latin_end=is_latin_alnum(key[-1]),
                            splittable=splittable,
                        )
                        bucket = table.setdefault(key, [])
                        if term not in bucket:
                            bucket.append(term)
        for key, terms in table.items():
            self._automaton.add_word(key, tuple(terms))
        self._empty = not table
        if not self._empty:
            self._automaton.make_automaton()
        self.term_count = sum(len(terms) for terms in table.values())

    @property
    def entity_count(self) -> int:
        return len(self._entities)

    def _accepts(self, text: _Compacted, term: Term, end: int) -> tuple[int, int] | None:
        start = end - term.length + 1
        folded = text.folded
        first = text.position(start)
        last = text.position(end)
        if term.latin_start and first > 0 and is_latin_alnum(folded[first - 1]):
            return None
        if term.latin_end and last + 1 < len(folded) and is_latin_alnum(folded[last + 1]):
            return None
        if last - first != term.length - 1:
            previous = first
            for j in range(1, term.length):
                here = text.position(start + j)
                gap = here - previous - 1
                if gap and (j not in term.splittable or gap > MAX_GAP):
                    return None
                previous = here
        return first, last

    def match(self, text: str) -> list[Match]:
        """Every entity whose aliases occur in `text` with its context and without its exclusions."""
        if self._empty or not text:
            return []
        compacted = _Compacted(fold(text))
        found: dict[int, list[tuple[int, int]]] = {}
        has_context: set[int] = set()
        excluded: set[int] = set()
        for end, terms in self._automaton.iter(compacted.compact):
            for term in terms:
                if term.role == EXCLUDE and term.entity in excluded:
                    continue
                if term.role == CONTEXT and term.entity in has_context:
                    continue
                span = self._accepts(compacted, term, end)
                if span is None:
                    continue
                if term.role == ALIAS:
                    found.setdefault(term.entity, []).append(span)
                elif term.role == CONTEXT:
                    has_context.add(term.entity)
                else:
                    excluded.add(term.entity)
        results: list[Match] = []
        origin: _Origin | None = None
        for index in sorted(found):
            watchlist, entity, needs_context = self._entities[index]
            if index in excluded or (needs_context and index not in has_context):
                continue
            if origin is None:
                origin = _Origin(text, compacted.folded)
            spans = tuple(sorted(origin.span(s) for s in _outermost(found[index])))
            results.append(
                Match(
                    watchlist=watchlist,
                    entity=entity,
                    matched=_distinct(text[a:b] for a, b in spans),
                    snippet=snippet(text, spans),
                    spans=spans,
                )
            )
        return results


class _Origin:
    """Maps folded positions back to the original text."""

    def __init__(self, text: str, folded: str) -> None:
        self._index: list[int] | None = None
        self._length = len(text)
        if len(folded) != len(text):
            refolded, index = fold_with_map(text)
            if len(refolded) == len(folded):
                self._index = index

    def span(self, span: tuple[int, int]) -> tuple[int, int]:
        first, last = span
        if self._index is None:
            return min(first, self._length), min(last + 1, self._length)
        return self._index[first], self._index[last] + 1


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans not inside a longer one: "Masaaki Taira" hides the "Taira" within it."""
    ordered = sorted(set(spans), key=lambda span: (span[0], -span[1]))
    kept: list[tuple[int, int]] = []
    for span in ordered:
        if not kept or span[1] > kept[-1][1]:
            kept.append(span)
    return kept


def _distinct(words: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for word in words:
        seen.setdefault(word, None)
    return tuple(seen)


def snippet(text: str, spans: Sequence[tuple[int, int]], radius: int = SNIPPET_RADIUS) -> str:
    """A short plain-text window around the first match, with ellipses where it was cut."""
    if not spans:
        return text[: 2 * radius]
    start, end = spans[0]
    left = max(0, start - radius)
    right = min(len(text), end + radius)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    window = " ".join(text[left:right].split())
    return ("\u2026" if left > 0 else "") + window + ("\u2026" if right < len(text) else "")
