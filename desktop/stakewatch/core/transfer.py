"""Watchlist JSON and OPML in and out.

Parsing validates everything before anything is stored; a refusal names the
place (`sources[3].url: ...`). Fields Stakewatch does not know are kept and
written back on export. Pure functions except `import_file`/`export_file`,
which take a Store owned by the calling thread.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from xml.sax.saxutils import quoteattr

from lxml import etree

from .fetch import check_web_url
from .i18n import translate
from .matching import compact_term
from .model import ENTITY_KINDS, Entity, Source, UserError, Watchlist
from .secrets import check_auth_options
from .sources import SOURCE_KINDS
from .store import Store

FORMAT_VERSION = 1
MAX_NAME = 200
MAX_TERMS = 200
MAX_INTERVAL = 7 * 24 * 60
MAX_FILE = 20 * 1024 * 1024
DEFAULT_INTERVAL = 30

_ENTITY_FIELDS = {"name", "kind", "aliases", "context", "exclude", "priority", "muted"}
_WATCHLIST_FIELDS = {"name", "entities", "muted"}
_SOURCE_FIELDS = {"name", "kind", "url", "interval_minutes", "enabled", "official_for",
                  "options"}


class Refused(UserError):
    """A file that cannot be imported; `message` names the place and the reason.

    `problems` holds every problem found (this one alone unless several were
    collected); the message then lists them all, one a line.
    """

    def __init__(self, where: str, reason: str, problems: Sequence[Refused] = ()) -> None:
        super().__init__("Import refused", f"{where}: {reason}" if where else reason)
        self.where = where
        self.reason = reason
        self.problems: tuple[Refused, ...] = tuple(problems) or (self,)


SEVERAL = translate("Import", "{n} problems; nothing was imported:")
T = TypeVar("T")
NO_TERMS: tuple[str, ...] = ()


class _Problems:
    """Collects refusals so that a file's every problem is reported at once."""

    def __init__(self) -> None:
        self.found: list[Refused] = []

    def add(self, refusal: Refused) -> None:
        self.found.extend(refusal.problems)

    def check(self, parse: Callable[..., T], *args: Any, default: T) -> T:
        try:
            return parse(*args)
        except Refused as exc:
            self.add(exc)
            return default

    def raise_any(self) -> None:
        if len(self.found) == 1:
            raise self.found[0]
        if self.found:
            lines = "\n".join(f"  {problem.message}" for problem in self.found)
            raise Refused("", f"{SEVERAL(n=len(self.found))}\n{lines}", self.found)


@dataclass(frozen=True)
class Config:
    watchlists: tuple[Watchlist, ...]
    sources: tuple[Source, ...]
    skipped: tuple[str, ...] = ()
    """Outlines of an OPML file that were left out, each with the reason."""


def _string(value: Any, where: str, empty_ok: bool = False, limit: int = MAX_NAME) -> str:
    if not isinstance(value, str):
        raise Refused(where, f"must be text, got {type(value).__name__}")
    text = value.strip()
    if not text and not empty_ok:
        raise Refused(where, "must not be empty")
    if len(text) > limit:
        raise Refused(where, f"is longer than {limit} characters")
    if any(ord(c) < 32 for c in text):
        raise Refused(where, "contains control characters")
    return text


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
    problems = _Problems()
    for index, term in enumerate(value):
        text = problems.check(_string, term, f"{where}[{index}]", default="")
        if text and not compact_term(text)[0]:
            problems.add(Refused(f"{where}[{index}]", "has nothing to match once spaces and dashes "
                                 "are set aside"))
        elif text:
            terms.setdefault(text, None)
    problems.raise_any()
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
    problems = _Problems()
    name = problems.check(_string, data.get("name"), f"{where}.name", default="")
    if name and not compact_term(name)[0]:
        problems.add(Refused(f"{where}.name", "has nothing to match once spaces and dashes are set aside"))
    kind = data.get("kind", "topic")
    if kind not in ENTITY_KINDS:
        problems.add(Refused(f"{where}.kind", f"must be one of {', '.join(ENTITY_KINDS)}, "
                             f"got {json.dumps(kind)[:40]}"))
    aliases: tuple[str, ...] = problems.check(_terms, data.get("aliases"), f"{where}.aliases", default=NO_TERMS)
    context: tuple[str, ...] = problems.check(_terms, data.get("context"), f"{where}.context", default=NO_TERMS)
    exclude: tuple[str, ...] = problems.check(_terms, data.get("exclude"), f"{where}.exclude", default=NO_TERMS)
    priority = problems.check(_bool, data.get("priority"), f"{where}.priority", False, default=False)
    muted = problems.check(_bool, data.get("muted"), f"{where}.muted", False, default=False)
    problems.raise_any()
    return Entity(
        name=name, kind=kind, aliases=tuple(a for a in aliases if a != name), context=context,
        exclude=exclude, priority=priority, muted=muted, extra=_extra(data, _ENTITY_FIELDS),
    )


