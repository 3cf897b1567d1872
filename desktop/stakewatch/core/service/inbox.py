"""The inbox and the notes on its alerts: what a reader does with what was found.

Each part wraps the Store of the thread that owns it (see `Service`); every call runs on that thread
and raises StorageError (a UserError) when the database fails.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime

from ..model import Alert
from ..store import annotations as store_notes
from ..store import inbox as queries
from ..store.database import Store
from ..store.inbox import AlertDetail, InboxQuery, InboxRow
from ..store.story_rows import StoryRow, story_rows


class Inbox:
    """Reading alerts: pages of rows and of stories, details, read marks and mutes."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def alerts(self, since: datetime | None = None, watchlist: str | None = None, limit: int | None = None,
               ids: Sequence[int] | None = None, tags: Sequence[str] = (), flagged_only: bool = False) -> list[Alert]:
        """Alerts newest first (only `ids` when given)."""
        return self._store.alerts(since=since, watchlist=watchlist, limit=limit, ids=ids, tags=tags,
                                  flagged_only=flagged_only)

    def iter_alerts(self, since: datetime | None = None, watchlist: str | None = None, limit: int | None = None,
                    tags: Sequence[str] = (), flagged_only: bool = False) -> Iterator[Alert]:
        """Alerts newest first as SQLite yields them (any number, little memory)."""
        return self._store.iter_alerts(since=since, watchlist=watchlist, limit=limit, tags=tags,
                                       flagged_only=flagged_only)

    def stories(self, since: datetime | None = None, watchlist: str | None = None,
                tags: Sequence[str] = ()) -> list[StoryRow]:
        """The alerts of each story gathered into one row, newest story first."""
        return story_rows(self._store.alerts(since=since, watchlist=watchlist, tags=tags))

    def watchlist_names(self) -> list[str]:
        return [w.name for w in self._store.watchlists()]

    def count(self, query: InboxQuery) -> int:
        return queries.count(self._store, query)

    def page(self, query: InboxQuery, offset: int, limit: int) -> list[InboxRow]:
        return queries.page(self._store, query, offset, limit)

    def story_page(self, query: InboxQuery, offset: int, limit: int) -> tuple[int, list[StoryRow]]:
        return queries.story_page(self._store, query, offset, limit)

    def detail(self, alert_id: int) -> AlertDetail | None:
        return queries.detail(self._store, alert_id)

    def full_text(self, alert_id: int) -> str:
        return queries.full_text(self._store, alert_id)

    def choices(self) -> dict[str, list[str]]:
        return queries.choices(self._store)

    def alert_ids(self, query: InboxQuery) -> list[int]:
        return queries.alert_ids(self._store, query)

    def unread_ids(self, query: InboxQuery) -> list[int]:
        return queries.unread_ids(self._store, query)

    def unread(self) -> int:
        return queries.count(self._store, InboxQuery(unread_only=True))

    def mark_read(self, alert_ids: list[int], read: bool = True) -> None:
        queries.mark_read(self._store, alert_ids, read)

    def mark_read_by_url(self, url: str) -> int:
        """An original opened from a notification or the tray: its alerts are read."""
        return queries.mark_read_by_url(self._store, url)

    def entity_muted(self, watchlist: str, entity: str) -> bool:
        return queries.entity_muted(self._store, watchlist, entity)

    def mute_entity(self, watchlist: str, entity: str, muted: bool = True) -> None:
        queries.mute_entity(self._store, watchlist, entity, muted)


class Notes:
    """Notes, tags and flags on alerts (one alert, a selection, or every alert of a story)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def story_alert_ids(self, story_id: int) -> list[int]:
        return store_notes.story_alert_ids(self._store, story_id)

    def set_note(self, alert_ids: Sequence[int], note: str) -> None:
        store_notes.set_note(self._store, alert_ids, note)

    def add_tags(self, alert_ids: Sequence[int], tags: Sequence[str]) -> list[str]:
        return store_notes.add_tags(self._store, alert_ids, tags)

    def remove_tags(self, alert_ids: Sequence[int], tags: Sequence[str]) -> list[str]:
        return store_notes.remove_tags(self._store, alert_ids, tags)

    def set_flag(self, alert_ids: Sequence[int], flagged: bool = True) -> None:
        store_notes.set_flag(self._store, alert_ids, flagged)

    def all_tags(self) -> list[str]:
        return store_notes.all_tags(self._store)

    @staticmethod
    def clean_tags(tags: Sequence[str]) -> list[str]:
        """Tags as stored: trimmed, folded, without duplicates (no database)."""
        return store_notes.clean_tags(tags)
