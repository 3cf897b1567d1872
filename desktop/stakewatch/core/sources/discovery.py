"""Finding the feeds behind an address.

In order: a known platform's profile (social.py), the address itself, the page's
<link rel="alternate">, YouTube channel pages (the channel's video feed), links in
the page body that look like feeds, then the common feed paths of the site
(/feed, /rss, /index.rdf, /atom.xml). A Telegram channel becomes a page source on its
public preview. `discover` fetches (worker thread) and never raises: it returns what
it found and, when nothing, a sentence saying why.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit, urlunsplit

from lxml import html as lxml_html

from ..fetching.client import Fetcher
from ..i18n import Text, translate
from ..model.values import FoundFeed as FoundFeed
from ..text import plain
from .feed import web_link
from .social import TELEGRAM_OPTIONS, profile_feed, telegram_preview, wordpress_feed, youtube_channel_id, youtube_feed

PLATFORM_FEED = translate("Discovery", "{platform} feed")
IS_A_FEED = translate("Discovery", "This address is a feed")
WORDPRESS_FEED = translate("Discovery", "WordPress feed")
SITE_FEED = translate("Discovery", "Site feed")
TELEGRAM_PAGE = translate("Discovery", "Telegram channel (public preview page)")
YOUTUBE_FEED = translate("Discovery", "YouTube channel videos")
LINKED_FEED = translate("Discovery", "Feed linked from the page")
NO_FEED = translate("Discovery", "the page announces no feed (no <link rel=\"alternate\"> to RSS, Atom or JSON)")
FEED_TYPES = {"application/rss+xml": "RSS", "application/atom+xml": "Atom", "application/feed+json": "JSON Feed",
              "application/json": "JSON Feed", "application/rdf+xml": "RDF", "text/xml": "XML",
              "application/xml": "XML"}


COMMON_PATHS = ("/feed", "/rss", "/index.rdf", "/atom.xml")
MAX_BODY_LINKS = 4
_FEEDISH = re.compile(r"(\.(rss|rdf|atom|xml)$|/(feed|rss|atom)/?$|[?&]feed=|/rss/)", re.IGNORECASE)


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


def feed_links_in_body(body: bytes, base_url: str) -> list[str]:
    """<a href> links of a page that look like feed addresses, absolute, in page order."""
    try:
        document = lxml_html.document_fromstring(body)
    except (ValueError, lxml_html.etree.ParserError):
        return []
    base = document.xpath("string(//base/@href)") or base_url
    found: dict[str, None] = {}
    for anchor in document.xpath("//a[@href]"):
        url = web_link(urljoin(base, anchor.get("href", "").strip()))
        if url and _FEEDISH.search(urlsplit(url).path + ("?" + urlsplit(url).query if urlsplit(url).query else "")):
            found.setdefault(url, None)
    return list(found)


def common_feed_paths(url: str) -> list[str]:
    parts = urlsplit(url)
    return [urlunsplit((parts.scheme, parts.netloc, path, "", "")) for path in COMMON_PATHS]


def discover(url: str, fetcher: Fetcher | None = None) -> tuple[list[FoundFeed], str | None]:
    """The feeds `url` offers: the page's alternate links, or the URL itself if it is a feed."""
    from ..model import Source
    from . import ParseError
    from .feed import FeedKind

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

    preview = telegram_preview(url)
    if preview is not None:
        return [FoundFeed(str(TELEGRAM_PAGE), preview, "page", dict(TELEGRAM_OPTIONS))], None
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
    if not feeds:
        # a YouTube channel page, or a ministry page linking its channel
        channel = youtube_channel_id(result.body)
        if channel is not None:
            feeds = [FoundFeed(str(YOUTUBE_FEED), youtube_feed(channel), "feed")]
    if not feeds:
        for link in feed_links_in_body(result.body, result.final_url)[:MAX_BODY_LINKS]:
            if address := is_feed(link):
                feeds.append(FoundFeed(str(LINKED_FEED), address, "feed"))
    if not feeds and (address := is_feed(wordpress_feed(result.final_url))):
        feeds = [FoundFeed(str(WORDPRESS_FEED), address, "feed")]
    if not feeds:
        for candidate in common_feed_paths(result.final_url):
            if address := is_feed(candidate):
                feeds = [FoundFeed(str(SITE_FEED), address, "feed")]
                break
    return feeds, None if feeds else Text(NO_FEED)
