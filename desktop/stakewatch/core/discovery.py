"""Finding the feeds a web page announces with <link rel="alternate">.

`discover` fetches (worker thread) and never raises: it returns the feeds found
and, when there are none, a sentence saying why.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import html as lxml_html

from .fetch import Fetcher
from .i18n import Text, translate
from .social import profile_feed, wordpress_feed
from .sources.feed import web_link
from .text import plain

PLATFORM_FEED = translate("Discovery", "{platform} feed")
IS_A_FEED = translate("Discovery", "This address is a feed")
WORDPRESS_FEED = translate("Discovery", "WordPress feed")
NO_FEED = translate("Discovery", "the page announces no feed (no <link rel=\"alternate\"> to RSS, Atom or JSON)")
FEED_TYPES = {"application/rss+xml": "RSS", "application/atom+xml": "Atom", "application/feed+json": "JSON Feed",
              "application/json": "JSON Feed", "application/rdf+xml": "RDF", "text/xml": "XML",
              "application/xml": "XML"}


@dataclass(frozen=True)
class FoundFeed:
    title: str
    url: str
    kind: str


def feeds_in_page(body: bytes, base_url: str) -> list[FoundFeed]:
    """Alternate feed links of an HTML page, absolute, http(s) only, without duplicates."""
    try:
        document = lxml_html.document_fromstring(body)
    except (ValueError, lxml_html.etree.ParserError):
        return []
    base = document.xpath("string(//base/@href)") or base_url
    found: dict[str, FoundFeed] = {}
    for link in document.xpath("//link[@href]"):
        rel = (link.get("rel") or "").lower().split()
        kind = FEED_TYPES.get((link.get("type") or "").split(";")[0].strip().lower())
        if "alternate" not in rel or kind is None:
            continue
        url = web_link(urljoin(base, link.get("href", "").strip()))
        if url and url not in found:
            found[url] = FoundFeed(plain(link.get("title") or "", 200) or kind, url, kind)
    return list(found.values())


def discover(url: str, fetcher: Fetcher | None = None) -> tuple[list[FoundFeed], str | None]:
    """The feeds `url` offers: the page's alternate links, or the URL itself if it is a feed."""
    from .model import Source
    from .sources import ParseError
    from .sources.feed import FeedKind

    fetcher = fetcher or Fetcher()

    def is_feed(address: str) -> str | None:
        answer = fetcher.fetch(address)
        if not answer.ok:
            return None
        try:
            FeedKind.parse(Source("probe", "feed", address), answer.body, answer.content_type, answer.final_url)
        except ParseError:
            return None
        return answer.final_url

    known = profile_feed(url)
    if known is not None and (address := is_feed(known[1])):
        return [FoundFeed(str(PLATFORM_FEED(platform=known[0])), address, "feed")], None
    result = fetcher.fetch(url)
    if not result.ok:
        return [], result.error
    try:
        FeedKind.parse(Source("probe", "feed", url), result.body, result.content_type, result.final_url)
        return [FoundFeed(str(IS_A_FEED), result.final_url, "feed")], None
    except ParseError:
        pass
    feeds = feeds_in_page(result.body, result.final_url)
    if not feeds and (address := is_feed(wordpress_feed(result.final_url))):
        feeds = [FoundFeed(str(WORDPRESS_FEED), address, "feed")]
    return feeds, None if feeds else Text(NO_FEED)
