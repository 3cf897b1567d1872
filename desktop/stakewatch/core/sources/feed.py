"""RSS 0.9x/1.0/2.0, Atom and RDF through feedparser; JSON Feed 1.0/1.1 by a small adapter."""

from __future__ import annotations

import calendar
import hashlib
import json
import logging
import re
from datetime import UTC, datetime
from typing import Any

import feedparser

from ..i18n import translate
from ..matching.stories import is_news_redirect, strip_publisher
from ..model import Item, Source
from ..text import html_to_text, plain
from .base import ParseError, SourceKind

log = logging.getLogger("stakewatch.feed")

BROKEN_JSON = translate("Feed", "not a feed: the JSON is broken")
NOT_JSON_FEED = translate("Feed", "not a feed: got JSON that is not a JSON Feed")
NO_ITEMS_LIST = translate("Feed", "not a feed: the JSON Feed has no items list")
NESTED_ENTITIES = translate("Feed", "not a feed: it defines nested XML entities (an expansion attack)")
PARSER_FAILED = translate("Feed", "not a feed: the parser failed ({error})")
GOT_HTML = translate("Feed", "not a feed: got an HTML page")
EMPTY = translate("Feed", "not a feed: the answer was empty")
UNREADABLE = translate("Feed", "not a feed: could not read it as RSS, Atom or JSON Feed")

TITLE_LIMIT = 500
SUMMARY_LIMIT = 4_000
CONTENT_LIMIT = 20_000
AUTHOR_LIMIT = 200
MAX_AUTHORS = 20
_EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
_LATEST = datetime(2100, 1, 1, tzinfo=UTC)
_ENTITY_DECL = re.compile(rb"<!ENTITY\s+(?:%\s+)?[^\s\"']+\s+([\"'])(.*?)\1", re.DOTALL)
_ENTITY_REF = re.compile(rb"[&%][^\s;&%]+;")
MAX_ENTITY_DECLARATIONS = 50
_ITEM_START = re.compile(rb"<(?:[A-Za-z][\w.-]*:)?(?:item|entry)[\s>/]")
_ROOT_CLOSE = ((re.compile(rb"<rss[\s>]"), b"</channel></rss>"),
               (re.compile(rb"<(?:[A-Za-z][\w.-]*:)?feed[\s>]"), None),
               (re.compile(rb"<rdf:RDF[\s>]"), b"</rdf:RDF>"))


def cap_items(body: bytes, limit: int) -> bytes:
    """`body` cut before its (limit+1)-th item and closed again, so that feedparser's time is
    bounded by the items kept, not by how many a feed lists. Unknown shapes are left whole."""
    starts = _ITEM_START.finditer(body)
    cut = None
    for count, match in enumerate(starts):
        if count == limit:
            cut = match.start()
            break
    if cut is None:
        return body
    head = body[:4096]
    for root, closing in _ROOT_CLOSE:
        found = root.search(head)
        if found:
            if closing is None:  # Atom: the root's own name, prefix included
                name = body[found.start() + 1:found.end() - 1]
                closing = b"</" + name + b">"
            return body[:cut] + closing
    return body


def web_link(value: Any) -> str:
    """`value` if it is an absolute http(s) link, else ''."""
    if not isinstance(value, str):
        return ""
    link = plain(value, 4_000)
    return link if link.lower().startswith(("http://", "https://")) else ""


def make_guid(guid: Any, link: str, title: str, summary: str) -> str:
    if isinstance(guid, str | int) and str(guid).strip():
        return plain(str(guid), 1_000)
    if link:
        return link
    digest = hashlib.sha256(f"{title}\n{summary}".encode()).hexdigest()
    return f"sha256:{digest[:32]}"


def sane_date(value: datetime | None) -> datetime | None:
    if value is None or not (_EARLIEST <= value <= _LATEST):
        return None
    return value


def author_names(*values: Any) -> tuple[str, ...]:
    """Plain author names from feedparser's or JSON Feed's author fields (strings, {"name"} objects, lists)."""
    names: dict[str, None] = {}
    for value in values:
        for one in value if isinstance(value, list) else [value]:
            name = one.get("name") if isinstance(one, dict) else one
            if isinstance(name, str) and (text := html_to_text(name, AUTHOR_LIMIT)):
                names.setdefault(text, None)
    return tuple(names)[:MAX_AUTHORS]


def build_item(guid: Any, link: Any, title_html: str, summary_html: str,
               content_html: str, published: datetime | None, authors: tuple[str, ...] = ()) -> Item:
    title = html_to_text(title_html, TITLE_LIMIT)
    summary = html_to_text(summary_html, SUMMARY_LIMIT)
    content = html_to_text(content_html, CONTENT_LIMIT)
    if content == summary:
        content = ""
    url = web_link(link)
    if not title:
        title = plain((summary or content)[:120], TITLE_LIMIT) or "(untitled)"
    return Item(
        guid=make_guid(guid, url, title, summary),
        url=url,
        title=title,
        summary=summary,
        content=content,
        published=sane_date(published),
        authors=authors,
    )


