"""Kana to romaji in the spellings the press uses, and romaji back to katakana.

Pure functions, any thread. Hepburn, with the long vowels written four ways: with a macron
(Jōnai), dropped (Jonai), as the kana has them (Jounai) and with an h (Kohno, Satoh).
"""

from __future__ import annotations

import re

_BASE = {
    "あ": "a", "い": "i", "う": "u", "え": "e", "お": "o",
    "か": "ka", "き": "ki", "く": "ku", "け": "ke", "こ": "ko",
    "さ": "sa", "し": "shi", "す": "su", "せ": "se", "そ": "so",
    "た": "ta", "ち": "chi", "つ": "tsu", "て": "te", "と": "to",
    "な": "na", "に": "ni", "ぬ": "nu", "ね": "ne", "の": "no",
    "は": "ha", "ひ": "hi", "ふ": "fu", "へ": "he", "ほ": "ho",
    "ま": "ma", "み": "mi", "む": "mu", "め": "me", "も": "mo",
    "や": "ya", "ゆ": "yu", "よ": "yo",
    "ら": "ra", "り": "ri", "る": "ru", "れ": "re", "ろ": "ro",
    "わ": "wa", "ゐ": "i", "ゑ": "e", "を": "o", "ん": "n",
    "が": "ga", "ぎ": "gi", "ぐ": "gu", "げ": "ge", "ご": "go",
    "ざ": "za", "じ": "ji", "ず": "zu", "ぜ": "ze", "ぞ": "zo",
    "だ": "da", "ぢ": "ji", "づ": "zu", "で": "de", "ど": "do",
    "ば": "ba", "び": "bi", "ぶ": "bu", "べ": "be", "ぼ": "bo",
    "ぱ": "pa", "ぴ": "pi", "ぷ": "pu", "ぺ": "pe", "ぽ": "po",
    "ゔ": "vu", "ぁ": "a", "ぃ": "i", "ぅ": "u", "ぇ": "e", "ぉ": "o",
}
_SMALL_Y = {"ゃ": "a", "ゅ": "u", "ょ": "o"}
_PALATAL = {"し": "sh", "ち": "ch", "じ": "j", "ぢ": "j"}
_LONG = {"o": "ō", "u": "ū"}


def to_hiragana(text: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in text)


def to_katakana(text: str) -> str:
    return "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in text)


def syllables(kana: str) -> list[str] | None:
    """Hepburn syllables of a kana word, None when it holds anything else."""
    text = to_hiragana(kana)
    out: list[str] = []
    double = False
    i = 0
    while i < len(text):
        char = text[i]
        if char == "っ":
            double = True
            i += 1
            continue
        if char == "ー":
            if out:
                out.append(out[-1][-1])
            i += 1
            continue
        if char not in _BASE:
            return None
        piece = _BASE[char]
        if i + 1 < len(text) and text[i + 1] in _SMALL_Y and char in _BASE and char not in "あいうえおやゆよ":
            vowel = _SMALL_Y[text[i + 1]]
            piece = (_PALATAL[char] if char in _PALATAL else piece[:-1] + "y") + vowel
            i += 1
        if double and piece[0] not in "aeioun":
            piece = ("t" if piece.startswith("ch") else piece[0]) + piece
        double = False
        out.append(piece)
        i += 1
    return out


def spellings(kana: str) -> list[str]:
    """The romaji spellings of a kana name word, the kana-faithful one first (jounai, jōnai, jonai…)."""
    parts = syllables(kana)
    if not parts:
        return []
    faithful = "".join(parts)
    macron: list[str] = []
    for index, piece in enumerate(parts):
        previous = macron[-1][-1] if macron else ""
        following = parts[index + 1] if index + 1 < len(parts) else ""
        if (piece in ("u", "o") and previous in ("o", "u") and (piece == "u" or previous == "o")
                and following not in ("a", "i", "u", "e", "o")):
            macron[-1] = macron[-1][:-1] + _LONG[previous]
            continue
        macron.append(piece)
    spelled = [faithful, "".join(macron), "".join(dropped_long(macron))]
    if "ō" in spelled[1]:
        spelled.append(spelled[1].replace("ō", "oh").replace("ū", "u"))
    return list(dict.fromkeys(spelled))


def dropped_long(pieces: list[str]) -> list[str]:
    return [p.replace("ō", "o").replace("ū", "u") for p in pieces]


