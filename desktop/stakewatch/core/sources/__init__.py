"""Source kinds: each knows how to turn a fetched answer into items.

The registry is a plain dict, `SOURCE_KINDS`; add a kind by adding a module and
an entry here.
"""

from __future__ import annotations

from .base import ParseError, SourceKind
from .diet import DietKind
from .feed import FeedKind
from .page import PageKind
from .search import SearchKind

SOURCE_KINDS: dict[str, type[SourceKind]] = {
    FeedKind.name: FeedKind,
    PageKind.name: PageKind,
    SearchKind.name: SearchKind,
    DietKind.name: DietKind,
}

__all__ = ["SOURCE_KINDS", "ParseError", "SourceKind", "FeedKind", "PageKind", "SearchKind", "DietKind"]
