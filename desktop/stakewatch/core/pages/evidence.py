"""An archived page made into evidence that is inert when opened in a browser.

The page as fetched may carry scripts, event handlers, frames, a meta refresh and beacons that
would run, navigate or report back the moment someone opens the file. The evidence copy keeps the
page's text and layout but removes what runs (scripts, on* handlers, javascript: links), what
embeds (frames, objects, embeds), what navigates or reports by itself (meta refresh, ping, preload
links), and moves every address a browser would load on its own (images, media, styles) aside, so
nothing is fetched. A Content-Security-Policy in the first <meta> blocks whatever is left, a <base>
points relative links at the original, and a banner says what the file is and when it was taken.
Pure function, any thread.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from lxml import html as lxml_html

from ..i18n import translate
from ..sources.page import decode_page
from ..text import plain, xml_safe

BANNER = translate("Evidence", "Evidence copy kept by Stakewatch: {url} as fetched on {fetched} (HTTP {status}); "
                               "sha256 of its main text {sha256}. Scripts, frames and remote loads were removed "
                               "or blocked; links lead to the original.")
POLICY = ("default-src 'none'; img-src data:; media-src data:; font-src data:; style-src 'unsafe-inline' data:; "
          "frame-src 'none'; child-src 'none'; worker-src 'none'; connect-src 'none'; form-action 'none'; "
          "object-src 'none'; script-src 'none'; manifest-src 'none'")

REMOVED_TAGS = frozenset({"script", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet",
                          "base", "portal", "fencedframe", "template"})
# attributes a browser loads (or sends) by itself: kept aside as data-stakewatch-* so nothing is fetched
LOADED = frozenset({"src", "srcset", "poster", "background", "data", "codebase", "lowsrc", "dynsrc",
                    "imagesrcset", "ping", "action", "formaction", "manifest", "longdesc", "icon",
                    "xlink:href", "{http://www.w3.org/1999/xlink}href"})
_INERT_LINKS = frozenset({"canonical", "alternate", "author", "license", "help", "bookmark", "next", "prev"})
_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "livescript:")
_NAVIGATING = frozenset({"a", "area"})  # an href elsewhere (SVG <image>, <use>) is loaded by itself
_IMPORT = re.compile(r"@import\b[^;]*;?", re.IGNORECASE)
_URL = re.compile(r"url\s*\([^)]*\)", re.IGNORECASE)
_EXPRESSION = re.compile(r"expression\s*\(", re.IGNORECASE)


def _scripted(value: str) -> bool:
    squeezed = "".join(value.split()).lower()
    return squeezed.startswith(_SCRIPT_SCHEMES)


def _css(text: str) -> str:
    """Style text that loads nothing: @import rules dropped, url(...) and expression(...) emptied."""
    return _EXPRESSION.sub("none", _URL.sub("none", _IMPORT.sub("", text)))


def _neutralise(element: Any, tag: str) -> None:
    for name in list(element.attrib):
        lowered = str(name).lower()
        value = element.attrib[name]
        if lowered.startswith("on") or lowered in ("http-equiv", "nonce", "integrity", "referrerpolicy"):
            del element.attrib[name]
        elif lowered == "style":
            element.attrib[name] = _css(value)
        elif lowered in LOADED or (lowered.endswith("href") and tag not in _NAVIGATING):
            del element.attrib[name]
            if not _scripted(value):
                element.attrib[f"data-stakewatch-{lowered.split('}')[-1].replace(':', '-')}"] = value
        elif lowered in ("href", "to", "xlink:href") and _scripted(value):
            del element.attrib[name]


def inert_html(raw: bytes, content_type: str, url: str, fetched: datetime, status: int | None,
               sha256: str) -> bytes:
    """The evidence copy of an archived page, as UTF-8 HTML."""
    text = decode_page(raw, content_type, url)
    try:
        document = lxml_html.document_fromstring(xml_safe(text) or "<html></html>")
    except (ValueError, lxml_html.etree.ParserError):
        document = lxml_html.document_fromstring("<html><body></body></html>")
    for element in list(document.iter()):
        if not isinstance(element.tag, str):  # comments and processing instructions
            if element.getparent() is not None:
                element.drop_tree()
            continue
        tag = element.tag.lower().rpartition("}")[2]
        if tag in REMOVED_TAGS:
            element.drop_tree()
            continue
        if tag == "meta" and (element.get("http-equiv") or element.get("charset") is not None):
            element.drop_tree()
            continue
        if tag == "link" and not set((element.get("rel") or "").lower().split()) <= _INERT_LINKS:
            element.drop_tree()
            continue
        if tag == "style":
            element.text = _css(element.text or "")
        _neutralise(element, tag)
    head = document.find("head")
    if head is None:
        head = lxml_html.Element("head")
        document.insert(0, head)
    body = document.find("body")
    if body is None:
        body = lxml_html.Element("body")
        document.append(body)
    charset = lxml_html.Element("meta", charset="utf-8")
    policy = lxml_html.Element("meta", {"http-equiv": "Content-Security-Policy", "content": POLICY})
    referrer = lxml_html.Element("meta", name="referrer", content="no-referrer")
    base = lxml_html.Element("base", href=xml_safe(url), target="_blank")
    for position, element in enumerate((charset, policy, referrer, base)):
        head.insert(position, element)
    banner = lxml_html.Element("div", {"role": "note", "data-stakewatch": "evidence",
                                        "style": "all:initial;display:block;font:14px sans-serif;"
                                                 "background:#fff3cd;color:#000;border-bottom:2px solid #b58900;"
                                                 "padding:8px 12px;white-space:normal"})
    banner.text = BANNER(url=plain(url, 2_000), fetched=fetched.isoformat(), status=status or "-",
                         sha256=sha256).render()
    body.insert(0, banner)
    out: bytes = lxml_html.tostring(document, doctype="<!DOCTYPE html>", encoding="utf-8", method="html")
    return out
