"""What every source kind provides."""

from __future__ import annotations

from typing import ClassVar

from ..model import Item, Source


class ParseError(Exception):
    """The answer could not be read as this kind of source; `message` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class SourceKind:
    """A kind of source. Stateless: methods may run on any worker thread."""

    name: ClassVar[str] = ""
    max_items: ClassVar[int] = 500

    @classmethod
    def request_url(cls, source: Source) -> str:
        """The address to fetch for `source`."""
        return source.url

    @classmethod
    def parse(cls, source: Source, body: bytes, content_type: str, url: str) -> list[Item]:
        """Items in a fetched answer. Raises ParseError with a sentence for the user."""
        raise NotImplementedError
