"""Checking the fields of a watchlist document: the words for every refusal, and the checks
themselves. Pure functions, any thread; each raises Refused naming the place, and `_Problems`
collects them so that a file's every problem is reported at once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from ..i18n import Message, translate
from ..matching.matcher import compact_term
from ..model.values import DUPLICATE_WATCHLIST as DUPLICATE_WATCHLIST
from ..model.values import NOT_EMPTY as NOT_EMPTY
from ..model.values import REFUSED_TITLE as REFUSED_TITLE
from ..model.values import SEVERAL as SEVERAL
from ..model.values import Refused as Refused
from ..text import has_control, plain

MAX_NAME = 200
MAX_TERMS = 200
_SURROGATE = re.compile("[\ud800-\udfff]")

IMPORT_TITLE = translate("Import", "Import")
EXPORT_TITLE = translate("Import", "Export")
MUST_BE_TEXT = translate("Import", "must be text, got {got}")
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
JSON_REASONS = (  # Python's json messages, by how they begin, in our own words
    ("Expecting value", translate("Import", "a value is missing (text in quotes, a number, true, false, null, "
                                            "[ or {), or a comma comes too early")),
    ("Expecting ',' delimiter", translate("Import", "a comma (,) is missing between two entries")),
    ("Expecting ':' delimiter", translate("Import", "a colon (:) is missing after a name")),
    ("Expecting property name", translate("Import", "a name in double quotes is expected here "
                                                    "(or a comma too many before })")),
    ("Unterminated string", translate("Import", "a text in quotes is not closed")),
    ("Invalid control character", translate("Import", "a text in quotes holds a line break or tab "
                                                      "(write it as \\n or \\t)")),
    ("Invalid \\uXXXX escape", translate("Import", "a \\u escape needs four hexadecimal digits")),
    ("Invalid \\escape", translate("Import", "a backslash starts an escape JSON does not know")),
    ("Extra data", translate("Import", "more text follows the end of the JSON document")),
    ("Illegal trailing comma", translate("Import", "a comma too many before a closing bracket")),
)
JSON_OTHER = translate("Import", "the JSON is not well-formed here")


def json_reason(error: json.JSONDecodeError) -> Message:
    """Why json refused a document, as a message (json's own words are English only). Any thread."""
    return next((reason for start, reason in JSON_REASONS if error.msg.startswith(start)), JSON_OTHER)


TOO_DEEP = translate("Import", "the JSON is nested too deeply")
OWN_CONTEXT = translate("Import", "'{name}' is the entity itself; list other entities whose mention counts as context")


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


def _matches(term: str, where: str) -> bool:
    _matchable(term, where)
    return True


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
