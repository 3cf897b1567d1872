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

from ..i18n import Message, translate
from ..matching.stories import is_news_redirect, strip_publisher
from ..model import Item, Source
from ..text import html_to_text, not_text, plain
from .base import Parsed, ParseError, SourceKind

log = logging.getLogger("stakewatch.feed")

BROKEN_JSON = translate("Feed", "not a feed: the JSON is broken")
NOT_JSON_FEED = translate("Feed", "not a feed: got JSON that is not a JSON Feed")
NO_ITEMS_LIST = translate("Feed", "not a feed: the JSON Feed has no items list")
NESTED_ENTITIES = translate("Feed", "not a feed: it defines nested XML entities (an expansion attack)")
PARSER_FAILED = translate("Feed", "not a feed: the parser failed ({error})")
GOT_HTML = translate("Feed", "not a feed: got an HTML page")
EMPTY = translate("Feed", "not a feed: the answer was empty")
UNREADABLE = translate("Feed", "not a feed: could not read it as RSS, Atom or JSON Feed")
NOT_TEXT = translate("Feed", "{n} {n:?item|items} held characters that are not text; they were replaced")
LEFT_OUT = translate("Feed", "{n} {n:?item|items} could not be read and {n:?was|were} left out")
LONG_ID = translate("Feed", "{n} {n:?item|items} had an id longer than {limit} characters; a digest of it "
                            "is kept instead")

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
GUID_LIMIT = 1_000
MAX_INT_DIGITS = 100
_CHARACTER_REFERENCE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,16})|([0-9]{1,20}));")
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
        text = str(guid)
        if len(text) > GUID_LIMIT:  # never cut: two ids sharing their first thousand characters stay two
            return "sha256:" + hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()
        return plain(text, GUID_LIMIT)
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


def _number(digits: str) -> int | str:
    """A JSON integer; one too long for Python to convert stays text (an id of 5,000 digits)."""
    return int(digits) if len(digits) <= MAX_INT_DIGITS else digits


class _Problems:
    """How many items needed a part replaced or dropped, and how many were left out."""

    def __init__(self) -> None:
        self.replaced: set[int] = set()
        self.long_ids = 0
        self.left_out = 0

    def check(self, index: int, guid: Any, *texts: Any) -> None:
        if isinstance(guid, str) and len(guid) > GUID_LIMIT:
            self.long_ids += 1
        if any(isinstance(text, str) and not_text(text) for text in (guid, *texts)):
            self.replaced.add(index)

    def messages(self) -> list[Message]:
        found = []
        if self.left_out:
            found.append(LEFT_OUT(n=self.left_out))
        if self.replaced:
            found.append(NOT_TEXT(n=len(self.replaced)))
        if self.long_ids:
            found.append(LONG_ID(n=self.long_ids, limit=GUID_LIMIT))
        return found


def parse_json_feed(body: bytes, limit: int) -> Parsed:
    """Items of a JSON Feed 1.0/1.1 document. Raises ParseError."""
    try:
        document = json.loads(body.decode("utf-8-sig", errors="replace"), parse_int=_number)
    except (ValueError, RecursionError) as exc:
        raise ParseError(BROKEN_JSON) from exc
    version = document.get("version") if isinstance(document, dict) else None
    if not isinstance(version, str) or "jsonfeed.org/version/" not in version:
        raise ParseError(NOT_JSON_FEED)
    entries = document.get("items")
    if not isinstance(entries, list):
        raise ParseError(NO_ITEMS_LIST)
    items: list[Item] = []
    problems = _Problems()
    for index, entry in enumerate(entries[:limit]):
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
        problems.check(index, entry.get("id"), title, summary, content)
        items.append(build_item(entry.get("id"), link, title, summary, content, published,
                                author_names(entry.get("authors")) or author_names(entry.get("author"))))
    return Parsed(items, problems.messages())


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


def _is_xml_char(code: int) -> bool:
    return (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0x10FFFF) and \
        not (0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE)


def replace_bad_references(body: bytes) -> tuple[bytes, list[int]]:
    """`body` with character references to what is not text (&#xD800;, &#0;, &#xFFFF;, beyond U+10FFFF)
    replaced by U+FFFD, and the offsets where that happened."""
    where: list[int] = []

    def replace(match: re.Match[bytes]) -> bytes:
        hexadecimal, decimal = match.group(1), match.group(2)
        code = int(hexadecimal, 16) if hexadecimal else int(decimal)
        if _is_xml_char(code):
            return match.group(0)
        where.append(match.start())
        return b"&#xFFFD;"

    if b"&#" not in body:
        return body, where
    return _CHARACTER_REFERENCE.sub(replace, body), where