def parse_watchlist(data: Any, where: str) -> Watchlist:
    data = _object(data, where)
    problems = _Problems()
    name = problems.check(_string, data.get("name"), f"{where}.name", default="")
    entities: list[Entity] = []
    seen: set[str] = set()
    raws: list[Any] = problems.check(_list, data, "entities", f"{where}.entities", default=[])
    for index, raw in enumerate(raws):
        entity = problems.check(parse_entity, raw, f"{where}.entities[{index}]", default=None)
        if entity is None:
            continue
        if entity.name.casefold() in seen:
            problems.add(Refused(f"{where}.entities[{index}].name",
                                 f"duplicate entity name {entity.name!r} in this watchlist"))
        seen.add(entity.name.casefold())
        entities.append(entity)
    muted = problems.check(_bool, data.get("muted"), f"{where}.muted", False, default=False)
    problems.raise_any()
    return Watchlist(name=name, entities=tuple(entities), muted=muted, extra=_extra(data, _WATCHLIST_FIELDS))


def parse_source(data: Any, where: str) -> Source:
    data = _object(data, where)
    problems = _Problems()
    name = problems.check(_string, data.get("name"), f"{where}.name", default="")
    kind = data.get("kind", "feed")
    if kind not in SOURCE_KINDS:
        problems.add(Refused(f"{where}.kind", f"unknown source kind {json.dumps(kind)[:40]} "
                             f"(known: {', '.join(sorted(SOURCE_KINDS))})"))
    url = problems.check(_string, data.get("url"), f"{where}.url", False, 4_000, default="")
    reason = check_web_url(url) if url else None
    if reason:
        problems.add(Refused(f"{where}.url", f"{reason} ({url[:80]})"))
    interval = data.get("interval_minutes", DEFAULT_INTERVAL)
    if isinstance(interval, bool) or not isinstance(interval, int) or \
            not 1 <= interval <= MAX_INTERVAL:
        problems.add(Refused(f"{where}.interval_minutes",
                             f"must be a whole number of minutes from 1 to {MAX_INTERVAL}"))
    official: tuple[str, ...] = problems.check(_terms, data.get("official_for"), f"{where}.official_for",
                                               default=NO_TERMS)
    options = data.get("options", {})
    if problems.check(_object, options, f"{where}.options", default=None) is None:
        options = {}
    if kind in SOURCE_KINDS:
        problem = SOURCE_KINDS[kind].check_options(options) or check_auth_options(options)
        if problem:
            problems.add(Refused(f"{where}.options.{problem.split(':', 1)[0]}", problem.split(":", 1)[1].strip()))
        if official and not SOURCE_KINDS[kind].statements:
            problems.add(Refused(f"{where}.official_for", f"a {kind} source carries coverage, never statements"))
    if kind == "search" and url and "{query}" not in url:
        problems.add(Refused(f"{where}.url", "a search address needs {query} where the search words go"))
    enabled = problems.check(_bool, data.get("enabled"), f"{where}.enabled", True, default=True)
    problems.raise_any()
    return Source(name=name, kind=kind, url=url, interval_minutes=interval, enabled=enabled,
                  official_for=official, options=options, extra=_extra(data, _SOURCE_FIELDS))