_ROMAJI = sorted(((r, k) for k, r in _BASE.items() if k not in "ぁぃぅぇぉゐゑをぢづ"), key=lambda x: -len(x[0]))
_YOON = {(_PALATAL.get(k) or _BASE[k][:-1] + "y") + v: k + s
         for k in "きしちにひみりぎじびぴ" for s, v in _SMALL_Y.items()}
_WORD = re.compile(r"^[a-zāēīōū']+$")


def romaji_to_katakana(word: str) -> str | None:
    """Katakana of a Japanese name in romaji (Kiuchi -> キウチ), None when it does not read as romaji."""
    text = word.lower().replace("ō", "ou").replace("ū", "uu").replace("'", "")
    if not _WORD.match(text):
        return None
    table = dict(_ROMAJI)
    out: list[str] = []
    i = 0
    while i < len(text):
        if i + 1 < len(text) and text[i] == text[i + 1] and text[i] not in "aeioun":
            out.append("っ")
            i += 1
            continue
        if text.startswith("tch", i):
            out.append("っ")
            i += 1
            continue
        for size in (3, 2, 1):
            chunk = text[i:i + size]
            if chunk in _YOON:
                out.append(_YOON[chunk])
                break
            if chunk in table and not (chunk == "n" and i + 1 < len(text) and text[i + 1] in "aeiouy"):
                out.append(table[chunk])
                break
        else:
            return None
        i += size
    return to_katakana("".join(out))


_FOREIGN_SYLLABLES = {
    "ti": "ティ", "di": "ディ", "tu": "トゥ", "du": "ドゥ", "fa": "ファ", "fi": "フィ", "fe": "フェ", "fo": "フォ",
    "fu": "フ", "wi": "ウィ", "we": "ウェ", "wo": "ウォ", "je": "ジェ", "she": "シェ", "che": "チェ", "ye": "イェ",
    "si": "シ", "zi": "ジ", "hu": "フ", "yi": "イ", "wu": "ウ", "va": "バ", "vi": "ビ", "vu": "ブ", "ve": "ベ",
    "vo": "ボ",
}
_CLOSING = {"t": "ト", "d": "ド", "n": "ン", "m": "ム", "sh": "シュ", "ch": "チ", "j": "ジ", "ts": "ツ"}
_VOWELS = "aeiou"


def english_to_katakana(word: str) -> str | None:
    """A rough katakana reading of an English or other Latin-script name (Musk -> マスク,
    Nadella -> ナデラ), for names the dictionary lacks; None when it has other letters."""
    text = word.lower()
    if not re.fullmatch(r"[a-z]+", text):
        return None
    for old, new in (("chr", "kr"), ("ch", "C"), ("ph", "f"), ("ck", "k"), ("th", "s"), ("qu", "kw"), ("x", "ks"),
                     ("q", "k")):
        text = text.replace(old, new)
    text = re.sub(r"c(?=[eiy])", "s", text).replace("c", "k").replace("C", "ch").replace("l", "r")
    text = re.sub(r"m(?=[pb])", "n", text)
    text = text.replace("ch", "C").replace("sh", "S")
    text = re.sub(r"(?<=[^aeiou])h|h(?![aeiou])", "", text).replace("C", "ch").replace("S", "sh")
    text = re.sub(r"([^aeiou])\1", r"\1", text)
    text = re.sub(r"u(?=[^aeiouy][^aeiouy]|[^aeiouy]$)", "a", text)
    text = re.sub(r"(?<=[^aeiou])y(?=[aeiou])", "i", text)
    text = re.sub(r"(?<=[^aeiou])y$", "i", text)
    out: list[str] = []
    i = 0
    while i < len(text):
        for size in (3, 2, 1):
            chunk = text[i:i + size]
            consonants = chunk.rstrip(_VOWELS)
            if len(chunk) < size:
                continue
            if chunk in _FOREIGN_SYLLABLES:
                out.append(_FOREIGN_SYLLABLES[chunk])
                break
            if chunk[-1] in _VOWELS and len(consonants) == size - 1:
                kana = romaji_to_katakana(chunk)
                if kana:
                    out.append(kana)
                    break
        else:
            size = 2 if text[i:i + 2] in _CLOSING else 1
            chunk = text[i:i + size]
            if chunk in _CLOSING:
                out.append(_CLOSING[chunk])
            else:
                kana = romaji_to_katakana(chunk + "u")
                if kana is None:
                    return None
                out.append(kana)
        i += size
    return "".join(out)
