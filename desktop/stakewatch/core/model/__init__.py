"""Plain data shared by the core, the CLI and the GUI.

Everything here is immutable and safe to pass between threads.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, NamedTuple

from ..i18n import Message, language, render
from ..states import AlertKind, HealthStatus

ENTITY_KINDS: tuple[str, ...] = ("official", "person", "company", "product", "topic")
"""An official holds public office; a person is anyone else followed by name (a chief executive, a critic)."""
ALERT_KINDS: tuple[str, ...] = tuple(AlertKind)
HEALTH_STATUSES: tuple[str, ...] = (HealthStatus.OK, HealthStatus.FAILING, HealthStatus.BACKING_OFF,
                                     HealthStatus.STALE, HealthStatus.NEW)


class UserError(Exception):
    """A failure the user can act on, in one line. Title and message may be i18n Messages:
    `title` and `message` render them in the current language when read."""

    def __init__(self, title: Any, message: Any) -> None:
        super().__init__(title, message)
        self._title = title
        self._message = message

    @property
    def title(self) -> str:
        return str(self._title)

    @property
    def message(self) -> str:
        return str(self._message)

    def __str__(self) -> str:
        return f"{self.title}: {self.message}"


@dataclass(frozen=True)
class Alias:
    """One way of writing an entity, and whether it needs one of the entity's context words.

    `since` and `until` bound the days it applies to (an office held, a product generation):
    from `since` (included) up to `until` (excluded, the day it passed on); None is open.
    """

    text: str
    needs_context: bool
    since: date | None = None
    until: date | None = None

    def applies(self, day: date) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or day < self.until)

    @property
    def dated(self) -> bool:
        return self.since is not None or self.until is not None


Span = tuple[date | None, date | None]


def span_json(since: date | None, until: date | None) -> dict[str, str]:
    """`from` and `until` as the watchlist JSON writes them (only those set)."""
    out: dict[str, str] = {}
    if since is not None:
        out["from"] = since.isoformat()
    if until is not None:
        out["until"] = until.isoformat()
    return out


@dataclass(frozen=True)
class Office:
    """A post someone holds for a while: its titles in every language, and the tenure.

    While it lasts each title is an alias of the holder that needs context: "デジタル大臣" names
    平将明 only from 2024-10-01 up to 2025-10-21, and his successor's news stays silent.
    """

    titles: tuple[tuple[str, tuple[str, ...]], ...]
    """(language, titles in it), in the order written."""
    since: date | None = None
    until: date | None = None

    @property
    def all_titles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t for _lang, texts in self.titles for t in texts))

    def in_language(self, lang: str) -> tuple[str, ...]:
        return tuple(t for code, texts in self.titles if code.split("-")[0] == lang for t in texts)

    def to_json(self) -> dict[str, Any]:
        return {"titles": {lang: list(texts) if len(texts) != 1 else texts[0] for lang, texts in self.titles},
                **span_json(self.since, self.until)}


def label_for(name: str, names: tuple[tuple[str, str], ...], lang: str | None = None) -> str:
    """An entity's name in the reader's language (`names`, e.g. ja 平将明), else its `name`."""
    if not names:
        return name
    lang = lang or language()
    for code, text in names:
        if code == lang:
            return text
    for code, text in names:
        if code.split("-")[0] == lang:
            return text
    return name


@dataclass(frozen=True)
class Entity:
    """Someone or something followed: the name is always an alias too.

    `alias_context` holds the user's choices (alias text, needs context) where
    they override `needs_context_by_default`. `exclude` phrases cancel the alias
    occurrences they overlap; `veto` words rule the whole item out.
    """

    name: str
    kind: str = "topic"
    aliases: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    priority: bool = False
    muted: bool = False
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    alias_context: tuple[tuple[str, bool], ...] = ()
    veto: tuple[str, ...] = ()
    alias_dates: tuple[tuple[str, date | None, date | None], ...] = ()
    """(alias text, from, until) for aliases that apply only for a while; a text may have several."""
    names: tuple[tuple[str, str], ...] = ()
    """(language, the name as written in it): shown to a reader of that language, and aliases too."""
    offices: tuple[Office, ...] = ()
    related: tuple[str, ...] = ()
    """Other entities whose mention (or authorship) counts as this one's context."""

    @property
    def all_aliases(self) -> tuple[str, ...]:
        seen: dict[str, None] = {self.name: None}
        for alias in self.aliases:
            seen.setdefault(alias, None)
        for _lang, text in self.names:
            seen.setdefault(text, None)
        return tuple(seen)

    def label(self, lang: str | None = None) -> str:
        """The name in the reader's language (see `names`), else `name`."""
        return label_for(self.name, self.names, lang)

    def needs_context(self, alias: str) -> bool:
        """Whether `alias` counts only with a context word (never when there are none)."""
        if not self.context:
            return False
        chosen = dict(self.alias_context)
        return chosen[alias] if alias in chosen else needs_context_by_default(alias)

    def spans(self, alias: str) -> list[Span]:
        """The spans of days `alias` applies to ([(None, None)]: always)."""
        found: list[Span] = [(since, until) for text, since, until in self.alias_dates if text == alias]
        return found or [(None, None)]

    @property
    def terms(self) -> tuple[Alias, ...]:
        """Every alias (the name first) with whether it needs context and when it applies."""
        return tuple(Alias(text, self.needs_context(text), since, until)
                     for text in self.all_aliases for since, until in self.spans(text))

    @property
    def office_terms(self) -> tuple[Alias, ...]:
        """The titles of the entity's offices as aliases that need context, during each tenure."""
        needs = bool(self.context or self.related)
        return tuple(Alias(title, needs, office.since, office.until)
                     for office in self.offices for title in office.all_titles)

    def aliases_json(self) -> list[str | dict[str, Any]]:
        """The aliases as the watchlist JSON writes them: text, or an object where the user chose
        whether it needs context or when it applies."""
        chosen = dict(self.alias_context)
        out: list[str | dict[str, Any]] = []

        def write(alias: str) -> None:
            choice = {"needs_context": chosen[alias]} if alias in chosen else {}
            dated = [(since, until) for text, since, until in self.alias_dates if text == alias]
            if dated:
                out.extend({"text": alias, **choice, **span_json(since, until)} for since, until in dated)
            else:
                out.append({"text": alias, **choice} if choice else alias)

        if self.name in chosen or any(text == self.name for text, _s, _u in self.alias_dates):
            write(self.name)
        for alias in self.aliases:
            write(alias)
        return out

    def details_json(self) -> dict[str, Any]:
        """`names`, `offices` and `related` as the watchlist JSON writes them (only those set)."""
        out: dict[str, Any] = {}
        if self.names:
            out["names"] = dict(self.names)
        if self.offices:
            out["offices"] = [office.to_json() for office in self.offices]
        if self.related:
            out["related"] = list(self.related)
        return out


