"""Feed sources as OPML, in and out: folders kept, web pages (htmlUrl) kept, bad outlines listed.

Pure functions, any thread; a file with no usable feed is refused (Refused).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import quoteattr

from lxml import etree

from ..fetching.client import check_web_url
from ..model import Source
from ..text import xml_safe
from .config import Config, parse_source
from .fields import BAD_XML, MAX_NAME, NO_FEEDS, NO_USABLE_FEED, NOT_OPML, Refused


def _safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, remove_comments=True)


def parse_opml(data: bytes) -> Config:
    """Feed sources from an OPML outline; folders are kept as each source's `folder`.

    Outlines that cannot be a source are skipped and listed in `skipped`; a
    file with no usable feed at all is refused (Refused).
    """
    try:
        root = etree.fromstring(data, parser=_safe_parser())
    except etree.XMLSyntaxError as exc:
        raise Refused("opml", BAD_XML(error=exc.msg)) from exc
    if root.tag != "opml":
        raise Refused("opml", NOT_OPML(tag=str(root.tag)))
    sources: list[Source] = []
    skipped: list[str] = []
    names: set[str] = set()
    counter = iter(range(1_000_000))

    def walk(parent: Any, folder: tuple[str, ...]) -> None:
        for outline in parent.iterchildren("outline"):
            index = next(counter)
            url = outline.get("xmlUrl")
            label = (outline.get("title") or outline.get("text") or url or "").strip()[:MAX_NAME]
            if url is None:
                walk(outline, (*folder, label) if label else folder)
                continue
            name, base, suffix = label or url.strip()[:MAX_NAME], label or url.strip()[:MAX_NAME], 2
            while name.casefold() in names:
                name, suffix = f"{base} ({suffix})", suffix + 1
            raw: dict[str, Any] = {"name": name, "kind": "feed", "url": url.strip()}
            if folder:
                raw["folder"] = "/".join(folder)
            home = (outline.get("htmlUrl") or "").strip()
            if home and not check_web_url(home):
                raw["html_url"] = home
            try:
                source = parse_source(raw, f"outline[{index}]")
            except Refused as exc:
                skipped.extend(f"{problem.message} ({name})" for problem in exc.problems)
                continue
            names.add(name.casefold())
            sources.append(source)

    body = root.find("body")
    walk(body if body is not None else root, ())
    if not sources:
        if skipped:
            raise Refused("opml", NO_USABLE_FEED(reasons="; ".join(skipped[:5])))
        raise Refused("opml", NO_FEEDS)
    return Config((), tuple(sources), tuple(skipped))


def sources_to_opml(sources: Sequence[Source]) -> str:
    """The feed sources as OPML 2.0, nested in their folders, with their web pages (htmlUrl)."""
    tree: dict[str, Any] = {}
    for source in sources:
        if source.kind != "feed":
            continue
        node = tree
        for part in [p for p in str(source.extra.get("folder", "")).split("/") if p.strip()]:
            node = node.setdefault(f"/{part.strip()}", {})
        node.setdefault("", []).append(source)

    def write(node: dict[str, Any], depth: int) -> list[str]:
        pad = "  " * depth
        out: list[str] = []
        for source in node.get("", []):
            home = source.extra.get("html_url")
            html_url = f" htmlUrl={quoteattr(xml_safe(home))}" if isinstance(home, str) and home else ""
            name = xml_safe(source.name)
            out.append(f"{pad}<outline type=\"rss\" text={quoteattr(name)} "
                       f"title={quoteattr(name)} xmlUrl={quoteattr(xml_safe(source.url))}{html_url}/>")
        for key, child in node.items():
            if key:
                folder = xml_safe(key[1:])
                out.append(f"{pad}<outline text={quoteattr(folder)} title={quoteattr(folder)}>")
                out += write(child, depth + 1)
                out.append(f"{pad}</outline>")
        return out

    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">',
             "  <head><title>Stakewatch sources</title></head>", "  <body>"]
    lines += write(tree, 2)
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)
