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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from xml.sax.saxutils import quoteattr

from lxml import etree

from .fetch import check_web_url
from .i18n import FIELD_PROBLEM, Message, split_field_problem, translate
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

_ENTITY_FIELDS = {"name", "kind", "aliases", "context", "exclude", "veto", "priority", "muted"}
_WATCHLIST_FIELDS = {"name", "entities", "muted"}
_SOURCE_FIELDS = {"name", "kind", "url", "interval_minutes", "enabled", "official_for",
                  "options"}

REFUSED_TITLE = translate("Import", "Import refused")
IMPORT_TITLE = translate("Import", "Import")
EXPORT_TITLE = translate("Import", "Export")
MUST_BE_TEXT = translate("Import", "must be text, got {got}")
NOT_EMPTY = translate("Import", "must not be empty")
TOO_LONG = translate("Import", "is longer than {limit} characters")
CONTROL_CHARACTERS = translate("Import", "contains control or bidirectional-override characters")
NOT_UNICODE = translate("Import", "is not valid Unicode (it holds a lone surrogate)")
FIELD_NOT_UNICODE = translate("Import", "a field name is not valid Unicode (it holds a lone surrogate)")
UNMATCHABLE = translate("Import", "can never match: feed text loses some of its characters (zero-width spaces)")
NEEDS_CONTEXT_WORDS = translate("Import", "'{alias}' needs context, but the entity has no context words")
MUST_BE_SWITCH = translate("Import", "must be true or false")
NOT_OWN_WORDS = translate("Import", "a {kind} source carries coverage, never one entity's own words")
TOO_MANY_DIGITS = translate("Import", "a number has too many digits")
NO_USABLE_FEED = translate("Import", "no usable feed in the file: {reasons}")
MUST_BE_BOOL = translate("Import", "must be true or false, got {got}")
MUST_BE_WORDS = translate("Import", "must be a list of words")
TOO_MANY_TERMS = translate("Import", "has more than {limit} entries")
NOTHING_TO_MATCH = translate("Import", "has nothing to match once spaces and dashes are set aside")
MUST_BE_OBJECT = translate("Import", "must be an object, got {got}")
MUST_BE_LIST = translate("Import", "must be a list")
ONE_OF = translate("Import", "must be one of {kinds}, got {got}")
DUPLICATE_ENTITY = translate("Import", "duplicate entity name '{name}' in this watchlist")
DUPLICATE_WATCHLIST = translate("Import", "duplicate watchlist name '{name}'")
DUPLICATE_SOURCE = translate("Import", "duplicate source name '{name}'")
UNKNOWN_KIND = translate("Import", "unknown source kind {kind} (known: {known})")
BAD_URL = translate("Import", "{reason} ({url})")
BAD_INTERVAL = translate("Import", "must be a whole number of minutes from 1 to {limit}")
COVERAGE_ONLY = translate("Import", "a {kind} source carries coverage, never statements")
NEEDS_QUERY = translate("Import", "a search address needs {placeholder} where the search words go")
WRONG_VERSION = translate("Import", "this Stakewatch reads version {version}, got {got}")
NO_ENTITY = translate("Import", "no entity named '{name}'")
EMPTY_FILE = translate("Import", "the file has no watchlists and no sources")
BAD_XML = translate("Import", "not well-formed XML ({error})")
NOT_OPML = translate("Import", "the root element is <{tag}>, not <opml>")
NO_FEEDS = translate("Import", "no outline with an xmlUrl (no feeds) in the file")
TOO_BIG = translate("Import", "the file is larger than {mib} MiB")
CANNOT_READ = translate("Import", "cannot read {file}: {error}")
CANNOT_WRITE = translate("Import", "cannot write {file}: {error}")
NOT_UTF8 = translate("Import", "the file is not UTF-8 text")
AT_LINE = translate("Import", "line {line} column {column}")
BAD_JSON = translate("Import", "invalid JSON ({error})")
TOO_DEEP = translate("Import", "the JSON is nested too deeply")


class Refused(UserError):
    """A file that cannot be imported; `message` names the place and the reason.

    `problems` holds every problem found (this one alone unless several were
    collected); the message then lists them all, one a line.
    """

    def __init__(self, where: str, reason: Message | str, problems: Sequence[Refused] = ()) -> None:
        super().__init__(REFUSED_TITLE, FIELD_PROBLEM(field=where, reason=reason) if where else reason)
        self.where = where
        self.reason = reason
        self.problems: tuple[Refused, ...] = tuple(problems) or (self,)