_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005]")
_KANA = re.compile(r"[\u3040-\u30ff\uff66-\uff9f]")
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_PARTS = re.compile(r"[^\s\-_\u2010-\u2015\u2212\u30fb\u00b7\uff65]+")
_CAMEL = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")


def needs_context_by_default(alias: str) -> bool:
    """Whether an alias is too ambiguous to stand alone, judged by its shape.

    Full names (two or more parts), kanji names of three or more characters and
    brand-shaped words (OpenAI, Sora2, オープンAI, 오픈AI, 소라2, 平デジタル相) stand
    alone; a single Latin, kana or Hangul word (a bare surname, a common word),
    a Latin or kana alias of three characters or fewer (LDP, AI) and a kanji alias
    of one or two characters (城内, 平氏) need context.
    """
    text = unicodedata.normalize("NFKC", alias).strip()
    parts = _PARTS.findall(text)
    letters = "".join(parts)
    if len(letters) <= 3 and not _IDEOGRAPH.search(letters) and not _HANGUL.search(letters):
        return True
    if _IDEOGRAPH.search(letters) and not _KANA.search(letters) and not _LATIN.search(letters):
        return len(letters) < 3
    if len(parts) >= 2:
        return False
    has_digit = any(c.isdigit() for c in letters)
    if has_digit and (_LATIN.search(letters) or _KANA.search(letters) or _HANGUL.search(letters)):
        return False
    if _CAMEL.search(letters):
        return False
    scripts = sum(1 for pattern in (_IDEOGRAPH, _KANA, _HANGUL, _LATIN) if pattern.search(letters))
    return scripts < 2


@dataclass(frozen=True)
class Watchlist:
    name: str
    entities: tuple[Entity, ...] = ()
    muted: bool = False
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Source:
    """A place polled for items. `official_for` names entities whose statements it carries."""

    name: str
    kind: str
    url: str
    interval_minutes: int | None = None
    """A fixed interval; None: the source's own rhythm decides (fetching/rhythm.py)."""
    enabled: bool = True
    official_for: tuple[str, ...] = ()
    options: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    id: int | None = field(default=None, compare=False)

    @property
    def entity(self) -> str:
        """The entity this source belongs to (a person's own blog): every item is its statement."""
        value = self.extra.get("entity")
        return value.strip() if isinstance(value, str) else ""


