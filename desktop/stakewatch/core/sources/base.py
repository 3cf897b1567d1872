"""What every source kind provides."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from ..i18n import Message, text
from ..model import Item, Source, Watchlist


class ParseError(Exception):
    """The answer could not be read as this kind of source; `message` is for the user."""

    def __init__(self, message: Message | str) -> None:
        super().__init__(message)
        self.message = text(message)


class SourceKind:
    """A kind of source. Stateless: methods may run on any worker thread."""

    name: ClassVar[str] = ""
    max_items: ClassVar[int] = 500

    statements: ClassVar[bool] = True

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
