"""Statement pages: fetch a linked page, keep its main text, tell an edit from a chrome change.

The page is decoded with the listing pages' charset rules (header, meta, then
UTF-8 / Shift_JIS / EUC-JP), its chrome is pruned by tag, ARIA role, id and
class (menus, sidebars, share bars, breadcrumbs, footers), and trafilatura
extracts the main text from the tree that is left (with a plain fallback for
pages too small for it). Edits are judged on the text without the lines that
only stamp the page (最終更新日, "Updated October 8", "2.4K views").
Everything here is thread-safe; `snapshot` runs on a worker thread.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from lxml import html as lxml_html

from ..fetching.client import MIB, Fetcher
from ..model.values import PageSnapshot as PageSnapshot
from ..sources.page import decode_page
from .diffs import render_diff as render_diff  # re-exported: the diff of two archived texts
from .diffs import word_diff as word_diff

MAX_HTML_CHARS = 3_000_000
MAX_TEXT_CHARS = 200_000
MAX_TREE_SIZE = 60_000
PAGE_BODY_LIMIT = 5 * MIB
GONE_STATUSES = frozenset({404, 410})
_HTML_TYPES = ("html", "xml", "text/plain")
_CHROME_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template")

# Lines that only stamp the page (last updated, posted on, views) change without the statement changing.
_STAMP_WORDS = re.compile(
    r"(最終更新|更新日|掲載日|公開日|作成日|閲覧数|閲覧回数|アクセス数|ページビュー|"
    r"last\s*(updated|modified|reviewed)|"
    r"(updated|modified|posted|published)\s*(on\b|:|\d|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)|"
    r"\d[\d,.]*\s*[kKmM]?\s*(page\s*)?(views|reads|visits|hits)\b|\b(views|page\s*views)\s*:)",
    re.IGNORECASE)
_STAMP_LINE_LIMIT = 80
_DIGITS = re.compile(r"\d")
_SPACE = re.compile(r"[ \t\u3000\xa0]+")


def _tidy(text: str) -> str:
    lines = (_SPACE.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)[:MAX_TEXT_CHARS]


_CHROME_WORDS = frozenset({
    "header", "footer", "nav", "navi", "gnavi", "gnav", "menu", "leftmenu", "rightmenu", "sidebar", "side", "sidemenu",
    "breadcrumb", "breadcrumbs", "pankuzu", "topicpath", "share", "social", "sns", "related", "ranking", "recommend",
    "pagetop", "cookie", "consent", "newsletter", "banner", "tags", "lang", "skip", "subscribe", "popular",
    "counter", "ad", "ads", "advert", "toolbar", "utility", "search", "most", "navigation", "navbar", "topnav",
    "subnav", "globalnav", "localnav", "masthead", "copyright", "pagination", "pager", "sitemap", "widget",
})
_SILENT_TAGS = frozenset({"script", "style", "noscript", "template"})
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
_SPLIT_NAME = re.compile(r"[\s_\-]+")


def _is_chrome(element: Any) -> bool:
    if element.tag in _CHROME_TAGS:
        return True
    if (element.get("role") or "").lower() in _CHROME_ROLES:
        return True
    names = f"{element.get('id') or ''} {element.get('class') or ''}".lower()
    return bool(names.strip()) and any(word in _CHROME_WORDS for word in _SPLIT_NAME.split(names))


def _parse(markup: str) -> Any:
    """The page as an lxml tree with its chrome (menus, sidebars, share bars, footers) removed; None if not HTML."""
    try:
        document = lxml_html.document_fromstring(markup)
    except (ValueError, lxml_html.etree.ParserError):
        return None
    doomed = []
    whole = len(document.text_content())
    for element in document.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body", "main", "article", "h1"):
            continue
        if not _is_chrome(element) or element.xpath(".//main|.//article|.//h1"):
            continue
        # a container named like chrome ("entry has-ads") that holds most of the page is the article
        if element.tag in _SILENT_TAGS or len(element.text_content()) * 2 < whole:
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()
    return document


def _fallback_text(markup: str) -> str:
    """The page's <main>/<article>/<body> text without chrome, for pages trafilatura finds too small."""
    document = _parse(markup)
    if document is None:
        return ""
    roots = document.xpath("//main") or document.xpath("//article") or document.xpath("//body") or [document]
    for block in roots[0].xpath(".//p|.//div|.//li|.//br|.//h1|.//h2|.//h3|.//h4|.//tr|.//td"):
        block.tail = "\n" + (block.tail or "")
    return _tidy(str(roots[0].text_content()))


