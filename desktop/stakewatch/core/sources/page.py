"""Listing pages without a feed: CSS selectors pick the item links, titles and dates.

Options: `item` (required: the links, or containers holding one link each),
`link` (within a container; default `a`), `title` and `date` (within the item; without it a date
written in the title is used),
`follow_pdf` (true: the text of each new linked PDF, a few per cycle, becomes its item's text).
The encoding comes from the HTTP header, then the page's meta tags, then a
guess among UTF-8, Shift_JIS and EUC-JP.
"""

from __future__ import annotations

import codecs
import html
import re
from dataclasses import replace
from datetime import datetime
from typing import Any, ClassVar
from urllib.parse import urljoin

from cssselect import GenericTranslator, SelectorError
from lxml import html as lxml_html

from ..dates import parse_date
from ..model import Item, Source
from ..pdftext import is_pdf, pdf_text
from ..text import plain
from .base import Collect, FetchFailed, ParseError, SourceKind
from .feed import build_item, web_link

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


def machine_date(value: str | None) -> datetime | None:
    """A <time datetime="..."> value with its zone, else None."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


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
    PDFS_PER_CYCLE: ClassVar[int] = 5
    PDF_PAUSE: ClassVar[float] = 0.5

    @classmethod
    def check_options(cls, options: dict[str, Any]) -> str | None:
        if "item" not in options:
            return "item: a listing page needs the CSS selector of its items"
        if "follow_pdf" in options and not isinstance(options["follow_pdf"], bool):
            return "follow_pdf: must be true or false"
        for key in cls.OPTIONS:
            if key in options:
                problem = check_selector(options[key])
                if problem:
                    return f"{key}: {problem}"
        return None

    @classmethod
    def parse(cls, source: Source, body: bytes, content_type: str, url: str) -> list[Item]:
        options = source.options
        text = decode_page(body, content_type)
        try:
            document = lxml_html.document_fromstring(text)
        except (ValueError, lxml_html.etree.ParserError) as exc:
            raise ParseError("not a web page: it could not be read as HTML") from exc
        base = document.xpath("string(//base/@href)") or url
        try:
            found = document.cssselect(options.get("item", "a"))
        except SelectorError as exc:
            raise ParseError(f"the item selector is not valid CSS ({exc})") from exc
        if not found:
            raise ParseError(f"the page has nothing matching the item selector {options.get('item')!r}")
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
            if "date" not in options:
                published = parse_date(title)  # 河野大臣記者会見（令和6年9月17日）
            elif "date" in options:
                date_element = next(iter(element.cssselect(options["date"])), None)
                if date_element is not None:
                    published = machine_date(date_element.get("datetime")) or parse_date(date_element.text_content())
            item = build_item(link, link, html.escape(title, quote=False), "", "", published)
            items[link] = item
        return list(items.values())

    @classmethod
    def collecting(cls, source: Source) -> bool:
        return source.options.get("follow_pdf") is True

    @classmethod
    def collect(cls, source: Source, context: Collect) -> list[Item]:
        """The listing, then the text of up to PDFS_PER_CYCLE new PDF links; the other new PDFs wait for
        later cycles. Worker thread."""
        listing = context.fetch(source.url)
        if not listing.ok:
            raise FetchFailed(listing)
        items = cls.parse(source, listing.body, listing.content_type, listing.final_url)
        kept: list[Item] = []
        followed = 0
        for item in items:
            if item.guid in context.known or not item.url.lower().split("?")[0].endswith(".pdf"):
                kept.append(item)
                continue
            if followed >= cls.PDFS_PER_CYCLE or (followed and not context.pause(cls.PDF_PAUSE)):
                continue  # read in a later cycle
            followed += 1
            answer = context.fetch(item.url)
            if answer.ok and is_pdf(answer.body, answer.content_type):
                item = replace(item, content=pdf_text(answer.body))
            kept.append(item)
        return kept