def parse_config(document: Any, known_entities: Sequence[str] = ()) -> Config:
    """Validate a watchlist JSON document. Raises Refused naming every bad place at once."""
    data = _object(document, "")
    version = data.get("version", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise Refused("version", f"this Stakewatch reads version {FORMAT_VERSION}, "
                      f"got {json.dumps(version)[:20]}")
    problems = _Problems()
    watchlists: list[Watchlist] = []
    names: set[str] = set()
    raws: list[Any] = problems.check(_list, data, "watchlists", "watchlists", default=[])
    for index, raw in enumerate(raws):
        watchlist = problems.check(parse_watchlist, raw, f"watchlists[{index}]", default=None)
        if watchlist is None:
            continue
        if watchlist.name.casefold() in names:
            problems.add(Refused(f"watchlists[{index}].name", f"duplicate watchlist name {watchlist.name!r}"))
        names.add(watchlist.name.casefold())
        watchlists.append(watchlist)
    entity_names = {e.name.casefold() for w in watchlists for e in w.entities}
    entity_names |= {name.casefold() for name in known_entities}
    sources: list[Source] = []
    names = set()
    raws = problems.check(_list, data, "sources", "sources", default=[])
    for index, raw in enumerate(raws):
        source = problems.check(parse_source, raw, f"sources[{index}]", default=None)
        if source is None:
            continue
        if source.name.casefold() in names:
            problems.add(Refused(f"sources[{index}].name", f"duplicate source name {source.name!r}"))
        names.add(source.name.casefold())
        for position, entity in enumerate(source.official_for):
            if entity.casefold() not in entity_names:
                problems.add(Refused(f"sources[{index}].official_for[{position}]",
                                     f"no entity named {entity!r}"))
        sources.append(source)
    problems.raise_any()
    if not watchlists and not sources:
        raise Refused("", "the file has no watchlists and no sources")
    return Config(tuple(watchlists), tuple(sources))


def config_to_json(watchlists: Sequence[Watchlist], sources: Sequence[Source]) -> dict[str, Any]:
    """The watchlist JSON document for a configuration (everything the user set)."""
    return {
        "version": FORMAT_VERSION,
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
    """Feed sources from an OPML outline; folders are kept as each source's `folder`.

    Outlines that cannot be a source are skipped and listed in `skipped`; a
    file with no usable feed at all is refused (Refused).
    """
    try:
        root = etree.fromstring(data, parser=_safe_parser())
    except etree.XMLSyntaxError as exc:
        raise Refused("opml", f"not well-formed XML ({exc.msg})") from exc
    if root.tag != "opml":
        raise Refused("opml", f"the root element is <{root.tag}>, not <opml>")
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
        reason = "no outline with an xmlUrl (no feeds) in the file"
        if skipped:
            reason = "no usable feed in the file: " + "; ".join(skipped[:5])
        raise Refused("opml", reason)
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
            html_url = f" htmlUrl={quoteattr(home)}" if isinstance(home, str) and home else ""
            out.append(f"{pad}<outline type=\"rss\" text={quoteattr(source.name)} "
                       f"title={quoteattr(source.name)} xmlUrl={quoteattr(source.url)}{html_url}/>")
        for key, child in node.items():
            if key:
                out.append(f"{pad}<outline text={quoteattr(key[1:])} title={quoteattr(key[1:])}>")
                out += write(child, depth + 1)
                out.append(f"{pad}</outline>")
        return out

    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">',
             "  <head><title>Stakewatch sources</title></head>", "  <body>"]
    lines += write(tree, 2)
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


# files ------------------------------------------------------------------------------------------

def read_config_file(path: Path, known_entities: Sequence[str] = ()) -> Config:
    """Parse a watchlist JSON or OPML file. Raises Refused or UserError; reads nothing else."""
    try:
        if path.stat().st_size > MAX_FILE:
            raise Refused(str(path.name), "the file is larger than 20 MiB")
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
    return parse_config(document, known_entities)


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
                          ensure_ascii=False, indent=2) + "\n"
    temporary = path.with_name(path.name + ".partial")
    try:
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    except OSError as exc:
        raise UserError("Export", f"cannot write {path}: {exc.strerror}") from exc
