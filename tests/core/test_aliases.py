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
    readings = [c for c in suggest(name) if c.kind in ("reading", "title", "katakana")]
    assert name not in found and len(readings) <= 100 and len(found) - len(readings) <= 20


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


@pytest.mark.parametrize("name, hangul", [
    ("城内実", "기우치 미노루"), ("平将明", "다이라 마사아키"), ("塩崎彰久", "시오자키 아키히사"),
    ("高市早苗", "다카이치 사나에"), ("河野太郎", "고노 다로"), ("松本尚", "마쓰모토 히사시"),
])
def test_a_japanese_name_gets_its_hangul_by_the_standard_transcription(name: str, hangul: str):
    by_text = {c.text: c for c in suggest(name)}
    assert by_text[hangul].kind == "hangul" and not by_text[hangul].needs_context
    family = hangul.split(" ")[0]
    assert by_text[family].needs_context and by_text[family + " 장관"].needs_context


def test_the_standard_hangul_and_the_press_spellings():
    from stakewatch.core.matching import hangul

    assert hangul.name("いのうえ", "しんじ") == "이노우에 신지"  # う before a vowel is written
    assert hangul.name("はっとり", "じょう") == "핫토리 조"  # っ closes the syllable, long vowels go
    assert hangul.name("かたやま", "さつき") == "가타야마 사쓰키" and hangul.word("ABC") is None
    assert hangul.press_variant("다이라 마사아키") == "타이라 마사아키"
    assert {"타이라 마사아키", "미노루 키우치"} <= set(texts("平将明")) | set(texts("城内実"))


def test_a_kanji_name_gets_its_simplified_and_traditional_forms():
    found = {c.text: c.kind for c in suggest("塩崎彰久")}
    assert found["盐崎彰久"] == found["鹽崎彰久"] == "variant"
    assert "城內實" in texts("城内実") and "城内实" in texts("城内実")


def test_surname_and_title_forms_need_context():
    by_text = {c.text: c for c in suggest("城内実")}
    assert all(by_text[t].needs_context for t in ("城内大臣", "城内氏"))
    assert suggest("平将明") and {c.text: c for c in suggest("平将明")}["平さん"].needs_context
    assert {c.text: c for c in suggest("塩崎彰久")}["塩崎議員"].needs_context


def test_an_entity_offices_give_their_japanese_short_forms():
    from stakewatch.core.matching.aliases import office_short_forms, suggest_for
    from stakewatch.core.model import Entity, Office

    assert {"知財担当相", "知財相", "知的財産戦略担当相"} <= set(office_short_forms("知的財産戦略担当大臣"))
    assert office_short_forms("デジタル大臣") == ["デジタル相"]
    assert "経済安保相" in office_short_forms("内閣府特命担当大臣（経済安全保障）")
    kiuchi = Entity("Minoru Kiuchi", "official", names=(("ja", "城内実"),), context=("大臣",),
                    offices=(Office((("ja", ("知的財産戦略担当大臣",)), ("en", ("IP minister",))),),))
    by_text = {c.text: c for c in suggest_for(kiuchi)}
    assert by_text["知財担当相"].kind == "office" and by_text["知財担当相"].needs_context
    assert by_text["城内知財担当相"].needs_context and "기우치 미노루" in by_text
    assert "Minoru Kiuchi" not in by_text  # what the entity already has is not offered again
