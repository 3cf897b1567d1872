"""Checking the fields of an entity beyond its words: aliases with their spans of days, names per
language and offices. Pure functions, any thread; each raises Refused naming the place.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from ..i18n import translate
from ..model import Office
from .fields import (
    MAX_TERMS,
    MUST_BE_LIST,
    MUST_BE_OBJECT,
    MUST_BE_WORDS,
    NO_TERMS,
    TOO_MANY_TERMS,
    Refused,
    _bool,
    _matches,
    _object,
    _Problems,
    _string,
    _terms,
)

NOT_ALIAS_FIELD = translate("Import", "is not a field of an alias (an alias has text, needs_context, from and until)")
NOT_OFFICE_FIELD = translate("Import", "is not a field of an office (an office has titles, from and until)")
BAD_DATE = translate("Import", "must be a date written YYYY-MM-DD, got {got}")
ENDS_BEFORE = translate("Import", "ends on {until}, before it starts on {since}")
BAD_LANGUAGE = translate("Import", "{code} is not a language code (such as ja, en, ko or zh-Hant)")
NO_TITLES = translate("Import", "an office needs at least one title")
OPEN_SPAN: tuple[date | None, date | None] = (None, None)
Dated = tuple[tuple[str, date | None, date | None], ...]
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")


def _day(value: Any, where: str) -> date | None:
    """An ISO date (YYYY-MM-DD), or None when absent."""
    if value is None:
        return None
    try:
        if isinstance(value, str) and _DAY.fullmatch(value.strip()):
            return date.fromisoformat(value.strip())
    except ValueError:
        pass
    raise Refused(where, BAD_DATE(got=json.dumps(value, ensure_ascii=False)[:40]))


def _span(entry: dict[str, Any], where: str) -> tuple[date | None, date | None]:
    """The `from` and `until` of an alias or an office; `until` may not come before `from`."""
    problems = _Problems()
    since = problems.check(_day, entry.get("from"), f"{where}.from", default=None)
    until = problems.check(_day, entry.get("until"), f"{where}.until", default=None)
    problems.raise_any()
    if since is not None and until is not None and until <= since:
        raise Refused(f"{where}.until", ENDS_BEFORE(until=until.isoformat(), since=since.isoformat()))
    return since, until


def _aliases(value: Any, where: str) -> tuple[tuple[str, ...], tuple[tuple[str, bool], ...], Dated]:
    """Alias texts, the needs-context choices of those written as objects, and their spans of days."""
    if value is None:
        return (), (), ()
    if not isinstance(value, list):
        raise Refused(where, MUST_BE_WORDS)
    texts: list[Any] = []
    chosen: dict[str, bool] = {}
    dated: list[tuple[str, date | None, date | None]] = []
    problems = _Problems()
    for index, entry in enumerate(value):
        if isinstance(entry, dict):
            unknown = sorted(set(entry) - {"text", "needs_context", "from", "until"})
            if unknown:
                problems.add(Refused(f"{where}[{index}].{unknown[0]}", NOT_ALIAS_FIELD))
                continue
            text = problems.check(_string, entry.get("text"), f"{where}[{index}].text", default="")
            if "needs_context" in entry and text:
                chosen[text] = problems.check(_bool, entry["needs_context"], f"{where}[{index}].needs_context",
                                              False, default=False)
            since, until = problems.check(_span, entry, f"{where}[{index}]", default=OPEN_SPAN)
            if text and (since or until) and (text, since, until) not in dated:
                dated.append((text, since, until))
            if text:
                texts.append(text)
        else:
            texts.append(entry)
    problems.raise_any()
    return _terms(texts, where), tuple(chosen.items()), tuple(dated)


def _names(value: Any, where: str) -> tuple[tuple[str, str], ...]:
    """An entity's names per language: {"ja": "平将明", "en": "Masaaki Taira"}."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise Refused(where, MUST_BE_OBJECT(got=type(value).__name__))
    problems = _Problems()
    names: list[tuple[str, str]] = []
    for code, text in value.items():
        if not _LANGUAGE.fullmatch(str(code)):
            problems.add(Refused(f"{where}.{code}", BAD_LANGUAGE(code=json.dumps(code, ensure_ascii=False)[:20])))
            continue
        name = problems.check(_string, text, f"{where}.{code}", default="")
        if name and problems.check(_matches, name, f"{where}.{code}", default=False):
            names.append((str(code), name))
    problems.raise_any()
    return tuple(names)


def _office(value: Any, where: str) -> Office:
    entry = _object(value, where)
    unknown = sorted(set(entry) - {"titles", "from", "until"})
    if unknown:
        raise Refused(f"{where}.{unknown[0]}", NOT_OFFICE_FIELD)
    problems = _Problems()
    titles: list[tuple[str, tuple[str, ...]]] = []
    no_titles: dict[str, Any] = {}
    raw = problems.check(_object, entry.get("titles"), f"{where}.titles", default=no_titles)
    for code, texts in raw.items():
        place = f"{where}.titles.{code}"
        if not _LANGUAGE.fullmatch(str(code)):
            problems.add(Refused(place, BAD_LANGUAGE(code=json.dumps(code, ensure_ascii=False)[:20])))
            continue
        listed = problems.check(_terms, [texts] if isinstance(texts, str) else texts, place, default=NO_TERMS)
        if listed:
            titles.append((str(code), listed))
    if not titles and not problems.found:
        problems.add(Refused(f"{where}.titles", NO_TITLES))
    since, until = problems.check(_span, entry, where, default=OPEN_SPAN)
    problems.raise_any()
    return Office(tuple(titles), since, until)


def _offices(value: Any, where: str) -> tuple[Office, ...]:
    """An entity's offices: titles per language and the tenure."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise Refused(where, MUST_BE_LIST)
    if len(value) > MAX_TERMS:
        raise Refused(where, TOO_MANY_TERMS(limit=MAX_TERMS))
    problems = _Problems()
    offices = [problems.check(_office, entry, f"{where}[{index}]", default=None) for index, entry in enumerate(value)]
    problems.raise_any()
    return tuple(office for office in offices if office is not None)
