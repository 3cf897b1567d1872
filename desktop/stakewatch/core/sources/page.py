"""Listing pages without a feed: CSS selectors pick the item links, titles and dates.

Options: `item` (required: the links, or containers holding one link each),
`link` (within a container; default `a`), `title` and `date` (within the item;
without `date`, a <time> element, a date written in the container beside the
link, or one written in the title is used),
`follow_pdf` (true: the text of each new linked PDF, a few per cycle, becomes its item's text).
The encoding comes from the HTTP header, then the page's meta tags, then a
BOM, then strict UTF-8, then charset-normalizer's detection (Shift_JIS and
EUC-JP first for .jp hosts). Dates are read with `dates.parse_date`, times of
day, year-less and relative dates included.
"""

from __future__ import annotations

import codecs
import html
import re
from dataclasses import replace
from datetime import datetime
from typing import Any, ClassVar
from urllib.parse import urljoin, urlsplit

import charset_normalizer
from cssselect import GenericTranslator, SelectorError
from lxml import html as lxml_html

from ..i18n import field_problem, translate
from ..model import Item, Source
from ..text import plain
from .base import Collect, FetchFailed, ParseError, SourceKind
from .dates import parse_date
from .feed import build_item, web_link
from .pdf import is_pdf, pdf_text

MUST_BE_SWITCH = translate("Page", "must be true or false")
NEEDS_ITEM = translate("Page", "a listing page needs the CSS selector of its items")
NOT_HTML = translate("Page", "not a web page: it could not be read as HTML")
BAD_SELECTOR = translate("Page", "the item selector is not valid CSS ({error})")
NOTHING_MATCHES = translate("Page", "the page has nothing matching the item selector '{selector}'")

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_JAPANESE = ("cp932", "euc_jp")
DETECT_BYTES = 200_000
KANA_SHARE = 0.1
_MULTI_BYTE = frozenset({"cp932", "shift_jis", "euc_jp", "iso2022_jp", "gb2312", "gbk", "gb18030", "big5",
                         "big5hkscs", "cp949", "euc_kr", "johab", "utf-16", "utf-16-le", "utf-16-be",
                         "utf-32", "utf-32-le", "utf-32-be", "cp950", "hz", "shift_jis_2004", "euc_jis_2004"})
# the character sets pages are written in (the WHATWG Encoding Standard's, with Python's spellings)
TEXT_CODECS = frozenset(codecs.lookup(name).name for name in (
    "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "ascii",
    "latin-1", *(f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16)),
    *(f"cp{n}" for n in (437, 850, 852, 855, 857, 858, 862, 866, 874, 1250, 1251, 1252, 1253, 1254, 1255, 1256,
                         1257, 1258)),
    "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "tis-620", "shift_jis", "cp932", "euc_jp", "iso2022_jp",
    "shift_jis_2004", "euc_jis_2004", "gb2312", "gbk", "gb18030", "big5", "big5hkscs", "cp950", "euc_kr",
    "cp949", "johab", "iso2022_kr", "hz"))
_ALIASES = {"shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "windows-31j": "cp932",
            "euc-jp": "euc_jp", "x-euc-jp": "euc_jp"}


def _codec(name: str) -> str | None:
    """The Python codec of a declared charset, if it is a real text encoding: a page declaring
    unicode_escape, rot13, utf-7 or base64 is not believed (unicode_escape turns a literal \\x1b into
    ESC)."""
    name = _ALIASES.get(name.lower(), name.lower())
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return codec if codec in TEXT_CODECS else None


def _is_japanese_host(url: str) -> bool:
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return False
    return host == "jp" or host.endswith(".jp")


def _reads_as_japanese(text: str) -> bool:
    """Kana among the non-ASCII characters: what Japanese text has and other bytes read as Shift_JIS lack."""
    wide = [char for char in text if ord(char) > 0x7F]
    kana = sum(1 for char in wide if "\u3041" <= char <= "\u30fa")
    return bool(wide) and kana >= KANA_SHARE * len(wide)


