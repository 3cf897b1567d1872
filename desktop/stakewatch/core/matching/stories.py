"""Recognising one story reached through several sources.

Two items are the same story when their canonical URLs are equal, when their
feed GUIDs are equal, or when their titles are near-duplicates published within
a few days of each other by different sources. Pure functions, any thread.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from ..text import compact, fold

NEAR_DUPLICATE_WINDOW = timedelta(days=3)
NEAR_DUPLICATE_THRESHOLD = 0.8
MIN_TITLE_TOKENS = 4

# Google Analytics/Ads (utm_, _ga, _gl, gclid...), Matomo/Piwik (pk_, mtm_, matomo_, piwik_),
# Mailchimp (mc_), HubSpot (_hs*, __hs*, hsa_, hsCtaTracking), Marketo (mkt_tok), Adobe (s_cid,
# ef_id, s_kwcid), Yahoo! JAPAN and Yandex (yclid, ysclid), Naver (n_*, NaPm), LINE (ldtag_cl)
_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "mtm_", "matomo_", "piwik_", "hsa_", "oly_", "__hs", "_hs",
                      "vero_", "ga_", "n_ad", "n_keyword", "n_campaign", "n_media", "n_query", "n_rank")
_TRACKING_NAMES = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "gad_source", "srsltid", "msclkid",
        "yclid", "ysclid", "twclid", "ttclid", "li_fat_id", "igshid", "mkt_tok", "_ga", "_gl", "_gac",
        "ref_src", "ref_url", "cmpid", "ocid", "spm", "s_cid", "s_kwcid", "ef_id", "sr_share", "ito",
        "cid_source", "rss", "feature", "smid", "cmp", "wt.mc_id", "hsctatracking", "napm",
        "ldtag_cl", "rb_clickid", "_openstat", "dm_i", "mc_cid", "mc_eid", "at_medium", "at_campaign",
    }
)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_NAMES or lowered.startswith(_TRACKING_PREFIXES)


def _unescape(url: str) -> str:
    """A link copied from markup without decoding: `&amp;` and `&#38;` stand for `&`."""
    previous = None
    while "&" in url and url != previous:
        previous = url
        for escaped in ("&amp;", "&#38;", "&#x26;"):
            url = url.replace(escaped, "&")
    return url


def remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4: `/a/./b/../c` is `/a/c`."""
    if "." not in path:
        return path
    output: list[str] = []
    segments = path.split("/")
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == ".":
            if last:
                output.append("")
            continue
        if segment == "..":
            if len(output) > 1:
                output.pop()
            if last:
                output.append("")
            continue
        output.append(segment)
    result = "/".join(output)
    return result if result.startswith("/") or not path.startswith("/") else "/" + result


def strip_tracking(url: str) -> str:
    """`url` without tracking parameters and `&amp;` escapes, otherwise untouched (safe to open)."""
    url = _unescape(url)
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if not parts.query:
        return url
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not _is_tracking(k)]
    return urlunsplit(parts._replace(query=urlencode(kept)))


def canonical_url(url: str) -> str:
    """The form of a link used to recognise a story: never raises, returns '' for no link."""
    url = _unescape(url.strip())
    if not url:
        return ""
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        host = (parts.hostname or "").lower().rstrip(".")
        port = parts.port
    except ValueError:
        return url
    if scheme not in _DEFAULT_PORTS or not host:
        return url
    if host.startswith("www."):
        host = host[4:]
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    if ":" in host and not host.startswith("[") and host.count(":") > 1:
        host = f"[{host}]"
    path = quote(remove_dot_segments(unquote(parts.path or "/")), safe="/:@!$&'()*+,;=-._~%")
    if len(path) > 1:
        path = path.rstrip("/")
    for index_page in ("/index.html", "/index.htm", "/index.php"):
        if path.endswith(index_page):
            path = path[: -len(index_page)] or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    query.sort()
    # http and https of one address are one story
    return urlunsplit(("https", host, path, urlencode(query), ""))


def guid_key(guid: str) -> str:
    """GUIDs that are links are compared as canonical links, others as they are."""
    guid = guid.strip()
    if guid.lower().startswith(("http://", "https://")):
        return canonical_url(guid)
    return guid


def title_tokens(title: str) -> frozenset[str]:
    """Words of a title (character pairs for CJK text), for near-duplicate comparison."""
    tokens: set[str] = set()
    for word in _TOKEN.findall(fold(title)):
        if _CJK.search(word):
            run = [c for c in word]
            if len(run) == 1:
                tokens.add(run[0])
            tokens.update(a + b for a, b in zip(run, run[1:], strict=False))
        else:
            tokens.add(word)
    return frozenset(tokens)


_DIGITS = re.compile(r"\d+")


def numbers(title: str) -> tuple[str, ...]:
    """The numbers of a title in order: "Briefing 1-12" and "Briefing 12-1" are different stories."""
    return tuple(_DIGITS.findall(fold(title)))


_LATIN_WORD = re.compile(r"[A-Za-z]+")
_KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")
_KANJI_BEFORE_TITLE = re.compile(
    r"([\u4e00-\u9fff]{2,4}?)(?:大臣|氏|首相|長官|議員|知事|社長|総裁|代表|会長|委員長|相)")
TITLE_CASE_SHARE = 0.6


