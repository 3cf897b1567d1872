"""The watchlist document: its parts parsed and validated before anything is stored, and written
back as JSON. A refusal names the place (`sources[3].url: ...`); fields Stakewatch does not know are
kept and written back on export. Pure functions, any thread.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..fetching.client import check_web_url
from ..fetching.rhythm import check_zone, parse_releases
from ..i18n import split_field_problem
from ..model import ENTITY_KINDS, Entity, Office, Source, Watchlist
from ..platform.secrets import check_auth_options
from ..sources import SOURCE_KINDS
from .entity_fields import _aliases, _names, _offices
from .fields import (
    BAD_INTERVAL,
    BAD_URL,
    COVERAGE_ONLY,
    DUPLICATE_ENTITY,
    DUPLICATE_SOURCE,
    DUPLICATE_WATCHLIST,
    EMPTY_FILE,
    MUST_BE_SWITCH,
    NEEDS_CONTEXT_WORDS,
    NEEDS_QUERY,
    NO_CHOICES,
    NO_ENTITY,
    NO_TERMS,
    NOT_OWN_WORDS,
    ONE_OF,
    OWN_CONTEXT,
    UNKNOWN_KIND,
    WRONG_VERSION,
    Refused,
    _bool,
    _broken_text,
    _extra,
    _legacy_vetoes,
    _list,
    _matchable,
    _object,
    _Problems,
    _string,
    _terms,
)

FORMAT_VERSION = 1
MAX_INTERVAL = 7 * 24 * 60
MAX_FILE = 20 * 1024 * 1024
MAX_OWN_FILE = 256 * 1024 * 1024
GENERATOR = "Stakewatch"
_OWN_EXPORT = re.compile(rb'^\s*\{\s*"version"\s*:\s*1\s*,\s*"generator"\s*:\s*"Stakewatch"')
_LONG_NUMBER = re.compile(rb"-?\d{4000,}")

NO_DATES: tuple[tuple[str, date | None, date | None], ...] = ()
NO_NAMES: tuple[tuple[str, str], ...] = ()
NO_OFFICES: tuple[Office, ...] = ()
_ENTITY_FIELDS = {"name", "kind", "aliases", "context", "exclude", "veto", "priority", "muted", "names", "offices",
                  "related"}
_WATCHLIST_FIELDS = {"name", "entities", "muted"}
_SOURCE_FIELDS = {"name", "kind", "url", "interval_minutes", "enabled", "official_for",
                  "options"}

@dataclass(frozen=True)
class Config:
    watchlists: tuple[Watchlist, ...]
    sources: tuple[Source, ...]
    skipped: tuple[str, ...] = ()
    """Outlines of an OPML file that were left out, each with the reason."""


def parse_entity(data: Any, where: str) -> Entity:
    data = _object(data, where)
    problems = _Problems()
    name = problems.check(_string, data.get("name"), f"{where}.name", default="")
    if name:
        problems.check(_matchable, name, f"{where}.name", default=None)
    kind = data.get("kind", "topic")
    if kind not in ENTITY_KINDS:
        problems.add(Refused(f"{where}.kind", ONE_OF(kinds=", ".join(ENTITY_KINDS), got=json.dumps(kind)[:40])))
    aliases, chosen, dated = problems.check(_aliases, data.get("aliases"), f"{where}.aliases",
                                            default=(NO_TERMS, NO_CHOICES, NO_DATES))
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
    names = problems.check(_names, data.get("names"), f"{where}.names", default=NO_NAMES)
    offices = problems.check(_offices, data.get("offices"), f"{where}.offices", default=NO_OFFICES)
    related: tuple[str, ...] = problems.check(_terms, data.get("related"), f"{where}.related", default=NO_TERMS)
    for position, other in enumerate(related):
        if other.casefold() == name.casefold():
            problems.add(Refused(f"{where}.related[{position}]", OWN_CONTEXT(name=other)))
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
        alias_dates=dated,
        names=names,
        offices=offices,
        related=related,
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
    interval = data.get("interval_minutes")
    if interval is not None and (isinstance(interval, bool) or not isinstance(interval, int) or
                                 not 1 <= interval <= MAX_INTERVAL):
        problems.add(Refused(f"{where}.interval_minutes", BAD_INTERVAL(limit=MAX_INTERVAL)))
    if "releases" in data:
        _releases, refused = parse_releases(data["releases"])
        if refused is not None:
            problems.add(Refused(f"{where}.releases", refused))
    if "tz" in data:
        refused = check_zone(data["tz"])
        if refused is not None:
            problems.add(Refused(f"{where}.tz", refused))
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
    for w_index, listed in enumerate(watchlists):
        for e_index, one in enumerate(listed.entities):
            for position, other in enumerate(one.related):
                if other.casefold() not in entity_names:
                    problems.add(Refused(f"watchlists[{w_index}].entities[{e_index}].related[{position}]",
                                         NO_ENTITY(name=other)))
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
                {**e.extra, "name": e.name, "kind": e.kind, **e.details_json(), "aliases": e.aliases_json(),
                 "context": list(e.context), "exclude": list(e.exclude), **_veto_json(e),
                 "priority": e.priority, "muted": e.muted}
                for e in w.entities]}
            for w in watchlists
        ],
        "sources": [
            {**s.extra, "name": s.name, "kind": s.kind, "url": s.url,
             **({"interval_minutes": s.interval_minutes} if s.interval_minutes else {}), "enabled": s.enabled,
             "official_for": list(s.official_for), **({"options": s.options} if s.options else {})}
            for s in sources
        ],
    }