SEVERAL = translate("Import", "{n} problems; nothing was imported:")
T = TypeVar("T")
NO_TERMS: tuple[str, ...] = ()
NO_CHOICES: tuple[tuple[str, bool], ...] = ()


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
        raise Refused(where, MUST_BE_TEXT(got=type(value).__name__))
    text = value.strip()
    if not text and not empty_ok:
        raise Refused(where, NOT_EMPTY)
    if len(text) > limit:
        raise Refused(where, TOO_LONG(limit=limit))
    if _SURROGATE.search(text):
        raise Refused(where, NOT_UNICODE)
    if any(ord(c) < 32 for c in text) or has_control(text):
        raise Refused(where, CONTROL_CHARACTERS)
    return text


def _matchable(term: str, where: str) -> None:
    """Refuse a term that could never match: nothing left once folded, or characters that
    feed text loses before matching."""
    key = compact_term(term)[0]
    if not key:
        raise Refused(where, NOTHING_TO_MATCH)
    if compact_term(plain(term))[0] != key:
        raise Refused(where, UNMATCHABLE)


def _broken_text(value: Any, where: str, depth: int = 0) -> None:
    """Refuse any text in the document that cannot be stored (lone surrogates), naming the place."""
    if isinstance(value, str):
        if _SURROGATE.search(value):
            raise Refused(where or "file", NOT_UNICODE)
    elif isinstance(value, dict):
        for key, item in value.items():
            place = f"{where}.{key}" if where else str(key)
            if _SURROGATE.search(key):
                raise Refused(where or "file", FIELD_NOT_UNICODE)
            _broken_text(item, place, depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _broken_text(item, f"{where}[{index}]", depth + 1)


def _bool(value: Any, where: str, default: bool) -> bool:
    if value is None:
        return default
    if not isinstance(value, bool):
        raise Refused(where, MUST_BE_BOOL(got=json.dumps(value)[:40]))
    return value


def _terms(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise Refused(where, MUST_BE_WORDS)
    if len(value) > MAX_TERMS:
        raise Refused(where, TOO_MANY_TERMS(limit=MAX_TERMS))
    terms: dict[str, None] = {}
    problems = _Problems()
    for index, term in enumerate(value):
        text = problems.check(_string, term, f"{where}[{index}]", default="")
        if not text:
            continue
        try:
            _matchable(text, f"{where}[{index}]")
        except Refused as exc:
            problems.add(exc)
            continue
        terms.setdefault(text, None)
    problems.raise_any()
    return tuple(terms)


def _aliases(value: Any, where: str) -> tuple[tuple[str, ...], tuple[tuple[str, bool], ...]]:
    """Alias texts, and the needs-context choices of those written as objects."""
    if value is None:
        return (), ()
    if not isinstance(value, list):
        raise Refused(where, MUST_BE_WORDS)
    texts: list[Any] = []
    chosen: dict[str, bool] = {}
    for index, entry in enumerate(value):
        if isinstance(entry, dict):
            unknown = sorted(set(entry) - {"text", "needs_context"})
            if unknown:
                raise Refused(f"{where}[{index}].{unknown[0]}", "is not a field of an alias "
                              "(an alias has text and needs_context)")
            text = _string(entry.get("text"), f"{where}[{index}].text")
            if "needs_context" in entry:
                chosen[text] = _bool(entry["needs_context"], f"{where}[{index}].needs_context", False)
            texts.append(text)
        else:
            texts.append(entry)
    return _terms(texts, where), tuple(chosen.items())


def _legacy_vetoes(name: str, aliases: Sequence[str], exclude: Sequence[str]) -> tuple[
        tuple[str, ...], tuple[str, ...]]:
    """Split excludes written before vetoes existed: those containing no alias ruled out
    the whole item, so they become vetoes; the others keep cancelling their occurrences."""
    keys = [compact_term(alias)[0] for alias in (name, *aliases)]
    occurrence = tuple(t for t in exclude if any(k and k in compact_term(t)[0] for k in keys))
    return occurrence, tuple(t for t in exclude if t not in occurrence)


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Refused(where, MUST_BE_OBJECT(got=type(value).__name__))
    return value


def _extra(data: dict[str, Any], known: set[str]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key not in known}


def _list(data: dict[str, Any], key: str, where: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise Refused(where, MUST_BE_LIST)
    return value


def parse_entity(data: Any, where: str) -> Entity:
    data = _object(data, where)
    problems = _Problems()
    name = problems.check(_string, data.get("name"), f"{where}.name", default="")
    if name:
        problems.check(_matchable, name, f"{where}.name", default=None)
    kind = data.get("kind", "topic")
    if kind not in ENTITY_KINDS:
        problems.add(Refused(f"{where}.kind", ONE_OF(kinds=", ".join(ENTITY_KINDS), got=json.dumps(kind)[:40])))
    aliases, chosen = problems.check(_aliases, data.get("aliases"), f"{where}.aliases",
                                     default=(NO_TERMS, NO_CHOICES))
    context: tuple[str, ...] = problems.check(_terms, data.get("context"), f"{where}.context", default=NO_TERMS)
    exclude: tuple[str, ...] = problems.check(_terms, data.get("exclude"), f"{where}.exclude", default=NO_TERMS)
    if "veto" in data:
        veto: tuple[str, ...] = problems.check(_terms, data.get("veto"), f"{where}.veto", default=NO_TERMS)
    else:
        exclude, veto = _legacy_vetoes(name, aliases, exclude)
    if not context:
        lonely = [text for text, needs in chosen if needs]
        if lonely:
            problems.add(Refused(f"{where}.aliases", NEEDS_CONTEXT_WORDS(alias=lonely[0])))
    priority = problems.check(_bool, data.get("priority"), f"{where}.priority", False, default=False)
    muted = problems.check(_bool, data.get("muted"), f"{where}.muted", False, default=False)
    problems.raise_any()
    return Entity(
        name=name, kind=kind,
        aliases=tuple(a for a in aliases if a != name),
        context=context,
        exclude=exclude,
        veto=veto,
        alias_context=chosen,
        priority=priority,
        muted=muted,
        extra=_extra(data, _ENTITY_FIELDS),
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
            problems.add(Refused(f"{where}.entities[{index}].name", DUPLICATE_ENTITY(name=entity.name)))
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
        problems.add(Refused(f"{where}.kind", UNKNOWN_KIND(kind=json.dumps(kind)[:40],
                                                          known=", ".join(sorted(SOURCE_KINDS)))))
    url = problems.check(_string, data.get("url"), f"{where}.url", False, 4_000, default="")
    reason = check_web_url(url) if url else None
    if reason:
        problems.add(Refused(f"{where}.url", BAD_URL(reason=reason, url=url[:80])))
    interval = data.get("interval_minutes", DEFAULT_INTERVAL)
    if isinstance(interval, bool) or not isinstance(interval, int) or \
            not 1 <= interval <= MAX_INTERVAL:
        problems.add(Refused(f"{where}.interval_minutes", BAD_INTERVAL(limit=MAX_INTERVAL)))
    official: tuple[str, ...] = problems.check(_terms, data.get("official_for"), f"{where}.official_for",
                                               default=NO_TERMS)
    options = data.get("options", {})
    if problems.check(_object, options, f"{where}.options", default=None) is None:
        options = {}
    if kind in SOURCE_KINDS:
        problem = SOURCE_KINDS[kind].check_options(options) or check_auth_options(options)
        if problem:
            option, why = split_field_problem(problem)
            problems.add(Refused(f"{where}.options.{option}", why))
        if official and not SOURCE_KINDS[kind].statements:
            problems.add(Refused(f"{where}.official_for", COVERAGE_ONLY(kind=kind)))
    for where_flag, flag in ((f"{where}.full_text", data.get("full_text")),
                             (f"{where}.options.full_text", options.get("full_text"))):
        if flag is not None and not isinstance(flag, bool):
            problems.add(Refused(where_flag, MUST_BE_SWITCH))
    owner = data.get("entity")
    if owner is not None:
        owner = problems.check(_string, owner, f"{where}.entity", default="")
        if kind in SOURCE_KINDS and not SOURCE_KINDS[kind].statements:
            problems.add(Refused(f"{where}.entity", NOT_OWN_WORDS(kind=kind)))
        if owner and owner.casefold() not in {o.casefold() for o in official}:
            official = (*official, owner)
    if kind == "search" and url and "{query}" not in url:
        problems.add(Refused(f"{where}.url", NEEDS_QUERY(placeholder="{query}")))
    enabled = problems.check(_bool, data.get("enabled"), f"{where}.enabled", True, default=True)
    problems.raise_any()
    return Source(name=name, kind=kind, url=url, interval_minutes=interval, enabled=enabled,
                  official_for=official, options=options,
                  extra={**_extra(data, _SOURCE_FIELDS), **({"entity": owner} if owner else {})})


def parse_config(document: Any, known_entities: Sequence[str] = ()) -> Config:
    """Validate a watchlist JSON document. Raises Refused naming every bad place at once."""
    data = _object(document, "")
    _broken_text(data, "")
    version = data.get("version", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise Refused("version", WRONG_VERSION(version=FORMAT_VERSION, got=json.dumps(version)[:20]))
    problems = _Problems()
    watchlists: list[Watchlist] = []
    names: set[str] = set()
    raws: list[Any] = problems.check(_list, data, "watchlists", "watchlists", default=[])
    for index, raw in enumerate(raws):
        watchlist = problems.check(parse_watchlist, raw, f"watchlists[{index}]", default=None)
        if watchlist is None:
            continue
        if watchlist.name.casefold() in names:
            problems.add(Refused(f"watchlists[{index}].name", DUPLICATE_WATCHLIST(name=watchlist.name)))
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
            problems.add(Refused(f"sources[{index}].name", DUPLICATE_SOURCE(name=source.name)))
        names.add(source.name.casefold())
        if source.entity and source.entity.casefold() not in entity_names:
            raise Refused(f"sources[{index}].entity", NO_ENTITY(name=source.entity))
        for position, entity in enumerate(source.official_for):
            if entity.casefold() not in entity_names:
                problems.add(Refused(f"sources[{index}].official_for[{position}]", NO_ENTITY(name=entity)))
        sources.append(source)
    problems.raise_any()
    if not watchlists and not sources:
        raise Refused("", EMPTY_FILE)
    return Config(tuple(watchlists), tuple(sources))


def _veto_json(entity: Entity) -> dict[str, Any]:
    """The veto field, left out when a file without one would read back the same."""
    if entity.veto or _legacy_vetoes(entity.name, entity.aliases, entity.exclude)[1]:
        return {"veto": list(entity.veto)}
    return {}


def config_to_json(watchlists: Sequence[Watchlist], sources: Sequence[Source]) -> dict[str, Any]:
    """The watchlist JSON document for a configuration (everything the user set)."""
    return {
        "version": FORMAT_VERSION,
        "generator": GENERATOR,
        "watchlists": [
            {**w.extra, "name": w.name, "muted": w.muted, "entities": [
                {**e.extra, "name": e.name, "kind": e.kind, "aliases": e.aliases_json(),
                 "context": list(e.context), "exclude": list(e.exclude), **_veto_json(e),
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
        size = path.stat().st_size
        if size > MAX_FILE:
            with path.open("rb") as handle:
                own = _OWN_EXPORT.match(handle.read(200)) is not None
            if not own or size > MAX_OWN_FILE:
                limit = MAX_OWN_FILE if own else MAX_FILE
                raise Refused(str(path.name), TOO_BIG(mib=limit // 1024 // 1024))
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(IMPORT_TITLE, CANNOT_READ(file=str(path), error=exc.strerror or str(exc))) from exc
    head = data.lstrip()[:200].lower()
    if path.suffix.lower() in (".opml", ".xml") or head.startswith((b"<?xml", b"<opml")):
        return parse_opml(data)
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise Refused("", NOT_UTF8) from exc
    except json.JSONDecodeError as exc:
        raise Refused(str(AT_LINE(line=exc.lineno, column=exc.colno)), BAD_JSON(error=exc.msg)) from exc
    except RecursionError as exc:
        raise Refused("", TOO_DEEP) from exc
    except ValueError as exc:  # a number too long for Python to convert
        raise Refused(_place_of(data, _LONG_NUMBER), TOO_MANY_DIGITS) from exc
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
        raise UserError(EXPORT_TITLE, CANNOT_WRITE(file=str(path), error=exc.strerror or str(exc))) from exc