@dataclass(frozen=True)
class Item:
    """One entry of a source, as plain text (markup already removed).

    `authors` are who wrote it (matched like text); `speaker` who said it (a Diet speech: a name
    found only inside it is a namesake, not a mention); `statement_for` names entities whose own
    words it is whatever the source (a Diet speech by a followed speaker); `record` marks history
    such as minutes, shown apart from breaking news.
    """

    guid: str
    url: str
    title: str
    summary: str = ""
    content: str = ""
    published: datetime | None = None
    authors: tuple[str, ...] = ()
    speaker: str = ""
    statement_for: tuple[str, ...] = ()
    record: bool = False

    @property
    def text(self) -> str:
        return "\n".join(part for part in (self.title, self.summary, self.content) if part)


@dataclass(frozen=True)
class Alert:
    """One (entity, story): the story may have reached us through several sources."""

    id: int
    entity: str
    watchlist: str
    kind: AlertKind
    title: str
    url: str
    source: str
    sources: tuple[str, ...]
    published: datetime
    found: datetime
    matched: tuple[str, ...]
    snippet: str
    story: int
    read: bool = False
    priority: bool = False
    revisions: int = 0
    backfilled: bool = False
    page: dict[str, Any] | None = field(default=None, compare=False, hash=False)
    record: bool = False
    note: str = ""
    tags: tuple[str, ...] = ()
    flagged: bool = False
    entity_names: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    """The entity's names per language (see Entity.names)."""
    note_by: str | None = None
    """Who wrote the note, who flagged, who tagged: roles of a team database (None on a desk)."""
    flagged_by: str | None = None
    tagged_by: tuple[str, ...] = ()

    @property
    def entity_label(self) -> str:
        """The entity's name in the reader's language; `entity` stays the key."""
        return label_for(self.entity, self.entity_names)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "entity": self.entity,
            "entity_label": self.entity_label,
            "watchlist": self.watchlist,
            "kind": self.kind,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "sources": list(self.sources),
            "published": self.published.isoformat(),
            "found": self.found.isoformat(),
            "matched": list(self.matched),
            "snippet": self.snippet,
            "story": self.story,
            "read": self.read,
            "priority": self.priority,
            "revisions": self.revisions,
            "backfilled": self.backfilled,
            "page": self.page,
            "record": self.record,
            "note": self.note,
            "note_by": self.note_by,
            "tags": list(self.tags),
            "tagged_by": list(self.tagged_by),
            "flagged": self.flagged,
            "flagged_by": self.flagged_by,
        }


class ExportRow(NamedTuple):
    """One alert as a spreadsheet export needs it: a lighter read than Alert, for 100,000 rows at once.

    `published` is in seconds since the epoch (UTC); `sources` and `matched` are joined with "; " (first
    source first), `tags` with ", " (sorted); `flagged` is 1 for an alert flagged for the briefing.
    """

    id: int
    published: float
    kind: str  # the stored value as read: an export writes it as it is, row after row
    entity: str
    watchlist: str
    title: str
    url: str
    sources: str
    matched: str
    tags: str
    note: str
    flagged: int


@dataclass(frozen=True)
class SourceHealth:
    name: str
    kind: str
    url: str
    enabled: bool
    status: HealthStatus
    last_success: datetime | None
    last_attempt: datetime | None
    last_error: str | None
    consecutive_failures: int
    next_check: datetime | None
    retry_after: datetime | None
    items: int
    newest_item: datetime | None
    backoff_until: datetime | None = None
    note: str | None = None
    rhythm: Message | str | None = None
    median_delay_seconds: float | None = None
    requests_last_hour: int = 0
    hub: str | None = None
    releases: dict[str, Any] | None = None

    @property
    def error(self) -> str:
        """The last error in the current language; '' when the last attempt succeeded."""
        return render(self.last_error)

    def to_json(self) -> dict[str, Any]:
        def iso(value: datetime | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "name": self.name,
            "kind": self.kind,
            "url": self.url,
            "enabled": self.enabled,
            "status": self.status,
            "last_success": iso(self.last_success),
            "last_attempt": iso(self.last_attempt),
            "last_error": self.error or None,
            "consecutive_failures": self.consecutive_failures,
            "next_check": iso(self.next_check),
            "retry_after": iso(self.retry_after),
            "backoff_until": iso(self.backoff_until),
            "items": self.items,
            "newest_item": iso(self.newest_item),
            "note": self.note,
            "rhythm": render(self.rhythm) if self.rhythm is not None else None,
            "median_delay_seconds": self.median_delay_seconds,
            "requests_last_hour": self.requests_last_hour,
            "hub": self.hub,
            "releases": self.releases,
        }
