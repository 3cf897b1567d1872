"""Sources as a user looks after them: health, retry, disable, credentials, discovery and preview.
Store's thread unless a docstring says otherwise."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from ..delivery.offline import offline_notice
from ..fetching.client import Fetcher
from ..i18n import Message
from ..model import Item, Source, SourceHealth, Watchlist
from ..platform.secrets import SOURCE, Vault, request_auth
from ..sources import SOURCE_KINDS, ParseError
from ..sources.discovery import FoundFeed, discover
from ..store import credentials
from ..store.database import Store
from .schedule import scheduled_health


class Sources:
    """The sources' health and the keyring entries they read."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def health(self, now: datetime | None = None) -> list[SourceHealth]:
        return self._store.health(now)

    def scheduled_health(self) -> list[SourceHealth]:
        """Every source's health with its schedule: rhythm, next check, median delay, requests per hour."""
        return scheduled_health(self._store, datetime.now(UTC))

    def has_enabled(self) -> bool:
        return bool(self._store.sources(enabled_only=True))

    def enabled_count(self) -> int:
        return len(self._store.sources(enabled_only=True))

    def retry(self, name: str) -> None:
        """Forget the wait the source asked for (and its backoff): the next cycle fetches it."""
        self._store.clear_wait(name)

    def set_enabled(self, name: str, enabled: bool) -> None:
        self._store.set_enabled(name, enabled)

    def save_secret(self, name: str, secret: str) -> None:
        """Keep a source's credential in the keyring (its prompt may take a while: a worker thread).
        Raises UserError (nothing stored)."""
        credentials.save(self._store, SOURCE, name, secret)

    def delete_secret(self, name: str) -> None:
        credentials.delete(self._store, SOURCE, name)

    def vault(self) -> Vault:
        """This folder's keyring entries, for `preview` on another thread."""
        return credentials.vault(self._store)

    @staticmethod
    def offline_notice(health: Sequence[SourceHealth]) -> Message | None:
        """One sentence when every source failed the same way (pure)."""
        return offline_notice(health)


def find_feeds(url: str) -> tuple[list[FoundFeed], Message | str | None]:
    """The feeds a page or address offers, and when there are none, why. Network; any thread."""
    return discover(url)


def preview_source(source: Source, watchlists: list[Watchlist],
                   vault: Vault | None = None) -> tuple[list[Item], Message | str | None]:
    """What one fetch of `source` would give, without storing anything; its credential is read from
    `vault` (the data folder's keyring entries; none without one). Network; any thread."""
    kind = SOURCE_KINDS[source.kind]
    url = kind.request_url(source, watchlists)
    headers, basic, problem = request_auth(source.options, vault) if vault is not None else ({}, None, None)
    if problem:
        return [], problem
    result = Fetcher().fetch(url, headers=headers, auth=basic)
    if not result.ok:
        return [], result.error
    try:
        return kind.parse(source, result.body, result.content_type, result.final_url), None
    except ParseError as exc:
        return [], exc.message
