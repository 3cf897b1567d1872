"""News searches: a URL template whose {query} is built from entities' aliases at every cycle.

Options: `entities` (names searched; all when absent), `lang` and `region`
(filling {lang} and {region}). Results are coverage, never statements. The
answer may be RSS/Atom (news-search feeds) or GDELT DOC 2.0 JSON.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, ClassVar
from urllib.parse import quote

from ..i18n import field_problem, translate
from ..model import Item, Source, Watchlist
from .base import ParseError, SourceKind
from .feed import FeedKind, build_item, text_field, web_link

NEEDS_ENTITY_LIST = translate("Search", "must be a list of entity names")
NEEDS_CODE = translate("Search", "must be text such as en or JP")
BROKEN_JSON = translate("Search", "not a search answer: the JSON is broken")
UNEXPECTED_JSON = translate("Search", "not a search answer: unexpected JSON")
NO_ARTICLES = translate("Search", "not a search answer: no article list")

PRESETS: dict[str, str] = {
    "News search (RSS)": "https://news.google.com/rss/search?q={query}&hl={lang}&gl={region}&ceid={region}:{lang}",
    "GDELT DOC 2.0 (JSON)": "https://api.gdeltproject.org/api/v2/doc/doc?query={query}&mode=artlist&format=json"
                            "&maxrecords=75&sort=datedesc",
}
MAX_QUERY_TERMS = 12


def build_query(aliases: Sequence[str]) -> str:
    """("a b" OR "c"): every alias quoted, inner quotes removed, duplicates dropped."""
    terms = list(dict.fromkeys(a.replace('"', " ").strip() for a in aliases if a.strip()))[:MAX_QUERY_TERMS]
    quoted = [f'"{t}"' for t in terms]
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


def parse_gdelt(body: bytes, limit: int) -> list[Item]:
    try:
        document = json.loads(body.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError) as exc:
        raise ParseError(BROKEN_JSON) from exc
    if not isinstance(document, dict):
        raise ParseError(UNEXPECTED_JSON)
    articles = document.get("articles", [])
    if not isinstance(articles, list):
        raise ParseError(NO_ARTICLES)
    items: list[Item] = []
    for article in articles[:limit]:
        if not isinstance(article, dict):
            continue
        link = web_link(article.get("url"))
        if not link:
            continue
        seen = article.get("seendate")
        published = None
        if isinstance(seen, str):
            try:
                published = datetime.strptime(seen, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            except ValueError:
                published = None
        items.append(build_item(link, link, text_field(article, "title"), text_field(article, "domain"), "",
                                published))
    return items


class SearchKind(SourceKind):
    name = "search"
    statements: ClassVar[bool] = False

    @classmethod
    def check_options(cls, options: dict[str, Any]) -> str | None:
        names = options.get("entities", [])
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            return field_problem("entities", NEEDS_ENTITY_LIST)
        for key in ("lang", "region"):
            if key in options and (not isinstance(options[key], str) or not options[key].strip()):
                return field_problem(key, NEEDS_CODE)
        return None

    @classmethod
    def aliases(cls, source: Source, watchlists: Sequence[Watchlist]) -> list[str]:
        """Aliases to search for, those that stand alone before those that need context."""
        wanted = {n.casefold() for n in source.options.get("entities", [])}
        return [alias.text for w in watchlists for e in w.entities
                if not wanted or e.name.casefold() in wanted
                for alias in sorted(e.terms, key=lambda term: term.needs_context)]

    @classmethod
    def request_url(cls, source: Source, watchlists: Sequence[Watchlist] = ()) -> str:
        query = build_query(cls.aliases(source, watchlists))
        return (source.url.replace("{query}", quote(query, safe=""))
                .replace("{lang}", quote(str(source.options.get("lang", "en")), safe=""))
                .replace("{region}", quote(str(source.options.get("region", "US")), safe="")))

    @classmethod
    def parse(cls, source: Source, body: bytes, content_type: str, url: str) -> list[Item]:
        if body.lstrip()[:1] == b"{" and b"jsonfeed.org" not in body[:4096]:
            return parse_gdelt(body, cls.max_items)
        return FeedKind.parse(source, body, content_type, url)