def main_text(markup: str, url: str | None = None) -> str:
    """The article of a page as plain text, one paragraph a line. Any thread; never raises."""
    import trafilatura

    markup = markup[:MAX_HTML_CHARS]
    if not markup.strip():
        return ""
    document = _parse(markup)
    if document is None:
        return ""
    try:
        extracted = trafilatura.extract(
            document, url=url, include_comments=False, include_tables=True, include_images=False,
            include_links=False, favor_precision=True, deduplicate=False, with_metadata=False,
            max_tree_size=MAX_TREE_SIZE)
    except Exception:  # an extractor bug on one page must not end a cycle
        extracted = None
    text = _tidy(extracted or "")
    return text or _fallback_text(markup)


def decode_html(body: bytes, content_type: str) -> str:
    """A page's bytes as text: the charset the server or the page declares, else a Japanese-aware guess."""
    return decode_page(body, content_type)


def _is_stamp(line: str) -> bool:
    return len(line) <= _STAMP_LINE_LIMIT and bool(_DIGITS.search(line)) and bool(_STAMP_WORDS.search(line))


def comparison_text(text: str) -> str:
    """The text edits are judged on: stamp lines (dates updated, view counts) left out, NFKC, spaces folded."""
    lines = (unicodedata.normalize("NFKC", line).strip() for line in text.split("\n"))
    return "\n".join(" ".join(line.split()) for line in lines if line and not _is_stamp(line))


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _page_path(path: str) -> str:
    path = re.sub(r"/(index|default|top)\.(html?|php|aspx?|jsp)$", "/", path, flags=re.IGNORECASE)
    return path.rstrip("/")


def is_generic_redirect(url: str, final_url: str) -> bool:
    """True when a redirect lands on a home page, a language root or a parent section (the page is gone)."""
    before, after = urlsplit(url), urlsplit(final_url)
    if (before.hostname, _page_path(before.path), before.query) == \
            (after.hostname, _page_path(after.path), after.query):
        return False
    path = _page_path(after.path)
    if path in ("", "/ja", "/en", "/jp", "/english", "/japanese") or re.fullmatch(r"/[a-z]{2}(-[a-z]{2})?", path):
        return True
    old = _page_path(before.path)
    return before.hostname == after.hostname and old.startswith(path + "/")


def snapshot(fetcher: Fetcher, url: str, etag: str | None = None, last_modified: str | None = None,
             now: datetime | None = None) -> PageSnapshot:
    """Fetch a statement page (conditionally when validators are given) and read its main text.

    Worker thread; never raises: failures come back as `outcome="failed"` with a sentence in `error`.
    """
    result = fetcher.fetch(url, etag=etag, last_modified=last_modified,
                           headers={"Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"})
    fetched = now or datetime.now(UTC)
    common = {"url": url, "final_url": result.final_url, "fetched": fetched, "status": result.status,
              "etag": result.etag, "last_modified": result.last_modified}
    if result.error is not None:
        outcome = "gone" if result.status in GONE_STATUSES else "failed"
        return PageSnapshot(outcome=outcome, error=result.error, **common)  # type: ignore[arg-type]
    if result.not_modified:
        return PageSnapshot(outcome="unchanged", **common)  # type: ignore[arg-type]
    if is_generic_redirect(url, result.final_url):
        return PageSnapshot(outcome="moved", html=result.body[:PAGE_BODY_LIMIT], content_type=result.content_type,
                            **common)  # type: ignore[arg-type]
    kind = result.content_type.split(";")[0].strip().lower()
    if kind and not any(marker in kind for marker in _HTML_TYPES):
        return PageSnapshot(outcome="failed", error=f"not a web page ({kind})", **common)  # type: ignore[arg-type]
    if len(result.body) > PAGE_BODY_LIMIT:
        return PageSnapshot(outcome="failed", error="page larger than 5 MiB", **common)  # type: ignore[arg-type]
    text = main_text(decode_html(result.body, result.content_type), result.final_url)
    if not text:
        return PageSnapshot(outcome="failed", error="no main text found on the page", html=result.body,
                            content_type=result.content_type, **common)  # type: ignore[arg-type]
    return PageSnapshot(outcome="text", text=text, sha256=digest(text), key=digest(comparison_text(text)),
                        html=result.body, content_type=result.content_type, **common)  # type: ignore[arg-type]


def next_check(first: datetime, now: datetime, until: datetime) -> datetime | None:
    """Growing intervals: a third of the page's age, from 30 minutes up to two days; None past `until`."""
    gap = min(max((now - first) / 3, timedelta(minutes=30)), timedelta(days=2))
    moment = now + gap
    return None if now >= until else min(moment, until)
