"""Build the small name-reading table shipped in resources/names/ from JMnedict.

JMnedict is the Electronic Dictionary Research and Development Group's Japanese names
dictionary (CC BY-SA 4.0). This reads the SQLite copy that the jamdict-data package carries;
install it in a development environment only (`pip install jamdict-data`), it is not needed at
run time. Usage: python scripts/build_name_table.py [--db PATH] [-o OUT.json.gz]

The table keeps, for surnames and given names of up to three kanji, the readings ranked by how
many people in the dictionary bear them, then by how many names share them (so 平 reads たいら
before ひらやなぎ; given names read as men's or unmarked names first, since
most officials in the records are men, then women's), single kanji readings from KANJIDIC2
(CC BY-SA 4.0, EDRDG) to read given names the dictionary lacks, full readings of modern people
(to pick the right pair when a name is split), and Latin -> katakana for foreign names.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sqlite3
from collections import Counter, defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "desktop/stakewatch/resources/names/jmnedict-names.json.gz"
MAX_KANJI = 3
MAX_READINGS = 8
MAX_FOREIGN = 3
SURNAME = {"surname"}
GIVEN = {"given", "masc", "fem"}
FOREIGN = {"surname", "given", "masc", "fem", "person", "unclass"}
_KANJI = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff々ヶ]+$")
_KANA = re.compile(r"^[\u3041-\u3096ー]+$")
_KATAKANA = re.compile(r"^[\u30a1-\u30faー・]+$")
_LATIN = re.compile(r"^[A-Za-z][a-z'-]+$")
_MODERN = re.compile(r"\((1[89]\d\d|20\d\d)[.)-]")


def default_db() -> Path:
    import jamdict_data  # type: ignore[import-not-found]

    return Path(jamdict_data.__file__).parent / "jamdict.db"


def rows(conn: sqlite3.Connection) -> dict[int, tuple[list[str], list[str], set[str], list[str]]]:
    entries: dict[int, tuple[list[str], list[str], set[str], list[str]]] = defaultdict(lambda: ([], [], set(), []))
    for idseq, text in conn.execute("SELECT idseq, text FROM NEKanji"):
        entries[idseq][0].append(text)
    for idseq, text in conn.execute("SELECT idseq, text FROM NEKana"):
        entries[idseq][1].append(text)
    for idseq, text in conn.execute("SELECT t.idseq, y.text FROM NETranslation t JOIN NETransType y ON y.tid = t.ID"):
        entries[idseq][2].add(text)
    for idseq, text in conn.execute("SELECT t.idseq, g.text FROM NETranslation t JOIN NETransGloss g ON g.tid = t.ID"):
        entries[idseq][3].append(text)
    return entries


def famous(entries: dict[int, tuple[list[str], list[str], set[str], list[str]]],
           readings: dict[str, dict[str, set[str]]]) -> dict[str, Counter[tuple[str, str]]]:
    """How many people in the dictionary bear each (surname, reading) and (given name, reading):
    松本 is read まつもと by far more of them than ますもと."""
    fame: dict[str, Counter[tuple[str, str]]] = {"surname": Counter(), "given": Counter()}
    for kanji, kana, types, _ in entries.values():
        if "person" not in types:
            continue
        for name in kanji:
            for full in kana:
                for cut in range(1, len(name)):
                    family, given = name[:cut], name[cut:]
                    for family_kana in readings["surname"].get(family, ()):
                        if full.startswith(family_kana):
                            fame["surname"][(family, family_kana)] += 1
                            rest = full[len(family_kana):]
                            if rest in readings["given"].get(given, ()):
                                fame["given"][(given, rest)] += 1
    return fame


def kanji_readings(conn: sqlite3.Connection, given: dict[str, list[str]]) -> dict[str, list[str]]:
    """Readings of single kanji from KANJIDIC2 (name readings, on, kun) as hiragana, ranked by how
    many given names start or end with them where they start or end with that kanji."""
    wanted = {c for name in given for c in name}
    found: dict[str, list[str]] = defaultdict(list)
    rows = conn.execute("SELECT c.literal, n.value FROM character c JOIN nanori n ON n.cid = c.ID "
                        "UNION ALL SELECT c.literal, r.value "
                        "FROM character c JOIN rm_group g ON g.cid = c.ID JOIN reading r ON r.gid = g.ID "
                        "WHERE r.r_type IN ('ja_on', 'ja_kun')")
    for literal, value in rows:
        kana = "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c
                       for c in value.split(".")[0].strip("-"))
        if literal in wanted and _KANA.match(kana) and kana not in found[literal]:
            found[literal].append(kana)
    usage: Counter[tuple[str, str]] = Counter()
    for name, kanas in given.items():
        if len(name) < 2:
            continue
        for kana in kanas:
            for reading in found.get(name[0], ()):
                usage[(name[0], reading)] += kana.startswith(reading) and len(kana) > len(reading)
            for reading in found.get(name[-1], ()):
                usage[(name[-1], reading)] += kana.endswith(reading) and len(kana) > len(reading)
    return {k: sorted(v, key=lambda r, k=k: -usage[(k, r)])[:MAX_READINGS] for k, v in sorted(found.items())}


def build(db: Path) -> dict[str, dict[str, list[str]]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    entries = rows(conn)
    readings: dict[str, dict[str, set[str]]] = {"surname": defaultdict(set), "given": defaultdict(set)}
    spread: dict[str, Counter[str]] = {"surname": Counter(), "given": Counter()}
    male: set[tuple[str, str]] = set()
    person: dict[str, list[str]] = defaultdict(list)
    foreign: dict[str, list[str]] = defaultdict(list)
    for kanji, kana, types, glosses in entries.values():
        for group, wanted in (("surname", SURNAME), ("given", GIVEN)):
            if types & wanted:
                for k in kanji:
                    if len(k) <= MAX_KANJI and _KANJI.match(k):
                        for r in kana:
                            if _KANA.match(r):
                                readings[group][k].add(r)
                                spread[group][r] += 1
                                if types & {"masc", "given"}:
                                    male.add((k, r))
        if "person" in types and any(_MODERN.search(g) for g in glosses):
            for k in kanji:
                if 2 <= len(k) <= 6 and _KANJI.match(k):
                    person[k].extend(r for r in kana if _KANA.match(r) and r not in person[k])
        if not kanji and types & FOREIGN:
            for r in kana:
                if _KATAKANA.match(r) and "・" not in r:
                    for gloss in glosses:
                        for word in gloss.split("|"):
                            word = word.strip()
                            if _LATIN.match(word) and r not in foreign[word.casefold()]:
                                foreign[word.casefold()].append(r)
    fame = famous(entries, readings)
    table: dict[str, dict[str, list[str]]] = {}
    for group in ("surname", "given"):
        table[group] = {k: sorted(v, key=lambda r, g=group, k=k: (-fame[g][(k, r)], g == "given" and (k, r) not in male,
                                                                   -spread[g][r], r))[:MAX_READINGS]
                        for k, v in sorted(readings[group].items())}
    table["kanji"] = kanji_readings(conn, {k: sorted(v) for k, v in readings["given"].items()})
    table["person"] = {k: v[:2] for k, v in sorted(person.items())}
    table["foreign"] = {k: v[:MAX_FOREIGN] for k, v in sorted(foreign.items())}
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args()
    table = build(args.db or default_db())
    args.output.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(table, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
    with gzip.GzipFile(args.output, "wb", compresslevel=9, mtime=0) as handle:
        handle.write(data)
    print(f"{args.output.name}: {', '.join(f'{k} {len(v)}' for k, v in table.items())}; "
          f"{args.output.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
