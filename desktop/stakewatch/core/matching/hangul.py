"""Japanese readings in Hangul, as Korean coverage writes Japanese names.

The standard is the Korean transcription of Japanese (외래어 표기법, 일본어의 표기): the か, た
and ち rows and their palatal forms are unaspirated at the start of a word (기우치, 다이라) and
aspirated elsewhere (마사아키); つ is 쓰, ん and っ close the syllable before them (ㄴ, ㅅ), and
long vowels are not written (고노 다로). A family name and a given name each start a word. Korean
technology sites often aspirate the first consonant too (타이라 마사아키, 키우치), so
`press_variant` gives that spelling as well. Pure functions, any thread.
"""

from __future__ import annotations

from .romaji import to_hiragana

_ROWS = {
    # kana: (word-initial, elsewhere)
    "あ": "아", "い": "이", "う": "우", "え": "에", "お": "오",
    "か": ("가", "카"), "き": ("기", "키"), "く": ("구", "쿠"), "け": ("게", "케"), "こ": ("고", "코"),
    "さ": "사", "し": "시", "す": "스", "せ": "세", "そ": "소",
    "た": ("다", "타"), "ち": ("지", "치"), "つ": "쓰", "て": ("데", "테"), "と": ("도", "토"),
    "な": "나", "に": "니", "ぬ": "누", "ね": "네", "の": "노",
    "は": "하", "ひ": "히", "ふ": "후", "へ": "헤", "ほ": "호",
    "ま": "마", "み": "미", "む": "무", "め": "메", "も": "모",
    "や": "야", "ゆ": "유", "よ": "요",
    "ら": "라", "り": "리", "る": "루", "れ": "레", "ろ": "로",
    "わ": "와", "ゐ": "이", "ゑ": "에", "を": "오",
    "が": "가", "ぎ": "기", "ぐ": "구", "げ": "게", "ご": "고",
    "ざ": "자", "じ": "지", "ず": "즈", "ぜ": "제", "ぞ": "조",
    "だ": "다", "ぢ": "지", "づ": "즈", "で": "데", "ど": "도",
    "ば": "바", "び": "비", "ぶ": "부", "べ": "베", "ぼ": "보",
    "ぱ": "파", "ぴ": "피", "ぷ": "푸", "ぺ": "페", "ぽ": "포",
    "きゃ": ("갸", "캬"), "きゅ": ("규", "큐"), "きょ": ("교", "쿄"),
    "ぎゃ": "갸", "ぎゅ": "규", "ぎょ": "교",
    "しゃ": "샤", "しゅ": "슈", "しょ": "쇼",
    "じゃ": "자", "じゅ": "주", "じょ": "조",
    "ちゃ": ("자", "차"), "ちゅ": ("주", "추"), "ちょ": ("조", "초"),
    "にゃ": "냐", "にゅ": "뉴", "にょ": "뇨",
    "ひゃ": "햐", "ひゅ": "휴", "ひょ": "효",
    "びゃ": "뱌", "びゅ": "뷰", "びょ": "뵤",
    "ぴゃ": "퍄", "ぴゅ": "퓨", "ぴょ": "표",
    "みゃ": "먀", "みゅ": "뮤", "みょ": "묘",
    "りゃ": "랴", "りゅ": "류", "りょ": "료",
}
_VOWEL = {"あ": "a", "い": "i", "う": "u", "え": "e", "お": "o", "ゃ": "a", "ゅ": "u", "ょ": "o"}
_SMALL = "ゃゅょ"
_VOWELS = ("あ", "い", "う", "え", "お")
_FIRST, _LAST = 0xAC00, 0xD7A3
_FINAL_N, _FINAL_S = 4, 19
# unaspirated initial -> aspirated (ㄱ -> ㅋ, ㄷ -> ㅌ, ㅈ -> ㅊ), as initial consonant indexes
_ASPIRATED = {0: 15, 3: 16, 12: 14}


def _vowel_of(mora: str) -> str:
    """The vowel a mora ends in (a, i, u, e, o), from its last kana."""
    last = mora[-1]
    if last in _VOWEL:
        return _VOWEL[last]
    for vowel, row in (("a", "かさたなはまやらわがざだばぱ"), ("i", "きしちにひみりぎじぢびぴ"),
                       ("u", "くすつぬふむゆるぐずづぶぷ"), ("e", "けせてねへめれげぜでべぺ"),
                       ("o", "こそとのほもよろをごぞどぼぽ")):
        if last in row:
            return vowel
    return ""


def _morae(kana: str) -> list[str] | None:
    text = to_hiragana(kana)
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i:i + 2]
        if len(pair) == 2 and pair[1] in _SMALL and pair in _ROWS:
            out.append(pair)
            i += 2
            continue
        if text[i] not in _ROWS and text[i] not in "んっー":
            return None
        out.append(text[i])
        i += 1
    return out


def _close(syllables: list[str], final: int) -> None:
    """Give the last syllable a final consonant (ん -> ㄴ, っ -> ㅅ)."""
    if syllables:
        code = ord(syllables[-1])
        if _FIRST <= code <= _LAST and (code - _FIRST) % 28 == 0:
            syllables[-1] = chr(code + final)


def word(kana: str) -> str | None:
    """One word (a family or a given name) in Hangul by the standard, None if it is not plain kana."""
    morae = _morae(kana)
    if not morae:
        return None
    syllables: list[str] = []
    previous = ""
    for position, mora in enumerate(morae):
        following = morae[position + 1] if position + 1 < len(morae) else ""
        if mora == "ん":
            _close(syllables, _FINAL_N)
        elif mora == "っ":
            _close(syllables, _FINAL_S)
        elif mora == "ー":
            pass
        elif syllables and previous and (
                (mora == "う" and _vowel_of(previous) in ("o", "u") and following not in _VOWELS)
                or (mora == "お" and _vowel_of(previous) == "o")):
            pass  # a long vowel is not written (こう -> 고, たろう -> 로); 井上 いのうえ keeps its う
        else:
            forms = _ROWS[mora]
            initial = not syllables
            syllables.append(forms if isinstance(forms, str) else forms[0 if initial else 1])
        previous = mora if mora not in "んっー" else previous
    return "".join(syllables) or None


def name(family_kana: str, given_kana: str) -> str | None:
    """A Japanese name, family name first, in standard Hangul: きうち みのる -> 기우치 미노루."""
    family, given = word(family_kana), word(given_kana)
    return f"{family} {given}" if family and given else None


def press_variant(text: str) -> str:
    """Each word's first consonant aspirated, as technology sites write it: 다이라 -> 타이라."""
    words = []
    for piece in text.split(" "):
        code = ord(piece[0]) if piece else 0
        if _FIRST <= code <= _LAST:
            index = code - _FIRST
            initial = index // (21 * 28)
            if initial in _ASPIRATED:
                piece = chr(_FIRST + _ASPIRATED[initial] * 21 * 28 + index % (21 * 28)) + piece[1:]
        words.append(piece)
    return " ".join(words)
