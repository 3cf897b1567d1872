"""Recognising one story reached through several sources.

Two items are the same story when their canonical URLs are equal, when their
feed GUIDs are equal, or when their titles are near-duplicates published within
a few days of each other by different sources. Pure functions, any thread.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from .text import fold

NEAR_DUPLICATE_WINDOW = timedelta(days=3)
NEAR_DUPLICATE_THRESHOLD = 0.8
MIN_TITLE_TOKENS = 4

_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "hsa_", "oly_", "__hs", "_hs", "vero_", "ga_")
_TRACKING_NAMES = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
        "igshid", "mkt_tok", "_ga", "_gl", "ref_src", "ref_url", "cmpid", "ocid", "spm",
        "s_cid", "sr_share", "ito", "cid_source", "rss", "feature", "smid", "cmp", "wt.mc_id",
    }
)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_NAMES or lowered.startswith(_TRACKING_PREFIXES)


def strip_tracking(url: str) -> str:
    """`url` without tracking parameters, otherwise untouched (safe to open)."""
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
    url = url.strip()
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
    path = quote(unquote(parts.path or "/"), safe="/:@!$&'()*+,;=-._~%")
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


def similar_titles(a: frozenset[str], b: frozenset[str], a_title: str = "", b_title: str = "") -> bool:
    """True when two titles are near-duplicates: token Jaccard >= 0.8 and the same numbers in the same order."""
    if len(a) < MIN_TITLE_TOKENS or len(b) < MIN_TITLE_TOKENS:
        similar = a == b and len(a) >= 2
    else:
        union = len(a | b)
        similar = union > 0 and len(a & b) / union >= NEAR_DUPLICATE_THRESHOLD and \
            {t for t in a if t.isdigit()} == {t for t in b if t.isdigit()}
    # the order of numbers is checked last: it is the costly test, and rarely reached
    return similar and numbers(a_title) == numbers(b_title)


def within_window(a: datetime, b: datetime) -> bool:
    return abs(a - b) <= NEAR_DUPLICATE_WINDOW
