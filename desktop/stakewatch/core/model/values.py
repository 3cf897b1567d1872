"""Value types the layers hand each other: notifications, channels, found feeds, refusals.

Plain data with no behaviour beyond a check of their own fields; every layer may import them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..i18n import FIELD_PROBLEM, Message, translate
from . import Alert, UserError

REFUSED_TITLE = translate("Import", "Import refused")
SEVERAL = translate("Import", "{n} problems; nothing was imported:")
DUPLICATE_WATCHLIST = translate("Import", "duplicate watchlist name '{name}'")
NOT_EMPTY = translate("Import", "must not be empty")


@dataclass(frozen=True)
class Notification:
    """Plain text only; `url` is an http(s) link or None (then a click opens the inbox)."""

    title: str
    body: str
    url: str | None
    alert_ids: tuple[int, ...] = ()
    opens_inbox: bool = False
    urgency: str = "normal"
    kind: str = "alert"
    source: str | None = None
    """For a notice about one failing source: its name, so that "Open" can show it."""


@dataclass(frozen=True)
class Channel:
    """What a channel receives. `watchlists` empty: all; `only`: None, "statements" or "priority";
    `digest`: None, "daily HH:MM" or "weekly DAY HH:MM" (local time); `digest_only`: no per-story messages."""

    name: str
    watchlists: tuple[str, ...] = ()
    only: str | None = None
    health: bool = False
    quiet_hours: bool = True
    digest: str | None = None
    digest_only: bool = False

    def wants(self, alert: Alert) -> bool:
        if self.watchlists and alert.watchlist.casefold() not in {w.casefold() for w in self.watchlists}:
            return False
        if self.only == "statements":
            return alert.kind == "statement"
        if self.only == "priority":
            return alert.priority
        return True


@dataclass(frozen=True)
class FoundFeed:
    """A feed found, or (kind 'page') a page source with the `options` that read it."""

    title: str
    url: str
    kind: str
    options: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


class Refused(UserError):
    """A file that cannot be imported; `message` names the place and the reason.

    `problems` holds every problem found (this one alone unless several were
    collected); the message then lists them all, one a line.
    """

    def __init__(self, where: str, reason: Message | str, problems: Sequence[Refused] = ()) -> None:
        super().__init__(REFUSED_TITLE, FIELD_PROBLEM(field=where, reason=reason) if where else reason)
        self.where = where
        self.reason = reason
        self.problems: tuple[Refused, ...] = tuple(problems) or (self,)


@dataclass(frozen=True)
class PageSnapshot:
    """One look at a page. `outcome`: text, unchanged (304), gone (404/410), moved (to a generic page),
    failed (anything else: try again later)."""

    url: str
    final_url: str
    fetched: datetime
    outcome: str
    status: int | None = None
    text: str = ""
    sha256: str = ""
    key: str = ""
    html: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
