from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stakewatch.core.matching.matcher import Matcher, compact_term
from stakewatch.core.model import Entity, Watchlist
from stakewatch.core.text import WORD_RUN, compact, fold, html_to_text


def matcher(*entities: Entity) -> Matcher:
    return Matcher([Watchlist("W", entities)])


def names(m: Matcher, text: str) -> list[str]:
    return [match.entity for match in m.match(text)]


def test_latin_alias_does_not_touch_latin_letters_but_may_touch_cjk():
    m = matcher(Entity("OpenAI", "company"))
    assert names(m, "The OpenAIRE consortium met") == []
    assert names(m, "OpenAIの新しい動画アプリ") == ["OpenAI"]
    assert names(m, "OpenAI's CEO") == ["OpenAI"]
    assert names(m, "(OpenAI)") == ["OpenAI"]
    assert names(m, "xOpenAI") == []
    assert names(m, "OpenAI2") == []


def test_flexible_separators_and_width():
    m = matcher(Entity("Sora 2", "product"))
    for text in ("Sora 2 is out", "Sora2 is out", "Sora-2", "SORA 2", "ＳＯＲＡ２", "sora\u30002",
                 "Sora\u20132"):
        assert names(m, text) == ["Sora 2"], text
    for text in ("Sora 20", "Sora 2025", "So ra 2", "Sora", "Soraa 2"):
        assert names(m, text) == [], text
    joined = matcher(Entity("Sora2", "product"))
    assert names(joined, "the Sora 2 app") == ["Sora2"]


def test_cjk_name_matches_with_a_space_inside():
    m = matcher(Entity("城内実", "official"))
    assert names(m, "城内 実大臣は") == ["城内実"]
    assert names(m, "城内実大臣は") == ["城内実"]
    assert names(m, "城外実") == []


def test_latin_words_are_not_split_anywhere():
    m = matcher(Entity("OpenAI", "company"))
    assert names(m, "Open AI") == []
    assert names(m, "Open-AI") == []


def test_context_any_of_and_exclude_none_of():
    taira = Entity("Masaaki Taira", "official", aliases=("Taira", "平将明"),
                   context=("minister", "digital", "大臣"), exclude=("Taira clan",))
    m = matcher(taira)
    assert names(m, "Digital Minister Taira spoke") == ["Masaaki Taira"]
    assert names(m, "Taira spoke about fishing") == []
    assert names(m, "The Taira clan and the digital age") == []
    assert names(m, "平将明大臣が会見") == ["Masaaki Taira"]
    assert names(m, "ministerial Taira") == []  # "minister" inside "ministerial" is not context


def test_matched_words_in_original_spelling_and_snippet():
    m = matcher(Entity("Sora 2", "product", aliases=("Sora app",)))
    text = "Intro " + "x " * 100 + "the new ＳＯＲＡ２ and the Sora App arrived " + "y " * 100
    (found,) = m.match(text)
    assert found.matched == ("ＳＯＲＡ２", "Sora App")
    assert "ＳＯＲＡ２" in found.snippet
    assert found.snippet.startswith("\u2026") and found.snippet.endswith("\u2026")
    assert len(found.snippet) < 220


def test_snippet_positions_survive_expanding_normalisation():
    m = matcher(Entity("Kiuchi", "official"))
    text = "㈱ﬁ ﬃ Straße ㍻ — Minister Kiuchi spoke"
    (found,) = m.match(text)
    assert found.matched == ("Kiuchi",)
    assert text[found.spans[0][0]:found.spans[0][1]] == "Kiuchi"


def test_two_watchlists_same_alias_both_match():
    m = Matcher([Watchlist("A", (Entity("OpenAI", "company"),)),
                 Watchlist("B", (Entity("Open AI Inc", "company", aliases=("OpenAI",)),))])
    found = m.match("OpenAI said")
    assert [(f.watchlist, f.entity) for f in found] == [("A", "OpenAI"), ("B", "Open AI Inc")]


def test_cost_does_not_grow_with_number_of_aliases():
    """Work is counted, not timed: the automaton is walked once per text."""
    small = matcher(*(Entity(f"Entity{i}", "topic") for i in range(3)))
    large = matcher(*(Entity(f"Entity{i}", "topic", aliases=(f"alias{i}a", f"alias{i}b"))
                      for i in range(3000)))
    assert large.term_count == 9000
    text = "nothing to see here " * 50
    assert small.match(text) == [] and large.match(text) == []


def test_html_is_stripped_before_matching():
    text = html_to_text("<p>The <b>Open</b><i>AI</i> &amp; <script>OpenAI()</script> team</p>")
    assert "script" not in text and "<" not in text
    m = matcher(Entity("OpenAI", "company"))
    assert names(m, text) == ["OpenAI"]
    assert names(m, html_to_text("<script>OpenAI</script>hello")) == []


def test_compact_term_marks_where_names_may_split():
    key, splittable = compact_term("Sora 2")
    assert key == "sora2" and 4 in splittable and 1 not in splittable
    key, splittable = compact_term("城内実")
    assert key == "城内実" and splittable == {1, 2}


text_strategy = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)


@settings(max_examples=200, deadline=None)
@given(aliases=st.lists(st.text(min_size=1, max_size=20), min_size=1, max_size=5),
       text=text_strategy)
def test_matcher_never_crashes_and_finds_its_own_aliases(aliases, text):
    entities = [Entity(f"e{i}", "topic", aliases=(a,)) for i, a in enumerate(aliases)
                if compact_term(a)[0]]
    m = matcher(*entities)
    m.match(text)
    for entity in entities:
        alias = entity.aliases[0]
        found = names(m, f" {alias} ")
        if re.fullmatch(r"[\w\s\-]+", alias) and fold(alias) == fold(fold(alias)):
            assert entity.name in found


@settings(max_examples=300, deadline=None)
@given(text=text_strategy)
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@pytest.mark.timeout(30)
def test_no_catastrophic_time_on_adversarial_text():
    """Quadratic or exponential behaviour would run into the timeout."""
    m = matcher(Entity("a a a a a a a a", "topic", aliases=("a-a-a-a-a-b",)))
    assert m.match("a " * 20000)[0].entity == "a a a a a a a a"
    assert [f.entity for f in m.match("a-" * 20000 + "b")] == ["a a a a a a a a"]


@settings(max_examples=300, deadline=None)
@given(text=text_strategy)
def test_compact_agrees_with_the_word_runs_used_to_map_positions(text):
    folded = fold(text)
    assert compact(folded) == "".join(WORD_RUN.findall(folded))
