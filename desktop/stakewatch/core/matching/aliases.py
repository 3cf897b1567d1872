"""Alias suggestions: a name in the other spellings the press writes it in.

For a Japanese name in kanji: its readings from the shipped name table (built from JMnedict)
as romaji, family-first and given-first, with and without long vowels; its Hangul by the
standard Korean transcription (기우치 미노루) and as Korean technology sites write it; its
Simplified and Traditional Chinese forms (城内实, 城內實); the surname with titles (城内大臣,
城内氏, 平さん), and the Japanese short forms of the entity's offices (知財担当相, デジタル相), all
titles needing context. For a Latin name: its katakana (Sam Altman -> サム・アルトマン, アルトマン).
`count_matches` tells how many stored items each candidate would match, so the user keeps what is
real. Pure functions on plain data, any thread; the table loads once.
"""

from __future__ import annotations

import gzip
import json
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..i18n import Message, translate
from ..model import Entity, Office, Watchlist
from ..resources import resource
from . import hangul
from .matcher import Matcher
from .romaji import english_to_katakana, romaji_to_katakana, spellings, to_katakana
from .variants import simplified, traditional

TABLE = ("names", "jmnedict-names.json.gz")
MAX_READINGS = 6
MAX_GIVEN = 4
PER_KANJI = 4
MAX_COMPOSED = 16
MAX_CANDIDATES = 100
"""Readings, titles and katakana of a Japanese name; its Hangul, Chinese forms and offices come on top."""
KATAKANA_RANK = 6
TITLES: tuple[str, ...] = ("大臣", "担当相", "相", "氏", "さん", "議員", "先生", "長官", "デジタル相", "経済安保相",
                           "知財相")
ENGLISH_TITLES: tuple[str, ...] = ("Minister",)
KOREAN_TITLES: tuple[str, ...] = (" 장관", " 의원")
_SPECIAL_MISSION = re.compile(r"^内閣府特命担当大臣[（(](.+)[）)]$")
_ABBREVIATIONS: tuple[tuple[str, str], ...] = (("知的財産", "知財"), ("経済安全保障", "経済安保"),
                                              ("経済財政政策", "経済財政"), ("人工知能", "AI"))
KINDS: dict[str, Message] = {
    "reading": translate("Aliases", "reading"), "title": translate("Aliases", "title"),
    "katakana": translate("Aliases", "katakana"), "hangul": translate("Aliases", "Hangul"),
    "variant": translate("Aliases", "Chinese characters"), "office": translate("Aliases", "office"),
}
_KANJI = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff々〆ヶ]+$")
_LATIN_WORD = re.compile(r"^[A-Za-zÀ-ÿāēīōū'.-]+$")
_lock = threading.Lock()


@dataclass(frozen=True)
class Candidate:
    """One suggested alias: `kind` is reading, title, katakana, hangul, variant (Chinese characters) or
    office; a bare surname, a surname with a title and an office's title need context."""

    text: str
    kind: str
    needs_context: bool = False
    matches: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind, "needs_context": self.needs_context,
                "matches": self.matches}

    @property
    def kind_label(self) -> str:
        """The kind in the user's language."""
        return str(KINDS[self.kind]) if self.kind in KINDS else self.kind


@lru_cache(maxsize=1)
def reading_table() -> dict[str, dict[str, list[str]]]:
    """{"surname"|"given"|"person"|"kanji": {kanji: [kana…]}, "foreign": {latin: [katakana…]}}."""
    with _lock:
        path = resource(*TABLE)
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            data: dict[str, dict[str, list[str]]] = json.load(handle)
    return data


def split_name(name: str, table: dict[str, dict[str, list[str]]]) -> list[tuple[str, str]]:
    """The (surname, given name) split of a kanji name that the table reads, longest surname first."""
    compact = "".join(name.split())
    if " " in name.strip() or "\u3000" in name.strip():
        family, _, given = name.strip().replace("\u3000", " ").partition(" ")
        return [(family, given.strip())]
    splits = [(compact[:i], compact[i:]) for i in range(len(compact) - 1, 0, -1)
              if compact[:i] in table["surname"] and compact[i:] in table["given"]]
    if not splits:
        splits = [(compact[:i], compact[i:]) for i in range(len(compact) - 1, 0, -1)
                  if compact[:i] in table["surname"]]
    return splits[:1]


