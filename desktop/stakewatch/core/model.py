"""Plain data shared by the core, the CLI and the GUI.

Everything here is immutable and safe to pass between threads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .i18n import render
from .states import AlertKind, HealthStatus

ENTITY_KINDS: tuple[str, ...] = ("official", "company", "product", "topic")
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
class Entity:
    """Someone or something followed: the name is always an alias too."""

    name: str
    kind: str = "topic"
    aliases: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    priority: bool = False
    muted: bool = False
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def all_aliases(self) -> tuple[str, ...]:
        seen: dict[str, None] = {self.name: None}
        for alias in self.aliases:
            seen.setdefault(alias, None)
        return tuple(seen)


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
    interval_minutes: int = 30
    enabled: bool = True
    official_for: tuple[str, ...] = ()
    options: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    id: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Item:
    """One entry of a source, as plain text (markup already removed)."""

    guid: str
    url: str
    title: str
    summary: str = ""
    content: str = ""
    published: datetime | None = None

    @property
    def text(self) -> str:
        return "\n".join(part for part in (self.title, self.summary, self.content) if part)


@dataclass(frozen=True)
class Alert:
    """One (entity, story): the story may have reached us through several sources."""

    id: int
    entity: str
    watchlist: str
    kind: str
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

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "entity": self.entity,
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
        }


@dataclass(frozen=True)
class SourceHealth:
    name: str
    kind: str
    url: str
    enabled: bool
    status: str
    last_success: datetime | None
    last_attempt: datetime | None
    last_error: str | None
    consecutive_failures: int
    next_check: datetime | None
    retry_after: datetime | None
    items: int
    newest_item: datetime | None
    backoff_until: datetime | None = None

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
        }