def _feedparser(body: bytes, headers: dict[str, str]) -> Any:
    return feedparser.parse(body, response_headers=headers, sanitize_html=True, resolve_relative_uris=True)


def _one_by_one(body: bytes, headers: dict[str, str], problems: _Problems) -> Any:
    """The feed read item by item (each with the document's head), after the whole would not parse:
    the items the parser cannot read are left out and counted."""
    starts = [match.start() for match in _ITEM_START.finditer(body)]
    if not starts:
        raise ValueError("no items")
    head = body[:starts[0]]
    closing = next((close for root, close in _ROOT_CLOSE if root.search(body[:4096])), None)
    if closing is None:  # Atom: the root's own name, prefix included
        found = _ROOT_CLOSE[1][0].search(body[:4096])
        closing = b"</" + body[found.start() + 1:found.end() - 1] + b">" if found else b""
    first: Any = None
    entries: list[Any] = []
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(body)
        piece = head + body[start:end] + (closing if end < len(body) else b"")
        try:
            parsed = _feedparser(piece, headers)
        except Exception:  # this item alone cannot be read
            problems.left_out += 1
            continue
        first = first or parsed
        entries.extend(parsed.get("entries") or [])
    if first is None:
        raise ValueError("no item could be read")
    first["entries"] = entries
    return first


def parse_xml_feed(body: bytes, content_type: str, url: str, limit: int) -> Parsed:
    """Items of an RSS, Atom or RDF document through feedparser. Raises ParseError."""
    refuse_entity_expansion(body)
    body = cap_items(body, limit)
    body, replaced_at = replace_bad_references(body)
    problems = _Problems()
    if replaced_at:
        starts = [match.start() for match in _ITEM_START.finditer(body)]
        problems.replaced |= {sum(1 for start in starts if start <= offset) for offset in replaced_at} - {0}
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    try:
        parsed = _feedparser(body, headers)
    except Exception as exc:  # feedparser should not raise; when it does, one item must not cost the feed
        log.warning("feedparser failed on the whole feed; reading it item by item", exc_info=True)
        try:
            parsed = _one_by_one(body, headers, problems)
        except Exception:
            raise ParseError(PARSER_FAILED(error=type(exc).__name__)) from exc
    entries = parsed.get("entries") or []
    if not parsed.get("version") and not entries:
        if _looks_like_html(body):
            raise ParseError(GOT_HTML)
        if not body.strip():
            raise ParseError(EMPTY)
        raise ParseError(UNREADABLE)
    items: list[Item] = []
    for index, entry in enumerate(entries[:limit]):
        content = ""
        for part in entry.get("content") or []:
            value = part.get("value") if isinstance(part, dict) else None
            if isinstance(value, str) and len(value) > len(content):
                content = value
        problems.check(index + 1, entry.get("id") or entry.get("guid"), entry.get("title"), entry.get("summary"),
                       content)
        items.append(build_item(
            entry.get("id") or entry.get("guid"),
            entry.get("link"),
            _headline(entry),
            entry.get("summary", "") or "",
            content,
            _entry_date(entry),
            author_names(entry.get("authors")) or author_names(entry.get("author")),
        ))
    result = Parsed(items, problems.messages())
    result.hub = _hub(parsed.get("feed") or {})
    return result


def _hub(feed: Any) -> tuple[str, str] | None:
    """The WebSub hub and topic (rel="hub" and rel="self" links) a feed announces, http(s) only."""
    links = {str(link.get("rel")): str(link.get("href") or "") for link in feed.get("links") or []
             if isinstance(link, dict)}
    hub, topic = links.get("hub", ""), links.get("self", "")
    return (hub, topic) if hub.startswith(("http://", "https://")) and topic.startswith(("http://", "https://")) \
        else None


class FeedKind(SourceKind):
    name = "feed"

    @classmethod
    def parse(cls, source: Source, body: bytes, content_type: str, url: str) -> Parsed:
        if _looks_like_json(body, content_type):
            return parse_json_feed(body, cls.max_items)
        return parse_xml_feed(body, content_type, url, cls.max_items)
