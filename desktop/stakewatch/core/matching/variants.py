"""CJK character variants: one name in Japanese shinjitai, Simplified and Traditional Chinese.

城内実, 城内实 and 城內實 are one name; so are 塩崎彰久, 盐崎彰久 and 鹽崎彰久. The table
(resources/names/cjk-variants.json.gz, built by scripts/build_variant_table.py from OpenCC's
dictionaries and Unihan) folds each character to one member of its class, one-to-one only: 后,
范, 松 and other characters that are words of their own never join 後, 範, 鬆. An ambiguous
Simplified character (发 for both 發 and 髮) is not folded; a term written with 發 also gets
its 发 spelling instead.

Matching never rewrites feed text: `spellings` gives every way a compiled term may be written,
and all of them go into the matcher's one automaton, so a text costs the same walk as before.
Pure functions, any thread; the table is read once.
"""

from __future__ import annotations

import gzip
import itertools
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..resources import resource

log = logging.getLogger("stakewatch.variants")
TABLE = ("names", "cjk-variants.json.gz")
MAX_SPELLINGS = 128
"""A term with more variant spellings than this gets its consistent ones only (see `spellings`)."""


@dataclass(frozen=True)
class _Table:
    fold: dict[str, str]
    simplified: dict[str, str]
    members: dict[str, tuple[str, ...]]
    """Character -> the characters it may be written as (itself first), for every foldable character."""


def _pairs(text: str) -> dict[str, str]:
    return dict(zip(text[0::2], text[1::2], strict=True))


@cache
def _table() -> _Table:
    try:
        data = json.loads(gzip.decompress(resource(*TABLE).read_bytes()))
        fold, simplified = _pairs(data["fold"]), _pairs(data["simplified"])
        expand: dict[str, str] = dict(data["expand"])
    except (OSError, ValueError, KeyError, TypeError):
        log.warning("the character variant table could not be read; variants are not folded", exc_info=True)
        return _Table({}, {}, {})
    classes: dict[str, list[str]] = {}
    for char, canonical in fold.items():
        classes.setdefault(canonical, [canonical]).append(char)
    for canonical, chars in expand.items():
        group = classes.setdefault(canonical, [canonical])
        group += [c for c in chars if c not in group]
    members: dict[str, tuple[str, ...]] = {}
    for group in classes.values():
        for char in group:
            # an ambiguous Simplified character belongs to several classes: it may be written as any of them
            known = members.get(char, (char,))
            members[char] = known + tuple(c for c in group if c not in known)
    return _Table(fold, simplified, members)


def fold_variants(text: str) -> str:
    """`text` with every foldable character replaced by its class's Traditional member."""
    fold = _table().fold
    return "".join(fold.get(c, c) for c in text)


def traditional(text: str) -> str:
    """The Traditional Chinese (kyūjitai) form of a name: 城内実 -> 城內實."""
    return fold_variants(text)


def simplified(text: str) -> str:
    """The Simplified Chinese form of a name: 城内実 -> 城内实, 塩崎彰久 -> 盐崎彰久."""
    table = _table()
    return "".join(table.simplified.get(c, c) for c in fold_variants(text))


def spellings(key: str, limit: int = MAX_SPELLINGS) -> Iterator[str]:
    """Every spelling of a compact term with its characters' variants, the term itself first.

    A term with more than `limit` spellings (a long office title in Kanji) gets the consistent
    ones first (every character's first variant, then every character's second...), then as many
    mixed ones as the limit allows.
    """
    members = _table().members
    choices = [members.get(c, (c,)) for c in key]
    count = 1
    for options in choices:
        count *= len(options)
    if count == 1:
        yield key
        return
    if count <= limit:
        yield from ("".join(combination) for combination in itertools.product(*choices))
        return
    seen: set[str] = set()
    widest = max(len(options) for options in choices)
    lockstep = ("".join(o[k] if k < len(o) else o[0] for o in choices) for k in range(widest))
    for spelling in itertools.chain(lockstep, ("".join(c) for c in itertools.product(*choices))):
        if spelling not in seen:
            seen.add(spelling)
            yield spelling
            if len(seen) >= limit:
                return
