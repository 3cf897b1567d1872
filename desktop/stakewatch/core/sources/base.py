"""What every source kind provides."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from ..fetching.client import FetchResult
from ..i18n import Message, text
from ..model import Item, Source, Watchlist


class Parsed(list[Item]):
    """The items of one answer, and what had to be left out or replaced to read them (`problems`,
    said on the source's health): one bad item costs only itself."""

    def __init__(self, items: Iterable[Item] = (), problems: Iterable[Message] = ()) -> None:
        super().__init__(items)
        self.problems: list[Message] = list(problems)
        self.hub: tuple[str, str] | None = None
        """The WebSub hub the feed announces and its own address (the topic), when it names both."""


def problems_of(items: Sequence[Item]) -> tuple[Message, ...]:
    return tuple(items.problems) if isinstance(items, Parsed) else ()


class ParseError(Exception):
    """The answer could not be read as this kind of source; `message` is for the user."""

    def __init__(self, message: Message | str) -> None:
        super().__init__(message)
        self.message = text(message)


class FetchFailed(ParseError):
    """A request of a collecting kind failed; `result` keeps its status and Retry-After."""

    def __init__(self, result: FetchResult) -> None:
        super().__init__(result.error or "the request failed")
        self.result = result


@dataclass(frozen=True)
class Collect:
    """What a kind that reads several addresses per cycle is given (see `SourceKind.collects`).

    `fetch` is one GET under the source's host cap and credentials; `pause` waits between
    requests and returns False when the cycle was cancelled meanwhile; `known` holds the GUIDs
    the source already stored; `stop` is set when the cycle is cancelled (quitting): work of its
    own (a PDF's text) ends then too.
    """

    fetch: Callable[[str], FetchResult]
    pause: Callable[[float], bool]
    watchlists: Sequence[Watchlist]
    last_success: datetime | None
    now: datetime
    known: frozenset[str] = frozenset()
    stop: threading.Event | None = None


class SourceKind:
    """A kind of source. Stateless: methods may run on any worker thread."""

    name: ClassVar[str] = ""
    max_items: ClassVar[int] = 500

    statements: ClassVar[bool] = True
    collects: ClassVar[bool] = False

    @classmethod
    def request_url(cls, source: Source, watchlists: Sequence[Watchlist] = ()) -> str:
        """The address to fetch for `source` (a search fills in the aliases of `watchlists`)."""
        return source.url

    @classmethod
    def check_options(cls, options: dict[str, Any]) -> str | None:
        """None when `options` suit this kind, else '<key>: <reason>' for the user."""
        return None

    @classmethod
    def parse(cls, source: Source, body: bytes, content_type: str, url: str) -> list[Item]:
        """Items in a fetched answer. Raises ParseError with a sentence for the user."""
        raise NotImplementedError

    @classmethod
    def collecting(cls, source: Source) -> bool:
        """Whether `source` is read through `collect` (several requests) rather than one fetch."""
        return cls.collects

    @classmethod
    def collect(cls, source: Source, context: Collect) -> list[Item]:
        """Items of a kind with `collects = True`, read with as many requests as it needs, one at a
        time. Worker thread. Raises FetchFailed or ParseError with a sentence for the user."""
        raise NotImplementedError