def _looks_like_json(body: bytes, content_type: str) -> bool:
    return "json" in content_type.lower() or body.lstrip()[:1] in (b"{", b"[")


def _looks_like_html(body: bytes) -> bool:
    head = body[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]


def _parse_json_date(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        return parsed.astimezone(UTC)
    except (ValueError, OverflowError):  # a date at the edge of the calendar is an unknown date
        return None


def text_field(entry: dict[str, Any], key: str) -> str:
    value = entry.get(key)
    return value if isinstance(value, str) else ""


def parse_json_feed(body: bytes, limit: int) -> list[Item]:
    """Items of a JSON Feed 1.0/1.1 document. Raises ParseError."""
    try:
        document = json.loads(body.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError) as exc:
        raise ParseError(BROKEN_JSON) from exc
    version = document.get("version") if isinstance(document, dict) else None
    if not isinstance(version, str) or "jsonfeed.org/version/" not in version:
        raise ParseError(NOT_JSON_FEED)
    entries = document.get("items")
    if not isinstance(entries, list):
        raise ParseError(NO_ITEMS_LIST)
    items: list[Item] = []
    for entry in entries[:limit]:
        if not isinstance(entry, dict):
            continue
        link = web_link(entry.get("url")) or web_link(entry.get("external_url"))
        content_html = entry.get("content_html")
        content_text = entry.get("content_text")
        content = content_html if isinstance(content_html, str) else ""
        if not content and isinstance(content_text, str):
            content = content_text.replace("&", "&amp;").replace("<", "&lt;")
        summary = text_field(entry, "summary")
        title = text_field(entry, "title")
        published = _parse_json_date(entry.get("date_published")) or _parse_json_date(
            entry.get("date_modified"))
        items.append(build_item(entry.get("id"), link, title, summary, content, published,
                                author_names(entry.get("authors")) or author_names(entry.get("author"))))
    return items


def _entry_date(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), UTC)
            except (OverflowError, ValueError, TypeError, OSError):
                continue
    return None


def _headline(entry: Any) -> str:
    """The entry's title; a news-search copy loses its " - Publisher" suffix (from `<source>`)."""
    title = entry.get("title", "") or ""
    source = entry.get("source")
    publisher = source.get("title", "") if isinstance(source, dict) else ""
    link = entry.get("link")
    news_search = isinstance(link, str) and is_news_redirect(link)
    if not isinstance(title, str) or not (news_search or publisher):
        return title if isinstance(title, str) else ""
    return strip_publisher(title, publisher if isinstance(publisher, str) else "", news_search)


def refuse_entity_expansion(body: bytes) -> None:
    """Raise ParseError for a document whose DTD nests entities (a billion-laughs attack)."""
    head = body[:65_536]
    if b"<!ENTITY" not in head:
        return
    declarations = _ENTITY_DECL.findall(head)
    if len(declarations) > MAX_ENTITY_DECLARATIONS or any(
        _ENTITY_REF.search(value) for _quote, value in declarations
    ):
        raise ParseError(NESTED_ENTITIES)


def parse_xml_feed(body: bytes, content_type: str, url: str, limit: int) -> list[Item]:
    """Items of an RSS, Atom or RDF document through feedparser. Raises ParseError."""
    refuse_entity_expansion(body)
    body = cap_items(body, limit)
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    try:
        parsed = feedparser.parse(body, response_headers=headers, sanitize_html=True,
                                  resolve_relative_uris=True)
    except Exception as exc:  # feedparser should not raise, but a feed must never end a cycle
        log.warning("feedparser failed", exc_info=True)
        raise ParseError(PARSER_FAILED(error=type(exc).__name__)) from exc
    entries = parsed.get("entries") or []
    if not parsed.get("version") and not entries:
        if _looks_like_html(body):
            raise ParseError(GOT_HTML)
        if not body.strip():
            raise ParseError(EMPTY)
        raise ParseError(UNREADABLE)
    items: list[Item] = []
    for entry in entries[:limit]:
        content = ""
        for part in entry.get("content") or []:
            value = part.get("value") if isinstance(part, dict) else None
            if isinstance(value, str) and len(value) > len(content):
                content = value
        items.append(build_item(
            entry.get("id") or entry.get("guid"),
            entry.get("link"),
            _headline(entry),
            entry.get("summary", "") or "",
            content,
            _entry_date(entry),
            author_names(entry.get("authors")) or author_names(entry.get("author")),
        ))
    return items


class FeedKind(SourceKind):
    name = "feed"

    @classmethod
    def parse(cls, source: Source, body: bytes, content_type: str, url: str) -> list[Item]:
        if _looks_like_json(body, content_type):
            return parse_json_feed(body, cls.max_items)
        return parse_xml_feed(body, content_type, url, cls.max_items)