def _detect(body: bytes, japanese_host: bool) -> str | None:
    """Undeclared bytes: Shift_JIS or EUC-JP if they read as Japanese (always tried first for .jp
    hosts), else charset-normalizer's best reading, windows-1252 for single-byte Western pages."""
    for codec in _JAPANESE:
        try:
            text = body.decode(codec)
        except UnicodeDecodeError:
            continue
        if japanese_host or _reads_as_japanese(text):
            return text
    best = charset_normalizer.from_bytes(body[:DETECT_BYTES]).best()
    if best is None:
        return None
    candidates = [best.encoding]
    if codecs.lookup(best.encoding).name not in _MULTI_BYTE:
        # single-byte guesses on short Western text are unreliable (cp1257 for French): like browsers,
        # read an undeclared Western page as windows-1252 when it can be
        candidates.insert(0, "cp1252")
    for codec in candidates:
        try:
            return body.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def decode_page(body: bytes, content_type: str, url: str = "") -> str:
    """The page as text: header charset, then meta charset, then BOM, then strict UTF-8, then
    charset-normalizer's detection (Shift_JIS and EUC-JP tried first for .jp hosts)."""
    header = _HEADER_CHARSET.search(content_type or "")
    declared = [header.group(1)] if header else []
    meta = _META_CHARSET.search(body[:4096])
    if meta:
        declared.append(meta.group(1).decode("ascii", "replace"))
    if body.startswith(codecs.BOM_UTF8):
        declared.insert(0, "utf-8-sig")
    for name in declared:
        codec = _codec(name)
        if codec:
            try:
                return body.decode(codec)
            except UnicodeDecodeError:
                continue
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    detected = _detect(body, _is_japanese_host(url))
    if detected is not None:
        return detected
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


_HAS_YEAR = re.compile(r"(令和|平成|昭和|\d{4})\s*(\d{1,2}|元)?\s*年|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")


def _element_date(element: Any) -> datetime | None:
    """A datetime="..." value with its zone, else the date that value or the element's text writes."""
    stamp = element.get("datetime")
    return machine_date(stamp) or parse_date(str(stamp or element.text_content()))


def _item_date(element: Any, link_element: Any, options: dict[str, Any]) -> datetime | None:
    """The item's date: the `date` selector's element, else a <time> inside the item, else a date
    written in the item's text outside its link (a link's own words are its title), else one written
    in the title itself (河野大臣記者会見（令和6年9月17日）)."""
    if "date" in options:
        date_element = next(iter(element.cssselect(options["date"])), None)
        return _element_date(date_element) if date_element is not None else None
    stamped = next(iter(element.xpath(".//time")), None)
    if stamped is not None:
        return _element_date(stamped)
    title = link_element.text_content()
    if element is not link_element:
        beside = parse_date(element.text_content().replace(title, " ", 1))
        if beside is not None:
            return beside
    # a date in the title names the press conference's own day only when it is complete (令和6年9月17日);
    # "10月7日の会見" is what the item is about, not when it was published
    return parse_date(title) if _HAS_YEAR.search(title) else None


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
    PDF_SECONDS: ClassVar[float] = 10.0

    @classmethod
    def check_options(cls, options: dict[str, Any]) -> str | None:
        if "item" not in options:
            return field_problem("item", NEEDS_ITEM)
        if "follow_pdf" in options and not isinstance(options["follow_pdf"], bool):
            return field_problem("follow_pdf", MUST_BE_SWITCH)
        for key in cls.OPTIONS:
            if key in options:
                problem = check_selector(options[key])
                if problem:
                    return field_problem(key, problem)
        return None

    @classmethod
    def parse(cls, source: Source, body: bytes, content_type: str, url: str) -> list[Item]:
        options = source.options
        text = decode_page(body, content_type, url)
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
            published = _item_date(element, link_element, options)
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
                item = replace(item, content=pdf_text(answer.body, max_seconds=cls.PDF_SECONDS, stop=context.stop))
            kept.append(item)
        return kept