def readings(family: str, given: str, table: dict[str, dict[str, list[str]]]) -> tuple[list[str], list[str]]:
    """The readings of each part, most likely first: a known person's own reading leads."""
    family_readings = list(table["surname"].get(family, []))
    given_readings = list(table["given"].get(given, [])) or composed(given, table)
    for full in table.get("person", {}).get(family + given, []):
        for family_kana in family_readings:
            if full.startswith(family_kana) and len(full) > len(family_kana):
                given_kana = full[len(family_kana):]
                family_readings.remove(family_kana)
                family_readings.insert(0, family_kana)
                if given_kana in given_readings:
                    given_readings.remove(given_kana)
                given_readings.insert(0, given_kana)
                break
    return family_readings[:MAX_READINGS], given_readings[:MAX_READINGS]


def composed(given: str, table: dict[str, dict[str, list[str]]]) -> list[str]:
    """Readings of a given name the table lacks, put together from its kanji's name readings
    (亮正: りょう + せい), at most MAX_READINGS."""
    per_kanji = [table.get("kanji", {}).get(char, [])[:PER_KANJI] for char in given]
    if not per_kanji or any(not readings for readings in per_kanji) or len(per_kanji) > 3:
        return []
    combos: list[tuple[int, str]] = [(0, "")]
    for readings in per_kanji:
        combos = [(rank + position, head + tail) for rank, head in combos for position, tail in enumerate(readings)]
    return [reading for _, reading in sorted(combos, key=lambda combo: combo[0])][:MAX_COMPOSED]


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]


def office_short_forms(title: str) -> list[str]:
    """The forms Japanese coverage shortens an office's title to: 知的財産戦略担当大臣 -> 知財担当相,
    知財相; デジタル大臣 -> デジタル相; 内閣府特命担当大臣（知的財産戦略）-> 知的財産戦略担当相."""
    special = _SPECIAL_MISSION.match(title)
    base = special.group(1) + "担当大臣" if special else title
    bases = [base]
    for long, short in _ABBREVIATIONS:
        bases += [b.replace(long, short) for b in bases if long in b]
    forms: list[str] = []
    for text in bases:
        forms.append(text)
        for ending in ("担当大臣", "担当相", "大臣"):
            if text.endswith(ending):
                stem = text[: -len(ending)]
                forms += [stem + "担当相", stem + "相"] if ending != "大臣" else [stem + "相"]
                if stem.endswith("戦略") and len(stem) > 2:
                    forms += [stem[:-2] + "担当相", stem[:-2] + "相"]
                break
    return [form for form in dict.fromkeys(forms) if form != title and len(form) > 1]


def _offices(family: str, offices: Sequence[Office]) -> list[Candidate]:
    """An office's Japanese short forms, alone and after the surname, as context-needing aliases."""
    found: list[Candidate] = []
    for office in offices:
        for title in office.in_language("ja"):
            shorts = office_short_forms(title)
            found += [Candidate(short, "office", needs_context=True) for short in shorts]
            found += [Candidate(family + short, "title", needs_context=True) for short in [title, *shorts]
                      if not short.startswith("内閣府")]
    return found


def _korean(family_kana: str, given_kana: str) -> list[Candidate]:
    """Hangul by the standard (기우치 미노루), as the press aspirates it (키우치 미노루, 미노루 키우치),
    the bare surname and the surname with a title, both needing context."""
    standard = hangul.name(family_kana, given_kana)
    if standard is None:
        return []
    family, given = standard.split(" ")
    press = hangul.press_variant(standard)
    found = [Candidate(standard, "hangul"), Candidate(press, "hangul"),
             Candidate(" ".join(reversed(press.split(" "))), "hangul"),
             Candidate(family, "hangul", needs_context=True)]
    found += [Candidate(family + title, "hangul", needs_context=True) for title in KOREAN_TITLES]
    return found


