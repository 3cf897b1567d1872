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

The automaton holds every spelling of a term in CJK character variants (城内実,
城内实, 城內實: see variants.py), so a name is found in any of the scripts it is
written in while the text itself is never rewritten.

Per entity, an alias occurrence counts unless an exclude phrase overlaps it
("Taira clan" cancels that "Taira", not the minister named elsewhere), and an
alias that needs context counts only when one of the entity's context words is
in the item beyond the occurrence itself, or one of its related entities is
named there (text, authors or the source it belongs to). An alias with a span of days (an office's title during a
tenure, a product's bare name from its launch) counts only for items of those
days: published then, or found then when undated. A veto word anywhere rules the
entity out for the whole item. An item matches an entity when a counting
occurrence remains, in its text or among its authors; every item of a source
that belongs to an entity matches it.

A Matcher is immutable once built: build it once per watchlist change and share
it between threads.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime

import ahocorasick

from ..model import Item, Source, Watchlist
from ..states import MatcherRole
from ..text import WORD_RUN, char_class, compact, fold, fold_with_map, is_latin_alnum, is_separator
from .variants import spellings

ALIAS, CONTEXT, EXCLUDE, VETO = MatcherRole.ALIAS, MatcherRole.CONTEXT, MatcherRole.EXCLUDE, MatcherRole.VETO
MAX_GAP = 3
SNIPPET_RADIUS = 80


Days = tuple[date | None, date | None]
ALWAYS: Days = (None, None)


@dataclass(frozen=True)
class Term:
    """One compiled word as spelled (its key and where it may be split), shared by every entity using it.

    `aliases` lists the entities it is an alias of (with whether it needs context there, and the days
    it applies to); `marks` says whether some entity uses it as a context, exclude or veto word, found
    through `id`.
    """

    id: int
    length: int
    latin_start: bool
    latin_end: bool
    splittable: frozenset[int]
    aliases: tuple[tuple[int, bool, Days], ...]
    marks: bool


def _applies(days: Days, day: date) -> bool:
    since, until = days
    return (since is None or since <= day) and (until is None or day < until)


def day_of(item: Item, found: datetime | None = None) -> date:
    """The day an item's dated aliases are judged by: its publication, else when it was found, else today."""
    moment = item.published or found or datetime.now(UTC)
    return moment.astimezone(UTC).date() if moment.tzinfo else moment.date()


@dataclass
class _Roles:
    """Which terms an entity uses as context, exclude and veto words."""

    context: list[int] = field(default_factory=list)
    exclude: list[int] = field(default_factory=list)
    veto: list[int] = field(default_factory=list)


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


Span = tuple[int, int]


class _Scan:
    """Everything one pass over a text found: alias occurrences by entity, and where marking terms ended.

    Context, exclude and veto words are only confirmed (boundaries, splits) when an entity with an alias
    occurrence asks about them, so the common text that names nobody costs the automaton walk alone.
    """

    __slots__ = ("compacted", "found", "ends", "_spans", "_terms", "_accepts")

    def __init__(self, compacted: _Compacted, terms: list[Term],
                 accepts: Callable[[_Compacted, Term, int], Span | None]) -> None:
        self.compacted = compacted
        self.found: dict[int, tuple[list[Span], list[Span]]] = {}
        self.ends: dict[int, list[int]] = {}
        self._spans: dict[int, list[Span]] = {}
        self._terms = terms
        self._accepts = accepts

    def spans(self, term: int) -> list[Span]:
        """Where the marking term `term` occurs (confirmed on first use)."""
        spans = self._spans.get(term)
        if spans is None:
            candidate = self._terms[term]
            spans = [s for end in self.ends.get(term, ()) if (s := self._accepts(self.compacted, candidate, end))]
            self._spans[term] = spans
        return spans

    def any_seen(self, terms: list[int]) -> bool:
        return any(term in self.ends and self.spans(term) for term in terms)

    def counting(self, index: int, roles: _Roles, has_context: bool) -> list[Span]:
        """The entity's alias occurrences no exclude phrase overlaps; those that need context only when it
        is elsewhere (`has_context`: another scan, a related entity) or beyond the occurrence itself, so
        that a title holding a context word ("digital minister") is not its own context."""
        standalone, contextual = self.found[index]
        if has_context:
            spans = standalone + contextual
        elif contextual:
            around = [span for term in roles.context if term in self.ends for span in self.spans(term)]
            spans = standalone + [s for s in contextual if any(b < s[0] or s[1] < a for a, b in around)]
        else:
            spans = standalone
        excluded = [span for term in roles.exclude if term in self.ends for span in self.spans(term)]
        if excluded:
            spans = [s for s in spans if not any(a <= s[1] and s[0] <= b for a, b in excluded)]
        return spans


class Matcher:
    """The compiled form of a set of watchlists. Build on any thread; `match` is thread-safe."""

    def __init__(self, watchlists: Sequence[Watchlist]) -> None:
        self._entities: list[tuple[str, str]] = []
        self._roles: list[_Roles] = []
        self._by_name: dict[str, list[int]] = {}
        self._automaton = ahocorasick.Automaton()
        spelled: dict[tuple[str, frozenset[int]], tuple[dict[tuple[int, bool, Days], None], set[MatcherRole]]] = {}
        registered: set[tuple[int, MatcherRole, str, frozenset[int]]] = set()
        related: list[tuple[str, ...]] = []
        for watchlist in watchlists:
            for entity in watchlist.entities:
                index = len(self._entities)
                self._entities.append((watchlist.name, entity.name))
                self._by_name.setdefault(entity.name.casefold(), []).append(index)
                related.append(tuple(name.casefold() for name in entity.related))
                words: list[tuple[MatcherRole, str, bool, Days]] = [
                    (ALIAS, alias.text, alias.needs_context, (alias.since, alias.until) if alias.dated else ALWAYS)
                    for alias in (*entity.terms, *entity.office_terms)]
                words += [(CONTEXT, word, False, ALWAYS) for word in entity.context]
                words += [(EXCLUDE, word, False, ALWAYS) for word in entity.exclude]
                words += [(VETO, word, False, ALWAYS) for word in entity.veto]
                for role, word, needs_context, days in words:
                    key, splittable = compact_term(word)
                    if not key:
                        continue
                    registered.add((index, role, key, splittable))
                    aliases, roles = spelled.setdefault((key, splittable), ({}, set()))
                    if role == ALIAS:
                        aliases.setdefault((index, needs_context, days), None)
                    else:
                        roles.add(role)
        self._related: list[list[int]] = [
            [other for name in names for other in self._by_name.get(name, ()) if other != index]
            for index, names in enumerate(related)]
        self._dated = any(days != ALWAYS for aliases, _roles in spelled.values() for _i, _n, days in aliases)
        table: dict[str, list[Term]] = {}
        self._roles = [_Roles() for _ in self._entities]
        self._terms: list[Term] = []
        for number, ((key, splittable), (aliases, roles)) in enumerate(spelled.items()):
            self._terms.append(Term(
                id=number, length=len(key), latin_start=is_latin_alnum(key[0]),
                latin_end=is_latin_alnum(key[-1]), splittable=splittable, aliases=tuple(aliases),
                marks=bool(roles)))
            for spelling in spellings(key):
                table.setdefault(spelling, []).append(self._terms[-1])
        ids = {pair: number for number, pair in enumerate(spelled)}
        for index, role, key, splittable in sorted(registered):
            term = ids[(key, splittable)]
            if role == CONTEXT:
                self._roles[index].context.append(term)
            elif role == EXCLUDE:
                self._roles[index].exclude.append(term)
            elif role == VETO:
                self._roles[index].veto.append(term)
        for key, terms in table.items():
            self._automaton.add_word(key, (tuple(t.id for t in terms if t.marks), tuple(t for t in terms if t.aliases)))
        self._empty = not table
        if not self._empty:
            self._automaton.make_automaton()
        self.term_count = len(registered)

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

    def _scan(self, text: str, day: date | None = None) -> _Scan:
        """One pass of the automaton over `text`: O(length of text), whatever the number of entities.

        Aliases with a span of days count when `day` falls in it (today when None)."""
        compacted = _Compacted(fold(text))
        scan = _Scan(compacted, self._terms, self._accepts)
        if self._empty or not text:
            return scan
        if day is None and self._dated:
            day = datetime.now(UTC).date()
        found, ends = scan.found, scan.ends
        accepts = self._accepts
        for end, (marks, terms) in self._automaton.iter(compacted.compact):
            for mark in marks:
                if mark in ends:
                    ends[mark].append(end)
                else:
                    ends[mark] = [end]
            for term in terms:
                span = accepts(compacted, term, end)
                if span is not None:
                    for entity, needs_context, days in term.aliases:
                        if days is not ALWAYS and day is not None and not _applies(days, day):
                            continue
                        if entity not in found:
                            found[entity] = ([], [])
                        found[entity][needs_context].append(span)
        return scan

    def _decide(self, text: str, scan: _Scan, context: _Scan | None = None) -> dict[int, Match]:
        """The entities with an occurrence that counts; `context` is another scan whose context words count."""
        results: dict[int, Match] = {}
        origin: list[_Origin] = []
        for index in sorted(scan.found):
            roles = self._roles[index]
            if scan.any_seen(roles.veto):
                continue
            spans = scan.counting(index, roles, context is not None and context.any_seen(roles.context))
            if spans:
                results[index] = self._found(index, text, scan, spans, origin)
        return results

    def _found(self, index: int, text: str, scan: _Scan, spans: list[Span], origin: list[_Origin]) -> Match:
        if not origin:
            origin.append(_Origin(text, scan.compacted.folded))
        watchlist, entity = self._entities[index]
        mapped = tuple(sorted(origin[0].span(s) for s in _outermost(spans)))
        return Match(watchlist=watchlist, entity=entity, matched=_distinct(text[a:b] for a, b in mapped),
                     snippet=snippet(text, mapped), spans=mapped)

    def _related_context(self, text: str, scan: _Scan, found: dict[int, Match], mentioned: set[int]) -> None:
        """Add to `found` the entities whose context-needing occurrences count because a related entity
        is `mentioned` (named in the item, its author, or the owner of its source)."""
        origin: list[_Origin] = []
        for index in sorted(scan.found):
            if index in found or not scan.found[index][1] or not any(o in mentioned for o in self._related[index]):
                continue
            roles = self._roles[index]
            if scan.any_seen(roles.veto):
                continue
            spans = scan.counting(index, roles, True)
            if spans:
                found[index] = self._found(index, text, scan, spans, origin)

    def match(self, text: str, day: date | None = None) -> list[Match]:
        """Every entity named in `text` by an occurrence that counts (see the module); dated aliases are
        judged by `day` (today when None)."""
        if self._empty or not text:
            return []
        scan = self._scan(text, day)
        if not scan.found:
            return []
        found = self._decide(text, scan)
        if found:
            self._related_context(text, scan, found, set(found))
        return [found[index] for index in sorted(found)]

    def match_item(self, item: Item, source: Source | None = None, found_at: datetime | None = None) -> list[Match]:
        """Entities named in the item's text or among its authors, and the entity `source` belongs to.

        An author counts like an occurrence in the text (context is looked for in
        both, a veto in either rules the entity out); every item of a source that
        belongs to an entity matches it whatever the text says. Dated aliases are
        judged by the item's publication day, else `found_at`. Any thread.
        """
        text = item.text
        day = day_of(item, found_at) if self._dated else None
        authors = "\n".join(a for a in item.authors if a)
        owner = self._by_name.get(source.entity.casefold(), []) if source is not None and source.entity else []
        if self._empty or (not authors and not owner):
            return self.match(text, day)
        in_text = self._scan(text, day)
        found = self._decide(text, in_text) if text else {}
        in_authors = self._scan(authors, day) if authors else None
        if in_authors is not None:
            for index, byline in self._decide(authors, in_authors, in_text).items():
                if index not in found and not in_text.any_seen(self._roles[index].veto):
                    found[index] = replace(byline, snippet=snippet(text, ()), spans=())
        for index in owner:
            if index not in found:
                watchlist, entity = self._entities[index]
                found[index] = Match(watchlist, entity, (), snippet(text, ()), ())
        if found:
            mentioned = set(found)
            if text:
                self._related_context(text, in_text, found, mentioned)
        return [found[index] for index in sorted(found)]


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
