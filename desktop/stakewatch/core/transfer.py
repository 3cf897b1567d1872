"""Watchlist JSON and OPML in and out.

Parsing validates everything before anything is stored; a refusal names the
place (`sources[3].url: ...`). Fields Stakewatch does not know are kept and
written back on export. Pure functions except `import_file`/`export_file`,
which take a Store owned by the calling thread.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from lxml import etree

from .fetch import check_web_url
from .matching import compact_term
from .model import ENTITY_KINDS, Entity, Source, UserError, Watchlist
from .secrets import check_auth_options
from .sources import SOURCE_KINDS
from .store import Store
from .text import has_control, plain

FORMAT_VERSION = 1
MAX_NAME = 200
MAX_TERMS = 200
MAX_INTERVAL = 7 * 24 * 60
MAX_FILE = 20 * 1024 * 1024
MAX_OWN_FILE = 256 * 1024 * 1024
GENERATOR = "Stakewatch"
_OWN_EXPORT = re.compile(rb'^\s*\{\s*"version"\s*:\s*1\s*,\s*"generator"\s*:\s*"Stakewatch"')
_LONG_NUMBER = re.compile(rb"-?\d{4000,}")
_SURROGATE = re.compile("[\ud800-\udfff]")
DEFAULT_INTERVAL = 30

_ENTITY_FIELDS = {"name", "kind", "aliases", "context", "exclude", "priority", "muted"}
_WATCHLIST_FIELDS = {"name", "entities", "muted"}
_SOURCE_FIELDS = {"name", "kind", "url", "interval_minutes", "enabled", "official_for",
                  "options"}


class Refused(UserError):
    """A file that cannot be imported; `message` names the place and the reason."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__("Import refused", f"{where}: {reason}" if where else reason)
        self.where = where


@dataclass(frozen=True)
class Config:
    watchlists: tuple[Watchlist, ...]
    sources: tuple[Source, ...]


def _string(value: Any, where: str, empty_ok: bool = False, limit: int = MAX_NAME) -> str:
    if not isinstance(value, str):
        raise Refused(where, f"must be text, got {type(value).__name__}")
    text = value.strip()
    if not text and not empty_ok:
        raise Refused(where, "must not be empty")
    if len(text) > limit:
        raise Refused(where, f"is longer than {limit} characters")
    if _SURROGATE.search(text):
        raise Refused(where, "is not valid Unicode (it holds a lone surrogate)")
    if any(ord(c) < 32 for c in text) or has_control(text):
        raise Refused(where, "contains control or bidirectional-override characters")
    return text


def _matchable(term: str, where: str) -> None:
    """Refuse a term that could never match: nothing left once folded, or characters that
    feed text loses before matching."""
    key = compact_term(term)[0]
    if not key:
        raise Refused(where, "has nothing to match once spaces and dashes are set aside")
    if compact_term(plain(term))[0] != key:
        raise Refused(where, "has characters that feed text loses before matching "
                      "(such as zero-width spaces): it could never match")


