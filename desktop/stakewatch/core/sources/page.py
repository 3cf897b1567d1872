"""Listing pages without a feed: CSS selectors pick the item links, titles and dates.

Options: `item` (required: the links, or containers holding one link each),
`link` (within a container; default `a`), `title` and `date` (within the item).
The encoding comes from the HTTP header, then the page's meta tags, then a
guess among UTF-8, Shift_JIS and EUC-JP.
"""

from __future__ import annotations

import codecs
import html
import re
from typing import Any, ClassVar
from urllib.parse import urljoin

from cssselect import GenericTranslator, SelectorError
from lxml import html as lxml_html

from ..dates import parse_date
from ..i18n import field_problem, translate
from ..model import Item, Source
from ..text import plain
from .base import ParseError, SourceKind
from .feed import build_item, web_link

NEEDS_ITEM = translate("Page", "a listing page needs the CSS selector of its items")
NOT_HTML = translate("Page", "not a web page: it could not be read as HTML")
BAD_SELECTOR = translate("Page", "the item selector is not valid CSS ({error})")
NOTHING_MATCHES = translate("Page", "the page has nothing matching the item selector '{selector}'")

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_GUESSES = ("utf-8", "cp932", "euc_jp")
_ALIASES = {"shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "windows-31j": "cp932",
            "euc-jp": "euc_jp", "x-euc-jp": "euc_jp"}


def _codec(name: str) -> str | None:
    name = _ALIASES.get(name.lower(), name.lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_page(body: bytes, content_type: str) -> str:
    """The page as text: header charset, then meta charset, then BOM, then the first clean guess."""
    header = _HEADER_CHARSET.search(content_type or "")
    declared = [header.group(1)] if header else []
    meta = _META_CHARSET.search(body[:4096])
    if meta:
        declared.append(meta.group(1).decode("ascii", "replace"))
    if body.startswith(codecs.BOM_UTF8):
        declared.insert(0, "utf-8")
    for name in declared:
        codec = _codec(name)
        if codec:
            try:
                return body.decode(codec)
            except UnicodeDecodeError:
                continue
    for codec in _GUESSES:
        try:
            return body.decode(codec)
        except UnicodeDecodeError:
            continue
    return body.decode("utf-8", errors="replace")


def check_selector(selector: Any) -> str | None:
    if not isinstance(selector, str) or not selector.strip():
        return "must be a CSS selector"
    try:
        GenericTranslator().css_to_xpath(selector)
    except SelectorError as exc:
        return f"is not a CSS selector ({exc})"
    return None


class PageKind(SourceKind):
    name = "page"
    OPTIONS: ClassVar[tuple[str, ...]] = ("item", "link", "title", "date")

    @classmethod
    def check_options(cls, options: dict[str, Any]) -> str | None:
        if "item" not in options:
            return field_problem("item", NEEDS_ITEM)
        for key in cls.OPTIONS:
            if key in options:
                problem = check_selector(options[key])
                if problem:
                    return field_problem(key, problem)
        return None

    @classmethod
    def parse(cls, source: Source, body: bytes, content_type: str, url: str) -> list[Item]:
        options = source.options
        text = decode_page(body, content_type)
        try:
            document = lxml_html.document_fromstring(text)
        except (ValueError, lxml_html.etree.ParserError) as exc:
            raise ParseError(NOT_HTML) from exc
        base = document.xpath("string(//base/@href)") or url
        try:
            found = document.cssselect(options.get("item", "a"))
        except SelectorError as exc:
            raise ParseError(BAD_SELECTOR(error=str(exc))) from exc
        if not found:
            raise ParseError(NOTHING_MATCHES(selector=str(options.get("item"))))
        items: dict[str, Item] = {}
        for element in found[: cls.max_items]:
            link_element = element if element.tag == "a" else next(iter(element.cssselect(options.get("link", "a"))),
                                                                     None)
            if link_element is None:
                continue
            link = web_link(urljoin(base, (link_element.get("href") or "").strip()))
            if not link or link in items:
                continue
            title_element = next(iter(element.cssselect(options["title"])), None) if "title" in options \
                else link_element
            title = plain(title_element.text_content() if title_element is not None else "", 500)
            published = None
            if "date" in options:
                date_element = next(iter(element.cssselect(options["date"])), None)
                if date_element is not None:
                    published = parse_date(date_element.text_content())
            item = build_item(link, link, html.escape(title, quote=False), "", "", published)
            items[link] = item
        return list(items.values())
