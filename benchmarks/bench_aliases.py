"""Recall of alias suggestions on officials' names, against the spellings English coverage used.

Each entry is a name as Japanese pages write it and the romanizations that appeared in English
news coverage of that person (including known non-standard ones such as "Kohno" or "Jouchi").
Misprints that are not readings of the name ("Junichi Konai", "Masanobu Taira") are listed apart:
a reading table cannot and should not produce them, which is why users still add aliases by hand.

Run: .venv/bin/python benchmarks/bench_aliases.py  (writes the "Alias suggestions" section)
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from results import write_section  # noqa: E402

from stakewatch.core.matching.aliases import MAX_CANDIDATES, count_matches, reading_table, suggest  # noqa: E402
from stakewatch.core.store.aliases import RECENT_ITEMS  # noqa: E402

OFFICIALS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("城内実", ("Minoru Kiuchi", "Minoru Jouchi")),
    ("平将明", ("Masaaki Taira",)),
    ("塩崎彰久", ("Akihisa Shiozaki",)),
    ("石破茂", ("Shigeru Ishiba",)),
    ("岸田文雄", ("Fumio Kishida",)),
    ("高市早苗", ("Sanae Takaichi",)),
    ("林芳正", ("Yoshimasa Hayashi",)),
    ("河野太郎", ("Taro Kono", "Taro Kohno", "Kono Taro")),
    ("加藤勝信", ("Katsunobu Kato",)),
    ("茂木敏充", ("Toshimitsu Motegi",)),
    ("上川陽子", ("Yoko Kamikawa",)),
    ("小泉進次郎", ("Shinjiro Koizumi",)),
    ("岩屋毅", ("Takeshi Iwaya",)),
    ("中谷元", ("Gen Nakatani",)),
    ("赤沢亮正", ("Ryosei Akazawa",)),
    ("武藤容治", ("Yoji Muto",)),
    ("村上誠一郎", ("Seiichiro Murakami",)),
    ("福岡資麿", ("Takamaro Fukuoka",)),
    ("浅尾慶一郎", ("Keiichiro Asao",)),
    ("阿部俊子", ("Toshiko Abe",)),
    ("小野田紀美", ("Kimi Onoda",)),
    ("松本尚", ("Hisashi Matsumoto",)),
    ("木原稔", ("Minoru Kihara",)),
    ("甘利明", ("Akira Amari",)),
    ("西村康稔", ("Yasutoshi Nishimura",)),
    ("斎藤健", ("Ken Saito",)),
    ("松野博一", ("Hirokazu Matsuno",)),
    ("鈴木俊一", ("Shunichi Suzuki",)),
    ("野田佳彦", ("Yoshihiko Noda",)),
    ("玉木雄一郎", ("Yuichiro Tamaki",)),
    ("菅義偉", ("Yoshihide Suga",)),
    ("安倍晋三", ("Shinzo Abe",)),
    ("麻生太郎", ("Taro Aso",)),
    ("平井卓也", ("Takuya Hirai",)),
    ("小林鷹之", ("Takayuki Kobayashi",)),
    ("松本剛明", ("Takeaki Matsumoto",)),
    ("坂井学", ("Manabu Sakai",)),
    ("鈴木馨祐", ("Keisuke Suzuki",)),
)
MISPRINTS: tuple[tuple[str, str], ...] = (("城内実", "Junichi Konai"), ("平将明", "Masanobu Taira"))
KATAKANA: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Sam Altman", ("サム・アルトマン", "アルトマン")),
    ("Elon Musk", ("イーロン・マスク", "マスク")),
    ("Donald Trump", ("ドナルド・トランプ", "トランプ")),
    ("Satya Nadella", ("サティア・ナデラ", "ナデラ")),
    ("Sundar Pichai", ("サンダー・ピチャイ", "ピチャイ")),
    ("Demis Hassabis", ("デミス・ハサビス", "ハサビス")),
    ("Jensen Huang", ("ジェンスン・フアン", "フアン")),
    ("Brad Smith", ("ブラッド・スミス", "スミス")),
    ("Mark Zuckerberg", ("マーク・ザッカーバーグ", "ザッカーバーグ")),
)


def main() -> int:
    started = time.perf_counter()
    reading_table()
    load = time.perf_counter() - started
    hits = total = 0
    ranks: list[int] = []
    missed: list[str] = []
    timings: list[float] = []
    for name, spellings in OFFICIALS:
        began = time.perf_counter()
        found = [c.text.casefold() for c in suggest(name)]
        timings.append(time.perf_counter() - began)
        for spelling in spellings:
            total += 1
            if spelling.casefold() in found:
                hits += 1
                ranks.append(found.index(spelling.casefold()) + 1)
            else:
                missed.append(f"{name} → {spelling}")
    kata_hits = kata_total = 0
    kata_missed: list[str] = []
    for name, wanted in KATAKANA:
        found = [c.text for c in suggest(name)]
        for spelling in wanted:
            kata_total += 1
            if spelling in found:
                kata_hits += 1
            else:
                kata_missed.append(f"{name} → {spelling}")
    words = ("政府は", "生成AI", "著作権", "said", "the", "OpenAI", "Sora 2", "デジタル庁", "記者会見", "について",
             "policy")
    rng = random.Random(17)
    texts = [" ".join(rng.choice(words) for _ in range(150)) + (" Minoru Kiuchi said" if n % 100 == 0 else "")
             for n in range(RECENT_ITEMS)]
    began = time.perf_counter()
    count_matches(suggest("城内実"), texts)
    counting = time.perf_counter() - began
    misprints = sum(1 for name, spelling in MISPRINTS
                    if spelling.casefold() in [c.text.casefold() for c in suggest(name)])
    body = f"""
Suggestions for {len(OFFICIALS)} officials' names in kanji, checked against {total} romanizations
that English coverage used (family-first forms included where coverage used them); at most
{MAX_CANDIDATES} readings, titles and katakana per name. The name's Hangul (standard and press
spellings), its Simplified and Traditional forms and its surname with titles come first, so a romaji
spelling ranks about a dozen places lower than before they were offered (median 10, worst 35).

| measure | value |
| --- | --- |
| recall, romaji spellings of kanji names | {hits}/{total} = {hits / total:.0%} |
| median rank of a found spelling (1 = first candidate) | {statistics.median(ranks):.0f} |
| worst rank of a found spelling | {max(ranks)} |
| recall, katakana of Latin names | {kata_hits}/{kata_total} = {kata_hits / kata_total:.0%} |
| misprints produced (should be 0: not readings) | {misprints}/{len(MISPRINTS)} |
| loading the reading table | {load * 1000:.0f} ms |
| one suggestion, median | {statistics.median(timings) * 1000:.1f} ms |
| counting {MAX_CANDIDATES} candidates over {RECENT_ITEMS:,} items of about 1 KB (1% matching) | {counting:.1f} s |

Missed romaji: {", ".join(missed) or "none"}.
Missed katakana: {", ".join(kata_missed) or "none"}.
"""
    print(body)
    write_section("Alias suggestions", "python benchmarks/bench_aliases.py", body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