def _broken_text(value: Any, where: str, depth: int = 0) -> None:
    """Refuse any text in the document that cannot be stored (lone surrogates), naming the place."""
    if isinstance(value, str):
        if _SURROGATE.search(value):
            raise Refused(where or "file", "is not valid Unicode (it holds a lone surrogate)")
    elif isinstance(value, dict):
        for key, item in value.items():
            place = f"{where}.{key}" if where else str(key)
            if _SURROGATE.search(key):
                raise Refused(where or "file", "a field name is not valid Unicode "
                              "(it holds a lone surrogate)")
            _broken_text(item, place, depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _broken_text(item, f"{where}[{index}]", depth + 1)


def _bool(value: Any, where: str, default: bool) -> bool:
    if value is None:
        return default
    if not isinstance(value, bool):
        raise Refused(where, f"must be true or false, got {json.dumps(value)[:40]}")
    return value


def _terms(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise Refused(where, "must be a list of words")
    if len(value) > MAX_TERMS:
        raise Refused(where, f"has more than {MAX_TERMS} entries")
    terms: dict[str, None] = {}
    for index, term in enumerate(value):
        text = _string(term, f"{where}[{index}]")
        _matchable(text, f"{where}[{index}]")
        terms.setdefault(text, None)
    return tuple(terms)


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Refused(where, f"must be an object, got {type(value).__name__}")
    return value


def _extra(data: dict[str, Any], known: set[str]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key not in known}


def _list(data: dict[str, Any], key: str, where: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise Refused(where, "must be a list")
    return value


def parse_entity(data: Any, where: str) -> Entity:
    data = _object(data, where)
    name = _string(data.get("name"), f"{where}.name")
    _matchable(name, f"{where}.name")
    kind = data.get("kind", "topic")
    if kind not in ENTITY_KINDS:
        raise Refused(f"{where}.kind", f"must be one of {', '.join(ENTITY_KINDS)}, "
                      f"got {json.dumps(kind)[:40]}")
    return Entity(
        name=name, kind=kind,
        aliases=tuple(a for a in _terms(data.get("aliases"), f"{where}.aliases") if a != name),
        context=_terms(data.get("context"), f"{where}.context"),
        exclude=_terms(data.get("exclude"), f"{where}.exclude"),
        priority=_bool(data.get("priority"), f"{where}.priority", False),
        muted=_bool(data.get("muted"), f"{where}.muted", False),
        extra=_extra(data, _ENTITY_FIELDS),
    )


def parse_watchlist(data: Any, where: str) -> Watchlist:
    data = _object(data, where)
    name = _string(data.get("name"), f"{where}.name")
    entities: list[Entity] = []
    seen: set[str] = set()
    for index, raw in enumerate(_list(data, "entities", f"{where}.entities")):
        entity = parse_entity(raw, f"{where}.entities[{index}]")
        if entity.name.casefold() in seen:
            raise Refused(f"{where}.entities[{index}].name",
                          f"duplicate entity name {entity.name!r} in this watchlist")
        seen.add(entity.name.casefold())
        entities.append(entity)
    return Watchlist(name=name, entities=tuple(entities),
                     muted=_bool(data.get("muted"), f"{where}.muted", False),
                     extra=_extra(data, _WATCHLIST_FIELDS))


def parse_source(data: Any, where: str) -> Source:
    data = _object(data, where)
    name = _string(data.get("name"), f"{where}.name")
    kind = data.get("kind", "feed")
    if kind not in SOURCE_KINDS:
        raise Refused(f"{where}.kind", f"unknown source kind {json.dumps(kind)[:40]} "
                      f"(known: {', '.join(sorted(SOURCE_KINDS))})")
    url = _string(data.get("url"), f"{where}.url", limit=4_000)
    reason = check_web_url(url)
    if reason:
        raise Refused(f"{where}.url", f"{reason} ({url[:80]})")
    interval = data.get("interval_minutes", DEFAULT_INTERVAL)
    if isinstance(interval, bool) or not isinstance(interval, int) or \
            not 1 <= interval <= MAX_INTERVAL:
        raise Refused(f"{where}.interval_minutes",
                      f"must be a whole number of minutes from 1 to {MAX_INTERVAL}")
    official = _terms(data.get("official_for"), f"{where}.official_for")
    options = data.get("options", {})
    _object(options, f"{where}.options")
    problem = SOURCE_KINDS[kind].check_options(options) or check_auth_options(options)
    if problem:
        raise Refused(f"{where}.options.{problem.split(':', 1)[0]}", problem.split(":", 1)[1].strip())
    if official and not SOURCE_KINDS[kind].statements:
        raise Refused(f"{where}.official_for", f"a {kind} source carries coverage, never statements")
    if kind == "search" and "{query}" not in url:
        raise Refused(f"{where}.url", "a search address needs {query} where the search words go")
    return Source(name=name, kind=kind, url=url, interval_minutes=interval,
                  enabled=_bool(data.get("enabled"), f"{where}.enabled", True),
                  official_for=official, options=options, extra=_extra(data, _SOURCE_FIELDS))


def parse_config(document: Any, known_entities: Sequence[str] = ()) -> Config:
    """Validate a watchlist JSON document. Raises Refused naming the first bad place."""
    data = _object(document, "")
    _broken_text(data, "")
    version = data.get("version", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise Refused("version", f"this Stakewatch reads version {FORMAT_VERSION}, "
                      f"got {json.dumps(version)[:20]}")
    watchlists: list[Watchlist] = []
    names: set[str] = set()
    for index, raw in enumerate(_list(data, "watchlists", "watchlists")):
        watchlist = parse_watchlist(raw, f"watchlists[{index}]")
        if watchlist.name.casefold() in names:
            raise Refused(f"watchlists[{index}].name", f"duplicate watchlist name {watchlist.name!r}")
        names.add(watchlist.name.casefold())
        watchlists.append(watchlist)
    entity_names = {e.name.casefold() for w in watchlists for e in w.entities}
    entity_names |= {name.casefold() for name in known_entities}
    sources: list[Source] = []
    names = set()
    for index, raw in enumerate(_list(data, "sources", "sources")):
        source = parse_source(raw, f"sources[{index}]")
        if source.name.casefold() in names:
            raise Refused(f"sources[{index}].name", f"duplicate source name {source.name!r}")
        names.add(source.name.casefold())
        for position, entity in enumerate(source.official_for):
            if entity.casefold() not in entity_names:
                raise Refused(f"sources[{index}].official_for[{position}]",
                              f"no entity named {entity!r}")
        sources.append(source)
    if not watchlists and not sources:
        raise Refused("", "the file has no watchlists and no sources")
    return Config(tuple(watchlists), tuple(sources))


def config_to_json(watchlists: Sequence[Watchlist], sources: Sequence[Source]) -> dict[str, Any]:
    """The watchlist JSON document for a configuration (everything the user set)."""
    return {
        "version": FORMAT_VERSION,
        "generator": GENERATOR,
        "watchlists": [
            {**w.extra, "name": w.name, "muted": w.muted, "entities": [
                {**e.extra, "name": e.name, "kind": e.kind, "aliases": list(e.aliases),
                 "context": list(e.context), "exclude": list(e.exclude),
                 "priority": e.priority, "muted": e.muted}
                for e in w.entities]}
            for w in watchlists
        ],
        "sources": [
            {**s.extra, "name": s.name, "kind": s.kind, "url": s.url,
             "interval_minutes": s.interval_minutes, "enabled": s.enabled,
             "official_for": list(s.official_for), **({"options": s.options} if s.options else {})}
            for s in sources
        ],
    }


# OPML -----------------------------------------------------------------------------------------

def _safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, remove_comments=True)


def parse_opml(data: bytes) -> Config:
    """Feed sources from an OPML outline (nested folders flattened). Raises Refused."""
    try:
        root = etree.fromstring(data, parser=_safe_parser())
    except etree.XMLSyntaxError as exc:
        raise Refused("opml", f"not well-formed XML ({exc.msg})") from exc
    if root.tag != "opml":
        raise Refused("opml", f"the root element is <{root.tag}>, not <opml>")
    sources: list[Source] = []
    names: set[str] = set()
    for index, outline in enumerate(root.iter("outline")):
        url = outline.get("xmlUrl")
        if url is None:
            continue
        where = f"outline[{index}]"
        name = (outline.get("title") or outline.get("text") or url).strip()[:MAX_NAME]
        base, suffix = name, 2
        while name.casefold() in names:
            name, suffix = f"{base} ({suffix})", suffix + 1
        names.add(name.casefold())
        sources.append(parse_source({"name": name, "kind": "feed", "url": url.strip()}, where))
    if not sources:
        raise Refused("opml", "no outline with an xmlUrl (no feeds) in the file")
    return Config((), tuple(sources))


def sources_to_opml(sources: Sequence[Source]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">',
             "  <head><title>Stakewatch sources</title></head>", "  <body>"]
    for source in sources:
        if source.kind != "feed":
            continue
        lines.append(f"    <outline type=\"rss\" text={quoteattr(source.name)} "
                     f"title={quoteattr(source.name)} xmlUrl={quoteattr(source.url)}/>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


# files ------------------------------------------------------------------------------------------

def read_config_file(path: Path, known_entities: Sequence[str] = ()) -> Config:
    """Parse a watchlist JSON or OPML file. Raises Refused or UserError; reads nothing else."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            with path.open("rb") as handle:
                own = _OWN_EXPORT.match(handle.read(200)) is not None
            if not own or size > MAX_OWN_FILE:
                limit = MAX_OWN_FILE if own else MAX_FILE
                raise Refused(str(path.name), f"the file is larger than {limit // 1024 // 1024} MiB")
        data = path.read_bytes()
    except OSError as exc:
        raise UserError("Import", f"cannot read {path}: {exc.strerror}") from exc
    head = data.lstrip()[:200].lower()
    if path.suffix.lower() in (".opml", ".xml") or head.startswith((b"<?xml", b"<opml")):
        return parse_opml(data)
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise Refused("", "the file is not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise Refused(f"line {exc.lineno} column {exc.colno}", f"invalid JSON ({exc.msg})") from exc
    except RecursionError as exc:
        raise Refused("", "the JSON is nested too deeply") from exc
    except ValueError as exc:  # a number too long for Python to convert
        raise Refused(_place_of(data, _LONG_NUMBER), "a number has too many digits") from exc
    return parse_config(document, known_entities)


def _place_of(data: bytes, pattern: re.Pattern[bytes]) -> str:
    """'line L column C' of the first match of `pattern` in `data`, or '' if none."""
    found = pattern.search(data)
    if found is None:
        return ""
    before = data[:found.start()]
    line = before.count(b"\n") + 1
    column = len(before) - (before.rfind(b"\n") + 1) + 1
    return f"line {line} column {column}"


def import_file(store: Store, path: Path) -> Config:
    """Validate then store a file's watchlists and sources in one transaction."""
    known = [e.name for w in store.watchlists() for e in w.entities]
    config = read_config_file(path, known)
    store.apply_config(config.watchlists, config.sources)
    return config


def export_file(store: Store, path: Path) -> None:
    """Write the configuration as watchlist JSON, or as OPML when `path` ends in .opml."""
    if path.suffix.lower() == ".opml":
        text = sources_to_opml(store.sources())
    else:
        text = json.dumps(config_to_json(store.watchlists(), store.sources()),
                          ensure_ascii=False, separators=(",", ":")) + "\n"
    temporary = path.with_name(path.name + ".partial")
    try:
        with temporary.open("w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise UserError("Export", f"cannot write {path}: {exc.strerror}") from exc