_CREDIT = re.compile(r"(?:\s+[-–—|]\s+[^-–—|]{1,40}|\s*\([^()]{1,30}\))\s*$")


def name_words(title: str) -> frozenset[str]:
    """Words of a title that look like proper names, folded: capitalised Latin words (none when the
    whole title is in title case), katakana runs, and kanji just before a title (城内実 in 城内実大臣).
    A trailing credit (" - Reuters", "(AP)") names the publisher, not the story: it is left out."""
    normal = _CREDIT.sub("", unicodedata.normalize("NFKC", title))
    latin = _LATIN_WORD.findall(normal)
    capitalised = [word for word in latin if word[0].isupper()]
    names = set(_KATAKANA_RUN.findall(normal)) | set(_KANJI_BEFORE_TITLE.findall(normal))
    if len(latin) < 4 or len(capitalised) <= TITLE_CASE_SHARE * len(latin):
        names.update(word.casefold() for word in capitalised)
    return frozenset(names)


def _missing_names(names: frozenset[str], other_title: str) -> bool:
    if not names:
        return False
    folded = fold(other_title)
    words = set(_LATIN_WORD.findall(folded))
    return any(name not in words and name not in folded for name in names)


def names_differ(a_title: str, b_title: str, watched: frozenset[str] = frozenset()) -> bool:
    """True when each title names someone or something the other does not ("Minister Kiuchi asks…"
    and "Minister Taira asks…"); a name present on one side only (a byline, an agency) is no conflict.

    Words inside `watched` aliases (compacted) are left to the watched-entity comparison, so two
    spellings of one watched name ("Kiuchi", "Jouchi") are no conflict here.
    """
    a_names, b_names = name_words(a_title), name_words(b_title)
    if watched:
        a_names = frozenset(n for n in a_names if not any(n in alias for alias in watched))
        b_names = frozenset(n for n in b_names if not any(n in alias for alias in watched))
    return _missing_names(a_names, b_title) and _missing_names(b_names, a_title)


def similar_titles(a: frozenset[str], b: frozenset[str], a_title: str = "", b_title: str = "",
                   watched: frozenset[str] = frozenset()) -> bool:
    """True when two titles are near-duplicates: token Jaccard >= 0.8, the same numbers in the same
    order, and no proper name on each side that the other lacks."""
    if len(a) < MIN_TITLE_TOKENS or len(b) < MIN_TITLE_TOKENS:
        similar = a == b and len(a) >= 2
    else:
        union = len(a | b)
        similar = union > 0 and len(a & b) / union >= NEAR_DUPLICATE_THRESHOLD and \
            {t for t in a if t.isdigit()} == {t for t in b if t.isdigit()}
    # the order of numbers and names are checked last: costly tests, rarely reached
    return similar and numbers(a_title) == numbers(b_title) and not names_differ(a_title, b_title, watched)


def within_window(a: datetime, b: datetime) -> bool:
    return abs(a - b) <= NEAR_DUPLICATE_WINDOW


_REDIRECT_HOSTS = {"news.google.com": ("/rss/articles/", "/articles/", "/__i/rss/rd/articles/"),
                   "bing.com": ("/news/apiclick.aspx",)}


def is_news_redirect(url: str) -> bool:
    """True for a news-search link that only redirects to the publisher's page."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return False
    if host.startswith("www."):
        host = host[4:]
    path = parts.path.lower()
    prefixes = _REDIRECT_HOSTS.get(host)
    return path.startswith("/rss/articles/") or (bool(prefixes) and path.startswith(prefixes or ()))


Names = dict[str, list[str]]


def names_in_title(title: str, matched: dict[str, tuple[str, ...]]) -> Names:
    """For each matched entity (key), its matched words (values) that occur in `title`, compacted;
    an empty list for an entity named only in the item's text."""
    key = compact(fold(title))
    return {entity: sorted({w for w in (compact(fold(word)) for word in words) if w and w in key})
            for entity, words in matched.items()}


def _lacks(names: Names, others: Names, other_title: str) -> bool:
    key = ""
    for entity, words in names.items():
        if not words or others.get(entity):
            continue
        key = key or compact(fold(other_title))
        if not any(word in key for word in words):
            return True
    return False


def watched_names_differ(a_names: Names, a_title: str, b_names: Names, b_title: str) -> bool:
    """True when one title names a watched entity that the other title does not name at all."""
    return _lacks(a_names, b_names, b_title) or _lacks(b_names, a_names, a_title)


_PUBLISHER_SEPARATORS = (" - ", " – ", " — ", " | ", "｜")
MAX_PUBLISHER_LENGTH = 40


def strip_publisher(title: str, publisher: str = "", news_search: bool = False) -> str:
    """A news-search headline without its " - Publisher" suffix: the publisher named by the item's
    source element, or, for a news-search link without one, the last " - " part if it is short."""
    stripped = title.rstrip()
    publisher = publisher.strip()
    if publisher:
        for separator in _PUBLISHER_SEPARATORS:
            suffix = separator + publisher
            if stripped.endswith(suffix) and len(stripped) > len(suffix):
                return stripped[: -len(suffix)].rstrip()
    if news_search:
        head, separator, tail = stripped.rpartition(" - ")
        if separator and head.strip() and 0 < len(tail.strip()) <= MAX_PUBLISHER_LENGTH:
            return head.rstrip()
    return title
