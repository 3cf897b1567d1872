"""Alias suggestions: romaji readings, office titles, katakana, and counts against stored items."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli
from stakewatch.core.matching.aliases import count_matches, suggest
from stakewatch.core.matching.romaji import english_to_katakana, romaji_to_katakana, spellings
from stakewatch.core.model import Source, Watchlist
from stakewatch.core.store.database import Store


def texts(name: str) -> list[str]:
    return [c.text for c in suggest(name)]


def test_long_vowels_are_written_every_way_the_press_does():
    assert spellings("じょうない") == ["jounai", "jōnai", "jonai", "johnai"]
    assert spellings("こうの") == ["kouno", "kōno", "kono", "kohno"]
    assert spellings("きうち") == ["kiuchi"]
    assert spellings("いのうえ") == ["inoue"]  # う before a vowel is not a long o
    assert spellings("はっとり") == ["hattori"] and spellings("しゃちょう")[0] == "shachou"
    assert spellings("abc") == []
    assert romaji_to_katakana("Kiuchi") == "キウチ" and romaji_to_katakana("Hattori") == "ハットリ"
    assert romaji_to_katakana("Altman") is None


@pytest.mark.parametrize("name, wanted", [
    ("城内実", ["Minoru Kiuchi", "Kiuchi Minoru", "Minoru Jōnai", "Minoru Jonai", "Minoru Jounai", "Jōnai",
              "Minoru Jouchi", "城内大臣", "城内担当相", "Minister Kiuchi"]),
    ("平将明", ["Masaaki Taira", "Taira Masaaki", "平デジタル相", "平大臣"]),
    ("塩崎彰久", ["Akihisa Shiozaki", "Shiozaki Akihisa", "塩崎議員"]),
    ("城内 実", ["Minoru Kiuchi"]),
])
def test_japanese_names_get_the_spellings_coverage_used(name: str, wanted: list[str]):
    found = texts(name)
    assert [w for w in wanted if w not in found] == []
    assert name not in found and len(found) <= 100


def test_bare_surnames_need_context():
    by_text = {c.text: c for c in suggest("城内実")}
    assert by_text["Kiuchi"].needs_context and not by_text["Minoru Kiuchi"].needs_context


def test_latin_names_get_katakana():
    found = texts("Sam Altman")
    assert "サム・アルトマン" in found and "アルトマン" in found
    # names the dictionary lacks are read by rule
    assert english_to_katakana("Nadella") == "ナデラ" and english_to_katakana("Musk") == "マスク"
    assert english_to_katakana("Trump") == "トランプ" and english_to_katakana("Jürgen") is None
    assert "サティア・ナデラ" in texts("Satya Nadella")
    assert texts("") == [] and texts("!!") == []


def test_counts_tell_which_spellings_are_real():
    stored = ["Japan's minister Minoru Kiuchi warns OpenAI", "Minoru Jouchi said on Friday",
              "城内大臣は記者会見で述べた", "Kiuchi brewery opens", "nothing here"]
    counted = {c.text: c.matches for c in count_matches(suggest("城内実"), stored)}
    assert counted["Minoru Kiuchi"] == 1 and counted["Minoru Jouchi"] == 1 and counted["城内大臣"] == 1
    assert counted["Kiuchi"] == 2 and counted["Minoru Jonai"] == 0


def test_cli_suggests_with_counts(store: Store, data_dir: Path):
    store.apply_config([Watchlist("W")], [Source("News", "feed", "https://example.org/rss")])
    source_id = store.sources()[0].id
    store.conn.execute("INSERT INTO items(source_id, guid, url, canonical_url, title, summary, content, published, "
                       "dated, fetched) VALUES (?, 'g1', '', '', 'サム・アルトマン氏が来日', '', '', 0, 0, 0)",
                       (source_id,))
    store.conn.commit()
    result = run_cli(data_dir, "suggest-aliases", "Sam Altman", "--json")
    assert result.code == 0, result.err
    rows = {r["text"]: r for r in json.loads(result.out)}
    assert rows["サム・アルトマン"]["matches"] == 1 and rows["アルトマン"]["needs_context"]
    table = run_cli(data_dir, "suggest-aliases", "城内実")
    assert table.code == 0 and "Minoru Kiuchi" in table.out and "城内大臣" in table.out
    assert "no other spellings" in run_cli(data_dir, "suggest-aliases", "???").out