def _japanese(name: str, table: dict[str, dict[str, list[str]]], offices: Sequence[Office] = ()) -> list[Candidate]:
    ranked: list[tuple[int, int, Candidate]] = []
    other_scripts = [Candidate(form, "variant") for form in (simplified(name), traditional(name))]
    for split, (family, given) in enumerate(split_name(name, table)):
        family_readings, given_readings = readings(family, given, table)
        for number, family_kana in enumerate(family_readings[:2] if given_readings else []):
            korean = _korean(family_kana, given_readings[0])
            other_scripts += korean if number == 0 else korean[:2] + korean[3:5]
        other_scripts += _offices(family, offices)
        for title in TITLES:
            ranked.append((-1, len(ranked), Candidate(family + title, "title", needs_context=True)))
        for f_rank, family_kana in enumerate(family_readings):
            for f_spell, family_spelling in enumerate(_press_order(spellings(family_kana))):
                surname = _capital(family_spelling)
                base = 4 * split + 2 * f_rank + f_spell
                for g_rank, given_kana in enumerate(given_readings[:MAX_GIVEN]):
                    for g_spell, given_spelling in enumerate(_press_order(spellings(given_kana))):
                        score = base + 2 * g_rank + g_spell
                        given_name = _capital(given_spelling)
                        ranked.append((score, len(ranked), Candidate(f"{given_name} {surname}", "reading")))
                        ranked.append((score, len(ranked), Candidate(f"{surname} {given_name}", "reading")))
                ranked.append((base + 1, len(ranked), Candidate(surname, "reading", needs_context=True)))
                if f_rank < 3:
                    ranked.extend((base + 2, len(ranked), Candidate(f"{title} {surname}", "title"))
                                  for title in ENGLISH_TITLES)
        for family_kana in family_readings[:2]:
            for given_kana in given_readings[:2]:
                katakana = Candidate(to_katakana(family_kana + given_kana), "katakana")
                ranked.append((KATAKANA_RANK, len(ranked), katakana))
    found: dict[str, Candidate] = {}
    for _, _, candidate in sorted(ranked, key=lambda entry: (entry[0], entry[1])):
        found.setdefault(candidate.text.casefold(), candidate)
    first = {c.text.casefold(): c for c in other_scripts}
    return list(first.values()) + [c for key, c in list(found.items())[:MAX_CANDIDATES] if key not in first]


def _press_order(spelled: list[str]) -> list[str]:
    """Spellings as the press prefers them: long vowels dropped (Jonai), then as the kana (Jounai),
    then with a macron (Jōnai), then with an h (Johnai)."""
    if len(spelled) < 3:
        return spelled
    return [spelled[2], spelled[0], spelled[1], *spelled[3:]]


def _latin(name: str, table: dict[str, dict[str, list[str]]]) -> list[Candidate]:
    words = name.split()
    options: list[list[str]] = []
    for word in words:
        known = table["foreign"].get(word.casefold(), [])[:3]
        guessed = romaji_to_katakana(word) or (english_to_katakana(word) if not known else None)
        choices = list(dict.fromkeys(known + ([guessed] if guessed else [])))
        if not choices:
            return []
        options.append(choices)
    found: dict[str, Candidate] = {}
    firsts = options[0] if len(options) > 1 else []
    for last in options[-1]:
        for first in firsts[:3]:
            middle = "".join(f"・{o[0]}" for o in options[1:-1])
            found.setdefault(f"{first}{middle}・{last}", Candidate(f"{first}{middle}・{last}", "katakana"))
        found.setdefault(last, Candidate(last, "katakana", needs_context=len(options) > 1))
        if len(options) > 1:
            found.setdefault(last + "氏", Candidate(last + "氏", "title"))
    return list(found.values())


def suggest(name: str, table: dict[str, dict[str, list[str]]] | None = None,
            offices: Sequence[Office] = ()) -> list[Candidate]:
    """Spellings of `name` worth trying as aliases, the name itself left out. Empty when unreadable.

    `offices` are the entity's: their Japanese short forms are offered too."""
    table = table if table is not None else reading_table()
    cleaned = " ".join(name.split())
    if not cleaned:
        return []
    if _KANJI.match(cleaned.replace(" ", "")):
        candidates = _japanese(cleaned, table, offices)
    elif all(_LATIN_WORD.match(word) for word in cleaned.split()):
        candidates = _latin(cleaned, table)
    else:
        candidates = []
    own = cleaned.casefold()
    return [c for c in candidates if c.text.casefold() != own]


def suggest_for(entity: Entity, table: dict[str, dict[str, list[str]]] | None = None) -> list[Candidate]:
    """Suggestions for an entity: from its name, and from its Japanese name when it has one (a minister
    named "Minoru Kiuchi" with names.ja 城内実), with its offices' short forms."""
    table = table if table is not None else reading_table()
    found: dict[str, Candidate] = {}
    for name in dict.fromkeys((entity.label("ja"), entity.name)):
        for candidate in suggest(name, table, entity.offices):
            if candidate.text.casefold() not in {a.casefold() for a in entity.all_aliases}:
                found.setdefault(candidate.text.casefold(), candidate)
    return list(found.values())


def count_matches(candidates: Sequence[Candidate], texts: Sequence[str]) -> list[Candidate]:
    """The candidates with how many of `texts` each would match as an alias on its own."""
    entities = tuple(Entity(name=f"#{n}", aliases=(c.text,)) for n, c in enumerate(candidates))
    matcher = Matcher([Watchlist("suggestions", entities)])
    counts = [0] * len(candidates)
    for text in texts:
        for match in matcher.match(text):
            counts[int(match.entity[1:])] += 1
    return [Candidate(c.text, c.kind, c.needs_context, counts[n]) for n, c in enumerate(candidates)]
